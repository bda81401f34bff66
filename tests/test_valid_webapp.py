"""The web app, crawlers and error pages read by the programs that consume them, on both
builds (a domain's root and a project subpath), each served over HTTP at its own path:

- Chromium's own manifest parser and installability check, through the DevTools protocol
  (`Page.getAppManifest`, `Page.getAppId`, `Page.getInstallabilityErrors`): each language
  one app, the two distinct, under the site's path;
- robots.txt read by Python's `urllib.robotparser`;
- every page's icons fetched over HTTP and opened by Pillow at the size the link states;
- every skip link's target found in its page (lxml).
"""

from __future__ import annotations

import json
import tempfile
import urllib.error
import urllib.request
import urllib.robotparser
from io import BytesIO
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import lxml.html
import pytest
from PIL import Image

from heritage import urls

from .conftest import CHROMIUM, Project, serve

LANG_PREFIXES = {"vi": "", "en": "en/"}
# Pages with no icon link, and why: a QR landing forwards at once and must stay one request
# under 4 KB (heritage/pages/templates/qr_landing.html).
NO_ICONS = (urls.QR + "/",)


def _site_url(project: Project) -> str:
    """The public address the build was made for: its home page's canonical address."""
    (canonical,) = lxml.html.fromstring(project.html("")).xpath('//link[@rel="canonical"]/@href')
    return canonical


@pytest.fixture(scope="module")
def served(both_builds: Project):
    """The build over HTTP at its public path: a subpath build at /<project>/, as GitHub
    Pages serves it, so that addresses leaving the subpath would fail. Yields (build, base)."""
    path = urlsplit(_site_url(both_builds)).path.strip("/")
    with tempfile.TemporaryDirectory() as host_root:
        folder = Path(host_root)
        if path:
            (folder / path).parent.mkdir(parents=True, exist_ok=True)
            (folder / path).symlink_to(both_builds.root / "site", target_is_directory=True)
        else:
            folder = both_builds.root / "site"
        with serve(folder) as origin:
            yield both_builds, origin + (path + "/" if path else "")


@pytest.fixture(scope="module")
def profile(chromium):
    """A Chromium with a profile on disk: Playwright's contexts are off the record, and
    Chromium offers no install from an off-the-record window ("in-incognito")."""
    with tempfile.TemporaryDirectory() as data_dir:
        context = chromium.browser_type.launch_persistent_context(
            data_dir, executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu", "--no-first-run"]
        )
        context.set_default_timeout(10_000)
        yield context
        context.close()


def _pages(project: Project) -> dict[str, lxml.html.HtmlElement]:
    """Every HTML page of the build by its site path (404.html as itself)."""
    site = project.root / "site"
    pages = {}
    for file in sorted(site.rglob("*.html")):
        rel = file.relative_to(site).as_posix()
        pages[rel[: -len("index.html")] if rel.endswith("index.html") else rel] = lxml.html.fromstring(file.read_bytes())
    return pages


@pytest.mark.browser
def test_each_language_is_its_own_installable_app(served, profile):
    """Both languages' manifests parse without error in Chromium; each language is one app
    (its home and its inner pages alike), the two apps distinct, their ids under the site's
    path; Chromium finds nothing that stops an install."""
    _, base = served
    page = profile.new_page()
    cdp = profile.new_cdp_session(page)
    ids = {}
    for lang, prefix in LANG_PREFIXES.items():
        home = base + urls.page(lang)
        for path in (urls.page(lang), urls.entry(lang, "di-tich", "dinh-tan-an"), urls.page(lang, urls.SEARCH)):
            page.goto(base + path)
            manifest = cdp.send("Page.getAppManifest")
            assert manifest["url"] == base + urls.manifest(lang) and manifest["errors"] == [], manifest["errors"]
            app = cdp.send("Page.getAppId")
            assert app == {"appId": home, "recommendedId": urlsplit(home).path}, path
            errors = cdp.send("Page.getInstallabilityErrors")["installabilityErrors"]
            assert errors == [], (path, errors)
        ids[lang] = app["appId"]
    assert len(set(ids.values())) == len(LANG_PREFIXES)
    page.close()


