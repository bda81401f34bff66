"""A save in the web editor rewrites only what the form changed (admin/heritage-yaml.js).

Decap writes a whole file anew from the form's data: comments gone, flow maps expanded, quotes
changed. The editor merges the saved data into the file's current text instead. Checked in real
Chromium with Decap and its real local proxy (scripts/cms-guard.js) on the repository's sample
content, in a git repository so `git diff` shows every byte written; and, for every file of a
generated 100-entry site, at Node level with Decap's own YAML library making the text it saves."""

from __future__ import annotations

import copy
import difflib
import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from heritage.content.sources import _Loader
from heritage.editor import page as admin_page
from tests.conftest import REPO, Project, bi, cms_guard, serve
from tests.editor import open_afresh, signed_in
from tests.waiting import until

GIT = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org"]
MERGE = REPO / "tests" / "yaml_merge.mjs"


def _git(root: Path, *args: str) -> str:
    return subprocess.run([*GIT, *args], cwd=root, check=True, capture_output=True, text=True).stdout


def _changed_lines(root: Path) -> list[str]:
    """Every line the saves changed since the last commit, as `-old` / `+new`."""
    diff = _git(root, "diff", "--unified=0", "--no-color")
    return [line for line in diff.splitlines() if line[:1] in "+-" and not line.startswith(("+++", "---"))]


def _merge(files: list[dict[str, Any]]) -> list[dict[str, str]]:
    """admin/heritage-yaml.js run by Node on `files` (see tests/yaml_merge.mjs)."""
    if shutil.which("node") is None or not (REPO / admin_page.YAML_DIST).is_dir():
        pytest.fail("node and `npm ci` are needed (node_modules/yaml-2)")
    result = subprocess.run(["node", str(MERGE)], input=json.dumps(files), capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


# --- in the browser, on the repository's sample content ------------------------------------


@pytest.fixture(scope="module")
def sample_editor(chromium, tmp_path_factory):
    """The repository's sample content in a git repository, its admin page on loopback with the
    local proxy; yields (page, root, url)."""
    root = tmp_path_factory.mktemp("roundtrip")
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    for folder in ("data", "docs"):
        shutil.copytree(REPO / folder, root / folder)
    (root / "node_modules").symlink_to(REPO / "node_modules")
    (root / ".gitignore").write_text("node_modules\n", encoding="utf-8")
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=root, check=True)
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "sample")
    site = tmp_path_factory.mktemp("roundtrip-site")
    with serve(site) as url, cms_guard(root, url.rstrip("/"), "fs") as proxy, pytest.MonkeyPatch.context() as patch, \
            signed_in(chromium, root, site, url, proxy, patch, timeout=30_000) as admin:
        assert (site / "admin" / "yaml" / "index.js").is_file() and (site / "admin" / "heritage-yaml.js").is_file()
        yield admin.page, root, url
        assert admin.outside == [], f"requests to other hosts: {admin.outside}"
        assert admin.errors == []


def _save_and_wait(page, root: Path, done) -> None:
    page.get_by_role("button", name="Công bố", exact=True).click()
    page.get_by_role("menuitem", name="Công bố ngay").click()
    until(done, "the saved files written by the proxy")
    page.get_by_text("Đã công bố", exact=True).first.wait_for()  # Decap finished the save


def _edit_then_restore(page, url: str, root: Path, where: tuple[str, str, str], path: str, marker: str = " (sửa)") -> tuple[list[str], str]:
    """Append `marker` to the field `where` = (collection, slug, selector), save: the lines
    changed (the callers want the one edited line alone: every other byte written back as it
    was) and the file. Then the repository is put back as committed (Decap does not read that
    item again)."""
    field = open_afresh(page, url, *where)
    original = field.input_value()
    field.fill(original + marker)
    _save_and_wait(page, root, lambda: marker in (root / path).read_text(encoding="utf-8"))
    changed, text = _changed_lines(root), (root / path).read_text(encoding="utf-8")
    assert _git(root, "diff", "--name-only").split() == [path], _git(root, "diff", "--stat")
    _git(root, "checkout", "--", ".")
    assert _git(root, "status", "--porcelain") == "", _git(root, "status")
    return changed, text


