"""The yearly report for the ward's culture office (due before 25 October each year): the figures.

Every count is computed once, here, into `ReportFigures`; the Markdown, the CSV, the
Word document and the charts only format it (heritage.report.wording, .word, .charts; heritage.report.write puts them together),
so the three outputs can never disagree. Every count comes from the content: post
dates, media dates, festival dates and, for "added" and "updated", the git history of
each file; nothing is dated by when the report was run, except that months after
`until` are not yet due.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections import Counter
from dataclasses import dataclass
from typing import Literal

from heritage import urls
from heritage.calendar import festivals
from heritage.column.rules import months, months_with_posts
from heritage.content import history, translations
from heritage.content.inventory import Inventory
from heritage.content.settings import Settings
from heritage.outputs.opendata import spreadsheet_safe
from heritage.pages.theme_colors import DEFAULT_PRIMARY
from heritage.problems import Problem
from heritage.sections import ENTRY_SECTIONS
from heritage.text import vi_sort_key

Bilingual = dict[str, str]  # {"vi": …, "en": …}
MEDIA_KINDS: dict[str, Bilingual] = {
    "image": {"vi": "Ảnh", "en": "Photos"},
    "audio": {"vi": "Âm thanh", "en": "Audio"},
    "video": {"vi": "Video (tệp)", "en": "Video (files)"},
    "youtube": {"vi": "Video (YouTube)", "en": "Video (YouTube)"},
}
MonthState = Literal["met", "excused", "missed", "not-due", "before-launch"]


@dataclass(frozen=True)
class SectionFigures:
    key: str
    label: Bilingual
    entries: int
    samples: int
    rankings: tuple[tuple[str, Bilingual, int], ...]  # (ranking key, label, count), by key


@dataclass(frozen=True)
class MediaFigures:
    totals: dict[str, int]  # kind → items in the inventory
    in_year: dict[str, int]  # kind → items digitised in the year, up to `until`
    by_month: dict[int, dict[str, int]]  # month 1-12 → kind → items digitised that month

    def month_total(self, month: int) -> int:
        return sum(self.by_month[month].values())


@dataclass(frozen=True)
class TranslationFigures:
    pages: int
    current: int
    by_status: dict[str, int]  # every status of translations.STATUS_LABELS, zeros included

    @property
    def percent(self) -> int:
        return round(100 * self.current / self.pages) if self.pages else 0


@dataclass(frozen=True)
class ColumnMonth:
    month: dt.date
    posts: int
    state: MonthState


@dataclass(frozen=True)
class FestivalFigures:
    name: Bilingual
    start: dt.date
    end: dt.date
    held: bool  # over by `until`


@dataclass(frozen=True)
class PriorityFigures:
    key: str
    label: Bilingual
    names: tuple[Bilingual, ...]  # Vietnamese alphabetical order


@dataclass(frozen=True)
class ReportFigures:
    """Everything the yearly report says, in both languages, computed once."""

    year: int
    until: dt.date
    ward: Bilingual
    site: Bilingual  # the site's name
    plan: Bilingual  # the plan the report answers (data/site.yml report.plan)
    sections: tuple[SectionFigures, ...]
    history_known: bool  # False in a shallow clone: added/updated cannot be told
    added: tuple[Bilingual, ...]
    updated: tuple[Bilingual, ...]
    media: MediaFigures
    translations: TranslationFigures
    column: tuple[ColumnMonth, ...]  # the twelve months of the year
    festivals: tuple[FestivalFigures, ...]
    priorities: tuple[PriorityFigures, ...]
    primary: str = DEFAULT_PRIMARY  # the ward's colour (data/site.yml colors.primary): the charts' main bars

    @property
    def entries(self) -> int:
        return sum(s.entries for s in self.sections)

    @property
    def samples(self) -> int:
        return sum(s.samples for s in self.sections)

    @property
    def missed_months(self) -> list[dt.date]:
        return [m.month for m in self.column if m.state == "missed"]

    def csv_rows(self) -> list[tuple[str, str, str]]:
        """(group, item, value): the machine-readable report; keys are stable ASCII."""
        rows: list[tuple[str, str, object]] = []
        for section in self.sections:
            rows.append(("danh-muc", section.key, section.entries))
            rows += [("xep-hang", f"{section.key}/{rank}", n) for rank, _, n in section.rankings]
        rows.append(("danh-muc", "tong", self.entries))
        rows.append(("danh-muc", "minh-hoa", self.samples))
        if self.history_known:
            rows += [("thay-doi", "them-moi", len(self.added)), ("thay-doi", "cap-nhat", len(self.updated))]
        for kind in MEDIA_KINDS:
            rows.append(("so-hoa", kind, self.media.totals[kind]))
            rows.append(("so-hoa-trong-nam", kind, self.media.in_year[kind]))
        for month in range(1, 13):
            stamp = f"{self.year}-{month:02d}"
            rows += [("so-hoa-theo-thang", f"{stamp}/{kind}", self.media.by_month[month][kind]) for kind in MEDIA_KINDS]
            rows.append(("so-hoa-theo-thang", stamp, self.media.month_total(month)))
        rows += [("ban-dich", "trang", self.translations.pages), ("ban-dich", "da-cap-nhat", self.translations.current)]
        rows.append(("ban-dich", "ty-le-phan-tram", self.translations.percent))
        rows += [("ban-dich-tinh-trang", status, n) for status, n in self.translations.by_status.items()]
        rows += [("chuyen-muc", f"{m.month.year}-{m.month.month:02d}", m.posts) for m in self.column]
        rows.append(("chuyen-muc", "thang-thieu", len(self.missed_months)))
        rows.append(("le-hoi", "so-le-hoi", len(self.festivals)))
        rows += [("uu-tien", p.key, len(p.names)) for p in self.priorities]
        return [(group, item, str(value)) for group, item, value in rows]

    def csv(self) -> bytes:
        """UTF-8 with BOM and CRLF, so that Excel opens it with the diacritics right."""
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(["nhom", "muc", "gia_tri"])
        writer.writerows([spreadsheet_safe(cell) for cell in row] for row in self.csv_rows())
        return buffer.getvalue().encode("utf-8-sig")


def _entry_files(entry) -> list[str]:
    return [entry.rel, f"docs/vi/{entry.section}/{entry.id}.md", f"docs/en/{entry.section}/{entry.id}.md"]


def _names(entry) -> Bilingual:
    return {"vi": entry.name("vi"), "en": entry.name("en")}


def _sections(inv: Inventory) -> tuple[SectionFigures, ...]:
    out = []
    for key, section in ENTRY_SECTIONS.items():
        entries = [e for e in inv.entries.values() if e.section == key]
        ranks = Counter(e.data.ranking for e in entries if e.data.ranking)
        rankings = tuple(
            (rank, {lang: inv.vocabulary.ranking_label(key, rank, lang) for lang in ("vi", "en")}, n) for rank, n in sorted(ranks.items())
        )
        out.append(SectionFigures(key, {"vi": section.vi, "en": section.en}, len(entries), sum(e.data.sample for e in entries), rankings))
    return tuple(out)


def _changes(inv: Inventory, dates: dict, year: int, until: dt.date) -> tuple[tuple[Bilingual, ...], tuple[Bilingual, ...]]:
    """Entries whose first commit falls in the year (added), or only their last one (updated)."""
    added, updated = [], []
    for entry in inv.entries.values():
        known = [dates[f] for f in _entry_files(entry) if f in dates]
        if not known:
            continue
        first = min(d[0] for d in known)
        last = max(d[1] for d in known)
        if first.year == year and first <= until:
            added.append(_names(entry))
        elif last.year == year and last <= until:
            updated.append(_names(entry))
    return tuple(added), tuple(updated)


def _media(inv: Inventory, dates: dict, year: int, until: dt.date) -> MediaFigures:
    """An item counts as digitised on its own `date`, else on the day its file was first committed."""
    totals: Counter = Counter()
    by_month = {month: {kind: 0 for kind in MEDIA_KINDS} for month in range(1, 13)}
    for entry in inv.entries.values():
        for item in entry.data.media:
            totals[item.kind] += 1
            day = item.date
            if day is None and item.kind != "youtube":
                day = dates.get(urls.media_source(entry.id, item.path), (None, None))[0]
            if day is not None and day.year == year and day <= until:
                by_month[day.month][item.kind] += 1
    in_year = {kind: sum(by_month[m][kind] for m in by_month) for kind in MEDIA_KINDS}
    return MediaFigures({kind: totals[kind] for kind in MEDIA_KINDS}, in_year, by_month)


def _translations(inv: Inventory) -> TranslationFigures:
    pairs = translations.survey(inv.root)
    status = Counter(p.status for p in pairs)
    return TranslationFigures(len(pairs), status.get("current", 0), {key: status.get(key, 0) for key in translations.STATUS_LABELS})


def _column(inv: Inventory, settings: Settings, year: int, until: dt.date) -> tuple[ColumnMonth, ...]:
    covered = months_with_posts(inv, until)
    launch = settings.column.launch_month
    out = []
    for month in months(dt.date(year, 1, 1), dt.date(year, 12, 1)):
        count = len(covered.get(month, []))
        state: MonthState
        if month in settings.column.excused_months:
            state = "excused"
        elif count:
            state = "met"
        elif month >= until.replace(day=1):
            state = "not-due"
        elif month < launch:
            state = "before-launch"
        else:
            state = "missed"
        out.append(ColumnMonth(month, count, state))
    return tuple(out)


def _festivals(inv: Inventory, year: int, until: dt.date) -> tuple[FestivalFigures, ...]:
    held = festivals.between(inv, dt.date(year, 1, 1), dt.date(year, 12, 31))
    return tuple(FestivalFigures(_names(o.entry), o.start, o.end, o.end <= until) for o in held)


def _priorities(inv: Inventory) -> tuple[PriorityFigures, ...]:
    out = []
    for key, labels in inv.vocabulary.priorities.items():
        chosen = sorted((e for e in inv.entries.values() if e.data.priority == key), key=lambda e: vi_sort_key(e.name("vi")))
        out.append(PriorityFigures(key, {"vi": labels["vi"], "en": labels["en"]}, tuple(_names(e) for e in chosen)))
    return tuple(out)


def compute(inv: Inventory, settings: Settings, year: int, until: dt.date) -> ReportFigures:
    """The one computation behind every output of the report."""
    dates = history.file_dates(inv.root, history.head_of(inv.root))
    added, updated = _changes(inv, dates, year, until) if dates else ((), ())
    return ReportFigures(
        year=year,
        until=until,
        ward={"vi": settings.ward.vi, "en": settings.ward.en},
        site={"vi": settings.site_name.vi, "en": settings.site_name.en},
        plan={"vi": settings.report.plan.vi, "en": settings.report.plan.en},
        sections=_sections(inv),
        history_known=bool(dates),
        added=added,
        updated=updated,
        media=_media(inv, dates, year, until),
        translations=_translations(inv),
        column=_column(inv, settings, year, until),
        festivals=_festivals(inv, year, until),
        priorities=_priorities(inv),
        primary=settings.colors.primary,
    )


def check_period(year_arg: str | None, until_arg: str | None, now: dt.date) -> tuple[list[Problem], int | None, dt.date | None]:
    """--year and --until, checked like content: every problem at once, in both languages.

    Without --until the report counts up to today, or to 31 December for a past year.
    """
    where = "python -m heritage report"
    problems: list[Problem] = []
    year: int | None = None
    until: dt.date | None = None
    if year_arg is None:
        problems.append(Problem(where, "Thiếu năm cần báo cáo.", "The year to report on is missing.", f"Thêm --year, ví dụ --year {now.year}.", f"Add --year, e.g. --year {now.year}.", field="--year"))
    elif not year_arg.strip().isdigit() or not 2000 <= int(year_arg) <= now.year:
        problems.append(Problem(
            where, f"'{year_arg}' không phải một năm đã có số liệu (từ 2000 đến {now.year}).", f"'{year_arg}' is not a year with figures (2000 to {now.year}).",
            f"Ghi năm bằng bốn chữ số, ví dụ --year {now.year}.", f"Write the year with four digits, e.g. --year {now.year}.", field="--year",
        ))
    else:
        year = int(year_arg)
    if until_arg:
        try:
            until = dt.date.fromisoformat(until_arg.strip())
        except ValueError:
            problems.append(Problem(
                where, f"'{until_arg}' không phải ngày dạng NĂM-THÁNG-NGÀY.", f"'{until_arg}' is not a YEAR-MONTH-DAY date.",
                "Ví dụ --until 2026-10-20.", "For example --until 2026-10-20.", field="--until",
            ))
        else:
            if year is not None and until.year != year:
                problems.append(Problem(
                    where, f"Ngày {until.isoformat()} không thuộc năm {year} đang báo cáo.", f"{until.isoformat()} is not in {year}, the year reported on.",
                    f"Chọn một ngày trong năm {year}, hoặc bỏ --until.", f"Pick a day in {year}, or leave --until out.", field="--until",
                ))
            elif until > now:
                problems.append(Problem(
                    where, f"Ngày {until.isoformat()} chưa đến (hôm nay là {now.isoformat()}).", f"{until.isoformat()} has not come yet (today is {now.isoformat()}).",
                    "Bỏ --until để tính đến hôm nay.", "Leave --until out to count up to today.", field="--until",
                ))
    elif year is not None:
        until = min(dt.date(year, 12, 31), now)
    return problems, year, until
