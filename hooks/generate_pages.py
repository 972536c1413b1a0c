"""MkDocs hook: the thin integration point between MkDocs and the generator.

It only (1) runs the generator before each build, so `mkdocs build` (and a
plain `mkdocs serve`) see pages made from the current data, and (2) tells
`mkdocs serve` to watch data/ and site_templates/. All logic lives in the
generator package, which does not depend on MkDocs.

`python -m generator build` generates content/ itself just before it starts
MkDocs; when it marks that in the environment of the MkDocs process
(PLAN_COMPARE_GENERATED=1), the hook does not generate a second time.

The preview is not `mkdocs serve`: `make serve` runs `python -m generator
serve` (generator/preview.py), which regenerates in memory after each edit and
shows data errors in the browser. A plain `mkdocs serve` still works, but
rebuilds every page on every change.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mkdocs.exceptions import Abort  # noqa: E402

from generator.errors import DataErrors  # noqa: E402
from generator.pipeline import ProjectPaths  # noqa: E402
from generator.render import generate_site_content  # noqa: E402

log = logging.getLogger("mkdocs.hooks.generate_pages")
PATHS = ProjectPaths(ROOT)
# Set to "1" by the command that generated content/ right before starting MkDocs.
GENERATED = "PLAN_COMPARE_GENERATED"


def on_pre_build(config, **kwargs):
    if os.environ.get(GENERATED) == "1":
        log.info("content/ was generated just before this build; not generating it again")
        return
    try:
        report = generate_site_content(PATHS)
    except DataErrors as errors:
        # Abort prints the message without a traceback.
        raise Abort("data errors, the site was not rebuilt:\n" + errors.report())
    log.info(report.summary())


def on_serve(server, config, builder, **kwargs):
    server.watch(str(PATHS.data))
    server.watch(str(PATHS.templates))
    return server
