"""Link-stage mistakes outside a plan file: sources.yaml, the source texts, registry chains.

Each cause is reported once, at the entry that has it; errors that only follow
from it (references to a source whose text is missing, quotes against a
duplicated source) are not reported. Positions are counted by hand in the
minimal fixture (data/sources.yaml: line 2 `  - id: mini`, line 5 `    file: mini.txt`, whose key is at column 5; positions are those of keys).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.errors import DataError, DataErrors
from generator.pipeline import ProjectPaths, build_dataset

BROKEN = Path(__file__).resolve().parent.parent / "fixtures" / "broken"


def errors_of(project: ProjectPaths) -> list[DataError]:
    with pytest.raises(DataErrors) as caught:
        build_dataset(project)
    return caught.value.errors


def positions(errors: list[DataError]) -> list[tuple[str, int, int, str]]:
    return [(error.file, error.line, error.column, error.code) for error in errors]


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_misspelt_source_file_is_one_error_with_the_real_name(minimal_project: ProjectPaths) -> None:
    edit(minimal_project.data / "sources.yaml", "file: mini.txt", "file: mnii.txt")
    [error] = errors_of(minimal_project)  # no "no source with id 'mini'" for each quote
    assert positions([error]) == [("data/sources.yaml", 5, 5, "source-file-missing")]
    assert error.hint == "did you mean 'mini.txt'?"


def test_source_file_that_is_a_directory(minimal_project: ProjectPaths) -> None:
    (minimal_project.data / "sources" / "texts").mkdir()
    edit(minimal_project.data / "sources.yaml", "file: mini.txt", "file: texts")
    [error] = errors_of(minimal_project)
    assert positions([error]) == [("data/sources.yaml", 5, 5, "source-file-unreadable")]
    assert "directory" in error.message


def test_source_text_not_utf8_names_its_line(minimal_project: ProjectPaths) -> None:
    text_file = minimal_project.data / "sources" / "mini.txt"
    # GBK 科 is 0xBF 0xC6, and 0xBF cannot start a UTF-8 character: the bad byte is line 2, column 3.
    text_file.write_bytes(b"Title\nab" + "科技发展规划".encode("gbk") + b"\n")
    [error] = errors_of(minimal_project)
    assert positions([error]) == [("data/sources.yaml", 5, 5, "source-file-unreadable")]
    assert "not UTF-8" in error.message and "line 2, column 3" in error.message


def test_line_range_past_the_end_names_the_line_count(minimal_project: ProjectPaths) -> None:
    # Line 8 is "    lines: [{start: 20, end: 40}]": the key 'end' is at column 25; mini.txt has 30 lines.
    sources = minimal_project.data / "sources.yaml"
    sources.write_text(sources.read_text(encoding="utf-8") + "    lines: [{start: 20, end: 40}]\n", encoding="utf-8")
    [error] = errors_of(minimal_project)  # the quotes against the cut text are not checked
    assert positions([error]) == [("data/sources.yaml", 8, 25, "source-lines-out-of-range")]
    assert "has 30 lines" in error.message


def test_duplicate_source_id_is_reported_alone(minimal_project: ProjectPaths) -> None:
    sources = minimal_project.data / "sources.yaml"
    sources.write_text(sources.read_text(encoding="utf-8")
                       + "  - id: mini\n    title: 另一文件\n    kind: notice\n    file: mini.txt\n", encoding="utf-8")
    [error] = errors_of(minimal_project)  # no quote errors against either text
    assert positions([error]) == [("data/sources.yaml", 8, 5, "duplicate-id")]
    assert "line 2" in error.message


def test_root_cause_in_sources_is_reported_first(minimal_project: ProjectPaths) -> None:
    edit(minimal_project.data / "sources.yaml", "file: mini.txt", "file: mnii.txt")
    shutil.copy(BROKEN / "unknown_place.yaml", minimal_project.data / "plans" / "mini-plan.yaml")
    found = positions(errors_of(minimal_project))
    assert found == [("data/sources.yaml", 5, 5, "source-file-missing"),
                     ("data/plans/mini-plan.yaml", 47, 14, "unknown-reference")]


def test_sector_parent_cycle_is_reported_once(minimal_project: ProjectPaths) -> None:
    (minimal_project.data / "registries" / "sectors.yaml").write_text(
        "sectors:\n"
        "  - id: next-gen-it\n"
        "    name: 新一代信息技术\n"
        "    parent: software\n"  # line 4
        "  - id: software\n"
        "    name: 软件\n"
        "    parent: next-gen-it\n", encoding="utf-8")
    [error] = errors_of(minimal_project)
    assert positions([error]) == [("data/registries/sectors.yaml", 4, 5, "reference-cycle")]
    assert error.path == "sectors[0].parent"
    assert "next-gen-it → software → next-gen-it" in error.message


def test_place_successor_and_parent_cycles(minimal_project: ProjectPaths) -> None:
    places = minimal_project.data / "registries" / "places.yaml"
    places.write_text(places.read_text(encoding="utf-8")
                      + "  - id: old-park\n"     # line 8
                        "    name: 旧园区\n"
                        "    kind: park\n"
                        "    successor: new-park\n"  # line 11
                        "  - id: new-park\n"
                        "    name: 新园区\n"
                        "    kind: park\n"
                        "    successor: old-park\n"  # line 15
                        "    parent: new-park\n",    # line 16: its own parent
                      encoding="utf-8")
    errors = errors_of(minimal_project)
    assert positions(errors) == [("data/registries/places.yaml", 11, 5, "reference-cycle"),
                                 ("data/registries/places.yaml", 16, 5, "reference-cycle")]
    assert "old-park → new-park → old-park" in errors[0].message
    assert "new-park → new-park" in errors[1].message


def test_plan_that_is_its_own_successor(minimal_project: ProjectPaths) -> None:
    plan = minimal_project.data / "plans" / "mini-plan.yaml"
    plan.write_text(plan.read_text(encoding="utf-8") + "successor: mini-plan\n", encoding="utf-8")
    assert positions(errors_of(minimal_project)) == [("data/plans/mini-plan.yaml", 57, 1, "self-reference")]
