"""HERITAGE_SHARED_CACHE (heritage/media/cache.py): projects on one machine share prepared media
and the heading font, each keeping its own record of its files' hashes."""

from __future__ import annotations

import shutil
from pathlib import Path

from heritage.media import fonts
from heritage.media.cache import SHARED, MediaCache, project_cache
from tests.conftest import Project
from tests.test_media import camera_photo, image_item, library


def _manifests(folder: Path) -> dict[str, int]:
    return {p.relative_to(folder).as_posix(): p.stat().st_mtime_ns for p in folder.rglob("manifest.json")}


def test_a_shared_folder_holds_the_derivatives_and_each_project_its_hashes(project: Project, tmp_path_factory, monkeypatch):
    shared = tmp_path_factory.mktemp("shared")
    monkeypatch.setenv(SHARED, str(shared))
    camera_photo(project.root / "data/media/dinh/may-anh.jpg")
    project.entry("di-tich", "dinh", media=[image_item("may-anh.jpg")])
    media, problems = library(project)
    assert problems == []
    made = _manifests(shared / "media")
    assert any(name.startswith("images/") for name in made)
    # the project keeps its hashes (keyed by its own paths), and no derivative
    assert [p.relative_to(project.root).as_posix() for p in (project.root / ".cache").rglob("*") if p.is_file()] == [".cache/media/hashes.json"]
    assert str(project.root / "data/media/dinh/may-anh.jpg") in (project.root / ".cache/media/hashes.json").read_text()

    # another project with the same photo finds it prepared: nothing made again
    other = Project(tmp_path_factory.mktemp("other"))
    for name in ("mkdocs.yml", "data", "docs"):
        (shutil.copytree if (project.root / name).is_dir() else shutil.copy)(project.root / name, other.root / name)
    shutil.rmtree(other.root / "data" / "media" / ".cache", ignore_errors=True)
    media, problems = library(other)
    assert problems == [] and _manifests(shared / "media") == made
    assert (other.root / ".cache/media/hashes.json").is_file()

    # a changed photo is a new derivative beside the old one
    camera_photo(other.root / "data/media/dinh/may-anh.jpg", color=(10, 200, 10))
    library(other)
    assert set(made) < set(_manifests(shared / "media"))


def test_without_the_variable_or_with_a_folder_that_is_not_there_the_project_keeps_its_own(project: Project, tmp_path, monkeypatch):
    for value in (None, str(tmp_path / "missing"), ""):
        if value is None:
            monkeypatch.delenv(SHARED, raising=False)
        else:
            monkeypatch.setenv(SHARED, value)
        assert project_cache(project.root) == project.root / ".cache" / "media"
        assert project_cache(project.root, "fonts") == project.root / ".cache" / "fonts"
        cache = MediaCache.of_project(project.root)
        assert cache.root == project.root / ".cache" / "media"
    assert not (tmp_path / "missing").exists()


def test_the_heading_font_is_kept_in_the_shared_folder(tmp_path, monkeypatch):
    shared = tmp_path / "shared"
    shared.mkdir()
    monkeypatch.setenv(SHARED, str(shared))
    site = tmp_path / "site"
    written = fonts.write_heading_font(site, project_cache(tmp_path / "project", "fonts"), "assets/h.woff2")
    kept = list((shared / "fonts").glob("*.woff2"))
    assert len(kept) == 1 and kept[0].read_bytes() == written.read_bytes()
    assert not (tmp_path / "project").exists()
