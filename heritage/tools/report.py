"""The yearly report for the ward's culture office (due before 25 October each year).

`python -m heritage report --year 2026` writes Markdown and CSV. Every count comes from
the content: post dates, media dates, festival dates and, for "added" and "updated",
the git history of each file; nothing is dated by when the report was run, except
that months after `until` are not yet due.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from heritage import urls
from heritage.calendar import festivals
from heritage.column.rules import months, months_with_posts
from heritage.content import history, translations
from heritage.content.inventory import Inventory
from heritage.content.settings import Settings
from heritage.i18n import format_day
from heritage.sections import ENTRY_SECTIONS
from heritage.text import vi_sort_key

MEDIA_KINDS = {"image": "Ảnh", "audio": "Âm thanh", "video": "Video (tệp)", "youtube": "Video (YouTube)"}


@dataclass
class Report:
    year: int
    until: dt.date
    rows: list[tuple[str, str, str]] = field(default_factory=list)  # (group, item, value) for the CSV
    lines: list[str] = field(default_factory=list)

    def add(self, group: str, item: str, value) -> None:
        self.rows.append((group, item, str(value)))

    def table(self, header: list[str], body: list[list]) -> None:
        self.lines.append("| " + " | ".join(header) + " |")
        self.lines.append("|" + "---|" * len(header))
        for row in body:
            self.lines.append("| " + " | ".join(str(c) for c in row) + " |")
        self.lines.append("")

    def markdown(self) -> str:
        return "\n".join(self.lines).rstrip() + "\n"

    def csv(self) -> bytes:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(["nhom", "muc", "gia_tri"])
        writer.writerows(self.rows)
        return buffer.getvalue().encode("utf-8-sig")


def _entry_files(inv: Inventory, entry) -> list[str]:
    return [entry.rel, f"docs/vi/{entry.section}/{entry.id}.md", f"docs/en/{entry.section}/{entry.id}.md"]


def build_report(inv: Inventory, settings: Settings, year: int, until: dt.date) -> Report:
    report = Report(year, until)
    vocab = inv.vocabulary
    out = report.lines
    dates = history.file_dates(inv.root, history.head_of(inv.root))
    in_year = lambda day: day is not None and day.year == year  # noqa: E731

    out += [
        f"# Báo cáo kết quả số hóa và quảng bá di sản năm {year}",
        "",
        f"{settings.ward.vi}. Số liệu tính đến ngày {format_day(until, 'vi')}, lấy từ nội dung trang Di sản Tân An.",
        "",
        "## 1. Danh mục di sản theo chuyên mục và xếp hạng",
        "",
    ]
    body = []
    for key, section in ENTRY_SECTIONS.items():
        entries = [e for e in inv.entries.values() if e.section == key]
        ranks = Counter(e.data.ranking for e in entries if e.data.ranking)
        rank_text = "; ".join(f"{vocab.ranking_label(key, r, 'vi')}: {n}" for r, n in sorted(ranks.items())) or "—"
        samples = sum(e.data.sample for e in entries)
        body.append([section.vi, len(entries), rank_text, samples])
        report.add("danh-muc", key, len(entries))
        for rank, n in sorted(ranks.items()):
            report.add("xep-hang", f"{key}/{rank}", n)
    body.append(["**Tổng**", len(inv.entries), "", sum(e.data.sample for e in inv.entries.values())])
    report.table(["Chuyên mục", "Số mục", "Xếp hạng", "Trong đó minh họa (chưa thẩm định)"], body)

    out += ["## 2. Mục thêm mới và cập nhật trong năm", ""]
    if not dates:
        out += ["Không có lịch sử thay đổi (bản sao git rút gọn): chạy lại trong bản sao đầy đủ để có số liệu này.", ""]
    else:
        added, updated = [], []
        for entry in inv.entries.values():
            known = [dates[f] for f in _entry_files(inv, entry) if f in dates]
            if not known:
                continue
            first = min(d[0] for d in known)
            last = max(d[1] for d in known)
            if in_year(first) and first <= until:
                added.append(entry)
            elif in_year(last) and last <= until:
                updated.append(entry)
        report.add("thay-doi", "them-moi", len(added))
        report.add("thay-doi", "cap-nhat", len(updated))
        out += [f"- Thêm mới: **{len(added)}** mục" + (": " + ", ".join(e.name("vi") for e in added) if added else "")]
        out += [f"- Cập nhật (đã có từ trước): **{len(updated)}** mục" + (": " + ", ".join(e.name("vi") for e in updated) if updated else ""), ""]

    out += ["## 3. Số hóa: ảnh, âm thanh, video", ""]
    totals, this_year = Counter(), Counter()
    for entry in inv.entries.values():
        for item in entry.data.media:
            totals[item.kind] += 1
            day = item.date
            if day is None and item.kind != "youtube":
                day = dates.get(urls.media_source(entry.id, item.path), (None, None))[0]
            if in_year(day) and day <= until:
                this_year[item.kind] += 1
    body = [[label, totals[kind], this_year[kind]] for kind, label in MEDIA_KINDS.items()]
    for kind in MEDIA_KINDS:
        report.add("so-hoa", kind, totals[kind])
        report.add("so-hoa-trong-nam", kind, this_year[kind])
    report.table(["Loại tư liệu", "Tổng số", f"Số hóa trong năm {year}"], body)

    out += ["## 4. Tài liệu song ngữ (bản dịch tiếng Anh)", ""]
    pairs = translations.survey(inv.root)
    status = Counter(p.status for p in pairs)
    total = len(pairs)
    current = status.get("current", 0)
    percent = round(100 * current / total) if total else 0
    report.add("ban-dich", "trang", total)
    report.add("ban-dich", "da-cap-nhat", current)
    report.add("ban-dich", "ty-le-phan-tram", percent)
    out += [f"{total} trang; **{current} trang ({percent} %)** có bản tiếng Anh cập nhật theo bản tiếng Việt."]
    for key, label in translations.STATUS_LABELS.items():
        if key != "current" and status.get(key):
            out.append(f"- {label['vi']}: {status[key]}")
    out.append("")

    out += ["## 5. Chuyên mục số: bài đăng theo tháng (yêu cầu ít nhất 1 bài/tháng)", ""]
    covered = months_with_posts(inv, until)
    launch = settings.column.launch_month
    body, missed = [], []
    for month in months(dt.date(year, 1, 1), dt.date(year, 12, 1)):
        count = len(covered.get(month, []))
        due = month >= launch.replace(day=1) and month < until.replace(day=1)
        if month in settings.column.excused_months:
            state = "được miễn"
        elif count:
            state = "đạt"
        elif not due:
            state = "chưa đến hạn" if month >= until.replace(day=1) else "trước khi ra mắt"
        else:
            state = "**THIẾU**"
            missed.append(month)
        body.append([f"Tháng {month.month}/{year}", count, state])
        report.add("chuyen-muc", f"{year}-{month.month:02d}", count)
    report.table(["Tháng", "Số bài (cả hai thứ tiếng)", "Đánh giá"], body)
    report.add("chuyen-muc", "thang-thieu", len(missed))
    out += [("Các tháng thiếu bài: " + ", ".join(f"{m.month}/{m.year}" for m in missed) + ".") if missed else "Không có tháng nào thiếu bài.", ""]

    out += [f"## 6. Lễ hội trong năm {year}", ""]
    held = festivals.between(inv, dt.date(year, 1, 1), dt.date(year, 12, 31))
    report.add("le-hoi", "so-le-hoi", len(held))
    if held:
        body = [[o.entry.name("vi"), f"{format_day(o.start, 'vi')} – {format_day(o.end, 'vi')}", "đã diễn ra" if o.end <= until else "sắp diễn ra"] for o in held]
        report.table(["Lễ hội", "Thời gian (dương lịch)", "Tình trạng"], body)
    else:
        out += ["Không có lễ hội nào trong năm.", ""]

    out += ["## 7. Đề xuất ưu tiên bảo vệ", ""]
    by_priority = Counter(e.data.priority for e in inv.entries.values() if e.data.priority)
    body = []
    for key, labels in vocab.priorities.items():
        names = sorted((e.name("vi") for e in inv.entries.values() if e.data.priority == key), key=vi_sort_key)
        body.append([labels["vi"], by_priority.get(key, 0), ", ".join(names) or "—"])
        report.add("uu-tien", key, by_priority.get(key, 0))
    report.table(["Mức", "Số mục", "Các mục"], body)
    out += ["---", "", "Báo cáo do `python -m heritage report` tạo tự động từ nội dung trang; số liệu mục minh họa (chưa thẩm định) được tính riêng ở mục 1."]
    return report


def write_report(inv: Inventory, settings: Settings, year: int, until: dt.date, folder: Path) -> tuple[Path, Path]:
    report = build_report(inv, settings, year, until)
    folder.mkdir(parents=True, exist_ok=True)
    markdown = folder / f"bao-cao-{year}.md"
    table = folder / f"bao-cao-{year}.csv"
    markdown.write_text(report.markdown(), encoding="utf-8")
    table.write_bytes(report.csv())
    return markdown, table
