"""The front matter of ordinary pages (home, catalogues, About, stories): what the theme reads.

Column posts have their own schema (`content.schema.PostMeta`). Other pages may set a few
fields that the theme prints or looks up (`title`, `description`, `icon`, `hide`…); a list
where the theme expects text, or an icon that does not exist, would otherwise stop the build
with a traceback deep in a template. Unknown fields are left alone: the theme never reads them.
"""

from __future__ import annotations

import importlib.util
import re
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, StringConstraints, ValidationError, field_validator

from heritage.content.messages import model_problems
from heritage.content.schema import Short, Title, broken
from heritage.sections import COLUMN
from heritage.problems import Problem

ICON_NAME = r"^[a-z0-9-]+(/[a-z0-9-]+)+$"  # e.g. material/home: a name, never a path


@lru_cache(maxsize=1)
def _icon_folders() -> tuple[Path, ...]:
    """The theme's icon sets (its templates' .icons folder), where the theme includes icons from."""
    spec = importlib.util.find_spec("material")
    if spec is None or not spec.submodule_search_locations:
        return ()
    return tuple(Path(p) / "templates" / ".icons" for p in spec.submodule_search_locations)


def icon_exists(name: str) -> bool:
    return any((folder / f"{name}.svg").is_file() for folder in _icon_folders())


class _Search(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    exclude: bool = False
    boost: float | None = None


class PageMeta(BaseModel):
    """Front-matter fields the theme uses, typed; others are ignored."""

    model_config = ConfigDict(extra="allow", frozen=True)

    title: Title | None = None
    subtitle: Title | None = None
    tab_title: Title | None = None  # a shorter label for the section's tab (overrides/partials/tabs-item.html)
    description: Short | None = None
    status: Literal["new", "deprecated"] | None = None
    icon: Annotated[str, StringConstraints(max_length=100)] | None = None
    hide: list[Literal["navigation", "toc", "footer", "path", "tags", "feedback"]] | None = None
    search: _Search | None = None
    comments: bool | None = None
    translated_from: Annotated[str, StringConstraints(max_length=64)] | None = None

    @field_validator("icon")
    @classmethod
    def _known_icon(cls, value: str | None) -> str | None:
        if value is not None and not (re.match(ICON_NAME, value) and icon_exists(value)):
            raise broken("unknown-icon", value=value)
        return value


def is_post(rel: str) -> bool:
    """docs/<lang>/chuyen-muc/<slug>.md (not the column's index): validated as a post."""
    parts = rel.split("/")
    return len(parts) == 4 and parts[2] == COLUMN.key and parts[3] != "index.md"


def page_meta_problems(rel: str, front) -> list[Problem]:
    """Errors in an ordinary page's front matter (`front` is its `sources.YamlDocument`)."""
    if is_post(rel) or not front.data:
        return []
    try:
        PageMeta.model_validate(front.data)
    except ValidationError as exc:
        return model_problems(exc, PageMeta, rel, front)
    return []
