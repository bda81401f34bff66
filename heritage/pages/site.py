"""The site as a whole: which page is what, what to add to it, which files to write besides pages.

This is the engine-independent core the MkDocs hooks call. It knows pages by their
path under docs/ (`vi/di-tich/dinh-lang.md`) and by their URL, never by MkDocs
objects, so that a move to another engine only rewrites hooks/.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import urlsplit

from heritage import clock, i18n, urls
from heritage.calendar import ical
from heritage.checks import links
from heritage.checks import run as checks
from heritage.column import feed, podcast
from heritage.content import translations
from heritage.content.inventory import Inventory
from heritage.content.loader import cached_inventory
from heritage.content.settings import effective_site_url
from heritage.editor import page as admin_page
from heritage.map import basemap
from heritage.media import emblem, fonts
from heritage.media.cache import project_cache
from heritage.media.library import MediaLibrary
from heritage.outputs import (
    minify,
    opendata,
    search,
    security,
    sitemap,
    structured_data,
    webapp,
)
from heritage.outputs.sanitise import sanitise
from heritage.pages import events_pages, home, onsite, render, renderer, theme_colors
from heritage.pages import practical as practical_page
from heritage.pages.head import LOCALES, Alternate, Crumb, PageHead
from heritage.pages.kinds import classify, heading, plain, relative_base
from heritage.problems import ContentError, Problem
from heritage.qr import codes as qr_codes
from heritage.qr import landings as qr_landings
from heritage.sections import COLUMN, ENTRY_SECTIONS, LANGUAGES
from heritage.text import nfc
from heritage.printed import brochure
from heritage.trails import gpx as trail_gpx
from heritage.events.jsonld import event_jsonld
from heritage.media_bank import downloads as bank_downloads, items as bank_items, page as bank_page

# Pages whose Markdown is followed by a block the data makes: kind → renderer(data, lang, base).
APPENDED = {
    "column": render.column_index,
    "map": render.places,
    "calendar": render.festivals,
    "search": render.search_page,
    "open-data": render.open_data,
    "translations": render.translation_table,
    "trails": render.trails_index,
    "about": render.about,
    "practical": practical_page.practical,
    "events": events_pages.events_index,
    "media-bank": bank_page.media_bank,
}

# Random per run, so that no comment an editor writes can be taken for a marker.
_MARKER_TOKEN = secrets.token_hex(6)


def _marker(i: int) -> str:
    """Stands for a block in the Markdown; Python-Markdown passes a lone comment through."""
    return f"<!-- heritage-block-{_MARKER_TOKEN}-{i} -->"


_MARKERS = re.compile(rf"<!-- heritage-block-{_MARKER_TOKEN}-(\d+) -->")
# Our own templates' inline scripts (the QR landing's forwarder), trusted by the policy.
OWN_TEMPLATES = Path(__file__).parent / "templates"


_TRUSTED: dict[tuple[Path, ...], security.TrustedScripts] = {}

# Front-matter fields the theme prints as they are (title in <title> and the header,
# description, subtitle, status); `template` would let a page pick any theme template.
THEME_META_TEXT = ("title", "description", "subtitle", "status", "icon")


class Site:
    """Validated content plus prepared media, for one content state (`load_site` makes it)."""

    def __init__(self, root: Path, inventory: Inventory, site_url: str, pairs: list[translations.PagePair], media: MediaLibrary):
        self.root = root
        self.inventory = inventory
        self.settings = inventory.settings
        self.site_url = site_url.rstrip("/") + "/" if site_url else ""
        self.own_host = urlsplit(self.site_url).hostname or ""  # links to it need no rel=noopener
        self.today = clock.today()
        try:
            self.qr_url: str | None = qr_codes.public_site_url(site_url)
        except qr_codes.SiteUrlError:
            self.qr_url = None  # a local preview: landings yes, printable codes no
        self.translations = {pair.rel: pair for pair in pairs}
        self.page_urls = links.known_pages(root / "docs")
        self.page_errors: list[Problem] = []
        self._blocks: dict[str, list[str]] = {}  # src_uri → HTML blocks waiting for `finish`
        self.script_hashes: set[str] = set()  # of every page secured in this process
        self.trusted_scripts = security.TrustedScripts.from_folders([OWN_TEMPLATES])
        self.search = search.SearchIndex()
        self._footers: dict[tuple[str, str], str] = {}
        self.media = media
        self.basemap = basemap.find(root)  # None in an offline build: the opt-in background stays
        self.render_data = renderer.RenderData(inventory, self.translations, media, self.today, self.site_url, qr_codes=self.qr_url is not None, basemap=self.basemap)

    @property
    def images(self):
        return self.media.images

    def absolute(self, site_path: str) -> str:
        """Absolute URL of a site path, from the configured site URL."""
        return urls.absolute(self.site_url, site_path)

    def trust_theme(self, template_folders: Iterable[Path]) -> None:
        """The theme's template folders (custom_dir first): their inline scripts, and only
        those and ours, are allowed by the pages' policy."""
        folders = (*map(Path, template_folders), OWN_TEMPLATES)
        if folders not in _TRUSTED:  # templates are package files: read once per process
            _TRUSTED[folders] = security.TrustedScripts.from_folders(folders)
        self.trusted_scripts = _TRUSTED[folders]

    def is_published(self, src_uri: str) -> bool:
        """False for a column post dated after today: it waits for its date."""
        kind = classify(src_uri)
        if kind is None or kind.kind != "post":
            return True
        post = self.inventory.post(kind.lang, kind.key)
        return post is None or post.date <= self.today

    def public_pages(self) -> list[str]:
        """Paths under docs/<lang>/ of the pages visitors and search engines see."""
        hidden = (urls.EDITORS + "/", urls.SEARCH + "/")
        return [rel for rel in sorted(self.translations) if not rel.startswith(hidden) and self.is_published(f"{LANGUAGES[0]}/{rel}")]

    # --- pages ------------------------------------------------------------------------

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
        self.search.add_page(self.inventory, kind.lang, kind.kind, kind.key, page_url, title, markdown)
        base = relative_base(page_url)
        lang, data = kind.lang, self.render_data
        notice = self._translation_notice(src_uri, lang, base)
        title, head, tail = "", "", ""
        if kind.kind == "entry" and kind.key in self.inventory.entries:
            entry = self.inventory.entries[kind.key]
            title = heading(entry.name(lang))  # first, so that MkDocs takes the page title from it
            head, tail = render.entry_blocks(data, entry, lang, base)
        elif kind.kind == "post" and (post := self.inventory.post(lang, kind.key)) is not None:
            head, tail = render.post_blocks(data, post, lang, base, markdown)
        elif kind.kind == "trail" and kind.key in self.inventory.trails:
            trail = self.inventory.trails[kind.key]
            title = heading(trail.name(lang))  # as for entries: the name is text, never markup
            head, tail = render.trail_blocks(data, trail, lang, base)
        elif kind.kind == "event" and kind.key in self.inventory.events:
            event = self.inventory.events[kind.key]
            title = heading(event.name(lang))
            head, tail = events_pages.event_blocks(data, event, lang, base)
        elif kind.kind == "home":
            head, tail = home.home_blocks(data, lang, base)
        elif kind.kind == "catalogue":
            tail = render.catalogue(data, kind.key, lang, base)
        elif kind.kind in APPENDED:
            tail = APPENDED[kind.kind](data, lang, base)
        above = [b for b in (notice, head) if b]
        if not (above or tail):
            return markdown
        self._blocks[src_uri] = above + ([tail] if tail else [])
        markers = [_marker(i) for i in range(len(self._blocks[src_uri]))]
        parts = [title, *markers[: len(above)], markdown.strip(), *markers[len(above):]]
        return "\n\n".join(p for p in parts if p) + "\n"

    def finish(self, src_uri: str, html: str) -> str:
        """The page's HTML: what the editor wrote sanitised, then the blocks of `enrich` in
        place of their markers (our templates, autoescaped, are not the editor's)."""
        blocks = self._blocks.pop(src_uri, [])
        pieces = _MARKERS.split(html)  # editor's, marker index, editor's, …
        out = []
        for i, piece in enumerate(pieces):
            if i % 2 == 0:
                out.append(sanitise(piece))
            elif int(piece) < len(blocks):
                out.append(blocks[int(piece)])
        return "".join(out)

    @staticmethod
    def plain_meta(meta: dict) -> dict:
        """Front matter as the theme may print it: text fields escaped, no template choice."""
        cleaned = {k: v for k, v in meta.items() if k != "template"}
        for key in THEME_META_TEXT:
            if isinstance(cleaned.get(key), str):
                cleaned[key] = plain(cleaned[key])
        return cleaned

    def _translation_notice(self, src_uri: str, lang: str, base: str) -> str:
        """On a stale English page, tell readers the Vietnamese original is newer."""
        if lang == LANGUAGES[0]:
            return ""
        pair = self.translations.get(src_uri.split("/", 1)[1])
        if pair is None or pair.status != "stale":
            return ""
        return render.translation_notice(self.render_data, lang, base, urls.from_source(f"{LANGUAGES[0]}/{pair.rel}"))

    def head(self, src_uri: str, page_url: str) -> PageHead | None:
        """What a page's <head> says to search engines, feed readers and share previews."""
        kind = classify(src_uri)
        if kind is None:
            return None
        lang, rel = kind.lang, src_uri.split("/", 1)[1]
        fields: dict = {}
        image = self.social_image(src_uri)
        if image:
            fields.update(image=self.absolute(image), image_alt=self.social_alt(src_uri))
        if kind.kind == "open-data":
            fields["jsonld"] = structured_data.script_safe(structured_data.dataset_jsonld(self, lang))
        crumbs_above: list[tuple[str, str]] = []  # breadcrumbs: (name, site path) down to this page
        if kind.kind == "media-bank":
            fields["jsonld"] = structured_data.script_safe(bank_page.image_objects(self, lang))
        if kind.kind == "entry" and kind.key in self.inventory.entries:
            entry = self.inventory.entries[kind.key]
            crumbs_above = [(i18n.t("home", lang), urls.page(lang)), (ENTRY_SECTIONS[entry.section].label(lang), urls.page(lang, entry.section)), (entry.name(lang), page_url)]
            jsonld = structured_data.script_safe(structured_data.entry_jsonld(self, entry, lang, self.today))
            fields.update(description=entry.data.summary(lang), type="article", jsonld=jsonld)
        elif kind.kind == "post" and (post := self.inventory.post(lang, kind.key)) is not None:
            crumbs_above = [(i18n.t("home", lang), urls.page(lang)), (COLUMN.label(lang), urls.page(lang, COLUMN.key)), (post.meta.title, page_url)]
            jsonld = structured_data.script_safe(structured_data.post_jsonld(self, post, lang))
            fields.update(description=post.meta.summary, type="article", published=post.date.isoformat(), jsonld=jsonld)
        elif kind.kind == "column" and podcast.has_episodes(self, lang):
            fields.update(podcast=self.absolute(podcast.podcast_path(lang)), podcast_title=f"{i18n.t('podcast', lang)} — {self.settings.site_name(lang)}")
        elif kind.kind == "trail" and kind.key in self.inventory.trails:
            trail = self.inventory.trails[kind.key]
            crumbs_above = [(i18n.t("home", lang), urls.page(lang)), (i18n.t("trails", lang), urls.page(lang, urls.TRAILS)), (trail.name(lang), page_url)]
            jsonld = structured_data.script_safe(structured_data.trail_jsonld(self, trail, lang))
            fields.update(description=trail.data.summary(lang), jsonld=jsonld, map=True, trail=True)
        elif kind.kind == "practical" and self.settings.practical is not None:
            crumbs_above = [(i18n.t("home", lang), urls.page(lang)), (practical_page.word("plan_your_trip", lang), page_url)]
            fields["jsonld"] = structured_data.script_safe(structured_data.destination_jsonld(self, lang))
        elif kind.kind == "event" and kind.key in self.inventory.events:
            event = self.inventory.events[kind.key]
            crumbs_above = [(i18n.t("home", lang), urls.page(lang)), (i18n.t("events", lang), urls.page(lang, urls.EVENTS)), (event.name(lang), page_url)]
            jsonld = structured_data.script_safe(event_jsonld(self, event, lang, self.today))
            fields.update(description=event.data.summary(lang), jsonld=jsonld)
        if crumbs_above:
            fields["jsonld_breadcrumbs"] = structured_data.script_safe(structured_data.breadcrumbs_jsonld(self, crumbs_above))
            base = relative_base(page_url)
            crumbs = [Crumb(name, (base + path) or "./") for name, path in crumbs_above[:-1]] + [Crumb(crumbs_above[-1][0], "")]
            fields.update(breadcrumbs=tuple(crumbs), breadcrumbs_label=i18n.t("breadcrumbs", lang))
        return PageHead(
            lang=lang,
            locale=LOCALES[lang],
            alternate_locales=[LOCALES[other] for other in LANGUAGES if other != lang],
            canonical=self.absolute(page_url),
            alternates=[Alternate(l, self.absolute(urls.from_source(f"{l}/{rel}"))) for l in LANGUAGES if rel in self.translations],
            x_default=self.absolute(urls.from_source(f"{LANGUAGES[0]}/{rel}")),
            feed=self.absolute(urls.feed(lang)),
            feed_title=f"{feed.CHANNEL_TEXT[lang][0]} — {self.settings.site_name(lang)}",
            site_name=self.settings.site_name(lang),
            is_home=kind.kind == "home",
            noindex=kind.kind in ("translations", "search"),  # a results page is no page to land on
            manifest=relative_base(page_url) + urls.manifest(lang),
            theme_color=self.settings.colors.primary,
            map=fields.pop("map", kind.kind == "map"),
            search=kind.kind == "search",
            footer=self._footer(lang, relative_base(page_url)),
            logo=urls.LOGO if self.settings.logo else None,
            **fields,
        )

    def _footer(self, lang: str, base: str) -> str:
        """The same for every page at the same depth: rendered once per language and depth."""
        key = (lang, base)
        if key not in self._footers:
            self._footers[key] = render.footer(self.render_data, lang, base)
        return self._footers[key]

    def social_image(self, src_uri: str) -> str | None:
        """Site path of the page's social preview card."""
        return self._card(src_uri, self.media.social)

    def social_alt(self, src_uri: str) -> str | None:
        """The alt text of the page's social preview card (og:image:alt, twitter:image:alt)."""
        return self._card(src_uri, self.media.social_alt)

    @staticmethod
    def _card(src_uri: str, cards: dict[tuple[str, str], str]) -> str | None:
        kind = classify(src_uri)
        if kind is None:
            return None
        key = kind.key if kind.kind == "entry" else f"post:{kind.key}" if kind.kind == "post" else ""
        return cards.get((kind.lang, key)) or cards.get((kind.lang, ""))

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
        html, hashes = security.secure_page(html, self.trusted_scripts, self.own_host)
        self.script_hashes |= hashes
        return html

    def write_language_outputs(self, lang: str, site_root: Path) -> None:
        """What one language's pages add up to: its search index. `site_root` is the whole
        site's root (not /en/). Raises the problems found in its pages."""
        if self.page_errors:
            errors, self.page_errors = self.page_errors, []
            raise ContentError(errors)
        self.search.write(lang, site_root)

    def write_shared_outputs(self, site_root: Path, reach=None) -> None:
        """Files that come from the data alone, not from any page, so they can be written while
        the pages are built: feeds, calendars, media, open data, QR landings and codes, sitemap.
        Their pages carry the policy in the live preview too (the hooks allow its reload script).
        /admin/ first: in the preview of content with errors it is how they get fixed, whatever
        of the rest cannot be written. `reach` (the live preview's `incremental.Reach`): only
        the outputs a change reaches are written again."""
        reaches = reach.reaches if reach is not None else (lambda name, key=None: True)
        ids = reach.ids if reach is not None else None
        inv = self.inventory
        admin_page.write_admin(self.root, site_root, self.settings, inv.vocabulary, inv)
        # Keys are the (frozen) models themselves: an unchanged entry keeps its objects, compared at once.
        ics = reaches("ics", lambda: [e.data for e in [*ical.festivals.festivals(inv), *inv.events.values()]])
        podcast.write_feeds(self, site_root)
        for lang in LANGUAGES:
            feed.write_feed(self, lang, site_root, self.absolute)
            if ics:
                ical.write_ics(self, lang, site_root, self.today)
        if reaches("media", lambda: [getattr(e.data, "media", None) for e in [*inv.entries.values(), *inv.events.values()]]):
            self.media.publish(site_root)
            bank_downloads.publish(self.render_data, site_root)
            onsite.write_subtitles(self.render_data, site_root)
        elif reaches("open-data"):  # the cards, press kits' credits and the bank's index name their entry
            self.media.publish_cards(site_root, missing_only=True)
            bank_downloads.publish(self.render_data, site_root, ids)
        if reaches("theme"):
            self.write_theme_files(site_root)
        if reaches("open-data"):
            opendata.write_open_data(self, site_root)
        if reaches("landings"):
            qr_landings.write_landings(self, site_root, self.secure, ids)
        if reaches("webapp"):
            webapp.write_webapp(self, site_root, self.secure)
        if reaches("basemap"):
            basemap.publish(self.basemap, site_root)
        if self.qr_url and reaches("qr-codes"):
            qr_codes.write_codes(self, site_root, self.qr_url, self.root / ".cache" / "qr", ids)
        if reaches("gpx"):
            trail_gpx.write_gpx(self, site_root)
        # the brochure prints the site's code: only with a public address
        if self.qr_url and reaches("brochure", lambda: brochure.printed(inv, self.qr_url, self.today)):
            brochure.write_site_brochure(self, site_root)
        sitemap.write_sitemap(self, site_root, self.absolute, keep=reach is not None)
        if self.qr_url:  # robots.txt names the sitemap by its absolute URL: only with a public address
            sitemap.write_robots(site_root, self.absolute(sitemap.SITEMAP_FILE))

    @staticmethod
    def discard_output(site_root: Path) -> None:
        """Empty the output folder of a build that failed (as MkDocs empties it before one):
        pages with content that broke the rules must not stay there to be deployed."""
        import shutil

        if not site_root.is_dir():
            return
        for child in site_root.iterdir():
            if child.is_dir() and not child.is_symlink():
                shutil.rmtree(child, ignore_errors=True)
            else:
                child.unlink(missing_ok=True)

    def write_theme_files(self, site_root: Path) -> None:
        """The headings' font (a subset of Be Vietnam Pro) and the ward's logo, if it gave one,
        as a PNG drawn from it (never the uploaded file: an SVG can carry scripts)."""
        fonts.write_heading_font(site_root, project_cache(self.root, "fonts"), urls.HEADING_FONT)
        (site_root / urls.THEME_COLORS).parent.mkdir(parents=True, exist_ok=True)
        (site_root / urls.THEME_COLORS).write_text(theme_colors.stylesheet(self.settings.colors.palette), encoding="utf-8")
        if self.settings.logo:
            emblem.publish(self.root, self.settings.logo, site_root / urls.LOGO)

    def write_site_outputs(self, site_root: Path, script_hashes: Iterable[str] = ()) -> None:
        """Files that cover every page of every language, once all are written.

        `script_hashes`: inline-script hashes of pages secured in other processes.
        """
        webapp.stamp_service_worker(site_root, self.settings.slug)
        security.write_headers(site_root, self.script_hashes | set(script_hashes))
        admin_page.append_headers(site_root)
        minify.minify_assets(site_root)
        self.script_hashes = set()


