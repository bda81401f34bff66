"""Photos arrive clean (admin/hx-upload.js), in real Chromium against Decap's real local proxy:
a phone's JPEG (6000×4000, GPS, camera, comment, turned by its Orientation tag), an iPhone's
HEIC with GPS and a PNG logo with text and GPS chunks go through the form's image widget; the
files the proxy writes under data/media/<id>/ carry no location, camera or comment, are upright,
at most 4000 px, and are named after the entry; the dialog shown on picking fills the item's
description, credit and licence."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pillow_heif
import pytest
import yaml
from playwright.sync_api import expect
from PIL import ExifTags, Image, PngImagePlugin

from heritage.media.policy import has_gps
from tests.conftest import TODAY
from tests.test_cms_browser import _fill_relic, _publish, editor  # noqa: F401  (the fixture)
from tests.waiting import until

GPS = {ExifTags.GPS.GPSLatitudeRef: "N", ExifTags.GPS.GPSLatitude: (21.0, 11.0, 30.5), ExifTags.GPS.GPSLongitudeRef: "E", ExifTags.GPS.GPSLongitude: (106.0, 4.0, 12.25)}
CAMERA = "Pixel 8 Pro"
COMMENT = b"nha rieng cua can bo"


def _exif(orientation: int = 1) -> Image.Exif:
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "Google"
    exif[ExifTags.Base.Model] = CAMERA
    exif[ExifTags.Base.Orientation] = orientation
    exif[ExifTags.IFD.GPSInfo] = GPS
    return exif


def _phone_jpeg(path: Path) -> Path:
    """6000×4000 pixels stored sideways, Orientation 6 (turn 90° clockwise): upright it is 4000×6000."""
    image = Image.new("RGB", (6000, 4000), (150, 60, 40))
    image.paste((20, 20, 200), (0, 0, 600, 4000))  # left band: upright, the top of the photo
    image.save(path, quality=85, exif=_exif(orientation=6), comment=COMMENT)
    return path


def _iphone_heic(path: Path) -> Path:
    pillow_heif.from_pillow(Image.new("RGB", (1200, 900), (60, 120, 70))).save(str(path), exif=_exif().tobytes())
    return path


def _logo_png(path: Path) -> Path:
    image = Image.new("RGBA", (400, 200), (0, 0, 0, 0))
    image.paste((200, 30, 30, 255), (50, 50, 350, 150))
    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", COMMENT.decode())
    info.add_text("Author", "Can bo phuong")
    image.save(path, pnginfo=info, exif=_exif())
    return path


def _boxes_are_visible(page, dialog) -> None:
    """Each text box of the photo dialog is drawn (a border of its own colour), named by its
    label, 44 px tall at least, and shows a focus ring; so are its buttons (they were borderless)."""
    dialog.wait_for()
    boxes = dialog.locator("input")
    assert boxes.count() == 4
    for i in range(4):
        box = boxes.nth(i)
        style = box.evaluate("""e => { const s = getComputedStyle(e); return {border: parseFloat(s.borderTopWidth), color: s.borderTopColor,
                                  background: s.backgroundColor, height: e.getBoundingClientRect().height, label: e.labels.length && e.labels[0].innerText.trim()}; }""")
        assert style["border"] >= 1 and style["color"] != style["background"] and style["height"] >= 44 and style["label"], style
        box.focus()
        ring = box.evaluate("e => { const s = getComputedStyle(e); return [s.outlineStyle, parseFloat(s.outlineWidth)]; }")
        assert ring[0] != "none" and ring[1] >= 2, ring
    heights = dialog.locator("button").evaluate_all("bs => bs.map(b => b.getBoundingClientRect().height)")
    assert heights and all(height >= 44 for height in heights), heights


def _upload(page, photo: Path, name: str, nth: int) -> None:
    """A new media item, its photo picked in Decap's media library, its text filled."""
    page.get_by_role("button", name="Thêm ảnh, âm thanh, video / photos, audio, video").click()
    page.get_by_role("button", name="Chọn một hình").last.click()
    page.set_input_files("input[type=file]", str(photo))
    dialog = page.locator("dialog[data-hx-photo-text]")  # asked as soon as the photo is picked
    _boxes_are_visible(page, dialog)
    dialog.get_by_label("Mô tả ảnh, tiếng Việt / Description, Vietnamese").fill(f"Ảnh {nth + 1}")
    dialog.get_by_label("Mô tả ảnh, tiếng Anh / Description, English").fill(f"Photo {nth + 1}")
    dialog.get_by_label("Tác giả ảnh / Credit").fill("Nguyễn Văn A")
    dialog.get_by_label("Giấy phép / Licence").fill("CC BY 4.0")
    dialog.get_by_role("button", name="Điền vào biểu mẫu / Fill in the form").click()
    page.locator("[class*=CardText]", has_text=name).first.wait_for()  # cleaned and stored by the proxy
    page.get_by_role("button", name="Lấy những cái đã chọn").click()
    assert page.locator("[data-field=alt] [data-lang=en]").nth(nth).input_value() == f"Photo {nth + 1}"  # this item's, filled
    chosen = page.locator("[class*=-control]", has=page.locator("[id^=license-field]")).nth(nth)
    expect(chosen).to_contain_text("CC BY 4.0")  # the select's option, chosen from the dialog


