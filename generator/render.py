"""Stage 5, render: Jinja templates -> Markdown pages under content/.

One template per kind of page (site_templates/<kind>.md.j2). Iteration is
sorted and nothing time-dependent is rendered, so the same data gives
byte-identical pages. Every string from the data passes through the `md`,
`cell`, `attr` or `front_matter` filter (see markdown_text.py); the templates
are checked for it before anything is rendered (template_check.py).
"""

from __future__ import annotations

import functools
import json
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from generator import labels
from generator.alignments import (
    district_of,
    district_places_named,
    goal_rows,
    layout_rows,
    lineage,
    pair_indicator_rows,
    sector_rows,
    theme_rows,
    untagged,
)
from generator.compare import Comparisons, comparable_plans, compare
from generator.themes import items_with_theme
from generator.link import Backlink, Dataset, Source
from generator.links import (
    COMPOSE_PAGE,
    SIDES_DIRECTORY,
    PageLinks,
    comparison_page,
    entity_page,
    index_page,
    plan_page,
    published_url_between,
    side_page,
    source_page,
)
from generator.sides import plan_side
from generator.markdown_text import escape_attribute, escape_cell, escape_front_matter, escape_markdown
from generator.models import Plan
from generator.models.common import format_number, number_apart
from generator.measure_tree import flatten_measures
from generator.opendata import indicator_chart_csv, open_data_files, raw_source_file
from generator.worker_processes import running_in_workers
from generator.pipeline import ProjectPaths, build_dataset
from generator.collation import pinyin_key
from generator.coverage import SourceCoverage, source_coverage
from generator.charts import ChartPoint, ChartSeries, ProgressRow, indicator_chart, progress_chart
from generator.verdicts import TargetVerdict, names_lead_units, plan_summary, related_comparisons, row_disagreements, target_verdict
from generator.search_page import NOTICE_WEIGHT, SearchMeta, name_weight, source_number_weight, plan_period, searchable_page
from generator.template_check import assert_templates_escape_data
from generator.write import WriteReport, write_generated_files

REGISTRY_ORDER = ("indicators", "sectors", "places", "organisations", "themes")
# A plan's zone or sector table longer than this is folded (a <details> the reader opens): the
# 72 blocks of 7号's annex take some 25 phone screens, and a list of names says what they are first.
LONG_TABLE_ROWS = 20
# Past this many plans an entry's page gives one row per plan (how many of its items refer to the
# entry, and how), not each item with its quote: a city bureau that hundreds of plans name would
# get a page of megabytes (2.5 MB at 700 plans in benchmarks/scale.py). The items stay on each plan's page.
MENTIONS_IN_FULL_UP_TO = 12


def quantity_number_apart(quantity: Any) -> str:
    """A quantity's number when its text writes it only in words (一区五园 → 5园)."""
    return number_apart(quantity.number, quantity.unit, quantity.text)


