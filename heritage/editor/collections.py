"""The form's collections (the sections, trails, the column, the settings) and the whole
Decap configuration (config.yml)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from heritage import urls
from heritage.content.inventory import Inventory
from heritage.content.loader import TRAILS_FOLDER, cached_inventory, id_reserved, id_taken
from heritage.content.schema import ID_PATTERN, SCHEMAS, PostMeta, Trail
from heritage.content.settings import Settings
from heritage.content.vocabulary import Vocabulary
from heritage.editor.fields import COVER_FOLDER, POST_HIDDEN, POST_LABELS, POST_TRANSLATED, Generator
from heritage.events.schema import RecurringEvent
from heritage.editor.words import HINTS, ID_FIELD, ID_MESSAGE, STORY_FIELDS, both, label
from heritage.sections import COLUMN, ENTRY_SECTIONS, LANGUAGES

# --- collections ------------------------------------------------------------------------------


SEARCH_FIELD = "hx_search"  # admin/hx-storage.js: listed entries only, never saved
IDS_FILE = "ids.json"  # beside config.yml: every id in use, for the form to refuse a taken one


def _id_field(trail: bool = False) -> dict[str, Any]:
    """The file's name, shown as a field (never written inside the file). A new entry's id is
    refused when taken (heritage-id, admin/hx-fields.js, reads IDS_FILE), in `make check`'s words."""
    return {
        "name": ID_FIELD,
        "label": label(ID_FIELD),
        "widget": "heritage-id",
        "pattern": [ID_PATTERN.pattern, both(ID_MESSAGE)],
        "hint": both(HINTS["id"]),
        "heritage_ids": IDS_FILE,
        "heritage_taken": both(id_taken("{id}", "{where}", trail)[:2]),
        "heritage_reserved": both(id_reserved("{id}", "")[:2]),
        "required": True,
    }


def known_ids(root: Path, inventory: Inventory) -> dict[str, Any]:
    """Every id a new entry or trail cannot take, with the file that holds it: the data files of
    every section and of the trails (those with errors too), every alias, the reserved names."""
    taken: dict[str, str] = {}
    for folder in (*ENTRY_SECTIONS, TRAILS_FOLDER, urls.EVENTS):
        for path in sorted((root / "data" / folder).glob("*.yml")):
            taken.setdefault(path.stem, path.relative_to(root).as_posix())
    for entry in inventory.entries.values():
        for alias in entry.data.aliases:
            taken.setdefault(alias, f"{entry.rel} (aliases)")
    return {"taken": taken, "reserved": sorted(urls.RESERVED_IDS)}


def _stories(names: dict[str, str] | None = None) -> list[dict[str, Any]]:
    """The two Markdown pages of a data file, as the fields story_vi and story_en (hx-storage.js
    moves them out of the YAML into docs/<lang>/…); `names` gives them other labels and hints."""
    out = []
    for lang in LANGUAGES:
        key = (names or STORY_FIELDS)[lang]
        out.append({"name": STORY_FIELDS[lang], "label": label(key), "widget": "markdown", "required": False, **({"hint": both(HINTS[key])} if key in HINTS else {})})
    return out


def _yaml_collection(name: str, label: str, singular: str, folder: str, heritage: dict, fields: list, **extra: Any) -> dict[str, Any]:
    """A collection of YAML data files, one per id, with the pages the editor's script writes
    beside each (`heritage.stories`): what entries and trails share."""
    return {
        "name": name,
        "label": label,
        "label_singular": singular,
        "folder": folder,
        "extension": "yml",
        "format": "yml",
        "create": True,
        "slug": "{{" + ID_FIELD + "}}",
        "identifier_field": ID_FIELD,
        # SEARCH_FIELD: the names without diacritics, which hx-storage.js adds to listed entries so
        # that search finds "Chùa…" from "chua"; the `ternary` filter prints nothing of it
        "summary": "{{name.vi}} — {{name.en}} ({{" + ID_FIELD + "}}){{" + SEARCH_FIELD + " | ternary('', '')}}",
        **extra,
        "heritage": heritage,
        "fields": [_id_field(heritage.get("kind") == "trail"), *fields],
    }


