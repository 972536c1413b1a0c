"""Verdicts and signposts (part of the compare stage): the answers a reader wants first.

- the verdict of an earlier plan's targets, as the later plan of the same area
  reports on them: how many were met, not met, without an actual, not
  comparable, with the rows of each (a compact table) and the ratio of actual to
  target where the two are comparable numbers (the chart);
- the disagreements that touch a row of a comparison, so the row itself says
  that two documents give different numbers;
- for a plan page, the comparisons a reader would open from it: its predecessor
  and successor, the same period's plans of the same area, and the plans of the
  other level whose periods overlap.

Render only formats what is computed here.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.alignments import IndicatorRow
from generator.compare import Comparisons, Disagreement, pair_relation
from generator.link import Dataset
from generator.measure_tree import flatten_measures
from generator.models import Plan

STATUS_ORDER = ("met", "not-met", "no-actual", "not-comparable")


@dataclass(frozen=True)
class VerdictRow:
    row: IndicatorRow
    status: str
    ratio: float | None  # actual / target, when both are comparable numbers


@dataclass(frozen=True)
class TargetVerdict:
    rows: tuple[VerdictRow, ...]  # every evaluated target, grouped by status in STATUS_ORDER

    def counts(self) -> list[tuple[str, int]]:
        return [(status, sum(1 for row in self.rows if row.status == status)) for status in STATUS_ORDER]

    def with_status(self, status: str) -> list[VerdictRow]:
        return [row for row in self.rows if row.status == status]

    @property
    def total(self) -> int:
        return len(self.rows)


def target_verdict(rows: list[IndicatorRow]) -> TargetVerdict | None:
    """The verdict over the rows that carry an evaluation; None when the later plan reports no actual
    for any of them (a sibling plan of the next period that reports nothing is not a verdict)."""
    evaluated = [VerdictRow(row, row.evaluation.status, achievement_ratio(row)) for row in rows if row.evaluation]
    if not any(verdict_row.row.evaluation.actual for verdict_row in evaluated):
        return None
    evaluated.sort(key=lambda verdict_row: STATUS_ORDER.index(verdict_row.status))  # stable: page order within a status
    return TargetVerdict(tuple(evaluated))


def achievement_ratio(row: IndicatorRow) -> float | None:
    """Actual over target, only where the evaluation compared the two numbers (met or not met)."""
    evaluation = row.evaluation
    if evaluation is None or evaluation.actual is None or evaluation.status not in ("met", "not-met"):
        return None
    target, actual = evaluation.target.value.number, evaluation.actual.value.number
    if target is None or actual is None or target <= 0 or actual < 0:
        return None
    return actual / target


def row_disagreements(comparisons: Comparisons, jurisdiction: str, row: IndicatorRow) -> list[Disagreement]:
    """Disagreements on the row's indicator, area and a year one of the row's values states."""
    years = {value.value.year for value in row.first_values + row.second_values
             if value.value.kind in ("baseline", "actual")}
    return [d for d in comparisons.disagreements
            if d.indicator_id == row.indicator_id and d.jurisdiction == jurisdiction and d.year in years]


@dataclass(frozen=True)
class RelatedComparison:
    relation: str  # a key of labels.COMPARISON_RELATIONS
    other: Plan
    first_id: str  # the pair page's order
    second_id: str


def related_comparisons(dataset: Dataset, comparisons: Comparisons, plan: Plan) -> list[RelatedComparison]:
    """The pair pages a reader would open from ``plan``'s page, most direct relation first."""
    found = []
    for pair in comparisons.pairs_of(plan.id):
        other = dataset.plans[pair[1] if pair[0] == plan.id else pair[0]]
        found.append(RelatedComparison(pair_relation(plan, other), other, *pair))
    order = ["predecessor", "successor", "previous-period", "next-period", "sibling", "city", "district"]
    return sorted(found, key=lambda related: (order.index(related.relation), related.other.start_year, related.other.id))


@dataclass(frozen=True)
class PlanSummary:
    """What a plan commits to, counted, for the top of its page."""

    targets: int  # target values
    targeted_indicators: int
    zones: int
    sectors: int
    measures: int  # every measure of the tree, at every depth
    measures_with_lead: int
    key_projects: int
    quantified_items: int  # measures and key projects that state an amount, a count or a time limit


def plan_summary(plan: Plan) -> PlanSummary:
    targets = [(item.indicator, value) for item in plan.indicators for value in item.values if value.kind == "target"]
    measures = [measure for _, measure, _ in flatten_measures(plan.measures)]
    return PlanSummary(
        targets=len(targets),
        targeted_indicators=len({indicator for indicator, _ in targets}),
        zones=sum(len(layout.zones) for layout in plan.layouts if not layout.retrospective),
        sectors=len(plan.sectors),
        measures=len(measures),
        measures_with_lead=sum(1 for measure in measures if measure.lead_units),
        key_projects=len(plan.key_projects),
        quantified_items=sum(1 for item in [*measures, *plan.key_projects] if item.quantities),
    )


def names_lead_units(plan: Plan) -> bool:
    """Whether any item of the plan (measure, safeguard, key project, indicator) names a lead unit."""
    items = [measure for _, measure, _ in flatten_measures(plan.measures)]
    items += [measure for _, measure, _ in flatten_measures(plan.safeguards)]
    return any(item.lead_units for item in [*items, *plan.key_projects, *plan.indicators])
