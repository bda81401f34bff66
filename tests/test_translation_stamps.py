"""Translation stamps and states without a build: what `translations --stamp` writes into an
English page (only its `translated_from` line, the rest byte for byte, CRLF and BOM kept), and
what `make check` then says about each pair of pages.

Revisions are checked by what must and must not change them (an editor's trailing blanks or
Windows line ends are no change; a changed word is), not by recomputing the hash.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from heritage.content import translations
from heritage.content.translations import PagePair, outline, stamp, survey, text_revision

from .properties import properties

PROPERTIES = properties(150)

lines = st.lists(st.text(alphabet="Đình làng hội # ![]()x1", min_size=1, max_size=20).map(str.strip).filter(bool), min_size=1, max_size=6)


@PROPERTIES
@given(lines, st.sampled_from(["\n", "\r\n"]), st.sampled_from(["", " ", "\t", "  "]), st.sampled_from(["", "\n", "\n\n  \n"]))
def test_blanks_and_line_ends_are_no_change(text_lines, newline, trailing, around):
    plain = "\n".join(text_lines)
    revision = text_revision(plain)
    assert re.fullmatch(r"[0-9a-f]{12}", revision)
    assert text_revision(around + newline.join(line + trailing for line in text_lines) + around) == revision


@PROPERTIES
@given(lines, st.data())
def test_a_changed_word_or_line_is_a_change(text_lines, data):
    index = data.draw(st.integers(0, len(text_lines) - 1))
    changed = [*text_lines]
    changed[index] = changed[index] + data.draw(st.sampled_from(["x", " x", "ở"]))
    assert text_revision("\n".join(changed)) != text_revision("\n".join(text_lines))
    assert text_revision("\n\n".join(text_lines)) != text_revision("\n".join(text_lines)) or len(text_lines) == 1


def write(root: Path, rel: str, data: bytes | str) -> Path:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


VI = "---\ntitle: Đình\n---\n\n## Lịch sử\n\nĐình làng.\n\n![Cổng](cong.jpg)\n"


def test_a_decomposed_or_bom_file_has_the_revision_of_its_text(tmp_path: Path):
    nfc = write(tmp_path, "a.md", VI)
    nfd = write(tmp_path, "b.md", unicodedata.normalize("NFD", VI))
    bom = write(tmp_path, "c.md", b"\xef\xbb\xbf" + VI.encode("utf-8"))
    assert translations.revision(nfc) == translations.revision(nfd) == translations.revision(bom) == text_revision(VI)


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"])
@pytest.mark.parametrize(
    "english, stamped",
    [
        ("---\ntitle: Communal house\n---\n\nThe house.\n", "---\ntitle: Communal house\ntranslated_from: {rev}\n---\n\nThe house.\n"),
        ("---\ntitle: X\ntranslated_from: 0123456789ab\nlang: en\n---\nBody\n", "---\ntitle: X\ntranslated_from: {rev}\nlang: en\n---\nBody\n"),
        ("The house, no front matter.\n", "---\ntranslated_from: {rev}\n---\n\nThe house, no front matter.\n"),
        ("---\n---\nEmpty front matter.\n", "---\ntranslated_from: {rev}\n---\nEmpty front matter.\n"),
    ],
)
def test_stamp_changes_only_its_line_and_keeps_line_ends_and_bom(tmp_path: Path, english, stamped, newline, bom):
    """A Windows editor's file stays CRLF: the stamp is a one-line diff, not a whole-file one."""
    write(tmp_path, "docs/vi/di-tich/dinh.md", VI)
    page = write(tmp_path, "docs/en/di-tich/dinh.md", bom + english.replace("\n", newline).encode("utf-8"))
    revision = stamp(tmp_path, "docs/en/di-tich/dinh.md")
    assert revision == text_revision(VI)
    assert page.read_bytes() == bom + stamped.format(rev=revision).replace("\n", newline).encode("utf-8")
    assert [p.status for p in survey(tmp_path)] == ["current"]


