"""The preview server on a copy of the minimal project: pages, edits, data errors, recovery, one build per edit.

Every wait polls with a generous timeout; no test asserts a speed (benchmarks/preview.py measures it).
"""

from __future__ import annotations

import re
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.pipeline import ProjectPaths
from generator.preview import RunningPreview, start_preview

TIMEOUT = 20.0
PLAN_PAGE = "plans/mini-plan/"


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=TIMEOUT) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


def poll(url: str, condition) -> tuple[int, str]:
    deadline = time.monotonic() + TIMEOUT
    while True:
        status, body = fetch(url)
        if condition(status, body) or time.monotonic() > deadline:
            return status, body
        time.sleep(0.05)


@pytest.fixture
def running(minimal_project: ProjectPaths) -> Iterator[RunningPreview]:
    preview = start_preview(minimal_project, log=lambda line: None)
    try:
        yield preview
    finally:
        preview.close()


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_pages_and_static_files_are_served(running: RunningPreview, minimal_project: ProjectPaths) -> None:
    status, body = fetch(running.url + PLAN_PAGE)
    assert status == 200
    assert "示例区科技发展规划" in body
    assert 'data-preview-state="ok"' in body
    assert 'href="/sources/mini/#p' in body  # relative .md links became the site's URLs
    assert "/_preview/wait?version=" in body  # the reload script
    assert fetch(running.url)[0] == 200
    assert fetch(running.url + "open-data/")[0] == 200  # a hand-written page
    assert fetch(running.url + "stylesheets/extra.css")[0] == 200
    assert fetch(running.url + "data/indicators.csv")[0] == 200
    assert fetch(running.url + "no-such-page/")[0] == 404
    # Nothing is written into content/: the preview keeps its pages in memory.
    assert not (minimal_project.content / "plans").exists()


def test_an_edit_shows_after_exactly_one_build(running: RunningPreview, minimal_project: ProjectPaths) -> None:
    plan = minimal_project.data / "plans" / "mini-plan.yaml"
    builds = running.preview.builds
    with plan.open("a", encoding="utf-8") as file:
        file.write("notes:\n  - kind: other\n    text: 预览测试的修改\n")
    status, body = poll(running.url + PLAN_PAGE, lambda status, body: "预览测试的修改" in body)
    assert status == 200 and "预览测试的修改" in body
    time.sleep(1.0)  # ten times the watcher's polling interval: a second build would have started
    assert running.preview.builds == builds + 1


def test_a_data_error_is_shown_in_the_browser_then_recovers(running: RunningPreview,
                                                            minimal_project: ProjectPaths) -> None:
    plan = minimal_project.data / "plans" / "mini-plan.yaml"
    line = next(number for number, text in enumerate(plan.read_text(encoding="utf-8").splitlines(), start=1)
                if text.startswith("short_title:"))
    edit(plan, "\nshort_title:", "\nshort_titel:")
    status, body = poll(running.url + PLAN_PAGE, lambda status, body: 'data-preview-state="errors"' in body)
    assert status == 503
    assert f"data/plans/mini-plan.yaml:{line}:1" in body
    assert "short_titel" in body and "unknown-field" in body
    assert "Traceback" not in body
    # Every page shows the errors, not an old page.
    assert 'data-preview-state="errors"' in fetch(running.url)[1]
    edit(plan, "\nshort_titel:", "\nshort_title:")
    status, body = poll(running.url + PLAN_PAGE, lambda status, body: 'data-preview-state="ok"' in body)
    assert status == 200 and "示例区科技发展规划" in body


def test_the_reload_request_answers_when_the_generation_changes(running: RunningPreview,
                                                                minimal_project: ProjectPaths) -> None:
    version = running.preview.version
    (minimal_project.content / "stylesheets" / "extra.css").write_text("/* changed */\n", encoding="utf-8")
    status, body = fetch(f"{running.url}_preview/wait?version={version}")
    assert status == 200 and int(body) > version


def test_make_serve_command_serves_the_site(minimal_project: ProjectPaths) -> None:
    """`python -m generator serve` (what `make serve` runs) prints its address and serves the pages."""
    command = [sys.executable, "-m", "generator", "--root", str(minimal_project.root), "serve", "--port", "0"]
    process = subprocess.Popen(command, cwd=minimal_project.root, stderr=subprocess.PIPE, text=True, encoding="utf-8")
    try:
        assert process.stderr is not None
        url = None
        deadline = time.monotonic() + TIMEOUT
        while url is None and time.monotonic() < deadline:
            line = process.stderr.readline()
            if not line:
                break
            if match := re.search(r"serving on (http://\S+/)", line):
                url = match[1]
        assert url, "the preview did not print its address"
        status, body = fetch(url + PLAN_PAGE)
        assert status == 200 and "示例区科技发展规划" in body
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_a_template_edit_shows(running: RunningPreview, minimal_project: ProjectPaths) -> None:
    template = minimal_project.templates / "plan.md.j2"
    template.write_text(template.read_text(encoding="utf-8") + "\n模板的修改\n", encoding="utf-8")
    status, body = poll(running.url + PLAN_PAGE, lambda status, body: "模板的修改" in body)
    assert status == 200 and "模板的修改" in body
