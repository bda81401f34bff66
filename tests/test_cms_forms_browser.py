"""The web editor on the repository's own sample content, in real Chromium against Decap's real
local proxy (scripts/cms-guard.js): every entry, trail, event, post and the settings open in the form
(the settings' newer fields shown); a new event made in the form passes `make check`;
the weekday picker writes `daily` and a list that `make check` accepts; a bilingual photo credit
survives a save; a taken id and a photo without its description are refused in `make check`'s words."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest
import yaml

from heritage.content.loader import id_taken
from heritage.content.messages import RULES
from heritage.content.schema import SCHEMAS
from heritage.editor.words import both, form_words, missing_field
from tests.conftest import REPO, Project, cms_guard, serve
from tests.editor import ERROR_PAGE, open_afresh, signed_in
from tests.waiting import until


@pytest.fixture
def sample_editor(chromium, tmp_path_factory, monkeypatch):
    """/admin/ of a copy of the repository's sample content, with `make edit`'s proxy; yields (page, project, url, errors)."""
    root = tmp_path_factory.mktemp("sample-editor")
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    for folder in ("hooks", "overrides", "data", "docs"):
        shutil.copytree(REPO / folder, root / folder)
    (root / "node_modules").symlink_to(REPO / "node_modules")
    project = Project(root)
    site = tmp_path_factory.mktemp("sample-admin-site")
    with serve(site) as url, cms_guard(root, url.rstrip("/")) as proxy, signed_in(chromium, root, site, url, proxy, monkeypatch) as admin:
        yield admin.page, project, url, admin.errors


def _open(page, url: str, hash_path: str, ready: str) -> None:
    """Opens a form (a new hash alone does not leave Decap's editor: reload) and waits for `ready`."""
    page.goto(url + "admin/#/" + hash_path)
    # the new document is enough: the form's own field says when Decap is ready (waiting for
    # "load" as well timed out once, at 60 s, in a whole run on a loaded machine)
    page.reload(wait_until="commit")
    page.locator(f"{ready}, {ERROR_PAGE}").first.wait_for(timeout=90_000)
    assert page.locator(ERROR_PAGE).count() == 0, page.locator(ERROR_PAGE).inner_text()


def _publish(page) -> None:
    page.get_by_role("button", name="Công bố").first.click()
    page.get_by_role("menuitem", name="Công bố ngay").click()


def _wait_change(path: Path, before: str, seconds: float = 30) -> str:
    """The file's new text once the proxy has written it; fails if it never changes."""
    return until(lambda: (text := path.read_text(encoding="utf-8")) != before and text, f"{path.name} to change", seconds)


def _check(project: Project) -> None:
    result = project.check()
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_sample_entry_trail_post_and_the_settings_open_in_the_form(sample_editor):
    page, project, url, errors = sample_editor
    root = project.root
    opened = 0
    for section in SCHEMAS:
        for path in sorted((root / "data" / section).glob("*.yml")):
            name = yaml.safe_load(path.read_text(encoding="utf-8"))["name"]["vi"]
            open_afresh(page, url, section, path.stem, "[data-field=name] [data-lang=vi]", timeout=90_000)
            assert page.locator("[data-field=name] [data-lang=vi]").first.input_value() == name, path  # (an organiser has a name too)
            opened += 1
    for path in sorted((root / "data" / "trails").glob("*.yml")):
        open_afresh(page, url, "hanh-trinh", path.stem, "[data-field=stops], [id^=entry-field]", timeout=90_000)
        assert page.locator("[data-field=name] [data-lang=vi]").input_value() == yaml.safe_load(path.read_text(encoding="utf-8"))["name"]["vi"]
        opened += 1
    for path in sorted((root / "data" / "su-kien").glob("*.yml")):
        open_afresh(page, url, "su-kien", path.stem, "[id^=start-field]", timeout=90_000)
        event = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert page.locator("[data-field=name] [data-lang=vi]").input_value() == event["name"]["vi"]
        assert page.locator("[id^=start-field]").input_value() == event["time"]["start"], path
        opened += 1
    for path in sorted((root / "docs" / "vi" / "chuyen-muc").glob("*.md")):
        if path.name == "index.md":
            continue
        open_afresh(page, url, "chuyen-muc", path.stem, "[id^=title-field]", timeout=90_000)
        title = yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])["title"]
        assert page.locator("[id^=title-field]").first.input_value() == title
        opened += 1
    _open(page, url, "collections/cai-dat/entries/site", "[data-field=site_name] [data-lang=vi]")
    # no raw field name as a label (VISIT, TAGLINE…): every label is "Tiếng Việt / English"
    labels = page.locator("label[for]").evaluate_all("ls => ls.map(l => l.textContent.trim())")
    assert len(labels) > 30 and not [t for t in labels if " / " not in t], labels
    assert page.get_by_text("Chức vụ / Position").count() == 1  # the signer's title, not an honour title
    # the newer fields of data/site.yml show their values under labels in both languages
    site = yaml.safe_load((root / "data" / "site.yml").read_text(encoding="utf-8"))
    for name, value, label in (
        ("locality", site["locality"], "Tên phường khi viết trong câu / The ward in a sentence"),
        ("description", site["description"], "Mô tả cho công cụ tìm kiếm / Description for search engines"),
        ("plan", site["report"]["plan"], "Kế hoạch mà báo cáo thực hiện / The plan the report answers"),
        ("intro", site["practical"]["intro"], "Lời dẫn / Introduction"),
    ):
        box = page.locator(f"[data-field={name}]").last  # (the brochure's intro comes before the practical block's)
        assert [box.locator(f"[data-lang={lang}]").input_value() for lang in ("vi", "en")] == [value["vi"], value["en"]], name
        assert page.get_by_text(label, exact=False).count() >= 1, label  # (Decap may add "không bắt buộc")
    assert page.get_by_text("Kế hoạch tham quan (thông tin cho khách) / Plan your trip (practical information)", exact=False).count() == 1
    assert opened >= 20
    assert not [e for e in errors if "is not a function" in e], errors


