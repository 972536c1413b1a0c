"""Stage 6, build: run MkDocs on content/, index it with Pagefind, and replace site/ only when both succeeded.

MkDocs writes into a fresh directory next to site/ and Pagefind writes the
search index into it (site.new/pagefind/); only a complete, strict build with
its index is swapped in, so a failed validation, build or index leaves the last
good site whole. The build date MkDocs writes (the sitemap's <lastmod> and the gzip
header of sitemap.xml.gz) is the date of the commit being built, so two builds
of one commit are byte-identical on any day.
"""

from __future__ import annotations

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


def build_site(paths: ProjectPaths, strict: bool = True) -> int:
    # Dated before generation, which rewrites content/ and would make the date today's.
    epoch = os.environ.get("SOURCE_DATE_EPOCH") or source_date_epoch(paths)
    report = generate_site_content(paths)  # raises DataErrors before anything is written
    print(report.summary())
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
    result = subprocess.run(command, cwd=paths.root, env=environment)
    if result.returncode != 0:
        shutil.rmtree(staging, ignore_errors=True)
        print("mkdocs build failed; site/ was left as it was.", file=sys.stderr)
        return result.returncode
    if (indexed := build_search_index(paths, staging)) != 0:
        shutil.rmtree(staging, ignore_errors=True)
        print("the search index was not built; site/ was left as it was.", file=sys.stderr)
        return indexed
    if paths.site.exists():
        paths.site.rename(previous)
    staging.rename(paths.site)
    shutil.rmtree(previous, ignore_errors=True)
    print(f"site built in {paths.site.relative_to(paths.root)}/")
    return 0
