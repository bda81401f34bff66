"""`python -m heritage …`: the commands editors and the Makefile use."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .clock import ClockError, today
from .inventory import load_inventory
from .problems import format_report


def _check(args: argparse.Namespace) -> int:
    inventory = load_inventory(Path(args.root))
    problems = inventory.problems
    if problems:
        print(format_report(problems))
    else:
        print("Không có lỗi. / No problems found.")
    return 1 if inventory.errors else 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m heritage", description="Di sản Tân An — công cụ biên tập / editors' tools")
    parser.add_argument("--root", default=".", help="thư mục dự án / project folder (default: .)")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="kiểm tra nội dung / check the content")
    check.set_defaults(func=_check)
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
