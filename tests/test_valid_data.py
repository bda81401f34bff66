"""The open data as a data portal reads it, on both builds: frictionless validates datapackage.json
and every file it lists (the CSV against its Table Schema, sizes and hashes of all three), the
JSON's rows against the same schema, and the GeoJSON against the GeoJSON schema frictionless
ships plus RFC 7946's rules (a position is [lon, lat], each in range, no `crs`)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema
import yaml
from frictionless import Schema, validate
from frictionless.resources import TableResource

from heritage import urls
from heritage.content.settings import load_settings
from heritage.content.loader import cached_inventory
from heritage.sections import ENTRY_SECTIONS

from .test_valid_xml import _build_url

OPEN_DATA = Path(urls.DATA_PACKAGE_FILE).parent.as_posix()

# Error types frictionless may report without failing the test, each with its reason. None now.
ALLOWED_ERRORS: dict[str, str] = {}

# The repository's site names its files after itself (data/site.yml's site_name).
SLUG = load_settings(Path(__file__).resolve().parents[1])[0].slug
OPEN_DATA_FILES = urls.open_data_files(SLUG)


def _errors(report) -> list[str]:
    return [f"{task.name}: {e.type}: {e.message}" for task in report.tasks for e in task.errors if e.type not in ALLOWED_ERRORS] + [
        f"{e.type}: {e.message}" for e in report.errors if e.type not in ALLOWED_ERRORS
    ]


def test_the_data_package_and_its_files_are_valid(both_builds):
    site = both_builds.root / "site"
    descriptor = site / urls.DATA_PACKAGE_FILE
    report = validate(str(descriptor))
    assert not _errors(report), "\n".join(_errors(report))
    assert report.valid
    # it describes exactly the open data files, each read whole
    package = json.loads(descriptor.read_text(encoding="utf-8"))
    assert sorted(r["path"] for r in package["resources"]) == sorted(Path(f).name for f in OPEN_DATA_FILES.values())
    entries = len(cached_inventory(both_builds.root).entries)
    csv_task = next(t for t in report.tasks if t.name.endswith("-csv"))
    assert csv_task.stats["rows"] == entries and csv_task.stats["fields"] == len(package["resources"][0]["schema"]["fields"])
    # the licence is the one in the settings, the home page is this build's
    license = cached_inventory(both_builds.root).settings.data_license
    assert package["licenses"] == [{"path": license.url, "title": license.name}]
    assert package["homepage"] == f"{_build_url(both_builds)}{OPEN_DATA}/"
    # the CSV's encoding is an IANA charset name, and its BOM does not reach the first header
    csv_resource = next(r for r in package["resources"] if r["format"] == "csv")
    assert csv_resource["encoding"] == "utf-8" and (site / OPEN_DATA_FILES["csv"]).read_bytes().startswith(b"\xef\xbb\xbf")
    with TableResource(path=str(site / OPEN_DATA_FILES["csv"]), encoding=csv_resource["encoding"]) as table:
        assert table.header == [f["name"] for f in csv_resource["schema"]["fields"]] and table.header[0] == "id"
        rows = table.read_rows()
        assert rows and all(not str(cell).startswith("\ufeff") for row in rows for cell in row.cells[:1])


def test_the_json_rows_follow_the_csv_table_schema(both_builds):
    site = both_builds.root / "site"
    package = json.loads((site / urls.DATA_PACKAGE_FILE).read_text(encoding="utf-8"))
    schema = Schema.from_descriptor(next(r for r in package["resources"] if r["format"] == "csv")["schema"])
    # the rows as JSON readers get them (numbers, booleans, null), given inline: frictionless reads
    # a JSON file only with its [json] extra (ijson), which nothing else here needs
    rows = json.loads((site / OPEN_DATA_FILES["json"]).read_text(encoding="utf-8"))["entries"]
    assert rows and all(list(row) == schema.field_names for row in rows)
    resource = TableResource(data=rows, schema=schema)
    report = resource.validate()
    assert not _errors(report), "\n".join(_errors(report))
    assert report.tasks[0].stats["rows"] == len(cached_inventory(both_builds.root).entries)


def test_frictionless_catches_a_wrong_cell_and_a_changed_file(sample_site, tmp_path):
    """The validator can fail: a latitude out of range, and a file that no longer matches its hash."""
    folder = shutil.copytree(sample_site.root / "site" / OPEN_DATA, tmp_path / "data")
    csv_path = folder / Path(OPEN_DATA_FILES["csv"]).name
    text = csv_path.read_text(encoding="utf-8-sig")
    entries = json.loads((folder / Path(OPEN_DATA_FILES["json"]).name).read_text(encoding="utf-8"))["entries"]
    first = next(e for e in entries if e["lat"] is not None)
    csv_path.write_text(text.replace(f",{first['lat']},", ",91.5,", 1), encoding="utf-8-sig")
    report = validate(str(folder / "datapackage.json"))
    kinds = {e.type for task in report.tasks for e in task.errors}
    assert {"constraint-error", "hash-count"} <= kinds
    # and the JSON rows: a count that is not a number, a section the schema does not know
    schema = Schema.from_descriptor(json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))["resources"][0]["schema"])
    entries[0]["images"], entries[1]["section"] = "many", "unknown"
    report = TableResource(data=entries, schema=schema).validate()
    assert [e.type for task in report.tasks for e in task.errors] == ["type-error", "constraint-error"]


# --- GeoJSON (RFC 7946) -------------------------------------------------------------------------


def _geojson_schema() -> dict:
    """The GeoJSON JSON Schema frictionless ships for its geojson field type."""
    import frictionless.settings

    return frictionless.settings.GEOJSON_PROFILE


def test_the_geojson_is_rfc_7946(both_builds):
    root = both_builds.root
    document = json.loads((root / "site" / OPEN_DATA_FILES["geojson"]).read_text(encoding="utf-8"))
    jsonschema.validators.validator_for(_geojson_schema())(_geojson_schema()).validate(document)
    assert document["type"] == "FeatureCollection" and "crs" not in document  # RFC 7946 §4: no crs member
    features = document["features"]
    assert len({f["id"] for f in features}) == len(features)
    located = {}
    for path in sorted(p for section in ENTRY_SECTIONS for p in (root / "data" / section).glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        if isinstance(data, dict) and isinstance(data.get("location"), dict) and "lat" in data["location"]:
            located[path.stem] = (data["location"]["lon"], data["location"]["lat"])
    assert located and {f["id"] for f in features} == set(located)
    for feature in features:
        assert feature["type"] == "Feature" and "crs" not in feature and isinstance(feature["properties"], dict)
        geometry = feature["geometry"]
        assert geometry["type"] == "Point"
        lon, lat = geometry["coordinates"]  # exactly two numbers: no altitude, no third value
        assert all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in (lon, lat)), feature["id"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90, feature["id"]
        assert (lon, lat) == located[feature["id"]], feature["id"]  # [lon, lat], the order RFC 7946 §3.1.1 fixes


# --- the descriptor itself, written from a loaded site (no build) -------------------------------


def _descriptor_written(project, monkeypatch, out: Path) -> tuple[dict, dict]:
    """The open data of a small project written into `out` as the build writes it: the
    descriptor as a portal reads it, and frictionless's report on the whole package."""
    from heritage.outputs.opendata import write_open_data
    from heritage.pages.site import load_site

    from .conftest import SAMPLE_URL

    monkeypatch.setenv("SITE_URL", SAMPLE_URL)
    monkeypatch.setenv("HERITAGE_TODAY", "2026-11-27")
    written = write_open_data(load_site(project.root), out)
    return json.loads(written["datapackage"].read_text(encoding="utf-8")), validate(str(written["datapackage"]))


