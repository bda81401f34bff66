"""What a visitor standing at the place needs first: the audio guide in their language (or the
Vietnamese one with subtitles), directions to the place by name, open or closed now, and the
nearest other place; and for crafts, products and artisans the next step (where to buy, call,
Zalo).

Kept apart from render.py (which only hands these to the templates) so that the rules can be
read and tested without a page: which audio item is the guide, how a transcript becomes
WebVTT cues, where a product is bought.
"""

from __future__ import annotations

import bisect
import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

from heritage import urls
from heritage.map import basemap
from heritage.sections import LANGUAGES

if TYPE_CHECKING:
    from heritage.content.inventory import EntryRecord, Inventory
    from heritage.content.schema import MediaItem, Visit
    from heritage.media.audio_video import PublishedMedia

# Sections whose audio is a visitor's guide to a place; elsewhere (songs, artisans) an audio
# item is a recording, shown as one.
GUIDE_SECTIONS = frozenset({"di-tich", "le-hoi", "lang-nghe", "san-pham"})
# Sections whose page ends with the next step: where to buy or visit, call, Zalo.
NEXT_STEP_SECTIONS = frozenset({"lang-nghe", "san-pham", "nghe-nhan"})
# Sections whose audio items are recordings (a song sung, an artisan speaking).
RECORDING_SECTIONS = frozenset({"quan-ho", "nghe-nhan"})
# Places a visitor walks on to: the "nearest" line names one of these (a festival at the same
# đình is no other place).
PLACE_SECTIONS = frozenset({"di-tich", "lang-nghe"})
# The fragment the QR landing adds: the entry then opens on the on-site block. A fragment,
# not a query: the page stays one cached file.
ONSITE_FRAGMENT = "tai-cho"
# The place's own time zone: a visitor's phone may still be on its home time.
TIME_ZONE = "Asia/Ho_Chi_Minh"


def spoken(item: "MediaItem") -> str:
    return item.language or "vi"


@dataclass(frozen=True)
class Guide:
    """The audio guide a page plays: its item, the published file, and subtitles if any."""

    item: "MediaItem"
    sound: "PublishedMedia"
    language: str  # spoken
    subtitles: "Subtitles | None" = None


@dataclass(frozen=True)
class Subtitles:
    lang: str
    url: str  # site path
    text: str  # the WebVTT file


def guide_items(entry: "EntryRecord") -> list["MediaItem"]:
    if entry.section not in GUIDE_SECTIONS:
        return []
    return [m for m in entry.data.media if m.kind == "audio"]


def guide(entry: "EntryRecord", lang: str, av: dict) -> Guide | None:
    """The page's guide: one spoken in the page's language, else the Vietnamese one, with
    subtitles in the page's language when its transcript has them."""
    found = [(m, av.get(urls.media_key(entry.id, m.path))) for m in guide_items(entry)]
    found = [(m, s) for m, s in found if s is not None]
    if not found:
        return None
    item, sound = next(((m, s) for m, s in found if spoken(m) == lang), found[0])
    language = spoken(item)
    subtitles = None
    if language != lang and item.transcript is not None:
        text = webvtt(item.transcript(lang), item.transcript(language), sound.duration)
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]
        stem = sound.url.rsplit(".", 1)[0]
        subtitles = Subtitles(lang, f"{stem}-{digest}.{lang}.vtt", text)
    return Guide(item, sound, language, subtitles)


def is_guide(entry: "EntryRecord", item: "MediaItem") -> bool:
    return item.kind == "audio" and entry.section in GUIDE_SECTIONS


# --- WebVTT from a transcript ------------------------------------------------------------------

_SENTENCE = re.compile(r"(?<=[.!?…])\s+")
_PARENS = re.compile(r"^\([^)]*\)\s*")  # "(Spoken in Vietnamese.)": a note, not speech
MAX_CUE = 90  # characters: two short lines on a phone


def cues(text: str) -> list[str]:
    """The transcript cut into sentences, long ones at commas, each at most about MAX_CUE."""
    out: list[str] = []
    for sentence in _SENTENCE.split(_PARENS.sub("", text.strip())):
        sentence = " ".join(sentence.split())
        while len(sentence) > MAX_CUE and ", " in sentence[: MAX_CUE]:
            cut = sentence.rindex(", ", 0, MAX_CUE) + 1
            out.append(sentence[:cut])
            sentence = sentence[cut:].strip()
        if sentence:
            out.append(sentence)
    return out


