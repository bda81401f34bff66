"""Pydantic's errors about a value's kind (a number, a date, a text, a list), one small function
each, Vietnamese first: `content.messages` picks the function by pydantic's error type.

Every message names the value as written (shortened, invisible characters as U+XXXX) and
how to write it instead; no error type the schemas can produce falls back to pydantic's
English (`unknown_kind` is the bilingual net for any other).
"""

from __future__ import annotations

import re
import typing
from typing import Any

from pydantic import BaseModel

from heritage.content import forms
from heritage.content.labels import field_words
from heritage.content.schema import ID_CHARS, ID_MAX_LENGTH

Message = tuple[str, str, str, str]  # (vi, en, fix_vi, fix_en)


def field_label(loc: tuple) -> str:
    """('media', 0, 'alt') → 'media[0].alt', as editors see the field."""
    return ".".join(str(p) if not isinstance(p, int) else f"[{p}]" for p in loc).replace(".[", "[")


class _Error(typing.NamedTuple):
    """One pydantic error, as the explaining functions need it."""

    kind: str
    loc: tuple
    last: Any  # the field's own name (or index)
    value: Any
    ctx: dict
    model: type[BaseModel]


def decimal_comma(value: object, fixed: object, last: object) -> Message:
    """A number written with a decimal comma; also the web editor's refusal (editor/refusals.py)."""
    return (
        f"'{value}' dùng dấu phẩy thập phân; tệp dữ liệu cần dấu chấm.",
        f"'{value}' uses a decimal comma; data files need a decimal point.",
        f"Viết {last}: {fixed} (dấu chấm, không có ngoặc kép).",
        f"Write {last}: {fixed} (a point, no quotes).",
    )


def not_a_number(value: object, last: object, whole: bool) -> Message:
    """A value that is no number at all; also the web editor's refusal."""
    number = "số nguyên" if whole else "số"
    return (
        f"'{value}' không phải là {number}.",
        f"'{value}' is not a {'whole number' if whole else 'number'}.",
        f"Ghi một {number}, không có ngoặc kép, ví dụ {last}: 3.",
        f"Write a {'whole number' if whole else 'number'} without quotes, e.g. {last}: 3.",
    )


def _not_a_number(e: _Error) -> Message:
    value, last, whole = e.value, e.last, e.kind.startswith("int")
    if isinstance(value, str) and re.fullmatch(r"-?\d+,\d+", value.strip()):
        return decimal_comma(value, value.strip().replace(",", "."), last)
    return not_a_number(value, last, whole)


def _not_a_boolean(e: _Error) -> Message:
    return (f"'{e.value}' không phải true/false.", f"'{e.value}' is not true/false.", f"Ghi {e.last}: true hoặc {e.last}: false.", f"Write {e.last}: true or {e.last}: false.")


def _not_a_date(e: _Error) -> Message:
    return (
        f"'{e.value}' không phải ngày hợp lệ.",
        f"'{e.value}' is not a valid date.",
        "Ghi ngày theo dạng NĂM-THÁNG-NGÀY, ví dụ 2026-02-17 (tháng từ 01 đến 12).",
        "Write the date as YEAR-MONTH-DAY, e.g. 2026-02-17 (months 01 to 12).",
    )


def _id_form(value: object) -> Message:
    return (
        f"'{forms.shown(value)}' không phải mã hợp lệ: chỉ gồm chữ thường không dấu, số và dấu gạch ngang, tối đa {ID_MAX_LENGTH} ký tự.",
        f"'{forms.shown(value)}' is not a valid id: lowercase ASCII letters, digits and hyphens only, at most {ID_MAX_LENGTH} characters.",
        "Ví dụ: dinh-lang (không viết hoa, không dấu, không khoảng trắng).",
        "For example: dinh-lang (no capitals, no diacritics, no spaces).",
    )


def too_long(length: object, limit: object) -> Message:
    """A text over its limit, with its length; also the web editor's refusal (editor/refusals.py)."""
    return (
        f"Văn bản dài {length} ký tự, quá giới hạn {limit} ký tự.",
        f"The text is {length} characters long, over the {limit}-character limit.",
        f"Rút gọn còn tối đa {limit} ký tự; phần chi tiết đưa vào trang Markdown.",
        f"Shorten it to at most {limit} characters; put the details in the Markdown page.",
    )


def _too_long(e: _Error) -> Message:
    limit = e.ctx.get("max_length")
    if limit == ID_MAX_LENGTH and isinstance(e.value, str) and re.fullmatch(ID_CHARS, e.value):
        return _id_form(e.value)
    return too_long(len(e.value), limit)


def _not_text(e: _Error) -> Message:
    return ("Văn bản đang trống hoặc không phải chữ.", "The text is empty or not text.", "Điền nội dung (đặt trong ngoặc kép nếu có dấu hai chấm).", "Fill it in (in double quotes if it contains a colon).")


