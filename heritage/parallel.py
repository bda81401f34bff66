"""Run part of a build in a forked process and collect what it returns.

Why fork and not multiprocessing: the parts to run are "the rest of this build, for the
other language" and "the outputs made from the data", and a fork starts them with
everything already loaded and validated (the inventory, the prepared media, the
templates) instead of doing it all again. Written by
hand because no library forks a running build: this is the few lines around os.fork().

Only where fork is safe: POSIX, no other thread running (a fork copies only the calling
thread). `HERITAGE_SERIAL_BUILD=1` turns it off, for comparison and for debugging.
"""

from __future__ import annotations

import os
import pickle
import signal
import sys
import threading
import traceback
from collections.abc import Callable
from typing import Any

SERIAL_ENV = "HERITAGE_SERIAL_BUILD"


class ForkedTaskError(Exception):
    """The child failed; the message is what it raised (or how it died)."""


def can_fork() -> bool:
    return hasattr(os, "fork") and threading.active_count() == 1 and os.environ.get(SERIAL_ENV, "") in ("", "0")


class ForkedTask:
    """A child process running a task; `result()` waits for it."""

    def __init__(self, pid: int, reader: int):
        self.pid = pid
        self._reader = reader
        self._done = False

    def result(self) -> Any:
        """What the task returned; ForkedTaskError with its message if it raised or died."""
        with os.fdopen(self._reader, "rb") as pipe:
            payload = pipe.read()
        _, status = os.waitpid(self.pid, 0)
        self._done = True
        if payload:
            ok, value = pickle.loads(payload)
            if ok:
                return value
            raise ForkedTaskError(value)
        raise ForkedTaskError(f"process {self.pid} ended without a result (status {status})")

    def cancel(self) -> None:
        """Stop the child (the parent failed; nobody will use its work)."""
        if self._done:
            return
        try:
            os.kill(self.pid, signal.SIGTERM)
            os.waitpid(self.pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass
        try:
            os.close(self._reader)
        except OSError:
            pass
        self._done = True


def fork(task: Callable[[], Any]) -> ForkedTask:
    """Run `task` in a child process. The child never returns from this call."""
    reader, writer = os.pipe()
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid:
        os.close(writer)
        return ForkedTask(pid, reader)
    os.close(reader)
    code = 0
    try:
        payload = pickle.dumps((True, task()))
    except BaseException as exc:  # noqa: BLE001 - everything goes to the parent, which reports it
        # A task says what went wrong with ForkedTaskError; anything else is a bug: full traceback.
        message = str(exc) if isinstance(exc, ForkedTaskError) else "".join(traceback.format_exception(exc))
        payload = pickle.dumps((False, message))
        code = 1
    try:
        with os.fdopen(writer, "wb") as pipe:
            pipe.write(payload)
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
