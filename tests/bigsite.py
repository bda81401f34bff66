"""A generated site of the size a ward reaches after a year: the sample content plus `count`
entries over every section, trails and posts that name them.

Why from the sample files rather than from scratch: an officer's files are the ones the sample
taught them to write (flow maps, quoted texts, comments, bilingual photo credits, opening hours),
and every value the form's selects offer is one the sample already uses. Every second entry is
rewritten by PyYAML instead (block style, long texts folded over lines), the shape a script or
an older export leaves. Deterministic: the same count gives the same files.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import yaml

from heritage.content.schema import SCHEMAS
from heritage.content.sources import _Loader
from heritage.content.translations import stamp

REPO = Path(__file__).resolve().parent.parent
LANGS = ("vi", "en")


def _texts(data: dict, i: int) -> dict:
    """The entry's name and summary made its own (index `i`), in both languages."""
    data = dict(data)
    data["name"] = {"vi": f"{data['name']['vi']} số {i}", "en": f"{data['name']['en']} no. {i}"}
    data["summary"] = {lang: f"{data['summary'][lang]} ({i})" for lang in LANGS}
    return data


def _rename(text: str, data: dict, i: int) -> str:
    """The sample file's own text with the name and summary of entry `i`: its comments, quotes
    and flow maps kept (each name and summary is one quoted line in the sample files)."""
    new = _texts(data, i)
    for key in ("name", "summary"):
        for lang in LANGS:
            old = data[key][lang]
            text = text.replace(f'"{old}"', f'"{new[key][lang]}"', 1)
    return text


def _copy_pages(root: Path, folder: str, old: str, new: str) -> None:
    for lang in LANGS:
        source = REPO / "docs" / lang / folder / f"{old}.md"
        if source.is_file():
            (root / "docs" / lang / folder / f"{new}.md").write_bytes(source.read_bytes())


def generate(root: Path, count: int = 100, trails: int = 4, posts: int = 4) -> dict[str, list[str]]:
    """The sample content copied into `root` with `count` more entries (photos included), `trails`
    trails and `posts` posts; returns the new ids by collection (sections, `trails`, `posts`)."""
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    for folder in ("hooks", "overrides", "data", "docs"):
        shutil.copytree(REPO / folder, root / folder)
    samples = {s: sorted((REPO / "data" / s).glob("*.yml")) for s in SCHEMAS}
    made: dict[str, list[str]] = {s: [] for s in SCHEMAS}
    sections = list(SCHEMAS)
    for i in range(count):
        section = sections[i % len(sections)]
        k = i // len(sections)
        source = samples[section][k % len(samples[section])]
        text = source.read_text(encoding="utf-8")
        data = yaml.load(text, Loader=_Loader)
        entry_id = f"muc-{i:03d}"
        if (k + k // len(samples[section])) % 2:  # each sample in both styles
            text = yaml.safe_dump(_texts(data, i), allow_unicode=True, sort_keys=False)
        else:
            text = _rename(text, data, i)
            assert f"số {i}" in text, source  # the sample's name is one quoted line
        (root / "data" / section / f"{entry_id}.yml").write_text(text, encoding="utf-8")
        media = REPO / "data" / "media" / source.stem
        if media.is_dir():
            shutil.copytree(media, root / "data" / "media" / entry_id)
        _copy_pages(root, section, source.stem, entry_id)
        made[section].append(entry_id)
    everything = [e for ids in made.values() for e in ids]
    made["trails"] = []
    for t in range(trails):
        source = sorted((REPO / "data" / "trails").glob("*.yml"))[t % 2]
        text = source.read_text(encoding="utf-8")
        data = yaml.load(text, Loader=_Loader)
        ids = [stop["entry"] for stop in data["stops"]]
        for k, old in enumerate(ids):  # the stops become generated entries of the same section
            section = next(s for s in SCHEMAS if (REPO / "data" / s / f"{old}.yml").is_file())
            new = made[section][(t + k) % len(made[section])]
            text = re.sub(rf"(entry: ){re.escape(old)}\b", rf"\g<1>{new}", text, count=1)
        trail_id = f"hanh-trinh-{t}"
        (root / "data" / "trails" / f"{trail_id}.yml").write_text(_rename(text, data, t), encoding="utf-8")
        _copy_pages(root, "hanh-trinh", source.stem, trail_id)
        made["trails"].append(trail_id)
    made["posts"] = []
    sources = sorted(p for p in (REPO / "docs" / "vi" / "chuyen-muc").glob("*.md") if p.name != "index.md")
    for p in range(posts):
        source = sources[p % len(sources)]
        slug = f"bai-{p}-{source.stem}"
        for lang in LANGS:
            page = REPO / "docs" / lang / "chuyen-muc" / source.name
            if page.is_file():
                text = page.read_text(encoding="utf-8")
                text = re.sub(r'^(title: ")(.*)"$', rf'\g<1>\g<2> ({p})"', text, count=1, flags=re.M)
                text = re.sub(r"^entries: \[", f"entries: [{everything[p]}, ", text, count=1, flags=re.M)
                (root / "docs" / lang / "chuyen-muc" / f"{slug}.md").write_text(text, encoding="utf-8")
        stamp(root, f"docs/en/chuyen-muc/{slug}.md")  # translated from the new Vietnamese text
        made["posts"].append(slug)
    return made
