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
"""

from __future__ import annotations

import datetime as dt
import io
import math
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.colors import Color
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Paragraph

from heritage import clock, i18n, urls
from heritage.calendar import festivals as festival_dates
from heritage.media.images import open_upright
from heritage.media.print_pdf import About, print_canvas, register_fonts
from heritage.qr import codes as qr
from heritage.text import vi_sort_key
from heritage.trails import route as trail_route

MM = 72 / 25.4
PAGE_W, PAGE_H = 148.0, 210.0  # A5, mm
MARGIN = 12.0
GUTTER = 6.0
COLUMN_W = (PAGE_W - 2 * MARGIN - GUTTER) / 2
PRINT_DPI = 300  # photos are resampled to this at their printed size
MIN_DPI = 200  # and never placed below it (a smaller original is printed smaller)
LACQUER = Color(0.37, 0.06, 0.06)
GOLD = Color(0.91, 0.77, 0.43)
INK = Color(0.13, 0.13, 0.13)
MUTED = Color(0.36, 0.31, 0.27)
PAPER = Color(0.985, 0.97, 0.94)
def _style(size: float, weight: str = "Regular", color=INK, leading: float | None = None, align: int = 0) -> ParagraphStyle:
    return ParagraphStyle(f"bvp-{weight}-{size}", fontName=f"BVP-{weight}", fontSize=size, leading=leading or size * 1.32, textColor=color, alignment=align)


BODY = _style(8.2)
SMALL = _style(6.8, color=MUTED)
NAME = _style(11, "Bold", LACQUER)
NAME_EN = _style(9.5, "SemiBold", INK)
HEADING = _style(15, "Bold", LACQUER, 18)
HEADING_EN = _style(11.5, "Medium", MUTED, 14)


class BrochureError(Exception):
    """A refusal, worded for the office in both languages."""


@dataclass(frozen=True)
class Placed:
    """Where an image went and at what resolution (for the tests and the summary)."""

    source: str
    width_mm: float
    height_mm: float
    dpi: float


class Page:
    """Draws on one A5 page in mm, y downwards from the top."""

    def __init__(self, pdf: pdf_canvas.Canvas, photos: dict):
        self.pdf = pdf
        self.photos = photos
        self.placed: list[Placed] = []

    def rect(self, x: float, y: float, w: float, h: float, color) -> None:
        self.pdf.setFillColor(color)
        self.pdf.rect(x * MM, (PAGE_H - y - h) * MM, w * MM, h * MM, stroke=0, fill=1)

    def text(self, x: float, y: float, text: str, size: float, weight: str = "Regular", color=INK, centre: bool = False) -> None:
        """One line with its baseline at y."""
        self.pdf.setFillColor(color)
        self.pdf.setFont(f"BVP-{weight}", size)
        if centre:
            self.pdf.drawCentredString(x * MM, (PAGE_H - y) * MM, text)
        else:
            self.pdf.drawString(x * MM, (PAGE_H - y) * MM, text)

    def para(self, x: float, y: float, w: float, text: str, style: ParagraphStyle) -> float:
        """A wrapped paragraph from its top at y; returns its height in mm."""
        paragraph = Paragraph(escape(text), style)
        _, height = paragraph.wrap(w * MM, PAGE_H * MM)
        paragraph.drawOn(self.pdf, x * MM, (PAGE_H - y) * MM - height)
        return height / MM

    def pair(self, y: float, vi: str, en: str, style: ParagraphStyle = BODY, en_style: ParagraphStyle | None = None) -> float:
        """Vietnamese left, English right, from y; returns the taller column's height."""
        left = self.para(MARGIN, y, COLUMN_W, vi, style)
        right = self.para(MARGIN + COLUMN_W + GUTTER, y, COLUMN_W, en, en_style or style)
        return max(left, right)

    def heading(self, y: float, vi: str, en: str) -> float:
        self.rect(MARGIN, y, 14, 1.2, GOLD)
        self.text(MARGIN, y + 8, vi, 15, "Bold", LACQUER)
        self.text(MARGIN, y + 14, en, 11, "Medium", MUTED)
        return 19

    def photo(self, source: str, x: float, y: float, w: float, h: float) -> float:
        """The photo cropped to w × h mm (less if the original is too small for 200 dpi);
        returns the height used."""
        image = self.photos.get(source)
        if image is None:
            return 0.0
        ratio = w / h
        src_w, src_h = image.size
        if src_w / src_h > ratio:
            crop_w, crop_h = round(src_h * ratio), src_h
        else:
            crop_w, crop_h = src_w, round(src_w / ratio)
        left, top = (src_w - crop_w) // 2, (src_h - crop_h) // 2
        cropped = image.crop((left, top, left + crop_w, top + crop_h))
        largest_mm = crop_w / MIN_DPI * 25.4  # the widest print that keeps 200 dpi
        if largest_mm < w:
            w, h = largest_mm, largest_mm / ratio
        target = (round(w / 25.4 * PRINT_DPI), round(h / 25.4 * PRINT_DPI))
        if target[0] < crop_w:
            cropped = cropped.resize(target, resample=3)  # BICUBIC
        buffer = io.BytesIO()
        cropped.save(buffer, "JPEG", quality=88, optimize=True)  # embedded as it is (DCTDecode)
        buffer.seek(0)
        self.pdf.drawImage(ImageReader(buffer), x * MM, (PAGE_H - y - h) * MM, w * MM, h * MM)
        self.placed.append(Placed(source, w, h, cropped.width / (w / 25.4)))
        return h

    def footer(self, number: int, sample: bool) -> None:
        note = "Nội dung minh họa · Sample content" if sample else ""
        self.text(MARGIN, PAGE_H - 6, note, 6, "Medium", LACQUER)
        self.text(PAGE_W - MARGIN - 3, PAGE_H - 6, str(number), 7, "Medium", MUTED)


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

    @property
    def sample(self) -> bool:
        shown = [*self.relics, *self.crafts, *(o.entry for o in self.festivals)]
        return any(e.data.sample for e in shown) or bool(self.trail and self.trail.data.sample)


