"""Stage 1, load: read YAML keeping the line and column of every key and value.

PyYAML's node graph has marks; we construct plain Python values from it and
keep a map from each path (a tuple of keys and list indexes) to its position,
so later stages can point an editor at file:line:column.

Whatever the file holds, loading never raises: every problem (not UTF-8, a
control character, a syntax error, an alias, a value YAML cannot construct)
comes back as a DataError with the position of its cause.

Two parsers, one set of rules. PyYAML's pure-Python scanner and parser are
about 90 % of a generation's load time (≈1.2 s for the real data), libyaml's
(PyYAML's C extension, when it was built with it) about a tenth of that. A file
is read first with libyaml's events, composed by the same Python composer (so
anchors and aliases are refused before anything is composed, and the marks are
libyaml's, equal to PyYAML's line and column for every node); only when that
succeeds without any problem is its result used. Anything else (a syntax error,
an alias, a duplicate key, a value YAML cannot build, not a mapping) and every
text holding something the two parsers read differently (`_PURE_PYTHON_ONLY`)
is loaded again with PyYAML's Python parser, which alone produces the errors:
their wording and positions do not depend on which parser is installed.
tests/generator/test_load.py compares both parsers on every data and fixture
file and on random and mutated texts.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.resolver import Resolver

from generator.errors import DataError

PathKey = tuple[str | int, ...]


@dataclass(frozen=True)
class Position:
    line: int  # 1-based
    column: int  # 1-based


@dataclass
class LoadedFile:
    path: Path
    display: str  # the path shown in messages, relative to the project
    data: Any
    positions: dict[PathKey, Position] = field(default_factory=dict)
    # Values YAML could not construct (already reported); the validator does not report them again.
    unbuilt: set[PathKey] = field(default_factory=set)

    def position_of(self, path: PathKey) -> Position:
        """The position of ``path``, or of its closest ancestor that has one."""
        for end in range(len(path), -1, -1):
            found = self.positions.get(tuple(path[:end]))
            if found:
                return found
        return Position(1, 1)

    def error(self, path: PathKey, code: str, message: str, hint: str | None = None) -> DataError:
        position = self.position_of(path)
        return DataError(self.display, position.line, position.column, code, message, format_path(path), hint)


def format_path(path: PathKey) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _mark(node: yaml.Node | yaml.Event | yaml.Token) -> Position:
    return Position(node.start_mark.line + 1, node.start_mark.column + 1)


# PyYAML problem (the start of its wording) -> (plain message, hint). First match wins.
SYNTAX_MESSAGES: tuple[tuple[str, str, str], ...] = (
    ("found character '\\t' that cannot start any token", "a tab character where YAML expects a value or key",
     "a tab cannot indent YAML; use spaces"),
    ("found a tab character", "a tab character in the indentation", "a tab cannot indent YAML; use spaces"),
    ("mapping values are not allowed here", "a ': ' where no key can start: the line is indented too far, "
     "or the value holds ': '", "check the indentation of this line and the one before; a value containing ': ' "
     "must be quoted, e.g. title: \"A: B\""),
    ("could not find expected ':'", "this line has no ':' after its key",
     "check the indentation of this line and the one before; a value continued on a new line must be quoted"),
    ("expected <block end>", "this line does not fit the indentation of the lines before it",
     "check the indentation of this line and the one before"),
    ("did not find expected key", "this line does not fit the indentation of the lines before it",
     "check the indentation of this line and the one before"),
    ("did not find expected '-' indicator", "this line does not fit the list it is in",
     "check the indentation of this line and the one before; every list item starts with '- '"),
    ("expected ',' or ']'", "a list written in [ ] is not closed, or an item in it holds ',' or ':'",
     "close the list with ']' on the same line, or quote the item"),
    ("expected ',' or '}'", "a mapping written in { } is not closed, or a value in it holds ',' or ':'",
     "close the mapping with '}' on the same line, or quote the value"),
    ("found unknown escape character", "a backslash in double quotes starts an unknown escape",
     "use single quotes, or write the backslash twice"),
    ("expected alphabetic or numeric character", "a value starts with '&', '*' or '!', which YAML reads as markup",
     "quote the value"),
    ("found character", "a value starts with a character YAML reserves ('@' or '`')", "quote the value"),
    ("expected a comment or a line break", "text after the closing quote",
     "quote the whole value, or remove what follows the closing quote"),
    ("found unexpected end of stream", "the file ends inside a quoted value", "close the quote"),
    ("found unexpected ':'", "an unexpected ':'", "a value containing ':' must be quoted"),
    ("but found another document", "a second document (after a '---' line) in the file",
     "a data file holds one document; remove the '---' line"),
    ("expected <document start>", "text after the end of the data",
     "check the indentation of this line; the file holds one mapping"),
    ("expected chomping or indentation indicators", "'|' or '>' must end its line",
     "start the text on the next line, indented"),
    ("found undefined tag handle", "an unknown tag (a value starting with '!')", "quote the value"),
    ("could not determine a constructor for the tag", "an unknown tag (a value starting with '!')",
     "quote the value; data files use no tags"),
)
TAG_NAMES = {"int": "a whole number", "float": "a number", "timestamp": "a date", "bool": "true or false"}
# unicodedata has no names for C0 controls; these are the ones PDF copies bring.
CONTROL_NAMES = {"\x00": "NUL", "\x08": "backspace", "\x0b": "vertical tab", "\x0c": "form feed",
                 "\x1b": "escape", "\x7f": "delete"}
SYNTAX_HINT = "check this line and the one before; a value with special characters must be quoted"


class _Refused(Exception):
    """A data-file rule PyYAML would accept (an anchor or alias), raised while composing."""

    def __init__(self, error: DataError):
        self.error = error


class _RefusingComposer(Composer):
    """A composer that refuses anchors and aliases before anything is composed.

    Data files use none, and expanding nested aliases grows exponentially (a few
    hundred bytes can take minutes), so they are an error, not a feature.
    """

    display = ""

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent):
            self._refuse(event, f"alias *{event.anchor}: aliases are not allowed in data files")
        if getattr(event, "anchor", None):
            self._refuse(event, f"anchor &{event.anchor}: anchors and aliases are not allowed in data files")
        return super().compose_node(parent, index)

    def _refuse(self, event: yaml.Event, message: str) -> None:
        position = _mark(event)
        raise _Refused(DataError(self.display, position.line, position.column, "yaml-alias", message, "",
                                 "write the value out in full where it is used"))


class _DataLoader(_RefusingComposer, yaml.SafeLoader):
    """PyYAML's SafeLoader (pure Python) with the refusing composer: the loader every error comes from."""


