"""The MkDocs hook generates content/ before a build, unless the build's caller has just done it."""

from __future__ import annotations

import importlib.util
import sys
from types import ModuleType

import pytest

from generator.pipeline import ProjectPaths


def load_hook(project: ProjectPaths) -> ModuleType:
    path = project.root / "hooks" / "generate_pages.py"
    spec = importlib.util.spec_from_file_location("generate_pages_under_test", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    sys.path.remove(str(project.root))  # the hook puts its project on sys.path
    return module


def test_the_hook_generates_content(minimal_project: ProjectPaths, monkeypatch: pytest.MonkeyPatch) -> None:
    hook = load_hook(minimal_project)
    monkeypatch.delenv(hook.GENERATED, raising=False)
    hook.on_pre_build(config=None)
    assert (minimal_project.content / "plans" / "mini-plan.md").exists()


def test_the_hook_does_not_generate_twice(minimal_project: ProjectPaths, monkeypatch: pytest.MonkeyPatch) -> None:
    hook = load_hook(minimal_project)
    monkeypatch.setenv(hook.GENERATED, "1")
    hook.on_pre_build(config=None)
    assert not (minimal_project.content / "plans").exists()
