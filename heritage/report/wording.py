"""The yearly report's wording, in Vietnamese or English, as blocks both writers share.

`document(figures, lang)` turns the figures into headings, paragraphs, lists, tables and
chart references; `markdown()` prints them as Markdown and `heritage.report.word` as a Word
document in the administrative layout, so both show the same sections and the same
numbers (a test compares them with the CSV).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from heritage.content.translations import STATUS_LABELS
from heritage.i18n import format_day
from heritage.report.figures import MEDIA_KINDS, ReportFigures

LANGS = ("vi", "en")
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")


def file_stem(year: int, lang: str) -> str:
    """bao-cao-2026 (the office's files), report-2026 (the English version for partners)."""
    return f"bao-cao-{year}" if lang == "vi" else f"report-{year}"


@dataclass(frozen=True)
class Strong:
    """Text the reader must not miss: bold in both Markdown and Word."""

    text: str


Inline = str | Strong


@dataclass(frozen=True)
class Heading:
    text: str
    level: int  # 1: "I. …" (a part), 2: "1. …" (a point inside it)


@dataclass(frozen=True)
class Paragraph:
    parts: tuple[Inline, ...]


@dataclass(frozen=True)
class Bullets:
    items: tuple[tuple[Inline, ...], ...]


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[Inline, ...], ...]
    numeric: tuple[int, ...] = ()  # columns of numbers (right-aligned in Word)


@dataclass(frozen=True)
class Chart:
    key: str  # heritage.report.charts.CHARTS
    caption: str
    file: str = ""  # the PNG beside the report, for Markdown


Block = Heading | Paragraph | Bullets | Table | Chart


@dataclass(frozen=True)
class Document:
    lang: str
    year: int
    kind: str  # "BÁO CÁO" / "REPORT"
    subject: str
    intro: tuple[Paragraph, ...]
    body: tuple[Block, ...]
    closing: Paragraph


