"""reportlab canvases whose every font is embedded, for the files that go to a print shop.

A new reportlab canvas names Helvetica on every page (its default font, set in each page's
preamble even when nothing is written in it) without embedding it: strict print checks
(preflight, PDF/X) refuse such a file. Starting every canvas on Be Vietnam Pro, registered
as embedded TrueType, leaves nothing unembedded: reportlab sets no preamble font for a
TrueType font, and embeds the glyphs (subset) of one that text uses.

Every canvas also says what it is (`About`): title, author (the ward's office), subject,
creator (this engine and its version), its date and its language (the catalog's /Lang, which
screen readers and a print shop's preflight read). The date is a day of the site's clock
(heritage/clock.py, HERITAGE_TODAY), at midnight UTC, and the file's /ID follows from its
content (reportlab's invariant mode): the same content on the same day gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from heritage import __version__
from heritage.media.artwork import font_path

WEIGHTS = ("Regular", "Medium", "SemiBold", "Bold")
INITIAL_FONT = "BVP-Regular"


@lru_cache(maxsize=1)
def register_fonts() -> None:
    """Be Vietnam Pro as embedded TrueType: real, selectable text with every diacritic."""
    for weight in WEIGHTS:
        pdfmetrics.registerFont(TTFont(f"BVP-{weight}", str(font_path(weight))))


@dataclass(frozen=True)
class About:
    """What a PDF says of itself in its document information and catalog."""

    title: str
    author: str  # the ward's office, from data/site.yml
    subject: str
    day: dt.date  # the run's date, from the site's clock
    lang: str = "vi-VN"  # BCP 47; "en" for a document in English only


def pdf_date(day: dt.date) -> str:
    """A PDF date string (ISO 32000 7.9.4) for midnight UTC of `day`."""
    return f"D:{day:%Y%m%d}000000+00'00'"


def print_canvas(path: Path, pagesize: tuple[float, float], about: About, **options) -> Canvas:
    """A reportlab canvas that references no font it does not embed, and describes itself."""
    register_fonts()
    options.setdefault("invariant", 1)  # no wall clock, no random /ID: reproducible bytes
    canvas = Canvas(str(path), pagesize=pagesize, initialFontName=INITIAL_FONT, lang=about.lang, **options)
    canvas.setTitle(about.title)
    canvas.setAuthor(about.author)
    canvas.setSubject(about.subject)
    canvas.setCreator(f"heritage {__version__}")  # the Producer stays reportlab's own name
    stamp = pdf_date(about.day)
    canvas.setDateFormatter(lambda *_: stamp)  # CreationDate and ModDate
    return canvas
