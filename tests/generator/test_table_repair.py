"""A merged column broken by extraction is rebuilt: carried down, found out of place, cells moved back."""

from generator.table_repair import GUANGZHOU_DISTRICTS, repair_merged_column

# Rows in the shapes the extraction of 穗府〔2018〕7号's annex produces (cells shortened).
HEADER = ("序号", "重点产业区块", "行政区域", "当前主导产业", "重点发展方向")
WRITTEN = ("1", "甲园", "黄埔区", "电子", "新一代信息技术")
EMPTY_MERGED = ("2", "乙园", "", "汽车", "智能与新能源汽车")
LOST_TAB = ("3", "丙园", "食品", "都市消费工业")
TRAILING_EMPTY = ("4", "丁园", "化妆品", "都市消费工业", "")
SHIFTED_RIGHT = ("5", "戊园", "", "花都区", "汽车制造业")
EMPTY_MIDDLE = ("6", "己园", "电梯", "", "智能装备")


def repaired(*rows):
    return repair_merged_column([HEADER, *rows], GUANGZHOU_DISTRICTS, 2)


def test_header_rows_are_skipped_and_numbers_kept():
    assert [row.number for row in repaired(WRITTEN, EMPTY_MERGED)] == [1, 2]


def test_a_written_value_is_its_row_s_and_carries_down():
    first, second = repaired(WRITTEN, EMPTY_MERGED)
    assert (first.merged, first.after, first.repairs) == ("黄埔区", ("电子", "新一代信息技术"), ())
    assert (second.merged, second.after) == ("黄埔区", ("汽车", "智能与新能源汽车"))
    assert second.repairs == ("merged value carried from an earlier row",)


def test_a_row_that_lost_the_merged_tab_keeps_its_cells():
    row = repaired(WRITTEN, LOST_TAB)[1]
    assert (row.merged, row.after) == ("黄埔区", ("食品", "都市消费工业"))
    assert "cells moved back into their columns" in row.repairs


def test_a_trailing_empty_cell_is_not_a_column():
    assert repaired(WRITTEN, TRAILING_EMPTY)[1].after == ("化妆品", "都市消费工业")


def test_an_empty_cell_in_the_middle_is_skipped():
    assert repaired(WRITTEN, EMPTY_MIDDLE)[1].after == ("电梯", "智能装备")


def test_a_value_out_of_its_column_starts_a_new_group_and_a_missing_cell_is_reported():
    row = repaired(WRITTEN, SHIFTED_RIGHT)[1]
    assert row.merged == "花都区"
    # The row moved one column right with its merged cell, so its one cell is the first after it.
    assert row.after == ("汽车制造业", None)
    assert row.repairs == ("merged cell out of its column", "cell(s) 2 after the merged column not in the text")
