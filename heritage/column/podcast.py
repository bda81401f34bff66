"""The column as a podcast, one feed per language (chuyen-muc/podcast.xml, en/chuyen-muc/podcast.xml).

RSS 2.0 with Apple's `itunes:` tags and the Podcast Index `podcast:` namespace, written with
ElementTree like the text feed. Episodes are the published posts that have a recording in the
feed's language; each enclosure is that recording as an MP3 at -16 LUFS (heritage/radio/loudness.py),
made once per recording and cached, so every podcast app gets the loudness Apple and Spotify ask for.

The feed is written even with no episode: its address is permanent (printed, and kept by
directories once submitted), so it must never answer 404; a channel with no items is valid RSS.
The column page links it only when it has episodes.
"""

from __future__ import annotations

import functools
import hashlib
import io
import uuid
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw

from heritage import urls
from heritage.column import audio as column_audio
from heritage.column.feed import ATOM, CHANNEL_TEXT, rfc822
from heritage.media import artwork, emblem
from heritage.media.cache import link_or_copy
from heritage.problems import Problem
from heritage.sections import COLUMN, LANGUAGES

ITUNES = "http://www.itunes.com/dtds/podcast-1.0.dtd"
PODCAST = "https://podcastindex.org/namespace/1.0"
ET.register_namespace("itunes", ITUNES)
ET.register_namespace("podcast", PODCAST)
PODCAST_FILE = "podcast.xml"
ARTWORK_SIDE = 1400  # Apple: 1400–3000 px square, RGB, JPEG or PNG
ARTWORK_FILE = "podcast.jpg"
EPISODE_SETTINGS = "podcast-v2"  # v2: ID3 tags and cover
# podcastindex.org's namespace for podcast:guid (a UUIDv5 of the feed's address without scheme)
GUID_NAMESPACE = uuid.UUID("ead4c236-bf58-58c6-a2c6-a6b28d128cb6")
CATEGORY = ("Society & Culture", "Places & Travel")


def podcast_path(lang: str) -> str:
    return f"{urls.page(lang, COLUMN.key)}{PODCAST_FILE}"


def artwork_path() -> str:
    """One picture for both feeds (it carries no words in either language)."""
    return f"{COLUMN.key}/{ARTWORK_FILE}"


@dataclass(frozen=True)
class Episode:
    post: object
    source: str  # media key of the recording
    file: Path  # the -16 LUFS MP3 in the cache
    url: str  # its site path
    seconds: float


