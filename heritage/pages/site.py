"""The site as a whole: which page is what, what to add to it, which files to write besides pages.

This is the engine-independent core the MkDocs hooks call. It knows pages by their
path under docs/ (`vi/di-tich/dinh-tan-an.md`) and by their URL, never by MkDocs
objects, so that a move to another engine only rewrites hooks/.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit
from pathlib import Path

from heritage.checks import run as checks
from heritage import clock
from heritage.column import feed as feeds
from heritage.calendar import ical
from heritage.checks import links
from heritage.outputs import opendata
from heritage.qr import codes as qr
from heritage.pages import render
from heritage.outputs import search
from heritage.outputs import security
from heritage.outputs import sitemap
from heritage.outputs import structured_data
from heritage.content import translations
from heritage.content.inventory import Inventory, cached_inventory
from heritage.media.library import MediaLibrary
from heritage.content.settings import load_settings
from heritage.problems import ContentError, Problem
from heritage.sections import COLUMN, ENTRY_SECTIONS, LANGUAGES
from heritage.text import nfc

LOCALES = {"vi": "vi_VN", "en": "en_US"}

# Pages whose Markdown is followed by a block the data makes: kind → renderer(site, lang, base).
APPENDED = {
    "home": render.home,
    "column": render.column_index,
    "map": render.places,
    "calendar": render.festivals,
    "search": render.search_page,
    "open-data": render.open_data,
    "translations": render.translation_table,
}
CALENDAR = "lich-le-hoi"
EDITORS = "bien-tap"
SEARCH = "tim-kiem"
MAP = "ban-do"
OPEN_DATA = "du-lieu"


# Random per run, so that no comment an editor writes can be taken for a marker.
_MARKER_TOKEN = secrets.token_hex(6)


def _marker(i: int) -> str:
    """Stands for a block in the Markdown; Python-Markdown passes a lone comment through."""
    return f"<!-- heritage-block-{_MARKER_TOKEN}-{i} -->"


@dataclass(frozen=True)
class PageKind:
    lang: str
    kind: str  # home, catalogue, entry, column, post, map, calendar, open-data, search, translations, page
    key: str = ""  # section for catalogue/entry, id or slug


def classify(src_uri: str) -> PageKind | None:
    """What a Markdown file under docs/ is, from its path alone."""
    parts = src_uri.replace("\\", "/").split("/")
    if len(parts) < 2 or parts[0] not in LANGUAGES:
        return None
    lang, rest = parts[0], parts[1:]
    if rest == ["index.md"]:
        return PageKind(lang, "home")
    if len(rest) == 2:
        folder, name = rest
        stem = name[:-3] if name.endswith(".md") else name
        if folder in ENTRY_SECTIONS:
            return PageKind(lang, "catalogue", folder) if name == "index.md" else PageKind(lang, "entry", stem)
        if folder == COLUMN.key:
            return PageKind(lang, "column") if name == "index.md" else PageKind(lang, "post", stem)
        if name == "index.md" and folder == MAP:
            return PageKind(lang, "map")
        if name == "index.md" and folder == CALENDAR:
            return PageKind(lang, "calendar")
        if name == "index.md" and folder == OPEN_DATA:
            return PageKind(lang, "open-data")
        if name == "index.md" and folder == SEARCH:
            return PageKind(lang, "search")
        if name == "index.md" and folder == EDITORS:
            return PageKind(lang, "translations")
    return PageKind(lang, "page")


def relative_base(page_url: str) -> str:
    """'../' for every folder between the page and the site root."""
    depth = len([p for p in page_url.strip("/").split("/") if p])
    return "../" * depth


class Site:
    """Validated content plus prepared media; built once per content state."""

    def __init__(self, root: Path, inventory: Inventory, site_url: str = ""):
        self.root = root
        self.inventory = inventory
        self.site_url = site_url.rstrip("/") + "/" if site_url else ""
        self.own_host = urlsplit(self.site_url).hostname or ""  # links to it need no rel=noopener
        self.today = clock.today()
        try:
            self.qr_url: str | None = qr.public_site_url(site_url)
        except qr.SiteUrlError:
            self.qr_url = None  # a local preview: landings yes, printable codes no
        self.settings, _ = load_settings(root)
        self.translations = {pair.rel: pair for pair in translations.survey(root)}
        self.page_urls = links.known_pages(root / "docs")
        self.page_errors: list[Problem] = []
        self._blocks: dict[str, list[str]] = {}  # src_uri → HTML blocks waiting for `finish`
        self.script_hashes: set[str] = set()  # of every page secured in this process
        self.search = search.SearchIndex()
        self.media = MediaLibrary(root, inventory, {lang: self.settings.site_name(lang) for lang in LANGUAGES})
        pairs = list(self.translations.values())
        problems = [p for p in checks.content_problems(root, inventory=inventory, pairs=pairs, schedule=False, warnings=False) if p.is_error]
        if not problems:
            problems.extend(self.media.prepare())
        if problems:
            raise ContentError(problems)

    @property
    def images(self):
        return self.media.images

    def absolute(self, site_path: str) -> str:
        """Absolute URL of a site path, from the configured site URL."""
        return self.site_url + site_path.lstrip("/")

    def is_published(self, src_uri: str) -> bool:
        """False for a column post dated after today: it waits for its date."""
        kind = classify(src_uri)
        if kind is None or kind.kind != "post":
            return True
        post = self.inventory.post(kind.lang, kind.key)
        return post is None or post.date <= self.today

    def public_pages(self) -> list[str]:
        """Paths under docs/<lang>/ of the pages visitors and search engines see."""
        hidden = (EDITORS + "/", SEARCH + "/")
        return [rel for rel in sorted(self.translations) if not rel.startswith(hidden) and self.is_published(f"{LANGUAGES[0]}/{rel}")]

    # --- pages ------------------------------------------------------------------------

    def _index(self, kind: PageKind, page_url: str, title: str, markdown: str) -> None:
        """Record the page for its language's search index."""
        lang = kind.lang
        if kind.kind in ("search", "translations"):
            return
        if kind.kind == "entry" and kind.key in self.inventory.entries:
            entry = self.inventory.entries[kind.key]
            label = f"{ENTRY_SECTIONS[entry.section].label(lang)} · {self.inventory.vocabulary.type_label(entry.section, entry.data.type, lang)}"
            section = ENTRY_SECTIONS[entry.section].label(lang)
            self.search.add(lang, page_url, entry.name(lang), "entry", label, entry.data.summary(lang), markdown, section)
            return
        if kind.kind == "post":
            post = self.inventory.post(lang, kind.key)
            if post is not None:
                self.search.add(lang, page_url, post.meta.title, "post", COLUMN.label(lang), post.meta.summary, markdown)
            return
        label = ENTRY_SECTIONS[kind.key].label(lang) if kind.kind == "catalogue" else ""
        self.search.add(lang, page_url, title or label, "page", label, "", markdown)

    def enrich(self, src_uri: str, page_url: str, markdown: str, title: str = "") -> str:
        """The Markdown MkDocs should render for this page.

        The blocks made from data are HTML: they stand in the Markdown as comment markers
        and replace them in `finish`, so Python-Markdown never parses them (parsing them as
        raw HTML was a third of the Markdown time of an entry page).
        """
        markdown = nfc(markdown)
        kind = classify(src_uri)
        if kind is None:
            return markdown
        self._index(kind, page_url, title, markdown)
        base = relative_base(page_url)
        lang = kind.lang
        notice = self._translation_notice(src_uri, lang, base)
        heading, head, tail = "", "", ""
        if kind.kind == "entry" and kind.key in self.inventory.entries:
            entry = self.inventory.entries[kind.key]
            heading = f"# {entry.name(lang)}"  # first, so that MkDocs takes the page title from it
            head, tail = render.entry_blocks(self, entry, lang, base)
        elif kind.kind == "post" and (post := self.inventory.post(lang, kind.key)) is not None:
            head, tail = render.post_blocks(self, post, lang, base, markdown)
        elif kind.kind == "catalogue":
            tail = render.catalogue(self, kind.key, lang, base)
        elif kind.kind in APPENDED:
            tail = APPENDED[kind.kind](self, lang, base)
        above = [b for b in (notice, head) if b]
        if not (above or tail):
            return markdown
        self._blocks[src_uri] = above + ([tail] if tail else [])
        markers = [_marker(i) for i in range(len(self._blocks[src_uri]))]
        parts = [heading, *markers[: len(above)], markdown.strip(), *markers[len(above):]]
        return "\n\n".join(p for p in parts if p) + "\n"

    def finish(self, src_uri: str, html: str) -> str:
        """The page's HTML with the blocks of `enrich` in place of their markers."""
        for i, block in enumerate(self._blocks.pop(src_uri, [])):
            html = html.replace(_marker(i), block, 1)
        return html

    def _translation_notice(self, src_uri: str, lang: str, base: str) -> str:
        """On a stale English page, tell readers the Vietnamese original is newer."""
        if lang == LANGUAGES[0]:
            return ""
        pair = self.translations.get(src_uri.split("/", 1)[1])
        if pair is None or pair.status != "stale":
            return ""
        return render.translation_notice(self, lang, base, links.page_url(f"{LANGUAGES[0]}/{pair.rel}"))

    def head(self, src_uri: str, page_url: str) -> dict:
        """What a page's <head> says to search engines, feed readers and share previews."""
        kind = classify(src_uri)
        if kind is None:
            return {}
        lang, rel = kind.lang, src_uri.split("/", 1)[1]
        other = [l for l in LANGUAGES if l != lang]
        info: dict = {
            "lang": lang,
            "locale": LOCALES[lang],
            "alternate_locales": [LOCALES[l] for l in other],
            "canonical": self.absolute(page_url),
            "alternates": [{"lang": l, "href": self.absolute(links.page_url(f"{l}/{rel}"))} for l in LANGUAGES if rel in self.translations],
            "x_default": self.absolute(links.page_url(f"{LANGUAGES[0]}/{rel}")),
            "feed": self.absolute(feeds.feed_path(lang)),
            "feed_title": f"{feeds.CHANNEL_TEXT[lang][0]} — {self.settings.site_name(lang)}",
            "site_name": self.settings.site_name(lang),
            "type": "website",
            "noindex": kind.kind == "translations",
        }
        image = self.social_image(src_uri)
        if image:
            info["image"] = self.absolute(image)
        info["map"] = kind.kind == "map"
        info["search"] = kind.kind == "search"
        if kind.kind == "open-data":
            info["jsonld"] = structured_data.script_safe(structured_data.dataset_jsonld(self, lang))
        if kind.kind == "entry" and kind.key in self.inventory.entries:
            entry = self.inventory.entries[kind.key]
            info["description"] = entry.data.summary(lang)
            info["type"] = "article"
            info["jsonld"] = structured_data.script_safe(structured_data.entry_jsonld(self, entry, lang, self.today))
        elif kind.kind == "post":
            post = self.inventory.post(lang, kind.key)
            if post is not None:
                info.update(description=post.meta.summary, type="article", published=post.date.isoformat())
        return info

    def social_image(self, src_uri: str) -> str | None:
        """Site path of the page's social preview card."""
        kind = classify(src_uri)
        if kind is None:
            return None
        key = kind.key if kind.kind == "entry" else f"post:{kind.key}" if kind.kind == "post" else ""
        return self.media.social.get((kind.lang, key)) or self.media.social.get((kind.lang, ""))

    def check_page(self, src_uri: str, page_url: str, source: str, html: str) -> None:
        """Safety and link checks on the HTML MkDocs rendered; errors abort at the end."""
        if not checks.needs_page_check(source):
            return  # no raw HTML, attributes or links in the source: nothing to find
        rel = f"docs/{src_uri}"
        found = checks.page_problems(rel, source, html, page_url, self.root / "docs", self.page_urls)
        self.page_errors.extend(p for p in found if p.is_error)

    # --- after the build --------------------------------------------------------------

    def secure(self, html: str) -> str:
        """A finished HTML file with its Content-Security-Policy and safe external links."""
        html, hashes = security.secure_page(html, self.own_host)
        self.script_hashes |= hashes
        return html

    def write_language_outputs(self, lang: str, site_root: Path) -> None:
        """What one language's pages add up to: its search index. `site_root` is the whole
        site's root (not /en/). Raises the problems found in its pages."""
        if self.page_errors:
            errors, self.page_errors = self.page_errors, []
            raise ContentError(errors)
        self.search.write(lang, site_root)

    def write_shared_outputs(self, site_root: Path, secure: bool = True) -> None:
        """Files that come from the data alone, not from any page, so they can be written while
        the pages are built: feeds, calendars, media, open data, QR landings and codes, sitemap.

        `secure=False` (live preview) leaves out the Content-Security-Policy, which would
        block the preview server's reload script.
        """
        for lang in LANGUAGES:
            feeds.write_feed(self, lang, site_root, self.absolute)
            ical.write_ics(self, lang, site_root, self.today)
        self.media.publish(site_root)
        opendata.write_open_data(self, site_root)
        qr.write_landings(self, site_root, self.secure if secure else None)
        if self.qr_url:
            qr.write_codes(self, site_root, self.qr_url, self.root / ".cache" / "qr")
        sitemap.write_sitemap(self, site_root, self.absolute)

    def write_site_outputs(self, site_root: Path, secure: bool = True, script_hashes: Iterable[str] = ()) -> None:
        """Files that cover every page of every language, once all are written.

        `script_hashes`: inline-script hashes of pages secured in other processes.
        """
        if secure:
            security.write_headers(site_root, self.script_hashes | set(script_hashes))
        self.script_hashes = set()


_SITES: dict[Path, tuple[tuple, Site]] = {}


def load_site(root: Path, site_url: str = "") -> Site:
    """The Site for the current content; raises ContentError listing every problem."""
    root = Path(root).resolve()
    inventory = cached_inventory(root)
    key = (id(inventory), site_url)
    hit = _SITES.get(root)
    if hit and hit[0] == key:
        return hit[1]
    site = Site(root, inventory, site_url)
    _SITES[root] = (key, site)
    return site


def site_root_of(site_dir: str | os.PathLike, lang: str) -> Path:
    """static-i18n builds /en/ into site/en; outputs shared by both languages go to site/."""
    path = Path(site_dir)
    return path.parent if lang != LANGUAGES[0] and path.name == lang else path
