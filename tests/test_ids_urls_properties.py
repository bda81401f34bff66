"""The id rules and the site's addresses, on generated ids and names (Hypothesis).

An id is a file name, an address and a printed QR code: lowercase ASCII letters and digits in
groups joined by single hyphens, 1 to 60 characters (the contract). The addresses built from
it are relative site paths (no leading slash, a folder's ending slash) that need no escaping,
the Vietnamese one without a language prefix, and `from_source` finds the same address from
the Markdown page's path.
"""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import quote, urljoin

import pytest
from hypothesis import given
from hypothesis import strategies as st

from heritage import urls
from heritage.content.schema import ID_MAX_LENGTH, ID_PATTERN
from heritage.sections import COLUMN, ENTRY_SECTIONS, LANGUAGES
from heritage.text import slugify
from heritage.scaffold import new as scaffold

from .properties import properties

PROPERTIES = properties(200)

LOWER_ASCII = "abcdefghijklmnopqrstuvwxyz0123456789"


def is_an_id(text: str) -> bool:
    """The contract's rule, written without a regular expression."""
    groups = text.split("-")
    return 1 <= len(text) <= 60 and all(group and all(ch in LOWER_ASCII for ch in group) for group in groups)


ids = st.lists(st.text(alphabet=LOWER_ASCII, min_size=1, max_size=8), min_size=1, max_size=6).map("-".join).filter(lambda s: len(s) <= 60)
near_ids = st.text(alphabet=LOWER_ASCII[:4] + "-_AĐđ é./\n" + "0", max_size=64)


@PROPERTIES
@given(st.one_of(ids, near_ids, st.text(max_size=70)))
def test_the_id_pattern_is_the_contract_s_rule(text):
    assert bool(ID_PATTERN.fullmatch(text)) == is_an_id(text)


def test_the_longest_id():
    assert ID_MAX_LENGTH == 60
    assert ID_PATTERN.fullmatch("a" * 60) and not ID_PATTERN.fullmatch("a" * 61)


@PROPERTIES
@given(ids.filter(lambda s: s not in urls.RESERVED_IDS), st.sampled_from(["\n", " ", "-", "\t", "Đ", "/x"]))
def test_new_refuses_an_id_with_anything_after_it_and_writes_nothing(tmp_path_factory, entry_id, tail):
    """`make new ID=…` with a stray line break pasted after the id ($ alone would let it through)."""
    root = tmp_path_factory.mktemp("new")
    with pytest.raises(scaffold.ScaffoldError):
        scaffold.new(root, "di-tich", entry_id + tail, "Đình", "Communal house", dt.date(2026, 1, 1))
    assert list(root.iterdir()) == []


@PROPERTIES
@given(st.text(alphabet="Đình TânAnlễhộiChùaBútThápường 0123-,.()", min_size=1, max_size=80))
def test_the_suggested_file_name_of_a_vietnamese_name_is_an_id(name):
    """'Đình Tân An.yml' → 'dinh-tan-an.yml', as the error message suggests."""
    suggestion = slugify(name)[:ID_MAX_LENGTH].strip("-")
    assert suggestion == "" or ID_PATTERN.fullmatch(suggestion)


def test_reserved_ids_are_ids_the_site_would_otherwise_accept():
    """So it is the reserved list, not the form, that keeps `index`, `con`, `q`… from naming an entry."""
    assert {"index", "404", "q", "media", "search", "admin", "con", "nul", "com1", "lpt9", *LANGUAGES, *ENTRY_SECTIONS} <= urls.RESERVED_IDS
    assert all(ID_PATTERN.fullmatch(name) for name in urls.RESERVED_IDS)


@PROPERTIES
@given(st.sampled_from(LANGUAGES), st.sampled_from(sorted(ENTRY_SECTIONS)), ids)
def test_entry_addresses(lang, section, entry_id):
    path = urls.entry(lang, section, entry_id)
    expected_prefix = "" if lang == "vi" else f"{lang}/"
    assert path == f"{expected_prefix}{section}/{entry_id}/"
    assert quote(path, safe="/") == path and not path.startswith("/")
    assert urls.from_source(f"{lang}/{section}/{entry_id}.md") == path
    assert urls.festival_ics(lang, section, entry_id) == path + entry_id + ".ics"
    assert urljoin("https://ward.example/sub/", path) == f"https://ward.example/sub/{path}"
    assert urls.absolute("https://ward.example/sub/", "/" + path) == f"https://ward.example/sub/{path}"


@PROPERTIES
@given(st.sampled_from(LANGUAGES), ids, st.sampled_from(["", urls.CALENDAR, urls.MAP, urls.OPEN_DATA, urls.TRAILS]))
def test_pages_posts_and_trails(lang, some_id, folder):
    prefix = "" if lang == "vi" else f"{lang}/"
    assert urls.page(lang, folder) == prefix + (f"{folder}/" if folder else "")
    assert urls.from_source(f"{lang}/{folder}/index.md" if folder else f"{lang}/index.md") == urls.page(lang, folder)
    assert urls.post(lang, some_id) == f"{prefix}{COLUMN.key}/{some_id}/"
    assert urls.trail(lang, some_id) == f"{prefix}{urls.TRAILS}/{some_id}/"
    assert urls.trail_gpx(lang, some_id) == f"{prefix}{urls.TRAILS}/{some_id}/{some_id}.gpx"
    assert urls.feed(lang) == f"{prefix}{COLUMN.key}/feed.xml"
    assert urls.manifest(lang) == f"{prefix}manifest.webmanifest"
    assert urls.search_index(lang) == f"search/{lang}.json"
    assert urls.qr_landing(some_id) == f"q/{some_id}/"
    assert urls.media_source(some_id, "anh/cong.jpg") == f"data/media/{some_id}/anh/cong.jpg"


def test_calendar_files_are_named_in_their_language():
    assert urls.ics("vi") == "lich-le-hoi/lich-le-hoi.ics"
    assert urls.ics("en") == "en/lich-le-hoi/festivals.ics"
    # the brochure and the open data are named after the site (its Vietnamese name as ASCII)
    slug = urls.site_slug("Di sản Tân An")
    assert slug == "di-san-tan-an" and urls.site_slug("!!!") == "di-san"
    assert urls.brochure(slug, 2026) == "gioi-thieu/di-san-tan-an-2026.pdf"
    assert urls.open_data_files(slug)["csv"] == "du-lieu/di-san-tan-an.csv"
