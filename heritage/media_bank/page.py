"""The media bank's page (/kho-anh/): the newest items as a plain list, the filters, every entry
with media and its press kit, and the ImageObject data of the open photos shown.

Why only FIRST items in the HTML: a province's bank holds thousands of items, and the page's
first view must stay under 150 KB; the page's script loads the language's index (`muc.json`)
when a visitor filters or asks for more. Without JavaScript the list by entry reaches every
item through its entry's page, where each photo is shown with its credit and licence.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from babel import Locale
from babel.numbers import format_decimal
from jinja2.utils import htmlsafe_json_dumps

from heritage import i18n, urls
from heritage.media_bank import items as bank_items
from heritage.media_bank.items import BankItem
from heritage.sections import COLUMN, ENTRY_SECTIONS, LANGUAGES

if TYPE_CHECKING:
    from heritage.pages.renderer import RenderData, Renderer

FIRST = 24  # items in the page's HTML

WORDS: dict[str, dict[str, str]] = {
    "intro": {
        "vi": "Ảnh, video và âm thanh về di sản của địa phương, cho báo chí, đơn vị du lịch và đối tác. Mục có giấy phép mở (CC0, CC BY, CC BY-SA) tải được bản chất lượng cao (cạnh dài tới 4.000 điểm ảnh, không lớn hơn ảnh gốc: mỗi liên kết ghi rõ kích thước), đã xóa vị trí và thông tin máy ảnh, có sẵn tác giả và giấy phép trong tệp. Mục khác: hãy hỏi tác giả hoặc phường trước khi dùng.",
        "en": "Photos, videos and recordings of the area's heritage, for the press, travel agencies and partners. Items under an open licence (CC0, CC BY, CC BY-SA) can be downloaded in high resolution (up to 4,000 pixels on the long side, never larger than the original: each link gives the size), with location and camera data removed and the author and licence written into the file. For other items, ask the author or the ward before use.",
    },
    "filter_section": {"vi": "Chuyên mục", "en": "Section"},
    "filter_kind": {"vi": "Loại", "en": "Kind"},
    "filter_licence": {"vi": "Giấy phép", "en": "Licence"},
    "all": {"vi": "Tất cả", "en": "All"},
    "open_only": {"vi": "Chỉ giấy phép mở (tải được)", "en": "Open licences only (downloadable)"},
    "empty": {"vi": "Không có mục nào khớp.", "en": "No item matches."},
    "more": {"vi": "Xem thêm", "en": "Show more"},
    "shown": {"vi": "Đang hiện {shown} trong {total} mục mới nhất. Xem tất cả theo từng mục bên dưới.", "en": "Showing the newest {shown} of {total} items. See all of them by entry below."},
    "download": {"vi": "Tải ảnh chất lượng cao", "en": "Download high resolution"},
    "download_file": {"vi": "Tải tệp", "en": "Download the file"},
    "ask": {"vi": "Không tải được bản gốc: muốn dùng, hãy hỏi {who}", "en": "No download: to use it, ask {who}"},
    "or_ward": {"vi": "hoặc {office}", "en": "or {office}"},
    "credit": {"vi": "Tác giả", "en": "Credit"},
    "licence": {"vi": "Giấy phép", "en": "Licence"},
    "date": {"vi": "Ngày", "en": "Date"},
    "of": {"vi": "Thuộc", "en": "From"},
    "press_kit": {"vi": "Bộ ảnh báo chí (ZIP)", "en": "Press kit (ZIP)"},
    "by_entry": {"vi": "Theo từng mục", "en": "By entry"},
    "copy_credit": {"vi": "Ghi nguồn khi dùng", "en": "Credit when used"},
    "ward_cover": {"vi": "Ảnh của phường", "en": "The ward's photo"},
}
KIND_LABELS = {
    "image": {"vi": "Ảnh", "en": "Photo"},
    "video": {"vi": "Video", "en": "Video"},
    "audio": {"vi": "Âm thanh", "en": "Audio"},
    "youtube": {"vi": "Video YouTube", "en": "YouTube video"},
}


def word(key: str, lang: str, **values: object) -> str:
    text = WORDS[key][lang]
    return text.format(**values) if values else text


def section_label(section: str, lang: str) -> str:
    return COLUMN.label(lang) if section == COLUMN.key else ENTRY_SECTIONS[section].label(lang)


@dataclass(frozen=True)
class ItemView:
    """One item as the page prints it: words of the page's language, addresses already relative."""

    section: str
    kind: str
    licence: str  # the vocabulary name, '-' for the ward's own cover (the filter's value)
    open: str  # 'yes' or 'no'
    image: object | None  # the web image of the thumbnail (a photo, or a video's poster)
    kind_label: str
    caption: str
    credit: str
    licence_label: str
    licence_url: str  # the licence's text, '' when the vocabulary gives none
    credit_lines: tuple[tuple[str, str], ...]  # (lang, "Ảnh: … / CC BY 4.0"): the page's language first
    date_iso: str
    date_text: str
    page: str
    name: str
    download: str  # the high-resolution JPEG, '' when none
    download_name: str  # its file name ('hoi-lim-1-1600.jpg')
    download_about: str  # "JPEG, 1.600 × 1.067 px, 58 KB"
    kit: str  # the entry's press kit, '' when none
    web_file: str  # an open audio or video file, '' when none
    ask: str  # whom to ask before use, '' for an open item