def test_the_descriptor_lets_a_portal_check_each_file_and_read_the_csv_with_its_types(small_project, monkeypatch, tmp_path):
    import hashlib

    from .conftest import SAMPLE_URL

    package, report = _descriptor_written(small_project, monkeypatch, tmp_path)
    assert report.valid, "\n".join(_errors(report))
    settings = cached_inventory(small_project.root).settings
    slug, files = settings.slug, urls.open_data_files(settings.slug)  # named after the project's own site
    assert package["profile"] == "data-package" and package["name"] == slug
    assert package["homepage"] == f"{SAMPLE_URL}{OPEN_DATA}/"  # the Vietnamese open-data page, absolute
    assert package["title"] == f"{settings.site_name('vi')} / {settings.site_name('en')}"
    assert package["licenses"] == [{"path": settings.data_license.url, "title": settings.data_license.name}]
    assert package["contributors"] == [{"title": settings.ward("vi"), "role": "publisher"}]
    assert package["keywords"] == ["heritage", "di sản", *ENTRY_SECTIONS]
    # each file: its name, its media type, its size and MD5 as a downloader checks them
    by_format = {r["format"]: r for r in package["resources"]}
    assert list(by_format) == ["csv", "json", "geojson"]
    for kind, resource in by_format.items():
        data = (tmp_path / files[kind]).read_bytes()
        assert resource["name"] == f"{slug}-{kind}" and resource["path"] == Path(files[kind]).name
        assert (resource["bytes"], resource["hash"]) == (len(data), hashlib.md5(data).hexdigest())
        assert " / " in resource["description"]  # Vietnamese, then English
    assert [by_format[k]["mediatype"] for k in by_format] == ["text/csv", "application/json", "application/geo+json"]
    assert "schema" not in by_format["json"] and "schema" not in by_format["geojson"]  # plain resources
    csv_resource = by_format["csv"]
    assert (csv_resource["profile"], csv_resource["encoding"]) == ("tabular-data-resource", "utf-8")
    csv_task = next(t for t in report.tasks if t.name.endswith("-csv"))
    assert csv_task.stats["rows"] == len(cached_inventory(small_project.root).entries)


