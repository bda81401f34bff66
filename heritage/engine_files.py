"""Where the engine's own non-Python files are: the theme overrides, the web editor's scripts,
the editor templates, the MkDocs hooks and the local editor's proxy scripts.

In this repository they stay at the top (overrides/, admin/, templates/, hooks/, scripts/):
this repository is also a ward's own site and its layout does not move. A wheel carries copies of
them inside the package, under heritage/_engine/ (setup.py's build step copies them there; no
symlinks, which wheels and Windows checkouts do not keep). So a folder is looked up in the
installed package first (importlib.resources) and, when the package runs from a checkout or an
editable install (no _engine/ folder), next to the package. Why a copying build step and not
setuptools' package-dir mapping: a mapping needs every package listed by hand (it cannot be
combined with automatic discovery), and a forgotten subpackage would only show in a ward.
"""

from __future__ import annotations

import importlib.util
from functools import lru_cache
from importlib import resources
from pathlib import Path
from types import ModuleType

# The folders a ward's site uses from the engine, by their name at the top of this repository.
FOLDERS = ("overrides", "admin", "templates", "hooks", "scripts")
PACKAGED = "_engine"  # their place inside the installed package


class EngineFilesMissing(RuntimeError):
    """The installed engine lacks a folder it ships: a broken install, never a content error."""


@lru_cache(maxsize=None)
def engine_dir(name: str) -> Path:
    """The engine's folder `name` (one of FOLDERS), installed or in the checkout."""
    if name not in FOLDERS:
        raise ValueError(f"not an engine folder: {name!r}")
    # A wheel installs as plain files, so the Traversable is a real path (no zip import here).
    packaged = Path(str(resources.files("heritage") / PACKAGED / name))
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parent.parent / name
    if checkout.is_dir():
        return checkout
    raise EngineFilesMissing(
        f"Thiếu thư mục {name}/ của bộ máy: hãy cài lại gói heritage (pip install --force-reinstall heritage-site). / "
        f"The engine's {name}/ folder is missing: reinstall the heritage package."
    )


def with_engine_theme(theme_dirs: list[str], custom_dir: str | None) -> list[str]:
    """The theme's template folders with the engine's overrides in place: after the site's own
    custom_dir (a ward may override a partial), before Material's. Idempotent, since
    static-i18n runs on_config once per language."""
    theme = str(engine_dir("overrides"))
    resolved = {str(Path(d).resolve()) for d in theme_dirs}
    if str(Path(theme).resolve()) in resolved:
        return theme_dirs  # this repository: custom_dir is the engine's own overrides/
    position = 1 if custom_dir else 0
    return [*theme_dirs[:position], theme, *theme_dirs[position:]]


def load_hooks(name: str) -> ModuleType:
    """The engine's MkDocs hooks module `name` (hooks/<name>.py), for a ward's thin glue file."""
    path = engine_dir("hooks") / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"heritage_engine_hooks.{name}", path)
    if spec is None or spec.loader is None:
        raise EngineFilesMissing(f"{path}: not a Python module")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def hook_functions(module: ModuleType) -> dict[str, object]:
    """The module's MkDocs event handlers (on_*), to place in the glue module's globals."""
    return {key: value for key, value in vars(module).items() if key.startswith("on_") and callable(value)}
