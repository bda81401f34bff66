"""The web editor's configuration is generated from the schema and the vocabulary: it must
say what `make check` says (fields, required, choices, ranges, patterns, limits)."""

from __future__ import annotations

import json
import re
import typing

import pytest
import yaml

from heritage.content.loader import load_inventory
from heritage.content.messages import RULES, too_few
from heritage.content.schema import (
    ID_PATTERN,
    SCHEMAS,
    VIETNAM_LAT,
    VIETNAM_LON,
    PostMeta,
    Trail,
    TrailStop,
)
from heritage.content.settings import load_settings
from heritage.content.vocabulary import load_vocabulary
from heritage.editor import collections as form_config
from heritage.editor import fields as form_fields
from heritage.editor import page as admin_page
from heritage.editor import words as form_words
from heritage.sections import COLUMN, ENTRY_SECTIONS
from tests.conftest import REPO


@pytest.fixture(scope="module")
def config():
    settings, _ = load_settings(REPO)
    vocabulary, _ = load_vocabulary(REPO)
    return form_config.config(REPO, settings, vocabulary), vocabulary


def _collection(config, name):
    return next(c for c in config["collections"] if c["name"] == name)


def _field(fields, name):
    return next(f for f in fields if f["name"] == name)


@pytest.mark.parametrize("section", list(ENTRY_SECTIONS))
def test_every_schema_field_is_in_the_form_with_the_same_required_flag(config, section):
    collection = _collection(config[0], section)
    form = {f["name"]: f for f in collection["fields"]}
    model = SCHEMAS[section]
    shown = {name for name, info in model.model_fields.items() if info.annotation is not type(None)}
    assert set(form) - {form_words.ID_FIELD, *form_words.STORY_FIELDS.values()} == shown
    for name in shown:
        assert form[name]["required"] == model.model_fields[name].is_required(), name
    assert collection["folder"] == f"data/{section}" and collection["format"] == "yml"
    assert collection["heritage"]["stories"] == {"vi": f"docs/vi/{section}/", "en": f"docs/en/{section}/"}


@pytest.mark.parametrize("section", list(ENTRY_SECTIONS))
def test_choices_come_from_the_vocabulary_with_both_labels(config, section):
    cfg, vocabulary = config
    form = {f["name"]: f for f in _collection(cfg, section)["fields"]}
    types = vocabulary.types[section]
    assert [o["value"] for o in form["type"]["options"]] == list(types)
    assert form["type"]["options"][0]["label"] == f"{next(iter(types.values()))['vi']} / {next(iter(types.values()))['en']}"
    if ENTRY_SECTIONS[section].has_ranking:
        assert [o["value"] for o in form["ranking"]["options"]] == list(vocabulary.rankings[section])
    else:
        assert "ranking" not in form


def test_ids_coordinates_lunar_dates_and_lengths_match_the_checks(config):
    cfg, _ = config
    relic = {f["name"]: f for f in _collection(cfg, "di-tich")["fields"]}
    assert relic["id"]["pattern"][0] == ID_PATTERN.pattern
    assert re.fullmatch(relic["id"]["pattern"][0], "dinh-tan-an") and not re.fullmatch(relic["id"]["pattern"][0], "Dinh Tan An")
    location = {f["name"]: f for f in relic["location"]["fields"]}
    assert (location["lat"]["min"], location["lat"]["max"]) == VIETNAM_LAT
    assert (location["lon"]["min"], location["lon"]["max"]) == VIETNAM_LON
    summary = relic["summary"]
    assert summary["widget"] == "heritage-bilingual" and summary["heritage_max_length"] == 300
    assert "Thiếu bản tiếng Anh." in summary["heritage_required_en"]
    assert "heritage_required_en" not in relic["location"]["fields"][0]  # an optional address
    when = {f["name"]: f for f in _field(_collection(cfg, "le-hoi")["fields"], "when")["fields"]}
    assert (when["month"]["min"], when["month"]["max"]) == (1, 12)
    assert [o["value"] for o in when["calendar"]["options"]] == ["lunar", "solar"]
    media = {f["name"]: f for f in relic["media"]["fields"]}
    assert media["image"]["widget"] == "image" and media["credit"]["required"] and media["license"]["required"]
    youtube = media["youtube"]["heritage_pattern"]
    assert re.fullmatch(youtube[0], "dQw4w9WgXcQ") and RULES["youtube-id"][1].split("' ")[1] in youtube[1]


