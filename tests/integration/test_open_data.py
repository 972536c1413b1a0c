"""The published open data read back as a spreadsheet user reads it: CSV with its BOM, the workbook with openpyxl.

Each file is compared with the dataset it was made from; every column is
documented on the open-data page; the values the editor inferred carry their
flag and note.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import openpyxl
from openpyxl.utils import get_column_letter
import yaml
import pytest

from generator.opendata_columns import EVALUATION_COLUMN_DOCS, INDICATOR_COLUMN_DOCS, MEASURE_COLUMN_DOCS
from generator.measure_tree import flatten_measures
from generator.pipeline import ProjectPaths, build_dataset

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[2]
TABLES = {"indicators.csv": ("指标数值", INDICATOR_COLUMN_DOCS), "measures.csv": ("重点任务", MEASURE_COLUMN_DOCS),
          "evaluations.csv": ("目标完成情况", EVALUATION_COLUMN_DOCS)}


def published_csv(project: ProjectPaths, name: str) -> tuple[bytes, list[dict[str, str]]]:
    raw = (project.site / "data" / name).read_bytes()
    return raw, list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


@pytest.mark.parametrize("name", sorted(TABLES))
def test_csv_opens_in_excel_and_wps_by_double_click(built_site: ProjectPaths, name: str) -> None:
    raw, rows = published_csv(built_site, name)
    assert raw.startswith(b"\xef\xbb\xbf"), "a UTF-8 BOM, or Excel on Chinese Windows reads the file as GBK"
    assert b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b"")  # CRLF rows (quoted line breaks aside)
    assert rows and list(rows[0]) == list(TABLES[name][1])


def test_csv_rows_are_the_dataset(built_site: ProjectPaths) -> None:
    dataset = build_dataset(built_site)
    _, indicators = published_csv(built_site, "indicators.csv")
    values = [(plan.id, item.indicator, value) for plan in dataset.plans.values()
              for item in plan.indicators for value in item.values]
    assert len(indicators) == len(values)
    for row, (plan_id, indicator_id, value) in zip(indicators, values):
        assert (row["plan_id"], row["indicator_id"], row["value_text"]) == (plan_id, indicator_id, value.text)
        assert row["comparator"] == (value.comparator or "")
        assert row["inferred"] == "；".join(value.inferred) and row["note"] == (value.note or "")
    _, measures = published_csv(built_site, "measures.csv")
    items = sum(len(list(flatten_measures(plan.measures))) + len(list(flatten_measures(plan.safeguards)))
                + len(plan.key_projects) for plan in dataset.plans.values())
    assert len(measures) == items
    assert {row["kind"] for row in measures} == {"重点任务", "保障措施", "重点项目"}


def test_the_source_says_超_and_the_csv_keeps_it(built_site: ProjectPaths) -> None:
    # 9号 (gazette 004): “全市IAB产业规模年均增长15%以上，总规模超10000亿元”.
    source = (REPO / "data" / "sources" / "004_8906c921907f31ea.txt").read_text(encoding="utf-8")
    assert "总规模超10000亿元" in "".join(source.split())
    _, rows = published_csv(built_site, "indicators.csv")
    row = next(row for row in rows if row["value_text"] == "总规模超10000亿元")
    assert row["value"] == "10000" and row["comparator"] == "超过"


def test_an_inferred_year_is_flagged_with_its_reason(built_site: ProjectPaths) -> None:
    # 003 p21: “‘十三五’期末,海珠区数字经济核心产业营收达793.24亿元” — no year written; read as 2020.
    _, rows = published_csv(built_site, "indicators.csv")
    row = next(row for row in rows if row["value_text"] == "营收达793.24亿元")
    assert row["year"] == "2020" and row["inferred"] == "year" and "十三五" in row["note"]
    page = (built_site.site / "plans" / "haizhu-digital-economy-14" / "index.html").read_text(encoding="utf-8")
    assert "年份系推定" in page


def test_workbook_has_an_explanation_sheet_frozen_headers_and_the_same_rows(built_site: ProjectPaths) -> None:
    book = openpyxl.load_workbook(built_site.site / "data" / "plan-compare.xlsx")
    assert book.sheetnames == ["说明", "指标数值", "重点任务", "目标完成情况"]
    assert book["说明"].freeze_panes == "A4"
    explained = {(row[1], row[2]) for row in book["说明"].iter_rows(min_row=4, values_only=True)}
    for name, (title, docs) in TABLES.items():
        assert {(name, column) for column in docs} <= explained
        sheet = book[title]
        assert sheet.freeze_panes == "A2"
        _, rows = published_csv(built_site, name)
        header = [cell.value for cell in sheet[1]]
        assert header == list(docs)
        assert all(cell.font.b for cell in sheet[1])
        assert sheet.auto_filter.ref == f"A1:{get_column_letter(len(header))}{len(rows) + 1}"
        for csv_row, cells in zip(rows, sheet.iter_rows(min_row=2, values_only=True), strict=True):
            as_text = ["" if cell is None else (str(cell) if not isinstance(cell, float) else repr(cell)) for cell in cells]
            assert as_text == [csv_row[column] for column in header]


def test_every_column_is_documented_on_the_open_data_page() -> None:
    page = (REPO / "content" / "open-data.md").read_text(encoding="utf-8")
    for _, docs in TABLES.values():
        for column in docs:
            assert f"`{column}`" in page, column


def test_each_source_page_links_its_raw_text_published_byte_for_byte(built_site: ProjectPaths) -> None:
    entries = yaml.safe_load((REPO / "data" / "sources.yaml").read_text(encoding="utf-8"))["sources"]
    for entry in entries:
        published = built_site.site / "data" / "sources" / entry["file"]
        assert published.read_bytes() == (REPO / "data" / "sources" / entry["file"]).read_bytes()
        page = (built_site.site / "sources" / entry["id"] / "index.html").read_text(encoding="utf-8")
        assert f'href="../../data/sources/{entry["file"]}"' in page, entry["id"]
