"""Every rule `make check` holds an entry, a trail or a post to, walked from the code (the
schema's types and validators, the cross-file checks' Problem sites), and how the web
editor's form refuses it before saving: in the same sentence with the same figures, or by
offering nothing that breaks it (a select, a file picker, a page the editor's script writes).

A rule the walk finds and no table here classifies fails `test_every_rule_is_classified`:
a new rule of the schema or a new cross-file check must say how the form holds it.
"""

from __future__ import annotations

import ast
import inspect
import re
import typing
from typing import Any, Literal, NamedTuple

import pytest
from pydantic import BaseModel, ValidationError

from heritage.content import kinds, loader, references, schema, translations
from heritage.content.messages import RULES as SCHEMA_RULES, explain
from heritage.content.schema import SCHEMAS, PostMeta, Text, Trail
from heritage.content.addresses import web_address_pattern
from heritage.content.settings import Settings, load_settings
from heritage.content.vocabulary import load_vocabulary
from heritage.editor import collections as form_config
from heritage.editor import fields as form_fields
from heritage.editor import refusals
from heritage.editor.fields import _base, _constraints, _strip_optional, one_line
from heritage.content.labels import LABELS
from heritage.editor.words import both, form_words, missing_field, missing_text
from heritage.sections import COLUMN
from tests.conftest import REPO

SETTINGS = "cai-dat"  # data/site.yml: one file, its form the settings collection's
COLLECTIONS: dict[str, type[BaseModel]] = {**SCHEMAS, form_config.TRAIL_COLLECTION: Trail, COLUMN.key: PostMeta, SETTINGS: Settings}
VOCABULARY_FIELDS = ("type", "ranking", "priority", "category")  # a select of data/vocabulary.yml


class Rule(NamedTuple):
    collection: str
    path: tuple[str, ...]  # field names from the collection's top (a Text's vi/en included)
    kind: str  # required, length, pattern, options, least, most, items-min, items-max, rule:<name>, fields
    value: Any
    required_here: bool  # every block above it is required (Decap checks a required child only then)

    @property
    def id(self) -> str:
        return f"{self.collection}:{'.'.join(self.path) or '-'}:{self.kind}"


def _validator_rules(model: type[BaseModel]) -> list[tuple[str, str | None]]:
    """(rule, field or None) for every `broken("rule")` a validator of `model` raises."""
    out = []
    decorators = model.__pydantic_decorators__
    for group in (decorators.field_validators, decorators.model_validators):
        for decorator in group.values():
            fields = getattr(decorator.info, "fields", (None,))
            for name in re.findall(r'broken\("([a-z-]+)"', inspect.getsource(decorator.func)):
                out += [(name, field) for field in fields]
    return out


def _walk(collection: str, model: type[BaseModel], path: tuple[str, ...], required_here: bool) -> list[Rule]:
    rules = [Rule(collection, path, "fields", sorted(model.model_fields), required_here)]
    for rule, field in _validator_rules(model):
        rules.append(Rule(collection, (*path, field) if field else path, f"rule:{rule}", model, required_here))
    for name, info in model.model_fields.items():
        if info.annotation is type(None):
            continue  # `ranking: None`: the section has none
        rules += _field_rules(collection, (*path, name), info.annotation, info.metadata, info.is_required(), required_here, model)
    return rules


