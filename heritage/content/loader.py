"""Reading the content: every data file and column post into an `Inventory`, once per content state.

`load_inventory` never raises on bad content: it records `Problem`s, so one run
reports everything. `cached_inventory` memoises by the files' fingerprint because
static-i18n runs the hooks once per language and `mkdocs serve` rebuilds often.
"""

from __future__ import annotations

import os
from pathlib import Path

from pydantic import ValidationError

from heritage import clock, urls
from heritage.content import references
from heritage.content.inventory import EntryRecord, EventRecord, Inventory, Post, TrailRecord
from heritage.content.messages import Message, field_label, suggest, validation_messages
from heritage.content.schema import ID_MAX_LENGTH, ID_PATTERN, SCHEMAS, PostMeta, Trail, TrailStop
from heritage.content.settings import load_settings
from heritage.content.sources import SourceError, YamlDocument, load_yaml_file, read_text, split_front_matter
from heritage.content.vocabulary import load_vocabulary
from heritage.events import checks as event_checks
from heritage.events.schema import FOLDER as EVENTS_FOLDER
from heritage.events.schema import RecurringEvent
from heritage.problems import Problem
from heritage.sections import COLUMN, ENTRY_SECTIONS, LANGUAGES


def _schema_problems(exc: ValidationError, schema, rel: str, doc: YamlDocument) -> list[Problem]:
    out = []
    for loc, (vi, en, fix_vi, fix_en) in validation_messages(exc, schema):
        out.append(Problem(rel, vi, en, fix_vi, fix_en, field=field_label(loc) or None, line=doc.line_of(loc)))
    return out


def id_taken(entry_id: str, where: str, trail: bool = False) -> Message:
    """An id already used by another file (entries and trails share one set of ids); also the
    web editor's refusal of a new entry's id (heritage/editor/collections.py)."""
    if trail:
        return (
            f"Mã '{entry_id}' đã được dùng ở {where}: mã hành trình và mã mục phải khác nhau.",
            f"The id '{entry_id}' is already used by {where}: trails and entries share one set of ids.",
            "Đổi tên tệp hành trình (và hai trang Markdown của nó).",
            "Rename the trail's file (and its two Markdown pages).",
        )
    return (
        f"Mã '{entry_id}' đã được dùng ở {where}: mã phải là duy nhất trên toàn bộ trang.",
        f"The id '{entry_id}' is already used by {where}: ids are unique across all sections.",
        "Đổi tên một trong hai tệp (và hai trang Markdown của nó).",
        "Rename one of the two files (and its two Markdown pages).",
    )


def id_reserved(entry_id: str, folder: str) -> Message:
    """A reserved name (urls.RESERVED_IDS) given as an id; also the web editor's refusal."""
    return (
        f"Mã '{entry_id}' là tên dành riêng của trang (thư mục hoặc trang mà trang web tự tạo, hoặc tên thiết bị mà Windows cấm đặt cho tệp), không dùng làm mã mục được.",
        f"The id '{entry_id}' is reserved (a folder or page the site writes itself, or a device name Windows forbids for files) and cannot name an entry.",
        f"Đổi tên tệp thành một mã khác, ví dụ '{folder}-{entry_id}' (và đổi tên hai trang Markdown theo).",
        f"Rename the file to another id, e.g. '{folder}-{entry_id}' (and both Markdown pages with it).",
    )


# (path, schema) → ((size, mtime_ns), result, problems): `mkdocs serve` loads the content again after
# every save; a file that did not change is not parsed and validated again.
_FILES: dict[tuple[str, object], tuple[tuple[int, int], object, list[Problem]]] = {}


def _read_data_file(path: Path, root: Path, schema, problems: list[Problem]):
    """(document, validated model) of one YAML data file, or None after recording its problems;
    the same as last time when the file has the same size and modification time."""
    try:
        stat = path.stat()
    except OSError:
        return _parse_data_file(path, root, schema, problems)
    key, state = (str(path), schema), (stat.st_size, stat.st_mtime_ns)
    hit = _FILES.get(key)
    if hit is not None and hit[0] == state:
        problems.extend(hit[2])
        return hit[1]
    found: list[Problem] = []
    result = _parse_data_file(path, root, schema, found)
    _FILES[key] = (state, result, found)
    problems.extend(found)
    return result


