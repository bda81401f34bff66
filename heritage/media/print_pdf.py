"""reportlab canvases whose every font is embedded, for the files that go to a print shop.

A new reportlab canvas names Helvetica on every page (its default font, set in each page's
preamble even when nothing is written in it) without embedding it: strict print checks
(preflight, PDF/X) refuse such a file. Starting every canvas on Be Vietnam Pro, registered
as embedded TrueType, leaves nothing unembedded: reportlab sets no preamble font for a
TrueType font, and embeds the glyphs (subset) of one that text uses.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from heritage.media.artwork import font_path

WEIGHTS = ("Regular", "Medium", "SemiBold", "Bold")
INITIAL_FONT = "BVP-Regular"


@lru_cache(maxsize=1)
def register_fonts() -> None:
    """Be Vietnam Pro as embedded TrueType: real, selectable text with every diacritic."""
    for weight in WEIGHTS:
        pdfmetrics.registerFont(TTFont(f"BVP-{weight}", str(font_path(weight))))


def print_canvas(path: Path, pagesize: tuple[float, float], **options) -> Canvas:
    """A reportlab canvas that references no font it does not embed."""
    register_fonts()
    return Canvas(str(path), pagesize=pagesize, initialFontName=INITIAL_FONT, **options)
