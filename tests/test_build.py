"""Real MkDocs builds of small fixture sites: pages, content, errors."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from heritage.content import loader as inventory_module
from heritage.pages import site as site_module

from .conftest import LANGS, Project, _skeleton, fill_small_project


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Project:
    """The small project, built once for this module."""
    root = tmp_path_factory.mktemp("built")
    _skeleton(root)
    project = fill_small_project(Project(root))
    result = project.build(HERITAGE_TODAY="2026-11-27")
    assert result.returncode == 0, result.stderr
    return project


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def article(html: str) -> str:
    return html.split('<article class="md-content__inner md-typeset">', 1)[1].split("</article>", 1)[0]


@pytest.mark.parametrize("lang_prefix", ["", "en/"])
@pytest.mark.parametrize(
    "path",
    ["", "di-tich/", "le-hoi/", "lang-nghe/", "nghe-nhan/", "quan-ho/", "san-pham/", "chuyen-muc/", "lich-le-hoi/", "ban-do/", "du-lieu/", "gioi-thieu/",
     "di-tich/dinh-tan-an/", "di-tich/chua-an/", "le-hoi/hoi-lim/", "lang-nghe/nghe-dan/", "nghe-nhan/nghe-nhan-a/", "quan-ho/moi-trau/", "san-pham/banh-a/",
     "chuyen-muc/ra-mat/", "chuyen-muc/mua-le-hoi/"],
)
def test_every_page_exists_in_both_languages(built, lang_prefix, path):
    html = built.html(lang_prefix + path)
    assert f'<html lang="{"en" if lang_prefix else "vi"}"' in html


@pytest.mark.parametrize(
    "prefix, title, facts",
    [
        ("", "Đình Tân An", ["Thông tin chính", "Loại hình", "Đình", "Di tích cấp tỉnh", "Nội dung minh họa", "Có thể bạn quan tâm", "Hội Lim", "Nguồn ảnh và bản quyền"]),
        ("en/", "Tân An Communal House", ["Key facts", "Communal house", "Provincial relic", "Sample content", "You may also like", "Lim Festival", "Image credits and licences"]),
    ],
)
def test_entry_page_wraps_the_story_with_the_data(built, prefix, title, facts):
    body = article(built.html(prefix + "di-tich/dinh-tan-an/"))
    assert f'<h1 id="dinh-tan-an">{title}</h1>' in body or f">{title}</h1>" in body
    text = text_of(body)
    for fact in facts:
        assert fact in text
    assert "21.20000, 106.10000" in text
    # one Directions button to the place (issue 25), instead of two raw map links
    assert 'class="hx-button hx-directions" href="https://www.google.com/maps/dir/?api=1&amp;destination=21.200000%2C106.100000' in body
    # the story written by the editor is inside
    assert ("Câu chuyện dinh-tan-an (vi)" if prefix == "" else "Câu chuyện dinh-tan-an (en)") in text


def test_images_are_responsive_and_never_the_original(built):
    body = article(built.html("di-tich/dinh-tan-an/"))
    img = re.search(r"<img [^>]*alt=\"Cổng đình\"[^>]*>", body).group(0)
    assert 'srcset="' in img and " 480w" in img and 'width="960"' in img and 'height="640"' in img
    assert "loading=" not in img  # the first image of the page loads at once
    gallery = re.search(r"<img [^>]*alt=\"Sân đình\"[^>]*>", body).group(0)
    assert 'loading="lazy"' in gallery
    original = (built.root / "data/media/dinh-tan-an/cong.jpg").read_bytes()
    published = [p for p in (built.root / "site").rglob("*") if p.is_file() and p.suffix in (".jpg", ".jpeg")]
    assert published and all(p.read_bytes() != original for p in published)
    sources = re.findall(r'src="([^"]+\.jpg)"', body)
    assert sources, "no photo on the entry page"
    for src in sources:
        assert (built.root / "site/di-tich/dinh-tan-an" / src).resolve().is_file()


@pytest.mark.parametrize("prefix, order", [("", ["Am Bà", "Chùa Ân", "Đền Bà", "Đình Tân An"]), ("en/", ["Ân Pagoda", "Lady's Shrine", "Lady's Temple", "Tân An Communal House"])])
def test_catalogue_in_vietnamese_alphabetical_order(built, prefix, order):
    body = article(built.html(prefix + "di-tich/"))
    titles = [text_of(t).strip().replace("&#39;", "'") for t in re.findall(r'class="hx-card__title"><a [^>]*>(.*?)</a>', body)]
    assert titles == order
    assert 'data-hx-filter hidden' in body  # filters appear only with JavaScript
    assert re.findall(r'data-type="(\w[\w-]*)"', body)


def test_home_lists_sections_and_latest_posts(built):
    text = text_of(article(built.html("")))
    for label in ("Di tích", "Lễ hội", "Làng nghề", "Nghệ nhân", "Quan họ", "Sản phẩm"):
        assert label in text
    assert text.index("Mùa lễ hội") < text.index("Ra mắt")  # newest first
    assert "15/10/2026" in text
    assert "15 October 2026" in text_of(article(built.html("en/")))


def test_language_switcher_points_at_the_same_page(built):
    html = built.html("di-tich/dinh-tan-an/")
    assert re.search(r'href="[./]*en/di-tich/dinh-tan-an/"[^>]*hreflang="en"', html)
    html_en = built.html("en/di-tich/dinh-tan-an/")
    assert re.search(r'href="[./]*di-tich/dinh-tan-an/"[^>]*hreflang="vi"', html_en)


def test_no_third_party_requests_in_pages(built):
    for lang in LANGS:
        html = built.html("" if lang == "vi" else "en/")
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html
        assert not re.findall(r'<script[^>]+src="https?://', html)
        assert not re.findall(r'<link[^>]+rel="(?:stylesheet|preload|preconnect|icon|modulepreload)"[^>]+href="https?://', html)


def test_content_error_fails_the_build_without_traceback(project):
    project.entry("di-tich", "dinh-loi", location={"lat": "21,18", "lon": 106.1})
    before = project.snapshot()
    result = project.build()
    assert result.returncode == 1
    output = result.stdout + result.stderr
    assert "Traceback" not in output
    assert "data/di-tich/dinh-loi.yml" in output
    assert "dấu phẩy thập phân" in output and "decimal comma" in output
    assert project.snapshot() == before


def test_data_is_loaded_once_per_build(small_project, monkeypatch):
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    calls = []
    real = inventory_module.load_inventory
    monkeypatch.setattr(inventory_module, "load_inventory", lambda root: calls.append(root) or real(root))
    inventory_module._CACHE.clear()
    site_module._SITES.clear()
    build(load_config(str(small_project.root / "mkdocs.yml")))
    assert (small_project.root / "site/en/di-tich/dinh-tan-an/index.html").is_file()
    assert len(calls) == 1


def _tree(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_parallel_build_makes_the_same_site_as_a_serial_one(small_project):
    """The languages built in two processes: same files, same bytes, switcher and sitemap included."""
    parallel = small_project.build(SITE_URL="https://heritage.example.org/")
    assert parallel.returncode == 0, parallel.stderr
    assert "in a parallel process" in parallel.stderr
    first = _tree(small_project.root / "site")
    serial = small_project.build(SITE_URL="https://heritage.example.org/", HERITAGE_SERIAL_BUILD="1")
    assert serial.returncode == 0, serial.stderr
    assert "in a parallel process" not in serial.stderr
    second = _tree(small_project.root / "site")
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []
    assert {"sitemap.xml", "_headers", "search/vi.json", "search/en.json", "en/di-tich/dinh-tan-an/index.html"} <= set(first)


def test_one_bilingual_404_at_the_root(built):
    html = (built.root / "site" / "404.html").read_text(encoding="utf-8")
    assert '<html lang="vi"' in html
    body = article(html)
    assert "Không tìm thấy trang" in body and re.search(r'<div lang="en">\s*<h2>Page not found</h2>', body)
    assert 'href="/en/"' in body and 'href="/"' in body
    assert not (built.root / "site" / "en" / "404.html").exists()


def test_blocks_from_data_surround_the_story_and_ignore_editors_comments(small_project):
    """Facts above the story, gallery and links below; an editor's comment is never taken for a
    block (the sanitiser drops comments: `<!-->` once hid a script from the checks)."""
    import markdown

    site = site_module.load_site(small_project.root)
    story = "Câu chuyện.\n\n<!-- heritage-block-1 -->\n"
    out = site.enrich("vi/di-tich/dinh-tan-an.md", "di-tich/dinh-tan-an/", story)
    assert out.startswith("# Đình Tân An\n\n<!-- heritage-block-")
    html = site.finish("vi/di-tich/dinh-tan-an.md", markdown.markdown(out))
    assert re.findall(r"<!-- heritage-block[^>]*-->", html) == []  # an editor's comment is dropped, never taken for a block
    assert html.count('class="hx-entry ') == 1
    assert html.index('class="hx-entry ') < html.index("Câu chuyện.") < html.index('class="hx-gallery"')


# --- a site for visitors: home, footer, entry pages, visiting information -------------------

SITE_YML = """\
site_name: {vi: "Di sản Tân An", en: "Tân An Heritage"}
ward: {vi: "UBND phường Tân An", en: "Tân An Ward People's Committee"}
column: {launch: 2026-09}
featured: [dinh-tan-an]
logo: logo-phuong.svg
contact:
  office: {vi: "Phòng Văn hóa - Xã hội", en: "Culture and Society Office"}
  address: {vi: "Trụ sở phường", en: "Ward office"}
  phone: "0222 000 0000"
  email: "vanhoa@example.org"
  hours: {vi: "Thứ Hai – Thứ Sáu", en: "Monday – Friday"}
