"""MkDocs adapter: the only place that knows MkDocs. All logic lives in `heritage`.

static-i18n runs these hooks once per language; the content is loaded and checked once per
build, and the languages are built in forked processes (heritage.pages.build_run)."""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import Abort

from heritage.engine_files import load_hooks, with_engine_theme
from heritage.clock import ClockError
from heritage.content.addresses import attribute_safe
from heritage.editor import page as admin_page
from heritage.pages import incremental, preview as live_preview, scripts as page_scripts
from heritage.pages.build_run import BuildError, BuildRun, build_other_languages, keeps_file, load_for, reload_injector, theme_templates
from heritage.pages.kinds import plain
from heritage.pages.site import Site
from heritage.pages.theme import theme_env
from heritage.problems import ContentError

_site: Site | None = None
_command = ""  # build, gh-deploy or serve
_run = BuildRun()  # the forked children of this build
_preview: live_preview.Preview | None = None  # under `serve` only: what the preview shows
_tracker: incremental.Tracker | None = None  # under `serve --dirty` only: which pages to build again
_dirty = False  # `mkdocs serve --dirty` (make serve, make edit)
log = logging.getLogger("mkdocs.hooks.heritage")


def _root(config) -> Path:
    return Path(config.config_file_path).resolve().parent


def on_startup(command, dirty):
    global _command, _dirty
    _command, _dirty = command, dirty


def _is_default_language(config) -> bool:
    """Asks static-i18n: in on_config, ours runs before it sets the theme's language."""
    return (i18n := config.plugins.get("i18n")) is None or getattr(i18n, "current_language", None) in (None, getattr(i18n, "default_language", None))


def on_config(config):
    global _site, _preview, _tracker
    # The engine's theme (installed package or this checkout: heritage.engine_files). One bilingual
    # 404.html, by the first language only; never the theme's sitemap (build_run.theme_templates).
    config.theme.dirs = with_engine_theme(config.theme.dirs, config.theme.custom_dir)
    theme_templates(config.theme.static_templates, _is_default_language(config))
    try:
        _site, _preview = load_for(_command, _root(config), config.site_url or "", _is_default_language(config), _site, _preview)
    except (ContentError, ClockError) as exc:
        raise Abort(("\n" if isinstance(exc, ContentError) else "") + str(exc)) from None
    if _command == "serve" and _dirty and _is_default_language(config):  # only what a change reaches is built again
        _tracker = incremental.tracker(_root(config), Path(config.site_dir))
        load_hooks("static_i18n_files").keep_files()  # 1 s of a refresh at 1,000 entries
        log.info("Preview: %s", incremental.start_preview(_tracker, _preview, config.theme.static_templates))
    config.site_url = attribute_safe(_site.site_url or config.site_url or "") or None  # printed raw by the theme: no quote, no '<'
    _site.trust_theme(config.theme.dirs)  # the policy allows the templates' inline scripts, no others
    return config


def on_files(files, config):
    # Removing (not adding) files is safe with static-i18n; a post dated in the future waits.
    default = _is_default_language(config)
    for file in list(files):
        if not keeps_file(_site, file.src_uri, file.src_dir == config.docs_dir, file.is_documentation_page(), default):
            files.remove(file)
    _fork_other_languages(config)
    return files


def on_nav(nav, config, files):
    incremental.mark(_tracker, files.documentation_pages())
    return nav


def _fork_other_languages(config) -> None:
    """In the default language's build (site/ just cleaned): the other languages to a child, the outputs of data alone to another."""
    i18n = config.plugins.get("i18n")
    if _command in ("build", "gh-deploy") and _run.forks(i18n, _is_default_language(config), log):
        _run.fork(_site, config.site_dir, lambda: _build_other_languages(config, i18n))
        i18n.building = True  # static-i18n's own loop (in its on_post_build) then leaves them to the child


def _build_other_languages(config, i18n) -> None:
    from mkdocs import utils
    from mkdocs.commands.build import build

    utils.clean_directory = lambda path: None  # the parent cleaned site/, as static-i18n's loop assumes
    build_other_languages(i18n, lambda: build(config, dirty=False), Abort)


def on_env(env, config, files):
    # The theme's own templates (head, header, 404) print values the core prepared; they call nothing.
    theme_env(env, _site.settings, preview=_tracker is not None)
    incremental.keep_titles(_tracker, files.documentation_pages())
    return env


def _shielded(file: str, fallback, work):
    """Under `serve`, what cannot build leaves a note in the banner (heritage.pages.preview)."""
    return work() if _preview is None else _preview.shielded(file, fallback, work)


def on_page_markdown(markdown, page, config, files):
    page.meta["hx"] = _shielded(f"docs/{page.file.src_uri}", None, lambda: _site.head(page.file.src_uri, page.url))
    page.meta["hx_problems"] = _preview.banner() if _preview is not None else None
    return _shielded(f"docs/{page.file.src_uri}", markdown, lambda: _site.enrich(page.file.src_uri, page.url, markdown, page.title or ""))


def on_page_content(html, page, config, files):
    _site.check_page(page.file.src_uri, page.url, page.file.content_string, html)
    # Every page's title is now known, before any template prints one: the theme prints them raw.
    page.meta = _site.plain_meta(page.meta)
    page.title = plain(page.title) if page.title else page.title
    html = _shielded(f"docs/{page.file.src_uri}", html, lambda: _site.finish(page.file.src_uri, html))
    page.meta["hx_scripts"] = page_scripts.needed_by(html)
    incremental.record(_tracker, page.file.src_uri, page.title or "", html, _site.inventory)
    return html


def on_post_page(output, page, config):
    return _site.secure(output)  # under `mkdocs serve` too: see on_serve for its reload script


def on_post_template(output_content, template_name, config):
    return _site.secure(output_content) if template_name.endswith(".html") else output_content  # 404.html


def on_serve(server, config, builder):
    from mkdocs import livereload  # the preview keeps every page's policy, the reload script allowed (build_run)
    server._inject_js_into_html = reload_injector(server._inject_js_into_html, livereload._SCRIPT_TEMPLATE_STR, admin_page.NO_RELOAD.encode())
    log.info("Preview: saves noticed by %s", load_hooks("live_watch").watch_natively(server))
    return server


def on_post_build(config):
    try:
        default = _is_default_language(config)
        _run.finish_language(_site, config.theme["language"], config.site_dir, default, _preview, _tracker.reach() if _tracker and default else None)
    except BuildError as exc:
        raise Abort(str(exc)) from None


def on_build_error(error):
    _run.cancel()
