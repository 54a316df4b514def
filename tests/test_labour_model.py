"""The labour-market model of new jobs (assumptions, not facts): hand-computed cases, the
closed-form condition for a RISING unemployment rate, and refused inputs."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import i18n  # noqa: F401  (registers the catalogue wording of problems)
from analytics.labour_model import (
    DEFAULT_ASSUMPTIONS,
    INDUSTRIAL_COUNTIES,
    LabourModelError,
    check_assumption,
    default_parameters,
    labour_effect,
    rate_rise_threshold,
    unemployment_rate_rises,
)


def test_hand_computed_other_county():
    # J=100 new jobs, U=1000, LF=10000, P=30000, m=0.3, k=0.5
    out = labour_effect([100], [1000], [10000], [30000], 0.3, 0.5, [-2.0]).iloc[0]
    assert out["local_hires"] == pytest.approx(70)          # J(1-m)
    assert out["in_migrant_workers"] == pytest.approx(30)   # Jm
    assert out["followers"] == pytest.approx(15)            # Jmk
    assert out["unemployed_new"] == pytest.approx(945)      # 1000 - 70 + 15
    assert out["labour_force_new"] == pytest.approx(10045)  # 10000 + 30 * 1.5
    assert out["unemployment_rate"] == pytest.approx(10.0)
    assert out["unemployment_rate_new"] == pytest.approx(100 * 945 / 10045)
    assert out["unemployment_rate_change"] == pytest.approx(100 * 945 / 10045 - 10)
    assert out["migrants_added"] == pytest.approx(45)
    assert out["net_migration_rate_added"] == pytest.approx(1.5)  # 1000 * 45 / 30000
    assert out["net_migration_rate_new"] == pytest.approx(-0.5)
    assert not out["local_hires_capped"]


def test_hand_computed_industrial_county_rate_rises():
    # Industrial defaults m=0.6, k=1: J=1000, U=900, LF=10000 (9 %).
    # U' = 900 - 400 + 600 = 1100; LF' = 10000 + 600*2 = 11200; rate' = 9.821 % > 9 %.
    out = labour_effect([1000], [900], [10000], [50000], 0.6, 1.0).iloc[0]
    assert out["unemployed_new"] == pytest.approx(1100)
    assert out["labour_force_new"] == pytest.approx(11200)
    assert out["unemployment_rate_new"] == pytest.approx(100 * 1100 / 11200)
    assert out["unemployment_rate_new"] > out["unemployment_rate"]


def test_zero_jobs_change_nothing_exactly():
    out = labour_effect([0.0], [1234.5], [9876.0], [40000], 0.6, 1.0, [3.25]).iloc[0]
    assert out["unemployed_new"] == 1234.5 and out["labour_force_new"] == 9876.0
    assert out["unemployment_rate_change"] == 0.0
    assert out["net_migration_rate_new"] == 3.25


def test_threshold_closed_form():
    # u* = 1 - 1/(m(1+k)): m=0.6, k=1 -> 1/6 = 16.67 %
    assert rate_rise_threshold(0.6, 1.0) == pytest.approx(100 / 6)
    assert rate_rise_threshold(0.3, 0.5) < 0          # m(1+k) = 0.45 <= 1: never rises
    assert rate_rise_threshold(0.0, 3.0) == -math.inf
    assert rate_rise_threshold(0.5, 1.0) == pytest.approx(0.0)  # m(1+k) = 1: never rises


@pytest.mark.parametrize("m, k", [(0.6, 1.0), (0.9, 2.0), (0.8, 0.5)])
def test_rate_rises_below_threshold_and_falls_above(m, k):
    """Both sides of (m(1+k) - 1)·LF > U·m(1+k), i.e. u < u* = 1 - 1/(m(1+k))."""
    threshold = rate_rise_threshold(m, k)
    lf, jobs = 100_000.0, 500.0
    for rate, rises in ((threshold - 1, True), (threshold + 1, False)):
        if not 0 < rate < 100:
            continue
        out = labour_effect([jobs], [lf * rate / 100], [lf], None, m, k).iloc[0]
        assert not out["local_hires_capped"]
        assert bool(out["unemployment_rate_new"] > out["unemployment_rate"]) is rises
        assert unemployment_rate_rises(m, k, rate) is rises
    # exactly at the threshold the rate does not move
    out = labour_effect([jobs], [lf * threshold / 100], [lf], None, m, k).iloc[0]
    assert out["unemployment_rate_new"] == pytest.approx(threshold, abs=1e-9)


@settings(max_examples=200, deadline=None)
@given(m=st.floats(0.01, 1), k=st.floats(0, 10), rate=st.floats(0.5, 60),
       lf=st.floats(1_000, 2_000_000), share=st.floats(0.0001, 0.05))
def test_closed_form_condition_matches_the_model(m, k, rate, lf, share):
    unemployed = lf * rate / 100
    jobs = share * unemployed  # small enough that local hires are not capped
    product = m * (1 + k)
    lhs, rhs = (product - 1) * lf, unemployed * product
    if abs(lhs - rhs) <= 1e-6 * max(abs(lhs), abs(rhs), 1):
        return  # on the boundary: float noise decides
    out = labour_effect([jobs], [unemployed], [lf], None, m, k).iloc[0]
    assert (out["unemployment_rate_new"] > out["unemployment_rate"]) == (lhs > rhs)
    assert unemployment_rate_rises(m, k, rate) == (lhs > rhs)


def test_local_hires_capped_at_unemployed():
    # J(1-m) = 700 > U = 100: local hires 100, U' = 0 + J·m·k = 150
    out = labour_effect([1000], [100], [5000], [20000], 0.3, 0.5).iloc[0]
    assert out["local_hires_capped"] and out["local_hires"] == 100
    assert out["unemployed_new"] == pytest.approx(150)


def test_missing_data_gives_nan_not_error():
    out = labour_effect([10, 10], [np.nan, 50], [np.nan, 1000], [np.nan, 3000], 0.3, 0.5)
    assert np.isnan(out["unemployment_rate_new"].iloc[0])
    assert np.isfinite(out["unemployment_rate_new"].iloc[1])
    assert np.isnan(out["net_migration_rate_added"].iloc[0])


def test_vectorised_with_series_index_and_per_county_parameters():
    index = pd.Index(["lenjan", "nain"], name="code")
    out = labour_effect(pd.Series([100.0, 100.0], index), [1000, 1000], [10000, 10000],
                        [30000, 30000], [0.6, 0.3], [1.0, 0.5])
    assert list(out.index) == ["lenjan", "nain"]
    assert out.loc["lenjan", "unemployed_new"] == pytest.approx(1000 - 40 + 60)
    assert out.loc["nain", "unemployed_new"] == pytest.approx(1000 - 70 + 15)


@pytest.mark.parametrize("kwargs, field, rule", [
    ({"m": 1.5}, "m", "out_of_range"),
    ({"m": -0.1}, "m", "out_of_range"),
    ({"k": -1.0}, "k", "negative"),
    ({"k": 11.0}, "k", "out_of_range"),
    ({"m": float("nan")}, "m", "not_number"),
    ({"jobs": [-5]}, "jobs", "negative"),
    ({"unemployed": [-1]}, "unemployed", "negative"),
    ({"labour_force": [0]}, "labour_force", "not_positive"),
    ({"unemployed": [2000]}, "unemployed", "unemployed_above_labour_force"),
    ({"population": [0]}, "population", "not_positive"),
])
def test_impossible_values_are_refused(kwargs, field, rule):
    args = {"jobs": [10], "unemployed": [100], "labour_force": [1000], "population": [5000],
            "m": 0.3, "k": 0.5}
    args.update(kwargs)
    with pytest.raises(LabourModelError) as info:
        labour_effect(**args)
    assert (field, rule) in {(p.field, p.rule) for p in info.value.problems}


def test_every_problem_is_reported_at_once():
    with pytest.raises(LabourModelError) as info:
        labour_effect([-1], [100], [1000], None, m=2.0, k=-1.0)
    assert {p.field for p in info.value.problems} == {"jobs", "m", "k"}
    # the one problem type: each worded in the reader's language from the catalogue
    fa = info.value.messages("fa")
    assert len(fa) == 3 and any("منفی" in m for m in fa), fa
    assert any("between 0 and 1" in m for m in info.value.messages("en"))


def test_check_assumption():
    assert check_assumption(0.5, 1.0) == []
    assert check_assumption(None, None) == []
    assert [p.rule for p in check_assumption(True, None)] == ["not_number"]
    assert [p.rule for p in check_assumption("0.5", None)] == ["not_number"]
    assert [p.field for p in check_assumption(1.2, -3)] == ["m", "k"]


def test_default_parameters_by_group():
    params = default_parameters(["isfahan", "lenjan", "najafabad", "nain"])
    assert params.loc["lenjan", "group"] == "industrial"
    assert (params.loc["lenjan", "m"], params.loc["lenjan", "k"]) == (0.6, 1.0)
    assert (params.loc["nain", "m"], params.loc["nain", "k"]) == (0.3, 0.5)
    assert params.loc["isfahan", "group"] == "other"
    assert set(INDUSTRIAL_COUNTIES) == {"lenjan", "mobarakeh", "shahinshahr_va_meymeh",
                                        "borkhar", "najafabad", "khomeynishahr"}
    assert DEFAULT_ASSUMPTIONS["industrial"].m == 0.6


def test_industrial_county_rate_rises_in_a_scenario_on_the_real_data():
    """Completing Lenjan's projects adds jobs; with high m and k its unemployment rate
    RISES, and with the default assumptions of a non-industrial county it falls."""
    from analytics.panel import build_panel
    from analytics.scenario import apply_scenario
    from store.loading import load_dataset

    ds = load_dataset()
    base = build_panel(ds.projects, ds.indicators, ds.counties)
    high = apply_scenario(ds, {"version": 1, "edits": [
        {"type": "set_projects", "filter": {"counties": ["lenjan"]}, "status": "completed"},
        {"type": "assumptions", "counties": ["lenjan"], "m": 0.9, "k": 2.0}]})
    labour = high.labour.loc["lenjan"]
    assert labour["jobs"] > 0
    # u = 18.1 % < u* = 1 - 1/(0.9·3) = 63 %  -> the rate rises
    assert unemployment_rate_rises(0.9, 2.0, labour["unemployment_rate"])
    scen = build_panel(high.projects, high.indicators_adjusted, ds.counties)
    assert scen.loc["lenjan", "unemployment_rate"] > base.loc["lenjan", "unemployment_rate"]
    assert scen.loc["lenjan", "jobs_total"] >= base.loc["lenjan", "jobs_total"]

    low = apply_scenario(ds, {"version": 1, "edits": [
        {"type": "set_projects", "filter": {"counties": ["nain"]}, "status": "completed"}]})
    scen = build_panel(low.projects, low.indicators_adjusted, ds.counties)
    assert low.labour.loc["nain", "jobs"] > 0
    assert scen.loc["nain", "unemployment_rate"] < base.loc["nain", "unemployment_rate"]
