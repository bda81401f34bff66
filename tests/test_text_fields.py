"""Every text field checked as text (security review): addresses, invisible characters written as
YAML escapes, JSON-LD that no value can break out of, CSV cells that never run as formulas,
names that are never Markdown, theme classes no story can borrow.

The refusals of `make check` and `make build` are cases of tests/test_hostile.py; here are the
rules on their own, the real build of what is accepted, and the output guarantees in Chromium
with the checks switched off, as if a hostile value had got past them.
"""

from __future__ import annotations

import csv
import html as HTML
import io
import json
import re
import sys

import markdown
import pytest
import yaml

from heritage import urls
from heritage.content.settings import load_settings
from heritage.checks import text_fields
from heritage.checks.run import MARKDOWN_EXTENSIONS
from heritage.content.addresses import attribute_safe, is_web_address, visible
from heritage.content.sources import parse_yaml
from heritage.outputs.opendata import spreadsheet_safe, to_csv
from heritage.outputs.sanitise import sanitise
from heritage.outputs.structured_data import script_safe
from heritage.pages.kinds import heading
from heritage.problems import Problem, format_problems

from .conftest import Project, serve

TOKEN = "hx_pwned"
BREAKOUTS = (f"</script><script>window.{TOKEN}=1</script>", "UBND <!--<script>", f"<!--<script></script><script>window.{TOKEN}=2</script>-->")
HOSTILE_SITE_URL = f'https://heritage.example.org/"><meta http-equiv="refresh" content="0;url=https://evil.example/"><script>window.{TOKEN}=3</script>'
MARKDOWN_NAMES = ("[Bấm](https://evil.example)", "![x](https://evil.example/x.png)", "Đình {: .md-button}")


# --- addresses ---------------------------------------------------------------------------------

GOOD = ["https://heritage.example.org/", "http://127.0.0.1:8000/", "https://vi.wikipedia.org/wiki/Quan_h%E1%BB%8D", "https://xn--di-sn-4sa.example/a?b=1&c=2#d", "HTTPS://A.EXAMPLE"]
BAD = [
    HOSTILE_SITE_URL,
    "javascript:alert(1)",
    " javascript:alert(1)",
    "data:text/html,<script>",
    "https://",
    "https:///path",
    "//evil.example/",
    "https://a.example/x y",
    "https://a.example/'x",
    "https://a.example\\@evil.example",
    "https://ward.example@evil.example/",
    "https://a.example/\x00",
    "https://a.example/\u202e",
    "https://a.example:99999/",
    "ftp://a.example/",
]


@pytest.mark.parametrize("value", GOOD)
def test_a_web_address_is_accepted(value: str):
    assert is_web_address(value)
    assert attribute_safe(value) == value  # a valid address is never rewritten


@pytest.mark.parametrize("value", BAD)
def test_anything_else_is_not_an_address(value: str):
    assert not is_web_address(value)
    assert not any(c in attribute_safe(value) for c in "\"'<> \\\x00")


def test_an_error_message_never_carries_a_terminal_escape():
    assert visible("UBND \x1b[2J\u202e") == "UBND U+001B[2JU+202E"
    shown = format_problems([Problem("data/x\x1b.yml", "'\x1b[2J' sai", "'\u202e' wrong", "sửa", "fix", field="types.\x1b]0;x\x07")])
    assert "\x1b" not in shown and "\u202e" not in shown and "\x07" not in shown
    assert "U+001B[2J" in shown and "U+202E" in shown and "data/xU+001B.yml" in shown


def test_site_url_variable_is_checked_by_make_check(small_project: Project):
    result = small_project.check(SITE_URL=HOSTILE_SITE_URL)
    assert result.returncode == 1 and "Traceback" not in result.stdout + result.stderr
    block = result.stdout.split("📄 SITE_URL", 1)[1].split("📄", 1)[0]
    assert block.index("Biến môi trường SITE_URL") < block.index("The environment variable SITE_URL")
    built = small_project.build(SITE_URL=HOSTILE_SITE_URL)
    assert built.returncode == 1 and "📄 SITE_URL" in built.stdout + built.stderr and "Traceback" not in built.stdout + built.stderr
    assert not (small_project.root / "site" / "404.html").exists()


# --- every string after YAML ----------------------------------------------------------------------

ESCAPES = {'"\\u202E"': "U+202E", '"\\0"': "U+0000", '"\\v"': "U+000B", '"\\e"': "U+001B", '"\\r"': "U+000D", '"\\u2066"': "U+2066", '"\\u200F"': "U+200F", '"\\x85"': "U+0085"}


@pytest.mark.parametrize("escape", ESCAPES, ids=ESCAPES.values())
def test_a_yaml_escape_cannot_hide_an_invisible_character(escape: str):
    rel = "data/site.yml"
    doc = parse_yaml(f"ward:\n  vi: {escape[:-1]}UBND\"\n  en: Ward\n", rel)  # passes the reader's raw-text rule
    (problem,) = text_fields.field_problems(rel, doc, "", "")
    assert (problem.file, problem.field, problem.line) == (rel, "ward.vi", 2)
    assert ESCAPES[escape] in problem.vi and ESCAPES[escape] in problem.en


