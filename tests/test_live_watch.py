"""The live preview notices a save by the system's notifications (hooks/live_watch.py), not by
MkDocs' polling of every file twice a second; reading a file starts no build; MkDocs' polling
stays when asked for (HERITAGE_WATCH=poll) or when the system refuses to watch."""

from __future__ import annotations

import errno
import os

import pytest
from mkdocs.livereload import LiveReloadServer
from watchdog.events import FileSystemEventHandler
from watchdog.observers import Observer
from watchdog.observers.polling import PollingObserver

from benchmarks.generate import generate
from heritage.engine_files import load_hooks
from tests.test_preview_errors import _fetch
from tests.test_preview_incremental import _rename, _until, dirty_preview

live_watch = load_hooks("live_watch")


@pytest.fixture
def server(tmp_path):
    """MkDocs' own server, watching two folders and a file as `mkdocs serve` does (never bound)."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "data").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    found = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path / "site"))
    for name in ("docs", "data", "mkdocs.yml"):
        found.watch(str(tmp_path / name))
    yield found
    found.observer.stop()


def test_a_save_is_noticed_by_notifications_and_a_file_only_read_is_not(server, tmp_path, monkeypatch):
    monkeypatch.delenv(live_watch.POLL, raising=False)
    assert live_watch.watch_natively(server).startswith("notifications")
    assert not isinstance(server.observer, PollingObserver)
    assert set(server._watched_paths) == {str(tmp_path / n) for n in ("docs", "data", "mkdocs.yml")}
    page = tmp_path / "docs" / "a.md"
    page.write_text("# A\n", encoding="utf-8")
    seen: list[str] = []
    recorder = FileSystemEventHandler()
    recorder.on_any_event = lambda event: seen.append(event.src_path)
    server.observer.schedule(recorder, str(tmp_path / "docs"), recursive=True)  # as MkDocs schedules its own
    server.observer.start()
    for changed in (tmp_path / "data" / "b.yml", tmp_path / "mkdocs.yml", tmp_path / "docs" / "c.md"):
        server._want_rebuild = False
        page.read_text(encoding="utf-8")
        changed.write_text("changed: 1\n", encoding="utf-8")
        _until(lambda: server._want_rebuild, f"a save of {changed.name} noticed", timeout=10)
    # a new folder's first file (an upload for a new entry) and an editor's save by renaming
    folder = tmp_path / "data" / "new-entry"
    folder.mkdir()
    for save in (lambda: (folder / "anh-1.jpg").write_bytes(b"photo"),
                 lambda: ((tmp_path / "docs" / "c.tmp").write_text("# C2\n", encoding="utf-8"), os.replace(tmp_path / "docs" / "c.tmp", tmp_path / "docs" / "c.md"))):
        server._want_rebuild = False
        save()
        _until(lambda: server._want_rebuild, "a new folder's file or a rename noticed", timeout=10)
    # One queue, in order: had reading a.md been an event, it would be there before c.md's.
    _until(lambda: str(tmp_path / "docs" / "c.md") in seen, "c.md's save delivered", timeout=10)
    assert str(page) not in seen, "reading a file is not a change"


def test_polling_is_kept_when_asked_for(server, monkeypatch):
    monkeypatch.setenv(live_watch.POLL, "poll")
    assert live_watch.watch_natively(server) == "polling (HERITAGE_WATCH=poll)"
    assert isinstance(server.observer, PollingObserver)


def test_polling_takes_over_when_the_system_refuses_to_watch(server, tmp_path, monkeypatch):
    monkeypatch.delenv(live_watch.POLL, raising=False)
    polling = server.observer
    live_watch.watch_natively(server)

    def refused(self):
        raise OSError(errno.ENOSPC, "inotify watch limit reached")

    monkeypatch.setattr(type(server.observer), "on_thread_start", refused)
    server.observer.start()
    assert server.observer is polling and polling.is_alive()
    assert set(server._watch_refs.values()) <= polling._watches
    server._want_rebuild = False
    (tmp_path / "docs" / "c.md").write_text("# C\n", encoding="utf-8")
    _until(lambda: server._want_rebuild, "a save noticed by polling", timeout=10)


def test_the_preview_rebuilds_once_per_save_and_not_for_what_it_reads(tmp_path):
    """Under the real `mkdocs serve --dirty`: a build reads every file; had reading been a change,
    each build would start the next one."""
    assert Observer is not PollingObserver, "this system has notifications (Linux: inotify)"
    root = generate(tmp_path / "p", 6)
    with dirty_preview(root) as (url, site):
        log = root / "preview.log"
        _until(lambda: "saves noticed by notifications" in log.read_text(encoding="utf-8"), "the preview says how it notices saves")
        for i in (1, 2):
            names = {"vi": f"Đình Đổi Tên {i}", "en": f"Renamed {i}"}
            _rename(root, "muc-00000", names)
            _until(lambda: names["vi"] in _fetch(url + "di-tich/muc-00000/")[1], f"rename {i} shown")
            for page in ("", "en/", "di-tich/", "ban-do/"):
                _fetch(url + page)
        # one build at start and one per save; a save's two events (written, closed) that a loaded
        # machine delivers more than MkDocs' 0.1 s apart may start one more; a loop starts many
        assert log.read_text(encoding="utf-8").count("Building documentation") in (3, 4)
