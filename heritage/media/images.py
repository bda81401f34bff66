"""Web images from the originals under data/media/: upright, sRGB, metadata-free, responsive.

Each original becomes AVIF, WebP and JPEG at up to three widths (never upscaled).
The derivatives carry no EXIF, XMP or ICC data at all: no GPS position, no camera
serial; the credit lives in the page. New images are processed on every core.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import io
import multiprocessing
import os
import warnings
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

from heritage import urls
from heritage.problems import Problem, ProblemError
from heritage.text import slugify

from .cache import MediaCache, atomic_write, link_or_copy

try:  # iPhone photos: HEIC/HEIF
    import pillow_heif

    pillow_heif.register_heif_opener()
except ImportError:  # pragma: no cover - pillow-heif is in the lock file
    pillow_heif = None

WIDTHS = (480, 960, 1600)
# (format, extension, MIME type, Pillow save options); the last one is the <img> fallback.
FORMATS = (
    ("AVIF", "avif", "image/avif", {"quality": 55, "speed": 8}),
    ("WEBP", "webp", "image/webp", {"quality": 75, "method": 4}),
    ("JPEG", "jpg", "image/jpeg", {"quality": 80, "optimize": True, "progressive": True}),
)
SETTINGS = "images-v2:" + repr((WIDTHS, FORMATS))
# A decompression bomb is refused before any pixel is decoded: 60 MP covers every phone.
MAX_PIXELS = 60_000_000
Image.MAX_IMAGE_PIXELS = MAX_PIXELS
# No camera or scanner makes a longer side or a thinner strip; WebP stops at 16,383 px a side,
# which a 10:1 strip scaled to the widest rendition (1,600 px) stays under.
MAX_SIDE = 12_000
MAX_ASPECT = 10
# Formats a camera writes (JPEG, HEIC, AVIF) may go up to MAX_PIXELS. Others (PNG, TIFF, WebP,
# GIF) are kept to 16 MP: a flat 49-megapixel PNG of 175 KB cost a build 1.6 s to decode and
# shrink, and no phone or camera writes one (a scan or a screenshot is exported as JPEG).
CAMERA_FORMATS = {"JPEG", "MPO", "HEIF", "AVIF"}
MAX_OTHER_PIXELS = 16_000_000

_SRGB = ImageCms.createProfile("sRGB")


@dataclass(frozen=True)
class Rendition:
    width: int
    height: int
    urls: dict[str, str]  # extension → site path (no leading slash)


@dataclass(frozen=True)
class WebImage:
    """The published versions of one original, smallest first."""

    source: str
    key: str
    renditions: tuple[Rendition, ...]

    @property
    def largest(self) -> Rendition:
        return self.renditions[-1]

    def closest(self, width: int) -> Rendition:
        return next((r for r in self.renditions if r.width >= width), self.largest)

    def files(self):
        """(cache file name, site path) of every derivative."""
        for rendition in self.renditions:
            for ext, url in rendition.urls.items():
                yield f"{rendition.width}.{ext}", url


class ImageError(ProblemError):
    """A file that cannot be used, with the reason."""


def _unreadable(source: str, reason_vi: str, reason_en: str) -> ImageError:
    return ImageError(
        Problem(
            f"{urls.MEDIA_SOURCE}/{source}",
            f"Không dùng được ảnh này: {reason_vi}.",
            f"This image cannot be used: {reason_en}.",
            "Xuất lại ảnh từ máy ảnh hoặc điện thoại dưới dạng JPEG (hoặc chạy python -m heritage media prepare TỆP) rồi tải lên lại.",
            "Export the photo again as JPEG from the camera or phone (or run python -m heritage media prepare FILE) and upload it again.",
        )
    )


def _check_shape(source: str, width: int, height: int) -> None:
    """Refuse sizes no photo has, before decoding: a side over MAX_SIDE, a strip over MAX_ASPECT:1."""
    long, short = max(width, height), max(min(width, height), 1)
    if long > MAX_SIDE:
        raise _unreadable(
            source,
            f"ảnh {width} × {height} điểm ảnh, có cạnh dài quá {MAX_SIDE:_} điểm ảnh".replace("_", "."),
            f"the image is {width} × {height} pixels, a side over {MAX_SIDE:,} pixels",
        )
    if long / short > MAX_ASPECT:
        raise _unreadable(
            source,
            f"ảnh {width} × {height} điểm ảnh, một cạnh dài hơn {MAX_ASPECT} lần cạnh kia",
            f"the image is {width} × {height} pixels, one side more than {MAX_ASPECT} times the other",
        )


def _check_header(opened: Image.Image, source: str) -> None:
    """Before any pixel is decoded: the pixel count, the format's own limit, the shape."""
    if opened.width * opened.height > MAX_PIXELS:
        raise Image.DecompressionBombError("too many pixels")
    if opened.format not in CAMERA_FORMATS and opened.width * opened.height > MAX_OTHER_PIXELS:
        raise _unreadable(
            source,
            f"ảnh {opened.format} {opened.width} × {opened.height} điểm ảnh, quá {MAX_OTHER_PIXELS // 1_000_000} triệu điểm ảnh cho định dạng này",
            f"a {opened.format} image of {opened.width} × {opened.height} pixels, over {MAX_OTHER_PIXELS // 1_000_000} million pixels for this format",
        )
    _check_shape(source, opened.width, opened.height)


