"""The yearly report: figures from a fixture with a dated git history; its arguments' errors."""

from __future__ import annotations

import csv
import datetime as dt
import io
import sys

import pytest

from heritage.content.loader import load_inventory
from heritage.report.figures import compute

from .conftest import Project, _skeleton, fill_small_project
from .test_column import git

REPORT_SETTINGS = """ward: {vi: Phường Tân An, en: Tân An Ward}
column: {launch: 2026-08}
"""


def reported_project(root, settings: str = REPORT_SETTINGS) -> Project:
    """The small project with a history: Chùa Ân in 2025, the rest in March 2026, an edit in April."""
    _skeleton(root)
    project = fill_small_project(Project(root))
    project.write("data/site.yml", settings)
    git(root, "init", "-q")
    git(root, "add", "data/di-tich/chua-an.yml", "docs/vi/di-tich/chua-an.md", "docs/en/di-tich/chua-an.md")
    git(root, "commit", "-qm", "2025", date="2025-06-01")
    git(root, "add", ".")
    git(root, "commit", "-qm", "2026", date="2026-03-01")
    (root / "docs/vi/di-tich/chua-an.md").write_text("Cập nhật năm 2026.\n", encoding="utf-8")
    git(root, "commit", "-qam", "update", date="2026-04-02")
    return project


def run_report(project: Project, *args: str):
    return project.run(sys.executable, "-m", "heritage", "report", "--year", "2026", "--until", "2026-10-20", "--out", "bao-cao", *args)