WORDS: dict[str, dict[str, str]] = {
    "kind": {"vi": "BÁO CÁO", "en": "REPORT"},
    "subject": {"vi": "Kết quả số hóa và quảng bá di sản văn hóa năm {year}", "en": "Digitising and promoting cultural heritage: results for {year}"},
    "md-title": {"vi": "Báo cáo kết quả số hóa và quảng bá di sản năm {year}", "en": "Digitising and promoting heritage: report for {year}"},
    "intro": {
        "vi": "Thực hiện {plan}, báo cáo kết quả số hóa và quảng bá di sản văn hóa năm {year}. Số liệu tính đến ngày {until}, lấy từ nội dung trang {site} của {ward}.",
        "en": "Under {plan}, this report gives the results of digitising and promoting the ward's cultural heritage in {year}. Figures up to {until}, taken from the content of the {site} site of the {ward}.",
    },
    "sample-note": {
        "vi": " {samples}/{entries} mục là nội dung minh họa, chưa được thẩm định; số liệu của chúng được tính riêng ở phần I.",
        "en": " {samples} of {entries} entries are illustrative content, not yet verified; part I counts them separately.",
    },
    "note": {"vi": "Lưu ý:", "en": "Note:"},
    "closing": {
        "vi": "Trên đây là báo cáo kết quả số hóa và quảng bá di sản văn hóa năm {year}; số liệu được tổng hợp tự động từ nội dung trang {site}./.",
        "en": "The figures of this report were compiled automatically from the content of the {site} site.",
    },
    # I
    "h-inventory": {"vi": "Danh mục di sản theo chuyên mục và xếp hạng", "en": "The inventory by section and ranking"},
    "col-section": {"vi": "Chuyên mục", "en": "Section"},
    "col-entries": {"vi": "Số mục", "en": "Entries"},
    "col-ranking": {"vi": "Xếp hạng", "en": "Ranking"},
    "col-samples": {"vi": "Trong đó minh họa (chưa thẩm định)", "en": "Of which illustrative (not verified)"},
    "total": {"vi": "Tổng", "en": "Total"},
    "chart-inventory": {"vi": "Biểu đồ {n}. Số mục theo chuyên mục", "en": "Chart {n}. Entries by section"},
    # II
    "h-changes": {"vi": "Mục thêm mới và cập nhật trong năm", "en": "Entries added and updated in the year"},
    "no-history": {
        "vi": "Không có lịch sử thay đổi (bản sao git rút gọn): chạy lại trong bản sao đầy đủ để có số liệu này.",
        "en": "No change history (shallow git clone): run again in a full clone to get these figures.",
    },
    "added": {"vi": "Thêm mới: ", "en": "Added: "},
    "updated": {"vi": "Cập nhật (đã có từ trước): ", "en": "Updated (existing before): "},
    "n-entries": {"vi": "{n} mục", "en": "{n} entries"},
    # III
    "h-media": {"vi": "Số hóa: ảnh, âm thanh, video", "en": "Digitisation: photos, audio, video"},
    "h-media-totals": {"vi": "Tư liệu số hiện có", "en": "Digital material held"},
    "h-media-months": {"vi": "Tư liệu số hóa theo tháng trong năm {year}", "en": "Material digitised per month in {year}"},
    "col-kind": {"vi": "Loại tư liệu", "en": "Kind"},
    "col-total": {"vi": "Tổng số", "en": "Total"},
    "col-in-year": {"vi": "Số hóa trong năm {year}", "en": "Digitised in {year}"},
    "col-month": {"vi": "Tháng", "en": "Month"},
    "chart-media": {"vi": "Biểu đồ {n}. Tư liệu số hóa theo tháng năm {year}", "en": "Chart {n}. Material digitised per month, {year}"},
    # IV
    "h-translations": {"vi": "Tài liệu song ngữ (bản dịch tiếng Anh)", "en": "Bilingual material (English translations)"},
    "translations-line": {
        "vi": "{pages} trang; {current} trang ({percent} %) có bản tiếng Anh cập nhật theo bản tiếng Việt.",
        "en": "{pages} pages; {current} ({percent} %) have an English version up to date with the Vietnamese.",
    },
    "col-status": {"vi": "Tình trạng", "en": "Status"},
    "col-pages": {"vi": "Số trang", "en": "Pages"},
    "chart-translations": {"vi": "Biểu đồ {n}. Tình trạng bản dịch tiếng Anh", "en": "Chart {n}. State of the English translations"},
    # V
    "h-column": {"vi": "Chuyên mục số: bài đăng theo tháng (yêu cầu ít nhất 1 bài/tháng)", "en": "The digital column: posts per month (at least one a month)"},
    "col-posts": {"vi": "Số bài (cả hai thứ tiếng)", "en": "Posts (both languages)"},
    "col-verdict": {"vi": "Đánh giá", "en": "Assessment"},
    "month-label": {"vi": "Tháng {month}/{year}", "en": "{name} {year}"},
    "met": {"vi": "đạt", "en": "met"},
    "excused": {"vi": "được miễn", "en": "excused"},
    "missed": {"vi": "THIẾU", "en": "MISSED"},
    "not-due": {"vi": "chưa đến hạn", "en": "not yet due"},
    "before-launch": {"vi": "trước khi ra mắt", "en": "before the launch"},
    "missed-list": {"vi": "Các tháng thiếu bài: {months}.", "en": "Months without a post: {months}."},
    "none-missed": {"vi": "Không có tháng nào thiếu bài.", "en": "No month went without a post."},
    "chart-column": {"vi": "Biểu đồ {n}. Bài đăng mỗi tháng so với yêu cầu 1 bài/tháng", "en": "Chart {n}. Posts per month against the one-a-month rule"},
    # VI
    "h-festivals": {"vi": "Lễ hội trong năm {year}", "en": "Festivals in {year}"},
    "col-festival": {"vi": "Lễ hội", "en": "Festival"},
    "col-dates": {"vi": "Thời gian (dương lịch)", "en": "Dates (solar calendar)"},
    "held": {"vi": "đã diễn ra", "en": "held"},
    "coming": {"vi": "sắp diễn ra", "en": "coming"},
    "no-festivals": {"vi": "Không có lễ hội nào trong năm.", "en": "No festival in the year."},
    # VII
    "h-priorities": {"vi": "Đề xuất ưu tiên bảo vệ", "en": "Proposed protection priorities"},
    "col-level": {"vi": "Mức", "en": "Level"},
    "col-names": {"vi": "Các mục", "en": "Entries"},
}

