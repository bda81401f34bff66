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
        ("", "Đình Tân An", ["Thông tin chính", "Loại hình", "Đình", "Di tích cấp tỉnh", "Nội dung minh họa", "Xem thêm", "Hội Lim", "Nguồn ảnh và bản quyền"]),
        ("en/", "Tân An Communal House", ["Key facts", "Communal house", "Provincial relic", "Sample content", "See also", "Lim Festival", "Image credits and licences"]),
    ],
)
def test_entry_page_wraps_the_story_with_the_data(built, prefix, title, facts):
    body = article(built.html(prefix + "di-tich/dinh-tan-an/"))
    assert f'<h1 id="dinh-tan-an">{title}</h1>' in body or f">{title}</h1>" in body
    text = text_of(body)
    for fact in facts:
        assert fact in text
    assert "21.20000, 106.10000" in text
    assert "openstreetmap.org/?mlat=21.2&amp;mlon=106.1" in body
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
    for src in re.findall(r'src="([^"]+\.jpg)"', body):
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
    assert re.findall(r"<!-- heritage-block[^>]*-->", html) == []
    assert html.count('class="hx-entry"') == 1
    assert html.index('class="hx-entry"') < html.index("Câu chuyện.") < html.index('class="hx-gallery"')
