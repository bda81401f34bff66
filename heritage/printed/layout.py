"""The brochure's page geometry, type and drawing primitives (mm, y downwards from the top):
what every page of `heritage.printed.brochure` draws with."""

from __future__ import annotations

import io
from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.lib.colors import Color
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

MM = 72 / 25.4
PAGE_W, PAGE_H = 148.0, 210.0  # A5, mm
MARGIN = 12.0
GUTTER = 6.0
COLUMN_W = (PAGE_W - 2 * MARGIN - GUTTER) / 2
PRINT_DPI = 300  # photos are resampled to this at their printed size
MIN_DPI = 200  # and never placed below it (a smaller original is printed smaller)
LACQUER = Color(0.37, 0.06, 0.06)
GOLD = Color(0.91, 0.77, 0.43)
INK = Color(0.13, 0.13, 0.13)
MUTED = Color(0.36, 0.31, 0.27)
PAPER = Color(0.985, 0.97, 0.94)


def style(size: float, weight: str = "Regular", color=INK, leading: float | None = None, align: int = 0) -> ParagraphStyle:
    return ParagraphStyle(f"bvp-{weight}-{size}", fontName=f"BVP-{weight}", fontSize=size, leading=leading or size * 1.32, textColor=color, alignment=align)


BODY = style(8.2)
SMALL = style(6.8, color=MUTED)
NAME = style(11, "Bold", LACQUER)
NAME_EN = style(9.5, "SemiBold", INK)
HEADING = style(15, "Bold", LACQUER, 18)
HEADING_EN = style(11.5, "Medium", MUTED, 14)


class BrochureError(Exception):
    """A refusal, worded for the office in both languages."""


@dataclass(frozen=True)
class Placed:
    """Where an image went and at what resolution (for the tests and the summary)."""

    source: str
    width_mm: float
    height_mm: float
    dpi: float


class Page:
    """Draws on one A5 page in mm, y downwards from the top."""

    def __init__(self, pdf: Canvas, photos: dict, ink: Color = LACQUER):
        self.pdf = pdf
        self.photos = photos
        self.placed: list[Placed] = []
        self.ink = ink  # the ward's colour (data/site.yml colors:), wherever the layout says LACQUER
        self._styles: dict[str, ParagraphStyle] = {}

    def _colour(self, color):
        return self.ink if color is LACQUER else color

    def _style(self, style: ParagraphStyle) -> ParagraphStyle:
        if style.textColor is not LACQUER:
            return style
        key = f"{style.name}-{id(style)}"
        if key not in self._styles:
            self._styles[key] = ParagraphStyle(f"{style.name}-ink", parent=style, textColor=self.ink)
        return self._styles[key]

    def rect(self, x: float, y: float, w: float, h: float, color) -> None:
        self.pdf.setFillColor(self._colour(color))
        self.pdf.rect(x * MM, (PAGE_H - y - h) * MM, w * MM, h * MM, stroke=0, fill=1)

    def text(self, x: float, y: float, text: str, size: float, weight: str = "Regular", color=INK, centre: bool = False) -> None:
        """One line with its baseline at y."""
        self.pdf.setFillColor(self._colour(color))
        self.pdf.setFont(f"BVP-{weight}", size)
        if centre:
            self.pdf.drawCentredString(x * MM, (PAGE_H - y) * MM, text)
        else:
            self.pdf.drawString(x * MM, (PAGE_H - y) * MM, text)

    def para(self, x: float, y: float, w: float, text: str, style: ParagraphStyle) -> float:
        """A wrapped paragraph from its top at y; returns its height in mm."""
        paragraph = Paragraph(escape(text), self._style(style))
        _, height = paragraph.wrap(w * MM, PAGE_H * MM)
        paragraph.drawOn(self.pdf, x * MM, (PAGE_H - y) * MM - height)
        return height / MM

    def pair(self, y: float, vi: str, en: str, style: ParagraphStyle = BODY, en_style: ParagraphStyle | None = None) -> float:
        """Vietnamese left, English right, from y; returns the taller column's height."""
        left = self.para(MARGIN, y, COLUMN_W, vi, style)
        right = self.para(MARGIN + COLUMN_W + GUTTER, y, COLUMN_W, en, en_style or style)
        return max(left, right)

    def heading(self, y: float, vi: str, en: str) -> float:
        self.rect(MARGIN, y, 14, 1.2, GOLD)
        self.text(MARGIN, y + 8, vi, 15, "Bold", LACQUER)
        self.text(MARGIN, y + 14, en, 11, "Medium", MUTED)
        return 19

    def photo(self, source: str, x: float, y: float, w: float, h: float) -> float:
        """The photo cropped to w × h mm (less if the original is too small for 200 dpi);
        returns the height used."""
        image = self.photos.get(source)
        if image is None:
            return 0.0
        ratio = w / h
        src_w, src_h = image.size
        if src_w / src_h > ratio:
            crop_w, crop_h = round(src_h * ratio), src_h
        else:
            crop_w, crop_h = src_w, round(src_w / ratio)
        left, top = (src_w - crop_w) // 2, (src_h - crop_h) // 2
        cropped = image.crop((left, top, left + crop_w, top + crop_h))
        largest_mm = crop_w / MIN_DPI * 25.4  # the widest print that keeps 200 dpi
        if largest_mm < w:
            w, h = largest_mm, largest_mm / ratio
        target = (round(w / 25.4 * PRINT_DPI), round(h / 25.4 * PRINT_DPI))
        if target[0] < crop_w:
            cropped = cropped.resize(target, resample=3)  # BICUBIC
        buffer = io.BytesIO()
        cropped.save(buffer, "JPEG", quality=88, optimize=True)  # embedded as it is (DCTDecode)
        buffer.seek(0)
        self.pdf.drawImage(ImageReader(buffer), x * MM, (PAGE_H - y - h) * MM, w * MM, h * MM)
        self.placed.append(Placed(source, w, h, cropped.width / (w / 25.4)))
        return h

    def footer(self, number: int, sample: bool) -> None:
        note = "Nội dung minh họa · Sample content" if sample else ""
        self.text(MARGIN, PAGE_H - 6, note, 6, "Medium", LACQUER)
        self.text(PAGE_W - MARGIN - 3, PAGE_H - 6, str(number), 7, "Medium", MUTED)
