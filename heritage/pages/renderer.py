"""The renderer every HTML fragment is made with: the Jinja environment, the data a build
hands over once (RenderData) and the per-page helpers the templates call (Renderer).

Templates live in heritage/pages/templates/ (Jinja2, autoescaped: text from YAML can never
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
from heritage.calendar import festivals as festival_dates
from heritage.content.schema import WEEKDAYS
from heritage.media.audio_video import format_duration, iso_duration
from heritage.pages import onsite, whats_on
from heritage.pages.theme import bytecode_cache
from heritage.sections import COLUMN, ENTRY_SECTIONS
from heritage.text import looks_vietnamese, vietnamese_spans
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
        bytecode_cache=bytecode_cache(),
    )
    env.globals["sections"] = ENTRY_SECTIONS
    env.globals["column"] = COLUMN
    env.globals["urls"] = urls
    env.filters["day"] = i18n.format_day
    env.filters["month"] = i18n.format_month
    return env


@lru_cache(maxsize=None)
def texts(lang: str) -> dict[str, str]:
    """Every interface word in one language, as a plain dict a template reads (and MiniJinja too)."""
    return {key: words[lang] for key, words in i18n.STRINGS.items()}


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


@dataclass(frozen=True)
class Credit:
    text: str
    lang_attr: str  # ' lang="vi"' or ''
    licence: str  # the vocabulary's label
    licence_url: str
    download: str = ""  # the media bank's high-resolution JPEG (open licences only)
    download_name: str = ""
    download_about: str = ""  # "JPEG, 1,600 × 1,067 px, 58 KB"


class Renderer:
    """Renders fragments for one page: knows its language and its way to the root."""

    def __init__(self, data: RenderData, lang: str, base: str):
        self.data = data
        self.inv = data.inventory
        self.lang = lang
        self.base = base  # the way to the site's root: templates print `r.base ~ path`
        self.txt = texts(lang)  # the interface's words: templates print `r.txt.key`, calling nothing

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

    def press_kit(self, entry_id: str) -> tuple[str | None, str | None]:
        """The entry's press kit (open-licence photos only) and the media bank page, when they exist."""
        from heritage.media_bank import items as bank_items

        bank = urls.page(self.lang, urls.BANK) if f"{urls.BANK}/index.md" in self.data.translations else None
        return bank_items.bank_of(self.data).kits.get(entry_id), bank

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

    def hours_by_days(self, hours) -> list[tuple[str, list[str]]]:
        """A stop's opening hours grouped by their days ("Thứ Hai – Thứ Sáu": 07:00–11:00, 13:30–17:00),
        in the data's order: grouped here, so that the template mutates nothing."""
        groups: dict[str, list[str]] = {}
        for h in hours:
            groups.setdefault(self.weekdays(h.weekdays), []).append(f"{h.opens}–{h.closes}")
        return list(groups.items())

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

    def credit_of(self, item, entry_id: str = "") -> "Credit":
        """A media item's credit and licence as every page prints them: the vocabulary's label
        (the media bank's wording), linked to the licence's text; and, for a photo under an open
        licence, the media bank's high-resolution download (the photo viewer offers it too)."""
        from heritage.media_bank import items as bank_items, page as bank_page

        vocab = self.inv.vocabulary
        text = item.credit_text(self.lang)
        terms = vocab.licence_terms.get(item.license)
        d = bank_items.bank_of(self.data).download_for(urls.media_key(entry_id, item.path)) if entry_id and item.kind == "image" else None
        about = bank_page.file_about(d.width, d.height, d.size, self.lang) if d else ""
        return Credit(text, self.lang_of(text), vocab.label(vocab.licenses, item.license, self.lang), (terms.url or "") if terms else "",
                      self.href(d.url) if d else "", d.name if d else "", about)

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


# Public share URLs: no script from Facebook or Zalo is ever loaded.
FACEBOOK_SHARE = "https://www.facebook.com/sharer/sharer.php?u={url}"
ZALO_SHARE = "https://sp.zalo.me/share_inline?url={url}"


def share_links(data: RenderData, site_path: str, title: str) -> dict:
    url = urls.absolute(data.site_url, site_path)
    return {"url": url, "title": title, "facebook": FACEBOOK_SHARE.format(url=quote(url, safe="")), "zalo": ZALO_SHARE.format(url=quote(url, safe=""))}
