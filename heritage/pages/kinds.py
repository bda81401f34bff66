"""Which page is what, from its path under docs/ alone, and the text an editor wrote made safe
to print raw (the theme prints page titles and front matter without escaping)."""

from __future__ import annotations

import html as html_module
import re
from dataclasses import dataclass

from heritage import urls
from heritage.sections import COLUMN, ENTRY_SECTIONS, LANGUAGES

# Pages with a folder of their own: folder → kind.
FOLDER_PAGES = {
    urls.MAP: "map",
    urls.CALENDAR: "calendar",
    urls.OPEN_DATA: "open-data",
    urls.SEARCH: "search",
    urls.EDITORS: "translations",
    urls.TRAILS: "trails",
    urls.ABOUT: "about",
    urls.VISIT: "practical",
    urls.EVENTS: "events",
    urls.BANK: "media-bank",
}



def plain(text: str) -> str:
    """Text an editor wrote, safe to print raw in HTML text or attributes: the theme prints
    page titles and front matter without escaping. Entities are read first, so that an
    already escaped title is not escaped twice."""
    return html_module.escape(html_module.unescape(text), quote=True)


# What Python-Markdown reads as markup after a backslash (its ESCAPED_CHARS) but for '>', which
# `plain` turns into '&gt;' first: a name is a heading of plain text, never a link, an image
# or attributes ('[Bấm](https://…)', '![x](…)', '{: .md-button}').
_MARKDOWN_MARKS = re.compile(r"([\\`*_{}\[\]()#+\-.!])")


def heading(text: str) -> str:
    """A Markdown heading line showing `text` exactly: on one line, HTML escaped, every
    Markdown mark escaped (so MkDocs still takes the page title from it)."""
    text = html_module.unescape(" ".join(text.split()))  # entities first: '&#91;' is a '[' too
    return "# " + html_module.escape(_MARKDOWN_MARKS.sub(r"\\\1", text), quote=True)


@dataclass(frozen=True)
class PageKind:
    lang: str
    kind: str  # home, catalogue, entry, column, post, map, calendar, open-data, search, translations, about, page
    key: str = ""  # section for catalogue/entry, id or slug


def classify(src_uri: str) -> PageKind | None:
    """What a Markdown file under docs/ is, from its path alone."""
    parts = src_uri.replace("\\", "/").split("/")
    if len(parts) < 2 or parts[0] not in LANGUAGES:
        return None
    lang, rest = parts[0], parts[1:]
    if rest == ["index.md"]:
        return PageKind(lang, "home")
    if len(rest) == 2:
        folder, name = rest
        stem = name[:-3] if name.endswith(".md") else name
        if folder in ENTRY_SECTIONS:
            return PageKind(lang, "catalogue", folder) if name == "index.md" else PageKind(lang, "entry", stem)
        if folder == COLUMN.key:
            return PageKind(lang, "column") if name == "index.md" else PageKind(lang, "post", stem)
        if folder == urls.TRAILS and name != "index.md":
            return PageKind(lang, "trail", stem)
        if folder == urls.EVENTS and name != "index.md":
            return PageKind(lang, "event", stem)
        if name == "index.md" and folder in FOLDER_PAGES:
            return PageKind(lang, FOLDER_PAGES[folder])
    return PageKind(lang, "page")


def relative_base(page_url: str) -> str:
    """'../' for every folder between the page and the site root."""
    depth = len([p for p in page_url.strip("/").split("/") if p])
    return "../" * depth