"""
VISIT = {
    "hours": [{"days": ["mo", "tu", "we", "th", "fr"], "opens": "07:30", "closes": "11:00"}],
    "by_appointment": True,
    "free": True,
    "etiquette": {"vi": "Ăn mặc kín đáo.", "en": "Dress modestly."},
}


@pytest.fixture(scope="module")
def visitor_site(tmp_path_factory) -> Project:
    """The small project with the ward's contact, a featured entry and visiting information."""
    root = tmp_path_factory.mktemp("visitors")
    _skeleton(root)
    project = fill_small_project(Project(root))
    project.write("data/site.yml", SITE_YML)
    project.write("data/logo-phuong.svg", '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="5"/></svg>')
    project.entry("di-tich", "am-ba", ("Am Bà", "Lady's Shrine"), type="mieu", ranking="chua-xep-hang", priority="cao", visit=VISIT)
    result = project.build(HERITAGE_TODAY="2026-11-27")
    assert result.returncode == 0, result.stderr
    return project


@pytest.mark.parametrize("prefix, name, ways", [("", "Di sản Tân An", "Di tích"), ("en/", "Tân An Heritage", "Historic sites")])
def test_home_page_leads_with_a_photo_and_the_ways_in(visitor_site, prefix, name, ways):
    body = article(visitor_site.html(prefix))
    hero = body.split('class="hx-home-hero', 1)[1].split("</section>", 1)[0]
    assert '<source type="image/avif"' in hero and '<source type="image/webp"' in hero
    img = re.search(r"<img[^>]*>", hero).group(0)
    assert 'fetchpriority="high"' in img and "srcset=" in img and 'loading="lazy"' not in img
    assert "/dinh-tan-an/" in img  # the featured entry's photo
    assert re.search(rf"<h1[^>]*>{name}</h1>", hero)
    ways_nav = body.split('class="hx-ways', 1)[1].split("</nav>", 1)[0]
    from urllib.parse import urljoin

    hrefs = [urljoin(f"https://x.org/{prefix}", h) for h in re.findall(r'href="([^"]+)"', ways_nav)]
    assert hrefs == [f"https://x.org/{prefix}{p}/" for p in ("di-tich", "lich-le-hoi", "ban-do", "chuyen-muc")]
    assert ways in text_of(ways_nav)
    assert body.index("hx-home-hero") < body.index("hx-ways") < body.index("hx-next-festival")
    countdown = text_of(body.split('id="hx-next-festival"', 1)[1].split("</section>", 1)[0])
    assert re.search(r"Còn \d+ ngày|In \d+ days", countdown)
    assert "Hội Lim" in countdown or "Lim Festival" in countdown


