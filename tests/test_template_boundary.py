"""The template boundary: the engine's templates print values the package prepared and call no
Python, so that they also run under MiniJinja (Zensical's template engine, which cannot call
into Python). Every Jinja template of the engine is parsed with Jinja2's own parser; a call is
allowed only to a macro (the template's own, imported ones, Material's `lang.t`) or to one of
the few functions MiniJinja also has, and a filter or test only where MiniJinja has it too
(or the engine registers it in both).

heritage's own fragment templates (heritage/pages/templates/, rendered by heritage with Jinja2,
never by the site generator) still call the Renderer's helpers in places: DEBT counts them per
template, may only fall, and must be lowered when a template gets better.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from jinja2 import Environment, nodes

REPO = Path(__file__).resolve().parent.parent

# What MiniJinja has built in (checked against minijinja itself below), and the filters the
# engine registers in either environment: `url` is MkDocs' and Zensical's own, `day` and
# `month` heritage's (heritage/pages/renderer.py, registered in MiniJinja the same way).
# `lang.t`: Material's translation macro (partials/language.html, imported by its base.html, so
# the partials see it without importing it); Zensical's MiniJinja templates have the same macro.
CALLABLES = frozenset({"super", "caller", "range", "dict", "namespace", "loop.cycle", "lang.t"})
MINIJINJA_FILTERS = frozenset({
    "abs", "attr", "batch", "bool", "capitalize", "count", "d", "default", "dictsort", "e", "escape", "first", "float",
    "format", "groupby", "indent", "int", "items", "join", "last", "length", "list", "lower", "map", "max", "min",
    "reject", "rejectattr", "replace", "reverse", "round", "safe", "select", "selectattr", "slice", "sort", "split",
    "string", "striptags", "sum", "title", "tojson", "trim", "unique", "upper", "urlencode",
})
REGISTERED_FILTERS = frozenset({"url", "day", "month"})
MINIJINJA_TESTS = frozenset({"defined", "undefined", "none", "mapping", "sequence", "string", "number", "sameas", "in", "eq", "equalto", "true", "false", "odd", "even"})

# Calls into Python objects still in heritage's fragment templates (Renderer helpers, model
# methods). Lower a number when a template improves; never raise one.
DEBT: dict[str, int] = {
    "heritage/pages/templates/_macros.html": 26,
    "heritage/pages/templates/_onsite.html": 32,
    "heritage/pages/templates/_post_list.html": 4,
    "heritage/pages/templates/about.html": 3,
    "heritage/pages/templates/about_brochure.html": 2,
    "heritage/pages/templates/catalogue.html": 5,
    "heritage/pages/templates/column_index.html": 10,
    "heritage/pages/templates/entry_foot.html": 39,
    "heritage/pages/templates/entry_head.html": 18,
    "heritage/pages/templates/event_foot.html": 3,
    "heritage/pages/templates/event_head.html": 15,
    "heritage/pages/templates/events_index.html": 7,
    "heritage/pages/templates/festivals.html": 18,
    "heritage/pages/templates/home.html": 34,
    "heritage/pages/templates/home_head.html": 9,
    "heritage/pages/templates/open_data.html": 2,
    "heritage/pages/templates/places.html": 14,
    "heritage/pages/templates/post_foot.html": 3,
    "heritage/pages/templates/post_head.html": 5,
    "heritage/pages/templates/practical.html": 19,
    "heritage/pages/templates/search.html": 2,
    "heritage/pages/templates/trail_foot.html": 28,
    "heritage/pages/templates/trail_head.html": 14,
    "heritage/pages/templates/trails_index.html": 6,
}


def engine_templates() -> list[str]:
    """Every Jinja template the engine ships: the theme's overrides and heritage's own."""
    found = [*REPO.glob("overrides/**/*.html"), *REPO.glob("heritage/**/*.html")]
    return sorted(p.relative_to(REPO).as_posix() for p in found)


def _callee(node: nodes.Expr) -> str:
    if isinstance(node, nodes.Name):
        return node.name
    if isinstance(node, nodes.Getattr):
        return f"{_callee(node.node)}.{node.attr}"
    return type(node).__name__


def python_calls(source: str) -> list[str]:
    """Each call, filter or test of a template that MiniJinja could not run, with its line."""
    tree = Environment().parse(source)
    macros = {m.name for m in tree.find_all(nodes.Macro)}
    for imported in tree.find_all(nodes.FromImport):
        macros |= {name[1] if isinstance(name, tuple) else name for name in imported.names}
    modules = {i.target for i in tree.find_all(nodes.Import)}  # {% import "partials/language.html" as lang %}
    found = []
    for call in tree.find_all(nodes.Call):
        name = _callee(call.node)
        head = name.split(".")[0]
        if name in CALLABLES or name in macros or (head in modules and name.count(".") == 1):
            continue
        found.append(f"line {call.lineno}: {name}(…)")
    for node in tree.find_all(nodes.Filter):
        if node.name not in MINIJINJA_FILTERS | REGISTERED_FILTERS:
            found.append(f"line {node.lineno}: filter |{node.name}")
    for node in tree.find_all(nodes.Test):
        if node.name not in MINIJINJA_TESTS:
            found.append(f"line {node.lineno}: test is {node.name}")
    return found


def test_every_engine_template_is_seen():
    names = engine_templates()
    assert "overrides/main.html" in names and "heritage/pages/templates/entry_head.html" in names
    assert not set(DEBT) - set(names), f"DEBT names templates that are gone: {sorted(set(DEBT) - set(names))}"


@pytest.mark.parametrize("template", engine_templates())
def test_templates_print_prepared_values(template):
    calls = python_calls((REPO / template).read_text(encoding="utf-8"))
    allowed = DEBT.get(template, 0)
    assert len(calls) <= allowed, (
        f"{template} calls into Python {len(calls)} times (allowed {allowed}); prepare the value in heritage "
        f"and print it instead:\n  " + "\n  ".join(calls)
    )
    assert len(calls) == allowed, f"{template} now has {len(calls)} calls: lower DEBT[{template!r}] to {len(calls)}"


def test_the_theme_templates_owe_nothing():
    """The templates the site generator renders (MkDocs today, Zensical's MiniJinja tomorrow)."""
    assert not [name for name in DEBT if name.startswith("overrides/")]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("{{ r.t('x') }}", ["line 1: r.t(…)"]),
        ("{{ d.items() }}", ["line 1: d.items(…)"]),
        ("{{ settings.site_name(lang) }}", ["line 1: settings.site_name(…)"]),
        ("{{ x | upper }} {{ page.url | url }}", []),
        ("{{ x | wordcount }}", ["line 1: filter |wordcount"]),
        ("{% if x is divisibleby(3) %}{% endif %}", ["line 1: test is divisibleby"]),
        ("{% macro m(a) %}{{ a }}{% endmacro %}{{ m(1) }}", []),
        ('{% from "_macros.html" import card %}\n{{ card(r, e) }}', []),
        ('{% import "partials/language.html" as lang %}{{ lang.t("toc") }}', []),
        ("{% block b %}{{ super() }}{% endblock %}", []),
        ("{% for i in range(3) %}{{ loop.cycle('a', 'b') }}{% endfor %}", []),
        ("{{ r.txt.search_page }} {{ r.base ~ path }} {{ hx_theme.languages[lang].search }}", []),
    ],
)
def test_the_rule(source, expected):
    assert python_calls(source) == expected


def test_the_allowed_filters_and_tests_are_minijinja_s():
    import minijinja  # requirements.in pins it: a missing engine fails, never skips
    env = minijinja.Environment()
    for name in sorted(MINIJINJA_FILTERS):
        try:
            env.render_str("{{ x | %s }}" % name, x="a")
        except Exception as exc:  # a filter given the wrong input still exists; an unknown one does not
            assert "unknown filter" not in str(exc), name
    for name in sorted(MINIJINJA_TESTS):
        try:
            env.render_str("{{ x is %s }}" % name, x="a")
        except Exception as exc:
            assert "unknown test" not in str(exc), name
    with pytest.raises(Exception, match="unknown filter"):
        env.render_str("{{ x | wordcount }}", x="a")
