"""Shared fixtures: throw-away copies of the project, so tests never touch the working tree."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.pipeline import ProjectPaths

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
PROJECT_PARTS = ("generator", "site_templates", "hooks", "mkdocs.yml")


def copy_project(target: Path, data_dir: Path) -> ProjectPaths:
    """A project at ``target`` with the real code and templates and the given data."""
    for part in PROJECT_PARTS:
        source = REPO / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, target / part)
    content = target / "content"
    content.mkdir()
    shutil.copy(REPO / "content" / "open-data.md", content / "open-data.md")
    shutil.copytree(REPO / "content" / "stylesheets", content / "stylesheets")
    shutil.copytree(REPO / "content" / "javascripts", content / "javascripts")
    shutil.copytree(data_dir, target / "data")
    (target / "tools").symlink_to(REPO / "tools", target_is_directory=True)  # Pagefind, installed by make
    return ProjectPaths(target)


@pytest.fixture
def minimal_project(tmp_path: Path) -> ProjectPaths:
    return copy_project(tmp_path / "project", FIXTURES / "minimal" / "data")


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> ProjectPaths:
    """The real data built into a complete site, once per test session (in a copy of the project)."""
    from generator.build import build_site

    project = copy_project(tmp_path_factory.mktemp("real") / "project", REPO / "data")
    assert build_site(project) == 0, "the real site must build with mkdocs --strict"
    return project
