"""The parallel build's race (issue 30, fixed in 2ec3f92): a build refused in one language stops
the other cleanly, 50 times in a row.

The English child used to empty site/ as it failed while its sibling still wrote the icons, and
about 1 build in 10 ended on a `FileNotFoundError` traceback from outputs/webapp.py instead of
the content error. A race shows only over many runs, and 50 builds as `make build` starts them
(a new Python each time) take minutes; so the runs are forked from one warm process that has
imported MkDocs, the theme and the engine once. Each run is then exactly `mkdocs build --strict`
(MkDocs' own command line, config loading, hooks and exit code) in a fresh copy of that process.

The project is the small one of the formerly flaky test (tests/test_checks.py), with its English
"about" page refused: on the section pages alone (no photo, no post) the English child finished
after the icons were written and the race never showed (0 of 50 with the fix undone), while on
this one, with the fix undone, 2 of 20 runs ended on that very traceback.
"""

from __future__ import annotations

import json
import resource
import sys
import time

from .conftest import Project, fill_small_project

RUNS = 50
REFUSED = "docs/en/gioi-thieu/index.md"

# Run in the project's folder: warm up, then RUNS builds, each in a child forked from this
# process, its output in a file; prints one JSON line per run: exit code, output, what site/ holds.
DRIVER = r"""
import json, os, sys
from pathlib import Path

import mkdocs.__main__ as cli
from mkdocs.config import load_config

import importlib, pkgutil
import heritage
import mkdocs.commands.build
load_config("mkdocs.yml")  # imports every plugin, the theme and the hooks once; builds nothing
for module in pkgutil.walk_packages(heritage.__path__, "heritage."):  # and what the engine imports on first use
    if not module.name.endswith("__main__"):
        importlib.import_module(module.name)
runs = int(sys.argv[1])
for run in range(runs):
    out = Path(f".run-{run}.txt")
    pid = os.fork()
    if pid == 0:
        fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
        os.dup2(fd, 1)
        os.dup2(fd, 2)
        code = 0
        try:
            cli.cli.main(["build", "--strict"], prog_name="mkdocs", standalone_mode=True)
        except SystemExit as exc:  # what the `mkdocs` command exits with
            code = exc.code if isinstance(exc.code, int) else 1
        except BaseException:
            import traceback
            traceback.print_exc()
            code = 3
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    _, status = os.waitpid(pid, 0)
    left = sorted(p.relative_to("site").as_posix() for p in Path("site").rglob("*")) if Path("site").is_dir() else []
    print(json.dumps({"code": os.waitstatus_to_exitcode(status), "output": out.read_text(encoding="utf-8"), "left": left[:5]}), flush=True)
    out.unlink()
"""


def test_a_refused_language_stops_the_other_cleanly_every_time(project: Project):
    fill_small_project(project)
    project.write(REFUSED, "---\ntitle: About\n---\n\nAbout.\n\n<script>alert(1)</script>\n")
    before = project.snapshot()
    start, cpu = time.monotonic(), resource.getrusage(resource.RUSAGE_CHILDREN)
    result = project.run(sys.executable, "-c", DRIVER, str(RUNS), env={"HERITAGE_SERIAL_BUILD": "0"})
    seconds, after = time.monotonic() - start, resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu_seconds = (after.ru_utime - cpu.ru_utime) + (after.ru_stime - cpu.ru_stime)
    assert result.returncode == 0, result.stderr[-3000:]
    runs = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert len(runs) == RUNS, result.stdout[-3000:] + result.stderr[-3000:]
    # the parallel build ran: the English pages in a forked process, as `make build` does
    assert "Building en in a parallel process" in runs[0]["output"], runs[0]["output"]
    bad = [
        (number, run["code"], run["output"][-1500:], run["left"])
        for number, run in enumerate(runs)
        if run["code"] != 1 or "Traceback" in run["output"] or f"📄 {REFUSED}" not in run["output"] or "<script>" not in run["output"] or run["left"]
    ]
    assert bad == [], f"{len(bad)} of {RUNS} runs not refused cleanly (exit 1, the content error, no traceback, site/ empty):\n{bad[:3]}"
    assert project.snapshot() == before  # nothing under data/ or docs/ changed
    print(f"\n{RUNS} refused parallel builds in {seconds:.1f} s ({seconds / RUNS:.2f} s each), {cpu_seconds:.0f} s of CPU")
