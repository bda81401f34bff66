"""The site's addresses, in one place: language prefixes, page folders, output files, media keys.

Every URL here is a site path without the leading slash ("en/di-tich/dinh-lang/"),
relative to the site's root, so the site works under any base path. The contract
(shared/CONTRACT.md) makes these permanent: QR plaques and feed readers keep them.
"""

from __future__ import annotations

from heritage.sections import COLUMN, ENTRY_SECTIONS, LANGUAGES

# Pages with a fixed folder (the same name in both languages).
CALENDAR = "lich-le-hoi"
MAP = "ban-do"
OPEN_DATA = "du-lieu"
SEARCH = "tim-kiem"
EDITORS = "bien-tap"  # translation status, for the culture office (noindex)
TRAILS = "hanh-trinh"  # heritage trails: /hanh-trinh/ and /hanh-trinh/<id>/
EVENTS = "su-kien"  # recurring events: /su-kien/ and /su-kien/<id>/ (data/su-kien/<id>.yml)
ABOUT = "gioi-thieu"  # for visitors: the site, the ward's contact, credits; it offers the brochure
BANK = "kho-anh"  # the media bank: photos, video and audio with their licences; downloads of open ones
VISIT = "ke-hoach-tham-quan"  # plan your trip: getting there, parking, food, toilets, emergency numbers
PLAN = "gioi-thieu/ke-hoach"  # the ward's plan and how the site serves it (administrative)

# Folders the build writes at the site's root besides pages.
QR = "q"
SEARCH_INDEX = "search"
MEDIA = "media"
MEDIA_SOURCE = "data/media"  # where the originals are, in the repository
ADMIN = "admin"  # the web editor (Decap CMS): noindex, outside the sitemap and search

# Offline and installing (issue 17): the offline page per language, the service worker's
# list of files to keep at install, the web app manifest per language and its icons.
OFFLINE = "ngoai-tuyen"
OFFLINE_FILES = "offline-files.json"
MANIFEST_FILE = "manifest.webmanifest"
OWN_ASSETS = "assets/heritage"  # our own stylesheets, scripts, icons and fonts (from overrides/assets/heritage/)
APP_ICONS = {size: f"{OWN_ASSETS}/app-icon-{size}.png" for size in (192, 512)}  # manifest, purpose "any"
MASKABLE_ICONS = {size: f"{OWN_ASSETS}/app-icon-maskable-{size}.png" for size in (192, 512)}  # purpose "maskable"
FAVICON = "assets/heritage/favicon-48.png"  # the browser tab's icon, drawn like the app icons (mkdocs.yml: theme.favicon)
FAVICON_SIZE = 48
APPLE_TOUCH_ICON = "assets/heritage/apple-touch-icon-180.png"  # iOS's "Add to Home Screen" reads no manifest icon
APPLE_TOUCH_ICON_SIZE = 180
ROBOTS = "robots.txt"  # written with a public address only: it names the sitemap by its absolute URL
OFFLINE_SCRIPT = "assets/heritage/offline-page.js"

# The map's own background tiles (heritage/map/basemap.py): ban-do/nen/{z}/{x}/{y}.png.
BASEMAP = f"{MAP}/nen"

# Device names Windows refuses as a file or folder name, whatever the extension: an entry
# `con` (data/…/con.yml, docs/…/con.md) could not be checked out on an editor's Windows PC.
WINDOWS_DEVICE_NAMES = frozenset({"con", "prn", "aux", "nul", *(f"{port}{n}" for port in ("com", "lpt") for n in range(10))})

# Names an id can never take (contract): each is a folder or file the site writes at its
# root or in a section's folder (`index` would be the section's own page), or a Windows device.
RESERVED_IDS = frozenset(
    {"index", "404", "stylesheets", "javascripts", "sitemap", "feed", "robots", "sw", "manifest", "trails", "assets",
     QR, SEARCH_INDEX, MEDIA, ADMIN, OFFLINE, CALENDAR, MAP, OPEN_DATA, SEARCH, EDITORS, TRAILS, EVENTS, ABOUT, VISIT, BANK, COLUMN.key, *ENTRY_SECTIONS, *LANGUAGES,
     *WINDOWS_DEVICE_NAMES}
)

# The theme's own files the build adds (site paths).
THEME_COLORS = "assets/heritage/colors.css"  # the ward's colours as custom properties, after heritage.css
LOGO = "assets/heritage/logo.png"  # the ward's emblem, always a PNG the build draws
HEADING_FONT = "assets/heritage/fonts/be-vietnam-pro-700.woff2"  # heritage.css names it relative to itself

