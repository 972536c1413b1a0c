"""Jobs run in forked processes give what they give in-process, in the same order."""

from __future__ import annotations

import threading

import pytest

from generator import worker_processes
from generator.worker_processes import run_in_workers


def numbered_makers(count: int) -> dict[str, object]:
    return {f"page-{index:04d}.md": (lambda index=index: f"# {index}\n" * (index % 7 + 1)) for index in range(count)}


def made(makers: dict, monkeypatch: pytest.MonkeyPatch, processes: str) -> dict[str, str]:
    monkeypatch.setenv(worker_processes.PROCESSES_SETTING, processes)
    return run_in_workers(makers)


def test_forked_workers_give_the_same_pages_in_the_same_order(monkeypatch: pytest.MonkeyPatch) -> None:
    makers = numbered_makers(500)
    one = made(makers, monkeypatch, "1")
    # The end-to-end tests' web server thread may be running in this test process: it is idle.
    monkeypatch.setattr(worker_processes.threading, "active_count", lambda: 1)
    contexts: list[str] = []
    get_context = worker_processes.multiprocessing.get_context
    monkeypatch.setattr(worker_processes.multiprocessing, "get_context",
                        lambda method: contexts.append(method) or get_context(method))
    two = made(makers, monkeypatch, "2")
    assert contexts == ["fork"]
    assert list(two) == list(makers) and two == one
    assert two["page-0013.md"] == "# 13\n" * 7


def test_few_pages_or_a_threaded_process_make_them_in_process(monkeypatch: pytest.MonkeyPatch) -> None:
    forks: list[object] = []
    monkeypatch.setattr(worker_processes.multiprocessing, "get_context", lambda method: forks.append(method))
    assert made(numbered_makers(10), monkeypatch, "2") == {name: make() for name, make in numbered_makers(10).items()}
    release = threading.Event()
    server = threading.Thread(target=release.wait)  # as mkdocs serve's server thread would be
    server.start()
    try:
        assert len(made(numbered_makers(500), monkeypatch, "2")) == 500
    finally:
        release.set()
        server.join()
    assert forks == []


def test_an_error_in_a_worker_reaches_the_caller(monkeypatch: pytest.MonkeyPatch) -> None:
    makers = numbered_makers(300)
    makers["page-0100.md"] = lambda: 1 / 0
    monkeypatch.setattr(worker_processes.threading, "active_count", lambda: 1)
    with pytest.raises(ZeroDivisionError):
        made(makers, monkeypatch, "2")
