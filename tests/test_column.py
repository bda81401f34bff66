"""The monthly column on a fixture site with posts across months: pages, feeds, sharing, sitemap, schedule."""

from __future__ import annotations

import os
import re
import subprocess
import xml.etree.ElementTree as ET

import feedparser
import pytest

from heritage.content import history

from .conftest import Project, _skeleton, fill_small_project

# (slug, date, category) — 14 published posts over five months, and one scheduled for December.
POSTS = [
    ("thang-7-a", "2026-07-03", "di-san"),
    ("thang-7-b", "2026-07-20", "le-hoi"),
    ("thang-8-a", "2026-08-01", "lang-nghe"),
    ("thang-8-b", "2026-08-15", "di-san"),
    ("thang-8-c", "2026-08-29", "nghe-nhan"),
    ("thang-9-a", "2026-09-02", "su-kien"),
    ("thang-9-b", "2026-09-12", "di-san"),
    ("thang-9-c", "2026-09-24", "le-hoi"),
    ("thang-10-a", "2026-10-05", "lop-truyen-day"),
    ("thang-10-b", "2026-10-14", "di-san"),
    ("thang-10-c", "2026-10-30", "su-kien"),
    ("thang-11-a", "2026-11-02", "le-hoi"),
    ("thang-11-b", "2026-11-11", "di-san"),
    ("thang-11-c", "2026-11-20", "nghe-nhan"),
    ("hen-thang-12", "2026-12-05", "su-kien"),
]
TODAY = "2026-11-27"
SITE_URL = "https://heritage.example.org/tan-an/"


def git(root, *args, date=None):
    env = {**os.environ, "GIT_AUTHOR_NAME": "Biên tập", "GIT_AUTHOR_EMAIL": "bt@example.org", "GIT_COMMITTER_NAME": "Biên tập", "GIT_COMMITTER_EMAIL": "bt@example.org"}
    if date:
        env.update(GIT_AUTHOR_DATE=f"{date}T10:00:00+07:00", GIT_COMMITTER_DATE=f"{date}T10:00:00+07:00")
    subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)


@pytest.fixture(scope="module")
def column_site(tmp_path_factory) -> Project:
    root = tmp_path_factory.mktemp("column")
    _skeleton(root)
    project = fill_small_project(Project(root))
    project.write("data/site.yml", "ward: {vi: Phường Tân An, en: Tân An Ward}\ncolumn: {launch: 2026-07}\n")
    for slug, date, category in POSTS:
        for lang in ("vi", "en"):
            title = f"Bài {slug}" if lang == "vi" else f"Post {slug}"
            cover = "dinh-tan-an/cong.jpg" if slug == "thang-11-b" else None
            fields = {"category": category, "entries": ["dinh-tan-an"]}
            if cover:
                fields["cover"] = cover
            project.post(lang, slug, date, title, **fields)
    (root / "docs/vi/chuyen-muc/ra-mat.md").unlink()
    (root / "docs/en/chuyen-muc/ra-mat.md").unlink()
    (root / "docs/vi/chuyen-muc/mua-le-hoi.md").unlink()
    (root / "docs/en/chuyen-muc/mua-le-hoi.md").unlink()
    project.stamp_all()
    # history: the relic's files were last changed on 4 March 2026, the rest later
    git(root, "init", "-q")
    git(root, "add", "data/di-tich/chua-an.yml", "docs/vi/di-tich/chua-an.md", "docs/en/di-tich/chua-an.md")
    git(root, "commit", "-qm", "Chùa Ân", date="2026-03-04")
    git(root, "add", ".")
    git(root, "commit", "-qm", "Phần còn lại", date="2026-10-01")
    result = project.build(HERITAGE_TODAY=TODAY, SITE_URL=SITE_URL)
    assert result.returncode == 0, result.stdout + result.stderr
    return project


def article(html: str) -> str:
    return html.split('<article class="md-content__inner md-typeset">', 1)[1].split("</article>", 1)[0]


@pytest.mark.parametrize(
    "prefix, headings",
    [
        ("", ["Tháng 11/2026", "Tháng 10/2026", "Tháng 9/2026", "Tháng 8/2026", "Tháng 7/2026"]),
        ("en/", ["November 2026", "October 2026", "September 2026", "August 2026", "July 2026"]),
    ],
)
def test_column_page_groups_by_month_newest_first(column_site, prefix, headings):
    body = article(column_site.html(prefix + "chuyen-muc/"))
    assert re.findall(r'<h2 id="thang-[\d-]+">([^<]+)</h2>', body) == headings
    slugs = re.findall(r'href="[^"]*chuyen-muc/([a-z0-9-]+)/"', body)
    expected = [slug for slug, date, _ in sorted(POSTS, key=lambda p: p[1], reverse=True) if date <= TODAY]
    assert slugs == expected
    assert "hen-thang-12" not in body
    # the twelve newest in full, the older ones as one line
    assert body.count('class="hx-post hx-post--compact"') == 2
    assert re.search(r'data-category="le-hoi"', body)
    assert "data-hx-filter" in body and 'name="category"' in body


