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
    assert project.snapshot() == before  # data/ and docs/ untouched


def test_the_script_is_plain_short_lines_with_its_read_aloud_time(project: Project):
    radio_project(project, None)
    result = radio(project, "2026-09")
    assert result.returncode == 0, result.stderr
    text = (project.root / "truyen-thanh/2026-09/kich-ban.txt").read_text(encoding="utf-8")
    lines = text.splitlines()
    spoken = [line for line in lines[3:] if line and not line.startswith("[")]
    assert all(len(line.split()) <= script.MAX_WORDS for line in spoken), [l for l in spoken if len(l.split()) > script.MAX_WORDS]
    assert not re.search(r"\*\*|\]\(|^#|^- |!\[|https?://", text, re.M)  # no Markdown, no links
    # posts in the order they appeared; the next month's post is not read
    assert text.index("Tin ngắn.") < text.index("Lễ hội đình mùa xuân.") and "Bài tháng sau" not in text
    assert "Bài đăng ngày 20 tháng 9 năm 2026." in lines and "ngày 12 tháng 3 năm 2026" in text
    words = sum(len(line.split()) for line in spoken) + 0
    minutes = re.search(r"Thời lượng đọc ước tính: (?:(\d+) phút )?(\d+) giây \((\d+) tiếng, đọc 140 tiếng một phút\)", text)
    assert minutes, lines[:3]
    said = int(minutes[1] or 0) * 60 + int(minutes[2])
    assert int(minutes[3]) >= words and said == round(int(minutes[3]) * 60 / 140)
    assert 130 <= int(minutes[3]) * 60 / said <= 150  # the stated pace is a public-address pace


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


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from("abc đêm ưở 12/3/2026 , . ; : ! ? - – %\n"), max_size=600))
def test_every_line_of_any_paragraph_is_short_enough_for_a_loudspeaker(text: str):
    lines = script.sentences(text)
    assert all(1 <= len(line.split()) <= script.MAX_WORDS for line in lines)
    # nothing said is lost: every word of the spoken text is on some line, in order
    assert words_of(" ".join(lines)) == words_of(script.speakable(text))


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
