"""Only what is ours is published: docs/ gives the site its Markdown pages and nothing else,
the ward's emblem is a PNG the build draws, and /admin/ refuses to run inside a frame.

A file beside the pages (docs/evil.html, a `_redirects`, an .svg in docs/vi/) used to be copied
to the site as it was: its script ran on the site's address and read the web editor's GitHub
token from localStorage.
"""

from __future__ import annotations

import io
import sys
import unicodedata
from pathlib import Path

import pytest
from PIL import Image

from heritage.checks.published import is_page_source
from heritage.content.settings import load_settings
from heritage.content.vocabulary import load_vocabulary
from heritage.editor import page as admin_page
from heritage.media import emblem

from .conftest import REPO, Project, serve
from .test_hostile import (
    SCRIPT,
    TOKEN,
    Case,
    assert_refused,
    refused_by_check_and_build,
    site_files,
)

PAGE = f"<!doctype html><html><head><title>x</title></head><body>{SCRIPT}</body></html>"
SVG = f"<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 10 10'>{SCRIPT}<circle cx='5' cy='5' r='5' fill='#c00'/></svg>"
NOT_A_PAGE = ("chỉ chứa trang Markdown", "Markdown pages (.md) only")


def stray(rel: str, text: str) -> Case:
    return Case(rel.replace("/", "-"), lambda p, o: p.write(rel, text), rel, None, None, NOT_A_PAGE)


STRAY = [
    stray("docs/evil.html", PAGE),
    stray("docs/evil.svg", SVG),
    stray("docs/evil.js", f"window.{TOKEN}=1"),
    stray("docs/sub/page.md", "# Trang\n"),
    stray("docs/_redirects", "/*  https://example.com/  301!\n"),
    stray("docs/_headers", "/*\n  Content-Security-Policy: script-src *\n"),
    stray("docs/CNAME", "example.com\n"),
    stray("docs/.well-known/security.txt", "Contact: mailto:x@example.com\n"),
    stray("docs/vi/evil.html", PAGE),
    stray("docs/vi/img.svg", SVG),
    stray("docs/en/di-tich/trang.markdown", "# Trang\n"),
    stray("docs/vi/.htaccess", "Redirect 301 / https://example.com/\n"),
]


BAD_NAME = ("chỉ dùng chữ thường không dấu", "lowercase ASCII letters, digits and hyphens only")
POST = "---\ntitle: Bài\ndate: 2026-10-05\nsummary: Tóm tắt\n---\n\nNội dung.\n"
for _name in ("bài-viết-đặc-biệt", unicodedata.normalize("NFD", "bài-viết-đặc-biệt"), "Bai-Viet", "bai viet", "bai--viet"):
    for _lang in ("vi", "en"):
        _rel = f"docs/{_lang}/chuyen-muc/{_name}.md"
        STRAY.append(Case(f"name-{_lang}-{_name.encode('unicode_escape').decode()}", lambda p, o, r=_rel: p.write(r, POST), _rel, None, None, BAD_NAME))
STRAY.append(Case("folder-name", lambda p, o: p.write("docs/vi/Giới thiệu/a.md", "# A\n"), "docs/vi/Giới thiệu/a.md", None, None, BAD_NAME))


@pytest.mark.parametrize("case", STRAY, ids=[c.name for c in STRAY])
def test_a_file_beside_the_pages_is_refused_by_check_and_build(small_project: Project, tmp_path: Path, case: Case):
    refused_by_check_and_build(small_project, tmp_path, case)


@pytest.mark.parametrize(
    "src_uri, published",
    [
        ("vi/index.md", True),
        ("en/di-tich/dinh-tan-an.md", True),
        ("vi/gioi-thieu/index.md", True),
        ("index.md", False),  # outside the language folders
        ("sub/page.md", False),
        ("evil.html", False),
        ("_redirects", False),
        ("CNAME", False),
        ("vi/evil.html", False),
        ("vi/img.svg", False),
        ("vi/.gitkeep", False),  # tolerated in the folder, never published
        ("vi/.hidden.md", False),
        ("vi/.well-known/x.md", False),
        ("en/trang.markdown", False),
        ("vi/.md", False),
        ("fr/index.md", False),
    ],
)
def test_only_pages_of_the_language_folders_are_published(src_uri: str, published: bool):
    assert is_page_source(src_uri) is published


# --- the hook's own drop, with the check bypassed ------------------------------------------

# A build whose check of docs/ reports nothing: what the hook alone must stop.
BYPASSED_BUILD = "\n".join(
    [
        "import sys",
        "import heritage.checks.run as run",
        "run.stray_file_problems = lambda root: []",
        "from mkdocs.__main__ import cli",
        "sys.argv = ['mkdocs', 'build', '--strict']",
        "cli()",
    ]
)
PLANTED = {
    "docs/evil.html": PAGE,
    "docs/vi/evil.html": PAGE,
    "docs/x/evil.html": PAGE,
    "docs/evil.svg": SVG,
    "docs/_redirects": "/*  https://example.com/  301!\n",
    "docs/CNAME": "example.com\n",
    "docs/vi/.well-known/evil.html": PAGE,
}


