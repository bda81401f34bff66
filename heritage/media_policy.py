"""Repository weight: originals under data/media/ stay small enough for editors and Pages.

Policy: originals are archival masters of bounded size. Photos above the cap get a
warning, anything far above it an error that names the file and the fix.
"""

from __future__ import annotations

from pathlib import Path

from .inventory import MEDIA_DIR, Inventory
from .problems import Problem

WARN_BYTES = 10 * 1024 * 1024
ERROR_BYTES = 25 * 1024 * 1024
VIDEO_SUFFIXES = {".mp4", ".mov", ".m4v", ".webm", ".avi", ".mkv", ".3gp"}


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB"


def referenced_media(inv: Inventory) -> set[str]:
    """Paths under data/media/ used by an entry or as a post cover."""
    used = {f"{e.id}/{item.path}" for e in inv.entries.values() for item in e.data.media if item.kind != "youtube"}
    used |= {p.meta.cover for posts in inv.posts.values() for p in posts if p.meta.cover}
    return used


def media_problems(inv: Inventory) -> list[Problem]:
    folder = inv.root / "data" / MEDIA_DIR
    if not folder.is_dir():
        return []
    used = referenced_media(inv)
    out = []
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.startswith(".")):
        rel_media = path.relative_to(folder).as_posix()
        rel = f"data/{MEDIA_DIR}/{rel_media}"
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
