"""One plan file: a development plan captured item by item, each with its provenance."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import Field, StringConstraints, model_validator
from pydantic_core import PydanticCustomError

from generator.models.common import (
    Id, NonEmptyText, Number, Provenance, Sourced, StrictModel, Value, format_number, number_is_written)
from generator.models.sources import DocumentKind


class Period(StrictModel):
    start: int = Field(ge=1949, le=2100)
    end: int = Field(ge=1949, le=2100)

    @model_validator(mode="after")
    def end_not_before_start(self) -> "Period":
        if self.end < self.start:
            raise PydanticCustomError(
                "end-before-start",
                "end year {end} is before start year {start}",
                {"end": self.end, "start": self.start, "field": "end"},
            )
        return self


class Statement(Sourced):
    """A guiding idea, principle or qualitative goal, in the plan's words."""

    id: Id
    title: str | None = None
    text: NonEmptyText
    horizon: int | None = Field(default=None, description="The year a goal is set for")


class PlanIndicator(StrictModel):
    """A registry indicator as this plan words and quantifies it."""

    indicator: Id
    label: NonEmptyText = Field(description="The plan's own wording of the indicator")
    category: str | None = Field(default=None, description="The plan's own grouping, e.g. 规模结构 in a target table")
    lead_units: list[Id] = Field(default_factory=list, description="The units a target table names as leading it")
    values: list[Value] = Field(min_length=1)


class Quantity(Sourced):
    """A quantitative commitment or fact: funds, a count, an area, a deadline."""

    kind: Literal["funds", "count", "area", "deadline", "share", "duration", "other"]
    text: NonEmptyText
    number: Number | None = None
    unit: str = ""
    year: int | None = None
    note: str | None = Field(
        default=None, description="How the number is read when the text does not write it (“1+9” read as 10)")

    @model_validator(mode="after")
    def number_is_written_or_explained(self) -> "Quantity":
        if self.number is not None and not self.note and not number_is_written(self.number, self.text):
            raise PydanticCustomError(
                "number-not-in-text",
                "number {number} is not written in the text '{text}' (in digits or Chinese numerals); "
                "quote the text that writes it, or say in a note how it is read",
                {"number": format_number(self.number), "text": self.text, "field": "number"})
        return self


class Zone(Sourced):
    """A zone, axis, park or area of a spatial structure, with its role."""

    id: Id
    name: NonEmptyText = Field(description="The name as the plan writes it")
    place: Id | None = None
    role: str | None = Field(default=None, description="Its role in the structure, e.g. 一核, 龙头, 第二梯度")
    location: str | None = None
    positioning: str | None = None
    leading_industries: str | None = Field(default=None, description="Its current leading industries (当前主导产业), as written")
    sectors: list[Id] = Field(default_factory=list)
    focus: list[str] = Field(default_factory=list)
    quantities: list[Quantity] = Field(default_factory=list)


class Layout(Sourced):
    """A spatial structure in the plan's own label, such as 一核两轴两区 or 1+4+4."""

    id: Id
    label: NonEmptyText
    description: str | None = None
    place: Id | None = Field(default=None, description="The place the structure lays out, if one")
    retrospective: bool = Field(
        default=False, description="The plan reports this structure as the previous period's result, not as its own")
    zones: list[Zone] = Field(min_length=1)


class PlanSector(Sourced):
    """A priority sector in the plan's own wording, mapped to the sector registry."""

    id: Id
    sector: Id
    label: NonEmptyText
    group: str | None = Field(default=None, description="The plan's grouping, e.g. the IAB industry a field belongs to")
    focus: list[str] = Field(default_factory=list)
    layout: str | None = Field(default=None, description="Where the plan places it (发展路径和布局), in its words")
    places: list[Id] = Field(default_factory=list)
    organisations: list[Id] = Field(default_factory=list)
    quantities: list[Quantity] = Field(default_factory=list)


class Measure(Sourced):
    """A task or work item in the plan's own hierarchy (一、/（一）/1.)."""

    id: Id
    number: str | None = Field(default=None, description="The plan's own numbering, e.g. 一、 or （二）")
    title: NonEmptyText
    text: str | None = None
    lead_units: list[Id] = Field(default_factory=list)
    support_units: list[Id] = Field(default_factory=list)
    places: list[Id] = Field(default_factory=list)
    sectors: list[Id] = Field(default_factory=list)
    organisations: list[Id] = Field(default_factory=list)
    quantities: list[Quantity] = Field(default_factory=list)
    themes: list[Id] = Field(default_factory=list, description="Themes beyond those its keywords give it")
    children: list["Measure"] = Field(default_factory=list)


class KeyProject(Sourced):
    id: Id
    number: str | None = Field(default=None, description="The plan's own numbering, e.g. （一）")
    title: NonEmptyText
    text: str | None = None
    lead_units: list[Id] = Field(default_factory=list)
    support_units: list[Id] = Field(default_factory=list)
    sectors: list[Id] = Field(default_factory=list)
    places: list[Id] = Field(default_factory=list)
    organisations: list[Id] = Field(default_factory=list)
    quantities: list[Quantity] = Field(default_factory=list)
    themes: list[Id] = Field(default_factory=list, description="Themes beyond those its keywords give it")


class Stage(Sourced):
    """An implementation stage with the dates the plan gives it (YYYY-MM or YYYY)."""

    id: Id
    title: NonEmptyText
    start: Annotated[str, StringConstraints(pattern=r"^[12][0-9]{3}(-[01][0-9])?$")] | None = None
    end: Annotated[str, StringConstraints(pattern=r"^[12][0-9]{3}(-[01][0-9])?$")] | None = None
    text: str | None = None


class DataNote(StrictModel):
    """Something a reader must know about the source: an inconsistency, an ambiguity, a gap."""

    kind: Literal["inconsistency", "ambiguity", "truncation", "omission", "other"]
    text: NonEmptyText
    provenance: list[Provenance] = Field(default_factory=list)


class Plan(Sourced):
    id: Id
    title: NonEmptyText
    short_title: NonEmptyText
    source: Id
    issuer: Id | None = None
    issuer_note: str | None = None
    document_number: str | None = None
    issued: dt.date | None = None
    period: Period | None = Field(default=None, description="Plan period; none for a policy without one")
    level: Literal["city", "district"]
    jurisdiction: NonEmptyText = Field(
        description="The area the plan governs, e.g. 广州市 or 海珠区; targets and actuals compare within one")
    within: NonEmptyText | None = Field(
        default=None, description="For a district plan: the city its area belongs to (广州市), whose plans it sits under")
    kind: DocumentKind
    series: Id | None = None
    predecessor: Id | None = None
    successor: Id | None = None
    guiding_ideas: list[Statement] = Field(default_factory=list)
    principles: list[Statement] = Field(default_factory=list)
    goals: list[Statement] = Field(default_factory=list)
    stages: list[Stage] = Field(default_factory=list)
    indicators: list[PlanIndicator] = Field(default_factory=list)
    layouts: list[Layout] = Field(default_factory=list)
    sectors: list[PlanSector] = Field(default_factory=list)
    measures: list[Measure] = Field(default_factory=list)
    key_projects: list[KeyProject] = Field(default_factory=list)
    safeguards: list[Measure] = Field(default_factory=list)
    notes: list[DataNote] = Field(default_factory=list)

    @property
    def start_year(self) -> int:
        """Where the plan sits in time: its period's start, else the year it was issued."""
        if self.period:
            return self.period.start
        return self.issued.year if self.issued else 0
