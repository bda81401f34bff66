"""The sitemap and the GPX files as the programs that consume them read them, on both builds.

The sitemap is validated against the official sitemaps.org XSD (tests/fixtures/sitemaps.org/,
see its README) together with W3C's XHTML 1.0 Strict schema for the `xhtml:link` alternates
(the copy the `xmlschema` package ships, requirements-nodeps.lock). A naive reader, one that
looks for `<urlset xmlns=` or compares the root's tag, must find it too: that is what a
prefixed root (`<ns0:urlset xmlns:ns0=…>`) broke.
"""

from __future__ import annotations

import gzip
import importlib.metadata
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from lxml import etree

from heritage.outputs import sitemap as sitemap_module
from heritage.trails import gpx as gpx_module

from .conftest import SAMPLE_URL, SUBPATH_URL

SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML = "http://www.w3.org/1999/xhtml"
GPX = "http://www.topografix.com/GPX/1/1"
FIXTURES = Path(__file__).parent / "fixtures"
SITE_URLS = {"root": SAMPLE_URL, "subpath": SUBPATH_URL}

# Errors the validators may report without failing the test, each with its reason. None now.
ALLOWED_ERRORS: dict[str, str] = {}


def _xmlschema_file(rel: str) -> Path:
    """A schema file of the installed `xmlschema` distribution, found without importing it."""
    path = Path(importlib.metadata.distribution("xmlschema").locate_file(f"xmlschema/schemas/{rel}"))
    assert path.is_file(), path
    return path


class _Local(etree.Resolver):
    """W3C's xml.xsd, which the XHTML schema imports by its web address, from the local copy."""

    def __init__(self, files: dict[str, Path]):
        super().__init__()
        self.files = files

    def resolve(self, system_url, public_id, context):
        if system_url in self.files:
            return self.resolve_filename(str(self.files[system_url]), context)
        return None


def _parser() -> etree.XMLParser:
    return etree.XMLParser(no_network=True, resolve_entities=False)


@pytest.fixture(scope="module")
def sitemap_schema() -> etree.XMLSchema:
    """sitemap.xsd and the XHTML schema under one driver, as Google's all.xsd does; no network."""
    official = FIXTURES / "sitemaps.org" / "sitemap.xsd"
    xhtml = _xmlschema_file("XHTML/xhtml1-strict.xsd")
    driver = f"""<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <xs:import namespace="{SITEMAP}" schemaLocation="{official.as_uri()}"/>
  <xs:import namespace="{XHTML}" schemaLocation="{xhtml.as_uri()}"/>
</xs:schema>"""
    parser = _parser()
    parser.resolvers.add(_Local({"http://www.w3.org/2001/xml.xsd": _xmlschema_file("XML/xml.xsd")}))
    schema = etree.XMLSchema(etree.fromstring(driver.encode(), parser, base_url=str(official)))
    assert "xmlschema" not in sys.modules  # data files only: the package is never imported
    return schema


def validate(schema: etree.XMLSchema, data: bytes) -> etree._Element:
    root = etree.fromstring(data, _parser())
    schema.validate(root)
    errors = [f"line {e.line}: {e.message}" for e in schema.error_log if not any(k in e.message for k in ALLOWED_ERRORS)]
    assert not errors, "\n".join(errors)
    return root


def _build_url(project) -> str:
    return SITE_URLS["subpath" if "subpath" in project.root.name else "root"]


def _file_for(site: Path, site_url: str, address: str) -> Path:
    """The built file a visitor gets at an absolute address of this build."""
    assert address.startswith(site_url), f"{address} is not under {site_url}"
    rel = address[len(site_url) :]
    assert not urlsplit(address).query and not urlsplit(address).fragment, address
    return site / (rel + "index.html" if rel == "" or rel.endswith("/") else rel)


# --- the sitemap ------------------------------------------------------------------------------


def test_every_sitemap_is_valid_against_the_sitemaps_org_xsd(both_builds, sitemap_schema):
    site = both_builds.root / "site"
    files = sorted(site.glob("sitemap*.xml"))
    assert [f.name for f in files] == ["sitemap.xml"]  # no index: siteindex.xsd would be needed for one
    data = files[0].read_bytes()
    root = validate(sitemap_schema, data)
    assert len(root) > 50
    # the gzip copy is the same document
    assert gzip.decompress((site / "sitemap.xml.gz").read_bytes()) == data


