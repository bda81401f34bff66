"""Saving again in the same form (Chromium, Decap with `make edit`'s proxy): a mistake, save
refused; another mistake in the same form, save refused again with the new mistake's sentence
(the one `python -m heritage check` prints for it) and nothing written; the value corrected,
saved. An officer keeps the form open between attempts: each refusal must name what is in the
box now, never the earlier value."""

from __future__ import annotations

import yaml

from tests.test_cms_forms_browser import _publish, _wait_change
from tests.test_cms_rules_browser import _files
from tests.test_cms_rules_more_browser import _open_entry, _set, checked, editor  # noqa: F401 (fixtures)

RELIC = "data/di-tich/chua-tan-an.yml"


def _refused(page, project, before: dict[str, str], sentence: str, gone: str | None = None) -> None:
    """The save is refused with `sentence` on screen (and, for a field's own refusal, the earlier
    one `gone` no longer shown); nothing under data/ or docs/ changed."""
    page.get_by_text(sentence, exact=False).first.wait_for()
    if gone is not None:
        page.get_by_text(gone, exact=False).first.wait_for(state="detached")
    assert _files(project.root) == before


def _retype(page, selector: str, text: str) -> None:
    """As an officer does: into the box with Tab (which selects its text), then typing."""
    page.locator(selector).first.click()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    page.keyboard.type(text)


def test_the_settings_refuse_a_second_bad_address_in_its_own_words_then_save_a_good_one(editor, checked):  # noqa: F811
    page, project, url, errors = editor
    first, second, good = "javascript:alert(1)", "ftp://ban-quan-ly.example/", "https://di-san.example.org/"
    said_first, said_second = (checked("data/site.yml", _set("site_url", value=v)) for v in (first, second))
    assert said_first and said_second and said_first != said_second
    before = _files(project.root)
    _open_entry(page, url, "site")
    box = "[id^=site_url-field]"
    page.locator(box).fill(first)
    _publish(page)
    _refused(page, project, before, said_first[0])
    _retype(page, box, second)
    assert page.locator(box).input_value() == second  # typed over the refused address, not after it
    _publish(page)
    _refused(page, project, before, said_second[0], gone=said_first[0])
    page.locator(box).fill(second)  # Playwright's fill too: select, then type
    assert page.locator(box).input_value() == second
    page.locator(box).fill(good)
    assert page.locator(box).input_value() == good
    _publish(page)
    site = project.root / "data/site.yml"
    written = _wait_change(site, before["data/site.yml"])
    assert yaml.safe_load(written)["site_url"] == good
    assert {k for k, v in _files(project.root).items() if before.get(k) != v} == {"data/site.yml"}
    assert project.check().returncode == 0
    assert not [e for e in errors if "is not a function" in e], errors


def test_an_entry_refuses_each_new_mistake_in_its_own_words_then_saves_the_corrected_one(editor, checked):  # noqa: F811
    page, project, url, errors = editor
    original = yaml.safe_load((project.root / RELIC).read_text(encoding="utf-8"))
    lat = str(original["location"]["lat"])
    closes = original["visit"]["hours"][0]["closes"]
    mistakes = {  # what is typed, each into the form as the previous attempt left it
        "301": ("[data-field=summary] [data-lang=vi]", "ẽ" * 301, _set("summary", "vi", value="ẽ" * 301)),
        "305": ("[data-field=summary] [data-lang=vi]", "ẽ" * 305, _set("summary", "vi", value="ẽ" * 305)),
        "swapped": ("[data-number=lat]", "106.17", _set("location", "lat", value=106.17)),
        "comma": ("[data-number=lat]", "21,22", _set("location", "lat", value="21,22")),
        "closing first": ("[id^=closes-field]", "06:30", lambda d: d["visit"]["hours"][0].update(closes="06:30")),
        "photo and video": ("[id^=youtube-field]", "dQw4w9WgXcQ", lambda d: d["media"][0].update(youtube="dQw4w9WgXcQ")),
    }
    said = {name: checked(RELIC, change)[0] for name, (_, _, change) in mistakes.items()}
    assert len(set(said.values())) == len(said), said
    corrections = {"305": "Ngôi chùa làng.", "comma": lat, "closing first": closes, "photo and video": ""}
    before = _files(project.root)
    _open_entry(page, url, "di-tich/chua-tan-an")
    previous = None
    for name, (selector, text, _) in mistakes.items():
        page.locator(selector).first.fill(text)
        assert page.locator(selector).first.input_value() == text
        _publish(page)
        # a field's own refusal replaces the earlier one of the same field; a rule across fields
        # is refused when saving, in a notice that may still show the earlier notice beside it
        same_field = previous is not None and mistakes[previous][0] == selector and name not in ("closing first", "photo and video")
        _refused(page, project, before, said[name], gone=said[previous] if same_field else None)
        if name in corrections:
            page.locator(selector).first.fill(corrections[name])
        previous = name
    _publish(page)
    written = yaml.safe_load(_wait_change(project.root / RELIC, before[RELIC]))
    assert written["summary"]["vi"] == "Ngôi chùa làng."
    assert (written["location"]["lat"], written["location"]["lon"], written["visit"]["hours"][0]["closes"]) == (original["location"]["lat"], original["location"]["lon"], closes)
    assert not written["media"][0].get("youtube")
    changed = {k for k, v in _files(project.root).items() if before.get(k) != v}
    assert RELIC in changed and all(k == RELIC or k.startswith("docs/") for k in changed), changed
    assert project.check().returncode == 0, project.check().stdout
    assert not [e for e in errors if "is not a function" in e], errors
