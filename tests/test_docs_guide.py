"""Keep the new-ward guide (huong-dan/) true: the commands it shows parse, the make targets
exist, the files it names are in a ward's site, the workflow and settings it describes are the
site's own, and the Vietnamese and English guides have the same steps."""

from __future__ import annotations

import argparse
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from heritage.cli import build_parser
from heritage.content.addresses import is_web_address
from heritage.content.settings import CmsSettings

from .conftest import REPO

GUIDES = {"vi": REPO / "huong-dan" / "HUONG-DAN-PHUONG-MOI.md", "en": REPO / "huong-dan" / "NEW-WARD.md"}
TEXT = {lang: path.read_text(encoding="utf-8") for lang, path in GUIDES.items()}
# The guides' placeholders, one spelling per language: the same blocks once they are aligned.
PLACEHOLDERS = {"<tài-khoản>": "<account>", "<tên-của-bạn>": "<your-name>", "<kho-bộ-máy>": "<engine-repository>"}
# Values standing in for the placeholders where a block is parsed as the site would read it.
SAMPLE_VALUES = {"<account>": "phong-van-hoa", "<your-name>": "phulac", "<engine-repository>": "ten-to-chuc/ten-kho"}

# Paths the guide names that a fresh site does not have yet, and what makes them.
MADE_LATER = {
    ".venv/": "the first `make check` / `make serve`",
    "site/": "`make build`",
    "bien-qr/": "`heritage plaques` (its output folder)",
    "data/qr-issued.yml": "`heritage plaques` (records the printed codes)",
    "data/logo-phuong.svg": "the officer copies the ward's emblem there",
}

# Inline code with a slash that names no file: the example of a repository's owner/name.
NOT_FILES = {"ten-to-chuc/ten-kho", "org-name/repo-name"}


def _subcommands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    action = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    return dict(action.choices)


def _init_args(lang: str = "en") -> list[str]:
    """The guide's own `init` command (way A, step 1.2) as arguments, placeholders filled in."""
    command = next(c for c in _commands(lang) if c.startswith("init "))
    return shlex.split(_fill(_aligned(command)))[1:]


def _option(args: list[str], name: str) -> str:
    return args[args.index(name) + 1]


