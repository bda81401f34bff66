"""The six inventory sections and the column, as the contract fixes them."""

from __future__ import annotations

from dataclasses import dataclass

LANGUAGES = ("vi", "en")  # the first is the default: served at /, the other at /en/


@dataclass(frozen=True)
class Section:
    key: str
    vi: str
    en: str
    has_ranking: bool = False
    needs_location: bool = False  # `location` is required
    has_place: bool = False  # happens at a place: the map page names entries without coordinates

    def label(self, lang: str) -> str:
        return self.vi if lang == "vi" else self.en


ENTRY_SECTIONS: dict[str, Section] = {
    s.key: s
    for s in (
        Section("di-tich", "Di tích", "Historic sites", has_ranking=True, needs_location=True, has_place=True),
        Section("le-hoi", "Lễ hội", "Festivals", has_ranking=True, has_place=True),
        Section("lang-nghe", "Làng nghề", "Traditional crafts", has_ranking=True, needs_location=True, has_place=True),
        Section("nghe-nhan", "Nghệ nhân", "Artisans"),
        Section("quan-ho", "Quan họ", "Quan họ songs", has_ranking=True),
        Section("san-pham", "Sản phẩm", "Local products"),
    )
}

COLUMN = Section("chuyen-muc", "Chuyên mục", "Column")