_SITES: dict[Path, tuple[tuple, Site]] = {}


def load_site(root: Path, configured_url: str = "", cache: dict | None = None) -> Site:
    """The Site for the current content, validated and with its media prepared; raises
    ContentError listing every problem. `configured_url`: the engine's own site URL, used
    when neither SITE_URL nor data/site.yml gives one. `cache`: the live preview's (heritage.memo)."""
    root = Path(root).resolve()
    inventory = cached_inventory(root)
    site_url = effective_site_url(inventory.settings, configured_url)
    key = (id(inventory), site_url)
    hit = _SITES.get(root)
    if hit and hit[0] == key:
        return hit[1]
    pairs = translations.survey(root, cache)
    problems = [p for p in checks.content_problems(root, inventory=inventory, pairs=pairs, schedule=False, warnings=False, cache=cache) if p.is_error]
    media = MediaLibrary(root, inventory, {lang: inventory.settings.site_name(lang) for lang in LANGUAGES}, cache)
    if not problems:
        problems.extend(media.prepare())
        problems.extend(podcast.prepare_episodes(inventory, media))  # in the media's cache
    if problems:
        raise ContentError(problems)
    site = Site(root, inventory, site_url, pairs, media)
    bank_items.bank_of(site.render_data)  # downloads made before the build forks: pages print their sizes
    _SITES[root] = (key, site)
    return site
