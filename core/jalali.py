"""Jalali (Solar Hijri) dates — the one parser and formatter of the project.

Accepted inputs: ``1404/08/28``, ``۱۴۰۴/۰۸/۲۸``, ``1404-8-28``, ``1404.8.28``,
``14040828`` (text or integer), with Persian or Arabic-Indic digits.

Validation is real calendar validation: months 1–6 have 31 days, 7–11 have 30 and
Esfand (12) has 29, or 30 in a leap year.  Leap years follow the 33-year arithmetic
rule used by ``jdatetime`` (Borkowski 1996), which agrees with the astronomical
calendar for 1178–1633 SH; e.g. 1399 and 1403 are leap years, 1404 is not.

The vectorised :func:`parse_jalali_series` parses each *distinct* string once and
maps the result back, so a column of a million dates with a few thousand distinct
values parses in a fraction of a second.  Conversion to Gregorian is done with
day-number arithmetic in numpy (epoch 1 Farvardin 1 SH = 622-03-22 Julian =
Julian day 1948320.5), checked against ``jdatetime`` in the tests.
"""

from __future__ import annotations

import datetime as _dt
import functools
import re
from dataclasses import dataclass

import jdatetime
import numpy as np
import pandas as pd

from core.text import normalise_digits, to_persian_digits

__all__ = [
    "JalaliDateError",
    "ParsedDates",
    "is_leap_year",
    "month_length",
    "parse_jalali",
    "parse_jalali_series",
    "jalali_to_gregorian",
    "gregorian_to_jalali",
    "format_jalali_fa",
    "format_jalali_iso",
    "today_jalali",
    "MONTH_NAMES_FA",
    "MONTH_NAMES_EN",
]

MONTH_NAMES_FA = (
    "فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور",
    "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند",
)
MONTH_NAMES_EN = (
    "Farvardin", "Ordibehesht", "Khordad", "Tir", "Mordad", "Shahrivar",
    "Mehr", "Aban", "Azar", "Dey", "Bahman", "Esfand",
)

#: The Jalali years a date may have (wider than any filter year, for old records and plans).
YEAR_MIN, YEAR_MAX = 1200, 1500
_SEPARATED = re.compile(r"^\s*(\d{3,4})\s*[/\-.]\s*(\d{1,2})\s*[/\-.]\s*(\d{1,2})\s*$")
_COMPACT = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})\s*$")


class JalaliDateError(ValueError):
    """A text that is not a valid Jalali date; ``reason`` is a stable rule id."""

    def __init__(self, value: object, reason: str, detail: str = ""):
        self.value = value
        self.reason = reason  # "format", "month", "day", "year"
        self.detail = detail
        super().__init__(f"invalid Jalali date {value!r}: {reason}{': ' + detail if detail else ''}")


def is_leap_year(year: int) -> bool:
    """Jalali leap year by the 33-year rule (as ``jdatetime``): 1399, 1403, 1408 are leap."""
    return jdatetime.date(year, 1, 1).isleap()


def month_length(year: int, month: int) -> int:
    """Days in a Jalali month: 31 for 1–6, 30 for 7–11, 29/30 for Esfand."""
    if month <= 6:
        return 31
    if month <= 11:
        return 30
    return 30 if is_leap_year(year) else 29


def _split(value: object) -> tuple[int, int, int]:
    if isinstance(value, (int, np.integer)):
        text = str(int(value))
    elif isinstance(value, float) and value.is_integer():
        text = str(int(value))
    else:
        text = normalise_digits(str(value)).strip().replace("\u200f", "").replace("\u200e", "")
    match = _SEPARATED.match(text) or _COMPACT.match(text)
    if not match:
        raise JalaliDateError(value, "format", "expected YYYY/MM/DD")
    return int(match.group(1)), int(match.group(2)), int(match.group(3))


def _check(value: object, year: int, month: int, day: int) -> None:
    if not YEAR_MIN <= year <= YEAR_MAX:
        raise JalaliDateError(value, "year", f"year {year} outside {YEAR_MIN}–{YEAR_MAX}")
    if not 1 <= month <= 12:
        raise JalaliDateError(value, "month", f"month {month} not in 1–12")
    last = month_length(year, month)
    if not 1 <= day <= last:
        raise JalaliDateError(value, "day", f"day {day} not in 1–{last} for month {month} of {year}")


def parse_jalali(value: object) -> tuple[int, int, int]:
    """Parse one Jalali date into ``(year, month, day)``; raise :class:`JalaliDateError`."""
    year, month, day = _split(value)
    _check(value, year, month, day)
    return year, month, day


# --- day-number arithmetic -------------------------------------------------------------
_EPOCH_ORDINAL = _dt.date(622, 3, 22).toordinal() - 1  # proleptic-Gregorian ordinal of 1/1/1 SH − 1
_CUM_DAYS = np.array([0, 31, 62, 93, 124, 155, 186, 216, 246, 276, 306, 336])


def _days_before_year(year: np.ndarray) -> np.ndarray:
    # Days from 1/1/1 SH to 1/1/year, via jdatetime for the distinct years (few of them).
    years = np.unique(year)
    table = {
        int(y): jdatetime.date(int(y), 1, 1).togregorian().toordinal() - _EPOCH_ORDINAL - 1
        for y in years
    }
    return np.vectorize(table.__getitem__, otypes=[np.int64])(year) if len(year) else year


