"""`python -m heritage …`: the commands editors and the Makefile use."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from heritage.clock import ClockError, today
from heritage.problems import format_problems, github_annotations, problems_json

# Each command imports what it needs when it runs: `init`, `radio` or `plaques` do not load the
# checks (seconds of imports) that only `check` needs.


def _check(args: argparse.Namespace) -> int:
    from heritage.checks import run as checks

    root = Path(args.root)
    if args.format != "json":  # after an upgrade, the one line that says which engine runs
        from heritage.scaffold.lock import DISTRIBUTION, engine_version

        print(f"Bộ máy / Engine: {DISTRIBUTION} {engine_version()}", file=sys.stderr)
    problems = checks.run_all(root)
    if args.format == "json":  # the editor's Check panel, for a draft's commit (scripts/cms-draft-preview.js)
        print(problems_json(problems))
        return 1 if any(p.is_error for p in problems) else 0
    if problems:
        print(format_problems(problems))
        if args.format == "github" or (args.format is None and os.environ.get("GITHUB_ACTIONS") == "true"):
            print(github_annotations(problems))
    else:
        print("Không có lỗi. / No problems found.")
    return 1 if any(p.is_error for p in problems) else 0


def _translations(args: argparse.Namespace) -> int:
    from heritage.content import translations

    root = Path(args.root)
    if args.stamp:
        status = 0
        for page in args.stamp:
            try:
                revision = translations.stamp(root, page)
            except ValueError as exc:
                print(exc, file=sys.stderr)
                status = 1
                continue
            print(f"{page}: translated_from = {revision}")
        return status
    pairs = translations.survey(root)
    width = max((len(p.rel) for p in pairs), default=10)
    print(f"{'trang / page':<{width}}  trạng thái / status")
    for pair in pairs:
        label = translations.STATUS_LABELS[pair.status]
        print(f"{pair.rel:<{width}}  {label['vi']} / {label['en']}")
    counts = {s: sum(p.status == s for p in pairs) for s in translations.STATUS_LABELS}
    print(" · ".join(f"{translations.STATUS_LABELS[s]['en']}: {n}" for s, n in counts.items() if n))
    return 0


def _new(args: argparse.Namespace) -> int:
    from heritage.scaffold import new as scaffold

    root = Path(args.root)
    try:
        created = scaffold.new(root, args.section, args.id, args.vi, args.en, today())
    except scaffold.ScaffoldError as exc:
        print(exc, file=sys.stderr)
        return 1
    print("Đã tạo / Created:")
    for path in created.paths:
        print(f"  {path.relative_to(root).as_posix()}")
    print("Tiếp theo: điền các trường còn trống, rồi chạy `make check`. / Next: fill in the blanks, then run `make check`.")
    return 0


def _init(args: argparse.Namespace) -> int:
    from heritage.scaffold import init as ward_init

    given = {name: getattr(args, name) for name in ("name_vi", "name_en", "province_vi", "province_en", "lat", "lon", "primary", "accent", "kind", "phone", "email")}
    tell = lambda text: print(text, file=sys.stderr)  # noqa: E731
    target = Path(args.dir)
    try:
        ward_init.check_target(target)  # before any question: the folder is the first thing that can be wrong
        ward = ward_init.gather(given, input, tell)
        written = ward_init.init(target, ward, today(), args.engine)
    except ward_init.InitError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(f"Đã tạo trang mới ({len(written)} tệp) trong / A new site ({len(written)} files) in: {target}")
    print(f"Tiếp theo / Next: cd {target} && make serve   (README.md)")
    return 0


def _templates(args: argparse.Namespace) -> int:
    from heritage.scaffold import new as scaffold

    for path in scaffold.write_templates(Path(args.root)):
        print(path.relative_to(Path(args.root)).as_posix())
    return 0


def _media_prepare(args: argparse.Namespace) -> int:
    from heritage.media.images import ImageError
    from heritage.media.policy import master_path, prepare_master

    status = 0
    for name in args.files:
        path = Path(name)
        if not path.is_file() or path.is_symlink():
            print(f"{name}: không có tệp này (hoặc là liên kết). / no such file (or a link).", file=sys.stderr)
            status = 1
            continue
        target = master_path(path)
        if target.exists() and target.resolve() != path.resolve() and not args.force:
            print(
                f"{name}: đã có tệp khác tên {target}; lệnh không ghi đè tệp nó không tạo ra. Đổi tên một trong hai tệp, hoặc thêm --force để ghi đè.\n"
                f"{name}: another file {target} already exists; this command does not overwrite a file it did not make. Rename one of them, or add --force to overwrite it.",
                file=sys.stderr,
            )
            status = 1
            continue
        try:
            master, before, after = prepare_master(path)
        except ImageError as exc:
            print(f"{name}: {exc.problem.vi}\n{name}: {exc.problem.en}", file=sys.stderr)
            status = 1
            continue
        print(f"{name} → {master} ({before / 1e6:.1f} MB → {after / 1e6:.1f} MB; GPS và thông tin máy ảnh đã xóa / GPS and camera data removed)")
        if master.resolve() != path.resolve():
            print(f"  Tệp gốc {name} vẫn còn: xóa nó nếu không cần, và dùng {master.name} trong tệp .yml. / The original is kept: delete it if not needed and use {master.name} in the .yml file.")
    return status


def _valid_content(root: Path):
    """(inventory, settings), or None after printing the errors (reports and plaques need valid data)."""
    from heritage.content.loader import load_inventory
    from heritage.qr.issued import read_issued

    inventory = load_inventory(root)
    errors = inventory.errors + read_issued(root)[1]  # the plaques command appends to that record
    if errors:
        print(format_problems(errors))
        return None
    return inventory, inventory.settings


def _report(args: argparse.Namespace) -> int:
    from heritage.report.figures import check_period
    from heritage.report.write import write_report

    now = today()
    problems, year, until = check_period(args.year, args.until, now)
    if problems:
        print(format_problems(problems))
        return 1
    content = _valid_content(Path(args.root))
    if content is None:
        return 1
    inventory, settings = content
    written = write_report(inventory, settings, year, until, Path(args.out), args.lang, issued=now)
    print("Đã ghi / Written:")
    for path in written:
        print(f"  {path}")
    return 0


def _radio(args: argparse.Namespace) -> int:
    from heritage import radio

    try:
        month = radio.parse_month(args.month)
        content = _valid_content(Path(args.root))
        if content is None:
            return 1
        written = radio.make(content[0], month, today(), Path(args.out))
    except radio.RadioError as exc:
        print(exc, file=sys.stderr)
        return 1
    print("Đã ghi / Written:")
    for path in written.files:
        level = written.measured.get(path.name)
        print(f"  {path}" + (f"  ({level:.1f} LUFS)" if level is not None else ""))
    for failure in written.failed:
        print(f"Không làm được tệp âm thanh / Could not make the audio: {failure}", file=sys.stderr)
    return 1 if written.failed else 0


def _printable(root: Path):
    """(inventory, settings, public address) for what is printed with the site's QR code, or None
    after saying why: valid content, and an address that is not this computer's."""
    from heritage.qr import codes as qr

    content = _valid_content(root)
    if content is None:
        return None
    inventory, settings = content
    try:
        return inventory, settings, qr.public_site_url(settings.site_url)
    except qr.SiteUrlError as exc:
        print(exc, file=sys.stderr)
        return None


