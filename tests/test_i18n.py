"""Interface strings exist in both languages; dates read naturally in each."""

from __future__ import annotations

import datetime as dt
import string

import pytest

from heritage import i18n


@pytest.mark.parametrize("key", sorted(i18n.STRINGS))
def test_every_string_in_both_languages_with_same_placeholders(key):
    labels = i18n.STRINGS[key]
    assert set(labels) == {"vi", "en"}
    fields = {lang: {f for _, f, _, _ in string.Formatter().parse(text) if f} for lang, text in labels.items()}
    assert fields["vi"] == fields["en"]
    assert all(text.strip() for text in labels.values())


@pytest.mark.parametrize(
    "lang, day, month",
    [("vi", "17/02/2026", "tháng 2 năm 2026"), ("en", "17 February 2026", "February 2026")],
)
def test_dates(lang, day, month):
    date = dt.date(2026, 2, 17)
    assert i18n.format_day(date, lang) == day
    assert i18n.format_month(date, lang) == month


@pytest.mark.parametrize(
    "calendar, month, day, leap, lang, text",
    [
        ("lunar", 1, 13, False, "vi", "ngày 13 tháng Giêng (âm lịch)"),
        ("lunar", 6, 1, True, "vi", "ngày 1 tháng 6 nhuận (âm lịch)"),
        ("lunar", 1, 13, False, "en", "13th day of the 1st lunar month"),
        ("lunar", 12, 22, False, "en", "22nd day of the 12th lunar month"),
        ("solar", 9, 26, False, "vi", "ngày 26 tháng 9 (dương lịch)"),
        ("solar", 9, 26, False, "en", "26 September"),
    ],
)
def test_recurring_dates(calendar, month, day, leap, lang, text):
    assert i18n.format_recurring(calendar, month, day, leap, lang) == text
