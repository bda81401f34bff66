"""Results per file, kept across the live preview's rebuilds (`mkdocs serve --dirty`).

At 1,000 entries, reading and checking every page and data file again took about 3 s of
each refresh after one save; a file whose size and modification time (ns) are the same as
at the last build gives the same result, so one `stat` replaces reading it. `make check` and
`make build` pass no cache and check everything.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from typing import TypeVar

T = TypeVar("T")


def stamp(path: os.PathLike | str) -> tuple[int, int] | None:
    """Size and modification time of a file; None when it cannot be read."""
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return stat.st_size, stat.st_mtime_ns


def per_file(cache: dict | None, name: object, paths: Iterable[os.PathLike | str], compute: Callable[[], T], depends: object = ()) -> T:
    """`compute()`, or its result kept in `cache` under `name` while `paths` are unchanged and
    `depends` (what else it reads: other files' results, settings) is equal to last time's."""
    if cache is None:
        return compute()
    key = (tuple(stamp(p) for p in paths), depends)
    hit = cache.get(name)
    if hit is not None and hit[0] == key:
        return hit[1]
    value = compute()
    cache[name] = (key, value)
    return value
