"""The forms of patterned text fields (a phone number, an e-mail address, a logo's file name…)
and what to tell an editor whose value does not have that form.

The schemas take their patterns from here, and `content.messages` looks the sentence up by
the pattern pydantic reports, so a field never borrows another field's advice (a phone
number told it "is not a valid id"). A pattern without a sentence gets `unexpected_form`,
which says what the field expects in words, never an id's rules.
"""

from __future__ import annotations

from heritage.content.addresses import visible

Message = tuple[str, str, str, str]  # (vi, en, fix_vi, fix_en)

PHONE = r"^\+?[0-9][0-9 .()-]{5,20}$"
EMAIL = r"""^[^@\s"'<>]+@[^@\s"'<>]+\.[^@\s"'<>]+$"""  # no quotes or < >: it goes into a mailto: link
LOGO = r"^[A-Za-z0-9_][A-Za-z0-9_./-]*\.(svg|png|jpg|jpeg)$"  # a file under data/
REPO = r"^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$"  # owner/name on GitHub
HTTPS = r"^https://"
SHORT_NUMBER = r"^[0-9]{3,5}$"  # an emergency service's number: 113, 114, 115

# pattern → sentences; `{value}` is the value as written (invisible characters as U+XXXX).
SENTENCES: dict[str, Message] = {
    PHONE: (
        "'{value}' không phải số điện thoại: chỉ gồm chữ số (có thể có dấu + ở đầu), dấu cách, dấu chấm, gạch ngang hoặc ngoặc đơn, từ 6 đến 21 ký tự.",
        "'{value}' is not a telephone number: digits (a leading + allowed), spaces, dots, hyphens or brackets only, 6 to 21 characters.",
        'Ghi số điện thoại trong ngoặc kép, ví dụ phone: "0222 3851 234" hoặc "+84 222 3851 234".',
        'Write the number in quotes, e.g. phone: "0222 3851 234" or "+84 222 3851 234".',
    ),
    EMAIL: (
        "'{value}' không phải địa chỉ email: cần dạng tên@tên-miền, không có dấu cách.",
        "'{value}' is not an e-mail address: it must read name@domain, without spaces.",
        "Ghi đúng một địa chỉ, ví dụ email: vanhoa@example.gov.vn (không thêm tên người, dấu < > hay dấu nháy).",
        "Write one address, e.g. email: culture@example.gov.vn (no person's name, no < > or quotes).",
    ),
    LOGO: (
        "'{value}' không phải tên tệp logo dùng được: một tệp .svg, .png hoặc .jpg trong thư mục data/, tên chỉ gồm chữ không dấu, số, '-', '_', '.' và '/'.",
        "'{value}' is not a usable logo file name: an .svg, .png or .jpg file inside data/, named with ASCII letters, digits, '-', '_', '.' and '/' only.",
        "Đặt tệp vào data/ rồi ghi tên tính từ data/, ví dụ logo: logo-phuong.png (không bắt đầu bằng '/', không dùng '..').",
        "Put the file in data/ and write its name from data/, e.g. logo: ward-logo.png (no leading '/', no '..').",
    ),
    REPO: (
        "'{value}' không phải tên kho GitHub: cần dạng chủ-sở-hữu/tên-kho.",
        "'{value}' is not a GitHub repository: it must read owner/name.",
        "Ghi như trong địa chỉ của kho, ví dụ repo: ubnd-phuong/di-san (không có https://github.com/).",
        "Write it as in the repository's address, e.g. repo: ward-office/heritage (without https://github.com/).",
    ),
    HTTPS: (
        "'{value}' không phải địa chỉ https:// dùng được.",
        "'{value}' is not a usable https:// address.",
        "Ghi địa chỉ đầy đủ bắt đầu bằng https://",
        "Write the full address starting with https://",
    ),
    SHORT_NUMBER: (
        "'{value}' không phải số khẩn cấp: chỉ gồm 3 đến 5 chữ số, không dấu cách.",
        "'{value}' is not an emergency number: it has 3 to 5 digits and no spaces.",
        'Ghi số trong ngoặc kép, ví dụ number: "113".',
        'Write the number in quotes, e.g. number: "113".',
    ),
}


# Patterns whose fix is about writing the file (a number in quotes): the form shows the sentence alone.
FILE_FIXES = frozenset({PHONE, SHORT_NUMBER})

def shown(value: object) -> str:
    """A value as a message quotes it: short, with invisible characters as U+XXXX."""
    text = str(value)
    return visible(text if len(text) <= 80 else f"{text[:60]}…")


def unexpected_form(field: str, value: object, pattern: str) -> Message:
    """For a pattern no sentence covers: what the field expects, in words, and the rule itself."""
    name = f"`{field}`" if field else "này"
    name_en = f"`{field}`" if field else "this field"
    return (
        f"'{shown(value)}' không có dạng mà trường {name} yêu cầu.",
        f"'{shown(value)}' does not have the form {name_en} expects.",
        f"Xem mẫu của trường này trong CONTRIBUTING.md (quy tắc: {pattern}).",
        f"See this field's example in CONTRIBUTING.md (the rule: {pattern}).",
    )
