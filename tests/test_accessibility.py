"""axe-core in Chromium on every page type, both languages: zero violations."""

from __future__ import annotations

import json

import pytest

from .conftest import PHONE, REPO

pytestmark = pytest.mark.browser

AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
PAGES = [
    "",  # home
    "di-tich/",  # catalogue
    "di-tich/dinh-tan-an/",  # entry with gallery, video and audio
    "chuyen-muc/",  # column
    "chuyen-muc/ra-mat-chuyen-muc-so-di-san-tan-an/",  # post
    "lich-le-hoi/",  # calendar
    "ban-do/",  # map
    "du-lieu/",  # open data
    "tim-kiem/?q=dinh",  # search with results
    "le-hoi/hoi-lim/",
    "nghe-nhan/nguyen-thi-minh-hoa/",
    "hanh-trinh/",  # trails index
    "hanh-trinh/vong-dinh-chua-den/",  # trail: map, numbered stops, audio guide
    "le-hoi/festival-ve-mien-quan-ho/",  # festival held every three years
    "ngoai-tuyen/",  # the offline page
    "gioi-thieu/",  # about: contact, credits, the brochure
    "gioi-thieu/ke-hoach/",  # the ward's plan
    "kho-anh/",  # the media bank: filters, thumbnails, downloads
]


@pytest.fixture(scope="module")
def axe_source():
    if not AXE.exists():
        pytest.fail("node_modules/axe-core is missing: run `make test` (it runs npm ci)")
    return AXE.read_text(encoding="utf-8")


def violations(page, axe_source) -> list[dict]:
    page.add_script_tag(content=axe_source)
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [{"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5], "help": v["help"]} for v in result["violations"]]


@pytest.mark.parametrize("prefix", ["", "en/"])
@pytest.mark.parametrize("path", PAGES)
def test_no_axe_violations(chromium, served_sample, axe_source, prefix, path):
    context = chromium.new_context(**PHONE, bypass_csp=True)  # to inject axe, a test tool
    page = context.new_page()
    page.goto(served_sample + prefix + path)
    page.wait_for_load_state("networkidle")
    found = violations(page, axe_source)
    context.close()
    assert found == [], json.dumps(found, ensure_ascii=False, indent=1)


@pytest.mark.parametrize("path", ["q/dinh-tan-an/", "khong-co-trang-nay/"])
def test_no_axe_violations_on_landing_and_404(chromium, served_sample, axe_source, path):
    context = chromium.new_context(**PHONE, bypass_csp=True, java_script_enabled=path.startswith("khong"))
    page = context.new_page()
    if path.startswith("q/"):
        context.close()
        context = chromium.new_context(**PHONE, java_script_enabled=False)  # the landing forwards at once with JavaScript
        page = context.new_page()
        page.goto(served_sample + path)
        html = page.content()
        context.close()
        context = chromium.new_context(**PHONE, bypass_csp=True)  # to inject axe, a test tool
        page = context.new_page()
        page.set_content(html)
    else:
        page.goto(served_sample + "404.html")
    found = violations(page, axe_source)
    context.close()
    assert found == [], json.dumps(found, ensure_ascii=False, indent=1)


def tab_to(page, predicate: str, limit: int = 120) -> None:
    """Press Tab until the focused element satisfies `predicate` (a JS function of it)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(({predicate}))(document.activeElement)"):
            assert page.evaluate(FOCUS_VISIBLE), page.evaluate("document.activeElement.outerHTML.slice(0, 120)")
            return
    raise AssertionError(f"never reached: {predicate}")


FOCUS_VISIBLE = """(() => {
  const el = document.activeElement, style = getComputedStyle(el);
  const ring = (s) => s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
  return ring(style) || style.boxShadow !== 'none' || (el.parentElement && ring(getComputedStyle(el.closest('.hx-card') || el)));
})()"""


def test_keyboard_journey_home_catalogue_entry_photo(chromium, served_sample):
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(served_sample)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('md-skip')")  # skip to content first
    tab_to(page, "el => el.classList.contains('hx-section-link') && el.textContent.includes('Di tích')")
    page.keyboard.press("Enter")
    page.wait_for_url("**/di-tich/")
    tab_to(page, "el => el.closest('.hx-card__title') && el.textContent.trim() === 'Đình Tân An'")
    page.keyboard.press("Enter")
    page.wait_for_url("**/di-tich/dinh-tan-an/")
    tab_to(page, "el => el.hasAttribute('data-hx-lightbox')")
    page.keyboard.press("Enter")
    assert page.locator("dialog.hx-lightbox").evaluate("d => d.open")
    assert page.evaluate("document.activeElement.classList.contains('hx-lightbox__close')")
    page.keyboard.press("Escape")
    assert page.evaluate("document.activeElement.hasAttribute('data-hx-lightbox')")
    context.close()


def test_keyboard_search(chromium, served_sample):
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(served_sample + "en/")
    tab_to(page, "el => el.getAttribute('aria-label') === 'Search'")
    page.keyboard.press("Enter")
    page.wait_for_url("**/en/tim-kiem/")
    page.wait_for_selector("form[data-ready]")
    assert page.evaluate("document.activeElement.name === 'q'")
    page.keyboard.type("hoi lim")
    page.keyboard.press("Enter")
    page.wait_for_url("**/en/tim-kiem/?q=*")  # the form reloads the page: Tab only once the results are there
    page.wait_for_selector(".hx-results__title")
    page.wait_for_load_state("networkidle")  # the index has arrived: the list is not drawn again under the focus
    tab_to(page, "el => el.closest('.hx-results__title')")
    assert page.evaluate("document.activeElement.textContent") == "Lim Festival (Hội Lim)"
    context.close()
