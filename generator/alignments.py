"""Alignments (part of the compare stage): what two plans say side by side,
dimension by dimension, each cell keeping the items (and so the quotes) it shows.

- indicators: every indicator either plan quantifies, with the evaluation and
  the change in ambition where both plans govern the same area;
- layouts: the zones and parks of each plan, rows joined through the place
  registry, so a renamed zone or a successor sits on the row of its predecessor;
- sectors: sector x plan, with each plan's own label and focus areas;
- themes: theme x plan, with each plan's measures and their lead units;
- goals: the qualitative goals by horizon year;
- across levels: the places of the district plan's area that the city plan names.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from generator.compare import AmbitionChange, Comparisons, Evaluation, PlanValue, ambition_changes, plan_values
from generator.link import Backlink, Dataset, Source
from generator.models import Plan
from generator.models.plan import Layout, PlanSector, Statement, Zone
from generator.models.registries import Place
from generator.themes import TaggedItem, items_with_theme

# Kinds of place that count as parks when a plan names them outside its layouts.
PARK_KINDS = {"park", "zone", "island"}


@dataclass(frozen=True)
class IndicatorRow:
    """One indicator on a pair page: what each plan says, the evaluation and the change between them."""

    indicator_id: str
    first_values: tuple[PlanValue, ...]
    evaluation: Evaluation | None  # the first plan's target against the second plan's actual
    second_values: tuple[PlanValue, ...]
    change: AmbitionChange | None  # only within one jurisdiction

    @property
    def shared(self) -> bool:
        return bool(self.first_values and self.second_values)


def pair_indicator_rows(dataset: Dataset, comparisons: Comparisons, first: Plan, second: Plan) -> list[IndicatorRow]:
    """Every indicator either plan quantifies, the first plan's rows first, in its order."""
    first_values = plan_values(first, ("baseline", "target", "actual"))
    second_values = plan_values(second, ("baseline", "target", "actual"))
    order = list(dict.fromkeys([v.indicator_id for v in first_values] + [v.indicator_id for v in second_values]))
    same_area = first.jurisdiction == second.jurisdiction
    changes = {c.indicator_id: c for c in ambition_changes(dataset, first, second)} if same_area else {}
    reports_on_first = same_area and second.start_year > first.start_year
    evaluations = {e.target.indicator_id: e for e in comparisons.evaluations.get(first.id, [])
                   if reports_on_first and (e.actual is None or e.actual.plan_id == second.id)}
    return [IndicatorRow(
        indicator_id,
        tuple(v for v in first_values if v.indicator_id == indicator_id),
        evaluations.get(indicator_id),
        tuple(v for v in second_values if v.indicator_id == indicator_id),
        changes.get(indicator_id),
    ) for indicator_id in order]


# -- layouts -----------------------------------------------------------------

@dataclass(frozen=True)
class ZoneMention:
    """A zone of a layout, or a park a plan item names outside its layouts."""

    name: str  # as the plan writes it (a zone), or the registry name (a park named by an item)
    place_id: str | None
    layout: Layout | None
    zone: Zone | None
    item_label: str | None  # for a park named by a measure or project
    provenance: Any

    @property
    def retrospective(self) -> bool:
        """Named in a structure the plan reports as the previous period's, not its own."""
        return bool(self.layout and self.layout.retrospective)


@dataclass(frozen=True)
class LayoutRow:
    places: tuple[str, ...]  # place ids of the lineage, predecessor first; empty for a zone without a place
    first: tuple[ZoneMention, ...]
    second: tuple[ZoneMention, ...]
    change: str  # continued | renamed | succeeded | added | not-listed | recalled-… (see labels.LAYOUT_CHANGES)

    @property
    def shared(self) -> bool:
        return bool(_current(self.first) and _current(self.second))


def _current(mentions) -> list[ZoneMention]:
    return [mention for mention in mentions if not mention.retrospective]


