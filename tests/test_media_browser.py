"""Media in Chromium: the YouTube facade stays silent until tapped; the photo viewer and the keyboard."""

from __future__ import annotations

import re

import pytest

from .conftest import Project, _skeleton, serve
from .test_browser import shot
from .test_media import av_project, fill_av_project, image_item, make_clip, make_sound  # noqa: F401  (fixture)

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def media_site(tmp_path_factory):
    """The media entry with two more photos, built once and served: the tests below only read it."""
    root = tmp_path_factory.mktemp("media")
    _skeleton(root)
    project = fill_av_project(Project(root))
    project.image("data/media/dinh/anh-2.jpg", color=(30, 90, 150))
    project.image("data/media/dinh/anh-3.jpg", color=(40, 140, 60))
    path = project.root / "data/di-tich/dinh.yml"
    text = path.read_text(encoding="utf-8")
    extra = "".join(
        f"- image: {name}\n  alt: {{vi: Ảnh {n}, en: Photo {n}}}\n  caption: {{vi: Chú thích {n}, en: Caption {n}}}\n  credit: x\n  license: CC0-1.0\n"
        for n, name in ((2, "anh-2.jpg"), (3, "anh-3.jpg"))
    )
    path.write_text(text.replace("media:\n", "media:\n" + extra.replace("- image: anh-2", "- image: anh-2", 1), 1), encoding="utf-8")
    result = project.build()
    assert result.returncode == 0, result.stdout + result.stderr
    with serve(project.root / "site") as base:
        yield base


@pytest.fixture
def media_page(media_site, chromium):
    context = chromium.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    context.set_default_timeout(10_000)
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    # No network here: answer YouTube with an empty page, so a request is visible but harmless.
    page.route("https://www.youtube-nocookie.com/**", lambda route: route.fulfill(status=200, body="<!doctype html><title>stub</title>"))
    yield page, media_site, requests
    context.close()


def test_youtube_facade_requests_nothing_until_tapped(media_page):
    page, base, requests = media_page
    page.goto(base + "di-tich/dinh/")
    page.wait_for_load_state("networkidle")
    third_party = [u for u in requests if not u.startswith(base)]
    assert third_party == []
    assert not [u for u in requests if u.endswith("sitemap.xml")]  # Material's prefetch is removed
    shot(page, "media-entry-vi")
    with page.expect_request(lambda request: request.url.startswith("https://www.youtube-nocookie.com/embed/")):
        page.locator("a[data-hx-youtube]").click()  # the tap asks YouTube, and only then
    frame = page.locator("iframe.hx-youtube__frame")
    assert frame.get_attribute("src").startswith("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ")
    assert any(u.startswith("https://www.youtube-nocookie.com/embed/") for u in requests)


def test_photo_viewer_with_keyboard(media_page):
    page, base, _ = media_page
    page.goto(base + "di-tich/dinh/")
    links = page.locator("a[data-hx-lightbox]")
    assert links.count() == 3
    links.nth(1).focus()
    page.keyboard.press("Enter")
    dialog = page.locator("dialog.hx-lightbox")
    assert dialog.count() == 1 and dialog.evaluate("d => d.open")
    caption = dialog.locator("figcaption")
    first = caption.inner_text()
    # order on the page: hero anh-2, then the gallery: anh-3, anh.jpg
    assert "(2/3)" in first and "Chú thích 3" in first and "Caption" not in first
    assert "Chú thích 3 — Tác giả: x" in first  # the credit after a separator
    # an open-licence photo: the media bank's full-size download, named for what it is
    get = caption.locator("a.hx-download")
    assert get.inner_text() == "Tải ảnh chất lượng cao" and re.fullmatch(r"dinh-\d-\d+\.jpg", get.get_attribute("download"))
    page.keyboard.press("ArrowRight")
    assert "(3/3)" in caption.inner_text() and "Chú thích" not in caption.inner_text()
    page.keyboard.press("ArrowRight")
    assert "(1/3)" in caption.inner_text() and "Chú thích 2" in caption.inner_text()
    assert dialog.locator("img").get_attribute("alt")
    shot(page, "lightbox-open")
    page.keyboard.press("Escape")
    assert not dialog.evaluate("d => d.open")
    assert page.evaluate("document.activeElement.hasAttribute('data-hx-lightbox')")


def test_photo_viewer_without_javascript_links_to_the_photo(av_project, chromium):
    assert av_project.build().returncode == 0
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    with serve(av_project.root / "site") as base:
        page.goto(base + "di-tich/dinh/")
        href = page.locator("a[data-hx-lightbox]").first.get_attribute("href")
        assert href.endswith(".jpg")
        assert page.locator("a[data-hx-youtube]").get_attribute("href") == "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
    context.close()
