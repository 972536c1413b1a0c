"""The loader turns every YAML mistake into a positioned DataError, in plain words, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.load import load_yaml_file

# (file text, line, column, a word of the hint) — positions counted by hand.
SYNTAX_CASES = [
    ("a: 1\n\tb: 2\n", 2, 1, "tab cannot indent"),
    ("title: 目标: 建设\n", 1, 10, "must be quoted"),
    ("a: 1\nb\nc: 2\n", 2, 1, "indentation"),
    ("a:\n  b: 1\n c: 2\n", 3, 2, "indentation"),
    ("a: [x, y\nb: 2\n", 2, 2, "close the list"),
    ("a: {x: 1\nb: 2\n", 2, 2, "close the mapping"),
    ('a: "C:\\q"\n', 1, 8, "single quotes"),  # PyYAML marks the escaped character
    ("a: *创新*\n", 1, 4, "quote the value"),
    ("a: @home\n", 1, 4, "quote the value"),
    ('a: "x" y\n', 1, 8, "remove what follows"),
    ('a: 1\nb: "x\nc: 2\n', 2, 4, "close the quote"),
    ('a: 1\nb: "x\nc: 2\nd: "y"\ne: 3\n', 2, 4, "close the quote"),
    ("a: 1\n---\nb: 2\n", 2, 1, "one document"),
    ("a: !foo x\n", 1, 4, "no tags"),
]


def load_text(tmp_path: Path, text: str | bytes):
    path = tmp_path / "file.yaml"
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return load_yaml_file(path, "file.yaml")


@pytest.mark.parametrize(("text", "line", "column", "hint"), SYNTAX_CASES)
def test_syntax_errors_are_placed_and_explained(tmp_path: Path, text: str, line: int, column: int, hint: str) -> None:
    loaded, [error] = load_text(tmp_path, text)
    assert loaded is None
    assert (error.line, error.column, error.code) == (line, column, "yaml-syntax")
    assert hint in (error.hint or "")
    assert "while scanning" not in error.message and "while parsing" not in error.message


def test_bad_byte_is_placed_at_its_line_and_column(tmp_path: Path) -> None:
    _, [error] = load_text(tmp_path, "a: 1\nb: 示例".encode() + b"\xff\n")
    assert (error.line, error.column, error.code) == (2, 6, "not-utf-8")


def test_control_character_is_placed_and_named(tmp_path: Path) -> None:
    _, [error] = load_text(tmp_path, "a: 1\nb: 第一\x0c页\n")
    assert (error.line, error.column, error.code) == (2, 6, "control-character")
    assert "form feed" in error.message


def test_windows_line_endings_keep_their_lines(tmp_path: Path) -> None:
    loaded, errors = load_text(tmp_path, "a: 1\r\nb: 2\r\n")
    assert not errors and loaded.data == {"a": 1, "b": 2}
    assert loaded.position_of(("b",)).line == 2


def test_aliases_are_refused_before_any_expansion(tmp_path: Path) -> None:
    laughs = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
        f"{name}: &{name} [{', '.join([f'*{previous}'] * 9)}]\n"
        for previous, name in zip("abcdefghi", "bcdefghij"))
    _, [error] = load_text(tmp_path, laughs)
    assert (error.line, error.column, error.code) == (1, 4, "yaml-alias")


def test_undefined_alias_is_an_alias_error(tmp_path: Path) -> None:
    _, [error] = load_text(tmp_path, "a: 1\nb: *nowhere\n")
    assert (error.line, error.column, error.code) == (2, 4, "yaml-alias")


def test_a_value_yaml_cannot_build_is_reported_once(tmp_path: Path) -> None:
    loaded, [error] = load_text(tmp_path, "a: 2018-02-30\nb: ok\n")
    assert (error.line, error.column, error.code) == (1, 4, "invalid-value")
    assert loaded.data == {"a": None, "b": "ok"} and loaded.unbuilt == {("a",)}


def test_mapping_as_key(tmp_path: Path) -> None:
    _, [error] = load_text(tmp_path, "{a: 1}: x\nb: 2\n")
    assert (error.line, error.column, error.code) == (1, 1, "invalid-key")


def test_deep_nesting_is_an_error(tmp_path: Path) -> None:
    _, [error] = load_text(tmp_path, "a: " + "[" * 5000 + "]" * 5000 + "\n")
    assert error.code == "yaml-syntax"


def test_directory_instead_of_file(tmp_path: Path) -> None:
    (tmp_path / "file.yaml").mkdir()
    loaded, [error] = load_yaml_file(tmp_path / "file.yaml", "file.yaml")
    assert loaded is None and error.code == "unreadable-file"
