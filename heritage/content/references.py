"""What ties one content file to another: ids and aliases, vocabulary values, related entries,
media files, story pages, and what a column post names.

Run by the loader once every file is read, so that a problem here is reported with
the file that has it, however many other files mention the entry.
"""

from __future__ import annotations

from pathlib import Path

from heritage import urls
from heritage.content import licences
from heritage.content.inventory import EntryRecord, Inventory, Post, TrailRecord
from heritage.content.messages import suggest
from heritage.content.sources import media_path_error
from heritage.content.vocabulary import Vocabulary
from heritage.problems import Problem
from heritage.sections import ENTRY_SECTIONS, LANGUAGES


def problems(inv: Inventory) -> list[Problem]:
    """Every cross-file problem of a freshly read inventory."""
    out: list[Problem] = []
    _check_ids(inv.entries, out, inv.trails)
    for entry in inv.entries.values():
        _check_vocabulary(entry, inv.vocabulary, out)
        out.extend(licences.media_problems(entry, inv.vocabulary.licence_terms))
        _check_links(entry, inv, out)
    _check_pages(inv, out)
    for lang in LANGUAGES:
        for post in inv.posts.get(lang, []):
            _check_post(inv, post, out)
    _check_post_dates(inv, out)
    for trail in inv.trails.values():
        _check_stops(trail.rel, list(enumerate(trail.data.stops)), trail.doc, inv, out)
    for rel, doc, stops in inv.partial_trails.values():
        _check_stops(rel, stops, doc, inv, out)
    _check_trail_pages(inv, out)
    _check_brochure(inv, out)
    _check_practical(inv, out)
    _check_settings(inv, out)
    return out


