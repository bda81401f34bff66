"""The rules across fields that admin/hx-fields.js checks when saving, the settings' patterns and
the web address's whole rule, in the real form (Chromium, Decap with `make edit`'s proxy): each
mistake typed, save pressed, the save refused with the sentence `python -m heritage check` prints
for the same content written to the file, and nothing written under data/ or docs/."""

from __future__ import annotations

import shutil
from collections.abc import Callable

import pytest
import yaml
from playwright.sync_api import expect

from tests.conftest import REPO, Project, cms_guard, serve
from tests.editor import check_sentences, signed_in
from tests.test_cms_addresses import BAD
from tests.test_cms_forms_browser import _open, _publish
from tests.test_cms_rules_browser import _files
from tests.waiting import until


def _copy(root) -> Project:
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    for folder in ("hooks", "overrides", "data", "docs"):
        shutil.copytree(REPO / folder, root / folder)
    return Project(root)


@pytest.fixture(scope="module")
def editor(chromium, tmp_path_factory):
    """One signed-in form for the module, on a copy of the sample content; yields (page, project, url, errors)."""
    project = _copy(tmp_path_factory.mktemp("rules-editor"))
    (project.root / "node_modules").symlink_to(REPO / "node_modules")
    site = tmp_path_factory.mktemp("rules-admin-site")
    with pytest.MonkeyPatch.context() as patch, serve(site) as url, cms_guard(project.root, url.rstrip("/")) as proxy, signed_in(chromium, project.root, site, url, proxy, patch) as admin:
        yield admin.page, project, url, admin.errors


@pytest.fixture(scope="module")
def checked(tmp_path_factory):
    """What `python -m heritage check` says of a file changed as the form was: the new sentences
    (those the unchanged sample does not print), on a second copy of the sample."""
    project = _copy(tmp_path_factory.mktemp("rules-check"))
    baseline = set(check_sentences(project.check().stdout, form=True))

    def says(rel: str, change: Callable[[dict], None]) -> list[str]:
        path = project.root / rel
        before = path.read_text(encoding="utf-8")
        data = yaml.safe_load(before)
        change(data)
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        try:
            result = project.check()
        finally:
            path.write_text(before, encoding="utf-8")
        assert result.returncode == 1, result.stdout
        return [s for s in check_sentences(result.stdout, rel, form=True) if s not in baseline]

    return says


def _set(*path, value=None, delete=False):
    def change(data):
        for key in path[:-1]:
            data = data[key]
        if delete:
            del data[path[-1]]
        else:
            data[path[-1]] = value

    return change


def _both(*changes):
    def change(data):
        for c in changes:
            c(data)

    return change


def _fill(selector: str, text: str, nth: int = 0):
    return lambda page: page.locator(selector).nth(nth).fill(text)


def _click(selector: str):
    return lambda page: page.locator(selector).first.click()


def _stop(page):
    """The second stop becomes the first one's entry (a select: typed, then Enter)."""
    box = page.locator("[id^=entry-field]").nth(1)
    box.click()
    box.fill("chua-tan-an")
    page.keyboard.press("Enter")


