"""datapackage.json beside the open data: a Data Package (v1) descriptor, so that data portals
and tools (frictionless, CKAN, Excel's and QGIS's importers via them) read the CSV with the right
column types instead of guessing, and check each file's size and hash.

The CSV is described by a Table Schema (types, ranges, the sections and priorities it may hold);
the JSON and GeoJSON are listed as plain resources. The licence is the one in data/site.yml.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path, PurePosixPath

from heritage import urls
from heritage.sections import ENTRY_SECTIONS, LANGUAGES

PRIORITIES = ("cao", "trung-binh", "thap")

# Column → its Table Schema type and constraints; a column not listed is a plain string.
TYPES: dict[str, dict] = {
    "id": {"type": "string", "constraints": {"required": True, "unique": True, "pattern": "[a-z0-9]+(-[a-z0-9]+)*"}},
    "section": {"type": "string", "constraints": {"required": True, "enum": list(ENTRY_SECTIONS)}},
    "name_vi": {"type": "string", "constraints": {"required": True}},
    "name_en": {"type": "string", "constraints": {"required": True}},
    "priority": {"type": "string", "constraints": {"enum": list(PRIORITIES)}},
    "lat": {"type": "number", "constraints": {"minimum": -90, "maximum": 90}},
    "lon": {"type": "number", "constraints": {"minimum": -180, "maximum": 180}},
    "images": {"type": "integer", "constraints": {"required": True, "minimum": 0}},
    "audio": {"type": "integer", "constraints": {"required": True, "minimum": 0}},
    "video": {"type": "integer", "constraints": {"required": True, "minimum": 0}},
    "sample": {"type": "boolean", "constraints": {"required": True}},
    "url_vi": {"type": "string", "format": "uri", "constraints": {"required": True}},
    "url_en": {"type": "string", "format": "uri", "constraints": {"required": True}},
}

MEDIA_TYPES = {"csv": "text/csv", "json": "application/json", "geojson": "application/geo+json"}
DESCRIPTIONS = {
    "csv": "Một dòng cho mỗi mục, UTF-8 có BOM cho Excel / One row per entry, UTF-8 with a BOM for Excel",
    "json": "Các mục và giấy phép / The entries and the licence",
    "geojson": "Các mục có tọa độ (WGS 84) / The entries with coordinates (WGS 84)",
}


def table_schema(columns: dict[str, tuple[str, str]]) -> dict:
    """The CSV's Table Schema: every column (name → its meaning in vi, en), in order."""
    fields = []
    for name, (vi, en) in columns.items():
        fields.append({"name": name, "title": en, "description": f"{vi} / {en}", **TYPES.get(name, {"type": "string"})})
    return {"fields": fields, "primaryKey": ["id"], "missingValues": [""]}


def _integrity(data: bytes) -> dict:
    """Size and hash of a file, which a reader checks against what it downloaded."""
    return {"bytes": len(data), "hash": hashlib.md5(data, usedforsecurity=False).hexdigest()}


def descriptor(site, files: dict[str, bytes], columns: dict[str, tuple[str, str]]) -> dict:
    """The Data Package for the open data files (kind → their bytes, as written; the CSV's columns)."""
    settings = site.settings
    resources, files_named = [], urls.open_data_files(settings.slug)
    for kind, data in files.items():
        resource = {
            "name": f"{settings.slug}-{kind}",
            "path": PurePosixPath(files_named[kind]).name,
            "format": kind,
            "mediatype": MEDIA_TYPES[kind],
            "description": DESCRIPTIONS[kind],
            **_integrity(data),
        }
        if kind == "csv":
            # "utf-8", the IANA charset name the spec asks for. The file starts with a BOM, for
            # spreadsheet programs; UTF-8 readers (frictionless, Python's utf-8-sig, pandas) skip it.
            resource.update({"profile": "tabular-data-resource", "encoding": "utf-8", "schema": table_schema(columns)})
        resources.append(resource)
    return {
        "profile": "data-package",
        "name": settings.slug,
        "title": " / ".join(settings.site_name(lang) for lang in LANGUAGES),
        "homepage": site.absolute(urls.page(LANGUAGES[0], urls.OPEN_DATA)),
        "licenses": [{"path": settings.data_license.url, "title": settings.data_license.name}],
        "contributors": [{"title": settings.ward(LANGUAGES[0]), "role": "publisher"}],
        "keywords": ["heritage", "di sản", *ENTRY_SECTIONS],
        "resources": resources,
    }


def write_datapackage(site, site_root: Path, files: dict[str, bytes], columns: dict[str, tuple[str, str]]) -> Path:
    """datapackage.json beside the files it describes."""
    target = site_root / urls.DATA_PACKAGE_FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(json.dumps(descriptor(site, files, columns), ensure_ascii=False, indent=1).encode("utf-8") + b"\n")
    return target
