"""The form's refusals, worded by the same functions as `make check`'s: a value's figures (a
text's length, a latitude, a number typed with a comma) are left as `{placeholders}` that
admin/hx-fields.js fills in as the editor types, so the form and the check say one sentence.

Each template is `make check`'s message (sentence and fix, Vietnamese then English) with the
value's place kept: `said(kinds.too_long("{length}", 300))`.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from heritage.content import forms, kinds, schema
from heritage.content.addresses import SOURCE_PATTERN, WEB_PATTERN, web_address_pattern
from heritage.content.kinds import Message
from heritage.content.messages import FILE_FIXES, RULES
from heritage.content.references import stop_repeated
from heritage.content.settings import MONTH, ColumnSettings, Settings
from heritage.editor.words import form_words

Fix = tuple[str, str]  # (fix_vi, fix_en) as the form says it

# make check's fixes that are about writing the file (`lat: 21.18`, quotes, `- image:`), as the
# form says them: what to type or pick in the box. The sentence before the fix stays make check's.
FORM_FIXES: dict[str, Fix] = {
    "latitude-outside": (
        "Gõ vĩ độ là số thập phân với dấu chấm, ví dụ 21.18. Kiểm tra xem có đảo Vĩ độ và Kinh độ không.",
        "Type the latitude as a decimal number with a point, e.g. 21.18. Check that Latitude and Longitude are not swapped.",
    ),
    "longitude-outside": ("Gõ kinh độ là số thập phân với dấu chấm, ví dụ 106.07.", "Type the longitude as a decimal number with a point, e.g. 106.07."),
    "solar-leap": ("Bỏ chọn Tháng nhuận, hoặc chọn Lịch âm.", "Untick Leap month, or choose the lunar calendar."),
    "every-since": ("Ví dụ lễ hội 3 năm một lần từ 2026: điền 3 và 2026.", "For a festival every 3 years from 2026: fill in 3 and 2026."),
    "media-kinds": (
        "Mỗi mục chỉ chọn một trong ảnh, âm thanh, video, YouTube; thêm mục mới cho cái khác.",
        "Choose only one of photo, audio, video, YouTube in each item; add another item for the others.",
    ),
    "visit-order": ("Kiểm tra lại giờ mở và giờ đóng; buổi sáng và buổi chiều thêm thành hai mục.", "Check the opening and closing times; add morning and afternoon as two items."),
    "visit-fee": ("Giữ một trong hai: bật Miễn phí nếu không thu phí, hoặc điền Giá vé.", "Keep one: tick Free entry if there is no charge, or fill in the Entry fee."),
    "media-path": ("Gõ tên tệp, ví dụ anh-cong-dinh.jpg, không bắt đầu bằng '/' hay '..'.", "Type a file name like anh-cong-dinh.jpg, without a leading '/' or '..'."),
    "line-break": ("Viết liền trên một dòng; phần giải thích thêm đưa vào Tóm tắt hoặc bài giới thiệu.", "Write it on one line; put anything more in the Summary or the story."),
    **dict.fromkeys(FILE_FIXES, ("", "")),  # the sentence says what to fill in
}
DECIMAL: Fix = ("Gõ số thập phân với dấu chấm, ví dụ {fixed}.", "Type a decimal number with a point, e.g. {fixed}.")
# No weekday ticked (admin/hx-days.js): make check's visit-day sentence, with what to tick.
DAYS_NONE: Fix = (
    RULES["visit-day"][0].format(value="[]") + " Chọn ít nhất một ngày, hoặc Hằng ngày.",
    RULES["visit-day"][1].format(value="[]") + " Tick at least one day, or Every day.",
)


def said(message: Message, file_fix: bool = False, fix: Fix | None = None) -> str:
    """A message as the form shows it: make check's sentence and its fix, Vietnamese then
    English, fields named by their labels (words.form_words); without the fix where it is about
    writing the file (`file_fix`), or with the form's own advice instead (`fix`)."""
    vi, en, fix_vi, fix_en = message
    if file_fix:
        fix_vi = fix_en = ""
    if fix is not None:
        fix_vi, fix_en = fix
    return form_words(f"{vi} {fix_vi}".strip(), "vi") + " / " + form_words(f"{en} {fix_en}".strip(), "en")


def rule(name: str, **values: Any) -> str:
    """A schema rule (`messages.RULES`) with the values known now; the others stay `{name}`."""
    keep = {key: "{" + key + "}" for key in ("value", "day", "month", "opens", "closes", "found_vi", "found_en")}
    message = tuple(text.format(**{**keep, **values}) for text in RULES[name])
    return said(message, fix=FORM_FIXES.get(name))


