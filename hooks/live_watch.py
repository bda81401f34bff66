"""MkDocs adapter for the live preview's file watching (make serve, make edit).

Not a hook file of mkdocs.yml: heritage_hooks.py calls `watch_natively()` from on_serve. It
knows MkDocs' server internals (1.6), so it lives beside the other adapters.
"""

from __future__ import annotations

import logging
import os

log = logging.getLogger("mkdocs.hooks.heritage")
POLL = "HERITAGE_WATCH"  # =poll: keep MkDocs' polling (a folder mounted from another system)


def watch_natively(server) -> str:
    """MkDocs 1.6 polls the watched folders every half second (watchdog's PollingObserver, kept
    for network and non-native Docker mounts). At 1,000 entries one poll stats some 5,000 files
    in Python: a quarter of a core, all the time, and during a rebuild it takes the build's
    interpreter lock (a 2.6 s refresh took 4.3 s). The system's own notifications (inotify,
    FSEvents, Windows' API) cost nothing between saves; MkDocs' polling stays when the system
    has none, when `HERITAGE_WATCH=poll` asks for it, or when the system refuses (inotify's
    limit on watched folders). Says which watching is used."""
    from watchdog import events
    from watchdog.observers import Observer
    from watchdog.observers.polling import PollingObserver

    polling = getattr(server, "observer", None)
    paths = getattr(server, "_watched_paths", None)
    refs = getattr(server, "_watch_refs", None)
    if os.environ.get(POLL, "").strip().lower() == "poll":
        return "polling (HERITAGE_WATCH=poll)"
    if Observer is PollingObserver or not isinstance(polling, PollingObserver) or polling.is_alive():
        return "polling"
    if not isinstance(paths, dict) or not isinstance(refs, dict) or not callable(getattr(server, "watch", None)):
        return "polling"  # another MkDocs than 1.6: left as it is
    native = Observer()
    # A file read is an event too (opened, closed without writing): every build would start another.
    changes = [events.FileCreatedEvent, events.FileModifiedEvent, events.FileDeletedEvent, events.FileMovedEvent, events.FileClosedEvent]
    schedule = native.schedule
    native.schedule = lambda handler, path, *, recursive=False, **_: schedule(handler, path, recursive=recursive, event_filter=changes)
    kept = dict(paths)
    server._watched_paths, server._watch_refs, server.observer = {}, {}, native
    try:
        for path, count in kept.items():
            server.watch(path)
            server._watched_paths[path] = count
    except OSError as exc:
        server._watched_paths, server._watch_refs, server.observer = paths, refs, polling
        return f"polling ({exc})"
    start = native.start

    def start_or_poll() -> None:
        """The system may refuse only when the watches are made (observer.start)."""
        try:
            start()
        except OSError as exc:
            log.warning("Watching by polling: %s", exc)
            native.unschedule_all()
            server._watched_paths, server._watch_refs, server.observer = paths, refs, polling
            polling.start()

    native.start = start_or_poll
    return f"notifications ({type(native).__name__})"
