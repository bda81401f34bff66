"""schema.org JSON-LD for search engines: a fitting type per section, a Dataset for open data."""

from __future__ import annotations

import datetime as dt
import json

from heritage import urls
from heritage.calendar import festivals
from heritage.outputs.opendata import FILES

TYPES = {
    "di-tich": "LandmarksOrHistoricalBuildings",
    "le-hoi": "Festival",
    "lang-nghe": "TouristAttraction",
    "nghe-nhan": "Person",
    "quan-ho": "MusicComposition",
    "san-pham": "Product",
}


def _place(entry, lang: str) -> dict:
    location = entry.data.location
    place: dict = {"@type": "Place", "name": entry.name(lang)}
    if location is not None:
        if location.address is not None:
            place["address"] = location.address(lang)
        place["geo"] = {"@type": "GeoCoordinates", "latitude": location.lat, "longitude": location.lon}
    return place


def entry_jsonld(site, entry, lang: str, today: dt.date) -> dict:
    d = entry.data
    data: dict = {
        "@context": "https://schema.org",
        "@type": TYPES[entry.section],
        "name": entry.name(lang),
        "description": d.summary(lang),
        "url": site.absolute(entry.url(lang)),
        "inLanguage": "vi" if lang == "vi" else "en",
    }
    image = site.social_image(f"{lang}/{entry.section}/{entry.id}.md")
    if image:
        data["image"] = site.absolute(image)
    if entry.section in ("di-tich", "lang-nghe") and d.location is not None:
        data.update({k: v for k, v in _place(entry, lang).items() if k in ("address", "geo")})
    if entry.section in ("di-tich", "lang-nghe") and getattr(d, "visit", None) is not None:
        data.update(visit_jsonld(d.visit))
    if entry.section == "le-hoi":
        upcoming = [o for o in festivals.next_dates(entry, today) if o.end >= today]
        if upcoming:
            data["startDate"] = upcoming[0].start.isoformat()
            data["endDate"] = upcoming[0].end.isoformat()
            data["eventStatus"] = "https://schema.org/EventScheduled"
            data["eventAttendanceMode"] = "https://schema.org/OfflineEventAttendanceMode"
        data["location"] = _place(entry, lang)
        data["organizer"] = {"@type": "GovernmentOrganization", "name": site.settings.ward(lang)}
    if entry.section == "nghe-nhan":
        data["jobTitle"] = site.inventory.vocabulary.type_label(entry.section, d.type, lang)
        if d.title is not None:
            data["award"] = d.title(lang)
    if entry.section == "quan-ho":
        data["genre"] = "Quan họ"
        data["inLanguage"] = "vi"
    if entry.section == "san-pham" and d.ocop_stars:
        data["award"] = f"OCOP {d.ocop_stars}★"
    if d.sources:
        data["citation"] = [s.url for s in d.sources if s.url.startswith("http")]
    return data


def breadcrumbs_jsonld(site, trail: list[tuple[str, str]]) -> dict:
    """schema.org BreadcrumbList of (name, site path) from the home page down to this page."""
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [{"@type": "ListItem", "position": i, "name": name, "item": site.absolute(path)} for i, (name, path) in enumerate(trail, start=1)],
    }


# schema.org's days of the week, for opening hours.
DAYS = {"mo": "Monday", "tu": "Tuesday", "we": "Wednesday", "th": "Thursday", "fr": "Friday", "sa": "Saturday", "su": "Sunday"}


def visit_jsonld(visit) -> dict:
    """A place's visiting information: opening hours, fee, contact (schema.org Place properties)."""
    data: dict = {}
    if visit.hours:
        data["openingHoursSpecification"] = [
            {"@type": "OpeningHoursSpecification", "dayOfWeek": [f"https://schema.org/{DAYS[d]}" for d in h.weekdays], "opens": h.opens, "closes": h.closes}
            for h in visit.hours
        ]
    if visit.free:
        data["isAccessibleForFree"] = True
    if visit.phone:
        data["telephone"] = visit.tel
    if visit.email:
        data["email"] = visit.email
    data["publicAccess"] = True
    return data


def dataset_jsonld(site, lang: str) -> dict:
    return {
        "@context": "https://schema.org",
        "@type": "Dataset",
        "name": ("Danh mục di sản văn hóa phường Tân An" if lang == "vi" else "Inventory of the cultural heritage of Tân An ward"),
        "description": (
            "Di tích, lễ hội, làng nghề, nghệ nhân, bài bản Quan họ và sản phẩm của phường Tân An, tỉnh Bắc Ninh, bằng tiếng Việt và tiếng Anh."
            if lang == "vi"
            else "Relics, festivals, crafts, artisans, Quan họ songs and products of Tân An ward, Bắc Ninh province, in Vietnamese and English."
        ),
        "url": site.absolute(urls.page(lang, urls.OPEN_DATA)),
        "inLanguage": ["vi", "en"],
        "license": site.settings.data_license.url,
        "creator": {"@type": "GovernmentOrganization", "name": site.settings.ward(lang)},
        "spatialCoverage": {"@type": "Place", "name": "Phường Tân An, tỉnh Bắc Ninh, Việt Nam"},
        "distribution": [
            {"@type": "DataDownload", "encodingFormat": mime, "contentUrl": site.absolute(FILES[kind])}
            for kind, mime in (("csv", "text/csv"), ("json", "application/json"), ("geojson", "application/geo+json"))
        ],
    }


def script_safe(data: dict) -> str:
    """JSON for a <script type="application/ld+json"> block: no '</' can close it early."""
    return json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
