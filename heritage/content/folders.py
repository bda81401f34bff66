"""Walking a content tree the way the checks and the live preview need it: written by hand
because os.walk asks `stat` of every name to tell folders from files, and Path.rglob makes a
Path of each; one `scandir` per folder already says what each name is."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator


def walk(base: str, skip: Callable[[str], bool] = lambda folder: False) -> Iterator[tuple[str, dict[str, os.DirEntry]]]:
    """(folder, its entries by name) under `base`, top-down, subfolders in name order. A link
    to a folder is listed but not followed; an unreadable folder, and one `skip` says yes to
    (its path), are left out with all they hold."""
    if skip(base):
        return
    try:
        with os.scandir(base) as found:
            entries = {entry.name: entry for entry in found}
    except OSError:
        return
    yield base, entries
    for name in sorted(entries):
        if entries[name].is_dir(follow_symlinks=False):
            yield from walk(os.path.join(base, name), skip)
