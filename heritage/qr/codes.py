"""Permanent QR landings (/q/<id>/) and the QR codes printed on plaques.

A plaque stays on a wall for years, so its code encodes /q/<id>/, which this module
publishes for every id and every former id (alias) as a tiny page that forwards to
the entry in the visitor's language. Codes are made with segno at error-correction
level H (30 % of the code may be dirty or damaged) with the standard 4-module quiet zone.
"""

from __future__ import annotations

import hashlib
import html
import io
import os
import re
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

import segno

QR_FOLDER = "q"
ERROR_LEVEL = "h"
PNG_DPI = 300
PNG_CM = 5.0  # printed size at 300 dpi: scans from 40 cm and more

# One script for every landing (so one CSP hash covers them all): ?lang=vi|en wins,
# otherwise the first of the browser's languages that is Vietnamese or English,
# otherwise English. Any other ?lang= value is ignored.
LANDING_SCRIPT = (
    "(function(){var d=document.documentElement,p=new URLSearchParams(location.search).get('lang'),l=null;"
    "if(p==='vi'||p==='en'){l=p}else{var a=navigator.languages||[navigator.language||''];"
    "for(var i=0;i<a.length&&!l;i++){var x=(a[i]||'').toLowerCase();if(x.indexOf('vi')===0)l='vi';else if(x.indexOf('en')===0)l='en'}}"
    "location.replace(d.getAttribute('data-'+(l||'en')))})();"
)
LANDING_STYLE = (
    "body{font:18px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:0;padding:2rem 1.2rem;color:#222;background:#fbf7f0}"
    "main{max-width:30rem;margin:auto}h1{font-size:1.3rem;color:#5e1010}a{display:block;margin:.8rem 0;padding:.9rem 1rem;"
    "border-radius:.5rem;background:#8a1c1c;color:#fff;text-decoration:none;font-weight:600}a:focus-visible{outline:3px solid #b8860b;outline-offset:2px}"
)


class SiteUrlError(ValueError):
    """No public address to put in a printed code."""


def public_site_url(configured: str | None) -> str:
    """The site's public address for codes: SITE_URL, else data/site.yml; never localhost."""
    url = (os.environ.get("SITE_URL") or configured or "").strip()
    parts = urlsplit(url)
    if not url or parts.scheme not in ("http", "https") or not parts.hostname:
        raise SiteUrlError(
            "Chưa cấu hình địa chỉ công khai của trang (site_url trong data/site.yml hoặc biến SITE_URL): "
            "không thể in mã QR. / The site's public address is not configured (site_url in data/site.yml or SITE_URL): "
            "refusing to make QR codes."
        )
    if parts.hostname in ("localhost", "127.0.0.1", "::1") or parts.hostname.endswith(".local"):
        raise SiteUrlError(
            f"Địa chỉ {url} chỉ dùng trên máy này, không in lên biển được. / {url} only works on this computer: "
            "it must not be printed on a plaque."
        )
    return url.rstrip("/") + "/"


def landing_url(site_url: str, entry_id: str) -> str:
    return f"{site_url}{QR_FOLDER}/{entry_id}/"


def short_url(site_url: str, entry_id: str) -> str:
    """What is printed under the code: no scheme, no trailing slash."""
    return re.sub(r"^https?://", "", landing_url(site_url, entry_id)).rstrip("/")


def landing_page(entry, code: str, canonical: str) -> str:
    """The /q/<code>/ page: forwards by script, two plain links without it."""
    vi = f"../../{entry.section}/{entry.id}/"
    en = f"../../en/{entry.section}/{entry.id}/"
    name_vi, name_en = html.escape(entry.name("vi")), html.escape(entry.name("en"))
    return (
        "<!doctype html>\n"
        f'<html lang="vi" data-vi="{vi}" data-en="{en}">\n'
        "<head>\n"
        '<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width,initial-scale=1">\n'
        '<meta name="robots" content="noindex">\n'
        f"<title>{name_vi} · {name_en}</title>\n"
        f'<link rel="canonical" href="{html.escape(canonical)}">\n'
        f"<style>{LANDING_STYLE}</style>\n"
        f"<script>{LANDING_SCRIPT}</script>\n"
        "</head>\n"
        "<body>\n<main>\n"
        f"<h1>{name_vi}</h1>\n"
        f'<a href="{vi}" hreflang="vi">Xem bằng tiếng Việt</a>\n'
        f'<a href="{en}" hreflang="en" lang="en">Read in English</a>\n'
        "</main>\n</body>\n</html>\n"
    )


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


