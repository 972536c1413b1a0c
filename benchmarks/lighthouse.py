"""Lighthouse (mobile) scores of the built site: performance and accessibility of a few kinds of page.

    make lighthouse                     # installs tools/lighthouse (npm ci), then runs this on site/
    .venv/bin/python benchmarks/lighthouse.py [SITE_DIR] [--page plans/haizhu-sti-13/ ...]

Serves SITE_DIR (default site/) locally with gzip, as a static host would, and
runs Lighthouse from tools/lighthouse (pinned by its package-lock.json) with
Debian's chromium (CHROME_PATH=/usr/bin/chromium) on each page, with
Lighthouse's default mobile emulation and throttling. Prints the scores and
the main metrics; asserts nothing. Point it at an older build to compare.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import io
import json
import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
LIGHTHOUSE = REPO / "tools/lighthouse/node_modules/.bin/lighthouse"
PAGES = ["", "plans/haizhu-sti-13/", "comparisons/haizhu-sti-13--haizhu-sti-14/", "indicators/incubators/"]
COMPRESSIBLE = (".html", ".js", ".css", ".json", ".svg", ".xml", ".txt", ".csv")


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzip-compressed when the browser accepts it (GitHub Pages and most hosts do)."""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_head(self):  # type: ignore[no-untyped-def]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if "gzip" not in self.headers.get("Accept-Encoding", "") or path.suffix not in COMPRESSIBLE or not path.is_file():
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def run_lighthouse(url: str, output: Path) -> dict:
    command = [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={output}",
               "--only-categories=performance,accessibility",
               "--chrome-flags=--headless=new --no-sandbox --disable-gpu"]
    environment = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    subprocess.run(command, check=True, env=environment, capture_output=True)
    return json.loads(output.read_text(encoding="utf-8"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", default=str(REPO / "site"))
    parser.add_argument("--page", action="append", dest="pages")
    arguments = parser.parse_args()
    if not LIGHTHOUSE.exists():
        print("Lighthouse is not installed: make lighthouse (npm ci in tools/lighthouse)", file=sys.stderr)
        return 1
    handler = functools.partial(GzipHandler, directory=arguments.site)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    print(f"{'page':<46} {'perf':>4} {'a11y':>4} {'FCP s':>6} {'LCP s':>6} {'TBT ms':>7} {'CLS':>5} {'KB':>6}")
    with tempfile.TemporaryDirectory() as temporary:
        for page in arguments.pages or PAGES:
            report = run_lighthouse(base + page, Path(temporary) / "report.json")
            audits, categories = report["audits"], report["categories"]
            kilobytes = audits["total-byte-weight"]["numericValue"] / 1024
            print(f"{'/' + page:<46} {categories['performance']['score'] * 100:>4.0f} "
                  f"{categories['accessibility']['score'] * 100:>4.0f} "
                  f"{audits['first-contentful-paint']['numericValue'] / 1000:>6.1f} "
                  f"{audits['largest-contentful-paint']['numericValue'] / 1000:>6.1f} "
                  f"{audits['total-blocking-time']['numericValue']:>7.0f} "
                  f"{audits['cumulative-layout-shift']['numericValue']:>5.2f} {kilobytes:>6.0f}")
    server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
