"""The real site, built from data/: pages, anchors and open data checked against the source text.

Expected values are read from the source document by the test (regular
expressions over data/sources/), never from the YAML.
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest

from generator.pipeline import ProjectPaths
from generator.source_text import normalise_whitespace, parse_source_file

pytestmark = pytest.mark.slow

SOURCE_13 = "000_d263a4b8f1deee28.txt"
PLAN_13 = "haizhu-sti-13"


def source_blocks(project: ProjectPaths, name: str):
    return parse_source_file(project.data / "sources" / name, []).blocks


def read_csv(project: ProjectPaths, name: str) -> list[dict[str, str]]:
    with (project.site / "data" / name).open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def html_ids(page: Path) -> set[str]:
    return set(re.findall(r'\bid="([^"]+)"', page.read_text(encoding="utf-8")))


def test_indicator_csv_has_exactly_the_documented_columns(built_site: ProjectPaths) -> None:
    header = (built_site.site / "data" / "indicators.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    assert header == ("plan_id,plan_title,indicator_id,indicator_name,label,unit,kind,year,comparator,value,value_text,"
                      "inferred,note,source_url,category,lead_units")
    header = (built_site.site / "data" / "measures.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    assert header == ("plan_id,plan_title,kind,section,number,title,lead_units,support_units,funds,deadlines,"
                      "other_quantities,text,source_url,themes")


def test_every_2020_target_of_chapter_three_is_in_the_csv(built_site: ProjectPaths) -> None:
    [sentence] = [b.text for b in source_blocks(built_site, SOURCE_13) if b.text.startswith("到2020年，全社会研发")]
    clauses = [clause for clause in re.split(r"[；。]", sentence) if re.search(r"\d", clause)]
    targets = [row for row in read_csv(built_site, "indicators.csv")
               if row["plan_id"] == PLAN_13 and row["kind"] == "target" and row["year"] == "2020"]
    for clause in clauses:
        number = re.findall(r"(\d+(?:\.\d+)?)\s*(%|家|万平方米|件)", clause)[-1]
        matching = [row for row in targets if float(row["value"] or "nan") == float(number[0])
                    and normalise_whitespace(row["value_text"]) in normalise_whitespace(clause)]
        assert matching, f"no target row for {clause!r}"
        assert matching[0]["unit"] == number[1]


def test_twelfth_period_results_are_baselines(built_site: ProjectPaths) -> None:
    text = "".join(block.text for block in source_blocks(built_site, SOURCE_13))
    high_tech = re.search(r"高新技术企业(\d+)家，总数达(\d+)家", text)
    incubators = re.search(r"科技企业孵化器由(\d+)家增至(\d+)家", text)
    rows = [row for row in read_csv(built_site, "indicators.csv") if row["plan_id"] == PLAN_13]

    def baselines(indicator: str) -> set[str]:
        return {row["value"] for row in rows if row["indicator_id"] == indicator and row["kind"] == "baseline"}

    assert high_tech and incubators
    assert high_tech.group(2) in baselines("high-tech-enterprises")  # 93
    assert {incubators.group(1), incubators.group(2)} <= baselines("incubators")  # 3 and 19


def test_every_heading_of_chapters_four_and_five_is_a_measure(built_site: ProjectPaths) -> None:
    blocks = source_blocks(built_site, SOURCE_13)
    start = next(i for i, b in enumerate(blocks) if b.kind == "heading" and b.text.startswith("第四章"))
    headings = [b.text for b in blocks[start + 1:] if b.kind == "heading" and b.level in (2, 3)]
    titles = {normalise_whitespace(row["title"]) for row in read_csv(built_site, "measures.csv")
              if row["plan_id"] == PLAN_13}
    missing = [heading for heading in headings
               if not any(normalise_whitespace(heading).endswith(title[-8:]) or title in normalise_whitespace(heading)
                          for title in titles)]
    assert not missing


def test_every_source_url_points_to_an_existing_anchor(built_site: ProjectPaths) -> None:
    rows = read_csv(built_site, "indicators.csv") + read_csv(built_site, "measures.csv")
    assert rows
    cache: dict[str, set[str]] = {}
    for row in rows:
        page, anchor = row["source_url"].split("#")
        ids = cache.setdefault(page, html_ids(built_site.site / page / "index.html"))
        assert anchor in ids, row["source_url"]


def test_plans_json_provenance_objects(built_site: ProjectPaths) -> None:
    document = json.loads((built_site.site / "data" / "plans.json").read_text(encoding="utf-8"))
    provenances = []

    def collect(node: object) -> None:
        if isinstance(node, dict):
            if "provenance" in node and isinstance(node["provenance"], dict):
                provenances.append(node["provenance"])
            for value in node.values():
                collect(value)
        elif isinstance(node, list):
            for value in node:
                collect(value)

    collect(document["plans"])
    assert len(provenances) > 100
    assert all(set(p) == {"source", "anchor", "quote"} and p["source"] for p in provenances)


def test_plan_page_links_every_item_to_its_source_paragraph(built_site: ProjectPaths) -> None:
    page = (built_site.site / "plans" / PLAN_13 / "index.html").read_text(encoding="utf-8")
    source_ids = html_ids(built_site.site / "sources" / PLAN_13 / "index.html")
    links = re.findall(r'href="\.\./\.\./sources/haizhu-sti-13/#(p\d+)"', page)
    assert len(links) > 100
    assert set(links) <= source_ids
    assert "达到600家" in page and "达到3.3%" in page


def test_source_page_reproduces_the_text_with_headings(built_site: ProjectPaths) -> None:
    page = (built_site.site / "sources" / PLAN_13 / "index.html").read_text(encoding="utf-8")
    assert "同等效力" not in page
    assert re.search(r'<h3 id="p\d+">第四章重点工作</h3>', page)
    for block in source_blocks(built_site, SOURCE_13):
        if block.kind in ("paragraph", "toc"):
            assert f'id="{block.anchor}"' in page


def test_gazette_issue_page_lists_its_four_documents(built_site: ProjectPaths) -> None:
    page = (built_site.site / "sources" / "gz-gazette-2018-10" / "index.html").read_text(encoding="utf-8")
    for number in ("穗府〔2018〕7号", "穗府〔2018〕8号", "穗府〔2018〕9号", "穗府规〔2018〕8号"):
        assert number in page


def test_evaluations_csv_has_the_issue_s_columns_and_the_13th_period_targets(built_site: ProjectPaths) -> None:
    import csv

    with (built_site.site / "data" / "evaluations.csv").open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        assert reader.fieldnames == ["plan_id", "indicator_id", "indicator_name", "target_year", "target_value_text",
                                     "target_value", "actual_year", "actual_value", "actual_plan_id", "status",
                                     "source_urls"]
        rows = [row for row in reader if row["plan_id"] == "haizhu-sti-13"]
    # 000 第三章: nine 2020 targets plus 无纸化办公 — one row each.
    assert len(rows) == 10
    [hte] = [row for row in rows if row["indicator_id"] == "high-tech-enterprises"]
    assert (hte["target_value"], hte["actual_value"], hte["actual_plan_id"], hte["status"]) == ("600", "629", "haizhu-sti-14", "met")
    assert all(url.startswith("sources/") and "#p" in url for row in rows for url in row["source_urls"].split())


def test_every_comparison_cell_links_to_an_existing_paragraph(built_site: ProjectPaths) -> None:
    import re

    ids: dict[str, set[str]] = {}
    for page in (built_site.site / "comparisons").glob("*/index.html"):
        for source, anchor in re.findall(r'href="\.\./\.\./sources/([^/]+)/#(p\d+)"', page.read_text(encoding="utf-8")):
            if source not in ids:
                html = (built_site.site / "sources" / source / "index.html").read_text(encoding="utf-8")
                ids[source] = set(re.findall(r'id="(p\d+)"', html))
            assert anchor in ids[source], f"{page.parent.name}: {source}#{anchor}"
    assert ids, "no comparison page links to a source paragraph"


COMPUTED_COLUMNS = {"完成情况", "目标变化", "变化", "对应", "类型", "判定"}


def comparison_tables(markdown: str):
    """(header cells, body rows of cells) of every table inside a comparison-table block."""
    for block in re.findall(r'<div class="comparison-table" markdown>(.*?)</div>', markdown, re.S):
        lines = [line for line in block.strip().splitlines() if line.startswith("|")]
        split = [[cell.strip() for cell in re.split(r"(?<!\\)\|", line)[1:-1]] for line in lines]
        yield split[0], split[2:]


def test_every_comparison_cell_shows_only_linked_quotes(built_site: ProjectPaths) -> None:
    # Every value, zone, sector, measure and goal a comparison table shows links to its source paragraph;
    # only the first column (the registry entry) and the computed columns (status, change) do not.
    link = re.compile(r"\]\(\.\./sources/[^)#]+\.md#p\d+\)")
    checked = 0
    for page in sorted((built_site.content / "comparisons").glob("*--*.md")):
        for header, rows in comparison_tables(page.read_text(encoding="utf-8")):
            for row in rows:
                for column, cell in zip(header[1:], row[1:]):
                    if column in COMPUTED_COLUMNS or not cell or cell == "—":  # — : the document states nothing
                        continue
                    for piece in cell.split("<br>"):
                        assert link.search(piece), f"{page.name} [{column}] {piece[:80]}"
                        checked += 1
    assert checked > 1000


class VisibleText(__import__("html.parser").parser.HTMLParser):
    """The text a reader sees in a page's article (scripts and styles left out)."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.skip = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag == "article":
            self.depth += 1
        if tag in ("script", "style"):
            self.skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self.depth -= 1
        if tag in ("script", "style"):
            self.skip -= 1

    def handle_data(self, data: str) -> None:
        if self.depth and not self.skip:
            self.parts.append(data)


