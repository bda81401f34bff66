"""Typed schemas of entry files (`data/<section>/<id>.yml`) and column posts.

Pydantic does the type work; the wording of every error editors read is in
`content.messages`: a rule broken here is raised by name with its values (`broken`).
Cross-file rules (vocabulary, related ids, media files, pages in both languages)
are in `content.references`, which sees all files.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cached_property
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints, field_validator, model_validator
from pydantic_core import PydanticCustomError

from heritage.content import forms
from heritage.content.addresses import SourceAddress, WebAddress
from heritage.sections import ENTRY_SECTIONS

# An id is a file name, a URL and a printed QR code: 60 characters keep all three workable
# (the plaques' files are named after it; a file name has at most 255 bytes).
ID_MAX_LENGTH = 60
ID_CHARS = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"  # for pydantic's regex engine, which has no look-ahead
ID_PATTERN = re.compile(rf"^(?=.{{1,{ID_MAX_LENGTH}}}$){ID_CHARS[1:]}")  # the file name, the form
YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")

# Mainland, islands and archipelagos of Viet Nam, with a small margin.
VIETNAM_LAT = (8.0, 23.5)
VIETNAM_LON = (102.0, 117.5)


def broken(rule: str, **values) -> PydanticCustomError:
    """The error for a broken rule: its name (a key of `messages.RULES`) and values, no wording."""
    return PydanticCustomError("heritage", rule, {"rule": rule, **values})


_LINE_BREAKS = re.compile(r"[\r\n\x85\u2028\u2029]")


def _one_line(value: str) -> str:
    """A title is one line: calendars, feeds and the page's <title> cannot carry a line break."""
    if _LINE_BREAKS.search(value):
        raise broken("line-break")
    return value


NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
# An optional switch left empty is off: `sample:` with nothing after it in a file, or the null
# the web editor writes for a toggle nobody touched (it blocked a new post's preview).
Flag = Annotated[bool, BeforeValidator(lambda value: False if value is None else value)]
Short = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]
# A name or title is a heading, a tab title, a card and a search result: long text breaks them all.
Title = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=120), AfterValidator(_one_line)]
# A photo's caption is a line or two under it; a transcript (a song's lyrics, a narration) is longer.
CaptionLine = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=1000)]
TranscriptText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=20_000)]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Text(Model):
    """Bilingual text: both keys required."""

    vi: NonEmpty
    en: NonEmpty

    def __call__(self, lang: str) -> str:
        return self.vi if lang == "vi" else self.en


class Summary(Text):
    vi: Short
    en: Short


class Name(Text):
    vi: Title
    en: Title


class Caption(Text):
    vi: CaptionLine
    en: CaptionLine


class Alt(Text):
    vi: Short
    en: Short


class Transcript(Text):
    vi: TranscriptText
    en: TranscriptText


class Location(Model):
    address: Text | None = None
    lat: float
    lon: float

    @field_validator("lat")
    @classmethod
    def _lat_in_vietnam(cls, value: float) -> float:
        lo, hi = VIETNAM_LAT
        if not lo <= value <= hi:
            raise broken("latitude-outside", value=value, lo=lo, hi=hi)
        return value

    @field_validator("lon")
    @classmethod
    def _lon_in_vietnam(cls, value: float) -> float:
        lo, hi = VIETNAM_LON
        if not lo <= value <= hi:
            raise broken("longitude-outside", value=value, lo=lo, hi=hi)
        return value


class When(Model):
    calendar: Literal["lunar", "solar"]
    month: int = Field(ge=1, le=12)
    day: int = Field(ge=1, le=31)
    leap: bool = False
    days: int = Field(default=1, ge=1, le=30)
    every: int | None = Field(default=None, ge=1, le=12)
    since: int | None = Field(default=None, ge=1900, le=2100)

    @model_validator(mode="after")
    def _consistent(self) -> "When":
        if self.calendar == "lunar" and self.day > 30:
            raise broken("lunar-day", day=self.day)
        if self.calendar == "solar":
            try:
                dt.date(2024, self.month, self.day)  # 2024 is a leap year: 29/2 is allowed
            except ValueError:
                raise broken("solar-date", day=self.day, month=self.month) from None
            if self.leap:
                raise broken("solar-leap")
        if (self.every is None) != (self.since is None):
            raise broken("every-since")
        return self


class Consent(Model):
    date: dt.date
    ref: NonEmpty


class Source(Model):
    title: Short
    url: SourceAddress  # a web address, or a page of this site from its root


