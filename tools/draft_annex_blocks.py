"""Draft the YAML of the 72 industrial blocks of 穗府〔2018〕7号's annex (one-off capture aid).

Prints registry places and the plan's layout zones rebuilt by
generator.table_repair from the extracted table; the output was reviewed and
edited by hand before it went into data/. tests/data/test_city_annex_tables.py
keeps the captured rows and the source table in agreement.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from generator.source_text import parse_source_file  # noqa: E402
from generator.table_repair import GUANGZHOU_DISTRICTS, repair_merged_column, split_enumeration  # noqa: E402

KNOWN_IDS = {
    2: "yunpu-industrial-zone", 6: "guangzhou-international-bio-island", 7: "sino-singapore-knowledge-city",
    20: "zengcheng-etdz", 27: "guangzhou-environmental-equipment-park", 30: "panyu-energy-saving-tech-park",
    35: "nanche-rail-transit-maintenance-base", 49: "huadu-airport-economy-industrial-park",
    50: "guangzhou-hexie-locomotive-base", 52: "guangzhou-private-sci-tech-park", 58: "shenshan-equipment-park",
    60: "huangjinwei-ngit-park", 62: "conghua-mingzhu-industrial-park", 64: "tianhe-smart-city-core",
    66: "baietan-industrial-finance-zone", 68: "datansha-health-island", 69: "lingnan-v-valley",
    70: "pearl-river-piano-culture-park", 71: "pazhou-internet-innovation-zone", 72: "yuexiu-internet-plus-town",
}


def main() -> None:
    source = parse_source_file(ROOT / "data/sources/004_8906c921907f31ea.txt", [(28, 475)])
    table = source.by_anchor()["p151"]
    originals = {row[0]: row for row in table.rows if row and row[0].isdigit()}
    rows = repair_merged_column(table.rows, GUANGZHOU_DISTRICTS, 2)
    places, zones = [], []
    for row in rows:
        quote = " ".join(cell for cell in originals[str(row.number)] if cell)
        place = KNOWN_IDS.get(row.number, f"gz-block-{row.number:02d}")
        if place != "pazhou-internet-innovation-zone":  # already in the registry from the district plans
            places.append(
                f"  - id: {place}\n    name: {row.name}\n    kind: block\n    district: {row.merged}\n"
                f"    evidence:\n      - source: gz-made-in-china-2025\n        anchor: p151\n        quote: \"{quote}\"\n"
            )
        leading, directions = row.after
        zone = [f"      - id: block-{row.number:02d}", f"        name: {row.name}", f"        place: {place}",
                f"        location: {row.merged}"]
        if leading:
            zone.append("        leading_industries: " + json.dumps(leading, ensure_ascii=False))
        if directions:
            zone.append("        focus: " + json.dumps(split_enumeration(directions), ensure_ascii=False))
        zone += ["        provenance:", "          anchor: p151", f"          quote: \"{quote}\""]
        repairs = [repair for repair in row.repairs if "carried" not in repair]
        if repairs:
            zone.append(f"        # repaired: {'; '.join(repairs)}")
        zones.append("\n".join(zone))
    Path("/tmp/annex_places.yaml").write_text("".join(places), encoding="utf-8")
    Path("/tmp/annex_zones.yaml").write_text("\n".join(zones) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
