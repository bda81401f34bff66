"""Printable plaques (A5 and A6, PDF and SVG) with the entry's QR code, and a sheet for the print shop.

Text is drawn as outlines taken from Be Vietnam Pro with fontTools, in both the SVG
and the PDF (drawn with reportlab): the print shop needs no font, and every Vietnamese
diacritic prints exactly as designed. Layout is done here (no library lays out
text-as-paths in both formats), with a simple greedy line breaker.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from xml.sax.saxutils import escape

from fontTools.pens.basePen import BasePen
from fontTools.pens.svgPathPen import SVGPathPen
from fontTools.pens.transformPen import TransformPen
from fontTools.ttLib import TTFont
from reportlab.lib.pagesizes import A4

from heritage.media.artwork import font_path
from heritage.media.print_pdf import About, print_canvas
from heritage.qr import codes as qr
from heritage.qr.issued import record_issued
from heritage.text import nfc
from heritage.text import wrap as wrap_text

MM = 72 / 25.4  # PDF points per millimetre
LACQUER = (0.37, 0.06, 0.06)
GOLD = (0.91, 0.77, 0.43)
INK = (0.13, 0.13, 0.13)
MUTED = (0.36, 0.31, 0.27)


@dataclass(frozen=True)
class Format:
    name: str
    width: float  # mm
    height: float
    qr: float  # printed QR size in mm (≥ 40 mm scans from 40 cm; bigger is friendlier)
    scale: float  # text scale


FORMATS = {"a5": Format("A5", 148, 210, 70, 1.3), "a6": Format("A6", 105, 148, 50, 1.0)}


@lru_cache(maxsize=None)
def _font(weight: str) -> TTFont:
    return TTFont(str(font_path(weight)))


class Face:
    """A font at a size in mm: widths and outlines."""

    def __init__(self, weight: str, size: float):
        self.font = _font(weight)
        self.size = size
        self.cmap = self.font.getBestCmap()
        self.glyphs = self.font.getGlyphSet()
        self.units = self.font["head"].unitsPerEm
        self.hmtx = self.font["hmtx"]

    def glyph(self, char: str) -> str:
        return self.cmap.get(ord(char)) or self.cmap.get(ord("?"))

    def width(self, text: str) -> float:
        return sum(self.hmtx[self.glyph(c)][0] for c in text) * self.size / self.units

    def draw(self, text: str, x: float, y: float, pen_factory) -> None:
        """Draw `text` with its baseline at (x, y), in mm, y downwards."""
        scale = self.size / self.units
        for char in text:
            name = self.glyph(char)
            self.glyphs[name].draw(TransformPen(pen_factory(), (scale, 0, 0, -scale, x, y)))
            x += self.hmtx[name][0] * scale


def wrap(face: Face, text: str, width: float, max_lines: int) -> list[str]:
    return wrap_text(text, width, face.width, max_lines)


URL_SIZE, URL_MIN = 4.0, 2.8  # mm at A6 (times the format's scale): the address under the code


def fit_url(text: str, width: float, scale: float) -> tuple[Face, list[str]]:
    """The address under the code within `width`: its font shrunk step by step down to URL_MIN,
    then wrapped after a '/' (a segment longer than the line is cut between characters).
    By hand: textwrap breaks only at spaces and hyphens, and an address must not gain a hyphen."""
    size = URL_SIZE
    while size > URL_MIN + 1e-9:
        face = Face("Bold", size * scale)
        if face.width(text) <= width:
            return face, [text]
        size = round(size - 0.2, 2)
    face = Face("Bold", URL_MIN * scale)
    lines: list[str] = []
    current = ""
    for part in re.findall(r"[^/]*/|[^/]+$", text):  # each part keeps its slash at the line's end
        if current and face.width(current + part) > width:
            lines.append(current)
            current = ""
        current += part
        while face.width(current) > width:
            cut = max([n for n in range(1, len(current)) if face.width(current[:n]) <= width] or [1])
            lines.append(current[:cut])
            current = current[cut:]
    return face, [*lines, current] if current else lines


# --- two back ends with one small drawing interface ----------------------------------------


class SvgCanvas:
    def __init__(self, width: float, height: float):
        self.width, self.height = width, height
        self.parts: list[str] = []

    def rect(self, x, y, w, h, color) -> None:
        self.parts.append(f'<rect x="{x:.3f}" y="{y:.3f}" width="{w:.3f}" height="{h:.3f}" fill="{_hex(color)}"/>')

    def text(self, face: Face, text: str, x: float, y: float, color) -> None:
        pen = SVGPathPen(None)
        face.draw(text, x, y, lambda: pen)
        self.parts.append(f'<path fill="{_hex(color)}" d="{pen.getCommands()}"><title>{escape(text)}</title></path>')

    def modules(self, matrix, x, y, size) -> None:
        n = len(matrix)
        unit = size / n
        d = "".join(f"M{x + c * unit:.3f} {y + r * unit:.3f}h{unit:.3f}v{unit:.3f}h{-unit:.3f}z" for r, row in enumerate(matrix) for c, dark in enumerate(row) if dark)
        self.parts.append(f'<path fill="#000" d="{d}"/>')

    def svg(self) -> str:
        body = "\n".join(self.parts)
        return (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{self.width}mm" height="{self.height}mm" viewBox="0 0 {self.width} {self.height}">\n{body}\n</svg>\n'
        )


class _PdfPen(BasePen):
    """fontTools pen → reportlab path (quadratic curves arrive as cubics via BasePen)."""

    def __init__(self, path, height):
        super().__init__(None)
        self.path, self.height = path, height

    def _pt(self, p):
        return p[0] * MM, (self.height - p[1]) * MM

    def _moveTo(self, p):
        self.path.moveTo(*self._pt(p))

    def _lineTo(self, p):
        self.path.lineTo(*self._pt(p))

    def _curveToOne(self, p1, p2, p3):
        self.path.curveTo(*self._pt(p1), *self._pt(p2), *self._pt(p3))

    def _closePath(self):
        self.path.close()


class PdfCanvas:
    """Draws in mm with y downwards on a reportlab page whose origin is `offset` (mm)."""

    def __init__(self, page, width: float, height: float, offset=(0.0, 0.0), page_height: float | None = None):
        self.page, self.width, self.height = page, width, height
        self.ox, self.oy = offset
        self.page_height = page_height or height

    def _y(self, y):
        return self.page_height - (self.oy + y)

    def rect(self, x, y, w, h, color) -> None:
        self.page.setFillColorRGB(*color)
        self.page.rect((self.ox + x) * MM, (self._y(y) - h) * MM, w * MM, h * MM, stroke=0, fill=1)

    def text(self, face: Face, text: str, x: float, y: float, color) -> None:
        path = self.page.beginPath()
        pen = _PdfPen(path, self.page_height)
        face.draw(text, self.ox + x, self.oy + y, lambda: pen)
        self.page.setFillColorRGB(*color)
        self.page.drawPath(path, stroke=0, fill=1, fillMode=1)

    def modules(self, matrix, x, y, size) -> None:
        n = len(matrix)
        unit = size / n
        self.page.setFillColorRGB(0, 0, 0)
        for r, row in enumerate(matrix):
            for c, dark in enumerate(row):
                if dark:
                    self.page.rect((self.ox + x + c * unit) * MM, (self._y(y + (r + 1) * unit)) * MM, unit * MM, unit * MM, stroke=0, fill=1)


def _hex(color) -> str:
    return "#" + "".join(f"{round(c * 255):02x}" for c in color)


# --- the plaque ----------------------------------------------------------------------------


@dataclass(frozen=True)
class PlaqueText:
    ward: str
    name_vi: str
    name_en: str
    kind: str  # type · ranking, both languages
    summary_vi: str
    summary_en: str
    url: str  # absolute, encoded
    short: str  # printed under the code
    sample: bool
    ink: tuple[float, float, float] = LACQUER  # the ward's colour: the band, the name, the sample mark


def plaque_text(site_url: str, entry, vocabulary, ward: str) -> PlaqueText:
    d = entry.data
    type_vi = vocabulary.type_label(entry.section, d.type, "vi")
    type_en = vocabulary.type_label(entry.section, d.type, "en")
    kind = f"{type_vi} / {type_en}"
    if d.ranking:
        kind += f" · {vocabulary.ranking_label(entry.section, d.ranking, 'vi')}"
    return PlaqueText(
        ward=nfc(ward).upper(),
        name_vi=d.name.vi,
        name_en=d.name.en,
        kind=kind,
        summary_vi=d.summary.vi,
        summary_en=d.summary.en,
        url=qr.landing_url(site_url, entry.id),
        short=qr.short_url(site_url, entry.id),
        sample=d.sample,
    )


def trail_plaque_text(site_url: str, trail, inv, ward: str) -> PlaqueText:
    """A trail's sign at its start: the same plaque, saying how many stops and how far."""
    from heritage.trails.route import format_km, route

    path = route(trail, inv)
    kind = f"Hành trình di sản / Heritage trail · {len(path.stops)} điểm dừng / stops · {format_km(path.distance_km, 'vi')}"
    d = trail.data
    return PlaqueText(nfc(ward).upper(), d.name.vi, d.name.en, kind, d.summary.vi, d.summary.en, qr.landing_url(site_url, trail.id), qr.short_url(site_url, trail.id), d.sample)


