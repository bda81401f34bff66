"""The Check panel on the published site: Decap's real GitHub backend in Chromium, signed in with
a token in localStorage as Decap keeps it, against a fake GitHub API (Playwright routing: there
is no internet) that serves the project's files and the pull request's check runs and
annotations. The panel shows the open entry's annotations with "go to field", and says when
there is no pull request, the check is running, has passed, or could not be loaded; the token
goes to api.github.com only."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlparse

import pytest
import yaml

from heritage.content.settings import load_settings
from heritage.content.vocabulary import load_vocabulary
from heritage.editor import page as admin_page
from tests.conftest import REPO, serve

TOKEN = "gho_test-token-of-the-officer"
SLUG = "chua-an"
BRANCH = f"cms/di-tich/{SLUG}"
HEAD = "a" * 40


class FakeGitHub:
    """The few endpoints Decap and the panel read, from the project's files; `check` is what the
    pull request's check says now (None: no pull request)."""

    def __init__(self, root: Path, repo: str):
        self.root, self.repo = root, repo
        self.blobs: dict[str, bytes] = {}
        self.check: dict | None = None
        self.broken = False
        self.tokens: list[str] = []  # the host of every request that carried the token

    def reply(self, route, status: int, body) -> None:
        route.fulfill(status=status, content_type="application/json", body=json.dumps(body))

    def handle(self, route) -> None:
        request = route.request
        url = urlparse(request.url)
        path, query = unquote(url.path), parse_qs(url.query)
        base = f"/repos/{self.repo}"
        if path == "/user":
            return self.reply(route, 200, {"login": "officer", "name": "Cán bộ văn hoá"})
        if path == base:
            return self.reply(route, 200, {"owner": {"login": self.repo.split("/")[0]}, "permissions": {"push": True}, "default_branch": "main"})
        if path.startswith(base + "/git/trees/main:"):
            folder = self.root / path.split(":", 1)[1]
            if not folder.is_dir():
                return self.reply(route, 404, {"message": "Not Found"})
            tree = []
            for file in sorted(folder.iterdir()):
                if file.is_file():
                    sha = hashlib.sha1(file.read_bytes()).hexdigest()
                    self.blobs[sha] = file.read_bytes()
                    tree.append({"path": file.name, "type": "blob", "sha": sha, "size": file.stat().st_size})
            return self.reply(route, 200, {"sha": "t", "tree": tree})
        if path.startswith(base + "/git/blobs/") and path.rsplit("/", 1)[1] in self.blobs:
            return self.reply(route, 200, {"content": base64.b64encode(self.blobs[path.rsplit("/", 1)[1]]).decode(), "encoding": "base64"})
        if path == base + "/pulls":
            if self.broken:
                return self.reply(route, 500, {"message": "Server Error"})
            # no label: Decap's own workflow lists only pull requests it labelled, this one is the panel's
            mine = query.get("head") == [f"{self.repo.split('/')[0]}:{BRANCH}"] and self.check is not None
            pull = {"number": 7, "html_url": f"https://github.com/{self.repo}/pull/7", "head": {"ref": BRANCH, "sha": HEAD}, "labels": []}
            return self.reply(route, 200, [pull] if mine else [])
        if path == f"{base}/commits/{HEAD}/check-runs" and self.check is not None:
            run = {"id": 99, "status": self.check["status"], "conclusion": self.check.get("conclusion"),
                   "output": {"annotations_count": len(self.check.get("annotations", []))}}
            return self.reply(route, 200, {"total_count": 1, "check_runs": [run]})
        if path == f"{base}/check-runs/99/annotations" and self.check is not None:
            return self.reply(route, 200, self.check.get("annotations", []))
        return self.reply(route, 404, {"message": "Not Found"})


def annotation(path: str, line: int | None, title: str, level: str, vi: str, en: str) -> dict:
    """As GitHub returns what `heritage check --format github` printed."""
    return {"path": path, "start_line": line, "end_line": line, "annotation_level": level, "title": title, "message": f"{vi}\n{en}"}


@pytest.fixture
def site_editor(small_project, chromium, tmp_path_factory, monkeypatch):
    """/admin/ as the published site has it (GitHub backend, no proxy), signed in by the token
    Decap keeps in localStorage; yields (page, fake, url, outside)."""
    monkeypatch.delenv(admin_page.PROXY_ENV, raising=False)
    root = small_project.root
    (root / "node_modules").symlink_to(REPO / "node_modules")
    site = tmp_path_factory.mktemp("admin-site")
    settings, _ = load_settings(root)
    vocabulary, _ = load_vocabulary(root)
    assert admin_page.write_admin(root, site, settings, vocabulary) is not None
    backend = yaml.safe_load((site / "admin" / "config.yml").read_text(encoding="utf-8"))["backend"]
    assert backend["name"] == "github" and "local_backend" not in (site / "admin" / "config.yml").read_text(encoding="utf-8")
    fake = FakeGitHub(root, backend["repo"])
    with serve(site) as url:
        context = chromium.new_context(viewport={"width": 1366, "height": 900}, locale="vi-VN")
        context.set_default_timeout(30_000)
        context.add_init_script("localStorage.setItem('decap-cms-user', JSON.stringify({token: %s, backendName: 'github'}))" % json.dumps(TOKEN))
        outside: list[str] = []

        def seen(request) -> None:
            if TOKEN in (request.headers.get("authorization") or ""):
                fake.tokens.append(urlparse(request.url).netloc)
            if not request.url.startswith(("http://127.0.0.1", "https://api.github.com/", "data:", "blob:")):
                outside.append(request.url)

        context.on("request", seen)
        context.route("https://api.github.com/**", fake.handle)
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        try:
            yield page, fake, url, outside
            assert errors == [], errors
        finally:
            context.close()