def too_long(limit: int) -> dict[str, Any]:
    """A text's limit: the refusal says its length, as `make check` does (kinds.too_long); the
    details go to the story (the form has no "Markdown page")."""
    fix = (f"Rút gọn còn tối đa {limit} ký tự; phần chi tiết đưa vào bài giới thiệu.", f"Shorten it to at most {limit} characters; put the details in the story.")
    return {"heritage_max_length": limit, "heritage_too_long": said(kinds.too_long("{length}", limit), fix=fix)}


def pattern(regex: str, name: str) -> list[str] | None:
    """[regex, refusal with `{value}`] for a patterned text, in the words `make check` uses
    for that pattern (messages._bad_pattern); None for a pattern with no sentence. A web
    address's is the whole rule (addresses.web_address_pattern), with JavaScript's flag "u"."""
    if regex in (schema.ID_CHARS, schema.ID_PATTERN.pattern):
        return [schema.ID_PATTERN.pattern, said(kinds._id_form("{value}"))]
    if regex in (WEB_PATTERN, SOURCE_PATTERN):
        return [web_address_pattern("javascript", site_path=regex == SOURCE_PATTERN), rule("web-address"), "u"]
    if regex in forms.SENTENCES:
        return [regex, said(forms.SENTENCES[regex], regex in forms.FILE_FIXES, fix=FORM_PATTERN_FIXES.get(regex))]
    if regex == schema.YOUTUBE_ID.pattern:
        return [regex, rule("youtube-id")]
    if regex == schema.TIME.pattern:
        return [regex, rule("visit-time")]
    if regex == MONTH.pattern:
        return [regex, rule("month-format")]
    if regex == NO_PARENT:
        return [regex, rule("media-path")]
    return None


# A patterned text's fix about the file (`email: …`, `repo: …`), as the form says it.
FORM_PATTERN_FIXES: dict[str, Fix] = {
    forms.EMAIL: ("Gõ đúng một địa chỉ, ví dụ vanhoa@example.gov.vn (không thêm tên người, dấu < >).", "Type one address, e.g. culture@example.gov.vn (no person's name, no < >)."),
    forms.REPO: ("Gõ như trong địa chỉ của kho, ví dụ ubnd-phuong/di-san (không có https://github.com/).", "Type it as in the repository's address, e.g. ward-office/heritage (without https://github.com/)."),
    forms.LOGO: ("Gõ tên tệp tính từ data/, ví dụ logo-phuong.png (không bắt đầu bằng '/', không dùng '..').", "Type the file's name from data/, e.g. ward-logo.png (no leading '/', no '..')."),
}

NO_PARENT = r"^(?!(?:.*/)?\.\.(?:/|$))"  # no '..' step (Settings._logo_inside: the logo stays in data/)

# Texts the schema checks in a field validator rather than in the type: (model, field) → pattern,
# checked after the type's own (in make check's order).
VALIDATED_PATTERNS: dict[tuple[type[BaseModel], str], str] = {
    (schema.MediaItem, "youtube"): schema.YOUTUBE_ID.pattern,  # MediaItem._one_kind
    (schema.Hours, "opens"): schema.TIME.pattern,  # Hours._time
    (schema.Hours, "closes"): schema.TIME.pattern,
    (ColumnSettings, "launch"): MONTH.pattern,  # ColumnSettings._month
    (Settings, "logo"): NO_PARENT,  # Settings._logo_inside
}


# Ranges the schema checks in a field validator: (model, field) → (least, most, rule).
VALIDATED_RANGES: dict[tuple[type[BaseModel], str], tuple[float, float, str]] = {
    (schema.Location, "lat"): (*schema.VIETNAM_LAT, "latitude-outside"),
    (schema.Location, "lon"): (*schema.VIETNAM_LON, "longitude-outside"),
}


