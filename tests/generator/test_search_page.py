"""generator/search_page.py: the Pagefind attributes each generated page carries."""

from __future__ import annotations

import html.parser

import pytest

from generator.search_page import (
    BODY_WEIGHT,
    SearchMeta,
    name_weight,
    search_meta_block,
    searchable_page,
    source_number_weight,
)


class ElementCollector(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(markup: str) -> ElementCollector:
    collector = ElementCollector()
    collector.feed(markup)
    return collector


class FakePlan:
    def __init__(self, short_title: str, level: str) -> None:
        self.short_title = short_title
        self.level = level


def test_meta_block_gives_title_kind_levels_and_plans_as_filters() -> None:
    plans = (FakePlan("海珠区“十三五”科技和信息化规划", "district"), FakePlan("广州IAB产业发展五年行动计划", "city"))
    block = parse(search_meta_block(SearchMeta("comparison", "甲 与 乙", plans)))  # type: ignore[arg-type]
    spans = [(attrs.get("data-pagefind-meta"), attrs.get("data-pagefind-filter"))
             for tag, attrs in block.elements if tag == "span"]
    assert ("title", None) in spans and ("kind", "kind") in spans
    assert spans.count((None, "level")) == 2 and spans.count((None, "plan")) == 2
    assert "对照" in block.text and "市级" in block.text and "区级" in block.text
    container = block.elements[0][1]
    assert "hidden" in container and "data-pagefind-ignore" in container


@pytest.mark.parametrize("payload", ['<img src=x onerror=alert(1)>', '</span><script>alert(1)</script>',
                                     '" data-pagefind-weight="10', "a\r| b | c |"])
def test_data_in_the_meta_block_is_text_not_markup(payload: str) -> None:
    block = search_meta_block(SearchMeta("plan", payload, (FakePlan(payload, "city"),)))  # type: ignore[arg-type]
    parsed = parse(block)
    assert [tag for tag, _ in parsed.elements if tag not in ("div", "span")] == []
    assert not [attrs for _, attrs in parsed.elements if "onerror" in attrs]
    assert all(set(attrs) <= {"class", "hidden", "data-pagefind-ignore", "data-pagefind-meta", "data-pagefind-filter"}
               for _, attrs in parsed.elements)


def test_searchable_page_wraps_the_body_after_the_front_matter() -> None:
    page = searchable_page("---\ntitle: 甲\n---\n# 甲\n\n正文\n", SearchMeta("page", "甲"))
    front, rest = page.split("---\n", 2)[1:]
    assert front == "title: 甲\n"
    assert rest.index("search-meta") < rest.index("data-pagefind-body") < rest.index("# 甲")
    assert f'data-pagefind-weight="{BODY_WEIGHT}" markdown>' in rest
    assert rest.rstrip().endswith("</div>")


def test_shorter_names_weigh_more_within_pagefinds_range() -> None:
    weights = [float(name_weight(name)) for name in ("琶洲", "琶洲东区", "琶洲人工智能与数字经济试验区", "x" * 200)]
    assert weights == sorted(weights, reverse=True)
    assert weights[0] == 10.0 and weights[-1] >= 2.0  # Pagefind accepts 0–10


def test_a_notice_number_weighs_less_than_a_plan_source_number() -> None:
    assert source_number_weight("notice") < source_number_weight("policy") < 10