def test_a_naive_reader_finds_the_urlset_in_the_default_namespace(both_builds):
    data = (both_builds.root / "site" / "sitemap.xml").read_bytes()
    text = data.decode("utf-8")
    body = text.split("?>", 1)[1].lstrip() if text.startswith("<?xml") else text
    assert body.startswith(f'<urlset xmlns="{SITEMAP}"'), body[:120]
    assert "ns0:" not in text and "<ns" not in text
    root = ET.fromstring(data)
    assert root.tag == f"{{{SITEMAP}}}urlset"
    assert {child.tag for child in root} == {f"{{{SITEMAP}}}url"}


def test_every_sitemap_address_is_absolute_under_the_build_and_answers_a_file(both_builds):
    site, site_url = both_builds.root / "site", _build_url(both_builds)
    root = ET.parse(site / "sitemap.xml").getroot()
    locs = [url.findtext(f"{{{SITEMAP}}}loc") for url in root]
    assert len(locs) == len(set(locs))
    alternates = [link.get("href") for link in root.iter(f"{{{XHTML}}}link")]
    missing = [a for a in locs + alternates if not _file_for(site, site_url, a).is_file()]
    assert not missing, missing[:10]
    # both languages of each page, each with its alternates
    assert any(loc == site_url for loc in locs) and any(loc == f"{site_url}en/" for loc in locs)
    for url in root:
        assert {link.get("hreflang") for link in url.iter(f"{{{XHTML}}}link")} == {"vi", "en", "x-default"}


def test_the_xsd_rejects_a_broken_sitemap(sample_site, sitemap_schema):
    """The validator can fail: a sitemap without its <loc>, or with an undeclared element."""
    data = (sample_site.root / "site" / "sitemap.xml").read_bytes()
    validate(sitemap_schema, data)  # the real file passes; only the breakages below can fail it
    for breakage, message in (
        (lambda root: root[0].remove(root[0].find(f"{{{SITEMAP}}}loc")), "loc"),
        (lambda root: root[0].append(etree.Element(f"{{{XHTML}}}lnk")), "lnk"),
        (lambda root: root[0].find(f"{{{XHTML}}}link").set("hreflang", "not a language"), "hreflang"),
    ):
        root = etree.fromstring(data, _parser())
        breakage(root)
        assert not sitemap_schema.validate(root)
        assert message in str(sitemap_schema.error_log)


# --- GPX as a naive reader sees it --------------------------------------------------------------


def test_every_gpx_has_its_namespace_as_the_default(both_builds):
    files = sorted((both_builds.root / "site").rglob("*.gpx"))
    assert files
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert text.split("?>", 1)[1].lstrip().startswith(f'<gpx xmlns="{GPX}"'), path
        assert "ns0:" not in text
        assert ET.fromstring(text.encode()).tag == f"{{{GPX}}}gpx"


# --- the output does not depend on what was written before -----------------------------------------


@pytest.fixture
def polluted_registry():
    """ElementTree's process-wide prefix registry as other code may leave it: another default
    namespace, and other prefixes for the sitemap's, XHTML's and GPX's namespaces."""
    saved = dict(ET._namespace_map)  # the registry's only home; restored after the test
    ET.register_namespace("", "urn:example:other")
    ET.register_namespace("sm", SITEMAP)
    ET.register_namespace("h", XHTML)
    ET.register_namespace("g", GPX)
    yield
    ET._namespace_map.clear()
    ET._namespace_map.update(saved)


def test_sitemap_and_gpx_are_the_same_whatever_the_registry_holds(sample_site, polluted_registry, tmp_path, monkeypatch):
    from heritage.pages.site import load_site

    monkeypatch.setenv("SITE_URL", SAMPLE_URL)
    monkeypatch.setenv("HERITAGE_TODAY", "2026-11-27")
    site = load_site(sample_site.root)
    written = sitemap_module.write_sitemap(site, tmp_path, site.absolute)
    assert written.read_bytes() == (sample_site.root / "site" / "sitemap.xml").read_bytes()
    for path in gpx_module.write_gpx(site, tmp_path):
        assert path.read_bytes() == (sample_site.root / "site" / path.relative_to(tmp_path)).read_bytes()


# --- what the sitemap says, on a small project with its own git history (no build) -------------


def _commit(root: Path, day: str) -> None:
    """Commit everything as of `day` (10:00 in Viet Nam), as the history the sitemap reads."""
    import os
    import subprocess

    stamp = f"{day}T10:00:00+07:00"
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.org", "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp}
    if not (root / ".git").exists():
        subprocess.run(["git", "init", "-q", "-b", "main"], cwd=root, check=True)
    for args in (("add", "-A"), ("commit", "-q", "-m", day)):
        subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)