def _days(page, nth: int = 0):
    return page.locator("[data-field=days]").nth(nth)


def test_the_weekday_picker_writes_daily_and_a_list_that_make_check_accepts(sample_editor):
    page, project, url, _ = sample_editor
    target = project.root / "data" / "di-tich" / "dinh-tan-an.yml"
    assert yaml.safe_load(target.read_text(encoding="utf-8"))["visit"]["hours"][0]["days"] == "daily"
    _open(page, url, "collections/di-tich/entries/dinh-tan-an", "[data-field=days]")
    days = _days(page)
    assert days.locator("[data-day=daily]").is_checked() and days.locator("[data-day=su]").is_checked()
    assert "Thứ Hai / Monday" in days.inner_text() and "Hằng ngày / Every day" in days.inner_text()
    days.locator("[data-day=sa]").uncheck()
    days.locator("[data-day=su]").uncheck()  # Monday to Friday
    assert not days.locator("[data-day=daily]").is_checked()
    before = target.read_text(encoding="utf-8")
    _publish(page)
    after = _wait_change(target, before)
    assert yaml.safe_load(after)["visit"]["hours"][0]["days"] == ["mo", "tu", "we", "th", "fr"]
    _check(project)

    _open(page, url, "collections/di-tich/entries/dinh-tan-an", "[data-field=days]")
    days = _days(page)
    days.locator("[data-day=su]").check()
    days.locator("[data-day=sa]").check()  # all seven ticked: every day
    assert days.locator("[data-day=daily]").is_checked()
    before = target.read_text(encoding="utf-8")
    _publish(page)
    after = _wait_change(target, before)
    assert yaml.safe_load(after)["visit"]["hours"][0]["days"] == "daily"
    _check(project)

    # nothing ticked: refused in the form with make check's sentence, nothing written
    _open(page, url, "collections/di-tich/entries/dinh-tan-an", "[data-field=days]")
    _days(page).locator("[data-day=daily]").uncheck()
    before = target.read_text(encoding="utf-8")
    _publish(page)
    page.get_by_text(RULES["visit-day"][0].format(value="[]"), exact=False).first.wait_for()
    assert target.read_text(encoding="utf-8") == before


def test_a_bilingual_photo_credit_is_shown_and_saved_as_it_was(sample_editor):
    page, project, url, _ = sample_editor
    target = project.root / "data" / "di-tich" / "chua-tan-an.yml"
    before = target.read_text(encoding="utf-8")
    old = yaml.safe_load(before)
    assert old["media"][0]["credit"] == {"vi": "Ảnh minh họa do máy tạo", "en": "Generated placeholder image"}
    _open(page, url, "collections/di-tich/entries/chua-tan-an", "[data-field=credit]")
    credit = page.locator("[data-field=credit]").first
    assert credit.locator("[data-lang=vi]").input_value() == "Ảnh minh họa do máy tạo"
    assert credit.locator("[data-lang=en]").input_value() == "Generated placeholder image"
    assert page.get_by_text("Map {", exact=False).count() == 0
    # no change in meaning (Decap saves only a changed form): a trailing space, which the schema strips
    name = page.locator("[data-field=name] [data-lang=en]")
    name.press("End")
    name.press(" ")
    _publish(page)
    after = _wait_change(target, before)
    new = yaml.safe_load(after)
    assert [m["credit"] for m in new["media"]] == [m["credit"] for m in old["media"]]
    # unchanged in meaning: the schema reads the same entry (times like 07:00 are re-read as the schema says)
    assert SCHEMAS["di-tich"].model_validate(new) == SCHEMAS["di-tich"].model_validate(old)
    _check(project)


