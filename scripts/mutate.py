"""Mutation testing as a habit: `make mutate` (mutmut) over the core modules, each against only
the tests that exercise it, so that a run takes minutes rather than the whole suite's hour.

mutmut reads its settings from the pyproject.toml of the folder it runs in, and keeps its state
in `mutants/` there. So each module gets its own scratch folder under .mutmut/ (made anew on
every run: stale mutants would be worse than a slower run) with a pyproject.toml naming that
module and its tests, and links to the checkout's files that the tests read.

Prints a table (module, mutants, killed, survived, equivalent, score, time, the load meanwhile)
and each unexplained surviving mutant as a diff. A survivor is either killed by a test that states the behaviour
it breaks, or listed in tests/mutants-equivalent.txt with the reason no user could tell.
Exits 1 when a module misses its floor (FLOORS) or the run as a whole misses OVERALL_FLOOR.

    .venv/bin/python scripts/mutate.py                              # every module of TESTS
    .venv/bin/python scripts/mutate.py heritage/outputs/sitemap.py  # one (or a few)
    .venv/bin/python scripts/mutate.py --summary report.md          # also a Markdown report
"""

from __future__ import annotations

import argparse
import difflib
import functools
import json
import os
import shutil
import subprocess
import sys
import threading
import time
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRATCH = ROOT / ".mutmut"
EQUIVALENT_FILE = ROOT / "tests" / "mutants-equivalent.txt"

# Module → the pytest arguments that select the tests exercising it (files, node ids, -k).
# Tests that build the whole site are left out on purpose: each mutant would rebuild it. The
# module's behaviour is stated by build-free tests, and the builds check that the parts fit.
TESTS: dict[str, list[str]] = {
    "heritage/outputs/sitemap.py": ["tests/test_valid_xml.py", "-k", "lastmod or robots or alternates"],
    "heritage/outputs/datapackage.py": ["tests/test_valid_data.py", "-k", "descriptor"],
    "heritage/outputs/schema_types.py": ["tests/test_valid_jsonld.py", "-k", "vocabulary or checker or typed_records"],
    "heritage/editor/refusals.py": ["tests/test_cms_rules.py", "-m", "not browser"],
    "heritage/content/labels.py": ["tests/test_cms.py", "-m", "not browser", "-k", "label"],
    "heritage/outputs/sanitise.py": [
        "tests/test_sanitise_properties.py",
        "tests/test_hostile.py::test_sanitiser_leaves_nothing_that_runs_or_styles",
        "tests/test_hostile.py::test_sanitiser_keeps_what_markdown_writes",
    ],
    "heritage/outputs/security.py": [
        "tests/test_security_properties.py",
        "tests/test_preview_policy.py::test_the_reload_script_alone_is_added_to_the_policy",
        "tests/test_hostile.py::test_theme_scripts_are_trusted_and_nothing_else",
        "tests/test_hostile.py::test_text_in_a_page_cannot_remove_its_policy",
    ],
    "heritage/qr/codes.py": ["tests/test_qr_codes.py", "tests/test_qr.py::test_no_public_url_no_codes"],
    "heritage/calendar/lunar.py": ["tests/test_lunar.py", "tests/test_lunar_properties.py", "-k", "not 1900_to_2100 and not every_day_1901"],
    "heritage/calendar/festivals.py": [
        "tests/test_festival_calendar.py",
        "tests/test_festivals.py::test_every_three_years_since_2026",
        "tests/test_festivals.py::test_lunar_festival_dates_and_duration",
        "tests/test_festivals.py::test_rules_for_leap_and_day_30",
        "-k", "not phone_gets and not keeps_one_uid and not two_sites and not own_file",  # the calendar files' tests load a site: ical.py's
    ],
    "heritage/calendar/ical.py": ["tests/test_festival_calendar.py"],
    "heritage/column/rules.py": ["tests/test_column_rules.py"],
    "heritage/column/feed.py": ["tests/test_column_feed.py"],
    "heritage/content/translations.py": ["tests/test_translation_stamps.py"],
    "heritage/media/policy.py": ["tests/test_media_policy.py", "tests/test_media.py::test_a_position_in_a_png_is_found_without_decoding_it"],
    "heritage/text.py": ["tests/test_text.py", "tests/test_text_properties.py"],
}

