"""Screenshots of every screen of the web editor, at 390×844 (a phone) and 1366×900, for reviewers.

    .venv/bin/python scripts/editor_screenshots.py [--out site-shots/editor] [--only di-tich,desk]

As `make edit`, on a copy of the sample content in a git repository of its own (the workflow
board needs one; nothing here touches this checkout's data/ or docs/): the local proxy
(scripts/cms-guard.js, git mode) and `mkdocs serve`, then Debian's Chromium in Vietnamese. One
full-page PNG per screen and size, `<out>/<width>/<screen>.png`: every collection's form with an
existing item and a new one, the settings, the workflow board, the desk, the Check panel and the
photo dialog. Nothing is saved.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
SIZES = {"390": {"width": 390, "height": 844}, "1366": {"width": 1366, "height": 900}}
NAME = "[data-field=name] [data-lang=vi]"
# collection → (an existing item, the field that shows the form is ready)
FORMS = {
    "di-tich": ("dinh-tan-an", NAME),
    "le-hoi": ("hoi-lim", NAME),
    "lang-nghe": ("nghe-dan-tre", NAME),
    "nghe-nhan": ("nguyen-thi-minh-hoa", NAME),
    "quan-ho": ("moi-nuoc-moi-trau", NAME),
    "san-pham": ("banh-da-tan-an", NAME),
    "hanh-trinh": ("vong-dinh-chua-den", NAME),
    "chuyen-muc": ("ra-mat-chuyen-muc-so-di-san-tan-an", "[id^=title-field]"),
}
ERROR_PAGE = "[class*=ErrorBoundaryContainer]"
# What Decap's form pane hides below its box (px): the form scrolls in it, not in the page.
HIDDEN = """() => Math.max(0, ...[...document.querySelectorAll('.Pane1, [class*=-ControlPaneContainer]')]
                                 .map(e => e.scrollHeight - e.clientHeight))"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _until(condition: Callable[[], bool], what: str, seconds: float = 300) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError):
            if condition():
                return
        time.sleep(0.5)  # polling the condition
    raise SystemExit(f"{what} did not come up in {seconds:.0f} s")


def _ok(url: str) -> bool:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.status == 200


@contextlib.contextmanager
def make_edit(work: Path) -> Iterator[str]:
    """The sample content copied into `work` as a git repository, served as `make edit` does; yields the preview's URL."""
    shutil.copy(ROOT / "mkdocs.yml", work / "mkdocs.yml")
    for folder in ("hooks", "overrides", "templates", "data", "docs"):
        shutil.copytree(ROOT / folder, work / folder)
    (work / "node_modules").symlink_to(ROOT / "node_modules")
    (work / ".gitignore").write_text("node_modules\nsite\n", encoding="utf-8")
    git = ["git", "-C", str(work), "-c", "user.name=Editor", "-c", "user.email=editor@example.org"]
    for args in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-q", "-m", "sample"]):
        subprocess.run([*git, *args], check=True)
    port = _free_port()
    origin = f"http://127.0.0.1:{port}"
    env = {**os.environ, "PORT": "0", "ORIGIN": origin, "MODE": "git", "GIT_REPO_DIRECTORY": str(work), "LOG_LEVEL": "error"}
    proxy = subprocess.Popen(["node", str(ROOT / "scripts" / "cms-guard.js")], env=env, cwd=work, stdout=subprocess.PIPE, text=True)
    preview = None
    try:
        address = proxy.stdout.readline().strip() if proxy.stdout else ""
        if not address.startswith("http://127.0.0.1:"):
            raise SystemExit(f"the editor's proxy did not start: {address!r}")
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT), "HERITAGE_CMS_PROXY": address}
        preview = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
                                   cwd=work, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _until(lambda: preview.poll() is None and _ok(origin + "/admin/problems.json"), "the preview's first build")
        yield origin + "/"
    finally:
        for process in (preview, proxy):
            if process is not None:
                process.terminate()
                process.wait(timeout=30)


def screens() -> list[tuple[str, str, str, str | None]]:
    """(file stem, address under /admin/, what to wait for, a button to press first or None)."""
    out = []
    for collection, (slug, ready) in FORMS.items():
        out.append((f"{collection}-entry", f"#/collections/{collection}/entries/{slug}", ready, None))
        out.append((f"{collection}-new", f"#/collections/{collection}/new", ready, None))
    out += [
        ("settings", "#/collections/cai-dat/entries/site", "[data-field=site_name] [data-lang=vi]", None),
        ("collections", "#/collections/di-tich", "a[href*='/entries/']", None),
        ("workflow", "#/workflow", ":text-is('Bản nháp')", None),
        ("desk", "#/collections/di-tich", "a[href*='/entries/']", "Dịch và chuyên mục / Translations and column"),
        ("check", "#/collections/di-tich/entries/dinh-tan-an", NAME, "Kiểm tra / Check"),
        ("upload", "#/collections/di-tich/new", NAME, "Thêm ảnh, âm thanh, video / photos, audio, video|Chọn một hình"),
    ]
    return out


def shoot(url: str, out: Path, wanted: set[str]) -> int:
    from playwright.sync_api import sync_playwright

    written = 0
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu", "--no-first-run"])
        for size, viewport in SIZES.items():
            phone = size == "390"
            context = browser.new_context(viewport=viewport, is_mobile=phone, has_touch=phone, device_scale_factor=1, locale="vi-VN")
            context.set_default_timeout(60_000)
            page = context.new_page()
            page.goto(url + "admin/")
            page.get_by_role("button", name="Đăng nhập").click()
            page.get_by_role("link", name="Cài đặt").first.wait_for()
            for stem, address, ready, press in screens():
                if wanted and stem not in wanted and stem.rsplit("-", 1)[0] not in wanted:
                    continue
                page.goto(url + "admin/" + address)
                page.reload()  # a new address alone does not leave Decap's editor
                page.locator(f"{ready}, {ERROR_PAGE}").first.wait_for()
                for name in (press.split("|") if press else []):
                    page.get_by_role("button", name=name).last.click()
                if press and "|" in press:  # Decap's photo library, a modal dialog
                    page.get_by_role("dialog").first.wait_for()
                elif press:  # the desk and the Check panel, each a region named as its button
                    page.get_by_role("region", name=press).wait_for()
                page.evaluate("document.fonts.ready")
                page.wait_for_load_state("networkidle")
                target = out / size / f"{stem}.png"
                target.parent.mkdir(parents=True, exist_ok=True)
                # Decap's form scrolls inside its pane, not the page: the window made as tall as
                # the longest pane, for a whole-form picture
                extra = 0 if press else page.evaluate(HIDDEN)
                page.set_viewport_size({"width": viewport["width"], "height": min(viewport["height"] + extra, 12_000)})
                page.screenshot(path=str(target), full_page=True, animations="disabled")  # a modal caught mid-fade is see-through
                page.set_viewport_size(viewport)
                written += 1
            context.close()
        browser.close()
    return written


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "site-shots" / "editor")
    parser.add_argument("--only", default="", help="comma-separated screens or collections (di-tich,settings,desk…)")
    args = parser.parse_args()
    wanted = {w for w in args.only.split(",") if w}
    with tempfile.TemporaryDirectory(prefix="editor-shots-") as work, make_edit(Path(work)) as url:
        written = shoot(url, args.out, wanted)
    print(f"{written} screenshots in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