def _field_rules(collection, path, annotation, metadata, required, required_here, model) -> list[Rule]:
    annotation, _ = _strip_optional(annotation)
    bounds = _constraints(annotation, metadata)
    base = _base(annotation)
    here = required_here and required
    rules = [Rule(collection, path, "required", required, required_here)]
    if typing.get_origin(annotation) is typing.Annotated:
        for item in typing.get_args(annotation)[1:]:
            func = getattr(item, "func", None)
            if func is schema._one_line:
                rules.append(Rule(collection, path, "rule:line-break", None, here))
            elif func is not None:
                rules += [Rule(collection, path, f"rule:{name}", None, here) for name in re.findall(r'"heritage", "([a-z-]+)"|_refused', inspect.getsource(func)) if name] or [Rule(collection, path, "rule:web-address", None, here)]
    if isinstance(base, type) and issubclass(base, BaseModel):
        return rules + _walk(collection, base, path, here)
    if typing.get_origin(base) in (typing.Union, __import__("types").UnionType):
        for arm in typing.get_args(base):
            sub = _field_rules(collection, path, arm, [], required, required_here, model)
            rules += [r for r in sub if r.path != path or r.kind not in ("required", "fields")]
        return rules
    if typing.get_origin(base) is list:
        (item,) = typing.get_args(base)
        if bounds.get("min_length"):
            rules.append(Rule(collection, path, "items-min", bounds["min_length"], here))
        if bounds.get("max_length"):
            rules.append(Rule(collection, path, "items-max", bounds["max_length"], here))
        if typing.get_origin(item) is Literal:
            return rules + [Rule(collection, path, "options", typing.get_args(item), here)]
        # an item's own fields are required in the form whatever the list (an item exists once added)
        return rules + [r for r in _field_rules(collection, path, item, [], True, required_here or True, model) if not (r.kind == "required" and r.path == path)]
    if typing.get_origin(base) is Literal:
        return rules + [Rule(collection, path, "options", typing.get_args(base), here)]
    for key, kind in (("max_length", "length"), ("min_length", "non-empty"), ("ge", "least"), ("le", "most")):
        if bounds.get(key) is not None:
            rules.append(Rule(collection, path, kind, bounds[key], here))
    # every pattern, in the order pydantic checks them (a sign-in address: a web address, then
    # https://), then the one a validator checks
    found = [m.pattern for m in [*metadata, *(typing.get_args(annotation)[1:] if typing.get_origin(annotation) is typing.Annotated else ())] if getattr(m, "pattern", None)]
    found += [regex for (owner, name), regex in refusals.VALIDATED_PATTERNS.items() if owner is model and path[-1] == name]
    if found:
        rules.append(Rule(collection, path, "pattern", tuple(dict.fromkeys(found)), here))
    return rules


def schema_rules() -> list[Rule]:
    out = []
    for collection, model in COLLECTIONS.items():
        out += _walk(collection, model, (), True)
    return list({r.id: r for r in out}.values())


RULES = schema_rules()


@pytest.fixture(scope="module")
def config():
    settings, _ = load_settings(REPO)
    vocabulary, _ = load_vocabulary(REPO)
    return form_config.config(REPO, settings, vocabulary)


def form_field(config, collection: str, path: tuple[str, ...]) -> dict[str, Any]:
    """The form's field for a path; a Text's vi/en is its bilingual widget."""
    found = next(c for c in config["collections"] if c["name"] == collection)
    fields = found["fields"] if "fields" in found else found["files"][0]["fields"]  # the settings: one file
    field: dict[str, Any] = {"widget": "object", "fields": fields}
    for name in path:
        if field["widget"] in ("heritage-bilingual", "heritage-either") and name in ("vi", "en"):
            return field
        children = field.get("fields") or ([field["field"]] if "field" in field else [])
        field = next(f for f in children if f["name"] == name)
    return field


# --- rules the form holds some other way, or cannot say: each with its reason ------------------

PICKED = "a file chosen with Decap's file picker (hx-upload.js uploads it): its name is never typed"
STOP = "a trail stop is a select of the entries with coordinates (trail_stops()): any choice is an existing id"
# The form offers nothing that breaks these (keyed by the rule's kind and its field's last name).
CANNOT_PRODUCE: dict[tuple[str, str], str] = {
    ("pattern", "entry"): STOP,
    ("length", "entry"): STOP,
    ("required", "translated_from"): "a hidden field the editor's script writes (POST_HIDDEN), never typed",
    ("rule:media-path", "-"): "image, audio and video are chosen with Decap's file picker, which stores a file name of data/media/<id>/: never '/', '..' nor '\\'",
    ("rule:visit-day", "days"): "the weekday picker (hx-days.js) offers only the seven days and 'daily'; none ticked is refused in the rule's sentence (heritage_required_one)",
    ("rule:visit-empty", "visit"): "the form writes the block's two check boxes (by_appointment, free) whenever it writes the block: a block with no field set is not written",
    **{(kind, media): PICKED for kind in ("length", "non-empty") for media in ("image", "audio", "video")},
    ("non-empty", "translated_from"): "a hidden field the editor's script writes (POST_HIDDEN), never typed",
    ("rule:line-break", "*"): "a name or title is a one-line box (an <input>): it cannot hold a line break",
    ("fields", "*"): "the form is generated from the model: it has no field the model does not (extra='forbid')",
}