def draw_plaque(surface, fmt: Format, t: PlaqueText) -> None:
    w, h, s = fmt.width, fmt.height, fmt.scale
    margin = 8 * s
    inner = w - 2 * margin
    surface.rect(0, 0, w, h, (0.985, 0.97, 0.94))
    band = 14 * s
    surface.rect(0, 0, w, band, t.ink)
    ward = Face("SemiBold", 3.6 * s)
    surface.text(ward, t.ward, (w - ward.width(t.ward)) / 2, band / 2 + 1.3 * s, GOLD)
    y = band + 11 * s
    title = Face("Bold", 8.2 * s)
    for line in wrap(title, t.name_vi, inner, 2):
        surface.text(title, line, margin, y, t.ink)
        y += 9.2 * s
    english = Face("Medium", 5.0 * s)
    for line in wrap(english, t.name_en, inner, 2):
        surface.text(english, line, margin, y, INK)
        y += 6.2 * s
    y += 0.8 * s
    small = Face("Regular", 3.2 * s)
    for line in wrap(small, t.kind, inner, 2):
        surface.text(small, line, margin, y, MUTED)
        y += 4.2 * s
    y += 1.8 * s
    body = Face("Regular", 3.5 * s)
    for text in (t.summary_vi, t.summary_en):
        for line in wrap(body, text, inner, 2):
            surface.text(body, line, margin, y, INK)
            y += 4.6 * s
        y += 1.2 * s
    # the code, centred in what is left above the footer
    footer = 17 * s
    size = fmt.qr
    top = max(y + 2 * s, h - footer - size - 8 * s)
    x = (w - size) / 2
    surface.rect(x - 2, top - 2, size + 4, size + 4, (1, 1, 1))
    code = qr.make_code(t.url)
    surface.modules([[bool(v) for v in row] for row in code.matrix_iter(border=4)], x, top, size)
    url_face, url_lines = fit_url(t.short, inner, s)
    line_y = top + size + 6 * s
    for number, line in enumerate(url_lines):
        line_y = top + size + 6 * s + number * url_face.size * 1.3
        surface.text(url_face, line, (w - url_face.width(line)) / 2, line_y, INK)
    hint = "Quét mã để xem thông tin · Scan for more"
    hint_face = Face("Regular", 3.0 * s)
    surface.text(hint_face, hint, (w - hint_face.width(hint)) / 2, line_y + 5 * s, MUTED)
    if t.sample:
        mark = "MẪU MINH HỌA · SAMPLE — KHÔNG IN / DO NOT PRINT"
        face = Face("Bold", 3.0 * s)
        surface.rect(0, h - 7 * s, w, 7 * s, (1.0, 0.96, 0.86))
        surface.text(face, mark, (w - face.width(mark)) / 2, h - 2.4 * s, t.ink)


