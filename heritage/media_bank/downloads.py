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
from heritage.media_bank import items as bank_items
from heritage.media_bank.rights import LONG_SIDE, Rights, download_jpeg
from heritage.sections import LANGUAGES

if TYPE_CHECKING:
    from heritage.media_bank.items import Bank, BankItem
    from heritage.pages.renderer import RenderData

FILE = "hd.jpg"
KIT = "kit.zip"
ZIP_TIME = (2020, 1, 1, 0, 0, 0)  # fixed: the same photos make the same bytes


def _make(original: str, source: str, target: str, rights: Rights) -> bool:
    """Worker: one download (a separate process when there are several)."""
    try:
        image = open_upright(Path(original), source, at_least=LONG_SIDE)
    except ImageError:
        return False  # the web images reported it already
    atomic_write(Path(target), download_jpeg(image, rights))
    return True


def make_downloads(data: "RenderData", bank: "Bank") -> dict[str, Path]:
    """Cache file of every download (made when missing), by site path."""
    cache = data.media.cache
    done: dict[str, Path] = {}
    todo = []
    for d in bank.downloads():
        target = cache.folder("bank", d.key) / FILE
        if cache.manifest("bank", d.key) is None:
            todo.append((str(data.media.original(d.source)), d.source, str(target), d.rights, d.key))
        else:
            done[d.url] = target
    if len(todo) > 2 and (os.cpu_count() or 1) > 1:
        with ProcessPoolExecutor(max_workers=os.cpu_count(), mp_context=pool_context()) as pool:
            made = list(pool.map(_make, *zip(*[t[:4] for t in todo])))
    else:
        made = [_make(*t[:4]) for t in todo]
    urls_by_key = {d.key: d.url for d in bank.downloads()}
    for (_, source, target, _, key), ok in zip(todo, made):
        if ok:
            cache.seal("bank", key, {"source": source})
            done[urls_by_key[key]] = Path(target)
    return done


def credits_text(bank: "Bank", entry_id: str, names: dict[str, str], site: dict[str, str]) -> str:
    """CREDITS.txt: each photo's file, description, author and licence, Vietnamese then English."""
    chosen = [i for i in bank.by_owner(entry_id) if i.download is not None]
    words = {
        "vi": ("Bộ ảnh báo chí", "Tác giả", "Giấy phép", "Ghi nguồn khi dùng", "Ảnh"),
        "en": ("Press kit", "Author", "Licence", "Credit when used", "Photo"),
    }
    lines = []
    for lang in LANGUAGES:
        kit, author, licence, credit, photo = words[lang]
        lines += [f"{kit}: {names[lang]} — {site[lang]}", ""]
        for item in chosen:
            d = item.download
            lines += [
                f"{d.name}",
                f"  {item.caption[lang]}",
                f"  {author}: {item.credit[lang]}",
                f"  {licence}: {item.licence} — {d.rights.licence_url}",
                f"  {credit}: {photo}: {item.credit[lang]} / {site[lang]} ({item.licence})",
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
    return {
        "s": item.section, "k": item.kind, "l": item.licence or "-", "o": item.open,
        "ll": vocab.label(vocab.licenses, item.licence, lang) if item.licence else "",
        "c": item.caption[lang], "a": item.alt[lang] if item.alt else "", "cr": item.credit[lang],
        "d": item.date.isoformat() if item.date else "", "n": item.name[lang], "u": item.page.get(lang) or item.page["vi"],
        "t": thumb, "dl": item.download.url if item.download else item.web_file,
        "kit": bank_items.kit_url(item.owner) if item.download else None,
    }


def publish(data: "RenderData", site_root: Path, only: set[str] | None = None) -> None:
    """Downloads, press kits and the items' index into the built site. `only` (the live
    preview, when no media changed): the press kits of these entries alone, and no download
    written again (their credits and the index name the entries)."""
    bank = bank_items.bank_of(data)
    files = make_downloads(data, bank)
    for url, path in files.items() if only is None else ():
        link_or_copy(path, site_root / url)
    site = {lang: data.settings.site_name(lang) for lang in LANGUAGES}
    for entry_id, url in bank.kits.items():
        if only is not None and entry_id not in only:
            continue
        entry = data.inventory.entries[entry_id]
        chosen = [(i.download.name, files[i.download.url]) for i in bank.by_owner(entry_id) if i.download and i.download.url in files]
        if not chosen:
            continue
        credits = credits_text(bank, entry_id, {lang: entry.name(lang) for lang in LANGUAGES}, site)
        key = hashlib.sha256(json.dumps([credits, [str(p) for _, p in chosen]]).encode()).hexdigest()[:24]
        cached = data.media.cache.folder("kits", key) / KIT
        if not cached.is_file():
            atomic_write(cached, _kit(chosen, credits))
        link_or_copy(cached, site_root / url)
    for lang in LANGUAGES:
        index = {"count": len(bank.items), "items": [_json_item(i, lang, data) for i in bank.items]}
        target = site_root / bank_items.index_url(lang)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
