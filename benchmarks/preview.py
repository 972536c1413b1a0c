"""Measure the preview: seconds from saving a plan file to the served page showing the change.

    .venv/bin/python benchmarks/preview.py [--edits N] [--plan haizhu-sti-13]

Copies the project (real data) to a temporary directory, starts
`python -m generator serve --port 0` there, waits for it, then N times adds a
data note with a counter to one plan file and polls the plan's page until the
counter shows. Then it breaks the file (a misspelt field), polls until the page
is the error list, fixes the file and polls until the page is back. Prints each
latency, the median and the number of builds the preview logged; asserts
nothing (timing is never a test).
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))

from conftest import copy_project  # noqa: E402  (the tests' throw-away project copy)

POLL_SECONDS = 0.02
TIMEOUT_SECONDS = 60.0


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


def until(url: str, condition, started: float) -> float:
    while time.perf_counter() - started < TIMEOUT_SECONDS:
        status, body = fetch(url)
        if condition(status, body):
            return time.perf_counter() - started
        time.sleep(POLL_SECONDS)
    raise SystemExit(f"the preview did not show the change within {TIMEOUT_SECONDS:.0f} s")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--edits", type=int, default=7)
    parser.add_argument("--plan", default="haizhu-sti-13")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        project = copy_project(Path(temporary) / "project", REPO / "data")
        command = [sys.executable, "-m", "generator", "--root", str(project.root), "serve", "--port", "0"]
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=project.root, stderr=subprocess.PIPE, text=True, encoding="utf-8")
        log: list[str] = []
        ready = threading.Event()
        url_found: list[str] = []

        def read_log() -> None:
            assert process.stderr is not None
            for line in process.stderr:
                log.append(line.rstrip("\n"))
                if match := re.search(r"serving on (http://\S+/)", line):
                    url_found.append(match[1])
                    ready.set()

        threading.Thread(target=read_log, daemon=True).start()
        try:
            if not ready.wait(TIMEOUT_SECONDS):
                raise SystemExit("the preview did not start:\n" + "\n".join(log))
            print(f"start          {time.perf_counter() - started:6.2f} s (process start + first generation)")
            page = f"{url_found[0]}plans/{args.plan}/"
            plan_file = project.data / "plans" / f"{args.plan}.yaml"
            original = plan_file.read_text(encoding="utf-8")
            assert "\nnotes:\n" in original, "the plan needs a notes: list for this benchmark"
            until(page, lambda status, body: status == 200, time.perf_counter())
            latencies = []
            for count in range(1, args.edits + 1):
                marker = f"预览基准第{count}次修改"
                edited = original.replace("\nnotes:\n", f"\nnotes:\n  - kind: other\n    text: {marker}\n", 1)
                time.sleep(0.3)  # the browser would be idle between edits
                started = time.perf_counter()
                plan_file.write_text(edited, encoding="utf-8")
                latency = until(page, lambda status, body: status == 200 and marker in body, started)
                latencies.append(latency)
                print(f"edit {count:<9d} {latency:6.2f} s")
            print(f"median edit    {statistics.median(latencies):6.2f} s over {len(latencies)} edit(s)")
            broken = original.replace("\nshort_title:", "\nshort_titel:", 1)
            time.sleep(0.3)
            started = time.perf_counter()
            plan_file.write_text(broken, encoding="utf-8")
            latency = until(page, lambda status, body: 'data-preview-state="errors"' in body
                            and re.search(r"data/plans/\S+\.yaml:\d+:\d+", body), started)
            print(f"error page     {latency:6.2f} s (the page lists file:line:column)")
            time.sleep(0.3)
            started = time.perf_counter()
            plan_file.write_text(original, encoding="utf-8")
            latency = until(page, lambda status, body: status == 200 and 'data-preview-state="ok"' in body, started)
            print(f"recovery       {latency:6.2f} s")
            time.sleep(0.5)
            builds = [line for line in log if line.startswith("[preview] build ")]
            print(f"builds         {len(builds)} for 1 start + {args.edits} edits + 1 error + 1 fix")
            for line in builds:
                print("   ", line)
        finally:
            process.terminate()
            process.wait(timeout=10)


if __name__ == "__main__":
    main()
