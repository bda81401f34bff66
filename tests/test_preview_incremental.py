"""The live preview builds again only what a save reaches (`mkdocs serve --dirty`, as `make serve`
and `make edit` run it), and nothing it shows is stale: a renamed entry's new name is on its page,
its section's catalogue, the map and the search index in both languages, a page that does not
show it is left as it was, and a deleted entry's page goes away."""

from __future__ import annotations

import contextlib
import os
import re
import subprocess
import sys
import urllib.request
from pathlib import Path
from typing import Callable

import yaml

from benchmarks.generate import generate
from heritage import urls
from heritage.pages import incremental
from tests.test_preview_errors import _fetch
from tests.test_preview_policy import TODAY, _free_port
from tests.waiting import until

ENTRY = "muc-00006"  # a relic (di-tich), on the map
UNRELATED = "nghe-nhan/muc-00003/"  # an artisan: no place, no link to the relic
FESTIVAL = "muc-00001"  # a festival (le-hoi), in the calendars


def _until(condition: Callable[[], object], what: str, timeout: float = 240) -> object:
    return until(condition, what, seconds=timeout, every=0.3, ignore=(OSError,))


@contextlib.contextmanager
def dirty_preview(root: Path):
    """`mkdocs serve --dirty` on the project; yields (base URL, its output folder). Its log: preview.log."""
    port, tmp = _free_port(), root / "tmp"
    tmp.mkdir()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "HERITAGE_TODAY": TODAY, "TMPDIR": str(tmp)}
    log = (root / "preview.log").open("w", encoding="utf-8")  # a pipe nobody reads would fill and stop the server
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dirty", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=root, env=env, stdout=subprocess.DEVNULL, stderr=log, text=True,
    )
    url = f"http://127.0.0.1:{port}/"
    try:
        _until(lambda: process.poll() is None and _fetch(url)[0] == 200, "mkdocs serve answers")
        yield url, next(tmp.glob("mkdocs_*"))
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()


def _served(address: str) -> bool:
    """A binary file (a share card) is served."""
    try:
        with urllib.request.urlopen(address, timeout=30) as response:
            return response.status == 200 and len(response.read()) > 0
    except OSError:
        return False


def _rename(root: Path, entry_id: str, names: dict[str, str], section: str = "di-tich") -> None:
    path = root / "data" / section / f"{entry_id}.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["name"] = names
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_a_saved_entry_is_shown_everywhere_and_nothing_else_is_built(tmp_path):
    root = generate(tmp_path / "p", 18)
    with dirty_preview(root) as (url, site):
        unrelated = site / UNRELATED / "index.html"
        assert unrelated.is_file()
        before = unrelated.stat().st_mtime_ns
        calendars = {lang: site / urls.ics(lang) for lang in ("vi", "en")}
        calendars_before = {lang: path.stat().st_mtime_ns for lang, path in calendars.items()}
        map_data = next(site.glob(f"{urls.OPEN_DATA}/*.geojson")).relative_to(site).as_posix()
        names = {"vi": "Đình Mới Đổi Tên", "en": "Renamed Communal House"}
        _rename(root, ENTRY, names)
        for lang, prefix in (("vi", ""), ("en", "en/")):
            name = names[lang]
            for page in (f"di-tich/{ENTRY}/", "di-tich/", "ban-do/"):  # its page, its catalogue, the map
                _until(lambda: name in _fetch(url + prefix + page)[1], f"{name} on /{prefix}{page}")
            _until(lambda: name in _fetch(url + f"search/{lang}.json")[1], f"{name} in the {lang} search index")
            _until(lambda: name in _fetch(url + map_data)[1], f"{name} in the map's data /{map_data}")
            card = re.search(r'property="og:image" content="[^"]*?(media/og/[^"]+)"', _fetch(url + prefix + f"di-tich/{ENTRY}/")[1])
            assert card and _served(url + card.group(1)), "the share card of the new name is served"
        assert unrelated.stat().st_mtime_ns == before, "a page that does not show the entry was built again"
        assert names["vi"] not in unrelated.read_text(encoding="utf-8")
        # a relic is in no calendar: the calendars were not written again
        assert {lang: path.stat().st_mtime_ns for lang, path in calendars.items()} == calendars_before

        # a festival's new name reaches the calendars (the whole one and its own), in both languages
        festival = {"vi": "Hội Làng Mới Đổi", "en": "Renamed Village Festival"}
        _rename(root, FESTIVAL, festival, "le-hoi")
        for lang in ("vi", "en"):
            for calendar in (urls.ics(lang), urls.festival_ics(lang, "le-hoi", FESTIVAL)):
                _until(lambda: festival[lang] in _fetch(url + calendar)[1], f"{festival[lang]} in /{calendar}")

        # a deleted entry (its data and both pages, as the editor deletes it) leaves no page behind
        gone = "muc-00012"
        (root / "data" / "di-tich" / f"{gone}.yml").unlink()
        for lang in ("vi", "en"):
            (root / "docs" / lang / "di-tich" / f"{gone}.md").unlink()
        for prefix in ("", "en/"):
            _until(lambda: _fetch(url + f"{prefix}di-tich/{gone}/")[0] == 404, f"/{prefix}di-tich/{gone}/ removed")
            _until(lambda: f"{gone}/" not in _fetch(url + f"{prefix}di-tich/")[1], f"/{prefix}di-tich/ no longer lists it")


