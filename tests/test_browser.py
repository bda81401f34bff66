"""The sample site in a real Chromium on a phone-sized screen."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from .conftest import PHONE

pytestmark = pytest.mark.browser

SHOTS = Path(os.environ.get("HERITAGE_SCREENSHOTS", "")) if os.environ.get("HERITAGE_SCREENSHOTS") else None


def shot(page, name: str) -> None:
    """Keep screenshots for people to look at when HERITAGE_SCREENSHOTS is set."""
    if SHOTS:
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_home_then_entry_then_switch_language(phone, served_sample):
    phone.goto(served_sample)
    assert phone.locator("html").get_attribute("lang") == "vi"
    assert phone.locator("h1").first.inner_text() == "Di sản Tân An"
    shot(phone, "home-vi")

    phone.locator("article .hx-ways").get_by_role("link", name="Di tích 4 mục").click()
    phone.wait_for_url("**/di-tich/")
    phone.locator("article").get_by_role("link", name="Đình Tân An").click()
    phone.wait_for_url("**/di-tich/dinh-tan-an/")
    assert phone.locator("h1").inner_text() == "Đình Tân An"
    assert phone.locator(".hx-badge").first.is_visible()
    shot(phone, "entry-vi")

    # Material's language selector: open it, choose English.
    phone.locator(".md-header__option .md-select").first.hover()
    phone.get_by_role("link", name="English").click()
    phone.wait_for_url("**/en/di-tich/dinh-tan-an/")
    assert phone.locator("html").get_attribute("lang") == "en"
    assert phone.locator("h1").inner_text() == "Tân An Communal House"
    assert phone.get_by_text("Key facts").is_visible()
    shot(phone, "entry-en")


def test_catalogue_filters_without_reload(phone, served_sample):
    phone.goto(served_sample + "di-tich/")
    cards = phone.locator("[data-hx-cards] > li")
    total = cards.count()
    assert total >= 4
    phone.evaluate("window.__marker = 1")
    phone.select_option("select[name=type]", "dinh")
    visible = phone.locator("[data-hx-cards] > li:not([hidden])")
    assert 1 <= visible.count() < total
    assert all(v == "dinh" for v in visible.evaluate_all("els => els.map(e => e.dataset.type)"))
    assert phone.evaluate("window.__marker") == 1  # same document: no reload
    assert phone.locator("output.hx-count").inner_text().startswith(str(visible.count()))
    phone.select_option("select[name=type]", "")
    assert visible.count() == total


def test_catalogue_without_javascript_lists_everything(chromium, served_sample):
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(served_sample + "en/di-tich/")
    assert page.locator("form[data-hx-filter]").is_hidden()
    assert page.locator("[data-hx-cards] > li:visible").count() == page.locator("[data-hx-cards] > li").count() >= 4
    context.close()


def test_copy_link_copies_the_canonical_url(chromium, served_sample):
    context = chromium.new_context(**PHONE)
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(served_sample + "en/chuyen-muc/ra-mat-chuyen-muc-so-di-san-tan-an/")
    canonical = page.locator('link[rel="canonical"]').get_attribute("href")
    assert canonical.startswith("https://") and canonical.endswith("/en/chuyen-muc/ra-mat-chuyen-muc-so-di-san-tan-an/")
    button = page.get_by_role("button", name="Copy link")
    button.click()
    assert page.evaluate("navigator.clipboard.readText()") == canonical
    assert page.locator(".hx-share__status").inner_text() == "Link copied."
    shot(page, "post-en")
    context.close()


def test_column_filter_by_category(phone, served_sample):
    phone.goto(served_sample + "chuyen-muc/")
    posts = phone.locator("[data-hx-posts] li")
    total = posts.count()
    assert total >= 3
    phone.select_option("select[name=category]", "le-hoi")
    visible = phone.locator("[data-hx-posts] li:not([hidden])")
    assert 1 <= visible.count() < total
    assert phone.locator("section.hx-month:not([hidden])").count() == 1
    shot(phone, "column-vi")


def test_map_markers_from_the_local_library(chromium, served_sample):
    """No basemap was fetched for the sample build: markers on the opt-in background."""
    context = chromium.new_context(**PHONE)
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    tile = (Path(__file__).parent / "fixtures" / "tile.png").read_bytes()
    page.route("https://tile.openstreetmap.org/**", lambda route: route.fulfill(status=200, content_type="image/png", body=tile))
    page.goto(served_sample + "ban-do/")
    # Locator waits, not wait_for_function: a string predicate that has to poll is run with
    # eval, which the page's CSP rightly forbids (that made this test fail now and then).
    page.locator("[data-hx-map][data-markers]").wait_for(state="attached")
    located = page.locator(".hx-places li").count()
    assert int(page.locator("[data-hx-map]").get_attribute("data-markers")) == located > 0
    assert not [u for u in requests if not u.startswith(served_sample)]  # Leaflet from this site, no tiles yet
    assert any(u.endswith("assets/vendor/leaflet/leaflet.js") for u in requests)
    # Each place, from the list, opens its own popup (three relics once shared one).
    places = page.locator(".hx-places li").all()
    assert len(places) == located, places  # every place on the map is in the list
    for item in places:
        entry_id = item.get_attribute("data-id")
        item.locator("[data-hx-show]").click()
        popup = page.locator(".leaflet-popup-content a").first  # the place's name; "Open" and "Directions" follow it
        popup.wait_for()
        assert popup.get_attribute("href").endswith(f"/{entry_id}/"), entry_id
        assert "hx-places--active" in item.get_attribute("class")
        page.locator(".leaflet-popup-close-button").click()
        popup.wait_for(state="detached")
        assert "hx-places--active" not in item.get_attribute("class")
    page.get_by_role("button", name="Hiện nền bản đồ OpenStreetMap").click()
    page.locator(".leaflet-tile-loaded").first.wait_for(state="attached")
    assert any(u.startswith("https://tile.openstreetmap.org/") for u in requests)
    shot(page, "map-vi")
    context.close()


def test_map_page_without_javascript_lists_places(chromium, served_sample):
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(served_sample + "en/ban-do/")
    assert not page.locator("[data-hx-map]").is_visible()  # no empty box above the list
    assert not page.locator("[data-hx-show]").first.is_visible()  # a button that needs the map
    first = page.locator(".hx-places li").first
    directions = first.locator("a.hx-directions")  # one Directions button per place (issue 25)
    assert directions.is_visible() and directions.get_attribute("href").startswith("https://www.google.com/maps/dir/?api=1&destination=")
    assert first.locator(".hx-coords").inner_text().count(",") == 1
    assert "km from the centre of Tân An ward" in page.locator(".hx-places li", has_text="Hội Lim").inner_text()
    context.close()


# Every layout shift of the page, from its first paint (Lighthouse's CLS adds them up).
RECORD_SHIFTS = """
window.__shifts = [];
window.__shiftObserver = new PerformanceObserver((list) => {
  for (const e of list.getEntries()) window.__shifts.push({value: e.value, nodes: e.sources.map((s) => s.node && s.node.nodeName)});
});
window.__shiftObserver.observe({type: "layout-shift", buffered: true});
"""
# Two animation frames: the browser has laid out and painted what the page holds now. A shift
# is recorded in the frame that makes it, so after them it is in the observer's queue, taken
# here rather than waiting for the observer's own (unscheduled) callback. No fixed time.
NEXT_FRAMES = "() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))"
SHIFTS_SO_FAR = """async () => {
  await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  for (const e of window.__shiftObserver.takeRecords()) window.__shifts.push({value: e.value, nodes: e.sources.map((s) => s.node && s.node.nodeName)});
  return window.__shifts;
}"""


@pytest.mark.parametrize(
    "path",
    [
        "",
        "di-tich/",
        "en/di-tich/",
        "di-tich/dinh-tan-an/",
        "chuyen-muc/",
        "chuyen-muc/ra-mat-chuyen-muc-so-di-san-tan-an/",
        "en/chuyen-muc/ra-mat-chuyen-muc-so-di-san-tan-an/",
    ],
)
def test_nothing_jumps_while_the_page_loads(chromium, served_sample, path):
    """Text keeps its place while photos arrive on a slow connection (they are held back here)
    and while the scripts add what needs them (the filters)."""
    context = chromium.new_context(**PHONE)
    page = context.new_page()
    page.add_init_script(RECORD_SHIFTS)
    held = []
    page.route("**/media/**", lambda route: held.append(route))
    page.goto(served_sample + path, wait_until="domcontentloaded")
    page.evaluate(NEXT_FRAMES)  # laid out and painted with the photos still held back
    for route in list(held):
        route.continue_()
    page.unroute("**/media/**")  # photos asked for from now on come at once (and any caught meanwhile)
    page.wait_for_load_state("load")
    shifts = page.evaluate(SHIFTS_SO_FAR)  # the photos in place, painted, their shifts counted
    context.close()
    assert held, "no photo on this page: the test would prove nothing"
    assert sum(s["value"] for s in shifts) < 0.001, shifts  # what Lighthouse would count as none


def test_catalogue_filters_live_in_the_address_and_back_restores_them(phone, served_sample):
    phone.goto(served_sample + "di-tich/")
    phone.select_option("select[name=type]", "dinh")
    assert phone.url.endswith("di-tich/?type=dinh")
    shown = phone.locator("[data-hx-cards] > li:not([hidden])").count()
    phone.locator("[data-hx-cards] > li:not([hidden]) a").first.click()
    phone.wait_for_url("**/di-tich/dinh-tan-an/")
    phone.go_back()
    phone.wait_for_url("**/di-tich/?type=dinh")
    assert phone.locator("select[name=type]").input_value() == "dinh"
    assert phone.locator("[data-hx-cards] > li:not([hidden])").count() == shown
    # A shared address opens the list filtered; an unknown value lists everything.
    phone.goto(served_sample + "en/di-tich/?type=chua")
    assert phone.locator("select[name=type]").input_value() == "chua"
    types = phone.locator("[data-hx-cards] > li:not([hidden])").evaluate_all("els => els.map(e => e.dataset.type)")
    assert types and all(t == "chua" for t in types), types
    phone.goto(served_sample + "en/di-tich/?type=nonsense")
    assert phone.locator("[data-hx-cards] > li[hidden]").count() == 0


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_home_shows_a_photo_and_the_ways_in_on_the_first_phone_screen(chromium, served_sample, prefix):
    context = chromium.new_context(viewport={"width": 360, "height": 780}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(served_sample + prefix, wait_until="load")
    photo = page.locator(".hx-home-hero img")
    assert photo.evaluate("img => img.complete && img.naturalWidth > 0")
    box = photo.bounding_box()
    assert box["y"] < 120 and box["height"] > 250 and box["width"] >= 350
    ways = page.locator(".hx-ways .hx-way")
    assert ways.count() == 4
    assert all(w.bounding_box()["y"] + w.bounding_box()["height"] <= 780 for w in ways.all())
    assert page.locator(".hx-home-hero h1").is_visible()
    context.close()
