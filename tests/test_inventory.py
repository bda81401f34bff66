"""Loading and validating data/: every bad input gets a precise, bilingual problem."""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest

from heritage.checks.run import run_all
from heritage.content.loader import cached_inventory, load_inventory

from .conftest import bi


def errors_of(project):
    return load_inventory(project.root).errors


def only_error(project):
    errors = errors_of(project)
    assert len(errors) == 1, [e.en for e in errors]
    return errors[0]


def test_small_project_is_valid(small_project):
    inv = load_inventory(small_project.root)
    assert inv.errors == []
    assert set(inv.entries) == {"dinh-tan-an", "chua-an", "am-ba", "den-ba", "hoi-lim", "nghe-dan", "nghe-nhan-a", "moi-trau", "banh-a"}
    assert inv.entries["dinh-tan-an"].data.location.lat == 21.2


def test_relics_sort_in_vietnamese_order(small_project):
    names = [e.name("vi") for e in load_inventory(small_project.root).section("di-tich", "vi")]
    assert names == ["Am Bà", "Chùa Ân", "Đền Bà", "Đình Tân An"]


@pytest.mark.parametrize(
    "section, fields, field, vi_part, en_part",
    [
        ("di-tich", {"location": {"lat": "21,18", "lon": 106.1}}, "location.lat", "dấu phẩy thập phân", "decimal comma"),
        ("di-tich", {"location": {"lat": 210.5, "lon": 106.1}}, "location.lat", "ngoài Việt Nam", "outside Viet Nam"),
        ("di-tich", {"location": {"lat": 21.1, "lon": 6.1}}, "location.lon", "ngoài Việt Nam", "outside Viet Nam"),
        ("di-tich", {"location": None}, "location", "Thiếu trường bắt buộc", "required field `location`"),
        ("di-tich", {"name": {"vi": "Đình"}}, "name.en", "tiếng Anh", "English text"),
        ("di-tich", {"name": "Đình"}, "name", "cả tiếng Việt và tiếng Anh", "both Vietnamese and English"),
        ("di-tich", {"summary": bi("x" * 301, "Short.")}, "summary.vi", "quá giới hạn 300", "over the 300-character limit"),
        ("di-tich", {"sumary": bi("x")}, "sumary", "`summary`", "Did you mean `summary`?"),
        ("di-tich", {"when": {"calendar": "lunar", "month": 1, "day": 1}}, "when", "chỉ dùng cho: le-hoi", "only to: le-hoi"),
        ("di-tich", {"type": "dinhh"}, "type", "'dinh'", "did you mean 'dinh'"),
        ("di-tich", {"ranking": "unesco"}, "ranking", "không có trong danh sách", "is not a `ranking`"),
        ("di-tich", {"priority": "rat-cao"}, "priority", "không có trong danh sách", "is not a `priority`"),
        ("di-tich", {"related": ["khong-co"]}, "related[0]", "không tồn tại", "does not exist"),
        ("di-tich", {"sample": "có lẽ"}, "sample", "true/false", "true/false"),
        ("le-hoi", {"when": {"calendar": "lunar", "month": 13, "day": 1}}, "when.month", "giới hạn 12", "limit of 12"),
        ("le-hoi", {"when": {"calendar": "lunar", "month": 1, "day": 31}}, "when", "29 hoặc 30 ngày", "29 or 30 days"),
        ("le-hoi", {"when": {"calendar": "solar", "month": 2, "day": 30}}, "when", "không có trong dương lịch", "not a date"),
        ("le-hoi", {"when": {"calendar": "lunar", "month": 1, "day": 1, "every": 3}}, "when", "`since`", "`since`"),
        ("le-hoi", {"when": {"calendar": "am", "month": 1, "day": 1}}, "when.calendar", "không phải giá trị hợp lệ", "'lunar' or 'solar'"),
        ("nghe-nhan", {"consent": None}, "consent", "Thiếu trường bắt buộc", "required field `consent`"),
        ("nghe-nhan", {"consent": {"date": "2026-13-01", "ref": "x"}}, "consent.date", "không phải ngày hợp lệ", "not a valid date"),
        ("nghe-nhan", {"ranking": "unesco"}, "ranking", "không dùng cho chuyên mục này", "does not apply"),
        ("san-pham", {"ocop_stars": 6}, "ocop_stars", "giới hạn 5", "limit of 5"),
        ("san-pham", {"media": [{"image": "a.jpg", "credit": "x", "license": "CC0"}]}, "media[0]", "`alt`", "`alt`"),
        ("san-pham", {"media": [{"image": "a.jpg", "youtube": "dQw4w9WgXcQ", "alt": bi("a"), "credit": "x", "license": "y"}]}, "media[0]", "đúng một", "exactly one"),
        ("san-pham", {"media": [{"image": "../../secret.jpg", "alt": bi("a"), "credit": "x", "license": "y"}]}, "media[0]", "không hợp lệ", "not allowed"),
        ("san-pham", {"media": [{"youtube": "dQw4w9WgXcQ", "credit": "x"}]}, "media[0].license", "Thiếu trường bắt buộc", "`license`"),
        ("san-pham", {"media": [{"image": "khong-co.jpg", "alt": bi("a"), "credit": "x", "license": "CC BY 4.0"}]}, "media[0].image", "Không tìm thấy", "does not exist"),
        ("san-pham", {"sources": [{"title": "x", "url": "ftp:/x"}]}, "sources[0].url", "địa chỉ web", "web address"),
        ("san-pham", {"aliases": ["Cu Sai"]}, "aliases[0]", "chữ thường không dấu", "lowercase ASCII"),
        ("di-tich", {"visit": {"hours": [{"days": ["mo", "thu"], "opens": "07:00", "closes": "11:00"}]}}, "visit.hours[0].days", "thu", "Unknown day"),
        ("di-tich", {"visit": {"hours": [{"days": "daily", "opens": "7h", "closes": "11:00"}]}}, "visit.hours[0].opens", "GIỜ:PHÚT", "HOURS:MINUTES"),
        ("di-tich", {"visit": {"hours": [{"days": "daily", "opens": "17:00", "closes": "11:00"}]}}, "visit.hours[0]", "không sau giờ mở cửa", "not after opening"),
        ("lang-nghe", {"visit": {"free": True, "fee": bi("10.000 đồng", "10,000 dong")}}, "visit", "không dùng cùng nhau", "cannot both"),
        ("lang-nghe", {"visit": {}}, "visit", "đang trống", "is empty"),
        ("nghe-nhan", {"visit": {"by_appointment": True}}, "visit", "visit", "visit"),
    ],
)
def test_bad_field_gets_a_precise_error(project, section, fields, field, vi_part, en_part):
    project.entry(section, "muc-thu", **fields)
    before = project.snapshot()
    error = only_error(project)
    assert error.file == f"data/{section}/muc-thu.yml"
    assert error.field == field
    assert vi_part in error.vi + error.fix_vi
    assert en_part in error.en + error.fix_en
    if not error.vi.startswith("Thiếu trường"):  # a missing field has no line of its own
        assert error.line is not None and error.line >= 1
    assert project.snapshot() == before


