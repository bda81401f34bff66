"""The festival calendars (.ics) as two independent readers read them, `icalendar` (which
writes them) and `vobject`, on both builds: every UID unique in its file, the same event the
same UID in both languages (one event, two descriptions), and no UID shared with another
site, even one on the same host under another path (two project sites on one github.io)."""

from __future__ import annotations

import datetime as dt

import icalendar
import vobject

from heritage import urls
from heritage.calendar import ical

from .conftest import SAMPLE_URL, SUBPATH_URL


def uids(raw: bytes) -> list[str]:
    """The UIDs of a calendar, read by both parsers, which must agree."""
    first = [str(e["UID"]) for e in icalendar.Calendar.from_ical(raw).walk("VEVENT")]
    second = [e.uid.value for e in vobject.readOne(raw.decode("utf-8")).vevent_list]
    assert first == second
    return first


def test_uids_are_unique_and_the_same_event_keeps_one_uid_in_both_languages(both_builds):
    site = both_builds.root / "site"
    vi, en = (uids((site / urls.ics(lang)).read_bytes()) for lang in ("vi", "en"))
    assert vi and len(set(vi)) == len(vi) and vi == en
    for uid in vi:
        local, _, host = uid.partition("@")
        ids = [p.stem for folder in ("data/le-hoi", "data/su-kien") for p in (both_builds.root / folder).glob("*.yml")]
        assert host and local.startswith(tuple(ids))  # a festival's or a recurring event's


def test_two_sites_never_share_a_uid(sample_site, sample_site_subpath, monkeypatch):
    """The root and subpath builds, and two sites under one host with different base paths."""
    root = set(uids((sample_site.root / "site" / urls.ics("vi")).read_bytes()))
    sub = set(uids((sample_site_subpath.root / "site" / urls.ics("vi")).read_bytes()))
    assert root and sub and not root & sub
    from heritage.pages.site import load_site

    monkeypatch.setenv("HERITAGE_TODAY", "2026-11-27")
    today = dt.date(2026, 11, 27)
    found = []
    for address in ("https://ward.example.github.io/heritage-site/", "https://ward.example.github.io/other-ward/"):
        monkeypatch.setenv("SITE_URL", address)
        found.append(set(uids(ical.build_calendar(load_site(sample_site.root), "vi", today).to_ical())))
    assert found[0] == sub and found[0] and found[1] and not found[0] & found[1]
    assert all(u.endswith("@ward.example.github.io") for u in found[1])  # the host still says whose
    assert SAMPLE_URL != SUBPATH_URL


def test_each_event_file_is_read_alike_by_both_parsers_and_holds_the_whole_calendars_uids(sample_site):
    """An event's own file (its page's "Add to calendar") names its occurrences as the
    language's calendar does, so a phone holding both keeps each occurrence once."""
    site = sample_site.root / "site"
    for lang in ("vi", "en"):
        whole = set(uids((site / urls.ics(lang)).read_bytes()))
        for path in sorted((sample_site.root / "data/su-kien").glob("*.yml")):
            own = uids((site / urls.event_ics(lang, path.stem)).read_bytes())
            assert own and len(set(own)) == len(own) and set(own) <= whole
            assert all(u.startswith(path.stem + "-") for u in own)
