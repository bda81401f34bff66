"""Reading editors' files: encoding, BOM, NFC, YAML with line numbers, front matter.

Editors save files from the GitHub web editor, Word, or a phone: a UTF-8 byte-order
mark or decomposed (NFD) Vietnamese is accepted and normalised in memory; the file
on disk is never rewritten.

YAML is read as plain data, nothing more: anchors, aliases and tags are refused before
anything is built from them (an alias "bomb" of a few lines would otherwise take
minutes and gigabytes), a key written twice is an error naming both lines (YAML would
silently keep the last), and a control character (Word's Shift+Enter pastes a vertical
tab) is reported with its line instead of the parser's traceback.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from heritage.problems import Problem, ProblemError
from heritage.text import nfc

Path_ = tuple[str | int, ...]


_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: ~10× faster


class _Loader(_Base):
    """SafeLoader that keeps dates as text.

    PyYAML turns `2026-13-01` into a crash deep inside the parser; keeping dates as
    strings lets the schema report a bad date with its field and line instead.
    """


_Loader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass
class YamlDocument:
    """Parsed YAML plus where each key sits, so errors can name a line."""

    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)
    first_line: int = 1

    def line_of(self, path: Path_) -> int | None:
        """The line of the deepest known key on `path`."""
        path = tuple(path)
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return None


class SourceError(ProblemError):
    """A file that cannot be used, with the reason."""


# The largest file read as text: a page's Markdown (a long story is about 30 KB) and a YAML file
# (a data file with many media items is about 20 KB). Past these, reading and rendering would
# take minutes; nothing real comes near them.
MAX_PAGE_BYTES = 200_000
MAX_YAML_BYTES = 1_000_000


def special_kind(path: Path) -> tuple[str, str] | None:
    """What `path` is when it is not a regular file (in Vietnamese and English), or None.

    A folder named like a page, a named pipe (FIFO) or a device file would crash or hang
    whatever reads it; `os.stat` tells without opening. A missing file (a broken link) is None:
    the callers say "does not exist" or "symbolic link" themselves."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return None
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return ("một thư mục", "a folder")
    if stat.S_ISFIFO(mode):
        return ("một ống dẫn (FIFO)", "a named pipe (FIFO)")
    if stat.S_ISSOCK(mode):
        return ("một socket", "a socket")
    return ("một tệp thiết bị", "a device file")


def special_file_problem(path: Path, rel: str) -> Problem | None:
    """The error for a path under data/ or docs/ that is not a regular file."""
    kind = special_kind(path)
    if kind is None:
        return None
    return Problem(
        rel,
        f"'{rel}' là {kind[0]}, không phải tệp thường: trang chỉ đọc tệp thường (văn bản, ảnh, âm thanh, video).",
        f"'{rel}' is {kind[1]}, not a regular file: the site reads regular files only (text, photos, audio, video).",
        "Xóa hoặc đổi tên nó (một thư mục không được đặt tên như tệp: bỏ đuôi .md, .yml, .jpg…).",
        "Delete or rename it (a folder must not be named like a file: drop the .md, .yml, .jpg… ending).",
    )


def _size_limit(rel: str) -> int:
    return MAX_PAGE_BYTES if rel.endswith(".md") else MAX_YAML_BYTES


def too_big_problem(rel: str, size: int, limit: int) -> Problem:
    kb, limit_kb = (size + 999) // 1000, limit // 1000
    return Problem(
        rel,
        f"Tệp nặng {kb} KB, quá giới hạn {limit_kb} KB cho một tệp văn bản: đọc và dựng nó sẽ mất hàng phút.",
        f"The file is {kb} KB, over the {limit_kb} KB limit for a text file: reading and building it would take minutes.",
        "Chia nội dung thành nhiều trang (hoặc nhiều mục), hoặc xóa phần bị dán lặp lại.",
        "Split the content into several pages (or entries), or remove the part pasted over and over.",
    )


def symlink_problem(rel: str) -> Problem:
    return Problem(
        rel,
        "Đây là liên kết tượng trưng (symlink): trang chỉ đọc tệp thật nằm trong kho.",
        "This is a symbolic link: the site reads only real files inside the repository.",
        "Xóa liên kết và đặt chính tệp vào đây.",
        "Delete the link and put the file itself here.",
    )


def _through_link(path: Path, rel: str) -> bool:
    """Whether `path` or one of its folders up to the repository (as many as `rel` names) is a link."""
    for _ in rel.split("/"):
        if path.is_symlink():
            return True
        path = path.parent
    return False


