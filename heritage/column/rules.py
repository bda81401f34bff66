"""The monthly column: is there a post, in both languages, for every month since launch?"""

from __future__ import annotations

import calendar
import datetime as dt

from heritage.content.inventory import Inventory
from heritage.content.settings import SETTINGS_FILE, Settings
from heritage.i18n import format_day
from heritage.problems import Problem
from heritage.sections import COLUMN


def months(start: dt.date, end: dt.date) -> list[dt.date]:
    """First days of the months from `start` to `end`, both included."""
    out, month = [], start.replace(day=1)
    while month <= end:
        out.append(month)
        month = (month + dt.timedelta(days=32)).replace(day=1)
    return out


def months_with_posts(inv: Inventory, today: dt.date) -> dict[dt.date, list[str]]:
    """Month → slugs of posts published by `today` in both languages."""
    english = {p.slug for p in inv.posts.get("en", []) if p.date <= today}
    out: dict[dt.date, list[str]] = {}
    for post in inv.posts.get("vi", []):
        if post.date <= today and post.slug in english:
            out.setdefault(post.date.replace(day=1), []).append(post.slug)
    return out


def frequency_problems(inv: Inventory, settings: Settings, today: dt.date) -> list[Problem]:
    launch = settings.column.launch_month
    current = today.replace(day=1)
    if current < launch:
        return []
    covered = months_with_posts(inv, today)
    excused = settings.column.excused_months
    folder = f"docs/vi/{COLUMN.key}/"
    out = []
    for month in months(launch, current):
        if month in covered or month in excused:
            continue
        label_vi, label_en = f"{month.month}/{month.year}", month.strftime("%B %Y")
        if month < current:
            out.append(
                Problem(
                    folder,
                    f"Tháng {label_vi} không có bài chuyên mục nào đăng bằng cả hai thứ tiếng (Kế hoạch yêu cầu ít nhất 1 bài/tháng).",
                    f"{label_en} has no column post published in both languages (the ward plan asks for at least one a month).",
                    f"Thêm một bài có ngày trong tháng {label_vi} ở cả docs/vi/{COLUMN.key}/ và docs/en/{COLUMN.key}/ "
                    f"(lệnh: python -m heritage new {COLUMN.key} TEN-BAI --vi … --en …), "
                    f"hoặc nếu tháng này được miễn, ghi lý do vào {SETTINGS_FILE} mục column.excused.",
                    f"Add a post dated in {label_en} to both docs/vi/{COLUMN.key}/ and docs/en/{COLUMN.key}/ "
                    f"(command: python -m heritage new {COLUMN.key} POST-SLUG --vi … --en …), "
                    f"or, if the month is excused, record the reason in {SETTINGS_FILE} under column.excused.",
                )
            )
            continue
        last = month.replace(day=calendar.monthrange(month.year, month.month)[1])
        left = (last - today).days + 1
        scheduled = sorted(p.date for p in inv.posts.get("vi", []) if p.date > today and p.date <= last)
        planned_vi = f" Đã có bài hẹn đăng ngày {format_day(scheduled[0], 'vi')}." if scheduled else ""
        planned_en = f" A post is scheduled for {format_day(scheduled[0], 'en')}." if scheduled else ""
        out.append(
            Problem(
                folder,
                f"Tháng {label_vi} chưa có bài chuyên mục; còn {left} ngày (đến hết {format_day(last, 'vi')}).{planned_vi}",
                f"{label_en} has no column post yet; {left} day(s) left (until {format_day(last, 'en')}).{planned_en}",
                "Đăng ít nhất một bài bằng cả hai thứ tiếng trước cuối tháng.",
                "Publish at least one post in both languages before the month ends.",
                severity="warning",
            )
        )
    return out


# --- the column as readers see it -------------------------------------------------------

WORDS_PER_MINUTE = 220  # an unhurried reading pace; Vietnamese words are counted by syllable


def reading_minutes(markdown: str) -> int:
    return max(1, round(len(markdown.split()) / WORDS_PER_MINUTE))


def by_month(posts: list) -> list[tuple[dt.date, list]]:
    """Posts (newest first) grouped under the first day of their month, newest month first."""
    groups: dict[dt.date, list] = {}
    for post in posts:
        groups.setdefault(post.date.replace(day=1), []).append(post)
    return sorted(groups.items(), key=lambda item: item[0], reverse=True)


def neighbours(posts: list, slug: str) -> tuple[object | None, object | None]:
    """(older, newer) post around `slug` in a newest-first list."""
    for index, post in enumerate(posts):
        if post.slug == slug:
            older = posts[index + 1] if index + 1 < len(posts) else None
            newer = posts[index - 1] if index > 0 else None
            return older, newer
    return None, None
