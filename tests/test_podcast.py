"""The column as a podcast: a real build's two feeds, read by feedparser and held to the published
requirements of Apple Podcasts, Spotify and the Podcast Index, one case each; the post page
plays its recording with its transcript."""

from __future__ import annotations

import datetime as dt
import email.utils
import io
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit

import av
import feedparser
import numpy as np
import pytest
from PIL import Image

from heritage.column import podcast
from heritage.pages.site import load_site
from tests.conftest import Project, _skeleton
from tests.test_radio import loudness, read_audio, write_wav

SITE_URL = "https://ward.example/tan/"
ITUNES = "{http://www.itunes.com/dtds/podcast-1.0.dtd}"
PODCAST = "{https://podcastindex.org/namespace/1.0}"
TODAY = "2026-10-20"
# slug → the languages it is an episode in
EPISODES = {"vi": ["mua-le-hoi", "ra-mat"], "en": ["ra-mat"]}


def _post(project: Project, lang: str, slug: str, date: str, title: str, audio: str | None = None) -> None:
    extra = f"audio: {audio}\n" if audio else ""
    project.write(f"docs/{lang}/chuyen-muc/{slug}.md", f"---\ntitle: {title}\ndate: {date}\nsummary: Tóm tắt {title}.\n{extra}---\n\n## Mở đầu\n\nBài **{title}** kể về lễ hội.\n")


def podcast_project(root: Path, with_audio: bool = True) -> Project:
    _skeleton(root)
    project = Project(root)
    project.entry("di-tich", "dinh", ("Đình Thử", "Test House"))
    project.write("data/site.yml", f"site_url: {SITE_URL}\nward: {{vi: Phường Thử, en: Test Ward}}\nlocality: {{vi: phường Thử, en: Test Ward}}\n"
                  "column: {launch: 2026-09}\ncontact: {office: {vi: Phòng Văn hóa, en: Culture Office}, email: vanhoa@ward.example}\n")
    if with_audio:
        write_wav(root / "data/media/chuyen-muc/ra-mat.wav", -30, seconds=3, seed=1)
        write_wav(root / "data/media/chuyen-muc/ra-mat-en.wav", -10, seconds=2, seed=2)
        write_wav(root / "data/media/chuyen-muc/mua.wav", -20, seconds=4, seed=3)
        write_wav(root / "data/media/chuyen-muc/sap-toi.wav", -20, seconds=1, seed=4)
    a = with_audio
    _post(project, "vi", "ra-mat", "2026-09-15", "Ra mắt", "chuyen-muc/ra-mat.wav" if a else None)
    _post(project, "en", "ra-mat", "2026-09-15", "Launch", "chuyen-muc/ra-mat-en.wav" if a else None)
    # the Vietnamese page's map names its Vietnamese recording only: no English episode
    _post(project, "vi", "mua-le-hoi", "2026-10-05", "Mùa lễ hội", "{vi: chuyen-muc/mua.wav}" if a else None)
    _post(project, "en", "mua-le-hoi", "2026-10-05", "Festival season")
    _post(project, "vi", "tin-ngan", "2026-10-10", "Tin ngắn")
    _post(project, "en", "tin-ngan", "2026-10-10", "News in brief")
    _post(project, "vi", "sap-toi", "2026-10-28", "Sắp tới", "chuyen-muc/sap-toi.wav" if a else None)  # scheduled
    _post(project, "en", "sap-toi", "2026-10-28", "Coming up")
    return project.stamp_all()


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Project:
    project = podcast_project(tmp_path_factory.mktemp("podcast"))
    result = project.build(HERITAGE_TODAY=TODAY, SITE_URL=SITE_URL)
    assert result.returncode == 0, result.stdout + result.stderr
    return project


def feed_file(project: Project, lang: str) -> Path:
    return project.root / "site" / podcast.podcast_path(lang)