def test_the_plan_follows_links_and_widens_on_site_wide_changes(tmp_path):
    """Unit: what Tracker.plan asks to build for one changed file."""
    root = generate(tmp_path / "p", 8)
    tracker = incremental.tracker(root, tmp_path / "site")
    assert tracker.plan(("day",)).full  # the first build builds everything
    tracker.links = {"lang-nghe/muc-00002/": frozenset({ENTRY}), "nghe-nhan/muc-00003/": frozenset()}
    _rename(root, ENTRY, {"vi": "Tên mới", "en": "New name"})
    plan = tracker.plan(("day",))
    assert not plan.full
    assert {f"di-tich/{ENTRY}/", f"en/di-tich/{ENTRY}/", "di-tich/", "en/di-tich/", "ban-do/", "lang-nghe/muc-00002/"} <= plan.pages
    assert "nghe-nhan/muc-00003/" not in plan.pages
    assert tracker.wants(f"en/di-tich/{ENTRY}.md") and not tracker.wants("vi/nghe-nhan/muc-00003.md")
    assert not tracker.plan(("day",)).pages  # nothing changed since: nothing to build
    assert tracker.plan(("next day",)).full  # the day (or the banner) changed: every page
    site = root / "data" / "site.yml"
    site.write_text(site.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert tracker.plan(("next day",)).full  # settings reach every page


def test_templates_kept_compiled_across_builds_follow_an_edited_template(tmp_path):
    """The preview's Jinja environments (a new one each build) share compiled templates: an
    edited template is compiled again, never served as it was."""
    import jinja2

    page = tmp_path / "page.html"
    from heritage.pages.theme import CompiledTemplates

    cache = CompiledTemplates()

    def render() -> str:
        env = jinja2.Environment(loader=jinja2.FileSystemLoader(tmp_path), bytecode_cache=cache)
        return env.get_template("page.html").render(name="Đình")

    page.write_text("<h1>{{ name }}</h1>", encoding="utf-8")
    assert render() == "<h1>Đình</h1>" and cache.code
    assert render() == "<h1>Đình</h1>"  # from the kept code
    page.write_text("<h2>{{ name }} mới</h2>", encoding="utf-8")
    assert render() == "<h2>Đình mới</h2>"


def test_the_installed_themes_are_listed_once_and_the_projects_folder_every_time(tmp_path):
    """theme.keep_listing (the live preview): Material's folder, an installed package, is listed
    once; a file added to the project's own theme folder (overrides/) is in the next listing."""
    import jinja2
    import material

    from heritage.pages import theme

    installed = str(Path(material.__file__).parent / "templates")
    own = tmp_path / "overrides"
    (own / "partials").mkdir(parents=True)
    (own / "partials" / "header.html").write_text("<header></header>", encoding="utf-8")
    plain = jinja2.FileSystemLoader([own, installed]).list_templates()
    theme.keep_listing()
    kept = jinja2.FileSystemLoader([own, installed]).list_templates()
    assert kept == plain and (installed, False) in theme._LISTED and not any(str(own) == k[0] for k in theme._LISTED)
    (own / "assets").mkdir()
    (own / "assets" / "new.css").write_text("body{}", encoding="utf-8")
    assert "assets/new.css" in jinja2.FileSystemLoader([own, installed]).list_templates()
    (own / "partials" / "header.html").unlink()
    assert "partials/header.html" in jinja2.FileSystemLoader([own, installed]).list_templates()  # Material's own
    assert "partials/header.html" not in jinja2.FileSystemLoader([own]).list_templates()


def test_the_kept_sitemap_is_written_again_when_its_pages_or_files_change(small_project, monkeypatch, tmp_path):
    """sitemap.write_sitemap(keep=True), as the preview writes it: the same pages and dates leave
    the files as they are; another address, a new page or a deleted file writes them again."""
    from heritage.outputs import sitemap
    from heritage.pages.site import load_site

    monkeypatch.setenv("SITE_URL", "https://heritage.example.org/")
    monkeypatch.setenv("HERITAGE_TODAY", TODAY)
    root = small_project.root
    site = load_site(root)
    written = sitemap.write_sitemap(site, tmp_path, site.absolute, keep=True)
    before = written.stat().st_mtime_ns
    assert sitemap.write_sitemap(site, tmp_path, site.absolute, keep=True).stat().st_mtime_ns == before
    other = sitemap.write_sitemap(site, tmp_path, lambda path: "https://other.example.org/" + path, keep=True)
    assert "https://other.example.org/di-tich/dinh-tan-an/" in other.read_text(encoding="utf-8")
    small_project.entry("di-tich", "dinh-moi", ("Đình Mới", "New Communal House"))
    site = load_site(root)
    text = sitemap.write_sitemap(site, tmp_path, site.absolute, keep=True).read_text(encoding="utf-8")
    assert "https://heritage.example.org/di-tich/dinh-moi/" in text
    (tmp_path / "sitemap.xml.gz").unlink()
    sitemap.write_sitemap(site, tmp_path, site.absolute, keep=True)
    assert (tmp_path / "sitemap.xml.gz").is_file()


def test_the_markdown_checks_kept_follow_the_set_of_pages(small_project):
    """checks.run.markdown_problems with the preview's cache: a page unchanged is checked again
    when a page it links to appears or goes away."""
    from heritage.checks.run import markdown_problems

    root, cache = small_project.root, {}
    page = root / "docs" / "vi" / "gioi-thieu" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[Đình mới](../di-tich/dinh-moi.md)\n", encoding="utf-8")
    broken = lambda: [p for p in markdown_problems(root, cache) if "di-tich/dinh-moi.md" in str(p)]  # noqa: E731
    assert broken()
    small_project.entry("di-tich", "dinh-moi", ("Đình Mới", "New Communal House"))
    assert not broken()
    for lang in ("vi", "en"):
        (root / "docs" / lang / "di-tich" / "dinh-moi.md").unlink()
    assert broken()


def test_a_manifest_kept_between_caches_is_read_again_once_rewritten(tmp_path):
    """MediaCache.manifest: a new cache (each preview refresh makes one) reuses a manifest read
    before while its file is as it was, and reads it again once rewritten or gone."""
    from heritage.media.cache import MediaCache

    MediaCache(tmp_path).seal("images", "k1", {"size": [10, 20]})
    assert MediaCache(tmp_path).manifest("images", "k1") == {"size": [10, 20]}
    path = tmp_path / "images" / "k1" / "manifest.json"
    path.write_text('{"size": [300, 200], "more": 1}', encoding="utf-8")
    assert MediaCache(tmp_path).manifest("images", "k1") == {"size": [300, 200], "more": 1}
    path.unlink()
    assert MediaCache(tmp_path).manifest("images", "k1") is None
