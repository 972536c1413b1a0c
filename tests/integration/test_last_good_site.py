"""A failed validation or build leaves site/ exactly as it was."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.build import build_site
from generator.pipeline import ProjectPaths

pytestmark = pytest.mark.slow
BROKEN = Path(__file__).resolve().parents[1] / "fixtures" / "broken"


def tree_digest(directory: Path) -> dict[str, str]:
    return {str(path.relative_to(directory)): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(directory.rglob("*")) if path.is_file()}


def test_broken_data_leaves_the_last_good_site_whole(minimal_project: ProjectPaths) -> None:
    assert build_site(minimal_project) == 0
    before = tree_digest(minimal_project.site)
    content_before = tree_digest(minimal_project.content)
    assert "plans/mini-plan/index.html" in before

    shutil.copy(BROKEN / "unknown_place.yaml", minimal_project.data / "plans" / "mini-plan.yaml")
    result = subprocess.run([sys.executable, "-m", "generator", "--root", str(minimal_project.root), "build"],
                            capture_output=True, text=True, cwd=minimal_project.root)
    assert result.returncode == 1
    assert "error[unknown-reference]" in result.stderr and "Traceback" not in result.stderr
    assert tree_digest(minimal_project.site) == before
    assert tree_digest(minimal_project.content) == content_before


def test_failed_mkdocs_build_leaves_the_last_good_site_whole(minimal_project: ProjectPaths) -> None:
    assert build_site(minimal_project) == 0
    before = tree_digest(minimal_project.site)
    # A hand-written page with a broken link fails the strict build after generation succeeded.
    (minimal_project.content / "open-data.md").write_text("[坏链接](missing.md)\n", encoding="utf-8")
    assert build_site(minimal_project) != 0
    assert tree_digest(minimal_project.site) == before
    assert not (minimal_project.root / "site.new").exists()


def test_failed_search_index_leaves_the_last_good_site_whole(minimal_project: ProjectPaths,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    assert build_site(minimal_project) == 0
    before = tree_digest(minimal_project.site)
    assert any(name.startswith("pagefind/") for name in before), "the built site carries its search index"
    failing = minimal_project.root / "failing-pagefind"
    failing.write_text("#!/bin/sh\necho 'pagefind: index failed' >&2\nexit 3\n", encoding="utf-8")
    failing.chmod(0o755)
    monkeypatch.setenv("PAGEFIND", str(failing))
    assert build_site(minimal_project) == 3
    assert tree_digest(minimal_project.site) == before
    assert not (minimal_project.root / "site.new").exists()


def test_missing_pagefind_is_a_clear_error_not_a_traceback(minimal_project: ProjectPaths,
                                                           monkeypatch: pytest.MonkeyPatch,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    (minimal_project.root / "tools").unlink()  # the copy's link to the installed tools
    monkeypatch.delenv("PAGEFIND", raising=False)
    monkeypatch.setattr("generator.build.GENERATOR_CHECKOUT", minimal_project.root)  # as on a clone without `make`
    assert build_site(minimal_project) == 1
    assert "Pagefind is not installed" in capsys.readouterr().err
    assert not minimal_project.site.exists()

