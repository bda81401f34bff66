"""Translation parity, freshness and stamping, without git history."""

from __future__ import annotations

import datetime as dt
import sys

import pytest

from heritage.checks.run import content_problems
from heritage.content import translations

from .conftest import TODAY


def status_of(project, rel):
    return {p.rel: p for p in translations.survey(project.root)}[rel]


def test_vietnamese_edit_after_stamp_makes_english_stale(small_project):
    rel = "di-tich/dinh-tan-an.md"
    assert status_of(small_project, rel).status == "current"
    vi_page = small_project.root / "docs/vi" / rel
    vi_page.write_text(vi_page.read_text(encoding="utf-8") + "\nThêm một đoạn mới.\n", encoding="utf-8")
    pair = status_of(small_project, rel)
    assert pair.status == "stale"
    problems = [p for p in content_problems(small_project.root, dt.date.fromisoformat(TODAY)) if p.field == "translated_from"]
    assert len(problems) == 1
    warning = problems[0]
    assert warning.severity == "warning"
    assert warning.file == "docs/en/di-tich/dinh-tan-an.md" and "docs/vi/di-tich/dinh-tan-an.md" in warning.vi
    assert "--stamp docs/en/di-tich/dinh-tan-an.md" in warning.fix_en
    # the translator catches up and stamps: current again, and only that file changed
    before = small_project.snapshot()
    translations.stamp(small_project.root, "docs/en/" + rel)
    after = small_project.snapshot()
    assert [k for k in after if after[k] != before[k]] == ["docs/en/di-tich/dinh-tan-an.md"]
    assert status_of(small_project, rel).status == "current"


def test_whitespace_at_line_ends_is_not_a_change(small_project):
    vi_page = small_project.root / "docs/vi/di-tich/chua-an.md"
    vi_page.write_text(vi_page.read_text(encoding="utf-8").replace("\n", "  \r\n"), encoding="utf-8")
    assert status_of(small_project, "di-tich/chua-an.md").status == "current"


def test_stamp_keeps_the_rest_of_the_file(small_project):
    page = small_project.root / "docs/en/chuyen-muc/ra-mat.md"
    text = page.read_text(encoding="utf-8")
    translations.stamp(small_project.root, "docs/en/chuyen-muc/ra-mat.md")
    assert page.read_text(encoding="utf-8") == text  # already current: identical bytes
    old = text.split("\n")[[line.startswith("translated_from:") for line in text.split("\n")].index(True)]
    page.write_text(text.replace(old, "translated_from: 000000000000"), encoding="utf-8")
    translations.stamp(small_project.root, "docs/en/chuyen-muc/ra-mat.md")
    assert page.read_text(encoding="utf-8") == text  # only that line changed back


@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"], ids=["crlf", "bom-crlf"])
def test_stamp_keeps_windows_line_endings(small_project, bom):
    """A page saved by a Windows editor (CRLF, maybe a BOM): the stamp changes its one line and
    keeps every CRLF, so the commit's diff is that line, not the whole file."""
    page = small_project.root / "docs/en/chuyen-muc/ra-mat.md"
    current = page.read_bytes()
    assert b"\r" not in current
    stamped_line = next(line for line in current.split(b"\n") if line.startswith(b"translated_from:"))
    stale = bom + current.replace(stamped_line, b"translated_from: 000000000000").replace(b"\n", b"\r\n")
    page.write_bytes(stale)
    translations.stamp(small_project.root, "docs/en/chuyen-muc/ra-mat.md")
    assert page.read_bytes() == bom + current.replace(b"\n", b"\r\n")


def test_stamp_adds_front_matter_when_missing(small_project):
    page = small_project.root / "docs/en/di-tich/am-ba.md"
    body = "## History\n\nNo front matter here.\n"
    page.write_text(body, encoding="utf-8")
    revision = translations.stamp(small_project.root, "docs/en/di-tich/am-ba.md")
    assert page.read_text(encoding="utf-8") == f"---\ntranslated_from: {revision}\n---\n\n{body}"


@pytest.mark.parametrize("value, status", [("not-a-revision", "invalid"), ("0123456789ab", "stale")])
def test_translated_from_that_matches_nothing(small_project, value, status):
    page = small_project.root / "docs/en/di-tich/chua-an.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace(text.split("\n")[1], f"translated_from: {value}"), encoding="utf-8")
    assert status_of(small_project, "di-tich/chua-an.md").status == status
    found = [p for p in translations.problems(translations.survey(small_project.root)) if p.file == "docs/en/di-tich/chua-an.md"]
    assert len(found) == 1
    assert found[0].is_error == (status == "invalid")
    if status == "invalid":
        assert "not-a-revision" in found[0].vi and "matches no revision" in found[0].en


def test_parity_both_ways(small_project):
    small_project.write("docs/en/gioi-thieu/chi-tieng-anh.md", "Only English")
    small_project.write("docs/vi/gioi-thieu/chi-tieng-viet.md", "Chỉ tiếng Việt")
    found = {(p.file, p.is_error) for p in translations.problems(translations.survey(small_project.root))}
    assert ("docs/en/gioi-thieu/chi-tieng-anh.md", True) in found
    assert ("docs/vi/gioi-thieu/chi-tieng-viet.md", True) in found


def test_structure_differences_are_warnings(small_project):
    small_project.write("docs/vi/gioi-thieu/cau-truc.md", "## Một\n\n![a](a.png)\n\n## Hai\n\n### Ba\n")
    small_project.write("docs/en/gioi-thieu/cau-truc.md", "## One\n\nNo picture.\n")
    small_project.stamp_all()
    found = [p for p in translations.structure_problems(small_project.root, translations.survey(small_project.root)) if p.file.endswith("cau-truc.md")]
    assert {("ảnh" in p.vi, "headings" in p.en) for p in found} == {(True, False), (False, True)}
    assert all(p.severity == "warning" for p in found)


def test_stamp_refuses_pages_outside_docs_en(small_project):
    with pytest.raises(ValueError):
        translations.stamp(small_project.root, "docs/vi/di-tich/chua-an.md")
    with pytest.raises(ValueError):
        translations.stamp(small_project.root, "data/di-tich/chua-an.yml")


def test_stale_english_page_tells_readers(small_project):
    vi_page = small_project.root / "docs/vi/di-tich/chua-an.md"
    vi_page.write_text(vi_page.read_text(encoding="utf-8") + "\nĐoạn mới.\n", encoding="utf-8")
    result = small_project.build()
    assert result.returncode == 0, result.stdout + result.stderr
    html = small_project.html("en/di-tich/chua-an/")
    assert "may be behind the Vietnamese original" in html
    assert 'href="../../../di-tich/chua-an/" hreflang="vi"' in html
    assert "may be behind" not in small_project.html("en/di-tich/dinh-tan-an/")


def test_editors_status_page(sample_site):
    html = sample_site.html("en/bien-tap/")
    assert "Translation status" in html and "di-tich/dinh-tan-an.md" in html and "Up to date" in html
    assert "bien-tap" not in sample_site.html("en/").split('class="md-nav')[1]  # not in the nav


def test_translations_command_lists_pages(small_project):
    result = small_project.run(sys.executable, "-m", "heritage", "translations")
    assert result.returncode == 0
    assert "di-tich/dinh-tan-an.md" in result.stdout and "Up to date" in result.stdout
