"""A draft's real page under `make edit` (MODE=git, scripts/cms-draft-preview.js): the real guard
builds the draft's commit without touching the officer's work tree or index, serves it at
/draft/<commit>/ with the site's own Content-Security-Policy, and Decap's getDeployPreview gives
its address; a draft with content errors shows the build's bilingual report; a path that climbs
out, a spoofed Host or another method is refused. The browser test runs real Decap under a real
`mkdocs serve` and the real guard, and follows the toolbar's "Xem trước" link."""

from __future__ import annotations

import http.client
import json
import re
import subprocess
import time
import urllib.parse
from pathlib import Path

import pytest
import yaml

from tests.conftest import BASE_FIELDS, REPO, Project, bi, cms_guard
from tests.test_cms_guard import ORIGIN, Proxy, refused
from tests.test_cms_local_git import committed, git, officer, state  # noqa: F401  (officer: a fixture)
from tests.waiting import until

DRAFT_YML = "data/di-tich/den-nhap.yml"


def entry_files(name_vi: str = "Đền Nháp", name_en: str = "Draft Temple", **extra) -> list[tuple[str, str]]:
    data = {"name": bi(name_vi, name_en), "summary": bi("Tóm tắt.", "Summary."), **BASE_FIELDS["di-tich"], **extra}
    return [
        (DRAFT_YML, yaml.safe_dump(data, allow_unicode=True, sort_keys=False)),
        ("docs/vi/di-tich/den-nhap.md", "## Lịch sử\n\nCâu chuyện đền nháp.\n"),
        ("docs/en/di-tich/den-nhap.md", "## History\n\nThe draft temple's story.\n"),
    ]


def save(proxy: Proxy, files: list[tuple[str, str]], slug: str = "den-nhap", origin: str = ORIGIN) -> None:
    status, _, body = proxy.send(origin=origin, body={"action": "persistEntry", "params": {
        "branch": "main", "dataFiles": [{"slug": slug, "path": p, "raw": raw} for p, raw in files], "assets": [],
        "options": {"commitMessage": "m", "useWorkflow": True, "status": "draft", "collectionName": "di-tich"}}})
    assert status == 200, body


def deploy_preview(proxy: Proxy, slug: str = "den-nhap") -> dict:
    status, _, body = proxy.send({"action": "getDeployPreview", "params": {"branch": "main", "collection": "di-tich", "slug": slug}})
    assert status == 200, body
    return body


def get(address: str, path: str, *, host: str | None = None, method: str = "GET", origin: str | None = None) -> tuple[int, dict, str]:
    """A request with the path sent as written (no normalisation), as a hostile page or tool would."""
    parts = urllib.parse.urlsplit(address)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=120)
    connection.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
    connection.putheader("Host", host or parts.netloc)
    if origin:
        connection.putheader("Origin", origin)
    connection.endheaders()
    response = connection.getresponse()
    body = response.read().decode("utf-8", "replace")
    connection.close()
    return response.status, dict(response.getheaders()), body


def title(html: str) -> str:
    return re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S).group(1)


def test_a_drafts_page_is_built_from_its_commit_and_served_with_the_sites_policy(officer, tmp_path_factory):
    root = officer.root
    before = state(root)
    cache = tmp_path_factory.mktemp("draft-cache")  # outside the checkout
    with cms_guard(root, ORIGIN, "git", HERITAGE_DRAFT_CACHE=str(cache)) as address:
        proxy = Proxy(address)
        assert deploy_preview(proxy) is None  # no draft, no preview
        save(proxy, entry_files())
        sha = git(root, "rev-parse", "cms/di-tich/den-nhap").strip()
        preview = deploy_preview(proxy)
        assert preview == {"url": f"{address.removesuffix('/api/v1')}/draft/{sha}/di-tich/den-nhap/", "status": "success"}
        assert state(root) == before  # work tree, index, branch: as they were
        path = urllib.parse.urlsplit(preview["url"]).path
        status, headers, html = get(address, path)
        assert status == 200 and "Đền Nháp" in title(html) and "Câu chuyện đền nháp." in html
        policy = headers["Content-Security-Policy"]
        assert "script-src 'self'" in policy and "frame-ancestors 'none'" in policy and headers["X-Content-Type-Options"] == "nosniff"
        english = re.search(r'href="([^"]+)" hreflang="en"[^>]*class="md-select__link"', html).group(1)
        status, _, html_en = get(address, urllib.parse.urljoin(path, english))
        assert status == 200 and "Draft Temple" in title(html_en) and "The draft temple's story." in html_en
        assert get(address, f"/draft/{sha}/di-tich/khong-co/")[0] == 404

        # asked again: the same build, no new one
        builds = sorted(p.name for p in cache.glob("*/*") if re.fullmatch("[0-9a-f]{40}", p.name))
        assert builds == [sha] and deploy_preview(proxy) == preview
        # saved again: a new commit, a new build, the new name
        save(proxy, entry_files("Đền Nháp Mới", "New Draft Temple"))
        again = deploy_preview(proxy)
        assert again["status"] == "success" and again["url"] != preview["url"]
        assert "Đền Nháp Mới" in title(get(address, urllib.parse.urlsplit(again["url"]).path)[2])
        assert state(root) == before