_MEDIA_KINDS = ("image", "audio", "video", "youtube")


class MediaItem(Model):
    image: Short | None = None
    audio: Short | None = None
    video: Short | None = None
    youtube: Short | None = None
    alt: Alt | None = None
    caption: Caption | None = None
    transcript: Transcript | None = None  # lyrics or narration of audio and video, shown beside the player
    # The language spoken in an audio or video item (a guide can exist once per language);
    # none: Vietnamese. The English page plays an English guide, else the Vietnamese one with
    # English subtitles made from the transcript.
    language: Literal["vi", "en"] | None = None
    credit: Short | Text
    license: Short
    date: dt.date | None = None

    @cached_property  # asked for every item of every entry on every build (frozen: it cannot change)
    def kind(self) -> str:
        return next(k for k in _MEDIA_KINDS if getattr(self, k) is not None)

    @property
    def path(self) -> str:
        return getattr(self, self.kind)

    def credit_text(self, lang: str) -> str:
        return self.credit(lang) if isinstance(self.credit, Text) else self.credit

    @model_validator(mode="after")
    def _one_kind(self) -> "MediaItem":
        present = [k for k in _MEDIA_KINDS if getattr(self, k) is not None]
        if len(present) != 1:
            raise broken("media-kinds", found_vi=", ".join(present) or "không có", found_en=", ".join(present) or "none")
        kind = present[0]
        value = getattr(self, kind)
        if kind == "youtube":
            if not YOUTUBE_ID.match(value):
                raise broken("youtube-id", value=value)
        elif value.startswith("/") or ".." in value.split("/") or "\\" in value:
            raise broken("media-path", value=value)
        if kind in ("audio", "video", "youtube") and self.caption is None:
            raise broken("media-caption")
        if kind == "image" and self.alt is None:
            raise broken("image-alt")
        return self


EntryId = Annotated[str, StringConstraints(max_length=ID_MAX_LENGTH, pattern=ID_CHARS)]

# The longest lists a page shows in full; past these a page weighs megabytes. Decap's form
# takes them from here (editor/fields.py) and so refuses the same lists.
MAX_MEDIA = 100
MAX_RELATED = 30
MAX_SOURCES = 50
MAX_ALIASES = 20
MAX_STOPS = 40
MAX_HOURS = 14
MAX_FEATURED = 30

# Days of the week as editors write them, in order; schema.org names them in English.
WEEKDAYS = ("mo", "tu", "we", "th", "fr", "sa", "su")
TIME = re.compile(r"^([01]?[0-9]|2[0-3]):([0-5][0-9])$")


class Hours(Model):
    """One line of opening hours: these days, from `opens` to `closes` (24-hour HH:MM)."""

    days: list[str] | Literal["daily"]
    opens: str
    closes: str

    @field_validator("days")
    @classmethod
    def _weekdays(cls, value: list[str] | str) -> list[str] | str:
        if isinstance(value, list):
            unknown = [d for d in value if d not in WEEKDAYS]
            if unknown or not value:
                raise broken("visit-day", value=", ".join(map(str, unknown)) or "[]")
        return value

    @field_validator("opens", "closes", mode="before")
    @classmethod
    def _time(cls, value: object) -> str:
        # YAML 1.1 reads an unquoted 07:30 as the number 450 (sexagesimal): take it back.
        if isinstance(value, int) and 0 <= value < 24 * 60:
            value = f"{value // 60:02d}:{value % 60:02d}"
        match = TIME.match(str(value).strip())
        if not match:
            raise broken("visit-time", value=value)
        return f"{int(match.group(1)):02d}:{match.group(2)}"

    @model_validator(mode="after")
    def _in_order(self) -> "Hours":
        if self.closes <= self.opens:
            raise broken("visit-order", opens=self.opens, closes=self.closes)
        return self

    @property
    def weekdays(self) -> list[str]:
        return list(WEEKDAYS) if self.days == "daily" else [d for d in WEEKDAYS if d in self.days]


