"""The Guangzhou city documents in the open data, checked against values the tests read from the source."""

from __future__ import annotations

import csv
import re

import pytest

from generator.pipeline import ProjectPaths
from generator.source_text import normalise_whitespace, parse_source_file

pytestmark = pytest.mark.slow

GAZETTE = "004_8906c921907f31ea.txt"
MANUFACTURING = ("gz-made-in-china-2025", (28, 475))
TARGET_TABLE_HEADER = ("类别", "目标", "单位", "2018年", "2019年", "牵头单位")


def target_table_rows(project: ProjectPaths) -> list[dict[str, str]]:
    """The rows of 主要目标体系, the category carried down from the row that writes it."""
    blocks = parse_source_file(project.data / "sources" / GAZETTE, [MANUFACTURING[1]]).blocks
    [table] = [b for b in blocks if b.kind == "table" and b.rows[0] == TARGET_TABLE_HEADER]
    rows, category = [], ""
    for cells in table.rows[1:]:
        # A category cell is written once for its group; the other rows come out without it.
        if len(cells) == len(TARGET_TABLE_HEADER):
            category, cells = cells[0] or category, cells[1:]
        rows.append(dict(zip(TARGET_TABLE_HEADER, (category, *cells))))
    return rows


def csv_rows(project: ProjectPaths, name: str, plan_id: str) -> list[dict[str, str]]:
    with (project.site / "data" / name).open(encoding="utf-8-sig", newline="") as handle:
        return [row for row in csv.DictReader(handle) if row["plan_id"] == plan_id]


def organisation_names(project: ProjectPaths) -> dict[str, str]:
    """Every name and alias of a registry organisation -> its registry name."""
    import yaml

    entries = yaml.safe_load((project.data / "registries" / "organisations.yaml").read_text(encoding="utf-8"))
    names = {}
    for entry in entries["organisations"]:
        for name in [entry["name"], *(alias["name"] for alias in entry.get("aliases", []))]:
            names[name] = entry["name"]
    return names


def test_the_target_table_has_fourteen_rows_in_five_categories(built_site: ProjectPaths) -> None:
    rows = target_table_rows(built_site)
    assert len(rows) == 14
    assert [r["类别"] for r in rows].count("规模结构") == 3
    assert sorted({r["类别"] for r in rows}) == sorted(["规模结构", "创新能力", "质量效益", "两化融合", "绿色发展"])


@pytest.mark.parametrize("index", range(14))
@pytest.mark.parametrize("year", ["2018", "2019"])
def test_every_cell_of_the_target_table_is_in_indicators_csv(built_site: ProjectPaths, index: int, year: str) -> None:
    row = target_table_rows(built_site)[index]
    written = row[f"{year}年"]
    found = [r for r in csv_rows(built_site, "indicators.csv", MANUFACTURING[0])
             if normalise_whitespace(r["label"]) == row["目标"] and r["year"] == year and r["kind"] == "target"]
    assert len(found) == 1, f"{row['目标']} {year}: {len(found)} rows"
    [value] = found
    assert normalise_whitespace(value["value_text"]) == written
    # 比2015年下降12.5%: the number is the decrease, not the reference year.
    assert float(value["value"]) == float(re.findall(r"\d+(?:\.\d+)?", written)[-1])
    # A "比2015年下降…%" cell is a percentage whatever the unit column says.
    assert value["unit"] == ("%" if written.endswith("%") else row["单位"])
    assert value["category"] == row["类别"]
    assert value["lead_units"] == organisation_names(built_site)[row["牵头单位"]]


def test_a_decrease_keeps_its_reference_year(built_site: ProjectPaths) -> None:
    import yaml

    plan = yaml.safe_load((built_site.data / "plans" / "gz-made-in-china-2025.yaml").read_text(encoding="utf-8"))
    decreases = [v for item in plan["indicators"] for v in item["values"] if "下降" in v["text"]]
    assert len(decreases) == 6
    assert all(v["comparator"] == "下降" and v["reference_year"] == 2015 for v in decreases)


def test_the_notice_is_a_source_page_only(built_site: ProjectPaths) -> None:
    page = (built_site.content / "sources" / "gz-cattle-sheep-slaughter-notice.md").read_text(encoding="utf-8")
    assert "不参与规划对照" in page and "穗府规〔2018〕8号" in page
    plans = (built_site.site / "data" / "plans.json").read_text(encoding="utf-8")
    assert '"source": "gz-cattle-sheep-slaughter-notice"' not in plans


def test_the_gazette_page_lists_its_four_documents_with_numbers_and_pages(built_site: ProjectPaths) -> None:
    page = (built_site.content / "sources" / "gz-gazette-2018-10.md").read_text(encoding="utf-8")
    table = page[page.index("## 本期刊载的文件"):page.index("## 原文")]
    contents = normalise_whitespace((built_site.data / "sources" / GAZETTE).read_text(encoding="utf-8")[:2000])
    # The table of contents: "…的通知（穗府〔2018〕7 号）（1）".
    expected = re.findall(r"（(穗府(?:规)?〔2018〕\d+号)）（(\d+)）", contents)
    assert len(expected) == 4
    rows = [line for line in table.splitlines() if line.startswith("| [")]
    assert len(rows) == 4
    for row, (number, page_number) in zip(rows, expected):
        cells = [cell.strip() for cell in row.strip("|").split("|")]
        assert cells[1] == number and cells[3] == page_number


def test_pazhou_is_one_place_for_the_district_plans_and_the_city_documents(built_site: ProjectPaths) -> None:
    page = (built_site.content / "places" / "pazhou-internet-innovation-zone.md").read_text(encoding="utf-8")
    mentions = page[page.index("## 规划中的提及"):]
    for plan_id in ("haizhu-sti-13", "gz-made-in-china-2025", "gz-iab-action-plan"):
        assert f"plans/{plan_id}.md" in mentions, plan_id
    # The IAB plan's own name for it, as a value-innovation park, is an alias of the same entry.
    assert "海珠琶洲互联网价值创新园" in page
