"""Security of the built site: a Content-Security-Policy, safe external links, host headers.

The policy lists only the project's own inline scripts: those written by the theme's and
our templates (Material's bootstrap, the anchor fix, the `hx-js` class set before the
first paint, the QR landings' forwarder). `TrustedScripts` reads them from the template
files themselves, before any editor content exists; a template's `{{ … }}` (the page's
base path) may only stand for path characters. A script found in a finished page is
hashed into its policy only if it is one of these, so a script smuggled into content,
however it got past the sanitiser, is blocked by the browser and reported as a
violation. Every page gets its policy first in <head>, whatever its text says. Styles
may be inline (the theme sets some); scripts may not. `write_headers` then gives hosts
that read a `_headers` file the same policy for the whole site.
"""

from __future__ import annotations

import base64
import hashlib
import os
import re
from collections.abc import Iterable
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


def script_hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode() + "'"


def inline_script_hashes(html: str) -> set[str]:
    """Hashes of every inline script in a page, trusted or not (for tests and audits)."""
    return {script_hash(s) for s in inline_scripts(html)}


# What a template's `{{ … }}` may become inside a trusted script: a path, nothing that
# could close a string or start code.
_TEMPLATE_VALUE = r"[A-Za-z0-9._/~-]*"
_JINJA_EXPRESSION = re.compile(r"\{\{.*?\}\}", re.S)


class TrustedScripts:
    """The inline scripts the theme's and our templates write, read from the template files."""

    def __init__(self, template_files: Iterable[Path] = ()):
        self.patterns: list[re.Pattern] = []
        self._seen: dict[str, str | None] = {}  # script → its hash if trusted: pages repeat the same few
        for path in template_files:
            self.add_template(path.read_text(encoding="utf-8"))

    @classmethod
    def from_folders(cls, folders: Iterable[Path], extra: Iterable[Path] = ()) -> "TrustedScripts":
        """Every template under the theme's folders (custom_dir first), plus single files."""
        files = []
        for folder in folders:
            for dirpath, dirnames, filenames in os.walk(folder):
                dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))  # Material's .icons: thousands of SVGs
                files.extend(Path(dirpath) / name for name in sorted(filenames) if name.endswith(".html"))
        return cls([*files, *extra])

    def add_template(self, text: str) -> None:
        for script in inline_scripts(text):
            if "{%" in script or "{#" in script:
                continue  # logic inside a script: not something we can pin; a test lists what is trusted
            parts = _JINJA_EXPRESSION.split(script)
            self.patterns.append(re.compile(_TEMPLATE_VALUE.join(re.escape(p) for p in parts)))
        self._seen.clear()

    def trusts(self, script: str) -> bool:
        return any(p.fullmatch(script) for p in self.patterns)

    def hashes(self, html: str) -> set[str]:
        """Hashes of the page's inline scripts that the templates wrote; others stay blocked."""
        out = set()
        for script in inline_scripts(html):
            if script not in self._seen:
                self._seen[script] = script_hash(script) if self.trusts(script) else None
            if self._seen[script] is not None:
                out.add(self._seen[script])
        return out


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
    own = re.compile(rf"https?://{re.escape(own_host)}(/|$)") if own_host else None

    def fix(match: re.Match) -> str:
        tag = match.group(0)
        href = _HREF.search(tag)
        if href is None or (own and own.match(href.group(1))):
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


_HEAD = re.compile(r"<head(\s[^>]*)?>", re.I)


def secure_page(html: str, trusted: TrustedScripts, own_host: str = "") -> tuple[str, set[str]]:
    """The page with its policy (meta, first in <head>) and safe links; and its script hashes.

    Only scripts `trusted` knows from the templates are hashed. The policy goes in
    whatever the page contains: a second policy can only restrict, never widen.
    """
    hashes = trusted.hashes(html)
    html = safe_external_links(html, own_host)
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(hashes)}">'
    head = _HEAD.search(html)
    if head is None:
        raise ValueError("a page without <head>: no policy can be set")
    return html[: head.end()] + "\n" + meta + html[head.end():], hashes


def numbers_template(template: str) -> re.Pattern:
    """A script template whose `${name}` placeholders may only stand for digits (the reload
    script's page version and request number)."""
    return re.compile(r"[0-9]+".join(re.escape(part) for part in re.split(r"\$\{\w+\}", template)))


_OWN_POLICY = re.compile(r'(<head(?:\s[^>]*)?>\n<meta http-equiv="Content-Security-Policy" content="[^"]*?script-src \'self\')', re.I)


def allow_added_script(before: bytes, after: bytes, trusted: re.Pattern) -> bytes:
    """`after` (`before` with one inline script added by the preview server) with that script's
    hash in the policy `secure_page` put first in its <head>, if the script is `trusted`.

    Why: `mkdocs serve` adds its reload script to each page as it sends it, with two numbers
    that change on every request, so its hash cannot be known when the page is built. The
    script is taken from what the server added (nothing a page's content wrote) and hashed
    only when it matches the server's own template. A page without our policy there (the
    editor's /admin/, whose policy is its own) is left as it is: a reload would lose the form.
    """
    at = before.rfind(b"</body>")  # where the server puts it, as mkdocs serve does
    at = len(before) if at < 0 else at
    piece = after[at : at + len(after) - len(before)]
    if not (after[:at] == before[:at] and after[at + len(piece) :] == before[at:] and piece.startswith(b"<script>") and piece.endswith(b"</script>")):
        return after
    script = piece[len(b"<script>") : -len(b"</script>")].decode("utf-8", "replace")
    if not trusted.fullmatch(script):
        return after
    try:
        html = after.decode("utf-8")
    except UnicodeDecodeError:
        return after
    html, count = _OWN_POLICY.subn(lambda m: m.group(1) + " " + script_hash(script), html, count=1)
    return html.encode("utf-8") if count else after


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
