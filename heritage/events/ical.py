"""Recurring events in the language's calendar file (.ics), beside the festivals.

A weekly event is one VEVENT with an RRULE (FREQ=WEEKLY;BYDAY=…, BYMONTH from `months`,
UNTIL from `until`) and EXDATEs from `except_dates`; a
lunar-day event cannot be a rule any calendar app computes, so each of its dates in the next
twelve months is a VEVENT of its own. Times are local to Viet Nam (TZID Asia/Ho_Chi_Minh,
with its VTIMEZONE); UIDs are stable from build to build, as the festivals' are.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from icalendar import Alarm, Event, vGeo, vRecur

from heritage.events import dates as event_dates
from heritage.i18n import t

ZONE = ZoneInfo("Asia/Ho_Chi_Minh")
REMINDER = dt.timedelta(hours=-1)
BYDAY = {"mo": "MO", "tu": "TU", "we": "WE", "th": "TH", "fr": "FR", "sa": "SA", "su": "SU"}


def _at(day: dt.date, time: str) -> dt.datetime:
    hours, minutes = map(int, time.split(":"))
    return dt.datetime.combine(day, dt.time(hours, minutes), tzinfo=ZONE)


def _event(site, record, lang: str, day: dt.date, uid: str, today: dt.date) -> Event:
    d = record.data
    event = Event()
    event.add("uid", uid)
    event.add("summary", record.name(lang))
    event.add("dtstart", _at(day, d.time.start))
    end = _at(day, d.time.end) if d.time.end else _at(day, d.time.start) + dt.timedelta(hours=1)
    event.add("dtend", end)
    event.add("dtstamp", dt.datetime.combine(today, dt.time(0, 0), tzinfo=dt.timezone.utc))
    url = site.absolute(record.url(lang))
    event.add("url", url)
    event.add("description", f"{d.summary(lang)}\n\n{event_dates.rule_text(d.repeat, lang)}\n{url}")
    entry = site.inventory.resolve(d.place.entry) if d.place.entry else None
    location = entry.data.location if entry is not None else None
    where = d.place.address(lang) if d.place.address else (location.address(lang) if location is not None and location.address is not None else None)
    if where or entry is not None:
        event.add("location", ", ".join(x for x in (entry.name(lang) if entry else "", where or "") if x))
    if d.place.lat is not None:
        event.add("geo", vGeo((d.place.lat, d.place.lon)))
    elif location is not None:
        event.add("geo", vGeo((location.lat, location.lon)))
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", t("ics_event_reminder", lang, name=record.name(lang)))
    alarm.add("trigger", REMINDER)
    event.add_component(alarm)
    return event


def record_components(site, record, lang: str, today: dt.date, host: str) -> list[Event]:
    """One event's VEVENTs: a weekly rule, or its dated lunar days; none when it has ended."""
    repeat = record.data.repeat
    coming = event_dates.coming(record, today)
    if not coming:
        return []  # ended, or begins more than a year from now
    if repeat.lunar_days is not None:
        return [_event(site, record, lang, day, f"{record.id}-{day.isoformat()}-{host}", today) for day in coming]
    first = max(repeat.since or coming[0], today - dt.timedelta(days=7))
    first = next((first + dt.timedelta(days=i) for i in range(7) if event_dates.falls_on(repeat, first + dt.timedelta(days=i))), coming[0])
    event = _event(site, record, lang, first, f"{record.id}-{host}", today)
    rule = {"freq": "weekly", "byday": [BYDAY[d] for d in repeat.weekdays]}
    if repeat.months:  # the months it runs in (RFC 5545 BYMONTH)
        rule["bymonth"] = list(repeat.months)
    if repeat.until:  # UNTIL in UTC, as RFC 5545 requires with a zoned DTSTART
        rule["until"] = _at(repeat.until, "23:59").astimezone(dt.timezone.utc)
    event.add("rrule", vRecur(rule))
    whole = repeat.model_copy(update={"except_dates": None})
    skipped = [day for day in repeat.except_dates or () if day >= first and event_dates.falls_on(whole, day)]
    if skipped:  # days the rule gives that do not happen (Tết): EXDATE, at the start time
        event.add("exdate", [_at(day, record.data.time.start) for day in skipped])
    return [event]


def components(site, lang: str, today: dt.date, host: str) -> list[Event]:
    """Every event's VEVENTs for the language's calendar."""
    return [e for record in sorted(site.inventory.events.values(), key=lambda e: e.id) for e in record_components(site, record, lang, today, host)]
