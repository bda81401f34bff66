"""The web editor's two colour fields (data/site.yml `colors:`, issue 29), in real Chromium against
Decap's local proxy: a colour typed in the settings form is saved as `make check` wants it, and a
value that is no colour code is refused in the check's words before anything is saved."""

from __future__ import annotations

import pytest
import yaml

from tests.test_cms_forms_browser import _check, _open, _publish, _wait_change, sample_editor  # noqa: F401 (a fixture)

pytestmark = pytest.mark.browser


def _colour_box(page, name: str):
    return page.locator(f"input[id^={name}-field]").first


def test_a_colour_typed_in_the_settings_form_is_saved_and_passes_the_check(sample_editor):
    page, project, url, errors = sample_editor
    _open(page, url, "collections/cai-dat/entries/site", "[data-field=site_name] [data-lang=vi]")
    assert page.get_by_text("Màu của trang / The site's colours", exact=False).count() >= 1
    assert page.get_by_text("Màu chính (đầu trang, liên kết, biển QR, biểu đồ) / Primary colour", exact=False).count() == 1
    box = _colour_box(page, "primary")
    box.fill("#1f4e8c")
    target = project.root / "data" / "site.yml"
    before = target.read_text(encoding="utf-8")
    _publish(page)
    saved = yaml.safe_load(_wait_change(target, before))
    assert saved["colors"]["primary"] == "#1f4e8c"
    assert saved["colors"].get("accent") in (None, "#7a5200")  # an untouched colour is left out, never ""
    _check(project)
    assert not errors, errors


def test_no_colour_code_is_refused_in_the_checks_words(sample_editor):
    page, project, url, _ = sample_editor
    _open(page, url, "collections/cai-dat/entries/site", "[data-field=site_name] [data-lang=vi]")
    target = project.root / "data" / "site.yml"
    before = target.read_text(encoding="utf-8")
    _colour_box(page, "accent").fill("vàng")
    _publish(page)
    page.get_by_text("Không phải mã màu", exact=False).first.wait_for()
    assert page.get_by_text("Not a colour code", exact=False).count() >= 1
    assert target.read_text(encoding="utf-8") == before
