"""The site's addresses, in one place: language prefixes, page folders, output files, media keys.

Every URL here is a site path without the leading slash ("en/di-tich/dinh-tan-an/"),
relative to the site's root, so the site works under any base path. The contract
(shared/CONTRACT.md) makes these permanent: QR plaques and feed readers keep them.
"""

from __future__ import annotations

from heritage.sections import COLUMN, LANGUAGES

# Pages with a fixed folder (the same name in both languages).
CALENDAR = "lich-le-hoi"
MAP = "ban-do"
OPEN_DATA = "du-lieu"
SEARCH = "tim-kiem"
EDITORS = "bien-tap"  # translation status, for the culture office (noindex)
ABOUT = "gioi-thieu"  # for visitors: the site, the ward's contact, credits
PLAN = "gioi-thieu/ke-hoach"  # the ward's plan and how the site serves it (administrative)

# Folders the build writes at the site's root besides pages.
QR = "q"
SEARCH_INDEX = "search"
MEDIA = "media"
MEDIA_SOURCE = "data/media"  # where the originals are, in the repository

# The theme's own files the build adds (site paths).
LOGO = "assets/heritage/logo"  # + the ward's file suffix (.svg or .png)
HEADING_FONT = "assets/heritage/fonts/be-vietnam-pro-700.woff2"  # heritage.css names it relative to itself

FEED_FILE = "feed.xml"
ICS_FILES = {"vi": "lich-le-hoi.ics", "en": "festivals.ics"}
OPEN_DATA_BASENAME = "di-san-tan-an"
OPEN_DATA_FILES = {kind: f"{OPEN_DATA}/{OPEN_DATA_BASENAME}.{kind}" for kind in ("csv", "json", "geojson")}


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


def search_index(lang: str) -> str:
    return f"{SEARCH_INDEX}/{lang}.json"


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


def logo(source_name: str) -> str:
    """Where the ward's logo (data/<source_name>) is published: its suffix kept."""
    return LOGO + source_name[source_name.rfind("."):].lower()


def media_key(entry_id: str, path: str) -> str:
    """How the media library names an entry's file: '<id>/<path under data/media/<id>/>'."""
    return f"{entry_id}/{path}"


def media_source(entry_id: str, path: str) -> str:
    """The original's path in the repository, as editors see it."""
    return f"{MEDIA_SOURCE}/{media_key(entry_id, path)}"


def absolute(site_url: str, site_path: str) -> str:
    """The absolute URL of a site path under the public address (which ends with '/')."""
    return site_url + site_path.lstrip("/")
