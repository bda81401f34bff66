"""MkDocs adapter: the only place that knows MkDocs. All logic lives in `heritage`.

static-i18n runs these hooks once per language; `heritage.pages.site.load_site` caches
the validated content, so data is loaded and checked once per build.

`mkdocs build` builds the languages in parallel: once the Vietnamese build has loaded
everything and cleaned site/, a forked child builds the other languages the way
static-i18n would (a nested `build()` per language into site/<lang>/), a second child
writes what comes from the data alone (feeds, calendars, media, open data, QR landings
and codes, sitemap), and the parent goes on with Vietnamese. The parent then waits for
both and writes what covers every page (_headers). On two cores this halves the page-rendering time;
`HERITAGE_SERIAL_BUILD=1` (or a platform without fork) does it all one after the other.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import Abort

from heritage import parallel, urls
from heritage.checks import published
from heritage.clock import ClockError
from heritage.content.addresses import attribute_safe
from heritage.i18n import t as words
from heritage.editor import page as admin_page
from heritage.outputs import security
from heritage.pages import incremental
from heritage.pages import preview as live_preview
from heritage.pages import scripts as page_scripts
from heritage.pages.site import Site, load_site, plain
from heritage.problems import ContentError
from heritage.sections import LANGUAGES

_site: Site | None = None
_command = ""  # build, gh-deploy or serve
_others: parallel.ForkedTask | None = None  # in the parent: the child building the other languages
_shared: parallel.ForkedTask | None = None  # in the parent: the child writing the data's outputs
_in_child = False
_preview: live_preview.Preview | None = None  # under `serve` only: what the preview shows
_tracker: incremental.Tracker | None = None  # under `serve --dirty` only: which pages to build again
_dirty = False
log = logging.getLogger("mkdocs.hooks.heritage")


def _root(config) -> Path:
    return Path(config.config_file_path).resolve().parent


def _site_root(site_dir: str, lang: str) -> Path:
    """static-i18n builds /en/ into site/en; outputs shared by both languages go to site/."""
    path = Path(site_dir)
    return path.parent if lang != LANGUAGES[0] and path.name == lang else path


def on_startup(command, dirty):
    global _command, _dirty
    _command, _dirty = command, dirty


def _is_default_language(config) -> bool:
    """Asks static-i18n: in on_config, ours runs before it sets the theme's language."""
    i18n = config.plugins.get("i18n")
    return i18n is None or getattr(i18n, "current_language", None) in (None, getattr(i18n, "default_language", None))


def on_config(config):
    global _site, _preview, _tracker
    # One 404.html, bilingual, at the root: static-i18n would let the last language's build
    # overwrite the first's (so the Vietnamese site's 404 was English).
    if _is_default_language(config):
        config.theme.static_templates.add("404.html")
    else:
        config.theme.static_templates.discard("404.html")
    # Ours (heritage.outputs.sitemap) has both languages and hreflang links; the theme's would race with
    # it in the parallel build. Not a template any more, it is removed from the files in on_files.
    config.theme.static_templates.discard("sitemap.xml")
    # One command, one state of the content: the first language's load serves all.
    if _command == "serve":  # never stops on content: shows it (heritage.pages.preview)
        if _preview is None or _is_default_language(config):
            try:
                _preview = live_preview.load_preview(_root(config), config.site_url or "")
            except ClockError as exc:
                raise Abort(str(exc)) from None
            if _dirty:  # `make serve` and `make edit`: only what the change reaches is built again
                _tracker = incremental.tracker(_root(config), Path(config.site_dir))
                plan = _tracker.start(_preview)
                log.info("Preview: %s", plan.describe())
        _site = _preview.site
    elif _site is None or _command not in ("build", "gh-deploy"):
        try:
            _site = load_site(_root(config), config.site_url or "")
        except ContentError as exc:
            raise Abort("\n" + str(exc)) from None
        except ClockError as exc:
            raise Abort(str(exc)) from None
    # SITE_URL or data/site.yml, if given; the theme prints it raw, so never with a quote or a '<'.
    config.site_url = attribute_safe(_site.site_url or config.site_url or "") or None
    _site.trust_theme(config.theme.dirs)  # the policy allows the templates' inline scripts, no others
    return config


_THEME_SITEMAP = ("sitemap.xml", "sitemap.xml.gz")


def on_files(files, config):
    # Removing (not adding) files is safe with static-i18n; a post dated in the future waits.
    # Of docs/, only the language folders' pages: anything else would be copied as it is
    # (the checks refuse it; this holds should they ever be bypassed).
    for file in [f for f in files if f.src_dir == config.docs_dir and not published.is_page_source(f.src_uri)]:
        files.remove(file)
    for file in list(files.documentation_pages()):
        if not _site.is_published(file.src_uri):
            files.remove(file)
    for file in [f for f in files if f.src_uri in _THEME_SITEMAP and f.src_dir != config.docs_dir]:
        files.remove(file)
    if not _is_default_language(config):
        # The theme's files (Material's bundle, our overrides/assets) go to the same site/
        # in every language's build: the default language's build has copied them already.
        # Copying them again raced with the parallel build and undid the bundle patch.
        for file in [f for f in files if f.src_dir != config.docs_dir and not f.is_documentation_page()]:
            files.remove(file)
    _fork_other_languages(config)
    return files


def on_nav(nav, config, files):
    # MkDocs' --dirty builds the pages whose is_modified() says so; the files are static-i18n's
    # by now (its on_files, run after ours, makes new ones).
    if _tracker is not None:
        for file in files.documentation_pages():
            file.is_modified = (lambda: True) if _tracker.wants(file.src_uri) else (lambda: False)
    return nav