FEED_FILE = "feed.xml"
ICS_FILES = {"vi": "lich-le-hoi.ics", "en": "festivals.ics"}
OPEN_DATA_KINDS = ("csv", "json", "geojson")
DATA_PACKAGE_FILE = f"{OPEN_DATA}/datapackage.json"  # the Data Package descriptor of the files above


def prefix(lang: str) -> str:
    """'' for the default language (served at /), 'en/' for the others."""
    return "" if lang == LANGUAGES[0] else f"{lang}/"


def page(lang: str, folder: str = "") -> str:
    """A page folder in a language: page('en', 'du-lieu') → 'en/du-lieu/'; page('vi') → ''."""
    return prefix(lang) + (f"{folder}/" if folder else "")


def entry(lang: str, section: str, entry_id: str) -> str:
    return f"{prefix(lang)}{section}/{entry_id}/"


def post(lang: str, slug: str) -> str:
    return f"{prefix(lang)}{COLUMN.key}/{slug}/"


def feed(lang: str) -> str:
    """The column's RSS feed (stable: feed readers keep it)."""
    return f"{page(lang, COLUMN.key)}{FEED_FILE}"


def ics(lang: str) -> str:
    return f"{page(lang, CALENDAR)}{ICS_FILES[lang]}"


def festival_ics(lang: str, section: str, entry_id: str) -> str:
    """One festival's calendar file, in its page's folder: en/le-hoi/hoi-lim/hoi-lim.ics."""
    return f"{entry(lang, section, entry_id)}{entry_id}.ics"


def event_ics(lang: str, event_id: str) -> str:
    """One recurring event's calendar file, beside its page: en/su-kien/<id>/<id>.ics."""
    return f"{event(lang, event_id)}{event_id}.ics"


def manifest(lang: str) -> str:
    """The web app manifest of a language: manifest.webmanifest, en/manifest.webmanifest."""
    return f"{prefix(lang)}{MANIFEST_FILE}"


def search_index(lang: str) -> str:
    return f"{SEARCH_INDEX}/{lang}.json"


def trail(lang: str, trail_id: str) -> str:
    return f"{prefix(lang)}{TRAILS}/{trail_id}/"


def event(lang: str, event_id: str) -> str:
    return f"{prefix(lang)}{EVENTS}/{event_id}/"


def trail_gpx(lang: str, trail_id: str) -> str:
    """The route for walking apps, beside the trail's page: hanh-trinh/<id>/<id>.gpx."""
    return f"{trail(lang, trail_id)}{trail_id}.gpx"


def site_slug(site_name_vi: str) -> str:
    """The site's own name in file names (open data, brochure): its Vietnamese name as ASCII,
    'Di sản Làng Đông' → 'di-san-lang-dong'; 'di-san' when the name has no letter to keep."""
    from heritage.text import slugify

    return slugify(site_name_vi) or "di-san"


def open_data_files(slug: str) -> dict[str, str]:
    """The open data's files, named after the site: du-lieu/<slug>.csv, .json, .geojson."""
    return {kind: f"{OPEN_DATA}/{slug}.{kind}" for kind in OPEN_DATA_KINDS}


def brochure_file(slug: str, year: int) -> str:
    """The bilingual brochure's file name: <slug>-<year>.pdf."""
    return f"{slug}-{year}.pdf"


def brochure(slug: str, year: int) -> str:
    """The brochure is one bilingual file, under the Vietnamese About page."""
    return f"{ABOUT}/{brochure_file(slug, year)}"




def qr_landing(code: str) -> str:
    """/q/<id>/: what a printed code encodes; never changes."""
    return f"{QR}/{code}/"


def from_source(rel_under_docs: str) -> str:
    """docs path 'en/di-tich/x.md' → site path 'en/di-tich/x/'; the default language has no prefix."""
    lang, _, rest = rel_under_docs.partition("/")
    if rest == "index.md":
        path = ""
    elif rest.endswith("/index.md"):
        path = rest[: -len("index.md")]
    else:
        path = rest[:-3] + "/"
    return path if lang == LANGUAGES[0] else f"{lang}/{path}"


def media_key(entry_id: str, path: str) -> str:
    """How the media library names an entry's file: '<id>/<path under data/media/<id>/>'."""
    return f"{entry_id}/{path}"


def media_source(entry_id: str, path: str) -> str:
    """The original's path in the repository, as editors see it."""
    return f"{MEDIA_SOURCE}/{media_key(entry_id, path)}"


def absolute(site_url: str, site_path: str) -> str:
    """The absolute URL of a site path under the public address (which ends with '/')."""
    return site_url + site_path.lstrip("/")
