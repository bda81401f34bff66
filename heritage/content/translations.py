"""Translation parity and freshness between docs/vi/ and docs/en/.

A page's *revision* is a short hash of its Vietnamese text (NFC, LF line ends), so
the check works in a shallow clone with no git history. An English page records
the revision it was translated from in `translated_from`; `--stamp` writes it.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from heritage import memo
from heritage.content.sources import SourceError, read_text, split_front_matter
from heritage.problems import Problem

REVISION = re.compile(r"^[0-9a-f]{12}$")
Status = Literal["current", "stale", "unstamped", "invalid", "no-english", "no-vietnamese"]

STATUS_LABELS: dict[str, dict[str, str]] = {
    "current": {"vi": "Đã cập nhật", "en": "Up to date"},
    "stale": {"vi": "Bản dịch cũ", "en": "Stale"},
    "unstamped": {"vi": "Chưa ghi phiên bản", "en": "Not stamped"},
    "invalid": {"vi": "translated_from sai", "en": "Bad translated_from"},
    "no-english": {"vi": "Thiếu bản tiếng Anh", "en": "English missing"},
    "no-vietnamese": {"vi": "Thiếu bản tiếng Việt", "en": "Vietnamese missing"},
}


def revision(path: Path) -> str:
    """The revision of a Vietnamese page: 12 hex digits of SHA-256 of its normalised text."""
    return text_revision(read_text(path, path.name))


# Front-matter fields that are media, not text to translate: adding or changing one on the
# Vietnamese page leaves the English translation current. Only `audio` for now: a page without it
# hashes exactly as before, so no stamp already written goes stale. (`cover` is media too, but
# leaving it out would change the revision of every post with a cover and mark every translation
# stale at once; it waits for a migration that restamps the English pages.)
MEDIA_FIELDS = ("audio",)
_MEDIA_FIELD = re.compile(rf"^(?:{'|'.join(MEDIA_FIELDS)})[ \t]*:.*\n(?:[ \t-].*\n|[ \t]*\n)*", re.M)


def _without_media_fields(text: str) -> str:
    """The page with its media front-matter fields (and a map's or list's indented lines) taken out."""
    if not text.startswith("---\n"):
        return text
    end = text.find("\n---", 3)
    if end < 0:
        return text
    head = _MEDIA_FIELD.sub("", text[4 : end + 1])
    return "---\n" + head + text[end + 1 :]


def text_revision(text: str) -> str:
    """The revision of a Vietnamese page's text as read_text gives it (NFC, LF line ends), its
    media fields left out: also what the editor's desk compares against the page's past versions."""
    normalised = "\n".join(line.rstrip() for line in _without_media_fields(text.strip() + "\n").strip().splitlines())
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:12]


@dataclass(frozen=True)
class PagePair:
    rel: str  # path under docs/<lang>/, e.g. di-tich/dinh-lang.md
    status: Status
    current: str | None = None  # revision of the Vietnamese page
    recorded: str | None = None  # translated_from of the English page
    line: int | None = None  # where the English page writes it

    @property
    def vi(self) -> str:
        return f"docs/vi/{self.rel}"

    @property
    def en(self) -> str:
        return f"docs/en/{self.rel}"


def _pages(docs: Path, lang: str) -> set[str]:
    folder = docs / lang
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*.md")} if folder.is_dir() else set()


def _recorded(path: Path, rel: str) -> tuple[str | None, int | None]:
    """The English page's `translated_from` and its line in the file (for the message)."""
    try:
        doc, _ = split_front_matter(read_text(path, rel), rel)
    except SourceError:
        return None, None  # reported by the front-matter checks
    value = doc.data.get("translated_from") if isinstance(doc.data, dict) else None
    return (None, None) if value is None else (str(value).strip(), doc.line_of(("translated_from",)))


def survey(root: Path, cache: dict | None = None) -> list[PagePair]:
    """Every page and its translation state, in path order. `cache`: the live preview's
    (heritage.memo): a pair is read again when one of its pages changed."""
    docs = root / "docs"
    vi_pages, en_pages = _pages(docs, "vi"), _pages(docs, "en")
    out = []
    for rel in sorted(vi_pages | en_pages):
        if rel not in en_pages:
            out.append(PagePair(rel, "no-english"))
            continue
        if rel not in vi_pages:
            out.append(PagePair(rel, "no-vietnamese"))
            continue
        found = memo.per_file(cache, ("pair", rel), [docs / "vi" / rel, docs / "en" / rel], lambda rel=rel: _pair(docs, rel))
        if found is not None:
            out.append(found)
    return out


