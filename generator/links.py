"""Where each kind of page lives in content/, and relative links between them."""

from __future__ import annotations

import functools
import posixpath

from generator.models import Provenance


def plan_page(plan_id: str) -> str:
    return f"plans/{plan_id}.md"


def source_page(source_id: str) -> str:
    return f"sources/{source_id}.md"


def entity_page(registry: str, entry_id: str) -> str:
    return f"{registry}/{entry_id}.md"


def comparison_page(first_id: str, second_id: str) -> str:
    return f"comparisons/{first_id}--{second_id}.md"


def index_page(section: str) -> str:
    return f"{section}/index.md"


# The composer of pairs without a page, and the per-plan side pages it reads (generator/sides.py).
COMPOSE_PAGE = "comparisons/compose.md"
SIDES_DIRECTORY = "comparisons/sides"


def side_page(plan_id: str) -> str:
    return f"{SIDES_DIRECTORY}/{plan_id}.md"


def published_url_between(page: str, target: str) -> str:
    """The relative URL from one published page to another, for scripts (MkDocs rewrites only Markdown links)."""
    return posixpath.relpath(site_url(target) or ".", site_url(page) or ".") + "/"


def site_url(page: str, anchor: str | None = None) -> str:
    """The URL of a page relative to the site root, as MkDocs publishes it (directory URLs)."""
    path = page[: -len(".md")]
    path = path[: -len("index")] if path.endswith("index") else path + "/"
    return path + (f"#{anchor}" if anchor else "")


@functools.lru_cache(maxsize=65536)
def _relative_path(target: str, directory: str) -> str:
    """posixpath.relpath, remembered: a page links the same few hundred pages thousands of times."""
    return posixpath.relpath(target, directory)


class PageLinks:
    """Relative Markdown links from one page, so MkDocs can check every link and anchor."""

    def __init__(self, page: str):
        self.page = page

    def to(self, target: str, anchor: str | None = None) -> str:
        relative = _relative_path(target, posixpath.dirname(self.page) or ".")
        return relative + (f"#{anchor}" if anchor else "")

    def plan(self, plan_id: str, anchor: str | None = None) -> str:
        return self.to(plan_page(plan_id), anchor)

    def source(self, provenance: Provenance) -> str:
        return self.to(source_page(provenance.source or ""), provenance.anchor)

    def published_source(self, provenance: Provenance) -> str:
        """A quote's URL as the built site publishes it, for raw HTML (a chart's SVG) that MkDocs does not rewrite."""
        here, there = site_url(self.page), site_url(source_page(provenance.source or ""))
        relative = posixpath.relpath(there or ".", here or ".") + "/"
        return relative + (f"#{provenance.anchor}" if provenance.anchor else "")

    def source_doc(self, source_id: str) -> str:
        return self.to(source_page(source_id))

    def entity(self, registry: str, entry_id: str) -> str:
        return self.to(entity_page(registry, entry_id))

    def comparison(self, first_id: str, second_id: str, anchor: str | None = None) -> str:
        return self.to(comparison_page(first_id, second_id), anchor)

    def index(self, section: str) -> str:
        return self.to(index_page(section))

    def home(self) -> str:
        return self.to("index.md")
