"""Fixtures: small real project trees on tmp_path, and real builds of them."""

from __future__ import annotations

import contextlib
import functools
import hashlib
import http.server
import os
import selectors
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from typing import Any

import pytest
import yaml
from PIL import Image

from .ci_no_skips import pytest_make_collect_report, pytest_runtest_makereport  # noqa: F401  (hooks: no skip under CI=true)

REPO = Path(__file__).resolve().parent.parent
LANGS = ("vi", "en")
# Fixture posts are dated September and October 2026; the column launched in September.
TODAY = "2026-10-20"
# example.org is reserved for documentation: never a real ward's address.
SAMPLE_URL = "https://heritage.example.org/"


# The photos, recordings and font of the session's built projects are prepared once, in a folder
# of the run's (heritage/media/cache.py, SHARED), for every command a test runs as a process
# (Project.run). Not in this process's environment: tests that damage a cache on purpose do it
# in-process, on their project's own .cache/.
SHARED_CACHE = "HERITAGE_TEST_SHARED_CACHE"


def pytest_configure(config) -> None:
    """Every build of the session keeps its compiled templates in one folder of the run's
    (heritage/pages/theme.py, TEMPLATE_CACHE): the first build compiles them, the others load them.
    The same for prepared media (SHARED_CACHE). Workers of `make test` inherit both."""
    if "HERITAGE_TEMPLATE_CACHE" not in os.environ:
        config._heritage_template_cache = tempfile.mkdtemp(prefix="heritage-templates-")
        os.environ["HERITAGE_TEMPLATE_CACHE"] = config._heritage_template_cache
    if SHARED_CACHE not in os.environ:
        config._heritage_shared_cache = tempfile.mkdtemp(prefix="heritage-media-")
        os.environ[SHARED_CACHE] = config._heritage_shared_cache


# The files that take minutes (their tests open the editor on a hundred items, fuzz the whole
# content, or build fifty times): started first, so that under `make test`'s workers (-n auto,
# one file per worker) none of them is begun last while the other worker idles.
LONGEST_FIRST = ("test_cms_bigsite_browser", "test_cms_roundtrip", "test_fuzz_content", "test_layout_browser",
                 "test_parallel_race", "test_cms_forms_browser", "test_hostile", "test_accessibility", "test_cms_browser")


def pytest_collection_modifyitems(config, items) -> None:
    rank = {name: n for n, name in enumerate(LONGEST_FIRST)}
    items.sort(key=lambda item: rank.get(item.path.stem, len(rank)))  # stable: the others keep their order


def pytest_unconfigure(config) -> None:
    for name, variable in (("_heritage_template_cache", "HERITAGE_TEMPLATE_CACHE"), ("_heritage_shared_cache", SHARED_CACHE)):
        folder = getattr(config, name, None)
        if folder:
            os.environ.pop(variable, None)
            shutil.rmtree(folder, ignore_errors=True)


def pytest_addoption(parser) -> None:
    parser.addoption("--update-golden", action="store_true", default=False, help="write tests/golden/ from this build instead of comparing (also HERITAGE_UPDATE_GOLDEN=1)")


@pytest.fixture(scope="session")
def update_golden(request) -> bool:
    """Whether tests/test_golden.py writes its golden files instead of comparing with them."""
    return bool(request.config.getoption("--update-golden")) or os.environ.get("HERITAGE_UPDATE_GOLDEN") == "1"


def bi(vi: str, en: str | None = None) -> dict[str, str]:
    return {"vi": vi, "en": en if en is not None else vi + " (en)"}


# The smallest valid entry of each section.
BASE_FIELDS: dict[str, dict[str, Any]] = {
    "di-tich": {"type": "dinh", "ranking": "tinh", "location": {"address": bi("Phường Tân An"), "lat": 21.2, "lon": 106.1}},
    "le-hoi": {"type": "le-hoi-truyen-thong", "ranking": "chua-xep-hang", "when": {"calendar": "lunar", "month": 1, "day": 13, "days": 3}},
    "lang-nghe": {"type": "nghe-thu-cong", "ranking": "chua-xep-hang", "location": {"lat": 21.21, "lon": 106.11}},
    "nghe-nhan": {"type": "nghe-nhan-quan-ho", "consent": {"date": "2026-05-10", "ref": "Biên bản 01"}},
    "quan-ho": {"type": "hat-moi", "ranking": "unesco"},
    "san-pham": {"type": "ocop", "ocop_stars": 3},
}


def shared_cache() -> dict[str, str]:
    """The environment that points a build or check at the session's prepared media (SHARED_CACHE)."""
    from heritage.media.cache import SHARED

    folder = os.environ.get(SHARED_CACHE)
    return {SHARED: folder} if folder else {}


