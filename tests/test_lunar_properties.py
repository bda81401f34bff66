"""The lunar conversion on generated dates (Hypothesis), against `lunar-vn`, an implementation of
the same published method by other hands (as tests/test_lunar.py does day by day for one
direction): solar → lunar → solar, and lunar dates as a festival's rule states them (any
month, day 1-30, leap or not) → solar, each either a real date both agree on or refused."""

from __future__ import annotations

import datetime as dt

import lunar_vn
import pytest
from hypothesis import given
from hypothesis import strategies as st

from heritage.calendar import lunar

from .properties import properties

PROPERTIES = properties(300)

# The range both support with room for the lunar year around them (lunar-vn: 1900-2100).
solar_days = st.dates(min_value=dt.date(1901, 1, 1), max_value=dt.date(2099, 12, 31))


def theirs(date: lunar.LunarDate) -> lunar_vn.LunarDate:
    return lunar_vn.LunarDate(day=date.day, month=date.month, year=date.year, leap=date.leap)


@PROPERTIES
@given(solar_days)
def test_solar_to_lunar_and_back(day):
    ours = lunar.to_lunar(day)
    reference = lunar_vn.solar_to_lunar(day)
    assert (ours.year, ours.month, ours.day, ours.leap) == (reference.year, reference.month, reference.day, reference.leap)
    assert lunar.to_solar(ours.year, ours.month, ours.day, ours.leap) == day


@PROPERTIES
@given(st.integers(1901, 2098), st.integers(1, 12), st.integers(1, 30), st.booleans())
def test_a_lunar_date_is_found_or_refused_as_the_reference_says(year, month, day, leap):
    """A date that exists converts as lunar-vn converts it; one that does not (day 30 of a short
    month, a leap month the year lacks) is refused, where lunar-vn's answer does not convert back."""
    try:
        expected = lunar_vn.lunar_to_solar(lunar_vn.LunarDate(day=day, month=month, year=year, leap=leap))
        exists = lunar_vn.solar_to_lunar(expected) == lunar_vn.LunarDate(day=day, month=month, year=year, leap=leap)
    except ValueError:  # lunar-vn: that year has no such leap month
        expected, exists = None, False
    if exists:
        assert lunar.to_solar(year, month, day, leap) == expected
        assert lunar.resolve(year, month, day, leap) == lunar.Resolved(expected)
    else:
        with pytest.raises(ValueError):
            lunar.to_solar(year, month, day, leap)
        resolved = lunar.resolve(year, month, day, leap)  # a festival's rule still finds its day
        assert resolved.note in ("leap-missing", "day-30")
        assert lunar.to_lunar(resolved.start).month == month


@PROPERTIES
@given(solar_days)
def test_a_month_has_29_or_30_days_and_the_next_begins_after_it(day):
    date = lunar.to_lunar(day)
    length = lunar.month_length(date.year, date.month, date.leap)
    assert length in (29, 30) and date.day <= length
    start = lunar.to_solar(date.year, date.month, 1, date.leap)
    following = lunar.to_lunar(start + dt.timedelta(days=length))
    assert following.day == 1 and following != date


def test_every_month_of_1901_to_2099_starts_and_ends_as_lunar_vn_says():
    """Every month's first day, leap months included, and its length: a new moon or a solar term
    a day off anywhere in the two centuries shows here (about 2,500 months, in a second)."""
    differences = []
    for year in range(1901, 2099):
        leap = lunar.leap_month(year)
        for month, is_leap in [(m, False) for m in range(1, 13)] + ([(leap, True)] if leap else []):
            first = lunar_vn.lunar_to_solar(lunar_vn.LunarDate(day=1, month=month, year=year, leap=is_leap))
            if lunar.to_solar(year, month, 1, is_leap) != first:
                differences.append(f"{year}/{month}{' leap' if is_leap else ''}: ours {lunar.to_solar(year, month, 1, is_leap)}, lunar-vn {first}")
            thirtieth = lunar_vn.solar_to_lunar(first + dt.timedelta(days=29))
            if lunar.month_length(year, month, is_leap) != (30 if thirtieth.day == 30 else 29):
                differences.append(f"{year}/{month}: length")
        reference_leap = next((m for m in range(1, 13) if _has_leap(year, m)), None)
        if leap != reference_leap:
            differences.append(f"{year}: leap month ours {leap}, lunar-vn {reference_leap}")
    assert differences == [], differences[:10]


def _has_leap(year: int, month: int) -> bool:
    """lunar-vn's own answer: its leap month `month` of `year` converts back as a leap month."""
    try:
        day = lunar_vn.lunar_to_solar(lunar_vn.LunarDate(day=1, month=month, year=year, leap=True))
    except ValueError:
        return False
    return lunar_vn.solar_to_lunar(day) == lunar_vn.LunarDate(day=1, month=month, year=year, leap=True)