def make_environment(templates: Path) -> Environment:
    environment = Environment(
        loader=FileSystemLoader(str(templates)),
        undefined=StrictUndefined,
        autoescape=False,  # Markdown, not HTML: escaping is explicit, by filter
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters["md"] = escape_markdown
    environment.filters["cell"] = escape_cell
    environment.filters["attr"] = escape_attribute
    environment.filters["number"] = format_number
    environment.filters["number_apart"] = quantity_number_apart
    environment.filters["front_matter"] = escape_front_matter
    environment.filters["search_weight"] = name_weight
    environment.globals["labels"] = labels
    return environment



@dataclass
class PageRenderer:
    dataset: Dataset
    comparisons: Comparisons
    environment: Environment

    def render(self, template: str, page: str, search: SearchMeta, **context: Any) -> str:
        text = self.environment.get_template(template).render(
            page=page, links=PageLinks(page), data=self.dataset, comparisons=self.comparisons, **context)
        return searchable_page(text.rstrip("\n") + "\n", search)

    def plans_mentioning(self, registry: str, entry_id: str) -> tuple[Plan, ...]:
        """The plans an entry's page is about, for the search filters: those whose items name it."""
        plan_ids = {link.plan_id for link in self.dataset.backlinks.get((registry, entry_id), [])}
        return tuple(plan for plan in comparable_plans(self.dataset) if plan.id in plan_ids)

    # -- pages ---------------------------------------------------------------
    def home_page(self) -> str:
        groups: dict[str, list[Plan]] = defaultdict(list)
        for plan in self.dataset.plans.values():
            groups[plan.level].append(plan)
        ordered = [(level, sorted(groups[level], key=lambda p: (p.start_year, p.id))) for level in ("city", "district") if groups[level]]
        return self.render("home.md.j2", "index.md", SearchMeta("page", "首页"), plan_groups=ordered,
                           verdicts=self.sequence_verdicts)

    @functools.cached_property
    def sequence_verdicts(self) -> list[tuple[Plan, Plan, TargetVerdict]]:
        """Every earlier plan whose targets a later plan of its area reports on, with the verdict
        (computed once: the home page and every plan page ask)."""
        found = []
        for first_id, second_id in self.comparisons.pairs:
            first, second = self.dataset.plans[first_id], self.dataset.plans[second_id]
            if first.jurisdiction == second.jurisdiction and second.start_year > first.start_year:
                verdict = target_verdict(pair_indicator_rows(self.dataset, self.comparisons, first, second))
                if verdict:
                    found.append((first, second, verdict))
        return found

    def plan_page(self, plan: Plan) -> str:
        return self.render("plan.md.j2", plan_page(plan.id), SearchMeta("plan", plan.short_title, (plan,), plan_period(plan)),
                           plan=plan,
                           source=self.dataset.sources[plan.source],
                           measures=list(flatten_measures(plan.measures)),
                           safeguards=list(flatten_measures(plan.safeguards)),
                           item_themes={item.item.id: item.tags for item in self.comparisons.themes[plan.id]},
                           related=related_comparisons(self.dataset, self.comparisons, plan),
                           summary=plan_summary(plan),
                           long_table_rows=LONG_TABLE_ROWS,
                           verdict_pages={(first.id, second.id) for first, second, _ in self.sequence_verdicts})

    def source_page(self, source: Source) -> str:
        plans = [plan for plan in self.dataset.plans.values() if plan.source == source.entry.id]
        meta = SearchMeta("source", source.entry.title, tuple(plans),
                          **({"weight": NOTICE_WEIGHT} if source.entry.kind == "notice" else {}))
        return self.render("source.md.j2", source_page(source.entry.id), meta, source=source,
                           coverage=self.coverage.get(source.entry.id),
                           number_weight=source_number_weight(source.entry.kind),
                           parent=self.dataset.sources.get(source.entry.part_of or ""),
                           children=self.dataset.children_of_source(source.entry.id), plans=plans,
                           raw_file=raw_source_file(source.entry.file))

    def source_index(self) -> str:
        top = [source for source in self.dataset.sources.values() if not source.entry.part_of]
        return self.render("source_index.md.j2", index_page("sources"), SearchMeta("page", "来源文件"), sources=top,
                           coverage=self.coverage)

    @functools.cached_property
    def coverage(self) -> dict[str, SourceCoverage]:
        return source_coverage(self.dataset)

    def entity_page(self, registry: str, entry: Any) -> str:
        """A registry entry's page: its history across plans, in the order of their periods."""
        plans = comparable_plans(self.dataset)
        position = {plan.id: index for index, plan in enumerate(plans)}
        by_plan: dict[str, list[Backlink]] = defaultdict(list)
        for link in sorted(self.dataset.backlinks.get((registry, entry.id), []), key=lambda link: link.item_path):
            by_plan[link.plan_id].append(link)
        mentions = sorted(by_plan.items(), key=lambda pair: position[pair[0]])
        context: dict[str, Any] = {"entry": entry, "registry": registry, "mentions": mentions,
                                   "mentions_in_full": len(mentions) <= MENTIONS_IN_FULL_UP_TO,
                                   "mention_roles": {plan_id: mention_roles(links) for plan_id, links in mentions}}
        if registry == "indicators":
            context["rows"] = indicator_rows(self.dataset, entry.id)
            context["charts"], context["left_out"] = indicator_chart_svgs(
                self.dataset, self.comparisons, entry.id, entity_page(registry, entry.id))
            context["chart_csv"] = indicator_chart_csv(entry.id)
            context["evaluations"] = [evaluation for plan in plans for evaluation in self.comparisons.evaluations.get(plan.id, [])
                                      if evaluation.target.indicator_id == entry.id]
            context["disagreements"] = [d for d in self.comparisons.disagreements if d.indicator_id == entry.id]
        if registry == "sectors":
            context["labels_by_plan"] = [(plan, item) for plan in plans for item in plan.sectors if item.sector == entry.id]
        if registry == "themes":
            context["items_by_plan"] = [(plan, items) for plan in plans
                                        if (items := items_with_theme(self.comparisons.themes[plan.id], entry.id))]
        if registry in ("places", "organisations"):
            context["text_mentions"] = self.dataset.text_mentions(entry)
        if registry == "places":
            context["children"] = [place for place in self.dataset.places.values() if place.parent == entry.id]
            context["predecessors"] = [place for place in self.dataset.places.values() if place.successor == entry.id]
            # The whole lineage (predecessors and successors), so the names over time are on one page.
            history = lineage(self.dataset.places, entry.id)
            context["zones_by_plan"] = [(plan, layout, zone) for plan in plans for layout in plan.layouts
                                        for zone in layout.zones if zone.place in history]
        if registry == "organisations":
            context["roles_by_plan"] = [(self.dataset.plans[plan_id], Counter(link.field for link in links))
                                        for plan_id, links in context["mentions"]]
            context["without_leads"] = {plan_id for plan_id, _ in context["mentions"]
                                        if not names_lead_units(self.dataset.plans[plan_id])}
        meta = SearchMeta(registry, entry.name, self.plans_mentioning(registry, entry.id))
        return self.render(f"{registry[:-1]}.md.j2", entity_page(registry, entry.id), meta, **context)

    def registry_index(self, registry: str) -> str:
        entries = sorted(self.dataset.registry(registry).values(), key=lambda entry: pinyin_key(entry.name))
        if registry == "indicators":
            counts = {entry.id: len({row["plan"].id for row in indicator_rows(self.dataset, entry.id)}) for entry in entries}
        elif registry == "themes":
            counts = {entry.id: sum(1 for items in self.comparisons.themes.values() if items_with_theme(items, entry.id))
                      for entry in entries}
        else:
            counts = {entry.id: len({link.plan_id for link in self.dataset.backlinks.get((registry, entry.id), [])})
                      for entry in entries}
        return self.render("registry_index.md.j2", index_page(registry), SearchMeta("page", labels.REGISTRIES[registry]),
                           registry=registry,
                           entries=entries, counts=counts)

    def pair_page_urls(self, page: str) -> str:
        """The picker's map from "a--b" to each pre-built pair page, relative to ``page``, as JSON."""
        return json.dumps({f"{a}--{b}": published_url_between(page, comparison_page(a, b))
                           for a, b in self.comparisons.pairs}, sort_keys=True)

    def render_unindexed(self, template: str, page: str, **context: Any) -> str:
        """A page the search does not index (no search wrapper): the composer and the side pages."""
        text = self.environment.get_template(template).render(
            page=page, links=PageLinks(page), data=self.dataset, comparisons=self.comparisons, **context)
        return text.rstrip("\n") + "\n"

    def comparison_index(self) -> str:
        page = index_page("comparisons")
        return self.render("comparison_index.md.j2", page, SearchMeta("page", "规划对照"),
                           plans=comparable_plans(self.dataset), pages_json=self.pair_page_urls(page))

    def data_notes_page(self) -> str:
        return self.render("data_notes.md.j2", "comparisons/data-notes.md", SearchMeta("page", "数据分歧"),
                           plans=comparable_plans(self.dataset))

    def compose_page(self) -> str:
        """The page that composes, in the browser, a pair without a pre-built page (generator/sides.py)."""
        pages = self.pair_page_urls(COMPOSE_PAGE)
        config = {
            "sides": published_url_between(COMPOSE_PAGE, index_page(SIDES_DIRECTORY)),
            "pages": json.loads(pages),
            "labels": {"layout_changes": labels.LAYOUT_CHANGES, "layout_alignments": labels.LAYOUT_ALIGNMENTS,
                       "sector_changes": labels.SECTOR_CHANGES, "sector_alignments": labels.SECTOR_ALIGNMENTS},
            "text": labels.COMPOSER_TEXT,
        }
        return self.render_unindexed(
            "comparison_compose.md.j2", COMPOSE_PAGE, plans=comparable_plans(self.dataset), pages_json=pages,
            config=config, composed_limits=labels.COMPOSED_LIMITS, same_area_intro=labels.COMPOSED_SAME_AREA)

    def side_page(self, plan: Plan) -> str:
        """What one plan brings to any comparison, as cells for the composer."""
        # The pre-built pages that judge this plan's targets: a composed pair of its area names them.
        judged_in = [(first, second) for first, second, _ in self.sequence_verdicts if first.id == plan.id]
        return self.render_unindexed("comparison_side.md.j2", side_page(plan.id),
                                     side=plan_side(self.dataset, self.comparisons, plan), judged_in=judged_in)

    def comparison_page(self, page: str, first: Plan, second: Plan) -> str:
        levels = district_of(first, second)
        indicator_rows = pair_indicator_rows(self.dataset, self.comparisons, first, second)
        in_sequence = first.jurisdiction == second.jurisdiction and second.start_year > first.start_year
        verdict = target_verdict(indicator_rows) if in_sequence else None
        meta = SearchMeta("comparison", f"{first.short_title} 与 {second.short_title}", (first, second))
        return self.render(
            "comparison.md.j2", page, meta, first=first, second=second, same_area=first.jurisdiction == second.jurisdiction,
            in_sequence=in_sequence,
            rows=indicator_rows,
            verdict=verdict,
            chart=verdict_chart(self.dataset, verdict, first, second) if verdict else "",
            row_disagreements={row.indicator_id: row_disagreements(self.comparisons, first.jurisdiction, row)
                               for row in indicator_rows},
            layout_rows=layout_rows(self.dataset, first, second),
            sector_rows=sector_rows(self.dataset, first, second),
            theme_rows=theme_rows(self.dataset, self.comparisons.themes, first, second),
            untagged={plan.id: untagged(self.comparisons.themes, plan) for plan in (first, second)},
            goal_rows=goal_rows(first, second),
            levels=levels,
            places_named=district_places_named(self.dataset, *levels) if levels else [],
            shared_rows=[row for row in indicator_rows if row.shared])

    def page_makers(self) -> dict[str, Callable[[], str]]:
        """Every page, each made on its own when asked for: the build makes them all, the preview one per request."""
        dataset, comparisons = self.dataset, self.comparisons
        makers: dict[str, Callable[[], str]] = {"index.md": self.home_page, index_page("sources"): self.source_index}
        makers[index_page("comparisons")] = self.comparison_index
        makers["comparisons/data-notes.md"] = self.data_notes_page
        makers[COMPOSE_PAGE] = self.compose_page
        for plan in dataset.plans.values():
            makers[side_page(plan.id)] = functools.partial(self.side_page, plan)
        for first, second in comparisons.pairs:
            page = comparison_page(first, second)
            makers[page] = functools.partial(self.comparison_page, page, dataset.plans[first], dataset.plans[second])
        for plan in dataset.plans.values():
            makers[plan_page(plan.id)] = functools.partial(self.plan_page, plan)
        for source in dataset.sources.values():
            makers[source_page(source.entry.id)] = functools.partial(self.source_page, source)
        for registry in REGISTRY_ORDER:
            makers[index_page(registry)] = functools.partial(self.registry_index, registry)
            for entry in dataset.registry(registry).values():
                makers[entity_page(registry, entry.id)] = functools.partial(self.entity_page, registry, entry)
        return makers

    def all_pages(self) -> dict[str, str]:
        return {page: make() for page, make in self.page_makers().items()}


def verdict_chart(dataset: Dataset, verdict: TargetVerdict, first: Plan, second: Plan) -> str:
    """Bars of actual over target for a verdict's targets; a row without a comparable actual says why."""
    rows = []
    # Only targets compared with an actual: the others have no bar to draw and are listed in the tables.
    for verdict_row in [row for row in verdict.rows if row.status in ("met", "not-met")]:
        evaluation = verdict_row.row.evaluation
        actual = f"实际 {evaluation.actual.value.text} / " if evaluation.actual else ""
        rows.append(ProgressRow(
            label=dataset.indicators[verdict_row.row.indicator_id].name,
            href=f"#ind-{verdict_row.row.indicator_id}",
            ratio=verdict_row.ratio,
            value_text=f"{actual}目标 {evaluation.target.value.text}",
            status=verdict_row.status))
    if not rows:
        return ""
    return progress_chart(f"{first.short_title}的目标完成情况（{second.short_title}报告的实际值 ÷ 目标值）", rows)


def indicator_chart_svgs(dataset: Dataset, comparisons: Comparisons, indicator_id: str, page: str) -> tuple[list[str], int]:
    """The indicator's values across years, one chart per area (a city's numbers would flatten a
    district's), one series per plan; and how many values no chart can draw (no number, another unit)."""
    indicator = dataset.indicators[indicator_id]
    links = PageLinks(page)
    disputed = {(d.jurisdiction, d.year) for d in comparisons.disagreements if d.indicator_id == indicator_id}
    points: dict[str, list[ChartPoint]] = defaultdict(list)  # by plan id
    left_out = 0
    for row in indicator_rows(dataset, indicator_id):
        plan, value = row["plan"], row["value"]
        if value.number is None or value.unit != indicator.unit:
            left_out += 1
            continue
        notes = [labels.INFERRED[what] for what in value.inferred]
        if (plan.jurisdiction, value.year) in disputed and value.kind != "target":
            notes.append("文件之间数字不一致")
        points[plan.id].append(ChartPoint(value.year, value.number, value.kind, value.text,
                                          links.published_source(value.provenance), "；".join(notes)))
    by_area: dict[str, list[ChartSeries]] = {}
    for plan in comparable_plans(dataset):
        if points.get(plan.id):
            by_area.setdefault(plan.jurisdiction, []).append(ChartSeries(plan.short_title, tuple(points[plan.id])))
    charts = [indicator_chart(f"{indicator.name}：{area}（{indicator.unit}）", indicator.unit or "", series)
              for area, series in by_area.items()]
    return [chart for chart in charts if chart], left_out


def indicator_rows(dataset: Dataset, indicator_id: str) -> list[dict[str, Any]]:
    """Every value of an indicator across plans, by year then plan."""
    rows = []
    for plan in dataset.plans.values():
        for item in plan.indicators:
            if item.indicator == indicator_id:
                rows += [{"plan": plan, "label": item.label, "value": value} for value in item.values]
    return sorted(rows, key=lambda row: (row["value"].year, row["plan"].start_year, row["plan"].id, row["value"].kind))


def mention_roles(links: list[Backlink]) -> list[tuple[str, int]]:
    """How one plan's items refer to an entry, as (relation, number of items), in the order of REFERENCE_ROLES."""
    counts: Counter[str] = Counter(labels.REFERENCE_ROLES.get(link.field, link.field) for link in links)
    order = list(dict.fromkeys(labels.REFERENCE_ROLES.values()))
    return sorted(counts.items(), key=lambda pair: (order.index(pair[0]) if pair[0] in order else len(order), pair[0]))


def render_pages(dataset: Dataset, comparisons: Comparisons, templates: Path) -> dict[str, str | bytes]:
    environment = make_environment(templates)
    assert_templates_escape_data(environment, templates)
    renderer = PageRenderer(dataset, comparisons, environment)
    with running_in_workers(renderer.page_makers()) as pending:
        data_files = open_data_files(dataset, comparisons)  # here, while the pages are made elsewhere
        files: dict[str, str | bytes] = dict(pending.results())
    files.update(data_files)
    return files


def generate_site_content(paths: ProjectPaths) -> WriteReport:
    """Validate, link and render; write into content/ only when all of it succeeded."""
    dataset = build_dataset(paths)
    files = render_pages(dataset, compare(dataset), paths.templates)
    return write_generated_files(paths.content, files)
