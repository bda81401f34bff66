"""What a visitor needs to plan the trip (`practical:` in data/site.yml): getting there, parking,
toilets, food near each place, accessibility, emergency numbers, the best season, etiquette.

Local facts an office cannot vouch for yet (a bus line, a travel time, a restaurant) carry
`sample: true` and the page shows a badge beside them; general facts (the country's emergency
numbers) cite their `sources`. Every text is bilingual, as an entry's.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from heritage.content import forms
from heritage.content.schema import MAX_FEATURED, MAX_SOURCES, EntryId, Flag, Model, Name, Source, Text

# A paragraph of advice: a few sentences, never a story (the page's Markdown holds those).
AdviceLine = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=1000)]
# A short phrase: "khoảng 1 giờ" / "about an hour".
Phrase = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=120)]

# Ways of travelling, as the page and the web form name them.
MODE_LABELS: dict[str, dict[str, str]] = {
    "bus": {"vi": "Xe buýt, xe khách", "en": "Bus"},
    "taxi": {"vi": "Taxi", "en": "Taxi"},
    "ride-hailing": {"vi": "Xe công nghệ (ứng dụng gọi xe)", "en": "Ride-hailing app"},
    "car": {"vi": "Ô tô, xe máy tự lái", "en": "Driving (car or motorbike)"},
    "motorbike": {"vi": "Xe ôm", "en": "Motorbike taxi"},
    "train": {"vi": "Tàu hỏa", "en": "Train"},
    "bicycle": {"vi": "Xe đạp", "en": "Bicycle"},
}
MAX_ROUTES = 10
MAX_WAYS = 10
MAX_NUMBERS = 12
MAX_ETIQUETTE = 10


class Advice(Text):
    vi: AdviceLine
    en: AdviceLine


class Short(Text):
    vi: Phrase
    en: Phrase


class Way(Model):
    """One way of travelling a route (a bus line, a taxi, a ride-hailing app)."""

    mode: Literal["bus", "taxi", "ride-hailing", "car", "motorbike", "train", "bicycle"]
    text: Advice
    sample: Flag = False


class Route(Model):
    """Getting there from one starting point (the capital, the airport): time, distance, ways."""

    origin: Name
    time: Short | None = None
    distance_km: float | None = Field(default=None, gt=0, le=2000)
    ways: list[Way] = Field(min_length=1, max_length=MAX_WAYS)
    sample: Flag = False
    sources: list[Source] = Field(default=[], max_length=MAX_SOURCES)


class Tip(Model):
    """One topic of advice (parking, toilets, accessibility, the season)."""

    text: Advice
    sample: Flag = False
    sources: list[Source] = Field(default=[], max_length=MAX_SOURCES)


class Etiquette(Tip):
    """How to behave at one kind of place (a communal house, a pagoda)."""

    at: Name


class EmergencyNumber(Model):
    number: Annotated[str, StringConstraints(strip_whitespace=True, pattern=forms.SHORT_NUMBER)]
    name: Name


class Emergency(Model):
    numbers: list[EmergencyNumber] = Field(min_length=1, max_length=MAX_NUMBERS)
    note: Advice | None = None
    sample: Flag = False
    sources: list[Source] = Field(default=[], max_length=MAX_SOURCES)


class Nearby(Model):
    """Near one entry: where to eat, buy, find a toilet, park."""

    entry: EntryId
    eat: Advice | None = None
    buy: Advice | None = None
    toilets: Advice | None = None
    parking: Advice | None = None
    sample: Flag = False


class Practical(Model):
    """The whole plan-your-trip page's data."""

    place: Name  # the destination as a visitor names it: "X ward, Y province"
    intro: Advice | None = None
    getting_there: list[Route] = Field(default=[], max_length=MAX_ROUTES)
    parking: Tip | None = None
    toilets: Tip | None = None
    accessibility: Tip | None = None
    season: Tip | None = None
    etiquette: list[Etiquette] = Field(default=[], max_length=MAX_ETIQUETTE)
    emergency: Emergency | None = None
    nearby: list[Nearby] = Field(default=[], max_length=MAX_FEATURED)

    def texts(self, lang: str) -> list[str]:
        """Every sentence of the block in one language (the search index reads them all)."""
        out = [self.place(lang), *([self.intro(lang)] if self.intro else [])]
        for route in self.getting_there:
            out += [route.origin(lang), *([route.time(lang)] if route.time else []), *(w.text(lang) for w in route.ways)]
        for tip in (self.parking, self.toilets, self.accessibility, self.season):
            out += [tip.text(lang)] if tip else []
        for rule in self.etiquette:
            out += [rule.at(lang), rule.text(lang)]
        if self.emergency:
            out += [f"{n.number} {n.name(lang)}" for n in self.emergency.numbers]
            out += [self.emergency.note(lang)] if self.emergency.note else []
        for near in self.nearby:
            out += [t(lang) for t in (near.eat, near.buy, near.toilets, near.parking) if t]
        return out
