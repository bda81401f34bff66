"""The column's RSS feeds without a build, read back with feedparser as a feed reader reads
them: published posts only, newest first, in the feed's language, with their category, their
date at midnight in Viet Nam, and the cover as an enclosure of its real size."""

from __future__ import annotations

import datetime as dt
import email.utils
from pathlib import Path

import feedparser
import pytest

from heritage.column import feed
from heritage.pages.site import load_site

from .conftest import Project, _skeleton, bi


@pytest.fixture(scope="module")
def site(tmp_path_factory, monkeypatch_module):
    """One entry with the cover photo and three posts a language: `make mutate` loads it for
    every mutant (a second entry or photo would start a process pool: seconds, not tenths)."""
    monkeypatch_module.setenv("HERITAGE_TODAY", "2026-10-20")
    root = tmp_path_factory.mktemp("feed")
    _skeleton(root)
    project = Project(root)
    project.image("data/media/dinh/cong.jpg")
    project.entry("di-tich", "dinh", ("Đình Thử", "Test House"), media=[{"image": "cong.jpg", "alt": bi("Cổng", "Gate"), "credit": "Ảnh thử", "license": "CC0-1.0"}])
    project.write("data/site.yml", "site_url: https://ward.example/tan/\nward: {vi: Phường Thử, en: Test Ward}\n"
                  "locality: {vi: phường Thử, en: Test Ward}\ncolumn: {launch: 2026-07}\n")
    for lang in ("vi", "en"):
        title = {"vi": "Bài", "en": "Post"}[lang]
        project.post(lang, "thang-9", "2026-09-03", f"{title} 9", category="le-hoi", summary=f"{title} tháng 9 <b>&</b>")
        project.post(lang, "thang-10", "2026-10-20", f"{title} 10", cover="dinh/cong.jpg")
        project.post(lang, "sap-toi", "2026-10-21", f"{title} sắp tới")
    project.stamp_all()
    return load_site(root)


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as patch:
        yield patch


@pytest.mark.parametrize("lang, language, title, category, prefix, description", [
    ("vi", "vi-VN", "Chuyên mục số — ", "Lễ hội", "", "Chuyên mục số giới thiệu di sản, lễ hội, làng nghề và nghệ nhân phường Thử, cập nhật hằng tháng."),
    ("en", "en", "Digital column — ", "Festivals", "en/", "The monthly column on the heritage, festivals, crafts and artisans of Test Ward."),
])
def test_a_feed_reader_sees_the_published_posts_newest_first(site, tmp_path: Path, lang, language, title, category, prefix, description):
    path = feed.write_feed(site, lang, tmp_path, site.absolute)
    assert path == tmp_path / f"{prefix}chuyen-muc/feed.xml"
    assert path.read_bytes().startswith(b"<?xml version='1.0' encoding='utf-8'?>")
    parsed = feedparser.parse(path.read_bytes())
    assert not parsed.bozo, parsed.bozo_exception
    channel = parsed.feed
    assert channel.title.startswith(title) and channel.title.endswith(site.settings.site_name(lang))
    assert channel.link == f"https://ward.example/tan/{prefix}chuyen-muc/" and channel.language == language
    assert channel.description == description  # the place as data/site.yml's locality names it
    assert [l.href for l in channel.links if l.rel == "self"] == [f"https://ward.example/tan/{prefix}chuyen-muc/feed.xml"]
    assert [e.link for e in parsed.entries] == [f"https://ward.example/tan/{prefix}chuyen-muc/{slug}/" for slug in ("thang-10", "thang-9")]
    newest, older = parsed.entries
    assert newest.id == newest.link and f'<guid isPermaLink="true">{newest.link}</guid>' in path.read_text(encoding="utf-8")
    assert older.summary.endswith("tháng 9 <b>&</b>") and [t.term for t in older.tags] == [category]
    assert "tags" not in newest
    assert email.utils.parsedate_to_datetime(newest.published) == dt.datetime(2026, 10, 20, tzinfo=dt.timezone(dt.timedelta(hours=7)))
    assert channel.updated == newest.published
    (enclosure,) = newest.enclosures
    assert enclosure.type == "image/jpeg" and enclosure.href.startswith("https://ward.example/tan/media/")
    assert "enclosures" not in older or older.enclosures == []
    assert newest.media_content[0]["medium"] == "image" and int(newest.media_content[0]["width"]) <= 960


def test_the_enclosure_length_is_the_file_s_size(site, tmp_path: Path):
    feed.write_feed(site, "vi", tmp_path, site.absolute)
    parsed = feedparser.parse((tmp_path / "chuyen-muc/feed.xml").read_bytes())
    enclosure = parsed.entries[0].enclosures[0]
    cover = site.images.get("dinh/cong.jpg")
    rendition = cover.closest(960)
    cached = site.media.cache.folder("images", cover.key) / f"{rendition.width}.jpg"
    assert int(enclosure.length) == cached.stat().st_size > 0
    assert enclosure.href == site.absolute(rendition.urls["jpg"])


def test_posts_appear_at_midnight_in_viet_nam():
    assert feed.rfc822(dt.date(2026, 2, 17)) == "Tue, 17 Feb 2026 00:00:00 +0700"


ATOM, MEDIA = "{http://www.w3.org/2005/Atom}", "{http://search.yahoo.com/mrss/}"


def test_the_feed_has_rss_2_0_s_own_element_names(site, tmp_path: Path):
    """XML names are case-sensitive and RSS 2.0 spells them so (rss/channel/item, pubDate,
    lastBuildDate…): a strict reader finds every field where the specification puts it."""
    import xml.etree.ElementTree as ET

    path = feed.write_feed(site, "en", tmp_path, site.absolute)
    feed.write_feed(site, "en", tmp_path, site.absolute)  # written again over the first (a rebuild)
    rss = ET.parse(path).getroot()
    assert rss.tag == "rss" and rss.attrib == {"version": "2.0"}
    (channel,) = list(rss)
    assert channel.tag == "channel"
    fields = {child.tag: child for child in channel if child.tag != "item"}
    assert set(fields) == {"title", "link", "description", "language", f"{ATOM}link", "lastBuildDate"}
    assert fields[f"{ATOM}link"].attrib == {"href": "https://ward.example/tan/en/chuyen-muc/feed.xml", "rel": "self", "type": "application/rss+xml"}
    assert fields["lastBuildDate"].text == "Tue, 20 Oct 2026 00:00:00 +0700"
    newest, older = channel.findall("item")
    link = "https://ward.example/tan/en/chuyen-muc/thang-10/"
    assert [(c.tag, c.text) for c in newest if c.tag in ("title", "link", "guid", "pubDate", "description")] == [
        ("title", "Post 10"), ("link", link), ("guid", link), ("pubDate", "Tue, 20 Oct 2026 00:00:00 +0700"), ("description", "Tóm tắt thang-10")]
    assert [(c.tag, c.text) for c in older if c.tag in ("title", "category")] == [("title", "Post 9"), ("category", "Festivals")]
    (enclosure,) = newest.findall("enclosure")
    assert set(enclosure.attrib) == {"url", "length", "type"} and enclosure.get("type") == "image/jpeg" and int(enclosure.get("length")) > 0
    (media,) = newest.findall(f"{MEDIA}content")
    rendition = site.images.get("dinh/cong.jpg").closest(960)
    assert media.attrib == {"url": enclosure.get("url"), "medium": "image", "type": "image/jpeg", "width": str(rendition.width), "height": str(rendition.height)}
    assert older.findall("enclosure") == [] and older.findall(f"{MEDIA}content") == []