def ward_site(tmp_path: Path) -> Path:
    """The site a new ward starts from: what `python -m heritage init` writes, run with the
    guide's own options (its folder renamed into tmp_path) and no terminal to answer questions."""
    args = _init_args()
    target = tmp_path / args[0]
    result = subprocess.run([sys.executable, "-m", "heritage", "init", str(target), *args[1:]],
                            cwd=tmp_path, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"A new site ({len([p for p in target.rglob('*') if p.is_file()])} files) in:" in result.stdout
    return target


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    return ward_site(tmp_path_factory.mktemp("ward"))


def _blocks(text: str) -> list[tuple[str, str]]:
    """Fenced blocks as (language, body), indentation removed."""
    found = []
    for match in re.finditer(r"^( *)```(\w*)\n(.*?)^\1```", text, re.S | re.M):
        indent = len(match.group(1))
        body = "\n".join(line[indent:] for line in match.group(3).splitlines())
        found.append((match.group(2), body))
    return found


def _prose(text: str) -> str:
    return re.sub(r"^( *)```.*?^\1```", "", text, flags=re.S | re.M)


def _aligned(text: str) -> str:
    for vi, en in PLACEHOLDERS.items():
        text = text.replace(vi, en)
    return text


def _after(line: str) -> str:
    return line[line.index("python -m heritage") + len("python -m heritage"):].strip()


def _commands(lang: str) -> list[str]:
    """Every `python -m heritage …` line of the guide's shell blocks: whole commands to run."""
    return [_after(line) for kind, body in _blocks(TEXT[lang]) if kind == "sh" for line in body.splitlines() if "python -m heritage" in line]


def _mentions(lang: str) -> list[str]:
    """`python -m heritage …` in running text (a heading names `python -m heritage init`)."""
    return [_after(m) for m in re.findall(r"`([^`\n]*python -m heritage[^`\n]*)`", _prose(TEXT[lang]))]


def _make_targets(makefile: Path) -> set[str]:
    return set(re.findall(r"^([a-z][\w-]*):", makefile.read_text(encoding="utf-8"), re.M))


def _sections(text: str) -> list[tuple[str, int]]:
    """(## heading's number or '', numbered steps in it) for every second-level heading."""
    out = []
    for part in re.split(r"^## ", text, flags=re.M)[1:]:
        number = re.match(r"(\d+)\.", part)
        out.append((number.group(1) if number else "", len(re.findall(r"^\d+\. ", _prose(part), re.M))))
    return out


def test_both_guides_have_the_same_headings_and_steps():
    def shape(text: str) -> list[str]:
        return [line.split(" ", 1)[0] + (" " + re.match(r"#+ (\d+\.)?", line).group(1) if re.match(r"#+ \d+\.", line) else "")
                for line in _prose(text).splitlines() if line.startswith("#")]

    assert shape(TEXT["vi"]) == shape(TEXT["en"])
    assert _sections(TEXT["vi"]) == _sections(TEXT["en"])
    # the brief's nine numbered parts after "what you need", in order
    assert [n for n, _ in _sections(TEXT["vi"])] == ["", *map(str, range(1, 10))]
    assert all(steps for n, steps in _sections(TEXT["vi"]) if n)


def test_both_guides_show_the_same_commands_and_files():
    assert [(k, _aligned(b)) for k, b in _blocks(TEXT["vi"])] == [(k, b) for k, b in _blocks(TEXT["en"])]


@pytest.mark.parametrize("lang", sorted(GUIDES))
def test_step_references_point_at_steps_that_exist(lang):
    steps = dict(_sections(TEXT[lang]))
    word = "bước" if lang == "vi" else "steps?"
    refs = re.findall(rf"\b{word} (\d+)\.(\d+)\b", TEXT[lang])
    assert refs
    for section, step in refs:
        assert int(step) <= steps[section], f"{word} {section}.{step} does not exist"
    other = "en" if lang == "vi" else "vi"
    assert sorted(refs) == sorted(re.findall(rf"\b{'steps?' if other == 'en' else 'bước'} (\d+)\.(\d+)\b", TEXT[other]))


@pytest.mark.parametrize("lang", sorted(GUIDES))
def test_every_heritage_command_in_the_guide_parses(lang):
    commands = _commands(lang)
    assert {c.split()[0] for c in commands} >= {"init", "new", "plaques"}
    for command in commands:
        args = shlex.split(command)
        try:
            build_parser().parse_args(args)
        except SystemExit:
            pytest.fail(f"python -m heritage {command}: the command line does not parse")
    known = set(_subcommands())
    for mention in _mentions(lang):
        assert not mention or mention.split()[0] in known, mention  # bare: "its commands start with …"


@pytest.mark.parametrize("lang", sorted(GUIDES))
def test_colour_codes_are_quoted_for_the_shell(lang):
    # An unquoted `--primary #1d4e89` is a comment to the shell: the option would get no value.
    for command in _commands(lang):
        assert re.search(r"--(primary|accent) #", command) is None, command
        for option in ("--primary", "--accent"):
            if option in command:
                value = shlex.split(command)[shlex.split(command).index(option) + 1]
                assert re.fullmatch(r"#[0-9a-f]{6}", value), value


@pytest.mark.parametrize("lang", sorted(GUIDES))
def test_every_make_target_in_the_guide_exists(lang, site):
    targets = _make_targets(site / "Makefile")
    named = set(re.findall(r"\bmake ([a-z][\w-]*)", TEXT[lang]))
    assert named >= {"check", "serve", "build"}
    assert named <= targets, named - targets


def _paths(text: str) -> set[str]:
    """Inline `…` tokens that name a file or folder of the site."""
    out = set()
    for token in re.findall(r"`([^`\n]+)`", _prose(text)):
        if any(mark in token for mark in ("<", "…", "://", " ", "=")) or token.startswith(("/", "-", "~")):
            continue
        if token in NOT_FILES:
            continue
        if "/" in token or token in MADE_LATER or token in ("mkdocs.yml", "Makefile", "README.md", "requirements.lock", ".gitignore"):
            out.add(token)
    return out


def _made_by_new(lang: str) -> set[str]:
    return {p for p in _paths(TEXT[lang]) if "dinh-phu-lac" in p or "ra-mat-chuyen-muc" in p}


@pytest.mark.parametrize("lang", sorted(GUIDES))
def test_every_file_the_guide_names_is_in_a_ward_site(lang, site):
    named = _paths(TEXT[lang]) - _made_by_new(lang)
    assert {"data/site.yml", ".github/workflows/", "requirements.lock"} <= named
    assert set(MADE_LATER) <= named, "MADE_LATER lists a path the guide no longer names"
    # `phu-lac/` is the folder init writes: the site itself
    missing = [p for p in sorted(named - set(MADE_LATER)) if not (site / p.removeprefix("phu-lac/")).exists()]
    assert not missing, f"the guide names files a new ward's site does not have: {missing}"
    ignored = (site / ".gitignore").read_text(encoding="utf-8")
    for folder in (".venv", "site/", "bien-qr"):
        assert folder in ignored, f"the guide says git leaves {folder} out: .gitignore must"


def test_heritage_new_writes_exactly_the_files_the_guide_lists(site, tmp_path):
    root = tmp_path / "ward"
    for part in ("data", "docs", "mkdocs.yml"):
        source = site / part
        (shutil.copytree if source.is_dir() else shutil.copy)(source, root / part if source.is_dir() else root)
    created = set()
    for command in _commands("vi"):
        args = shlex.split(command)
        if args[0] != "new":
            continue
        result = subprocess.run([sys.executable, "-m", "heritage", *args], cwd=root, capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, result.stderr
        assert "Đã tạo / Created:" in result.stdout
        created |= {line.strip() for line in result.stdout.splitlines()[1:] if line.startswith("  ")}
    for lang in GUIDES:
        assert _made_by_new(lang) == created


def test_the_workflows_are_as_the_guide_describes(site):
    flows = {p.name: yaml.load(p.read_text(encoding="utf-8"), Loader=yaml.BaseLoader) for p in (site / ".github" / "workflows").glob("*.yml")}
    deploy = next(f for f in flows.values() if "deploy" in f["jobs"])
    check = next(f for f in flows.values() if "pull_request" in f["on"])
    artifacts = {step["with"]["name"] for flow in flows.values() for job in flow["jobs"].values() for step in job.get("steps", [])
                 if step.get("uses", "").startswith("actions/upload-artifact@")}
    assert "site-preview" in artifacts
    for lang in GUIDES:  # the names the officer is told to click and look for
        for name in (deploy["name"], check["name"], "configure-pages", *artifacts):
            assert name in TEXT[lang], name
        # artifacts the engine's own repository uploads but a ward's site does not
        for name in ("review", "screenshots"):
            assert (f"**{name}**" in TEXT[lang]) == (name in artifacts), name
    assert set(deploy["jobs"]) == {"build", "deploy"} and "check" in check["jobs"]
    assert "workflow_dispatch" in deploy["on"]  # "Run workflow" exists
    assert deploy["on"]["push"]["branches"] == ["main"]
    assert deploy["on"]["schedule"][0]["cron"] == "5 17 * * *"  # 00:05 in Viet Nam (UTC+7)
    assert deploy["permissions"] == {"contents": "read"}  # the default workflow permissions suffice
    uses = {step["uses"].split("@")[0] for flow in flows.values() for job in flow["jobs"].values() for step in job.get("steps", []) if "uses" in step}
    assert all(u.startswith("actions/") for u in uses), "the guide says only GitHub's own actions are used"
    text = "\n".join(p.read_text(encoding="utf-8") for p in (site / ".github" / "workflows").glob("*.yml"))
    assert "secrets." not in text, "the guide says the site needs no secret"
    steps = [s.get("run", "") for s in check["jobs"]["check"]["steps"]]
    assert any("make test" in s for s in steps) and any("make check" in s for s in steps)


def test_the_sign_in_settings_in_the_guide_are_accepted_and_reach_decap():
    from heritage.editor.collections import config
    from heritage.content.loader import load_inventory

    for lang in GUIDES:
        blocks = [yaml.safe_load(_fill(b)) for k, b in _blocks(_aligned(TEXT[lang])) if k == "yaml"]
        cms = next(b["cms"] for b in blocks if "cms" in b)
        settings = CmsSettings(**cms)
        # Decap posts the token back only to base_url's origin: the guide's address has no path.
        assert settings.auth_endpoint.rstrip("/").count("/") == 2
        for block in blocks:
            if "site_url" in block:
                assert is_web_address(block["site_url"]) and block["site_url"].endswith("/")
    inventory = load_inventory(REPO)
    backend = config(REPO, inventory.settings.model_copy(update={"cms": settings}), inventory.vocabulary, inventory=inventory)["backend"]
    # sveltia-cms-auth answers /auth and /callback at its root (its src/index.js)
    assert backend["base_url"] + "/" + backend["auth_endpoint"] == settings.auth_endpoint + "/auth"
    assert backend["repo"] == "phong-van-hoa/di-san-phu-lac"


def _fill(text: str) -> str:
    for placeholder, value in SAMPLE_VALUES.items():
        text = text.replace(placeholder, value)
    return text


def test_the_sign_in_button_is_named_as_decap_names_it():
    locale = REPO / "node_modules" / "decap-cms-locales" / "dist" / "esm" / "vi" / "index.js"
    label = re.search(r"loginWithGitHub:\s*'([^']+)'|loginWithGitHub:\s*\"([^\"]+)\"", locale.read_text(encoding="utf-8"))
    assert label, "Decap's Vietnamese locale has no loginWithGitHub"
    for lang in GUIDES:
        assert f"**{label.group(1) or label.group(2)}**" in TEXT[lang]


# PyPI names that belong to other projects: `pip install heritage` installs "Python Interface to The
# Sanskrit Heritage Site" (1.1.0), not this engine. The engine's own name, heritage-site, is not on
# PyPI yet: the guide installs it from the engine's repository at a version tag, and init's
# `--engine` writes that same line into the lock (then change the guide and this list).
OTHER_PROJECTS_ON_PYPI = {"heritage"}
NOT_ON_PYPI_YET = True


def _package() -> tuple[str, str]:
    text = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    return re.search(r'^name = "([^"]+)"', text, re.M).group(1), re.search(r'^version = "([^"]+)"', text, re.M).group(1)


def test_the_install_line_installs_this_engine_and_the_lock_pins_the_same():
    name, _ = _package()
    released = set(re.findall(r"^## (\d+\.\d+\.\d+) ", (REPO / "CHANGELOG.md").read_text(encoding="utf-8"), re.M))
    for lang in GUIDES:
        text = _aligned(TEXT[lang])
        installs = [line.split("pip install", 1)[1].strip() for kind, body in _blocks(text) if kind == "sh" for line in body.splitlines() if "pip install" in line]
        assert len(installs) == 2  # way A and way B
        engines = {_option(shlex.split(_aligned(c)), "--engine") for c in _commands(lang) if c.startswith("init ")}
        for target in installs:
            (requirement,) = shlex.split(target)
            assert requirement.split()[0] not in OTHER_PROJECTS_ON_PYPI
            match = re.fullmatch(rf"{re.escape(name)} @ git\+https://github\.com/<engine-repository>@v(\d+\.\d+\.\d+)", requirement)
            assert match or (requirement.startswith(f"{name}==") and not NOT_ON_PYPI_YET), requirement
            assert match.group(1) in released, f"v{match.group(1)}: no such version in CHANGELOG.md"
            # what init's --engine writes into the lock is what was installed (way A and way B)
            assert engines == {requirement}
        # the upgrade step shows both forms of the lock's engine line, and copier is gone
        assert re.search(rf"`{re.escape(name)}==\d+\.\d+\.\d+`", text) and re.search(rf"`{re.escape(name)} @ git\+https://", text)
        assert "copier" not in text.lower()


def test_the_lock_holds_the_guide_s_engine_line_where_the_guide_says(site):
    lines = (site / "requirements.lock").read_text(encoding="utf-8").splitlines()
    engine = _option(_init_args(), "--engine")
    # "the first line after the two # lines", "its third line is the --engine line"
    assert [line.startswith("#") for line in lines[:3]] == [True, True, False] and lines[2] == engine
    assert sum(line.startswith(_package()[0]) for line in lines) == 1


def test_the_ward_readme_describes_the_upgrade_as_the_guide_does(site):
    readme = (site / "README.md").read_text(encoding="utf-8")
    name, version = _package()
    assert f"`{name} @ git+https://github.com/…@v{version}`" in readme and f"`{name}=={version}`" in readme
    for words in ("make check", "make build", "pull request", "requirements.lock"):
        assert readme.count(words) >= 2, words  # in both languages
    assert "copier" not in readme.lower()
    # the README's command for a new entry runs in the site's .venv, as the guide's do
    assert all(line.startswith(".venv/bin/python -m heritage") for line in re.findall(r"`([^`]*python -m heritage new[^`]*)`", readme))


def test_init_asks_for_what_the_command_line_leaves_out(site, tmp_path):
    """Step 1.2: typed answers (stdin) make the same site as the options do."""
    args = _init_args()
    kind = {"phuong": "p", "xa": "x"}[_option(args, "--kind")]  # the first question, answered as it asks
    answers = [kind, *(_option(args, option) for option in ("--name-vi", "--name-en", "--province-vi", "--province-en", "--lat", "--lon", "--primary", "--accent"))]
    target = tmp_path / "hoi"
    not_asked = [x for option in ("--phone", "--email", "--engine") for x in (option, _option(args, option))]
    result = subprocess.run([sys.executable, "-m", "heritage", "init", str(target), *not_asked],
                            input="\n".join(answers) + "\n", capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    for rel in ("data/site.yml", "requirements.lock", "docs/vi/index.md", "docs/en/index.md"):
        assert (target / rel).read_text(encoding="utf-8") == (site / rel).read_text(encoding="utf-8"), rel


def test_a_colour_too_light_is_refused_naming_the_option_the_guide_names(tmp_path):
    args = _init_args()
    args[args.index("--primary") + 1] = "#ffdd00"
    result = subprocess.run([sys.executable, "-m", "heritage", "init", str(tmp_path / "nhat"), *args[1:]],
                            stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=300)
    assert result.returncode == 1 and not (tmp_path / "nhat").exists()
    assert "--primary (" in result.stderr and "site.yml" not in result.stderr
    for lang in GUIDES:
        assert "(`--primary` " in TEXT[lang] and "`--accent`)" in TEXT[lang]
        assert "`colors.primary`" in TEXT[lang] and "`colors.accent`" in TEXT[lang]


def test_the_guide_documents_every_option_of_init():
    init = _subcommands()["init"]
    options = {o for a in init._actions for o in a.option_strings if o.startswith("--")} - {"--help"}
    for lang in GUIDES:
        command = next(c for c in _commands(lang) if c.startswith("init "))
        assert options <= set(shlex.split(command)), options - set(shlex.split(command))
        for option in ("--kind", "--phone", "--email"):
            assert f"`{option}`" in _prose(TEXT[lang]), option  # and said what it is for


def test_readme_links_both_guides():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for path in GUIDES.values():
        assert f"]({path.relative_to(REPO).as_posix()})" in readme
    for lang, other in (("vi", "en"), ("en", "vi")):
        assert f"]({GUIDES[other].name})" in TEXT[lang]
