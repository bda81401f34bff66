"""schema.org JSON-LD of a recurring event: an Event series.

A weekly event carries an `eventSchedule` (Schedule: byDay, byMonth, exceptDate, weekly, its times in Viet Nam's
zone). schema.org's Schedule counts solar days only, so a lunar-day event lists its dated
occurrences over the next twelve months as `subEvent`s instead. An illustrative event
(`sample: true`) is a plain WebPage, as an illustrative entry is (`sample_jsonld`): search
engines are never handed invented dates.
"""

from __future__ import annotations

import datetime as dt

from heritage.events import dates as event_dates
from heritage.outputs.schema_types import Event, GeoCoordinates, Place, PostalAddress, Schedule, WebPage
from heritage.outputs.structured_data import COUNTRY, DAYS, _region

ZONE = "Asia/Ho_Chi_Minh"
OFFSET = "+07:00"  # Viet Nam keeps no summer time
SCHEDULED = "https://schema.org/EventScheduled"
OFFLINE = "https://schema.org/OfflineEventAttendanceMode"


def _place(site, event, lang: str) -> Place:
    """The event's place: its entry's name, address and coordinates, or its own address."""
    d = event.data.place
    entry = site.inventory.resolve(d.entry) if d.entry else None
    location = entry.data.location if entry is not None else None
    street = d.address(lang) if d.address else (location.address(lang) if location is not None and location.address is not None else None)
    lat, lon = (d.lat, d.lon) if d.lat is not None else ((location.lat, location.lon) if location is not None else (None, None))
    return Place(
        name=entry.name(lang) if entry is not None else street or _region(site, lang),
        address=PostalAddress(streetAddress=street, addressRegion=_region(site, lang), addressCountry=COUNTRY),
        geo=GeoCoordinates(latitude=lat, longitude=lon) if lat is not None else None,
        url=site.absolute(entry.url(lang)) if entry is not None else None,
    )


def _moment(day: dt.date, time: str | None) -> str | None:
    return f"{day.isoformat()}T{time}:00{OFFSET}" if time else None


def event_jsonld(site, event, lang: str, today: dt.date) -> dict:
    d = event.data
    url = site.absolute(event.url(lang))
    if d.sample:
        return WebPage(name=event.name(lang), description=d.summary(lang), url=url, inLanguage=lang).jsonld()
    place = _place(site, event, lang)
    coming = event_dates.coming(event, today)
    first = coming[0] if coming else (d.repeat.until or d.repeat.since or today)
    common = {
        "name": event.name(lang),
        "description": d.summary(lang),
        "eventStatus": SCHEDULED,
        "eventAttendanceMode": OFFLINE,
        "location": place,
        "isAccessibleForFree": True if d.free else None,
        "inLanguage": lang,
    }
    schedule, subs = None, None
    if d.repeat.weekdays is not None:
        schedule = [
            Schedule(
                byDay=[f"https://schema.org/{DAYS[day]}" for day in d.repeat.weekdays],
                byMonth=list(d.repeat.months) if d.repeat.months else None,
                exceptDate=[day.isoformat() for day in d.repeat.except_dates] if d.repeat.except_dates else None,
                repeatFrequency="P1W",
                startDate=(d.repeat.since or first).isoformat(),
                endDate=d.repeat.until.isoformat() if d.repeat.until else None,
                startTime=f"{d.time.start}:00",
                endTime=f"{d.time.end}:00" if d.time.end else None,
                scheduleTimezone=ZONE,
            )
        ]
    else:
        subs = [Event(**common, url=url, startDate=_moment(day, d.time.start), endDate=_moment(day, d.time.end)) for day in coming] or None
    return Event(**common, url=url, startDate=_moment(first, d.time.start), endDate=_moment(first, d.time.end), eventSchedule=schedule, subEvent=subs).jsonld()
