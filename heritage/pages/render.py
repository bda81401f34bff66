"""HTML fragments that wrap editors' Markdown with what the data says: entries, catalogues,
the column, the map, trails, About, search and the footer (the home page's are in `home`,
events' and the calendar's in `events_pages`; all made with `renderer.Renderer`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from heritage import urls
from heritage.column import audio as column_audio
from heritage.column import podcast
from heritage.column import rules as column
from heritage.map import basemap
from heritage.outputs import opendata
from heritage.pages import events_pages, onsite, whats_on
from heritage.pages.renderer import UNRANKED, RenderData, Renderer, share_links
from heritage.sections import ENTRY_SECTIONS
from heritage.text import vi_sort_key
from heritage.trails import route as trail_route

if TYPE_CHECKING:
    from heritage.content.inventory import EntryRecord, Post, TrailRecord


def entry_blocks(data: RenderData, entry: "EntryRecord", lang: str, base: str) -> tuple[str, str]:
    """What goes above an entry's story (facts, photos, media) and below it (sources, links)."""
    r = Renderer(data, lang, base)
    share = share_links(data, entry.url(lang), entry.name(lang))
    here = onsite.view(data.inventory, data.settings, entry, lang, data.media.av)
    kit, bank = r.press_kit(entry.id)
    press = {"kit": r.base + kit if kit else "", "bank": r.base + bank if bank else ""}
    return r.render("entry_head.html", entry=entry, share=share, here=here), r.render("entry_foot.html", entry=entry, here=here, press=press)


def catalogue(data: RenderData, section: str, lang: str, base: str) -> str:
    r = Renderer(data, lang, base)
    # festivals by their next edition (`whats_on`), the other sections by name
    entries = whats_on.festivals_by_next(data.inventory, lang, data.today) if section == "le-hoi" else data.inventory.section(section, lang)
    return r.render("catalogue.html", section=ENTRY_SECTIONS[section], entries=entries, unranked=UNRANKED)


# Posts shown with their cover and summary on the column page; older ones as one line each,
# so the page stays light with hundreds of posts.
FULL_POSTS = 12


def column_index(data: RenderData, lang: str, base: str) -> str:
    r = Renderer(data, lang, base)
    posts = data.inventory.published_posts(lang)
    full = {p.slug for p in posts[:FULL_POSTS]}
    used = {p.meta.category for p in posts if p.meta.category}
    categories = {k: v for k, v in data.inventory.vocabulary.categories.items() if k in used}
    return r.render("column_index.html", months=column.by_month(posts), full=full, categories=categories)


def post_blocks(data: RenderData, post: "Post", lang: str, base: str, body: str) -> tuple[str, str]:
    """What goes above a post's text (title, date, cover) and below it (entries, neighbours, share)."""
    r = Renderer(data, lang, base)
    older, newer = column.neighbours(data.inventory.published_posts(lang), post.slug)
    key = column_audio.audio_key(data.inventory, post.slug, lang)
    sound = data.media.av.get(key) if key else None
    mp3 = podcast.episode_url(data.media, post.slug, key, lang) if sound else None  # the only copy published
    transcript = column_audio.transcript_url(post, lang)
    listen = None
    if sound and mp3:  # every value the player prints, prepared here: the template calls nothing
        href = r.href(mp3)
        listen = {
            "title": r.t("listen_post"),
            "label": f"{r.t('listen_post')}: {post.meta.title}",
            "iso": r.iso_duration(sound.duration),
            "duration": r.duration(sound.duration),
            "src": href,
            "mime": "audio/mpeg",
            "download": r.t("download"),
            "note": r.t("listen_note"),
            "transcript": r.href(transcript),
            "transcript_label": r.t("transcript_file"),
        }
    head = r.render("post_head.html", post=post, minutes=column.reading_minutes(body), listen=listen)
    foot = r.render("post_foot.html", post=post, older=older, newer=newer, share=share_links(data, post.url(lang), post.meta.title))
    return head, foot


def places(data: RenderData, lang: str, base: str) -> str:
    r = Renderer(data, lang, base)
    located = [e for s in ENTRY_SECTIONS for e in data.inventory.section(s, lang) if e.data.location is not None]
    unlocated = [e for s in ENTRY_SECTIONS.values() if s.has_place for e in data.inventory.section(s.key, lang) if e.data.location is None]
    points = [(e.data.location.lat, e.data.location.lon) for e in located]
    middle = basemap.centre(points) if points else (0.0, 0.0)

    def far(entry) -> int:
        """Whole kilometres from the ward's centre for a place outside it (the list says so too)."""
        km = basemap.distance_km(*middle, entry.data.location.lat, entry.data.location.lon)
        return round(km) if km > basemap.NEAR_KM else 0

    present = {e.section for e in located}  # the legend lists only sections on the map
    return r.render(
        "places.html",
        entries=[(e, r.t("map_far_list", km=km, place=data.settings.place(lang)) if (km := far(e)) else "") for e in located],
        unlocated=unlocated,
        geojson=r.href(urls.open_data_files(data.settings.slug)["geojson"]),
        colors={k: v for k, v in SECTION_COLORS.items() if k in present},
        basemap=data.basemap,
        near_km=basemap.NEAR_KM,
        attribution=basemap.ATTRIBUTION,
        copyright_url=basemap.COPYRIGHT_URL,
    )


def festivals(data: RenderData, lang: str, base: str) -> str:
    """The calendar page: twelve months of festivals and events (`events_pages.calendar`)."""
    return events_pages.calendar(data, lang, base)


