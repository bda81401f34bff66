"""Under CI=true no test may be skipped: there a skip, for whatever reason, is a failure.

A skipped browser test looks like a passed one in a green summary; on CI nothing is missing
on purpose (`make test` installs what the tests need), so a skip can only hide a problem.
tests/conftest.py imports these hooks; outside CI a skip stays a skip.
"""

from __future__ import annotations

import os

import pytest


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def _reason(longrepr) -> str:
    text = longrepr[2] if isinstance(longrepr, tuple) and len(longrepr) == 3 else str(longrepr)
    return text.removeprefix("Skipped: ")


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.skipped and not hasattr(report, "wasxfail") and in_ci():
        report.outcome = "failed"
        report.longrepr = f"skipped under CI=true, where no test may be skipped: {_reason(report.longrepr)}"
    return report


@pytest.hookimpl(wrapper=True)
def pytest_make_collect_report(collector):
    report = yield
    if report.skipped and in_ci():
        report.outcome = "failed"
        report.longrepr = f"skipped under CI=true, where no test may be skipped: {_reason(report.longrepr)}"
    return report
