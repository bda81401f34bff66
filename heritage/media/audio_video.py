"""Audio and video: duration, a poster frame, and a published copy with no metadata.

PyAV (FFmpeg) reads the files and remuxes them without re-encoding: the sound and
picture are untouched, but container and stream metadata (a phone's GPS position,
the device name) are not copied.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import av

from heritage import urls
from heritage.problems import Problem, ProblemError
from heritage.text import slugify

from .cache import MediaCache
from .images import WebImage, _from_manifest, image_from

SETTINGS = "av-v1"
# extension → (FFmpeg muxer, MIME type)
CONTAINERS = {
    "mp3": ("mp3", "audio/mpeg"),
    "m4a": ("ipod", "audio/mp4"),
    "aac": ("adts", "audio/aac"),
    "ogg": ("ogg", "audio/ogg"),
    "oga": ("ogg", "audio/ogg"),
    "opus": ("ogg", "audio/ogg"),
    "wav": ("wav", "audio/wav"),
    "flac": ("flac", "audio/flac"),
    "mp4": ("mp4", "video/mp4"),
    "m4v": ("mp4", "video/mp4"),
    "mov": ("mp4", "video/mp4"),
    "webm": ("webm", "video/webm"),
}


@dataclass(frozen=True)
class PublishedMedia:
    kind: str  # audio or video
    source: str
    key: str
    url: str
    mime: str
    duration: float
    width: int = 0
    height: int = 0
    poster: WebImage | None = None

    def cache_file(self, cache: MediaCache) -> Path:
        return cache.folder("av", self.key) / ("media." + self.url.rsplit(".", 1)[1])


class MediaError(ProblemError):
    """A file that cannot be used, with the reason."""


def _problem(source: str, vi: str, en: str) -> MediaError:
    return MediaError(
        Problem(
            f"{urls.MEDIA_SOURCE}/{source}",
            vi,
            en,
            "Xuất lại tệp dưới dạng MP4 (video, H.264) hoặc MP3/M4A (âm thanh) rồi tải lên lại.",
            "Export the file again as MP4 (video, H.264) or MP3/M4A (audio) and upload it again.",
        )
    )


def _remux(path: Path, target: Path, muxer: str) -> None:
    """Copy the audio/video packets into a new container, leaving all metadata behind."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(".tmp-" + target.name)
    with av.open(str(path)) as source, av.open(str(temporary), "w", format=muxer) as output:
        streams = {}
        for stream in source.streams:
            if stream.type in ("audio", "video"):
                streams[stream.index] = output.add_stream_from_template(stream)
        for packet in source.demux(*[s for s in source.streams if s.index in streams]):
            if packet.dts is None:
                continue
            packet.stream = streams[packet.stream.index]
            output.mux(packet)
    temporary.replace(target)


def _poster_frame(path: Path):
    """A frame about one second in (the very first is often black), as a PIL image."""
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        if container.duration and container.duration > 2 * av.time_base:
            container.seek(av.time_base, any_frame=False)
        for frame in container.decode(stream):
            return frame.to_image()
    return None


def _check_format(path: Path, source: str, kind: str) -> str:
    ext = path.suffix.lower().lstrip(".")
    if ext not in CONTAINERS:
        raise _problem(
            source,
            f"Định dạng .{ext} không được hỗ trợ cho {('video' if kind == 'video' else 'âm thanh')}.",
            f"The .{ext} format is not supported for {kind}.",
        )
    return ext


@dataclass(frozen=True)
class Probe:
    duration: float
    width: int
    height: int
    has_location: bool  # a phone's GPS position in the container's metadata


def probe(path: Path, source: str, kind: str) -> Probe:
    """Open the file as the build will: its format, its tracks, its length. `make check` calls
    this too, so that both refuse the same files with the same message."""
    _check_format(path, source, kind)
    try:
        with av.open(str(path)) as container:
            duration = float(container.duration or 0) / av.time_base
            videos = container.streams.video
            audios = container.streams.audio
            width = videos[0].codec_context.width if videos else 0
            height = videos[0].codec_context.height if videos else 0
            tags = {**container.metadata, **{k: v for s in container.streams for k, v in s.metadata.items()}}
            if kind == "video" and not videos:
                raise _problem(source, "Tệp không có hình (không phải video).", "The file has no picture track (not a video).")
            if kind == "audio" and not audios:
                raise _problem(source, "Tệp không có tiếng (không phải âm thanh).", "The file has no sound track (not audio).")
    except MediaError:
        raise
    except (av.FFmpegError, OSError, ValueError, IndexError) as exc:
        raise _problem(source, f"Không đọc được tệp ({exc}).", f"The file cannot be read ({exc}).") from None
    return Probe(duration, width, height, any("location" in key.lower() for key in tags))


def is_prepared(path: Path, cache: MediaCache) -> bool:
    """Whether this exact file was already probed and remuxed by a build."""
    return cache.manifest("av", cache.key(cache.content_hash(path), SETTINGS)) is not None


def prepare(path: Path, source: str, kind: str, cache: MediaCache) -> PublishedMedia:
    """Cached: probe, remux without metadata, and (video) make a poster."""
    ext = _check_format(path, source, kind)
    muxer, mime = CONTAINERS[ext]
    key = cache.key(cache.content_hash(path), SETTINGS)
    folder = cache.folder("av", key)
    stem = slugify(path.stem) or kind
    url = f"media/{source.rpartition('/')[0]}/{stem}-{key[:8]}.{ext}"
    manifest = cache.manifest("av", key)
    if manifest is None:
        found = probe(path, source, kind)
        duration, width, height = found.duration, found.width, found.height
        try:
            _remux(path, folder / f"media.{ext}", muxer)
            poster = None
            if kind == "video":
                frame = _poster_frame(path)
                if frame is not None:
                    image = image_from(frame, f"{source}.poster", cache, "poster")
                    poster = {"key": image.key, "sizes": [[r.width, r.height] for r in image.renditions]}
        except MediaError:
            raise
        except (av.FFmpegError, OSError, ValueError, IndexError) as exc:
            raise _problem(source, f"Không đọc được tệp ({exc}).", f"The file cannot be read ({exc}).") from None
        manifest = {"duration": duration, "width": width, "height": height, "poster": poster}
        cache.seal("av", key, manifest)
    poster_image = None
    if manifest.get("poster"):
        poster_image = _from_manifest(f"{source}.poster", manifest["poster"]["key"], manifest["poster"])
    return PublishedMedia(kind, source, key, url, mime, manifest["duration"], manifest["width"], manifest["height"], poster_image)


def format_duration(seconds: float) -> str:
    """3:25, or 1:02:03 for an hour or more."""
    total = int(round(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def iso_duration(seconds: float) -> str:
    """PT3M25S, for machines (schema.org, <time datetime>)."""
    total = int(round(seconds))
    minutes, secs = divmod(total, 60)
    return f"PT{minutes}M{secs}S" if minutes else f"PT{secs}S"
