"""The yearly report's charts (matplotlib, Agg), set in Be Vietnam Pro: PNG for Word, SVG for print.

Four charts where the office would rather look than read: entries by section, material
digitised per month, column posts per month against the one-a-month rule, and the state
of the English translations. Be Vietnam Pro covers every Vietnamese letter, so no
diacritic falls back to a box; SVG text is drawn as outlines, so it needs no font either.
Colours differ in lightness as well as hue: the report is often printed in black and white.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # no display on servers; must precede any pyplot import elsewhere

from matplotlib import font_manager  # noqa: E402
from matplotlib import rc_context  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from heritage.content.translations import STATUS_LABELS  # noqa: E402
from heritage.media.artwork import font_path  # noqa: E402
from heritage.report.figures import MEDIA_KINDS, ReportFigures  # noqa: E402
from heritage.report.wording import short_month  # noqa: E402

FAMILY = "Be Vietnam Pro"
CHARTS = ("danh-muc", "so-hoa", "chuyen-muc", "ban-dich")
SIZE = (6.3, 3.1)  # inches: 16 cm wide, the text width of an A4 page with the decree's margins
DPI = 200
RED, GOLD, GREY, PALE, INK = "#8a1c1c", "#d4a437", "#6f6a64", "#d9d4cc", "#2b2b2b"
KIND_COLOURS = {"image": RED, "audio": GOLD, "video": GREY, "youtube": PALE}
STATE_COLOURS = {"met": RED, "excused": GREY, "missed": RED, "not-due": PALE, "before-launch": PALE}
STATUS_COLOURS = {"current": RED, "stale": GOLD, "unstamped": GREY, "invalid": INK, "no-english": PALE, "no-vietnamese": "#ffffff"}



def _ward(colour: str, f: ReportFigures) -> str:
    """RED is where the charts show the ward's own colour (data/site.yml colors.primary)."""
    return f.primary if colour == RED else colour


LABELS: dict[str, dict[str, str]] = {
    "inventory-data": {"vi": "Dữ liệu kiểm kê", "en": "Inventory data"},
    "illustrative": {"vi": "Minh họa (chưa thẩm định)", "en": "Illustrative (not verified)"},
    "entries-axis": {"vi": "Số mục", "en": "Entries"},
    "items-axis": {"vi": "Số tư liệu", "en": "Items"},
    "posts-axis": {"vi": "Số bài", "en": "Posts"},
    "rule": {"vi": "Yêu cầu: ít nhất 1 bài/tháng", "en": "Rule: at least one post a month"},
    "missed": {"vi": "thiếu", "en": "missed"},
    "excused": {"vi": "miễn", "en": "excused"},
    "up-to-date": {"vi": "cập nhật", "en": "up to date"},
}


@dataclass(frozen=True)
class ChartFiles:
    png: Path
    svg: Path


@cache
def _register_font() -> None:
    for weight in ("Regular", "SemiBold", "Bold"):
        font_manager.fontManager.addfont(str(font_path(weight)))


def _style() -> dict:
    _register_font()
    return {
        "font.family": FAMILY,
        "font.size": 9,
        "axes.edgecolor": GREY,
        "axes.labelcolor": INK,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "xtick.color": INK,
        "ytick.color": INK,
        "svg.fonttype": "path",
        "pdf.fonttype": 42,  # should a chart be saved as PDF: Be Vietnam Pro embedded as TrueType, not Type 3
        "ps.fonttype": 42,
        "svg.hashsalt": "heritage-report",  # the same figures give the same SVG
        "axes.unicode_minus": False,
    }


def _label(key: str, lang: str) -> str:
    return LABELS[key][lang]


def inventory_chart(f: ReportFigures, lang: str) -> Figure:
    """Horizontal bars, one per section: inventory data, then illustrative entries."""
    fig = Figure(figsize=SIZE, layout="constrained")
    ax = fig.add_subplot()
    sections = list(reversed(f.sections))
    names = [s.label[lang] for s in sections]
    real = [s.entries - s.samples for s in sections]
    samples = [s.samples for s in sections]
    ax.barh(names, real, color=f.primary, label=_label("inventory-data", lang))
    ax.barh(names, samples, left=real, color=PALE, edgecolor=GREY, hatch="///", linewidth=0.5, label=_label("illustrative", lang))
    for y, s in enumerate(sections):
        ax.annotate(str(s.entries), (s.entries, y), xytext=(3, 0), textcoords="offset points", va="center", fontsize=8)
    ax.set_xlabel(_label("entries-axis", lang))
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.set_xlim(0, max([s.entries for s in sections] + [1]) * 1.15)
    ax.legend(loc="lower right", frameon=False, fontsize=8)
    return fig


