"""Outside validators for the office documents the sample content makes.

Every PDF (the brochure, each plaque in every format, the print shop's sheet) goes through
qpdf (pikepdf's `check_pdf_syntax`: every stream decoded, every page's content parsed, every
warning kept), and every font any page uses, through its resources, form XObjects, Type 3
fonts' own resources and Type 0 descendants, must be embedded: strict print checks refuse a
PDF that names a font it does not carry. The yearly report's .docx, in both languages, is
read three ways: python-docx, its XML parts directly (zip + lxml, following the package's
relationships), and mammoth, a second reader that owes nothing to python-docx, whose text
must be the report's Vietnamese, intact. An error fails unless it is listed below with why.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
import shutil
import sys
import unicodedata
import zipfile
from pathlib import Path

import mammoth
import pikepdf
import pytest
from docx import Document
from docx.oxml.ns import qn
from lxml import etree
from reportlab.pdfgen.canvas import Canvas

from heritage.content.settings import load_settings
from heritage.qr.issued import read_issued
from heritage.printed.plaques import FORMATS
from heritage.report.wording import w

from .conftest import REPO, SAMPLE_URL, TODAY, Project

# qpdf's messages and mammoth's that are accepted, each with its reason. None is, today.
KNOWN_QPDF: dict[str, str] = {}
KNOWN_MAMMOTH: dict[str, str] = {}

FONT_FILES = ("/FontFile", "/FontFile2", "/FontFile3")
LANG = {"vi": "vi-VN", "en": "en-GB"}  # the English report is in British spelling
STEM = {"vi": "bao-cao-2026", "en": "report-2026"}
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
STALE_APP = ("Template", "TotalTime", "Pages", "Words", "Characters", "Lines", "Paragraphs", "CharactersWithSpaces", "AppVersion")


@pytest.fixture(scope="module")
def made(tmp_path_factory) -> Project:
    """The repository's sample content and every office document its commands make from it."""
    root = tmp_path_factory.mktemp("documents")
    for folder in ("data", "docs"):
        shutil.copytree(REPO / folder, root / folder)
    project = Project(root)
    env = {"SITE_URL": SAMPLE_URL}
    for args in (
        ("brochure", "--year", "2027", "--out", "out/brochure"),
        ("plaques", "--out", "out/plaques"),
        ("report", "--year", "2026", "--out", "out/report"),
        ("report", "--year", "2026", "--lang", "en", "--out", "out/report"),
    ):
        result = project.run(sys.executable, "-m", "heritage", *args, env=env)
        assert result.returncode == 0, result.stdout + result.stderr
    return project


# --- PDF ------------------------------------------------------------------------------------


def _font_problems(font, where: str, seen: set) -> list[str]:
    if font.is_indirect:
        if font.objgen in seen:
            return []
        seen.add(font.objgen)
    subtype = str(font.get("/Subtype"))
    if subtype == "/Type0":
        return [p for d in font.DescendantFonts for p in _font_problems(d, f"{where} (descendant)", seen)]
    if subtype == "/Type3":  # its glyphs are drawings in the file; what they draw with must be embedded
        return _resource_problems(font.get("/Resources"), f"{where} (Type 3)", seen)
    descriptor = font.get("/FontDescriptor")
    if descriptor is None or not any(key in descriptor for key in FONT_FILES):
        return [f"{where}: {font.get('/BaseFont')} ({subtype}) is not embedded"]
    return []


def _resource_problems(resources, where: str, seen: set) -> list[str]:
    if resources is None:
        return []
    problems = []
    for name, font in resources.get("/Font", {}).items():
        problems += _font_problems(font, f"{where} {name}", seen)
    for key in ("/XObject", "/Pattern"):
        for name, child in resources.get(key, {}).items():
            if isinstance(child, pikepdf.Stream) and child.get("/Subtype") != "/Image":
                problems += _resource_problems(child.get("/Resources"), f"{where} {name}", seen)
    return problems