def read_text(path: Path, rel: str) -> str:
    """UTF-8 text in NFC, without a BOM; a clear error for any other encoding, for anything
    but a regular file, and for a file over the size limit (checked before it is opened).
    Never through a symbolic link: a link to a file outside the repository was refused, but
    its keys were read and printed in the report."""
    if _through_link(path, rel):
        raise SourceError(symlink_problem(rel))
    special = special_file_problem(path, rel)
    if special is not None:
        raise SourceError(special)
    limit = _size_limit(rel)
    size = os.stat(path).st_size
    if size > limit:
        raise SourceError(too_big_problem(rel, size, limit))
    with open(path, "rb") as handle:
        raw = handle.read(limit + 1)
    if len(raw) > limit:  # it grew between the two looks
        raise SourceError(too_big_problem(rel, len(raw), limit))
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise SourceError(
            Problem(
                rel,
                "Tệp không được lưu bằng mã UTF-8 nên tiếng Việt sẽ bị lỗi font.",
                "The file is not saved as UTF-8, so Vietnamese text would be garbled.",
                "Mở tệp và lưu lại với mã hóa UTF-8 (trong Notepad: Lưu thành… → Mã hóa: UTF-8).",
                "Open the file and save it again as UTF-8.",
                line=line,
            )
        ) from None
    return nfc(text.replace("\r\n", "\n"))


def _record_lines(node: yaml.Node, path: Path_, lines: dict[Path_, int]) -> None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node.value)
            child = (*path, key)
            lines[child] = key_node.start_mark.line + 1
            _record_lines(value_node, child, lines)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            child = (*path, index)
            lines[child] = item.start_mark.line + 1
            _record_lines(item, child, lines)


# C0 and C1 controls except tab and line breaks, and the BOM or non-characters inside text.
# Bidirectional overrides (U+202A-202E, U+2066-2069) too: they make text read differently from
# how it is stored ("Trojan Source"), and Vietnamese never needs them.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufeff\ufffe\uffff\u202a-\u202e\u2066-\u2069]")
_CONTROL_NAMES = {"\x0b": ("dấu xuống dòng của Word (Shift+Enter)", "Word's line break (Shift+Enter)"), "\x00": ("ký tự rỗng (NUL)", "a NUL character")}


def _refuse(rel: str, line: int | None, vi: str, en: str, fix_vi: str, fix_en: str) -> SourceError:
    return SourceError(Problem(rel, vi, en, fix_vi, fix_en, line=line))


# Lines an invisible character is reported on, per file; past these, one line says how many more.
MAX_CONTROL_LINES = 20


def _check_controls(text: str, rel: str, first_line: int) -> None:
    """Every line with a control or direction character, each with its own line number (a
    pasted text often has dozens); at most `MAX_CONTROL_LINES`, then how many more."""
    found: dict[int, str] = {}
    for match in _CONTROL.finditer(text):
        found.setdefault(text.count("\n", 0, match.start()) + first_line, match.group(0))
    if not found:
        return
    problems = []
    for line, char in list(found.items())[:MAX_CONTROL_LINES]:
        vi_name, en_name = _CONTROL_NAMES.get(char, (f"ký tự điều khiển U+{ord(char):04X}", f"the control character U+{ord(char):04X}"))
        problems.append(
            Problem(
                rel,
                f"Có {vi_name} trong văn bản: ký tự vô hình này làm hỏng tệp.",
                f"The text contains {en_name}: this invisible character breaks the file.",
                "Xóa ký tự đó: gõ lại dòng này (xuống dòng bằng Enter, không dùng Shift+Enter), hoặc dán văn bản dưới dạng chữ thường (Ctrl+Shift+V).",
                "Remove it: retype the line (break lines with Enter, not Shift+Enter), or paste as plain text (Ctrl+Shift+V).",
                line=line,
            )
        )
    rest = sorted(found)[MAX_CONTROL_LINES:]
    if rest:
        problems.append(
            Problem(
                rel,
                f"… và {len(rest)} dòng nữa có ký tự vô hình (dòng {rest[0]} đến {rest[-1]}).",
                f"… and {len(rest)} more lines with invisible characters (lines {rest[0]} to {rest[-1]}).",
                "Dán lại toàn bộ văn bản dưới dạng chữ thường (Ctrl+Shift+V), rồi chạy lại make check.",
                "Paste the whole text again as plain text (Ctrl+Shift+V), then run make check again.",
                line=rest[0],
            )
        )
    raise SourceError(*problems)