def plaque_svg(fmt: Format, t: PlaqueText) -> str:
    surface = SvgCanvas(fmt.width, fmt.height)
    draw_plaque(surface, fmt, t)
    return surface.svg()


SUBJECT = "Biển mã QR · QR plaque"


def plaque_pdf(path: Path, fmt: Format, texts: list[PlaqueText], about: About) -> None:
    """One plaque per page, at its real size."""
    page = print_canvas(path, (fmt.width * MM, fmt.height * MM), about)
    for t in texts:
        draw_plaque(PdfCanvas(page, fmt.width, fmt.height), fmt, t)
        page.showPage()
    page.save()


def sheet_pdf(path: Path, texts: list[PlaqueText], about: About) -> None:
    """Four A6 plaques on each A4 sheet, with cut lines, for the print shop."""
    fmt = FORMATS["a6"]
    a4_w, a4_h = A4[0] / MM, A4[1] / MM
    page = print_canvas(path, A4, about)
    slots = [(0, 0), (fmt.width, 0), (0, fmt.height), (fmt.width, fmt.height)]
    left = (a4_w - 2 * fmt.width) / 2
    top = (a4_h - 2 * fmt.height) / 2
    for start in range(0, len(texts), 4):
        for (dx, dy), t in zip(slots, texts[start:start + 4]):
            draw_plaque(PdfCanvas(page, fmt.width, fmt.height, (left + dx, top + dy), a4_h), fmt, t)
        page.setStrokeColorRGB(0.6, 0.6, 0.6)
        page.setLineWidth(0.3)
        page.setDash(2, 2)
        for x in (left, left + fmt.width, left + 2 * fmt.width):
            page.line(x * MM, 0, x * MM, A4[1])
        for y in (top, top + fmt.height, top + 2 * fmt.height):
            page.line(0, (a4_h - y) * MM, A4[0], (a4_h - y) * MM)
        page.showPage()
    page.save()


