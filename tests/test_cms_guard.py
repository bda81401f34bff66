"""`make edit`'s proxy: the real decap-server behind the real guard (scripts/cms-guard.js),
asked over HTTP as a hostile page would. Every refusal is a 403 with a bilingual error and
leaves every file of the checkout (.git included) as it was; the editor's own requests work."""

from __future__ import annotations

import base64
import hashlib
import http.client
import json
import subprocess
import urllib.parse
from pathlib import Path

import pytest

from tests.conftest import Project, cms_guard

ORIGIN = "http://127.0.0.1:8000"  # the preview's, as `make edit` gives it
GIT = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org"]


def tree(root: Path) -> dict[str, str]:
    """Hash of every file of the checkout, .git included (links as where they point), and
    whether the places just outside it exist."""
    out = {path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "" for path in sorted(root.rglob("*")) if "node_modules" not in path.parts}
    for outside in (root.parent / "outside.py", Path("/tmp/hx-absolute.py")):
        out[str(outside)] = str(outside.exists())
    return out


class Proxy:
    def __init__(self, address: str):
        parts = urllib.parse.urlsplit(address)
        self.host, self.port, self.path = parts.hostname, parts.port, parts.path

    def send(self, body: object = None, *, raw: bytes | None = None, origin: str | None = ORIGIN, host: str | None = None,
             method: str = "POST", content_type: str = "application/json", headers: dict[str, str] | None = None) -> tuple[int, dict, dict]:
        """A request as a page (or a rebound DNS name) would send it; returns (status, headers, JSON)."""
        connection = http.client.HTTPConnection(self.host, self.port, timeout=60)
        data = raw if raw is not None else (json.dumps(body).encode() if body is not None else b"")
        connection.putrequest(method, self.path, skip_host=True, skip_accept_encoding=True)
        connection.putheader("Host", host or f"127.0.0.1:{self.port}")
        if origin is not None:
            connection.putheader("Origin", origin)
        if data:
            connection.putheader("Content-Type", content_type)
            connection.putheader("Content-Length", str(len(data)))
        for name, value in (headers or {}).items():
            connection.putheader(name, value)
        connection.endheaders(data or None)
        response = connection.getresponse()
        text = response.read()
        connection.close()
        return response.status, dict(response.getheaders()), json.loads(text) if text else {}


def refused(answer: tuple[int, dict, dict], status: int = 403, path: str = "") -> None:
    code, headers, body = answer
    assert code == status, (path, code, body)
    vi, _, en = body["error"].partition(" / ")
    assert vi and en, body  # Vietnamese first, then English
    assert "Access-Control-Allow-Origin" not in headers or headers["Access-Control-Allow-Origin"] == ORIGIN


@pytest.fixture
def checkout(small_project: Project):
    """A small project that is a git repository with a hook file, as the officer's checkout is."""
    root = small_project.root
    small_project.write("hooks/keep.py", "# the build runs this\n")
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=root, check=True)
    subprocess.run(["git", "add", "-A"], cwd=root, check=True)
    subprocess.run([*GIT, "commit", "-q", "-m", "start"], cwd=root, check=True)
    return small_project


@pytest.fixture
def proxy(checkout):
    with cms_guard(checkout.root, ORIGIN, MAX_BODY=str(64 * 1024)) as address:
        yield Proxy(address)


def persist(*paths: str, assets: tuple[str, ...] = (), new_path: str | None = None) -> dict:
    files = [{"slug": "x", "path": p, "raw": "import os\nos.system('touch /tmp/pwned')\n", **({"newPath": new_path} if new_path is not None else {})} for p in paths]
    return {
        "action": "persistEntry",
        "params": {
            "branch": "main",
            "dataFiles": files,
            "assets": [{"path": a, "content": base64.b64encode(b"x").decode(), "encoding": "base64"} for a in assets],
            "options": {"commitMessage": "m", "useWorkflow": False, "status": "draft"},
        },
    }


def media(path: str) -> dict:
    return {"action": "persistMedia", "params": {"branch": "main", "asset": {"path": path, "content": "eA==", "encoding": "base64"}, "options": {"commitMessage": "m"}}}


