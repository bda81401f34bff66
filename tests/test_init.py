"""`python -m heritage init DIR` (issue 29): a new ward's site that passes its checks, builds
with its own name and colours, names no other place, and is written whole or not at all."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings, strategies as st

from heritage.content.settings import Settings
from heritage.engine_files import engine_dir, with_engine_theme
from heritage.scaffold import init as ward_init

from .conftest import OPTIONS, REPO, TODAY, init_args, run
from .test_second_ward import _names_of_others

SECTIONS = ("di-tich", "le-hoi", "lang-nghe", "nghe-nhan", "quan-ho", "san-pham")


def _nothing_written(parent: Path, name: str) -> None:
    assert not (parent / name).exists()
    assert [p.name for p in parent.iterdir() if ".init-" in p.name] == []


@pytest.fixture(scope="module")
def ward(init_ward) -> Path:
    return init_ward


def test_the_new_ward_builds_with_its_own_name(ward):
    assert "Di sản Phú Lạc" in (ward / "site" / "index.html").read_text(encoding="utf-8")
    assert "Phu Lac Heritage" in (ward / "site" / "en" / "index.html").read_text(encoding="utf-8")
    assert (ward / "site" / "assets" / "heritage" / "heritage.css").is_file()  # the engine's theme, found without custom_dir
    assert not re.search(r"(?m)^\s*custom_dir:", (ward / "mkdocs.yml").read_text(encoding="utf-8"))


def test_it_names_no_other_place_in_its_files_or_its_site(ward):
    assert _names_of_others(ward) == []


def test_its_colours_are_its_own(ward):
    site_yml = (ward / "data" / "site.yml").read_text(encoding="utf-8")
    if "colors" in Settings.model_fields:  # the identity field (issue 29, item 4)
        assert yaml.safe_load(site_yml)["colors"] == {"primary": "#1f5f8b", "accent": "#6b4f00"}
        css = "".join(p.read_text(encoding="utf-8") for p in (ward / "site").rglob("*.css")) + (ward / "site" / "index.html").read_text(encoding="utf-8")
        assert "#1f5f8b" in css.lower()
    else:  # written for the office to switch on, never a field this engine would refuse
        assert '# colors: {primary: "#1f5f8b", accent: "#6b4f00"}' in site_yml
        assert "colors" not in yaml.safe_load(site_yml)


def test_a_colour_the_engine_refuses_is_refused_naming_the_option_with_one_suggestion(tmp_path):
    result = run(*init_args("ward", **{"--primary": "#ffff00"}), cwd=tmp_path)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "--primary" in result.stderr and "site.yml" not in result.stderr and "dòng/line" not in result.stderr
    (suggestion,) = set(re.findall(r"#[0-9a-f]{6}", result.stderr)) - {"#ffff00", "#ffffff", "#fbf7f0"}
    assert f'--primary "{suggestion}"' in result.stderr
    _nothing_written(tmp_path, "ward")
    assert run(*init_args("ward", **{"--primary": suggestion}), cwd=tmp_path).returncode == 0  # the suggestion is accepted


def test_a_refused_colour_asks_only_that_question_again_and_keeps_the_other_answers(tmp_path):
    answers = "x\nHòa Bình Thượng\nHoa Binh Thuong\nSơn Hà\nSon Ha\n16.4\n107.5\n#c0b060\n#80701a\n\n"
    result = run(*init_args("ward", **{k: None for k in OPTIONS}), cwd=tmp_path, stdin=answers)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count("Màu chính") == 2 and result.stdout.count("Vĩ độ") == 1 and result.stderr.count("quá nhạt") == 1
    settings = yaml.safe_load((tmp_path / "ward" / "data" / "site.yml").read_text(encoding="utf-8"))
    assert settings["colors"]["primary"] == "#80701a" and settings["site_name"]["vi"] == "Di sản Hòa Bình Thượng"


@pytest.mark.parametrize(("kind", "typed"), [("xa", "--kind xa"), ("xa", "xã"), ("xa", "X"), ("phuong", "phường"), ("phuong", "")])
def test_a_commune_is_a_commune_everywhere(tmp_path, kind, typed):
    """Phường or xã: the first question (or --kind); a commune's settings and pages never say phường."""
    if typed.startswith("--"):
        result = run(*init_args("ward", **{"--kind": kind}), cwd=tmp_path)
    else:
        result = run(*init_args("ward"), cwd=tmp_path, stdin=typed + "\n")
    assert result.returncode == 0, result.stdout + result.stderr
    texts = "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "ward").rglob("*") if p.suffix in (".yml", ".md"))
    settings = yaml.safe_load((tmp_path / "ward" / "data" / "site.yml").read_text(encoding="utf-8"))
    if kind == "xa":
        assert settings["ward"]["vi"].startswith("UBND xã Phú Lạc") and "Commune" in settings["ward"]["en"]
        assert "phường Phú Lạc" not in texts and "UBND phường" not in texts
    else:
        assert settings["ward"]["vi"].startswith("UBND phường Phú Lạc") and "xã Phú Lạc" not in texts