def test_the_column_is_translated_side_by_side_into_the_sites_folders(config):
    column = _collection(config[0], COLUMN.key)
    assert column["i18n"] is True
    assert config[0]["i18n"] == {"structure": "multiple_folders", "locales": ["vi", "en"], "default_locale": "vi"}
    assert column["heritage"]["real"] == {"vi": "docs/vi/chuyen-muc", "en": "docs/en/chuyen-muc"}
    names = {f["name"] for f in column["fields"]}
    assert names == set(PostMeta.model_fields) - set(form_fields.POST_HIDDEN) | {"body"}
    summary = _field(column["fields"], "summary")
    assert summary["heritage_max_length"] == 300 and "{length}" in summary["heritage_too_long"]
    assert _field(column["fields"], "title")["i18n"] is True and _field(column["fields"], "date")["i18n"] == "duplicate"


def test_a_post_has_a_recording_box_in_each_languages_pane(config):
    """One file picker per language pane (Decap's i18n: true), uploading beside the covers: what
    it writes, `audio: chuyen-muc/<file>` on that language's page, is what make check reads."""
    audio = _field(_collection(config[0], COLUMN.key)["fields"], "audio")
    assert audio["widget"] == "file" and audio["i18n"] is True and audio["required"] is False
    assert audio["media_folder"] == "/data/media/chuyen-muc" and audio["public_folder"] == "chuyen-muc"
    vi, en = audio["label"].split(" / ")
    assert "ghi âm" in vi and "recording" in en


def _bounds(info) -> dict:
    return {k: getattr(m, k) for m in info.metadata for k in ("ge", "le", "min_length") if getattr(m, k, None) is not None}


def test_the_trail_form_is_the_trail_schema(config):
    """Every field of Trail and of its stops, required as `make check` requires it, with the
    schema's ranges, default and list lengths; choices of travel from the schema."""
    trail = _collection(config[0], form_config.TRAIL_COLLECTION)
    assert trail["folder"] == "data/trails" and trail["format"] == "yml" and trail["slug"] == "{{id}}"
    assert trail["heritage"]["stories"] == {"vi": "docs/vi/hanh-trinh/", "en": "docs/en/hanh-trinh/"}
    form = {f["name"]: f for f in trail["fields"]}
    assert set(form) - {form_words.ID_FIELD, *form_words.STORY_FIELDS.values()} == set(Trail.model_fields)
    assert form[form_words.ID_FIELD]["pattern"][0] == ID_PATTERN.pattern
    own = {name: f for name, f in form.items() if name not in (form_words.ID_FIELD, *form_words.STORY_FIELDS.values())}
    for model, fields in ((Trail, own), (TrailStop, {f["name"]: f for f in form["stops"]["fields"]})):
        assert set(fields) == set(model.model_fields), model
        for name, info in model.model_fields.items():
            assert fields[name]["required"] == info.is_required(), name
            bounds = _bounds(info)
            if "ge" in bounds:
                assert (fields[name]["min"], fields[name]["max"]) == (bounds["ge"], bounds["le"]), name
            if "min_length" in bounds:
                assert fields[name]["min"] == bounds["min_length"], name
                assert form_words.both(too_few(name, bounds["min_length"])[:2]) in fields[name]["hint"], name
    stop = {f["name"]: f for f in form["stops"]["fields"]}
    assert form["stops"]["widget"] == "list" and form["stops"]["min"] == 2
    # no default in the form: Decap would write `minutes: 20` into every stop as if typed
    assert "default" not in stop["minutes"] and stop["minutes"]["required"] is False and TrailStop.model_fields["minutes"].default == 20
    assert stop["note"]["widget"] == "heritage-bilingual" and "heritage_required_vi" not in stop["note"]
    assert form["season"]["widget"] == "heritage-bilingual" and "Thiếu bản tiếng Anh." in form["season"]["heritage_required_en"]
    assert form["summary"]["heritage_max_length"] == 300
    (mode,) = typing.get_args(Trail.model_fields["travel"].annotation)  # list[Literal[...]]
    assert form["travel"]["widget"] == "select" and form["travel"]["multiple"] is True
    assert [o["value"] for o in form["travel"]["options"]] == list(typing.get_args(mode))
    assert form["travel"]["options"][0]["label"] == "Đi bộ / On foot"  # as the trail's page says it


