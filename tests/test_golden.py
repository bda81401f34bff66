"""Golden output: what the engine makes of a ward's site (normalised HTML of one page per type,
the page list of both languages, hreflang pairs, language-switch targets, the sitemap's URL set),
compared with tests/golden/. A change of engine (ProperDocs, Zensical, MkDocs 2) or of a
library must leave these alone, or show, line by line, what it changed.

The site is the one `python -m heritage init` writes (fixture `init_ward`: a fictional ward,
fixed options, HERITAGE_TODAY and SITE_URL fixed, not in git): content the engine owns. This
repository's own content changes every month through content-only pull requests, which would
make golden files of it stale on main; only an engine or scaffold change touches these.

After an intended change: `pytest tests/test_golden.py --update-golden` (or
HERITAGE_UPDATE_GOLDEN=1), then read `git diff tests/golden` before committing.
"""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from scripts import golden

from .conftest import SAMPLE_URL, WARD_URL

GOLDEN = Path(__file__).parent / "golden"
NAMES = ["urls.txt", "files.txt", "hreflang.txt", "switch.txt", "sitemap.txt"] + [f"pages/{name}.html" for name in golden.PAGES]


def readable_diff(name: str, expected: str, actual: str) -> str:
    """A unified diff, stored file first, with the way to accept the change."""
    lines = difflib.unified_diff(expected.splitlines(keepends=True), actual.splitlines(keepends=True), f"tests/golden/{name} (stored)", f"{name} (this build)", n=2)
    return (
        f"tests/golden/{name} differs from this build:\n{''.join(lines)}\n"
        "If the change is intended: pytest tests/test_golden.py --update-golden, and review `git diff tests/golden`."
    )


@pytest.fixture(scope="module")
def snapshot(init_ward) -> dict[str, str]:
    return golden.snapshot(init_ward / "site", WARD_URL)


@pytest.mark.parametrize("name", NAMES)
def test_build_matches_golden(snapshot, update_golden, name):
    path = GOLDEN / name
    actual = snapshot[name]
    assert "(missing: " not in actual, f"{name}: the page is gone from the build of the ward `init` makes ({actual.strip()}); choose another in scripts/golden.py PAGES"
    if update_golden:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
        return
    assert path.is_file(), f"tests/golden/{name} is missing: run pytest tests/test_golden.py --update-golden"
    expected = path.read_text(encoding="utf-8")
    assert actual == expected, readable_diff(name, expected, actual)


def test_no_stale_golden_files(update_golden):
    stored = {p.relative_to(GOLDEN).as_posix() for p in GOLDEN.rglob("*") if p.is_file()}
    stale = sorted(stored - set(NAMES))
    if update_golden:
        for name in stale:
            (GOLDEN / name).unlink()
        return
    assert not stale, f"golden files no test compares: {stale} (--update-golden removes them)"


def test_golden_files_stay_small():
    total = sum(p.stat().st_size for p in GOLDEN.rglob("*") if p.is_file())
    assert 0 < total < 400_000, f"tests/golden/ holds {total} bytes: keep it to a few hundred KB"


PAGE = """<!doctype html><html><head><link rel="stylesheet" href="assets/stylesheets/main.57a0d79d.min.css?v=3"></head>
<body><div class="md-sidebar">nav</div><article class="md-content__inner md-typeset">
  <!-- a comment -->  <h1   id="x">Đình
   Tân An</h1>
<picture><source srcset="../media/a/anh-1-fa395516-480.avif 480w, ../media/a/anh-1-fa395516-960.avif 960w"><img src="../media/a/anh-1-fa395516-960.jpg?h=abc&amp;type=dinh" alt="Cổng" class="b a"></picture>
<pre>  two
  lines</pre></article></body></html>"""


def test_normaliser_keeps_meaning_and_drops_noise():
    text = golden.normalise_html(PAGE)
    assert text.startswith('<article class="md-content__inner md-typeset">'), text  # only the content region
    assert "nav" not in text and "comment" not in text
    assert " Đình Tân An\n" in text  # whitespace collapsed
    assert "anh-1-HASH-480.avif 480w, ../media/a/anh-1-HASH-960.avif 960w" in text
    assert 'src="../media/a/anh-1-HASH-960.jpg?type=dinh"' in text  # the cache buster goes, the filter stays
    assert "  two\n  lines" in text  # <pre> keeps its spaces
    # digest, spacing and attribute order make no difference; a word does
    same = PAGE.replace("fa395516", "0123abcd").replace('alt="Cổng" class="b a"', 'class="b a"  alt="Cổng"')
    assert golden.normalise_html(same) == text
    assert golden.normalise_html(PAGE.replace("Cổng", "Cửa")) != text


def test_a_difference_reads_as_a_unified_diff():
    message = readable_diff("pages/x.html", "<p>\n a\n</p>\n", "<p>\n b\n</p>\n")
    assert "--- tests/golden/pages/x.html (stored)" in message and "\n- a\n" in message and "\n+ b\n" in message
    assert "--update-golden" in message


@pytest.mark.parametrize(
    ("page", "href", "expected"),
    [
        ("/di-tich/a/", "../../en/di-tich/a/", "/en/di-tich/a/"),
        ("/en/", "./", "/en/"),
        ("/", "https://heritage.example.org/en/ban-do/", "/en/ban-do/"),
        ("/", "https://elsewhere.example.net/x", "https://elsewhere.example.net/x"),
    ],
)
def test_links_are_read_as_site_paths(page, href, expected):
    assert golden._site_path(SAMPLE_URL, page, href) == expected