def test_the_maskable_icons_keep_the_logo_in_the_safe_zone(both_builds):
    """A launcher may cut a maskable icon to a circle of 80 % of its side: every logo pixel
    stays inside it. The "any" icons show the logo larger than the maskable ones."""
    site = both_builds.root / "site"
    manifest = json.loads((site / urls.manifest("vi")).read_text(encoding="utf-8"))
    spans = {}
    for icon in manifest["icons"]:
        assert icon["purpose"] in ("any", "maskable")  # never both in one entry
        image = Image.open(site / icon["src"]).convert("RGB")
        side = image.width
        logo = [(x, y) for x in range(side) for y in range(side) if sum(image.getpixel((x, y))) > 600]
        assert logo, icon["src"]
        if icon["purpose"] == "maskable":
            centre, radius = (side - 1) / 2, 0.4 * side
            assert all((x - centre) ** 2 + (y - centre) ** 2 <= radius**2 for x, y in logo), icon["src"]
        spans[icon["purpose"], side] = max(x for x, _ in logo) - min(x for x, _ in logo)
    for size in urls.APP_ICONS:
        assert spans["any", size] > spans["maskable", size] * 1.2


def test_robots_txt_names_the_sitemap_and_lets_crawlers_read_every_page(both_builds):
    """Read by Python's robots.txt parser: the sitemap by its absolute URL; every page may be
    fetched, so a crawler reads the `noindex` of the pages kept out of results (search pages
    among them) instead of listing their bare addresses from links."""
    site_url = _site_url(both_builds)
    robots = urllib.robotparser.RobotFileParser()
    robots.parse((both_builds.root / "site" / urls.ROBOTS).read_text(encoding="utf-8").splitlines())
    assert robots.site_maps() == [site_url + "sitemap.xml"]
    assert (both_builds.root / "site" / "sitemap.xml").is_file()
    pages = _pages(both_builds)
    for path in pages:
        assert robots.can_fetch("Googlebot", site_url + path), path
    for lang in LANG_PREFIXES:
        search = pages[urls.page(lang, urls.SEARCH)]
        assert search.xpath('//meta[@name="robots"]/@content') == ["noindex"], lang
    sitemap = (both_builds.root / "site" / "sitemap.xml").read_text(encoding="utf-8")
    assert f"/{urls.SEARCH}/<" not in sitemap  # noindex pages are not offered to crawlers either


def test_without_a_public_address_no_robots_txt(project):
    """robots.txt names the sitemap by its absolute URL: a local build (the preview's
    address) has none to name, and writes no file."""
    result = project.build()
    assert result.returncode == 0, result.stderr
    assert not (project.root / "site" / urls.ROBOTS).exists()
    assert (project.root / "site" / "sitemap.xml").is_file()


def _fetch(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, b""


def test_every_pages_icons_answer_with_an_image_of_the_stated_size(served):
    """Each page's tab icon and home-screen icon, as a browser resolves them from the page's
    address, answer 200 with a PNG of the size the link states; the home-screen icon is
    opaque and 180 px (iOS shows it on a black square otherwise)."""
    project, base = served
    fetched: dict[str, Image.Image] = {}
    checked = 0
    for path, html in _pages(project).items():
        links = {rel: html.xpath(f'//head/link[@rel="{rel}"]') for rel in ("icon", "apple-touch-icon")}
        if path.startswith(NO_ICONS):
            assert not links["icon"], path
            continue
        for rel, found in links.items():
            assert len(found) == 1, (path, rel)
            url = urljoin(base + path, found[0].get("href"))
            assert url.startswith(base), (path, url)  # never outside the site's path
            if url not in fetched:
                status, body = _fetch(url)
                assert status == 200, (path, url, status)
                fetched[url] = Image.open(BytesIO(body))
                fetched[url].load()
            image = fetched[url]
            assert image.format == "PNG" and found[0].get("type", "image/png") == "image/png", (path, url)
            width, height = (int(n) for n in found[0].get("sizes").split("x"))
            assert image.size == (width, height), (path, url)
            if rel == "apple-touch-icon":
                assert (width, height) == (180, 180) and "A" not in image.getbands() and "transparency" not in image.info
            checked += 1
    assert checked > 100  # every page, both languages, the offline pages and the 404


def test_every_skip_link_lands_on_an_element_of_its_page(both_builds):
    """A keyboard or screen-reader user's first Tab offers "skip to content": its fragment
    names an element of the same page, the 404 page's too."""
    checked = set()
    for path, html in _pages(both_builds).items():
        for link in html.xpath('//a[contains(concat(" ", normalize-space(@class), " "), " md-skip ")]'):
            href = link.get("href")
            assert href.startswith("#"), (path, href)
            assert html.xpath("//*[@id=$id]", id=href[1:]), (path, href)
            checked.add(path)
    assert "404.html" in checked and urls.page("en", urls.SEARCH) in checked