def _check_events(text: str, rel: str, first_line: int) -> None:
    """No anchors, aliases or tags: checked on the event stream, before any node is built."""
    for event in yaml.parse(text, Loader=_Base):
        line = event.start_mark.line + first_line
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise _refuse(
                rel,
                line,
                "Tệp dùng neo/bí danh YAML (& hoặc *): trang không nhận cách viết này.",
                "The file uses a YAML anchor or alias (& or *): not accepted here.",
                "Viết đầy đủ giá trị ở mỗi chỗ thay vì &tên / *tên; nếu là văn bản có dấu & hoặc * ở đầu, đặt nó trong ngoặc kép.",
                "Write the value out in full in each place instead of &name / *name; text starting with & or * goes in double quotes.",
            )
        if getattr(event, "tag", None) is not None:
            raise _refuse(
                rel,
                line,
                f"Tệp dùng thẻ kiểu YAML ({event.tag}): trang không nhận cách viết này.",
                f"The file uses a YAML type tag ({event.tag}): not accepted here.",
                "Xóa phần bắt đầu bằng dấu ! ; nếu là văn bản có dấu ! ở đầu, đặt nó trong ngoặc kép.",
                "Remove the part starting with '!'; text starting with '!' goes in double quotes.",
            )


def _check_duplicate_keys(node: yaml.Node, rel: str, first_line: int) -> None:
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, yaml.MappingNode):
            seen: dict[str, int] = {}
            for key_node, value_node in current.value:
                key = str(key_node.value)
                line = key_node.start_mark.line + first_line
                if key in seen:
                    raise _refuse(
                        rel,
                        line,
                        f"Trường '{key}' được viết hai lần (dòng {seen[key]} và dòng {line}): chỉ giá trị sau được dùng.",
                        f"The field '{key}' is written twice (lines {seen[key]} and {line}): only the last would count.",
                        "Giữ một trong hai dòng và xóa dòng kia.",
                        "Keep one of the two and delete the other.",
                    )
                seen[key] = line
                stack.append(value_node)
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(current.value)


def parse_yaml(text: str, rel: str, first_line: int = 1) -> YamlDocument:
    """Parse one YAML document; a syntax error becomes a Problem with its line."""
    _check_controls(text, rel, first_line)
    loader = _Loader(text)
    try:
        _check_events(text, rel, first_line)
        node = loader.get_single_node()
        if node is None:
            return YamlDocument({}, {}, first_line)
        _check_duplicate_keys(node, rel, first_line)
        data = loader.construct_document(node)
    except RecursionError:
        raise _refuse(rel, None, "Tệp lồng nhau quá sâu.", "The file is nested too deeply.", "Viết lại tệp theo mẫu trong templates/.", "Rewrite the file after the example in templates/.") from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        if exc.context_mark is not None and "quoted scalar" in (exc.context or ""):
            mark = exc.context_mark  # an unclosed quote: where it opens, not the end of the file
            raise _refuse(
                rel,
                mark.line + first_line,
                "Lỗi cú pháp YAML: dấu ngoặc kép (hoặc đơn) mở ở dòng này không được đóng.",
                "YAML syntax error: a quote opened on this line is never closed.",
                "Thêm dấu ngoặc đóng ở cuối văn bản, ví dụ credit: \"Nguyễn Văn A\".",
                'Add the closing quote at the end of the text, e.g. credit: "Nguyễn Văn A".',
            ) from None
        line = mark.line + first_line if mark else None
        raise SourceError(
            Problem(
                rel,
                f"Lỗi cú pháp YAML: {exc.problem or exc}.",
                f"YAML syntax error: {exc.problem or exc}.",
                "Kiểm tra thụt lề (dùng dấu cách, không dùng Tab), dấu hai chấm sau tên trường, "
                "và đặt văn bản có dấu hai chấm hoặc dấu # trong ngoặc kép.",
                "Check the indentation (spaces, not tabs), the colon after each field name, and "
                "put text containing ':' or '#' in double quotes.",
                line=line,
            )
        ) from None
    except yaml.YAMLError as exc:  # anything else the reader refuses: never a traceback
        raise _refuse(rel, None, f"Không đọc được tệp YAML: {exc}.", f"The YAML file cannot be read: {exc}.", "Lưu lại tệp dưới dạng văn bản UTF-8.", "Save the file again as UTF-8 text.") from None
    finally:
        loader.dispose()
    lines: dict[Path_, int] = {}
    _record_lines(node, (), lines)
    if first_line != 1:
        lines = {k: v + first_line - 1 for k, v in lines.items()}
    return YamlDocument(data, lines, first_line)


