"""Every build dependency is pinned to one version and to the sha256 of its files, and the
Makefile installs with --require-hashes: a release replaced on PyPI (or a tampered mirror)
stops the install instead of reaching the site."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

REPO = Path(__file__).resolve().parent.parent
LOCKS = ("requirements.lock", "requirements-nodeps.lock")
HASH = re.compile(r"--hash=sha256:([0-9a-f]{64})$")


def requirements(text: str) -> list[tuple[str, list[str]]]:
    """(requirement, its options) per logical line: backslash continuations joined, comments dropped."""
    logical = re.sub(r"\\\n", " ", text)
    out = []
    for line in logical.splitlines():
        line = line.split(" #", 1)[0].strip()
        if line and not line.startswith("#"):
            first, *options = line.split()
            out.append((first, options))
    return out


def lock_problems(text: str) -> list[str]:
    """What makes a lock unfit for pip install --require-hashes, line by line."""
    problems = []
    for first, options in requirements(text):
        specs = list(Requirement(first).specifier)
        if len(specs) != 1 or specs[0].operator != "==":
            problems.append(f"{first} is not pinned to one version")
        if not options or not all(HASH.match(o) for o in options):
            problems.append(f"{first} lacks --hash=sha256:… on every file")
        if len(set(options)) != len(options):
            problems.append(f"{first} repeats a hash")
    return problems


@pytest.mark.parametrize("lock", LOCKS)
def test_every_line_is_one_version_with_hashes(lock):
    text = (REPO / lock).read_text(encoding="utf-8")
    assert requirements(text), f"{lock} is empty"
    assert not lock_problems(text), f"{lock}: " + "; ".join(lock_problems(text))


def test_every_direct_pin_is_locked_at_its_version():
    locked = {canonicalize_name(Requirement(r).name): str(Requirement(r).specifier) for r, _ in requirements((REPO / "requirements.lock").read_text(encoding="utf-8"))}
    for first, _ in requirements((REPO / "requirements.in").read_text(encoding="utf-8")):
        requirement = Requirement(first)
        assert locked.get(canonicalize_name(requirement.name)) == str(requirement.specifier), f"requirements.in pins {first}; requirements.lock has {locked.get(canonicalize_name(requirement.name))}"


def test_no_package_is_in_both_locks():
    names = [{canonicalize_name(Requirement(r).name) for r, _ in requirements((REPO / lock).read_text(encoding="utf-8"))} for lock in LOCKS]
    assert not names[0] & names[1]


def test_the_makefile_installs_with_require_hashes():
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    installs = [line for line in makefile.splitlines() if "pip install" in line and re.search(r"-r requirements[-a-z]*\.lock", line)]
    assert len(installs) == 2 and all("--require-hashes" in line for line in installs), installs
    # the engine itself cannot be hashed: installed apart, never pulling a dependency unhashed
    assert any("--no-deps -e ." in line for line in makefile.splitlines())


@pytest.mark.parametrize(
    ("text", "ok"),
    [
        ("a==1.0 \\\n    --hash=sha256:" + "0" * 64 + " \\\n    --hash=sha256:" + "1" * 64 + "\n", True),
        ("a==1.0\n", False),
        ("a>=1.0 \\\n    --hash=sha256:" + "0" * 64 + "\n", False),
        ("a==1.0 \\\n    --hash=md5:" + "0" * 32 + "\n", False),
        ("a==1.0 --hash=sha256:" + "0" * 64 + " --hash=sha256:" + "0" * 64 + "\n", False),
    ],
)
def test_the_check_refuses_an_unhashed_or_loose_line(text, ok):
    assert (not lock_problems(text)) is ok, lock_problems(text)