def unembedded_fonts(pdf: pikepdf.Pdf) -> list[str]:
    """Every font a page, its forms, patterns and annotations' appearances use, not embedded;
    and every font a page's text selects (Tf) that its resources do not hold."""
    problems: list[str] = []
    seen: set = set()
    for number, page in enumerate(pdf.pages, start=1):
        resources = page.obj.get("/Resources")
        problems += _resource_problems(resources, f"page {number}", seen)
        for annot in page.obj.get("/Annots", []):
            for appearance in annot.get("/AP", {}).values():
                streams = appearance.values() if isinstance(appearance, pikepdf.Dictionary) else [appearance]
                for stream in streams:
                    problems += _resource_problems(stream.get("/Resources"), f"page {number} annotation", seen)
        fonts = resources.get("/Font", {}) if resources is not None else {}
        for operands, operator in pikepdf.parse_content_stream(page, "Tf"):
            if str(operands[0]) not in fonts:
                problems.append(f"page {number}: text set in {operands[0]}, a font the page does not hold")
    return problems


def qpdf_problems(pdf: pikepdf.Pdf) -> list[str]:
    return [p for p in pdf.check_pdf_syntax() if p not in KNOWN_QPDF]


def every_pdf(made: Project) -> list[Path]:
    return sorted((made.root / "out").rglob("*.pdf"))


def test_every_kind_of_pdf_is_made(made):
    names = {p.relative_to(made.root / "out").as_posix() for p in every_pdf(made)}
    records, problems = read_issued(made.root)
    issued = {code for code, _, _ in records}
    assert problems == []
    assert "brochure/di-san-tan-an-2027.pdf" in names
    assert "plaques/tat-ca-bien-a6-tren-a4.pdf" in names
    plaques = {f"plaques/{i}-{fmt}.pdf" for i in issued for fmt in FORMATS}
    assert plaques and plaques <= names
    assert len(names) == 2 + len(plaques)  # nothing else, nothing unchecked


def test_qpdf_finds_no_problem_in_any_pdf(made):
    found = {}
    for path in every_pdf(made):
        with pikepdf.open(path) as pdf:
            if problems := qpdf_problems(pdf):
                found[path.name] = problems
    assert found == {}


def test_every_font_in_every_pdf_is_embedded(made):
    found = {}
    for path in every_pdf(made):
        with pikepdf.open(path) as pdf:
            if problems := unembedded_fonts(pdf):
                found[path.name] = problems
    assert found == {}
    with pikepdf.open(made.root / "out/brochure/di-san-tan-an-2027.pdf") as pdf:
        names = {str(f.BaseFont) for page in pdf.pages for f in page.Resources.Font.values()}
    assert names and all("BeVietnamPro" in n for n in names), names  # the brochure's text is real text


def test_every_pdf_says_what_it_is_who_made_it_when_and_in_what_language(made):
    """Read by pikepdf: no reportlab placeholder ('anonymous', 'unspecified', 'untitled', the
    year 2000), the ward from the settings as author, this engine as creator, the run's date
    (HERITAGE_TODAY) as creation and modification date, and the catalog's /Lang."""
    from pikepdf.models.metadata import decode_pdf_date

    from heritage import __version__

    settings, _ = load_settings(made.root)
    day = dt.datetime.fromisoformat(TODAY).replace(tzinfo=dt.timezone.utc)
    titles = {}
    for path in every_pdf(made):
        with pikepdf.open(path) as pdf:
            info = {k: str(v) for k, v in pdf.docinfo.items()}
            assert str(pdf.Root.Lang) == "vi-VN", path.name  # bilingual, Vietnamese first
            assert info["/Author"] == settings.ward.vi and info["/Creator"] == f"heritage {__version__}", path.name
            assert info["/Title"] and info["/Subject"] and info["/Producer"].startswith("ReportLab"), path.name
            assert not {"anonymous", "unspecified", "untitled"} & set(info.values()), path.name
            assert decode_pdf_date(info["/CreationDate"]) == decode_pdf_date(info["/ModDate"]) == day, path.name
            titles[path.name] = info["/Title"]
    assert titles["di-san-tan-an-2027.pdf"].endswith("— 2027") and any(t.endswith("— A5") for t in titles.values())


def test_the_brochure_is_the_same_bytes_on_the_same_day(made, tmp_path):
    """The run's date, not the wall clock, is in the file: a second run gives the same file."""
    again = made.run(sys.executable, "-m", "heritage", "brochure", "--year", "2027", "--out", str(tmp_path), env={"SITE_URL": SAMPLE_URL})
    assert again.returncode == 0, again.stdout + again.stderr
    assert (tmp_path / "di-san-tan-an-2027.pdf").read_bytes() == (made.root / "out/brochure/di-san-tan-an-2027.pdf").read_bytes()


