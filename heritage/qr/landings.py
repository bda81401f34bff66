"""The permanent QR landings: /q/<id>/ for every entry id and every former id (alias).

A tiny page that forwards to the entry in the visitor's language: `?lang=vi|en` wins,
otherwise the first of the browser's languages that is Vietnamese or English,
otherwise English; two plain links work without JavaScript. Rendered from
`pages/templates/qr_landing.html` like every other page fragment.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from heritage import urls
from heritage.pages.onsite import ONSITE_FRAGMENT
from heritage.pages.theme_colors import Palette
from heritage.pages.renderer import environment


def landing_page(entry, code: str, canonical: str, fragment: str = "", palette: Palette = Palette()) -> str:
    """The /q/<code>/ page: forwards by script, two plain links without it. `entry` is an
    entry or a trail: anything with a name and a url per language. `fragment` (an entry's
    #tai-cho) opens the page on what a visitor at the place needs: a fragment, not a query,
    so the page stays the one cached file."""
    template = environment().get_template("qr_landing.html")
    return template.render(
        vi="../../" + entry.url("vi") + fragment,
        en="../../" + entry.url("en") + fragment,
        name_vi=entry.name("vi"),
        name_en=entry.name("en"),
        canonical=canonical,
        palette=palette,
    ) + "\n"


def write_landings(site, site_root: Path, finish: Callable[[str], str] | None = None, only: set[str] | None = None) -> list[str]:
    """/q/<code>/index.html for every id and alias; returns the codes written.

    `finish` is applied to each page's HTML before it is written (the security pass);
    `only`: these entries' landings alone (the live preview, after they changed).
    """
    written = []
    for entry in site.inventory.entries.values():
        if only is not None and entry.id not in only:
            continue
        canonical = site.absolute(entry.url("vi"))
        for code in [entry.id, *entry.data.aliases]:
            target = site_root / urls.qr_landing(code) / "index.html"
            target.parent.mkdir(parents=True, exist_ok=True)
            page = landing_page(entry, code, canonical, "#" + ONSITE_FRAGMENT, site.settings.colors.palette)
            target.write_text(finish(page) if finish else page, encoding="utf-8")
            written.append(code)
    for trail in site.inventory.trails.values():  # a trail's sign: /q/<trail-id>/
        if only is not None and trail.id not in only:
            continue
        target = site_root / urls.qr_landing(trail.id) / "index.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        page = landing_page(trail, trail.id, site.absolute(trail.url("vi")), palette=site.settings.colors.palette)
        target.write_text(finish(page) if finish else page, encoding="utf-8")
        written.append(trail.id)
    return written