def write_landings(site, site_root: Path, finish: Callable[[str], str] | None = None) -> list[str]:
    """/q/<code>/index.html for every id and alias; returns the codes written.

    `finish` is applied to each page's HTML before it is written (the security pass).
    """
    written = []
    for entry in site.inventory.entries.values():
        canonical = site.absolute(entry.url("vi"))
        for code in [entry.id, *entry.data.aliases]:
            target = site_root / QR_FOLDER / code / "index.html"
            target.parent.mkdir(parents=True, exist_ok=True)
            page = landing_page(entry, code, canonical)
            target.write_text(finish(page) if finish else page, encoding="utf-8")
            written.append(code)
    return written


CODE_SETTINGS = f"qr-v1:{ERROR_LEVEL}:{PNG_DPI}:{PNG_CM}"


def write_codes(site, site_root: Path, site_url: str, cache_root: Path) -> int:
    """qr.svg and qr.png beside each entry's landing, encoding its absolute /q/<id>/ address.

    Drawing a code costs ~20 ms; they are cached by address and title under .cache/qr/.
    """
    from heritage.media.cache import atomic_write, link_or_copy

    for entry in site.inventory.entries.values():
        url = landing_url(site_url, entry.id)
        key = hashlib.sha256(f"{CODE_SETTINGS}\n{url}\n{entry.name('vi')}".encode()).hexdigest()[:24]
        cached = cache_root / key[:2] / key
        if not (cached.with_suffix(".png")).exists():
            code = make_code(url)
            atomic_write(cached.with_suffix(".svg"), svg_bytes(code, entry.name("vi")))
            atomic_write(cached.with_suffix(".png"), png_bytes(code))
        folder = site_root / QR_FOLDER / entry.id
        folder.mkdir(parents=True, exist_ok=True)
        for suffix in (".svg", ".png"):
            link_or_copy(cached.with_suffix(suffix), folder / f"qr{suffix}")
    return len(site.inventory.entries)


# --- printed codes never break -------------------------------------------------------------

ISSUED_FILE = "data/qr-issued.yml"
ISSUED_HEADER = (
    "# Mã QR đã in lên biển: lệnh `python -m heritage plaques` tự ghi thêm vào đây.\n"
    "# Không xóa dòng nào: mã đã in phải luôn dẫn tới một mục (đổi tên mục thì ghi mã cũ vào aliases).\n"
    "# Codes printed on plaques, recorded by the plaques command. Never remove a line.\n"
    "issued:\n"
)


def issued(root: Path) -> list[tuple[str, str, int | None]]:
    """(id, date, line) of every printed code."""
    from heritage.content.sources import SourceError, load_yaml_file

    path = root / ISSUED_FILE
    if not path.is_file():
        return []
    try:
        doc = load_yaml_file(path, ISSUED_FILE)
    except SourceError:
        return []
    out = []
    for index, item in enumerate((doc.data or {}).get("issued") or []):
        if isinstance(item, dict) and item.get("id"):
            out.append((str(item["id"]), str(item.get("date", "")), doc.line_of(("issued", index))))
    return out


def issued_problems(inv) -> list:
    from heritage.problems import Problem

    out = []
    for code, day, line in issued(inv.root):
        if inv.resolve(code) is None:
            out.append(
                Problem(
                    ISSUED_FILE,
                    f"Mã '{code}' đã được in lên biển (ngày {day}) nhưng không còn mục nào mang mã này: biển đó sẽ dẫn tới trang lỗi.",
                    f"The code '{code}' was printed on a plaque ({day}) but no entry has that id any more: the plaque would lead nowhere.",
                    f"Thêm '{code}' vào `aliases` của mục đã thay thế nó (ví dụ aliases: [{code}]), hoặc khôi phục mục đó.",
                    f"Add '{code}' to the `aliases` of the entry that replaced it (e.g. aliases: [{code}]), or restore that entry.",
                    field="issued",
                    line=line,
                )
            )
    return out


def record_issued(root: Path, ids: list[str], day) -> list[str]:
    """Append newly printed ids (keeping the file's comments and order); returns those added."""
    path = root / ISSUED_FILE
    known = {code for code, _, _ in issued(root)}
    new = [i for i in dict.fromkeys(ids) if i not in known]
    if not new:
        return []
    text = path.read_text(encoding="utf-8") if path.is_file() else ISSUED_HEADER
    text = re.sub(r"^issued:\s*\[\s*\]\s*$", "issued:", text, flags=re.M)  # the empty list of a new file
    if not text.endswith("\n"):
        text += "\n"
    text += "".join(f"  - {{id: {code}, date: {day.isoformat()}}}\n" for code in new)
    path.write_text(text, encoding="utf-8")
    return new
