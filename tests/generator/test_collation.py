"""generator/collation.py: names in the order of a Chinese dictionary (by pinyin), not by code point."""

from __future__ import annotations

from generator.collation import pinyin_key


def test_names_sort_by_reading() -> None:
    names = ["中山大学", "海珠湿地", "广州塔", "白云机场", "琶洲"]
    # bai2 < guang3 < hai3 < pa2 < zhong1, read off a dictionary by hand (by code point 中, U+4E2D, would come first).
    assert sorted(names, key=pinyin_key) == ["白云机场", "广州塔", "海珠湿地", "琶洲", "中山大学"]


def test_same_syllable_orders_by_tone_then_name() -> None:
    # 市 shi4 and 十 shi2 share a syllable: tone 2 before tone 4.
    assert sorted(["市科技局", "十三五规划"], key=pinyin_key) == ["十三五规划", "市科技局"]


def test_latin_letters_and_digits_are_kept_and_the_order_is_total() -> None:
    names = ["T.I.T创意园", "IAB计划", "1918园区", "阿里巴巴"]
    ordered = sorted(names, key=pinyin_key)
    assert ordered == sorted(ordered, key=pinyin_key) and set(ordered) == set(names)
    assert ordered[0] == "1918园区"  # digits before letters, as in a dictionary's index
