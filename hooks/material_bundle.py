"""MkDocs adapter for one quirk of Material's JavaScript bundle, kept apart from the heritage hooks.

Material's bundle fetches "sitemap.xml" next to every <link rel="alternate"> of a page
(for its own language selector) on every page load: our hreflang and feed links made
that 3-4 wasted requests a page, to the production host even on a local preview.
static-i18n's switcher already links to the same page in the other language, so the
call is removed from the copied bundle; a warning says when a Material update moves it.
Only the default language's build copies the theme's files (hooks/heritage_hooks.py).
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

log = logging.getLogger("mkdocs.hooks.material_bundle")

_ALTERNATE_PREFETCH = re.compile(r'function (\w+)\(\{document\$:\w+\}\)\{let \w+=new Map;\w+\.pipe\(\w+\(\(\)=>\w+\("link\[rel=alternate\]"\)')


def _drop_alternate_prefetch(site_dir: Path) -> None:
    for bundle in (site_dir / "assets" / "javascripts").glob("bundle.*.min.js"):
        code = bundle.read_text(encoding="utf-8")
        found = _ALTERNATE_PREFETCH.search(code)
        call = re.compile(rf"\b{found.group(1)}\(\{{document\$:\w+\}}\);") if found else None
        if call is not None and not call.search(code):
            continue  # removed already: `mkdocs serve --dirty` keeps the copy it patched
        if call is None:
            log.warning("Material's alternate-link sitemap prefetch not found in %s: check hooks/material_bundle.py", bundle.name)
            continue
        bundle.write_text(call.sub("", code, count=1), encoding="utf-8")


def on_post_build(config):
    i18n = config.plugins.get("i18n")  # static-i18n: the other languages' builds copy no theme files
    if i18n is None or getattr(i18n, "current_language", None) in (None, getattr(i18n, "default_language", None)):
        _drop_alternate_prefetch(Path(config.site_dir))
