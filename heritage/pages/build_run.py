"""One build's languages and outputs, in order or in forked processes: the MkDocs-free part of
the hooks' on_files and on_post_build (hooks/heritage_hooks.py passes plain values and
callables in, and turns what is raised here into its engine's own error).

The default language's build, once it has loaded everything and cleaned site/, hands the
other languages to a forked child (`build_others`, the engine's nested build per language)
and the outputs made from data alone to a second child; the parent goes on with its own
language, then waits for both and writes what covers every page (_headers).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from heritage import parallel
from heritage.problems import ContentError
from heritage.sections import LANGUAGES

if TYPE_CHECKING:
    from heritage.pages.preview import Preview
    from heritage.pages.site import Site


# What the parallel build reads and sets of static-i18n, as its own loop does (v1.3).
I18N_STATE = ("current_language", "default_language", "build_languages", "building")


class BuildError(Exception):
    """What stops the build: every error of every language and child, one after the other."""


def site_root(site_dir: str, lang: str) -> Path:
    """static-i18n builds /en/ into site/en; outputs shared by both languages go to site/."""
    path = Path(site_dir)
    return path.parent if lang != LANGUAGES[0] and path.name == lang else path


class BuildRun:
    """The forked children of one build and whether this process is one of them."""

    def __init__(self) -> None:
        self.others: parallel.ForkedTask | None = None  # in the parent: the child building the other languages
        self.shared: parallel.ForkedTask | None = None  # in the parent: the child writing the data's outputs
        self.in_child = False

    def fork(self, site: "Site", site_dir: str, build_others: Callable[[], None]) -> None:
        """Start both children; `build_others` builds every other language (in the child)."""

        def others() -> set[str]:
            self.in_child = True
            build_others()
            return site.script_hashes

        def shared() -> set[str]:
            site.write_shared_outputs(Path(site_dir))
            return site.script_hashes

        self.others = parallel.fork(others)
        self.shared = parallel.fork(shared)

    def forks(self, i18n, default_language: bool, log: logging.Logger) -> bool:
        """Whether to fork now: in the default language's build of the parent, not yet forked,
        with static-i18n's state as its own loop (v1.3) reads and sets it (`i18n`: the plugin)."""
        if self.in_child or self.others is not None or i18n is None:
            return False
        if not all(hasattr(i18n, name) for name in I18N_STATE):
            # info, not warning: `--strict` would turn a slower build into a failed deploy
            log.info("mkdocs-static-i18n changed (no %s): languages built one after the other", "/".join(I18N_STATE))
            return False
        if not default_language or len(i18n.build_languages) < 2 or not parallel.can_fork():
            return False
        others = [locale for locale in i18n.build_languages if locale != i18n.default_language]
        log.info("Building %s in a parallel process (HERITAGE_SERIAL_BUILD=1: one after the other)", ", ".join(others))
        return True

    def finish_language(self, site: "Site", lang: str, site_dir: str, default_language: bool, preview: "Preview | None", reach=None) -> None:
        """After one language's pages: its search index; the data's outputs where no child wrote
        them (under `serve --dirty`, those the change reaches: `reach`); the children's results;
        and, after the last language, the files covering every page. Raises BuildError (after
        emptying site/) when anything failed, except under the preview, which shows the problems
        instead."""
        root = site_root(site_dir, lang)
        shield = (lambda file, work: work()) if preview is None else (lambda file, work: preview.shielded(file, None, work))
        errors: list[Exception] = []
        try:
            shield(f"site/{lang}", lambda: site.write_language_outputs(lang, root))
        except ContentError as exc:
            errors.append(exc)
        try:  # apart: the preview writes /admin/ whatever its pages hold
            if default_language and self.shared is None and not (errors and preview is None):
                shield("site", lambda: site.write_shared_outputs(root, reach))  # one process: no child wrote them
        except ContentError as exc:
            errors.append(exc)
        forked, other_hashes = [t for t in (self.others, self.shared) if t is not None], set()
        self.others = self.shared = None
        try:
            for task in forked:
                try:
                    other_hashes |= task.result()
                except parallel.ForkedTaskError as exc:
                    errors.append(exc)
        finally:
            for task in forked:  # if waiting failed in another way, no child goes on writing into site/
                task.cancel()
        if preview is not None and not self.in_child:  # `serve`: the problems are shown, never raised
            preview.add([p for e in errors for p in getattr(e, "problems", [])])
            preview.write_json(root)
            errors = []
        if errors:
            # Nothing of a refused build stays in site/; emptied by the parent alone, once every child
            # has stopped (a child emptying it raced with its sibling still writing the icons).
            if not self.in_child:
                site.discard_output(root)
            raise BuildError("\n" + "\n".join(map(str, errors)))
        if not forked and (lang != LANGUAGES[-1] or self.in_child):
            return  # static-i18n builds the languages in order: the last one finishes the site
        shield("site", lambda: site.write_site_outputs(root, other_hashes))

    def cancel(self) -> None:
        """The parent failed: the children's work is of no use."""
        for task in (self.others, self.shared):
            if task is not None:
                task.cancel()
        self.others = self.shared = None