# The floors: these modules keep 80 % of their mutants killed; the run as a whole 60 %.
FLOORS: dict[str, float] = {
    "heritage/outputs/sanitise.py": 0.8,
    "heritage/outputs/security.py": 0.8,
    "heritage/qr/": 0.8,
    "heritage/calendar/": 0.8,
    "heritage/column/": 0.8,
    "heritage/content/translations.py": 0.8,
    "heritage/media/policy.py": 0.8,
    "heritage/text.py": 0.8,
}
OVERALL_FLOOR = 0.6

# What a scratch folder links to: everything the tests may read, but git, the caches and the
# outputs of other runs. node_modules is linked inside mutants/, where the tests run.
LEFT_OUT = {".git", ".venv", ".mutmut", "node_modules", "site", ".cache", "pyproject.toml", "heritage", "mutants"}
KILLED = {"killed", "timeout", "caught by type check", "segfault"}


@dataclass
class Result:
    """One module's mutants, by status; survivors with their diffs, split by the equivalents file."""

    module: str
    statuses: dict[str, str] = field(default_factory=dict)
    survivors: dict[str, str] = field(default_factory=dict)  # name → diff
    equivalent: dict[str, str] = field(default_factory=dict)  # name → reason
    error: str = ""
    seconds: float = 0.0
    load: float = 0.0  # the machine's mean 1-minute load average meanwhile (it may be shared)

    @property
    def killed(self) -> int:
        return sum(status in KILLED for status in self.statuses.values())

    @property
    def counted(self) -> int:
        """Mutants that count: equivalent ones are no test's to kill."""
        return len(self.statuses) - len(self.equivalent)

    @property
    def score(self) -> float:
        return self.killed / self.counted if self.counted else 1.0


def floor_of(module: str) -> float | None:
    for prefix, floor in FLOORS.items():
        if module == prefix or (prefix.endswith("/") and module.startswith(prefix)):
            return floor
    return None


def describe(name: str, diff: str) -> str:
    """A mutant in one line, stable when the other mutants of its file are numbered anew:
    its function (mutmut's `x_f__mutmut_3`, `xǁClassǁf__mutmut_3`) and its changed lines, `old → new`."""
    function = name.rpartition(".")[2].rpartition("__mutmut_")[0].removeprefix("x_").removeprefix("xǁ").replace("ǁ", ".")
    lines = diff.splitlines()
    old = " ⏎ ".join(line[1:].strip() for line in lines if line.startswith("-"))
    new = " ⏎ ".join(line[1:].strip() for line in lines if line.startswith("+"))
    return f"{function}: {old} → {new}"


