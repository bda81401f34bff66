"""`python -m heritage report`: the year's figures, computed once, written as Markdown, CSV, Word and charts.

Sits above figures, wording, word and charts so that none of them imports another in a circle."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from heritage.content.inventory import Inventory
from heritage.content.settings import Settings
from heritage.report import charts, word, wording
from heritage.report.figures import compute


def write_report(inv: Inventory, settings: Settings, year: int, until: dt.date, folder: Path, lang: str = "vi", issued: dt.date | None = None) -> list[Path]:
    """Markdown, CSV, Word document and charts (PNG and SVG) of one year, in one language."""
    figures = compute(inv, settings, year, until)
    folder.mkdir(parents=True, exist_ok=True)
    stem = wording.file_stem(year, lang)
    drawn = charts.write_charts(figures, lang, folder, stem)
    document = wording.document(figures, lang, {key: files.png.name for key, files in drawn.items()})
    markdown = folder / f"{stem}.md"
    table = folder / f"{stem}.csv"
    docx = folder / f"{stem}.docx"
    markdown.write_text(wording.markdown(document), encoding="utf-8")
    table.write_bytes(figures.csv())
    word.write(document, settings, lang, {key: files.png for key, files in drawn.items()}, issued or until, docx)
    written = [markdown, table, docx]
    for files in drawn.values():
        written += [files.png, files.svg]
    return written
