"""A trail saved for offline use (issue 25): the save in Chromium, then the walk with no
signal from stop to stop by "Next stop", every page, photo, audio guide and map tile from
the service worker's kept cache. The build has the site's own basemap (a made-up extract
round the sample trail), as a deployed site has."""

from __future__ import annotations

import shutil
import time

import pytest

from heritage.map import basemap

from .conftest import REPO, Project, serve
from .test_basemap import give_basemap

TRAIL = "vong-dinh-chua-den"
AREA = basemap.BBox(21.2100, 106.1600, 21.2350, 106.1900)  # round the sample trail's four stops
PHONE_360 = {"viewport": {"width": 360, "height": 780}, "is_mobile": True, "has_touch": True, "device_scale_factor": 2}


@pytest.fixture(scope="module")
def trail_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("trail-offline")
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    for folder in ("hooks", "overrides", "data", "docs"):
        shutil.copytree(REPO / folder, root / folder)
    project = Project(root)
    give_basemap(project, AREA)
    result = project.build(HERITAGE_TODAY="2026-11-27", SITE_URL="https://heritage.example.org/")
    assert result.returncode == 0, result.stderr
    with serve(root / "site") as url:
        yield url


def test_the_trail_page_offers_the_route_and_the_save(trail_site):
    """Static: one walking link through the stops in order, the save's control, the basemap."""
    import urllib.request

    html = urllib.request.urlopen(trail_site + f"en/hanh-trinh/{TRAIL}/").read().decode()
    route = html.split('data-hx-route')[0].rsplit('href="', 1)[1].split('"')[0].replace("&amp;", "&")
    assert route.startswith("https://www.google.com/maps/dir/?api=1&origin=21.2251%2C106.1693&destination=")
    assert "waypoints=21.2216%2C106.1742%7C21.2274%2C106.1768" in route and route.endswith("travelmode=walking")
    assert "data-hx-save hidden" in html and "Save this trail for offline use" in html
    assert 'data-basemap="../../../ban-do/nen/"' in html or 'data-basemap="../../ban-do/nen/"' in html
    assert "trail-save.js\"" not in html.split("<script")[-1]  # its code is not loaded with the page


def _all_photos_decoded(page) -> list[str]:
    """Brings every photo of the page into view (they load lazily) and waits until each is
    decoded; returns their addresses."""
    photos = page.locator(".md-content img")
    for i in range(photos.count()):
        photos.nth(i).scroll_into_view_if_needed()
        photos.nth(i).evaluate("img => img.complete && img.naturalWidth > 0 || new Promise((ok, no) => { img.onload = ok; img.onerror = () => no(new Error('not loaded: ' + img.currentSrc)); })")
    assert photos.evaluate_all("els => els.every(img => img.naturalWidth > 0)")
    return photos.evaluate_all("els => els.map(img => img.currentSrc)")


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_save_a_trail_go_offline_and_walk_every_stop(chromium, trail_site, lang):
    started = time.monotonic()
    context = chromium.new_context(**PHONE_360, locale="vi-VN" if lang == "vi" else "en-GB")
    context.set_default_timeout(20_000)
    page = context.new_page()
    prefix = "" if lang == "vi" else "en/"
    trail_url = f"{trail_site}{prefix}hanh-trinh/{TRAIL}/"
    page.goto(trail_url)
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    save = page.locator("[data-hx-save]")
    assert save.is_visible()
    assert not page.evaluate("!!window.HeritageTrailSave")  # the save's code waits for the press
    save.locator("[data-hx-save-button]").click()
    page.locator("[data-hx-save][data-state='saved']").wait_for(timeout=60_000)
    status = save.locator(".hx-save__status").inner_text()
    assert " MB" in status and ("Saved for offline use" if lang == "en" else "Đã lưu") in status
    assert save.locator("progress").is_hidden()
    page.reload()  # the saved state is read back from the worker's record
    page.locator("[data-hx-save][data-state='saved']").wait_for()
    stops = page.locator("[data-hx-trail-stop]").evaluate_all("els => els.map(li => new URL(li.dataset.href, location.href).href)")
    assert len(stops) == 4

    context.set_offline(True)
    page.reload()  # the trail page itself, and its map's tiles along the stops
    page.locator("[data-hx-trail-map][data-stops='4']").wait_for(state="attached")
    page.locator("img.leaflet-tile-loaded").first.wait_for(state="attached")
    tiles = page.locator("img.leaflet-tile").evaluate_all("els => els.map(t => [t.src, t.naturalWidth, t.classList.contains('leaflet-tile-loaded')])")
    assert tiles and all(src.startswith(trail_site + "ban-do/nen/") and width == 256 and loaded for src, width, loaded in tiles), tiles
    _all_photos_decoded(page)  # the stops' thumbnails
    page.locator(".hx-stop .hx-maplinks a").first.click()  # "Read about …" the first stop
    walked = []
    while True:
        page.wait_for_load_state()
        assert page.locator("#hx-saved").count() == 0, f"the offline page instead of {page.url}"
        walked.append(page.url)
        assert page.locator("h1").inner_text().strip()
        _all_photos_decoded(page)
        for audio in page.locator(".hx-player audio").all():
            # the audio loads from the kept copy: its metadata (a range request the worker answers)
            audio.evaluate("a => { a.preload = 'metadata'; a.load(); }")
            page.wait_for_function("a => a.readyState >= 1 || a.error", arg=audio.element_handle())
            assert audio.evaluate("a => a.readyState") >= 1, audio.evaluate("a => a.currentSrc")
        trail_item = page.locator(f".hx-trail-links li:has(a[href$='hanh-trinh/{TRAIL}/'])")
        nxt = trail_item.locator("[data-hx-next-stop]")
        box = nxt.bounding_box()
        assert box["height"] >= 44
        if nxt.get_attribute("data-last") is not None:
            break
        nxt.click()
    assert walked == stops
    nxt.click()  # the last stop leads back to the trail, from the cache too
    page.wait_for_url(trail_url)
    page.locator("[data-hx-save][data-state='saved']").wait_for()  # the page reads its saved state back from the cache once loaded
    context.set_offline(False)
    context.close()
    print(f"journey ({lang}): {time.monotonic() - started:.1f} s")
