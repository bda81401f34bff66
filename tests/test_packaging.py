"""Everything the engine imports is declared (issue 29): a ward installs heritage-site from a
wheel into a fresh venv with only its declared dependencies, so a module this run's shared venv
happens to have (brotli for fontTools' WOFF2 writer) but pyproject.toml does not declare breaks
`make build` there. The wheel test (tests/test_wheel.py) builds a ward with only the declared
closure visible; this one names the missing package at once, without building."""

from __future__ import annotations

import ast
import sys
from importlib import metadata
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from heritage.scaffold import lock

from .conftest import REPO

# Python files the installed engine runs: the package, and the hooks glue it carries and writes.
ENGINE_CODE = ("heritage", "hooks")
# What the engine needs without importing it by name: module -> why.
INDIRECT = {
    "brotli": "fontTools writes WOFF2 (heritage/media/fonts.py) only with brotli",
    "PIL.AvifImagePlugin": "photos are written as AVIF (heritage/media/images.py): Pillow 11.3 or later",
}


def _imported_top_level_modules() -> dict[str, str]:
    """Top-level module -> one file importing it, for every absolute import in the engine's code."""
    found: dict[str, str] = {}
    for folder in ENGINE_CODE:
        for path in sorted((REPO / folder).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Import):
                    names = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    names = [node.module]
                else:
                    continue
                for name in names:
                    found.setdefault(name.split(".")[0], path.relative_to(REPO).as_posix())
    return {m: f for m, f in found.items() if m not in sys.stdlib_module_names and m not in ("heritage", "__future__")}


def _declared_closure() -> set[str]:
    requirements = lock.engine_requirements()
    closure = lock.closure(requirements)
    missing = [str(r) for r in requirements if canonicalize_name(r.name) not in closure]
    assert not missing, f"declared but not installed here, so not checkable: {missing}"
    return set(closure)


def test_the_engine_reads_its_dependencies_from_pyproject():
    declared = {canonicalize_name(Requirement(r).name) for r in lock._declared()[0]}
    assert {"mkdocs", "brotli", "fonttools", "pillow"} <= declared
    assert [str(r) for r in lock.ward_test_requirements()] == ["pytest>=8"]


def test_every_module_the_engine_imports_comes_with_its_declared_dependencies():
    distributions = metadata.packages_distributions()
    closure = _declared_closure()
    uncovered = []
    for module, where in sorted(_imported_top_level_modules().items()):
        names = {canonicalize_name(d) for d in distributions.get(module, [])}
        if not names & closure:
            uncovered.append(f"{module} ({where}; distributions {sorted(names) or 'none installed'})")
    assert uncovered == [], "imported but not in pyproject's dependencies (or theirs): " + ", ".join(uncovered)


@pytest.mark.parametrize("module", sorted(INDIRECT))
def test_what_the_engine_needs_indirectly_is_declared(module):
    distributions = metadata.packages_distributions()
    top = module.split(".")[0]
    names = {canonicalize_name(d) for d in distributions.get(top, [])}
    assert names & _declared_closure(), f"{module}: {INDIRECT[module]}; not in pyproject's dependencies"
    __import__(module)  # and the installed, declared version has it


@pytest.mark.parametrize(("name", "too_old"), [("pillow", "11.2.1"), ("brotli", "0.6")])
def test_the_declared_lower_bounds_have_what_the_engine_uses(name, too_old):
    (requirement,) = [r for r in lock.engine_requirements() if canonicalize_name(r.name) == name]
    assert not requirement.specifier.contains(too_old), f"{requirement} still allows {too_old}"


def test_a_declared_closure_leaves_out_what_is_not_declared():
    """The check can fail: a closure of mkdocs alone has neither brotli nor reportlab."""
    closure = lock.closure([Requirement("mkdocs")])
    assert "mkdocs" in closure and "brotli" not in closure and "reportlab" not in closure
