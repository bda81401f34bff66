"""The web editor at /admin/ (Decap CMS): its configuration, generated from the schema, and its page.

Why generated: the form and `make check` must never disagree. Every field of every
section comes from `content.schema` (names, required or not, number ranges, length
limits, id patterns), every choice from `data/vocabulary.yml` (values and both labels),
every section from `sections.py`, and the words of the form's refusals from
`content.messages` (the same sentences `make check` prints). `tests/test_cms.py` walks
the schema again and fails when the two drift.

Trails (data/trails/<id>.yml and their two pages) are a collection like a section's: their
stops pick an entry from a list written here at build time from the inventory (only entries
with coordinates, the ones `make check` accepts as stops).

The editor's own behaviour (one form writing three files, the column's two languages
side by side, the English page's `translated_from`, the preview) is in `admin/heritage-cms.js`;
the Decap bundle is copied from `node_modules/decap-cms/dist/` (npm), never from a CDN.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import types
import typing
from pathlib import Path
from typing import Any, Literal, Union

import annotated_types
import yaml
from pydantic import BaseModel

from heritage import urls
from heritage.content import schema
from heritage.content.inventory import Inventory
from heritage.content.loader import TRAILS_FOLDER, cached_inventory
from heritage.content.messages import EMPTY_HINTS, RULES, too_few
from heritage.content.schema import ID_PATTERN, SCHEMAS, VIETNAM_LAT, VIETNAM_LON, PostMeta, Text, Trail
from heritage.content.settings import Settings
from heritage.content.vocabulary import Labels, Vocabulary
from heritage.i18n import STRINGS
from heritage.sections import COLUMN, ENTRY_SECTIONS, LANGUAGES
from heritage.urls import ADMIN

GITHUB_API = "https://api.github.com"
PROXY_ENV = "HERITAGE_CMS_PROXY"  # set by `make edit`: the local proxy's address, e.g. http://127.0.0.1:8081/api/v1
DECAP_DIST = Path("node_modules") / "decap-cms" / "dist"
ASSETS = Path(__file__).resolve().parents[2] / "admin"  # heritage-cms.js, preview.css (the repository's admin/)

# Fields the form shows for each entry besides the YAML's: the id (the file's name, never
# written inside it) and the two stories (docs/vi/… and docs/en/…).
ID_FIELD = "id"
STORY_FIELDS = {"vi": "story_vi", "en": "story_en"}

# The same sentences as `make check` (content.messages): the id's pattern and the length limit.
ID_MESSAGE = (
    f"Mã không hợp lệ: chỉ gồm chữ thường không dấu, số và dấu gạch ngang, tối đa {schema.ID_MAX_LENGTH} ký tự. Ví dụ: dinh-tan-an (không viết hoa, không dấu, không khoảng trắng).",
    f"Not a valid id: lowercase ASCII letters, digits and hyphens only, at most {schema.ID_MAX_LENGTH} characters. For example: dinh-tan-an (no capitals, no diacritics, no spaces).",
)
URL_MESSAGE = ("Không phải địa chỉ web. Ghi địa chỉ đầy đủ bắt đầu bằng https://", "Not a web address. Write the full address starting with https://")
YOUTUBE_MESSAGE = tuple(RULES["youtube-id"][i].replace("'{value}' ", "").replace("{value}", "") for i in (0, 1))


def _missing_text(lang: str) -> tuple[str, str]:
    """What `make check` says when one language of a bilingual text is missing (messages._missing)."""
    if lang == "vi":
        return ("Thiếu bản tiếng Việt (`vi`).", "The Vietnamese text (`vi`) is missing.")
    return ("Thiếu bản tiếng Anh (`en`).", "The English text (`en`) is missing.")


def _too_long(limit: int) -> tuple[str, str]:
    return (
        f"Văn bản quá giới hạn {limit} ký tự. Rút gọn còn tối đa {limit} ký tự; phần chi tiết đưa vào trang Markdown.",
        f"The text is over the {limit}-character limit. Shorten it to at most {limit} characters; put the details in the Markdown page.",
    )


def both(pair: tuple[str, str]) -> str:
    """Vietnamese first, then English, as every message of the project."""
    return f"{pair[0]} / {pair[1]}"


# --- labels -----------------------------------------------------------------------------------

LABELS: dict[str, tuple[str, str]] = {
    "id": ("Mã (id)", "Id"),
    "name": ("Tên", "Name"),
    "summary": ("Tóm tắt", "Summary"),
    "type": ("Loại hình", "Type"),
    "ranking": ("Xếp hạng", "Ranking"),
    "priority": ("Ưu tiên bảo vệ", "Protection priority"),
    "location": ("Vị trí", "Location"),
    "address": ("Địa chỉ", "Address"),
    "lat": ("Vĩ độ", "Latitude"),
    "lon": ("Kinh độ", "Longitude"),
    "when": ("Thời gian", "When"),
    "calendar": ("Lịch", "Calendar"),
    "month": ("Tháng", "Month"),
    "day": ("Ngày", "Day"),
    "leap": ("Tháng nhuận", "Leap month"),
    "days": ("Số ngày", "Number of days"),
    "every": ("Mấy năm một lần", "Every how many years"),
    "since": ("Từ năm", "Since (year)"),
    "consent": ("Đồng ý công bố", "Consent to publish"),
    "date": ("Ngày", "Date"),
    "ref": ("Số văn bản", "Document reference"),
    "title": ("Danh hiệu", "Honour title"),
    "ocop_stars": ("Số sao OCOP", "OCOP stars"),
    "media": ("Ảnh, âm thanh, video", "Photos, audio, video"),
    "image": ("Ảnh", "Photo"),
    "audio": ("Âm thanh", "Audio"),
    "video": ("Video", "Video"),
    "youtube": ("Mã video YouTube", "YouTube video id"),
    "alt": ("Mô tả ảnh (cho người khiếm thị)", "Description (for blind visitors)"),
    "caption": ("Chú thích", "Caption"),
    "transcript": ("Lời / thuyết minh", "Lyrics / narration"),
    "credit": ("Tác giả", "Credit"),
    "license": ("Giấy phép", "Licence"),
    "related": ("Mục liên quan (mã)", "Related entries (ids)"),
    "sources": ("Nguồn tham khảo", "Sources"),
    "url": ("Địa chỉ web", "Web address"),
    "aliases": ("Mã cũ (biển QR đã in)", "Former ids (printed QR codes)"),
    "sample": ("Nội dung minh họa", "Illustrative content"),
    "story_vi": ("Bài giới thiệu tiếng Việt", "Vietnamese story"),
    "story_en": ("Bài giới thiệu tiếng Anh", "English story"),
    "vi": ("Tiếng Việt", "Vietnamese"),
    "en": ("Tiếng Anh", "English"),
    # column posts
    "category": ("Thể loại", "Category"),
    "cover": ("Ảnh bìa (đường dẫn trong data/media/)", "Cover (a path under data/media/)"),
    "entries": ("Mục được giới thiệu (mã)", "Featured entries (ids)"),
    "body": ("Nội dung", "Text"),
    "translated_from": ("Dịch từ phiên bản", "Translated from revision"),
    "description": ("Mô tả cho công cụ tìm kiếm", "Description for search engines"),
    # site settings
    "site_name": ("Tên trang", "Site name"),
    "site_url": ("Địa chỉ công khai", "Public address"),
    "data_license": ("Giấy phép dữ liệu mở", "Open data licence"),
    "ward": ("Tên đơn vị", "Ward"),
    "column": ("Chuyên mục số", "Column"),
    "launch": ("Tháng ra mắt (NĂM-THÁNG)", "Launch month (YEAR-MONTH)"),
    "cms": ("Trình biên tập web", "Web editor"),
    "repo": ("Kho GitHub (chủ/tên)", "GitHub repository (owner/name)"),
    "branch": ("Nhánh", "Branch"),
    "auth_endpoint": ("Địa chỉ đăng nhập (OAuth)", "Sign-in endpoint (OAuth)"),
    "excused": ("Tháng được miễn (NĂM-THÁNG: lý do)", "Excused months (YEAR-MONTH: reason)"),
    # the yearly report's header and signature, the brochure
    "report": ("Báo cáo năm", "Yearly report"),
    "agency": ("Cơ quan cấp trên", "Parent body"),
    "office": ("Cơ quan ban hành", "Issuing office"),
    "number": ("Số, ký hiệu", "Number and symbol"),
    "place": ("Địa danh (dòng ngày tháng)", "Place (date line)"),
    "signer": ("Người ký", "Signatory"),
    "recipients": ("Nơi nhận", "Recipients"),
    "brochure": ("Tài liệu giới thiệu", "Brochure"),
    "intro": ("Đoạn giới thiệu phường", "The ward in a paragraph"),
    "relics": ("Di tích giới thiệu (mã)", "Featured relics (ids)"),
    "trail": ("Hành trình in kèm (mã)", "Trail printed (id)"),
    # heritage trails
    "stops": ("Điểm dừng, theo thứ tự đi", "Stops, in the order of the walk"),
    "entry": ("Mục", "Entry"),
    "note": ("Ghi chú tại điểm dừng", "Note at this stop"),
    "minutes": ("Số phút nên dừng", "Suggested minutes here"),
    "travel": ("Cách đi", "How to travel"),
    "season": ("Thời điểm nên đi", "Best time to go"),
    "intro_vi": ("Lời dẫn tiếng Việt", "Vietnamese introduction"),
    "intro_en": ("Lời dẫn tiếng Anh", "English introduction"),
}

HINTS: dict[str, tuple[str, str]] = {
    "id": ("Cũng là địa chỉ trang và mã QR: không đổi được sau khi in biển.", "Also the page's address and its QR code: permanent once a plaque is printed."),
    "summary": ("Một hoặc hai câu, tối đa 300 ký tự mỗi thứ tiếng.", "One or two sentences, at most 300 characters in each language."),
    "sample": ("Bật nếu đây là nội dung minh họa, chưa thẩm định: trang sẽ hiện nhãn.", "On for illustrative, unverified content: the page shows a badge."),
    "consent": ("Văn bản nghệ nhân đồng ý cho đăng thông tin, hình ảnh.", "The artisan's written consent to publish."),
    "story_en": (
        "Khi sửa bản tiếng Việt mà không sửa bản tiếng Anh, `make check` đánh dấu bản tiếng Anh cần cập nhật.",
        "When the Vietnamese story changes and the English does not, `make check` marks the English as needing an update.",
    ),
    "media": ("Mỗi mục có đúng một trong ảnh / âm thanh / video / YouTube; mọi mục cần tác giả và giấy phép.", "Each item has exactly one of photo / audio / video / YouTube; every item needs a credit and a licence."),
}
HINTS["entry"] = (
    "Chỉ có các mục đã có tọa độ (danh sách lấy từ nội dung lúc dựng trang; mục mới tạo hiện ra sau khi được công bố).",
    "Only entries with coordinates (the list is taken from the content when the site is built; a new entry appears once it is published).",
)
HINTS["season"] = ("Mùa, tháng âm lịch, buổi trong ngày; cả hai thứ tiếng.", "Season, lunar months, time of day; in both languages.")
HINTS["intro_vi"] = ("Lưu ý khi đi: chỗ gửi xe, nước uống… Tên, điểm dừng, bản đồ, quãng đường lấy từ các trường trên.", "Practical advice: parking, water… The name, stops, map and distance come from the fields above.")
HINTS["type"] = ("Danh sách lấy từ data/vocabulary.yml.", "The list comes from data/vocabulary.yml.")
HINTS["ranking"] = ("Chưa xếp hạng thì chọn “Chưa xếp hạng”.", "If not ranked, choose “Not yet ranked”.")
for _key in ("lat", "lon", "month", "day", "date", "ref"):
    HINTS.setdefault(_key, EMPTY_HINTS[_key])

# The order of the form (the schema's order, with the fields a section adds moved up).
ORDER = ("name", "summary", "type", "ranking", "title", "priority", "when", "location", "consent", "ocop_stars", "media", "related", "sources", "aliases", "sample")


def label(name: str) -> str:
    vi, en = LABELS.get(name, (name, name))
    return vi if vi == en else f"{vi} / {en}"


def _options(labels: Labels) -> list[dict[str, str]]:
    return [{"label": f"{names['vi']} / {names['en']}", "value": value} for value, names in labels.items()]


# --- from the schema's types to Decap's widgets -------------------------------------------------


def _strip_optional(annotation: Any) -> tuple[Any, bool]:
    """X | None → (X, True)."""
    if typing.get_origin(annotation) in (Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(args) < len(typing.get_args(annotation)):
            return (args[0] if len(args) == 1 else Union[tuple(args)]), True
    return annotation, False


def _constraints(annotation: Any, info_metadata: list) -> dict[str, Any]:
    """min/max, length and pattern of a field, from pydantic's metadata and Annotated[]."""
    found: dict[str, Any] = {}
    metadata = list(info_metadata)
    if typing.get_origin(annotation) is typing.Annotated:
        metadata += list(typing.get_args(annotation)[1:])
    for item in metadata:
        for attr in ("ge", "le", "max_length", "min_length", "pattern"):
            value = getattr(item, attr, None)
            if value is not None:
                found[attr] = value
        if isinstance(item, annotated_types.Ge):
            found["ge"] = item.ge
        if isinstance(item, annotated_types.Le):
            found["le"] = item.le
    return found


