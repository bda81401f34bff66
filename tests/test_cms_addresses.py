"""A web address: the form (admin/hx-fields.js, JavaScript's RegExp) refuses exactly what
`make check` refuses (heritage/content/addresses.py), both from one rule
(addresses.web_address_pattern), tried on the same list of bad addresses: `python -m heritage
check` on a file holding them, and the form's pattern run by node, as the browser runs it.
(The real form, in Chromium, with the same list: tests/test_cms_rules_more_browser.py.)"""

from __future__ import annotations

import json
import random
import re
import subprocess

import pytest

from heritage.content.addresses import SOURCE_PATTERN, WEB_PATTERN, is_site_path, is_web_address, visible
from heritage.content.settings import load_settings
from heritage.content.vocabulary import load_vocabulary
from heritage.editor import collections as form_config
from tests.conftest import REPO
from tests.editor import check_sentences
from tests.test_cms_rules import form_field

# What make check refuses beyond "starts with http(s)://": a host, no credentials, nothing that
# leaves an attribute or hides what the address says, a port that is a port.
BAD = [
    "javascript:alert(1)",
    "http://",
    "https:///duong-dan",
    "https://?q=1",
    "https://:80/",
    "https://ward.example@elsewhere.example/",
    "https://user:pass@x.example/",
    "https://@x.example/",
    'https://x.example/"onmouseover="alert(1)',
    "https://x.example/'a'",
    "https://x.example/a b",
    "https://x.example/<script>",
    "https://x.example\\@elsewhere.example/",
    "https://x.example/`id`",
    "https://x.example/a\u00a0b",
    "ftp://x.example/",
    "HTTPS://x.example/",
    "https:/x.example/",
    "https://x.example:99999/",
    "https://x.example:80:80/",
    "https://x.example:cong/",
    "https://.example/",
    "https://a..example/",
    "https://x_y!.example/",
    "https://[1:2]/",
    "https://[::1/",
    "https://a[::1]/",
    "https://[v1.x]/",
    "https://[::ffff:1.2.3.4]/",
    "https://%78.example/",
]
# Invisible direction marks: make check refuses the whole file before reading its fields (the
# sentence names the character); the form refuses the address.
INVISIBLE = ["https://x.example/\u202egpj.exe", "https://x.example/\u200f"]
GOOD = [
    "https://x.example",
    "http://đình-làng.example/đường?q=1#a",
    "https://x.example:8080/",
    "https://x.example:/",
    "https://[::1]/",
    "https://[2001:db8::1]:443/a",
    "https://1.2.3.4/",
    "https://x.example./",
    "https://vi.wikipedia.org/wiki/Quan_họ",
    "https://x.example/@nghe-nhan",
    "https://x.example?a=b&c=d",
    "https://x.example#muc-2",
]

NODE = """
const [patterns, values] = JSON.parse(require("fs").readFileSync(0, "utf8"));
const fill = (t, v) => String(t).replace(/\\{([a-z_]+)\\}/g, (all, k) => k in v ? String(v[k]) : all);
console.log(JSON.stringify(values.map(text => {
  for (const [regex, sentence, flags] of patterns) if (!new RegExp(regex, flags || "").test(text)) return fill(sentence, { value: text });
  return null;
})));
"""


def form_says(field: dict, values: list[str]) -> list[str | None]:
    """What the form's patterns say of each value (JavaScript's RegExp, run by node): the
    refusal, or None for an address it takes."""
    patterns = field.get("heritage_patterns") or [field["heritage_pattern"]]
    done = subprocess.run(["node", "-e", NODE], input=json.dumps([patterns, values]), capture_output=True, text=True, check=True, timeout=120)
    return json.loads(done.stdout)


@pytest.fixture(scope="module")
def config():
    settings, _ = load_settings(REPO)
    vocabulary, _ = load_vocabulary(REPO)
    return form_config.config(REPO, settings, vocabulary)


def test_make_check_refuses_every_bad_address_in_the_sentence_the_form_says(project, config):
    project.entry("di-tich", "dinh-nguon", sources=[{"title": "Nguồn", "url": url} for url in BAD + GOOD])
    result = project.check()
    assert result.returncode == 1, result.stdout
    printed = check_sentences(result.stdout)
    said = form_says(form_field(config, "di-tich", ("sources", "url")), BAD + GOOD)
    assert said[len(BAD) :] == [None] * len(GOOD)
    # the form shows an invisible character as make check does, U+XXXX (hx-fields.js's visible())
    missing = [(url, sentence) for url, sentence in zip(BAD, said) if sentence is None or sentence.replace(url, visible(url)) not in printed]
    assert missing == [], missing
    assert len([s for s in printed if "web address" in s]) == len(BAD)  # the good ones pass make check


@pytest.mark.parametrize("url", INVISIBLE)
def test_an_invisible_mark_is_refused_by_both(project, config, url):
    project.entry("di-tich", "dinh-nguon", sources=[{"title": "Nguồn", "url": url}])
    result = project.check()
    assert result.returncode == 1 and f"U+{ord(url[-1] if url[-1] != 'e' else url[18]):04X}" in result.stdout
    assert form_says(form_field(config, "di-tich", ("sources", "url")), [url])[0] is not None


def test_the_site_address_and_the_sign_in_address_too(project, config):
    """data/site.yml's site_url and cms.auth_endpoint (a web address, then https://), one check each."""
    for key, field in (("site_url", ("site_url",)), ("cms", ("cms", "auth_endpoint"))):
        for url in ("https://ward.example@elsewhere.example/", "http://x.example/"):
            value = f'"{url}"' if key == "site_url" else f'{{auth_endpoint: "{url}"}}'
            project.write("data/site.yml", f"ward: {{vi: P, en: W}}\ncolumn: {{launch: 2026-09}}\n{key}: {value}\n")
            result = project.check()
            said = form_says(form_field(config, "cai-dat", field), [url])[0]
            if url.startswith("http:") and key == "site_url":
                assert said is None and "site_url" not in result.stdout
                continue
            assert said is not None and said in check_sentences(result.stdout), (said, result.stdout)


def _python_says(value: str, source: bool) -> bool:
    """make check's verdict: the schema's pattern, then the validator."""
    if not re.match(SOURCE_PATTERN if source else WEB_PATTERN, value):
        return False
    return is_web_address(value) or (source and is_site_path(value))


def test_the_form_and_make_check_agree_on_many_addresses(config):
    """Random addresses from the characters that matter (seeded: the same each run)."""
    rng = random.Random(24)
    parts = ["https://", "http://", "//", "/", "x", "đ", "ệ", "١", "_", "-", ".", ":", "8", "0", "65536", "@", "[", "]", "::1", "?", "#",
             "%", " ", "\u00a0", "\u202e", "\t", '"', "'", "<", ">", "\\", "`", "ab", "example", "/đường"]  # fmt: skip
    values = sorted({rng.choice(parts[:2] + [""]) + "".join(rng.choice(parts) for _ in range(rng.randint(1, 6))) for _ in range(4000)} | set(BAD) | set(INVISIBLE) | set(GOOD))
    values = [v for v in values if v == v.strip()]  # the form trims with JavaScript's trim, make check with Python's strip
    for source, path in ((False, ("cai-dat", ("site_url",))), (True, ("di-tich", ("sources", "url")))):
        said = form_says(form_field(config, *path), values)
        differ = [(v, s) for v, s in zip(values, said) if (s is None) != _python_says(v, source)]
        assert differ == [], differ[:10]
        assert sum(s is None for s in said) > 50  # the sample holds good addresses too