def _stamp(seconds: float) -> str:
    ms = int(round(seconds * 1000))
    h, ms = divmod(ms, 3_600_000)
    m, ms = divmod(ms, 60_000)
    s, ms = divmod(ms, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}.{ms:03d}"


def webvtt(shown: str, heard: str, duration: float) -> str:
    """Subtitles in one language for speech in another: the shown text's cues spread over the
    recording in proportion to the spoken sentences' lengths (a sentence-by-sentence
    translation), or to their own lengths when the two do not pair up."""
    lines = cues(shown)
    spoken_cues = cues(heard)
    weights = [len(c) for c in (spoken_cues if len(spoken_cues) == len(lines) else lines)]
    total = sum(weights) or 1
    out, start = ["WEBVTT", ""], 0.0
    for i, (line, weight) in enumerate(zip(lines, weights), start=1):
        end = duration if i == len(lines) else start + duration * weight / total
        out += [str(i), f"{_stamp(start)} --> {_stamp(end)}", line, ""]
        start = end
    return "\n".join(out)


def write_subtitles(render_data, site_root: Path) -> list[Path]:
    """Every page's subtitles file, beside its audio."""
    written = []
    for entry in render_data.inventory.entries.values():
        for lang in LANGUAGES:
            found = guide(entry, lang, render_data.media.av)
            if found is not None and found.subtitles is not None:
                target = site_root / found.subtitles.url
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(found.subtitles.text, encoding="utf-8")
                written.append(target)
    return written


# --- directions, hours, the nearest place ------------------------------------------------------


@dataclass(frozen=True)
class Directions:
    """Links that open a map app on the place: Google Maps' route to its coordinates (every
    phone and desktop), and for Android the geo: URI that labels the pin with the name."""

    google: str
    geo: str
    name: str


def directions(name: str, lat: float, lon: float) -> Directions:
    point = f"{lat:.6f},{lon:.6f}"
    google = f"https://www.google.com/maps/dir/?api=1&destination={quote(point)}&travelmode=driving"
    label = re.sub(r"[()]", "", name)
    geo = f"geo:{point}?q={quote(point + '(' + label + ')')}"
    return Directions(google, geo, name)


def hours_json(visit: "Visit | None") -> str:
    """The opening hours as the page's script reads them: [[weekday 0-6 Monday first, "HH:MM", "HH:MM"], …]."""
    from heritage.content.schema import WEEKDAYS

    rows = []
    for line in visit.hours if visit is not None else ():
        rows += [[WEEKDAYS.index(d), line.opens, line.closes] for d in line.weekdays]
    return json.dumps(rows, separators=(",", ":"))


@dataclass(frozen=True)
class Nearby:
    entry: "EntryRecord"
    metres: int


def nearest(inv: "Inventory", entry: "EntryRecord") -> Nearby | None:
    """The closest other place to visit (a relic or a craft village: a craft by a pagoda); of
    two as close, the first in the inventory. Looked up from the places sorted by latitude,
    outwards from the entry's, until the latitude alone puts the rest farther than the best
    found: every page compared itself with every place (quadratic: seconds at 5,000 entries)."""
    here = entry.data.location
    if here is None:
        return None
    places = _places(inv)
    best: tuple[float, int, "EntryRecord"] | None = None
    above = bisect.bisect_left(places, here.lat, key=lambda p: p[0])
    for step in (-1, 1):
        i = above - 1 if step < 0 else above
        while 0 <= i < len(places):
            lat, lon, order, other = places[i]
            # the distance along the meridian: never more than the distance itself
            if best is not None and basemap.distance_km(here.lat, here.lon, lat, here.lon) > best[0]:
                break
            if other.id != entry.id:
                km = basemap.distance_km(here.lat, here.lon, lat, lon)
                if best is None or (km, order) < best[:2]:
                    best = (km, order, other)
            i += step
    return Nearby(best[2], int(round(best[0] * 1000))) if best else None


_PLACES: list = [None, []]  # the inventory they were taken from, and its places by latitude


def _places(inv: "Inventory") -> list[tuple[float, float, int, "EntryRecord"]]:
    if _PLACES[0] is not inv:
        located = [(e.data.location, order, e) for order, e in enumerate(inv.entries.values())]
        _PLACES[:] = [inv, sorted((at.lat, at.lon, order, e) for at, order, e in located if at is not None and e.section in PLACE_SECTIONS)]
    return _PLACES[1]


