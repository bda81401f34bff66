"""`python -m heritage init DIR`: a new ward's or commune's site, ready to check, build and publish.

The site is written from the files under heritage/scaffold/ward/ (package data): some copied
as they are (Makefile, workflows, hooks glue, tests), some rendered with Jinja (`*.j2`: every
name goes through the `q` filter, a JSON string, which YAML reads as a quoted scalar). Plain
Jinja rather than a copier template: a ward's own files are only its content and settings, which
it owns from day one; everything that changes with the engine (theme, hooks, editor, checks) is
in the installed package and arrives by raising one pin, so there is nothing for `copier update`
to merge, and copier would be one more dependency with its own git-tag workflow.

Everything is written into a hidden folder next to DIR and moved into place at the end: a failure
leaves nothing half-written, and DIR is used only when it is absent or empty (never overwrites).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import tempfile
import unicodedata
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Callable

import yaml
from jinja2 import Environment, FileSystemLoader, StrictUndefined

import heritage
from heritage import urls
from heritage.content.schema import VIETNAM_LAT, VIETNAM_LON
from heritage.content.settings import Settings, load_settings
from heritage.content.translations import stamp
from heritage.pages import theme_colors
from heritage.problems import format_problems
from heritage.scaffold import new as scaffold_new
from heritage.scaffold.lock import lock_text

WARD = Path(__file__).resolve().parent / "ward"
RENDERED_DATA = ("pages.yml.j2", "samples.yml.j2")  # read by this module, not files of the site
# One sample per data folder (entries' sections, a trail, a recurring event): every page type has a page.
SAMPLE_IDS = {s: f"{s}-mau" for s in ("di-tich", "le-hoi", "lang-nghe", "nghe-nhan", "quan-ho", "san-pham", "trails", urls.EVENTS)}
SAMPLE_IDS["trails"] = f"{urls.TRAILS}-mau"
# Where a sample's two pages go under docs/<lang>/, when not its data folder's name.
PAGE_FOLDERS = {"trails": urls.TRAILS}
POST_SLUG = "ra-mat-trang"
KINDS = {"phuong": ("phường", "Ward"), "xa": ("xã", "Commune")}
DEFAULT_COLORS = {"primary": "#8a1c1c", "accent": "#7a5200"}  # the engine's own colours
# Characters that would mean markup in the pages' Markdown, or a new line in a setting.
_NOT_IN_NAMES = re.compile(r"[<>{}\[\]*_`|#\\\"\x00-\x1f\x7f]")


class InitError(Exception):
    """What is wrong with the answers or the folder, Vietnamese first then English."""


@dataclass(frozen=True)
class Question:
    field: str
    option: str
    vi: str
    en: str
    default: str | None = None


QUESTIONS = (
    Question("kind", "--kind", "Phường hay xã? Gõ p (phường) hoặc x (xã)", "Ward or commune? Type p (ward) or x (commune)", "phuong"),
    Question("name_vi", "--name-vi", "Tên phường/xã bằng tiếng Việt (ví dụ: Phú Lạc)", "The ward's or commune's name in Vietnamese"),
    Question("name_en", "--name-en", "Tên phường/xã bằng tiếng Anh (ví dụ: Phu Lac)", "The ward's or commune's name in English"),
    Question("province_vi", "--province-vi", "Tỉnh, tiếng Việt (ví dụ: tỉnh Sơn Hà)", "The province in Vietnamese"),
    Question("province_en", "--province-en", "Tỉnh, tiếng Anh (ví dụ: Son Ha Province)", "The province in English"),
    Question("lat", "--lat", "Vĩ độ trung tâm (ví dụ: 16.4637)", "Latitude of the centre"),
    Question("lon", "--lon", "Kinh độ trung tâm (ví dụ: 107.5909)", "Longitude of the centre"),
    Question("primary", "--primary", "Màu chính (mã hex)", "Primary colour (hex)", DEFAULT_COLORS["primary"]),
    Question("accent", "--accent", "Màu nhấn (mã hex)", "Accent colour (hex)", DEFAULT_COLORS["accent"]),
)


@dataclass(frozen=True)
class Ward:
    name_vi: str
    name_en: str
    province_vi: str
    province_en: str
    lat: float
    lon: float
    primary: str
    accent: str
    kind: str = "phuong"
    phone: str | None = None
    email: str | None = None


def _invisible(text: str) -> bool:
    """Control, format, private or unassigned characters, and line separators: no name has them,
    and YAML refuses some of them outright."""
    return any(unicodedata.category(c)[0] == "C" or unicodedata.category(c) in ("Zl", "Zp") for c in text)


def _name(option: str, raw: str) -> str:
    value = unicodedata.normalize("NFC", " ".join(raw.split()))
    if not value or not any(c.isalpha() for c in value) or len(value) > 60 or _NOT_IN_NAMES.search(raw) or _invisible(raw):
        raise InitError(
            f"{option}: {raw!r} không dùng được: cần một tên có chữ, tối đa 60 ký tự, không có các ký tự < > {{ }} [ ] * _ ` | # \\ \". / "
            f"{option}: {raw!r} cannot be used: give a name with letters, at most 60 characters, without < > {{ }} [ ] * _ ` | # \\ \"."
        )
    return value


def _coordinate(option: str, raw: str, bounds: tuple[float, float]) -> float:
    lo, hi = bounds
    try:
        value = float(raw.strip().replace(",", "."))
    except ValueError:
        value = float("nan")
    if not lo <= value <= hi:  # NaN fails too
        what_vi, what_en = ("vĩ độ", "latitude") if option == "--lat" else ("kinh độ", "longitude")
        raise InitError(
            f"{option}: {raw!r} không phải {what_vi} trong Việt Nam: cần một số thập phân từ {lo} đến {hi}, ví dụ {(lo + hi) / 2:.4f}. / "
            f"{option}: {raw!r} is not a {what_en} in Việt Nam: give a decimal number from {lo} to {hi}."
        )
    return round(value, 6)


_KIND_WORDS = {"phuong": "phuong", "p": "phuong", "ward": "phuong", "w": "phuong", "xa": "xa", "x": "xa", "commune": "xa", "c": "xa"}


def _kind(raw: str) -> str:
    """p/phường/ward or x/xã/commune, typed with or without accents."""
    plain = "".join(c for c in unicodedata.normalize("NFD", raw.strip().lower().replace("đ", "d")) if not unicodedata.combining(c))
    if plain not in _KIND_WORDS:
        raise InitError(
            f"--kind: {raw!r}: gõ p (phường) hoặc x (xã); trong lệnh: --kind phuong hoặc --kind xa. / "
            f"--kind: {raw!r}: type p (ward) or x (commune); as an option: --kind phuong or --kind xa."
        )
    return _KIND_WORDS[plain]


def _colour(option: str, raw: str) -> str:
    """A hex colour the engine's theme accepts: its contrast is checked here, where the option or
    the question can be named, not later in a data/site.yml the officer never wrote."""
    value = raw.strip()
    if not re.fullmatch(r"#[0-9A-Fa-f]{6}", value):
        raise InitError(
            f"{option}: {raw!r} không phải mã màu: viết dấu # và 6 chữ số hex, ví dụ #1f5f8b. / "
            f"{option}: {raw!r} is not a colour: write # and 6 hex digits, e.g. #1f5f8b."
        )
    role = option.removeprefix("--")
    try:
        return theme_colors.check(value, role)
    except theme_colors.ColorProblem as problem:
        question = next(q for q in QUESTIONS if q.option == option)
        v = problem.values
        raise InitError(
            f"{option} ({question.vi}): màu {v['value']} quá nhạt để đọc, tương phản với nền {v['background']} chỉ {v['ratio']}:1, "
            f"cần ít nhất {v['needed']}:1. Dùng màu đậm hơn cùng sắc độ: {v['suggestion']} (trong lệnh: {option} \"{v['suggestion']}\"). / "
            f"{option} ({question.en}): the colour {v['value']} is too light to read, its contrast with the background {v['background']} is only "
            f"{v['ratio']}:1, at least {v['needed']}:1 is needed. Use a darker colour of the same hue: {v['suggestion']} (as an option: {option} \"{v['suggestion']}\")."
        ) from None


def parse(field: str, raw: str) -> object:
    """One answer checked and normalised; InitError says what is wrong and how to fix it."""
    option = "--" + field.replace("_", "-")
    if field in ("lat", "lon"):
        return _coordinate(option, raw, VIETNAM_LAT if field == "lat" else VIETNAM_LON)
    if field in ("primary", "accent"):
        return _colour(option, raw)
    if field == "kind":
        return _kind(raw)
    if field == "phone":
        if not re.fullmatch(r"\+?[0-9][0-9 .()-]{5,20}", raw.strip()):
            raise InitError(f"--phone: {raw!r} không phải số điện thoại, ví dụ 0222 3 123 456. / --phone: {raw!r} is not a phone number.")
        return raw.strip()
    if field == "email":
        if not re.fullmatch(r"""[^@\s"'<>]+@[^@\s"'<>]+\.[^@\s"'<>]+""", raw.strip()):
            raise InitError(f"--email: {raw!r} không phải địa chỉ thư điện tử. / --email: {raw!r} is not an e-mail address.")
        return raw.strip()
    return _name(option, raw)


def gather(given: dict[str, str | None], ask: Callable[[str], str] | None, tell: Callable[[str], None]) -> Ward:
    """The answers: from the options, else asked with `ask` (input()). All wrong options are
    reported at once; a wrong typed answer is asked again; no more answers (EOF) is an error
    naming every option still missing."""
    values: dict[str, object] = {}
    problems: list[str] = []
    for name in ("phone", "email", *(q.field for q in QUESTIONS)):
        raw = given.get(name)
        if raw is not None:
            try:
                values[name] = parse(name, raw)
            except InitError as exc:
                problems.append(str(exc))
    if problems:
        raise InitError("\n".join(problems))
    missing = [q for q in QUESTIONS if q.field not in values]
    for number, question in enumerate(missing):
        values[question.field] = _ask(question, ask, tell, missing[number:])
    return Ward(**{f.name: values[f.name] for f in fields(Ward) if f.name in values})


def _ask(question: Question, ask: Callable[[str], str] | None, tell: Callable[[str], None], still_missing: list[Question]) -> object:
    suffix = f" [{question.default}]" if question.default else ""
    for _ in range(3):
        try:
            if ask is None:
                raise EOFError
            raw = ask(f"{question.vi} / {question.en}{suffix}: ")
        except EOFError:
            if question.default:
                return question.default
            options = ", ".join(q.option for q in still_missing if not q.default)
            raise InitError(
                f"Thiếu {options}: hãy chạy lại lệnh với các tùy chọn này, hoặc chạy trong cửa sổ lệnh để trả lời từng câu hỏi. / "
                f"Missing {options}: run the command again with these options, or in a terminal to answer the questions."
            ) from None
        if not raw.strip() and question.default:
            return question.default
        try:
            return parse(question.field, raw)
        except InitError as exc:
            tell(str(exc))
    raise InitError(f"{question.option}: ba câu trả lời đều không dùng được. / three answers could not be used.")


def _context(ward: Ward, today: dt.date) -> dict[str, object]:
    kind_vi, kind_en = KINDS[ward.kind]
    province_vi = ward.province_vi if re.match(r"(?i)(tỉnh|thành phố) ", ward.province_vi) else f"tỉnh {ward.province_vi}"
    province_en = ward.province_en if re.search(r"(?i)(province|city)$", ward.province_en) else f"{ward.province_en} Province"
    site_vi = f"Di sản {ward.name_vi}"
    offsets = ((0.002, 0.003), (-0.003, 0.001), (0.001, -0.004))
    points = [
        (round(min(max(ward.lat + a, VIETNAM_LAT[0]), VIETNAM_LAT[1]), 5), round(min(max(ward.lon + b, VIETNAM_LON[0]), VIETNAM_LON[1]), 5))
        for a, b in offsets
    ]
    return {
        "name_vi": ward.name_vi, "name_en": ward.name_en, "kind_vi": kind_vi, "kind_en": kind_en,
        "province_vi": province_vi, "province_en": province_en,
        "locality_vi": f"{kind_vi} {ward.name_vi}", "locality_en": f"{ward.name_en} {kind_en.lower()}",
        "ward_vi": f"UBND {kind_vi} {ward.name_vi}, {province_vi}",
        "ward_en": f"People's Committee of {ward.name_en} {kind_en}, {province_en}",
        "site_vi": site_vi, "site_en": f"{ward.name_en} Heritage", "slug": urls.site_slug(site_vi),
        "primary": ward.primary, "accent": ward.accent, "phone": ward.phone, "email": ward.email,
        "colors_supported": "colors" in Settings.model_fields,
        "today": today.isoformat(), "launch": today.strftime("%Y-%m"), "version": heritage.__version__,
        "samples": SAMPLE_IDS, "post_slug": POST_SLUG, "points": points,
    }


def _environment() -> Environment:
    env = Environment(loader=FileSystemLoader(WARD), undefined=StrictUndefined, keep_trailing_newline=True, autoescape=False)
    env.filters["q"] = lambda value: json.dumps(str(value), ensure_ascii=False)  # a JSON string is a quoted YAML scalar
    return env


def _front(meta: dict[str, object], body: str) -> str:
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000) + "---\n\n" + body.strip() + "\n"


def _write(root: Path, rel: str, text: str) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="\n")


def _fill(root: Path, ward: Ward, today: dt.date, engine: str | None) -> None:
    env, context = _environment(), _context(ward, today)
    for source in sorted(p for p in WARD.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        rel = source.relative_to(WARD).as_posix()
        if rel in RENDERED_DATA:
            continue
        if rel.endswith(".j2"):
            _write(root, rel[: -len(".j2")], env.get_template(rel).render(context))
        else:
            (root / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, root / rel)
    _write(root, "requirements.lock", lock_text(engine))
    for rel, langs in yaml.safe_load(env.get_template("pages.yml.j2").render(context)).items():
        for lang, (title, tab_title, body) in langs.items():
            meta = {"title": title, **({"tab_title": tab_title} if tab_title else {})}
            _write(root, f"docs/{lang}/{rel}", _front(meta, body))
    samples = yaml.safe_load(env.get_template("samples.yml.j2").render(context))
    post = samples.pop("chuyen-muc")
    header = "# Mục mẫu (sample: true): thay bằng thông tin đã xác minh, hoặc xóa. / A sample entry: replace it with verified information, or delete it.\n"
    for section, sample in samples.items():
        _write(root, f"data/{section}/{sample['id']}.yml", header + yaml.safe_dump(sample["data"], allow_unicode=True, sort_keys=False, width=1000))
        for lang, heading in (("vi", "Giới thiệu"), ("en", "About")):
            _write(root, f"docs/{lang}/{PAGE_FOLDERS.get(section, section)}/{sample['id']}.md", f"## {heading}\n\n{sample[lang]}\n")
    for lang in ("vi", "en"):
        meta = {"title": post[lang]["title"], "date": today, "summary": post[lang]["summary"], "entries": [SAMPLE_IDS["di-tich"]], "sample": True}
        _write(root, f"docs/{lang}/chuyen-muc/{post['id']}.md", _front(meta, post[lang]["body"]))
    scaffold_new.write_templates(root)  # files editors copy in GitHub's web editor
    for page in sorted((root / "docs" / "en").rglob("*.md")):  # each English page is the translation of its twin
        stamp(root, page.relative_to(root).as_posix())


def _settings_accepted(root: Path) -> None:
    """The written data/site.yml as the engine reads it: whatever its model refuses (a colour
    without enough contrast, once the model checks it) is refused here, before DIR exists."""
    problems = load_settings(root)[1]
    if problems:
        raise InitError(
            "Chưa ghi gì: bộ máy sẽ từ chối cài đặt này (data/site.yml của trang mới). / "
            "Nothing was written: the engine would refuse these settings (the new site's data/site.yml).\n" + format_problems(problems)
        )


def check_target(target: Path) -> None:
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise InitError(
            f"{target}: thư mục đã có và không trống; lệnh không ghi đè. Chọn một thư mục mới hoặc trống. / "
            f"{target}: already exists and is not empty; nothing is overwritten. Choose a new or empty folder."
        )


def init(target: Path, ward: Ward, today: dt.date, engine: str | None = None) -> list[Path]:
    """Write the site into `target` (absent or empty); returns the files written. `engine`: the
    requirements.lock line of the engine, when not this version from PyPI."""
    check_target(target)
    if engine is not None and (not engine.strip() or re.search(r"[\x00-\x1f]", engine)):
        raise InitError(f"--engine: {engine!r}: cần một dòng yêu cầu của pip. / --engine: {engine!r}: give one pip requirement line.")
    target.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{target.name}.init-", dir=target.parent))
    try:
        _fill(work, ward, today, engine)
        _settings_accepted(work)
        if target.exists():
            target.rmdir()  # empty, checked above
        os.replace(work, target)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    return sorted(p for p in target.rglob("*") if p.is_file())
