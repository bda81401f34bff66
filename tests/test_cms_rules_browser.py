"""The form refuses, before saving, what `make check` refuses, in its sentence with its figures:
typed into the real form in Chromium (Decap with `make edit`'s proxy), saved, refused on screen,
nothing written under data/ or docs/. (A taken id from another section, a photo without its
description or licence: tests/test_cms_forms_browser.py.)"""

from __future__ import annotations

import pytest

from heritage.content import forms, kinds
from heritage.content.messages import RULES
from heritage.content.schema import VIETNAM_LAT
from tests.test_cms_forms_browser import _open, _publish, sample_editor  # noqa: F401 (the fixture)

RELIC = "collections/di-tich/entries/den-mau-tan-an"


def _files(root) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): p.read_text(encoding="utf-8") for folder in ("data", "docs") for p in sorted((root / folder).rglob("*")) if p.is_file() and p.suffix in (".yml", ".md")}


def _summary(page):
    page.locator("[data-field=summary] [data-lang=vi]").fill("ẽ" * 301)


def _swapped(page):
    page.locator("[data-number=lat]").fill("106.17")
    page.locator("[data-number=lon]").fill("21.22")


def _comma(page):
    page.locator("[data-number=lat]").fill("21,22")


def _phone(page):
    page.locator("[id^=phone-field]").first.fill("gọi tôi")


def _email(page):
    page.locator("[id^=email-field]").first.fill("ban quan ly@example")


def _url(page):
    page.locator("[id^=url-field]").first.fill("javascript:alert(1)")


CASES = {
    "not a web address": (_url, RULES["web-address"][1].format(value="javascript:alert(1)")),
    "summary too long": (_summary, kinds.too_long(301, 300)[1]),
    "lat and lon swapped": (_swapped, RULES["latitude-outside"][1].format(value="106.17", lo=VIETNAM_LAT[0], hi=VIETNAM_LAT[1])),  # the form gives its own advice
    "a comma as decimal point": (_comma, kinds.decimal_comma("21,22", "21.22", "lat")[1]),
    "not a phone number": (_phone, forms.SENTENCES[forms.PHONE][1].format(value="gọi tôi")),
    "not an e-mail address": (_email, forms.SENTENCES[forms.EMAIL][1].format(value="ban quan ly@example")),
}


@pytest.mark.parametrize("case", list(CASES))
def test_a_mistake_is_refused_in_make_checks_sentence_and_nothing_is_written(sample_editor, case):  # noqa: F811
    page, project, url, errors = sample_editor
    before = _files(project.root)
    type_mistake, sentence = CASES[case]
    _open(page, url, RELIC, "[data-field=summary]")
    type_mistake(page)
    _publish(page)
    page.get_by_text(sentence, exact=False).first.wait_for()
    assert _files(project.root) == before
    assert not [e for e in errors if "is not a function" in e], errors