# Required inside an optional block: Decap checks a required child even when its optional parent
# is left empty (an artisan without a location), so the child is optional in the form, and
# `make check` alone refuses a half-filled block. Decap has no "required when the block is used".
HALF_FILLED_BLOCK = "a required field of an optional block: Decap cannot require it only when the block is used"


# Fields the form leaves out, kept in the file as they are (Decap writes back what it read).
NOT_IN_FORM: dict[tuple[str, tuple[str, ...]], str] = {
    (SETTINGS, ("column", "excused")): "excused months map a month to a reason: Decap has no widget for a free mapping; edited in data/site.yml, kept by the form",
    **{(COLUMN.key, ("audio", lang)): "the form has one recording box in each language's pane (`audio: <path>` on that page); "
       "the {vi, en} map is for editing the file by hand (heritage/column/audio.py reads both)" for lang in ("vi", "en")},
}


def _classify(rule: Rule) -> str:
    last = rule.path[-1] if rule.path else "-"
    for (collection, path), reason in NOT_IN_FORM.items():
        if rule.collection == collection and rule.path[: len(path)] == path:
            return "cannot:" + reason
    for key in ((rule.kind, last), (rule.kind, "*"), (rule.kind, "-") if rule.kind == "rule:media-path" else None):
        if key in CANNOT_PRODUCE:
            return "cannot:" + CANNOT_PRODUCE[key]
    if rule.kind == "required" and rule.value and not rule.required_here:
        return "cannot:" + HALF_FILLED_BLOCK
    return "form"


# What a file's editor needs and an officer filling a form does not: quotes, YAML, a file's
# name or line, a command, a raw key (`alt`) or a key written as in the file (`lat: 21.18`).
FILE_ADVICE = re.compile(
    r'ngoặc kép|"|YAML|\.yml\b|Markdown|python -m|\b(?:dòng|line) \d|\b(?:in|no|without) quotes\b(?!, spaces)|`'
    r"|\b(?:" + "|".join(sorted(LABELS, key=len, reverse=True)) + r"): (?:[-\d'\[{]|true|false)"
)


def _form_advice(text: str) -> None:
    """A form's sentence gives no file-editing advice."""
    found = FILE_ADVICE.search(text)
    assert not found, f"file advice {found.group(0)!r} in the form's sentence: {text}"


def _same_sentence(form: str, message: tuple[str, str, str, str]) -> None:
    """The form says make check's sentence (its fields by their labels: form_words), then its
    own advice, which is form advice; make check's advice (a file's) may differ."""
    vi, en = form.split(" / ", 1)
    assert vi.startswith(form_words(message[0], "vi")) and en.startswith(form_words(message[1], "en")), (form, message)
    _form_advice(form)


def _said(message: tuple[str, str, str, str]) -> str:
    return refusals.said(message)


