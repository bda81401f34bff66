"""Typed schemas of entry files (`data/<section>/<id>.yml`) and column posts.

Pydantic does the type work; `explain` turns its errors into the bilingual,
fix-it messages editors read. Cross-file rules (vocabulary, related ids, media
files, pages in both languages) live in `inventory.py`, which sees all files.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import types
import typing
from typing import Annotated, Any, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError, field_validator, model_validator
from pydantic_core import PydanticCustomError

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")

# Mainland, islands and archipelagos of Viet Nam, with a small margin.
VIETNAM_LAT = (8.0, 23.5)
VIETNAM_LON = (102.0, 117.5)

NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Short = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]


def custom(vi: str, en: str, fix_vi: str = "", fix_en: str = "") -> PydanticCustomError:
    """An error that already knows its bilingual message and fix."""
    return PydanticCustomError("heritage", en, {"vi": vi, "en": en, "fix_vi": fix_vi, "fix_en": fix_en})


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Text(Model):
    """Bilingual text: both keys required."""

    vi: NonEmpty
    en: NonEmpty

    def __call__(self, lang: str) -> str:
        return self.vi if lang == "vi" else self.en


class Summary(Text):
    vi: Short
    en: Short


class Location(Model):
    address: Text | None = None
    lat: float
    lon: float

    @field_validator("lat")
    @classmethod
    def _lat_in_vietnam(cls, value: float) -> float:
        lo, hi = VIETNAM_LAT
        if not lo <= value <= hi:
            raise custom(
                f"Vĩ độ {value} nằm ngoài Việt Nam (từ {lo} đến {hi}).",
                f"Latitude {value} is outside Viet Nam ({lo} to {hi}).",
                "Ghi vĩ độ dạng số thập phân, ví dụ lat: 21.18 (Bắc Ninh ở khoảng 21,0-21,3). Kiểm tra xem có đảo lat và lon không.",
                "Write the latitude in decimal degrees, e.g. lat: 21.18 (Bắc Ninh is about 21.0-21.3). Check that lat and lon are not swapped.",
            )
        return value

    @field_validator("lon")
    @classmethod
    def _lon_in_vietnam(cls, value: float) -> float:
        lo, hi = VIETNAM_LON
        if not lo <= value <= hi:
            raise custom(
                f"Kinh độ {value} nằm ngoài Việt Nam (từ {lo} đến {hi}).",
                f"Longitude {value} is outside Viet Nam ({lo} to {hi}).",
                "Ghi kinh độ dạng số thập phân, ví dụ lon: 106.07 (Bắc Ninh ở khoảng 105,9-106,6).",
                "Write the longitude in decimal degrees, e.g. lon: 106.07 (Bắc Ninh is about 105.9-106.6).",
            )
        return value


class When(Model):
    calendar: Literal["lunar", "solar"]
    month: int = Field(ge=1, le=12)
    day: int = Field(ge=1, le=31)
    leap: bool = False
    days: int = Field(default=1, ge=1, le=30)
    every: int | None = Field(default=None, ge=1, le=20)
    since: int | None = Field(default=None, ge=1900, le=2100)

    @model_validator(mode="after")
    def _consistent(self) -> "When":
        if self.calendar == "lunar" and self.day > 30:
            raise custom(
                f"Tháng âm lịch chỉ có 29 hoặc 30 ngày, không có ngày {self.day}.",
                f"A lunar month has 29 or 30 days; there is no day {self.day}.",
                "Sửa `day` thành một số từ 1 đến 30.",
                "Set `day` to a number from 1 to 30.",
            )
        if self.calendar == "solar":
            try:
                dt.date(2024, self.month, self.day)  # 2024 is a leap year: 29/2 is allowed
            except ValueError:
                raise custom(
                    f"Ngày {self.day}/{self.month} không có trong dương lịch.",
                    f"{self.day}/{self.month} is not a date on the solar calendar.",
                    "Kiểm tra lại `month` và `day`.",
                    "Check `month` and `day`.",
                ) from None
            if self.leap:
                raise custom(
                    "`leap: true` (tháng nhuận) chỉ dùng với âm lịch.",
                    "`leap: true` (leap month) only applies to the lunar calendar.",
                    "Xóa `leap` hoặc đặt `calendar: lunar`.",
                    "Remove `leap` or set `calendar: lunar`.",
                )
        if (self.every is None) != (self.since is None):
            raise custom(
                "`every` (bao nhiêu năm một lần) và `since` (năm bắt đầu) phải đi cùng nhau.",
                "`every` (every how many years) and `since` (first year) go together.",
                "Ví dụ lễ hội 3 năm một lần từ 2026: every: 3 và since: 2026.",
                "For a festival every 3 years from 2026: every: 3 and since: 2026.",
            )
        return self


class Consent(Model):
    date: dt.date
    ref: NonEmpty


class Source(Model):
    title: NonEmpty
    url: Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^(https?://\S+|/\S*)$")]


_MEDIA_KINDS = ("image", "audio", "video", "youtube")


class MediaItem(Model):
    image: NonEmpty | None = None
    audio: NonEmpty | None = None
    video: NonEmpty | None = None
    youtube: NonEmpty | None = None
    alt: Text | None = None
    caption: Text | None = None
    transcript: Text | None = None  # lyrics or narration of audio and video, shown beside the player
    credit: NonEmpty | Text
    license: NonEmpty
    date: dt.date | None = None

    @property
    def kind(self) -> str:
        return next(k for k in _MEDIA_KINDS if getattr(self, k) is not None)

    @property
    def path(self) -> str:
        return getattr(self, self.kind)

    def credit_text(self, lang: str) -> str:
        return self.credit(lang) if isinstance(self.credit, Text) else self.credit

    @model_validator(mode="after")
    def _one_kind(self) -> "MediaItem":
        present = [k for k in _MEDIA_KINDS if getattr(self, k) is not None]
        if len(present) != 1:
            raise custom(
                f"Mỗi mục media phải có đúng một trong image, audio, video, youtube (đang có: {', '.join(present) or 'không có'}).",
                f"Each media item needs exactly one of image, audio, video, youtube (found: {', '.join(present) or 'none'}).",
                "Tách thành nhiều mục, mỗi mục bắt đầu bằng '- image:' (hoặc audio/video/youtube).",
                "Split it into several items, each starting with '- image:' (or audio/video/youtube).",
            )
        kind = present[0]
        value = getattr(self, kind)
        if kind == "youtube":
            if not YOUTUBE_ID.match(value):
                raise custom(
                    f"'{value}' không phải mã video YouTube (11 ký tự).",
                    f"'{value}' is not a YouTube video id (11 characters).",
                    "Chỉ ghi mã video: trong https://www.youtube.com/watch?v=dQw4w9WgXcQ mã là dQw4w9WgXcQ.",
                    "Write only the id: in https://www.youtube.com/watch?v=dQw4w9WgXcQ the id is dQw4w9WgXcQ.",
                )
        elif value.startswith("/") or ".." in value.split("/") or "\\" in value:
            raise custom(
                f"Đường dẫn '{value}' không hợp lệ: phải là tên tệp trong thư mục data/media/<id>/.",
                f"Path '{value}' is not allowed: it must be a file name inside data/media/<id>/.",
                "Ghi tên tệp như anh-cong-dinh.jpg, không dùng '/', '..' ở đầu.",
                "Write a file name like anh-cong-dinh.jpg, without a leading '/' or '..'.",
            )
        if kind in ("audio", "video", "youtube") and self.caption is None:
            raise custom(
                "Âm thanh và video cần `caption` (tên bài, tên đoạn phim) bằng cả hai thứ tiếng.",
                "Audio and video need a bilingual `caption` (the title of the recording).",
                "Thêm caption: {vi: \"Tên bản ghi\", en: \"Title\"}.",
                "Add caption: {vi: \"Tên bản ghi\", en: \"Title\"}.",
            )
        if kind == "image" and self.alt is None:
            raise custom(
                "Ảnh cần mô tả `alt` bằng cả hai thứ tiếng cho người khiếm thị.",
                "An image needs a bilingual `alt` description for blind visitors.",
                "Thêm alt: {vi: \"Mô tả ảnh\", en: \"Description\"}.",
                "Add alt: {vi: \"Mô tả ảnh\", en: \"Description\"}.",
            )
        return self


EntryId = Annotated[str, StringConstraints(pattern=ID_PATTERN.pattern)]


class Entry(Model):
    """Fields every section shares."""

    name: Text
    summary: Summary
    type: NonEmpty
    priority: NonEmpty | None = None
    location: Location | None = None
    media: list[MediaItem] = []
    related: list[EntryId] = []
    sources: list[Source] = []
    aliases: list[EntryId] = []
    sample: bool = False

    ranking: str | None = None  # overridden where the section has rankings


class _Ranked(Entry):
    ranking: NonEmpty


class Relic(_Ranked):
    location: Location


class Festival(_Ranked):
    when: When


class Craft(_Ranked):
    location: Location


class Artisan(Entry):
    consent: Consent
    title: Text | None = None
    ranking: None = None


class Song(_Ranked):
    pass


class Product(Entry):
    ocop_stars: int | None = Field(default=None, ge=1, le=5)
    ranking: None = None


SCHEMAS: dict[str, type[Entry]] = {
    "di-tich": Relic,
    "le-hoi": Festival,
    "lang-nghe": Craft,
    "nghe-nhan": Artisan,
    "quan-ho": Song,
    "san-pham": Product,
}


class PostMeta(Model):
    """Front matter of a column post."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    title: NonEmpty
    date: dt.date
    summary: Short
    category: NonEmpty | None = None
    cover: NonEmpty | None = None
    entries: list[EntryId] = []
    sample: bool = False
    translated_from: NonEmpty | None = None
    description: NonEmpty | None = None