def test_a_draft_with_content_errors_shows_the_builds_bilingual_report(officer):
    root = officer.root
    with cms_guard(root, ORIGIN, "git") as address:
        proxy = Proxy(address)
        save(proxy, entry_files(ranking="khong-co-hang-nay"))
        preview = deploy_preview(proxy)
        assert preview["status"] == "success"  # done: the link opens the report
        status, headers, html = get(address, urllib.parse.urlsplit(preview["url"]).path)
        assert status == 422 and "text/html" in headers["Content-Type"]
        assert "Bản nháp có lỗi nội dung / The draft has content errors" in html
        assert DRAFT_YML in html and "LỖI / ERROR — ranking" in html and "Traceback" not in html
        assert "script-src" not in headers["Content-Security-Policy"] and "frame-ancestors 'none'" in headers["Content-Security-Policy"]


def test_paths_out_of_the_build_other_hosts_and_methods_are_refused(officer):
    root = officer.root
    with cms_guard(root, ORIGIN, "git") as address:
        proxy = Proxy(address)
        save(proxy, entry_files())
        path = urllib.parse.urlsplit(deploy_preview(proxy)["url"]).path
        base = path.removesuffix("di-tich/den-nhap/")
        secret = (root / "mkdocs.yml").read_text(encoding="utf-8")[:40]
        for climb in ("../../mkdocs.yml", "di-tich/../../../mkdocs.yml", "%2e%2e/%2e%2e/mkdocs.yml", "..%2f..%2fmkdocs.yml",
                      "di-tich/..%5c..%5c..%5cmkdocs.yml", ".git/config", "%2egit/HEAD", "x%00/index.html", "%E0%A4%A"):
            status, _, body = get(address, base + climb)
            assert status in (400, 404) and secret not in body, (climb, status)
        assert get(address, base + "di-tich/den-nhap/")[0] == 200
        refused(_as_json(get(address, path, host=f"evil.example:{urllib.parse.urlsplit(address).port}")))
        refused(_as_json(get(address, path, method="POST")), 405)
        refused(_as_json(get(address, path, origin="http://evil.example")))
        status, _, body = get(address, "/draft/" + "0" * 40 + "/")
        assert status == 404 and "Not found" in body  # not a draft's commit: never built
        status, _, _ = get(address, "/draft/" + git(root, "rev-parse", "main").strip() + "/")
        assert status == 404  # the checked-out branch is not a draft


def _as_json(answer: tuple[int, dict, str]) -> tuple[int, dict, dict]:
    import json

    status, headers, body = answer
    return status, headers, json.loads(body)


def test_a_traceback_never_reaches_the_report():
    script = "const {readable} = require('./scripts/cms-draft-preview'); process.stdout.write(readable(require('fs').readFileSync(0, 'utf8')))"
    output = "📄 data/x.yml\n  LỖI / ERROR — name\nTraceback (most recent call last):\n  File \"x.py\", line 1, in <module>\n    boom()\nKeyError: 'stop'\n5 lỗi / 5 error(s)\n"
    shown = subprocess.run(["node", "-e", script], input=output, capture_output=True, text=True, cwd=REPO, check=True).stdout
    assert shown == "📄 data/x.yml\n  LỖI / ERROR — name\n5 lỗi / 5 error(s)"


