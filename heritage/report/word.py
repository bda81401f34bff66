"""The yearly report as the office files it: a Word document in the layout of Decree 30/2020/NĐ-CP.

A4 with the decree's margins (top and bottom 20 mm, left 30 mm, right 15 mm); Times New
Roman (what the office's Word has), 14 pt text; a borderless two-column header (the
issuing body and its number at left, the national motto at right, then the place and
date); the title; numbered parts; real Word tables; the charts; and the signature block
with "Nơi nhận". Page numbers sit at the top from page 2, as the decree asks. Whatever
data/site.yml does not say (office, number, signatory) is a highlighted placeholder.
The text is in the report's language for Word's spelling (heritage.report.word_package), but for
what data/site.yml gives in Vietnamese only (the place, the signer), tagged as such.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from docx import Document as new_document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph as DocxParagraph

from heritage.content.settings import Settings
from heritage.i18n import format_day
from heritage.report.word_package import LANG_TAGS, set_fonts, set_language, set_properties, tag_run
from heritage.report.wording import Bullets, Chart, Document, Heading, Inline, Paragraph, Strong, Table, w

FONT = "Times New Roman"
BODY_PT, SMALL_PT, TABLE_PT = 14, 12, 12
PAGE = {"width": Mm(210), "height": Mm(297), "top": Mm(20), "bottom": Mm(20), "left": Mm(30), "right": Mm(15)}
TEXT_MM = 210 - 30 - 15  # the width between the margins
HEADER_MM = {"vi": (68, 104), "en": (84, 88)}  # issuing body | national motto: wider than the text, as offices set it
HEADER_SHIFT_MM = -5  # so the header starts 5 mm into the left margin and ends 2 mm into the right one
INDENT = Mm(12.7)  # first-line indent of body paragraphs (1.27 cm)

FRAME: dict[str, dict[str, str]] = {
    "country": {"vi": "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "en": "SOCIALIST REPUBLIC OF VIET NAM"},
    "motto": {"vi": "Độc lập - Tự do - Hạnh phúc", "en": "Independence - Freedom - Happiness"},
    "number": {"vi": "Số: ", "en": "No.: "},
    "recipients": {"vi": "Nơi nhận:", "en": "Recipients:"},
    "agency?": {"vi": "[CƠ QUAN CHỦ QUẢN: report.agency]", "en": "[PARENT BODY: report.agency]"},
    "office?": {"vi": "[TÊN PHÒNG BAN HÀNH: report.office]", "en": "[ISSUING OFFICE: report.office]"},
    "number?": {"vi": "[số/ký hiệu: report.number]", "en": "[number: report.number]"},
    "place?": {"vi": "[Địa danh: report.place]", "en": "[Place: report.place]"},
    "title?": {"vi": "[CHỨC VỤ NGƯỜI KÝ: report.signer.title]", "en": "[SIGNER'S TITLE: report.signer.title]"},
    "name?": {"vi": "[Họ và tên người ký: report.signer.name]", "en": "[Signer's name: report.signer.name]"},
    "recipients?": {"vi": "[Nơi nhận: report.recipients trong data/site.yml]", "en": "[Recipients: report.recipients in data/site.yml]"},
}


@dataclass(frozen=True)
class Placeholder:
    """A blank data/site.yml leaves: printed highlighted, naming the field to fill."""

    text: str


@dataclass(frozen=True)
class Foreign:
    """Text in the other language than the document's: Word spell-checks it in its own."""

    text: str
    lang: str


Piece = Inline | Placeholder | Foreign


def dated_line(place: str | Placeholder | Foreign, day: dt.date, lang: str) -> tuple[Piece, ...]:
    """'Phường X, ngày 05 tháng 01 năm 2027' (report.place): the decree writes days below 10 and months 1-2 with a 0."""
    if lang == "vi":
        month = f"{day.month:02d}" if day.month < 3 else str(day.month)
        return (place, f", ngày {day.day:02d} tháng {month} năm {day.year}")
    return (place, f", {format_day(day, 'en')}")


