"""`python -m heritage radio YYYY-MM`: the announcer's script and the loudness of the files,
measured by an independent meter (pyloudnorm, ITU-R BS.1770-4), not by FFmpeg's own."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import av
import numpy as np
import pyloudnorm
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from heritage.radio import script
from tests.conftest import Project

RATE = 48000


def speech_like(seconds: float = 8.0, seed: int = 1) -> np.ndarray:
    """Voiced harmonics and breath noise, opened and closed at a syllable's pace with pauses:
    the loudness gate and the limiter see what a recorded voice gives them."""
    t = np.arange(int(seconds * RATE)) / RATE
    rng = np.random.default_rng(seed)
    pitch = 140 * (1 + 0.1 * np.sin(2 * np.pi * 0.7 * t))
    phase = 2 * np.pi * np.cumsum(pitch) / RATE
    voice = sum(np.sin(k * phase) / k for k in range(1, 12))
    noise = rng.standard_normal(len(t)) * 0.25
    syllables = (0.5 + 0.5 * np.sin(2 * np.pi * 3.7 * t)) ** 2
    pauses = np.sin(2 * np.pi * 0.35 * t) > -0.7
    return (voice + noise) * syllables * pauses


def loudness(samples: np.ndarray, rate: int) -> float:
    """pyloudnorm's integrated loudness of (channels, samples) or (samples,)."""
    data = samples.T if samples.ndim == 2 else samples
    return pyloudnorm.Meter(rate).integrated_loudness(data.astype(np.float64))


def write_wav(path: Path, lufs: float, seconds: float = 8.0, seed: int = 1) -> Path:
    """A 32-bit float WAV at `lufs` (as pyloudnorm measures it): float, so -5 LUFS does not clip."""
    signal = speech_like(seconds, seed)
    signal *= 10 ** ((lufs - loudness(signal, RATE)) / 20)
    path.parent.mkdir(parents=True, exist_ok=True)
    with av.open(str(path), "w", format="wav") as output:
        stream = output.add_stream("pcm_f32le", rate=RATE, layout="mono")
        frame = av.AudioFrame.from_ndarray(signal.astype(np.float32).reshape(1, -1), format="flt", layout="mono")
        frame.rate = RATE
        for packet in [*stream.encode(frame), *stream.encode(None)]:
            output.mux(packet)
    return path


def read_audio(path: Path) -> tuple[np.ndarray, int, str, int]:
    """(samples as (channels, n) float, rate, container format, channels) as FFmpeg reads them."""
    with av.open(str(path)) as container:
        stream = container.streams.audio[0]
        codec, channels = container.format.name, stream.codec_context.channels
        frames = [f.to_ndarray() for f in container.decode(stream)]
        rate = stream.rate
    data = np.concatenate(frames, axis=1)
    return data, rate, codec, channels


BODY = """Lễ hội đình năm nay mở vào ngày 12/3/2026, kéo dài 3 ngày.

## Chương trình

- **Lễ rước** từ đình ra bến sông, có [đội tế](https://example.org) và phường bát âm;
- hát Quan họ trên thuyền, thi nấu cỗ, đấu vật, kéo co, cờ người, hội thi gói bánh chưng của các thôn, các dòng họ và các hội đoàn trong toàn phường với hơn 1.200 người tham gia.

![Ảnh lễ rước](anh.jpg)

Mời bà con đến dự đông đủ!
"""


def radio_project(project: Project, lufs: float | None) -> Project:
    project.write("data/site.yml", "ward: {vi: Phường Thử, en: Test Ward}\nlocality: {vi: phường Thử, en: Test Ward}\ncolumn: {launch: 2026-07}\n")
    extra = {}
    if lufs is not None:
        write_wav(project.root / "data/media/chuyen-muc/le-hoi.wav", lufs)
        extra = {"audio": "chuyen-muc/le-hoi.wav"}
    meta = "title: Lễ hội đình mùa xuân\ndate: 2026-09-20\nsummary: Lễ hội đình.\n" + "".join(f"{k}: {v}\n" for k, v in extra.items())
    project.write("docs/vi/chuyen-muc/le-hoi-dinh.md", f"---\n{meta}---\n\n{BODY}")
    project.write("docs/vi/chuyen-muc/tin-ngan.md", "---\ntitle: Tin ngắn\ndate: 2026-09-05\nsummary: Tin.\n---\n\nLớp hát Quan họ khai giảng.\n")
    project.write("docs/vi/chuyen-muc/bai-sau.md", "---\ntitle: Bài tháng sau\ndate: 2026-10-05\nsummary: Sau.\n---\n\nChưa đến.\n")
    return project


