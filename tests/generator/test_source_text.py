"""Cleaning of extracted source texts: furniture, broken lines, headings, anchors.

Expected texts are read off the seed documents by hand (line numbers refer to
data/sources/000_d263a4b8f1deee28.txt).
"""

from __future__ import annotations

from pathlib import Path

from generator.source_text import (
    clean_spaces,
    heading_kind,
    normalise_whitespace,
    parse_source_file,
    parse_source_text,
)

SOURCES = Path(__file__).resolve().parents[2] / "data" / "sources"
MINI = Path(__file__).resolve().parents[1] / "fixtures" / "minimal" / "data" / "sources" / "mini.txt"


def test_page_furniture_is_dropped_and_the_broken_sentence_joined() -> None:
    blocks = parse_source_file(MINI, []).blocks
    texts = [block.text for block in blocks]
    assert not any("同等效力" in text for text in texts)
    assert "形成了较好的创新氛围。" in blocks[7].text  # "创新" / furniture / "氛围。" across a page break


def test_heading_levels_follow_the_kinds_a_document_uses() -> None:
    blocks = {block.text: block for block in parse_source_file(MINI, []).blocks}
    assert blocks["第一章发展基础"].level == 1
    assert blocks["一、主要成效"].level == 2
    assert blocks["（一）建设示范园区"].level == 3


def test_table_of_contents_lines_are_not_headings() -> None:
    blocks = parse_source_file(MINI, []).blocks
    assert [block.kind for block in blocks[1:4]] == ["heading", "toc", "toc"]


def test_anchors_number_blocks_in_order() -> None:
    blocks = parse_source_file(MINI, []).blocks
    assert [block.anchor for block in blocks] == [f"p{n}" for n in range(1, len(blocks) + 1)]


def test_sentence_cut_by_a_page_in_the_real_plan_is_one_paragraph() -> None:
    # 000, lines 94-96: "…琶洲互联网创新集聚区成为全市" / blank / "重点打造的创新平台…"
    text = parse_source_file(SOURCES / "000_d263a4b8f1deee28.txt", []).blocks
    [paragraph] = [block for block in text if "琶洲互联网创新集聚区成为全市重点打造的创新平台" in block.text]
    assert paragraph.text.startswith("二是创新产业格局已现雏形。")
    assert paragraph.line == 94


def test_title_is_not_joined_to_the_salutation() -> None:
    blocks = parse_source_file(SOURCES / "000_d263a4b8f1deee28.txt", []).blocks
    titles = [block.text for block in blocks if block.text.endswith("的通知")]
    assert titles == ["广州市海珠区科技工业商务和信息化局关于印发《广州市海珠区“十三五”科技和信息化发展规划》的通知"]


def test_gazette_document_ranges_start_their_own_anchors() -> None:
    issue = SOURCES / "004_8906c921907f31ea.txt"
    document = parse_source_file(issue, [(476, 575)])
    assert document.blocks[0].anchor == "p1"
    assert document.blocks[0].line == 476
    assert any("穗府〔2018〕8号" in block.text for block in document.blocks[:3])
    cover_and_back = parse_source_file(issue, [(1, 27), (860, 887)])
    anchors = [block.anchor for block in cover_and_back.blocks]
    assert len(set(anchors)) == len(anchors)


def test_tab_separated_lines_form_one_table() -> None:
    issue = SOURCES / "004_8906c921907f31ea.txt"
    document = parse_source_file(issue, [(28, 475)])
    [table] = [block for block in document.blocks if block.kind == "table" and "规模以上工业总产值" in block.text]
    assert table.rows[0] == ("类别", "目标", "单位", "2018年", "2019年", "牵头单位")
    assert ("规模结构", "规模以上工业总产值", "万亿元", "2.15", "2.3", "市工业和信息化委") in table.rows


def test_spaces_are_dropped_next_to_chinese_only() -> None:
    assert clean_spaces("已进驻 12 家行业龙头企业") == "已进驻12家行业龙头企业"
    assert clean_spaces("GAZETTE OF THE PEOPLE'S GOVERNMENT") == "GAZETTE OF THE PEOPLE'S GOVERNMENT"


def test_quotes_compare_with_whitespace_removed_only() -> None:
    assert normalise_whitespace(" 总数达 93\u3000家\n") == "总数达93家"
    assert normalise_whitespace("“十二五”") == "“十二五”"  # full-width marks untouched


def test_numbered_sentence_is_a_paragraph_not_a_heading() -> None:
    assert heading_kind("1. 打造“一核双轴两区”空间布局，营造“互联网+”创新产业生态。") == "item"
    assert heading_kind("2. 中期评估阶段（2018 年 8 月—2018 年 12 月）。全面组织开展各项试点示范工作。") is None
    assert parse_source_text("第一章 发展环境\n\n正文。").blocks[0].kind == "heading"


def test_header_repeated_after_a_page_break_is_dropped() -> None:
    # 001, lines 165-175: 表2-1 repeats "序号 指标 2021 年数值 2025 年目标值" after row 1
    [table] = [block for block in parse_source_file(SOURCES / "001_6752cec950a8e64f.txt", []).blocks
               if block.kind == "table" and "2025年目标值" in block.text]
    assert [row[0] for row in table.rows] == ["序号", "1", "2", "3", "4", "5", "6", "7"]


def test_figure_caption_stands_alone() -> None:
    # 003, line 24: the caption "图1-1…(单位:家)" of a lost figure; the next line began a new paragraph
    blocks = parse_source_file(SOURCES / "003_3cf48775843defb6.txt", []).blocks
    [caption] = [block for block in blocks if block.text.startswith("图1-1")]
    assert caption.text == "图1-1海珠区高新技术企业技术领域分布(单位:家)"


def test_the_gazette_masthead_keeps_its_english_title_year_and_fields_apart() -> None:
    # data/sources/004_8906c921907f31ea.txt lines 7–9 and 884–886, as the seed has them
    blocks = parse_source_file(SOURCES / "004_8906c921907f31ea.txt", [(1, 27), (860, 887)]).blocks
    texts = [block.text for block in blocks]
    assert "GAZETTE OF THE PEOPLE'S GOVERNMENT OF GUANGZHOU MUNICIPALITY" in texts
    assert "2018" in texts
    assert "网址：<http://www.gz.gov.cn>" in texts
    assert "电话：83123236 83123238" in texts


def test_a_long_chinese_line_cut_by_a_page_break_is_still_joined() -> None:
    text = "推动科技创新园区建设发展，加快形成创新资源集聚、产业特色鲜明的园区\n\n体系。\n"
    assert [block.text for block in parse_source_text(text).blocks] == [
        "推动科技创新园区建设发展，加快形成创新资源集聚、产业特色鲜明的园区体系。"]
    field = "推动科技创新园区建设发展，加快形成创新资源集聚、产业特色鲜明的园区\n\n电 话：83123236\n"
    assert len(parse_source_text(field).blocks) == 2