def _entries(root: Path) -> list[tuple[str, str]]:
    """(collection, slug) of every entry and trail of the sample content."""
    out = []
    for path in sorted((root / "data").glob("*/*.yml")):
        out.append(("hanh-trinh" if path.parent.name == "trails" else path.parent.name, path.stem))
    return out


def test_every_sample_entry_and_trail_saves_byte_identical_and_an_edit_changes_one_line(sample_editor):
    page, root, url = sample_editor
    entries = _entries(root)
    assert len(entries) >= 15
    for collection, slug in entries:
        path = f"data/{'trails' if collection == 'hanh-trinh' else collection}/{slug}.yml"
        changed, _ = _edit_then_restore(page, url, root, (collection, slug, "[data-field=summary] [data-lang=vi]"), path)
        assert len(changed) == 2 and changed[0].startswith("-  vi:") and changed[1] == changed[0].replace("-", "+", 1)[:-1] + ' (sửa)"', (slug, changed)


def test_every_sample_post_saves_byte_identical_and_an_edit_changes_one_line(sample_editor):
    page, root, url = sample_editor
    posts = sorted(p.stem for p in (root / "docs" / "vi" / "chuyen-muc").glob("*.md") if p.name != "index.md")
    assert len(posts) >= 3
    for slug in posts:
        changed, _ = _edit_then_restore(page, url, root, ("chuyen-muc", slug, "[id^=summary-field]"), f"docs/vi/chuyen-muc/{slug}.md")
        assert len(changed) == 2 and changed[0].startswith("-summary:") and changed[1].startswith("+summary:"), (slug, changed)


def test_the_settings_keep_their_comments_and_an_edit_changes_one_line(sample_editor):
    page, root, url = sample_editor
    before = (root / "data" / "site.yml").read_text(encoding="utf-8")
    comments = [line for line in before.splitlines() if line.lstrip().startswith("#")]
    assert len(comments) > 40
    changed, after = _edit_then_restore(page, url, root, ("cai-dat", "site", "[data-field=tagline] [data-lang=vi]"), "data/site.yml")
    assert len(changed) == 2 and changed[0].startswith("-  vi:") and changed[1].endswith(' (sửa)"'), changed
    assert [line for line in after.splitlines() if line.lstrip().startswith("#")] == comments


