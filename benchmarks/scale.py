"""Measure how the build scales with the number of plans, on synthetic projects. Prints figures; asserts nothing.

    .venv/bin/python benchmarks/scale.py [--plans 7 70 700] [--runs 1] [--skip-full-build-above N]
                                         [--timeout 3600] [--retries 3] [--keep]

For each N it writes a throw-away copy of the project (tests/conftest.py's
copy_project: the real code, templates and tools/) whose data/plans/ holds N
plans made from the real ones, data/plans/*.yaml (sorted by file name).
Replica 0 is the real plans as they are; replica k > 0 of each plan gets new
ids (`id`, `series` and the plan ids in `predecessor`/`successor` take the
suffix `-rk`), its own area (`jurisdiction` 海珠区 → 海珠区k, 广州市 → 广州市k,
and `within`, where a district plan has it, → the replica's city 广州市k) and
titles that differ (`title` and `short_title` end in （副本k）). It keeps the
plan's `source`; sources.yaml, data/sources/ and the registries are the real
ones, shared by all replicas. When N is not a multiple of the number of real
plans, the first N plans of the sequence replica 0, replica 1, … are taken,
and a `predecessor`/`successor` naming a plan left out is dropped. The header
lines are rewritten in the YAML text (comments and layout kept), and every
rewritten file is parsed back and compared with what was meant (falling back
to yaml.safe_dump without aliases if a header line were not a plain one-line
scalar); the load+validate stage then proves it valid.

Per N and run it measures, in this order:

1. the in-process stages, in a fresh Python process that imports the copy's
   generator: load+validate (generator.validate.validate_data_dir, as
   generator.pipeline.build_dataset), link, compare, render
   (generator.render.render_pages) and write (generator.write.write_generated_files
   into the copy's content/, which holds only the hand-written files then);
2. a plain MkDocs build of that Markdown: `python -m mkdocs build --strict`
   with PLAN_COMPARE_GENERATED=1 (the hook does not regenerate);
3. the full build `python -m generator build` (generate + MkDocs + Pagefind),
   after the generated files were removed again, so it generates from scratch.

It prints the wall time of each stage (median of --runs), the pages generated,
generation time per generated page and per plan (and per plan relative to
N = 7, to show whether it grows), full build ÷ plain build, and peak memory:
ru_maxrss (resident set) read with os.wait4 for each child process, i.e. the
largest single process of that child's tree; for the full build also the
largest sum of the resident sets of all its processes alive at once (sampled
from /proc every 0.2 s); and for the in-process stages the high-water mark
after each stage (RUSAGE_SELF in that process; not tracemalloc, which would
slow the stages down several times). A timed-out or failed step is
printed as a figure; nothing stops the run. SOURCE_DATE_EPOCH is set for the
builds, so they do not ask git for the commit time. The targets are printed
beside the figures, not asserted: generation ≤ 1 ms per generated page at 700
plans and linear in plans; full build ≤ 1.2 × a plain build; the whole build
within 24 GiB and under 15 minutes on 2 cores.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parent.parent

GENERATION_STAGES = ("load+validate", "link", "compare", "render", "write")
# The top-level fields of a plan file that name the plan, its series, its neighbours, its area and its titles.
HEADER_LINE = re.compile(r"^(id|title|short_title|jurisdiction|within|series|predecessor|successor):(?:[ \t].*)?$")
PLAN_LINKS = ("predecessor", "successor")
FIXED_EPOCH = "1700000000"  # SOURCE_DATE_EPOCH for the builds (a copy is no checkout; never ask git)

TARGET_MS_PER_PAGE = 1.0
TARGET_FULL_OVER_PLAIN = 1.2
TARGET_MEMORY_GIB = 24.0
TARGET_MINUTES = 15.0

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class NoAliasDumper(yaml.SafeDumper):
    """safe_dump that never writes an anchor or alias (the project's loader refuses them)."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


# ---------------------------------------------------------------------------------------------- synthetic data


@dataclass
class RealPlan:
    name: str  # file name
    text: str
    data: dict[str, Any]


@dataclass
class Synthetic:
    plans: int
    replicas: int  # replicas begun (the last may be partial)
    dropped_links: int
    fallback_dumps: int
    seconds: float


def real_plans() -> list[RealPlan]:
    plans = []
    for path in sorted((REPO / "data" / "plans").glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        plans.append(RealPlan(path.name, text, yaml.load(text, Loader=Loader)))
    return plans


def replica_id(plan_id: str, k: int) -> str:
    return plan_id if k == 0 else f"{plan_id}-r{k}"


def replica_fields(plan: dict[str, Any], k: int, included: set[str]) -> dict[str, Any | None]:
    """The new values of the header fields of replica k (None: the field is dropped)."""
    new: dict[str, Any | None] = {}
    for name in PLAN_LINKS:
        if plan.get(name) is not None:
            target = replica_id(plan[name], k)
            new[name] = target if target in included else None
    if k == 0:
        return new
    new["id"] = replica_id(plan["id"], k)
    for name in ("title", "short_title"):
        new[name] = f"{plan[name]}（副本{k}）"
    new["jurisdiction"] = f"{plan['jurisdiction']}{k}"  # 海珠区 → 海珠区k, 广州市 → 广州市k
    if plan.get("within") is not None:
        new["within"] = f"{plan['within']}{k}"  # the replica's city: 广州市k
    if plan.get("series") is not None:
        new["series"] = f"{plan['series']}-r{k}"
    return new


def rewrite(real: RealPlan, new: dict[str, Any | None]) -> tuple[str, dict[str, Any], bool]:
    """The replica's YAML text, the data it must parse to, and whether the text rewrite had to fall back to a dump."""
    expected = dict(real.data)
    for name, value in new.items():
        if value is None:
            expected.pop(name, None)
        else:
            expected[name] = value
    if not new:
        return real.text, expected, False
    lines = real.text.splitlines(keepends=True)
    done: set[str] = set()
    out: list[str] = []
    for line in lines:
        match = HEADER_LINE.match(line.rstrip("\r\n"))
        if match and match.group(1) in new and match.group(1) not in done:
            name = match.group(1)
            done.add(name)
            if new[name] is not None:
                out.append(f"{name}: {json.dumps(new[name], ensure_ascii=False)}\n")  # JSON strings are YAML
            continue
        out.append(line)
    text = "".join(out)
    if done == set(new) and yaml.load(text, Loader=Loader) == expected:
        return text, expected, False
    # A header value the line rewrite cannot handle (a multi-line scalar, say): dump the data instead.
    text = yaml.dump(expected, Dumper=NoAliasDumper, allow_unicode=True, sort_keys=False, width=float("inf"))
    if yaml.load(text, Loader=Loader) != expected:
        raise RuntimeError(f"replica of {real.name} does not parse back to its data")
    return text, expected, True


def write_plans(plans_dir: Path, reals: list[RealPlan], count: int) -> Synthetic:
    started = time.perf_counter()
    sequence = [(k, real) for k in range(-(-count // len(reals))) for real in reals][:count]
    included = {replica_id(real.data["id"], k) for k, real in sequence}
    dropped = fallbacks = 0
    for k, real in sequence:
        new = replica_fields(real.data, k, included)
        dropped += sum(1 for name in PLAN_LINKS if name in new and new[name] is None)
        text, expected, fell_back = rewrite(real, new)
        fallbacks += fell_back
        (plans_dir / f"{expected['id']}.yaml").write_text(text, encoding="utf-8")
    return Synthetic(count, sequence[-1][0] + 1 if sequence else 0, dropped, fallbacks,
                     time.perf_counter() - started)


def make_project(root: Path, reals: list[RealPlan], count: int) -> tuple[Path, Synthetic, set[Path]]:
    """A copy of the project with ``count`` synthetic plans; also the hand-written files of its content/."""
    sys.path.insert(0, str(REPO))
    sys.path.insert(0, str(REPO / "tests"))
    from conftest import copy_project  # the tests' throw-away project copy (symlinks tools/ for Pagefind)

    shutil.rmtree(root, ignore_errors=True)
    project = copy_project(root, REPO / "data").root
    shutil.rmtree(project / "data" / "plans")
    (project / "data" / "plans").mkdir()
    synthetic = write_plans(project / "data" / "plans", reals, count)
    hand_written = {path for path in (project / "content").rglob("*")}
    return project, synthetic, hand_written


def clear_generated(project: Path, hand_written: set[Path]) -> None:
    """Back to the copy's content/ as copied: only the hand-written files (so each step generates from scratch)."""
    content = project / "content"
    for path in sorted(content.rglob("*"), key=lambda p: len(p.parts), reverse=True):
        if path in hand_written:
            continue
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)


# ---------------------------------------------------------------------------------------------- child processes


@dataclass
class Measured:
    seconds: float
    returncode: int | None  # None: timed out (killed)
    maxrss_kib: int  # the largest single process of the child's tree
    stdout: str
    stderr: str
    tree_kib: int = 0  # the largest sum of the RSS of all processes of its session, sampled every 0.2 s

    @property
    def ok(self) -> bool:
        return self.returncode == 0


PAGE_KIB = os.sysconf("SC_PAGE_SIZE") // 1024


def session_rss_kib(session: int) -> int:
    """The resident memory of all live processes of one session (the child's tree: it started a new session)."""
    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(fields[3]) == session:  # field 6 of /proc/PID/stat, the session id
                total += int(fields[21]) * PAGE_KIB  # field 24, rss in pages
        except (OSError, IndexError, ValueError):
            continue
    return total


def run_measured(command: list[str], cwd: Path, env: dict[str, str], timeout: float, logs: Path) -> Measured:
    """Run a command in its own process group; wall time, exit status and peak RSS (os.wait4's ru_maxrss)."""
    logs.parent.mkdir(parents=True, exist_ok=True)
    out_path, err_path = logs.with_suffix(".out"), logs.with_suffix(".err")
    with out_path.open("wb") as out, err_path.open("wb") as err:
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=out, stderr=err, stdin=subprocess.DEVNULL,
                                   start_new_session=True)
        returncode: int | None = None
        usage = None
        tree = 0
        sampled = 0.0
        try:
            while True:
                if time.perf_counter() - sampled >= 0.2:
                    tree = max(tree, session_rss_kib(process.pid))
                    sampled = time.perf_counter()
                pid, status, usage = os.wait4(process.pid, os.WNOHANG)
                if pid:
                    returncode = os.waitstatus_to_exitcode(status)
                    break
                if time.perf_counter() - started > timeout:
                    os.killpg(process.pid, signal.SIGKILL)  # the group this call started, by its id
                    _, _, usage = os.wait4(process.pid, 0)
                    break
                time.sleep(0.05)
        except BaseException:
            if returncode is None:
                os.killpg(process.pid, signal.SIGKILL)
                os.wait4(process.pid, 0)
            raise
        finally:
            process.returncode = returncode if returncode is not None else -signal.SIGKILL
        seconds = time.perf_counter() - started
    return Measured(seconds, returncode, usage.ru_maxrss if usage else 0,
                    out_path.read_text(encoding="utf-8", errors="replace"),
                    err_path.read_text(encoding="utf-8", errors="replace"), tree)


def child_main(project: Path, result_file: Path) -> int:
    """The in-process stages, timed one by one, in this (fresh) process with the copy's generator."""
    started = time.perf_counter()
    sys.path.insert(0, str(project))
    try:
        from generator.compare import compare
        from generator.errors import DataErrors
        from generator.link import link_dataset
        from generator.pipeline import ProjectPaths
        from generator.render import render_pages
        from generator.validate import validate_data_dir
        from generator.write import write_generated_files
    except Exception as error:  # the pipeline may be mid-edit
        print(f"cannot import the generator: {error!r}", file=sys.stderr)
        return 4
    result: dict[str, Any] = {"import": time.perf_counter() - started, "seconds": {}, "maxrss_kib": {}}
    paths = ProjectPaths(project)

    def stage(name: str, function: Any, *args: Any) -> Any:
        begun = time.perf_counter()
        value = function(*args)
        result["seconds"][name] = time.perf_counter() - begun
        result["maxrss_kib"][name] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return value

    try:
        files = stage("load+validate", validate_data_dir, paths.data, paths.root)
        dataset = stage("link", link_dataset, files, paths.data)
    except DataErrors as errors:
        print(errors.report(), file=sys.stderr)
        return 3
    comparisons = stage("compare", compare, dataset)
    pages = stage("render", render_pages, dataset, comparisons, paths.templates)
    report = stage("write", write_generated_files, paths.content, pages)

    def size(value: str | bytes) -> int:
        return len(value.encode("utf-8")) if isinstance(value, str) else len(value)

    markdown = [name for name in pages if name.endswith(".md")]
    result.update({
        "plans": len(dataset.plans),
        "pairs": len(getattr(comparisons, "pairs", []) or []),
        "pages": len(markdown),
        "comparison_pages": sum(1 for name in markdown if name.startswith("comparisons/")),
        "markdown_bytes": sum(size(pages[name]) for name in markdown),
        "files": len(pages),
        "bytes": sum(size(value) for value in pages.values()),
        "written": len(report.written),
        "largest_page": max(((size(pages[name]), name) for name in markdown), default=(0, "")),
    })
    result_file.write_text(json.dumps(result), encoding="utf-8")
    return 0


# ---------------------------------------------------------------------------------------------- one N


@dataclass
class Figures:
    plans: int
    synthetic: Synthetic | None = None
    generation: list[dict[str, Any]] = field(default_factory=list)  # the child's results, one per run
    generation_process: list[Measured] = field(default_factory=list)
    plain: list[Measured] = field(default_factory=list)
    full: list[Measured] = field(default_factory=list)
    html_pages: int = 0
    site_bytes: int = 0
    failure: str = ""


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def seconds_of(runs: list[Measured]) -> str:
    """Median wall time, or what went wrong."""
    if not runs:
        return "skipped"
    if any(run.returncode is None for run in runs):
        return f">{max(run.seconds for run in runs):.0f} s (timeout)"
    if not all(run.ok for run in runs):
        return f"failed (exit {next(run.returncode for run in runs if not run.ok)})"
    return f"{median([run.seconds for run in runs]):.2f} s"


def good_seconds(runs: list[Measured]) -> float | None:
    return median([run.seconds for run in runs]) if runs and all(run.ok for run in runs) else None


def mib(kib: float) -> str:
    return f"{kib / 1024:,.0f} MiB"


def tail(text: str, lines: int = 15) -> str:
    return "\n".join("      " + line for line in text.strip().splitlines()[-lines:])


def pagefind_seconds(run: Measured) -> float | None:
    match = re.search(r"search index built in ([0-9.]+) s", run.stdout)
    return float(match.group(1)) if match else None


def measure(count: int, reals: list[RealPlan], args: argparse.Namespace, work: Path) -> Figures:
    figures = Figures(count)
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": FIXED_EPOCH}
    environment.pop("PLAN_COMPARE_GENERATED", None)
    python = sys.executable
    builds = args.skip_full_build_above is None or count <= args.skip_full_build_above
    for attempt in range(args.retries + 1):
        root = work / f"n{count}"
        project, figures.synthetic, hand_written = make_project(root / "project", reals, count)
        logs = root / "logs"
        figures.generation.clear()
        figures.generation_process.clear()
        figures.plain.clear()
        figures.full.clear()
        failed = ""
        for run in range(args.runs):
            clear_generated(project, hand_written)
            result_file = root / f"generation-{run}.json"
            child = run_measured([python, str(Path(__file__).resolve()), "--_child", str(project), str(result_file)],
                                 project, environment, args.timeout, logs / f"generation-{run}")
            if not child.ok:
                failed = (f"generation {'timed out' if child.returncode is None else f'exited {child.returncode}'}"
                          f" after {child.seconds:.1f} s:\n{tail(child.stderr)}")
                break
            figures.generation_process.append(child)
            figures.generation.append(json.loads(result_file.read_text(encoding="utf-8")))
            if not builds:
                continue
            plain_site = root / "plain-site"
            shutil.rmtree(plain_site, ignore_errors=True)
            plain = run_measured([python, "-m", "mkdocs", "build", "--strict", "--site-dir", str(plain_site),
                                  "--config-file", str(project / "mkdocs.yml")],
                                 project, {**environment, "PLAN_COMPARE_GENERATED": "1"}, args.timeout,
                                 logs / f"plain-{run}")
            figures.plain.append(plain)
            if plain.ok:
                html = [path for path in plain_site.rglob("*.html")]
                figures.html_pages = len(html)
                figures.site_bytes = sum(path.stat().st_size for path in plain_site.rglob("*") if path.is_file())
            else:
                print(f"  plain MkDocs build {seconds_of([plain])}:\n{tail(plain.stderr)}")
            shutil.rmtree(plain_site, ignore_errors=True)
            clear_generated(project, hand_written)
            for leftover in ("site", "site.new", "site.old"):
                shutil.rmtree(project / leftover, ignore_errors=True)
            full = run_measured([python, "-m", "generator", "--root", str(project), "build"],
                                project, environment, args.timeout, logs / f"full-{run}")
            figures.full.append(full)
            if not full.ok:
                print(f"  full build {seconds_of([full])}:\n{tail(full.stdout + full.stderr)}")
            for leftover in ("site", "site.new", "site.old"):
                shutil.rmtree(project / leftover, ignore_errors=True)
        if not failed:
            break
        if attempt < args.retries and "timed out" not in failed:
            print(f"  N={count}: {failed}\n  (the pipeline may be mid-edit: waiting 60 s, then copying the project again)")
            time.sleep(60)
        else:
            figures.failure = failed
    if not args.keep:
        shutil.rmtree(work / f"n{count}", ignore_errors=True)
    return figures


# ---------------------------------------------------------------------------------------------- report


def generation_seconds(result: dict[str, Any]) -> float:
    return sum(result["seconds"][name] for name in GENERATION_STAGES)


def report_one(figures: Figures, runs: int) -> None:
    synthetic = figures.synthetic
    print(f"\nN = {figures.plans} plans  ({synthetic.replicas} replica(s) of the real plans begun, "
          f"{synthetic.dropped_links} predecessor/successor link(s) dropped, "
          f"{synthetic.fallback_dumps} file(s) written by safe_dump; project written in {synthetic.seconds:.1f} s)")
    if figures.failure:
        print(f"  not measured: {figures.failure}")
        return
    results = figures.generation
    last = results[-1]
    print(f"  {'stage':<44} {'wall (median of ' + str(runs) + ')':>20}   peak memory")
    print(f"  {'python start + import generator':<44} {median([r['import'] for r in results]):>18.2f} s")
    for name in GENERATION_STAGES:
        print(f"  {name:<44} {median([r['seconds'][name] for r in results]):>18.2f} s   "
              f"{mib(max(r['maxrss_kib'][name] for r in results)):>10} ru_maxrss of the process after it")
    generation = median([generation_seconds(r) for r in results])
    print(f"  {'generation (the five stages)':<44} {generation:>18.2f} s   "
          f"{mib(max(m.maxrss_kib for m in figures.generation_process)):>10} (wait4, whole process)")
    print(f"  {'mkdocs build --strict (plain)':<44} {seconds_of(figures.plain):>20}   "
          + (f"{mib(max(m.maxrss_kib for m in figures.plain)):>10} (wait4, largest process)" if figures.plain else ""))
    pagefind = [p for p in (pagefind_seconds(m) for m in figures.full) if p is not None]
    print(f"  {'python -m generator build (full)':<44} {seconds_of(figures.full):>20}   "
          + (f"{mib(max(m.maxrss_kib for m in figures.full)):>10} (wait4, largest process of its tree); "
             f"{mib(max(m.tree_kib for m in figures.full))} all its processes at once (sampled)"
             if figures.full else "")
          + (f"\n  {'  of which Pagefind (as it reports)':<44} {median(pagefind):>18.2f} s" if pagefind else ""))
    print(f"  pages: {last['pages']} Markdown pages generated, {last['comparison_pages']} of them comparison pages "
          f"({last['pairs']} pairs), {last['markdown_bytes'] / 2**20:.1f} MiB of Markdown; "
          f"{last['files']} files in all, {last['bytes'] / 2**20:.1f} MiB; "
          f"largest page {last['largest_page'][1]} {last['largest_page'][0] / 1024:.0f} KiB")
    if figures.html_pages:
        print(f"  site (plain build): {figures.html_pages} HTML files, {figures.site_bytes / 2**20:.1f} MiB")
    print(f"  generation per generated page: {generation * 1000 / max(last['pages'], 1):.2f} ms "
          f"(target ≤ {TARGET_MS_PER_PAGE:g} ms at 700 plans); per plan: {generation * 1000 / figures.plans:.0f} ms")


def number(value: float | None, width: int, decimals: int) -> str:
    return f"{value:>{width}.{decimals}f}" if value is not None else f"{'-':>{width}}"


def report_summary(all_figures: list[Figures]) -> None:
    measured = [f for f in all_figures if f.generation and not f.failure]
    if not measured:
        return
    baseline = next((f for f in measured if f.plans == 7), None)
    base_per_plan = median([generation_seconds(r) for r in baseline.generation]) / 7 if baseline else None
    print("\nsummary (wall times are medians of the runs; memory: see below the table)")
    header = (f"{'plans':>6} {'pages':>7} {'pairs':>7} {'MD MiB':>7} {'gen s':>8} {'ms/page':>8} {'ms/plan':>8} "
              f"{'×/plan vs 7':>11} {'plain s':>8} {'full s':>8} {'full/plain':>10} {'full min':>8} {'peak GiB':>8}")
    print(header)
    for f in measured:
        last = f.generation[-1]
        generation = median([generation_seconds(r) for r in f.generation])
        per_plan = generation / f.plans
        growth = f"{per_plan / base_per_plan:.2f}" if base_per_plan and f.plans != 7 else ("1.00" if base_per_plan else "n/a")
        plain, full = good_seconds(f.plain), good_seconds(f.full)
        ratio = f"{full / plain:.2f}" if plain and full else "n/a"
        peak = max([max(m.maxrss_kib, m.tree_kib) for m in f.generation_process + f.plain + f.full],
                   default=0) / 2**20
        print(f"{f.plans:>6} {last['pages']:>7} {last['pairs']:>7} {last['markdown_bytes'] / 2**20:>7.1f} "
              f"{generation:>8.2f} {generation * 1000 / max(last['pages'], 1):>8.2f} {per_plan * 1000:>8.0f} "
              f"{growth:>11} {number(plain, 8, 1)} {number(full, 8, 1)} "
              f"{ratio:>10} {number(full / 60 if full else None, 8, 1)} {peak:>8.2f}")
        if f.full and not full:
            print(f"{'':>6} full build: {seconds_of(f.full)}")
        if f.plain and not plain:
            print(f"{'':>6} plain build: {seconds_of(f.plain)}")
    print(f"targets (not asserted): generation ≤ {TARGET_MS_PER_PAGE:g} ms per generated page at 700 plans and "
          f"linear in plans (×/plan vs 7 ≈ 1); full ≤ {TARGET_FULL_OVER_PLAIN:g} × plain; the whole build within "
          f"{TARGET_MEMORY_GIB:g} GiB and under {TARGET_MINUTES:g} minutes on 2 cores")
    print("memory: 'peak GiB' is the larger of the largest single process (ru_maxrss from os.wait4: the generation "
          "process, MkDocs, or any process of the full build's tree) and the largest sum of the RSS of all processes "
          "of the full build alive at once (sampled from /proc every 0.2 s; the generator process stays alive while "
          "MkDocs and Pagefind run)")


def main() -> int:
    if len(sys.argv) == 4 and sys.argv[1] == "--_child":
        return child_main(Path(sys.argv[2]), Path(sys.argv[3]))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plans", type=int, nargs="+", default=[7, 70, 700], help="numbers of plans (N)")
    parser.add_argument("--runs", type=int, default=1, help="runs per N; the median is printed")
    parser.add_argument("--skip-full-build-above", type=int, default=None, metavar="N",
                        help="skip the MkDocs and full builds when there are more than N plans (default: never)")
    parser.add_argument("--timeout", type=float, default=3600, help="seconds allowed for each child process")
    parser.add_argument("--retries", type=int, default=3,
                        help="when generation fails (the pipeline mid-edit), retry this often after 60 s")
    parser.add_argument("--keep", action="store_true", help="keep the synthetic projects (their path is printed)")
    args = parser.parse_args()
    reals = real_plans()
    print(f"{len(reals)} real plans: {', '.join(real.data['id'] for real in reals)}")
    print(f"{os.cpu_count()} CPU(s); Python {sys.version.split()[0]}; runs per N: {args.runs}")
    work = Path(tempfile.mkdtemp(prefix="scale-benchmark-"))
    all_figures: list[Figures] = []
    try:
        for count in args.plans:
            started = time.perf_counter()
            figures = measure(count, reals, args, work)
            all_figures.append(figures)
            report_one(figures, args.runs)
            print(f"  (N = {count} took {time.perf_counter() - started:.0f} s in all)", flush=True)
        report_summary(all_figures)
    finally:
        if args.keep:
            print(f"\nprojects kept in {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
