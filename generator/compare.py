"""Stage 4, compare: what the linked data says across plans, computed, never written by hand.

- evaluations: each target of a plan against the actual a later plan of the same
  jurisdiction reports for the target year (met, not met, no reported actual,
  not comparable), with the rule that decided it;
- ambition: how a later plan's target for an indicator compares with an earlier
  one's (new, dropped, raised, lowered, unchanged, not comparable);
- disagreements: two values for the same indicator, jurisdiction and year that
  differ (the count of incubators at the end of 2015: 19 in one plan, 17 in the next);
- pairs: which plans get a comparison page (alignments.py lays them side by side).

Every result keeps the `Value`s (and so the quotes) it was computed from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import combinations

from generator.link import Dataset
from generator.models import Plan
from generator.models.common import Value, format_number
from generator.models.registries import Indicator
from generator.themes import TaggedItem, tag_all_plans

# Comparators that state a level to reach; the ones after them state a change.
AT_LEAST = {"达到", "以上", "不少于", "为", "约", "左右", None}
MORE_THAN = {"超过", "突破"}
AT_MOST = {"以下", "不超过"}
RELATIVE = {"下降", "增长", "翻番"}

STATUS_RULES = {
    "met": "实际值达到目标",
    "not-met": "实际值未达到目标",
    "no-actual": "后续文件未报告该年份的实际值",
    "not-comparable": "单位或口径不同，无法直接比较",
}


@dataclass(frozen=True)
class PlanValue:
    """A value with the plan that states it."""

    plan_id: str
    indicator_id: str
    label: str
    value: Value


@dataclass(frozen=True)
class Evaluation:
    target: PlanValue
    actual: PlanValue | None
    status: str  # met | not-met | no-actual | not-comparable
    rule: str  # how the status was decided, in words a reader can check


@dataclass(frozen=True)
class AmbitionChange:
    indicator_id: str
    earlier: PlanValue | None
    later: PlanValue | None
    change: str  # new | dropped | raised | lowered | unchanged | not-comparable


@dataclass(frozen=True)
class Disagreement:
    """Two or more sources give different numbers for the same quantity and year."""

    indicator_id: str
    jurisdiction: str
    year: int
    values: tuple[PlanValue, ...]


@dataclass
class Comparisons:
    evaluations: dict[str, list[Evaluation]] = field(default_factory=dict)  # by evaluated plan id
    disagreements: list[Disagreement] = field(default_factory=list)
    pairs: list[tuple[str, str]] = field(default_factory=list)
    themes: dict[str, list[TaggedItem]] = field(default_factory=dict)  # by plan id, every item with its themes


def plan_values(plan: Plan, kinds: tuple[str, ...]) -> list[PlanValue]:
    return [PlanValue(plan.id, item.indicator, item.label, value)
            for item in plan.indicators for value in item.values if value.kind in kinds]


def evaluate(target: Value, actual: Value | None, indicator: Indicator) -> tuple[str, str]:
    """The status of a target given the actual reported for its year, and the rule applied."""
    if actual is None:
        return "no-actual", STATUS_RULES["no-actual"]
    if target.number is None or actual.number is None:
        return "not-comparable", "目标或实际值没有写出数字"
    if target.unit != actual.unit:
        return "not-comparable", f"单位不同（目标{target.unit or '无'}，实际{actual.unit or '无'}）"
    goal, got = target.number, actual.number
    shown = f"实际{format_number(got)}{actual.unit}，目标{format_number(goal)}{target.unit}"
    if target.comparator in RELATIVE or actual.comparator in RELATIVE:
        same_form = target.comparator == actual.comparator and target.reference_year == actual.reference_year
        if not same_form:
            return "not-comparable", "目标是相对某年的变化幅度，实际值不是同一口径"
        met = got >= goal
        return ("met" if met else "not-met"), f"{shown}（同为比{target.reference_year or '上年'}{target.comparator}的幅度）"
    if target.comparator in AT_MOST or (target.comparator is None and indicator.direction == "lower-is-better"):
        return ("met" if got <= goal else "not-met"), f"{shown}；目标为上限（不高于）"
    if target.comparator in MORE_THAN:
        # "超过100" is met by an actual above 100, or by one itself stated as 超过/突破 100 or more.
        met = got > goal or (got == goal and actual.comparator in MORE_THAN)
        return ("met" if met else "not-met"), f"{shown}；目标为超过（大于）"
    met = got >= goal
    return ("met" if met else "not-met"), f"{shown}；目标为达到（不低于）"


def _later(dataset: Dataset, plan: Plan) -> list[Plan]:
    """Plans of the same jurisdiction that come after this one, the successor first."""
    later = [other for other in dataset.plans.values()
             if other.id != plan.id and other.jurisdiction == plan.jurisdiction and other.start_year > plan.start_year]
    return sorted(later, key=lambda other: (other.id != plan.successor, other.start_year, other.id))


def evaluate_plan(dataset: Dataset, plan: Plan) -> list[Evaluation]:
    """Every target of a plan against the actual the first later plan reports for its year."""
    reported = [candidate for other in _later(dataset, plan) for candidate in plan_values(other, ("actual", "baseline"))]
    evaluations = []
    for target in plan_values(plan, ("target",)):
        actual = next((candidate for candidate in reported if candidate.indicator_id == target.indicator_id
                       and candidate.value.year == target.value.year), None)
        status, rule = evaluate(target.value, actual.value if actual else None, dataset.indicators[target.indicator_id])
        evaluations.append(Evaluation(target, actual, status, rule))
    return evaluations


def ambition_changes(dataset: Dataset, earlier: Plan, later: Plan) -> list[AmbitionChange]:
    """For every indicator either plan sets a target for: the last target of each, compared."""
    def last_targets(plan: Plan) -> dict[str, PlanValue]:
        found: dict[str, PlanValue] = {}
        for value in plan_values(plan, ("target",)):
            if value.indicator_id not in found or value.value.year >= found[value.indicator_id].value.year:
                found[value.indicator_id] = value
        return found

    before, after = last_targets(earlier), last_targets(later)
    changes = []
    for indicator_id in sorted(set(before) | set(after), key=lambda i: (i not in before, i)):
        old, new = before.get(indicator_id), after.get(indicator_id)
        changes.append(AmbitionChange(indicator_id, old, new, _change(old, new, dataset.indicators[indicator_id])))
    return changes


def _change(old: PlanValue | None, new: PlanValue | None, indicator: Indicator) -> str:
    if old is None:
        return "new"
    if new is None:
        return "dropped"
    a, b = old.value, new.value
    if a.number is None or b.number is None or a.unit != b.unit or (a.comparator in RELATIVE) != (b.comparator in RELATIVE):
        return "not-comparable"
    if a.number == b.number:
        return "unchanged"
    higher = b.number > a.number
    # A larger "比…下降" is more ambitious whatever the indicator's direction.
    if (indicator.direction == "lower-is-better" and a.comparator not in RELATIVE) or a.comparator in AT_MOST:
        higher = not higher
    return "raised" if higher else "lowered"


def find_disagreements(dataset: Dataset) -> list[Disagreement]:
    """Values stated as fact (baselines, actuals) for one indicator, jurisdiction and year that differ."""
    groups: dict[tuple[str, str, int], list[PlanValue]] = {}
    for plan in dataset.plans.values():
        for value in plan_values(plan, ("baseline", "actual")):
            if value.value.number is not None:
                groups.setdefault((value.indicator_id, plan.jurisdiction, value.value.year), []).append(value)
    found = []
    for (indicator_id, jurisdiction, year), values in sorted(groups.items()):
        numbers = {(v.value.number, v.value.unit) for v in values}
        if len(numbers) > 1:
            found.append(Disagreement(indicator_id, jurisdiction, year, tuple(values)))
    return found


def comparable_plans(dataset: Dataset) -> list[Plan]:
    return sorted(dataset.plans.values(), key=lambda plan: (plan.start_year, plan.level, plan.id))


def compare(dataset: Dataset) -> Comparisons:
    plans = comparable_plans(dataset)
    comparisons = Comparisons()
    for plan in plans:
        evaluations = evaluate_plan(dataset, plan)
        # Only a plan someone reported on: a successor, or a later plan stating an actual for its years.
        if evaluations and (plan.successor or any(e.actual for e in evaluations)):
            comparisons.evaluations[plan.id] = evaluations
    comparisons.disagreements = find_disagreements(dataset)
    comparisons.pairs = [(a.id, b.id) for a, b in combinations(plans, 2)]
    comparisons.themes = tag_all_plans(dataset)
    return comparisons

