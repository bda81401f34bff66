"""When a recurring event happens: its dates in a span, its next one, and how to say its rule.

A lunar-day event falls on the solar days whose Vietnamese lunar date (`calendar.lunar`) has
one of its days; a day 30 happens only in the lunar months that have 30 days (a short month
has no 30th, and the page says so). A weekly event falls on its weekdays. `since`/`until`
bound both.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from babel.dates import format_date

from heritage.calendar import lunar
from heritage.content.schema import WEEKDAYS
from heritage.i18n import WEEKDAY_NAMES

# The calendar page, the home page and the .ics all look this far ahead.
HORIZON_DAYS = 365


@lru_cache(maxsize=4096)
def _lunar_day(day: dt.date) -> int:
    return lunar.to_lunar(day).day


def falls_on(repeat, day: dt.date) -> bool:
    """Whether the event happens on `day` (Viet Nam's date)."""
    if (repeat.since and day < repeat.since) or (repeat.until and day > repeat.until):
        return False
    if (repeat.months and day.month not in repeat.months) or (repeat.except_dates and day in repeat.except_dates):
        return False
    if repeat.weekdays is not None:
        return WEEKDAYS[day.weekday()] in repeat.weekdays
    return _lunar_day(day) in repeat.lunar_days


def dates_between(event, first: dt.date, last: dt.date) -> list[dt.date]:
    """Every day from `first` to `last` (inclusive) the event happens on."""
    repeat = event.data.repeat
    start = max(first, repeat.since or first)
    end = min(last, repeat.until or last)
    return [start + dt.timedelta(days=i) for i in range((end - start).days + 1) if falls_on(repeat, start + dt.timedelta(days=i))]


def coming(event, today: dt.date, days: int = HORIZON_DAYS) -> list[dt.date]:
    """Its dates from today over the next `days` days."""
    return dates_between(event, today, today + dt.timedelta(days=days - 1))


def next_date(event, today: dt.date) -> dt.date | None:
    """The next date from today (within a year), or None when it has ended or not yet begun."""
    found = coming(event, today)
    return found[0] if found else None


def _ordinal_en(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _and(parts: list[str], lang: str) -> str:
    word = " và " if lang == "vi" else " and "
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + word + parts[-1]


def _lunar_day_vi(day: int) -> str:
    """Mùng một … mùng mười, rằm for the 15th, then 'ngày 16'."""
    if day == 15:
        return "rằm"
    return f"mùng {day}" if day <= 10 else f"ngày {day}"


def _month_name(month: int, lang: str) -> str:
    return f"tháng {month}" if lang == "vi" else format_date(dt.date(2024, month, 1), "MMMM", locale="en")


def months_text(months: list[int] | None, lang: str) -> str:
    """'từ tháng 3 đến tháng 11' / 'March to November' for a run of months; else a list
    ('tháng 1, tháng 6 và tháng 12'); '' when it runs all year."""
    if not months or len(months) == 12:
        return ""
    runs: list[list[int]] = []
    for month in months:
        if runs and month == runs[-1][-1] + 1:
            runs[-1].append(month)
        else:
            runs.append([month])
    if len(runs) == 2 and runs[0][0] == 1 and runs[-1][-1] == 12:  # a run across the new year
        runs = [runs[1] + runs[0]]
    parts = []
    for run in runs:
        if len(run) > 2:
            first, last = _month_name(run[0], lang), _month_name(run[-1], lang)
            parts.append(f"từ {first} đến {last}" if lang == "vi" else f"{first} to {last}")
        else:
            parts += [_month_name(m, lang) for m in run]
    return _and(parts, lang)


def rule_text(repeat, lang: str) -> str:
    """'Mùng 1 và rằm hằng tháng (âm lịch)' / 'The 1st and 15th day of every lunar month';
    'Thứ Bảy hằng tuần' / 'Every Saturday'; with its months when it keeps to some
    ('Thứ Bảy hằng tuần, từ tháng 3 đến tháng 11' / 'Every Saturday, March to November')."""
    if repeat.weekdays is not None:
        names = [WEEKDAY_NAMES[lang][d] for d in repeat.weekdays]
        text = f"{_and(names, lang)} hằng tuần" if lang == "vi" else "Every " + _and(names, lang)
    elif lang == "vi":
        text = _and([_lunar_day_vi(d) for d in repeat.lunar_days], lang)
        text = text[0].upper() + text[1:] + " hằng tháng (âm lịch)"
    else:
        text = "The " + _and([_ordinal_en(d) for d in repeat.lunar_days], lang) + " day of every lunar month"
    months = months_text(getattr(repeat, "months", None), lang)
    return f"{text}, {months}" if months else text


def except_text(repeat, lang: str, fmt) -> str:
    """'Nghỉ: 07/02/2027' / 'Not on: 7 February 2027', or ''."""
    if not repeat.except_dates:
        return ""
    days = _and([fmt(day, lang) for day in repeat.except_dates], lang)
    return ("Nghỉ: " if lang == "vi" else "Not on: ") + days


def bounds_text(repeat, lang: str, fmt) -> str:
    """'Từ 01/03/2026 đến 30/06/2026' / 'From 1 March 2026 until 30 June 2026', or ''."""
    parts = []
    if repeat.since:
        parts.append(("từ " if lang == "vi" else "from ") + fmt(repeat.since, lang))
    if repeat.until:
        parts.append(("đến " if lang == "vi" else "until ") + fmt(repeat.until, lang))
    text = " ".join(parts)
    return text[:1].upper() + text[1:]