def _base(annotation: Any) -> Any:
    while typing.get_origin(annotation) is typing.Annotated:
        annotation = typing.get_args(annotation)[0]
    return annotation


class Generator:
    """Decap fields for a section, the column and the site settings."""

    def __init__(self, vocabulary: Vocabulary, stops: list[dict[str, str]] | None = None):
        self.vocabulary = vocabulary
        self.stops = stops  # choices for a trail stop's entry (trail_stops()); None: typed as an id

    def text(self, name: str, model: type[Text], required: bool, multiline: bool = False) -> dict[str, Any]:
        """A bilingual text: Vietnamese and English side by side in one widget (admin/heritage-cms.js),
        stored as the file's `{vi: …, en: …}`; its refusals are `make check`'s sentences."""
        limit = _constraints(model.model_fields["vi"].annotation, model.model_fields["vi"].metadata).get("max_length")
        field: dict[str, Any] = {"widget": "heritage-bilingual", "multiline": multiline or bool(limit)}
        if required:
            for lang in LANGUAGES:
                field[f"heritage_required_{lang}"] = both(_missing_text(lang))
        if limit:
            field["heritage_max_length"] = limit
            field["heritage_too_long"] = both(_too_long(limit))
        return self._decorate(field, name, required)

    # Decap's own "required" check words its refusal generically; `heritage_required_<lang>`
    # adds the sentence `make check` prints, shown under it by the heritage-bilingual widget.

    def _decorate(self, field: dict[str, Any], name: str, required: bool) -> dict[str, Any]:
        field = {"name": name, "label": label(name), **{k: v for k, v in field.items() if k != "name"}, "required": required}
        if name in HINTS:
            field["hint"] = both(HINTS[name])
        return field

    def field(self, section: str | None, name: str, info) -> dict[str, Any]:
        annotation, optional = _strip_optional(info.annotation)
        required = info.is_required()
        bounds = _constraints(annotation, info.metadata)
        base = _base(annotation)
        if name == "type" and section:
            return self._decorate({"widget": "select", "options": _options(self.vocabulary.types.get(section, {}))}, name, required)
        if name == "ranking" and section:
            return self._decorate({"widget": "select", "options": _options(self.vocabulary.rankings.get(section, {}))}, name, required)
        if name == "priority":
            return self._decorate({"widget": "select", "options": _options(self.vocabulary.priorities)}, name, required)
        if name == "category":
            return self._decorate({"widget": "select", "options": _options(self.vocabulary.categories)}, name, required)
        if name == "entry" and self.stops:
            return self._decorate({"widget": "select", "options": self.stops}, name, required)
        if name in ("image", "audio", "video"):
            return self._decorate({"widget": "image" if name == "image" else "file", "choose_url": False}, name, required)
        if isinstance(base, type) and issubclass(base, Text):
            return self.text(name, base, required, multiline=name in ("summary", "transcript", "caption"))
        if isinstance(base, type) and issubclass(base, BaseModel):
            children = self.fields(section, base)
            if not required:
                # Decap checks a required child even when its optional parent is left empty (an
                # artisan without a location); `make check` still refuses a half-filled one.
                children = [_optional(child) for child in children]
            return self._decorate({"widget": "object", "collapsed": False, "fields": children}, name, required)
        if typing.get_origin(base) is typing.Union or typing.get_origin(base) is types.UnionType:
            # `credit: str | Text`: the form offers the plain one (one name in both languages)
            return self.field(section, name, _Info(typing.get_args(base)[0], info.metadata, required))
        if typing.get_origin(base) is list:
            (item,) = typing.get_args(base)
            item_base = _base(item)
            least = {"min": bounds["min_length"]} if bounds.get("min_length") else {}
            if bounds.get("max_length"):
                least["max"] = bounds["max_length"]  # Decap refuses more items, as `make check` does
            if isinstance(item_base, type) and issubclass(item_base, BaseModel):
                out = self._decorate({"widget": "list", "collapsed": False, **least, "fields": self.fields(section, item_base)}, name, required)
            elif typing.get_origin(item_base) is Literal:
                # a few fixed choices (a trail's travel modes): one select, several values
                out = self._decorate({"widget": "select", "multiple": True, **least, "options": _literal_options(item_base)}, name, required)
            else:
                inner = self.field(section, "item", _Info(item, [], True))
                inner.pop("hint", None)
                out = self._decorate({"widget": "list", **least, "field": {**inner, "label": label(name)}}, name, required)
            if "min" in least:
                # Decap refuses a short list in its own words; the hint says what `make check` says
                rule = both(too_few(name, least["min"])[:2])
                out["hint"] = f"{out['hint']} {rule}" if "hint" in out else rule
            return out
        if typing.get_origin(base) is Literal:
            return self._decorate({"widget": "select", "options": _literal_options(base), "default": typing.get_args(base)[0]}, name, required)
        if base is bool:
            return self._decorate({"widget": "boolean", "default": bool(info.default) if info.default not in (None, ...) else False}, name, required)
        if base in (int, float):
            field: dict[str, Any] = {"widget": "number", "value_type": "int" if base is int else "float"}
            lo, hi = bounds.get("ge"), bounds.get("le")
            lo, hi = RANGES.get(name, (lo, hi))
            if lo is not None:
                field["min"] = lo
            if hi is not None:
                field["max"] = hi
            if base is float:
                field["step"] = 0.000001
            default = getattr(info, "default", None)
            if isinstance(default, int) and not isinstance(default, bool):
                field["default"] = default  # a festival's one day, a stop's 20 minutes, as the schema
            return self._decorate(field, name, required)
        if base is dt.date:
            return self._decorate({"widget": "datetime", "format": "YYYY-MM-DD", "date_format": "YYYY-MM-DD", "time_format": False, "picker_utc": True}, name, required)
        if base is str:
            field = {"widget": "string"}
            pattern = bounds.get("pattern")
            if pattern in (ID_PATTERN.pattern, schema.ID_CHARS):
                field["pattern"] = [ID_PATTERN.pattern, both(ID_MESSAGE)]
            elif pattern:
                field["pattern"] = [pattern, both(URL_MESSAGE) if name == "url" else pattern]
            if name == "youtube":
                field["pattern"] = [schema.YOUTUBE_ID.pattern, both(YOUTUBE_MESSAGE)]
            limit = bounds.get("max_length")
            if limit and "pattern" not in field:
                field["pattern"] = [f"^[\\s\\S]{{0,{limit}}}$", both(_too_long(limit))]
            return self._decorate(field, name, required)
        raise TypeError(f"cms: no widget for field {name!r} ({annotation!r}); add one in heritage/tools/cms.py")

    def fields(self, section: str | None, model: type[BaseModel], skip: tuple[str, ...] = ()) -> list[dict[str, Any]]:
        out = []
        rank = {name: i for i, name in enumerate(ORDER)}
        names = sorted(model.model_fields, key=lambda n: rank.get(n, len(ORDER))) if section else list(model.model_fields)
        for name in names:
            info = model.model_fields[name]
            if name in skip:
                continue
            if typing.get_args(info.annotation) == () and info.annotation is type(None):
                continue  # `ranking: None`: the section has no ranking
            out.append(self.field(section, name, info))
        return out


