"""The web editor's words: labels and hints of every field, in both languages, and the
refusals it shares with `make check` (content.messages)."""

from __future__ import annotations

from heritage.content import schema
from heritage.content.messages import EMPTY_HINTS, RULES
from heritage.content.vocabulary import Labels

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


def missing_text(lang: str) -> tuple[str, str]:
    """What `make check` says when one language of a bilingual text is missing (messages._missing)."""
    if lang == "vi":
        return ("Thiếu bản tiếng Việt (`vi`).", "The Vietnamese text (`vi`) is missing.")
    return ("Thiếu bản tiếng Anh (`en`).", "The English text (`en`) is missing.")


def missing_field(name: str) -> tuple[str, str]:
    """What `make check` says when a required field is missing (messages._missing)."""
    return (f"Thiếu trường bắt buộc `{name}`.", f"The required field `{name}` is missing.")


def too_long_text(limit: int) -> tuple[str, str]:
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
    "organizer": ("Đơn vị tổ chức", "Organiser"),
    "media": ("Ảnh, âm thanh, video", "Photos, audio, video"),
    "image": ("Ảnh", "Photo"),
    "audio": ("Âm thanh", "Audio"),
    "video": ("Tệp video", "Video file"),
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
    "cover": ("Ảnh bìa", "Cover photo"),
    "entries": ("Mục được giới thiệu (mã)", "Featured entries (ids)"),
    "body": ("Nội dung", "Text"),
    "translated_from": ("Dịch từ phiên bản", "Translated from revision"),
    "description": ("Mô tả cho công cụ tìm kiếm", "Description for search engines"),
    # site settings
    "site_name": ("Tên trang", "Site name"),
    "site_url": ("Địa chỉ công khai", "Public address"),
    "data_license": ("Giấy phép dữ liệu mở", "Open data licence"),
    "ward": ("Tên đơn vị", "Ward"),
    "province": ("Tỉnh, thành phố (như ghi trong địa chỉ)", "Province (as in an address)"),
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
    # what a visitor needs (visit)
    "visit": ("Thông tin tham quan", "Visiting"),
    "hours": ("Giờ mở cửa", "Opening hours"),
    "opens": ("Giờ mở (GIỜ:PHÚT)", "Opens (HH:MM)"),
    "closes": ("Giờ đóng (GIỜ:PHÚT)", "Closes (HH:MM)"),
    "by_appointment": ("Chỉ mở khi hẹn trước", "By appointment only"),
    "hours_note": ("Ghi chú về giờ mở cửa", "Note on opening hours"),
    "fee": ("Giá vé", "Entry fee"),
    "free": ("Miễn phí", "Free entry"),
    "phone": ("Số điện thoại", "Phone"),
    "email": ("Thư điện tử", "Email"),
    "etiquette": ("Lưu ý khi tham quan", "Etiquette"),
    "accessibility": ("Lối đi cho người khuyết tật", "Accessibility"),
    "best_time": ("Thời điểm nên đến", "Best time to visit"),
    # more site settings
    "tagline": ("Lời giới thiệu một dòng (trang chủ)", "Tagline (home page)"),
    "logo": ("Logo (tệp trong data/)", "Logo (a file under data/)"),
    "featured": ("Mục nổi bật ở trang chủ (mã)", "Featured entries on the home page (ids)"),
    "contact": ("Liên hệ", "Contact"),
}

# The same key meaning something else in another block: (the schema's class, field) → label.
LABELS_IN: dict[tuple[str, str], tuple[str, str]] = {
    ("Hours", "days"): ("Ngày mở cửa", "Days open"),
    ("Signer", "title"): ("Chức vụ", "Position"),
    ("Signer", "name"): ("Họ tên", "Full name"),
    ("Organizer", "name"): ("Tên đơn vị tổ chức", "Organiser's name"),
    ("Organizer", "url"): ("Trang web của đơn vị tổ chức", "Organiser's website"),
    ("Source", "title"): ("Tên tài liệu", "Title of the source"),
    ("PostMeta", "title"): ("Tiêu đề", "Title"),
    ("PostMeta", "date"): ("Ngày đăng", "Date of publication"),
    ("PostMeta", "sample"): ("Bài minh họa", "Illustrative post"),
    ("License", "name"): ("Tên giấy phép", "Licence name"),
    ("License", "url"): ("Địa chỉ văn bản giấy phép", "Licence text (web address)"),
    ("Contact", "office"): ("Cơ quan liên hệ", "Office"),
    ("Contact", "hours"): ("Giờ làm việc", "Office hours"),
    ("Contact", "sample"): ("Thông tin minh họa", "Illustrative details"),
    ("Consent", "date"): ("Ngày ký", "Date signed"),
    ("MediaItem", "date"): ("Ngày chụp, ghi", "Date recorded"),
    ("Settings", "report"): ("Báo cáo năm", "Yearly report"),
}

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
ORDER = ("name", "summary", "type", "ranking", "title", "priority", "when", "organizer", "location", "consent", "ocop_stars", "media", "related", "sources", "aliases", "sample")


def label(name: str, owner: str | None = None) -> str:
    """"Vietnamese / English" for a field; `owner` (the schema class holding it) picks the
    meaning where one key means two things (an artisan's honour title, a signer's position)."""
    vi, en = LABELS_IN.get((owner or "", name)) or LABELS.get(name, (name, name))
    return f"{vi} / {en}"


def choices(labels: Labels) -> list[dict[str, str]]:
    return [{"label": f"{names['vi']} / {names['en']}", "value": value} for value, names in labels.items()]

# The form's date box (admin/hx-date.js): typed day/month/year, stored YEAR-MONTH-DAY.
DATE_HINT = ("Ghi ngày/tháng/năm, ví dụ 10/05/2026.", "Day/month/year, e.g. 10/05/2026.")
DATE_INVALID = (
    "Ngày không đúng: ghi ngày/tháng/năm, ví dụ 10/05/2026.",
    "Not a date: write day/month/year, e.g. 10/05/2026.",
)
