"""heritage.parallel: a forked task's result, its errors and its death reach the parent."""

from __future__ import annotations

import os
import signal
import threading

import pytest

from heritage import parallel


def test_result_comes_back_from_the_child():
    parent = os.getpid()
    task = parallel.fork(lambda: {"pid": os.getpid(), "hashes": {"'sha256-x'"}})
    result = task.result()
    assert result["hashes"] == {"'sha256-x'"} and result["pid"] != parent


def test_a_task_error_keeps_its_message():
    def fail():
        raise parallel.ForkedTaskError("docs/en/gioi-thieu/index.md: <script>")

    with pytest.raises(parallel.ForkedTaskError, match=r"^docs/en/gioi-thieu/index.md: <script>$"):
        parallel.fork(fail).result()


def test_a_bug_in_the_child_comes_back_with_its_traceback():
    with pytest.raises(parallel.ForkedTaskError, match=r"(?s)Traceback.*ZeroDivisionError"):
        parallel.fork(lambda: 1 / 0).result()


def test_a_child_that_dies_is_an_error():
    with pytest.raises(parallel.ForkedTaskError, match="without a result"):
        parallel.fork(lambda: os._exit(3)).result()


def test_cancel_stops_a_running_child():
    task = parallel.fork(signal.pause)  # a child that runs until it is stopped
    task.cancel()
    with pytest.raises(ChildProcessError):
        os.waitpid(task.pid, os.WNOHANG)


@pytest.mark.parametrize("value, allowed", [("", True), ("0", True), ("1", False)])
def test_serial_switch(monkeypatch, value, allowed):
    monkeypatch.setattr(parallel.threading, "active_count", lambda: 1)
    monkeypatch.setenv(parallel.SERIAL_ENV, value)
    assert parallel.can_fork() is allowed


def test_no_fork_while_another_thread_runs(monkeypatch):
    """A fork copies only the calling thread: whatever the other one holds would stay locked."""
    monkeypatch.delenv(parallel.SERIAL_ENV, raising=False)
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert parallel.can_fork() is False
    finally:
        stop.set()
        other.join()
