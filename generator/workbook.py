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
from openpyxl.cell import WriteOnlyCell
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
    # Write-only: rows are streamed out as they are appended, not kept as a grid of cell objects
    # (1.75 s → 1.39 s for the 6,000 rows of 70 plans in benchmarks/scale.py).
    book = Workbook(write_only=True)
    book.properties.created = book.properties.modified = FIXED_TIME
    book.properties.creator = "规划对照"
    explain_columns(book.create_sheet("说明"))
    for (title, _, docs), rows in zip(SHEETS, (indicators, measures, evaluations)):
        write_table(book.create_sheet(title), list(docs), rows)
    buffer = io.BytesIO()
    book.save(buffer)
    return _fixed_zip_times(buffer.getvalue())


def explain_columns(sheet: Any) -> None:
    sheet.freeze_panes = "A4"
    for letter, width in zip("ABCD", (14, 18, 20, 90)):
        sheet.column_dimensions[letter].width = width
    sheet.append(["规划对照 开放数据：每个工作表与同名 CSV 文件内容相同。每个数值都保留原文写法，并链接到原文段落。"])
    sheet.append([])
    sheet.append([_bold(sheet, heading) for heading in ("工作表", "CSV 文件", "列", "含义")])
    for title, csv_name, docs in SHEETS:
        for column, meaning in docs.items():
            sheet.append([title, csv_name, column, meaning])


def write_table(sheet: Any, columns: list[str], rows: list[dict[str, Any]]) -> None:
    sheet.freeze_panes = "A2"
    for index, column in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = 40 if column in ("text", "note", "title") else 16
    sheet.append([_bold(sheet, column) for column in columns])
    for row in rows:
        sheet.append([table_cell(sheet, column, row.get(column, "")) for column in columns])
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{len(rows) + 1}"


def table_cell(sheet: Any, column: str, value: Any) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=spreadsheet_value(column, value))
    if isinstance(cell.value, str) and cell.value.startswith("="):
        cell.data_type = "s"  # data, never a formula: a contributor's "=HYPERLINK(…)" stays text
    if column in LINK_COLUMNS:
        link = str(cell.value or "").split(" ")[0]
        if link.startswith(("http://", "https://")):
            cell.hyperlink = link
            cell.style = "Hyperlink"
    return cell


def _bold(sheet: Any, text: str) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=text)
    cell.font = Font(bold=True)
    return cell


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