def _pair(docs: Path, rel: str) -> PagePair | None:
    """A page in both languages; None when the Vietnamese one cannot be read (the front-matter
    checks report it, with its reason)."""
    try:
        current = revision(docs / "vi" / rel)
    except SourceError:
        return None
    recorded, line = _recorded(docs / "en" / rel, f"docs/en/{rel}")
    if recorded is None:
        status: Status = "unstamped"
    elif not REVISION.match(recorded):
        status = "invalid"
    else:
        status = "current" if recorded == current else "stale"
    return PagePair(rel, status, current, recorded, line)


def problems(pairs: list[PagePair]) -> list[Problem]:
    out = []
    for pair in pairs:
        if pair.status == "no-english":
            out.append(
                Problem(
                    pair.vi,
                    f"Trang chưa có bản tiếng Anh {pair.en}.",
                    f"This page has no English twin {pair.en}.",
                    f"Tạo {pair.en} (cùng đường dẫn), dịch nội dung rồi chạy: .venv/bin/python -m heritage translations --stamp {pair.en}",
                    f"Create {pair.en} (same path), translate it, then run: .venv/bin/python -m heritage translations --stamp {pair.en}",
                )
            )
        elif pair.status == "no-vietnamese":
            out.append(
                Problem(
                    pair.en,
                    f"Trang tiếng Anh không có bản tiếng Việt {pair.vi}: tiếng Việt là bản gốc.",
                    f"This English page has no Vietnamese twin {pair.vi}: Vietnamese is the original.",
                    f"Tạo {pair.vi} với cùng đường dẫn, hoặc đổi tên tệp tiếng Anh cho khớp với bản tiếng Việt.",
                    f"Create {pair.vi} at the same path, or rename the English file to match its Vietnamese twin.",
                )
            )
        elif pair.status == "stale":
            out.append(
                Problem(
                    pair.en,
                    f"Bản tiếng Việt {pair.vi} đã thay đổi sau khi trang này được dịch (phiên bản {pair.recorded} → {pair.current}).",
                    f"The Vietnamese page {pair.vi} changed after this page was translated (revision {pair.recorded} → {pair.current}).",
                    f"Cập nhật bản dịch theo {pair.vi}, rồi chạy: .venv/bin/python -m heritage translations --stamp {pair.en} "
                    f"(trên GitHub: sửa dòng thành `translated_from: {pair.current}`).",
                    f"Update the translation from {pair.vi}, then run: .venv/bin/python -m heritage translations --stamp {pair.en} "
                    f"(on GitHub: change the line to `translated_from: {pair.current}`).",
                    field="translated_from",
                    line=pair.line,
                    severity="warning",
                )
            )
        elif pair.status == "invalid":
            out.append(
                Problem(
                    pair.en,
                    f"translated_from: '{pair.recorded}' không khớp với phiên bản nào của {pair.vi} (phiên bản là 12 ký tự 0-9, a-f).",
                    f"translated_from: '{pair.recorded}' matches no revision of {pair.vi} (a revision is 12 characters 0-9, a-f).",
                    f"Đừng tự gõ giá trị này; sau khi kiểm tra bản dịch, chạy: .venv/bin/python -m heritage translations --stamp {pair.en}",
                    f"Do not type this value by hand; once the translation is checked, run: .venv/bin/python -m heritage translations --stamp {pair.en}",
                    field="translated_from",
                    line=pair.line,
                )
            )
        elif pair.status == "unstamped":
            out.append(
                Problem(
                    pair.en,
                    f"Trang chưa ghi `translated_from`, nên không biết đã dịch theo bản tiếng Việt nào của {pair.vi}.",
                    f"The page has no `translated_from`, so nobody can tell which version of {pair.vi} it translates.",
                    f"Sau khi kiểm tra bản dịch, chạy: .venv/bin/python -m heritage translations --stamp {pair.en} "
                    f"(trên GitHub: thêm dòng `translated_from: {pair.current}` vào phần đầu trang, giữa hai dòng ---).",
                    f"Once the translation is checked, run: .venv/bin/python -m heritage translations --stamp {pair.en} "
                    f"(on GitHub: add the line `translated_from: {pair.current}` to the front matter, between the --- lines).",
                    field="translated_from",
                    severity="warning",
                )
            )
    return out


