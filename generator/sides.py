"""Stage 4, compare (per plan): what one plan brings to a comparison with any other plan.

A pre-built comparison page (alignments.py) lays two plans side by side; every
cell of it shows one plan's data for one row key: an indicator, a place lineage,
a sector, a theme, a goal year. So a pair that has no page can be composed from
two `PlanSide`s: the render stage publishes each plan's side as a hidden page of
cells (comparison_side.md.j2, rendered by the same macros as the pre-built
pages), and content/javascripts/comparison-composer.js joins two of them on the
row keys. The join is the same as alignments.py's: rows in the first plan's order
then the second's, one-sided rows after shared ones, and the change codes of
`_layout_change` and `_sector_change`, from the facts each row carries here
(current or retrospective mention, names, place ids, labels, sector parents).
tests/e2e/test_composed_comparison.py composes every pre-built pair of two areas in
the browser and requires the same page.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.alignments import (
    PlaceNamed,
    ZoneMention,
    district_places_named,
    plan_layout_groups,
    untagged,
)
from generator.compare import Comparisons, Disagreement, PlanValue, plan_values
from generator.link import Dataset
from generator.models import Plan
from generator.models.plan import PlanSector, Statement
from generator.themes import TaggedItem, items_with_theme


@dataclass(frozen=True)
class IndicatorSide:
    indicator_id: str
    values: tuple[PlanValue, ...]
    years: tuple[int, ...]  # of its baselines and actuals: a disagreement shows on a row stating its year
    disagreements: tuple[Disagreement, ...]  # in the plan's area, one per year


@dataclass(frozen=True)
class LayoutSide:
    key: tuple[str, ...]  # the place lineage, or ("name:…",) for a zone without a place
    mentions: tuple[ZoneMention, ...]

    @property
    def current(self) -> tuple[ZoneMention, ...]:
        return tuple(mention for mention in self.mentions if not mention.retrospective)


@dataclass(frozen=True)
class SectorSide:
    sector_id: str
    items: tuple[PlanSector, ...]
    parent: str | None
    children: tuple[str, ...]


@dataclass(frozen=True)
class ThemeSide:
    theme_id: str
    order: int  # the registry's order, which theme rows follow
    items: tuple[TaggedItem, ...]


@dataclass(frozen=True)
class GoalSide:
    horizon: int | None
    goals: tuple[Statement, ...]


@dataclass(frozen=True)
class PlanSide:
    plan: Plan
    indicators: tuple[IndicatorSide, ...]
    layouts: tuple[LayoutSide, ...]
    sectors: tuple[SectorSide, ...]
    themes: tuple[ThemeSide, ...]
    untagged: int
    goals: tuple[GoalSide, ...]
    # a city plan: per district of the city that has plans, the district's places the city plan names
    places_named: tuple[tuple[str, tuple[PlaceNamed, ...]], ...]


def plan_side(dataset: Dataset, comparisons: Comparisons, plan: Plan) -> PlanSide:
    return PlanSide(
        plan,
        _indicator_sides(comparisons, plan),
        tuple(LayoutSide(key, tuple(mentions)) for key, mentions in plan_layout_groups(dataset, plan).items()),
        _sector_sides(dataset, plan),
        _theme_sides(dataset, comparisons, plan),
        untagged(comparisons.themes, plan),
        tuple(GoalSide(year, tuple(goal for goal in plan.goals if goal.horizon == year))
              for year in dict.fromkeys(goal.horizon for goal in plan.goals)),
        _places_named(dataset, plan),
    )


def _indicator_sides(comparisons: Comparisons, plan: Plan) -> tuple[IndicatorSide, ...]:
    values = plan_values(plan, ("baseline", "target", "actual"))
    sides = []
    for indicator_id in dict.fromkeys(value.indicator_id for value in values):
        own = tuple(value for value in values if value.indicator_id == indicator_id)
        sides.append(IndicatorSide(
            indicator_id, own,
            tuple(sorted({v.value.year for v in own if v.value.kind in ("baseline", "actual")})),
            tuple(d for d in comparisons.disagreements
                  if d.indicator_id == indicator_id and d.jurisdiction == plan.jurisdiction)))
    return tuple(sides)


def _theme_sides(dataset: Dataset, comparisons: Comparisons, plan: Plan) -> tuple[ThemeSide, ...]:
    sides = []
    for order, theme_id in enumerate(dataset.themes):
        items = tuple(items_with_theme(comparisons.themes[plan.id], theme_id))
        if items:
            sides.append(ThemeSide(theme_id, order, items))
    return tuple(sides)


def _sector_sides(dataset: Dataset, plan: Plan) -> tuple[SectorSide, ...]:
    sides = []
    for sector_id in dict.fromkeys(sector.sector for sector in plan.sectors):
        sides.append(SectorSide(
            sector_id, tuple(s for s in plan.sectors if s.sector == sector_id), dataset.sectors[sector_id].parent,
            tuple(sorted(s.id for s in dataset.sectors.values() if s.parent == sector_id))))
    return tuple(sides)


def _places_named(dataset: Dataset, plan: Plan) -> tuple[tuple[str, tuple[PlaceNamed, ...]], ...]:
    if plan.level != "city":
        return ()
    districts = {other.jurisdiction: other for other in dataset.plans.values()
                 if other.level == "district" and other.within == plan.jurisdiction}
    return tuple((jurisdiction, tuple(district_places_named(dataset, plan, district)))
                 for jurisdiction, district in sorted(districts.items()))
