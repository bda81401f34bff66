"""The live preview's refresh time (`make edit`, `make serve`): one entry's name changed under
`mkdocs serve --dirty`, until its new name is served on its page in both languages and in the
search index (what an officer waits for after saving). Used by benchmarks/build.py.

It waits as the officer's browser does, so that the measuring does not compete with the rebuild
for the machine's cores: the page's live-reload script asks the server (`/livereload/<epoch>/<id>`,
a request that waits) for a build newer than the one it shows, then the page is loaded again;
the search index (several MB) is fetched only once both pages show the new name, and again only
after a newer build. The figure is still from the save to all four of PAGES showing the name."""

from __future__ import annotations

import os
import re
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import yaml

ENTRY = Path("data/di-tich/muc-00000.yml")
PAGES = ("di-tich/muc-00000/", "en/di-tich/muc-00000/", "search/vi.json", "search/en.json")
_EPOCH = re.compile(r"livereload\((\d+),")


def _text(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            return response.read().decode("utf-8")
    except (OSError, urllib.error.HTTPError):
        return ""


def _epoch(html: str) -> int:
    """The build a served page comes from (MkDocs' live-reload script carries it)."""
    found = _EPOCH.search(html)
    return int(found[1]) if found else 0


def _newer_build(url: str, epoch: int, start: float) -> int:
    """Wait, as the live-reload script does, for a build newer than `epoch`; its epoch."""
    while time.perf_counter() - start < 300:
        answer = _text(f"{url}livereload/{epoch}/{time.time_ns()}").strip()
        if answer.isdigit() and int(answer) > epoch:
            return int(answer)
    return epoch


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def refresh_times(root: Path, env: dict[str, str], repeats: int = 3) -> list[float]:
    """Seconds from the save to the last of PAGES showing the new name, `repeats` times."""
    port = _port()
    url = f"http://127.0.0.1:{port}/"
    log = (root / "preview.log").open("w", encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dirty", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=root, env=env, stdout=subprocess.DEVNULL, stderr=log,
    )
    path = root / ENTRY
    original = path.read_text(encoding="utf-8")
    times = []
    try:
        deadline = time.monotonic() + 3600
        while not _text(url):
            if process.poll() is not None or time.monotonic() > deadline:
                raise SystemExit("mkdocs serve --dirty did not start")
            time.sleep(0.5)
        for i in range(repeats):
            data = yaml.safe_load(original)
            data["name"] = {"vi": f"Tên đổi {i} {time.time_ns()}", "en": f"Renamed {i} {time.time_ns()}"}
            start = time.perf_counter()
            path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
            epoch = 0
            for page in PAGES:
                name = data["name"]["en" if "en" in page else "vi"]
                while name not in (text := _text(url + page)):  # from an older build: wait for the next
                    if time.perf_counter() - start > 300:
                        tail = (root / "preview.log").read_text(encoding="utf-8")[-3000:]
                        raise SystemExit(f"the preview did not show the new name on /{page}\n{tail}")
                    epoch = _newer_build(url, max(epoch, _epoch(text)), start)
            times.append(time.perf_counter() - start)
    finally:
        path.write_text(original, encoding="utf-8")
        process.terminate()
        process.wait(timeout=60)
        log.close()
    return times


def refresh(root: Path, env: dict[str, str]) -> tuple[float, list[float], tuple[float, float, float]]:
    """Median refresh time, every time, and the load averages when it ended."""
    times = refresh_times(root, env)
    return statistics.median(times), times, os.getloadavg()
