"""Every quote in data/ is in the paragraph its anchor names — checked here directly on the YAML,
independently of the link stage that also enforces it."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.source_text import normalise_whitespace, parse_source_file

DATA = Path(__file__).resolve().parents[2] / "data"
SOURCES = {entry["id"]: entry for entry in yaml.safe_load((DATA / "sources.yaml").read_text(encoding="utf-8"))["sources"]}


def paragraphs(source_id: str) -> dict[str, str]:
    entry = SOURCES[source_id]
    ranges = [(r["start"], r["end"]) for r in entry.get("lines", [])]
    text = parse_source_file(DATA / "sources" / entry["file"], ranges)
    return {block.anchor: normalise_whitespace(block.text) for block in text.blocks}


def provenances(node: object, default_source: str | None):
    if isinstance(node, dict):
        if {"anchor", "quote"} <= set(node):
            yield node.get("source") or default_source, node["anchor"], node["quote"]
        for value in node.values():
            yield from provenances(value, default_source)
    elif isinstance(node, list):
        for value in node:
            yield from provenances(value, default_source)


def data_files() -> list[tuple[Path, str | None]]:
    plans = [(path, yaml.safe_load(path.read_text(encoding="utf-8"))["source"]) for path in sorted((DATA / "plans").glob("*.yaml"))]
    return plans + [(DATA / "registries" / "places.yaml", None)]


@pytest.mark.parametrize(("path", "default_source"), data_files(), ids=lambda value: getattr(value, "name", value))
def test_every_quote_is_in_its_paragraph(path: Path, default_source: str | None) -> None:
    cache: dict[str, dict[str, str]] = {}
    found = list(provenances(yaml.safe_load(path.read_text(encoding="utf-8")), default_source))
    assert found
    for source_id, anchor, quote in found:
        blocks = cache.setdefault(source_id, paragraphs(source_id))
        assert normalise_whitespace(quote) in blocks.get(anchor, ""), f"{path.name}: {source_id}#{anchor}: {quote}"


def test_every_plan_item_with_an_id_has_a_quote() -> None:
    for path, _ in data_files()[:-1]:
        def walk(node: object) -> None:
            if isinstance(node, dict):
                if "id" in node and path.stem != node["id"]:
                    assert "provenance" in node and node["provenance"].get("quote"), f"{path.name}: {node['id']}"
                for value in node.values():
                    walk(value)
            elif isinstance(node, list):
                for value in node:
                    walk(value)
        walk(yaml.safe_load(path.read_text(encoding="utf-8")))
