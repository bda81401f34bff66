"""Offline at the relic and installing the site (heritage/outputs/webapp.py, overrides/sw.js):
manifests and icons in the build; in Chromium with no signal, the offline page in the
page's language, an entry opened from its QR code kept with its photos and audio guide, and
the caches bounded: oldest pages out first, what an entry asked to keep kept."""

from __future__ import annotations

import json
import os
import shutil

import pytest
from PIL import Image

from heritage.outputs import webapp

from .conftest import PHONE, serve
from .waiting import until


@pytest.mark.parametrize("prefix, lang, name", [("", "vi", "Di sản Tân An"), ("en/", "en", "Tân An Heritage")])
def test_a_manifest_per_language_makes_the_site_installable(sample_site, prefix, lang, name):
    site = sample_site.root / "site"
    manifest = json.loads((site / prefix / "manifest.webmanifest").read_text(encoding="utf-8"))
    assert manifest["name"] == name and manifest["lang"] == lang and manifest["start_url"] == "./"
    assert manifest["display"] == "standalone" and manifest["theme_color"] == "#8a1c1c"
    sizes = set()
    base_step = {"any": 0.78, "maskable": 0.71}  # the logo spans 80 % of an "any" icon, 60 % of a maskable one
    for icon in manifest["icons"]:
        image = Image.open(site / prefix / icon["src"])
        assert icon["sizes"] == f"{image.width}x{image.height}" and image.format == "PNG"
        sizes.add((icon["purpose"], image.width))
        rgb = image.convert("RGB")
        assert rgb.getpixel((2, 2)) == (0x8A, 0x1C, 0x1C)  # the theme colour behind
        assert rgb.getpixel((image.width // 2, round(image.height * base_step[icon["purpose"]]))) == (255, 255, 255)  # the logo's base step
    assert {(purpose, size) for purpose in ("any", "maskable") for size in (192, 512)} <= sizes
    page = sample_site.html(prefix + "di-tich/dinh-tan-an/")
    up = "../" * (3 if prefix else 2)  # from the page's folder to the site's root
    assert f'<link rel="manifest" href="{up}{prefix}manifest.webmanifest">' in page


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_the_browser_tab_shows_the_sites_logo(sample_site, prefix):
    """The favicon is drawn from the logo like the app icons, not the theme's default book."""
    site = sample_site.root / "site"
    page = sample_site.html(prefix + "di-tich/dinh-tan-an/")
    up = "../" * (3 if prefix else 2)
    link = f'<link rel="icon" type="image/png" sizes="48x48" href="{up}assets/heritage/favicon-48.png">'
    assert link in page
    image = Image.open(site / "assets/heritage/favicon-48.png")
    assert image.size == (48, 48) and image.format == "PNG"
    assert image.convert("RGB").getpixel((2, 2)) == (0x8A, 0x1C, 0x1C)
    assert (site / "assets/heritage/favicon-48.png").stat().st_size < 1024  # fetched by every first view


def test_the_service_worker_keeps_what_exists(sample_site):
    site = sample_site.root / "site"
    files = json.loads((site / "offline-files.json").read_text())
    assert files["offline"] == {"vi": "ngoai-tuyen/", "en": "en/ngoai-tuyen/"}
    for rel in files["precache"]:
        assert (site / rel).is_file() or (site / rel / "index.html").is_file(), rel
    offline = (site / "en/ngoai-tuyen/index.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in offline and "You are offline" in offline and 'name="robots" content="noindex"' in offline
    assert "<script>" not in offline  # its one script is a file: no inline script for the CSP


def _under_worker(context, url: str):
    """Opens `url` and waits until the service worker controls the page and kept its files."""
    page = context.new_page()
    page.goto(url)
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.reload()
    page.wait_for_load_state("networkidle")
    assert page.evaluate("!!navigator.serviceWorker.controller")
    return page


@pytest.mark.browser
@pytest.mark.parametrize("lang, title, saved", [("vi", "Bạn đang ngoại tuyến", "Đình Tân An"), ("en", "You are offline", "Tân An Communal House")])
def test_an_unvisited_page_offline_shows_the_offline_page_in_its_language(chromium, served_sample, lang, title, saved):
    context = chromium.new_context(**PHONE)
    prefix = "" if lang == "vi" else "en/"
    page = _under_worker(context, served_sample + prefix + "di-tich/dinh-tan-an/")
    context.set_offline(True)
    page.goto(served_sample + prefix + "lang-nghe/nghe-dan-tre/")  # never opened
    assert page.locator("h1").inner_text() == title
    assert page.evaluate("document.documentElement.lang") == lang
    kept = page.locator("#hx-saved a", has_text=saved)
    kept.wait_for()
    assert kept.get_attribute("href").endswith(prefix + "di-tich/dinh-tan-an/")
    assert kept.inner_text() == saved  # the page's own title, without the site's name
    assert not page.locator("#hx-saved a", has_text="Bạn đang ngoại tuyến").count()
    kept.click()  # and the kept page opens, with no signal
    assert page.locator("h1").inner_text() == saved
    context.set_offline(False)
    context.close()


@pytest.mark.browser
def test_a_qr_visit_keeps_the_entry_its_photos_and_audio_guide(chromium, served_sample):
    context = chromium.new_context(**PHONE, locale="vi-VN")
    page = context.new_page()
    page.goto(served_sample + "q/dinh-tan-an/")  # the plaque's code forwards to the entry
    page.wait_for_url("**/di-tich/dinh-tan-an/#tai-cho")
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.goto(served_sample + "q/dinh-tan-an/")  # under the worker now: landing and entry kept
    page.wait_for_url("**/di-tich/dinh-tan-an/#tai-cho")
    page.wait_for_load_state("networkidle")
    audio = page.locator("audio source").get_attribute("src")
    photos = page.locator(".hx-hero img, .hx-gallery img").evaluate_all("els => els.map(e => e.currentSrc || e.src)")
    # The worker fetches what the page asked it to keep, after the page has loaded.
    kept = {page.locator("audio source").evaluate("el => el.src"), *photos}
    _until(lambda: kept <= set(_cache_keys(page, "kept")))
    context.set_offline(True)
    page.goto(served_sample + "q/dinh-tan-an/")
    page.wait_for_url("**/di-tich/dinh-tan-an/#tai-cho")
    assert page.locator("h1").inner_text() == "Đình Tân An"
    statuses = page.evaluate(
        """([audio, photos]) => Promise.all([
            fetch(audio).then(r => r.status),
            fetch(audio, {headers: {Range: "bytes=0-99"}}).then(r => r.status + ":" + r.headers.get("Content-Range").split("/")[0]),
            ...photos.map(p => fetch(p).then(r => r.status)),
        ])""",
        [audio, photos],
    )
    assert statuses[0] == 200 and statuses[1] == "206:bytes 0-99"
    assert len(photos) >= 2 and all(s == 200 for s in statuses[2:])  # lazy gallery photos too
    context.set_offline(False)
    context.close()


def _cache_keys(page, kind: str) -> list[str]:
    """The addresses in the worker's cache of that kind (pages, kept…), in their order."""
    return page.evaluate(
        """kind => caches.keys().then(names => {
            const name = names.find(n => n.includes("-" + kind + "-"));
            return name ? caches.open(name).then(c => c.keys()).then(keys => keys.map(k => k.url)) : [];
        })""",
        kind,
    )


def _until(check, timeout: float = 10.0):
    """Polls `check` until it returns something true (the worker writes after responding)."""
    return until(check, "the service worker's cache", timeout)


def _site_with_limits(sample_site, tmp_path, **limits):
    """The sample site with smaller cache limits, so a test need not open 60 pages."""
    site = tmp_path / "site"
    shutil.copytree(sample_site.root / "site", site, copy_function=os.link)  # links: cheap, same files
    files = json.loads((site / "offline-files.json").read_text())
    assert files["limits"] == webapp.CACHE_LIMITS
    (site / "offline-files.json").unlink()  # a new file, not the linked one of the shared build
    (site / "offline-files.json").write_text(json.dumps({**files, "limits": {**files["limits"], **limits}}))
    return site


@pytest.mark.browser
def test_the_caches_keep_the_newest_pages_and_what_an_entry_asked_to_keep(chromium, sample_site, tmp_path):
    site = _site_with_limits(sample_site, tmp_path, pages=4)
    browsed = ["di-tich/", "le-hoi/", "lang-nghe/", "chuyen-muc/", "le-hoi/hoi-lim/", "di-tich/chua-tan-an/", "lich-le-hoi/", "hanh-trinh/"]
    with serve(site) as base:
        context = chromium.new_context(**PHONE, locale="vi-VN")
        page = context.new_page()
        # A cache of an older worker, and one that is not ours, made before the worker comes.
        page.goto(base + "offline-files.json")
        page.evaluate("Promise.all(['di-san-tan-an-v1', 'another-app'].map(n => caches.open(n).then(c => c.put('old', new Response('old')))))")
        page.goto(base + "q/dinh-tan-an/")
        page.wait_for_url("**/di-tich/dinh-tan-an/#tai-cho")
        page.evaluate("navigator.serviceWorker.ready.then(() => true)")
        page.goto(base + "q/dinh-tan-an/")  # under the worker: the entry asks to keep its files
        page.wait_for_url("**/di-tich/dinh-tan-an/#tai-cho")
        page.wait_for_load_state("networkidle")
        audio = page.locator("audio source").evaluate("el => el.src")
        _until(lambda: audio in _cache_keys(page, "kept"))
        for path in browsed[:6]:
            page.goto(base + path)
        page.goto(base + browsed[0])  # opened again: it moves to the end
        for path in browsed[6:]:
            page.goto(base + path)
        newest = [base + p for p in (browsed[5], browsed[0], browsed[6], browsed[7])]
        _until(lambda: _cache_keys(page, "pages") == newest)  # the 4 most recent, oldest first
        names = page.evaluate("caches.keys()")
        assert "di-san-tan-an-v1" not in names and "another-app" in names
        ours = [n for n in names if n.startswith("di-san-tan-an-")]
        assert ours and all(n.endswith("-v2") for n in ours), names
        kept = _cache_keys(page, "kept")
        for href in (base + "di-tich/dinh-tan-an/", base + "q/dinh-tan-an/", audio):
            assert href in kept  # through two other entries and eight pages
        context.set_offline(True)
        page.goto(base + "lang-nghe/nghe-dan-tre/")  # never opened
        assert page.locator("h1").inner_text() == "Bạn đang ngoại tuyến"
        page.goto(base + browsed[1])  # opened, then pushed out by newer pages
        assert page.locator("h1").inner_text() == "Bạn đang ngoại tuyến"
        page.goto(base + browsed[7])
        assert page.locator("h1").inner_text() != "Bạn đang ngoại tuyến"
        page.goto(base + "q/dinh-tan-an/")  # the plaque, at the relic, with no signal
        page.wait_for_url("**/di-tich/dinh-tan-an/#tai-cho")
        assert page.locator("h1").inner_text() == "Đình Tân An"
        ranged = page.evaluate(
            """audio => fetch(audio, {headers: {Range: "bytes=0-99"}}).then(r => r.status + ":" + r.headers.get("Content-Range").split("/")[0])""",
            audio,
        )
        assert ranged == "206:bytes 0-99"
        page.evaluate('() => { const player = document.querySelector(".hx-guide audio"); player.muted = true; return player.play().then(() => true); }')
        # played from the cache: its clock moves (or it fails, and the assert says how)
        page.wait_for_function('() => { const player = document.querySelector(".hx-guide audio"); return player.currentTime > 0 || player.error !== null; }')
        played = page.evaluate('() => { const player = document.querySelector(".hx-guide audio"); return [player.currentTime, player.error && player.error.code]; }')
        assert played[0] > 0 and played[1] is None, played
        context.set_offline(False)
        context.close()


@pytest.mark.browser
def test_what_older_entries_asked_to_keep_goes_whole_oldest_first(chromium, sample_site, tmp_path):
    site = _site_with_limits(sample_site, tmp_path, kept_pages=2)
    with serve(site) as base:
        context = chromium.new_context(**PHONE, locale="vi-VN")
        page = _under_worker(context, base + "di-tich/dinh-tan-an/")
        audio = page.locator("audio source").evaluate("el => el.src")
        photos = page.locator(".hx-hero img, .hx-gallery img").evaluate_all("els => els.map(e => e.currentSrc || e.src)")
        _until(lambda: audio in _cache_keys(page, "kept"))
        for entry in ("le-hoi/hoi-lim/", "di-tich/chua-tan-an/"):
            page.goto(base + entry)
            page.wait_for_load_state("networkidle")
        kept = _until(lambda: (keys := _cache_keys(page, "kept")) and audio not in keys and keys)
        assert base + "di-tich/chua-tan-an/" in kept and base + "le-hoi/hoi-lim/" in kept  # the two entries opened last
        assert not {base + "di-tich/dinh-tan-an/", audio, *photos} & set(kept)  # the oldest, all of it
        context.close()
