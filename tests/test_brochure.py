"""The bilingual brochure: every section in both languages (text read back from the PDF),
a QR code that decodes to the site, photos at print resolution, real embedded text."""

from __future__ import annotations

import shutil
import sys

import pypdfium2
import pypdfium2.raw as pdfium_c
import pytest
import zxingcpp

from .conftest import REPO, SAMPLE_URL, Project

A5_POINTS = (148 / 25.4 * 72, 210 / 25.4 * 72)


@pytest.fixture(scope="module")
def brochure(tmp_path_factory):
    """The repository's sample content, its brochure for 2027 written by the command."""
    root = tmp_path_factory.mktemp("brochure")
    for folder in ("data", "docs"):
        shutil.copytree(REPO / folder, root / folder)
    project = Project(root)
    before = project.snapshot()
    result = project.run(sys.executable, "-m", "heritage", "brochure", "--year", "2027", "--out", "in", env={"SITE_URL": SAMPLE_URL})
    assert result.returncode == 0, result.stdout + result.stderr
    assert project.snapshot() == before
    return pypdfium2.PdfDocument(root / "in/di-san-tan-an-2027.pdf")


def page_text(pdf, index: int) -> str:
    return pdf[index].get_textpage().get_text_range()


def test_eight_a5_pages_saddle_stitched(brochure):
    assert len(brochure) % 4 == 0 and len(brochure) == 8
    for page in brochure:
        assert page.get_size() == pytest.approx(A5_POINTS, abs=0.5)


# Each section in both languages, on its page (text extracted from the PDF: it is real text).
SECTIONS = [
    (0, ["Di sản Tân An", "Tân An Heritage", "Tài liệu giới thiệu song ngữ · 2027", "A bilingual introduction · 2027"]),
    (1, ["Phường Tân An", "Tân An Ward", "quê hương của dân ca Quan họ", "home of Quan họ Bắc Ninh folk songs"]),
    (2, ["Di tích tiêu biểu", "Featured relics", "Đình Tân An", "Tân An Communal House", "Chùa Tân An", "Tân An Pagoda"]),
    (3, ["Đền Mẫu Tân An", "Tân An Mother Goddess Temple", "Nhà thờ họ Nguyễn", "Nguyễn Clan Ancestral Hall"]),
    (4, ["Lịch lễ hội 2027", "Festival calendar 2027", "Hội Lim", "Lim Festival", "Âm lịch", "Lunar date", "tháng Giêng", "1st lunar month"]),
    (5, ["Hành trình di sản", "Heritage trail", "Vòng đình – chùa – đền Tân An", "Communal house, pagoda and temple loop", "điểm dừng", "stops"]),
    (6, ["Làng nghề và sản phẩm", "Crafts and products", "Nghề đan tre", "Bamboo weaving", "Bánh đa Tân An", "Tân An rice crackers"]),
    (7, ["Xem thêm trên trang web", "More on the website", "heritage.example.org"]),
]


@pytest.mark.parametrize("index, phrases", SECTIONS)
def test_every_section_in_both_languages(brochure, index, phrases):
    text = " ".join(page_text(brochure, index).split())
    missing = [p for p in phrases if p not in text]
    assert missing == [], text[:600]


def test_festival_dates_are_the_lunar_calendars(brochure):
    # Hội Lim is on the 12th day of the 1st lunar month (data/le-hoi/hoi-lim.yml): the solar
    # date printed is the lunar calendar's, and the lunar date is printed beside it.
    from heritage.calendar import lunar

    text = " ".join(page_text(brochure, 4).split())
    start = lunar.resolve(2027, 1, 12, False).start
    assert start.year == 2027 and start.strftime("%d/%m/%Y") in text
    assert "ngày 12 tháng Giêng (âm lịch)" in text and "12th day of the 1st lunar month" in text


def test_qr_code_decodes_to_the_site(brochure):
    image = brochure[7].render(scale=200 / 72).to_pil()
    codes = [r.text for r in zxingcpp.read_barcodes(image) if r.format == zxingcpp.BarcodeFormat.QRCode]
    assert codes == [SAMPLE_URL]


def test_photos_are_at_print_resolution(brochure):
    dpis = []
    for page in brochure:
        for image in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,)):
            meta = image.get_metadata()
            dpis.append(min(meta.horizontal_dpi, meta.vertical_dpi))
    assert len(dpis) >= 9  # cover, four relics, four crafts and products
    assert min(dpis) >= 200


def test_text_is_set_in_embedded_be_vietnam_pro(brochure):
    fonts = set()
    for page in brochure:
        for obj in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_TEXT,)):
            font = pdfium_c.FPDFTextObj_GetFont(obj.raw)
            size = pdfium_c.FPDFFont_GetBaseFontName(font, None, 0)
            buffer = (pdfium_c.c_char * size)()
            pdfium_c.FPDFFont_GetBaseFontName(font, buffer, size)
            fonts.add(bytes(buffer).rstrip(b"\0").decode())
            assert pdfium_c.FPDFFont_GetIsEmbedded(font) == 1
    assert fonts and all("BeVietnamPro" in f for f in fonts), fonts


def test_refuses_without_a_public_address(tmp_path):
    for folder in ("data", "docs"):
        shutil.copytree(REPO / folder, tmp_path / folder)
    result = Project(tmp_path).run(sys.executable, "-m", "heritage", "brochure", env={"SITE_URL": "http://127.0.0.1:8000/"})
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "127.0.0.1" in result.stderr and not (tmp_path / "tai-lieu").exists()
