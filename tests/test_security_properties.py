"""The script trust and the policy, on generated scripts (Hypothesis) and stated cases.

Only a script a template wrote, with its `{{ … }}` standing for a path and nothing else, is
hashed into a page's Content-Security-Policy; a script with anything appended, prepended or
put where the path goes stays blocked. The hashes are checked against the CSP specification's
own example, the policy and the `_headers` file are read as a browser and a host read them
(directive and header names, keywords, `nosniff` and cache directives without regard to case,
as their specifications say; referrer and permissions policies exactly).
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from heritage.outputs import security
from heritage.outputs.security import TrustedScripts, inline_scripts, policy, script_hash, secure_page

from .properties import properties

PROPERTIES = properties(150)

TEMPLATE = '<head><script>var base = "{{ base_url }}"; document.documentElement.classList.add("hx-js")</script></head>'
SCRIPT = 'var base = "{}"; document.documentElement.classList.add("hx-js")'
PATH_CHARACTERS = "ABCXYZabcxyz0189._/~-"


def independent_hash(script: str) -> str:
    """CSP3 §8.4: base64 of the SHA-256 of the script's UTF-8 bytes, in a hash source."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii") + "'"


def test_hash_is_the_one_the_csp_specification_gives():
    # CSP Level 3, §8.4 example: <script>alert('Hello, world.');</script>
    assert script_hash("alert('Hello, world.');") == "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='"
    assert script_hash("document.title = 'Đình';") == independent_hash("document.title = 'Đình';")


@PROPERTIES
@given(st.text(alphabet=PATH_CHARACTERS, max_size=30))
def test_a_template_script_with_any_path_is_trusted(path):
    trusted = TrustedScripts()
    trusted.add_template(TEMPLATE)
    script = SCRIPT.format(path)
    assert trusted.trusts(script)
    page = f"<html><head><script>{script}</script></head><body></body></html>"
    assert trusted.hashes(page) == {independent_hash(script)}


@PROPERTIES
@given(st.text(alphabet=PATH_CHARACTERS, max_size=10), st.text(min_size=1, max_size=20), st.sampled_from(["append", "prepend", "inside"]))
def test_a_trusted_script_with_anything_added_is_not_trusted(path, extra, where):
    """Our script with code appended (or put where the path goes) never gets hashed."""
    if where == "inside":
        assume(re.search(r"[^A-Za-z0-9._/~-]", extra))  # a character no path has: a quote, a blank, code
        script = SCRIPT.format(path + extra)
    else:
        script = SCRIPT.format(path) + extra if where == "append" else extra + SCRIPT.format(path)
    trusted = TrustedScripts()
    trusted.add_template(TEMPLATE)
    assert not trusted.trusts(script)
    assert trusted.hashes(f"<head><script>{script}</script></head>") == set()


def test_a_script_with_template_logic_is_never_trusted_and_the_next_one_still_is():
    trusted = TrustedScripts()
    trusted.add_template("<script>{% if x %}a(){% endif %}</script><script>b()</script>")
    trusted.add_template("<script>c() {# a note #}</script>")
    trusted.add_template("<script>{% set y = 1 %}{# and a note #}d()</script>")
    assert not trusted.trusts("{% if x %}a(){% endif %}") and not trusted.trusts("a()")
    assert not trusted.trusts("c() {# a note #}") and not trusted.trusts("c() ")
    assert not trusted.trusts("{% set y = 1 %}{# and a note #}d()")
    assert trusted.trusts("b()")


def test_templates_are_read_from_every_html_file_of_the_theme_folders(tmp_path: Path):
    (tmp_path / "theme" / "partials").mkdir(parents=True)
    (tmp_path / "theme" / ".icons").mkdir()
    (tmp_path / "theme" / "main.html").write_text("<script>main()</script>", encoding="utf-8")
    (tmp_path / "theme" / "partials" / "nav.html").write_text("<script>nav('Đình')</script>", encoding="utf-8")
    (tmp_path / "theme" / ".icons" / "icon.html").write_text("<script>icon()</script>", encoding="utf-8")
    (tmp_path / "theme" / "notes.txt").write_text("<script>notes()</script>", encoding="utf-8")
    (tmp_path / "landing.jinja").write_text("<script>landing()</script>", encoding="utf-8")
    trusted = TrustedScripts.from_folders([tmp_path / "theme"], extra=[tmp_path / "landing.jinja"])
    assert [trusted.trusts(s) for s in ("main()", "nav('Đình')", "landing()", "icon()", "notes()")] == [True, True, True, False, False]


