"""Content problems: what is wrong, where, and how to fix it, Vietnamese first.

Every check in the package reports `Problem`s instead of raising, so that one run
lists all of them (the contract asks for that); `ContentError` carries a batch of
them to the command line or to the MkDocs adapter, which print `format_problems`.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable, Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one file, said in both languages."""

    file: str
    vi: str
    en: str
    fix_vi: str = ""
    fix_en: str = ""
    field: str | None = None
    line: int | None = None
    severity: Severity = "error"

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    def where(self) -> str:
        place = self.file if self.line is None else f"{self.file}:{self.line}"
        return f"{place} [{self.field}]" if self.field else place


class ProblemError(Exception):
    """One problem found while reading one file; callers collect `.problems` (`.problem` is the first) and go on."""

    def __init__(self, problem: Problem, *more: Problem):
        self.problem = problem
        self.problems = [problem, *more]  # the same reason found in several places of the file
        super().__init__(problem.en)


class ContentError(Exception):
    """Raised when content has errors; never shown as a traceback."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = list(problems)
        super().__init__(format_problems(self.problems))


_LABEL = {"error": "LỖI / ERROR", "warning": "CẢNH BÁO / WARNING"}


# Invisible characters a message may quote from a file (a field name, a value): written as U+XXXX,
# so that no terminal obeys an escape sequence (ESC) and no text is shown reversed.
_INVISIBLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _shown(text: str) -> str:
    return _INVISIBLE.sub(lambda m: f"U+{ord(m.group(0)):04X}", text)


def format_problem(p: Problem) -> str:
    field = _shown(p.field) if p.field else ""
    lines = [f"  {_LABEL[p.severity]}" + (f" — {field}" if field else "") + (f" (dòng/line {p.line})" if p.line else "")]
    lines.append(f"    {_shown(p.vi)}")
    if p.fix_vi:
        lines.append(f"    → Cách sửa: {_shown(p.fix_vi)}")
    lines.append(f"    {_shown(p.en)}")
    if p.fix_en:
        lines.append(f"    → How to fix: {_shown(p.fix_en)}")
    return "\n".join(lines)


def summary_line(problems: Iterable[Problem]) -> str:
    items = list(problems)
    n_err = sum(p.is_error for p in items)
    n_warn = len(items) - n_err
    return f"{n_err} lỗi, {n_warn} cảnh báo / {n_err} error(s), {n_warn} warning(s)"


def format_problems(problems: Iterable[Problem]) -> str:
    """Group by file; in each file, errors before warnings; end with a count."""
    items = list(problems)
    by_file: dict[str, list[Problem]] = defaultdict(list)
    for p in items:
        by_file[p.file].append(p)
    out: list[str] = []
    for file in sorted(by_file, key=lambda f: (not any(p.is_error for p in by_file[f]), f)):
        out.append(f"📄 {_shown(file)}")
        ordered = sorted(by_file[file], key=lambda p: (not p.is_error, p.line or 0))
        out.extend(format_problem(p) for p in ordered)
        out.append("")
    out.append(summary_line(items))
    return "\n".join(out)


# --- GitHub workflow commands: each problem as an annotation on the pull request's file ---------
# (docs.github.com, "Workflow commands for GitHub Actions"; the escaping is @actions/core's
# escapeData and escapeProperty: an editor's value can neither end the command nor start another.)


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_annotation(p: Problem) -> str:
    """`::error file=…,line=…,title=…::message`: the check run's annotation, which the pull
    request's "Files changed" shows on the line and the editor's Check panel reads back."""
    props = {"file": p.file, "line": str(p.line) if p.line else None, "title": p.field or _LABEL[p.severity]}
    head = ",".join(f"{k}={_escape_property(_shown(v))}" for k, v in props.items() if v)
    lines = [p.vi + (f" → Cách sửa: {p.fix_vi}" if p.fix_vi else ""), p.en + (f" → How to fix: {p.fix_en}" if p.fix_en else "")]
    message = _escape_data(_shown("\n".join(lines)))
    return f"::{p.severity} {head}::{message}"


def github_annotations(problems: Iterable[Problem]) -> str:
    """Every problem as a workflow command, errors first (GitHub keeps only the first few of each)."""
    return "\n".join(github_annotation(p) for p in sorted(problems, key=lambda p: (not p.is_error, p.file, p.line or 0)))


def problem_block(p: Problem) -> str:
    """One problem as `make check` prints it, with its file (and line) first (without the
    terminal's 📄: the pages' fonts have no emoji, and a phone showed a missing-glyph box)."""
    return f"{p.where()}\n{format_problem(p)}"


def problems_json(problems: Iterable[Problem], stale: bool = False) -> str:
    """The editor's Check panel reads this (/admin/problems.json of a preview build, and
    `check --format json` of a draft's commit): its shape is in the README (make edit)."""
    items = [
        {"file": p.file, "line": p.line, "field": p.field, "severity": p.severity, "vi": p.vi, "fix_vi": p.fix_vi, "en": p.en, "fix_en": p.fix_en, "text": problem_block(p)}
        for p in problems
    ]
    return json.dumps({"ok": not items, "stale": stale, "problems": items}, ensure_ascii=False, indent=1)