def test_line_number_points_at_the_field(project):
    project.write(
        "data/di-tich/dinh-x.yml",
        "name: {vi: Đình X, en: X House}\nsummary: {vi: a, en: b}\ntype: dinh\nranking: tinh\nlocation:\n  lat: \"21,18\"\n  lon: 106.1\n",
    )
    for lang in ("vi", "en"):
        project.write(f"docs/{lang}/di-tich/dinh-x.md", "Nội dung")
    error = only_error(project)
    assert (error.field, error.line) == ("location.lat", 6)
    assert "21.18" in error.fix_vi


def test_yaml_syntax_error_names_file_and_line(project):
    project.write("data/di-tich/hong.yml", "name: {vi: Đình, en: House}\nsummary:\n  vi: a\n   en: b\n")
    error = only_error(project)
    assert error.file == "data/di-tich/hong.yml"
    assert error.line == 4
    assert "YAML" in error.vi and "YAML" in error.en


def test_all_errors_reported_in_one_run(project):
    project.entry("di-tich", "mot", location={"lat": "21,1", "lon": 106.0}, type="khong-co")
    project.entry("le-hoi", "hai", when={"calendar": "lunar", "month": 13, "day": 1})
    project.entry("san-pham", "ba", pages=())
    files = {e.file for e in errors_of(project)}
    assert files == {"data/di-tich/mot.yml", "data/le-hoi/hai.yml", "data/san-pham/ba.yml"}