def _optional(field: dict[str, Any]) -> dict[str, Any]:
    """The same field, not required in the form (nor are its own children)."""
    out = {k: v for k, v in field.items() if not k.startswith("heritage_required_")}
    out["required"] = False
    if "fields" in out and out.get("widget") == "object":
        out["fields"] = [_optional(child) for child in out["fields"]]
    return out


class _Info(typing.NamedTuple):
    """The part of pydantic's FieldInfo the generator reads, for list items and unions."""

    annotation: Any
    metadata: list
    required: bool
    default: Any = None

    def is_required(self) -> bool:
        return self.required


CHOICE_LABELS: dict[str, tuple[str, str]] = {
    "lunar": ("Âm lịch", "Lunar"),
    "solar": ("Dương lịch", "Solar"),
    # a trail's travel modes, worded as on the trail's page
    **{mode: (STRINGS[mode]["vi"], STRINGS[mode]["en"]) for mode in schema.TRAVEL_MODES},
}


def _literal_options(annotation: Any) -> list[dict[str, str]]:
    return [{"label": both(CHOICE_LABELS.get(v, (v, v))), "value": v} for v in typing.get_args(annotation)]

# Ranges the schema checks in a validator rather than in the field's type.
RANGES: dict[str, tuple[float, float]] = {"lat": VIETNAM_LAT, "lon": VIETNAM_LON}