def radio(project: Project, *args: str):
    return project.run(sys.executable, "-m", "heritage", "radio", *args)


@pytest.mark.parametrize("source_lufs", [-35.0, -5.0], ids=["quiet-recording", "loud-recording"])
def test_radio_writes_the_script_and_files_at_minus_23_and_minus_16_lufs(project: Project, source_lufs: float):
    radio_project(project, source_lufs)
    assert abs(loudness(*read_audio(project.root / "data/media/chuyen-muc/le-hoi.wav")[:2]) - source_lufs) < 0.1
    before = project.snapshot()
    result = radio(project, "2026-09")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    folder = project.root / "truyen-thanh" / "2026-09"
    assert sorted(p.name for p in folder.iterdir()) == ["kich-ban.txt", "le-hoi-dinh-podcast.mp3", "le-hoi-dinh-truyen-thanh.mp3"]
    for name, target in (("le-hoi-dinh-truyen-thanh.mp3", -23.0), ("le-hoi-dinh-podcast.mp3", -16.0)):
        samples, rate, codec, channels = read_audio(folder / name)
        assert codec == "mp3" and channels == 1, name
        assert abs(loudness(samples, rate) - target) <= 1.0, name
        assert abs(samples.shape[1] / rate - 8.0) < 0.2, name  # the whole recording, no more
        tags, cover = id3(folder / name)
        assert tags == {"title": "Lễ hội đình mùa xuân", "artist": "Di sản văn hóa", "album": "Chuyên mục số", "date": "2026-09-20", "language": "vie"}, tags
        assert cover is not None and cover.size == (1400, 1400), name
    script_text = (folder / "kich-ban.txt").read_text(encoding="utf-8")
    assert "[Bài 2/2 — Bài này có bản ghi âm (thời lượng 0 phút 8 giây): phát tệp le-hoi-dinh-truyen-thanh.mp3." in script_text
    assert "[Bài 1/2 — khoảng" in script_text  # the post with no recording: read aloud
    assert project.snapshot() == before  # data/ and docs/ untouched


def id3(path: Path) -> tuple[dict[str, str], "Image.Image | None"]:
    """The MP3's tags that players show, as FFmpeg reads them, and its embedded cover picture."""
    import io

    from PIL import Image

    with av.open(str(path)) as container:
        wanted = {k: v for k, v in container.metadata.items() if k in ("title", "artist", "album", "date", "language")}
        pictures = [s for s in container.streams.video if s.disposition & av.stream.Disposition.attached_pic]
        cover = None
        if pictures:
            packet = next(container.demux(pictures[0]))
            cover = Image.open(io.BytesIO(bytes(packet)))
    return wanted, cover


