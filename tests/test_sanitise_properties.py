"""The output sanitiser on generated HTML (Hypothesis): nothing that runs survives, twice is once.

Each example mixes what Markdown writes with what an attacker would try (script, frames,
SVG, event handlers, `javascript:` addresses hidden by case, entities or blanks). The
cleaned HTML is then read as a browser reads it (lxml's HTML parser) and checked against
the rules stated independently here: the tags and schemes the contract allows, no `on…`
attribute, no reserved id, only admonition classes.
"""

from __future__ import annotations

import html as html_lib
import re
from urllib.parse import urlsplit

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import html as lxml_html

from heritage.outputs.sanitise import sanitise

from .properties import properties

PROPERTIES = properties(120)

SAFE_TAGS = ["p", "a", "em", "strong", "div", "span", "h2", "img", "ul", "li", "blockquote", "table", "td", "code"]
DANGEROUS_TAGS = ["script", "iframe", "style", "object", "embed", "svg", "math", "form", "input", "button", "meta", "link", "base", "frame", "noscript", "template", "video", "audio"]
HANDLERS = ["onclick", "onerror", "onload", "ONMOUSEOVER", "onfocus", "onanimationstart", "formaction", "style", "srcdoc"]
SCHEMES_ALLOWED = {"http", "https", "mailto", "tel"}
# Spellings of a script address a browser would follow: case, entities, blanks and controls.
HOSTILE_URLS = [
    "javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "\tjava\nscript:alert(1)", "&#106;avascript:alert(1)",
    "&#x6A;avascript&colon;alert(1)", "vbscript:msgbox(1)", "data:text/html,<script>alert(1)</script>", "ftp://files.example/x",
]
FRIENDLY_URLS = ["https://vi.wikipedia.org/wiki/H%E1%BB%99i_Lim", "../le-hoi/hoi-lim/", "/di-tich/", "#lich-su", "mailto:ubnd@example.vn", "tel:+84222"]
CLASSES = ["admonition", "note", "warning", "admonition-title", "md-button", "hx-card", "headerlink", "evil", "tip"]
IDS = ["lich-su", "__config", "__md_scope", "md-content", "hx-content", "ok-id", "md", "x__y", "hx"]
TEXT = st.sampled_from(["Đình", "Hội Lim", "x < y", "a & b", "“quote”", "", " "])

attribute = st.one_of(
    st.tuples(st.sampled_from(HANDLERS), st.just("alert(1)")),
    st.tuples(st.sampled_from(["href", "src", "action", "HREF", "xlink:href"]), st.sampled_from(HOSTILE_URLS + FRIENDLY_URLS)),
    st.tuples(st.just("class"), st.lists(st.sampled_from(CLASSES), max_size=4).map(" ".join)),
    st.tuples(st.just("id"), st.sampled_from(IDS)),
    st.tuples(st.sampled_from(["title", "lang", "alt"]), TEXT),
)


def element(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    def write(tag: str, attributes: list[tuple[str, str]], inner: list[str]) -> str:
        written = "".join(f' {name}="{value}"' for name, value in attributes)
        return f"<{tag}{written}>{''.join(inner)}</{tag}>"

    return st.builds(write, st.sampled_from(SAFE_TAGS + DANGEROUS_TAGS), st.lists(attribute, max_size=3), st.lists(children, max_size=3))


fragments = st.recursive(
    st.one_of(TEXT, st.sampled_from(["<!-- note -->", "<![CDATA[x]]>", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "</p>", "<br>"])),
    element,
    max_leaves=12,
)


def scheme_of(address: str) -> str:
    """The scheme a browser would see: entities decoded, blanks and controls dropped."""
    decoded = html_lib.unescape(address)
    compact = re.sub(r"[\x00-\x20]", "", decoded)
    return urlsplit(compact).scheme.lower()


def parse(clean: str):
    return lxml_html.fragment_fromstring(clean, create_parent="div")


@PROPERTIES
@given(st.lists(fragments, min_size=1, max_size=4).map("".join))
def test_nothing_that_runs_survives(story):
    clean = sanitise(story)
    root = parse(clean)
    for node in root.iter():
        if not isinstance(node.tag, str):
            assert False, f"a comment or processing instruction survived: {clean}"
        assert node.tag.lower() not in DANGEROUS_TAGS, clean
        for name, value in node.attrib.items():
            assert not name.lower().startswith("on") and name.lower() not in ("style", "srcdoc", "formaction", "action"), clean
            if name in ("href", "src"):
                assert scheme_of(value) in SCHEMES_ALLOWED | {""}, clean
            if name == "id":
                assert not value.startswith(("__", "md-", "hx-")), clean
            if name == "class":
                assert set(value.split()) <= {"admonition", "admonition-title", "note", "warning", "tip"}, clean


@PROPERTIES
@given(st.lists(fragments, min_size=1, max_size=4).map("".join))
def test_sanitising_twice_is_sanitising_once(story):
    once = sanitise(story)
    assert sanitise(once) == once


@PROPERTIES
@given(st.sampled_from(["__", "md-", "hx-"]), st.from_regex(r"[a-z_-]{0,12}", fullmatch=True))
def test_an_id_the_theme_or_our_scripts_look_up_is_dropped(prefix, rest):
    """`__config`, `__md_scope`, `md-content`, `hx-content`… and anything else that begins so."""
    assert 'id="' not in sanitise(f'<p id="{prefix}{rest}">Đình</p>')


@PROPERTIES
@given(st.from_regex(r"[a-z][a-z0-9_-]{0,12}", fullmatch=True))
def test_an_editor_s_own_heading_id_is_kept(name):
    """A heading's anchor (`## Lịch sử {#lich-su}`) still works, unless it takes a reserved name."""
    reserved = name.startswith(("md-", "hx-"))
    assert (f'id="{name}"' in sanitise(f'<h2 id="{name}">Lịch sử</h2>')) is not reserved


@PROPERTIES
@given(st.lists(st.sampled_from(CLASSES), min_size=1, max_size=5))
def test_only_admonition_classes_are_kept_in_the_editor_s_order(names):
    kept = [name for name in names if name in {"admonition", "admonition-title", "note", "warning", "tip"}]
    clean = sanitise(f'<div class="{" ".join(names)}">x</div>')
    assert clean == (f'<div class="{" ".join(kept)}">x</div>' if kept else "<div>x</div>")


def test_links_and_pictures_keep_what_the_editor_wrote():
    """No rel is added here (outputs.security adds it to external links only); other schemes go."""
    story = ('<p><a href="https://vi.wikipedia.org/" hreflang="vi" title="Wiki">w</a> <a href="mailto:a@b.vn">m</a> '
             '<img src="../anh.jpg" alt="Cổng" width="10" height="5" loading="lazy"></p>')
    assert sanitise(story) == story
    assert sanitise('<a href="ftp://files.example/x">x</a>') == "<a>x</a>"
    assert sanitise('<a href="data:text/html,x">x</a>') == "<a>x</a>"


def test_comments_are_removed_and_blank_text_is_kept():
    assert sanitise("<p>a<!-- ghi chú -->b</p>") == "<p>ab</p>"
    assert sanitise("  \n") == "  \n"
    assert sanitise("") == ""


@pytest.mark.parametrize("tag", ["nav", "header", "footer", "aside", "main", "article", "center", "bdo", "map", "area", "font", "ruby", "wbr"])
def test_tags_outside_the_allow_list_go_and_their_text_stays(tag):
    """A story's <nav> or <header> would add a landmark screen readers list beside the page's own."""
    assert sanitise(f"<div><{tag}>Đình làng</{tag}></div>") == "<div>Đình làng</div>"
