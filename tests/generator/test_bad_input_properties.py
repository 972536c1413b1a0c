"""Whatever an editor types, load, validate and link end in success or DataErrors, never another exception.

Random text and bytes, random structures dumped to YAML, and mutations of the
minimal fixture's own files (lines deleted, duplicated, characters inserted)
go through build_dataset on one throw-away copy of the minimal project
(the minimal_project fixture).
Bounded and derandomized, so the run is repeatable in CI.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.errors import DataErrors
from generator.pipeline import ProjectPaths, build_dataset

MINIMAL = Path(__file__).resolve().parent.parent / "fixtures" / "minimal" / "data"
PLAN = "plans/mini-plan.yaml"
MUTATED_FILES = (PLAN, "sources.yaml", "registries/places.yaml", "registries/sectors.yaml")
SETTINGS = settings(max_examples=200, deadline=None, derandomize=True, database=None,
                    # The one minimal_project copy serves every example: each example restores the file it changed.
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                           HealthCheck.function_scoped_fixture])

scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=20),
                    st.dates(), st.sampled_from(["mini", "p5", "demo-park", "2018-02-30", ".inf", "*x", "&x"]))
keys = st.one_of(st.sampled_from(["id", "title", "provenance", "anchor", "quote", "values", "number", "text",
                                  "measures", "indicators", "source", "level", "kind", "period", "sources"]),
                 st.text(max_size=10), st.integers())
structures = st.recursive(scalars, lambda children: st.one_of(
    st.lists(children, max_size=4), st.dictionaries(keys, children, max_size=4)), max_leaves=25)
# Characters editors paste: control characters, tabs, quotes, YAML indicators, Chinese punctuation.
pasted = st.text(alphabet=st.sampled_from(list("\x0c\x00\t \"':-[]{}&*!|>#%@`,?\\\n") + ["：", "“", "\u3000", "示"]),
                 min_size=1, max_size=5)


def only_data_errors(project: ProjectPaths, name: str, content: bytes) -> None:
    target = project.data / name
    try:
        target.write_bytes(content)
        build_dataset(project)
    except DataErrors as errors:
        assert errors.errors, "DataErrors must carry at least one error"
        errors.report()
    finally:
        target.write_bytes((MINIMAL / name).read_bytes())


@SETTINGS
@given(content=st.one_of(st.binary(max_size=300), st.text(max_size=300).map(str.encode)))
def test_random_bytes_and_text(minimal_project: ProjectPaths, content: bytes) -> None:
    only_data_errors(minimal_project, PLAN, content)


@SETTINGS
@given(structure=structures)
def test_random_structures_dumped_to_yaml(minimal_project: ProjectPaths, structure: object) -> None:
    only_data_errors(minimal_project, PLAN, yaml.safe_dump(structure, allow_unicode=True).encode())


@st.composite
def mutated_files(draw: st.DrawFn) -> tuple[str, bytes]:
    name = draw(st.sampled_from(MUTATED_FILES))
    lines = (MINIMAL / name).read_text(encoding="utf-8").splitlines(keepends=True)
    for _ in range(draw(st.integers(1, 4))):
        index = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["delete", "duplicate", "insert"]))
        if action == "delete" and len(lines) > 1:
            del lines[index]
        elif action == "duplicate":
            lines.insert(index, lines[index])
        else:
            column = draw(st.integers(0, len(lines[index])))
            lines[index] = lines[index][:column] + draw(pasted) + lines[index][column:]
    return name, "".join(lines).encode()


@SETTINGS
@given(mutation=mutated_files())
def test_mutations_of_the_minimal_project(minimal_project: ProjectPaths, mutation: tuple[str, bytes]) -> None:
    only_data_errors(minimal_project, *mutation)
