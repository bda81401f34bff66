"""Make the sample site's placeholder audio and video (no real recordings exist yet).

- an audio guide read by a speech synthesiser (espeak-ng, Vietnamese voice), AAC in M4A;
- a six-second H.264 clip panning over the placeholder photo, captioned "VIDEO MINH HỌA".

Run: .venv/bin/python scripts/make_placeholder_av.py   (needs Debian's espeak-ng)
Never overwrites an existing file unless --force is given.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

import av
from PIL import Image, ImageDraw

from heritage.media.artwork import font

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "data" / "media" / "dinh-tan-an"
NARRATION = (
    "Đây là bản thuyết minh minh họa do máy đọc. "
    "Đình làng là nơi thờ Thành hoàng và là trung tâm sinh hoạt của cả cộng đồng. "
    "Khi đến thăm, xin giữ trật tự, ăn mặc lịch sự, "
    "và hỏi người trông coi trước khi chụp ảnh trong hậu cung."
)


def audio(target: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        wav = Path(tmp) / "guide.wav"
        subprocess.run(["espeak-ng", "-v", "vi", "-s", "140", "-w", str(wav), NARRATION], check=True)
        with av.open(str(wav)) as source, av.open(str(target), "w", format="ipod") as output:
            stream = output.add_stream("aac", rate=22050)
            stream.bit_rate = 48_000
            stream.layout = "mono"
            resampler = av.AudioResampler(format="fltp", layout="mono", rate=22050)
            for frame in source.decode(audio=0):
                for resampled in resampler.resample(frame):
                    for packet in stream.encode(resampled):
                        output.mux(packet)
            for packet in stream.encode(None):
                output.mux(packet)


def video(target: Path, still: Path) -> None:
    photo = Image.open(still).convert("RGB").resize((1200, 800))
    fps, seconds, size = 12, 6, (640, 360)
    with av.open(str(target), "w", format="mp4") as output:
        stream = output.add_stream("libx264", rate=fps, options={"crf": "30", "preset": "slow"})
        stream.width, stream.height, stream.pix_fmt = size[0], size[1], "yuv420p"
        for i in range(fps * seconds):
            t = i / (fps * seconds)
            box = (int(300 * t), int(120 * t), int(300 * t) + 880, int(120 * t) + 495)
            frame = photo.crop(box).resize(size)
            draw = ImageDraw.Draw(frame)
            draw.rectangle([0, 300, 640, 360], fill=(20, 8, 6))
            draw.text((20, 312), "VIDEO MINH HỌA · PLACEHOLDER CLIP", font=font(24, "SemiBold"), fill=(232, 196, 110))
            for packet in stream.encode(av.VideoFrame.from_image(frame)):
                output.mux(packet)
        for packet in stream.encode(None):
            output.mux(packet)


def main(force: bool) -> None:
    jobs = [(FOLDER / "thuyet-minh.m4a", audio), (FOLDER / "video-minh-hoa.mp4", lambda t: video(t, FOLDER / "anh-1.jpg"))]
    for target, make in jobs:
        if target.exists() and not force:
            print(f"exists, kept: {target.relative_to(ROOT)}")
            continue
        make(target)
        print(f"wrote {target.relative_to(ROOT)} ({target.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main("--force" in sys.argv)
