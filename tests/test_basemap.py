"""The map's own background (heritage/map/basemap.py) and the map page in Chromium with
no network: tiles drawn from a small extract this test writes, markers told apart."""

from __future__ import annotations

import json
import sys

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from PIL import Image

from heritage.map import basemap

from .conftest import PHONE, Project, _skeleton, bi, serve

WARD = basemap.BBox(21.2150, 106.1600, 21.2300, 106.1800)


def extract(bbox: basemap.BBox = WARD) -> dict:
    """A tiny made-up Overpass answer: a main road, a lane, a river, a pond, a hamlet's name."""
    s, w, n, e = bbox.as_list()
    mid_lat, mid_lon = (s + n) / 2, (w + e) / 2

    def way(points, **tags):
        return {"type": "way", "tags": tags, "geometry": [{"lat": a, "lon": b} for a, b in points]}

    return {"elements": [
        way([(s, w + (e - w) * 0.3), (n, w + (e - w) * 0.45)], highway="primary"),
        way([(mid_lat, w), (mid_lat + 0.002, e)], highway="residential"),
        way([(s + (n - s) * 0.2, w), (s + (n - s) * 0.3, e)], waterway="river"),
        way([(mid_lat + 0.003, mid_lon + 0.004), (mid_lat + 0.005, mid_lon + 0.004), (mid_lat + 0.005, mid_lon + 0.007), (mid_lat + 0.003, mid_lon + 0.007)], natural="water"),
        {"type": "node", "lat": mid_lat + 0.001, "lon": mid_lon - 0.004, "tags": {"place": "village", "name": "Thôn Đông"}},
    ]}


def give_basemap(project, bbox: basemap.BBox = WARD) -> None:
    """What `heritage basemap fetch` leaves in .cache/basemap/, without the network."""
    project.write(".cache/basemap/osm.json", json.dumps(extract(bbox), ensure_ascii=False))
    project.write(".cache/basemap/source.json", json.dumps({"bbox": bbox.as_list(), "url": "test"}))


PLACES = [(21.2216, 106.1700), (21.2251, 106.1735), (21.2190, 106.1660), (21.2217, 106.1701), (21.1461, 106.0233)]
FAR_KM = round(basemap.distance_km(*basemap.centre(PLACES), *PLACES[-1]))  # the far festival's, from the ward's median


def map_project(project):
    """Relics close together in the ward (two at the same spot), and one festival far away."""
    places = {
        "dinh-a": ("Đình A", "A Communal House", 21.2216, 106.1700),
        "chua-b": ("Chùa B", "B Pagoda", 21.2251, 106.1735),
        "nha-tho-c": ("Nhà thờ họ C", "C Ancestral Hall", 21.2190, 106.1660),
        "den-d": ("Đền D", "D Temple", 21.2217, 106.1701),  # 15 m from Đình A
    }
    for entry_id, (vi, en, lat, lon) in places.items():
        project.entry("di-tich", entry_id, (vi, en), location={"address": bi(vi), "lat": lat, "lon": lon})
    project.entry("le-hoi", "hoi-xa", ("Hội Xa", "Far Festival"), location={"address": bi("Xa"), "lat": 21.1461, "lon": 106.0233})
    return project.stamp_all()


# --- units ------------------------------------------------------------------------------


def test_the_ward_is_its_own_places_not_a_far_festival():
    ward = [(21.2216, 106.1700), (21.2251, 106.1735), (21.2190, 106.1660)]
    far = (21.1461, 106.0233)  # Hội Lim, some 18 km away
    assert basemap.near_places([*ward, far]) == ward
    box = basemap.ward_bbox([*ward, far])
    assert box.south < 21.2190 < 21.2251 < box.north and box.west < 106.1660 < 106.1735 < box.east
    assert box.south > 21.19 and box.west > 106.14  # the far festival did not stretch it
    assert basemap.distance_km(*ward[0], *far) == pytest.approx(17.8, abs=0.5)


