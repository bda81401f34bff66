"""`make edit`'s editorial workflow (MODE=git, scripts/cms-local-git.js), asked over HTTP through the
real guard on a real git checkout: a draft is one commit on cms/<collection>/<slug>, written without
touching the work tree, the index or the checked-out branch; publishing brings exactly the draft's
files into the checked-out branch and never commits the officer's other changes."""

from __future__ import annotations

import base64
import hashlib
import subprocess
from pathlib import Path

import pytest

from tests.conftest import Project, cms_guard
from tests.test_cms_guard import GIT, ORIGIN, Proxy, refused

DRAFT = "cms/di-tich/den-moi"
YML = "data/di-tich/den-moi.yml"
PAGE = "docs/vi/di-tich/den-moi.md"
PHOTO = "data/media/den-moi/anh.jpg"


def git(root: Path, *args: str) -> str:
    return subprocess.run([*GIT, *args], cwd=root, check=True, capture_output=True, text=True).stdout


def committed(root: Path) -> None:
    """The project made a git repository on `main`, everything in one first commit."""
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "start")


def work_tree(root: Path) -> dict[str, str]:
    """Hash of every file outside .git: what the officer sees and `mkdocs serve` watches."""
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(root.rglob("*")) if p.is_file() and ".git" not in p.relative_to(root).parts}


def state(root: Path) -> tuple:
    """The officer's side of the repository: files, index and status, checked-out branch and its tip."""
    return work_tree(root), git(root, "status", "--porcelain", "--untracked-files=all"), git(root, "ls-files", "-s"), git(root, "symbolic-ref", "HEAD"), git(root, "rev-parse", "HEAD")


@pytest.fixture
def officer(small_project: Project):
    """A committed project with the officer's own work in progress: an edited tracked file, a staged
    page and an untracked file, none of which the editor may ever commit."""
    root = small_project.root
    committed(root)
    (root / "mkdocs.yml").write_text((root / "mkdocs.yml").read_text(encoding="utf-8") + "# officer's edit\n", encoding="utf-8")
    small_project.write("docs/vi/gioi-thieu/nhap.md", "# officer's staged page\n")
    git(root, "add", "docs/vi/gioi-thieu/nhap.md")
    small_project.write("stray.txt", "not for the site\n")
    return small_project


def save(proxy: Proxy, raw: str = "id: den-moi\n", *, slug: str = "den-moi", files: tuple[str, ...] = (YML, PAGE), photo: bool = True) -> tuple[int, dict, dict]:
    return proxy.send({
        "action": "persistEntry",
        "params": {
            "branch": "main",
            "dataFiles": [{"slug": slug, "path": f, "raw": raw if f.endswith(".yml") else f"# {raw}"} for f in files],
            "assets": [{"path": PHOTO, "content": base64.b64encode(b"\xff\xd8jpeg").decode(), "encoding": "base64"}] if photo else [],
            "options": {"commitMessage": f"Create di-tich “{slug}”", "useWorkflow": True, "status": "draft", "collectionName": "di-tich"},
        },
    })


def ask(proxy: Proxy, action: str, **params) -> dict:
    status, _, body = proxy.send({"action": action, "params": {"branch": "main", **params}})
    assert status == 200, (action, status, body)
    return body


