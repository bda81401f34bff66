"""From the schema's types to Decap's widgets: one field of the form per field of a model,
with the same limits and the same sentences as `make check`."""

from __future__ import annotations

import datetime as dt
import types
import typing
from typing import Any, Literal, Union

import annotated_types
from pydantic import BaseModel

from heritage import urls
from heritage.content import schema
from heritage.content.messages import RULES, too_few
from heritage.content.practical import MODE_LABELS
from heritage.content.schema import Text
from heritage.content.settings import ThemeColors
from heritage.content.vocabulary import Vocabulary
from heritage.editor import refusals
from heritage.editor.words import (
    DATE_HINT,
    DATE_INVALID,
    EITHER_TOGGLE,
    HINTS,
    ORDER,
    both,
    choices,
    WEEKDAY_LABELS,
    label,
    missing_field,
    missing_text,
)
from heritage.i18n import STRINGS
from heritage.pages import theme_colors
from heritage.sections import COLUMN, LANGUAGES

COVER_FOLDER = COLUMN.key  # data/media/chuyen-muc/: the covers uploaded for column posts

# --- from the schema's types to Decap's widgets -------------------------------------------------


def _strip_optional(annotation: Any) -> tuple[Any, bool]:
    """X | None → (X, True)."""
    if typing.get_origin(annotation) in (Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(args) < len(typing.get_args(annotation)):
            return (args[0] if len(args) == 1 else Union[tuple(args)]), True
    return annotation, False


def _constraints(annotation: Any, info_metadata: list) -> dict[str, Any]:
    """min/max, length and pattern of a field, from pydantic's metadata and Annotated[]."""
    found: dict[str, Any] = {}
    metadata = list(info_metadata)
    if typing.get_origin(annotation) is typing.Annotated:
        metadata += list(typing.get_args(annotation)[1:])
    for item in metadata:
        for attr in ("ge", "le", "max_length", "min_length", "pattern"):
            value = getattr(item, attr, None)
            if value is not None:
                found[attr] = value
        if isinstance(item, annotated_types.Ge):
            found["ge"] = item.ge
        if isinstance(item, annotated_types.Le):
            found["le"] = item.le
    return found


def patterns(annotation: Any, info_metadata: list, model: type[BaseModel] | None, name: str) -> list[str]:
    """Every pattern of a text, in the order pydantic checks them (an https:// sign-in address is
    a web address, then https), then the one its model's validator checks."""
    metadata = list(info_metadata)
    if typing.get_origin(annotation) is typing.Annotated:
        metadata += list(typing.get_args(annotation)[1:])
    found = [item.pattern for item in metadata if getattr(item, "pattern", None)]
    extra = refusals.VALIDATED_PATTERNS.get((model, name)) if model else None  # type: ignore[arg-type]
    return list(dict.fromkeys([*found, *([extra] if extra else [])]))


def one_line(annotation: Any, metadata: list = ()) -> bool:  # type: ignore[assignment]
    """Whether the schema refuses a line break in this text (schema._one_line)."""
    found = list(metadata) + (list(typing.get_args(annotation)[1:]) if typing.get_origin(annotation) is typing.Annotated else [])
    return any(getattr(m, "func", None) is schema._one_line for m in found)


def _base(annotation: Any) -> Any:
    while typing.get_origin(annotation) is typing.Annotated:
        annotation = typing.get_args(annotation)[0]
    return annotation


class Generator:
    """Decap fields for a section, the column and the site settings."""

    def __init__(self, vocabulary: Vocabulary, stops: list[dict[str, str]] | None = None):
        self.vocabulary = vocabulary
        self.stops = stops  # choices for a trail stop's entry (trail_stops()); None: typed as an id

    def text(self, name: str, model: type[Text], required: bool, multiline: bool = False) -> dict[str, Any]:
        """A bilingual text: Vietnamese and English side by side in one widget (admin/hx-bilingual.js),
        stored as the file's `{vi: …, en: …}`; its refusals are `make check`'s sentences."""
        info = model.model_fields["vi"]
        limit = _constraints(info.annotation, info.metadata).get("max_length")
        # a title is one line (schema._one_line): a one-line box cannot hold a line break
        field: dict[str, Any] = {"widget": "heritage-bilingual", "multiline": (multiline or bool(limit)) and not one_line(info.annotation, info.metadata)}
        if required:
            for lang in LANGUAGES:
                field[f"heritage_required_{lang}"] = both(missing_text(lang))
        if limit:
            field.update(refusals.too_long(limit))
        return field

    def union(self, name: str, arms: tuple[Any, ...], required: bool) -> dict[str, Any]:
        """A field the schema types as one of two shapes; the widget reads and writes both."""
        lists = [a for a in arms if typing.get_origin(_base(a)) is list]
        words = [a for a in arms if typing.get_origin(a) is Literal and len(typing.get_args(a)) == 1]
        texts = [a for a in arms if isinstance(_base(a), type) and issubclass(_base(a), Text)]
        plain = [a for a in arms if _base(a) is str]
        if len(arms) == 2 and lists and words:
            # `days: list[...] | Literal["daily"]`: seven boxes and "every day" (admin/hx-days.js)
            (item,) = typing.get_args(_base(lists[0]))
            days = typing.get_args(item) if typing.get_origin(item) is Literal else schema.WEEKDAYS
            (every,) = typing.get_args(words[0])
            return {
                "widget": "heritage-days",
                "heritage_days": [{"value": d, "label": both(WEEKDAY_LABELS[d])} for d in days],
                "heritage_every": {"value": every, "label": both(WEEKDAY_LABELS[every])},
                "heritage_required_one": both(refusals.DAYS_NONE),
            }
        if len(arms) == 2 and texts and plain:
            # `credit: str | Text`: one text for both languages (a name), or one per language
            field = self.text(name, _base(texts[0]), required)
            limit = _constraints(plain[0], []).get("max_length")
            field.update({"widget": "heritage-either", "multiline": False, "heritage_toggle": both(EITHER_TOGGLE)})
            if limit:
                field.update(refusals.too_long(limit))
            if required:
                field["heritage_required_one"] = both(missing_field(name))
            return field
        raise TypeError(f"cms: no widget for the union {name!r} ({arms!r}); add one in heritage/editor/fields.py")

    # Decap's own "required" check words its refusal generically; `heritage_required_<lang>`
    # adds the sentence `make check` prints, shown under it by the heritage-bilingual widget.

    def _decorate(self, field: dict[str, Any], name: str, required: bool, owner: str | None = None) -> dict[str, Any]:
        field = {"name": name, "label": label(name, owner), **{k: v for k, v in field.items() if k != "name"}, "required": required}
        if name in HINTS:
            field["hint"] = both(HINTS[name])
        return field

    def field(self, section: str | None, name: str, info, owner: str | None = None, model: type[BaseModel] | None = None) -> dict[str, Any]:
        annotation, optional = _strip_optional(info.annotation)
        required = info.is_required()
        bounds = _constraints(annotation, info.metadata)
        base = _base(annotation)
        if name == "type" and section:
            return self._decorate({"widget": "select", "options": choices(self.vocabulary.types.get(section, {}))}, name, required, owner)
        if name == "ranking" and section:
            return self._decorate({"widget": "select", "options": choices(self.vocabulary.rankings.get(section, {}))}, name, required, owner)
        if name == "priority":
            return self._decorate({"widget": "select", "options": choices(self.vocabulary.priorities)}, name, required, owner)
        if name == "category":
            return self._decorate({"widget": "select", "options": choices(self.vocabulary.categories)}, name, required, owner)
        if name == "license" and model is schema.MediaItem and self.vocabulary.licenses:
            # the vocabulary's licences with both labels: `make check` refuses any other name
            return self._decorate({"widget": "select", "options": choices(self.vocabulary.licenses)}, name, required, owner)
        if name == "entry" and self.stops:
            return self._decorate({"widget": "select", "options": self.stops}, name, required, owner)
        if name == "audio" and model is schema.PostMeta:
            # a recording per language: Decap shows this box in each language's pane (POST_TRANSLATED),
            # and one path on a page is that page's language read aloud (heritage/column/audio.py)
            folder = f"{urls.MEDIA_SOURCE}/{COVER_FOLDER}"
            return self._decorate({"widget": "file", "choose_url": False, "media_folder": f"/{folder}", "public_folder": COVER_FOLDER}, name, False, owner)
        if name in ("image", "audio", "video"):
            return self._decorate({"widget": "image" if name == "image" else "file", "choose_url": False}, name, required, owner)
        if owner == ThemeColors.__name__:
            # Decap's colour picker, the code typed too; the form is refused in make check's words
            # (the contrast only make check can judge: it needs the ratio and a darker colour)
            return self._decorate({"widget": "color", "allowInput": True, "pattern": [theme_colors.HEX.pattern, both(tuple(t.replace("'{value}' không", "Không").replace("'{value}' is not", "Not") for t in RULES["color-form"][:2]))]}, name, required, owner)
        if name == "cover" and model is schema.PostMeta:
            # a photo uploaded through hx-upload.js (cleaned, named after the post) into the
            # column's own media folder; stored as `<folder>/<file>`, the path `make check` reads
            # under data/media/ (sources.media_path_error)
            folder = f"{urls.MEDIA_SOURCE}/{COVER_FOLDER}"
            return self._decorate({"widget": "image", "choose_url": False, "media_folder": f"/{folder}", "public_folder": COVER_FOLDER}, name, required, owner)
        if isinstance(base, type) and issubclass(base, Text):
            return self._decorate(self.text(name, base, required, multiline=name in ("summary", "transcript", "caption")), name, required, owner)
        if isinstance(base, type) and issubclass(base, BaseModel):
            children = self.fields(section, base)
            if not required:
                # Decap checks a required child even when its optional parent is left empty (an
                # artisan without a location); `make check` still refuses a half-filled one.
                children = [_optional(child) for child in children]
            return self._decorate({"widget": "object", "collapsed": False, "fields": children, **refusals.cross_rules(base)}, name, required, owner)
        if typing.get_origin(base) is typing.Union or typing.get_origin(base) is types.UnionType:
            return self._decorate(self.union(name, typing.get_args(base), required), name, required, owner)
        if typing.get_origin(base) is list:
            (item,) = typing.get_args(base)
            item_base = _base(item)
            least = {"min": bounds["min_length"]} if bounds.get("min_length") else {}
            if bounds.get("max_length"):
                least["max"] = bounds["max_length"]  # Decap refuses more items, as `make check` does
            if isinstance(item_base, type) and issubclass(item_base, BaseModel):
                items = self.fields(section, item_base)
                out = self._decorate({"widget": "list", "collapsed": False, **least, "summary": list_summary(items), "fields": items, **refusals.cross_rules(item_base)}, name, required, owner)
            elif typing.get_origin(item_base) is Literal:
                # a few fixed choices (a trail's travel modes): one select, several values
                # default []: Decap's select, required and multiple, sets [] itself on mount
                # otherwise, and a blank new form then says "unsaved changes" before any typing
                out = self._decorate({"widget": "select", "multiple": True, "default": [], **least, "options": _literal_options(item_base)}, name, required, owner)
            else:
                inner = self.field(section, "item", _Info(item, [], True))
                inner.pop("hint", None)
                # collapsed, an item shows its value (Decap shows the field's label otherwise)
                out = self._decorate({"widget": "list", **least, "summary": "{{fields.item}}", "field": {**inner, "label": label(name, owner)}}, name, required, owner)
            if "min" in least:
                # Decap refuses a short list in its own words; the hint says what `make check` says
                rule = both(too_few(name, least["min"])[:2])
                out["hint"] = f"{out['hint']} {rule}" if "hint" in out else rule
            return out
        if typing.get_origin(base) is Literal:
            field = {"widget": "select", "options": _literal_options(base)}
            if required:
                # an optional choice gets none: Decap would write it into every new item and,
                # since a list whose fields have a default starts with one item, give every new
                # entry a half-made media item that `make check` refuses (media[].language)
                field["default"] = typing.get_args(base)[0]
            return self._decorate(field, name, required, owner)
        if base is bool:
            return self._decorate({"widget": "boolean", "default": bool(info.default) if info.default not in (None, ...) else False}, name, required, owner)
        if base in (int, float):
            # a text box (admin/hx-fields.js): a comma typed as the decimal point is refused in
            # `make check`'s words, where a number box would keep nothing of it
            field: dict[str, Any] = {"widget": "heritage-number", "value_type": "int" if base is int else "float"}
            field.update(refusals.number(model, name, base is int, bounds.get("ge"), bounds.get("le")))
            if base is float:
                field["step"] = 0.000001
            # no `default`: Decap would write it into every new item (a stop's `minutes: 20`) as if
            # the officer had typed it; a box left empty is left out of the file, and the schema's
            # own default applies
            return self._decorate(field, name, required, owner)
        if base is dt.date:
            # day/month/year typed, YYYY-MM-DD stored (admin/hx-date.js): Decap's own picker follows the browser's language
            out = self._decorate({"widget": "heritage-date", "heritage_placeholder": "dd/mm/yyyy", "heritage_date_invalid": both(DATE_INVALID)}, name, required, owner)
            out["hint"] = both(DATE_HINT)
            return out
        if base is str:
            # heritage-string (admin/hx-fields.js) refuses in `make check`'s words, with the value
            # and the length typed; Decap's `pattern` would say one fixed sentence
            field = {"widget": "heritage-string"}
            regexes = patterns(annotation, info.metadata, model, name)
            regex = regexes[0] if regexes else None
            checked = [refusals.pattern(r, name) for r in regexes]
            if None in checked:
                raise TypeError(f"cms: no sentence for a pattern of {name!r} ({regexes!r}); add one in heritage/content/forms.py")
            if checked:
                # the first one as before; all of them, in make check's order, where there are more
                field["heritage_pattern"] = checked[0]
                if len(checked) > 1:
                    field["heritage_patterns"] = checked
            limit = bounds.get("max_length")
            if limit and not regex:
                field.update(refusals.too_long(limit))
            if required:
                # a language of a text in a list (the report's recipients): make check's sentence names the language
                text_language = isinstance(model, type) and issubclass(model, Text) and name in LANGUAGES
                field["heritage_required_one"] = both(missing_text(name) if text_language else missing_field(name, owner))
            return self._decorate(field, name, required, owner)
        raise TypeError(f"cms: no widget for field {name!r} ({annotation!r}); add one in heritage/editor/fields.py")

    def fields(self, section: str | None, model: type[BaseModel], skip: tuple[str, ...] = ()) -> list[dict[str, Any]]:
        out = []
        rank = {name: i for i, name in enumerate(ORDER)}
        needs = refusals.needed(model)
        own = refusals.on_field(model)
        names = sorted(model.model_fields, key=lambda n: rank.get(n, len(ORDER))) if section else list(model.model_fields)
        for name in names:
            info = model.model_fields[name]
            if name in skip:
                continue
            if typing.get_args(info.annotation) == () and info.annotation is type(None):
                continue  # `ranking: None`: the section has no ranking
            out.append({**self.field(section, name, info, model.__name__, model), **needs.get(name, {}), **own.get(name, {})})
        return out


# What a collapsed list item shows (Decap's `summary`), by its fields: a media item its file (or
# YouTube id) and description, a trail's stop its entry and minutes, a source its title and
# address. Decap would show the label of the list's field, or the first field's raw value (empty
# for an audio item, "Map {…}" for a bilingual one).
WHAT = ("image", "audio", "video", "youtube", "entry", "title", "opens")  # fields that name the item
DETAIL = ("alt", "caption", "note", "url", "closes", "minutes", "en")  # then one that tells it apart


def _ref(field: dict[str, Any]) -> str:
    """A field's value in a summary template: a bilingual text by its Vietnamese."""
    return f"fields.{field['name']}.vi" if field["widget"] in ("heritage-bilingual", "heritage-either") else f"fields.{field['name']}"


def list_summary(items: list[dict[str, Any]]) -> str:
    """The `summary` template of a list of objects: its naming fields (at most one is filled:
    a media item is a photo, a sound, a video or a YouTube id), then a detail after " · " when
    there is one; the first field when none names the item."""
    by_name = {f["name"]: f for f in items}
    what = [by_name[n] for n in WHAT if n in by_name] or items[:1]
    out = "".join("{{" + _ref(f) + "}}" for f in what)
    detail = next((by_name[n] for n in DETAIL if n in by_name), None)
    if detail is not None:
        ref = _ref(detail)
        out += "{{" + ref + " | ternary(' · ', '')}}{{" + ref + "}}"
    return out


def _optional(field: dict[str, Any]) -> dict[str, Any]:
    """The same field, not required in the form (nor are its own children)."""
    out = {k: v for k, v in field.items() if not k.startswith("heritage_required_")}
    out["required"] = False
    if "fields" in out and out.get("widget") == "object":
        out["fields"] = [_optional(child) for child in out["fields"]]
    return out


class _Info(typing.NamedTuple):
    """The part of pydantic's FieldInfo the generator reads, for list items and unions."""

    annotation: Any
    metadata: list
    required: bool
    default: Any = None

    def is_required(self) -> bool:
        return self.required


CHOICE_LABELS: dict[str, tuple[str, str]] = {
    "lunar": ("Âm lịch", "Lunar"),
    "solar": ("Dương lịch", "Solar"),
    # a trail's travel modes, worded as on the trail's page
    **{mode: (STRINGS[mode]["vi"], STRINGS[mode]["en"]) for mode in schema.TRAVEL_MODES},
    # how a visitor gets there (practical.getting_there), worded as on the plan page
    **{mode: (words["vi"], words["en"]) for mode, words in MODE_LABELS.items()},
}


def _literal_options(annotation: Any) -> list[dict[str, str]]:
    return [{"label": both(CHOICE_LABELS.get(v, (v, v))), "value": v} for v in typing.get_args(annotation)]

# Fields of the column's front matter: translated in each language, or the same in both.
POST_TRANSLATED = ("title", "summary", "description", "audio", "body")
POST_HIDDEN = ("translated_from",)  # written by the editor's script, never typed
POST_LABELS = {"title": ("Tiêu đề", "Title"), "date": ("Ngày đăng", "Date of publication")}
