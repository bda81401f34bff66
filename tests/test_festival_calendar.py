"""Festival dates and calendar files without a build: what the festival's page, the calendar
page and a phone that subscribed show, read from a small project loaded in-process.

Lunar dates are checked against `lunar-vn` (another implementation of the Vietnamese
calendar); the calendar files are read back with `icalendar`, as a phone would read them.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import lunar_vn
import pytest
from icalendar import Calendar

from heritage import urls
from heritage.calendar import festivals, ical
from heritage.content.loader import load_inventory
from heritage.pages.site import load_site

from .conftest import Project, _skeleton, bi

D = dt.date


def lunar_day(year: int, month: int, day: int, leap: bool = False) -> dt.date:
    return lunar_vn.lunar_to_solar(lunar_vn.LunarDate(day=day, month=month, year=year, leap=leap))


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Project:
    root = tmp_path_factory.mktemp("festivals")
    _skeleton(root)
    project = Project(root)
    project.entry("le-hoi", "hoi-lim", ("Hội Lim", "Lim Festival"), when={"calendar": "lunar", "month": 1, "day": 13, "days": 3},
                  location={"address": bi("Tiên Du", "Tien Du district"), "lat": 21.146, "lon": 106.023})
    project.entry("le-hoi", "festival", ("Festival Về miền Quan họ", "Quan họ Festival"), when={"calendar": "solar", "month": 9, "day": 26, "days": 3, "every": 3, "since": 2026})
    project.entry("le-hoi", "le-nhuan", ("Lễ tháng nhuận", "Leap-month rite"), when={"calendar": "lunar", "month": 6, "day": 15, "leap": True})
    project.entry("le-hoi", "ngay-30", ("Lễ ngày 30", "Day-30 rite"), when={"calendar": "lunar", "month": 12, "day": 30})
    project.entry("le-hoi", "den-ba", ("Đền Bà", "Lady Temple rite"), when={"calendar": "solar", "month": 2, "day": 29})
    project.entry("le-hoi", "chua-ong", ("Chùa Ông", "Grandfather pagoda rite"), when={"calendar": "solar", "month": 2, "day": 29})
    project.entry("le-hoi", "tuong-lai", ("Lễ tương lai", "A future rite"), when={"calendar": "solar", "month": 9, "day": 26, "every": 2, "since": 2031})
    project.write("data/site.yml", 'site_url: https://ward.example/tan/\nward: {vi: "Phường Thử", en: "Test Ward"}\nprovince: {vi: "Tỉnh Thử", en: "Test Province"}\ncolumn: {launch: "2026-09"}\n')
    return project.stamp_all()


@pytest.fixture(scope="module")
def entries(project):
    return load_inventory(project.root).entries


def starts(found) -> list[dt.date]:
    return [o.start for o in found]


def test_a_lunar_festival_s_coming_dates_within_three_years(entries):
    lim = entries["hoi-lim"]
    found = festivals.coming(lim, D(2026, 9, 27))
    assert starts(found) == [lunar_day(y, 1, 13) for y in (2027, 2028, 2029)]
    assert [(o.year, o.days, o.end - o.start) for o in found] == [(y, 3, dt.timedelta(days=2)) for y in (2027, 2028, 2029)]


def test_a_festival_under_way_is_still_coming_and_one_every_three_years_shows_its_next_edition(entries):
    every_three = entries["festival"]
    assert starts(festivals.coming(every_three, D(2026, 9, 28))) == [D(2026, 9, 26), D(2029, 9, 26)]  # its last day
    assert starts(festivals.coming(every_three, D(2026, 9, 29))) == [D(2029, 9, 26)]
    assert starts(festivals.coming(every_three, D(2026, 10, 1), years=1)) == [D(2029, 9, 26)]  # always the next one
    assert starts(festivals.coming(entries["tuong-lai"], D(2026, 9, 1))) == [D(2031, 9, 26)]  # first held in 2031
    assert festivals.occurrence(every_three, 2027) is None and festivals.occurrence(every_three, 2023) is None


def test_29_february_falls_on_the_28th_in_a_common_year(entries):
    assert (festivals.occurrence(entries["den-ba"], 2027).start, festivals.occurrence(entries["den-ba"], 2027).note) == (D(2027, 2, 28), "day-30")
    assert (festivals.occurrence(entries["den-ba"], 2028).start, festivals.occurrence(entries["den-ba"], 2028).note) == (D(2028, 2, 29), "")
    assert festivals.horizon(D(2028, 2, 29)) == D(2031, 2, 28) and festivals.horizon(D(2026, 5, 4), 2) == D(2028, 5, 4)


def test_day_30_and_the_leap_month_rules(entries):
    for o in festivals.next_dates(entries["ngay-30"], D(2026, 1, 1)):
        thirtieth = lunar_day(o.year, 12, 30)
        has_30 = lunar_vn.solar_to_lunar(thirtieth).day == 30
        assert o.start == (thirtieth if has_30 else lunar_day(o.year, 12, 29))
        assert o.note == ("" if has_30 else "day-30")
    leap = festivals.next_dates(entries["le-nhuan"], D(2025, 1, 1))
    assert [(o.year, o.start, o.note) for o in leap] == [
        (2025, lunar_day(2025, 6, 15, leap=True), ""), (2026, lunar_day(2026, 6, 15), "leap-missing"), (2027, lunar_day(2027, 6, 15), "leap-missing")]


def test_the_check_warns_where_a_leap_month_is_missing(project):
    inv = load_inventory(project.root)
    warnings = festivals.calendar_problems(inv, D(2025, 1, 1))
    assert [(p.file, p.field, p.severity) for p in warnings] == [("data/le-hoi/le-nhuan.yml", "when.leap", "warning")] * 2
    assert warnings[0].line is not None
    assert "Lunar year 2026 has no leap month 6" in warnings[0].en and f"({lunar_day(2026, 6, 15).isoformat()})" in warnings[0].en
    assert "Năm âm lịch 2026 không có tháng 6 nhuận" in warnings[0].vi and lunar_day(2026, 6, 15).strftime("%d/%m/%Y") in warnings[0].vi


def test_the_calendar_page_lists_by_date_then_vietnamese_name(project):
    inv = load_inventory(project.root)
    found = festivals.between(inv, D(2028, 1, 1), D(2028, 3, 1))
    names = [(o.start, o.entry.id) for o in found]
    assert (D(2028, 2, 29), "chua-ong") in names and names.index((D(2028, 2, 29), "chua-ong")) + 1 == names.index((D(2028, 2, 29), "den-ba"))
    assert [o.start for o in found] == sorted(o.start for o in found)
    # the 30th (or 29th) of the 12th month of lunar year 2027 falls in 2028: listed
    assert any(o.entry.id == "ngay-30" and o.year == 2027 for o in found)
    # under way on the first day (Hội Lim 2028 began before 9 February) or starting on the last
    lim = lunar_day(2028, 1, 13)
    assert [o.entry.id for o in festivals.between(inv, lim + dt.timedelta(days=2), lim + dt.timedelta(days=2))] == ["hoi-lim"]
    assert "hoi-lim" not in [o.entry.id for o in festivals.between(inv, lim + dt.timedelta(days=3), lim + dt.timedelta(days=20))]
    assert "hoi-lim" in [o.entry.id for o in festivals.between(inv, lim - dt.timedelta(days=20), lim)]
    assert festivals.upcoming(inv, D(2028, 2, 1), days=28) == festivals.between(inv, D(2028, 2, 1), D(2028, 2, 29))
    coming = festivals.all_coming(inv, D(2026, 9, 27))
    assert [(o.start, o.entry.name("vi")) for o in coming][:2] == [(D(2026, 9, 26), "Festival Về miền Quan họ"), (lunar_day(2026, 12, 29 if lunar_vn.solar_to_lunar(lunar_day(2026, 12, 30)).day != 30 else 30), "Lễ ngày 30")]


@pytest.fixture(scope="module")
def site(project):
    return load_site(project.root)


def read(calendar) -> Calendar:
    return Calendar.from_ical(calendar.to_ical())


@pytest.mark.parametrize("lang, name, reminder, calname", [
    ("vi", "Hội Lim", "Ngày mai: Hội Lim", "Lịch lễ hội và sự kiện — "),
    ("en", "Lim Festival", "Tomorrow: Lim Festival", "Festivals and events — "),
])
def test_a_phone_gets_the_festival_in_the_calendar_s_language(site, lang, name, reminder, calname):
    calendar = read(ical.build_calendar(site, lang, D(2026, 9, 27)))
    assert str(calendar["x-wr-calname"]) == calname + site.settings.site_name(lang) and str(calendar["x-wr-timezone"]) == "Asia/Ho_Chi_Minh"
    assert str(calendar["version"]) == "2.0" and str(calendar["method"]) == "PUBLISH" and lang.upper() in str(calendar["prodid"])
    events = [e for e in calendar.walk("VEVENT") if str(e["summary"]) == name]
    assert [e.decoded("dtstart") for e in events] == [lunar_day(y, 1, 13) for y in (2027, 2028, 2029)]
    event = events[0]
    assert event.decoded("dtend") == event.decoded("dtstart") + dt.timedelta(days=3)  # exclusive end, all day
    alarm = event.walk("VALARM")[0]
    assert str(alarm["description"]) == reminder and str(alarm["action"]) == "DISPLAY"
    assert alarm.decoded("trigger") == -dt.timedelta(hours=15)  # 9 a.m. the day before
    assert str(event["url"]) == "https://ward.example/tan/" + ("en/" if lang == "en" else "") + "le-hoi/hoi-lim/"
    assert str(event["url"]) in str(event["description"]) and ("13" in str(event["description"]))
    assert str(event["location"]) == ("Tiên Du" if lang == "vi" else "Tien Du district")
    assert event.decoded("geo") == (21.146, 106.023) or (float(event["geo"].latitude), float(event["geo"].longitude)) == (21.146, 106.023)
    assert str(event["transp"]) == "TRANSPARENT"


def test_one_event_keeps_one_uid_in_both_languages_and_each_year_its_own(site):
    uids = {lang: [str(e["uid"]) for e in read(ical.build_calendar(site, lang, D(2026, 9, 27))).walk("VEVENT")] for lang in ("vi", "en")}
    assert uids["vi"] == uids["en"] and len(set(uids["vi"])) == len(uids["vi"])
    assert all(uid.endswith("@ward.example") for uid in uids["vi"])
    assert any(uid.startswith("hoi-lim-2027-") for uid in uids["vi"])


def test_two_sites_on_one_host_never_share_a_uid(site, monkeypatch):
    first = ical._host(site)
    monkeypatch.setattr(site, "site_url", "https://ward.example/other/")
    assert ical._host(site) != first and ical._host(site).endswith("@ward.example")
    monkeypatch.setattr(site, "site_url", "")
    assert ical._host(site).endswith("@heritage.invalid")


def test_a_uid_is_fixed_by_the_site_s_address_however_it_is_written(site, monkeypatch):
    """A phone that subscribed keeps each occurrence once across updates only if its UID never
    changes: the first 12 hex digits of SHA-256 of the address with one trailing slash, @ its host."""
    import hashlib

    expected = hashlib.sha256(b"https://ward.example/tan/").hexdigest()[:12] + "@ward.example"
    uids = {str(e["uid"]) for e in read(ical.build_calendar(site, "vi", D(2026, 9, 27))).walk("VEVENT")}
    assert "hoi-lim-2027-" + expected in uids
    monkeypatch.setattr(site, "site_url", "https://ward.example/tan")  # written without the slash
    assert ical._host(site) == expected
    monkeypatch.setattr(site, "site_url", "")  # a local preview: no address at all
    assert ical._host(site) == hashlib.sha256(b"").hexdigest()[:12] + "@heritage.invalid"

def test_a_festival_s_own_file_and_the_whole_calendar_are_written(site, tmp_path: Path):
    written = ical.write_ics(site, "en", tmp_path, D(2026, 9, 27))
    assert written == tmp_path / "en/lich-le-hoi/festivals.ics"
    whole = Calendar.from_ical(written.read_bytes())
    own = Calendar.from_ical((tmp_path / "en/le-hoi/hoi-lim/hoi-lim.ics").read_bytes())
    assert str(own["x-wr-calname"]) == "Lim Festival"
    assert {str(e["summary"]) for e in own.walk("VEVENT")} == {"Lim Festival"}
    assert {str(e["uid"]) for e in own.walk("VEVENT")} <= {str(e["uid"]) for e in whole.walk("VEVENT")}
    assert len(own.walk("VEVENT")) == 3


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_files_written_are_the_calendars_built_one_by_one(site, tmp_path: Path, lang):
    """write_ics serializes each occurrence once for both files: the bytes are still those of
    each calendar built and serialized on its own."""
    today = D(2026, 9, 27)
    written = ical.write_ics(site, lang, tmp_path, today)
    assert written.read_bytes() == ical.build_calendar(site, lang, today).to_ical()
    for entry in festivals.festivals(site.inventory):
        assert (tmp_path / urls.festival_ics(lang, entry.section, entry.id)).read_bytes() == ical.build_festival_calendar(site, entry, lang, today).to_ical()


def test_subscription_links():
    links = ical.subscribe_links("https://ward.example/tan/", "en")
    assert links == {
        "webcal": "webcal://ward.example/tan/en/lich-le-hoi/festivals.ics",
        "google": "https://calendar.google.com/calendar/render?cid=webcal%3A%2F%2Fward.example%2Ftan%2Fen%2Flich-le-hoi%2Ffestivals.ics",
    }
    assert ical.subscribe_links("http://ward.example/", "vi")["webcal"] == "webcal://ward.example/lich-le-hoi/lich-le-hoi.ics"
    assert ical.subscribe_links("", "vi") == {} and ical.subscribe_links("file:///tmp/site/", "vi") == {}
