"""Every content check, in one place, for `make check`, the build and CI.

Two kinds: checks over the content as a whole (cheap; the build runs them once) and
checks over a page's rendered HTML (safety, links), which the build runs on the HTML
MkDocs renders anyway and `heritage check` runs after rendering with Python-Markdown.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

import markdown as python_markdown

from heritage import clock, memo, urls
from heritage.calendar import festivals
from heritage.checks import links, safety, text_fields
from heritage.checks.limits import story_problems
from heritage.checks.pages import page_meta_problems
from heritage.checks.published import stray_file_problems
from heritage.column import audio as column_audio
from heritage.column import rules as column
from heritage.content import addresses, translations
from heritage.content.inventory import Inventory
from heritage.content.folders import walk
from heritage.content.loader import cached_inventory
from heritage.content.sources import SourceError, read_text, split_front_matter
from heritage.media import emblem
from heritage.media import policy as media_policy
from heritage.problems import Problem
from heritage.qr.issued import issued_problems
from heritage.sections import LANGUAGES

# The Markdown extensions of mkdocs.yml that change what HTML an editor can produce.
MARKDOWN_EXTENSIONS = ["attr_list", "md_in_html", "admonition", "tables", "toc"]


def yaml_safety_problems(inv: Inventory, cache: dict | None = None) -> list[Problem]:
    """Markup or invisible characters hidden in YAML text (a <script> in a summary, a javascript:
    source URL, a "\\u202E" in a name). `cache`: the live preview's (heritage.memo)."""
    out = []
    for entry in [*inv.entries.values(), *inv.trails.values(), *inv.events.values()]:  # trails' notes are editors' text too
        out += memo.per_file(cache, ("yaml", entry.rel), [inv.root / entry.rel], lambda entry=entry: text_fields.field_problems(
            entry.rel,
            entry.doc,
            "Xóa đoạn mã này; văn bản trong tệp .yml chỉ là chữ thường. Ảnh, video dùng trường `media`.",
            "Remove this code; text in .yml files is plain text. Photos and videos go in the `media` field.",
        ))
    return out




def front_matter_problems(root: Path, cache: dict | None = None) -> list[Problem]:
    """Every page's front matter: readable, and no markup in it (the theme prints `title` raw).

    Run before MkDocs reads any page, so that a page it could not parse, or one that
    would feed markup to the theme, stops the build with a message. `cache`: the live
    preview's (heritage.memo).
    """
    out = []
    docs = root / "docs"
    for lang in LANGUAGES:
        folder = docs / lang
        for path in sorted(folder.rglob("*.md")) if folder.is_dir() else []:
            rel = path.relative_to(root).as_posix()
            out += memo.per_file(cache, ("front", rel), [path], lambda path=path, rel=rel: _page_front_problems(path, rel))
    return out


def _page_front_problems(path: Path, rel: str) -> list[Problem]:
    try:
        source = read_text(path, rel)
        front, body = split_front_matter(source, rel)
    except SourceError as exc:
        return list(exc.problems)
    out = story_problems(rel, body, source.count("\n", 0, len(source) - len(body)) + 1)
    out += page_meta_problems(rel, front)
    out += text_fields.field_problems(
        rel,
        front,
        "Xóa đoạn mã này: các trường ở đầu trang (title, summary…) chỉ là chữ thường.",
        "Remove this code: the fields at the top of the page (title, summary…) are plain text.",
    )
    return out


def content_problems(
    root: Path,
    today: dt.date | None = None,
    inventory: Inventory | None = None,
    pairs: list[translations.PagePair] | None = None,
    schedule: bool = True,
    warnings: bool = True,
    cache: dict | None = None,
) -> list[Problem]:
    """Checks over the whole content; no Markdown rendering.

    `schedule=False` leaves out the monthly-post rule: a missed month fails `make check`
    and pull requests, but must not stop the site from publishing corrections.
    `warnings=False` (the build) skips checks that can only warn. `cache`: the live
    preview's, kept across rebuilds: the checks of one file are run again when it changed.
    """
    today = today or clock.today()
    inv = inventory or cached_inventory(root)
    problems = list(inv.problems)  # the files' own problems and what ties them together
    pairs = translations.survey(root) if pairs is None else pairs
    problems += translations.problems(pairs)
    if warnings:
        problems += translations.structure_problems(root, pairs)
    if schedule:
        problems += column.frequency_problems(inv, inv.settings, today)
    problems += addresses.site_url_variable_problems()
    problems += festivals.calendar_problems(inv, today)
    problems += issued_problems(inv)
    problems += yaml_safety_problems(inv, cache)
    problems += text_fields.data_file_problems(root)
    problems += front_matter_problems(root, cache)
    problems += stray_file_problems(root)
    problems += emblem.problems(root, inv.settings.logo)
    problems += media_policy.media_problems(inv, gps=warnings, decode=warnings)
    problems += column_audio.problems(inv, decode=warnings)  # the build decodes them as it prepares them
    return list(dict.fromkeys(problems))


