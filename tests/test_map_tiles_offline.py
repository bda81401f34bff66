"""Offline, asking for the OpenStreetMap background says, in the page's language, that it
needs a connection (trail map and places map), instead of a grey map and no word."""

from __future__ import annotations

import pytest

from heritage import i18n, urls

from .conftest import PHONE


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("path", [f"{urls.TRAILS}/vong-dinh-chua-den/", "ban-do/"])
def test_the_background_offline_says_it_needs_a_connection(chromium, served_sample, lang, path):
    context = chromium.new_context(**PHONE)
    page = context.new_page()
    page.goto(served_sample + urls.prefix(lang) + path)
    button = page.locator("[data-hx-tiles]").first
    button.wait_for(state="visible")
    status = page.locator(".hx-map__status").first
    assert status.is_hidden()
    context.set_offline(True)
    button.click()
    status.wait_for(state="visible")
    assert status.inner_text() == i18n.t("map_tiles_offline", lang)
    context.set_offline(False)
    context.close()
