"""The one numeric parser and bound (core/numbers.py) and the one cell cleaner
(core/text.clean_cell) — issue 17, faults 1–5."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from analytics.validation import validate_table
from core.gregorian import gregorian_suggestion
from core.numbers import NUMBER_LIMIT, parse_number
from core.schema import PROJECTS
from core.text import clean_cell, name_key, normalise_text


@pytest.mark.parametrize(("text", "dialect", "value"), [
    ("1,200", "point", 1200.0), ("1.200", "point", 1.2), ("1234,5", "comma", 1234.5),
    ("1234,5", "point", 1234.5), ("1,5", "point", 1.5), ("۱۲٬۳۴۵٫۵", "point", 12345.5),
    ("١٬٢٣٤٫٥", "comma", 1234.5), ("1,234.5", "point", 1234.5), ("1.234,5", "comma", 1234.5),
    ("1.234.567", "point", 1234567.0), ("40%", "point", 40.0), ("٤٠٪", "point", 40.0),
    ("-5", "point", -5.0), ("0,125", "comma", 0.125), ("1 234", "point", 1234.0),
    ("1\u00a0234,5", "comma", 1234.5), ("1e5", "comma", 1e5), ("  ۱۲۰ ", "point", 120.0),
])
def test_numbers_read_in_every_script_and_dialect(text, dialect, value):
    parsed = parse_number(text, dialect)
    assert parsed.rule is None and parsed.value == value


@pytest.mark.parametrize(("text", "dialect", "rule"), [
    ("1,200", "comma", "ambiguous_number"), ("1.200", "comma", "ambiguous_number"),
    ("1,23,45", "point", "not_number"), ("1.2.3", "point", "not_number"),
    ("12 5", "point", "not_number"), ("0x10", "point", "not_number"),
    ("صد", "point", "not_number"), ("۱٬۲۳", "point", "not_number"),
    ("inf", "point", "not_finite"), ("NaN", "point", "not_finite"),
    ("-Infinity", "point", "not_finite"), ("1e400", "point", "not_finite"),
    ("1.7e308", "point", "out_of_bound"), ("99999999999999999999", "point", "out_of_bound"),
])
def test_what_is_ambiguous_malformed_or_unbounded_is_refused(text, dialect, rule):
    parsed = parse_number(text, dialect)
    assert parsed.value is None and parsed.rule == rule


def test_ambiguous_number_gives_both_readings():
    assert parse_number("1,200", "comma").readings == (1.2, 1200.0)


@given(st.floats(min_value=-NUMBER_LIMIT, max_value=NUMBER_LIMIT, allow_nan=False))
def test_any_bounded_float_round_trips(value):
    assert parse_number(repr(value)).value == value
    assert parse_number(value).value == value


@given(st.integers(min_value=0, max_value=10**12))
def test_thousands_grouped_integers_read_back(value):
    grouped = f"{value:,}"
    assert parse_number(grouped, "point").value == value
    persian = grouped.replace(",", "٬").translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))
    assert parse_number(persian, "comma").value == value


@given(st.text(max_size=12))
def test_parser_never_raises_and_never_gives_a_non_finite_value(text):
    for dialect in ("point", "comma"):
        parsed = parse_number(text, dialect)
        assert parsed.value is None or (math.isfinite(parsed.value)
                                        and abs(parsed.value) <= NUMBER_LIMIT)


def _frame(**values):
    return pd.DataFrame({k: [v] for k, v in values.items()})


def test_validation_keeps_decimal_commas_and_refuses_huge_integers_without_crashing():
    raw = pd.DataFrame({"budget_billion_rials": ["1234,5", "1.7e308", "12"],
                        "expected_jobs": ["1,5", "99999999999999999999", "12"]})
    clean, problems = validate_table(raw, PROJECTS, "f.csv", dialect="comma")
    assert clean["budget_billion_rials"].iloc[0] == 1234.5
    assert clean["expected_jobs"].iloc[2] == 12
    found = {(p.rule, p.row, p.column) for p in problems}
    assert ("not_integer", 2, "expected_jobs") in found
    assert ("out_of_bound", 3, "budget_billion_rials") in found
    assert ("out_of_bound", 3, "expected_jobs") in found
    for p in problems:
        assert p.message("fa") and "{" not in p.message("en")


def test_clean_cell_refuses_controls_and_overrides_and_drops_invisible_marks():
    assert clean_cell("ab\x00c") == ("abc", "control_char", "U+0000")
    assert clean_cell("x\x85y").rule == "control_char"
    assert clean_cell("P\u202e100") == ("P100", "bidi_override", "U+202E")
    assert clean_cell("Z-001\u200b").text == clean_cell("Z-001").text == "Z-001"
    assert clean_cell("\ufeffZ\u2060-001").text == "Z-001"
    assert clean_cell("\u202bعنوان\u202c").text == "عنوان"
    assert clean_cell("a\tb\nc") == ("a\tb\nc", None, None)


def test_zwnj_is_kept_inside_words_and_dropped_at_their_edges():
    assert clean_cell("می\u200cشود").text == "می\u200cشود"
    assert clean_cell("\u200cکاشان\u200c شهر\u200c").text == "کاشان شهر"


def test_county_name_with_zero_width_space_has_the_same_key():
    assert name_key("کاشان\u200b") == name_key("کاشان")
    assert normalise_text("Z-001\u200b") == "Z-001"


@pytest.mark.parametrize(("text", "expected"), [
    ("20/03/2024", "1403/01/01"), ("3/20/2024", "1403/01/01"),
    ("03/04/2024", "1403/01/15 | 1402/12/14"), ("31/02/2024", "—"),
])
def test_gregorian_dates_with_the_year_last_are_recognised(text, expected):
    assert gregorian_suggestion(text) == expected
    assert gregorian_suggestion("1403/01/01") is None