def _check_form(config, rule: Rule) -> None:
    field = form_field(config, rule.collection, rule.path)
    last = rule.path[-1] if rule.path else ""
    if field["widget"] == "list" and "field" in field and rule.kind not in ("required", "items-min", "items-max"):
        field = field["field"]  # a list of typed values: the rule is each value's
    bilingual = field["widget"] in ("heritage-bilingual", "heritage-either")
    if rule.kind == "required":
        if last in ("vi", "en"):
            said = field.get("heritage_required_one") if field["widget"] == "heritage-string" else field.get(f"heritage_required_{last}")  # a text in a list: its two boxes
            assert said == both(missing_text(last)) or not field["required"], field
            return
        assert field["required"] is rule.value, field
        if rule.value and field["widget"] == "heritage-string":
            vi, en = field["label"].split(" / ")  # named by the label the officer sees
            assert field["heritage_required_one"] == f"Thiếu trường bắt buộc “{vi}”. / The required field “{en}” is missing."
        return
    if rule.kind == "non-empty":
        # an empty box is `required`'s refusal; an optional one left empty is not written
        # (a photo field, a post's cover: a picked file's path, never an empty one)
        assert rule.value == 1 and (bilingual or field["widget"] in ("heritage-string", "select", "string", "image")), field
        return
    if rule.kind == "length" and "heritage_pattern" in field:
        # the pattern holds the length too (an id: at most 60 characters; a YouTube id: 11)
        assert not re.search(field["heritage_pattern"][0], "a" * (rule.value + 1))
        return
    if rule.kind == "length" and field["widget"] == "select":
        # a choice of the vocabulary's values (a media item's licence): none longer than allowed
        assert all(len(o["value"]) <= rule.value for o in field["options"]), field
        return
    if rule.kind == "length":
        assert field["heritage_max_length"] == rule.value
        _same_sentence(field["heritage_too_long"], kinds.too_long("{length}", rule.value))
        return
    if rule.kind == "pattern":
        got = field.get("heritage_patterns") or [field["heritage_pattern"]]
        assert got == [refusals.pattern(regex, last) for regex in rule.value]
        assert field["heritage_pattern"] == got[0]
        for (regex, _template, *flags), schema_regex in zip(got, rule.value):
            if flags:  # a web address: the whole rule, for JavaScript; its Python twin is make check's (test_cms_addresses.py)
                assert flags == ["u"] and regex == web_address_pattern("javascript", site_path=regex.startswith("^(?:"))
                regex = web_address_pattern("python", site_path=regex.startswith("^(?:"))
            for sample in ("dinh-tan-an", "Dinh Tan An", "0222 3851 234", "a@b.vn", "https://x.vn/", "dQw4w9WgXcQ", "07:30", "25:00", "x", "2026-09", "2026-13", "logo.png", "a/../logo.png"):
                assert bool(re.search(regex, sample)) == bool(re.search(schema_regex, sample)) or schema_regex == schema.ID_CHARS, (regex, sample)
        return
    if rule.kind == "options":
        if field["widget"] == "heritage-days":  # days: [mo, …] | daily
            assert [d["value"] for d in field["heritage_days"]] + [field["heritage_every"]["value"]] == [*schema.WEEKDAYS, "daily"]
            assert set(rule.value) <= {*schema.WEEKDAYS, "daily"}
        elif field["widget"] == "select":
            assert [o["value"] for o in field["options"]] == list(rule.value)
        else:  # a list of fixed choices
            assert field["widget"] == "select" and field.get("multiple")
        return
    if rule.kind in ("least", "most"):
        assert field["widget"] == "heritage-number"
        assert field["min" if rule.kind == "least" else "max"] == rule.value
        key = "heritage_below" if rule.kind == "least" else "heritage_above"
        _same_sentence(field[key], kinds.out_of_bounds("{value}", rule.value, rule.kind == "least"))
        return
    if rule.kind in ("items-min", "items-max"):
        assert field["min" if rule.kind == "items-min" else "max"] == rule.value
        return
    if rule.kind.startswith("rule:"):
        name = rule.kind[5:]
        if name in ("latitude-outside", "longitude-outside"):
            lo, hi, _ = refusals.VALIDATED_RANGES[(schema.Location, last)]
            assert (field["min"], field["max"]) == (lo, hi) and field["heritage_below"] == refusals.rule(name, lo=lo, hi=hi)
            return
        if name in ("youtube-id", "visit-time", "web-address"):
            if name == "youtube-id" and field["widget"] == "list":
                field = form_field(config, rule.collection, (*rule.path, "youtube"))  # raised by the item's validator
            if name == "visit-time":
                field = form_field(config, rule.collection, (*rule.path[:-1], last))
            assert field["heritage_pattern"][1] == refusals.rule(name)
            return
        if name == "visit-day":
            return
        assert name in {r["rule"] for r in field.get("heritage_rules", [])}, (name, field.get("heritage_rules"))
        return
    raise AssertionError(f"no check for {rule.kind}")