def _token_after_load(chromium, url: str):
    context = chromium.new_context()
    try:
        page = context.new_page()
        response = page.goto(url)
        page.wait_for_load_state("load")
        return response.status, page.evaluate(f"window.{TOKEN}")
    finally:
        context.close()


@pytest.mark.browser
def test_the_hook_publishes_nothing_else_even_with_the_check_bypassed(chromium, small_project: Project, tmp_path: Path):
    for rel, text in PLANTED.items():
        small_project.write(rel, text)
    assert small_project.check().returncode == 1  # the check does see them
    # The detector works: the planted page, served, runs its script on the site's address.
    shown = tmp_path / "shown"
    shown.mkdir()
    (shown / "evil.html").write_text(PAGE, encoding="utf-8")
    with serve(shown) as url:
        assert _token_after_load(chromium, url + "evil.html") == (200, 1)
    result = small_project.run(sys.executable, "-c", BYPASSED_BUILD)
    assert result.returncode == 0, result.stderr[-3000:]
    site = small_project.root / "site"
    assert (site / "index.html").is_file() and (site / "_headers").is_file()  # the build's own outputs
    assert not (site / "_redirects").exists() and not (site / "CNAME").exists()
    leaked = [p for p in site.rglob("*") if p.is_file() and p.suffix in ("", ".html", ".svg", ".js", ".txt") and TOKEN in p.read_text(encoding="utf-8", errors="ignore")]
    assert leaked == []
    assert "example.com" not in (site / "_headers").read_text(encoding="utf-8")
    with serve(site) as url:
        for path in ("evil.html", "x/evil.html", "en/evil.html", ".well-known/evil.html", "evil.svg"):
            status, token = _token_after_load(chromium, url + path)
            assert status == 404 and token is None, path


# --- the emblem ----------------------------------------------------------------------------

def _logo(project: Project, name: str) -> None:
    path = project.root / "data/site.yml"
    text = path.read_text(encoding="utf-8") if path.is_file() else "ward: {vi: Phường X, en: X Ward}\ncolumn: {launch: 2026-09}\n"
    path.write_text(text + f"logo: {name}\n", encoding="utf-8")


def _png(path: Path) -> Image.Image:
    data = path.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    image = Image.open(io.BytesIO(data))
    image.load()
    return image.convert("RGBA")


def test_an_svg_emblem_with_a_script_is_published_only_as_a_png(small_project: Project):
    small_project.write("data/logo-phuong.svg", SVG)
    _logo(small_project, "logo-phuong.svg")
    assert small_project.check().returncode == 0
    result = small_project.build()
    assert result.returncode == 0, result.stderr[-3000:]
    site = small_project.root / "site"
    image = _png(site / "assets/heritage/logo.png")
    assert image.size == (emblem.SIDE, emblem.SIDE) and image.getpixel((80, 80)) == (204, 0, 0, 255)
    assert not list(site.rglob("logo*.svg"))
    assert [p for p in site.rglob("*.svg") if TOKEN in p.read_text(encoding="utf-8", errors="ignore")] == []
    assert 'src="assets/heritage/logo.png"' in small_project.html("")


def test_a_png_emblem_still_works_and_a_gitkeep_is_harmless(small_project: Project):
    small_project.image("data/logo-phuong.png", size=(300, 200), color=(0, 90, 0))
    _logo(small_project, "logo-phuong.png")
    small_project.write("docs/vi/di-tich/.gitkeep", "")
    assert small_project.check().returncode == 0
    result = small_project.build()
    assert result.returncode == 0, result.stderr[-3000:]
    site = small_project.root / "site"
    image = _png(site / "assets/heritage/logo.png")
    assert image.getpixel((80, 80)) == (0, 90, 0, 255) and image.getpixel((80, 2)) == (0, 0, 0, 0)  # centred, not stretched
    assert not list(site.rglob(".gitkeep"))


@pytest.mark.parametrize(
    "name, data, words",
    [
        ("logo.png", b"<html><script>x</script></html>", "not a PNG image"),
        ("logo.jpg", None, "not a JPEG image"),  # a PNG named .jpg
        ("logo.png", "tiny", "1×1 pixels"),
        ("logo.svg", "<svg xmlns='http://www.w3.org/2000/svg'><image href='/etc/logo.png' width='9' height='9'/></svg>", "points at other files"),
        ("logo.svg", "<svg xmlns='http://www.w3.org/2000/svg'><style>@import 'x.css';</style></svg>", "points at other files"),
        ("logo.svg", "<svg xmlns='http://www.w3.org/2000/svg' width='1' height='100000'><rect width='1' height='100000'/></svg>", "far too wide or too tall"),
        ("logo.svg", "not an svg", "cannot be read"),
        ("logo.svg", "<svg xmlns='http://www.w3.org/2000/svg'><defs><g id='a0'><rect width='1' height='1'/></g>"
         + "".join(f"<g id='a{i}'>" + f"<use href='#a{i - 1}'/>" * 10 + "</g>" for i in range(1, 12)) + "</defs><use href='#a11'/></svg>", "cannot be read"),
    ],
)
def test_an_emblem_that_cannot_be_drawn_safely_is_refused(tmp_path: Path, name: str, data, words: str):
    path = tmp_path / "data" / name
    path.parent.mkdir()
    if data is None:
        Image.new("RGB", (64, 64)).save(path, format="PNG")
    elif data == "tiny":
        Image.new("RGB", (1, 1)).save(path)
    else:
        path.write_bytes(data if isinstance(data, bytes) else data.encode())
    (problem,) = emblem.problems(tmp_path, name)
    assert problem.file == "data/site.yml" and problem.field == "logo"
    assert words in problem.en and f"data/{name}" in problem.vi and problem.vi != problem.en
    with pytest.raises(emblem.EmblemError):
        emblem.publish(tmp_path, name, tmp_path / "out.png")
    assert not (tmp_path / "out.png").exists()