@pytest.mark.browser
def test_the_editors_preview_link_opens_the_drafts_real_page_in_both_languages(small_project: Project, chromium):
    from tests.test_cms_browser import _fill_relic
    from tests.test_cms_desk_browser import make_edit

    root = small_project.root
    committed(root)
    context = chromium.new_context(viewport={"width": 1366, "height": 900}, locale="vi-VN")
    context.set_default_timeout(90_000)
    errors: list[str] = []
    try:
        with make_edit(small_project, "2026-10-20", "git") as url:
            page = context.new_page()
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.goto(url + "admin/#/collections/di-tich/new")
            page.get_by_role("button", name="Đăng nhập").click()
            _fill_relic(page, "den-xem")
            page.get_by_role("button", name="Lưu").first.click()
            # Decap asks for a draft's preview when its editor opens (not after a new entry's first
            # save: its toolbar stays mounted): the officer reopens the draft, here by reloading
            page.wait_for_url("**/entries/den-xem")
            page.reload()
            link = page.get_by_role("link", name="Xem trước")
            link.wait_for()  # getDeployPreview waits for the build, then gives the address
            assert re.search(r"/draft/[0-9a-f]{40}/di-tich/den-xem/$", link.get_attribute("href"))
            with context.expect_page() as opened:
                clicked = time.monotonic()
                link.click()
            draft = opened.value
            draft.get_by_role("heading", name="Đền Thử", exact=True).wait_for()
            print(f"\nclick → draft's page: {time.monotonic() - clicked:.2f} s")
            assert "Câu chuyện đền." in draft.content()
            english = draft.locator("a[hreflang=en].md-select__link")
            draft.goto(english.evaluate("a => a.href"))
            draft.get_by_role("heading", name="Test Temple", exact=True).wait_for()
            assert "The temple's story." in draft.content()
            assert git(root, "status", "--porcelain", "--", "data", "docs") == "" and git(root, "diff", "--cached") == ""  # the checkout: untouched

            # a draft whose page is asked for before anything built it: the page says it is being
            # built, reloads itself and shows the draft; a draft with a content error shows the report
            address = link.get_attribute("href").split("/draft/")[0]
            proxy = Proxy(address + "/api/v1")
            save(proxy, entry_files("Đền Chờ", "Waiting Temple"), origin=url.rstrip("/"))
            sha = git(root, "rev-parse", "cms/di-tich/den-nhap").strip()
            waiting = context.new_page()
            started = time.monotonic()
            response = waiting.goto(f"{address}/draft/{sha}/di-tich/den-nhap/")
            assert response.status == 202 and "Building the preview" in waiting.locator("h1").inner_text()
            waiting.get_by_role("heading", name="Đền Chờ", exact=True).wait_for()
            print(f"draft's address → its page (cold build included): {time.monotonic() - started:.2f} s")
            save(proxy, entry_files(ranking="khong-co-hang-nay"), slug="den-loi", origin=url.rstrip("/"))
            sha = git(root, "rev-parse", "cms/di-tich/den-loi").strip()
            waiting.goto(f"{address}/draft/{sha}/di-tich/den-loi/")
            waiting.get_by_role("heading", name="Bản nháp có lỗi nội dung / The draft has content errors").wait_for()
            report = waiting.locator("pre").inner_text()
            assert DRAFT_YML in report and "LỖI / ERROR — ranking" in report and "How to fix" in report
            # in the text's own font: the browser's monospace put tone marks beside their letters
            font = "e => getComputedStyle(e).fontFamily"
            assert waiting.locator("pre").evaluate(font) == waiting.locator("body").evaluate(font)
            assert "Noto Sans" in waiting.locator("body").evaluate(font)
    finally:
        context.close()
    assert errors == []


def test_a_drafts_check_is_its_own_commits_problems(officer):
    """The Check panel's source for a draft (GET /draft/check/<collection>/<slug>): `heritage
    check` of the draft's commit, "checking" while it runs, 404 for an item without a draft."""
    root = officer.root
    before = state(root)
    with cms_guard(root, ORIGIN, "git") as address:
        proxy = Proxy(address)
        base = address.removesuffix("/api/v1")
        save(proxy, entry_files(ranking="khong-co-hang-nay"))
        sha = git(root, "rev-parse", "cms/di-tich/den-nhap").strip()
        status, headers, body = get(base, "/draft/check/di-tich/den-nhap", origin=ORIGIN)
        assert status == 202 and json.loads(body) == {"state": "checking", "commit": sha}
        assert headers["Access-Control-Allow-Origin"] == ORIGIN
        status, headers, body = until(
            lambda: (answer := get(base, "/draft/check/di-tich/den-nhap", origin=ORIGIN))[0] != 202 and answer, "the draft's check to finish", 120
        )
        answer = json.loads(body)
        assert status == 200 and answer["state"] == "done" and answer["commit"] == sha and answer["ok"] is False
        mine = [p for p in answer["problems"] if p["file"] == DRAFT_YML]
        assert [p["field"] for p in mine] == ["ranking"] and mine[0]["severity"] == "error" and mine[0]["vi"] and mine[0]["en"]
        # fixed and saved: a new commit, checked again, clean
        save(proxy, entry_files())
        answer = until(
            lambda: (found := json.loads(get(base, "/draft/check/di-tich/den-nhap")[2]))["state"] == "done" and found, "the fixed draft's check to finish", 120
        )
        assert answer["commit"] != sha and [p for p in answer["problems"] if p["file"] == DRAFT_YML] == []
        for path in ("/draft/check/di-tich/khong-co", "/draft/check/di-tich/..", "/draft/check/x%2Fy/z"):
            assert get(base, path)[0] == 404, path
    assert state(root) == before