def test_a_bilingual_credit_can_become_one_name_for_both_languages(sample_editor):
    page, project, url, _ = sample_editor
    target = project.root / "data" / "di-tich" / "chua-tan-an.yml"
    before = target.read_text(encoding="utf-8")
    _open(page, url, "collections/di-tich/entries/chua-tan-an", "[data-field=credit]")
    credit = page.locator("[data-field=credit]").first
    credit.locator("[data-either=toggle]").uncheck()  # one text for both languages
    assert credit.locator("[data-lang=both]").input_value() == "Ảnh minh họa do máy tạo"
    credit.locator("[data-lang=both]").fill("Nguyễn Văn A")
    _publish(page)
    after = _wait_change(target, before)
    assert yaml.safe_load(after)["media"][0]["credit"] == "Nguyễn Văn A"
    _check(project)


def test_a_taken_id_is_refused_for_a_new_entry_or_trail(sample_editor):
    page, project, url, _ = sample_editor
    root = project.root
    for collection, taken, where, trail in (
        ("di-tich", "hoi-lim", "data/le-hoi/hoi-lim.yml", False),  # another section
        ("di-tich", "chua-tan-an", "data/di-tich/chua-tan-an.yml", False),  # the same section: Decap would save chua-tan-an-1
        ("hanh-trinh", "dinh-tan-an", "data/di-tich/dinh-tan-an.yml", True),  # a trail named like an entry
    ):
        _open(page, url, f"collections/{collection}/new", "[id^=id-field]")
        page.locator("[id^=id-field]").fill(taken)
        page.locator("[data-field=name] [data-lang=vi]").fill("Tên thử")
        page.locator("[data-field=name] [data-lang=en]").fill("Test name")
        _publish(page)
        sentence = id_taken(taken, where, trail)[0]
        page.get_by_text(sentence, exact=False).first.wait_for()
        assert not (root / "data" / collection / f"{taken}-1.yml").exists()
    # a reserved name too
    _open(page, url, "collections/di-tich/new", "[id^=id-field]")
    page.locator("[id^=id-field]").fill("admin")
    _publish(page)
    page.get_by_text("Mã 'admin' là tên dành riêng", exact=False).first.wait_for()
    assert not (root / "data" / "di-tich" / "admin.yml").exists()


def _errors_of(page, box) -> list[str]:
    """The refusals Decap shows on a field: the list beside its label (label[for] is its first box)."""
    return page.locator(f'label[for="{box.get_attribute("id")}"] + ul li').all_inner_texts()


def test_a_photo_without_its_description_or_licence_is_refused_on_the_field(sample_editor):
    page, project, url, _ = sample_editor
    target = project.root / "data" / "di-tich" / "chua-tan-an.yml"
    before = target.read_text(encoding="utf-8")
    _open(page, url, "collections/di-tich/entries/chua-tan-an", "[data-field=alt]")
    # the licence is a choice of the vocabulary's (issue 27), shown with both labels: no typing,
    # so no name `make check` would refuse
    assert page.locator("[id^=license-field]").count() >= 1
    assert page.get_by_text("CC0 1.0 (dùng tự do, không cần ghi nguồn) / CC0 1.0 (public domain dedication)", exact=True).first.is_visible()
    alt = page.locator("[data-field=alt]").first
    alt_box = alt.locator("[data-lang=vi]")
    label = page.locator(f'label[for="{alt_box.get_attribute("id")}"]:not(.hx-bilingual__label)')
    assert "không bắt buộc" not in label.inner_text()  # the item has a photo: its description is required
    alt_box.fill("")
    alt.locator("[data-lang=en]").fill("")
    in_view = "b => { const r = b.getBoundingClientRect(); return r.bottom > 0 && r.top < innerHeight; }"
    page.locator("[id^=id-field]").scroll_into_view_if_needed()  # the top of the form
    assert not alt_box.evaluate(in_view)
    _publish(page)
    page.locator(f'label[for="{alt_box.get_attribute("id")}"] + ul li').first.wait_for()  # refused on the field itself
    sentence = _errors_of(page, alt_box)
    assert sentence == [f"{form_words(RULES['image-alt'][0], 'vi')} / {form_words(RULES['image-alt'][1], 'en')}"], sentence  # make check's sentence, its key named by the label, no YAML advice
    assert page.get_by_text("Thêm alt", exact=False).count() == 0 and page.get_by_text("Không thể giữ lại mục", exact=False).count() == 0
    page.wait_for_function(f"() => ({in_view})(document.getElementById('{alt_box.get_attribute('id')}'))")  # the form scrolls to it
    assert target.read_text(encoding="utf-8") == before


