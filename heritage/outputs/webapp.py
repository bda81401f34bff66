"""What makes the site work offline and installable: the offline page of each language,
the list of files the service worker keeps at install, a web app manifest per language
and its icons and the favicon, drawn from the ward's emblem (`logo:` in data/site.yml) or, without
one, from the engine's own glyph in white on the ward's primary colour.

The service worker (overrides/sw.js) knows no address itself: it reads
`offline-files.json`, written here from heritage/urls.py.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

from fontTools.pens.basePen import BasePen
from fontTools.svgLib.path import parse_path
from PIL import Image, ImageDraw

from heritage import urls
from heritage.i18n import t
from heritage.media import emblem
from heritage.pages import theme_colors
from heritage.pages.renderer import environment, texts
from heritage.sections import LANGUAGES

# The site's logo: Material Design Icons' "bank" (Pictogrammers, Apache License 2.0), the
# icon mkdocs.yml shows in the header; copied here so the icons need no theme.
LOGO_PATH = "M11.5 1 2 6v2h19V6m-5 4v7h3v-7M2 22h19v-3H2m8-9v7h3v-7m-9 0v7h3v-7z"
LOGO_BOX = 24
BACKGROUND_COLOR = theme_colors.PAPER


class _PolygonPen(BasePen):
    """Collects the logo's outlines as polygons for Pillow (the logo has straight lines only;
    curves, should a logo have them, are flattened by BasePen)."""

    def __init__(self):
        super().__init__(None)
        self.polygons: list[list[tuple[float, float]]] = []

    def _moveTo(self, pt):
        self.polygons.append([pt])

    def _lineTo(self, pt):
        self.polygons[-1].append(pt)

    def _curveToOne(self, pt1, pt2, pt3):
        start = self._getCurrentPoint()
        for i in range(1, 9):
            u = i / 8
            self.polygons[-1].append(tuple(
                (1 - u) ** 3 * s + 3 * (1 - u) ** 2 * u * a + 3 * (1 - u) * u**2 * b + u**3 * e
                for s, a, b, e in zip(start, pt1, pt2, pt3)
            ))

    def _closePath(self):
        pass


# How much of an icon the logo spans. A "maskable" icon keeps it within the middle 60 %:
# launchers may cut the square to a circle of 80 % (the safe zone), and the logo's corners
# stay inside it. Other icons (manifest "any", the tab's, iOS's) show the whole square.
MASKABLE_GLYPH = 0.6
PLAIN_GLYPH = 0.8


def app_icon(size: int, glyph_share: float = MASKABLE_GLYPH, color: str = theme_colors.DEFAULT_PRIMARY) -> Image.Image:
    """The logo in white on the theme colour, opaque, spanning `glyph_share` of the side.
    Two colours and their edges: 16 palette entries keep it smooth at less than half the
    bytes (every page's first view fetches the favicon)."""
    scale = 4  # drawn larger, then reduced: smooth edges
    big = size * scale
    image = Image.new("RGB", (big, big), color)
    pen = _PolygonPen()
    parse_path(LOGO_PATH, pen)
    glyph = big * glyph_share
    offset = (big - glyph) / 2
    draw = ImageDraw.Draw(image)
    for polygon in pen.polygons:
        if len(polygon) > 2:
            draw.polygon([(offset + x * glyph / LOGO_BOX, offset + y * glyph / LOGO_BOX) for x, y in polygon], fill="#ffffff")
    return image.resize((size, size), Image.Resampling.LANCZOS).quantize(16)


def emblem_icon(root: Path, source: str, size: int, glyph_share: float) -> Image.Image:
    """The ward's emblem, drawn at the icon's own size (an SVG stays sharp at 512 px), on an
    opaque white square: iOS fills a transparent touch icon with black, and a launcher's mask
    would cut into a transparent one. Raises emblem.EmblemError, reported by `make check`."""
    glyph = max(1, round(size * glyph_share))
    drawn = emblem.load(root, source, glyph)
    image = Image.new("RGBA", (size, size), (255, 255, 255, 255))
    image.alpha_composite(drawn, ((size - glyph) // 2, (size - glyph) // 2))
    return image.convert("RGB").quantize(256)


# Every icon the build draws: site path → (side in pixels, share of the side the logo spans).
ICON_FILES = {
    **{path: (size, PLAIN_GLYPH) for size, path in urls.APP_ICONS.items()},
    **{path: (size, MASKABLE_GLYPH) for size, path in urls.MASKABLE_ICONS.items()},
    urls.FAVICON: (urls.FAVICON_SIZE, PLAIN_GLYPH),
    urls.APPLE_TOUCH_ICON: (urls.APPLE_TOUCH_ICON_SIZE, PLAIN_GLYPH),
}


def app_id(site, lang: str) -> str:
    """The app's identity: the path of the language's home page from the host's root
    ("/", "/en/", "/<project>/en/"). Browsers resolve `id` against the origin, so "./"
    would make both languages one app; the path keeps them two, and stable however the
    manifest moves."""
    base = urlsplit(site.site_url).path or "/"
    return base.rstrip("/") + "/" + urls.prefix(lang)


SW_PREFIX = re.compile(r'^const PREFIX = "[^"\n]*";$', re.MULTILINE)


def stamp_service_worker(site_root: Path, slug: str) -> None:
    """The service worker's caches are named after the site (`<slug>-pages-v2`, …), so two sites
    on one host never share them: the build writes the slug into the copy of overrides/sw.js."""
    path = site_root / "sw.js"
    if path.is_file():
        path.write_text(SW_PREFIX.sub(f'const PREFIX = "{slug}-";', path.read_text(encoding="utf-8"), count=1), encoding="utf-8")


def manifest(site, lang: str) -> dict:
    """The language's web app manifest: opens on the language's home page."""
    depth = "../" * urls.prefix(lang).count("/")
    return {
        "name": site.settings.site_name(lang),
        "short_name": site.settings.site_name(lang),
        "description": site.settings.app_description(lang),
        "lang": lang,
        "start_url": "./",
        "scope": "./",
        "id": app_id(site, lang),
        "display": "standalone",
        "theme_color": site.settings.colors.primary,
        "background_color": BACKGROUND_COLOR,
        # "any" and "maskable" apart: one icon for both is either cut (too large for a mask)
        # or small in its square (padded for one).
        "icons": [
            {"src": depth + path, "sizes": f"{size}x{size}", "type": "image/png", "purpose": purpose}
            for purpose, icons in (("any", urls.APP_ICONS), ("maskable", urls.MASKABLE_ICONS))
            for size, path in icons.items()
        ],
    }


def offline_page(site, lang: str) -> str:
    """The page a visitor sees for a page this phone never opened, with no signal."""
    depth = "../" * urls.page(lang, urls.OFFLINE).count("/")
    other = next(l for l in LANGUAGES if l != lang)
    return environment().get_template("offline.html").render(
        lang=lang,
        t=texts(lang),  # the words as a plain dict: the template prints t.key, calling nothing
        site_name=site.settings.site_name(lang),
        home=depth + urls.page(lang) or "./",
        script=depth + urls.OFFLINE_SCRIPT,
        prefix=urls.prefix(lang),
        other_prefixes=[urls.prefix(l) for l in LANGUAGES if urls.prefix(l) and l != lang],
        other_lang=other,
        other_page=depth + urls.page(other, urls.OFFLINE),
        other_label=t("offline_other_language", other),
        favicon=depth + urls.FAVICON,
        favicon_size=urls.FAVICON_SIZE,
        touch_icon=depth + urls.APPLE_TOUCH_ICON,
        touch_icon_size=urls.APPLE_TOUCH_ICON_SIZE,
        palette=site.settings.colors.palette,
    ) + "\n"


# How much the service worker keeps of what a visitor opens (overrides/sw.js), so that our
# site never fills a phone: a browser short of space may evict the whole origin, the offline
# page with it. Counts, not bytes, where files are small and alike; measured in the sample
# build, a page is 22 KB on average and a photo 8-53 KB (AVIF smallest, JPEG largest); a
# 256-px PNG map tile is of the same order.
# - pages 60: more than a day's walk of pages (≈ 1.3 MB);
# - assets 60: styles, scripts and fonts, about 20 per deploy: this one and two before;
# - files 150: photos, map tiles, data (≈ 8 MB at 53 KB each), the last pages' photos;
# - kept: what entry pages asked to keep (page, QR landing, photos, audio guide) for the
#   last 30 entries opened, within 50 MB: audio guides are published as uploaded and a
#   10-minute MP3 is about 10 MB, so the budget, not the count, bounds them.
# In all about 60 MB at most, well under what phones grant a site.
CACHE_LIMITS = {"pages": 60, "assets": 60, "files": 150, "kept_pages": 30, "kept_bytes": 50_000_000}


def offline_files() -> dict:
    """What the service worker keeps at install, where each language's offline page is, and
    how much it keeps of what a visitor opens."""
    pages = {lang: urls.page(lang, urls.OFFLINE) for lang in LANGUAGES}
    return {
        "offline": pages,
        "prefixes": {lang: urls.prefix(lang) for lang in LANGUAGES},
        # Not the icons: the browser fetches them itself when it offers to install the site.
        # The trip page too: emergency numbers and toilets are wanted where there is no signal.
        "precache": [*pages.values(), urls.OFFLINE_SCRIPT, *(urls.page(lang, urls.VISIT) for lang in LANGUAGES)],
        "limits": CACHE_LIMITS,
    }


def write_webapp(site, site_root: Path, finish: Callable[[str], str] | None = None) -> None:
    """Offline pages, offline-files.json, manifests, the app icons and the favicon."""
    logo, primary = site.settings.logo, site.settings.colors.primary
    for rel, (size, glyph_share) in ICON_FILES.items():
        target = site_root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            icon = emblem_icon(site.root, logo, size, glyph_share) if logo else app_icon(size, glyph_share, primary)
        except emblem.EmblemError:  # reported by the check (the live preview writes on): the engine's glyph meanwhile
            icon = app_icon(size, glyph_share, primary)
        icon.save(target, optimize=True)
    for lang in LANGUAGES:
        (site_root / urls.manifest(lang)).parent.mkdir(parents=True, exist_ok=True)
        (site_root / urls.manifest(lang)).write_text(json.dumps(manifest(site, lang), ensure_ascii=False, indent=1), encoding="utf-8")
        page = site_root / urls.page(lang, urls.OFFLINE) / "index.html"
        page.parent.mkdir(parents=True, exist_ok=True)
        html = offline_page(site, lang)
        page.write_text(finish(html) if finish else html, encoding="utf-8")
    (site_root / urls.OFFLINE_FILES).write_text(json.dumps(offline_files()), encoding="utf-8")
