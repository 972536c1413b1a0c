"""The Haizhu 14th-period plans in the open data, checked against values read from the source texts."""

from __future__ import annotations

import csv
import re

import pytest

from generator.pipeline import ProjectPaths
from generator.source_text import normalise_whitespace, parse_source_file

pytestmark = pytest.mark.slow

STI_14 = ("haizhu-sti-14", "001_6752cec950a8e64f.txt")
DIGITAL_14 = ("haizhu-digital-economy-14", "003_3cf48775843defb6.txt")


def rows_of(project: ProjectPaths, plan_id: str) -> list[dict[str, str]]:
    with (project.site / "data" / "indicators.csv").open(encoding="utf-8-sig", newline="") as handle:
        return [row for row in csv.DictReader(handle) if row["plan_id"] == plan_id]


def blocks(project: ProjectPaths, name: str):
    return parse_source_file(project.data / "sources" / name, []).blocks


def table_2_1(project: ProjectPaths) -> list[tuple[str, ...]]:
    [table] = [b for b in blocks(project, STI_14[1]) if b.kind == "table" and "2025年目标值" in b.rows[0]]
    return [row for row in table.rows[1:] if row[0].isdigit()]


def test_table_2_1_has_seven_rows(built_site: ProjectPaths) -> None:
    assert [row[0] for row in table_2_1(built_site)] == ["1", "2", "3", "4", "5", "6", "7"]


@pytest.mark.parametrize("index", range(7))
def test_every_row_of_table_2_1_is_in_the_csv(built_site: ProjectPaths, index: int) -> None:
    number, label, start_text, target_text = table_2_1(built_site)[index]
    unit = re.search(r"（([^）]+)）$", label).group(1)
    rows = rows_of(built_site, STI_14[0])
    targets = [r for r in rows if r["kind"] == "target" and r["year"] == "2025"
               and normalise_whitespace(r["value_text"]) == target_text]
    assert targets, f"row {number}: no 2025 target {target_text}"
    assert float(targets[0]["value"]) == float(target_text) and targets[0]["unit"] == unit
    start_year = "2020" if "2020年度" in start_text else "2021"
    starts = [r for r in rows if r["kind"] in ("baseline", "actual") and r["year"] == start_year
              and normalise_whitespace(r["value_text"]) == start_text
              and r["indicator_id"] == targets[0]["indicator_id"]]
    assert starts, f"row {number}: no {start_year} value {start_text} on {targets[0]['indicator_id']}"
    written = re.match(r"[\d.]+", start_text)
    assert starts[0]["value"] == (written.group(0) if written else "")


def test_every_2025_target_of_the_digital_economy_plan_is_in_the_csv(built_site: ProjectPaths) -> None:
    paragraphs = [b.text for b in blocks(built_site, DIGITAL_14[1])
                  if b.kind == "paragraph" and b.text.startswith("——") and "到2025年" in b.text]
    expected = [(float(value), unit) for text in paragraphs
                for value, unit in re.findall(r"(\d+(?:\.\d+)?)(亿元|家|个)", text.split("到2025年", 1)[1])]
    assert len(expected) == 6  # 1350亿元, 8家, 40家, 600家, 10个, 52个
    targets = [(float(r["value"]), r["unit"]) for r in rows_of(built_site, DIGITAL_14[0])
               if r["kind"] == "target" and r["year"] == "2025" and r["value"]]
    for value, unit in expected:
        assert any(v == value and u.endswith(unit) for v, u in targets), f"missing target {value}{unit}"
    online = re.search(r"政务服务事项网办率达到(\d+)%", "".join(b.text for b in blocks(built_site, DIGITAL_14[1])))
    assert any(v == float(online.group(1)) and u == "%" for v, u in targets)


def test_thirteenth_period_results_are_actuals_of_the_same_indicators(built_site: ProjectPaths) -> None:
    text = "".join(b.text for b in blocks(built_site, STI_14[1]))
    rows = rows_of(built_site, STI_14[0])
    actual_2020 = {(r["indicator_id"], r["value"]) for r in rows if r["kind"] == "actual" and r["year"] == "2020"}
    rd = re.search(r"3\.35", text)
    assert rd and ("rd-intensity", "3.35") in actual_2020


def test_every_place_name_leads_to_one_page_listing_every_plan_that_names_it(built_site: ProjectPaths) -> None:
    import yaml

    places = yaml.safe_load((built_site.data / "registries" / "places.yaml").read_text(encoding="utf-8"))["places"]
    owner: dict[str, str] = {}
    for place in places:
        for name in [place["name"], *(alias["name"] for alias in place.get("aliases", []))]:
            key = normalise_whitespace(name)
            assert owner.setdefault(key, place["id"]) == place["id"], f"{name} names two places"
    plans = [yaml.safe_load(path.read_text(encoding="utf-8")) for path in sorted((built_site.data / "plans").glob("*.yaml"))]
    sources = yaml.safe_load((built_site.data / "sources.yaml").read_text(encoding="utf-8"))["sources"]
    # A document inside a gazette issue is only its own lines of the file.
    texts = {}
    for source in sources:
        lines = (built_site.data / "sources" / source["file"]).read_text(encoding="utf-8").split("\n")
        ranges = [(r["start"], r["end"]) for r in source.get("lines", [])] or [(1, len(lines))]
        texts[source["id"]] = normalise_whitespace("".join("".join(lines[start - 1:end]) for start, end in ranges))
    for place in (p for p in places if p.get("aliases")):
        names = [normalise_whitespace(n) for n in [place["name"], *(a["name"] for a in place["aliases"])]]
        page = (built_site.site / "places" / place["id"] / "index.html").read_text(encoding="utf-8")
        for plan in plans:
            text = texts[plan["source"]]
            if any(name in text for name in names):
                assert f'sources/{plan["source"]}/' in page or f'plans/{plan["id"]}/' in page, \
                    f'{place["id"]} page does not list {plan["id"]}'
