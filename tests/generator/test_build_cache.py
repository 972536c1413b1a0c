"""Work once: a build whose inputs equal those recorded in site/.build-inputs does not run MkDocs or Pagefind.

The digests themselves are tested without building (fast); the builds run on
throw-away copies of the minimal project and are marked slow (they run MkDocs).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator import build
from generator.build import FORCE_BUILD, INPUTS_RECORD, UP_TO_DATE, build_site, input_digests
from generator.pipeline import ProjectPaths
from generator.render import generate_site_content

REPO = Path(__file__).resolve().parents[2]


# --- the digests (no build) ------------------------------------------------------------------------

@pytest.fixture
def generated(minimal_project: ProjectPaths) -> ProjectPaths:
    generate_site_content(minimal_project)
    return minimal_project


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_digests_are_stable(generated: ProjectPaths) -> None:
    assert input_digests(generated, True) == input_digests(generated, True)


@pytest.mark.parametrize(("change", "part"), [
    (lambda p: edit(p.data / "plans" / "mini-plan.yaml", "示例区科技发展规划", "示例区科技发展规划（修订）"), "data"),
    (lambda p: edit(p.templates / "plan.md.j2", "\n", "\n{# a comment: no page changes #}\n"), "site_templates"),
    (lambda p: edit(p.content / "stylesheets" / "extra.css", "\n", "\n/* a rule */\n"), "content"),
    (lambda p: edit(p.root / "mkdocs.yml", "site_name:", "# a comment\nsite_name:"), "mkdocs.yml"),
    (lambda p: edit(p.root / "hooks" / "generate_pages.py", "\n", "\n# a comment\n"), "hooks"),
    (lambda p: edit(p.data / "sources" / "mini.txt", "\n", "\n\n"), "data"),
])
def test_every_kind_of_input_changes_its_digest(generated: ProjectPaths, change, part: str) -> None:
    before = input_digests(generated, True)
    change(generated)
    after = input_digests(generated, True)
    assert [name for name in before if before[name] != after[name]] == [part]


def test_generator_code_pagefind_and_settings_are_inputs(generated: ProjectPaths, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    before = input_digests(generated, True)
    package = tmp_path / "generator"
    shutil.copytree(build.GENERATOR_PACKAGE, package, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(build, "GENERATOR_PACKAGE", package)
    assert input_digests(generated, True) == before  # the same files
    edit(package / "render.py", "\n", "\n# a comment\n")
    assert input_digests(generated, True)["generator"] != before["generator"]
    monkeypatch.setattr(build, "GENERATOR_PACKAGE", build.GENERATOR_PACKAGE)

    other = tmp_path / "other-pagefind"
    other.write_text("#!/bin/sh\nexit 0\n", encoding="utf-8")
    monkeypatch.setenv("PAGEFIND", str(other))
    assert input_digests(generated, True)["pagefind"] != before["pagefind"]
    monkeypatch.delenv("PAGEFIND")

    assert input_digests(generated, False)["settings"] != before["settings"]  # --no-strict
    monkeypatch.setenv("PLAN_COMPARE_SITE_URL", "https://example.org/")
    assert input_digests(generated, True)["settings"] != before["settings"]


# --- builds (MkDocs and Pagefind) ------------------------------------------------------------------

class Commands:
    """The subprocesses build_site starts (git, MkDocs, Pagefind), recorded and then run."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch):
        self.seen: list[list[str]] = []
        run = subprocess.run

        def recording(command, *args, **kwargs):
            self.seen.append([str(part) for part in command])
            return run(command, *args, **kwargs)

        monkeypatch.setattr(build.subprocess, "run", recording)

    def ran(self, what: str) -> bool:
        found = any(what in " ".join(command) for command in self.seen)
        return found

    def clear(self) -> None:
        self.seen.clear()


@pytest.fixture
def commands(monkeypatch: pytest.MonkeyPatch) -> Commands:
    monkeypatch.delenv(FORCE_BUILD, raising=False)
    monkeypatch.delenv("PAGEFIND", raising=False)
    return Commands(monkeypatch)


