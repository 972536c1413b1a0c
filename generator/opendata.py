"""Open data files published with the site under site/data/ (written to content/data/).

The column lists are part of the site's public interface; content/open-data.md
documents them. CSV files start with a UTF-8 byte-order mark and end lines with
CRLF, because Excel and WPS on Chinese Windows read a CSV without a BOM as GBK
(广州 shows as 骞垮窞); the same tables are also published as one workbook
(data/plan-compare.xlsx, generator/workbook.py). Source URLs are absolute when
the site's address is known (PLAN_COMPARE_SITE_URL, set by the deploy workflow),
so they can be clicked from a spreadsheet.
"""

from __future__ import annotations

import csv
import io
import json
import os
from typing import Any, Iterable

from generator.compare import Comparisons
from generator.link import Dataset
from generator.models.common import format_number, number_apart
from generator.links import site_url, source_page
from generator.measure_tree import flatten_measures
from generator.models import Provenance
from generator.workbook import WORKBOOK, workbook_bytes

INDICATOR_COLUMNS = ("plan_id", "plan_title", "indicator_id", "indicator_name", "label", "unit",
                     "kind", "year", "comparator", "value", "value_text", "inferred", "note", "source_url",
                     "category", "lead_units")
EVALUATION_COLUMNS = ("plan_id", "indicator_id", "indicator_name", "target_year", "target_value_text", "target_value",
                      "actual_year", "actual_value", "actual_plan_id", "status", "source_urls")
MEASURE_COLUMNS = ("plan_id", "plan_title", "kind", "section", "number", "title", "lead_units", "support_units",
                   "funds", "deadlines", "other_quantities", "text", "source_url", "themes")
ITEM_KINDS = {"measure": "重点任务", "safeguard": "保障措施", "key-project": "重点项目"}
# Quantities by the column they go to: amounts of money; time limits and periods; the rest.
FUND_KINDS = {"funds"}
TIME_KINDS = {"deadline", "duration"}
CSV_BOM = "\ufeff"
LIST_SEPARATOR = "；"


def site_address() -> str:
    """The address the site is published at, ending in /, or '' when unknown (a local build)."""
    address = os.environ.get("PLAN_COMPARE_SITE_URL", "").strip()
    return address.rstrip("/") + "/" if address else ""


def provenance_url(provenance: Provenance) -> str:
    return site_address() + site_url(source_page(provenance.source or ""), provenance.anchor)