def csv_rows(path) -> dict[tuple[str, str], str]:
    return {(g, i): v for g, i, v in csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig")))}


@pytest.fixture(scope="module")
def reported(tmp_path_factory) -> Project:
    project = reported_project(tmp_path_factory.mktemp("report"))
    result = run_report(project)
    assert result.returncode == 0, result.stdout + result.stderr
    return project


def test_report_figures(reported):
    root = reported.root
    text = (root / "bao-cao/bao-cao-2026.md").read_text(encoding="utf-8")
    rows = csv_rows(root / "bao-cao/bao-cao-2026.csv")
    assert rows[("danh-muc", "di-tich")] == "4" and rows[("xep-hang", "di-tich/quoc-gia")] == "1"
    assert rows[("danh-muc", "tong")] == "9" and rows[("danh-muc", "minh-hoa")] == "1"
    assert rows[("thay-doi", "them-moi")] == "8" and rows[("thay-doi", "cap-nhat")] == "1"  # Chùa Ân existed in 2025
    assert rows[("so-hoa", "image")] == "2" and rows[("so-hoa-trong-nam", "image")] == "2"
    assert rows[("so-hoa-theo-thang", "2026-03/image")] == "2" and rows[("so-hoa-theo-thang", "2026-03")] == "2"  # committed in March
    assert all(rows[("so-hoa-theo-thang", f"2026-{m:02d}")] == "0" for m in range(1, 13) if m != 3)
    assert rows[("chuyen-muc", "2026-08")] == "0" and rows[("chuyen-muc", "2026-09")] == "1" and rows[("chuyen-muc", "2026-10")] == "1"
    assert rows[("chuyen-muc", "thang-thieu")] == "1"  # August
    assert "Các tháng thiếu bài: 8/2026." in text
    assert rows[("le-hoi", "so-le-hoi")] == "1" and "Hội Lim" in text
    total = int(rows[("ban-dich", "trang")])
    assert total == len(list((root / "docs/vi").rglob("*.md")))
    assert rows[("ban-dich", "da-cap-nhat")] == str(total - 1)  # the edited Vietnamese page made one translation stale
    assert rows[("ban-dich-tinh-trang", "stale")] == "1"
    assert rows[("ban-dich", "ty-le-phan-tram")] == str(round(100 * (total - 1) / total))
    assert text.startswith("# Báo cáo") and "Số liệu tính đến ngày 20/10/2026" in text
    for chart in ("danh-muc", "so-hoa", "chuyen-muc", "ban-dich"):  # the Markdown shows the charts written beside it
        assert f"](bao-cao-2026-{chart}.png)" in text and (root / f"bao-cao/bao-cao-2026-{chart}.svg").is_file()


def test_english_report_has_the_same_numbers(reported):
    result = run_report(reported, "--lang", "en")
    assert result.returncode == 0, result.stdout + result.stderr
    folder = reported.root / "bao-cao"
    assert csv_rows(folder / "report-2026.csv") == csv_rows(folder / "bao-cao-2026.csv")
    text = (folder / "report-2026.md").read_text(encoding="utf-8")
    assert "Figures up to 20 October 2026" in text and "Months without a post: 8/2026." in text
    assert "Lim Festival" in text and "Hội Lim" not in text


def test_report_without_history_says_so(small_project):
    result = small_project.run(sys.executable, "-m", "heritage", "report", "--year", "2026", "--until", "2026-10-20", "--out", "bc")
    assert result.returncode == 0
    assert "Không có lịch sử thay đổi" in (small_project.root / "bc/bao-cao-2026.md").read_text(encoding="utf-8")
    assert ("thay-doi", "them-moi") not in csv_rows(small_project.root / "bc/bao-cao-2026.csv")  # unknown, not zero


@pytest.mark.parametrize(
    ("args", "field", "vi", "en"),
    [
        ((), "--year", "Thiếu năm cần báo cáo", "The year to report on is missing"),
        (("--year", "hai nghìn"), "--year", "không phải một năm", "is not a year"),
        (("--year", "2031"), "--year", "không phải một năm đã có số liệu", "is not a year with figures"),
        (("--year", "2026", "--until", "20/10/2026"), "--until", "không phải ngày dạng NĂM-THÁNG-NGÀY", "is not a YEAR-MONTH-DAY date"),
        (("--year", "2026", "--until", "2026-02-30"), "--until", "không phải ngày", "is not a YEAR-MONTH-DAY date"),
        (("--year", "2026", "--until", "2025-10-20"), "--until", "không thuộc năm 2026", "is not in 2026"),
        (("--year", "2026", "--until", "2026-12-01"), "--until", "chưa đến", "has not come yet"),
    ],
)
def test_bad_arguments_are_explained_in_both_languages(small_project, args, field, vi, en):
    before = small_project.snapshot()
    result = small_project.run(sys.executable, "-m", "heritage", "report", *args, "--out", "bc")
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert vi in output and en in output and field in output and "→ Cách sửa" in output and "→ How to fix" in output
    assert "Traceback" not in output
    assert not (small_project.root / "bc").exists() and small_project.snapshot() == before


def test_report_settings_are_checked_like_content(small_project):
    small_project.write("data/site.yml", REPORT_SETTINGS + "report:\n  office: {vi: Phòng Văn hóa - Xã hội, en: Culture Office}\n  signer: {nam: Nguyễn Văn A}\n")
    result = small_project.check()
    assert result.returncode == 1
    assert "data/site.yml" in result.stdout and "report.signer.nam" in result.stdout and "(dòng/line 5)" in result.stdout
    assert "name" in result.stdout  # the field it probably meant


def test_a_report_made_on_20_october_does_not_mark_october_missed(small_project):
    """October's post is scheduled for the 25th: on the 20th the month has not ended, so the
    report says "not yet due", not "missed" (September, with its post, is met)."""
    small_project.write("data/site.yml", REPORT_SETTINGS)
    for lang in ("vi", "en"):
        (small_project.root / f"docs/{lang}/chuyen-muc/mua-le-hoi.md").unlink()
        small_project.post(lang, "hen-thang-10", "2026-10-25")
    inventory = load_inventory(small_project.root)
    figures = compute(inventory, inventory.settings, 2026, dt.date(2026, 10, 20))
    states = {month.month: month.state for month in figures.column}
    assert states[dt.date(2026, 10, 1)] == "not-due"
    assert states[dt.date(2026, 9, 1)] == "met" and states[dt.date(2026, 8, 1)] == "missed"
    assert figures.missed_months == [dt.date(2026, 8, 1)]