@pytest.fixture(scope="module")
def first_build(tmp_path_factory: pytest.TempPathFactory) -> ProjectPaths:
    """The minimal project built once for this module; each test works on its own copy of it."""
    from tests.conftest import FIXTURES, copy_project

    project = copy_project(tmp_path_factory.mktemp("built") / "project", FIXTURES / "minimal" / "data")
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv(FORCE_BUILD, raising=False)
        patch.delenv("PAGEFIND", raising=False)
        assert build_site(project) == 0
    return project


@pytest.fixture
def built(first_build: ProjectPaths, tmp_path: Path) -> ProjectPaths:
    """A copy of the built project (site/ and its record included; tools/ stays a link)."""
    shutil.copytree(first_build.root, tmp_path / "project", symlinks=True)
    return ProjectPaths(tmp_path / "project")


def site_state(site: Path) -> dict[str, tuple[int, int, int]]:
    """Every file's inode, mtime and size: equal only when nothing in site/ was written again."""
    return {str(path.relative_to(site)): (path.stat().st_ino, path.stat().st_mtime_ns, path.stat().st_size)
            for path in sorted(site.rglob("*"))}


@pytest.mark.slow
def test_a_second_build_with_unchanged_inputs_skips_mkdocs_and_pagefind(
        minimal_project: ProjectPaths, commands: Commands, capsys: pytest.CaptureFixture[str]) -> None:
    assert build_site(minimal_project) == 0
    assert commands.ran("mkdocs") and commands.ran("pagefind")
    record = json.loads((minimal_project.site / INPUTS_RECORD).read_text(encoding="utf-8"))
    assert record["inputs"] == input_digests(minimal_project, True)
    before = site_state(minimal_project.site)
    capsys.readouterr()
    commands.clear()

    content = site_state(minimal_project.content)
    assert build_site(minimal_project) == 0
    out = capsys.readouterr().out
    assert UP_TO_DATE in out and "generated" not in out  # not even generation ran
    assert not commands.ran("mkdocs") and not commands.ran("pagefind")
    assert site_state(minimal_project.site) == before
    assert site_state(minimal_project.content) == content
    assert not (minimal_project.root / "site.new").exists()


@pytest.mark.slow
def test_a_deleted_generated_page_is_generated_again_and_the_site_is_still_up_to_date(
        built: ProjectPaths, commands: Commands, capsys: pytest.CaptureFixture[str]) -> None:
    page = built.content / "plans" / "mini-plan.md"
    text = page.read_bytes()
    page.unlink()
    assert build_site(built) == 0
    out = capsys.readouterr().out
    assert "1 written" in out and UP_TO_DATE in out
    assert page.read_bytes() == text
    assert not commands.ran("mkdocs")


@pytest.mark.slow
def test_the_command_line_says_the_site_is_up_to_date(built: ProjectPaths) -> None:
    command = [sys.executable, "-m", "generator", "--root", str(built.root), "build"]
    result = subprocess.run(command, capture_output=True, text=True, cwd=REPO,
                            env={**os.environ, FORCE_BUILD: "", "PAGEFIND": ""})
    assert result.returncode == 0 and UP_TO_DATE in result.stdout
    assert "Documentation built" not in result.stdout + result.stderr  # MkDocs did not run


