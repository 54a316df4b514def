"""Priorities (issue 15): criteria, picks, robustness, the CLI, the shortlist scenario and
the policy guardrails on scenarios."""

from __future__ import annotations

import argparse
import io
import json

import numpy as np
import pandas as pd
import pytest

from analytics.priorities import (
    CRITERIA,
    PRESETS,
    WeightsError,
    criteria_table,
    eligible,
    parse_weights,
    prioritise,
    shortlist_scenario,
)
from analytics.ranking import topsis_matrix, weighted_sum_matrix
from analytics.scenario import Scenario, apply_scenario, scenario_report
from pishran.priorities_command import run_priorities

GROUP_COUNTIES = {"isfahan", "harand", "varzaneh", "jarqavieh", "kuhpayeh"}


@pytest.fixture(scope="module")
def criteria(ds):
    return criteria_table(ds.projects, ds.indicators, ds.counties)


def _expected_jobs_picks(projects: pd.DataFrame, n: int) -> dict[str, list[str]]:
    """Independently: each county's open projects with the highest jobs per billion rials
    (ties by project id)."""
    open_ = projects[~projects["status"].isin(["completed", "cancelled"])].copy()
    open_["ratio"] = open_["expected_jobs"].astype(float) / open_["budget_billion_rials"]
    open_ = open_.sort_values(["county_code", "ratio", "project_id"],
                              ascending=[True, False, True])
    return {c: list(g["project_id"].head(n)) for c, g in open_.groupby("county_code")}


@pytest.mark.parametrize("method", ["weighted_sum", "topsis"])
@pytest.mark.parametrize("n", [2, 3])
def test_jobs_only_picks_are_the_highest_jobs_per_budget(ds, criteria, method, n):
    result = prioritise(criteria, {"jobs_per_budget": 1}, method, n, draws=200)
    expected = _expected_jobs_picks(ds.projects, n)
    assert {c: sorted(result.picks(c)) for c in expected} == \
        {c: sorted(v) for c, v in expected.items()}
    # one criterion: any rescaling of its weight keeps the order, so every pick is robust
    assert (result.table.loc[result.table["pick"], "robustness"] == 1.0).all()


def test_completed_and_cancelled_are_not_candidates(ds, criteria):
    closed = set(ds.projects.loc[~eligible(ds.projects), "project_id"])
    assert closed  # the embedded registry has some
    assert not closed & set(criteria["project_id"])
    assert len(criteria) == int(eligible(ds.projects).sum())


def test_unknown_criterion_refused_with_the_known_ones():
    with pytest.raises(WeightsError) as err:
        parse_weights({"jobs": 1})
    assert err.value.unknown == ("jobs",)
    for name in CRITERIA:
        assert name in str(err.value)
    with pytest.raises(WeightsError):
        parse_weights({"need": -1})
    with pytest.raises(WeightsError):
        parse_weights({"need": 0})


def test_zero_weight_drops_a_criterion(criteria):
    a = prioritise(criteria, {"jobs_per_budget": 1, "readiness": 0}, draws=50)
    b = prioritise(criteria, {"jobs_per_budget": 1}, draws=50)
    assert (a.table["score"] == b.table["score"]).all()
    assert (a.table["readiness_contribution"] == 0).all()


def test_contributions_add_up_to_the_weighted_sum(criteria):
    result = prioritise(criteria, PRESETS["deputy"], draws=50)
    total = result.table[[f"{c}_contribution" for c in CRITERIA]].sum(axis=1)
    assert np.allclose(total, result.table["score"])
    assert np.isclose(result.weights.sum(), 1.0)
    assert result.weights["strategy_fit"] == max(result.weights)


def test_robustness_equals_a_plain_loop_over_the_draws(criteria):
    """The vectorised robustness against one prioritise() per perturbed weight vector."""
    draws, spread, seed, n = 40, 0.25, 7, 2
    base = np.array([PRESETS["deputy"][c] for c in CRITERIA])
    base = base / base.sum()
    for method in ("weighted_sum", "topsis"):
        result = prioritise(criteria, PRESETS["deputy"], method, n, draws=draws,
                            spread=spread, seed=seed)
        rng = np.random.default_rng(seed)
        factors = rng.uniform(1 - spread, 1 + spread, size=(draws, len(CRITERIA)))
        counts = pd.Series(0.0, index=result.table["project_id"])
        unchanged = pd.Series(0.0, index=result.counties.index)
        for k in range(draws):
            w = base * factors[k]
            one = prioritise(criteria, dict(zip(CRITERIA, w / w.sum())), method, n, draws=0)
            picked = one.table.loc[one.table["pick"], "project_id"]
            counts[picked] += 1
            for county in result.counties.index:
                unchanged[county] += set(one.picks(county)) == set(result.picks(county))
        got = result.table.set_index("project_id")["robustness"]
        assert np.allclose(got, counts.reindex(got.index) / draws), method
        assert np.allclose(result.counties["stable_share"], unchanged / draws), method


