"""`python -m heritage check`: what an editor reads, and that it changes nothing."""

from __future__ import annotations

import sys


def test_clean_project(small_project):
    result = small_project.check()
    assert result.returncode == 0, result.stdout
    assert "No problems found" in result.stdout


def test_report_groups_by_file_and_counts(project):
    project.entry("di-tich", "mot", location={"lat": "21,1", "lon": 106.0}, sumary={"vi": "a", "en": "b"})
    project.entry("le-hoi", "hai", when={"calendar": "lunar", "month": 13, "day": 1})
    for lang in ("vi", "en"):
        project.post(lang, "thang-9", "2026-09-01")
        project.post(lang, "thang-10", "2026-10-01")
    project.stamp_all()
    before = project.snapshot()
    result = project.check()
    assert result.returncode == 1
    out = result.stdout
    assert "Traceback" not in out + result.stderr
    assert out.index("📄 data/di-tich/mot.yml") < out.index("📄 data/le-hoi/hai.yml")
    assert "Có phải ý bạn là `summary`?" in out and "Did you mean `summary`?" in out
    assert "→ Cách sửa:" in out and "→ How to fix:" in out
    # Vietnamese first, then English, for each problem
    assert out.index("dấu phẩy thập phân") < out.index("decimal comma")
    assert out.rstrip().splitlines()[-1] == "3 lỗi, 0 cảnh báo / 3 error(s), 0 warning(s)"
    assert project.snapshot() == before


def test_bad_today_is_a_clear_error(small_project):
    result = small_project.check(HERITAGE_TODAY="27/11/2026")
    assert result.returncode == 1
    assert "HERITAGE_TODAY" in result.stderr and "Traceback" not in result.stderr


def test_check_says_which_engine_runs(small_project):
    """After raising the engine's line, the officer sees the version at the top of `make check`
    (on stderr: stdout stays the report; a checkout says where its source is)."""
    import heritage

    result = small_project.check()
    first = result.stderr.splitlines()[0]
    assert first.startswith(f"Bộ máy / Engine: heritage-site {heritage.__version__}")
    assert "Engine" not in result.stdout
    as_json = small_project.run(sys.executable, "-m", "heritage", "check", "--format", "json")
    assert "Engine" not in as_json.stdout + as_json.stderr  # the editor's Check panel reads only the problems