def read_equivalents() -> dict[tuple[str, str], str]:
    """tests/mutants-equivalent.txt: `module | mutant (as describe() writes it) | reason`."""
    known: dict[tuple[str, str], str] = {}
    if not EQUIVALENT_FILE.exists():
        return known
    for number, line in enumerate(EQUIVALENT_FILE.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        module, _, rest = line.partition(" | ")
        mutant, _, reason = rest.rpartition(" | ")
        if not (module and mutant and reason.strip()):
            sys.exit(f"{EQUIVALENT_FILE.name}:{number}: expected `module | mutant | reason`")
        known[(module.strip(), mutant.strip())] = reason.strip()
    return known


def prepare(module: str, tests: list[str]) -> Path:
    """A fresh scratch folder for one module: pyproject.toml with mutmut's settings, links to the checkout."""
    folder = SCRATCH / module.replace("/", "_").removesuffix(".py")
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    also_copy = []
    for item in sorted(ROOT.iterdir()):
        if item.name not in LEFT_OUT:
            (folder / item.name).symlink_to(item)
            also_copy.append(item.name)
    (folder / "heritage").symlink_to(ROOT / "heritage")
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    settings = {
        "source_paths": ["heritage"],
        "only_mutate": [module],
        "also_copy": [*also_copy, "pyproject.toml"],
        "pytest_add_cli_args_test_selection": tests,
        "pytest_add_cli_args": ["-p", "no:cacheprovider", "-p", "scripts.mutate_plugin"],
        "use_git_change_detection": False,
    }
    pytest_settings = project["tool"]["pytest"]["ini_options"]
    lines = ["[tool.pytest.ini_options]"] + [f"{key} = {json.dumps(value)}" for key, value in pytest_settings.items()]
    lines += ["", "[tool.mutmut]"] + [f"{key} = {json.dumps(value)}" for key, value in settings.items()]
    (folder / "pyproject.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "mutants").mkdir()
    if (ROOT / "node_modules").exists():
        (folder / "mutants" / "node_modules").symlink_to((ROOT / "node_modules").resolve())
    return folder


def run_module(module: str, tests: list[str], jobs: int, known: dict[tuple[str, str], str]) -> Result:
    """mutmut on one module in its scratch folder; its results read from mutants/<module>.meta."""
    result = Result(module)
    folder = prepare(module, tests)
    # A fifth of the Hypothesis examples per mutant (tests/properties.py): the same derandomised
    # start of each search, so a run stays in minutes; the full search runs with the suite.
    env = {**os.environ, "PYTHONPATH": str(folder / "mutants"), "NO_MKDOCS_2_WARNING": "1", "PYTHONUTF8": "1",
           "HERITAGE_PROPERTY_SCALE": os.environ.get("HERITAGE_PROPERTY_SCALE", "0.2")}
    command = ["nice", "-n", "19", sys.executable, "-m", "mutmut", "run", "--max-children", str(jobs)]
    run = subprocess.run(command, cwd=folder, env=env, capture_output=True, text=True)
    meta = folder / "mutants" / f"{module}.meta"
    if not meta.exists():
        result.error = f"mutmut exited {run.returncode}:\n{(run.stdout + run.stderr)[-3000:]}"
        return result
    from mutmut.stats import status_by_exit_code  # noqa: PLC0415 (only where mutmut is installed)

    codes = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
    result.statuses = {name: status_by_exit_code[code] for name, code in codes.items()}
    if "not checked" in result.statuses.values():
        # mutmut stops before trying any mutant when the selection fails unmutated (a test that
        # builds in a subprocess cannot find mutmut's settings): say so, not "0 % killed".
        result.error = f"mutmut tried no mutant (exit {run.returncode}); the selection must pass unmutated:\n{(run.stdout + run.stderr)[-3000:]}"
        return result
    for name, status in sorted(result.statuses.items()):
        if status in KILLED:
            continue
        diff = mutant_diff(folder, module, name)
        reason = known.get((module, describe(name, diff)))
        if reason is not None:
            result.equivalent[name] = reason
        else:
            result.survivors[name] = f"[{status}]\n{diff}"
    return result


@functools.lru_cache(maxsize=4)
def _function_sources(path: Path) -> dict[str, str]:
    """Every function of mutmut's mutated copy by name, parsed once per module (the copy holds
    each function once per mutant: parsing it again for every survivor took minutes)."""
    import ast  # noqa: PLC0415

    source = path.read_text(encoding="utf-8")
    lines = source.splitlines(keepends=True)
    out = {}
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            body = lines[node.lineno - 1 : node.end_lineno]
            body[-1] = body[-1][: node.end_col_offset] if len(body) > 1 else body[-1][node.col_offset : node.end_col_offset]
            if len(body) > 1:
                body[0] = body[0][node.col_offset :]
            out[node.name] = "".join(body)
    return out


def mutant_diff(folder: Path, module: str, name: str) -> str:
    """The mutant as a diff against the original function, read from mutmut's mutated copy."""
    functions = _function_sources(folder / "mutants" / module)
    mutant = name.rpartition(".")[2]
    original = mutant.rpartition("__mutmut_")[0] + "__mutmut_orig"
    shown = original.removeprefix("x_").removeprefix("xǁ").split("__mutmut_")[0]
    bodies = {key: functions.get(key, "").replace(key, shown, 1) for key in (original, mutant)}
    diff = difflib.unified_diff(bodies[original].splitlines(), bodies[mutant].splitlines(), lineterm="", n=1)
    return "\n".join(line for line in diff if not line.startswith(("---", "+++", "@@")))


def report(results: list[Result]) -> tuple[str, bool]:
    """The table and the survivors as Markdown, and whether every floor holds."""
    ok = True
    rows = ["| module | mutants | killed | survived | equivalent | score | floor | time | load |", "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for result in results:
        floor = floor_of(result.module)
        missed = bool(result.error) or (floor is not None and result.score < floor)
        ok &= not missed
        rows.append(
            f"| {result.module} | {len(result.statuses)} | {result.killed} | {len(result.survivors)} | {len(result.equivalent)} "
            f"| {result.score:.0%} | {f'{floor:.0%}' if floor else '–'}{' ❌' if missed else ''} | {result.seconds:.0f} s | {result.load:.1f} |"
        )
    counted = sum(result.counted for result in results)
    overall = sum(result.killed for result in results) / counted if counted else 1.0
    ok &= overall >= OVERALL_FLOOR
    rows.append(f"| **all** | {sum(len(r.statuses) for r in results)} | {sum(r.killed for r in results)} | "
                f"{sum(len(r.survivors) for r in results)} | {sum(len(r.equivalent) for r in results)} | **{overall:.0%}** | {OVERALL_FLOOR:.0%} | {sum(r.seconds for r in results) / 60:.1f} min | |")
    parts = ["## Mutation testing (mutmut)", "", *rows, ""]
    for result in results:
        if result.error:
            parts += [f"### {result.module}: mutmut failed", "", "```", result.error, "```", ""]
        for name, diff in result.survivors.items():
            parts += [f"### {name}", "", f"`{result.module} | {describe(name, diff.split(chr(10), 1)[1])} | <reason>`", "", "```diff", diff, "```", ""]
    return "\n".join(parts), ok


class LoadSampler:
    """The 1-minute load average every few seconds, in a thread: on a shared machine a module's
    time means little without the load beside it."""

    def __init__(self, every: float = 5.0):
        self.samples: list[float] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(every,), daemon=True)
        self._thread.start()

    def _run(self, every: float) -> None:
        while True:
            self.samples.append(os.getloadavg()[0])
            if self._stop.wait(every):
                return

    def mean_since(self, start: int) -> float:
        recent = self.samples[start:] or self.samples[-1:] or [os.getloadavg()[0]]
        return sum(recent) / len(recent)

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("modules", nargs="*", help="paths such as heritage/text.py (default: every module mapped)")
    parser.add_argument("--jobs", type=int, default=int(os.environ.get("MUTATE_JOBS", "2")))
    parser.add_argument("--summary", type=Path, help="also write the report (Markdown) here")
    args = parser.parse_args(argv)
    unknown = [module for module in args.modules if module not in TESTS]
    if unknown:
        parser.error(f"no tests mapped for {', '.join(unknown)} (scripts/mutate.py, TESTS)")
    known = read_equivalents()
    results = []
    load = LoadSampler()
    for module in args.modules or list(TESTS):
        print(f"mutmut: {module} …", file=sys.stderr, flush=True)
        started, first = time.monotonic(), len(load.samples)
        results.append(run_module(module, TESTS[module], args.jobs, known))
        results[-1].seconds, results[-1].load = time.monotonic() - started, load.mean_since(first)
    load.stop()
    text, ok = report(results)
    print(text)
    if args.summary:
        with args.summary.open("a", encoding="utf-8") as handle:
            handle.write(text + "\n")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