def test_the_walk_finds_the_rules_the_issue_names():
    ids = {r.id for r in RULES}
    assert "di-tich:summary.vi:length" in ids and "di-tich:location.lat:rule:latitude-outside" in ids
    assert "di-tich:media:rule:image-alt" in ids and "di-tich:media.license:required" in ids
    assert "di-tich:visit.phone:pattern" in ids and "di-tich:visit.email:pattern" in ids and "di-tich:sources.url:pattern" in ids
    assert "le-hoi:when:rule:lunar-day" in ids and "hanh-trinh:stops:items-min" in ids
    assert len(RULES) > 300


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_every_rule_is_classified_and_the_form_holds_it(config, rule):
    how = _classify(rule)
    if how.startswith("cannot:"):
        assert len(how) > 30  # a reason, in words
        if rule.kind == "required" and rule.path[-1] not in form_fields.POST_HIDDEN and (rule.collection, rule.path) not in NOT_IN_FORM:
            assert form_field(config, rule.collection, rule.path)["required"] is False
        return
    _check_form(config, rule)


# --- the cross-file checks, one per Problem the checks can report ------------------------------


def cross_file_checks() -> list[str]:
    """`module.function: start of the English sentence` for every Problem(...) the cross-file
    checks build (content.references, content.loader, content.translations)."""
    out = []
    for module in (references, loader, translations):
        tree = ast.parse(inspect.getsource(module))
        for function in (n for n in tree.body if isinstance(n, ast.FunctionDef)):
            for call in ast.walk(function):
                if isinstance(call, ast.Call) and getattr(call.func, "id", None) == "Problem":
                    words = ast.unparse(call.args[2] if len(call.args) > 2 else call.args[1])
                    out.append(f"{module.__name__.rsplit('.', 1)[1]}.{function.name}: {words[:48]}")
    return out


FORM_ID = "refused as the id is typed and when saving (heritage-id, hx-fields.js, reads ids.json: every section, trail, alias and reserved name)"
SELECT = "a select of the allowed values: the form offers no other"
STORIES = "the editor's script writes the data file and both pages together (heritage-cms.js, `heritage.stories`)"
CROSS_FILE: dict[str, str] = {
    "references._check_settings: f'The logo file data/{settings.logo} does not ex": "cannot: the settings form types the logo's file name; whether data/<logo> exists is known to the repository only (the GitHub backend has no listing of data/)",
    'references._check_settings: f"The featured entry \'{entry_id}\' does not exist': "cannot: featured entries are typed ids in the settings form (Decap's relation widget reads one collection; ids span six sections)",
    'references._check_vocabulary: f"\'{value}\' is not a `{name}` of the section {en': SELECT,
    'references._check_ids: f"The alias \'{alias}\' is a reserved name and can': "cannot: an alias is a former id, typed; the form checks its form (pattern) only, its owner is known to make check",
    'references._check_ids: f"The alias \'{alias}\' is already claimed by {own': "cannot: as above (a typed former id)",
    'references._check_links: f"The entry \'{other}\' lists itself in `related`.': "cannot: related ids are typed (pattern checked); the relation spans six collections, which Decap's relation widget cannot",
    'references._check_links: f"The related entry \'{other}\' does not exist" + ': "cannot: as above",
    "references._check_links: *error": "cannot produce: media files are chosen with the file picker, which uploads them into data/media/<id>/",
    "references._check_pages: f'The entry has no story page: docs/vi/{entry.se": STORIES,
    "references._check_pages: f'This page has no data file data/{section}/{pag": STORIES,
    'references._check_post: f"The category \'{meta.category}\' is not in data/': SELECT,
    "references._check_post: *error": "cannot: a post's cover is a photo picked or uploaded in the form (data/media/chuyen-muc/); whether an older path still exists is known to the repository only",
    "references._check_post: f\"The entry '{entry_id}' does not exist.\"": "cannot: featured entries are typed ids (six collections)",
    'references._check_post_dates: f"The date {twin.date.isoformat()} differs from ': "cannot produce: the date is i18n 'duplicate', one value for both languages",
    'references._check_stops: f"Stop {index + 1}: \'{stop.entry}\' is a trail, n': SELECT + " (entries with coordinates, trail_stops())",
    'references._check_stops: f"Stop {index + 1}: the entry \'{stop.entry}\' doe': SELECT + " (entries with coordinates, trail_stops())",
    'references._check_stops: f"Stop {index + 1}: the entry \'{stop.entry}\' has': SELECT + " (entries with coordinates, trail_stops())",
    'references._check_stops: *stop_repeated(index + 1, stop.entry, first_at[s': "form rule: distinct stops (heritage_rules on the stops list)",
    'references._check_trail_pages: f"The trail has no page: {\' and \'.join(missing)}': STORIES,
    "references._check_trail_pages: f'This page has no data file data/trails/{page.s": STORIES,
    'references._check_brochure: f"Brochure: there is no trail \'{brochure.trail}\'': "cannot: the brochure's trail is a typed id in the settings form",
    "references._check_brochure: f\"Brochure: '{relic}' is not the id of a relic.\"": "cannot: the brochure's relics are typed ids in the settings form",
    'references._check_practical: f"Plan your trip: there is no entry \'{entry_id}\'': SELECT + " (entries with coordinates, trail_stops(): a place to eat near)",
    "loader._schema_problems: en": "the schema's rules: each walked above (test_every_rule_is_classified_and_the_form_holds_it)",
    'loader._parse_data_file: f"The file name \'{shown}\' cannot be an id: lower': "the id field's pattern (heritage-id): the file is named after it",
    "loader._parse_data_file: *id_reserved(entry_id, path.parent.name)": FORM_ID,
    "loader._parse_data_file: 'The file must contain `name: value` fields.'": "cannot produce: the form writes a mapping",
    'loader._entry_files: f"\'{child.name}\' is not a section folder" + (f";': "cannot produce: the form writes into its collections' folders",
    "loader._entry_files: 'Entry files must end in .yml.'": "cannot produce: collections write .yml",
    "loader._claim: *id_taken(entry_id, seen[entry_id], trail=trail)": FORM_ID,
    "translations.problems: f'This page has no English twin {pair.en}.'": STORIES,
    "translations.problems: f'This English page has no Vietnamese twin {pair": STORIES,
    "translations.problems: f'The Vietnamese page {pair.vi} changed after th": "a warning, not a refusal: shown in the form's Check panel (hx-check.js) and the desk",
    'translations.problems: f"translated_from: \'{pair.recorded}\' matches no ': "cannot produce: translated_from is a hidden field the editor's script writes",
    "translations.problems: f'The page has no `translated_from`, so nobody c": "a warning: shown in the Check panel; the desk stamps it",
    "translations.structure_problems: f'Different number of images from the Vietnamese": "a warning about two Markdown bodies: shown in the Check panel",
    "translations.structure_problems: f'The headings differ from the Vietnamese page {": "a warning about two Markdown bodies: shown in the Check panel",
}


