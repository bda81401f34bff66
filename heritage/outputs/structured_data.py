"""schema.org JSON-LD for search engines: a fitting type per section, a BlogPosting per column
post, a Dataset for open data, a TouristTrip per trail, a TouristDestination for the plan page.

Every block is built from `schema_types`' records, which allow only a type's real properties.
Names of places, organisers and the region come from the content and `data/site.yml`, never
from here: what the page does not say, the JSON-LD does not claim.
"""

from __future__ import annotations

import datetime as dt
import json

from heritage import urls
from heritage.calendar import festivals
from heritage.content import history
from heritage.outputs.schema_types import (
    CreativeWork,
    DataDownload,
    Dataset,
    Event,
    GeoCoordinates,
    GeoShape,
    ImageObject,
    ItemList,
    ListItem,
    OpeningHoursSpecification,
    Organization,
    Person,
    Place,
    PostalAddress,
    Thing,
    TouristAttraction,
    TouristDestination,
    TouristTrip,
    WebPage,
)
from heritage.outputs.sitemap import content_date
from heritage.sections import COLUMN, ENTRY_SECTIONS
from heritage.trails.route import route

TYPES = {
    "di-tich": "LandmarksOrHistoricalBuildings",
    "le-hoi": "Festival",
    "lang-nghe": "TouristAttraction",
    "nghe-nhan": "Person",
    "quan-ho": "MusicComposition",
    # Not Product: Google rejects a Product without offers, review or aggregateRating, and
    # the content has no price, shop or rating to offer (the schema has no such field). The
    # page is an ItemPage about the product, which claims no Product rich result; when a
    # price field exists, a Product with its Offer belongs here.
    "san-pham": "ItemPage",
}
COUNTRY = "VN"  # every site of this engine is in Viet Nam (the schema's coordinates hold it there)


def _region(site, lang: str) -> str | None:
    province = site.settings.province
    return province(lang) if province is not None else None


def _place(site, entry, lang: str, **extra) -> Place:
    """Where an entry is: its address and coordinates, the place named by its own address;
    without an address, the province of data/site.yml and nothing more precise (search
    engines require an Event's location to have an address; no place is invented)."""
    location = entry.data.location
    street = location.address(lang) if location is not None and location.address is not None else None
    address = PostalAddress(streetAddress=street, addressRegion=_region(site, lang), addressCountry=COUNTRY)
    geo = GeoCoordinates(latitude=location.lat, longitude=location.lon) if location is not None else None
    return Place(**{"name": street or _region(site, lang), "address": address, "geo": geo, **extra})


def _sources(site, sources, lang: str) -> list[CreativeWork] | None:
    """Every source as a work about the entry, at an absolute URL ('/gioi-thieu/' included)."""
    works = [CreativeWork(name=s.title, url=s.url if s.url.startswith("http") else site.absolute(urls.prefix(lang) + s.url.lstrip("/"))) for s in sources]
    return works or None


def _ward(site, lang: str) -> Organization:
    """The ward's office: the site's author and publisher, with its logo."""
    logo = urls.LOGO if site.settings.logo else urls.APP_ICONS[512]
    return Organization(type="GovernmentOrganization", name=site.settings.ward(lang), url=site.absolute(urls.page(lang)), logo=ImageObject(url=site.absolute(logo)))


def sample_jsonld(site, entry, lang: str) -> dict:
    """An illustrative entry (`sample: true`) as a plain WebPage: its name, summary, address
    and language, which say what the page is and claim nothing about the world. Search engines
    make rich results of Events, Places and People, so an illustrative entry's invented
    dates, places and people are never given one: no EventScheduled for a festival whose
    dates the page calls provisional, no map pin for an invented site. When the entry is
    made real (`sample` removed), its typed node comes back."""
    return WebPage(name=entry.name(lang), description=entry.data.summary(lang), url=site.absolute(entry.url(lang)), inLanguage=lang).jsonld()