def test_one_sample_entry_per_section_near_the_centre_and_a_first_post(ward):
    for section in SECTIONS:
        (entry,) = (ward / "data" / section).glob("*.yml")
        data = yaml.safe_load(entry.read_text(encoding="utf-8"))
        assert data["sample"] is True
        if "location" in data:
            assert abs(data["location"]["lat"] - 16.4637) < 0.01 and abs(data["location"]["lon"] - 107.5909) < 0.01
        assert (ward / "site" / section / entry.stem / "index.html").is_file()
    for lang in ("vi", "en"):
        (post,) = (ward / "docs" / lang / "chuyen-muc").glob("ra-mat-*.md")
        assert f"date: {TODAY}" in post.read_text(encoding="utf-8")
    assert (ward / "site" / "chuyen-muc" / "ra-mat-trang" / "index.html").is_file()


def test_a_sample_trail_and_a_sample_event_give_their_page_types_a_page(ward):
    trail = yaml.safe_load((ward / "data" / "trails" / "hanh-trinh-mau.yml").read_text(encoding="utf-8"))
    event = yaml.safe_load((ward / "data" / "su-kien" / "su-kien-mau.yml").read_text(encoding="utf-8"))
    assert trail["sample"] is event["sample"] is True
    assert [stop["entry"] for stop in trail["stops"]] == ["di-tich-mau", "lang-nghe-mau"] and event["place"]["entry"] == "di-tich-mau"
    assert event["repeat"]["since"] == dt.date.fromisoformat(TODAY)
    for lang, prefix in (("vi", ""), ("en", "en/")):
        for folder, slug in (("hanh-trinh", "hanh-trinh-mau"), ("su-kien", "su-kien-mau")):
            page = (ward / "site" / prefix / folder / slug / "index.html").read_text(encoding="utf-8")
            assert trail["name"][lang] in page or event["name"][lang] in page


def test_it_has_what_an_office_needs_to_publish(ward):
    for rel in (".github/workflows/deploy.yml", ".github/workflows/pull-request.yml", "Makefile", "README.md", "package.json", "hooks/heritage_hooks.py", "templates/di-tich.yml"):
        assert (ward / rel).is_file(), rel
    readme = (ward / "README.md").read_text(encoding="utf-8")
    assert "Bắt đầu" in readme and "Getting started" in readme
    lock = (ward / "requirements.lock").read_text(encoding="utf-8").splitlines()
    assert "heritage-site==0.1.0" in lock and "mkdocs==1.6.1" in lock and any(line.startswith("pytest==") for line in lock)


def test_its_own_tests_pass(ward):
    result = run("-m", "pytest", "-q", "-p", "no:cacheprovider", "tests", cwd=ward)
    assert result.returncode == 0, result.stdout + result.stderr


