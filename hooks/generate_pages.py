"""MkDocs hook: the thin integration point between MkDocs and the generator.

It only (1) runs the generator before each build, so `mkdocs serve` and
`mkdocs build` always see pages made from the current data, and (2) tells
`mkdocs serve` to watch data/ and site_templates/. All logic lives in the
generator package, which does not depend on MkDocs.
"""

from __future__ import annotations

import logging
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


def on_pre_build(config, **kwargs):
    try:
        report = generate_site_content(PATHS)
    except DataErrors as errors:
        # Abort prints the message without a traceback; in `mkdocs serve` the
        # previous build stays on screen until the data is fixed.
        raise Abort("data errors, the site was not rebuilt:\n" + errors.report())
    log.info(report.summary())


def on_serve(server, config, builder, **kwargs):
    server.watch(str(PATHS.data))
    server.watch(str(PATHS.templates))
    return server