def test_every_cross_file_check_is_classified():
    found = cross_file_checks()
    assert len(found) == len(set(found))
    assert sorted(set(found) - set(CROSS_FILE)) == [], "a new cross-file check: say how the form holds it"
    assert sorted(set(CROSS_FILE) - set(found)) == [], "a check that is gone: remove it from the table"


def test_the_cross_file_checks_the_form_holds(config):
    relic = {f["name"]: f for f in next(c for c in config["collections"] if c["name"] == "di-tich")["fields"]}
    assert relic["id"]["widget"] == "heritage-id" and relic["id"]["heritage_ids"] == form_config.IDS_FILE
    assert relic["type"]["widget"] == "select" and relic["ranking"]["widget"] == "select"
    stops = form_field(config, form_config.TRAIL_COLLECTION, ("stops",))
    entry = form_field(config, form_config.TRAIL_COLLECTION, ("stops", "entry"))
    assert entry["widget"] == "select" and {o["value"] for o in entry["options"]} == {
        e.id for e in loader.load_inventory(REPO).entries.values() if e.data.location is not None
    }
    distinct = next(r for r in stops["heritage_rules"] if r["kind"] == "distinct")
    assert distinct["message"] == refusals.said(references.stop_repeated("{index}", "{value}", "{first}"))
    media = form_field(config, "di-tich", ("media", "image"))
    assert media["widget"] == "image" and media["choose_url"] is False


# --- the form's sentence is make check's, figures included ----------------------------------------


def _make_check(model: type[BaseModel], data: dict) -> list[tuple[str, str, str, str]]:
    """make check's messages (sentence and fix, each language) for `data`."""
    try:
        model.model_validate(data)
    except ValidationError as exc:
        return [explain(e, model) for e in exc.errors(include_url=False)]
    return []