def media_chart(f: ReportFigures, lang: str) -> Figure:
    """Stacked columns per month, one colour per kind of material."""
    fig = Figure(figsize=SIZE, layout="constrained")
    ax = fig.add_subplot()
    months = [short_month(m, lang) for m in range(1, 13)]
    bottom = [0] * 12
    for kind, label in MEDIA_KINDS.items():
        counts = [f.media.by_month[m][kind] for m in range(1, 13)]
        hatch = "..." if kind == "youtube" else None
        ax.bar(months, counts, bottom=bottom, color=_ward(KIND_COLOURS[kind], f), edgecolor=GREY if hatch else None, hatch=hatch, linewidth=0.5, label=label[lang])
        bottom = [b + c for b, c in zip(bottom, counts)]
    for x, total in enumerate(bottom):
        if total:
            ax.annotate(str(total), (x, total), ha="center", va="bottom", xytext=(0, 2), textcoords="offset points", fontsize=8)
    ax.set_ylabel(_label("items-axis", lang))
    ax.set_ylim(0, max(bottom + [1]) * 1.2)
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.legend(loc="upper left", frameon=False, fontsize=8, ncols=4)
    return fig


def column_chart(f: ReportFigures, lang: str) -> Figure:
    """Posts per month, with the one-a-month line; missed and excused months are written out."""
    fig = Figure(figsize=SIZE, layout="constrained")
    ax = fig.add_subplot()
    months = [short_month(m.month.month, lang) for m in f.column]
    posts = [m.posts for m in f.column]
    colours = [_ward(STATE_COLOURS[m.state], f) for m in f.column]
    bars = ax.bar(months, posts, color=colours)
    for bar, value in zip(bars, posts):  # inside the bar: above it the value would sit on the rule's line
        if value:
            ax.annotate(str(value), (bar.get_x() + bar.get_width() / 2, value / 2), ha="center", va="center", fontsize=9, fontweight="bold", color="white")
    top = max(posts + [1]) * 1.35 + 0.3
    ax.axhline(1, color=INK, linestyle="--", linewidth=1)
    ax.annotate(_label("rule", lang), (1, 1), xycoords=("axes fraction", "data"), xytext=(0, 4), textcoords="offset points", ha="right", fontsize=8, color=INK)
    for x, m in enumerate(f.column):
        if m.state in ("missed", "excused"):
            ax.annotate(_label(m.state, lang), (x, 0), ha="center", va="bottom", xytext=(0, 2), textcoords="offset points", fontsize=8, fontweight="bold", color=f.primary if m.state == "missed" else GREY)
    ax.set_ylabel(_label("posts-axis", lang))
    ax.set_ylim(0, top)
    ax.yaxis.get_major_locator().set_params(integer=True)
    return fig


def translation_chart(f: ReportFigures, lang: str) -> Figure:
    """A ring of translation states, the share up to date in its middle."""
    fig = Figure(figsize=(SIZE[0], 2.5), layout="constrained")
    ax = fig.add_subplot()
    shown = [(key, n) for key, n in f.translations.by_status.items() if n]
    if shown:
        wedges, _ = ax.pie([n for _, n in shown], colors=[_ward(STATUS_COLOURS[k], f) for k, _ in shown], startangle=90, counterclock=False, wedgeprops={"width": 0.38, "edgecolor": "white"})
        ax.legend(wedges, [f"{STATUS_LABELS[k][lang]}: {n}" for k, n in shown], loc="center left", bbox_to_anchor=(1.0, 0.5), frameon=False, fontsize=9)
    ax.text(0, 0.08, f"{f.translations.percent} %", ha="center", va="center", fontsize=18, fontweight="bold", color=INK)
    ax.text(0, -0.2, _label("up-to-date", lang), ha="center", va="center", fontsize=9, color=INK)
    ax.set_aspect("equal")
    return fig


DRAW = {"danh-muc": inventory_chart, "so-hoa": media_chart, "chuyen-muc": column_chart, "ban-dich": translation_chart}


def draw(f: ReportFigures, lang: str) -> dict[str, Figure]:
    """Every chart as a matplotlib Figure (tests read their texts)."""
    with rc_context(_style()):
        drawn = {key: DRAW[key](f, lang) for key in CHARTS}
        for fig in drawn.values():
            fig.draw_without_rendering()  # tick labels are made at drawing time, with the style in force
    return drawn


def write_charts(f: ReportFigures, lang: str, folder: Path, stem: str) -> dict[str, ChartFiles]:
    """<stem>-<chart>.png (200 dpi, for the Word document) and .svg (outlines, for print)."""
    out = {}
    with rc_context(_style()):
        for key in CHARTS:
            fig = DRAW[key](f, lang)
            files = ChartFiles(folder / f"{stem}-{key}.png", folder / f"{stem}-{key}.svg")
            fig.savefig(files.png, dpi=DPI, metadata={"Software": None})
            fig.savefig(files.svg, metadata={"Date": None, "Creator": None})
            out[key] = files
    return out

