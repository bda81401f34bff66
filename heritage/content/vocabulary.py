"""Controlled vocabularies (`data/vocabulary.yml`): allowed values with vi/en labels."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from heritage.content.messages import model_problems
from heritage.content.licences import Licence, VocabularyWithLicences, licences_from, vocabulary_problems
from heritage.content.schema import Text
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
    licenses: Labels = field(default_factory=dict)  # a media item's `license`: the editor's choices
    licence_terms: dict[str, Licence] = field(default_factory=dict)  # with their address and openness

    def is_open(self, licence: str) -> bool:
        """Whether the media bank may offer a high-resolution download under this licence."""
        found = self.licence_terms.get(licence)
        return found is not None and found.open

    def label(self, group: Labels, value: str | None, lang: str) -> str:
        if value is None:
            return ""
        return group.get(value, {}).get(lang, value)

    def type_label(self, section: str, value: str, lang: str) -> str:
        return self.label(self.types.get(section, {}), value, lang)

    def ranking_label(self, section: str, value: str | None, lang: str) -> str:
        return self.label(self.rankings.get(section, {}), value, lang)


def load_vocabulary(root: Path) -> tuple[Vocabulary, list[Problem]]:
    """The vocabulary, validated by its schema; an unreadable or invalid file is an error
    (every entry's `type` depends on it), never a silently empty vocabulary."""
    rel = "data/vocabulary.yml"
    path = root / rel
    if not path.exists():
        return Vocabulary(), [Problem(rel, "Thiếu tệp từ vựng.", "The vocabulary file is missing.", "Khôi phục data/vocabulary.yml.", "Restore data/vocabulary.yml.")]
    try:
        doc = load_yaml_file(path, rel)
        data = VocabularyWithLicences.model_validate(doc.data if doc.data is not None else {})
    except SourceError as exc:
        return Vocabulary(), exc.problems
    except ValidationError as exc:
        return Vocabulary(), model_problems(exc, VocabularyWithLicences, rel, doc)

    def labels(group: dict[str, Text] | None) -> Labels:
        return {str(value): {"vi": text.vi, "en": text.en} for value, text in (group or {}).items()}

    vocab = Vocabulary()
    for section in ENTRY_SECTIONS:
        vocab.types[section] = labels(data.types.get(section))
        vocab.rankings[section] = labels(data.rankings.get(section))
    vocab.priorities = labels(data.priorities)
    vocab.categories = labels(data.categories)
    vocab.licence_terms = licences_from(data, doc)
    vocab.licenses = {name: {"vi": t.vi, "en": t.en} for name, t in vocab.licence_terms.items()}
    return vocab, vocabulary_problems(vocab.licence_terms)
