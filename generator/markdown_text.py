"""Escaping text from YAML for Markdown and HTML.

Text from the data must never become markup: a `|` in a quote must not end a
table cell, a `<` must not open a tag, a `*` or `[` must not start emphasis or
a link, and "2. T.I.T创意园" at the start of a paragraph must not become a list.
"""

from __future__ import annotations

import html
import re

# Characters Python-Markdown (with the tables, attr_list and pymdownx extensions
# we enable) gives a meaning inline; each is escaped with a backslash.
INLINE_SPECIALS = re.compile(r"([\\`*_{}\[\]|~^=!])")
# Line starts that open a block: lists, headings, quotes, rules.
BLOCK_START = re.compile(r"^(\s*)(\d+)([.)])(?=\s|$)|^(\s*)([-+#>])")


def escape_markdown(text: object) -> str:
    """Escape ``text`` for use inline in Markdown (a paragraph, a heading, a list item)."""
    value = html.escape(str(text), quote=False)
    value = INLINE_SPECIALS.sub(r"\\\1", value)
    lines = []
    for line in value.split("\n"):
        lines.append(BLOCK_START.sub(_escape_block_start, line))
    return "<br>".join(line.strip() for line in lines) if len(lines) > 1 else lines[0]


def _escape_block_start(match: re.Match[str]) -> str:
    if match.group(2) is not None:
        return f"{match.group(1)}{match.group(2)}\\{match.group(3)}"
    return f"{match.group(4)}\\{match.group(5)}"


def escape_cell(text: object) -> str:
    """Escape for a table cell: as inline Markdown, and never more than one line."""
    if text is None:
        return ""
    return escape_markdown(text) or " "


def escape_attribute(text: object) -> str:
    """Escape for a link title or an HTML attribute value."""
    return html.escape(" ".join(str(text).split()), quote=True)
