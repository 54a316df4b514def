"""Time helpers: timestamps are stored as naive UTC; shown in Jalali, Tehran time."""

from __future__ import annotations

import datetime as _dt
from zoneinfo import ZoneInfo

import jdatetime

__all__ = ["utcnow", "as_utc", "jalali_datetime", "TEHRAN"]

TEHRAN = ZoneInfo("Asia/Tehran")


def utcnow() -> _dt.datetime:
    """Now in UTC as a naive datetime (the storage form)."""
    return _dt.datetime.now(_dt.UTC).replace(tzinfo=None)


def as_utc(value: _dt.datetime) -> _dt.datetime:
    """A stored (naive UTC) timestamp as an aware UTC datetime."""
    return value.replace(tzinfo=_dt.UTC) if value.tzinfo is None else value.astimezone(_dt.UTC)


def jalali_datetime(value: _dt.datetime, seconds: bool = False) -> str:
    """A stored UTC timestamp as Tehran-local Jalali text ``1404/08/28 14:05``."""
    local = as_utc(value).astimezone(TEHRAN)
    j = jdatetime.date.fromgregorian(date=local.date())
    clock = local.strftime("%H:%M:%S" if seconds else "%H:%M")
    return f"{j.year:04d}/{j.month:02d}/{j.day:02d} {clock}"
