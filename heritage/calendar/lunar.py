"""The Vietnamese lunisolar calendar (âm lịch), 1900-2100, computed for UTC+7.

No kept Python library does the *Vietnamese* calendar: the Chinese-calendar packages
compute for UTC+8, and the two differ in some years (Tết 1985 fell on 21 January in
Viet Nam and 20 February in China; Tết 2007 on 17 February against 18 February). So it
is written here from the astronomical method, following Hồ Ngọc Đức's published
algorithm: new moons from Meeus' series (Astronomical Algorithms, ch. 49), the Sun's
apparent longitude for the solar terms, a month starting on the day (in UTC+7) of its
new moon, month 11 containing the winter solstice, and the leap month being the first
month without a major solar term (trung khí) in a year of 13 months.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from functools import lru_cache

TIMEZONE = 7.0  # hours east of Greenwich: the Vietnamese calendar is computed for UTC+7
_JD_EPOCH = 2415021.076998695  # Julian day of the new moon of 1900-01-01 (Meeus)
_SYNODIC = 29.530588853


@dataclass(frozen=True, order=True)
class LunarDate:
    year: int
    month: int
    day: int
    leap: bool = False


def jd_from_date(day: dt.date) -> int:
    return day.toordinal() + 1721425


def date_from_jd(jd: int) -> dt.date:
    return dt.date.fromordinal(jd - 1721425)


def _new_moon(k: int) -> float:
    """Julian day (UT, fractional) of the k-th new moon after 1900-01-01 (Meeus)."""
    t = k / 1236.85
    t2, t3 = t * t, t * t * t
    dr = math.pi / 180
    jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3
    jd1 += 0.00033 * math.sin((166.56 + 132.87 * t - 0.009173 * t2) * dr)
    m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3  # Sun's mean anomaly
    mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3  # Moon's mean anomaly
    f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3  # Moon's argument of latitude
    c1 = (0.1734 - 0.000393 * t) * math.sin(m * dr) + 0.0021 * math.sin(2 * dr * m)
    c1 = c1 - 0.4068 * math.sin(mpr * dr) + 0.0161 * math.sin(dr * 2 * mpr)
    c1 = c1 - 0.0004 * math.sin(dr * 3 * mpr)
    c1 = c1 + 0.0104 * math.sin(dr * 2 * f) - 0.0051 * math.sin(dr * (m + mpr))
    c1 = c1 - 0.0074 * math.sin(dr * (m - mpr)) + 0.0004 * math.sin(dr * (2 * f + m))
    c1 = c1 - 0.0004 * math.sin(dr * (2 * f - m)) - 0.0006 * math.sin(dr * (2 * f + mpr))
    c1 = c1 + 0.0010 * math.sin(dr * (2 * f - mpr)) + 0.0005 * math.sin(dr * (2 * mpr + m))
    if t < -11:
        delta_t = 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
    else:
        delta_t = -0.000278 + 0.000265 * t + 0.000262 * t2
    return jd1 + c1 - delta_t


def _sun_longitude(jdn: float) -> float:
    """The Sun's apparent longitude in radians, 0 to 2π, at Julian day `jdn` (UT)."""
    t = (jdn - 2451545.0) / 36525
    t2 = t * t
    dr = math.pi / 180
    m = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2
    l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2
    dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * math.sin(dr * m)
    dl += (0.019993 - 0.000101 * t) * math.sin(dr * 2 * m) + 0.000290 * math.sin(dr * 3 * m)
    longitude = (l0 + dl) * dr
    return longitude - math.pi * 2 * math.floor(longitude / (math.pi * 2))


@lru_cache(maxsize=4096)  # pure; the calendars ask for the same months many times a build
def new_moon_day(k: int, tz: float = TIMEZONE) -> int:
    """The local civil day (Julian day number) on which the k-th new moon falls."""
    return math.floor(_new_moon(k) + 0.5 + tz / 24)


@lru_cache(maxsize=4096)
def _sun_term(jdn: int, tz: float = TIMEZONE) -> int:
    """Which of the 12 major solar terms (0-11) the Sun is in at the start of local day `jdn`."""
    return math.floor(_sun_longitude(jdn - 0.5 - tz / 24) / math.pi * 6)


@lru_cache(maxsize=512)
def _month11(year: int, tz: float = TIMEZONE) -> int:
    """Julian day of the first day of lunar month 11 (the month of the winter solstice) of `year`."""
    off = jd_from_date(dt.date(year, 12, 31)) - 2415021
    k = math.floor(off / _SYNODIC)
    start = new_moon_day(k, tz)
    if _sun_term(start, tz) >= 9:  # the solstice month has not started yet by this new moon
        start = new_moon_day(k - 1, tz)
    return start


