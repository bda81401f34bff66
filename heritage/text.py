"""Vietnamese text: normalisation, alphabetical order, diacritic folding.

Written by hand because no kept pure-Python library does Vietnamese collation:
pyuca implements the root Unicode order, where "ă" and "â" are only accents on
"a" (so "ăn" would sort before "ba" but also between "an" and "ao"); Vietnamese
dictionaries treat ă, â, đ, ê, ô, ơ, ư as letters of their own. PyICU would do it
but needs the ICU C library, which editors' machines do not have.
"""

from __future__ import annotations

import re
import unicodedata

# The Vietnamese alphabet, in dictionary order; f, j, w, z for loanwords.
_ALPHABET = "a ă â b c d đ e ê f g h i j k l m n o ô ơ p q r s t u ư v w x y z".split()
_LETTER_RANK = {letter: i for i, letter in enumerate(_ALPHABET)}

# Marks that make a new letter (a→ă, a→â, o→ơ …) versus marks that are tones.
_LETTER_MARKS = {"\u0306", "\u0302", "\u031b"}  # breve, circumflex, horn
# Tones in the order of Vietnamese dictionaries (Hoàng Phê): none, huyền, hỏi, ngã, sắc, nặng.
_TONE_RANK = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}


def nfc(text: str) -> str:
    """Unicode NFC, the form every stored and published text takes."""
    return unicodedata.normalize("NFC", text)


def _letters(text: str):
    """Yield (base letter with its letter marks, tone rank) for each character."""
    decomposed = unicodedata.normalize("NFD", text.lower())
    base = ""
    tone = 0
    for ch in decomposed:
        if unicodedata.combining(ch):
            if ch in _LETTER_MARKS:
                base += ch
            else:
                tone = _TONE_RANK.get(ch, tone)
            continue
        if base:
            yield unicodedata.normalize("NFC", base), tone
        base, tone = ch, 0
    if base:
        yield unicodedata.normalize("NFC", base), tone


def vi_sort_key(text: str) -> tuple:
    """Key for Vietnamese alphabetical order: letters first, then tones, then case.

    Letters outside the alphabet (digits, punctuation) sort before letters by code
    point; a space sorts before everything so "Đình A" comes before "ĐìnhA".
    """
    primary: list[tuple[int, int]] = []
    tones: list[int] = []
    for letter, tone in _letters(text):
        rank = _LETTER_RANK.get(letter)
        primary.append((1, rank) if rank is not None else (0, ord(letter[0])))
        tones.append(tone)
    return (tuple(primary), tuple(tones), text)


def fold(text: str) -> str:
    """Lowercase ASCII without diacritics: 'Đình Làng Đông' → 'dinh lang dong'."""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


def slugify(value: str, separator: str = "-") -> str:
    """Heading anchors in ASCII: '## Đình làng' → '#dinh-lang' (Python-Markdown drops 'Đ')."""
    return re.sub(r"[^a-z0-9]+", separator, fold(value)).strip(separator)


def wrap(text: str, width: float, measure, max_lines: int) -> list[str]:
    """Greedy line breaking for drawn text (cards, plaques); `measure(str)` gives a width.

    Lines past `max_lines` are dropped and the last kept line ends with an ellipsis.
    """
    lines: list[str] = []
    line = ""
    for word in text.split():
        trial = f"{line} {word}".strip()
        if measure(trial) <= width or not line:
            line = trial
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        while measure(lines[-1] + "…") > width and " " in lines[-1]:
            lines[-1] = lines[-1].rsplit(" ", 1)[0]
        lines[-1] = lines[-1].rstrip(",.;:") + "…"
    return lines


# Letters only Vietnamese uses among the languages of this site: ă â đ ê ô ơ ư ĩ ũ and the
# precomposed vowels with tone marks (NFC), upper and lower case.
_VIETNAMESE_LETTERS = re.compile(r"[ăâđêôơưĩũĂÂĐÊÔƠƯĨŨ\u1EA0-\u1EF9]")


def looks_vietnamese(text: str) -> bool:
    """True when a text uses letters only Vietnamese has (a source title, a credit)."""
    return bool(_VIETNAMESE_LETTERS.search(nfc(text or "")))


def vietnamese_spans(text: str) -> list[tuple[str, bool]]:
    """A name split where it changes language: 'Lim Festival (Hội Lim)' → [('Lim Festival (', False),
    ('Hội Lim', True), (')', False)]. A part (around parentheses) is Vietnamese when at least
    half of its words use letters only Vietnamese has: 'Người ở đừng về' and 'Hội Lim' are,
    'Làng Đông Communal House' is an English name with a Vietnamese place in it."""
    out: list[tuple[str, bool]] = []
    for part in re.split(r"([()])", text or ""):
        words = re.findall(r"[^\W\d_]+", part)
        marked = sum(1 for w in words if _VIETNAMESE_LETTERS.search(w))
        is_vi = bool(words) and marked * 2 >= len(words)
        if is_vi:
            lead = part[: len(part) - len(part.lstrip())]
            trail = part[len(part.rstrip()):]
            if lead:
                out.append((lead, False))
            out.append((part.strip(), True))
            if trail:
                out.append((trail, False))
        elif part:
            out.append((part, False))
    return out
