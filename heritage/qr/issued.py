"""Printed codes never break: the record of every code issued on a plaque (data/qr-issued.yml).

A printed code must always lead to an entry: `issued_problems` fails the check when
an issued id no longer resolves (renaming an entry means keeping its old id as an alias).
"""

from __future__ import annotations

import re
from pathlib import Path

from pydantic import ValidationError

from heritage.content.messages import model_problems
from heritage.content.schema import IssuedCode, IssuedFile
from heritage.content.sources import SourceError, load_yaml_file
from heritage.problems import ContentError, Problem

ISSUED_FILE = "data/qr-issued.yml"
ISSUED_HEADER = (
    "# Mã QR đã in lên biển: lệnh `python -m heritage plaques` tự ghi thêm vào đây.\n"
    "# Không xóa dòng nào: mã đã in phải luôn dẫn tới một mục (đổi tên mục thì ghi mã cũ vào aliases).\n"
    "# Codes printed on plaques, recorded by the plaques command. Never remove a line.\n"
    "issued:\n"
)


def read_issued(root: Path) -> tuple[list[tuple[str, str, int | None]], list[Problem]]:
    """(id, date, line) of every printed code, and the file's problems: a record that cannot
    be read is an error, never an empty record (the check would then protect nothing)."""
    path = root / ISSUED_FILE
    if not path.is_file():
        return [], []
    try:
        doc = load_yaml_file(path, ISSUED_FILE)
        IssuedFile.model_validate(doc.data if doc.data is not None else {})
    except SourceError as exc:
        return [], exc.problems
    except ValidationError as exc:
        return _readable_codes(doc), model_problems(exc, IssuedFile, ISSUED_FILE, doc)
    return _readable_codes(doc), []


def _readable_codes(doc) -> list[tuple[str, str, int | None]]:
    """Every line of the record that is a code, even when other lines are not: a wrong line must
    not hide that a printed code lost its entry (both are reported in one run)."""
    items = doc.data.get("issued") if isinstance(doc.data, dict) else None
    codes = []
    for index, item in enumerate(items if isinstance(items, list) else []):
        try:
            code = IssuedCode.model_validate(item)
        except ValidationError:
            continue  # reported with the file's other errors
        codes.append((code.id, code.date.isoformat(), doc.line_of(("issued", index))))
    return codes


def issued(root: Path) -> list[tuple[str, str, int | None]]:
    """(id, date, line) of every printed code; raises ContentError when the record is unreadable."""
    codes, problems = read_issued(root)
    if problems:
        raise ContentError(problems)
    return codes


def issued_problems(inv) -> list:
    codes, out = read_issued(inv.root)
    for code, day, line in codes:
        # a trail sign prints its id too; an entry whose file has errors is reported there
        if inv.resolve(code) is None and code not in inv.trails and code not in inv.invalid_ids:
            out.append(
                Problem(
                    ISSUED_FILE,
                    f"Mã '{code}' đã được in lên biển (ngày {day}) nhưng không còn mục nào mang mã này: biển đó sẽ dẫn tới trang lỗi.",
                    f"The code '{code}' was printed on a plaque ({day}) but no entry has that id any more: the plaque would lead nowhere.",
                    f"Thêm '{code}' vào `aliases` của mục đã thay thế nó (ví dụ aliases: [{code}]), hoặc khôi phục mục đó.",
                    f"Add '{code}' to the `aliases` of the entry that replaced it (e.g. aliases: [{code}]), or restore that entry.",
                    field="issued",
                    line=line,
                )
            )
    return out


def record_issued(root: Path, ids: list[str], day) -> list[str]:
    """Append newly printed ids (keeping the file's comments and order); returns those added."""
    path = root / ISSUED_FILE
    known = {code for code, _, _ in issued(root)}
    new = [i for i in dict.fromkeys(ids) if i not in known]
    if not new:
        return []
    text = path.read_text(encoding="utf-8") if path.is_file() else ISSUED_HEADER
    text = re.sub(r"^issued:\s*\[\s*\]\s*$", "issued:", text, flags=re.M)  # the empty list of a new file
    if not text.endswith("\n"):
        text += "\n"
    text += "".join(f"  - {{id: {code}, date: {day.isoformat()}}}\n" for code in new)
    path.write_text(text, encoding="utf-8")
    return new