def _frame(settings: Settings, lang: str) -> dict[str, Piece]:
    """The header's and signature's fields, from data/site.yml or a placeholder each."""
    r = settings.report

    def text_or(value, key: str) -> Piece:
        return value(lang) if value is not None else Placeholder(FRAME[key][lang])

    def vietnamese(value: str) -> Piece:
        """data/site.yml gives the place and the signer's name once, in Vietnamese."""
        return value if lang == "vi" else Foreign(value, "vi")

    return {
        "agency": text_or(r.agency, "agency?"),
        "office": text_or(r.office, "office?"),
        "number": r.number or Placeholder(FRAME["number?"][lang]),
        "place": vietnamese(r.place) if r.place else Placeholder(FRAME["place?"][lang]),
        "title": text_or(r.signer.title, "title?"),
        "name": vietnamese(r.signer.name) if r.signer.name else Placeholder(FRAME["name?"][lang]),
    }


def _upper(piece: Piece) -> Piece:
    if isinstance(piece, (Placeholder, Foreign)):
        return piece
    if isinstance(piece, Strong):
        return Strong(piece.text.upper())
    return piece.upper()


# --- low-level formatting ------------------------------------------------------------------


def _set_fonts(element, size: int | None = None) -> None:
    """Times New Roman for every script (Word picks the font per script), Vietnamese spelling."""
    rpr = element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in list(fonts.attrib):
        if attr.endswith("Theme"):
            del fonts.attrib[attr]
    for script in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(script), FONT)


def _base_styles(doc) -> None:
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    rpr_default = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    fonts = rpr_default.find(qn("w:rFonts"))
    for attr in list(fonts.attrib):
        del fonts.attrib[attr]
    for script in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(script), FONT)
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(BODY_PT)
    _set_fonts(normal.element)
    fmt = normal.paragraph_format
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(6)
    fmt.line_spacing = 1.0


def _run(paragraph: DocxParagraph, piece: Piece, size: float | None = None, bold: bool = False, italic: bool = False, underline: bool = False):
    text = piece.text if isinstance(piece, (Strong, Placeholder, Foreign)) else piece
    run = paragraph.add_run(text)
    run.bold = bold or isinstance(piece, Strong)
    run.italic = italic or None
    run.underline = underline or None
    if size:
        run.font.size = Pt(size)
    if isinstance(piece, Placeholder):
        run.font.highlight_color = WD_COLOR_INDEX.YELLOW
    if isinstance(piece, Foreign):
        tag_run(run, LANG_TAGS[piece.lang])
    return run


def _paragraph(container, pieces: tuple[Piece, ...] | Piece, size: float | None = None, align=None, bold=False, italic=False, underline=False, after: float | None = None, indent=None) -> DocxParagraph:
    paragraph = container.add_paragraph()
    for piece in pieces if isinstance(pieces, tuple) else (pieces,):
        _run(paragraph, piece, size, bold, italic, underline)
    fmt = paragraph.paragraph_format
    if align is not None:
        fmt.alignment = align
    if after is not None:
        fmt.space_after = Pt(after)
    if indent is not None:
        fmt.first_line_indent = indent
    return paragraph


def _rule(container, width_mm: float, box_mm: float) -> None:
    """A short centred line (under the office's name and the title), as a paragraph border."""
    paragraph = container.add_paragraph()
    fmt = paragraph.paragraph_format
    fmt.left_indent = fmt.right_indent = Mm((box_mm - width_mm) / 2)
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.line_spacing = Pt(2)
    border = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    border.append(bottom)
    ppr = paragraph._p.get_or_add_pPr()
    ppr.insert_element_before(border, "w:shd", "w:tabs", "w:spacing", "w:ind", "w:jc", "w:rPr")


# What may follow w:tblBorders in w:tblPr: Word refuses a file whose elements are out of order.
_AFTER_BORDERS = ("w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption", "w:tblDescription", "w:tblPrChange")


