"""A jieba user dictionary of the short terms readers type.

Material's search segments Chinese with jieba at build time, while the browser
does not segment what a reader types: a typed term matches only if jieba
indexed it as one word. jieba's own dictionary lacks place names such as 琶洲
(it cuts 琶/洲), so the registries' names and aliases and the plans' own labels
are given to jieba as words. Only short terms are added: a long name made one
word (科技企业孵化器数量) would hide the words inside it (孵化器) from search.
"""

from __future__ import annotations

import re

from generator.link import Dataset

# Two to six Chinese characters: a term, not a phrase.
SHORT_TERM = re.compile(r"^[\u3400-\u9fff]{2,6}$")


def candidate_terms(dataset: Dataset) -> set[str]:
    terms: set[str] = set()
    for registry in ("indicators", "sectors", "places", "organisations"):
        for entry in dataset.registry(registry).values():
            terms.update([entry.name, *(alias.name for alias in entry.aliases)])
    for plan in dataset.plans.values():
        terms.update(item.label for item in plan.indicators)
        terms.update(item.label for item in plan.sectors)
        terms.update(zone.name for layout in plan.layouts for zone in layout.zones)
    return terms


def search_words(dataset: Dataset) -> str:
    words = {"".join(term.split()) for term in candidate_terms(dataset)}
    return "".join(f"{word}\n" for word in sorted(word for word in words if SHORT_TERM.match(word)))