def test_a_stop_is_chosen_among_the_entries_with_coordinates(config):
    """`make check` refuses a stop that is not an entry or has no coordinates: the form offers
    exactly the others (from the inventory, at build time)."""
    inventory = load_inventory(REPO)
    stops = _field(_collection(config[0], form_config.TRAIL_COLLECTION)["fields"], "stops")
    entry = _field(stops["fields"], "entry")
    assert entry["widget"] == "select"
    offered = [o["value"] for o in entry["options"]]
    located = {e.id for e in inventory.entries.values() if e.data.location is not None}
    assert set(offered) == located and len(offered) == len(located)
    assert {e.id for e in inventory.entries.values()} - located, "the sample content has entries without coordinates"
    first = inventory.entries[offered[0]]
    assert entry["options"][0]["label"].startswith(f"{first.name('vi')} / {first.name('en')}")
    # every stop of the sample trails can be picked again in the form
    assert {s.entry for t in inventory.trails.values() for s in t.data.stops} <= set(offered)


def test_without_entries_a_stop_is_typed_as_an_id(config):
    """A site with no located entry yet: no empty list of choices (Decap refuses one), an id field."""
    generator = form_fields.Generator(config[1], stops=[])
    entry = _field(_field(form_config.trail_collection(generator)["fields"], "stops")["fields"], "entry")
    assert entry["widget"] == "heritage-string" and entry["heritage_pattern"][0] == ID_PATTERN.pattern  # a typed id, refused empty in make check's words


def test_an_optional_block_can_stay_empty(config):
    artisan = {f["name"]: f for f in _collection(config[0], "nghe-nhan")["fields"]}
    assert artisan["location"]["required"] is False
    assert artisan["location"]["fields"] and all(child["required"] is False for child in artisan["location"]["fields"])
    relic = {f["name"]: f for f in _collection(config[0], "di-tich")["fields"]}
    coordinates = [child for child in relic["location"]["fields"] if child["name"] in ("lat", "lon")]
    assert len(coordinates) == 2 and all(child["required"] for child in coordinates)


def test_a_new_schema_field_without_a_widget_fails_loudly(config):
    class Odd(PostMeta):
        odd: dict[str, int] = {}

    with pytest.raises(TypeError, match="odd"):
        form_fields.Generator(config[1]).fields(None, Odd)


def test_admin_policy_allows_only_the_site_and_githubs_api(monkeypatch):
    policy = admin_page.policy()
    connect = next(d for d in policy.split("; ") if d.startswith("connect-src"))
    assert connect == "connect-src 'self' blob: https://api.github.com"
    assert "http" not in policy.replace("https://api.github.com", "")
    assert "connect-src 'self' blob: https://api.github.com http://127.0.0.1:8081" in admin_page.policy("http://127.0.0.1:8081/api/v1")


def test_the_build_writes_admin_outside_the_sitemap(small_project):
    (small_project.root / "node_modules").symlink_to(REPO / "node_modules")
    result = small_project.build()
    assert result.returncode == 0, result.stderr
    site = small_project.root / "site"
    page = (site / "admin" / "index.html").read_text(encoding="utf-8")
    assert 'name="robots" content="noindex' in page and "https://api.github.com" in page
    assert (site / "admin" / "decap" / "decap-cms.js").is_file()
    # self-hosted: every script and stylesheet of the page is one of the site's own files
    refs = re.findall(r'(?:src|href)="([^"]+)"', page)
    assert refs.count("data:,") == 1 and 'rel="icon" href="data:,"' in page  # an empty icon: no /favicon.ico request
    for ref in refs:
        assert ref == "data:," or ("//" not in ref and (site / "admin" / ref).is_file()), ref
    assert yaml.safe_load((site / "admin" / "config.yml").read_text(encoding="utf-8"))["collections"]
    assert "dinh-tan-an" in json.loads((site / "admin" / "ids.json").read_text(encoding="utf-8"))["taken"]
    assert "/admin/" not in (site / "sitemap.xml").read_text(encoding="utf-8")
    indexes = list((site / "search").glob("*.json"))
    assert indexes, "no search index built"
    for index in indexes:
        assert "admin" not in index.read_text(encoding="utf-8")
    assert "/admin/*" in (site / "_headers").read_text(encoding="utf-8")
    visitors = (site / "index.html").read_text(encoding="utf-8")
    assert "decap" not in visitors and "admin/" not in visitors


