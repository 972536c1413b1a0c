"""A project whose every free-text field carries an injection payload.

A contributor's pull request may put anything into data/: this project puts a
payload from PAYLOADS into every free-text field of every model (plans,
registries, the source registry) and into the source text the quotes come
from. `free_text_fields()` lists those fields from the models themselves, so a
field added later is covered or the completeness test fails.

Each field's value starts with a marker ⟦n⟧ so a test can find where it shows.
The same project is also written with harmless text in place of the payloads,
so a test can compare the structure (tables, rows, cells) of the two builds.
"""

from __future__ import annotations

import itertools
import types
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel

from generator import models

# (payload, what a reader must see). Line breaks of every kind are whitespace to
# the comparison; control characters show as their pictures, bidi controls by code point.
PAYLOADS: list[tuple[str, str]] = [
    ("<img src=x onerror=alert(1)>", "<img src=x onerror=alert(1)>"),
    ("<script>alert(2)</script>", "<script>alert(2)</script>"),
    ("</title><script>alert(3)</script>", "</title><script>alert(3)</script>"),
    ('"><svg onload=alert(4)>', '"><svg onload=alert(4)>'),
    ("'><svg/onload=alert(5)>", "'><svg/onload=alert(5)>"),
    ("[x](javascript:alert(6))", "[x](javascript:alert(6))"),
    ('{: onclick="alert(7)" }', '{: onclick="alert(7)" }'),
    ("a\r| b | c |", "a | b | c |"),
    ("<!-- swallow", "<!-- swallow"),
    ("3~5 ^上^ ==标== ~~删~~", "3~5 ^上^ ==标== ~~删~~"),
    ("| 单元格 | 断开 |", "| 单元格 | 断开 |"),
    ("`code` *em* _u_ **b** # 井号 ###", "`code` *em* _u_ **b** # 井号 ###"),
    ("&lt;b&gt; &amp; &#60;i&#62;", "&lt;b&gt; &amp; &#60;i&#62;"),
    ("铃\x07转\x1b[31m红\x02占\x03位\x00", "铃\u2407转\u241b[31m红\u2402占\u2403位\u2400"),
    ("\u202e倒序\u202c \u2066隔离\u2069", "[U+202E]倒序[U+202C] [U+2066]隔离[U+2069]"),
    ("1. 列表\n- 项目\n> 引用\n    代码", "1. 列表 - 项目 > 引用 代码"),
    ('!!! warning "注意"', '!!! warning "注意"'),
    ('<a href="javascript:alert(8)">链</a>', '<a href="javascript:alert(8)">链</a>'),
    ("分\u2028行\x85换\f页\v制\t表", "分 行 换 页 制 表"),
    ("{{ 7*7 }} {% raw %} ${x}", "{{ 7*7 }} {% raw %} ${x}"),
    ("javascript:alert(9)", "javascript:alert(9)"),
    ("![图](x.png) <https://example.com/>", "![图](x.png) <https://example.com/>"),
    ("\\|反斜杠\\", "\\|反斜杠\\"),
    ("*[HTML]: 缩写 [^1] [ref]: http://x", "*[HTML]: 缩写 [^1] [ref]: http://x"),
]
MARKER = "⟦{}⟧"
SOURCE_SENTENCE = "段内容："
# Fields that are not shown text: a file name under data/sources/.
NOT_TEXT = {("SourceDocument", "file")}
# Free text no page shows, reviewed (none: a quantity's unit shows where its text lacks the number).
NOT_DISPLAYED: set[tuple[str, str]] = set()


def oneline(text: str) -> str:
    return " ".join(text.split())


def free_text_fields() -> set[tuple[str, str]]:
    """(model, field) for every field of every data model that holds free text."""
    found: set[tuple[str, str]] = set()
    for model in _all_models():
        if model.__subclasses__():  # a base such as RegistryEntry: its fields are its subclasses'
            continue
        for name, info in model.model_fields.items():
            if _is_free_text(info.annotation, info.metadata) and (model.__name__, name) not in NOT_TEXT:
                found.add((model.__name__, name))
    return found


def _all_models() -> list[type[BaseModel]]:
    return [value for value in vars(models).values() if isinstance(value, type) and issubclass(value, BaseModel)] + [
        value for module in (models.plan, models.registries, models.sources, models.common)
        for value in vars(module).values() if isinstance(value, type) and issubclass(value, BaseModel)]


