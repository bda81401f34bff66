"""Search per language, for visitors who type without diacritics.

Material's search puts both languages in one index (mkdocs-static-i18n merges them)
and matches "Đình" only when typed with its diacritics. This index is written per
language; the browser folds diacritics on both sides ("Đình Làng Đông" → "dinh lang dong"),
so `dinh lang dong`, `Dinh Lang Dong` and `Đình Làng Đông` find the same page.

To stay light on a phone, names, summaries and headings are indexed in full; an
entry's story is left out (its summary says what it is about) and other pages keep
only their opening (BODY_CHARS): a visitor searches for a place or a festival by
name far more than for a phrase deep inside a story. Measured with
benchmarks/search_index.py (README).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from heritage import i18n, urls
from heritage.sections import COLUMN, ENTRY_SECTIONS

BODY_CHARS = 200
KINDS = {"entry": "e", "post": "p", "page": "g"}


_FENCE = re.compile(r"^(```|~~~).*?^\1", re.S | re.M)
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_TAG = re.compile(r"<[^>]+>")
_ATTRS = re.compile(r"\{[:#.][^}]*\}")
_MARKS = re.compile(r"[*_`>|]+")
_HEADING = re.compile(r"^#{1,6}\s+(.*?)\s*#*\s*$", re.M)


def plain_text(markdown: str) -> str:
    """Readable text of a Markdown body (for the index only: this is not sanitising)."""
    text = _FENCE.sub(" ", markdown)
    text = _IMAGE.sub(r"\1", text)
    text = _LINK.sub(r"\1", text)
    text = _TAG.sub(" ", text)
    text = _ATTRS.sub(" ", text)
    text = _HEADING.sub(r"\1.", text)
    text = _MARKS.sub(" ", text)
    return re.sub(r"\s+", " ", text).strip()


def headings(markdown: str) -> list[str]:
    return [plain_text(h) for h in _HEADING.findall(_FENCE.sub(" ", markdown))]


def shorten(text: str, limit: int = BODY_CHARS) -> str:
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut + "…"


class SearchIndex:
    """Documents per language, keyed by URL (a rebuild replaces, never duplicates)."""

    def __init__(self) -> None:
        self.docs: dict[str, dict[str, dict]] = {}

    def add_page(self, inventory, lang: str, kind: str, key: str, url: str, title: str, markdown: str) -> None:
        """Record a page by what it is (`kind` and `key` as `pages.kinds.classify` says):
        an entry by its name, type and summary, a post by its title and summary, other
        pages by their title and opening. The editors' pages and search itself are left out."""
        if kind in ("search", "translations"):
            return
        if kind == "entry" and key in inventory.entries:
            entry = inventory.entries[key]
            section = ENTRY_SECTIONS[entry.section].label(lang)
            label = f"{section} · {inventory.vocabulary.type_label(entry.section, entry.data.type, lang)}"
            self.add(lang, url, entry.name(lang), "entry", label, entry.data.summary(lang), markdown, section)
            return
        if kind == "post":
            post = inventory.post(lang, key)
            if post is not None:
                self.add(lang, url, post.meta.title, "post", COLUMN.label(lang), post.meta.summary, markdown)
            return
        if kind == "trail" and key in inventory.trails:  # by its name and summary, like an entry
            trail = inventory.trails[key]
            self.add(lang, url, trail.name(lang), "page", i18n.t("trails", lang), trail.data.summary(lang), markdown)
            return
        if kind == "practical" and inventory.settings.practical is not None:
            # made from data/site.yml: every sentence is searchable ("taxi", "Grab"), and it is
            # found as a place is: by where visitors come from ("Hanoi", "airport"), its label
            from heritage.pages.practical import teaser

            practical = inventory.settings.practical
            intro = practical.intro(lang) if practical.intro else ""
            self.add(lang, url, title, "entry", teaser(practical, lang), intro, markdown, extra=practical.texts(lang))
            return
        if kind == "event" and key in inventory.events:  # a recurring event: its name and summary too
            event = inventory.events[key]
            self.add(lang, url, event.name(lang), "page", i18n.t("events", lang), event.data.summary(lang), markdown)
            return
        label = ENTRY_SECTIONS[key].label(lang) if kind == "catalogue" else ""
        self.add(lang, url, title or label, "page", label, "", markdown)

    def add(self, lang: str, url: str, title: str, kind: str, label: str, summary: str, markdown: str, section: str = "", extra: list[str] = ()) -> None:
        """`section`: the section's name, so that typing it ("quan ho") lists its entries first;
        `extra`: text a page shows from data, found like its headings (never shown as a snippet)."""
        body = plain_text(markdown)
        self.docs.setdefault(lang, {})[url] = {
            "t": title,
            "u": url,
            "k": KINDS[kind],
            "c": section,
            "s": label,
            "x": summary,
            "h": " · ".join([*headings(markdown), *extra]),
            "b": "" if kind == "entry" else shorten(body),
        }

    def write(self, lang: str, site_root: Path) -> Path:
        docs = sorted(self.docs.get(lang, {}).values(), key=lambda d: d["u"])
        target = site_root / urls.search_index(lang)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps({"lang": lang, "docs": docs}, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        return target
