"""A pull request's review (issue 28): which pages a change reaches, whether the engine's tests
must run, and before/after screenshots that say what moved."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from heritage.review.affected import PAGE_TYPES, affected

REPO = Path(__file__).resolve().parent.parent


def both(*paths: str) -> set[str]:
    return {p for path in paths for p in (path, "en/" + path)}


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """Two relics, a festival, a product and a trail through one relic (files only, no build)."""
    for rel in ("data/di-tich/dinh-a.yml", "data/di-tich/chua-b.yml", "data/le-hoi/hoi-c.yml", "data/san-pham/banh-d.yml"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("name: {vi: x, en: x}\n", encoding="utf-8")
    (tmp_path / "data/trails").mkdir()
    (tmp_path / "data/trails/vong.yml").write_text("stops:\n  - entry: chua-b\n  - entry: hoi-c\n", encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    "changed, pages",
    [
        # a relic with no trail: its page, its catalogue, home, the map
        (["data/di-tich/dinh-a.yml"], both("di-tich/dinh-a/", "di-tich/", "", "ban-do/")),
        # a relic on a trail: the trail's page too
        (["data/di-tich/chua-b.yml"], both("di-tich/chua-b/", "di-tich/", "", "ban-do/", "hanh-trinh/vong/")),
        # a festival: the calendar, and the trail through it
        (["data/le-hoi/hoi-c.yml"], both("le-hoi/hoi-c/", "le-hoi/", "", "ban-do/", "lich-le-hoi/", "hanh-trinh/vong/")),
        # a product has no place on the map
        (["data/san-pham/banh-d.yml"], both("san-pham/banh-d/", "san-pham/", "")),
        # a photo belongs to its entry
        (["data/media/banh-d/anh.jpg"], both("san-pham/banh-d/", "san-pham/", "")),
        # the English story alone: both languages (the Vietnamese page is unchanged, the English one
        # may stop saying its translation is behind) and the catalogue that shows its summary
        (["docs/en/di-tich/dinh-a.md"], both("di-tich/dinh-a/", "di-tich/")),
        # a column post: the column and the home page that lists the newest posts
        (["docs/vi/chuyen-muc/bai-moi.md"], both("chuyen-muc/bai-moi/", "chuyen-muc/", "")),
        # a page of its own folder
        (["docs/vi/gioi-thieu/index.md"], both("gioi-thieu/")),
        # the trail itself
        (["data/trails/vong.yml"], both("hanh-trinh/vong/", "hanh-trinh/")),
        # the list of printed codes shows on no page
        (["data/qr-issued.yml"], set()),
    ],
)
def test_a_content_change_reaches_its_pages_and_what_lists_them(tree, changed, pages):
    result = affected(tree, changed)
    assert result.engine == [] and result.pages == pages


@pytest.mark.parametrize("changed", [["data/site.yml"], ["data/vocabulary.yml"], ["data/media/no-such-entry/a.jpg"], ["data/odd.yml"]])
def test_a_site_wide_change_shows_every_page_type_in_both_languages(tree, changed):
    result = affected(tree, changed)
    assert result.site_wide and result.engine == []
    assert result.pages >= both("", "di-tich/", "le-hoi/", "chuyen-muc/", "lich-le-hoi/", "ban-do/", "hanh-trinh/", "gioi-thieu/")
    assert len(result.pages) == 2 * len(PAGE_TYPES)


def test_a_trail_file_that_does_not_parse_widens_the_review_instead_of_stopping_it(tree):
    (tree / "data/trails/hong.yml").write_text("stops: [unclosed\n", encoding="utf-8")
    result = affected(tree, ["data/di-tich/dinh-a.yml"])
    assert result.site_wide and both("di-tich/dinh-a/") <= result.pages


@pytest.mark.parametrize(
    "name",
    ["heritage/text.py", "hooks/heritage_hooks.py", "overrides/main.html", "admin/hx-fields.js", "mkdocs.yml",
     "requirements.lock", ".github/workflows/deploy.yml", "README.md", "tests/test_text.py", "Makefile", "datax/a.yml", "docsy/en/x.md"],
)
def test_any_file_outside_data_and_docs_runs_the_engine_tests(tree, name):
    result = affected(tree, ["data/di-tich/dinh-a.yml", name])
    assert result.engine == [name]


def test_home_comes_first_and_the_default_language_before_the_other(tree):
    pages = affected(tree, ["data/di-tich/dinh-a.yml"]).sorted_pages()
    assert pages[0] == "" and pages.index("en/") == len(pages) // 2
    assert all(not p.startswith("en/") for p in pages[: len(pages) // 2])


# Names as git can print them: any text, slashes, dots, spaces, Vietnamese, control characters.
names = st.lists(st.one_of(st.text(max_size=40), st.sampled_from(["data/", "docs/", "docs/en/", "data/media/", "data/trails/"]).flatmap(lambda top: st.text(max_size=30).map(lambda t: top + t))), max_size=8)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(changed=names)
def test_no_changed_file_name_stops_the_review_and_none_outside_content_is_taken_for_content(tree, changed):
    result = affected(tree, changed)
    outside = [c.strip().replace("\\", "/") for c in changed if c.strip() and not c.strip().replace("\\", "/").startswith(("data/", "docs/"))]
    assert result.engine == outside
    assert all(p == "" or p.endswith("/") for p in result.pages)


def git(cwd: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True, env=env).stdout


def test_the_changes_command_reads_the_branch_and_tells_the_workflow_to_skip_the_engine_tests(tmp_path):
    """The script as the workflow runs it, in a real git repository with a content-only branch."""
    repo = tmp_path / "repo"
    shutil.copytree(REPO, repo, ignore=shutil.ignore_patterns(".git", ".venv", "node_modules", "site", ".cache", ".mutmut", "__pycache__", "*.egg-info"))
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "base")
    git(repo, "checkout", "-qb", "officer")
    story = repo / "docs/vi/di-tich/dinh-tan-an.md"
    story.write_text(story.read_text(encoding="utf-8") + "\nMột câu mới.\n", encoding="utf-8")
    git(repo, "commit", "-qam", "story")
    out_file, pages_file = tmp_path / "github-output", tmp_path / "pages.txt"
    run = subprocess.run([sys.executable, "scripts/review_pages.py", "changes", "--base", "main", "--pages", str(pages_file), "--github-output", str(out_file)],
                         cwd=repo, capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(repo)})
    assert run.returncode == 0, run.stderr
    assert "engine=false" in out_file.read_text() and "Content only" in run.stdout
    assert pages_file.read_text().splitlines() == ["/di-tich/", "/di-tich/dinh-tan-an/", "/en/di-tich/", "/en/di-tich/dinh-tan-an/"]
    (repo / "heritage/text.py").write_text((repo / "heritage/text.py").read_text() + "\n", encoding="utf-8")
    git(repo, "commit", "-qam", "code")
    run = subprocess.run([sys.executable, "scripts/review_pages.py", "changes", "--base", "main", "--github-output", str(out_file)],
                         cwd=repo, capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(repo)})
    assert run.returncode == 0 and out_file.read_text().splitlines()[-2] == "engine=true" and "`heritage/text.py`" in run.stdout


@pytest.mark.browser
def test_before_and_after_shots_say_which_pages_changed_appeared_or_stayed(sample_site, tmp_path):
    after = tmp_path / "after"
    shutil.copytree(sample_site.root / "site", after)
    page = after / "en/di-tich/dinh-tan-an/index.html"
    page.write_text(page.read_text(encoding="utf-8").replace("<h1", "<p>A new paragraph an officer wrote.</p><h1", 1), encoding="utf-8")
    shutil.copytree(after / "en/san-pham", after / "en/san-pham-moi")  # a page only the change has
    pages = tmp_path / "pages.txt"
    # as `changes` writes them: the home page is "/", which the shots keep
    pages.write_text("/\n/en/di-tich/dinh-tan-an/\n/en/du-lieu/\n/en/san-pham-moi/\n", encoding="utf-8")
    out = tmp_path / "review"
    run = subprocess.run([sys.executable, "scripts/review_pages.py", "shots", "--before", str(sample_site.root / "site"), "--after", str(after), "--pages", str(pages), "--out", str(out)],
                         cwd=REPO, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    rows = {line.split("|")[1].strip(): line for line in run.stdout.splitlines() if line.startswith("| `/")}
    assert rows["`/en/di-tich/dinh-tan-an/`"].count("đã đổi / changed") == 2
    assert rows["`/en/du-lieu/`"].count("không đổi / unchanged") == 2
    assert rows["`/en/san-pham-moi/`"].count("trang mới / new page") == 2
    assert rows["`/`"].count("không đổi / unchanged") == 2 and (out / "phone" / "home.png").is_file()
    sheet = Image.open(out / "phone" / "en_di-tich_dinh-tan-an.png")
    assert sheet.width == 2 * 360 + 24  # before and after side by side at the phone's width
    left, right = sheet.crop((0, 40, 360, sheet.height)), sheet.crop((384, 40, 744, sheet.height))
    assert left.tobytes() != right.tobytes()


@pytest.mark.parametrize("before, after", [("Đình Tân An", "Đinh Tân An"), ("Chùa", "Chúa"), ("1.200 m", "1.300 m")])
def test_one_changed_letter_is_a_change_though_anti_aliasing_is_not(before, after):
    """A fixed tone mark is what an officer's pull request often is: the shots must see it,
    and must not call a page changed for an icon's edge drawn a shade apart."""
    from heritage.media.artwork import font
    from PIL import ImageDraw
    from scripts.review_pages import verdict

    def drawn(text: str, shade: int = 0) -> Image.Image:
        im = Image.new("RGB", (200, 40), "white")
        ImageDraw.Draw(im).text((4, 8), text, fill=(shade, shade, shade), font=font(16, "Regular"))
        return im

    assert verdict(drawn(before), drawn(after)) == "đã đổi / changed"
    assert verdict(drawn(before), drawn(before, shade=18)) == "không đổi / unchanged"  # anti-aliasing's shades
