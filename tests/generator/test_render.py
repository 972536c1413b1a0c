"""Rendering the minimal fixture plan against reviewed expected Markdown.

The expected files in tests/fixtures/minimal/expected/ were read against
tests/fixtures/minimal/data/ by hand. After an intended change, regenerate them
with `UPDATE_EXPECTED=1 make test` and review the diff before committing.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.compare import Comparisons, compare
from generator.link import Dataset
from generator.pipeline import ProjectPaths, build_dataset
from generator.render import generate_site_content, render_pages

EXPECTED = Path(__file__).resolve().parents[1] / "fixtures" / "minimal" / "expected"
REVIEWED_PAGES = ("plans/mini-plan.md", "sources/mini.md", "places/demo-park.md",
                  "organisations/demo-sti-bureau.md", "indicators/incubators.md", "themes/parks-and-land.md",
                  "data/indicators.csv", "data/measures.csv")


def compared(project: ProjectPaths) -> tuple[Dataset, Comparisons]:
    dataset = build_dataset(project)
    return dataset, compare(dataset)


@pytest.mark.parametrize("page", REVIEWED_PAGES)
def test_page_matches_reviewed_markdown(minimal_project: ProjectPaths, page: str) -> None:
    rendered = render_pages(*compared(minimal_project), minimal_project.templates)[page]
    expected = EXPECTED / page
    if os.environ.get("UPDATE_EXPECTED"):
        expected.parent.mkdir(parents=True, exist_ok=True)
        expected.write_bytes(rendered.encode("utf-8"))
    # Bytes, not text: the CSV files end lines with CRLF, which reading as text would hide.
    assert rendered == expected.read_bytes().decode("utf-8")


def test_rendering_is_deterministic(minimal_project: ProjectPaths) -> None:
    first = render_pages(*compared(minimal_project), minimal_project.templates)
    second = render_pages(*compared(minimal_project), minimal_project.templates)
    assert first == second


def test_second_generation_writes_nothing(minimal_project: ProjectPaths) -> None:
    generate_site_content(minimal_project)
    report = generate_site_content(minimal_project)
    assert report.written == [] and report.removed == []


def test_lead_and_support_units_stay_apart(minimal_project: ProjectPaths) -> None:
    page = render_pages(*compared(minimal_project), minimal_project.templates)["plans/mini-plan.md"]
    assert "- 牵头单位：[示例区科技局](../organisations/demo-sti-bureau.md)" in page
    assert "- 配合单位：[示例区财政局](../organisations/demo-finance-bureau.md)" in page