def _walk(fields, path=""):
    for field in fields:
        yield f"{path}{field['name']}", field
        yield from _walk(field.get("fields", []), f"{path}{field['name']}.")
        if "field" in field:
            yield from _walk([field["field"]], f"{path}{field['name']}.")


def test_every_field_of_every_collection_has_a_label_in_both_languages(config):
    """A label is "Tiếng Việt / English", never the field's own name (VISIT, TAGLINE…)."""
    seen = 0
    for collection in config[0]["collections"]:
        fields = collection.get("fields") or [f for file in collection["files"] for f in file["fields"]]
        for path, field in _walk(fields):
            vi, sep, en = field["label"].partition(" / ")
            assert sep and vi.strip() and en.strip(), (collection["name"], path, field["label"])
            assert field["name"] not in (vi.strip(), en.strip(), field["label"]), (collection["name"], path, field["label"])
            seen += 1
    assert seen > 150
    signer = _field(_field(_field(_collection(config[0], "cai-dat")["files"][0]["fields"], "report")["fields"], "signer")["fields"], "title")
    assert signer["label"] == "Chức vụ / Position"
    assert _field(_collection(config[0], "nghe-nhan")["fields"], "title")["label"] == "Danh hiệu / Honour title"


def test_a_list_of_days_or_every_day_gets_the_weekday_picker(config):
    """`days: list[...] | Literal["daily"]` (the union, not the name): seven days in the schema's
    order, "every day", and make check's sentence for an empty choice."""
    from heritage.content.schema import WEEKDAYS

    relic = _collection(config[0], "di-tich")["fields"]
    hours = _field(_field(relic, "visit")["fields"], "hours")
    days = _field(hours["fields"], "days")
    assert days["widget"] == "heritage-days" and days["required"] is True
    assert [d["value"] for d in days["heritage_days"]] == list(WEEKDAYS)
    assert days["heritage_days"][0]["label"] == "Thứ Hai / Monday" and days["heritage_days"][-1]["label"] == "Chủ nhật / Sunday"
    assert days["heritage_every"] == {"value": "daily", "label": "Hằng ngày / Every day"}
    assert days["label"] == "Ngày mở cửa / Days open"  # not the festival's "number of days"
    assert RULES["visit-day"][0].format(value="[]") in days["heritage_required_one"]

    class Odd(PostMeta):  # another name, the same union: the same picker
        open_on: list[str] | typing.Literal["daily"] = "daily"

    odd = _field(form_fields.Generator(config[1]).fields(None, Odd), "open_on")
    assert odd["widget"] == "heritage-days" and odd["heritage_every"]["value"] == "daily"


def test_a_text_in_one_or_two_languages_reads_and_writes_both(config):
    """`credit: str | Text`: one widget for both shapes; required with make check's sentences;
    media items refuse a photo without `alt` (the schema's rule across fields)."""
    media = _field(_collection(config[0], "di-tich")["fields"], "media")
    credit = _field(media["fields"], "credit")
    assert credit["widget"] == "heritage-either" and credit["required"] is True
    assert credit["heritage_required_one"] == "Thiếu trường bắt buộc “Tác giả”. / The required field “Credit” is missing."  # the label, not the key
    assert "Thiếu bản tiếng Anh." in credit["heritage_required_en"] and credit["heritage_max_length"] == 300
    license_ = _field(media["fields"], "license")
    # a choice of the vocabulary's licences, labelled in both languages (issue 27)
    assert license_["widget"] == "select" and license_["required"] is True
    assert {"label": "CC BY 4.0 (dùng tự do, ghi nguồn) / CC BY 4.0 (free to use with credit)", "value": "CC BY 4.0"} in license_["options"]
    rules = {(r["when"], r["need"]): r["message"] for r in media["heritage_rules"] if r["kind"] == "need"}
    assert rules[("image", "alt")].startswith(form_words.form_words(RULES["image-alt"][0], "vi"))  # make check's sentence, its key left to the label
    assert rules[("youtube", "caption")].startswith(form_words.form_words(RULES["media-caption"][0], "vi"))