# --- turning pydantic errors into editors' messages ------------------------------


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


def _field_name(loc: tuple) -> str:
    return ".".join(str(p) if not isinstance(p, int) else f"[{p}]" for p in loc).replace(".[", "[")


# What to write in a field left empty (scaffolded files leave the blanks to fill).
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


def explain(error: dict, model: type[BaseModel]) -> tuple[str, str, str, str]:
    """(vi, en, fix_vi, fix_en) for one pydantic error."""
    kind = error["type"]
    ctx = error.get("ctx") or {}
    loc = tuple(p for p in error["loc"] if not (isinstance(p, str) and p.startswith("function-")))
    value = error.get("input")
    last = loc[-1] if loc else ""
    if kind == "heritage":
        return ctx["vi"], ctx["en"], ctx["fix_vi"], ctx["fix_en"]
    if kind != "missing" and (value is None or (isinstance(value, str) and not value.strip())):
        hint_vi, hint_en = EMPTY_HINTS.get(str(last), EMPTY_HINTS[""])
        return (
            f"Trường `{_field_name(loc)}` đang để trống.",
            f"The field `{_field_name(loc)}` is empty.",
            hint_vi,
            hint_en,
        )
    if kind == "missing":
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
    if kind == "extra_forbidden":
        owner = _model_at(model, loc)
        valid = list(owner.model_fields) if owner else []
        hint = suggest(str(last), valid)
        sections = _all_field_names().get(str(last)) if len(loc) == 1 else None
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
    if kind in ("float_parsing", "float_type", "int_parsing", "int_type", "int_from_float"):
        number = "số nguyên" if kind.startswith("int") else "số"
        if isinstance(value, str) and re.fullmatch(r"-?\d+,\d+", value.strip()):
            fixed = value.strip().replace(",", ".")
            return (
                f"'{value}' dùng dấu phẩy thập phân; tệp dữ liệu cần dấu chấm.",
                f"'{value}' uses a decimal comma; data files need a decimal point.",
                f"Viết {last}: {fixed} (dấu chấm, không có ngoặc kép).",
                f"Write {last}: {fixed} (a point, no quotes).",
            )
        return (
            f"'{value}' không phải là {number}.",
            f"'{value}' is not a {'whole number' if kind.startswith('int') else 'number'}.",
            f"Ghi một {number}, không có ngoặc kép, ví dụ {last}: 3.",
            f"Write a {'whole number' if kind.startswith('int') else 'number'} without quotes, e.g. {last}: 3.",
        )
    if kind in ("bool_parsing", "bool_type"):
        return (
            f"'{value}' không phải true/false.",
            f"'{value}' is not true/false.",
            f"Ghi {last}: true hoặc {last}: false.",
            f"Write {last}: true or {last}: false.",
        )
    if kind.startswith("date") or kind.startswith("datetime"):
        return (
            f"'{value}' không phải ngày hợp lệ.",
            f"'{value}' is not a valid date.",
            "Ghi ngày theo dạng NĂM-THÁNG-NGÀY, ví dụ 2026-02-17 (tháng từ 01 đến 12).",
            "Write the date as YEAR-MONTH-DAY, e.g. 2026-02-17 (months 01 to 12).",
        )
    if kind == "string_too_long":
        limit = ctx.get("max_length")
        return (
            f"Văn bản dài {len(value)} ký tự, quá giới hạn {limit} ký tự.",
            f"The text is {len(value)} characters long, over the {limit}-character limit.",
            f"Rút gọn còn tối đa {limit} ký tự; phần chi tiết đưa vào trang Markdown.",
            f"Shorten it to at most {limit} characters; put the details in the Markdown page.",
        )
    if kind in ("string_too_short", "string_type"):
        return (
            "Văn bản đang trống hoặc không phải chữ.",
            "The text is empty or not text.",
            "Điền nội dung (đặt trong ngoặc kép nếu có dấu hai chấm).",
            "Fill it in (in double quotes if it contains a colon).",
        )
    if kind == "string_pattern_mismatch":
        if last == "url":
            return (
                f"'{value}' không phải địa chỉ web.",
                f"'{value}' is not a web address.",
                "Ghi địa chỉ đầy đủ bắt đầu bằng https://",
                "Write the full address starting with https://",
            )
        return (
            f"'{value}' không phải mã hợp lệ: chỉ gồm chữ thường không dấu, số và dấu gạch ngang.",
            f"'{value}' is not a valid id: lowercase ASCII letters, digits and hyphens only.",
            "Ví dụ: dinh-tan-an (không viết hoa, không dấu, không khoảng trắng).",
            "For example: dinh-tan-an (no capitals, no diacritics, no spaces).",
        )
    if kind == "literal_error":
        expected = ctx.get("expected", "")
        return (
            f"'{value}' không phải giá trị hợp lệ.",
            f"'{value}' is not an allowed value.",
            f"Chọn một trong: {expected}.",
            f"Use one of: {expected}.",
        )
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        bound = ctx.get("ge", ctx.get("le", ctx.get("gt", ctx.get("lt"))))
        more = kind.startswith("greater")
        return (
            f"{value} {'nhỏ hơn' if more else 'lớn hơn'} giới hạn {bound}.",
            f"{value} is {'below' if more else 'above'} the limit of {bound}.",
            f"Ghi một số {'từ' if more else 'tối đa'} {bound}{' trở lên' if more else ''}.",
            f"Use a number {'of at least' if more else 'of at most'} {bound}.",
        )
    if kind in ("list_type",):
        return (
            "Trường này phải là một danh sách.",
            "This field must be a list.",
            "Viết mỗi phần tử trên một dòng bắt đầu bằng '- ', hoặc [a, b].",
            "Write each item on a line starting with '- ', or [a, b].",
        )
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        if isinstance(value, str):
            return (
                "Trường này cần cả tiếng Việt và tiếng Anh, không phải một dòng chữ.",
                "This field needs both Vietnamese and English, not a single line of text.",
                f"Viết {last}: {{vi: \"…\", en: \"…\"}} hoặc hai dòng thụt lề `vi:` và `en:`.",
                f"Write {last}: {{vi: \"…\", en: \"…\"}} or two indented lines `vi:` and `en:`.",
            )
        return (
            "Trường này phải gồm các trường con (dạng `tên: giá trị`).",
            "This field must contain sub-fields (`name: value`).",
            "Xem mẫu trong CONTRIBUTING.md.",
            "See the examples in CONTRIBUTING.md.",
        )
    if kind == "none_required":
        return (
            f"Trường `{last}` không dùng cho chuyên mục này.",
            f"The field `{last}` does not apply to this section.",
            f"Xóa `{last}`.",
            f"Remove `{last}`.",
        )
    return (error.get("msg", kind), error.get("msg", kind), "", "")


def validation_messages(exc: ValidationError, model: type[BaseModel]) -> list[tuple[tuple, tuple[str, str, str, str]]]:
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


def field_label(loc: tuple) -> str:
    return _field_name(loc)
