"""A pytest plugin for `make mutate` (scripts/mutate.py): each mutant is tried against every test
selected for its module, not only the test that first called the mutated function.

mutmut credits a function to the test during whose run it was called. Our fixtures are module-
and session-scoped (one form configuration, one loaded site), so a function called while one is
built is credited to the first test that asked for it, and a mutant there would be tried against
that test alone, never against the tests that assert on what the fixture made. The selections
are small, so trying each mutant against all of them costs seconds and misses nothing.
"""

from __future__ import annotations

from typing import Any

import pytest

_seen: set[str] = set()
_tests: set[str] = set()


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_teardown(item: Any, nextitem: Any) -> None:
    """Before mutmut's own teardown hook clears them: the functions this test called."""
    from mutmut.state import state  # noqa: PLC0415 (only under mutmut)

    _seen.update(state()._stats)
    _tests.add(item.nodeid.removeprefix("mutants/"))


def pytest_sessionfinish(session: Any, exitstatus: int) -> None:
    """Every function called in the selection is credited to every test of it."""
    from mutmut.state import state  # noqa: PLC0415

    credited = state().tests_by_mangled_function_name
    for function in _seen:
        credited[function] |= _tests
