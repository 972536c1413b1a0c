"""Repair provenance anchors after a change to the cleaning rules moved paragraphs.

An anchor is a block's ordinal, so splitting or joining one block shifts every
anchor after it. For each provenance whose quote is no longer in its paragraph
but is found in exactly one paragraph of its source, the anchor in the YAML
file is rewritten in place (on the line the loader recorded); everything else
in the file is left byte for byte.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

from generator.link import iter_models, load_sources
from generator.load import load_yaml_file
from generator.models import Plan, Provenance, SourceRegistry
from generator.pipeline import ProjectPaths
from generator.source_text import normalise_whitespace
from generator.validate import validate_data_dir


def reanchor(paths: ProjectPaths) -> list[str]:
    """Rewrite moved anchors in data files; returns one line per change or per unresolved quote."""
    registry_file, _ = load_yaml_file(paths.data / "sources.yaml", "data/sources.yaml")
    sources, _ = load_sources(SourceRegistry.model_validate(registry_file.data), paths.data, registry_file)
    report: list[str] = []
    for validated in validate_data_dir(paths.data, paths.root):
        default_source = validated.model.source if isinstance(validated.model, Plan) else None
        edits: dict[int, list[tuple[str, str]]] = defaultdict(list)
        for path, model in iter_models(validated.model):
            if not isinstance(model, Provenance):
                continue
            source = sources.get(model.source or default_source or "")
            if source is None:
                continue
            if normalise_whitespace(model.quote) in source.compared_text.get(model.anchor, ""):
                continue
            found = source.anchors_containing(model.quote)
            line = validated.loaded.position_of((*path, "anchor")).line
            where = f"{validated.loaded.display}:{line}"
            if len(found) == 1:
                edits[line].append((model.anchor, found[0]))
                report.append(f"{where}: {model.anchor} -> {found[0]}")
            else:
                report.append(f"{where}: {model.anchor} not changed (quote found in {len(found)} paragraphs)")
        if edits:
            _rewrite(validated.loaded.path, edits)
    return report


def _rewrite(path: Path, edits: dict[int, list[tuple[str, str]]]) -> None:
    lines = path.read_text(encoding="utf-8").split("\n")
    for line, changes in edits.items():
        for old, new in changes:
            lines[line - 1] = re.sub(rf"(anchor:\s*){old}\b", rf"\g<1>{new}", lines[line - 1], count=1)
    path.write_text("\n".join(lines), encoding="utf-8")