def open_data(data: RenderData, lang: str, base: str) -> str:
    r = Renderer(data, lang, base)
    return r.render("open_data.html", files=urls.open_data_files(data.settings.slug), datapackage=urls.DATA_PACKAGE_FILE, fields=opendata.FIELDS, license=data.settings.data_license, count=len(data.inventory.entries))


# Marker colours on the map, one per section (legend and markers use the same).
SECTION_COLORS = {
    "di-tich": "#8a1c1c",
    "le-hoi": "#9a6a00",
    "lang-nghe": "#2e6b34",
    "nghe-nhan": "#1f4e8c",
    "quan-ho": "#6a2c91",
    "san-pham": "#0f6b6b",
}


def translation_notice(data: RenderData, lang: str, base: str, original_url: str) -> str:
    r = Renderer(data, lang, base)
    return r.render("translation_notice.html", original=r.href(original_url))


def translation_table(data: RenderData, lang: str, base: str) -> str:
    from heritage.content.translations import STATUS_LABELS

    r = Renderer(data, lang, base)
    return r.render("translation_table.html", pairs=list(data.translations.values()), labels=STATUS_LABELS)


def footer(data: RenderData, lang: str, base: str) -> str:
    """Every page's footer: the site's promise, the ward's contact, a few links, the copyright."""
    r = Renderer(data, lang, base)
    links = {
        "about": r.base + urls.page(lang, urls.ABOUT),
        "calendar": r.base + urls.page(lang, urls.CALENDAR),
        "open_data": r.base + urls.page(lang, urls.OPEN_DATA),
        "bank": r.base + urls.page(lang, urls.BANK) if f"{urls.BANK}/index.md" in data.translations else "",
        "feed": r.base + urls.feed(lang),
    }
    settings, c = data.settings, data.settings.contact
    contact = None if c is None else {
        "office": c.office(lang),
        "address": c.address(lang) if c.address else None,
        "phone": c.phone,
        "tel": c.tel,
        "email": c.email,
        "hours": c.hours(lang) if c.hours else None,
        "sample": c.sample,
    }
    foot = {
        "site_name": settings.site_name(lang),
        "tagline": settings.tagline(lang),
        "contact": contact,
        "copyright": r.t("copyright", year=data.today.year, ward=settings.ward(lang)),
    }
    return r.render("footer.html", foot=foot, links=links)


# What the site is made with, credited on the About page (and nowhere else).
CREDITS = (
    ("MkDocs", "https://www.mkdocs.org/", {"vi": "tạo trang web tĩnh", "en": "static site generator"}),
    ("Material for MkDocs", "https://squidfunk.github.io/mkdocs-material/", {"vi": "giao diện", "en": "theme"}),
    ("mkdocs-static-i18n", "https://github.com/ultrabug/mkdocs-static-i18n", {"vi": "hai ngôn ngữ", "en": "two languages"}),
    ("Leaflet", "https://leafletjs.com/", {"vi": "bản đồ", "en": "the map"}),
    ("OpenStreetMap", "https://www.openstreetmap.org/copyright", {"vi": "nền bản đồ, © những người đóng góp OpenStreetMap", "en": "map background, © OpenStreetMap contributors"}),
    ("Be Vietnam Pro", "https://github.com/bettergui/BeVietnamPro", {"vi": "phông chữ tiêu đề (SIL Open Font License)", "en": "heading typeface (SIL Open Font License)"}),
    ("Pillow, PyAV, segno, ReportLab", "https://python-pillow.org/", {"vi": "ảnh, âm thanh, mã QR, biển in", "en": "photos, audio, QR codes, printed plaques"}),
    ("pydantic, PyYAML, Jinja2, Babel", "https://docs.pydantic.dev/", {"vi": "kiểm tra và trình bày dữ liệu", "en": "checking and presenting the data"}),
)


def about(data: RenderData, lang: str, base: str) -> str:
    """The ward's contact and the credits; the brochure's download when the build publishes
    one (it prints the site's QR code, so it needs the public address)."""
    r = Renderer(data, lang, base)
    html = r.render("about.html", settings=data.settings, credits=CREDITS, contact_why=r.t("contact_why", place=data.settings.place(lang)))
    if data.qr_codes:
        slug, year = data.settings.slug, data.today.year
        html += "\n" + r.render("about_brochure.html", settings=data.settings, href=r.href(urls.brochure(slug, year)), file=urls.brochure_file(slug, year))
    return html


def search_page(data: RenderData, lang: str, base: str) -> str:
    r = Renderer(data, lang, base)
    return r.render("search.html", index=r.href(urls.search_index(lang)))


# --- heritage trails -------------------------------------------------------------------------


def trail_blocks(data: RenderData, trail: "TrailRecord", lang: str, base: str) -> tuple[str, str]:
    """Above a trail's words (facts, map) and below them (stops, festivals, QR code)."""
    r = Renderer(data, lang, base)
    route = trail_route.route(trail, data.inventory)
    mode = "walking" if "walking" in trail.data.travel else trail.data.travel[0]
    extra = dict(route=route, trail=trail, km=r.km, hours=r.hours, speeds=trail_route.SPEED_KMH,
                 directions=trail_route.directions_url(route, mode), route_mode=mode, basemap=data.basemap)
    festivals_on = trail_route.festivals_on(route, data.inventory, data.today)
    return r.render("trail_head.html", **extra), r.render("trail_foot.html", festivals=festivals_on, **extra)


def trails_index(data: RenderData, lang: str, base: str) -> str:
    r = Renderer(data, lang, base)
    trails = sorted(data.inventory.trails.values(), key=lambda t: vi_sort_key(t.name(lang)))
    return r.render("trails_index.html", routes=[trail_route.route(t, data.inventory) for t in trails], km=r.km)