def _is_free_text(annotation: Any, metadata: list[Any]) -> bool:
    if any(getattr(item, "pattern", None) for item in metadata):
        return False
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        inner, *extra = typing.get_args(annotation)
        return _is_free_text(inner, extra)
    if origin in (list, typing.Union, types.UnionType):
        return any(_is_free_text(arg, []) for arg in typing.get_args(annotation) if arg is not type(None))
    return annotation is str


@dataclass
class PayloadWriter:
    """Hands out marked payloads in turn; `harmless` gives plain text of the same shape."""

    harmless: bool = False
    counter: itertools.count = field(default_factory=lambda: itertools.count(1))
    shown: dict[str, str] = field(default_factory=dict)  # marker -> what a reader must see

    def text(self) -> str:
        number = next(self.counter)
        marker = MARKER.format(number)
        payload, visible = PAYLOADS[number % len(PAYLOADS)]
        if self.harmless:
            payload = visible = f"文本{number}"
        self.shown[marker] = oneline(visible)
        return marker + payload


def source_paragraphs(harmless: bool) -> list[str]:
    """The source text's paragraphs: every payload, on one line each (a line break would split it)."""
    return [f"第{index}段内容：{oneline(f'文本{index}' if harmless else payload)}，达到19家。"
            for index, (payload, _) in enumerate(PAYLOADS)]


def write_hostile_data(data_dir: Path, harmless: bool = False) -> PayloadWriter:
    writer = PayloadWriter(harmless)
    t = writer.text
    paragraphs = source_paragraphs(harmless)
    (data_dir / "sources").mkdir(parents=True)
    (data_dir / "plans").mkdir()
    (data_dir / "registries").mkdir()
    # p1 is the title line; paragraph i of `paragraphs` is anchor p{i+2}.
    (data_dir / "sources" / "hostile.txt").write_text(
        "示例区恶意输入测试规划\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")

    quotes = itertools.cycle(range(len(paragraphs)))

    def provenance() -> dict[str, str]:
        index = next(quotes)
        return {"anchor": f"p{index + 2}", "quote": paragraphs[index]}

    def value(kind: str, year: int, counted: bool = True) -> dict[str, Any]:
        source = provenance()
        # A number must be in its text; a value without one may be written as the whole sentence.
        text = {"text": "达到19家", "number": 19} if counted else {"text": source["quote"]}
        return {"kind": kind, "year": year, **text, "unit": t(), "note": t(), "provenance": source}

    def quantity() -> dict[str, Any]:
        source = provenance()
        # a number its text does not write, explained by a note: the page then shows number and unit
        return {"kind": "count", "text": source["quote"], "number": 987654, "unit": t(), "note": t(),
                "year": 2020, "provenance": source}

    def name_entry(entry_id: str, **extra: Any) -> dict[str, Any]:
        return {"id": entry_id, "name": t(), "description": t(), "note": t(),
                "aliases": [{"name": t(), "used_from": 2016, "used_to": 2020, "note": t()}], **extra}

    def measure(measure_id: str, children: list[dict[str, Any]] | None = None) -> dict[str, Any]:
        return {"id": measure_id, "number": t(), "title": t(), "text": t(), "lead_units": ["bureau"],
                "support_units": ["finance"], "places": ["park"], "sectors": ["digital"], "organisations": ["lab"],
                "themes": ["funds"], "quantities": [quantity()], "children": children or [],
                "provenance": provenance()}

    jurisdiction = t()  # one area for both plans, so their targets and actuals are compared

    def plan(plan_id: str, start: int, **links: Any) -> dict[str, Any]:
        return {
            "id": plan_id, "title": t(), "short_title": t(), "source": "hostile", "issuer_note": t(),
            "document_number": t(), "issued": f"{start}-02-02", "period": {"start": start, "end": start + 4},
            "level": "district", "jurisdiction": jurisdiction, "within": t(), "kind": "plan", "series": "hostile-series", **links,
            "provenance": provenance(),
            "guiding_ideas": [{"id": "gi1", "title": t(), "text": t(), "provenance": provenance()}],
            "principles": [{"id": "pr1", "title": t(), "text": t(), "provenance": provenance()}],
            "goals": [{"id": "g1", "title": t(), "text": t(), "horizon": start + 4, "provenance": provenance()}],
            "stages": [{"id": "s1", "title": t(), "start": f"{start}-01", "end": f"{start + 4}-12", "text": t(),
                        "provenance": provenance()}],
            "indicators": [{"indicator": "incubators", "label": t(), "category": t(), "lead_units": ["bureau"],
                            "values": [value("baseline", start - 1), value("target", start + 4),
                                       value("actual", start - 1), value("target", start + 2, counted=False)]}],
            "layouts": [{"id": "l1", "label": t(), "description": t(), "place": "district", "provenance": provenance(),
                         "zones": [{"id": "z1", "name": t(), "place": "park", "role": t(), "location": t(),
                                    "positioning": t(), "leading_industries": t(), "sectors": ["digital"],
                                    "focus": [t(), t()], "quantities": [quantity()], "provenance": provenance()}]}],
            "sectors": [{"id": "sec1", "sector": "digital", "label": t(), "group": t(), "focus": [t()],
                         "layout": t(), "places": ["park"], "organisations": ["lab"], "quantities": [quantity()],
                         "provenance": provenance()}],
            "measures": [measure("m1", [measure("m1-1", [measure("m1-1-1", [measure("m1-1-1-1")])])])],
            "key_projects": [{"id": "k1", "number": t(), "title": t(), "text": t(), "lead_units": ["bureau"],
                              "support_units": ["finance"], "sectors": ["digital"], "places": ["park"],
                              "organisations": ["lab"], "quantities": [quantity()], "themes": ["funds"],
                              "provenance": provenance()}],
            "safeguards": [measure("sg1")],
            "notes": [{"kind": "inconsistency", "text": t(), "provenance": [provenance()]}],
        }

    sources = {"sources": [{"id": "hostile", "title": t(), "kind": "plan", "file": "hostile.txt", "issuer": t(),
                            "issuer_note": t(), "document_number": t(), "issued": "2016-02-02", "dated_note": t(),
                            "published": "2016-03-01", "pages": t(), "note": t(), "truncated": t()},
                           # A document inside the other, without issuer or date: its notes and pages show.
                           {"id": "hostile-part", "title": t(), "kind": "policy", "file": "hostile.txt",
                            "part_of": "hostile", "lines": [{"start": 1, "end": 3}], "issuer_note": t(),
                            "dated_note": t(), "pages": t()}]}
    registries = {
        "indicators": {"indicators": [name_entry("incubators", unit=t(), definition=t(), direction="higher-is-better")]},
        "sectors": {"sectors": [name_entry("digital"), name_entry("digital-sub", parent="digital")]},
        "places": {"places": [name_entry("district", kind="district", district=t()),
                              name_entry("park", kind="park", district=t(), parent="district",
                                         evidence=[{"source": "hostile", **provenance()}])]},
        "organisations": {"organisations": [name_entry("bureau", kind="government", level="district"),
                                            name_entry("finance", kind="government", level="district"),
                                            name_entry("lab", kind="institution")]},
        "themes": {"themes": [name_entry("funds", keywords=[t(), t()])]},
    }
    plans = {"hostile-a": plan("hostile-a", 2016, successor="hostile-b"),
             "hostile-b": plan("hostile-b", 2021, predecessor="hostile-a")}
    _dump(data_dir / "sources.yaml", sources)
    for name, content in registries.items():
        _dump(data_dir / "registries" / f"{name}.yaml", content)
    for plan_id, content in plans.items():
        _dump(data_dir / "plans" / f"{plan_id}.yaml", content)
    return writer


