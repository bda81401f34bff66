"""Vietnamese folding, order, file-name slugs and line breaking, on generated names (Hypothesis).

The expectations are written independently of heritage/text.py: the order from the alphabet
and the tone order of Vietnamese dictionaries as listed here, a name built letter by letter so
that its place is known before the key is computed; the folding from a table of what each
Vietnamese letter becomes.
"""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from heritage.text import fold, looks_vietnamese, slugify, vi_sort_key, vietnamese_spans, wrap

from .properties import properties

PROPERTIES = properties(150)

# The alphabet (dictionary order) and the tones in the order of the Hoàng Phê dictionary:
# ngang (none), huyền, hỏi, ngã, sắc, nặng.
ALPHABET = "a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y".split()
VOWELS = "a ă â e ê i o ô ơ u ư y".split()
TONES = ["", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323"]
# What each marked letter folds to, by hand (not by Unicode decomposition).
FOLDED = {"ă": "a", "â": "a", "đ": "d", "ê": "e", "ô": "o", "ơ": "o", "ư": "u"}


@st.composite
def syllable_letters(draw) -> list[tuple[str, int]]:
    """A word as (letter, tone index) pairs: consonants carry no tone."""
    letters = draw(st.lists(st.sampled_from(ALPHABET), min_size=1, max_size=6))
    return [(letter, draw(st.integers(0, 5)) if letter in VOWELS else 0) for letter in letters]


def spell(letters: list[tuple[str, int]], upper: bool = False) -> str:
    text = "".join(unicodedata.normalize("NFC", letter + TONES[tone]) for letter, tone in letters)
    return text.upper() if upper else text


def dictionary_key(letters: list[tuple[str, int]]) -> tuple:
    """Where a dictionary puts the word: by its letters, then by its tones, left to right."""
    return ([ALPHABET.index(letter) for letter, _ in letters], [tone for _, tone in letters])


names = st.lists(syllable_letters(), min_size=2, max_size=12)


@PROPERTIES
@given(names)
def test_generated_words_sort_as_a_dictionary_does(words):
    spelled = {spell(w): dictionary_key(w) for w in words}
    assert sorted(spelled, key=vi_sort_key) == sorted(spelled, key=lambda s: (spelled[s], s))


@PROPERTIES
@given(syllable_letters(), syllable_letters())
def test_case_and_normal_form_do_not_move_a_word(a, b):
    """'ĐÌNH' and a decomposed 'Đình' (as macOS writes file names) sort where 'đình' does."""
    lower = sorted([a, b], key=lambda w: vi_sort_key(spell(w))[:2])
    for shown in (lambda w: spell(w, upper=True), lambda w: unicodedata.normalize("NFD", spell(w))):
        assert [vi_sort_key(shown(w))[:2] for w in lower] == sorted(vi_sort_key(shown(w))[:2] for w in lower)
        assert vi_sort_key(shown(a))[:2] == vi_sort_key(spell(a))[:2]


@PROPERTIES
@given(syllable_letters(), st.sampled_from("0123456789-(.,'\"!"))
def test_digits_and_punctuation_sort_before_letters(word, mark):
    assert vi_sort_key(mark) < vi_sort_key(spell(word))
    assert vi_sort_key(spell(word) + " " + mark) < vi_sort_key(spell(word) + "a")


def test_a_space_sorts_before_any_letter():
    assert sorted(["ĐìnhA", "Đình B", "Đình A"], key=vi_sort_key) == ["Đình A", "Đình B", "ĐìnhA"]


@PROPERTIES
@given(st.lists(syllable_letters(), min_size=1, max_size=4), st.booleans())
def test_folding_leaves_plain_lowercase_ascii(words, upper):
    name = " ".join(spell(w, upper) for w in words)
    folded = fold(name)
    assert folded.isascii() and folded == folded.lower()
    expected = " ".join("".join(FOLDED.get(letter, letter) for letter, _ in w) for w in words)
    assert folded == expected


@PROPERTIES
@given(st.text(max_size=40))
def test_folding_any_text_removes_every_mark(text):
    folded = fold(text)
    assert not any(unicodedata.combining(ch) for ch in unicodedata.normalize("NFD", folded))
    assert "đ" not in folded and "Đ" not in folded
    assert fold(folded) == folded


def test_folding_d_with_stroke_in_both_cases():
    assert fold("Đồng Đậu đình") == "dong dau dinh"


@PROPERTIES
@given(st.lists(syllable_letters(), min_size=1, max_size=4), st.sampled_from([" ", "  ", " - ", "_", ", ", "!"]))
def test_file_name_slugs(words, between):
    """A photo named 'Đình làng (1).JPG' is published under an ASCII, hyphenated name."""
    slug = slugify(between.join(spell(w, upper=True) for w in words) + between)
    assert slug == "-".join("".join(FOLDED.get(letter, letter) for letter, _ in w) for w in words)
    assert re.fullmatch(r"[a-z]+(-[a-z]+)*", slug)


def test_slug_keeps_digits_and_takes_another_separator():
    assert slugify("Ảnh 01 — Cổng đình!") == "anh-01-cong-dinh"
    assert slugify("Lễ rước nước", "_") == "le_ruoc_nuoc"
    assert slugify("Đình") == "dinh"


def test_a_stray_mark_or_a_foreign_letter_does_not_break_the_order():
    """A name pasted with a leading combining mark, or with 'ü' (a loanword), still sorts."""
    assert sorted(["Mùller", "Müller", "Muller"], key=vi_sort_key) == ["Muller", "Müller", "Mùller"]
    assert sorted(["\u0306a", "b", "a"], key=vi_sort_key)[-1] == "b"


@PROPERTIES
@given(st.lists(st.text(max_size=12), max_size=8))
def test_any_names_can_be_sorted_and_nfd_sorts_like_nfc(texts):
    keys = [vi_sort_key(text)[:2] for text in texts]
    assert sorted(keys) is not None  # comparable, whatever the text
    assert keys == [vi_sort_key(unicodedata.normalize("NFD", text))[:2] for text in texts]


@st.composite
def mixed_names(draw) -> tuple[list[tuple[str, int]], str]:
    """A word and how an editor may have typed it: any case, NFC or NFD (macOS file names)."""
    word = draw(syllable_letters())
    text = spell(word, upper=draw(st.booleans()))
    return word, unicodedata.normalize(draw(st.sampled_from(["NFC", "NFD"])), text)


@PROPERTIES
@given(st.lists(mixed_names(), min_size=2, max_size=12))
def test_case_and_normal_form_never_change_the_dictionary_order(typed):
    by_text = dict((text, dictionary_key(word)) for word, text in typed)
    ordered = sorted(by_text, key=vi_sort_key)
    assert [by_text[text] for text in ordered] == sorted(by_text.values())


# Line breaking (card and plaque titles): `measure` is the width of a string; here its length.
words = st.lists(st.text(alphabet="abcđêơ", min_size=1, max_size=9), min_size=1, max_size=14)


@PROPERTIES
@given(words, st.integers(4, 24))
def test_wrapped_lines_keep_every_word_and_break_only_where_needed(title, width):
    lines = wrap(" ".join(title), width, len, max_lines=100)
    assert " ".join(lines).split() == title
    for line in lines:
        assert len(line) <= width or " " not in line  # only a word longer than the line overflows
    for line, following in zip(lines, lines[1:]):
        assert len(line + " " + following.split()[0]) > width  # the next word did not fit


@PROPERTIES
@given(words, st.integers(4, 24), st.integers(1, 4))
def test_a_title_too_long_ends_with_an_ellipsis_on_its_last_line(title, width, most):
    full = wrap(" ".join(title), width, len, max_lines=100)
    lines = wrap(" ".join(title), width, len, max_lines=most)
    if len(full) <= most:
        assert lines == full
        return
    assert len(lines) == most and lines[:-1] == full[: most - 1]
    last = lines[-1]
    assert last.endswith("…")
    kept = full[most - 1].split()
    shown = last[:-1].split()
    n = len(shown)
    assert shown == kept[:n]
    cut = " ".join(shown)
    assert len(cut + "…") <= width or n == 1
    if n < len(kept):
        assert len(cut + " " + kept[n] + "…") > width  # no word was dropped that would have fitted


def test_wrap_examples():
    assert wrap("Đình Tân An và lễ hội", 10, len, 3) == ["Đình Tân", "An và lễ", "hội"]
    assert wrap("Đình Tân An và lễ hội", 10, len, 2) == ["Đình Tân", "An và lễ…"]
    assert wrap("Chùa, đình, đền, miếu", 12, len, 1) == ["Chùa, đình…"]
    assert wrap("", 10, len, 2) == []
    # the last line with its ellipsis too wide: words are taken off its end until it fits
    assert wrap("Đình Tân An và lễ hội", 8, len, 2) == ["Đình Tân", "An và…"]
    assert wrap("Hội Lim mở hội", 7, len, 1) == ["Hội…"]
    # only the punctuation before the ellipsis goes: "thế kỷ XX," keeps its XX
    assert wrap("Đình dựng thế kỷ XX, nay còn nguyên", 21, len, 1) == ["Đình dựng thế kỷ XX…"]


# Which parts of a name are Vietnamese (the English page marks them lang="vi").
def test_looks_vietnamese():
    assert looks_vietnamese("Hội Lim") and looks_vietnamese(unicodedata.normalize("NFD", "Ngô"))
    assert not looks_vietnamese("Bamboo weaving") and not looks_vietnamese("") and not looks_vietnamese(None)


@PROPERTIES
@given(syllable_letters(), st.booleans())
def test_a_word_with_a_vietnamese_letter_looks_vietnamese(word, decomposed):
    text = spell(word)
    assume(any(letter in FOLDED for letter, _ in word))
    assert looks_vietnamese(unicodedata.normalize("NFD" if decomposed else "NFC", text))


@PROPERTIES
@given(st.text(alphabet="aHộiLmđừ ()-,", max_size=30))
def test_spans_put_a_name_back_together_with_bare_vietnamese_parts(name):
    spans = vietnamese_spans(name)
    assert "".join(part for part, _ in spans) == name
    assert all(part and part == part.strip() for part, is_vi in spans if is_vi)


@pytest.mark.parametrize(
    "name, vietnamese",
    [
        ("Tân An Pagoda", []),  # one word in three: an English name
        ("Lim Festival ( Hội Lim )", ["Hội Lim"]),
        ("Chùa Dâu", ["Chùa Dâu"]),  # ù is also French; â is Vietnamese only
        ("", []),
        (None, []),
    ],
)
def test_vietnamese_parts(name, vietnamese):
    spans = vietnamese_spans(name)
    assert [part for part, is_vi in spans if is_vi] == vietnamese
    assert [is_vi for part, is_vi in spans if not part.strip()] == [False] * sum(1 for part, _ in spans if not part.strip())
