"""Open data files and schema.org JSON-LD on the built sample site."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest

from heritage.content.schema import VIETNAM_LAT, VIETNAM_LON
from heritage.outputs.opendata import FIELDS
from heritage.outputs.structured_data import TYPES


def jsonld(html: str) -> list[dict]:
    return [json.loads(block) for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)]


def test_csv_opens_in_excel_with_vietnamese(sample_site):
    raw = (sample_site.root / "site/du-lieu/di-san-tan-an.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    ids = {p.stem for p in (sample_site.root / "data").glob("*/*.yml") if p.parent.name not in ("trails", "su-kien")}  # entries, not trails or recurring events
    assert {r["id"] for r in rows} == ids and len(rows) == len(ids)
    assert list(rows[0]) == list(FIELDS)
    dinh = next(r for r in rows if r["id"] == "dinh-tan-an")
    assert dinh["name_vi"] == "Đình Tân An" and dinh["name_en"] == "Tân An Communal House"
    assert dinh["type_vi"] == "Đình" and dinh["sample"] == "true" and dinh["url_en"].endswith("/en/di-tich/dinh-tan-an/")


def test_json_and_geojson(sample_site):
    data = json.loads((sample_site.root / "site/du-lieu/di-san-tan-an.json").read_text(encoding="utf-8"))
    assert data["license"].startswith("https://creativecommons.org/") and len(data["entries"]) == 15
    geo = json.loads((sample_site.root / "site/du-lieu/di-san-tan-an.geojson").read_text(encoding="utf-8"))
    assert geo["type"] == "FeatureCollection"
    located = [e for e in data["entries"] if e["lat"] is not None]
    assert len(geo["features"]) == len(located) > 0
    for feature in geo["features"]:
        assert feature["type"] == "Feature" and feature["geometry"]["type"] == "Point"
        lon, lat = feature["geometry"]["coordinates"]
        assert VIETNAM_LAT[0] <= lat <= VIETNAM_LAT[1] and VIETNAM_LON[0] <= lon <= VIETNAM_LON[1]
        assert {"id", "section", "name_vi", "name_en"} <= set(feature["properties"])


@pytest.mark.parametrize("path, section", [("di-tich/chua-tan-an/", "di-tich"), ("le-hoi/hoi-lim/", "le-hoi"), ("lang-nghe/nghe-dan-tre/", "lang-nghe"),
                                           ("nghe-nhan/nguyen-thi-minh-hoa/", "nghe-nhan"), ("quan-ho/nguoi-o-dung-ve/", "quan-ho"), ("san-pham/banh-da-tan-an/", "san-pham")])
@pytest.mark.parametrize("prefix", ["", "en/"])
def test_entry_pages_carry_json_ld(verified_site, sample_site, path, section, prefix):
    """Entries that are not samples (verified_site) carry their type; in the sample content
    (every entry `sample: true`) the same page is a WebPage that claims nothing."""
    (sample, _) = jsonld(sample_site.html(prefix + path))
    assert sample["@type"] == "WebPage" and set(sample) == {"@context", "@type", "name", "description", "url", "inLanguage"}
    (data, trail) = jsonld(verified_site.html(prefix + path))
    assert trail["@type"] == "BreadcrumbList" and trail["itemListElement"][-1]["name"] == data["name"]
    assert data["@context"] == "https://schema.org" and data["@type"] == TYPES[section]
    assert data["url"].endswith(prefix + path) and data["name"] and data["description"]
    if section == "le-hoi":
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", data["startDate"]) and data["location"]["@type"] == "Place"
    if section == "di-tich":
        assert data["geo"]["@type"] == "GeoCoordinates"


def test_open_data_page(sample_site):
    html = sample_site.html("en/du-lieu/")
    (dataset,) = jsonld(html)
    assert dataset["@type"] == "Dataset" and len(dataset["distribution"]) == 3
    assert {d["encodingFormat"] for d in dataset["distribution"]} == {"text/csv", "application/json", "application/geo+json"}
    for name in FIELDS:
        assert f"<code>{name}</code>" in html
    assert 'href="../../du-lieu/di-san-tan-an.csv"' in html


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_festival_organizer_and_place_come_from_the_data(verified_site, prefix):
    """The organizer is the festival file's (none when it names none); the place is named by
    its own address, or by data/site.yml's province, never after the festival."""
    lang = "en" if prefix else "vi"
    (festival, _) = jsonld(verified_site.html(prefix + "le-hoi/festival-ve-mien-quan-ho/"))
    assert festival["organizer"] == {"@type": "Organization", "name": "Bắc Ninh Provincial People’s Committee" if lang == "en" else "UBND tỉnh Bắc Ninh"}
    province = "Bắc Ninh Province" if lang == "en" else "tỉnh Bắc Ninh"
    assert festival["location"]["name"] == province and festival["location"]["address"]["addressRegion"] == province
    (lim, _) = jsonld(verified_site.html(prefix + "le-hoi/hoi-lim/"))
    assert "organizer" not in lim and lim["location"]["name"] != lim["name"]
    assert lim["location"]["name"] == lim["location"]["address"]["streetAddress"] and "Lim" in lim["location"]["name"]
    assert lim["subjectOf"][0]["@type"] == "CreativeWork" and lim["subjectOf"][0]["url"].startswith("http")


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_column_posts_are_blog_postings(sample_site, prefix):
    posts = sorted((sample_site.root / "site" / prefix / "chuyen-muc").glob("*/index.html"))
    assert posts
    for page in posts:
        html = page.read_text(encoding="utf-8")
        (post, crumbs) = jsonld(html)
        assert post["@type"] == "BlogPosting" and crumbs["@type"] == "BreadcrumbList"
        assert post["headline"] == crumbs["itemListElement"][-1]["name"] and post["inLanguage"] == ("en" if prefix else "vi")
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", post["datePublished"]) and post["mainEntityOfPage"] == post["url"]
        assert post["author"]["name"] == post["publisher"]["name"] and post["publisher"]["logo"]["url"].endswith(".png")
        assert post["image"].startswith("http") and "/media/og/" in post["image"]


def test_every_shared_image_has_its_alt_text(sample_site):
    """og:image:alt and twitter:image:alt on every page with a card: the photo's own alt."""
    site = sample_site.root / "site"
    count = 0
    for page in site.rglob("index.html"):
        html = page.read_text(encoding="utf-8")
        if 'property="og:image"' not in html:
            continue
        count += 1
        og = re.findall(r'<meta property="og:image:alt" content="([^"]+)">', html)
        tw = re.findall(r'<meta name="twitter:image:alt" content="([^"]+)">', html)
        assert len(og) == 1 and og == tw, page
    assert count > 50
    html = sample_site.html("en/le-hoi/hoi-lim/")
    assert 'property="og:image:alt" content="Placeholder: a saffron-gold gradient with the white text' in html