def test_an_entrys_old_ids_are_taken_in_the_form(small_project):
    """A renamed entry keeps its old ids as aliases (printed QR codes point at them): the form
    refuses them as new ids, naming the entry that holds them. (The sample data has no alias.)"""
    small_project.entry("di-tich", "dinh-moi", ("Đình Mới", "New House"), aliases=["dinh-cu", "dinh-cu-2"])
    inventory = load_inventory(small_project.root)
    ids = form_config.known_ids(small_project.root, inventory)
    assert ids["taken"]["dinh-moi"] == "data/di-tich/dinh-moi.yml"
    assert ids["taken"]["dinh-cu"] == ids["taken"]["dinh-cu-2"] == "data/di-tich/dinh-moi.yml (aliases)"


def test_the_ids_in_use_are_written_for_the_form(tmp_path, config):
    """Entries of every section, trails, aliases and reserved names; the form's refusal is make check's sentence."""
    from heritage import urls
    from heritage.content.loader import id_taken

    inventory = load_inventory(REPO)
    ids = form_config.known_ids(REPO, inventory)
    assert set(inventory.entries) | set(inventory.trails) <= set(ids["taken"])
    assert ids["taken"]["hoi-lim"] == "data/le-hoi/hoi-lim.yml"
    assert set(ids["reserved"]) == set(urls.RESERVED_IDS)
    field = _collection(config[0], "di-tich")["fields"][0]
    assert field["widget"] == "heritage-id" and field["heritage_ids"] == form_config.IDS_FILE
    said = field["heritage_taken"].replace("{id}", "hoi-lim").replace("{where}", "data/le-hoi/hoi-lim.yml")
    assert said == form_words.both(id_taken("hoi-lim", "data/le-hoi/hoi-lim.yml")[:2])
    trail_field = _collection(config[0], form_config.TRAIL_COLLECTION)["fields"][0]
    assert "trails and entries share one set of ids" in trail_field["heritage_taken"]


def test_the_event_form_is_the_event_schema_with_both_languages(config):
    """data/su-kien/<id>.yml and its two pages in one form: every field of the schema with its
    required flag, bilingual texts side by side, labels saying what each field is."""
    from heritage.events.schema import Contact, Place, Repeat, RecurringEvent, Time

    events = _collection(config[0], form_config.EVENT_COLLECTION)
    assert events["folder"] == "data/su-kien" and events["heritage"]["stories"] == {"vi": "docs/vi/su-kien/", "en": "docs/en/su-kien/"}
    form = {f["name"]: f for f in events["fields"]}
    assert set(form) - {form_words.ID_FIELD, *form_words.STORY_FIELDS.values()} == set(RecurringEvent.model_fields)
    for model, fields in ((Repeat, form["repeat"]), (Time, form["time"]), (Place, form["place"]), (Contact, form["contact"])):
        inner = {f["name"]: f for f in fields["fields"]}
        assert set(inner) == set(model.model_fields), model
        assert all(inner[n]["required"] == info.is_required() for n, info in model.model_fields.items()), model
    assert form["name"]["widget"] == form["summary"]["widget"] == form["fee"]["widget"] == "heritage-bilingual"
    assert form["repeat"]["label"] == "Lặp lại / Repeats" and form["place"]["label"] == "Địa điểm / Place"
    assert {f["name"]: f for f in form["repeat"]["fields"]}["lunar_days"]["label"].startswith("Các ngày âm lịch mỗi tháng")


def _defaults_in_lists(fields, in_list=False):
    for field in fields:
        if in_list and "default" in field:
            yield field["name"]
        inner = field.get("fields") or ([field["field"]] if "field" in field else [])
        yield from _defaults_in_lists(inner, in_list or field.get("widget") == "list")


def test_a_new_entry_starts_with_no_list_item(config):
    """Decap starts a list with one item when a field of its items has a default: an optional
    choice with one (media[].language: vi) gave every new entry a media item with no photo,
    credit nor licence, which the form refused to save or publish."""
    made_new = [c for c in config[0]["collections"] if "folder" in c]
    assert {c["name"] for c in made_new} >= set(ENTRY_SECTIONS)
    for collection in made_new:
        assert list(_defaults_in_lists(collection["fields"])) == [], collection["name"]
    media = _field(_collection(config[0], "di-tich")["fields"], "media")["fields"]
    language = _field(media, "language")
    assert language["widget"] == "select" and language["required"] is False and "default" not in language
