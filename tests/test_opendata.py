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
    ids = {p.stem for p in (sample_site.root / "data").glob("*/*.yml") if p.parent.name != "trails"}  # entries, not trails
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


@pytest.mark.parametrize("path, section", [("di-tich/dinh-tan-an/", "di-tich"), ("le-hoi/hoi-lim/", "le-hoi"), ("lang-nghe/nghe-dan-tre/", "lang-nghe"),
                                           ("nghe-nhan/nguyen-thi-minh-hoa/", "nghe-nhan"), ("quan-ho/nguoi-o-dung-ve/", "quan-ho"), ("san-pham/banh-da-tan-an/", "san-pham")])
@pytest.mark.parametrize("prefix", ["", "en/"])
def test_entry_pages_carry_json_ld(sample_site, path, section, prefix):
    (data, trail) = jsonld(sample_site.html(prefix + path))
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
