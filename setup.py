"""Only the build step that puts the engine's top-level folders into the wheel (pyproject.toml
holds everything else).

This repository is also a ward's own site, so the theme overrides (overrides/), the web editor's
scripts (admin/), the editor templates (templates/), the MkDocs hooks (hooks/) and the local
editor's proxy scripts (scripts/cms-*.js) stay at the top where the site uses them. The wheel
carries copies under heritage/_engine/, where heritage.engine_files finds them with
importlib.resources (and falls back to the checkout when there is no copy: an editable install,
or PYTHONPATH). Copying, not symlinks: wheels and Windows checkouts do not keep links; not
setuptools' package-dir mapping: it cannot be combined with automatic package discovery.
The source archive keeps the folders at the top (MANIFEST.in), so a wheel built from it has them.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
# folder -> the files of it the wheel carries (glob patterns)
ENGINE_FILES = {
    "overrides": ("**/*",),
    "admin": ("*.js", "*.css"),
    "templates": ("*.md", "*.yml"),
    "hooks": ("*.py",),
    "scripts": ("cms-*.js",),
}


def engine_files(root: Path):
    """(source, path relative to root) of every engine file the wheel carries."""
    for folder, patterns in ENGINE_FILES.items():
        for pattern in patterns:
            for path in sorted((root / folder).glob(pattern)):
                if path.is_file() and "__pycache__" not in path.parts:
                    yield path, path.relative_to(root)


class BuildPyWithEngine(build_py):
    """build_py, then the engine's folders copied into heritage/_engine/ of the build."""

    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return  # an editable install reads them from the checkout (heritage.engine_files)
        target = Path(self.build_lib) / "heritage" / "_engine"
        shutil.rmtree(target, ignore_errors=True)
        for source, rel in engine_files(HERE):
            (target / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / rel)


setup(cmdclass={"build_py": BuildPyWithEngine})