def test_the_font_check_sees_reportlab_s_default_helvetica(tmp_path):
    """The check can fail: a canvas as reportlab makes it by default names Helvetica, unembedded."""
    path = tmp_path / "default.pdf"
    canvas = Canvas(str(path))
    canvas.rect(10, 10, 50, 50)
    canvas.showPage()
    canvas.save()
    with pikepdf.open(path) as pdf:
        assert unembedded_fonts(pdf) == ["page 1 /F1: /Helvetica (/Type1) is not embedded"]
        pdf.pages[0].Resources.Font = pikepdf.Dictionary()
        assert unembedded_fonts(pdf) == ["page 1: text set in /F1, a font the page does not hold"]


# --- the report's .docx ---------------------------------------------------------------------


def docx_path(made: Project, lang: str) -> Path:
    return made.root / f"out/report/{STEM[lang]}.docx"


def parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {name: z.read(name) for name in z.namelist()}


def xml(blob: bytes):
    return etree.fromstring(blob)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_docx_is_in_the_report_s_language(made, lang):
    tag = LANG[lang]
    doc = Document(docx_path(made, lang))
    defaults = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    assert defaults.find(qn("w:lang")).get(qn("w:val")) == tag
    assert defaults.find(qn("w:lang")).get(qn("w:eastAsia")) == tag
    assert doc.settings.element.find(qn("w:themeFontLang")).get(qn("w:val")) == tag
    assert doc.settings.element.find(qn("w:proofState")) is None  # no "already spell-checked" mark
    assert doc.core_properties.language == tag
    files = parts(docx_path(made, lang))
    language = xml(files["docProps/core.xml"]).find("{http://purl.org/dc/elements/1.1/}language")
    assert language.text == tag
    for name, blob in files.items():  # no other language claimed anywhere, but the runs below
        for element in xml(blob).iter(f"{{{W}}}lang") if name.endswith(".xml") else ():
            assert name == "word/document.xml" or element.get(f"{{{W}}}val") == tag, name
    settings, _ = load_settings(made.root)
    tagged = [(el.getparent().getparent(), el.get(f"{{{W}}}val")) for el in xml(files["word/document.xml"]).iter(f"{{{W}}}lang")]
    texts = ["".join(run.itertext()) for run, _ in tagged]
    if lang == "vi":
        assert tagged == []  # all of it Vietnamese
    else:  # data/site.yml gives the place in Vietnamese only: spell-checked as Vietnamese
        assert texts == [settings.report.place] and {t for _, t in tagged} == {"vi-VN"}


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_docx_properties_are_the_report_s(made, lang):
    settings, _ = load_settings(made.root)
    core = Document(docx_path(made, lang)).core_properties
    title = (made.root / f"out/report/{STEM[lang]}.md").read_text(encoding="utf-8").splitlines()[0]
    assert core.title == title.removeprefix("# ")
    assert core.subject == w("subject", lang, year=2026)
    assert core.author == core.last_modified_by == settings.ward(lang)
    issued = dt.datetime.fromisoformat(TODAY)
    assert core.created.replace(tzinfo=None) == core.modified.replace(tzinfo=None) == issued
    assert core.revision == 1 and core.comments == "" and core.keywords == ""
    files = parts(docx_path(made, lang))
    for name in (n for n in files if n.startswith("docProps/")):
        text = files[name].decode("utf-8").lower()
        assert "python-docx" not in text and "macintosh" not in text and "microsoft" not in text, name
    app = xml(files["docProps/app.xml"])
    ns = "{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}"
    assert app.findtext(f"{ns}Application").startswith("heritage ")
    assert [key for key in STALE_APP if app.find(f"{ns}{key}") is not None] == []  # nothing counted by no one
    assert not any("thumbnail" in name or name.startswith("customXml/") for name in files)