def draw_artwork(root: Path, logo: str | None) -> bytes:
    """A square 1400 px RGB JPEG: the emblem centred on the lacquer-red card background."""
    canvas = artwork.card_background(None, size=(ARTWORK_SIDE, ARTWORK_SIDE))
    if logo:
        try:
            mark = emblem.load(root, logo, side=ARTWORK_SIDE * 3 // 5)
        except emblem.EmblemError:
            mark = None  # reported by make check and the build
        if mark is not None:
            disc = ARTWORK_SIDE * 7 // 10
            top = (ARTWORK_SIDE - disc) // 2
            ImageDraw.Draw(canvas).ellipse([top, top, top + disc, top + disc], fill=(250, 244, 230))
            offset = (ARTWORK_SIDE - mark.width) // 2
            canvas.paste(mark, (offset, offset), mark)
    else:
        draw = ImageDraw.Draw(canvas)
        c, r = ARTWORK_SIDE // 2, ARTWORK_SIDE // 4
        draw.ellipse([c - r, c - r, c + r, c + r], outline=artwork.GOLD, width=24)
    buffer = io.BytesIO()
    canvas.convert("RGB").save(buffer, "JPEG", quality=85, optimize=True, progressive=True)
    return buffer.getvalue()


@functools.lru_cache(maxsize=4)
def _picture(root: Path, logo: str | None) -> bytes:
    return draw_artwork(root, logo)


def episode_tags(inventory, slug: str, lang: str):
    """The ID3 tags of post `slug`'s episode in `lang`: its title, the site, the column, its date,
    the language spoken and the feed's artwork."""
    from heritage import radio
    from heritage.radio import loudness

    page = inventory.post(lang, slug) or inventory.post("vi", slug)
    settings = inventory.settings
    return loudness.Tags(page.meta.title, settings.site_name(lang), radio.column_name(lang), page.date, lang, _picture(inventory.root, settings.logo))


def _cached(media, key: str, slug: str, lang: str) -> tuple[str, Path, dict | None]:
    """(cache key, MP3 path, manifest or None) of a recording's -16 LUFS episode, with its tags."""
    cache = media.cache
    tags = episode_tags(media.inventory, slug, lang)
    settings = f"{EPISODE_SETTINGS}\n{sorted(tags.metadata().items())}\n{hashlib.sha256(tags.picture or b'').hexdigest()}"
    cache_key = cache.key(cache.content_hash(media.original(key)), settings)
    target = cache.folder("podcast", cache_key) / "episode.mp3"
    manifest = cache.manifest("podcast", cache_key)
    return cache_key, target, manifest if manifest is not None and target.is_file() else None


def prepare_episodes(inventory, media) -> list[Problem]:
    """Make every post recording's -16 LUFS MP3 (cached by content), with the media, before the
    pages: a recording that cannot be made stops the build there, with its file and field."""
    from heritage.radio import loudness  # PyAV's filters: loaded only when there is audio

    problems = []
    for ref in column_audio.all_refs(inventory):
        if ref.key not in media.av:
            continue  # a recording that failed is reported by the media library
        cache_key, target, manifest = _cached(media, ref.key, ref.post.slug, ref.lang)
        if manifest is not None:
            continue
        try:
            tags = episode_tags(inventory, ref.post.slug, ref.lang)
            result = loudness.normalise(media.original(ref.key), target, loudness.PODCAST_LUFS, "mono", tags)
        except loudness.LoudnessError as exc:
            fix = ("Ghi âm lại hoặc xuất lại tệp MP3/M4A có tiếng đọc, rồi tải lên.", "Record or export the MP3/M4A again with the reading audible, and upload it.")
            line = ref.post.doc.line_of(ref.field) if ref.post.doc is not None else None
            problems.append(Problem(ref.post.rel, exc.vi, exc.en, *fix, field=".".join(ref.field), line=line))
            continue
        media.cache.seal("podcast", cache_key, {"seconds": result.seconds, "lufs": result.lufs})
    return list(dict.fromkeys(problems))


def episode_url(media, slug: str, key: str, lang: str) -> str | None:
    """Site path of a post's -16 LUFS MP3 in `lang` (what its page plays too), or None if not made."""
    cache_key, _, manifest = _cached(media, key, slug, lang)
    return f"media/podcast/{slug}-{cache_key[:8]}.mp3" if manifest is not None else None


def episodes(site, lang: str) -> list[Episode]:
    """The published posts with a recording in `lang`, newest first, each as its -16 LUFS MP3
    (made by prepare_episodes)."""
    out = []
    for post in site.inventory.published_posts(lang):
        key = column_audio.audio_key(site.inventory, post.slug, lang)
        if not key or key not in site.media.av:
            continue
        _, target, manifest = _cached(site.media, key, post.slug, lang)
        url = episode_url(site.media, post.slug, key, lang)
        if manifest is None or url is None:
            continue
        out.append(Episode(post, key, target, url, float(manifest["seconds"])))
    return out


def _text(parent: ET.Element, tag: str, text: str, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attrs)
    element.text = text
    return element


def write_podcast(site, lang: str, site_root: Path, absolute, body_of) -> None:
    """Write the feed of `lang`, its episodes' MP3s and transcripts, and the artwork.
    `body_of(post)` gives a post's Markdown (for its transcript)."""
    from heritage.radio import script

    found = episodes(site, lang)
    settings = site.settings
    name = settings.site_name(lang)
    title, description = CHANNEL_TEXT[lang]
    art = site_root / artwork_path()
    if not art.exists():
        art.parent.mkdir(parents=True, exist_ok=True)
        art.write_bytes(draw_artwork(site.root, settings.logo))
    rss = ET.Element("rss", {"version": "2.0"})
    channel = ET.SubElement(rss, "channel")
    feed_url = absolute(podcast_path(lang))
    _text(channel, "title", f"{title} — {name}")
    _text(channel, "link", absolute(urls.page(lang, COLUMN.key)))
    _text(channel, "description", description.format(place=settings.place(lang)))
    _text(channel, "language", "vi" if lang == "vi" else "en")
    ET.SubElement(channel, f"{{{ATOM}}}link", {"href": feed_url, "rel": "self", "type": "application/rss+xml"})
    image = ET.SubElement(channel, "image")
    _text(image, "url", absolute(artwork_path()))
    _text(image, "title", f"{title} — {name}")
    _text(image, "link", absolute(urls.page(lang, COLUMN.key)))
    ET.SubElement(channel, f"{{{ITUNES}}}image", {"href": absolute(artwork_path())})
    _text(channel, f"{{{ITUNES}}}author", name)
    owner = ET.SubElement(channel, f"{{{ITUNES}}}owner")
    _text(owner, f"{{{ITUNES}}}name", name)
    email = settings.contact.email if settings.contact is not None else None
    if email:
        _text(owner, f"{{{ITUNES}}}email", email)
    category = ET.SubElement(channel, f"{{{ITUNES}}}category", {"text": CATEGORY[0]})
    ET.SubElement(category, f"{{{ITUNES}}}category", {"text": CATEGORY[1]})
    _text(channel, f"{{{ITUNES}}}explicit", "false")
    _text(channel, f"{{{ITUNES}}}type", "episodic")
    locked = {"owner": email} if email else {}
    _text(channel, f"{{{PODCAST}}}locked", "no", **locked)
    bare = feed_url.split("://", 1)[-1].rstrip("/")
    _text(channel, f"{{{PODCAST}}}guid", str(uuid.uuid5(GUID_NAMESPACE, bare)))
    for post in site.inventory.posts.get(lang, []):  # scheduled posts' pages play and link theirs too
        key = column_audio.audio_key(site.inventory, post.slug, lang)
        url = episode_url(site.media, post.slug, key, lang) if key in site.media.av else None
        if url is not None:
            link_or_copy(_cached(site.media, key, post.slug, lang)[1], site_root / url)
            text = "\n\n".join([post.meta.title, *script.plain_text(body_of(post))]) + "\n"
            target = site_root / column_audio.transcript_url(post, lang)
            target.parent.mkdir(parents=True, exist_ok=True)  # written while the pages are
            target.write_text(text, encoding="utf-8")
    if found:
        _text(channel, "lastBuildDate", rfc822(found[0].post.date))
    for episode in found:
        post = episode.post
        link = absolute(post.url(lang))
        item = ET.SubElement(channel, "item")
        _text(item, "title", post.meta.title)
        _text(item, "link", link)
        _text(item, "description", post.meta.summary)
        # a guid of its own, not the page's address: the text feed's item already uses that one
        _text(item, "guid", "podcast:" + hashlib.sha256(f"{lang}/{post.slug}".encode()).hexdigest()[:20], isPermaLink="false")
        _text(item, "pubDate", rfc822(post.date))
        size = (site_root / episode.url).stat().st_size  # published above
        ET.SubElement(item, "enclosure", {"url": absolute(episode.url), "length": str(size), "type": "audio/mpeg"})
        _text(item, f"{{{ITUNES}}}duration", str(max(1, round(episode.seconds))))
        _text(item, f"{{{ITUNES}}}explicit", "false")
        _text(item, f"{{{ITUNES}}}episodeType", "full")
        transcript = absolute(column_audio.transcript_url(post, lang))
        ET.SubElement(item, f"{{{PODCAST}}}transcript", {"url": transcript, "type": "text/plain", "language": lang})
    target = site_root / podcast_path(lang)
    target.parent.mkdir(parents=True, exist_ok=True)
    ET.ElementTree(rss).write(target, encoding="utf-8", xml_declaration=True)


def has_episodes(site, lang: str) -> bool:
    """Whether the column page should point at the feed (cheap: no audio is opened)."""
    return any(column_audio.audio_key(site.inventory, p.slug, lang) in site.media.av for p in site.inventory.published_posts(lang))


def write_feeds(site, site_root: Path) -> None:
    """Both languages' feeds, their episodes, transcripts and artwork."""
    from heritage import radio

    for lang in LANGUAGES:
        write_podcast(site, lang, site_root, site.absolute, lambda post: radio.body_of(site.inventory, post))