def _check_settings(inv: Inventory, problems: list[Problem]) -> None:
    """data/site.yml names entries to feature and a logo file: both must exist."""
    from heritage.content.settings import SETTINGS_FILE

    settings = inv.settings
    for index, entry_id in enumerate(settings.featured):
        if inv.resolve(entry_id) is None:
            hint = suggest(entry_id, list(inv.entries))
            problems.append(
                Problem(
                    SETTINGS_FILE,
                    f"Mục nổi bật '{entry_id}' không tồn tại" + (f"; có phải ý bạn là '{hint}'?" if hint else "."),
                    f"The featured entry '{entry_id}' does not exist" + (f"; did you mean '{hint}'?" if hint else "."),
                    "Ghi mã (tên tệp .yml, không có đuôi) của một mục có thật, hoặc xóa dòng này.",
                    "Write the id (the .yml file name without its extension) of an existing entry, or remove the line.",
                    field=f"featured[{index}]",
                )
            )
    if settings.logo and not (inv.root / "data" / settings.logo).is_file():
        problems.append(
            Problem(
                SETTINGS_FILE,
                f"Không thấy tệp logo data/{settings.logo}.",
                f"The logo file data/{settings.logo} does not exist.",
                "Đặt tệp PNG (hoặc JPEG, SVG) của phường vào thư mục data/ rồi ghi tên tệp, hoặc xóa dòng logo để dùng biểu tượng mặc định.",
                "Put the ward's PNG (or JPEG, SVG) file in data/ and write its name, or remove the logo line to use the default emblem.",
                field="logo",
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


def _check_ids(entries: dict[str, EntryRecord], problems: list[Problem], trails: dict[str, TrailRecord] | None = None) -> None:
    claims: dict[str, str] = {entry.id: entry.rel for entry in entries.values()}
    claims.update({trail.id: trail.rel for trail in (trails or {}).values()})
    for entry in entries.values():
        for index, alias in enumerate(entry.data.aliases):
            owner = claims.get(alias)
            if alias in urls.RESERVED_IDS:
                problems.append(
                    Problem(
                        entry.rel,
                        f"Mã cũ (alias) '{alias}' là tên dành riêng của trang, không dùng được.",
                        f"The alias '{alias}' is a reserved name and cannot be used.",
                        "Xóa alias này.",
                        "Remove this alias.",
                        field=f"aliases[{index}]",
                        line=entry.line("aliases", index),
                    )
                )
            elif owner is not None:
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
        if other == entry.id:
            problems.append(
                Problem(
                    entry.rel,
                    f"Mục '{other}' ghi chính nó trong `related`.",
                    f"The entry '{other}' lists itself in `related`.",
                    "Xóa mã này khỏi related: chỉ ghi các mục khác.",
                    "Remove it from related: list other entries only.",
                    field=f"related[{index}]",
                    line=entry.line("related", index),
                )
            )
            continue
        if other in inv.invalid_ids:
            continue  # its own file has errors, reported there
        if inv.entries.get(other) is None:
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
        error = media_path_error(inv.root, urls.media_key(entry.id, item.path))
        if error is not None:
            problems.append(Problem(entry.rel, *error, field=f"media[{index}].{item.kind}", line=entry.line("media", index, item.kind)))


def _check_pages(inv: Inventory, problems: list[Problem]) -> None:
    """Every entry has its story; every story has its entry.

    A page missing in only one language is reported by the translation parity check
    (content/translations.py), which names both files; here, an entry with no page at all.
    """
    docs = inv.root / "docs"
    for entry in inv.entries.values():
        if not any((docs / lang / entry.section / f"{entry.id}.md").is_file() for lang in LANGUAGES):
            problems.append(
                Problem(
                    entry.rel,
                    f"Mục chưa có trang giới thiệu: cần docs/vi/{entry.section}/{entry.id}.md và docs/en/{entry.section}/{entry.id}.md.",
                    f"The entry has no story page: docs/vi/{entry.section}/{entry.id}.md and docs/en/{entry.section}/{entry.id}.md are needed.",
                    "Tạo hai trang đó (lệnh python -m heritage new tạo sẵn cả ba tệp cho mục mới).",
                    "Create both pages (python -m heritage new scaffolds all three files of a new entry).",
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


def _check_post(inv: Inventory, post: Post, problems: list[Problem]) -> None:
    meta, rel, doc = post.meta, post.rel, post.doc
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
        error = media_path_error(inv.root, meta.cover, cover=True)
        if error is not None:
            problems.append(Problem(rel, *error, field="cover", line=doc.line_of(("cover",))))
    for index, entry_id in enumerate(meta.entries):
        if inv.resolve(entry_id) is None and entry_id not in inv.invalid_ids:
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


def _check_post_dates(inv: Inventory, problems: list[Problem]) -> None:
    """A post and its translation share their date."""
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


# --- trails ------------------------------------------------------------------------------------


def _check_stops(rel: str, stops: list, doc, inv: Inventory, problems: list[Problem]) -> None:
    """Every stop is an entry with coordinates, and no entry is visited twice. `stops` are
    (index, stop) pairs: a trail whose file has errors brings the stops that could be read."""
    first_at: dict[str, int] = {}
    for index, stop in stops:
        where = dict(field=f"stops[{index}].entry", line=doc.line_of(("stops", index, "entry")))
        entry = inv.entries.get(stop.entry)
        if entry is None and (stop.entry in inv.trails or stop.entry in inv.partial_trails):
            problems.append(
                Problem(
                    rel,
                    f"Điểm dừng {index + 1}: '{stop.entry}' là một hành trình, không phải một mục.",
                    f"Stop {index + 1}: '{stop.entry}' is a trail, not an entry.",
                    "Mỗi điểm dừng là một mục (di tích, lễ hội, làng nghề…): ghi mã của mục đó, hoặc bỏ điểm dừng này.",
                    "Each stop is an entry (a relic, festival, craft…): write that entry's id, or remove this stop.",
                    **where,
                )
            )
            continue
        if entry is None and stop.entry in inv.invalid_ids:
            continue  # the entry exists, with errors of its own (reported there)
        if entry is None:
            current = inv.aliases.get(stop.entry)
            problems.append(
                Problem(
                    rel,
                    f"Điểm dừng {index + 1}: mục '{stop.entry}' không tồn tại" + (f" (đó là mã cũ của '{current}')." if current else "."),
                    f"Stop {index + 1}: the entry '{stop.entry}' does not exist" + (f" (it is a former id of '{current}')." if current else "."),
                    f"Ghi mã hiện tại '{current}'." if current else "Kiểm tra chính tả: mã là tên tệp .yml của mục trong data/, không có đuôi.",
                    f"Use the current id '{current}'." if current else "Check the spelling: an id is the entry's .yml file name in data/, without the extension.",
                    **where,
                )
            )
            continue
        if entry.data.location is None:
            problems.append(
                Problem(
                    rel,
                    f"Điểm dừng {index + 1}: mục '{stop.entry}' chưa có tọa độ, nên không vẽ được trên bản đồ hành trình.",
                    f"Stop {index + 1}: the entry '{stop.entry}' has no coordinates, so the trail cannot be drawn or measured.",
                    f"Thêm location (lat, lon) vào {entry.rel}, hoặc bỏ điểm dừng này.",
                    f"Add a location (lat, lon) to {entry.rel}, or remove this stop.",
                    **where,
                )
            )
        if stop.entry in first_at:
            problems.append(Problem(rel, *stop_repeated(index + 1, stop.entry, first_at[stop.entry] + 1), **where))
        else:
            first_at[stop.entry] = index


def stop_repeated(number: object, entry: object, first: object) -> tuple[str, str, str, str]:
    """A trail visiting an entry twice (stops numbered from 1); also the web editor's refusal."""
    return (
        f"Điểm dừng {number} lặp lại mục '{entry}' (đã là điểm dừng {first}).",
        f"Stop {number} repeats the entry '{entry}' (already stop {first}).",
        "Mỗi mục chỉ là một điểm dừng: xóa dòng lặp, hoặc gộp ghi chú vào điểm dừng đầu.",
        "Each entry is one stop: remove the repeat, or merge its note into the first stop.",
    )


def missing_pages(root: Path, folder: str, page_id: str) -> list[str]:
    """The pages `docs/<lang>/<folder>/<id>.md` a trail or an event still lacks, in language order."""
    return [f"docs/{lang}/{folder}/{page_id}.md" for lang in LANGUAGES if not (root / "docs" / lang / folder / f"{page_id}.md").is_file()]


def _check_trail_pages(inv: Inventory, problems: list[Problem]) -> None:
    """Every trail has its pages in docs/<lang>/hanh-trinh/; every such page has its trail."""
    docs = inv.root / "docs"
    for trail in inv.trails.values():
        missing = missing_pages(inv.root, urls.TRAILS, trail.id)
        if missing:
            problems.append(
                Problem(
                    trail.rel,
                    f"Hành trình chưa có trang: cần {' và '.join(missing)}.",
                    f"The trail has no page: {' and '.join(missing)} needed.",
                    f"Tạo trang (lệnh python -m heritage new trails {trail.id} … tạo sẵn cả ba tệp cho hành trình mới).",
                    f"Create the page (python -m heritage new trails {trail.id} … scaffolds all three files of a new trail).",
                )
            )
    for lang in LANGUAGES:
        for page in sorted((docs / lang / urls.TRAILS).glob("*.md")):
            if page.name == "index.md" or page.stem in inv.trails or (inv.root / "data" / "trails" / f"{page.stem}.yml").exists():
                continue
            problems.append(
                Problem(
                    page.relative_to(inv.root).as_posix(),
                    f"Trang này không có tệp dữ liệu data/trails/{page.stem}.yml.",
                    f"This page has no data file data/trails/{page.stem}.yml.",
                    "Tạo tệp dữ liệu của hành trình hoặc xóa trang.",
                    "Create the trail's data file or delete the page.",
                )
            )


def _check_brochure(inv: Inventory, problems: list[Problem]) -> None:
    """The relics and trail data/site.yml names for the brochure exist."""
    brochure = inv.settings.brochure
    if brochure is None:
        return
    for index, relic in enumerate(brochure.relics):
        entry = inv.entries.get(relic)
        if entry is None or entry.section != "di-tich":
            problems.append(
                Problem(
                    "data/site.yml",
                    f"Tài liệu giới thiệu: '{relic}' không phải mã của một di tích.",
                    f"Brochure: '{relic}' is not the id of a relic.",
                    "Ghi mã của một tệp trong data/di-tich/ (không có đuôi .yml).",
                    "Use the id of a file in data/di-tich/ (without .yml).",
                    field=f"brochure.relics[{index}]",
                )
            )
    if brochure.trail is not None and brochure.trail not in inv.trails:
        problems.append(
            Problem(
                "data/site.yml",
                f"Tài liệu giới thiệu: không có hành trình '{brochure.trail}'.",
                f"Brochure: there is no trail '{brochure.trail}'.",
                "Ghi mã của một tệp trong data/trails/.",
                "Use the id of a file in data/trails/.",
                field="brochure.trail",
            )
        )


def _check_practical(inv: Inventory, problems: list[Problem]) -> None:
    """The entries the plan-your-trip page gives food, toilets and parking near exist."""
    from heritage.content.settings import SETTINGS_FILE
    from heritage.content.sources import SourceError, load_yaml_file

    practical = inv.settings.practical
    missing = [(i, near.entry) for i, near in enumerate(practical.nearby if practical else []) if inv.resolve(near.entry) is None]
    if not missing:
        return
    try:
        doc = load_yaml_file(inv.root / SETTINGS_FILE, SETTINGS_FILE)
    except SourceError:
        doc = None
    for index, entry_id in missing:
        hint = suggest(entry_id, list(inv.entries))
        problems.append(
            Problem(
                SETTINGS_FILE,
                f"Kế hoạch tham quan: không có mục '{entry_id}'" + (f"; có phải ý bạn là '{hint}'?" if hint else "."),
                f"Plan your trip: there is no entry '{entry_id}'" + (f"; did you mean '{hint}'?" if hint else "."),
                "Ghi mã (tên tệp .yml, không có đuôi) của một mục có thật, hoặc xóa mục này khỏi practical.nearby.",
                "Write the id (the .yml file name without its extension) of an existing entry, or remove this item from practical.nearby.",
                field=f"practical.nearby[{index}].entry",
                line=doc.line_of(("practical", "nearby", index, "entry")) if doc else None,
            )
        )
