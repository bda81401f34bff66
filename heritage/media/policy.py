"""Repository weight: originals under data/media/ stay small enough for editors and Pages.

Policy: originals are archival masters of bounded size. Photos above the cap get a
warning, anything far above it an error that names the file and the fix.
"""

from __future__ import annotations

import dataclasses
import io
import os
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from heritage import urls
from heritage.column import audio as column_audio
from heritage.content.folders import walk
from heritage.content.inventory import Inventory
from heritage.content.sources import (
    media_path_error,
    special_file_problem,
    special_kind,
)
from heritage.problems import Problem
from heritage.text import slugify

from . import audio_video, images
from .cache import MediaCache, atomic_write
from .images import ImageError, open_upright

WARN_BYTES = 10 * 1024 * 1024
ERROR_BYTES = 25 * 1024 * 1024
VIDEO_SUFFIXES = {".mp4", ".mov", ".m4v", ".webm", ".avi", ".mkv", ".3gp"}
PHOTO_SUFFIXES = {".jpg", ".jpeg", ".heic", ".heif", ".tif", ".tiff", ".png", ".webp"}
# An archival master: large enough to print a poster, small enough for the repository.
MASTER_LONG_SIDE = 4000
MASTER_QUALITY = 90
GPS_IFD = 0x8825


def has_gps(path: Path) -> bool:
    """Whether a photo carries a GPS position (reads the header only): in EXIF, or in XMP,
    where editing apps (Lightroom, Photos) write it as exif:GPSLatitude."""
    try:
        with Image.open(path) as image:
            xmp = image.info.get("xmp") or b""
            xmp = xmp.encode("utf-8", "replace") if isinstance(xmp, str) else bytes(xmp)
            if b"GPSLatitude" in xmp or b"GPSLongitude" in xmp:
                return True
            if image.format == "PNG" and "exif" not in image.info:
                # Pillow decodes every pixel to reach an eXIf chunk after the image data
                # (1 s for a 49-megapixel PNG): read the chunk headers instead.
                exif = Image.Exif()
                exif.load(_png_exif(path))
                return bool(exif.get_ifd(GPS_IFD))
            return bool(image.getexif().get_ifd(GPS_IFD))
    except (OSError, UnidentifiedImageError, SyntaxError, ValueError, Image.DecompressionBombError):
        return False


def _png_exif(path: Path) -> bytes:
    """A PNG's eXIf chunk, found by walking the chunk headers (no pixel is decoded); b"" if none.
    Written by hand: Pillow reaches it only by loading the image."""
    with path.open("rb") as handle:
        if handle.read(8) != b"\x89PNG\r\n\x1a\n":
            return b""
        while True:
            head = handle.read(8)
            if len(head) < 8:
                return b""
            length, kind = int.from_bytes(head[:4], "big"), head[4:]
            if kind == b"eXIf":
                return handle.read(min(length, 1 << 20))
            if kind == b"IEND":
                return b""
            handle.seek(length + 4, os.SEEK_CUR)  # the data and its checksum


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB"


def referenced_media(inv: Inventory) -> set[str]:
    """Paths under data/media/ used by an entry, as a post cover or as a post's audio."""
    used = {urls.media_key(e.id, item.path) for e in inv.entries.values() for item in e.data.media if item.kind != "youtube"}
    used |= {p.meta.cover for posts in inv.posts.values() for p in posts if p.meta.cover}
    used |= set(column_audio.keys(inv))
    return used


def _files_and_links(folder: Path) -> tuple[list[Path], list[Path], list[Path]]:
    """Regular files under `folder`, every symbolic link (never followed), and everything
    else that is not a folder (a named pipe or a device would hang whatever opens it).
    (heritage.content.folders.walk: no `stat` per file)."""
    files, links, specials = [], [], []
    for here, entries in walk(os.fspath(folder)):
        for entry in entries.values():
            path = Path(here, entry.name)
            if entry.is_symlink():
                links.append(path)
            elif entry.is_dir(follow_symlinks=False):
                continue
            elif not entry.is_file(follow_symlinks=False):
                specials.append(path)
            elif not entry.name.startswith("."):
                files.append(path)
    return sorted(files), sorted(links), sorted(specials)


def decode_problems(inv: Inventory, gps: bool = True) -> list[Problem]:
    """Open every media file the build would publish, as the build does (same functions,
    same messages), so that `make check` fails on what `make build` would fail on.
    A file a build already prepared (same content, in .cache/) is not decoded again."""
    cache = MediaCache.of_project(inv.root)
    out: list[Problem] = []
    jobs = [(urls.media_key(e.id, i.path), i.kind, None) for e in inv.entries.values() for i in e.data.media if i.kind != "youtube"]
    # A post's cover is opened as a photo even when an entry lists the same file as a video.
    jobs += [(p.meta.cover, "image", p) for posts in inv.posts.values() for p in posts if p.meta.cover]
    failed: dict[tuple[str, str], Problem | None] = {}
    for key, kind, post in jobs:
        if (key, kind) in failed:
            _name_post(out, failed[(key, kind)], post)
            continue
        if media_path_error(inv.root, key) is not None:
            continue  # a path problem, reported with the entry
        failed[(key, kind)] = None
        path = inv.root / urls.MEDIA_SOURCE / key
        try:
            if kind == "image":
                if cache.manifest("images", cache.key(cache.content_hash(path), images.SETTINGS)) is None:
                    images.probe(path, key)
            elif not audio_video.is_prepared(path, cache) or gps:
                found = audio_video.probe(path, key, kind)
                if gps and found.has_location:
                    out.append(
                        Problem(
                            f"{urls.MEDIA_SOURCE}/{key}",
                            "Tệp gốc chứa vị trí GPS nơi quay/ghi âm; kho mã là công khai nên ai cũng tải được tệp gốc (trang web thì đã xóa).",
                            "The original contains the GPS position where it was recorded; the repository is public, so anyone can download it (the website strips it).",
                            "Xuất lại tệp không kèm vị trí (trên điện thoại: tắt vị trí cho máy ảnh), hoặc dùng youtube: cho video dài.",
                            "Export the file again without location (on a phone: turn off location for the camera), or use youtube: for long videos.",
                            severity="warning",
                        )
                    )
        except (ImageError, audio_video.MediaError) as exc:
            out.append(exc.problem)
            failed[(key, kind)] = exc.problem
            _name_post(out, exc.problem, post)
    return out