def test_line_breaks_where_text_may_have_them_and_nowhere_else():
    rel = "data/di-tich/x.yml"
    doc = parse_yaml('name: {vi: "A\\tB", en: B}\nsummary: {vi: "Dòng một\\nDòng hai\\tcột", en: "x"}\nnote: |\n  Một\n  Hai\n', rel)
    assert [(p.field, p.line) for p in text_fields.field_problems(rel, doc, "", "")] == [("name.vi", 1)]
    label = parse_yaml('types:\n  di-tich:\n    dinh: {vi: "Đình\\nĐền", en: x}\n', "data/vocabulary.yml")
    assert [p.field for p in text_fields.field_problems("data/vocabulary.yml", label, "", "")] == ["types.di-tich.dinh.vi"]


def test_keys_are_text_too():
    doc = parse_yaml('types:\n  di-tich:\n    "<script>x</script>": {vi: a, en: b}\n', "data/vocabulary.yml")
    assert [p.field for p in text_fields.field_problems("data/vocabulary.yml", doc, "", "")] == ["types.di-tich.<script>x</script>"]


def test_the_sample_content_passes_every_text_rule():
    from .conftest import REPO

    assert text_fields.data_file_problems(REPO) == []


def test_windows_device_names_are_reserved_ids():
    for name in ("con", "prn", "aux", "nul", "com1", "com9", "lpt1", "lpt9"):
        assert name in urls.RESERVED_IDS
    assert "cong" not in urls.RESERVED_IDS and "console" not in urls.RESERVED_IDS


# --- outputs ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("payload", BREAKOUTS)
def test_json_ld_has_no_character_the_html_parser_reads(payload: str):
    data = {"name": payload, "organizer": {"name": payload}, "jobTitle": f"a & b > {payload}"}
    text = script_safe(data)
    assert not any(c in text for c in "<>&")
    assert json.loads(text) == data  # the same data to every JSON reader


def test_csv_cells_never_start_a_formula():
    for value in ('=HYPERLINK("https://evil.example","Bấm")', "+1+1", "-1+cmd|' /C calc'!A0", "@SUM(A1)", "\t=1", "\r=1"):
        assert spreadsheet_safe(value) == "'" + value
    for value in ("Đình Tân An", "-21.5", "106", 3, -2.5, "a=b"):
        assert spreadsheet_safe(value) == value
    table = [{"id": "x", "name_vi": "=HYPERLINK(\"https://evil.example\")", "lat": -1.5}]
    (row,) = csv.DictReader(io.StringIO(to_csv(table).decode("utf-8-sig")))
    assert row["name_vi"].startswith("'=") and row["lat"] == "-1.5"


@pytest.mark.parametrize("name", [*MARKDOWN_NAMES, "&#91;Bấm&#93;&#40;https://evil.example&#41;", "Tên\n\n[x](https://evil.example)"])
def test_a_name_is_a_heading_of_plain_text(name: str):
    html = markdown.Markdown(extensions=MARKDOWN_EXTENSIONS).convert(heading(name))
    assert html.startswith("<h1") and html.count("<") == 2, html  # <h1 …> and </h1>, nothing else
    assert HTML.unescape(re.sub(r"<[^>]+>", "", html)) == " ".join(name.split()).replace("&#91;", "[").replace("&#93;", "]").replace("&#40;", "(").replace("&#41;", ")")


def test_stories_cannot_borrow_the_theme_s_classes():
    html = '<p><a class="md-button md-button--primary hx-way headerlink" href="https://evil.example">Đăng ký</a></p><div class="admonition note"><p class="admonition-title">Ghi chú</p></div>'
    clean = sanitise(html)
    assert '<a href="https://evil.example">' in clean and "md-" not in clean and "hx-" not in clean and "headerlink" not in clean
    assert '<div class="admonition note"><p class="admonition-title">' in clean  # `!!! note` still works


# --- a real build of what the checks accept --------------------------------------------------------


