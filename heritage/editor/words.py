"""The web editor's words: labels and hints of every field, in both languages, and the
refusals it shares with `make check` (content.messages)."""

from __future__ import annotations

import re

from heritage.content import schema
from heritage.content.labels import LABELS, LABELS_IN, field_words  # noqa: F401 (LABELS*: for importers)
from heritage.content.messages import EMPTY_HINTS, RULES
from heritage.content.vocabulary import Labels

# Fields the form shows for each entry besides the YAML's: the id (the file's name, never
# written inside it) and the two stories (docs/vi/… and docs/en/…).
ID_FIELD = "id"
STORY_FIELDS = {"vi": "story_vi", "en": "story_en"}

# The same sentences as `make check` (content.messages): the id's pattern and the length limit.
ID_MESSAGE = (
    f"Mã không hợp lệ: chỉ gồm chữ thường không dấu, số và dấu gạch ngang, tối đa {schema.ID_MAX_LENGTH} ký tự. Ví dụ: dinh-lang (không viết hoa, không dấu, không khoảng trắng).",
    f"Not a valid id: lowercase ASCII letters, digits and hyphens only, at most {schema.ID_MAX_LENGTH} characters. For example: dinh-lang (no capitals, no diacritics, no spaces).",
)
URL_MESSAGE = ("Không phải địa chỉ web. Ghi địa chỉ đầy đủ bắt đầu bằng https://", "Not a web address. Write the full address starting with https://")
YOUTUBE_MESSAGE = tuple(RULES["youtube-id"][i].replace("'{value}' ", "").replace("{value}", "") for i in (0, 1))


def missing_text(lang: str) -> tuple[str, str]:
    """What `make check` says when one language of a bilingual text is missing (messages._missing),
    as the form says it (`form_words`: no key)."""
    if lang == "vi":
        return ("Thiếu bản tiếng Việt.", "The Vietnamese text is missing.")
    return ("Thiếu bản tiếng Anh.", "The English text is missing.")


def missing_field(name: str, owner: str | None = None) -> tuple[str, str]:
    """What `make check` says when a required field is missing (messages._missing), the field
    named by the label the form shows (`make check` names the key: its reader edits the file)."""
    vi, en = field_words(name, owner)
    return (f"Thiếu trường bắt buộc “{vi}”.", f"The required field “{en}” is missing.")


_KEY_AFTER_LABEL = re.compile(r" \(`[^`]+`\)")  # "Cách đi (`travel`)": the label already says it
_KEY = re.compile(r"`([a-z_]+)(?:: [^`]*)?`")  # `alt`, `leap: true`


def form_words(text: str, lang: str) -> str:
    """A sentence of `make check` as the form says it: a field named by its label, never by the
    file's key (an officer sees labels, not YAML): "Cách đi (`travel`)" → "Cách đi",
    "`caption`" → "“Chú thích”". `lang` picks the label's language."""
    text = _KEY_AFTER_LABEL.sub("", text)
    return _KEY.sub(lambda m: "“" + field_words(m.group(1))[0 if lang == "vi" else 1] + "”", text)


def too_long_text(limit: int) -> tuple[str, str]:
    return (
        f"Văn bản quá giới hạn {limit} ký tự. Rút gọn còn tối đa {limit} ký tự; phần chi tiết đưa vào trang Markdown.",
        f"The text is over the {limit}-character limit. Shorten it to at most {limit} characters; put the details in the Markdown page.",
    )


def both(pair: tuple[str, str]) -> str:
    """Vietnamese first, then English, as every message of the project; in the form's words."""
    return f"{form_words(pair[0], 'vi')} / {form_words(pair[1], 'en')}"


# --- labels -----------------------------------------------------------------------------------

# The fields' labels are make check's too (content/labels.py): one name for a field everywhere.

# Days of the week (schema.WEEKDAYS) and "every day", as the visiting block's form shows them.
WEEKDAY_LABELS: dict[str, tuple[str, str]] = {
    "mo": ("Thứ Hai", "Monday"),
    "tu": ("Thứ Ba", "Tuesday"),
    "we": ("Thứ Tư", "Wednesday"),
    "th": ("Thứ Năm", "Thursday"),
    "fr": ("Thứ Sáu", "Friday"),
    "sa": ("Thứ Bảy", "Saturday"),
    "su": ("Chủ nhật", "Sunday"),
    "daily": ("Hằng ngày", "Every day"),
}
# The toggle of a text that may be one for both languages (a photo's credit: a name) or two.
EITHER_TOGGLE = ("Khác nhau theo ngôn ngữ", "Different in each language")

