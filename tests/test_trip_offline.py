"""The trip page (emergency numbers, toilets) is kept when the service worker installs, in
both languages: a visitor who never opened it reads it with no signal."""

from __future__ import annotations

import pytest

from heritage import urls

from .conftest import PHONE
from .test_webapp import _under_worker


@pytest.mark.browser
@pytest.mark.parametrize("lang, title", [("vi", "Kế hoạch tham quan"), ("en", "Plan your trip")])
def test_the_trip_page_never_opened_reads_offline(chromium, served_sample, lang, title):
    context = chromium.new_context(**PHONE)
    prefix = urls.prefix(lang)
    page = _under_worker(context, served_sample + prefix + "di-tich/dinh-tan-an/")
    # Kept at install, not because it was opened: the worker's precache holds both languages.
    kept = page.evaluate("caches.keys().then(ns => caches.open(ns.find(n => n.includes('precache'))).then(c => c.keys())).then(ks => ks.map(k => k.url))")
    assert {served_sample + urls.page(lang_, urls.VISIT) for lang_ in ("vi", "en")} <= set(kept)
    context.set_offline(True)
    page.goto(served_sample + urls.page(lang, urls.VISIT))
    assert page.locator("h1").inner_text() == title
    assert page.evaluate("document.documentElement.lang") == lang
    assert "113" in page.locator("article").inner_text()  # the emergency numbers
    context.set_offline(False)
    context.close()
