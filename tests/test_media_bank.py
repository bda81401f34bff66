"""The media bank (/kho-anh/, issue 27): every item listed with its licence, high-resolution
downloads of open-licence photos only, with their rights written in and no position or camera
data, press kits, ImageObject data, and `make check`'s licence rules.

Two photos "from a phone" carry GPS and camera EXIF; a third is all rights reserved. exiftool
(an independent reader) and Pillow read the downloads back; every image in the built site is
then opened to prove no GPS and no large copy of the reserved photo is published.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
import yaml
from PIL import Image, IptcImagePlugin
from playwright.sync_api import expect

from .conftest import LANGS, PHONE, SAMPLE_URL, Project, bi, serve

GPS_IFD, EXIF_IFD = 0x8825, 0x8769
MAKE, MODEL, SERIAL = 0x010F, 0x0110, 0xA431
BIG, SMALL = (4800, 3200), (1200, 900)


def phone_photo(path: Path, size: tuple[int, int], color: tuple[int, int, int]) -> Path:
    """A JPEG as a phone writes it: camera make, model and serial, and the GPS position."""
    exif = Image.Exif()
    exif[MAKE], exif[MODEL] = "PhoneMaker", "Model 7"
    exif.get_ifd(EXIF_IFD)[SERIAL] = "SN-0042"
    gps = exif.get_ifd(GPS_IFD)
    gps.update({1: "N", 2: (21.0, 10.0, 5.5), 3: "E", 4: (106.0, 3.0, 1.25)})
    path.parent.mkdir(parents=True, exist_ok=True)
    image = Image.new("RGB", size, color)
    image.paste((250, 240, 200), (size[0] // 4, size[1] // 4, size[0] // 2, size[1] // 2))  # some detail to encode
    image.save(path, "JPEG", exif=exif, quality=85)
    assert Image.open(path).getexif().get_ifd(GPS_IFD), "the fixture photo must carry GPS"
    return path


LONG_CREDIT = "Câu lạc bộ Nhiếp ảnh Nghệ thuật phường Thử Nghiệm (Trần Thị Bé)"  # over IPTC's 32 bytes
MEDIA = [
    {"image": "cong.jpg", "alt": bi("Cổng đình ngày hội", "The gate on festival day"), "caption": bi("Cổng đình mùa lễ hội", "The gate in festival season"),
     "credit": "Nguyễn Văn Ảnh", "license": "CC BY 4.0", "date": "2026-02-20"},
    {"image": "san.jpg", "alt": bi("Sân đình", "The courtyard"), "credit": bi(LONG_CREDIT, "Photo club of the test ward (Tran Thi Be)"), "license": "CC0-1.0"},
    {"image": "rieng.jpg", "alt": bi("Rước kiệu", "The palanquin procession"), "caption": bi("Rước kiệu (ảnh giữ bản quyền)", "Palanquin procession (rights reserved)"),
     "credit": "Studio Riêng", "license": "all-rights-reserved"},
]


@pytest.fixture(scope="module")
def bank_site(tmp_path_factory) -> Project:
    from .conftest import _skeleton

    root = tmp_path_factory.mktemp("bank")
    _skeleton(root)
    project = Project(root)
    phone_photo(root / "data/media/dinh-bank/cong.jpg", BIG, (150, 40, 30))
    phone_photo(root / "data/media/dinh-bank/san.jpg", SMALL, (40, 90, 120))
    phone_photo(root / "data/media/dinh-bank/rieng.jpg", BIG, (30, 120, 60))
    project.entry("di-tich", "dinh-bank", ("Đình Làng Thử", "Test Village Communal House"), media=MEDIA)
    for lang, title in zip(LANGS, ("Kho ảnh", "Media bank")):
        project.write(f"docs/{lang}/kho-anh/index.md", f"---\ntitle: {title}\n---\n\nGhi nguồn khi dùng.\n")
    project.stamp_all()
    result = project.build(SITE_URL=SAMPLE_URL)
    assert result.returncode == 0, result.stderr
    return project


def downloads(html: str) -> list[str]:
    return re.findall(r'<a href="\.\./(media/[^"]+\.jpg)" download="[^"]+\.jpg">', html)


@pytest.mark.parametrize("lang", LANGS)
def test_the_bank_lists_every_item_and_offers_only_the_open_ones(bank_site, lang):
    html = bank_site.html("kho-anh" if lang == "vi" else "en/kho-anh").replace("../../", "../")
    for item in MEDIA:
        assert html.count(f'data-licence="{item["license"]}"') == 1
        assert (item.get("caption") or item["alt"])[lang] in html
    assert len(downloads(html)) == 2
    # what each file is, before downloading it: its name, pixel size and weight
    big = "4.000 × 2.667" if lang == "vi" else "4,000 × 2,667"
    assert re.search(r'download="dinh-bank-1-4000\.jpg">[^<]+</a> <span class="hx-bank__size">JPEG, ' + big + r' px, \d+ KB</span>', html)
    assert 'download="dinh-bank-2-1200.jpg"' in html and ("1.200 × 900 px" if lang == "vi" else "1,200 × 900 px") in html
    # the credit to copy, the page's language first, and the licence linked to its text
    first, second = ("Ảnh", "Photo") if lang == "vi" else ("Photo", "Ảnh")
    assert re.search(rf"<q>{first}: Nguyễn Văn Ảnh / CC BY 4\.0</q> <q lang=\"\w\w\">{second}: Nguyễn Văn Ảnh / CC BY 4\.0</q>", html)
    assert '<a href="https://creativecommons.org/publicdomain/zero/1.0/" rel="license noopener noreferrer">CC0 1.0 (' in html
    reserved = html[html.index('data-licence="all-rights-reserved"'):]
    reserved = reserved[: reserved.index("</li>")]
    assert " download>" not in reserved and ".jpg" not in reserved.split("</a>", 1)[-1] and "Studio Riêng" in reserved
    assert ("hãy hỏi" if lang == "vi" else "ask") in reserved  # whom to ask, no download
    kit = "media/dinh-bank/dinh-bank-press-kit.zip"
    assert kit in html and kit in bank_site.html(f"{'' if lang == 'vi' else 'en/'}di-tich/dinh-bank")


def exiftool(path: Path) -> dict:
    if shutil.which("exiftool") is None:
        pytest.fail("exiftool is missing: apt-get install libimage-exiftool-perl (scripts/system-deps.sh does)")
    out = subprocess.run(["exiftool", "-j", "-a", "-G1", str(path)], capture_output=True, text=True, check=True).stdout
    return json.loads(out)[0]


@pytest.mark.parametrize("index", [0, 1])
def test_a_download_carries_its_rights_and_no_position_or_camera(bank_site, index):
    item = MEDIA[index]
    html = bank_site.html("kho-anh")
    path = bank_site.root / "site" / next(d for d in downloads(html) if f"/dinh-bank-{index + 1}-" in d)
    tags = exiftool(path)
    credit = {"vi": item["credit"], "en": item["credit"]} if isinstance(item["credit"], str) else item["credit"]
    creator = credit["vi"]
    # the full credit, diacritics and all, in XMP and EXIF (UTF-8)
    assert tags["XMP-dc:Creator"] == creator and tags["IFD0:Artist"] == creator
    assert creator in tags["XMP-photoshop:Credit"] and credit["en"] in tags["XMP-xmpRights:UsageTerms-en"]
    assert creator in tags["XMP-xmpRights:UsageTerms-vi"] and credit["en"] in tags["IPTC:Caption-Abstract"]
    # IPTC's short fields: within their byte limits, and a whole-word prefix of the credit
    for field, limit in (("IPTC:By-line", 32), ("IPTC:Credit", 32)):
        value = tags[field]
        assert len(value.encode("utf-8")) <= limit
        assert value == creator or (value.endswith("…") and (creator + " ").startswith(value[:-1].rstrip() + " ")), value
    if item["license"] == "CC0-1.0":  # a dedication to the public domain: no ©
        assert "©" not in tags["XMP-dc:Rights-en"] + tags["IPTC:CopyrightNotice"] + tags["IFD0:Copyright"]
        assert tags["XMP-dc:Rights-en"] == "No rights reserved (CC0 1.0)"
    else:
        assert tags["XMP-dc:Rights-vi"] == f"© {creator}, CC BY 4.0" == tags["IPTC:CopyrightNotice"]
        assert tags["XMP-dc:Rights-en"] == f"© {credit['en']}, CC BY 4.0"
    url = {"CC BY 4.0": "https://creativecommons.org/licenses/by/4.0/", "CC0-1.0": "https://creativecommons.org/publicdomain/zero/1.0/"}[item["license"]]
    assert tags["XMP-xmpRights:WebStatement"] == url
    assert tags["XMP-plus:LicensorURL"] == SAMPLE_URL + "di-tich/dinh-bank/"
    text = item.get("caption") or item["alt"]
    assert tags["XMP-dc:Description-vi"] == text["vi"] and tags["XMP-dc:Description-en"] == text["en"]
    assert not [k for k in tags if k.startswith(("GPS", "Composite:GPS")) or ":GPS" in k]
    assert not {"IFD0:Make", "IFD0:Model", "ExifIFD:SerialNumber"} & set(tags)
    with Image.open(path) as image:  # and Pillow reads the same
        assert not image.getexif().get_ifd(GPS_IFD) and MAKE not in image.getexif()
        assert url.encode() in image.info["xmp"] if isinstance(image.info["xmp"], bytes) else url in image.info["xmp"]
        assert creator.startswith(IptcImagePlugin.getiptcinfo(image)[(2, 80)].decode("utf-8").rstrip("…"))
        original = BIG if index == 0 else SMALL
        expected = (4000, round(4000 * original[1] / original[0])) if max(original) > 4000 else original  # never enlarged
        assert image.size == expected and image.format == "JPEG"


def test_no_published_image_has_gps_or_is_a_large_copy_of_a_reserved_photo(bank_site):
    site = bank_site.root / "site"
    originals = {hashlib.sha256(p.read_bytes()).hexdigest() for p in (bank_site.root / "data/media").rglob("*.jpg")}
    offered = {site / d for d in downloads(bank_site.html("kho-anh"))}
    assert len(offered) == 2
    checked = 0
    for path in site.rglob("*"):
        if path.suffix.lower() not in (".jpg", ".jpeg", ".webp", ".avif", ".png") or not path.is_file():
            continue
        assert hashlib.sha256(path.read_bytes()).hexdigest() not in originals, f"an original is published: {path}"
        with Image.open(path) as image:
            assert not image.getexif().get_ifd(GPS_IFD), f"GPS in {path}"
            assert MAKE not in image.getexif(), f"camera data in {path}"
            if max(image.size) > 1600:  # larger than any web size: only an open photo's download
                assert path in offered, f"a high-resolution copy outside the open downloads: {path}"
        checked += 1
    assert checked > 20
    assert not list(site.rglob("dinh-bank-3-*.jpg"))


def test_the_press_kit_holds_the_open_photos_and_bilingual_credits(bank_site):
    with zipfile.ZipFile(bank_site.root / "site/media/dinh-bank/dinh-bank-press-kit.zip") as kit:
        names = sorted(kit.namelist())
        credits = kit.read("CREDITS.txt").decode("utf-8")
    assert names == ["CREDITS.txt", "dinh-bank-1-4000.jpg", "dinh-bank-2-1200.jpg"]
    assert "Nguyễn Văn Ảnh" in credits and "Tran Thi Be" in credits and "Studio Riêng" not in credits
    assert credits.index("Bộ ảnh báo chí") < credits.index("Press kit")
    assert "https://creativecommons.org/licenses/by/4.0/" in credits


def test_each_open_photo_is_a_licensable_image_object(bank_site):
    html = bank_site.html("en/kho-anh")
    blocks = [json.loads(b) for b in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)]
    page = next(b for b in blocks if b.get("@type") == "CollectionPage")
    objects = page["hasPart"]
    assert len(objects) == 2
    for node in objects:
        assert node["@type"] == "ImageObject" and node["license"].startswith("https://creativecommons.org/")
        assert node["acquireLicensePage"] == SAMPLE_URL + "en/di-tich/dinh-bank/"
        assert node["creditText"] and node["creator"]["name"] and node["copyrightNotice"]
        assert node["contentUrl"].startswith(SAMPLE_URL + "media/dinh-bank/") and node["contentUrl"].endswith(".jpg")


def test_the_index_for_the_script_lists_every_item(bank_site):
    index = json.loads((bank_site.root / "site/en/kho-anh/muc.json").read_text(encoding="utf-8"))
    assert index["count"] == 3 and [i["o"] for i in index["items"]].count(True) == 2
    assert all(i["dl"] is None for i in index["items"] if not i["o"])


# --- make check ---------------------------------------------------------------------------


def test_an_unknown_licence_is_an_error_naming_file_line_and_field(project):
    project.image("data/media/dinh-a/a.jpg")
    project.entry("di-tich", "dinh-a", media=[{"image": "a.jpg", "alt": bi("Ảnh"), "credit": "A", "license": "CC-BY"}])
    result = project.check()
    assert result.returncode == 1
    out = result.stdout + result.stderr
    assert "data/di-tich/dinh-a.yml" in out and re.search(r"media\[0\]\.license \(dòng/line \d+\)", out)
    assert out.index("Giấy phép 'CC-BY' không có") < out.index("The licence 'CC-BY' is not")
    assert "Traceback" not in out


@pytest.mark.parametrize("url", ["https://creativecommons.org/licenses/by-nc/4.0/", None, "https://example.org/mine/"])
def test_open_is_refused_on_a_licence_that_is_not_cc0_by_or_by_sa(project, url):
    path = project.root / "data/vocabulary.yml"
    extra = f', url: "{url}"' if url else ""
    path.write_text(path.read_text(encoding="utf-8") + f"\n  rieng: {{vi: Riêng, en: Own{extra}, open: true}}\n", encoding="utf-8")
    result = project.check()
    out = result.stdout + result.stderr
    assert result.returncode == 1 and "data/vocabulary.yml" in out and re.search(r"licenses\.rieng\.open \(dòng/line \d+\)", out)
    assert "Chỉ giấy phép mở" in out and "Only an open licence" in out


# --- in a browser -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def served_bank(bank_site):
    with serve(bank_site.root / "site") as url:
        yield url


@pytest.mark.parametrize("lang", LANGS)
def test_the_filters_work_on_a_small_phone(chromium, served_bank, lang):
    context = chromium.new_context(**{**PHONE, "viewport": {"width": 360, "height": 740}})
    page = context.new_page()
    page.goto(served_bank + ("kho-anh/" if lang == "vi" else "en/kho-anh/"))
    form = page.locator("form[data-hx-bank-filter]")
    form.wait_for(state="visible")
    items = page.locator("ul[data-hx-bank] > li:not([hidden])")
    expect(items).to_have_count(3)
    page.select_option("select[name=licence]", "open")
    expect(items).to_have_count(2)
    assert "-4000.jpg" in page.locator("ul[data-hx-bank] a[download]").first.get_attribute("href")
    assert "licence=open" in page.url
    page.select_option("select[name=licence]", "all-rights-reserved")
    expect(items).to_have_count(1)
    expect(page.locator("ul[data-hx-bank] a[download]")).to_have_count(0)  # the list is drawn again: wait, never count once
    expect(page.locator("output.hx-count")).to_have_text("1 mục" if lang == "vi" else "1 item")
    page.select_option("select[name=kind]", "image")  # the only kind here: still the one item
    expect(items).to_have_count(1)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    context.close()


def test_without_javascript_the_bank_is_a_plain_list(chromium, served_bank):
    context = chromium.new_context(**PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(served_bank + "kho-anh/")
    assert page.locator("form[data-hx-bank-filter]").is_hidden()
    assert page.locator("ul[data-hx-bank] > li").count() == 3
    assert page.locator("ul.hx-bank__owners a").first.is_visible()
    context.close()


def test_the_bank_has_no_axe_violations(chromium, served_bank):
    from .test_accessibility import AXE, violations

    context = chromium.new_context(**{**PHONE, "viewport": {"width": 360, "height": 740}}, bypass_csp=True)
    page = context.new_page()
    page.goto(served_bank + "en/kho-anh/")
    page.wait_for_load_state("networkidle")
    found = violations(page, AXE.read_text(encoding="utf-8"))
    context.close()
    assert found == [], json.dumps(found, ensure_ascii=False, indent=1)


# --- the repository's own sample content ---------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_the_sample_bank_shows_whom_to_ask_for_a_reserved_photo(sample_site, lang):
    """The sample's one all-rights-reserved photo: listed, no download, the ward's contact."""
    html = sample_site.html("kho-anh" if lang == "vi" else "en/kho-anh")
    start = html.index('data-licence="all-rights-reserved"')
    reserved = html[start : html.index("</li>", start)]
    assert not re.search(r"<a [^>]*download", reserved) and "hoi-lim" in reserved
    assert ("Phòng Văn hóa của phường (mẫu)" if lang == "vi" else "the ward&#39;s culture office (sample)") in reserved
    settings = yaml.safe_load((sample_site.root / "data/site.yml").read_text(encoding="utf-8"))
    assert settings["contact"]["email"] in reserved and settings["contact"]["phone"] in reserved
    assert ("hãy hỏi" if lang == "vi" else "ask") in reserved
    assert not list((sample_site.root / "site/media/hoi-lim").rglob("hoi-lim-2-*.jpg"))
    assert len(list((sample_site.root / "site/media/hoi-lim").rglob("hoi-lim-1-1600.jpg"))) == 1


def test_the_web_copy_the_viewer_shows_carries_the_rights_too(bank_site):
    """A photo saved from the entry page's viewer (its 1,600 px JPEG) still names its author
    and licence; the reserved photo's web copy carries nothing."""
    html = bank_site.html("di-tich/dinh-bank")
    large = re.findall(r'<a class="hx-zoom" href="\.\./\.\./(media/dinh-bank/[^"]+-1600\.jpg)"', html)
    assert len(large) == 2  # cong and rieng (san is smaller than 1,600 px)
    tags = [exiftool(bank_site.root / "site" / path) for path in large]
    rights = [t for t in tags if "XMP-dc:Creator" in t]
    assert len(rights) == 1 and rights[0]["XMP-dc:Creator"] == "Nguyễn Văn Ảnh"
    assert rights[0]["XMP-xmpRights:WebStatement"] == "https://creativecommons.org/licenses/by/4.0/"