@pytest.mark.parametrize(
    "page, scripts",
    [
        ("<script>a()</script><SCRIPT type=\"module\">b()</SCRIPT>", ["a()", "b()"]),
        ('<script src="x.js"></script><script>after()</script>', ["after()"]),
        ('<script defer SRC = "x.js"></script><script data-src="y">lazy()</script>', ["lazy()"]),
        ('<script type="application/ld+json">{"@type": "Place"}</script><script>after()</script>', ["after()"]),
        ('<script type="Application/JSON">{}</script><script type="text/javascript">js()</script>', ["js()"]),
        ("<script>\nmulti();\nline();\n</script>", ["\nmulti();\nline();\n"]),
        ("<p>no script</p>", []),
    ],
)
def test_inline_scripts_are_what_a_browser_would_run_inline(page, scripts):
    assert inline_scripts(page) == scripts
    assert security.inline_script_hashes(page) == {independent_hash(s) for s in scripts}


# What the policy says, as the project's security design states it (docstring of outputs.security).
EXPECTED = {
    "default-src": ["'self'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "https://tile.openstreetmap.org"],
    "media-src": ["'self'"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "frame-src": ["https://www.youtube-nocookie.com"],
    "worker-src": ["'self'"],
    "manifest-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
}


def read_policy(text: str) -> dict[str, list[str]]:
    """CSP3 §2.2.1: directives split on ';', names and keyword sources without regard to case;
    hash sources keep their case (base64)."""
    directives: dict[str, list[str]] = {}
    for part in text.split(";"):
        name, *sources = part.split()
        assert name.lower() not in directives, f"{name} twice"
        directives[name.lower()] = [s if s.lower().startswith("'sha256-") else s.lower() for s in sources]
    return directives


@PROPERTIES
@given(st.sets(st.text(alphabet="abc();", min_size=1, max_size=8), max_size=4))
def test_the_policy_lists_exactly_the_trusted_hashes(scripts):
    hashes = {independent_hash(s) for s in scripts}
    read = read_policy(policy(hashes))
    assert read.pop("script-src") == ["'self'", *sorted(hashes)]
    assert read == EXPECTED


def test_a_page_gets_its_policy_first_in_its_head_and_safe_links():
    trusted = TrustedScripts()
    trusted.add_template("<script>ours()</script>")
    page = ('<!doctype html><html lang="vi"><HEAD data-x="1"><title>T</title><script>ours()</script><script>theirs()</script></HEAD>'
            '<body><a href="https://example.org/">x</a><a href="https://ward.example/di-tich/">y</a></body></html>')
    html, hashes = secure_page(page, trusted, own_host="ward.example")
    assert hashes == {independent_hash("ours()")}
    head_end = html.index('<HEAD data-x="1">') + len('<HEAD data-x="1">')
    assert html[head_end:].startswith('\n<meta http-equiv="Content-Security-Policy" content="')
    meta = html[head_end + 1 : html.index(">", head_end + 1) + 1]
    assert read_policy(meta.split('content="')[1].rstrip('">'))["script-src"] == ["'self'", independent_hash("ours()")]
    assert html.replace("\n" + meta, "", 1).replace(' rel="noopener noreferrer"', "") == page
    assert '<a href="https://example.org/" rel="noopener noreferrer">' in html
    assert '<a href="https://ward.example/di-tich/">' in html
    with pytest.raises(ValueError):
        secure_page("<html><body>no head</body></html>", trusted)


@pytest.mark.parametrize(
    "link, own_host, expected",
    [
        ('<a href="https://example.org/">', "", '<a href="https://example.org/" rel="noopener noreferrer">'),
        ('<a href="http://example.org/x" />', "", '<a href="http://example.org/x" rel="noopener noreferrer">'),
        ('<a href="https://example.org/" rel="external">', "", '<a href="https://example.org/" rel="external noopener noreferrer">'),
        ('<a href="https://example.org/" rel="noreferrer">', "", '<a href="https://example.org/" rel="noreferrer noopener">'),
        ('<a href="https://ward.example/">', "ward.example", '<a href="https://ward.example/">'),
        ('<a href="https://ward.example">', "ward.example", '<a href="https://ward.example">'),
        ('<a href="https://ward.example.evil.org/">', "ward.example", '<a href="https://ward.example.evil.org/" rel="noopener noreferrer">'),
        ('<a href="../le-hoi/">', "ward.example", '<a href="../le-hoi/">'),
        ('<a id="x">', "", '<a id="x">'),
    ],
)
def test_links_to_other_sites_open_without_a_referrer(link, own_host, expected):
    assert security.safe_external_links(f"<p>{link}x</a></p>", own_host) == f"<p>{expected}x</a></p>"


def read_headers(text: str) -> dict[str, dict[str, str]]:
    """A `_headers` file as Netlify and Cloudflare Pages read it: a path, then indented headers."""
    rules: dict[str, dict[str, str]] = {}
    current = None
    for line in text.splitlines():
        if line and not line[0].isspace():
            current = rules.setdefault(line.strip(), {})
        elif line.strip():
            name, _, value = line.strip().partition(":")
            current[name.strip().lower()] = value.strip()
    return rules


def test_the_headers_file_gives_hosts_the_same_policy(tmp_path: Path):
    hashes = {independent_hash("ours()")}
    csp = security.write_headers(tmp_path, hashes)
    rules = read_headers((tmp_path / "_headers").read_text(encoding="utf-8"))
    assert set(rules) == {"/*", "/sw.js"}
    site = rules["/*"]
    assert set(site) == {"content-security-policy", "x-content-type-options", "referrer-policy", "permissions-policy"}
    assert read_policy(site["content-security-policy"]) == {**read_policy(csp), "frame-ancestors": ["'none'"]}
    assert read_policy(csp)["script-src"] == ["'self'", *hashes]
    assert site["x-content-type-options"].lower() == "nosniff"
    assert site["referrer-policy"] == "strict-origin-when-cross-origin"
    assert site["permissions-policy"] == "camera=(), microphone=(), geolocation=()"
    assert {k: v.lower() for k, v in rules["/sw.js"].items()} == {"cache-control": "no-cache"}


# The live preview (`mkdocs serve`) adds its reload script to each page as it sends it.
RELOAD = security.numbers_template("livereload(${epoch}, ${request_id});")
POLICY_PAGE = b'<html><head>\n<meta http-equiv="Content-Security-Policy" content="default-src \'self\'; script-src \'self\'; object-src \'none\'"></head><body><p>x</p></body></html>'


def served(page: bytes, piece: bytes, at: int | None = None) -> bytes:
    at = page.rindex(b"</body>") if at is None else at
    return page[:at] + piece + page[at:]


def script_sources(page: bytes) -> list[str]:
    content = page.decode("utf-8").split('content="', 1)[1].split('"', 1)[0]
    return read_policy(content)["script-src"]


def test_the_reload_script_is_added_to_the_policy_as_a_source_of_its_own():
    added = security.allow_added_script(POLICY_PAGE, served(POLICY_PAGE, b"<script>livereload(17, 42);</script>"), RELOAD)
    assert script_sources(added) == ["'self'", independent_hash("livereload(17, 42);")]


def test_the_server_adds_before_the_last_body_end_or_at_the_end():
    twice = POLICY_PAGE.replace(b"<p>x</p>", b"<!-- </body> --><p>x</p>")
    added = security.allow_added_script(twice, served(twice, b"<script>livereload(1, 2);</script>"), RELOAD)
    assert independent_hash("livereload(1, 2);") in script_sources(added)
    no_end = POLICY_PAGE.replace(b"</body></html>", b"")
    added = security.allow_added_script(no_end, no_end + b"<script>livereload(3, 4);</script>", RELOAD)
    assert independent_hash("livereload(3, 4);") in script_sources(added)


@pytest.mark.parametrize(
    "change",
    [
        lambda page: served(page, b"<script>a()</script><p>"),  # more than one script element
        lambda page: served(page, b"<p><script>a()</script>"),
        lambda page: served(page, b"<script>a()</script>").replace(b"<p>x</p>", b"<p>y</p>"),  # the page itself changed
        lambda page: served(page, b"<script>a()</script>").replace(b"<html>", b"<html lang=vi>"),
        lambda page: served(page, b"<script>\xff\xfe()</script>"),  # not UTF-8
    ],
)
def test_only_one_added_script_element_is_ever_hashed(change):
    """Even a trust that accepts any script: what the server added must be exactly one script."""
    anything = security.re.compile(r".*", security.re.S)
    page = change(POLICY_PAGE)
    assert security.allow_added_script(POLICY_PAGE, page, anything) == page


def test_a_script_type_spelled_in_capitals_is_still_data():
    assert inline_scripts('<script TYPE="application/ld+json">{}</script><script>x()</script>') == ["x()"]


def test_a_page_without_head_is_refused_with_the_reason():
    with pytest.raises(ValueError, match=r"^a page without <head>: no policy can be set$"):
        secure_page("<html><body>x</body></html>", TrustedScripts())
