"""What `make check` says about the originals under data/media/, without a build: a photo
that holds a position (any spelling of its ending, EXIF, XMP or a PNG's eXIf chunk), a file
too heavy for the repository, a link, a file no page uses; and the archival master that
`media prepare` writes. The project is loaded in-process; large files are sparse.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from PIL import Image

from heritage.content.loader import load_inventory
from heritage.media import policy
from heritage.media.policy import has_gps, master_path, media_problems, prepare_master

from .conftest import REPO, Project, bi
from .test_media import XMP, camera_photo, image_item

MB = 1024 * 1024


def sparse(path: Path, size: int) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        handle.truncate(size)
    return path


def by_file(problems) -> dict[str, list]:
    out: dict[str, list] = {}
    for problem in problems:
        out.setdefault(problem.file, []).append(problem)
    return out


@pytest.mark.parametrize("name", ["IMG_0001.JPG", "img_0002.jpg", "Anh.JPEG", "scan.Jpg", "phone.PNG", "edit.webp"])
def test_a_photo_with_a_position_is_found_whatever_its_ending(tmp_path: Path, name):
    path = tmp_path / name
    exif = Image.Exif()
    exif[0x8825] = {1: "N", 2: (21.0, 11.0, 10.0), 3: "E", 4: (106.0, 4.0, 34.0)}
    fmt = {"jpg": "JPEG", "jpeg": "JPEG", "png": "PNG", "webp": "WEBP"}[name.rsplit(".", 1)[1].lower()]
    Image.new("RGB", (64, 48), (10, 20, 30)).save(path, fmt, exif=exif)
    clean = tmp_path / f"clean-{name}"
    Image.new("RGB", (64, 48), (10, 20, 30)).save(clean, fmt)
    assert has_gps(path) and not has_gps(clean)


def test_a_position_written_as_xmp_or_a_broken_file(tmp_path: Path):
    edited = tmp_path / "edited.jpg"
    Image.new("RGB", (64, 48)).save(edited, "JPEG", xmp=XMP)
    only_longitude = tmp_path / "lon.jpg"
    Image.new("RGB", (64, 48)).save(only_longitude, "JPEG", xmp=XMP.replace(b'exif:GPSLatitude="21,11.2N" ', b""))
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(b"\xff\xd8\xff not really a photo")
    not_png = tmp_path / "fake.png"
    not_png.write_bytes(b"GIF89a")
    assert has_gps(edited) and has_gps(only_longitude)
    assert not has_gps(broken) and not has_gps(not_png)
    assert policy._png_exif(not_png) == b""


@pytest.fixture
def project(tmp_path: Path) -> Project:
    """What loading the content needs, no theme: `make mutate` runs these tests for every mutant."""
    (tmp_path / "data").mkdir()
    shutil.copy(REPO / "data" / "vocabulary.yml", tmp_path / "data" / "vocabulary.yml")
    return Project(tmp_path)


def test_make_check_warns_about_positions_weight_links_and_unused_files(project: Project):
    media = project.root / "data/media/dinh"
    camera_photo(media / "IMG_0001.JPG", size=(320, 240))
    project.image("data/media/dinh/sach.jpg", size=(320, 240))
    project.image("data/media/dinh/thua.jpg", size=(320, 240))  # no entry uses it
    sparse(media / "nang.jpg", 11 * MB)  # a warning
    sparse(media / "qua-nang.jpg", 26 * MB)  # an error; never opened for a position
    sparse(media / "clip.MP4", 12 * MB)  # a video: the fix is YouTube
    (media / ".DS_Store").write_bytes(b"finder")  # hidden: ignored
    os.symlink("/etc/passwd", media / "lien-ket.jpg")
    project.entry("di-tich", "dinh", media=[image_item(n) for n in ("IMG_0001.JPG", "sach.jpg", "nang.jpg", "qua-nang.jpg")]
                  + [{"video": "clip.MP4", "caption": bi("Clip", "Clip"), "credit": "Người quay", "license": "CC BY 4.0"}])
    for lang in ("vi", "en"):
        project.post(lang, "bai", "2026-09-01", cover="dinh/sach.jpg")
    inv = load_inventory(project.root)
    assert inv.errors == [], [e.en for e in inv.errors]
    found = by_file(media_problems(inv, decode=False))
    gps = found.pop("data/media/dinh/IMG_0001.JPG")
    assert [(p.severity, "GPS" in p.en) for p in gps] == [("warning", True)]
    assert gps[0].fix_en.endswith("python -m heritage media prepare data/media/dinh/IMG_0001.JPG")
    assert [p.severity for p in found.pop("data/media/dinh/thua.jpg")] == ["warning"]
    heavy = found.pop("data/media/dinh/nang.jpg")
    assert [(p.severity, "11.0 MB, over the 10.0 MB limit" in p.en, "media prepare data/media/dinh/nang.jpg" in p.fix_en) for p in heavy] == [("warning", True, True)]
    too_heavy = found.pop("data/media/dinh/qua-nang.jpg")
    assert [(p.severity, "26.0 MB, over the 25.0 MB limit" in p.en) for p in too_heavy] == [("error", True)]
    clip = found.pop("data/media/dinh/clip.MP4")
    assert [(p.severity, "youtube:" in p.fix_en, "youtube:" in p.fix_vi) for p in clip] == [("warning", True, True)]
    link = found.pop("data/media/dinh/lien-ket.jpg")
    assert [p.severity for p in link] == ["error"] and "symbolic link" in link[0].en
    assert found == {}  # sach.jpg: used, light, no position; .DS_Store ignored
    without_gps = by_file(media_problems(inv, gps=False, decode=False))
    assert "data/media/dinh/IMG_0001.JPG" not in without_gps


def test_what_counts_as_used(project: Project):
    project.image("data/media/dinh/a.jpg", size=(320, 240))
    project.image("data/media/dinh/bia.jpg", size=(320, 240))
    project.entry("di-tich", "dinh", media=[image_item("a.jpg"), {"youtube": "dQw4w9WgXcQ", "caption": bi("Phim", "Film"), "credit": "UBND", "license": "CC BY 4.0"}])
    for lang in ("vi", "en"):
        project.post(lang, "bai", "2026-09-01", cover="dinh/bia.jpg")
    inv = load_inventory(project.root)
    assert inv.errors == [], [e.en for e in inv.errors]
    assert policy.referenced_media(inv) == {"dinh/a.jpg", "dinh/bia.jpg"}
    assert media_problems(inv, decode=False) == []


def test_no_media_folder_no_problem(project: Project):
    assert media_problems(load_inventory(project.root)) == []


def test_a_broken_cover_is_named_in_the_post_too(project: Project):
    (project.root / "data/media/dinh").mkdir(parents=True)
    (project.root / "data/media/dinh/hong.jpg").write_bytes(b"\xff\xd8\xff broken")
    project.entry("di-tich", "dinh", media=[image_item("hong.jpg")])
    for lang in ("vi", "en"):
        project.post(lang, "bai", "2026-09-01", cover="dinh/hong.jpg")
    found = media_problems(load_inventory(project.root))
    files = [(p.file, p.field, p.severity) for p in found]
    assert ("data/media/dinh/hong.jpg", None, "error") in files or any(f == "data/media/dinh/hong.jpg" and s == "error" for f, _, s in files)
    covers = [(p.file, p.field, p.line) for p in found if p.field == "cover"]
    assert sorted(covers) == [("docs/en/chuyen-muc/bai.md", "cover", 5), ("docs/vi/chuyen-muc/bai.md", "cover", 5)]
    assert files.count(("data/media/dinh/hong.jpg", None, "error")) <= 1  # decoded once, named once


@pytest.mark.parametrize("name, master", [("IMG 0001.HEIC", "img-0001.jpg"), ("Ảnh cổng đình.png", "anh-cong-dinh.jpg"), ("---.tif", "anh.jpg"), ("cong.jpg", "cong.jpg")])
def test_the_master_is_named_in_ascii_beside_the_original(tmp_path: Path, name, master):
    assert master_path(tmp_path / "dinh" / name) == tmp_path / "dinh" / master


def test_the_master_is_an_upright_bounded_jpeg_without_metadata(tmp_path: Path):
    original = camera_photo(tmp_path / "IMG_0002.JPG", size=(4100, 1000), orientation=6)
    target, before, after = prepare_master(original)
    assert target == tmp_path / "img-0002.jpg" and before == original.stat().st_size and after == target.stat().st_size
    with Image.open(target) as image:
        assert image.format == "JPEG" and image.height == 4000 and abs(image.width - 1000 * 4000 / 4100) <= 1  # upright, long side 4000
        assert not image.getexif() and "xmp" not in image.info and "comment" not in image.info
    assert not has_gps(target)


def test_what_the_editor_reads_for_each_file(project: Project):
    """The words of each warning and error, in Vietnamese then English, with the file and its fix."""
    media = project.root / "data/media/dinh"
    camera_photo(media / "IMG_0001.JPG", size=(320, 240))
    project.image("data/media/dinh/thua.jpg", size=(320, 240))
    sparse(media / "nang.jpg", 11 * MB)
    sparse(media / "qua-nang.MOV", 26 * MB)
    os.symlink("/etc/passwd", media / "lien-ket.jpg")
    project.entry("di-tich", "dinh", media=[image_item("IMG_0001.JPG"), image_item("nang.jpg"),
                                            {"video": "qua-nang.MOV", "caption": bi("Clip", "Clip"), "credit": "Người quay", "license": "CC BY 4.0"}])
    said = {(p.file, p.en.split(" ")[1]): p for p in media_problems(load_inventory(project.root), decode=False)}
    link = said[("data/media/dinh/lien-ket.jpg", "is")]
    assert (link.vi, link.en, link.fix_vi, link.fix_en, link.severity) == (
        "Đây là liên kết tượng trưng (symlink): trang không bao giờ đăng tệp qua liên kết, vì nó có thể trỏ ra ngoài kho.",
        "This is a symbolic link: the site never publishes a file through a link, which could point outside the repository.",
        "Xóa liên kết và đặt chính tệp vào data/media/<mã mục>/.", "Delete the link and put the file itself into data/media/<id>/.", "error")
    gps = said[("data/media/dinh/IMG_0001.JPG", "original")]
    assert (gps.vi, gps.en, gps.fix_vi, gps.fix_en) == (
        "Ảnh gốc chứa vị trí GPS nơi chụp; kho mã là công khai nên ai cũng tải được ảnh gốc (trang web thì đã xóa).",
        "The original photo contains the GPS position where it was taken; the repository is public, so anyone can download it (the website strips it).",
        "Xóa vị trí và thu nhỏ ảnh: python -m heritage media prepare data/media/dinh/IMG_0001.JPG",
        "Remove the position and shrink the photo: python -m heritage media prepare data/media/dinh/IMG_0001.JPG")
    heavy = said[("data/media/dinh/nang.jpg", "file")]
    assert (heavy.vi, heavy.en, heavy.fix_vi, heavy.fix_en) == (
        "Tệp nặng 11.0 MB, vượt giới hạn 10.0 MB: kho sẽ nặng dần và khó tải về.",
        "The file is 11.0 MB, over the 10.0 MB limit: the repository would grow too heavy to download.",
        "Thu nhỏ tệp trước khi đưa lên: python -m heritage media prepare data/media/dinh/nang.jpg",
        "Shrink it before committing: python -m heritage media prepare data/media/dinh/nang.jpg")
    video = said[("data/media/dinh/qua-nang.MOV", "file")]
    assert (video.vi, video.en, video.fix_vi, video.fix_en, video.severity) == (
        "Tệp nặng 26.0 MB, vượt giới hạn 25.0 MB: kho sẽ nặng dần và khó tải về.",
        "The file is 26.0 MB, over the 25.0 MB limit: the repository would grow too heavy to download.",
        "Đăng video lên YouTube của phường và ghi `youtube: <mã video>` thay cho tệp; chỉ giữ đoạn clip ngắn dưới 10 MB trong kho.",
        "Upload the video to the ward's YouTube channel and use `youtube: <video id>` instead; keep only short clips under 10 MB here.", "error")
    unused = said[("data/media/dinh/thua.jpg", "entry")]
    assert (unused.vi, unused.en, unused.fix_vi, unused.fix_en) == (
        "Tệp media này không được mục hay bài viết nào dùng.", "No entry or post uses this media file.",
        "Thêm nó vào `media` của một mục (hoặc `cover` của bài viết), hoặc xóa tệp nếu không cần.",
        "Add it to an entry's `media` (or a post's `cover`), or delete it if it is not needed.")


def test_a_video_that_holds_a_position_is_a_warning(project: Project):
    from .test_hostile import video_with_location

    (project.root / "data/media/dinh").mkdir(parents=True)
    video_with_location(project.root / "data/media/dinh/clip.mp4")
    project.entry("di-tich", "dinh", media=[{"video": "clip.mp4", "caption": bi("Clip", "Clip"), "credit": "Người quay", "license": "CC BY 4.0"}])
    inv = load_inventory(project.root)
    (found,) = media_problems(inv)
    assert (found.file, found.severity, found.vi, found.en, found.fix_vi, found.fix_en) == (
        "data/media/dinh/clip.mp4", "warning",
        "Tệp gốc chứa vị trí GPS nơi quay/ghi âm; kho mã là công khai nên ai cũng tải được tệp gốc (trang web thì đã xóa).",
        "The original contains the GPS position where it was recorded; the repository is public, so anyone can download it (the website strips it).",
        "Xuất lại tệp không kèm vị trí (trên điện thoại: tắt vị trí cho máy ảnh), hoặc dùng youtube: cho video dài.",
        "Export the file again without location (on a phone: turn off location for the camera), or use youtube: for long videos.")
    assert media_problems(inv, gps=False) == []


def test_a_latitude_alone_in_xmp_is_a_position(tmp_path: Path):
    path = tmp_path / "lat.jpg"
    Image.new("RGB", (64, 48)).save(path, "JPEG", xmp=XMP.replace(b' exif:GPSLongitude="106,4.5E"', b""))
    assert b"GPSLongitude" not in path.read_bytes() and has_gps(path)


def test_sizes_are_shown_in_mebibytes_to_a_tenth(project: Project):
    sparse(project.root / "data/media/dinh/gan-11.jpg", int(10.96 * MB))
    (heavy, unused) = media_problems(load_inventory(project.root), decode=False)
    assert "The file is 11.0 MB, over the 10.0 MB limit" in heavy.en and "No entry" in unused.en


def test_the_master_is_a_progressive_jpeg_at_quality_90(tmp_path: Path):
    original = camera_photo(tmp_path / "goc.png", size=(800, 600))
    target, _, _ = prepare_master(original)
    with Image.open(target) as image:
        assert image.info.get("progressive") == 1 or image.info.get("progression") == 1
        assert image.quantization[0][0] == 3  # libjpeg's luminance table at quality 90: 16 × (200 − 2 × 90) / 100


def test_a_photo_the_build_already_prepared_is_not_decoded_again(project: Project, monkeypatch):
    from heritage.media import images
    from heritage.media.library import MediaLibrary

    project.image("data/media/dinh/cong.jpg", size=(320, 240))
    project.entry("di-tich", "dinh", media=[image_item("cong.jpg")])
    inv = load_inventory(project.root)
    assert MediaLibrary(project.root, inv, {"vi": "Di sản", "en": "Heritage"}).prepare() == []

    def decoded(*args):
        raise AssertionError("decoded again")

    monkeypatch.setattr(images, "probe", decoded)
    assert media_problems(inv) == []
    (project.root / "data/media/dinh/cong.jpg").write_bytes((project.root / "data/media/dinh/cong.jpg").read_bytes() + b"\0")
    with pytest.raises(AssertionError, match="decoded again"):  # changed since: opened again
        media_problems(load_inventory(project.root))


def test_a_named_pipe_among_the_originals_is_named_and_never_opened(project: Project):
    """A named pipe would hang whatever reads it: `make check` names it beside a link, and
    still decodes the photos the build would publish."""
    media = project.root / "data/media/dinh"
    project.image("data/media/dinh/anh.jpg", size=(320, 240))
    os.mkfifo(media / "ong.jpg")
    os.symlink("/etc/passwd", media / "lien-ket.jpg")
    project.entry("di-tich", "dinh", media=[image_item("anh.jpg")])
    found = sorted((p.file, p.severity, p.en) for p in media_problems(load_inventory(project.root)))
    assert found == [
        ("data/media/dinh/lien-ket.jpg", "error", "This is a symbolic link: the site never publishes a file through a link, which could point outside the repository."),
        ("data/media/dinh/ong.jpg", "error", "'data/media/dinh/ong.jpg' is a named pipe (FIFO), not a regular file: the site reads regular files only (text, photos, audio, video)."),
    ]


def test_a_broken_cover_no_entry_lists_is_named_in_each_post(project: Project):
    (project.root / "data/media/dinh").mkdir(parents=True)
    (project.root / "data/media/dinh/hong.jpg").write_bytes(b"\xff\xd8\xff broken")
    for lang in ("vi", "en"):
        project.post(lang, "bai", "2026-09-01", cover="dinh/hong.jpg")
    found = sorted((p.file, p.field or "", p.line or 0, p.severity, p.en.split(":")[0]) for p in media_problems(load_inventory(project.root)))
    assert found == [
        ("data/media/dinh/hong.jpg", "", 0, "error", "This image cannot be used"),
        ("docs/en/chuyen-muc/bai.md", "cover", 5, "error", "This image cannot be used"),
        ("docs/vi/chuyen-muc/bai.md", "cover", 5, "error", "This image cannot be used"),
    ]


def test_a_good_photo_used_twice_beside_a_youtube_film_says_nothing(project: Project):
    """One photo in an entry and as a post's cover, and a film on YouTube: decoded once, no
    problem; the film is never looked for among the files, even one saved under its id."""
    project.image("data/media/dinh/anh.jpg", size=(320, 240))
    (project.root / "data/media/dinh/dQw4w9WgXcQ").write_bytes(b"the film, downloaded")
    project.entry("di-tich", "dinh", media=[image_item("anh.jpg"), {"youtube": "dQw4w9WgXcQ", "caption": bi("Phim", "Film"), "credit": "UBND", "license": "CC BY 4.0"}])
    for lang in ("vi", "en"):
        project.post(lang, "bai", "2026-09-01", cover="dinh/anh.jpg")
    inv = load_inventory(project.root)
    assert inv.errors == [], [e.en for e in inv.errors]
    assert [(p.file, p.en) for p in media_problems(inv)] == [("data/media/dinh/dQw4w9WgXcQ", "No entry or post uses this media file.")]


def test_a_missing_photo_does_not_stop_the_next_one_being_checked(project: Project):
    (project.root / "data/media/dinh").mkdir(parents=True)
    (project.root / "data/media/dinh/hong.jpg").write_bytes(b"\xff\xd8\xff broken")
    project.entry("di-tich", "dinh", media=[image_item("mat.jpg"), image_item("hong.jpg")])  # mat.jpg: no such file
    found = [(p.file, p.severity, p.en.split(":")[0]) for p in media_problems(load_inventory(project.root))]
    assert found == [("data/media/dinh/hong.jpg", "error", "This image cannot be used")]


def test_a_clip_without_sound_given_as_audio_is_refused_with_gps_checks_off(project: Project):
    """Turning the position warnings off never turns off the check that the build would fail."""
    from .test_hostile import video_with_location

    (project.root / "data/media/dinh").mkdir(parents=True)
    video_with_location(project.root / "data/media/dinh/clip.mp4")
    project.entry("di-tich", "dinh", media=[{"audio": "clip.mp4", "caption": bi("Bài hát", "Song"), "transcript": bi("Lời", "Lyrics"),
                                             "credit": "Nghệ nhân", "license": "CC BY 4.0"}])
    (found,) = media_problems(load_inventory(project.root), gps=False)
    assert (found.file, found.severity, found.vi, found.en) == (
        "data/media/dinh/clip.mp4", "error", "Tệp không có tiếng (không phải âm thanh).", "The file has no sound track (not audio).")


def test_the_limits_are_over_10_and_over_25_mb_and_a_photo_of_25_mb_is_still_checked_for_a_position(project: Project):
    media = project.root / "data/media/dinh"
    sparse(media / "dung-10.jpg", 10 * MB)  # at the limit, not over it: nothing to say
    sparse(media / "dung-25.mp4", 25 * MB)  # a warning, not yet an error
    photo = camera_photo(media / "dung-25.jpg", size=(320, 240))
    with photo.open("r+b") as handle:  # zeros after the JPEG's end: a 25 MB photo with a position
        handle.truncate(25 * MB)
    found = sorted((p.file, p.severity, p.en.split(":")[0].split(";")[0]) for p in media_problems(load_inventory(project.root), decode=False) if not p.en.startswith("No entry"))
    assert found == [
        ("data/media/dinh/dung-25.jpg", "warning", "The file is 25.0 MB, over the 10.0 MB limit"),
        ("data/media/dinh/dung-25.jpg", "warning", "The original photo contains the GPS position where it was taken"),
        ("data/media/dinh/dung-25.mp4", "warning", "The file is 25.0 MB, over the 10.0 MB limit"),
    ]
