"""Open data: the whole inventory as CSV, JSON and GeoJSON, both languages in each row, and the
datapackage.json that describes them (heritage/outputs/datapackage.py).

The CSV starts with a UTF-8 byte-order mark so that Excel, which the province's offices
use, opens Vietnamese text correctly.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

from heritage import urls
from heritage.i18n import format_recurring
from heritage.outputs.datapackage import write_datapackage
from heritage.sections import ENTRY_SECTIONS

# Column → (Vietnamese, English) description, shown on the open data page.
FIELDS: dict[str, tuple[str, str]] = {
    "id": ("Mã cố định của mục (dùng trong địa chỉ trang và mã QR)", "Permanent id (in the page address and QR code)"),
    "section": ("Chuyên mục: di-tich, le-hoi, lang-nghe, nghe-nhan, quan-ho, san-pham", "Section: di-tich, le-hoi, lang-nghe, nghe-nhan, quan-ho, san-pham"),
    "name_vi": ("Tên tiếng Việt", "Name in Vietnamese"),
    "name_en": ("Tên tiếng Anh", "Name in English"),
    "summary_vi": ("Tóm tắt tiếng Việt", "Summary in Vietnamese"),
    "summary_en": ("Tóm tắt tiếng Anh", "Summary in English"),
    "type": ("Mã loại hình (xem data/vocabulary.yml)", "Type code (see data/vocabulary.yml)"),
    "type_vi": ("Loại hình, tiếng Việt", "Type, Vietnamese label"),
    "type_en": ("Loại hình, tiếng Anh", "Type, English label"),
    "ranking": ("Mã xếp hạng", "Ranking code"),
    "ranking_vi": ("Xếp hạng, tiếng Việt", "Ranking, Vietnamese label"),
    "ranking_en": ("Xếp hạng, tiếng Anh", "Ranking, English label"),
    "priority": ("Đề xuất mức ưu tiên bảo vệ: cao, trung-binh, thap", "Proposed protection priority: cao (high), trung-binh (medium), thap (low)"),
    "address_vi": ("Địa chỉ, tiếng Việt", "Address in Vietnamese"),
    "address_en": ("Địa chỉ, tiếng Anh", "Address in English"),
    "lat": ("Vĩ độ (WGS 84, độ thập phân)", "Latitude (WGS 84, decimal degrees)"),
    "lon": ("Kinh độ (WGS 84, độ thập phân)", "Longitude (WGS 84, decimal degrees)"),
    "festival_date_vi": ("Ngày lễ hội cố định, tiếng Việt", "Fixed festival date, Vietnamese"),
    "festival_date_en": ("Ngày lễ hội cố định, tiếng Anh", "Fixed festival date, English"),
    "images": ("Số ảnh", "Number of photos"),
    "audio": ("Số bản ghi âm", "Number of audio recordings"),
    "video": ("Số video (kể cả YouTube)", "Number of videos (YouTube included)"),
    "sample": ("true: nội dung minh họa, chưa thẩm định", "true: illustrative content, not yet verified"),
    "url_vi": ("Trang tiếng Việt", "Vietnamese page"),
    "url_en": ("Trang tiếng Anh", "English page"),
}


def rows(site) -> list[dict]:
    inv, vocab = site.inventory, site.inventory.vocabulary
    out = []
    for section in ENTRY_SECTIONS:
        for entry in inv.section(section, "vi"):
            d = entry.data
            when = getattr(d, "when", None)
            location = d.location
            kinds = [m.kind for m in d.media]
            out.append(
                {
                    "id": entry.id,
                    "section": section,
                    "name_vi": d.name.vi,
                    "name_en": d.name.en,
                    "summary_vi": d.summary.vi,
                    "summary_en": d.summary.en,
                    "type": d.type,
                    "type_vi": vocab.type_label(section, d.type, "vi"),
                    "type_en": vocab.type_label(section, d.type, "en"),
                    "ranking": d.ranking or "",
                    "ranking_vi": vocab.ranking_label(section, d.ranking, "vi"),
                    "ranking_en": vocab.ranking_label(section, d.ranking, "en"),
                    "priority": d.priority or "",
                    "address_vi": location.address.vi if location and location.address else "",
                    "address_en": location.address.en if location and location.address else "",
                    "lat": location.lat if location else None,
                    "lon": location.lon if location else None,
                    "festival_date_vi": format_recurring(when.calendar, when.month, when.day, when.leap, "vi") if when else "",
                    "festival_date_en": format_recurring(when.calendar, when.month, when.day, when.leap, "en") if when else "",
                    "images": kinds.count("image"),
                    "audio": kinds.count("audio"),
                    "video": kinds.count("video") + kinds.count("youtube"),
                    "sample": d.sample,
                    "url_vi": site.absolute(entry.url("vi")),
                    "url_en": site.absolute(entry.url("en")),
                }
            )
    return out


# A cell a spreadsheet would read as a formula (=HYPERLINK(…), +, -, @, or one behind a tab or a
# carriage return): OWASP's advice is a leading single quote, which shows the text as written.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")


def spreadsheet_safe(value: object) -> object:
    """A CSV cell that no spreadsheet runs: text starting a formula gets a leading quote; numbers
    (a negative one included) stay numbers."""
    if isinstance(value, str) and value.startswith(_FORMULA_START) and not _NUMBER.match(value):
        return "'" + value
    return value


def to_csv(table: list[dict]) -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(FIELDS), lineterminator="\r\n")
    writer.writeheader()
    for row in table:
        writer.writerow({k: ("" if v is None else str(v).lower() if isinstance(v, bool) else spreadsheet_safe(v)) for k, v in row.items()})
    return buffer.getvalue().encode("utf-8-sig")


def to_geojson(table: list[dict]) -> dict:
    features = [
        {
            "type": "Feature",
            "id": row["id"],
            "geometry": {"type": "Point", "coordinates": [row["lon"], row["lat"]]},
            "properties": {k: v for k, v in row.items() if k not in ("lat", "lon")},
        }
        for row in table
        if row["lat"] is not None
    ]
    return {"type": "FeatureCollection", "features": features}


def write_open_data(site, site_root: Path) -> dict[str, Path]:
    table = rows(site)
    payload = {
        "csv": to_csv(table),
        "json": json.dumps({"license": site.settings.data_license.url, "entries": table}, ensure_ascii=False, indent=1).encode("utf-8"),
        "geojson": json.dumps(to_geojson(table), ensure_ascii=False).encode("utf-8"),
    }
    written = {}
    for kind, data in payload.items():
        target = site_root / urls.open_data_files(site.settings.slug)[kind]
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        written[kind] = target
    written["datapackage"] = write_datapackage(site, site_root, payload, FIELDS)
    return written