def test_home_shows_the_latest_three(column_site):
    body = article(column_site.html(""))
    assert re.findall(r'chuyen-muc/([a-z0-9-]+)/"', body)[:3] == ["thang-11-c", "thang-11-b", "thang-11-a"]


@pytest.mark.parametrize(
    "lang, date_text, minutes, cover_alt",
    [("vi", "11/11/2026", "1 phút đọc", "Cổng đình"), ("en", "11 November 2026", "1 min read", "The gate")],
)
def test_post_page(column_site, lang, date_text, minutes, cover_alt):
    prefix = "" if lang == "vi" else "en/"
    html = column_site.html(prefix + "chuyen-muc/thang-11-b/")
    body = article(html)
    assert date_text in body and minutes in body
    # the cover is the entry's photo: it says what the entry's alt text says
    assert re.search(rf'<figure class="hx-hero">.*?<img [^>]*alt="{cover_alt}"', body, re.S)
    assert 'rel="prev"' in body and "thang-11-a/" in body and 'rel="next"' in body and "thang-11-c/" in body
    assert "dinh-tan-an/" in body  # featured entry card
    assert "https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fheritage.example.org%2Ftan-an%2F" in body
    assert "zalo.me" in body
    assert not re.findall(r'<script[^>]+src="https?://', html)


def meta(html: str, prop: str) -> list[str]:
    return re.findall(rf'<meta (?:property|name)="{re.escape(prop)}" content="([^"]*)"', html)


@pytest.mark.parametrize("lang, locale, alternate", [("vi", "vi_VN", "en_US"), ("en", "en_US", "vi_VN")])
def test_open_graph_and_alternates(column_site, lang, locale, alternate):
    prefix = "" if lang == "vi" else "en/"
    html = column_site.html(prefix + "chuyen-muc/thang-11-b/")
    url = f"{SITE_URL}{prefix}chuyen-muc/thang-11-b/"
    assert meta(html, "og:url") == [url] and meta(html, "og:type") == ["article"]
    assert meta(html, "og:title") == [("Bài" if lang == "vi" else "Post") + " thang-11-b"]
    assert meta(html, "og:description") == ["Tóm tắt thang-11-b"]
    assert meta(html, "og:locale") == [locale] and meta(html, "og:locale:alternate") == [alternate]
    image = meta(html, "og:image")[0]
    assert image.startswith(SITE_URL + "media/og/") and (column_site.root / "site" / image[len(SITE_URL):]).is_file()
    assert meta(html, "twitter:card") == ["summary_large_image"]
    assert f'<link rel="canonical" href="{url}">' in html
    assert f'<link rel="alternate" hreflang="vi" href="{SITE_URL}chuyen-muc/thang-11-b/">' in html
    assert f'<link rel="alternate" hreflang="en" href="{SITE_URL}en/chuyen-muc/thang-11-b/">' in html
    assert 'type="application/rss+xml" title="' in html and f'href="{SITE_URL}{prefix}chuyen-muc/feed.xml"' in html


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_feeds_parse_with_a_real_parser(column_site, lang):
    prefix = "" if lang == "vi" else "en/"
    feed = feedparser.parse((column_site.root / "site" / prefix / "chuyen-muc/feed.xml").read_bytes())
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == "rss20"
    assert feed.feed.language == ("vi-VN" if lang == "vi" else "en")
    assert feed.feed.link == f"{SITE_URL}{prefix}chuyen-muc/"
    published = [slug for slug, date, _ in sorted(POSTS, key=lambda p: p[1], reverse=True) if date <= TODAY]
    assert [e.link for e in feed.entries] == [f"{SITE_URL}{prefix}chuyen-muc/{s}/" for s in published]
    first = next(e for e in feed.entries if e.link.endswith("thang-11-b/"))
    assert first.summary == "Tóm tắt thang-11-b"
    assert first.published_parsed[:3] == (2026, 11, 10)  # 11/11 00:00 in Viet Nam is 10/11 17:00 UTC
    assert first.enclosures[0].href.startswith(SITE_URL + "media/dinh-tan-an/") and first.enclosures[0].type == "image/jpeg"
    assert (column_site.root / "site" / first.enclosures[0].href[len(SITE_URL):]).is_file()


def sitemap(project) -> dict[str, str | None]:
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    tree = ET.parse(project.root / "site/sitemap.xml")
    out = {}
    for url in tree.getroot().findall("s:url", ns):
        lastmod = url.find("s:lastmod", ns)
        out[url.find("s:loc", ns).text] = lastmod.text if lastmod is not None else None
        langs = {link.get("hreflang") for link in url.findall("x:link", ns)}
        assert langs == {"vi", "en", "x-default"}
    return out


