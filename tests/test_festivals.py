"""Festival dates: recurrence, duration, upcoming lists, the calendar and home pages, .ics files."""

from __future__ import annotations

import datetime as dt
import re

import icalendar
import pytest

from heritage.calendar import festivals, lunar
from heritage.content.loader import load_inventory

from .conftest import Project, _skeleton, bi

D = dt.date


def _festivals(project: Project) -> Project:
    project.entry("le-hoi", "hoi-lim", ("Hội Lim", "Lim Festival"), when={"calendar": "lunar", "month": 1, "day": 13, "days": 3},
                  location={"address": bi("Tiên Du", "Tiên Du"), "lat": 21.146, "lon": 106.023})
    project.entry("le-hoi", "festival", ("Festival Về miền Quan họ", "Quan họ Festival"), when={"calendar": "solar", "month": 9, "day": 26, "days": 3, "every": 3, "since": 2026})
    project.entry("le-hoi", "le-nhuan", ("Lễ tháng nhuận", "Leap-month rite"), when={"calendar": "lunar", "month": 6, "day": 15, "leap": True})
    project.entry("le-hoi", "ngay-30", ("Lễ ngày 30", "Day-30 rite"), when={"calendar": "lunar", "month": 12, "day": 30})
    for lang in ("vi", "en"):
        project.post(lang, "bai", "2026-09-15")
        project.post(lang, "bai-2", "2026-10-15")
    # the province names the region of a festival without an address of its own (schema.org's addressRegion)
    project.write("data/site.yml", 'ward: {vi: "Phường Thử", en: "Test Ward"}\nprovince: {vi: "Tỉnh Thử", en: "Test Province"}\ncolumn: {launch: "2026-09"}\n')
    return project.stamp_all()


@pytest.fixture
def festival_project(project):
    return _festivals(project)


@pytest.fixture(scope="module")
def festival_build(tmp_path_factory):
    """The festival project built once per (today, site address), for the tests that only read the
    build: the same build a test would make of its own, made once and never changed after."""
    builds: dict[tuple[str, str | None], Project] = {}

    def built(today: str, site_url: str | None = None) -> Project:
        if (today, site_url) not in builds:
            root = tmp_path_factory.mktemp("festivals")
            _skeleton(root)
            project = _festivals(Project(root))
            result = project.build(HERITAGE_TODAY=today, **({"SITE_URL": site_url} if site_url else {}))
            assert result.returncode == 0, result.stdout + result.stderr
            builds[today, site_url] = project
        return builds[today, site_url]

    return built


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
    day_30 = festivals.next_dates(inv["ngay-30"], D(2026, 1, 1))
    assert len(day_30) == 3
    for o in day_30:
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


ICS = {"vi": "lich-le-hoi.ics", "en": "festivals.ics"}


@pytest.fixture(scope="module")
def ics_built_twice(tmp_path_factory):
    """The festival project built twice on the same day: each language's .ics file after each build."""
    root = tmp_path_factory.mktemp("festivals-ics")
    _skeleton(root)
    project = _festivals(Project(root))
    files = []
    for _ in range(2):
        assert project.build(HERITAGE_TODAY="2026-11-27").returncode == 0
        files.append({lang: (root / "site" / ("" if lang == "vi" else "en/") / "lich-le-hoi" / name).read_bytes() for lang, name in ICS.items()})
    return project, files


@pytest.mark.parametrize("lang, name", sorted(ICS.items(), reverse=True))
def test_ics_files_parse_and_every_date_is_right(ics_built_twice, lang, name):
    festival_project, (first, second) = ics_built_twice
    prefix = "" if lang == "vi" else "en/"
    raw = first[lang]
    calendar = icalendar.Calendar.from_ical(raw)
    events = list(calendar.walk("VEVENT"))
    inv = entries(festival_project)
    assert events
    for event in events:
        uid = str(event["UID"])
        entry_id, year, _site = uid.split("@")[0].rsplit("-", 2)  # id, year, the site's address hashed
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
    again = icalendar.Calendar.from_ical(second[lang])
    assert [str(e["UID"]) for e in again.walk("VEVENT")] == [str(e["UID"]) for e in events]


# --- festivals into the phone: one festival's file, two parsers, reminders ---------------

