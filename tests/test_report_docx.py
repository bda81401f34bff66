"""The yearly report as a Word document: opened with python-docx, compared with the CSV and the Markdown."""

from __future__ import annotations

import re

import pytest
from docx import Document
from docx.enum.text import WD_COLOR_INDEX
from docx.shared import Mm

from heritage.sections import ENTRY_SECTIONS
from heritage.report.wording import PARTS, ROMAN, w

from .test_report import REPORT_SETTINGS, csv_rows, reported_project, run_report

FILLED = REPORT_SETTINGS + """report:
  agency: {vi: "UBND phường Tân An", en: "Tân An Ward People's Committee"}
  office: {vi: "Phòng Văn hóa - Xã hội", en: "Culture and Social Affairs Office"}
  number: "15/BC-VHXH"
  place: "Tân An"
  signer: {title: {vi: "Trưởng phòng", en: "Head of Office"}, name: "Nguyễn Văn Mẫu"}
  recipients:
    - {vi: "Sở VH-TT-DL tỉnh Bắc Ninh (b/c)", en: "Provincial Department of Culture"}
    - {vi: "Lưu: VT, VHXH", en: "Filed"}
"""


@pytest.fixture(scope="module")
def documents(tmp_path_factory):
    """(project, settings) → the Vietnamese and English documents, with site.yml filled in."""
    project = reported_project(tmp_path_factory.mktemp("docx"), FILLED)
    for lang in ("vi", "en"):
        result = run_report(project, "--lang", lang)
        assert result.returncode == 0, result.stdout + result.stderr
    return project


def texts(doc) -> list[str]:
    """Every paragraph's text, the header and signature tables included, in order."""
    out = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                out += [p.text for p in cell.paragraphs]
    return out


