"""What a build means, written down as small text: normalised HTML of a page's content, the
page list of both languages, hreflang pairs, language-switch targets and the sitemap's URL set.

Used by tests/test_golden.py (the MkDocs build of a ward made by `init` against stored golden
files) and by scripts/compare_engines.py (the MkDocs build of this repository against ProperDocs'
and Zensical's, every page). Everything is
normalised so that only a difference a visitor would see remains: asset digests, cache-busting
query strings, whitespace and comments are not such differences.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit
from xml.etree import ElementTree

import html5lib
import lxml.html

# One page of each type (the golden file's name, the URL a visitor uses), in the site that
# `python -m heritage init` writes (tests/conftest.py `init_ward`): its sample entries, trail,
# event and first post are the engine's own, so no content edit of a ward changes them.
SAMPLE = "mau"  # init's sample ids: <section>-mau
PAGES: dict[str, str] = {
    "home": "/",
    "home-en": "/en/",
    "catalogue": "/di-tich/",
    **{f"entry-{s}": f"/{s}/{s}-{SAMPLE}/" for s in ("di-tich", "le-hoi", "lang-nghe", "nghe-nhan", "quan-ho", "san-pham")},
    "entry-en": f"/en/di-tich/di-tich-{SAMPLE}/",
    "column-index": "/chuyen-muc/",
    "column-post": "/chuyen-muc/ra-mat-trang/",
    "calendar": "/lich-le-hoi/",
    "map": "/ban-do/",
    "open-data": "/du-lieu/",
    "trail-index": "/hanh-trinh/",
    "trail": f"/hanh-trinh/hanh-trinh-{SAMPLE}/",
    "event-index": "/su-kien/",
    "event": f"/su-kien/su-kien-{SAMPLE}/",
    "trip": "/ke-hoach-tham-quan/",
    "search": "/tim-kiem/",
    "qr-landing": f"/q/di-tich-{SAMPLE}/",
    "404": "/404.html",
}

# Folders of built files whose names carry digests or are vendored third-party code.
UNLISTED = ("assets/", "media/", "admin/decap/")
URL_ATTRIBUTES = frozenset({"href", "src", "srcset", "poster", "content", "action", "data"})
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})
CACHE_BUSTERS = frozenset({"v", "ver", "version", "h", "hash", "_", "cache"})
# A content digest in a file name: main.57a0d79d.min.css, anh-1-fa395516-480.avif, og/d7f6…jpg
DIGEST = re.compile(r"(?<=[./-])[0-9a-f]{8,64}(?=[./-]|$)")
CSP_HASH = re.compile(r"'sha(256|384|512)-[A-Za-z0-9+/=]+'")
SPACE = re.compile(r"\s+")


def site_file(site: Path, url: str) -> Path:
    """The built file a URL is served from."""
    rel = url.lstrip("/")
    return site / (rel if rel.endswith(".html") else rel + "index.html")


def _url(value: str) -> str:
    def one(url: str) -> str:
        parts = urlsplit(url)
        query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k not in CACHE_BUSTERS]
        url = urlunsplit(parts._replace(query=urlencode(query))) if parts.query else url
        return DIGEST.sub("HASH", url)

    # srcset: "a.avif 480w, b.avif 960w"
    return ", ".join(" ".join([one(bits[0]), *bits[1:]]) for bits in (c.split() for c in value.split(",")) if bits) if "," in value and " " in value else one(value.strip())


def _attr(name: str, value: str) -> str:
    value = SPACE.sub(" ", value).strip()
    value = CSP_HASH.sub("'sha256-HASH'", value)
    if name in URL_ATTRIBUTES or name.startswith("data-"):
        value = _url(value)
    return value


def _text(text: str | None, pre: bool) -> str:
    if not text:
        return ""
    return text if pre else SPACE.sub(" ", text).strip()


def _emit(el, depth: int, out: list[str], pre: bool = False) -> None:
    """One tag per line, attributes sorted: a written-out form whose diff reads line by line
    (hand-written: lxml and html5lib serialise faithfully, which is what is not wanted here)."""
    if not isinstance(el.tag, str):  # comments and processing instructions
        return
    tag = el.tag.split("}")[-1].lower()
    pre = pre or tag in ("pre", "textarea", "script", "style")
    pad = " " * min(depth, 12)
    attrs = "".join(f' {k}="{html.escape(_attr(k, v))}"' for k, v in sorted(el.attrib.items()))
    out.append(f"{pad}<{tag}{attrs}>")
    if text := _text(el.text, pre):
        out.append(f"{pad} {html.escape(text, quote=False)}")
    for child in el:
        _emit(child, depth + 1, out, pre)
        if tail := _text(child.tail, pre):
            out.append(f"{pad} {html.escape(tail, quote=False)}")
    if tag not in VOID:
        out.append(f"{pad}</{tag}>")


def content_region(document):
    """Material's article, else the page's <main>, else its <body>: what differs between pages."""
    for path in ("//article[contains(concat(' ', @class, ' '), ' md-content__inner ')]", "//main", "//body"):
        found = document.xpath(path)
        if found:
            return found[0]
    return document


def normalise_html(markup: str) -> str:
    """The content region of a page, written out one tag per line with digests and whitespace normalised.
    html5lib parses as browsers do (libxml2 would nest a <source>'s neighbours inside it)."""
    document = html5lib.parse(markup, treebuilder="lxml", namespaceHTMLElements=False)
    out: list[str] = []
    _emit(content_region(document), 0, out)
    return "\n".join(out) + "\n"


def page_urls(site: Path) -> list[str]:
    """Every HTML page of the build, as the URL a visitor uses, Vietnamese ones first."""
    urls = []
    for path in site.rglob("*.html"):
        rel = path.relative_to(site).as_posix()
        if rel.startswith(UNLISTED):
            continue
        urls.append("/" + (rel[: -len("index.html")] if rel.endswith("index.html") else rel))
    return sorted(urls, key=lambda u: (u.startswith("/en/"), u))


def other_files(site: Path) -> list[str]:
    """Feeds, calendars, data downloads, QR images…: every published file that is no page."""
    files = []
    for path in site.rglob("*"):
        rel = path.relative_to(site).as_posix()
        if path.is_file() and not rel.endswith(".html") and not rel.startswith(UNLISTED):
            files.append("/" + rel)
    return sorted(files)


def _parse(site: Path, url: str):
    return lxml.html.document_fromstring(site_file(site, url).read_bytes())


def _site_path(base: str, page_url: str, href: str) -> str:
    """A link as a path from the site's root, whether written absolute (site_url…) or relative."""
    absolute = urljoin(urljoin("http://site.invalid/", page_url), href) if "://" not in href else href
    if base and absolute.startswith(base):
        absolute = "http://site.invalid/" + absolute[len(base):]
    parts = urlsplit(absolute)
    return parts.path + (f"#{parts.fragment}" if parts.fragment else "") if parts.netloc == "site.invalid" else absolute


@dataclass(frozen=True)
class LinkSets:
    hreflang: list[str]
    switch: list[str]


def link_sets(site: Path, site_url: str) -> LinkSets:
    """Per page: its hreflang alternates, and where the language switch leads."""
    hreflang, switch = [], []
    for url in page_urls(site):
        document = _parse(site, url)
        alternates = sorted(f"{el.get('hreflang')}={_site_path(site_url, url, el.get('href', ''))}" for el in document.xpath("//head/link[@rel='alternate'][@hreflang]"))
        if alternates:
            hreflang.append(f"{url} " + " ".join(alternates))
        links = [f"{el.get('hreflang')}={_site_path(site_url, url, el.get('href', ''))}" for el in document.xpath("//a[contains(@class, 'md-select__link')]")]
        if links:
            switch.append(f"{url} " + " ".join(links))
    return LinkSets(hreflang, switch)


def sitemap_urls(site: Path, site_url: str) -> list[str]:
    """The sitemap's <loc> set, as paths from the site's root (lastmod is the day of the build)."""
    if not (site / "sitemap.xml").is_file():
        return ["(no sitemap.xml)"]
    root = ElementTree.parse(site / "sitemap.xml").getroot()
    locs = [el.text or "" for el in root.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    return sorted(_site_path(site_url, "/", loc.strip()) for loc in locs)


def lists(site: Path, site_url: str) -> dict[str, str]:
    """The build's lists as text: pages, other files, hreflang pairs, switch targets, sitemap."""
    links = link_sets(site, site_url)
    return {
        "urls.txt": "\n".join(page_urls(site)) + "\n",
        "files.txt": "\n".join(other_files(site)) + "\n",
        "hreflang.txt": "\n".join(links.hreflang) + "\n",
        "switch.txt": "\n".join(links.switch) + "\n",
        "sitemap.txt": "\n".join(sitemap_urls(site, site_url)) + "\n",
    }


def page(site: Path, url: str) -> str:
    """One page's normalised content region, or a line naming the page that is not there."""
    path = site_file(site, url)
    return normalise_html(path.read_text(encoding="utf-8")) if path.is_file() else f"(missing: {url})\n"


def snapshot(site: Path, site_url: str, pages: dict[str, str] = PAGES) -> dict[str, str]:
    """Every golden file's name and text, for one build."""
    return lists(site, site_url) | {f"pages/{name}.html": page(site, url) for name, url in pages.items()}


__all__ = ["PAGES", "normalise_html", "page_urls", "other_files", "link_sets", "sitemap_urls", "lists", "page", "snapshot"]
