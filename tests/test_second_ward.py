"""A second, fictional ward built with the same engine names no other place (issue 29).

Everything a ward says about itself (name, tagline, feed, brochure, file names, the service
worker's caches, the report's plan) comes from its own data/site.yml: a ward called Phú Lạc in
a province called Sơn Hà gets a site, a web editor, a brochure, plaques and a report in which
neither the repository's own ward nor its province appears.
"""

from __future__ import annotations

import re
import shutil
import sys
import zipfile
from pathlib import Path

import pikepdf
import pytest
import yaml

from .conftest import LANGS, REPO, TODAY, Project, bi

FORBIDDEN = ("Tân An", "Tan An", "tan-an", "tanan", "Bắc Ninh", "Bac Ninh", "bac-ninh", "Kinh Bắc")
TEXT_SUFFIXES = {".html", ".json", ".xml", ".ics", ".webmanifest", ".js", ".css", ".txt", ".gpx", ".yml", ".md", ".csv", ".svg", "._headers"}

SITE_YML = {
    "site_name": bi("Di sản Phú Lạc", "Phú Lạc Heritage"),
    "ward": bi("UBND phường Phú Lạc, tỉnh Sơn Hà", "People's Committee of Phú Lạc Ward, Sơn Hà Province"),
    "province": bi("tỉnh Sơn Hà", "Sơn Hà Province"),
    "locality": bi("phường Phú Lạc", "Phú Lạc ward"),
    "tagline": bi("Đình, chùa và lễ hội của phường Phú Lạc", "Communal houses, pagodas and festivals of Phú Lạc"),
    "column": {"launch": "2026-09"},
    "report": {"agency": bi("UBND phường Phú Lạc", "Phú Lạc Ward People's Committee"), "place": "Phú Lạc",
               "plan": bi("Kế hoạch văn hóa của phường Phú Lạc giai đoạn 2026 - 2030", "Phú Lạc's cultural plan 2026-2030")},
    "brochure": {"intro": bi("Phường Phú Lạc thuộc tỉnh Sơn Hà.", "Phú Lạc is a ward of Sơn Hà province."), "relics": ["dinh-phu-lac"]},
    "contact": {"office": bi("Phòng Văn hóa - Xã hội phường Phú Lạc", "Culture Office of Phú Lạc Ward"), "phone": "0200 000 000"},
}


def _ward(root: Path) -> Project:
    """Phú Lạc: the repository's configuration with its own names, its own site.yml and content."""
    for folder in ("hooks", "overrides", "admin"):
        shutil.copytree(REPO / folder, root / folder)
    (root / "node_modules").symlink_to(REPO / "node_modules")  # Decap's bundle for /admin/
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")  # the site's own file: its names are the site's
    for old, new in (("Tân An", "Phú Lạc"), ("Bắc Ninh", "Sơn Hà"), ("tan-an", "phu-lac"), ("tanan", "phulac"), ("bacninh", "sonha")):
        config = config.replace(old, new)
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    (root / "data").mkdir()
    shutil.copy(REPO / "data" / "vocabulary.yml", root / "data" / "vocabulary.yml")
    project = Project(root)
    project.write("data/site.yml", yaml.safe_dump(SITE_YML, allow_unicode=True, sort_keys=False))
    for lang in LANGS:
        pages = {"index.md": "Trang chủ" if lang == "vi" else "Home"}
        for folder in ("di-tich", "le-hoi", "lang-nghe", "nghe-nhan", "quan-ho", "san-pham", "chuyen-muc", "lich-le-hoi", "ban-do", "hanh-trinh", "du-lieu", "gioi-thieu", "ke-hoach-tham-quan"):
            pages[f"{folder}/index.md"] = folder
        for rel, title in pages.items():
            project.write(f"docs/{lang}/{rel}", f"---\ntitle: {title}\n---\n\nGiới thiệu.\n")
    project.image("data/media/dinh-phu-lac/cong.jpg")
    project.entry("di-tich", "dinh-phu-lac", ("Đình Phú Lạc", "Phú Lạc Communal House"),
                  location={"address": bi("Phường Phú Lạc", "Phú Lạc Ward"), "lat": 16.5, "lon": 107.5},
                  media=[{"image": "cong.jpg", "alt": bi("Cổng đình", "The gate"), "credit": "Ảnh thử", "license": "CC0-1.0"}])
    project.entry("di-tich", "chua-phu-lac", ("Chùa Phú Lạc", "Phú Lạc Pagoda"), type="chua",
                  location={"address": bi("Phường Phú Lạc", "Phú Lạc Ward"), "lat": 16.501, "lon": 107.502})
    project.entry("le-hoi", "hoi-lang", ("Hội làng", "Village festival"))
    project.write("data/trails/vong-dinh.yml", yaml.safe_dump({
        "name": bi("Vòng quanh đình", "Around the communal house"), "summary": bi("Một vòng ngắn.", "A short walk."),
        "travel": ["walking"], "season": bi("Quanh năm", "All year"), "stops": [{"entry": "dinh-phu-lac"}, {"entry": "chua-phu-lac"}],
    }, allow_unicode=True, sort_keys=False))
    for lang in LANGS:
        project.write(f"docs/{lang}/hanh-trinh/vong-dinh.md", "Đi bộ.\n" if lang == "vi" else "On foot.\n")
        project.post(lang, "ra-mat", "2026-09-15", "Ra mắt" if lang == "vi" else "Launch", entries=["dinh-phu-lac"])
    return project.stamp_all()


