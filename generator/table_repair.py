"""Rebuild the rows of a source table whose merged column broke in extraction.

A PDF table with a vertically merged cell (a district written once for a group
of rows) comes out of text extraction with that cell on one row of the group,
often the middle one, and the rows around it shifted: a row without the merged
cell loses a tab, a row with it may gain one. The columns after the merged one
are recovered from the cells that are left, and the merged value is carried
from the row that writes it to every row of its group.

Used to capture annex tables (the 72 industrial blocks of 穗府〔2018〕7号, the ten
value-innovation parks of 穗府〔2018〕9号) and by the tests that check the captured
YAML against the source.
"""

from __future__ import annotations

from dataclasses import dataclass, field

GUANGZHOU_DISTRICTS = (
    "越秀区", "海珠区", "荔湾区", "天河区", "白云区", "黄埔区",
    "番禺区", "花都区", "南沙区", "从化区", "增城区",
)


@dataclass(frozen=True)
class RepairedRow:
    """One numbered row: its leading cells, the merged value it belongs to, the cells after it."""

    number: int
    name: str
    merged: str | None
    after: tuple[str | None, ...]
    repairs: tuple[str, ...] = field(default=())


def _columns_after(rest: list[str], merged_at: int | None, width: int) -> tuple[tuple[str | None, ...], list[str]]:
    """The `width` cells after the merged column, from what is left of the row."""
    filled = [(index, cell) for index, cell in enumerate(rest) if cell and index != merged_at]
    if len(filled) == width:
        moved = [index for index, _ in filled] != list(range(1, width + 1))
        return tuple(cell for _, cell in filled), ["cells moved back into their columns"] if moved else []
    # Fewer cells than columns: the row's own position tells which are there.
    # The merged cell, where written, marks how far the row moved; a row that
    # does not write it either keeps its empty cell or lost that tab altogether.
    if merged_at is not None:
        offset = merged_at + 1
    else:
        offset = 1 if rest and rest[0] == "" else 0
    placed: list[str | None] = [None] * width
    for index, cell in filled:
        placed[min(max(index - offset, 0), width - 1)] = cell
    missing = ", ".join(str(column + 1) for column in range(width) if placed[column] is None)
    return tuple(placed), [f"cell(s) {missing} after the merged column not in the text"]


def repair_merged_column(
    rows: list[tuple[str, ...]] | tuple[tuple[str, ...], ...], merged_values: tuple[str, ...], width_after: int
) -> list[RepairedRow]:
    """Rows (序号, 名称, merged, then `width_after` cells) rebuilt from extracted cells.

    `merged_values` are the values the merged column can take (for instance the
    districts); a cell equal to one of them, wherever it sits, is that column.
    A value carries down to the following rows until another one is written.
    Rows whose first cell is not a number (headers, group captions) are skipped.
    """
    repaired: list[RepairedRow] = []
    current: str | None = None
    for row in rows:
        cells = [cell.strip() for cell in row]
        if len(cells) < 2 or not cells[0].isdigit():
            continue
        rest = cells[2:]
        merged_at = next((index for index, cell in enumerate(rest) if cell in merged_values), None)
        if merged_at is not None:
            current = rest[merged_at]
            repairs = ["merged cell out of its column"] if merged_at != 0 else []
        else:
            repairs = ["merged value carried from an earlier row"]
        after, more = _columns_after(rest, merged_at, width_after)
        repaired.append(RepairedRow(int(cells[0]), cells[1], current, after, tuple(repairs + more)))
    return repaired


def split_enumeration(cell: str) -> list[str]:
    """The items of a cell that lists them with 、, not splitting inside brackets or quotes."""
    items, depth, current = [], 0, ""
    for char in cell:
        depth += char in "(（“"
        depth -= char in ")）”"
        if char == "、" and depth == 0:
            items.append(current)
            current = ""
        else:
            current += char
    return [item for item in items + [current] if item]