def _name_post(out: list[Problem], problem: Problem | None, post) -> None:
    """A cover that cannot be used is also reported where the editor wrote it: the post's `cover`."""
    if problem is not None and post is not None:
        line = post.doc.line_of(("cover",)) if post.doc is not None else None
        out.append(dataclasses.replace(problem, file=post.rel, field="cover", line=line))


def media_problems(inv: Inventory, gps: bool = True, decode: bool = True) -> list[Problem]:
    """Links, weight, GPS and use of every file under data/media/; `decode` opens every file
    the build would publish (the build itself decodes them as it prepares them)."""
    folder = inv.root / urls.MEDIA_SOURCE
    if not folder.is_dir():
        return []
    used = referenced_media(inv)
    files, links, specials = _files_and_links(folder)
    out = [
        Problem(
            link.relative_to(inv.root).as_posix(),
            "Đây là liên kết tượng trưng (symlink): trang không bao giờ đăng tệp qua liên kết, vì nó có thể trỏ ra ngoài kho.",
            "This is a symbolic link: the site never publishes a file through a link, which could point outside the repository.",
            "Xóa liên kết và đặt chính tệp vào data/media/<mã mục>/.",
            "Delete the link and put the file itself into data/media/<id>/.",
        )
        for link in links
    ]
    out += [special_file_problem(path, path.relative_to(inv.root).as_posix()) for path in specials]
    if decode:
        out += decode_problems(inv, gps)
    for path in files:
        rel_media = path.relative_to(folder).as_posix()
        rel = f"{urls.MEDIA_SOURCE}/{rel_media}"
        size = path.stat().st_size
        is_video = path.suffix.lower() in VIDEO_SUFFIXES
        if size > WARN_BYTES:
            error = size > ERROR_BYTES
            if is_video:
                fix_vi = "Đăng video lên YouTube của phường và ghi `youtube: <mã video>` thay cho tệp; chỉ giữ đoạn clip ngắn dưới 10 MB trong kho."
                fix_en = "Upload the video to the ward's YouTube channel and use `youtube: <video id>` instead; keep only short clips under 10 MB here."
            else:
                fix_vi = f"Thu nhỏ tệp trước khi đưa lên: python -m heritage media prepare {rel}"
                fix_en = f"Shrink it before committing: python -m heritage media prepare {rel}"
            out.append(
                Problem(
                    rel,
                    f"Tệp nặng {_mb(size)}, vượt giới hạn {_mb(ERROR_BYTES if error else WARN_BYTES)}: kho sẽ nặng dần và khó tải về.",
                    f"The file is {_mb(size)}, over the {_mb(ERROR_BYTES if error else WARN_BYTES)} limit: the repository would grow too heavy to download.",
                    fix_vi,
                    fix_en,
                    severity="error" if error else "warning",
                )
            )
        if gps and path.suffix.lower() in PHOTO_SUFFIXES and size <= ERROR_BYTES and has_gps(path):
            out.append(
                Problem(
                    rel,
                    "Ảnh gốc chứa vị trí GPS nơi chụp; kho mã là công khai nên ai cũng tải được ảnh gốc (trang web thì đã xóa).",
                    "The original photo contains the GPS position where it was taken; the repository is public, so anyone can download it (the website strips it).",
                    f"Xóa vị trí và thu nhỏ ảnh: python -m heritage media prepare {rel}",
                    f"Remove the position and shrink the photo: python -m heritage media prepare {rel}",
                    severity="warning",
                )
            )
        if rel_media not in used:
            out.append(
                Problem(
                    rel,
                    "Tệp media này không được mục hay bài viết nào dùng.",
                    "No entry or post uses this media file.",
                    "Thêm nó vào `media` của một mục (hoặc `cover` của bài viết), hoặc xóa tệp nếu không cần.",
                    "Add it to an entry's `media` (or a post's `cover`), or delete it if it is not needed.",
                    severity="warning",
                )
            )
    return out


def master_path(path: Path) -> Path:
    """Where `prepare_master` writes: `<slug>.jpg` beside the original."""
    return path.with_name((slugify(path.stem) or "anh") + ".jpg")


def prepare_master(path: Path) -> tuple[Path, int, int]:
    """Turn a camera original into an archival master: upright sRGB JPEG, bounded size, no metadata.

    Writes `<name>.jpg` beside it (replacing the file when it already is that JPEG).
    Returns the master's path and the sizes before and after.
    """
    before = path.stat().st_size
    image = open_upright(path, path.name, at_least=MASTER_LONG_SIDE)
    image.thumbnail((MASTER_LONG_SIDE, MASTER_LONG_SIDE), Image.LANCZOS)
    target = master_path(path)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=MASTER_QUALITY, optimize=True, progressive=True)
    atomic_write(target, buffer.getvalue())
    return target, before, target.stat().st_size
