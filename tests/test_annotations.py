"""`python -m heritage check --format github`: each problem as a GitHub annotation of the pull
request's check run (the web editor's Check panel reads them back), escaped so that nothing an
editor writes can end the command or start another; real `heritage check` runs on bad content."""

from __future__ import annotations

import re
import sys

from heritage.problems import Problem, github_annotation

COMMAND = re.compile(r"^::(error|warning) ([^:]*)::(.*)$")


def unescape(text: str) -> str:
    """GitHub's runner's reading of a command (the inverse of @actions/core's escaping)."""
    return text.replace("%0D", "\r").replace("%0A", "\n").replace("%3A", ":").replace("%2C", ",").replace("%25", "%")


def annotations(stdout: str) -> list[tuple[str, dict[str, str], str]]:
    out = []
    for line in stdout.splitlines():
        if line.startswith("::"):
            match = COMMAND.match(line)
            assert match, line  # one command a line: nothing inside it closed it early
            props = dict(part.split("=", 1) for part in match.group(2).split(","))
            out.append((match.group(1), {k: unescape(v) for k, v in props.items()}, unescape(match.group(3))))
    return out


def bad_project(project):
    project.entry("di-tich", "mot", location={"lat": "21,1", "lon": 106.0}, sumary={"vi": "a", "en": "b"})
    for lang in ("vi", "en"):
        project.post(lang, "thang-9", "2026-09-01")
    project.stamp_all()
    return project


def check(project, *options: str, **env: str):
    return project.run(sys.executable, "-m", "heritage", "check", *options, env=env)


def test_github_format_annotates_each_problem_bilingual_and_keeps_the_report(project):
    before = bad_project(project).snapshot()
    plain = project.check()
    result = check(project, "--format", "github")
    assert result.returncode == 1 and "Traceback" not in result.stdout + result.stderr
    assert result.stdout.startswith(plain.stdout.rstrip("\n"))  # the report an editor reads, unchanged, first
    found = annotations(result.stdout)
    assert len(found) == plain.stdout.count("LỖI / ERROR") + plain.stdout.count("CẢNH BÁO / WARNING")
    assert {props["file"] for kind, props, _ in found if kind == "error"} == {"data/di-tich/mot.yml"}
    assert {props["line"] for kind, props, _ in found if kind == "error"} == {"10", "12"}  # the lines the report names
    titles = {props["title"]: (kind, message) for kind, props, message in found}
    kind, message = titles["sumary"]
    assert kind == "error"
    vi, en = message.split("\n")  # Vietnamese first, then English, each with how to fix it
    assert "Có phải ý bạn là `summary`?" in vi and "Did you mean `summary`?" in en
    assert "dấu phẩy thập phân" in titles["location.lat"][1].split("\n")[0]
    assert project.snapshot() == before


def test_github_actions_switches_it_on_and_text_off(project):
    bad_project(project)
    on = project.check(GITHUB_ACTIONS="true")
    assert annotations(on.stdout) and on.returncode == 1
    off = check(project, "--format", "text", GITHUB_ACTIONS="true")
    assert not annotations(off.stdout) and off.returncode == 1
    assert not annotations(project.check().stdout)


def test_an_editors_text_cannot_break_out_of_the_command(project):
    """A file name with `,` and `:`, a value with %, CR and LF, a fake `::set-output`: still one
    command a line, and GitHub reads back exactly what the problem said."""
    hostile = "x%0A,title=pwn:\r\n::warning file=evil::owned"
    problem = Problem(file="data/di-tich/a,b:c.yml", vi=f"Sai {hostile}", en=f"Wrong {hostile}", field="name.vi,x:y", line=3)
    line = github_annotation(problem)
    assert "\n" not in line and "\r" not in line
    [(kind, props, message)] = annotations(line)
    assert kind == "error" and props == {"file": "data/di-tich/a,b:c.yml", "line": "3", "title": "name.vi,x:y"}
    assert message == f"Sai x%0A,title=pwn:U+000D\n::warning file=evil::owned\nWrong x%0A,title=pwn:U+000D\n::warning file=evil::owned"


def test_a_hostile_file_name_and_value_from_a_real_check(project):
    bad_project(project)
    project.write("data/di-tich/a,b:c%0A.yml", "name: {vi: x, en: y}\nsumary: \"%0A\\r::warning file=evil::owned\"\n")
    result = check(project, "--format", "github")
    found = annotations(result.stdout)
    files = {props["file"] for _, props, _ in found}
    assert "data/di-tich/a,b:c%0A.yml" in files and "evil" not in files, result.stdout