try:  # PyYAML built with libyaml
    from yaml.cyaml import CParser as _CParser
except ImportError:  # pragma: no cover - depends on how PyYAML was installed
    _CParser = None
LIBYAML = _CParser is not None and bool(getattr(yaml, "__with_libyaml__", False))

if _CParser is not None:
    class _LibyamlDataLoader(_RefusingComposer, _CParser, SafeConstructor, Resolver):  # type: ignore[misc, valid-type]
        """libyaml's parser (events with marks, in C) under the same Python composer, constructor and resolver.

        CParser has a composer of its own in C (get_single_node), which would keep
        anchors and share aliased nodes; the Python composer's methods are used instead.
        """

        def __init__(self, stream: str):
            _CParser.__init__(self, stream)
            SafeConstructor.__init__(self)
            Resolver.__init__(self)
            self.anchors = {}

        check_node = Composer.check_node
        get_node = Composer.get_node
        get_single_node = Composer.get_single_node
        compose_document = Composer.compose_document

# What libyaml and PyYAML's Python parser read differently, found by loading random and
# mutated texts with both: a tab as separation (libyaml accepts it after ':' or ',' and
# before a comment, PyYAML does not), a byte order mark or a NEL/LS/PS line break inside the
# text, '!' (an empty value tagged '!' is '' in one and None in the other), a block scalar
# header followed directly by '#'. A text holding any of them is loaded by PyYAML only.
_PURE_PYTHON_ONLY = re.compile(r"[\t\ufeff\x85\u2028\u2029!]|[|>][-+0-9]*#")