@pytest.mark.parametrize("page", ["docs/vi/di-tich/dinh.md", "docs/en/di-tich/dinh.txt", "docs/en/../vi/di-tich/dinh.md", "README.md", "docs/en/di-tich/khong-co.md"])
def test_stamp_refuses_anything_but_an_english_page_with_its_twin(tmp_path: Path, page):
    write(tmp_path, "docs/vi/di-tich/dinh.md", VI)
    write(tmp_path, "docs/en/di-tich/dinh.txt", "x")
    write(tmp_path, "docs/en/di-tich/only-english.md", "x")
    before = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    with pytest.raises(ValueError, match="docs/en/"):
        stamp(tmp_path, page)
    with pytest.raises(ValueError, match="docs/vi/only-english.md|docs/vi/di-tich/only-english.md"):
        stamp(tmp_path, "docs/en/di-tich/only-english.md")
    assert {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()} == before


@pytest.fixture
def pages(tmp_path: Path) -> Path:
    write(tmp_path, "docs/vi/a-only-vi.md", VI)
    write(tmp_path, "docs/en/b-only-en.md", "English")
    write(tmp_path, "docs/vi/c-unstamped.md", VI)
    write(tmp_path, "docs/en/c-unstamped.md", "---\ntitle: C\n---\nText\n")
    write(tmp_path, "docs/vi/d-invalid.md", VI)
    write(tmp_path, "docs/en/d-invalid.md", "---\ntitle: D\ntranslated_from: hôm qua\n---\nText\n")
    write(tmp_path, "docs/vi/e-stale.md", VI)
    write(tmp_path, "docs/en/e-stale.md", "---\ntitle: E\n\ntranslated_from: 0123456789ab\n---\nText\n")
    write(tmp_path, "docs/vi/f/current.md", VI)
    write(tmp_path, "docs/en/f/current.md", "---\ntitle: F\n---\nText\n")
    stamp(tmp_path, "docs/en/f/current.md")
    write(tmp_path, "docs/vi/g-unreadable.md", b"\xff\xfe not utf-8")
    write(tmp_path, "docs/en/g-unreadable.md", "Text")
    return tmp_path


def test_every_pair_gets_its_state(pages: Path):
    found = survey(pages)
    current = text_revision(VI)
    assert found == [
        PagePair("a-only-vi.md", "no-english"),
        PagePair("b-only-en.md", "no-vietnamese"),
        PagePair("c-unstamped.md", "unstamped", current),
        PagePair("d-invalid.md", "invalid", current, "hôm qua", 3),
        PagePair("e-stale.md", "stale", current, "0123456789ab", 4),
        PagePair("f/current.md", "current", current, current, 3),
    ]
    assert (found[0].vi, found[0].en) == ("docs/vi/a-only-vi.md", "docs/en/a-only-vi.md")


def test_what_make_check_says_about_each_state(pages: Path):
    said = {p.file: p for p in translations.problems(survey(pages))}
    assert set(said) == {"docs/vi/a-only-vi.md", "docs/en/b-only-en.md", "docs/en/c-unstamped.md", "docs/en/d-invalid.md", "docs/en/e-stale.md"}
    assert said["docs/vi/a-only-vi.md"].is_error and "docs/en/a-only-vi.md" in said["docs/vi/a-only-vi.md"].en
    assert said["docs/en/b-only-en.md"].is_error and "docs/vi/b-only-en.md" in said["docs/en/b-only-en.md"].en
    unstamped, invalid, stale = said["docs/en/c-unstamped.md"], said["docs/en/d-invalid.md"], said["docs/en/e-stale.md"]
    current = text_revision(VI)
    assert (unstamped.severity, unstamped.field) == ("warning", "translated_from") and f"translated_from: {current}" in unstamped.fix_en
    assert (invalid.severity, invalid.field, invalid.line) == ("error", "translated_from", 3) and "'hôm qua'" in invalid.en
    assert (stale.severity, stale.field, stale.line) == ("warning", "translated_from", 4)
    assert f"0123456789ab → {current}" in stale.en and f"translated_from: {current}" in stale.fix_en
    for file, problem in said.items():
        assert problem.vi and problem.fix_vi and problem.fix_en
        if file != "docs/en/b-only-en.md":  # the one fix that is not a stamp: create the original
            assert f"python -m heritage translations --stamp {file.replace('/vi/', '/en/')}" in problem.fix_en