class Visit(Model):
    """What a visitor needs before coming: hours or an appointment, fee, contact, manners."""

    where: Text | None = None  # where to buy or visit (a shop, the workshop, the village market)
    hours: list[Hours] = Field(default=[], max_length=MAX_HOURS)
    by_appointment: bool = False
    hours_note: Text | None = None  # e.g. open on the 1st and 15th of each lunar month
    fee: Text | None = None
    free: bool = False
    phone: Annotated[str, StringConstraints(strip_whitespace=True, pattern=forms.PHONE)] | None = None
    email: Annotated[str, StringConstraints(strip_whitespace=True, pattern=forms.EMAIL)] | None = None
    etiquette: Text | None = None
    accessibility: Text | None = None
    best_time: Text | None = None

    @model_validator(mode="after")
    def _something(self) -> "Visit":
        if not self.model_fields_set:
            raise broken("visit-empty")
        if self.free and self.fee is not None:
            raise broken("visit-fee")
        return self

    @property
    def tel(self) -> str:
        return re.sub(r"[^0-9+]", "", self.phone or "")


class Entry(Model):
    """Fields every section shares."""

    name: Name
    summary: Summary
    type: NonEmpty
    priority: NonEmpty | None = None
    location: Location | None = None
    media: list[MediaItem] = Field(default=[], max_length=MAX_MEDIA)
    related: list[EntryId] = Field(default=[], max_length=MAX_RELATED)
    sources: list[Source] = Field(default=[], max_length=MAX_SOURCES)
    aliases: list[EntryId] = Field(default=[], max_length=MAX_ALIASES)
    sample: Flag = False

    ranking: str | None = None  # overridden where the section has rankings


class _Ranked(Entry):
    ranking: NonEmpty


class Relic(_Ranked):
    location: Location
    visit: Visit | None = None


class Organizer(Model):
    """Who organises a festival (a provincial committee, a temple's board…): search engines
    are told this, never a guess, and nothing when the entry leaves it out."""

    name: Name
    url: WebAddress | None = None


class Festival(_Ranked):
    when: When
    organizer: Organizer | None = None


class Craft(_Ranked):
    location: Location
    visit: Visit | None = None


class Artisan(Entry):
    consent: Consent
    title: Text | None = None
    ranking: None = None


class Song(_Ranked):
    pass


class Product(Entry):
    ocop_stars: int | None = Field(default=None, ge=1, le=5)
    ranking: None = None
    visit: Visit | None = None


SCHEMAS: dict[str, type[Entry]] = {
    "di-tich": Relic,
    "le-hoi": Festival,
    "lang-nghe": Craft,
    "nghe-nhan": Artisan,
    "quan-ho": Song,
    "san-pham": Product,
}


class PostAudio(Model):
    """A post read aloud, per language: `audio: {vi: chuyen-muc/bai.mp3, en: chuyen-muc/post.mp3}`."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    vi: NonEmpty | None = None
    en: NonEmpty | None = None


class PostMeta(Model):
    """Front matter of a column post."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    title: Title
    date: dt.date
    summary: Short
    category: NonEmpty | None = None
    cover: NonEmpty | None = None
    audio: NonEmpty | PostAudio | None = None  # one path: the page's own language read aloud
    entries: list[EntryId] = Field(default=[], max_length=MAX_FEATURED)
    sample: Flag = False
    translated_from: NonEmpty | None = None
    description: NonEmpty | None = None


# --- heritage trails (data/trails/<id>.yml) ---------------------------------------------------

TRAVEL_MODES = ("walking", "cycling")


class TrailStop(Model):
    """One stop of a trail: an entry, what to look at there, and how long to stay."""

    entry: EntryId
    note: Text | None = None
    minutes: int = Field(default=20, ge=1, le=480)  # suggested time at the stop


class Trail(Model):
    """An ordered visit through entries (izi.TRAVEL's tours, printed in the brochure too)."""

    name: Name
    summary: Summary
    stops: list[TrailStop] = Field(min_length=2, max_length=MAX_STOPS)
    travel: list[Literal["walking", "cycling"]] = Field(min_length=1)
    season: Text  # the best time of year, said in words (lunar months, weather)
    sample: Flag = False
# --- the other data files -----------------------------------------------------------------


class IssuedCode(Model):
    """One code printed on a plaque (data/qr-issued.yml)."""

    id: EntryId
    date: dt.date


class IssuedFile(Model):
    issued: list[IssuedCode] = []


SectionKey = Literal[tuple(ENTRY_SECTIONS)]  # type: ignore[valid-type]


class VocabularyFile(Model):
    """data/vocabulary.yml: per section, value → labels; and site-wide lists."""

    types: dict[SectionKey, dict[NonEmpty, Text]]
    rankings: dict[SectionKey, dict[NonEmpty, Text] | None] = {}
    priorities: dict[NonEmpty, Text] = {}
    categories: dict[NonEmpty, Text] = {}
