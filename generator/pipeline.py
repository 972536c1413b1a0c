"""The pipeline in one place: load and validate -> link -> render, with the project's paths."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.link import Dataset, link_dataset
from generator.validate import validate_data_dir

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class ProjectPaths:
    root: Path

    @property
    def data(self) -> Path:
        return self.root / "data"

    @property
    def templates(self) -> Path:
        return self.root / "site_templates"

    @property
    def content(self) -> Path:
        return self.root / "content"

    @property
    def site(self) -> Path:
        return self.root / "site"


def build_dataset(paths: ProjectPaths) -> Dataset:
    """Load, validate and link every data file; raises DataErrors listing all problems."""
    files = validate_data_dir(paths.data, paths.root)
    return link_dataset(files, paths.data)
