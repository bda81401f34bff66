"""The right words for the right field (hostile trial, cases 2, 8, 17, 34, 36, 39, 40).

Each message names its file, line and field, gives the advice of *that* field (a phone
number is never told it "is not a valid id"), is Vietnamese on the Vietnamese line for every
error type pydantic can raise on our schemas, and `make check` reports what `make build` does.
"""

from __future__ import annotations

import re
import types
import typing
from pathlib import Path
from typing import Annotated, Any, Union

import pytest
from pydantic import BaseModel, StringConstraints, TypeAdapter, ValidationError

from heritage.checks.pages import PageMeta
from heritage.content.messages import explain
from heritage.content.schema import (
    ID_CHARS,
    SCHEMAS,
    Artisan,
    IssuedCode,
    IssuedFile,
    Location,
    PostMeta,
    Source,
    Trail,
    TrailStop,
    VocabularyFile,
    When,
)
from heritage.content.settings import Settings

from .conftest import Project
from .test_hostile import SITE, STORY, Case, append, hostile, refused_by_check_and_build  # noqa: F401 (hostile: a fixture)

# --- every patterned field of every schema has its own sentence -----------------------------

MODELS: list[type[BaseModel]] = [*SCHEMAS.values(), PostMeta, Trail, IssuedFile, VocabularyFile, Settings, PageMeta]
ID_WORDS = "is not a valid id"
FALLBACK_WORDS = "does not have the form"


def _patterns(metadata: list) -> list[str]:
    return [m.pattern for m in metadata if getattr(m, "pattern", None)]


def _walk(annotation: Any, loc: tuple, found: list[tuple[tuple, str]], seen: set) -> None:
    origin = typing.get_origin(annotation)
    if origin is Annotated:
        base, *metadata = typing.get_args(annotation)
        found.extend((loc, p) for p in _patterns(metadata))
        _walk(base, loc, found, seen)
    elif origin in (list, tuple):
        _walk(typing.get_args(annotation)[0], (*loc, 0), found, seen)
    elif origin is dict:
        _walk(typing.get_args(annotation)[1], (*loc, "key"), found, seen)
    elif origin in (Union, types.UnionType):
        for arg in typing.get_args(annotation):
            _walk(arg, loc, found, seen)
    elif isinstance(annotation, type) and issubclass(annotation, BaseModel) and (annotation, loc) not in seen:
        seen.add((annotation, loc))
        for name, info in annotation.model_fields.items():
            found.extend(((*loc, name), p) for p in _patterns(info.metadata))
            _walk(info.annotation, (*loc, name), found, seen)


def patterned_fields() -> list[tuple[type[BaseModel], tuple, str]]:
    out = []
    for model in MODELS:
        found: list[tuple[tuple, str]] = []
        _walk(model, (), found, set())
        out += [(model, loc, pattern) for loc, pattern in dict.fromkeys(found)]
    return out


PATTERNED = patterned_fields()


def test_the_walk_finds_every_kind_of_patterned_field():
    names = {str(loc[-1]) for _, loc, _ in PATTERNED} | {str(loc[-2]) for _, loc, _ in PATTERNED if isinstance(loc[-1], int)}
    assert {"phone", "email", "logo", "repo", "auth_endpoint", "url", "site_url", "featured", "related", "aliases", "entry", "id", "entries"} <= names


@pytest.mark.parametrize(("model", "loc", "pattern"), PATTERNED, ids=[f"{m.__name__}.{'.'.join(map(str, loc))}:{p[:12]}" for m, loc, p in PATTERNED])
def test_a_patterned_field_gets_its_own_sentence(model, loc, pattern):
    bad = "§ not this form §"
    with pytest.raises(ValidationError) as caught:
        TypeAdapter(Annotated[str, StringConstraints(pattern=pattern)]).validate_python(bad)
    error = caught.value.errors(include_url=False)[0]
    assert error["type"] == "string_pattern_mismatch"
    vi, en, fix_vi, fix_en = explain({**error, "loc": loc}, model)
    is_id = pattern == ID_CHARS
    assert (ID_WORDS in en) == is_id, (loc, en)
    assert FALLBACK_WORDS not in en, (loc, en)  # a sentence of its own, not the generic one
    assert "§ not this form §" in vi and vi != en and fix_vi and fix_en