def _texts(folder: Path):
    """(file, text) of every text file, PDF (its text and metadata) and Word document under `folder`."""
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        if path.suffix in TEXT_SUFFIXES or path.name == "_headers":
            yield path, path.read_text(encoding="utf-8", errors="replace")
        elif path.suffix == ".pdf":
            with pikepdf.open(path) as pdf:
                yield path, str(pdf.open_metadata()) + str(pdf.docinfo) + _pdf_text(path)
        elif path.suffix == ".docx":
            with zipfile.ZipFile(path) as docx:
                yield path, " ".join(docx.read(name).decode("utf-8", "replace") for name in docx.namelist() if name.endswith(".xml"))


def _pdf_text(path: Path) -> str:
    """The PDF's real text, read back as tests/test_brochure.py does (plaques draw theirs as outlines)."""
    import pypdfium2

    pdf = pypdfium2.PdfDocument(path)
    return " ".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))


def _names_of_others(folder: Path) -> list[str]:
    return [f"{path.relative_to(folder)}: {word!r}" for path, text in _texts(folder) for word in FORBIDDEN if word.lower() in text.lower()]


@pytest.fixture(scope="module")
def ward(tmp_path_factory) -> Project:
    project = _ward(tmp_path_factory.mktemp("phu-lac"))
    result = project.build(SITE_URL="https://phulac.example.org/")
    assert result.returncode == 0, result.stdout + result.stderr
    return project


def test_the_second_ward_builds_with_its_own_name(ward):
    home = ward.html("")
    assert "Di sản Phú Lạc" in home
    assert "Phú Lạc" in (ward.root / "site" / "gioi-thieu" / "index.html").read_text(encoding="utf-8")
    assert "nghệ nhân phường Phú Lạc" in (ward.root / "site" / "chuyen-muc" / "feed.xml").read_text(encoding="utf-8")
    assert (ward.root / "site" / "du-lieu" / "di-san-phu-lac.csv").is_file()
    assert (ward.root / "site" / "gioi-thieu" / f"di-san-phu-lac-{TODAY[:4]}.pdf").is_file()
    assert re.search(r'const PREFIX = "di-san-phu-lac-";', (ward.root / "site" / "sw.js").read_text(encoding="utf-8"))


def test_its_site_and_web_editor_name_no_other_place(ward):
    assert (ward.root / "site" / "admin" / "config.yml").is_file()
    assert _names_of_others(ward.root / "site") == []


def test_its_plaques_and_report_name_no_other_place(ward):
    plaques = ward.run(sys.executable, "-m", "heritage", "plaques", "--out", "bien", env={"SITE_URL": "https://phulac.example.org/"})
    assert plaques.returncode == 0, plaques.stderr
    report = ward.run(sys.executable, "-m", "heritage", "report", "--year", TODAY[:4])
    assert report.returncode == 0, report.stderr
    assert any((ward.root / "bien").rglob("*.pdf")) and any((ward.root / "bao-cao").rglob("*.docx"))
    assert "Kế hoạch văn hóa của phường Phú Lạc" in next((ward.root / "bao-cao").glob("*.md")).read_text(encoding="utf-8")
    assert _names_of_others(ward.root / "bien") == []
    assert _names_of_others(ward.root / "bao-cao") == []


def test_the_scan_finds_a_name_where_there_is_one(tmp_path):
    """The scan above is not blind: a name in a page, in the editor's config or in a report is found."""
    (tmp_path / "a.html").write_text("<p>Hội Lim, Bắc Ninh</p>", encoding="utf-8")
    (tmp_path / "config.yml").write_text("hint: ví dụ dinh-tan-an\n", encoding="utf-8")
    with zipfile.ZipFile(tmp_path / "r.docx", "w") as docx:
        docx.writestr("word/document.xml", "<w:t>UBND phường Tân An</w:t>")
    assert sorted(_names_of_others(tmp_path)) == ["a.html: 'Bắc Ninh'", "config.yml: 'tan-an'", "r.docx: 'Tân An'"]