def test_sitemap_dates_come_from_content(column_site):
    dates = sitemap(column_site)
    # a July post committed on 2026-10-01: the page last changed then (its BlogPosting's dateModified says the same)
    assert dates[f"{SITE_URL}chuyen-muc/thang-7-a/"] == "2026-10-01"
    assert dates[f"{SITE_URL}en/chuyen-muc/thang-11-c/"] == "2026-11-20"
    assert dates[f"{SITE_URL}di-tich/chua-an/"] == "2026-03-04"
    assert dates[f"{SITE_URL}di-tich/dinh-tan-an/"] == "2026-10-01"
    assert f"{SITE_URL}chuyen-muc/hen-thang-12/" not in dates
    assert f"{SITE_URL}bien-tap/" not in dates


def test_shallow_clone_gives_no_dates_rather_than_false_ones(column_site, tmp_path):
    clone = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{column_site.root}", str(clone)], check=True)
    assert history.last_changed(clone, "x") == {}
    assert history.last_changed(column_site.root, "x")["data/di-tich/chua-an.yml"].isoformat() == "2026-03-04"


def test_future_post_waits_for_its_date(column_site):
    site = column_site.root / "site"
    for prefix in ("", "en/"):
        assert not (site / prefix / "chuyen-muc/hen-thang-12").exists()
        assert "hen-thang-12" not in (site / prefix / "chuyen-muc/feed.xml").read_text(encoding="utf-8")
    result = column_site.build(HERITAGE_TODAY="2026-12-05", SITE_URL=SITE_URL)
    assert result.returncode == 0, result.stdout
    try:
        assert (site / "chuyen-muc/hen-thang-12/index.html").is_file()
        assert "hen-thang-12" in (site / "en/chuyen-muc/feed.xml").read_text(encoding="utf-8")
        assert "Tháng 12/2026" in column_site.html("chuyen-muc/")
    finally:
        assert column_site.build(HERITAGE_TODAY=TODAY, SITE_URL=SITE_URL).returncode == 0


@pytest.mark.parametrize(
    "front, field, part",
    [
        ("title: Bài\nsummary: Tóm tắt\n", "date", "Thiếu trường bắt buộc"),
        ("title: Bài\ndate: mười một\nsummary: x\n", "date", "không phải ngày hợp lệ"),
        ("title: Bài\ndate: 2026-11-01\nsummary: x\ncover: khong/co.jpg\n", "cover", "Không tìm thấy ảnh bìa"),
        ("title: Bài\ndate: 2026-11-01\nsummary: x\nentries: [khong-co]\n", "entries[0]", "không tồn tại"),
        ("title: Bài\ndate: 2026-11-01\nsummary: x\ncategory: the-thao\n", "category", "không có trong"),
    ],
)
def test_bad_posts_fail_check_and_build(small_project, front, field, part):
    small_project.write("docs/vi/chuyen-muc/bai-loi.md", f"---\n{front}---\n\nNội dung.\n")
    small_project.write("docs/en/chuyen-muc/bai-loi.md", "---\ntitle: Post\ndate: 2026-11-01\nsummary: x\n---\n\nText.\n")
    check = small_project.check()
    assert check.returncode == 1 and "docs/vi/chuyen-muc/bai-loi.md" in check.stdout and part in check.stdout
    assert f"— {field}" in check.stdout
    build = small_project.build()
    assert build.returncode == 1 and "Traceback" not in build.stdout + build.stderr


def test_slug_differing_between_languages(small_project):
    small_project.post("vi", "bai-moi", "2026-10-02")
    small_project.post("en", "new-post", "2026-10-02")
    check = small_project.check()
    assert check.returncode == 1
    assert "docs/vi/chuyen-muc/bai-moi.md" in check.stdout and "docs/en/chuyen-muc/new-post.md" in check.stdout
    assert small_project.build().returncode == 1


@pytest.mark.parametrize("sample", ["sample: null\n", "sample:\n", "sample: ~\n"])
def test_an_untouched_illustrative_switch_is_off_not_an_error(small_project, sample):
    """The web editor writes `sample: null` for a toggle the officer never touched (the English
    half of a new post): the post is checked and built as a real, not illustrative, post."""
    small_project.post("vi", "bai-moi", "2026-10-02", "Bài mới")
    small_project.write("docs/en/chuyen-muc/bai-moi.md", f"---\ntitle: New post\ndate: 2026-10-02\nsummary: x\n{sample}---\n\nText.\n")
    small_project.stamp_all()
    check = small_project.check()
    assert check.returncode == 0, check.stdout
    assert small_project.build().returncode == 0
