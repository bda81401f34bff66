"""Performance, accessibility, best-practice and SEO budgets, measured by Lighthouse 12 in Chromium.

    .venv/bin/python scripts/budgets.py [--runs 3] [--site site]

Builds the site (unless --site is given), serves it on loopback with gzip as GitHub
Pages does, and runs Lighthouse in mobile mode on each page type in both languages.
Budgets: performance ≥ 98 wanted (median of the runs); the script fails only below 90
so that machine noise cannot block a merge; accessibility, best practices and SEO 100;
first view ≤ 150 KB transferred, images below the fold excluded; no request to any
host but the site. Prints a table; exits 1 when a budget is missed.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from scripts.serve_gzip import serve  # noqa: E402

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
PAGES = {
    "home": "",
    "catalogue": "di-tich/",
    "entry (gallery, video, audio)": "di-tich/dinh-tan-an/",
    "festival": "le-hoi/hoi-lim/",
    "column": "chuyen-muc/",
    "post": "chuyen-muc/ra-mat-chuyen-muc-so-di-san-tan-an/",
    "calendar": "lich-le-hoi/",
    "map": "ban-do/",
    "trail (map, stops, audio)": "hanh-trinh/vong-dinh-chua-den/",
    "trail, English": "en/hanh-trinh/vong-dinh-chua-den/",
    "open data": "du-lieu/",
    "search": "tim-kiem/",
    "about": "gioi-thieu/",
}
# Not meant for search engines (noindex by design), so SEO does not apply to them.
UNINDEXED = {"QR landing": "q/dinh-tan-an/?lang=vi", "404": "404.html"}
PERF_WANTED, PERF_FLOOR, KB_BUDGET = 98, 90, 150


def lighthouse(url: str, out: Path) -> dict:
    flags = "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking --disable-component-update --no-first-run"
    subprocess.run(
        [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={out}", f"--chrome-flags={flags}",
         "--only-categories=performance,accessibility,best-practices,seo", "--max-wait-for-load=30000"],
        check=True, env={**os.environ, "CHROME_PATH": CHROMIUM}, timeout=240,
    )
    return json.loads(out.read_text())


def first_view(report: dict, base: str) -> tuple[int, list[str]]:
    """Bytes transferred for the first view (images below the fold excluded) and foreign hosts."""
    requests = report["audits"]["network-requests"]["details"]["items"]
    offscreen = {i["url"] for i in (report["audits"].get("offscreen-images", {}).get("details") or {}).get("items", [])}
    host = urlsplit(base).netloc
    foreign = sorted({urlsplit(r["url"]).netloc for r in requests if r["url"].startswith("http") and urlsplit(r["url"]).netloc != host})
    total = sum(r.get("transferSize", 0) for r in requests if r["url"] not in offscreen)
    return total, foreign


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--site", help="an already built site folder")
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        print("Lighthouse is missing: run `npm ci` (make test does).", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(args.site) if args.site else Path(tmp) / "site"
        if not args.site:
            env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
            subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)], cwd=ROOT, env=env, check=True)
        base, server = serve(site)
        rows, failed = [], []
        pages = [(f"{name}", path, True) for name, path in PAGES.items()] + [(name, path, False) for name, path in UNINDEXED.items()]
        for lang in ("vi", "en"):
            for name, path, indexed in pages:
                if lang == "en" and path in ("404.html",):
                    continue
                url = base + ("" if lang == "vi" or path.startswith("q/") else "en/") + path
                if lang == "en" and path.startswith("q/"):
                    url = url.replace("lang=vi", "lang=en")
                reports = [lighthouse(url, Path(tmp) / f"r{len(rows)}-{run}.json") for run in range(args.runs)]
                scores = {k: [round(r["categories"][k]["score"] * 100) for r in reports] for k in ("performance", "accessibility", "best-practices", "seo")}
                perf = statistics.median(scores["performance"])
                a11y, practices, seo = (min(scores[k]) for k in ("accessibility", "best-practices", "seo"))
                size, foreign = first_view(reports[0], base)
                kb = size / 1024
                problems = []
                if perf < PERF_FLOOR:
                    problems.append(f"performance {perf} < {PERF_FLOOR}")
                if a11y < 100:
                    problems.append(f"accessibility {a11y}")
                if practices < 100:
                    problems.append(f"best practices {practices}")
                if indexed and seo < 100:
                    problems.append(f"SEO {seo}")
                if kb > KB_BUDGET:
                    problems.append(f"{kb:.0f} KB > {KB_BUDGET} KB")
                if foreign:
                    problems.append("requests to " + ", ".join(foreign))
                note = "" if perf >= PERF_WANTED else f" (below the {PERF_WANTED} wanted)"
                rows.append((lang, name, f"{perf:g}{note}", a11y, practices, seo if indexed else "n/a", f"{kb:.0f}", "; ".join(problems) or "ok"))
                if problems:
                    failed.append((lang, name, problems, [a["id"] for r in reports[:1] for c in ("accessibility", "best-practices", "seo") for a in (r["audits"][x["id"]] for x in r["categories"][c]["auditRefs"]) if a.get("score") is not None and a["score"] < 1 and a.get("scoreDisplayMode") == "binary"]))
                print(" | ".join(str(c) for c in rows[-1]), flush=True)
        server.shutdown()
    print()
    header = ("lang", "page", f"perf (median of {args.runs})", "a11y", "best pr.", "SEO", "first view KB", "budget")
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    for row in [header, tuple("-" * w for w in widths), *rows]:
        print("  ".join(str(c).ljust(w) for c, w in zip(row, widths)))
    for lang, name, problems, audits in failed:
        print(f"FAILED {lang} {name}: {'; '.join(problems)}; failing audits: {', '.join(audits) or '-'}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