def _fill(template: str, **values) -> str:
    """What admin/hx-fields.js's fill() does."""
    return re.sub(r"\{([a-z_]+)\}", lambda m: str(values.get(m.group(1), m.group(0))), template)


def test_the_forms_templates_filled_in_are_make_checks_sentences(config):
    valid = {"name": {"vi": "Đình", "en": "Temple"}, "summary": {"vi": "Tóm tắt.", "en": "Summary."}, "type": "dinh", "ranking": "x", "location": {"lat": 21.18, "lon": 106.07}}
    relic = schema.Relic
    summary = form_field(config, "di-tich", ("summary",))
    long = "ẽ" * 301
    (said,) = _make_check(relic, {**valid, "summary": {"vi": long, "en": "x"}})
    _same_sentence(_fill(summary["heritage_too_long"], length=301), said)
    assert "Markdown" in said[2] and "bài giới thiệu" in summary["heritage_too_long"]  # the file's editor: the page; the officer: the story
    lat = form_field(config, "di-tich", ("location", "lat"))
    _same_sentence(_fill(lat["heritage_above"], value="106.07"), _make_check(relic, {**valid, "location": {"lat": 106.07, "lon": 21.18}})[0])
    assert "Check that Latitude and Longitude are not swapped." in lat["heritage_above"]
    (said,) = _make_check(relic, {**valid, "location": {"lat": "21,18", "lon": 106.07}})
    comma = _fill(lat["heritage_comma"], value="21,18", fixed="21.18")
    _same_sentence(comma, said)
    assert "Write lat: 21.18 (a point, no quotes)." == said[3]  # make check keeps its file advice
    assert comma.endswith("Type a decimal number with a point, e.g. 21.18.") and "Gõ số thập phân với dấu chấm, ví dụ 21.18." in comma
    for name, bad in (("phone", "gọi tôi"), ("email", "a b@c")):
        field = form_field(config, "di-tich", ("visit", name))
        (said,) = _make_check(relic, {**valid, "visit": {name: bad}})
        _same_sentence(_fill(field["heritage_pattern"][1], value=bad), said)
    assert "ngoặc kép" in _make_check(relic, {**valid, "visit": {"phone": "gọi tôi"}})[0][2]  # the file's editor still told
    url = form_field(config, "di-tich", ("sources", "url"))
    (said,) = _make_check(relic, {**valid, "sources": [{"title": "T", "url": "javascript:alert(1)"}]})
    assert _fill(url["heritage_pattern"][1], value="javascript:alert(1)") == refusals.said(said)  # no file advice: the same words
    when = form_field(config, "le-hoi", ("when",))
    lunar = next(r for r in when["heritage_rules"] if r["rule"] == "lunar-day")
    festival = {**valid, "when": {"calendar": "lunar", "month": 1, "day": 31}}
    del festival["location"]
    (said,) = _make_check(schema.Festival, festival)
    _same_sentence(_fill(lunar["message"], day=31), said)
    assert "`day`" in said[2] and "“Ngày”" in lunar["message"]  # the file's key; the form's label
    vi = schema.Name.model_fields["vi"]
    assert one_line(vi.annotation, vi.metadata) and not one_line(Text.model_fields["vi"].annotation, Text.model_fields["vi"].metadata)
    assert form_field(config, "di-tich", ("name",))["multiline"] is False and form_field(config, "di-tich", ("summary",))["multiline"] is True


def test_a_short_list_is_named_by_its_label_in_make_check_and_in_the_form(config):
    """Not "Danh sách travel…": the label; make check adds the key for those who edit the file,
    the form does not (its officer sees the label only)."""
    trail = {"name": {"vi": "Đi bộ", "en": "Walk"}, "summary": {"vi": "T.", "en": "S."}, "travel": [], "stops": [{"entry": "a"}, {"entry": "b"}]}
    said = _make_check(Trail, trail)[0]
    assert said[0] == "Danh sách Cách đi (`travel`) cần ít nhất 1 phần tử." and said[1].startswith("The list How to travel (`travel`)"), said
    hint = form_field(config, form_config.TRAIL_COLLECTION, ("travel",))["hint"]
    assert "Danh sách Cách đi cần ít nhất 1 phần tử. / The list How to travel needs at least 1 item." in hint
    _form_advice(hint)


# --- the refusals as the editor reads them, once the form has filled in the value ------------------


