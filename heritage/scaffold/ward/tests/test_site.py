"""The site's own tests (make test): its content passes the engine's checks and it builds.

The engine (heritage-site) has its own tests; these say that this site's data, pages and
settings work with the engine version pinned in requirements.lock.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONUTF8": "1"}


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, *args], cwd=ROOT, env=ENV, capture_output=True, text=True, timeout=600)


def test_the_content_passes_the_checks():
    result = _run("-m", "heritage", "check")
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_site_builds_in_both_languages(tmp_path):
    result = _run("-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site"))
    assert result.returncode == 0, result.stdout + result.stderr
    name = yaml.safe_load((ROOT / "data" / "site.yml").read_text(encoding="utf-8"))["site_name"]
    assert name["vi"] in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert name["en"] in (tmp_path / "site" / "en" / "index.html").read_text(encoding="utf-8")
    if (ROOT / "node_modules" / "decap-cms").is_dir():  # /admin/ needs Decap from npm (make edit, the deploy)
        assert (tmp_path / "site" / "admin" / "config.yml").is_file()


def test_the_web_editor_has_a_form_for_every_section():
    from heritage.content.loader import load_inventory
    from heritage.editor.page import config_yaml

    inventory = load_inventory(ROOT)
    config = yaml.safe_load(config_yaml(ROOT, inventory.settings, inventory.vocabulary))
    folders = {collection.get("folder", "") for collection in config["collections"]}
    for section in ("di-tich", "le-hoi", "lang-nghe", "nghe-nhan", "quan-ho", "san-pham"):
        assert f"data/{section}" in folders
