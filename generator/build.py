"""Stage 6, build: run MkDocs on content/ and replace site/ only when the build succeeded.

MkDocs writes into a fresh directory next to site/; only a complete, strict
build is swapped in, so a failed validation or build leaves the last good site
whole. The build date MkDocs writes (the sitemap's <lastmod> and the gzip
header of sitemap.xml.gz) is the date of the commit being built, so two builds
of one commit are byte-identical on any day.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from generator.pipeline import ProjectPaths
from generator.render import generate_site_content


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
    if paths.site.exists():
        paths.site.rename(previous)
    staging.rename(paths.site)
    shutil.rmtree(previous, ignore_errors=True)
    print(f"site built in {paths.site.relative_to(paths.root)}/")
    return 0
