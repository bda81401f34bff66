"""HTML fragments that wrap editors' Markdown with what the data says.

Templates live in heritage/templates/ (Jinja2, autoescaped: text from YAML can never
inject markup). Every URL is relative to the page (`base`), so the site works under
any path, GitHub Pages project sites included.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING
from urllib.parse import quote

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from heritage import i18n, urls
from heritage.calendar import festivals as festival_dates
from heritage.calendar import ical
from heritage.column import rules as column
from heritage.map import basemap
from heritage.media.audio_video import format_duration, iso_duration
from heritage.outputs import opendata
from heritage.sections import COLUMN, ENTRY_SECTIONS
from heritage.text import vi_sort_key
from heritage.trails import route as trail_route

if TYPE_CHECKING:
    from heritage.content.inventory import EntryRecord, Inventory, Post, TrailRecord
    from heritage.content.translations import PagePair
    from heritage.map.basemap import Basemap
    from heritage.media.library import MediaLibrary


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("heritage.pages", "templates"),
        autoescape=select_autoescape(["html"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
        auto_reload=False,  # templates are package files: no stat() of each one on every render
    )
    env.globals["sections"] = ENTRY_SECTIONS
    env.globals["column"] = COLUMN
    env.globals["urls"] = urls
    env.filters["day"] = i18n.format_day
    env.filters["month"] = i18n.format_month
    return env


def _compact(html: str) -> str:
    """No blank lines: smaller pages, and one block wherever the fragment lands."""
    return "\n".join(line for line in html.splitlines() if line.strip())


@dataclass(frozen=True)
class RenderData:
    """Everything the fragments are made from, handed over by the site once per content state."""

    inventory: "Inventory"
    translations: dict[str, "PagePair"]
    media: "MediaLibrary"  # prepared: web images, audio and video, YouTube posters
    today: dt.date
    site_url: str  # the public address, for share links
    qr_codes: bool = False  # whether printable codes are published (not on a local preview)
    basemap: "Basemap | None" = None  # the map's own background, when an extract was fetched

    @property
    def settings(self):
        return self.inventory.settings


class Renderer:
    """Renders fragments for one page: knows its language and its way to the root."""

    def __init__(self, data: RenderData, lang: str, base: str):
        self.data = data
        self.inv = data.inventory
        self.lang = lang
        self.base = base

    def t(self, key: str, **values) -> str:
        return i18n.t(key, self.lang, **values)

    def href(self, site_path: str) -> str:
        return f"{self.base}{site_path}" or "./"

    def render(self, template: str, **context) -> str:
        html = environment().get_template(template).render(r=self, lang=self.lang, inv=self.inv, **context)
        return _compact(html)

    # helpers used by templates
    def image(self, entry_id: str, path: str):
        return self.data.media.images.get(urls.media_key(entry_id, path))

    def cover(self, source: str):
        return self.data.media.images.get(source)

    def cover_alt(self, source: str) -> str:
        """A post's cover is usually an entry's photo: its alt text says what the photo shows
        (a cover from elsewhere stays decorative, alt="")."""
        entry_id, _, path = source.partition("/")
        entry = self.inv.entries.get(entry_id)
        for item in entry.data.media if entry else ():
            if item.kind == "image" and item.path == path and item.alt:
                return item.alt(self.lang)
        return ""

    def srcset(self, image, ext: str = "jpg") -> str:
        return ", ".join(f"{self.href(r.urls[ext])} {r.width}w" for r in image.renditions)

    def av(self, entry_id: str, path: str):
        return self.data.media.av.get(urls.media_key(entry_id, path))

    def poster(self, youtube_id: str):
        return self.data.media.posters.get((youtube_id, self.lang))

    def duration(self, seconds: float) -> str:
        return format_duration(seconds)

    def iso_duration(self, seconds: float) -> str:
        return iso_duration(seconds)

    def thumbnail(self, entry: "EntryRecord"):
        for item in entry.data.media:
            if item.kind == "image":
                image = self.image(entry.id, item.path)
                if image is not None:
                    return image
        return None

    def type_label(self, entry: "EntryRecord") -> str:
        return self.inv.vocabulary.type_label(entry.section, entry.data.type, self.lang)

    def ranking_label(self, entry: "EntryRecord") -> str:
        return self.inv.vocabulary.ranking_label(entry.section, entry.data.ranking, self.lang)

    def next_dates(self, entry: "EntryRecord"):
        """The dates the festival's page shows: the same as its .ics file."""
        return festival_dates.coming(entry, self.data.today)

    def festival_ics(self, entry: "EntryRecord") -> str:
        return self.href(urls.festival_ics(self.lang, entry.section, entry.id))

    def date_range(self, occurrence) -> str:
        start, end = occurrence.start, occurrence.end
        if start == end:
            return i18n.format_day(start, self.lang)
        return f"{i18n.format_day(start, self.lang)} – {i18n.format_day(end, self.lang)}"

    @property
    def today(self):
        return self.data.today

    def recurring(self, entry: "EntryRecord") -> str:
        when = entry.data.when
        return i18n.format_recurring(when.calendar, when.month, when.day, when.leap, self.lang)

    def entries(self, ids) -> list["EntryRecord"]:
        return [e for e in (self.inv.resolve(i) for i in ids) if e is not None]

    def month_heading(self, month) -> str:
        return i18n.format_month_heading(month, self.lang)

    def post_url(self, post: "Post") -> str:
        return self.href(post.url(self.lang))

    def stop_number(self, trail: "TrailRecord", entry_id: str) -> int:
        return next(i for i, s in enumerate(trail.data.stops, start=1) if s.entry == entry_id)

    def km(self, km: float) -> str:
        return trail_route.format_km(km, self.lang)

    def hours(self, minutes: int) -> str:
        return trail_route.format_hours(minutes, self.lang)