def test_a_draft_goes_from_save_to_publish_without_touching_the_officers_work(officer):
    root = officer.root
    before = state(root)
    main_before = before[4].strip()
    with cms_guard(root, ORIGIN, "git") as address:
        proxy = Proxy(address)
        assert ask(proxy, "info")["publish_modes"] == ["simple", "editorial_workflow"]
        status, _, body = save(proxy)
        assert status == 200 and body == {"message": "entry persisted"}
        assert state(root) == before  # nothing checked out, written, staged or committed on main
        assert git(root, "rev-parse", f"{DRAFT}^").strip() == main_before
        assert sorted(git(root, "diff", "--name-only", f"main...{DRAFT}").split()) == sorted([YML, PAGE, PHOTO])
        assert git(root, "config", f"branch.{DRAFT}.description").strip() == "decap-cms/draft"

        assert ask(proxy, "unpublishedEntries") == ["di-tich/den-moi"]
        entry = ask(proxy, "unpublishedEntry", id="di-tich/den-moi")
        assert entry["status"] == "draft" and (entry["collection"], entry["slug"]) == ("di-tich", "den-moi")
        assert {d["path"]: (d["newFile"], d["binary"]) for d in entry["diffs"]} == {YML: (True, False), PAGE: (True, False), PHOTO: (True, True)}
        assert ask(proxy, "unpublishedEntryDataFile", collection="di-tich", slug="den-moi", id="di-tich/den-moi", path=YML) == {"data": "id: den-moi\n"}
        media = ask(proxy, "unpublishedEntryMediaFile", collection="di-tich", slug="den-moi", id="di-tich/den-moi", path=PHOTO)
        assert base64.b64decode(media["content"]) == b"\xff\xd8jpeg" and media["name"] == "anh.jpg"

        # a second save replaces the draft's commit: still one commit on the branch
        assert save(proxy, "id: den-moi\nname: x\n")[0] == 200
        assert git(root, "rev-list", "--count", f"main..{DRAFT}").strip() == "1"
        assert ask(proxy, "unpublishedEntryDataFile", collection="di-tich", slug="den-moi", id="di-tich/den-moi", path=YML)["data"].endswith("name: x\n")
        for column in ("pending_review", "pending_publish"):
            ask(proxy, "updateUnpublishedEntryStatus", collection="di-tich", slug="den-moi", newStatus=column)
            assert ask(proxy, "unpublishedEntry", collection="di-tich", slug="den-moi")["status"] == column
        assert state(root) == before

        # an uncommitted file where the draft writes: refused, bilingual, nothing changed
        officer.write(YML, "officer's own\n")
        refused(proxy.send({"action": "publishUnpublishedEntry", "params": {"branch": "main", "collection": "di-tich", "slug": "den-moi"}}), 409)
        assert (root / YML).read_text(encoding="utf-8") == "officer's own\n" and git(root, "rev-parse", "main").strip() == main_before
        (root / YML).unlink()
        assert state(root) == before

        assert ask(proxy, "publishUnpublishedEntry", collection="di-tich", slug="den-moi") == {"message": f"branch {DRAFT} merged to main"}
        assert ask(proxy, "unpublishedEntries") == []
    files, status, _, head, _ = state(root)
    assert head == before[3]
    assert (root / YML).read_text(encoding="utf-8") == "id: den-moi\nname: x\n" and (root / PHOTO).read_bytes() == b"\xff\xd8jpeg"
    assert sorted(git(root, "diff", "--name-only", main_before, "main").split()) == sorted([YML, PAGE, PHOTO])
    assert {k: v for k, v in files.items() if k not in (YML, PAGE, PHOTO)} == before[0]
    assert status == before[1]  # the officer's edit, staged page and stray file: still theirs, uncommitted
    assert git(root, "branch", "--list", "cms/*") == ""
    assert subprocess.run(["git", "config", f"branch.{DRAFT}.description"], cwd=root).returncode == 1


def test_publishing_after_main_moved_merges_and_a_conflict_changes_nothing(officer):
    root = officer.root
    entry = "data/di-tich/dinh-tan-an.yml"
    with cms_guard(root, ORIGIN, "git") as address:
        proxy = Proxy(address)
        assert save(proxy)[0] == 200
        original = (root / entry).read_text(encoding="utf-8")
        status, _, _ = save(proxy, original + "# draft's line\n", slug="dinh-tan-an", files=(entry,), photo=False)
        assert status == 200
        # the officer commits elsewhere, then on the same file as the second draft
        officer.write("docs/vi/gioi-thieu/khac.md", "# other\n")
        git(root, "add", "docs/vi/gioi-thieu/khac.md")
        git(root, "commit", "-q", "-m", "officer")
        officer.write(entry, original + "# officer's line\n")
        git(root, "commit", "-q", "-m", "officer again", entry)
        before = state(root)
        refused(proxy.send({"action": "publishUnpublishedEntry", "params": {"branch": "main", "collection": "di-tich", "slug": "dinh-tan-an"}}), 409)
        assert state(root) == before and not (root / ".git/MERGE_HEAD").exists()
        assert "di-tich/dinh-tan-an" in ask(proxy, "unpublishedEntries")
        tip = git(root, "rev-parse", "main").strip()
        ask(proxy, "publishUnpublishedEntry", collection="di-tich", slug="den-moi")
        parents = git(root, "rev-list", "--parents", "-n", "1", "main").split()
        assert parents[1] == tip and len(parents) == 3  # a merge commit: main had moved
        assert (root / YML).is_file() and (root / "docs/vi/gioi-thieu/khac.md").is_file()
        ask(proxy, "deleteUnpublishedEntry", collection="di-tich", slug="dinh-tan-an")
        assert ask(proxy, "unpublishedEntries") == []
        status, _, body = proxy.send({"action": "unpublishedEntry", "params": {"branch": "main", "collection": "di-tich", "slug": "dinh-tan-an"}})
        assert status == 404
    assert git(root, "status", "--porcelain", "--untracked-files=all") == before[1]


