"""The order a Chinese reader expects in a list of names: by pinyin (pypinyin), not by code point.

Code-point order puts 广州… after 海珠… and scatters names that share a first
syllable; a dictionary sorts by reading. Tones break ties between readings, the
name itself breaks the rest, so the order is total and stable across builds.
"""

from __future__ import annotations

from pypinyin import Style, lazy_pinyin


def pinyin_key(name: str) -> tuple[tuple[str, ...], str]:
    """Sort key: the name's syllables with tone numbers (zhong1 shan1 …), then the name."""
    syllables = lazy_pinyin(name, style=Style.TONE3, neutral_tone_with_five=True, errors="default")
    return tuple(syllable.lower() for syllable in syllables), name
