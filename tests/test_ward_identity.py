"""A ward's identity from its own data (issue 29): its colours paint the pages (read back in
Chromium), the browser's bar, the installed app, the QR landings, the plaques and the report's
charts; its SVG emblem is the favicon, the iOS icon and the app's icons."""

from __future__ import annotations

import html
import json
import re
import sys
import xml.etree.ElementTree as ET

import pytest
import yaml
from PIL import Image

from heritage import urls
from heritage.pages.theme_colors import Palette

from .conftest import TODAY, Project, serve
from .test_second_ward import SITE_YML, _ward

PRIMARY, ACCENT = "#1f4e8c", "#2e6b34"
GREEN, YELLOW, WHITE = (0x2E, 0x6B, 0x34), (0xFF, 0xCC, 0x00), (255, 255, 255)
# A round green seal with a yellow square at its heart, on a transparent ground.
EMBLEM = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">'
    '<circle cx="50" cy="50" r="50" fill="#2e6b34"/><rect x="38" y="38" width="24" height="24" fill="#ffcc00"/></svg>'
)
ICONS = {urls.FAVICON: 0.8, urls.APPLE_TOUCH_ICON: 0.8, **{p: 0.8 for p in urls.APP_ICONS.values()}, **{p: 0.6 for p in urls.MASKABLE_ICONS.values()}}


@pytest.fixture(scope="module")
def blue_ward(tmp_path_factory) -> Project:
    project = _ward(tmp_path_factory.mktemp("blue-ward"))
    project.write("data/site.yml", yaml.safe_dump({**SITE_YML, "colors": {"primary": PRIMARY, "accent": ACCENT}, "logo": "con-dau.svg"}, allow_unicode=True, sort_keys=False))
    project.write("data/con-dau.svg", EMBLEM)
    project.write("docs/vi/gioi-thieu/index.md", "---\ntitle: Giới thiệu\n---\n\nXem [Đình Phú Lạc](../di-tich/dinh-phu-lac.md).\n")
    result = project.build(SITE_URL="https://phulac.example.org/")
    assert result.returncode == 0, result.stdout + result.stderr
    return project


def _rgb(hex_colour: str) -> str:
    r, g, b = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    return f"rgb({r}, {g}, {b})"


def test_its_pages_are_painted_in_its_colours(blue_ward, chromium):
    """Computed style, as a visitor's browser paints it: the header, a link, the tabs' dark shade."""
    palette = Palette(PRIMARY, ACCENT)
    page = chromium.new_page(viewport={"width": 1200, "height": 900})
    try:
        with serve(blue_ward.root / "site") as base:
            page.goto(base + "gioi-thieu/")
            header = page.eval_on_selector(".md-header", "e => getComputedStyle(e).backgroundColor")
            link = page.eval_on_selector(".md-content .md-typeset a[href*='dinh-phu-lac']", "e => getComputedStyle(e).color")
            tabs = page.eval_on_selector(".md-tabs", "e => getComputedStyle(e).backgroundColor")
            accent = page.evaluate("getComputedStyle(document.documentElement).getPropertyValue('--md-accent-fg-color').trim()")
    finally:
        page.close()
    assert (header, link, tabs, accent) == (_rgb(PRIMARY), _rgb(PRIMARY), _rgb(palette.dark), ACCENT)


def test_the_browser_bar_the_app_and_the_qr_landing_take_the_primary(blue_ward):
    site = blue_ward.root / "site"
    assert f'<meta name="theme-color" content="{PRIMARY}">' in blue_ward.html("")
    for lang in ("vi", "en"):
        assert json.loads((site / urls.manifest(lang)).read_text(encoding="utf-8"))["theme_color"] == PRIMARY
    landing = (site / "q" / "dinh-phu-lac" / "index.html").read_text(encoding="utf-8")
    assert f"background:{PRIMARY}" in landing and "#8a1c1c" not in landing
    offline = (site / "ngoai-tuyen" / "index.html").read_text(encoding="utf-8")
    assert f'content="{PRIMARY}"' in offline and "#8a1c1c" not in offline


