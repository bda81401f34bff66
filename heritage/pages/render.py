"""HTML fragments that wrap editors' Markdown with what the data says.

Templates live in heritage/templates/ (Jinja2, autoescaped: text from YAML can never
inject markup). Every URL is relative to the page (`base`), so the site works under
any path, GitHub Pages project sites included.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING
from urllib.parse import quote

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from heritage import i18n, urls
from heritage.text import looks_vietnamese, vietnamese_spans
from heritage.calendar import festivals as festival_dates
from heritage.calendar import ical
from heritage.column import rules as column
from heritage.map import basemap
from heritage.media.audio_video import format_duration, iso_duration
from heritage.content.schema import WEEKDAYS
from heritage.outputs import opendata
from heritage.pages import onsite
from heritage.pages import practical as practical_words
from heritage.pages import whats_on
from heritage.sections import COLUMN, ENTRY_SECTIONS
from heritage.text import vi_sort_key
from heritage.trails import route as trail_route

if TYPE_CHECKING:
    from heritage.content.inventory import EntryRecord, Inventory, Post, TrailRecord
    from heritage.content.translations import PagePair
    from heritage.map.basemap import Basemap
    from heritage.media.library import MediaLibrary


# Rankings that say "not ranked": an inventory fact, nothing a visitor needs to read.
UNRANKED = frozenset({"chua-xep-hang"})


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

    def shows_ranking(self, entry: "EntryRecord") -> bool:
        """A ranking means something to a visitor only when there is one."""
        return bool(entry.data.ranking) and entry.data.ranking not in UNRANKED

    def weekdays(self, days: list[str]) -> str:
        return i18n.format_weekdays(days, self.lang)

    def next_dates(self, entry: "EntryRecord"):
        """The dates the festival's page shows: the same as its .ics file."""
        return festival_dates.coming(entry, self.data.today)

    def next_festival(self, entry: "EntryRecord"):
        return whats_on.next_festival(entry, self.data.today)

    def lunar_text(self, day: dt.date) -> str:
        return whats_on.lunar_text(day, self.lang)

    def within_year(self, day: dt.date) -> bool:
        return whats_on.within_year(day, self.data.today)

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

    def count(self, key: str, n: int) -> str:
        return i18n.count(key, n, self.lang)

    def plural(self, key: str) -> tuple[str, str]:
        """Both forms with a {n} for the page's scripts to fill in."""
        return i18n.PLURALS[key][self.lang]

    def name(self, text: str) -> Markup:
        """A name as HTML: on a page in another language, its Vietnamese parts are marked
        lang="vi", so that a screen reader says 'Hội Lim' in Vietnamese."""
        if self.lang == "vi":
            return Markup.escape(text)
        return Markup("").join(Markup('<span lang="vi">{}</span>').format(part) if is_vi else Markup.escape(part) for part, is_vi in vietnamese_spans(text))

    def lang_of(self, text: str) -> str:
        """' lang="vi"' for Vietnamese text an editor left unmarked on a page in another language."""
        return ' lang="vi"' if self.lang != "vi" and looks_vietnamese(text) else ""

    def post_url(self, post: "Post") -> str:
        return self.href(post.url(self.lang))

    def stop_number(self, trail: "TrailRecord", entry_id: str) -> int:
        return next(i for i, s in enumerate(trail.data.stops, start=1) if s.entry == entry_id)

    def day_names(self) -> str:
        """Monday first, for the open-now line's "opens Monday at 07:00"."""
        return json.dumps([i18n.WEEKDAY_NAMES[self.lang][d] for d in WEEKDAYS], ensure_ascii=False)

    def directions(self, entry: "EntryRecord"):
        """Links that open a map app on the entry's place, by its name (heritage/pages/onsite.py)."""
        return onsite.directions(entry.name(self.lang), entry.data.location.lat, entry.data.location.lon)

    def distance(self, metres: int) -> str:
        return onsite.format_distance(metres, self.lang)

    def km(self, km: float) -> str:
        return trail_route.format_km(km, self.lang)

    def hours(self, minutes: int) -> str:
        return trail_route.format_hours(minutes, self.lang)


def entry_blocks(data: RenderData, entry: "EntryRecord", lang: str, base: str) -> tuple[str, str]:
    """What goes above an entry's story (facts, photos, media) and below it (sources, links)."""
    r = Renderer(data, lang, base)
    share = share_links(data, entry.url(lang), entry.name(lang))
    here = onsite.view(data.inventory, data.settings, entry, lang, data.media.av)
    return r.render("entry_head.html", entry=entry, share=share, here=here), r.render("entry_foot.html", entry=entry, here=here)


