"""The QR codes printed on plaques, and the public address they encode.

A plaque stays on a wall for years, so its code encodes /q/<id>/ (`qr.landings`
publishes that page for every id and alias). Codes are made with segno at
error-correction level H (30 % of the code may be dirty or damaged) with the
standard 4-module quiet zone.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
from pathlib import Path
from urllib.parse import urlsplit

import segno

from heritage import urls
from heritage.content.addresses import is_web_address

ERROR_LEVEL = "h"
PNG_DPI = 300
PNG_CM = 5.0  # printed size at 300 dpi: scans from 40 cm and more

class SiteUrlError(ValueError):
    """No public address to put in a printed code."""


def public_site_url(configured: str | None) -> str:
    """The site's public address for codes: SITE_URL, else data/site.yml; never localhost."""
    url = (os.environ.get("SITE_URL") or configured or "").strip()
    parts = urlsplit(url)
    if not is_web_address(url):  # a printed code must never carry javascript:, quotes or markup
        raise SiteUrlError(
            "Chưa cấu hình (hoặc không hợp lệ) địa chỉ công khai của trang (site_url trong data/site.yml hoặc biến SITE_URL): "
            "không thể in mã QR. / The site's public address is not configured or not valid (site_url in data/site.yml or SITE_URL): "
            "refusing to make QR codes."
        )
    if parts.hostname in ("localhost", "127.0.0.1", "::1") or parts.hostname.endswith(".local"):
        raise SiteUrlError(
            f"Địa chỉ {url} chỉ dùng trên máy này, không in lên biển được. / {url} only works on this computer: "
            "it must not be printed on a plaque."
        )
    return url.rstrip("/") + "/"


def landing_url(site_url: str, entry_id: str) -> str:
    return site_url + urls.qr_landing(entry_id)


def short_url(site_url: str, entry_id: str) -> str:
    """What is printed under the code: no scheme, no trailing slash."""
    return re.sub(r"^https?://", "", landing_url(site_url, entry_id)).rstrip("/")


def make_code(url: str) -> segno.QRCode:
    return segno.make(url, error=ERROR_LEVEL, micro=False, boost_error=False)


def svg_bytes(code: segno.QRCode, title: str = "") -> bytes:
    buffer = io.BytesIO()
    code.save(buffer, kind="svg", scale=10, border=4, xmldecl=True, title=title or None)
    return buffer.getvalue()


def png_bytes(code: segno.QRCode, cm: float = PNG_CM, dpi: int = PNG_DPI) -> bytes:
    """A PNG that prints at `cm` centimetres wide at `dpi`."""
    modules = code.symbol_size(border=4)[0]
    scale = max(1, round(cm / 2.54 * dpi / modules))
    buffer = io.BytesIO()
    code.save(buffer, kind="png", scale=scale, border=4, dpi=dpi)
    return buffer.getvalue()


CODE_SETTINGS = f"qr-v1:{ERROR_LEVEL}:{PNG_DPI}:{PNG_CM}"


def write_codes(site, site_root: Path, site_url: str, cache_root: Path, only: set[str] | None = None) -> int:
    """qr.svg and qr.png beside each entry's landing, encoding its absolute /q/<id>/ address.

    Drawing a code costs ~20 ms; they are cached by address and title under .cache/qr/.
    `only`: these entries' and trails' codes alone (the live preview, after they changed).
    """
    from heritage.media.cache import atomic_write, link_or_copy

    for entry in [*site.inventory.entries.values(), *site.inventory.trails.values()]:
        if only is not None and entry.id not in only:
            continue
        url = landing_url(site_url, entry.id)
        key = hashlib.sha256(f"{CODE_SETTINGS}\n{url}\n{entry.name('vi')}".encode()).hexdigest()[:24]
        cached = cache_root / key[:2] / key
        if not (cached.with_suffix(".png")).exists():
            code = make_code(url)
            atomic_write(cached.with_suffix(".svg"), svg_bytes(code, entry.name("vi")))
            atomic_write(cached.with_suffix(".png"), png_bytes(code))
        folder = site_root / urls.qr_landing(entry.id)
        folder.mkdir(parents=True, exist_ok=True)
        for suffix in (".svg", ".png"):
            link_or_copy(cached.with_suffix(suffix), folder / f"qr{suffix}")
    return len(site.inventory.entries) + len(site.inventory.trails)