_NEEDS_CHECK = re.compile(r"<|\{|\]\(|\]:|href|src=|javascript:|data:|vbscript:", re.I)  # `]:` a reference link


def needs_page_check(source: str) -> bool:
    """Whether a page's Markdown could produce markup worth scanning (raw HTML, attributes, links)."""
    return bool(_NEEDS_CHECK.search(source))


def page_problems(rel: str, source: str, html: str, url: str, docs: Path, pages: set[str]) -> list[Problem]:
    """Safety and links of one rendered page; `rel` is its path under the project root."""
    out = []
    for finding in safety.scan_html(html):
        vi, en = finding.explain()
        out.append(
            Problem(
                rel,
                vi,
                en,
                "Xóa đoạn mã HTML này. Ảnh, âm thanh, video (kể cả YouTube) chỉ đưa vào qua trường `media` của tệp .yml.",
                "Remove this HTML. Photos, audio and video (YouTube included) go only through the `media` field of the .yml file.",
                line=safety.line_of(source, finding.snippet, finding.value),
            )
        )
    under_docs = rel.removeprefix("docs/")
    for href in links.broken_links(html, under_docs, url, docs, pages):
        out.append(
            Problem(
                rel,
                f"Liên kết '{href}' không dẫn tới trang nào.",
                f"The link '{href}' leads to no page.",
                "Sửa đường dẫn: liên kết tới trang khác viết dạng ../di-tich/dinh-lang.md (đường dẫn tệp tính từ trang này).",
                "Fix the target: link to another page by its file, e.g. ../di-tich/dinh-lang.md (relative to this page).",
                line=safety.line_of(source, href),
            )
        )
    return out


_PAGES = "known pages"  # the cache's key of the last set of pages (a file's key is its Path)


def markdown_problems(root: Path, cache: dict | None = None) -> list[Problem]:
    """Render every page with Python-Markdown and check it (what `heritage check` adds).
    A page whose Markdown could produce no markup worth scanning is not rendered. `cache`
    (the live preview's, kept across rebuilds): a page unchanged, with the same set of pages
    to link to, is not read again."""
    docs = root / "docs"
    pages = links.known_pages(docs)
    token = frozenset(pages)
    if cache is not None:  # the same set as the last build's: the same object, compared at once
        token = cache[_PAGES] = token if cache.get(_PAGES) != token else cache[_PAGES]
    renderer = python_markdown.Markdown(extensions=MARKDOWN_EXTENSIONS)
    out = []
    for lang in LANGUAGES:
        folder = docs / lang
        if not folder.is_dir():
            continue
        # What Path.rglob("*.md") finds (links to folders not followed), one scandir a folder.
        for path in sorted(Path(here, name) for here, entries in walk(os.fspath(folder)) for name in entries if name.endswith(".md")):
            stat = path.stat()
            key = (stat.st_size, stat.st_mtime_ns, token)
            if cache is not None and cache.get(path, (None,))[0] == key:
                out += cache[path][1]
                continue
            found = _page_markdown_problems(path, docs, pages, renderer)
            if cache is not None:
                cache[path] = (key, found)
            out += found
    return out


def _page_markdown_problems(path: Path, docs: Path, pages: set[str], renderer) -> list[Problem]:
    under_docs = path.relative_to(docs).as_posix()
    rel = f"docs/{under_docs}"
    try:
        source = read_text(path, rel)
        _, body = split_front_matter(source, rel)
    except SourceError as exc:
        return list(exc.problems)
    if story_problems(rel, body, 1):
        return []  # reported by front_matter_problems; rendering it would stall the check
    if not needs_page_check(source):
        return []  # no raw HTML, attributes or links: nothing to find (as the build's check_page)
    html = renderer.reset().convert(body)
    return page_problems(rel, source, html, urls.from_source(under_docs), docs, pages)


def run_all(root: Path, today: dt.date | None = None) -> list[Problem]:
    """Everything `make check` reports, deduplicated, in a stable order."""
    problems = content_problems(root, today) + markdown_problems(root)
    return list(dict.fromkeys(problems))
