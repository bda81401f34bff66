"""MkDocs adapter: the only place that knows MkDocs. All logic lives in `heritage`.

static-i18n runs these hooks once per language; `heritage.site.load_site` caches
the validated content, so data is loaded and checked once per build.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import Abort

from heritage.clock import ClockError
from heritage.problems import ContentError
from heritage.site import Site, load_site, site_root_of

_site: Site | None = None


def _root(config) -> Path:
    return Path(config.config_file_path).resolve().parent


def on_config(config):
    global _site
    try:
        _site = load_site(_root(config))
    except ContentError as exc:
        raise Abort("\n" + str(exc)) from None
    except ClockError as exc:
        raise Abort(str(exc)) from None
    return config


def on_page_markdown(markdown, page, config, files):
    page.meta["social_image"] = _site.social_image(page.file.src_uri)
    return _site.enrich(page.file.src_uri, page.url, markdown)


def on_page_content(html, page, config, files):
    _site.check_page(page.file.src_uri, page.url, page.file.content_string, html)
    return html


def on_post_build(config):
    lang = config.theme["language"]
    try:
        _site.write_outputs(lang, site_root_of(config.site_dir, lang))
    except ContentError as exc:
        raise Abort("\n" + str(exc)) from None