def channel(project: Project, lang: str) -> ET.Element:
    return ET.parse(feed_file(project, lang)).getroot().find("channel")


def local(project: Project, url: str) -> Path:
    """The built file an absolute URL of the site names."""
    assert url.startswith(SITE_URL), url
    return project.root / "site" / url[len(SITE_URL):]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_feedparser_reads_each_feed_without_complaint(built: Project, lang: str):
    parsed = feedparser.parse(feed_file(built, lang).read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "rss20"
    assert [urlsplit(e.link).path.rstrip("/").rsplit("/", 1)[1] for e in parsed.entries] == EPISODES[lang]
    assert parsed.feed.image.href == SITE_URL + "chuyen-muc/podcast.jpg" and parsed.feed.language == lang
    assert all(e.enclosures[0].type == "audio/mpeg" and int(e.enclosures[0].length) > 0 for e in parsed.entries)


# --- one case per published requirement (Apple Podcasts, Spotify, Podcast Index) ---------------


def artwork_is_square_rgb_1400_to_3000_jpeg_or_png_under_512kb(project, ch, lang):
    for url in (ch.find(f"{ITUNES}image").get("href"), ch.find("image/url").text):
        data = local(project, url).read_bytes()
        assert len(data) < 512 * 1024
        with Image.open(io.BytesIO(data)) as art:
            assert art.format in ("JPEG", "PNG") and art.mode == "RGB"
            assert art.width == art.height and 1400 <= art.width <= 3000


def enclosure_is_mp3_and_its_length_is_the_file_size(project, ch, lang):
    for item in ch.iter("item"):
        enclosure = item.find("enclosure")
        assert enclosure.get("type") == "audio/mpeg"
        path = local(project, enclosure.get("url"))
        assert int(enclosure.get("length")) == path.stat().st_size > 0
        assert read_audio(path)[2] == "mp3"


def episode_is_at_minus_16_lufs(project, ch, lang):
    for item in ch.iter("item"):
        samples, rate, _, _ = read_audio(local(project, item.find("enclosure").get("url")))
        assert abs(loudness(samples, rate) + 16) <= 1


def explicit_is_present_on_channel_and_items(project, ch, lang):
    assert ch.findtext(f"{ITUNES}explicit") in ("true", "false")
    assert all(item.findtext(f"{ITUNES}explicit") in ("true", "false") for item in ch.iter("item"))


def language_is_the_feeds_own(project, ch, lang):
    assert ch.findtext("language") == lang


def guids_are_unique_and_stable(project, ch, lang):
    guids = [item.findtext("guid") for item in ch.iter("item")]
    assert len(set(guids)) == len(guids) == len(EPISODES[lang])
    other = "en" if lang == "vi" else "vi"
    assert not set(guids) & {item.findtext("guid") for item in channel(project, other).iter("item")}
    assert re.fullmatch(r"[0-9a-f-]{36}", ch.findtext(f"{PODCAST}guid"))


def every_url_is_https(project, ch, lang):
    urls = [e.text for e in ch.iter() if e.tag in ("link", "url")] + [e.get(a) for e in ch.iter() for a in ("href", "url") if e.get(a)]
    assert urls and all(u.startswith("https://") for u in urls), [u for u in urls if not u.startswith("https://")]


def titles_and_descriptions_are_present(project, ch, lang):
    assert ch.findtext("title").strip() and ch.findtext("description").strip()
    for item in ch.iter("item"):
        assert item.findtext("title").strip() and item.findtext("description").strip()


def category_is_one_of_apples(project, ch, lang):
    top = ch.find(f"{ITUNES}category")
    assert top.get("text") == "Society & Culture" and top.find(f"{ITUNES}category").get("text") == "Places & Travel"


def author_and_owner_email_are_given(project, ch, lang):
    assert ch.findtext(f"{ITUNES}author").strip()
    assert ch.findtext(f"{ITUNES}owner/{ITUNES}email") == "vanhoa@ward.example"


def duration_is_the_recordings_length(project, ch, lang):
    for item in ch.iter("item"):
        samples, rate, _, _ = read_audio(local(project, item.find("enclosure").get("url")))
        assert abs(int(item.findtext(f"{ITUNES}duration")) - samples.shape[1] / rate) <= 1


def pubdate_is_rfc_2822_and_published(project, ch, lang):
    for item in ch.iter("item"):
        day = email.utils.parsedate_to_datetime(item.findtext("pubDate"))
        assert day.date() <= dt.date.fromisoformat(TODAY)


def transcript_is_a_served_text_file_of_the_post(project, ch, lang):
    for item in ch.iter("item"):
        tag = item.find(f"{PODCAST}transcript")
        assert tag.get("type") == "text/plain" and tag.get("language") == lang
        text = local(project, tag.get("url")).read_text(encoding="utf-8")
        assert text.startswith(item.findtext("title")) and "kể về lễ hội" in text and "**" not in text


def locked_says_no(project, ch, lang):
    assert ch.findtext(f"{PODCAST}locked") == "no"


def self_link_is_the_feeds_address(project, ch, lang):
    link = ch.find("{http://www.w3.org/2005/Atom}link")
    assert link.get("rel") == "self" and link.get("href") == SITE_URL + podcast.podcast_path(lang)


REQUIREMENTS = [
    artwork_is_square_rgb_1400_to_3000_jpeg_or_png_under_512kb,
    enclosure_is_mp3_and_its_length_is_the_file_size,
    episode_is_at_minus_16_lufs,
    explicit_is_present_on_channel_and_items,
    language_is_the_feeds_own,
    guids_are_unique_and_stable,
    every_url_is_https,
    titles_and_descriptions_are_present,
    category_is_one_of_apples,
    author_and_owner_email_are_given,
    duration_is_the_recordings_length,
    pubdate_is_rfc_2822_and_published,
    transcript_is_a_served_text_file_of_the_post,
    locked_says_no,
    self_link_is_the_feeds_address,
]


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("requirement", REQUIREMENTS, ids=lambda f: f.__name__)
def test_a_directory_requirement(built: Project, requirement, lang: str):
    requirement(built, channel(built, lang), lang)


# --- on the site -------------------------------------------------------------------------------


@pytest.mark.parametrize("lang, prefix", [("vi", ""), ("en", "en/")])
def test_the_column_page_points_podcast_apps_at_the_feed(built: Project, lang: str, prefix: str):
    html = built.html(f"{prefix}chuyen-muc")
    assert f'<link rel="alternate" type="application/rss+xml" title="Podcast — ' in html
    assert f'href="{SITE_URL}{prefix}chuyen-muc/podcast.xml"' in html


@pytest.mark.parametrize("lang, prefix, slug, plays", [
    ("vi", "", "ra-mat", True), ("en", "en/", "ra-mat", True), ("vi", "", "mua-le-hoi", True),
    ("en", "en/", "mua-le-hoi", False), ("vi", "", "tin-ngan", False),
])
def test_the_post_page_plays_its_recording_with_its_transcript(built: Project, lang, prefix, slug, plays):
    html = built.html(f"{prefix}chuyen-muc/{slug}")
    assert ("<audio controls" in html) is plays
    if plays:
        page = built.root / "site" / prefix / "chuyen-muc" / slug
        source = re.search(r'<audio [^>]*aria-describedby="hx-listen-note">\s*<source src="([^"]+)" type="audio/', html)
        assert source[1].endswith(".mp3") and (page / source[1]).resolve().is_file()  # the -16 LUFS MP3, not the WAV
        note = re.search(r'id="hx-listen-note">([^<]+)<a href="([^"]+)"', html)
        assert "toàn văn" in note[1] or "whole text" in note[1]
        assert (page / note[2]).resolve().read_text(encoding="utf-8").startswith(("Ra mắt", "Launch", "Mùa lễ hội"))


def test_without_recordings_the_feeds_are_valid_and_empty_and_not_linked(tmp_path: Path, monkeypatch):
    """Decided: the feed's address is permanent (submitted to directories once), so it is written
    even before the first recording, as valid RSS with no item; the column page names it only
    once there is something to play."""
    monkeypatch.setenv("HERITAGE_TODAY", TODAY)
    (tmp_path / "p").mkdir()
    project = podcast_project(tmp_path / "p", with_audio=False)
    site = load_site(project.root)
    out = tmp_path / "site"
    for lang in ("vi", "en"):
        podcast.write_podcast(site, lang, out, site.absolute, lambda post: "")
        parsed = feedparser.parse((out / podcast.podcast_path(lang)).read_bytes())
        assert not parsed.bozo and parsed.entries == [] and parsed.feed.title
        assert not podcast.has_episodes(site, lang)


def test_a_silent_recording_stops_the_build_at_its_field_without_a_traceback(tmp_path: Path):
    project = podcast_project(tmp_path)
    with av.open(str(tmp_path / "data/media/chuyen-muc/mua.wav"), "w", format="wav") as output:  # every sample zero
        stream = output.add_stream("pcm_s16le", rate=48000, layout="mono")
        frame = av.AudioFrame.from_ndarray(np.zeros((1, 96000), dtype=np.int16), format="s16", layout="mono")
        frame.rate = 48000
        for packet in [*stream.encode(frame), *stream.encode(None)]:
            output.mux(packet)
    result = project.build(HERITAGE_TODAY=TODAY)
    out = result.stdout + result.stderr
    assert result.returncode == 1 and "Traceback" not in out
    assert "docs/vi/chuyen-muc/mua-le-hoi.md" in out and "LỖI / ERROR — audio.vi (dòng/line 5)" in out
    assert "im lặng" in out and "silent" in out


def test_the_site_publishes_the_episodes_not_the_original_recordings(built: Project):
    """A post's recording is published as its -16 LUFS MP3 only: the WAV the officer uploaded
    (large, and linked by no page) stays out of site/, byte for byte and by name."""
    site = built.root / "site"
    originals = {p.read_bytes() for p in (built.root / "data/media/chuyen-muc").glob("*.wav")}
    published = [p for p in site.rglob("*") if p.is_file()]
    assert not [p for p in published if p.suffix.lower() in (".wav", ".m4a", ".flac")]
    assert not [p for p in published if p.stat().st_size > 1000 and p.read_bytes() in originals]
    assert len(list((site / "media/podcast").glob("*.mp3"))) == 4  # ra-mat vi + en, mua-le-hoi, sap-toi (scheduled)


@pytest.mark.parametrize("lang, slug, title, language", [("vi", "ra-mat", "Ra mắt", "vie"), ("en", "ra-mat", "Launch", "eng"), ("vi", "mua-le-hoi", "Mùa lễ hội", "vie")])
def test_each_episode_carries_the_tags_players_show(built: Project, lang: str, slug: str, title: str, language: str):
    from tests.test_radio import id3

    item = next(i for i in channel(built, lang).iter("item") if i.findtext("title") == title)
    tags, cover = id3(local(built, item.find("enclosure").get("url")))
    site_name = {"vi": "Di sản văn hóa", "en": "Cultural heritage"}[lang]
    column = {"vi": "Chuyên mục số", "en": "Digital column"}[lang]
    day = {"ra-mat": "2026-09-15", "mua-le-hoi": "2026-10-05"}[slug]
    assert tags == {"title": title, "artist": site_name, "album": column, "date": day, "language": language}
    artwork = Image.open(local(built, channel(built, lang).find(f"{ITUNES}image").get("href")))
    assert cover is not None and cover.size == artwork.size == (1400, 1400)