def test_a_pattern_without_a_sentence_is_described_never_as_an_id():
    vi, en, _, fix_en = explain({"type": "string_pattern_mismatch", "loc": ("code",), "input": "x y", "ctx": {"pattern": r"^[A-Z]{3}$"}}, Settings)
    assert FALLBACK_WORDS in en and "`code`" in en and r"^[A-Z]{3}$" in fix_en and ID_WORDS not in en and vi != en


# --- every pydantic error type in Vietnamese on the Vietnamese line -------------------------

VIETNAMESE = re.compile(r"[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]", re.I)
STOP = {"entry": "dinh-tan-an"}
TRAIL = {"name": {"vi": "Vòng", "en": "Loop"}, "summary": {"vi": "Đi", "en": "Walk"}, "season": {"vi": "Xuân", "en": "Spring"}, "travel": ["walking"], "stops": [STOP, {"entry": "hoi-lim"}]}

KINDS = [
    ("finite_number", TrailStop, {**STOP, "minutes": float("inf")}),
    ("finite_number-nan", TrailStop, {**STOP, "minutes": float("nan")}),
    ("greater_than_equal", TrailStop, {**STOP, "minutes": 0}),
    ("less_than_equal", TrailStop, {**STOP, "minutes": 10**400}),
    ("int_parsing", TrailStop, {**STOP, "minutes": "mười"}),
    ("int_from_float", TrailStop, {**STOP, "minutes": 1.5}),
    ("int_type", TrailStop, {**STOP, "minutes": [1]}),
    ("float_parsing", Location, {"lat": "21,1", "lon": 106.0}),
    ("float_type", Location, {"lat": [21], "lon": 106.0}),
    ("bool_parsing", When, {"calendar": "lunar", "month": 1, "day": 1, "leap": "maybe"}),
    ("bool_type", When, {"calendar": "lunar", "month": 1, "day": 1, "leap": [1]}),
    ("literal_error", When, {"calendar": "julian", "month": 1, "day": 1}),
    ("date_from_datetime_parsing", IssuedCode, {"id": "dinh-tan-an", "date": "not-a-date"}),
    ("date_from_datetime_inexact", IssuedCode, {"id": "dinh-tan-an", "date": "2026-01-01T10:30:00"}),
    ("date_type", IssuedCode, {"id": "dinh-tan-an", "date": [5]}),
    ("list_type", IssuedFile, {"issued": 5}),
    ("dict_type", VocabularyFile, {"types": {}, "priorities": ["cao"]}),
    ("string_type", TrailStop, {"entry": 5}),
    ("string_too_short", Source, {"title": "", "url": "https://example.org/"}),
    ("string_too_long", Source, {"title": "x" * 301, "url": "https://example.org/"}),
    ("string_pattern_mismatch", TrailStop, {"entry": "Đình Tân An"}),
    ("missing", Trail, {}),
    ("extra_forbidden", TrailStop, {**STOP, "phut": 3}),
    ("too_short", Trail, {**TRAIL, "stops": [STOP]}),
    ("too_long", Trail, {**TRAIL, "stops": [STOP] * 41}),
    ("model_type", TrailStop, {**STOP, "note": "Xem cổng"}),
    ("model_type-not-text", IssuedFile, {"issued": ["../../etc/passwd"]}),
    ("none_required", Artisan, {"ranking": "quoc-gia"}),
    ("heritage", Location, {"lat": 50.0, "lon": 106.0}),
]


@pytest.mark.parametrize(("kind", "model", "data"), KINDS, ids=[k[0] for k in KINDS])
def test_every_error_type_is_vietnamese_on_the_vietnamese_line(kind, model, data):
    with pytest.raises(ValidationError) as caught:
        model.model_validate(data)
    errors = caught.value.errors(include_url=False)
    assert kind.split("-")[0] in {e["type"] for e in errors}, errors  # the case does produce that type
    for error in errors:
        vi, en, fix_vi, fix_en = explain(error, model)
        assert vi != en and vi != error["msg"] and VIETNAMESE.search(vi), (error, vi)
        assert not fix_vi or (fix_vi != fix_en and VIETNAMESE.search(fix_vi)), (error, fix_vi)
        assert len(vi) < 400, vi  # a huge number is shortened, not printed whole


