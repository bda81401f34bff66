"""Every file of a 100-entry site opens in the web editor and a save writes it back byte for
byte but for the edited line (issue 24: the editor survives a culture officer's real week).

Real Chromium, real Decap, the real local proxy (scripts/cms-guard.js in fs mode), on the sample
content plus 100 generated entries over every section (photos, opening hours, bilingual photo
credits, both YAML styles), 4 trails and 4 posts that name them (tests/bigsite.py). Each item is
opened by its address in one page; its name is changed and published (Decap publishes only a
form whose data differs from what it read): every file under data/ and docs/ is as it was but
for that name's line, and the file is put back. The name, not the summary: a summary PyYAML
folded over lines comes back on one line once edited (heritage-yaml.js writes an edited value
anew)."""

from __future__ import annotations

import difflib
import re
import time
from pathlib import Path

import pytest
from playwright.sync_api import expect
import yaml

from heritage.content.schema import SCHEMAS
from heritage.content.sources import _Loader
from tests.bigsite import generate
from tests.conftest import Project, cms_guard, serve
from tests.editor import open_afresh, signed_in



def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for top in ("data", "docs") for p in sorted((root / top).rglob("*")) if p.is_file()}


def _items(root: Path) -> list[tuple[str, str, Path, str, str]]:
    """(collection, slug, file, the field of its name, the name) of every entry,
    trail, post and the settings."""
    out = []
    for section in SCHEMAS:
        for path in sorted((root / "data" / section).glob("*.yml")):
            name = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)["name"]["vi"]
            out.append((section, path.stem, path.relative_to(root), "[data-field=name] [data-lang=vi]", name))
    for path in sorted((root / "data" / "trails").glob("*.yml")):
        name = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)["name"]["vi"]
        out.append(("hanh-trinh", path.stem, path.relative_to(root), "[data-field=name] [data-lang=vi]", name))
    for path in sorted((root / "docs" / "vi" / "chuyen-muc").glob("*.md")):
        if path.name != "index.md":
            title = yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])["title"]
            out.append(("chuyen-muc", path.stem, path.relative_to(root), "[id^=title-field]", title))
    name = yaml.load((root / "data" / "site.yml").read_text(encoding="utf-8"), Loader=_Loader)["site_name"]["vi"]
    out.append(("cai-dat", "site", Path("data/site.yml"), "[data-field=site_name] [data-lang=vi]", name))
    return out


def _only_the_name_changed(before: str, after: str, path: Path) -> None:
    """The save wrote the file back byte for byte but for the edited name's line (what saving an
    unchanged form would write, without a second save to undo the edit)."""
    old, new = before.splitlines(keepends=True), after.splitlines(keepends=True)
    lines = [i for i in range(max(len(old), len(new))) if i >= len(old) or i >= len(new) or old[i] != new[i]]
    diff = "".join(difflib.unified_diff(old, new, str(path), str(path)))
    assert len(old) == len(new) and len(lines) == 1, diff
    assert new[lines[0]].replace(" (sửa)", "", 1) == old[lines[0]], diff


def _persisted(response) -> bool:
    request = response.request
    return request.method == "POST" and '"persistEntry"' in (request.post_data or "")


def _publish(page, slug: str) -> None:
    """Publishes the form and returns once the proxy has answered the save."""
    with page.expect_response(_persisted) as saved:
        page.get_by_role("button", name="Công bố", exact=True).click()
        page.get_by_role("menuitem", name="Công bố ngay").click()
    assert saved.value.ok, (slug, saved.value.status, saved.value.text())
    # Decap has taken the save in: leaving the form now asks nothing
    page.get_by_text(re.compile("^không có thay đổi chưa lưu$", re.I)).first.wait_for()


@pytest.fixture(scope="module")
def big_editor(chromium, tmp_path_factory):
    """The generated site and its /admin/ with the local proxy; yields (page, root, url, editor)."""
    root = tmp_path_factory.mktemp("bigsite")
    generate(root, 100)
    (root / "node_modules").symlink_to(Path(__file__).resolve().parent.parent / "node_modules")
    site = tmp_path_factory.mktemp("bigsite-admin")
    with serve(site) as url, cms_guard(root, url.rstrip("/"), "fs") as proxy, pytest.MonkeyPatch.context() as patch, \
            signed_in(chromium, root, site, url, proxy, patch, timeout=30_000) as admin:
        yield admin.page, root, url, admin


def test_every_item_of_a_100_entry_site_opens_and_saves_byte_identical(big_editor):
    page, root, url, admin = big_editor
    project = Project(root)
    items = _items(root)
    assert len(items) >= 100 + 15 + 6 + 7 + 1
    before = _files(root)
    assert project.check().returncode == 0
    start = time.monotonic()
    for collection, slug, path, touch, name in items:
        field = open_afresh(page, url, collection, slug, touch)
        expect(field).to_have_value(name)  # this item's data, not the last one's
        value = field.input_value()
        field.fill(value + " (sửa)")  # Decap publishes only a form whose data differs from the file's
        _publish(page, slug)
        now = _files(root)
        changed = sorted(k for k in before.keys() | now.keys() if before.get(k) != now.get(k))
        assert changed == [path.as_posix()], (slug, changed)
        _only_the_name_changed(before[path.as_posix()].decode(), now[path.as_posix()].decode(), path)
        (root / path).write_bytes(before[path.as_posix()])  # as it was (Decap does not read it again)
    seconds = time.monotonic() - start
    print(f"\n{len(items)} items opened and saved in {seconds:.0f} s")
    assert admin.errors == [] and admin.outside == []
