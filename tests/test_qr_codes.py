"""The printed QR codes without a build: the public address they may carry, what each code
encodes (read back with a real decoder, zxing-cpp), its error correction, its printed size,
its SVG title, and the cache that spares redrawing them.
"""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from pathlib import Path
from types import SimpleNamespace

import pytest
import zxingcpp
from PIL import Image

from heritage.qr import codes as qr


def decode(image: Image.Image):
    (found,) = [r for r in zxingcpp.read_barcodes(image) if r.format == zxingcpp.BarcodeFormat.QRCode]
    return found


@pytest.mark.parametrize(
    "configured, env, expected",
    [
        ("https://ward.example/tan-an", None, "https://ward.example/tan-an/"),
        ("https://ward.example/PHUONG-X", None, "https://ward.example/PHUONG-X/"),
        ("  https://ward.example/tan-an//  ", None, "https://ward.example/tan-an/"),
        ("https://ward.example/", "https://other.example/x/", "https://other.example/x/"),  # SITE_URL wins
        (None, "http://ward.example", "http://ward.example/"),
    ],
)
def test_the_public_address_for_printed_codes(monkeypatch, configured, env, expected):
    if env is None:
        monkeypatch.delenv("SITE_URL", raising=False)
    else:
        monkeypatch.setenv("SITE_URL", env)
    assert qr.public_site_url(configured) == expected


@pytest.mark.parametrize("url", ["http://localhost:8000/", "http://127.0.0.1/", "http://[::1]:8000/", "http://may-cua-toi.local/", "javascript:alert(1)", "https://ward.example/\"><x>", "", None])
def test_an_address_that_works_only_here_or_is_not_one_is_never_printed(monkeypatch, url):
    monkeypatch.delenv("SITE_URL", raising=False)
    with pytest.raises(qr.SiteUrlError) as refused:
        qr.public_site_url(url)
    message = str(refused.value)
    assert " / " in message and ("QR" in message or "plaque" in message)  # Vietnamese / English


def test_the_refusal_says_what_to_set_in_both_languages(monkeypatch):
    monkeypatch.delenv("SITE_URL", raising=False)
    with pytest.raises(qr.SiteUrlError) as unset:
        qr.public_site_url(None)
    assert str(unset.value) == (
        "Chưa cấu hình (hoặc không hợp lệ) địa chỉ công khai của trang (site_url trong data/site.yml hoặc biến SITE_URL): "
        "không thể in mã QR. / The site's public address is not configured or not valid (site_url in data/site.yml or SITE_URL): "
        "refusing to make QR codes.")
    with pytest.raises(qr.SiteUrlError) as local:
        qr.public_site_url("http://localhost:8000/")
    assert str(local.value).startswith("Địa chỉ http://localhost:8000/ chỉ dùng trên máy này")
    assert str(local.value).endswith("/ http://localhost:8000/ only works on this computer: it must not be printed on a plaque.")


def test_an_empty_site_url_variable_falls_back_to_the_configured_one(monkeypatch):
    monkeypatch.setenv("SITE_URL", "")
    assert qr.public_site_url("https://ward.example") == "https://ward.example/"


def test_what_the_plaque_prints_and_encodes():
    assert qr.landing_url("https://ward.example/tan/", "dinh-tan-an") == "https://ward.example/tan/q/dinh-tan-an/"
    assert qr.short_url("https://ward.example/tan/", "dinh-tan-an") == "ward.example/tan/q/dinh-tan-an"
    assert qr.short_url("http://ward.example/", "hoi-lim") == "ward.example/q/hoi-lim"


def test_the_png_scans_at_level_h_and_prints_5_cm_wide_at_300_dpi():
    url = "https://ward.example/tan/q/dinh-tan-an/"
    png = Image.open(io.BytesIO(qr.png_bytes(qr.make_code(url))))
    found = decode(png)
    assert found.text == url and found.ec_level == "H"
    assert tuple(round(d) for d in png.info["dpi"]) == (300, 300)
    assert 4.5 <= png.width / 300 * 2.54 <= 5.5
    small = Image.open(io.BytesIO(qr.png_bytes(qr.make_code(url), cm=2.0, dpi=150)))
    assert 1.6 <= small.width / 150 * 2.54 <= 2.4 and decode(small).text == url


def first_dark(image: Image.Image, y: int) -> int:
    return next(x for x in range(image.width) if image.getpixel((x, y)) < 128)