def _plaques(args: argparse.Namespace) -> int:
    from heritage.qr.issued import ISSUED_FILE
    from heritage.printed.plaques import write_plaques

    printable = _printable(Path(args.root))
    if printable is None:
        return 1
    inventory, settings, site_url = printable
    ids = args.ids or sorted(inventory.entries)
    unknown = [i for i in ids if i not in inventory.entries and i not in inventory.trails]
    if unknown:
        print(f"Không có mục: {', '.join(unknown)}. / No such entry: {', '.join(unknown)}.", file=sys.stderr)
        return 1
    written = write_plaques(inventory, settings, site_url, ids, Path(args.out), today())
    print(f"Đã ghi {len(written)} tệp vào {args.out}/ (A5, A6: PDF và SVG; tờ in A4). / Wrote {len(written)} files to {args.out}/.")
    print(f"Mã đã in được ghi vào {ISSUED_FILE}. / Printed codes recorded in {ISSUED_FILE}.")
    return 0


def _brochure(args: argparse.Namespace) -> int:
    from heritage import urls
    from heritage.printed.brochure import BrochureError, write_brochure

    printable = _printable(Path(args.root))
    if printable is None:
        return 1
    inventory, _settings, site_url = printable
    year = args.year or today().year
    target = Path(args.out) / urls.brochure_file(_settings.slug, year)
    try:
        written = write_brochure(inventory, site_url, year, target)
    except BrochureError as exc:
        print(exc, file=sys.stderr)
        return 1
    lowest = min((p.dpi for p in written.photos), default=0)
    print(f"Đã ghi / Written: {target} ({written.pages} trang A5 / A5 pages; ảnh thấp nhất / lowest photo resolution {lowest:.0f} dpi)")
    return 0