def test_batched_topsis_and_sum_equal_one_vector_at_a_time():
    rng = np.random.default_rng(1)
    values = rng.uniform(0, 1, size=(30, 4))
    direction = np.array([1, -1, 1, 1])
    weights = rng.uniform(0.1, 1, size=(5, 4))
    batch = topsis_matrix(values, direction, weights)
    for k in range(5):
        assert np.allclose(batch[k], topsis_matrix(values, direction, weights[k]))
        assert np.allclose(weighted_sum_matrix(values, weights)[k], values @ weights[k])


def test_group_counties_have_no_need_of_their_own(criteria):
    grouped = set(criteria.loc[criteria["need_group"], "county_code"])
    assert grouped == GROUP_COUNTIES & set(criteria["county_code"])
    own = criteria[~criteria["need_group"]]
    assert np.isclose(criteria.loc[criteria["need_group"], "need"].iloc[0],
                      own.drop_duplicates("county_code")["need"].mean())


def test_industry_in_a_migrant_magnet_counts_against_unless_local_hiring(ds, criteria):
    lenjan = criteria[(criteria["county_code"] == "lenjan") & (criteria["sector"] == "industry")]
    if lenjan.empty:  # the registry has none open: add one to a copy
        extra = ds.projects[ds.projects["county_code"] == "lenjan"].head(1).copy()
        extra["project_id"], extra["sector"], extra["status"] = "lenjan-x", "industry", "study"
        projects = pd.concat([ds.projects, extra], ignore_index=True)
    else:
        projects = ds.projects
    plain = criteria_table(projects, ds.indicators, ds.counties)
    local = criteria_table(projects, ds.indicators, ds.counties, local_hiring=["lenjan"])
    pick = (plain["county_code"] == "lenjan") & (plain["sector"] == "industry")
    assert plain.loc[pick, "is_magnet"].all()
    assert (plain.loc[pick, "strategy_fit"] == 0).all()
    assert (plain.loc[pick, "strategy_reason"] == "industry_magnet").all()
    assert (local.loc[pick, "strategy_fit"] == 0.5).all()
    knowledge = plain["sector"] == "knowledge_tech"
    assert (plain.loc[knowledge, "strategy_fit"] == 1).all()


# --- the command line -------------------------------------------------------------------

def _args(**kw) -> argparse.Namespace:
    base = {"json": True, "weights": None, "preset": "deputy", "picks": 3, "county": None,
            "method": "weighted_sum", "draws": 100, "seed": 0, "lang": "en"}
    return argparse.Namespace(**{**base, **kw})