# Fields of the column's front matter: translated in each language, or the same in both.
POST_TRANSLATED = ("title", "summary", "description", "body")
POST_HIDDEN = ("translated_from",)  # written by the editor's script, never typed
POST_LABELS = {"title": ("Tiêu đề", "Title"), "date": ("Ngày đăng", "Date of publication")}


# --- collections ------------------------------------------------------------------------------


def _id_field() -> dict[str, Any]:
    """The file's name, shown as a field (never written inside the file)."""
    return {
        "name": ID_FIELD,
        "label": label(ID_FIELD),
        "widget": "string",
        "pattern": [ID_PATTERN.pattern, both(ID_MESSAGE)],
        "hint": both(HINTS["id"]),
        "required": True,
    }


def _stories(names: dict[str, str] | None = None) -> list[dict[str, Any]]:
    """The two Markdown pages of a data file, as the fields story_vi and story_en (heritage-cms.js
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
        "summary": "{{name.vi}} — {{name.en}} ({{" + ID_FIELD + "}})",
        **extra,
        "heritage": heritage,
        "fields": [_id_field(), *fields],
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
    three-files-per-form mechanism as an entry's (heritage-cms.js reads `heritage.stories`)."""
    rank = {name: i for i, name in enumerate(TRAIL_ORDER)}
    fields = sorted(generator.fields(None, Trail), key=lambda f: rank.get(f["name"], len(TRAIL_ORDER)))
    return _yaml_collection(
        TRAIL_COLLECTION, "Hành trình / Trails", "Hành trình / Trail", f"data/{TRAILS_FOLDER}",
        {"kind": "trail", "stories": {lang: f"docs/{lang}/{urls.TRAILS}/" for lang in LANGUAGES}},
        [*fields, *_stories(TRAIL_STORIES)],
    )