def _linkcheck(args: argparse.Namespace) -> int:
    from heritage.checks.sitecheck import broken_links

    broken = broken_links(Path(args.site))
    for page, target in broken:
        print(f"{page}: {target}")
    print(f"{len(broken)} liên kết hỏng / broken link(s)")
    return 1 if broken else 0


def _basemap_fetch(args: argparse.Namespace) -> int:
    from heritage.map import basemap

    root = Path(args.root)
    age = basemap.age_days(root)
    if args.if_older_than is not None and age is not None and age < args.if_older_than:
        print(f"Dữ liệu bản đồ mới tải {age:.0f} ngày trước: giữ nguyên. / The map data is {age:.0f} days old: kept.")
        return 0
    if args.bbox:
        try:
            bbox = basemap.BBox.parse(args.bbox)
        except ValueError:
            print(f"--bbox phải có dạng NAM,TÂY,BẮC,ĐÔNG, ví dụ 21.20,106.14,21.24,106.19 (đang là {args.bbox!r}). / --bbox must be SOUTH,WEST,NORTH,EAST.", file=sys.stderr)
            return 1
    else:
        content = _valid_content(root)
        if content is None:
            return 1
        points = basemap.entry_points(content[0])
        if not points:
            print("Chưa mục nào có tọa độ: hãy dùng --bbox. / No entry has coordinates: use --bbox.", file=sys.stderr)
            return 1
        bbox = basemap.ward_bbox(points)
    try:
        path = basemap.fetch(root, bbox, args.url)
    except basemap.FetchError as exc:
        print(exc, file=sys.stderr)
        return 1
    size = path.stat().st_size
    print(f"Đã tải dữ liệu bản đồ {bbox.as_list()} ({size / 1e6:.1f} MB) vào {path}. / Map data saved to {path}. © OpenStreetMap contributors, ODbL.")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m heritage", description="Trang di sản văn hóa — công cụ biên tập / the heritage site: editors' tools")
    parser.add_argument("--root", default=".", help="thư mục dự án / project folder (default: .)")
    commands = parser.add_subparsers(dest="command", required=True)

    check = commands.add_parser("check", help="kiểm tra toàn bộ nội dung / check all content")
    check.add_argument("--format", choices=["text", "github", "json"], default=None,
                       help="github: thêm chú thích cho yêu cầu gộp (mặc định khi GITHUB_ACTIONS=true); json: cho trình biên tập / "
                            "github: also print pull-request annotations (the default when GITHUB_ACTIONS=true); json: for the editor")
    check.set_defaults(func=_check)

    trans = commands.add_parser("translations", help="tình trạng bản dịch / translation status")
    trans.add_argument("--stamp", nargs="+", metavar="FILE", help="ghi phiên bản tiếng Việt đã dịch vào trang tiếng Anh / record the translated revision")
    trans.set_defaults(func=_translations)

    new = commands.add_parser("new", help="tạo mục hoặc bài viết mới / scaffold an entry or a post")
    new.add_argument("section", help="di-tich, le-hoi, lang-nghe, nghe-nhan, quan-ho, san-pham, chuyen-muc, trails")
    new.add_argument("id", help="mã viết thường không dấu, ví dụ dinh-lang / lowercase ASCII id")
    new.add_argument("--vi", required=True, help="tên tiếng Việt / Vietnamese name or title")
    new.add_argument("--en", required=True, help="tên tiếng Anh / English name or title")
    new.set_defaults(func=_new)

    media = commands.add_parser("media", help="ảnh gốc / originals under data/media")
    media_commands = media.add_subparsers(dest="media_command", required=True)
    prepare = media_commands.add_parser("prepare", help="thu nhỏ ảnh gốc, xóa GPS / shrink an original, strip GPS")
    prepare.add_argument("files", nargs="+", metavar="FILE")
    prepare.add_argument("--force", action="store_true", help="ghi đè tệp .jpg khác đã có / overwrite an existing, different .jpg")
    prepare.set_defaults(func=_media_prepare)

    report = commands.add_parser("report", help="báo cáo năm (trước 25/10) / the yearly report")
    report.add_argument("--year", help="năm cần báo cáo, ví dụ 2026 / the year, e.g. 2026")
    report.add_argument("--until", help="tính đến ngày (NĂM-THÁNG-NGÀY), mặc định hôm nay hoặc 31/12 / count up to this date")
    report.add_argument("--lang", choices=("vi", "en"), default="vi", help="vi: bao-cao-NĂM.*; en: report-YEAR.* (bản tiếng Anh cho đối tác / English, for partners)")
    report.add_argument("--out", default="bao-cao", help="thư mục ghi báo cáo / output folder (default: bao-cao/)")
    report.set_defaults(func=_report)

    radio = commands.add_parser("radio", help="chuyên mục trên loa truyền thanh: kịch bản, tệp -23 và -16 LUFS / the column for the loudspeakers")
    radio.add_argument("month", help="tháng, ví dụ 2026-03 / the month, e.g. 2026-03")
    radio.add_argument("--out", default="truyen-thanh", help="thư mục ghi / output folder (default: truyen-thanh/)")
    radio.set_defaults(func=_radio)

    plaques = commands.add_parser("plaques", help="biển QR để in (A5, A6; PDF, SVG) / printable QR plaques")
    plaques.add_argument("ids", nargs="*", metavar="ID", help="mã các mục hoặc hành trình (mặc định: mọi mục) / entry or trail ids (default: all entries)")
    plaques.add_argument("--out", default="bien-qr", help="thư mục ghi / output folder (default: bien-qr/)")
    plaques.set_defaults(func=_plaques)

    brochure = commands.add_parser("brochure", help="tài liệu giới thiệu song ngữ (PDF A5) / the bilingual brochure")
    brochure.add_argument("--year", type=int, help="năm của lịch lễ hội (mặc định năm nay) / the calendar's year (default: this year)")
    brochure.add_argument("--out", default="tai-lieu", help="thư mục ghi / output folder (default: tai-lieu/)")
    brochure.set_defaults(func=_brochure)

    linkcheck = commands.add_parser("linkcheck", help="kiểm tra liên kết trong trang đã tạo / check links in the built site")
    linkcheck.add_argument("site", nargs="?", default="site")
    linkcheck.set_defaults(func=_linkcheck)

    base = commands.add_parser("basemap", help="nền bản đồ của trang / the map's own background")
    base_commands = base.add_subparsers(dest="basemap_command", required=True)
    fetch = base_commands.add_parser("fetch", help="tải dữ liệu OpenStreetMap của phường (cần mạng) / download the ward's OpenStreetMap extract")
    fetch.add_argument("--bbox", help="NAM,TÂY,BẮC,ĐÔNG (mặc định: các mục của phường, thêm 1 km) / SOUTH,WEST,NORTH,EAST")
    fetch.add_argument("--url", default="https://overpass-api.de/api/interpreter", help="máy chủ Overpass / Overpass API endpoint")
    fetch.add_argument("--if-older-than", type=float, metavar="DAYS", help="chỉ tải khi dữ liệu cũ hơn số ngày này / only when older than DAYS")
    fetch.set_defaults(func=_basemap_fetch)

    init = commands.add_parser("init", help="tạo trang cho một phường/xã mới / a new ward's or commune's site")
    init.add_argument("dir", metavar="DIR", help="thư mục mới hoặc trống / a new or empty folder")
    for option, text in (("--name-vi", "tên tiếng Việt / name in Vietnamese"), ("--name-en", "tên tiếng Anh / name in English"),
                         ("--province-vi", "tỉnh, tiếng Việt / province in Vietnamese"), ("--province-en", "tỉnh, tiếng Anh / province in English"),
                         ("--lat", "vĩ độ trung tâm / latitude of the centre"), ("--lon", "kinh độ trung tâm / longitude of the centre"),
                         ("--primary", "màu chính, ví dụ #8a1c1c / primary colour"), ("--accent", "màu nhấn, ví dụ #7a5200 / accent colour"),
                         ("--phone", "số điện thoại liên hệ / contact phone"), ("--email", "thư điện tử liên hệ / contact e-mail")):
        init.add_argument(option, help=text)
    init.add_argument("--engine", metavar="REQUIREMENT", help="dòng bộ máy trong requirements.lock (mặc định heritage-site==phiên bản này) / "
                      "the engine's line in requirements.lock (default: heritage-site==this version), e.g. heritage-site @ git+https://…@v0.1.0")
    init.add_argument("--kind", choices=("phuong", "xa"), help="phuong (phường, ward) hoặc/or xa (xã, commune); hỏi nếu thiếu / asked when not given")
    init.set_defaults(func=_init)

    tpl = commands.add_parser("templates", help="viết lại thư mục templates/ cho trình soạn thảo web / regenerate templates/")
    tpl.set_defaults(func=_templates)
    return parser


def main(argv: list[str] | None = None) -> int:
    # Editors' terminals on Windows may not default to UTF-8; Vietnamese must print.
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")
    args = build_parser().parse_args(argv)
    try:
        today()  # a malformed HERITAGE_TODAY is reported before any work
        return args.func(args)
    except ClockError as exc:
        print(exc, file=sys.stderr)
        return 1
    except KeyboardInterrupt:  # Ctrl+C: the editor stopped it, nothing went wrong
        print("\nĐã dừng. / Stopped.", file=sys.stderr)
        return 130
