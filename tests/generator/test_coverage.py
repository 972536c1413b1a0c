"""generator/coverage.py: which paragraphs and number-bearing sentences the data captures."""

from __future__ import annotations

import re

import pytest

from generator.coverage import bears_a_number, provenances, source_coverage
from generator.pipeline import ProjectPaths, build_dataset


@pytest.mark.parametrize(("sentence", "expected"), [
    ("区内高新技术企业达到600家", True),
    ("全社会研发经费投入占比达到3.3%", True),
    ("设立总规模50亿元的引导基金", True),
    ("用3-5年时间建成一流园区", True),
    ("2022年7月", False),  # a date, not a figure
    ("“十四五”时期（2021—2025年）", False),
    ("加快建设创新型城市", False),
])
def test_a_sentence_bears_a_number_when_a_number_has_a_unit(sentence: str, expected: bool) -> None:
    assert bears_a_number(sentence) is expected


def test_every_provenance_of_a_plan_is_found(minimal_project: ProjectPaths) -> None:
    dataset = build_dataset(minimal_project)
    written = sum(len(re.findall(r"\banchor:", path.read_text(encoding="utf-8")))
                  for path in (minimal_project.data / "plans").glob("*.yaml"))
    assert sum(1 for plan in dataset.plans.values() for _ in provenances(plan)) == written


def test_quoted_paragraphs_are_captured_and_the_shares_add_up(minimal_project: ProjectPaths) -> None:
    dataset = build_dataset(minimal_project)
    coverage = source_coverage(dataset)["mini"]
    quoted = {provenance.anchor for plan in dataset.plans.values() for provenance in provenances(plan)}
    assert coverage.captured_paragraphs <= quoted and coverage.captured_paragraphs
    assert 0 < coverage.paragraph_share <= 1
    missing = coverage.uncaptured_number_sentences()
    assert len(missing) == sum(1 for *_, captured in coverage.number_sentences if not captured)