def _csv(columns: Iterable[str], rows: Iterable[dict[str, Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(columns), lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return CSV_BOM + buffer.getvalue()



def indicator_csv(dataset: Dataset, indicator_id: str | None = None) -> str:
    """Every value of every plan's indicators; of one indicator only, for its page's chart."""
    return _csv(INDICATOR_COLUMNS, indicator_rows(dataset, indicator_id))


def indicator_rows(dataset: Dataset, indicator_id: str | None = None) -> list[dict[str, Any]]:
    rows = []
    for plan in dataset.plans.values():
        for item in plan.indicators:
            if indicator_id is not None and item.indicator != indicator_id:
                continue
            indicator = dataset.indicators[item.indicator]
            for value in item.values:
                rows.append({
                    "plan_id": plan.id, "plan_title": plan.title, "indicator_id": indicator.id,
                    "indicator_name": indicator.name, "label": item.label, "unit": value.unit,
                    "kind": value.kind, "year": value.year, "comparator": value.comparator or "",
                    "value": format_number(value.number), "value_text": value.text,
                    "inferred": LIST_SEPARATOR.join(value.inferred), "note": value.note or "",
                    "source_url": provenance_url(value.provenance),
                    "category": item.category or "", "lead_units": _unit_names(dataset, item.lead_units),
                })
    return rows


def _unit_names(dataset: Dataset, ids: list[str]) -> str:
    return LIST_SEPARATOR.join(dataset.organisations[unit].name for unit in ids)


def measure_csv(dataset: Dataset, comparisons: Comparisons) -> str:
    return _csv(MEASURE_COLUMNS, measure_rows(dataset, comparisons))


def measure_rows(dataset: Dataset, comparisons: Comparisons) -> list[dict[str, Any]]:
    """Every measure, safeguard and key project of every plan, in document order, with its amounts and time limits."""
    rows = []
    for plan in dataset.plans.values():
        themes = {tagged.item.id: tagged.tags for tagged in comparisons.themes.get(plan.id, [])}
        items = [("measure", section, measure) for _, measure, section in flatten_measures(plan.measures)]
        items += [("safeguard", section, measure) for _, measure, section in flatten_measures(plan.safeguards)]
        items += [("key-project", "", project) for project in plan.key_projects]
        for kind, section, item in items:
            quantities = item.quantities
            rows.append({
                "plan_id": plan.id, "plan_title": plan.title, "kind": ITEM_KINDS[kind],
                "section": section, "number": item.number or "", "title": item.title,
                "lead_units": _unit_names(dataset, item.lead_units),
                "support_units": _unit_names(dataset, item.support_units),
                "funds": _quantity_texts(quantities, lambda k: k in FUND_KINDS),
                "deadlines": _quantity_texts(quantities, lambda k: k in TIME_KINDS),
                "other_quantities": _quantity_texts(quantities, lambda k: k not in FUND_KINDS | TIME_KINDS),
                "text": item.text or "", "source_url": provenance_url(item.provenance),
                "themes": LIST_SEPARATOR.join(dataset.themes[tag.theme_id].name for tag in themes.get(item.id, ())),
            })
    return rows


def _quantity_texts(quantities: list[Any], wanted: Any) -> str:
    return LIST_SEPARATOR.join(quantity_as_written(quantity) for quantity in quantities if wanted(quantity.kind))


def quantity_as_written(quantity: Any) -> str:
    """The text as the source writes it, then, in brackets, the number it stands for when the text
    writes it only in words (一区五园（计5园）) and the editor's note on how it is read."""
    extras = []
    if apart := number_apart(quantity.number, quantity.unit, quantity.text):
        extras.append("计" + apart)
    if quantity.note:
        extras.append(quantity.note)
    return quantity.text + (f"（{'；'.join(extras)}）" if extras else "")


def plans_json(dataset: Dataset) -> str:
    document = {
        "plans": [plan.model_dump(mode="json") for plan in dataset.plans.values()],
        "sources": [source.entry.model_dump(mode="json") for source in dataset.sources.values()],
        "indicators": [entry.model_dump(mode="json") for entry in dataset.indicators.values()],
        "sectors": [entry.model_dump(mode="json") for entry in dataset.sectors.values()],
        "places": [entry.model_dump(mode="json") for entry in dataset.places.values()],
        "organisations": [entry.model_dump(mode="json") for entry in dataset.organisations.values()],
        "themes": [entry.model_dump(mode="json") for entry in dataset.themes.values()],
    }
    return json.dumps(document, ensure_ascii=False, indent=1, sort_keys=False) + "\n"


def evaluation_csv(dataset: Dataset, comparisons: Comparisons) -> str:
    return _csv(EVALUATION_COLUMNS, evaluation_rows(dataset, comparisons))


def evaluation_rows(dataset: Dataset, comparisons: Comparisons) -> list[dict[str, Any]]:
    """One row per target of every plan that a successor or a later plan reports on."""
    rows = []
    for plan_id, evaluations in comparisons.evaluations.items():
        for evaluation in evaluations:
            target, actual = evaluation.target, evaluation.actual
            urls = [provenance_url(target.value.provenance)] + ([provenance_url(actual.value.provenance)] if actual else [])
            rows.append({
                "plan_id": plan_id, "indicator_id": target.indicator_id,
                "indicator_name": dataset.indicators[target.indicator_id].name,
                "target_year": target.value.year, "target_value_text": target.value.text,
                "target_value": format_number(target.value.number),
                "actual_year": actual.value.year if actual else "", "actual_value": format_number(actual.value.number) if actual else "",
                "actual_plan_id": actual.plan_id if actual else "", "status": evaluation.status,
                "source_urls": " ".join(urls),
            })
    return rows


def open_data_files(dataset: Dataset, comparisons: Comparisons) -> dict[str, str | bytes]:
    return {
        "data/plans.json": plans_json(dataset),
        "data/indicators.csv": indicator_csv(dataset),
        "data/measures.csv": measure_csv(dataset, comparisons),
        "data/evaluations.csv": evaluation_csv(dataset, comparisons),
        WORKBOOK: workbook_bytes(indicator_rows(dataset), measure_rows(dataset, comparisons),
                                 evaluation_rows(dataset, comparisons)),
        **{indicator_chart_csv(indicator_id): indicator_csv(dataset, indicator_id)
           for indicator_id in sorted({item.indicator for plan in dataset.plans.values() for item in plan.indicators})},
        **{raw_source_file(source.entry.file): source.path.read_bytes() for source in dataset.sources.values()},
    }


def raw_source_file(file: str) -> str:
    """Where a seed text is published, byte for byte as it is kept under data/sources/."""
    return f"data/sources/{file}"


def indicator_chart_csv(indicator_id: str) -> str:
    """The numbers of an indicator page's chart, as the page links them."""
    return f"data/indicators/{indicator_id}.csv"
