"""Stage 6, build: run MkDocs on content/, index it with Pagefind, and replace site/ only when both succeeded.

MkDocs writes into a fresh directory next to site/ and Pagefind writes the
search index into it (site.new/pagefind/); only a complete, strict build with
its index is swapped in, so a failed validation, build or index leaves the last
good site whole. The build date MkDocs writes (the sitemap's <lastmod> and the gzip
header of sitemap.xml.gz) is the date of the commit being built, so two builds
of one commit are byte-identical on any day.

Work once: the build's inputs are hashed (sha256): content/ whole (generated
and hand-written), data/, site_templates/, hooks/, mkdocs.yml, this generator
package's files, Pagefind's version, the installed Python packages and the
settings (strict, the site URL, a SOURCE_DATE_EPOCH given by the caller). A
successful build records them after generation in site/.build-inputs, written
into site.new/ before the swap, so the record and the site it describes appear
together and a failed build records nothing. They are compared with the record
of the site/ in place (which must also still hold the files and bytes the
record counts) twice: before generation (all equal: nothing is generated or
built) and after it (equal: generation only restored content/; MkDocs and
Pagefind do not run). PLAN_COMPARE_FORCE_BUILD=1 generates and builds anyway.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from generator.pagefind_patch import PagefindPatchError, patch_pagefind_scripts
from generator.pipeline import ProjectPaths
from generator.render import generate_site_content


# The platform's Pagefind binary, from the npm package pinned in tools/pagefind/package-lock.json.
PAGEFIND_BINARY = Path("tools/pagefind/node_modules/.bin/pagefind")
# The checkout this generator runs from: a copy of the project elsewhere uses its installed tools.
GENERATOR_CHECKOUT = Path(__file__).resolve().parent.parent
# What a build is made from: its newest change dates the build when there is no commit.
BUILD_INPUTS = ("data", "site_templates", "content", "mkdocs.yml")
# The record of what site/ was built from (a dotfile: MkDocs and Pagefind never see it; see input_digests).
INPUTS_RECORD = ".build-inputs"
# Set to "1": build even when the inputs equal the record of the site in place.
FORCE_BUILD = "PLAN_COMPARE_FORCE_BUILD"
UP_TO_DATE = "site/ is up to date (inputs unchanged since the last build)"
# The project's inputs hashed for the up-to-date check, besides the generator package and the tools.
HASHED_INPUTS = ("content", "data", "site_templates", "hooks", "mkdocs.yml")
GENERATOR_PACKAGE = Path(__file__).resolve().parent


def source_date_epoch(paths: ProjectPaths) -> str:
    """The time of the commit being built (reproducible-builds.org's SOURCE_DATE_EPOCH).

    Outside a git checkout (a copy of the project), the newest modification
    time of the build's inputs stands in for it.
    """
    try:
        result = subprocess.run(["git", "-C", str(paths.root), "log", "-1", "--format=%ct"],
                                capture_output=True, text=True, check=True)
        if result.stdout.strip().isdigit() and _is_repository_root(paths):
            return result.stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        pass
    newest = 0.0
    for name in BUILD_INPUTS:
        path = paths.root / name
        files = [path] if path.is_file() else (p for p in path.rglob("*") if p.is_file())
        for file in files:
            newest = max(newest, file.stat().st_mtime)
    return str(int(newest))


def _is_repository_root(paths: ProjectPaths) -> bool:
    """A copy of the project under a temporary directory inside another checkout is not that checkout."""
    result = subprocess.run(["git", "-C", str(paths.root), "rev-parse", "--show-toplevel"],
                            capture_output=True, text=True)
    return result.returncode == 0 and Path(result.stdout.strip()).resolve() == paths.root.resolve()


def pagefind_command(paths: ProjectPaths) -> list[str]:
    """Pagefind's binary as installed from the npm registry by the Makefile (tools/pagefind), or $PAGEFIND."""
    if os.environ.get("PAGEFIND"):
        return [os.environ["PAGEFIND"]]
    for root in (paths.root, GENERATOR_CHECKOUT):
        binary = root / PAGEFIND_BINARY
        if binary.is_file():
            return [str(binary)]
    raise FileNotFoundError(f"Pagefind is not installed: run `make site` (it runs npm ci in tools/pagefind), "
                            f"or set PAGEFIND to its binary; looked for {PAGEFIND_BINARY}")


def build_search_index(paths: ProjectPaths, site: Path) -> int:
    """Index the built HTML in ``site`` into site/pagefind/ (the metadata comes from generator/search_page.py)."""
    try:
        command = pagefind_command(paths)
    except FileNotFoundError as error:
        print(error, file=sys.stderr)
        return 1
    started = time.perf_counter()
    result = subprocess.run(command + ["--site", str(site), "--force-language", "zh", "--quiet"],
                            cwd=paths.root, capture_output=True, text=True)
    if result.returncode != 0:
        print(result.stdout + result.stderr, file=sys.stderr)
        return result.returncode
    try:
        patch_pagefind_scripts(site / "pagefind")  # load every chunk a short query word needs
    except (OSError, PagefindPatchError) as error:
        print(error, file=sys.stderr)
        return 1
    print(f"search index built in {time.perf_counter() - started:.1f} s")
    return 0


def tree_digest(path: Path) -> str:
    """sha256 of a file, or of a directory's files (relative paths and contents; caches of Python left out)."""
    if path.is_file():
        return hashlib.sha256(path.read_bytes()).hexdigest()
    if not path.is_dir():
        return "missing"
    digest = hashlib.sha256()
    for file in sorted(path.rglob("*")):
        if "__pycache__" in file.parts or file.suffix == ".pyc" or not file.is_file():
            continue
        digest.update(file.relative_to(path).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(file.read_bytes()).digest())
    return digest.hexdigest()


def pagefind_identity(paths: ProjectPaths) -> str:
    """What Pagefind is: the npm package's versions (the package and its platform binary), or $PAGEFIND's sha256."""
    try:
        binary = Path(pagefind_command(paths)[0]).resolve()
    except FileNotFoundError:
        return "not installed"
    modules = next((parent for parent in binary.parents if parent.name == "node_modules"), None)
    manifests = []
    if modules:
        manifests = [modules / "pagefind" / "package.json", *sorted(modules.glob("@pagefind/*/package.json"))]
    if manifests and manifests[0].is_file():
        versions = []
        for manifest in manifests:
            package = json.loads(manifest.read_text(encoding="utf-8"))
            versions.append(f"{package.get('name')}@{package.get('version')}")
        return " ".join(versions)
    return tree_digest(binary) if binary.is_file() else f"missing: {binary}"


def input_digests(paths: ProjectPaths, strict: bool) -> dict[str, str]:
    """A digest of each thing the built site is made from, taken after generation.

    content/ is hashed whole, so data, templates and generator changes that change a
    page are caught there as well as by their own digests. The build date is not an
    input unless the caller sets SOURCE_DATE_EPOCH: with unchanged inputs, site/ keeps
    the date of the build that made it (outside a checkout the date would otherwise
    move to the first build's own writes into content/).
    """
    digests = {name: tree_digest(paths.root / name) for name in HASHED_INPUTS}
    digests["generator"] = tree_digest(GENERATOR_PACKAGE)
    digests["pagefind"] = pagefind_identity(paths)
    packages = sorted(f"{dist.metadata['Name']}=={dist.version}" for dist in importlib.metadata.distributions())
    settings = {"python": sys.version, "packages": packages, "strict": strict,
                "site_url": os.environ.get("PLAN_COMPARE_SITE_URL"),
                "source_date_epoch": os.environ.get("SOURCE_DATE_EPOCH")}
    digests["settings"] = hashlib.sha256(json.dumps(settings, sort_keys=True).encode()).hexdigest()
    return digests


def site_summary(site: Path) -> dict[str, int]:
    """The number and total size of the site's files (without the record): a site/ changed by hand is rebuilt."""
    files = [path for path in site.rglob("*") if path.is_file() and path.relative_to(site).as_posix() != INPUTS_RECORD]
    return {"files": len(files), "bytes": sum(path.stat().st_size for path in files)}


def recorded_inputs(site: Path) -> dict | None:
    try:
        return json.loads((site / INPUTS_RECORD).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def changed_inputs(site: Path, inputs: dict[str, str]) -> list[str] | None:
    """What differs from the record of the site in place: [] when nothing does, None when there is no usable record."""
    record = recorded_inputs(site)
    if not isinstance(record, dict) or not isinstance(record.get("inputs"), dict):
        return None
    changed = sorted(name for name in set(inputs) | set(record["inputs"])
                     if inputs.get(name) != record["inputs"].get(name))
    if not changed and record.get("site") != site_summary(site):
        changed = ["site/ (changed since it was built)"]
    return changed


def record_inputs(site: Path, inputs: dict[str, str]) -> None:
    record = {"about": "what this site was built from (python -m generator build); not part of the site",
              "inputs": inputs, "site": site_summary(site)}
    (site / INPUTS_RECORD).write_text(json.dumps(record, indent=1, sort_keys=True) + "\n", encoding="utf-8")


class StageTimer:
    """Wall time of each stage of a build, printed at its end so a slow stage is seen without a profiler."""

    def __init__(self) -> None:
        self.last = time.perf_counter()
        self.laps: list[tuple[str, float]] = []

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        self.laps.append((stage, now - self.last))
        self.last = now

    def summary(self) -> str:
        return ", ".join(f"{stage} {seconds:.1f} s" for stage, seconds in self.laps)


def build_site(paths: ProjectPaths, strict: bool = True) -> int:
    force = os.environ.get(FORCE_BUILD) == "1"
    if force:
        print(f"{FORCE_BUILD}=1: building site/ whatever changed")
    elif (paths.site / INPUTS_RECORD).is_file() and changed_inputs(paths.site, input_digests(paths, strict)) == []:
        # Every input, content/ included, is as it was after the generation that made site/: generating
        # again (deterministic, and the data was valid then) would write nothing, building would make the same site.
        print("content/ and every other input are as the last build left them: nothing to generate")
        print(UP_TO_DATE)
        return 0
    # Dated before generation, which rewrites content/ and would make the date today's.
    epoch = os.environ.get("SOURCE_DATE_EPOCH") or source_date_epoch(paths)
    timer = StageTimer()
    report = generate_site_content(paths)  # raises DataErrors before anything is written
    print(report.summary())
    timer.lap("generate")
    inputs = input_digests(paths, strict)
    changed = changed_inputs(paths.site, inputs)
    if not force and changed == []:  # generation restored content/ (a generated page deleted or edited)
        print(UP_TO_DATE)
        return 0
    if not force and changed:
        print(f"changed since the last build: {', '.join(changed)}")
    staging = paths.root / "site.new"
    previous = paths.root / "site.old"
    for leftover in (staging, previous):
        shutil.rmtree(leftover, ignore_errors=True)
    command = [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(staging),
               "--config-file", str(paths.root / "mkdocs.yml")]
    if strict:
        command.append("--strict")
    # PLAN_COMPARE_GENERATED: content/ was generated just now, so the hook does not generate it again.
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": epoch,
                   "PLAN_COMPARE_GENERATED": "1"}
    timer.lap("hash inputs")
    result = subprocess.run(command, cwd=paths.root, env=environment)
    timer.lap("mkdocs")
    if result.returncode != 0:
        shutil.rmtree(staging, ignore_errors=True)
        print("mkdocs build failed; site/ was left as it was.", file=sys.stderr)
        return result.returncode
    if (indexed := build_search_index(paths, staging)) != 0:
        shutil.rmtree(staging, ignore_errors=True)
        print("the search index was not built; site/ was left as it was.", file=sys.stderr)
        return indexed
    timer.lap("search index")
    # Recorded only when nothing changed while MkDocs and Pagefind ran (an editor saving meanwhile).
    if input_digests(paths, strict) == inputs:
        record_inputs(staging, inputs)
    if paths.site.exists():
        paths.site.rename(previous)
    staging.rename(paths.site)
    shutil.rmtree(previous, ignore_errors=True)
    timer.lap("record and swap")
    print(f"site built in {paths.site.relative_to(paths.root)}/ ({timer.summary()})")
    return 0
