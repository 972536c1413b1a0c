"""Shared registries: what recurs across plans, referred to by id."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from generator.models.common import Id, NonEmptyText, Provenance, StrictModel


class Name(StrictModel):
    """A name an entity goes by, with the period it was used where the texts show it."""

    name: NonEmptyText
    used_from: int | None = None
    used_to: int | None = None
    note: str | None = None


class RegistryEntry(StrictModel):
    id: Id
    name: NonEmptyText
    aliases: list[Name] = Field(default_factory=list)
    description: str | None = None
    note: str | None = None


class Indicator(RegistryEntry):
    unit: str = ""
    definition: str | None = None
    direction: Literal["higher-is-better", "lower-is-better", "neutral"] = "higher-is-better"


class Sector(RegistryEntry):
    parent: Id | None = None


class Place(RegistryEntry):
    kind: Literal["district", "zone", "area", "park", "corridor", "block", "building", "island"]
    district: str | None = None
    parent: Id | None = None
    successor: Id | None = None
    possibly_related: list[Id] = Field(default_factory=list)
    evidence: list[Provenance] = Field(default_factory=list)


class Organisation(RegistryEntry):
    kind: Literal["government", "institution", "university", "company", "association", "other"]
    level: Literal["national", "provincial", "city", "district", "none"] = "none"


class Theme(RegistryEntry):
    """A policy theme measures are grouped under across plans (知识产权, 科技金融 …).

    A measure belongs to a theme when its title contains one of the theme's
    keywords, or when its plan file names the theme explicitly.
    """

    keywords: list[NonEmptyText] = Field(min_length=1, description="Words whose presence in a measure's title tags it")


class IndicatorRegistry(StrictModel):
    indicators: list[Indicator]


class SectorRegistry(StrictModel):
    sectors: list[Sector]


class PlaceRegistry(StrictModel):
    places: list[Place]


class OrganisationRegistry(StrictModel):
    organisations: list[Organisation]


class ThemeRegistry(StrictModel):
    themes: list[Theme]
