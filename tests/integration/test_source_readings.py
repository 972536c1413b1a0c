"""Readings of the source texts that the data must agree with.

Every expected value is read from data/sources/*.txt (through the project's own
cleaning, generator.source_text.parse_source_file, with each document's line
ranges from data/sources.yaml), never from the plan files; the captured data
is then taken from the linked dataset (generator.pipeline.build_dataset).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest
import yaml

from generator.pipeline import ProjectPaths, build_dataset
from generator.source_text import Block, normalise_whitespace, parse_source_file

REPO = Path(__file__).resolve().parents[2]
ELLIPSIS = "…"
# A text may run on past the end of its anchor's paragraph when the extraction cut
# one item into several blocks (e.g. a line taken for a heading, "…重大IAB产" / "业建设…");
# it must start in the anchor's paragraph and may continue into at most this many more.
MAX_EXTRA_BLOCKS = 2
# The 14th S&T plan's text marks run-in headings with Markdown bold ("**推动国际科技合作**，…");
# the markers are emphasis, not words, so a text may leave them out.
EMPHASIS = "**"
# A text that stops before the source's sentence does must end with "…".
SENTENCE_END = ("。", "！", "？")
LEAD_UNITS_NOTE = re.compile(r"[(（][^()（）]*(牵头|配合)[^()（）]*[)）][。；]")


def words_of(text: str) -> str:
    return normalise_whitespace(text).replace(EMPHASIS, "")


@pytest.fixture(scope="module")
def dataset():
    return build_dataset(ProjectPaths(REPO))


@cache
def source_entries() -> dict[str, dict]:
    entries = yaml.safe_load((REPO / "data" / "sources.yaml").read_text(encoding="utf-8"))["sources"]
    return {entry["id"]: entry for entry in entries}


@cache
def blocks_of(source_id: str) -> tuple[Block, ...]:
    entry = source_entries()[source_id]
    ranges = [(part["start"], part["end"]) for part in entry.get("lines", [])]
    return parse_source_file(REPO / "data" / "sources" / entry["file"], ranges).blocks


def block_with(source_id: str, text: str) -> Block:
    needle = normalise_whitespace(text)
    [block] = [b for b in blocks_of(source_id) if b.kind != "toc" and needle in normalise_whitespace(b.text)]
    return block


def source_of(plan, item) -> str:
    return item.provenance.source or plan.source


def walk(items):
    for item in items:
        yield item
        yield from walk(getattr(item, "children", None) or [])


# ---------------------------------------------------------------- 1. 穗府〔2018〕9号 五、12.


def test_iab_policy_12_note_names_the_paragraphs_the_source_has(dataset) -> None:
    blocks = blocks_of("gz-iab-action-plan")
    [start] = [i for i, b in enumerate(blocks) if normalise_whitespace(b.text).startswith("12.简化价值创新园区土地审批流程")]
    head, rest = blocks[start], blocks[start + 1]
    # the source cuts 12. in two: the second block carries on the sentence and the units
    assert not re.match(r"\d+[.．]", rest.text) and "牵头单位" in rest.text
    [item_13] = [b for b in blocks if normalise_whitespace(b.text).startswith("13.支持价值创新园区")]
    [item_14] = [b for b in blocks if normalise_whitespace(b.text).startswith("14.对用于IAB产业的工业用地")]
    # 13. and 14. are paragraphs of their own, not part of 12.'s second half
    assert len({head.anchor, rest.anchor, item_13.anchor, item_14.anchor}) == 4
    assert "13." not in rest.text and "14." not in rest.text

    plan = dataset.plans["gz-iab-action-plan"]
    [policy_12] = [m for m in walk(plan.measures) if m.id == "policy-12"]
    assert policy_12.provenance.anchor == head.anchor
    [note] = [n for n in plan.notes if any(normalise_whitespace(p.quote).startswith("12.简化") for p in n.provenance)]
    written = set(re.findall(r"p\d+", note.text))
    assert {head.anchor, rest.anchor} <= written
    assert written <= {head.anchor, rest.anchor, item_13.anchor, item_14.anchor}, written
    assert "同段" not in note.text
    assert {head.anchor, rest.anchor} <= {p.anchor for p in note.provenance}


# ---------------------------------------------------------------- 2. 穗府〔2018〕7号 附件 第61行


def test_block_61_keeps_the_object_of_every_direction(dataset) -> None:
    [table] = [b for b in blocks_of("gz-made-in-china-2025") if b.kind == "table" and "重点产业区块" in b.rows[0]]
    [row] = [cells for cells in table.rows if cells[0] == "61"]
    directions = [cell for cell in row if cell][-1]
    # "化妆品生产、研发、展贸、检测": the object is written once, before the first verb
    match = re.match(r"^(.+?)生产、", directions)
    assert match, directions
    obj = match.group(1)

    plan = dataset.plans["gz-made-in-china-2025"]
    [layout] = [layout for layout in plan.layouts if layout.id == "industrial-blocks-annex"]
    [zone] = [zone for zone in layout.zones if zone.id == "block-61"]
    assert "、".join(zone.focus) == directions
    assert all(obj in item for item in zone.focus), zone.focus


# ---------------------------------------------------------------- 3. 海珠区：各类创新载体面积 / 科技载体总面积


def test_innovation_and_sti_carrier_areas_are_kept_apart_and_the_notes_say_so(dataset) -> None:
    innovation = re.search(r"各类创新载体面积超(\d+)万平方米",
                           "".join(b.text for b in blocks_of("haizhu-digital-economy-14")))
    sti = re.search(r"科技载体总面积达到(\d+)万平方米", "".join(b.text for b in blocks_of("haizhu-sti-13")))
    assert innovation and sti

    def values(plan_id: str, label: str):
        return [(row.indicator, value) for row in dataset.plans[plan_id].indicators for value in row.values
                if row.label == label]

    [(innovation_indicator, innovation_value)] = values("haizhu-digital-economy-14", "各类创新载体面积")
    [(sti_indicator, sti_value)] = values("haizhu-sti-13", "科技载体总面积")
    assert innovation_value.number == float(innovation.group(1))
    assert sti_value.number == float(sti.group(1))
    assert innovation_indicator != sti_indicator
    assert "分列" in (innovation_value.note or "")

    # no note may say the two sit under one indicator
    for plan in dataset.plans.values():
        for note in plan.notes:
            quotes = " ".join(normalise_whitespace(p.quote) for p in note.provenance) + normalise_whitespace(note.text)
            if "各类创新载体面积" in quotes and "科技载体总面积" in quotes:
                assert "同一指标" not in note.text, (plan.id, note.text)
                assert "分列" in note.text, (plan.id, note.text)


# ---------------------------------------------------------------- 4. 广州市加快创新驱动发展实施方案


def test_innovation_driven_layout_is_the_two_structures_the_text_names(dataset) -> None:
    block = block_with("gz-innovation-driven", "创新产业空间布局")
    match = re.search(r"(创新产业空间布局)[,，]重点打造(.+?)和(.+?)[(（]", block.text)
    assert match, block.text
    label, names = match.group(1), [match.group(2), match.group(3)]

    plan = dataset.plans["gz-innovation-driven"]
    [layout] = [layout for layout in plan.layouts if layout.provenance.anchor == block.anchor]
    assert layout.label == label
    assert [zone.name for zone in layout.zones] == names
    for zone in layout.zones:
        assert zone.provenance.anchor == block.anchor
        assert dataset.places[zone.place].name == zone.name


def test_innovation_driven_traditional_sectors_are_captured(dataset) -> None:
    block = block_with("gz-innovation-driven", "等优势传统产业转型升级")
    match = re.search(r"推动([^,，。]+?)等优势传统产业转型升级", block.text)
    assert match, block.text
    labels = match.group(1).split("、")
    assert len(labels) == 4  # 食品饮料、家居家电、灯光音响、电子产品

    plan = dataset.plans["gz-innovation-driven"]
    by_label = {s.label: s for s in plan.sectors if s.provenance.anchor == block.anchor}
    [measure] = [m for m in walk(plan.measures) if m.provenance.anchor == block.anchor and m.text]
    for label in labels:
        assert label in by_label, label
        sector = by_label[label].sector
        assert dataset.sectors[sector].name == label
        assert sector in measure.sectors, (label, measure.id)


# ---------------------------------------------------------------- 5. texts verbatim, or shortened with …


PLAN_IDS = sorted(path.stem for path in (REPO / "data" / "plans").glob("*.yaml"))


def verbatim_span(text: str, blocks: tuple[Block, ...], start: int) -> int | None:
    """How many blocks from ``start`` the text covers, or None if it is not verbatim there.

    The text, split at "…", must be a sequence of verbatim pieces (whitespace and the
    source's emphasis markers ignored), in order, the first starting inside blocks[start]
    (or, when that block is a heading, in the paragraph under it); later pieces may run on
    into the next MAX_EXTRA_BLOCKS blocks (one item cut into several blocks by the extraction).
    """
    parts = [words_of(b.text) for b in blocks[start:start + 1 + MAX_EXTRA_BLOCKS]]
    haystack = "".join(parts)
    first_starts_before = len(parts[0])
    if blocks[start].kind == "heading" and len(parts) > 1:
        # an item anchored at its heading (the title) whose text is the paragraph under it
        first_starts_before += len(parts[1])
    pieces = [words_of(piece) for piece in text.split(ELLIPSIS)]
    pieces = [piece for piece in pieces if piece]
    if not pieces:
        return None
    position = haystack.find(pieces[0])
    if position < 0 or position >= first_starts_before:
        return None
    position += len(pieces[0])
    for piece in pieces[1:]:
        found = haystack.find(piece, position)
        if found < 0:
            return None
        position = found + len(piece)
    if not text.rstrip().endswith(ELLIPSIS) and not _source_pauses_at(parts, position):
        return None  # cut mid-sentence without showing it
    covered, end = 0, 0
    for covered, part in enumerate(parts, start=1):
        end += len(part)
        if position <= end:
            return covered
    return None


def _source_pauses_at(parts: list[str], position: int) -> bool:
    """Whether the source's sentence ends at ``position`` of the joined parts: after 。！？ (and any
    closing quote or bracket), at the end of a block, or before the bracketed lead units that close
    a sentence ("（市科技创新委牵头）。"), which the item carries as lead_units."""
    ends = {sum(len(part) for part in parts[:i + 1]) for i in range(len(parts))}
    if position in ends:
        return True
    joined = "".join(parts)
    if LEAD_UNITS_NOTE.match(joined, position):
        return True
    return joined[:position].rstrip("”’）)】」").endswith(SENTENCE_END)


def texts_not_verbatim(dataset, plan_id: str) -> list[str]:
    plan = dataset.plans[plan_id]
    items = [*walk(plan.measures), *walk(plan.key_projects), *walk(plan.safeguards), *walk(plan.stages)]
    problems = []
    for item in items:
        if not item.text:
            continue
        blocks = blocks_of(source_of(plan, item))
        [start] = [i for i, b in enumerate(blocks) if b.anchor == item.provenance.anchor]
        if verbatim_span(item.text, blocks, start) is None:
            problems.append(f"{item.id} ({item.provenance.anchor}): {item.text[:40]}…")
    return problems


@pytest.mark.parametrize("plan_id", PLAN_IDS)
def test_every_text_is_verbatim_or_visibly_shortened(dataset, plan_id: str) -> None:
    problems = texts_not_verbatim(dataset, plan_id)
    assert not problems, "\n".join(problems)


def test_split_items_run_on_into_the_next_block_only(dataset) -> None:
    """The two texts known to span blocks are matched across exactly two of them."""
    for plan_id, item_id in (("gz-iab-action-plan", "policy-12"), ("gz-zizhu-innovation-policy", "m16-1")):
        plan = dataset.plans[plan_id]
        [item] = [m for m in walk(plan.measures) if m.id == item_id]
        blocks = blocks_of(source_of(plan, item))
        [start] = [i for i, b in enumerate(blocks) if b.anchor == item.provenance.anchor]
        assert verbatim_span(item.text, blocks, start) == 2, item_id


def test_the_checker_refuses_added_and_silently_dropped_words() -> None:
    blocks = blocks_of("gz-made-in-china-2025")
    [start] = [i for i, b in enumerate(blocks) if normalise_whitespace(b.text).startswith("2.中期评估阶段")]
    paragraph = blocks[start].text
    dropped = re.search(r"总结成功经验，查找问题和不足，", paragraph)
    assert dropped
    assert verbatim_span(paragraph, blocks, start) == 1
    silently_shortened = paragraph.replace(dropped.group(0), "")
    assert verbatim_span(silently_shortened, blocks, start) is None
    assert verbatim_span(paragraph.replace(dropped.group(0), ELLIPSIS), blocks, start) == 1
    assert verbatim_span(paragraph + "（依次对应国际、国家、行业标准）", blocks, start) is None
    # stopping mid-sentence must show the cut
    first_clause = paragraph[:paragraph.index("总结成功经验，") + len("总结成功经验")]
    assert verbatim_span(first_clause, blocks, start) is None
    assert verbatim_span(first_clause + ELLIPSIS, blocks, start) == 1


def test_made_in_china_stage_2_and_measure_5_are_as_written(dataset) -> None:
    plan = dataset.plans["gz-made-in-china-2025"]
    [stage_2] = [s for s in plan.stages if s.id == "stage-2"]
    blocks = blocks_of("gz-made-in-china-2025")
    match = re.search(r"2\.中期评估阶段（[^）]*）。(.+)$", block_with("gz-made-in-china-2025", "2.中期评估阶段").text)
    assert match
    assert normalise_whitespace(stage_2.text) == normalise_whitespace(match.group(1))
    [m5] = [m for m in walk(plan.measures) if m.id == "m5"]
    [m5_paragraph] = [b for b in blocks if b.anchor == m5.provenance.anchor]
    source = normalise_whitespace(m5_paragraph.text)
    assert "依次对应" not in source and "依次对应" not in m5.text


def test_a_place_both_plans_name_alike_is_not_marked_renamed() -> None:
    # 002 and 000 both write “琶洲互联网创新集聚区”; 000 also writes the short form “互联网创新集聚区”.
    from generator.alignments import layout_rows

    sources = {path.name[:3]: "".join(path.read_text(encoding="utf-8").split())
               for path in (REPO / "data" / "sources").glob("*.txt")}
    assert "琶洲互联网创新集聚区" in sources["002"] and "琶洲互联网创新集聚区" in sources["000"]
    dataset = build_dataset(ProjectPaths(REPO))
    rows = layout_rows(dataset, dataset.plans["gz-innovation-driven"], dataset.plans["haizhu-sti-13"])
    [row] = [row for row in rows if "pazhou-internet-innovation-zone" in row.places]
    assert row.change == "continued"


def test_a_text_may_start_under_its_heading_but_not_in_another_paragraph() -> None:
    blocks = blocks_of("haizhu-sti-13")
    [heading] = [i for i, b in enumerate(blocks) if normalise_whitespace(b.text).startswith("1.打造“一核双轴两区”空间布局")]
    assert blocks[heading].kind == "heading" and blocks[heading + 1].kind == "paragraph"
    body = blocks[heading + 1].text
    assert verbatim_span(body, blocks, heading) == 2
    # anchored at the paragraph before the heading, the same text does not start there
    assert blocks[heading - 1].kind == "paragraph"
    assert verbatim_span(body, blocks, heading - 1) is None
    # the emphasis markers of the 14th plan are not words: a text may leave them out
    blocks_14 = blocks_of("haizhu-sti-14")
    [bold] = [i for i, b in enumerate(blocks_14) if "**推动国际科技合作**" in b.text]
    marked = re.search(r"\*\*推动国际科技合作\*\*[^。]*。", blocks_14[bold].text).group(0)
    assert verbatim_span(marked.replace("**", ""), blocks_14, bold) == 1
    assert verbatim_span(marked.replace("**", "").replace("推动", "促进", 1), blocks_14, bold) is None


# ---------------------------------------------------------------- 6. counts written in words


def quantities_of(plan):
    for item in [*walk(plan.measures), *walk(plan.key_projects), *walk(plan.safeguards)]:
        yield from item.quantities


@pytest.mark.parametrize(("source_id", "pattern", "text"), [
    # the number is the count of the names the same sentence lists
    ("gz-innovation-driven", r"一区五园\(([^)]+)\)", "一区五园"),
    ("haizhu-digital-economy-14", r"推动([^,，。;；:：]+?)三个产业基地", "TCL大厦、唯品会总部大厦、华新科创岛三个产业基地"),
    ("gz-innovation-driven", r"分行业制定(.+?)等“六个一批”", "“六个一批”行动路线"),
])
def test_a_count_written_in_words_carries_the_number_of_things_it_names(dataset, source_id, pattern, text) -> None:
    match = re.search(pattern, "".join(words_of(b.text) for b in blocks_of(source_id)))
    assert match, pattern
    named = match.group(1).split("、")
    plan = next(p for p in dataset.plans.values() if p.source == source_id)
    [quantity] = [q for q in quantities_of(plan) if q.text == text]
    assert quantity.kind == "count" and quantity.number == len(named), (named, quantity)


def test_one_plus_nine_is_read_as_ten_and_says_so(dataset) -> None:
    for plan_id in ("gz-innovation-driven", "gz-iab-action-plan"):
        [quantity] = [q for q in quantities_of(dataset.plans[plan_id]) if "“1+9”" in q.text]
        assert quantity.number == 1 + 9 and quantity.note and "1+9" in quantity.note


def test_the_plan_page_shows_the_number_a_word_count_stands_for(built_site) -> None:
    page = (built_site.content / "plans" / "gz-innovation-driven.md").read_text(encoding="utf-8")
    assert "一区五园</span>（数量，计5园" in page


# ---------------------------------------------------------------- 7. parks both 14th-period plans name


@pytest.mark.parametrize(("source_id", "anchor_text", "names"), [
    ("haizhu-digital-economy-14", "等特色园区发展不断加速", ("广州T.I.T创意园", "广州创投小镇")),
    ("haizhu-sti-14", "入选广州市提质增效试点园区", ("海珠智汇科技园",)),
])
def test_parks_a_plan_names_as_results_are_linked_and_not_called_unlisted(dataset, source_id, anchor_text, names) -> None:
    from generator.alignments import layout_rows

    block = block_with(source_id, anchor_text)
    plan = next(p for p in dataset.plans.values() if p.source == source_id)
    recalled = {zone.name: zone for layout in plan.layouts if layout.retrospective for zone in layout.zones
                if zone.provenance.anchor == block.anchor}
    rows = layout_rows(dataset, dataset.plans["haizhu-sti-14"], dataset.plans["haizhu-digital-economy-14"])
    for name in names:
        assert name in words_of(block.text)
        zone = recalled[name]
        [row] = [row for row in rows if zone.place in row.places]
        assert row.first and row.second, name
        assert row.change not in ("added", "not-listed"), (name, row.change)


# ---------------------------------------------------------------- 8. results without numbers are noted


@pytest.mark.parametrize("result", ["海珠创新岛十八条", "CSO首席服务官工作制度", "广州互联网法院", "入选广州“独角兽”创新企业"])
def test_14th_plan_results_without_numbers_are_noted_as_left_out(dataset, result) -> None:
    block = block_with("haizhu-sti-14", result)
    assert block.kind == "paragraph"
    noted = [note for note in dataset.plans["haizhu-sti-14"].notes if note.kind == "omission"
             and result in normalise_whitespace(note.text) and block.anchor in {p.anchor for p in note.provenance}]
    assert noted, result
