"""The media pipeline on real files made here: derivatives, privacy, cache, bad input."""

from __future__ import annotations

import re
import struct
import sys
import zlib
from pathlib import Path

import av
import pillow_heif
import pytest
from PIL import Image, ImageFont

from heritage.content.loader import load_inventory
from heritage.media import images as images_module
from heritage.media.artwork import font, font_path
from heritage.media.library import MediaLibrary
from heritage.media.policy import has_gps, prepare_master

from .conftest import bi

GPS_IFD, EXIF_IFD = 0x8825, 0x8769
COMMENT = b"Chup tai nha ong Nguyen Van A, 0912 345 678"
XMP = (b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
       b'<rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="21,11.2N" exif:GPSLongitude="106,4.5E"/>'
       b"</rdf:RDF></x:xmpmeta>")


def camera_photo(path: Path, size=(2400, 1600), orientation: int | None = None, color=(150, 90, 40)) -> Path:
    """A JPEG as a phone writes it: GPS position, camera model and serial, maybe rotated."""
    image = Image.new("RGB", size, color)
    for x in range(0, size[0], 40):  # some detail, so sizes are realistic
        image.paste((x % 255, 80, 160), (x, 0, x + 10, size[1]))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"
    exif[0x0110] = "Phone X"
    if orientation:
        exif[0x0112] = orientation
    exif.get_ifd(EXIF_IFD)[0xA431] = "SERIAL-123456"
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (21.0, 11.0, 10.0), 3: "E", 4: (106.0, 4.0, 34.0)})
    path.parent.mkdir(parents=True, exist_ok=True)
    # a comment and XMP as editing apps write them: a name, a phone number, a position
    image.save(path, "JPEG", quality=90, exif=exif, comment=COMMENT, xmp=XMP)
    return path