def grid(table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


def find_table(doc, *header: str) -> list[list[str]]:
    found = [grid(t) for t in doc.tables if tuple(c.text for c in t.rows[0].cells) == header]
    assert len(found) == 1, header
    return found[0]


def markdown_tables(text: str) -> list[list[list[str]]]:
    tables, current = [], []
    for line in text.splitlines():
        if line.startswith("|"):
            if not re.match(r"^\|(-+:?\|)+$", line):
                current.append([c.strip().replace("**", "") for c in line.strip("|").split(" | ")])
        elif current:
            tables.append(current)
            current = []
    return tables


def test_the_administrative_frame(documents):
    doc = Document(documents.root / "bao-cao/bao-cao-2026.docx")
    section = doc.sections[0]
    mm = {name: round(getattr(section, name).mm, 1) for name in ("page_width", "page_height", "top_margin", "bottom_margin", "left_margin", "right_margin")}
    assert (mm["page_width"], mm["page_height"]) == (210, 297)  # A4
    assert 20 <= mm["top_margin"] <= 25 and 20 <= mm["bottom_margin"] <= 25  # Decree 30/2020, appendix I
    assert 30 <= mm["left_margin"] <= 35 and 15 <= mm["right_margin"] <= 20
    normal = doc.styles["Normal"].font
    assert normal.name == "Times New Roman" and 13 <= normal.size.pt <= 14
    header = grid(doc.tables[0])
    issuer, motto_cell = doc.tables[0].rows[0].cells
    assert [p.text for p in issuer.paragraphs] == ["UBND PHƯỜNG TÂN AN", "PHÒNG VĂN HÓA - XÃ HỘI", ""]  # the last: the short rule
    assert "w:pBdr" in issuer.paragraphs[2]._p.xml and issuer.paragraphs[1].runs[0].bold
    assert [p.text for p in motto_cell.paragraphs] == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    motto = doc.tables[0].rows[0].cells[1].paragraphs[1].runs[0]
    assert motto.bold and motto.underline
    assert header[1] == ["Số: 15/BC-VHXH", "Tân An, ngày 20 tháng 10 năm 2026"]  # HERITAGE_TODAY of the tests
    place_date = doc.tables[0].rows[1].cells[1].paragraphs[0].runs
    assert place_date and all(run.italic for run in place_date)
    title = [p.text for p in doc.paragraphs[:2]]
    assert title == ["BÁO CÁO", "Kết quả số hóa và quảng bá di sản văn hóa năm 2026"]
    assert all(run.bold for p in doc.paragraphs[:2] for run in p.runs)
    signature = grid(doc.tables[-1])[0]
    assert signature[0].splitlines() == ["Nơi nhận:", "- Sở VH-TT-DL tỉnh Bắc Ninh (b/c);", "- Lưu: VT, VHXH."]
    assert signature[1].splitlines()[0] == "TRƯỞNG PHÒNG" and signature[1].splitlines()[-1] == "Nguyễn Văn Mẫu"
    received = doc.tables[-1].rows[0].cells[0].paragraphs[0].runs[0]
    assert received.bold and received.italic
    assert not [r.text for p in doc.paragraphs for r in p.runs if r.font.highlight_color == WD_COLOR_INDEX.YELLOW]  # nothing left to fill
    assert doc.sections[0].different_first_page_header_footer and 'instr="PAGE"' in doc.sections[0].header._element.xml


def test_every_part_in_order(documents):
    doc = Document(documents.root / "bao-cao/bao-cao-2026.docx")
    paragraphs = [p.text for p in doc.paragraphs]
    expected = [f"{ROMAN[i]}. {w(key, 'vi', year=2026)}".upper() for i, (key, _) in enumerate(PARTS)]
    positions = [paragraphs.index(heading) for heading in expected]
    assert positions == sorted(positions) and len(expected) == 7
    assert "1. Tư liệu số hiện có" in paragraphs and "2. Tư liệu số hóa theo tháng trong năm 2026" in paragraphs
    assert paragraphs[-1].endswith("./.")  # the administrative full stop


def test_tables_hold_the_csv_numbers(documents):
    root = documents.root
    doc = Document(root / "bao-cao/bao-cao-2026.docx")
    rows = csv_rows(root / "bao-cao/bao-cao-2026.csv")
    inventory = find_table(doc, "Chuyên mục", "Số mục", "Xếp hạng", "Trong đó minh họa (chưa thẩm định)")
    labels = {section.vi: key for key, section in ENTRY_SECTIONS.items()}
    assert len(inventory[1:-1]) == len(ENTRY_SECTIONS)
    for label, entries, _, _ in inventory[1:-1]:
        assert entries == rows[("danh-muc", labels[label])]
    assert inventory[-1][1] == rows[("danh-muc", "tong")] and inventory[-1][3] == rows[("danh-muc", "minh-hoa")]
    media = find_table(doc, "Tháng", "Ảnh", "Âm thanh", "Video (tệp)", "Video (YouTube)", "Tổng số")
    for month, row in enumerate(media[1:13], start=1):
        assert row[0] == f"Tháng {month}/2026"
        kinds = [rows[("so-hoa-theo-thang", f"2026-{month:02d}/{k}")] for k in ("image", "audio", "video", "youtube")]
        assert row[1:] == [*kinds, rows[("so-hoa-theo-thang", f"2026-{month:02d}")]]
    held = find_table(doc, "Loại tư liệu", "Tổng số", "Số hóa trong năm 2026")
    assert held[1] == ["Ảnh", rows[("so-hoa", "image")], rows[("so-hoa-trong-nam", "image")]]
    column = find_table(doc, "Tháng", "Số bài (cả hai thứ tiếng)", "Đánh giá")
    for month, row in enumerate(column[1:], start=1):
        assert row[1] == rows[("chuyen-muc", f"2026-{month:02d}")]
    assert [r[0] for r in column if r[2] == "THIẾU"] == ["Tháng 8/2026"] and rows[("chuyen-muc", "thang-thieu")] == "1"
    statuses = dict(find_table(doc, "Tình trạng", "Số trang")[1:])
    assert statuses == {"Đã cập nhật": rows[("ban-dich-tinh-trang", "current")], "Bản dịch cũ": rows[("ban-dich-tinh-trang", "stale")]}
    assert len(find_table(doc, "Lễ hội", "Thời gian (dương lịch)", "Tình trạng")) == 1 + int(rows[("le-hoi", "so-le-hoi")])


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_word_and_markdown_show_the_same_tables(documents, lang):
    stem = "bao-cao-2026" if lang == "vi" else "report-2026"
    doc = Document(documents.root / f"bao-cao/{stem}.docx")
    body_tables = [grid(t) for t in doc.tables[1:-1]]  # without the header and the signature
    markdown = markdown_tables((documents.root / f"bao-cao/{stem}.md").read_text(encoding="utf-8"))
    assert body_tables == markdown and len(body_tables) == 7


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_charts_are_embedded(documents, lang):
    stem = "bao-cao-2026" if lang == "vi" else "report-2026"
    doc = Document(documents.root / f"bao-cao/{stem}.docx")
    assert len(doc.inline_shapes) == 4
    embedded = {part.blob for part in doc.part.package.parts if part.content_type == "image/png"}
    for chart in ("danh-muc", "so-hoa", "chuyen-muc", "ban-dich"):
        assert (documents.root / f"bao-cao/{stem}-{chart}.png").read_bytes() in embedded
    for shape in doc.inline_shapes:
        assert Mm(120) <= shape.width <= Mm(165)  # within the text width


def test_english_version_for_partners(documents):
    doc = Document(documents.root / "bao-cao/report-2026.docx")
    all_text = "\n".join(texts(doc))
    for expected in ("SOCIALIST REPUBLIC OF VIET NAM", "Independence - Freedom - Happiness", "REPORT", "No.: 15/BC-VHXH",
                     "Tân An, 20 October 2026", "I. THE INVENTORY BY SECTION AND RANKING", "Recipients:", "HEAD OF OFFICE", "Lim Festival"):
        assert expected in all_text
    assert "Hội Lim" not in all_text


def test_placeholders_where_site_yml_is_silent(tmp_path):
    project = reported_project(tmp_path)  # site.yml without a report block
    result = run_report(project)
    assert result.returncode == 0, result.stdout + result.stderr
    doc = Document(tmp_path / "bao-cao/bao-cao-2026.docx")
    highlighted = [r.text for table in doc.tables for row in table.rows for cell in row.cells for p in cell.paragraphs for r in p.runs if r.font.highlight_color == WD_COLOR_INDEX.YELLOW]
    for field in ("report.agency", "report.office", "report.number", "report.place", "report.signer.title", "report.signer.name", "report.recipients"):
        assert any(field in text for text in highlighted), field
