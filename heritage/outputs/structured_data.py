"""schema.org JSON-LD for search engines: a fitting type per section, a Dataset for open data."""

from __future__ import annotations

import datetime as dt
import json

from heritage import urls
from heritage.calendar import festivals
from heritage.outputs.opendata import FILES
from heritage.trails.route import route

TYPES = {
    "di-tich": "LandmarksOrHistoricalBuildings",
    "le-hoi": "Festival",
    "lang-nghe": "TouristAttraction",
    "nghe-nhan": "Person",
    "quan-ho": "MusicComposition",
    "san-pham": "Product",
}


# Where an entry without an address is: the province, and nothing more precise, so that
# no place is invented (search engines require an Event's location to have an address).
REGION = {"vi": "Tỉnh Bắc Ninh", "en": "Bắc Ninh Province"}
COUNTRY = "VN"


def _address(entry, lang: str) -> dict:
    location = entry.data.location
    address: dict = {"@type": "PostalAddress", "addressRegion": "Bắc Ninh", "addressCountry": COUNTRY}
    if location is not None and location.address is not None:
        address["streetAddress"] = location.address(lang)
    return address


def _place(entry, lang: str) -> dict:
    location = entry.data.location
    has_address = location is not None and location.address is not None
    place: dict = {"@type": "Place", "name": entry.name(lang) if has_address else REGION[lang], "address": _address(entry, lang)}
    if location is not None:
        place["geo"] = {"@type": "GeoCoordinates", "latitude": location.lat, "longitude": location.lon}
    return place


def _citations(site, sources, lang: str) -> list[str]:
    """Every source as an absolute URL (a source on this site, '/gioi-thieu/', included)."""
    return [s.url if s.url.startswith("http") else site.absolute(urls.prefix(lang) + s.url.lstrip("/")) for s in sources]


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
        coming = festivals.coming(entry, today)  # never empty: at least the next edition
        data["startDate"] = coming[0].start.isoformat()
        data["endDate"] = coming[0].end.isoformat()
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
        data["citation"] = _citations(site, d.sources, lang)
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


# '<', '>' and '&' written as JSON escapes: no value can close the script block ('</script>') or
# open a comment in it ('<!--<script>' keeps the HTML parser inside the block to the end of
# the page, blanking it). JSON readers see the same text; U+2028/2029 too, for old JS parsers.
_SCRIPT_ESCAPES = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def script_safe(data: dict) -> str:
    """JSON for a <script type="application/ld+json"> block, with no character the HTML parser
    reads inside it (those characters can only occur inside JSON strings, so escaping is exact)."""
    return json.dumps(data, ensure_ascii=False).translate(_SCRIPT_ESCAPES)


def trail_jsonld(site, trail, lang: str) -> dict:
    """A TouristTrip whose itinerary is the ordered list of its stops (schema.org ItemList)."""
    path = route(trail, site.inventory)
    items = [
        {
            "@type": "ListItem",
            "position": stop.number,
            "item": {**_place(stop.entry, lang), "@type": TYPES[stop.entry.section], "url": site.absolute(stop.entry.url(lang))},
        }
        for stop in path.stops
    ]
    return {
        "@context": "https://schema.org",
        "@type": "TouristTrip",
        "name": trail.name(lang),
        "description": trail.data.summary(lang),
        "url": site.absolute(trail.url(lang)),
        "inLanguage": lang,
        "touristType": ["Cultural tourism"],
        "provider": {"@type": "GovernmentOrganization", "name": site.settings.ward(lang)},
        "itinerary": {"@type": "ItemList", "numberOfItems": len(items), "itemListOrder": "https://schema.org/ItemListOrderAscending", "itemListElement": items},
    }
