"""Theme tags: a keyword in the item's own title, or the theme named by the editor; the reason is kept."""

from __future__ import annotations

import pytest

from generator.models.plan import Measure
from generator.models.registries import Theme
from generator.pipeline import ROOT, ProjectPaths, build_dataset
from generator.themes import tag_all_plans, theme_tags

QUOTE = {"anchor": "p1", "quote": "原文"}
THEMES = {theme.id: theme for theme in (
    Theme(id="ip", name="知识产权", keywords=["知识产权", "专利"]),
    Theme(id="finance", name="科技金融", keywords=["科技金融", "融资"]),
    Theme(id="talent", name="人才", keywords=["人才"]),
)}


def measure(title: str, text: str | None = None, themes: list[str] | None = None) -> Measure:
    return Measure(id="m", title=title, text=text, themes=themes or [], provenance=QUOTE)


def test_a_keyword_in_the_title_tags_the_item_with_the_keyword_as_reason() -> None:
    tags = theme_tags(measure("研究出台《广州市海珠区专利扶持办法》"), THEMES)
    assert [(tag.theme_id, tag.reason) for tag in tags] == [("ip", "含“专利”")]


def test_one_item_can_take_several_themes_in_registry_order() -> None:
    tags = theme_tags(measure("发展科技保险和知识产权金融，拓宽人才融资渠道"), THEMES)
    assert [tag.theme_id for tag in tags] == ["ip", "finance", "talent"]


def test_a_keyword_only_in_the_text_does_not_tag() -> None:
    assert theme_tags(measure("加强载体建设", text="引进高层次人才"), THEMES) == ()


def test_a_theme_named_by_the_editor_is_marked_as_such() -> None:
    tags = theme_tags(measure("加强载体建设", themes=["talent"]), THEMES)
    assert [(tag.theme_id, tag.reason) for tag in tags] == [("talent", "编辑指定")]


@pytest.fixture(scope="module")
def tagged():
    return tag_all_plans(build_dataset(ProjectPaths(ROOT)))


def themes_of(tagged, plan_id: str, title: str) -> set[str]:
    [item] = [item for item in tagged[plan_id] if item.item.title == title]
    return {tag.theme_id for tag in item.tags}


def test_real_plans_are_tagged_by_their_titles(tagged) -> None:
    # Titles as written in 001 (海珠区“十四五”科技创新规划) and 000 (“十三五”规划).
    assert "sci-tech-finance" in themes_of(tagged, "haizhu-sti-14", "发挥科技金融支撑作用")
    assert "talent" in themes_of(tagged, "haizhu-sti-14", "聚集高端创新创业人才")
    assert "intellectual-property" in themes_of(tagged, "haizhu-sti-13", "加大知识产权创造和保护力度")
    assert "tech-transfer" in themes_of(tagged, "haizhu-sti-13", "大力促进科技成果转化")


def test_place_names_do_not_tag_an_item(tagged) -> None:
    # 中大国际创新谷 is a place, not international cooperation; 高成长价值创新园区 is a park, not a firm.
    assert "open-cooperation" not in themes_of(tagged, "haizhu-sti-13", "中大国际创新谷")
    assert "enterprise-cultivation" not in themes_of(tagged, "haizhu-sti-13", "培育高成长价值创新园区")


def test_every_theme_tags_some_item_of_the_real_plans(tagged) -> None:
    used = {tag.theme_id for items in tagged.values() for item in items for tag in item.tags}
    assert used == set(build_dataset(ProjectPaths(ROOT)).themes)
