"""Pieces shared by every model: strict base, ids, provenance, numbers as written."""

from __future__ import annotations

import math
import re
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator
from pydantic_core import PydanticCustomError

Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:[-.][a-z0-9]+)*$")]
NonEmptyText = Annotated[str, StringConstraints(min_length=1)]
# A number the source writes: never infinite or NaN (YAML's .inf, or 1.0e+400, which overflows to it).
Number = Annotated[float, Field(allow_inf_nan=False)]


class StrictModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=False, str_strip_whitespace=False)


class Provenance(StrictModel):
    """Where a captured item comes from: a paragraph of a source document, quoted verbatim.

    ``source`` may be left out in a plan file; it then defaults to the plan's own
    source document (filled in by the link stage).
    """

    source: Id | None = None
    anchor: Annotated[str, StringConstraints(pattern=r"^p[1-9][0-9]*$")]
    quote: Annotated[str, StringConstraints(min_length=2)]


class Sourced(StrictModel):
    """Anything captured from a document carries its provenance."""

    provenance: Provenance


Comparator = Literal[
    "达到",  # reach
    "以上",  # at least (达到…以上, …以上)
    "以下",  # at most
    "为",  # equal to / stated as
    "约",  # about
    "超过",  # more than
    "下降",  # a decrease by (比…下降)
    "增长",  # an increase by (比…增长, 年增长)
    "翻番",  # double
    "突破",  # break through, i.e. more than
    "不少于",  # no less than
    "不超过",  # no more than (a cap)
    "左右",  # around
]


class Value(Sourced):
    """A number with its three faces: as written, the number, the unit.

    ``text`` is kept exactly as the source writes the value (``比2015年下降12.5%``,
    ``600家``, ``-``); ``number`` is only set where the text states one.
    """

    kind: Literal["baseline", "target", "actual"]
    year: int = Field(ge=1949, le=2100)
    text: NonEmptyText
    number: Number | None = None
    unit: str = ""
    comparator: Comparator | None = None
    reference_year: int | None = Field(default=None, description="比2015年下降…: the year compared with")
    note: str | None = None
    inferred: list[Literal["year", "kind"]] = Field(
        default_factory=list,
        description="What the editor read into the value because the text does not write it: the year "
                    "(“十三五”期末 read as 2020) or the kind (a result listed without a year); the note says how")

    @model_validator(mode="after")
    def inference_is_explained(self) -> "Value":
        if self.inferred and not self.note:
            raise PydanticCustomError(
                "inferred-without-note",
                "the value's {what} is inferred, so its note must say from what",
                {"what": "、".join(self.inferred), "field": "note"})
        return self

    @model_validator(mode="after")
    def number_is_in_text(self) -> "Value":
        if self.number is not None:
            written = "".join(self.text.split())
            candidates = {format_number(self.number)}
            if self.number == int(self.number):
                candidates.add(str(int(self.number)))
            if not any(candidate in written for candidate in candidates):
                raise PydanticCustomError(
                    "number-not-in-text",
                    "number {number} does not appear in the text as written '{text}'",
                    {"number": format_number(self.number), "text": self.text, "field": "number"},
                )
        return self


CHINESE_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CHINESE_NUMERAL = re.compile(r"[一二两三四五六七八九十]+")


def chinese_numerals_in(text: str) -> set[int]:
    """The whole numbers below 100 a text writes in Chinese numerals: 一区五园 → {1, 5}, 十二 → {12}."""
    found = set()
    for run in CHINESE_NUMERAL.findall(text):
        tens, _, units = run.partition("十")
        if "十" in run and len(run) <= 3 and all(c in CHINESE_DIGITS for c in tens + units):
            found.add((CHINESE_DIGITS[tens] if tens else 1) * 10 + (CHINESE_DIGITS[units] if units else 0))
        else:
            found.update(CHINESE_DIGITS[c] for c in run if c in CHINESE_DIGITS)
    return found


def number_is_written(number: float, text: str) -> bool:
    """Whether a text writes the number, in digits (600, 3.35) or, for a count, in Chinese numerals (五)."""
    written = "".join(text.split())
    if format_number(number) in written:
        return True
    return number == int(number) and int(number) in chinese_numerals_in(written)


def number_apart(number: float | None, unit: str, text: str) -> str:
    """The number and unit to show beside a text that does not write the number in digits
    (一区五园 → 5园, “1+9” → 10份); '' when the text shows it already or there is none."""
    if number is None or format_number(number) in "".join(text.split()):
        return ""
    return format_number(number) + unit


def format_number(number: float | None) -> str:
    """A number as the site shows it: 600 not 600.0, 3.35 as is, nothing for none."""
    if number is None:
        return ""
    if not math.isfinite(number):  # the model refuses these; this keeps a stray one from raising
        return repr(number)
    return str(int(number)) if number == int(number) else repr(number)
