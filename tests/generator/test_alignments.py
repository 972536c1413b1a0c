"""Pair alignments on the real data, pinned from the source texts.

Names and labels are the ones the texts write (000 = 海珠区“十三五”科技和信息化规划,
001 = 海珠区“十四五”科技创新规划, 004 = 广州IAB产业发展五年行动计划); each test also
checks that what a cell shows is written in the paragraph it links to.
"""

from __future__ import annotations

import pytest

from generator.alignments import district_places_named, goal_rows, layout_rows, sector_rows, zone_mentions
from generator.pipeline import ROOT, ProjectPaths, build_dataset
from generator.source_text import normalise_whitespace


@pytest.fixture(scope="module")
def dataset():
    return build_dataset(ProjectPaths(ROOT))


def written_in_paragraph(dataset, provenance, text: str) -> bool:
    return normalise_whitespace(text) in dataset.sources[provenance.source].compared_text[provenance.anchor]


def written_at_or_under_heading(dataset, provenance, text: str, before: int = 3) -> bool:
    """In the linked paragraph or one of the few before it (the heading a body paragraph belongs to)."""
    source = dataset.sources[provenance.source]
    anchors = [block.anchor for block in source.text.blocks]
    index = anchors.index(provenance.anchor)
    return any(normalise_whitespace(text) in source.compared_text[anchor] for anchor in anchors[max(0, index - before): index + 1])


def test_haizhu_zones_line_up_through_renames_and_successors(dataset) -> None:
    rows = {row.places: row for row in layout_rows(dataset, dataset.plans["haizhu-sti-13"], dataset.plans["haizhu-sti-14"])}
    # 000: 以琶洲互联网创新集聚区为龙头; 001: 一区 = 琶洲人工智能与数字经济试验区.
    pazhou = rows[("pazhou-internet-innovation-zone", "pazhou-ai-digital-economy-zone")]
    assert pazhou.change == "succeeded"
    assert {m.name for m in pazhou.second} == {"琶洲人工智能与数字经济试验区"}
    # 000: 海珠湾滨水区 is a 支撑. 001 names 海珠创新湾 (一湾) only looking back at the 13th period
    # (¶43 “一区一谷一湾”创新空间布局取得实效); its own layout (¶90) is 一区一谷一圈, without a 湾.
    bay = rows[("haizhu-bay-waterfront", "haizhu-innovation-bay")]
    assert [(m.name, m.retrospective) for m in bay.second] == [("海珠创新湾", True)]
    assert bay.change == "recalled-by-second"
    # 000 writes 中大国际创新谷; 001's own 一区一谷一圈 writes 中大国际创新生态谷.
    valley = rows[("sysu-international-innovation-valley",)]
    assert valley.change == "renamed"
    assert {m.name for m in valley.second if not m.retrospective} == {"中大国际创新生态谷"}
    # 000's 一个龙头三个产业带 names 新港路创新产业带; 001 does not.
    assert rows[("xingang-road-innovation-belt",)].change == "not-listed"
    # Rows both plans list come first.
    ordered = layout_rows(dataset, dataset.plans["haizhu-sti-13"], dataset.plans["haizhu-sti-14"])
    shared = [row.shared for row in ordered]
    assert shared == sorted(shared, reverse=True)


def test_every_zone_name_shown_is_written_where_it_links(dataset) -> None:
    # A zone's name is shown linked to its quote; a park named by another item is shown by the item's label.
    missing = [(plan.id, mention.name, mention.provenance.anchor)
               for plan in dataset.plans.values() for mention in zone_mentions(dataset, plan)
               if mention.layout and not written_at_or_under_heading(dataset, mention.provenance, mention.name)]
    assert missing == []


def test_haizhu_sectors_added_dropped_and_relabelled(dataset) -> None:
    rows = {row.sector_id: row for row in sector_rows(dataset, dataset.plans["haizhu-sti-13"], dataset.plans["haizhu-sti-14"])}
    # 000 第六章: 新一代信息技术、人工智能、生物健康、数字新媒体、电子商务、创意设计.
    # 001 重点领域: 新一代信息技术、人工智能、数字经济、产业互联网、都市工业、科技服务、生命健康、智能建筑.
    assert rows["next-gen-it"].change == "continued"
    assert rows["artificial-intelligence"].change == "continued"
    assert rows["life-health"].change == "relabelled"
    assert ([s.label for s in rows["life-health"].first], [s.label for s in rows["life-health"].second]) == (["生物健康"], ["生命健康"])
    assert {sector for sector, row in rows.items() if row.change == "not-listed"} == {"digital-new-media", "e-commerce", "creative-design"}
    assert {sector for sector, row in rows.items() if row.change == "added"} == {
        "digital-economy", "industry-internet", "urban-industry", "sci-tech-services", "smart-building"}
    for row in rows.values():
        for item in (*row.first, *row.second):
            assert written_at_or_under_heading(dataset, item.provenance, item.label), item.label


def test_city_fields_point_to_the_district_s_parent_sector(dataset) -> None:
    # 004 附件1 lists 智能机器人 under 人工智能; the digital-economy plan names 人工智能 but not 智能机器人.
    rows = {row.sector_id: row for row in sector_rows(dataset, dataset.plans["gz-iab-action-plan"],
                                                       dataset.plans["haizhu-digital-economy-14"])}
    assert rows["intelligent-robots"].change == "not-listed"
    assert rows["intelligent-robots"].related == ("artificial-intelligence",)


def test_goals_line_up_by_horizon_year(dataset) -> None:
    # 000 sets its goals for 2020 (到“十三五”期末); 001 for 2025 and 2035 (到2025年 / 到2035年).
    rows = goal_rows(dataset.plans["haizhu-sti-13"], dataset.plans["haizhu-sti-14"])
    assert [row.horizon for row in rows] == [2020, 2025, 2035]
    assert rows[0].first and not rows[0].second
    assert not rows[1].first and rows[1].second


def test_the_iab_plan_names_pazhou_among_haizhu_places(dataset) -> None:
    named = {n.place.id: n for n in district_places_named(dataset, dataset.plans["gz-iab-action-plan"],
                                                           dataset.plans["haizhu-sti-14"])}
    pazhou = named["pazhou-internet-innovation-zone"]
    # 004 附件2 row 1: 海珠琶洲互联网价值创新园, 位于海珠区琶洲岛.
    assert "海珠琶洲互联网价值创新园" in {link.item_label for link in pazhou.items}
    assert all(named_place.place.district == "海珠区" for named_place in named.values())
    for named_place in named.values():
        names = [named_place.place.name, *(alias.name for alias in named_place.place.aliases)]
        for anchor in named_place.anchors:
            text = named_place.source.compared_text[anchor]
            assert any(normalise_whitespace(name) in text for name in names)


def test_a_park_only_one_plan_recalls_is_not_called_recalled_by_both(dataset) -> None:
    # 003 ¶24 names 科大讯飞A.I.创新产业园 among the 13th period's 特色园区; 001 does not name it.
    rows = layout_rows(dataset, dataset.plans["haizhu-digital-economy-14"], dataset.plans["haizhu-sti-14"])
    [row] = [row for row in rows if row.places == ("iflytek-ai-innovation-park",)]
    assert row.second == () and all(m.retrospective for m in row.first)
    assert row.change == "recalled-only-in-first"
