"""What of docs/ may reach the site: the Markdown pages of the language folders, nothing else.

MkDocs copies every other file under docs_dir to the site as it is: an .html, .svg or .js
file would run on the site's own address, outside every policy (and read what the web editor
keeps in the browser); `_redirects` or `_headers` would redirect or re-police the whole site
on Netlify or Cloudflare Pages; `CNAME` would move it. So anything else under docs/ is an
error for `make check` and the build (`stray_file_problems`), and the build's hook drops it
all the same (`is_page_source`) should a check ever be bypassed.

The build's own outputs (feeds, media, _headers…) are written by heritage, not copied from
docs/, and the theme's files (overrides/, Material's assets) come from the theme's folders:
neither is concerned here.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from heritage import urls
from heritage.content.folders import walk
from heritage.content.schema import ID_CHARS
from heritage.content.sources import special_file_problem, symlink_problem
from heritage.problems import Problem
from heritage.sections import LANGUAGES

PAGE_SUFFIX = ".md"
# Files that tools leave in folders and that carry nothing: tolerated (never an error), and
# never published (the hook drops them like everything that is not a page). Any other
# dot-file (.htaccess, .well-known/…) is an error: a host may act on it.
HARMLESS = frozenset({".gitkeep", ".keep", ".DS_Store"})
# A folder with one of these endings is taken for a file by whoever lists files by name.
_FILE_ENDINGS = (".md", ".yml", ".yaml")


def is_page_source(src_uri: str) -> bool:
    """Whether a path under docs/ is a page the site publishes: docs/<lang>/…/<name>.md,
    with no hidden folder or file on the way."""
    parts = src_uri.replace("\\", "/").split("/")
    return (
        len(parts) >= 2
        and parts[0] in LANGUAGES
        and parts[-1].endswith(PAGE_SUFFIX)
        and len(parts[-1]) > len(PAGE_SUFFIX)
        and not any(part.startswith(".") or not part for part in parts)
    )


def _not_a_page(rel: str) -> Problem:
    languages = ", ".join(f"docs/{lang}/" for lang in LANGUAGES)
    return Problem(
        rel,
        f"Thư mục docs/ chỉ chứa trang Markdown (.md) trong các thư mục ngôn ngữ ({languages}): "
        "tệp khác sẽ được đăng nguyên trạng lên địa chỉ của trang, kể cả mã chạy được hoặc tệp cấu hình máy chủ (_redirects, _headers, CNAME).",
        f"docs/ holds Markdown pages (.md) only, inside the language folders ({languages}): "
        "any other file would be published as it is on the site's address, code or server settings (_redirects, _headers, CNAME) included.",
        *(_MOVE_PAGE if rel.endswith(PAGE_SUFFIX) else _REMOVE_FILE),
    )


_MOVE_PAGE = (
    "Chuyển trang này vào docs/vi/ (tiếng Việt) hoặc docs/en/ (tiếng Anh), đúng thư mục mục của nó.",
    "Move this page into docs/vi/ (Vietnamese) or docs/en/ (English), in its section's folder.",
)
_REMOVE_FILE = (
    "Ảnh, âm thanh, video đặt trong data/media/<mã mục>/ và khai báo trong tệp .yml; logo ghi ở trường `logo` của data/site.yml; xóa tệp này khỏi docs/.",
    "Photos, audio and video go in data/media/<id>/ and are listed in the .yml file; the emblem is the `logo` field of data/site.yml; remove this file from docs/.",
)


_NAME = re.compile(ID_CHARS)


def _bad_name(rel: str) -> Problem:
    return Problem(
        rel,
        "Tên tệp hoặc thư mục là địa chỉ của trang, in cả trên mã QR: chỉ dùng chữ thường không dấu, số và dấu gạch ngang "
        "(chữ có dấu, chữ hoa, khoảng trắng cho ra địa chỉ khác nhau trên mỗi máy).",
        "A page's file and folder names are its address, printed in QR codes too: lowercase ASCII letters, digits and hyphens only "
        "(diacritics, capitals and spaces give addresses that differ from one machine to the next).",
        "Đổi tên, ví dụ bai-viet-dac-biet.md (cùng tên ở docs/vi/ và docs/en/).",
        "Rename it, e.g. bai-viet-dac-biet.md (the same name in docs/vi/ and docs/en/).",
    )


def stray_file_problems(root: Path) -> list[Problem]:
    """Every file under docs/ that is not a page of a language folder, every symbolic
    link under docs/ or data/ (a page or data file read from anywhere), and anything there
    that is not a regular file (a named pipe or a device would hang the build, a folder
    named x.yml crash it). data/media/ is the media checks' own."""
    out = []
    media = os.path.join(root, urls.MEDIA_SOURCE)
    for top in ("docs", "data"):
        base = root / top
        for folder, entries in walk(os.fspath(base), lambda f: f == media or f.startswith(media + os.sep)):
            here = Path(folder)
            rel_here = here.relative_to(root).as_posix()
            links = {name for name, entry in entries.items() if entry.is_symlink()}
            out += [symlink_problem(f"{rel_here}/{name}") for name in sorted(links)]
            filenames, special = set(), set()
            for name in sorted(entries.keys() - links):  # a folder named like a file, a pipe, a device
                entry = entries[name]
                if entry.is_dir(follow_symlinks=False):
                    problem = special_file_problem(here / name, f"{rel_here}/{name}") if name.endswith(_FILE_ENDINGS) else None
                else:
                    filenames.add(name)
                    problem = None if entry.is_file(follow_symlinks=False) else special_file_problem(here / name, f"{rel_here}/{name}")
                if problem is not None:
                    out.append(problem)
                    special.add(name)
            if top != "docs":
                continue
            under = here.relative_to(base).as_posix()
            for name in sorted(filenames):
                if name in HARMLESS or name in special:
                    continue
                src = f"{under}/{name}" if under != "." else name
                if not is_page_source(src):
                    out.append(_not_a_page(f"{rel_here}/{name}"))
                elif not all(_NAME.match(part) for part in src.removesuffix(PAGE_SUFFIX).split("/")[1:]):
                    out.append(_bad_name(f"{rel_here}/{name}"))
    return out