def entry_jsonld(site, entry, lang: str, today: dt.date) -> dict:
    d = entry.data
    if d.sample:
        return sample_jsonld(site, entry, lang)
    image = site.social_image(f"{lang}/{entry.section}/{entry.id}.md")
    common = {
        "name": entry.name(lang),
        "description": d.summary(lang),
        "url": site.absolute(entry.url(lang)),
        "image": site.absolute(image) if image else None,
        "subjectOf": _sources(site, d.sources, lang),
    }
    if entry.section in ("di-tich", "lang-nghe"):
        place = _place(site, entry, lang)
        fields = {**common, "address": place.address, "geo": place.geo, **(visit_fields(d.visit) if d.visit is not None else {})}
        node = Place(type=TYPES["di-tich"], **fields) if entry.section == "di-tich" else TouristAttraction(**fields)
    elif entry.section == "le-hoi":
        coming = festivals.coming(entry, today)[0]  # never empty: at least the next edition
        organizer = d.organizer
        node = Event(
            type=TYPES["le-hoi"],
            **common,
            startDate=coming.start.isoformat(),
            endDate=coming.end.isoformat(),
            eventStatus="https://schema.org/EventScheduled",
            eventAttendanceMode="https://schema.org/OfflineEventAttendanceMode",
            location=_place(site, entry, lang),
            organizer=Organization(name=organizer.name(lang), url=organizer.url) if organizer is not None else None,
            inLanguage=lang,
        )
    elif entry.section == "nghe-nhan":
        job = site.inventory.vocabulary.type_label(entry.section, d.type, lang)
        node = Person(**common, jobTitle=job, award=d.title(lang) if d.title is not None else None)
    elif entry.section == "quan-ho":
        # The songs are sung in Vietnamese whatever the page's language.
        node = CreativeWork(type=TYPES["quan-ho"], **common, genre=ENTRY_SECTIONS[entry.section].label("vi"), inLanguage="vi")
    else:
        stars = f"OCOP {d.ocop_stars}★" if d.ocop_stars else None
        about = Thing(name=common["name"], description=common["description"], disambiguatingDescription=stars, subjectOf=common["subjectOf"])
        node = WebPage(type=TYPES["san-pham"], **{**common, "subjectOf": None}, inLanguage=lang, about=about)
    return node.jsonld()


def breadcrumbs_jsonld(site, trail: list[tuple[str, str]]) -> dict:
    """schema.org BreadcrumbList of (name, site path) from the home page down to this page."""
    items = [ListItem(position=i, name=name, item=site.absolute(path)) for i, (name, path) in enumerate(trail, start=1)]
    return ItemList(type="BreadcrumbList", itemListElement=items).jsonld()


# schema.org's days of the week, for opening hours.
DAYS = {"mo": "Monday", "tu": "Tuesday", "we": "Wednesday", "th": "Thursday", "fr": "Friday", "sa": "Saturday", "su": "Sunday"}


def visit_fields(visit) -> dict:
    """A place's visiting information as Place properties: opening hours, fee, telephone
    (schema.org gives a Place no e-mail: the page shows it, the JSON-LD does not)."""
    hours = [OpeningHoursSpecification(dayOfWeek=[f"https://schema.org/{DAYS[d]}" for d in h.weekdays], opens=h.opens, closes=h.closes) for h in visit.hours]
    return {
        "openingHoursSpecification": hours or None,
        "isAccessibleForFree": True if visit.free else None,
        "telephone": visit.tel or None,
        "publicAccess": True,
    }


def visit_jsonld(visit) -> dict:
    """The same, as JSON (for callers that merge it into a block of their own)."""
    return Place(**visit_fields(visit)).jsonld(context=False)


# The open data's name and description around the site's own words (data/site.yml).
DATASET_WORDS = {
    "vi": ("Danh mục di sản văn hóa", "Dữ liệu mở: mọi mục của danh mục, bằng tiếng Việt và tiếng Anh, dạng CSV, JSON và GeoJSON."),
    "en": ("Cultural heritage inventory", "Open data: every entry of the inventory, in Vietnamese and English, as CSV, JSON and GeoJSON."),
}


def _coverage(site, lang: str) -> Place | None:
    """The area the data covers: the box around every located entry, named by the province."""
    points = [(e.data.location.lat, e.data.location.lon) for e in site.inventory.entries.values() if e.data.location is not None]
    geo = None
    if points:
        lats, lons = [p[0] for p in points], [p[1] for p in points]
        geo = GeoShape(box=f"{min(lats)} {min(lons)} {max(lats)} {max(lons)}")
    region = _region(site, lang)
    return Place(name=region, geo=geo) if geo or region else None


def dataset_jsonld(site, lang: str) -> dict:
    settings = site.settings
    title, formats = DATASET_WORDS[lang]
    return Dataset(
        name=f"{title} — {settings.site_name(lang)}",
        description=f"{settings.tagline(lang)}. {formats}",
        url=site.absolute(urls.page(lang, urls.OPEN_DATA)),
        inLanguage=["vi", "en"],
        license=settings.data_license.url,
        isAccessibleForFree=True,
        creator=_ward(site, lang),
        spatialCoverage=_coverage(site, lang),
        distribution=[
            DataDownload(encodingFormat=mime, contentUrl=site.absolute(urls.open_data_files(site.settings.slug)[kind]))
            for kind, mime in (("csv", "text/csv"), ("json", "application/json"), ("geojson", "application/geo+json"))
        ],
    ).jsonld()


