"""Bounded work, no traceback: inputs built to stall or crash `make check` and `make build`.

Each case is refused by both, within a minute (a timeout is a failure, not a measurement),
with the file and the line or field, Vietnamese before English, no traceback, and no file
under data/ or docs/ changed. The large inputs are made here, never committed.
"""

from __future__ import annotations

import os
import socket
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from .conftest import TODAY, Project
from .test_hostile import ENTRY, STORY, Case, append, assert_refused, media_file, replace, site_files

FESTIVAL = "data/le-hoi/hoi-lim.yml"
ABOUT = "docs/vi/gioi-thieu/index.md"
LIMIT_SECONDS = 60


def run(project: Project, *args: str) -> subprocess.CompletedProcess:
    """One command under the contract's bound: past a minute, TimeoutExpired fails the test."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "HERITAGE_TODAY": TODAY}
    return subprocess.run([sys.executable, *args], cwd=project.root, capture_output=True, text=True, env=env, timeout=LIMIT_SECONDS)


def front(fields: str):
    def setup(project: Project, outside: Path) -> None:
        path = project.root / ABOUT
        body = path.read_text(encoding="utf-8").split("---", 2)[2]
        path.write_text(f"---\n{fields}\n---{body}", encoding="utf-8")

    return setup


def when(extra: str):
    return lambda p, o: replace(p, FESTIVAL, "days: 3", f"days: 3\n  {extra}")


def fifo(rel: str, use: bool = False):
    def setup(project: Project, outside: Path) -> None:
        os.mkfifo(project.root / rel)
        if use:
            replace(project, ENTRY, "image: cong.jpg", f"image: {Path(rel).name}")

    return setup


def device(project: Project, outside: Path) -> None:
    """A character device (as root), else a socket: neither is a file anything may open."""
    path = project.root / "data/media/dinh-tan-an/thiet-bi.jpg"
    try:
        os.mknod(path, stat.S_IFCHR | 0o600, os.makedev(1, 3))  # /dev/null's numbers
    except PermissionError:
        with socket.socket(socket.AF_UNIX) as sock:
            sock.bind(str(path))


def folder(rel: str):
    return lambda p, o: (p.root / rel).mkdir(parents=True)


def strip(width: int, height: int):
    return media_file("dai.png", lambda path: Image.new("RGB", (width, height), (9, 9, 9)).save(path))


def media_items(n: int) -> str:
    return "".join(f"- image: cong.jpg\n  alt: {{vi: Cổng {i}, en: Gate {i}}}\n  credit: Thử\n  license: CC0-1.0\n" for i in range(n))


LONG_ID = "a" * 250


def long_id(project: Project, outside: Path) -> None:
    project.entry("di-tich", LONG_ID, ("Đình dài", "Long house"))


NOT_REGULAR = ("không phải tệp thường", "not a regular file")
TOO_BIG = ("quá giới hạn", "over the")

CASES = [
    # Markdown that Python-Markdown takes minutes over, or recurses on
    Case("unclosed-autolinks", lambda p, o: append(p, STORY, "\n" + "<http://a " * 15_000 + "\n"), STORY, None, None, ("dấu <", "'<'")),
    Case("autolinks-50000", lambda p, o: append(p, STORY, "\n" + "<http://a " * 50_000 + "\n"), STORY, None, None, ("200 KB", "200 KB")),
    Case("entities", lambda p, o: append(p, STORY, "\n" + "&amp;" * 30_000 + "\n"), STORY, None, None, ("mã ký tự HTML", "character references")),
    Case("entities-400000", lambda p, o: append(p, STORY, "\n" + "&amp;" * 400_000 + "\n"), STORY, None, None, TOO_BIG),
    Case("nested-lists", lambda p, o: append(p, STORY, "\n" + "- " * 1_500 + "a\n"), STORY, None, 5, ("lồng nhau", "nesting")),
    Case("nested-indented-lists", lambda p, o: append(p, STORY, "\n" + "".join("    " * i + "- a\n" for i in range(40))), STORY, None, 25, ("lồng nhau", "nesting")),
    Case("nested-quotes", lambda p, o: append(p, STORY, "\n" + ">" * 5_000 + " a\n"), STORY, None, 5, ("lồng nhau", "nesting")),
    Case("nested-html-blocks", lambda p, o: append(p, STORY, "\n" + "<div markdown>\n" * 5_000 + "a\n" + "</div>\n" * 5_000), STORY, None, 25, ("lồng nhau", "nesting")),
    Case("nested-html-20000", lambda p, o: append(p, STORY, "\n" + "<div markdown>\n" * 20_000 + "a\n" + "</div>\n" * 20_000), STORY, None, None, TOO_BIG),
    # Values the templates, the calendar files or the lunar calendar could not take
    Case("line-break-in-name", lambda p, o: replace(p, FESTIVAL, "vi: Hội Lim", 'vi: "Hội\\r\\nLim"'), FESTIVAL, "name.vi", 2, ("một dòng", "single line")),
    Case("title-list", front("title: [a, b]"), ABOUT, "title", 2, ("không phải chữ", "not text")),
    Case("title-number", front("title: 12"), ABOUT, "title", 2, ("không phải chữ", "not text")),
    Case("unknown-icon", front("title: Giới thiệu\nicon: material/khong-co-dau"), ABOUT, "icon", 3, ("biểu tượng", "icon")),
    Case("icon-path", front("title: Giới thiệu\nicon: ../../../etc/passwd"), ABOUT, "icon", 3, ("biểu tượng", "icon")),
    Case("hide-number", front("title: Giới thiệu\nhide: 5"), ABOUT, "hide", 3, ("danh sách", "list")),
    Case("every-20-since-2100", when("since: 2100\n  every: 20"), FESTIVAL, "when.every", None, ("12", "12")),
    Case("since-2101", when("since: 2101\n  every: 3"), FESTIVAL, "when.since", None, ("2100", "2100")),
    # Images no camera makes
    Case("image-1x50000", strip(1, 50_000), "data/media/dinh-tan-an/dai.png", None, None, ("12.000", "12,000")),
    Case("image-strip", strip(1_100, 100), "data/media/dinh-tan-an/dai.png", None, None, ("10 lần", "10 times")),
    # Regular files only
    Case("folder-named-yml", folder("data/di-tich/x.yml"), "data/di-tich/x.yml", None, None, NOT_REGULAR),
    Case("folder-named-md", folder("docs/vi/gioi-thieu/trang.md"), "docs/vi/gioi-thieu/trang.md", None, None, NOT_REGULAR),
    Case("fifo-media-used", fifo("data/media/dinh-tan-an/x.jpg", use=True), ENTRY, "media[0].image", None, NOT_REGULAR),
    Case("fifo-media", fifo("data/media/dinh-tan-an/y.jpg"), "data/media/dinh-tan-an/y.jpg", None, None, NOT_REGULAR),
    Case("fifo-page", fifo("docs/vi/gioi-thieu/ong.md"), "docs/vi/gioi-thieu/ong.md", None, None, NOT_REGULAR),
    Case("fifo-data", fifo("data/di-tich/ong.yml"), "data/di-tich/ong.yml", None, None, NOT_REGULAR),
    Case("device-in-media", device, "data/media/dinh-tan-an/thiet-bi.jpg", None, None, NOT_REGULAR),
    # Sizes that make pages of tens of megabytes
    Case("long-id", long_id, f"data/di-tich/{LONG_ID}.yml", "id", None, ("60", "60")),
    Case("caption-12mb", lambda p, o: replace(p, ENTRY, "credit: Ảnh thử", "caption: {vi: " + "a" * 12_000_000 + ", en: b}\n  credit: Ảnh thử"), ENTRY, None, None, ("1000 KB", "1000 KB")),
    Case("caption-2000", lambda p, o: replace(p, ENTRY, "credit: Ảnh thử", "caption: {vi: " + "a" * 2_000 + ", en: b}\n  credit: Ảnh thử"), ENTRY, "media[0].caption.vi", None, ("1000", "1000")),
    Case("related-31", lambda p, o: replace(p, ENTRY, "- hoi-lim", "- hoi-lim\n" * 31), ENTRY, "related", None, ("tối đa 30", "at most 30")),
    Case("media-101", lambda p, o: replace(p, ENTRY, "media:\n", "media:\n" + media_items(101)), ENTRY, "media", None, ("tối đa 100", "at most 100")),
]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_refused_within_a_minute_without_traceback(small_project: Project, tmp_path_factory, case: Case):
    case.setup(small_project, tmp_path_factory.mktemp("outside"))
    before = small_project.snapshot()
    assert_refused(run(small_project, "-m", "heritage", "check"), case)
    assert_refused(run(small_project, "-m", "mkdocs", "build", "--strict"), case)
    assert small_project.snapshot() == before
    assert site_files(small_project) == []


def test_plaques_refuse_a_long_id_without_traceback(small_project: Project):
    long_id(small_project, small_project.root)
    result = run(small_project, "-m", "heritage", "plaques")
    out = result.stdout + result.stderr
    assert result.returncode == 1 and "Traceback" not in out, out[-2000:]
    assert f"📄 data/di-tich/{LONG_ID}.yml" in out and "tối đa 60 ký tự" in out and "at most 60 characters" in out


def test_a_festival_first_held_in_2100_is_dated_then(small_project: Project):
    """The lunar calendar reaches 2100: a festival from then on builds, its next date in 2100."""
    when("since: 2100\n  every: 12")(small_project, small_project.root)
    assert run(small_project, "-m", "heritage", "check").returncode == 0
    built = run(small_project, "-m", "mkdocs", "build", "--strict")
    assert built.returncode == 0, built.stderr[-2000:]
    ics = (small_project.root / "site/le-hoi/hoi-lim/hoi-lim.ics").read_text(encoding="utf-8")
    assert "DTSTART;VALUE=DATE:2100" in ics, ics