def test_a_story_line_edit_changes_that_line_only(sample_editor):
    page, root, url = sample_editor
    story = open_afresh(page, url, "quan-ho", "moi-nuoc-moi-trau", "[data-slate-editor]")
    story.click()
    # typing before Slate holds the focus lost the first key under load
    page.wait_for_function("document.activeElement && document.activeElement.closest('[data-slate-editor]') !== null")
    page.keyboard.press("Control+End")  # the end of the story's last paragraph
    page.wait_for_function("(() => { const s = getSelection(); return s && s.isCollapsed && s.anchorNode && s.anchorOffset === (s.anchorNode.textContent || '').length; })()")
    # Slate takes the browser's selection on the next `selectionchange`: let it run before typing
    page.evaluate("new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
    # (the first key used to land where the click had put the cursor, one run in two)
    page.keyboard.type("(sửa)")
    path = root / "docs" / "vi" / "quan-ho" / "moi-nuoc-moi-trau.md"
    _save_and_wait(page, root, lambda: "(sửa)" in path.read_text(encoding="utf-8"))
    changed = _changed_lines(root)
    assert len(changed) == 2 and changed[1] == "+" + changed[0][1:] + "(sửa)", changed
    assert _git(root, "diff", "--name-only").split() == ["docs/vi/quan-ho/moi-nuoc-moi-trau.md"]
    _git(root, "checkout", "--", ".")


# --- every file at Node level -----------------------------------------------------------------


def _leaves(data: Any, path: tuple = ()) -> list[tuple]:
    if isinstance(data, dict):
        return [p for k, v in data.items() for p in _leaves(v, path + (k,))]
    if isinstance(data, list):
        return [p for i, v in enumerate(data) for p in _leaves(v, path + (i,))]
    return [path] if isinstance(data, str) else []


def _edited(data: Any, path: tuple, value: Any) -> Any:
    out = copy.deepcopy(data)
    target = out
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    return out


def _generated(project: Project, count: int) -> list[Path]:
    """`count` entries over every section, with photos, hours, long texts that PyYAML folds."""
    sections = ["di-tich", "le-hoi", "lang-nghe", "nghe-nhan", "quan-ho", "san-pham"]
    files = []
    for i in range(count):
        section = sections[i % len(sections)]
        extra: dict[str, Any] = {"summary": bi(f"Tóm tắt dài số {i}, " + "một câu kể về di sản của phường " * 4, f"A long summary {i}, " + "a sentence about the ward's heritage " * 4)}
        if section == "di-tich":
            extra["visit"] = {"hours": [{"days": "daily", "opens": "07:00", "closes": "11:00"}, {"days": ["sat", "sun"], "opens": "14:00", "closes": "17:30"}], "free": i % 2 == 0}
            extra["media"] = [{"image": "anh-1.jpg", "alt": bi(f"Ảnh {i}"), "credit": "Ảnh thử", "license": "CC0-1.0"}]
        files.append(project.entry(section, f"muc-{i:03d}", **extra))
    return files


def test_every_file_of_a_100_entry_site_and_of_the_sample_merges_exactly(project):
    """Decap's text of each file (yaml@1, written anew) merged into the file gives the file back,
    byte for byte; changing any one text value changes exactly one line, read back by the
    site's own YAML loader as the new data."""
    files = _generated(project, 100) + sorted(REPO.glob("data/**/*.yml"))
    pages = [p for p in sorted(REPO.glob("docs/*/**/*.md")) if p.read_text(encoding="utf-8").startswith("---\n")]
    cases: list[dict[str, Any]] = [{"path": p.as_posix(), "old": p.read_text(encoding="utf-8")} for p in files + pages]
    results = _merge(cases)
    assert [c["path"] for c, r in zip(cases, results) if r["merged"] != c["old"]] == []
    assert sum(r["raw"] != c["old"] for c, r in zip(cases, results)) > 100  # Decap's own text differs: the merge is what keeps them
    edits: list[dict[str, Any]] = []
    expected: list[Any] = []
    for path in files:
        old = path.read_text(encoding="utf-8")
        data = yaml.load(old, Loader=_Loader)
        for leaf in _leaves(data):
            value = _edited(data, leaf, "08:30" if leaf[-1] == "opens" else f"{_get(data, leaf)} (sửa)")
            edits.append({"path": path.as_posix(), "old": old, "data": value})
            expected.append(value)
    results = _merge(edits)
    assert len(edits) > 1000
    wrong, folded = [], 0
    for case, result, value in zip(edits, results, expected):
        old_lines, new_lines = case["old"].splitlines(), result["merged"].splitlines()
        hunks = [op for op in difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False).get_opcodes() if op[0] != "equal"]
        one_line = len(hunks) == 1 and hunks[0][0] == "replace" and hunks[0][2] - hunks[0][1] == 1 and hunks[0][4] - hunks[0][3] == 1
        # PyYAML folds long values over 2-3 lines (the generated files): editing one writes it
        # on one line, and a folded value right beside it too; nothing else moves
        sample = not case["path"].startswith(str(project.root))
        beside = len(hunks) == 1 and hunks[0][4] - hunks[0][3] <= 2 and hunks[0][2] - hunks[0][1] <= 6
        folded += not one_line and beside
        if not (one_line or (beside and not sample)) or yaml.load(result["merged"], Loader=_Loader) != value:
            wrong.append((case["path"], hunks))
    assert wrong == []
    assert folded <= 3 * 100  # the summaries' lines of the generated entries, at most


def _get(data: Any, path: tuple) -> Any:
    for step in path:
        data = data[step]
    return data


def test_new_values_the_yaml_1_1_reader_would_misread_are_quoted_and_comments_stay():
    old = "# note\nvisit:\n  # hours\n  hours:\n    - {days: daily, opens: \"07:00\", closes: \"11:00\"}\n  free: true\n"
    data = {"visit": {"hours": [{"days": "daily", "opens": "07:00", "closes": "11:00"}, {"days": ["mon"], "opens": "08:00", "closes": "09:30"}], "free": True, "note": "yes"}, "x": "off"}
    [result] = _merge([{"path": "data/di-tich/x.yml", "old": old, "data": data}])
    merged = result["merged"]
    assert merged.startswith(old[: old.index("  free")])  # the comments and the old item untouched
    assert '    - {days: [mon], opens: "08:00", closes: "09:30"}\n' in merged  # written like its neighbour
    assert yaml.safe_load(merged) == data  # PyYAML (YAML 1.1) reads the new values as text
