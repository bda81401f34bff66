#!/usr/bin/env python3
"""Tạo ảnh giữ chỗ (placeholder) cho các mục dữ liệu mẫu.

Create placeholder JPEG images for every image listed in the entries' YAML
(``data/<section>/<id>.yml`` -> ``media[].image``). Each picture is a calm
two-colour gradient (hue chosen per section) with the entry's Vietnamese name
and the line "ẢNH MINH HỌA · PLACEHOLDER" centred in white.

Usage (needs Pillow and PyYAML):

    python scripts/make_placeholder_media.py            # create missing files
    python scripts/make_placeholder_media.py --force    # overwrite existing ones

Existing files are left untouched unless --force is given, so real photographs
that replace a placeholder are never overwritten by accident.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml
from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
SECTIONS = ["di-tich", "le-hoi", "lang-nghe", "nghe-nhan", "quan-ho", "san-pham"]

WIDTH, HEIGHT = 1600, 1067
QUALITY = 80
MAX_BYTES = 120 * 1024
SUBTITLE = "ẢNH MINH HỌA · PLACEHOLDER"

FONT_CANDIDATES = [
    "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
]

# (top colour, bottom colour) per section: calm, dark enough for white text.
PALETTES: dict[str, list[tuple[tuple[int, int, int], tuple[int, int, int]]]] = {
    # warm red / brown for relics
    "di-tich": [((122, 38, 30), (58, 24, 18)), ((140, 58, 36), (70, 34, 22)),
                ((150, 30, 28), (80, 20, 24)), ((102, 52, 36), (48, 28, 22))],
    # gold for festivals
    "le-hoi": [((176, 124, 24), (110, 70, 10)), ((184, 110, 30), (112, 62, 16)),
               ((168, 132, 40), (100, 76, 18))],
    # green for crafts
    "lang-nghe": [((52, 112, 62), (24, 62, 36)), ((96, 110, 44), (50, 62, 22))],
    # blue for artisans
    "nghe-nhan": [((40, 84, 150), (20, 42, 88)), ((58, 92, 122), (28, 48, 70))],
    # purple for songs
    "quan-ho": [((100, 54, 138), (52, 26, 80)), ((128, 50, 110), (66, 24, 62))],
    # teal for products
    "san-pham": [((24, 120, 120), (12, 64, 70)), ((30, 128, 110), (14, 70, 64))],
}

# Colours of the sample entries, matching the `alt` texts written in their YAML.
BY_ID = {
    "dinh-tan-an": PALETTES["di-tich"][0],        # đỏ nâu / reddish-brown
    "chua-tan-an": PALETTES["di-tich"][1],        # nâu đỏ / brownish-red
    "den-mau-tan-an": PALETTES["di-tich"][2],     # đỏ son sẫm / deep vermilion
    "nha-tho-ho-nguyen": PALETTES["di-tich"][3],  # nâu gụ / mahogany brown
    "hoi-lim": PALETTES["le-hoi"][1],             # vàng nghệ / saffron gold
    "le-hoi-dinh-tan-an": PALETTES["le-hoi"][0],  # vàng hổ phách / amber gold
    "festival-ve-mien-quan-ho": PALETTES["le-hoi"][2],  # vàng kim / golden
    "nghe-dan-tre": PALETTES["lang-nghe"][0],     # xanh lá tre / bamboo green
    "nghe-banh-da": PALETTES["lang-nghe"][1],     # xanh ô liu / olive green
    "nguyen-thi-minh-hoa": PALETTES["nghe-nhan"][0],  # xanh lam / blue
    "tran-van-mau": PALETTES["nghe-nhan"][1],     # xanh thép / steel blue
    "nguoi-o-dung-ve": PALETTES["quan-ho"][0],    # tím / purple
    "moi-nuoc-moi-trau": PALETTES["quan-ho"][1],  # tím hồng / plum
    "banh-da-tan-an": PALETTES["san-pham"][0],    # xanh mòng két / teal
    "ro-tre-tan-an": PALETTES["san-pham"][1],     # xanh ngọc / turquoise
}


def load_font(size: int) -> ImageFont.FreeTypeFont:
    for path in FONT_CANDIDATES:
        if Path(path).exists():
            return ImageFont.truetype(path, size)
    sys.exit("Không tìm thấy phông chữ / no font found: " + ", ".join(FONT_CANDIDATES))


def gradient(top: tuple[int, int, int], bottom: tuple[int, int, int]) -> Image.Image:
    """Vertical gradient, built from a 1-pixel-wide strip for speed."""
    strip = Image.new("RGB", (1, HEIGHT))
    for y in range(HEIGHT):
        t = y / (HEIGHT - 1)
        strip.putpixel((0, y), tuple(round(a + (b - a) * t) for a, b in zip(top, bottom)))
    return strip.resize((WIDTH, HEIGHT))


def wrap(draw: ImageDraw.ImageDraw, text: str, font, max_width: int) -> list[str]:
    """Split into lines that fit; two lines are balanced rather than greedy."""
    words = text.split()
    if draw.textlength(text, font=font) <= max_width:
        return [text]
    splits = []
    for i in range(1, len(words)):
        a, b = " ".join(words[:i]), " ".join(words[i:])
        widest = max(draw.textlength(a, font=font), draw.textlength(b, font=font))
        if widest <= max_width:
            splits.append((widest, [a, b]))
    if splits:
        return min(splits)[1]
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if draw.textlength(candidate, font=font) <= max_width or not current:
            current = candidate
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    return lines


def render(label: str, palette, path: Path) -> int:
    img = gradient(*palette)
    draw = ImageDraw.Draw(img)
    max_width = int(WIDTH * 0.84)

    size = 110
    while True:
        title_font = load_font(size)
        lines = wrap(draw, label, title_font, max_width)
        if len(lines) <= 2 or size <= 60:
            break
        size -= 8
    sub_font = load_font(40)

    line_h = int(size * 1.3)
    gap = 50
    total = line_h * len(lines) + gap + 48
    y = (HEIGHT - total) // 2
    for line in lines:
        draw.text((WIDTH / 2, y + line_h / 2), line, font=title_font, fill="white", anchor="mm")
        y += line_h
    y += gap
    # thin rule above the subtitle
    draw.line([(WIDTH / 2 - 160, y - gap / 2), (WIDTH / 2 + 160, y - gap / 2)],
              fill=(255, 255, 255), width=2)
    draw.text((WIDTH / 2, y + 24), SUBTITLE, font=sub_font, fill=(255, 255, 255), anchor="mm")

    path.parent.mkdir(parents=True, exist_ok=True)
    quality = QUALITY
    img.save(path, "JPEG", quality=quality, optimize=True)
    while path.stat().st_size > MAX_BYTES and quality > 40:
        quality -= 10
        img.save(path, "JPEG", quality=quality, optimize=True)
    return path.stat().st_size


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--force", action="store_true", help="overwrite existing files")
    args = parser.parse_args()

    made = skipped = 0
    for section in SECTIONS:
        palettes = PALETTES[section]
        for i, yml in enumerate(sorted((DATA / section).glob("*.yml"))):
            entry = yaml.safe_load(yml.read_text(encoding="utf-8")) or {}
            label = (entry.get("name") or {}).get("vi") or yml.stem
            palette = BY_ID.get(yml.stem, palettes[i % len(palettes)])
            for item in entry.get("media") or []:
                image = item.get("image") if isinstance(item, dict) else None
                if not image:
                    continue
                out = DATA / "media" / yml.stem / image
                if out.exists() and not args.force:
                    skipped += 1
                    continue
                size = render(label, palette, out)
                made += 1
                print(f"{out.relative_to(ROOT)}  {size // 1024} KB")
    print(f"Đã tạo / created: {made}; bỏ qua (đã có) / skipped (exists): {skipped}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
