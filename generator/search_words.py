"""A jieba user dictionary made from the registries' names and aliases.

Material's search segments Chinese with jieba at build time, while the
browser does not segment what a reader types. A reader who types a whole
term (高新技术企业, 孵化器) finds it only if jieba indexed that term as one
word, so every registry name is given to jieba as a word of its own.
"""

from __future__ import annotations

import re

from generator.link import Dataset

HAN_ONLY = re.compile(r"^[\u3400-\u9fff]{2,}$")


def search_words(dataset: Dataset) -> str:
    words: set[str] = set()
    for registry in ("indicators", "sectors", "places", "organisations"):
        for entry in dataset.registry(registry).values():
            for name in [entry.name, *(alias.name for alias in entry.aliases)]:
                compact = "".join(name.split())
                if HAN_ONLY.match(compact):
                    words.add(compact)
    return "".join(f"{word}\n" for word in sorted(words))