def _parse_data_file(path: Path, root: Path, schema, problems: list[Problem]):
    rel = path.relative_to(root).as_posix()
    entry_id = path.stem
    if not ID_PATTERN.fullmatch(entry_id):
        shown = entry_id if len(entry_id) <= 80 else entry_id[:ID_MAX_LENGTH] + "…"
        problems.append(
            Problem(
                rel,
                f"Tên tệp '{shown}' không dùng được làm mã (id): chỉ gồm chữ thường không dấu, số và dấu gạch ngang, tối đa {ID_MAX_LENGTH} ký tự.",
                f"The file name '{shown}' cannot be an id: lowercase ASCII letters, digits and hyphens only, at most {ID_MAX_LENGTH} characters.",
                "Đổi tên tệp, ví dụ 'Đình làng.yml' → 'dinh-lang.yml' (và đổi tên hai trang Markdown theo).",
                "Rename the file, e.g. 'Đình làng.yml' → 'dinh-lang.yml' (and both Markdown pages with it).",
                field="id",
            )
        )
        return None
    if entry_id in urls.RESERVED_IDS:
        problems.append(Problem(rel, *id_reserved(entry_id, path.parent.name), field="id"))
        return None
    try:
        doc = load_yaml_file(path, rel)
    except SourceError as exc:
        problems.extend(exc.problems)
        return None
    if not isinstance(doc.data, dict):
        problems.append(Problem(rel, "Tệp phải gồm các trường `tên: giá trị`.", "The file must contain `name: value` fields.", line=1))
        return None
    try:
        data = schema.model_validate(doc.data)
    except ValidationError as exc:
        problems.extend(_schema_problems(exc, schema, rel, doc))
        return None
    return doc, data


def _load_entry(path: Path, section: str, root: Path, problems: list[Problem]) -> EntryRecord | None:
    read = _read_data_file(path, root, SCHEMAS[section], problems)
    return EntryRecord(path.stem, section, read[1], path.relative_to(root).as_posix(), read[0]) if read else None


def _load_trail(path: Path, root: Path, problems: list[Problem], inv: Inventory) -> TrailRecord | None:
    read = _read_data_file(path, root, Trail, problems)
    rel = path.relative_to(root).as_posix()
    if read is None:
        _keep_readable_stops(path, rel, inv)
        return None
    return TrailRecord(path.stem, read[1], rel, read[0])


def _keep_readable_stops(path: Path, rel: str, inv: Inventory) -> None:
    """The stops of a trail whose file has errors that are stops on their own (`inv.partial_trails`):
    a `minutes: .inf` must not hide a repeated stop in the same run."""
    try:
        doc = load_yaml_file(path, rel)
    except SourceError:
        return  # reported already; nothing readable
    stops = doc.data.get("stops") if isinstance(doc.data, dict) else None
    readable = []
    for index, item in enumerate(stops if isinstance(stops, list) else []):
        try:
            readable.append((index, TrailStop.model_validate(item)))
        except ValidationError:
            continue  # reported with the file's errors
    inv.partial_trails[path.stem] = (rel, doc, readable)


TRAILS_FOLDER = "trails"  # data/trails/<id>.yml (the contract's name)


def _entry_files(root: Path, problems: list[Problem]):
    data_dir = root / "data"
    if not data_dir.is_dir():
        return
    for child in sorted(data_dir.iterdir()):
        rel = child.relative_to(root).as_posix()
        if not child.is_dir() or child.is_symlink():
            continue  # site.yml and the like; a pipe or device is reported by the stray-file check
        if child.as_posix().endswith(urls.MEDIA_SOURCE) or child.name in (TRAILS_FOLDER, EVENTS_FOLDER):
            continue
        if child.name not in ENTRY_SECTIONS:
            hint = suggest(child.name, list(ENTRY_SECTIONS))
            problems.append(
                Problem(
                    rel,
                    f"Thư mục '{child.name}' không phải chuyên mục nào" + (f"; có phải ý bạn là '{hint}'?" if hint else "."),
                    f"'{child.name}' is not a section folder" + (f"; did you mean '{hint}'?" if hint else "."),
                    f"Chuyển các tệp vào một trong: {', '.join(ENTRY_SECTIONS)}.",
                    f"Move the files into one of: {', '.join(ENTRY_SECTIONS)}.",
                )
            )
            continue
        for path in sorted(child.iterdir()):
            if path.suffix == ".yml":
                yield path, child.name
            elif path.suffix == ".yaml":
                problems.append(
                    Problem(
                        path.relative_to(root).as_posix(),
                        "Tệp dữ liệu phải có đuôi .yml.",
                        "Entry files must end in .yml.",
                        f"Đổi tên thành {path.stem}.yml.",
                        f"Rename it to {path.stem}.yml.",
                    )
                )


