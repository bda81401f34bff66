"""What's on: the festivals' next dates, the recurring events' pages and list, the calendar's
twelve months and the home page's "this month", made from `calendar.festivals` and
`events.dates`. Fragments render with `render.Renderer`, as every other page's do."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from heritage import i18n, urls
from heritage.calendar import festivals as festival_dates
from heritage.calendar import ical, lunar
from heritage.events import dates as event_dates
from heritage.text import vi_sort_key

if TYPE_CHECKING:
    from heritage.calendar.festivals import Occurrence
    from heritage.content.inventory import EntryRecord, EventRecord, Inventory
    from heritage.pages.render import RenderData

MONTHS = 12  # the calendar page's months, this one first
EVENT_PAGE_DAYS = 92  # an event's page lists its dates this far ahead


def next_festival(entry: "EntryRecord", today: dt.date) -> "Occurrence":
    """The festival's edition under way or next (`coming` always has at least one)."""
    return festival_dates.coming(entry, today)[0]


def within_year(day: dt.date, today: dt.date) -> bool:
    return day < today + dt.timedelta(days=event_dates.HORIZON_DAYS)


def festivals_by_next(inv: "Inventory", lang: str, today: dt.date) -> list["EntryRecord"]:
    """Festivals in the order of their next edition: one without an edition in the next twelve
    months (a festival held every three years) comes after all that have one."""
    return sorted(inv.section("le-hoi", lang), key=lambda e: (next_festival(e, today).start, vi_sort_key(e.name(lang))))


def lunar_text(day: dt.date, lang: str) -> str:
    """The lunar date of a solar day: 'ngày 15 tháng 7 (âm lịch)' / '15th day of the 7th lunar month'."""
    found = lunar.to_lunar(day)
    return i18n.format_recurring("lunar", found.month, found.day, found.leap, lang)


def events_by_next(inv: "Inventory", lang: str, today: dt.date) -> list[tuple["EventRecord", dt.date | None]]:
    """Every event with its next date, soonest first; those with none (ended) last, by name."""
    found = [(e, event_dates.next_date(e, today)) for e in inv.events.values()]
    return sorted(found, key=lambda pair: (pair[1] is None, pair[1] or today, vi_sort_key(pair[0].name(lang))))


@dataclass
class Month:
    first: dt.date
    festivals: list = field(default_factory=list)  # Occurrence overlapping the month
    events: list = field(default_factory=list)  # (EventRecord, [dates in the month])

    @property
    def anchor(self) -> str:
        return f"m-{self.first.year}-{self.first.month:02d}"


def _month_after(first: dt.date) -> dt.date:
    return dt.date(first.year + first.month // 12, first.month % 12 + 1, 1)


def months(inv: "Inventory", today: dt.date, count: int = MONTHS, lang: str = "vi") -> list[Month]:
    """This month (from today) and the next `count - 1`: festivals and events together."""
    out, first = [], dt.date(today.year, today.month, 1)
    for _ in range(count):
        after = _month_after(first)
        start, last = max(first, today), after - dt.timedelta(days=1)
        month = Month(first, festival_dates.between(inv, start, last))
        for event in sorted(inv.events.values(), key=lambda e: vi_sort_key(e.name(lang))):
            days = event_dates.dates_between(event, start, last)
            if days:
                month.events.append((event, days))
        month.events.sort(key=lambda pair: pair[1][0])
        out.append(month)
        first = after
    return out


def event_blocks(data: "RenderData", event: "EventRecord", lang: str, base: str) -> tuple[str, str]:
    """Above an event's words (badge, summary, facts) and below them (its coming dates)."""
    from heritage.pages.render import Renderer, share_links

    r = Renderer(data, lang, base)
    coming = event_dates.coming(event, data.today, EVENT_PAGE_DAYS)
    place = data.inventory.resolve(event.data.place.entry) if event.data.place.entry else None
    context = dict(event=event, place=place, coming=coming, next=event_dates.next_date(event, data.today), dates=event_dates, w=_words(lang))
    share = share_links(data, event.url(lang), event.name(lang))
    return r.render("event_head.html", **context), r.render("event_foot.html", share=share, **context)


def _words(lang: str):
    """Bound helpers the event templates call with the page's language."""
    return {
        "rule": lambda repeat: event_dates.rule_text(repeat, lang),
        "bounds": lambda repeat: event_dates.bounds_text(repeat, lang, i18n.format_day),
        "lunar": lambda day: lunar_text(day, lang),
        "skipped": lambda repeat: event_dates.except_text(repeat, lang, i18n.format_day),
    }


def events_index(data: "RenderData", lang: str, base: str) -> str:
    from heritage.pages.render import Renderer

    r = Renderer(data, lang, base)
    return r.render("events_index.html", events=events_by_next(data.inventory, lang, data.today), dates=event_dates, w=_words(lang))


def calendar(data: "RenderData", lang: str, base: str) -> str:
    """/lich-le-hoi/: the calendar files, then twelve months of festivals and events."""
    from heritage.pages.render import Renderer

    r = Renderer(data, lang, base)
    subscribe = ical.subscribe_links(data.site_url, lang)
    return r.render("festivals.html", months=months(data.inventory, data.today, lang=lang), ics=r.href(urls.ics(lang)), subscribe=subscribe, w=_words(lang))


def this_month(data: "RenderData", lang: str) -> Month:
    """What the home page says is on: the rest of this month."""
    return months(data.inventory, data.today, 1, lang)[0]