def keeps_file(site: "Site", src_uri: str, in_docs: bool, is_page: bool, default_language: bool) -> bool:
    """Whether a file the engine found stays in this language's build. Of docs/, only the
    language folders' published pages (anything else would be copied as it is: the checks
    refuse it, this holds should they ever be bypassed); never the theme's sitemap (ours has
    both languages); the theme's own files only in the default language's build, which copies
    them to the shared site/ (copying them again raced with the parallel build)."""
    from heritage.checks import published

    if in_docs and not published.is_page_source(src_uri):
        return False
    if is_page and not site.is_published(src_uri):
        return False
    if not in_docs and src_uri in THEME_SITEMAP:
        return False
    return in_docs or is_page or default_language


THEME_SITEMAP = ("sitemap.xml", "sitemap.xml.gz")


def reload_injector(inject: Callable[[bytes, int], bytes], template: str, no_reload: bytes) -> Callable[[bytes, int], bytes]:
    """The preview keeps every page's policy. The live server adds its reload script to each page
    as it sends it (with numbers that change per request): that script, and only when it is the
    server's own `template`, gets its hash into the page's policy as it goes out; never on a page
    carrying `no_reload` (the editor's: its policy would block it, a reload lose the form)."""
    from heritage.outputs import security

    trusted = security.numbers_template(template)

    def inject_allowed(content: bytes, epoch: int) -> bytes:
        if no_reload in content:
            return content
        return security.allow_added_script(content, inject(content, epoch), trusted)

    return inject_allowed


def load_for(command: str, root: Path, configured_url: str, default_language: bool, site: "Site | None", preview: "Preview | None") -> tuple["Site", "Preview | None"]:
    """The Site (and, under `serve`, the Preview) for this language's build: one command, one
    state of the content, so the first language's load serves all. `serve` never stops on
    content, it shows it (heritage.pages.preview); other commands raise ContentError."""
    from heritage.pages import preview as live_preview
    from heritage.pages.site import load_site

    if command == "serve":
        if preview is None or default_language:
            preview = live_preview.load_preview(root, configured_url)
        return preview.site, preview
    if site is None or command not in ("build", "gh-deploy"):
        site = load_site(root, configured_url)
    return site, preview


def theme_templates(templates: set[str], default_language: bool) -> None:
    """The theme's static templates for this language's build. One 404.html, bilingual, at the
    root: static-i18n would let the last language's build overwrite the first's (so the
    Vietnamese site's 404 was English). Never sitemap.xml: ours (heritage.outputs.sitemap) has
    both languages and hreflang links, and the theme's would race with it in the parallel build."""
    templates.discard("sitemap.xml")
    if default_language:
        templates.add("404.html")
    else:
        templates.discard("404.html")


def build_other_languages(i18n, build: Callable[[], None], refused: type[Exception]) -> None:
    """The child: what static-i18n's on_post_build does for each other language. `build` is
    MkDocs' build of the current language (site/ already cleaned by the parent, as static-i18n's
    loop assumes); `refused` is MkDocs' Abort, a content error in that language."""
    i18n.building = True
    for locale in (lang for lang in i18n.build_languages if lang != i18n.default_language):
        i18n.current_language = locale
        try:
            build()
        except refused as exc:
            raise parallel.ForkedTaskError(str(exc)) from None