# What the parallel build reads and sets of static-i18n, as its own loop does (v1.3).
_I18N_STATE = ("current_language", "default_language", "build_languages", "building")


def _fork_other_languages(config) -> None:
    """In the default language's build (site/ just cleaned), hand the other languages to a child
    and the outputs made from data alone to another."""
    global _others, _shared
    i18n = config.plugins.get("i18n")
    if _command not in ("build", "gh-deploy") or _in_child or _others is not None or i18n is None:
        return
    if not all(hasattr(i18n, name) for name in _I18N_STATE):
        # info, not warning: `--strict` would turn a slower build into a failed deploy
        log.info("mkdocs-static-i18n changed (no %s): languages built one after the other", "/".join(_I18N_STATE))
        return
    if not _is_default_language(config) or len(i18n.build_languages) < 2 or not parallel.can_fork():
        return
    others = [locale for locale in i18n.build_languages if locale != i18n.default_language]
    log.info("Building %s in a parallel process (HERITAGE_SERIAL_BUILD=1: one after the other)", ", ".join(others))
    _others = parallel.fork(lambda: _build_other_languages(config, i18n))
    _shared = parallel.fork(lambda: _write_shared_outputs(Path(config.site_dir)))
    i18n.building = True  # static-i18n's own loop (in its on_post_build) then leaves them to the child


def _build_other_languages(config, i18n) -> set[str]:
    """The child: what static-i18n's on_post_build does for each other language."""
    global _in_child
    from mkdocs import utils
    from mkdocs.commands.build import build

    _in_child = True
    utils.clean_directory = lambda path: None  # the parent cleaned site/, as static-i18n's loop assumes
    i18n.building = True
    for locale in i18n.build_languages:
        if locale == i18n.default_language:
            continue
        i18n.current_language = locale
        try:
            build(config, dirty=False)
        except Abort as exc:
            raise parallel.ForkedTaskError(str(exc)) from None
    return _site.script_hashes


def _write_shared_outputs(site_root: Path) -> set[str]:
    """The second child: outputs that no page changes; returns the QR landings' script hashes."""
    _site.write_shared_outputs(site_root)
    return _site.script_hashes


def on_env(env, config, files):
    # The theme's own templates (header, 404) use the core's address rules and words.
    env.globals.update(hx_urls=urls, hx_t=words)
    if _tracker is not None:  # a page not read again keeps its title in every page's menu
        for file in files.documentation_pages():
            if file.page is not None and file.page.markdown is None and file.src_uri in _tracker.titles:
                file.page.title = _tracker.titles[file.src_uri]
    return env


def _shielded(file: str, fallback, work):
    """Under `serve`, what content with errors cannot build leaves a note in the banner (see
    heritage.pages.preview); in `build`, as it is."""
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
    if _tracker is not None:
        _tracker.built(page.file.src_uri, page.title or "", html, _site.inventory)
    return html


def on_post_page(output, page, config):
    return _site.secure(output)  # under `mkdocs serve` too: see on_serve for its reload script


def on_post_template(output_content, template_name, config):
    if template_name.endswith(".html"):
        return _site.secure(output_content)  # 404.html
    return output_content


def on_serve(server, config, builder):
    """The preview keeps every page's policy. `mkdocs serve` adds its reload script to each page
    as it sends it (with numbers that change per request): that script, and only when it is the
    server's own template, gets its hash into the page's policy as it goes out."""
    from mkdocs import livereload

    trusted = security.numbers_template(livereload._SCRIPT_TEMPLATE_STR)
    inject = server._inject_js_into_html

    def inject_allowed(content: bytes, epoch: int) -> bytes:
        if admin_page.NO_RELOAD.encode() in content:
            return content  # the editor's page: its policy would block the script, a reload lose the form
        return security.allow_added_script(content, inject(content, epoch), trusted)

    server._inject_js_into_html = inject_allowed
    return server


def on_post_build(config):
    global _others, _shared
    lang = config.theme["language"]
    root = _site_root(config.site_dir, lang)
    errors: list[Exception] = []
    try:
        _shielded(f"site/{lang}", None, lambda: _site.write_language_outputs(lang, root))
    except ContentError as exc:
        errors.append(exc)
    try:  # apart: the preview writes /admin/ whatever its pages hold
        if _is_default_language(config) and _shared is None and not (errors and _preview is None):
            _shielded("site", None, lambda: _site.write_shared_outputs(root))  # one process: no child wrote them
    except ContentError as exc:
        errors.append(exc)
    forked, other_hashes = [t for t in (_others, _shared) if t is not None], set()
    _others = _shared = None
    try:
        for task in forked:
            try:
                other_hashes |= task.result()
            except parallel.ForkedTaskError as exc:
                errors.append(exc)
    finally:
        for task in forked:  # if waiting failed in another way, no child goes on writing into site/
            task.cancel()
    if _preview is not None and not _in_child:  # `serve`: the problems are shown, never raised
        _preview.add([p for e in errors for p in getattr(e, "problems", [])])
        _preview.write_json(root)
        errors = []
    if errors:
        # Nothing of a refused build stays in site/; emptied by the parent alone, once every child
        # has stopped (a child emptying it raced with its sibling still writing the icons).
        if not _in_child:
            _site.discard_output(root)
        raise Abort("\n" + "\n".join(map(str, errors)))
    if not forked and (lang != LANGUAGES[-1] or _in_child):
        return  # static-i18n builds the languages in order: the last one finishes the site
    _shielded("site", None, lambda: _site.write_site_outputs(root, other_hashes))


def on_build_error(error):
    global _others, _shared
    for task in (_others, _shared):  # the parent failed: the children's work is of no use
        if task is not None:
            task.cancel()
    _others = _shared = None
