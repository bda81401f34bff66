"""`python -m heritage brochure [--year YYYY]`: the bilingual brochure for visiting delegations.

Format: an A5 booklet of eight pages (one A4 sheet folded twice is not enough: four
relics with photos, a year of festivals, a trail map, crafts and products in two
languages side by side need eight panels of 148 × 210 mm; a tri-fold's 99 mm panels
cannot hold two columns of text). Eight pages saddle-stitch from two A4 sheets
printed on both sides; the PDF holds the pages in reading order, as print shops ask.

Vietnamese and English sit side by side on every page, Vietnamese on the left. Text
is real text in Be Vietnam Pro (the TrueType file embedded, subset, by reportlab), so
it can be selected, searched and read aloud; photos come through the media pipeline's
`open_upright` (upright, sRGB, no metadata) and are placed at 300 dpi of their printed
size (never under 200). The festival calendar comes from `heritage.calendar`, the code
from `heritage.qr.codes`, the trail's distance from `heritage.trails.route`.

The calendar covers the twelve months from the day the brochure is made (HERITAGE_TODAY), or
the edition's year when it is made ahead for a later one; the back page is the office's
contact and the site's code. Layout primitives are in `heritage.printed.layout`, the map in `heritage.printed.trail_map`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.colors import Color

from heritage import clock, i18n, urls
from heritage.calendar import festivals as festival_dates
from heritage.calendar import lunar
from heritage.map import basemap as basemap_tiles
from heritage.media.images import open_upright
from heritage.media.print_pdf import About, print_canvas, register_fonts
from heritage.qr import codes as qr
from heritage.text import vi_sort_key
from heritage.printed.layout import (
    BODY,
    COLUMN_W,
    GOLD,
    GUTTER,
    INK,
    LACQUER,
    MARGIN,
    MM,
    MUTED,
    NAME,
    NAME_EN,
    PAGE_H,
    PAGE_W,
    PAPER,
    SMALL,
    BrochureError,
    Page,
    Placed,
    style,
)
from heritage.printed.trail_map import draw_trail_map
from heritage.trails import route as trail_route

# --- content -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Content:
    """What the brochure prints, chosen from the inventory and data/site.yml."""

    inv: object
    year: int
    site_url: str
    relics: list
    trail: object | None
    festivals: list
    crafts: list
    first: dt.date  # the calendar's first day
    last: dt.date  # and its last
    tiles: object | None = None  # the site's basemap, when an extract was fetched

    @property
    def sample(self) -> bool:
        shown = [*self.relics, *self.crafts, *(o.entry for o in self.festivals)]
        return any(e.data.sample for e in shown) or bool(self.trail and self.trail.data.sample)


def window(year: int, day: dt.date) -> tuple[dt.date, dt.date]:
    """The calendar's twelve months: from the day it is made, or from 1 January of a later
    edition's year (an edition made ahead); an earlier year's edition is that calendar year."""
    first = max(day, dt.date(year, 1, 1)) if year >= day.year else dt.date(year, 1, 1)
    try:
        last = first.replace(year=first.year + 1) - dt.timedelta(days=1)
    except ValueError:  # 29 February
        last = dt.date(first.year + 1, 2, 28)
    return first, last


def choose(inv, year: int, site_url: str, day: dt.date | None = None) -> Content:
    """The relics, trail, festivals and crafts of the brochure; raises BrochureError on an unknown id."""
    settings = inv.settings.brochure
    relic_ids = settings.relics if settings and settings.relics else [e.id for e in inv.section("di-tich", "vi")]
    unknown = [i for i in relic_ids if inv.entries.get(i) is None or inv.entries[i].section != "di-tich"]
    if unknown:
        raise BrochureError(
            f"data/site.yml [brochure.relics]: không có di tích {', '.join(unknown)}.\n"
            f"data/site.yml [brochure.relics]: no relic {', '.join(unknown)}."
        )
    trail = None
    if settings and settings.trail:
        trail = inv.trails.get(settings.trail)
        if trail is None:
            raise BrochureError(f"data/site.yml [brochure.trail]: không có hành trình '{settings.trail}'.\ndata/site.yml [brochure.trail]: no trail '{settings.trail}'.")
    elif inv.trails:
        trail = sorted(inv.trails.values(), key=lambda t: vi_sort_key(t.name("vi")))[0]
    first, last = window(year, day or clock.today())
    festivals = [o for o in festival_dates.between(inv, first, last) if o.start >= first]
    crafts = [*inv.section("lang-nghe", "vi"), *inv.section("san-pham", "vi")][:4]
    relics = [inv.entries[i] for i in relic_ids][:4]
    return Content(inv, year, site_url, relics, trail, festivals, crafts, first, last, basemap_tiles.find(inv.root))


def _first_photo(entry) -> str | None:
    return next((urls.media_key(entry.id, m.path) for m in entry.data.media if m.kind == "image"), None)


def _load_photos(content: Content) -> dict:
    sources = {}
    for entry in [*content.relics, *content.crafts, *([s.entry for s in trail_route.route(content.trail, content.inv).stops] if content.trail else [])]:
        key = _first_photo(entry)
        if key and key not in sources:
            entry_id, _, path = key.partition("/")
            sources[key] = open_upright(content.inv.media_path(entry_id, path), urls.media_source(entry_id, path))
    return sources


# --- the pages ---------------------------------------------------------------------------------


def _cover(p: Page, c: Content) -> None:
    settings = c.inv.settings
    p.rect(0, 0, PAGE_W, PAGE_H, PAPER)
    p.rect(0, 0, PAGE_W, 26, LACQUER)
    p.text(PAGE_W / 2, 11, settings.ward.vi.upper(), 7.5, "SemiBold", GOLD, centre=True)
    p.text(PAGE_W / 2, 18.5, settings.ward.en, 7, "Medium", GOLD, centre=True)
    hero = _first_photo(c.relics[0]) if c.relics else None
    top = 34
    if hero:
        top += p.photo(hero, MARGIN, top, PAGE_W - 2 * MARGIN, 82) + 10
    p.text(MARGIN, top + 12, settings.site_name.vi, 26, "Bold", LACQUER)
    p.text(MARGIN, top + 23, settings.site_name.en, 17, "SemiBold", INK)
    p.text(MARGIN, top + 34, "Di tích · Lễ hội · Hành trình · Làng nghề", 9, "Medium", MUTED)
    p.text(MARGIN, top + 40, "Relics · Festivals · Trails · Crafts", 9, "Regular", MUTED)
    p.rect(MARGIN, PAGE_H - 30, 24, 1.2, GOLD)
    p.text(MARGIN, PAGE_H - 22, f"Tài liệu giới thiệu song ngữ · {c.year}", 8.5, "SemiBold", INK)
    p.text(MARGIN, PAGE_H - 16.5, f"A bilingual introduction · {c.year}", 8.5, "Regular", INK)
    if c.sample:
        p.rect(0, PAGE_H - 10, PAGE_W, 10, Color(1.0, 0.96, 0.86))
        p.text(PAGE_W / 2, PAGE_H - 3.8, "BẢN MẪU: NỘI DUNG MINH HỌA, CHƯA THẨM ĐỊNH · SAMPLE EDITION: ILLUSTRATIVE CONTENT", 5.6, "Bold", LACQUER, centre=True)


def _ward(p: Page, c: Content) -> None:
    settings = c.inv.settings
    place = settings.practical.place if settings.practical else settings.ward  # the place, not its office
    y = MARGIN + p.heading(MARGIN, place.vi, place.en)
    brochure = c.inv.settings.brochure
    intro = brochure.intro if brochure else None
    if intro:
        y += p.pair(y, intro.vi, intro.en, style(9, leading=12.6)) + 8
    y += p.heading(y, "Nội dung", "Contents") + 1
    rows = [("Di tích tiêu biểu", "Featured relics", 3), ("Lịch lễ hội", "Festival calendar", 5), ("Hành trình di sản", "Heritage trail", 6), ("Làng nghề và sản phẩm", "Crafts and products", 7), ("Liên hệ và mã QR", "Contact and QR code", 8)]
    for vi, en, page in rows:
        p.text(MARGIN, y + 4, vi, 9, "SemiBold", INK)
        p.text(MARGIN + COLUMN_W + GUTTER, y + 4, en, 9, "Regular", INK)
        p.text(PAGE_W - MARGIN - 3, y + 4, str(page), 9, "SemiBold", LACQUER)
        y += 7


def _entry_block(p: Page, c: Content, entry, y: float, photo_h: float) -> float:
    """Photo, names, type, and the summary in both languages; returns the height used."""
    start = y
    key = _first_photo(entry)
    if key:
        y += p.photo(key, MARGIN, y, PAGE_W - 2 * MARGIN, photo_h) + 3
    vocab = c.inv.vocabulary
    kind_vi = vocab.type_label(entry.section, entry.data.type, "vi")
    kind_en = vocab.type_label(entry.section, entry.data.type, "en")
    if entry.data.ranking:
        kind_vi += " · " + vocab.ranking_label(entry.section, entry.data.ranking, "vi")
        kind_en += " · " + vocab.ranking_label(entry.section, entry.data.ranking, "en")
    y += p.pair(y, entry.name("vi"), entry.name("en"), NAME, NAME_EN) + 0.5
    y += p.pair(y, kind_vi + (" · minh họa" if entry.data.sample else ""), kind_en + (" · sample" if entry.data.sample else ""), SMALL) + 1.5
    y += p.pair(y, entry.data.summary.vi, entry.data.summary.en)
    return y - start


def _relics(p: Page, c: Content, relics: list, first: bool) -> None:
    y = MARGIN
    if first:
        y += p.heading(y, "Di tích tiêu biểu", "Featured relics")
    for entry in relics:
        y += _entry_block(p, c, entry, y, 40 if first else 55) + 7


def calendar_title(c: Content) -> tuple[str, str]:
    """'Lịch lễ hội 2027' for a calendar year, 'Lịch lễ hội 07/12/2026 – 06/12/2027' for twelve months from a day."""
    if (c.first.month, c.first.day) == (1, 1):
        return f"Lịch lễ hội {c.first.year}", f"Festival calendar {c.first.year}"
    vi = f"Lịch lễ hội {c.first.strftime('%d/%m/%Y')} – {c.last.strftime('%d/%m/%Y')}"
    return vi, f"Festival calendar {i18n.format_day(c.first, 'en')} – {i18n.format_day(c.last, 'en')}"


def calendar_row(o, lang: str) -> tuple[str, str]:
    """(solar, lunar) of an occurrence in one language: the solar date it falls on, and its date
    on the lunar calendar: the festival's own for a lunar one, the lunar date its first day falls
    on for a solar one ("—" where the conversion has none)."""
    end = f" – {o.end.strftime('%d/%m')}" if lang == "vi" else f" – {i18n.format_day(o.end, 'en')}"
    solar = (o.start.strftime("%d/%m/%Y") if lang == "vi" else i18n.format_day(o.start, "en")) + (end if o.days > 1 else "")
    when = o.entry.data.when
    if when.calendar == "lunar":
        return solar, i18n.format_recurring("lunar", when.month, when.day, when.leap, lang)
    try:
        moon = lunar.to_lunar(o.start)
    except (ValueError, OverflowError):
        return solar, "—"
    return solar, i18n.format_recurring("lunar", moon.month, moon.day, moon.leap, lang)


def _calendar(p: Page, c: Content) -> None:
    title_vi, title_en = calendar_title(c)
    y = MARGIN + p.heading(MARGIN, title_vi, title_en)
    p.text(MARGIN, y + 3, "Dương lịch · Solar date", 7, "SemiBold", MUTED)
    p.text(MARGIN + 42, y + 3, "Âm lịch · Lunar date", 7, "SemiBold", MUTED)
    p.text(MARGIN + 84, y + 3, "Lễ hội · Festival", 7, "SemiBold", MUTED)
    y += 6
    if not c.festivals:
        y += p.pair(y, "Chưa có lễ hội nào trong mười hai tháng này.", "No festival in these twelve months yet.")
    for shown, o in enumerate(c.festivals):
        if y > PAGE_H - 42:  # a page holds about twelve festivals; the website has them all
            rest = len(c.festivals) - shown
            y += p.pair(y, f"… và {rest} lễ hội khác trên trang Lịch lễ hội.", f"… and {rest} more festivals on the website's calendar.", SMALL)
            break
        p.rect(MARGIN, y, PAGE_W - 2 * MARGIN, 0.3, GOLD)
        y += 2
        (solar_vi, lunar_vi), (solar_en, lunar_en) = calendar_row(o, "vi"), calendar_row(o, "en")
        height = max(
            p.para(MARGIN, y, 40, solar_vi, style(7.8, "SemiBold")) + p.para(MARGIN, y + 4, 40, solar_en, SMALL),
            p.para(MARGIN + 42, y, 40, lunar_vi, style(7.8)) + p.para(MARGIN + 42, y + 4, 40, lunar_en, SMALL),
            p.para(MARGIN + 84, y, PAGE_W - 2 * MARGIN - 84, o.entry.name("vi"), style(7.8, "SemiBold", LACQUER)) + p.para(MARGIN + 84, y + 4, PAGE_W - 2 * MARGIN - 84, o.entry.name("en"), SMALL),
        )
        y += max(height, 9) + 2
    y += 4
    p.pair(
        y,
        f"Từ {c.first.strftime('%d/%m/%Y')} đến {c.last.strftime('%d/%m/%Y')}. Ngày âm lịch được đổi sang dương lịch theo lịch Việt Nam (múi giờ UTC+7). Lịch cập nhật trên trang web, có tệp lịch để thêm vào điện thoại.",
        f"From {i18n.format_day(c.first, 'en')} to {i18n.format_day(c.last, 'en')}. Lunar dates are converted on the Vietnamese calendar (UTC+7). The website keeps the calendar up to date, with a calendar file for your phone.",
        SMALL,
    )


def _trail(p: Page, c: Content) -> None:
    y = MARGIN + p.heading(MARGIN, "Hành trình di sản", "Heritage trail")
    if c.trail is None:
        p.pair(y, "Chưa có hành trình.", "No trail yet.")
        return
    path = trail_route.route(c.trail, c.inv)
    y += p.pair(y, c.trail.name("vi"), c.trail.name("en"), NAME, NAME_EN) + 1
    modes_vi = "; ".join(f"{i18n.t(m, 'vi').lower()} khoảng {trail_route.format_hours(path.total_minutes(m), 'vi')}" for m in c.trail.data.travel)
    modes_en = "; ".join(f"{i18n.t(m, 'en').lower()} about {trail_route.format_hours(path.total_minutes(m), 'en')}" for m in c.trail.data.travel)
    y += p.pair(
        y,
        f"{len(path.stops)} điểm dừng · {trail_route.format_km(path.distance_km, 'vi')} (đường chim bay) · {modes_vi}",
        f"{len(path.stops)} stops · {trail_route.format_km(path.distance_km, 'en')} (straight lines) · {modes_en}",
        SMALL,
    ) + 3
    box_w, box_h = PAGE_W - 2 * MARGIN, 70
    draw_trail_map(p, path.stops, MARGIN, y, box_w, box_h, c.tiles)
    y += box_h + 4
    for stop in path.stops:
        note_vi = f" — {stop.stop.note.vi}" if stop.stop.note else ""
        note_en = f" — {stop.stop.note.en}" if stop.stop.note else ""
        y += p.pair(y, f"{stop.number}. {stop.entry.name('vi')}{note_vi}", f"{stop.number}. {stop.entry.name('en')}{note_en}", style(7.6)) + 1.5
    p.pair(y + 1, f"Bản đồ và tệp GPX: {c.site_url}{urls.trail('vi', c.trail.id)}", f"Map and GPX file: {c.site_url}{urls.trail('en', c.trail.id)}", SMALL)


def _crafts(p: Page, c: Content) -> None:
    y = MARGIN + p.heading(MARGIN, "Làng nghề và sản phẩm", "Crafts and products")
    for entry in c.crafts:
        key = _first_photo(entry)
        top = y
        if key:
            p.photo(key, MARGIN, y, 30, 22)
        x = MARGIN + 34
        width = (PAGE_W - MARGIN - x - 4) / 2
        height = p.para(x, y, width, entry.name("vi"), style(9, "Bold", LACQUER))
        height = max(height, p.para(x + width + 4, y, width, entry.name("en"), style(8.5, "SemiBold")))
        body = max(p.para(x, y + height + 1, width, entry.data.summary.vi, style(7)), p.para(x + width + 4, y + height + 1, width, entry.data.summary.en, style(7)))
        y = max(top + 24, y + height + 1 + body) + 5


def _contact(p: Page, c: Content, y: float) -> float:
    """The office's contact from data/site.yml (office, address, phone, e-mail, hours) and the
    emergency numbers of the plan page; returns the height used."""
    settings = c.inv.settings
    contact, start = settings.contact, y
    y += p.heading(y, "Liên hệ", "Contact")
    if contact is None:
        return y - start + p.pair(y, settings.ward.vi, settings.ward.en, NAME, NAME_EN) + 4
    y += p.pair(y, contact.office.vi, contact.office.en, style(9.5, "Bold", LACQUER), style(9, "SemiBold")) + 1.5
    lines = [("Địa chỉ", "Address", contact.address.vi, contact.address.en)] if contact.address else []
    lines += [("Điện thoại", "Phone", contact.phone, contact.phone)] if contact.phone else []
    lines += [("Thư điện tử", "E-mail", contact.email, contact.email)] if contact.email else []
    lines += [("Giờ làm việc", "Office hours", contact.hours.vi, contact.hours.en)] if contact.hours else []
    for label_vi, label_en, vi, en in lines:
        y += p.pair(y, f"{label_vi}: {vi}", f"{label_en}: {en}", style(8.4)) + 1
    if contact.sample:
        y += p.pair(y, "Thông tin liên hệ minh họa, sẽ được thay bằng thông tin chính thức.", "Illustrative contact details, to be replaced by the official ones.", SMALL) + 1
    emergency = settings.practical.emergency if settings.practical else None
    if emergency is not None:
        y += 1.5 + p.pair(
            y + 1.5,
            "Khẩn cấp: " + " · ".join(f"{n.number} {n.name.vi}" for n in emergency.numbers),
            "Emergency: " + " · ".join(f"{n.number} {n.name.en}" for n in emergency.numbers),
            style(8.4, "SemiBold", LACQUER),
        )
    return y - start + 5


def _back(p: Page, c: Content) -> None:
    settings = c.inv.settings
    p.rect(0, 0, PAGE_W, PAGE_H, PAPER)
    y = MARGIN + _contact(p, c, MARGIN)
    y += p.heading(y, "Xem thêm trên trang web", "More on the website")
    y += p.pair(
        y,
        f"Quét mã để mở trang {settings.site_name.vi}: ảnh, thuyết minh âm thanh, bản đồ, lịch lễ hội, hành trình và kế hoạch tham quan, bằng tiếng Việt và tiếng Anh.",
        f"Scan the code to open the {settings.site_name.en} website: photos, audio guides, the map, the festival calendar, trails and how to plan your trip, in Vietnamese and English.",
        style(8.4, leading=11.5),
    ) + 6
    size = 44.0
    x = (PAGE_W - size) / 2
    p.rect(x - 3, y - 3, size + 6, size + 6, Color(1, 1, 1))
    code = qr.make_code(c.site_url)
    matrix = [[bool(v) for v in row] for row in code.matrix_iter(border=4)]
    unit = size / len(matrix)
    p.pdf.setFillColor(Color(0, 0, 0))
    for r, row in enumerate(matrix):
        for col, dark in enumerate(row):
            if dark:
                p.pdf.rect((x + col * unit) * MM, (PAGE_H - y - (r + 1) * unit) * MM, unit * MM, unit * MM, stroke=0, fill=1)
    y += size + 9
    p.text(PAGE_W / 2, y, c.site_url.removeprefix("https://").removeprefix("http://").rstrip("/"), 10, "Bold", INK, centre=True)
    y += 6
    p.pair(
        y,
        f"Ảnh: xem ghi công và giấy phép trên trang của từng mục. Nội dung có nhãn “minh họa” chưa phải thông tin đã thẩm định. Ấn bản {c.year}.",
        f"Photos: credits and licences are on each entry's page. Content marked “sample” is illustrative, not yet verified. {c.year} edition.",
        SMALL,
    )


@dataclass(frozen=True)
class Written:
    path: Path
    pages: int
    photos: list[Placed]


def write_brochure(inv, site_url: str, year: int, path: Path, day: dt.date | None = None) -> Written:
    """The eight-page A5 brochure; raises BrochureError for content it cannot print.
    `day`: the date it is made (the site's clock when not given), in its metadata."""
    register_fonts()
    content = choose(inv, year, site_url, day or clock.today())
    photos = _load_photos(content)
    path.parent.mkdir(parents=True, exist_ok=True)
    about = About(
        title=f"{inv.settings.site_name.vi} · {inv.settings.site_name.en} — {year}",
        author=inv.settings.ward.vi,
        subject="Tài liệu giới thiệu song ngữ · Bilingual brochure",
        day=day or clock.today(),
        lang="vi-VN",  # bilingual, Vietnamese first; the English lines are tagged by no reader
    )
    pdf = print_canvas(path, (PAGE_W * MM, PAGE_H * MM), about, pageCompression=1)
    relics = content.relics
    pages = [
        lambda p: _cover(p, content),
        lambda p: _ward(p, content),
        lambda p: _relics(p, content, relics[:2], True),
        lambda p: _relics(p, content, relics[2:4], False),
        lambda p: _calendar(p, content),
        lambda p: _trail(p, content),
        lambda p: _crafts(p, content),
        lambda p: _back(p, content),
    ]
    placed: list[Placed] = []
    for number, draw in enumerate(pages, start=1):
        page = Page(pdf, photos, Color(*content.inv.settings.colors.palette.dark_rgb))
        draw(page)
        if number not in (1, len(pages)):
            page.footer(number, content.sample)
        placed += page.placed
        pdf.showPage()
    pdf.save()
    return Written(path, len(pages), placed)


def printed(inv, site_url: str, day: dt.date) -> str | None:
    """What the site's brochure of the year of `day` prints (the live preview writes it again
    only when this changes); None when it cannot be printed."""
    try:
        c = choose(inv, day.year, site_url, day)
    except BrochureError:
        return None
    stops = [s.entry for s in trail_route.route(c.trail, inv).stops] if c.trail else []
    return repr(([(e.id, e.data) for e in [*c.relics, *c.crafts, *stops]], c.trail and c.trail.data, [(o.entry.id, o.entry.data, o.start, o.days) for o in c.festivals]))


def write_site_brochure(site, site_root: Path) -> Path:
    """The current year's brochure under the About page, for download."""
    target = site_root / urls.brochure(site.settings.slug, site.today.year)
    write_brochure(site.inventory, site.qr_url, site.today.year, target, site.today)
    return target
