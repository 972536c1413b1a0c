"""The answers a reader looks for first, on the real site: verdicts, plan summaries, charts and their alternatives.

Expected counts are read from the source texts by hand: 000 (the 13th plan)
sets ten 2020 targets in its 主要指标 paragraph (p111); 001 (the 14th plan)
reports 2020 results for three of them: 高新技术企业629家 (p47, target 600家),
研发经费投入强度3.35 (p88, target 3.3%), 每万人发明专利拥有量32.9件 (p45, target
25件); none of the three misses its target, the other seven have no reported actual.
"""

from __future__ import annotations

import csv
import io
import re
import xml.etree.ElementTree as ElementTree

import pytest

from generator.pipeline import ProjectPaths

pytestmark = pytest.mark.slow

SEQUENCE = "comparisons/haizhu-sti-13--haizhu-sti-14/index.html"


def page(project: ProjectPaths, path: str) -> str:
    return (project.site / path).read_text(encoding="utf-8")


def test_same_area_comparison_opens_with_the_verdict(built_site: ProjectPaths) -> None:
    html = page(built_site, SEQUENCE)
    body = html[html.index("<article"):]
    assert body.index('id="verdict"') < body.index('id="indicators"') < body.index('id="layouts"')
    summary = re.search(r'id="verdict".*?<p>(.*?)</p>', body, re.S).group(1)
    text = re.sub(r"<[^>]+>", "", summary)
    assert "10 项量化目标" in text
    assert "已完成 3 项" in text and "未完成 0 项" in text and "无实际值 7 项" in text and "不可比 0 项" in text
    assert 'href="#verdict-met"' in summary and 'href="#verdict-no-actual"' in summary
    met = body[body.index('id="verdict-met"'):body.index('id="verdict-no-actual"')]
    for indicator, target, actual in (("高新技术企业", "达到600家", "达到629家"),
                                      ("研发经费投入强度", "达到3.3%", "3.35"),
                                      ("每万人发明专利拥有量", "达到25件", "达32.9件")):
        assert indicator in met and target in met and actual in met
    assert 'href="../../sources/haizhu-sti-14/#p47"' in met  # the actual one click away


def test_a_disagreement_is_marked_in_the_row_where_it_shows(built_site: ProjectPaths) -> None:
    # 000 p72: 孵化器“增至19家” (2015); 001 p53: “从2015年的17家”.
    html = page(built_site, SEQUENCE)
    row = next(row for row in re.findall(r"<tr>.*?</tr>", html, re.S) if 'id="ind-incubators"' in row)
    assert "文件之间数字不一致" in row and "增至19家" in row and "17家" in row
    assert "data-notes/#incubators-2015" in row


def test_plan_page_links_its_comparisons_and_counts_what_it_commits_to(built_site: ProjectPaths) -> None:
    html = page(built_site, "plans/haizhu-sti-13/index.html")
    text = re.sub(r"<[^>]+>", "", html)
    assert "10 个指标的 10 项量化目标" in text
    assert "均未写明牵头单位" in text
    assert 'href="../../comparisons/haizhu-sti-13--haizhu-sti-14/#verdict"' in html
    assert 'href="../../comparisons/gz-innovation-driven--haizhu-sti-13/"' in html  # a city plan of the period


def test_measures_table_lists_lead_units_and_amounts(built_site: ProjectPaths) -> None:
    # 穗府〔2018〕8号 (12): 设立市财政出资、总规模50亿元的市科技成果产业化引导基金.
    html = page(built_site, "plans/gz-zizhu-innovation-policy/index.html")
    table = html[html.index('id="measures-table"'):]
    table = table[:table.index("</table>")]
    row = next(row for row in re.findall(r"<tr>.*?</tr>", table, re.S) if "50亿元" in row)
    assert "牵头" in table and "配合" in table
    assert "organisations/" in row  # its lead unit, linked


def test_indicator_page_has_a_chart_with_a_text_alternative_and_its_numbers(built_site: ProjectPaths) -> None:
    html = page(built_site, "indicators/high-tech-enterprises/index.html")
    svgs = re.findall(r"<svg[^>]*class=\"chart[^\"]*\".*?</svg>", html, re.S)
    assert len(svgs) == 2  # Guangzhou and Haizhu drawn apart: one area's numbers would flatten the other's
    for svg in svgs:
        tree = ElementTree.fromstring(svg)
        namespace = "{http://www.w3.org/2000/svg}"
        assert tree.get("role") == "group"
        labelled = tree.get("aria-labelledby").split()
        ids = {element.get("id") for element in tree.iter() if element.get("id")}
        assert set(labelled) <= ids and tree.find(f"{namespace}desc").text
    # Every point links to its quote, and the same numbers are in the table and the CSV the page links.
    assert 'href="../../sources/haizhu-sti-13/#p111"' in html and "达到600家" in html
    link = re.search(r'href="([^"]*data/indicators/high-tech-enterprises\.csv)"', html).group(1)
    rows = list(csv.DictReader(io.StringIO((built_site.site / "data/indicators/high-tech-enterprises.csv")
                                           .read_text(encoding="utf-8-sig"))))
    assert link.endswith("data/indicators/high-tech-enterprises.csv")
    assert {row["value_text"] for row in rows} >= {"达到600家", "达到629家"}
