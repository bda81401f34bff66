"""The test set-up itself: no skip under CI=true, system packages that are never silently missing, and a pipeline that reads only, pins its actions and fences what editors wrote."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parent.parent

SKIPPING = '''
import pytest

def test_skipped():
    pytest.skip("no tool here")

@pytest.fixture
def tool():
    pytest.skip("no tool for the fixture")

def test_fixture_skipped(tool):
    pass

@pytest.mark.skipif(True, reason="marked")
def test_marked():
    pass

def test_passes():
    pass
'''


def run_pytest(tmp_path: Path, ci: str | None, test: str = SKIPPING) -> subprocess.CompletedProcess:
    (tmp_path / "test_skipping.py").write_text(test, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    env["PYTHONPATH"] = str(REPO)
    if ci is not None:
        env["CI"] = ci
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "tests.ci_no_skips", "-p", "no:cacheprovider", "-q", "-rA", str(tmp_path)],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120,
    )


def test_under_ci_every_skip_is_a_failure(tmp_path):
    result = run_pytest(tmp_path, "true")
    assert result.returncode != 0, result.stdout
    last = result.stdout.strip().splitlines()[-1]
    assert "skipped" not in last and "1 passed" in last, last
    assert "1 failed, 1 passed, 2 errors" in last, last  # a skip while setting up counts as an error
    for reason in ("no tool here", "no tool for the fixture", "marked"):
        assert f"where no test may be skipped: {reason}" in result.stdout, result.stdout
    # a whole module skipped at import (importorskip) stops the run
    result = run_pytest(tmp_path, "true", 'import pytest\npytest.importorskip("no_such_module_here")\n')
    assert result.returncode != 0 and "where no test may be skipped: could not import" in result.stdout, result.stdout


def test_outside_ci_a_skip_stays_a_skip(tmp_path):
    for ci in (None, "false"):
        result = run_pytest(tmp_path, ci)
        last = result.stdout.strip().splitlines()[-1]
        assert result.returncode == 0 and "1 passed, 3 skipped" in last, result.stdout


def shimmed(tmp_path: Path, **extra: str) -> dict[str, str]:
    """An environment where apt-get and sudo are stand-ins that record a call and fail: nothing is ever installed."""
    shims = tmp_path / "bin"
    shims.mkdir()
    for name, body in {"sudo": "exit 1", "apt-get": f"touch {tmp_path}/apt-get-called; exit 1", **extra}.items():
        (shims / name).write_text(f"#!/bin/sh\n{body}\n")
        (shims / name).chmod(0o755)
    return {**os.environ, "PATH": f"{shims}:{os.environ['PATH']}"}


def test_system_packages_missing_and_no_way_to_install_them_stops_with_the_command(tmp_path):
    # a user who is not root and has no password-less sudo
    env = {**shimmed(tmp_path, id="echo 1000"), "CHROMIUM": str(tmp_path / "no-chromium")}
    result = subprocess.run(["sh", str(REPO / "scripts/system-deps.sh")], env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert "sudo sh -c 'apt-get update && apt-get install -y --no-install-recommends chromium'" in result.stderr, result.stderr
    assert not (tmp_path / "apt-get-called").exists()


def test_system_packages_present_means_nothing_to_do(tmp_path):
    # `make test` ran the script before the tests: everything is there now, and it says nothing
    result = subprocess.run(["sh", str(REPO / "scripts/system-deps.sh")], env=shimmed(tmp_path), capture_output=True, text=True, timeout=60)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
    assert not (tmp_path / "apt-get-called").exists()


# --- The pipeline itself: least permissions, no token left in .git/config, actions pinned by commit ---

WORKFLOWS = REPO / ".github" / "workflows"
PINNED = re.compile(r"^[A-Za-z0-9_.-]+/[A-Za-z0-9_./-]+@[0-9a-f]{40}$")


def workflow(name: str) -> dict:
    return yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))


def steps(flow: dict) -> list[dict]:
    return [step for job in flow["jobs"].values() for step in job.get("steps", [])]


def test_the_pull_request_workflow_only_reads():
    flow = workflow("pull-request.yml")
    assert flow["permissions"] == {"contents": "read"}
    for name, job in flow["jobs"].items():
        assert set(job.get("permissions", {}).values()) <= {"read", "none"}, name


def test_a_content_only_pull_request_skips_the_engine_tests_and_shows_its_pages_before_and_after():
    """The workflow's steps as GitHub runs them: the decision comes from review_pages.py's output."""
    steps_ = workflow("pull-request.yml")["jobs"]["check"]["steps"]
    names = [s.get("id") or s.get("name") or s["uses"] for s in steps_]
    affected = next(s for s in steps_ if s.get("id") == "affected")
    assert "review_pages.py changes" in affected["run"] and "$GITHUB_OUTPUT" in affected["run"]
    tests = next(s for s in steps_ if s.get("run") == "make test")
    assert "steps.affected.outputs.engine != 'false'" in tests["if"]
    assert names.index("check") < names.index("affected") < steps_.index(tests)  # a content error is reported first
    shots = next(s for s in steps_ if "review_pages.py shots" in s.get("run", ""))
    assert "steps.affected.outputs.pages != '0'" in shots["if"] and "--before site-before --after site" in shots["run"]
    assert any(s.get("with", {}).get("name") == "review" for s in steps_)
    checkout = next(s for s in steps_ if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0  # the base branch, to compare with


def test_the_deploy_gives_write_only_to_the_job_that_deploys():
    flow = workflow("deploy.yml")
    assert flow["permissions"] == {"contents": "read"}
    jobs = flow["jobs"]
    # the build runs editors' content: it reads (the Pages settings too) and can neither deploy nor mint an OIDC token
    assert jobs["build"]["permissions"] == {"contents": "read", "pages": "read"}
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert [s["uses"].split("@")[0] for s in jobs["deploy"]["steps"]] == ["actions/deploy-pages"]


def test_the_weekly_mutation_run_only_reads_and_never_blocks():
    flow = workflow("mutation.yml")
    assert flow["permissions"] == {"contents": "read"}
    assert set(flow[True]) == {"schedule", "workflow_dispatch"}  # YAML 1.1 reads the key `on` as True
    (job,) = flow["jobs"].values()
    assert job["continue-on-error"] is True and "permissions" not in job
    assert any("make mutate" in s.get("run", "") and "GITHUB_STEP_SUMMARY" in s["run"] for s in job["steps"])


def test_no_checkout_leaves_the_token_in_git_config():
    for name in ("pull-request.yml", "deploy.yml", "mutation.yml"):
        checkouts = [s for s in steps(workflow(name)) if s.get("uses", "").startswith("actions/checkout@")]
        assert checkouts, name
        for step in checkouts:
            assert step.get("with", {}).get("persist-credentials") is False, (name, step)


def test_every_action_is_pinned_by_commit_with_its_tag_beside_it():
    for path in sorted(WORKFLOWS.glob("*.yml")):
        used = [s["uses"] for s in steps(yaml.safe_load(path.read_text(encoding="utf-8"))) if "uses" in s]
        assert used, path.name
        for uses in used:
            assert PINNED.match(uses), f"{path.name}: {uses} is not pinned by a full commit SHA"
        # the tag a reviewer reads, in a comment on the same line
        lines = [line for line in path.read_text(encoding="utf-8").splitlines() if re.match(r"\s*(- )?uses:", line)]
        assert len(lines) == len(used), path.name
        for line in lines:
            assert re.search(r"@[0-9a-f]{40} # v\d+\.\d+\.\d+\b", line), f"{path.name}: {line.strip()}"


# --- The content check's report in the job summary: nothing an editor writes can close its fence ---

HOSTILE_REPORTS = [
    "LỖI / ERROR data/di-tich/a.yml: name.vi\n```\n## Injected heading\n<script>alert(1)</script>\n```\n",
    "one ``` inline, then a line of four:\n````\n[link](javascript:alert(1))\n````\n",
    "```````````` twelve\n~~~\n   ```\n``\n",
    "no newline at the end ```",
    "carriage return\r```\rstill inside\r\n````\r\n",
    "",
]


def run_check_step(tmp_path: Path, report: str, status: int) -> tuple[subprocess.CompletedProcess, str]:
    """Run the workflow's own content-check step with bash as GitHub does, `make check` printing `report`."""
    step = next(s for s in workflow("pull-request.yml")["jobs"]["check"]["steps"] if s.get("id") == "check")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (tmp_path / "report.bin").write_bytes(report.encode("utf-8"))
    (bin_dir / "make").write_text(f'#!/bin/sh\n[ "$1" = check ] || exit 99\ncat "{tmp_path}/report.bin"\nexit {status}\n')
    (bin_dir / "make").chmod(0o755)
    summary = tmp_path / "summary.md"
    summary.write_text("Earlier step\n", encoding="utf-8")
    (tmp_path / "step.sh").write_text(step["run"], encoding="utf-8")
    env = {**os.environ, "PATH": f"{bin_dir}:{os.environ['PATH']}", "GITHUB_STEP_SUMMARY": str(summary)}
    result = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", str(tmp_path / "step.sh")],
                            cwd=tmp_path, env=env, capture_output=True, timeout=60)
    return result, summary.read_text(encoding="utf-8")


