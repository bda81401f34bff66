"""A post's `audio:` in `make check`: a readable recording, or an error naming file, line and field."""

from __future__ import annotations

import json
import sys
import wave

import pytest

from tests.conftest import Project
from tests.test_radio import write_wav


def audio_post(project: Project, audio_yaml: str) -> None:
    project.write("data/site.yml", "ward: {vi: Phường Thử, en: Test Ward}\nlocality: {vi: phường Thử, en: Test Ward}\ncolumn: {launch: 2026-09}\n")
    project.write("docs/vi/chuyen-muc/bai.md", f"---\ntitle: Bài\ndate: 2026-09-20\nsummary: Tóm tắt.\n{audio_yaml}\n---\n\nNội dung.\n")


@pytest.mark.parametrize("audio_yaml, make, field, vi, en", [
    ("audio: chuyen-muc/khong-co.mp3", None, "audio", "Không tìm thấy tệp media data/media/chuyen-muc/khong-co.mp3", "does not exist"),
    ("audio: {vi: chuyen-muc/bai.wav, en: chuyen-muc/missing.mp3}", "wav", "audio.en", "Không tìm thấy", "does not exist"),
    ("audio: chuyen-muc/hong.mp3", b"ID3 this is no sound at all", "audio", "Không đọc được tệp", "cannot be read"),
    ("audio: chuyen-muc/rong.wav", "empty-wav", "audio", "không có", "no "),
    ("audio: ../../etc/passwd", None, "audio", "ra ngoài thư mục media", "leads outside"),
    ("audio: chuyen-muc/bai.txt", b"text", "audio", "không được hỗ trợ", "not supported"),
])
def test_a_recording_that_cannot_play_is_an_error_at_its_line(project: Project, audio_yaml, make, field, vi, en):
    audio_post(project, audio_yaml)
    if make == "wav":
        write_wav(project.root / "data/media/chuyen-muc/bai.wav", -20, seconds=1)
    elif make == "empty-wav":  # a header and no sound (a recording stopped at once)
        (project.root / "data/media/chuyen-muc").mkdir(parents=True)
        with wave.open(str(project.root / "data/media/chuyen-muc/rong.wav"), "wb") as empty:
            empty.setnchannels(1), empty.setsampwidth(2), empty.setframerate(48000)
            empty.writeframes(b"")
    elif make is not None:
        name = audio_yaml.split("/")[-1]
        project.write(f"data/media/chuyen-muc/{name}", make)
    before = project.snapshot()
    result = project.check(HERITAGE_TODAY="2026-09-25")
    out = result.stdout + result.stderr
    assert result.returncode == 1, out
    assert "Traceback" not in out
    assert f"LỖI / ERROR — {field} (dòng/line 5)" in out, out
    found = problems(project)
    ours = [p for p in found if p["file"] == "docs/vi/chuyen-muc/bai.md" and p["field"] == field]
    assert len(ours) == 1 and ours[0]["line"] == 5 and ours[0]["severity"] == "error", found
    assert vi in ours[0]["vi"] and en in ours[0]["en"] and ours[0]["fix_vi"] and ours[0]["fix_en"]
    assert project.snapshot() == before


def problems(project: Project) -> list[dict]:
    result = project.run(sys.executable, "-m", "heritage", "check", "--format", "json", env={"HERITAGE_TODAY": "2026-09-25"})
    return json.loads(result.stdout)["problems"]


def test_a_readable_recording_passes_and_counts_as_used(project: Project):
    audio_post(project, "audio: {vi: chuyen-muc/bai.wav}")
    write_wav(project.root / "data/media/chuyen-muc/bai.wav", -20, seconds=2)
    project.write("docs/en/chuyen-muc/bai.md", "---\ntitle: Post\ndate: 2026-09-20\nsummary: Summary.\n---\n\nText.\n")
    project.stamp_all()
    found = problems(project)
    assert not [p for p in found if "bai.wav" in p["file"] + p["vi"] or (p["field"] or "").startswith("audio")], found


LONG_TEXT = " ".join(["Lớp truyền dạy Quan họ khai giảng tại nhà văn hóa khu phố, mở cho mọi lứa tuổi."] * 8)  # ~150 syllables: ~65 s


@pytest.mark.parametrize("lang, audio_yaml, seconds, warned", [
    ("vi", "audio: chuyen-muc/bai.wav", 4, True),  # 4 s for ~65 s of text: cut short
    ("vi", "audio: chuyen-muc/bai.wav", 40, False),  # a brisk reading is no fault
    ("en", "audio: {vi: chuyen-muc/vi.wav, en: chuyen-muc/bai.wav}", 3, True),  # on the English page, its own field
])
def test_a_recording_far_shorter_than_its_text_is_a_warning_at_its_line(project: Project, lang, audio_yaml, seconds, warned):
    project.write("data/site.yml", "ward: {vi: Phường Thử, en: Test Ward}\nlocality: {vi: phường Thử, en: Test Ward}\ncolumn: {launch: 2026-09}\n")
    body = LONG_TEXT if lang == "vi" else " ".join(["The Quan ho class opens at the ward's cultural house, for all ages."] * 10)
    project.write(f"docs/{lang}/chuyen-muc/bai.md", f"---\ntitle: Bài\ndate: 2026-09-20\nsummary: Tóm tắt.\n{audio_yaml}\n---\n\n{body}\n")
    other = "en" if lang == "vi" else "vi"
    project.write(f"docs/{other}/chuyen-muc/bai.md", f"---\ntitle: Bài\ndate: 2026-09-20\nsummary: Tóm tắt.\n---\n\n{LONG_TEXT}\n")
    write_wav(project.root / "data/media/chuyen-muc/bai.wav", -20, seconds=seconds)
    write_wav(project.root / "data/media/chuyen-muc/vi.wav", -20, seconds=60)
    project.stamp_all()
    field = "audio" if lang == "vi" else "audio.en"
    ours = [p for p in problems(project) if (p["field"] or "").startswith("audio")]
    if not warned:
        assert ours == []
        return
    assert len(ours) == 1, ours
    found = ours[0]
    assert found["severity"] == "warning" and found["file"] == f"docs/{lang}/chuyen-muc/bai.md" and found["field"] == field and found["line"] == 5
    assert "data/media/chuyen-muc/bai.wav" in found["vi"] and "ngắn" not in found["en"]
    assert f"chỉ dài 0 phút {seconds} giây" in found["vi"] and f"lasts only 0 min {seconds} s" in found["en"]
    assert found["fix_vi"] and found["fix_en"]
    result = project.check(HERITAGE_TODAY="2026-09-25")
    assert result.returncode == 0, result.stdout + result.stderr  # a warning never fails the check
    assert f"CẢNH BÁO / WARNING — {field} (dòng/line 5)" in result.stdout + result.stderr