def test_outline_counts_headings_and_pictures_outside_code():
    text = "# T\n\n## A\n\n![x](a.jpg) ![y](b.jpg)\n\n```\n## not a heading ![z](c.jpg)\n```\n~~~\n### no\n~~~\n###### F\n#not\n"
    assert outline(text) == ([1, 2, 6], 2)


def test_twins_of_different_shape_are_warnings(tmp_path: Path):
    write(tmp_path, "docs/vi/x.md", "## A\n\n![a](a.jpg)\n\n## B\n")
    write(tmp_path, "docs/en/x.md", "## A\n\n## B\n\n### C\n")
    write(tmp_path, "docs/vi/same.md", "## A\n\n![a](a.jpg)\n")
    write(tmp_path, "docs/en/same.md", "---\ntitle: S\n---\n## A\n\n![a](a.jpg)\n")
    write(tmp_path, "docs/vi/alone.md", "## A\n")
    found = translations.structure_problems(tmp_path, survey(tmp_path))
    assert [(p.file, p.severity) for p in found] == [("docs/en/x.md", "warning")] * 2
    assert "0 here, 1 in docs/vi/x.md" in found[0].en and "(3 headings against 2)" in found[1].en


POST_VI = "---\ntitle: Lễ hội\ndate: 2026-09-20\nsummary: Tóm tắt.\n---\n\nLễ hội đình mở vào mùa xuân.\n"


@pytest.mark.parametrize("edit, status", [
    (lambda t: t.replace("summary:", "audio: chuyen-muc/le-hoi.wav\nsummary:"), "current"),  # a recording added
    (lambda t: t.replace("---\n\n", "audio:\n  vi: chuyen-muc/le-hoi.wav\n  en: chuyen-muc/le-hoi-en.mp3\n---\n\n"), "current"),  # a map of them
    (lambda t: t.replace("summary: Tóm tắt.", "summary: Tóm tắt mới."), "stale"),  # text to translate
])
def test_a_recording_added_to_the_vietnamese_page_leaves_its_translation_current(tmp_path: Path, edit, status):
    """A media field is not text to translate: only the words mark the English page out of date."""
    write(tmp_path, "docs/vi/chuyen-muc/le-hoi.md", POST_VI)
    write(tmp_path, "docs/en/chuyen-muc/le-hoi.md", "---\ntitle: Festival\ndate: 2026-09-20\nsummary: Summary.\n---\n\nText.\n")
    stamp(tmp_path, "docs/en/chuyen-muc/le-hoi.md")
    assert [p.status for p in survey(tmp_path)] == ["current"]
    write(tmp_path, "docs/vi/chuyen-muc/le-hoi.md", edit(POST_VI))
    assert [p.status for p in survey(tmp_path)] == [status]


def test_a_revision_of_digits_only_is_stamped_as_text(tmp_path: Path):
    """About one revision in 300 is all digits: unquoted, YAML would read it back as a number
    and `make check` would refuse the page the stamp just wrote (found at 1,000 entries)."""
    text = next(t for t in (f"Đình làng {i}.\n" for i in range(100_000)) if text_revision(t).isdigit())
    write(tmp_path, "docs/vi/di-tich/dinh.md", text)
    page = write(tmp_path, "docs/en/di-tich/dinh.md", "The house.\n")
    revision = stamp(tmp_path, "docs/en/di-tich/dinh.md")
    assert page.read_text(encoding="utf-8").startswith(f'---\ntranslated_from: "{revision}"\n---\n')
    assert [p.status for p in survey(tmp_path)] == ["current"]
