"""When each content file last changed, from git: for sitemaps and reports.

One `git log` for the whole tree. In a shallow clone every file would look changed
at the single commit's date, which is build-time in disguise, so there we return
nothing and callers leave the date out (the deploy workflow fetches full history).
"""

from __future__ import annotations

import datetime as dt
import subprocess
from functools import lru_cache
from pathlib import Path


def _git(root: Path, *args: str) -> str | None:
    try:
        result = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return result.stdout if result.returncode == 0 else None


def last_changed(root: Path, head: str = "") -> dict[str, dt.date]:
    """Path (relative to the repository root) → date of the last commit that touched it."""
    return {path: dates[1] for path, dates in file_dates(root, head).items()}


@lru_cache(maxsize=8)
def file_dates(root: Path, head: str = "") -> dict[str, tuple[dt.date, dt.date]]:
    """Path → (first, last) commit dates; empty without full history."""
    if _git(root, "rev-parse", "--is-shallow-repository") in (None, "true\n"):
        return {}
    log = _git(root, "log", "--format=%x00%cs", "--name-only", "--", "data", "docs")
    if not log:
        return {}
    prefix = (_git(root, "rev-parse", "--show-prefix") or "").strip()
    dates: dict[str, tuple[dt.date, dt.date]] = {}
    for block in log.split("\x00")[1:]:  # newest commit first
        lines = block.strip().splitlines()
        if not lines:
            continue
        day = dt.date.fromisoformat(lines[0])
        for name in lines[1:]:
            name = name.strip()
            if prefix and name.startswith(prefix):
                name = name[len(prefix):]
            if name:
                dates[name] = (day, dates[name][1]) if name in dates else (day, day)
    return dates


def head_of(root: Path) -> str:
    """The current commit (part of the cache key: a new commit may change dates)."""
    return (_git(root, "rev-parse", "HEAD") or "").strip()