def out_of_bounds(value: object, bound: object, below: bool) -> Message:
    """A number under its least (`below`) or over its most; also the web editor's refusal."""
    return (
        f"{value} {'nhỏ hơn' if below else 'lớn hơn'} giới hạn {bound}.",
        f"{value} is {'below' if below else 'above'} the limit of {bound}.",
        f"Ghi một số {'từ' if below else 'tối đa'} {bound}{' trở lên' if below else ''}.",
        f"Use a number {'of at least' if below else 'of at most'} {bound}.",
    )


def _out_of_bounds(e: _Error) -> Message:
    ctx = e.ctx
    bound = ctx.get("ge", ctx.get("le", ctx.get("gt", ctx.get("lt"))))
    return out_of_bounds(forms.shown(e.value), bound, e.kind.startswith("greater"))


def _not_a_list(e: _Error) -> Message:
    return ("Trường này phải là một danh sách.", "This field must be a list.", "Viết mỗi phần tử trên một dòng bắt đầu bằng '- ', hoặc [a, b].", "Write each item on a line starting with '- ', or [a, b].")


def too_few(field: str, least: int) -> Message:
    """A list with too few items; also the web editor's hint for such a list (editor/fields.py).
    Named by its label, as the form shows it, with the key for those who edit the file."""
    vi, en = field_words(re.sub(r"\[\d+\]", "", field).rsplit(".", 1)[-1])
    return (
        f"Danh sách {vi} (`{field}`) cần ít nhất {least} phần tử.",
        f"The list {en} (`{field}`) needs at least {least} {'item' if least == 1 else 'items'}.",
        "Thêm phần tử, mỗi phần tử trên một dòng bắt đầu bằng '- '.",
        "Add items, each on a line starting with '- '.",
    )


def _too_many(e: _Error) -> Message:
    most, found = e.ctx.get("max_length"), e.ctx.get("actual_length")
    return (
        f"Danh sách `{field_label(e.loc)}` có {found} phần tử, tối đa {most}.",
        f"The list `{field_label(e.loc)}` has {found} items, at most {most}.",
        f"Giữ tối đa {most} phần tử quan trọng nhất; phần còn lại đưa vào mục khác hoặc trang Markdown.",
        f"Keep the {most} that matter most; put the rest in another entry or the Markdown page.",
    )


def _too_few(e: _Error) -> Message:
    return too_few(field_label(e.loc), e.ctx.get("min_length", 1))


def _not_finite(e: _Error) -> Message:
    return (
        f"'{forms.shown(e.value)}' không phải một số cụ thể (.inf là vô cực, .nan là “không phải số” trong YAML).",
        f"'{forms.shown(e.value)}' is not an actual number (.inf is infinity and .nan “not a number” in YAML).",
        f"Ghi một số cụ thể, không có ngoặc kép, ví dụ {e.last}: 30.",
        f"Write an actual number without quotes, e.g. {e.last}: 30.",
    )


def _number_too_big(e: _Error) -> Message:
    return (
        f"'{forms.shown(e.value)}' là một số quá lớn.",
        f"'{forms.shown(e.value)}' is far too large a number.",
        f"Kiểm tra lại {e.last}: có thể đã gõ thừa chữ số.",
        f"Check {e.last}: a few digits too many, perhaps.",
    )


def unknown_kind(e: _Error, english: str) -> Message:
    """Any error type no function words: still Vietnamese first, with pydantic's English after."""
    field = field_label(e.loc)
    return (
        f"Giá trị '{forms.shown(e.value)}' của trường `{field}` không hợp lệ.",
        f"The value '{forms.shown(e.value)}' of `{field}` is not valid ({english}).",
        "Sửa theo mẫu của trường này trong CONTRIBUTING.md.",
        "Fix it after this field's example in CONTRIBUTING.md.",
    )


# pydantic's error type → the function that words it (the value kinds; `messages.EXPLAIN` adds the rest).
KINDS: dict[str, typing.Callable[[_Error], Message]] = {
    **dict.fromkeys(("float_parsing", "float_type", "int_parsing", "int_type", "int_from_float"), _not_a_number),
    "finite_number": _not_finite,
    "int_parsing_size": _number_too_big,
    **dict.fromkeys(("bool_parsing", "bool_type"), _not_a_boolean),
    "string_too_long": _too_long,
    **dict.fromkeys(("string_too_short", "string_type"), _not_text),
    **dict.fromkeys(("greater_than_equal", "less_than_equal", "greater_than", "less_than"), _out_of_bounds),
    "list_type": _not_a_list,
    "too_short": _too_few,
    "too_long": _too_many,
}
