"""The Vietnamese lunar calendar against officially published dates."""

from __future__ import annotations

import datetime as dt

import pytest

from heritage.calendar import lunar

D = dt.date


@pytest.mark.parametrize(
    "lunar_date, solar",
    [
        # Tết Nguyên đán (1/1)
        ((2024, 1, 1), D(2024, 2, 10)),
        ((2025, 1, 1), D(2025, 1, 29)),
        ((2026, 1, 1), D(2026, 2, 17)),
        ((2027, 1, 1), D(2027, 2, 6)),
        ((2028, 1, 1), D(2028, 1, 26)),
        # Giỗ Tổ Hùng Vương (10/3)
        ((2024, 3, 10), D(2024, 4, 18)),
        ((2025, 3, 10), D(2025, 4, 7)),
        ((2026, 3, 10), D(2026, 4, 26)),
        # Tết Trung thu (15/8)
        ((2024, 8, 15), D(2024, 9, 17)),
        ((2025, 8, 15), D(2025, 10, 6)),
        ((2026, 8, 15), D(2026, 9, 25)),
        # years where Viet Nam (UTC+7) and China (UTC+8) differ
        ((1985, 1, 1), D(1985, 1, 21)),
        ((2007, 1, 1), D(2007, 2, 17)),
    ],
)
def test_official_dates(lunar_date, solar):
    assert lunar.to_solar(*lunar_date) == solar
    assert lunar.to_lunar(solar) == lunar.LunarDate(*lunar_date)


@pytest.mark.parametrize("year, vietnam, china", [(1985, D(1985, 1, 21), D(1985, 2, 20)), (2007, D(2007, 2, 17), D(2007, 2, 18))])
def test_vietnam_is_computed_for_utc_plus_7(year, vietnam, china):
    assert lunar.to_solar(year, 1, 1) == vietnam
    assert lunar.to_solar(year, 1, 1, tz=8.0) == china  # the same method for Beijing time gives China's date


@pytest.mark.parametrize("year, month", [(2020, 4), (2023, 2), (2025, 6), (2028, 5), (2026, None), (2027, None)])
def test_leap_months(year, month):
    assert lunar.leap_month(year) == month


def test_leap_sixth_month_of_2025():
    assert lunar.to_solar(2025, 6, 1) == D(2025, 6, 25)
    assert lunar.to_solar(2025, 6, 1, leap=True) == D(2025, 7, 25)
    assert lunar.to_lunar(D(2025, 7, 25)) == lunar.LunarDate(2025, 6, 1, True)
    with pytest.raises(ValueError):
        lunar.to_solar(2026, 6, 1, leap=True)


def test_round_trip_1900_to_2100():
    day, last, checked = D(1900, 2, 1), D(2100, 12, 31), 0
    while day <= last:
        date = lunar.to_lunar(day)
        assert 1 <= date.day <= 30 and 1 <= date.month <= 12
        assert lunar.to_solar(date.year, date.month, date.day, date.leap) == day
        day += dt.timedelta(days=1)
        checked += 1
    assert checked > 73_000


@pytest.mark.parametrize("day", [D(2054, 5, 7), D(2062, 4, 9)])
def test_days_just_before_a_new_moon(day):
    # the mean-month estimate is one month off here; the day must still be 29 or 30
    assert lunar.to_lunar(day).day in (29, 30)
    assert lunar.to_lunar(day + dt.timedelta(days=1)).day == 1


def test_month_lengths_and_day_30():
    lengths = {lunar.month_length(2026, m) for m in range(1, 13)}
    assert lengths == {29, 30}
    short = next(m for m in range(1, 13) if lunar.month_length(2026, m) == 29)
    with pytest.raises(ValueError):
        lunar.to_solar(2026, short, 30)
    resolved = lunar.resolve(2026, short, 30)
    assert resolved.note == "day-30" and resolved.start == lunar.to_solar(2026, short, 29)


def test_leap_festival_in_a_year_without_that_leap_month():
    resolved = lunar.resolve(2026, 6, 15, leap=True)
    assert resolved.note == "leap-missing" and resolved.start == lunar.to_solar(2026, 6, 15)
    assert lunar.resolve(2025, 6, 15, leap=True) == lunar.Resolved(lunar.to_solar(2025, 6, 15, leap=True))


@pytest.mark.parametrize("args", [(2026, 13, 1), (2026, 0, 1), (2026, 1, 31), (2026, 1, 0)])
def test_dates_that_do_not_exist(args):
    with pytest.raises(ValueError):
        lunar.to_solar(*args)


def test_every_day_1901_to_2099_agrees_with_lunar_vn():
    """An outside check: lunar-vn (PyPI), another implementation of the same method, day by day."""
    import lunar_vn

    day, last, checked, differences = D(1901, 1, 1), D(2099, 12, 31), 0, []
    while day <= last:
        ours, theirs = lunar.to_lunar(day), lunar_vn.solar_to_lunar(day)
        if (ours.year, ours.month, ours.day, ours.leap) != (theirs.year, theirs.month, theirs.day, theirs.leap):
            differences.append(f"{day}: ours {ours}, lunar-vn {theirs}")
        elif ours.day == 1 and lunar.to_solar(ours.year, ours.month, 1, ours.leap) != lunar_vn.lunar_to_solar(theirs):
            differences.append(f"{day}: month start {ours} converts back differently")
        day += dt.timedelta(days=1)
        checked += 1
    assert checked == 72_684
    assert differences == [], f"{len(differences)} days differ:\n" + "\n".join(differences[:10])
