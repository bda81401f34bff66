"""Keep the documentation in step with the project."""

from __future__ import annotations

import re

import pytest
import yaml

from heritage.sections import ENTRY_SECTIONS

from .conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")


def test_readme_starts_with_the_two_commands():
    top = README[:800]
    assert top.index("make serve") < top.index("make test")
    assert "Tiếng Việt" in top and top.index("Tiếng Việt") < top.index("English")


@pytest.mark.parametrize("section", sorted(ENTRY_SECTIONS))
def test_readme_names_every_section(section):
    assert f"`{section}`" in README


def _readme_map() -> dict[str, str]:
    """The README's code map: 'heritage/content/schema.py' → its one-line description."""
    block = README[README.index("## Cấu trúc mã") :]
    block = block[block.index("```\n") + 4 :]
    block = block[: block.index("```")]
    described, folders = {}, []
    for line in block.splitlines():
        match = re.match(r"( *)(\S+)\s+(\S.*)?$", line)
        if not match:
            continue
        depth, name = len(match.group(1)) // 2, match.group(2)
        folders[depth:] = []
        path = "".join(folders) + name
        described[path] = match.group(3) or ""
        if name.endswith("/"):
            folders.append(name)
    return described


MODULES = sorted(p.relative_to(REPO).as_posix() for p in (REPO / "heritage").rglob("*.py") if p.name not in ("__init__.py", "__main__.py"))
FOLDERS = sorted({p.rsplit("/", 1)[0] + "/" for p in MODULES} | {"hooks/"})


@pytest.mark.parametrize("path", MODULES + sorted(p.relative_to(REPO).as_posix() for p in (REPO / "hooks").glob("*.py")))
def test_readme_map_describes_every_module_in_its_folder(path):
    assert _readme_map().get(path), f"{path} is not described, in its folder, in README.md's code map"


@pytest.mark.parametrize("folder", FOLDERS)
def test_readme_map_says_what_each_folder_is_for(folder):
    assert _readme_map().get(folder), f"{folder} has no line in README.md's code map"


def test_readme_map_names_no_module_that_is_gone():
    for path in _readme_map():
        if path.startswith(("heritage/", "hooks/")) and path.endswith(".py"):
            assert (REPO / path).is_file(), f"README.md's code map names {path}, which does not exist"


def test_nav_is_curated():
    config = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    nav = config["nav"]
    assert nav and all(re.fullmatch(r"[a-z-]+/index\.md|index\.md", item) for item in nav)
    # Home, plan your trip, six sections, column, calendar, map, trails, about: the tabs across a
    # 1280 px screen (tests/test_tabs_fit.py checks that they fit, with their short tab titles).
    # Open data is for re-users: linked from every footer and the About page, not a tab.
    assert len(nav) == 13 and "du-lieu/index.md" not in nav and "ke-hoach-tham-quan/index.md" in nav


def test_templates_folder_matches_the_scaffolder():
    from heritage.scaffold.new import templates

    expected = templates(REPO)
    folder = REPO / "templates"
    assert sorted(p.name for p in folder.iterdir()) == sorted(expected), "run: python -m heritage templates"
    for name, text in expected.items():
        assert (folder / name).read_text(encoding="utf-8") == text, f"templates/{name} is stale: run python -m heritage templates"


@pytest.mark.parametrize("guide", ["CONTRIBUTING.md", "CONTRIBUTING.en.md"])
def test_contributing_guides_cover_the_workflow(guide):
    text = (REPO / guide).read_text(encoding="utf-8")
    for needle in ("templates/", "make check", "translated_from", "aliases", "consent", "credit", "license", "data/media/", "chuyen-muc", "--stamp"):
        assert needle in text, needle


@pytest.mark.parametrize("guide", ["CONTRIBUTING.md", "CONTRIBUTING.en.md"])
def test_contributing_guides_say_how_to_add_a_posts_recording(guide):
    """What an officer needs, and that it is true: the folder, the exact line for each page, the
    formats the media code accepts, what `radio` writes, and the podcast feeds."""
    from heritage.media.audio_video import CONTAINERS
    from heritage.radio import OUT_FOLDER

    text = (REPO / guide).read_text(encoding="utf-8")
    for needle in ("data/media/chuyen-muc/", "`audio: chuyen-muc/le-hoi-dinh-2026.wav`", "`audio: chuyen-muc/le-hoi-dinh-2026-en.mp3`",
                   "audio: {vi: chuyen-muc/a.wav, en: chuyen-muc/a-en.mp3}", "python -m heritage radio 2026-11", "11/2026",
                   f"{OUT_FOLDER}/2026-11/", "kich-ban.txt", "-truyen-thanh.mp3", "-podcast.mp3", "-podcast-en.mp3",
                   "/chuyen-muc/podcast.xml", "/en/chuyen-muc/podcast.xml", "-23 LUFS", "-16 LUFS"):
        assert needle in text, needle
    audio_formats = {ext.upper() for ext, (_, mime) in CONTAINERS.items() if mime.startswith("audio/")}
    listed = {word.strip(",.") for word in re.findall(r"[A-Z0-9]{2,}(?:/[A-Z0-9]+)*", text.split("chuyen-muc/le-hoi-dinh-2026.wav", 1)[1][:400]) for word in word.split("/")}
    assert audio_formats <= listed, audio_formats - listed
