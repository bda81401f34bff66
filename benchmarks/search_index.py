"""Search index size (a script, not a test): the sample site and 1,000 generated entries.

    .venv/bin/python benchmarks/search_index.py
"""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from benchmarks.generate import generate  # noqa: E402


def sizes(site: Path) -> list[str]:
    out = []
    for lang in ("vi", "en"):
        raw = (site / "search" / f"{lang}.json").read_bytes()
        out.append(f"{lang}: {len(raw) / 1024:.0f} KB raw, {len(gzip.compress(raw, 6)) / 1024:.1f} KB gzip")
    return out


def main() -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "HERITAGE_TODAY": "2026-11-27"}
    with tempfile.TemporaryDirectory() as tmp:
        for n in (0, 1000):
            root = generate(Path(tmp) / f"n{n}", n)
            subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q"], cwd=root, env=env, check=True)
            label = "sample site (15 entries)" if n == 0 else f"sample + {n} generated entries"
            print(f"{label}: " + "; ".join(sizes(root / "site")))


if __name__ == "__main__":
    main()
