"""Web addresses editors and the deploy give: http(s) with a host, and nothing that could leave
the attribute it is printed in.

A `site_url` of `https://x/"><meta http-equiv="refresh" …>` was printed raw by the theme
(MkDocs' templates do not autoescape) and a `javascript:` licence link ran on a click: an
address is refused unless it is plainly a web address. The same rule holds for every
address field of every data file and for the SITE_URL environment variable.
"""

from __future__ import annotations

import os
import re
from typing import Annotated
from urllib.parse import quote, urlsplit

from pydantic import AfterValidator, StringConstraints
from pydantic_core import PydanticCustomError

from heritage.problems import Problem

# Characters no address we publish needs, and each of which can end an HTML attribute, start a
# tag, or hide what the address says: whitespace, quotes, angle brackets, backslash, backtick,
# controls and the invisible direction marks.
_UNSAFE = re.compile(r"[\s\"'<>\\`\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]")
_HOST = re.compile(r"^(?:[\w-]+(?:\.[\w-]+)*\.?|[0-9a-f:.]+)$", re.I)  # a name, or an IP address


# The rule as one regular expression, for Python's `re` and for JavaScript (flag "u") alike: the
# web editor's form (admin/hx-fields.js) refuses with it what `make check` refuses, and
# is_web_address() holds to it too, so the two cannot drift. A host is a name (letters of any
# script, digits, '-', '_') or an IPv6 address in brackets; a port 0-65535; then a path, query
# or fragment of safe characters. `\w` is written per engine (JavaScript's is ASCII only).
_WORD = {"python": r"\w", "javascript": r"\p{L}\p{N}_"}
_SAFE = r"""[^\s"'<>\\`\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]"""
_H = "[0-9a-fA-F]{1,4}"
_IPV6 = "|".join(
    (
        f"(?:{_H}:){{7}}{_H}",
        f"(?:{_H}:){{1,7}}:",
        *(f"(?:{_H}:){{1,{6 - k}}}(?::{_H}){{1,{k + 1}}}" for k in range(6)),
        f":(?:(?::{_H}){{1,7}}|:)",
    )
)
_PORT = r"0*(?:6553[0-5]|655[0-2][0-9]|65[0-4][0-9]{2}|6[0-4][0-9]{3}|[1-5][0-9]{4}|[0-9]{1,4})"


def web_address_pattern(engine: str = "python", site_path: bool = False, any_case: bool = False) -> str:
    """The whole rule of a web address (or, with `site_path`, of a source: also a page of this
    site written from its root, never `//`) as a regular expression for `engine`. A data file's
    address starts `http` in lower case (WEB_PATTERN); SITE_URL and a QR code's may not (`any_case`)."""
    word = _WORD[engine]
    host = rf"(?:[{word}-]+(?:\.[{word}-]+)*\.?|\[(?:{_IPV6})\])"
    scheme = "[hH][tT][tT][pP][sS]?" if any_case else "https?"
    web = rf"{scheme}://{host}(?::(?:{_PORT})?)?(?:[/?#]{_SAFE}*)?"
    return rf"^(?:{web}|/(?:(?!/){_SAFE}{_SAFE}*)?)$" if site_path else rf"^{web}$"


WEB_ADDRESS = re.compile(web_address_pattern(any_case=True))


def visible(value: str) -> str:
    """A value as an error message may quote it: invisible characters written as U+XXXX, so
    that a terminal never obeys an escape sequence it contains."""
    return "".join(f"U+{ord(c):04X}" if c != " " and (c.isspace() or not c.isprintable()) else c for c in str(value))[:200]


def is_web_address(value: str) -> bool:
    """`http://` or `https://`, a host, and no character that is unsafe in an attribute; and of
    the form `web_address_pattern()` writes, which the web editor's form checks as it is typed."""
    if not isinstance(value, str) or _UNSAFE.search(value) or not WEB_ADDRESS.match(value):
        return False
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018  (raises on a port that is not a number)
    except ValueError:
        return False
    return (
        parts.scheme in ("http", "https")
        and value[: len(parts.scheme) + 3].lower() == parts.scheme + "://"
        and "@" not in parts.netloc  # https://ward.example@elsewhere.example leads elsewhere
        and bool(parts.hostname)
        and _HOST.match(parts.hostname) is not None
    )


def is_site_path(value: str) -> bool:
    """A page of this site written from its root, e.g. /gioi-thieu/ (a source may cite one)."""
    return isinstance(value, str) and value.startswith("/") and not value.startswith("//") and not _UNSAFE.search(value)


def _refused(value: str) -> PydanticCustomError:
    """The schema's error for a broken rule (as `schema.broken`: the wording is in `messages`)."""
    return PydanticCustomError("heritage", "web-address", {"rule": "web-address", "value": visible(value)})


def _web_address(value: str) -> str:
    if not is_web_address(value):
        raise _refused(value)
    return value


def _web_or_site_address(value: str) -> str:
    if not (is_web_address(value) or is_site_path(value)):
        raise _refused(value)
    return value


# For pydantic models: an address field of any data file. The pattern is the rule's first cut,
# which the web editor's form (heritage/editor/) checks as the editor types; the validator is the rule.
_SAFE_RUN = r"""[^\s"'<>\\`]"""
WEB_PATTERN = rf"^https?://{_SAFE_RUN}+$"
SOURCE_PATTERN = rf"^(https?://{_SAFE_RUN}+|/{_SAFE_RUN}*)$"
WebAddress = Annotated[str, StringConstraints(strip_whitespace=True, pattern=WEB_PATTERN), AfterValidator(_web_address)]
# A source: a web address or a page of this site.
SourceAddress = Annotated[str, StringConstraints(strip_whitespace=True, pattern=SOURCE_PATTERN), AfterValidator(_web_or_site_address)]

SITE_URL_VARIABLE = "SITE_URL"


def site_url_variable_problems() -> list[Problem]:
    """The deploy's SITE_URL, held to the same rule as data/site.yml's site_url."""
    value = os.environ.get(SITE_URL_VARIABLE, "").strip()
    if not value or is_web_address(value):
        return []
    shown = visible(value)
    return [
        Problem(
            f"{SITE_URL_VARIABLE} (biến môi trường / environment variable)",
            f"Biến môi trường SITE_URL ('{shown}') không phải địa chỉ web: chỉ nhận http:// hoặc https:// với tên miền, không có dấu nháy, dấu cách, dấu < > hay \\.",
            f"The environment variable SITE_URL ('{shown}') is not a web address: only http:// or https:// with a host, without quotes, spaces, < > or \\.",
            "Sửa SITE_URL trong quy trình xuất bản (hoặc xóa nó để dùng site_url trong data/site.yml), ví dụ https://disan.example.org/.",
            "Fix SITE_URL in the deploy workflow (or unset it to use site_url from data/site.yml), e.g. https://heritage.example.org/.",
        )
    ]


def attribute_safe(url: str) -> str:
    """An address with every character that could leave an attribute percent-encoded: the theme
    prints the site's address raw in every page's links, so this holds even if a check were
    bypassed. A valid address comes back unchanged."""
    return _UNSAFE.sub(lambda m: quote(m.group(0), safe=""), url)
