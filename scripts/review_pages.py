"""A pull request's review: what the change reaches, and before/after screenshots of those pages.

    .venv/bin/python scripts/review_pages.py changes [--base origin/main] [--pages pages.txt] [--github-output FILE]
    .venv/bin/python scripts/review_pages.py shots --before site-before --after site --pages pages.txt [--out review]

`changes` lists the files the branch changed since it left BASE (`git diff --name-only
BASE...HEAD`), prints in Markdown (for the job summary) whether the engine changed and which
pages the change reaches (heritage/review/affected.py), writes those pages to --pages, and
`engine=true|false` to --github-output (the workflow runs the engine's tests only when true).

`shots` opens each page in the site before and after the change (phone 360 px and desktop
1366 px, each page's language), and writes one PNG per page and size with both side by side:
`<out>/<size>/<page>.png`. It prints a Markdown table saying, for each page, whether it
changed, appeared or disappeared, so the reviewer opens only what moved.
"""

from __future__ import annotations

import argparse
import asyncio
import subprocess
import sys
from io import BytesIO
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from heritage.media.artwork import font  # noqa: E402
from heritage.review.affected import affected  # noqa: E402
from scripts.screenshots import CHROMIUM, SIZES  # noqa: E402
from scripts.serve_gzip import serve  # noqa: E402

MAX_HEIGHT = 6000  # a very long page is cut there: the change a reviewer looks for is rarely lower
GAP = 24


def changed_files(base: str) -> list[str]:
    """Files changed on this branch since it left `base`, deleted and renamed ones included."""
    out = subprocess.run(["git", "diff", "--name-only", "--no-renames", "-z", f"{base}...HEAD"], cwd=ROOT, check=True, capture_output=True)
    return [name for name in out.stdout.decode("utf-8", "replace").split("\0") if name]


def changes(args: argparse.Namespace) -> int:
    files = changed_files(args.base)
    result = affected(ROOT, files)
    pages = result.sorted_pages()
    if args.pages:
        # each page as its path from the site's root: the home page is "/", never an empty line
        Path(args.pages).write_text("".join(f"/{p}\n" for p in pages), encoding="utf-8")
    if args.github_output:
        with open(args.github_output, "a", encoding="utf-8") as out:
            out.write(f"engine={'true' if result.engine else 'false'}\npages={len(pages)}\n")
    print("## Thay đổi chạm tới / What the change reaches\n")
    if result.engine:
        shown = ", ".join(f"`{name}`" for name in result.engine[:10]) + (" …" if len(result.engine) > 10 else "")
        print(f"Có {len(result.engine)} tệp ngoài `data/` và `docs/` (mã, giao diện, cấu hình): chạy toàn bộ kiểm thử. / "
              f"{len(result.engine)} file(s) outside `data/` and `docs/` (code, theme, settings): the whole test suite runs. {shown}\n")
    else:
        print("Chỉ có nội dung (`data/`, `docs/`): bỏ qua kiểm thử của phần mềm. / Content only (`data/`, `docs/`): the engine's tests are skipped.\n")
    print(f"{len(pages)} trang / page(s):\n")
    for page in pages:
        print(f"- `/{page}`")
    return 0


async def _capture(browser, base: str | None, path: str, size: str) -> Image.Image | None:
    """The page as a phone or desktop shows it, or None when the site has no such page."""
    if base is None:
        return None
    viewport = SIZES[size]
    phone = size == "phone"
    lang = "en-GB" if path.startswith("en/") else "vi-VN"
    context = await browser.new_context(viewport=viewport, is_mobile=phone, has_touch=phone, device_scale_factor=1, locale=lang,
                                        bypass_csp=True)  # Playwright's waits evaluate script text, which the policy refuses
    try:
        page = await context.new_page()
        response = await page.goto(base + path, wait_until="networkidle")
        if response is None or response.status >= 400:
            return None
        # lazy photos load as a reader scrolls: scroll like one, then wait for every image
        await page.evaluate("async () => { for (let y = 0; y < document.body.scrollHeight; y += innerHeight) { scrollTo(0, y); await new Promise(requestAnimationFrame); } scrollTo(0, 0); }")
        await page.wait_for_function("[...document.images].every(i => i.complete)")
        # back at the top, the header swaps the page's title for the site's name with a transition:
        # two shots of one page differ unless it has ended
        await page.wait_for_function("scrollY === 0 && document.getAnimations().every(a => a.playState !== 'running')")
        await page.evaluate("document.fonts.ready")
        # Transitions fast-forwarded to their end, and a page taken only once two shots in a row
        # agree (as Playwright's own screenshot assertion waits): a tab still fading in on a busy
        # runner must not show as a change.
        shot = await page.screenshot(full_page=True, animations="disabled")
        for _ in range(4):
            again = await page.screenshot(full_page=True, animations="disabled")
            if again == shot:
                break
            shot = again
        return Image.open(BytesIO(shot)).convert("RGB")
    finally:
        await context.close()


NOISE = 32  # of 255: two renderings of one icon differ by up to about 20 at its anti-aliased edges; a changed letter by 100s


def _difference(before: Image.Image, after: Image.Image) -> tuple[int, int, int, int] | None:
    """The box of the pixels that differ by more than anti-aliasing does, or None."""
    return ImageChops.difference(before, after).point(lambda v: 255 if v > NOISE else 0).getbbox()


