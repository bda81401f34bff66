"""Reading editors' files: encoding, BOM, NFC, YAML with line numbers, front matter.

Editors save files from the GitHub web editor, Word, or a phone: a UTF-8 byte-order
mark or decomposed (NFD) Vietnamese is accepted and normalised in memory; the file
on disk is never rewritten.
"""

from __future__ import annotations

import re
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


def read_text(path: Path, rel: str) -> str:
    """UTF-8 text in NFC, without a BOM; a clear error for any other encoding."""
    raw = path.read_bytes()
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


def parse_yaml(text: str, rel: str, first_line: int = 1) -> YamlDocument:
    """Parse one YAML document; a syntax error becomes a Problem with its line."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return YamlDocument({}, {}, first_line)
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
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