def _sitemap(project, monkeypatch, out: Path) -> dict[str, dict]:
    """Write the project's sitemap into `out` and read it back: loc → its lastmod and its alternates."""
    from heritage.pages.site import load_site

    monkeypatch.setenv("SITE_URL", SAMPLE_URL)
    monkeypatch.setenv("HERITAGE_TODAY", "2026-11-27")
    site = load_site(project.root)
    written = sitemap_module.write_sitemap(site, out, site.absolute)
    assert gzip.decompress((out / "sitemap.xml.gz").read_bytes()) == written.read_bytes()
    ns = {"s": SITEMAP, "x": XHTML}
    found = {}
    root = ET.parse(written).getroot()
    assert root.tag == f"{{{SITEMAP}}}urlset"
    for url in root.findall("s:url", ns):
        links = {link.get("hreflang"): link.get("href") for link in url.findall("x:link", ns) if link.get("rel") == "alternate"}
        found[url.findtext("s:loc", namespaces=ns).removeprefix(SAMPLE_URL)] = {"lastmod": url.findtext("s:lastmod", namespaces=ns), "alternates": links}
    return found


def test_lastmod_is_the_later_of_the_last_commit_of_either_language_or_yaml_and_a_posts_date(project, monkeypatch, tmp_path_factory):
    from .conftest import fill_small_project

    fill_small_project(project)
    _commit(project.root, "2026-10-01")  # everything; "mua-le-hoi" (dated 2026-10-15) committed ahead of its date
    page = project.root / "docs/en/chuyen-muc/ra-mat.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nA correction.\n", encoding="utf-8")
    _commit(project.root, "2026-10-18")  # the English "ra-mat" only: the Vietnamese page changed with it
    _sitemap(project, monkeypatch, tmp_path_factory.mktemp("before"))  # a first sitemap: a later commit must still be seen
    entry = next(project.root.glob("data/**/chua-an.yml"))
    entry.write_text(entry.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    _commit(project.root, "2026-10-20")  # an entry's YAML: its page (both languages) changed
    days = {loc: url["lastmod"] for loc, url in _sitemap(project, monkeypatch, tmp_path_factory.mktemp("out")).items()}
    assert days["chuyen-muc/ra-mat/"] == days["en/chuyen-muc/ra-mat/"] == "2026-10-18"
    assert days["chuyen-muc/mua-le-hoi/"] == days["en/chuyen-muc/mua-le-hoi/"] == "2026-10-15"
    assert days["di-tich/chua-an/"] == days["en/di-tich/chua-an/"] == "2026-10-20"
    assert days["di-tich/am-ba/"] == days["gioi-thieu/"] == days[""] == "2026-10-01"  # untouched since


def test_lastmod_without_history_is_left_out_but_for_a_posts_own_date(small_project, monkeypatch, tmp_path):
    """A shallow or missing history invents no date: only a post has one of its own."""
    days = {loc: url["lastmod"] for loc, url in _sitemap(small_project, monkeypatch, tmp_path).items()}
    assert days["chuyen-muc/ra-mat/"] == days["en/chuyen-muc/ra-mat/"] == "2026-09-15"
    assert days["chuyen-muc/mua-le-hoi/"] == "2026-10-15"
    for loc, day in days.items():
        is_post = "chuyen-muc/" in loc and not loc.endswith("chuyen-muc/")
        assert (day is not None) == is_post, loc


def test_every_page_is_listed_in_both_languages_with_its_alternates_and_the_vietnamese_as_default(small_project, monkeypatch, tmp_path):
    found = _sitemap(small_project, monkeypatch, tmp_path)
    vi = sorted(loc for loc in found if not loc.startswith("en/"))
    assert sorted(found) == sorted(vi + [f"en/{loc}" for loc in vi])  # each page twice, once per language
    assert {"", "di-tich/dinh-tan-an/", "chuyen-muc/ra-mat/"} <= set(vi)
    assert not any(loc.startswith(("tim-kiem", "bien-tap", "en/tim-kiem", "en/bien-tap")) for loc in found)  # search and the editors' pages stay out
    for loc in vi:
        alternates = {"vi": SAMPLE_URL + loc, "en": SAMPLE_URL + "en/" + loc, "x-default": SAMPLE_URL + loc}
        assert found[loc]["alternates"] == found["en/" + loc]["alternates"] == alternates, loc


def test_robots_lets_every_page_be_crawled_and_names_the_sitemap(tmp_path):
    written = sitemap_module.write_robots(tmp_path, SAMPLE_URL + "sitemap.xml")
    assert written == tmp_path / "robots.txt"
    assert written.read_text(encoding="utf-8") == f"User-agent: *\nDisallow:\n\nSitemap: {SAMPLE_URL}sitemap.xml\n"