def lineage(places: dict[str, Place], place_id: str) -> tuple[str, ...]:
    """The place with its predecessors and successors (registry `successor`), oldest first."""
    oldest = place_id
    seen = {oldest}
    while True:
        previous = next((p.id for p in places.values() if p.successor == oldest and p.id not in seen), None)
        if previous is None:
            break
        oldest = previous
        seen.add(oldest)
    chain = [oldest]
    while places[chain[-1]].successor and places[chain[-1]].successor not in chain:
        chain.append(places[chain[-1]].successor)
    return tuple(chain)


def zone_mentions(dataset: Dataset, plan: Plan) -> list[ZoneMention]:
    """Every zone of the plan's layouts, then the parks its other items name, in document order."""
    mentions = [ZoneMention(zone.name, zone.place, layout, zone, None, zone.provenance)
                for layout in plan.layouts for zone in layout.zones]
    in_layouts = {mention.place_id for mention in mentions}
    for place_id, links in dataset.place_links_by_plan.get(plan.id, []):
        if place_id in in_layouts or dataset.places[place_id].kind not in PARK_KINDS:
            continue
        for link in links:
            if link.item_path[:1] != ("layouts",) and link.provenance:
                mentions.append(ZoneMention(dataset.places[place_id].name, place_id, None, None,
                                            link.item_label, link.provenance))
                break
    return mentions


def plan_layout_groups(dataset: Dataset, plan: Plan) -> dict[tuple[str, ...], list[ZoneMention]]:
    """The plan's zones and parks by place lineage (a zone without a place by its name), in document order:
    what the plan brings to a layout row of any pair."""
    groups: dict[tuple[str, ...], list[ZoneMention]] = {}
    for mention in zone_mentions(dataset, plan):
        key = lineage(dataset.places, mention.place_id) if mention.place_id else ("name:" + mention.name,)
        groups.setdefault(key, []).append(mention)
    return groups


def layout_rows(dataset: Dataset, first: Plan, second: Plan) -> list[LayoutRow]:
    """Zones and parks of two plans, one row per place lineage; shared rows first."""
    a_groups, b_groups = plan_layout_groups(dataset, first), plan_layout_groups(dataset, second)
    rows = [LayoutRow(key if not key[0].startswith("name:") else (), tuple(a_groups.get(key, ())),
                      tuple(b_groups.get(key, ())), _layout_change(a_groups.get(key, []), b_groups.get(key, [])))
            for key in dict.fromkeys([*a_groups, *b_groups])]
    return sorted(rows, key=lambda row: (not row.shared, not _current(row.first)))


def _layout_change(first_mentions: list[ZoneMention], second_mentions: list[ZoneMention]) -> str:
    """From the zones each plan lays out as its own; a plan that names a place only looking back at
    the previous period has not laid it out, but it has not left it unmentioned either."""
    first, second = _current(first_mentions), _current(second_mentions)
    if not first_mentions:
        return "added" if second else "recalled-only-in-second"
    if not second_mentions:
        return "not-listed" if first else "recalled-only-in-first"
    if not first and not second:
        return "recalled-by-both"
    if not first:
        return "recalled-by-first"
    if not second:
        return "recalled-by-second"
    if {m.place_id for m in first} != {m.place_id for m in second}:
        return "succeeded"
    # Renamed only when no name is shared: a plan that also writes a short form (互联网创新集聚区)
    # next to the full name both plans write has not renamed the place.
    if not {m.name for m in first} & {m.name for m in second}:
        return "renamed"
    return "continued"


# -- sectors -----------------------------------------------------------------

@dataclass(frozen=True)
class SectorRow:
    sector_id: str
    first: tuple[PlanSector, ...]
    second: tuple[PlanSector, ...]
    change: str  # continued | relabelled | added | not-listed
    related: tuple[str, ...]  # for a one-sided row: the other plan's parent or child sectors of this one


