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


# --- English pages carry no Vietnamese interface text -----------------------------------------
# Interface text is what templates print; a Vietnamese word on an English page is allowed only
# inside an element marked lang="vi", or when the English content itself uses it (a name such
# as "Tân An", a quoted term such as "Quan họ"), which the editors wrote in data/ and docs/en/.

import html.parser  # noqa: E402
import re  # noqa: E402
from pathlib import Path  # noqa: E402

import yaml  # noqa: E402

VIETNAMESE_ONLY = re.compile(r"[ăâđêôơưĩũĂÂĐÊÔƠƯĨŨ\u1EA0-\u1EF9àáãèéìíòóõùúýỳÀÁÃÈÉÌÍÒÓÕÙÚÝ]")
WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
CHECKED_ATTRIBUTES = ("aria-label", "title", "placeholder", "alt")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _TextOutsideVietnamese(html.parser.HTMLParser):
    """Text nodes and labelling attributes that are not inside a lang="vi" element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []  # (tag, inside Vietnamese)
        self.texts: list[str] = []

    def _vi(self) -> bool:
        return bool(self.stack) and self.stack[-1][1]

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        lang = attrs.get("lang")
        inside = (lang or "").startswith("vi") if lang is not None else self._vi()
        if not inside:
            self.texts += [attrs[a] for a in CHECKED_ATTRIBUTES if attrs.get(a)]
        if tag not in VOID:
            self.stack.append((tag, inside or tag in ("script", "style", "code")))

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break

    def handle_data(self, data):
        if not self._vi() and data.strip():
            self.texts.append(data)


def vietnamese_leftovers(page_html: str, allowed: set[str]) -> list[str]:
    """Words with Vietnamese-only letters, outside lang="vi", that the English content does not use."""
    parser = _TextOutsideVietnamese()
    parser.feed(page_html)
    found = []
    for text in parser.texts:
        found += [w for w in WORD.findall(text) if VIETNAMESE_ONLY.search(w) and w not in allowed]
    return found


def _english_words(root: Path) -> set[str]:
    """Every word of the English content editors wrote: data's `en:` values and docs/en/."""
    texts: list[str] = [p.read_text(encoding="utf-8") for p in (root / "docs" / "en").rglob("*.md")]

    def walk(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "en" and isinstance(value, str):
                    texts.append(value)
                else:
                    walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for path in (root / "data").rglob("*.yml"):
        walk(yaml.safe_load(path.read_text(encoding="utf-8")))
    return {w for text in texts for w in WORD.findall(text)}


def test_the_leftover_finder_finds_interface_text_and_spares_names():
    page = '<html lang="en"><body><p>Tân An Heritage</p><span lang="vi">Nội dung minh họa</span><footer>UBND phường Tân An</footer><button aria-label="Đóng">x</button></body></html>'
    assert vietnamese_leftovers(page, {"Tân"}) == ["phường", "Đóng"]


def test_no_english_page_has_vietnamese_interface_text(sample_site):
    allowed = _english_words(sample_site.root)
    pages = sorted((sample_site.root / "site" / "en").rglob("*.html"))
    assert len(pages) > 30
    problems = {}
    for page in pages:
        leftovers = vietnamese_leftovers(page.read_text(encoding="utf-8"), allowed)
        if leftovers:
            problems[page.relative_to(sample_site.root / "site").as_posix()] = sorted(set(leftovers))
    assert not problems, problems
