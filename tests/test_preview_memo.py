"""The live preview keeps per-file results across rebuilds (heritage.memo): each page's social
card and each entry's media-bank items. Whatever they read changing (the entry's text, its photo,
the vocabulary) changes what the next preview build shows, and its problems are still reported.
In process, on real content: `load_preview` is what the hooks call on every save."""

from __future__ import annotations

import os

import yaml

from heritage.media_bank.items import bank_of
from heritage.pages.preview import load_preview
from tests.conftest import Project

ENTRY = "data/di-tich/dinh-tan-an.yml"
PHOTO = "data/media/dinh-tan-an/cong.jpg"


def _touched(project: Project, rel: str) -> None:
    """A later modification time, as a save some seconds later gives (never the same stamp)."""
    path = project.root / rel
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 5_000_000_000))


def _edit(project: Project, rel: str, change) -> None:
    path = project.root / rel
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    _touched(project, rel)


def _bank_item(preview, source: str):
    return next(i for i in bank_of(preview.site.render_data).items if i.source == source)


def test_a_renamed_entry_gets_a_new_card_and_bank_name_in_the_next_preview(small_project: Project):
    before = load_preview(small_project.root)
    card = before.site.media.social[("vi", "dinh-tan-an")]
    assert _bank_item(before, "dinh-tan-an/cong.jpg").name["vi"] == "Đình Tân An"
    _edit(small_project, ENTRY, lambda d: d.update(name={"vi": "Đình Mới", "en": "New Hall"}))
    after = load_preview(small_project.root)
    assert after.site.media.social[("vi", "dinh-tan-an")] != card
    assert after.site.media.social[("vi", "chua-an")] == before.site.media.social[("vi", "chua-an")]  # kept
    item = _bank_item(after, "dinh-tan-an/cong.jpg")
    assert (item.name, item.caption["vi"]) == ({"vi": "Đình Mới", "en": "New Hall"}, "Cổng đình")
    assert not after.problems


def test_a_replaced_photo_gets_a_new_card_and_download_and_a_broken_one_is_reported(small_project: Project):
    before = load_preview(small_project.root)
    card = before.site.media.social[("en", "dinh-tan-an")]
    download = _bank_item(before, "dinh-tan-an/cong.jpg").download
    assert download is not None
    small_project.image(PHOTO, color=(10, 200, 30))
    _touched(small_project, PHOTO)
    after = load_preview(small_project.root)
    assert after.site.media.social[("en", "dinh-tan-an")] != card
    assert _bank_item(after, "dinh-tan-an/cong.jpg").download.key != download.key
    # Not a photo any more: reported, and offered for download no longer.
    (small_project.root / PHOTO).write_bytes(b"not a jpeg at all")
    _touched(small_project, PHOTO)
    broken = load_preview(small_project.root)
    assert any(p.file == PHOTO for p in broken.problems), broken.problems
    assert broken.stale or _bank_item(broken, "dinh-tan-an/cong.jpg").download is None
    # Mended: the problem goes, the first photo's card and download come back.
    small_project.image(PHOTO)
    _touched(small_project, PHOTO)
    mended = load_preview(small_project.root)
    assert not mended.problems and not mended.stale
    assert mended.site.media.social[("en", "dinh-tan-an")] == card
    assert _bank_item(mended, "dinh-tan-an/cong.jpg").download.key == download.key


def test_a_licence_closed_in_the_vocabulary_takes_the_download_away(small_project: Project):
    before = load_preview(small_project.root)
    assert _bank_item(before, "dinh-tan-an/cong.jpg").download is not None
    vocabulary = small_project.root / "data/vocabulary.yml"
    text = vocabulary.read_text(encoding="utf-8")
    line = next(l for l in text.splitlines() if l.strip().startswith("CC0-1.0:"))
    vocabulary.write_text(text.replace(line, line.replace(", open: true", "")), encoding="utf-8")
    _touched(small_project, "data/vocabulary.yml")
    after = load_preview(small_project.root)
    item = _bank_item(after, "dinh-tan-an/cong.jpg")
    assert (item.open, item.download) == (False, None)


def test_a_referenced_entry_renamed_on_disk_is_reported_with_every_cache_warm(small_project: Project):
    assert not load_preview(small_project.root).problems
    old, new = small_project.root / "data/le-hoi/hoi-lim.yml", small_project.root / "data/le-hoi/hoi-lim-moi.yml"
    old.rename(new)
    found = load_preview(small_project.root)
    assert any(p.file == ENTRY and "hoi-lim" in p.en for p in found.problems), found.problems
    new.rename(old)
    _touched(small_project, "data/le-hoi/hoi-lim.yml")
    assert not load_preview(small_project.root).problems
