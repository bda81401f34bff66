"""The ward's two colours (`colors:` in data/site.yml): their form, their contrast, the shades the
theme derives from them, and the small stylesheet that carries them to every page.

Contrast is WCAG 2.x's (relative luminance, 4.5:1 for normal text), computed by ColorAide;
the shades are derived in OKLCh, where a step in lightness looks the same for every hue, so a
blue or a green ward gets variants as even as the default red's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from coloraide import Color

DEFAULT_PRIMARY = "#8a1c1c"  # lacquer red: heritage.css's --md-primary-fg-color
DEFAULT_ACCENT = "#7a5200"  # temple gold, dark enough for text: --md-accent-fg-color
WHITE = "#ffffff"
PAPER = "#fbf7f0"  # --hx-paper: the facts boxes, the offline page, the manifest's background
NEEDED = 4.5  # WCAG AA, normal text (1.4.3)
HEX = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")

# Where each colour meets what: the text it is, or the text on it (always white or near it).
# primary: links and labels on white and on the paper boxes; white text on the header.
# accent: Material's hover colour of links, text on white and on paper.
BACKGROUNDS = {"primary": (WHITE, PAPER), "accent": (WHITE, PAPER)}
# The engine's own red keeps its hand-picked shades (heritage.css) and the lacquer its plaques
# and brochure have always been printed in; any other colour gets derived ones.
DEFAULT_SHADES = {DEFAULT_PRIMARY: ("#a83a32", "#5e1010", (0.37, 0.06, 0.06))}
# The shades in OKLCh lightness (0-1) from the primary: chosen so that the default red gives
# back about heritage.css's own #a83a32 and #5e1010.
LIGHTER, DARKER = 0.089, 0.099


class ColorProblem(ValueError):
    """A colour that cannot be used: `rule` names the message (content.messages.RULES)."""

    def __init__(self, rule: str, **values):
        super().__init__(rule)
        self.rule = rule
        self.values = values


def normalise(value: object) -> str:
    """'#ABC' → '#aabbcc'; anything that is not a hex colour raises ColorProblem('color-form')."""
    if not isinstance(value, str) or not HEX.match(value.strip()):
        raise ColorProblem("color-form", value="" if value is None else str(value))
    text = value.strip().lower()
    if len(text) == 4:
        text = "#" + "".join(c * 2 for c in text[1:])
    return text


def contrast(a: str, b: str) -> float:
    """The WCAG 2.x contrast ratio of two colours (1 to 21)."""
    return Color(a).contrast(b, method="wcag21")


def worst(value: str, role: str) -> tuple[float, str]:
    """The lowest contrast of the colour against what it meets, and that background."""
    return min((contrast(value, back), back) for back in BACKGROUNDS[role])


def _shade(value: str, delta: float) -> str:
    color = Color(value).convert("oklch")
    color["lightness"] = min(1.0, max(0.0, color["lightness"] + delta))
    return color.convert("srgb").fit("srgb").to_string(hex=True)


def darker_passing(value: str, role: str) -> str:
    """The nearest darker colour of the same hue that passes everywhere the role meets."""
    step = 0
    candidate = value
    while worst(candidate, role)[0] < NEEDED and step < 100:
        step += 1
        candidate = _shade(value, -0.01 * step)
    return candidate


def check(value: object, role: str) -> str:
    """The colour in its normal form, or ColorProblem naming the ratio found and needed."""
    color = normalise(value)
    ratio, back = worst(color, role)
    if ratio < NEEDED:
        raise ColorProblem(
            "color-contrast",
            value=color,
            ratio=f"{_floor(ratio):.2f}",
            needed=f"{NEEDED:g}",
            background=back,
            suggestion=darker_passing(color, role),
        )
    return color


def _floor(ratio: float) -> float:
    """Rounded down: a ratio of 4.498 is never shown as a passing 4.50."""
    return int(ratio * 100) / 100


@dataclass(frozen=True)
class Palette:
    """What the theme paints with; `primary` and `accent` are already checked."""

    primary: str = DEFAULT_PRIMARY
    accent: str = DEFAULT_ACCENT

    @property
    def light(self) -> str:
        return DEFAULT_SHADES[self.primary][0] if self.primary in DEFAULT_SHADES else _shade(self.primary, LIGHTER)

    @property
    def dark(self) -> str:
        return DEFAULT_SHADES[self.primary][1] if self.primary in DEFAULT_SHADES else _shade(self.primary, -DARKER)

    @property
    def link(self) -> str:
        return self.primary  # checked against white and paper like any text

    @property
    def rgb(self) -> tuple[float, float, float]:
        """The primary in 0-1 channels, as ReportLab and the plaques' SVG want it."""
        return _channels(self.primary)

    @property
    def dark_rgb(self) -> tuple[float, float, float]:
        """The printed colour (plaques, brochure): the dark shade, which reads on paper in daylight."""
        return DEFAULT_SHADES[self.primary][2] if self.primary in DEFAULT_SHADES else _channels(self.dark)


@cache
def _channels(value: str) -> tuple[float, float, float]:
    return tuple(round(c, 4) for c in Color(value).convert("srgb").coords())  # type: ignore[return-value]


def stylesheet(palette: Palette) -> str:
    """The custom properties heritage.css reads, after it: the values there are the defaults only.
    Printed from checked, normalised hex colours: nothing an editor wrote reaches the CSS as is."""
    props = {
        "--md-primary-fg-color": palette.primary,
        "--md-primary-fg-color--light": palette.light,
        "--md-primary-fg-color--dark": palette.dark,
        "--md-accent-fg-color": palette.accent,
        "--md-typeset-a-color": palette.link,
    }
    body = "".join(f"{name}:{value};" for name, value in props.items())
    return f"/* The ward's colours (data/site.yml colors:), written by the build. */\n:root{{{body}}}\n"
