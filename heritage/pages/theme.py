"""The values the theme's own templates (overrides/: the head, the header, the 404 page) print.

Prepared here as plain dicts, strings and numbers, so that those templates call nothing of
ours: they print values, and would render the same under another engine's Jinja (MiniJinja in
Zensical) that cannot call into Python (tests/test_template_boundary.py keeps it so).
"""

from __future__ import annotations

import os
import sysconfig
from typing import TYPE_CHECKING

from jinja2 import FileSystemBytecodeCache, FileSystemLoader
from jinja2.bccache import Bucket, BytecodeCache

from heritage import i18n, urls
from heritage.sections import LANGUAGES

if TYPE_CHECKING:
    from heritage.content.settings import Settings


# A folder where compiled templates are kept from one build to the next (the tests set it: their
# hundreds of builds compile the same templates). Jinja compiles again a template whose text changed.
TEMPLATE_CACHE = "HERITAGE_TEMPLATE_CACHE"


class CompiledTemplates(BytecodeCache):
    """Templates compiled once for the life of a live preview: MkDocs makes a new Jinja
    environment every build, and compiling Material's templates again took 1 s of each refresh.
    Jinja checks each template's source against the checksum kept with its code: an edited
    template is compiled again."""

    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self.code:
            bucket.bytecode_from_string(self.code[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()


_COMPILED = CompiledTemplates()


def bytecode_cache(preview: bool = False) -> BytecodeCache | None:
    """Where compiled templates are kept: TEMPLATE_CACHE's folder when set, else in memory for
    the life of a live preview, else nowhere (one build compiles each template once anyway)."""
    folder = os.environ.get(TEMPLATE_CACHE)
    if folder and os.path.isdir(folder):
        return FileSystemBytecodeCache(folder)
    return _COMPILED if preview else None


def theme_env(env, settings: "Settings", preview: bool = False) -> None:
    """The theme's Jinja environment (MkDocs makes it): `hx_theme`, and the template cache if
    any; in the live preview, the installed themes' files listed once (`keep_listing`)."""
    env.globals.update(theme_globals(settings))
    env.bytecode_cache = bytecode_cache(preview)
    if preview:
        keep_listing()


_LISTED: dict[tuple[str, bool], list[str]] = {}  # an installed theme folder → its files


def _installed(folder: str) -> bool:
    """A folder of an installed package (Material's theme): it does not change while a preview runs."""
    folder = os.path.realpath(folder)
    roots = {os.path.realpath(sysconfig.get_paths()[key]) for key in ("purelib", "platlib")}
    return any(folder == root or folder.startswith(root + os.sep) for root in roots)


def keep_listing() -> None:
    """For the rest of a live preview: MkDocs lists every file of the theme's folders each build,
    to copy the static ones (Material's 10,000 icons: 0.25 s of a refresh at 1,000 entries). The
    folders of installed packages are listed once; the project's own (overrides/), every time."""
    listing = FileSystemLoader.list_templates
    if getattr(listing, "heritage_kept", False):
        return

    def kept(self) -> list[str]:
        found: set[str] = set()
        for folder in self.searchpath:
            alone = FileSystemLoader([folder], encoding=self.encoding, followlinks=self.followlinks)
            key = (os.fspath(folder), self.followlinks)
            if key not in _LISTED and _installed(key[0]):
                _LISTED[key] = listing(alone)
            found.update(_LISTED[key] if key in _LISTED else listing(alone))
        return sorted(found)

    kept.heritage_kept = True
    FileSystemLoader.list_templates = kept


def theme_globals(settings: "Settings") -> dict[str, object]:
    """`hx_theme` for the theme's templates: icon sizes and, per language, the site's name, the
    home page, the search page and its label (site paths, as MkDocs' `url` filter wants them)."""
    return {
        "hx_theme": {
            "favicon_size": urls.FAVICON_SIZE,
            "apple_touch_icon": urls.APPLE_TOUCH_ICON,
            "apple_touch_icon_size": urls.APPLE_TOUCH_ICON_SIZE,
            # The ward's colours, after heritage.css; none for the engine's own (heritage.css has
            # them): a page then makes no extra request for a file that would change nothing.
            "colors": urls.THEME_COLORS if settings.colors != type(settings.colors)() else "",
            "languages": {
                lang: {
                    "site_name": settings.site_name(lang),
                    "home": urls.page(lang),
                    "search": urls.page(lang, urls.SEARCH),
                    "search_label": i18n.t("search_page", lang),
                }
                for lang in LANGUAGES
            },
        }
    }