def test_an_unforeseen_error_type_is_still_vietnamese_first():
    error = {"type": "value_error", "loc": ("stops", 0, "entry"), "msg": "Value error, boom", "input": "x", "ctx": {}}
    vi, en, fix_vi, _ = explain(error, Trail)
    assert VIETNAMESE.search(vi) and "boom" not in vi and "boom" in en and "stops[0].entry" in vi and VIETNAMESE.search(fix_vi)


def test_literal_choices_are_joined_in_vietnamese():
    with pytest.raises(ValidationError) as caught:
        When.model_validate({"calendar": "julian", "month": 1, "day": 1})
    _, _, fix_vi, fix_en = explain(caught.value.errors(include_url=False)[0], When)
    assert " hoặc " in fix_vi and " or " not in fix_vi and " or " in fix_en


# --- make check and make build, file, line, field and advice --------------------------------


def site_with(extra: str):
    """data/site.yml: the four lines of test_hostile's SITE, then `extra` from line 5."""

    def setup(project: Project, outside: Path) -> None:
        project.write("data/site.yml", "".join(f"{key}: {value}\n" for key, value in SITE.items()) + extra)

    return setup


CONTACT = "contact:\n  office: {vi: Văn phòng, en: Office}\n"
ISSUED = "data/qr-issued.yml"
TRAIL_FILE = "data/trails/vong-dinh.yml"


def issued_path_and_unknown(project: Project, outside: Path) -> None:
    project.write(ISSUED, "issued:\n  - ../../etc/passwd\n  - {id: khong-ton-tai, date: 2026-10-01}\n")


def trail_with_bad_stops(project: Project, outside: Path) -> None:
    project.write(
        TRAIL_FILE,
        "name: {vi: Vòng đình, en: Hall loop}\nsummary: {vi: Đi bộ, en: A walk}\nseason: {vi: Mùa xuân, en: Spring}\n"
        "travel: [walking]\nstops:\n  - {entry: hoi-lim, minutes: .inf}\n  - {entry: dinh-tan-an}\n  - {entry: dinh-tan-an}\n  - {entry: vong-dinh}\n",
    )
    for lang in ("vi", "en"):
        project.write(f"docs/{lang}/hanh-trinh/vong-dinh.md", "---\ntitle: Vòng đình\n---\n\nĐi bộ.\n")


def translated_from_option(project: Project, outside: Path) -> None:
    path = project.root / "docs/en/di-tich/dinh-tan-an.md"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\ntranslated_from: ")
    path.write_text(re.sub(r"^translated_from: .*$", 'translated_from: "--output=/tmp/pwned_git"', text, count=1, flags=re.M), encoding="utf-8")


SCRIPT_LINKS = "\n[a](jav&#x09;ascript:alert(1)) [b](&#106;avascript:alert(2))\n\n[d][ref]\n\n[ref]: JaVaScRiPt&colon;alert(4)\n"


def script_links(project: Project, outside: Path) -> None:
    assert (project.root / STORY).read_text(encoding="utf-8").count("\n") == 3  # the links land on lines 5 and 9
    append(project, STORY, SCRIPT_LINKS)


def invisible_lines(project: Project, outside: Path) -> None:
    project.write(ISSUED, "".join(f"# ghi chú {i}: a\u202eb\n" for i in range(1, 26)) + "issued: []\n")


