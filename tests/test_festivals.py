"""Festival dates: recurrence, duration, upcoming lists, the calendar and home pages, .ics files."""

from __future__ import annotations

import datetime as dt
import re

import icalendar
import pytest

from heritage.calendar import festivals, lunar
from heritage.content.loader import load_inventory

from .conftest import bi

D = dt.date


@pytest.fixture
def festival_project(project):
    project.entry("le-hoi", "hoi-lim", ("Hội Lim", "Lim Festival"), when={"calendar": "lunar", "month": 1, "day": 13, "days": 3},
                  location={"address": bi("Tiên Du", "Tiên Du"), "lat": 21.146, "lon": 106.023})
    project.entry("le-hoi", "festival", ("Festival Về miền Quan họ", "Quan họ Festival"), when={"calendar": "solar", "month": 9, "day": 26, "days": 3, "every": 3, "since": 2026})
    project.entry("le-hoi", "le-nhuan", ("Lễ tháng nhuận", "Leap-month rite"), when={"calendar": "lunar", "month": 6, "day": 15, "leap": True})
    project.entry("le-hoi", "ngay-30", ("Lễ ngày 30", "Day-30 rite"), when={"calendar": "lunar", "month": 12, "day": 30})
    for lang in ("vi", "en"):
        project.post(lang, "bai", "2026-09-15")
        project.post(lang, "bai-2", "2026-10-15")
    return project.stamp_all()


def entries(project):
    return load_inventory(project.root).entries


def test_every_three_years_since_2026(festival_project):
    festival = entries(festival_project)["festival"]
    assert [o.start for o in festivals.next_dates(festival, D(2026, 1, 1))] == [D(2026, 9, 26)]
    assert [o.start for o in festivals.next_dates(festival, D(2027, 1, 1))] == [D(2029, 9, 26)]
    assert festivals.occurrence(festival, 2025) is None  # before `since`


def test_lunar_festival_dates_and_duration(festival_project):
    lim = entries(festival_project)["hoi-lim"]
    found = festivals.next_dates(lim, D(2026, 11, 27))
    assert [o.start for o in found] == [lunar.to_solar(y, 1, 13) for y in (2026, 2027, 2028)]
    assert found[1].start == D(2027, 2, 18) and found[1].end == D(2027, 2, 20)  # Tết 2027 is 6 February


def test_rules_for_leap_and_day_30(festival_project):
    inv = entries(festival_project)
    leap = festivals.next_dates(inv["le-nhuan"], D(2026, 1, 1))
    assert [o.note for o in leap] == ["leap-missing", "leap-missing", "leap-missing"]
    assert leap[0].start == lunar.to_solar(2026, 6, 15)
    for o in festivals.next_dates(inv["ngay-30"], D(2026, 1, 1)):
        expected_day = 30 if lunar.month_length(o.year, 12) == 30 else 29
        assert o.start == lunar.to_solar(o.year, 12, expected_day)
        assert o.note == ("" if expected_day == 30 else "day-30")


def test_leap_rule_is_a_warning_in_the_check(festival_project):
    result = festival_project.check(HERITAGE_TODAY="2026-10-20")
    assert result.returncode == 0
    assert "không có tháng 6 nhuận" in result.stdout and "when.leap" in result.stdout


def test_calendar_page_lists_the_coming_twelve_months_in_order(festival_project):
    assert festival_project.build(HERITAGE_TODAY="2026-09-27").returncode == 0
    html = festival_project.html("lich-le-hoi/")
    dates = re.findall(r'<time class="hx-calendar__date" datetime="([\d-]+)"', html)
    assert dates == sorted(dates) and dates[0] == "2026-09-26"  # the Festival is under way on the 27th
    assert all("2026-09-26" <= d <= "2027-09-27" for d in dates)
    assert 'lich-le-hoi/lich-le-hoi.ics" type="text/calendar"' in html
    home = festival_project.html("")
    card = home.split('id="hx-next-festival"', 1)[1].split("</section>", 1)[0]
    shown = re.findall(r'<time datetime="([\d-]+)"', card)
    assert shown[0] == "2026-09-26" and "Đang diễn ra" in card  # the next festival, under way
    assert len(shown) == 3 and shown == sorted(shown)  # and the two after it
    entry = festival_project.html("en/le-hoi/hoi-lim/")
    assert "13th day of the 1st lunar month" in entry and "18 February 2027 – 20 February 2027" in entry


@pytest.mark.parametrize("lang, name", [("vi", "lich-le-hoi.ics"), ("en", "festivals.ics")])
def test_ics_files_parse_and_every_date_is_right(festival_project, lang, name):
    assert festival_project.build(HERITAGE_TODAY="2026-11-27").returncode == 0
    prefix = "" if lang == "vi" else "en/"
    raw = (festival_project.root / "site" / prefix / "lich-le-hoi" / name).read_bytes()
    calendar = icalendar.Calendar.from_ical(raw)
    events = list(calendar.walk("VEVENT"))
    inv = entries(festival_project)
    assert events
    for event in events:
        uid = str(event["UID"])
        entry_id, year = uid.split("@")[0].rsplit("-", 1)
        expected = festivals.occurrence(inv[entry_id], int(year))
        start, end = event.decoded("DTSTART"), event.decoded("DTEND")
        assert isinstance(start, dt.date) and not isinstance(start, dt.datetime)  # all-day
        assert start == expected.start and (end - start).days == inv[entry_id].data.when.days
        assert D(2026, 11, 27) <= expected.end and start <= D(2029, 11, 27)
        assert str(event["URL"]).endswith(f"{prefix}le-hoi/{entry_id}/")
        assert str(event["SUMMARY"]) == inv[entry_id].name(lang)
    lim = [e for e in events if str(e["UID"]).startswith("hoi-lim-")]
    assert len(lim) == 3 and str(lim[0]["LOCATION"]) == "Tiên Du" and lim[0].decoded("GEO") is not None
    # stable UIDs: a second build gives the same identifiers
    assert festival_project.build(HERITAGE_TODAY="2026-11-27").returncode == 0
    again = icalendar.Calendar.from_ical((festival_project.root / "site" / prefix / "lich-le-hoi" / name).read_bytes())
    assert [str(e["UID"]) for e in again.walk("VEVENT")] == [str(e["UID"]) for e in events]
