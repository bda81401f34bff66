"""The wording editors read when a file breaks a rule: Vietnamese first, then English, each with its fix.

Two sources of errors: pydantic's own (a missing field, a number written with a
comma…), explained by one small function per error kind (`EXPLAIN`), and the
schema's rules (`RULES`), which `content.schema` raises by name with their values
(`schema.broken`), so that the models hold no wording.
"""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Callable
from typing import Annotated, Any, Union

from pydantic import BaseModel, ValidationError

from heritage.content import forms
from heritage.content.addresses import SOURCE_PATTERN, WEB_PATTERN, visible
from heritage.content.kinds import KINDS, Message, _Error, _id_form, _not_a_date, field_label, too_few, unknown_kind  # noqa: F401 (too_few: for importers)
from heritage.content.schema import ID_CHARS, SCHEMAS, Text


# --- the schema's own rules -----------------------------------------------------------------

RULES: dict[str, Message] = {
    "color-form": (
        "'{value}' không phải mã màu: cần dạng dấu # và 6 (hoặc 3) chữ số thập lục phân, ví dụ \"#8a1c1c\".",
        "'{value}' is not a colour code: it must be a # and 6 (or 3) hexadecimal digits, e.g. \"#8a1c1c\".",
        'Ghi mã màu trong ngoặc kép (không có ngoặc, YAML coi # là chú thích), ví dụ primary: "#8a1c1c".',
        'Write the colour in quotes (without them YAML takes # for a comment), e.g. primary: "#8a1c1c".',
    ),
    "color-contrast": (
        "Màu {value} quá nhạt để đọc: độ tương phản với nền {background} chỉ là {ratio}:1, cần ít nhất {needed}:1 (chuẩn WCAG AA cho chữ).",
        "The colour {value} is too light to read: its contrast with the background {background} is only {ratio}:1, at least {needed}:1 is needed (WCAG AA for text).",
        'Chọn màu đậm hơn, ví dụ "{suggestion}" (cùng sắc độ, đủ tương phản).',
        'Choose a darker colour, e.g. "{suggestion}" (the same hue, with enough contrast).',
    ),
    "latitude-outside": (
        "Vĩ độ {value} nằm ngoài Việt Nam (từ {lo} đến {hi}).",
        "Latitude {value} is outside Viet Nam ({lo} to {hi}).",
        "Ghi vĩ độ dạng số thập phân với dấu chấm, như Google Maps cho (nhấn giữ lên địa điểm); ở Việt Nam vĩ độ từ {lo} đến {hi}. Kiểm tra xem có đảo lat và lon không.",
        "Write the latitude in decimal degrees with a point, as Google Maps gives it (long-press the place); in Viet Nam it is {lo} to {hi}. Check that lat and lon are not swapped.",
    ),
    "longitude-outside": (
        "Kinh độ {value} nằm ngoài Việt Nam (từ {lo} đến {hi}).",
        "Longitude {value} is outside Viet Nam ({lo} to {hi}).",
        "Ghi kinh độ dạng số thập phân với dấu chấm, như Google Maps cho (nhấn giữ lên địa điểm); ở Việt Nam kinh độ từ {lo} đến {hi}.",
        "Write the longitude in decimal degrees with a point, as Google Maps gives it (long-press the place); in Viet Nam it is {lo} to {hi}.",
    ),
    "lunar-day": (
        "Tháng âm lịch chỉ có 29 hoặc 30 ngày, không có ngày {day}.",
        "A lunar month has 29 or 30 days; there is no day {day}.",
        "Sửa `day` thành một số từ 1 đến 30.",
        "Set `day` to a number from 1 to 30.",
    ),
    "solar-date": (
        "Ngày {day}/{month} không có trong dương lịch.",
        "{day}/{month} is not a date on the solar calendar.",
        "Kiểm tra lại `month` và `day`.",
        "Check `month` and `day`.",
    ),
    "solar-leap": (
        "Tháng nhuận (`leap: true`) chỉ dùng với âm lịch.",
        "A leap month (`leap: true`) only applies to the lunar calendar.",
        "Xóa `leap` hoặc đặt `calendar: lunar`.",
        "Remove `leap` or set `calendar: lunar`.",
    ),
    "every-since": (
        "Mấy năm một lần (`every`) và Từ năm (`since`) phải đi cùng nhau.",
        "Every how many years (`every`) and the first year (`since`) go together.",
        "Ví dụ lễ hội 3 năm một lần từ 2026: every: 3 và since: 2026.",
        "For a festival every 3 years from 2026: every: 3 and since: 2026.",
    ),
    "media-kinds": (
        "Mỗi mục media phải có đúng một trong image, audio, video, youtube (đang có: {found_vi}).",
        "Each media item needs exactly one of image, audio, video, youtube (found: {found_en}).",
        "Tách thành nhiều mục, mỗi mục bắt đầu bằng '- image:' (hoặc audio/video/youtube).",
        "Split it into several items, each starting with '- image:' (or audio/video/youtube).",
    ),
    "youtube-id": (
        "'{value}' không phải mã video YouTube (11 ký tự).",
        "'{value}' is not a YouTube video id (11 characters).",
        "Chỉ ghi mã video: trong https://www.youtube.com/watch?v=dQw4w9WgXcQ mã là dQw4w9WgXcQ.",
        "Write only the id: in https://www.youtube.com/watch?v=dQw4w9WgXcQ the id is dQw4w9WgXcQ.",
    ),
    "media-path": (
        "Đường dẫn '{value}' không hợp lệ: phải là tên tệp trong thư mục data/media/<id>/.",
        "Path '{value}' is not allowed: it must be a file name inside data/media/<id>/.",
        "Ghi tên tệp như anh-cong-dinh.jpg, không dùng '/', '..' ở đầu.",
        "Write a file name like anh-cong-dinh.jpg, without a leading '/' or '..'.",
    ),
    "media-caption": (
        "Âm thanh và video cần `caption` (tên bài, tên đoạn phim) bằng cả hai thứ tiếng.",
        "Audio and video need a bilingual `caption` (the title of the recording).",
        'Thêm caption: {{vi: "Tên bản ghi", en: "Title"}}.',
        'Add caption: {{vi: "Tên bản ghi", en: "Title"}}.',
    ),
    "visit-day": (
        "Ngày trong tuần không hợp lệ: {value}.",
        "Unknown day of the week: {value}.",
        "Viết các ngày bằng mo, tu, we, th, fr, sa, su (Thứ Hai … Chủ nhật), ví dụ days: [mo, tu, we], hoặc days: daily (mọi ngày).",
        "Write days as mo, tu, we, th, fr, sa, su, e.g. days: [mo, tu, we], or days: daily.",
    ),
    "visit-time": (
        "Giờ '{value}' không đúng dạng GIỜ:PHÚT (24 giờ).",
        "'{value}' is not a time as HOURS:MINUTES (24-hour clock).",
        "Viết giờ trong dấu nháy, ví dụ opens: \"07:30\" và closes: \"17:00\".",
        "Write the time in quotes, e.g. opens: \"07:30\" and closes: \"17:00\".",
    ),
    "visit-order": (
        "Giờ đóng cửa {closes} không sau giờ mở cửa {opens}.",
        "Closing time {closes} is not after opening time {opens}.",
        "Kiểm tra lại Giờ mở (opens) và Giờ đóng (closes); buổi sáng và buổi chiều ghi thành hai dòng.",
        "Check Opens (opens) and Closes (closes); write morning and afternoon as two lines.",
    ),
    "visit-empty": (
        "Khối `visit` đang trống.",
        "The `visit` block is empty.",
        "Điền ít nhất một thông tin: hours, by_appointment, fee, phone, etiquette… hoặc xóa khối này.",
        "Fill in at least one item: hours, by_appointment, fee, phone, etiquette… or remove the block.",
    ),
    "visit-fee": (
        "Miễn phí (`free: true`) và Giá vé (`fee`) không dùng cùng nhau.",
        "Free entry (`free: true`) and an entry fee (`fee`) cannot both be set.",
        "Giữ một trong hai: free: true nếu không thu phí, hoặc fee: {{vi: …, en: …}}.",
        "Keep one: free: true if there is no charge, or fee: {{vi: …, en: …}}.",
    ),
    "web-address": (
        "'{value}' không phải địa chỉ web dùng được: chỉ nhận http:// hoặc https:// với tên miền, không có dấu nháy, dấu cách, dấu < > hay \\.",
        "'{value}' is not a usable web address: only http:// or https:// with a host, without quotes, spaces, < > or \\.",
        "Dán địa chỉ đầy đủ từ thanh địa chỉ của trình duyệt, ví dụ https://vi.wikipedia.org/wiki/Quan_họ.",
        "Paste the full address from the browser's address bar, e.g. https://en.wikipedia.org/wiki/Quan_họ.",
    ),
    "line-break": (
        "Tên, tiêu đề chỉ được viết trên một dòng (đang có dấu xuống dòng).",
        "A name or title must be a single line (it contains a line break).",
        "Viết liền trên một dòng; phần giải thích thêm đưa vào `summary` hoặc trang Markdown.",
        "Write it on one line; put anything more in `summary` or the Markdown page.",
    ),
    "unknown-icon": (
        "Không có biểu tượng '{value}' trong giao diện.",
        "The theme has no icon '{value}'.",
        "Xóa dòng icon, hoặc dùng tên biểu tượng có sẵn, ví dụ icon: material/home.",
        "Remove the icon line, or use an icon the theme has, e.g. icon: material/home.",
    ),
    "month-format": ("Tháng phải viết dạng NĂM-THÁNG, ví dụ 2026-09.", "Months are written YEAR-MONTH, e.g. 2026-09.", "", ""),
    "image-alt": (
        "Ảnh cần mô tả ảnh (`alt`) bằng cả hai thứ tiếng cho người khiếm thị.",
        "An image needs a description (`alt`) in both languages for blind visitors.",
        'Thêm alt: {{vi: "Mô tả ảnh", en: "Description"}}.',
        'Add alt: {{vi: "Mô tả ảnh", en: "Description"}}.',
    ),
}