def post_jsonld(site, post, lang: str) -> dict:
    """A column post as a BlogPosting: by the ward's office, modified when the sitemap says
    the page last changed (`sitemap.content_date`, one answer for both)."""
    url = site.absolute(post.url(lang))
    image = site.social_image(f"{lang}/{COLUMN.key}/{post.slug}.md")
    changed = content_date(site, f"{COLUMN.key}/{post.slug}.md", history.last_changed(site.root, history.head_of(site.root)))
    return CreativeWork(
        type="BlogPosting",
        headline=post.meta.title,
        name=post.meta.title,
        description=post.meta.summary,
        url=url,
        mainEntityOfPage=url,
        datePublished=post.date.isoformat(),
        dateModified=changed.isoformat() if changed else None,
        author=_ward(site, lang),
        publisher=_ward(site, lang),
        image=site.absolute(image) if image else None,
        inLanguage=lang,
    ).jsonld()


# '<', '>' and '&' written as JSON escapes: no value can close the script block ('</script>') or
# open a comment in it ('<!--<script>' keeps the HTML parser inside the block to the end of
# the page, blanking it). JSON readers see the same text; U+2028/2029 too, for old JS parsers.
_SCRIPT_ESCAPES = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def script_safe(data: dict) -> str:
    """JSON for a <script type="application/ld+json"> block, with no character the HTML parser
    reads inside it (those characters can only occur inside JSON strings, so escaping is exact)."""
    return json.dumps(data, ensure_ascii=False).translate(_SCRIPT_ESCAPES)


# A trail's stops that are places keep their type; a festival or a product stop is a Place.
STOP_TYPES = {"di-tich": TYPES["di-tich"]}


def trail_jsonld(site, trail, lang: str) -> dict:
    """A TouristTrip whose itinerary is the ordered list of its stops (schema.org ItemList)."""
    if trail.data.sample:  # an illustrative trail: a page, no trip (see sample_jsonld)
        return WebPage(name=trail.name(lang), description=trail.data.summary(lang), url=site.absolute(trail.url(lang)), inLanguage=lang).jsonld()
    path = route(trail, site.inventory)
    items = []
    for stop in path.stops:
        entry = stop.entry
        if entry.data.sample:  # an illustrative stop: its name and page, no invented place
            items.append(ListItem(position=stop.number, name=entry.name(lang), item=site.absolute(entry.url(lang))))
            continue
        where = _place(site, entry, lang)
        fields = {"name": entry.name(lang), "url": site.absolute(entry.url(lang)), "address": where.address, "geo": where.geo}
        place = TouristAttraction(**fields) if entry.section == "lang-nghe" else Place(type=STOP_TYPES.get(entry.section, "Place"), **fields)
        items.append(ListItem(position=stop.number, item=place))
    return TouristTrip(
        name=trail.name(lang),
        description=trail.data.summary(lang),
        url=site.absolute(trail.url(lang)),
        touristType=["Cultural tourism"],
        provider=_ward(site, lang),
        itinerary=ItemList(numberOfItems=len(items), itemListOrder="https://schema.org/ItemListOrderAscending", itemListElement=items),
    ).jsonld()


def destination_jsonld(site, lang: str) -> dict:
    """The plan-your-trip page as a TouristDestination: the place as data/site.yml names it, in
    its province, with the verified places it includes. Illustrative entries and the page's
    unverified advice are claimed nowhere; the general facts' sources are cited."""
    practical = site.settings.practical
    real = [e for e in site.inventory.entries.values() if not e.data.sample and e.data.location is not None and e.section in ("di-tich", "lang-nghe")]
    attractions = [TouristAttraction(name=e.name(lang), url=site.absolute(e.url(lang)), address=_place(site, e, lang).address, geo=_place(site, e, lang).geo) for e in real]
    points = [(e.data.location.lat, e.data.location.lon) for e in real]
    box = GeoShape(box=f"{min(p[0] for p in points)} {min(p[1] for p in points)} {max(p[0] for p in points)} {max(p[1] for p in points)}") if points else None
    cited = [s for item in (*practical.getting_there, practical.parking, practical.toilets, practical.accessibility, practical.season, *practical.etiquette, practical.emergency) if item is not None for s in item.sources]
    return TouristDestination(
        name=practical.place(lang),
        description=practical.intro(lang) if practical.intro else None,
        url=site.absolute(urls.page(lang, urls.VISIT)),
        address=PostalAddress(addressRegion=_region(site, lang), addressCountry=COUNTRY),
        geo=box,
        touristType=["Cultural tourism"],
        includesAttraction=attractions or None,
        subjectOf=_sources(site, cited, lang),
    ).jsonld()