class Project:
    """A project tree with the repository's configuration and test-made content."""

    def __init__(self, root: Path):
        self.root = root

    def write(self, rel: str, text: str | bytes) -> Path:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return path

    def entry(self, section: str, entry_id: str, names: tuple[str, str] | None = None, pages: tuple[str, ...] = LANGS, **fields: Any) -> Path:
        vi, en = names or (f"Mục {entry_id}", f"Entry {entry_id}")
        data: dict[str, Any] = {"name": {"vi": vi, "en": en}, "summary": bi(f"Tóm tắt {vi}.", f"Summary of {en}.")}
        data.update(BASE_FIELDS[section])
        data.update(fields)
        data = {k: v for k, v in data.items() if v is not None}
        for lang in pages:
            self.write(f"docs/{lang}/{section}/{entry_id}.md", f"## {'Lịch sử' if lang == 'vi' else 'History'}\n\nCâu chuyện {entry_id} ({lang}).\n")
        return self.write(f"data/{section}/{entry_id}.yml", yaml.safe_dump(data, allow_unicode=True, sort_keys=False))

    def image(self, rel: str, size=(1200, 800), color=(160, 60, 40), **save: Any) -> Path:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        Image.new("RGB", size, color).save(path, **save)
        return path

    def post(self, lang: str, slug: str, date: str, title: str = "Bài viết", **fields: Any) -> Path:
        meta = {"title": title, "date": date, "summary": f"Tóm tắt {slug}"}
        meta.update(fields)
        front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
        return self.write(f"docs/{lang}/chuyen-muc/{slug}.md", f"---\n{front}---\n\nNội dung {slug}.\n")

    def stamp_all(self) -> "Project":
        """Mark every English page as translated from its Vietnamese twin's current text."""
        from heritage.content.translations import stamp

        for page in sorted((self.root / "docs" / "en").rglob("*.md")):
            if (self.root / "docs" / "vi" / page.relative_to(self.root / "docs" / "en")).is_file():
                stamp(self.root, page.relative_to(self.root).as_posix())
        return self

    def snapshot(self) -> dict[str, str]:
        """Hash of every file under data/ and docs/, to prove nothing changed."""
        out = {}
        for top in ("data", "docs"):
            for path in sorted((self.root / top).rglob("*")):
                if path.is_file():
                    out[path.relative_to(self.root).as_posix()] = hashlib.sha256(path.read_bytes()).hexdigest()
        return out

    def run(self, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
        # without GITHUB_ACTIONS: under CI the check would add annotation lines to what tests read
        inherited = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
        full_env = {**inherited, "NO_MKDOCS_2_WARNING": "1", "HERITAGE_TODAY": TODAY, **shared_cache(), **(env or {})}
        return subprocess.run(args, cwd=self.root, capture_output=True, text=True, env=full_env, timeout=600)

    def check(self, **env: str) -> subprocess.CompletedProcess:
        return self.run(sys.executable, "-m", "heritage", "check", env=env)

    def build(self, **env: str) -> subprocess.CompletedProcess:
        return self.run(sys.executable, "-m", "mkdocs", "build", "--strict", env=env)

    def html(self, url_path: str) -> str:
        return (self.root / "site" / url_path / "index.html").read_text(encoding="utf-8")


def _skeleton(root: Path) -> None:
    for name in ("mkdocs.yml",):
        shutil.copy(REPO / name, root / name)
    for folder in ("hooks", "overrides"):
        shutil.copytree(REPO / folder, root / folder)
    (root / "data").mkdir()
    shutil.copy(REPO / "data" / "vocabulary.yml", root / "data" / "vocabulary.yml")
    for lang in LANGS:
        pages = {"index.md": "Trang chủ" if lang == "vi" else "Home"}
        for folder in ("di-tich", "le-hoi", "lang-nghe", "nghe-nhan", "quan-ho", "san-pham", "chuyen-muc", "lich-le-hoi", "ban-do", "hanh-trinh", "du-lieu", "gioi-thieu", "ke-hoach-tham-quan"):
            pages[f"{folder}/index.md"] = folder
        for rel, title in pages.items():
            path = root / "docs" / lang / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(f"---\ntitle: {title}\n---\n\nGiới thiệu.\n", encoding="utf-8")


@pytest.fixture
def project(tmp_path: Path) -> Project:
    """An empty but buildable project: configuration, vocabulary, section pages."""
    _skeleton(tmp_path)
    return Project(tmp_path)


@pytest.fixture
def small_project(project: Project) -> Project:
    """One entry per section, a photo, related entries and two posts."""
    return fill_small_project(project)


def fill_small_project(project: Project) -> Project:
    project.image("data/media/dinh-tan-an/cong.jpg")
    project.image("data/media/dinh-tan-an/san.jpg", color=(40, 90, 120))
    project.entry(
        "di-tich",
        "dinh-tan-an",
        ("Đình Tân An", "Tân An Communal House"),
        media=[
            {"image": "cong.jpg", "alt": bi("Cổng đình", "The gate"), "credit": "Ảnh thử", "license": "CC0-1.0"},
            {"image": "san.jpg", "alt": bi("Sân đình", "The courtyard"), "credit": "Ảnh thử", "license": "CC0-1.0"},
        ],
        related=["hoi-lim"],
        sample=True,
    )
    project.entry("di-tich", "chua-an", ("Chùa Ân", "Ân Pagoda"), type="chua", ranking="quoc-gia")
    project.entry("di-tich", "am-ba", ("Am Bà", "Lady's Shrine"), type="mieu", ranking="chua-xep-hang")
    project.entry("di-tich", "den-ba", ("Đền Bà", "Lady's Temple"), type="den")
    project.entry("le-hoi", "hoi-lim", ("Hội Lim", "Lim Festival"))
    project.entry("lang-nghe", "nghe-dan", ("Nghề đan tre", "Bamboo weaving"))
    project.entry("nghe-nhan", "nghe-nhan-a", ("Nghệ nhân A", "Artisan A"), title=bi("Nghệ nhân ưu tú", "Meritorious Artisan"))
    project.entry("quan-ho", "moi-trau", ("Mời trầu", "Betel invitation"))
    project.entry("san-pham", "banh-a", ("Bánh A", "Cake A"))
    for lang in LANGS:
        project.post(lang, "ra-mat", "2026-09-15", "Ra mắt" if lang == "vi" else "Launch", entries=["dinh-tan-an"], cover="dinh-tan-an/cong.jpg")
        project.post(lang, "mua-le-hoi", "2026-10-15", "Mùa lễ hội" if lang == "vi" else "Festival season")
    return project.stamp_all()


SUBPATH_URL = "https://ward.example.github.io/heritage-site/"  # a GitHub Pages project site


def _build_sample(tmp_path_factory, name: str, site_url: str) -> Project:
    root = tmp_path_factory.mktemp(name)
    for file in ("mkdocs.yml",):
        shutil.copy(REPO / file, root / file)
    for folder in ("hooks", "overrides", "data", "docs"):
        shutil.copytree(REPO / folder, root / folder)
    project = Project(root)
    result = project.build(HERITAGE_TODAY="2026-11-27", SITE_URL=site_url)
    assert result.returncode == 0, result.stderr
    return project


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory) -> Project:
    """The repository's own sample content, built once for the session, at a domain's root."""
    return _build_sample(tmp_path_factory, "sample", SAMPLE_URL)


