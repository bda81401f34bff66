"""The editor's "Check" panel and its "Translations and column" desk in real Chromium, under
`make edit`'s real parts: `mkdocs serve` (writing /admin/problems.json and /admin/desk.json)
and the local proxy (decap-server behind scripts/cms-guard.js) writing into the project."""

from __future__ import annotations

import contextlib
import os
import re
import subprocess
import sys
import urllib.request

import pytest
import yaml

from heritage.content import translations
from heritage.editor import page as admin_page
from tests.conftest import REPO, Project, cms_guard
from tests.test_preview_policy import _free_port
from tests.waiting import until

pytestmark = pytest.mark.browser

ENTRY = "data/di-tich/dinh-tan-an.yml"
STORY_VI = "docs/vi/di-tich/dinh-tan-an.md"
STORY_EN = "docs/en/di-tich/dinh-tan-an.md"


def _until(condition, what: str, timeout: float = 180):
    return until(condition, what, timeout, ignore=(OSError,))


def _status(url: str) -> int:
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.status


@contextlib.contextmanager
def make_edit(project: Project, today: str, mode: str = "fs", **guard: str):
    """As `make edit`: the proxy for the preview's origin, and `mkdocs serve` knowing the proxy.
    `mode` "git": the editorial workflow, the checkout being a git repository."""
    (project.root / "node_modules").symlink_to(REPO / "node_modules")
    port = _free_port()
    origin = f"http://127.0.0.1:{port}"
    with cms_guard(project.root, origin, mode, **guard) as proxy:
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "HERITAGE_TODAY": today, admin_page.PROXY_ENV: proxy}
        process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=project.root, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        try:
            def built() -> bool:
                assert process.poll() is None, f"mkdocs serve stopped (exit {process.returncode}) before its first build"
                return _status(origin + "/admin/problems.json") == 200

            _until(built, "the preview's first build")
            yield origin + "/"
        finally:
            process.terminate()
            process.wait(timeout=30)


@pytest.fixture
def admin(chromium):
    context = chromium.new_context(viewport={"width": 1366, "height": 900}, locale="vi-VN")
    context.set_default_timeout(60_000)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))

    def login(url: str, address: str = ""):
        page.goto(url + "admin/" + address)
        page.get_by_role("button", name="Đăng nhập").click()
        return page

    yield login
    context.close()
    assert errors == []


def test_the_check_panel_lists_the_entrys_problem_and_goes_to_its_field(small_project: Project, admin):
    for rel in (ENTRY, "data/di-tich/chua-an.yml"):  # the open entry's problem, and another file's
        path = small_project.root / rel
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        data["summary"]["en"] = ""
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    with make_edit(small_project, "2026-10-20") as url:
        page = admin(url, "#/collections/di-tich/entries/dinh-tan-an")
        page.locator("[data-field=summary] [data-lang=vi]").wait_for()
        page.get_by_role("button", name="Kiểm tra / Check").click()
        panel = page.get_by_role("region", name="Kiểm tra / Check")
        problem = panel.locator(".hx-check__list:not(#hx-check-others) .hx-check__problem", has_text="summary.en")
        problem.wait_for()
        text = problem.inner_text()
        assert "data/di-tich/dinh-tan-an.yml" in text and "[summary.en]" in text
        assert "Trường `summary.en` đang để trống." in text and "The field `summary.en` is empty." in text
        # the panel lies beside the form, below the toolbar: every toolbar button can still be clicked
        tested = 0
        for button in page.locator("[class*=-ToolbarContainer] button, [class*=-ToolbarContainer] a").all():
            box = button.bounding_box() if button.is_visible() else None
            if box and box["y"] + box["height"] <= 66:  # Decap's top bar (the Markdown toolbars are below)
                hit = f"document.elementFromPoint({box['x'] + box['width'] / 2}, {box['y'] + box['height'] / 2})"
                assert page.evaluate(f"(el => el.contains({hit}))", button.element_handle()), button.inner_text()
                tested += 1
        assert tested >= 3  # Save, Status, Publish… at least
        # another entry's problem: counted, listed on demand
        assert "1 vấn đề ở tệp khác" in panel.inner_text()
        assert not panel.locator("#hx-check-others").is_visible()
        panel.get_by_role("button", name="Xem danh sách / Show the list").click()
        assert "data/di-tich/chua-an.yml" in panel.locator("#hx-check-others").inner_text()
        problem.get_by_role("button", name="Đến trường / Go to field").click()
        assert page.evaluate("document.activeElement.matches('[data-field=summary] [data-lang=en]')")