def column_collection(generator: Generator) -> dict[str, Any]:
    """Posts in Decap's i18n: Vietnamese and English side by side. Decap stores a translated
    entry as <folder>/<lang>/<slug>.md; the editor's script maps that onto the site's
    docs/<lang>/chuyen-muc/<slug>.md (see admin/heritage-cms.js)."""
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
        "summary": "{{date}} — {{title}}",
        "sortable_fields": [{"field": "date", "default_sort": "desc"}, "title"],
        "i18n": True,  # the site-wide i18n settings (config()): two folders, Vietnamese first
        "heritage": {"kind": "column", "real": {lang: f"docs/{lang}/{COLUMN.key}" for lang in LANGUAGES}},
        "media_folder": "/data/media/chuyen-muc",
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
            fields.append(generator.field(None, name, info))
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
            column_collection(generator),
            settings_collection(generator),
        ],
    }
    if proxy:
        out["local_backend"] = {"url": proxy}
    return out


def policy(proxy: str | None = None) -> str:
    """/admin/'s own Content-Security-Policy: the site itself and GitHub's API (plus the local
    proxy on loopback under `make edit`). Decap sets styles inline; photos it shows before
    saving are blob: URLs. 'unsafe-eval': Decap validates its configuration with ajv, which
    compiles schemas with `new Function` (decaporg/decap-cms#2138, open); scripts still come
    only from this site, and no visitor's page carries this policy."""
    # blob: the photos an editor picks are read back from blob: URLs before they are saved
    connect = " ".join(filter(None, ["'self'", "blob:", GITHUB_API, _origin(proxy) if proxy else ""]))
    return "; ".join(
        [
            "default-src 'self'",
            "script-src 'self' 'unsafe-eval'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "media-src 'self' blob:",
            "font-src 'self'",
            f"connect-src {connect}",
            "frame-src 'self' blob:",
            "worker-src 'self' blob:",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
        ]
    )


