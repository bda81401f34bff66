"""The map's background, served by the site itself: raster tiles of the ward's area drawn
from an OpenStreetMap extract, so the map shows roads, water and place names at first
view with no request to another host.

Three steps, each with its own place:
- `python -m heritage basemap fetch` downloads the extract of the ward's area (roads,
  water, railways, place names) from the Overpass API into `.cache/basemap/osm.json`,
  with `source.json` saying when, from where and for which area. It needs the network;
  the deploy workflow runs it, and a failed fetch leaves the last extract in place.
- the build draws 256-px PNG tiles (zooms 13-17) from the extract with Pillow, once per
  extract (`.cache/basemap/tiles-<hash>/`, trusted only when its `done` file exists);
- and publishes them under `ban-do/nen/{z}/{x}/{y}.png`. Without an extract (an offline
  build) nothing is published and the map keeps the opt-in OpenStreetMap background.

Data © OpenStreetMap contributors, under the Open Database Licence (ODbL 1.0): the map
shows the attribution with a link to the copyright page.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
import os
import shutil
import statistics
import tempfile
import urllib.parse
import urllib.request
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from heritage import urls

CACHE = Path(".cache") / "basemap"
EXTRACT = "osm.json"
SOURCE = "source.json"
OVERPASS_URL = "https://overpass-api.de/api/interpreter"
ATTRIBUTION = "© OpenStreetMap contributors, ODbL"
COPYRIGHT_URL = "https://www.openstreetmap.org/copyright"
ZOOMS = range(13, 18)
TILE = 256
RENDERER_VERSION = "1"  # change when the drawing changes: tiles are drawn again
MAX_EXTRACT_BYTES = 20_000_000  # a ward is a few km²: anything larger is the wrong area
NEAR_KM = 5.0  # places farther than this from the ward's centre are "far away"
MARGIN_KM = 1.0


@dataclass(frozen=True)
class BBox:
    south: float
    west: float
    north: float
    east: float

    def as_list(self) -> list[float]:
        return [self.south, self.west, self.north, self.east]

    @classmethod
    def parse(cls, text: str) -> "BBox":
        """'21.20,106.14,21.24,106.19' (south, west, north, east)."""
        south, west, north, east = (float(v) for v in text.split(","))
        if not (south < north and west < east):
            raise ValueError(text)
        return cls(south, west, north, east)


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, mean Earth radius)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


def centre(points: Iterable[tuple[float, float]]) -> tuple[float, float]:
    """The median point: one far-away entry does not move the ward's centre."""
    points = list(points)
    return statistics.median(p[0] for p in points), statistics.median(p[1] for p in points)


def near_places(points: list[tuple[float, float]], near_km: float = NEAR_KM) -> list[tuple[float, float]]:
    """The ward's own places: those within `near_km` of the median point."""
    if not points:
        return []
    lat, lon = centre(points)
    return [p for p in points if distance_km(lat, lon, *p) <= near_km]


def ward_bbox(points: list[tuple[float, float]], margin_km: float = MARGIN_KM) -> BBox:
    """The area around the ward's own places, `margin_km` wider on every side."""
    near = near_places(points)
    lats, lons = [p[0] for p in near], [p[1] for p in near]
    dlat = margin_km / 111.32
    dlon = margin_km / (111.32 * math.cos(math.radians(statistics.mean(lats))))
    return BBox(round(min(lats) - dlat, 5), round(min(lons) - dlon, 5), round(max(lats) + dlat, 5), round(max(lons) + dlon, 5))


def entry_points(inventory) -> list[tuple[float, float]]:
    return [(e.data.location.lat, e.data.location.lon) for e in inventory.entries.values() if e.data.location is not None]


# --- fetching ---------------------------------------------------------------------------


def overpass_query(bbox: BBox) -> str:
    b = f"({bbox.south},{bbox.west},{bbox.north},{bbox.east})"
    return (
        "[out:json][timeout:90];("
        f'way["highway"]{b};way["waterway"]{b};way["natural"="water"]{b};relation["natural"="water"]{b};'
        f'way["landuse"~"^(residential|farmland|cemetery)$"]{b};way["railway"="rail"]{b};node["place"]{b};'
        ");out geom;"
    )


