"""scripts/compare_engines.py on two tiny built sites: what it reports as the same, as different,
and as missing, and that its summary is Markdown a job summary shows as written."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from markdown_it import MarkdownIt

from scripts import compare_engines, golden

from .conftest import REPO

URL = "https://ward.example.org/"
ARTICLE = '<article class="md-content__inner md-typeset">{}</article>'


def page(body: str, path: str, lang: str = "vi") -> str:
    other = "en/" + path if lang == "vi" else path.removeprefix("en/")
    vi, en = (path, other) if lang == "vi" else (other, path)
    return (
        f'<!doctype html><html lang="{lang}"><head><link rel="stylesheet" href="/assets/main.0a1b2c3d.min.css">'
        f'<link rel="alternate" hreflang="vi" href="{URL}{vi}"><link rel="alternate" hreflang="en" href="{URL}{en}"></head>'
        f'<body><a class="md-select__link" hreflang="vi" href="/{vi}">VI</a><a class="md-select__link" hreflang="en" href="/{en}">EN</a>'
        + ARTICLE.format(body) + "</body></html>"
    )


def fake_site(root: Path, home: str = "<h1>Trang chủ</h1>", extra_page: bool = True, digest: str = "0a1b2c3d") -> Path:
    files = {
        "index.html": page(home, ""),
        "en/index.html": page("<h1>Home</h1>", "en/", "en"),
        "di-tich/index.html": page(f'<h1>Di tích</h1><img src="../media/a-{digest}-480.jpg" alt="">', "di-tich/"),
        "en/di-tich/index.html": page("<h1>Historic sites</h1>", "en/di-tich/", "en"),
        "chuyen-muc/feed.xml": "<rss/>",
    }
    if extra_page:
        files["ban-do/index.html"] = page("<h1>Bản đồ</h1>", "ban-do/")
    locs = "".join(f"<url><loc>{URL}{p.removesuffix('index.html')}</loc></url>" for p in files if p.endswith("index.html"))
    files["sitemap.xml"] = f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{locs}</urlset>'
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    return root


def test_the_same_site_built_twice_is_the_same(tmp_path):
    a = fake_site(tmp_path / "a")
    b = fake_site(tmp_path / "b", digest="ffff0000")  # a new digest is no difference
    text, same = compare_engines.report(a, {"ProperDocs": b}, URL)
    assert same, text
    assert "Same as MkDocs." in text and "Pages (both languages): same (5)" in text


def test_a_missing_page_and_a_changed_home_are_reported(tmp_path):
    a = fake_site(tmp_path / "a")
    b = fake_site(tmp_path / "b", home="<h1>Trang chủ</h1><p>Thêm</p>", extra_page=False)
    text, same = compare_engines.report(a, {"Zensical": b}, URL)
    assert not same
    assert "Pages (both languages): **1 missing, 0 extra** (of 5)" in text and "/ban-do/" in text
    assert "Sitemap URLs: **1 missing, 0 extra**" in text
    assert "<code>/</code> differs" in text and "+ <p>" in text and "+  Thêm" in text
    assert "hreflang pairs: **1 missing" in text  # the map page's pair went with it


def test_an_engine_that_did_not_build_is_named(tmp_path):
    a = fake_site(tmp_path / "a")
    text, same = compare_engines.report(a, {"Zensical": tmp_path / "nothing"}, URL)
    assert not same and "**No build**" in text


def test_the_summary_is_markdown_whose_fences_hold(tmp_path):
    a = fake_site(tmp_path / "a")
    b = fake_site(tmp_path / "b", home="<h1>Trang chủ</h1><pre>```\n## not a heading\n```</pre>")
    text, _ = compare_engines.report(a, {"ProperDocs": b}, URL)
    headings = [t.content for t in MarkdownIt().parse(text) if t.type == "inline" and t.map and t.content.startswith(("Other", "ProperDocs"))]
    html = MarkdownIt().render(text)
    assert "<h2>not a heading</h2>" not in html and "## not a heading" in html, html
    assert headings[:2] == ["Other engines against MkDocs", "ProperDocs"]


def test_the_command_line_appends_to_the_summary_and_exits_1_on_a_difference(tmp_path):
    a = fake_site(tmp_path / "a")
    b = fake_site(tmp_path / "b", extra_page=False)
    summary = tmp_path / "summary.md"
    summary.write_text("Earlier step\n", encoding="utf-8")
    run = [sys.executable, str(REPO / "scripts" / "compare_engines.py"), "--reference", str(a), "--site-url", URL, "--summary", str(summary)]
    result = subprocess.run([*run, "--other", f"ProperDocs={b}"], capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert summary.read_text(encoding="utf-8").startswith("Earlier step\n## Other engines against MkDocs")
    same = subprocess.run([*run, "--other", f"ProperDocs={a}"], capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert same.returncode == 0 and "Same as MkDocs." in same.stdout, same.stderr


def test_golden_pages_missing_from_a_build_are_named_not_crashed_on(tmp_path):
    a = fake_site(tmp_path / "a")
    snap = golden.snapshot(a, URL)
    assert snap["pages/calendar.html"] == "(missing: /lich-le-hoi/)\n"


def test_the_weekly_engines_job_only_reads_never_blocks_and_reports():
    import yaml

    flow = yaml.safe_load((REPO / ".github" / "workflows" / "engines-weekly.yml").read_text(encoding="utf-8"))
    assert flow["permissions"] == {"contents": "read"}
    assert set(flow[True]) == {"schedule", "workflow_dispatch"}  # YAML 1.1 reads the key `on` as True
    (job,) = flow["jobs"].values()
    assert job["continue-on-error"] is True and "permissions" not in job
    steps = {step.get("name"): step for step in job["steps"]}
    assert "properdocs build --strict" in steps["ProperDocs"]["run"] and steps["ProperDocs"]["continue-on-error"] is True
    assert "zensical\" build" in steps["Zensical"]["run"] and steps["Zensical"]["continue-on-error"] is True
    compare = next(s["run"] for s in job["steps"] if "compare_engines.py" in s.get("run", ""))
    assert "GITHUB_STEP_SUMMARY" in compare and "ProperDocs=" in compare and "Zensical=" in compare
    checkout = next(s for s in job["steps"] if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["persist-credentials"] is False


def test_every_page_both_builds_have_is_compared_not_only_a_fixed_list(tmp_path, monkeypatch):
    """The repository's content changes monthly: no page list to go stale, and a page the other
    build lacks is named once, in the page list, not diffed."""
    a = fake_site(tmp_path / "a")
    b = fake_site(tmp_path / "b", extra_page=False)
    (b / "en/di-tich/index.html").write_text(page("<h1>Sites</h1>", "en/di-tich/", "en"), encoding="utf-8")
    monkeypatch.setattr(golden, "PAGES", {})
    text, same = compare_engines.report(a, {"ProperDocs": b}, URL)
    assert not same and "<code>/en/di-tich/</code> differs" in text and "+  Sites" in text
    assert "pages both builds have: 3 of 4 the same" in text and "<code>/ban-do/</code>" not in text


def test_only_so_many_page_diffs_are_shown(tmp_path, monkeypatch):
    a = fake_site(tmp_path / "a")
    b = fake_site(tmp_path / "b", home="<h1>Khác</h1>")
    monkeypatch.setattr(compare_engines, "MAX_PAGES", 0)
    text, same = compare_engines.report(a, {"Zensical": b}, URL)
    assert not same and "differs (" not in text and "… and 1 more pages differ" in text
