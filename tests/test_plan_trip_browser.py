"""Journey: a tourist from abroad plans the trip on a phone (Chromium, 360 × 780, English
browser): from the English home page to "Plan your trip", how to get there from the airport,
the emergency numbers, then a place's page. And search finds the page in both languages by
the words a visitor types."""

from __future__ import annotations

import re

import pytest

from .conftest import PHONE
from .test_browser import shot

pytestmark = pytest.mark.browser

SMALL_PHONE = {**PHONE, "viewport": {"width": 360, "height": 780}}


def no_sideways_scroll(page) -> None:
    width = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    assert width[0] <= width[1], f"{page.url} scrolls sideways: {width}"


def test_plan_a_trip_from_the_english_home_page(chromium, served_sample):
    context = chromium.new_context(**SMALL_PHONE, locale="en-US")
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.goto(served_sample + "en/")
    plan = page.locator("article").get_by_role("link", name="Plan your trip", exact=True).first  # the menu has one too, folded away
    box = plan.bounding_box()
    assert box is not None and box["y"] + box["height"] <= 780, f"'Plan your trip' is below the first screen: {box}"
    assert box["height"] >= 44 and box["width"] >= 44
    shot(page, "plan-home-en-phone")
    plan.click()
    page.wait_for_url(served_sample + "en/ke-hoach-tham-quan/")
    assert page.locator("h1").inner_text() == "Plan your trip"
    no_sideways_scroll(page)

    # how to get there from the airport: its own section, with taxi and ride-hailing
    page.get_by_role("link", name="Getting there", exact=True).click()
    page.wait_for_url(re.compile(r"#hx-getting-there$"))
    airport = page.locator("section.hx-route", has=page.get_by_role("heading", name=re.compile("Airport")))
    assert airport.is_visible()
    text = airport.inner_text()
    assert "Taxi" in text and "Ride-hailing app" in text and "Grab" in text and "Travel time" in text
    assert "Sample content" in text  # the route is not verified yet: the page says so

    # the emergency numbers: one tap each
    page.get_by_role("link", name="Emergency numbers", exact=True).click()
    page.wait_for_url(re.compile(r"#hx-emergency$"))
    police = page.locator('a[href="tel:113"]')
    assert police.is_visible() and "Police" in police.inner_text()
    assert police.bounding_box()["height"] >= 44
    assert page.locator('a[href="tel:115"]').inner_text().split() [0] == "115"
    assert page.get_by_role("link", name=re.compile("hochiminhcity.gov.vn|emergency switchboards")).count() == 1  # cited
    shot(page, "plan-emergency-en-phone")

    # and on to a place: the communal house, from where to eat near it
    page.get_by_role("link", name="Food, shopping and toilets near each place").click()
    page.locator("section.hx-nearby").get_by_role("link", name="Tân An Communal House").click()
    page.wait_for_url(served_sample + "en/di-tich/dinh-tan-an/")
    assert page.locator("h1").inner_text() == "Tân An Communal House"
    context.close()


@pytest.mark.parametrize(
    "prefix, query",
    [
        ("en/", "Hanoi"), ("en/", "airport"), ("en/", "taxi"), ("en/", "Grab"), ("en/", "toilet"), ("en/", "parking"),
        ("", "Hà Nội"), ("", "ha noi"), ("", "sân bay"), ("", "taxi"), ("", "Grab"), ("", "nhà vệ sinh"), ("", "gửi xe"),
    ],
)
def test_search_finds_the_plan_page(phone, served_sample, prefix, query):
    title = "Plan your trip" if prefix else "Kế hoạch tham quan"
    phone.goto(served_sample + prefix + "tim-kiem/?q=" + query)
    phone.wait_for_selector("form[data-ready]")
    phone.locator(".hx-results__title a").first.wait_for()
    titles = phone.locator(".hx-results__title a").all_inner_texts()
    assert title in titles[:3], titles
    link = phone.get_by_role("link", name=title, exact=True).last
    assert link.get_attribute("href").endswith(prefix + "ke-hoach-tham-quan/")