class FetchError(Exception):
    """Why the extract could not be fetched, in Vietnamese then English."""


def fetch(root: Path, bbox: BBox, url: str = OVERPASS_URL, timeout: float = 120, agent: str = "heritage-site") -> Path:
    """Downloads the extract; the previous one stays until the new one is complete. `agent`:
    the site's slug, so that the map's server knows whose requests these are."""
    folder = Path(root) / CACHE
    folder.mkdir(parents=True, exist_ok=True)
    request = urllib.request.Request(
        url,
        data=urllib.parse.urlencode({"data": overpass_query(bbox)}).encode(),
        headers={"User-Agent": f"{agent} basemap (static heritage site)"},
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            raw = response.read(MAX_EXTRACT_BYTES + 1)
    except OSError as exc:
        raise FetchError(f"Không tải được dữ liệu bản đồ từ {url}: {exc}. / Could not download the map data from {url}: {exc}.") from exc
    if len(raw) > MAX_EXTRACT_BYTES:
        raise FetchError(f"Dữ liệu quá lớn (trên {MAX_EXTRACT_BYTES // 1_000_000} MB): kiểm tra vùng --bbox. / The extract is too large: check --bbox.")
    try:
        elements = json.loads(raw)["elements"]
    except (ValueError, KeyError) as exc:
        raise FetchError(f"Máy chủ trả về dữ liệu không đọc được. / The server's answer is not an extract: {exc}.") from exc
    _atomic_write(folder / EXTRACT, raw)
    fetched = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
    source = {"bbox": bbox.as_list(), "url": url, "fetched": fetched, "elements": len(elements), "attribution": ATTRIBUTION, "licence": "ODbL-1.0"}
    _atomic_write(folder / SOURCE, json.dumps(source, indent=1).encode())
    return folder / EXTRACT


def age_days(root: Path) -> float | None:
    """How old the fetched extract is, in days (None: never fetched)."""
    try:
        fetched = dt.datetime.fromisoformat(json.loads((Path(root) / CACHE / SOURCE).read_text())["fetched"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return (dt.datetime.now(dt.timezone.utc) - fetched).total_seconds() / 86400


def _atomic_write(target: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".part-")
    with os.fdopen(fd, "wb") as out:
        out.write(data)
    os.replace(tmp, target)


# --- what the map page needs to know ------------------------------------------------------


BUDGET_BYTES = 5_000_000  # the budget for the area's data; the deepest zooms give way


@dataclass(frozen=True)
class Basemap:
    """Tiles drawn from a fetched extract: the area they cover, their zooms, their folder."""

    tiles: Path  # .cache/basemap/tiles-<hash>/
    bbox: BBox
    max_zoom: int
    size: int  # bytes of all tiles
    min_zoom: int = ZOOMS[0]


def find(root: Path) -> Basemap | None:
    """The tiles of the fetched extract, drawn now if they are not in the cache yet; None
    without an extract (an offline build: no background of our own)."""
    folder = Path(root) / CACHE
    try:
        source = json.loads((folder / SOURCE).read_text(encoding="utf-8"))
        digest = hashlib.sha256((folder / EXTRACT).read_bytes())
        bbox = BBox(*source["bbox"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    digest.update(RENDERER_VERSION.encode())
    try:
        tiles, done = prepare(folder, bbox, digest.hexdigest()[:16])
    except (ValueError, AttributeError, TypeError, KeyError):  # a damaged extract: as if none
        return None
    return Basemap(tiles, bbox, done["max_zoom"], done["bytes"])


# --- drawing ----------------------------------------------------------------------------


def _pixel(lat: float, lon: float, zoom: int) -> tuple[float, float]:
    """Web Mercator pixel of a point at a zoom (the same as every slippy map's)."""
    scale = TILE * 2**zoom
    x = (lon + 180.0) / 360.0 * scale
    phi = math.radians(max(min(lat, 85.0511), -85.0511))
    y = (1 - math.log(math.tan(phi) + 1 / math.cos(phi)) / math.pi) / 2 * scale
    return x, y


pixel = _pixel  # the brochure prints its trail map on the tiles' own projection


LAND = (244, 241, 234)
WATER = (170, 211, 223)
RESIDENTIAL = (232, 227, 219)
FARMLAND = (236, 240, 219)
CEMETERY = (214, 226, 208)
RAIL = (140, 140, 140)
CASING = (190, 180, 170)
ROADS = {  # class: (width at zoom 15, fill)
    "motorway": (7, (232, 146, 162)),
    "trunk": (7, (249, 178, 156)),
    "primary": (6, (252, 214, 164)),
    "secondary": (5.5, (247, 250, 191)),
    "tertiary": (5, (255, 255, 255)),
    "unclassified": (4, (255, 255, 255)),
    "residential": (4, (255, 255, 255)),
    "living_street": (4, (255, 255, 255)),
    "service": (2.5, (255, 255, 255)),
    "track": (1.5, (200, 180, 150)),
    "path": (1, (200, 170, 150)),
    "footway": (1, (220, 170, 160)),
}
PLACES = {"city": 20, "town": 18, "suburb": 16, "quarter": 15, "village": 15, "hamlet": 13, "neighbourhood": 12, "isolated_dwelling": 11}


def _road_class(tags: dict) -> str | None:
    kind = tags.get("highway", "")
    kind = kind.removesuffix("_link")
    return kind if kind in ROADS else None


def _lines(element: dict) -> list[list[tuple[float, float]]]:
    """A way's points, or the outer rings of a relation (multipolygon water)."""
    if element.get("type") == "way" and element.get("geometry"):
        return [[(p["lat"], p["lon"]) for p in element["geometry"] if p]]
    if element.get("type") == "relation":
        return [[(p["lat"], p["lon"]) for p in m.get("geometry") or [] if p] for m in element.get("members", []) if m.get("role") in ("outer", "")]
    return []


def _font(size: int) -> ImageFont.FreeTypeFont:
    from heritage.media.artwork import font

    return font(size, "SemiBold")


def draw_zoom(elements: list[dict], bbox: BBox, zoom: int) -> tuple[Image.Image, int, int]:
    """The whole area at one zoom as one picture (labels cross tile edges untouched),
    with the tile column and row of its top-left corner."""
    x0, y0 = (int(v // TILE) for v in _pixel(bbox.north, bbox.west, zoom))
    x1, y1 = (int(v // TILE) for v in _pixel(bbox.south, bbox.east, zoom))
    origin = (x0 * TILE, y0 * TILE)
    image = Image.new("RGB", ((x1 - x0 + 1) * TILE, (y1 - y0 + 1) * TILE), LAND)
    draw = ImageDraw.Draw(image)
    scale = 2 ** (zoom - 15)

    def xy(points):
        return [(px - origin[0], py - origin[1]) for px, py in (_pixel(lat, lon, zoom) for lat, lon in points)]

    fills = {"residential": RESIDENTIAL, "farmland": FARMLAND, "cemetery": CEMETERY}
    for e in elements:  # areas first
        tags = e.get("tags", {})
        color = WATER if tags.get("natural") == "water" else fills.get(tags.get("landuse", ""))
        if color is not None:
            for ring in _lines(e):
                if len(ring) > 2:
                    draw.polygon(xy(ring), fill=color)
    for e in elements:  # rivers and canals
        kind = e.get("tags", {}).get("waterway")
        if kind:
            width = max(1, round({"river": 10, "canal": 6}.get(kind, 3) * scale))
            for line in _lines(e):
                draw.line(xy(line), fill=WATER, width=width, joint="curve")
    for e in elements:
        if e.get("tags", {}).get("railway") == "rail":
            for line in _lines(e):
                draw.line(xy(line), fill=RAIL, width=max(1, round(2 * scale)))
    roads = sorted(((ROADS[k][0], e) for e in elements if (k := _road_class(e.get("tags", {})))), key=lambda pair: pair[0])
    for casing in (True, False):  # every casing under every fill: crossings join cleanly
        for base, e in roads:
            if base < 2 and zoom < 15:
                continue
            width = max(1, round(base * scale))
            fill = ROADS[_road_class(e["tags"])][1]
            for line in _lines(e):
                if casing and width > 2:
                    draw.line(xy(line), fill=CASING, width=width + 2, joint="curve")
                elif not casing:
                    draw.line(xy(line), fill=fill, width=width, joint="curve")
    for e in elements:  # place names last, with a halo
        tags = e.get("tags", {})
        size = PLACES.get(tags.get("place", ""))
        name = tags.get("name")
        if e.get("type") != "node" or not size or not name or (size < 14 and zoom < 15):
            continue
        x, y = xy([(e["lat"], e["lon"])])[0]
        font = _font(round(size * (1 + 0.15 * (zoom - 15))))
        draw.text((x, y), name, font=font, fill=(60, 50, 45), anchor="mm", stroke_width=3, stroke_fill=(255, 255, 255))
    return image, x0, y0


def render_zoom(elements: list[dict], bbox: BBox, out: Path, zoom: int) -> int:
    """Draws one zoom and cuts it into out/{z}/{x}/{y}.png; returns the bytes written."""
    image, x0, y0 = draw_zoom(elements, bbox, zoom)
    size = 0
    for col in range(image.width // TILE):
        for row in range(image.height // TILE):
            tile = image.crop((col * TILE, row * TILE, (col + 1) * TILE, (row + 1) * TILE))
            target = out / str(zoom) / str(x0 + col) / f"{y0 + row}.png"
            target.parent.mkdir(parents=True, exist_ok=True)
            tile.quantize(colors=48, method=Image.Quantize.MEDIANCUT).save(target, optimize=True)
            size += target.stat().st_size
    return size


def render_tiles(extract: dict, bbox: BBox, out: Path, zooms: Iterable[int] = ZOOMS, budget: int = BUDGET_BYTES) -> tuple[int, int]:
    """Every zoom, shallow to deep, while the whole stays within `budget` bytes (the map
    enlarges the deepest zoom kept); returns (deepest zoom kept, bytes)."""
    elements = extract.get("elements", [])
    total, deepest = 0, None
    for zoom in zooms:
        size = render_zoom(elements, bbox, out, zoom)
        if deepest is not None and total + size > budget:
            shutil.rmtree(out / str(zoom))
            break
        total, deepest = total + size, zoom
    return deepest, total


DONE = "done.json"


def _done(tiles: Path) -> dict | None:
    try:
        done = json.loads((tiles / DONE).read_text())
        return done if isinstance(done.get("max_zoom"), int) and isinstance(done.get("bytes"), int) else None
    except (OSError, ValueError, AttributeError):
        return None


def prepare(folder: Path, bbox: BBox, key: str) -> tuple[Path, dict]:
    """The tiles of this extract, drawn once and kept in the cache (a folder is trusted only
    once its `done.json` is written; a killed build leaves nothing trusted)."""
    tiles = folder / f"tiles-{key}"
    done = _done(tiles)
    if done is not None:
        return tiles, done
    work = Path(tempfile.mkdtemp(dir=folder, prefix=".tiles-"))
    extract = json.loads((folder / EXTRACT).read_text(encoding="utf-8"))
    deepest, size = render_tiles(extract, bbox, work)
    done = {"max_zoom": deepest, "bytes": size}
    (work / DONE).write_text(json.dumps(done))
    shutil.rmtree(tiles, ignore_errors=True)
    os.replace(work, tiles)
    for old in folder.glob("tiles-*"):  # earlier extracts' tiles
        if old != tiles:
            shutil.rmtree(old, ignore_errors=True)
    return tiles, done


def publish(basemap: Basemap | None, site_root: Path) -> int:
    """Links the tiles under ban-do/nen/; returns the bytes published (0 without an extract)."""
    if basemap is None:
        return 0
    tiles = basemap.tiles
    target = site_root / urls.BASEMAP
    total = 0
    for path in tiles.rglob("*.png"):
        dest = target / path.relative_to(tiles)
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.unlink(missing_ok=True)
        try:
            os.link(path, dest)  # same file system: no copy
        except OSError:
            shutil.copyfile(path, dest)
        total += path.stat().st_size
    return total