def load_yaml_file(path: Path, rel: str) -> YamlDocument:
    return parse_yaml(read_text(path, rel), rel)


_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)


def split_front_matter(text: str, rel: str) -> tuple[YamlDocument, str]:
    """Front matter (as a YamlDocument with file line numbers) and the Markdown body."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return YamlDocument({}, {}), text
    document = parse_yaml(match.group(1) or "", rel, first_line=2)
    if not isinstance(document.data, dict):
        raise SourceError(
            Problem(
                rel,
                "Phần đầu trang (front matter, giữa hai dòng ---) phải là danh sách `tên: giá trị`.",
                "The front matter (between the two --- lines) must be a list of `name: value` fields.",
                line=1,
            )
        )
    return document, text[match.end():]


# --- media originals ----------------------------------------------------------------------

MEDIA_FOLDER = ("data", "media")


def media_path_error(root: Path, key: str, cover: bool = False) -> tuple[str, str, str, str] | None:
    """Why `data/media/<key>` may not be published, or None: only a regular file inside an
    entry's own folder, reached through no symbolic link, ever is. `key` is '<id>/<path>'.

    A symlink (to a file or a folder, at any level) or an absolute or '..' path could
    otherwise publish any file the build machine can read.
    """
    parts = key.replace("\\", "/").split("/")
    if key.startswith(("/", "\\", "~")) or "\\" in key or ":" in parts[0] or len(parts) < 2 or any(p in ("", ".", "..") for p in parts):
        return (
            f"Đường dẫn '{key}' ra ngoài thư mục media của mục: chỉ được dùng tệp trong data/media/<mã mục>/.",
            f"The path '{key}' leads outside the entry's media folder: only files in data/media/<id>/ can be used.",
            "Chép tệp vào data/media/<mã mục>/ và ghi đường dẫn tương đối, ví dụ anh-1.jpg (ảnh bìa bài viết: dinh-lang/anh-1.jpg).",
            "Copy the file into data/media/<id>/ and write a relative path, e.g. anh-1.jpg (a post cover: dinh-lang/anh-1.jpg).",
        )
    here = os.fspath(root)
    for depth, part in enumerate((*MEDIA_FOLDER, *parts)):
        here = os.path.join(here, part)  # a string per step: a Path's making cost more than its lstat
        if os.path.islink(here):
            path = Path(root, *(*MEDIA_FOLDER, *parts)[: depth + 1])
            return (
                f"{path.relative_to(root).as_posix()} là liên kết tượng trưng (symlink): trang không đăng tệp qua liên kết.",
                f"{path.relative_to(root).as_posix()} is a symbolic link: the site never publishes a file through a link.",
                "Thay liên kết bằng chính tệp ảnh, âm thanh hoặc video.",
                "Replace the link with the photo, audio or video file itself.",
            )
    path = Path(here)
    kind = special_kind(path)
    if kind is not None:
        return (
            f"data/media/{key} là {kind[0]}, không phải tệp thường: trang chỉ đăng tệp ảnh, âm thanh, video thường.",
            f"data/media/{key} is {kind[1]}, not a regular file: the site publishes regular photo, audio and video files only.",
            "Thay nó bằng chính tệp ảnh, âm thanh hoặc video (hoặc sửa tên tệp trong tệp .yml).",
            "Replace it with the photo, audio or video file itself (or fix the file name in the .yml file).",
        )
    if not path.is_file() and cover:
        return (
            f"Không tìm thấy ảnh bìa data/media/{key}.",
            f"The cover image data/media/{key} does not exist.",
            "Ghi đường dẫn trong data/media/, ví dụ cover: dinh-lang/anh-1.jpg.",
            "Write a path inside data/media/, e.g. cover: dinh-lang/anh-1.jpg.",
        )
    if not path.is_file():
        return (
            f"Không tìm thấy tệp media data/media/{key}.",
            f"The media file data/media/{key} does not exist.",
            "Tải tệp lên thư mục đó hoặc sửa tên tệp (phân biệt chữ hoa, chữ thường).",
            "Upload the file to that folder or fix its name (case matters).",
        )
    return None
