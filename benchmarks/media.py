"""Media benchmark (a script, not a test): N camera-sized photos, cold and warm.

    .venv/bin/python benchmarks/media.py [N]     (default N = 24)

Makes N 4000×3000 JPEGs with EXIF/GPS like a phone's, in a throw-away copy of the
project, then times the image work of a cold build (empty .cache/) and of a warm one,
and the whole `mkdocs build` both ways. Prints bytes: originals, everything published,
and what a phone downloads for one photo at 960 px (AVIF) against its original.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml
from PIL import Image, ImageFilter

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from heritage.content.loader import load_inventory  # noqa: E402
from heritage.media.library import MediaLibrary  # noqa: E402


def photo(path: Path, seed: int) -> None:
    """A 12 MP photo with texture (noise compresses like real detail) and GPS EXIF."""
    noise = Image.effect_noise((4000, 3000), 40 + seed % 20).convert("RGB")
    base = Image.new("RGB", (4000, 3000), (120 + seed * 7 % 100, 80, 60))
    image = Image.blend(base, noise, 0.35).filter(ImageFilter.GaussianBlur(1))
    exif = Image.Exif()
    exif[0x0110] = "Phone X"
    exif.get_ifd(0x8825).update({1: "N", 2: (21.0, 11.0, 10.0), 3: "E", 4: (106.0, 4.0, 34.0)})
    image.save(path, "JPEG", quality=92, exif=exif)


def timed(fn):
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def main(n: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for name in ("mkdocs.yml",):
            shutil.copy(ROOT / name, root / name)
        for folder in ("hooks", "overrides", "data", "docs"):
            shutil.copytree(ROOT / folder, root / folder)
        entry = root / "data/di-tich/dinh-tan-an.yml"
        data = yaml.safe_load(entry.read_text(encoding="utf-8"))
        folder = root / "data/media/dinh-tan-an"
        for i in range(n):
            photo(folder / f"bench-{i:03d}.jpg", i)
            data["media"].append({"image": f"bench-{i:03d}.jpg", "alt": {"vi": f"Ảnh {i}", "en": f"Photo {i}"}, "credit": "bench", "license": "CC0-1.0"})
        entry.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        originals = sum(p.stat().st_size for p in folder.glob("bench-*.jpg"))
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "HERITAGE_TODAY": "2026-11-27"}

        def prepare():
            media = MediaLibrary(root, load_inventory(root), {"vi": "Di sản Tân An", "en": "Tân An Heritage"})
            return media, media.prepare()

        cold_images, (media, problems) = timed(prepare)
        assert not problems, problems
        warm_images, _ = timed(prepare)
        shutil.rmtree(root / ".cache")

        def build():
            subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q"], cwd=root, env=env, check=True)

        cold_build, _ = timed(build)
        warm_build, _ = timed(build)
        published = sum(p.stat().st_size for p in (root / "site/media").rglob("bench-*") if p.is_file())
        phone = sum((root / "site" / media.images[f"dinh-tan-an/bench-{i:03d}.jpg"].closest(960).urls["avif"]).stat().st_size for i in range(n))
        print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}; {n} photos of 4000×3000")
        print(f"{'':34}{'cold':>10}{'warm':>10}")
        print(f"{'image processing (s)':34}{cold_images:>10.2f}{warm_images:>10.3f}")
        print(f"{'whole build, both languages (s)':34}{cold_build:>10.2f}{warm_build:>10.2f}")
        print(f"originals: {originals / 1e6:.1f} MB; all derivatives (3 widths × AVIF/WebP/JPEG): {published / 1e6:.1f} MB")
        print(f"a phone's download per photo (960 px AVIF): {phone / n / 1e3:.0f} KB against {originals / n / 1e6:.2f} MB original "
              f"({100 * (1 - phone / originals):.1f} % saved)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 24)
