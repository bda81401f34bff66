"""`python -m heritage new`: three files that guide the editor; never overwrites."""

from __future__ import annotations

import sys

import pytest
import yaml

from heritage.sections import ENTRY_SECTIONS


def new(project, *args):
    return project.run(sys.executable, "-m", "heritage", "new", *args)


@pytest.mark.parametrize("section", sorted(ENTRY_SECTIONS))
def test_new_entry_creates_three_files_with_every_field(small_project, section):
    result = new(small_project, section, "muc-moi", "--vi", "Mục mới", "--en", "New entry")
    assert result.returncode == 0, result.stderr
    data_file = small_project.root / f"data/{section}/muc-moi.yml"
    text = data_file.read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    assert data["name"] == {"vi": "Mục mới", "en": "New entry"}
    for field in ("name", "summary", "type", "media", "related", "sources", "aliases", "sample"):
        assert f"{field}:" in text
    assert "(BẮT BUỘC)" in text and "aliases" in text and "mã cũ" in text
    for field in {"di-tich": ["ranking", "location"], "le-hoi": ["ranking", "when"], "nghe-nhan": ["consent", "title"], "san-pham": ["ocop_stars"]}.get(section, []):
        assert f"{field}:" in text
    for lang, heading in (("vi", "## "), ("en", "## ")):
        page = (small_project.root / f"docs/{lang}/{section}/muc-moi.md").read_text(encoding="utf-8")
        assert heading in page and not page.startswith("# ")
    # The check then says exactly what is left to fill, and nothing crashes.
    check = small_project.check()
    assert check.returncode == 1 and "Traceback" not in check.stdout + check.stderr
    assert f"data/{section}/muc-moi.yml" in check.stdout and "summary" in check.stdout


def test_filled_scaffold_passes_the_check(small_project):
    assert new(small_project, "quan-ho", "bai-moi", "--vi", "Bài mới", "--en", "New song").returncode == 0
    path = small_project.root / "data/quan-ho/bai-moi.yml"
    text = path.read_text(encoding="utf-8")
    text = text.replace('summary:\n  vi: ""\n  en: ""', 'summary:\n  vi: "Một bài hát."\n  en: "A song."').replace("\ntype:\n", "\ntype: hat-moi\n")
    path.write_text(text, encoding="utf-8")
    small_project.stamp_all()
    check = small_project.check()
    assert check.returncode == 0, check.stdout


@pytest.mark.parametrize(
    "section, entry_id, message",
    [
        ("di-tich", "Dinh-Moi", "không hợp lệ"),
        ("di-tich", "đình-mới", "không hợp lệ"),
        ("di-tich", "dinh tan", "không hợp lệ"),
        ("di-tich", "dinh-tan-an", "đã được dùng"),
        ("san-pham", "hoi-lim", "đã được dùng"),
        ("chua", "chua-moi", "Không có chuyên mục"),
    ],
)
def test_refuses_bad_or_taken_ids(small_project, section, entry_id, message):
    before = small_project.snapshot()
    result = new(small_project, section, entry_id, "--vi", "Tên", "--en", "Name")
    assert result.returncode == 1 and message in result.stderr and "Traceback" not in result.stderr
    assert small_project.snapshot() == before


def test_refuses_an_alias(small_project):
    small_project.entry("di-tich", "dinh-moi", aliases=["dinh-cu"])
    result = new(small_project, "di-tich", "dinh-cu", "--vi", "Tên", "--en", "Name")
    assert result.returncode == 1 and "alias" in result.stderr


def test_never_overwrites_a_stray_page(small_project):
    small_project.write("docs/en/di-tich/dinh-moi.md", "Someone's draft")
    before = small_project.snapshot()
    result = new(small_project, "di-tich", "dinh-moi", "--vi", "Đình Mới", "--en", "New House")
    assert result.returncode == 1 and "docs/en/di-tich/dinh-moi.md" in result.stderr
    assert small_project.snapshot() == before


def test_new_column_post_pair_is_dated_today(small_project):
    result = small_project.run(sys.executable, "-m", "heritage", "new", "chuyen-muc", "bai-thang-12", "--vi", "Bài tháng 12", "--en", "December post", env={"HERITAGE_TODAY": "2026-12-02"})
    assert result.returncode == 0, result.stderr
    for lang, title in (("vi", "Bài tháng 12"), ("en", "December post")):
        text = (small_project.root / f"docs/{lang}/chuyen-muc/bai-thang-12.md").read_text(encoding="utf-8")
        meta = yaml.safe_load(text.split("---")[1])
        assert meta["title"] == title and str(meta["date"]) == "2026-12-02"
    again = small_project.run(sys.executable, "-m", "heritage", "new", "chuyen-muc", "bai-thang-12", "--vi", "X", "--en", "Y")
    assert again.returncode == 1
