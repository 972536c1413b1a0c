"""Caches that let the preview regenerate after an edit without redoing unchanged work.

Loading YAML is most of the time of load + validate (on the real data about
0.28 s of 0.3 s with libyaml's parser, 1.1 s of 1.16 s with PyYAML's pure-Python
one, see generator/load.py; pydantic's validation is ~0.01 s), and an edit
changes one file. `InputCache` keeps, per data file, the result of
`validate_file` for the file's last bytes, and per source text the parsed
blocks, so a regeneration re-reads every file (to hash it) but re-loads,
re-validates and re-parses only what changed. One entry per path: memory
does not grow with the number of edits.

Reusing a ValidatedFile is safe because its bytes are unchanged and the only
thing the link stage writes into a model (a provenance's default `source`) is
the same value on every run; tests/generator/test_preview.py checks the
pages made with the cache equal the pages made without it, edit after edit.

The cache is passed into the ordinary stages (`validate_data_dir(...,
validate_one=cache.validate_file)`, `link_dataset(..., parse=cache.parse_source_file)`),
so the pipeline has one code path with or without it.
"""

from __future__ import annotations

import hashlib
import threading
from collections import Counter
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from generator.errors import DataError
from generator.link import Dataset, link_dataset
from generator.source_text import SourceText, parse_source_file
from generator.validate import ValidatedFile, validate_data_dir, validate_file


def _digest(path: Path) -> bytes | None:
    try:
        return hashlib.blake2b(path.read_bytes(), digest_size=16).digest()
    except OSError:
        return None  # missing or unreadable: not cached, the stage reports it


class InputCache:
    """Results of loading, validating and parsing, keyed by each file's bytes."""

    def __init__(self) -> None:
        self._validated: dict[tuple[str, str, str], tuple[bytes, tuple[ValidatedFile | None, list[DataError]]]] = {}
        self._parsed: dict[tuple[str, tuple[tuple[int, int], ...]], tuple[bytes, SourceText]] = {}
        self._lock = threading.Lock()
        self.stats: Counter[str] = Counter()  # hits and misses, for tests and the log

    def validate_file(self, path: Path, model: type[BaseModel], display: str) -> tuple[ValidatedFile | None, list[DataError]]:
        """generator.validate.validate_file, reusing the result for unchanged bytes."""
        digest = _digest(path)
        key = (str(path), model.__name__, display)
        with self._lock:
            cached = self._validated.get(key)
        if digest is not None and cached and cached[0] == digest:
            self.stats["validate-hit"] += 1
            return cached[1][0], list(cached[1][1])
        self.stats["validate-miss"] += 1
        result = validate_file(path, model, display)
        # Store only when the file did not change while it was read (an editor still saving).
        if digest is not None and _digest(path) == digest:
            with self._lock:
                self._validated[key] = (digest, (result[0], list(result[1])))
        return result

    def parse_source_file(self, path: Path, ranges: list[tuple[int, int]]) -> SourceText:
        """generator.source_text.parse_source_file, reusing the blocks of an unchanged text."""
        digest = _digest(path)
        key = (str(path), tuple(tuple(r) for r in ranges))
        with self._lock:
            cached = self._parsed.get(key)
        if digest is not None and cached and cached[0] == digest:
            self.stats["parse-hit"] += 1
            return cached[1]
        self.stats["parse-miss"] += 1
        parsed = parse_source_file(path, ranges)
        if digest is not None and _digest(path) == digest:
            with self._lock:
                self._parsed[key] = (digest, parsed)
        return parsed

    def build_dataset(self, data_dir: Path, root: Path) -> Dataset:
        """pipeline.build_dataset with this cache: load, validate and link; raises DataErrors."""
        files = validate_data_dir(data_dir, root, validate_one=self.validate_file)
        return link_dataset(files, data_dir, parse=self.parse_source_file)

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        stats: dict[str, Any] = dict(self.stats)
        return f"InputCache({len(self._validated)} files, {len(self._parsed)} texts, {stats})"
