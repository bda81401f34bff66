"""The yearly report: figures from a fixture with a dated git history."""

from __future__ import annotations

import csv
import io
import sys

from .test_column import git


def test_report_figures(small_project):
    root = small_project.root
    small_project.write("data/site.yml", "ward: {vi: Phường Tân An, en: Tân An Ward}\ncolumn: {launch: 2026-08}\n")
    git(root, "init", "-q")
    git(root, "add", "data/di-tich/chua-an.yml", "docs/vi/di-tich/chua-an.md", "docs/en/di-tich/chua-an.md")
    git(root, "commit", "-qm", "2025", date="2025-06-01")
    git(root, "add", ".")
    git(root, "commit", "-qm", "2026", date="2026-03-01")
    (root / "docs/vi/di-tich/chua-an.md").write_text("Cập nhật năm 2026.\n", encoding="utf-8")
    git(root, "commit", "-qam", "update", date="2026-04-02")
    result = small_project.run(sys.executable, "-m", "heritage", "report", "--year", "2026", "--until", "2026-10-20", "--out", "bao-cao")
    assert result.returncode == 0, result.stderr
    text = (root / "bao-cao/bao-cao-2026.md").read_text(encoding="utf-8")
    rows = {(g, i): v for g, i, v in csv.reader(io.StringIO((root / "bao-cao/bao-cao-2026.csv").read_bytes().decode("utf-8-sig")))}
    assert rows[("danh-muc", "di-tich")] == "4" and rows[("xep-hang", "di-tich/quoc-gia")] == "1"
    assert rows[("thay-doi", "them-moi")] == "8" and rows[("thay-doi", "cap-nhat")] == "1"  # Chùa Ân existed in 2025
    assert rows[("so-hoa", "image")] == "2" and rows[("so-hoa-trong-nam", "image")] == "2"
    assert rows[("chuyen-muc", "2026-08")] == "0" and rows[("chuyen-muc", "2026-09")] == "1" and rows[("chuyen-muc", "2026-10")] == "1"
    assert rows[("chuyen-muc", "thang-thieu")] == "1"  # August
    assert "Các tháng thiếu bài: 8/2026." in text
    assert rows[("le-hoi", "so-le-hoi")] == "1" and "Hội Lim" in text
    total = int(rows[("ban-dich", "trang")])
    assert total == len(list((root / "docs/vi").rglob("*.md")))
    assert rows[("ban-dich", "da-cap-nhat")] == str(total - 1)  # the edited Vietnamese page made one translation stale
    assert rows[("ban-dich", "ty-le-phan-tram")] == str(round(100 * (total - 1) / total))
    assert text.startswith("# Báo cáo") and "Số liệu tính đến ngày 20/10/2026" in text


def test_report_without_history_says_so(small_project):
    result = small_project.run(sys.executable, "-m", "heritage", "report", "--year", "2026", "--until", "2026-10-20", "--out", "bc")
    assert result.returncode == 0
    assert "Không có lịch sử thay đổi" in (small_project.root / "bc/bao-cao-2026.md").read_text(encoding="utf-8")
