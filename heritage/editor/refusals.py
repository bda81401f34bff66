"""The form's refusals, worded by the same functions as `make check`'s: a value's figures (a
text's length, a latitude, a number typed with a comma) are left as `{placeholders}` that
admin/hx-fields.js fills in as the editor types, so the form and the check say one sentence.

Each template is `make check`'s message (sentence and fix, Vietnamese then English) with the
value's place kept: `said(kinds.too_long("{length}", 300))`.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from heritage.content import forms, kinds, schema
from heritage.content.addresses import SOURCE_PATTERN, WEB_PATTERN, web_address_pattern
from heritage.content.kinds import Message
from heritage.content.messages import FILE_FIXES, RULES
from heritage.content.references import stop_repeated
from heritage.content.settings import MONTH, ColumnSettings, Settings


def said(message: Message, file_fix: bool = False) -> str:
    """A message as the form shows it: the sentence and its fix, Vietnamese then English; without
    the fix where it is about writing the file (`file_fix`: quotes, `alt: {vi: …}`)."""
    vi, en, fix_vi, fix_en = message
    if file_fix:
        fix_vi = fix_en = ""
    return f"{vi} {fix_vi}".strip() + " / " + f"{en} {fix_en}".strip()


def rule(name: str, **values: Any) -> str:
    """A schema rule (`messages.RULES`) with the values known now; the others stay `{name}`."""
    keep = {key: "{" + key + "}" for key in ("value", "day", "month", "opens", "closes", "found_vi", "found_en")}
    return said(tuple(text.format(**{**keep, **values}) for text in RULES[name]), name in FILE_FIXES)


def too_long(limit: int) -> dict[str, Any]:
    """A text's limit: the refusal says its length, as `make check` does (kinds.too_long)."""
    return {"heritage_max_length": limit, "heritage_too_long": said(kinds.too_long("{length}", limit))}


def pattern(regex: str, name: str) -> list[str] | None:
    """[regex, refusal with `{value}`] for a patterned text, in the words `make check` uses
    for that pattern (messages._bad_pattern); None for a pattern with no sentence. A web
    address's is the whole rule (addresses.web_address_pattern), with JavaScript's flag "u"."""
    if regex in (schema.ID_CHARS, schema.ID_PATTERN.pattern):
        return [schema.ID_PATTERN.pattern, said(kinds._id_form("{value}"))]
    if regex in (WEB_PATTERN, SOURCE_PATTERN):
        return [web_address_pattern("javascript", site_path=regex == SOURCE_PATTERN), rule("web-address"), "u"]
    if regex in forms.SENTENCES:
        return [regex, said(forms.SENTENCES[regex], regex in forms.FILE_FIXES)]
    if regex == schema.YOUTUBE_ID.pattern:
        return [regex, rule("youtube-id")]
    if regex == schema.TIME.pattern:
        return [regex, rule("visit-time")]
    if regex == MONTH.pattern:
        return [regex, rule("month-format")]
    if regex == NO_PARENT:
        return [regex, rule("media-path")]
    return None


NO_PARENT = r"^(?!(?:.*/)?\.\.(?:/|$))"  # no '..' step (Settings._logo_inside: the logo stays in data/)

# Texts the schema checks in a field validator rather than in the type: (model, field) → pattern,
# checked after the type's own (in make check's order).
VALIDATED_PATTERNS: dict[tuple[type[BaseModel], str], str] = {
    (schema.MediaItem, "youtube"): schema.YOUTUBE_ID.pattern,  # MediaItem._one_kind
    (schema.Hours, "opens"): schema.TIME.pattern,  # Hours._time
    (schema.Hours, "closes"): schema.TIME.pattern,
    (ColumnSettings, "launch"): MONTH.pattern,  # ColumnSettings._month
    (Settings, "logo"): NO_PARENT,  # Settings._logo_inside
}


# Ranges the schema checks in a field validator: (model, field) → (least, most, rule).
VALIDATED_RANGES: dict[tuple[type[BaseModel], str], tuple[float, float, str]] = {
    (schema.Location, "lat"): (*schema.VIETNAM_LAT, "latitude-outside"),
    (schema.Location, "lon"): (*schema.VIETNAM_LON, "longitude-outside"),
}


