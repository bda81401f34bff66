"""heritage's own templates under MiniJinja (Zensical's engine; minijinja on PyPI is its Python
binding): a real build of the repository's content in which every fragment is rendered by
both engines (tests/minijinja_render.py). Their outputs must mean the same, once parsed as a
browser would (MiniJinja escapes '/' as &#x2f; in text, Jinja2 does not: the same to a browser).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

from scripts.golden import normalise_html

from .conftest import REPO, SAMPLE_URL

# Fragments a build of the repository's content renders: each must be seen, so that a template
# that stopped being rendered cannot pass unnoticed.
EXPECTED = {
    "about.html", "catalogue.html", "column_index.html", "entry_foot.html", "entry_head.html", "event_foot.html",
    "event_head.html", "events_index.html", "festivals.html", "footer.html", "home.html", "home_head.html", "media_bank.html",
    "open_data.html", "places.html", "post_foot.html", "post_head.html", "practical.html", "search.html",
    "trail_foot.html", "trail_head.html", "trails_index.html",
}


def _meaning(fragment: str) -> str:
    return normalise_html(f"<body>{fragment}</body>")


def test_heritage_templates_render_the_same_under_minijinja(tmp_path):
    root = tmp_path / "site-src"
    root.mkdir()
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    for folder in ("hooks", "overrides", "data", "docs"):
        shutil.copytree(REPO / folder, root / folder)
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(REPO), "PYTHONUTF8": "1", "NO_MKDOCS_2_WARNING": "1", "HERITAGE_TODAY": "2026-11-27", "SITE_URL": SAMPLE_URL}
    out = tmp_path / "records"
    result = subprocess.run([sys.executable, "-m", "tests.minijinja_render", str(out)], cwd=root, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    records = [json.loads(line) for path in sorted(out.glob("*.jsonl")) for line in path.read_text(encoding="utf-8").splitlines()]
    seen = {r["template"] for r in records}
    assert EXPECTED <= seen, f"fragments no longer rendered: {sorted(EXPECTED - seen)}"
    problems = []
    for r in records:
        if r["result"] == "error":
            problems.append(f"{r['template']} ({r['lang']}): MiniJinja fails: {r['error']}")
        elif r["result"] == "different" and _meaning(r["jinja"]) != _meaning(r["minijinja"]):
            problems.append(f"{r['template']} ({r['lang']}): MiniJinja's output means something else")
    assert not problems, "\n".join(sorted(set(problems)))
