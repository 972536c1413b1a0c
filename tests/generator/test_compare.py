"""Statuses and changes computed from values and comparators; the Haizhu series pinned from the source text."""

from __future__ import annotations

import pytest

from generator.compare import ambition_changes, compare, evaluate
from generator.models.common import Value
from generator.models.registries import Indicator
from generator.pipeline import ROOT, ProjectPaths, build_dataset

QUOTE = {"anchor": "p1", "quote": "原文"}
HIGHER = Indicator(id="x", name="x")
LOWER = Indicator(id="y", name="y", direction="lower-is-better")


def value(text: str, number: float | None, unit: str = "家", comparator: str | None = None,
          reference_year: int | None = None, kind: str = "target") -> Value:
    return Value(kind=kind, year=2020, text=text, number=number, unit=unit, comparator=comparator,
                 reference_year=reference_year, provenance=QUOTE)


@pytest.mark.parametrize(("target", "actual", "status"), [
    (value("达到600家", 600, comparator="达到"), value("629", 629, kind="actual"), "met"),
    (value("达到600家", 600, comparator="达到"), value("599", 599, kind="actual"), "not-met"),
    (value("40家以上", 40, comparator="以上"), value("40", 40, kind="actual"), "met"),
    (value("不少于100个", 100, comparator="不少于"), value("99", 99, kind="actual"), "not-met"),
    (value("为40%", 40, "%", "为"), value("40", 40, "%", kind="actual"), "met"),
    (value("约10家", 10, comparator="约"), value("10", 10, kind="actual"), "met"),
    (value("10家左右", 10, comparator="左右"), value("9", 9, kind="actual"), "not-met"),
    (value("超过1350亿元", 1350, "亿元", "超过"), value("1350", 1350, "亿元", kind="actual"), "not-met"),
    (value("超过1350亿元", 1350, "亿元", "超过"), value("超过1350亿元", 1350, "亿元", "超过", kind="actual"), "met"),
    (value("突破7000亿元", 7000, "亿元", "突破"), value("7001", 7001, "亿元", kind="actual"), "met"),
    (value("不超过5%", 5, "%", "不超过"), value("6", 6, "%", kind="actual"), "not-met"),
    (value("5%以下", 5, "%", "以下"), value("4", 4, "%", kind="actual"), "met"),
    (value("比2015年下降12.5%", 12.5, "%", "下降", 2015), value("13", 13, "%", "下降", 2015, kind="actual"), "met"),
    (value("比2015年下降12.5%", 12.5, "%", "下降", 2015), value("0.5", 0.5, "%", kind="actual"), "not-comparable"),
    (value("年增长率26%以上", 26, "%", "以上"), value("30", 30, "件", kind="actual"), "not-comparable"),
    (value("翻番", None, "", "翻番"), value("2", 2, kind="actual"), "not-comparable"),
    (value("达到600家", 600, comparator="达到"), None, "no-actual"),
])
def test_status_follows_the_comparator(target: Value, actual: Value | None, status: str) -> None:
    assert evaluate(target, actual, HIGHER)[0] == status


def test_a_lower_is_better_indicator_without_comparator_is_a_ceiling() -> None:
    assert evaluate(value("0.5", 0.5, "吨"), value("0.4", 0.4, "吨", kind="actual"), LOWER)[0] == "met"


@pytest.fixture(scope="module")
def real():
    dataset = build_dataset(ProjectPaths(ROOT))
    return dataset, compare(dataset)


def test_haizhu_13th_targets_against_the_14th_plan_s_report(real) -> None:
    # Read from the texts: 000 §第三章 sets 高新技术企业达到600家, 研发经费投入强度达到3.3%,
    # 每万人发明专利拥有量达到25件; 001 reports 629家, 3.35（2020年度）, 32.9件.
    _, comparisons = real
    statuses = {e.target.indicator_id: (e.status, e.actual.value.text if e.actual else None)
                for e in comparisons.evaluations["haizhu-sti-13"]}
    assert statuses["high-tech-enterprises"] == ("met", "达到629家")
    assert statuses["rd-intensity"] == ("met", "3.35（2020年度）")
    assert statuses["invention-patents-per-10k"] == ("met", "达32.9件")
    # 001 reports no 2020 value for these 13th-period targets.
    for indicator in ("high-tech-product-output-share", "neeq-listed-enterprises", "equity-exchange-listed-enterprises"):
        assert statuses[indicator] == ("no-actual", None)


