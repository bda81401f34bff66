"""The monthly column's rules, without a build: which months count as covered, what the check
says about a missed month and about the current one, reading time and the post navigation.

Posts and settings are small stand-ins (a slug and a date), so every case states its own
calendar: a post counts for its month once it is published by `today` in both languages.
"""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest

from heritage.column import rules

D = dt.date


def post(slug: str, day: dt.date) -> SimpleNamespace:
    return SimpleNamespace(slug=slug, date=day)


def inventory(vi: list, en: list) -> SimpleNamespace:
    return SimpleNamespace(posts={"vi": vi, "en": en})


def settings(launch: dt.date, excused: tuple = ()) -> SimpleNamespace:
    return SimpleNamespace(column=SimpleNamespace(launch_month=launch, excused_months=set(excused)))


def test_months_from_launch_to_today_across_a_new_year():
    assert rules.months(D(2025, 11, 15), D(2026, 2, 3)) == [D(2025, 11, 1), D(2025, 12, 1), D(2026, 1, 1), D(2026, 2, 1)]
    assert rules.months(D(2026, 1, 31), D(2026, 3, 1)) == [D(2026, 1, 1), D(2026, 2, 1), D(2026, 3, 1)]
    assert rules.months(D(2026, 5, 1), D(2026, 5, 31)) == [D(2026, 5, 1)]
    assert rules.months(D(2026, 5, 2), D(2026, 4, 30)) == []


def test_a_month_counts_once_its_post_is_out_in_both_languages():
    today = D(2026, 10, 20)
    inv = inventory(
        vi=[post("le-hoi", D(2026, 9, 3)), post("den-sau", D(2026, 10, 25)), post("chi-tieng-viet", D(2026, 8, 1)), post("cho", D(2026, 10, 20))],
        en=[post("le-hoi", D(2026, 9, 3)), post("den-sau", D(2026, 10, 25)), post("cho", D(2026, 10, 20))],
    )
    assert rules.months_with_posts(inv, today) == {D(2026, 9, 1): ["le-hoi"], D(2026, 10, 1): ["cho"]}


def test_an_english_post_not_yet_published_does_not_cover_its_month():
    """The Vietnamese post is out, its English version is dated next week: the month is not covered."""
    inv = inventory(vi=[post("cho-tet", D(2026, 10, 5))], en=[post("cho-tet", D(2026, 10, 27))])
    assert rules.months_with_posts(inv, D(2026, 10, 20)) == {}
    assert rules.months_with_posts(inv, D(2026, 10, 27)) == {D(2026, 10, 1): ["cho-tet"]}


def test_no_problem_before_the_launch():
    assert rules.frequency_problems(inventory([], []), settings(D(2026, 11, 1)), D(2026, 10, 31)) == []


def test_a_missed_month_is_an_error_and_an_excused_one_is_not():
    launch, today = D(2026, 7, 1), D(2026, 10, 20)
    both = [post("thang-8", D(2026, 8, 12)), post("thang-10", D(2026, 10, 2))]
    found = rules.frequency_problems(inventory(both, both), settings(launch, excused=[D(2026, 9, 1)]), today)
    assert len(found) == 1
    missed = found[0]
    assert missed.is_error and missed.file == "docs/vi/chuyen-muc/"
    assert missed.vi.startswith("Tháng 7/2026 không có bài") and missed.en.startswith("July 2026 has no column post")
    assert "docs/en/chuyen-muc/" in missed.fix_en and "column.excused" in missed.fix_en and "column.excused" in missed.fix_vi