def _fields(fields: list[dict[str, Any]]):
    """Every field of a form, nested ones too."""
    for field in fields:
        yield field
        yield from _fields(field.get("fields") or ([field["field"]] if "field" in field else []))


def _all_fields(config):
    for collection in config["collections"]:
        yield from _fields(collection.get("fields") or [f for file in collection["files"] for f in file["fields"]])


def test_a_number_box_refuses_a_comma_and_a_non_number_in_make_checks_words(config):
    """admin/hx-fields.js puts the typed value in `{value}` (and the corrected one in `{fixed}`):
    the editor then reads make check's sentence for that value, whole numbers named as such."""
    numbers = {f["name"]: f for f in _all_fields(config) if f["widget"] == "heritage-number"}
    assert numbers["lat"]["heritage_whole"] is False and numbers["ocop_stars"]["heritage_whole"] is True
    for name, field in numbers.items():
        whole = field["heritage_whole"]
        _same_sentence(field["heritage_nan"].replace("{value}", "abc"), kinds.not_a_number("abc", name, whole))
        filled = field["heritage_comma"].replace("{value}", "21,5").replace("{fixed}", "21.5")
        _same_sentence(filled, kinds.decimal_comma("21,5", "21.5", name))
        assert "21.5" in filled.split(" / ")[1].split(".", 1)[1]  # the corrected value, as the example


def test_an_id_box_refuses_in_make_checks_words_with_the_value_typed(config):
    ids = [f for f in _all_fields(config) if f.get("heritage_pattern", [None])[0] == schema.ID_PATTERN.pattern]
    assert ids
    for field in ids:
        assert field["heritage_pattern"][1].replace("{value}", "Đình-A") == refusals.said(kinds._id_form("Đình-A"))


def test_a_rules_fix_about_writing_the_file_is_left_out_of_the_forms_refusal(config):
    """"Write `alt: {vi: …}`" helps in a YAML file, not in a form: the form says the sentence
    alone for those rules (messages.FILE_FIXES), and the sentence with its fix for the others."""
    said = {r["rule"]: r["message"] for f in _all_fields(config) for r in f.get("heritage_rules", [])}
    vi, en, fix_vi, fix_en = (text.format() for text in SCHEMA_RULES["image-alt"])  # templates: `{{` is a brace
    assert said["image-alt"] == f"{form_words(vi, 'vi')} / {form_words(en, 'en')}" and "alt:" in fix_vi
    vi, en, fix_vi, fix_en = (text.format() for text in SCHEMA_RULES["visit-fee"])
    _same_sentence(said["visit-fee"], (vi, en, fix_vi, fix_en))
    assert "fee: {" in fix_vi and "bật Miễn phí" in said["visit-fee"]  # the file's words; the form's


def _sentences(value: Any):
    """Every sentence of the form: a refusal, a hint, a rule's message (any text with " / ")."""
    if isinstance(value, dict):
        for key, inner in value.items():
            if key not in ("label", "name", "summary", "pattern") and not (key == "heritage_pattern" and isinstance(inner, str)):
                yield from _sentences(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from _sentences(inner)
    elif isinstance(value, str) and " / " in value:
        yield value


def test_no_sentence_of_the_form_gives_file_editing_advice(config):
    """The officer fills boxes: no quotes, YAML, .yml, Markdown page, command, line number, nor
    a key as the file writes it (`alt`, `lat: 21.18`); every field named by its label."""
    found = sorted(set(_sentences(config["collections"])))
    assert len(found) > 60 and any("Gõ số thập phân" in s for s in found)
    for sentence in found:
        _form_advice(sentence)


def test_a_photos_description_is_required_once_a_photo_is_chosen(config):
    """The `need` rules (image-alt, media-caption) make a field required only once another is
    filled: admin/hx-bilingual.js reads `heritage_needed` and refuses in the rule's sentence."""
    alt = form_field(config, "di-tich", ("media", "alt"))
    assert alt["heritage_needed"] == {"when": ["image"], "message": refusals.rule("image-alt")}
    caption = form_field(config, "di-tich", ("media", "caption"))
    assert caption["heritage_needed"] == {"when": ["audio", "video", "youtube"], "message": refusals.rule("media-caption")}
