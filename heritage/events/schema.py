"""The schema of a recurring event file and the wording of its rules.

A rule broken here is raised by name (`schema.broken`); its words are registered in
`content.messages.RULES` from here, beside the rule, as the entries' are beside theirs.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import Field, StringConstraints, field_validator, model_validator

from heritage.content import forms
from heritage.content.messages import RULES
from heritage.content.schema import TIME, VIETNAM_LAT, VIETNAM_LON, WEEKDAYS, EntryId, Model, Name, Summary, Text, broken

FOLDER = "su-kien"  # data/su-kien/<id>.yml and docs/<lang>/su-kien/<id>.md (the contract's name)

RULES.update(
    {
        "repeat-kind": (
            "Khối `repeat` phải có đúng một trong hai: `lunar_days` (các ngày âm lịch mỗi tháng) hoặc `weekdays` (các ngày trong tuần).",
            "The `repeat` block needs exactly one of `lunar_days` (lunar days of each month) or `weekdays` (days of each week).",
            "Ví dụ: `lunar_days: [1, 15]` cho mùng một và rằm, hoặc `weekdays: [sa]` cho mỗi thứ Bảy.",
            "For example `lunar_days: [1, 15]` for the 1st and 15th, or `weekdays: [sa]` for every Saturday.",
        ),
        "repeat-lunar-day": (
            "Ngày âm lịch {value} không có: một tháng âm lịch có từ ngày 1 đến ngày 30.",
            "There is no lunar day {value}: a lunar month has days 1 to 30.",
            "Ghi các số từ 1 đến 30, không lặp lại, ví dụ [1, 15].",
            "Write numbers from 1 to 30, each once, e.g. [1, 15].",
        ),
        "repeat-weekday": (
            "Ngày trong tuần '{value}' không hợp lệ.",
            "'{value}' is not a day of the week.",
            "Dùng mo, tu, we, th, fr, sa, su (Thứ Hai … Chủ nhật), mỗi ngày một lần.",
            "Use mo, tu, we, th, fr, sa, su (Monday … Sunday), each once.",
        ),
        "repeat-month": (
            "Tháng {value} không có: một năm có các tháng từ 1 đến 12.",
            "There is no month {value}: a year has months 1 to 12.",
            "Ghi các số từ 1 đến 12 (dương lịch), mỗi tháng một lần, ví dụ [3, 4, 5, 6, 7, 8, 9, 10, 11].",
            "Write numbers from 1 to 12 (solar months), each once, e.g. [3, 4, 5, 6, 7, 8, 9, 10, 11].",
        ),
        "repeat-except": (
            "Ngày nghỉ {value} ghi hai lần.",
            "The skipped date {value} is listed twice.",
            "Mỗi ngày nghỉ ghi một lần (dạng NNNN-TT-NN).",
            "List each skipped date once (YYYY-MM-DD).",
        ),
        "repeat-order": (
            "Ngày bắt đầu {since} sau ngày kết thúc {until}.",
            "The start date {since} is after the end date {until}.",
            "Kiểm tra lại `since` và `until` (dạng NNNN-TT-NN).",
            "Check `since` and `until` (YYYY-MM-DD).",
        ),
        "event-time-order": (
            "Giờ kết thúc {end} không sau giờ bắt đầu {start}.",
            "The end time {end} is not after the start time {start}.",
            "Ghi giờ 24 giờ, ví dụ start: \"19:30\", end: \"21:00\".",
            "Write 24-hour times, e.g. start: \"19:30\", end: \"21:00\".",
        ),
        "event-place": (
            "Khối `place` cần mã một mục (`entry`) hoặc một địa chỉ (`address`).",
            "The `place` block needs an entry id (`entry`) or an address (`address`).",
            "Ghi `entry: <mã di tích>` hoặc `address: {{vi: …, en: …}}` (có thể thêm lat, lon).",
            "Write `entry: <relic id>` or `address: {{vi: …, en: …}}` (lat and lon may follow).",
        ),
        "event-coordinates": (
            "Cần cả vĩ độ (lat) và kinh độ (lon), hoặc không cái nào.",
            "Give both latitude (lat) and longitude (lon), or neither.",
            "Thêm trường còn thiếu hoặc xoá cả hai.",
            "Add the missing one or remove both.",
        ),
    }
)


def _time(value: object) -> str:
    """HH:MM; YAML 1.1 reads an unquoted 19:30 as the number 1170 (sexagesimal): taken back."""
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 24 * 60:
        value = f"{value // 60:02d}:{value % 60:02d}"
    match = TIME.match(str(value).strip())
    if not match:
        raise broken("visit-time", value=value)
    return f"{int(match.group(1)):02d}:{match.group(2)}"


class Repeat(Model):
    """When it comes back: lunar days of every lunar month, or days of every week."""

    lunar_days: list[int] | None = Field(default=None, min_length=1, max_length=30)
    weekdays: list[str] | None = Field(default=None, min_length=1, max_length=7)
    since: dt.date | None = None
    until: dt.date | None = None
    months: list[int] | None = Field(default=None, min_length=1, max_length=12)  # solar months it runs in
    except_dates: list[dt.date] | None = Field(default=None, min_length=1)  # days it does not happen (Tết)

    @field_validator("months")
    @classmethod
    def _months(cls, value: list[int] | None) -> list[int] | None:
        for month in value or []:
            if not 1 <= month <= 12 or value.count(month) > 1:
                raise broken("repeat-month", value=month)
        return sorted(value) if value else value

    @field_validator("except_dates")
    @classmethod
    def _except(cls, value: list[dt.date] | None) -> list[dt.date] | None:
        for day in value or []:
            if value.count(day) > 1:
                raise broken("repeat-except", value=day.isoformat())
        return sorted(value) if value else value

    @field_validator("lunar_days")
    @classmethod
    def _days(cls, value: list[int] | None) -> list[int] | None:
        for day in value or []:
            if not 1 <= day <= 30 or value.count(day) > 1:
                raise broken("repeat-lunar-day", value=day)
        return sorted(value) if value else value

    @field_validator("weekdays")
    @classmethod
    def _weekdays(cls, value: list[str] | None) -> list[str] | None:
        for day in value or []:
            if day not in WEEKDAYS or value.count(day) > 1:
                raise broken("repeat-weekday", value=day)
        return [d for d in WEEKDAYS if d in value] if value else value

    @model_validator(mode="after")
    def _one_kind(self) -> "Repeat":
        if (self.lunar_days is None) == (self.weekdays is None):
            raise broken("repeat-kind")
        if self.since and self.until and self.since > self.until:
            raise broken("repeat-order", since=self.since.isoformat(), until=self.until.isoformat())
        return self


class Time(Model):
    """Local time in Viet Nam (Asia/Ho_Chi_Minh), 24-hour."""

    start: str
    end: str | None = None

    @field_validator("start", "end", mode="before")
    @classmethod
    def _clock(cls, value: object) -> str | None:
        return None if value is None else _time(value)

    @model_validator(mode="after")
    def _in_order(self) -> "Time":
        if self.end is not None and self.end <= self.start:
            raise broken("event-time-order", start=self.start, end=self.end)
        return self


class Place(Model):
    """Where: an entry of the inventory (its page, address and coordinates), and/or an address."""

    entry: EntryId | None = None
    address: Text | None = None
    lat: float | None = None
    lon: float | None = None

    @model_validator(mode="after")
    def _somewhere(self) -> "Place":
        if self.entry is None and self.address is None:
            raise broken("event-place")
        if (self.lat is None) != (self.lon is None):
            raise broken("event-coordinates")
        return self

    @field_validator("lat")
    @classmethod
    def _lat_in_vietnam(cls, value: float | None) -> float | None:
        lo, hi = VIETNAM_LAT  # the same bounds as an entry's location
        if value is not None and not lo <= value <= hi:
            raise broken("latitude-outside", value=value, lo=lo, hi=hi)
        return value

    @field_validator("lon")
    @classmethod
    def _lon_in_vietnam(cls, value: float | None) -> float | None:
        lo, hi = VIETNAM_LON
        if value is not None and not lo <= value <= hi:
            raise broken("longitude-outside", value=value, lo=lo, hi=hi)
        return value


Phone = Annotated[str, StringConstraints(strip_whitespace=True, pattern=forms.PHONE)]
Email = Annotated[str, StringConstraints(strip_whitespace=True, pattern=forms.EMAIL)]


class Contact(Model):
    phone: Phone | None = None
    email: Email | None = None
    note: Text | None = None  # who to ask, e.g. the club's teacher


class RecurringEvent(Model):
    name: Name
    summary: Summary
    repeat: Repeat
    time: Time
    place: Place
    fee: Text | None = None
    free: bool = False
    contact: Contact | None = None
    sample: bool = False

    @model_validator(mode="after")
    def _fee(self) -> "RecurringEvent":
        if self.free and self.fee is not None:
            raise broken("visit-fee")
        return self