CASES = [
    Case("site-phone-javascript", site_with(CONTACT + '  phone: "javascript:alert(1)"\n'), "data/site.yml", "contact.phone", 7, ("không phải số điện thoại", "is not a telephone number")),
    Case("site-email-markup", site_with(CONTACT + "  email: 'x@y.z\"><img src=x>'\n"), "data/site.yml", "contact.email", 7, ("không phải địa chỉ email", "is not an e-mail address")),
    Case("site-logo-parent-path", site_with("logo: ../overrides/../data/x.png\n"), "data/site.yml", "logo", 5, ("tên tệp logo", "logo file name")),
    Case("site-repo-markup", site_with('cms: {repo: "a</script>"}\n'), "data/site.yml", "cms.repo", 5, ("tên kho GitHub", "GitHub repository")),
    Case("issued-path-string", issued_path_and_unknown, ISSUED, "issued[0]", 2, ("cần các trường con: id, date", "needs the sub-fields: id, date")),
    Case("issued-unknown-same-run", issued_path_and_unknown, ISSUED, "issued", 3, ("'khong-ton-tai'", "'khong-ton-tai'")),
    Case("trail-minutes-inf", trail_with_bad_stops, TRAIL_FILE, "stops[0].minutes", 6, ("không phải một số cụ thể", "is not an actual number")),
    Case("trail-repeat-same-run", trail_with_bad_stops, TRAIL_FILE, "stops[2].entry", 8, ("lặp lại mục 'dinh-tan-an'", "repeats the entry 'dinh-tan-an'")),
    Case("trail-as-stop-same-run", trail_with_bad_stops, TRAIL_FILE, "stops[3].entry", 9, ("là một hành trình, không phải một mục", "is a trail, not an entry")),
    Case("translated-from-option", translated_from_option, "docs/en/di-tich/dinh-tan-an.md", "translated_from", 2, ("không khớp với phiên bản nào", "matches no revision")),
    Case("story-tab-entity-javascript", script_links, STORY, None, 5, ("'javU+0009ascript:alert(1)'", "'javU+0009ascript:alert(1)'")),
    Case("story-decimal-entity-javascript", script_links, STORY, None, 5, ("'javascript:alert(2)'", "'javascript:alert(2)'")),
    Case("story-reference-javascript", script_links, STORY, None, 9, ("'JaVaScRiPt:alert(4)'", "'JaVaScRiPt:alert(4)'")),
    Case("invisible-first-line", invisible_lines, ISSUED, None, 1, ("U+202E", "U+202E")),
    Case("invisible-twentieth-line", invisible_lines, ISSUED, None, 20, ("U+202E", "U+202E")),
    Case("invisible-the-rest", invisible_lines, ISSUED, None, 21, ("… và 5 dòng nữa", "… and 5 more lines")),
]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_check_and_build_name_file_line_field_and_the_right_advice(hostile, case: Case):
    refused_by_check_and_build(*hostile, case)


def _story_errors(output: str) -> list[str]:
    block = output.split(f"📄 {STORY}", 1)[1].split("📄", 1)[0]
    return sorted(re.findall(r"  LỖI / ERROR.*\n    .*", block))


def test_check_reports_what_build_reports_for_hidden_script_links(small_project: Project):
    script_links(small_project, Path())
    check, build = small_project.check(), small_project.build()
    found = _story_errors(check.stdout + check.stderr)
    assert found == _story_errors(build.stdout + build.stderr)
    assert len(found) == 3 and all("(dòng/line " in f for f in found), found


def test_every_schema_rule_sentence_formats_with_its_values():
    """A rule's sentences go through str.format: a literal brace must be doubled, or `make check`
    shows a traceback where it should say what is wrong (event-place's `{vi: …, en: …}`)."""
    import string

    import heritage.events.schema  # noqa: F401  (registers the events' rules)
    from heritage.content.messages import RULES

    for rule, sentences in RULES.items():
        for sentence in sentences:
            names = {name.split(".")[0].split("[")[0] for _, name, _, _ in string.Formatter().parse(sentence) if name}
            sentence.format(**dict.fromkeys(names, "x"))  # raises on an undoubled brace
    with pytest.raises(ValidationError) as caught:
        heritage.events.schema.Place.model_validate({})
    vi, en, fix_vi, fix_en = explain(caught.value.errors(include_url=False)[0], heritage.events.schema.Place)
    assert "`address: {vi: …, en: …}`" in fix_vi and "`address: {vi: …, en: …}`" in fix_en and VIETNAMESE.search(vi)