@pytest.mark.browser
def test_the_check_panel_lists_a_drafts_own_problems_then_none_once_fixed(small_project: Project, chromium):
    """The officer's path: a draft (not the work tree) has an error; its form's Check panel lists
    it with "Go to field"; fixed and saved, the panel says the item has no problems."""
    from tests.test_cms_desk_browser import make_edit

    root = small_project.root
    entry = "data/di-tich/dinh-tan-an.yml"
    committed(root)
    data = yaml.safe_load((root / entry).read_text(encoding="utf-8"))
    data["summary"]["en"] = ""
    context = chromium.new_context(viewport={"width": 1366, "height": 900}, locale="vi-VN")
    context.set_default_timeout(120_000)
    errors: list[str] = []
    try:
        with make_edit(small_project, "2026-10-20", "git") as url:
            page = context.new_page()
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.goto(url + "admin/")
            page.get_by_role("button", name="Đăng nhập").click()
            page.get_by_role("link", name="Cài đặt").first.wait_for()
            proxy = Proxy(page.evaluate("HeritageEditor.config.backend.proxy_url"))
            # the draft holds the error; the work tree's build (problems.json) does not
            status, _, body = proxy.send(origin=url.rstrip("/"), body={"action": "persistEntry", "params": {
                "branch": "main", "dataFiles": [{"slug": "dinh-tan-an", "path": entry, "raw": yaml.safe_dump(data, allow_unicode=True, sort_keys=False)}], "assets": [],
                "options": {"commitMessage": "m", "useWorkflow": True, "status": "draft", "collectionName": "di-tich"}}})
            assert status == 200, body
            assert entry not in page.evaluate("fetch('problems.json', {cache: 'no-store'}).then(r => r.text())")
            page.goto(url + "admin/#/collections/di-tich/entries/dinh-tan-an")
            page.reload()
            page.locator("[data-field=summary] [data-lang=vi]").wait_for()
            page.get_by_role("button", name="Kiểm tra / Check").click()
            panel = page.get_by_role("region", name="Kiểm tra / Check")
            problem = panel.locator(".hx-check__list:not(#hx-check-others) .hx-check__problem", has_text="summary.en")
            problem.wait_for()
            assert "Bản nháp chưa công bố" in panel.inner_text()
            assert "Trường `summary.en` đang để trống." in problem.inner_text() and "The field `summary.en` is empty." in problem.inner_text()
            problem.get_by_role("button", name="Đến trường / Go to field").click()
            assert page.evaluate("document.activeElement.matches('[data-field=summary] [data-lang=en]')")
            sha = git(root, "rev-parse", "cms/di-tich/dinh-tan-an").strip()
            page.locator("[data-field=summary] [data-lang=en]").fill("The communal house, fixed.")
            page.get_by_role("button", name="Lưu").first.click()
            panel.locator(".hx-check__none").wait_for()
            assert git(root, "rev-parse", "cms/di-tich/dinh-tan-an").strip() != sha
            assert panel.locator(".hx-check__list:not(#hx-check-others) .hx-check__problem").count() == 0
    finally:
        context.close()
    assert errors == []


def _focused_story(page, lang: str) -> str | None:
    """"rich"/"markdown" when the focus is in the typing box of the `lang` story's editor (Decap's
    markdown widget: no element bears its id, its label's `for` names it), else None."""
    return page.evaluate(
        """lang => {
            let box = document.querySelector(`label[for^="story_${lang}-field-"]`);
            while (box && !box.querySelector('[data-slate-editor]')) box = box.parentElement;
            const editor = box && box.querySelector('[data-slate-editor][contenteditable=true]');
            if (!editor || document.activeElement !== editor) return null;
            return box.querySelector('.cms-editor-raw') ? 'markdown' : box.querySelector('.cms-editor-visual') ? 'rich' : '?';
        }""",
        lang,
    )


