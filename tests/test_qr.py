"""QR landings, codes decoded by a real decoder, printable plaques, and codes that never break."""

from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ET

import pypdfium2
import pytest
import zxingcpp
from PIL import Image

from heritage.content.loader import load_inventory
from heritage.content.settings import load_settings
from heritage.qr import codes as qr
from heritage.printed.plaques import FORMATS, Face, plaque_text

from .conftest import SAMPLE_URL


def decode(image: Image.Image) -> list:
    return [r for r in zxingcpp.read_barcodes(image) if r.format == zxingcpp.BarcodeFormat.QRCode]


def render_pdf(pdf, dpi: int) -> list[Image.Image]:
    """Every page of a PDF as an image at `dpi` (PDFium, the renderer of Chromium, from PyPI)."""
    document = pypdfium2.PdfDocument(pdf)
    try:
        return [page.render(scale=dpi / 72).to_pil() for page in document]
    finally:
        document.close()


def test_a_landing_for_every_id_and_alias(sample_site):
    inv = load_inventory(sample_site.root)
    assert len(inv.entries) > 10
    for entry in inv.entries.values():
        page = sample_site.html(f"q/{entry.id}/")
        assert '<meta name="robots" content="noindex">' in page
        assert f'<link rel="canonical" href="{SAMPLE_URL}{entry.section}/{entry.id}/">' in page
        # an entry opens on what a visitor at the place needs (#tai-cho: the on-site block)
        assert f'href="../../{entry.section}/{entry.id}/#tai-cho" hreflang="vi"' in page
        assert f'href="../../en/{entry.section}/{entry.id}/#tai-cho" hreflang="en"' in page
        assert "<link rel=\"stylesheet\"" not in page and "<script src" not in page  # nothing to fetch
        assert len(page.encode()) < 4000


def test_aliases_resolve(small_project):
    small_project.entry("di-tich", "dinh-moi", ("Đình Mới", "New House"), aliases=["dinh-cu", "dinh-cu-2"])
    small_project.stamp_all()
    assert small_project.build().returncode == 0
    for code in ("dinh-moi", "dinh-cu", "dinh-cu-2"):
        assert 'href="../../di-tich/dinh-moi/#tai-cho" hreflang="vi"' in small_project.html(f"q/{code}/")


def test_every_png_code_decodes_to_its_landing(sample_site):
    inv = load_inventory(sample_site.root)
    assert len(inv.entries) > 10
    for entry in inv.entries.values():
        image = Image.open(sample_site.root / f"site/q/{entry.id}/qr.png")
        (result,) = decode(image)
        assert result.text == f"{SAMPLE_URL}q/{entry.id}/"
        assert result.ec_level == "H"
        assert round(image.info["dpi"][0]) == 300
        assert 4.5 <= image.width / 300 * 2.54 <= 5.5  # printed about 5 cm wide


def test_entry_page_offers_the_codes(sample_site):
    html = sample_site.html("di-tich/dinh-tan-an/")
    assert 'href="../../q/dinh-tan-an/qr.svg" download' in html and 'href="../../q/dinh-tan-an/qr.png" download' in html


@pytest.mark.parametrize("url", [None, "", "http://localhost:8000/", "http://127.0.0.1:8000/", "ftp://x.org/", "https://"])
def test_no_public_url_no_codes(url, monkeypatch):
    monkeypatch.delenv("SITE_URL", raising=False)
    with pytest.raises(qr.SiteUrlError):
        qr.public_site_url(url)


def test_local_build_has_landings_but_no_codes(small_project, monkeypatch):
    monkeypatch.delenv("SITE_URL", raising=False)
    assert small_project.build().returncode == 0
    assert (small_project.root / "site/q/dinh-tan-an/index.html").is_file()
    assert not (small_project.root / "site/q/dinh-tan-an/qr.png").exists()


def test_plaques_command_refuses_without_a_site_url(small_project, monkeypatch):
    monkeypatch.delenv("SITE_URL", raising=False)
    result = small_project.run(sys.executable, "-m", "heritage", "plaques", "dinh-tan-an", env={"SITE_URL": ""})
    assert result.returncode == 1 and "site_url" in result.stderr
    assert not (small_project.root / "data/qr-issued.yml").exists()