MONTH_NAMES_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December")


def w(key: str, lang: str, **values: object) -> str:
    text = WORDS[key][lang]
    return text.format(**values) if values else text


def month_label(month: dt.date, lang: str) -> str:
    return w("month-label", lang, month=month.month, year=month.year, name=MONTH_NAMES_EN[month.month - 1])


def short_month(month: int, lang: str) -> str:
    """'T1' … 'T12' / 'Jan' … 'Dec': chart axes."""
    return f"T{month}" if lang == "vi" else MONTH_NAMES_EN[month - 1][:3]


def _inventory(f: ReportFigures, lang: str) -> list[Block]:
    rows: list[tuple[Inline, ...]] = []
    for s in f.sections:
        ranks = "; ".join(f"{label[lang]}: {n}" for _, label, n in s.rankings) or "—"
        rows.append((s.label[lang], str(s.entries), ranks, str(s.samples)))
    rows.append((Strong(w("total", lang)), Strong(str(f.entries)), "", Strong(str(f.samples))))
    header = (w("col-section", lang), w("col-entries", lang), w("col-ranking", lang), w("col-samples", lang))
    return [Table(header, tuple(rows), numeric=(1, 3)), Chart("danh-muc", "chart-inventory")]


def _changes(f: ReportFigures, lang: str) -> list[Block]:
    if not f.history_known:
        return [Paragraph((w("no-history", lang),))]
    items = []
    for key, names in (("added", f.added), ("updated", f.updated)):
        listed = ": " + ", ".join(n[lang] for n in names) if names else ""
        items.append((w(key, lang), Strong(w("n-entries", lang, n=len(names))), listed))
    return [Bullets(tuple(items))]


def _media(f: ReportFigures, lang: str) -> list[Block]:
    totals = tuple((label[lang], str(f.media.totals[k]), str(f.media.in_year[k])) for k, label in MEDIA_KINDS.items())
    months = []
    for month in range(1, 13):
        counts = f.media.by_month[month]
        months.append((month_label(dt.date(f.year, month, 1), lang), *(str(counts[k]) for k in MEDIA_KINDS), str(f.media.month_total(month))))
    months.append((Strong(w("total", lang)), *(Strong(str(f.media.in_year[k])) for k in MEDIA_KINDS), Strong(str(sum(f.media.in_year.values())))))
    return [
        Heading(w("h-media-totals", lang), 2),
        Table((w("col-kind", lang), w("col-total", lang), w("col-in-year", lang, year=f.year)), totals, numeric=(1, 2)),
        Heading(w("h-media-months", lang, year=f.year), 2),
        Table((w("col-month", lang), *(label[lang] for label in MEDIA_KINDS.values()), w("col-total", lang)), tuple(months), numeric=(1, 2, 3, 4, 5)),
        Chart("so-hoa", "chart-media"),
    ]


def _translations(f: ReportFigures, lang: str) -> list[Block]:
    t = f.translations
    line = Paragraph((Strong(w("translations-line", lang, pages=t.pages, current=t.current, percent=t.percent)),))
    rows = tuple((STATUS_LABELS[key][lang], str(n)) for key, n in t.by_status.items() if n or key == "current")
    return [line, Table((w("col-status", lang), w("col-pages", lang)), rows, numeric=(1,)), Chart("ban-dich", "chart-translations")]


def _column(f: ReportFigures, lang: str) -> list[Block]:
    rows = []
    for m in f.column:
        verdict: Inline = Strong(w(m.state, lang)) if m.state == "missed" else w(m.state, lang)
        rows.append((month_label(m.month, lang), str(m.posts), verdict))
    missed = f.missed_months
    closing = w("missed-list", lang, months=", ".join(f"{m.month}/{m.year}" for m in missed)) if missed else w("none-missed", lang)
    header = (w("col-month", lang), w("col-posts", lang), w("col-verdict", lang))
    return [Table(header, tuple(rows), numeric=(1,)), Paragraph((closing,)), Chart("chuyen-muc", "chart-column")]