@pytest.mark.parametrize(
    "prefix, box, hours, crumbs",
    [
        ("", ["Thông tin tham quan", "Giờ mở cửa", "Thứ Hai – Thứ Sáu", "Theo hẹn trước", "Miễn phí", "Ăn mặc kín đáo."], "07:30", ["Trang chủ", "Di tích", "Am Bà"]),
        ("en/", ["Visiting", "Opening hours", "Monday – Friday", "By appointment", "Free", "Dress modestly."], "07:30", ["Home", "Historic sites", "Lady's Shrine"]),
    ],
)
def test_entry_with_visit_shows_the_box_breadcrumbs_and_their_json_ld(visitor_site, prefix, box, hours, crumbs):
    import json

    html = visitor_site.html(prefix + "di-tich/am-ba/")
    visit = text_of(html.split('class="hx-visit"', 1)[1].split("</section>", 1)[0])
    here = text_of(html.split('id="hx-onsite"', 1)[1].split("</section>", 1)[0])
    for part in box[:-1]:
        assert part in visit
    assert box[-1] in here and box[-1] not in visit  # etiquette: once, in the on-site block
    assert f"{hours} – 11:00" in visit
    trail = re.search(r'<nav class="hx-crumbs"[^>]*>(.*?)</nav>', html, re.S).group(1)
    assert [t.strip() for t in re.findall(r">([^<>]+)</(?:a|span)>", trail)] == [c.replace("'", "&#39;") for c in crumbs]
    place, breadcrumbs = [json.loads(b) for b in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)]
    assert place["openingHoursSpecification"] == [
        {"@type": "OpeningHoursSpecification", "dayOfWeek": [f"https://schema.org/{d}" for d in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")], "opens": "07:30", "closes": "11:00"}
    ]
    assert place["isAccessibleForFree"] is True
    assert breadcrumbs["@type"] == "BreadcrumbList"
    assert [i["name"] for i in breadcrumbs["itemListElement"]] == crumbs
    assert breadcrumbs["itemListElement"][1]["item"].endswith(f"{prefix}di-tich/")


@pytest.mark.parametrize("prefix, hidden", [("", ["Chưa xếp hạng", "Đề xuất bảo vệ", "Cao"]), ("en/", ["Not yet ranked", "Proposed protection", "High priority", "priority"])])
def test_inventory_only_fields_stay_off_public_pages(visitor_site, prefix, hidden):
    for path in ("di-tich/am-ba/", "di-tich/"):
        text = text_of(article(visitor_site.html(prefix + path)))
        for word in hidden:
            assert word not in text, (path, word)


def test_counts_agree_with_their_number(visitor_site):
    assert "1 entry" in text_of(visitor_site.html("en/lang-nghe/")) and "1 entries" not in text_of(visitor_site.html("en/lang-nghe/"))
    assert "4 entries" in text_of(visitor_site.html("en/di-tich/"))


@pytest.mark.parametrize("prefix, contact, foreign", [("", "Phòng Văn hóa - Xã hội", "Culture and Society Office"), ("en/", "Culture and Society Office", "Phòng Văn hóa")])
def test_every_page_has_the_contact_in_its_language_and_no_generator_credit(visitor_site, prefix, contact, foreign):
    site = visitor_site.root / "site"
    standalone = ("q/", "ngoai-tuyen/", "en/ngoai-tuyen/")  # QR landings and the offline page: tiny pages of their own
    pages = [p for p in (site / prefix).rglob("index.html") if not p.relative_to(site).as_posix().startswith((*standalone, "en/" if not prefix else "-"))]
    assert len(pages) > 20
    for page in pages:
        html = page.read_text(encoding="utf-8")
        footer = html.split('<footer class="md-footer hx-footer">', 1)[1]
        assert contact in footer and foreign not in footer, page
        assert 'href="tel:02220000000"' in footer and "mailto:vanhoa@example.org" in footer
        about = "/gioi-thieu/index.html" in page.as_posix()
        assert ("Material for MkDocs" in html) == about, page
        assert "md-footer__link" not in html  # no previous/next documentation footer


@pytest.mark.parametrize("path", ["", "en/di-tich/am-ba/"])
def test_the_wards_logo_replaces_the_emblem(visitor_site, built, path):
    html = visitor_site.html(path)
    logo = re.search(r'<a [^>]*class="md-header__button md-logo"[^>]*>(.*?)</a>', html, re.S).group(1)
    src = re.search(r'<img src="([^"]+)"', logo).group(1)
    assert src.endswith("assets/heritage/logo.png") and "hx-emblem" not in logo
    # The ward's SVG is drawn to a PNG: never published as SVG (an SVG can carry scripts).
    assert (visitor_site.root / "site/assets/heritage/logo.png").read_bytes().startswith(b"\x89PNG")
    assert not (visitor_site.root / "site/assets/heritage/logo.svg").exists()
    # Without a logo in data/site.yml: the built-in emblem, inline, no request.
    assert 'class="hx-emblem"' in built.html(path)
