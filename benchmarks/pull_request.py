"""How long an officer's content-only pull request waits for its checks (a script, not a test).

    .venv/bin/python benchmarks/pull_request.py [--keep DIR]

Runs the `run:` steps of .github/workflows/pull-request.yml, as they are written, in a fresh
clone of this repository on a branch that changes one sample entry's name (what a save in the
web editor commits), with the GITHUB_* variables a runner sets, and prints each step's time
and the total. A step's `if:` is evaluated on the outputs of the steps before it, so a
content-only change skips the engine's tests as it does on GitHub.

Not measured here, said in the output: the runner's own start and `actions/checkout`, the
`apt-get` steps (this machine has the packages; a runner downloads them), the artifacts'
upload. `.cache/` is built once before the clock starts, as the workflow restores it with
`actions/cache` from the last run on main.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOW = ROOT / ".github" / "workflows" / "pull-request.yml"
# an officer's save: the name of a sample entry, both languages (what the editor commits)
CHANGED = "data/di-tich/dinh-tan-an.yml"


def _git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, text=True).stdout


def _outputs(path: Path) -> dict[str, str]:
    """A step's `$GITHUB_OUTPUT` file (name=value lines) as a dict."""
    pairs = (line.split("=", 1) for line in path.read_text(encoding="utf-8").splitlines() if "=" in line)
    return dict(pairs)


def _condition(expression: str, steps: dict[str, dict[str, str]]) -> bool:
    """The few forms of `if:` the workflow uses: `steps.X.outputs.Y != 'v'`, `github.event_name`, `||`, `&&`."""
    text = re.sub(r"steps\.(\w+)\.outputs\.(\w+)", lambda m: repr(steps.get(m[1], {}).get(m[2], "")), expression)
    text = text.replace("github.event_name", "'pull_request'").replace("||", " or ").replace("&&", " and ")
    # Only quoted words, comparisons, `or`, `and` and brackets may reach eval: the workflow is a
    # file of the repository, and nothing in the repository is trusted.
    if not re.fullmatch(r"(?:\s|'[^'\\]*'|==|!=|\bor\b|\band\b|[()])*", text):
        raise SystemExit(f"an `if:` this benchmark cannot read: {expression!r}")
    return bool(eval(text, {"__builtins__": {}}, {}))


def _change(repo: Path) -> None:
    """Rename one entry on a branch of its own, as the web editor's save does."""
    _git(repo, "checkout", "-q", "-b", "cms/di-tich/rename")
    path = repo / CHANGED
    text = path.read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    old = data["name"]["vi"]
    path.write_text(text.replace(old, old + " (đổi tên)", 1), encoding="utf-8")
    _git(repo, "-c", "user.name=Officer", "-c", "user.email=officer@example.org", "commit", "-qam", "Đổi tên / Rename")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="clone into this folder and keep it")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="pr-bench-"))
    repo = work / "repo"
    print(f"load averages at start: {os.getloadavg()}")
    subprocess.run(["git", "clone", "-q", "--no-local", str(ROOT), str(repo)], check=True)
    # The venv as `make` makes it (pip from this machine's cache, timed apart: a runner downloads
    # the wheels), then .cache as actions/cache restores it: built from main before the clock starts.
    start = time.perf_counter()
    subprocess.run(["make", "-s", ".venv/.installed"], cwd=repo, check=True, stdout=subprocess.DEVNULL)
    install = time.perf_counter() - start
    subprocess.run([".venv/bin/mkdocs", "build", "-q"], cwd=repo, check=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, stderr=subprocess.DEVNULL)
    shutil.rmtree(repo / "site")
    _change(repo)
    summary, output = work / "summary.md", work / "output"
    env = {
        **os.environ, "GITHUB_WORKSPACE": str(repo), "GITHUB_BASE_REF": "main", "GITHUB_EVENT_NAME": "pull_request",
        "GITHUB_STEP_SUMMARY": str(summary), "NO_MKDOCS_2_WARNING": "1",
    }
    steps: dict[str, dict[str, str]] = {}
    rows: list[tuple[str, str]] = []
    total = 0.0
    for step in yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))["jobs"]["check"]["steps"]:
        name = step.get("name") or step.get("uses", "").split("@")[0]
        if "uses" in step:
            rows.append((name, "not run here (a GitHub action)"))
            continue
        if "apt-get install" in step["run"] and "make" not in step["run"].replace("make git", ""):
            rows.append((name, "not run here (apt-get on the runner)"))
            continue
        if "if" in step and not _condition(str(step["if"]), steps):
            rows.append((name, "skipped by its `if:`"))
            continue
        output.write_text("", encoding="utf-8")
        start = time.perf_counter()
        done = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]], cwd=repo, env={**env, **step.get("env", {}), "GITHUB_OUTPUT": str(output)}, capture_output=True, text=True)
        seconds = time.perf_counter() - start
        total += seconds
        if "id" in step:
            steps[step["id"]] = _outputs(output)
        rows.append((name, f"{seconds:.1f} s" + ("" if done.returncode == 0 else f" (exit {done.returncode})")))
        if done.returncode != 0 and step.get("id") != "check":
            print(done.stdout[-2000:], done.stderr[-2000:], file=sys.stderr)
    print(f"\ncontent-only pull request ({CHANGED} renamed), .github/workflows/pull-request.yml:\n")
    print("| step | time |\n|---|---|")
    for name, figure in rows:
        print(f"| {name} | {figure} |")
    print(f"| **total of the steps run here** | **{total:.1f} s** |")
    print(f"\nnot in the total: the venv from the lock files took {install:.0f} s here (pip's cache warm; a runner downloads the wheels)")
    print(f"\nload averages at the end: {os.getloadavg()}; engine tests run: {steps.get('affected', {}).get('engine', '?') != 'false'}")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
