"""`python -m heritage …`: the commands editors and the Makefile use."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from heritage.checks import run as checks
from heritage.clock import ClockError, today
from heritage.content import translations
from heritage.problems import format_problems
from heritage.tools import scaffold


def _check(args: argparse.Namespace) -> int:
    root = Path(args.root)
    problems = checks.run_all(root)
    if problems:
        print(format_problems(problems))
    else:
        print("Không có lỗi. / No problems found.")
    return 1 if any(p.is_error for p in problems) else 0


def _translations(args: argparse.Namespace) -> int:
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


def _templates(args: argparse.Namespace) -> int:
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
    import datetime as dt

    from heritage.tools.report import write_report

    content = _valid_content(Path(args.root))
    if content is None:
        return 1
    inventory, settings = content
    if args.until:
        until = dt.date.fromisoformat(args.until)
    else:
        until = min(dt.date(args.year, 12, 31), today())
    markdown, table = write_report(inventory, settings, args.year, until, Path(args.out))
    print(f"Đã ghi / Written: {markdown} {table}")
    return 0


def _plaques(args: argparse.Namespace) -> int:
    from heritage.qr import codes as qr
    from heritage.qr.issued import ISSUED_FILE
    from heritage.qr.plaques import write_plaques

    content = _valid_content(Path(args.root))
    if content is None:
        return 1
    inventory, settings = content
    try:
        site_url = qr.public_site_url(settings.site_url)
    except qr.SiteUrlError as exc:
        print(exc, file=sys.stderr)
        return 1
    ids = args.ids or sorted(inventory.entries)
    unknown = [i for i in ids if i not in inventory.entries]
    if unknown:
        print(f"Không có mục: {', '.join(unknown)}. / No such entry: {', '.join(unknown)}.", file=sys.stderr)
        return 1
    written = write_plaques(inventory, settings, site_url, ids, Path(args.out), today())
    print(f"Đã ghi {len(written)} tệp vào {args.out}/ (A5, A6: PDF và SVG; tờ in A4). / Wrote {len(written)} files to {args.out}/.")
    print(f"Mã đã in được ghi vào {ISSUED_FILE}. / Printed codes recorded in {ISSUED_FILE}.")
    return 0


def _linkcheck(args: argparse.Namespace) -> int:
    from heritage.checks.sitecheck import broken_links

    broken = broken_links(Path(args.site))
    for page, target in broken:
        print(f"{page}: {target}")
    print(f"{len(broken)} liên kết hỏng / broken link(s)")
    return 1 if broken else 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m heritage", description="Di sản Tân An — công cụ biên tập / editors' tools")
    parser.add_argument("--root", default=".", help="thư mục dự án / project folder (default: .)")
    commands = parser.add_subparsers(dest="command", required=True)

    check = commands.add_parser("check", help="kiểm tra toàn bộ nội dung / check all content")
    check.set_defaults(func=_check)

    trans = commands.add_parser("translations", help="tình trạng bản dịch / translation status")
    trans.add_argument("--stamp", nargs="+", metavar="FILE", help="ghi phiên bản tiếng Việt đã dịch vào trang tiếng Anh / record the translated revision")
    trans.set_defaults(func=_translations)

    new = commands.add_parser("new", help="tạo mục hoặc bài viết mới / scaffold an entry or a post")
    new.add_argument("section", help="di-tich, le-hoi, lang-nghe, nghe-nhan, quan-ho, san-pham, chuyen-muc")
    new.add_argument("id", help="mã viết thường không dấu, ví dụ dinh-tan-an / lowercase ASCII id")
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
    report.add_argument("--year", type=int, required=True)
    report.add_argument("--until", help="tính đến ngày (NĂM-THÁNG-NGÀY), mặc định hôm nay hoặc 31/12 / count up to this date")
    report.add_argument("--out", default="bao-cao", help="thư mục ghi báo cáo / output folder (default: bao-cao/)")
    report.set_defaults(func=_report)

    plaques = commands.add_parser("plaques", help="biển QR để in (A5, A6; PDF, SVG) / printable QR plaques")
    plaques.add_argument("ids", nargs="*", metavar="ID", help="mã các mục (mặc định: tất cả) / entry ids (default: all)")
    plaques.add_argument("--out", default="bien-qr", help="thư mục ghi / output folder (default: bien-qr/)")
    plaques.set_defaults(func=_plaques)

    linkcheck = commands.add_parser("linkcheck", help="kiểm tra liên kết trong trang đã tạo / check links in the built site")
    linkcheck.add_argument("site", nargs="?", default="site")
    linkcheck.set_defaults(func=_linkcheck)

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
