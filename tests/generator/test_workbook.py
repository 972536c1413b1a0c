"""The workbook as a spreadsheet reads it back: links, formulas kept as text, numbers as numbers."""

from __future__ import annotations

import io

import openpyxl

from generator.opendata_columns import EVALUATION_COLUMN_DOCS, INDICATOR_COLUMN_DOCS, MEASURE_COLUMN_DOCS
from generator.workbook import workbook_bytes


def indicator_row(**values: str) -> dict[str, str]:
    return {column: "" for column in INDICATOR_COLUMN_DOCS} | values


def read_back(rows: list[dict[str, str]]) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(workbook_bytes(rows, [], [])))


def test_an_absolute_source_url_is_a_clickable_link_and_a_relative_one_is_plain_text() -> None:
    book = read_back([indicator_row(source_url="https://example.org/sources/a/#p3"),
                      indicator_row(source_url="sources/a/#p3")])
    sheet = book["指标数值"]
    column = list(INDICATOR_COLUMN_DOCS).index("source_url") + 1
    linked, plain = sheet.cell(row=2, column=column), sheet.cell(row=3, column=column)
    assert linked.hyperlink.target == "https://example.org/sources/a/#p3" and linked.style == "Hyperlink"
    assert plain.hyperlink is None and plain.value == "sources/a/#p3"


def test_a_formula_in_the_data_stays_text_and_numbers_are_numbers() -> None:
    sheet = read_back([indicator_row(label="=HYPERLINK(\"http://x\")", value="12.5", year="2020")])["指标数值"]
    header = [cell.value for cell in sheet[1]]
    row = {name: cell for name, cell in zip(header, sheet[2])}
    assert row["label"].value == "=HYPERLINK(\"http://x\")" and row["label"].data_type == "s"
    assert row["value"].value == 12.5 and row["year"].value == 2020


def test_each_table_has_a_bold_frozen_header_and_a_filter_over_its_rows() -> None:
    book = openpyxl.load_workbook(io.BytesIO(workbook_bytes([indicator_row()], [], [])))
    for title, docs, rows in (("指标数值", INDICATOR_COLUMN_DOCS, 1), ("重点任务", MEASURE_COLUMN_DOCS, 0),
                              ("目标完成情况", EVALUATION_COLUMN_DOCS, 0)):
        sheet = book[title]
        assert sheet.freeze_panes == "A2" and all(cell.font.b for cell in sheet[1])
        assert sheet.auto_filter.ref == f"A1:{openpyxl.utils.get_column_letter(len(docs))}{rows + 1}"
    assert book["说明"].freeze_panes == "A4"
