"""Security of the built site: a Content-Security-Policy, safe external links, host headers.

Each HTML file is secured as it is written (`secure_page`): its own inline scripts (the
theme's bootstrap, the QR landings' forwarder, the anchor fix, the `hx-js` class set
before the first paint) are hashed into a policy
in its <head>; anything else inline, such as a script smuggled into content, would be
blocked by the browser even if the content checks had missed it. Styles may be inline
(the theme sets some); scripts may not. `write_headers` then gives hosts that read a
`_headers` file the same policy for the whole site, with every page's hashes.
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

# The only hosts a page may reach, and only on the visitor's action: the map's background
# tiles after "show the background", the privacy-enhanced YouTube player after a tap.
TILES = "https://tile.openstreetmap.org"
YOUTUBE = "https://www.youtube-nocookie.com"
DATA_TYPES = ("application/json", "application/ld+json")


_SCRIPT = re.compile(r"<script(\s[^>]*)?>(.*?)</script>", re.S | re.I)


def inline_scripts(html: str) -> list[str]:
    """Executable inline scripts (not src=, not JSON data blocks)."""
    out = []
    for match in _SCRIPT.finditer(html):
        attrs = match.group(1) or ""
        if re.search(r"\ssrc\s*=", attrs, re.I):
            continue
        kind = re.search(r'\stype\s*=\s*"([^"]*)"', attrs, re.I)
        if kind and kind.group(1).lower() in DATA_TYPES:
            continue
        out.append(match.group(2))
    return out


def inline_script_hashes(html: str) -> set[str]:
    return {"'sha256-" + base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode() + "'" for s in inline_scripts(html)}


def policy(script_hashes: set[str]) -> str:
    scripts = " ".join(sorted(script_hashes))
    return "; ".join(
        [
            "default-src 'self'",
            f"script-src 'self' {scripts}".strip(),
            "style-src 'self' 'unsafe-inline'",
            f"img-src 'self' data: {TILES}",
            "media-src 'self'",
            "font-src 'self'",
            "connect-src 'self'",
            f"frame-src {YOUTUBE}",
            "worker-src 'self'",
            "manifest-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
        ]
    )


_ANCHOR = re.compile(r"<a\s[^>]*>", re.I)
_HREF = re.compile(r'\shref="(https?://[^"]*)"', re.I)
_REL = re.compile(r'\srel="([^"]*)"', re.I)


def safe_external_links(html: str, own_host: str = "") -> str:
    """rel="noopener noreferrer" on every link to another site (in start tags only)."""

    def fix(match: re.Match) -> str:
        tag = match.group(0)
        href = _HREF.search(tag)
        if href is None or (own_host and re.match(rf"https?://{re.escape(own_host)}(/|$)", href.group(1))):
            return tag
        rel = _REL.search(tag)
        if rel is None:
            return tag[:-1].rstrip("/").rstrip() + ' rel="noopener noreferrer">'
        values = rel.group(1).split()
        for needed in ("noopener", "noreferrer"):
            if needed not in values:
                values.append(needed)
        return tag[: rel.start()] + f' rel="{" ".join(values)}"' + tag[rel.end():]

    return _ANCHOR.sub(fix, html)


def secure_page(html: str, own_host: str = "") -> tuple[str, set[str]]:
    """The page with its policy (meta, first in <head>) and safe links; and its script hashes."""
    hashes = inline_script_hashes(html)
    html = safe_external_links(html, own_host)
    if "Content-Security-Policy" not in html:
        meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(hashes)}">'
        html = re.sub(r"<head>", lambda _: "<head>\n" + meta, html, count=1, flags=re.I)
    return html, hashes


HEADERS_FILE = "_headers"


def write_headers(site_root: Path, script_hashes: set[str]) -> str:
    """_headers for hosts that read one (Netlify, Cloudflare Pages); returns the policy."""
    csp = policy(script_hashes)
    (site_root / HEADERS_FILE).write_text(
        "/*\n"
        f"  Content-Security-Policy: {csp}; frame-ancestors 'none'\n"
        "  X-Content-Type-Options: nosniff\n"
        "  Referrer-Policy: strict-origin-when-cross-origin\n"
        "  Permissions-Policy: camera=(), microphone=(), geolocation=()\n"
        "/sw.js\n"
        "  Cache-Control: no-cache\n",
        encoding="utf-8",
    )
    return csp
