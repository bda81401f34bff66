"""Our own CSS and JS are published minified; the repository keeps the commented sources
(heritage/outputs/minify.py). The browser tests run the minified scripts of the built site."""

from __future__ import annotations

import gzip

import pytest

from heritage.outputs import minify
from heritage.urls import OWN_ASSETS

from .conftest import REPO

SOURCES = REPO / "overrides" / OWN_ASSETS


@pytest.mark.parametrize("name", ["heritage.css", "map.js", "offline.js", "trail.js"])
def test_published_assets_are_smaller_and_keep_their_code(sample_site, name):
    source = (SOURCES / name).read_text(encoding="utf-8")
    published = (sample_site.root / "site" / OWN_ASSETS / name).read_text(encoding="utf-8")
    assert len(gzip.compress(published.encode())) < len(gzip.compress(source.encode()))
    assert "/*" not in published and "\n// " not in published  # comments gone
    marker = "--hx-border" if name.endswith(".css") else "addEventListener"
    assert marker in published  # the code itself kept


def test_only_our_css_and_js_are_touched(tmp_path):
    folder = tmp_path / OWN_ASSETS
    folder.mkdir(parents=True)
    (folder / "a.js").write_text("// why\nvar  x = 1;\n", encoding="utf-8")
    (folder / "a.css").write_text("/* why */\nbody {  color: red; }\n", encoding="utf-8")
    (folder / "note.txt").write_text("/* keep */\n", encoding="utf-8")
    assert minify.minify_assets(tmp_path) > 0
    assert (folder / "a.js").read_text() == "var x=1;\n"
    assert (folder / "a.css").read_text() == "body{color:red}\n"
    assert (folder / "note.txt").read_text() == "/* keep */\n"