def entry_blocks(data: RenderData, entry: "EntryRecord", lang: str, base: str) -> tuple[str, str]:
    """What goes above an entry's story (facts, photos, media) and below it (sources, links)."""
    r = Renderer(data, lang, base)
    return r.render("entry_head.html", entry=entry), r.render("entry_foot.html", entry=entry)


def catalogue(data: RenderData, section: str, lang: str, base: str) -> str:
    r = Renderer(data, lang, base)
    return r.render("catalogue.html", section=ENTRY_SECTIONS[section], entries=data.inventory.section(section, lang))


def home(data: RenderData, lang: str, base: str) -> str:
    r = Renderer(data, lang, base)
    counts = {key: len([e for e in data.inventory.entries.values() if e.section == key]) for key in ENTRY_SECTIONS}
    coming = festival_dates.upcoming(data.inventory, data.today)[:2]
    return r.render("home.html", counts=counts, posts=data.inventory.published_posts(lang)[:3], coming=coming)


# Posts shown with their cover and summary on the column page; older ones as one line each,
# so the page stays light with hundreds of posts.
FULL_POSTS = 12


def column_index(data: RenderData, lang: str, base: str) -> str:
    r = Renderer(data, lang, base)
    posts = data.inventory.published_posts(lang)
    full = {p.slug for p in posts[:FULL_POSTS]}
    used = {p.meta.category for p in posts if p.meta.category}
    categories = {k: v for k, v in data.inventory.vocabulary.categories.items() if k in used}
    return r.render("column_index.html", months=column.by_month(posts), full=full, categories=categories)


def post_blocks(data: RenderData, post: "Post", lang: str, base: str, body: str) -> tuple[str, str]:
    """What goes above a post's text (title, date, cover) and below it (entries, neighbours, share)."""
    r = Renderer(data, lang, base)
    older, newer = column.neighbours(data.inventory.published_posts(lang), post.slug)
    head = r.render("post_head.html", post=post, minutes=column.reading_minutes(body))
    foot = r.render("post_foot.html", post=post, older=older, newer=newer, share=share_links(data, post.url(lang), post.meta.title))
    return head, foot


# Public share URLs: no script from Facebook or Zalo is ever loaded.
FACEBOOK_SHARE = "https://www.facebook.com/sharer/sharer.php?u={url}"
ZALO_SHARE = "https://sp.zalo.me/share_inline?url={url}"


def share_links(data: RenderData, site_path: str, title: str) -> dict:
    url = urls.absolute(data.site_url, site_path)
    return {"url": url, "title": title, "facebook": FACEBOOK_SHARE.format(url=quote(url, safe="")), "zalo": ZALO_SHARE.format(url=quote(url, safe=""))}


