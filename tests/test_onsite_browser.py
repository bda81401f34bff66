"""Journeys in Chromium on a 360 × 780 phone: scan a plaque, press play, get directions; buy a
product from the English home page."""

from __future__ import annotations

import datetime as dt

import pytest

from .test_browser import shot

pytestmark = pytest.mark.browser

SMALL_PHONE = {"viewport": {"width": 360, "height": 780}, "is_mobile": True, "has_touch": True, "device_scale_factor": 2}


def _phone(chromium, **extra):
    context = chromium.new_context(**SMALL_PHONE, locale="en-GB", **extra)
    context.set_default_timeout(10_000)
    return context, context.new_page()


def test_scan_a_plaque_press_play_get_directions(chromium, served_sample):
    # A visitor whose phone is still on London time, at 09:30 in Việt Nam (02:30 UTC).
    context, page = _phone(chromium, timezone_id="Europe/London")
    page.clock.set_fixed_time(dt.datetime(2026, 11, 27, 2, 30, tzinfo=dt.timezone.utc))
    page.goto(served_sample + "q/dinh-tan-an/")
    page.wait_for_url(served_sample + "en/di-tich/dinh-tan-an/#tai-cho")
    play = page.get_by_role("button", name="Audio guide")
    directions = page.get_by_role("link", name="Directions to Tân An Communal House")
    for target in (play, directions):
        box = target.bounding_box()
        assert box["y"] + box["height"] <= 780, "above the fold"
        assert box["width"] >= 44 and box["height"] >= 44
    opening = page.locator(".hx-onsite .hx-open")
    assert opening.inner_text() == "Open now · closes at 11:00 (Việt Nam time)"
    assert opening.bounding_box()["y"] < 780
    shot(page, "onsite-qr-en-360")
    # Only a Vietnamese guide: English subtitles go with it, shown under the player.
    assert page.locator("audio[data-hx-guide] track[srclang=en]").count() == 1
    page.locator("audio[data-hx-guide]").evaluate("a => { a.muted = true; }")
    play.click()
    page.wait_for_function("() => document.querySelector('audio[data-hx-guide]').currentTime > 0.5")
    cue = page.locator("[data-hx-cue]")
    cue.wait_for(state="visible")
    assert cue.inner_text() in page.evaluate("() => Array.from(document.querySelector('audio[data-hx-guide]').textTracks[0].cues).map(c => c.text)")
    assert page.get_by_role("button", name="Pause").is_visible()
    href = directions.get_attribute("href")
    assert href.startswith("https://www.google.com/maps/dir/?api=1&destination=21.221600%2C106.174200")
    assert "T%C3%A2n%20An%20Communal%20House" in directions.get_attribute("data-geo")
    context.close()


def test_closed_now_names_the_next_opening(chromium, served_sample):
    context, page = _phone(chromium, timezone_id="America/New_York")
    page.clock.set_fixed_time(dt.datetime(2026, 11, 27, 5, 0, tzinfo=dt.timezone.utc))  # 12:00 in Việt Nam
    page.goto(served_sample + "en/di-tich/dinh-tan-an/")
    assert page.locator(".hx-onsite .hx-open").inner_text() == "Closed now · opens at 14:00 (Việt Nam time)"
    page.clock.set_fixed_time(dt.datetime(2026, 11, 27, 12, 0, tzinfo=dt.timezone.utc))  # 19:00, a Friday
    page.reload()
    assert page.locator(".hx-onsite .hx-open").inner_text() == "Closed now · opens Saturday at 07:00 (Việt Nam time)"
    context.close()


def test_buy_a_product_from_the_english_home_page(chromium, served_sample):
    context, page = _phone(chromium)
    page.goto(served_sample + "en/")
    page.locator("label.md-header__button[for=__drawer]").click()
    page.locator(".md-nav--primary").get_by_role("link", name="Local products", exact=True).click()
    page.wait_for_url("**/en/san-pham/")
    page.get_by_role("link", name="Tân An rice crackers").click()
    page.wait_for_url("**/en/san-pham/banh-da-tan-an/")
    heading = page.get_by_role("heading", name="Where to buy")
    heading.scroll_into_view_if_needed()
    section = page.locator("section.hx-visit")
    assert "rice-cracker households" in section.inner_text()
    call = section.get_by_role("link", name="Call 0222 000 0000")
    assert call.get_attribute("href") == "tel:02220000000"
    assert section.locator("a.hx-zalo").count() == 0  # a landline has no Zalo
    for target in (call, section.get_by_role("link", name="Directions to Rice cracker making")):
        target.scroll_into_view_if_needed()
        box = target.bounding_box()
        assert box["width"] >= 44 and box["height"] >= 44 and box["x"] + box["width"] <= 360
    shot(page, "onsite-buy-en-360")
    context.close()
