"""The media bank's high-resolution JPEG: no position or camera data, the rights written in.

A journalist's download must carry its credit and licence wherever it is copied, so the file
holds them three ways that picture desks and Google Images read: XMP (dc:, xmpRights:,
photoshop:, plus:), IPTC IIM (the APP13 block older newsroom software reads) and EXIF's
Artist/Copyright. Nothing else of the original's metadata survives (`open_upright` drops it).
"""

from __future__ import annotations

import io
import struct
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from PIL import Image

LONG_SIDE = 4000  # the bank's high resolution: never more, never larger than the original
JPEG_OPTIONS = {"quality": 90, "optimize": True, "progressive": True, "subsampling": "4:2:0"}


@dataclass(frozen=True)
class Rights:
    """What the download says about itself, in both languages where it is text."""

    creator: str  # as the editor wrote it for Vietnamese pages
    credit_line: dict[str, str]  # vi, en: "Ảnh: … / CC BY 4.0", ready to print under the photo
    copyright_notice: dict[str, str]  # vi, en: "© …, CC BY 4.0"; CC0: no rights reserved, no ©
    licence_url: str
    licensor_url: str  # where to read the terms and whom to credit: the item's entry page
    description: dict[str, str]  # vi, en

    def settings(self) -> str:
        """Everything written into the file: part of its cache key."""
        return repr((LONG_SIDE, JPEG_OPTIONS, self))

    def terms(self) -> dict[str, str]:
        """The full credit and licence (XMP's UsageTerms, IPTC's caption): no length limit."""
        return {lang: f"{self.credit_line[lang]} — {self.copyright_notice[lang]} — {self.licence_url}".rstrip(" —") for lang in self.credit_line}


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
<dc:rights>{_alt(rights.copyright_notice)}</dc:rights>
<dc:description>{_alt(rights.description)}</dc:description>
<photoshop:Credit>{escape(rights.credit_line["vi"])}</photoshop:Credit>
<xmpRights:Marked>True</xmpRights:Marked>
<xmpRights:WebStatement>{escape(rights.licence_url)}</xmpRights:WebStatement>
<xmpRights:UsageTerms>{_alt(rights.terms())}</xmpRights:UsageTerms>
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


def fit(text: str, limit: int) -> bytes:
    """UTF-8 of `text` within `limit` bytes: whole, or cut at a word boundary with '…' (a
    name cut mid-word reads as a different name); a single over-long word is cut by letters."""
    data = text.encode("utf-8")
    if len(data) <= limit:
        return data
    room = limit - len("…".encode("utf-8"))
    head = data[: room + 1].decode("utf-8", "ignore")
    cut = head.rsplit(" ", 1)[0] if " " in head else head[:-1]
    cut = cut.rstrip(" ,.;:—-/(")
    while len(cut.encode("utf-8")) > room:
        cut = cut[:-1]
    return (cut + "…").encode("utf-8")


def iptc_segment(rights: Rights) -> bytes:
    """An APP13 segment with the IIM by-line, credit, copyright notice and caption (UTF-8).
    The short fields hold what fits; the caption holds both descriptions with the full credit."""
    parts = [*dict.fromkeys(rights.description.values()), *dict.fromkeys(rights.terms().values())]
    caption = "\n".join(p for p in parts if p)
    iim = _dataset(1, 90, b"\x1b%G")  # coded character set: UTF-8
    iim += _dataset(2, 0, b"\x00\x04")  # record version 4
    fields = (("by_line", rights.creator), ("credit", rights.creator), ("copyright", rights.copyright_notice["vi"]), ("caption", caption))
    for name, text in fields:
        iim += _dataset(2, _IIM[name], fit(text, _IIM_LIMITS[name]))
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


def with_xmp(jpeg: bytes, rights: Rights) -> bytes:
    """A JPEG made elsewhere (a web size) with the rights' XMP added, its pixels untouched."""
    packet = b"http://ns.adobe.com/xap/1.0/\x00" + xmp_packet(rights)
    return _with_segment(jpeg, b"\xff\xe1" + struct.pack(">H", len(packet) + 2) + packet)


def exif(rights: Rights) -> Image.Exif:
    """Artist and Copyright in UTF-8 (what exiftool and most photo desks read EXIF strings as):
    the name keeps its diacritics. Given as bytes, Pillow writes them unchanged."""
    out = Image.Exif()
    out[0x013B] = rights.creator.encode("utf-8")  # Artist
    out[0x8298] = " / ".join(dict.fromkeys(rights.copyright_notice.values())).encode("utf-8")  # Copyright
    return out


def download_jpeg(image: Image.Image, rights: Rights) -> tuple[bytes, tuple[int, int]]:
    """The bank's JPEG of an upright, metadata-free image: at most LONG_SIDE on the long side;
    with its pixel size."""
    image = image.copy()
    image.thumbnail((LONG_SIDE, LONG_SIDE), Image.LANCZOS)  # never enlarges
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", xmp=xmp_packet(rights), exif=exif(rights), **JPEG_OPTIONS)
    return _with_segment(buffer.getvalue(), iptc_segment(rights)), image.size
