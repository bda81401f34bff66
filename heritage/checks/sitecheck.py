"""Every internal link and resource of the built site resolves (`python -m heritage linkcheck site`).

Unlike checks/links.py (which checks editors' Markdown before the build), this reads the
finished HTML: theme assets, images in every srcset, feeds, QR codes, both languages.
"""

from __future__ import annotations

import posixpath
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

URL_ATTRIBUTES = {("a", "href"), ("link", "href"), ("img", "src"), ("script", "src"), ("source", "src"), ("video", "poster"), ("audio", "src"), ("video", "src")}
SRCSET = {("img", "srcset"), ("source", "srcset")}


class _Targets(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.targets: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if not value:
                continue
            if (tag, name) in URL_ATTRIBUTES:
                self.targets.append(value)
            elif (tag, name) in SRCSET:
                self.targets.extend(part.strip().split(" ")[0] for part in value.split(",") if part.strip())


def _resolve(site: Path, page: Path, target: str, base: str = "/") -> Path | None:
    """The file a relative URL leads to, or None when it is not an internal file link. A link
    from the host's root (`/…`, the 404 page's) must start with the site's own path `base`."""
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or target.startswith(("#", "mailto:", "tel:", "data:", "javascript:")):
        return None
    path = unquote(parts.path)
    if not path:
        return None
    page_dir = page.parent.relative_to(site).as_posix()
    if path.startswith("/"):
        if not path.startswith(base):
            return site / "__outside_the_site__"
        joined = path[len(base):]
    else:
        joined = posixpath.normpath(posixpath.join(page_dir, path))
    if joined.startswith(".."):
        return site / "__outside_the_site__"
    resolved = site / joined
    if path.endswith("/") or resolved.is_dir():
        resolved = resolved / "index.html"
    return resolved


def broken_links(site: Path, base: str = "/") -> list[tuple[str, str]]:
    """(page, target) for every internal link or resource that leads to no file; `base` is the
    site's path on its host ("/heritage-site/" for a GitHub Pages project site)."""
    out = []
    for page in sorted(site.rglob("*.html")):
        parser = _Targets()
        parser.feed(page.read_text(encoding="utf-8"))
        for target in dict.fromkeys(parser.targets):
            resolved = _resolve(site, page, target, base)
            if resolved is not None and not resolved.is_file():
                out.append((page.relative_to(site).as_posix(), target))
    return out
