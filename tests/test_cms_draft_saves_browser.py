"""A draft saved twice from the form under `make edit` (MODE=git): the story typed last is the one
on the draft's branch, and the form shows the draft's text after each save and after a reload.
(The draft's pages were once read back as its "media files" and sent with the next save, where
they overwrote the story just typed; and a draft changing only the pages was shown from the site.)"""

from __future__ import annotations

import subprocess

import pytest

from tests.test_cms_browser import editor  # noqa: F401  (a fixture)
from tests.test_cms_desk_browser import _until

pytestmark = pytest.mark.browser

BRANCH = "cms/di-tich/dinh-tan-an"
VI = "docs/vi/di-tich/dinh-tan-an.md"
EN = "docs/en/di-tich/dinh-tan-an.md"


def _on_branch(root, path: str) -> str:
    shown = subprocess.run(["git", "show", f"{BRANCH}:{path}"], cwd=root, capture_output=True, text=True)
    return shown.stdout if shown.returncode == 0 else ""


def _write_story(page, nth: int, text: str) -> None:
    """The story replaced by `text`, typed as a person would. Decap redraws the form just after an
    entry opens or is saved, and keys typed during a redraw are lost: the whole story is typed
    again until the form shows it (each try replaces everything, so a lost key leaves no trace)."""
    for _ in range(5):
        story = page.locator("[data-slate-editor]").nth(nth)
        story.click()
        page.keyboard.press("Control+A")
        page.keyboard.type(text)
        try:
            _until(lambda: _stories(page)[nth].strip() == text, "the story typed", 15)
            return
        except pytest.fail.Exception:  # what `until` raises (not an AssertionError): type it again
            continue
    raise AssertionError(f"the form never kept the story {text!r}: {_stories(page)}")


def _stories(page) -> list[str]:
    shown = [t.replace("\xa0", " ") for t in page.locator("[data-slate-editor]").all_inner_texts()]
    return shown if len(shown) == 2 else ["", ""]  # between two renders of the form


@pytest.mark.parametrize("editor", ["git"], indirect=True)
def test_two_saves_of_a_draft_keep_the_story_typed_last(editor):
    page, project, url = editor
    root = project.root
    page.goto(url + "admin/#/collections/di-tich/entries/dinh-tan-an")
    page.locator("[data-slate-editor]").nth(1).wait_for()
    vi, en = "Câu chuyện dinh-tan-an (vi).", "Câu chuyện dinh-tan-an (en)."
    _until(lambda: len(_stories(page)) == 2 and vi in _stories(page)[0] and en in _stories(page)[1], "the form's stories")
    # the entry's and its draft check's reads are over (the check panel asks again every second
    # while a check runs, for up to 3 minutes: a whole run on a loaded machine passed 60 s here)
    page.wait_for_load_state("networkidle", timeout=180_000)
    for word_vi, word_en in ((" MỘT", " ONE"), (" HAI", " TWO")):
        vi, en = vi + word_vi, en + word_en
        _write_story(page, 0, vi)
        _write_story(page, 1, en)
        _until(lambda: vi in _stories(page)[0] and en in _stories(page)[1], "the typed words in the form", 30)
        with page.expect_response(lambda r: '"action":"persistEntry"' in (r.request.post_data or "")):
            page.get_by_role("button", name="Lưu").first.click()
        _until(lambda: vi in _on_branch(root, VI) and en in _on_branch(root, EN), f"the draft's commit with {vi!r} and {en!r}", 60)
        page.wait_for_load_state("networkidle", timeout=180_000)  # the form's reload of the draft, and its check, are over
        _until(lambda: _stories(page) != ["", ""], "the form after the save", 30)
        shown = _stories(page)
        assert vi in shown[0] and en in shown[1], shown
        assert _on_branch(root, VI).rstrip().endswith(vi) and _on_branch(root, EN).rstrip().endswith(en)
    page.reload()  # reopened: the draft's text
    page.locator("[data-slate-editor]").nth(1).wait_for()
    _until(lambda: vi in _stories(page)[0] and en in _stories(page)[1], "the draft's stories in the reopened form", 60)
    assert "MỘT HAI" in _stories(page)[0]