def test_it_asks_for_what_is_not_given(tmp_path):
    answers = "\nLạc Sơn\nLac Son\n\nSơn Hà\nSon Ha\n95\n21.30\n105.90\nblue\n#225588\n\n"  # empty, 95 and "blue": asked again
    result = run(*init_args("lac-son", **{k: None for k in OPTIONS}), cwd=tmp_path, stdin=answers)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("Phường hay xã?") and "Tên phường/xã bằng tiếng Việt" in result.stdout and "Missing" not in result.stderr
    assert "--lat: '95' không phải vĩ độ" in result.stderr and "is not a colour" in result.stderr
    settings = yaml.safe_load((tmp_path / "lac-son" / "data" / "site.yml").read_text(encoding="utf-8"))
    assert settings["site_name"] == {"vi": "Di sản Lạc Sơn", "en": "Lac Son Heritage"}
    assert settings["province"] == {"vi": "tỉnh Sơn Hà", "en": "Son Ha Province"}
    assert "#225588" in (tmp_path / "lac-son" / "data" / "site.yml").read_text(encoding="utf-8")
    lat = yaml.safe_load((tmp_path / "lac-son" / "data" / "di-tich" / "di-tich-mau.yml").read_text(encoding="utf-8"))["location"]["lat"]
    assert abs(lat - 21.30) < 0.01


def test_without_a_terminal_or_the_options_it_says_which_are_missing(tmp_path):
    result = run(*init_args("x", **{"--name-en": None, "--lat": None, "--primary": None}), cwd=tmp_path, stdin="")
    assert result.returncode == 1
    assert "Thiếu --name-en, --lat" in result.stderr and "Missing --name-en, --lat" in result.stderr
    assert "Traceback" not in result.stderr
    _nothing_written(tmp_path, "x")


@pytest.mark.parametrize(
    ("changes", "said"),
    [
        ({"--lat": "48.85"}, "--lat: '48.85' không phải vĩ độ trong Việt Nam"),
        ({"--lon": "abc"}, "--lon: 'abc' is not a longitude in Việt Nam"),
        ({"--primary": "red"}, "--primary: 'red' không phải mã màu"),
        ({"--accent": "#12345g"}, "--accent: '#12345g' is not a colour"),
        ({"--name-vi": "<script>"}, "--name-vi: '<script>' không dùng được"),
        ({"--name-en": "   "}, "--name-en: '   ' cannot be used"),
        ({"--province-vi": "Sơn\nHà"}, "--province-vi:"),
        ({"--email": "office@"}, "--email: 'office@' is not an e-mail address"),
        ({"--accent": "#e0c080"}, "--accent (Màu nhấn (mã hex)): màu #e0c080 quá nhạt"),
    ],
)
def test_a_wrong_option_is_refused_in_both_languages_and_nothing_is_written(tmp_path, changes, said):
    result = run(*init_args("ward", **changes), cwd=tmp_path)
    assert result.returncode == 1
    assert said in result.stderr and " / " in result.stderr and "Traceback" not in result.stderr
    _nothing_written(tmp_path, "ward")


def test_all_wrong_options_are_reported_at_once(tmp_path):
    result = run(*init_args("ward", **{"--lat": "0", "--primary": "red"}), cwd=tmp_path)
    assert result.returncode == 1 and "--lat" in result.stderr and "--primary" in result.stderr


def test_a_folder_with_files_is_never_overwritten(tmp_path):
    (tmp_path / "ward").mkdir()
    (tmp_path / "ward" / "notes.txt").write_text("giữ nguyên", encoding="utf-8")
    result = run(*init_args("ward"), cwd=tmp_path)
    assert result.returncode == 1 and "không ghi đè" in result.stderr and "nothing is overwritten" in result.stderr
    assert [p.name for p in (tmp_path / "ward").iterdir()] == ["notes.txt"]


