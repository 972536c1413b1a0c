"""Stage 1, load: read YAML keeping the line and column of every key and value.

PyYAML's node graph has marks; we construct plain Python values from it and
keep a map from each path (a tuple of keys and list indexes) to its position,
so later stages can point an editor at file:line:column.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

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


def _mark(node: yaml.Node) -> Position:
    return Position(node.start_mark.line + 1, node.start_mark.column + 1)


class _Builder:
    def __init__(self, loaded: LoadedFile, loader: yaml.SafeLoader):
        self.loaded = loaded
        self.loader = loader
        self.errors: list[DataError] = []

    def build(self, node: yaml.Node, path: PathKey) -> Any:
        self.loaded.positions.setdefault(path, _mark(node))
        if isinstance(node, yaml.MappingNode):
            result: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                key = self.loader.construct_object(key_node)
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
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*path, index)) for index, item in enumerate(node.value)]
        return self.loader.construct_object(node)


def _astuple(position: Position) -> tuple[int, int]:
    return position.line, position.column


def load_yaml_file(path: Path, display: str) -> tuple[LoadedFile | None, list[DataError]]:
    """Load one YAML file; YAML syntax errors come back as errors, never raised."""
    loaded = LoadedFile(path, display, None)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        return None, [DataError(display, 1, 1, "yaml-syntax", f"the file is not UTF-8: {exc.reason}")]
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, [DataError(display, 1, 1, "not-a-mapping", "the file is empty")]
        builder = _Builder(loaded, loader)
        loaded.data = builder.build(node, ())
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        message = " ".join(part for part in (exc.context, exc.problem) if part)
        return None, [DataError(display, line, column, "yaml-syntax", message)]
    finally:
        loader.dispose()
    if not isinstance(loaded.data, dict):
        return None, [DataError(display, 1, 1, "not-a-mapping", "the file must hold a mapping (key: value) at its top")]
    return loaded, builder.errors
