"""/admin/ itself: its page, its Content-Security-Policy and headers, Decap's bundle and our
scripts, copied into the built site."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import yaml

from heritage.content.inventory import Inventory
from heritage.content.settings import Settings
from heritage.content.vocabulary import Vocabulary
from heritage.content.loader import cached_inventory
from heritage.clock import today
from heritage.editor.collections import IDS_FILE, config, known_ids
from heritage.editor.desk import DESK_FILE, desk
from heritage.engine_files import engine_dir
from heritage.sections import LANGUAGES
from heritage.urls import ADMIN

GITHUB_API = "https://api.github.com"
PROXY_ENV = "HERITAGE_CMS_PROXY"  # set by `make edit`: the local proxy's address, e.g. http://127.0.0.1:8081/api/v1
DECAP_DIST = Path("node_modules") / "decap-cms" / "dist"
# npm `yaml` v2 (package.json's alias `yaml-2`: Decap itself needs the hoisted yaml@1), whose
# browser build heritage-yaml.js uses to save a file without rewriting it whole: /admin/yaml/
YAML_DIST = Path("node_modules") / "yaml-2" / "browser" / "dist"
# npm heic2any (MIT): iPhones' HEIC photos made JPEG in the browser; hx-upload.js loads it from
# /admin/heic2any/ only when a HEIC is picked (1.3 MB, so never with the page)
HEIC_DIST = Path("node_modules") / "heic2any"
ASSETS = engine_dir("admin")  # heritage-cms.js, hx-*.js, preview.css: the installed engine's, or this repository's admin/

def policy(proxy: str | None = None) -> str:
    """/admin/'s own Content-Security-Policy: the site itself and GitHub's API (plus the local
    proxy on loopback under `make edit`). Decap sets styles inline; photos it shows before
    saving are blob: URLs. 'unsafe-eval': Decap validates its configuration with ajv, which
    compiles schemas with `new Function` (decaporg/decap-cms#2138, open); scripts still come
    only from this site, and no visitor's page carries this policy."""
    # blob: the photos an editor picks are read back from blob: URLs before they are saved
    connect = " ".join(filter(None, ["'self'", "blob:", GITHUB_API, _origin(proxy) if proxy else ""]))
    return "; ".join(
        [
            "default-src 'self'",
            "script-src 'self' 'unsafe-eval'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "media-src 'self' blob:",
            "font-src 'self'",
            f"connect-src {connect}",
            "frame-src 'self' blob:",
            "worker-src 'self' blob:",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
        ]
    )


def _origin(url: str) -> str:
    scheme, _, rest = url.partition("://")
    return f"{scheme}://{rest.split('/', 1)[0]}"


INDEX = """<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{csp}">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="same-origin">
<meta name="viewport" content="width=device-width, initial-scale=1">
{no_reload}
<link rel="icon" href="data:,">
<title>Biên tập nội dung / Content editor</title>
<link rel="stylesheet" href="decap/cms.css">
<link rel="stylesheet" href="admin.css">
<script src="manual-init.js"></script>
<script src="decap/decap-cms.js"></script>
<script src="hx-config.js"></script>
<script src="hx-locale.js"></script>
<script src="hx-date.js"></script>
<script src="hx-days.js"></script>
<script src="hx-fields.js"></script>
<script src="hx-save.js"></script>
<script src="hx-bilingual.js"></script>
<script src="hx-upload.js"></script>
<script src="hx-media.js"></script>
<script src="hx-thumbs.js"></script>
<script src="hx-check.js"></script>
<script src="hx-github-check.js"></script>
<script src="hx-desk.js"></script>
<script src="hx-paths.js"></script>
<script src="hx-storage.js"></script>
<script src="hx-preview.js"></script>
<script src="heritage-cms.js"></script>
</head>
<body>
<noscript>Trình biên tập cần JavaScript. / The editor needs JavaScript.</noscript>
</body>
</html>
"""

# `mkdocs serve` (make edit) adds its reload script to every page it sends: on this page the
# policy blocked it (a console error on each load), and a reload would lose the form anyway. The
# preview's hook (hooks/heritage_hooks.py on_serve) adds nothing to a page carrying this line.
# The icon: none, said in the page (the browser asked /favicon.ico and logged its 404).
NO_RELOAD = '<meta name="heritage-reload" content="off">'

# Never inside another site's frame (a page could lay itself over the form and steer the
# officer's clicks): both headers, for browsers that know only one. GitHub Pages sends no
# _headers, and a meta policy cannot forbid framing: heritage-cms.js refuses to start there.
HEADERS_BLOCK = (
    "/{admin}/*\n  ! Content-Security-Policy\n  Content-Security-Policy: {csp}; frame-ancestors 'none'\n"
    "  X-Frame-Options: DENY\n  X-Robots-Tag: noindex\n"
)


def decap_dist(root: Path) -> Path | None:
    """Decap's bundle as npm installed it, or None (the site then builds without /admin/)."""
    path = root / DECAP_DIST
    return path if (path / "decap-cms.js").is_file() else None


def write_admin(root: Path, site_root: Path, settings: Settings, vocabulary: Vocabulary, inventory: Inventory | None = None) -> Path | None:
    """site/admin/: the page, its generated config.yml, our scripts, Decap's bundle and the
    browser build of `yaml`. Returns None when node_modules lacks them (`npm ci` was not run): the site is whole
    without it (the README says so; CI and the deploy run `npm ci`)."""
    dist = decap_dist(root)
    yaml_dist = root / YAML_DIST
    if dist is None or not (yaml_dist / "index.js").is_file():
        return None
    proxy = os.environ.get(PROXY_ENV) or None
    folder = site_root / ADMIN
    (folder / "decap").mkdir(parents=True, exist_ok=True)
    for file in dist.iterdir():
        if "decap-cms." in file.name or file.suffix == ".wasm" or file.name == "cms.css":
            if not file.name.endswith(".map"):
                _link_or_copy(file, folder / "decap" / file.name)
    shutil.copytree(yaml_dist, folder / "yaml", dirs_exist_ok=True)
    shutil.copyfile(yaml_dist.parents[1] / "LICENSE", folder / "yaml" / "LICENSE")
    _copy_heic(root, folder)
    for file in ASSETS.iterdir():
        if file.suffix in (".js", ".css"):
            shutil.copyfile(file, folder / file.name)
    (folder / "config.yml").write_text(config_yaml(root, settings, vocabulary, proxy, inventory=inventory), encoding="utf-8")
    # /admin/?lang=en: the same form with Decap's interface in English
    (folder / ENGLISH_CONFIG).write_text(config_yaml(root, settings, vocabulary, proxy, locale="en", inventory=inventory), encoding="utf-8")
    (folder / "index.html").write_text(INDEX.format(csp=policy(proxy), no_reload=NO_RELOAD), encoding="utf-8")
    inventory = inventory or cached_inventory(root)
    ids = known_ids(root, inventory)
    (folder / IDS_FILE).write_text(json.dumps(ids, ensure_ascii=False, sort_keys=True), encoding="utf-8")
    # the "Translations and column" desk (hx-desk.js): what the browser cannot hash nor read from git
    (folder / DESK_FILE).write_text(json.dumps(desk(root, inventory, settings, today()), ensure_ascii=False), encoding="utf-8")
    return folder


ENGLISH_CONFIG = "config-en.yml"


def config_yaml(root: Path, settings: Settings, vocabulary: Vocabulary, proxy: str | None = None, locale: str = LANGUAGES[0], inventory: Inventory | None = None) -> str:
    head = "# Tạo tự động từ heritage/content/schema.py và data/vocabulary.yml: đừng sửa tay.\n# Generated from the schema and the vocabulary (heritage/editor/): do not edit.\n"
    data = {**config(root, settings, vocabulary, proxy, inventory), "locale": locale}
    return head + yaml.dump(data, Dumper=_DUMPER, allow_unicode=True, sort_keys=False, width=1000)


# libyaml's emitter writes the same text as PyYAML's own, about seven times faster (2 s of each live
# preview refresh at 1,000 entries: the trail stops list every entry with a place).
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def append_headers(site_root: Path) -> None:
    """/admin/ gets its own policy in _headers (Cloudflare Pages' `!` detaches the site's)."""
    headers = site_root / "_headers"
    if (site_root / ADMIN).is_dir() and headers.is_file():
        with headers.open("a", encoding="utf-8") as handle:
            handle.write(HEADERS_BLOCK.format(admin=ADMIN, csp=policy(os.environ.get(PROXY_ENV) or None)))


def _copy_heic(root: Path, folder: Path) -> None:
    """/admin/heic2any/: the converter and its licence. Without it (an old `npm ci`) a HEIC is
    refused in the editor with a sentence, never uploaded with its GPS."""
    heic = root / HEIC_DIST
    if (heic / "dist" / "heic2any.min.js").is_file():
        (folder / "heic2any").mkdir(exist_ok=True)
        _link_or_copy(heic / "dist" / "heic2any.min.js", folder / "heic2any" / "heic2any.min.js")
        shutil.copyfile(heic / "LICENSE.md", folder / "heic2any" / "LICENSE.md")


def _link_or_copy(source: Path, target: Path) -> None:
    """A hard link is instant and costs no space (5 MB a build); a copy where links fail."""
    if target.exists():
        target.unlink()
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)
