"""What of each source the data captures (part of the compare stage), so an editor sees what is left.

A paragraph is captured when at least one item's provenance quotes it. A
number-bearing sentence (a number with a unit: 600家, 3.3%, 50亿元) is captured
when a quote of its paragraph lies within it or contains it. Quotes are
compared after normalising whitespace only, as everywhere else.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Any, Iterator

from pydantic import BaseModel

from generator.link import Dataset, Source
from generator.models import Provenance
from generator.source_text import normalise_whitespace

# A number followed by a unit or a counter word: what a reader would expect the data to hold.
NUMBER_WITH_UNIT = re.compile(r"\d+(?:\.\d+)?\s*(?:%|％|万|亿|千|百|家|个|项|件|人|名|篇|条|宗|场|所|座|台|套|户|次"
                              r"|平方米|平方公里|公顷|亩|公里|米|元|倍|年|期|批|支|家次|个百分点)")
SENTENCE_END = re.compile(r"(?<=[。；！？;])")
# Dates are not figures: 2022年7月 or “2019年” alone does not make a sentence number-bearing.
DATE = re.compile(r"(?:19|20)\d{2}\s*年(?:\s*\d{1,2}\s*月)?(?:\s*\d{1,2}\s*日)?|(?:19|20)\d{2}\s*[—-]\s*(?:19|20)\d{2}")


def bears_a_number(sentence: str) -> bool:
    return bool(NUMBER_WITH_UNIT.search(DATE.sub("", sentence)))


@dataclass(frozen=True)
class SourceCoverage:
    source_id: str
    paragraphs: int
    captured_paragraphs: frozenset[str]  # anchors
    number_sentences: tuple[tuple[str, str, bool], ...]  # (anchor, sentence, captured)

    @property
    def paragraph_share(self) -> float:
        return len(self.captured_paragraphs) / self.paragraphs if self.paragraphs else 0.0

    @property
    def number_share(self) -> float:
        if not self.number_sentences:
            return 0.0
        return sum(1 for *_, captured in self.number_sentences if captured) / len(self.number_sentences)

    def uncaptured_number_sentences(self) -> list[tuple[str, str]]:
        return [(anchor, sentence) for anchor, sentence, captured in self.number_sentences if not captured]


def provenances(item: Any) -> Iterator[Provenance]:
    """Every provenance inside a model, its lists and its sub-models."""
    if isinstance(item, Provenance):
        yield item
    elif isinstance(item, BaseModel):
        for name in type(item).model_fields:
            yield from provenances(getattr(item, name))
    elif isinstance(item, (list, tuple)):
        for element in item:
            yield from provenances(element)


def quotes_by_paragraph(dataset: Dataset) -> dict[str, dict[str, set[str]]]:
    """source id → anchor → the quotes (normalised) that items take from that paragraph."""
    found: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for plan in dataset.plans.values():
        for provenance in provenances(plan):
            found[provenance.source or plan.source][provenance.anchor].add(normalise_whitespace(provenance.quote))
    return found


def source_coverage(dataset: Dataset) -> dict[str, SourceCoverage]:
    quotes = quotes_by_paragraph(dataset)
    return {source_id: coverage_of(source, quotes.get(source_id, {})) for source_id, source in dataset.sources.items()
            if source.text.blocks}


def coverage_of(source: Source, quotes: dict[str, set[str]]) -> SourceCoverage:
    paragraphs = [block for block in source.text.blocks if block.kind not in ("heading", "toc")]
    sentences = []
    for block in paragraphs:
        # A table's rows are its sentences (表2-1's targets are numbers in cells, not in running text).
        pieces = [" ".join(row) for row in block.rows] if block.kind == "table" else SENTENCE_END.split(block.text)
        for sentence in (normalise_whitespace(piece) for piece in pieces):
            if sentence.strip() and bears_a_number(sentence):
                taken = quotes.get(block.anchor, set())
                captured = any(quote in sentence or sentence.rstrip("。；;！？") in quote for quote in taken)
                sentences.append((block.anchor, sentence.strip(), captured))
    captured = frozenset(block.anchor for block in paragraphs if quotes.get(block.anchor))
    return SourceCoverage(source.entry.id, len(paragraphs), captured, tuple(sentences))