def _no_borders(table: DocxTable) -> None:
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    table._tbl.tblPr.insert_element_before(borders, *_AFTER_BORDERS)


def _widths(table: DocxTable, widths_mm: tuple[float, ...]) -> None:
    table.autofit = False
    for row in table.rows:
        for cell, width in zip(row.cells, widths_mm):
            cell.width = Mm(width)
    for col, width in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths_mm):
        col.set(qn("w:w"), str(int(Mm(width).twips)))


def _repeat_header(row) -> None:
    element = OxmlElement("w:tblHeader")
    element.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(element)


def _page_numbers(section) -> None:
    """The decree numbers pages from the second, centred at the top."""
    section.different_first_page_header_footer = True
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "2"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


# --- the parts of the document -------------------------------------------------------------


def _header(doc, frame: dict[str, Piece], lang: str, issued: dt.date) -> None:
    table = doc.add_table(rows=2, cols=2)
    _no_borders(table)
    _widths(table, HEADER_MM[lang])
    indent = OxmlElement("w:tblInd")
    indent.set(qn("w:w"), str(int(Mm(HEADER_SHIFT_MM).twips)))
    indent.set(qn("w:type"), "dxa")
    table._tbl.tblPr.insert_element_before(indent, "w:tblBorders", *_AFTER_BORDERS)
    left, right = table.rows[0].cells
    centre = WD_ALIGN_PARAGRAPH.CENTER
    left.paragraphs[0].alignment = centre
    _run(left.paragraphs[0], _upper(frame["agency"]), 13)
    left.paragraphs[0].paragraph_format.space_after = Pt(0)
    _paragraph(left, _upper(frame["office"]), 13, centre, bold=True, after=0)
    _rule(left, 25, HEADER_MM[lang][0])
    right.paragraphs[0].alignment = centre
    _run(right.paragraphs[0], FRAME["country"][lang], 12.5, bold=True)
    right.paragraphs[0].paragraph_format.space_after = Pt(0)
    _paragraph(right, FRAME["motto"][lang], 14, centre, bold=True, underline=True, after=0)
    number, date = table.rows[1].cells
    number.paragraphs[0].alignment = centre
    for piece in (FRAME["number"][lang], frame["number"]):
        _run(number.paragraphs[0], piece, 13)
    date.paragraphs[0].alignment = centre
    for piece in dated_line(frame["place"], issued, lang):
        _run(date.paragraphs[0], piece, 14, italic=True)


def _title(doc, document: Document) -> None:
    first = _paragraph(doc, document.kind, BODY_PT, WD_ALIGN_PARAGRAPH.CENTER, bold=True, after=0)
    first.paragraph_format.space_before = Pt(18)
    _paragraph(doc, document.subject, BODY_PT, WD_ALIGN_PARAGRAPH.CENTER, bold=True, after=0)
    _rule(doc, 45, TEXT_MM)
    doc.paragraphs[-1].paragraph_format.space_after = Pt(12)


def _column_widths(block: Table) -> tuple[float, ...]:
    """Numbers get what their heading needs (at most 40 mm); text columns share the rest, the last one most."""
    numeric = {i: max(20.0, min(40.0, len(block.header[i]) * 1.6)) for i in block.numeric}
    text = [i for i in range(len(block.header)) if i not in numeric]
    free = TEXT_MM - sum(numeric.values())
    shares = {i: (1.0 if len(text) == 1 else 0.36 if i == text[0] else 0.64 / (len(text) - 1)) for i in text}
    return tuple(numeric[i] if i in numeric else free * shares[i] for i in range(len(block.header)))


def _table(doc, block: Table) -> None:
    table = doc.add_table(rows=1 + len(block.rows), cols=len(block.header))
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    widths = _column_widths(block)
    _widths(table, widths)
    _repeat_header(table.rows[0])
    for row, values in zip(table.rows, ((Strong(h) for h in block.header), *block.rows)):
        for i, (cell, value) in enumerate(zip(row.cells, values)):
            paragraph = cell.paragraphs[0]
            paragraph.paragraph_format.space_after = Pt(0)
            paragraph.paragraph_format.keep_with_next = row is table.rows[0]
            if row is table.rows[0] or i in block.numeric:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            if value:
                _run(paragraph, value, TABLE_PT)
    doc.add_paragraph().paragraph_format.space_after = Pt(0)