def test_the_script_is_plain_short_lines_with_its_read_aloud_time(project: Project):
    radio_project(project, None)
    result = radio(project, "2026-09")
    assert result.returncode == 0, result.stderr
    text = (project.root / "truyen-thanh/2026-09/kich-ban.txt").read_text(encoding="utf-8")
    lines = text.splitlines()
    spoken = [line for line in lines[3:] if line and not line.startswith("[")]
    assert all(script.syllables(line) <= script.MAX_SYLLABLES for line in spoken), [l for l in spoken if script.syllables(l) > script.MAX_SYLLABLES]
    assert f"câu dài hơn {script.MAX_SYLLABLES} tiếng được ngắt sau dấu phẩy" in lines[2] and all(f"“{w}”" in lines[2] for w in script.OPENERS)
    assert not re.search(r"\*\*|\]\(|^#|^- |!\[|https?://", text, re.M)  # no Markdown, no links
    # posts in the order they appeared; the next month's post is not read
    assert text.index("Tin ngắn.") < text.index("Lễ hội đình mùa xuân.") and "Bài tháng sau" not in text
    assert "Bài đăng ngày 20 tháng 9 năm 2026." in lines and "ngày 12 tháng 3 năm 2026" in text
    words = sum(script.syllables(line) for line in spoken)
    minutes = re.search(r"Thời lượng đọc ước tính: (?:(\d+) phút )?(\d+) giây \((\d+) tiếng, đọc 140 tiếng một phút\)", text)
    assert minutes, lines[:3]
    said = int(minutes[1] or 0) * 60 + int(minutes[2])
    assert int(minutes[3]) >= words and said == round(int(minutes[3]) * 60 / 140)
    assert 130 <= int(minutes[3]) * 60 / said <= 150  # the stated pace is a public-address pace


@pytest.mark.parametrize("month", ["2026-09", "9/2026", "09/2026", "9-2026", " 2026-9 "])
def test_the_month_is_read_as_officers_write_it(month: str):
    import datetime as dt

    from heritage import radio as radio_module

    assert radio_module.parse_month(month) == dt.date(2026, 9, 1)


def test_a_month_without_posts_lists_the_months_that_have_some(project: Project):
    radio_project(project, None)
    for month in range(1, 9):  # nine months with a post by HERITAGE_TODAY: only the last six are listed
        project.write(f"docs/vi/chuyen-muc/bai-{month}.md", f"---\ntitle: Bài {month}\ndate: 2026-{month:02d}-03\nsummary: Tóm tắt.\n---\n\nChữ.\n")
    result = radio(project, "12/2025")
    assert result.returncode == 1
    listed = "2026-05, 2026-06, 2026-07, 2026-08, 2026-09, 2026-10."
    assert f"Các tháng có bài: {listed}" in result.stderr and f"Months with posts: {listed}" in result.stderr, result.stderr
    assert "2026-04" not in result.stderr


@pytest.mark.parametrize("month, vi, en", [
    ("2026-13", "không hợp lệ", "is not valid"),
    ("26-9", "không hợp lệ", "is not valid"),
    ("tháng-9", "không hợp lệ", "is not valid"),
    ("2026-08", "không có bài chuyên mục nào", "has no published column post"),
    ("2026-12", "không có bài chuyên mục nào", "has no published column post"),  # after HERITAGE_TODAY
])
def test_a_bad_month_or_a_month_without_posts_is_told_in_both_languages(project: Project, month, vi, en):
    radio_project(project, None)
    result = radio(project, month)
    assert result.returncode == 1
    assert vi in result.stderr and en in result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert not (project.root / "truyen-thanh").exists() or not any((project.root / "truyen-thanh").iterdir())


@settings(max_examples=80, deadline=None)
@given(st.lists(st.sampled_from(["abc", "đêm", "ưở", "duy trì", "và", "khi", "sau khi", "của", "12/3/2026", ",", ".", ";", ":", "!", "?", " – ", " — ", "%", "(", " ", " ", "\n"]), max_size=120).map(" ".join))
def test_lines_break_only_at_punctuation_or_before_a_phrase_word_and_lose_nothing(text: str):
    lines = script.sentences(text)
    # nothing said is lost or moved: joining the lines gives back the text, letter for letter
    assert letters(" ".join(lines)) == letters(script.speakable(text))
    assert all(script.syllables(line) >= 1 for line in lines)
    for line, after in zip(lines, lines[1:]):
        assert line[-1] in ".!?,;:—–" or after[0] in "(—–" or first_word(after) in script.OPENERS | {"sau", "trong", "bởi", "đối", "cùng"}, (line, after)
        assert script.syllables(line) > script.SHORT or line[-1] in ".!?", (line, after)  # no lone fragment in a sentence


def letters(text: str) -> str:
    return "".join(c for c in text if c.isalnum())


