"""Links between pages that point nowhere.

Works on rendered HTML: in the build, MkDocs has already turned `page.md` links into
URLs; in `heritage check`, Python-Markdown leaves them as `.md` paths. Both are
resolved against the docs tree.
"""

from __future__ import annotations

import os
import posixpath
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from heritage import urls
from heritage.sections import LANGUAGES

# Outputs the build writes besides pages: links into them are not checked here.
GENERATED_PREFIXES = ("media/", "assets/", "search/", "q/", "sitemap", "404.html")
# Files the build writes beside pages (feeds, calendars, data, QR codes).
GENERATED_SUFFIXES = (".xml", ".ics", ".json", ".csv", ".geojson", ".png", ".svg", ".pdf", ".jpg", ".webp", ".avif")


def known_pages(docs: Path) -> set[str]:
    """The site path of every page's Markdown (docs/<lang>/…/*.md). os.walk, not rglob: a
    tenth of the time at 2,000 pages; a link to a folder is not followed (an error itself)."""
    found = set()
    for lang in LANGUAGES:
        for folder, dirnames, filenames in os.walk(docs / lang):
            under = os.path.relpath(folder, docs).replace(os.sep, "/")
            found.update(urls.from_source(f"{under}/{name}") for name in (*dirnames, *filenames) if name.endswith(".md"))
    return found


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.targets: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.targets.append(href)


def broken_links(html: str, source_rel: str, url: str, docs: Path, pages: set[str]) -> list[str]:
    """Hrefs in `html` (page at site path `url`, source docs/`source_rel`) that lead nowhere."""
    parser = _Links()
    parser.feed(html)
    broken = []
    for href in parser.targets:
        parts = urlsplit(href)
        if parts.scheme or parts.netloc or href.startswith(("#", "mailto:", "tel:")) or not parts.path:
            continue
        path = unquote(parts.path)
        if path.endswith(".md"):
            target = posixpath.normpath(posixpath.join(posixpath.dirname(source_rel), path))
            if not (docs / target).is_file():
                broken.append(href)
            continue
        resolved = path.lstrip("/") if path.startswith("/") else posixpath.normpath(posixpath.join(url, path))
        resolved = "" if resolved == "." else resolved
        if resolved.startswith("../"):
            broken.append(href)
            continue
        if resolved.endswith(GENERATED_SUFFIXES) or resolved.startswith(GENERATED_PREFIXES) or any(resolved.startswith(f"{lang}/{p}") for lang in LANGUAGES for p in GENERATED_PREFIXES):
            continue
        if resolved.endswith("index.html"):
            resolved = resolved[: -len("index.html")]
        candidate = resolved if resolved.endswith("/") or resolved == "" else resolved + "/"
        if candidate not in pages:
            broken.append(href)
    return broken
