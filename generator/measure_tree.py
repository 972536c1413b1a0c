"""Walking a plan's measure hierarchy (一、/（一）/1.) in document order."""

from __future__ import annotations

from typing import Iterator

from generator.models.plan import Measure


def flatten_measures(measures: list[Measure], depth: int = 0,
                     parents: tuple[str, ...] = ()) -> Iterator[tuple[int, Measure, str]]:
    """(depth, measure, section path of its parents) for every measure of a tree."""
    for measure in measures:
        yield depth, measure, " / ".join(parents)
        yield from flatten_measures(measure.children, depth + 1, (*parents, measure_heading(measure)))


def measure_heading(measure: Measure) -> str:
    return f"{measure.number}{measure.title}" if measure.number else measure.title
