"""Tests for analytics.balance: hand-computed examples, cross-checks and properties."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analytics import balance as bal

LN2, LN3 = math.log(2), math.log(3)


# ---------------------------------------------------------------------------
# Hand-computed textbook examples
# ---------------------------------------------------------------------------


def test_gini_unweighted_textbook():
    # y = [1,2,3,4], mu = 2.5.  Ordered-pair |differences|: unordered pairs sum to
    # 1+2+3+1+2+1 = 10, so the double sum is 20.  G = 20 / (2 * 4^2 * 2.5) = 20/80 = 0.25
    assert bal.gini_unweighted([1, 2, 3, 4]) == pytest.approx(0.25)
    # one unit holds everything among 4: pairs (0,4) x3 -> 12*2 = 24; G = 24/(2*16*1) = 0.75
    assert bal.gini_unweighted([0, 0, 0, 4]) == pytest.approx(0.75)
    assert bal.gini_unweighted([5, 5, 5]) == 0.0


def test_gini_weighted_equal_population():
    # Lorenz points L = 0, .1, .3, .6, 1 with dP = .25; sum(L_k + L_k-1) = .1+.4+.9+1.6 = 3.0
    # G = 1 - .25 * 3.0 = 0.25 (same as the unweighted value)
    assert bal.gini_weighted([1, 2, 3, 4], [1, 1, 1, 1]) == pytest.approx(0.25)


def test_gini_weighted_unequal_population():
    # x = [2, 2], p = [1, 3]: y = [2, 2/3].  Sorted by y: unit 2 first.
    # P = 0, .75, 1;  L = 0, .5, 1.  G = 1 - [.75*(.5+0) + .25*(1+.5)] = 1 - .75 = 0.25
    # check: weighted mean difference sum w_i w_j |y_i-y_j| / (2 ybar)
    #        = 2*.25*.75*(4/3) / (2*1) = 0.25
    assert bal.gini_weighted([2, 2], [1, 3]) == pytest.approx(0.25)


def test_lorenz_curve_points_and_labels():
    # same data: sorted by per-capita -> b (2/3) then a (2)
    curve = bal.lorenz_curve([2, 2], [1, 3], labels=["a", "b"])
    assert curve["cum_population_share"].tolist() == pytest.approx([0, 0.75, 1])
    assert curve["cum_x_share"].tolist() == pytest.approx([0, 0.5, 1])
    assert curve["label"].tolist()[1:] == ["b", "a"]
    assert "label" not in bal.lorenz_curve([2, 2], [1, 3]).columns


def test_hoover_textbook():
    # x = [1, 3], p = [1, 1]: s = [.25, .75], w = [.5, .5] -> .5 * (.25 + .25) = .25
    assert bal.hoover_index([1, 3], [1, 1]) == pytest.approx(0.25)
    # x = [2, 2], p = [1, 3]: s = [.5, .5], w = [.25, .75] -> .5 * (.25 + .25) = .25
    assert bal.hoover_index([2, 2], [1, 3]) == pytest.approx(0.25)
    # all X in a county with 10% of people: .5 * (.9 + .9) = .9
    assert bal.hoover_index([0, 5], [9, 1]) == pytest.approx(0.9)


def test_centre_share_textbook():
    # x = [6, 2, 2], p = [2, 4, 4], centre = first: share_x = 6/10, share_pop = 2/10, ratio 3
    res = bal.centre_share([6, 2, 2], [2, 4, 4], [True, False, False])
    assert res.share_of_x == pytest.approx(0.6)
    assert res.share_of_population == pytest.approx(0.2)
    assert res.ratio == pytest.approx(3.0)


def test_theil_two_units():
    # x = [1, 3], p = [1, 1]: s = [.25, .75], w = [.5, .5]
    # T = .25 ln(.25/.5) + .75 ln(.75/.5) = -.25 ln2 + .75 ln1.5  (= 0.130812...)
    t_hand = -0.25 * LN2 + 0.75 * math.log(1.5)
    # L = .5 ln(.5/.25) + .5 ln(.5/.75) = .5 ln2 + .5 ln(2/3) = .5 ln(4/3)  (= 0.143841...)
    l_hand = 0.5 * math.log(4 / 3)
    assert bal.theil_t([1, 3], [1, 1]) == pytest.approx(t_hand)
    assert bal.theil_l([1, 3], [1, 1]) == pytest.approx(l_hand)
    assert bal.theil_t_unweighted([1, 3]) == pytest.approx(t_hand)
    assert bal.theil_l_unweighted([1, 3]) == pytest.approx(l_hand)
    assert t_hand == pytest.approx(0.130812, abs=1e-6)


def test_theil_weighted_differs_from_unweighted():
    # x = [2, 2], p = [1, 3]: s = [.5, .5], w = [.25, .75]
    # T = .5 ln(.5/.25) + .5 ln(.5/.75) = .5 ln2 + .5 ln(2/3) = .5 ln(4/3)
    assert bal.theil_t([2, 2], [1, 3]) == pytest.approx(0.5 * math.log(4 / 3))
    # L = .25 ln(.25/.5) + .75 ln(.75/.5) = -.25 ln2 + .75 ln1.5
    assert bal.theil_l([2, 2], [1, 3]) == pytest.approx(-0.25 * LN2 + 0.75 * math.log(1.5))
    assert bal.theil_t_unweighted([2, 2]) == 0.0


def test_theil_zero_conventions():
    # x = [0, 1], p = [1, 1]: T = 0*ln0 + 1*ln(1/.5) = ln2;  L = .5 ln(.5/0) -> inf
    assert bal.theil_t([0, 1], [1, 1]) == pytest.approx(LN2)
    assert bal.theil_l([0, 1], [1, 1]) == math.inf
    assert bal.theil_l_unweighted([0, 1]) == math.inf


def test_theil_decomposition_t_by_hand():
    # x = [1,1,2,4], p = 1 each, groups a,a,b,b.  s = [1/8,1/8,1/4,1/2], w = 1/4 each.
    # total T = 2*(1/8)ln(1/2) + (1/4)ln1 + (1/2)ln2 = .25 ln2
    # S = (.25, .75), W = (.5, .5): between = .25 ln .5 + .75 ln 1.5
    # T_a = 0; T_b: shares (1/3, 2/3) vs (1/2, 1/2) -> 1/3 ln(2/3) + 2/3 ln(4/3)
    # within = .75 * T_b
    dec = bal.theil_decomposition([1, 1, 2, 4], [1, 1, 1, 1], ["a", "a", "b", "b"], "T")
    t_b = (1 / 3) * math.log(2 / 3) + (2 / 3) * math.log(4 / 3)
    assert dec.total == pytest.approx(0.25 * LN2)
    assert dec.between == pytest.approx(0.25 * math.log(0.5) + 0.75 * math.log(1.5))
    assert dec.within == pytest.approx(0.75 * t_b)
    groups = dec.by_group.set_index("group")
    assert groups.loc["a", "within_theil"] == pytest.approx(0.0)
    assert groups.loc["b", "within_theil"] == pytest.approx(t_b)
    assert groups.loc["b", "contribution"] == pytest.approx(0.75 * t_b)
    assert groups["share_x"].tolist() == pytest.approx([0.25, 0.75])
    assert groups["share_pop"].tolist() == pytest.approx([0.5, 0.5])


def test_theil_decomposition_l_by_hand():
    # same data.  total L = .25 (ln2 + ln2 + ln1 + ln.5) = .25 ln2
    # between = .5 ln(.5/.25) + .5 ln(.5/.75) = .5 ln2 + .5 ln(2/3)
    # L_b = .5 ln(.5/(1/3)) + .5 ln(.5/(2/3)) = .5 ln1.5 + .5 ln.75 = .5 ln(1.125)
    # within = W_b * L_b = .25 ln(1.125)
    dec = bal.theil_decomposition([1, 1, 2, 4], [1, 1, 1, 1], ["a", "a", "b", "b"], "L")
    assert dec.total == pytest.approx(0.25 * LN2)
    assert dec.between == pytest.approx(0.5 * LN2 + 0.5 * math.log(2 / 3))
    assert dec.within == pytest.approx(0.25 * math.log(1.125))
    assert dec.index == "L"


def test_theil_decomposition_rejects_bad_index():
    with pytest.raises(ValueError, match="index"):
        bal.theil_decomposition([1, 2], [1, 1], ["a", "b"], "Q")


def test_williamson_textbook():
    # x = [2, 2], p = [1, 3]: y = [2, 2/3], ybar = 4/4 = 1
    # variance = .25*(2-1)^2 + .75*(2/3-1)^2 = .25 + .75/9 = 1/3 -> V = sqrt(1/3)
    assert bal.williamson_coefficient([2, 2], [1, 3]) == pytest.approx(math.sqrt(1 / 3))


def test_cv_unweighted_textbook():
    # [1,2,3,4]: mean 2.5, var = (2.25+.25+.25+2.25)/4 = 1.25 -> CV = sqrt(1.25)/2.5 = sqrt(.2)
    assert bal.coefficient_of_variation_unweighted([1, 2, 3, 4]) == pytest.approx(math.sqrt(0.2))


def test_hhi_textbook():
    # x = [1,1,2]: s = [.25,.25,.5] -> .0625 + .0625 + .25 = .375
    # normalised: (.375 - 1/3) / (1 - 1/3) = (1/24) / (2/3) = 1/16
    assert bal.hhi([1, 1, 2]) == pytest.approx(0.375)
    assert bal.hhi_normalised([1, 1, 2]) == pytest.approx(1 / 16)
    assert bal.hhi([7, 7, 7, 7]) == pytest.approx(0.25)
    assert bal.hhi_normalised([0, 0, 3]) == pytest.approx(1.0)
    with pytest.raises(ValueError, match="at least 2"):
        bal.hhi_normalised([3])


def test_top_bottom_ratio_equal_population():
    # x = [1,4,9,16], p = 1 each (25% each).  share .2: bottom = 80% of unit 1 -> y 1,
    # top = 80% of unit 4 -> y 16; ratio 16.
    assert bal.top_bottom_ratio([1, 4, 9, 16], [1, 1, 1, 1]) == pytest.approx(16.0)
    # share .3: bottom = .25*1 + .05*4 = .45 (per .3 people), top = .25*16 + .05*9 = 4.45
    # ratio = 4.45 / .45 = 89/9
    assert bal.top_bottom_ratio([1, 4, 9, 16], [1, 1, 1, 1], share=0.3) == pytest.approx(89 / 9)


def test_top_bottom_ratio_unequal_population():
    # x = [2,6,12], p = [2,3,4]: y = [1,2,3], P = 9.  share .5 -> 4.5 people each side.
    # bottom: all of unit 1 (2 people, x 2) + 2.5 people of unit 2 (x 5) -> X = 7
    # top: all of unit 3 (4 people, x 12) + .5 person of unit 2 (x 1) -> X = 13
    # ratio = (13/4.5) / (7/4.5) = 13/7
    assert bal.top_bottom_ratio([2, 6, 12], [2, 3, 4], share=0.5) == pytest.approx(13 / 7)


def test_top_bottom_ratio_zero_bottom_and_bad_share():
    assert bal.top_bottom_ratio([0, 5, 5, 5, 5], [1, 1, 1, 1, 1]) == math.inf
    with pytest.raises(ValueError, match="share"):
        bal.top_bottom_ratio([1, 2], [1, 1], share=0.7)


def test_per_capita_range_textbook():
    # x = [2,6,12], p = [2,3,4] -> y = [1,2,3]: difference 2, ratio 3
    res = bal.per_capita_range([2, 6, 12], [2, 3, 4])
    assert (res.minimum, res.maximum) == pytest.approx((1.0, 3.0))
    assert res.difference == pytest.approx(2.0)
    assert res.ratio == pytest.approx(3.0)
    assert bal.per_capita_range([0, 1], [1, 1]).ratio == math.inf


def test_need_alignment_textbook():
    assert bal.need_alignment([1, 2, 3, 4], [10, 20, 30, 40]).rho == pytest.approx(1.0)
    assert bal.need_alignment([1, 2, 3, 4], [40, 30, 20, 10]).rho == pytest.approx(-1.0)
    # ties: ranks a = [1, 2.5, 2.5, 4], b = [1, 2, 3, 4]; deviations da = [-1.5,0,0,1.5],
    # db = [-1.5,-.5,.5,1.5]; sum da*db = 4.5, sum da^2 = 4.5, sum db^2 = 5
    # rho = 4.5 / sqrt(4.5*5) = sqrt(.9)
    res = bal.need_alignment([1, 2, 2, 3], [1, 2, 3, 4])
    assert res.rho == pytest.approx(math.sqrt(0.9))
    assert res.n == 4


def test_need_alignment_rejects_constant_and_short():
    with pytest.raises(ValueError, match="constant"):
        bal.need_alignment([1, 1, 1], [1, 2, 3])
    with pytest.raises(ValueError, match="at least 3"):
        bal.need_alignment([1, 2], [1, 2])


# ---------------------------------------------------------------------------
# Cross-checks against the textbook definitions (brute force)
# ---------------------------------------------------------------------------


def _gini_double_sum(y: np.ndarray) -> float:
    return float(np.abs(y[:, None] - y[None, :]).sum() / (2 * y.size**2 * y.mean()))


def _theil_t_textbook(x: np.ndarray, p: np.ndarray) -> float:
    y, ybar, w = x / p, x.sum() / p.sum(), p / p.sum()
    r = y / ybar
    return float(sum(wi * ri * math.log(ri) for wi, ri in zip(w, r, strict=True) if ri > 0))


def test_cross_checks_random():
    rng = np.random.default_rng(20240601)
    for _ in range(20):
        n = int(rng.integers(2, 30))
        x = rng.gamma(2.0, 10.0, n)
        p = rng.uniform(1e3, 1e6, n)
        assert bal.gini_unweighted(x) == pytest.approx(_gini_double_sum(x))
        assert bal.theil_t(x, p) == pytest.approx(_theil_t_textbook(x, p))
        assert bal.theil_t_unweighted(x) == pytest.approx(_theil_t_textbook(x, np.ones(n)))
        # equal populations: weighted Gini of per-capita == unweighted Gini
        assert bal.gini_weighted(x, np.full(n, 7.0)) == pytest.approx(bal.gini_unweighted(x))


# ---------------------------------------------------------------------------
# Input validation and missing data
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("x", "p", "message"),
    [
        ([1, -2, 3], [1, 1, 1], "negative"),
        ([0, 0, 0], [1, 1, 1], "sums to zero"),
        ([1, 2, 3], [1, 1], "length mismatch"),
        ([1, float("nan"), 3], [1, 1, 1], "NaN"),
        ([1, 2, 3], [1, float("nan"), 1], "NaN"),
        ([1, 2, 3], [1, 0, 1], "positive"),
        ([], [], "empty"),
    ],
)
def test_validation_errors(x, p, message):
    for func in (bal.hoover_index, bal.gini_weighted, bal.theil_t, bal.williamson_coefficient):
        with pytest.raises(ValueError, match=message):
            func(x, p)


def test_unweighted_validation_errors():
    with pytest.raises(ValueError, match="negative"):
        bal.gini_unweighted([1, -1])
    with pytest.raises(ValueError, match="NaN"):
        bal.theil_t_unweighted([1, float("nan")])
    with pytest.raises(ValueError, match="sums to zero"):
        bal.coefficient_of_variation_unweighted([0, 0])


def test_centre_share_validation():
    with pytest.raises(ValueError, match="no unit"):
        bal.centre_share([1, 2], [1, 1], [False, False])
    with pytest.raises(ValueError, match="boolean"):
        bal.centre_share([1, 2], [1, 1], ["yes", "no"])
    with pytest.raises(ValueError, match="length mismatch"):
        bal.centre_share([1, 2], [1, 1], [True])


def test_series_are_aligned_by_index():
    x = pd.Series([1.0, 3.0, 6.0], index=["a", "b", "c"])
    p = pd.Series([3.0, 1.0, 2.0], index=["c", "a", "b"])  # same data, shuffled
    p_sorted = p.reindex(x.index)
    assert bal.theil_t(x, p) == pytest.approx(bal.theil_t(x.to_numpy(), p_sorted.to_numpy()))
    assert bal.gini_weighted(x, p) == pytest.approx(bal.gini_weighted(x.values, p_sorted.values))
    with pytest.raises(ValueError, match="different index"):
        bal.hoover_index(x, pd.Series([1.0, 1.0, 1.0], index=["a", "b", "z"]))


def test_complete_cases_reports_dropped():
    res = bal.complete_cases([1.0, float("nan"), 3.0, 4.0], [1, 1, None, 2], ["a", "b", "c", "d"])
    assert res.labels == ["a", "d"]
    assert res.dropped == ["b", "c"]
    assert res.x.tolist() == [1.0, 4.0]
    assert res.population.tolist() == [1.0, 2.0]
    assert (res.n_kept, res.n_total) == (2, 4)


def test_complete_cases_uses_series_index():
    x = pd.Series([1.0, np.nan], index=["isf", "kash"])
    res = bal.complete_cases(x, pd.Series([5.0, 6.0], index=["isf", "kash"]))
    assert res.dropped == ["kash"]


def test_balance_summary_table():
    x, p = [10, 20, 30, 40, 100], [5, 10, 10, 20, 15]
    centre = [False, False, False, False, True]
    table = bal.balance_summary(x, p, centre)
    assert list(table.columns) == ["measure_id", "value", "weighted", "n_units"]
    ids = set(table["measure_id"])
    expected = {
        "centre_share_x", "centre_share_population", "centre_ratio", "hoover",
        "gini_weighted", "gini_unweighted", "theil_t", "theil_l", "theil_t_between",
        "theil_t_within", "williamson", "hhi", "top_bottom_ratio", "range_ratio",
    }  # fmt: skip
    assert expected <= ids
    assert table["measure_id"].is_unique
    value = table.set_index("measure_id")["value"]
    # centre: x share 100/200 = .5, population share 15/60 = .25, ratio 2
    assert value["centre_share_x"] == pytest.approx(0.5)
    assert value["centre_ratio"] == pytest.approx(2.0)
    assert value["hoover"] == pytest.approx(bal.hoover_index(x, p))
    assert value["theil_t_between"] + value["theil_t_within"] == pytest.approx(value["theil_t"])
    assert table["n_units"].eq(5).all()
    assert table["weighted"].dtype == bool
    weighted = table.set_index("measure_id")["weighted"]
    assert weighted["gini_weighted"] and not weighted["gini_unweighted"]


def test_balance_summary_names_missing_labels():
    with pytest.raises(ValueError, match="kashan"):
        bal.balance_summary(
            [1.0, float("nan")], [1, 1], [True, False], labels=["isfahan", "kashan"]
        )


# ---------------------------------------------------------------------------
# Properties (hypothesis)
# ---------------------------------------------------------------------------

FAST = settings(max_examples=60, deadline=None)
_x = st.floats(min_value=0.0, max_value=1e6, allow_nan=False, allow_subnormal=False)
_x_pos = st.floats(min_value=1e-3, max_value=1e6, allow_nan=False, allow_subnormal=False)
_p = st.floats(min_value=1.0, max_value=1e7, allow_nan=False, allow_subnormal=False)


@st.composite
def units(draw, x_strategy=_x, min_size=2, max_size=30):
    """(x, population) arrays of equal length with X > 0."""
    n = draw(st.integers(min_size, max_size))
    x = np.array(draw(st.lists(x_strategy, min_size=n, max_size=n)))
    p = np.array(draw(st.lists(_p, min_size=n, max_size=n)))
    if x.sum() <= 0:
        x[0] = 1.0
    return x, p


@FAST
@given(units(), st.floats(min_value=1e-3, max_value=1e3))
def test_scale_invariance(data, c):
    x, p = data
    for func in (bal.gini_weighted, bal.theil_t, bal.hoover_index, bal.williamson_coefficient):
        assert func(x * c, p) == pytest.approx(func(x, p), rel=1e-7, abs=1e-10)
    assert bal.gini_unweighted(x * c) == pytest.approx(bal.gini_unweighted(x), rel=1e-7, abs=1e-10)


@FAST
@given(units(_x_pos), st.integers(2, 4))
def test_replication_invariance(data, k):
    x, p = data
    xk, pk = np.tile(x, k), np.tile(p, k)
    for func in (bal.gini_weighted, bal.theil_t, bal.theil_l):
        assert func(xk, pk) == pytest.approx(func(x, p), rel=1e-7, abs=1e-10)


@FAST
@given(units(_x_pos), st.data())
def test_theil_decomposition_identity(data, draw):
    x, p = data
    groups = draw.draw(st.lists(st.sampled_from("abc"), min_size=x.size, max_size=x.size))
    for index in ("T", "L"):
        dec = bal.theil_decomposition(x, p, groups, index)
        assert dec.total == pytest.approx(dec.between + dec.within, rel=1e-9, abs=1e-12)
        assert dec.between >= 0 and dec.within >= 0
        assert dec.by_group["contribution"].sum() == pytest.approx(dec.within, abs=1e-12)
        assert dec.by_group["share_pop"].sum() == pytest.approx(1.0)


@FAST
@given(units())
def test_theil_t_decomposition_identity_with_zeros(data):
    x, p = data
    groups = np.arange(x.size) % 2
    dec = bal.theil_decomposition(x, p, groups, "T")
    assert dec.total == pytest.approx(dec.between + dec.within, rel=1e-9, abs=1e-12)


@FAST
@given(units())
def test_gini_bounds(data):
    x, p = data
    assert 0.0 <= bal.gini_weighted(x, p) < 1.0
    assert 0.0 <= bal.gini_unweighted(x) < 1.0


@FAST
@given(units())
def test_theil_non_negative(data):
    x, p = data
    assert bal.theil_t(x, p) >= 0.0
    assert bal.theil_l(x, p) >= 0.0
    assert bal.theil_t_unweighted(x) >= 0.0


@FAST
@given(st.lists(_p, min_size=1, max_size=30), st.floats(min_value=1e-3, max_value=1e3))
def test_theil_zero_when_proportional(pops, c):
    p = np.array(pops)
    x = c * p
    assert bal.theil_t(x, p) == pytest.approx(0.0, abs=1e-12)
    assert bal.theil_l(x, p) == pytest.approx(0.0, abs=1e-12)
    assert bal.hoover_index(x, p) == pytest.approx(0.0, abs=1e-12)


@FAST
@given(units())
def test_hoover_and_hhi_bounds(data):
    x, p = data
    assert 0.0 <= bal.hoover_index(x, p) <= 1.0
    n = x.size
    assert 1.0 / n - 1e-12 <= bal.hhi(x) <= 1.0 + 1e-12
    assert 0.0 <= bal.hhi_normalised(x) <= 1.0 + 1e-12


@FAST
@given(units(_x_pos))
def test_lorenz_curve_shape(data):
    x, p = data
    curve = bal.lorenz_curve(x, p)
    assert len(curve) == x.size + 1
    assert curve.iloc[0].tolist() == [0.0, 0.0]
    assert curve.iloc[-1].tolist() == [1.0, 1.0]
    # convex: below the diagonal and slopes (per-capita values) non-decreasing
    assert (curve["cum_x_share"] <= curve["cum_population_share"] + 1e-12).all()
    assert curve["cum_population_share"].is_monotonic_increasing


@FAST
@given(units(_x_pos), st.floats(min_value=0.05, max_value=0.5))
def test_top_bottom_ratio_at_least_one(data, share):
    x, p = data
    assert bal.top_bottom_ratio(x, p, share) >= 1.0 - 1e-9