HINTS: dict[str, tuple[str, str]] = {
    "id": ("Cũng là địa chỉ trang và mã QR: không đổi được sau khi in biển.", "Also the page's address and its QR code: permanent once a plaque is printed."),
    "summary": ("Một hoặc hai câu, tối đa 300 ký tự mỗi thứ tiếng.", "One or two sentences, at most 300 characters in each language."),
    "sample": ("Bật nếu đây là nội dung minh họa, chưa thẩm định: trang sẽ hiện nhãn.", "On for illustrative, unverified content: the page shows a badge."),
    "consent": ("Văn bản nghệ nhân đồng ý cho đăng thông tin, hình ảnh.", "The artisan's written consent to publish."),
    "story_en": (
        "Khi sửa bản tiếng Việt mà không sửa bản tiếng Anh, bước kiểm tra đánh dấu bản tiếng Anh cần cập nhật.",
        "When the Vietnamese story changes and the English does not, the check marks the English as needing an update.",
    ),
    "media": ("Mỗi mục có đúng một trong ảnh / âm thanh / video / YouTube; mọi mục cần tác giả và giấy phép.", "Each item has exactly one of photo / audio / video / YouTube; every item needs a credit and a licence."),
}
HINTS["colors"] = (
    "Màu phải đủ đậm để chữ đọc được trên nền trắng (độ tương phản ít nhất 4,5:1); bước kiểm tra sẽ gợi ý màu đậm hơn nếu cần. Để trống: màu đỏ son và vàng đồng mặc định.",
    "Colours must be dark enough to read on white (contrast at least 4.5:1); the check suggests a darker one if needed. Left empty: the default lacquer red and gold.",
)
HINTS["entry"] = (
    "Chỉ có các mục đã có tọa độ (danh sách lấy từ nội dung lúc dựng trang; mục mới tạo hiện ra sau khi được công bố).",
    "Only entries with coordinates (the list is taken from the content when the site is built; a new entry appears once it is published).",
)
HINTS["season"] = ("Mùa, tháng âm lịch, buổi trong ngày; cả hai thứ tiếng.", "Season, lunar months, time of day; in both languages.")
HINTS["intro_vi"] = ("Lưu ý khi đi: chỗ gửi xe, nước uống… Tên, điểm dừng, bản đồ, quãng đường lấy từ các trường trên.", "Practical advice: parking, water… The name, stops, map and distance come from the fields above.")
HINTS["type"] = ("Danh sách lấy từ bảng thuật ngữ chung của trang.", "The list comes from the site's shared vocabulary.")
HINTS["ranking"] = ("Chưa xếp hạng thì chọn “Chưa xếp hạng”.", "If not ranked, choose “Not yet ranked”.")
HINTS["lat"] = ("Gõ số thập phân với dấu chấm, ví dụ 21.1861 (Google Maps: nhấn giữ lên địa điểm để thấy tọa độ).", "Type a decimal number with a point, e.g. 21.1861 (Google Maps: long-press the place to see it).")
HINTS["lon"] = ("Gõ số thập phân với dấu chấm, ví dụ 106.0763.", "Type a decimal number with a point, e.g. 106.0763.")
HINTS["ref"] = ("Số hoặc tên văn bản đồng ý, ví dụ Giấy đồng ý số 03/2026.", "The consent document's number or name.")
for _key in ("month", "day", "date"):
    HINTS.setdefault(_key, EMPTY_HINTS[_key])

# The order of the form (the schema's order, with the fields a section adds moved up).
ORDER = ("name", "summary", "type", "ranking", "title", "priority", "when", "organizer", "location", "consent", "ocop_stars", "media", "related", "sources", "aliases", "sample")


def label(name: str, owner: str | None = None) -> str:
    """"Vietnamese / English" for a field; `owner` (the schema class holding it) picks the
    meaning where one key means two things (an artisan's honour title, a signer's position)."""
    vi, en = field_words(name, owner)
    return f"{vi} / {en}"


def choices(labels: Labels) -> list[dict[str, str]]:
    return [{"label": f"{names['vi']} / {names['en']}", "value": value} for value, names in labels.items()]

# The form's date box (admin/hx-date.js): typed day/month/year, stored YEAR-MONTH-DAY.
DATE_HINT = ("Ghi ngày/tháng/năm, ví dụ 10/05/2026.", "Day/month/year, e.g. 10/05/2026.")
DATE_INVALID = (
    "Ngày không đúng: ghi ngày/tháng/năm, ví dụ 10/05/2026.",
    "Not a date: write day/month/year, e.g. 10/05/2026.",
)