def open_panel(page):
    """Close and open the panel: each opening reads the check again."""
    panel = page.locator("#hx-check")
    if panel.is_visible():
        panel.get_by_role("button", name="Đóng / Close").click()
    page.locator("#hx-check-toggle").click()
    return panel


def test_the_panel_reads_the_pull_requests_check_on_github(site_editor):
    page, fake, url, outside = site_editor
    page.goto(url + f"admin/#/collections/di-tich/entries/{SLUG}")
    page.locator("[data-field=summary] [data-lang=en]").wait_for()  # Decap read the entry through the fake API
    state = lambda: page.locator("#hx-check .hx-check__state")

    # no pull request: not saved yet, or already published
    panel = open_panel(page)
    state().and_(page.locator("[data-state=none]")).wait_for()
    assert "chưa có yêu cầu gộp" in panel.inner_text() and "has no pull request" in panel.inner_text()

    # the check is running: said so, and the panel reads it again by itself until it is done
    fake.check = {"status": "in_progress"}
    open_panel(page)
    page.locator("#hx-check [data-state=running]").wait_for()
    assert "đang chạy" in panel.inner_text() and "still running" in panel.inner_text()
    fake.check = {"status": "completed", "conclusion": "success"}
    page.locator("#hx-check [data-state=passed]").wait_for(timeout=40_000)
    assert "Bước kiểm tra đã qua" in panel.inner_text() and "The check passed" in panel.inner_text()
    assert panel.get_by_role("link", name="Mở yêu cầu gộp / Open the pull request").get_attribute("href").endswith("/pull/7")

    # failed: the entry's annotations, bilingual, with go-to-field; other files only counted
    fake.check = {"status": "completed", "conclusion": "failure", "annotations": [
        annotation(f"data/di-tich/{SLUG}.yml", 4, "summary.en", "failure", "Thiếu bản tiếng Anh (`en`).", "The English text (`en`) is missing."),
        annotation(f"docs/vi/di-tich/{SLUG}.md", None, "CẢNH BÁO / WARNING", "warning", "Trang quá ngắn.", "The page is too short."),
        annotation("data/di-tich/am-ba.yml", 2, "name.vi", "failure", "Lỗi khác.", "Another error."),
        annotation(".github", None, "", "failure", "Process completed with exit code 1.", ""),
    ]}
    open_panel(page)
    page.locator("#hx-check [data-state=failed]").wait_for()
    problems = panel.locator(".hx-check__problem")
    assert problems.count() == 2
    first = problems.nth(0).inner_text()
    assert f"data/di-tich/{SLUG}.yml (dòng/line 4) [summary.en]" in first and "Lỗi / Error" in first
    assert first.index("Thiếu bản tiếng Anh") < first.index("The English text (`en`) is missing.")
    assert "Lưu ý / Warning" in problems.nth(1).inner_text() and "[CẢNH BÁO" not in problems.nth(1).inner_text()
    assert "1 vấn đề ở tệp khác" in panel.inner_text() and "am-ba" not in panel.inner_text()
    problems.nth(0).get_by_role("button", name="Đến trường / Go to field").click()
    assert page.evaluate("document.activeElement.closest('[data-field=summary]') && document.activeElement.dataset.lang") == "en"

    # GitHub does not answer
    fake.broken = True
    open_panel(page)
    page.locator("#hx-check [data-state=error]").wait_for()
    assert "Không tải được" in panel.inner_text() and "could not be loaded" in panel.inner_text()

    assert fake.tokens and set(fake.tokens) == {"api.github.com"}, fake.tokens
    assert outside == [], outside


def test_a_new_item_has_nothing_to_read(site_editor):
    page, fake, url, _ = site_editor
    page.goto(url + "admin/#/collections/di-tich/new")
    page.locator("[data-field=name] [data-lang=vi]").wait_for()
    open_panel(page)
    page.locator("#hx-check [data-state=unsaved]").wait_for()
    assert not [r for r in fake.tokens if r != "api.github.com"]
    assert re.search(r"Not saved yet", page.locator("#hx-check").inner_text())
