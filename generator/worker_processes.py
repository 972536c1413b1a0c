"""Run many independent jobs (the pages) in forked worker processes, one per core, when there are
enough of them.

Each page is a pure function of the linked dataset and the comparisons (PageRenderer's makers),
so the jobs can run in any process and any order: the results are put back in the jobs' order and
are the same as running them one after the other. Rendering is most of the generator's time (7.4
of 11.3 s at 70 plans in benchmarks/scale.py) and this machine has two cores.

Fork, not spawn: a child starts with the dataset already in memory, nothing is pickled but the job
names going out and the Markdown coming back. (Loading and validating the data files in workers
gained nothing, 2.98 s → 2.88 s at 70 plans: sending the validated files back costs what it saves.) Only from a process with no other thread running
(fork copies one thread and whatever locks the others hold): under `mkdocs serve`, whose server
runs threads, the pages are made in-process.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, Generic, TypeVar

# Set to a number of processes (1: run every job in this process).
PROCESSES_SETTING = "PLAN_COMPARE_WORKERS"
# Fewer jobs than this run in-process: forking costs more than it saves (the test fixtures).
FORK_FROM_JOBS = 50
# Jobs go out in this many batches per process, so a process that drew slow ones does not hold up the rest.
BATCHES_PER_PROCESS = 8

T = TypeVar("T")
Jobs = dict[str, Callable[[], T]]
_jobs_in_child: dict[str, Callable[[], Any]] = {}


def process_count() -> int:
    setting = os.environ.get(PROCESSES_SETTING, "").strip()
    if setting.isdigit() and int(setting) > 0:
        return int(setting)
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def _can_fork(jobs: int, processes: int) -> bool:
    return (processes > 1 and jobs >= FORK_FROM_JOBS and threading.active_count() == 1
            and "fork" in multiprocessing.get_all_start_methods())


def _run_batch(names: list[str]) -> list[tuple[str, Any]]:
    return [(name, _jobs_in_child[name]()) for name in names]


class PendingResults(Generic[T]):
    """Jobs running; ``results()`` waits for them and gives them in the jobs' order."""

    def __init__(self, jobs: Jobs[T], batches: Iterator[list[tuple[str, T]]] | None) -> None:
        self.jobs, self.batches = jobs, batches

    def results(self) -> dict[str, T]:
        if self.batches is None:
            return {name: job() for name, job in self.jobs.items()}
        done = dict(pair for batch in self.batches for pair in batch)
        return {name: done[name] for name in self.jobs}


@contextmanager
def running_in_workers(jobs: Jobs[T]) -> Iterator[PendingResults[T]]:
    """Start the jobs; the caller may do other work (the open data) before ``results()``, which it
    must ask for inside the ``with``."""
    processes = process_count()
    if not _can_fork(len(jobs), processes):
        yield PendingResults(jobs, None)
        return
    global _jobs_in_child
    _jobs_in_child = jobs  # inherited by the forked children, never pickled
    names = list(jobs)
    count = processes * BATCHES_PER_PROCESS
    batches = [names[start::count] for start in range(count)]
    try:
        with multiprocessing.get_context("fork").Pool(processes) as pool:
            yield PendingResults(jobs, pool.imap_unordered(_run_batch, batches))
    finally:
        _jobs_in_child = {}


def run_in_workers(jobs: Jobs[T]) -> dict[str, T]:
    with running_in_workers(jobs) as pending:
        return pending.results()