class _Builder:
    def __init__(self, loaded: LoadedFile, loader: yaml.SafeLoader):
        self.loaded = loaded
        self.loader = loader
        self.errors: list[DataError] = []

    def build(self, node: yaml.Node, path: PathKey) -> Any:
        self.loaded.positions.setdefault(path, _mark(node))
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*path, index)) for index, item in enumerate(node.value)]
        return self._scalar(node, path)

    def _mapping(self, node: yaml.MappingNode, path: PathKey) -> dict[Any, Any]:
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self.errors.append(DataError(self.loaded.display, *_astuple(_mark(key_node)), "invalid-key",
                                             "a key must be a word or text, not a list or mapping",
                                             format_path(path), "remove the '?' or the brackets before the key"))
                continue
            key = self._scalar(key_node, path)
            child = (*path, key)
            if key in result:
                first = self.loaded.positions.get(child)
                where = f" (first at line {first.line})" if first else ""
                self.errors.append(
                    DataError(self.loaded.display, *_astuple(_mark(key_node)), "duplicate-key",
                              f"key {key!r} appears twice in this mapping{where}", format_path(child))
                )
                continue
            self.loaded.positions[child] = _mark(key_node)
            result[key] = self.build(value_node, child)
        return result

    def _scalar(self, node: yaml.ScalarNode, path: PathKey) -> Any:
        """PyYAML raises plain exceptions for values it resolved but cannot build (2018-02-30, !!int)."""
        try:
            return self.loader.construct_object(node)
        except (ValueError, TypeError, IndexError, AttributeError, OverflowError) as exc:
            message, hint = self._unbuildable(node, exc)
            self.errors.append(DataError(self.loaded.display, *_astuple(_mark(node)), "invalid-value", message,
                                         format_path(path), hint))
            self.loaded.unbuilt.add(path)
            return None

    def _unbuildable(self, node: yaml.ScalarNode, exc: Exception) -> tuple[str, str]:
        kind = node.tag.rsplit(":", 1)[-1]
        if self.loader.resolve(yaml.ScalarNode, node.value, (True, False)) != node.tag:  # an explicit !!tag
            return (f"{node.value!r} cannot be read as {TAG_NAMES.get(kind, kind)} (it is tagged !!{kind})",
                    f"remove the '!!{kind}' tag; data files use none")
        if kind == "timestamp":
            return f"{node.value} is not a date that exists ({exc})", "check the day and month"
        return f"{node.value!r} cannot be read as {TAG_NAMES.get(kind, kind)} ({exc})", "quote the value to keep it as text"


def _astuple(position: Position) -> tuple[int, int]:
    return position.line, position.column


def load_yaml_file(path: Path, display: str, libyaml: bool | None = None) -> tuple[LoadedFile | None, list[DataError]]:
    """Load one YAML file; every problem comes back as errors, never raised.

    ``libyaml``: try libyaml's parser first (the default when PyYAML has it); False reads with PyYAML's only.
    """
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return None, [DataError(display, 1, 1, "unreadable-file", f"the file cannot be read: {exc.strerror}")]
    text, error = decode_utf8(raw, display)
    if error:
        return None, [error]
    if LIBYAML and libyaml is not False:
        fast = _load_with_libyaml(text, path, display)
        if fast is not None:
            return fast, []
    return _load_with_pyyaml(text, path, display)


def _load_with_libyaml(text: str, path: Path, display: str) -> LoadedFile | None:
    """The file loaded by libyaml's parser, or None when anything is wrong with it (or it may be read differently)."""
    if _PURE_PYTHON_ONLY.search(text) or yaml.reader.Reader.NON_PRINTABLE.search(text):
        return None
    loaded = LoadedFile(path, display, None)
    loader = _LibyamlDataLoader(text)
    loader.display = display
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        builder = _Builder(loaded, loader)
        loaded.data = builder.build(node, ())
    except (yaml.YAMLError, _Refused, RecursionError):
        return None
    if builder.errors or not isinstance(loaded.data, dict):
        return None
    return loaded


def _load_with_pyyaml(text: str, path: Path, display: str) -> tuple[LoadedFile | None, list[DataError]]:
    loaded = LoadedFile(path, display, None)
    try:
        loader = _DataLoader(text)
    except yaml.reader.ReaderError as exc:
        return None, [_control_character_error(text, exc, display)]
    loader.display = display
    try:
        node = loader.get_single_node()
        if node is None:
            return None, [DataError(display, 1, 1, "not-a-mapping", "the file is empty")]
        builder = _Builder(loaded, loader)
        loaded.data = builder.build(node, ())
    except _Refused as refused:
        return None, [refused.error]
    except yaml.MarkedYAMLError as exc:
        return None, [_syntax_error(text, exc, display)]
    except RecursionError:
        return None, [DataError(display, 1, 1, "yaml-syntax", "the file nests lists or mappings too deeply")]
    finally:
        loader.dispose()
    if not isinstance(loaded.data, dict):
        return None, [DataError(display, 1, 1, "not-a-mapping", "the file must hold a mapping (key: value) at its top")]
    return loaded, builder.errors


