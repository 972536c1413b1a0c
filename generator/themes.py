"""Measure themes (part of the compare stage): which theme each task, policy,
safeguard and key project of a plan belongs to, and why.

A theme is given by a keyword of the theme registry found in the item's own
title (not its text, whose place names and asides tag too much: 中大国际创新谷
is no 国际合作; not its children's: each sub-item is tagged by its own title),
or by the plan file naming the theme in the item's `themes`.
Every tag keeps its reason, so a reader can check it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from generator.link import Dataset
from generator.measure_tree import flatten_measures
from generator.models import Plan
from generator.models.plan import KeyProject, Measure
from generator.models.registries import Theme
from generator.source_text import normalise_whitespace

@dataclass(frozen=True)
class ThemeTag:
    theme_id: str
    reason: str  # the keyword found, or "编辑指定"


@dataclass(frozen=True)
class TaggedItem:
    """A measure, safeguard or key project with its themes."""

    plan_id: str
    kind: str  # measure | safeguard | key-project
    item: Measure | KeyProject
    section: str  # the headings above it, " / "-joined
    tags: tuple[ThemeTag, ...]

    @property
    def heading(self) -> str:
        number = self.item.number or ""
        return f"{number}{self.item.title}"

    def tag(self, theme_id: str) -> ThemeTag | None:
        return next((tag for tag in self.tags if tag.theme_id == theme_id), None)


def theme_tags(item: Measure | KeyProject, themes: dict[str, Theme]) -> tuple[ThemeTag, ...]:
    """The item's themes in registry order: named by the editor, or found by keyword."""
    written = normalise_whitespace(item.title)
    tags = []
    for theme in themes.values():
        if theme.id in item.themes:
            tags.append(ThemeTag(theme.id, "编辑指定"))
            continue
        keyword = next((word for word in theme.keywords if normalise_whitespace(word) in written), None)
        if keyword:
            tags.append(ThemeTag(theme.id, f"含“{keyword}”"))
    return tuple(tags)


def plan_items(plan: Plan) -> Iterator[tuple[str, Measure | KeyProject, str]]:
    """(kind, item, section) for every measure, safeguard and key project, in document order."""
    for _, measure, section in flatten_measures(plan.measures):
        yield "measure", measure, section
    for _, measure, section in flatten_measures(plan.safeguards):
        yield "safeguard", measure, section
    for project in plan.key_projects:
        yield "key-project", project, ""


def tag_plan(plan: Plan, themes: dict[str, Theme]) -> list[TaggedItem]:
    return [TaggedItem(plan.id, kind, item, section, theme_tags(item, themes)) for kind, item, section in plan_items(plan)]


def tag_all_plans(dataset: Dataset) -> dict[str, list[TaggedItem]]:
    return {plan_id: tag_plan(plan, dataset.themes) for plan_id, plan in dataset.plans.items()}


def items_with_theme(items: list[TaggedItem], theme_id: str) -> list[TaggedItem]:
    return [item for item in items if item.tag(theme_id)]