def test_an_emblem_refused_by_check_and_build(small_project: Project):
    small_project.write("data/logo.svg", "<svg xmlns='http://www.w3.org/2000/svg'><image href='file:///etc/x.png' width='9' height='9'/></svg>")
    _logo(small_project, "logo.svg")
    case = Case("emblem", lambda p, o: None, "data/site.yml", "logo", None, ("dẫn tới tệp khác", "points at other files"))
    before = small_project.snapshot()
    assert_refused(small_project.check(), case)
    assert_refused(small_project.build(), case)
    assert small_project.snapshot() == before and site_files(small_project) == []


# --- /admin/ in a frame --------------------------------------------------------------------

@pytest.mark.browser
def test_the_editor_does_not_start_inside_another_sites_frame(chromium, project: Project, tmp_path: Path):
    root = project.root
    (root / "node_modules").symlink_to(REPO / "node_modules")
    site = tmp_path / "site"
    settings, _ = load_settings(root)
    vocabulary, _ = load_vocabulary(root)
    assert admin_page.write_admin(root, site, settings, vocabulary) is not None
    other = tmp_path / "other"
    other.mkdir()
    with serve(site) as url:
        (other / "index.html").write_text(f'<!doctype html><title>x</title><iframe id="f" src="{url}admin/" width="900" height="600"></iframe>', encoding="utf-8")
        with serve(other) as other_url:
            assert url != other_url  # another port: another origin
            context = chromium.new_context(viewport={"width": 1200, "height": 800})
            context.set_default_timeout(30_000)
            requested: list[str] = []
            context.on("request", lambda r: requested.append(r.url))
            page = context.new_page()
            # Opened directly, the editor starts: it reads its configuration and Decap draws its page.
            page.goto(url + "admin/")
            page.wait_for_selector("#nc-root")
            assert any(u.endswith("/admin/config.yml") for u in requested)
            assert page.locator("#hx-framed").count() == 0
            requested.clear()
            page.goto(other_url)
            frame = page.frame_locator("#f")
            note = frame.locator("#hx-framed")
            note.wait_for()
            assert "khung của trang khác" in note.inner_text() and "another page's frame" in note.inner_text()
            page.wait_for_load_state("networkidle")
            assert frame.locator("#nc-root").count() == 0
            assert not any("config" in u and u.endswith(".yml") for u in requested), requested
            context.close()


def test_admin_headers_refuse_every_frame(tmp_path: Path):
    site = tmp_path / "site"
    (site / admin_page.ADMIN).mkdir(parents=True)
    (site / "_headers").write_text("/*\n  X-Content-Type-Options: nosniff\n", encoding="utf-8")
    admin_page.append_headers(site)
    block = (site / "_headers").read_text(encoding="utf-8").split(f"/{admin_page.ADMIN}/*\n", 1)[1]
    assert "  X-Frame-Options: DENY\n" in block
    assert "frame-ancestors 'none'" in next(line for line in block.splitlines() if "Content-Security-Policy:" in line)


@pytest.mark.parametrize("link", ["file", "folder"])
def test_a_data_file_read_through_a_link_is_refused_and_nothing_of_it_is_printed(small_project: Project, tmp_path: Path, link: str):
    """A data file (or its section's folder) that is a symbolic link to somewhere outside the
    repository: refused by check and build, and not one key of the outside file is read or shown."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "bi-mat.yml").write_text("khoa_bi_mat_abc: 1\nname: {vi: a, en: b}\n", encoding="utf-8")
    if link == "file":
        (small_project.root / "data/di-tich/bi-mat.yml").symlink_to(outside / "bi-mat.yml")
        named = "data/di-tich/bi-mat.yml"
    else:
        (small_project.root / "data/lang-nghe").rename(tmp_path / "kept")
        (small_project.root / "data/lang-nghe").symlink_to(outside, target_is_directory=True)
        named = "data/lang-nghe"
    for result in (small_project.check(), small_project.build()):
        output = result.stdout + result.stderr
        assert result.returncode == 1 and "Traceback" not in output, output
        assert named in output and "symbolic link" in output and "khoa_bi_mat_abc" not in output
