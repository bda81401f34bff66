"""Site-wide settings from data/site.yml (ward name, contact, logo, featured entries, column launch
month, the report's header, the brochure, the web editor's sign-in, practical information)."""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, StringConstraints, ValidationError, ValidationInfo, field_validator
from pydantic_core import PydanticCustomError

from heritage.content.addresses import WebAddress
from heritage.content.messages import field_label, validation_messages
from heritage.content import forms
from heritage.content.practical import Practical
from heritage.content.schema import ID_CHARS, Flag, Text, broken
from heritage.content.sources import SourceError, load_yaml_file
from heritage.pages import theme_colors
from heritage.problems import Problem

MONTH = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")
SETTINGS_FILE = "data/site.yml"


def parse_month(value: str) -> dt.date:
    """'2026-09' → 1 September 2026."""
    match = MONTH.match(str(value).strip())
    if not match:
        raise ValueError(value)
    return dt.date(int(match.group(1)), int(match.group(2)), 1)


def _check_month(value: str) -> None:
    try:
        parse_month(value)
    except ValueError:
        raise broken("month-format") from None


class ColumnSettings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    launch: str
    excused: dict[str, str] = {}

    @field_validator("launch")
    @classmethod
    def _month(cls, value: str) -> str:
        _check_month(value)
        return value

    @field_validator("excused")
    @classmethod
    def _months(cls, value: dict[str, str]) -> dict[str, str]:
        for month in value:
            _check_month(month)
        return value

    @property
    def launch_month(self) -> dt.date:
        return parse_month(self.launch)

    @property
    def excused_months(self) -> set[dt.date]:
        return {parse_month(m) for m in self.excused}


class License(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    name: str
    url: WebAddress


class Signer(BaseModel):
    """Who signs the yearly report: the title (e.g. Trưởng phòng) and the person's name."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    title: Text | None = None
    name: str | None = None


class ReportSettings(BaseModel):
    """The administrative header and signature of the yearly report (Decree 30/2020/NĐ-CP).

    Every field is optional: the Word document shows a highlighted placeholder for
    whatever is missing, rather than invent an office, a number or a signatory.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)
    agency: Text | None = None  # the body above the office: UBND phường …
    office: Text | None = None  # the office that issues the report
    number: str | None = None  # number and symbol, e.g. "…/BC-VHXH" (the clerk fills the number)
    place: str | None = None  # the place name of the date line: the ward's name
    # The plan the report answers, as its first sentence names it ("Thực hiện {plan}, …").
    plan: Text = Text(
        vi="Kế hoạch thực hiện Hội nhập quốc tế về văn hóa trên địa bàn giai đoạn 2026 - 2030",
        en="the ward's plan for international cultural integration 2026-2030",
    )
    signer: Signer = Signer()
    recipients: list[Text] = []  # "Nơi nhận", the archive line last


class BrochureSettings(BaseModel):
    """What the bilingual brochure (`heritage brochure`) features; ids are checked with the content."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    intro: Text  # the ward in a paragraph, both languages
    relics: list[str] = []  # featured relics, in order (default: the first relics by name)
    trail: str | None = None  # the trail printed with its map (default: the first by name)


class CmsSettings(BaseModel):
    """The web editor's sign-in (/admin/): the repository it writes to and the OAuth endpoint.
    No secret here: the OAuth app's secret lives only in the endpoint's own settings."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    repo: Annotated[str, StringConstraints(pattern=forms.REPO)] | None = None
    branch: str = "main"
    auth_endpoint: Annotated[WebAddress, StringConstraints(pattern=forms.HTTPS)] | None = None
class Contact(BaseModel):
    """The ward's culture office, as visitors reach it: every page's footer and the About page."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    office: Text
    address: Text | None = None
    phone: Annotated[str, StringConstraints(strip_whitespace=True, pattern=forms.PHONE)] | None = None
    email: Annotated[str, StringConstraints(strip_whitespace=True, pattern=forms.EMAIL)] | None = None
    hours: Text | None = None
    sample: Flag = False  # illustrative details: the footer says so

    @property
    def tel(self) -> str:
        """The number as a tel: link wants it: digits and a leading +."""
        return re.sub(r"[^0-9+]", "", self.phone or "")


class ThemeColors(BaseModel):
    """The ward's two colours, hex; each checked to WCAG AA where the theme uses it (pages.theme_colors)."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    primary: str = theme_colors.DEFAULT_PRIMARY  # header, links, buttons, printed bands, charts
    accent: str = theme_colors.DEFAULT_ACCENT  # links under the pointer

    @field_validator("primary", "accent", mode="before")
    @classmethod
    def _checked(cls, value: object, info: ValidationInfo) -> str:
        try:
            return theme_colors.check(value, info.field_name)
        except theme_colors.ColorProblem as exc:
            values = {**exc.values, "value": forms.shown(exc.values["value"])}
            raise PydanticCustomError("heritage", exc.rule, {"rule": exc.rule, **values}) from None

    @property
    def palette(self) -> theme_colors.Palette:
        return theme_colors.Palette(self.primary, self.accent)


