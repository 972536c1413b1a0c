"""JSON Schemas of the data files, for editors' tooling (YAML language servers)."""

from __future__ import annotations

import json
from pathlib import Path

from generator.validate import REGISTRY_FILES
from generator.models import Plan

SCHEMA_NAMES = {name: name.replace("registries/", "").replace(".yaml", ".schema.json") for name in REGISTRY_FILES}


def schema_documents() -> dict[str, str]:
    documents = {"plan.schema.json": Plan}
    documents.update({SCHEMA_NAMES[name]: model for name, model in REGISTRY_FILES.items()})
    return {name: json.dumps(model.model_json_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
            for name, model in sorted(documents.items())}


def write_schemas(directory: Path) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in schema_documents().items():
        path = directory / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
        written.append(path)
    return written

