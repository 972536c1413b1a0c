"""Escaping text from YAML for Markdown and HTML.

Text from the data is untrusted (a contributor's pull request may carry
anything) and must never become markup: a `|` in a quote must not end a table
cell, a `<` must not open a tag, a `*` or `[` must not start emphasis or a link,
"2. T.I.T创意园" at the start of a paragraph must not become a list, and a line
break of any kind must not end a table row. Every template prints data only
through these functions (generator/template_check.py enforces it).
"""

from __future__ import annotations

import html
import json
import re

# Characters Python-Markdown (with the tables, attr_list and md_in_html
# extensions we enable) gives a meaning inline and unescapes after a backslash
# (Markdown.ESCAPED_CHARS). `~ ^ =` are not among them: a backslash before them
# would be printed, so "3~5" stays as written.
INLINE_SPECIALS = re.compile(r"([\\`*_{}\[\]|#!])")
# Line starts that open a block: lists, quotes, rules (`#` is escaped everywhere).
BLOCK_START = re.compile(r"^(\s*)(\d+)([.)])(?=\s|$)|^(\s*)([-+>])")
# Every character str.splitlines() breaks at; Python-Markdown ends a line at
# \r as well as \n, so a lone \r in a cell would end the table row.
LINE_BREAKS = re.compile(r"\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")
# Control characters left after line breaks are taken out. \x02 and \x03 are
# Python-Markdown's own placeholder marks, so they must never reach it.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f]")
# Bidirectional overrides and isolates reorder the text around them on screen
# ("Trojan Source"); shown as their code point instead, so the text reads as stored.
BIDI_CONTROLS = re.compile(r"[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def visible_text(text: object) -> str:
    """``text`` with control characters made visible; line breaks unified to \\n."""
    value = LINE_BREAKS.sub("\n", str(text))
    value = CONTROL_CHARACTERS.sub(_control_picture, value)
    return BIDI_CONTROLS.sub(lambda match: f"[U+{ord(match.group()):04X}]", value)


def _control_picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    # U+2400… are the printable pictures of C0 controls (␀, ␇, ␛); ␡ for DEL; C1 by code point.
    if code < 0x20:
        return chr(0x2400 + code)
    return "\u2421" if code == 0x7F else f"[U+{code:04X}]"


def escape_markdown(text: object) -> str:
    """Escape ``text`` for use inline in Markdown (a paragraph, a heading, a list item)."""
    value = html.escape(visible_text(text), quote=False)
    value = INLINE_SPECIALS.sub(r"\\\1", value)
    lines = [BLOCK_START.sub(_escape_block_start, line.strip()) for line in value.split("\n")]
    return "<br>".join(lines) if len(lines) > 1 else lines[0]


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
    return html.escape(" ".join(visible_text(text).split()), quote=True)


def escape_front_matter(text: object) -> str:
    """A YAML front-matter value that the theme may print raw into HTML.

    Material prints `page.meta.title` unescaped into `<title>` and the header,
    so the value is HTML-escaped here (the browser shows the entities as the
    characters they stand for), on one line, then quoted as a JSON string, which
    is also a valid YAML double-quoted scalar.
    """
    return json.dumps(html.escape(" ".join(visible_text(text).split()), quote=True), ensure_ascii=False)