def choose(inv, year: int, site_url: str) -> Content:
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
    festivals = festival_dates.between(inv, dt.date(year, 1, 1), dt.date(year, 12, 31))
    festivals = [o for o in festivals if o.start.year == year]
    crafts = [*inv.section("lang-nghe", "vi"), *inv.section("san-pham", "vi")][:4]
    return Content(inv, year, site_url, [inv.entries[i] for i in relic_ids][:4], trail, festivals, crafts)


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
    y = MARGIN + p.heading(MARGIN, "Phường Tân An", "Tân An Ward")
    brochure = c.inv.settings.brochure
    intro = brochure.intro if brochure else None
    if intro:
        y += p.pair(y, intro.vi, intro.en, _style(9, leading=12.6)) + 8
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


def _calendar(p: Page, c: Content) -> None:
    y = MARGIN + p.heading(MARGIN, f"Lịch lễ hội {c.year}", f"Festival calendar {c.year}")
    p.text(MARGIN, y + 3, "Dương lịch · Solar date", 7, "SemiBold", MUTED)
    p.text(MARGIN + 42, y + 3, "Âm lịch · Lunar date", 7, "SemiBold", MUTED)
    p.text(MARGIN + 84, y + 3, "Lễ hội · Festival", 7, "SemiBold", MUTED)
    y += 6
    if not c.festivals:
        p.pair(y, f"Chưa có lễ hội nào trong năm {c.year}.", f"No festival in {c.year} yet.")
    for shown, o in enumerate(c.festivals):
        if y > PAGE_H - 42:  # a page holds about twelve festivals; the website has them all
            rest = len(c.festivals) - shown
            y += p.pair(y, f"… và {rest} lễ hội khác trên trang Lịch lễ hội.", f"… and {rest} more festivals on the website's calendar.", SMALL)
            break
        p.rect(MARGIN, y, PAGE_W - 2 * MARGIN, 0.3, GOLD)
        y += 2
        when = o.entry.data.when
        solar_vi = o.start.strftime("%d/%m/%Y") + (f" – {o.end.strftime('%d/%m')}" if o.days > 1 else "")
        solar_en = i18n.format_day(o.start, "en") + (f" – {i18n.format_day(o.end, 'en')}" if o.days > 1 else "")
        height = max(
            p.para(MARGIN, y, 40, solar_vi, _style(7.8, "SemiBold")) + p.para(MARGIN, y + 4, 40, solar_en, SMALL),
            p.para(MARGIN + 42, y, 40, i18n.format_recurring(when.calendar, when.month, when.day, when.leap, "vi"), _style(7.8)) + p.para(MARGIN + 42, y + 4, 40, i18n.format_recurring(when.calendar, when.month, when.day, when.leap, "en"), SMALL),
            p.para(MARGIN + 84, y, PAGE_W - 2 * MARGIN - 84, o.entry.name("vi"), _style(7.8, "SemiBold", LACQUER)) + p.para(MARGIN + 84, y + 4, PAGE_W - 2 * MARGIN - 84, o.entry.name("en"), SMALL),
        )
        y += max(height, 9) + 2
    y += 4
    p.pair(
        y,
        "Ngày âm lịch được đổi sang dương lịch theo lịch Việt Nam (múi giờ UTC+7). Lịch cập nhật trên trang web, có tệp lịch để thêm vào điện thoại.",
        "Lunar dates are converted on the Vietnamese calendar (UTC+7). The website keeps the calendar up to date, with a calendar file for your phone.",
        SMALL,
    )