def _changed_box(before: Image.Image | None, after: Image.Image | None) -> tuple[int, int, int, int] | None:
    """Where the two shots differ (over their common size), or None."""
    if before is None or after is None:
        return None
    width, height = min(before.width, after.width), min(before.height, after.height)
    box = _difference(before.crop((0, 0, width, height)), after.crop((0, 0, width, height)))
    if box is None and before.size != after.size:  # the same top, one page longer: the change is at the end
        box = (0, height - 1, width, height)
    return box


def _side_by_side(before: Image.Image | None, after: Image.Image | None) -> Image.Image:
    """Before on the left, after on the right, each under its label; a missing side is grey.

    A long page is shown from a little above its first change, for at most MAX_HEIGHT pixels,
    and the changed area is framed in red on both sides: the reviewer's eye goes straight to it."""
    width = max(im.width for im in (before, after) if im is not None)
    full = max(im.height for im in (before, after) if im is not None)
    box = _changed_box(before, after)
    top = max(0, min(box[1] - 200, full - MAX_HEIGHT)) if box else 0
    height = min(MAX_HEIGHT, full - top)
    sheet = Image.new("RGB", (2 * width + GAP, height + 40), "white")
    draw = ImageDraw.Draw(sheet)
    for n, (label, im) in enumerate((("Trước / Before", before), ("Sau / After", after))):
        x = n * (width + GAP)
        draw.text((x + 8, 10), label + (f" (từ / from y = {top} px)" if top else ""), fill="black", font=font(16, "Regular"))
        if im is None:
            draw.rectangle((x, 40, x + width, 40 + height), fill="#dddddd")
            draw.text((x + 8, 60), "(không có trang / no page)", fill="black", font=font(16, "Regular"))
            continue
        sheet.paste(im.crop((0, top, im.width, min(im.height, top + height))), (x, 40))
        if box:
            left, upper, right, lower = box
            draw.rectangle((x + left - 2, 40 + upper - top - 2, x + right + 1, 40 + min(lower - top, height) + 1), outline="#d00000", width=3)
    return sheet


def verdict(before: Image.Image | None, after: Image.Image | None) -> str:
    if before is None and after is None:
        return "không có / missing"
    if before is None:
        return "trang mới / new page"
    if after is None:
        return "đã bỏ / removed"
    if before.size == after.size and _difference(before, after) is None:
        return "không đổi / unchanged"
    return CHANGED


CHANGED = "đã đổi / changed"


CONCURRENT = 4  # pages open at once: most of a capture is waiting (network idle, fonts), not drawing


def read_pages(path: Path) -> list[str]:
    """The pages file of `changes`: one path from the site's root a line ("/" is the home page)."""
    return [line.strip().lstrip("/") for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


async def _shoot(browser, sites: dict, path: str, out: Path, limit: asyncio.Semaphore) -> list[str]:
    """Both sizes of one page, before and after: the side-by-side PNGs and what each shows."""
    stem = path.strip("/").replace("/", "_") or "home"
    said = []
    for size in SIZES:
        async with limit:
            before, after = await asyncio.gather(_capture(browser, sites["before"], path, size), _capture(browser, sites["after"], path, size))
            if verdict(before, after) == CHANGED:
                # A second look before saying so: on a loaded runner one of two identical pages
                # was once drawn differently (CI, the home page on a phone). A change the
                # branch made is still there the second time; a drawing accident is not.
                before, after = await asyncio.gather(_capture(browser, sites["before"], path, size), _capture(browser, sites["after"], path, size))
        said.append(verdict(before, after))
        if before is None and after is None:
            continue
        target = out / size / f"{stem}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        _side_by_side(before, after).save(target)
    return said


async def _shoot_all(sites: dict, pages: list[str], out: Path) -> list[list[str]]:
    from playwright.async_api import async_playwright

    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu", "--no-first-run"])
        limit = asyncio.Semaphore(CONCURRENT // 2)  # each holder opens the page before and after at once
        said = await asyncio.gather(*(_shoot(browser, sites, path, out, limit) for path in pages))
        await browser.close()
    return said


def shots(args: argparse.Namespace) -> int:
    pages = read_pages(Path(args.pages))
    sites = {}
    servers = []
    for name in ("before", "after"):
        folder = Path(getattr(args, name))
        if (folder / "index.html").is_file():
            base, server = serve(folder)
            sites[name], servers = base, [*servers, server]
        else:
            sites[name] = None
    try:
        rows = list(zip(pages, asyncio.run(_shoot_all(sites, pages, Path(args.out)))))
    finally:
        for server in servers:
            server.shutdown()
    print("## Ảnh chụp trước / sau — Screenshots before / after\n")
    print("| trang / page | " + " | ".join(SIZES) + " |")
    print("|---|" + "---|" * len(SIZES))
    for path, said in rows:
        print(f"| `/{path}` | " + " | ".join(said) + " |")
    print("\nTải ảnh trong mục Artifacts của lần chạy này (`review`). / The images are in this run's artifacts (`review`): `{phone,desktop}/<page>.png`.")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    one = sub.add_parser("changes")
    one.add_argument("--base", default="origin/main")
    one.add_argument("--pages")
    one.add_argument("--github-output")
    two = sub.add_parser("shots")
    two.add_argument("--before", required=True)
    two.add_argument("--after", required=True)
    two.add_argument("--pages", required=True)
    two.add_argument("--out", default="review")
    args = parser.parse_args()
    return changes(args) if args.command == "changes" else shots(args)


if __name__ == "__main__":
    sys.exit(main())