def test_unknown_section_folder_suggests_the_right_one(project):
    project.write("data/di-tic/dinh.yml", "name: {vi: a, en: b}\n")
    error = only_error(project)
    assert error.file == "data/di-tic"
    assert "di-tich" in error.vi and "did you mean 'di-tich'" in error.en


def test_duplicate_id_across_sections(project):
    project.entry("di-tich", "trung")
    project.entry("san-pham", "trung")
    error = only_error(project)
    assert "trung" in error.vi and "unique" in error.en


def test_alias_claimed_twice(project):
    project.entry("di-tich", "mot", aliases=["cu"])
    project.entry("di-tich", "hai", aliases=["cu"])
    project.entry("di-tich", "ba", aliases=["mot"])
    messages = [e.en for e in errors_of(project)]
    assert len(messages) == 2
    assert all("already claimed" in m for m in messages)


@pytest.mark.parametrize("missing", ["vi", "en"])
def test_entry_without_page_in_one_language(project, missing):
    present = next(lang for lang in ("vi", "en") if lang != missing)
    project.entry("quan-ho", "bai-hat", pages=(present,))
    assert errors_of(project) == []  # the inventory is fine; the parity check names the gap
    (error,) = [p for p in run_all(project.root, dt.date(2026, 10, 20)) if p.is_error and "bai-hat" in p.file]
    assert error.file == f"docs/{present}/quan-ho/bai-hat.md"
    assert f"docs/{missing}/quan-ho/bai-hat.md" in error.vi + error.fix_vi


def test_page_without_data(project):
    project.write("docs/vi/di-tich/mo-coi.md", "Không có dữ liệu")
    error = only_error(project)
    assert error.file == "docs/vi/di-tich/mo-coi.md"
    assert "python -m heritage new di-tich mo-coi" in error.fix_vi


def test_bad_file_name_is_not_an_id(project):
    project.entry("di-tich", "Dinh-Tan-An")
    error = only_error(project)
    assert error.field == "id"


def test_bom_and_nfd_are_accepted_and_normalised(project):
    nfd_name = unicodedata.normalize("NFD", "Đình Tân An")
    assert nfd_name != "Đình Tân An"
    text = (
        f"name: {{vi: {nfd_name}, en: Tân An House}}\nsummary: {{vi: Tóm tắt, en: Summary}}\n"
        "type: dinh\nranking: tinh\nlocation: {lat: 21.2, lon: 106.1}\n"
    )
    project.write("data/di-tich/dinh-tan-an.yml", b"\xef\xbb\xbf" + text.encode("utf-8"))
    for lang in ("vi", "en"):
        project.entry  # pages
        project.write(f"docs/{lang}/di-tich/dinh-tan-an.md", "x")
    before = project.snapshot()
    inv = load_inventory(project.root)
    assert inv.errors == []
    assert inv.entries["dinh-tan-an"].name("vi") == "Đình Tân An"
    assert project.snapshot() == before


def test_non_utf8_file(project):
    project.write("data/di-tich/cu.yml", "name: {vi: Đình, en: House}\n".encode("cp1258", errors="replace"))
    error = only_error(project)
    assert "UTF-8" in error.vi


