"""Vietnamese alphabetical order, folding and normalisation."""

from __future__ import annotations

import random
import unicodedata

import pytest

from heritage.text import fold, nfc, vi_sort_key

# Written out by hand, not produced by the key under test: the order of the Unicode CLDR
# Vietnamese collation (common/collation/vi.xml, "standard"): ă after a and â after ă,
# đ after d, ê after e, ô and ơ after o, ư after u as letters of their own (primary
# differences), and tones as secondary differences in the order
# `&̀<<̉<<̃<<́<<̣`: none, huyền, hỏi, ngã, sắc, nặng (as Hoàng Phê's dictionary).
# Because tones are secondary, letters decide first: "Đông Hồ" before "Đồng Kỵ" (h < k),
# while "Đông" and "Đồng" (same letters) are told apart by the tone alone.
ORDERED = [
    "a", "à", "ả", "ã", "á", "ạ", "an", "ăn", "ân", "ba", "bà", "cà", "da", "đa", "đà",
    "Đình A", "Đình Bảng", "Đình Tân An", "Đông", "Đồng", "Đông Hồ", "Đồng Kỵ",
    "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y",
]


@pytest.mark.parametrize("seed", range(5))
def test_vietnamese_order(seed):
    shuffled = ORDERED[:]
    random.Random(seed).shuffle(shuffled)
    assert sorted(shuffled, key=vi_sort_key) == ORDERED


@pytest.mark.parametrize(
    "before, after",
    [("Am", "Ăn"), ("Ăn", "Âm"), ("Dừa", "Đá"), ("Đình", "Đông"), ("Chùa", "Đền"), ("Hội Lim", "Hội Ương"), ("ơi", "ủ"), ("ma", "mà")],
)
def test_pairs(before, after):
    assert vi_sort_key(before) < vi_sort_key(after)


def test_nfd_sorts_like_nfc():
    assert vi_sort_key(unicodedata.normalize("NFD", "Đình Tân An"))[:2] == vi_sort_key("Đình Tân An")[:2]


@pytest.mark.parametrize("text, folded", [("Đình Tân An", "dinh tan an"), ("Hội Lim", "hoi lim"), ("Quan họ", "quan ho"), ("ƯỚC", "uoc")])
def test_fold(text, folded):
    assert fold(text) == folded


def test_nfc():
    assert nfc(unicodedata.normalize("NFD", "Tân An")) == "Tân An"


@pytest.mark.parametrize(
    "name, vietnamese",
    [
        ("Lim Festival (Hội Lim)", ["Hội Lim"]),
        ("Người ở đừng về (Stay, do not leave)", ["Người ở đừng về"]),
        ("Tân An Communal House", []),  # an English name with a Vietnamese place in it
        ("Bamboo weaving", []),
    ],
)
def test_vietnamese_parts_of_a_name(name, vietnamese):
    from heritage.text import vietnamese_spans

    spans = vietnamese_spans(name)
    assert "".join(part for part, _ in spans) == name
    assert [part for part, is_vi in spans if is_vi] == vietnamese
