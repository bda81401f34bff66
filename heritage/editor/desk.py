"""/admin/desk.json: what the editor's "Translations and column" desk shows (admin/hx-desk.js).

Computed at build time because the browser cannot hash pages or read git: the English pages
behind their Vietnamese twin (with the Vietnamese change since the revision the English
translates, and the revision `translations --stamp` would write), and the column's months
from launch to this month. Under `make edit` every preview build rewrites it.
"""

from __future__ import annotations

import calendar
import datetime as dt
import difflib
import subprocess
import unicodedata
from pathlib import Path
from typing import Any

from heritage.column.rules import months
from heritage.content import translations
from heritage.content.inventory import Inventory
from heritage.content.settings import Settings
from heritage.content.sources import SourceError, read_text, split_front_matter

DESK_FILE = "desk.json"
BEHIND = ("stale", "unstamped")  # pages a "Translation done" can settle
GIT_DEPTH = 200  # commits of one page searched for the revision its translation records
DIFF_LINES = 400  # a longer change is cut (the page itself is one click away)


# Each pair's state, kept while its two pages are unchanged (heritage.memo): under `make edit`
# every refresh rewrites desk.json, and reading every page again took 1 s at 1,000 entries.
_PAIRS: dict[Path, dict] = {}


def desk(root: Path, inventory: Inventory, settings: Settings, today: dt.date) -> dict[str, Any]:
    """Everything desk.json holds; its shape is in the README (web editor)."""
    return {"today": today.isoformat(), "translations": behind(root), "column": column(inventory, settings, today)}


def behind(root: Path) -> list[dict[str, Any]]:
    """English pages whose Vietnamese twin changed since it was translated (or never stamped)."""
    out = []
    for pair in translations.survey(root, _PAIRS.setdefault(Path(root).resolve(), {})):
        if pair.status not in BEHIND:
            continue
        try:
            now = read_text(root / pair.vi, pair.vi)
            english = split_front_matter(read_text(root / pair.en, pair.en), pair.en)[1]
        except SourceError:
            continue
        before = _past_text(root, pair.vi, pair.recorded) if pair.recorded else None
        if before is None:
            diff, kind = now, "text"
        else:
            lines = difflib.unified_diff(before.splitlines(), now.splitlines(), f"{pair.vi} @{pair.recorded}", f"{pair.vi} @{pair.current}", lineterm="")
            diff, kind = "\n".join(list(lines)[:DIFF_LINES]), "diff"
        out.append(
            {"en": pair.en, "vi": pair.vi, "status": pair.status, "recorded": pair.recorded, "revision": pair.current, "line": pair.line, "change": kind, "diff": diff, "english": english}
        )
    return out


def _past_text(root: Path, rel: str, wanted: str) -> str | None:
    """The text `rel` had when its revision was `wanted`, from git; None without git or history."""
    try:
        log = _git(root, "log", f"-n{GIT_DEPTH}", "--format=%H", "--", rel)
        for commit in log.split():
            raw = _git(root, "show", f"{commit}:./{rel}")
            text = unicodedata.normalize("NFC", raw.removeprefix("\ufeff").replace("\r\n", "\n"))
            if translations.text_revision(text) == wanted:
                return text
    except (OSError, subprocess.SubprocessError, UnicodeDecodeError):
        return None
    return None


def _git(root: Path, *args: str) -> str:
    done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, timeout=20, check=True)
    return done.stdout.decode("utf-8")


def column(inventory: Inventory, settings: Settings, today: dt.date) -> dict[str, Any]:
    """The column's months from launch to this month: each one's posts (published by today)
    in both languages or in one only, whether it is excused, and the days left in this one."""
    launch, current = settings.column.launch_month, today.replace(day=1)
    published = {lang: {} for lang in ("vi", "en")}
    for lang, posts in inventory.posts.items():
        for post in posts:
            if post.date <= today and lang in published:
                published[lang].setdefault(post.date.replace(day=1), set()).add(post.slug)
    rows = []
    for month in months(launch, current) if current >= launch else []:
        vi, en = published["vi"].get(month, set()), published["en"].get(month, set())
        rows.append(
            {
                "month": month.strftime("%Y-%m"),
                "posts": sorted(vi & en),
                "one_language": sorted(vi ^ en),
                "excused": month in settings.column.excused_months,
                "current": month == current,
            }
        )
    last = calendar.monthrange(today.year, today.month)[1]
    return {"launch": launch.strftime("%Y-%m"), "months": rows, "days_left": last - today.day + 1}
