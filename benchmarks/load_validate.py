"""Measure load + validate (+ link) of the real data, phase by phase. Prints figures; asserts nothing.

    .venv/bin/python benchmarks/load_validate.py [--runs N] [--profile-top 15] [--build] [--build-runs N]

Phases (median of --runs, every data file under data/ as validate_data_dir reads them):

- read + decode: the bytes read and decoded (generator.load.decode_utf8);
- the project's loader with PyYAML's pure-Python parser (load_yaml_file(..., libyaml=False)):
  text -> plain data + a position for every key and value, aliases refused;
- the project's loader as used (libyaml's events under the same composer, when PyYAML has libyaml);
- for reference, PyYAML's own C paths without the project's rules: yaml.parse (events) and
  yaml.compose (nodes, with marks) with CSafeLoader;
- pydantic validation of the loaded data (model.model_validate, no YAML);
- validate_data_dir (load + validate as the pipeline runs it) and link (link_dataset: registries,
  references, source texts, quote checks);
- a cProfile of validate_data_dir + link_dataset, top entries by cumulative time.

--build also times `python -m generator build` on a throw-away copy of the project (the real data,
tests/conftest.py's copy_project): the first build, then builds with nothing changed (which find
site/ up to date and skip generation, MkDocs and Pagefind), one forced with PLAN_COMPARE_FORCE_BUILD=1
(what every build did before the up-to-date check), and one after a comment is added to a plan file;
each a fresh process as `make site` runs it.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))

import yaml  # noqa: E402

from generator import load  # noqa: E402
from generator.link import link_dataset  # noqa: E402
from generator.pipeline import ProjectPaths  # noqa: E402
from generator.validate import _display, data_files, validate_data_dir  # noqa: E402


def median_time(function, runs: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def report(name: str, seconds: float, note: str = "") -> None:
    print(f"  {name:58s} {seconds * 1000:8.1f} ms  {note}")


def phases(paths: ProjectPaths, runs: int) -> None:
    files = [(path, model, _display(path, paths.root)) for path, model in data_files(paths.data) if path.exists()]
    texts = [load.decode_utf8(path.read_bytes(), display)[0] for path, _, display in files]
    lines = sum(text.count("\n") for text in texts)
    size = sum(len(path.read_bytes()) for path, _, _ in files)
    print(f"data: {len(files)} YAML files, {lines} lines, {size / 1024:.0f} KiB; libyaml available: {load.LIBYAML}; "
          f"median of {runs} run(s)")

    seconds, _ = median_time(lambda: [load.decode_utf8(path.read_bytes(), display) for path, _, display in files], runs)
    report("read + decode", seconds)
    pure, loaded = median_time(lambda: [load.load_yaml_file(path, display, libyaml=False)
                                        for path, _, display in files], runs)
    report("project loader, PyYAML pure Python (marks, positions)", pure)
    fast, loaded_fast = median_time(lambda: [load.load_yaml_file(path, display) for path, _, display in files], runs)
    report("project loader as used (libyaml events when available)", fast, f"{pure / fast:.1f}x faster" if fast else "")
    same = all(repr(a[0].data) == repr(b[0].data) and a[0].positions == b[0].positions
               for a, b in zip(loaded, loaded_fast))
    print(f"  {'':58s} same data and positions from both: {same}")
    if load.LIBYAML:
        seconds, _ = median_time(lambda: [list(yaml.parse(text, Loader=yaml.CSafeLoader)) for text in texts], runs)
        report("reference: yaml.parse, CSafeLoader (events only)", seconds)
        seconds, _ = median_time(lambda: [yaml.compose(text, Loader=yaml.CSafeLoader) for text in texts], runs)
        report("reference: yaml.compose, CSafeLoader (nodes with marks)", seconds)
        seconds, _ = median_time(lambda: [yaml.load(text, Loader=yaml.CSafeLoader) for text in texts], runs)
        report("reference: yaml.load, CSafeLoader (no positions)", seconds)
    data = [(model, result[0].data) for (_, model, _), result in zip(files, loaded_fast) if result[0] is not None]
    seconds, _ = median_time(lambda: [model.model_validate(value) for model, value in data], runs)
    report("pydantic validation (model_validate)", seconds)
    seconds, validated = median_time(lambda: validate_data_dir(paths.data, paths.root), runs)
    report("validate_data_dir (load + validate)", seconds)
    seconds, _ = median_time(lambda: link_dataset(validate_data_dir(paths.data, paths.root), paths.data), runs)
    report("validate_data_dir + link_dataset", seconds)


def profile(paths: ProjectPaths, top: int) -> None:
    profiler = cProfile.Profile()
    profiler.enable()
    link_dataset(validate_data_dir(paths.data, paths.root), paths.data)
    profiler.disable()
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(top)
    print(f"\ncProfile of validate_data_dir + link_dataset, top {top} by cumulative time:")
    print("\n".join(line for line in out.getvalue().splitlines() if line.strip())[-4000 - 200 * top:])


def builds(runs: int) -> None:
    from conftest import copy_project

    print("\npython -m generator build on a copy of the project (real data), each a fresh process:")
    with tempfile.TemporaryDirectory() as temporary:
        project = copy_project(Path(temporary) / "project", REPO / "data")
        command = [sys.executable, "-m", "generator", "--root", str(project.root), "build"]
        environment = {key: value for key, value in os.environ.items() if key != "PLAN_COMPARE_FORCE_BUILD"}
        for index in range(1 + runs):
            start = time.perf_counter()
            result = subprocess.run(command, cwd=REPO, capture_output=True, text=True, env=environment)
            seconds = time.perf_counter() - start
            lines = [line for line in result.stdout.splitlines() if line.strip()]
            outcome = "up to date" if any("is up to date" in line for line in lines) else lines[-1] if lines else ""
            label = "first build" if index == 0 else f"build {index + 1}, nothing changed"
            report(label, seconds, f"exit {result.returncode}: {outcome}")
            if result.returncode != 0:
                print(result.stdout[-2000:], result.stderr[-2000:])
                return
        start = time.perf_counter()
        result = subprocess.run(command, cwd=REPO, capture_output=True, text=True,
                                env={**environment, "PLAN_COMPARE_FORCE_BUILD": "1"})
        report("nothing changed, PLAN_COMPARE_FORCE_BUILD=1 (every build before)", time.perf_counter() - start,
               f"exit {result.returncode}")
        (project.data / "plans" / "haizhu-sti-13.yaml").write_text(
            (project.data / "plans" / "haizhu-sti-13.yaml").read_text(encoding="utf-8") + "\n# an edit\n",
            encoding="utf-8")
        start = time.perf_counter()
        result = subprocess.run(command, cwd=REPO, capture_output=True, text=True, env=environment)
        report("a comment added to a plan file (rebuilds)", time.perf_counter() - start, f"exit {result.returncode}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per phase; the median is printed")
    parser.add_argument("--profile-top", type=int, default=15)
    parser.add_argument("--build", action="store_true", help="also time a first and unchanged second build on a copy")
    parser.add_argument("--build-runs", type=int, default=2, help="unchanged builds after the first")
    args = parser.parse_args()
    paths = ProjectPaths(REPO)
    phases(paths, args.runs)
    profile(paths, args.profile_top)
    if args.build:
        builds(args.build_runs)


if __name__ == "__main__":
    main()