def test_the_current_month_without_a_post_is_a_warning_with_the_days_left():
    """On 20 October October has not ended: 12 days are left (20 to 31 included), not a missed month."""
    found = rules.frequency_problems(inventory([], []), settings(D(2026, 10, 1)), D(2026, 10, 20))
    assert [p.severity for p in found] == ["warning"]
    assert "12 day(s) left (until 31 October 2026)" in found[0].en and "còn 12 ngày (đến hết 31/10/2026)" in found[0].vi
    assert "scheduled" not in found[0].en
    assert (found[0].file, found[0].fix_vi, found[0].fix_en) == (
        "docs/vi/chuyen-muc/", "Đăng ít nhất một bài bằng cả hai thứ tiếng trước cuối tháng.", "Publish at least one post in both languages before the month ends.")


def test_every_month_is_looked_at_after_a_covered_or_a_missed_one():
    both = [post("thang-8", D(2026, 8, 12))]
    found = rules.frequency_problems(inventory(both, both), settings(D(2026, 8, 1)), D(2026, 10, 20))
    assert [(p.severity, p.en.split(" has")[0]) for p in found] == [("error", "September 2026"), ("warning", "October 2026")]


def test_a_post_on_the_month_s_last_day_is_named_and_an_english_column_may_be_empty():
    found = rules.frequency_problems(inventory([post("cuoi-thang", D(2026, 10, 31))], []), settings(D(2026, 10, 1)), D(2026, 10, 20))
    assert found[0].en.endswith("A post is scheduled for 31 October 2026.")
    only_vi = SimpleNamespace(posts={"vi": [post("a", D(2026, 10, 2))]})
    assert rules.months_with_posts(only_vi, D(2026, 10, 20)) == {}
    assert rules.months_with_posts(SimpleNamespace(posts={}), D(2026, 10, 20)) == {}
    assert [p.severity for p in rules.frequency_problems(SimpleNamespace(posts={}), settings(D(2026, 10, 1)), D(2026, 10, 20))] == ["warning"]


def test_a_scheduled_post_is_named_in_the_warning():
    vi = [post("sau", D(2026, 10, 29)), post("som", D(2026, 10, 24)), post("thang-sau", D(2026, 11, 2))]
    found = rules.frequency_problems(inventory(vi, []), settings(D(2026, 10, 1)), D(2026, 10, 20))
    assert found[0].en.endswith("A post is scheduled for 24 October 2026.")
    assert found[0].vi.endswith("Đã có bài hẹn đăng ngày 24/10/2026.")
    last_day = rules.frequency_problems(inventory([post("cuoi", D(2026, 10, 31))], []), settings(D(2026, 10, 1)), D(2026, 10, 31))
    assert "1 day(s) left" in last_day[0].en and "scheduled" not in last_day[0].en  # a post today is not "scheduled"


def test_the_current_month_covered_gives_nothing():
    both = [post("x", D(2026, 10, 20))]
    assert rules.frequency_problems(inventory(both, both), settings(D(2026, 10, 1)), D(2026, 10, 20)) == []


@pytest.mark.parametrize("words, minutes", [(0, 1), (100, 1), (220, 1), (440, 2), (700, 3), (2200, 10)])
def test_reading_time_at_220_words_a_minute(words, minutes):
    assert rules.reading_minutes(" ".join(["chữ"] * words)) == minutes


def test_posts_grouped_by_month_newest_first():
    posts = [post("c", D(2026, 10, 9)), post("b", D(2026, 10, 2)), post("a", D(2026, 8, 30)), post("z", D(2025, 12, 1))]
    grouped = rules.by_month(posts)
    assert [(month, [p.slug for p in items]) for month, items in grouped] == [
        (D(2026, 10, 1), ["c", "b"]), (D(2026, 8, 1), ["a"]), (D(2025, 12, 1), ["z"])]


def test_older_and_newer_post_links():
    posts = [post("moi", D(2026, 10, 9)), post("giua", D(2026, 9, 2)), post("cu", D(2026, 8, 30))]
    assert rules.neighbours(posts, "moi") == (posts[1], None)
    assert rules.neighbours(posts, "giua") == (posts[2], posts[0])
    assert rules.neighbours(posts, "cu") == (None, posts[1])
    assert rules.neighbours(posts, "khong-co") == (None, None)