def entry_collection(section: str, generator: Generator) -> dict[str, Any]:
    s = ENTRY_SECTIONS[section]
    return _yaml_collection(
        section, f"{s.vi} / {s.en}", f"{s.vi} / {s.en}", f"data/{section}",
        {"kind": "entry", "section": section, "stories": {lang: f"docs/{lang}/{section}/" for lang in LANGUAGES}},
        [*generator.fields(section, SCHEMAS[section]), *_stories()],
        media_folder="/data/media/{{" + ID_FIELD + "}}", public_folder="",
    )


TRAIL_COLLECTION = urls.TRAILS  # the collection's name: its drafts are branches cms/hanh-trinh/<id>
TRAIL_ORDER = ("name", "summary", "travel", "season", "stops", "sample")
TRAIL_STORIES = {lang: f"intro_{lang}" for lang in LANGUAGES}


def trail_stops(inventory: Inventory) -> list[dict[str, str]]:
    """Choices for a stop: every entry with coordinates (a stop without them is refused by
    `make check`: the trail could not be drawn), section by section, in Vietnamese order."""
    options = []
    for key, section in ENTRY_SECTIONS.items():
        for entry in inventory.section(key, "vi"):
            if entry.data.location is not None:
                options.append({"label": f"{entry.name('vi')} / {entry.name('en')} — {section.vi} ({entry.id})", "value": entry.id})
    return options


def trail_collection(generator: Generator) -> dict[str, Any]:
    """data/trails/<id>.yml and its pages docs/<lang>/hanh-trinh/<id>.md, one form: the same
    three-files-per-form mechanism as an entry's (hx-paths.js reads `heritage.stories`)."""
    rank = {name: i for i, name in enumerate(TRAIL_ORDER)}
    fields = sorted(generator.fields(None, Trail), key=lambda f: rank.get(f["name"], len(TRAIL_ORDER)))
    return _yaml_collection(
        TRAIL_COLLECTION, "Hành trình / Trails", "Hành trình / Trail", f"data/{TRAILS_FOLDER}",
        {"kind": "trail", "stories": {lang: f"docs/{lang}/{urls.TRAILS}/" for lang in LANGUAGES}},
        [*fields, *_stories(TRAIL_STORIES)],
    )


EVENT_COLLECTION = urls.EVENTS  # data/su-kien/<id>.yml; drafts are branches cms/su-kien/<id>
EVENT_ORDER = ("name", "summary", "repeat", "time", "place", "free", "fee", "contact", "sample")


def event_collection(generator: Generator) -> dict[str, Any]:
    """data/su-kien/<id>.yml and its pages docs/<lang>/su-kien/<id>.md, one form, both
    languages side by side as an entry's (the same three-files-per-form mechanism)."""
    rank = {name: i for i, name in enumerate(EVENT_ORDER)}
    fields = sorted(generator.fields(None, RecurringEvent), key=lambda f: rank.get(f["name"], len(EVENT_ORDER)))
    return _yaml_collection(
        EVENT_COLLECTION, "Sự kiện thường kỳ / Recurring events", "Sự kiện / Event", f"data/{urls.EVENTS}",
        {"kind": "event", "stories": {lang: f"docs/{lang}/{urls.EVENTS}/" for lang in LANGUAGES}},
        [*fields, *_stories()],
    )


