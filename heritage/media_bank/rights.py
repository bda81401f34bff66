"""The media bank's high-resolution JPEG: no position or camera data, the rights written in.

A journalist's download must carry its credit and licence wherever it is copied, so the file
holds them three ways that picture desks and Google Images read: XMP (dc:, xmpRights:,
photoshop:, plus:), IPTC IIM (the APP13 block older newsroom software reads) and EXIF's
Artist/Copyright. Nothing else of the original's metadata survives (`open_upright` drops it).
"""

from __future__ import annotations

import io
import struct
import unicodedata
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from PIL import Image

LONG_SIDE = 4000  # the bank's high resolution: never more, never larger than the original
JPEG_OPTIONS = {"quality": 90, "optimize": True, "progressive": True, "subsampling": "4:2:0"}


@dataclass(frozen=True)
class Rights:
    """What the download says about itself, in both languages where it is text."""

    creator: str
    credit_line: str  # "Ảnh / Photo: …, <site>"
    copyright_notice: str
    licence_url: str
    licensor_url: str  # where to read the terms and whom to credit: the item's entry page
    description: dict[str, str]  # vi, en

    def settings(self) -> str:
        """Everything written into the file: part of its cache key."""
        return repr((LONG_SIDE, JPEG_OPTIONS, self))


def _alt(values: dict[str, str]) -> str:
    first = next(iter(values.values()))
    items = [f'<rdf:li xml:lang="x-default">{escape(first)}</rdf:li>']
    items += [f"<rdf:li xml:lang={quoteattr(lang)}>{escape(text)}</rdf:li>" for lang, text in values.items()]
    return "<rdf:Alt>" + "".join(items) + "</rdf:Alt>"


def xmp_packet(rights: Rights) -> bytes:
    """An XMP packet (Adobe XMP spec part 1, IPTC Photo Metadata Standard's XMP names)."""
    body = f"""<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about=""
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:xmpRights="http://ns.adobe.com/xap/1.0/rights/"
 xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/"
 xmlns:plus="http://ns.useplus.org/ldf/xmp/1.0/"
 xmlns:cc="http://creativecommons.org/ns#">
<dc:creator><rdf:Seq><rdf:li>{escape(rights.creator)}</rdf:li></rdf:Seq></dc:creator>
<dc:rights>{_alt({"vi": rights.copyright_notice, "en": rights.copyright_notice})}</dc:rights>
<dc:description>{_alt(rights.description)}</dc:description>
<photoshop:Credit>{escape(rights.credit_line)}</photoshop:Credit>
<xmpRights:Marked>True</xmpRights:Marked>
<xmpRights:WebStatement>{escape(rights.licence_url)}</xmpRights:WebStatement>
<xmpRights:UsageTerms>{_alt({"vi": rights.licence_url, "en": rights.licence_url})}</xmpRights:UsageTerms>
<cc:license rdf:resource={quoteattr(rights.licence_url)}/>
<plus:Licensor><rdf:Seq><rdf:li rdf:parseType="Resource"><plus:LicensorURL>{escape(rights.licensor_url)}</plus:LicensorURL></rdf:li></rdf:Seq></plus:Licensor>
</rdf:Description></rdf:RDF></x:xmpmeta>"""
    return ('<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n' + body + '\n<?xpacket end="w"?>').encode("utf-8")


# IPTC IIM by hand: Pillow reads IPTC but writes none, and the Python IPTC writers (iptcinfo3)
# are unmaintained; the format is small (IIM 4.2: tag 0x1C, record, dataset, 2-byte length),
# wrapped in a Photoshop image resource (8BIM 0x0404) inside an APP13 segment.
_IIM = {"by_line": 80, "credit": 110, "copyright": 116, "caption": 120}
_IIM_LIMITS = {"by_line": 32, "credit": 32, "copyright": 128, "caption": 2000}  # bytes, per IIM 4.2


def _dataset(record: int, number: int, value: bytes) -> bytes:
    return struct.pack(">BBBH", 0x1C, record, number, len(value)) + value


def _clip(text: str, limit: int) -> bytes:
    """UTF-8 cut at `limit` bytes without splitting a letter."""
    return text.encode("utf-8")[:limit].decode("utf-8", "ignore").encode("utf-8")


def iptc_segment(rights: Rights) -> bytes:
    """An APP13 segment with the IIM by-line, credit, copyright notice and caption (UTF-8)."""
    caption = " / ".join(dict.fromkeys(rights.description.values()))
    iim = _dataset(1, 90, b"\x1b%G")  # coded character set: UTF-8
    iim += _dataset(2, 0, b"\x00\x04")  # record version 4
    for name, text in (("by_line", rights.creator), ("credit", rights.credit_line), ("copyright", rights.copyright_notice), ("caption", caption)):
        iim += _dataset(2, _IIM[name], _clip(text, _IIM_LIMITS[name]))
    if len(iim) % 2:
        iim += b"\x00"
    resource = b"8BIM" + struct.pack(">H", 0x0404) + b"\x00\x00" + struct.pack(">I", len(iim)) + iim
    payload = b"Photoshop 3.0\x00" + resource
    return b"\xff\xed" + struct.pack(">H", len(payload) + 2) + payload


def _with_segment(jpeg: bytes, segment: bytes) -> bytes:
    """Insert an APPn segment after the last of the leading APPn segments (JFIF, EXIF, XMP)."""
    pos = 2  # after SOI
    while jpeg[pos] == 0xFF and 0xE0 <= jpeg[pos + 1] <= 0xEF:
        pos += 2 + struct.unpack(">H", jpeg[pos + 2 : pos + 4])[0]
    return jpeg[:pos] + segment + jpeg[pos:]


def ascii_text(text: str) -> str:
    """EXIF's Artist and Copyright are ASCII: Vietnamese without its marks, not '?' (XMP and
    IPTC keep the full spelling)."""
    text = text.replace("đ", "d").replace("Đ", "D").replace("©", "(c)")
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def _exif(rights: Rights) -> Image.Exif:
    exif = Image.Exif()
    exif[0x013B] = ascii_text(rights.creator)  # Artist
    exif[0x8298] = ascii_text(rights.copyright_notice)  # Copyright
    return exif


def download_jpeg(image: Image.Image, rights: Rights) -> bytes:
    """The bank's JPEG of an upright, metadata-free image: at most LONG_SIDE on the long side."""
    image = image.copy()
    image.thumbnail((LONG_SIDE, LONG_SIDE), Image.LANCZOS)  # never enlarges
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", xmp=xmp_packet(rights), exif=_exif(rights), **JPEG_OPTIONS)
    return _with_segment(buffer.getvalue(), iptc_segment(rights))
