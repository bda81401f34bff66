"""The fragments of what's on: an event's page, the events page and the calendar page
(made from `whats_on`'s dates, rendered with `renderer.Renderer` as every other page's)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import TYPE_CHECKING

from heritage import i18n, urls
from heritage.calendar import ical
from heritage.events import dates as event_dates
from heritage.pages import whats_on
from heritage.pages.renderer import RenderData, Renderer, share_links

if TYPE_CHECKING:
    from heritage.content.inventory import EventRecord

EVENT_PAGE_DAYS = 92  # an event's page lists its dates this far ahead


def event_blocks(data: "RenderData", event: "EventRecord", lang: str, base: str) -> tuple[str, str]:
    """Above an event's words (badge, summary, facts) and below them (its coming dates)."""
    r = Renderer(data, lang, base)
    coming = event_dates.coming(event, data.today, EVENT_PAGE_DAYS)
    place = data.inventory.resolve(event.data.place.entry) if event.data.place.entry else None
    context = dict(event=event, place=place, coming=coming, next=event_dates.next_date(event, data.today), dates=event_dates, w=_words(lang))
    share = share_links(data, event.url(lang), event.name(lang))
    return r.render("event_head.html", **context), r.render("event_foot.html", share=share, **context)


def _words(lang: str):
    """Bound helpers the event templates call with the page's language (an object, not a dict:
    `w.rule(…)` is a method call to MiniJinja, which looks methods up as attributes)."""
    return SimpleNamespace(
        rule=lambda repeat: event_dates.rule_text(repeat, lang),
        bounds=lambda repeat: event_dates.bounds_text(repeat, lang, i18n.format_day),
        lunar=lambda day: whats_on.lunar_text(day, lang),
        skipped=lambda repeat: event_dates.except_text(repeat, lang, i18n.format_day),
    )


def events_index(data: "RenderData", lang: str, base: str) -> str:
    r = Renderer(data, lang, base)
    return r.render("events_index.html", events=whats_on.events_by_next(data.inventory, lang, data.today), dates=event_dates, w=_words(lang))


def calendar(data: "RenderData", lang: str, base: str) -> str:
    """/lich-le-hoi/: the calendar files, then twelve months of festivals and events."""
    r = Renderer(data, lang, base)
    subscribe = ical.subscribe_links(data.site_url, lang)
    return r.render("festivals.html", months=whats_on.months(data.inventory, data.today, lang=lang), ics=r.href(urls.ics(lang)), subscribe=subscribe, w=_words(lang))
