"""Tests for analytics.ranking: hand-built tables, method agreement and coverage."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analytics import ranking as rk

SQRT5 = math.sqrt(5)
SPEC = {"literacy": 1, "income": 1, "unemployment": -1}


@pytest.fixture
def obvious() -> pd.DataFrame:
    """A is best on every indicator, D worst; each column is evenly spaced."""
    return pd.DataFrame(
        {
            "literacy": [95.0, 90.0, 85.0, 80.0],
            "income": [40.0, 30.0, 20.0, 10.0],
            "unemployment": [4.0, 6.0, 8.0, 10.0],
        },
        index=pd.Index(["A", "B", "C", "D"], name="county"),
    )


# ---------------------------------------------------------------------------
# Hand-computed scores
# ---------------------------------------------------------------------------


def test_zscore_sum_by_hand(obvious):
    # literacy: mean 87.5, sd = sqrt((7.5^2+2.5^2+2.5^2+7.5^2)/4) = sqrt(31.25) = 2.5*sqrt5
    # z = [3, 1, -1, -3]/sqrt5; income and -unemployment give the same signed z.
    # equal weights 1/3 each -> score = z = [3, 1, -1, -3]/sqrt5
    score = rk.zscore_sum(obvious, SPEC)
    assert score.tolist() == pytest.approx([3 / SQRT5, 1 / SQRT5, -1 / SQRT5, -3 / SQRT5])


def test_zscore_sum_uses_weights(obvious):
    # weight only on income: same z as above; weight only on a reversed literacy gives -z
    table = obvious.assign(literacy=[80.0, 85.0, 90.0, 95.0])
    only_income = rk.zscore_sum(table, {"literacy": (1, 0.0), "income": (1, 1.0)})
    only_literacy = rk.zscore_sum(table, {"literacy": (1, 1.0), "income": (1, 0.0)})
    assert only_income.tolist() == pytest.approx([3 / SQRT5, 1 / SQRT5, -1 / SQRT5, -3 / SQRT5])
    assert only_literacy.tolist() == pytest.approx([-3 / SQRT5, -1 / SQRT5, 1 / SQRT5, 3 / SQRT5])


def test_morris_by_hand(obvious):
    # each indicator min-max scaled (unemployment reversed) -> [1, 2/3, 1/3, 0]; x100
    score = rk.morris_index(obvious, SPEC)
    assert score.tolist() == pytest.approx([100.0, 200 / 3, 100 / 3, 0.0])


def test_hellwig_by_hand(obvious):
    # signed z in every column = [3,1,-1,-3]/sqrt5; ideal = 3/sqrt5
    # C_io = sqrt(sum_j w_j (z - z_o)^2) = |z - z_o| = [0, 2, 4, 6]/sqrt5
    # mean(C) = 3/sqrt5; sd(C) = sqrt((9+1+1+9)/4)/sqrt5 = 1  -> C_o = 3/sqrt5 + 2
    # F = k/sqrt5 / (3/sqrt5 + 2) = k / (3 + 2 sqrt5), k = 0, 2, 4, 6
    f = rk.hellwig_degree(obvious, SPEC)
    expected = [k / (3 + 2 * SQRT5) for k in (0, 2, 4, 6)]
    assert f.tolist() == pytest.approx(expected)
    assert rk.hellwig_taxonomy(obvious, SPEC).tolist() == pytest.approx([1 - e for e in expected])


def test_topsis_by_hand_single_indicator():
    # x = [1, 2, 3]: norm sqrt14, v = x/sqrt14; ideal 3/sqrt14, anti-ideal 1/sqrt14
    # D+ = [2, 1, 0]/sqrt14, D- = [0, 1, 2]/sqrt14 -> C = [0, .5, 1]
    table = pd.DataFrame({"a": [1.0, 2.0, 3.0]}, index=["x", "y", "z"])
    assert rk.topsis(table, {"a": 1}).tolist() == pytest.approx([0.0, 0.5, 1.0])
    assert rk.topsis(table, {"a": -1}).tolist() == pytest.approx([1.0, 0.5, 0.0])


def test_entropy_weights_by_hand():
    # a = [0,1,2] -> r = [0,.5,1] -> p = [0,1/3,2/3]
    #   E_a = -(1/ln3)(1/3 ln(1/3) + 2/3 ln(2/3)) ; d_a = 1 - E_a  (~ 0.420620)
    # b = [5,5,9] -> r = [0,0,1] -> p = [0,0,1] -> E_b = 0, d_b = 1
    # w = d / (d_a + 1)
    e_a = -(1 / 3 * math.log(1 / 3) + 2 / 3 * math.log(2 / 3)) / math.log(3)
    d_a = 1 - e_a
    table = pd.DataFrame({"a": [0.0, 1.0, 2.0], "b": [5.0, 5.0, 9.0]})
    w = rk.entropy_weights(table)
    assert w["a"] == pytest.approx(d_a / (d_a + 1))
    assert w["b"] == pytest.approx(1 / (d_a + 1))
    assert d_a == pytest.approx(0.420620, abs=1e-6)
    # a constant column carries no information
    assert rk.entropy_weights(table.assign(c=3.0))["c"] == 0.0


def test_levels_by_mean_sd_by_hand():
    # [10,5,5,5,0]: mean 5, sd = sqrt(50/5) = 3.162 -> 10 > 8.16 developed, 0 < 1.84 deprived
    score = pd.Series([10.0, 5.0, 5.0, 5.0, 0.0], index=list("abcde"))
    levels = rk.levels_by_mean_sd(score)
    assert levels.tolist() == ["developed"] + ["semi_developed"] * 3 + ["deprived"]
    assert rk.levels_by_mean_sd(score, higher_is_better=False).tolist()[0] == "deprived"


def test_hellwig_levels(obvious):
    # F = [0, .268, .535, .803]: mean .401, sd .299 -> A developed, D deprived
    levels = rk.hellwig_levels(obvious, SPEC)
    assert levels.tolist() == ["developed", "semi_developed", "semi_developed", "deprived"]


# ---------------------------------------------------------------------------
# Direction, ordering and all-method ranking
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("method", sorted(rk.METHODS))
def test_obvious_order_every_method(obvious, method):
    score = rk.METHODS[method](obvious, SPEC)
    assert list(score.sort_values(ascending=False).index) == ["A", "B", "C", "D"]


@pytest.mark.parametrize("method", sorted(rk.METHODS))
def test_negative_direction_flips_order(obvious, method):
    flipped = {"literacy": -1, "income": -1, "unemployment": 1}
    score = rk.METHODS[method](obvious, flipped)
    assert list(score.sort_values(ascending=False).index) == ["D", "C", "B", "A"]


def test_rank_all_methods_obvious(obvious):
    res = rk.rank_all_methods(obvious, SPEC)
    assert list(res.ranks.columns) == ["zscore_sum", "morris", "hellwig", "topsis"]
    for method in res.ranks.columns:
        assert res.ranks[method].tolist() == [1, 2, 3, 4]
    assert res.stability["spread"].tolist() == [0, 0, 0, 0]
    assert res.stability["mean_rank"].tolist() == [1.0, 2.0, 3.0, 4.0]
    assert res.excluded.empty
    # A is ideal and D anti-ideal for every method -> consensus 1 and 0
    assert res.consensus[["A", "D"]].tolist() == pytest.approx([1.0, 0.0])
    assert res.levels.tolist() == ["developed", "semi_developed", "semi_developed", "deprived"]
    assert set(res.levels) <= set(rk.LEVELS)


def test_missing_indicator_excluded_not_ranked(obvious):
    table = pd.concat(
        [obvious, pd.DataFrame({"literacy": [np.nan], "income": [50.0], "unemployment": [np.nan]},
                               index=pd.Index(["E"], name="county"))]
    )  # fmt: skip
    res = rk.rank_all_methods(table, SPEC)
    assert "E" not in res.ranks.index and "E" not in res.scores.index
    assert res.excluded["county"].tolist() == ["E"]
    assert res.excluded["missing_indicators"].iloc[0] == ["literacy", "unemployment"]
    assert res.excluded["n_missing"].tolist() == [2]
    assert res.ranks["morris"].tolist() == [1, 2, 3, 4]
    # the gap is only counted for chosen indicators
    res_income = rk.rank_all_methods(table, {"income": 1})
    assert res_income.excluded.empty and "E" in res_income.ranks.index


def test_check_coverage_lists_pairs():
    table = pd.DataFrame({"a": [1.0, np.nan, 3.0], "b": [np.nan, np.nan, 1.0]}, index=list("xyz"))
    gaps = rk.check_coverage(table)
    pairs = set(zip(gaps["county"], gaps["indicator"], strict=True))
    assert pairs == {("x", "b"), ("y", "a"), ("y", "b")}
    assert rk.check_coverage(table, ["a"])["county"].tolist() == ["y"]


def test_scoring_refuses_nan(obvious):
    table = obvious.copy()
    table.loc["B", "income"] = np.nan
    for func in rk.METHODS.values():
        with pytest.raises(ValueError, match="missing for counties"):
            func(table, SPEC)


def test_ties_share_min_rank(obvious):
    table = obvious.copy()
    table.loc["C"] = table.loc["B"]
    res = rk.rank_all_methods(table, SPEC)
    for method in res.ranks.columns:
        assert res.ranks[method].tolist() == [1, 2, 2, 4]


def test_stability_when_methods_disagree():
    # morris and zscore weigh the outlier differently: check columns are consistent
    table = pd.DataFrame(
        {"a": [10.0, 9.0, 0.0, 8.0, 1.0], "b": [0.0, 4.0, 10.0, 3.0, 6.0]}, index=list("pqrst")
    )
    res = rk.rank_all_methods(table, {"a": 1, "b": 1})
    stab = res.stability
    assert (stab["spread"] == stab["worst_rank"] - stab["best_rank"]).all()
    assert stab["mean_rank"].tolist() == pytest.approx(res.ranks.mean(axis=1).tolist())
    assert stab["best_rank"].tolist() == res.ranks.min(axis=1).tolist()


def test_method_options_and_subset(obvious):
    res = rk.rank_all_methods(
        obvious, SPEC, {"topsis": {"weighting": "entropy"}}, methods=["topsis", "morris"]
    )
    assert list(res.scores.columns) == ["topsis", "morris"]
    expected = rk.topsis(obvious, SPEC, weighting="entropy")
    assert res.scores["topsis"].tolist() == pytest.approx(expected.tolist())
    with pytest.raises(ValueError, match="unknown method"):
        rk.rank_all_methods(obvious, SPEC, methods=["vikor"])


# ---------------------------------------------------------------------------
# Spec and input validation
# ---------------------------------------------------------------------------


def test_normalise_spec_forms():
    as_dicts = rk.normalise_spec({"a": {"direction": 1, "weight": 3}, "b": {"direction": -1}})
    as_tuples = rk.normalise_spec({"a": (1, 3), "b": (-1, 1)})
    as_frame = rk.normalise_spec(pd.DataFrame({"direction": [1, -1], "weight": [3, 1]}, ["a", "b"]))
    for spec in (as_dicts, as_tuples, as_frame):
        assert spec["direction"].tolist() == [1, -1]
        assert spec["weight"].tolist() == pytest.approx([0.75, 0.25])


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ({"literacy": 2}, "direction"),
        ({"literacy": (1, -1.0)}, "non-negative"),
        ({"literacy": (1, 0.0)}, "sum to zero"),
        ({"missing_column": 1}, "lack columns"),
        ({}, "no indicator"),
    ],
)
def test_bad_spec(obvious, spec, message):
    with pytest.raises(ValueError, match=message):
        rk.zscore_sum(obvious, spec)


def test_constant_indicator_rejected(obvious):
    with pytest.raises(ValueError, match="same value"):
        rk.morris_index(obvious.assign(literacy=50.0), SPEC)


# ---------------------------------------------------------------------------
# Properties
# ---------------------------------------------------------------------------

FAST = settings(max_examples=40, deadline=None)
_value = st.floats(min_value=-1e4, max_value=1e4, allow_nan=False, allow_subnormal=False)


@st.composite
def tables(draw):
    n = draw(st.integers(3, 12))
    m = draw(st.integers(1, 4))
    data = draw(
        st.lists(st.lists(_value, min_size=n, max_size=n, unique=True), min_size=m, max_size=m)
    )
    frame = pd.DataFrame({f"i{j}": col for j, col in enumerate(data)})
    directions = draw(st.lists(st.sampled_from([1, -1]), min_size=m, max_size=m))
    return frame, dict(zip(frame.columns, directions, strict=True))


@FAST
@given(tables())
def test_entropy_weights_sum_to_one(data):
    frame, spec = data
    w = rk.entropy_weights(frame, spec)
    assert w.sum() == pytest.approx(1.0)
    assert (w >= 0).all()


@FAST
@given(tables())
def test_topsis_closeness_in_unit_interval(data):
    frame, spec = data
    for weighting in ("spec", "entropy"):
        c = rk.topsis(frame, spec, weighting=weighting)
        assert ((c >= -1e-12) & (c <= 1 + 1e-12)).all()


@FAST
@given(tables())
def test_morris_in_range_and_ranks_complete(data):
    frame, spec = data
    res = rk.rank_all_methods(frame, spec)
    assert ((res.scores["morris"] >= 0) & (res.scores["morris"] <= 100 + 1e-9)).all()
    assert (res.ranks.min() == 1).all()
    assert res.ranks.shape == (len(frame), 4)
    assert ((res.consensus >= 0) & (res.consensus <= 1)).all()


# ---------------------------------------------------------------------------
# Delta ranking
# ---------------------------------------------------------------------------


def test_delta_ranking_signs(obvious):
    later = obvious.copy()
    later.loc["B"], later.loc["A"] = obvious.loc["A"], obvious.loc["B"]  # A and B swap
    out = rk.delta_ranking({1401: later, 1400: obvious}, SPEC, "morris")
    assert out["year"].unique().tolist() == [1400, 1401]
    year2 = out[out["year"] == 1401].set_index("county")
    # A: rank 1 -> 2, change = previous - current = -1 (moved down); B: 2 -> 1, +1 (moved up)
    assert year2.loc["A", "rank"] == 2 and year2.loc["A", "rank_change"] == -1
    assert year2.loc["B", "rank"] == 1 and year2.loc["B", "rank_change"] == 1
    assert year2.loc["C", "rank_change"] == 0
    assert out[out["year"] == 1400]["rank_change"].isna().all()


def test_delta_ranking_excluded_year(obvious):
    later = obvious.copy()
    later.loc["D", "income"] = np.nan
    out = rk.delta_ranking({1400: obvious, 1401: later}, SPEC, "zscore_sum")
    d = out[(out["year"] == 1401) & (out["county"] == "D")].iloc[0]
    assert bool(d["excluded"]) and pd.isna(d["rank"]) and pd.isna(d["rank_change"])
    with pytest.raises(ValueError, match="unknown method"):
        rk.delta_ranking({1400: obvious}, SPEC, "nope")
