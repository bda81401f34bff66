"""A column post read aloud: which recording goes with which language, and whether it plays.

Front matter `audio:` is either one path (the page's own language read aloud: on the
Vietnamese page, Vietnamese) or a map `{vi: …, en: …}`. Paths are media keys under
data/media/, like `cover` (the editor uploads both into data/media/chuyen-muc/).
A language's recording is taken from its own page first, then from the other page's map.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from heritage import urls
from heritage.content.inventory import Inventory, Post
from heritage.content.sources import media_path_error
from heritage.problems import Problem
from heritage.sections import LANGUAGES


@dataclass(frozen=True)
class AudioRef:
    post: Post  # the page whose front matter names it
    lang: str  # the language spoken
    key: str  # under data/media/
    field: tuple  # where in the front matter: ("audio",) or ("audio", "en")


def refs(post: Post) -> list[AudioRef]:
    """What this page's own `audio:` names."""
    audio = post.meta.audio
    if audio is None:
        return []
    if isinstance(audio, str):
        return [AudioRef(post, post.lang, audio, ("audio",))]
    return [AudioRef(post, lang, getattr(audio, lang), ("audio", lang)) for lang in LANGUAGES if getattr(audio, lang)]


def all_refs(inv: Inventory) -> list[AudioRef]:
    return [ref for posts in inv.posts.values() for post in posts for ref in refs(post)]


def audio_key(inv: Inventory, slug: str, lang: str) -> str | None:
    """The recording of post `slug` in `lang`, or None."""
    pages = [inv.post(lang, slug), *(inv.post(other, slug) for other in LANGUAGES if other != lang)]
    for page in pages:
        if page is not None:
            found = next((r.key for r in refs(page) if r.lang == lang), None)
            if found:
                return found
    return None


def keys(inv: Inventory) -> list[str]:
    """Every recording a post uses, once."""
    return list(dict.fromkeys(r.key for r in all_refs(inv)))


def transcript_url(post: Post, lang: str) -> str:
    """The episode's transcript, beside its page: chuyen-muc/<slug>/<slug>.txt."""
    return f"{urls.post(lang, post.slug)}{post.slug}.txt"


def problems(inv: Inventory, decode: bool = True) -> list[Problem]:
    """Each `audio:` path: inside data/media/, a regular file, readable by FFmpeg, longer than zero.
    Reported where the editor wrote it (file, line, field)."""
    from heritage.media import audio_video  # PyAV: loaded only when there is audio to check

    out: list[Problem] = []
    for ref in all_refs(inv):
        where = dict(field=".".join(map(str, ref.field)), line=ref.post.doc.line_of(ref.field) if ref.post.doc is not None else None)
        error = media_path_error(inv.root, ref.key)
        if error is not None:
            out.append(Problem(ref.post.rel, *error, **where))
            continue
        if not decode:
            continue
        try:
            found = audio_video.probe(Path(inv.root, urls.MEDIA_SOURCE, ref.key), ref.key, "audio")
        except audio_video.MediaError as exc:
            p = exc.problem
            out.append(Problem(ref.post.rel, p.vi, p.en, p.fix_vi, p.fix_en, **where))
            continue
        short = _too_short(inv, ref, found.duration)
        if short is not None:
            out.append(short)
        elif found.duration <= 0:
            out.append(
                Problem(
                    ref.post.rel,
                    f"Tệp âm thanh data/media/{ref.key} không có độ dài (0 giây): trình phát không phát được.",
                    f"The audio file data/media/{ref.key} has no length (0 seconds): players cannot play it.",
                    "Xuất lại bản ghi âm dưới dạng MP3 hoặc M4A rồi tải lên lại.",
                    "Export the recording again as MP3 or M4A and upload it again.",
                    **where,
                )
            )
    return out


TOO_SHORT = 1 / 3  # a reading much shorter than the text: cut off, or another post's file


def _too_short(inv: Inventory, ref: AudioRef, seconds: float) -> Problem | None:
    """A warning when a recording lasts under a third of its text's read-aloud time."""
    from heritage import radio
    from heritage.radio import script

    if seconds <= 0:
        return None  # reported as an error below
    page = inv.post(ref.lang, ref.post.slug) or ref.post
    expected = script.read_aloud_seconds(page.meta.title, radio.body_of(inv, page), ref.lang)
    if seconds >= expected * TOO_SHORT:
        return None
    length, reading = script.say_length(seconds), script.say_length(expected)
    minutes, rest = divmod(round(expected), 60)
    had_min, had_s = divmod(round(seconds), 60)
    return Problem(
        ref.post.rel,
        f"Bản ghi âm data/media/{ref.key} chỉ dài {length}, trong khi đọc hết bài {page.rel} mất khoảng {reading}: "
        "có thể bản ghi bị cắt, hoặc là tệp của bài khác.",
        f"The recording data/media/{ref.key} lasts only {had_min} min {had_s} s, while reading {page.rel} aloud takes about "
        f"{minutes} min {rest} s: it may be cut short, or another post's file.",
        "Nghe lại bản ghi từ đầu đến cuối; nếu thiếu, xuất lại bản ghi đầy đủ rồi tải lên thay tệp cũ. Nếu bản ghi cố ý ngắn (chỉ phần tóm tắt), có thể bỏ qua cảnh báo này.",
        "Listen to the recording to the end; if part is missing, export the whole reading again and upload it in place of the old file. If it is meant to be short (a summary only), this warning can be ignored.",
        field=".".join(map(str, ref.field)),
        line=ref.post.doc.line_of(ref.field) if ref.post.doc is not None else None,
        severity="warning",
    )