def _targets(files: dict[str, bytes], rels_name: str) -> list[str]:
    """The parts a .rels file points to, as zip names (external links aside)."""
    source_dir = posixpath.dirname(posixpath.dirname(rels_name))
    out = []
    for rel in xml(files[rels_name]).iter(REL):
        if rel.get("TargetMode") != "External":
            target = rel.get("Target")
            out.append(target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(source_dir, target)))
    return out


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_docx_package_holds_together(made, lang):
    """Read as OPC says, without python-docx: from _rels/.rels, every target exists, every part
    is reached and has a content type."""
    files = parts(docx_path(made, lang))
    reached, todo = set(), ["_rels/.rels"]
    while todo:
        rels = todo.pop()
        for target in _targets(files, rels):
            assert target in files, f"{rels} → {target}"
            if target not in reached:
                reached.add(target)
                own = posixpath.join(posixpath.dirname(target), "_rels", posixpath.basename(target) + ".rels")
                if own in files:
                    todo.append(own)
    content_types = xml(files["[Content_Types].xml"])
    overrides = {el.get("PartName").lstrip("/") for el in content_types.iter(f"{CT}Override")}
    defaults = {el.get("Extension").lower() for el in content_types.iter(f"{CT}Default")}
    parts_only = {n for n in files if n != "[Content_Types].xml" and not n.endswith(".rels")}
    assert parts_only == reached  # no part left over from the template, none missing
    assert overrides <= parts_only  # no content type for a part that is not there
    assert all(n in overrides or n.rsplit(".", 1)[-1].lower() in defaults for n in parts_only)
    assert "word/document.xml" in reached and "docProps/core.xml" in reached and "docProps/app.xml" in reached


DRAWING = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_docx_fonts_are_the_report_s_not_the_template_s(made, lang):
    """Read from the XML parts (lxml): the theme's heading and body fonts are the report's,
    with no per-script fonts; the font table lists only fonts some part names (no Calibri,
    Cambria, MS Mincho or MS Gothic of the template). python-docx and mammoth still open it
    (the other tests), and the package holds together (test_docx_package_holds_together)."""
    from heritage.report.word import FONT

    files = parts(docx_path(made, lang))
    theme = xml(files["word/theme/theme1.xml"])
    scheme = theme.find(f".//{DRAWING}fontScheme")
    for kind in ("majorFont", "minorFont"):
        collection = scheme.find(f"{DRAWING}{kind}")
        assert collection.find(f"{DRAWING}latin").get("typeface") == FONT
        assert collection.findall(f"{DRAWING}font") == []
    named = set()
    for name, blob in files.items():
        if name.startswith("word/") and name.endswith(".xml") and name != "word/fontTable.xml":
            for element in xml(blob).iter(f"{{{W}}}rFonts", f"{{{W}}}sym"):
                named.update(v for k, v in element.attrib.items() if k.split("}")[1] in ("ascii", "hAnsi", "cs", "eastAsia", "font"))
    listed = [f.get(f"{{{W}}}name") for f in xml(files["word/fontTable.xml"]).iter(f"{{{W}}}font")]
    assert FONT in listed and set(listed) <= named | {FONT}, listed
    # settings.xml keeps Word's math font (Cambria Math), which only an equation would use
    fonts = (files["word/theme/theme1.xml"] + files["word/fontTable.xml"]).decode("utf-8")
    for template_font in ("Calibri", "Cambria", "ＭＳ 明朝", "ＭＳ ゴシック"):
        assert template_font not in fonts, template_font


def _markdown_lines(text: str) -> list[str]:
    """The report's Markdown as plain lines: what the Word document must say too."""
    out = []
    for line in text.splitlines()[1:]:  # the Markdown's own title aside (the .docx has the decree's)
        if not line.strip() or line.startswith("![") or re.match(r"^\|(-+:?\|)+$|^-{3,}$", line):
            continue
        line = re.sub(r"^#+ ", "", line).replace("**", "").strip("*")
        out += [c.strip() for c in line.strip("|").split(" | ") if c.strip()] if line.startswith("|") else [line]
    return out


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_second_reader_gets_the_text_intact(made, lang):
    with docx_path(made, lang).open("rb") as f:
        result = mammoth.extract_raw_text(f)
    assert [m.message for m in result.messages if m.message not in KNOWN_MAMMOTH] == []
    text = result.value
    assert unicodedata.is_normalized("NFC", text) and "\ufffd" not in text
    if lang == "vi":  # the decree's frame, every diacritic in place
        assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text and "Độc lập - Tự do - Hạnh phúc" in text
        assert "KẾT QUẢ SỐ HÓA VÀ QUẢNG BÁ DI SẢN VĂN HÓA NĂM 2026".casefold() in text.casefold()
    folded = text.casefold()  # parts' titles are in capitals in Word, as the decree sets them
    markdown = (made.root / f"out/report/{STEM[lang]}.md").read_text(encoding="utf-8")
    missing = [line for line in _markdown_lines(markdown) if line.casefold() not in folded]
    assert missing == []
