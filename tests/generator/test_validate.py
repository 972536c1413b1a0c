"""Broken data files give the expected error codes at the expected positions.

Each tests/fixtures/broken/<case>.yaml replaces the minimal fixture's plan;
<case>.expected lists "line:column code" for every error, reviewed against the
fixture by hand.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.errors import DataErrors
from generator.pipeline import ProjectPaths, build_dataset

BROKEN = Path(__file__).resolve().parent.parent / "fixtures" / "broken"
CASES = sorted(path.stem for path in BROKEN.glob("*.yaml"))


def errors_for(project: ProjectPaths, plan_file: Path) -> DataErrors:
    shutil.copy(plan_file, project.data / "plans" / "mini-plan.yaml")
    with pytest.raises(DataErrors) as caught:
        build_dataset(project)
    return caught.value


def test_minimal_fixture_is_valid(minimal_project: ProjectPaths) -> None:
    dataset = build_dataset(minimal_project)
    assert list(dataset.plans) == ["mini-plan"]


@pytest.mark.parametrize("case", CASES)
def test_broken_file_reports_expected_errors(minimal_project: ProjectPaths, case: str) -> None:
    expected = [line.split() for line in (BROKEN / f"{case}.expected").read_text().splitlines() if line]
    errors = errors_for(minimal_project, BROKEN / f"{case}.yaml")
    found = [[f"{error.line}:{error.column}", error.code] for error in errors.errors]
    assert found == expected
    assert all(error.file == "data/plans/mini-plan.yaml" for error in errors.errors)


def test_every_broken_case_has_an_expected_file() -> None:
    assert CASES and all((BROKEN / f"{case}.expected").exists() for case in CASES)


def test_unknown_reference_suggests_the_closest_id(minimal_project: ProjectPaths) -> None:
    errors = errors_for(minimal_project, BROKEN / "unknown_place.yaml")
    [error] = errors.errors
    assert error.path == "measures[0].places[0]"
    assert "'demo-parc'" in error.message
    assert error.hint == "did you mean 'demo-park'?"


def test_misspelt_field_suggests_the_real_field(minimal_project: ProjectPaths) -> None:
    [error] = errors_for(minimal_project, BROKEN / "misspelt_field.yaml").errors
    assert error.hint == "did you mean 'lead_units'?"


def test_quote_in_other_paragraph_names_the_right_anchor(minimal_project: ProjectPaths) -> None:
    [error] = errors_for(minimal_project, BROKEN / "quote_in_other_paragraph.yaml").errors
    assert error.hint == "the quote is in paragraph p11"


def test_errors_of_several_files_are_reported_together(minimal_project: ProjectPaths) -> None:
    registry = minimal_project.data / "registries" / "places.yaml"
    registry.write_text(registry.read_text(encoding="utf-8") + "  - id: demo-park\n    name: 另一园区\n    kind: park\n",
                        encoding="utf-8")
    shutil.copy(BROKEN / "unknown_place.yaml", minimal_project.data / "plans" / "mini-plan.yaml")
    with pytest.raises(DataErrors) as caught:
        build_dataset(minimal_project)
    found = {(error.file, error.code) for error in caught.value.errors}
    assert found == {("data/registries/places.yaml", "duplicate-id"),
                     ("data/plans/mini-plan.yaml", "unknown-reference")}


def test_alias_shared_by_two_places_is_an_error(minimal_project: ProjectPaths) -> None:
    registry = minimal_project.data / "registries" / "places.yaml"
    registry.write_text(registry.read_text(encoding="utf-8")
                        + "  - id: other-park\n    name: 另一园区\n    kind: park\n    aliases:\n      - name: 示范园\n",
                        encoding="utf-8")
    with pytest.raises(DataErrors) as caught:
        build_dataset(minimal_project)
    assert [(error.code, error.line) for error in caught.value.errors] == [("duplicate-alias", 12)]


def test_report_lists_file_line_column_and_hint(minimal_project: ProjectPaths) -> None:
    report = errors_for(minimal_project, BROKEN / "unknown_place.yaml").report()
    assert report.splitlines() == [
        "data/plans/mini-plan.yaml:47:14: error[unknown-reference] at measures[0].places[0]: no place with id 'demo-parc'",
        "    hint: did you mean 'demo-park'?",
        "1 error in 1 file; nothing was written.",
    ]


def test_unknown_theme_names_the_theme_registry(minimal_project: ProjectPaths) -> None:
    [error] = errors_for(minimal_project, BROKEN / "unknown_theme.yaml").errors
    assert error.path == "measures[0].themes[0]"
    assert error.hint == "did you mean 'fiscal-support'?"


def test_plan_saved_as_yml_is_reported_not_ignored(minimal_project: ProjectPaths) -> None:
    shutil.copy(minimal_project.data / "plans" / "mini-plan.yaml", minimal_project.data / "plans" / "other-plan.yml")
    with pytest.raises(DataErrors) as caught:
        build_dataset(minimal_project)
    [error] = caught.value.errors
    assert (error.file, error.line, error.column, error.code) == ("data/plans/other-plan.yml", 1, 1, "wrong-extension")
    assert error.hint == "rename it to other-plan.yaml"
