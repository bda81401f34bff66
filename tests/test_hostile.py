"""A hostile editor's files (issue 14): each case in a scratch copy of a small project.

For every case, `make check` and `make build` both refuse with the file, line and field,
Vietnamese before English, no traceback; no file under data/ or docs/ changes; nothing of
the payload is left in site/. The output sanitiser and the Content-Security-Policy are
tested on their own below, as if every check had been fooled.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from PIL import Image

from heritage.outputs.sanitise import sanitise
from heritage.outputs.security import TrustedScripts, inline_scripts, script_hash, secure_page

from .conftest import REPO, Project, serve

TOKEN = "hx_pwned"  # what every injected script would set
SCRIPT = f"<script>window.{TOKEN}=1</script>"
STORY = "docs/vi/di-tich/dinh-tan-an.md"
ENTRY = "data/di-tich/dinh-tan-an.yml"
POST = "docs/vi/chuyen-muc/ra-mat.md"
EVENT = "data/su-kien/ram.yml"
EVENT_YML = """name: {vi: Rằm, en: Full moon}
summary: {vi: Tóm tắt., en: Summary.}
repeat:
  lunar_days: [1, 15]
time: {start: "18:00", end: "20:00"}
place:
  entry: chua-an
"""


@dataclass(frozen=True)
class Case:
    name: str
    setup: Callable[[Project, Path], None]
    file: str  # the file the message must name
    field: str | None = None
    line: int | None = None
    words: tuple[str, str] = ("", "")  # (Vietnamese, English) the message must contain


def append(project: Project, rel: str, text: str) -> None:
    path = project.root / rel
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def replace(project: Project, rel: str, old: str, new: str) -> None:
    path = project.root / rel
    source = path.read_text(encoding="utf-8")
    assert old in source, (rel, old)
    path.write_text(source.replace(old, new, 1), encoding="utf-8")


def front_title(rel: str, title: str) -> Callable[[Project, Path], None]:
    def setup(project: Project, outside: Path) -> None:
        path = project.root / rel
        body = path.read_text(encoding="utf-8").split("---", 2)[2]
        path.write_text(f"---\ntitle: {title}\n---{body}", encoding="utf-8")

    return setup


def outside_photo(outside: Path) -> Path:
    """A photo outside the repository, standing for any file the build machine can read."""
    outside.mkdir(exist_ok=True)
    photo = outside / "bi-mat.jpg"
    Image.new("RGB", (300, 200), (1, 2, 3)).save(photo)
    return photo


def use_image(project: Project, value: str) -> None:
    replace(project, ENTRY, "image: cong.jpg", f"image: {value}")


def link_file(project: Project, outside: Path) -> None:
    (project.root / "data/media/dinh-tan-an/cong.jpg").unlink()
    os.symlink(outside_photo(outside), project.root / "data/media/dinh-tan-an/cong.jpg")


def link_folder(project: Project, outside: Path) -> None:
    outside_photo(outside)
    os.symlink("/", project.root / "data/media/dinh-tan-an/root")
    use_image(project, f"root{outside}/bi-mat.jpg")


def cover_absolute(project: Project, outside: Path) -> None:
    replace(project, POST, "cover: dinh-tan-an/cong.jpg", f"cover: {outside_photo(outside)}")


def broken_link(project: Project, outside: Path) -> None:
    os.symlink(outside / "khong-co.jpg", project.root / "data/media/dinh-tan-an/mat.jpg")


SITE = {"ward": '{vi: "UBND phường", en: "Ward People\'s Committee"}', "column": "{launch: 2026-09}", "site_url": "https://heritage.example.org/", "data_license": '{name: CC BY 4.0, url: "https://creativecommons.org/licenses/by/4.0/"}'}


def site_yml(**fields: str) -> Callable[[Project, Path], None]:
    """data/site.yml with one line per field (ward on line 1 … data_license on line 4), some replaced."""

    def setup(project: Project, outside: Path) -> None:
        project.write("data/site.yml", "".join(f"{key}: {fields.get(key, value)}\n" for key, value in SITE.items()))

    return setup


BOMB = "lol: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(f"l{i}: &a{i} [*{'a' if i == 0 else f'a{i - 1}'}, *{'a' if i == 0 else f'a{i - 1}'}]\n" for i in range(9))


def media_file(name: str, data: bytes | Callable[[Path], None], kind: str = "image") -> Callable[[Project, Path], None]:
    def setup(project: Project, outside: Path) -> None:
        path = project.root / "data/media/dinh-tan-an" / name
        if callable(data):
            data(path)
        else:
            path.write_bytes(data)
        if kind == "image":
            use_image(project, name)
        else:
            append(project, ENTRY, "")
            replace(project, ENTRY, "media:\n", f"media:\n- {kind}: {name}\n  caption: {{vi: Bài hát, en: A song}}\n  credit: Thử\n  license: CC0-1.0\n")

    return setup


def truncated_jpeg(path: Path) -> None:
    Image.new("RGB", (800, 600), (200, 30, 30)).save(path, quality=95)
    path.write_bytes(path.read_bytes()[:2000])


def huge_png(path: Path) -> None:
    Image.new("1", (20000, 20000)).save(path)


CASES = [
    # Scripts that reached visitors
    Case("front-matter-title-script", front_title("docs/vi/gioi-thieu/index.md", f'"Giới thiệu {SCRIPT}"'), "docs/vi/gioi-thieu/index.md", "title", 2, ("<script>", "<script>")),
    Case("story-comment-trick", lambda p, o: append(p, STORY, f"\n<!--> {SCRIPT} -->\n"), STORY, None, 5, ("<script>", "<script>")),
    Case("story-cdata", lambda p, o: append(p, STORY, f"\n<![CDATA[{SCRIPT}]]>\n"), STORY, None, 5, ("<script>", "<script>")),
    Case("story-noscript", lambda p, o: append(p, STORY, f'\n<noscript><p title="</noscript><img src=x onerror=window.{TOKEN}=1>"></noscript>\n'), STORY, None, 5, ("onerror", "onerror")),
    Case("name-comment-trick", lambda p, o: replace(p, ENTRY, "vi: Đình Tân An", f"vi: 'Đình <!--> {SCRIPT} -->'"), ENTRY, "name.vi", 2, ("<script>", "<script>")),
    Case("post-title-comment-trick", lambda p, o: replace(p, POST, "title: Ra mắt", f"title: 'Ra mắt <!--> {SCRIPT} -->'"), POST, "title", 2, ("<script>", "<script>")),
    Case("style-attribute-html", lambda p, o: append(p, STORY, '\n<a href="https://example.com" style="position:fixed;inset:0">Xem</a>\n'), STORY, None, 5, ("style=", "style=")),
    Case("style-attribute-attr-list", lambda p, o: append(p, STORY, '\nĐoạn văn.\n{: style="position:fixed;inset:0" }\n'), STORY, None, None, ("style=", "style=")),
    Case("unclosed-brackets", lambda p, o: append(p, STORY, "\n" + "[x" * 2000 + "\n"), STORY, None, None, ("dấu ngoặc", "brackets")),
    Case("nested-brackets", lambda p, o: append(p, STORY, "\n" + "[" * 3000 + "x" + "]" * 3000 + "\n"), STORY, None, 5, ("dấu ngoặc", "brackets")),
    # Files from outside the repository
    Case("cover-absolute-path", cover_absolute, POST, "cover", 7, ("data/media/<mã mục>/", "data/media/<id>/")),
    Case("media-file-symlink", link_file, ENTRY, "media[0].image", None, ("symlink", "symbolic link")),
    Case("media-folder-symlink", link_folder, ENTRY, "media[0].image", None, ("symlink", "symbolic link")),
    Case("media-parent-path", lambda p, o: use_image(p, "../chua-an/anh.jpg"), ENTRY, "media[0]", 16, ("data/media/<id>/", "data/media/<id>/")),
    Case("media-broken-symlink", broken_link, "data/media/dinh-tan-an/mat.jpg", None, None, ("symlink", "symbolic link")),
    Case("html-file-in-docs", lambda p, o: p.write("docs/vi/gioi-thieu/trang.html", f"<html>{SCRIPT}</html>"), "docs/vi/gioi-thieu/trang.html", None, None, ("chỉ chứa trang Markdown", "Markdown pages (.md) only")),
    Case("svg-file-in-docs", lambda p, o: p.write("docs/vi/di-tich/logo.svg", f"<svg xmlns='http://www.w3.org/2000/svg'>{SCRIPT}</svg>"), "docs/vi/di-tich/logo.svg", None, None, ("chỉ chứa trang Markdown", "Markdown pages (.md) only")),
    Case("page-symlink", lambda p, o: os.symlink(outside_photo(o), p.root / "docs/vi/gioi-thieu/bi-mat.md"), "docs/vi/gioi-thieu/bi-mat.md", None, None, ("symlink", "symbolic link")),
    Case("page-not-utf8", lambda p, o: (p.root / "docs/vi/gioi-thieu/index.md").write_bytes("---\ntitle: Giới thiệu\n---\n\nĐình làng.\n".encode("cp1258", errors="replace")), "docs/vi/gioi-thieu/index.md", None, None, ("UTF-8", "UTF-8")),
    # YAML read safely
    Case("alias-bomb", lambda p, o: append(p, ENTRY, BOMB), ENTRY, None, None, ("neo/bí danh", "anchor or alias")),
    Case("yaml-tag", lambda p, o: append(p, ENTRY, "x: !!python/object/apply:os.system [ls]\n"), ENTRY, None, None, ("thẻ kiểu", "type tag")),
    Case("duplicate-key", lambda p, o: append(p, ENTRY, "sample: false\n"), ENTRY, None, None, ("hai lần", "twice")),
    Case("vertical-tab", lambda p, o: replace(p, ENTRY, "Cổng đình", "Cổng\x0bđình"), ENTRY, None, None, ("Shift+Enter", "Shift+Enter")),
    Case("nul-byte", lambda p, o: replace(p, ENTRY, "Cổng đình", "Cổng\x00đình"), ENTRY, None, None, ("NUL", "NUL")),
    Case("bidi-override", lambda p, o: replace(p, ENTRY, "vi: Đình Tân An", "vi: Đình \u202eAn Tân"), ENTRY, None, 2, ("U+202E", "U+202E")),
    Case("unclosed-quote", lambda p, o: replace(p, ENTRY, "credit: Ảnh thử\n", 'credit: "Ảnh thử\n'), ENTRY, None, 20, ("không được đóng", "never closed")),
    Case("issued-syntax-error", lambda p, o: p.write("data/qr-issued.yml", "issued:\n  - {id: dinh-tan-an, date: 2026-10-01\n"), "data/qr-issued.yml", None, None, ("cú pháp", "syntax")),
    Case("issued-bare-ids", lambda p, o: p.write("data/qr-issued.yml", "issued: [dinh-tan-an]\n"), "data/qr-issued.yml", "issued[0]", 1),
    Case("issued-top-level-list", lambda p, o: p.write("data/qr-issued.yml", "- dinh-tan-an\n"), "data/qr-issued.yml"),
    Case("vocabulary-top-level-list", lambda p, o: p.write("data/vocabulary.yml", "- dinh\n"), "data/vocabulary.yml"),
    Case("site-top-level-list", lambda p, o: p.write("data/site.yml", "- x\n"), "data/site.yml"),
    # Recurring events (data/su-kien/<id>.yml): checked like entries, ids shared with them
    Case("event-lunar-day-31", lambda p, o: p.write(EVENT, EVENT_YML.replace("[1, 15]", "[1, 31]")), EVENT, "repeat.lunar_days", 4, ("âm lịch 31 không có", "no lunar day 31")),
    Case("event-both-repeats", lambda p, o: p.write(EVENT, EVENT_YML.replace("lunar_days: [1, 15]", "lunar_days: [1, 15]\n  weekdays: [sa]")), EVENT, "repeat", 3, ("đúng một trong hai", "exactly one of")),
    Case("event-time-order", lambda p, o: p.write(EVENT, EVENT_YML.replace('end: "20:00"', 'end: "17:00"')), EVENT, "time", None, ("không sau giờ bắt đầu", "not after the start time")),
    Case("event-unknown-place", lambda p, o: p.write(EVENT, EVENT_YML.replace("entry: chua-an", "entry: chua-ann")), EVENT, "place.entry", 7, ("chua-an", "did you mean 'chua-an'")),
    # found by the fuzz test: the sentence's `{vi: …, en: …}` was read as a format field (a traceback)
    Case("event-place-empty", lambda p, o: p.write(EVENT, EVENT_YML.replace("place:\n  entry: chua-an\n", "place: {}\n")), EVENT, "place", 6, ("cần mã một mục", "needs an entry id")),
    Case("event-id-taken", lambda p, o: p.write("data/su-kien/hoi-lim.yml", EVENT_YML), "data/su-kien/hoi-lim.yml", "id", None, ("đã được dùng", "already used")),
    Case("event-script-in-name", lambda p, o: p.write(EVENT, EVENT_YML.replace("vi: Rằm", f"vi: Rằm {SCRIPT}")), EVENT, None, None, ("", "")),
    # Ids and references
    Case("reserved-id-index", lambda p, o: p.entry("di-tich", "index", pages=()), "data/di-tich/index.yml", "id", None, ("dành riêng", "reserved")),
    Case("reserved-id-tim-kiem", lambda p, o: p.entry("le-hoi", "tim-kiem"), "data/le-hoi/tim-kiem.yml", "id", None, ("dành riêng", "reserved")),
    Case("self-reference", lambda p, o: replace(p, ENTRY, "- hoi-lim", "- dinh-tan-an"), ENTRY, "related[0]", None, ("chính nó", "itself")),
    Case("title-too-long", lambda p, o: replace(p, ENTRY, "vi: Đình Tân An", "vi: " + "Đình " * 40), ENTRY, "name.vi", 2, ("120", "120")),
    # Text fields checked as text (security review): addresses, markup in settings and vocabulary,
    # YAML escapes that write invisible characters, Windows device names
    Case("site-url-meta-refresh", site_yml(site_url="'https://x.example/\"><meta http-equiv=\"refresh\" content=\"0;url=https://evil.example/\">'"), "data/site.yml", "site_url", 3, ("không phải địa chỉ web", "not a usable web address")),
    Case("site-url-javascript", site_yml(site_url='"javascript:alert(1)"'), "data/site.yml", "site_url", 3, ("không phải địa chỉ web", "not a usable web address")),
    Case("licence-url-javascript", site_yml(data_license='{name: CC BY 4.0, url: "javascript:alert(1)"}'), "data/site.yml", "data_license.url", 4, ("không phải địa chỉ web", "not a usable web address")),
    Case("source-url-quote", lambda p, o: append(p, ENTRY, "sources:\n- {title: Nguồn, url: 'https://x.example/\" onmouseover=\"x'}\n"), ENTRY, "sources[0].url", None, ("không phải địa chỉ web", "not a usable web address")),
    Case("ward-comment-script", site_yml(ward='{vi: "UBND <!--<script>", en: "People\'s Committee"}'), "data/site.yml", "ward.vi", 1, ("<script>", "<script>")),
    Case("vocabulary-label-comment-script", lambda p, o: replace(p, "data/vocabulary.yml", "dinh: {vi: Đình,", 'dinh: {vi: "Đình <!--<script>",'), "data/vocabulary.yml", "types.di-tich.dinh.vi", 7, ("<script>", "<script>")),
    Case("name-escaped-bidi", lambda p, o: replace(p, ENTRY, "vi: Đình Tân An", 'vi: "Đình \\u202eAn Tân"'), ENTRY, "name.vi", 2, ("U+202E", "U+202E")),
    Case("caption-escaped-nul", lambda p, o: replace(p, ENTRY, "Cổng đình", '"Cổng\\0đình"'), ENTRY, "media[0].alt.vi", None, ("NUL", "NUL")),
    Case("ward-escaped-esc", site_yml(ward='{vi: "UBND \\e[2J", en: "Ward"}'), "data/site.yml", "ward.vi", 1, ("ESC", "ESC")),
    Case("label-escaped-cr", lambda p, o: replace(p, "data/vocabulary.yml", "dinh: {vi: Đình,", 'dinh: {vi: "Đình\\rĐền",'), "data/vocabulary.yml", "types.di-tich.dinh.vi", 7, ("CR", "CR")),
    Case("issued-escaped-vtab", lambda p, o: p.write("data/qr-issued.yml", 'issued:\n  - {id: "dinh-tan-an\\v", date: 2026-10-01}\n'), "data/qr-issued.yml", "issued[0].id", 2, ("Shift+Enter", "Shift+Enter")),
    Case("post-title-escaped-bidi", lambda p, o: replace(p, POST, "title: Ra mắt", 'title: "Ra mắt \\u2066x"'), POST, "title", 2, ("U+2066", "U+2066")),
    Case("name-line-break", lambda p, o: replace(p, ENTRY, "vi: Đình Tân An", 'vi: "Đình\\n\\n[Bấm](https://evil.example)"'), ENTRY, "name.vi", 2, ("một dòng", "single line")),
    Case("reserved-id-con", lambda p, o: p.entry("di-tich", "con"), "data/di-tich/con.yml", "id", None, ("Windows", "Windows")),
    Case("reserved-id-lpt1", lambda p, o: p.entry("san-pham", "lpt1"), "data/san-pham/lpt1.yml", "id", None, ("dành riêng", "reserved")),
    # Media the build cannot use
    Case("truncated-jpeg", media_file("hong.jpg", truncated_jpeg), "data/media/dinh-tan-an/hong.jpg", None, None, ("hỏng", "damaged")),
    Case("html-as-jpeg", media_file("trang.jpg", b"<html><script>x</script></html>"), "data/media/dinh-tan-an/trang.jpg", None, None, ("không phải là ảnh", "not an image")),
    Case("pdf-as-jpeg", media_file("van-ban.jpg", b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"), "data/media/dinh-tan-an/van-ban.jpg", None, None, ("không phải là ảnh", "not an image")),
    Case("decompression-bomb", media_file("khong-lo.png", huge_png), "data/media/dinh-tan-an/khong-lo.png", None, None, ("điểm ảnh", "pixels")),
    Case("empty-audio", media_file("bai-hat.m4a", b"", kind="audio"), "data/media/dinh-tan-an/bai-hat.m4a", None, None, ("Không đọc được", "cannot be read")),
]


def site_files(project: Project) -> list[Path]:
    site = project.root / "site"
    return [p for p in site.rglob("*") if p.is_file()] if site.is_dir() else []


def assert_refused(result, case: Case) -> None:
    out = result.stdout + result.stderr
    assert result.returncode == 1, out[-3000:]
    assert "Traceback" not in out, out[-3000:]
    assert f"📄 {case.file}" in out, out[-3000:]
    block = out.split(f"📄 {case.file}", 1)[1].split("📄", 1)[0]
    head = r"LỖI / ERROR" + (rf" — {re.escape(case.field)}" if case.field else r"(?: — \S+)?") + (rf" \(dòng/line {case.line}\)" if case.line else r"(?: \(dòng/line \d+\))?")
    found = [(m.group(1), m.group(2)) for m in re.finditer(head + r"\n    (.*)\n(?:    → .*\n)?    (.*)", block)]
    assert any(case.words[0] in vi and case.words[1] in en and vi != en for vi, en in found), block


def refused_by_check_and_build(project: Project, outside: Path, case: Case) -> None:
    """The case set up, then refused by both commands as `assert_refused` says, no file under
    data/ or docs/ changed, and nothing left in site/ (the payload included)."""
    case.setup(project, outside)
    before = project.snapshot()
    assert_refused(project.check(), case)
    assert_refused(project.build(), case)
    assert project.snapshot() == before
    assert site_files(project) == []  # a refused build leaves nothing to deploy, payload included


@pytest.fixture
def hostile(small_project: Project, tmp_path_factory) -> tuple[Project, Path]:
    return small_project, tmp_path_factory.mktemp("outside")


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_check_and_build_refuse_and_change_nothing(hostile, case: Case):
    refused_by_check_and_build(*hostile, case)


def test_media_prepare_never_overwrites_another_file(small_project: Project):
    folder = small_project.root / "data/media/dinh-tan-an"
    Image.new("RGB", (640, 480), (10, 200, 10)).save(folder / "anh-1.png")
    Image.new("RGB", (640, 480), (10, 10, 200)).save(folder / "anh-1.jpg")
    before = (folder / "anh-1.jpg").read_bytes()
    result = small_project.run(sys.executable, "-m", "heritage", "media", "prepare", "data/media/dinh-tan-an/anh-1.png")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "--force" in result.stderr and "không ghi đè" in result.stderr and "does not overwrite" in result.stderr
    assert (folder / "anh-1.jpg").read_bytes() == before
    forced = small_project.run(sys.executable, "-m", "heritage", "media", "prepare", "--force", "data/media/dinh-tan-an/anh-1.png")
    assert forced.returncode == 0 and (folder / "anh-1.jpg").read_bytes() != before


def test_an_invalid_entry_causes_no_false_missing_errors_elsewhere(small_project: Project):
    replace(small_project, "data/le-hoi/hoi-lim.yml", "ranking: chua-xep-hang", "ranking: [x]")
    out = small_project.check().stdout
    assert "data/le-hoi/hoi-lim.yml" in out
    assert "'hoi-lim'" not in out  # dinh-tan-an's related and nothing else names it as missing


def test_issued_code_protected_even_when_its_entry_is_deleted(small_project: Project):
    small_project.write("data/qr-issued.yml", "issued:\n  - {id: chua-an, date: 2026-10-01}\n")
    for path in ("data/di-tich/chua-an.yml", "docs/vi/di-tich/chua-an.md", "docs/en/di-tich/chua-an.md"):
        (small_project.root / path).unlink()
    result = small_project.check()
    assert result.returncode == 1 and "chua-an" in result.stdout and "aliases" in result.stdout


# --- the guarantees on output, as if every check had been fooled -------------------------

BYPASSES = {
    "comment": f"<p>a</p><!--> {SCRIPT} -->",
    "cdata": f"<![CDATA[{SCRIPT}]]>",
    "noscript": f'<noscript><p title="</noscript><img src=x onerror=window.{TOKEN}=1>"></noscript>',
    "svg": f"<svg><script>window.{TOKEN}=1</script></svg>",
    "math": f"<math><mtext><table><mglyph><style><img src=x onerror=window.{TOKEN}=1>",
    "handler": f'<img src="x" onerror="window.{TOKEN}=1">',
    "javascript-link": f'<a href=" javascript:window.{TOKEN}=1">x</a>',
    "iframe": f'<iframe srcdoc="{SCRIPT}"></iframe>',
    "style": '<p style="position:fixed;inset:0">x</p>',
    "meta-refresh": '<meta http-equiv="refresh" content="0;url=https://example.com">',
    "form": '<form action="https://example.com"><button>x</button></form>',
}


@pytest.mark.parametrize("html", BYPASSES.values(), ids=BYPASSES.keys())
def test_sanitiser_leaves_nothing_that_runs_or_styles(html: str):
    clean = sanitise(html)
    lowered = clean.lower()
    for bad in ("<script", "onerror", "javascript:", "<iframe", "style=", "<meta", "<form", "<svg", "<math", "<style"):
        assert bad not in lowered, clean


def test_sanitiser_keeps_what_markdown_writes():
    html = (
        '<h2 id="lich-su">Lịch sử</h2><p><em>a</em> <strong>b</strong> <a href="../le-hoi/hoi-lim/">c</a> '
        '<a href="https://vi.wikipedia.org/">d</a></p><div class="admonition note"><p class="admonition-title">Ghi chú</p></div>'
        '<table><thead><tr><th>x</th></tr></thead><tbody><tr><td>y</td></tr></tbody></table><blockquote><p>q</p></blockquote>'
    )
    assert sanitise(html) == html


def test_theme_scripts_are_trusted_and_nothing_else():
    trusted = TrustedScripts.from_folders([REPO / "overrides", REPO / "heritage/pages/templates"])
    assert trusted.trusts('document.documentElement.classList.add("hx-js")')
    assert not trusted.trusts(f"window.{TOKEN}=1")
    # Material's bootstrap, whatever the page's depth, but never with code in the path
    material = Path(__import__("material").__file__).parent / "templates"
    trusted = TrustedScripts.from_folders([REPO / "overrides", material])
    bootstrap = next(s for s in inline_scripts((material / "partials/javascripts/base.html").read_text()) if "__md_scope" in s)
    assert trusted.trusts(bootstrap.replace("{{ config.extra.scope | d(base_url) }}", "../.."))
    assert not trusted.trusts(bootstrap.replace("{{ config.extra.scope | d(base_url) }}", '"),alert(1),("'))


def test_every_inline_script_of_the_sample_site_is_trusted(sample_site):
    trusted = TrustedScripts.from_folders([REPO / "overrides", Path(__import__("material").__file__).parent / "templates", REPO / "heritage/pages/templates"])
    checked = 0
    for page in (sample_site.root / "site").rglob("*.html"):
        for script in inline_scripts(page.read_text(encoding="utf-8")):
            assert trusted.trusts(script), (page, script[:80])
            checked += 1
    assert checked > 50  # the theme's bootstrap and ours on every page, and the QR landings' scripts


@pytest.mark.parametrize("reserved", ["__config", "__md_scope", "__search", "md-header", "md-content", "hx-content"])
def test_sanitiser_drops_ids_the_page_scripts_look_up(reserved: str):
    """A story's `{#__config}` or `<p id="md-header">` would clobber the element the theme's or
    our scripts find by id (the theme reads its settings from #__config): the id goes, the text stays."""
    clean = sanitise(f'<p id="{reserved}">Đình</p><h2 id="lich-su">Lịch sử</h2>')
    assert clean == '<p>Đình</p><h2 id="lich-su">Lịch sử</h2>'


def test_our_script_with_code_appended_is_not_hashed_into_the_policy():
    """The templates' scripts are trusted as they are, not as a beginning: our own script with
    an editor's code after it gets no hash, so the browser blocks it."""
    trusted = TrustedScripts.from_folders([REPO / "overrides", REPO / "heritage/pages/templates"])
    ours = 'document.documentElement.classList.add("hx-js")'
    assert trusted.trusts(ours)
    page = f"<!doctype html><html><head><script>{ours}</script></head><body><script>{ours};window.{TOKEN}=1</script></body></html>"
    _, hashes = secure_page(page, trusted)
    assert hashes == {script_hash(ours)}
    assert not trusted.trusts(f"{ours};window.{TOKEN}=1") and not trusted.trusts(f"window.{TOKEN}=1;{ours}")


def test_text_in_a_page_cannot_remove_its_policy():
    page = '<!doctype html><html><head><title>Content-Security-Policy</title></head><body><p>Content-Security-Policy</p></body></html>'
    html, _ = secure_page(page, TrustedScripts())
    assert html.count('<meta http-equiv="Content-Security-Policy"') == 1
    assert html.index("<meta http-equiv") < html.index("<title>")


@pytest.mark.browser
def test_policy_blocks_and_reports_an_injected_script(chromium, small_project: Project, tmp_path: Path):
    """A script that got past every check into a finished page: the browser refuses it."""
    result = small_project.build()
    assert result.returncode == 0, result.stderr
    site = small_project.root / "site"
    page_path = site / "di-tich/dinh-tan-an/index.html"
    html = page_path.read_text(encoding="utf-8")
    # Undo the policy the build wrote, inject each way, and secure the page again as the build would.
    html = re.sub(r'<meta http-equiv="Content-Security-Policy" content="[^"]*">\n?', "", html)
    injected = html.replace("</article>", f'{SCRIPT}<img src="x" onerror="window.{TOKEN}=2"><a id="go" href="javascript:window.{TOKEN}=3">x</a></article>', 1)
    material = Path(__import__("material").__file__).parent / "templates"
    trusted = TrustedScripts.from_folders([small_project.root / "overrides", material, REPO / "heritage/pages/templates"])
    secured, _ = secure_page(injected, trusted)
    page_path.write_text(secured, encoding="utf-8")
    with serve(site) as url:
        context = chromium.new_context()
        page = context.new_page()
        page.add_init_script("window.__violations=[];document.addEventListener('securitypolicyviolation',e=>window.__violations.push(e.violatedDirective))")
        page.goto(url + "di-tich/dinh-tan-an/")
        page.wait_for_load_state("load")
        before = page.evaluate("window.__violations.length")
        page.click("#go")
        # Proving a script did NOT run: wait for the positive sign that the browser handled the
        # tap, the policy's refusal of the javascript: link (a new violation), then a frame.
        page.wait_for_function("(before) => window.__violations.length > before", arg=before)
        page.evaluate("() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))")
        assert page.evaluate(f"window.{TOKEN}") is None
        violations = page.evaluate("window.__violations")
        assert any(v.startswith("script-src") for v in violations), violations
        assert page.evaluate("document.documentElement.classList.contains('hx-js')")  # our own script ran
        context.close()


@pytest.mark.browser
def test_nothing_an_editor_writes_runs_in_the_browser(chromium, small_project: Project):
    """Content that only the output guarantees stop (the checks are bypassed by writing what
    the sanitiser and escaping must neutralise without the check seeing markup)."""
    # The title comes from the heading: Material printed it through `striptags`, which turns
    # these entities back into a live </title><script>; the check sees only text.
    small_project.write("docs/vi/gioi-thieu/index.md", f"# Giới thiệu &lt;/title&gt;&lt;script&gt;window.{TOKEN}=1&lt;/script&gt;\n\nContent-Security-Policy\n")
    result = small_project.build()
    assert result.returncode == 0, result.stderr
    html = small_project.html("gioi-thieu")
    assert '<meta http-equiv="Content-Security-Policy"' in html
    assert "<script>window.hx_pwned" not in html
    with serve(small_project.root / "site") as url:
        context = chromium.new_context()
        page = context.new_page()
        page.goto(url + "gioi-thieu/")
        page.wait_for_load_state("load")
        assert page.evaluate(f"window.{TOKEN}") is None
        assert "<script>" in page.title()  # shown as the text the editor typed
        context.close()


def video_with_location(path: Path) -> None:
    """A short clip whose container carries a phone's GPS position, as phones write it."""
    import av

    with av.open(str(path), "w", format="mp4") as out:
        out.metadata["location"] = "+21.1800+106.0700/"
        stream = out.add_stream("mpeg4", rate=10)
        stream.width, stream.height, stream.pix_fmt = 64, 48, "yuv420p"
        for i in range(10):
            for packet in stream.encode(av.VideoFrame.from_image(Image.new("RGB", (64, 48), (i * 20, 0, 0)))):
                out.mux(packet)
        for packet in stream.encode():
            out.mux(packet)


def test_gps_in_a_video_original_is_a_warning_and_never_published(small_project: Project, tmp_path: Path):
    media_file("clip.mp4", video_with_location, kind="video")(small_project, tmp_path)
    result = small_project.check()
    assert result.returncode == 0, result.stdout
    block = result.stdout.split("📄 data/media/dinh-tan-an/clip.mp4", 1)[1].split("📄", 1)[0]
    assert "CẢNH BÁO / WARNING" in block and "GPS" in block and block.index("vị trí GPS") < block.index("GPS position")
    built = small_project.build()
    assert built.returncode == 0, built.stderr
    import av

    (published,) = (small_project.root / "site/media/dinh-tan-an").glob("clip-*.mp4")
    with av.open(str(published)) as container:
        assert not any("location" in key for key in container.metadata)
