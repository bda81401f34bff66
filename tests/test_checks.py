"""`make check` on real fixture trees: monthly updates, safety, links, media weight."""

from __future__ import annotations

import datetime as dt

import pytest

from heritage.checks.run import run_all
from heritage.column import rules as column
from heritage.content.loader import load_inventory
from heritage.content.settings import load_settings

from .conftest import bi


def problems(project, today="2026-10-20"):
    return run_all(project.root, dt.date.fromisoformat(today))


def test_small_project_is_clean(small_project):
    assert problems(small_project) == []


# --- update frequency ----------------------------------------------------------------


def frequency(project, today):
    settings, _ = load_settings(project.root)
    return column.frequency_problems(load_inventory(project.root), settings, dt.date.fromisoformat(today))


def test_missing_month_is_an_error_naming_it(small_project):
    found = frequency(small_project, "2026-12-03")  # November had no post
    errors = [p for p in found if p.is_error]
    assert len(errors) == 1
    assert "Tháng 11/2026" in errors[0].vi and "November 2026" in errors[0].en
    warning = [p for p in found if not p.is_error][0]
    assert "Tháng 12/2026" in warning.vi and "còn 29 ngày" in warning.vi and "31/12/2026" in warning.vi


def test_running_month_counts_days_left(small_project):
    small_project.write("data/site.yml", "ward: {vi: P, en: W}\ncolumn: {launch: 2026-09}\n")
    (found,) = frequency(small_project, "2026-11-27")
    assert found.severity == "warning"
    assert "còn 4 ngày" in found.vi and "4 day(s) left" in found.en


def test_post_in_only_one_language_does_not_count(small_project):
    small_project.post("vi", "thang-11", "2026-11-05")
    found = frequency(small_project, "2026-12-01")
    assert any(p.is_error and "11/2026" in p.vi for p in found)


def test_future_post_does_not_count_until_its_date(small_project):
    for lang in ("vi", "en"):
        small_project.post(lang, "hen-gio", "2026-11-20")
    assert any("hẹn đăng ngày 20/11/2026" in p.vi for p in frequency(small_project, "2026-11-10"))
    assert frequency(small_project, "2026-11-20") == []


def test_english_post_dated_in_the_future_does_not_satisfy_the_month(small_project):
    """A month is met only when both languages are published: the English page of November's
    post dated 5 December is not out on 1 December, so November is still missed."""
    small_project.post("vi", "thang-11", "2026-11-05")
    small_project.post("en", "thang-11", "2026-12-05")
    found = frequency(small_project, "2026-12-01")
    assert [p.vi for p in found if p.is_error and "Tháng 11/2026" in p.vi], found
    assert [p for p in frequency(small_project, "2026-12-05") if p.is_error] == []


def test_excused_month(small_project):
    small_project.write("data/site.yml", 'ward: {vi: P, en: W}\ncolumn:\n  launch: 2026-09\n  excused: {2026-11: "Nghỉ"}\n')
    assert [p for p in frequency(small_project, "2026-12-02") if p.is_error] == []


def test_before_launch_nothing_is_due(small_project):
    small_project.write("data/site.yml", "ward: {vi: P, en: W}\ncolumn: {launch: 2027-01}\n")
    assert frequency(small_project, "2026-12-15") == []


def test_bad_launch_month(small_project):
    small_project.write("data/site.yml", "ward: {vi: P, en: W}\ncolumn: {launch: 2026-13}\n")
    _, found = load_settings(small_project.root)
    assert found and found[0].field == "column.launch" and "2026-09" in found[0].vi


# --- content safety ------------------------------------------------------------------


@pytest.mark.parametrize(
    "markdown, line, vi_part",
    [
        ("Đoạn 1.\n\n<script>alert(1)</script>\n", 3, "<script>"),
        ("Đoạn 1.\n\nĐoạn 2.\n\n<iframe src=\"https://example.org\"></iframe>\n", 5, "<iframe>"),
        ("<object data=\"x.swf\"></object>\n", 1, "<object>"),
        ("<embed src=\"x.swf\">\n", 1, "<embed>"),
        ("<style>body{display:none}</style>\n", 1, "<style>"),
        ("Một.\n\n<p onclick=\"steal()\">Bấm</p>\n", 3, "onclick="),
        ("Một.\n\n[Bấm vào đây](javascript:alert(1))\n", 3, "javascript:"),
        ("![ảnh](data:image/svg+xml;base64,PHN2Zz4=)\n", 1, "data:"),
        ("Một.\n\nHai.\n{ onmouseover=\"x()\" }\n", None, "onmouseover="),
    ],
)
def test_unsafe_markdown_is_an_error_with_its_line(small_project, markdown, line, vi_part):
    small_project.write("docs/vi/gioi-thieu/index.md", markdown)
    found = [p for p in problems(small_project) if p.file == "docs/vi/gioi-thieu/index.md" and p.is_error]
    assert len(found) == 1, found
    assert vi_part in found[0].vi
    assert "media" in found[0].fix_vi
    if line:
        assert found[0].line == line


