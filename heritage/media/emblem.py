"""The ward's emblem (`logo:` in data/site.yml), always published as a PNG we drew ourselves.

An SVG file is a document that can carry scripts: published as it is, opening it directly
ran them on the site's address. So nothing uploaded is ever published as SVG: a PNG or JPEG
is decoded with Pillow and written again, an SVG is drawn to PNG with resvg (a renderer
that runs no script and fetches nothing from the network). An SVG that points at other
files (an embedded photo by path, a font file) is refused: the drawing would read files
from the build machine.
"""

from __future__ import annotations

import io
import re
import warnings
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from heritage.problems import Problem

SETTINGS_FILE = "data/site.yml"
# The header shows it at 40 px: 160 px is sharp on any phone's screen and a few KB.
SIDE = 160
MIN_SIDE = 16
MAX_SIDE = 4096
MAX_SVG_BYTES = 512 * 1024
RASTER_FORMATS = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG"}
# href="…"/xlink:href="…" or url(…) that does not name an element of the file itself.
_OUTSIDE = re.compile(r"""(?:\bhref\s*=\s*["']?\s*(?!#)[^\s"'>]|\burl\(\s*["']?\s*(?!#)[^\s"')]|@import)""", re.I)


class EmblemError(Exception):
    def __init__(self, problem: Problem):
        super().__init__(problem.en)
        self.problem = problem


def _refused(source: str, vi: str, en: str) -> EmblemError:
    return EmblemError(
        Problem(
            SETTINGS_FILE,
            f"Không dùng được logo data/{source}: {vi}.",
            f"The emblem data/{source} cannot be used: {en}.",
            f"Xuất lại logo thành ảnh PNG (vuông, từ {MIN_SIDE} đến {MAX_SIDE} điểm ảnh mỗi cạnh), đặt vào data/ và ghi tên tệp ở trường logo.",
            f"Export the emblem again as a PNG image (square, {MIN_SIDE} to {MAX_SIDE} pixels a side), put it in data/ and write its name in the logo field.",
            field="logo",
        )
    )


def _fit(image: Image.Image, side: int = SIDE) -> Image.Image:
    """Within side×side, centred on a transparent square: the header shows it in a square box."""
    image = image.convert("RGBA")
    image.thumbnail((side, side), Image.Resampling.LANCZOS)
    square = Image.new("RGBA", (side, side), (0, 0, 0, 0))
    square.paste(image, ((side - image.width) // 2, (side - image.height) // 2))
    return square


def _raster(path: Path, source: str, kind: str, side: int = SIDE) -> Image.Image:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path, formats=[kind]) as opened:
                width, height = opened.size
                if not (MIN_SIDE <= width <= MAX_SIDE and MIN_SIDE <= height <= MAX_SIDE):
                    raise _refused(source, f"kích thước {width}×{height} điểm ảnh", f"it is {width}×{height} pixels")
                opened.load()
                return _fit(opened, side)
    except UnidentifiedImageError:
        raise _refused(source, f"tệp không phải là ảnh {kind}", f"the file is not a {kind} image") from None
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise _refused(source, f"tệp bị hỏng hoặc bị cắt ({exc})", f"the file is damaged or truncated ({exc})") from None


def _svg(path: Path, source: str, side: int = SIDE) -> Image.Image:
    import resvg_py

    if path.stat().st_size > MAX_SVG_BYTES:
        raise _refused(source, f"tệp SVG lớn hơn {MAX_SVG_BYTES // 1024} KB", f"the SVG file is larger than {MAX_SVG_BYTES // 1024} KB")
    try:
        text = path.read_text(encoding="utf-8")
    except (UnicodeDecodeError, OSError):
        raise _refused(source, "tệp SVG không phải văn bản UTF-8", "the SVG file is not UTF-8 text") from None
    if _OUTSIDE.search(text):
        raise _refused(source, "tệp SVG dẫn tới tệp khác (ảnh, phông chữ, địa chỉ web)", "the SVG file points at other files (images, fonts, web addresses)")
    try:
        # Both sides given: drawn to fit inside the square, whatever size the file claims.
        png = resvg_py.svg_to_bytes(svg_string=text, width=side, height=side)
        with Image.open(io.BytesIO(bytes(png)), formats=["PNG"]) as drawn:
            drawn.load()
            size = drawn.size
            image = _fit(drawn, side)
    except (ValueError, OSError, UnidentifiedImageError) as exc:
        raise _refused(source, f"không vẽ được hình SVG ({exc})", f"the SVG drawing cannot be read ({exc})") from None
    if min(size) < MIN_SIDE:
        raise _refused(source, "hình quá dẹt hoặc quá hẹp", "the drawing is far too wide or too tall")
    return image


def load(root: Path, source: str, side: int = SIDE) -> Image.Image:
    """The emblem data/<source> as an image at most `side` px a side (a raster is never
    enlarged); raises EmblemError."""
    path = root / "data" / source
    suffix = path.suffix.lower()
    if path.is_symlink() or not path.is_file():
        raise _refused(source, "không thấy tệp (hoặc tệp là liên kết tượng trưng)", "the file does not exist (or is a symbolic link)")
    if suffix == ".svg":
        return _svg(path, source, side)
    if suffix in RASTER_FORMATS:
        return _raster(path, source, RASTER_FORMATS[suffix], side)
    raise _refused(source, "chỉ nhận PNG, JPEG hoặc SVG", "only PNG, JPEG or SVG are accepted")


def problems(root: Path, source: str | None) -> list[Problem]:
    """The emblem's problem, if any, for `make check` and the build."""
    if not source or not (root / "data" / source).is_file() or (root / "data" / source).is_symlink():
        return []  # a missing file or a link: reported with the settings and the links
    try:
        load(root, source)
    except EmblemError as exc:
        return [exc.problem]
    return []


def publish(root: Path, source: str, target: Path) -> None:
    """Write the emblem as a PNG of our own making at `target` (a .png path)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    load(root, source).save(target, format="PNG", optimize=True)
