"""Every item of a city document that names a lead unit (…牵头 / 牵头单位：…) has exactly those lead units.

The clause is read from the source by this test: each measure, key project or
safeguard owns the text from its quote to the next item's quote, and the
牵头 clauses in that stretch name its lead units.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from generator.source_text import normalise_whitespace, parse_source_file

DATA = Path(__file__).resolve().parents[2] / "data"
SOURCES = {entry["id"]: entry for entry in yaml.safe_load((DATA / "sources.yaml").read_text(encoding="utf-8"))["sources"]}
CLAUSE = re.compile(r"[（(]([^（）()]*?牵头[^（）()]*)[）)]")
ITEM_LISTS = ("measures", "key_projects", "safeguards")


def city_plans() -> list[dict]:
    plans = [yaml.safe_load(path.read_text(encoding="utf-8")) for path in sorted((DATA / "plans").glob("*.yaml"))]
    return [plan for plan in plans if plan["level"] == "city"]


def organisation_ids() -> dict[str, str]:
    entries = yaml.safe_load((DATA / "registries" / "organisations.yaml").read_text(encoding="utf-8"))["organisations"]
    return {name: entry["id"] for entry in entries
            for name in [entry["name"], *(alias["name"] for alias in entry.get("aliases", []))]}


def source_text(source_id: str) -> tuple[str, dict[str, int]]:
    """The document's paragraphs, whitespace removed, one string; and where each paragraph starts."""
    entry = SOURCES[source_id]
    text = parse_source_file(DATA / "sources" / entry["file"], [(r["start"], r["end"]) for r in entry.get("lines", [])])
    joined, starts = "", {}
    for block in text.blocks:
        starts[block.anchor] = len(joined)
        joined += normalise_whitespace(block.text) + "\n"
    return joined, starts


def items_with_positions(plan: dict, starts: dict[str, int], joined: str):
    def walk(items: list[dict], depth: int):
        for item in items:
            anchor, quote = item["provenance"]["anchor"], normalise_whitespace(item["provenance"]["quote"])
            position = joined.index(quote, starts[anchor])
            yield position, depth, item
            yield from walk(item.get("children", []), depth + 1)

    for name in ITEM_LISTS:
        yield from walk(plan.get(name, []), 0)


def lead_names(clause: str) -> list[str]:
    written = re.search(r"牵头单位[:：](.*?)(?:[；;，,]配合单位|$)", clause)
    lead = written.group(1) if written else clause[: clause.rindex("牵头")]
    return [re.sub(r"等$", "", name) for name in re.split(r"[、，,]", lead) if name]


def resolve(name: str, ids: dict[str, str]) -> str | None:
    return ids.get(name) or ids.get(f"市{name}")


@pytest.mark.parametrize("plan", city_plans(), ids=lambda plan: plan["id"])
def test_every_item_naming_a_lead_unit_has_it(plan: dict) -> None:
    joined, starts = source_text(plan["source"])
    ids = organisation_ids()
    items = sorted(items_with_positions(plan, starts, joined), key=lambda found: (found[0], found[1]))
    problems = []
    for index, (position, _, item) in enumerate(items):
        end = items[index + 1][0] if index + 1 < len(items) else len(joined)
        names = [name for clause in CLAUSE.findall(joined[position:end]) for name in lead_names(clause)]
        expected = [resolve(name, ids) or f"?{name}" for name in dict.fromkeys(names)]
        if sorted(expected) != sorted(item.get("lead_units", [])):
            problems.append(f"{item['id']}: text names {names}, captured {item.get('lead_units', [])}")
    assert not problems, "\n".join(problems)


def test_the_clause_reader_handles_both_forms() -> None:
    assert lead_names("市工业和信息化委牵头,市商务委、发展改革委配合") == ["市工业和信息化委"]
    assert lead_names("牵头单位：市科技创新委、外办；配合单位：市商务委、工业和信息化委等，各区政府") == ["市科技创新委", "外办"]
    assert lead_names("牵头单位：市交委、环保局、公安局、城管委等；配合单位：市工业和信息化委") == ["市交委", "环保局", "公安局", "城管委"]
    assert lead_names("牵头单位：各区政府，配合单位：市发展改革委") == ["各区政府"]
