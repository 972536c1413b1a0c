"""The template check finds every expression that prints data without an escaping filter."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.errors import DataErrors
from generator.render import make_environment
from generator.template_check import assert_templates_escape_data, check_templates

TEMPLATES = Path(__file__).resolve().parents[2] / "site_templates"


def problems_in(tmp_path: Path, source: str) -> list[str]:
    (tmp_path / "case.md.j2").write_text(source, encoding="utf-8")
    return [problem.expression for problem in check_templates(make_environment(tmp_path), tmp_path)]


def test_the_site_templates_escape_every_data_expression() -> None:
    assert check_templates(make_environment(TEMPLATES), TEMPLATES) == []


@pytest.mark.parametrize("expression", [
    'zone.role or "" | cell',  # `x or ("" | cell)`: a set role is printed raw
    "zone.role",
    'zone.focus | join("、")',
    "plan.short_title ~ '!'",
    "data.places[zone.place].name",
    "entry.name | truncate(40)",
])
def test_unescaped_expressions_are_found(tmp_path: Path, expression: str) -> None:
    assert problems_in(tmp_path, "text {{ " + expression + " }} text\n") == [expression]


@pytest.mark.parametrize("expression", [
    '(zone.role or "") | cell',
    "zone.role | md",
    "entry.name | front_matter",
    "value.number | number",
    "zone.id",
    "provenance.anchor[1:]",
    'links.source(zone.provenance)',
    "labels.LEVELS[plan.level]",
    '(labels.A if flag else labels.B)[row.change]',
    "value.year",
    '"—"',
])
def test_escaped_and_constrained_expressions_pass(tmp_path: Path, expression: str) -> None:
    assert problems_in(tmp_path, "{{ " + expression + " }}\n") == []


def test_a_macro_call_passes_and_its_own_outputs_are_checked(tmp_path: Path) -> None:
    source = '{% macro cell_of(x) %}{{ x.name }}{% endmacro %}\n{{ cell_of(zone) }}\n'
    assert problems_in(tmp_path, source) == ["x.name"]


def test_the_build_stops_with_the_template_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "case.md.j2").write_text("one\n{{ zone.role or '' | cell }}\n", encoding="utf-8")
    with pytest.raises(DataErrors) as caught:
        assert_templates_escape_data(make_environment(tmp_path), tmp_path)
    [error] = caught.value.errors
    assert (error.file, error.line, error.code) == ("site_templates/case.md.j2", 2, "unescaped-output")