def jalali_to_gregorian(year, month, day) -> np.ndarray:
    """Vectorised Jalali → numpy ``datetime64[D]`` (inputs must be valid dates)."""
    year = np.asarray(year, dtype=np.int64)
    month = np.asarray(month, dtype=np.int64)
    day = np.asarray(day, dtype=np.int64)
    ordinal = _EPOCH_ORDINAL + _days_before_year(year) + _CUM_DAYS[month - 1] + day
    unix_epoch = _dt.date(1970, 1, 1).toordinal()
    return (ordinal - unix_epoch).astype("datetime64[D]")


def gregorian_to_jalali(date: _dt.date) -> tuple[int, int, int]:
    """One Gregorian date → ``(year, month, day)`` Jalali."""
    j = jdatetime.date.fromgregorian(date=date)
    return j.year, j.month, j.day


@dataclass(frozen=True)
class ParsedDates:
    """Result of :func:`parse_jalali_series`.

    ``dates``: ``datetime64[ns]`` Series (NaT where empty or invalid);
    ``iso_jalali``: canonical ``YYYY/MM/DD`` text (NA where empty or invalid);
    ``errors``: DataFrame (``index``, ``value``, ``reason``, ``detail``) of invalid entries.
    """

    dates: pd.Series
    iso_jalali: pd.Series
    errors: pd.DataFrame


def parse_jalali_series(values: pd.Series) -> ParsedDates:
    """Parse a column of Jalali dates; empty cells are allowed (NaT), invalid ones reported.

    Each distinct non-empty value is parsed once (``pd.factorize``) and mapped back.
    """
    values = pd.Series(values)
    empty = values.isna() | (values.astype("string").str.strip() == "")
    codes, uniques = pd.factorize(values.where(~empty), use_na_sentinel=True)
    n = len(uniques)
    ymd = np.zeros((n, 3), dtype=np.int64)
    ok = np.zeros(n, dtype=bool)
    bad: dict[int, JalaliDateError] = {}
    for i, raw in enumerate(uniques):
        try:
            ymd[i] = parse_jalali(raw)
            ok[i] = True
        except JalaliDateError as err:
            bad[i] = err
    greg = np.full(n, np.datetime64("NaT"), dtype="datetime64[D]")
    if ok.any():
        greg[ok] = jalali_to_gregorian(ymd[ok, 0], ymd[ok, 1], ymd[ok, 2])
    canon = np.array(
        [f"{y:04d}/{m:02d}/{d:02d}" if good else None for (y, m, d), good in zip(ymd, ok)],
        dtype=object,
    )
    valid_row = codes >= 0
    safe = np.where(valid_row, codes, 0)
    nat = np.datetime64("NaT", "D")
    dates = pd.Series(
        np.where(valid_row, greg[safe] if n else nat, nat).astype("datetime64[D]"),
        index=values.index,
    ).astype("datetime64[ns]")
    iso = pd.Series(
        np.where(valid_row, canon[safe] if n else None, None), index=values.index, dtype="string"
    )
    err_rows = [
        (idx, values.loc[idx], bad[c].reason, bad[c].detail)
        for idx, c in zip(values.index, codes)
        if c >= 0 and c in bad
    ]
    errors = pd.DataFrame(err_rows, columns=["index", "value", "reason", "detail"])
    return ParsedDates(dates=dates, iso_jalali=iso, errors=errors)


def _to_jdate(value: object) -> jdatetime.date:
    if isinstance(value, jdatetime.date):
        return value
    if isinstance(value, (pd.Timestamp, _dt.date, np.datetime64)):
        return jdatetime.date.fromgregorian(date=pd.Timestamp(value).date())
    return jdatetime.date(*parse_jalali(value))


def format_jalali_fa(value: object, with_month_name: bool = True) -> str:
    """``1404/08/28`` or a Gregorian date → ``'۲۸ آبان ۱۴۰۴'`` (or ``'۱۴۰۴/۰۸/۲۸'``)."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    j = _to_jdate(value)
    if with_month_name:
        return to_persian_digits(f"{j.day} ") + MONTH_NAMES_FA[j.month - 1] + " " + to_persian_digits(
            str(j.year)
        )
    return to_persian_digits(f"{j.year:04d}/{j.month:02d}/{j.day:02d}")


def format_jalali_iso(value: object) -> str:
    """Canonical ASCII Jalali text ``YYYY/MM/DD`` (the storage form)."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    j = _to_jdate(value)
    return f"{j.year:04d}/{j.month:02d}/{j.day:02d}"


def today_jalali() -> str:
    """Today as ``YYYY/MM/DD`` Jalali."""
    return _jalali_iso_of(_dt.date.today())


@functools.lru_cache(maxsize=8)
def _jalali_iso_of(day: _dt.date) -> str:
    """``format_jalali_iso`` of a Gregorian day, kept (jdatetime reads the locale on every
    conversion; the page's export names ask for today's date on every chart)."""
    return format_jalali_iso(day)
