"""The address printed under a plaque's QR code stays on the page (a third ward's officer saw
`someone.github.io/di-san-…/q/dinh-…` run off both edges of the A6 PDF): its font shrinks to a
minimum, then it wraps after a '/'. Widths are measured with reportlab's own stringWidth of the
same font, independently of the engine's fontTools measure."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from heritage.media.artwork import font_path
from heritage.printed.plaques import FORMATS, URL_MIN, Face, PlaqueText, draw_plaque, fit_url
from heritage.qr import codes as qr

MARGIN = 8  # mm at A6 (times the format's scale), as draw_plaque leaves on each side
LONG_SITE = "https://someone.github.io/di-san-hoa-binh-thuong/"
LONG_ID = "dinh-hoa-binh-thuong-va-mieu-ba-chua-xu-lang-hoa-binh-thuong-thon-dong"


class Recorder:
    """A drawing surface that keeps each text with its face and position."""

    def __init__(self) -> None:
        self.texts: list[tuple[Face, str, float, float]] = []

    def rect(self, *args) -> None:
        pass

    def modules(self, *args) -> None:
        pass

    def text(self, face: Face, text: str, x: float, y: float, color) -> None:
        self.texts.append((face, text, x, y))


def _reportlab_width(face: Face, text: str) -> float:
    """The text's width in mm by reportlab, for the font the face draws with."""
    name = Path(face.font.reader.file.name).stem
    if name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(name, face.font.reader.file.name))
    return pdfmetrics.stringWidth(text, name, face.size)


def _plaque(site_url: str, entry_id: str, ward: str = "UBND XÃ HÒA BÌNH THƯỢNG, TỈNH SƠN HÀ") -> PlaqueText:
    url = qr.landing_url(site_url, entry_id)
    return PlaqueText(ward, "Đình Hòa Bình Thượng", "Hoa Binh Thuong Communal House", "Đình / Communal house", "Một câu.", "One sentence.", url, qr.short_url(site_url, entry_id), False)


@pytest.mark.parametrize("fmt", sorted(FORMATS))
@pytest.mark.parametrize("entry_id", ["dinh", "dinh-hoa-binh-thuong", LONG_ID])
def test_the_address_under_the_code_fits_the_printable_width(fmt, entry_id):
    page = FORMATS[fmt]
    plaque = _plaque(LONG_SITE, entry_id)
    surface = Recorder()
    draw_plaque(surface, page, plaque)
    margin = MARGIN * page.scale
    address = [(face, text, x) for face, text, x, _ in surface.texts if text and text in plaque.short]
    assert "".join(text for _, text, _ in address) == plaque.short  # every character printed, in order, once
    assert all(face.size >= URL_MIN * page.scale - 1e-9 for face, _, _ in address)  # still readable
    for face, text, x, _ in surface.texts:  # the address, and every other line of the plaque
        width = _reportlab_width(face, text)
        assert abs(width - face.width(text)) < 0.01 * max(width, 1)
        assert x >= margin - 0.01 and x + width <= page.width - margin + 0.01, (fmt, text, x, width)


def test_a_short_address_keeps_one_line_at_the_full_size():
    face, lines = fit_url("phulac.example.org/q/dinh", 89, 1.0)
    assert lines == ["phulac.example.org/q/dinh"] and face.size == 4.0


def test_a_long_address_breaks_after_a_slash():
    face, lines = fit_url(qr.short_url(LONG_SITE, "dinh-hoa-binh-thuong"), 89, 1.0)
    assert len(lines) == 2 and all(line.endswith("/") for line in lines[:-1]) and face.size == URL_MIN


@settings(max_examples=80, deadline=None)
@given(text=st.text(st.sampled_from("abcdefghijklmnopqrstuvwxyz0123456789-./"), min_size=1, max_size=160), fmt=st.sampled_from(sorted(FORMATS)))
def test_any_address_is_printed_whole_within_the_width(text, fmt):
    page = FORMATS[fmt]
    inner = page.width - 2 * MARGIN * page.scale
    face, lines = fit_url(text, inner, page.scale)
    assert "".join(lines) == text
    assert all(_reportlab_width(face, line) <= inner + 0.01 for line in lines)
