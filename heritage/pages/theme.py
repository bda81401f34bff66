"""The values the theme's own templates (overrides/: the head, the header, the 404 page) print.

Prepared here as plain dicts, strings and numbers, so that those templates call nothing of
ours: they print values, and would render the same under another engine's Jinja (MiniJinja in
Zensical) that cannot call into Python (tests/test_template_boundary.py keeps it so).
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from jinja2 import FileSystemBytecodeCache

from heritage import i18n, urls
from heritage.sections import LANGUAGES

if TYPE_CHECKING:
    from heritage.content.settings import Settings


# A folder where compiled templates are kept from one build to the next (the tests set it: their
# hundreds of builds compile the same templates). Jinja compiles again a template whose text changed.
TEMPLATE_CACHE = "HERITAGE_TEMPLATE_CACHE"


def bytecode_cache() -> FileSystemBytecodeCache | None:
    folder = os.environ.get(TEMPLATE_CACHE)
    return FileSystemBytecodeCache(folder) if folder and os.path.isdir(folder) else None


def theme_env(env, settings: "Settings") -> None:
    """The theme's Jinja environment (MkDocs makes it): `hx_theme`, and the template cache if any."""
    env.globals.update(theme_globals(settings))
    env.bytecode_cache = bytecode_cache()


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
