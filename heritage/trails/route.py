"""A trail's route: its stops in order, the distance between them, and how long the visit takes.

Distances are great-circle (haversine) between consecutive stops, on a sphere of the
Earth's mean radius: straight lines, so a real walk along lanes is somewhat longer, and
the page says so. Speeds are stated assumptions a visitor can check, not measurements.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from heritage.calendar import festivals as festival_dates

if TYPE_CHECKING:
    from heritage.content.inventory import EntryRecord, Inventory, TrailRecord
    from heritage.content.schema import TrailStop

EARTH_RADIUS_KM = 6371.0088  # IUGG mean radius
# Unhurried speeds of a mixed group (elderly visitors, children, guests in formal dress).
SPEED_KMH = {"walking": 4.0, "cycling": 12.0}


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres between two points in decimal degrees."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlam = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlam / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(a))


@dataclass(frozen=True)
class Stop:
    number: int  # 1-based, as printed on the map
    entry: "EntryRecord"
    stop: "TrailStop"
    from_previous_km: float  # 0 for the first stop

    @property
    def lat(self) -> float:
        return self.entry.data.location.lat

    @property
    def lon(self) -> float:
        return self.entry.data.location.lon


@dataclass(frozen=True)
class Route:
    trail: "TrailRecord"
    stops: list[Stop]

    @property
    def distance_km(self) -> float:
        return sum(s.from_previous_km for s in self.stops)

    @property
    def visit_minutes(self) -> int:
        """Time spent at the stops, as the trail suggests."""
        return sum(s.stop.minutes for s in self.stops)

    def travel_minutes(self, mode: str) -> int:
        return round(self.distance_km / SPEED_KMH[mode] * 60)

    def total_minutes(self, mode: str) -> int:
        return self.visit_minutes + self.travel_minutes(mode)

    def bounds(self) -> tuple[float, float, float, float]:
        """(south, west, north, east)."""
        lats, lons = [s.lat for s in self.stops], [s.lon for s in self.stops]
        return min(lats), min(lons), max(lats), max(lons)


def route(trail: "TrailRecord", inv: "Inventory") -> Route:
    """The trail's stops with their distances; assumes a validated inventory (every stop located)."""
    stops: list[Stop] = []
    for number, stop in enumerate(trail.data.stops, start=1):
        entry = inv.entries[stop.entry]
        leg = 0.0
        if stops:
            prev = stops[-1]
            leg = haversine_km(prev.lat, prev.lon, entry.data.location.lat, entry.data.location.lon)
        stops.append(Stop(number, entry, stop, leg))
    return Route(trail, stops)


def format_hours(minutes: int, lang: str) -> str:
    """95 → '1 giờ 35 phút' / '1 h 35 min'."""
    hours, rest = divmod(minutes, 60)
    if lang == "vi":
        return f"{hours} giờ {rest} phút" if hours and rest else f"{hours} giờ" if hours else f"{rest} phút"
    return f"{hours} h {rest} min" if hours and rest else f"{hours} h" if hours else f"{rest} min"


def format_km(km: float, lang: str) -> str:
    """1.234 → '1,2 km' / '1.2 km'."""
    text = f"{km:.1f}"
    return (text.replace(".", ",") if lang == "vi" else text) + " km"


NEARBY_KM = 0.5  # a festival held this close to a stop is on the trail


def festivals_on(route: Route, inv: "Inventory", today: dt.date, days: int = 365) -> list[festival_dates.Occurrence]:
    """Festival occurrences on the trail in the coming `days`: a festival that is a stop, is
    related to a stop (either way), or is held within NEARBY_KM of one."""
    stop_ids = {s.entry.id for s in route.stops}
    related = {other for s in route.stops for other in s.entry.data.related}

    def on_trail(entry) -> bool:
        if entry.id in stop_ids or entry.id in related or stop_ids & set(entry.data.related):
            return True
        where = entry.data.location
        return where is not None and any(haversine_km(s.lat, s.lon, where.lat, where.lon) <= NEARBY_KM for s in route.stops)

    return [o for o in festival_dates.upcoming(inv, today, days) if on_trail(o.entry)]


# Google Maps' documented directions URL (developers.google.com/maps/documentation/urls):
# it opens the phone's maps app where one is installed, else the web. Waypoints beyond
# nine are ignored there (three in a phone's browser), so a longer trail's link covers
# its first stops only; the GPX file always has them all.
DIRECTIONS_URL = "https://www.google.com/maps/dir/?api=1"
TRAVEL_MODES = {"walking": "walking", "cycling": "bicycling"}


def directions_url(route: Route, mode: str = "walking") -> str:
    """One link through every stop in order, for the phone's map app."""
    from urllib.parse import urlencode

    def at(stop: Stop) -> str:
        return f"{stop.lat},{stop.lon}"

    first, *middle, last = route.stops
    query = {"origin": at(first), "destination": at(last)}
    if middle:
        query["waypoints"] = "|".join(at(s) for s in middle)
    query["travelmode"] = TRAVEL_MODES[mode]
    return DIRECTIONS_URL + "&" + urlencode(query)
