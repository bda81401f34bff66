"""What ties an event file to the rest: its place's entry exists, its two pages exist, and
every page under docs/<lang>/su-kien/ has its data file. Bilingual problems, as entries'."""

from __future__ import annotations

from heritage import urls
from heritage.content.messages import suggest
from heritage.content.references import missing_pages
from heritage.problems import Problem
from heritage.sections import LANGUAGES


def problems(inv) -> list[Problem]:
    out: list[Problem] = []
    docs = inv.root / "docs"
    for event in inv.events.values():
        place = event.data.place.entry
        if place is not None and inv.resolve(place) is None and place not in inv.invalid_ids:
            hint = suggest(place, list(inv.entries))
            out.append(
                Problem(
                    event.rel,
                    f"Không có mục nào mang mã '{place}'" + (f"; có phải ý bạn là '{hint}'?" if hint else "."),
                    f"There is no entry with the id '{place}'" + (f"; did you mean '{hint}'?" if hint else "."),
                    "Ghi mã (tên tệp, không có .yml) của một di tích hay mục khác, hoặc bỏ `entry` và ghi `address`.",
                    "Write the id (the file name without .yml) of a site or other entry, or drop `entry` and write `address`.",
                    field="place.entry",
                    line=event.line("place", "entry"),
                )
            )
        missing = missing_pages(inv.root, urls.EVENTS, event.id)
        if missing:
            out.append(
                Problem(
                    event.rel,
                    f"Sự kiện chưa có trang: cần {' và '.join(missing)}.",
                    f"The event has no page: {' and '.join(missing)} needed.",
                    "Tạo trang Markdown (có thể chỉ một dòng giới thiệu) ở cả hai thư mục ngôn ngữ.",
                    "Create the Markdown page (one line of introduction will do) in both language folders.",
                )
            )
    for lang in LANGUAGES:
        for page in sorted((docs / lang / urls.EVENTS).glob("*.md")):
            if page.name == "index.md" or page.stem in inv.events or (inv.root / "data" / urls.EVENTS / f"{page.stem}.yml").exists():
                continue
            out.append(
                Problem(
                    page.relative_to(inv.root).as_posix(),
                    f"Trang này không có tệp dữ liệu data/{urls.EVENTS}/{page.stem}.yml.",
                    f"This page has no data file data/{urls.EVENTS}/{page.stem}.yml.",
                    "Tạo tệp dữ liệu của sự kiện hoặc xóa trang.",
                    "Create the event's data file or delete the page.",
                )
            )
    return out
