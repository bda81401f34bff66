"""Loudness-normalised MP3s for the loudspeakers (-23 LUFS, EBU R128) and for podcasts (-16 LUFS).

Everything is FFmpeg's, through PyAV: `ebur128` measures (the EBU meter), `volume` applies the
gain, `alimiter` keeps the peaks under the ceiling, libmp3lame encodes. Measure and gain rather
than `loudnorm`'s dynamic mode: a speech recording keeps its dynamics, and the result is measured
again after encoding and corrected, so the file is at the target, not just the filter's guess.
"""

from __future__ import annotations

import datetime as dt
import io
import math
from fractions import Fraction
from dataclasses import dataclass
from pathlib import Path

import av
import av.filter

RATE = 48000  # ebur128 and loudness meters work at 48 kHz; the MP3 is resampled from there
BROADCAST_LUFS = -23.0  # EBU R128: what the ward's loudspeaker system expects
PODCAST_LUFS = -16.0  # Apple's and Spotify's recommendation for spoken podcasts
CEILING_DB = -1.5  # peak ceiling after the gain (dBFS), under the -1 dBTP EBU R128 allows
TOLERANCE = 0.3  # LU: close enough to stop correcting
ROUNDS = 4


class LoudnessError(Exception):
    """The recording cannot be read or is silent: `vi` and `en` say which."""

    def __init__(self, vi: str, en: str):
        super().__init__(f"{vi} / {en}")
        self.vi, self.en = vi, en


@dataclass(frozen=True)
class Tags:
    """What players show of an episode (ID3v2.4, written by FFmpeg's MP3 muxer)."""

    title: str
    artist: str  # the site's name
    album: str  # the column's name
    day: dt.date
    lang: str  # "vi" or "en"
    picture: bytes | None = None  # a JPEG, embedded as the front cover (APIC)

    def metadata(self) -> dict[str, str]:
        language = {"vi": "vie", "en": "eng"}.get(self.lang, self.lang)  # ISO 639-2, as TLAN asks
        return {"title": self.title, "artist": self.artist, "album_artist": self.artist, "album": self.album, "date": self.day.isoformat(), "language": language, "genre": "Podcast"}


@dataclass(frozen=True)
class Result:
    path: Path
    lufs: float  # measured on the written file
    seconds: float
    channels: int


def _decode(path: Path, layout: str) -> list[av.AudioFrame]:
    """Every sample of the first audio track, as planar float at 48 kHz in `layout`."""
    resampler = av.AudioResampler(format="fltp", layout=layout, rate=RATE)
    frames: list[av.AudioFrame] = []
    with av.open(str(path)) as container:
        if not container.streams.audio:
            raise LoudnessError(f"{path.name}: tệp không có tiếng.", f"{path.name}: the file has no sound track.")
        for frame in container.decode(container.streams.audio[0]):
            frame.pts = None
            frames += resampler.resample(frame)
    frames += resampler.resample(None)
    return frames


def _filter(frames: list[av.AudioFrame], layout: str, *chain: tuple[str, str]) -> list[av.AudioFrame]:
    """Run `frames` through a chain of FFmpeg audio filters ((name, arguments) pairs)."""
    graph = av.filter.Graph()
    nodes = [graph.add_abuffer(format="fltp", sample_rate=RATE, layout=layout, time_base=Fraction(1, RATE))]
    nodes += [graph.add(name, args) for name, args in chain]
    nodes.append(graph.add("abuffersink"))
    graph.link_nodes(*nodes).configure()
    out: list[av.AudioFrame] = []
    position = 0
    for frame in [*frames, None]:
        if frame is not None:
            frame.pts, frame.time_base = position, Fraction(1, RATE)
            position += frame.samples
        graph.push(frame)
        while True:
            try:
                out.append(graph.pull())
            except (av.BlockingIOError, av.EOFError):
                break
    return out


def measure(frames: list[av.AudioFrame], layout: str) -> float:
    """Integrated loudness (LUFS) by FFmpeg's EBU R128 meter; -inf for silence."""
    loudness = -math.inf
    for frame in _filter(frames, layout, ("ebur128", "metadata=1")):
        value = frame.metadata.get("lavfi.r128.I")
        if value is not None:
            loudness = float(value)
    return loudness if loudness > -70 else -math.inf


def _encode(frames: list[av.AudioFrame], layout: str, target: Path, tags: Tags | None = None) -> None:
    """MP3 (libmp3lame, 128 kb/s mono, 160 kb/s stereo) with `tags` as ID3 and nothing else."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(".tmp-" + target.name)
    with av.open(str(temporary), "w", format="mp3") as output:
        output.metadata.clear()
        if tags is not None:
            output.metadata.update(tags.metadata())
        stream = output.add_stream("libmp3lame", rate=44100, layout=layout)
        stream.bit_rate = 128_000 if layout == "mono" else 160_000
        if tags is not None and tags.picture:
            _attach_picture(output, tags.picture)
        resampler = av.AudioResampler(format=stream.format.name, layout=layout, rate=44100, frame_size=stream.codec_context.frame_size or 1152)
        for frame in [*frames, None]:
            for piece in resampler.resample(frame):
                for packet in stream.encode(piece):
                    output.mux(packet)
        for packet in stream.encode(None):
            output.mux(packet)
    temporary.replace(target)


def _attach_picture(output, jpeg: bytes) -> None:
    """The JPEG as the MP3's front cover: FFmpeg's muxer writes an attached picture as APIC."""
    from PIL import Image

    with Image.open(io.BytesIO(jpeg)) as image:
        width, height = image.size
    picture = output.add_stream("mjpeg")
    picture.width, picture.height, picture.pix_fmt = width, height, "yuvj420p"
    picture.disposition = av.stream.Disposition.attached_pic
    picture.metadata["comment"] = "Cover (front)"  # the APIC picture type players look for
    packet = av.Packet(jpeg)
    packet.stream, packet.pts, packet.dts = picture, 0, 0
    output.mux(packet)


def normalise(source: Path, target: Path, lufs: float, layout: str = "mono", tags: Tags | None = None) -> Result:
    """Write `source` as an MP3 at `lufs` integrated loudness (±TOLERANCE LU as FFmpeg measures it)."""
    try:
        frames = _decode(source, layout)
    except (av.FFmpegError, OSError, ValueError) as exc:
        raise LoudnessError(f"{source.name}: không đọc được tệp ({exc}).", f"{source.name}: the file cannot be read ({exc}).") from None
    original = measure(frames, layout)
    if not frames or original == -math.inf:
        raise LoudnessError(f"{source.name}: bản ghi im lặng, không đo được độ to.", f"{source.name}: the recording is silent; its loudness cannot be measured.")
    gain = lufs - original
    written = original
    for _ in range(ROUNDS):
        shaped = _filter(
            frames,
            layout,
            ("volume", f"volume={gain:.3f}dB"),
            ("alimiter", f"limit={10 ** (CEILING_DB / 20):.4f}:level=false:attack=5:release=50"),
        )
        _encode(shaped, layout, target, tags)
        written = measure(_decode(target, layout), layout)
        if abs(written - lufs) <= TOLERANCE:
            break
        gain += lufs - written  # the limiter or the encoder took some: ask for that much more
    seconds = sum(f.samples for f in frames) / RATE
    return Result(target, written, seconds, 1 if layout == "mono" else 2)
