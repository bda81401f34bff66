"""In Chromium: QR landings by browser language, SVG codes decoded from the screen, search in both languages."""

from __future__ import annotations

import io

import pytest
import zxingcpp
from PIL import Image

from heritage.content.loader import load_inventory

from .conftest import PHONE, SAMPLE_URL
from .test_browser import shot

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(
    "locale, query, expected",
    [
        ("vi-VN", "", "di-tich/dinh-tan-an/#tai-cho"),
        ("en-US", "", "en/di-tich/dinh-tan-an/#tai-cho"),
        ("fr-FR", "", "en/di-tich/dinh-tan-an/#tai-cho"),
        ("vi-VN", "?lang=en", "en/di-tich/dinh-tan-an/#tai-cho"),
        ("en-US", "?lang=vi", "di-tich/dinh-tan-an/#tai-cho"),
        ("vi-VN", "?lang=fr", "di-tich/dinh-tan-an/#tai-cho"),
    ],
)
def test_landing_follows_the_browser_language(chromium, served_sample, locale, query, expected):
    context = chromium.new_context(**PHONE, locale=locale)
    page = context.new_page()
    page.goto(served_sample + "q/dinh-tan-an/" + query)
    page.wait_for_url(served_sample + expected)
    assert page.locator("h1").inner_text() in ("Đình Tân An", "Tân An Communal House")
    context.close()


@pytest.mark.parametrize(
    "languages, expected",
    [
        ("fr-FR,vi", "di-tich/dinh-tan-an/#tai-cho"),
        ("fr-FR,en-GB", "en/di-tich/dinh-tan-an/#tai-cho"),
        ("de-DE,en-GB,vi-VN", "en/di-tich/dinh-tan-an/#tai-cho"),
        ("ja,vi-VN,en", "di-tich/dinh-tan-an/#tai-cho"),
    ],
)
def test_landing_reads_every_language_the_visitor_reads(chromium, served_sample, languages, expected):
    """A visitor whose first language is neither (French, German, Japanese) lands on the first
    of Vietnamese and English in the browser's list (navigator.languages), not on a default.
    The browser's list is set as the visitor's settings set it: the Accept-Language it sends."""
    context = chromium.new_context(**PHONE)
    page = context.new_page()
    session = context.new_cdp_session(page)
    session.send("Emulation.setUserAgentOverride", {"userAgent": page.evaluate("navigator.userAgent"), "acceptLanguage": languages})
    assert page.evaluate("navigator.languages.join(',')") == languages
    page.goto(served_sample + "q/dinh-tan-an/")
    page.wait_for_url(served_sample + expected)
    context.close()


def test_back_after_a_scan_leaves_the_landing_instead_of_bouncing_forward(chromium, served_sample):
    """The landing replaces itself in the history: Back from the entry returns to where the
    visitor was before scanning, not to /q/…, which would send them forward again."""
    context = chromium.new_context(**PHONE, locale="en-GB")
    page = context.new_page()
    page.goto(served_sample + "en/")
    before = page.evaluate("history.length")
    page.goto(served_sample + "q/dinh-tan-an/")
    page.wait_for_url(served_sample + "en/di-tich/dinh-tan-an/#tai-cho")
    assert page.evaluate("history.length") == before + 1  # the entry only: no landing between them
    page.go_back()
    page.wait_for_url(served_sample + "en/")
    context.close()


