"""The inventory as the site sees it: every entry and column post, with the vocabulary and settings.

A plain model: `content.loader` fills it from the files, `content.references` checks
what ties one file to another.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from heritage import clock, urls
from heritage.content.schema import Entry, PostMeta, Trail, TrailStop
from heritage.content.settings import Settings
from heritage.content.sources import YamlDocument
from heritage.content.vocabulary import Vocabulary
from heritage.events.schema import RecurringEvent
from heritage.problems import Problem
from heritage.text import vi_sort_key


@dataclass
class EntryRecord:
    id: str
    section: str
    data: Entry
    rel: str
    doc: YamlDocument

    def name(self, lang: str) -> str:
        return self.data.name(lang)

    def url(self, lang: str) -> str:
        """Site-relative URL without the leading slash."""
        return urls.entry(lang, self.section, self.id)

    def line(self, *path) -> int | None:
        return self.doc.line_of(path)


@dataclass
class TrailRecord:
    """A heritage trail (data/trails/<id>.yml): ordered stops through entries."""

    id: str
    data: Trail
    rel: str
    doc: YamlDocument

    def name(self, lang: str) -> str:
        return self.data.name(lang)

    def url(self, lang: str) -> str:
        return urls.trail(lang, self.id)

    def line(self, *path) -> int | None:
        return self.doc.line_of(path)


@dataclass
class EventRecord:
    """A recurring event (data/su-kien/<id>.yml): lunar days of each month or weekdays."""

    id: str
    data: "RecurringEvent"
    rel: str
    doc: YamlDocument

    def name(self, lang: str) -> str:
        return self.data.name(lang)

    def url(self, lang: str) -> str:
        return urls.event(lang, self.id)

    def line(self, *path) -> int | None:
        return self.doc.line_of(path)


@dataclass
class Post:
    slug: str
    lang: str
    meta: PostMeta
    rel: str
    doc: YamlDocument | None = field(default=None, compare=False, repr=False)  # its front matter, for line numbers

    @property
    def date(self) -> dt.date:
        return self.meta.date

    def url(self, lang: str | None = None) -> str:
        lang = lang or self.lang
        return urls.post(lang, self.slug)


@dataclass
class Inventory:
    root: Path
    vocabulary: Vocabulary
    settings: Settings
    entries: dict[str, EntryRecord] = field(default_factory=dict)
    posts: dict[str, list[Post]] = field(default_factory=dict)
    trails: dict[str, TrailRecord] = field(default_factory=dict)
    events: dict[str, EventRecord] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    invalid_ids: set[str] = field(default_factory=set)  # entries whose file has errors (reported there)
    # Trails whose file has errors: (file, document, the stops that could be read with their index),
    # still checked against the entries so that one run reports a repeated or unknown stop too.
    partial_trails: dict[str, tuple[str, YamlDocument, list[tuple[int, TrailStop]]]] = field(default_factory=dict)
    _sections: dict[tuple[str, str], list[EntryRecord]] = field(default_factory=dict, init=False, repr=False, compare=False)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @cached_property
    def aliases(self) -> dict[str, str]:
        """Former id → current id."""
        return {alias: entry.id for entry in self.entries.values() for alias in entry.data.aliases}

    def resolve(self, entry_id: str) -> EntryRecord | None:
        entry = self.entries.get(entry_id)
        if entry is None and entry_id in self.aliases:
            entry = self.entries.get(self.aliases[entry_id])
        return entry

    def post(self, lang: str, slug: str) -> Post | None:
        return next((p for p in self.posts.get(lang, []) if p.slug == slug), None)

    def section(self, key: str, lang: str) -> list[EntryRecord]:
        """Entries of one section in Vietnamese alphabetical order of their names."""
        if (key, lang) not in self._sections:  # asked by the catalogue, the map and open data
            self._sections[(key, lang)] = sorted((e for e in self.entries.values() if e.section == key), key=lambda e: vi_sort_key(e.name(lang)))
        return list(self._sections[(key, lang)])

    def published_posts(self, lang: str, today: dt.date | None = None) -> list[Post]:
        """Posts dated today or earlier, newest first (future posts wait for their date)."""
        today = today or clock.today()
        return sorted((p for p in self.posts.get(lang, []) if p.date <= today), key=lambda p: (p.date, p.slug), reverse=True)

    def trails_through(self, entry_id: str) -> list[TrailRecord]:
        """The trails that stop at an entry, in Vietnamese order of their names."""
        found = [t for t in self.trails.values() if any(s.entry == entry_id for s in t.data.stops)]
        return sorted(found, key=lambda t: vi_sort_key(t.name("vi")))

    def media_path(self, entry_id: str, relative: str) -> Path:
        return self.root / urls.MEDIA_SOURCE / entry_id / relative