def _clean(path: Path) -> None:
    """No GPS (the site's own test), no camera, no comment, no text chunk."""
    assert not has_gps(path), path
    data = path.read_bytes()
    assert COMMENT not in data and CAMERA.encode() not in data and b"Google" not in data, path
    with Image.open(path) as image:
        exif = image.getexif()
        assert ExifTags.Base.Model not in exif and ExifTags.Base.Make not in exif and not exif.get_ifd(ExifTags.IFD.GPSInfo)
        assert "comment" not in image.info and "Comment" not in image.info and "Author" not in image.info


def test_photos_arrive_clean_upright_at_most_4000_px_and_named_after_the_entry(editor, tmp_path):
    page, project, url = editor
    jpeg, heic, png = _phone_jpeg(tmp_path / "IMG_20260501_101500.jpg"), _iphone_heic(tmp_path / "IMG_0042.HEIC"), _logo_png(tmp_path / "Logo Phường.png")
    assert has_gps(jpeg) and has_gps(heic) and has_gps(png)  # the originals do carry a position

    page.goto(url + "admin/#/collections/di-tich/new")
    _fill_relic(page, "den-anh")
    _upload(page, jpeg, "den-anh-1.jpg", 0)
    _upload(page, heic, "den-anh-2.jpg", 1)
    _upload(page, png, "den-anh-3.png", 2)
    _publish(page)
    target = project.root / "data" / "di-tich" / "den-anh.yml"
    until(target.exists, f"{target.name} written by the proxy")
    media = yaml.safe_load(target.read_text(encoding="utf-8"))["media"]
    assert [m["image"] for m in media] == ["den-anh-1.jpg", "den-anh-2.jpg", "den-anh-3.png"]
    assert media[1] == {"image": "den-anh-2.jpg", "alt": {"vi": "Ảnh 2", "en": "Photo 2"}, "credit": "Nguyễn Văn A", "license": "CC BY 4.0"}  # from the dialog
    folder = project.root / "data" / "media" / "den-anh"
    assert sorted(p.name for p in folder.iterdir()) == ["den-anh-1.jpg", "den-anh-2.jpg", "den-anh-3.png"]

    with Image.open(folder / "den-anh-1.jpg") as photo:
        assert photo.format == "JPEG" and photo.size == (2667, 4000)  # upright (the EXIF turn applied), long side 4000
        assert photo.getpixel((1333, 100))[2] > 150 and photo.getpixel((1333, 3900))[0] > 120  # the blue band is now at the top
        assert ExifTags.Base.Orientation not in photo.getexif()  # nothing left to turn it twice
    with Image.open(folder / "den-anh-2.jpg") as photo:
        assert photo.format == "JPEG" and photo.size == (1200, 900)  # HEIC made JPEG, never enlarged
    with Image.open(folder / "den-anh-3.png") as logo:  # PNG stays PNG: a logo keeps its transparency
        assert logo.format == "PNG" and logo.size == (400, 200) and logo.mode == "RGBA" and logo.getpixel((10, 10))[3] == 0
    for path in folder.iterdir():
        _clean(path)

    result = project.check()
    assert result.returncode == 0, result.stdout + result.stderr
    built = project.build()
    assert built.returncode == 0, built.stderr
    html = project.html("di-tich/den-anh")
    assert "den-anh-1" in html and "den-anh-2" in html and "Photo 2" not in html and "Ảnh 2" in html  # the page shows them, described


