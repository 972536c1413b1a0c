"""Measure the pipeline: time per stage, pages generated, site size. Prints figures; asserts nothing.

    .venv/bin/python benchmarks/build.py [--repeat N]

Runs on a throw-away copy of the project so the working tree is untouched.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))

from generator.build import build_site  # noqa: E402
from generator.link import link_dataset  # noqa: E402
from generator.pipeline import ProjectPaths  # noqa: E402
from generator.compare import compare  # noqa: E402
from generator.render import render_pages  # noqa: E402
from generator.validate import validate_data_dir  # noqa: E402
from conftest import copy_project  # noqa: E402  (the tests' throw-away project copy)


def timed(function, *args):
    start = time.perf_counter()
    result = function(*args)
    return result, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    paths = ProjectPaths(REPO)
    stages: dict[str, list[float]] = {"load+validate": [], "link": [], "compare": [], "render": []}
    for _ in range(args.repeat):
        files, seconds = timed(validate_data_dir, paths.data, paths.root)
        stages["load+validate"].append(seconds)
        dataset, seconds = timed(link_dataset, files, paths.data)
        stages["link"].append(seconds)
        comparisons, seconds = timed(compare, dataset)
        stages["compare"].append(seconds)
        pages, seconds = timed(render_pages, dataset, comparisons, paths.templates)
        stages["render"].append(seconds)
    for name, values in stages.items():
        print(f"{name:14s} median {statistics.median(values) * 1000:8.1f} ms over {len(values)} run(s)")
    markdown = [text for name, text in pages.items() if name.endswith(".md")]
    print(f"pages          {len(markdown)} Markdown pages, {sum(len(t.encode()) for t in markdown) / 1024:.0f} KiB")
    with tempfile.TemporaryDirectory() as temporary:
        project = copy_project(Path(temporary) / "project", paths.data)
        _, seconds = timed(build_site, project)
        size = sum(path.stat().st_size for path in project.site.rglob("*") if path.is_file())
        index = project.site / "search" / "search_index.json"
        print(f"full build     {seconds:8.2f} s (generate + mkdocs build --strict)")
        print(f"site size      {size / 1024 / 1024:8.2f} MiB, search index {index.stat().st_size / 1024:.0f} KiB")


if __name__ == "__main__":
    main()