def format_distance(metres: int, lang: str) -> str:
    if metres < 1000:
        return f"{max(10, round(metres, -1))} m"
    km = f"{metres / 1000:.1f}"
    return (km.replace(".", ",") if lang == "vi" else km) + " km"


# --- the next step: where to buy or visit, call, Zalo -------------------------------------------


@dataclass(frozen=True)
class Contact:
    phone: str
    tel: str
    zalo: str
    office: str  # "" when the entry's own number; the office's name when the site's


MOBILE = re.compile(r"0[35789]\d{8}")  # Việt Nam's mobile numbers: 10 digits, 03/05/07/08/09


def zalo_url(tel: str) -> str:
    """Zalo's chat link for a Vietnamese mobile number, as dialled at home (+84 912… → 0912…);
    '' for a landline (02…) or anything else, which has no Zalo account to open."""
    digits = re.sub(r"[\s.()-]", "", tel)
    if digits.startswith("+84"):
        digits = "0" + digits[3:]
    elif digits.startswith("84") and len(digits) == 11:
        digits = "0" + digits[2:]
    return f"https://zalo.me/{digits}" if MOBILE.fullmatch(digits) else ""


def contact(entry: "EntryRecord", settings, lang: str) -> Contact | None:
    visit = getattr(entry.data, "visit", None)
    if visit is not None and visit.phone:
        return Contact(visit.phone, visit.tel, zalo_url(visit.tel), "")
    office = settings.contact
    if office is not None and office.phone:
        return Contact(office.phone, office.tel, zalo_url(office.tel), office.office(lang))
    return None


def place_of(inv: "Inventory", entry: "EntryRecord") -> "EntryRecord | None":
    """Where a product or an artisan is found: the entry itself if it has a place, else the
    first related craft (or other entry) that has one."""
    if entry.data.location is not None:
        return entry
    for other_id in entry.data.related:
        other = inv.resolve(other_id)
        if other is not None and other.data.location is not None and other.section == "lang-nghe":
            return other
    return None


# --- what the entry's templates get ----------------------------------------------------------


@dataclass(frozen=True)
class View:
    """Everything on-site and next-step of one entry page, decided here, drawn by the templates."""

    guide: Guide | None
    place: "EntryRecord | None"  # where to go: the entry, or (a product, an artisan) its craft
    directions: Directions | None
    hours: str  # JSON for the open-now line; "[]" without hours
    visit: "Visit | None"
    nearby: Nearby | None
    contact: Contact | None
    next_step: bool  # crafts, products, artisans: where to buy or visit, call, Zalo
    recordings: bool  # songs, artisans: the audio is a recording

    own_place: bool  # the entry has coordinates of its own
    # The place when it is another entry (a product's craft village): decided here, because an
    # identity test in a template (`is sameas`) means nothing to MiniJinja's wrapped objects.
    elsewhere: "EntryRecord | None" = None

    @property
    def shown(self) -> bool:
        """The on-site block: for any entry with a guide or a place of its own to go to."""
        return self.guide is not None or self.own_place

    @property
    def section_shown(self) -> bool:
        """The visiting / next-step section: where the data has something to say."""
        return self.visit is not None or self.next_step

    @property
    def first(self) -> bool:
        """Above the photo: with an audio guide (the QR landing moves it there for the rest)."""
        return self.guide is not None


def view(inv: "Inventory", settings, entry: "EntryRecord", lang: str, av: dict) -> View:
    place = place_of(inv, entry)
    directions_to = None
    if place is not None:
        directions_to = directions(place.name(lang), place.data.location.lat, place.data.location.lon)
    visit = getattr(entry.data, "visit", None)
    if visit is None and place is not None and place is not entry:
        visit = getattr(place.data, "visit", None)  # a product's hours are its village's
    next_step = entry.section in NEXT_STEP_SECTIONS
    return View(
        guide=guide(entry, lang, av),
        place=place,
        directions=directions_to,
        hours=hours_json(visit),
        visit=visit,
        nearby=nearest(inv, entry),
        contact=contact(entry, settings, lang) if next_step or visit is not None else None,
        next_step=next_step,
        recordings=entry.section in RECORDING_SECTIONS,
        own_place=entry.data.location is not None,
        elsewhere=place if place is not None and place is not entry else None,
    )
