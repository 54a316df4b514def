"""Whole-month arithmetic on Jalali dates (``postpone`` edits), one date or a column.

A day that does not exist in the target month becomes the month's last day
(1404/06/31 + 1 month = 1404/07/30); Esfand has 29 or 30 days by the leap rule of
:mod:`core.jalali`.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from core.jalali import YEAR_MAX, YEAR_MIN, JalaliDateError, month_length, parse_jalali

__all__ = ["add_months", "add_months_many", "shift_dates"]


def add_months(date: str, months: int) -> str:
    """``YYYY/MM/DD`` + ``months`` whole Jalali months; a day past the end of the target
    month becomes its last day (1404/06/31 + 1 → 1404/07/30; 1403/12/30 + 12 → 1404/12/29)."""
    year, month, day = parse_jalali(date)
    total = year * 12 + (month - 1) + int(months)
    new_year, new_month = divmod(total, 12)
    new_month += 1
    if not YEAR_MIN <= new_year <= YEAR_MAX:
        raise JalaliDateError(date, "year", f"year {new_year} outside {YEAR_MIN}–{YEAR_MAX}")
    new_day = min(day, month_length(new_year, new_month))
    return f"{new_year:04d}/{new_month:02d}/{new_day:02d}"


def add_months_many(dates: pd.Series, months: int) -> tuple[np.ndarray, list[str]]:
    """:func:`add_months` for many distinct dates at once: canonical ``YYYY/MM/DD`` texts
    are split with numpy and shifted with vectorised month arithmetic (Esfand's length
    looked up once per distinct year); other spellings go through :func:`add_months`.
    Returns (shifted texts, the dates that could not be shifted)."""
    texts = dates.astype(object).to_numpy()
    out = np.empty(len(texts), dtype=object)
    as_text = np.array(texts, dtype=str)
    right_length = np.char.str_len(as_text) == 10
    fixed = np.where(right_length, as_text.astype("<U10"), "??????????").astype("<U10")
    chars = fixed.view(np.uint32).reshape(len(texts), 10).astype(np.int64) - ord("0")
    slash = ord("/") - ord("0")
    digit_cols = [0, 1, 2, 3, 5, 6, 8, 9]
    canonical = ((chars[:, 4] == slash) & (chars[:, 7] == slash)
                 & ((chars[:, digit_cols] >= 0) & (chars[:, digit_cols] <= 9)).all(axis=1))
    bad: list[str] = []
    for i in np.flatnonzero(~canonical):  # rare: another accepted spelling
        try:
            out[i] = add_months(str(texts[i]), months)
        except JalaliDateError:
            bad.append(str(texts[i]))
    if canonical.any():
        c = chars[canonical]
        year = c[:, 0] * 1000 + c[:, 1] * 100 + c[:, 2] * 10 + c[:, 3]
        month = c[:, 5] * 10 + c[:, 6]
        day = c[:, 8] * 10 + c[:, 9]
        total = year * 12 + (month - 1) + int(months)
        new_year, new_month = total // 12, total % 12 + 1
        valid = ((YEAR_MIN <= new_year) & (new_year <= YEAR_MAX) & (1 <= month) & (month <= 12)
                 & (1 <= day) & (day <= 31))
        esfand_length = {int(y): month_length(int(y), 12) for y in np.unique(new_year[valid])}
        esfand = np.array([esfand_length.get(int(y), 29) for y in new_year], dtype=np.int64)
        length = np.where(new_month <= 6, 31, np.where(new_month <= 11, 30, esfand))
        new_day = np.minimum(day, length)
        positions = np.flatnonzero(canonical)
        digits = np.stack([new_year // 1000 % 10, new_year // 100 % 10, new_year // 10 % 10,
                           new_year % 10, np.full_like(new_year, slash), new_month // 10,
                           new_month % 10, np.full_like(new_year, slash), new_day // 10,
                           new_day % 10], axis=1) + ord("0")
        out[positions] = digits.astype(np.uint32).view("<U10").ravel()
        bad += [str(x) for x in texts[positions[~valid]]]
    return out, bad


def shift_dates(values: pd.Series, months: int) -> tuple[np.ndarray, list[str]]:
    """Shift a column of Jalali texts (each distinct value computed once); NA stays NA."""
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    shifted = np.empty(len(uniques) + 1, dtype=object)
    shifted[-1] = None
    if len(uniques):
        shifted[:-1], bad = add_months_many(pd.Series(uniques), months)
    else:
        bad = []
    return shifted[np.where(codes >= 0, codes, len(uniques))], bad
