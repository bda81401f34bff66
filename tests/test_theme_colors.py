"""The ward's colours from data/site.yml (`colors: {primary, accent}`, issue 29): checked to WCAG AA
with a bilingual error that names the file, the line and the field, the ratio found and needed,
and a darker colour that passes; never a traceback, whatever an editor types."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
import yaml
from coloraide import Color
from hypothesis import HealthCheck, given, settings, strategies as st

from heritage.content.settings import load_settings
from heritage.pages import theme_colors

from .conftest import REPO, bi

BASE = (REPO / "data" / "site.yml").read_text(encoding="utf-8")


def _settings(tmp_path: Path, colors) -> tuple:
    (tmp_path / "data").mkdir(exist_ok=True)
    text = BASE + "\n" + yaml.safe_dump({"colors": colors}, allow_unicode=True)
    (tmp_path / "data" / "site.yml").write_text(text, encoding="utf-8")
    return load_settings(tmp_path)


def test_without_colors_the_engines_own_are_used_and_match_heritage_css(tmp_path):
    found, problems = _settings(tmp_path, {})
    assert problems == []
    css = (REPO / "overrides/assets/heritage/heritage.css").read_text(encoding="utf-8")
    palette = found.colors.palette
    for name, value in (("primary-fg-color", palette.primary), ("primary-fg-color--light", palette.light),
                        ("primary-fg-color--dark", palette.dark), ("accent-fg-color", palette.accent)):
        assert re.search(rf"--md-{re.escape(name)}: {value};", css), name


@pytest.mark.parametrize("primary, accent", [("#1F4E8C", "#2e6b34"), ("#000", "#7a5200"), ("#0f6b6b", "#6a2c91")])
def test_dark_enough_colours_are_taken_in_lower_case_with_derived_shades(tmp_path, primary, accent):
    found, problems = _settings(tmp_path, {"primary": primary, "accent": accent})
    assert problems == []
    palette = found.colors.palette
    assert palette.primary == theme_colors.normalise(primary) and palette.accent == accent
    # the dark shade is darker, the light one lighter, both of the same colour
    lum = lambda c: Color(c).luminance()  # noqa: E731
    assert lum(palette.dark) <= lum(palette.primary) <= lum(palette.light)
    css = theme_colors.stylesheet(palette)
    assert f"--md-primary-fg-color:{palette.primary};" in css and f"--md-typeset-a-color:{palette.primary};" in css


@pytest.mark.parametrize("field, value", [("primary", "#ff0000"), ("primary", "#ffcc00"), ("accent", "#d4a437"), ("accent", "#fff"), ("primary", "#777777")])
def test_a_colour_too_light_to_read_is_refused_with_the_ratio_and_a_darker_one_that_passes(tmp_path, field, value):
    _, problems = _settings(tmp_path, {field: value})
    assert len(problems) == 1
    problem = problems[0]
    assert problem.file == "data/site.yml" and problem.field == f"colors.{field}" and problem.is_error
    lines = (tmp_path / "data" / "site.yml").read_text(encoding="utf-8").splitlines()
    assert value.lower()[:4] in lines[problem.line - 1].lower()
    ratio = min(Color(theme_colors.normalise(value)).contrast(back, method="wcag21") for back in ("#ffffff", "#fbf7f0"))
    found = re.search(r"(\d+\.\d\d):1", problem.vi).group(1)
    assert float(found) <= ratio < float(found) + 0.01 and "4.5:1" in problem.vi and "4.5:1" in problem.en
    assert "tương phản" in problem.vi and "contrast" in problem.en
    suggestion = re.search(r'"(#[0-9a-f]{6})"', problem.fix_en).group(1)
    assert suggestion in problem.fix_vi
    # what we suggest passes where the colour is used, and is not needlessly dark
    assert min(Color(suggestion).contrast(back, method="wcag21") for back in ("#ffffff", "#fbf7f0")) >= 4.5
    assert Color(suggestion).contrast("#ffffff", method="wcag21") < 6


@pytest.mark.parametrize("value", ["8a1c1c", "#8a1c1", "red", "#ggg000", "", None, 123, "#8a1c1c; background:url(x)", "#8a1c1c\n", ["#8a1c1c"]])
def test_what_is_no_hex_colour_is_a_content_error_asking_for_quotes(tmp_path, value):
    _, problems = _settings(tmp_path, {"primary": value})
    if value == "#8a1c1c\n":  # a line break at the end is only YAML's way of writing it
        assert problems == []
        return
    assert [p.field for p in problems] == ["colors.primary"]
    assert "mã màu" in problems[0].vi and "colour code" in problems[0].en and '"#8a1c1c"' in problems[0].fix_en


def test_an_unquoted_colour_yaml_takes_for_a_comment_is_explained(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "site.yml").write_text(BASE + "\ncolors:\n  primary: #1f4e8c\n", encoding="utf-8")
    _, problems = load_settings(tmp_path)
    assert [p.field for p in problems] == ["colors.primary"] and "ngoặc kép" in problems[0].fix_vi and "quotes" in problems[0].fix_en


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(primary=st.one_of(st.text(max_size=40), st.from_regex(r"#[0-9a-fA-F]{3,7}", fullmatch=True)), accent=st.text(max_size=12))
def test_any_string_for_the_colours_gives_a_palette_or_a_content_error(tmp_path, primary, accent):
    found, problems = _settings(tmp_path, {"primary": primary, "accent": accent})
    for problem in problems:  # the field's own error, or the file's (an invisible control character)
        assert problem.file == "data/site.yml" and problem.vi and problem.en and problem.line
        assert problem.field in ("colors.primary", "colors.accent") or problem.field is None
    if not problems:
        assert theme_colors.worst(found.colors.primary, "primary")[0] >= 4.5
    assert theme_colors.stylesheet(found.colors.palette).count("#") == 5


@pytest.mark.parametrize("primary", ["#ffff00", "}body{display:none", "\u202e#8a1c1c", "#" + "f" * 10_000])
def test_check_and_build_report_a_bad_colour_without_a_traceback(project, primary):
    project.write("data/site.yml", yaml.safe_dump({"ward": bi("UBND phường"), "column": {"launch": "2026-09"}, "colors": {"primary": primary}}))
    for result in (project.check(), project.build()):
        output = result.stdout + result.stderr
        assert result.returncode == 1 and "Traceback" not in output, output
        assert "colors.primary" in output and "data/site.yml" in output


def test_the_web_editors_settings_form_offers_both_colours_with_a_picker(tmp_path):
    from heritage.content.loader import cached_inventory
    from heritage.editor.collections import config

    inventory = cached_inventory(REPO)
    form = next(c for c in config(REPO, inventory.settings, inventory.vocabulary, inventory=inventory)["collections"] if c["name"] == "cai-dat")
    colors = next(f for f in form["files"][0]["fields"] if f["name"] == "colors")
    assert " / " in colors["label"] and "4,5:1" in colors["hint"] and "4.5:1" in colors["hint"]
    fields = {f["name"]: f for f in colors["fields"]}
    assert set(fields) == {"primary", "accent"}
    for field in fields.values():
        assert field["widget"] == "color" and field["allowInput"] is True and not field["required"]
        vi, en = field["label"].split(" / ")
        assert vi != en and "màu" in vi.lower() and "colour" in en.lower()
        # the form refuses exactly what make check refuses as no colour code
        pattern, words = field["pattern"]
        assert "mã màu" in words and "colour code" in words
        for value in ("#8a1c1c", "#ABC", "8a1c1c", "#8a1c1", "red", "#8a1c1cff", "#8a1c1c "):
            try:
                theme_colors.normalise(value.rstrip() if value.endswith(" ") else value)
                accepted = True
            except theme_colors.ColorProblem:
                accepted = False
            assert bool(re.match(pattern, value.rstrip())) == accepted, value


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(primary=st.text(max_size=30) | st.integers() | st.none(), accent=st.text(alphabet="#0123456789abcdefABCDEFxg ", max_size=9))
def test_check_in_process_gives_exit_1_or_0_never_an_exception(tmp_path, capsys, primary, accent):
    """`python -m heritage check` itself (cli.main, in this process so that any exception fails
    the test): whatever the colours, problems printed and an exit status, never a traceback."""
    from heritage.cli import main

    (tmp_path / "data").mkdir(exist_ok=True)
    doc = {"ward": bi("UBND phường"), "column": {"launch": "2026-09"}, "colors": {"primary": primary, "accent": accent}}
    (tmp_path / "data" / "site.yml").write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    status = main(["--root", str(tmp_path), "check"])
    out = capsys.readouterr().out
    assert status in (0, 1)
    if status == 1:
        assert "data/site.yml" in out


@settings(max_examples=300, deadline=None)
@given(st.from_regex(r"#[0-9a-f]{6}", fullmatch=True))
def test_every_passing_colours_dark_shade_reads_at_least_as_well_and_every_suggestion_passes(colour):
    """The dark shade carries white text (tabs, footer, home hero) and headings: never weaker than
    the colour itself. A refused colour's suggestion passes, and is darker than what was refused."""
    palette = theme_colors.Palette(colour)
    if theme_colors.worst(colour, "primary")[0] >= 4.5:
        assert theme_colors.contrast(palette.dark, "#ffffff") >= theme_colors.contrast(colour, "#ffffff") - 0.01
        assert Color(palette.light).luminance() >= Color(colour).luminance() - 1e-6
    else:
        suggestion = theme_colors.darker_passing(colour, "primary")
        assert theme_colors.worst(suggestion, "primary")[0] >= 4.5
        assert Color(suggestion).luminance() < Color(colour).luminance()