@pytest.mark.parametrize("kind", ["png", "svg"])
def test_the_code_has_whole_pixels_per_module_and_a_quiet_zone_of_four(kind):
    """The standard quiet zone (4 modules) around the code, each module a whole number of pixels."""
    code = qr.make_code("https://ward.example/q/x/")
    assert code.error == "H" and not code.is_micro
    inner = code.symbol_size(border=0)[0]
    if kind == "png":
        image = Image.open(io.BytesIO(qr.png_bytes(code))).convert("L")
    else:  # the SVG at 10 pixels a module, its size in its attributes
        root = ET.fromstring(qr.svg_bytes(code, "Đình"))
        assert (root.get("width"), root.get("height")) == (str((inner + 8) * 10), str((inner + 8) * 10))
        return
    scale, rest = divmod(image.width, inner + 8)
    assert rest == 0 and image.width == image.height and scale >= 3
    assert first_dark(image, 4 * scale) == 4 * scale  # the finder pattern begins after 4 modules


def test_a_tiny_print_size_still_gives_one_pixel_a_module():
    code = qr.make_code("https://ward.example/q/x/")
    image = Image.open(io.BytesIO(qr.png_bytes(code, cm=0.5, dpi=72)))
    assert image.width == code.symbol_size(border=4)[0]


def test_the_svg_is_titled_with_the_entry_s_name_and_scans():
    svg = qr.svg_bytes(qr.make_code("https://ward.example/q/dinh/"), "Đình Tân An")
    assert svg.startswith(b"<?xml")
    root = ET.fromstring(svg)
    title = root.find("{http://www.w3.org/2000/svg}title")
    assert title is not None and title.text == "Đình Tân An"
    assert ET.fromstring(qr.svg_bytes(qr.make_code("https://ward.example/q/dinh/"))).find("{http://www.w3.org/2000/svg}title") is None


def entry(entry_id: str, name: str) -> SimpleNamespace:
    names = {"vi": name, "en": f"{name} (English)"}
    return SimpleNamespace(id=entry_id, name=lambda lang: names[lang])


def test_codes_are_written_beside_each_landing_and_drawn_once(tmp_path: Path, monkeypatch):
    site = SimpleNamespace(inventory=SimpleNamespace(entries={"dinh": entry("dinh", "Đình")}, trails={"hanh-trinh-a": entry("hanh-trinh-a", "Hành trình A")}))
    cache = tmp_path / "cache"
    assert qr.write_codes(site, tmp_path / "site", "https://ward.example/", cache) == 2
    for code_id in ("dinh", "hanh-trinh-a"):
        folder = tmp_path / "site" / "q" / code_id
        assert decode(Image.open(folder / "qr.png")).text == f"https://ward.example/q/{code_id}/"
        assert ET.fromstring((folder / "qr.svg").read_bytes()).find("{http://www.w3.org/2000/svg}title").text in ("Đình", "Hành trình A")
    assert len(list(cache.rglob("*.png"))) == 2 and len(list(cache.rglob("*.svg"))) == 2
    assert qr.write_codes(site, tmp_path / "site", "https://ward.example/", cache) == 2  # a rebuild into the same site/

    def no_drawing(url):
        raise AssertionError(f"drawn again: {url}")

    monkeypatch.setattr(qr, "make_code", no_drawing)
    assert qr.write_codes(site, tmp_path / "again", "https://ward.example/", cache) == 2  # from the cache
    assert (tmp_path / "again/q/dinh/qr.png").read_bytes() == (tmp_path / "site/q/dinh/qr.png").read_bytes()
    with pytest.raises(AssertionError, match="drawn again"):  # another address is another code
        qr.write_codes(site, tmp_path / "other", "https://other.example/", cache)
    site.inventory.entries["dinh"] = entry("dinh", "Đình làng")
    with pytest.raises(AssertionError, match="drawn again"):  # a new name is a new SVG title
        qr.write_codes(site, tmp_path / "renamed", "https://ward.example/", cache)


@pytest.mark.parametrize("cm", [2.0, 3.5, 5.0, 6.0, 8.0])
def test_the_printed_width_is_the_closest_whole_pixels_a_module_give(cm):
    """Asked for `cm` at 300 dpi: off by at most half a module's worth of pixels per module."""
    code = qr.make_code("https://ward.example/tan-an/q/dinh-tan-an/")
    modules = code.symbol_size(border=0)[0] + 8
    image = Image.open(io.BytesIO(qr.png_bytes(code, cm=cm, dpi=300)))
    assert abs(image.width - cm / 2.54 * 300) <= modules / 2