def first_word(line: str) -> str:
    return line.split()[0].strip("\"“”‘’'()[]").lower()


# Two-syllable words (written with a space) that the column's posts use: a line never ends inside one.
COMPOUNDS = ["duy trì", "nghệ nhân", "dự kiến", "di tích", "lễ hội", "truyền thống", "văn hóa", "hội nhập", "quốc tế",
             "Quan họ", "học viên", "đồng ý", "giới thiệu", "sản phẩm", "du khách", "chuyên mục", "địa phương", "kế hoạch",
             "tham gia", "hình ảnh", "âm thanh", "lứa tuổi", "cao tuổi", "thông báo", "điện thoại", "hướng dẫn", "tiêu biểu"]
POSTS = sorted((Path(__file__).parent.parent / "docs" / "vi" / "chuyen-muc").glob("*.md"))


@pytest.mark.parametrize("post", POSTS, ids=[p.stem for p in POSTS])
def test_the_posts_lines_never_split_a_two_syllable_word_nor_leave_a_fragment_alone(post: Path):
    body = post.read_text(encoding="utf-8").split("---", 2)[2]
    for paragraph in script.plain_text(body):
        lines = script.sentences(paragraph)
        assert letters(" ".join(lines)) == letters(script.speakable(paragraph))
        for line, after in zip(lines, lines[1:]):
            seam = f"{line.split()[-1]} {after.split()[0]}".strip(",;:.").lower()
            assert seam not in [c.lower() for c in COMPOUNDS], (line, after)
            assert script.syllables(line) > script.SHORT or line[-1] in ".!?", line
        assert all(script.syllables(line) <= script.MAX_SYLLABLES for line in lines), lines


@pytest.mark.parametrize("sentence, lines", [
    ("Hình ảnh, âm thanh ghi lại tại lớp chỉ được đăng khi có sự đồng ý của nghệ nhân và học viên (với học viên nhỏ tuổi là sự đồng ý của cha mẹ).",
     ["Hình ảnh, âm thanh ghi lại tại lớp chỉ được đăng khi có sự đồng ý của nghệ nhân và học viên", "(với học viên nhỏ tuổi là sự đồng ý của cha mẹ)."]),
    ("Kế hoạch đặt mục tiêu mỗi năm duy trì ít nhất một lớp truyền dạy dân ca Quan họ tại cơ sở do nghệ nhân địa phương trực tiếp hướng dẫn sau khi được phường chọn.",
     ["Kế hoạch đặt mục tiêu mỗi năm duy trì ít nhất một lớp truyền dạy dân ca Quan họ tại cơ sở do nghệ nhân địa phương trực tiếp hướng dẫn", "sau khi được phường chọn."]),
])
def test_a_long_sentence_is_cut_where_a_speaker_would_pause(sentence: str, lines: list[str]):
    assert script.sentences(sentence) == lines


def words_of(text: str) -> list[str]:
    return [w for w in (w.strip(",.;:!?") for w in text.split()) if any(c.isalnum() for c in w)]


def test_a_silent_recording_is_told_in_both_languages_and_the_script_is_still_written(project: Project):
    radio_project(project, -20.0)
    path = project.root / "data/media/chuyen-muc/le-hoi.wav"
    with av.open(str(path), "w", format="wav") as output:  # the same file, every sample zero
        stream = output.add_stream("pcm_s16le", rate=RATE, layout="mono")
        frame = av.AudioFrame.from_ndarray(np.zeros((1, RATE * 2), dtype=np.int16), format="s16", layout="mono")
        frame.rate = RATE
        for packet in [*stream.encode(frame), *stream.encode(None)]:
            output.mux(packet)
    result = radio(project, "2026-09")
    assert result.returncode == 1
    assert "im lặng" in result.stderr and "silent" in result.stderr and "data/media/chuyen-muc/le-hoi.wav" in result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert (project.root / "truyen-thanh/2026-09/kich-ban.txt").is_file()
    assert not list((project.root / "truyen-thanh/2026-09").glob("*.mp3"))