def bomb_png(path: Path, width=30000, height=30000) -> Path:
    """A tiny file that claims 900 million pixels."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0" * 100)) + chunk(b"IEND", b""))
    return path


def image_item(name: str, alt="Ảnh thử") -> dict:
    return {"image": name, "alt": bi(alt, "Test photo"), "credit": "Người chụp", "license": "CC BY 4.0"}


def library(project) -> tuple[MediaLibrary, list]:
    inv = load_inventory(project.root)
    assert inv.errors == [], [e.en for e in inv.errors]
    media = MediaLibrary(project.root, inv, {"vi": "Di sản Tân An", "en": "Tân An Heritage"})
    return media, media.prepare()


@pytest.fixture
def photo_project(project):
    camera_photo(project.root / "data/media/dinh/may-anh.jpg")
    camera_photo(project.root / "data/media/dinh/xoay.jpg", size=(1200, 800), orientation=6)
    project.image("data/media/dinh/nho.png", size=(300, 200))
    project.entry("di-tich", "dinh", media=[image_item("may-anh.jpg"), image_item("xoay.jpg"), image_item("nho.png")])
    return project


def decode(path: Path) -> Image.Image:
    image = Image.open(path)
    image.load()
    return image


def test_derivatives_sizes_formats_and_no_metadata(photo_project):
    media, problems = library(photo_project)
    assert problems == []
    web = media.images["dinh/may-anh.jpg"]
    assert [(r.width, r.height) for r in web.renditions] == [(480, 320), (960, 640), (1600, 1067)]
    site = photo_project.root / "site"
    media.publish(site)
    for rendition in web.renditions:
        for ext, fmt in (("avif", "AVIF"), ("webp", "WEBP"), ("jpg", "JPEG")):
            image = decode(site / rendition.urls[ext])
            assert image.format == fmt and image.size == (rendition.width, rendition.height)
            assert not image.getexif(), f"EXIF left in {rendition.urls[ext]}"
            assert "icc_profile" not in image.info and "exif" not in image.info and "xmp" not in image.info
            raw = (site / rendition.urls[ext]).read_bytes()
            assert b"SERIAL-123456" not in raw and b"Phone X" not in raw
            assert COMMENT not in raw and b"GPSLatitude" not in raw and "comment" not in image.info


def test_exif_orientation_is_applied(photo_project):
    media, _ = library(photo_project)
    assert media.images["dinh/xoay.jpg"].largest.width == 800 and media.images["dinh/xoay.jpg"].largest.height == 1200


def test_small_image_is_never_upscaled(photo_project):
    media, _ = library(photo_project)
    assert [(r.width, r.height) for r in media.images["dinh/nho.png"].renditions] == [(300, 200)]


def test_originals_are_never_published_or_changed(photo_project):
    before = photo_project.snapshot()
    result = photo_project.build()
    assert result.returncode == 0, result.stdout + result.stderr
    assert photo_project.snapshot() == before
    originals = {p.read_bytes() for p in (photo_project.root / "data/media").rglob("*") if p.is_file()}
    published = [p for p in (photo_project.root / "site").rglob("*") if p.is_file()]
    assert not any(p.read_bytes() in originals for p in published)


def test_cache_is_hit_on_the_second_run(photo_project, monkeypatch):
    library(photo_project)

    def fail(*args, **kwargs):
        raise AssertionError("an unchanged image was processed again")

    monkeypatch.setattr(images_module, "encode", fail)
    monkeypatch.setattr(images_module, "_process", fail)
    media, problems = library(photo_project)
    assert problems == [] and len(media.images) == 3


def test_one_photo_under_two_names_is_encoded_once(project, monkeypatch):
    first = camera_photo(project.root / "data/media/dinh/anh.jpg")
    (project.root / "data/media/chua").mkdir(parents=True)
    (project.root / "data/media/chua/cung-anh.jpg").write_bytes(first.read_bytes())
    project.entry("di-tich", "dinh", media=[image_item("anh.jpg")])
    project.entry("di-tich", "chua", media=[image_item("cung-anh.jpg")])
    encoded = []
    real = images_module._process
    monkeypatch.setattr(images_module, "_process", lambda *args: encoded.append(args[1]) or real(*args))
    monkeypatch.setattr(images_module.os, "cpu_count", lambda: 1)  # in this process, where the spy is
    media, problems = library(project)
    assert problems == [] and len(encoded) == 1
    one, two = media.images["dinh/anh.jpg"], media.images["chua/cung-anh.jpg"]
    assert one.key == two.key and one.largest.urls != two.largest.urls  # each keeps its own address
    site = project.root / "site"
    media.publish(site)
    for image in (one, two):
        assert decode(site / image.largest.urls["jpg"]).size == (image.largest.width, image.largest.height)


def test_a_broken_photo_under_two_names_names_both(project):
    broken = project.root / "data/media/dinh/hong.jpg"
    broken.parent.mkdir(parents=True)
    broken.write_bytes(camera_photo(broken).read_bytes()[:4000])
    (project.root / "data/media/chua").mkdir(parents=True)
    (project.root / "data/media/chua/hong.jpg").write_bytes(broken.read_bytes())
    project.entry("di-tich", "dinh", media=[image_item("hong.jpg")])
    project.entry("di-tich", "chua", media=[image_item("hong.jpg")])
    _, problems = library(project)
    assert sorted(p.file for p in problems) == ["data/media/chua/hong.jpg", "data/media/dinh/hong.jpg"]


def test_a_half_written_cache_entry_is_not_trusted(photo_project):
    media, _ = library(photo_project)
    key = media.images["dinh/may-anh.jpg"].key
    folder = media.cache.folder("images", key)
    (folder / "manifest.json").unlink()  # as if the build was killed before sealing
    (folder / "960.jpg").write_bytes(b"half a file")
    media, problems = library(photo_project)
    assert problems == []
    assert decode(folder / "960.jpg").size == (960, 640)


def test_changed_original_is_processed_again(photo_project):
    media, _ = library(photo_project)
    old = media.images["dinh/may-anh.jpg"].key
    camera_photo(photo_project.root / "data/media/dinh/may-anh.jpg", color=(10, 200, 10))
    media, _ = library(photo_project)
    assert media.images["dinh/may-anh.jpg"].key != old


@pytest.mark.parametrize(
    "name, make, vi_part",
    [
        ("cat.jpg", lambda p: p.write_bytes(camera_photo(p).read_bytes()[:4000]), "bị hỏng hoặc bị cắt"),
        ("chu.jpg", lambda p: p.write_text("đây không phải ảnh", encoding="utf-8"), "không phải là ảnh"),
        ("bom.png", bomb_png, "quá nhiều điểm ảnh"),
    ],
)
def test_unusable_images_get_a_clear_error(project, name, make, vi_part):
    path = project.root / "data/media/dinh" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    make(path)
    project.entry("di-tich", "dinh", media=[image_item(name)])
    media, problems = library(project)
    assert len(problems) == 1
    assert problems[0].file == f"data/media/dinh/{name}" and vi_part in problems[0].vi
    before = project.snapshot()
    result = project.build()
    assert result.returncode == 1 and "Traceback" not in result.stdout + result.stderr
    assert f"data/media/dinh/{name}" in result.stdout
    assert project.snapshot() == before


def test_cmyk_tiff_alpha_png_heic_and_awkward_names(project):
    folder = project.root / "data/media/dinh"
    folder.mkdir(parents=True)
    Image.new("CMYK", (900, 600), (0, 100, 100, 0)).save(folder / "in-an.tif")
    rgba = Image.new("RGBA", (600, 400), (200, 30, 30, 255))
    rgba.paste((0, 0, 0, 0), (0, 0, 300, 400))
    rgba.save(folder / "trong suot.png")
    pillow_heif.from_pillow(Image.new("RGB", (1000, 750), (30, 90, 160))).save(folder / "iphone.heic", quality=60)
    Image.new("RGB", (700, 500), (10, 120, 60)).save(folder / "Cổng Đình.jpg")
    names = ["in-an.tif", "trong suot.png", "iphone.heic", "Cổng Đình.jpg"]
    project.entry("di-tich", "dinh", media=[image_item(n) for n in names])
    media, problems = library(project)
    assert problems == []
    site = project.root / "site"
    media.publish(site)
    tiff = decode(site / media.images["dinh/in-an.tif"].largest.urls["jpg"])
    assert tiff.mode == "RGB" and tiff.getpixel((450, 300))[0] > 200
    png = decode(site / media.images["dinh/trong suot.png"].largest.urls["jpg"])
    assert png.getpixel((100, 200))[:3] >= (245, 245, 245)  # transparent → white, not black
    assert decode(site / media.images["dinh/iphone.heic"].largest.urls["webp"]).size == (1000, 750)
    url = media.images["dinh/Cổng Đình.jpg"].largest.urls["jpg"]
    assert url.isascii() and " " not in url and "cong-dinh" in url


def test_pages_use_picture_with_sizes_and_lazy_loading(photo_project):
    result = photo_project.build()
    assert result.returncode == 0, result.stdout
    html = photo_project.html("di-tich/dinh/")
    pictures = html.split("<picture>")[1:]
    assert len(pictures) == 3
    first, second = pictures[0], pictures[1]
    assert 'type="image/avif"' in first and 'type="image/webp"' in first and " 1600w" in first
    assert 'loading="lazy"' not in first.split("</picture>")[0] and 'fetchpriority="high"' in first
    assert 'loading="lazy"' in second and 'decoding="async"' in second
    assert 'width="960" height="640"' in first or 'width="800"' in first


# --- audio and video ------------------------------------------------------------------


def make_clip(path: Path, seconds: int = 3, with_gps: bool = True) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with av.open(str(path), "w", format="mp4", options={"movflags": "use_metadata_tags"}) as out:
        if with_gps:
            out.metadata["location"] = "+21.1861+106.0763/"
        stream = out.add_stream("libx264", rate=10)
        stream.width, stream.height, stream.pix_fmt = 320, 180, "yuv420p"
        for i in range(seconds * 10):
            frame = Image.new("RGB", (320, 180), (i * 7 % 255, 60, 120))
            for packet in stream.encode(av.VideoFrame.from_image(frame)):
                out.mux(packet)
        for packet in stream.encode(None):
            out.mux(packet)
    return path


def make_sound(path: Path, seconds: float = 2.5) -> Path:
    import array
    import math

    path.parent.mkdir(parents=True, exist_ok=True)
    with av.open(str(path), "w", format="ipod") as out:
        out.metadata["title"] = "Ghi âm ở 21.1861,106.0763"
        stream = out.add_stream("aac", rate=22050)
        stream.layout = "mono"
        n, rate = 1024, 22050
        for k in range(int(seconds * rate / n)):
            samples = array.array("f", [0.2 * math.sin(2 * math.pi * 440 * (k * n + j) / rate) for j in range(n)])
            frame = av.AudioFrame(format="flt", layout="mono", samples=n)
            frame.planes[0].update(bytes(samples))
            frame.sample_rate, frame.pts = rate, k * n
            for packet in stream.encode(frame):
                out.mux(packet)
        for packet in stream.encode(None):
            out.mux(packet)
    return path


@pytest.fixture
def av_project(project):
    return fill_av_project(project)


def fill_av_project(project):
    """A photo, a video, a recording and a YouTube video on one entry."""
    make_clip(project.root / "data/media/dinh/clip.mp4")
    make_sound(project.root / "data/media/dinh/hat.m4a")
    project.image("data/media/dinh/anh.jpg")
    project.entry(
        "di-tich",
        "dinh",
        media=[
            image_item("anh.jpg"),
            {"video": "clip.mp4", "caption": bi("Đoạn phim", "A clip"), "credit": "Đội quay", "license": "CC BY 4.0"},
            {"audio": "hat.m4a", "caption": bi("Bài hát thử", "Test song"), "transcript": bi("Lời tiếng Việt", "English lyrics"), "credit": "Nghệ nhân", "license": "CC BY 4.0"},
            {"youtube": "dQw4w9WgXcQ", "caption": bi("Video trên YouTube", "A YouTube video"), "credit": "Phường", "license": "all-rights-reserved"},
        ],
    )
    return project


def test_audio_and_video_durations_posters_and_no_location(av_project):
    media, problems = library(av_project)
    assert problems == []
    clip, song = media.av["dinh/clip.mp4"], media.av["dinh/hat.m4a"]
    assert clip.duration == pytest.approx(3.0, abs=0.2) and (clip.width, clip.height) == (320, 180)
    assert song.duration == pytest.approx(2.5, abs=0.2)
    assert clip.poster is not None and clip.poster.largest.width == 320
    site = av_project.root / "site"
    media.publish(site)
    for item in (clip, song):
        data = (site / item.url).read_bytes()
        assert b"21.1861" not in data
        with av.open(str(site / item.url)) as container:
            assert "location" not in container.metadata and "title" not in container.metadata
            assert container.duration


def test_players_in_the_page_language(av_project):
    assert av_project.build().returncode == 0
    for prefix, transcript, duration in (("", "Lời tiếng Việt", "0:03"), ("en/", "English lyrics", "0:03")):
        html = av_project.html(prefix + "di-tich/dinh/")
        assert '<video controls preload="none"' in html and 'poster="' in html
        assert '<audio controls preload="none"' in html and transcript in html
        assert f">{duration}</time>" in html
        # the facade loads nothing from YouTube (the policy only allows its player as a frame)
        assert "<iframe" not in html and not re.search(r'(src|href)="https://[^"]*(youtube-nocookie|ytimg)', html)
        assert 'data-hx-youtube="dQw4w9WgXcQ"' in html


@pytest.mark.parametrize("field, value, part", [("caption", None, "`caption`"), ("video", "../x.mp4", "không hợp lệ")])
def test_video_item_rules(project, field, value, part):
    item = {"video": "clip.mp4", "caption": bi("Phim", "Clip"), "credit": "x", "license": "CC0-1.0"}
    item[field] = value
    project.entry("di-tich", "dinh", media=[{k: v for k, v in item.items() if v is not None}])
    errors = load_inventory(project.root).errors
    assert errors and part in errors[0].vi + errors[0].fix_vi


def test_unreadable_video_is_a_clear_error(project):
    (project.root / "data/media/dinh").mkdir(parents=True)
    (project.root / "data/media/dinh/hong.mp4").write_bytes(b"not a video at all")
    project.entry("di-tich", "dinh", media=[{"video": "hong.mp4", "caption": bi("Phim", "Clip"), "credit": "x", "license": "CC0-1.0"}])
    _, problems = library(project)
    assert len(problems) == 1 and problems[0].file == "data/media/dinh/hong.mp4" and "MP4" in problems[0].fix_vi


# --- social cards, fonts, repository weight ----------------------------------------------


def test_social_cards(photo_project):
    media, _ = library(photo_project)
    media.publish(photo_project.root / "site")
    for lang in ("vi", "en"):
        card = decode(photo_project.root / "site" / media.social[(lang, "dinh")])
        assert card.size == (1200, 630) and card.format == "JPEG"
    assert media.social[("vi", "dinh")] != media.social[("en", "dinh")]


@pytest.mark.parametrize("text", ["Đình Tân An", "Hội Lim", "Người ở đừng về", "ệ ữ ẫ ợ ỵ ặ ầ ử ẵ ỗ", "Quan họ Bắc Ninh"])
def test_font_has_every_vietnamese_glyph(text):
    face = font(48)
    cmap = ImageFont.truetype(str(font_path("Bold")), 48).font
    missing = face.getmask("\ue000")  # a private-use code point: the font's "missing" box
    for char in set(text) - {" "}:
        mask = face.getmask(char)
        assert mask.getbbox() is not None, char
        assert bytes(mask) != bytes(missing) or mask.size != missing.size, f"{char!r} renders as a missing-glyph box"
    assert cmap is not None


def test_prepare_removes_the_position_from_an_original(project):
    """`media prepare` writes a master without GPS or any EXIF (the warning `make check` gives
    for such an original: test_make_check_warns_about_a_photo_that_holds_a_position)."""
    original = camera_photo(project.root / "data/media/dinh/goc.jpg", size=(6000, 4000))
    assert has_gps(original)
    master, before, after = prepare_master(original)
    assert master == original and after < before
    image = decode(master)
    assert max(image.size) == 4000 and not has_gps(master) and not image.getexif()


def test_prepare_turns_heic_into_a_jpeg_master(project, tmp_path):
    heic = tmp_path / "IMG 0001.HEIC"
    pillow_heif.from_pillow(Image.new("RGB", (800, 600), (1, 2, 3))).save(heic)
    result = project.run(sys.executable, "-m", "heritage", "media", "prepare", str(heic))
    assert result.returncode == 0, result.stderr
    assert decode(tmp_path / "img-0001.jpg").format == "JPEG" and heic.exists()


def test_heading_font_is_a_small_woff2_with_every_vietnamese_letter(tmp_path):
    """The real Be Vietnam Pro, subset by fontTools: every letter a Vietnamese or English heading
    needs is in it, nothing else, and a second build reads it from the cache."""
    import io

    from fontTools.ttLib import TTFont

    from heritage.media import fonts

    data = fonts.heading_font(tmp_path)
    assert data[:4] == b"wOF2" and len(data) < 30_000
    cmap = TTFont(io.BytesIO(data)).getBestCmap()
    for letter in "ĐđĂăÂâÊêÔôƠơƯưẠạẢảẤấẦầẨẩẪẫẬậỆệỲỳỴỵỸỹ" + "AZaz09–“”":
        assert ord(letter) in cmap, letter
    assert ord("Ж") not in cmap and ord("中") not in cmap
    (cached,) = tmp_path.glob("*.woff2")
    cached.write_bytes(b"wOF2 from the cache")
    assert fonts.heading_font(tmp_path) == b"wOF2 from the cache"


@pytest.mark.parametrize("name, where", [("IMG_0001.JPG", "exif"), ("sua-trong-app.jpg", "xmp")])
def test_make_check_warns_about_a_photo_that_holds_a_position(small_project, name, where):
    """A phone's photo (upper-case ending) or one edited in an app that wrote the position as
    XMP: `make check` warns and names the file, and the build still publishes no position."""
    path = small_project.root / "data/media/dinh-gps" / name
    if where == "exif":
        camera_photo(path)
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        Image.new("RGB", (900, 600), (90, 120, 30)).save(path, "JPEG", xmp=XMP)
    small_project.entry("di-tich", "dinh-gps", media=[image_item(name)])
    result = small_project.check()
    output = result.stdout + result.stderr
    assert result.returncode == 0, output  # a warning, not an error
    # the warning is the GPS one, in the block of that very file, with the command that fixes it
    block = output.split(f"📄 data/media/dinh-gps/{name}\n", 1)[1].split("\n\n", 1)[0] if f"📄 data/media/dinh-gps/{name}\n" in output else ""
    assert "CẢNH BÁO / WARNING" in block, output
    assert "Ảnh gốc chứa vị trí GPS nơi chụp" in block and "The original photo contains the GPS position" in block, output
    assert f"python -m heritage media prepare data/media/dinh-gps/{name}" in block, output


def test_a_post_cover_that_is_an_entrys_video_is_refused_by_check_naming_the_post(av_project):
    """An entry's video given as a post's cover: `make check` refuses it as `make build` does,
    naming the post, its `cover` line and field (the video was decoded once, as a video, and
    the cover never opened as a photo)."""
    for lang in ("vi", "en"):
        av_project.post(lang, "bia-la-video", "2026-10-05", cover="dinh/clip.mp4")
    result = av_project.check()
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    for lang in ("vi", "en"):
        assert f"📄 docs/{lang}/chuyen-muc/bia-la-video.md" in output
    assert "LỖI / ERROR — cover (dòng/line 5)" in output and "Traceback" not in output


@pytest.mark.parametrize("placement", ["before", "after"])
def test_a_position_in_a_png_is_found_without_decoding_it(tmp_path, placement):
    """A PNG's EXIF (eXIf chunk) may come before or after the pixels; either way its GPS
    position is found, by reading chunk headers only."""
    exif = Image.Exif()
    exif[GPS_IFD] = {1: "N", 2: (21.0, 11.0, 10.0), 3: "E", 4: (106.0, 4.0, 34.0)}
    plain = tmp_path / "plain.png"
    Image.new("RGB", (64, 48), (10, 20, 30)).save(plain)
    path = tmp_path / f"{placement}.png"
    if placement == "before":
        Image.new("RGB", (64, 48), (10, 20, 30)).save(path, exif=exif)
    else:  # after IDAT, where Pillow reaches it only by decoding the image
        data = exif.tobytes()
        chunk = struct.pack(">I", len(data)) + b"eXIf" + data + struct.pack(">I", zlib.crc32(b"eXIf" + data) & 0xFFFFFFFF)
        raw = plain.read_bytes()
        end = raw.rindex(b"IEND") - 4
        path.write_bytes(raw[:end] + chunk + raw[end:])
    assert has_gps(path) and not has_gps(plain)


def test_a_large_phone_photo_is_decoded_at_the_scale_the_site_needs(project):
    """A 48-megapixel JPEG is decoded at a quarter of its sides (JPEG scales for free) and still
    gives the full widths, upright, with the photo's own colours."""
    camera_photo(project.root / "data/media/dinh/lon.jpg", size=(8000, 6000), orientation=6, color=(200, 30, 30))
    project.entry("di-tich", "dinh", media=[image_item("lon.jpg")])
    media, problems = library(project)
    assert problems == []
    web = media.images["dinh/lon.jpg"]
    assert [(r.width, r.height) for r in web.renditions] == [(480, 640), (960, 1280), (1600, 2133)]
    site = project.root / "site"
    media.publish(site)
    biggest = decode(site / web.renditions[-1].urls["jpg"])
    assert biggest.size == (1600, 2133)


@pytest.mark.parametrize("fmt, size", [("PNG", (5000, 4000)), ("WEBP", (5000, 4000))])
def test_a_huge_picture_in_a_format_no_camera_writes_is_refused(small_project, fmt, size):
    """Formats other than a camera's are kept to 16 MP: a flat 49-megapixel PNG weighs 175 KB
    and cost the build seconds each; the message says which format and how big."""
    path = small_project.root / "data/media/dinh-lon/so-do.png"
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.linear_gradient("L").resize(size).convert("RGB").save(path, fmt)
    small_project.entry("di-tich", "dinh-lon", media=[image_item("so-do.png")])
    before = small_project.snapshot()
    for result in (small_project.check(), small_project.build()):
        output = result.stdout + result.stderr
        assert result.returncode == 1 and "Traceback" not in output, output
        assert "data/media/dinh-lon/so-do.png" in output and f"{fmt} {size[0]} × {size[1]}" in output and "16" in output
    assert small_project.snapshot() == before