def _festivals(f: ReportFigures, lang: str) -> list[Block]:
    if not f.festivals:
        return [Paragraph((w("no-festivals", lang),))]
    rows = tuple((o.name[lang], f"{format_day(o.start, lang)} – {format_day(o.end, lang)}", w("held" if o.held else "coming", lang)) for o in f.festivals)
    return [Table((w("col-festival", lang), w("col-dates", lang), w("col-status", lang)), rows)]


def _priorities(f: ReportFigures, lang: str) -> list[Block]:
    rows = tuple((p.label[lang], str(len(p.names)), ", ".join(n[lang] for n in p.names) or "—") for p in f.priorities)
    return [Table((w("col-level", lang), w("col-entries", lang), w("col-names", lang)), rows, numeric=(1,))]


PARTS = (
    ("h-inventory", _inventory),
    ("h-changes", _changes),
    ("h-media", _media),
    ("h-translations", _translations),
    ("h-column", _column),
    ("h-festivals", _festivals),
    ("h-priorities", _priorities),
)


def document(f: ReportFigures, lang: str, chart_files: dict[str, str] | None = None) -> Document:
    """The report in one language; charts are numbered in order of appearance."""
    body: list[Block] = []
    charts = 0
    for number, (key, part) in enumerate(PARTS):
        heading = f"{ROMAN[number]}. {w(key, lang, year=f.year)}"
        body.append(Heading(heading, 1))
        points = 0
        for block in part(f, lang):
            if isinstance(block, Heading):
                points += 1
                block = Heading(f"{points}. {block.text}", 2)
            elif isinstance(block, Chart):
                charts += 1
                block = Chart(block.key, w(block.caption, lang, n=charts, year=f.year), (chart_files or {}).get(block.key, ""))
            body.append(block)
    intro = [Paragraph((w("intro", lang, plan=f.plan[lang], year=f.year, ward=f.ward[lang], site=f.site[lang], until=format_day(f.until, lang)),))]
    if f.samples:
        intro.append(Paragraph((Strong(w("note", lang)), w("sample-note", lang, samples=f.samples, entries=f.entries))))
    return Document(
        lang=lang,
        year=f.year,
        kind=w("kind", lang),
        subject=w("subject", lang, year=f.year),
        intro=tuple(intro),
        body=tuple(body),
        closing=Paragraph((w("closing", lang, year=f.year, site=f.site[lang]),)),
    )


def _inline(parts: tuple[Inline, ...]) -> str:
    return "".join(f"**{p.text}**" if isinstance(p, Strong) else p for p in parts)


def _cell(value: Inline) -> str:
    return _inline((value,)).replace("|", "\\|")


def markdown(doc: Document) -> str:
    """The report as Markdown (the office's working copy; charts are the PNGs beside it)."""
    title = w("md-title", doc.lang, year=doc.year)
    out = [f"# {title}", ""]
    for para in doc.intro:
        out += [_inline(para.parts), ""]
    for block in doc.body:
        if isinstance(block, Heading):
            out += [f"{'#' * (block.level + 1)} {block.text}", ""]
        elif isinstance(block, Paragraph):
            out += [_inline(block.parts), ""]
        elif isinstance(block, Bullets):
            out += [f"- {_inline(item)}" for item in block.items] + [""]
        elif isinstance(block, Table):
            out.append("| " + " | ".join(block.header) + " |")
            out.append("|" + "".join("---:|" if i in block.numeric else "---|" for i in range(len(block.header))))
            out += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in block.rows]
            out.append("")
        elif isinstance(block, Chart) and block.file:
            out += [f"![{block.caption}]({block.file})", "", f"*{block.caption}*", ""]
    out += ["---", "", _inline(doc.closing.parts)]
    return "\n".join(out).rstrip() + "\n"
