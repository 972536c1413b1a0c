"""The open data as one Excel workbook (openpyxl): a sheet that explains the columns in Chinese,
then one sheet per table with a frozen header row and clickable source links.

Written deterministically (fixed document dates, no editing metadata), so two builds of one
commit give the same bytes and the file is rewritten only when the data changes.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from generator.markdown_text import visible_text
from generator.opendata_columns import EVALUATION_COLUMN_DOCS, INDICATOR_COLUMN_DOCS, MEASURE_COLUMN_DOCS

WORKBOOK = "data/plan-compare.xlsx"
SHEETS = (("指标数值", "indicators.csv", INDICATOR_COLUMN_DOCS),
          ("重点任务", "measures.csv", MEASURE_COLUMN_DOCS),
          ("目标完成情况", "evaluations.csv", EVALUATION_COLUMN_DOCS))
LINK_COLUMNS = {"source_url", "source_urls"}
# Numbers a spreadsheet should be able to sum and sort (the CSV writes them as text).
NUMBER_COLUMNS = {"value", "year", "target_value", "target_year", "actual_value", "actual_year"}
FIXED_TIME = dt.datetime(2000, 1, 1)
# Zip entries carry a modification time; a fixed one keeps the bytes the same from build to build.
ZIP_TIME = (2000, 1, 1, 0, 0, 0)


def workbook_bytes(indicators: list[dict[str, Any]], measures: list[dict[str, Any]],
                   evaluations: list[dict[str, Any]]) -> bytes:
    book = Workbook()
    book.properties.created = book.properties.modified = FIXED_TIME
    book.properties.creator = "规划对照"
    explain_columns(book.active)
    for (title, _, docs), rows in zip(SHEETS, (indicators, measures, evaluations)):
        write_table(book.create_sheet(title), list(docs), rows)
    buffer = io.BytesIO()
    book.save(buffer)
    return _fixed_zip_times(buffer.getvalue())


def explain_columns(sheet: Any) -> None:
    sheet.title = "说明"
    sheet.append(["规划对照 开放数据：每个工作表与同名 CSV 文件内容相同。每个数值都保留原文写法，并链接到原文段落。"])
    sheet.append([])
    sheet.append(["工作表", "CSV 文件", "列", "含义"])
    for cell in sheet[3]:
        cell.font = Font(bold=True)
    for title, csv_name, docs in SHEETS:
        for column, meaning in docs.items():
            sheet.append([title, csv_name, column, meaning])
    sheet.freeze_panes = "A4"
    for letter, width in zip("ABCD", (14, 18, 20, 90)):
        sheet.column_dimensions[letter].width = width


def write_table(sheet: Any, columns: list[str], rows: list[dict[str, Any]]) -> None:
    # Cells are addressed by row and column: sheet[row] recounts the sheet's columns on every call,
    # which made the workbook quadratic in its rows (12 of 28 s of rendering at 35 plans).
    for index, column in enumerate(columns, start=1):
        sheet.cell(row=1, column=index, value=column).font = Font(bold=True)
    for number, row in enumerate(rows, start=2):
        for index, column in enumerate(columns, start=1):
            cell = sheet.cell(row=number, column=index, value=spreadsheet_value(column, row.get(column, "")))
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"  # data, never a formula: a contributor's "=HYPERLINK(…)" stays text
    for index, column in enumerate(columns, start=1):
        if column in LINK_COLUMNS:
            for cell in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
                link = str(cell[0].value or "").split(" ")[0]
                if link.startswith(("http://", "https://")):
                    cell[0].hyperlink = link
                    cell[0].style = "Hyperlink"
        sheet.column_dimensions[get_column_letter(index)].width = 40 if column in ("text", "note", "title") else 16
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions


def spreadsheet_value(column: str, value: Any) -> Any:
    if column in NUMBER_COLUMNS and value not in ("", None):
        number = float(value)
        return int(number) if number.is_integer() else number
    # Control characters cannot be stored in a worksheet (openpyxl refuses them): shown as their
    # pictures, as on the pages (␇), so a pasted control character never stops the build.
    return visible_text(value) if isinstance(value, str) else value


def _fixed_zip_times(data: bytes) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl stamps the time of saving
                content = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*", rb"\g<1>2000-01-01T00:00:00Z", content)
            target.writestr(fixed, content)
    return output.getvalue()