# Markup of the page's own making that must never show: attribute lists ({: #id }, { #id }),
# Jinja ({{ }}, {% %}), admonition openers. The real data contains none of these characters sequences.
LEAKED_SYNTAX = re.compile(r"\{:|\{\s*#[\w-]+\s*\}|\{\{|\}\}|\{%|%\}|^!!! ", re.MULTILINE)


def test_no_page_shows_attribute_lists_or_template_syntax_as_text(built_site: ProjectPaths) -> None:
    leaks = {}
    for page in sorted(built_site.site.rglob("*.html")):
        parser = VisibleText()
        parser.feed(page.read_text(encoding="utf-8"))
        found = LEAKED_SYNTAX.findall("".join(parser.parts))
        if found:
            leaks[page.relative_to(built_site.site).as_posix()] = found[:3]
    assert not leaks, leaks


def test_data_notes_list_each_inconsistency_as_its_own_item(built_site: ProjectPaths) -> None:
    page = (built_site.site / "comparisons" / "data-notes" / "index.html").read_text(encoding="utf-8")
    section = page[page.index('id="plan-notes"'):]
    items = re.findall(r"<li>", section.split("</ul>")[0])
    from generator.pipeline import build_dataset

    notes = sum(1 for plan in build_dataset(built_site).plans.values() for note in plan.notes if note.kind == "inconsistency")
    assert notes > 1 and len(items) == notes