def _dump(path: Path, content: dict[str, Any]) -> None:
    # safe_dump writes control characters as YAML escapes ("\e", "\x07"), as an editor's tool would.
    path.write_text(yaml.safe_dump(content, allow_unicode=True, sort_keys=False, width=10_000), encoding="utf-8")


def fields_with_markers(dataset: Any) -> set[tuple[str, str]]:
    """(model, field) of every value in the linked dataset that carries a marker."""
    return set(markers_by_field(dataset))


def markers_by_field(dataset: Any) -> dict[tuple[str, str], set[str]]:
    """The markers each (model, field) carries in the linked dataset (a source sentence counts as one)."""
    from generator.link import iter_models

    roots: list[BaseModel] = [*dataset.plans.values(), *(source.entry for source in dataset.sources.values())]
    for registry in ("indicators", "sectors", "places", "organisations", "themes"):
        roots += list(dataset.registry(registry).values())
    found: dict[tuple[str, str], set[str]] = {}
    for root in roots:
        for _, model in iter_models(root):
            for name in type(model).model_fields:
                value = getattr(model, name)
                for text in value if isinstance(value, list) else [value]:
                    # A marker, or a sentence of the source text (quotes and values written as in them).
                    if isinstance(text, str) and ("⟦" in text or SOURCE_SENTENCE in text):
                        marker = text[: text.index("⟧") + 1] if text.startswith("⟦") else SOURCE_SENTENCE
                        found.setdefault((type(model).__name__, name), set()).add(marker)
    return found
