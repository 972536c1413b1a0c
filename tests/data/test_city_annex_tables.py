"""The annex tables of the 2018 gazette documents, rebuilt from the broken extraction and captured in full."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from generator.source_text import normalise_whitespace, parse_source_file
from generator.table_repair import GUANGZHOU_DISTRICTS, repair_merged_column, split_enumeration

REPO = Path(__file__).resolve().parents[2]
GAZETTE = REPO / "data" / "sources" / "004_8906c921907f31ea.txt"

# The district of every block, read by hand from the annex (序号 ranges of each
# 行政区域 cell, which the PDF merges over its group; rows 33 and 48 repeat it
# after a page break, row 42's cell is shifted one column right).
DISTRICT_GROUPS = {
    "黄埔区": range(1, 9), "南沙区": range(9, 20), "增城区": range(20, 28), "番禺区": range(28, 42),
    "花都区": range(42, 51), "白云区": range(51, 62), "从化区": range(62, 64), "天河区": range(64, 65),
    "荔湾区": range(65, 71), "海珠区": range(71, 72), "越秀区": range(72, 73),
}
# The category of every value-innovation park, read by hand: the 类别 cell is merged over
# its group and extracted on one row of it (row 3 of 1–5, row 6 of 6–8, row 9 of 9–10);
# rows 4–5 sit on the page of rows 1–3, before row 6 starts a new group.
PARK_CATEGORIES = {
    "新一代信息技术价值创新园区": range(1, 6), "人工智能价值创新园区": range(6, 9), "生物医药价值创新园区": range(9, 11),
}


def plan(plan_id: str) -> dict:
    return yaml.safe_load((REPO / "data" / "plans" / f"{plan_id}.yaml").read_text(encoding="utf-8"))


def blocks(lines: tuple[int, int]):
    return parse_source_file(GAZETTE, [lines]).blocks


def annex_blocks_table():
    [table] = [b for b in blocks((28, 475)) if b.kind == "table" and "重点产业区块" in b.rows[0]]
    return table


def test_the_annex_yields_exactly_72_blocks_numbered_1_to_72() -> None:
    rows = repair_merged_column(annex_blocks_table().rows, GUANGZHOU_DISTRICTS, 2)
    assert [row.number for row in rows] == list(range(1, 73))


def test_every_block_has_the_district_read_by_hand() -> None:
    rows = repair_merged_column(annex_blocks_table().rows, GUANGZHOU_DISTRICTS, 2)
    by_hand = {number: district for district, numbers in DISTRICT_GROUPS.items() for number in numbers}
    assert {row.number: row.merged for row in rows} == by_hand


# Blocks whose directions share the first item's object and are kept as written, not split at 、:
# block 61 writes “化妆品生产、研发、展贸、检测” (the research, trade and testing of cosmetics).
KEPT_WHOLE = {61}


def test_the_captured_layout_is_the_rebuilt_annex_row_by_row() -> None:
    [layout] = [layout for layout in plan("gz-made-in-china-2025")["layouts"] if layout["id"] == "industrial-blocks-annex"]
    rows = repair_merged_column(annex_blocks_table().rows, GUANGZHOU_DISTRICTS, 2)
    assert len(layout["zones"]) == 72
    for zone, row in zip(layout["zones"], rows):
        leading, directions = row.after
        assert zone["id"] == f"block-{row.number:02d}"
        assert (zone["name"], zone["location"]) == (row.name, row.merged)
        assert zone.get("leading_industries") == leading
        if row.number in KEPT_WHOLE:
            assert zone.get("focus") == [directions]  # 研发、展贸、检测 would lose their object (化妆品)
        else:
            assert zone.get("focus", []) == (split_enumeration(directions) if directions else [])


def test_every_block_is_a_registry_place_in_its_district() -> None:
    places = {p["id"]: p for p in yaml.safe_load((REPO / "data/registries/places.yaml").read_text(encoding="utf-8"))["places"]}
    [layout] = [layout for layout in plan("gz-made-in-china-2025")["layouts"] if layout["id"] == "industrial-blocks-annex"]
    for zone in layout["zones"]:
        assert places[zone["place"]]["district"] == zone["location"], zone["id"]


def iab_annex_blocks():
    all_blocks = blocks((576, 824))
    annex_1 = next(i for i, b in enumerate(all_blocks) if normalise_whitespace(b.text) == "附件1")
    annex_2 = next(i for i, b in enumerate(all_blocks) if normalise_whitespace(b.text) == "附件2")
    return all_blocks[annex_1:annex_2], all_blocks[annex_2:]


def test_iab_annex_1_yields_every_field_under_its_industry() -> None:
    # The industry captions (一、新一代信息技术) come out as lines of their own between the table parts.
    annex_1, _ = iab_annex_blocks()
    expected, group = [], None
    for block in annex_1:
        caption = re.match(r"^[一二三]、(.+)$", block.text.strip())
        if caption:
            group = caption.group(1).strip()
        for cells in block.rows:
            if cells[0].isdigit():
                expected.append((group, cells[1]))
    assert [g for g, _ in expected].count("新一代信息技术") == 12
    assert [g for g, _ in expected].count("人工智能") == 6
    assert [g for g, _ in expected].count("生物医药") == 10
    captured = [(s.get("group"), normalise_whitespace(s["label"])) for s in plan("gz-iab-action-plan")["sectors"] if s.get("group")]
    assert captured == [(g, normalise_whitespace(f)) for g, f in expected]


def test_iab_annex_2_yields_the_ten_parks_with_category_and_area() -> None:
    _, annex_2 = iab_annex_blocks()  # two tables: a page footer splits the annex
    rows = [cells for block in annex_2 for cells in block.rows if cells[0].isdigit()]
    assert [int(cells[0]) for cells in rows] == list(range(1, 11))
    written = {int(cells[0]): cells[1] for cells in rows if cells[1]}
    assert written == {3: "新一代信息技术价值创新园区", 6: "人工智能价值创新园区", 9: "生物医药价值创新园区"}
    [layout] = [layout for layout in plan("gz-iab-action-plan")["layouts"]
                if len(layout["zones"]) == 10 and "价值创新" in layout["label"]]
    category = {n: c for c, numbers in PARK_CATEGORIES.items() for n in numbers}
    for cells, zone in zip(rows, layout["zones"]):
        number, name, area = int(cells[0]), cells[2], cells[3]
        assert normalise_whitespace(zone["name"]) == normalise_whitespace(name)
        assert zone["role"] == category[number]
        [quantity] = [q for q in zone["quantities"] if q["kind"] == "area"]
        assert normalise_whitespace(quantity["text"]) in normalise_whitespace(area)
        assert float(re.search(r"(\d+(?:\.\d+)?)\s*平方公里", area).group(1)) == quantity["number"]
