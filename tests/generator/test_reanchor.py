"""Anchors moved by a change of paragraph numbering are repaired in place."""

from __future__ import annotations

from generator.pipeline import ProjectPaths, build_dataset
from generator.reanchor import reanchor


def test_moved_anchor_is_rewritten_and_nothing_else(minimal_project: ProjectPaths) -> None:
    plan = minimal_project.data / "plans" / "mini-plan.yaml"
    original = plan.read_text(encoding="utf-8")
    plan.write_text(original.replace("provenance: {anchor: p11, quote: 区内高新技术企业达到 600 家}",
                                     "provenance: {anchor: p12, quote: 区内高新技术企业达到 600 家}"), encoding="utf-8")
    report = reanchor(minimal_project)
    assert report == ["data/plans/mini-plan.yaml:39: p12 -> p11"]
    assert plan.read_text(encoding="utf-8") == original
    build_dataset(minimal_project)
