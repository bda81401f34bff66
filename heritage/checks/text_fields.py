"""Every text field of every data file, checked as the text YAML gives, not as it is typed.

The reader (`content.sources`) refuses an invisible character typed into a file, but YAML's
escapes write the same characters in plain ASCII: `"\\u202E"` (text shown reversed), `"\\0"`,
`"\\e"` (a terminal escape), `"\\r"`. So once a file is read, each of its strings (and keys)
is checked here: no control or direction-changing character, no line break where the field
is a single line (a name is a heading: a line break would end it), and no markup
(`checks.safety`). Entries, trails, data/site.yml, data/vocabulary.yml, data/qr-issued.yml
and the front matter of every page go through the same check, each finding named by its
file, line and field.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Iterable

from heritage.checks import safety
from heritage.content.sources import SourceError, YamlDocument, load_yaml_file
from heritage.problems import Problem

# Controls other than tab and line feed (carriage return included: YAML's "\r"), the BOM and
# non-characters, and the invisible marks that change the direction of text (embeddings,
# overrides, isolates, LRM/RLM/ALM): Vietnamese and English never need them, and they make
# text read differently from how it is stored. U+2028/2029 are line breaks to browsers only.
_INVISIBLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff\ufffe\uffff]")
_DIRECTION = re.compile(r"[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_NAMES = {
    "\x00": ("ký tự rỗng (NUL)", "a NUL character"),
    "\x0b": ("dấu xuống dòng của Word (Shift+Enter)", "Word's line break (Shift+Enter)"),
    "\r": ("ký tự về đầu dòng (CR)", "a carriage return (CR)"),
    "\x1b": ("ký tự ESC (điều khiển màn hình)", "an ESC character (terminal control)"),
}

# Fields that are one line: names and titles (headings, tab titles, cards), labels, ids,
# addresses, dates, credits. Stories, summaries, notes and captions may break lines.
SINGLE_LINE = frozenset(
    {
        "name", "title", "ward", "site_name", "tagline", "site_url", "url", "auth_endpoint", "repo", "branch", "id", "entry",
        "type", "ranking", "priority", "category", "license", "credit", "image", "audio", "video", "youtube", "cover",
        "logo", "phone", "email", "date", "launch", "number", "place", "office", "agency", "related", "aliases",
        "featured", "entries", "relics", "trail", "translated_from", "ref", "opens", "closes", "days", "travel", "calendar",
    }
)
# Files whose every string is a single line: labels and codes.
SINGLE_LINE_FILES = ("data/vocabulary.yml", "data/qr-issued.yml")
# The settings and list files every page depends on (entries and trails are in the inventory).
DATA_FILES = ("data/site.yml", "data/vocabulary.yml", "data/qr-issued.yml")

Path_ = tuple[str | int, ...]


def strings(value: Any, path: Path_ = ()) -> Iterable[tuple[Path_, str, bool]]:
    """(path, text, is_key) for every string of parsed YAML, keys included."""
    if isinstance(value, str):
        yield path, value, False
    elif isinstance(value, dict):
        for key, item in value.items():
            if isinstance(key, str):
                yield (*path, key), key, True
            yield from strings(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from strings(item, (*path, index))


def field_label(path: Path_) -> str:
    return ".".join(str(p) if not isinstance(p, int) else f"[{p}]" for p in path).replace(".[", "[")


def _single_line(path: Path_, rel: str, is_key: bool) -> bool:
    named = [p for p in path if isinstance(p, str) and p not in ("vi", "en")]
    return is_key or rel in SINGLE_LINE_FILES or bool(named and named[-1] in SINGLE_LINE)


def _invisible(char: str) -> tuple[str, str]:
    code = f"U+{ord(char):04X}"
    if char in _NAMES:
        vi, en = _NAMES[char]
        return f"{vi}, {code}", f"{en}, {code}"
    if _DIRECTION.match(char):
        return f"ký tự đổi hướng chữ {code} (làm chữ hiện ra khác với chữ được lưu)", f"the direction-changing character {code} (text shows differently from how it is stored)"
    return f"ký tự điều khiển {code}", f"the control character {code}"


def _character_problem(rel: str, path: Path_, text: str, line: int | None, is_key: bool) -> Problem | None:
    where = field_label(path)
    found = _INVISIBLE.search(text)
    if found is not None:
        vi, en = _invisible(found.group(0))
        return Problem(
            rel,
            f"Trường có {vi}, có thể được viết bằng mã thoát YAML như \"\\u202E\", \"\\0\", \"\\r\": ký tự vô hình này không được phép.",
            f"The field contains {en}, possibly written as a YAML escape such as \"\\u202E\", \"\\0\", \"\\r\": this invisible character is not allowed.",
            "Xóa ký tự đó (tìm dấu \\ trong ngoặc kép trên dòng này) và gõ lại văn bản bằng chữ thường.",
            "Remove it (look for a \\ inside double quotes on this line) and retype the text as plain text.",
            field=where,
            line=line,
        )
    if _single_line(path, rel, is_key) and re.search(r"[\n\t]", text.strip()):
        return Problem(
            rel,
            "Trường này chỉ có một dòng (tên, tiêu đề, nhãn, mã, địa chỉ) nhưng có dấu xuống dòng hoặc Tab.",
            "This field is a single line (a name, title, label, id or address) but contains a line break or a tab.",
            "Viết cả giá trị trên một dòng, trong ngoặc kép nếu cần; bỏ dấu | hoặc > ở đầu giá trị.",
            "Write the whole value on one line, in double quotes if needed; drop a leading | or >.",
            field=where,
            line=line,
        )
    return None


def field_problems(rel: str, doc: YamlDocument, fix_vi: str, fix_en: str) -> list[Problem]:
    """Invisible characters, line breaks in one-line fields, and markup, in every string of a
    YAML document (a data file or a page's front matter), each named by its field and line."""
    out = []
    for path, text, is_key in strings(doc.data):
        line = doc.line_of(path)
        problem = _character_problem(rel, path, text, line, is_key)
        if problem is not None:
            out.append(problem)
        out += [Problem(rel, *finding.explain(), fix_vi, fix_en, field=field_label(path), line=line) for finding in safety.scan_text(text)]
    return out


def data_file_problems(root: Path) -> list[Problem]:
    """The site's settings, vocabulary and issued codes, as entries are checked. A file that
    cannot be read is reported by its own loader, once."""
    out = []
    for rel in DATA_FILES:
        path = root / rel
        if not path.is_file():
            continue
        try:
            doc = load_yaml_file(path, rel)
        except SourceError:
            continue
        out += field_problems(
            rel,
            doc,
            "Xóa đoạn mã này: các giá trị trong tệp .yml chỉ là chữ thường (tên, nhãn, địa chỉ).",
            "Remove this code: values in .yml files are plain text (names, labels, addresses).",
        )
    return out
