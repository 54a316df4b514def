"""analytics.arrow: every helper gives the same answer on pyarrow-backed strings as on
plain object columns (pyarrow only makes it faster), NA handled, the cache invalidated
when a column is replaced."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analytics import arrow
from analytics.arrow import (
    cached,
    codes_in,
    factorize_strings,
    isin_mask,
    positions,
    replace_rows,
    string_array,
    string_chunks,
    strings_before,
    where_scalar,
)

needs_arrow = pytest.mark.skipif(arrow.pa is None, reason="pyarrow not installed")
VALUES = ["a", "b", None, "c", "a", "", "d"]


def both(values: list) -> list[pd.Series]:
    """The same values as object, pyarrow-backed string (when available) and categorical."""
    out = [pd.Series(values, dtype=object), pd.Series(values, dtype="category")]
    if arrow.pa is not None:
        out.append(pd.Series(values, dtype=pd.StringDtype("pyarrow")))
    return out


@needs_arrow
def test_arrow_views_only_for_arrow_strings():
    text = pd.Series(VALUES, dtype=pd.StringDtype("pyarrow"))
    assert string_array(text) is not None and len(string_array(text)) == len(VALUES)
    assert string_chunks(text) is not None
    assert string_array(pd.Series(VALUES, dtype=object)) is None
    assert string_chunks(pd.Series([1, 2], dtype="int64")) is None


@pytest.mark.parametrize("choices", [["a"], ["a", "zz"], ["a", "b", "c", "d", "e"], []])
def test_isin_mask_matches_pandas(choices):
    expected = np.array([v in choices for v in VALUES])
    for values in both(VALUES):
        assert isin_mask(values, choices).tolist() == expected.tolist()


def test_positions_with_missing_and_unknown():
    categories = ["c", "a", "b"]
    expected = [1, 2, -1, 0, 1, -1, -1]
    for values in both(VALUES):
        assert positions(values, categories).tolist() == expected
        assert positions(values, pd.Index(categories), missing=9).tolist() == [
            9 if p < 0 else p for p in expected]


def test_strings_before_ignores_empty_and_missing():
    dates = ["1404/01/01", "", None, "1405/06/31", "1403/12/29"]
    for values in both(dates):
        assert strings_before(values, "1405/01/01").tolist() == [True, False, False, False, True]


def test_factorize_and_codes_in():
    for values in both(VALUES):
        codes, labels = factorize_strings(values)
        assert [None if k < 0 else labels[k] for k in codes] == VALUES
        wanted = [labels.index("a"), labels.index("d")]
        assert codes_in(codes, wanted).tolist() == [v in ("a", "d") for v in VALUES]
        many = list(range(len(labels)))  # repeated: more than 8 wanted codes use a lookup table
        assert codes_in(codes, many * 3).tolist() == [v is not None for v in VALUES]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(st.none(), st.text(max_size=5)), min_size=1, max_size=30), st.data())
def test_replace_rows_equals_a_plain_assignment(values, data):
    n = len(values)
    rows = sorted(data.draw(st.sets(st.integers(0, n - 1), max_size=n)))
    new = data.draw(st.lists(st.one_of(st.text(max_size=5), st.none()), min_size=len(rows),
                             max_size=len(rows)))
    expected = list(values)
    for r, v in zip(rows, new):
        expected[r] = v
    for series in both(values)[::2]:  # object and pyarrow strings
        got = replace_rows(series, np.array(rows, dtype=np.int64), np.array(new, dtype=object))
        assert got.dtype == series.dtype and got.index.equals(series.index)
        assert [None if pd.isna(x) else x for x in got] == expected


def test_replace_rows_same_length_dates_keeps_the_input():
    dates = pd.Series(["1404/01/01", "1404/02/02", None, "1404/03/03"],
                      dtype=pd.StringDtype("pyarrow") if arrow.pa is not None else object)
    got = replace_rows(dates, np.array([0, 3]), np.array(["1404/07/30", "1405/12/29"],
                                                            dtype=object))
    assert got.tolist()[0] == "1404/07/30" and got.tolist()[3] == "1405/12/29"
    assert pd.isna(got[2]) and dates[0] == "1404/01/01"  # the input is never changed


def test_where_scalar():
    mask = np.array([True, False, True, False, False, False, True])
    for series in both(VALUES)[::2]:
        got = where_scalar(series, mask, "x")
        assert [None if pd.isna(v) else v for v in got] == ["x", "b", "x", "c", "a", "", "x"]
        assert where_scalar(series, np.zeros(len(VALUES), dtype=bool), "x") is series


@needs_arrow
def test_cache_is_per_frame_and_column_storage():
    frame = pd.DataFrame({"s": pd.Series(VALUES, dtype=pd.StringDtype("pyarrow"))})
    calls = []

    def compute(values):
        calls.append(1)
        return np.arange(len(values))

    first = cached(frame, "s", "k", compute)
    assert cached(frame, "s", "k", compute) is first and len(calls) == 1
    assert not first.flags.writeable  # shared results are read-only
    cached(frame, "s", "other", compute)
    assert len(calls) == 2
    frame["s"] = pd.Series(list("abcdefg"), dtype=pd.StringDtype("pyarrow"))  # new storage
    cached(frame, "s", "k", compute)
    assert len(calls) == 3
