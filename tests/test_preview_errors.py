"""The live preview (`mkdocs serve`, behind `make serve` and `make edit`) never stops on a content
error: pages and /admin/ keep answering, every page shows the problems in a red bilingual banner
(escaped), /admin/problems.json lists them, and fixing the content clears them. `mkdocs build`
still refuses the same content."""

from __future__ import annotations

import json
import shutil
import urllib.error
import urllib.request
from typing import Callable

import pytest
import yaml

from tests.conftest import REPO, Project
from tests.test_preview_policy import preview
from tests.waiting import until

ENTRY = "data/di-tich/dinh-tan-an.yml"
PAGE = "di-tich/dinh-tan-an/"
TOKEN = "hx_banner_pwned"


def _fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, ""


def _until(condition: Callable[[], object], what: str, timeout: float = 180) -> object:
    """Poll until `condition()` gives something true; fails after `timeout` seconds."""
    return until(condition, what, timeout, ignore=(OSError,))


def _page_with(url: str, text: str, present: bool = True) -> str | None:
    status, body = _fetch(url)
    return body if status == 200 and (text in body) == present else None


def _problems(url: str) -> dict | None:
    status, body = _fetch(url + "admin/problems.json")
    return json.loads(body) if status == 200 else None


def _edit_entry(project: Project, change: Callable[[dict], None]) -> None:
    path = project.root / ENTRY
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


@pytest.fixture
def editable(small_project: Project) -> Project:
    """The small project with Decap's files, so that the preview writes /admin/."""
    (small_project.root / "node_modules").symlink_to(REPO / "node_modules")
    return small_project


def _no_alt(data: dict) -> None:
    del data["media"][0]["alt"]


@pytest.mark.browser
def test_a_missing_alt_text_is_shown_in_the_preview_and_fixing_it_clears_it(chromium, editable: Project):
    good = (editable.root / ENTRY).read_text(encoding="utf-8")
    with preview(editable) as url:
        assert _problems(url) == {"ok": True, "stale": False, "problems": []}
        assert _fetch(url + "admin/")[0] == 200
        assert 'role="alert"' not in _fetch(url + PAGE)[1]
        _edit_entry(editable, _no_alt)
        body = _until(lambda: _page_with(url + PAGE, 'role="alert"'), "the banner on the entry page")
        assert ENTRY in body and "Cách sửa" in body and "How to fix" in body
        assert "Cổng đình" in body  # built from the last good content: the photo is still there
        assert _fetch(url + "admin/")[0] == 200 and _fetch(url)[0] == 200
        report = _problems(url)
        assert report["ok"] is False and report["stale"] is True
        assert any(p["file"] == ENTRY and p["fix_vi"] and p["fix_en"] for p in report["problems"])

        page = chromium.new_page()
        page.goto(url + "chuyen-muc/ra-mat/")  # every page, not only the faulty entry's
        alert = page.get_by_role("alert")
        alert.wait_for(state="visible")
        text = alert.inner_text()
        assert ENTRY in text and "Nội dung đang có lỗi" in text and "The content has errors" in text
        assert text.index("Nội dung đang có lỗi") < text.index("The content has errors")  # Vietnamese first
        page.close()

        (editable.root / ENTRY).write_text(good, encoding="utf-8")  # (c) the fix
        _until(lambda: _page_with(url + PAGE, 'role="alert"', present=False), "the banner gone")
        assert _until(lambda: (r := _problems(url)) and r["ok"] and r, "problems.json empty")["problems"] == []

    result = editable.build()  # (e) the same content, broken again, still fails the build
    assert result.returncode == 0, result.stderr
    _edit_entry(editable, _no_alt)
    result = editable.build()
    assert result.returncode == 1 and ENTRY in result.stdout + result.stderr
    assert not (editable.root / "site" / "admin" / "problems.json").exists()


def test_an_unreadable_yaml_file_keeps_the_last_good_pages(editable: Project):
    with preview(editable) as url:
        (editable.root / ENTRY).write_text("name: {vi: [Đình\nsummary: : :\n", encoding="utf-8")
        body = _until(lambda: _page_with(url + PAGE, 'role="alert"'), "the banner")
        assert ENTRY in body and "Đình Tân An" in body and "Cổng đình" in body  # the last good entry page
        assert _fetch(url + "admin/")[0] == 200
        assert any(p["file"] == ENTRY for p in _problems(url)["problems"])
    result = editable.build()
    assert result.returncode == 1 and ENTRY in result.stdout + result.stderr


