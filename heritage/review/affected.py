"""Which pages a pull request's changed files affect, and whether the engine changed.

A content pull request (an officer's save in the web editor) changes files under `data/` and
`docs/` only; it cannot break the engine's code, so its workflow skips the engine's test
suite and shows the reviewer before/after screenshots of the pages the change touches. Any
other file (code, templates, settings of the build, workflows, the README the tests keep
complete) counts as an engine change: the whole suite runs.

The map errs on the side of showing more: a page listing an entry (its section's catalogue,
the home page, the map, the calendar, a trail through it) is shown with it, and a change whose
reach is site-wide (settings, vocabulary) shows every page type. Everything here is read from
the pull request's own files, so it is untrusted: a trail file that does not parse only widens
the set, it never stops the review.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from heritage import urls
from heritage.content.loader import TRAILS_FOLDER
from heritage.sections import COLUMN, ENTRY_SECTIONS, LANGUAGES

CONTENT_ROOTS = ("data/", "docs/")
# Under data/: files whose reach is the whole site (names, contact, labels, vocabulary).
SITE_WIDE = {"data/site.yml", "data/vocabulary.yml"}
# Under data/: files no visitor's page shows (the list of printed codes only guards ids).
UNSEEN = {"data/qr-issued.yml"}
# Every page type, as the screenshots of a site-wide change (site paths in the default language).
PAGE_TYPES = ("", "di-tich/", "le-hoi/", "chuyen-muc/", urls.CALENDAR + "/", urls.MAP + "/", urls.TRAILS + "/", urls.ABOUT + "/")


@dataclass
class Affected:
    """What a set of changed files reaches."""

    engine: list[str] = field(default_factory=list)  # changed files outside data/ and docs/
    pages: set[str] = field(default_factory=set)  # site paths, both languages
    site_wide: bool = False

    def sorted_pages(self) -> list[str]:
        """Default language first, then the others, each in path order (home first)."""
        others = tuple(urls.prefix(lang) for lang in LANGUAGES[1:])
        return sorted(self.pages, key=lambda p: (p.startswith(others), p))


def _both(path_in_default: str) -> set[str]:
    """A site path of the default language, in every language."""
    return {urls.prefix(lang) + path_in_default for lang in LANGUAGES}


def _section_of(root: Path, entry_id: str) -> str | None:
    """The folder under data/ holding `<id>.yml` (a section, trails, or another kind of page)."""
    for folder in sorted(p.parent.name for p in (root / "data").glob(f"*/{entry_id}.yml")):
        return folder
    return None


def _trails_through(root: Path, entry_id: str) -> set[str] | None:
    """Ids of the trails with a stop at the entry; None when a trail file cannot be read."""
    found: set[str] = set()
    for path in sorted((root / "data" / TRAILS_FOLDER).glob("*.yml")):
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")[:1_000_000])
        except (OSError, UnicodeDecodeError, yaml.YAMLError):
            return None
        stops = data.get("stops") if isinstance(data, dict) else None
        if isinstance(stops, list) and any(isinstance(s, dict) and s.get("entry") == entry_id for s in stops):
            found.add(path.stem)
    return found


def _entry_pages(root: Path, folder: str, entry_id: str, out: Affected) -> None:
    """An entry (or trail, or another kind with its own pages) and what lists it."""
    if folder == TRAILS_FOLDER:
        out.pages |= _both(f"{urls.TRAILS}/{entry_id}/") | _both(f"{urls.TRAILS}/")
        return
    out.pages |= _both(f"{folder}/{entry_id}/") | _both(f"{folder}/") | _both("")
    section = ENTRY_SECTIONS.get(folder)
    if section is None:
        out.pages |= _both(f"{urls.CALENDAR}/")  # the other dated kinds (recurring events) are in the calendar
        return
    if section.has_place:
        out.pages |= _both(f"{urls.MAP}/")
    if folder == "le-hoi":
        out.pages |= _both(f"{urls.CALENDAR}/")
    trails = _trails_through(root, entry_id)
    if trails is None:
        out.site_wide = True
        return
    for trail_id in trails:
        out.pages |= _both(f"{urls.TRAILS}/{trail_id}/")


def _data_file(root: Path, rel: str, out: Affected) -> None:
    parts = rel.split("/")
    if rel in UNSEEN:
        return
    if rel in SITE_WIDE or len(parts) < 3:
        out.site_wide = True
        return
    if parts[1] == "media":  # data/media/<id>/…: the entry the file belongs to
        folder = _section_of(root, parts[2])
        if folder is None:
            out.site_wide = True  # a media folder of no entry (or of a deleted one): show everything
        else:
            _entry_pages(root, folder, parts[2], out)
        return
    if len(parts) == 3 and parts[2].endswith(".yml"):
        _entry_pages(root, parts[1], parts[2][:-4], out)
        return
    out.site_wide = True


def _docs_file(rel: str, out: Affected) -> None:
    under = rel[len("docs/"):]
    lang, _, rest = under.partition("/")
    if lang not in LANGUAGES or not rest.endswith(".md"):
        return  # never published (the build refuses it): nothing to show
    site_path = urls.from_source(f"{LANGUAGES[0]}/{rest}")  # the page in the default language
    out.pages |= _both(site_path)  # the other language's page says when its translation is behind
    folder = rest.split("/", 1)[0] if "/" in rest else ""
    if folder == COLUMN.key and not rest.endswith("index.md"):
        out.pages |= _both(f"{COLUMN.key}/") | _both("")
    elif folder in ENTRY_SECTIONS and not rest.endswith("index.md"):
        out.pages |= _both(f"{folder}/")


def affected(root: Path, changed: list[str]) -> Affected:
    """What the changed files (paths relative to the repository, as `git diff --name-only` gives)
    reach. `root` is the checkout after the change (a deleted file is looked up by its path)."""
    out = Affected()
    for rel in changed:
        rel = rel.strip().replace("\\", "/")
        if not rel:
            continue
        if not rel.startswith(CONTENT_ROOTS):
            out.engine.append(rel)
        elif rel.startswith("data/"):
            _data_file(root, rel, out)
        else:
            _docs_file(rel, out)
    if out.site_wide:
        for path in PAGE_TYPES:
            out.pages |= _both(path)
    return out
