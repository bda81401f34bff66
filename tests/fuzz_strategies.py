"""Hypothesis strategies for hostile content: the shapes of the schemas, with anything swapped in.

Why a module of its own: tests/test_fuzz_content.py runs them against `heritage check` and the
build; the strategies follow the pydantic models in heritage/content/ so that a new field is
fuzzed the day it is added.
"""

from __future__ import annotations

import datetime as dt
import functools
import types
import typing
from typing import Any, Literal, Union

import yaml
from hypothesis import strategies as st
from pydantic import BaseModel

from heritage.content.schema import SCHEMAS, PostMeta, Trail
from heritage.content.settings import Settings
from heritage.events.schema import RecurringEvent

from .conftest import BASE_FIELDS

# Every payload carries this token: a live script or handler that contains it was injected.
MARK = "hx7q"
ALERT = f"alert('{MARK}')"

# Text an editor (or anyone who can open a pull request) could type into any field.
NASTY_TEXT = [
    f"</script><script>{ALERT}</script>",
    f'"}}]</script><script>{ALERT}</script>',
    f"<img src=x onerror={ALERT}>",
    f"javascript:{ALERT}",
    f'https://e.org/"><script>{ALERT}</script>',
    f"https://e.org/?q=</script><svg/onload={ALERT}>",
    f"&lt;script&gt;{ALERT}&lt;/script&gt;",
    "{{ config }}{% include 'x' %}",
    '=HYPERLINK("http://e.org","x")',
    "+cmd|' /C calc'!A0",
    "\u202eevil\u202c", "\u2066\u2067\u2068\u2069", "\u200f\u200e", "\ufeffBOM",
    "\x00", "\x1b[2J\x1b[31mred", "\x07\x08\x7f", "a\rb", "a\r\nb\nc", "line\u0085next\u2028sep\u2029",
    "`", "```", "````", "~~~", "---", "...", "#", "- ", "> ", "|", "&a", "*a", "!!python/object", "%TAG",
    "'", '"', "\\", "\\u0000", "\\x00", "%s%n", "${HOME}", "$(id)", ";rm -rf /",
    "CON", "nul.txt", "a:b", "../../etc/passwd", "C:\\Windows", "a/b",
    "\U0001f3ef" * 40, "Đình\u0301\u0301\u0301", " ", "\t", "",
]
NASTY_NUMBERS = [0, -1, -(10**400), 10**400, 2**63, -(2**63) - 1, 1e308, -1e308, float("inf"), float("-inf"), float("nan"), 0.5, 1e-300]
NASTY_DATES = [dt.date(1, 1, 1), dt.date(9999, 12, 31), dt.datetime(2026, 10, 20, 23, 59, 59), "2026-02-30", "2026-13-01", "0000-00-00", "26-10-20", "hôm nay", "2026-10-20T25:00"]

# Markdown (a story, a post) built to get markup or a script past the checks.
MARKDOWN = [
    f"<script>{ALERT}</script>",
    f'<img src=x onerror="{ALERT}">',
    f"[bấm](javascript:{ALERT})",
    f"[x]: javascript:{ALERT}\n\n[bấm][x]",
    f"![ảnh](javascript:{ALERT})",
    f'Chữ\n{{: onclick="{ALERT}" }}',
    f'## Tiêu đề {{: onmouseover="{ALERT}" }}',
    f'<div markdown="1" onclick="{ALERT}">chữ</div>',
    f'<a href="&#106;avascript:{ALERT}">x</a>',
    f'<a href="java\tscript:{ALERT}">x</a>',
    f"<svg><script>{ALERT}</script></svg>",
    f'<iframe srcdoc="<script>{ALERT}</script>"></iframe>',
    f"<!-- x --><script>{ALERT}</script>",
    f"<scr<script>ipt>{ALERT}</script>",
    f"`</script><script>{ALERT}</script>`",
    "```\n</script>\n```",
    f'!!! note "</script><script>{ALERT}</script>"\n    chữ',
    f"| a | b |\n|---|---|\n| <script>{ALERT}</script> | x |",
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgnaHg3cScpPC9zY3JpcHQ+)",
    f"<style>body{{background:url(javascript:{ALERT})}}</style>",
    f"<math><mtext><script>{ALERT}</script></mtext></math>",
    f"<x onclick={ALERT}>x</x>",
    f"<form action=javascript:{ALERT}><button>x</button></form>",
    "[a](../khong-co.md) [b](/q/) [c](#) [d](<>)",
    "[" * 200, "[" * 40 + "]" * 40, "(" * 300, "*" * 500, "<" * 300, "_" * 500,
    "---\ntitle: x\n---",
    "{{ page.title }} {% if 1 %}x{% endif %}",
    "<details open ontoggle=" + ALERT + ">x</details>",
]