def test_the_descriptors_table_schema_states_each_columns_type_meaning_and_limits(small_project, monkeypatch, tmp_path):
    from heritage.outputs.opendata import FIELDS

    package, _ = _descriptor_written(small_project, monkeypatch, tmp_path)
    schema = next(r for r in package["resources"] if r["format"] == "csv")["schema"]
    assert schema["primaryKey"] == ["id"] and schema["missingValues"] == [""]  # an empty cell is "no value"
    fields = {f["name"]: f for f in schema["fields"]}
    assert list(fields) == list(FIELDS)  # every column, in the file's order
    for name, (vi, en) in FIELDS.items():
        assert (fields[name]["title"], fields[name]["description"]) == (en, f"{vi} / {en}")
    assert {name: f["type"] for name, f in fields.items() if f["type"] != "string"} == {
        "lat": "number", "lon": "number", "images": "integer", "audio": "integer", "video": "integer", "sample": "boolean"}
    assert fields["lat"]["constraints"] == {"minimum": -90, "maximum": 90}
    assert fields["lon"]["constraints"] == {"minimum": -180, "maximum": 180}
    assert fields["id"]["constraints"] == {"required": True, "unique": True, "pattern": "[a-z0-9]+(-[a-z0-9]+)*"}
    assert fields["section"]["constraints"]["enum"] == list(ENTRY_SECTIONS)
    assert fields["priority"]["constraints"] == {"enum": ["cao", "trung-binh", "thap"]}
    assert all(fields[n]["constraints"] == {"required": True, "minimum": 0} for n in ("images", "audio", "video"))
    assert fields["url_vi"]["format"] == fields["url_en"]["format"] == "uri"
    untyped = [name for name in FIELDS if name not in ("id", "section", "name_vi", "name_en", "priority", "lat", "lon", "images", "audio", "video", "sample", "url_vi", "url_en")]
    assert all(fields[name] == {"name": name, "title": FIELDS[name][1], "description": f"{FIELDS[name][0]} / {FIELDS[name][1]}", "type": "string"} for name in untyped)