def test_drafts_work_in_a_linked_worktree_and_publish_refuses_another_branch(officer, tmp_path):
    """decap-server's own git mode fails in a linked worktree ("'main' is already checked out")."""
    root = officer.root
    linked = tmp_path / "linked"
    git(root, "worktree", "add", "-q", "-b", "edit", str(linked))
    with cms_guard(linked, ORIGIN, "git") as address:
        proxy = Proxy(address)
        request = lambda **p: {"action": "publishUnpublishedEntry", "params": {"branch": "edit", "collection": "di-tich", "slug": "den-moi", **p}}
        status, _, body = proxy.send({"action": "persistEntry", "params": {
            "branch": "edit", "dataFiles": [{"slug": "den-moi", "path": YML, "raw": "id: den-moi\n"}], "assets": [],
            "options": {"commitMessage": "m", "useWorkflow": True, "status": "draft", "collectionName": "di-tich"}}})
        assert status == 200, body
        assert not (linked / YML).exists() and git(linked, "status", "--porcelain") == ""
        # a draft's branch checked out somewhere is never moved under that work tree's feet
        git(root, "worktree", "add", "-q", str(tmp_path / "draft"), "cms/di-tich/den-moi")
        draft_tip = git(root, "rev-parse", "cms/di-tich/den-moi")
        again = {"action": "persistEntry", "params": {
            "branch": "edit", "dataFiles": [{"slug": "den-moi", "path": YML, "raw": "id: other\n"}], "assets": [],
            "options": {"commitMessage": "m", "useWorkflow": True, "status": "draft", "collectionName": "di-tich"}}}
        refused(proxy.send(again), 409)
        assert git(root, "rev-parse", "cms/di-tich/den-moi") == draft_tip
        git(root, "worktree", "remove", str(tmp_path / "draft"))
        git(linked, "checkout", "-q", "-b", "elsewhere")
        refused(proxy.send(request()), 409)
        git(linked, "checkout", "-q", "edit")
        status, _, body = proxy.send(request())
        assert status == 200, body
    assert (linked / YML).read_text(encoding="utf-8") == "id: den-moi\n"
    assert not (root / YML).exists() and git(root, "symbolic-ref", "HEAD").strip() == "refs/heads/main"


def test_a_drafts_later_saves_keep_its_words_and_its_files_and_the_library_cannot_write(officer):
    """Decap words a new entry's second save "update": the draft keeps its first save's message
    ("Create…" for a new item, "Update…" for an existing one). A save that sends one page of the
    item (the desk's "Translation done") is added to its draft, whose other files stay. The media
    library's own upload and delete would write the work tree outside any commit: refused."""
    root = officer.root
    before = state(root)
    with cms_guard(root, ORIGIN, "git") as address:
        proxy = Proxy(address)
        assert save(proxy)[0] == 200
        second = save(proxy, "id: den-moi\nname: x\n")
        assert second[0] == 200
        # Decap's second save of the new entry says "Update": the draft still says what it is
        request = {"action": "persistEntry", "params": {"branch": "main", "dataFiles": [{"slug": "den-moi", "path": "docs/en/di-tich/den-moi.md", "raw": "---\ntranslated_from: abc\n---\n"}], "assets": [],
                   "options": {"commitMessage": "Update di-tich “den-moi”", "useWorkflow": True, "status": "pending_review", "collectionName": "di-tich"}}}
        assert proxy.send(request)[0] == 200
        assert git(root, "log", "-1", "--format=%s", DRAFT).strip() == "Create di-tich “den-moi”"
        assert git(root, "rev-list", "--count", f"main..{DRAFT}").strip() == "1"
        assert sorted(git(root, "diff", "--name-only", f"main...{DRAFT}").split()) == sorted([YML, PAGE, PHOTO, "docs/en/di-tich/den-moi.md"])
        assert git(root, "show", f"{DRAFT}:{YML}") == "id: den-moi\nname: x\n"
        # an existing entry's draft says "Update" from its first save on
        entry = "data/di-tich/dinh-tan-an.yml"
        existing = {"action": "persistEntry", "params": {"branch": "main", "dataFiles": [{"slug": "dinh-tan-an", "path": entry, "raw": (root / entry).read_text(encoding="utf-8") + "# x\n"}], "assets": [],
                    "options": {"commitMessage": "Update di-tich “dinh-tan-an”", "useWorkflow": True, "status": "draft", "collectionName": "di-tich"}}}
        assert proxy.send(existing)[0] == 200
        assert git(root, "log", "-1", "--format=%s", "cms/di-tich/dinh-tan-an").strip() == "Update di-tich “dinh-tan-an”"

        upload = {"action": "persistMedia", "params": {"branch": "main", "asset": {"path": "data/media/cover-post.jpg", "content": base64.b64encode(b"\xff\xd8").decode(), "encoding": "base64"}, "options": {"commitMessage": "Upload"}}}
        refused(proxy.send(upload), 409)
        refused(proxy.send({"action": "deleteFile", "params": {"branch": "main", "path": "data/di-tich/chua-an.yml", "options": {"commitMessage": "Delete"}}}), 409)
    assert state(root) == before  # nothing written, staged or committed in the checkout