@pytest.fixture(scope="session")
def sample_site_subpath(tmp_path_factory) -> Project:
    """The same content built for a project subpath (GitHub Pages without a domain of its own)."""
    return _build_sample(tmp_path_factory, "sample-subpath", SUBPATH_URL)


@pytest.fixture(scope="session", params=["root", "subpath"])
def both_builds(request) -> Project:
    """Each output validated on both builds: outside validators must pass at a root and a subpath."""
    return request.getfixturevalue("sample_site" if request.param == "root" else "sample_site_subpath")


# --- a ward made by `python -m heritage init`: content the engine owns -------------------

# A fictional ward (no real place), its colours and centre: the same in every run.
OPTIONS = {
    "--name-vi": "Phú Lạc", "--name-en": "Phu Lac", "--province-vi": "Sơn Hà", "--province-en": "Son Ha",
    "--lat": "16.4637", "--lon": "107.5909", "--primary": "#1F5F8B", "--accent": "#6b4f00", "--phone": "0234 3 123 456",
}
WARD_URL = "https://phulac.example.org/"


def run(*args: str, cwd: Path, stdin: str | None = None, python: str = sys.executable, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """Python with this checkout's engine on the path, today fixed, and no CI annotations."""
    inherited = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "PYTHONPATH")}
    full = {**inherited, "NO_MKDOCS_2_WARNING": "1", "PYTHONUTF8": "1", "HERITAGE_TODAY": TODAY, "PYTHONPATH": str(REPO), **(env or {})}
    return subprocess.run([python, *args], cwd=cwd, input=stdin if stdin is not None else "", capture_output=True, text=True, env=full, timeout=600)


def init_args(target: str, **changes: str | None) -> list[str]:
    options = {**OPTIONS, **changes}
    return ["-m", "heritage", "init", target, *(x for k, v in options.items() if v is not None for x in (k, v))]


