"""Which pages the live preview builds again after a save (`mkdocs serve --dirty`).

An officer saves one entry under `make edit`; building the whole site again in both languages
took longer than they wait (11 s at 1,000 entries). MkDocs' `--dirty` mode builds only the pages
whose Markdown is newer than their output, which misses what changed in data/ (an entry's name
is in its .yml, and on its catalogue, the home page, the map, the trails through it…). So the
preview keeps, between builds, what every file looked like and which ids each built page links
to, and asks MkDocs to build exactly:

- the pages `heritage.review.affected` maps the changed files to (the page itself in every
  language, its section's catalogue, home, map, calendar, the trails through it);
- every page whose last build linked to a changed id (a related entry, a post naming it, the
  nearest places of another entry, a trail stop): those show its name;
- every page, when a change reaches the whole site (settings, vocabulary, templates, the
  configuration, a file added or deleted, another day, the banner of problems appearing,
  changing or going away). A deleted page's output is removed.

No MkDocs here: the hooks ask `Tracker.plan` once per build and `Tracker.wants` per page.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from heritage import urls
from heritage.content.folders import walk
from heritage.review import affected as review
from heritage.sections import LANGUAGES

# Watched folders and files (mkdocs.yml's `watch`, the docs and the theme): what a save can touch.
CONTENT = ("data", "docs")
ENGINE = ("overrides", "hooks", "mkdocs.yml")
_HREF = re.compile(r'href="([^"#?]*)')

Snapshot = dict[str, tuple[int, int]]


def snapshot(root: Path) -> Snapshot:
    """Size and modification time (ns) of every file a preview build reads, by repository path."""
    out: Snapshot = {}
    for top in (*CONTENT, *ENGINE):
        base = root / top
        if base.is_file():
            stat = base.stat()
            out[top] = (stat.st_size, stat.st_mtime_ns)
            continue
        _scan(os.fspath(base), top, out)
    return out


def _scan(folder: str, rel: str, out: Snapshot) -> None:
    """Each file's lstat under `folder` (links to folders not followed), by repository path."""
    for here, entries in walk(folder):
        under = rel + here[len(folder):].replace(os.sep, "/")
        for entry in entries.values():
            if not entry.is_dir():
                stat = entry.stat(follow_symlinks=False)
                out[f"{under}/{entry.name}"] = (stat.st_size, stat.st_mtime_ns)


def linked_ids(html: str, ids: set[str]) -> frozenset[str]:
    """The ids (entries, trails, events) a built page links to: the last segment of each link."""
    found = set()
    for href in _HREF.findall(html):
        last = href.rstrip("/").rsplit("/", 1)[-1]
        if last in ids:
            found.add(last)
    return frozenset(found)


@dataclass
class Plan:
    """One build's work: every page (`full`) or these site paths, in every language."""

    full: bool
    pages: set[str] = field(default_factory=set)
    changed: list[str] = field(default_factory=list)
    reason: str = ""

    def describe(self) -> str:
        if self.full:
            return f"every page ({self.reason})"
        return f"{len(self.pages)} pages for {', '.join(self.changed) or 'no change'}"


def _entry_yml(rel: str) -> bool:
    return bool(_ENTRY_YML.match(rel))


_ENTRY_YML = re.compile(r"data/[^/]+/[^/]+\.yml$")
# What each output made from the data alone (Site.write_shared_outputs) is read from, by the
# repository path of a changed file, when that is all it depends on (settings, the vocabulary,
# the day and the engine make the plan full, and then every output is written). An output not
# here is written on every build, or decided by a key of what it shows (`Reach.reaches`).
READS: dict[str, Callable[[str], bool]] = {
    "theme": lambda rel: False,  # the settings' fonts, colours and logo
    "webapp": lambda rel: False,  # the settings' name, colours and logo
    "basemap": lambda rel: False,  # the settings' map
    "media": lambda rel: rel.startswith("data/media/") or "/chuyen-muc/" in rel,  # and entries' `media` (its key)
    "brochure": lambda rel: rel.startswith("data/media/"),  # its photos, and what it prints (its key)
    "open-data": _entry_yml,
    "landings": _entry_yml,
    "qr-codes": _entry_yml,
    "gpx": _entry_yml,
}
# Changed files a plan that is not full can hold; any other reaches every output.
_CONTENT_FILE = re.compile(r"data/(media/.+|[^/]+/[^/]+\.yml)$|docs/[^/]+/.+\.md$")