def test_a_new_entry_holds_only_what_was_filled_not_the_boxes_left_at_their_default(sample_editor):
    """Decap gives every boolean box its default; a new relic's file has no `sample: false` nor a
    `visit` of unticked boxes, and `make check` accepts it."""
    from tests.test_cms_browser import _fill_relic

    page, project, url, _ = sample_editor
    _open(page, url, "collections/di-tich/new", "[id^=id-field]")
    _fill_relic(page, "den-gon")
    assert page.locator("[id^=sample-field]").count() >= 1 and page.locator("[id^=free-field]").count() >= 1  # the boxes are there, untouched
    _publish(page)
    target = project.root / "data" / "di-tich" / "den-gon.yml"
    until(target.exists, f"{target.name} written by the proxy")
    data = yaml.safe_load(target.read_text(encoding="utf-8"))
    assert "sample" not in data and "visit" not in data, data
    assert data["name"] == {"vi": "Đền Thử", "en": "Test Temple"} and data["location"]["lat"] == 21.2
    _check(project)


def test_a_new_event_made_in_the_form_lands_in_its_three_files_and_passes_make_check(sample_editor):
    """A recurring event (data/su-kien/<id>.yml and its two pages) made in the form: lunar days,
    the months it runs in, a skipped date, a start time and a place chosen among the entries."""
    from tests.test_cms_browser import _bilingual, _select, _write_stories

    page, project, url, _ = sample_editor
    _open(page, url, "collections/su-kien/new", "[id^=id-field]")
    page.locator("[id^=id-field]").fill("le-thu")
    _bilingual(page, "name", "Lễ thử", "Test rite")
    _bilingual(page, "summary", "Lễ minh họa cho trình biên tập.", "An illustrative rite for the editor.")
    page.get_by_role("button", name=re.compile(r"^Thêm các ngày âm lịch")).click()
    page.get_by_role("button", name=re.compile(r"^Thêm các ngày âm lịch")).click()
    page.get_by_role("button", name=re.compile(r"^Thêm chỉ trong các tháng")).click()
    numbers = page.locator("[id^=item-field]")  # lunar days first, then the months: the form's order
    until(lambda: numbers.count() == 3, "three number boxes")
    for box, value in zip((numbers.nth(0), numbers.nth(1), numbers.nth(2)), ("1", "15", "3")):
        box.fill(value)
    page.get_by_role("button", name=re.compile(r"^Thêm các ngày nghỉ")).click()
    page.locator("input.hx-date[data-field=item]").fill("17/02/2027")
    page.locator("[id^=start-field]").fill("18:30")
    _select(page, page.locator("[id^=entry-field]").get_attribute("id"), "Chùa Tân An / Tân An Pagoda — Di tích (chua-tan-an)")
    _write_stories(page, "Lễ thử ở chùa.", "A test rite at the pagoda.")
    _publish(page)
    root = project.root
    target, vi, en = root / "data/su-kien/le-thu.yml", root / "docs/vi/su-kien/le-thu.md", root / "docs/en/su-kien/le-thu.md"
    until(lambda: target.exists() and vi.exists() and en.exists(), "the event's three files written by the proxy")
    data = yaml.safe_load(target.read_text(encoding="utf-8"))
    assert data["repeat"] == {"lunar_days": [1, 15], "months": [3], "except_dates": [dt.date(2027, 2, 17)]}, data
    assert data["time"] == {"start": "18:30"} and data["place"] == {"entry": "chua-tan-an"}, data
    assert data["name"] == {"vi": "Lễ thử", "en": "Test rite"} and "sample" not in data and "id" not in data
    assert "Lễ thử ở chùa." in vi.read_text(encoding="utf-8") and "A test rite at the pagoda." in en.read_text(encoding="utf-8")
    _check(project)
