"""Which of the site's small scripts a page loads: only those whose markup the page contains.

Why: loaded on every page, the filters, the photo viewer and the share buttons cost the
pages that use none of them (the map, a trail) their 150 KB first view (scripts/budgets.py).
The page's finished HTML decides, not its kind, so an entry without a gallery or a post
with one loads what it shows and nothing more. The map, trail and search scripts are
decided by the page's kind (`PageHead.map`, `.trail`, `.search`) because their styles
go in the <head> too. offline.js stays on every page (mkdocs.yml's extra_javascript).
"""

from __future__ import annotations

from heritage.urls import OWN_ASSETS

# Script (site path) → the attributes of the markup it works on (heritage/pages/templates/).
SCRIPTS_BY_MARKUP: dict[str, tuple[str, ...]] = {
    f"{OWN_ASSETS}/filters.js": ("data-hx-filter",),
    f"{OWN_ASSETS}/media-bank.js": ("data-hx-bank",),
    f"{OWN_ASSETS}/media.js": ("data-hx-gallery", "data-hx-lightbox", "data-hx-youtube"),
    f"{OWN_ASSETS}/share.js": ("data-hx-share",),
    f"{OWN_ASSETS}/onsite.js": ("data-hx-onsite", "data-hx-hours"),
}


def needed_by(html: str) -> list[str]:
    """The scripts of SCRIPTS_BY_MARKUP that this page's HTML has markup for, in that order."""
    return [script for script, markers in SCRIPTS_BY_MARKUP.items() if any(m in html for m in markers)]
