"""Web images from the originals under data/media/: resized, rotated upright, metadata-free.

Originals (camera files with GPS positions and serial numbers) are never copied to
the site. Derivatives are cached under .cache/images/ by the original's content hash
and the settings, written atomically, and copied into the built site.
"""

from __future__ import annotations

import hashlib
import io
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

from .problems import Problem

WIDTHS = (480, 960, 1600)
JPEG_QUALITY = 80
SETTINGS_VERSION = "jpeg-v1"
# Refuse pixel bombs early: 60 MP covers every phone and most cameras.
Image.MAX_IMAGE_PIXELS = 60_000_000

_SRGB = ImageCms.createProfile("sRGB")


@dataclass(frozen=True)
class Rendition:
    url: str  # site-relative, no leading slash
    width: int
    height: int


@dataclass(frozen=True)
class WebImage:
    """The published versions of one original, smallest first."""

    source: str  # e.g. dinh-tan-an/anh-1.jpg
    digest: str
    renditions: tuple[Rendition, ...]

    @property
    def largest(self) -> Rendition:
        return self.renditions[-1]

    def closest(self, width: int) -> Rendition:
        return next((r for r in self.renditions if r.width >= width), self.largest)


def _digest(path: Path) -> str:
    h = hashlib.sha256(SETTINGS_VERSION.encode())
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()[:20]


def _to_srgb(image: Image.Image) -> Image.Image:
    """Upright, RGB, in sRGB: phones and browsers assume sRGB without a profile."""
    image = ImageOps.exif_transpose(image)
    icc = image.info.get("icc_profile")
    if icc:
        try:
            src = ImageCms.ImageCmsProfile(io.BytesIO(icc))
            image = ImageCms.profileToProfile(image, src, _SRGB, outputMode="RGB")
        except (ImageCms.PyCMSError, OSError):
            pass
    if image.mode in ("RGBA", "LA", "P", "PA"):
        image = image.convert("RGBA")
        background = Image.new("RGB", image.size, (255, 255, 255))
        background.paste(image, mask=image.getchannel("A"))
        image = background
    elif image.mode != "RGB":
        image = image.convert("RGB")
    return image


def _atomic_write(target: Path, data: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class ImageError(Exception):
    def __init__(self, problem: Problem):
        self.problem = problem
        super().__init__(problem.en)


def web_image(original: Path, source: str, cache: Path) -> WebImage:
    """Make (or reuse) the derivatives of one original."""
    digest = _digest(original)
    folder = cache / digest
    stem = Path(source).stem
    out_prefix = f"media/{Path(source).parent.as_posix()}/{stem}-{digest[:8]}"
    manifest = folder / "sizes.txt"
    if manifest.is_file():
        renditions = []
        for line in manifest.read_text().split():
            width, height = map(int, line.split("x"))
            renditions.append(Rendition(f"{out_prefix}-{width}.jpg", width, height))
        return WebImage(source, digest, tuple(renditions))
    try:
        with Image.open(original) as opened:
            opened.load()
            image = _to_srgb(opened)
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError, SyntaxError, ValueError) as exc:
        raise ImageError(
            Problem(
                f"data/media/{source}",
                f"Không đọc được ảnh này ({type(exc).__name__}): tệp hỏng, bị cắt hoặc không phải ảnh.",
                f"This image cannot be read ({type(exc).__name__}): the file is damaged, truncated or not an image.",
                "Xuất lại ảnh từ máy ảnh hoặc điện thoại dưới dạng JPEG rồi tải lên lại.",
                "Export the photo again as JPEG from the camera or phone and upload it again.",
            )
        ) from None
    widths = [w for w in WIDTHS if w < image.width] + [min(image.width, WIDTHS[-1])]
    sizes = []
    for width in sorted(set(widths)):
        height = round(image.height * width / image.width)
        resized = image.resize((width, height), Image.LANCZOS) if width != image.width else image
        buffer = io.BytesIO()
        # No exif=, no icc_profile=: the derivative carries no metadata at all.
        resized.save(buffer, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True)
        _atomic_write(folder / f"{width}.jpg", buffer.getvalue())
        sizes.append(f"{width}x{height}")
    _atomic_write(manifest, "\n".join(sizes).encode())  # written last: the cache's seal
    return web_image(original, source, cache)


def publish(image: WebImage, cache: Path, site_dir: Path) -> None:
    """Copy cached derivatives into the built site."""
    for rendition in image.renditions:
        target = site_dir / rendition.url
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(cache / image.digest / f"{rendition.width}.jpg", target)