def test_the_summary_fence_holds_whatever_the_report_contains(tmp_path):
    from markdown_it import MarkdownIt

    for i, report in enumerate(HOSTILE_REPORTS):
        case = tmp_path / str(i)
        case.mkdir()
        result, summary = run_check_step(case, report, status=1)
        assert result.returncode == 1, result.stderr  # the check's status is the step's
        tokens = [t for t in MarkdownIt("commonmark").parse(summary) if t.level == 0 and not t.type.endswith("_close")]
        assert [t.type for t in tokens] == ["paragraph_open", "heading_open", "fence"], (report, summary)
        # the whole report, verbatim, is the fence's content (line endings as Markdown reads them)
        expected = report.replace("\r\n", "\n").replace("\r", "\n")
        assert tokens[-1].content == expected + ("\n" if expected and not expected.endswith("\n") else ""), (report, summary)


def test_a_clean_check_leaves_a_plain_fenced_summary(tmp_path):
    result, summary = run_check_step(tmp_path, "Không có lỗi / No errors\n", status=0)
    assert result.returncode == 0, result.stderr
    assert summary.endswith("## Kết quả kiểm tra nội dung / Content check\n```\nKhông có lỗi / No errors\n```\n"), summary


def test_no_file_keeps_a_merge_conflict_marker():
    """A conflict committed by mistake: CSS drops the rules around the markers without a word
    (the media library's upload stayed visible), Python and YAML would fail later."""
    files = subprocess.run(["git", "-C", str(REPO), "ls-files"], capture_output=True, text=True, check=True).stdout.splitlines()
    marked = []
    for name in files:
        path = REPO / name
        if path.is_symlink() or not path.is_file() or path.suffix in (".png", ".jpg", ".pdf", ".mp3", ".ogg", ".woff2", ".ttf"):
            continue
        text = path.read_bytes().decode("utf-8", "replace")
        marked += [f"{name}:{i}" for i, line in enumerate(text.splitlines(), 1) if line.startswith(("<<<<<<< ", ">>>>>>> ")) or line == "======="]
    assert marked == []


