"""A new ward's requirements.lock: the engine's exact version and, pinned, every package it runs
with here (the closure of its dependencies as installed in this environment), plus the test tools
of the ward's own tests (the `ward-tests` extra): pinned when installed here, else as declared, so
that `make test` (and the ward's Check workflow, which runs it) always gets pytest.

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
WARD_TESTS = "ward-tests"  # the extra with what the ward's tests/ need (make test)
# pip and its build tools are the venv's own; never pinned in a lock (as `make lock` does here)
NOT_PINNED = {"pip", "setuptools", "wheel"}


def _declared() -> tuple[list[str], list[str]]:
    """The engine's dependencies and its `ward-tests` extra: pyproject.toml in a checkout, else
    the installed metadata."""
    pyproject = Path(heritage.__file__).resolve().parent.parent / "pyproject.toml"
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"] if pyproject.is_file() else {}
    if project.get("name") == DISTRIBUTION:  # running from a checkout: its own declaration, not an older install's
        return project["dependencies"], project.get("optional-dependencies", {}).get(WARD_TESTS, [])
    requires = metadata.requires(DISTRIBUTION) or []
    plain, tests = [], []
    for text in requires:
        requirement = Requirement(text)
        if _applies(requirement, frozenset()):
            plain.append(text)
        elif _applies(requirement, frozenset({WARD_TESTS})):
            requirement.marker = None
            tests.append(str(requirement))
    return plain, tests


def engine_requirements() -> list[Requirement]:
    """The engine's declared dependencies (no extras)."""
    return [Requirement(text) for text in _declared()[0]]


def ward_test_requirements() -> list[Requirement]:
    """What a ward's own tests need (the `ward-tests` extra)."""
    return [Requirement(text) for text in _declared()[1]]


def closure(requirements: list[Requirement]) -> dict[str, metadata.Distribution]:
    """The installed distributions these requirements need, theirs, and so on (by canonical name);
    a requirement not installed here is left out (an optional platform package: pip resolves it)."""
    found: dict[str, metadata.Distribution] = {}
    todo = [(r, frozenset(r.extras)) for r in requirements]
    while todo:
        requirement, extras = todo.pop()
        key = canonicalize_name(requirement.name)
        if key in found or key in NOT_PINNED or not _applies(requirement, frozenset()):
            continue
        try:
            dist = metadata.distribution(requirement.name)
        except metadata.PackageNotFoundError:
            continue
        found[key] = dist
        for text in dist.requires or []:
            sub = Requirement(text)
            if _applies(sub, extras):
                todo.append((sub, frozenset(sub.extras)))
    return found


def _applies(requirement: Requirement, extras: frozenset[str]) -> bool:
    if requirement.marker is None:
        return True
    return any(requirement.marker.evaluate({**default_environment(), "extra": extra}) for extra in (extras or {""}))


def pins() -> list[str]:
    """`name==version` of the engine's dependencies and theirs, and of the ward's test tools, as
    installed here, sorted; a test tool not installed here keeps its declared range (pip resolves
    it), so `make test` never lacks pytest."""
    tests = ward_test_requirements()
    found = {key: f"{dist.metadata['Name']}=={dist.version}" for key, dist in closure(engine_requirements() + tests).items()}
    for requirement in tests:
        found.setdefault(canonicalize_name(requirement.name), str(requirement))
    return sorted(found.values(), key=str.lower)


def engine_version() -> str:
    """The running engine's version as pip installed it (importlib.metadata), so that after an
    upgrade `make check` shows which engine runs; from a checkout (PYTHONPATH, editable), the
    source's own version and where it is."""
    here = Path(heritage.__file__).resolve()
    try:
        dist = metadata.distribution(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        dist = None
    if dist is not None and Path(str(dist.locate_file("heritage/__init__.py"))).resolve() == here:
        return dist.version
    return f"{heritage.__version__} ({here.parent.parent})"


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
