"""A trail as a GPX 1.1 file for walking and cycling apps (OsmAnd, Organic Maps, Komoot…).

Each stop is a waypoint (`wpt`) and the trail is a route (`rte`) through them in order:
a route, not a track, because the stops are places to go, not a recorded path. Names
are in the page's language; the XML is written with ElementTree, so text is escaped.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from heritage import urls
from heritage.sections import LANGUAGES
from heritage.trails.route import Route, route

NS = "http://www.topografix.com/GPX/1/1"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMA_LOCATION = f"{NS} http://www.topografix.com/GPX/1/1/gpx.xsd"
# The root declares its namespaces itself (GPX as the default one) and the tags are written as
# they are, so no global ElementTree registration decides the output, whatever was written before.
ROOT_ATTRIBUTES = {"xmlns": NS, "xmlns:xsi": XSI, "xsi:schemaLocation": SCHEMA_LOCATION}
CREATOR = "{site} (heritage trails)"  # the site's Vietnamese name


def _point(parent: ET.Element, tag: str, stop, lang: str, link: str) -> None:
    point = ET.SubElement(parent, tag, lat=f"{stop.lat:.6f}", lon=f"{stop.lon:.6f}")
    ET.SubElement(point, "name").text = f"{stop.number}. {stop.entry.name(lang)}"
    desc = stop.entry.data.summary(lang)
    if stop.stop.note:
        desc = f"{stop.stop.note(lang)} — {desc}"
    ET.SubElement(point, "desc").text = desc
    ET.SubElement(ET.SubElement(point, "link", href=link), "text").text = stop.entry.name(lang)


def gpx_document(path: Route, lang: str, absolute, site_name: str = "") -> bytes:
    """The GPX 1.1 document; `absolute` turns a site path into an absolute URL."""
    trail = path.trail
    root = ET.Element("gpx", {**ROOT_ATTRIBUTES, "version": "1.1", "creator": CREATOR.format(site=site_name or "heritage")})
    metadata = ET.SubElement(root, "metadata")
    ET.SubElement(metadata, "name").text = trail.name(lang)
    ET.SubElement(metadata, "desc").text = trail.data.summary(lang)
    ET.SubElement(ET.SubElement(metadata, "link", href=absolute(trail.url(lang))), "text").text = trail.name(lang)
    south, west, north, east = path.bounds()
    ET.SubElement(metadata, "bounds", minlat=f"{south:.6f}", minlon=f"{west:.6f}", maxlat=f"{north:.6f}", maxlon=f"{east:.6f}")
    for stop in path.stops:
        _point(root, "wpt", stop, lang, absolute(stop.entry.url(lang)))
    rte = ET.SubElement(root, "rte")
    ET.SubElement(rte, "name").text = trail.name(lang)
    ET.SubElement(ET.SubElement(rte, "link", href=absolute(trail.url(lang))), "text").text = trail.name(lang)
    for stop in path.stops:
        _point(rte, "rtept", stop, lang, absolute(stop.entry.url(lang)))
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def write_gpx(site, site_root: Path) -> list[Path]:
    """hanh-trinh/<id>/<id>.gpx in each language."""
    written = []
    for trail in site.inventory.trails.values():
        path = route(trail, site.inventory)
        for lang in LANGUAGES:
            target = site_root / urls.trail_gpx(lang, trail.id)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(gpx_document(path, lang, site.absolute, site.settings.site_name.vi))
            written.append(target)
    return written
