"""The engine as a package (issue 29): it builds as a wheel carrying its theme, editor, templates
and hooks, installs into a clean virtual environment, and from there makes and builds a new
ward's site outside this repository.

The clean environment gets the wheel itself with pip (no index); of this run's installed packages
it sees only the closure of the engine's declared dependencies (pyproject.toml): their files,
listed by importlib.metadata, are linked into a folder a .pth line adds to the path (no network,
and seconds instead of minutes). A package the engine uses but does not declare (brotli, once) is
absent there, as on an officer's fresh machine. The venv's own site-packages comes first, so
`heritage` is the installed wheel's.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import time
import zipfile
from importlib import metadata
from pathlib import Path

import pytest

from heritage.scaffold import lock

from .conftest import REPO, TODAY

SOURCES = ("heritage", "overrides", "admin", "templates", "hooks", "scripts", "pyproject.toml", "setup.py", "MANIFEST.in", "LICENSE", "CHANGELOG.md", "README.md")


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "GITHUB_ACTIONS", "VIRTUAL_ENV")}
    return {**env, "NO_MKDOCS_2_WARNING": "1", "PYTHONUTF8": "1", "HERITAGE_TODAY": TODAY, "PIP_DISABLE_PIP_VERSION_CHECK": "1", **extra}


def _ok(args: list[str], cwd: Path, **extra: str) -> subprocess.CompletedProcess:
    result = subprocess.run(args, cwd=cwd, env=_env(**extra), capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, f"{args}\n{result.stdout}\n{result.stderr}"
    return result


def _declared_only(folder: Path) -> set[str]:
    """Links to the files of the engine's declared dependencies and theirs (as installed here),
    laid out as in site-packages; returns the distributions' names."""
    shared = Path(sysconfig.get_paths()["purelib"]).resolve()
    closure = lock.closure(lock.engine_requirements())
    for dist in closure.values():
        assert dist.files is not None, f"{dist.metadata['Name']} lists no files"
        for file in dist.files:
            source = Path(dist.locate_file(file)).resolve()
            if not source.is_relative_to(shared) or not source.is_file():
                continue  # its console scripts (bin/), or a file RECORD lists but the install left out
            target = folder / source.relative_to(shared)
            target.parent.mkdir(parents=True, exist_ok=True)
            if not target.exists():
                target.symlink_to(source)
    return set(closure)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """The wheel, built from a copy of the sources (the build writes build/ and egg-info beside them)."""
    source = tmp_path_factory.mktemp("src")
    for name in SOURCES:
        path = REPO / name
        if path.is_dir():
            shutil.copytree(path, source / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy(path, source / name)
    dist = tmp_path_factory.mktemp("dist")
    _ok([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(dist), str(source)], cwd=source)
    (built,) = dist.glob("heritage_site-*.whl")
    return built


def test_the_wheel_carries_the_engines_files(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for folder, sample in (("overrides", "main.html"), ("overrides", "assets/heritage/heritage.css"), ("admin", "heritage-cms.js"),
                           ("templates", "di-tich.yml"), ("hooks", "heritage_hooks.py"), ("scripts", "cms-guard.js")):
        assert f"heritage/_engine/{folder}/{sample}" in names
    assert "heritage/pages/templates/home.html" in names and "heritage/scaffold/ward/mkdocs.yml.j2" in names
    assert "heritage/scaffold/ward/.github/workflows/deploy.yml" in names
    meta = zipfile.ZipFile(wheel).read(next(n for n in names if n.endswith(".dist-info/METADATA"))).decode("utf-8")
    assert "Name: heritage-site" in meta and "License-File: LICENSE" in meta
    assert "Tân An" not in meta.split("\n\n", 1)[0]  # the headers (the long description is this repository's README)


def test_a_clean_venv_installs_the_wheel_and_builds_a_new_ward_outside_the_repository(wheel, tmp_path):
    started = time.monotonic()
    venv = tmp_path / "venv"
    _ok([sys.executable, "-m", "venv", "--without-pip", str(venv)], cwd=tmp_path)
    python = str(venv / "bin" / "python")
    _ok([sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "--no-index", "--quiet", str(wheel)], cwd=tmp_path)
    site_packages = Path(_ok([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], cwd=tmp_path).stdout.strip())
    declared = tmp_path / "declared"
    names = _declared_only(declared)
    assert "brotli" in names and "pytest" not in names and "hypothesis" not in names
    (site_packages / "zz-declared-dependencies.pth").write_text(f"{declared}\n", encoding="utf-8")
    _ok([python, "-c", "import brotli, mkdocs, material, mkdocs_static_i18n, reportlab"], cwd=tmp_path)
    assert "No module named" in subprocess.run([python, "-c", "import hypothesis"], capture_output=True, text=True, env=_env()).stderr
    where = _ok([python, "-c", "import heritage; print(heritage.__file__)"], cwd=tmp_path).stdout.strip()
    assert Path(where).is_relative_to(venv), where  # the wheel's engine, not this checkout

    _ok([python, "-m", "heritage", "init", "ward", "--name-vi", "Đông Xuyên", "--name-en", "Dong Xuyen", "--province-vi", "Hà Giang",
         "--province-en", "Ha Giang", "--lat", "22.82", "--lon", "104.98", "--primary", "#205e3b", "--accent", "#7a4a00"], cwd=tmp_path)
    ward = tmp_path / "ward"
    assert not (ward / "overrides").exists() and not (ward / "admin").exists()  # all of it comes from the package
    checked = _ok([python, "-m", "heritage", "check"], cwd=ward)
    assert "Bộ máy / Engine: heritage-site 0.1.0\n" in checked.stderr  # the installed wheel's version, said by make check
    _ok([python, "-m", "mkdocs", "build", "--strict"], cwd=ward)
    home = (ward / "site" / "index.html").read_text(encoding="utf-8")
    assert "Di sản Đông Xuyên" in home and "assets/heritage/heritage.css" in home
    assert (ward / "site" / "assets" / "heritage" / "heritage.css").is_file()
    assert (ward / "site" / "sw.js").is_file() and (ward / "site" / "404.html").is_file()  # the engine's overrides/, as static templates
    ward_lock = (ward / "requirements.lock").read_text(encoding="utf-8").splitlines()
    assert "heritage-site==0.1.0" in ward_lock and "brotli==" + metadata.version("brotli") in ward_lock
    assert "pytest>=8" in ward_lock  # not installed in this venv: the ward's make test still gets it
    elapsed = time.monotonic() - started
    assert elapsed < 90, f"{elapsed:.0f} s"
