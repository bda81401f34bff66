"""A recurring event that keeps to some months (`repeat.months`) and skips some days
(`repeat.except_dates`): its dates, its words, its .ics rule, its JSON-LD schedule, its own
calendar file, and the bilingual problem a wrong month gives."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re

import icalendar
import vobject

from heritage import urls
from heritage.events import dates as event_dates
from heritage.events.jsonld import event_jsonld
from heritage.events.schema import RecurringEvent

from .conftest import Project

TODAY = dt.date(2026, 11, 27)


def _event(**repeat):
    data = RecurringEvent.model_validate({"name": {"vi": "A", "en": "A"}, "summary": {"vi": "B", "en": "B"}, "repeat": repeat, "time": {"start": "19:30"}, "place": {"entry": "x"}})
    return type("Record", (), {"data": data})()


def test_months_and_skipped_days_bound_the_dates_and_are_said():
    event = _event(weekdays=["sa"], months=[11, 3, 4, 5, 6, 7, 8, 9, 10], except_dates=["2027-03-06"])
    days = event_dates.dates_between(event, TODAY, dt.date(2027, 12, 31))
    assert {d.month for d in days} == set(range(3, 12)) and dt.date(2027, 3, 6) not in days
    assert days[0] == dt.date(2026, 11, 28) and days[1] == dt.date(2027, 3, 13)  # nothing December to February
    repeat = event.data.repeat
    assert event_dates.rule_text(repeat, "en") == "Every Saturday, March to November"
    assert event_dates.rule_text(repeat, "vi") == "Thứ Bảy hằng tuần, từ tháng 3 đến tháng 11"
    assert event_dates.rule_text(_event(weekdays=["su"], months=[12, 1, 2]).data.repeat, "en") == "Every Sunday, December to February"
    assert event_dates.rule_text(_event(lunar_days=[1], months=[1, 6]).data.repeat, "en") == "The 1st day of every lunar month, January and June"


def test_the_first_and_last_days_are_included():
    """`since` and `until` are the first and last day it happens, when they fall on its weekday
    (a class's last session on 19 December is on the calendar)."""
    event = _event(weekdays=["sa"], since="2026-12-05", until="2026-12-19")
    assert event_dates.dates_between(event, TODAY, dt.date(2027, 1, 31)) == [dt.date(2026, 12, 5), dt.date(2026, 12, 12), dt.date(2026, 12, 19)]
    assert event_dates.next_date(event, dt.date(2026, 12, 19)) == dt.date(2026, 12, 19)
    assert event_dates.next_date(event, dt.date(2026, 12, 20)) is None


def test_a_wrong_month_is_a_bilingual_problem_naming_file_and_field(project: Project):
    project.write("data/su-kien/dem.yml", 'name: {vi: "Đêm", en: "Night"}\nsummary: {vi: "Hát.", en: "Singing."}\n'
                  "repeat:\n  weekdays: [sa]\n  months: [3, 13]\ntime: {start: \"19:30\"}\nplace:\n  address: {vi: \"Sân\", en: \"Yard\"}\n")
    for lang in ("vi", "en"):
        project.write(f"docs/{lang}/su-kien/dem.md", "Đêm.\n")
    before = project.snapshot()
    result = project.check()
    out = result.stdout + result.stderr
    assert result.returncode == 1 and "Traceback" not in out
    assert "data/su-kien/dem.yml" in out and "repeat.months" in out
    assert "Tháng 13 không có" in out and "There is no month 13" in out
    assert project.snapshot() == before


def test_the_sample_evening_keeps_to_its_months_in_pages_ics_and_its_own_file(sample_site):
    site = sample_site.root / "site"
    page = (site / "en/su-kien/dem-quan-ho-thu-bay/index.html").read_text(encoding="utf-8")
    listed = re.findall(r'<ul class="hx-dates">(.*?)</ul>', page, re.S)[0]
    months = {int(m) for m in re.findall(r'datetime="\d{4}-(\d\d)-\d\d"', listed)}
    assert months and not months & {12, 1, 2}
    assert "Every Saturday, March to November" in page
    button = re.search(r'<p class="hx-ics"><a class="hx-button" href="([^"]+)"', page).group(1)
    assert button.endswith("su-kien/dem-quan-ho-thu-bay/dem-quan-ho-thu-bay.ics")  # its own, not the whole calendar
    for lang in ("vi", "en"):
        for event_id in ("dem-quan-ho-thu-bay", "le-ram-mung-mot-chua-tan-an", "lop-hat-quan-ho-cuoi-tuan"):
            raw = (site / urls.event_ics(lang, event_id)).read_bytes()
            vobject.readOne(raw.decode("utf-8"))  # a second reader accepts it
            events = icalendar.Calendar.from_ical(raw).walk("VEVENT")
            assert events and all(str(e["UID"]).startswith(event_id + "-") for e in events)
    evening = icalendar.Calendar.from_ical((site / urls.event_ics("en", "dem-quan-ho-thu-bay")).read_bytes()).walk("VEVENT")
    assert len(evening) == 1 and evening[0]["RRULE"]["BYMONTH"] == list(range(3, 12))
    whole = icalendar.Calendar.from_ical((site / urls.ics("en")).read_bytes()).walk("VEVENT")
    assert [e["RRULE"]["BYMONTH"] for e in whole if str(e["UID"]).startswith("dem-quan-ho-thu-bay-")] == [list(range(3, 12))]
    klass = icalendar.Calendar.from_ical((site / urls.event_ics("vi", "lop-hat-quan-ho-cuoi-tuan")).read_bytes()).walk("VEVENT")[0]
    assert [d.dt.date() for d in klass["EXDATE"].dts] == [dt.date(2027, 2, 7)]


def test_the_calendar_months_and_home_respect_the_months(sample_site):
    html = (sample_site.root / "site/en/lich-le-hoi/index.html").read_text(encoding="utf-8")
    months = dict(re.findall(r'<section class="hx-month" aria-labelledby="m-(\d{4}-\d\d)">(.*?)</section>', html, re.S))
    assert "Saturday evening Quan họ" in months["2026-11"] and "Saturday evening Quan họ" in months["2027-03"]
    assert not [m for m in ("2026-12", "2027-01", "2027-02") if "Saturday evening Quan họ" in months[m]]


def test_json_ld_schedule_says_by_month_and_except_date():
    from heritage.pages.site import load_site
    from .conftest import REPO

    site = load_site(REPO)
    for event_id, key, value in (("dem-quan-ho-thu-bay", "byMonth", list(range(3, 12))), ("lop-hat-quan-ho-cuoi-tuan", "exceptDate", ["2027-02-07"])):
        record = site.inventory.events[event_id]
        real = dataclasses.replace(record, data=record.data.model_copy(update={"sample": False}))
        found = json.dumps(event_jsonld(site, real, "en", TODAY))
        schedule = json.loads(found)["eventSchedule"][0]
        assert schedule[key] == value
