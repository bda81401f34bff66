"""Every feed of the site (RSS or Atom, every language) as a feed reader reads it: feedparser, on
both builds. Not well-formed or not a feed (`bozo`), an item without title, link or date, or an
address outside the build's site URL fails the test."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import feedparser

from heritage import urls
from heritage.column import podcast
from heritage.sections import LANGUAGES

from .test_valid_xml import _build_url, _file_for

FEED_ROOTS = {"rss", "{http://www.w3.org/2005/Atom}feed"}

# bozo exceptions that may pass, each with its reason. None now.
ALLOWED_BOZO: dict[type, str] = {}


def feeds(site: Path) -> list[Path]:
    """Every RSS or Atom document the build wrote, found by its root element, not by its name."""
    found = []
    for path in sorted(site.rglob("*")):
        if path.suffix in (".xml", ".rss", ".atom") and path.is_file():
            if ET.parse(path).getroot().tag in FEED_ROOTS:
                found.append(path)
    return found


def test_every_language_has_its_feed(both_builds):
    site = both_builds.root / "site"
    found = {p.relative_to(site).as_posix() for p in feeds(site)}
    for lang in LANGUAGES:
        assert urls.feed(lang) in found, found


def test_every_feed_reads_cleanly_in_a_feed_reader(both_builds):
    site, site_url = both_builds.root / "site", _build_url(both_builds)
    checked = 0
    for path in feeds(site):
        parsed = feedparser.parse(path.read_bytes())
        if parsed.bozo:
            assert type(parsed.bozo_exception) in ALLOWED_BOZO, f"{path}: {parsed.bozo_exception!r}"
        assert parsed.version in ("rss20", "atom10"), (path, parsed.version)
        assert parsed.feed.get("title") and parsed.feed.get("link"), path
        assert _file_for(site, site_url, parsed.feed.link).is_file(), parsed.feed.link
        # the podcast feed is written before the first recording (its address is permanent) and
        # has no item until then (tests/test_podcast.py); every other feed has items
        assert parsed.entries or path.name == podcast.PODCAST_FILE, f"{path}: no item"
        for entry in parsed.entries:
            where = f"{path.relative_to(site)}: {entry.get('link')}"
            assert entry.get("title"), where
            assert entry.get("link"), where
            assert entry.get("published_parsed") or entry.get("updated_parsed"), where
            addresses = [entry.link, *(link.get("href") for link in entry.get("links", [])), *(m.get("url") for m in entry.get("media_content", []))]
            if entry.get("id", "").startswith(("http://", "https://")):
                addresses.append(entry.id)
            for address in filter(None, addresses):
                assert _file_for(site, site_url, address).is_file(), f"{where}: {address}"
        checked += 1
    assert checked >= len(LANGUAGES)


def test_feedparser_flags_a_broken_feed(sample_site):
    """The reader can fail: a feed cut short is `bozo`."""
    data = (sample_site.root / "site" / urls.feed(LANGUAGES[0])).read_bytes()
    assert not feedparser.parse(data).bozo
    assert feedparser.parse(data[: len(data) // 2]).bozo
