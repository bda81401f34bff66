"""RSS 2.0 feeds of the column, one per language, for feed readers and Zalo/Facebook page managers.

Written with the standard library's ElementTree: RSS is small, and escaping and
encoding are then the library's job, not string formatting's.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import xml.etree.ElementTree as ET
from pathlib import Path

from heritage import urls
from heritage.sections import COLUMN

ATOM = "http://www.w3.org/2005/Atom"
MEDIA = "http://search.yahoo.com/mrss/"
VIETNAM = dt.timezone(dt.timedelta(hours=7))
ET.register_namespace("atom", ATOM)
ET.register_namespace("media", MEDIA)

# {place}: the ward as running text names it (data/site.yml's `locality`).
CHANNEL_TEXT = {
    "vi": ("Chuyên mục số", "Chuyên mục số giới thiệu di sản, lễ hội, làng nghề và nghệ nhân {place}, cập nhật hằng tháng."),
    "en": ("Digital column", "The monthly column on the heritage, festivals, crafts and artisans of {place}."),
}


def rfc822(day: dt.date) -> str:
    """Posts appear at midnight in Viet Nam on their date."""
    return email.utils.format_datetime(dt.datetime(day.year, day.month, day.day, tzinfo=VIETNAM))


def write_feed(site, lang: str, site_root: Path, absolute) -> Path:
    """Write the feed of `lang` (published posts only) and return its path."""
    posts = site.inventory.published_posts(lang)
    name = site.settings.site_name(lang)
    title, description = CHANNEL_TEXT[lang]
    description = description.format(place=site.settings.place(lang))
    rss = ET.Element("rss", {"version": "2.0"})
    channel = ET.SubElement(rss, "channel")
    ET.SubElement(channel, "title").text = f"{title} — {name}"
    ET.SubElement(channel, "link").text = absolute(urls.page(lang, COLUMN.key))
    ET.SubElement(channel, "description").text = description
    ET.SubElement(channel, "language").text = "vi-VN" if lang == "vi" else "en"
    ET.SubElement(channel, f"{{{ATOM}}}link", {"href": absolute(urls.feed(lang)), "rel": "self", "type": "application/rss+xml"})
    if posts:
        ET.SubElement(channel, "lastBuildDate").text = rfc822(posts[0].date)
    for post in posts:
        item = ET.SubElement(channel, "item")
        link = absolute(post.url(lang))
        ET.SubElement(item, "title").text = post.meta.title
        ET.SubElement(item, "link").text = link
        ET.SubElement(item, "guid", {"isPermaLink": "true"}).text = link
        ET.SubElement(item, "pubDate").text = rfc822(post.date)
        ET.SubElement(item, "description").text = post.meta.summary
        if post.meta.category:
            ET.SubElement(item, "category").text = site.inventory.vocabulary.label(site.inventory.vocabulary.categories, post.meta.category, lang)
        cover = site.images.get(post.meta.cover) if post.meta.cover else None
        if cover is not None:
            rendition = cover.closest(960)
            url = absolute(rendition.urls["jpg"])
            size = (site.media.cache.folder("images", cover.key) / f"{rendition.width}.jpg").stat().st_size
            ET.SubElement(item, "enclosure", {"url": url, "length": str(size), "type": "image/jpeg"})
            ET.SubElement(item, f"{{{MEDIA}}}content", {"url": url, "medium": "image", "type": "image/jpeg", "width": str(rendition.width), "height": str(rendition.height)})
    target = site_root / urls.feed(lang)
    target.parent.mkdir(parents=True, exist_ok=True)
    ET.ElementTree(rss).write(target, encoding="utf-8", xml_declaration=True)
    return target
