"""Numbers as written: digits, or Chinese numerals for small counts (generator/models/common.py)."""

from generator.models.common import chinese_numerals_in, number_apart, number_is_written


def test_chinese_numerals_are_read_as_the_counts_they_write() -> None:
    assert chinese_numerals_in("一区五园") == {1, 5}
    assert chinese_numerals_in("“六个一批”行动路线") == {6, 1}
    assert chinese_numerals_in("近期重点建设十大价值创新园区") == {10}
    assert chinese_numerals_in("十二个") == {12}
    assert chinese_numerals_in("二十") == {20}
    assert chinese_numerals_in("三十五家") == {35}
    assert chinese_numerals_in("两区") == {2}
    assert chinese_numerals_in("园区") == set()


def test_a_number_is_written_in_digits_or_numerals_only() -> None:
    assert number_is_written(600, "达到 600 家")
    assert number_is_written(3.35, "3.35%")
    assert number_is_written(5, "一区五园")
    assert not number_is_written(6, "一区五园")
    assert not number_is_written(10, "“1+9”科技创新系列政策")  # arithmetic needs a note
    assert not number_is_written(2.5, "两个半")


def test_the_number_is_shown_apart_only_when_the_text_lacks_its_digits() -> None:
    assert number_apart(5, "园", "一区五园") == "5园"
    assert number_apart(600, "家", "达到600家") == ""
    assert number_apart(None, "个", "若干个") == ""