def test_the_desk_lists_a_stale_translation_and_translation_done_stamps_it(small_project: Project, admin):
    root = small_project.root
    git = ["git", "-C", str(root), "-c", "user.name=Test", "-c", "user.email=test@example.org"]
    subprocess.run([*git, "init", "-q", "-b", "main"], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "start"], check=True)
    (root / STORY_VI).write_text("## Lịch sử\n\nCâu chuyện mới của đình.\n", encoding="utf-8")
    english_before = (root / STORY_EN).read_text(encoding="utf-8")
    assert "changed after this page was translated" in small_project.check().stdout
    with make_edit(small_project, "2026-11-05") as url:
        page = admin(url)
        page.get_by_role("button", name="Dịch và chuyên mục / Translations and column").click()
        desk = page.get_by_role("region", name="Dịch và chuyên mục / Translations and column")
        item = desk.locator(f"[data-page='{STORY_EN}']")
        assert "+Câu chuyện mới của đình." in item.locator(".hx-desk__line--add").all_inner_texts()[-1]
        assert "-Câu chuyện dinh-tan-an (vi)." in item.locator(".hx-desk__line--del").all_inner_texts()[-1]
        assert "Câu chuyện dinh-tan-an (en)." in item.locator(".hx-desk__english").inner_text()
        # the column: September and October have their post, November (this month) not yet
        assert "Có bài / Has its post" in desk.locator("tr[data-month='2026-10']").inner_text()
        assert "ra-mat" in desk.locator("tr[data-month='2026-09']").inner_text()
        assert "Chưa có bài: còn 26 ngày" in desk.locator("tr[data-month='2026-11']").inner_text()
        assert desk.locator("tr[data-month]").count() == 3

        item.get_by_role("button", name="Đã dịch xong / Translation done").click()
        item.get_by_text("Đã ghi translated_from").wait_for()
    english_after = (root / STORY_EN).read_text(encoding="utf-8")
    changed = [(a, b) for a, b in zip(english_before.splitlines(), english_after.splitlines()) if a != b]
    assert len(english_before.splitlines()) == len(english_after.splitlines())
    assert [b for _, b in changed] == [f"translated_from: {__import__('heritage.content.translations', fromlist=['x']).revision(root / STORY_VI)}"]
    assert changed[0][0].startswith("translated_from: ")
    assert english_after.endswith("\n") == english_before.endswith("\n")
    result = small_project.check()
    assert "changed after this page was translated" not in result.stdout
    assert result.returncode == 0, result.stdout


