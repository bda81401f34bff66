"""A new ward's requirements.lock: the engine's exact version and, pinned, every package it runs
with here (the closure of its dependencies as installed in this environment), plus pytest for
the ward's own tests.

The pins are read from what is installed (importlib.metadata), which is what this engine was
just run and tested with; a resolver (pip-tools) would need the network and could pick newer,
untried versions.
"""

from __future__ import annotations

import tomllib
from importlib import metadata
from pathlib import Path

from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

import heritage

DISTRIBUTION = "heritage-site"
EXTRA_FOR_WARD = ("pytest",)  # the ward's tests/ (make test)
# pip and its build tools are the venv's own; never pinned in a lock (as `make lock` does here)
NOT_PINNED = {"pip", "setuptools", "wheel"}


def engine_requirements() -> list[Requirement]:
    """The engine's declared dependencies: its installed metadata, or pyproject.toml in a checkout."""
    try:
        declared = metadata.requires(DISTRIBUTION) or []
    except metadata.PackageNotFoundError:
        pyproject = Path(heritage.__file__).resolve().parent.parent / "pyproject.toml"
        declared = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["dependencies"]
    return [Requirement(text) for text in declared]


def _applies(requirement: Requirement, extras: frozenset[str]) -> bool:
    if requirement.marker is None:
        return True
    return any(requirement.marker.evaluate({**default_environment(), "extra": extra}) for extra in (extras or {""}))


def pins() -> list[str]:
    """`name==version` of the engine's dependencies and theirs, as installed here, sorted."""
    found: dict[str, str] = {}
    todo = [(r, frozenset(r.extras)) for r in engine_requirements()] + [(Requirement(n), frozenset()) for n in EXTRA_FOR_WARD]
    while todo:
        requirement, extras = todo.pop()
        key = canonicalize_name(requirement.name)
        if key in found or key in NOT_PINNED:
            continue
        try:
            dist = metadata.distribution(requirement.name)
        except metadata.PackageNotFoundError:
            continue  # an optional platform package not installed here: pip resolves it on the ward's machine
        found[key] = f"{dist.metadata['Name']}=={dist.version}"
        for text in dist.requires or []:
            sub = Requirement(text)
            if _applies(sub, extras):
                todo.append((sub, frozenset(sub.extras)))
    return sorted(found.values(), key=str.lower)


def lock_text(engine: str | None = None) -> str:
    """The lock; `engine` replaces the engine's own line (e.g. `heritage-site @ git+https://…@v0.1.0`
    while a version is not on PyPI, or a path to a wheel)."""
    lines = [
        "# Versions chính xác cho mọi máy (make serve, make test, CI). Nâng cấp bộ máy: đổi dòng heritage-site.",
        "# Exact versions for every machine. To upgrade the engine, raise the heritage-site line (read its CHANGELOG).",
        engine or f"{DISTRIBUTION}=={heritage.__version__}",
        *pins(),
    ]
    return "\n".join(lines) + "\n"
