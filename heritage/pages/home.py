"""The home page's blocks: its photo, the ways in, the next festival, places and the column."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from heritage import i18n, urls
from heritage.calendar import festivals as festival_dates
from heritage.pages import practical as practical_words
from heritage.pages import whats_on
from heritage.pages.renderer import Renderer, RenderData
from heritage.sections import COLUMN, ENTRY_SECTIONS

if TYPE_CHECKING:
    from heritage.content.inventory import EntryRecord


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