def test_haizhu_14th_plan_changes_ambition(real) -> None:
    # 000: 达到600家, 达到3.3%; 001 表2-1 2025年: 800, 3.2.
    dataset, _ = real
    changes = {c.indicator_id: c.change for c in ambition_changes(
        dataset, dataset.plans["haizhu-sti-13"], dataset.plans["haizhu-sti-14"])}
    assert changes["high-tech-enterprises"] == "raised"
    assert changes["rd-intensity"] == "lowered"
    assert changes["incubators"] == "new"
    assert changes["neeq-listed-enterprises"] == "dropped"


def test_sources_disagreeing_on_the_same_count_are_found(real) -> None:
    # 000: 孵化器 2015年“增至19家”; 001: “从2015年的17家”. 001: 众创空间31家; 003: 众创空间36家 (2020).
    _, comparisons = real
    found = {(d.indicator_id, d.year): sorted(v.value.number for v in d.values) for d in comparisons.disagreements}
    assert found[("incubators", 2015)] == [17, 19]
    assert found[("maker-spaces", 2020)] == [31, 36]


def test_a_larger_decrease_is_a_raised_ambition_even_for_a_lower_is_better_indicator() -> None:
    from generator.compare import PlanValue, _change

    def target(text: str, number: float) -> PlanValue:
        return PlanValue("p", "y", "能耗", value(text, number, "%", "下降", 2015))

    assert _change(target("比2015年下降12.5%", 12.5), target("比2015年下降16.3%", 16.3), LOWER) == "raised"
    assert _change(target("比2015年下降16.3%", 16.3), target("比2015年下降12.5%", 12.5), LOWER) == "lowered"


# -- which pairs get a page ----------------------------------------------------------------------

def synthetic_plan(plan_id: str, jurisdiction: str, level: str, start: int, end: int, **extra):
    from generator.models import Plan
    return Plan.model_validate({
        "id": plan_id, "title": plan_id, "short_title": plan_id, "source": "s", "level": level,
        "jurisdiction": jurisdiction, "kind": "plan", "period": {"start": start, "end": end},
        "provenance": {"anchor": "p1", "quote": "规划"}, **extra})


def test_the_real_pairs_are_those_a_reader_would_open(real) -> None:
    _, comparisons = real
    relations = comparisons.relations
    assert relations[("haizhu-sti-13", "haizhu-sti-14")] == "successor"
    assert relations[("haizhu-sti-13", "haizhu-digital-economy-14")] == "next-period"  # 2016—2020, 2021—2025
    assert relations[("haizhu-digital-economy-14", "haizhu-sti-14")] == "sibling"
    assert relations[("gz-iab-action-plan", "haizhu-sti-14")] == "district"  # 2018—2022 overlaps 2021—2025
    # a city plan of 2016—2020 and a district plan of 2021—2025: composed in the browser, no page
    assert ("gz-innovation-driven", "haizhu-sti-14") not in relations
    assert len(comparisons.pairs) < 7 * 6 // 2


def test_pre_built_pairs_grow_about_linearly_with_the_plans() -> None:
    from generator.compare import prebuilt_pairs

    def project(cities: int) -> list:
        # per city: 2 city plans and 3 districts with 3 plans each, over two periods
        plans = []
        for c in range(cities):
            city = f"city{c}"
            plans += [synthetic_plan(f"c{c}-a", city, "city", 2016, 2020), synthetic_plan(f"c{c}-b", city, "city", 2021, 2025)]
            for d in range(3):
                district = f"{city}-d{d}"
                plans += [synthetic_plan(f"c{c}-d{d}-13", district, "district", 2016, 2020, within=city),
                          synthetic_plan(f"c{c}-d{d}-14", district, "district", 2021, 2025, within=city),
                          synthetic_plan(f"c{c}-d{d}-de", district, "district", 2021, 2025, within=city)]
        return plans

    counts = {cities: len(prebuilt_pairs(project(cities))) for cities in (1, 10, 50)}
    per_plan = {cities: count / (11 * cities) for cities, count in counts.items()}
    assert per_plan[1] == per_plan[10] == per_plan[50]  # 11 plans per city: pages grow with cities, not cities²
    assert counts[1] < 11 * 10 // 2
    # a district plan is paired with its own city's plans only
    pairs = prebuilt_pairs(project(2))
    assert not any(a.startswith("c0") and b.startswith("c1") or a.startswith("c1") and b.startswith("c0") for a, b in pairs)
