"""Screenshots of every page type, both languages, phone and desktop, for reviewers.

    .venv/bin/python scripts/screenshots.py [--site site] [--out screenshots] [--full]

Serves a built site (`make build` first, or `make screenshots`, which builds) on loopback,
opens each page type in Debian's Chromium (Playwright) at 360×780 and 1366×768, and writes
one PNG per page, language and size: `<out>/<size>/<lang>-<page type>.png`. By default
the whole page is captured; the first screen is the top 780 or 768 pixels of it. The
pull-request workflow uploads the folder as an artifact, so a reviewer sees the pages
without building them.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from scripts.serve_gzip import serve  # noqa: E402

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
SIZES = {"phone": {"width": 360, "height": 780}, "desktop": {"width": 1366, "height": 768}}
# Page type → path under a language's root; a type whose page the site lacks is skipped.
PAGES = {
    "home": "",
    "catalogue": "di-tich/",
    "entry": "di-tich/dinh-tan-an/",
    "festival": "le-hoi/hoi-lim/",
    "artisan": "nghe-nhan/nguyen-thi-minh-hoa/",
    "column": "chuyen-muc/",
    "post": "chuyen-muc/ra-mat-chuyen-muc-so-di-san-tan-an/",
    "calendar": "lich-le-hoi/",
    "map": "ban-do/",
    "trail": "hanh-trinh/vong-dinh-chua-den/",
    "open-data": "du-lieu/",
    "search": "tim-kiem/?q=%C4%91%C3%ACnh",
    "about": "gioi-thieu/",
    "plan": "gioi-thieu/ke-hoach/",
    "trip": "ke-hoach-tham-quan/",
    "events": "su-kien/",
    "event": "su-kien/le-ram-mung-mot-chua-tan-an/",
    "product": "san-pham/banh-da-tan-an/",
    "craft": "lang-nghe/nghe-dan-tre/",
    "media-bank": "kho-anh/",
}
ROOT_PAGES = {"404": "404.html", "qr-landing": "q/dinh-tan-an/?lang=vi"}


def shots(site: Path) -> list[tuple[str, str, str]]:
    """(file stem, URL path, language) of every page to capture that the site has."""
    out = []
    for lang, prefix in (("vi", ""), ("en", "en/")):
        for name, path in PAGES.items():
            if (site / prefix / path.split("?")[0] / "index.html").is_file():
                out.append((f"{lang}-{name}", prefix + path, lang))
    for name, path in ROOT_PAGES.items():
        target = site / path.split("?")[0]
        if target.is_file() or (target / "index.html").is_file():
            out.append((name, path, "vi"))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--out", type=Path, default=ROOT / "screenshots")
    parser.add_argument("--first-screen", action="store_true", help="only the first screen, not the whole page")
    parser.add_argument("--only", default="", help="comma-separated page types (home,entry…)")
    args = parser.parse_args()
    if not (args.site / "index.html").is_file():
        print(f"No built site in {args.site}: run `make build` first.", file=sys.stderr)
        return 1
    from playwright.sync_api import sync_playwright

    wanted = {w for w in args.only.split(",") if w}
    base, server = serve(args.site)
    written = 0
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu", "--no-first-run"])
            for size, viewport in SIZES.items():
                phone = size == "phone"
                for stem, path, lang in shots(args.site):
                    if wanted and stem.split("-", 1)[-1] not in wanted and stem not in wanted:
                        continue
                    context = browser.new_context(viewport=viewport, is_mobile=phone, has_touch=phone, device_scale_factor=1, locale="vi-VN" if lang == "vi" else "en-GB")
                    page = context.new_page()
                    page.goto(base + path, wait_until="networkidle")
                    if not args.first_screen:  # lazy photos load as a reader scrolls: scroll like one
                        page.evaluate("async () => { for (let y = 0; y < document.body.scrollHeight; y += innerHeight / 2) { scrollTo(0, y); await new Promise(r => setTimeout(r, 60)); } scrollTo(0, 0); await new Promise(r => setTimeout(r, 600)); }")
                        page.wait_for_load_state("networkidle")
                    page.evaluate("document.fonts.ready")
                    target = args.out / size / f"{stem}.png"
                    target.parent.mkdir(parents=True, exist_ok=True)
                    page.screenshot(path=str(target), full_page=not args.first_screen)
                    context.close()
                    written += 1
            browser.close()
    finally:
        server.shutdown()
    print(f"{written} screenshots in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
