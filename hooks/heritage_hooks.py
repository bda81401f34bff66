"""MkDocs adapter: the only place that knows MkDocs. All logic lives in `heritage`.

static-i18n runs these hooks once per language; `heritage.site.load_site` caches
the validated content, so data is loaded and checked once per build.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from mkdocs.exceptions import Abort

from heritage.clock import ClockError
from heritage.problems import ContentError
from heritage.settings import effective_site_url
from heritage.site import Site, load_site, site_root_of

_site: Site | None = None
_serving = False
log = logging.getLogger("mkdocs.hooks.heritage")

# Material's bundle fetches "sitemap.xml" next to every <link rel="alternate"> of a page
# (for its own language selector) on every page load: our hreflang and feed links made
# that 3-4 wasted requests a page, to the production host even on a local preview.
# static-i18n's switcher already links to the same page in the other language, so the
# call is removed from the copied bundle; a warning says when a Material update moves it.
_ALTERNATE_PREFETCH = re.compile(r'function (\w+)\(\{document\$:\w+\}\)\{let \w+=new Map;\w+\.pipe\(\w+\(\(\)=>\w+\("link\[rel=alternate\]"\)')


def _drop_alternate_prefetch(site_dir: Path) -> None:
    for bundle in (site_dir / "assets" / "javascripts").glob("bundle.*.min.js"):
        code = bundle.read_text(encoding="utf-8")
        found = _ALTERNATE_PREFETCH.search(code)
        call = re.compile(rf"\b{found.group(1)}\(\{{document\$:\w+\}}\);") if found else None
        if call is None or not call.search(code):
            log.warning("Material's alternate-link sitemap prefetch not found in %s: check hooks/heritage_hooks.py", bundle.name)
            continue
        bundle.write_text(call.sub("", code, count=1), encoding="utf-8")


def _root(config) -> Path:
    return Path(config.config_file_path).resolve().parent


def on_startup(command, dirty):
    global _serving
    _serving = command == "serve"


def on_config(config):
    global _site
    config.site_url = effective_site_url(_root(config), config.site_url)
    try:
        _site = load_site(_root(config), config.site_url or "")
    except ContentError as exc:
        raise Abort("\n" + str(exc)) from None
    except ClockError as exc:
        raise Abort(str(exc)) from None
    return config


def on_files(files, config):
    # Removing (not adding) files is safe with static-i18n; a post dated in the future waits.
    for file in list(files.documentation_pages()):
        if not _site.is_published(file.src_uri):
            files.remove(file)
    return files


def on_page_markdown(markdown, page, config, files):
    page.meta["hx"] = _site.head(page.file.src_uri, page.url)
    return _site.enrich(page.file.src_uri, page.url, markdown, page.title or "")


def on_page_content(html, page, config, files):
    _site.check_page(page.file.src_uri, page.url, page.file.content_string, html)
    return html


def on_post_build(config):
    lang = config.theme["language"]
    _drop_alternate_prefetch(Path(config.site_dir))
    try:
        _site.write_outputs(lang, site_root_of(config.site_dir, lang), secure=not _serving)
    except ContentError as exc:
        raise Abort("\n" + str(exc)) from None