def _project(stops, box_x, box_y, box_w, box_h):
    """Equirectangular projection of the stops into a box (mm), north up; returns points and mm per km."""
    south, west = min(s.lat for s in stops), min(s.lon for s in stops)
    north, east = max(s.lat for s in stops), max(s.lon for s in stops)
    kx = 111.32 * math.cos(math.radians((south + north) / 2))  # km per degree of longitude
    ky = 110.57  # km per degree of latitude
    width_km, height_km = max((east - west) * kx, 0.05), max((north - south) * ky, 0.05)
    scale = min((box_w - 16) / width_km, (box_h - 16) / height_km)  # mm per km
    ox = box_x + (box_w - width_km * scale) / 2
    oy = box_y + (box_h - height_km * scale) / 2
    points = [(ox + (s.lon - west) * kx * scale, oy + (north - s.lat) * ky * scale) for s in stops]
    return points, scale


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
    box_x, box_w, box_h = MARGIN, PAGE_W - 2 * MARGIN, 70
    p.rect(box_x, y, box_w, box_h, Color(0.95, 0.93, 0.88))
    points, scale = _project(path.stops, box_x, y, box_w, box_h)
    pdf = p.pdf
    pdf.setStrokeColor(LACQUER)
    pdf.setLineWidth(1.6)
    pdf.setDash(3, 3)
    line = pdf.beginPath()
    line.moveTo(points[0][0] * MM, (PAGE_H - points[0][1]) * MM)
    for x, py in points[1:]:
        line.lineTo(x * MM, (PAGE_H - py) * MM)
    pdf.drawPath(line, stroke=1, fill=0)
    pdf.setDash()
    for stop, (x, py) in zip(path.stops, points):
        pdf.setFillColor(LACQUER)
        pdf.setStrokeColor(Color(1, 1, 1))
        pdf.setLineWidth(0.8)
        pdf.circle(x * MM, (PAGE_H - py) * MM, 3.2 * MM, stroke=1, fill=1)
        p.text(x, py + 1.3, str(stop.number), 8, "Bold", Color(1, 1, 1), centre=True)
    # north arrow and a scale bar, so the sketch can be read without a background map
    arrow_x, arrow_y = box_x + box_w - 7, y + 5
    arrow = pdf.beginPath()
    arrow.moveTo(arrow_x * MM, (PAGE_H - arrow_y) * MM)
    arrow.lineTo((arrow_x - 2) * MM, (PAGE_H - arrow_y - 5) * MM)
    arrow.lineTo((arrow_x + 2) * MM, (PAGE_H - arrow_y - 5) * MM)
    arrow.close()
    pdf.setFillColor(INK)
    pdf.drawPath(arrow, stroke=0, fill=1)
    p.text(arrow_x, arrow_y + 9, "N", 7, "Bold", INK, centre=True)
    bar_km = 0.5 if scale * 0.5 < box_w / 3 else 0.25
    p.rect(box_x + 4, y + box_h - 5, bar_km * scale, 1, INK)
    p.text(box_x + 4, y + box_h - 6.5, f"{int(bar_km * 1000)} m", 6.5, "Medium", INK)
    y += box_h + 4
    for stop in path.stops:
        note_vi = f" — {stop.stop.note.vi}" if stop.stop.note else ""
        note_en = f" — {stop.stop.note.en}" if stop.stop.note else ""
        y += p.pair(y, f"{stop.number}. {stop.entry.name('vi')}{note_vi}", f"{stop.number}. {stop.entry.name('en')}{note_en}", _style(7.6)) + 1.5
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
        height = p.para(x, y, width, entry.name("vi"), _style(9, "Bold", LACQUER))
        height = max(height, p.para(x + width + 4, y, width, entry.name("en"), _style(8.5, "SemiBold")))
        body = max(p.para(x, y + height + 1, width, entry.data.summary.vi, _style(7)), p.para(x + width + 4, y + height + 1, width, entry.data.summary.en, _style(7)))
        y = max(top + 24, y + height + 1 + body) + 5


