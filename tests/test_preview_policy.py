"""The live preview (`mkdocs serve`, what `make serve` and `make edit` run) keeps every page's
Content-Security-Policy: the server's own reload script runs (its hash is added as the page
goes out), a script that reached a story does not, and /admin/ keeps its own policy."""

from __future__ import annotations

import contextlib
import os
import re
import socket
import subprocess
import sys
import urllib.request

import pytest
from mkdocs import livereload

from heritage.outputs import security
from tests.conftest import TODAY, Project
from tests.waiting import until

TOKEN = "hx_preview_pwned"
POLICY = re.compile(r'<head[^>]*>\n<meta http-equiv="Content-Security-Policy" content="([^"]*)">')


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.read().decode("utf-8")


@contextlib.contextmanager
def preview(project: Project):
    """`mkdocs serve --dirty` (as `make serve` and `make edit` run it) on the project; yields its
    base URL once the first build is served."""
    port = _free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "HERITAGE_TODAY": TODAY}
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dirty", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project.root, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    url = f"http://127.0.0.1:{port}/"
    try:
        def answers() -> bool:
            assert process.poll() is None, process.stderr.read()  # it died: say why at once
            _get(url)
            return True

        until(answers, "mkdocs serve to answer", 180, ignore=(OSError,))
        yield url
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_the_reload_script_alone_is_added_to_the_policy():
    """Unit: what the server adds is hashed only if it is the server's template."""
    trusted = security.numbers_template(livereload._SCRIPT_TEMPLATE_STR)
    page = b'<html><head>\n<meta http-equiv="Content-Security-Policy" content="default-src \'self\'; script-src \'self\'; object-src \'none\'"></head><body><p>x</p></body></html>'
    reload = livereload._SCRIPT_TEMPLATE.substitute(epoch=17, request_id=42)
    at = page.rindex(b"</body>")
    added = security.allow_added_script(page, page[:at] + b"<script>" + reload.encode() + b"</script>" + page[at:], trusted)
    assert security.script_hash(reload).encode() in added
    evil = "alert(1)"
    added = security.allow_added_script(page, page[:at] + b"<script>" + evil.encode() + b"</script>" + page[at:], trusted)
    assert security.script_hash(evil).encode() not in added
    # the template with code where its numbers go is not the template
    assert not trusted.fullmatch(livereload._SCRIPT_TEMPLATE.substitute(epoch="1);alert(1);(1", request_id=2))
    # a page whose policy is not first in <head> (the editor's) is left alone
    admin = b'<html><head>\n<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="script-src \'self\'"></head><body></body></html>'
    at = admin.rindex(b"</body>")
    injected = admin[:at] + b"<script>" + reload.encode() + b"</script>" + admin[at:]
    assert security.allow_added_script(admin, injected, trusted) == injected


@pytest.mark.browser
def test_the_preview_keeps_the_policy_and_runs_only_its_reload_script(chromium, small_project: Project):
    with preview(small_project) as url:
        html = _get(url + "di-tich/dinh-tan-an/")
        policy = POLICY.search(html)
        assert policy, "no policy first in <head> under mkdocs serve"
        reload = security.inline_scripts(html)[-1]
        assert "livereload(" in reload and security.script_hash(reload) in policy.group(1)

        context = chromium.new_context()
        page = context.new_page()
        page.add_init_script("window.__violations=[];document.addEventListener('securitypolicyviolation',e=>window.__violations.push(e.violatedDirective))")

        def inject(route):
            """A script that got past the sanitiser into the story, as a page would carry it."""
            response = route.fetch()
            body = response.text().replace("</article>", f"<script>window.{TOKEN}=1</script></article>", 1)
            route.fulfill(response=response, body=body)

        page.route(url + "di-tich/dinh-tan-an/", inject)
        with page.expect_console_message(lambda m: m.text == "Enabled live reload"):
            page.goto(url + "di-tich/dinh-tan-an/")
        page.wait_for_function("window.__violations.some(v => v.startsWith('script-src'))")
        assert page.evaluate(f"window.{TOKEN}") is None
        assert page.evaluate("document.documentElement.classList.contains('hx-js')")  # the theme's own script ran

        # The reload script works: a saved story shows without a manual reload.
        page.unroute(url + "di-tich/dinh-tan-an/")
        story = small_project.root / "docs/vi/di-tich/dinh-tan-an.md"
        story.write_text(story.read_text(encoding="utf-8") + "\nĐoạn vừa lưu.\n", encoding="utf-8")
        page.get_by_text("Đoạn vừa lưu.").wait_for(timeout=120_000)
        context.close()
