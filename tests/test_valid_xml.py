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
