import datetime as dt

import jdatetime
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.jalali import (
    JalaliDateError,
    format_jalali_fa,
    format_jalali_iso,
    is_leap_year,
    jalali_to_gregorian,
    month_length,
    parse_jalali,
    parse_jalali_series,
)


@pytest.mark.parametrize("text", ["1404/08/28", "۱۴۰۴/۰۸/۲۸", "1404-8-28", "14040828",
                                  "١٤٠٤/٨/٢٨", " 1404.08.28 ", 14040828])
def test_accepted_forms(text):
    assert parse_jalali(text) == (1404, 8, 28)


@pytest.mark.parametrize("text,reason", [
    ("1404/13/40", "month"), ("1404/12/30", "day"), ("1404/07/31", "day"),
    ("1404/00/10", "month"), ("1404/01/00", "day"), ("hello", "format"), ("1404/1", "format"),
    ("0404/01/01", "year"),
])
def test_rejected_dates(text, reason):
    with pytest.raises(JalaliDateError) as err:
        parse_jalali(text)
    assert err.value.reason == reason


def test_leap_years_and_month_lengths():
    assert is_leap_year(1403) and is_leap_year(1399) and not is_leap_year(1404)
    assert parse_jalali("1403/12/30") == (1403, 12, 30)
    assert [month_length(1404, m) for m in range(1, 13)] == [31] * 6 + [30] * 5 + [29]
    assert month_length(1403, 12) == 30


def test_series_parses_and_reports_every_invalid_cell():
    s = pd.Series(["1404/08/28", None, "", "1404/13/40", "۱۴۰۳/۱۲/۳۰", "1404/13/40"])
    result = parse_jalali_series(s)
    assert result.iso_jalali.tolist()[0] == "1404/08/28"
    assert result.iso_jalali.tolist()[4] == "1403/12/30"
    assert pd.isna(result.iso_jalali[1]) and pd.isna(result.iso_jalali[3])
    assert result.dates[0] == pd.Timestamp("2025-11-19")
    assert result.errors["index"].tolist() == [3, 5]
    assert set(result.errors["reason"]) == {"month"}


def test_formatting():
    assert format_jalali_fa("1404/08/28") == "۲۸ آبان ۱۴۰۴"
    assert format_jalali_fa("1404/08/28", with_month_name=False) == "۱۴۰۴/۰۸/۲۸"
    assert format_jalali_iso(dt.date(2026, 11, 27)) == "1405/09/06"
    assert format_jalali_iso("1404-8-1") == "1404/08/01"


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_vectorised_conversion_matches_jdatetime(day):
    j = jdatetime.date.fromgregorian(date=day)
    text = f"{j.year}/{j.month}/{j.day}"
    assert parse_jalali(text) == (j.year, j.month, j.day)
    converted = jalali_to_gregorian([j.year], [j.month], [j.day])[0]
    assert pd.Timestamp(converted).date() == day
    assert parse_jalali_series(pd.Series([text])).dates[0].date() == day


@given(st.integers(1300, 1499), st.integers(1, 12), st.integers(1, 31))
def test_validation_agrees_with_jdatetime(y, m, d):
    try:
        jdatetime.date(y, m, d)
        valid = True
    except ValueError:
        valid = False
    try:
        parse_jalali(f"{y}/{m:02d}/{d:02d}")
        ours = True
    except JalaliDateError:
        ours = False
    assert ours == valid


def test_an_all_empty_column_parses_to_nat():
    result = parse_jalali_series(pd.Series([None, None, ""]))
    assert result.dates.isna().all() and result.iso_jalali.isna().all()
    assert result.errors.empty