def test_cli_jobs_only_weights_give_the_highest_jobs_per_budget(ds, tmp_path):
    path = tmp_path / "w.json"
    path.write_text(json.dumps({"jobs_per_budget": 1, "need": 0}), encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    assert run_priorities(_args(weights=str(path), picks=2), ds, out, err) == 0, err.getvalue()
    data = json.loads(out.getvalue())
    expected = _expected_jobs_picks(ds.projects, 2)
    got = {c["code"]: sorted(c["suggested"]) for c in data["counties"]}
    assert got == {c: sorted(v) for c, v in expected.items()}
    first = data["counties"][0]["candidates"][0]
    assert set(first["criteria"]) == set(CRITERIA)
    assert {"score", "rank", "robustness", "pick"} <= set(first)


def test_cli_refuses_unknown_criteria_and_counties(ds, tmp_path):
    path = tmp_path / "w.json"
    path.write_text(json.dumps({"jobs": 1}), encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    assert run_priorities(_args(weights=str(path)), ds, out, err) == 2
    assert "jobs" in err.getvalue() and "jobs_per_budget" in err.getvalue()
    err = io.StringIO()
    assert run_priorities(_args(county="Atlantis"), ds, io.StringIO(), err) == 2
    assert "Atlantis" in err.getvalue()


def test_cli_one_county_in_text(ds):
    out = io.StringIO()
    assert run_priorities(_args(json=False, county="لنجان"), ds, out, io.StringIO()) == 0
    text = out.getvalue()
    assert "Lenjan" in text and "Kashan" not in text and "★" in text


def test_cli_is_registered():
    from pishran.cli import build_parser

    args = build_parser().parse_args(["priorities", "--picks", "2", "--json"])
    assert args.picks == 2 and args.json and args.func is run_priorities
    assert args.lang == "fa"  # Persian first, like `pishran report`


# --- the shortlist scenario ---------------------------------------------------------------

@pytest.mark.parametrize("others", ["postpone", "cancel"])
def test_shortlist_scenario_edits_only_the_others(ds, others):
    open_ = ds.projects[eligible(ds.projects)]
    lenjan = list(open_.loc[open_["county_code"] == "lenjan", "project_id"])
    kept = lenjan[:2]
    scenario = shortlist_scenario(ds.projects, {"lenjan": kept}, others, months=6)
    assert len(scenario.edits) == 1
    assert set(scenario.edits[0].ids) == set(lenjan) - set(kept)
    result = apply_scenario(ds, Scenario.from_dict(scenario.to_dict()))
    after = result.projects.set_index("project_id")
    before = ds.projects.set_index("project_id")
    for pid in lenjan:
        if pid in kept:
            assert after.at[pid, "status"] == before.at[pid, "status"]
            assert after.at[pid, "planned_end"] == before.at[pid, "planned_end"]
        elif others == "cancel":
            assert after.at[pid, "status"] == "cancelled"
        elif isinstance(before.at[pid, "planned_end"], str):
            assert after.at[pid, "planned_end"] != before.at[pid, "planned_end"]
    untouched = ds.projects.loc[ds.projects["county_code"] != "lenjan", "project_id"]
    assert (after.loc[untouched, "status"] == before.loc[untouched, "status"]).all()


# --- guardrails -------------------------------------------------------------------------

def _add(county: str, sector: str, budget: float, jobs: int) -> dict:
    return {"type": "add_project", "county": county, "sector": sector, "title_fa": "آزمون",
            "budget_billion_rials": budget, "expected_jobs": jobs}


def test_a_big_industrial_project_in_isfahan_shows_the_centre_warning(ds):
    report = scenario_report(ds, {"version": 1, "edits": [_add("isfahan", "industry", 5000, 500)]})
    warnings = [g for g in report["guardrails"] if g["kind"] == "centre"]
    assert len(warnings) == 1
    values = warnings[0]["values"]
    assert values["share_after"] > values["share_before"]
    assert values["theil_after"] > values["theil_before"]
    assert "Isfahan" in warnings[0]["en"] and "اصفهان" in warnings[0]["fa"]


def test_no_centre_warning_outside_the_centre_and_for_cuts(ds):
    report = scenario_report(ds, {"version": 1, "edits": [_add("nain", "tourism", 5000, 500)]})
    assert report["guardrails"] == []
    centre_ids = list(ds.projects.loc[ds.projects["county_code"] == "isfahan", "project_id"])
    report = scenario_report(ds, {"version": 1, "edits": [{"type": "cancel",
                                                             "ids": centre_ids[:1]}]})
    assert report["guardrails"] == []


def test_industrial_jobs_in_a_migrant_magnet_warn_with_modelled_unemployment(ds):
    report = scenario_report(ds, {"version": 1, "edits": [_add("lenjan", "industry", 500, 2000)]})
    warnings = [g for g in report["guardrails"] if g["kind"] == "magnet"]
    assert [g["county"] for g in warnings] == ["lenjan"]
    values = warnings[0]["values"]
    assert values["rate_before"] > values["province_rate"]
    assert values["jobs"] == 2000
    skills = scenario_report(ds, {"version": 1, "edits": [_add("lenjan", "skills", 500, 2000)]})
    assert skills["guardrails"] == []


def test_top_n_by_partition_equals_the_full_ranking_with_ties():
    from analytics.priorities import _group_positions, _in_top, _ranks_within

    rng = np.random.default_rng(3)
    codes = np.sort(rng.choice(["a", "b", "c", "d"], size=60))
    group, first, _ = _group_positions(codes)
    scores = rng.integers(0, 4, size=(25, 60)) / 4.0  # many ties
    for n in (1, 2, 3, 20):
        assert (_in_top(scores, first, 60, n) == (_ranks_within(scores, group, first) < n)).all()
