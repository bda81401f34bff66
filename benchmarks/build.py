"""Build benchmark at province scale (a script, not a test): `make bench`.

    .venv/bin/python benchmarks/build.py [SIZES…]     (default: 100 1000 5000)

For each size: generate that many entries (Vietnamese text, one photo each, drawn from
200 distinct photos), then measure in one run, one after the other on this machine:
  - the full build, cold (empty .cache/) and warm (images cached), as `make build` runs
    it (the languages in two processes), and warm with HERITAGE_SERIAL_BUILD=1 (one
    process, one language after the other, as static-i18n alone would);
  - plain Material on the same Markdown (no hooks, no overrides; static-i18n builds the
    languages one after the other), so the hooks' overhead is a ratio measured in the
    same run;
  - Hugo on the same Markdown with a minimal template, when `hugo` is installed;
  - the live preview's refresh (`mkdocs serve --dirty`, as `make edit` runs it): from saving a
    new name of one entry to its page (both languages) and the search indexes showing it;
and prints build time, time per page, peak memory, site size, the size of one entry
page and of the search index. Warm, one-process and plain builds run REPEATS times in
turn, each into an empty output folder (as a deploy from a clean clone does), and Hugo
REPEATS times; the table gives the medians.
"""

from __future__ import annotations

import gzip
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from benchmarks.generate import generate  # noqa: E402
from benchmarks.preview import refresh  # noqa: E402

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "HERITAGE_TODAY": "2026-11-27", "SITE_URL": "https://heritage.example.org/"}


def run(args: list[str], cwd: Path, **env: str) -> tuple[float, int]:
    """Wall time (s) and peak memory (MB, the largest process: Linux reports the maximum) of one command."""
    start = time.perf_counter()
    process = subprocess.Popen(args, cwd=cwd, env={**ENV, **env}, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"failed: {' '.join(args)}\n{process.stderr.read().decode()[-2000:]}")
    return elapsed, usage.ru_maxrss // 1024


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def plain_config(root: Path) -> Path:
    """mkdocs.yml without the project's hooks, overrides, CSS and scripts: plain Material."""
    text = (root / "mkdocs.yml").read_text(encoding="utf-8")
    text = re.sub(r"\nhooks:\n(  - .*\n)+", "\n", text)
    text = re.sub(r"\nextra_(css|javascript):\n(  - .*\n)+", "\n", text)
    text = text.replace("  custom_dir: overrides\n", "").replace("      slugify: !!python/name:heritage.text.slugify\n", "")
    target = root / "mkdocs-plain.yml"
    target.write_text(text, encoding="utf-8")
    return target


def hugo_site(root: Path, out: Path) -> Path:
    """The same Markdown as a two-language Hugo site with a minimal template."""
    site = root / "hugo"
    for lang in ("vi", "en"):
        shutil.copytree(root / "docs" / lang, site / "content" / lang)
        for index in (site / "content" / lang).rglob("index.md"):
            index.rename(index.with_name("_index.md"))
    (site / "layouts" / "_default").mkdir(parents=True)
    page = "<!doctype html><html lang=\"{{ .Language.Lang }}\"><head><title>{{ .Title }}</title></head><body><nav>{{ range .Site.Menus.main }}<a href=\"{{ .URL }}\">{{ .Name }}</a>{{ end }}</nav><main>{{ .Content }}</main>{{ range .Translations }}<a href=\"{{ .RelPermalink }}\">{{ .Language.Lang }}</a>{{ end }}</body></html>"
    (site / "layouts" / "_default" / "single.html").write_text(page)
    (site / "layouts" / "_default" / "list.html").write_text(page.replace("{{ .Content }}", "{{ .Content }}{{ range .Pages }}<a href=\"{{ .RelPermalink }}\">{{ .Title }}</a>{{ end }}"))
    (site / "hugo.toml").write_text(
        'baseURL = "https://heritage.example.org/"\ndefaultContentLanguage = "vi"\n[languages.vi]\ncontentDir = "content/vi"\nweight = 1\n'
        '[languages.en]\ncontentDir = "content/en"\nweight = 2\n[markup.goldmark.renderer]\nunsafe = true\n'
    )
    return site


REPEATS = 3  # warm, one-process and plain builds: the median of this many, taken in turn