@pytest.mark.parametrize("rel, share", ICONS.items())
def test_favicon_and_app_icons_are_drawn_from_its_emblem(blue_ward, rel, share):
    """Read pixel by pixel: the seal's yellow heart in the middle, its green ring around it,
    an opaque white ground in the corners (iOS and launchers would fill a transparent one)."""
    image = Image.open(blue_ward.root / "site" / rel).convert("RGB")
    side = image.width
    glyph = side * share

    def near(pixel, colour):
        return all(abs(a - b) <= 12 for a, b in zip(pixel, colour))

    centre = side // 2
    assert near(image.getpixel((centre, centre)), YELLOW)
    assert near(image.getpixel((round(centre + 0.3 * glyph), centre)), GREEN)
    assert near(image.getpixel((round(centre - 0.3 * glyph), centre)), GREEN)
    assert near(image.getpixel((1, 1)), WHITE) and near(image.getpixel((side - 2, side - 2)), WHITE)
    # the seal spans its share of the side, no more (the maskable ones stay in the safe zone)
    row = [x for x in range(side) if not near(image.getpixel((x, centre)), WHITE)]
    assert abs((row[-1] - row[0] + 1) - glyph) <= max(2, side * 0.02)


def test_its_plaques_and_charts_use_its_colour(blue_ward):
    plaques = blue_ward.run(sys.executable, "-m", "heritage", "plaques", "dinh-phu-lac", "--out", "bien", env={"SITE_URL": "https://phulac.example.org/"})
    assert plaques.returncode == 0, plaques.stderr
    svg = ET.parse(next((blue_ward.root / "bien").glob("dinh-phu-lac-*.svg"))).getroot()
    fills = {e.get("fill") for e in svg.iter() if e.get("fill")}
    assert Palette(PRIMARY).dark in fills and "#5e0f0f" not in fills
    report = blue_ward.run(sys.executable, "-m", "heritage", "report", "--year", TODAY[:4])
    assert report.returncode == 0, report.stderr
    chart = next((blue_ward.root / "bao-cao").rglob("*danh-muc.svg")).read_text(encoding="utf-8")
    assert re.search(PRIMARY, chart, re.I) and not re.search("#8a1c1c", chart, re.I)


def test_the_heading_font_has_a_glyph_for_its_name_and_every_heading(blue_ward):
    """Whatever the ward is called: the subset (heritage/media/fonts.py) covers every character
    the heading font draws, in every page of both languages: h1-h3, the header's title, the tabs."""
    from fontTools.ttLib import TTFont

    site = blue_ward.root / "site"
    cmap = set(TTFont(site / urls.HEADING_FONT).getBestCmap())
    drawn = re.compile(r'<h([1-3])[^>]*>(.*?)</h\1>|<span class="md-ellipsis">(.*?)</span>|class="md-tabs__link">(.*?)</a>', re.S)
    seen, missing = set(), set()
    for page in site.rglob("*.html"):
        for match in drawn.finditer(page.read_text(encoding="utf-8")):
            text = html.unescape(re.sub(r"<[^>]+>", "", next(g for g in match.groups()[1:] if g is not None)))
            seen.update(text)
            missing.update(ch for ch in text if not ch.isspace() and ord(ch) not in cmap)
    assert set("Di sản Phú Lạc") <= seen and set("Phú Lạc Heritage") <= seen  # the scan reads the names
    assert missing == set()


@pytest.mark.parametrize("side, warned", [(64, True), (191, True), (192, False), (600, False)])
def test_a_raster_emblem_too_small_for_the_app_icons_is_a_warning(tmp_path, side, warned):
    from heritage.media import emblem

    (tmp_path / "data").mkdir()
    Image.new("RGB", (side, side), (0, 90, 0)).save(tmp_path / "data" / "logo.png")
    found = emblem.problems(tmp_path, "logo.png")
    assert [(p.severity, p.field) for p in found] == ([("warning", "logo")] if warned else [])
    if warned:
        assert f"{side}" in found[0].vi and "mờ" in found[0].vi and "blurred" in found[0].en and "512" in found[0].fix_en
