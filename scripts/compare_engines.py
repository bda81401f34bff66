"""What another engine's build of the site changes, against the MkDocs build: page lists of both
languages, other published files, hreflang pairs, language-switch targets, the sitemap's URL set
and the normalised HTML of every page both builds have (scripts/golden.py, the same normaliser
as tests/test_golden.py; no fixed page list, so the repository's changing content is compared
whatever its entries are). A Markdown report for the weekly job's summary
(.github/workflows/engines-weekly.yml):

    python scripts/compare_engines.py --reference /tmp/site-mkdocs \
        --other ProperDocs=/tmp/site-properdocs --other Zensical=/tmp/site-zensical \
        --site-url https://heritage.example.org/ --summary "$GITHUB_STEP_SUMMARY"

Exit status 1 when an engine's build differs or is missing: the job shows it, and blocks nothing.
"""

from __future__ import annotations

import argparse
import difflib
import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a script: the repository's root on the path, for `scripts.golden`
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scripts import golden  # noqa: E402

LISTS = {
    "urls.txt": "Pages (both languages)",
    "files.txt": "Other published files",
    "hreflang.txt": "hreflang pairs",
    "switch.txt": "Language-switch targets",
    "sitemap.txt": "Sitemap URLs",
}
MAX_LINES = 40  # of a list or a page's diff, in the summary
MAX_PAGES = 20  # pages whose diff the summary shows; the others are only counted


def _fence(text: str) -> str:
    """A code fence longer than any run of backticks in the text (a page may quote some)."""
    return "`" * max(3, _longest_backticks(text) + 1)


def _longest_backticks(text: str) -> int:
    best = run = 0
    for char in text:
        run = run + 1 if char == "`" else 0
        best = max(best, run)
    return best


def _clip(lines: list[str]) -> list[str]:
    return lines if len(lines) <= MAX_LINES else [*lines[:MAX_LINES], f"… {len(lines) - MAX_LINES} more"]


def _block(lines: list[str], lang: str = "") -> list[str]:
    text = "\n".join(_clip(lines))
    fence = _fence(text)
    return [f"{fence}{lang}", text, fence]


def compare(reference: dict[str, str], other: dict[str, str], reference_site: Path, other_site: Path) -> tuple[list[str], int]:
    """The report's lines for one engine, and how many lists and pages differ."""
    out: list[str] = []
    differing = 0
    for name, title in LISTS.items():
        ours, theirs = set(reference[name].splitlines()), set(other[name].splitlines())
        missing, extra = sorted(ours - theirs), sorted(theirs - ours)
        if not missing and not extra:
            out.append(f"- {title}: same ({len(ours)})")
            continue
        differing += 1
        out.append(f"- {title}: **{len(missing)} missing, {len(extra)} extra** (of {len(ours)})")
        if missing:
            out += ["", "  <details><summary>missing</summary>", "", *_block(missing), "", "  </details>", ""]
        if extra:
            out += ["", "  <details><summary>extra</summary>", "", *_block(extra), "", "  </details>", ""]
    both = [url for url in reference["urls.txt"].splitlines() if golden.site_file(other_site, url).is_file()]
    changed = [(url, ours, theirs) for url in both if (ours := golden.page(reference_site, url)) != (theirs := golden.page(other_site, url))]
    differing += len(changed)
    out.append(f"- Normalised HTML of the pages both builds have: {len(both) - len(changed)} of {len(both)} the same")
    for url, ours, theirs in changed[:MAX_PAGES]:
        diff = list(difflib.unified_diff(ours.splitlines(), theirs.splitlines(), "mkdocs", "other", n=1, lineterm=""))
        out += ["", f"  <details><summary><code>{url}</code> differs ({len(diff)} diff lines)</summary>", "", *_block(diff, "diff"), "", "  </details>", ""]
    if len(changed) > MAX_PAGES:
        out.append(f"- … and {len(changed) - MAX_PAGES} more pages differ")
    return out, differing


def report(reference_site: Path, others: dict[str, Path], site_url: str) -> tuple[str, bool]:
    """The whole Markdown report, and whether every engine's build matched."""
    reference = golden.lists(reference_site, site_url)
    lines = ["## Other engines against MkDocs", ""]
    all_same = True
    for label, site in others.items():
        lines.append(f"### {label}")
        if not (site / "index.html").is_file():
            lines += ["", f"**No build** (no `index.html` in `{site}`): the engine failed or could not build this site.", ""]
            all_same = False
            continue
        body, differing = compare(reference, golden.lists(site, site_url), reference_site, site)
        lines += ["", "Same as MkDocs." if not differing else f"{differing} lists and pages differ.", "", *body, ""]
        all_same = all_same and not differing
    return "\n".join(lines) + "\n", all_same


def _engine(value: str) -> tuple[str, Path]:
    label, sep, path = value.partition("=")
    if not sep or not label:
        raise argparse.ArgumentTypeError(f"expected NAME=FOLDER, got {value!r}")
    return label, Path(path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reference", type=Path, required=True, help="the MkDocs build")
    parser.add_argument("--other", type=_engine, action="append", default=[], help="NAME=FOLDER of another engine's build")
    parser.add_argument("--site-url", default="", help="the site_url both were built with")
    parser.add_argument("--summary", type=Path, help="append the report here (the job summary)")
    args = parser.parse_args(argv)
    text, all_same = report(args.reference, dict(args.other), args.site_url)
    sys.stdout.write(text)
    if args.summary:
        with args.summary.open("a", encoding="utf-8") as file:
            file.write(text)
    return 0 if all_same else 1


if __name__ == "__main__":
    sys.exit(main())
