"""The data model: one pydantic model per kind of YAML file, validated strictly.

Every model forbids unknown keys, so a misspelt field is an error with a
position instead of silently lost data.
"""

from generator.models.common import Provenance, Value
from generator.models.plan import Plan
from generator.models.registries import (
    IndicatorRegistry,
    OrganisationRegistry,
    PlaceRegistry,
    SectorRegistry,
    ThemeRegistry,
)
from generator.models.sources import SourceRegistry

__all__ = [
    "IndicatorRegistry",
    "OrganisationRegistry",
    "PlaceRegistry",
    "Plan",
    "Provenance",
    "SectorRegistry",
    "SourceRegistry",
    "ThemeRegistry",
    "Value",
]