@pytest.mark.slow
def test_a_changed_data_file_rebuilds(built: ProjectPaths, commands: Commands,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    edit(built.data / "plans" / "mini-plan.yaml", "示例区科技发展规划", "示例区科技发展规划（修订）")
    assert build_site(built) == 0
    out = capsys.readouterr().out
    assert UP_TO_DATE not in out and "changed since the last build: content, data" in out
    assert commands.ran("mkdocs") and commands.ran("pagefind")
    assert "示例区科技发展规划（修订）" in (built.site / "plans" / "mini-plan" / "index.html").read_text(encoding="utf-8")
    commands.clear()
    assert build_site(built) == 0  # and then it is up to date again
    assert UP_TO_DATE in capsys.readouterr().out and not commands.ran("mkdocs")


@pytest.mark.slow
def test_a_changed_template_rebuilds_even_when_no_page_changes(built: ProjectPaths, commands: Commands,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    edit(built.templates / "plan.md.j2", "\n", "\n{# a comment: no page changes #}\n")
    assert build_site(built) == 0
    assert "changed since the last build: site_templates" in capsys.readouterr().out
    assert commands.ran("mkdocs") and commands.ran("pagefind")


@pytest.mark.slow
def test_a_changed_static_asset_rebuilds(built: ProjectPaths, commands: Commands,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    edit(built.content / "stylesheets" / "extra.css", "\n", "\n/* a rule */\n")
    assert build_site(built) == 0
    assert "changed since the last build: content" in capsys.readouterr().out
    assert "/* a rule */" in (built.site / "stylesheets" / "extra.css").read_text(encoding="utf-8")


@pytest.mark.slow
def test_force_and_a_site_changed_by_hand_rebuild(built: ProjectPaths, commands: Commands,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(FORCE_BUILD, "1")
    assert build_site(built) == 0
    assert commands.ran("mkdocs")
    monkeypatch.delenv(FORCE_BUILD)

    commands.clear()
    (built.site / "plans" / "mini-plan" / "index.html").unlink()
    assert build_site(built) == 0
    assert commands.ran("mkdocs")
    assert (built.site / "plans" / "mini-plan" / "index.html").is_file()


@pytest.mark.slow
def test_a_failed_build_records_nothing(built: ProjectPaths, commands: Commands) -> None:
    record = (built.site / INPUTS_RECORD).read_text(encoding="utf-8")
    open_data = built.content / "open-data.md"
    good = open_data.read_bytes()
    open_data.write_text("[坏链接](missing.md)\n", encoding="utf-8")  # fails the strict build after generation
    assert build_site(built) != 0
    commands.clear()
    assert build_site(built) != 0, "a failed build must not be taken for an up-to-date one"
    assert commands.ran("mkdocs")
    # The site in place and its record are the last good build's.
    assert (built.site / INPUTS_RECORD).read_text(encoding="utf-8") == record
    assert not (built.root / "site.new").exists()
    open_data.write_bytes(good)  # back to the inputs of the site in place: nothing to build
    commands.clear()
    assert build_site(built) == 0
    assert not commands.ran("mkdocs")


@pytest.mark.slow
def test_a_failed_search_index_is_not_taken_for_an_up_to_date_site(built: ProjectPaths, commands: Commands,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    record = (built.site / INPUTS_RECORD).read_text(encoding="utf-8")
    failing = built.root / "failing-pagefind"
    failing.write_text("#!/bin/sh\necho 'pagefind: index failed' >&2\nexit 3\n", encoding="utf-8")
    failing.chmod(0o755)
    monkeypatch.setenv("PAGEFIND", str(failing))
    assert build_site(built) == 3
    assert build_site(built) == 3
    assert (built.site / INPUTS_RECORD).read_text(encoding="utf-8") == record


@pytest.mark.slow
def test_inputs_changed_during_the_build_are_not_recorded(built: ProjectPaths, commands: Commands,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    index = build.build_search_index

    def editing_meanwhile(paths: ProjectPaths, site: Path) -> int:
        edit(paths.content / "stylesheets" / "extra.css", "\n", "\n/* saved while MkDocs ran */\n")
        return index(paths, site)

    monkeypatch.setattr(build, "build_search_index", editing_meanwhile)
    monkeypatch.setenv(FORCE_BUILD, "1")
    assert build_site(built) == 0
    assert not (built.site / INPUTS_RECORD).exists()
    monkeypatch.setattr(build, "build_search_index", index)
    monkeypatch.delenv(FORCE_BUILD)
    commands.clear()
    assert build_site(built) == 0
    assert commands.ran("mkdocs")
    assert (built.site / INPUTS_RECORD).exists()
