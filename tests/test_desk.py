"""/admin/desk.json (heritage/editor/desk.py): the English pages behind their Vietnamese twin,
with the Vietnamese change since the translated revision (from git, else the text), the revision
`translations --stamp` would write, and the column's months."""

from __future__ import annotations

import datetime as dt
import json
import subprocess

from heritage.content import translations
from heritage.content.loader import cached_inventory
from heritage.content.settings import load_settings
from heritage.content.vocabulary import load_vocabulary
from heritage.editor import page as admin_page
from heritage.editor.desk import desk
from tests.conftest import REPO, Project

STORY_VI = "docs/vi/di-tich/dinh-tan-an.md"
STORY_EN = "docs/en/di-tich/dinh-tan-an.md"


def _commit(root) -> None:
    git = ["git", "-C", str(root), "-c", "user.name=Test", "-c", "user.email=test@example.org"]
    subprocess.run([*git, "init", "-q", "-b", "main"], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "start"], check=True)


def _desk(project: Project, today: str = "2026-10-20") -> dict:
    settings, _ = load_settings(project.root)
    return desk(project.root, cached_inventory(project.root), settings, dt.date.fromisoformat(today))


def test_a_stale_english_page_is_listed_with_the_vietnamese_change_from_git(small_project: Project):
    root = small_project.root
    recorded = translations.revision(root / STORY_VI)
    _commit(root)
    assert _desk(small_project)["translations"] == []
    (root / STORY_VI).write_text("## Lịch sử\n\nCâu chuyện mới của đình.\n", encoding="utf-8")
    [item] = _desk(small_project)["translations"]
    assert item["en"] == STORY_EN and item["vi"] == STORY_VI and item["status"] == "stale"
    assert item["recorded"] == recorded
    assert item["revision"] == translations.revision(root / STORY_VI) != recorded
    assert item["change"] == "diff"
    assert "-Câu chuyện dinh-tan-an (vi)." in item["diff"].splitlines()
    assert "+Câu chuyện mới của đình." in item["diff"].splitlines()
    assert "Câu chuyện dinh-tan-an (en)." in item["english"] and "translated_from" not in item["english"]


def test_without_git_the_current_vietnamese_text_is_shown(small_project: Project):
    root = small_project.root
    (root / STORY_VI).write_text("## Lịch sử\n\nCâu chuyện mới của đình.\n", encoding="utf-8")
    [item] = _desk(small_project)["translations"]
    assert item["change"] == "text" and item["diff"] == "## Lịch sử\n\nCâu chuyện mới của đình.\n"
    # what "Translation done" writes is what `translations --stamp` writes
    assert item["revision"] == translations.stamp(root, STORY_EN)
    assert _desk(small_project)["translations"] == []


def test_the_column_months_from_launch_with_and_without_a_post(small_project: Project):
    column = _desk(small_project, "2026-10-20")["column"]
    assert column["launch"] == "2026-09" and column["days_left"] == 12
    assert [(m["month"], m["posts"], m["current"]) for m in column["months"]] == [
        ("2026-09", ["ra-mat"], False),
        ("2026-10", ["mua-le-hoi"], True),
    ]
    # a post in one language only does not count; a month without one is listed empty
    (small_project.root / "docs/en/chuyen-muc/mua-le-hoi.md").unlink()
    column = _desk(small_project, "2026-11-05")["column"]
    assert column["days_left"] == 26
    assert [(m["month"], m["posts"], m["one_language"], m["current"]) for m in column["months"]] == [
        ("2026-09", ["ra-mat"], [], False),
        ("2026-10", [], ["mua-le-hoi"], False),
        ("2026-11", [], [], True),
    ]
    assert _desk(small_project, "2026-08-01")["column"]["months"] == []


def test_desk_json_is_written_with_the_admin_page(small_project: Project, tmp_path, monkeypatch):
    (small_project.root / "node_modules").symlink_to(REPO / "node_modules")
    monkeypatch.setenv("HERITAGE_TODAY", "2026-10-20")
    settings, _ = load_settings(small_project.root)
    vocabulary, _ = load_vocabulary(small_project.root)
    folder = admin_page.write_admin(small_project.root, tmp_path, settings, vocabulary)
    data = json.loads((folder / "desk.json").read_text(encoding="utf-8"))
    assert data["today"] == "2026-10-20" and data["translations"] == [] and data["column"]["days_left"] == 12
    assert '<script src="hx-check.js"></script>' in (folder / "index.html").read_text(encoding="utf-8")


def test_the_desk_kept_between_refreshes_sees_every_page_changed_since(small_project: Project):
    """The desk keeps each pair's state while its two pages are unchanged (make edit rewrites
    desk.json on every refresh): a page changed after that is seen, in either language."""
    root = small_project.root
    assert _desk(small_project)["translations"] == []
    (root / STORY_VI).write_text("## Lịch sử\n\nĐổi lần một.\n", encoding="utf-8")
    assert [item["vi"] for item in _desk(small_project)["translations"]] == [STORY_VI]
    (root / STORY_VI).write_text("## Lịch sử\n\nĐổi lần hai, dài hơn.\n", encoding="utf-8")
    [item] = _desk(small_project)["translations"]
    assert "Đổi lần hai" in item["diff"] and item["revision"] == translations.revision(root / STORY_VI)
    translations.stamp(root, STORY_EN)
    assert _desk(small_project)["translations"] == []