def test_tiles_show_water_roads_and_names_where_they_are(tmp_path):
    deepest, size = basemap.render_tiles(extract(), WARD, tmp_path, zooms=[15])
    tiles = sorted(tmp_path.rglob("*.png"))
    assert deepest == 15 and len(tiles) > 1 and size == sum(t.stat().st_size for t in tiles)
    # the pond's middle lands on the right pixel of the right tile, drawn in water blue
    lat, lon = (WARD.south + WARD.north) / 2 + 0.004, (WARD.west + WARD.east) / 2 + 0.0055
    x, y = basemap._pixel(lat, lon, 15)
    tile = Image.open(tmp_path / "15" / str(int(x // 256)) / f"{int(y // 256)}.png").convert("RGB")
    assert tile.getpixel((int(x % 256), int(y % 256))) == pytest.approx(basemap.WATER, abs=6)
    colours = set()
    for path in tiles:
        colours |= {c for _, c in Image.open(path).convert("RGB").getcolors(65536) or []}
    assert basemap.ROADS["primary"][1] in colours and basemap.LAND in colours
    assert any(max(c) < 100 for c in colours)  # the hamlet's name, in dark text


def test_the_deepest_zooms_give_way_to_the_size_budget(tmp_path):
    deepest, size = basemap.render_tiles(extract(), WARD, tmp_path, zooms=[13, 14, 15, 16, 17], budget=10_000)
    assert deepest == 15 and size <= 10_000
    assert sorted(int(p.name) for p in tmp_path.iterdir()) == list(range(13, deepest + 1))


def test_fetch_reports_a_failed_download_in_both_languages_and_keeps_the_last_extract(project):
    give_basemap(project)
    before = (project.root / ".cache/basemap/osm.json").read_bytes()
    result = project.run(sys.executable, "-m", "heritage", "basemap", "fetch", "--bbox", "21.2,106.1,21.3,106.2", "--url", "http://127.0.0.1:9/")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "Không tải được dữ liệu bản đồ" in result.stderr and "Could not download the map data" in result.stderr
    assert (project.root / ".cache/basemap/osm.json").read_bytes() == before
    bad = project.run(sys.executable, "-m", "heritage", "basemap", "fetch", "--bbox", "21.3,106.1,21.2")
    assert bad.returncode == 1 and "NAM,TÂY,BẮC,ĐÔNG" in bad.stderr


# --- builds -----------------------------------------------------------------------------


def test_build_publishes_the_basemap_only_when_fetched(project):
    map_project(project)
    assert project.build().returncode == 0
    page = project.html("ban-do/")
    assert "data-basemap=" not in page and "data-hx-tiles" in page  # offline build: the opt-in stays
    assert not (project.root / "site/ban-do/nen").exists()
    give_basemap(project)
    assert project.build().returncode == 0
    page = project.html("en/ban-do/")
    assert 'data-basemap="../../ban-do/nen/"' in page and "data-hx-tiles" not in page
    tiles = list((project.root / "site/ban-do/nen").rglob("*.png"))
    assert tiles and sum(t.stat().st_size for t in tiles) < 5_000_000
    assert {t.relative_to(project.root / "site/ban-do/nen").parts[0] for t in tiles} == {str(z) for z in basemap.ZOOMS}
    # the legend lists only the sections on the map; the far festival says how far
    assert page.count('<li data-section="') == 2 and 'data-section="san-pham"' not in page.split("hx-legend")[1].split("</ul>")[0]
    assert f"{FAR_KM} km from the centre of " in page and FAR_KM > 15


# --- Chromium, no network -------------------------------------------------------------


@pytest.fixture(scope="module")
def built_map(tmp_path_factory):
    """The map project with its basemap, built once and served to every browser test below:
    they only read the site."""
    root = tmp_path_factory.mktemp("map")
    _skeleton(root)
    project = map_project(Project(root))
    give_basemap(project)
    result = project.build()
    assert result.returncode == 0, result.stdout + result.stderr
    with serve(project.root / "site") as url:
        yield url


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_map_shows_its_own_basemap_with_no_network(chromium, built_map, lang):
    context = chromium.new_context(**PHONE)
    outside: list[str] = []

    def only_this_site(route):
        if route.request.url.startswith(built_map):
            route.continue_()
        else:  # no network beyond the site itself
            outside.append(route.request.url)
            route.abort()

    context.route("**/*", only_this_site)
    page = context.new_page()
    page.goto(built_map + ("" if lang == "vi" else "en/") + "ban-do/")
    page.locator("[data-hx-map][data-markers]").wait_for(state="attached")
    page.locator(".leaflet-tile-loaded").first.wait_for(state="attached")
    tiles = page.locator("img.leaflet-tile-loaded")
    assert tiles.count() > 0 and all(src.startswith(built_map + "ban-do/nen/") for src in tiles.evaluate_all("els => els.map(e => e.src)"))
    assert page.locator("img.leaflet-tile-loaded").first.evaluate("img => img.naturalWidth") == 256
    assert page.locator(".leaflet-control-attribution a[href='https://www.openstreetmap.org/copyright']").is_visible()
    assert not outside
    assert page.locator(".hx-map__status").is_hidden()
    # the first view is the ward: its places are on screen, not squeezed into a corner
    box = page.locator(".hx-map__canvas").bounding_box()
    spots = [b for b in (m.bounding_box() for m in page.locator(".hx-marker, .hx-cluster").all()) if b]
    assert len(spots) >= 3
    xs, ys = [b["x"] + b["width"] / 2 for b in spots], [b["y"] + b["height"] / 2 for b in spots]
    assert max(xs) - min(xs) > box["width"] / 3 or max(ys) - min(ys) > box["height"] / 3
    assert all(b["width"] >= 44 and b["height"] >= 44 for b in spots)
    zoom_in = page.locator(".leaflet-control-zoom-in").bounding_box()
    assert zoom_in["width"] >= 44 and zoom_in["height"] >= 44
    # the far festival waits at the edge, with its distance; a tap brings it into view
    edge = page.locator(".hx-edge[data-far='hoi-xa']")
    assert edge.is_visible() and edge.inner_text().strip().endswith(f"· {FAR_KM} km")
    edge_box = edge.locator("span").first.bounding_box()
    assert edge_box["x"] >= box["x"] - 1 and edge_box["x"] + edge_box["width"] <= box["x"] + box["width"] + 1
    edge.click()
    popup = page.locator(".leaflet-popup-content a").first  # the place's name; "Open" and "Directions" follow it
    popup.wait_for()
    assert popup.get_attribute("href").endswith("/le-hoi/hoi-xa/")
    context.close()


# Leaflet.markercluster marks the map pane `leaflet-cluster-anim` for each zoom-in or spread
# animation (_animationStart) and unmarks it at the end (_animationEnd): count the ends.
COUNT_CLUSTER_ANIMATIONS = """
window.__clusterAnimations = 0;
new MutationObserver((records) => {
  for (const r of records) {
    if (r.target.classList.contains("leaflet-map-pane") && (r.oldValue || "").includes("leaflet-cluster-anim") && !r.target.classList.contains("leaflet-cluster-anim")) window.__clusterAnimations++;
  }
}).observe(document, {subtree: true, attributes: true, attributeFilter: ["class"], attributeOldValue: true});
"""


@pytest.mark.browser
def test_every_marker_opens_its_own_entry(chromium, built_map):
    """Tap the markers themselves: clusters spread out, and every place opens its own page."""
    context = chromium.new_context(**PHONE)
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(built_map) else route.abort())
    page = context.new_page()
    page.add_init_script(COUNT_CLUSTER_ANIMATIONS)
    page.goto(built_map + "ban-do/")
    page.locator("[data-hx-map][data-markers]").wait_for(state="attached")
    opened = set()
    for _ in range(12):  # tap clusters until every marker stands alone
        # a cluster spread out stays on the map, and tapping it again does nothing: each is tapped once
        cluster = page.locator(".hx-cluster:visible:not([data-tapped])")
        if not cluster.count():
            break
        ended = page.evaluate("window.__clusterAnimations")
        tapped = cluster.first.element_handle()
        tapped.evaluate("el => { el.dataset.tapped = '1'; }")
        tapped.click()
        # the cluster's zoom or spread animation has run to its end (no fixed time)
        page.wait_for_function(
            "(ended) => window.__clusterAnimations > ended && !document.querySelector('.leaflet-cluster-anim, .leaflet-zoom-anim')", arg=ended
        )
    for marker in page.locator(".hx-marker:visible").all():
        marker.click()
        link = page.locator(".leaflet-popup-content a").first  # the place's name; "Open" and "Directions" follow it
        link.wait_for()
        opened.add(link.get_attribute("href").rstrip("/").rsplit("/", 1)[1])
        assert link.inner_text() == marker.get_attribute("title")
        for attempt in range(3):  # a tap that lands while the popup pans into view can be lost: tap again, as a visitor would
            page.locator(".leaflet-popup-close-button").click()
            try:
                link.wait_for(state="detached", timeout=5000)
                break
            except PlaywrightTimeout:
                assert attempt < 2, "the popup's close button does not close it"
    assert opened >= {"dinh-a", "chua-b", "nha-tho-c", "den-d"}  # the two at one spot told apart too
    context.close()


@pytest.mark.browser
def test_failed_tiles_say_so(chromium, built_map):
    context = chromium.new_context(**PHONE)
    context.route("**/ban-do/nen/**", lambda route: route.abort())
    page = context.new_page()
    page.goto(built_map + "en/ban-do/")
    status = page.locator(".hx-map__status")
    status.wait_for()
    assert "could not load" in status.inner_text()
    context.close()


@pytest.mark.browser
@pytest.mark.parametrize("prefix", ["", "en/"])
def test_map_with_its_own_basemap_has_no_axe_violations(chromium, built_map, prefix):
    from .test_accessibility import AXE, violations

    context = chromium.new_context(**PHONE, bypass_csp=True)  # to inject axe, a test tool
    page = context.new_page()
    page.goto(built_map + prefix + "ban-do/")
    page.locator(".hx-edge").first.wait_for()  # clusters, markers and the far place's label drawn
    page.wait_for_load_state("networkidle")
    found = violations(page, AXE.read_text(encoding="utf-8"))
    context.close()
    assert found == [], json.dumps(found, ensure_ascii=False, indent=1)


@pytest.mark.browser
@pytest.mark.parametrize("viewport", [{"width": 360, "height": 780}, {"width": 1366, "height": 768}])
def test_nothing_jumps_while_the_map_gets_ready(chromium, built_map, viewport):
    """Nothing moves while the map, its tiles, clusters and the far place's label arrive, and
    while the list's "show on the map" buttons appear (the box is reserved before the first
    paint, since the box only exists with JavaScript)."""
    from .test_browser import RECORD_SHIFTS, SHIFTS_SO_FAR

    context = chromium.new_context(viewport=viewport)
    page = context.new_page()
    page.add_init_script(RECORD_SHIFTS)
    page.goto(built_map + "ban-do/")
    page.locator("[data-hx-map][data-markers]").wait_for(state="attached")
    page.locator("[data-hx-show]:not([hidden])").first.wait_for()
    page.locator(".hx-edge").first.wait_for()  # clusters, markers and the far place's label drawn
    page.wait_for_load_state("load")
    page.wait_for_function("() => { const t = document.querySelectorAll('img.leaflet-tile'); return t.length > 0 && [...t].every((i) => i.complete); }")
    shifts = page.evaluate(SHIFTS_SO_FAR)  # all of it painted: its shifts counted
    context.close()
    assert sum(s["value"] for s in shifts) < 0.001, shifts