# Logos the header can show: an <img>, so even an SVG's scripts never run.
LOGO_SUFFIXES = (".svg", ".png")


class Settings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    site_name: Text = Text(vi="Di sản văn hóa", en="Cultural heritage")
    site_url: WebAddress | None = None
    data_license: License = License(name="CC BY 4.0", url="https://creativecommons.org/licenses/by/4.0/")
    ward: Text
    # The province as an address names it ("tỉnh …" / "… Province"): the region of places
    # whose entry has no address, in search engines' data. None: no region is claimed.
    province: Text | None = None
    column: ColumnSettings
    report: ReportSettings = ReportSettings()
    brochure: BrochureSettings | None = None
    cms: CmsSettings | None = None
    # The home page's promise under the site's name, in each language.
    tagline: Text = Text(
        vi="Di tích, lễ hội, làng nghề, nghệ nhân và sản phẩm của địa phương",
        en="Historic sites, festivals, crafts, artisans and products of the area",
    )
    # The ward as running text names it ("phường …" / "… ward"): the feed's description, the
    # brochure's line on the About page. None: "địa phương" / "the area".
    locality: Text | None = None
    # One sentence on the site for an installed app (its manifest); None: the tagline.
    description: Text | None = None
    # A file under data/ (PNG, JPEG or SVG) the ward provides; none: the site's own emblem.
    # Published as a PNG the build draws (heritage/media/emblem.py), never as the file itself.
    logo: Annotated[str, StringConstraints(strip_whitespace=True, pattern=forms.LOGO)] | None = None
    # The ward's primary and accent colours (hex); the defaults are the engine's lacquer red and gold.
    colors: ThemeColors = ThemeColors()
    # Entries the home page shows first (its photo leads), in this order.
    featured: list[Annotated[str, StringConstraints(pattern=ID_CHARS)]] = []
    contact: Contact | None = None
    # What a visitor needs to plan the trip: the /ke-hoach-tham-quan/ page (content/practical.py).
    practical: Practical | None = None

    @property
    def slug(self) -> str:
        """The site's name in file names (open data, brochure): 'Di sản Làng Đông' → 'di-san-lang-dong'."""
        from heritage import urls

        return urls.site_slug(self.site_name.vi)

    def place(self, lang: str) -> str:
        return self.locality(lang) if self.locality else {"vi": "địa phương", "en": "the area"}[lang]

    def app_description(self, lang: str) -> str:
        return (self.description or self.tagline)(lang)

    @field_validator("logo")
    @classmethod
    def _logo_inside(cls, value: str | None) -> str | None:
        if value is not None and ".." in value.split("/"):
            raise broken("media-path", value=value)
        return value


DEFAULT = Settings(ward=Text(vi="UBND phường", en="Ward People's Committee"), column=ColumnSettings(launch="2026-09"))


def load_settings(root: Path) -> tuple[Settings, list[Problem]]:
    path = root / SETTINGS_FILE
    if not path.is_file():
        return DEFAULT, []
    try:
        doc = load_yaml_file(path, SETTINGS_FILE)
        return Settings.model_validate(doc.data or {}), []
    except SourceError as exc:
        return DEFAULT, exc.problems
    except ValidationError as exc:
        problems = []
        for loc, (vi, en, fix_vi, fix_en) in validation_messages(exc, Settings):
            problems.append(Problem(SETTINGS_FILE, vi, en, fix_vi, fix_en, field=field_label(loc), line=doc.line_of(loc)))
        return DEFAULT, problems


def effective_site_url(settings: Settings, configured: str | None = None) -> str:
    """SITE_URL (the deploy workflow), else data/site.yml's site_url, else the engine's setting."""
    return (os.environ.get("SITE_URL") or settings.site_url or configured or "").strip()