# --- waits on conditions, never on the clock (issue 30) ----------------------------------

# A fixed pause before an assert passes on a fast machine and fails on a busy one, or lets a
# test assert on a half-done state. The one polling loop is tests/waiting.py's `until`, which
# fails naming what never happened; in a page, Playwright's waits poll the page itself.
FIXED_WAIT = re.compile(r"\bsleep\s*\(|\bwait_for_timeout\s*\(|\bsetTimeout\s*\(")
POLLING_LOOP = REPO / "tests" / "waiting.py"


def fixed_waits(folder: Path) -> list[str]:
    found = []
    for path in sorted(folder.rglob("*")):
        if path.suffix not in (".py", ".js", ".mjs") or path == POLLING_LOOP or "__pycache__" in path.parts:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if FIXED_WAIT.search(line):
                found.append(f"{path.relative_to(folder.parent).as_posix()}:{number}: {line.strip()}")
    return found


def test_no_test_waits_a_fixed_time():
    found = fixed_waits(REPO / "tests")
    assert found == [], "fixed waits; wait on a condition (tests/waiting.py, page.wait_for_function, expect):\n" + "\n".join(found)


def test_the_fixed_wait_search_finds_each_form(tmp_path):
    """The search above must see what it forbids, or it would pass on anything."""
    folder = tmp_path / "tests"
    folder.mkdir()
    sleep, timeout, later = "sleep", "wait_for_timeout", "setTimeout"  # apart, so this file passes its own search
    forms = [f"time.{sleep}(0.3)", f"{sleep}(1)", f"page.{timeout}(300)", f"await asyncio.{sleep}(0.1)", f"{later}(done, 800)", f'__import__("time").{sleep}(60)']
    (folder / "test_x.py").write_text("\n".join(forms) + "\npage.wait_for_function('() => ready')\n", encoding="utf-8")
    assert [line.split(": ", 1)[1] for line in fixed_waits(folder)] == forms


# --- the real parts the tests need fail loudly, in CI and out ------------------------------


def test_a_wait_that_never_ends_fails_naming_what_it_waited_for():
    from tests.waiting import until

    with pytest.raises(pytest.fail.Exception, match="waited 0.3 s for the file to appear"):
        until(lambda: False, "the file to appear", seconds=0.3, every=0.05)
    assert until(lambda: "ready", "something") == "ready"


@pytest.mark.parametrize("ci", [None, "true"])
def test_the_editor_proxy_fails_never_skips_without_decap_server(monkeypatch, tmp_path, ci):
    from tests import conftest

    if ci is None:
        monkeypatch.delenv("CI", raising=False)
    else:
        monkeypatch.setenv("CI", ci)
    monkeypatch.setattr(conftest.shutil, "which", lambda name: None)  # as on a machine without node
    with pytest.raises(pytest.fail.Exception, match="decap-server or node is not installed"):
        with conftest.cms_guard(tmp_path, "http://127.0.0.1:1"):
            pass


def test_the_editor_proxy_fails_when_it_does_not_start(monkeypatch, tmp_path):
    from tests import conftest

    broken = tmp_path / "cms-guard.js"
    broken.write_text("process.stderr.write('cannot listen\\n'); process.exit(1);\n", encoding="utf-8")
    monkeypatch.setattr(conftest, "CMS_GUARD", broken)
    with pytest.raises(AssertionError, match="the editor's proxy did not start"):
        with conftest.cms_guard(tmp_path, "http://127.0.0.1:1"):
            pass