@dataclass
class Reach:
    """Which outputs made from the data alone a preview build writes again: at 1,000 entries
    writing all of them (calendars, media, brochure…) took 6 s of every refresh."""

    full: bool
    changed: list[str]
    keys_before: dict[str, object]
    keys: dict[str, object] = field(default_factory=dict)

    @property
    def ids(self) -> set[str] | None:
        """The entries whose own files (a QR landing, its code) to write again; None: all."""
        return None if self.full else {_id_of(rel) for rel in self.changed}

    def reaches(self, name: str, key: Callable[[], object] | None = None) -> bool:
        """Whether output `name` is written again. `key`: what the output shows (the festivals'
        data for the calendars): written when it differs from the last build's."""
        hit = self.full or not all(_CONTENT_FILE.match(rel) for rel in self.changed)
        if key is not None:
            self.keys[name] = key()
            hit = hit or self.keys[name] != self.keys_before.get(name, self)
        reads = READS.get(name)
        if reads is None:
            return hit or key is None
        return hit or any(reads(rel) for rel in self.changed)


@dataclass
class Tracker:
    """What the previous preview build saw; one per project root, kept across rebuilds."""

    root: Path
    site_dir: Path | None = None  # the preview's output (the default language's root)
    files: Snapshot | None = None
    state: tuple = ()  # (the day, the banner's problems): when either changes, every page changes
    links: dict[str, frozenset[str]] = field(default_factory=dict)  # site path → ids it links to
    titles: dict[str, str] = field(default_factory=dict)  # docs path → title: for pages not read again
    search: dict = field(default_factory=dict)  # the search index's documents, kept for pages not built
    plan_: Plan = field(default_factory=lambda: Plan(True, reason="first build"))
    _ids: tuple = (None, set())  # (inventory, its ids): the ids a page may link to
    keys: dict[str, object] = field(default_factory=dict)  # the shared outputs' keys (Reach)

    def plan(self, state: tuple) -> Plan:
        """Compare with the previous build; remembers this one. `state`: what every page shows
        apart from its own content (the day, the banner)."""
        files = snapshot(self.root)
        before, self.files = self.files, files
        old_state, self.state = self.state, state
        if before is None:
            self.plan_ = Plan(True, reason="first build")
            return self.plan_
        changed = sorted(p for p in files.keys() & before.keys() if files[p] != before[p])
        added, deleted = sorted(files.keys() - before.keys()), sorted(before.keys() - files.keys())
        self._remove_output(deleted)
        if state != old_state:
            self.plan_ = Plan(True, changed=changed + added + deleted, reason="the day or the problems changed")
        elif added or deleted:
            self.plan_ = Plan(True, changed=changed + added + deleted, reason="a file was added or deleted")
        else:
            self.plan_ = self._pages(changed)
        if self.plan_.full:
            self.links, self.search = {}, {}
        return self.plan_

    def _pages(self, changed: list[str]) -> Plan:
        found = review.affected(self.root, changed)
        if found.engine or found.site_wide:
            return Plan(True, changed=changed, reason="settings, vocabulary or the engine changed")
        ids = {_id_of(p) for p in changed}
        pages = set(found.pages)
        pages |= {path for path, linked in self.links.items() if linked & ids}
        return Plan(False, pages, changed)

    def reach(self) -> Reach:
        """The shared outputs this build writes; their keys are kept for the next one."""
        self.keys = {} if self.plan_.full else self.keys
        found = Reach(self.plan_.full, self.plan_.changed, self.keys)
        self.keys = found.keys
        return found

    def wants(self, src_uri: str) -> bool:
        """Whether this build renders the page (docs path 'vi/di-tich/x.md')."""
        return self.plan_.full or urls.from_source(src_uri) in self.plan_.pages

    def start(self, preview) -> Plan:
        """The plan of a preview build (`heritage.pages.preview.Preview`); the pages not built
        again keep their documents in its search index."""
        site = preview.site
        plan = self.plan((site.today, site.site_url, preview.stale, tuple(preview.problems)))
        if not plan.full:
            for lang, docs in self.search.items():
                site.search.docs[lang] = {**docs, **site.search.docs.get(lang, {})} if site.search.docs.get(lang) is not docs else docs
        self.search = site.search.docs
        return plan

    def built(self, src_uri: str, title: str, html: str, inventory) -> None:
        """Remember what a page just built links to (the next plan rebuilds it when one changes)
        and its title (the menu of the pages built next shows it without reading the page)."""
        if self._ids[0] is not inventory:
            self._ids = (inventory, inventory.entries.keys() | inventory.trails.keys() | inventory.events.keys())
        ids = self._ids[1]
        self.links[urls.from_source(src_uri)] = linked_ids(html, ids)
        self.titles[src_uri] = title

    def _remove_output(self, deleted: list[str]) -> None:
        """A deleted page's folder in the preview's output, in every language: no stale page."""
        site = self.site_dir
        if site is None:
            return
        for rel in deleted:
            stem = Path(rel).stem
            if rel.startswith("docs/") and rel.endswith(".md"):
                paths = [urls.from_source(rel.removeprefix("docs/"))]
            elif rel.startswith("data/") and rel.count("/") == 2 and rel.endswith(".yml"):
                folder = rel.split("/")[1]
                folder = urls.TRAILS if folder == "trails" else folder
                paths = [urls.prefix(lang) + f"{folder}/{stem}/" for lang in LANGUAGES]
            else:
                continue
            for path in paths:
                target = Path(site) / path
                if path and target.is_dir():
                    shutil.rmtree(target, ignore_errors=True)
                    self.links.pop(path, None)