def test_script_hidden_in_a_yaml_summary(small_project):
    small_project.entry("san-pham", "banh-doc", summary=bi("Bánh ngon <script>alert('x')</script>", "Tasty cake"))
    found = [p for p in problems(small_project) if p.file == "data/san-pham/banh-doc.yml"]
    assert len(found) == 1
    assert found[0].field == "summary.vi" and found[0].line == 5 and "<script>" in found[0].vi


def test_javascript_url_in_a_yaml_source(small_project):
    small_project.entry("san-pham", "banh-doc")
    path = small_project.root / "data/san-pham/banh-doc.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("Tóm tắt", "<a href='javascript:x()'>Tóm tắt</a>"), encoding="utf-8")
    found = [p for p in problems(small_project) if p.file == "data/san-pham/banh-doc.yml"]
    assert found and "javascript:" in found[0].vi


@pytest.mark.parametrize("serial", ["0", "1"], ids=["parallel", "serial"])
@pytest.mark.parametrize("langs", [["en"], ["vi"], ["vi", "en"]])
def test_unsafe_page_fails_the_build(small_project, langs, serial):
    """In either language, and in both at once: the parallel build reports every error."""
    for lang in langs:
        small_project.write(f"docs/{lang}/gioi-thieu/index.md", "About.\n\n<script>alert(1)</script>\n")
    before = small_project.snapshot()
    result = small_project.build(HERITAGE_SERIAL_BUILD=serial)
    output = result.stdout + result.stderr
    assert result.returncode == 1 and "Traceback" not in output
    assert "<script>" in output
    # Serial: the first language's error stops the build before the second is built.
    for lang in langs if serial == "0" else langs[:1]:
        assert f"docs/{lang}/gioi-thieu/index.md" in output
    assert small_project.snapshot() == before


# --- links and media -------------------------------------------------------------------


@pytest.mark.parametrize(
    "link, broken",
    [
        ("[Đình](../di-tich/dinh-tan-an.md)", False),
        ("[Đình](../di-tich/dinh-tan-an/)", False),
        ("[Đình](/di-tich/dinh-tan-an/)", False),
        ("[Trang chủ](../index.md)", False),
        ("[Ra](https://example.org/x)", False),
        ("[Mục](#lich-su)", False),
        ("[Mất](../di-tich/khong-co.md)", True),
        ("[Mất](../di-tich/khong-co/)", True),
        ("[Mất](../../../ngoai/)", True),
    ],
)
def test_links_between_pages(small_project, link, broken):
    small_project.write("docs/vi/gioi-thieu/index.md", f"Xem {link}.\n")
    found = [p for p in problems(small_project) if p.file == "docs/vi/gioi-thieu/index.md"]
    assert bool(found) == broken
    if broken:
        assert "không dẫn tới trang nào" in found[0].vi and found[0].line == 1


def test_broken_link_fails_the_build(small_project):
    small_project.write("docs/vi/gioi-thieu/index.md", "Xem [mất](../di-tich/khong-co/).\n")
    result = small_project.build()
    assert result.returncode == 1 and "khong-co" in result.stdout + result.stderr


def test_unused_media_is_a_warning(small_project):
    small_project.image("data/media/dinh-tan-an/thua.jpg")
    (found,) = [p for p in problems(small_project) if p.file == "data/media/dinh-tan-an/thua.jpg"]
    assert found.severity == "warning" and "không được mục hay bài viết nào dùng" in found.vi


@pytest.mark.parametrize("name, size_mb, severity, fix", [("video.mp4", 40, "error", "YouTube"), ("anh.jpg", 12, "warning", "media prepare")])
def test_heavy_media(small_project, name, size_mb, severity, fix):
    path = small_project.root / "data/media/dinh-tan-an" / name
    with path.open("wb") as handle:
        handle.truncate(size_mb * 1024 * 1024)
    found = [p for p in problems(small_project) if p.file == f"data/media/dinh-tan-an/{name}" and "MB" in p.vi]
    assert len(found) == 1
    assert found[0].severity == severity and f"{size_mb}.0 MB" in found[0].vi and fix in found[0].fix_vi + found[0].fix_en


def test_missed_month_fails_the_check_but_not_the_build(small_project):
    assert small_project.check(HERITAGE_TODAY="2026-12-03").returncode == 1
    assert small_project.build(HERITAGE_TODAY="2026-12-03").returncode == 0


@pytest.mark.parametrize("least, english", [(1, "needs at least 1 item."), (2, "needs at least 2 items.")])
def test_too_short_a_list_is_worded_in_good_english(least, english):
    from heritage.content.messages import too_few

    vi, en, _, _ = too_few("stops", least)
    assert f"cần ít nhất {least} phần tử" in vi and en.endswith(english)
