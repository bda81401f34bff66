"""What a page's <head> tells search engines, feed readers and share previews, as a typed record.

`overrides/main.html` prints these fields as they are; it decides nothing itself.
The footer and logo partials read `footer` and `logo` from it too.
"""

from __future__ import annotations

from dataclasses import dataclass

from heritage.pages.theme_colors import DEFAULT_PRIMARY

LOCALES = {"vi": "vi_VN", "en": "en_US"}


@dataclass(frozen=True)
class Alternate:
    lang: str
    href: str  # absolute


@dataclass(frozen=True)
class Crumb:
    name: str
    href: str  # relative to the page; "" for the page itself (the last crumb)


@dataclass(frozen=True)
class PageHead:
    lang: str
    locale: str  # Open Graph's: vi_VN, en_US
    alternate_locales: list[str]
    canonical: str  # absolute URL of the page
    alternates: list[Alternate]  # the page in every language (hreflang)
    x_default: str
    feed: str  # the column's RSS feed in the page's language
    feed_title: str
    site_name: str
    podcast: str | None = None  # the column's podcast feed, on the column page when it has episodes
    podcast_title: str = ""
    is_home: bool = False  # titled by the site's name alone
    type: str = "website"  # Open Graph: website or article
    noindex: bool = False
    description: str | None = None  # None: the site's description
    image: str | None = None  # absolute URL of the 1200×630 card
    image_alt: str | None = None  # what the card shows, for readers that cannot see it
    published: str | None = None  # a post's date, ISO
    jsonld: str | None = None  # schema.org, already safe inside <script>
    manifest: str | None = None  # the language's web app manifest, relative to the page
    theme_color: str = DEFAULT_PRIMARY  # the browser's bar: the ward's primary colour (checked hex)
    jsonld_breadcrumbs: str | None = None  # the BreadcrumbList, in a second <script>
    map: bool = False  # loads Leaflet
    trail: bool = False  # loads the trail map's script (a trail page)
    search: bool = False  # loads the search script
    footer: str = ""  # the footer's HTML in the page's language (heritage.pages.render.footer)
    logo: str | None = None  # site path of the ward's logo; None: the built-in emblem
    breadcrumbs: tuple[Crumb, ...] = ()  # Home › Section › this page, on entries and posts
    breadcrumbs_label: str = ""
