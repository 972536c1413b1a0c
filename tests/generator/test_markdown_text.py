"""Text from the data can never break a table or inject markup."""

from __future__ import annotations

import markdown

from generator.markdown_text import escape_attribute, escape_cell, escape_front_matter, escape_markdown


def render(text: str) -> str:
    return markdown.markdown(text, extensions=["tables", "attr_list", "md_in_html"])


def test_pipe_in_a_cell_does_not_split_the_table() -> None:
    html = render(f"| a | b |\n| --- | --- |\n| {escape_cell('甲|乙')} | 丙 |\n")
    assert html.count("<td>") == 2
    assert "<td>甲|乙</td>" in html


def test_html_is_shown_as_text() -> None:
    html = render(escape_markdown("<script>alert(1)</script> & <b>粗</b>"))
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;" in html and "&amp;" in html


def test_emphasis_and_link_syntax_stay_literal() -> None:
    html = render(escape_markdown("*星号* _下划线_ [方括号](http://example.com) `代码`"))
    assert "<em>" not in html and "<a " not in html and "<code>" not in html
    assert "*星号*" in html and "[方括号](http://example.com)" in html


def test_numbered_text_does_not_become_a_list() -> None:
    html = render(escape_markdown("2. T.I.T创意园位于新港中路397号"))
    assert "<ol" not in html and html.startswith("<p>2. T.I.T")


def test_attribute_list_syntax_stays_literal() -> None:
    html = render(escape_markdown("文本 {: #injected }"))
    assert 'id="injected"' not in html and "{: #injected }" in html


def test_full_width_punctuation_is_unchanged() -> None:
    text = "“十二五”期间，（一）《规划》：100%；"
    assert escape_markdown(text) == text


def test_attribute_escaping_quotes() -> None:
    assert escape_attribute('a "b" <c>') == "a &quot;b&quot; &lt;c&gt;"


def test_a_carriage_return_does_not_end_the_table_row() -> None:
    for line_break in ("\r", "\r\n", "\u2028", "\x85", "\f", "\v"):
        html = render(f"| a | b |\n| --- | --- |\n| {escape_cell('甲' + line_break + '| 乙 | 丙 |')} | 丁 |\n")
        assert html.count("<tr>") == 2 and html.count("<td>") == 2, repr(line_break)


def test_tilde_caret_and_equals_are_shown_without_a_backslash() -> None:
    html = render(escape_markdown("3~5 ^上^ ==标=="))
    assert "<p>3~5 ^上^ ==标==</p>" in html


def test_a_trailing_hash_stays_in_a_heading() -> None:
    html = render("## " + escape_markdown("C# 语言 ##") + " { #h }")
    assert '<h2 id="h">C# 语言 ##</h2>' in html


def test_control_characters_show_as_their_pictures() -> None:
    # \x02 and \x03 are Python-Markdown's placeholder marks: they must never reach it.
    assert escape_markdown("铃\x07转\x1b红\x02占\x03位\x00") == "铃\u2407转\u241b红\u2402占\u2403位\u2400"


def test_bidirectional_overrides_show_as_code_points() -> None:
    assert escape_markdown("\u202e倒序\u202c") == "\\[U+202E\\]倒序\\[U+202C\\]"


def test_front_matter_is_html_escaped_json_on_one_line() -> None:
    assert escape_front_matter('</title><script>"a"\r\nb') == '"&lt;/title&gt;&lt;script&gt;&quot;a&quot; b"'