def sector_rows(dataset: Dataset, first: Plan, second: Plan) -> list[SectorRow]:
    """Sector x plan, the first plan's order first; shared rows first."""
    order = list(dict.fromkeys([s.sector for s in first.sectors] + [s.sector for s in second.sectors]))
    rows = []
    for sector_id in order:
        a = tuple(s for s in first.sectors if s.sector == sector_id)
        b = tuple(s for s in second.sectors if s.sector == sector_id)
        other = second if not b else first if not a else None
        related = _related_sectors(dataset, sector_id, other) if other else ()
        rows.append(SectorRow(sector_id, a, b, _sector_change(a, b), related))
    return sorted(rows, key=lambda row: (not (row.first and row.second), not row.first))


def _sector_change(first: tuple[PlanSector, ...], second: tuple[PlanSector, ...]) -> str:
    if not first:
        return "added"
    if not second:
        return "not-listed"
    return "continued" if {s.label for s in first} == {s.label for s in second} else "relabelled"


def _related_sectors(dataset: Dataset, sector_id: str, plan: Plan) -> tuple[str, ...]:
    named = {s.sector for s in plan.sectors}
    parent = dataset.sectors[sector_id].parent
    children = {s.id for s in dataset.sectors.values() if s.parent == sector_id}
    return tuple(sorted(({parent} if parent in named else set()) | (children & named)))


# -- themes ------------------------------------------------------------------

@dataclass(frozen=True)
class ThemeRow:
    theme_id: str
    first: tuple[TaggedItem, ...]
    second: tuple[TaggedItem, ...]


def theme_rows(dataset: Dataset, tagged: dict[str, list[TaggedItem]], first: Plan, second: Plan) -> list[ThemeRow]:
    rows = []
    for theme_id in dataset.themes:
        a = tuple(items_with_theme(tagged[first.id], theme_id))
        b = tuple(items_with_theme(tagged[second.id], theme_id))
        if a or b:
            rows.append(ThemeRow(theme_id, a, b))
    return rows


def untagged(tagged: dict[str, list[TaggedItem]], plan: Plan) -> int:
    return sum(1 for item in tagged[plan.id] if not item.tags)


# -- goals -------------------------------------------------------------------

@dataclass(frozen=True)
class GoalRow:
    horizon: int | None
    first: tuple[Statement, ...]
    second: tuple[Statement, ...]


def goal_rows(first: Plan, second: Plan) -> list[GoalRow]:
    """Goals by the year they are set for; goals without a year last."""
    horizons = {goal.horizon for goal in [*first.goals, *second.goals]}
    return [GoalRow(year,
                    tuple(goal for goal in first.goals if goal.horizon == year),
                    tuple(goal for goal in second.goals if goal.horizon == year))
            for year in sorted(horizons, key=lambda year: (year is None, year or 0))]


# -- across levels -----------------------------------------------------------

@dataclass(frozen=True)
class PlaceNamed:
    """A place of the district plan's area and where the city plan names it."""

    place: Place
    items: tuple[Backlink, ...]  # the city plan's items that refer to it, one per item
    source: Source
    anchors: tuple[str, ...]  # paragraphs of the city plan's source writing one of its names


def district_of(first: Plan, second: Plan) -> tuple[Plan, Plan] | None:
    """(city plan, district plan) when the two plans are of different levels."""
    if {first.level, second.level} != {"city", "district"}:
        return None
    return (first, second) if first.level == "city" else (second, first)


def district_places_named(dataset: Dataset, city: Plan, district: Plan) -> list[PlaceNamed]:
    """Every place in the district plan's area that the city plan refers to or whose name its text writes."""
    source = dataset.sources[city.source]
    found = []
    for place in dataset.places.values():
        if place.district != district.jurisdiction:
            continue
        items = tuple({link.item_path: link for link in dataset.backlinks.get(("places", place.id), [])
                       if link.plan_id == city.id and link.provenance}.values())
        writing = {anchor for name in [place.name, *(alias.name for alias in place.aliases)]
                   for anchor in source.anchors_containing(name, skip_toc=True)}
        anchors = tuple(block.anchor for block in source.text.blocks if block.anchor in writing)
        if items or anchors:
            found.append(PlaceNamed(place, items, source, anchors))
    return found