def test_post_errors(project):
    project.entry("di-tich", "dinh")
    project.post("vi", "bai", "2026-13-01")
    project.post("en", "bai", "2026-10-01")
    project.post("vi", "bai-2", "2026-10-01", cover="khong/co.jpg", entries=["khong-co"], category="la")
    project.post("en", "bai-2", "2026-10-02")
    project.post("en", "chi-tieng-anh", "2026-10-01")
    found = {(e.file, e.field) for e in errors_of(project)}
    assert found == {
        ("docs/vi/chuyen-muc/bai.md", "date"),
        ("docs/vi/chuyen-muc/bai-2.md", "cover"),
        ("docs/vi/chuyen-muc/bai-2.md", "entries[0]"),
        ("docs/vi/chuyen-muc/bai-2.md", "category"),
        ("docs/en/chuyen-muc/bai-2.md", "date"),
    }
    parity = [p for p in run_all(project.root, dt.date(2026, 10, 20)) if p.file == "docs/en/chuyen-muc/chi-tieng-anh.md"]
    assert parity and "docs/vi/chuyen-muc/chi-tieng-anh.md" in parity[0].vi


def test_cache_reloads_only_on_change(small_project):
    first = cached_inventory(small_project.root)
    assert cached_inventory(small_project.root) is first
    small_project.entry("san-pham", "moi")
    second = cached_inventory(small_project.root)
    assert second is not first and "moi" in second.entries


def test_visit_block_reads_hours_as_written(project):
    """An unquoted 07:30 is a number to YAML 1.1 (450 minutes): it still means half past seven."""
    project.write(
        "data/di-tich/dinh-x.yml",
        "name: {vi: Đình X, en: X House}\nsummary: {vi: a, en: b}\ntype: dinh\nranking: tinh\n"
        "location: {lat: 21.2, lon: 106.1}\nvisit:\n  hours:\n    - {days: [sa, su], opens: 07:30, closes: \"17:00\"}\n  by_appointment: true\n",
    )
    for lang in ("vi", "en"):
        project.write(f"docs/{lang}/di-tich/dinh-x.md", "Nội dung")
    inv = load_inventory(project.root)
    assert inv.errors == []
    hours = inv.entries["dinh-x"].data.visit.hours[0]
    assert (hours.opens, hours.closes, hours.weekdays) == ("07:30", "17:00", ["sa", "su"])


@pytest.mark.parametrize("written, meant", [("07:00", "07:00"), ("07:05", "07:05"), ("19:00", "19:00"), ("00:00", "00:00")])
def test_unquoted_whole_and_padded_hours_read_as_written(project, written, meant):
    """YAML 1.1 reads an unquoted 07:00 as 420 and 07:05 as 425: both are clock times an officer
    typed, for a place's hours and an event's time alike."""
    project.write(
        "data/di-tich/dinh-x.yml",
        "name: {vi: Đình X, en: X House}\nsummary: {vi: a, en: b}\ntype: dinh\nranking: tinh\n"
        f"location: {{lat: 21.2, lon: 106.1}}\nvisit:\n  hours:\n    - {{days: daily, opens: {written}, closes: \"23:59\"}}\n",
    )
    project.write(
        "data/su-kien/le-x.yml",
        "name: {vi: Lễ X, en: Rite X}\nsummary: {vi: a, en: b}\nrepeat: {lunar_days: [1, 15]}\n"
        f"time: {{start: {written}}}\nplace: {{entry: dinh-x}}\n",
    )
    for lang in ("vi", "en"):
        project.write(f"docs/{lang}/di-tich/dinh-x.md", "Nội dung")
        project.write(f"docs/{lang}/su-kien/le-x.md", "Nội dung")
    inv = load_inventory(project.root)
    assert inv.errors == []
    assert inv.entries["dinh-x"].data.visit.hours[0].opens == meant
    assert inv.events["le-x"].data.time.start == meant


def test_site_settings_name_existing_featured_entries_and_logo(small_project):
    small_project.write("data/site.yml", "ward: {vi: Phường X, en: X Ward}\ncolumn: {launch: 2026-09}\nfeatured: [dinh-tan-ann]\nlogo: logo.svg\n")
    errors = errors_of(small_project)
    fields = {e.field: e for e in errors}
    assert set(fields) == {"featured[0]", "logo"}
    assert "dinh-tan-an" in fields["featured[0]"].vi and "does not exist" in fields["featured[0]"].en
    assert fields["logo"].file == "data/site.yml" and "data/logo.svg" in fields["logo"].en