def column_collection(generator: Generator) -> dict[str, Any]:
    """Posts in Decap's i18n: Vietnamese and English side by side. Decap stores a translated
    entry as <folder>/<lang>/<slug>.md; the editor's script maps that onto the site's
    docs/<lang>/chuyen-muc/<slug>.md (see admin/hx-paths.js)."""
    fields = []
    for field in generator.fields(None, PostMeta, skip=POST_HIDDEN):
        if field["name"] in POST_LABELS:
            field["label"] = field["label"].replace(label(field["name"]), both(POST_LABELS[field["name"]]))
        # Decap's list and object widgets take only true/false: a list is kept per language.
        field["i18n"] = True if field["name"] in POST_TRANSLATED or field["widget"] in ("list", "object") else "duplicate"
        fields.append(field)
    fields.append({"name": "body", "label": label("body"), "widget": "markdown", "i18n": True, "required": True})
    return {
        "name": COLUMN.key,
        "label": f"{COLUMN.vi} / {COLUMN.en}",
        "label_singular": "Bài viết / Post",
        "folder": f"docs/{COLUMN.key}",
        "extension": "md",
        "format": "frontmatter",
        "create": True,
        "slug": "{{slug}}",
        "identifier_field": "title",
        "summary": "{{date | date('DD/MM/YYYY')}} — {{title}}",  # day/month/year, as the form types it
        "sortable_fields": [{"field": "date", "default_sort": "desc"}, "title"],
        "i18n": True,  # the site-wide i18n settings (config()): two folders, Vietnamese first
        "heritage": {"kind": "column", "real": {lang: f"docs/{lang}/{COLUMN.key}" for lang in LANGUAGES}},
        "media_folder": f"/{urls.MEDIA_SOURCE}/{COVER_FOLDER}",
        "public_folder": "",
        "fields": fields,
    }


def settings_collection(generator: Generator) -> dict[str, Any]:
    fields = []
    for name, info in Settings.model_fields.items():
        if name == "column":
            # `excused` maps months to reasons: Decap has no widget for a free mapping; the form
            # keeps it as it is in the file (edit it there).
            column = [f for f in generator.fields(None, info.annotation, skip=("excused",))]
            fields.append(generator._decorate({"widget": "object", "collapsed": False, "fields": column}, name, True))
        else:
            fields.append(generator.field(None, name, info, Settings.__name__, Settings))
    return {
        "name": "cai-dat",
        "label": "Cài đặt / Settings",
        "editor": {"preview": False},
        "files": [{"name": "site", "label": "Cài đặt trang / Site settings", "file": "data/site.yml", "format": "yml", "fields": fields}],
    }


def config(root: Path, settings: Settings, vocabulary: Vocabulary, proxy: str | None = None, inventory: Inventory | None = None) -> dict[str, Any]:
    """The whole Decap configuration (config.yml), from the schema, the vocabulary and site.yml,
    and the inventory (the entries a trail can stop at)."""
    generator = Generator(vocabulary, trail_stops(inventory or cached_inventory(root)))
    cms = settings.cms
    backend: dict[str, Any] = {
        "name": "github",
        "repo": cms.repo if cms and cms.repo else "OWNER/REPOSITORY",
        "branch": cms.branch if cms else "main",
        "squash_merges": True,
        "cms_label_prefix": "bien-tap/",
        "commit_messages": {
            "create": "Thêm {{collection}} “{{slug}}” / Add {{collection}} “{{slug}}”",
            "update": "Sửa {{collection}} “{{slug}}” / Update {{collection}} “{{slug}}”",
            "delete": "Xóa {{collection}} “{{slug}}” / Delete {{collection}} “{{slug}}”",
            "uploadMedia": "Tải lên {{path}} / Upload {{path}}",
            "deleteMedia": "Xóa {{path}} / Delete {{path}}",
            "openAuthoring": "{{message}}",
        },
    }
    if cms and cms.auth_endpoint:
        backend["base_url"] = cms.auth_endpoint.rstrip("/")
        backend["auth_endpoint"] = "auth"
    out: dict[str, Any] = {
        "backend": backend,
        "publish_mode": "editorial_workflow",
        "locale": LANGUAGES[0],
        "media_folder": "data/media",
        "public_folder": "",
        "site_url": settings.site_url or "",
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "editor": {"preview": True},
        # Only collections that ask for it (the column) are translated side by side.
        "i18n": {"structure": "multiple_folders", "locales": list(LANGUAGES), "default_locale": LANGUAGES[0]},
        "collections": [
            *(entry_collection(section, generator) for section in ENTRY_SECTIONS),
            trail_collection(generator),
            event_collection(generator),
            column_collection(generator),
            settings_collection(generator),
        ],
    }
    if proxy:
        out["local_backend"] = {"url": proxy}
    return out