@contextlib.contextmanager
def _opened(path: Path, source: str) -> Iterator[Image.Image]:
    """An original opened with its header checked; whatever goes wrong while it is read
    becomes the editor's message (a bomb, not an image, damaged or truncated)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as opened:
                _check_header(opened, source)
                yield opened
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise _unreadable(source, f"quá nhiều điểm ảnh (tối đa {MAX_PIXELS // 1_000_000} triệu)", f"too many pixels (at most {MAX_PIXELS // 1_000_000} million)") from None
    except UnidentifiedImageError:
        raise _unreadable(source, "tệp không phải là ảnh (hoặc định dạng không hỗ trợ)", "the file is not an image (or its format is not supported)") from None
    except (OSError, SyntaxError, ValueError) as exc:
        raise _unreadable(source, f"tệp bị hỏng hoặc bị cắt ({exc})", f"the file is damaged or truncated ({exc})") from None


def probe(path: Path, source: str) -> None:
    """What `make check` needs to know: would the build accept this file? The same header
    checks as `open_upright`, then the cheapest look at the pixels that still finds a damaged
    file: a JPEG decoded at an eighth of its size (its DCT scales for free), a PNG's chunks
    checked against their checksums, any other format decoded. Decoding every pixel is the
    build's work; here it made a check of 50 large flat photos take 107 s instead of seconds."""
    with _opened(path, source) as opened:
        if opened.format == "JPEG":
            opened.draft("RGB", (max(1, opened.width // 8), max(1, opened.height // 8)))
            opened.load()
        elif opened.format == "PNG":
            opened.verify()
        else:
            opened.load()


def open_upright(path: Path, source: str, at_least: int | None = None) -> Image.Image:
    """Decode an original: size-checked, rotated as EXIF says, in sRGB, RGB, no alpha.

    `at_least`: the longest side the caller will use. A JPEG is then decoded at the smallest
    scale (1/2, 1/4, 1/8: its DCT scales for free) that keeps both sides at least that long,
    so a 48-megapixel phone photo costs a quarter of the work."""
    with _opened(path, source) as opened:
        if at_least and opened.format == "JPEG":
            opened.draft(None, (at_least, at_least))
        opened.load()
        image = ImageOps.exif_transpose(opened)
        icc = opened.info.get("icc_profile")
    if icc:
        try:
            image = ImageCms.profileToProfile(image, ImageCms.ImageCmsProfile(io.BytesIO(icc)), _SRGB, outputMode="RGB")
        except (ImageCms.PyCMSError, OSError, ValueError):
            pass  # a broken profile: keep the pixels as they are
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        image = image.convert("RGBA")
        background = Image.new("RGB", image.size, (255, 255, 255))
        background.paste(image, mask=image.getchannel("A"))
        image = background
    elif image.mode != "RGB":
        image = image.convert("RGB")  # CMYK, grayscale, 16-bit…
    # Pillow copies `info` through resize and saves a JPEG's comment and XMP from it: a name,
    # a phone number or a position written by an editing app would reach every derivative.
    image.info = {}
    return image


def _out_prefix(source: str, key: str) -> str:
    folder, _, name = source.rpartition("/")
    stem = slugify(name.rsplit(".", 1)[0]) or "anh"
    return f"media/{folder}/{stem}-{key[:8]}" if folder else f"media/{stem}-{key[:8]}"


def _from_manifest(source: str, key: str, manifest: dict) -> WebImage:
    prefix = _out_prefix(source, key)
    renditions = tuple(
        Rendition(w, h, {ext: f"{prefix}-{w}.{ext}" for _, ext, _, _ in FORMATS}) for w, h in manifest["sizes"]
    )
    return WebImage(source, key, renditions)


def encode(image: Image.Image, folder: Path) -> list[tuple[int, int]]:
    """Write every width and format of `image` into `folder`; returns the sizes."""
    widths = sorted({w for w in WIDTHS if w < image.width} | {min(image.width, WIDTHS[-1])})
    sizes = []
    for width in widths:
        height = max(1, round(image.height * width / image.width))
        resized = image if width == image.width else image.resize((width, height), Image.LANCZOS)
        for fmt, ext, _mime, options in FORMATS:
            buffer = io.BytesIO()
            # No exif=, icc_profile= or xmp=: the derivative carries no metadata at all.
            resized.save(buffer, fmt, **options)
            atomic_write(folder / f"{width}.{ext}", buffer.getvalue())
        sizes.append((width, height))
    return sizes


def _process(path: str, source: str, folder: str) -> tuple[str, list[tuple[int, int]] | None, Problem | None]:
    """Worker: decode and encode one original (runs in a separate process)."""
    try:
        image = open_upright(Path(path), source, at_least=WIDTHS[-1])
    except ImageError as exc:
        return source, None, exc.problem
    return source, encode(image, Path(folder)), None


def pool_context():
    # "spawn": forking a process that runs a live-reload server's threads is not safe.
    return multiprocessing.get_context("spawn")


def web_images(jobs: list[tuple[Path, str]], cache: MediaCache, workers: int | None = None) -> tuple[dict[str, WebImage], list[Problem]]:
    """Derivatives for every (original, source) pair; cached ones are not touched.

    Originals with the same content (one photo used by two entries) are encoded once.
    """
    done: dict[str, WebImage] = {}
    problems: list[Problem] = []
    todo: dict[str, list[tuple[Path, str]]] = {}  # key -> every (original, source) with that content
    for path, source in jobs:
        key = cache.key(cache.content_hash(path), SETTINGS)
        manifest = cache.manifest("images", key)
        if manifest is not None:
            done[source] = _from_manifest(source, key, manifest)
        else:
            todo.setdefault(key, []).append((path, source))
    cache.save()
    if not todo:
        return done, problems
    workers = workers or min(len(todo), os.cpu_count() or 1)
    args = [(str(same[0][0]), same[0][1], str(cache.folder("images", key))) for key, same in todo.items()]
    if workers > 1:
        with ProcessPoolExecutor(max_workers=workers, mp_context=pool_context()) as pool:
            results = list(pool.map(_process, *zip(*args)))
    else:
        results = [_process(*a) for a in args]
    for (key, same), (_, sizes, problem) in zip(todo.items(), results):
        if problem is not None:
            # the same file under every name an editor gave it
            problems.extend(dataclasses.replace(problem, file=f"{urls.MEDIA_SOURCE}/{source}") for _, source in same)
            continue
        cache.seal("images", key, {"source": same[0][1], "sizes": sizes})
        for _, source in same:
            done[source] = _from_manifest(source, key, {"sizes": sizes})
    return done, problems


def image_from(image: Image.Image, name: str, cache: MediaCache, settings: str) -> WebImage:
    """Derivatives of an image made here (a video's poster frame, a generated poster)."""
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    key = cache.key(hashlib.sha256(buffer.getvalue()).hexdigest(), SETTINGS + settings)
    manifest = cache.manifest("images", key)
    if manifest is None:
        sizes = encode(image.convert("RGB"), cache.folder("images", key))
        manifest = {"source": name, "sizes": sizes}
        cache.seal("images", key, manifest)
    return _from_manifest(name, key, manifest)


def publish(image: WebImage, cache: MediaCache, site_dir: Path) -> None:
    """Put cached derivatives into the built site (hard links: no copying on a warm build)."""
    folder = cache.folder("images", image.key)
    for name, url in image.files():
        link_or_copy(folder / name, site_dir / url)