def test_an_empty_folder_is_used(tmp_path):
    (tmp_path / "ward").mkdir()
    assert run(*init_args("ward"), cwd=tmp_path).returncode == 0
    assert (tmp_path / "ward" / "mkdocs.yml").is_file()


def test_a_failure_while_writing_leaves_nothing_half_written(tmp_path, monkeypatch):
    def broken(*args: object) -> str:
        raise OSError("disk full")

    monkeypatch.setattr(ward_init, "lock_text", broken)
    answers = {k.lstrip("-").replace("-", "_"): v for k, v in OPTIONS.items()}
    ward = ward_init.gather(answers, None, print)
    with pytest.raises(OSError):
        ward_init.init(tmp_path / "ward", ward, dt.date(2026, 10, 20))
    _nothing_written(tmp_path, "ward")


@pytest.mark.parametrize(
    ("dirs", "custom_dir", "position"),
    [(["/m/material/templates", "/m/mkdocs/templates"], None, 0), (["/site/overrides", "/m/material/templates"], "/site/overrides", 1)],
)
def test_the_engine_theme_comes_after_the_sites_own_and_before_materials(dirs, custom_dir, position):
    placed = with_engine_theme(dirs, custom_dir)
    assert placed[position] == str(engine_dir("overrides")) and len(placed) == len(dirs) + 1
    assert with_engine_theme(placed, custom_dir) == placed  # static-i18n runs on_config once per language


def test_this_repository_keeps_its_own_overrides_once():
    dirs = [str(REPO / "overrides"), "/m/material/templates"]
    assert with_engine_theme(dirs, "overrides") == dirs


def test_what_the_engine_would_refuse_in_site_yml_is_refused_before_anything_is_written(tmp_path, monkeypatch):
    ward_copy = tmp_path / "ward-template"
    shutil.copytree(ward_init.WARD, ward_copy)
    site = ward_copy / "data" / "site.yml.j2"
    site.write_text(site.read_text(encoding="utf-8") + "colour_typo: 1\n", encoding="utf-8")  # an unknown field: Settings forbids it
    monkeypatch.setattr(ward_init, "WARD", ward_copy)
    answers = {k.lstrip("-").replace("-", "_"): v for k, v in OPTIONS.items()}
    with pytest.raises(ward_init.InitError, match="colour_typo"):
        ward_init.init(tmp_path / "out" / "ward", ward_init.gather(answers, None, print), dt.date(2026, 10, 20))
    _nothing_written(tmp_path / "out", "ward")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.text(min_size=1, max_size=70), province=st.sampled_from(["Sơn Hà", "thành phố Hải Cảng", "Đắk Nông"]))
def test_any_name_is_refused_in_both_languages_or_written_as_it_was_typed(name, province):
    """Names come from whoever runs init: each is refused with a bilingual message or reaches the
    settings and the pages exactly, whatever quotes, colons or accents it holds."""
    try:
        value = ward_init.parse("name_vi", name)
    except ward_init.InitError as exc:
        assert "--name-vi" in str(exc) and " / " in str(exc)
        return
    ward = ward_init.Ward(value, "Phu Lac", province, "Son Ha", 16.5, 107.5, "#8a1c1c", "#7a5200")
    context = ward_init._context(ward, dt.date(2026, 10, 20))
    env = ward_init._environment()
    settings_data = yaml.safe_load(env.get_template("data/site.yml.j2").render(context))
    assert Settings.model_validate(settings_data).site_name.vi == f"Di sản {value}"
    config = env.get_template("mkdocs.yml.j2").render(context)
    assert f"site_name: {json.dumps(f'Di sản {value}', ensure_ascii=False)}" in config
    pages = yaml.safe_load(env.get_template("pages.yml.j2").render(context))
    assert f"phường {value}" in pages["index.md"]["vi"][2]
    samples = yaml.safe_load(env.get_template("samples.yml.j2").render(context))
    assert samples["di-tich"]["data"]["location"]["address"]["vi"] == f"Mục mẫu, phường {value}"
