"""Stage 3, link: registries, id indexes, reference resolution, quote checks, backlinks.

Everything is indexed before anything is rendered, so a dangling reference is
reported with its file, field and position, and the closest existing ids.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, Callable, Iterator

from pydantic import BaseModel

from generator.errors import DataError, DataErrors, did_you_mean
from generator.load import LoadedFile, PathKey, byte_position
from generator.models import (
    IndicatorRegistry,
    OrganisationRegistry,
    PlaceRegistry,
    Plan,
    Provenance,
    SectorRegistry,
    SourceRegistry,
    ThemeRegistry,
)
from generator.models.common import Value
from generator.models.plan import Quantity
from generator.models.registries import Indicator, Organisation, Place, Sector, Theme
from generator.models.sources import SourceDocument
from generator.source_text import Block, SourceText, normalise_whitespace, parse_source_file
from generator.validate import ValidatedFile

REGISTRIES = ("indicators", "sectors", "places", "organisations", "themes")

# Which registry a field's ids point into, by the model that holds the field.
REFERENCE_FIELDS: dict[str, dict[str, str]] = {
    "Plan": {"source": "sources", "issuer": "organisations", "predecessor": "plans", "successor": "plans"},
    "Provenance": {"source": "sources"},
    "PlanIndicator": {"indicator": "indicators", "lead_units": "organisations"},
    "Zone": {"place": "places", "sectors": "sectors"},
    "Layout": {"place": "places"},
    "PlanSector": {"sector": "sectors", "places": "places", "organisations": "organisations"},
    "Measure": {
        "lead_units": "organisations",
        "support_units": "organisations",
        "places": "places",
        "sectors": "sectors",
        "organisations": "organisations",
        "themes": "themes",
    },
    "KeyProject": {
        "lead_units": "organisations",
        "support_units": "organisations",
        "sectors": "sectors",
        "places": "places",
        "organisations": "organisations",
        "themes": "themes",
    },
    "Place": {"parent": "places", "successor": "places", "possibly_related": "places"},
    "Sector": {"parent": "sectors"},
    "SourceDocument": {"part_of": "sources"},
}
ROLE_OF_FIELD = {"lead_units": "牵头", "support_units": "配合", "issuer": "印发"}


@dataclass(frozen=True)
class Backlink:
    """A plan item that refers to a registry entry."""

    plan_id: str
    item_path: PathKey
    item_label: str
    field: str
    provenance: Provenance | None


@dataclass
class Source:
    entry: SourceDocument
    text: SourceText
    blocks: dict[str, Block]
    path: Path  # the seed text under data/sources/, published unchanged with the open data

    @cached_property
    def compared_text(self) -> dict[str, str]:
        """Each block's text in the form quotes are compared in, computed once per source."""
        return {block.anchor: normalise_whitespace(block.text) for block in self.text.blocks}

    def anchors_containing(self, text: str, skip_toc: bool = False) -> list[str]:
        needle = normalise_whitespace(text)
        return [block.anchor for block in self.text.blocks
                if not (skip_toc and block.kind == "toc") and needle in self.compared_text[block.anchor]]


@dataclass
class Dataset:
    sources: dict[str, Source]
    indicators: dict[str, Indicator]
    sectors: dict[str, Sector]
    places: dict[str, Place]
    organisations: dict[str, Organisation]
    themes: dict[str, Theme]
    plans: dict[str, Plan]
    backlinks: dict[tuple[str, str], list[Backlink]] = field(default_factory=lambda: defaultdict(list))

    def text_mentions(self, entry: Any) -> list[tuple[Source, list[str]]]:
        """Every paragraph of every source that writes one of the entry's names, by document."""
        names = [entry.name, *(alias.name for alias in entry.aliases)]
        found = []
        for source_id in sorted(self.sources):
            source = self.sources[source_id]
            matching = {anchor for name in names for anchor in source.anchors_containing(name, skip_toc=True)}
            anchors = [block.anchor for block in source.text.blocks if block.anchor in matching]
            if anchors:
                found.append((source, anchors))
        return found

    def registry(self, name: str) -> dict[str, Any]:
        return getattr(self, name)

    @cached_property
    def place_links_by_plan(self) -> dict[str, list[tuple[str, list[Backlink]]]]:
        """Per plan, the places its items refer to with those links, by place id: a plan's parks are
        found without a walk over every plan's backlinks."""
        found: dict[str, dict[str, list[Backlink]]] = defaultdict(dict)
        for (registry, place_id), links in self.backlinks.items():
            if registry == "places":
                for link in links:
                    found[link.plan_id].setdefault(place_id, []).append(link)
        return {plan_id: sorted(places.items()) for plan_id, places in found.items()}

    def children_of_source(self, source_id: str) -> list[Source]:
        return [source for source in self.sources.values() if source.entry.part_of == source_id]


