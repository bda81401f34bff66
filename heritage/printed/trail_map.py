"""The brochure's trail map: the route and its numbered stops, drawn on the site's own basemap
tiles when an extract was fetched (`heritage.map.basemap`), else as a sketch on plain paper
with a north arrow and a scale bar.

On the basemap the stops are placed on the tiles' Web Mercator pixels, so a stop sits on its
street; the zoom is the deepest drawn whose picture of the box stays printable (at most
MAX_PIXELS across), and tiles outside the extract are plain land colour.
"""

from __future__ import annotations

import io
import math
from pathlib import Path

from PIL import Image
from reportlab.lib.colors import Color
from reportlab.lib.utils import ImageReader

from heritage.map import basemap as basemap_tiles
from heritage.printed.layout import INK, MM, PAGE_H, Page

MAX_PIXELS = 2400  # across the printed box: about 490 dpi at 124 mm, ample for a map
PADDING_MM = 8.0  # between the outermost stop and the box's edge
SKETCH = Color(0.95, 0.93, 0.88)


def _sketch(stops, box_x: float, box_y: float, box_w: float, box_h: float) -> tuple[list[tuple[float, float]], float]:
    """Equirectangular projection of the stops into a box (mm), north up; returns points and mm per km."""
    south, west = min(s.lat for s in stops), min(s.lon for s in stops)
    north, east = max(s.lat for s in stops), max(s.lon for s in stops)
    kx = 111.32 * math.cos(math.radians((south + north) / 2))  # km per degree of longitude
    ky = 110.57  # km per degree of latitude
    width_km, height_km = max((east - west) * kx, 0.05), max((north - south) * ky, 0.05)
    scale = min((box_w - 2 * PADDING_MM) / width_km, (box_h - 2 * PADDING_MM) / height_km)  # mm per km
    ox = box_x + (box_w - width_km * scale) / 2
    oy = box_y + (box_h - height_km * scale) / 2
    points = [(ox + (s.lon - west) * kx * scale, oy + (north - s.lat) * ky * scale) for s in stops]
    return points, scale


def _tile(folder: Path, zoom: int, x: int, y: int) -> Image.Image | None:
    path = folder / str(zoom) / str(x) / f"{y}.png"
    try:
        with Image.open(path) as tile:
            return tile.convert("RGB")
    except OSError:
        return None


def _on_tiles(stops, tiles, box_w: float, box_h: float) -> tuple[Image.Image, list[tuple[float, float]], float] | None:
    """The tiles behind the box, as one picture, with the stops' positions in mm from the box's
    top left and the mm per km; None when no zoom of the basemap shows the stops."""
    lat_mid = sum(s.lat for s in stops) / len(stops)
    for zoom in range(tiles.max_zoom, tiles.min_zoom - 1, -1):
        px = [basemap_tiles.pixel(s.lat, s.lon, zoom) for s in stops]
        left, right = min(p[0] for p in px), max(p[0] for p in px)
        top, bottom = min(p[1] for p in px), max(p[1] for p in px)
        mm_per_px = min((box_w - 2 * PADDING_MM) / max(right - left, 1), (box_h - 2 * PADDING_MM) / max(bottom - top, 1))
        width, height = round(box_w / mm_per_px), round(box_h / mm_per_px)
        if width > MAX_PIXELS and zoom > tiles.min_zoom:
            continue  # a shallower zoom shows the same box in fewer pixels
        origin = ((left + right) / 2 - width / 2, (top + bottom) / 2 - height / 2)
        picture = Image.new("RGB", (width, height), basemap_tiles.LAND)
        found = 0
        size = basemap_tiles.TILE
        for tx in range(int(origin[0] // size), int((origin[0] + width) // size) + 1):
            for ty in range(int(origin[1] // size), int((origin[1] + height) // size) + 1):
                tile = _tile(tiles.tiles, zoom, tx, ty)
                if tile is not None:
                    picture.paste(tile, (round(tx * size - origin[0]), round(ty * size - origin[1])))
                    found += 1
        if not found:
            return None
        points = [((x - origin[0]) * mm_per_px, (y - origin[1]) * mm_per_px) for x, y in px]
        metres_per_px = 156543.03392 * math.cos(math.radians(lat_mid)) / 2**zoom
        return picture, points, mm_per_px / metres_per_px * 1000
    return None


def draw_trail_map(p: Page, stops, x: float, y: float, w: float, h: float, tiles=None) -> bool:
    """The route through `stops` (each with lat, lon and number) in the box; True when drawn on
    the basemap. Its scale bar and north arrow are drawn either way."""
    drawn = _on_tiles(stops, tiles, w, h) if tiles is not None else None
    pdf = p.pdf
    if drawn is not None:
        picture, offsets, scale = drawn
        buffer = io.BytesIO()
        picture.save(buffer, "PNG", optimize=True)
        buffer.seek(0)
        pdf.drawImage(ImageReader(buffer), x * MM, (PAGE_H - y - h) * MM, w * MM, h * MM)
        points = [(x + ox, y + oy) for ox, oy in offsets]
    else:
        p.rect(x, y, w, h, SKETCH)
        points, scale = _sketch(stops, x, y, w, h)
    pdf.setStrokeColor(p.ink)
    pdf.setLineWidth(1.6)
    pdf.setDash(3, 3)
    line = pdf.beginPath()
    line.moveTo(points[0][0] * MM, (PAGE_H - points[0][1]) * MM)
    for px, py in points[1:]:
        line.lineTo(px * MM, (PAGE_H - py) * MM)
    pdf.drawPath(line, stroke=1, fill=0)
    pdf.setDash()
    for stop, (px, py) in zip(stops, points):
        pdf.setFillColor(p.ink)
        pdf.setStrokeColor(Color(1, 1, 1))
        pdf.setLineWidth(0.8)
        pdf.circle(px * MM, (PAGE_H - py) * MM, 3.2 * MM, stroke=1, fill=1)
        p.text(px, py + 1.3, str(stop.number), 8, "Bold", Color(1, 1, 1), centre=True)
    _north_and_scale(p, x, y, w, h, scale)
    if drawn is not None:
        p.rect(x + w - 52, y + h - 4.2, 52, 4.2, Color(1, 1, 1))
        p.text(x + w - 1.5 - 49.5, y + h - 1.3, basemap_tiles.ATTRIBUTION, 5.2, "Regular", INK)
    return drawn is not None


def _north_and_scale(p: Page, x: float, y: float, w: float, h: float, scale: float) -> None:
    """A north arrow in the top right corner and a scale bar in the bottom left (`scale`: mm per km)."""
    pdf = p.pdf
    arrow_x, arrow_y = x + w - 7, y + 5
    arrow = pdf.beginPath()
    arrow.moveTo(arrow_x * MM, (PAGE_H - arrow_y) * MM)
    arrow.lineTo((arrow_x - 2) * MM, (PAGE_H - arrow_y - 5) * MM)
    arrow.lineTo((arrow_x + 2) * MM, (PAGE_H - arrow_y - 5) * MM)
    arrow.close()
    pdf.setFillColor(INK)
    pdf.drawPath(arrow, stroke=0, fill=1)
    p.text(arrow_x, arrow_y + 9, "N", 7, "Bold", INK, centre=True)
    bar_km = next((km for km in (2, 1, 0.5, 0.25, 0.1) if km * scale < w / 3), 0.05)
    p.rect(x + 4, y + h - 8, bar_km * scale, 1, INK)
    label = f"{int(bar_km * 1000)} m" if bar_km < 1 else f"{bar_km:g} km"
    p.text(x + 4, y + h - 9.5, label, 6.5, "Medium", INK)
