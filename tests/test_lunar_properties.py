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