FESTIVAL, SOLAR, RELIC, TRAIL = "le-hoi/hoi-lim", "le-hoi/festival-ve-mien-quan-ho", "di-tich/chua-tan-an", "trails/vong-dinh-chua-den"
LEAP = "[id^=leap-field]"  # Decap's toggle
# case → (entry, what is typed, the same change to the file)
CASES = {
    "a lunar day over 30": (FESTIVAL, [_fill("[data-number=day]", "31")], _set("when", "day", value=31)),
    "a solar date that does not exist (31/02)": (SOLAR, [_fill("[data-number=month]", "2"), _fill("[data-number=day]", "31")], _both(_set("when", "month", value=2), _set("when", "day", value=31))),
    "a leap month with the solar calendar": (SOLAR, [_click(LEAP)], _set("when", "leap", value=True)),
    "every without since": (SOLAR, [_fill("[data-number=since]", "")], _set("when", "since", delete=True)),
    "closing before opening": (RELIC, [_fill("[id^=closes-field]", "06:30")], lambda d: d["visit"]["hours"][0].update(closes="06:30")),
    "free and a fee": (RELIC, [_fill("[data-field=fee] [data-lang=vi]", "10.000 đồng"), _fill("[data-field=fee] [data-lang=en]", "10,000 dong")], _set("visit", "fee", value={"vi": "10.000 đồng", "en": "10,000 dong"})),
    "a stop repeated": (TRAIL, [_stop], lambda d: d["stops"][1].update(entry="chua-tan-an")),
    "a photo that is also a video": (RELIC, [_fill("[id^=youtube-field]", "dQw4w9WgXcQ")], lambda d: d["media"][0].update(youtube="dQw4w9WgXcQ")),
    "a photo without its description": (RELIC, [_fill("[data-field=alt] [data-lang=vi]", ""), _fill("[data-field=alt] [data-lang=en]", "")], lambda d: d["media"][0].pop("alt")),
    # the settings (data/site.yml)
    "a launch month that is not YEAR-MONTH": ("site", [_fill("[id^=launch-field]", "2026-13")], _set("column", "launch", value="2026-13")),
    "a logo outside data/": ("site", [_fill("[id^=logo-field]", "anh/../../logo.png")], _set("logo", value="anh/../../logo.png")),
    "a contact phone that is not one": ("site", [_fill("[id^=phone-field]", "gọi UBND")], _set("contact", "phone", value="gọi UBND")),
    "a contact e-mail that is not one": ("site", [_fill("[id^=email-field]", "van hoa@example")], _set("contact", "email", value="van hoa@example")),
    "a sign-in address that is not https": ("site", [_fill("[id^=auth_endpoint-field]", "http://dang-nhap.example/")], _set("cms", value={"auth_endpoint": "http://dang-nhap.example/"})),
}


def _open_entry(page, url: str, entry: str) -> None:
    if entry == "site":
        _open(page, url, "collections/cai-dat/entries/site", "[id^=launch-field]")
    else:
        section, name = entry.split("/")
        collection = "hanh-trinh" if section == "trails" else section
        _open(page, url, f"collections/{collection}/entries/{name}", "[data-field=name] [data-lang=vi]")


@pytest.mark.parametrize("case", list(CASES))
def test_a_mistake_across_fields_is_refused_in_make_checks_sentence(editor, checked, case):
    page, project, url, errors = editor
    entry, typing, change = CASES[case]
    expected = checked("data/site.yml" if entry == "site" else f"data/{entry}.yml", change)
    assert expected, "make check accepts it: not a mistake"
    before = _files(project.root)
    _open_entry(page, url, entry)
    for type_it in typing:
        type_it(page)
    _publish(page)
    for sentence in expected:
        page.get_by_text(sentence, exact=False).first.wait_for()
    assert _files(project.root) == before
    assert not [e for e in errors if "is not a function" in e], errors


def test_every_bad_web_address_is_refused_by_the_form_as_by_make_check(editor, checked):
    """The list tests/test_cms_addresses.py gives `make check`, typed one by one into site_url."""
    page, project, url, _ = editor
    before = _files(project.root)
    expected = checked("data/di-tich/chua-tan-an.yml", _set("sources", value=[{"title": "Nguồn", "url": bad} for bad in BAD]))
    assert len(expected) == len(BAD)
    _open_entry(page, url, "site")  # one form: each save after a refusal is refused for the address now typed
    for bad, sentence in zip(BAD, expected):
        page.locator("[id^=site_url-field]").fill(bad)
        _publish(page)
        page.get_by_text(sentence, exact=False).first.wait_for()
    assert _files(project.root) == before


# --- a number typed key by key; a rule across fields refused on its field -----------------------

NUMBER_TYPING = [("lat", ["21.2203"], "21.2203"), ("lat", ["21.05"], "21.05"), ("lon", ["106.0763"], "106.0763"),
                 ("lat", ["21.0"], "21.0"), ("lat", ["0.5"], "0.5"), ("lat", ["21.", "5"], "21.5")]


def _type_number(page, name: str, keys: list[str]) -> str:
    box = page.locator(f"[data-number={name}]")
    box.click()
    page.keyboard.press("Control+A")
    page.keyboard.press("Delete")
    for chunk in keys:
        page.keyboard.type(chunk)  # key by key, each one a change and a render
    return box.input_value()


