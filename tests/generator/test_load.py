"""The loader turns every YAML mistake into a positioned DataError, in plain words, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator import load as load_module
from generator.load import LIBYAML, load_yaml_file

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


# --- libyaml and PyYAML's Python parser give one result -------------------------------------------

REPO = Path(__file__).resolve().parents[2]
YAML_FILES = sorted([*(REPO / "data").rglob("*.yaml"), *(REPO / "tests" / "fixtures").rglob("*.yaml")])
needs_libyaml = pytest.mark.skipif(not LIBYAML, reason="PyYAML was built without libyaml")
# Texts the two parsers read differently (tabs, a byte order mark, NEL/LS/PS, '!', '|#'): all
# are loaded by PyYAML alone, so the result is PyYAML's. Found by comparing the parsers.
DIVERGENT_TEXTS = ["a: [x,\tb]\n", "a: b\t# c\n", "a: b\t\n", "a:\tb\n", "\ufeff\ufeffa: b\n", "\u2028\ufeff：\n",
                   "#{\x85|1#}", "a: x\u2028y\nb: 2\n", "!\n", "a: !\n", "a: |#x\n  text\n", "a: >#\n  text\n",
                   "a: 1\x7f\n"]


def outcome(loaded, errors) -> tuple:
    """Everything a load returns, comparable (repr: NaN is not equal to itself)."""
    if loaded is None:
        return None, errors
    return repr(loaded.data), loaded.positions, loaded.unbuilt, errors


def both_parsers(path: Path) -> tuple[tuple, tuple]:
    return (outcome(*load_yaml_file(path, "file.yaml", libyaml=True)),
            outcome(*load_yaml_file(path, "file.yaml", libyaml=False)))


@needs_libyaml
@pytest.mark.parametrize("path", YAML_FILES, ids=lambda path: str(path.relative_to(REPO)))
def test_libyaml_and_pyyaml_agree_on_every_data_and_fixture_file(path: Path) -> None:
    fast, pure = both_parsers(path)
    assert fast == pure


@needs_libyaml
@pytest.mark.parametrize("text", DIVERGENT_TEXTS)
def test_texts_the_parsers_read_differently_get_pyyaml_s_result(tmp_path: Path, text: str) -> None:
    (tmp_path / "file.yaml").write_text(text, encoding="utf-8")
    fast, pure = both_parsers(tmp_path / "file.yaml")
    assert fast == pure


@needs_libyaml
def test_a_clean_file_is_read_by_libyaml_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def not_called(*args):
        raise AssertionError("the pure-Python parser was used for a clean file")

    monkeypatch.setattr(load_module, "_load_with_pyyaml", not_called)
    loaded, errors = load_yaml_file(REPO / "tests" / "fixtures" / "minimal" / "data" / "plans" / "mini-plan.yaml", "x")
    assert loaded is not None and not errors and loaded.positions


# Characters that make YAML (and the parsers' differences): indicators, quotes, breaks, CJK text.
YAML_ALPHABET = st.sampled_from(list("\x0c\x00 \"':-[]{}&*!|>#%@`,?\\\n\n\n  abc01.~=yYnN+_") +
                                ["：", "“", "\u3000", "示", "\u2028", "\x85", "\ufeff", "\u00a0", "\t"])
MINIMAL_FILES = sorted((REPO / "tests" / "fixtures" / "minimal" / "data").rglob("*.yaml"))


@st.composite
def mutated_fixture(draw: st.DrawFn) -> str:
    lines = draw(st.sampled_from(MINIMAL_FILES)).read_text(encoding="utf-8").splitlines(keepends=True)
    for _ in range(draw(st.integers(1, 5))):
        index = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["delete", "duplicate", "insert", "indent", "dedent"]))
        if action == "delete" and len(lines) > 1:
            del lines[index]
        elif action == "duplicate":
            lines.insert(index, lines[index])
        elif action == "indent":
            lines[index] = "  " + lines[index]
        elif action == "dedent":
            lines[index] = lines[index][1:]
        else:
            column = draw(st.integers(0, len(lines[index])))
            pasted = draw(st.text(YAML_ALPHABET, min_size=1, max_size=4))
            lines[index] = lines[index][:column] + pasted + lines[index][column:]
    return "".join(lines)


@needs_libyaml
@settings(max_examples=300, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(text=st.one_of(st.text(YAML_ALPHABET, max_size=60), mutated_fixture()))
def test_libyaml_and_pyyaml_agree_on_random_and_mutated_texts(tmp_path: Path, text: str) -> None:
    path = tmp_path / "file.yaml"
    path.write_text(text, encoding="utf-8")
    fast, pure = both_parsers(path)
    assert fast == pure
