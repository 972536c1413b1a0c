"""Stage 6, build: run MkDocs on content/ and replace site/ only when the build succeeded.

MkDocs writes into a fresh directory next to site/; only a complete, strict
build is swapped in, so a failed validation or build leaves the last good site
whole.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

from generator.pipeline import ProjectPaths
from generator.render import generate_site_content


def build_site(paths: ProjectPaths, strict: bool = True) -> int:
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
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
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
