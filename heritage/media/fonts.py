"""The headings' typeface: Be Vietnam Pro Bold, subset to the letters headings use, as WOFF2.

Served from the site itself (no font service: no third-party request, and it works
offline); only headings use it, body text stays in the phone's own fonts, so the first
view stays light. The subset covers every letter of Vietnamese and of English, digits
and the punctuation the site prints: whatever an editor names an entry, its title has
its glyphs. The result is cached under .cache/fonts/ by the hash of the font file, the
character set and the subsetter's version, so a build subsets once.
"""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

from heritage.media.artwork import font_path
from heritage.media.cache import atomic_write

SETTINGS = "heading-font-v1"
# Vietnamese letters beyond ASCII: ă â đ ê ô ơ ư and every tone mark on every vowel.
VIETNAMESE = "ĂăÂâĐđÊêÔôƠơƯưĨĩŨũ" + "".join(chr(c) for c in range(0x1EA0, 0x1EFA))
LATIN_1 = "".join(chr(c) for c in range(0xC0, 0x100) if c not in (0xD7, 0xF7))  # names like Hué or Müller
PUNCTUATION = "–—‘’“”…·•›‹→←★©°«»"
CHARSET = "".join(chr(c) for c in range(0x20, 0x7F)) + LATIN_1 + VIETNAMESE + PUNCTUATION
# Kerning and the marks that stack tones on circumflexes; nothing else of the layout tables.
FEATURES = ["kern", "liga", "ccmp", "mark", "mkmk", "locl"]


def _key(source: bytes) -> str:
    import fontTools

    digest = hashlib.sha256(source + CHARSET.encode("utf-8") + f"{SETTINGS} {fontTools.version}".encode()).hexdigest()
    return digest[:20]


def subset_woff2(source: bytes) -> bytes:
    """The font's glyphs for CHARSET only, compressed as WOFF2 (needs the brotli package)."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = FEATURES
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6, 13, 14]  # keep the copyright and the licence (OFL)
    options.hinting = False  # screens at phone density render unhinted outlines well; 30% smaller
    font = TTFont(io.BytesIO(source))
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=CHARSET)
    subsetter.subset(font)
    out = io.BytesIO()
    font.flavor = "woff2"
    font.save(out)
    return out.getvalue()


def heading_font(cache_dir: Path) -> bytes:
    """The subset heading font, from the cache when the font and character set are unchanged."""
    source = font_path("Bold").read_bytes()
    cached = Path(cache_dir) / f"{_key(source)}.woff2"
    if cached.is_file():
        return cached.read_bytes()
    data = subset_woff2(source)
    atomic_write(cached, data)
    return data


def write_heading_font(site_root: Path, cache_dir: Path, site_path: str) -> Path:
    """Publish the heading font at `site_path` (heritage.urls.HEADING_FONT)."""
    target = Path(site_root) / site_path
    atomic_write(target, heading_font(cache_dir))
    return target
