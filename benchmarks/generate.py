"""Generated province-scale content for the benchmarks: N entries with Vietnamese text.

Deterministic (seeded): the same N gives the same files. Not used by the tests.
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import yaml
from PIL import Image, ImageFilter

ROOT = Path(__file__).resolve().parent.parent
SECTIONS = {
    "di-tich": ("dinh", "Đình", "Communal house"),
    "le-hoi": ("le-hoi-truyen-thong", "Lễ hội", "Festival"),
    "lang-nghe": ("nghe-thu-cong", "Làng nghề", "Craft village"),
    "nghe-nhan": ("nghe-nhan-quan-ho", "Nghệ nhân", "Artisan"),
    "quan-ho": ("hat-moi", "Bài", "Song"),
    "san-pham": ("dac-san", "Sản phẩm", "Product"),
}
PLACES = "Tân An Đông Xuân Phúc Thịnh Hòa Lạc Yên Mỹ Đức Lộc Thọ Phú Quý Hưng Long Vĩnh Bình Khánh Ninh".split()
WORDS = ("làng đình chùa hội lễ quan họ nghề tre gỗ sơn mài tượng hoành phi câu đối sân giếng cổng mái ngói cột "
         "lim rước kiệu tế thành hoàng xuân thu mùa vụ nhân dân cộng đồng truyền thống bảo tồn di sản văn hóa "
         "kinh bắc sông cầu ruộng lúa bánh gạo nếp tương mật ong đan rổ rá giỏ nón lá").split()


def sentence(rng: random.Random, n: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(n))
    return text[0].upper() + text[1:] + "."


def generate(root: Path, n: int, images_per_entry: int = 0, seed: int = 1) -> Path:
    """A copy of the project's configuration with the sample content plus n generated entries."""
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    for folder in ("hooks", "overrides", "data", "docs"):
        shutil.copytree(ROOT / folder, root / folder)
    rng = random.Random(seed)
    sections = list(SECTIONS)
    photo_cache: dict[int, bytes] = {}
    for i in range(n):
        section = sections[i % len(sections)]
        type_, vi_kind, en_kind = SECTIONS[section]
        place = f"{rng.choice(PLACES)} {rng.choice(PLACES)}"
        entry_id = f"muc-{i:05d}"
        data = {
            "name": {"vi": f"{vi_kind} {place} {i}", "en": f"{place} {en_kind} {i}"},
            "summary": {"vi": sentence(rng, 25), "en": f"Generated entry {i} for the benchmark."},
            "type": type_,
            "sample": True,
        }
        if section in ("di-tich", "le-hoi", "lang-nghe", "quan-ho"):
            data["ranking"] = "chua-xep-hang"
        if section in ("di-tich", "lang-nghe"):
            data["location"] = {"lat": round(21.1 + rng.random() * 0.2, 5), "lon": round(106.0 + rng.random() * 0.2, 5)}
        if section == "le-hoi":
            data["when"] = {"calendar": "lunar", "month": rng.randint(1, 12), "day": rng.randint(1, 29), "days": 2}
        if section == "nghe-nhan":
            data["consent"] = {"date": "2026-05-10", "ref": "benchmark"}
        media = []
        for k in range(images_per_entry):
            shade = (i * 7 + k * 31) % 200
            if shade not in photo_cache:
                image = Image.effect_noise((2000, 1333), 50).convert("RGB").filter(ImageFilter.GaussianBlur(2))
                image = Image.blend(Image.new("RGB", image.size, (shade, 80, 60)), image, 0.3)
                path = root / "bench-photo.jpg"
                image.save(path, "JPEG", quality=85)
                photo_cache[shade] = path.read_bytes()
            target = root / "data" / "media" / entry_id / f"anh-{k}.jpg"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(photo_cache[shade])
            media.append({"image": f"anh-{k}.jpg", "alt": {"vi": f"Ảnh {k}", "en": f"Photo {k}"}, "credit": "benchmark", "license": "CC0-1.0"})
        if media:
            data["media"] = media
        (root / "data" / section).mkdir(parents=True, exist_ok=True)
        (root / "data" / section / f"{entry_id}.yml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        body_vi = "\n\n".join(["## Lịch sử", sentence(rng, 120), "## Hiện nay", sentence(rng, 80)])
        body_en = "\n\n".join(["## History", "Generated text " * 60, "## Today", "Generated text " * 40])
        for lang, body in (("vi", body_vi), ("en", body_en)):
            page = root / "docs" / lang / section / f"{entry_id}.md"
            page.write_text(body + "\n", encoding="utf-8")
    (root / "bench-photo.jpg").unlink(missing_ok=True)
    from heritage.content.translations import stamp

    for page in sorted((root / "docs" / "en").rglob("muc-*.md")):
        stamp(root, page.relative_to(root).as_posix())
    return root
