"""Content safety: no scripts, frames, styles, event handlers or script URLs from editors.

The ward plan forbids publishing anything nobody reviewed; a pull request must not be
able to run code in visitors' browsers. We do not rewrite content silently: we parse
the HTML (the standard library's HTML parser, not regular expressions) and refuse,
naming the tag and the line, so the editor sees exactly what to remove.
"""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser

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
        if self.what == "attribute":
            return (
                f"Có thuộc tính sự kiện {self.name}= (chạy mã khi người xem bấm hoặc di chuột): không được phép.",
                f"The content has an event-handler attribute {self.name}= (runs code when a visitor clicks or hovers): not allowed.",
            )
        return (
            f"Có đường dẫn dạng {self.name} (chạy mã hoặc nhúng tệp ẩn): không được phép.",
            f"The content has a {self.name} link (runs code or embeds hidden content): not allowed.",
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
            elif name in URL_ATTRIBUTES and value:
                compact = "".join(value.split()).lower()
                for scheme in FORBIDDEN_SCHEMES:
                    if compact.startswith(scheme) or (name == "srcset" and scheme in compact):
                        self.findings.append(Finding("url", scheme, raw, value))

    handle_startendtag = handle_starttag


def scan_html(html: str) -> list[Finding]:
    scanner = _Scanner()
    scanner.feed(html)
    scanner.close()
    return scanner.findings


def scan_text(text: str) -> list[Finding]:
    """Plain text from YAML: any markup at all that would be dangerous as HTML."""
    findings = scan_html(text)
    lowered = "".join(text.split()).lower()
    if not findings:
        for scheme in FORBIDDEN_SCHEMES[::2]:  # javascript:, vbscript: as bare text links
            if lowered.startswith(scheme):
                findings.append(Finding("url", scheme, text[:40]))
    return findings


def line_of(source: str, snippet: str, value: str = "") -> int | None:
    """Where a finding sits in the Markdown source: its value, else the first line of its tag."""
    probe = snippet.split("\n", 1)[0][:60]
    index = source.find(value[:60]) if value else -1
    if index < 0:
        index = source.find(probe)
    if index < 0:
        lowered = source.lower()
        for key in (probe.lower(), probe.split(" ", 1)[0].lower()):
            index = lowered.find(key)
            if index >= 0:
                break
    return source.count("\n", 0, index) + 1 if index >= 0 else None