def _leap_offset(a11: int, tz: float = TIMEZONE) -> int:
    """Index (1-based, counted from month 11) of the leap month in a 13-month year."""
    k = math.floor((a11 - _JD_EPOCH) / _SYNODIC + 0.5)
    i = 1
    arc = _sun_term(new_moon_day(k + i, tz), tz)
    while True:
        last = arc
        i += 1
        arc = _sun_term(new_moon_day(k + i, tz), tz)
        if arc == last or i >= 14:
            break
    return i - 1


def to_lunar(day: dt.date, tz: float = TIMEZONE) -> LunarDate:
    """Gregorian date → Vietnamese lunar date."""
    jd = jd_from_date(day)
    k = math.floor((jd - _JD_EPOCH) / _SYNODIC)
    # The mean-month estimate of k can be one off near a new moon (2054-05-07, 2062-04-09):
    # step until new moon k starts on or before the day and new moon k+1 after it.
    while new_moon_day(k, tz) > jd:
        k -= 1
    while new_moon_day(k + 1, tz) <= jd:
        k += 1
    month_start = new_moon_day(k, tz)
    a11 = _month11(day.year, tz)
    b11 = a11
    if a11 >= month_start:
        lunar_year = day.year
        a11 = _month11(day.year - 1, tz)
    else:
        lunar_year = day.year + 1
        b11 = _month11(day.year + 1, tz)
    lunar_day = jd - month_start + 1
    diff = math.floor((month_start - a11) / 29)
    leap = False
    lunar_month = diff + 11
    if b11 - a11 > 365:  # a 13-month year
        offset = _leap_offset(a11, tz)
        if diff >= offset:
            lunar_month = diff + 10
            if diff == offset:
                leap = True
    if lunar_month > 12:
        lunar_month -= 12
    if lunar_month >= 11 and diff < 4:
        lunar_year -= 1
    return LunarDate(lunar_year, lunar_month, lunar_day, leap)


def _month_start(year: int, month: int, leap: bool, tz: float = TIMEZONE) -> int | None:
    """Julian day of day 1 of a lunar month, or None when that (leap) month does not exist."""
    if month < 11:
        a11, b11 = _month11(year - 1, tz), _month11(year, tz)
    else:
        a11, b11 = _month11(year, tz), _month11(year + 1, tz)
    k = math.floor(0.5 + (a11 - _JD_EPOCH) / _SYNODIC)
    off = month - 11
    if off < 0:
        off += 12
    if b11 - a11 > 365:
        leap_offset = _leap_offset(a11, tz)
        leap_month = leap_offset - 2
        if leap_month < 0:
            leap_month += 12
        if leap and month != leap_month:
            return None
        if leap or off >= leap_offset:
            off += 1
    elif leap:
        return None
    return new_moon_day(k + off, tz)


def leap_month(year: int, tz: float = TIMEZONE) -> int | None:
    """The leap month of a lunar year (e.g. 6 for 2025), or None."""
    for month in range(1, 13):
        if _month_start(year, month, True, tz) is not None:
            return month
    return None


def month_length(year: int, month: int, leap: bool = False, tz: float = TIMEZONE) -> int:
    """29 or 30 days."""
    start = _month_start(year, month, leap, tz)
    if start is None:
        raise ValueError(f"lunar year {year} has no leap month {month}")
    return to_lunar(date_from_jd(start + 29), tz).day == 1 and 29 or 30


def to_solar(year: int, month: int, day: int, leap: bool = False, tz: float = TIMEZONE) -> dt.date:
    """Vietnamese lunar date → Gregorian date. Raises ValueError for a date that does not exist."""
    if not 1 <= month <= 12 or not 1 <= day <= 30:
        raise ValueError(f"no lunar date {day}/{month}")
    start = _month_start(year, month, leap, tz)
    if start is None:
        raise ValueError(f"lunar year {year} has no leap month {month}")
    if day == 30 and month_length(year, month, leap, tz) == 29:
        raise ValueError(f"lunar month {month}/{year} has 29 days")
    return date_from_jd(start + day - 1)


@dataclass(frozen=True)
class Resolved:
    """A festival's date in one lunar year, after the stated rules were applied."""

    start: dt.date
    note: str = ""  # "leap-missing" or "day-30" when a rule moved the date


def resolve(year: int, month: int, day: int, leap: bool = False, tz: float = TIMEZONE) -> Resolved:
    """The Gregorian date of a yearly lunar festival, with two stated rules.

    - `leap: true` in a year without that leap month: the regular month is used.
    - Day 30 in a 29-day month: the festival falls on day 29, the month's last day
      (as "ngày 30 Tết" is kept on the 29th in short years).
    """
    note = ""
    if leap and _month_start(year, month, True, tz) is None:
        leap, note = False, "leap-missing"
    if day == 30 and month_length(year, month, leap, tz) == 29:
        day, note = 29, note or "day-30"
    return Resolved(to_solar(year, month, day, leap, tz), note)
