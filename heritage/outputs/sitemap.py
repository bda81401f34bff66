"""sitemap.xml with both languages of every page and dates taken from the content.

A page's date is the last commit touching either language's Markdown (an entry's YAML and a
trail's too); a post's, never earlier than its publication date. Without git history (a
shallow clone) the date is left out rather than invented from the build time, but for a
post, whose publication date is its own.
"""

from __future__ import annotations

import datetime as dt
import gzip
import xml.etree.ElementTree as ET
from pathlib import Path

from heritage import urls
from heritage.content import history
from heritage.memo import stamp
from heritage.sections import COLUMN, LANGUAGES

SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML = "http://www.w3.org/1999/xhtml"
SITEMAP_FILE = "sitemap.xml"
# The root declares its namespaces itself and the tags carry their prefixes as written, so the
# output is `<urlset xmlns="…">` whatever ElementTree's global prefix registry holds (another
# module, or a GPX file written before, can change that registry; naive readers want no `ns0:`).
NAMESPACES = {"xmlns": SITEMAP, "xmlns:xhtml": XHTML}


def content_date(site, rel: str, changed: dict[str, dt.date]) -> dt.date | None:
    """The date a page's content last changed (rel: path under docs/<lang>/): the sitemap's
    `lastmod` and a post's `dateModified` in its JSON-LD both come from here, so they agree.

    The last commit touching either language's Markdown, or an entry's or a trail's YAML; a
    post's never before its publication date (a post committed ahead of its date changes
    when it appears), and its publication date alone without history.
    `changed` is `history.last_changed` of the repository, asked once per sitemap.
    """
    folder, _, name = rel.rpartition("/")
    stem = name[:-3]
    candidates = [f"docs/{lang}/{rel}" for lang in LANGUAGES]
    entry = site.inventory.entries.get(stem)
    if entry is not None and entry.section == folder:
        candidates.append(entry.rel)
    trail = site.inventory.trails.get(stem)
    if trail is not None and folder == urls.TRAILS:
        candidates.append(trail.rel)
    dates = [changed[c] for c in candidates if c in changed]
    if folder == COLUMN.key:
        dates += [post.date for lang in LANGUAGES if (post := site.inventory.post(lang, stem)) is not None]
    return max(dates) if dates else None


_KEPT: dict[Path, tuple] = {}  # the live preview's: each sitemap's pages and dates, and its files' stamps


def write_sitemap(site, site_root: Path, absolute, keep: bool = False) -> Path:
    """sitemap.xml (and its gzip copy) at the site's root, in the sitemaps.org default namespace.
    `keep` (the live preview): not written again while it would list the same addresses and
    dates as the files written last, still there as they were (heritage.memo.stamp)."""
    changed = history.last_changed(site.root, history.head_of(site.root))
    listed = [
        ({lang: absolute(urls.from_source(f"{lang}/{rel}")) for lang in LANGUAGES}, content_date(site, rel, changed))
        for rel in site.public_pages()
    ]
    target, packed = site_root / SITEMAP_FILE, site_root / "sitemap.xml.gz"
    if keep and _KEPT.get(target) == (listed, stamp(target), stamp(packed)):
        return target
    urlset = ET.Element("urlset", NAMESPACES)
    for addresses, day in listed:
        for lang in LANGUAGES:
            url = ET.SubElement(urlset, "url")
            ET.SubElement(url, "loc").text = addresses[lang]
            if day is not None:
                ET.SubElement(url, "lastmod").text = day.isoformat()
            for other in LANGUAGES:
                ET.SubElement(url, "xhtml:link", {"rel": "alternate", "hreflang": other, "href": addresses[other]})
            ET.SubElement(url, "xhtml:link", {"rel": "alternate", "hreflang": "x-default", "href": addresses[LANGUAGES[0]]})
    tree = ET.ElementTree(urlset)
    ET.indent(tree)
    tree.write(target, encoding="utf-8", xml_declaration=True)
    with gzip.GzipFile(packed, "wb", mtime=0) as handle:
        handle.write(target.read_bytes())
    if keep:
        _KEPT[target] = (listed, stamp(target), stamp(packed))
    return target


def write_robots(site_root: Path, sitemap_url: str) -> Path:
    """robots.txt: every page may be crawled, and the sitemap is named. Pages kept out of
    search results (search, translation status, /admin/, QR landings, offline pages) say
    `noindex` themselves: a crawler barred from them would never read it, and could still
    list their addresses from links. Crawlers read robots.txt at the host's root only: a site
    at a project subpath writes it too, for a host that serves it there."""
    target = site_root / urls.ROBOTS
    target.write_text(f"User-agent: *\nDisallow:\n\nSitemap: {sitemap_url}\n", encoding="utf-8")
    return target