BAD_PATHS = ["hooks/x.py", "hooks/keep.py", ".git/config", ".git/hooks/pre-commit", "../outside.py", "data/../hooks/x.py",
             "docs/../../outside.py", "/tmp/hx-absolute.py", "data/.git/config", "docs/.GIT/x", "Makefile", "mkdocs.yml", "data", "", "data\\..\\hooks\\x.py"]


@pytest.mark.parametrize("how", ["dataFile", "asset", "newPath", "media", "deleteFile", "deleteFiles"])
def test_a_write_outside_data_and_docs_is_refused_and_nothing_changes(checkout, proxy, how):
    before = tree(checkout.root)
    for path in BAD_PATHS:
        request = {
            "dataFile": lambda: persist("data/di-tich/x.yml", path),
            "asset": lambda: persist("data/di-tich/x.yml", assets=(path,)),
            "newPath": lambda: persist("data/di-tich/dinh-tan-an.yml", new_path=path),
            "media": lambda: media(path),
            "deleteFile": lambda: {"action": "deleteFile", "params": {"branch": "main", "path": path, "options": {"commitMessage": "m"}}},
            "deleteFiles": lambda: {"action": "deleteFiles", "params": {"branch": "main", "paths": ["docs/vi/di-tich/chua-an.md", path], "options": {"commitMessage": "m"}}},
        }[how]()
        refused(proxy.send(request), path=path)
    assert tree(checkout.root) == before


@pytest.mark.parametrize("old, new", [("data/media/dinh-tan-an/cong.jpg", "docs/vi/di-tich/zz.md"), ("data/di-tich/dinh-tan-an.yml", "data/di-tich/dinh-moi.yml"),
                                      ("docs/vi/gioi-thieu/index.md", "data/moved/index.md")])
def test_no_file_is_renamed_and_nothing_beside_it_moves(checkout, proxy, old, new):
    """decap-server moves a renamed file's neighbours along with it (a photo's rename carried the
    whole media folder into docs/): ids are permanent, so the guard refuses every rename."""
    before = tree(checkout.root)
    request = persist(old, new_path=new)
    request["params"]["dataFiles"][0]["raw"] = "x"
    refused(proxy.send(request), path=new)
    assert tree(checkout.root) == before


PAGES_ONLY = ["docs/evil.html", "docs/vi/evil.html", "docs/vi/di-tich/x.svg", "docs/_redirects", "docs/vi/.htaccess", "docs/x/page.md", "docs/vi/.hidden/page.md"]


@pytest.mark.parametrize("path", PAGES_ONLY)
def test_under_docs_only_markdown_pages_of_a_language_folder_are_written(checkout, proxy, path):
    """docs/ publishes only the language folders' Markdown: the editor never writes a file that
    the build would refuse (and the preview would serve as it is)."""
    before = tree(checkout.root)
    refused(proxy.send(persist("data/di-tich/x.yml", path)), path=path)
    refused(proxy.send(media(path)), path=path)
    assert tree(checkout.root) == before


@pytest.mark.parametrize(
    "request_body",
    [
        {"action": "getEntry", "params": {"branch": "main", "path": ".git/config"}},
        {"action": "getEntry", "params": {"branch": "main", "path": "hooks/keep.py"}},
        {"action": "getMediaFile", "params": {"branch": "main", "path": ".git/config"}},
        {"action": "entriesByFiles", "params": {"branch": "main", "files": [{"path": "data/site.yml"}, {"path": ".git/config"}]}},
        {"action": "entriesByFolder", "params": {"branch": "main", "folder": ".git", "extension": "", "depth": 2}},
        {"action": "entriesByFolder", "params": {"branch": "main", "folder": ".", "extension": "", "depth": 9}},
        {"action": "getMedia", "params": {"branch": "main", "mediaFolder": "data/../.git"}},
        {"action": "unpublishedEntryDataFile", "params": {"branch": "main", "collection": "di-tich", "slug": "x", "id": "di-tich/x", "path": ".git/config"}},
    ],
)
def test_a_read_outside_data_and_docs_is_refused(proxy, request_body):
    refused(proxy.send(request_body))


