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
from typing import Any, Iterable

import markdown as python_markdown

from heritage import clock, urls
from heritage.calendar import festivals
from heritage.checks import links, safety
from heritage.checks.limits import story_problems
from heritage.checks.pages import page_meta_problems
from heritage.column import rules as column
from heritage.content import translations
from heritage.content.inventory import Inventory
from heritage.content.loader import cached_inventory
from heritage.content.sources import SourceError, read_text, special_file_problem, split_front_matter
from heritage.media import policy as media_policy
from heritage.problems import Problem
from heritage.qr.issued import issued_problems
from heritage.sections import LANGUAGES

# The Markdown extensions of mkdocs.yml that change what HTML an editor can produce.
MARKDOWN_EXTENSIONS = ["attr_list", "md_in_html", "admonition", "tables", "toc"]


def _strings(value: Any, path: tuple = ()) -> Iterable[tuple[tuple, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, (*path, index))


def _field(path: tuple) -> str:
    return ".".join(str(p) if not isinstance(p, int) else f"[{p}]" for p in path).replace(".[", "[")


def _markup_in_fields(rel: str, doc, fix_vi: str, fix_en: str) -> list[Problem]:
    """Markup in any text field of a YAML document (a data file or a page's front matter),
    each finding named by its field and line."""
    return [
        Problem(rel, *finding.explain(), fix_vi, fix_en, field=_field(path), line=doc.line_of(path))
        for path, text in _strings(doc.data)
        for finding in safety.scan_text(text)
    ]


def yaml_safety_problems(inv: Inventory) -> list[Problem]:
    """Markup hidden in YAML text (a <script> in a summary, a javascript: source URL)."""
    out = []
    for entry in [*inv.entries.values(), *inv.trails.values()]:  # trails' notes are editors' text too
        out += _markup_in_fields(
            entry.rel,
            entry.doc,
            "Xóa đoạn mã này; văn bản trong tệp .yml chỉ là chữ thường. Ảnh, video dùng trường `media`.",
            "Remove this code; text in .yml files is plain text. Photos and videos go in the `media` field.",
        )
    return out


# A folder with one of these endings is taken for a file by whoever lists files by name.
_FILE_ENDINGS = (".md", ".yml", ".yaml")


def stray_file_problems(root: Path) -> list[Problem]:
    """Files MkDocs would publish as they are: anything but Markdown in docs/<lang>/ (an
    .html, .svg or .js file runs on the site's own address, outside every policy), and
    symbolic links under docs/ or data/ (a page or data file read from anywhere), and
    anything that is not a regular file (a named pipe or device would hang the build, a
    folder named x.yml crash it). data/media/ is the media checks' own."""
    out = []
    for top in ("docs", "data"):
        for dirpath, dirnames, filenames in os.walk(root / top):
            here = Path(dirpath)
            rel_here = here.relative_to(root).as_posix()
            if rel_here == urls.MEDIA_SOURCE or rel_here.startswith(urls.MEDIA_SOURCE + "/"):
                dirnames[:] = []
                continue
            for name in [*dirnames, *filenames]:
                if (here / name).is_symlink():
                    out.append(
                        Problem(
                            f"{rel_here}/{name}",
                            "Đây là liên kết tượng trưng (symlink): trang chỉ đọc tệp thật nằm trong kho.",
                            "This is a symbolic link: the site reads only real files inside the repository.",
                            "Xóa liên kết và đặt chính tệp vào đây.",
                            "Delete the link and put the file itself here.",
                        )
                    )
            dirnames[:] = [d for d in dirnames if not (here / d).is_symlink()]
            for name in [*dirnames, *filenames]:  # a folder named like a file, a pipe, a device
                special = None if (here / name).is_symlink() else special_file_problem(here / name, f"{rel_here}/{name}")
                if special is not None and (name in filenames or name.endswith(_FILE_ENDINGS)):
                    out.append(special)
            filenames = [n for n in filenames if not (here / n).is_symlink() and special_file_problem(here / n, n) is None]
            in_pages = top == "docs" and len(here.relative_to(root / "docs").parts) >= 1 and here.relative_to(root / "docs").parts[0] in LANGUAGES
            for name in filenames:
                if in_pages and not name.endswith(".md") and not name.startswith("."):
                    out.append(
                        Problem(
                            f"{rel_here}/{name}",
                            "Thư mục docs/ chỉ chứa trang Markdown (.md): tệp khác sẽ được đăng nguyên trạng, kể cả mã chạy được.",
                            "docs/ holds Markdown pages (.md) only: any other file would be published as it is, code included.",
                            "Ảnh, âm thanh, video đặt trong data/media/<mã mục>/ và khai báo trong tệp .yml; xóa tệp này khỏi docs/.",
                            "Photos, audio and video go in data/media/<id>/ and are listed in the .yml file; remove this file from docs/.",
                        )
                    )
    return out


def front_matter_problems(root: Path) -> list[Problem]:
    """Every page's front matter: readable, and no markup in it (the theme prints `title` raw).

    Run before MkDocs reads any page, so that a page it could not parse, or one that
    would feed markup to the theme, stops the build with a message.
    """
    out = []
    docs = root / "docs"
    for lang in LANGUAGES:
        folder = docs / lang
        for path in sorted(folder.rglob("*.md")) if folder.is_dir() else []:
            rel = path.relative_to(root).as_posix()
            try:
                source = read_text(path, rel)
                front, body = split_front_matter(source, rel)
            except SourceError as exc:
                out.append(exc.problem)
                continue
            out += story_problems(rel, body, source.count("\n", 0, len(source) - len(body)) + 1)
            out += page_meta_problems(rel, front)
            out += _markup_in_fields(
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
) -> list[Problem]:
    """Checks over the whole content; no Markdown rendering.

    `schedule=False` leaves out the monthly-post rule: a missed month fails `make check`
    and pull requests, but must not stop the site from publishing corrections.
    `warnings=False` (the build) skips checks that can only warn.
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
    problems += festivals.calendar_problems(inv, today)
    problems += issued_problems(inv)
    problems += yaml_safety_problems(inv)
    problems += front_matter_problems(root)
    problems += stray_file_problems(root)
    problems += media_policy.media_problems(inv, gps=warnings, decode=warnings)
    return list(dict.fromkeys(problems))


_NEEDS_CHECK = re.compile(r"<|\{|\]\(|href|src=|javascript:|data:|vbscript:", re.I)


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
                "Sửa đường dẫn: liên kết tới trang khác viết dạng ../di-tich/dinh-tan-an.md (đường dẫn tệp tính từ trang này).",
                "Fix the target: link to another page by its file, e.g. ../di-tich/dinh-tan-an.md (relative to this page).",
                line=safety.line_of(source, href),
            )
        )
    return out


def markdown_problems(root: Path) -> list[Problem]:
    """Render every page with Python-Markdown and check it (what `heritage check` adds)."""
    docs = root / "docs"
    pages = links.known_pages(docs)
    renderer = python_markdown.Markdown(extensions=MARKDOWN_EXTENSIONS)
    out = []
    for lang in LANGUAGES:
        folder = docs / lang
        if not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*.md")):
            under_docs = path.relative_to(docs).as_posix()
            rel = f"docs/{under_docs}"
            try:
                source = read_text(path, rel)
                _, body = split_front_matter(source, rel)
            except SourceError as exc:
                out.append(exc.problem)
                continue
            if story_problems(rel, body, 1):
                continue  # reported by front_matter_problems; rendering it would stall the check
            html = renderer.reset().convert(body)
            out += page_problems(rel, source, html, urls.from_source(under_docs), docs, pages)
    return out


def run_all(root: Path, today: dt.date | None = None) -> list[Problem]:
    """Everything `make check` reports, deduplicated, in a stable order."""
    problems = content_problems(root, today) + markdown_problems(root)
    return list(dict.fromkeys(problems))
