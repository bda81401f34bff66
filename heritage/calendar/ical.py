"""iCalendar (RFC 5545) files of the festivals, written with `icalendar`.

One file per language with every festival (offered as a subscription, `webcal://`, and
to Google Calendar), and one per festival and language, which its page and its row on
the calendar page download with "add to calendar". Both hold the same occurrences as
the festival's page (`festivals.coming`): all-day events, each with a reminder the day
before, and a UID that stays the same from build to build (entry id, year and the site's
address), so a phone that subscribed updates events instead of duplicating them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path
from urllib.parse import quote, urlsplit

from icalendar import Alarm, Calendar, Event, vGeo

from heritage import urls
from heritage.calendar import festivals
from heritage.events import ical as event_ical
from heritage.i18n import format_recurring, t

# An all-day event starts at midnight: 15 hours before is 9 a.m. the day before.
REMINDER = dt.timedelta(hours=-15)

# Google Calendar adds a calendar by its address; a plain link, no script of Google's.
GOOGLE_ADD = "https://calendar.google.com/calendar/render?cid={url}"


def _calendar(site, lang: str, title: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", f"-//{site.settings.site_name(lang)}//heritage//{lang.upper()}")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", title)
    calendar.add("x-wr-timezone", "Asia/Ho_Chi_Minh")
    return calendar


def _event(site, occurrence: festivals.Occurrence, lang: str, today: dt.date, host: str) -> Event:
    entry = occurrence.entry
    when = entry.data.when
    event = Event()
    event.add("uid", f"{entry.id}-{occurrence.year}-{host}")
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
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", t("ics_reminder", lang, name=entry.name(lang)))
    alarm.add("trigger", REMINDER)
    event.add_component(alarm)
    return event


def _host(site) -> str:
    """The part of every UID that names this site: a stable hash of the whole public address
    (base path included) before '@' and its host after it. Two sites of this engine on one
    host (two wards' project sites on the same github.io account) then never share a UID,
    which RFC 5545 requires to be globally unique; the host alone did not ensure it.

    The Vietnamese and English files give an occurrence the same UID on purpose: it is one
    event, described in two languages (RFC 5545 identifies the event, not its text), so a
    phone subscribed to both holds it once per calendar, and either file updates it."""
    address = site.site_url.rstrip("/") + "/" if site.site_url else ""
    digest = hashlib.sha256(address.encode("utf-8")).hexdigest()[:12]
    return f"{digest}@{urlsplit(address).hostname or 'heritage.invalid'}"


def build_calendar(site, lang: str, today: dt.date) -> Calendar:
    """Every festival's coming occurrences, in one calendar for subscribing."""
    calendar = _whole_calendar(site, lang)
    for occurrence in festivals.all_coming(site.inventory, today):
        calendar.add_component(_event(site, occurrence, lang, today, _host(site)))
    for event in event_ical.components(site, lang, today, _host(site)):  # recurring events, timed
        calendar.add_component(event)
    calendar.add_missing_timezones()  # the VTIMEZONE of Asia/Ho_Chi_Minh, when an event uses it
    return calendar


def _whole_calendar(site, lang: str) -> Calendar:
    """The language's calendar for subscribing, named after the site, still empty."""
    name = site.settings.site_name(lang)
    return _calendar(site, lang, ("Lịch lễ hội và sự kiện — " if lang == "vi" else "Festivals and events — ") + name)


def build_festival_calendar(site, entry, lang: str, today: dt.date) -> Calendar:
    """One festival's coming occurrences: what "add to calendar" on its page downloads."""
    calendar = _calendar(site, lang, entry.name(lang))
    for occurrence in festivals.coming(entry, today):
        calendar.add_component(_event(site, occurrence, lang, today, _host(site)))
    return calendar


def build_event_calendar(site, event, lang: str, today: dt.date) -> Calendar:
    """One recurring event: what "add to calendar" on its page downloads."""
    calendar = _calendar(site, lang, event.name(lang))
    for component in event_ical.record_components(site, event, lang, today, _host(site)):
        calendar.add_component(component)
    calendar.add_missing_timezones()
    return calendar


def subscribe_links(site_url: str, lang: str) -> dict[str, str]:
    """The whole calendar's `webcal://` address and Google Calendar's "add by URL" link;
    empty without a public address (nothing to subscribe to)."""
    if not site_url.startswith(("http://", "https://")):
        return {}
    https = urls.absolute(site_url, urls.ics(lang))
    webcal = "webcal://" + https.split("://", 1)[1]
    return {"webcal": webcal, "google": GOOGLE_ADD.format(url=quote(webcal, safe=""))}


def write_ics(site, lang: str, site_root: Path, today: dt.date) -> Path:
    """The language's whole calendar, and one file per festival and per recurring event.

    The same bytes as `build_calendar(…).to_ical()` and `build_festival_calendar(…).to_ical()`
    (a test compares them), but each festival's occurrence is built and serialized once for
    both files: an iCalendar file is its lines in order, a component's lines those of its
    own `to_ical()`. Half of the outputs' process time went to building them twice."""
    host = _host(site)
    occurrences: dict[str, list[tuple[festivals.Occurrence, bytes]]] = {}
    for entry in festivals.festivals(site.inventory):
        occurrences[entry.id] = [(o, _event(site, o, lang, today, host).to_ical()) for o in festivals.coming(entry, today)]
    for entry in festivals.festivals(site.inventory):
        one = site_root / urls.festival_ics(lang, entry.section, entry.id)
        one.parent.mkdir(parents=True, exist_ok=True)
        one.write_bytes(_spliced(_calendar(site, lang, entry.name(lang)), [b for _, b in occurrences[entry.id]]))
    for event in site.inventory.events.values():
        one = site_root / urls.event_ics(lang, event.id)
        one.parent.mkdir(parents=True, exist_ok=True)
        one.write_bytes(build_event_calendar(site, event, lang, today).to_ical())
    calendar = _whole_calendar(site, lang)
    for event in event_ical.components(site, lang, today, host):
        calendar.add_component(event)
    calendar.add_missing_timezones()  # inserted before every event (icalendar): the festivals' go after them
    zones = [c.to_ical() for c in calendar.subcomponents if c.name == "VTIMEZONE"]
    timed = [c.to_ical() for c in calendar.subcomponents if c.name != "VTIMEZONE"]
    ordered = sorted((o for entry_occurrences in occurrences.values() for o in entry_occurrences), key=lambda pair: festivals.date_order(pair[0]))
    calendar.subcomponents = []
    target = site_root / urls.ics(lang)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(_spliced(calendar, [*zones, *(b for _, b in ordered), *timed]))
    return target


_END = b"END:VCALENDAR\r\n"


def _spliced(calendar: Calendar, components: list[bytes]) -> bytes:
    """`calendar` (without components) serialized with `components` (serialized) inside it."""
    head = calendar.to_ical()
    return head[: -len(_END)] + b"".join(components) + _END
