"""Two builds of the same inputs are byte-identical, whatever day they run on."""

from __future__ import annotations

import datetime as dt
import gzip
import os
import struct

import pytest

from generator.build import BUILD_INPUTS, build_site
from generator.pipeline import ProjectPaths
from tests.integration.test_last_good_site import tree_digest

pytestmark = pytest.mark.slow
# A day that is not today: the build must carry this date, not the day it runs.
INPUTS_DATE = dt.datetime(2020, 1, 2, 8, 30, tzinfo=dt.timezone.utc)


def date_inputs(project: ProjectPaths, when: dt.datetime) -> None:
    for name in BUILD_INPUTS:
        path = project.root / name
        for file in [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file()]:
            os.utime(file, (when.timestamp(), when.timestamp()))


def test_two_builds_are_byte_identical_and_dated_by_their_inputs(
        minimal_project: ProjectPaths, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    # both builds really build: an unchanged second build would otherwise be skipped as up to date
    monkeypatch.setenv("PLAN_COMPARE_FORCE_BUILD", "1")
    date_inputs(minimal_project, INPUTS_DATE)
    assert build_site(minimal_project) == 0
    first = tree_digest(minimal_project.site)
    date_inputs(minimal_project, INPUTS_DATE)  # the first build rewrote generated pages
    assert build_site(minimal_project) == 0
    assert tree_digest(minimal_project.site) == first

    assert sitemap_gzip_mtime(minimal_project) == midnight(INPUTS_DATE)


def sitemap_gzip_mtime(project: ProjectPaths) -> int:
    compressed = (project.site / "sitemap.xml.gz").read_bytes()
    assert gzip.decompress(compressed) == (project.site / "sitemap.xml").read_bytes()
    (mtime,) = struct.unpack("<I", compressed[4:8])  # RFC 1952: MTIME is bytes 4-7
    return mtime


def midnight(when: dt.datetime) -> int:
    """MkDocs dates the sitemap by the day of SOURCE_DATE_EPOCH."""
    return int(dt.datetime(when.year, when.month, when.day, tzinfo=dt.timezone.utc).timestamp())


def test_source_date_epoch_from_the_environment_wins(minimal_project: ProjectPaths,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    when = dt.datetime(2019, 5, 6, 12, tzinfo=dt.timezone.utc)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(when.timestamp())))
    assert build_site(minimal_project) == 0
    assert sitemap_gzip_mtime(minimal_project) == midnight(when)