def test_names_and_cells_published_as_written(small_project: Project):
    """Names that Markdown would read as links, images or attributes, a formula for a name, and a
    story dressing a link as the theme's button: accepted as text, published as text."""
    p = small_project
    for index, name in enumerate(MARKDOWN_NAMES):
        p.entry("di-tich", f"ten-{index}", (name, name), type="dinh")
    p.entry("san-pham", "cong-thuc", ('=HYPERLINK("https://evil.example","Bấm")', "+cmd"))
    story = p.root / "docs/vi/di-tich/ten-0.md"
    story.write_text(story.read_text(encoding="utf-8") + "\n[Đăng ký](https://evil.example){: .md-button .md-button--primary .hx-share }\n", encoding="utf-8")
    p.stamp_all()
    result = p.build()
    assert result.returncode == 0, result.stderr
    for index, name in enumerate(MARKDOWN_NAMES):
        html = p.html(f"di-tich/ten-{index}")
        (h1,) = re.findall(r"<h1[^>]*>(.*?)</h1>", html, re.S)
        assert HTML.unescape(h1) == name, h1  # the name as written: no link, image or attribute
        assert 'src="https://evil.example' not in html and not re.search(r'class="[^"]*md-button', html)
    assert '<a href="https://evil.example" rel="noopener noreferrer">Đăng ký</a>' in p.html("di-tich/ten-0")  # a plain link, no class
    csv_file = urls.open_data_files(load_settings(p.root)[0].slug)["csv"]  # named after the project's own site
    rows = list(csv.DictReader(io.StringIO((p.root / "site" / csv_file).read_text(encoding="utf-8-sig"))))
    (row,) = [r for r in rows if r["id"] == "cong-thuc"]
    assert row["name_vi"] == "'=HYPERLINK(\"https://evil.example\",\"Bấm\")" and row["name_en"] == "'+cmd"


# --- in the browser, as if every check had been fooled ---------------------------------------------

# A real `mkdocs build` with the text and address checks switched off: what the output alone must stop.
UNCHECKED_BUILD = (
    "import sys, heritage.checks.safety as s, heritage.content.addresses as a\n"
    "s.scan_text = lambda text: []\n"
    "a.is_web_address = lambda value: True\n"
    "from mkdocs.__main__ import cli\n"
    "sys.argv = ['mkdocs', 'build', '--strict']\n"
    "cli()\n"
)


def build_unchecked(project: Project, **env: str) -> None:
    result = project.run(sys.executable, "-c", UNCHECKED_BUILD, env=env)
    assert result.returncode == 0, result.stderr[-3000:]


def _site_yml(ward_vi: str) -> str:
    return yaml.safe_dump({"ward": {"vi": ward_vi, "en": "Ward"}, "province": {"vi": ward_vi, "en": "Province"}, "column": {"launch": "2026-09"}}, allow_unicode=True)


@pytest.mark.browser
def test_a_hostile_site_address_changes_nothing_on_the_404_page(chromium, small_project: Project):
    build_unchecked(small_project, SITE_URL=HOSTILE_SITE_URL)
    page_html = (small_project.root / "site/404.html").read_text(encoding="utf-8")
    assert "<meta http-equiv=\"refresh\"" not in page_html and "%22%3E%3Cmeta" in page_html  # built with the address, encoded
    with serve(small_project.root / "site") as url:
        context = chromium.new_context()
        page = context.new_page()
        page.goto(url + "404.html")  # what a host serves for an address it does not have
        page.wait_for_load_state("load")
        assert page.locator("h1").inner_text() == "Không tìm thấy trang"
        assert page.evaluate("document.querySelectorAll('meta[http-equiv=refresh i]').length") == 0  # nothing to follow
        assert page.evaluate(f"window.{TOKEN}") is None
        assert page.url == url + "404.html"
        context.close()


@pytest.mark.browser
def test_no_value_breaks_out_of_the_json_ld(chromium, small_project: Project):
    """The ward (a festival's organiser), a vocabulary label (an artisan's job title) and a name,
    each holding a way out of the script block: the page stays whole and nothing runs."""
    p = small_project
    p.write("data/site.yml", _site_yml(BREAKOUTS[1]))
    vocabulary = p.root / "data/vocabulary.yml"
    vocabulary.write_text(vocabulary.read_text(encoding="utf-8").replace("{vi: Nghệ nhân Quan họ,", f"{{vi: '{BREAKOUTS[0]}',"), encoding="utf-8")
    p.entry("di-tich", "dinh-vo", (f"Đình {BREAKOUTS[2]}", "Relic"))
    p.stamp_all()
    build_unchecked(p)
    pages = {"le-hoi/hoi-lim/": ("location", BREAKOUTS[1]), "nghe-nhan/nghe-nhan-a/": ("jobTitle", BREAKOUTS[0]), "di-tich/dinh-vo/": ("name", f"Đình {BREAKOUTS[2]}")}
    with serve(p.root / "site") as url:
        context = chromium.new_context()
        context.set_default_timeout(5_000)
        page = context.new_page()
        for path, (key, value) in pages.items():
            page.goto(url + path)
            page.wait_for_load_state("load")
            assert f"Câu chuyện {path.split('/')[1]} (vi)" in page.locator("article").inner_text()  # the page is whole
            assert page.evaluate(f"window.{TOKEN}") is None
            data = page.evaluate("JSON.parse(document.querySelector('script[type=\"application/ld+json\"]').textContent)")
            found = data[key]["name"] if key == "location" else data[key]
            assert found == value, (path, found)
        context.close()