# Rules whose fix is about writing the file (quotes, `key: {vi: …}`): the web form shows their
# sentence without it (editor/refusals.py), since the officer there fills a box, not YAML.
FILE_FIXES = frozenset({"image-alt", "media-caption", "visit-time"})


# --- pydantic's errors, one function per kind -----------------------------------------------


def _model_at(model: type[BaseModel], loc: tuple) -> type[BaseModel] | None:
    """The schema class that owns the last key of `loc` (to suggest valid names)."""
    current: Any = model
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        info = current.model_fields.get(str(part))
        if info is None:
            return None
        current = _unwrap(info.annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _unwrap(annotation: Any) -> Any:
    """list[X] → X, X | None → X, X | Text → the model among them."""
    origin = typing.get_origin(annotation)
    if origin in (list, tuple):
        return _unwrap(typing.get_args(annotation)[0])
    if origin in (Union, types.UnionType):
        models = [a for a in map(_unwrap, typing.get_args(annotation)) if isinstance(a, type) and issubclass(a, BaseModel)]
        return models[0] if models else annotation
    if origin is Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    return annotation


def _all_field_names() -> dict[str, list[str]]:

    owners: dict[str, list[str]] = {}
    for section, schema in SCHEMAS.items():
        for name in schema.model_fields:
            owners.setdefault(name, []).append(section)
    return owners


def suggest(name: str, valid: list[str]) -> str | None:
    match = difflib.get_close_matches(name, valid, n=1, cutoff=0.6)
    return match[0] if match else None


EMPTY_HINTS: dict[str, tuple[str, str]] = {
    "": ("Điền giá trị cho trường này (xem dòng chú thích # ngay phía trên trong tệp).", "Fill in this field (see the # comment just above it in the file)."),
    "vi": ("Viết nội dung tiếng Việt.", "Write the Vietnamese text."),
    "en": ("Viết nội dung tiếng Anh.", "Write the English text."),
    "type": ("Chọn một giá trị trong danh sách ở dòng chú thích ngay phía trên (lấy từ data/vocabulary.yml).", "Pick one of the values listed in the comment just above (from data/vocabulary.yml)."),
    "ranking": ("Chọn một giá trị trong danh sách ở dòng chú thích phía trên; chưa xếp hạng thì ghi chua-xep-hang.", "Pick a value from the comment above; if not ranked, write chua-xep-hang."),
    "lat": ("Ghi vĩ độ dạng số thập phân với dấu chấm, ví dụ lat: 21.1861 (Google Maps: nhấn giữ lên địa điểm để thấy tọa độ).", "Write the latitude in decimal degrees with a point, e.g. lat: 21.1861 (Google Maps: long-press the place to see it)."),
    "lon": ("Ghi kinh độ dạng số thập phân với dấu chấm, ví dụ lon: 106.0763.", "Write the longitude in decimal degrees with a point, e.g. lon: 106.0763."),
    "month": ("Ghi tháng, từ 1 đến 12.", "Write the month, 1 to 12."),
    "day": ("Ghi ngày, từ 1 đến 30 (âm lịch) hoặc 31 (dương lịch).", "Write the day, 1 to 30 (lunar) or 31 (solar)."),
    "date": ("Ghi ngày dạng NĂM-THÁNG-NGÀY, ví dụ 2026-05-10.", "Write the date as YEAR-MONTH-DAY, e.g. 2026-05-10."),
    "ref": ("Ghi số hoặc tên văn bản đồng ý, ví dụ \"Giấy đồng ý số 03/2026\".", "Write the consent document's number or name."),
}


def _empty(e: _Error) -> Message:
    hint_vi, hint_en = EMPTY_HINTS.get(str(e.last), EMPTY_HINTS[""])
    return (f"Trường `{field_label(e.loc)}` đang để trống.", f"The field `{field_label(e.loc)}` is empty.", hint_vi, hint_en)


def _missing(e: _Error) -> Message:
    last = e.last
    if last in ("vi", "en"):
        other = "en" if last == "vi" else "vi"
        lang_vi = "tiếng Việt" if last == "vi" else "tiếng Anh"
        return (
            f"Thiếu bản {lang_vi} (`{last}`).",
            f"The {'Vietnamese' if last == 'vi' else 'English'} text (`{last}`) is missing.",
            f"Thêm dòng `{last}: …` cạnh dòng `{other}: …`: mọi văn bản phải có cả tiếng Việt và tiếng Anh.",
            f"Add a `{last}: …` line next to `{other}: …`: every text needs both Vietnamese and English.",
        )
    return (
        f"Thiếu trường bắt buộc `{last}`.",
        f"The required field `{last}` is missing.",
        f"Thêm `{last}:` vào tệp (xem mẫu trong CONTRIBUTING.md hoặc tạo mục mới bằng `python -m heritage new`).",
        f"Add `{last}:` to the file (see CONTRIBUTING.md, or scaffold entries with `python -m heritage new`).",
    )


def _unknown_field(e: _Error) -> Message:
    last = e.last
    owner = _model_at(e.model, e.loc)
    valid = list(owner.model_fields) if owner else []
    hint = suggest(str(last), valid)
    sections = _all_field_names().get(str(last)) if len(e.loc) == 1 else None
    if sections:
        return (
            f"Trường `{last}` không dùng cho chuyên mục này (chỉ dùng cho: {', '.join(sections)}).",
            f"The field `{last}` does not apply to this section (only to: {', '.join(sections)}).",
            f"Xóa `{last}` hoặc chuyển mục sang đúng thư mục chuyên mục.",
            f"Remove `{last}` or move the entry to the right section folder.",
        )
    return (
        f"Trường `{last}` không tồn tại" + (f". Có phải ý bạn là `{hint}`?" if hint else "."),
        f"Unknown field `{last}`" + (f". Did you mean `{hint}`?" if hint else "."),
        (f"Đổi `{last}` thành `{hint}`." if hint else "Xóa trường này.") + (f" Các trường hợp lệ: {', '.join(valid)}." if valid else ""),
        (f"Rename `{last}` to `{hint}`." if hint else "Remove this field.") + (f" Valid fields: {', '.join(valid)}." if valid else ""),
    )


def _bad_pattern(e: _Error) -> Message:
    """The sentence of the field's own form, looked up by its pattern (`content.forms`)."""
    pattern = str(e.ctx.get("pattern", ""))
    if pattern == ID_CHARS:
        return _id_form(e.value)
    if pattern in (WEB_PATTERN, SOURCE_PATTERN):
        return tuple(text.format(value=visible(e.value)) for text in RULES["web-address"])
    if pattern in forms.SENTENCES:
        return tuple(text.format(value=forms.shown(e.value)) for text in forms.SENTENCES[pattern])
    return forms.unexpected_form(field_label(e.loc), e.value, pattern)


def _not_allowed(e: _Error) -> Message:
    expected = str(e.ctx.get("expected", ""))
    return (
        f"'{forms.shown(e.value)}' không phải giá trị hợp lệ.",
        f"'{forms.shown(e.value)}' is not an allowed value.",
        f"Chọn một trong: {expected.replace(' or ', ' hoặc ')}.",
        f"Use one of: {expected}.",
    )


def _not_a_mapping(e: _Error) -> Message:
    owner = _model_at(e.model, (*e.loc, ""))
    if owner is not None and not issubclass(owner, Text) and not isinstance(e.value, (dict, list)):
        needed = [name for name, info in owner.model_fields.items() if info.is_required()] or list(owner.model_fields)
        example = "{" + ", ".join(f"{name}: …" for name in needed) + "}"
        return (
            f"'{forms.shown(e.value)}' là một giá trị đơn, nhưng mục `{field_label(e.loc)}` cần các trường con: {', '.join(needed)}.",
            f"'{forms.shown(e.value)}' is a single value, but `{field_label(e.loc)}` needs the sub-fields: {', '.join(needed)}.",
            f"Viết {example} (mỗi trường con dạng `tên: giá trị`).",
            f"Write {example} (each sub-field as `name: value`).",
        )
    if isinstance(e.value, str):
        return (
            "Trường này cần cả tiếng Việt và tiếng Anh, không phải một dòng chữ.",
            "This field needs both Vietnamese and English, not a single line of text.",
            f"Viết {e.last}: {{vi: \"…\", en: \"…\"}} hoặc hai dòng thụt lề `vi:` và `en:`.",
            f"Write {e.last}: {{vi: \"…\", en: \"…\"}} or two indented lines `vi:` and `en:`.",
        )
    return ("Trường này phải gồm các trường con (dạng `tên: giá trị`).", "This field must contain sub-fields (`name: value`).", "Xem mẫu trong CONTRIBUTING.md.", "See the examples in CONTRIBUTING.md.")


def _not_for_section(e: _Error) -> Message:
    return (f"Trường `{e.last}` không dùng cho chuyên mục này.", f"The field `{e.last}` does not apply to this section.", f"Xóa `{e.last}`.", f"Remove `{e.last}`.")


# pydantic's error kind → the function that words it.
EXPLAIN: dict[str, Callable[[_Error], Message]] = {
    **KINDS,
    "missing": _missing,
    "extra_forbidden": _unknown_field,
    "string_pattern_mismatch": _bad_pattern,
    "literal_error": _not_allowed,
    **dict.fromkeys(("model_type", "model_attributes_type", "dict_type"), _not_a_mapping),
    "none_required": _not_for_section,
}


def explain(error: dict, model: type[BaseModel]) -> Message:
    """(vi, en, fix_vi, fix_en) for one pydantic error."""
    kind = error["type"]
    ctx = error.get("ctx") or {}
    if kind == "heritage":  # a schema rule, raised by name with its values (schema.broken)
        return tuple(text.format(**ctx) for text in RULES[ctx["rule"]])
    loc = tuple(p for p in error["loc"] if not (isinstance(p, str) and p.startswith("function-")))
    value = error.get("input")
    e = _Error(kind, loc, loc[-1] if loc else "", value, ctx, model)
    if kind != "missing" and (value is None or (isinstance(value, str) and not value.strip())):
        return _empty(e)
    if kind.startswith("date") or kind.startswith("datetime"):
        return _not_a_date(e)
    words = EXPLAIN.get(kind)
    return words(e) if words else unknown_kind(e, error.get("msg", kind))


def validation_messages(exc: ValidationError, model: type[BaseModel]) -> list[tuple[tuple, Message]]:
    """Each error's location and explanation, deduplicated (unions repeat themselves)."""
    seen: set = set()
    out = []
    for error in exc.errors(include_url=False):
        loc = tuple(p for p in error["loc"] if not (isinstance(p, str) and ("function-" in p or p in ("str", "Text", "constrained-str"))))
        message = explain(error, model)
        key = (loc[:1] if error["type"] in ("string_type", "model_type") else loc, message[1])
        if key in seen:
            continue
        seen.add(key)
        out.append((loc, message))
    return _drop_union_noise(out)


def _drop_union_noise(items):
    """`credit: 3` fails as str and as Text; keep one message per location."""
    by_loc: dict[tuple, list] = {}
    for loc, message in items:
        by_loc.setdefault(loc, []).append(message)
    return [(loc, messages[0]) for loc, messages in by_loc.items()]


def model_problems(exc: ValidationError, model: type[BaseModel], rel: str, doc) -> list:
    """Problems for a file that does not fit its model: file, line and field of each error.
    `doc` is the file's `sources.YamlDocument` (for line numbers)."""
    from heritage.problems import Problem

    return [
        Problem(rel, vi, en, fix_vi, fix_en, field=field_label(loc) or None, line=doc.line_of(loc))
        for loc, (vi, en, fix_vi, fix_en) in validation_messages(exc, model)
    ]
