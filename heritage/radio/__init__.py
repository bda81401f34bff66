"""`python -m heritage radio YYYY-MM`: the month's column for the ward's loudspeakers.

Writes into truyen-thanh/YYYY-MM/: kich-ban.txt (the announcer's script) and, for each post
with a recording, <slug>-truyen-thanh.mp3 (mono, -23 LUFS, for the loudspeakers) and
<slug>-podcast.mp3 (-16 LUFS); an English recording gets <slug>-podcast-en.mp3 too.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from heritage import urls
from heritage.column import audio as column_audio
from heritage.content.inventory import Inventory
from heritage.content.sources import SourceError, media_path_error, read_text, split_front_matter

from . import loudness, script

OUT_FOLDER = "truyen-thanh"


class RadioError(Exception):
    """What the officer did wrong (a month, no posts), in Vietnamese then English."""


@dataclass
class Written:
    files: list[Path] = field(default_factory=list)
    measured: dict[str, float] = field(default_factory=dict)  # file name → LUFS as written
    failed: list[str] = field(default_factory=list)  # recordings that could not be made, with why


_MONTH_FORMS = (r"(?P<y>\d{4})-(?P<m>\d{1,2})", r"(?P<m>\d{1,2})[/-](?P<y>\d{4})")  # 2026-11, 11/2026, 11-2026


def parse_month(text: str) -> dt.date:
    """The month as an officer writes it: 2026-11, or 11/2026 and 11-2026 as Vietnamese dates go."""
    match = next((m for form in _MONTH_FORMS if (m := re.fullmatch(form, text.strip()))), None)
    if not match or not 1 <= int(match["m"]) <= 12:
        raise RadioError(
            f"Tháng '{text}' không hợp lệ: ghi theo dạng NĂM-THÁNG hoặc THÁNG/NĂM, ví dụ 2026-03 hoặc 3/2026.\n"
            f"The month '{text}' is not valid: write it as YEAR-MONTH or MONTH/YEAR, e.g. 2026-03 or 3/2026."
        )
    return dt.date(int(match["y"]), int(match["m"]), 1)


SHOWN_MONTHS = 6


def month_posts(inv: Inventory, month: dt.date, today: dt.date) -> list:
    """The month's Vietnamese posts published by `today`, oldest first (the order they appeared)."""
    published = inv.published_posts("vi", today)
    posts = [p for p in published if p.date.replace(day=1) == month]
    if not posts:
        label = f"{month.month}/{month.year}"
        months = sorted({p.date.replace(day=1) for p in published})[-SHOWN_MONTHS:]
        listed = ", ".join(f"{m.year:04d}-{m.month:02d}" for m in months)
        choose = (
            f"Các tháng có bài: {listed}. / Months with posts: {listed}.\n"
            if months
            else "Chưa có tháng nào có bài đã đăng. / No month has a published post yet.\n"
        )
        raise RadioError(
            f"Tháng {label} không có bài chuyên mục nào đã đăng (trong docs/vi/chuyen-muc/).\n"
            f"{month.strftime('%B %Y')} has no published column post (in docs/vi/chuyen-muc/).\n"
            + choose
            + "Chọn tháng khác, hoặc đăng bài trước rồi chạy lại. / Choose another month, or publish a post first and run again."
        )
    return sorted(posts, key=lambda p: (p.date, p.slug))


def column_name(lang: str) -> str:
    """The column's name in `lang` (the album of its audio files)."""
    from heritage.column.feed import CHANNEL_TEXT

    return CHANNEL_TEXT[lang][0]


def _title(inv: Inventory, slug: str, lang: str) -> str:
    """The post's title in `lang`, or the Vietnamese one when it has no translation yet."""
    page = inv.post(lang, slug) or inv.post("vi", slug)
    return page.meta.title if page is not None else slug


def body_of(inv: Inventory, post) -> str:
    """The post's Markdown without its front matter."""
    try:
        return split_front_matter(read_text(inv.root / post.rel, post.rel), post.rel)[1]
    except SourceError:
        return ""


def make(inv: Inventory, month: dt.date, today: dt.date, out_root: Path) -> Written:
    posts = month_posts(inv, month, today)
    folder = out_root / f"{month.year:04d}-{month.month:02d}"
    folder.mkdir(parents=True, exist_ok=True)
    written = Written()
    recordings: dict[str, tuple[str, float]] = {}
    picture = None
    for post in posts:
        jobs = []
        vi_key = column_audio.audio_key(inv, post.slug, "vi")
        if vi_key:
            jobs += [(vi_key, f"{post.slug}-truyen-thanh.mp3", loudness.BROADCAST_LUFS), (vi_key, f"{post.slug}-podcast.mp3", loudness.PODCAST_LUFS)]
        en_key = column_audio.audio_key(inv, post.slug, "en")
        if en_key:
            jobs.append((en_key, f"{post.slug}-podcast-en.mp3", loudness.PODCAST_LUFS))
        for key, name, lufs in jobs:
            unsafe = media_path_error(inv.root, key)  # never read through a link or outside data/media/
            if unsafe is not None:
                written.failed.append(f"{post.rel} [audio]: {unsafe[0]} / {unsafe[1]}")
                continue
            source = inv.root / urls.MEDIA_SOURCE / key
            lang = "en" if name.endswith("-en.mp3") else "vi"
            if picture is None:  # the podcast's artwork, drawn once for the month's files
                from heritage.column.podcast import draw_artwork

                picture = draw_artwork(inv.root, inv.settings.logo)
            tags = loudness.Tags(_title(inv, post.slug, lang), inv.settings.site_name(lang), column_name(lang), post.date, lang, picture)
            try:
                result = loudness.normalise(source, folder / name, lufs, "mono", tags)
            except loudness.LoudnessError as exc:
                written.failed.append(f"data/media/{key}: {exc}")
                continue
            written.files.append(result.path)
            written.measured[name] = result.lufs
            if lufs == loudness.BROADCAST_LUFS:
                recordings[post.slug] = (name, result.seconds)
    items = [script.ScriptPost(p.meta.title, p.date, body_of(inv, p), recordings.get(p.slug)) for p in posts]
    target = folder / "kich-ban.txt"
    target.write_text(script.month_script(inv.settings.site_name("vi"), month, items), encoding="utf-8")
    written.files.insert(0, target)
    return written
