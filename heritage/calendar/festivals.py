"""When festivals happen: lunar dates resolved to Gregorian ones, recurrence, upcoming lists."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from heritage.calendar import lunar
from heritage.content.inventory import EntryRecord, Inventory
from heritage.problems import Problem
from heritage.text import vi_sort_key


@dataclass(frozen=True)
class Occurrence:
    entry: EntryRecord
    year: int  # the (lunar, for lunar festivals) year it belongs to
    start: dt.date
    days: int
    note: str = ""  # why a rule moved the date: "leap-missing", "day-30"

    @property
    def end(self) -> dt.date:
        """Last day (inclusive)."""
        return self.start + dt.timedelta(days=self.days - 1)


def held_in(entry: EntryRecord, year: int) -> bool:
    """Whether the festival is held in (lunar or solar) `year` (every/since)."""
    when = entry.data.when
    if when.every is None:
        return True
    return year >= when.since and (year - when.since) % when.every == 0


def occurrence(entry: EntryRecord, year: int) -> Occurrence | None:
    """The festival in the (lunar, for lunar festivals) year `year`, or None when not held."""
    when = entry.data.when
    if not held_in(entry, year):
        return None
    if when.calendar == "solar":
        try:
            return Occurrence(entry, year, dt.date(year, when.month, when.day), when.days)
        except ValueError:  # 29 February in a common year: the 28th, the month's last day
            return Occurrence(entry, year, dt.date(year, 2, 28), when.days, "day-30")
    resolved = lunar.resolve(year, when.month, when.day, when.leap)
    return Occurrence(entry, year, resolved.start, when.days, resolved.note)


def festivals(inv: Inventory) -> list[EntryRecord]:
    return [e for e in inv.entries.values() if e.section == "le-hoi"]


def between(inv: Inventory, first: dt.date, last: dt.date) -> list[Occurrence]:
    """Occurrences overlapping [first, last], in date order (then Vietnamese name order)."""
    out = []
    for entry in festivals(inv):
        for year in range(first.year - 1, last.year + 1):
            found = occurrence(entry, year)
            if found and found.end >= first and found.start <= last:
                out.append(found)
    return sorted(out, key=lambda o: (o.start, vi_sort_key(o.entry.name("vi"))))


def upcoming(inv: Inventory, today: dt.date, days: int = 365) -> list[Occurrence]:
    """Festivals under way or starting within `days` days of `today`."""
    return between(inv, today, today + dt.timedelta(days=days))


# How far ahead a festival's page and its calendar files look.
HORIZON_YEARS = 3


def horizon(today: dt.date, years: int = HORIZON_YEARS) -> dt.date:
    """`years` after today (28 February for 29 February)."""
    try:
        return today.replace(year=today.year + years)
    except ValueError:
        return dt.date(today.year + years, 2, 28)


def coming(entry: EntryRecord, today: dt.date, years: int = HORIZON_YEARS) -> list[Occurrence]:
    """The occurrences not yet over that start within `years` of today, and always at least
    the next one: the festival's page, its own .ics and the whole calendar all show these,
    so a festival held every few years shows its next edition, never only a past one."""
    when = entry.data.when
    last = horizon(today, years)
    found = []
    # A festival first held years from now (`since`) is looked for from then on.
    first = max(today.year - 1, when.since or 0)
    for year in range(first, first + years + (when.every or 1) + 2):
        o = occurrence(entry, year)
        if o is None or o.end < today:
            continue
        if o.start > last and found:
            break
        found.append(o)
        if o.start > last:
            break
    return found


def all_coming(inv: Inventory, today: dt.date, years: int = HORIZON_YEARS) -> list[Occurrence]:
    """`coming` for every festival, in date order (then Vietnamese name order)."""
    out = [o for entry in festivals(inv) for o in coming(entry, today, years)]
    return sorted(out, key=date_order)


def date_order(o: Occurrence) -> tuple:
    """The calendars' order: by date, then by the festival's Vietnamese name."""
    return (o.start, vi_sort_key(o.entry.name("vi")))


def next_dates(entry: EntryRecord, today: dt.date) -> list[Occurrence]:
    """This year's and the next two years' dates (fewer for a festival held every few years)."""
    return [o for o in (occurrence(entry, year) for year in range(today.year, today.year + 3)) if o]


def calendar_problems(inv: Inventory, today: dt.date) -> list[Problem]:
    """Warnings where a stated rule moves a festival in the coming three years."""
    out = []
    for entry in festivals(inv):
        when = entry.data.when
        if when.calendar != "lunar":
            continue
        for found in next_dates(entry, today):
            if found.note == "leap-missing":
                out.append(
                    Problem(
                        entry.rel,
                        f"Năm âm lịch {found.year} không có tháng {when.month} nhuận: lễ hội được tính theo tháng {when.month} thường ({found.start.strftime('%d/%m/%Y')}).",
                        f"Lunar year {found.year} has no leap month {when.month}: the festival is dated in the regular month {when.month} ({found.start.isoformat()}).",
                        "Nếu lễ hội chỉ tổ chức vào năm có tháng nhuận, ghi rõ trong bài giới thiệu; nếu không, đặt leap: false.",
                        "If the festival is only held in years with that leap month, say so in its story; otherwise set leap: false.",
                        field="when.leap",
                        line=entry.line("when", "leap"),
                        severity="warning",
                    )
                )
    return out
