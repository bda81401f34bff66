"""What the media bank lists: every photo, video and audio item of every entry, and the column
posts' own covers, each with its licence, credit, date, page and (open licences only) download.

The downloads are made (or found in the cache) when the bank is first asked for, before the
build forks: the pages print each file's pixel size and weight. A download's name says what it
is (`hoi-lim-1-1600.jpg`: entry, item number, width); the cache key of the original's content
and of the rights written into it is the folder, so a changed photo gets a new address.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from heritage import memo, urls
from heritage.content.licences import VOCABULARY_FILE
from heritage.media_bank.rights import Rights
from heritage.sections import COLUMN, ENTRY_SECTIONS, LANGUAGES

if TYPE_CHECKING:
    from heritage.content.inventory import EntryRecord
    from heritage.pages.renderer import RenderData

BANK = urls.BANK  # /kho-anh/ and /en/kho-anh/ (contract)
INDEX_FILE = "muc.json"  # every item of a language, loaded by the page's script on demand
SETTINGS = "bank-v2"
KINDS = ("image", "video", "audio", "youtube")


@dataclass(frozen=True)
class Download:
    key: str  # cache key
    source: str  # media key of the original
    rights: Rights
    stem: str  # '<entry>-<item number>': the file's name without its width
    width: int = 0  # known once made (`downloads.make_downloads`)
    height: int = 0
    size: int = 0  # bytes

    @property
    def name(self) -> str:
        """The file's name, in the site and in the press kit: ASCII, says what it is."""
        return f"{self.stem}-{self.width}.jpg"

    @property
    def url(self) -> str:
        owner = self.stem.rsplit("-", 1)[0]
        return f"{urls.MEDIA}/{owner}/{self.key[:10]}/{self.name}"


@dataclass(frozen=True)
class BankItem:
    source: str  # media key '<id>/<path>', or 'youtube:<id>'
    kind: str
    section: str  # an entry section, or the column's
    owner: str  # entry id, or post slug
    licence: str  # a vocabulary name; '' for a post's own cover (the ward's)
    open: bool
    credit: dict[str, str]
    caption: dict[str, str]  # the caption, else the alt text
    alt: dict[str, str] | None
    date: dt.date | None
    page: dict[str, str]  # lang → site path of the entry or post
    name: dict[str, str]  # lang → the entry's or post's name
    download: Download | None = None
    web_file: str | None = None  # an open audio or video: the published file itself


@dataclass
class Bank:
    items: list[BankItem] = field(default_factory=list)
    kits: dict[str, str] = field(default_factory=dict)  # entry id → site path of its press kit

    def downloads(self) -> list[Download]:
        return [i.download for i in self.items if i.download is not None]

    def download_for(self, source: str) -> Download | None:
        return next((i.download for i in self.items if i.source == source and i.download), None)

    def by_owner(self, owner: str) -> list[BankItem]:
        return [i for i in self.items if i.owner == owner]


def kit_url(entry_id: str) -> str:
    return f"{urls.MEDIA}/{entry_id}/{entry_id}-press-kit.zip"


def index_url(lang: str) -> str:
    return f"{urls.page(lang, BANK)}{INDEX_FILE}"


CREDIT_WORD = {  # what a credit line starts with, by kind: "Ảnh: …", "Video: …"
    "image": {"vi": "Ảnh", "en": "Photo"},
    "video": {"vi": "Video", "en": "Video"},
    "youtube": {"vi": "Video", "en": "Video"},
    "audio": {"vi": "Âm thanh", "en": "Audio"},
}
NO_RIGHTS = {"vi": "Không bảo lưu quyền nào ({licence})", "en": "No rights reserved ({licence})"}
PUBLIC_DOMAIN = "publicdomain/zero/"  # CC0's address: a dedication, so no © on it


def short_label(vocab, licence: str, lang: str) -> str:
    """'CC BY 4.0' of 'CC BY 4.0 (free to use with credit)': the name a credit line carries."""
    return vocab.label(vocab.licenses, licence, lang).split(" (", 1)[0].strip() or licence


def credit_line(credit: str, licence_short: str, lang: str, kind: str = "image") -> str:
    """The line to print under the photo: 'Ảnh: Nguyễn Văn A / CC BY 4.0'."""
    word = CREDIT_WORD[kind][lang]
    return f"{word}: {credit} / {licence_short}" if licence_short else f"{word}: {credit}"


def _rights(data: "RenderData", entry: "EntryRecord", item) -> Rights:
    vocab = data.inventory.vocabulary
    licence = vocab.licence_terms[item.license]
    short = {lang: short_label(vocab, item.license, lang) for lang in LANGUAGES}
    credit = {lang: item.credit_text(lang) for lang in LANGUAGES}
    dedicated = PUBLIC_DOMAIN in (licence.url or "")
    text = {lang: (item.caption or item.alt)(lang) for lang in LANGUAGES}
    page = urls.absolute(data.site_url, entry.url("vi")) if data.site_url else entry.url("vi")
    return Rights(
        creator=credit["vi"],
        credit_line={lang: credit_line(credit[lang], short[lang], lang) for lang in LANGUAGES},
        copyright_notice={lang: NO_RIGHTS[lang].format(licence=short[lang]) if dedicated else f"© {credit[lang]}, {short[lang]}" for lang in LANGUAGES},
        licence_url=licence.url or "",
        licensor_url=page,
        description=text,
    )