def catalogue(data: RenderData, section: str, lang: str, base: str) -> str:
    r = Renderer(data, lang, base)
    # festivals by their next edition (`whats_on`), the other sections by name
    entries = whats_on.festivals_by_next(data.inventory, lang, data.today) if section == "le-hoi" else data.inventory.section(section, lang)
    return r.render("catalogue.html", section=ENTRY_SECTIONS[section], entries=entries, unranked=UNRANKED)


# The home page's ways in: section or page folder → a small line icon (decorative, inline).
_ICON = '<svg viewBox="0 0 24 24" width="28" height="28" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round">{}</svg>'
WAY_ICONS = {
    "di-tich": _ICON.format('<path d="M2 10c2.5.4 4.6-.5 6.4-2L12 4.5 15.6 8c1.8 1.5 3.9 2.4 6.4 2"/><path d="M5 11v9M12 11v9M19 11v9M3 20h18"/>'),
    "le-hoi": _ICON.format('<path d="M8 3v4M16 3v4M3 10h18"/><rect x="3" y="5" width="18" height="16" rx="2"/><path d="M12 13.5l1.2 2.4 2.6.4-1.9 1.8.5 2.6-2.4-1.3-2.4 1.3.5-2.6-1.9-1.8 2.6-.4z"/>'),
    urls.MAP: _ICON.format('<path d="M9 4 3 6.5v13L9 17l6 2.5 6-2.5v-13L15 6.5z"/><path d="M9 4v13M15 6.5v13"/>'),
    COLUMN.key: _ICON.format('<rect x="4" y="3" width="16" height="18" rx="2"/><path d="M8 8h8M8 12h8M8 16h5"/>'),
}


@dataclass(frozen=True)
class Way:
    key: str
    href: str
    label: str
    note: str
    icon: str


@dataclass(frozen=True)
class Hero:
    entry: "EntryRecord"
    item: object  # the entry's MediaItem
    image: object  # its web renditions


def hero(data: RenderData) -> Hero | None:
    """The home page's photo: the first featured entry that has one (data/site.yml), else the
    most recently added entry with a photo (git history; by id without it)."""
    from heritage.content import history

    inv = data.inventory
    featured = [e for e in (inv.resolve(i) for i in data.settings.featured) if e is not None]
    added = history.file_dates(inv.root, history.head_of(inv.root))
    rest = sorted(inv.entries.values(), key=lambda e: (added.get(e.rel, (dt.date.min,))[0], e.id), reverse=True)
    for entry in featured + rest:
        for item in entry.data.media:
            image = data.media.images.get(urls.media_key(entry.id, item.path)) if item.kind == "image" else None
            if image is not None:
                return Hero(entry, item, image)
    return None


def featured_entries(data: RenderData, limit: int = 3) -> list["EntryRecord"]:
    """Places to visit on the home page: the featured ones first, then relics and crafts with photos."""
    inv = data.inventory
    chosen = [e for e in (inv.resolve(i) for i in data.settings.featured) if e is not None]
    for key in ("di-tich", "lang-nghe"):
        chosen += [e for e in inv.section(key, "vi") if e not in chosen and e.data.media]
    return chosen[:limit]


def countdown(occurrence, today: dt.date, lang: str) -> str:
    """'In 12 days' / 'Tomorrow' / 'Today' / 'Happening now' for a festival's next occurrence."""
    if occurrence.start < today <= occurrence.end:
        return i18n.t("happening_now", lang)
    days = (occurrence.start - today).days
    if days == 0:
        return i18n.t("today_word", lang)
    if days == 1:
        return i18n.t("tomorrow", lang)
    return i18n.t("in_days", lang, n=days)


def home_blocks(data: RenderData, lang: str, base: str) -> tuple[str, str]:
    """Above the welcome text: the photo and the ways in; below: festival, places, column, visit."""
    r = Renderer(data, lang, base)
    inv = data.inventory
    counts = {key: len([e for e in inv.entries.values() if e.section == key]) for key in ENTRY_SECTIONS}
    located = len([e for e in inv.entries.values() if e.data.location is not None])
    coming = [o for o in festival_dates.upcoming(inv, data.today) if o.end >= data.today]
    ways = [
        Way("di-tich", urls.page(lang, "di-tich"), ENTRY_SECTIONS["di-tich"].label(lang), i18n.count("entries", counts["di-tich"], lang), WAY_ICONS["di-tich"]),
        Way("le-hoi", urls.page(lang, urls.CALENDAR), ENTRY_SECTIONS["le-hoi"].label(lang), r.t("next_festival") if coming else "", WAY_ICONS["le-hoi"]),
        Way(urls.MAP, urls.page(lang, urls.MAP), r.t("map_teaser"), i18n.count("places", located, lang), WAY_ICONS[urls.MAP]),
        Way(COLUMN.key, urls.page(lang, COLUMN.key), COLUMN.label(lang), r.t("monthly"), WAY_ICONS[COLUMN.key]),
    ]
    practical = data.settings.practical
    plan = {"plan_label": practical_words.word("plan_your_trip", lang), "plan_teaser": practical_words.teaser(practical, lang) if practical else ""}
    head = r.render("home_head.html", hero=hero(data), ways=ways, settings=data.settings, **plan)
    tail = r.render(
        "home.html",
        counts=counts,
        posts=inv.published_posts(lang)[:3],
        next_festival=coming[0] if coming else None,
        later=coming[1:3],
        countdown=countdown(coming[0], data.today, lang) if coming else "",
        featured=featured_entries(data),
        places=i18n.count("places", located, lang),
        settings=data.settings,
        **plan,
        month=whats_on.this_month(data, lang),
    )
    return head, tail


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
    """The calendar page: twelve months of festivals and events (`whats_on.calendar`)."""
    return whats_on.calendar(data, lang, base)


