"""Stage 4, compare: what the linked data says across plans, computed, never written by hand.

- evaluations: each target of a plan against the actual a later plan of the same
  jurisdiction reports for the target year (met, not met, no reported actual,
  not comparable), with the rule that decided it;
- ambition: how a later plan's target for an indicator compares with an earlier
  one's (new, dropped, raised, lowered, unchanged, not comparable);
- disagreements: two values for the same indicator, jurisdiction and year that
  differ (the count of incubators at the end of 2015: 19 in one plan, 17 in the next);
- pairs: which plans get a pre-built comparison page — only the pairs a reader
  would open (pair_relation), so their number grows about linearly with the
  plans; any other pair is composed in the browser from per-plan side pages
  (render.py, content/javascripts/comparison-composer.js).

Every result keeps the `Value`s (and so the quotes) it was computed from.
"""

from __future__ import annotations

from collections import defaultdict
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
    pairs: list[tuple[str, str]] = field(default_factory=list)  # pre-built pairs, earlier plan first
    relations: dict[tuple[str, str], str] = field(default_factory=dict)  # pair → pair_relation(first, second)
    themes: dict[str, list[TaggedItem]] = field(default_factory=dict)  # by plan id, every item with its themes
    pairs_by_plan: dict[str, list[tuple[str, str]]] = field(default_factory=dict)

    def pairs_of(self, plan_id: str) -> list[tuple[str, str]]:
        """The pre-built pairs ``plan_id`` is one of."""
        return self.pairs_by_plan.get(plan_id, [])


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


def plan_years(plan: Plan) -> tuple[int, int]:
    """The plan's period, or the year it was issued for a policy without one."""
    if plan.period:
        return plan.period.start, plan.period.end
    return plan.start_year, plan.start_year


def periods_overlap(a: Plan, b: Plan) -> bool:
    (a_start, a_end), (b_start, b_end) = plan_years(a), plan_years(b)
    return a_start <= b_end and b_start <= a_end


def pair_relation(plan: Plan, other: Plan) -> str | None:
    """What ``other`` is to ``plan``, if it is a plan a reader of ``plan`` would compare it with:
    its predecessor or successor; a plan of the same area for the period before or after
    (which reports on, or is reported on by, this one); a plan of the same area and period;
    the city's plan of the same period, or a district's (``within`` names the district's city)."""
    if other.id == plan.predecessor or other.successor == plan.id:
        return "predecessor"
    if other.id == plan.successor or other.predecessor == plan.id:
        return "successor"
    (start, end), (other_start, other_end) = plan_years(plan), plan_years(other)
    if other.jurisdiction == plan.jurisdiction:
        if other_end + 1 == start:
            return "previous-period"
        if end + 1 == other_start:
            return "next-period"
        return "sibling" if periods_overlap(plan, other) else None
    if not periods_overlap(plan, other):
        return None
    if plan.level == "district" and other.level == "city" and plan.within == other.jurisdiction:
        return "city"
    if plan.level == "city" and other.level == "district" and other.within == plan.jurisdiction:
        return "district"
    return None


def prebuilt_pairs(plans: list[Plan]) -> dict[tuple[str, str], str]:
    """The pairs that get a page, each with its relation, in the order of ``plans``.

    Only plans of one area, or a district and its city, can be related, so candidates are
    drawn per area: the work grows with the plans of an area, not with all pairs of plans."""
    order = {plan.id: index for index, plan in enumerate(plans)}
    by_area: dict[str, list[Plan]] = defaultdict(list)
    for plan in plans:
        by_area[plan.jurisdiction].append(plan)
    candidates = [pair for group in by_area.values() for pair in combinations(group, 2)]
    candidates += [(city, plan) if order[city.id] < order[plan.id] else (plan, city)
                   for plan in plans if plan.level == "district" and plan.within
                   for city in by_area.get(plan.within, []) if city.level == "city"]
    related = {}
    for first, second in candidates:
        relation = pair_relation(first, second)
        if relation:
            related[(first.id, second.id)] = relation
    return dict(sorted(related.items(), key=lambda item: (order[item[0][0]], order[item[0][1]])))


def compare(dataset: Dataset) -> Comparisons:
    plans = comparable_plans(dataset)
    comparisons = Comparisons()
    for plan in plans:
        evaluations = evaluate_plan(dataset, plan)
        # Only a plan someone reported on: a successor, or a later plan stating an actual for its years.
        if evaluations and (plan.successor or any(e.actual for e in evaluations)):
            comparisons.evaluations[plan.id] = evaluations
    comparisons.disagreements = find_disagreements(dataset)
    comparisons.relations = prebuilt_pairs(plans)
    comparisons.pairs = list(comparisons.relations)
    for pair in comparisons.pairs:
        for plan_id in pair:
            comparisons.pairs_by_plan.setdefault(plan_id, []).append(pair)
    comparisons.themes = tag_all_plans(dataset)
    return comparisons

