"""`python -m heritage new`: the three files of a new entry, or a dated column post pair.

Every field of the section is written out with a Vietnamese comment, required ones
marked, so an editor in GitHub's web editor sees what to fill without a manual.
Refuses a bad or taken id and never overwrites anything.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from heritage import urls
from heritage.content.loader import load_inventory
from heritage.content.schema import ID_MAX_LENGTH, ID_PATTERN
from heritage.content.vocabulary import Labels, load_vocabulary
from heritage.sections import COLUMN, ENTRY_SECTIONS, LANGUAGES
from heritage.text import nfc

REQUIRED = "(BẮT BUỘC)"

HEADINGS: dict[str, list[tuple[str, str]]] = {
    "di-tich": [("Lịch sử", "History"), ("Kiến trúc", "Architecture"), ("Tham quan", "Visiting")],
    "le-hoi": [("Nguồn gốc", "Origins"), ("Diễn trình lễ hội", "The festival day by day"), ("Tham dự", "Taking part")],
    "lang-nghe": [("Lịch sử nghề", "History of the craft"), ("Quy trình làm", "How it is made"), ("Tham quan", "Visiting")],
    "nghe-nhan": [("Cuộc đời và sự nghiệp", "Life and work"), ("Truyền dạy", "Teaching")],
    "quan-ho": [("Lời bài hát", "Lyrics"), ("Ý nghĩa", "Meaning")],
    "san-pham": [("Nguồn gốc", "Origins"), ("Nơi mua", "Where to buy")],
}


class ScaffoldError(Exception):
    """A refusal, already worded for editors in both languages."""


@dataclass(frozen=True)
class Created:
    paths: list[Path]


def _choices(labels: Labels) -> str:
    return ", ".join(f"{value} ({names['vi']})" for value, names in labels.items())


def _name_and_summary(vi: str, en: str) -> list[str]:
    """The two fields every data file opens with (entries and trails alike)."""
    return [
        f"# Tên {REQUIRED}, tiếng Việt và tiếng Anh.",
        "name:",
        f"  vi: {_quote(vi)}",
        f"  en: {_quote(en)}",
        f"# Tóm tắt {REQUIRED}: một hoặc hai câu, tối đa 300 ký tự mỗi thứ tiếng.",
        "summary:",
        '  vi: ""',
        '  en: ""',
    ]


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def entry_yaml(section: str, entry_id: str, vi: str, en: str, root: Path) -> str:
    vocab, _ = load_vocabulary(root)
    s = ENTRY_SECTIONS[section]
    lines = [
        f"# {s.vi}: {vi} — mã (id) '{entry_id}', cũng là địa chỉ trang và mã QR: đừng đổi tên tệp.",
        "# Điền các trường còn trống, rồi chạy `make check` để kiểm tra.",
        f"# Trường ghi {REQUIRED} phải có; trường khác có thể để trống hoặc xóa.",
        "# Muốn đổi mã sau khi đã in biển QR: tạo mục với mã mới và ghi mã cũ vào `aliases`.",
        "",
        *_name_and_summary(vi, en),
        f"# Loại hình {REQUIRED}. Chọn một: {_choices(vocab.types.get(section, {}))}.",
        "type:",
    ]
    if s.has_ranking:
        lines += [f"# Xếp hạng {REQUIRED}. Chọn một: {_choices(vocab.rankings.get(section, {}))}.", "ranking: chua-xep-hang"]
    lines += [
        f"# Đề xuất mức ưu tiên bảo vệ (không bắt buộc). Chọn một: {_choices(vocab.priorities)}.",
        "# priority: trung-binh",
    ]
    where = REQUIRED if s.needs_location else "(không bắt buộc)"
    lines += [
        f"# Vị trí {where}: địa chỉ và tọa độ dạng số thập phân, dùng dấu chấm (ví dụ 21.1861).",
        "# Cách lấy tọa độ: mở Google Maps, nhấn giữ lên địa điểm, chép hai số hiện ra.",
    ]
    location = ["location:", "  address:", '    vi: ""', '    en: ""', "  lat:", "  lon:"]
    lines += location if s.needs_location else [f"# {line}" for line in location]
    if section == "le-hoi":
        lines += [
            f"# Thời gian {REQUIRED}: calendar là lunar (âm lịch) hoặc solar (dương lịch); days là số ngày.",
            "# leap: true nếu lễ hội rơi vào tháng nhuận. Lễ hội vài năm một lần: every: 3 và since: 2026.",
            "when:",
            "  calendar: lunar",
            "  month:",
            "  day:",
            "  leap: false",
            "  days: 1",
            "  # every: 3",
            "  # since: 2026",
        ]
    if section == "nghe-nhan":
        lines += [
            f"# Đồng ý công bố {REQUIRED}: ngày và số văn bản nghệ nhân đồng ý cho đăng thông tin, hình ảnh.",
            "consent:",
            "  date:          # NĂM-THÁNG-NGÀY, ví dụ 2026-05-10",
            '  ref: ""        # ví dụ "Giấy đồng ý số 03/2026, lưu tại Phòng VH-XH"',
            "# Danh hiệu (không bắt buộc), ví dụ Nghệ nhân ưu tú.",
            '# title: {vi: "", en: ""}',
        ]
    if section == "san-pham":
        lines += ["# Số sao OCOP (không bắt buộc), từ 1 đến 5.", "# ocop_stars: 3"]
    if section in ("di-tich", "lang-nghe", "san-pham"):
        lines += [
            "# Thông tin tham quan (không bắt buộc): giờ mở cửa (days: daily hoặc [mo, tu, we, th, fr, sa, su]),",
            "# hoặc by_appointment: true (theo hẹn); free: true (miễn phí) hoặc fee; liên hệ; trang phục, ứng xử…",
            "# visit:",
            '#   hours:',
            '#     - {days: daily, opens: "07:00", closes: "11:00"}',
            "#   by_appointment: false",
            "#   free: true",
            '#   phone: ""',
            '#   etiquette: {vi: "", en: ""}',
            '#   accessibility: {vi: "", en: ""}',
            '#   best_time: {vi: "", en: ""}',
        ]
    lines += [
        f"# Ảnh, âm thanh, video (không bắt buộc). Tệp đặt trong data/media/{entry_id}/.",
        "# Mỗi mục có đúng một trong image / audio / video / youtube; ảnh cần alt (mô tả cho người khiếm thị);",
        "# mọi mục cần credit (tác giả) và license (giấy phép, ví dụ CC BY 4.0).",
        "media: []",
        "#  - image: ten-anh.jpg",
        '#    alt: {vi: "Mô tả ảnh", en: "What the photo shows"}',
        '#    caption: {vi: "Chú thích", en: "Caption"}',
        '#    credit: "Tên người chụp"',
        '#    license: "CC BY 4.0"',
        "# Mục liên quan (không bắt buộc): mã của các mục khác, ví dụ [dinh-lang].",
        "related: []",
        "# Nguồn tham khảo (không bắt buộc).",
        "sources: []",
        '#  - {title: "Tên tài liệu", url: "https://…"}',
        "# Mã cũ (không bắt buộc): các mã trước đây của mục này; biển QR in mã cũ vẫn dẫn tới đây.",
        "aliases: []",
        "# true nếu đây là nội dung minh họa, chưa thẩm định (trang sẽ hiện nhãn).",
        "sample: false",
        "",
    ]
    return "\n".join(lines)


def entry_page(section: str, lang: str, name: str, entry_id: str) -> str:
    headings = HEADINGS[section]
    if lang == "vi":
        intro = f"Viết phần giới thiệu {name} ở đây. Tên, tóm tắt, ảnh và thông tin chính được lấy từ data/{section}/{entry_id}.yml, không cần viết lại."
        filler = "Nội dung phần này."
        titles = [vi for vi, _ in headings]
    else:
        intro = f"Write the introduction to {name} here, translated from the Vietnamese page. The name, summary, photos and key facts come from data/{section}/{entry_id}.yml."
        filler = "Content of this part."
        titles = [en for _, en in headings]
    body = [intro, ""]
    for title in titles:
        body += [f"## {title}", "", filler, ""]
    return "\n".join(body)


TRAILS = "trails"  # `heritage new trails ID`: data/trails/ID.yml and its two pages


def trail_yaml(trail_id: str, vi: str, en: str) -> str:
    """A trail file with every field explained; two stops to replace."""
    return "\n".join(
        [
            f"# Hành trình: {vi} — mã (id) '{trail_id}', cũng là địa chỉ trang và mã QR của biển hành trình: đừng đổi tên tệp.",
            "# Điền các trường còn trống, rồi chạy `make check` để kiểm tra.",
            "",
            *_name_and_summary(vi, en),
            f"# Cách đi {REQUIRED}: walking (đi bộ), cycling (xe đạp); có thể ghi cả hai, ví dụ [walking, cycling].",
            "travel: [walking]",
            f"# Thời điểm nên đi {REQUIRED}, cả hai thứ tiếng (mùa, tháng âm lịch, buổi trong ngày).",
            "season:",
            '  vi: ""',
            '  en: ""',
            f"# Các điểm dừng theo thứ tự {REQUIRED}, ít nhất hai: mã của mục (entry) phải có tọa độ;",
            "# ghi chú (note) không bắt buộc; minutes là số phút nên dừng (mặc định 20).",
            "stops:",
            "  - entry:",
            "    minutes: 20",
            '    # note: {vi: "", en: ""}',
            "  - entry:",
            "    minutes: 20",
            "# true nếu đây là nội dung minh họa, chưa thẩm định (trang sẽ hiện nhãn).",
            "sample: false",
            "",
        ]
    )


def trail_page(lang: str, name: str, trail_id: str) -> str:
    if lang == "vi":
        return f"Viết lời dẫn cho hành trình {name} ở đây (lưu ý khi đi, chỗ gửi xe, nước uống…). Tên, điểm dừng, bản đồ và quãng đường được lấy từ data/trails/{trail_id}.yml.\n"
    return f"Write the introduction to the trail {name} here (practical advice: parking, water…). The name, stops, map and distance come from data/trails/{trail_id}.yml.\n"


def _post(lang: str, title: str, day: dt.date, root: Path) -> str:
    vocab, _ = load_vocabulary(root)
    if lang == "vi":
        lines = [
            "---",
            f"title: {_quote(title)}",
            f"date: {day.isoformat()}   # ngày đăng; bài có ngày trong tương lai sẽ tự đăng vào ngày đó",
            'summary: ""   # BẮT BUỘC: một hoặc hai câu, tối đa 300 ký tự',
            f"# category: di-san   # chọn một: {', '.join(vocab.categories)}",
            "# cover: dinh-lang/anh-1.jpg   # ảnh bìa: đường dẫn trong data/media/",
            "entries: []   # mã các mục được giới thiệu, ví dụ [dinh-lang]",
            "---",
            "",
            "Viết bài ở đây. Có thể dùng tiêu đề phụ bắt đầu bằng ##.",
            "",
        ]
    else:
        lines = [
            "---",
            f"title: {_quote(title)}",
            f"date: {day.isoformat()}",
            'summary: ""',
            "# category: di-san",
            "# cover: dinh-lang/anh-1.jpg",
            "entries: []",
            "---",
            "",
            "Translate the Vietnamese post here, then run: .venv/bin/python -m heritage translations --stamp THIS_FILE",
            "",
        ]
    return "\n".join(lines)


def _refuse(vi: str, en: str) -> ScaffoldError:
    return ScaffoldError(f"{vi}\n{en}")


def _check_id(root: Path, section: str, entry_id: str) -> None:
    if not ID_PATTERN.fullmatch(entry_id):
        raise _refuse(
            f"Mã '{entry_id}' không hợp lệ: chỉ dùng chữ thường không dấu, số và dấu gạch ngang, tối đa {ID_MAX_LENGTH} ký tự, ví dụ dinh-lang.",
            f"'{entry_id}' is not a valid id: lowercase ASCII letters, digits and hyphens only, at most {ID_MAX_LENGTH} characters, e.g. dinh-lang.",
        )
    if section == COLUMN.key:
        return
    inventory = load_inventory(root)
    owner = inventory.entries.get(entry_id) or inventory.trails.get(entry_id)
    if owner is not None:
        raise _refuse(f"Mã '{entry_id}' đã được dùng ở {owner.rel}.", f"The id '{entry_id}' is already used by {owner.rel}.")
    if entry_id in inventory.aliases:
        current = inventory.entries[inventory.aliases[entry_id]]
        raise _refuse(
            f"Mã '{entry_id}' là mã cũ (alias) của {current.rel}: biển QR đã in mã này, không dùng lại được.",
            f"'{entry_id}' is a former id (alias) of {current.rel}: printed QR codes use it, so it cannot be reused.",
        )
    if entry_id in urls.RESERVED_IDS:
        raise _refuse(f"'{entry_id}' là tên dành riêng của trang web.", f"'{entry_id}' is a name the site reserves.")
    for other in [*ENTRY_SECTIONS, TRAILS]:
        if (root / "data" / other / f"{entry_id}.yml").exists():
            raise _refuse(f"Đã có tệp data/{other}/{entry_id}.yml.", f"data/{other}/{entry_id}.yml already exists.")


def new(root: Path, section: str, entry_id: str, vi: str, en: str, today: dt.date) -> Created:
    """Create the files; raise ScaffoldError (and write nothing) when refusing."""
    vi, en = nfc(vi.strip()), nfc(en.strip())
    if section not in (COLUMN.key, TRAILS) and section not in ENTRY_SECTIONS:
        raise _refuse(
            f"Không có chuyên mục '{section}'. Chọn một trong: {', '.join([*ENTRY_SECTIONS, COLUMN.key, TRAILS])}.",
            f"There is no section '{section}'. Use one of: {', '.join([*ENTRY_SECTIONS, COLUMN.key, TRAILS])}.",
        )
    if not vi or not en:
        raise _refuse("Cần cả tên tiếng Việt (--vi) và tiếng Anh (--en).", "Both a Vietnamese (--vi) and an English (--en) name are needed.")
    _check_id(root, section, entry_id)
    if section == TRAILS:
        files = {root / "data" / TRAILS / f"{entry_id}.yml": trail_yaml(entry_id, vi, en)}
        for lang in LANGUAGES:
            files[root / "docs" / lang / urls.TRAILS / f"{entry_id}.md"] = trail_page(lang, vi if lang == "vi" else en, entry_id)
    elif section == COLUMN.key:
        files = {root / "docs" / lang / COLUMN.key / f"{entry_id}.md": _post(lang, vi if lang == "vi" else en, today, root) for lang in LANGUAGES}
    else:
        files = {root / "data" / section / f"{entry_id}.yml": entry_yaml(section, entry_id, vi, en, root)}
        for lang in LANGUAGES:
            files[root / "docs" / lang / section / f"{entry_id}.md"] = entry_page(section, lang, vi if lang == "vi" else en, entry_id)
    taken = [p for p in files if p.exists()]
    if taken:
        names = ", ".join(p.relative_to(root).as_posix() for p in taken)
        raise _refuse(f"Không ghi đè tệp đã có: {names}.", f"Will not overwrite existing files: {names}.")
    written: list[Path] = []
    for path, text in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("x", encoding="utf-8", newline="\n") as handle:  # "x": never overwrite, even in a race
            handle.write(text)
        written.append(path)
    return Created(written)


TEMPLATE_ID = "ma-muc-moi"


def templates(root: Path) -> dict[str, str]:
    """Files editors copy in GitHub's web editor, where `heritage new` cannot run."""
    out = {}
    for section in ENTRY_SECTIONS:
        out[f"{section}.yml"] = entry_yaml(section, TEMPLATE_ID, "Tên tiếng Việt", "English name", root)
        for lang in LANGUAGES:
            out[f"{section}.{lang}.md"] = entry_page(section, lang, "Tên tiếng Việt" if lang == "vi" else "English name", TEMPLATE_ID)
    out[f"{TRAILS}.yml"] = trail_yaml(TEMPLATE_ID, "Tên hành trình", "Trail name")
    for lang in LANGUAGES:
        out[f"{TRAILS}.{lang}.md"] = trail_page(lang, "Tên hành trình" if lang == "vi" else "Trail name", TEMPLATE_ID)
    for lang in LANGUAGES:
        out[f"{COLUMN.key}.{lang}.md"] = _post(lang, "Tiêu đề bài viết" if lang == "vi" else "Post title", dt.date(2026, 1, 1), root)
    return out


def write_templates(root: Path) -> list[Path]:
    folder = root / "templates"
    folder.mkdir(exist_ok=True)
    written = []
    for name, text in templates(root).items():
        path = folder / name
        path.write_text(text, encoding="utf-8", newline="\n")
        written.append(path)
    return written
