"""The HTML editors write, made safe as it is published: an allow-list, parsed as browsers parse.

The content checks (`checks.safety`) tell an editor what to remove, but they read the
source with Python's `html.parser`, which disagrees with browsers on comments, CDATA
and `<noscript>`. What guarantees that nothing an editor writes runs in a visitor's
browser is this pass: the rendered Markdown of every story and post goes through nh3
(ammonia, the HTML5 parsing rules browsers follow) with an allow-list of what
Markdown and its extensions write. No script, frame, form, style or event handler can
survive it; links keep http(s), mailto, tel and relative addresses only.
"""

from __future__ import annotations

import re

import nh3

# What Python-Markdown (with attr_list, md_in_html, admonition, tables, toc) writes, and
# the few inline tags editors use in stories. No style, form, media or embedding tags:
# photos, audio and video come from the data, in blocks we write ourselves.
TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "dd", "del", "details", "dfn", "div", "dl", "dt",
    "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark",
    "ol", "p", "pre", "q", "s", "samp", "small", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td",
    "tfoot", "th", "thead", "time", "tr", "u", "ul",
}
_COMMON = {"id", "class", "title", "lang", "dir"}
ATTRIBUTES = {
    "*": _COMMON,
    "a": {"href", "hreflang"},
    "img": {"src", "alt", "width", "height", "loading"},
    "td": {"colspan", "rowspan", "align"},
    "th": {"colspan", "rowspan", "align", "scope"},
    "ol": {"start", "reversed"},
    "time": {"datetime"},
    "details": {"open"},
    "abbr": {"title"},
    "q": {"cite"},
    "blockquote": {"cite"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}
# Class names an editor's text may keep: the admonition boxes (`!!! note` writes `admonition
# note`). Anything else is dropped, above all the theme's (`md-…`: `md-button` would dress a
# link to anywhere as the site's own button) and ours (`hx-…`, `headerlink`): a story must not
# look like the page around it. Markdown's `toc` writes no class (permalink: false in mkdocs.yml).
_CLASS = re.compile(r"^(admonition(-title)?|note|abstract|info|tip|success|question|warning|failure|danger|bug|example|quote)$")
# Ids the theme's and our scripts look up (`__config`, `__md_*`, `hx-content`…) must not be clobbered.
_RESERVED_ID = re.compile(r"^(__|md-|hx-)")


def _filter(tag: str, attribute: str, value: str) -> str | None:
    if attribute == "class":
        kept = [name for name in value.split() if _CLASS.match(name)]
        return " ".join(kept) or None
    if attribute == "id" and _RESERVED_ID.match(value):
        return None
    return value


def sanitise(html: str) -> str:
    """Editor HTML reduced to the allow-list (comments, scripts, styles and handlers removed)."""
    if not html.strip():
        return html
    return nh3.clean(
        html,
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        attribute_filter=_filter,
        link_rel=None,  # outputs.security adds rel="noopener noreferrer" to external links
        strip_comments=True,
    )
