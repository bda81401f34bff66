"""Content safety: no scripts, frames, styles, event handlers or script URLs from editors.

The ward plan forbids publishing anything nobody reviewed; a pull request must not be
able to run code in visitors' browsers. We do not rewrite content silently: we parse
the HTML (the standard library's HTML parser) and refuse, naming the tag and the line,
so the editor sees exactly what to remove.

Python's parser reads some markup differently from browsers (`<!-->`, CDATA,
`<noscript>`), so a second pass looks for a forbidden tag or a `style=`/`on…=`
attribute anywhere in the rendered HTML, whatever wraps it: rendered Markdown escapes
every `<` an editor meant as text, so any left is markup. These messages are for
editors; what guarantees visitors' safety is the output sanitiser
(`outputs.sanitise`) and the Content-Security-Policy (`outputs.security`).
"""

from __future__ import annotations

import html as html_entities
import re
from dataclasses import dataclass
from html.parser import HTMLParser

from heritage.content.addresses import visible

FORBIDDEN_TAGS = {"script", "iframe", "object", "embed", "style", "frame", "frameset", "applet", "base", "meta", "link"}
URL_ATTRIBUTES = {"href", "src", "srcset", "action", "formaction", "poster", "data", "xlink:href", "background", "cite"}
FORBIDDEN_SCHEMES = ("javascript:", "data:", "vbscript:")


@dataclass(frozen=True)
class Finding:
    what: str  # "tag", "attribute" or "url"
    name: str  # the tag, attribute, or scheme
    snippet: str  # the start tag as parsed
    value: str = ""  # the offending attribute value, if any: easier to find in Markdown

    def explain(self) -> tuple[str, str]:
        if self.what == "tag":
            return (
                f"Có thẻ <{self.name}> trong nội dung: thẻ này có thể chạy mã hoặc thay đổi trang, nên không được phép.",
                f"The content contains a <{self.name}> tag, which can run code or alter the page and is not allowed.",
            )
        if self.what == "style":
            return (
                "Có thuộc tính style= (định dạng tự do: có thể che cả trang bằng một liên kết khác): không được phép.",
                "The content has a style= attribute (free styling can cover the whole page with another link): not allowed.",
            )
        if self.what == "attribute":
            return (
                f"Có thuộc tính sự kiện {self.name}= (chạy mã khi người xem bấm hoặc di chuột): không được phép.",
                f"The content has an event-handler attribute {self.name}= (runs code when a visitor clicks or hovers): not allowed.",
            )
        # The value names which link: three hidden the same way on one line stay three messages.
        shown = f" '{visible(self.value[:60])}'" if self.value else ""
        return (
            f"Có đường dẫn dạng {self.name}{shown} (chạy mã hoặc nhúng tệp ẩn): không được phép.",
            f"The content has a {self.name} link{shown} (runs code or embeds hidden content): not allowed.",
        )


class _Scanner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.findings: list[Finding] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        raw = self.get_starttag_text() or f"<{tag}"
        if tag in FORBIDDEN_TAGS:
            self.findings.append(Finding("tag", tag, raw))
        for name, value in attrs:
            if name.startswith("on"):
                self.findings.append(Finding("attribute", name, raw, value or ""))
            elif name == "style":
                self.findings.append(Finding("style", name, raw, value or ""))
            elif name in URL_ATTRIBUTES and value:
                compact = "".join(value.split()).lower()
                for scheme in FORBIDDEN_SCHEMES:
                    if compact.startswith(scheme) or (name == "srcset" and scheme in compact):
                        self.findings.append(Finding("url", scheme, raw, value))

    handle_startendtag = handle_starttag


_ANY_FORBIDDEN_TAG = re.compile(r"<\s*(" + "|".join(sorted(FORBIDDEN_TAGS)) + r")\b[^>]*>?", re.I)
_ANY_HANDLER = re.compile(r"<[a-z][^>]*?[\s/\"'](on[a-z]+|style)\s*=[^>]*>?", re.I)


def _wrapped(html: str, found: list[Finding]) -> list[Finding]:
    """Forbidden markup the standard parser took for a comment, CDATA or text."""
    seen = {(f.what, f.name) for f in found}
    out = []
    for match in _ANY_FORBIDDEN_TAG.finditer(html):
        if ("tag", match.group(1).lower()) not in seen:
            seen.add(("tag", match.group(1).lower()))
            out.append(Finding("tag", match.group(1).lower(), match.group(0)))
    for match in _ANY_HANDLER.finditer(html):
        name = match.group(1).lower()
        what = "style" if name == "style" else "attribute"
        if (what, name) not in seen:
            seen.add((what, name))
            out.append(Finding(what, name, match.group(0)))
    return out


def scan_html(html: str) -> list[Finding]:
    scanner = _Scanner()
    scanner.feed(html)
    scanner.close()
    return scanner.findings + _wrapped(html, scanner.findings)


def scan_text(text: str) -> list[Finding]:
    """Plain text from YAML: any markup at all that would be dangerous as HTML."""
    findings = scan_html(text)
    lowered = "".join(text.split()).lower()
    if not findings:
        for scheme in FORBIDDEN_SCHEMES[::2]:  # javascript:, vbscript: as bare text links
            if lowered.startswith(scheme):
                findings.append(Finding("url", scheme, text[:40]))
    return findings


def _compact(text: str) -> str:
    """Text as a browser reads a URL: entities decoded, whitespace gone, any case."""
    return "".join(html_entities.unescape(text).split()).lower()


def _line_of_decoded(source: str, value: str) -> int | None:
    """The line where `value` starts once each line's entities are decoded (`jav&#x09;ascript:`,
    `&#106;avascript:`, `&colon;`): the parser's value is not in the source as written."""
    wanted = _compact(value)[:60]
    if not wanted:
        return None
    joined, starts = "", []
    for number, line in enumerate(source.split("\n"), start=1):
        starts.append((len(joined), number))
        joined += _compact(line)
    index = joined.find(wanted)
    if index < 0:
        return None
    return next(number for start, number in reversed(starts) if start <= index)


def line_of(source: str, snippet: str, value: str = "") -> int | None:
    """Where a finding sits in the Markdown source: its value, else the first line of its tag."""
    probe = snippet.split("\n", 1)[0][:60]
    index = source.find(value[:60]) if value else -1
    if index < 0 and value:
        line = _line_of_decoded(source, value)
        if line is not None:
            return line
    if index < 0:
        index = source.find(probe)
    if index < 0:
        lowered = source.lower()
        for key in (probe.lower(), probe.split(" ", 1)[0].lower()):
            index = lowered.find(key)
            if index >= 0:
                break
    return source.count("\n", 0, index) + 1 if index >= 0 else None
