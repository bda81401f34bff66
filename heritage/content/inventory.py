"""The whole inventory: every entry and column post, validated together.

`load_inventory` never raises on bad content: it records `Problem`s, so one run
reports everything. `cached_inventory` memoises by the files' fingerprint because
static-i18n runs the hooks once per language and `mkdocs serve` rebuilds often.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from pydantic import ValidationError

from heritage import clock
from heritage.problems import Problem
from heritage.content.schema import ID_PATTERN, SCHEMAS, Entry, PostMeta, field_label, suggest, validation_messages
from heritage.sections import COLUMN, ENTRY_SECTIONS, LANGUAGES
from heritage.content.sources import SourceError, YamlDocument, load_yaml_file, read_text, split_front_matter
from heritage.text import vi_sort_key
from heritage.content.vocabulary import Vocabulary, load_vocabulary

MEDIA_DIR = "media"


@dataclass
class EntryRecord:
    id: str
    section: str
    data: Entry
    rel: str
    doc: YamlDocument

    def name(self, lang: str) -> str:
        return self.data.name(lang)

    def url(self, lang: str) -> str:
        """Site-relative URL without the leading slash."""
        return f"{'' if lang == 'vi' else lang + '/'}{self.section}/{self.id}/"

    def line(self, *path) -> int | None:
        return self.doc.line_of(path)


@dataclass
class Post:
    slug: str
    lang: str
    meta: PostMeta
    rel: str

    @property
    def date(self) -> dt.date:
        return self.meta.date

    def url(self, lang: str | None = None) -> str:
        lang = lang or self.lang
        return f"{'' if lang == 'vi' else lang + '/'}{COLUMN.key}/{self.slug}/"


@dataclass
class Inventory:
    root: Path
    vocabulary: Vocabulary
    entries: dict[str, EntryRecord] = field(default_factory=dict)
    posts: dict[str, list[Post]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    _sections: dict[tuple[str, str], list[EntryRecord]] = field(default_factory=dict, init=False, repr=False, compare=False)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @cached_property
    def aliases(self) -> dict[str, str]:
        """Former id → current id."""
        return {alias: entry.id for entry in self.entries.values() for alias in entry.data.aliases}

    def resolve(self, entry_id: str) -> EntryRecord | None:
        entry = self.entries.get(entry_id)
        if entry is None and entry_id in self.aliases:
            entry = self.entries.get(self.aliases[entry_id])
        return entry

    def post(self, lang: str, slug: str) -> Post | None:
        return next((p for p in self.posts.get(lang, []) if p.slug == slug), None)

    def section(self, key: str, lang: str) -> list[EntryRecord]:
        """Entries of one section in Vietnamese alphabetical order of their names."""
        if (key, lang) not in self._sections:  # asked by the catalogue, the map and open data
            self._sections[(key, lang)] = sorted((e for e in self.entries.values() if e.section == key), key=lambda e: vi_sort_key(e.name(lang)))
        return list(self._sections[(key, lang)])

    def published_posts(self, lang: str, today: dt.date | None = None) -> list[Post]:
        """Posts dated today or earlier, newest first (future posts wait for their date)."""
        today = today or clock.today()
        return sorted((p for p in self.posts.get(lang, []) if p.date <= today), key=lambda p: (p.date, p.slug), reverse=True)

    def media_path(self, entry_id: str, relative: str) -> Path:
        return self.root / "data" / MEDIA_DIR / entry_id / relative


# --- loading ----------------------------------------------------------------------------


def _schema_problems(exc: ValidationError, schema, rel: str, doc: YamlDocument) -> list[Problem]:
    out = []
    for loc, (vi, en, fix_vi, fix_en) in validation_messages(exc, schema):
        out.append(Problem(rel, vi, en, fix_vi, fix_en, field=field_label(loc) or None, line=doc.line_of(loc)))
    return out


def _load_entry(path: Path, section: str, root: Path, problems: list[Problem]) -> EntryRecord | None:
    rel = path.relative_to(root).as_posix()
    entry_id = path.stem
    if not ID_PATTERN.match(entry_id):
        problems.append(
            Problem(
                rel,
                f"Tên tệp '{entry_id}' không dùng được làm mã (id): chỉ gồm chữ thường không dấu, số và dấu gạch ngang.",
                f"The file name '{entry_id}' cannot be an id: lowercase ASCII letters, digits and hyphens only.",
                "Đổi tên tệp, ví dụ 'Đình Tân An.yml' → 'dinh-tan-an.yml' (và đổi tên hai trang Markdown theo).",
                "Rename the file, e.g. 'Đình Tân An.yml' → 'dinh-tan-an.yml' (and both Markdown pages with it).",
                field="id",
            )
        )
        return None
    try:
        doc = load_yaml_file(path, rel)
    except SourceError as exc:
        problems.append(exc.problem)
        return None
    if not isinstance(doc.data, dict):
        problems.append(Problem(rel, "Tệp phải gồm các trường `tên: giá trị`.", "The file must contain `name: value` fields.", line=1))
        return None
    schema = SCHEMAS[section]
    try:
        data = schema.model_validate(doc.data)
    except ValidationError as exc:
        problems.extend(_schema_problems(exc, schema, rel, doc))
        return None
    return EntryRecord(entry_id, section, data, rel, doc)


def _entry_files(root: Path, problems: list[Problem]):
    data_dir = root / "data"
    if not data_dir.is_dir():
        return
    for child in sorted(data_dir.iterdir()):
        rel = child.relative_to(root).as_posix()
        if child.is_file():
            continue
        if child.name == MEDIA_DIR:
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


def _check_vocabulary(entry: EntryRecord, vocab: Vocabulary, problems: list[Problem]) -> None:
    checks = [("type", entry.data.type, vocab.types.get(entry.section, {}))]
    if ENTRY_SECTIONS[entry.section].has_ranking:
        checks.append(("ranking", entry.data.ranking, vocab.rankings.get(entry.section, {})))
    if entry.data.priority is not None:
        checks.append(("priority", entry.data.priority, vocab.priorities))
    for name, value, allowed in checks:
        if value in allowed:
            continue
        hint = suggest(str(value), list(allowed))
        problems.append(
            Problem(
                entry.rel,
                f"'{value}' không có trong danh sách `{name}` của chuyên mục {entry.section}" + (f"; có phải ý bạn là '{hint}'?" if hint else "."),
                f"'{value}' is not a `{name}` of the section {entry.section}" + (f"; did you mean '{hint}'?" if hint else "."),
                f"Chọn một trong: {', '.join(allowed)} (hoặc thêm giá trị mới vào data/vocabulary.yml).",
                f"Use one of: {', '.join(allowed)} (or add the value to data/vocabulary.yml).",
                field=name,
                line=entry.line(name),
            )
        )


def _check_ids(entries: dict[str, EntryRecord], problems: list[Problem]) -> None:
    claims: dict[str, str] = {entry.id: entry.rel for entry in entries.values()}
    for entry in entries.values():
        for index, alias in enumerate(entry.data.aliases):
            owner = claims.get(alias)
            if owner is not None:
                problems.append(
                    Problem(
                        entry.rel,
                        f"Mã cũ (alias) '{alias}' đã được {owner} dùng: một mã chỉ được trỏ tới một mục.",
                        f"The alias '{alias}' is already claimed by {owner}: an id may point to one entry only.",
                        "Xóa alias này ở một trong hai tệp; mã QR đã in phải trỏ tới đúng một mục.",
                        "Remove the alias from one of the two files; a printed QR code must lead to exactly one entry.",
                        field=f"aliases[{index}]",
                        line=entry.line("aliases", index),
                    )
                )
            else:
                claims[alias] = entry.rel


def _check_links(entry: EntryRecord, inv: Inventory, problems: list[Problem]) -> None:
    for index, other in enumerate(entry.data.related):
        if other == entry.id or inv.entries.get(other) is None:
            current = inv.aliases.get(other)
            problems.append(
                Problem(
                    entry.rel,
                    f"Mục liên quan '{other}' không tồn tại" + (f" (đó là mã cũ của '{current}')." if current else "."),
                    f"The related entry '{other}' does not exist" + (f" (it is a former id of '{current}')." if current else "."),
                    f"Ghi mã hiện tại '{current}'." if current else "Kiểm tra chính tả: mã là tên tệp .yml không có đuôi.",
                    f"Use the current id '{current}'." if current else "Check the spelling: an id is the .yml file name without the extension.",
                    field=f"related[{index}]",
                    line=entry.line("related", index),
                )
            )
    for index, item in enumerate(entry.data.media):
        if item.kind == "youtube":
            continue
        path = inv.media_path(entry.id, item.path)
        if not path.is_file():
            problems.append(
                Problem(
                    entry.rel,
                    f"Không tìm thấy tệp media data/media/{entry.id}/{item.path}.",
                    f"The media file data/media/{entry.id}/{item.path} does not exist.",
                    f"Tải tệp lên thư mục data/media/{entry.id}/ hoặc sửa tên tệp (phân biệt chữ hoa, chữ thường).",
                    f"Upload the file to data/media/{entry.id}/ or fix its name (case matters).",
                    field=f"media[{index}].{item.kind}",
                    line=entry.line("media", index, item.kind),
                )
            )


def _check_pages(inv: Inventory, problems: list[Problem]) -> None:
    """Every entry has its story; every story has its entry.

    A page missing in only one language is reported by the translation parity check
    (translations.py), which names both files; here, an entry with no page at all.
    """
    docs = inv.root / "docs"
    for entry in inv.entries.values():
        if not any((docs / lang / entry.section / f"{entry.id}.md").is_file() for lang in LANGUAGES):
            problems.append(
                Problem(
                    entry.rel,
                    f"Mục chưa có trang giới thiệu: cần docs/vi/{entry.section}/{entry.id}.md và docs/en/{entry.section}/{entry.id}.md.",
                    f"The entry has no story page: docs/vi/{entry.section}/{entry.id}.md and docs/en/{entry.section}/{entry.id}.md are needed.",
                    f"Tạo hai trang đó (lệnh python -m heritage new tạo sẵn cả ba tệp cho mục mới).",
                    f"Create both pages (python -m heritage new scaffolds all three files of a new entry).",
                )
            )
    for lang in LANGUAGES:
        for section in ENTRY_SECTIONS:
            folder = docs / lang / section
            if not folder.is_dir():
                continue
            for page in sorted(folder.glob("*.md")):
                if page.name == "index.md" or page.stem in inv.entries:
                    continue
                rel = page.relative_to(inv.root).as_posix()
                if inv.entries.get(page.stem) is None and (inv.root / "data" / section / f"{page.stem}.yml").exists():
                    continue  # its YAML has errors, already reported
                problems.append(
                    Problem(
                        rel,
                        f"Trang này không có tệp dữ liệu data/{section}/{page.stem}.yml.",
                        f"This page has no data file data/{section}/{page.stem}.yml.",
                        f"Tạo data/{section}/{page.stem}.yml (lệnh: python -m heritage new {section} {page.stem} --vi … --en …) hoặc xóa trang.",
                        f"Create data/{section}/{page.stem}.yml (command: python -m heritage new {section} {page.stem} --vi … --en …) or delete the page.",
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
                problems.append(exc.problem)
                continue
            except ValidationError as exc:
                problems.extend(_schema_problems(exc, PostMeta, rel, doc))
                continue
            _check_post(inv, meta, rel, doc, problems)
            inv.posts[lang].append(Post(page.stem, lang, meta, rel))
    english = {p.slug: p for p in inv.posts["en"]}
    for post in inv.posts["vi"]:
        twin = english.get(post.slug)
        if twin is not None and twin.date != post.date:
            problems.append(
                Problem(
                    twin.rel,
                    f"Ngày đăng {twin.date.isoformat()} khác với bản tiếng Việt ({post.date.isoformat()}).",
                    f"The date {twin.date.isoformat()} differs from the Vietnamese post's ({post.date.isoformat()}).",
                    f"Sửa `date: {post.date.isoformat()}` cho giống bản tiếng Việt.",
                    f"Set `date: {post.date.isoformat()}` as in the Vietnamese post.",
                    field="date",
                )
            )


def _check_post(inv: Inventory, meta: PostMeta, rel: str, doc: YamlDocument, problems: list[Problem]) -> None:
    if meta.category is not None and meta.category not in inv.vocabulary.categories:
        problems.append(
            Problem(
                rel,
                f"Thể loại '{meta.category}' không có trong data/vocabulary.yml.",
                f"The category '{meta.category}' is not in data/vocabulary.yml.",
                f"Chọn một trong: {', '.join(inv.vocabulary.categories)}.",
                f"Use one of: {', '.join(inv.vocabulary.categories)}.",
                field="category",
                line=doc.line_of(("category",)),
            )
        )
    if meta.cover is not None:
        cover = inv.root / "data" / MEDIA_DIR / meta.cover
        if ".." in meta.cover.split("/") or not cover.is_file():
            problems.append(
                Problem(
                    rel,
                    f"Không tìm thấy ảnh bìa data/media/{meta.cover}.",
                    f"The cover image data/media/{meta.cover} does not exist.",
                    "Ghi đường dẫn trong data/media/, ví dụ cover: dinh-tan-an/anh-1.jpg.",
                    "Write a path inside data/media/, e.g. cover: dinh-tan-an/anh-1.jpg.",
                    field="cover",
                    line=doc.line_of(("cover",)),
                )
            )
    for index, entry_id in enumerate(meta.entries):
        if inv.resolve(entry_id) is None:
            problems.append(
                Problem(
                    rel,
                    f"Mục '{entry_id}' không tồn tại.",
                    f"The entry '{entry_id}' does not exist.",
                    "Ghi đúng mã của mục (tên tệp .yml trong data/, không có đuôi).",
                    "Use the entry's id (its .yml file name in data/, without the extension).",
                    field=f"entries[{index}]",
                    line=doc.line_of(("entries", index)),
                )
            )


def load_inventory(root: Path) -> Inventory:
    """Load and validate everything under `data/` and the column; never raises on content."""
    root = Path(root)
    problems: list[Problem] = []
    vocab, vocab_problems = load_vocabulary(root)
    problems.extend(vocab_problems)
    inv = Inventory(root, vocab, problems=problems)
    seen: dict[str, str] = {}
    for path, section in _entry_files(root, problems):
        entry = _load_entry(path, section, root, problems)
        rel = path.relative_to(root).as_posix()
        if path.stem in seen:
            problems.append(
                Problem(
                    rel,
                    f"Mã '{path.stem}' đã được dùng ở {seen[path.stem]}: mã phải là duy nhất trên toàn bộ trang.",
                    f"The id '{path.stem}' is already used by {seen[path.stem]}: ids are unique across all sections.",
                    "Đổi tên một trong hai tệp (và hai trang Markdown của nó).",
                    "Rename one of the two files (and its two Markdown pages).",
                    field="id",
                )
            )
            continue
        seen[path.stem] = rel
        if entry is not None:
            inv.entries[entry.id] = entry
    _check_ids(inv.entries, problems)
    for entry in inv.entries.values():
        _check_vocabulary(entry, vocab, problems)
        _check_links(entry, inv, problems)
    _check_pages(inv, problems)
    _load_posts(inv, problems)
    return inv


# --- caching across the per-language builds --------------------------------------------


def fingerprint(root: Path) -> tuple:
    """Names, sizes and modification times of every file the inventory reads."""
    items = []
    for top in ("data", "docs"):
        for dirpath, _dirs, files in os.walk(root / top):
            for name in files:
                stat = os.stat(os.path.join(dirpath, name))
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
