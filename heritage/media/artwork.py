"""Images drawn here: social preview cards (1200×630) and posters for YouTube facades.

Text is set in Be Vietnam Pro (fontpkg-be-vietnam-pro), a typeface designed for
Vietnamese: stacked diacritics (ệ, ử, ẫ) render correctly, unlike many fallbacks.
"""

from __future__ import annotations

import hashlib
import io
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont, ImageOps

from heritage.text import wrap

from .cache import MediaCache, atomic_write
from .images import WebImage, image_from, open_upright

OG_SIZE = (1200, 630)
SETTINGS = "artwork-v1"
LACQUER = (94, 16, 16)
GOLD = (232, 196, 110)


@lru_cache(maxsize=None)
def font_path(weight: str = "Bold") -> Path:
    import fontpkg_be_vietnam_pro

    return Path(fontpkg_be_vietnam_pro.__file__).parent / "files" / f"BeVietnamPro-{weight}.ttf"


@lru_cache(maxsize=64)
def font(size: int, weight: str = "Bold") -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(font_path(weight)), size)


def card_background(photo: Image.Image | None, size=OG_SIZE) -> Image.Image:
    """The photo (or lacquer red) darkened towards the bottom, where the title goes.

    Separate from the text because it is most of a card's cost (fitting a photo ~40 ms):
    the Vietnamese and English cards of an entry share one.
    """
    width, height = size
    if photo is not None:
        canvas = ImageOps.fit(photo, size, Image.LANCZOS)
    else:
        canvas = Image.new("RGB", size, LACQUER)
        stripes = ImageDraw.Draw(canvas)
        for x in range(-height, width, 36):
            stripes.line([(x, height), (x + height, 0)], fill=(104, 22, 22), width=10)
    return Image.composite(Image.new("RGB", size, (20, 8, 6)), canvas, _shade(size))


@lru_cache(maxsize=4)
def _shade(size: tuple[int, int]) -> Image.Image:
    width, height = size
    shade = Image.new("L", size, 0)
    shade_draw = ImageDraw.Draw(shade)
    for y in range(height):
        shade_draw.line([(0, y), (width, y)], fill=int(70 + 150 * (y / height) ** 1.4))
    return shade


def draw_card(title: str, kicker: str, site_name: str, background: Image.Image) -> Image.Image:
    """The site's name at the top and the title over the dark band, on a copy of `background`."""
    canvas = background.copy()
    width, height = canvas.size
    draw = ImageDraw.Draw(canvas)
    margin = 64
    draw.text((margin, 48), site_name, font=font(34, "SemiBold"), fill=GOLD)
    title_face = font(68 if len(title) < 40 else 56)
    lines = wrap(title, width - 2 * margin, lambda t: draw.textlength(t, font=title_face), 3)
    line_height = int(title_face.size * 1.25)
    y = height - margin - line_height * len(lines)
    if kicker:
        draw.text((margin, y - 52), kicker.upper(), font=font(28, "SemiBold"), fill=GOLD)
    for line in lines:
        draw.text((margin, y), line, font=title_face, fill=(255, 255, 255))
        y += line_height
    return canvas


def og_path(title: str, kicker: str, site_name: str, photo: Path | None, cache: MediaCache) -> Path:
    """Where the card for these inputs is cached (content-addressed)."""
    photo_hash = cache.content_hash(photo) if photo else ""
    key = hashlib.sha256(f"{SETTINGS}\n{title}\n{kicker}\n{site_name}\n{photo_hash}".encode()).hexdigest()[:24]
    return cache.folder("og", key[:2]) / f"{key}.jpg"


def og_images(photo: Path | None, cards: list[tuple[str, str, str, Path]]) -> None:
    """Draw the 1200×630 JPEG cards (title, kicker, site name, target) that share `photo`.

    The caller passes only the cards not cached yet."""
    background = card_background(open_upright(photo, photo.name, at_least=OG_SIZE[0]) if photo else None)
    for title, kicker, site_name, target in cards:
        buffer = io.BytesIO()
        draw_card(title, kicker, site_name, background).save(buffer, "JPEG", quality=82, optimize=True, progressive=True)
        atomic_write(target, buffer.getvalue())


def youtube_poster(title: str, cache: MediaCache) -> WebImage:
    """A local poster for a YouTube facade: no request to YouTube before the tap."""
    card = draw_card(title, "", "YouTube", card_background(None, size=(1280, 720)))
    draw = ImageDraw.Draw(card)
    cx, cy, r = 640, 300, 84
    draw.ellipse([cx - r, cy - r, cx + r, cy + r], fill=(255, 255, 255))
    draw.polygon([(cx - 26, cy - 42), (cx - 26, cy + 42), (cx + 46, cy)], fill=LACQUER)
    return image_from(card, f"youtube/{hashlib.sha256(title.encode()).hexdigest()[:10]}.png", cache, "youtube-poster")