def write_plaques(inv, settings, site_url: str, ids: list[str], folder: Path, today: dt.date) -> list[Path]:
    """Every format of every requested entry, the print-shop sheet, and the issued record."""
    folder.mkdir(parents=True, exist_ok=True)
    entries = [inv.entries.get(i) or inv.trails[i] for i in ids]  # an entry's plaque or a trail's sign
    texts = [plaque_text(site_url, e, inv.vocabulary, settings.ward.vi) if e.id in inv.entries else trail_plaque_text(site_url, e, inv, settings.ward.vi) for e in entries]
    texts = [replace(t, ink=settings.colors.palette.dark_rgb) for t in texts]
    written = []
    for entry, t in zip(entries, texts):
        for key, fmt in FORMATS.items():
            svg = folder / f"{entry.id}-{key}.svg"
            svg.write_text(plaque_svg(fmt, t), encoding="utf-8")
            pdf = folder / f"{entry.id}-{key}.pdf"
            about = About(title=f"{t.name_vi} — {fmt.name}", author=settings.ward.vi, subject=SUBJECT, day=today)  # bilingual, Vietnamese first
            plaque_pdf(pdf, fmt, [t], about)
            written += [svg, pdf]
    sheet = folder / "tat-ca-bien-a6-tren-a4.pdf"
    sheet_pdf(sheet, texts, About(title="Biển QR / QR plaques — A6 × 4 / A4", author=settings.ward.vi, subject=SUBJECT, day=today))
    written.append(sheet)
    record_issued(inv.root, ids, today)
    return written