def places(data: RenderData, lang: str, base: str) -> str:
    r = Renderer(data, lang, base)
    located = [e for s in ENTRY_SECTIONS for e in data.inventory.section(s, lang) if e.data.location is not None]
    unlocated = [e for s in ENTRY_SECTIONS.values() if s.has_place for e in data.inventory.section(s.key, lang) if e.data.location is None]
    points = [(e.data.location.lat, e.data.location.lon) for e in located]
    middle = basemap.centre(points) if points else (0.0, 0.0)

    def far(entry) -> int:
        """Whole kilometres from the ward's centre for a place outside it (the list says so too)."""
        km = basemap.distance_km(*middle, entry.data.location.lat, entry.data.location.lon)
        return round(km) if km > basemap.NEAR_KM else 0

    present = {e.section for e in located}  # the legend lists only sections on the map
    return r.render(
        "places.html",
        entries=[(e, far(e)) for e in located],
        unlocated=unlocated,
        geojson=r.href(urls.OPEN_DATA_FILES["geojson"]),
        colors={k: v for k, v in SECTION_COLORS.items() if k in present},
        basemap=data.basemap,
        near_km=basemap.NEAR_KM,
        attribution=basemap.ATTRIBUTION,
        copyright_url=basemap.COPYRIGHT_URL,
    )


def festivals(data: RenderData, lang: str, base: str) -> str:
    r = Renderer(data, lang, base)
    subscribe = ical.subscribe_links(data.site_url, lang)
    return r.render("festivals.html", occurrences=festival_dates.upcoming(data.inventory, data.today), ics=r.href(urls.ics(lang)), subscribe=subscribe)


def open_data(data: RenderData, lang: str, base: str) -> str:
    r = Renderer(data, lang, base)
    return r.render("open_data.html", files=urls.OPEN_DATA_FILES, fields=opendata.FIELDS, license=data.settings.data_license, count=len(data.inventory.entries))


# Marker colours on the map, one per section (legend and markers use the same).
SECTION_COLORS = {
    "di-tich": "#8a1c1c",
    "le-hoi": "#9a6a00",
    "lang-nghe": "#2e6b34",
    "nghe-nhan": "#1f4e8c",
    "quan-ho": "#6a2c91",
    "san-pham": "#0f6b6b",
}


def translation_notice(data: RenderData, lang: str, base: str, original_url: str) -> str:
    r = Renderer(data, lang, base)
    return r.render("translation_notice.html", original=r.href(original_url))


def translation_table(data: RenderData, lang: str, base: str) -> str:
    from heritage.content.translations import STATUS_LABELS

    r = Renderer(data, lang, base)
    return r.render("translation_table.html", pairs=list(data.translations.values()), labels=STATUS_LABELS)


def search_page(data: RenderData, lang: str, base: str) -> str:
    r = Renderer(data, lang, base)
    return r.render("search.html", index=r.href(urls.search_index(lang)))


# --- heritage trails -------------------------------------------------------------------------


def trail_blocks(data: RenderData, trail: "TrailRecord", lang: str, base: str) -> tuple[str, str]:
    """Above a trail's words (facts, map) and below them (stops, festivals, QR code)."""
    r = Renderer(data, lang, base)
    route = trail_route.route(trail, data.inventory)
    extra = dict(route=route, trail=trail, km=r.km, hours=r.hours, speeds=trail_route.SPEED_KMH)
    festivals_on = trail_route.festivals_on(route, data.inventory, data.today)
    return r.render("trail_head.html", **extra), r.render("trail_foot.html", festivals=festivals_on, **extra)


def trails_index(data: RenderData, lang: str, base: str) -> str:
    r = Renderer(data, lang, base)
    trails = sorted(data.inventory.trails.values(), key=lambda t: vi_sort_key(t.name(lang)))
    return r.render("trails_index.html", routes=[trail_route.route(t, data.inventory) for t in trails], km=r.km)


def about(data: RenderData, lang: str, base: str) -> str:
    """The brochure's download, when the build publishes one (it needs the public address)."""
    if not data.qr_codes:
        return ""
    r = Renderer(data, lang, base)
    return r.render("about_brochure.html", year=data.today.year)
