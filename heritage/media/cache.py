"""The media cache under .cache/media/: content-addressed, atomic, sealed by a manifest.

A derivative folder is keyed by the original's SHA-256 and the settings that made
it; it is trusted only when its manifest exists, and the manifest is written last,
so a build killed half-way leaves nothing a later build would trust. Hashing every
original on every build would cost seconds at province scale, so hashes are
remembered by (size, modification time).
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

MANIFEST = "manifest.json"
# A folder of derivatives shared by every project that builds on this machine: the tests set it
# (their hundreds of projects hold the same photos and font; a cold build of the sample content
# took 21 s against 6 s warm). Derivatives are keyed by content, so projects cannot mix them up;
# each project keeps its own hashes.json (keyed by its files' paths).
SHARED = "HERITAGE_SHARED_CACHE"


def project_cache(root: Path, kind: str = "media") -> Path:
    """The folder of a project's `kind` cache (media, fonts): under SHARED when that names an
    existing folder, else the project's .cache/<kind>/."""
    shared = os.environ.get(SHARED)
    if shared and os.path.isdir(shared):
        return Path(shared) / kind
    return Path(root) / ".cache" / kind


def atomic_write(target: Path, data: bytes) -> None:
    """Write via a temporary file in the same folder and rename: never a half file."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


_MADE: set[Path] = set()
# Manifests read, by path, with the size and time (ns) of the file read: a live preview makes a
# new MediaCache each refresh, and reading 2,000 manifests again took 0.1 s at 1,000 entries.
_READ: dict[str, tuple[tuple[int, int], dict[str, Any]]] = {}


def link_or_copy(source: Path, target: Path) -> None:
    """Publish a cached file: a hard link costs nothing; copy where links are not possible."""
    import shutil

    folder = target.parent
    if folder not in _MADE:  # thousands of files share a few folders: one mkdir each
        folder.mkdir(parents=True, exist_ok=True)
        _MADE.add(folder)
    try:
        os.link(source, target)
    except FileExistsError:
        target.unlink()
        os.link(source, target)
    except FileNotFoundError:  # the folder was cleaned since (a rebuild in `mkdocs serve`)
        folder.mkdir(parents=True, exist_ok=True)
        os.link(source, target)
    except OSError:  # another file system: links impossible
        shutil.copyfile(source, target)


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


class MediaCache:
    def __init__(self, root: Path, hashes: Path | None = None):
        self.root = root
        self._hashes_file = hashes or root / "hashes.json"
        self._hashes: dict[str, list[Any]] | None = None
        self._dirty = False
        self._manifests: dict[tuple[str, str], dict[str, Any]] = {}

    def _load_hashes(self) -> dict[str, list[Any]]:
        if self._hashes is None:
            try:
                self._hashes = json.loads(self._hashes_file.read_text())
            except (OSError, ValueError):
                self._hashes = {}
        return self._hashes

    def content_hash(self, path: Path) -> str:
        """SHA-256 of a file, recomputed only when its size or mtime changed."""
        stat = path.stat()
        key = os.path.abspath(path)  # not resolve(): one lstat per folder on the way, for every photo
        known = self._load_hashes().get(key)
        if known and known[0] == stat.st_size and known[1] == stat.st_mtime_ns:
            return known[2]
        value = sha256_file(path)
        self._load_hashes()[key] = [stat.st_size, stat.st_mtime_ns, value]
        self._dirty = True
        return value

    def key(self, content_hash: str, settings: str) -> str:
        return hashlib.sha256(f"{settings}\n{content_hash}".encode()).hexdigest()[:24]

    def folder(self, kind: str, key: str) -> Path:
        return self.root / kind / key

    def manifest(self, kind: str, key: str) -> dict[str, Any] | None:
        if (kind, key) in self._manifests:  # one photo used by many entries: read once
            return self._manifests[(kind, key)]
        path = self.folder(kind, key) / MANIFEST
        try:
            stat = os.stat(path)
            stamp = (stat.st_size, stat.st_mtime_ns)
            read = _READ.get(str(path))
            manifest = read[1] if read is not None and read[0] == stamp else json.loads(path.read_text())
        except (OSError, ValueError):
            return None
        _READ[str(path)] = (stamp, manifest)
        self._manifests[(kind, key)] = manifest
        return manifest

    def seal(self, kind: str, key: str, manifest: dict[str, Any]) -> None:
        atomic_write(self.folder(kind, key) / MANIFEST, json.dumps(manifest, ensure_ascii=False).encode())
        self._manifests[(kind, key)] = manifest

    @classmethod
    def of_project(cls, project: Path) -> "MediaCache":
        """The cache a project's build uses (project_cache); its hashes always in the project."""
        return cls(project_cache(project), Path(project) / ".cache" / "media" / "hashes.json")

    def save(self) -> None:
        if self._dirty and self._hashes is not None:
            atomic_write(self._hashes_file, json.dumps(self._hashes).encode())
            self._dirty = False