@dataclass(frozen=True)
class OwnerView:
    """An entry (or post) with media, in the list by entry."""

    page: str
    name: str
    section_label: str
    count: str
    kit: str


def _thumbnail(data: "RenderData", item: BankItem):
    if item.kind == "image":
        return data.media.images.get(item.source)
    clip = data.media.av.get(item.source)
    return clip.poster if clip is not None else None


@lru_cache(maxsize=16384)  # Babel's formatting: 1 ms a call, twice per photo per refresh; a download's page and the bank's index ask again
def file_about(width: int, height: int, size: int, lang: str) -> str:
    """'JPEG, 1,600 × 1,067 px, 58 KB' ('1.600 × 1.067' in Vietnamese): what a download is."""
    locale = _locale("vi" if lang == "vi" else "en")
    dims = f"{format_decimal(width, locale=locale)} × {format_decimal(height, locale=locale)} px"
    weight = f"{format_decimal(round(size / 1024), locale=locale)} KB" if size < 1024 * 1024 else f"{format_decimal(size / 1024 / 1024, '#,##0.0', locale=locale)} MB"
    return f"JPEG, {dims}, {weight}"


@lru_cache(maxsize=None)
def _locale(code: str) -> Locale:
    """Parsed once: given a name, Babel parses the locale again on every number it formats."""
    return Locale.parse(code)


def credit_lines(item: BankItem, vocab, lang: str) -> tuple[tuple[str, str], ...]:
    """The ready-to-copy credit in the page's language, then the other."""
    order = (lang, *[other for other in LANGUAGES if other != lang])
    short = {code: bank_items.short_label(vocab, item.licence, code) if item.licence else "" for code in order}
    return tuple((code, bank_items.credit_line(item.credit[code], short[code], code, item.kind)) for code in order)


def _item_view(data: "RenderData", r: "Renderer", item: BankItem, kits: dict[str, str], or_ward: str) -> ItemView:
    vocab = data.inventory.vocabulary
    lang = r.lang
    d = item.download
    terms = vocab.licence_terms.get(item.licence)
    return ItemView(
        section=item.section,
        kind=item.kind,
        licence=item.licence or "-",
        open="yes" if item.open else "no",
        image=_thumbnail(data, item),
        kind_label=KIND_LABELS[item.kind][lang],
        caption=item.caption[lang],
        credit=item.credit[lang],
        licence_label=vocab.label(vocab.licenses, item.licence, lang) if item.licence else word("ward_cover", lang),
        licence_url=(terms.url or "") if terms else "",
        credit_lines=credit_lines(item, vocab, lang),
        date_iso=item.date.isoformat() if item.date else "",
        date_text=i18n.format_day(item.date, lang) if item.date else "",
        page=r.href(item.page.get(lang) or item.page["vi"]),
        name=item.name.get(lang) or item.name["vi"],
        download=r.href(d.url) if d else "",
        download_name=d.name if d else "",
        download_about=file_about(d.width, d.height, d.size, lang) if d else "",
        kit=r.href(kits[item.owner]) if item.download and item.owner in kits else "",
        web_file=r.href(item.web_file) if item.open and item.web_file else "",
        ask="" if item.open else f"{word('ask', lang, who=item.credit[lang])} {or_ward}.",
    )