@pytest.fixture(scope="session")
def init_ward(tmp_path_factory) -> Path:
    """A new ward's site from `init` (OPTIONS, TODAY), checked and built at WARD_URL, once per
    session: the engine's own sample content, which no content edit of this repository changes
    (tests/test_init.py and the golden output of tests/test_golden.py read it)."""
    parent = tmp_path_factory.mktemp("init")
    made = run(*init_args("phu-lac"), cwd=parent)
    assert made.returncode == 0, made.stdout + made.stderr
    root = parent / "phu-lac"
    check = run("-m", "heritage", "check", cwd=root)
    assert check.returncode == 0, check.stdout + check.stderr
    build = run("-m", "mkdocs", "build", "--strict", cwd=root, env={"SITE_URL": WARD_URL})
    assert build.returncode == 0, build.stdout + build.stderr
    return root


# The one entry of `verified_site` left illustrative, beside the others made real.
STILL_SAMPLE = "dinh-tan-an"


@pytest.fixture(scope="session")
def verified_site(tmp_path_factory) -> Project:
    """The repository's content with `sample: true` taken off every entry and trail but one
    (STILL_SAMPLE), built at a domain's root: structured data states facts only for entries
    that are not illustrative, so the validators of Event, Place, Person and TouristTrip
    blocks read this build, and the one sample beside them shows what a sample gets."""
    root = tmp_path_factory.mktemp("verified")
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    for folder in ("hooks", "overrides", "data", "docs"):
        shutil.copytree(REPO / folder, root / folder)
    for path in sorted((root / "data").glob("*/*.yml")):
        text = path.read_text(encoding="utf-8")
        if path.stem != STILL_SAMPLE and "\nsample: true\n" in text:
            path.write_text(text.replace("\nsample: true\n", "\n"), encoding="utf-8")
    project = Project(root)
    result = project.build(HERITAGE_TODAY="2026-11-27", SITE_URL=SAMPLE_URL)
    assert result.returncode == 0, result.stderr
    return project


# --- real browser ----------------------------------------------------------------------

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True, "device_scale_factor": 2}


@pytest.fixture(scope="session")
def chromium():
    """Debian's Chromium driven by Playwright. A missing browser fails, never skips: `make test` installs it."""
    if not CHROMIUM.exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: run `make test` (it installs it), or `apt-get install chromium`, or set CHROMIUM=/path/to/chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        )
        yield browser
        browser.close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves a built site to the browser tests. `no-store`: Chromium must not answer from its own
    HTTP cache (heuristic freshness from Last-Modified), so what works offline is the service
    worker's doing, whenever the site was built."""

    def log_message(self, *args):
        pass

    def end_headers(self):
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def handle(self):
        try:
            super().handle()
        except (BrokenPipeError, ConnectionResetError):
            pass  # the browser closed the page before the file ended


@contextlib.contextmanager
def serve(folder: Path):
    """A built site on a loopback HTTP server; yields its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


# --- the web editor's local proxy ---------------------------------------------------------

CMS_GUARD = REPO / "scripts" / "cms-guard.js"


@contextlib.contextmanager
def cms_guard(repo: Path, origin: str, mode: str = "fs", **extra: str):
    """`make edit`'s proxy (decap-server behind scripts/cms-guard.js) on a free loopback port,
    writing into `repo`, for pages of `origin` only; yields its API address."""
    if not (REPO / "node_modules" / "decap-server").is_dir() or shutil.which("node") is None:
        # A real part the editor's tests need: missing, they fail (in CI and out), never skip.
        pytest.fail("decap-server or node is not installed: run `npm ci` (make test does)", pytrace=False)
    # A draft's preview builds (scripts/cms-draft-preview.js) go to a folder of this run's, removed after.
    cache = tempfile.mkdtemp(prefix="draft-cache-")
    env = {**os.environ, "PORT": "0", "ORIGIN": origin, "MODE": mode, "GIT_REPO_DIRECTORY": str(repo), "LOG_LEVEL": "error", "HERITAGE_DRAFT_CACHE": cache, **extra}
    process = subprocess.Popen(["node", str(CMS_GUARD)], env=env, cwd=repo, stdout=subprocess.PIPE, text=True)
    try:
        ready = selectors.DefaultSelector()
        ready.register(process.stdout, selectors.EVENT_READ)
        assert ready.select(timeout=30), "the editor's proxy did not start"
        address = process.stdout.readline().strip()
        assert address.startswith("http://127.0.0.1:"), f"the editor's proxy did not start: {address!r}"
        yield address
    finally:
        process.terminate()
        process.wait(timeout=10)
        shutil.rmtree(cache, ignore_errors=True)


@pytest.fixture(scope="session")
def served_sample(sample_site):
    with serve(sample_site.root / "site") as url:
        yield url


@pytest.fixture
def phone(chromium):
    context = chromium.new_context(**PHONE, locale="vi-VN")
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    context.close()
