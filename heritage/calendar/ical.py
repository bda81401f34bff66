"""iCalendar (RFC 5545) files of the festivals, one per language, written with `icalendar`.

All-day events over the next three years; a UID that stays the same from build to
build (entry id and year), so a phone that subscribed updates events instead of
duplicating them.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from urllib.parse import urlsplit

from icalendar import Calendar, Event, vGeo

from heritage import urls
from heritage.calendar import festivals
from heritage.i18n import format_recurring


def build_calendar(site, lang: str, today: dt.date) -> Calendar:
    name = site.settings.site_name(lang)
    host = urlsplit(site.site_url).hostname or "disan-tanan.local"
    calendar = Calendar()
    calendar.add("prodid", f"-//{name}//heritage//{lang.upper()}")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", ("Lịch lễ hội — " if lang == "vi" else "Festivals — ") + name)
    calendar.add("x-wr-timezone", "Asia/Ho_Chi_Minh")
    last = today.replace(year=today.year + 3) if not (today.month == 2 and today.day == 29) else dt.date(today.year + 3, 2, 28)
    for occurrence in festivals.between(site.inventory, today, last):
        entry = occurrence.entry
        when = entry.data.when
        event = Event()
        event.add("uid", f"{entry.id}-{occurrence.year}@{host}")
        event.add("summary", entry.name(lang))
        event.add("dtstart", occurrence.start)
        event.add("dtend", occurrence.start + dt.timedelta(days=occurrence.days))  # exclusive: all-day
        event.add("dtstamp", dt.datetime.combine(today, dt.time(0, 0), tzinfo=dt.timezone.utc))
        url = site.absolute(entry.url(lang))
        event.add("url", url)
        fixed = format_recurring(when.calendar, when.month, when.day, when.leap, lang)
        event.add("description", f"{entry.data.summary(lang)}\n\n{fixed}\n{url}")
        location = entry.data.location
        if location is not None:
            if location.address is not None:
                event.add("location", location.address(lang))
            event.add("geo", vGeo((location.lat, location.lon)))
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    return calendar


def write_ics(site, lang: str, site_root: Path, today: dt.date) -> Path:
    target = site_root / urls.ics(lang)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(build_calendar(site, lang, today).to_ical())
    return target