_FRONT = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*\n", re.S)
_FIELD = re.compile(r"^translated_from:.*$", re.M)


def stamp(root: Path, english_page: str) -> str:
    """Record the Vietnamese twin's current revision in an English page; returns it.

    Edits only the `translated_from` line (or adds it), leaving the rest byte for byte.
    """
    path = (root / english_page).resolve()
    docs_en = (root / "docs" / "en").resolve()
    if docs_en not in path.parents or path.suffix != ".md":
        raise ValueError(
            f"{english_page}: chỉ ghi phiên bản cho trang tiếng Anh trong docs/en/. / only English pages under docs/en/ can be stamped."
        )
    rel = path.relative_to(docs_en).as_posix()
    source = root / "docs" / "vi" / rel
    if not path.is_file() or not source.is_file():
        raise ValueError(f"{english_page}: cần cả docs/vi/{rel} và docs/en/{rel}. / both docs/vi/{rel} and docs/en/{rel} must exist.")
    current = revision(source)
    raw = path.read_bytes()
    bom = raw.startswith(b"\xef\xbb\xbf")
    text = raw[3 if bom else 0:].decode("utf-8")
    newline = "\r\n" if "\r\n" in text else "\n"
    text = text.replace("\r\n", "\n")
    # All digits (about 1 revision in 300) would read back as a number, which the check refuses.
    line = f'translated_from: "{current}"' if current.isdigit() else f"translated_from: {current}"
    match = _FRONT.match(text)
    if match is None:
        text = f"---\n{line}\n---\n\n{text}"
    else:
        front = match.group(1) or ""
        front = _FIELD.sub(line, front) if _FIELD.search(front) else front + line + "\n"
        text = f"---\n{front}---\n{text[match.end():]}"
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.replace("\n", newline).encode("utf-8"))
    return current


_FENCE = re.compile(r"^(```|~~~)")
_HEADING = re.compile(r"^(#{1,6})\s")
_IMAGE = re.compile(r"!\[")


def outline(text: str) -> tuple[list[int], int]:
    """Heading levels in order, and the number of Markdown images, outside code blocks."""
    levels, images, fenced = [], 0, False
    for line in text.splitlines():
        if _FENCE.match(line.strip()):
            fenced = not fenced
            continue
        if fenced:
            continue
        heading = _HEADING.match(line)
        if heading:
            levels.append(len(heading.group(1)))
        images += len(_IMAGE.findall(line))
    return levels, images


def structure_problems(root: Path, pairs: list[PagePair]) -> list[Problem]:
    """Twins that differ in shape: a missing picture or section is worth a look (warnings)."""
    out = []
    docs = root / "docs"
    for pair in pairs:
        if pair.status in ("no-english", "no-vietnamese"):
            continue
        try:
            vi_levels, vi_images = outline(split_front_matter(read_text(docs / "vi" / pair.rel, pair.vi), pair.vi)[1])
            en_levels, en_images = outline(split_front_matter(read_text(docs / "en" / pair.rel, pair.en), pair.en)[1])
        except SourceError:
            continue
        if vi_images != en_images:
            out.append(
                Problem(
                    pair.en,
                    f"Số ảnh khác bản tiếng Việt: {en_images} ảnh, bản tiếng Việt {pair.vi} có {vi_images}.",
                    f"Different number of images from the Vietnamese page: {en_images} here, {vi_images} in {pair.vi}.",
                    "Kiểm tra xem bản dịch có thiếu hay thừa ảnh không.",
                    "Check whether the translation lost or added a picture.",
                    severity="warning",
                )
            )
        if vi_levels != en_levels:
            out.append(
                Problem(
                    pair.en,
                    f"Cấu trúc tiêu đề khác bản tiếng Việt {pair.vi} ({len(en_levels)} tiêu đề so với {len(vi_levels)}).",
                    f"The headings differ from the Vietnamese page {pair.vi} ({len(en_levels)} headings against {len(vi_levels)}).",
                    "Mỗi tiêu đề ## của bản tiếng Việt nên có một tiêu đề ## tương ứng trong bản dịch.",
                    "Each ## heading of the Vietnamese page should have a matching ## heading in the translation.",
                    severity="warning",
                )
            )
    return out