def _download(data: "RenderData", entry: "EntryRecord", item, index: int) -> Download | None:
    source = urls.media_key(entry.id, item.path)
    if item.kind != "image" or source not in data.media.images:
        return None  # an image the library could not read is reported there
    rights = _rights(data, entry, item)
    key = data.media.cache.key(data.media.cache.content_hash(data.media.original(source)), SETTINGS + rights.settings())
    return Download(key, source, rights, f"{entry.id}-{index + 1}")


def _entry_items(data: "RenderData", entry: "EntryRecord") -> list[BankItem]:
    vocab = data.inventory.vocabulary
    out = []
    for index, item in enumerate(entry.data.media):
        is_open = vocab.is_open(item.license)
        source = f"youtube:{item.youtube}" if item.kind == "youtube" else urls.media_key(entry.id, item.path)
        av = data.media.av.get(source)
        out.append(
            BankItem(
                source=source,
                kind=item.kind,
                section=entry.section,
                owner=entry.id,
                licence=item.license,
                open=is_open,
                credit={lang: item.credit_text(lang) for lang in LANGUAGES},
                caption={lang: (item.caption or item.alt)(lang) if (item.caption or item.alt) else entry.name(lang) for lang in LANGUAGES},
                alt={lang: item.alt(lang) for lang in LANGUAGES} if item.alt else None,
                date=item.date,
                page={lang: entry.url(lang) for lang in LANGUAGES},
                name={lang: entry.name(lang) for lang in LANGUAGES},
                download=_download(data, entry, item, index) if is_open else None,
                web_file=av.url if (is_open and av is not None) else None,
            )
        )
    return out


def _kept_entry_items(data: "RenderData", entry: "EntryRecord", vocabulary: object) -> list[BankItem]:
    """An entry's items; in the live preview, those of the last build while its file, its
    originals, the vocabulary (`vocabulary`: its file's stamp), the site's address and what
    the media library made of its files are the same."""
    media = data.media
    if getattr(media, "memo", None) is None:
        return _entry_items(data, entry)
    sources = [urls.media_key(entry.id, i.path) for i in entry.data.media if i.kind != "youtube"]
    made = tuple((s, s in media.images, getattr(media.av.get(s), "url", None)) for s in sources)
    paths = [media.root / entry.rel, *(media.original(s) for s in sources)]
    return memo.per_file(media.memo, ("bank", entry.rel), paths, lambda: _entry_items(data, entry), depends=(vocabulary, data.site_url, made))


def _cover_items(data: "RenderData", listed: set[str]) -> list[BankItem]:
    """Covers uploaded for a post (not an entry's photo): the ward's, without a licence."""
    out: dict[str, BankItem] = {}
    ward = {lang: data.settings.ward(lang) for lang in LANGUAGES}
    for lang in LANGUAGES:
        for post in data.inventory.published_posts(lang, data.today):
            cover = post.meta.cover
            if not cover or cover in listed or cover not in data.media.images:
                continue
            item = out.get(cover)
            page = {**(item.page if item else {}), lang: post.url(lang)}
            name = {**(item.name if item else {}), lang: post.meta.title}
            out[cover] = BankItem(cover, "image", COLUMN.key, post.slug, "", False, ward, {**name}, None, post.date, page, name)
    return list(out.values())


def collect(data: "RenderData") -> Bank:
    """Every item, newest dated first (undated last), then by section and entry order."""
    bank = Bank()
    order = {key: i for i, key in enumerate(ENTRY_SECTIONS)}
    vocabulary = memo.stamp(data.media.root / VOCABULARY_FILE) if getattr(data.media, "memo", None) is not None else None
    for entry in sorted(data.inventory.entries.values(), key=lambda e: (order[e.section], e.id)):
        items = _kept_entry_items(data, entry, vocabulary)
        bank.items.extend(items)
        if any(i.download for i in items):
            bank.kits[entry.id] = kit_url(entry.id)
    bank.items.extend(_cover_items(data, {i.source for i in bank.items}))
    bank.items.sort(key=lambda i: (i.date is None, -(i.date.toordinal() if i.date else 0)))
    return bank


_BANK: list[tuple["RenderData", Bank]] = []


def _with_sizes(data: "RenderData", bank: Bank) -> Bank:
    """The bank with its downloads made: each knows its pixel size and weight; an original
    that could not be read (reported by the web images) offers none."""
    from heritage.media_bank.downloads import make_downloads

    made = make_downloads(data, bank)
    items = []
    for item in bank.items:
        d = item.download
        if d is not None:
            d = replace(d, **made[d.key]) if d.key in made else None
            item = replace(item, download=d)
        items.append(item)
    offered = {i.owner for i in items if i.download}
    kits = {owner: url for owner, url in bank.kits.items() if owner in offered}
    return Bank(items, kits)


def bank_of(data: "RenderData") -> Bank:
    """One Bank per content state (the page of each language and the writer share it)."""
    if not _BANK or _BANK[0][0] is not data:
        _BANK[:] = [(data, _with_sizes(data, collect(data)))]
    return _BANK[0][1]