# Whole YAML files no schema describes: syntax, tags, aliases, nesting, encodings.
RAW_YAML = [
    "", "---\n", "---\n---\n", "~\n", "[]\n", "'chữ'\n", "42\n", "a: b: c\n", "name:\n\tvi: x\n",
    "name: {vi: a, vi: b}\n", "!!python/object/apply:os.system ['id']\n", "name: !!binary aGk=\n",
    "a: &a [*a]\n", "a: &a x\nb: [*a, *a, *a]\n", "<<: *nope\n", "? [a, b]\n: c\n", "{[1]: 2}\n",
    "name: \"\\x00\\u202e\\U0001F3EF\"\n", "name: 'unterminated\n", "%YAML 9.9\n---\na: 1\n",
    "name: {vi: Đình, en: House}\nname: {vi: Chùa, en: Pagoda}\n",
    "summary: |\n  " + "x" * 5000 + "\n",
]
RAW_BYTES = [b"\xff\xfe\x00n\x00a", b"name: \xc3\x28\n", b"\xef\xbb\xbfname: {vi: a, en: b}\n", b"\x00" * 64]


def nesting(depth: int) -> str:
    """A YAML flow collection `depth` levels deep (a Python structure that deep would not dump)."""
    return "name: " + "[" * depth + "]" * depth + "\n"


@functools.cache
def hostile_text() -> st.SearchStrategy[str]:
    payload = st.sampled_from(NASTY_TEXT)
    return st.one_of(
        payload,
        st.text(st.characters(codec="utf-8"), max_size=30),  # control characters included
        st.tuples(st.sampled_from(["Đình ", "A", ""]), payload, st.sampled_from(["", " x", "\n"])).map("".join),
        st.tuples(payload, st.integers(2, 400)).map(lambda t: t[0] * t[1]),
        st.integers(121, 20_000).map(lambda n: "Đ" * n),  # beyond every length limit
    )


@functools.cache
def hostile_scalar() -> st.SearchStrategy[Any]:
    return st.one_of(
        hostile_text(),
        st.sampled_from(NASTY_NUMBERS),
        st.integers(),
        st.floats(),
        st.booleans(),
        st.none(),
        st.sampled_from(NASTY_DATES),
    )


@functools.cache
def hostile_any() -> st.SearchStrategy[Any]:
    """A value of any shape: where text is expected, a list; where a map, a number…"""
    return st.recursive(
        hostile_scalar(),
        lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(st.one_of(hostile_text(), st.integers()), inner, max_size=3)),
        max_leaves=8,
    )