def test_symbolic_links_do_not_lead_out(checkout, proxy):
    root = checkout.root
    (root / "data" / "leak.yml").symlink_to("../.git/config")
    (root / "docs" / "hooks").symlink_to("../hooks", target_is_directory=True)
    before = tree(root)
    refused(proxy.send({"action": "getEntry", "params": {"branch": "main", "path": "data/leak.yml"}}))
    refused(proxy.send(persist("docs/hooks/x.py")))
    refused(proxy.send(persist("docs/hooks/keep.py")))
    refused(proxy.send(media("docs/hooks/keep.py")))
    status, _, listing = proxy.send({"action": "entriesByFolder", "params": {"branch": "main", "folder": "data", "extension": "yml", "depth": 3}})
    assert status == 200
    shown = {item["file"]["path"] for item in listing}
    assert "data/di-tich/dinh-tan-an.yml" in shown and "data/leak.yml" not in shown
    assert all("[core]" not in (item["data"] or "") for item in listing)
    assert tree(root) == before


@pytest.mark.parametrize("host", ["evil.example:8081", "evil.example", "127.0.0.1", "127.0.0.1:1", "localhost.evil.example", "[::1]"])
def test_another_host_name_is_refused(checkout, proxy, host):
    """DNS rebinding: a foreign name that resolves to 127.0.0.1 still says its own name."""
    before = tree(checkout.root)
    refused(proxy.send(persist("data/di-tich/x.yml"), host=host))
    refused(proxy.send({"action": "getEntry", "params": {"branch": "main", "path": "data/di-tich/dinh-tan-an.yml"}}, host=host))
    assert tree(checkout.root) == before


@pytest.mark.parametrize("origin", ["http://127.0.0.1:9999", "http://evil.example", "http://localhost:8000", "https://127.0.0.1:8000", "null", "http://127.0.0.1:8000.evil.example"])
def test_another_origin_is_refused(checkout, proxy, origin):
    before = tree(checkout.root)
    refused(proxy.send(persist("data/di-tich/x.yml"), origin=origin))
    refused(proxy.send({"action": "getEntry", "params": {"branch": "main", "path": "data/di-tich/dinh-tan-an.yml"}}, origin=origin))
    refused(proxy.send(method="OPTIONS", origin=origin, headers={"Access-Control-Request-Method": "POST"}))
    assert tree(checkout.root) == before


def test_untrusted_bodies_are_answered_and_the_proxy_stays_up(checkout, proxy):
    before = tree(checkout.root)
    refused(proxy.send(raw=b'{"action": "persistEntry", "params": {'), 400)
    refused(proxy.send(raw=b"[1, 2]"), 400)
    refused(proxy.send(raw=b'"info"'), 400)
    refused(proxy.send(raw=b'{"params": {}}'), 400)
    refused(proxy.send(raw=b'{"action": "info"}', content_type="text/plain"), 415)
    refused(proxy.send(raw=json.dumps(media("data/media/x/big.jpg") | {"pad": "x" * 70_000}).encode()), 413)
    refused(proxy.send({"action": "runCommand", "params": {"branch": "main"}}))
    refused(proxy.send({"action": "__proto__", "params": {}}))
    refused(proxy.send({"action": "persistEntry", "params": {"branch": "main", "dataFiles": [{"path": ["hooks/x.py"]}], "assets": []}}))
    refused(proxy.send({"action": "persistEntry", "params": {"branch": "main", "dataFiles": [{"path": {"toString": "x"}}], "assets": []}}))
    refused(proxy.send(method="GET"), 405)
    assert tree(checkout.root) == before
    status, headers, body = proxy.send({"action": "info"})
    assert status == 200 and body["type"] == "local_fs"
    assert headers["Access-Control-Allow-Origin"] == ORIGIN