def test_a_broken_content_at_start_still_serves_the_editor(editable: Project):
    """No good content yet (make edit started on a broken file): the rest of the content builds."""
    (editable.root / ENTRY).write_text("name: [\n", encoding="utf-8")
    with preview(editable) as url:
        assert _fetch(url + "admin/")[0] == 200
        body = _until(lambda: _page_with(url, 'role="alert"'), "the banner on the home page")
        assert ENTRY in body


@pytest.mark.browser
def test_a_hostile_value_in_a_problem_shows_as_text(chromium, editable: Project):
    hostile = f"<img src=x onerror=\"window.{TOKEN}=1\">"

    def bad(data: dict) -> None:
        data["name"] = {"vi": hostile, "en": hostile}
        data["ranking"] = hostile  # not in the vocabulary: the message quotes it

    with preview(editable) as url:
        _edit_entry(editable, bad)
        body = _until(lambda: _page_with(url + PAGE, 'role="alert"'), "the banner")
        assert "<img src=x" not in body and "&lt;img src=x onerror" in body
        page = chromium.new_page()
        page.goto(url + PAGE)
        alert = page.get_by_role("alert")
        alert.wait_for(state="visible")
        assert "<img src=x onerror" in alert.inner_text()  # shown as the text the editor wrote
        assert page.locator(".hx-problems img").count() == 0
        assert page.evaluate(f"window.{TOKEN}") is None
        page.close()
    assert editable.build().returncode == 1



def _bad_day(project: Project) -> str:
    project.entry("le-hoi", "hoi-lim", ("Hội Lim", "Lim Festival"), when={"calendar": "lunar", "month": 2, "day": 31})
    return "data/le-hoi/hoi-lim.yml"


def _id_twice(project: Project) -> str:
    project.entry("lang-nghe", "chua-an", ("Nghề Ân", "Ân craft"))
    return "data/lang-nghe/chua-an.yml"


def _story_script(project: Project) -> str:
    story = project.root / "docs/vi/di-tich/dinh-tan-an.md"
    story.write_text(story.read_text(encoding="utf-8") + f'\n<img src=x onerror="window.{TOKEN}=1">\n', encoding="utf-8")
    return "docs/vi/di-tich/dinh-tan-an.md"


@pytest.mark.parametrize("mistake", [_bad_day, _id_twice, _story_script], ids=["bad-day", "id-twice", "story-script"])
def test_the_officers_mistakes_never_stop_the_preview(editable: Project, mistake):
    with preview(editable) as url:
        where = mistake(editable)
        body = _until(lambda: _page_with(url + PAGE, 'role="alert"'), "the banner")
        assert where in body
        assert 'onerror="window' not in body  # the page is sanitised as in a build
        assert _fetch(url + "admin/")[0] == 200
        assert any(p["file"] == where for p in _problems(url)["problems"])
    result = editable.build()
    assert result.returncode == 1 and where in result.stdout + result.stderr


def test_a_broken_entry_on_a_trail_at_start_still_serves_the_trail_and_the_editor(tmp_path):
    """make edit started on the sample content while an entry that a trail stops at is refused
    (a photo without alt text): the trails' pages read that stop and raised KeyError, which
    stopped the preview; now every page and /admin/ answer, and the banner lists the problem."""
    for name in ("mkdocs.yml",):
        shutil.copy(REPO / name, tmp_path / name)
    for folder in ("hooks", "overrides", "data", "docs"):
        shutil.copytree(REPO / folder, tmp_path / folder)
    (tmp_path / "node_modules").symlink_to(REPO / "node_modules")
    sample = Project(tmp_path)
    path = tmp_path / "data/di-tich/dinh-tan-an.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    del data["media"][0]["alt"]
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    with preview(sample) as url:
        assert _fetch(url + "admin/")[0] == 200
        body = _until(lambda: _page_with(url, 'role="alert"'), "the banner on the home page")
        assert "data/di-tich/dinh-tan-an.yml" in body
        assert _fetch(url + "hanh-trinh/")[0] == 200