def _body(doc, document: Document, charts: dict[str, Path]) -> None:
    justify = WD_ALIGN_PARAGRAPH.JUSTIFY
    for paragraph in document.intro:
        _paragraph(doc, paragraph.parts, align=justify, indent=INDENT)
    for block in document.body:
        if isinstance(block, Heading):
            text = block.text.upper() if block.level == 1 else block.text
            heading = _paragraph(doc, Strong(text), align=justify, indent=INDENT)
            heading.paragraph_format.keep_with_next = True
            heading.paragraph_format.space_before = Pt(6)
        elif isinstance(block, Paragraph):
            _paragraph(doc, block.parts, align=justify, indent=INDENT)
        elif isinstance(block, Bullets):
            for item in block.items:
                _paragraph(doc, ("- ", *item), align=justify, indent=INDENT)
        elif isinstance(block, Table):
            _table(doc, block)
        elif isinstance(block, Chart) and block.key in charts:
            picture = doc.add_paragraph()
            picture.alignment = WD_ALIGN_PARAGRAPH.CENTER
            picture.paragraph_format.keep_with_next = True
            picture.add_run().add_picture(str(charts[block.key]), width=Mm(155))
            _paragraph(doc, block.caption, SMALL_PT, WD_ALIGN_PARAGRAPH.CENTER, italic=True)
    closing = _paragraph(doc, document.closing.parts, align=justify, indent=INDENT)
    closing.paragraph_format.keep_with_next = True


def _signature(doc, settings: Settings, frame: dict[str, Piece], lang: str) -> None:
    table = doc.add_table(rows=1, cols=2)
    _no_borders(table)
    _widths(table, (TEXT_MM / 2, TEXT_MM / 2))
    table.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))  # the block moves whole to the next page
    left, right = table.rows[0].cells
    head = left.paragraphs[0]
    _run(head, FRAME["recipients"][lang], 12, bold=True, italic=True)
    head.paragraph_format.space_after = Pt(0)
    recipients: list[Piece] = [r(lang) for r in settings.report.recipients] or [Placeholder(FRAME["recipients?"][lang])]
    for i, recipient in enumerate(recipients):
        end = "." if i == len(recipients) - 1 else ";"
        _paragraph(left, ("- ", recipient, end), 11, after=0)
    right.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(right.paragraphs[0], _upper(frame["title"]), BODY_PT, bold=True)
    for _ in range(4):  # room for the signature and the seal
        _paragraph(right, "", BODY_PT, after=0)
    _paragraph(right, frame["name"], BODY_PT, WD_ALIGN_PARAGRAPH.CENTER, bold=True)


def write(document: Document, settings: Settings, lang: str, charts: dict[str, Path], issued: dt.date, path: Path) -> Path:
    """The Word document of the report, with the charts' PNGs embedded."""
    doc = new_document()
    _base_styles(doc)
    section = doc.sections[0]
    section.page_width, section.page_height = PAGE["width"], PAGE["height"]
    section.top_margin, section.bottom_margin = PAGE["top"], PAGE["bottom"]
    section.left_margin, section.right_margin = PAGE["left"], PAGE["right"]
    section.header_distance = section.footer_distance = Mm(10)
    _page_numbers(section)
    frame = _frame(settings, lang)
    _header(doc, frame, lang, issued)
    _title(doc, document)
    _body(doc, document, charts)
    _signature(doc, settings, frame, lang)
    set_language(doc, lang)
    set_properties(doc, w("md-title", lang, year=document.year), document.subject, settings.ward(lang), issued)
    set_fonts(doc, FONT)  # after the leftover parts are gone: only what stays names fonts
    doc.save(path)
    return path