def _owner_views(r: "Renderer", bank: bank_items.Bank) -> list[OwnerView]:
    owners: dict[str, list[BankItem]] = {}
    for item in bank.items:
        owners.setdefault(item.owner, []).append(item)
    lang = r.lang
    return [
        OwnerView(
            page=r.href(its[0].page.get(lang) or its[0].page["vi"]),
            name=its[0].name.get(lang) or its[0].name["vi"],
            section_label=section_label(its[0].section, lang),
            count=i18n.count("items", len(its), lang),
            kit=r.href(bank.kits[owner]) if owner in bank.kits and its[0].section != COLUMN.key else "",
        )
        for owner, its in owners.items()
    ]


def media_bank(data: "RenderData", lang: str, base: str) -> str:
    """The block under the page's own Markdown."""
    from heritage.pages.renderer import Renderer

    r = Renderer(data, lang, base)
    bank = bank_items.bank_of(data)
    vocab = data.inventory.vocabulary
    used_sections = list(dict.fromkeys(i.section for i in bank.items))
    used_kinds = [k for k in bank_items.KINDS if any(i.kind == k for i in bank.items)]
    used_licences = [name for name in vocab.licenses if any(i.licence == name for i in bank.items)]
    contact = data.settings.contact
    reach = ", ".join(x for x in (contact.email, contact.phone) if x) if contact else ""
    office = contact.office(lang) if contact else data.settings.ward(lang)
    or_ward = word("or_ward", lang, office=f"{office} ({reach})" if reach else office)
    first = bank.items[:FIRST]
    total = len(bank.items)
    words = {key: word(key, lang) for key in WORDS}
    # What the page's script needs to draw the items it loads (sorted keys, escaped for HTML as
    # Jinja2's `tojson` does: the attribute's bytes stay those of the filter's former output).
    script_words = {
        **{key: words[key] for key in ("credit", "licence", "of", "download", "download_file", "press_kit", "copy_credit")},
        "ask": word("ask", lang, who="{who}"),
        "or_ward": or_ward,
        "kinds": {kind: KIND_LABELS[kind][lang] for kind in bank_items.KINDS},
    }
    return r.render(
        "media_bank.html",
        words=words,
        items=[_item_view(data, r, item, bank.kits, or_ward) for item in first],
        owners=_owner_views(r, bank),
        sections=[(s, section_label(s, lang)) for s in used_sections],
        kinds=[(k, KIND_LABELS[k][lang]) for k in used_kinds],
        licences=[(name, vocab.licenses[name][lang]) for name in used_licences],
        count=i18n.count("items", total, lang),
        count_forms=i18n.PLURALS["items"][lang],
        shown=word("shown", lang, shown=len(first), total=total) if total > len(first) else "",
        total=total,
        index=r.href(bank_items.index_url(lang)),
        script_words=str(htmlsafe_json_dumps(script_words, sort_keys=True)),
    )


def image_objects(site, lang: str) -> dict:
    """schema.org ImageObject of each open photo the page shows (what Google Images calls
    licensable): licence, where to acquire it, credit, creator, copyright notice."""
    data = site.render_data
    bank = bank_items.bank_of(data)
    page = site.absolute(urls.page(lang, bank_items.BANK))
    nodes = []
    for item in bank.items[:FIRST]:
        if item.download is None:
            continue
        rights = item.download.rights
        image = data.media.images[item.source]
        nodes.append({
            "@type": "ImageObject",
            "contentUrl": site.absolute(item.download.url),
            "thumbnailUrl": site.absolute(image.closest(480).urls["jpg"]),
            "caption": item.caption[lang],
            "license": rights.licence_url,
            "acquireLicensePage": site.absolute(item.page.get(lang) or item.page["vi"]),
            "creditText": rights.credit_line[lang],
            "creator": {"@type": "Person", "name": rights.creator},
            "copyrightNotice": rights.copyright_notice[lang],
            **({"dateCreated": item.date.isoformat()} if item.date else {}),
        })
    return {"@context": "https://schema.org", "@type": "CollectionPage", "url": page, "inLanguage": lang, "hasPart": nodes}