def number(model: type[BaseModel] | None, name: str, whole: bool, least: float | None, most: float | None) -> dict[str, Any]:
    """The refusals of a number box (admin/hx-fields.js, heritage-number): a comma as decimal
    point, not a number, under or over its bounds (a latitude outside Viet Nam: lat and lon swapped?)."""
    out: dict[str, Any] = {
        "heritage_whole": whole,
        "heritage_comma": said(kinds.decimal_comma("{value}", "{fixed}", name)),
        "heritage_nan": said(kinds.not_a_number("{value}", name, whole)),
    }
    ranged = VALIDATED_RANGES.get((model, name)) if model else None
    if ranged:
        lo, hi, name_of_rule = ranged
        out.update({"min": lo, "max": hi, "heritage_below": rule(name_of_rule, lo=lo, hi=hi), "heritage_above": rule(name_of_rule, lo=lo, hi=hi)})
        return out
    if least is not None:
        out.update({"min": least, "heritage_below": said(kinds.out_of_bounds("{value}", least, True))})
    if most is not None:
        out.update({"max": most, "heritage_above": said(kinds.out_of_bounds("{value}", most, False))})
    return out


# Rules across an item's fields (the models' validators): admin/hx-fields.js refuses the save
# with the rule's sentence. Kinds: need (when `when` is filled, `need` is too), one (exactly one
# of `fields`), together (all of `fields` or none), apart (not both), most (`field` ≤ `most`
# where `if` holds), date (day/month a real date where `if` holds), not (`field` off where
# `if` holds), order (`then` after `first`), distinct (`field` differs between a list's items).
CROSS_RULES: dict[type[BaseModel], tuple[dict[str, Any], ...]] = {
    schema.MediaItem: (
        {"rule": "media-kinds", "kind": "one", "fields": list(schema._MEDIA_KINDS)},
        {"rule": "image-alt", "kind": "need", "when": "image", "need": "alt"},
        *({"rule": "media-caption", "kind": "need", "when": kind, "need": "caption"} for kind in ("audio", "video", "youtube")),
    ),
    schema.When: (
        {"rule": "lunar-day", "kind": "most", "field": "day", "most": 30, "if": {"calendar": "lunar"}},
        {"rule": "solar-date", "kind": "date", "if": {"calendar": "solar"}},
        {"rule": "solar-leap", "kind": "not", "field": "leap", "if": {"calendar": "solar"}},
        {"rule": "every-since", "kind": "together", "fields": ["every", "since"]},
    ),
    schema.Hours: ({"rule": "visit-order", "kind": "order", "first": "opens", "then": "closes"},),
    schema.Visit: ({"rule": "visit-fee", "kind": "apart", "fields": ["free", "fee"]},),
    # a cross-file check, on the trail's own list (references._check_stops)
    schema.TrailStop: ({"rule": "stop-repeated", "kind": "distinct", "field": "entry", "message": said(stop_repeated("{index}", "{value}", "{first}"))},),
}


def cross_rules(model: type[BaseModel]) -> dict[str, Any]:
    rules = CROSS_RULES.get(model)
    if not rules:
        return {}
    return {"heritage_rules": [{**r, "message": r.get("message") or rule(r["rule"])} for r in rules]}


def needed(model: type[BaseModel]) -> dict[str, dict[str, Any]]:
    """Fields a `need` rule makes required once another field of the item is filled (a photo's
    description, a recording's caption): field → `heritage_needed`, which admin/hx-bilingual.js
    reads to show the field as required and refuse it on the field, in the rule's sentence."""
    out: dict[str, dict[str, Any]] = {}
    for r in CROSS_RULES.get(model, ()):
        if r["kind"] == "need":
            entry = out.setdefault(r["need"], {"heritage_needed": {"when": [], "message": rule(r["rule"])}})
            entry["heritage_needed"]["when"].append(r["when"])
    return out


ON_FIELD = {"order": "then", "distinct": "field"}  # a rule's kind → the key naming the field it is refused on


def on_field(model: type[BaseModel]) -> dict[str, dict[str, Any]]:
    """Rules across fields refused on one of them (a closing time not after the opening time: on
    `closes`; a repeated stop: on the repeat's `entry`): field → `heritage_item_rules`, which
    admin/hx-fields.js checks as that field's own refusal, so that Decap marks it red and scrolls
    to it, rather than refusing the save in a toast that names no field."""
    out: dict[str, dict[str, Any]] = {}
    for r in cross_rules(model).get("heritage_rules", []):
        if r["kind"] in ON_FIELD:
            out.setdefault(r[ON_FIELD[r["kind"]]], {"heritage_item_rules": []})["heritage_item_rules"].append(r)
    return out
