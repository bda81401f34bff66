"""The media bank's files: the high-resolution JPEGs of open-licence photos, a press kit ZIP per
entry, and each language's index of items for the page's script. Cached by content hash like
the web images: a warm build only links files.

Only `Download`s are ever written, and `items` makes one only for an image whose licence the
vocabulary marks open: an original, or a large copy of a photo under any other licence, never
reaches the site.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import zipfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

from heritage.media.cache import atomic_write, link_or_copy
from heritage.media.images import ImageError, open_upright, pool_context
from heritage.media_bank import items as bank_items, page as bank_page
from heritage.media_bank.rights import LONG_SIDE, Rights, download_jpeg, with_xmp
from heritage.sections import LANGUAGES

if TYPE_CHECKING:
    from heritage.media_bank.items import Bank, BankItem
    from heritage.pages.renderer import RenderData

FILE = "hd.jpg"
KIT = "kit.zip"
ZIP_TIME = (2020, 1, 1, 0, 0, 0)  # fixed: the same photos make the same bytes


def _make(original: str, source: str, target: str, rights: Rights) -> tuple[int, int] | None:
    """Worker: one download (a separate process when there are several); its pixel size."""
    try:
        image = open_upright(Path(original), source, at_least=LONG_SIDE)
    except ImageError:
        return None  # the web images reported it already
    jpeg, size = download_jpeg(image, rights)
    atomic_write(Path(target), jpeg)
    return size


def cached_file(data: "RenderData", key: str) -> Path:
    return data.media.cache.folder("bank", key) / FILE


def make_downloads(data: "RenderData", bank: "Bank") -> dict[str, dict[str, int]]:
    """Width, height and bytes of every download by cache key (made when missing)."""
    cache = data.media.cache
    done: dict[str, dict[str, int]] = {}
    todo = []
    for d in {d.key: d for d in bank.downloads()}.values():
        target = cached_file(data, d.key)
        manifest = cache.manifest("bank", d.key)
        if manifest is None or "size" not in manifest or not target.is_file():
            todo.append((str(data.media.original(d.source)), d.source, str(target), d.rights, d.key))
        else:
            done[d.key] = {"width": manifest["size"][0], "height": manifest["size"][1], "size": target.stat().st_size}
    if len(todo) > 2 and (os.cpu_count() or 1) > 1:
        with ProcessPoolExecutor(max_workers=os.cpu_count(), mp_context=pool_context()) as pool:
            made = list(pool.map(_make, *zip(*[t[:4] for t in todo])))
    else:
        made = [_make(*t[:4]) for t in todo]
    for (_, source, target, _, key), size in zip(todo, made):
        if size:
            cache.seal("bank", key, {"source": source, "size": list(size)})
            done[key] = {"width": size[0], "height": size[1], "size": Path(target).stat().st_size}
    return done


def credits_text(bank: "Bank", entry_id: str, names: dict[str, str], site: dict[str, str]) -> str:
    """CREDITS.txt: each photo's file, description, author, licence and the line to print,
    Vietnamese then English."""
    chosen = [i for i in bank.by_owner(entry_id) if i.download is not None]
    words = {
        "vi": ("Bộ ảnh báo chí", "Tác giả", "Giấy phép", "Ghi nguồn khi dùng"),
        "en": ("Press kit", "Credit", "Licence", "Credit when used"),
    }
    lines = []
    for lang in LANGUAGES:
        kit, author, licence, credit = words[lang]
        lines += [f"{kit}: {names[lang]} — {site[lang]}", ""]
        for item in chosen:
            d = item.download
            lines += [
                f"{d.name} ({d.width} × {d.height} px)",
                f"  {item.caption[lang]}",
                f"  {author}: {item.credit[lang]}",
                f"  {licence}: {d.rights.copyright_notice[lang]} — {d.rights.licence_url}",
                f"  {credit}: {d.rights.credit_line[lang]}",
                "",
            ]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _kit(files: list[tuple[str, Path]], credits: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as kit:  # JPEGs do not shrink further
        kit.writestr(zipfile.ZipInfo("CREDITS.txt", ZIP_TIME), credits.encode("utf-8"))
        for name, path in files:
            kit.writestr(zipfile.ZipInfo(name, ZIP_TIME), path.read_bytes())
    return buffer.getvalue()


def _json_item(item: "BankItem", lang: str, data: "RenderData") -> dict:
    thumb = None
    image = data.media.images.get(item.source) if item.kind == "image" else None
    if image is None and item.kind == "video" and item.source in data.media.av:
        image = data.media.av[item.source].poster
    if image is not None:
        r = image.closest(480)
        thumb = {"src": r.urls["jpg"], "webp": r.urls["webp"], "w": r.width, "h": r.height}
    vocab = data.inventory.vocabulary
    terms = vocab.licence_terms.get(item.licence)
    d = item.download
    return {
        "s": item.section, "k": item.kind, "l": item.licence or "-", "o": item.open,
        "ll": vocab.label(vocab.licenses, item.licence, lang) if item.licence else "",
        "lu": (terms.url or "") if terms else "",
        "cl": [list(pair) for pair in bank_page.credit_lines(item, vocab, lang)],
        "dn": d.name if d else None, "da": bank_page.file_about(d.width, d.height, d.size, lang) if d else None,
        "c": item.caption[lang], "a": item.alt[lang] if item.alt else "", "cr": item.credit[lang],
        "d": item.date.isoformat() if item.date else "", "n": item.name[lang], "u": item.page.get(lang) or item.page["vi"],
        "t": thumb, "dl": item.download.url if item.download else item.web_file,
        "kit": bank_items.kit_url(item.owner) if item.download else None,
    }


def _web_copies_with_rights(data: "RenderData", bank: "Bank", site_root: Path) -> None:
    """The largest web JPEG of an open photo (what the page's viewer shows) carries the same
    rights XMP as its download: a copy saved from the page still names its author and licence.
    Made once per web image and rights (the pixels are the web image's, not encoded again)."""
    cache = data.media.cache
    for item in bank.items:
        image = data.media.images.get(item.source) if item.download else None
        if image is None:
            continue
        largest = image.largest
        rights = item.download.rights
        key = hashlib.sha256((image.key + rights.settings()).encode()).hexdigest()[:32]
        cached = cache.folder("web-rights", key) / "web.jpg"
        if not cached.is_file():
            atomic_write(cached, with_xmp((cache.folder("images", image.key) / f"{largest.width}.jpg").read_bytes(), rights))
        link_or_copy(cached, site_root / largest.urls["jpg"])


def publish(data: "RenderData", site_root: Path, only: set[str] | None = None) -> None:
    """Downloads, press kits and the items' index into the built site. `only` (the live
    preview, when no media changed): the press kits of these entries alone, and no download
    written again (their credits and the index name the entries)."""
    bank = bank_items.bank_of(data)
    files = {d.url: cached_file(data, d.key) for d in bank.downloads()}
    for url, path in files.items() if only is None else ():
        link_or_copy(path, site_root / url)
    if only is None:
        _web_copies_with_rights(data, bank, site_root)
    site = {lang: data.settings.site_name(lang) for lang in LANGUAGES}
    for entry_id, url in bank.kits.items():
        if only is not None and entry_id not in only:
            continue
        entry = data.inventory.entries[entry_id]
        chosen = [(i.download.name, files[i.download.url]) for i in bank.by_owner(entry_id) if i.download and i.download.url in files]
        if not chosen:
            continue
        credits = credits_text(bank, entry_id, {lang: entry.name(lang) for lang in LANGUAGES}, site)
        key = hashlib.sha256(json.dumps([credits, [(name, str(p)) for name, p in chosen]]).encode()).hexdigest()[:24]  # the names are in the zip too
        cached = data.media.cache.folder("kits", key) / KIT
        if not cached.is_file():
            atomic_write(cached, _kit(chosen, credits))
        link_or_copy(cached, site_root / url)
    for lang in LANGUAGES:
        index = {"count": len(bank.items), "items": [_json_item(i, lang, data) for i in bank.items]}
        target = site_root / bank_items.index_url(lang)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
