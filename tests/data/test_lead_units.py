"""Every item of a city document that names its units (…牵头，…配合 / 牵头单位：…；配合单位：… / …负责)
has exactly those lead units and exactly those supporting units, kept apart.

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
# (…牵头，…配合) / (牵头单位：…；配合单位：…) / (…负责), the last naming one responsible unit.
# 牵头 ends the clause or its lead part: "(或企业牵头项目)" is not a clause.
CLAUSE = re.compile(r"[（(]([^（）()]*?牵头(?:单位[:：][^（）()]*|[,，;；][^（）()]*)?|[^（）()]{1,60}负责)[）)]")
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
    if written:
        lead = written.group(1)
    else:
        lead = clause[: clause.rindex("牵头")] if "牵头" in clause else clause.removesuffix("负责")
    return shared_suffixes([re.sub(r"等$", "", name) for name in re.split(r"[、，,]", lead) if name])


DISTRICT_SHORT_NAMES = ("越秀", "海珠", "荔湾", "天河", "白云", "黄埔", "番禺", "花都", "南沙", "从化", "增城")


def shared_suffixes(names: list[str]) -> list[str]:
    """Lists that write a shared ending once: 番禺、花都、南沙检验检疫局 (each district's
    bureau); A园区及B片区管理机构 (each one's 管理机构)."""
    expanded: list[str] = []
    for index, name in enumerate(names):
        if name in DISTRICT_SHORT_NAMES:
            written = next((n for n in names[index + 1 :] if n[:2] in DISTRICT_SHORT_NAMES and len(n) > 2), None)
            expanded.append(name + written[2:] if written else name)
        elif "及" in name and name.endswith("管理机构"):
            expanded += [part + "管理机构" for part in name.removesuffix("管理机构").split("及")]
        else:
            expanded.append(name)
    return expanded


def support_names(clause: str) -> list[str]:
    written = re.search(r"配合单位[:：](.*)$", clause)
    if written:
        support = written.group(1)
    elif "牵头" in clause and clause.endswith("配合"):
        support = clause[clause.rindex("牵头") + 2 : -2]
    else:
        return []
    return shared_suffixes([re.sub(r"等$", "", name) for name in re.split(r"[、，,；;]", support) if name])


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
        clauses = CLAUSE.findall(joined[position:end])
        for field, read in (("lead_units", lead_names), ("support_units", support_names)):
            names = list(dict.fromkeys(name for clause in clauses for name in read(clause)))
            expected = [resolve(name, ids) or f"?{name}" for name in names]
            if sorted(expected) != sorted(item.get(field, [])):
                problems.append(f"{item['id']} {field}: text names {names}, captured {item.get(field, [])}")
    assert not problems, "\n".join(problems)


def test_the_clause_reader_handles_both_forms() -> None:
    assert lead_names("市工业和信息化委牵头,市商务委、发展改革委配合") == ["市工业和信息化委"]
    assert lead_names("牵头单位：市科技创新委、外办；配合单位：市商务委、工业和信息化委等，各区政府") == ["市科技创新委", "外办"]
    assert lead_names("牵头单位：市交委、环保局、公安局、城管委等；配合单位：市工业和信息化委") == ["市交委", "环保局", "公安局", "城管委"]
    assert lead_names("牵头单位：各区政府，配合单位：市发展改革委") == ["各区政府"]
    assert lead_names("市知识产权局负责") == ["市知识产权局"]
    assert CLAUSE.findall("支持企业(或企业牵头项目)的比重。(市科技创新委、财政局牵头)") == ["市科技创新委、财政局牵头"]
    assert support_names("市工业和信息化委牵头,市商务委、发展改革委,各区政府配合") == ["市商务委", "发展改革委", "各区政府"]
    assert support_names("牵头单位：市科技创新委；配合单位：市发展改革委、教育局等，各区政府") == ["市发展改革委", "教育局", "各区政府"]
    assert support_names("市科技创新委牵头") == []
    assert support_names("市公安局牵头，番禺、花都、南沙检验检疫局，广州海关配合") == [
        "番禺检验检疫局", "花都检验检疫局", "南沙检验检疫局", "广州海关"]
    assert support_names("市科技创新委牵头，甲园区及乙片区管理机构配合") == ["甲园区管理机构", "乙片区管理机构"]
