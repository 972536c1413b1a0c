"""Stage 2, validate: check every loaded file against its pydantic model.

Errors of all files are collected and reported together; pydantic's wording is
rewritten into plain language here, in one table, and every error is placed at
the line and column of the offending key or value.
"""

from __future__ import annotations

import types
import typing
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from pydantic import BaseModel, ValidationError

from generator.errors import CODES, DataError, DataErrors, did_you_mean
from generator.load import LoadedFile, PathKey, load_yaml_file
from generator.models import (
    IndicatorRegistry,
    OrganisationRegistry,
    PlaceRegistry,
    Plan,
    SectorRegistry,
    SourceRegistry,
    ThemeRegistry,
)

REGISTRY_FILES: dict[str, type[BaseModel]] = {
    "sources.yaml": SourceRegistry,
    "registries/indicators.yaml": IndicatorRegistry,
    "registries/sectors.yaml": SectorRegistry,
    "registries/places.yaml": PlaceRegistry,
    "registries/organisations.yaml": OrganisationRegistry,
    "registries/themes.yaml": ThemeRegistry,
}
PLAN_DIRECTORY = "plans"

# pydantic error type -> (our code, plain-language message)
MESSAGES: dict[str, tuple[str, str]] = {
    "missing": ("missing-field", "required field is missing"),
    "extra_forbidden": ("unknown-field", "unknown field"),
    "string_pattern_mismatch": ("invalid-value", "not of the expected form ({pattern})"),
    "string_too_short": ("invalid-value", "must not be empty"),
    "too_short": ("invalid-value", "needs at least {min_length} item(s)"),
    "literal_error": ("invalid-value", "must be one of {expected}"),
    "int_parsing": ("invalid-value", "expected a whole number"),
    "int_from_float": ("invalid-value", "expected a whole number"),
    "int_type": ("invalid-value", "expected a whole number"),
    "float_parsing": ("invalid-value", "expected a number"),
    "float_type": ("invalid-value", "expected a number"),
    "string_type": ("invalid-value", "expected text"),
    "list_type": ("invalid-value", "expected a list"),
    "model_type": ("invalid-value", "expected a mapping of fields"),
    "model_attributes_type": ("invalid-value", "expected a mapping of fields"),
    "dict_type": ("invalid-value", "expected a mapping of fields"),
    "date_from_datetime_parsing": ("invalid-value", "expected a date such as 2018-02-02"),
    "date_parsing": ("invalid-value", "expected a date such as 2018-02-02"),
    "date_type": ("invalid-value", "expected a date such as 2018-02-02"),
    "greater_than_equal": ("invalid-value", "must be at least {ge}"),
    "less_than_equal": ("invalid-value", "must be at most {le}"),
    "finite_number": ("invalid-value", "must be a finite number as the source writes it"),
}
IDS = "lowercase ASCII letters and digits joined by '-' or '.', e.g. haizhu-sti-13"


@dataclass
class ValidatedFile:
    loaded: LoadedFile
    model: BaseModel


def data_files(data_dir: Path) -> list[tuple[Path, type[BaseModel]]]:
    files = [(data_dir / name, model) for name, model in REGISTRY_FILES.items()]
    files += [(path, Plan) for path in sorted((data_dir / PLAN_DIRECTORY).glob("*.yaml"))]
    return files


def misnamed_plan_files(data_dir: Path, root: Path) -> list[DataError]:
    """A plan saved as .yml (or .YAML) is reported, not read.

    Reporting rather than loading keeps one name per plan file: the editors'
    schema association, the docs and the tools all match data/plans/*.yaml, so
    a .yml plan would be read here but get no completion and be missed by them.
    """
    return [DataError(_display(path, root), 1, 1, "wrong-extension",
                      f"plan files end in .yaml; {path.name} is not read",
                      "", f"rename it to {path.stem}.yaml")
            for path in sorted((data_dir / PLAN_DIRECTORY).glob("*"))
            if path.suffix.lower() in (".yml", ".yaml") and path.suffix != ".yaml"]


def validate_data_dir(data_dir: Path, root: Path, validate_one: Callable[..., tuple[ValidatedFile | None, list[DataError]]] | None = None) -> list[ValidatedFile]:
    """Load and validate every data file; raise DataErrors with all problems found.

    ``validate_one`` (optional) replaces validate_file, e.g. by the preview's cache of unchanged files.
    """
    validated: list[ValidatedFile] = []
    errors: list[DataError] = misnamed_plan_files(data_dir, root)
    for path, model in data_files(data_dir):
        file, file_errors = (validate_one or validate_file)(path, model, _display(path, root))
        errors += file_errors
        if file is not None:
            validated.append(file)
    if errors:
        raise DataErrors(errors)
    return validated


def validate_file(path: Path, model: type[BaseModel], display: str) -> tuple[ValidatedFile | None, list[DataError]]:
    """One file loaded and validated; the file is None when it could not be loaded or validated."""
    if not path.exists():
        return None, [DataError(display, 1, 1, "missing-field", "this data file is required but missing")]
    loaded, errors = load_yaml_file(path, display)
    if loaded is None:
        return None, errors
    try:
        return ValidatedFile(loaded, model.model_validate(loaded.data)), errors
    except ValidationError as exc:
        return None, errors + [_translate(loaded, model, error) for error in exc.errors(include_url=False)
                               if tuple(error["loc"]) not in loaded.unbuilt]


def _display(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(root))
    except ValueError:
        return str(path)


def _translate(loaded: LoadedFile, model: type[BaseModel], error: dict[str, Any]) -> DataError:
    loc: PathKey = tuple(error["loc"])
    kind = error["type"]
    context = error.get("ctx") or {}
    hint = None
    if kind in CODES:  # our own PydanticCustomError codes
        code, message = kind, error["msg"]
        if "field" in context:  # a model-level check names the field to point at
            loc = (*loc, context["field"])
    elif kind in MESSAGES:
        code, template = MESSAGES[kind]
        message = template.format(**{key: value for key, value in context.items()})
    else:
        code, message = "invalid-value", error["msg"]
    if kind == "extra_forbidden":
        allowed = _fields_at(model, loc[:-1])
        message = f"unknown field {loc[-1]!r}"
        hint = did_you_mean(str(loc[-1]), allowed) or (f"allowed fields: {', '.join(sorted(allowed))}" if allowed else None)
    elif kind == "missing":
        message = f"required field {loc[-1]!r} is missing"
    elif kind == "string_pattern_mismatch" and loc and str(loc[-1]) in ("id", "indicator", "sector", "place", "source", "series"):
        hint = f"ids are {IDS}"
    if "input" in error and kind not in ("missing", "extra_forbidden") and not isinstance(error["input"], (dict, list)):
        message += f" (got {error['input']!r})"
    return loaded.error(loc, code, message, hint)


def _fields_at(model: Any, loc: PathKey) -> list[str]:
    """The field names the model accepts at ``loc``, for 'did you mean' hints."""
    current: Any = model
    for part in loc:
        current = _unwrap(current)
        if isinstance(part, int):
            continue
        if isinstance(current, type) and issubclass(current, BaseModel) and part in current.model_fields:
            current = current.model_fields[part].annotation
        else:
            return []
    current = _unwrap(current)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(current.model_fields)
    return []


def _unwrap(annotation: Any) -> Any:
    """list[Zone] -> Zone, Zone | None -> Zone."""
    while True:
        origin = typing.get_origin(annotation)
        if origin in (list, typing.Union, types.UnionType):
            args = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
            if len(args) != 1:
                return annotation
            annotation = args[0]
        else:
            return annotation