def _origin(url: str) -> str:
    scheme, _, rest = url.partition("://")
    return f"{scheme}://{rest.split('/', 1)[0]}"


INDEX = """<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{csp}">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="same-origin">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Biên tập nội dung / Content editor</title>
<link rel="stylesheet" href="decap/cms.css">
<link rel="stylesheet" href="admin.css">
<script src="manual-init.js"></script>
<script src="decap/decap-cms.js"></script>
<script src="heritage-cms.js"></script>
</head>
<body>
<noscript>Trình biên tập cần JavaScript. / The editor needs JavaScript.</noscript>
</body>
</html>
"""

# Never inside another site's frame (a page could lay itself over the form and steer the
# officer's clicks): both headers, for browsers that know only one. GitHub Pages sends no
# _headers, and a meta policy cannot forbid framing: heritage-cms.js refuses to start there.
HEADERS_BLOCK = (
    "/{admin}/*\n  ! Content-Security-Policy\n  Content-Security-Policy: {csp}; frame-ancestors 'none'\n"
    "  X-Frame-Options: DENY\n  X-Robots-Tag: noindex\n"
)


def decap_dist(root: Path) -> Path | None:
    """Decap's bundle as npm installed it, or None (the site then builds without /admin/)."""
    path = root / DECAP_DIST
    return path if (path / "decap-cms.js").is_file() else None


