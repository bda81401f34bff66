"""Waiting on a condition, never on the clock: the one polling loop of the tests.

What a test waits for outside the browser (a file the editor's proxy writes, a git branch, a
server that answers) has no event to wait on, so it is polled; a wait that times out FAILS the
test, naming what did not happen, instead of letting the test go on to assert on a half-done
state. Inside a page, wait with Playwright (`locator.wait_for`, `page.wait_for_function`,
`expect(...)`), which polls the page itself. tests/test_ci.py keeps fixed sleeps out of every
other test file.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

import pytest

T = TypeVar("T")


def until(condition: Callable[[], T], what: str, seconds: float = 30, every: float = 0.2, ignore: tuple[type[BaseException], ...] = ()) -> T:
    """`condition()`'s first true value, polled every `every` s; fails the test after `seconds`.

    `ignore`: exceptions that mean "not yet" (a server not listening yet raises OSError).
    """
    deadline = time.monotonic() + seconds
    while True:
        try:
            found = condition()
        except ignore:
            found = None
        if found:
            return found
        if time.monotonic() >= deadline:
            pytest.fail(f"waited {seconds:g} s for {what}; it did not happen", pytrace=False)
        time.sleep(every)  # the polling interval between two looks at the condition
