"""Make the pages in forked worker processes, one per core, when there are enough of them.

Each page is a pure function of the linked dataset and the comparisons (PageRenderer's makers),
so pages can be made in any process and any order: the result is put back in the makers' order
and is the same, byte for byte, as making them one after the other. Rendering is most of the
generator's time (7.4 of 11.3 s at 70 plans in benchmarks/scale.py) and this machine has two cores.

Fork, not spawn: a child starts with the dataset already in memory, nothing is pickled but the page
names going out and the Markdown coming back. Only from a process with no other thread running
(fork copies one thread and whatever locks the others hold): under `mkdocs serve`, whose server
runs threads, the pages are made in-process.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

# Set to a number of processes (1: make every page in this process).
PROCESSES_SETTING = "PLAN_COMPARE_RENDER_PROCESSES"
# Fewer pages than this are made in-process: forking costs more than it saves (the test fixtures).
FORK_FROM_PAGES = 200
# Pages go out in this many batches per process, so a process that drew slow pages does not hold up the rest.
BATCHES_PER_PROCESS = 8

PageMakers = dict[str, Callable[[], str]]
_makers_in_child: PageMakers = {}


def process_count() -> int:
    setting = os.environ.get(PROCESSES_SETTING, "").strip()
    if setting.isdigit() and int(setting) > 0:
        return int(setting)
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def _can_fork(pages: int, processes: int) -> bool:
    return (processes > 1 and pages >= FORK_FROM_PAGES and threading.active_count() == 1
            and "fork" in multiprocessing.get_all_start_methods())


def _make_batch(names: list[str]) -> list[tuple[str, str]]:
    return [(name, _makers_in_child[name]()) for name in names]


class PendingPages:
    """Pages being made; ``result()`` waits for them and gives them in the makers' order."""

    def __init__(self, makers: PageMakers, batches: Iterator[list[tuple[str, str]]] | None) -> None:
        self.makers, self.batches = makers, batches

    def result(self) -> dict[str, str]:
        if self.batches is None:
            return {name: make() for name, make in self.makers.items()}
        made = dict(pair for batch in self.batches for pair in batch)
        return {name: made[name] for name in self.makers}


@contextmanager
def making_pages(makers: PageMakers) -> Iterator[PendingPages]:
    """Start making the pages; the caller may do other work (the open data) before ``result()``."""
    processes = process_count()
    if not _can_fork(len(makers), processes):
        yield PendingPages(makers, None)
        return
    global _makers_in_child
    _makers_in_child = makers  # inherited by the forked children, never pickled
    names = list(makers)
    count = processes * BATCHES_PER_PROCESS
    batches = [names[start::count] for start in range(count)]
    try:
        with multiprocessing.get_context("fork").Pool(processes) as pool:
            yield PendingPages(makers, pool.imap_unordered(_make_batch, batches))
    finally:
        _makers_in_child = {}