@pytest.mark.browser
def test_a_storys_problem_goes_to_its_editor_and_publishing_shows_the_published_problems(small_project: Project, chromium):
    """A draft whose two stories hold a <script>: each problem's "Go to field" focuses that
    language's story editor, in rich text and in Markdown mode; published, the panel no longer
    speaks of a draft and lists what the preview's build (problems.json) says."""
    from tests.test_cms_desk_browser import make_edit

    root = small_project.root
    slug = "dinh-tan-an"
    stories = {lang: f"docs/{lang}/di-tich/{slug}.md" for lang in ("vi", "en")}
    committed(root)
    files = [(f"data/di-tich/{slug}.yml", (root / f"data/di-tich/{slug}.yml").read_text(encoding="utf-8"))]
    files += [(path, (root / path).read_text(encoding="utf-8") + "\n<script>alert(1)</script>\n") for path in stories.values()]
    context = chromium.new_context(viewport={"width": 1366, "height": 900}, locale="vi-VN")
    context.set_default_timeout(120_000)
    errors: list[str] = []
    try:
        with make_edit(small_project, "2026-10-20", "git") as url:
            page = context.new_page()
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.on("dialog", lambda dialog: dialog.accept())  # Decap asks "Bạn có chắc…?" before publishing
            page.goto(url + "admin/")
            page.get_by_role("button", name="Đăng nhập").click()
            page.get_by_role("link", name="Cài đặt").first.wait_for()
            save(Proxy(page.evaluate("HeritageEditor.config.backend.proxy_url")), files, slug=slug, origin=url.rstrip("/"))
            page.goto(url + f"admin/#/collections/di-tich/entries/{slug}")
            page.reload()
            page.locator("label[for^=story_en-field-]").wait_for()
            page.get_by_role("button", name="Kiểm tra / Check").click()
            panel = page.get_by_role("region", name="Kiểm tra / Check")
            mine = panel.locator(".hx-check__list:not(#hx-check-others) .hx-check__problem")
            problem = {lang: panel.locator(".hx-check__list:not(#hx-check-others) .hx-check__problem--error", has_text=path) for lang, path in stories.items()}
            problem["en"].wait_for()
            assert "Bản nháp chưa công bố" in panel.inner_text() and "<script>" in problem["vi"].inner_text()
            go = {lang: p.get_by_role("button", name="Đến trường / Go to field") for lang, p in problem.items()}
            go["vi"].click()
            assert _focused_story(page, "vi") == "rich"
            go["en"].click()
            assert _focused_story(page, "en") == "rich"
            # the officer's Markdown (raw) mode: the same editor's other face
            box = page.locator("label[for^=story_vi-field-]").locator("xpath=ancestor::*[.//*[@data-slate-editor]][1]")
            box.get_by_role("switch").click()
            box.locator(".cms-editor-raw").wait_for()
            go["vi"].click()
            assert _focused_story(page, "vi") == "markdown"
            assert "Không thấy trường" not in panel.inner_text()

            page.get_by_role("button", name=re.compile("^Trạng thái: ")).click()
            page.get_by_role("menuitem", name="Sẵn sàng").click()
            page.get_by_role("button", name="Trạng thái: Sẵn sàng").wait_for()
            page.get_by_role("button", name="Công bố", exact=True).click()
            page.get_by_role("menuitem", name="Công bố ngay").click()
            page.get_by_text("Đã công bố").first.wait_for()
            assert git(root, "branch", "--list", "cms/*") == ""
            # the panel: the published item's problems, as the preview's rebuilt problems.json lists them
            panel.locator(".hx-check__draft").wait_for(state="detached")
            listed = lambda: sorted(t.split("\n")[0] for t in mine.all_inner_texts())
            page.wait_for_function("() => document.querySelectorAll('#hx-check .hx-check__list:not(#hx-check-others) .hx-check__problem--error').length >= 2")
            site = json.loads(page.evaluate("fetch('problems.json', {cache: 'no-store'}).then(r => r.text())"))
            own = [p for p in site["problems"] if p["file"] in stories.values() or p["file"] == files[0][0]]
            assert sorted(p["file"] for p in own if p["severity"] == "error") == sorted(stories.values())
            assert all("<script>" in p["vi"] for p in own if p["severity"] == "error")
            assert len(listed()) == len(own) and all(any(p["file"] in line for line in listed()) for p in own)
            assert "Bản nháp chưa công bố" not in panel.inner_text()
    finally:
        context.close()
    assert errors == []