def number(model: type[BaseModel] | None, name: str, whole: bool, least: float | None, most: float | None) -> dict[str, Any]:
    """The refusals of a number box (admin/hx-fields.js, heritage-number): a comma as decimal
    point, not a number, under or over its bounds (a latitude outside Viet Nam: lat and lon swapped?)."""
    out: dict[str, Any] = {
        "heritage_whole": whole,
        "heritage_comma": said(kinds.decimal_comma("{value}", "{fixed}", name), fix=DECIMAL),
        "heritage_nan": said(kinds.not_a_number("{value}", name, whole), fix=("Gõ một số nguyên, ví dụ 3.", "Type a whole number, e.g. 3.") if whole else ("Gõ số thập phân với dấu chấm, ví dụ 21.2203.", "Type a decimal number with a point, e.g. 21.2203.")),
    }
    ranged = VALIDATED_RANGES.get((model, name)) if model else None
    if ranged:
        lo, hi, name_of_rule = ranged
        out.update({"min": lo, "max": hi, "heritage_below": rule(name_of_rule, lo=lo, hi=hi), "heritage_above": rule(name_of_rule, lo=lo, hi=hi)})
        return out
    if least is not None:
        out.update({"min": least, "heritage_below": said(kinds.out_of_bounds("{value}", least, True))})
    if most is not None:
        out.update({"max": most, "heritage_above": said(kinds.out_of_bounds("{value}", most, False))})
    return out


# Rules across an item's fields (the models' validators): admin/hx-fields.js refuses the save
# with the rule's sentence. Kinds: need (when `when` is filled, `need` is too), one (exactly one
# of `fields`), together (all of `fields` or none), apart (not both), most (`field` ≤ `most`
# where `if` holds), date (day/month a real date where `if` holds), not (`field` off where
# `if` holds), order (`then` after `first`), distinct (`field` differs between a list's items).
CROSS_RULES: dict[type[BaseModel], tuple[dict[str, Any], ...]] = {
    schema.MediaItem: (
        {"rule": "media-kinds", "kind": "one", "fields": list(schema._MEDIA_KINDS)},
        {"rule": "image-alt", "kind": "need", "when": "image", "need": "alt"},
        *({"rule": "media-caption", "kind": "need", "when": kind, "need": "caption"} for kind in ("audio", "video", "youtube")),
    ),
    schema.When: (
        {"rule": "lunar-day", "kind": "most", "field": "day", "most": 30, "if": {"calendar": "lunar"}},
        {"rule": "solar-date", "kind": "date", "if": {"calendar": "solar"}},
        {"rule": "solar-leap", "kind": "not", "field": "leap", "if": {"calendar": "solar"}},
        {"rule": "every-since", "kind": "together", "fields": ["every", "since"]},
    ),
    schema.Hours: ({"rule": "visit-order", "kind": "order", "first": "opens", "then": "closes"},),
    schema.Visit: ({"rule": "visit-fee", "kind": "apart", "fields": ["free", "fee"]},),
    # a cross-file check, on the trail's own list (references._check_stops)
    schema.TrailStop: ({"rule": "stop-repeated", "kind": "distinct", "field": "entry", "message": said(stop_repeated("{index}", "{value}", "{first}"))},),
}


def cross_rules(model: type[BaseModel]) -> dict[str, Any]:
    rules = CROSS_RULES.get(model)
    if not rules:
        return {}
    return {"heritage_rules": [{**r, "message": r.get("message") or rule(r["rule"])} for r in rules]}


def needed(model: type[BaseModel]) -> dict[str, dict[str, Any]]:
    """Fields a `need` rule makes required once another field of the item is filled (a photo's
    description, a recording's caption): field → `heritage_needed`, which admin/hx-bilingual.js
    reads to show the field as required and refuse it on the field, in the rule's sentence."""
    out: dict[str, dict[str, Any]] = {}
    for r in CROSS_RULES.get(model, ()):
        if r["kind"] == "need":
            entry = out.setdefault(r["need"], {"heritage_needed": {"when": [], "message": rule(r["rule"])}})
            entry["heritage_needed"]["when"].append(r["when"])
    return out


ON_FIELD = {"order": "then", "distinct": "field"}  # a rule's kind → the key naming the field it is refused on


def on_field(model: type[BaseModel]) -> dict[str, dict[str, Any]]:
    """Rules across fields refused on one of them (a closing time not after the opening time: on
    `closes`; a repeated stop: on the repeat's `entry`): field → `heritage_item_rules`, which
    admin/hx-fields.js checks as that field's own refusal, so that Decap marks it red and scrolls
    to it, rather than refusing the save in a toast that names no field."""
    out: dict[str, dict[str, Any]] = {}
    for r in cross_rules(model).get("heritage_rules", []):
        if r["kind"] in ON_FIELD:
            out.setdefault(r[ON_FIELD[r["kind"]]], {"heritage_item_rules": []})["heritage_item_rules"].append(r)
    return out
