"""Measure the site search: index build time next to MkDocs', index size, bytes and time to a cold query's first result.

    .venv/bin/python benchmarks/search.py [--runs 3] [--query 人工智能 ...]

Copies the project (real data) to a temporary directory, generates content/,
then times `mkdocs build` and Pagefind's indexing of its output separately
(median of --runs). Then it serves the built site locally and, for each query
in a fresh browser context (a cold cache), opens the home page, presses "/",
types the query and waits for the first result: it prints the bytes fetched
after the key press (as served, and gzip-compressed as a static host would
send them) and the milliseconds from the key press to the first result, locally and on a throttled 1.6 Mbit/s line.
Prints figures only; asserts nothing (timing is never a test).
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))

from conftest import copy_project  # noqa: E402  (the tests' throw-away project copy)

from generator.build import pagefind_command  # noqa: E402
from generator.render import generate_site_content  # noqa: E402

DEFAULT_QUERIES = ["人工智能", "穗府〔2018〕8号", "500万元", "扬帆起航", "区科工商信局"]
CHROMIUM = os.environ.get("CHROMIUM") or "/usr/bin/chromium"
# A slow mobile line (1.6 Mbit/s down, 150 ms latency), as Lighthouse's "slow 4G" throttling: on it the
# order of fetches is visible, so the bytes before the first result are counted exactly.
SLOW_LINE = {"offline": False, "latency": 150, "downloadThroughput": 1.6e6 / 8, "uploadThroughput": 750e3 / 8}


def timed(command: list[str], cwd: Path) -> float:
    started = time.perf_counter()
    subprocess.run(command, cwd=cwd, check=True, capture_output=True,
                   env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "PLAN_COMPARE_GENERATED": "1"})
    return time.perf_counter() - started


def directory_size(path: Path) -> tuple[int, int]:
    files = [file for file in path.rglob("*") if file.is_file()]
    return len(files), sum(file.stat().st_size for file in files)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def measure_queries(site: Path, queries: list[str], throttle: bool) -> None:
    from playwright.sync_api import sync_playwright

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    line = "on a 1.6 Mbit/s line with 150 ms latency" if throttle else "locally, unthrottled"
    print(f"\nbytes fetched after the key press ({line}): until the first result shows, and until all 20 are listed")
    print(f"{'query':<22} {'files':>5} {'bytes served':>13} {'bytes gzip':>11} {'ms to first result':>19}")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        for query in queries:
            context = browser.new_context()
            page = context.new_page()
            if throttle:
                session = context.new_cdp_session(page)
                session.send("Network.enable")
                session.send("Network.emulateNetworkConditions", SLOW_LINE)
            page.goto(url)
            page.wait_for_load_state("networkidle")
            fetched: list[str] = []
            page.on("requestfinished", lambda request: fetched.append(request.url))
            started = time.perf_counter()
            page.keyboard.press("/")
            page.locator("#site-search-input").fill(query)
            page.locator("#site-search-input").press("End")
            page.locator("#site-search-results li").first.wait_for(timeout=30000)
            elapsed_ms = (time.perf_counter() - started) * 1000
            before_first = list(fetched)
            page.wait_for_function("document.querySelector('#site-search-results').dataset.state === 'done'")
            page.wait_for_load_state("networkidle")
            for label, urls in (("first", before_first), ("all 20", fetched)):
                files = [site / u.replace(url, "").split("?")[0] for u in urls if u.startswith(url)]
                raw = sum(file.stat().st_size for file in files if file.is_file())
                compressed = sum(len(gzip.compress(file.read_bytes(), 6)) for file in files if file.is_file())
                shown = f"{elapsed_ms:>19.0f}" if label == "first" else f"{'':>19}"
                print(f"{query + ' (' + label + ')':<22} {len(files):>5} {raw:>13,} {compressed:>11,} {shown}")
            context.close()
        browser.close()
    server.shutdown()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--query", action="append", dest="queries")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        project = copy_project(Path(temporary) / "project", REPO / "data")
        generate_site_content(project)
        site = project.root / "site"
        mkdocs = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)]
        pagefind = pagefind_command(project) + ["--site", str(site), "--force-language", "zh", "--quiet"]
        mkdocs_times, index_times = [], []
        for _ in range(arguments.runs):
            mkdocs_times.append(timed(mkdocs, project.root))
            index_times.append(timed(pagefind, project.root))
        pages = sum(1 for _ in site.rglob("*.html"))
        count, size = directory_size(site / "pagefind")
        print(f"pages (HTML files):          {pages}")
        print(f"mkdocs build, median:        {statistics.median(mkdocs_times):.2f} s  (runs: "
              + ", ".join(f"{t:.2f}" for t in mkdocs_times) + ")")
        print(f"Pagefind index, median:      {statistics.median(index_times):.2f} s  (runs: "
              + ", ".join(f"{t:.2f}" for t in index_times) + ")")
        print(f"index on disk (pagefind/):   {size:,} bytes in {count} files")
        for throttle in (False, True):
            measure_queries(site, arguments.queries or DEFAULT_QUERIES, throttle)
    return 0


if __name__ == "__main__":
    sys.exit(main())