def open_data(data: RenderData, lang: str, base: str) -> str:
    r = Renderer(data, lang, base)
    return r.render("open_data.html", files=urls.OPEN_DATA_FILES, datapackage=urls.DATA_PACKAGE_FILE, fields=opendata.FIELDS, license=data.settings.data_license, count=len(data.inventory.entries))


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


def footer(data: RenderData, lang: str, base: str) -> str:
    """Every page's footer: the site's promise, the ward's contact, a few links, the copyright."""
    r = Renderer(data, lang, base)
    return r.render("footer.html", settings=data.settings, year=data.today.year)


# What the site is made with, credited on the About page (and nowhere else).
CREDITS = (
    ("MkDocs", "https://www.mkdocs.org/", {"vi": "tạo trang web tĩnh", "en": "static site generator"}),
    ("Material for MkDocs", "https://squidfunk.github.io/mkdocs-material/", {"vi": "giao diện", "en": "theme"}),
    ("mkdocs-static-i18n", "https://github.com/ultrabug/mkdocs-static-i18n", {"vi": "hai ngôn ngữ", "en": "two languages"}),
    ("Leaflet", "https://leafletjs.com/", {"vi": "bản đồ", "en": "the map"}),
    ("OpenStreetMap", "https://www.openstreetmap.org/copyright", {"vi": "nền bản đồ, © những người đóng góp OpenStreetMap", "en": "map background, © OpenStreetMap contributors"}),
    ("Be Vietnam Pro", "https://github.com/bettergui/BeVietnamPro", {"vi": "phông chữ tiêu đề (SIL Open Font License)", "en": "heading typeface (SIL Open Font License)"}),
    ("Pillow, PyAV, segno, ReportLab", "https://python-pillow.org/", {"vi": "ảnh, âm thanh, mã QR, biển in", "en": "photos, audio, QR codes, printed plaques"}),
    ("pydantic, PyYAML, Jinja2, Babel", "https://docs.pydantic.dev/", {"vi": "kiểm tra và trình bày dữ liệu", "en": "checking and presenting the data"}),
)


def about(data: RenderData, lang: str, base: str) -> str:
    """The ward's contact and the credits; the brochure's download when the build publishes
    one (it prints the site's QR code, so it needs the public address)."""
    r = Renderer(data, lang, base)
    html = r.render("about.html", settings=data.settings, credits=CREDITS)
    if data.qr_codes:
        html += "\n" + r.render("about_brochure.html", year=data.today.year)
    return html


def search_page(data: RenderData, lang: str, base: str) -> str:
    r = Renderer(data, lang, base)
    return r.render("search.html", index=r.href(urls.search_index(lang)))


# --- heritage trails -------------------------------------------------------------------------


def trail_blocks(data: RenderData, trail: "TrailRecord", lang: str, base: str) -> tuple[str, str]:
    """Above a trail's words (facts, map) and below them (stops, festivals, QR code)."""
    r = Renderer(data, lang, base)
    route = trail_route.route(trail, data.inventory)
    mode = "walking" if "walking" in trail.data.travel else trail.data.travel[0]
    extra = dict(route=route, trail=trail, km=r.km, hours=r.hours, speeds=trail_route.SPEED_KMH,
                 directions=trail_route.directions_url(route, mode), route_mode=mode, basemap=data.basemap)
    festivals_on = trail_route.festivals_on(route, data.inventory, data.today)
    return r.render("trail_head.html", **extra), r.render("trail_foot.html", festivals=festivals_on, **extra)


def trails_index(data: RenderData, lang: str, base: str) -> str:
    r = Renderer(data, lang, base)
    trails = sorted(data.inventory.trails.values(), key=lambda t: vi_sort_key(t.name(lang)))
    return r.render("trails_index.html", routes=[trail_route.route(t, data.inventory) for t in trails], km=r.km)