def test_landing_without_javascript_shows_both_links(chromium, served_sample):
    context = chromium.new_context(**PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(served_sample + "q/dinh-tan-an/")
    assert page.url == served_sample + "q/dinh-tan-an/"
    assert page.get_by_role("link", name="Xem bằng tiếng Việt").is_visible()
    assert page.get_by_role("link", name="Read in English").is_visible()
    shot(page, "qr-landing-nojs")
    page.get_by_role("link", name="Read in English").click()
    assert page.url == served_sample + "en/di-tich/dinh-tan-an/#tai-cho"
    context.close()


def test_every_svg_code_decodes_on_screen(chromium, served_sample, sample_site):
    context = chromium.new_context(viewport={"width": 700, "height": 700})
    page = context.new_page()
    ids = list(load_inventory(sample_site.root).entries)
    assert len(ids) > 10
    for entry_id in ids:
        page.goto(served_sample + f"q/{entry_id}/qr.svg")
        image = Image.open(io.BytesIO(page.screenshot()))
        texts = [r.text for r in zxingcpp.read_barcodes(image)]
        assert texts == [f"{SAMPLE_URL}q/{entry_id}/"]
    context.close()


@pytest.mark.parametrize(
    "prefix, query, first",
    [
        ("", "dinh tan an", "Đình Tân An"),
        ("", "Dinh Tan An", "Đình Tân An"),
        ("", "Đình Tân An", "Đình Tân An"),
        ("", "hoi lim", "Hội Lim"),
        ("en/", "dinh tan an", "Tân An Communal House"),
        ("en/", "Đình Tân An", "Tân An Communal House"),
        ("en/", "hoi lim", "Lim Festival (Hội Lim)"),
    ],
)
def test_search_without_diacritics(phone, served_sample, prefix, query, first):
    phone.goto(served_sample + prefix + "tim-kiem/")
    phone.wait_for_selector("form[data-ready]")
    phone.fill("input[name=q]", query)
    phone.press("input[name=q]", "Enter")
    results = phone.locator(".hx-results__title a")
    results.first.wait_for()
    assert results.first.inner_text() == first
    hrefs = results.evaluate_all("links => links.map(a => a.href)")
    if prefix:
        assert all("/en/" in h for h in hrefs)
    else:
        assert not any("/en/" in h for h in hrefs)


@pytest.mark.parametrize("prefix, songs", [("", {"Người ở đừng về", "Mời nước mời trầu"}), ("en/", {"Người ở đừng về (Stay, do not leave)", "Mời nước mời trầu (Offering tea and betel)"})])
def test_quan_ho_finds_the_songs_first(phone, served_sample, prefix, songs):
    phone.goto(served_sample + prefix + "tim-kiem/?q=quan%20ho")
    phone.wait_for_selector("form[data-ready]")
    titles = phone.locator(".hx-results__title a").all_inner_texts()
    assert set(titles[:2]) == songs
    shot(phone, f"search-{prefix.strip('/') or 'vi'}")


def test_entries_rank_above_posts_for_their_names(phone, served_sample):
    phone.goto(served_sample + "tim-kiem/?q=festival%20ve%20mien%20quan%20ho")
    phone.wait_for_selector("form[data-ready]")
    titles = phone.locator(".hx-results__title a").all_inner_texts()
    assert titles[0] == "Festival “Về miền Quan họ”" and any("Hướng tới" in t for t in titles[1:])


def test_header_search_button_reaches_the_page(phone, served_sample):
    phone.goto(served_sample + "en/le-hoi/")
    phone.get_by_role("link", name="Search").click()
    phone.wait_for_url(served_sample + "en/tim-kiem/")


@pytest.fixture(scope="module")
def served_homographs(tmp_path_factory):
    """Names that fold to the same letters: Đình, Định, and a story that says 'gia đình'."""
    from .conftest import Project, _skeleton, serve

    root = tmp_path_factory.mktemp("homographs")
    _skeleton(root)
    project = Project(root)
    project.entry("di-tich", "dinh-cong", ("Định Công", "Dinh Cong Shrine"), type="mieu")
    project.entry("di-tich", "dinh-tan-an", ("Đình Tân An", "Tân An Communal House"))
    project.post("vi", "nghe-ba-doi", "2026-10-15", "Ông A", summary="Gia đình ông làm nghề đã ba đời.")
    project.post("en", "nghe-ba-doi", "2026-10-15", "Mr A", summary="His family has kept the craft for three generations.")
    for lang, title in (("vi", "Tìm kiếm"), ("en", "Search")):
        project.write(f"docs/{lang}/tim-kiem/index.md", f"---\ntitle: {title}\n---\n")
    project.stamp_all()
    result = project.build()
    assert result.returncode == 0, result.stderr
    with serve(root / "site") as url:
        yield url


@pytest.mark.parametrize("query, order", [("Đình", ["Đình Tân An", "Định Công"]), ("Định", ["Định Công", "Đình Tân An"]), ("dinh", None)])
def test_diacritics_typed_rank_exact_matches_first(phone, served_homographs, query, order):
    phone.goto(served_homographs + "tim-kiem/")
    phone.wait_for_selector("form[data-ready]")
    phone.fill("input[name=q]", query)
    phone.press("input[name=q]", "Enter")
    phone.locator(".hx-results__title a").first.wait_for()
    titles = phone.locator(".hx-results__title a").all_inner_texts()
    assert {"Đình Tân An", "Định Công", "Ông A"} <= set(titles)  # folded matches are still found
    if order:
        assert [t for t in titles if t in order] == order
