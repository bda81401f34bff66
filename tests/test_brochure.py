"""The bilingual brochure: every section in both languages (text read back from the PDF),
a QR code that decodes to the site, photos at print resolution, real embedded text."""

from __future__ import annotations

import shutil
import sys

import pypdfium2
import pypdfium2.raw as pdfium_c
import pytest
import zxingcpp

import yaml

from heritage.calendar import lunar
from heritage.map import basemap

from .conftest import REPO, SAMPLE_URL, TODAY, Project
from .test_basemap import give_basemap

A5_POINTS = (148 / 25.4 * 72, 210 / 25.4 * 72)


def make(root, *args: str, basemap_box=None) -> pypdfium2.PdfDocument:
    """The repository's sample content, its brochure written by the command (on the tests'
    HERITAGE_TODAY, 20 October 2026); with `basemap_box`, a fetched basemap of that area."""
    for folder in ("data", "docs"):
        shutil.copytree(REPO / folder, root / folder)
    project = Project(root)
    if basemap_box is not None:
        give_basemap(project, basemap_box)
    before = project.snapshot()
    result = project.run(sys.executable, "-m", "heritage", "brochure", *args, "--out", "in", env={"SITE_URL": SAMPLE_URL})
    assert result.returncode == 0, result.stdout + result.stderr
    assert project.snapshot() == before
    (pdf,) = (root / "in").glob("*.pdf")
    return pypdfium2.PdfDocument(pdf)


@pytest.fixture(scope="module")
def brochure(tmp_path_factory):
    """The edition for 2027, made ahead: its calendar is the year 2027."""
    return make(tmp_path_factory.mktemp("brochure"), "--year", "2027")


@pytest.fixture(scope="module")
def today_brochure(tmp_path_factory):
    """This year's edition, made on 20 October 2026, on a fetched basemap of the ward."""
    return make(tmp_path_factory.mktemp("brochure-today"), basemap_box=basemap.BBox(21.2100, 106.1600, 21.2350, 106.1900))


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
    (5, ["Hành trình di sản", "Heritage trail", "Đi bộ đình – chùa – đền Tân An", "Communal house, pagoda and temple walk", "điểm dừng", "stops"]),
    (6, ["Làng nghề và sản phẩm", "Crafts and products", "Nghề đan tre", "Bamboo weaving", "Bánh đa Tân An", "Tân An rice crackers"]),
    (7, ["Liên hệ", "Contact", "Xem thêm trên trang web", "More on the website", "heritage.example.org", "Khẩn cấp: 113", "Emergency: 113 Police"]),
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


def test_the_calendar_is_the_next_twelve_months_from_the_day_it_is_made(today_brochure):
    """Made on 20 October 2026 (HERITAGE_TODAY), the calendar runs to 19 October 2027: the
    Festival of 30 October 2026 (a solar date, every three years) and the lunar festivals of
    2027, no date before the day it was made."""
    import datetime as dt
    import re

    text = " ".join(page_text(today_brochure, 4).split())
    assert TODAY == "2026-10-20"
    assert "Lịch lễ hội 20/10/2026 – 19/10/2027" in text and "Festival calendar 20 October 2026 – 19 October 2027" in text
    dates = [dt.datetime.strptime(d, "%d/%m/%Y").date() for d in re.findall(r"\b\d{2}/\d{2}/\d{4}\b", text)]
    assert min(dates) >= dt.date(2026, 10, 20) and dt.date(2026, 10, 30) in dates
    assert lunar.resolve(2027, 1, 12, False).start in dates  # Hội Lim 2027


def test_a_solar_festival_has_its_date_in_the_solar_column_and_its_lunar_date_beside_it(today_brochure):
    """The Festival is on 30 October (solar): that date is in the solar column; the lunar
    column gives the lunar date it falls on, never the solar date again ('… (dương lịch)')."""
    text = " ".join(page_text(today_brochure, 4).split())
    moon = lunar.to_lunar(__import__("datetime").date(2026, 10, 30))
    assert "30/10/2026" in text and "30 October 2026" in text
    assert f"ngày {moon.day} tháng {moon.month} (âm lịch)" in text
    assert "dương lịch)" not in text and "30 October" not in text.split("30 October 2026", 1)[1].split("Hội Lim")[0]


def test_the_back_page_has_the_offices_phone_email_and_address(brochure):
    contact = yaml.safe_load((REPO / "data/site.yml").read_text(encoding="utf-8"))["contact"]
    text = " ".join(page_text(brochure, 7).split())
    for phrase in (contact["phone"], contact["email"], contact["address"]["vi"], contact["address"]["en"], contact["office"]["vi"], contact["office"]["en"]):
        assert phrase in text, phrase


def _images(pdf, index: int) -> list:
    return list(pdf[index].get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,)))


def test_the_trail_map_is_drawn_on_the_basemap_when_there_is_one(brochure, today_brochure):
    # without a fetched extract: the sketch on plain paper, no picture on the trail's page
    assert _images(brochure, 5) == [] and "OpenStreetMap" not in page_text(brochure, 5)
    (background,) = _images(today_brochure, 5)
    assert "© OpenStreetMap contributors, ODbL" in page_text(today_brochure, 5)
    # the tiles' own colours are in the picture: land, and the primary road drawn on it
    picture = background.get_bitmap().to_pil().convert("RGB")
    colours = {c for _, c in picture.getcolors(maxcolors=1 << 20)}
    assert basemap.LAND in colours or any(max(abs(a - b) for a, b in zip(c, basemap.LAND)) <= 4 for c in colours)
    assert any(max(abs(a - b) for a, b in zip(c, basemap.ROADS["primary"][1])) <= 6 for c in colours)
