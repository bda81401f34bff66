"""Controlled vocabularies (`data/vocabulary.yml`): allowed values with vi/en labels."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from heritage.content.sources import SourceError, load_yaml_file
from heritage.problems import Problem
from heritage.sections import ENTRY_SECTIONS

Labels = dict[str, dict[str, str]]  # value → {vi, en}


@dataclass
class Vocabulary:
    types: dict[str, Labels] = field(default_factory=dict)
    rankings: dict[str, Labels] = field(default_factory=dict)
    priorities: Labels = field(default_factory=dict)
    categories: Labels = field(default_factory=dict)

    def label(self, group: Labels, value: str | None, lang: str) -> str:
        if value is None:
            return ""
        return group.get(value, {}).get(lang, value)

    def type_label(self, section: str, value: str, lang: str) -> str:
        return self.label(self.types.get(section, {}), value, lang)

    def ranking_label(self, section: str, value: str | None, lang: str) -> str:
        return self.label(self.rankings.get(section, {}), value, lang)


def _labels(data: object, rel: str, where: str, problems: list[Problem]) -> Labels:
    if not isinstance(data, dict):
        problems.append(Problem(rel, f"`{where}` phải là danh sách giá trị.", f"`{where}` must map values to labels.", field=where))
        return {}
    out: Labels = {}
    for value, labels in data.items():
        if not (isinstance(labels, dict) and isinstance(labels.get("vi"), str) and isinstance(labels.get("en"), str)):
            problems.append(
                Problem(
                    rel,
                    f"Giá trị `{value}` cần nhãn tiếng Việt và tiếng Anh.",
                    f"The value `{value}` needs a Vietnamese and an English label.",
                    f"Viết {value}: {{vi: …, en: …}}.",
                    f"Write {value}: {{vi: …, en: …}}.",
                    field=f"{where}.{value}",
                )
            )
            continue
        out[str(value)] = {"vi": labels["vi"].strip(), "en": labels["en"].strip()}
    return out


def load_vocabulary(root: Path) -> tuple[Vocabulary, list[Problem]]:
    rel = "data/vocabulary.yml"
    path = root / rel
    problems: list[Problem] = []
    if not path.exists():
        return Vocabulary(), [Problem(rel, "Thiếu tệp từ vựng.", "The vocabulary file is missing.", "Khôi phục data/vocabulary.yml.", "Restore data/vocabulary.yml.")]
    try:
        data = load_yaml_file(path, rel).data or {}
    except SourceError as exc:
        return Vocabulary(), [exc.problem]
    vocab = Vocabulary()
    for section in ENTRY_SECTIONS:
        vocab.types[section] = _labels(data.get("types", {}).get(section, {}), rel, f"types.{section}", problems)
        vocab.rankings[section] = _labels(data.get("rankings", {}).get(section, {}) or {}, rel, f"rankings.{section}", problems)
    vocab.priorities = _labels(data.get("priorities", {}), rel, "priorities", problems)
    vocab.categories = _labels(data.get("categories", {}), rel, "categories", problems)
    return vocab, problems