def test_in_git_mode_translation_done_makes_a_draft_published_from_the_board(small_project: Project, admin):
    """`make edit` in git mode: "Đã dịch xong" never writes the work tree. It makes the item's
    draft (one commit on cms/<collection>/<slug>), which the board shows and publishes: one commit
    on the branch, only the `translated_from` line changed, the work tree clean throughout."""
    root = small_project.root
    run = lambda *a: subprocess.run(["git", "-C", str(root), "-c", "user.name=Test", "-c", "user.email=test@example.org", *a], check=True, capture_output=True, text=True).stdout
    run("init", "-q", "-b", "main")
    (root / STORY_VI).write_text("## Lịch sử\n\nCâu chuyện cũ.\n", encoding="utf-8")
    run("add", "-A")
    run("commit", "-q", "-m", "start")
    (root / STORY_VI).write_text("## Lịch sử\n\nCâu chuyện mới của đình.\n", encoding="utf-8")
    run("commit", "-q", "-am", "the Vietnamese changes")
    (root / ".gitignore").write_text("node_modules\nsite/\n.cache/\n", encoding="utf-8")  # what `make edit` makes beside the sources
    run("add", ".gitignore")
    run("commit", "-q", "-m", "ignore")
    start = run("rev-parse", "main").strip()
    english_before = (root / STORY_EN).read_text(encoding="utf-8")
    draft = "cms/di-tich/dinh-tan-an"
    with make_edit(small_project, "2026-11-05", "git") as url:
        page = admin(url)
        page.on("dialog", lambda dialog: dialog.accept())  # Decap asks "Bạn có chắc…?" before publishing
        page.get_by_role("button", name="Dịch và chuyên mục / Translations and column").click()
        item = page.get_by_role("region", name="Dịch và chuyên mục / Translations and column").locator(f"[data-page='{STORY_EN}']")
        item.get_by_role("button", name="Đã dịch xong / Translation done").click()
        item.get_by_text("Quy trình biên tập").wait_for()  # "it is a draft: publish it on the board"
        assert run("status", "--porcelain", "--untracked-files=all") == ""  # nothing in the work tree
        assert run("rev-parse", "main").strip() == start
        assert run("diff", "--name-only", f"main...{draft}").split() == [STORY_EN]
        assert run("log", "-1", "--format=%s", draft).startswith("Đã dịch xong / Translation done")

        page.goto(url + "admin/#/workflow")
        page.reload()
        page.get_by_text("(dinh-tan-an)").first.click()
        page.get_by_role("button", name=re.compile("^Trạng thái: ")).click()
        page.get_by_role("menuitem", name="Sẵn sàng").click()
        page.get_by_role("button", name="Trạng thái: Sẵn sàng").wait_for()
        page.get_by_role("button", name="Công bố").first.click()
        page.get_by_role("menuitem", name="Công bố ngay").click()
        _until(lambda: run("branch", "--list", "cms/*") == "", "the draft's branch to go once published", 60)
    assert run("rev-parse", "main~1").strip() == start  # one commit: the draft's
    assert run("diff", "--name-only", start, "main").split() == [STORY_EN]
    english_after = (root / STORY_EN).read_text(encoding="utf-8")
    changed = [(a, b) for a, b in zip(english_before.splitlines(), english_after.splitlines()) if a != b]
    assert len(english_before.splitlines()) == len(english_after.splitlines()) and len(changed) == 1
    assert changed[0][1] == f"translated_from: {translations.revision(root / STORY_VI)}"
    assert run("status", "--porcelain", "--untracked-files=all") == ""
    assert "changed after this page was translated" not in small_project.check().stdout


def test_in_git_mode_the_media_tab_only_shows_and_says_where_photos_are_added(small_project: Project, admin):
    """The media library opened on its own would write the work tree outside any draft: in git
    mode its upload is gone and a bilingual note sends the officer to the item's photo field."""
    root = small_project.root
    run = lambda *a: subprocess.run(["git", "-C", str(root), "-c", "user.name=Test", "-c", "user.email=test@example.org", *a], check=True, capture_output=True, text=True).stdout
    run("init", "-q", "-b", "main")
    (root / ".gitignore").write_text("node_modules\nsite/\n.cache/\n", encoding="utf-8")
    run("add", "-A")
    run("commit", "-q", "-m", "start")
    with make_edit(small_project, "2026-11-05", "git") as url:
        page = admin(url)
        page.get_by_role("button", name="Tập tin").click()
        note = page.get_by_role("note")
        note.wait_for()
        text = note.inner_text()
        assert "Ở đây chỉ xem được ảnh" in text and "Photos can only be viewed here" in text and "draft" in text
        upload = page.locator(".ReactModalPortal label:has(> input[type=file])")
        assert upload.count() == 1 and not upload.is_visible() and page.locator(".ReactModalPortal input[type=file]").is_disabled()
        # opened from an entry's form, the library still uploads (into that entry's draft)
        page.goto(url + "admin/#/collections/di-tich/new")
        page.reload()
        page.get_by_role("button", name="Thêm ảnh, âm thanh, video / photos, audio, video").click()
        page.get_by_role("button", name="Chọn một hình").first.click()
        page.locator(".ReactModalPortal label:has(> input[type=file])").wait_for()  # visible
        assert page.get_by_role("note").count() == 0 and page.locator(".ReactModalPortal input[type=file]").is_enabled()
    assert run("status", "--porcelain", "--untracked-files=all") == ""