def _back(p: Page, c: Content) -> None:
    settings = c.inv.settings
    p.rect(0, 0, PAGE_W, PAGE_H, PAPER)
    y = MARGIN + p.heading(MARGIN, "Xem thêm trên trang web", "More on the website")
    y += p.pair(
        y,
        "Quét mã để mở trang Di sản Tân An: ảnh, thuyết minh âm thanh, bản đồ, lịch lễ hội và hành trình, bằng tiếng Việt và tiếng Anh.",
        "Scan the code to open the Tân An Heritage website: photos, audio guides, the map, the festival calendar and trails, in Vietnamese and English.",
        _style(9, leading=12.6),
    ) + 8
    size = 60.0
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
    y += 14
    p.text(MARGIN, y, settings.ward.vi, 8.5, "SemiBold", LACQUER)
    p.text(MARGIN, y + 5, settings.ward.en, 8, "Regular", INK)
    y += 14
    y += p.pair(
        y,
        "Ảnh: xem ghi công và giấy phép trên trang của từng mục. Nội dung có nhãn “minh họa” chưa phải thông tin đã thẩm định.",
        "Photos: credits and licences are on each entry's page. Content marked “sample” is illustrative, not yet verified.",
        SMALL,
    )
    p.text(MARGIN, PAGE_H - 8, f"Ấn bản {c.year} · {c.year} edition", 7, "Medium", MUTED)


@dataclass(frozen=True)
class Written:
    path: Path
    pages: int
    photos: list[Placed]


def write_brochure(inv, site_url: str, year: int, path: Path, day: dt.date | None = None) -> Written:
    """The eight-page A5 brochure; raises BrochureError for content it cannot print.
    `day`: the date it is made (the site's clock when not given), in its metadata."""
    register_fonts()
    content = choose(inv, year, site_url)
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
        page = Page(pdf, photos)
        draw(page)
        if number not in (1, len(pages)):
            page.footer(number, content.sample)
        placed += page.placed
        pdf.showPage()
    pdf.save()
    return Written(path, len(pages), placed)


def write_site_brochure(site, site_root: Path) -> Path:
    """The current year's brochure under the About page, for download."""
    target = site_root / urls.brochure(site.today.year)
    write_brochure(site.inventory, site.qr_url, site.today.year, target, site.today)
    return target
