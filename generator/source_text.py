"""Turn an extracted source text into numbered blocks: headings, paragraphs, tables.

The seed texts are PDF or web extractions. They keep page furniture
("(本文与正式文件同等效力)"), sentences broken across lines and pages, and stray
spaces around numbers. They are stored unchanged under data/sources/ and cleaned
here, by code, every time: the cleaned text is what the source pages show and
what provenance anchors point into.

Anchors are the block's ordinal within its document (``p1``, ``p2``…). The
texts never change, so the anchors are stable; a change to the cleaning rules
that moves them is caught by the quote check (every quote must be found in the
paragraph its anchor names).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace
from pathlib import Path

# Lines that belong to the printed page, not to the document.
FURNITURE_PATTERNS = (
    re.compile(r"^[（(]本文与正式文件同等效力[)）]$"),
    re.compile(r"^[-—－]\s*\d+\s*[-—－]$"),  # page numbers such as "— 12 —"
)

# Headings of Chinese government documents, outermost first. The level a
# pattern gets on a page depends on which patterns the document uses.
HEADING_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("chapter", re.compile(r"^第[一二三四五六七八九十]+章\s*\S")),
    ("part", re.compile(r"^[一二三四五六七八九十]+、\s*\S")),
    ("section", re.compile(r"^[（(]\s*[一二三四五六七八九十]+\s*[)）]\s*\S")),
    ("item", re.compile(r"^\d{1,2}\s*[.．、]\s*\S")),
)
# A numbered line longer than this, or with a sentence inside it, is a
# paragraph that starts with a number, not a heading.
MAX_HEADING_CHARS = 40

SENTENCE_END = "。；！？：…;:!?"
# A figure or table caption (图1-1…, 表 2-1…) stands alone: the extracted text
# keeps a caption whose figure was lost, and no sentence runs into or out of it.
CAPTION = re.compile(r"^[图表]\s*\d+(?:\s*[-－—.]\s*\d+)?\s*\S")
# A document title ends with its kind; the line after it is never its continuation.
TITLE_ENDINGS = ("通知", "规划", "方案", "意见", "通告", "办法", "计划", "决定", "纲要", "文件")
# A masthead field such as "网 址：…" or "电 话：…": a line of its own, never the rest of a sentence.
FIELD_LINE = re.compile(r"^[\u4e00-\u9fff](?:\s?[\u4e00-\u9fff]){1,5}：")
HAN = re.compile(r"[\u4e00-\u9fff]")
CLOSING_MARKS = "”’」』）)》"
# The city documents end an item with the units responsible for it, "（市科技创新委牵头，
# 市财政局配合）", and no full stop: the next line is the next item, not a continuation.
UNITS_CLAUSE = re.compile(r"[（(][^（）()]*(?:牵头|配合|负责)[^（）()]*[）)]\s*$")
TOC_LINE = re.compile(r"(\t\s*\d+|\.{3,}\s*\d*|…{2,}\s*\d*|\s\d{1,3})$")
CJK = r"\u3000-\u303f\u3400-\u9fff\uff00-\uffef\u2014\u2018\u2019\u201c\u201d\u2026"
SPACE_NEXT_TO_CJK = re.compile(rf"(?<=[{CJK}])[ \t\u3000]+|[ \t\u3000]+(?=[{CJK}])")


@dataclass(frozen=True)
class Block:
    """One heading, paragraph or table of a source document."""

    anchor: str
    kind: str  # "heading", "paragraph", "table" or "toc"
    text: str
    line: int  # 1-based line in the source file where the block starts
    level: int = 0  # heading depth, 1 = outermost heading kind used
    rows: tuple[tuple[str, ...], ...] = field(default=())


@dataclass(frozen=True)
class SourceText:
    blocks: tuple[Block, ...]

    def by_anchor(self) -> dict[str, Block]:
        return {block.anchor: block for block in self.blocks}


def normalise_whitespace(text: str) -> str:
    """The form quotes are compared in: all whitespace removed, nothing else."""
    return "".join(text.split())


def clean_spaces(text: str) -> str:
    """Drop extraction spaces next to Chinese characters; keep spaces between Latin words."""
    text = SPACE_NEXT_TO_CJK.sub("", text.strip())
    return re.sub(r"[ \t]{2,}", " ", text)


def is_furniture(line: str) -> bool:
    return any(pattern.match(line) for pattern in FURNITURE_PATTERNS)


def heading_kind(line: str) -> str | None:
    for kind, pattern in HEADING_KINDS:
        if pattern.match(line):
            compact = normalise_whitespace(line)
            if kind in ("item", "section"):
                body = compact.rstrip("。")
                if len(compact) > MAX_HEADING_CHARS or "。" in body:
                    return None
            elif len(compact) > MAX_HEADING_CHARS * 2:
                return None
            return kind
    return None


def ends_sentence(text: str) -> bool:
    stripped = text.rstrip(CLOSING_MARKS + " ")
    return not stripped or stripped[-1] in SENTENCE_END or bool(UNITS_CLAUSE.search(text))


@dataclass
class _Draft:
    kind: str
    lines: list[str]
    line: int
    heading: str | None = None


def _starts_new_block(line: str) -> bool:
    return heading_kind(line) is not None or "\t" in line or line.startswith("- ") or bool(CAPTION.match(line))


def _continues(previous: _Draft, line: str, gap: int) -> bool:
    """Whether ``line`` is the rest of a sentence the previous block broke off."""
    if previous.kind != "paragraph" or _starts_new_block(line) or CAPTION.match(previous.lines[0]):
        return False
    last = previous.lines[-1]
    if ends_sentence(last):
        return False
    if gap == 0:
        return True
    # Across a blank line (a page break), only a long line of Chinese text was cut by the page;
    # short lines without a full stop are titles, dates and signatures, a line without Chinese
    # is a masthead in English ("…GUANGZHOU MUNICIPALITY" then "2018"), and "网 址：" starts a field.
    return (len(normalise_whitespace(last)) >= 24 and not last.endswith(TITLE_ENDINGS)
            and bool(HAN.search(last)) and not FIELD_LINE.match(line))


def _draft_blocks(lines: list[str], first_line: int) -> list[_Draft]:
    drafts: list[_Draft] = []
    gap = 0
    in_toc = False
    for offset, raw in enumerate(lines):
        line = raw.rstrip("\n").strip()
        number = first_line + offset
        if not line or is_furniture(line):
            gap += 1 if not line else 0
            continue
        compact = normalise_whitespace(line)
        if compact in ("目录", "目次"):
            in_toc = True
            drafts.append(_Draft("heading", [line], number, heading="toc-title"))
            gap = 0
            continue
        if in_toc:
            if TOC_LINE.search(line) or (heading_kind(line) and len(compact) <= 60):
                drafts.append(_Draft("toc", [line], number))
                gap = 0
                continue
            in_toc = False
        if "\t" in line:
            if drafts and drafts[-1].kind == "table" and gap <= 1:
                drafts[-1].lines.append(line)
            else:
                drafts.append(_Draft("table", [line], number))
        elif drafts and _continues(drafts[-1], line, gap):
            drafts[-1].lines.append(line)
        else:
            kind = heading_kind(line)
            drafts.append(_Draft("heading" if kind else "paragraph", [line], number, heading=kind))
        gap = 0
    return drafts


def _table_rows(lines: list[str]) -> tuple[tuple[str, ...], ...]:
    """Cells of a table; a header row repeated after a page break is dropped."""
    rows = [tuple(clean_spaces(cell) for cell in line.split("\t")) for line in lines]
    return tuple(row for index, row in enumerate(rows) if index == 0 or row != rows[0])


def parse_source_text(text: str, first_line: int = 1) -> SourceText:
    """Split a document's text (already cut to its own lines) into anchored blocks."""
    text = unicodedata.normalize("NFC", text)
    drafts = _draft_blocks(text.split("\n"), first_line)
    used_kinds = [kind for kind, _ in HEADING_KINDS if any(d.heading == kind for d in drafts)]
    blocks: list[Block] = []
    for index, draft in enumerate(drafts, start=1):
        anchor = f"p{index}"
        if draft.kind == "table":
            rows = _table_rows(draft.lines)
            joined = "\n".join("\t".join(row) for row in rows)
            blocks.append(Block(anchor, "table", joined, draft.line, rows=rows))
            continue
        joined = clean_spaces("".join(line.strip() for line in draft.lines))
        if draft.kind == "toc":
            joined = re.sub(r"\s*\t\s*", " … ", draft.lines[0].strip())
        level = 0
        if draft.kind == "heading":
            level = used_kinds.index(draft.heading) + 1 if draft.heading in used_kinds else 1
        blocks.append(Block(anchor, draft.kind, joined, draft.line, level=level))
    return SourceText(tuple(blocks))


def parse_source_file(path: Path, ranges: list[tuple[int, int]]) -> SourceText:
    """Parse a document held in line ranges (1-based, inclusive) of a file; no ranges = whole file.

    Ranges are parsed one by one (a range ends a paragraph) and anchors run on
    across them.
    """
    lines = path.read_text(encoding="utf-8").split("\n")
    blocks: list[Block] = []
    for start, end in ranges or [(1, len(lines))]:
        part = parse_source_text("\n".join(lines[start - 1 : end]), first_line=start)
        offset = len(blocks)
        blocks += [replace(block, anchor=f"p{offset + index}") for index, block in enumerate(part.blocks, start=1)]
    return SourceText(tuple(blocks))