def _load_posts(inv: Inventory, problems: list[Problem]) -> None:
    docs = inv.root / "docs"
    for lang in LANGUAGES:
        inv.posts[lang] = []
        folder = docs / lang / COLUMN.key
        if not folder.is_dir():
            continue
        for page in sorted(folder.glob("*.md")):
            if page.name == "index.md":
                continue
            rel = page.relative_to(inv.root).as_posix()
            try:
                doc, _body = split_front_matter(read_text(page, rel), rel)
                meta = PostMeta.model_validate(doc.data)
            except SourceError as exc:
                problems.extend(exc.problems)
                continue
            except ValidationError as exc:
                problems.extend(_schema_problems(exc, PostMeta, rel, doc))
                continue
            inv.posts[lang].append(Post(page.stem, lang, meta, rel, doc))


def _claim(rel: str, entry_id: str, seen: dict[str, str], problems: list[Problem], trail: bool = False) -> bool:
    """Ids are unique across sections, trails and events: the first file to use one keeps it;
    another is reported (a trail's message says so) and left out."""
    if entry_id in seen:
        problems.append(Problem(rel, *id_taken(entry_id, seen[entry_id], trail=trail), field="id"))
        return False
    seen[entry_id] = rel
    return True


def load_inventory(root: Path) -> Inventory:
    """Read and validate every file under `data/` and the column, then check what ties them
    together (`references`); never raises on content."""
    root = Path(root)
    problems: list[Problem] = []
    vocab, vocab_problems = load_vocabulary(root)
    settings, settings_problems = load_settings(root)
    problems.extend(vocab_problems + settings_problems)
    inv = Inventory(root, vocab, settings, problems=problems)
    seen: dict[str, str] = {}
    for path, section in _entry_files(root, problems):
        entry = _load_entry(path, section, root, problems)
        rel = path.relative_to(root).as_posix()
        if not _claim(rel, path.stem, seen, problems):
            continue
        if entry is not None:
            inv.entries[entry.id] = entry
        elif ID_PATTERN.fullmatch(path.stem) and path.stem not in urls.RESERVED_IDS:
            inv.invalid_ids.add(path.stem)  # exists, with errors of its own: not "does not exist" elsewhere
    for path in sorted((root / "data" / TRAILS_FOLDER).glob("*.yml")):
        rel = path.relative_to(root).as_posix()
        if not _claim(rel, path.stem, seen, problems, trail=True):
            continue
        trail = _load_trail(path, root, problems, inv)
        if trail is not None:
            inv.trails[trail.id] = trail
    for path in sorted((root / "data" / EVENTS_FOLDER).glob("*.yml")):
        rel = path.relative_to(root).as_posix()
        if not _claim(rel, path.stem, seen, problems):
            continue
        read = _read_data_file(path, root, RecurringEvent, problems)
        if read is not None:
            inv.events[path.stem] = EventRecord(path.stem, read[1], rel, read[0])
        elif ID_PATTERN.fullmatch(path.stem) and path.stem not in urls.RESERVED_IDS:
            inv.invalid_ids.add(path.stem)
    _load_posts(inv, problems)
    problems.extend(references.problems(inv))
    problems.extend(event_checks.problems(inv))
    return inv


# --- caching across the per-language builds --------------------------------------------


def fingerprint(root: Path) -> tuple:
    """Names, sizes and modification times of every file the inventory reads."""
    items = []
    for top in ("data", "docs"):
        for dirpath, _dirs, files in os.walk(root / top):
            for name in files:
                stat = os.lstat(os.path.join(dirpath, name))  # a broken link is reported, not a crash
                items.append((dirpath, name, stat.st_size, stat.st_mtime_ns))
    items.sort()
    return tuple(items)


_CACHE: dict[Path, tuple[tuple, Inventory]] = {}


def cached_inventory(root: Path) -> Inventory:
    """The inventory, loaded again only when a file under data/ or docs/ changed."""
    root = Path(root).resolve()
    key = (fingerprint(root), clock.today())
    hit = _CACHE.get(root)
    if hit and hit[0] == key:
        return hit[1]
    inv = load_inventory(root)
    _CACHE[root] = (key, inv)
    return inv
