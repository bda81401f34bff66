"""The report's charts: every glyph of every label is in Be Vietnam Pro's cmap; files fit the document."""

from __future__ import annotations

import datetime as dt
import unicodedata
import warnings
from functools import cache

import pytest
from fontTools.ttLib import TTFont
from matplotlib import font_manager
from matplotlib.text import Text
from PIL import Image

from heritage.content.loader import load_inventory
from heritage.media.artwork import font_path
from heritage.report import charts as report_charts
from heritage.report.figures import compute

from .test_report import reported_project

VOWELS = "aăâeêioôơuưy"
TONES = ("\u0300", "\u0301", "\u0309", "\u0303", "\u0323")  # huyền, sắc, hỏi, ngã, nặng


def vietnamese_letters() -> set[str]:
    """The twelve vowels with each of six tones (none included), both cases, NFC; and đ/Đ."""
    letters = {"đ", "Đ"}
    for vowel in VOWELS:
        for tone in ("", *TONES):
            letter = unicodedata.normalize("NFC", vowel + tone)
            letters |= {letter, letter.upper()}
    return letters


@cache
def cmap(path: str) -> set[int]:
    return set(TTFont(path).getBestCmap())


@pytest.fixture(scope="module")
def figures(tmp_path_factory):
    project = reported_project(tmp_path_factory.mktemp("charts"))
    inventory = load_inventory(project.root)
    assert not inventory.errors
    return compute(inventory, inventory.settings, 2026, dt.date(2026, 10, 20))


@pytest.mark.parametrize("weight", ["Regular", "SemiBold", "Bold"])
def test_the_font_covers_vietnamese(weight):
    missing = sorted(c for c in vietnamese_letters() if ord(c) not in cmap(str(font_path(weight))))
    assert len(vietnamese_letters()) == 2 * 12 * 6 + 2 and missing == []


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_label_is_set_in_be_vietnam_pro_with_no_missing_glyph(figures, lang):
    drawn = report_charts.draw(figures, lang)
    assert set(drawn) == set(report_charts.CHARTS)
    seen = ""
    for key, fig in drawn.items():
        texts = [t for t in fig.findobj(Text) if t.get_text().strip() and t.get_visible()]
        assert texts, key
        for text in texts:
            path = font_manager.findfont(text.get_fontproperties(), fallback_to_default=False)
            assert "BeVietnamPro" in path, (key, text.get_text(), path)
            missing = [c for c in text.get_text() if ord(c) not in cmap(path)]
            assert missing == [], (key, text.get_text())
            seen += text.get_text()
    if lang == "vi":  # the Vietnamese labels were really drawn, diacritics and all
        for label in ("Lễ hội", "Làng nghề", "Nghệ nhân", "Sản phẩm", "Âm thanh", "Yêu cầu: ít nhất 1 bài/tháng", "thiếu", "Bản dịch cũ: 1"):
            assert label in seen, label


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_chart_files(figures, lang, tmp_path):
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # matplotlib warns "Glyph … missing from font(s)"
        written = report_charts.write_charts(figures, lang, tmp_path, "bc")
    assert set(written) == set(report_charts.CHARTS)
    for key, files in written.items():
        with Image.open(files.png) as image:
            assert image.format == "PNG" and image.width == round(report_charts.SIZE[0] * report_charts.DPI)
        svg = files.svg.read_text(encoding="utf-8")
        assert "<text" not in svg and "<path" in svg  # outlines: prints without the font
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(f"bc-{k}.{ext}" for k in report_charts.CHARTS for ext in ("png", "svg"))


def test_missed_month_is_written_on_the_chart(figures):
    column = report_charts.draw(figures, "vi")["chuyen-muc"]
    missed = [t for t in column.findobj(Text) if t.get_text() == "thiếu"]
    assert len(missed) == len(figures.missed_months) == 1
    assert missed[0].xy[0] == 7  # August, the eighth bar


def test_bars_show_the_reported_numbers(figures):
    drawn = report_charts.draw(figures, "vi")
    column = drawn["chuyen-muc"].axes[0]
    assert [bar.get_height() for bar in column.patches] == [m.posts for m in figures.column]
    media = drawn["so-hoa"].axes[0]
    per_month = [0] * 12
    for bar in media.patches:
        per_month[round(bar.get_x() + bar.get_width() / 2)] += bar.get_height()
    assert per_month == [figures.media.month_total(m) for m in range(1, 13)] and sum(per_month) == 2
    inventory = drawn["danh-muc"].axes[0]
    widths = [bar.get_width() for bar in inventory.patches]
    totals = [widths[i] + widths[i + len(figures.sections)] for i in range(len(figures.sections))]
    assert totals == [s.entries for s in reversed(figures.sections)]
