"""The source registry: the texts under data/sources/ and the documents they hold."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from generator.models.common import Id, NonEmptyText, StrictModel

DocumentKind = Literal[
    "plan",  # 规划
    "implementation-plan",  # 实施方案
    "action-plan",  # 行动计划
    "policy",  # 政策意见
    "notice",  # 通告, regulatory notice
    "gazette-issue",  # 政府公报 issue carrying several documents
]


class LineRange(StrictModel):
    start: int = Field(ge=1)
    end: int = Field(ge=1)

    @model_validator(mode="after")
    def end_not_before_start(self) -> "LineRange":
        if self.end < self.start:
            raise PydanticCustomError(
                "end-before-start",
                "end line {end} is before start line {start}",
                {"end": self.end, "start": self.start, "field": "end"},
            )
        return self


class SourceDocument(StrictModel):
    """One document. A document inside a gazette issue points to its lines of the issue's file."""

    id: Id
    title: NonEmptyText
    kind: DocumentKind
    file: NonEmptyText
    issuer: str | None = None
    issuer_note: str | None = None
    document_number: str | None = None
    issued: dt.date | None = None
    dated_note: str | None = None
    published: dt.date | None = None
    part_of: Id | None = None
    lines: list[LineRange] = Field(default_factory=list, description="Line ranges of the file; empty for the whole file")
    pages: str | None = None
    note: str | None = None
    truncated: str | None = Field(default=None, description="Where and how the source text stops short")


class SourceRegistry(StrictModel):
    sources: list[SourceDocument]
