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


def test_readme_lists_every_module():
    for path in sorted((REPO / "heritage").rglob("*.py")):
        if path.name in ("__init__.py", "__main__.py"):
            continue
        assert path.name in README, f"{path.name} is not described in README.md"


def test_nav_is_curated():
    config = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    nav = config["nav"]
    assert all(re.fullmatch(r"[a-z-]+/index\.md|index\.md", item) for item in nav)
    assert len(nav) == 12


def test_templates_folder_matches_the_scaffolder():
    from heritage.tools.scaffold import templates

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
