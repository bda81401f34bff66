"""The web editor as `make edit` shows it, for the browser tests: /admin/ written for a checkout
with the local proxy's address, and a browser signed in to it."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from heritage.content.settings import load_settings
from heritage.content.vocabulary import load_vocabulary
from heritage.editor import page as admin_page

OWN = ("http://127.0.0.1", "data:", "blob:")  # what the editor may ask for: nothing elsewhere
ERROR_PAGE = "[class*=ErrorBoundaryContainer]"  # Decap's full-page "Lỗi" (emotion keeps the label)


@dataclass
class Editor:
    page: object  # playwright's Page
    errors: list[str] = field(default_factory=list)  # uncaught script errors
    outside: list[str] = field(default_factory=list)  # requests to any other host
    console: list[str] = field(default_factory=list)  # console errors (a blocked script, a failed load)
    failed: list[str] = field(default_factory=list)  # requests that failed or were answered 4xx/5xx


@contextlib.contextmanager
def signed_in(chromium, root: Path, site: Path, url: str, proxy: str, patch: pytest.MonkeyPatch, timeout: int = 60_000) -> Iterator[Editor]:
    """/admin/ of `root` written into `site` (served at `url`) for the proxy at `proxy`, opened
    at 1366 × 900 in Vietnamese and signed in: it returns once Decap lists the collections."""
    patch.setenv(admin_page.PROXY_ENV, proxy)
    settings, _ = load_settings(root)
    vocabulary, _ = load_vocabulary(root)
    assert admin_page.write_admin(root, site, settings, vocabulary) is not None
    context = chromium.new_context(viewport={"width": 1366, "height": 900}, locale="vi-VN")
    context.set_default_timeout(timeout)
    editor = Editor(context.new_page())
    editor.page.on("pageerror", lambda e: editor.errors.append(str(e)))
    editor.page.on("request", lambda r: None if r.url.startswith(OWN) else editor.outside.append(r.url))
    editor.page.on("console", lambda m: editor.console.append(m.text) if m.type == "error" else None)
    editor.page.on("requestfailed", lambda r: editor.failed.append(f"{r.url} {r.failure}"))
    editor.page.on("response", lambda r: editor.failed.append(f"{r.status} {r.url} {r.request.post_data or ''}"[:400]) if r.status >= 400 else None)
    editor.page.goto(url + "admin/")
    editor.page.get_by_role("button", name="Đăng nhập").click()
    editor.page.get_by_role("link", name="Cài đặt").first.wait_for()
    try:
        yield editor
    finally:
        context.close()


def open_afresh(page, url: str, collection: str, slug: str, ready: str, timeout: float | None = None):
    """An item's form read afresh from its file, without reloading Decap: by way of the
    collection's list (a new address alone does not leave Decap's editor, and a reload for
    every form took most of these tests' minutes). Only after a form left unchanged: from a
    changed one Decap asks before leaving. Returns the `ready` field, once the form shows it."""
    page.goto(f"{url}admin/#/collections/{collection}")
    page.locator(ready).first.wait_for(state="detached")  # the last form has left
    page.goto(f"{url}admin/#/collections/{collection}/entries/{slug}")
    page.locator(f"{ready}, {ERROR_PAGE}").first.wait_for(timeout=timeout)
    assert page.locator(ERROR_PAGE).count() == 0, (slug, page.locator(ERROR_PAGE).inner_text())
    return page.locator(ready).first


def check_sentences(output: str, file: str | None = None, form: bool = False) -> list[str]:
    """Each problem `python -m heritage check` printed, as the form says it: the sentence and its
    fix in Vietnamese, " / ", the same in English (refusals.said). Read from the printed lines
    (heritage/problems.py's format_problem), an expectation independent of the form's templates.
    With `file`, only the problems printed under that file's name. With `form`, only the Vietnamese
    sentence, its keys named by their labels as the form names them (the form gives its own advice,
    not the file's: "type a point", not "write lat: … without quotes")."""
    out: list[str] = []
    block: list[str] | None = None
    shown = None  # the file the problems below are about
    for line in [*output.splitlines(), ""]:
        if line.startswith("    ") and block is not None:
            block.append(line.strip())
            continue
        if block and file in (None, shown):
            texts = [t for t in block if not t.startswith("→")]
            fixes = {t.split(":", 1)[0]: t.split(":", 1)[1].strip() for t in block if t.startswith("→")}
            if form:
                from heritage.editor.words import form_words

                # the value typed ('…') is the officer's, put in after the words: never relabelled
                values = re.findall(r"'[^']*'", texts[0])
                sentence = form_words(re.sub(r"'[^']*'", "'\x00'", texts[0]), "vi")
                for value in values:
                    sentence = sentence.replace("'\x00'", value, 1)
                out.append(sentence)
            else:
                out.append(f"{texts[0]} {fixes.get('→ Cách sửa', '')}".strip() + " / " + f"{texts[1]} {fixes.get('→ How to fix', '')}".strip())
        if line.startswith("📄 "):
            shown = line[2:].strip()
        block = [] if line.startswith(("  LỖI / ERROR", "  CẢNH BÁO / WARNING")) else None
    return out


# Decap's own toolbar at the top of the editor (a Markdown field's toolbar has the same name)
TOOLBAR = "[class*=-EditorContainer] > [class*=-ToolbarContainer]"


def toolbar_off_screen(page, width: int, height: int) -> list[dict]:
    """Every visible control of the editor's top bar whose box is not wholly inside the window,
    plus the bar itself when it is wider than the window or a control's text is cut (an
    ellipsis); [] when all is on screen. Fails when the bar shows fewer than two controls."""
    found = page.evaluate(
        """(selector) => { const bar = document.querySelector(selector);
             const out = [...bar.querySelectorAll('button, a, [role=button]')].filter(e => e.offsetParent !== null).map(e => {
               const r = e.getBoundingClientRect();
               return {text: e.innerText.trim(), x: r.x, y: r.y, right: r.right, bottom: r.bottom, cut: e.scrollWidth > e.clientWidth + 1}; });
             return {bar: bar.scrollWidth, controls: out}; }""",
        TOOLBAR,
    )
    assert len(found["controls"]) >= 2, found
    off = [c for c in found["controls"] if c["x"] < 0 or c["y"] < 0 or c["right"] > width or c["bottom"] > height or c["cut"]]
    return off + ([{"bar": found["bar"]}] if found["bar"] > width else [])
