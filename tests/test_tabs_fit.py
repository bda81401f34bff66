"""The section tabs across the top of a laptop screen (1280 and 1366 px): every tab is on
the screen in both languages, none pushed off the right edge (a tab may say a shorter word
than its page's title: `tab_title`, overrides/partials/tabs-item.html); the phone's menu
keeps the full titles."""

from __future__ import annotations

import pytest

TABS = 13  # mkdocs.yml's nav


@pytest.mark.browser
@pytest.mark.parametrize("width", [1280, 1366])
@pytest.mark.parametrize("prefix", ["", "en/"])
def test_every_tab_fits_on_a_laptop_screen(chromium, served_sample, width, prefix):
    page = chromium.new_page(viewport={"width": width, "height": 800})
    page.goto(served_sample + prefix)
    tabs = page.locator(".md-tabs__item")
    tabs.first.wait_for()
    edges = tabs.evaluate_all("els => els.map(e => [e.innerText.trim(), e.getBoundingClientRect().left, e.getBoundingClientRect().right])")
    inner = page.evaluate("document.documentElement.clientWidth")
    assert len(edges) == TABS and all(text for text, _, _ in edges)
    assert all(0 <= left and right <= inner for _, left, right in edges), (inner, edges)
    scroll = page.locator(".md-tabs__list").evaluate("el => el.scrollWidth - el.clientWidth")
    assert scroll <= 0  # nothing hidden in the tab bar's own overflow either
    page.close()


@pytest.mark.browser
def test_the_phone_menu_keeps_the_full_titles(chromium, served_sample):
    page = chromium.new_page(viewport={"width": 360, "height": 780})
    page.goto(served_sample + "en/")
    names = page.locator(".md-nav--primary > .md-nav__list > .md-nav__item > .md-nav__link").evaluate_all("els => els.map(e => e.textContent.trim())")
    assert "Heritage map" in names and "Traditional crafts" in names and "Map" not in names
    page.close()