def test_the_editors_own_requests_work(checkout, proxy):
    root = checkout.root
    status, headers, _ = proxy.send(method="OPTIONS", headers={"Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type"})
    assert status == 204 and headers["Access-Control-Allow-Origin"] == ORIGIN
    status, _, body = proxy.send(persist("data/di-tich/den-moi.yml", "docs/vi/di-tich/den-moi.md", assets=("data/media/den-moi/anh.jpg",)))
    assert status == 200, body
    assert (root / "data/di-tich/den-moi.yml").read_text(encoding="utf-8").startswith("import os")
    assert (root / "docs/vi/di-tich/den-moi.md").is_file() and (root / "data/media/den-moi/anh.jpg").read_bytes() == b"x"
    status, _, body = proxy.send(media("data/media/den-moi/anh-2.jpg"))
    assert status == 200 and body["path"] == "data/media/den-moi/anh-2.jpg"
    status, _, body = proxy.send({"action": "getEntry", "params": {"branch": "main", "path": "docs/vi/di-tich/dinh-tan-an.md"}})
    assert status == 200 and "dinh-tan-an" in body["data"]
    status, _, body = proxy.send({"action": "getMedia", "params": {"branch": "main", "mediaFolder": "data/media/dinh-tan-an"}})
    assert status == 200 and {m["name"] for m in body} == {"cong.jpg", "san.jpg"}
    status, _, _ = proxy.send({"action": "deleteFile", "params": {"branch": "main", "path": "data/media/den-moi/anh-2.jpg", "options": {"commitMessage": "m"}}})
    assert status == 200 and not (root / "data/media/den-moi/anh-2.jpg").exists()
    # without Origin (not a browser: the officer's own tools) the Host rule still holds
    status, _, _ = proxy.send({"action": "info"}, origin=None)
    assert status == 200
    status, _, _ = proxy.send({"action": "info"}, host=f"localhost:{proxy.port}")
    assert status == 200


def test_git_mode_keeps_drafts_to_the_checked_out_branch_and_to_data_and_docs(checkout):
    """The editorial workflow (MODE=git): a draft branch that changes hooks/ is not published,
    another branch is not touched, and draft names cannot reach git's configuration."""
    root = checkout.root
    subprocess.run(["git", "checkout", "-q", "-b", "cms/di-tich/evil"], cwd=root, check=True)
    checkout.write("hooks/evil.py", "import os\n")
    subprocess.run(["git", "add", "-A"], cwd=root, check=True)
    subprocess.run([*GIT, "commit", "-q", "-m", "evil"], cwd=root, check=True)
    subprocess.run(["git", "checkout", "-q", "main"], cwd=root, check=True)
    subprocess.run(["git", "branch", "-q", "other"], cwd=root, check=True)
    before = tree(root)
    with cms_guard(root, ORIGIN, "git") as address:
        proxy = Proxy(address)
        status, _, body = proxy.send({"action": "info"})
        assert status == 200 and body["type"] == "local_git"
        refused(proxy.send({"action": "publishUnpublishedEntry", "params": {"branch": "main", "collection": "di-tich", "slug": "evil"}}))
        refused(proxy.send({"action": "entriesByFolder", "params": {"branch": "other", "folder": "data", "extension": "yml", "depth": 2}}))
        refused(proxy.send({"action": "updateUnpublishedEntryStatus", "params": {"branch": "main", "collection": "di-tich", "slug": "x\n[core]\nhooksPath=hooks", "newStatus": "pending_review"}}))
        refused(proxy.send({"action": "deleteUnpublishedEntry", "params": {"branch": "main", "collection": "..", "slug": "x"}}))
        refused(proxy.send(persist("hooks/x.py")))
        drafted = persist("data/di-tich/x.yml")
        drafted["params"]["options"] |= {"useWorkflow": True, "collectionName": "di-tich"}
        drafted["params"]["dataFiles"][0]["slug"] = "x.description\n[core]"
        refused(proxy.send(drafted))
        assert tree(root) == before
        status, _, body = proxy.send({"action": "unpublishedEntries", "params": {"branch": "main"}})
        assert status == 200 and "di-tich/evil" in body
        # a file the draft did not change is asked without its blob id: answered (it was refused
        # as "undefined bị từ chối" on every load), and a value left out is named as missing
        status, _, body = proxy.send({"action": "unpublishedEntryDataFile", "params": {"branch": "main", "collection": "di-tich", "slug": "evil", "path": "data/di-tich/dinh-tan-an.yml"}})
        assert status == 200, body
        answer = proxy.send({"action": "getEntry", "params": {"branch": "main"}})
        refused(answer)
        assert "undefined" not in answer[2]["error"] and "(trống / missing)" in answer[2]["error"], answer
