"""Text from the data can never break a table or inject markup."""

from __future__ import annotations

import markdown

from generator.markdown_text import escape_attribute, escape_cell, escape_markdown


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