def fresh(*folders: Path) -> None:
    """Every timed build writes into an empty folder, as a deploy from a clean clone does."""
    for folder in folders:
        shutil.rmtree(folder, ignore_errors=True)


def measure(n: int, tmp: Path) -> dict:
    root = generate(tmp / f"n{n}", n, images_per_entry=1)
    pages = sum(1 for _ in (root / "docs").rglob("*.md"))
    result: dict = {"n": n, "pages": pages}
    site, plain_site = root / "site", root / "site-plain"
    shutil.rmtree(root / ".cache", ignore_errors=True)
    build = [sys.executable, "-m", "mkdocs", "build", "-q"]
    result["cold"], result["cold_mb"] = run(build, root)
    plain = plain_config(root)
    times: dict[str, list[float]] = {"warm": [], "serial": [], "plain": []}
    memory: dict[str, int] = {}
    # In turn (warm, one process, plain, warm, …) so that a slow minute of a noisy machine
    # weighs on every kind of build alike.
    for _ in range(REPEATS):
        for kind, args, env in (
            ("warm", build, {}),
            ("serial", build, {"HERITAGE_SERIAL_BUILD": "1"}),
            ("plain", [*build, "-f", str(plain), "-d", str(plain_site)], {}),
        ):
            fresh(site, plain_site)
            seconds, mb = run(args, root, **env)
            times[kind].append(seconds)
            memory[kind] = max(memory.get(kind, 0), mb)
    for kind, values in times.items():
        result[kind] = statistics.median(values)
        result[f"{kind}_all"] = values
    result["warm_mb"], result["plain_mb"] = memory["warm"], memory["plain"]
    fresh(site)
    run(build, root)  # the site measured below is the real build's
    result["site_mb"] = folder_size(site) / 1e6
    entry = site / "di-tich" / "muc-00000" / "index.html"
    result["entry_kb"] = entry.stat().st_size / 1024
    result["entry_gz_kb"] = len(gzip.compress(entry.read_bytes())) / 1024
    index = (site / "search" / "vi.json").read_bytes()
    result["index_gz_kb"] = len(gzip.compress(index)) / 1024
    run([*build, "-f", str(plain), "-d", str(plain_site)], root)
    result["plain_entry_kb"] = (plain_site / "di-tich" / "muc-00000" / "index.html").stat().st_size / 1024
    if shutil.which("hugo"):
        hugo = hugo_site(root, root / "site-hugo")
        result["hugo"] = statistics.median(run(["hugo", "--quiet", "-d", str(root / "site-hugo")], hugo)[0] for _ in range(REPEATS))
    result["preview"], result["preview_all"], result["preview_load"] = refresh(root, ENV)
    shutil.rmtree(root)
    return result


def main(sizes: list[int]) -> None:
    print(f"load averages: {os.getloadavg()}")
    print(f"machine: {os.cpu_count()} cores, {os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30:.0f} GiB, Python {sys.version.split()[0]}")
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            r = measure(n, Path(tmp))
            rows.append(r)
            print(r, flush=True)
    print()
    print("| entries | pages | cold build | warm build | per page (warm) | warm, one process | plain Material | warm / plain | one process / plain | Hugo | warm / Hugo | peak memory | site | one entry page (gzip) | plain entry page | search index vi (gzip) | preview refresh |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        hugo = f"{r['hugo']:.1f} s" if "hugo" in r else "—"
        ratio = f"{r['warm'] / r['hugo']:.1f}×" if "hugo" in r else "—"
        print(
            f"| {r['n']:,} | {r['pages']:,} | {r['cold']:.1f} s | {r['warm']:.1f} s | {1000 * r['warm'] / r['pages']:.1f} ms | {r['serial']:.1f} s | {r['plain']:.1f} s | "
            f"{r['warm'] / r['plain']:.2f} | {r['serial'] / r['plain']:.2f} | {hugo} | {ratio} | {max(r['cold_mb'], r['warm_mb'])} MB | {r['site_mb']:.0f} MB | "
            f"{r['entry_kb']:.0f} KB ({r['entry_gz_kb']:.0f} KB) | {r['plain_entry_kb']:.0f} KB | {r['index_gz_kb']:.0f} KB | {r['preview']:.1f} s |"
        )


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [100, 1000, 5000])
