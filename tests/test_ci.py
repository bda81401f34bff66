"""The test set-up itself: no skip under CI=true, and system packages that are never silently missing."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

SKIPPING = '''
import pytest

def test_skipped():
    pytest.skip("no tool here")

@pytest.fixture
def tool():
    pytest.skip("no tool for the fixture")

def test_fixture_skipped(tool):
    pass

@pytest.mark.skipif(True, reason="marked")
def test_marked():
    pass

def test_passes():
    pass
'''


def run_pytest(tmp_path: Path, ci: str | None, test: str = SKIPPING) -> subprocess.CompletedProcess:
    (tmp_path / "test_skipping.py").write_text(test, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    env["PYTHONPATH"] = str(REPO)
    if ci is not None:
        env["CI"] = ci
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "tests.ci_no_skips", "-p", "no:cacheprovider", "-q", "-rA", str(tmp_path)],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120,
    )


def test_under_ci_every_skip_is_a_failure(tmp_path):
    result = run_pytest(tmp_path, "true")
    assert result.returncode != 0, result.stdout
    last = result.stdout.strip().splitlines()[-1]
    assert "skipped" not in last and "1 passed" in last, last
    assert "1 failed, 1 passed, 2 errors" in last, last  # a skip while setting up counts as an error
    for reason in ("no tool here", "no tool for the fixture", "marked"):
        assert f"where no test may be skipped: {reason}" in result.stdout, result.stdout
    # a whole module skipped at import (importorskip) stops the run
    result = run_pytest(tmp_path, "true", 'import pytest\npytest.importorskip("no_such_module_here")\n')
    assert result.returncode != 0 and "where no test may be skipped: could not import" in result.stdout, result.stdout


def test_outside_ci_a_skip_stays_a_skip(tmp_path):
    for ci in (None, "false"):
        result = run_pytest(tmp_path, ci)
        last = result.stdout.strip().splitlines()[-1]
        assert result.returncode == 0 and "1 passed, 3 skipped" in last, result.stdout


def shimmed(tmp_path: Path, **extra: str) -> dict[str, str]:
    """An environment where apt-get and sudo are stand-ins that record a call and fail: nothing is ever installed."""
    shims = tmp_path / "bin"
    shims.mkdir()
    for name, body in {"sudo": "exit 1", "apt-get": f"touch {tmp_path}/apt-get-called; exit 1", **extra}.items():
        (shims / name).write_text(f"#!/bin/sh\n{body}\n")
        (shims / name).chmod(0o755)
    return {**os.environ, "PATH": f"{shims}:{os.environ['PATH']}"}


def test_system_packages_missing_and_no_way_to_install_them_stops_with_the_command(tmp_path):
    # a user who is not root and has no password-less sudo
    env = {**shimmed(tmp_path, id="echo 1000"), "CHROMIUM": str(tmp_path / "no-chromium")}
    result = subprocess.run(["sh", str(REPO / "scripts/system-deps.sh")], env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert "sudo sh -c 'apt-get update && apt-get install -y --no-install-recommends chromium'" in result.stderr, result.stderr
    assert not (tmp_path / "apt-get-called").exists()


def test_system_packages_present_means_nothing_to_do(tmp_path):
    # `make test` ran the script before the tests: everything is there now, and it says nothing
    result = subprocess.run(["sh", str(REPO / "scripts/system-deps.sh")], env=shimmed(tmp_path), capture_output=True, text=True, timeout=60)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
    assert not (tmp_path / "apt-get-called").exists()