def _vobject_events(raw: bytes) -> list:
    import vobject  # a second, independent parser (icalendar wrote the file)

    return list(vobject.readOne(raw.decode("utf-8")).vevent_list)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_festival_page_adds_its_own_dates_to_the_phone(festival_build, lang):
    festival_project = festival_build("2026-11-30")
    prefix = "" if lang == "vi" else "en/"
    page = festival_project.html(f"{prefix}le-hoi/hoi-lim/")
    link = re.search(r'<a class="hx-button" href="([^"]+)" type="text/calendar" download>', page)
    own = festival_project.root / "site" / prefix / "le-hoi/hoi-lim/hoi-lim.ics"
    assert link and (own.parent / link.group(1)).resolve() == own.resolve()
    raw = own.read_bytes()
    page_dates = re.findall(r'<ul class="hx-dates"><li>.*?</ul>', page, re.S)[0]
    shown = re.findall(r'<time datetime="([\d-]+)">', page_dates)
    # parser 1: icalendar
    events = list(icalendar.Calendar.from_ical(raw).walk("VEVENT"))
    assert [e.decoded("DTSTART").isoformat() for e in events] == shown == [lunar.to_solar(y, 1, 13).isoformat() for y in (2027, 2028, 2029)]
    for event in events:
        (alarm,) = event.walk("VALARM")
        assert alarm["ACTION"] == "DISPLAY" and alarm.decoded("TRIGGER") == dt.timedelta(hours=-15)  # 9:00 the day before
        # the reminder in the calendar's language, not only the festival's name in it
        assert str(alarm["DESCRIPTION"]) == ("Ngày mai: Hội Lim" if lang == "vi" else "Tomorrow: Lim Festival")
    # parser 2: vobject
    other = _vobject_events(raw)
    assert [e.dtstart.value.isoformat() for e in other] == shown
    assert len(other) == 3
    assert all(e.valarm.trigger.value == dt.timedelta(hours=-15) and e.valarm.action.value == "DISPLAY" for e in other)
    assert {e.valarm.description.value for e in other} == {"Ngày mai: Hội Lim" if lang == "vi" else "Tomorrow: Lim Festival"}
    assert {e.uid.value for e in other} == {str(e["UID"]) for e in events}


def test_a_festival_every_three_years_shows_its_next_edition_everywhere(festival_build):
    festival_project = festival_build("2026-11-30")  # the 2026 edition is over
    page = festival_project.html("le-hoi/festival/")
    assert '<time datetime="2029-09-26">' in page and "2026-09-26" not in page and "đã qua" not in page
    own = icalendar.Calendar.from_ical((festival_project.root / "site/le-hoi/festival/festival.ics").read_bytes())
    whole = icalendar.Calendar.from_ical((festival_project.root / "site/lich-le-hoi/lich-le-hoi.ics").read_bytes())
    in_whole = [e.decoded("DTSTART") for e in whole.walk("VEVENT") if str(e["UID"]).startswith("festival-")]
    assert [e.decoded("DTSTART") for e in own.walk("VEVENT")] == in_whole == [D(2029, 9, 26)]
    assert all(len(e.walk("VALARM")) == 1 for e in whole.walk("VEVENT"))
    assert len(_vobject_events((festival_project.root / "site/lich-le-hoi/lich-le-hoi.ics").read_bytes())) == len(whole.walk("VEVENT"))


@pytest.mark.parametrize("entry_id", ["festival", "hoi-lim"])
def test_every_festival_event_has_dates_and_an_addressed_location(festival_build, entry_id):
    import json

    festival_project = festival_build("2026-11-30")
    for prefix in ("", "en/"):
        html = festival_project.html(f"{prefix}le-hoi/{entry_id}/")
        blocks = [json.loads(b) for b in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)]
        (data,) = [b for b in blocks if b["@type"] != "BreadcrumbList"]  # the page's own, beside its breadcrumbs
        assert data["@type"] == "Festival" and data["startDate"] <= data["endDate"]
        assert data["startDate"] == ("2029-09-26" if entry_id == "festival" else lunar.to_solar(2027, 1, 13).isoformat())
        address = data["location"]["address"]
        assert address["@type"] == "PostalAddress" and address["addressCountry"] == "VN"
        assert address["addressRegion"] == ("Tỉnh Thử" if prefix == "" else "Test Province")
        assert data["location"]["name"]
        if entry_id == "hoi-lim":
            assert address["streetAddress"] == "Tiên Du"
        assert data.get("citation", ["x"])  # never an empty list


def test_calendar_page_offers_subscription_google_and_each_festival(festival_build):
    festival_project = festival_build("2026-11-30", "https://heritage.example.org/")
    html = festival_project.html("en/lich-le-hoi/")
    assert 'href="webcal://heritage.example.org/en/lich-le-hoi/festivals.ics"' in html
    assert 'href="https://calendar.google.com/calendar/render?cid=webcal%3A%2F%2Fheritage.example.org%2Fen%2Flich-le-hoi%2Ffestivals.ics"' in html
    rows = re.findall(r'<a class="hx-calendar__add" href="([^"]+)"', html)
    assert rows and "../../en/le-hoi/hoi-lim/hoi-lim.ics" in rows
    for href in rows:
        assert (festival_project.root / "site/en/lich-le-hoi" / href).resolve().is_file()
    assert "<script" not in html.split('class="hx-ics"')[1].split("</div>")[0]  # plain links