_TRACKERS: dict[Path, Tracker] = {}


def tracker(root: Path, site_dir: Path) -> Tracker:
    """The project's tracker (one per root for the life of `mkdocs serve`)."""
    root = Path(root).resolve()
    found = _TRACKERS.setdefault(root, Tracker(root))
    found.site_dir = Path(site_dir)
    return found


def _id_of(rel: str) -> str:
    """The id a changed file belongs to: data/<folder>/<id>.yml, data/media/<id>/…, docs/<lang>/…/<id>.md."""
    parts = rel.split("/")
    if rel.startswith("data/media/") and len(parts) > 3:
        return parts[2]
    return Path(rel).stem


def mark(tracker_: Tracker | None, pages) -> None:
    """MkDocs' --dirty builds the pages whose `is_modified()` says so: say it for ours. Called
    from on_nav, where the files are static-i18n's (its on_files, run after ours, makes new ones)."""
    if tracker_ is None:
        return
    for file in pages:
        file.is_modified = (lambda: True) if tracker_.wants(file.src_uri) else (lambda: False)


def keep_titles(tracker_: Tracker | None, pages) -> None:
    """A page not read again keeps its title in every other page's menu."""
    if tracker_ is None:
        return
    for file in pages:
        if file.page is not None and file.page.markdown is None and file.src_uri in tracker_.titles:
            file.page.title = tracker_.titles[file.src_uri]


def record(tracker_: Tracker | None, src_uri: str, title: str, html: str, inventory) -> None:
    """What a page just built links to and its title (Tracker.built), under `serve --dirty`."""
    if tracker_ is not None:
        tracker_.built(src_uri, title, html, inventory)


def start_preview(tracker: "Tracker", preview, static_templates: set[str]) -> str:
    """Plans the preview's build (all of it, or what the change reaches) and says so; the
    bilingual 404 page shows the menu and the banner, which change only with every page."""
    plan = tracker.start(preview)
    if not plan.full:
        static_templates.discard("404.html")
    return plan.describe()