def iter_models(model: BaseModel, path: PathKey = ()) -> Iterator[tuple[PathKey, BaseModel]]:
    """Every model instance inside ``model``, depth first, with its path."""
    yield path, model
    for name in type(model).model_fields:
        value = getattr(model, name)
        if isinstance(value, BaseModel):
            yield from iter_models(value, (*path, name))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, BaseModel):
                    yield from iter_models(item, (*path, name, index))


def item_label(item: BaseModel) -> str:
    for name in ("title", "label", "name", "text"):
        value = getattr(item, name, None)
        if isinstance(value, str) and value:
            return value
    return type(item).__name__


def load_sources(registry: SourceRegistry, data_dir: Path, loaded: LoadedFile,
                 parse: Callable[[Path, list[tuple[int, int]]], SourceText] | None = None) -> tuple[dict[str, Source], list[DataError]]:
    """Every registered source whose text can be used; a source that cannot is reported once, here.

    A duplicated id loads neither entry: quotes could not tell which text they
    are checked against, so checking them would only add false errors.
    """
    sources: dict[str, Source] = {}
    errors: list[DataError] = []
    first: dict[str, int] = {}
    duplicated: set[str] = set()
    for index, entry in enumerate(registry.sources):
        if entry.id in first:
            line = loaded.position_of(("sources", first[entry.id], "id")).line
            errors.append(loaded.error(("sources", index, "id"), "duplicate-id",
                                       f"id {entry.id!r} is already used at line {line}"))
            duplicated.add(entry.id)
            continue
        first[entry.id] = index
        problems = _source_file_problems(entry, data_dir, loaded, index)
        if problems:
            errors += problems
            continue
        path = data_dir / "sources" / entry.file
        parsed = (parse or parse_source_file)(path, [(r.start, r.end) for r in entry.lines])
        sources[entry.id] = Source(entry, parsed, parsed.by_anchor(), path)
    for source_id in duplicated:
        sources.pop(source_id, None)
    return sources, errors


