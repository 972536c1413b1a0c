"""What the search index knows about a page, written into the page as Pagefind's data attributes.

Pagefind (run by build.py on the built HTML) reads these attributes, so the
search metadata does not depend on the theme's HTML: `data-pagefind-body`
marks the page's own content (the theme's header, navigation, table of
contents and footer stay out of the index), and a hidden block gives the
result list its title, kind of page, plans and period, and the filters their
values. Weights of individual elements (an entry's aliases, a plan's document
number) are in the templates, next to the visible text they weight.

Every value is data and is HTML-escaped here: the block is raw HTML in the
Markdown page.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator import labels
from generator.markdown_text import escape_attribute
from generator.models import Plan

# A regulatory notice in the gazette is not a plan: it stays findable, but its
# words count for a fraction of a plan's, so it does not crowd out plan pages
# that share its words (穗府规〔2018〕8号 vs 穗府〔2018〕8号).
NOTICE_WEIGHT = 0.02
# What a page says about other things (a plan's every item, an organisation's
# mentions quoting plan text, a source's paragraphs) weighs a tenth: Pagefind
# cuts 高新技术企业 or 穗府〔2018〕8号 into common words (企业, 技术, 2018, 号),
# and at full weight every long page that contains them outranks the one page
# about the thing. What a page is about (its heading, an entry's other names, a
# plan's short title and document number, an item's amounts) carries an
# explicit weight in the templates and counts in full.
BODY_WEIGHT = 0.05
# A heading's weight falls as the name grows (琶洲 10, 琶洲东区 6, 琶洲人工智能与
# 数字经济试验区 2): Pagefind matches words, not whole names, so a query that is
# the whole of a short name should outrank the longer names that contain it.
NAME_WEIGHT_CHARACTERS = 24
MAX_NAME_WEIGHT = 10
MIN_NAME_WEIGHT = 2


@dataclass(frozen=True)
class SearchMeta:
    kind: str  # a key of labels.SEARCH_KINDS
    title: str
    plans: tuple[Plan, ...] = ()
    period: str = ""
    weight: float = BODY_WEIGHT  # of everything on the page without a weight of its own


def name_weight(name: object) -> str:
    """The data-pagefind-weight of a heading or alias: a number whatever the name (a template filter)."""
    length = max(1, len("".join(str(name).split())))
    weight = min(MAX_NAME_WEIGHT, max(MIN_NAME_WEIGHT, NAME_WEIGHT_CHARACTERS / length))
    return f"{weight:.1f}"


def source_number_weight(kind: str) -> int:
    """A source's document number weighs less than its plan's (10), a notice's least: 穗府〔2018〕8号 finds
    the plan, then its text, and 穗府规〔2018〕8号 still finds the notice."""
    return 2 if kind == "notice" else 5


def plan_period(plan: Plan) -> str:
    if plan.period:
        return f"{plan.period.start}—{plan.period.end}"
    return f"{plan.issued.year}年印发" if plan.issued else ""


def search_meta_block(meta: SearchMeta) -> str:
    """The hidden block of metadata and filter values (indexed as neither text nor title)."""
    spans = [_span("title", meta.title, meta_key=True, filter_key=False),
             _span("kind", labels.SEARCH_KINDS[meta.kind], meta_key=True, filter_key=True)]
    for level in sorted({plan.level for plan in meta.plans}, key=list(labels.LEVELS).index):
        spans.append(_span("level", labels.LEVELS[level], meta_key=False, filter_key=True))
    for plan in meta.plans:
        spans.append(_span("plan", plan.short_title, meta_key=False, filter_key=True))
    if meta.plans:
        spans.append(_span("plan", "、".join(plan.short_title for plan in meta.plans), meta_key=True, filter_key=False))
    if meta.period:
        spans.append(_span("period", meta.period, meta_key=True, filter_key=False))
    return '<div class="search-meta" hidden data-pagefind-ignore>\n' + "\n".join(spans) + "\n</div>"


def _span(key: str, value: str, meta_key: bool, filter_key: bool) -> str:
    attributes = []
    if meta_key:
        attributes.append(f'data-pagefind-meta="{key}"')
    if filter_key:
        attributes.append(f'data-pagefind-filter="{key}"')
    return f"<span {' '.join(attributes)}>{escape_attribute(value)}</span>"


def searchable_page(markdown: str, meta: SearchMeta) -> str:
    """The page with its body marked for the index and its metadata block after the front matter.

    The body is wrapped in a `markdown` div (md_in_html), so it is rendered as
    before; only what is inside the wrapper is indexed.
    """
    front_matter, body = split_front_matter(markdown)
    return (f"{front_matter}{search_meta_block(meta)}\n\n"
            f'<div class="page-body" data-pagefind-body data-pagefind-weight="{meta.weight}" markdown>\n\n'
            f"{body.strip()}\n\n</div>\n")


def split_front_matter(markdown: str) -> tuple[str, str]:
    if markdown.startswith("---\n"):
        end = markdown.index("\n---\n", 4) + len("\n---\n")
        return markdown[:end], markdown[end:]
    return "", markdown
