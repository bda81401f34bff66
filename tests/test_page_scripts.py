"""Each page loads the small scripts whose markup it has, and no other (heritage/pages/scripts.py)."""

from __future__ import annotations

import re

import pytest

from heritage.pages import scripts

FILTERS, MEDIA, SHARE = "assets/heritage/filters.js", "assets/heritage/media.js", "assets/heritage/share.js"


@pytest.mark.parametrize(
    "html, wanted",
    [
        ('<form class="hx-filters" data-hx-filter hidden>', [FILTERS]),
        ('<a class="hx-zoom" href="a.jpg" data-hx-lightbox>', [MEDIA]),
        ('<a data-hx-youtube="abc">', [MEDIA]),
        ('<div class="hx-share" data-hx-share data-url="u"></div><ul data-hx-gallery>', [MEDIA, SHARE]),
        ("<p>Nothing that a script works on.</p>", []),
    ],
)
def test_markup_decides_the_scripts(html, wanted):
    assert scripts.needed_by(html) == wanted


def loaded(html: str) -> set[str]:
    return {src.rsplit("assets/", 1)[-1] for src in re.findall(r'<script src="([^"]+)"', html)}


@pytest.mark.parametrize("prefix", ["", "en/"])
@pytest.mark.parametrize(
    "path, wanted",
    [
        ("di-tich/", {FILTERS}),
        ("chuyen-muc/", {FILTERS}),
        ("di-tich/dinh-tan-an/", {MEDIA, SHARE}),
        ("ban-do/", set()),
        ("hanh-trinh/vong-dinh-chua-den/", set()),
        ("tim-kiem/", set()),
    ],
)
def test_pages_load_only_the_scripts_they_use(sample_site, prefix, path, wanted):
    html = sample_site.html(prefix + path)
    ours = {"assets/" + s for s in loaded(html)} & {FILTERS, MEDIA, SHARE}
    assert ours == wanted
    assert "assets/heritage/offline.js" in {"assets/" + s for s in loaded(html)}  # on every page