def _source_file_problems(entry: SourceDocument, data_dir: Path, loaded: LoadedFile, index: int) -> list[DataError]:
    path = data_dir / "sources" / entry.file
    where = ("sources", index, "file")
    if not path.exists():
        return [loaded.error(where, "source-file-missing", f"no file data/sources/{entry.file}",
                             did_you_mean(entry.file, (p.name for p in path.parent.glob("*") if p.is_file())))]
    if not path.is_file():
        return [loaded.error(where, "source-file-unreadable", f"data/sources/{entry.file} is a directory, not a text file")]
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return [loaded.error(where, "source-file-unreadable", f"data/sources/{entry.file} cannot be read: {exc.strerror}")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, column = byte_position(raw, exc.start)
        return [loaded.error(where, "source-file-unreadable",
                             f"data/sources/{entry.file} is not UTF-8 text (first bad byte at its line {line}, column {column})",
                             "convert the text file to UTF-8 (it may be GBK); the texts are stored unchanged otherwise")]
    line_count = len(text.splitlines())
    errors = []
    for position, lines in enumerate(entry.lines):
        for bound in ("start", "end"):
            if getattr(lines, bound) > line_count:
                errors.append(loaded.error(("sources", index, "lines", position, bound), "source-lines-out-of-range",
                                           f"line {getattr(lines, bound)} is past the end of data/sources/{entry.file}, "
                                           f"which has {line_count} lines"))
                break
    return errors


class Linker:
    """Builds the Dataset from validated files, collecting every link error."""

    def __init__(self, files: list[ValidatedFile], data_dir: Path,
                 parse: Callable[[Path, list[tuple[int, int]]], SourceText] | None = None):
        self.parse = parse  # a caching parser (generator/incremental.py) or None
        self.files = files
        self.data_dir = data_dir
        self.errors: list[DataError] = []
        # Registered sources whose text could not be used: the cause is reported once at
        # sources.yaml, so references to them and quotes against them are not checked.
        self.unusable_sources: set[str] = set()

    def link(self) -> Dataset:
        by_type = defaultdict(list)
        for validated in self.files:
            by_type[type(validated.model)].append(validated)
        source_file = by_type[SourceRegistry][0]
        sources, errors = load_sources(source_file.model, self.data_dir, source_file.loaded, self.parse)
        self.errors += errors
        self.unusable_sources = {entry.id for entry in source_file.model.sources} - set(sources)
        dataset = Dataset(
            sources=sources,
            indicators=self._index(by_type[IndicatorRegistry][0], "indicators"),
            sectors=self._index(by_type[SectorRegistry][0], "sectors"),
            places=self._index(by_type[PlaceRegistry][0], "places"),
            organisations=self._index(by_type[OrganisationRegistry][0], "organisations"),
            themes=self._index(by_type[ThemeRegistry][0], "themes"),
            plans={},
        )
        plan_files = sorted(by_type[Plan], key=lambda v: v.model.id)
        seen_plans: dict[str, LoadedFile] = {}
        for validated in plan_files:
            plan = validated.model
            if plan.id in seen_plans:
                self.errors.append(validated.loaded.error(("id",), "duplicate-id",
                                                          f"plan id {plan.id!r} is also used by {seen_plans[plan.id].display}"))
            seen_plans[plan.id] = validated.loaded
            dataset.plans[plan.id] = plan
            self._check_not_own_neighbour(validated)
        for validated in by_type[SourceRegistry] + [v for t in (IndicatorRegistry, SectorRegistry, PlaceRegistry, OrganisationRegistry, ThemeRegistry) for v in by_type[t]]:
            self._check_references(validated, dataset, plan_id=None)
        for validated in plan_files:
            self._fill_default_sources(validated.model)
            self._check_item_ids(validated)
            self._check_references(validated, dataset, plan_id=validated.model.id)
        self._check_cycles(by_type[SectorRegistry][0], "sectors", "parent")
        self._check_cycles(by_type[PlaceRegistry][0], "places", "parent")
        self._check_cycles(by_type[PlaceRegistry][0], "places", "successor")
        for validated in [*plan_files, by_type[PlaceRegistry][0]]:
            self._check_provenance(validated, dataset)
        if self.errors:
            raise DataErrors(self.errors)
        return dataset

    def _index(self, validated: ValidatedFile, name: str) -> dict[str, Any]:
        self._check_unique_ids(validated, name)
        entries = getattr(validated.model, name)
        self._check_unique_names(validated, name)
        if name == "themes":  # the editors' order is the reading order of theme tables
            return {entry.id: entry for entry in entries}
        return {entry.id: entry for entry in sorted(entries, key=lambda entry: entry.id)}

    def _check_unique_ids(self, validated: ValidatedFile, name: str) -> None:
        first: dict[str, int] = {}
        for index, entry in enumerate(getattr(validated.model, name)):
            if entry.id in first:
                line = validated.loaded.position_of((name, first[entry.id], "id")).line
                self.errors.append(validated.loaded.error((name, index, "id"), "duplicate-id",
                                                          f"id {entry.id!r} is already used at line {line}"))
            else:
                first[entry.id] = index

    def _check_unique_names(self, validated: ValidatedFile, name: str) -> None:
        """A name or alias must lead to one entry only, or a reader's search would be ambiguous."""
        owner: dict[str, str] = {}
        for index, entry in enumerate(getattr(validated.model, name)):
            named: list[tuple[str, PathKey]] = [(entry.name, (name, index, "name"))]
            named += [(alias.name, (name, index, "aliases", position, "name"))
                      for position, alias in enumerate(entry.aliases)]
            for text, path in named:
                key = normalise_whitespace(text)
                if owner.get(key, entry.id) != entry.id:
                    self.errors.append(validated.loaded.error(path, "duplicate-alias",
                                                              f"name {text!r} is also a name of {owner[key]!r}"))
                owner.setdefault(key, entry.id)

    def _check_not_own_neighbour(self, validated: ValidatedFile) -> None:
        plan = validated.model
        for field_name in ("predecessor", "successor"):
            if getattr(plan, field_name) == plan.id:
                self.errors.append(validated.loaded.error((field_name,), "self-reference",
                                                          f"plan {plan.id!r} names itself as its {field_name}",
                                                          f"name the plan before or after it, or remove {field_name}"))

    def _check_cycles(self, validated: ValidatedFile, name: str, field_name: str) -> None:
        """A chain of parents or successors must end; each loop is reported once, at its first entry in the file."""
        entries = getattr(validated.model, name)
        index_of: dict[str, int] = {}
        for index, entry in enumerate(entries):
            index_of.setdefault(entry.id, index)
        finished: set[str] = set()
        for entry in entries:
            chain: list[str] = []
            current: str | None = entry.id
            while current in index_of and current not in finished and current not in chain:
                chain.append(current)
                current = getattr(entries[index_of[current]], field_name)
            if current in chain:
                loop = chain[chain.index(current):]
                first = min(loop, key=index_of.__getitem__)
                start = loop.index(first)
                ordered = loop[start:] + loop[:start]
                self.errors.append(validated.loaded.error(
                    (name, index_of[first], field_name), "reference-cycle",
                    f"the {field_name} chain loops: {' → '.join([*ordered, first])}",
                    f"one of these entries must not name a {field_name}"))
            finished.update(chain)

    def _fill_default_sources(self, plan: Plan) -> None:
        for _, model in iter_models(plan):
            if isinstance(model, Provenance) and model.source is None:
                model.source = plan.source

    def _check_item_ids(self, validated: ValidatedFile) -> None:
        """Item ids become anchors on the plan page, so they are unique within a plan."""
        first: dict[str, PathKey] = {}
        for path, model in iter_models(validated.model):
            item_id = getattr(model, "id", None)
            if path == () or not isinstance(item_id, str):
                continue
            if item_id in first:
                line = validated.loaded.position_of((*first[item_id], "id")).line
                self.errors.append(validated.loaded.error((*path, "id"), "duplicate-id",
                                                          f"item id {item_id!r} is already used at line {line}"))
            else:
                first[item_id] = path

    def _check_references(self, validated: ValidatedFile, dataset: Dataset, plan_id: str | None) -> None:
        item_stack: list[tuple[PathKey, BaseModel]] = []
        for path, model in iter_models(validated.model):
            if "provenance" in type(model).model_fields:
                item_stack = [(p, m) for p, m in item_stack if path[: len(p)] == p] + [(path, model)]
            fields = REFERENCE_FIELDS.get(type(model).__name__, {})
            for field_name, registry_name in fields.items():
                value = getattr(model, field_name)
                ids = value if isinstance(value, list) else [value] if value else []
                targets = dataset.plans if registry_name == "plans" else (
                    dataset.sources if registry_name == "sources" else dataset.registry(registry_name))
                for index, ref in enumerate(ids):
                    if registry_name == "sources" and ref in self.unusable_sources:
                        continue  # its cause is reported at sources.yaml
                    ref_path = (*path, field_name, index) if isinstance(value, list) else (*path, field_name)
                    if ref not in targets:
                        hint = did_you_mean(ref, targets) or f"add {ref!r} to {_registry_file(registry_name)}"
                        self.errors.append(validated.loaded.error(
                            ref_path, "unknown-reference", f"no {registry_name[:-1]} with id {ref!r}", hint))
                    elif plan_id and registry_name in REGISTRIES:
                        item_path, item = item_stack[-1] if item_stack else ((), model)
                        dataset.backlinks[(registry_name, ref)].append(Backlink(
                            plan_id, item_path, item_label(item), field_name, getattr(item, "provenance", None)))

    def _check_provenance(self, validated: ValidatedFile, dataset: Dataset) -> None:
        loaded = validated.loaded
        for path, model in iter_models(validated.model):
            if isinstance(model, Provenance):
                self._check_quote(loaded, path, model, dataset)
            if isinstance(model, (Value, Quantity)):
                written = normalise_whitespace(model.text)
                quote = normalise_whitespace(model.provenance.quote)
                if model.text != "-" and written not in quote:
                    self.errors.append(loaded.error((*path, "text"), "value-not-in-quote",
                                                    f"{model.text!r} is not in its quote; write the value exactly as the source does"))

    def _check_quote(self, loaded: LoadedFile, path: PathKey, provenance: Provenance, dataset: Dataset) -> None:
        if provenance.source is None:
            self.errors.append(loaded.error((*path, "source"), "missing-field", "provenance needs a source"))
            return
        source = dataset.sources.get(provenance.source)
        if source is None:
            return  # reported as unknown-reference
        if normalise_whitespace(provenance.quote) in source.compared_text.get(provenance.anchor, ""):
            return
        found_in = source.anchors_containing(provenance.quote)
        if provenance.anchor not in source.blocks:
            hint = f"the quote is in {', '.join(found_in[:3])}" if found_in else None
            self.errors.append(loaded.error((*path, "anchor"), "unknown-anchor",
                                            f"source {provenance.source!r} has no paragraph {provenance.anchor!r}", hint))
        else:
            hint = (f"the quote is in paragraph {', '.join(found_in[:3])}" if found_in
                    else "copy the quote from the source page; only whitespace may differ")
            self.errors.append(loaded.error((*path, "quote"), "quote-not-in-source",
                                            f"quote is not in {provenance.source}#{provenance.anchor}", hint))


def _registry_file(name: str) -> str:
    return "data/sources.yaml" if name == "sources" else (
        "data/plans/" if name == "plans" else f"data/registries/{name}.yaml")


def link_dataset(files: list[ValidatedFile], data_dir: Path,
                 parse: Callable[[Path, list[tuple[int, int]]], SourceText] | None = None) -> Dataset:
    """``parse`` (optional) replaces parse_source_file, e.g. by the preview's cache of unchanged texts."""
    return Linker(files, data_dir, parse).link()