def write_admin(root: Path, site_root: Path, settings: Settings, vocabulary: Vocabulary, inventory: Inventory | None = None) -> Path | None:
    """site/admin/: the page, its generated config.yml, our script and Decap's bundle.
    Returns None when node_modules has no Decap (`npm ci` was not run): the site is whole
    without it (the README says so; CI and the deploy run `npm ci`)."""
    dist = decap_dist(root)
    if dist is None:
        return None
    proxy = os.environ.get(PROXY_ENV) or None
    folder = site_root / ADMIN
    (folder / "decap").mkdir(parents=True, exist_ok=True)
    for file in dist.iterdir():
        if "decap-cms." in file.name or file.suffix == ".wasm" or file.name == "cms.css":
            if not file.name.endswith(".map"):
                _link_or_copy(file, folder / "decap" / file.name)
    for file in ASSETS.iterdir():
        if file.suffix in (".js", ".css"):
            shutil.copyfile(file, folder / file.name)
    (folder / "config.yml").write_text(config_yaml(root, settings, vocabulary, proxy, inventory=inventory), encoding="utf-8")
    # /admin/?lang=en: the same form with Decap's interface in English
    (folder / ENGLISH_CONFIG).write_text(config_yaml(root, settings, vocabulary, proxy, locale="en", inventory=inventory), encoding="utf-8")
    (folder / "index.html").write_text(INDEX.format(csp=policy(proxy)), encoding="utf-8")
    return folder


ENGLISH_CONFIG = "config-en.yml"


def config_yaml(root: Path, settings: Settings, vocabulary: Vocabulary, proxy: str | None = None, locale: str = LANGUAGES[0], inventory: Inventory | None = None) -> str:
    head = "# Tạo tự động từ heritage/content/schema.py và data/vocabulary.yml: đừng sửa tay.\n# Generated from the schema and the vocabulary (heritage/tools/cms.py): do not edit.\n"
    return head + yaml.safe_dump({**config(root, settings, vocabulary, proxy, inventory), "locale": locale}, allow_unicode=True, sort_keys=False, width=1000)


def append_headers(site_root: Path) -> None:
    """/admin/ gets its own policy in _headers (Cloudflare Pages' `!` detaches the site's)."""
    headers = site_root / "_headers"
    if (site_root / ADMIN).is_dir() and headers.is_file():
        with headers.open("a", encoding="utf-8") as handle:
            handle.write(HEADERS_BLOCK.format(admin=ADMIN, csp=policy(os.environ.get(PROXY_ENV) or None)))


def _link_or_copy(source: Path, target: Path) -> None:
    """A hard link is instant and costs no space (5 MB a build); a copy where links fail."""
    if target.exists():
        target.unlink()
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)
