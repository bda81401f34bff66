"""Recurring events and what's on (issue 25): their dates (lunar days of each month, weekdays),
their checks, their pages, the calendar's twelve months, the home page's month, the festival
cards' next dates and order, the .ics, search and the sitemap; and the visitor's journey."""

from __future__ import annotations

import datetime as dt
import json
import re

import icalendar
import vobject

from heritage import urls
from heritage.calendar import lunar
from heritage.content.loader import load_inventory
from heritage.events import dates as event_dates
from heritage.events.schema import RecurringEvent

from .conftest import REPO

TODAY = dt.date(2026, 11, 27)  # the sample builds' HERITAGE_TODAY


def _event(**repeat):
    data = RecurringEvent.model_validate({"name": {"vi": "A", "en": "A"}, "summary": {"vi": "B", "en": "B"}, "repeat": repeat, "time": {"start": 1170}, "place": {"entry": "x"}})
    return type("Record", (), {"data": data})()


def test_lunar_day_events_fall_on_those_lunar_days_and_day_30_only_in_long_months():
    event = _event(lunar_days=[1, 15, 30])
    days = event_dates.dates_between(event, dt.date(2027, 1, 1), dt.date(2027, 12, 31))
    found = [lunar.to_lunar(d) for d in days]
    assert {f.day for f in found} == {1, 15, 30}
    months = {(f.year, f.month, f.leap) for f in found if f.day == 1}
    assert len([f for f in found if f.day == 30]) < len(months)  # some lunar months have 29 days
    assert event.data.time.start == "19:30"  # YAML's sexagesimal 19:30 taken back


def test_weekly_events_keep_their_weekdays_and_bounds():
    event = _event(weekdays=["sa", "tu"], since="2026-12-01", until="2026-12-31")
    days = event_dates.dates_between(event, TODAY, dt.date(2027, 3, 1))
    assert days[0] == dt.date(2026, 12, 1) and days[-1] == dt.date(2026, 12, 29)
    assert {d.weekday() for d in days} == {1, 5} and len(days) == 9
    assert event_dates.rule_text(event.data.repeat, "en") == "Every Tuesday and Saturday"
    assert event_dates.rule_text(_event(lunar_days=[15, 1]).data.repeat, "vi") == "Mùng 1 và rằm hằng tháng (âm lịch)"


def test_sample_events_load_and_their_ids_are_unique_across_sections():
    inv = load_inventory(REPO)
    assert len(inv.events) >= 3 and all(e.data.sample for e in inv.events.values())
    assert not set(inv.events) & (set(inv.entries) | set(inv.trails))
    assert not [p for p in inv.problems if p.file.startswith("data/su-kien") and p.is_error]


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_festival_cards_show_next_dates_and_sort_by_them(sample_site):
    html = (sample_site.root / "site/en/le-hoi/index.html").read_text(encoding="utf-8")
    cards = re.findall(r'<li class="hx-card".*?</li>', html, re.S)
    starts = [re.search(r'class="hx-card__when">.*?<time datetime="([\d-]+)"', c, re.S).group(1) for c in cards]
    assert len(cards) == 3 and starts == sorted(starts)
    last = _text(cards[-1])
    assert "Về miền Quan họ" in last and "Next edition: 2029" in last and "lunar month" in last  # every 3 years, none in 12 months


def test_the_calendar_shows_twelve_months_with_festivals_and_events(sample_site):
    html = (sample_site.root / "site/en/lich-le-hoi/index.html").read_text(encoding="utf-8")
    months = re.findall(r'<section class="hx-month" aria-labelledby="m-(\d{4}-\d\d)">(.*?)</section>', html, re.S)
    assert [m for m, _ in months][:2] == ["2026-11", "2026-12"] and len(months) == 12
    december = dict(months)["2026-12"]
    assert "/en/su-kien/le-ram-mung-mot-chua-tan-an/" in december or "su-kien/le-ram-mung-mot-chua-tan-an/" in december
    february = _text(dict(months)["2027-02"])
    assert "Lim Festival" in february and "Sunday morning Quan họ" in february


def test_the_home_page_says_what_is_on_this_month(sample_site):
    html = (sample_site.root / "site/en/index.html").read_text(encoding="utf-8")
    section = html.split('id="hx-this-month"', 1)[1].split("</section>", 1)[0]
    assert "November 2026" in section and "Saturday evening Quan họ" in _text(section) and "Sample content" in section


def test_event_pages_search_and_sitemap(sample_site):
    site = sample_site.root / "site"
    page = (site / "en/su-kien/dem-quan-ho-thu-bay/index.html").read_text(encoding="utf-8")
    text = _text(page)
    assert "Every Saturday" in text and "19:30 – 21:30" in text and "Sample content" in text and "Tân An Communal House" in text
    assert "28 November 2026" in text  # its next date
    index = json.dumps(json.loads((site / urls.search_index("en")).read_text(encoding="utf-8")), ensure_ascii=False)
    assert "su-kien/dem-quan-ho-thu-bay/" in index and "Saturday evening Quan họ performance" in index
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "/su-kien/dem-quan-ho-thu-bay/" in sitemap and "/en/su-kien/" in sitemap


def test_the_ics_holds_weekly_rules_and_dated_lunar_days(sample_site):
    raw = (sample_site.root / "site" / urls.ics("en")).read_bytes()
    calendar = icalendar.Calendar.from_ical(raw)
    vobject.readOne(raw.decode("utf-8"))  # a second reader accepts it
    events = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
    weekly = [e for uid, e in events.items() if uid.startswith("dem-quan-ho-thu-bay-")]
    assert len(weekly) == 1 and weekly[0]["RRULE"]["FREQ"] == ["WEEKLY"] and weekly[0]["RRULE"]["BYDAY"] == ["SA"]
    assert weekly[0]["DTSTART"].dt.tzinfo is not None and calendar.walk("VTIMEZONE")
    lunar_days = [e["DTSTART"].dt for uid, e in events.items() if uid.startswith("le-ram-mung-mot-chua-tan-an-")]
    assert 23 <= len(lunar_days) <= 26 and all(lunar.to_lunar(d.date()).day in (1, 15) for d in lunar_days)
    assert all(TODAY <= d.date() < TODAY + dt.timedelta(days=365) for d in lunar_days)


def test_journey_find_what_is_on_next_month_and_open_the_event(chromium, served_sample):
    """An English visitor on a phone: home → what's on → next month → the event's page."""
    context = chromium.new_context(viewport={"width": 360, "height": 780}, is_mobile=True, has_touch=True, locale="en-GB")
    page = context.new_page()
    try:
        page.goto(served_sample + "en/")
        page.get_by_role("link", name="See the next 12 months").click()
        month = page.locator("section.hx-month", has=page.get_by_role("heading", name="December 2026"))
        month.scroll_into_view_if_needed()
        link = month.get_by_role("link", name=re.compile("Full-moon and new-moon worship"))
        link.click()
        page.wait_for_url("**/en/su-kien/le-ram-mung-mot-chua-tan-an/")
        assert page.get_by_role("heading", level=1).inner_text().startswith("Full-moon and new-moon worship")
        facts = page.locator(".hx-facts").inner_text()
        assert "December 2026" in facts and "lunar month" in facts and "Sample content" in page.locator(".hx-badge").first.inner_text()
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
    finally:
        context.close()
