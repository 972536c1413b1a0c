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


def test_an_entry_many_plans_name_lists_one_row_per_plan(minimal_project: ProjectPaths,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    # The threshold lowered so the one fixture plan is past it: the bureau's two items (印发 and
    # 牵头, as the reviewed page lists them) become one row, and no item or quote is printed.
    import generator.render
    monkeypatch.setattr(generator.render, "MENTIONS_IN_FULL_UP_TO", 0)
    page = render_pages(*compared(minimal_project), minimal_project.templates)["organisations/demo-sti-bureau.md"]
    assert "共有 1 部规划引用本条目" in page
    assert "| [示例规划](../plans/mini-plan.md) | 2016—2020 | 2 | 牵头 1、印发 1 |" in page
    assert "建设示范园区" not in page.split("## 规划中的提及")[1].split("## 原文中的提及")[0]