def swapped(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """Mostly the right shape (so the run gets past validation into rendering), sometimes anything.
    (Strategies are built once: functools.cache on the factories, or each draw rebuilds them.)"""
    return st.one_of(strategy, strategy, strategy, hostile_any())


BENIGN = ["Đình làng", "Chùa", "Quan họ", "A"]


@functools.cache
def _text_leaf() -> st.SearchStrategy[str]:
    return st.one_of(st.sampled_from(BENIGN), hostile_text())


@functools.cache
def from_annotation(annotation: Any) -> st.SearchStrategy[Any]:
    """Values shaped like `annotation` (constraints ignored: breaking them is the point), leaves hostile."""
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is typing.Annotated:
        return from_annotation(args[0])
    if origin in (Union, types.UnionType):
        return st.one_of(*[from_annotation(a) for a in args])
    if origin is Literal:
        return st.one_of(st.sampled_from(args), hostile_text())
    if origin is list:
        return st.lists(swapped(from_annotation(args[0])), max_size=3)
    if origin is dict:  # a key is swapped only for a scalar: YAML's keys (and Python's) are hashable
        key = from_annotation(args[0])
        return st.dictionaries(st.one_of(key, key, key, hostile_scalar()), swapped(from_annotation(args[1])), max_size=3)
    if annotation is type(None):
        return st.none()
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return from_model(annotation)
    if annotation is str:
        return _text_leaf()
    if annotation is bool:
        return st.booleans()
    if annotation is int:  # small, years (every/since), anything
        return st.one_of(st.integers(-5, 40), st.integers(1890, 2110), st.sampled_from(NASTY_NUMBERS), st.integers())
    if annotation is float:
        return st.one_of(st.floats(), st.sampled_from(NASTY_NUMBERS))
    if annotation in (dt.date, dt.datetime):
        return st.one_of(st.dates(), st.sampled_from(NASTY_DATES))
    return hostile_any()


@functools.cache
def fields_of(model: type[BaseModel]) -> st.SearchStrategy[dict[str, Any]]:
    """Any subset of the model's fields, each possibly swapped, and sometimes a field it does not know."""
    optional = {name: swapped(from_annotation(field.annotation)) for name, field in model.model_fields.items()}
    return st.fixed_dictionaries({}, optional={**optional, "khong-biet": hostile_any()})


@functools.cache
def from_model(model: type[BaseModel]) -> st.SearchStrategy[dict[str, Any]]:
    required = {name: swapped(from_annotation(f.annotation)) for name, f in model.model_fields.items() if f.is_required()}
    optional = {name: swapped(from_annotation(f.annotation)) for name, f in model.model_fields.items() if not f.is_required()}
    return st.fixed_dictionaries(required, optional=optional)


def dump(data: Any) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


# --- what one example writes into the small project (tests/conftest.py's fill_small_project) ---

ENTRY_OF = {"di-tich": "chua-an", "le-hoi": "hoi-lim", "lang-nghe": "nghe-dan", "nghe-nhan": "nghe-nhan-a", "quan-ho": "moi-trau", "san-pham": "banh-a"}
PAGES = ["docs/vi/chuyen-muc/ra-mat.md", "docs/en/chuyen-muc/mua-le-hoi.md", "docs/vi/di-tich/chua-an.md", "docs/en/le-hoi/hoi-lim.md", "docs/vi/index.md"]
DATA_FILES = [f"data/{s}/{i}.yml" for s, i in ENTRY_OF.items()] + ["data/site.yml", "data/vocabulary.yml", "data/qr-issued.yml", "data/trails/vong.yml", "data/su-kien/ram.yml"]
FILE_NAMES = ["Đình Làng.yml", "con.yml", "index.yml", "-a-.yml", "a\nb.yml", "x`y.yml", "a" * 200 + ".yml", "ab.YML", ".an.yml", "a b.yml"]


def _entry(section: str, fields: dict[str, Any]) -> dict[str, Any]:
    base = {"name": {"vi": "Mục", "en": "Entry"}, "summary": {"vi": "Tóm tắt.", "en": "Summary."}, **BASE_FIELDS[section]}
    return {**base, **fields}


TRAIL = {"name": {"vi": "Vòng", "en": "Loop"}, "summary": {"vi": "Tóm tắt.", "en": "Summary."}, "season": {"vi": "Xuân", "en": "Spring"},
         "stops": [{"entry": "chua-an"}, {"entry": "am-ba"}], "travel": ["walking"]}
EVENT = {"name": {"vi": "Rằm", "en": "Full moon"}, "summary": {"vi": "Tóm tắt.", "en": "Summary."},
         "repeat": {"lunar_days": [1, 15]}, "time": {"start": "18:00"}, "place": {"entry": "chua-an"}}
SITE = {"ward": {"vi": "Phường", "en": "Ward"}, "column": {"launch": "2026-09"}}


def _front(front: dict[str, Any], body: str) -> str:
    return f"---\n{dump(front)}---\n\n{body}\n"


@functools.cache
def markdown_body() -> st.SearchStrategy[str]:
    return st.lists(st.one_of(st.sampled_from(MARKDOWN), hostile_text()), min_size=1, max_size=5).map("\n\n".join)


# Front matter any page may carry: the post's fields, and what MkDocs and the theme read.
PAGE_KEYS = ["title", "summary", "date", "description", "entries", "cover", "translated_from", "icon", "hide", "template", "status", "search"]


@functools.cache
def page_fields() -> st.SearchStrategy[dict[str, Any]]:
    return st.dictionaries(st.sampled_from(PAGE_KEYS), hostile_any(), min_size=1, max_size=2)


@functools.cache
def post_front() -> st.SearchStrategy[dict[str, Any]]:
    base = {"title": "Bài", "date": "2026-09-15", "summary": "Tóm tắt"}
    return fields_of(PostMeta).map(lambda f: {**base, **f})


@functools.cache
def edit() -> st.SearchStrategy[tuple[str, str | bytes]]:
    """One file written into the project: (path under the root, its content)."""
    sections = list(ENTRY_OF)
    return st.one_of(
        st.sampled_from(sections).flatmap(lambda s: fields_of(SCHEMAS[s]).map(lambda f: (f"data/{s}/{ENTRY_OF[s]}.yml", dump(_entry(s, f))))),
        fields_of(Trail).map(lambda f: ("data/trails/vong.yml", dump({**TRAIL, **f}))),
        fields_of(RecurringEvent).map(lambda f: ("data/su-kien/ram.yml", dump({**EVENT, **f}))),
        fields_of(Settings).map(lambda f: ("data/site.yml", dump({**SITE, **f}))),
        st.tuples(st.sampled_from(PAGES), post_front(), markdown_body()).map(lambda t: (t[0], _front(t[1], t[2]))),
        st.tuples(st.sampled_from(PAGES), hostile_any(), markdown_body()).map(lambda t: (t[0], _front(t[1], t[2]))),
        st.tuples(st.sampled_from(PAGES), page_fields(), markdown_body()).map(lambda t: (t[0], _front(t[1], t[2]))),
        st.tuples(st.sampled_from(PAGES), markdown_body()).map(lambda t: (t[0], t[1])),
        st.tuples(st.sampled_from(DATA_FILES), st.one_of(st.sampled_from(RAW_YAML), st.sampled_from(RAW_BYTES), hostile_text())),
        st.tuples(st.sampled_from(DATA_FILES), st.sampled_from([50, 200, 1000, 5000])).map(lambda t: (t[0], nesting(t[1]))),
        st.tuples(st.sampled_from(sections), st.sampled_from(FILE_NAMES)).map(lambda t: (f"data/{t[0]}/{t[1]}", dump(_entry(t[0], {})))),
    )


def edits() -> st.SearchStrategy[list[tuple[str, str | bytes]]]:
    return st.lists(edit(), min_size=1, max_size=3)