def decode_utf8(raw: bytes, display: str) -> tuple[str, DataError | None]:
    """The text with newlines as Python's text mode reads them, or an error at the first bad byte."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, column = byte_position(raw, exc.start)
        return "", DataError(display, line, column, "not-utf-8",
                             f"the file is not UTF-8 text: byte 0x{raw[exc.start]:02x} cannot be read here",
                             "", "save the file with the UTF-8 encoding (it may be GBK)")
    return text.replace("\r\n", "\n").replace("\r", "\n"), None


def byte_position(raw: bytes, offset: int) -> tuple[int, int]:
    """1-based line and column (in characters) of the byte at ``offset``."""
    line_start = raw.rfind(b"\n", 0, offset) + 1
    column = len(raw[line_start:offset].decode("utf-8", errors="replace")) + 1
    return raw.count(b"\n", 0, offset) + 1, column


def _control_character_error(text: str, exc: yaml.reader.ReaderError, display: str) -> DataError:
    position = exc.position
    line = text.count("\n", 0, position) + 1
    column = position - (text.rfind("\n", 0, position) + 1) + 1
    character = text[position] if position < len(text) else "\0"
    name = CONTROL_NAMES.get(character) or unicodedata.name(character, "control character").lower()
    return DataError(display, line, column, "control-character",
                     f"an invisible character U+{ord(character):04X} ({name}), often pasted from a PDF",
                     "", "delete it (retype the spaces around it)")


def _syntax_error(text: str, exc: yaml.MarkedYAMLError, display: str) -> DataError:
    problem = exc.problem or exc.context or ""
    message, hint = next(((plain, hint) for start, plain, hint in SYNTAX_MESSAGES if problem.startswith(start)),
                         (f"invalid YAML: {problem}", SYNTAX_HINT))
    mark = _cause_mark(exc)
    unclosed = _unclosed_quote(text, exc)
    if mark and problem.startswith("expected <block end>") and _after_closing_quote(text, mark):
        message, hint = "text after the closing quote", "quote the whole value, or remove what follows the closing quote"
    if unclosed is not None:
        mark = unclosed
        message, hint = "a quote opened here is not closed on its line", "close the quote on the same line"
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    return DataError(display, line, column, "yaml-syntax", message, "", hint)


def _cause_mark(exc: yaml.MarkedYAMLError) -> yaml.Mark | None:
    # Where the cause is, not where PyYAML gave up: a quoted value that runs to
    # the end of the file started at the context mark; a key without ':' is on
    # the context mark's line while the problem mark is the next line.
    problem = exc.problem or ""
    if exc.context_mark and problem.startswith(("found unexpected end of stream", "could not find expected ':'",
                                                "expected alphabetic or numeric character")):
        return exc.context_mark
    return exc.problem_mark or exc.context_mark


def _after_closing_quote(text: str, mark: yaml.Mark) -> bool:
    lines = text.split("\n")
    before = lines[mark.line][: mark.column].rstrip() if mark.line < len(lines) else ""
    return before.endswith(('"', "'"))


def _unclosed_quote(text: str, exc: yaml.MarkedYAMLError) -> yaml.Mark | None:
    """The start of a quoted value spanning lines that ends on the error's line.

    An unclosed quote runs on to the next quote character, maybe hundreds of
    lines later, and PyYAML only fails after it; data files never continue a
    quoted value on another line, so such a value is the cause.
    """
    problem_mark = exc.problem_mark
    if problem_mark is None:
        return None
    if exc.context_mark and (exc.problem or "").startswith("found unexpected end of stream"):
        return exc.context_mark if exc.context == "while scanning a quoted scalar" else None
    loader = yaml.SafeLoader(text)
    found = None
    try:
        while True:
            token = loader.get_token()
            if token is None or token.start_mark.index >= problem_mark.index:
                break
            if (isinstance(token, yaml.ScalarToken) and token.style in ('"', "'")
                    and token.start_mark.line != token.end_mark.line
                    and token.end_mark.line == problem_mark.line):
                found = token.start_mark
    except yaml.YAMLError:
        pass
    finally:
        loader.dispose()
    return found
