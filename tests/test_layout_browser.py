"""Every built page, both languages, on the narrowest phones (320 and 360 px) in Chromium
(issue 25): nothing scrolls sideways, and every link and button a thumb has to hit is at
least 44 × 44 px, except links in running text.

"Running text" (WCAG 2.5.8's inline exception): a link whose nearest block of text (p, li,
dd, dt, td, th, figcaption, blockquote, caption) also holds words of its own: letters or
digits left once the text of every link and button in that block is taken out. A link in
"Read the history of the communal house" is in running text; "OpenStreetMap · Google Maps"
is a row of targets (only "·" is left), so each must be 44 px.

One browser, one context, one tab reused for every page, each page loaded once and measured
at every width: the run is timed, and the time printed (pytest -s)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

WIDTHS = (320, 360)
WIDE = (768, 1024)  # tablets and small laptops: cards in two or three columns
# The web editor (/admin/) is Decap CMS's own application, not a page of the site.
NOT_PAGES = ("admin/",)

CHECK = r"""
() => {
  const BLOCKS = "p, li, dd, dt, td, th, figcaption, blockquote, caption";
  const TARGETS = "a[href], button, input:not([type=hidden]), select, textarea, summary, label[for], [role=button], [tabindex='0']";
  const words = /[\p{L}\p{N}]/u;
  function inRunningText(el) {
    if (el.tagName !== "A") return false;
    const block = el.parentElement && el.parentElement.closest(BLOCKS);
    if (!block) return false;
    const copy = block.cloneNode(true);
    copy.querySelectorAll("a, button, .hx-visually-hidden, [aria-hidden=true]").forEach((x) => x.remove());
    // the nested lists of a list item are other blocks, not this one's words
    copy.querySelectorAll("ul, ol, dl, p").forEach((x) => x.remove());
    return words.test(copy.textContent);
  }
  // A card's title link covers the whole card with its ::after (position: absolute;
  // inset: 0): the card is what a thumb hits.
  function stretched(el) {
    const after = getComputedStyle(el, "::after");
    if (after.content === "none" || after.position !== "absolute") return null;
    let up = el.parentElement;
    while (up && getComputedStyle(up).position === "static") up = up.parentElement;
    return up;
  }
  // A label stands for a control that is not shown (Material's menu and search toggles).
  function isTarget(el) {
    if (el.tagName !== "LABEL") return true;
    const control = document.getElementById(el.htmlFor);
    return !control || !control.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true });
  }
  function box(el) {
    el = stretched(el) || el;
    let r = el.getBoundingClientRect();
    let [l, t, rr, b] = [r.left, r.top, r.right, r.bottom];
    for (const c of el.querySelectorAll("*")) {
      const q = c.getBoundingClientRect();
      if (q.width && q.height) { l = Math.min(l, q.left); t = Math.min(t, q.top); rr = Math.max(rr, q.right); b = Math.max(b, q.bottom); }
    }
    return { w: rr - l, h: b - t, l, rr };
  }
  const small = [];
  const vw = document.documentElement.clientWidth;
  for (const el of document.querySelectorAll(TARGETS)) {
    if (!isTarget(el) || !el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
    if (el.closest("[hidden], .hx-visually-hidden, .md-skip, .leaflet-control-attribution")) continue;
    const b = box(el);
    if (b.w <= 1 || b.h <= 1 || b.rr <= 0 || b.l >= vw) continue;  // off-canvas drawers, screen-reader text
    if (b.w >= 43.5 && b.h >= 43.5) continue;
    if (inRunningText(el)) continue;
    const label = (el.getAttribute("aria-label") || el.textContent || el.value || el.className || "").trim().replace(/\s+/g, " ").slice(0, 40);
    const where = el.className ? "." + String(el.className).split(" ")[0] : " in ." + String((el.parentElement.closest("[class]") || {}).className || "").split(" ")[0];
    small.push(`${el.tagName.toLowerCase()}${where} "${label}" ${Math.round(b.w)}x${Math.round(b.h)}`);
  }
  // Words of card and post titles broken across two lines ("neighbourho / od").
  const broken = [];
  for (const title of document.querySelectorAll(".hx-card a, .hx-post a, .hx-festival-card a")) {
    const walker = document.createTreeWalker(title, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const m of node.data.matchAll(/[\p{L}\p{N}'’-]+/gu)) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        if (tops.size > 1) broken.push(m[0]);
      }
    }
  }
  const over = document.documentElement.scrollWidth - vw;
  let widest = "";
  if (over > 0) {
    for (const el of document.body.querySelectorAll("*")) {
      const r = el.getBoundingClientRect();
      if (r.right > vw + 1 && el.checkVisibility()) { widest = `${el.tagName.toLowerCase()}.${String(el.className).split(" ")[0]} ${Math.round(r.width)}px`; break; }
    }
  }
  return { over, widest, small, broken };
}
"""


def pages(site: Path) -> list[str]:
    out = []
    for html in sorted(site.rglob("*.html")):
        rel = html.relative_to(site).as_posix()
        if rel.startswith(NOT_PAGES):
            continue
        out.append(rel.removesuffix("index.html"))
    return out


@pytest.mark.browser
def test_no_sideways_scroll_and_44px_targets_on_every_page(chromium, sample_site, served_sample):
    started = time.monotonic()
    site = sample_site.root / "site"
    addresses = pages(site)
    assert len(addresses) > 80 and "en/" in addresses and "" in addresses  # both languages, every page
    context = chromium.new_context(viewport={"width": WIDTHS[0], "height": 700}, is_mobile=True, has_touch=True, device_scale_factor=1)
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(served_sample) else route.abort())
    page = context.new_page()
    problems: list[str] = []
    # Each page is loaded once, at the narrowest width, then shown at each wider one, as a phone
    # turned or a window widened shows it: half the loads of one load per width (issue 28).
    for path in addresses:
        page.set_viewport_size({"width": WIDTHS[0], "height": 700})
        page.goto(served_sample + path, wait_until="load")
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 700})
            found = page.evaluate(CHECK)
            if found["over"] > 0:
                problems.append(f"{width}px /{path}: scrolls sideways by {found['over']} px ({found['widest']})")
            problems += [f"{width}px /{path}: {t}" for t in found["small"]]
            problems += [f"{width}px /{path}: the word {w!r} broken across lines" for w in found["broken"]]
        # Narrow columns of cards on wider screens too, where the word breaks were seen:
        # home and section pages, the card lists.
        if path.count("/") <= 2:
            for width in WIDE:
                page.set_viewport_size({"width": width, "height": 900})
                problems += [f"{width}px /{path}: the word {w!r} broken across lines" for w in page.evaluate(CHECK)["broken"]]
    context.close()
    elapsed = time.monotonic() - started
    print(f"\nlayout: {len(addresses)} pages x {len(WIDTHS)} widths, and the card lists at {WIDE}, in {elapsed:.1f} s")
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems)