def test_a_number_box_keeps_every_key_typed_and_saves_the_number(editor):
    """Zeros after the point were eaten as they were typed (21.2203 came out 21.223, 21.05 as 215):
    every key sequence gives what was typed, and the file holds the number."""
    page, project, url, errors = editor
    _open_entry(page, url, RELIC)
    for name, keys, shown in NUMBER_TYPING:
        assert _type_number(page, name, keys) == shown, (name, keys)
    _type_number(page, "lat", ["21.2203"])
    _type_number(page, "lon", ["106.0763"])
    path = project.root / f"data/{RELIC}.yml"
    before = path.read_text(encoding="utf-8")
    _publish(page)
    text = until(lambda: (now := path.read_text(encoding="utf-8")) != before and now, f"{path.name} saved by the proxy")
    assert "lat: 21.2203" in text and "lon: 106.0763" in text, text
    assert yaml.safe_load(text)["location"] == {**yaml.safe_load(before)["location"], "lat": 21.2203, "lon": 106.0763}
    result = project.check()
    assert result.returncode == 0, result.stdout
    assert not errors, errors


ON_FIELD = {
    # case → (entry, what is typed, the same change to the file, the field refused)
    "closing before opening": (RELIC, [_fill("[id^=closes-field]", "06:30")], lambda d: d["visit"]["hours"][0].update(closes="06:30"), "[id^=closes-field]", 0),
    "a stop repeated": (TRAIL, [_stop], lambda d: d["stops"][1].update(entry="chua-tan-an"), "[id^=entry-field]", 1),
}


@pytest.mark.parametrize("case", list(ON_FIELD))
def test_a_rule_across_fields_is_refused_on_its_field_and_scrolled_to(editor, checked, case):
    """The closing time, the repeated stop: refused on that field in make check's sentence, the
    field on screen, no toast naming no field; saved twice, still one refusal; no bare page error."""
    page, project, url, errors = editor
    entry, typing, change, selector, nth = ON_FIELD[case]
    (expected,) = checked(f"data/{entry}.yml", change)
    before = _files(project.root)
    _open_entry(page, url, entry)
    page.evaluate("window.scrollTo(0, 0)")
    for type_it in typing:
        type_it(page)
    page.locator("[class*=ControlPaneContainer]").first.evaluate("e => { e.scrollTop = 0; }")
    for _ in range(2):
        _publish(page)
        control = page.locator(selector).nth(nth).locator("xpath=ancestor::*[contains(@class, 'ControlContainer')][1]")
        refusal = control.locator("[class*=ControlErrorsList] li", has_text=expected)
        refusal.wait_for()
        expect(refusal).to_be_in_viewport()
    assert page.get_by_text("Không thể giữ lại mục", exact=False).count() == 0
    assert page.get_by_text(expected, exact=False).count() == 1
    assert _files(project.root) == before
    assert not [e for e in errors if "undefined" in e or "is not a function" in e], errors


def test_a_save_refused_twice_shows_one_toast_and_logs_the_refusal(editor, checked):
    """A rule still refused in a toast (a photo that is also a video): saved twice, one toast, not
    two stacked; the console has an Error with the refusal's words, not a bare `undefined`."""
    page, project, url, errors = editor
    (expected,) = checked(f"data/{RELIC}.yml", lambda d: d["media"][0].update(youtube="dQw4w9WgXcQ"))
    console: list[str] = []
    page.on("console", lambda m: console.append(m.text) if m.type == "error" else None)
    _open_entry(page, url, RELIC)
    page.locator("[id^=youtube-field]").first.fill("dQw4w9WgXcQ")
    for count in (1, 2):
        _publish(page)
        page.wait_for_function("n => document.querySelectorAll('.Toastify__toast').length >= n", arg=count)
    toast = page.locator(".Toastify__toast:visible", has_text=expected)
    expect(toast).to_have_count(1)
    assert [m for m in console if m.startswith("Error: ") and expected in m], console
    assert not [e for e in errors if "undefined" in e], errors
