"""The web editor's configuration is generated from the schema and the vocabulary: it must
say what `make check` says (fields, required, choices, ranges, patterns, limits)."""

from __future__ import annotations

import re
import typing

import pytest
import yaml

from heritage.content.messages import RULES
from heritage.content.schema import ID_PATTERN, SCHEMAS, VIETNAM_LAT, VIETNAM_LON, PostMeta
from heritage.content.settings import load_settings
from heritage.content.vocabulary import load_vocabulary
from heritage.sections import COLUMN, ENTRY_SECTIONS
from heritage.tools import cms
from tests.conftest import REPO


@pytest.fixture(scope="module")
def config():
    settings, _ = load_settings(REPO)
    vocabulary, _ = load_vocabulary(REPO)
    return cms.config(REPO, settings, vocabulary), vocabulary


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
    assert set(form) - {cms.ID_FIELD, *cms.STORY_FIELDS.values()} == shown
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
    assert "Thiếu bản tiếng Anh (`en`)." in summary["heritage_required_en"]
    assert "heritage_required_en" not in relic["location"]["fields"][0]  # an optional address
    when = {f["name"]: f for f in _field(_collection(cfg, "le-hoi")["fields"], "when")["fields"]}
    assert (when["month"]["min"], when["month"]["max"]) == (1, 12)
    assert [o["value"] for o in when["calendar"]["options"]] == ["lunar", "solar"]
    media = {f["name"]: f for f in relic["media"]["fields"]}
    assert media["image"]["widget"] == "image" and media["credit"]["required"] and media["license"]["required"]
    youtube = media["youtube"]["pattern"]
    assert re.fullmatch(youtube[0], "dQw4w9WgXcQ") and RULES["youtube-id"][1].split("' ")[1] in youtube[1]


def test_the_column_is_translated_side_by_side_into_the_sites_folders(config):
    column = _collection(config[0], COLUMN.key)
    assert column["i18n"] is True
    assert config[0]["i18n"] == {"structure": "multiple_folders", "locales": ["vi", "en"], "default_locale": "vi"}
    assert column["heritage"]["real"] == {"vi": "docs/vi/chuyen-muc", "en": "docs/en/chuyen-muc"}
    names = {f["name"] for f in column["fields"]}
    assert names == set(PostMeta.model_fields) - set(cms.POST_HIDDEN) | {"body"}
    pattern, message = _field(column["fields"], "summary")["pattern"]
    assert re.fullmatch(pattern, "x" * 300) and not re.fullmatch(pattern, "x" * 301) and "300" in message
    assert _field(column["fields"], "title")["i18n"] is True and _field(column["fields"], "date")["i18n"] == "duplicate"


def test_an_optional_block_can_stay_empty(config):
    artisan = {f["name"]: f for f in _collection(config[0], "nghe-nhan")["fields"]}
    assert artisan["location"]["required"] is False
    assert all(child["required"] is False for child in artisan["location"]["fields"])
    relic = {f["name"]: f for f in _collection(config[0], "di-tich")["fields"]}
    assert all(child["required"] for child in relic["location"]["fields"] if child["name"] in ("lat", "lon"))


def test_a_new_schema_field_without_a_widget_fails_loudly(config):
    class Odd(PostMeta):
        odd: dict[str, int] = {}

    with pytest.raises(TypeError, match="odd"):
        cms.Generator(config[1]).fields(None, Odd)


def test_admin_policy_allows_only_the_site_and_githubs_api(monkeypatch):
    policy = cms.policy()
    connect = next(d for d in policy.split("; ") if d.startswith("connect-src"))
    assert connect == "connect-src 'self' blob: https://api.github.com"
    assert "http" not in policy.replace("https://api.github.com", "")
    assert "connect-src 'self' blob: https://api.github.com http://127.0.0.1:8081" in cms.policy("http://127.0.0.1:8081/api/v1")


def test_the_build_writes_admin_outside_the_sitemap(small_project):
    (small_project.root / "node_modules").symlink_to(REPO / "node_modules")
    result = small_project.build()
    assert result.returncode == 0, result.stderr
    site = small_project.root / "site"
    page = (site / "admin" / "index.html").read_text(encoding="utf-8")
    assert 'name="robots" content="noindex' in page and "https://api.github.com" in page
    assert (site / "admin" / "decap" / "decap-cms.js").is_file()
    # self-hosted: every script and stylesheet of the page is one of the site's own files
    for ref in re.findall(r'(?:src|href)="([^"]+)"', page):
        assert "//" not in ref and (site / "admin" / ref).is_file(), ref
    assert yaml.safe_load((site / "admin" / "config.yml").read_text(encoding="utf-8"))["collections"]
    assert "/admin/" not in (site / "sitemap.xml").read_text(encoding="utf-8")
    for index in (site / "search").glob("*.json"):
        assert "admin" not in index.read_text(encoding="utf-8")
    assert "/admin/*" in (site / "_headers").read_text(encoding="utf-8")
    visitors = (site / "index.html").read_text(encoding="utf-8")
    assert "decap" not in visitors and "admin/" not in visitors
