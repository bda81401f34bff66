"""The licences a media item may carry (`licenses:` of data/vocabulary.yml) and their checks.

Why a vocabulary and not free text: the media bank offers a high-resolution download only for
an open licence, and embeds the licence's address in the file; a typo ("CC-BY") must be an
error an editor sees, never a photo silently withheld or, worse, published under no licence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from heritage.content.addresses import WebAddress
from heritage.content.messages import suggest
from heritage.content.schema import Text, VocabularyFile
from heritage.problems import Problem

if TYPE_CHECKING:
    from heritage.content.inventory import EntryRecord
    from heritage.content.sources import YamlDocument

VOCABULARY_FILE = "data/vocabulary.yml"
# The licences the bank may call open (issue 27: CC0, CC BY, CC BY-SA), known by their
# address: `open: true` on any other licence (NC, ND, "all rights reserved") is refused.
OPEN_LICENCE_URL = re.compile(r"^https://creativecommons\.org/(publicdomain/zero/1\.0|licenses/by(-sa)?/[0-9.]+)/?$")


class LicenceTerm(Text):
    """A licence's labels, the address of its text and whether it is open."""

    url: WebAddress | None = None
    open: bool = False


class VocabularyWithLicences(VocabularyFile):
    licenses: dict[str, LicenceTerm] = {}


@dataclass(frozen=True)
class Licence:
    name: str
    vi: str
    en: str
    url: str | None
    open: bool
    line: int | None = None  # in data/vocabulary.yml

    def label(self, lang: str) -> str:
        return self.vi if lang == "vi" else self.en


def licences_from(data: VocabularyWithLicences, doc: "YamlDocument | None") -> dict[str, Licence]:
    def line(name: str) -> int | None:
        return doc.line_of(("licenses", name)) if doc is not None else None

    return {str(name): Licence(str(name), t.vi, t.en, t.url, t.open, line(str(name))) for name, t in data.licenses.items()}


def vocabulary_problems(licences: dict[str, Licence]) -> list[Problem]:
    """`open: true` only on CC0, CC BY and CC BY-SA, known by their address."""
    out = []
    for licence in licences.values():
        if licence.open and not (licence.url and OPEN_LICENCE_URL.match(licence.url)):
            out.append(
                Problem(
                    VOCABULARY_FILE,
                    f"Giấy phép '{licence.name}' ghi `open: true` nhưng địa chỉ `url` ({licence.url or 'trống'}) không phải CC0, CC BY hay CC BY-SA của creativecommons.org.",
                    f"The licence '{licence.name}' says `open: true` but its `url` ({licence.url or 'empty'}) is not CC0, CC BY or CC BY-SA at creativecommons.org.",
                    "Chỉ giấy phép mở mới được tải bản chất lượng cao: ghi đúng địa chỉ, ví dụ https://creativecommons.org/licenses/by/4.0/, hoặc xóa `open: true`.",
                    "Only an open licence allows a high-resolution download: give its address, e.g. https://creativecommons.org/licenses/by/4.0/, or remove `open: true`.",
                    field=f"licenses.{licence.name}.open",
                    line=licence.line,
                )
            )
    return out


def media_problems(entry: "EntryRecord", licences: dict[str, Licence]) -> list[Problem]:
    """Every media item's `license` must be a name of the vocabulary (none listed: not checked,
    as before licences had a vocabulary: such a site offers no download at all)."""
    if not licences:
        return []
    out = []
    for index, item in enumerate(entry.data.media):
        if item.license in licences:
            continue
        hint = suggest(item.license, list(licences))
        out.append(
            Problem(
                entry.rel,
                f"Giấy phép '{item.license}' không có trong danh sách `licenses` của data/vocabulary.yml" + (f"; có phải ý bạn là '{hint}'?" if hint else "."),
                f"The licence '{item.license}' is not in the `licenses` list of data/vocabulary.yml" + (f"; did you mean '{hint}'?" if hint else "."),
                f"Chọn một trong: {', '.join(licences)} (hoặc thêm giấy phép vào data/vocabulary.yml).",
                f"Use one of: {', '.join(licences)} (or add the licence to data/vocabulary.yml).",
                field=f"media[{index}].license",
                line=entry.line("media", index, "license"),
            )
        )
    return out