def test_the_media_library_outside_an_entry_names_a_photo_after_its_own_name(editor, tmp_path):
    """Decap's media library from the top bar (no entry, so no id): the original's name, made
    lowercase ASCII; the photo is cleaned all the same, into the global media folder."""
    page, project, url = editor
    photo = _logo_png(tmp_path / "Logo Phường Mới.png")
    page.goto(url + "admin/#/collections/di-tich")
    page.locator("header").get_by_text("Tập tin", exact=True).first.click()
    page.set_input_files("input[type=file]", str(photo))
    page.locator("[class*=CardText]", has_text="logo-phuong-moi.png").first.wait_for()
    saved = project.root / "data" / "media" / "logo-phuong-moi.png"
    until(saved.exists, f"{saved.name} saved in data/media/")
    _clean(saved)
    assert not (project.root / "data" / "media" / photo.name).exists()


@pytest.mark.parametrize("editor", ["git"], indirect=True)
def test_a_post_cover_is_uploaded_clean_named_after_the_post_and_saved_with_its_draft(editor, tmp_path):
    """A column post's cover is a photo field (not a typed path): the phone's JPEG goes through the
    same cleaning, lands in data/media/chuyen-muc/ named after the post, in the draft's one commit
    with the post's two pages, and `make check` accepts it."""
    page, project, url = editor
    root = project.root
    jpeg = _phone_jpeg(tmp_path / "IMG_20261001_080000.jpg")
    assert has_gps(jpeg)
    page.goto(url + "admin/#/collections/chuyen-muc/new")
    titles, summaries, bodies = page.locator("[id^=title-field]"), page.locator("[id^=summary-field]"), page.locator("[data-slate-editor]")
    titles.nth(1).wait_for()
    titles.nth(0).fill("Ảnh bìa tháng mười")
    page.locator("[id^=date-field]").first.fill("/".join(reversed(TODAY.split("-"))))
    summaries.nth(0).fill("Tháng mười có ảnh bìa.")
    bodies.nth(0).click()
    page.keyboard.type("Bài có ảnh bìa.")
    titles.nth(1).fill("An October cover")
    summaries.nth(1).fill("October has a cover.")
    bodies.nth(1).click()
    page.keyboard.type("A post with a cover.")
    page.get_by_role("button", name="Chọn một hình").first.click()  # the cover: an image field, no typed path
    page.set_input_files("input[type=file]", str(jpeg))
    page.locator("[class*=CardText]", has_text="anh-bia-thang-muoi-1.jpg").first.wait_for()  # cleaned, named after the post
    page.get_by_role("button", name="Lấy những cái đã chọn").click()
    page.get_by_role("button", name="Lưu").first.click()
    branch, cover = "cms/chuyen-muc/anh-bia-thang-muoi", "data/media/chuyen-muc/anh-bia-thang-muoi-1.jpg"
    def draft_commit() -> list[str] | None:  # the branch comes first, then its commit
        shown = subprocess.run(["git", "show", "--name-only", "--format=%s", branch, "--"], cwd=root, capture_output=True, text=True)
        lines = shown.stdout.split("\n") if shown.returncode == 0 else [""]
        return lines if lines[0].startswith("Thêm") else None

    changed = until(draft_commit, f"the draft's commit on {branch}")
    assert set(filter(None, changed[1:])) == {cover, "docs/vi/chuyen-muc/anh-bia-thang-muoi.md", "docs/en/chuyen-muc/anh-bia-thang-muoi.md"}
    page_vi = subprocess.run(["git", "show", f"{branch}:docs/vi/chuyen-muc/anh-bia-thang-muoi.md"], cwd=root, capture_output=True, text=True, check=True).stdout
    assert "cover: chuyen-muc/anh-bia-thang-muoi-1.jpg" in page_vi
    # the draft's photo itself: no position, no camera, upright, long side 4000
    photo = tmp_path / "cover.jpg"
    photo.write_bytes(subprocess.run(["git", "show", f"{branch}:{cover}"], cwd=root, capture_output=True, check=True).stdout)
    _clean(photo)
    with Image.open(photo) as image:
        assert image.size == (2667, 4000)
    # published (the branch merged as Decap's publication does): make check accepts the cover
    subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", "merge", "-q", "--ff-only", branch], cwd=root, check=True)
    assert (root / cover).is_file()
    result = project.check()
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("editor", ["git"], indirect=True)
def test_a_post_recording_is_picked_in_each_language_pane_and_make_check_reads_it(editor, tmp_path):
    """The post's recording is a file box in each language's pane: a WAV picked in the Vietnamese
    pane lands in data/media/chuyen-muc/ with the draft, as `audio:` of the Vietnamese page only,
    and make check accepts it (FFmpeg reads it)."""
    from tests.test_radio import write_wav

    page, project, url = editor
    root = project.root
    recording = write_wav(tmp_path / "doc-bai.wav", -20, seconds=2)
    page.goto(url + "admin/#/collections/chuyen-muc/new")
    titles, summaries, bodies = page.locator("[id^=title-field]"), page.locator("[id^=summary-field]"), page.locator("[data-slate-editor]")
    titles.nth(1).wait_for()
    titles.nth(0).fill("Bài đọc tháng mười")
    page.locator("[id^=date-field]").first.fill("/".join(reversed(TODAY.split("-"))))
    summaries.nth(0).fill("Tháng mười có bài đọc.")
    bodies.nth(0).click()
    page.keyboard.type("Bài có bản ghi âm.")
    titles.nth(1).fill("A read October post")
    summaries.nth(1).fill("October is read aloud.")
    bodies.nth(1).click()
    page.keyboard.type("A post read aloud.")
    page.locator("label", has_text="The post read aloud").first.wait_for()
    boxes = page.locator("[aria-label='Trường file']", has=page.locator("label", has_text="The post read aloud"))
    assert boxes.count() == 2  # one in each language's pane
    boxes.first.get_by_role("button", name="Chọn một tập tin").click()
    page.set_input_files("input[type=file]", str(recording))
    page.locator("[class*=CardText]", has_text="doc-bai.wav").first.wait_for()
    page.get_by_role("button", name="Lấy những cái đã chọn").click()
    page.get_by_role("button", name="Lưu").first.click()
    branch, stored = "cms/chuyen-muc/bai-doc-thang-muoi", "data/media/chuyen-muc/doc-bai.wav"

    def draft_commit() -> list[str] | None:
        shown = subprocess.run(["git", "show", "--name-only", "--format=%s", branch, "--"], cwd=root, capture_output=True, text=True)
        lines = shown.stdout.split("\n") if shown.returncode == 0 else [""]
        return lines if lines[0].startswith("Thêm") else None

    changed = until(draft_commit, f"the draft's commit on {branch}")
    assert stored in changed
    page_vi = subprocess.run(["git", "show", f"{branch}:docs/vi/chuyen-muc/bai-doc-thang-muoi.md"], cwd=root, capture_output=True, text=True, check=True).stdout
    page_en = subprocess.run(["git", "show", f"{branch}:docs/en/chuyen-muc/bai-doc-thang-muoi.md"], cwd=root, capture_output=True, text=True, check=True).stdout
    assert "audio: chuyen-muc/doc-bai.wav" in page_vi and "audio" not in page_en
    subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", "merge", "-q", "--ff-only", branch], cwd=root, check=True)
    result = project.check()
    assert result.returncode == 0, result.stdout + result.stderr
