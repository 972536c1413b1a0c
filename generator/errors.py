"""Errors are data: a stable code, a message, a file and a position, collected then reported once."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Iterable

# Stable codes; tests compare (file, line, column, code), never the wording.
CODES = {
    "unescaped-output": "a template prints a value without an escaping filter (a developer's mistake)",
    "yaml-syntax": "the file is not valid YAML",
    "duplicate-key": "a key appears twice in one mapping",
    "not-a-mapping": "the file must hold a mapping at its top",
    "unknown-field": "a field the model does not know (misspelt?)",
    "missing-field": "a required field is missing",
    "invalid-value": "a value of the wrong type or form",
    "end-before-start": "a period or range ends before it starts",
    "number-not-in-text": "a value's number is not in its text as written",
    "duplicate-id": "two entries share one id",
    "unknown-reference": "an id that no registry entry has",
    "unknown-source": "a provenance names a source document that is not registered",
    "unknown-anchor": "a provenance names a paragraph its source does not have",
    "missing-quote": "a captured item has no quote",
    "quote-not-in-source": "a quote that is not in the paragraph it names",
    "value-not-in-quote": "a value's text as written is not in its quote",
    "source-file-missing": "a registered source file does not exist",
    "duplicate-alias": "one name is given to two registry entries",
    "not-utf-8": "a data file is not UTF-8 text",
    "unreadable-file": "a data file cannot be read (a directory, or no permission)",
    "control-character": "an invisible control character, such as a form feed pasted from a PDF",
    "yaml-alias": "a YAML anchor (&name) or alias (*name), which data files do not use",
    "invalid-key": "a mapping key that is a list or mapping",
    "wrong-extension": "a plan file that does not end in .yaml, so it would not be read",
    "source-file-unreadable": "a registered source file is a directory or not UTF-8 text",
    "source-lines-out-of-range": "a source's line range goes past the end of its file",
    "self-reference": "a plan names itself as its predecessor or successor",
    "reference-cycle": "a chain of parents or successors that leads back to where it started",
}


def report_rank(file: str) -> int:
    """Files in the order the data depends on them: a broken source explains errors in the plans."""
    parts = PurePosixPath(file.replace("\\", "/")).parts
    if parts and parts[-1] == "sources.yaml":
        return 0
    if "registries" in parts:
        return 1
    return 2


@dataclass(frozen=True, order=True)
class DataError:
    file: str
    line: int
    column: int
    code: str
    message: str
    path: str = ""
    hint: str | None = None

    def format(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}"
        field = f" at {self.path}" if self.path else ""
        text = f"{where}: error[{self.code}]{field}: {self.message}"
        if self.hint:
            text += f"\n    hint: {self.hint}"
        return text


class DataErrors(Exception):
    """Raised once, at the end of a stage, with every error that stage found."""

    def __init__(self, errors: Iterable[DataError]):
        self.errors = sorted(set(errors), key=lambda error: (report_rank(error.file), error))
        super().__init__(f"{len(self.errors)} data error(s)")

    def report(self) -> str:
        lines = [error.format() for error in self.errors]
        count = len(self.errors)
        files = len({error.file for error in self.errors})
        lines.append(f"{count} error{'s' if count != 1 else ''} in {files} file{'s' if files != 1 else ''}; nothing was written.")
        return "\n".join(lines)


def closest(word: str, candidates: Iterable[str], count: int = 3) -> list[str]:
    return difflib.get_close_matches(word, sorted(set(candidates)), n=count, cutoff=0.5)


def did_you_mean(word: str, candidates: Iterable[str]) -> str | None:
    matches = closest(word, candidates)
    if not matches:
        return None
    return "did you mean " + " or ".join(repr(match) for match in matches) + "?"
