"""'Today', replaceable by HERITAGE_TODAY=YYYY-MM-DD (contract) for builds, checks and tests."""

from __future__ import annotations

import datetime as dt
import os

ENV = "HERITAGE_TODAY"


class ClockError(ValueError):
    pass


def today() -> dt.date:
    value = os.environ.get(ENV, "").strip()
    if not value:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ClockError(
            f"{ENV}={value!r} không phải ngày dạng NĂM-THÁNG-NGÀY (ví dụ 2026-02-17). / "
            f"{ENV}={value!r} is not a YEAR-MONTH-DAY date (e.g. 2026-02-17)."
        ) from None
