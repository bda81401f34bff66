"""The report's .docx as a package: its language and its properties, not python-docx's template's.

python-docx starts every document from a template made in Word for Mac in 2013: English
(United States) as the language of all text, so Word spell-checks Vietnamese as English;
a "spelling clean" mark, so Word does not check again; and properties that say "generated
by python-docx", "Microsoft Macintosh Word", one page, no words, with a blank page's
thumbnail. Here the document's language is the report's, wherever Word looks for it (the
default run properties, the theme's fonts, the core properties), the properties say who
issued it and when, and the template's leftovers go: the theme's fonts become the report's
own (the template's are Calibri and Cambria, with MS Mincho and MS Gothic and a dozen other
scripts' fonts), and the font table lists only fonts the document names.

The template's 164 styles the report does not use stay: Word's own documents carry its
latent and built-in styles too, styles refer to one another (basedOn, next, link) and
numbering refers to styles, so pruning them risks a document Word repairs on opening,
for a few kilobytes.
"""

from __future__ import annotations

import datetime as dt
from xml.sax.saxutils import escape

from lxml import etree

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from heritage import __version__

# BCP 47 tags Word knows; the English report is written in British spelling.
LANG_TAGS = {"vi": "vi-VN", "en": "en-GB"}
APPLICATION = f"heritage {__version__}"
STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
# Parts of the template that describe nothing in the report: a blank page's thumbnail, an empty
# bibliography, and Word 2010's copy of the styles (with the template's English in it).
LEFTOVERS = (RT.THUMBNAIL, RT.CUSTOM_XML, STYLES_WITH_EFFECTS)
APP_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    "<Application>{application}</Application><DocSecurity>0</DocSecurity>"
    "<Company>{company}</Company></Properties>"
)


def tag_run(run, tag: str) -> None:
    """A run in another language than the document's (a Vietnamese name in the English report)."""
    rpr = run._r.get_or_add_rPr()
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), tag)
    rpr.insert_element_before(lang, "w:eastAsianLayout", "w:specVanish", "w:oMath")


def set_language(doc, lang: str) -> None:
    """The report's language as the default of every run, of the theme's fonts, and of the file."""
    tag = LANG_TAGS[lang]
    defaults = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    element = defaults.find(qn("w:lang"))
    if element is None:
        element = OxmlElement("w:lang")
        defaults.insert_element_before(element, "w:eastAsianLayout", "w:specVanish", "w:oMath")
    element.attrib.clear()
    # eastAsia: Hán Nôm in a Vietnamese text is Vietnamese; no right-to-left script, so no bidi language.
    element.set(qn("w:val"), tag)
    element.set(qn("w:eastAsia"), tag)
    settings = doc.settings.element
    theme = settings.find(qn("w:themeFontLang"))
    if theme is not None:
        theme.attrib.clear()
        theme.set(qn("w:val"), tag)
    proof = settings.find(qn("w:proofState"))  # "spelling clean": Word would not check the text
    if proof is not None:
        settings.remove(proof)
    doc.core_properties.language = tag


def set_properties(doc, title: str, subject: str, issuer: str, issued: dt.date) -> None:
    """Core properties from the report, extended ones that claim no other program, no leftovers."""
    core = doc.core_properties
    core.title, core.subject = title, subject
    core.author = core.last_modified_by = issuer
    core.comments = core.keywords = core.category = ""
    core.created = core.modified = dt.datetime(issued.year, issued.month, issued.day)
    core.revision = 1
    package = doc.part.package
    for source in (package, doc.part):
        for rid, rel in list(source.rels.items()):
            if rel.reltype in LEFTOVERS or (source is package and rel.reltype == RT.EXTENDED_PROPERTIES):
                source.rels.pop(rid)
    app = APP_XML.format(application=escape(APPLICATION), company=escape(issuer)).encode("utf-8")
    package.relate_to(Part(PackURI("/docProps/app.xml"), CT.OFC_EXTENDED_PROPERTIES, app, package), RT.EXTENDED_PROPERTIES)


A = "http://schemas.openxmlformats.org/drawingml/2006/main"
# Where a WordprocessingML part names a font: rFonts' four scripts, a symbol's font.
FONT_ATTRIBUTES = tuple(qn(f"w:{a}") for a in ("ascii", "hAnsi", "cs", "eastAsia")) + (qn("w:font"),)


def _named_fonts(parts) -> set[str]:
    """Every font a part of the document names directly (w:rFonts, w:sym)."""
    named = set()
    for part in parts:
        if not part.partname.endswith(".xml") or part.content_type == CT.WML_FONT_TABLE:
            continue
        root = part.element if hasattr(part, "element") else etree.fromstring(part.blob)
        for element in root.iter(qn("w:rFonts"), qn("w:sym")):
            named.update(element.get(a) for a in FONT_ATTRIBUTES if element.get(a))
    return named


def set_fonts(doc, font: str) -> None:
    """The theme's major and minor Latin fonts are `font` (what a style that asks for the
    theme's heading or body font gets), with no per-script fonts; the font table keeps only the
    fonts a part names. Both parts stay valid: a:font is optional in a font collection, and
    a font table may list any subset of fonts."""
    parts = list(doc.part.package.iter_parts())
    for part in parts:
        if part.content_type == CT.OFC_THEME:
            theme = etree.fromstring(part.blob)
            scheme = theme.find(f".//{{{A}}}fontScheme")
            scheme.set("name", font)
            for collection in (scheme.find(f"{{{A}}}majorFont"), scheme.find(f"{{{A}}}minorFont")):
                collection.find(f"{{{A}}}latin").set("typeface", font)
                for extra in collection.findall(f"{{{A}}}font"):
                    collection.remove(extra)
            part._blob = etree.tostring(theme, xml_declaration=True, encoding="UTF-8", standalone=True)
    named = _named_fonts(parts) | {font}
    for part in parts:
        if part.content_type == CT.WML_FONT_TABLE:
            table = part.element if hasattr(part, "element") else etree.fromstring(part.blob)
            for entry in table.findall(qn("w:font")):
                if entry.get(qn("w:name")) not in named:
                    table.remove(entry)
            if not hasattr(part, "element"):
                part._blob = etree.tostring(table, xml_declaration=True, encoding="UTF-8", standalone=True)