@pytest.fixture
def plaques(small_project):
    small_project.write("data/site.yml", "site_url: https://heritage.example.org/tan-an/\nward: {vi: UBND phường Tân An, en: Tân An Ward}\ncolumn: {launch: 2026-09}\n")
    result = small_project.run(sys.executable, "-m", "heritage", "plaques", "dinh-tan-an", "hoi-lim", "--out", "bien", env={"SITE_URL": ""})
    assert result.returncode == 0, result.stderr
    return small_project


@pytest.mark.parametrize("fmt, size_px", [("a6", (413, 583)), ("a5", (583, 827))])
def test_plaque_pdf_renders_and_its_code_scans(plaques, fmt, size_px):
    pdf = plaques.root / f"bien/dinh-tan-an-{fmt}.pdf"
    (image,) = render_pdf(pdf, 100)
    assert abs(image.width - size_px[0]) <= 2 and abs(image.height - size_px[1]) <= 2
    (result,) = decode(image)
    assert result.text == "https://heritage.example.org/tan-an/q/dinh-tan-an/"
    # the code is big enough to scan from 40 cm (at least 4 cm printed)
    position = result.position
    width_px = max(position.top_right.x, position.bottom_right.x) - min(position.top_left.x, position.bottom_left.x)
    assert width_px / 100 * 2.54 >= 3.5  # the finder-pattern span, without the quiet zone


def test_plaque_svg_and_sheet(plaques):
    svg = ET.parse(plaques.root / "bien/dinh-tan-an-a6.svg").getroot()
    assert svg.get("width") == "105mm" and svg.get("height") == "148mm" and svg.get("viewBox") == "0 0 105 148"
    titles = [t.text for t in svg.iter("{http://www.w3.org/2000/svg}title")]
    assert "Đình Tân An" in titles and "heritage.example.org/tan-an/q/dinh-tan-an" in titles
    sheet = plaques.root / "bien/tat-ca-bien-a6-tren-a4.pdf"
    (page,) = render_pdf(sheet, 120)
    texts = sorted(r.text for r in decode(page))
    assert texts == ["https://heritage.example.org/tan-an/q/dinh-tan-an/", "https://heritage.example.org/tan-an/q/hoi-lim/"]


def test_plaques_are_recorded_and_never_break(plaques):
    record = (plaques.root / "data/qr-issued.yml").read_text(encoding="utf-8")
    assert re.search(r"- \{id: dinh-tan-an, date: \d{4}-\d{2}-\d{2}\}", record) and "hoi-lim" in record
    assert plaques.check().returncode == 0
    # renaming without an alias breaks a printed code: the check fails and says how to fix it
    (plaques.root / "data/di-tich/dinh-tan-an.yml").rename(plaques.root / "data/di-tich/dinh-tan-an-moi.yml")
    for lang in ("vi", "en"):
        (plaques.root / f"docs/{lang}/di-tich/dinh-tan-an.md").rename(plaques.root / f"docs/{lang}/di-tich/dinh-tan-an-moi.md")
    result = plaques.check()
    assert result.returncode == 1 and "data/qr-issued.yml" in result.stdout and "aliases" in result.stdout
    path = plaques.root / "data/di-tich/dinh-tan-an-moi.yml"
    path.write_text(path.read_text(encoding="utf-8") + "aliases: [dinh-tan-an]\n", encoding="utf-8")
    plaques.stamp_all()
    assert "qr-issued" not in plaques.check().stdout


def test_every_plaque_character_is_in_the_font(sample_site):
    inv = load_inventory(sample_site.root)
    settings, _ = load_settings(sample_site.root)
    face = Face("Regular", 4)
    for entry in inv.entries.values():
        t = plaque_text(SAMPLE_URL, entry, inv.vocabulary, settings.ward.vi)
        for text in (t.ward, t.name_vi, t.name_en, t.kind, t.summary_vi, t.summary_en, t.short):
            missing = {c for c in text if ord(c) not in face.cmap and not c.isspace()}
            assert not missing, (entry.id, missing)
    assert set(FORMATS) == {"a5", "a6"}
