"""Scenarios: parsing and validation, every edit by hand, the labour model inside a
scenario, and properties (empty = baseline, totals preserved, baseline untouched,
filtered edits touch only matching projects, order matters only as documented)."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from analytics.filters import ProjectFilter
from analytics.measures import panel_balance
from analytics.panel import build_panel
from analytics.scenario import (
    AddProject,
    Assumptions,
    Cancel,
    Postpone,
    Scenario,
    ScenarioError,
    SetProjects,
    ShiftBudget,
    add_months,
    apply_scenario,
    describe_edit,
    edit_from_dict,
)
from core.schema import SECTORS, STATUSES
from i18n import t
from store.loading import Dataset, load_dataset

TODAY = "1405/01/01"
CODES = ["isfahan", "lenjan", "nain", "khur_va_biabanak"]

COUNTIES = pd.DataFrame({
    "code": CODES,
    "name_fa": ["اصفهان", "لنجان", "نائین", "خور و بیابانک"],
    "name_en": ["Isfahan", "Lenjan", "Nain", "Khur va Biabanak"],
    "osm_name_fa": ["شهرستان اصفهان", "شهرستان لنجان", "شهرستان نائین",
                    "شهرستان خور و بیابانک"],
    "is_province_centre": [True, False, False, False],
})

INDICATOR_VALUES = {
    "population": [2_000_000, 250_000, 40_000, 20_000],
    "unemployment_rate": [10.0, 18.0, 11.0, 10.0],
    "labour_force": [800_000, 90_000, 14_000, 7_000],
    "net_migration_rate": [5.0, 12.0, -17.0, -24.0],
    "literacy_rate": [93.0, 90.0, 88.0, 85.0],
    "urbanisation_rate": [95.0, 80.0, 60.0, 55.0],
    "industrial_employment_share": [30.0, 45.0, 20.0, 10.0],
}

PROJECT_ROWS = [
    # id, county, sector, status, progress, budget, jobs, start, end, funding, sample
    ("i1", "isfahan", "transport", "in_progress", 50, 1000, 100, "1402/01/01", "1406/12/29",
     "national", False),
    ("i2", "isfahan", "knowledge_tech", "completed", 100, 200, 50, "1401/05/01", "1403/12/30",
     "provincial", True),
    ("i3", "isfahan", "industry", "cancelled", 0, 500, 80, "1404/01/01", "1408/01/01",
     "private", True),
    ("l1", "lenjan", "skills", "stalled", 20, 100, 40, "1403/01/01", "1404/06/31", "mixed",
     True),
    ("l2", "lenjan", "industry", "defined", 0, 300, 600, None, None, "private", False),
    ("n1", "nain", "mining", "defined", 0, 100, 60, "1405/01/01", "1409/01/01", "national",
     False),
    ("n2", "nain", "tourism", "study", 10, 50, 30, "1404/06/31", "1405/06/31", "mixed", True),
    ("k1", "khur_va_biabanak", "tourism", "in_progress", 40, 80, 20, "1403/02/01",
     "1405/03/01", "mixed", True),
    ("k2", "khur_va_biabanak", "water", "defined", 0, 70, 10, "1404/01/01", "1406/01/01",
     "national", False),
]
PROJECT_COLUMNS = ["project_id", "county_code", "sector", "status", "physical_progress_pct",
                   "budget_billion_rials", "expected_jobs", "planned_start", "planned_end",
                   "funding_source", "is_sample"]


def _indicators() -> pd.DataFrame:
    rows = []
    for name, values in INDICATOR_VALUES.items():
        for code, value in zip(CODES, values):
            rows.append({"county_code": code, "indicator": name, "year": 1395,
                         "value": float(value), "source": "test", "quality": "sourced",
                         "is_sample": False})
    for code in CODES:  # an older year the panel must not use
        rows.append({"county_code": code, "indicator": "unemployment_rate", "year": 1390,
                     "value": 30.0, "source": "test", "quality": "sourced", "is_sample": False})
    frame = pd.DataFrame(rows)
    frame["year"] = frame["year"].astype("Int64")
    return frame


def _as_loaded(frame: pd.DataFrame) -> None:
    """Give ``frame`` the dtypes of ``load_dataset()`` (arrow strings, Int64, boolean)."""
    text = ["project_id", "county_code", "title_fa", "title_en", "sector", "status",
            "planned_start", "planned_end", "funding_source"]
    frame[text] = frame[text].astype("string")
    frame["expected_jobs"] = frame["expected_jobs"].astype("Int64")
    frame["is_sample"] = frame["is_sample"].astype("boolean")


def _projects(arrow: bool = True) -> pd.DataFrame:
    frame = pd.DataFrame(PROJECT_ROWS, columns=PROJECT_COLUMNS)
    frame.insert(2, "title_fa", ["پروژه " + i for i in frame["project_id"]])
    frame.insert(3, "title_en", ["Project " + i for i in frame["project_id"]])
    frame["physical_progress_pct"] = frame["physical_progress_pct"].astype(float)
    frame["budget_billion_rials"] = frame["budget_billion_rials"].astype(float)
    if arrow:
        _as_loaded(frame)
    else:
        frame["planned_start"] = frame["planned_start"].astype(object)
        frame["planned_end"] = frame["planned_end"].astype(object)
    return frame


def make_dataset(projects: pd.DataFrame | None = None, arrow: bool = True) -> Dataset:
    return Dataset(counties=COUNTIES.copy(), indicators=_indicators(),
                   projects=_projects(arrow) if projects is None else projects,
                   places=pd.DataFrame())


@pytest.fixture(params=["arrow", "numpy"])
def ds(request) -> Dataset:
    return make_dataset(arrow=request.param == "arrow")


def scenario(*edits: dict, **extra) -> Scenario:
    return Scenario.from_dict({"version": 1, "edits": list(edits), **extra})


def row(result, project_id: str) -> pd.Series:
    projects = result.projects
    return projects[projects["project_id"] == project_id].iloc[0]


def panel_of(ds: Dataset, result=None) -> pd.DataFrame:
    if result is None:
        return build_panel(ds.projects, ds.indicators, ds.counties, today=TODAY)
    return build_panel(result.projects, result.indicators_adjusted, ds.counties, today=TODAY)


def snapshot(ds: Dataset) -> dict:
    return {name: getattr(ds, name).copy(deep=True) for name in ("projects", "indicators",
                                                                 "counties")}


def assert_untouched(ds: Dataset, before: dict) -> None:
    for name, frame in before.items():
        now = getattr(ds, name)
        pd.testing.assert_frame_equal(now, frame, check_exact=True)
        assert list(now.columns) == list(frame.columns)
        assert (pd.util.hash_pandas_object(now, index=True).to_numpy()
                == pd.util.hash_pandas_object(frame, index=True).to_numpy()).all()


# ---------------------------------------------------------------------------
# Format and validation
# ---------------------------------------------------------------------------

EXAMPLE = {
    "version": 1, "name": "Khur tourism", "description": "example",
    "edits": [
        {"type": "set_projects", "filter": {"counties": ["khur_va_biabanak"],
                                            "sectors": ["tourism"]},
         "status": "completed", "physical_progress_pct": 100, "planned_end": "1405/12/29"},
        {"type": "cancel", "ids": ["n1"]},
        {"type": "postpone", "filter": {"sectors": ["water"]}, "months": 6},
        {"type": "add_project", "county": "nain", "sector": "tourism", "title_fa": "اقامتگاه",
         "budget_billion_rials": 500, "expected_jobs": 120, "status": "defined",
         "planned_start": "1405/01/01", "planned_end": "1407/12/29"},
        {"type": "shift_budget", "share": 0.1, "rule": "deprivation",
         "deprivation_by": "unemployment_rate"},
        {"type": "shift_budget", "share": 0.05, "rule": "named",
         "weights": {"nain": 2, "khur_va_biabanak": 1}, "jobs": "none", "sector": "water"},
        {"type": "assumptions", "group": "industrial", "m": 0.8, "k": 2, "note": "high"},
    ],
}


def test_example_parses_and_round_trips_through_json():
    sc = Scenario.from_dict(EXAMPLE)
    assert [type(e) for e in sc.edits] == [SetProjects, Cancel, Postpone, AddProject,
                                           ShiftBudget, ShiftBudget, Assumptions]
    assert sc.edits[0].filter == ProjectFilter(counties=("khur_va_biabanak",),
                                               sectors=("tourism",))
    again = Scenario.from_dict(json.loads(sc.to_json()))
    assert again == sc
    assert Scenario.from_dict(json.loads(sc.to_json(indent=None))) == sc


def test_dates_are_canonicalised_and_persian_digits_accepted():
    sc = scenario({"type": "set_projects", "ids": ["k1"], "planned_end": "۱۴۰۵/۱۲/۲۹"})
    assert sc.edits[0].planned_end == "1405/12/29"


def problems_of(data: object) -> set[tuple]:
    parsed, problems = Scenario.parse(data)
    assert parsed is None and problems
    return {(p.edit, p.field, p.rule) for p in problems}


@pytest.mark.parametrize("edit, expected", [
    ({"type": "explode"}, (0, "type", "unknown_type")),
    ({"type": "cancel", "ids": ["a"], "colour": "red"}, (0, "colour", "unknown_field")),
    ({"type": "cancel"}, (0, "ids", "need_selection")),
    ({"type": "cancel", "ids": ["a"], "filter": {}}, (0, "ids", "ids_and_filter")),
    ({"type": "cancel", "ids": []}, (0, "ids", "empty")),
    ({"type": "cancel", "ids": "a", "filter": {"colours": ["red"]}},
     (0, "filter", "filter_rejected")),
    ({"type": "cancel", "filter": {"sectors": ["mixed"]}}, (0, "filter", "filter_rejected")),
    ({"type": "set_projects", "ids": ["a"]}, (0, "status", "nothing_to_set")),
    ({"type": "set_projects", "ids": ["a"], "status": "done"}, (0, "status", "not_allowed")),
    ({"type": "set_projects", "ids": ["a"], "physical_progress_pct": 120},
     (0, "physical_progress_pct", "out_of_range")),
    ({"type": "set_projects", "ids": ["a"], "physical_progress_pct": "50"},
     (0, "physical_progress_pct", "must_be_number")),
    ({"type": "set_projects", "ids": ["a"], "status": "completed",
      "physical_progress_pct": 50}, (0, "physical_progress_pct", "completed_progress")),
    ({"type": "set_projects", "ids": ["a"], "planned_end": "1404/12/30"},
     (0, "planned_end", "bad_date")),
    ({"type": "set_projects", "ids": ["a"], "planned_start": "1406/01/01",
      "planned_end": "1405/01/01"}, (0, "planned_end", "end_before_start_value")),
    ({"type": "postpone", "ids": ["a"]}, (0, "months", "missing")),
    ({"type": "postpone", "ids": ["a"], "months": 2.5}, (0, "months", "must_be_integer")),
    ({"type": "postpone", "ids": ["a"], "months": 999}, (0, "months", "out_of_range")),
    ({"type": "add_project", "county": "nain", "sector": "tourism", "title_fa": "x",
      "budget_billion_rials": -5, "expected_jobs": 1},
     (0, "budget_billion_rials", "negative")),
    ({"type": "add_project", "county": "nain", "sector": "tourism", "title_fa": "x",
      "budget_billion_rials": 5, "expected_jobs": -1}, (0, "expected_jobs", "negative")),
    ({"type": "add_project", "county": "nain", "sector": "tourism", "title_fa": "x",
      "budget_billion_rials": 1.7e308, "expected_jobs": 1},
     (0, "budget_billion_rials", "out_of_range")),  # the one bound (issue 17)
    ({"type": "add_project", "county": "nain", "sector": "tourism", "title_fa": "x",
      "budget_billion_rials": 5, "expected_jobs": 99999999999999999999},
     (0, "expected_jobs", "out_of_range")),
    ({"type": "add_project", "county": "nain", "sector": "tourism", "title_fa": "x",
      "budget_billion_rials": 5, "expected_jobs": 1.5}, (0, "expected_jobs", "must_be_integer")),
    ({"type": "add_project", "sector": "tourism", "title_fa": "x",
      "budget_billion_rials": 5, "expected_jobs": 1}, (0, "county", "missing")),
    ({"type": "add_project", "county": "nain", "sector": "tourism", "title_fa": "x",
      "budget_billion_rials": 5, "expected_jobs": 1, "id": "../etc"}, (0, "id", "bad_id")),
    ({"type": "shift_budget", "share": 1.5}, (0, "share", "out_of_range")),
    ({"type": "shift_budget"}, (0, "share", "missing")),
    ({"type": "shift_budget", "share": 0.1, "rule": "named"}, (0, "weights", "weights_needed")),
    ({"type": "shift_budget", "share": 0.1, "rule": "named", "weights": {"nain": 1},
      "to": ["nain"]}, (0, "to", "to_with_named")),
    ({"type": "shift_budget", "share": 0.1, "rule": "named", "weights": {"nain": -1}},
     (0, "weights.nain", "negative")),
    ({"type": "shift_budget", "share": 0.1, "rule": "named", "weights": {"nain": 0}},
     (0, "weights", "weights_zero")),
    ({"type": "shift_budget", "share": 0.1, "weights": {"nain": 1}},
     (0, "weights", "weights_only_named")),
    ({"type": "shift_budget", "share": 0.1, "rule": "equal",
      "deprivation_by": "unemployment_rate"}, (0, "deprivation_by", "deprivation_only")),
    ({"type": "assumptions", "group": "industrial", "m": 1.2}, (0, "m", "out_of_range")),
    ({"type": "assumptions", "group": "industrial", "k": -1}, (0, "k", "negative")),
    ({"type": "assumptions", "group": "industrial"}, (0, "m", "nothing_to_assume")),
    ({"type": "assumptions", "m": 0.5}, (0, "group", "need_group")),
    ({"type": "assumptions", "group": "all", "counties": ["nain"], "m": 0.5},
     (0, "group", "group_and_counties")),
    ("not an edit", (0, "edit", "not_object")),
])
def test_invalid_edits_are_refused_with_the_rule(edit, expected):
    assert expected in problems_of({"version": 1, "edits": [edit]})


def test_scenario_level_problems():
    assert (None, "version", "missing") in problems_of({"edits": []})
    assert (None, "version", "bad_version") in problems_of({"version": 2, "edits": []})
    assert (None, "edits", "not_list") in problems_of({"version": 1, "edits": {}})
    assert (None, "colour", "unknown_field") in problems_of({"version": 1, "colour": 1})
    assert (None, "scenario", "not_object") in problems_of([1, 2])
    too_many = {"version": 1, "edits": [{"type": "cancel", "ids": ["a"]}] * 101}
    assert (None, "edits", "too_many") in problems_of(too_many)


def test_every_problem_is_collected_with_its_edit_index():
    with pytest.raises(ScenarioError) as info:
        Scenario.from_dict({"version": 1, "edits": [
            {"type": "cancel", "ids": ["a"]},
            {"type": "shift_budget", "share": 2},
            {"type": "assumptions", "group": "all", "m": -1, "k": -1}]})
    found = {(p.edit, p.field, p.rule) for p in info.value.problems}
    assert found == {(1, "share", "out_of_range"), (2, "m", "out_of_range"),
                     (2, "k", "negative")}


def test_problem_messages_in_both_languages():
    with pytest.raises(ScenarioError) as info:
        Scenario.from_dict({"version": 1, "edits": [{"type": "shift_budget", "share": 2}]})
    problem = info.value.problems[0]
    assert "edit 1" in problem.message("en") and "share" in problem.message("en")
    assert "ویرایش ۱" in problem.message("fa")
    assert info.value.messages("en") == [problem.message("en")]
    assert "invalid scenario" in str(info.value)
    assert json.dumps(problem.to_dict())


def test_every_rule_has_a_message():
    rules = ["missing", "not_text", "too_long", "must_be_number", "must_be_integer", "negative",
             "not_positive", "below_minimum", "out_of_range", "not_allowed", "bad_date",
             "not_list", "not_object", "too_many", "empty", "unknown_field", "unknown_type",
             "bad_version", "filter_rejected", "ids_and_filter", "need_selection",
             "nothing_to_set", "completed_progress", "end_before_start_value",
             "end_before_start_projects", "bad_id", "duplicate_id", "unknown_project_ids",
             "unknown_county", "date_out_of_range", "weights_zero", "weights_needed",
             "to_with_named", "weights_only_named", "deprivation_only", "overlap",
             "no_recipients", "missing_weight", "rank_failed", "group_and_counties",
             "need_group", "nothing_to_assume", "unemployed_above_labour_force", "bad_name",
             "not_json", "too_large", "bad_encoding", "not_found", "unreadable"]
    params = {"maximum": 1, "minimum": 0, "allowed": "a", "detail": "d", "expected": 1,
              "keys": "k", "start": "s", "count": 1, "ids": "i", "suggestions": "s",
              "dates": "d", "counties": "c", "indicator": "i"}
    for rule in rules:
        for lang in ("fa", "en"):
            assert t(f"rule.{rule}", lang, **params)


def test_edit_from_dict_and_descriptions():
    edit, problems = edit_from_dict(EXAMPLE["edits"][0])
    assert problems == [] and isinstance(edit, SetProjects)
    assert edit_from_dict({"type": "nope"})[0] is None
    for raw in EXAMPLE["edits"]:
        parsed, _ = edit_from_dict(raw)
        for lang in ("fa", "en"):
            assert describe_edit(parsed, lang)
    assert "Tourism" in describe_edit(edit, "en") and "1405/12/29" in describe_edit(edit, "en")
    assert "۱۴۰۵/۱۲/۲۹" in describe_edit(edit, "fa")
    assert describe_edit(Scenario.from_dict(EXAMPLE).edits[-1], "en").endswith("— high")


def test_descriptions_name_counties_and_filter_fields_in_the_readers_words():
    names = {"khur_va_biabanak": "خور و بیابانک", "nain": "نائین"}
    edits = Scenario.from_dict(EXAMPLE).edits
    fa = describe_edit(edits[0], "fa", names)
    assert "خور و بیابانک" in fa and "khur_va_biabanak" not in fa
    assert "counties" not in fa and t("filter.counties", "fa") in fa
    assert "نائین" in describe_edit(edits[3], "fa", names)
    named = describe_edit(edits[5], "fa", names)
    assert "نائین (۲)" in named and "nain" not in named
    en = describe_edit(edits[0], "en", {"khur_va_biabanak": "Khur and Biabanak"})
    assert "Khur and Biabanak" in en and "Counties" in en
    # without names the codes stay (the engine never guesses a name)
    assert "khur_va_biabanak" in describe_edit(edits[0], "en")


# ---------------------------------------------------------------------------
# Empty scenario and the baseline
# ---------------------------------------------------------------------------


def test_empty_scenario_equals_the_baseline_exactly(ds):
    before = snapshot(ds)
    result = apply_scenario(ds, Scenario())
    pd.testing.assert_frame_equal(result.projects[list(ds.projects.columns)], ds.projects,
                                  check_exact=True)
    assert not result.projects["is_hypothetical"].any()
    pd.testing.assert_frame_equal(result.indicators_adjusted[list(ds.indicators.columns)],
                                  ds.indicators, check_exact=True)
    assert not result.indicators_adjusted["scenario_adjusted"].any()
    pd.testing.assert_frame_equal(panel_of(ds, result), panel_of(ds), check_exact=True)
    for x in ("budget_total", "jobs_total", "n_projects"):
        pd.testing.assert_frame_equal(panel_balance(panel_of(ds, result), x).summary,
                                      panel_balance(panel_of(ds), x).summary, check_exact=True)
    assert (result.labour["jobs"] == 0).all()
    assert_untouched(ds, before)


def test_empty_scenario_on_the_real_data():
    real = load_dataset()
    result = apply_scenario(real, {"version": 1, "edits": []})
    pd.testing.assert_frame_equal(result.projects[list(real.projects.columns)], real.projects,
                                  check_exact=True)
    base = build_panel(real.projects, real.indicators, real.counties, today=TODAY)
    scen = build_panel(result.projects, result.indicators_adjusted, real.counties, today=TODAY)
    pd.testing.assert_frame_equal(scen, base, check_exact=True)
    pd.testing.assert_frame_equal(panel_balance(scen, "budget_total").summary,
                                  panel_balance(base, "budget_total").summary,
                                  check_exact=True)


# ---------------------------------------------------------------------------
# Each edit by hand
# ---------------------------------------------------------------------------


def test_set_projects_by_filter_touches_only_matching(ds):
    before = snapshot(ds)
    result = apply_scenario(ds, scenario(EXAMPLE["edits"][0]))
    k1 = row(result, "k1")
    assert (k1["status"], k1["physical_progress_pct"], k1["planned_end"]) == (
        "completed", 100.0, "1405/12/29")
    others = result.projects["project_id"] != "k1"
    pd.testing.assert_frame_equal(result.projects.loc[others, list(ds.projects.columns)],
                                  ds.projects[ds.projects["project_id"] != "k1"],
                                  check_exact=True)
    assert result.log[0].n_projects == 1 and "1 project" in result.log[0].message("en")
    assert_untouched(ds, before)


def test_set_projects_by_ids_and_persian_county_in_filter(ds):
    result = apply_scenario(ds, scenario(
        {"type": "set_projects", "ids": ["n1", "n2"], "status": "in_progress",
         "physical_progress_pct": 5},
        {"type": "set_projects", "filter": {"counties": ["خور و بیابانک"]},
         "planned_start": "1404/01/01"}))
    assert row(result, "n1")["status"] == "in_progress"
    assert row(result, "n2")["physical_progress_pct"] == 5.0
    assert row(result, "k1")["planned_start"] == "1404/01/01"
    assert row(result, "k2")["planned_start"] == "1404/01/01"


def test_completed_without_progress_means_100(ds):
    result = apply_scenario(ds, scenario({"type": "set_projects", "ids": ["l1"],
                                          "status": "completed"}))
    assert row(result, "l1")["physical_progress_pct"] == 100.0


def test_unknown_ids_and_counties_are_refused(ds):
    with pytest.raises(ScenarioError) as info:
        apply_scenario(ds, scenario(
            {"type": "cancel", "ids": ["k1", "zz9"]},
            {"type": "set_projects", "filter": {"counties": ["Tehran"]}, "status": "study"}))
    found = {(p.edit, p.field, p.rule) for p in info.value.problems}
    assert found == {(0, "ids", "unknown_project_ids"), (1, "filter.counties", "unknown_county")}
    assert "zz9" in info.value.problems[0].message("en")


def test_planned_end_before_a_projects_start_is_refused(ds):
    with pytest.raises(ScenarioError) as info:
        apply_scenario(ds, scenario({"type": "set_projects", "filter": {"counties": ["nain"]},
                                     "planned_end": "1404/12/01"}))
    problem = info.value.problems[0]
    assert problem.rule == "end_before_start_projects" and problem.params["ids"] == ["n1"]


def test_cancel_leaves_completed_projects(ds):
    result = apply_scenario(ds, scenario({"type": "cancel", "filter": {"counties": ["isfahan"]}}))
    assert row(result, "i1")["status"] == "cancelled"
    assert row(result, "i2")["status"] == "completed"
    assert result.log[0].n_projects == 2  # i1 and the already cancelled i3
    assert "1 completed" in result.log[0].message("en")
    scen = panel_of(ds, result)
    assert scen.loc["isfahan", "budget_total"] == 200  # only the completed i2 remains


def test_add_months_jalali_arithmetic():
    assert add_months("1404/06/31", 1) == "1404/07/30"     # Mehr has 30 days
    assert add_months("1404/06/31", 6) == "1404/12/29"     # 1404 is not leap
    assert add_months("1403/06/31", 6) == "1403/12/30"     # 1403 is leap
    assert add_months("1403/12/30", 12) == "1404/12/29"
    assert add_months("1404/01/01", -1) == "1403/12/01"
    assert add_months("1404/11/15", 14) == "1406/01/15"
    assert add_months("۱۴۰۴/۰۱/۰۱", 0) == "1404/01/01"


def test_postpone_shifts_open_projects(ds):
    result = apply_scenario(ds, scenario(
        {"type": "postpone", "filter": {"counties": ["lenjan"]}, "months": 6},
        {"type": "postpone", "ids": ["n2", "i2"], "months": 12},
        {"type": "postpone", "ids": ["k2"], "months": -1}))
    l1 = row(result, "l1")
    assert (l1["planned_start"], l1["planned_end"]) == ("1403/07/01", "1404/12/29")
    assert pd.isna(row(result, "l2")["planned_start"])  # missing stays missing
    n2 = row(result, "n2")
    assert (n2["planned_start"], n2["planned_end"]) == ("1405/06/31", "1406/06/31")
    assert row(result, "i2")["planned_end"] == "1403/12/30"  # completed: untouched
    assert row(result, "k2")["planned_start"] == "1403/12/01"
    assert "1 completed or cancelled" in result.log[1].message("en")


def test_add_project_is_hypothetical(ds):
    result = apply_scenario(ds, scenario(
        {"type": "add_project", "county": "نائین", "sector": "tourism", "title_fa": "اقامتگاه",
         "budget_billion_rials": 500, "expected_jobs": 120, "status": "completed"},
        {"type": "add_project", "county": "khur_va_biabanak", "sector": "water",
         "title_fa": "آب", "budget_billion_rials": 10, "expected_jobs": 0, "id": "well"}))
    hyp = result.hypothetical
    assert list(hyp["project_id"]) == ["hyp-001", "hyp-well"]
    first = hyp.iloc[0]
    assert (first["county_code"], first["status"], first["physical_progress_pct"]) == (
        "nain", "completed", 100.0)
    assert first["budget_billion_rials"] == 500 and first["expected_jobs"] == 120
    assert not result.projects["is_hypothetical"].iloc[:len(ds.projects)].any()
    for column in ds.projects.columns:  # dtypes kept
        assert result.projects[column].dtype == ds.projects[column].dtype, column
    scen = panel_of(ds, result)
    assert scen.loc["nain", "budget_total"] == 150 + 500


def test_add_project_errors(ds):
    with pytest.raises(ScenarioError) as info:
        apply_scenario(ds, scenario(
            {"type": "add_project", "county": "Tehran", "sector": "water", "title_fa": "x",
             "budget_billion_rials": 1, "expected_jobs": 1},
            {"type": "add_project", "county": "nain", "sector": "water", "title_fa": "x",
             "budget_billion_rials": 1, "expected_jobs": 1, "id": "a"},
            {"type": "add_project", "county": "nain", "sector": "water", "title_fa": "y",
             "budget_billion_rials": 1, "expected_jobs": 1, "id": "hyp-a"}))
    found = {(p.edit, p.rule) for p in info.value.problems}
    assert found == {(0, "unknown_county"), (2, "duplicate_id")}


def test_shift_budget_per_capita_by_hand(ds):
    result = apply_scenario(ds, scenario({"type": "shift_budget", "share": 0.1,
                                          "rule": "per_capita"}))
    # Isfahan's non-cancelled budget 1000 + 200 = 1200 -> 120 moves, i3 (cancelled) stays.
    assert row(result, "i1")["budget_billion_rials"] == pytest.approx(900)
    assert row(result, "i2")["budget_billion_rials"] == pytest.approx(180)
    assert row(result, "i3")["budget_billion_rials"] == 500
    # jobs shrink in proportion (rounded): 100 -> 90, 50 -> 45; the cancelled one keeps 80
    assert (row(result, "i1")["expected_jobs"], row(result, "i2")["expected_jobs"],
            row(result, "i3")["expected_jobs"]) == (90, 45, 80)
    hyp = result.hypothetical.set_index("county_code")
    pops = {"lenjan": 250_000, "nain": 40_000, "khur_va_biabanak": 20_000}
    for code, pop in pops.items():
        assert hyp.loc[code, "budget_billion_rials"] == pytest.approx(120 * pop / 310_000)
        assert hyp.loc[code, "project_id"] == f"hyp-realloc-1-{code}"
    # jobs = budget x the recipient's jobs per budget: lenjan 640/400, nain 90/150, khur 30/150
    assert hyp.loc["lenjan", "expected_jobs"] == round(120 * 250 / 310 * 1.6)  # 155
    assert hyp.loc["nain", "expected_jobs"] == round(120 * 40 / 310 * 0.6)     # 9
    assert hyp.loc["khur_va_biabanak", "expected_jobs"] == 2                   # 1.548
    assert set(hyp["sector"]) == {"transport"}      # i1 gave most of the moved budget
    assert set(hyp["funding_source"]) == {"national"}
    assert set(hyp["status"]) == {"defined"}
    base, scen = panel_of(ds), panel_of(ds, result)
    assert scen["budget_total"].sum() == pytest.approx(base["budget_total"].sum(), rel=1e-12)
    assert scen.loc["isfahan", "budget_total"] == pytest.approx(0.9 * 1200)


@pytest.mark.parametrize("edit, expected", [
    ({"rule": "equal"}, {"lenjan": 40, "nain": 40, "khur_va_biabanak": 40}),
    ({"rule": "named", "weights": {"nain": 3, "خور و بیابانک": 1}},
     {"nain": 90, "khur_va_biabanak": 30}),
    ({"rule": "deprivation"}, {"lenjan": 120 * 18 / 39, "nain": 120 * 11 / 39,
                               "khur_va_biabanak": 120 * 10 / 39}),
    ({"rule": "per_capita", "to": ["nain", "khur_va_biabanak"]},
     {"nain": 80, "khur_va_biabanak": 40}),
    ({"rule": "equal", "from": ["isfahan", "lenjan"], "to": ["nain"]}, {"nain": 120 + 40}),
    ({"rule": "equal", "filter": {"funding_sources": ["national"]}},
     {"lenjan": 100 / 3, "nain": 100 / 3, "khur_va_biabanak": 100 / 3}),
])
def test_shift_budget_rules_by_hand(ds, edit, expected):
    result = apply_scenario(ds, scenario({"type": "shift_budget", "share": 0.1, **edit}))
    moved = result.hypothetical.set_index("county_code")["budget_billion_rials"]
    assert moved.to_dict() == pytest.approx(expected)
    assert panel_of(ds, result)["budget_total"].sum() == pytest.approx(
        panel_of(ds)["budget_total"].sum(), rel=1e-12)


def test_shift_budget_development_rank_weights(ds):
    result = apply_scenario(ds, scenario({"type": "shift_budget", "share": 0.1,
                                          "rule": "deprivation",
                                          "deprivation_by": "development_rank"}))
    moved = result.hypothetical.set_index("county_code")["budget_billion_rials"]
    # Isfahan is ranked first on every indicator but unemployment, so it is not a
    # recipient; the recipients' weights are their consensus ranks (least developed = most)
    assert moved.idxmax() == "khur_va_biabanak"
    assert moved.sum() == pytest.approx(120)


def test_shift_budget_jobs_none_and_share_one(ds):
    result = apply_scenario(ds, scenario({"type": "shift_budget", "share": 1.0, "rule": "equal",
                                          "jobs": "none", "sector": "water"}))
    assert row(result, "i1")["budget_billion_rials"] == 0
    assert row(result, "i1")["expected_jobs"] == 100
    assert (result.hypothetical["expected_jobs"] == 0).all()
    assert set(result.hypothetical["sector"]) == {"water"}


def test_shift_budget_errors(ds):
    with pytest.raises(ScenarioError) as info:
        apply_scenario(ds, scenario(
            {"type": "shift_budget", "share": 0.1, "rule": "equal", "to": ["isfahan"]},
            {"type": "shift_budget", "share": 0.1, "rule": "equal", "from": ["Atlantis"]}))
    assert {(p.edit, p.rule) for p in info.value.problems} == {(0, "overlap"),
                                                                 (1, "unknown_county")}
    no_population = ds.indicators[~((ds.indicators["indicator"] == "population")
                                    & (ds.indicators["county_code"] == "nain"))]
    gap = Dataset(counties=ds.counties, indicators=no_population, projects=ds.projects,
                  places=ds.places)
    with pytest.raises(ScenarioError) as info:
        apply_scenario(gap, scenario({"type": "shift_budget", "share": 0.1}))
    assert info.value.problems[0].rule == "missing_weight"
    assert info.value.problems[0].params["counties"] == ["nain"]


def test_shift_budget_with_nothing_to_move_is_logged(ds):
    # no donor project matches the filter: nothing moves, and the log says so
    result = apply_scenario(ds, scenario({"type": "shift_budget", "share": 0.1,
                                          "filter": {"text": "هیچ‌پروژه‌ای‌چنین‌نامی‌ندارد"}}))
    assert result.hypothetical.empty
    assert "no budget" in result.log[0].message("en")


def test_a_zero_share_is_refused_as_no_change():
    """Issue 16: a 0 % budget shift was accepted as a change (and listed as one)."""
    with pytest.raises(ScenarioError) as info:
        Scenario.from_dict({"version": 1, "edits": [{"type": "shift_budget", "share": 0}]})
    assert [p.rule for p in info.value.problems] == ["share_zero"]
    assert "0" in info.value.problems[0].message("fa") or "صفر" in info.value.problems[0].message("fa")
    assert Scenario.from_dict({"version": 1, "edits": [{"type": "shift_budget",
                                                         "share": 0.001}]}).edits[0].share == 0.001


def test_labour_model_inside_a_scenario_by_hand(ds):
    # completing k1 (20 jobs) in Khur: m=0.3, k=0.5, U=700, LF=7000, P=20000
    result = apply_scenario(ds, scenario({"type": "set_projects", "ids": ["k1"],
                                          "status": "completed"}))
    labour = result.labour.loc["khur_va_biabanak"]
    assert labour["jobs"] == 20 and labour["group"] == "other"
    scen, base = panel_of(ds, result), panel_of(ds)
    assert scen.loc["khur_va_biabanak", "labour_force"] == pytest.approx(7009)
    assert scen.loc["khur_va_biabanak", "unemployed"] == pytest.approx(689)
    assert scen.loc["khur_va_biabanak", "unemployment_rate"] == pytest.approx(100 * 689 / 7009)
    assert scen.loc["khur_va_biabanak", "net_migration_rate"] == pytest.approx(-24 + 0.45)
    assert scen.loc["khur_va_biabanak", "population"] == 20_000  # not changed
    others = [c for c in CODES if c != "khur_va_biabanak"]
    pd.testing.assert_frame_equal(scen.loc[others, ["unemployment_rate", "labour_force",
                                                    "net_migration_rate"]],
                                  base.loc[others, ["unemployment_rate", "labour_force",
                                                    "net_migration_rate"]], check_exact=True)
    adjusted = result.indicators_adjusted
    changed = adjusted[adjusted["scenario_adjusted"]]
    assert set(changed["county_code"]) == {"khur_va_biabanak"}
    assert set(changed["indicator"]) == {"unemployment_rate", "labour_force",
                                         "net_migration_rate"}
    assert set(changed["year"]) == {1395} and set(changed["quality"]) == {"estimate"}
    assert "20 new direct jobs" in result.log[-1].message("en")


def test_assumptions_edit_sets_parameters_and_jobs_only_count_new_completions(ds):
    result = apply_scenario(ds, scenario(
        {"type": "set_projects", "filter": {}, "status": "completed"},
        {"type": "assumptions", "group": "industrial", "m": 0.9, "k": 2},
        {"type": "assumptions", "counties": ["nain"], "k": 0}))
    labour = result.labour
    assert (labour.loc["lenjan", "m"], labour.loc["lenjan", "k"]) == (0.9, 2.0)
    assert labour.loc["lenjan", "assumption"] == "edit 2"
    assert (labour.loc["nain", "m"], labour.loc["nain", "k"]) == (0.3, 0.0)
    # i2 was already completed, i3 was cancelled and becomes completed: 100 + 80
    assert labour.loc["isfahan", "jobs"] == 180
    assert labour.loc["lenjan", "jobs"] == 640


def test_un_completing_a_project_is_logged_not_subtracted(ds):
    result = apply_scenario(ds, scenario({"type": "set_projects", "ids": ["i2"],
                                          "status": "in_progress",
                                          "physical_progress_pct": 90}))
    assert result.labour.loc["isfahan", "jobs"] == 0
    assert any("job losses" in entry.message("en") for entry in result.log)


def test_real_data_complete_tourism_in_khur_by_1405():
    real = load_dataset()
    result = apply_scenario(real, scenario(EXAMPLE["edits"][0]))
    touched = real.projects["county_code"].eq("khur_va_biabanak") & real.projects[
        "sector"].eq("tourism")
    changed = result.projects.iloc[:len(real.projects)][touched.to_numpy()]
    assert (changed["status"] == "completed").all() and len(changed) >= 1
    assert (changed["planned_end"] == "1405/12/29").all()
    assert result.labour.loc["khur_va_biabanak", "jobs"] == real.projects.loc[
        touched & real.projects["status"].ne("completed"), "expected_jobs"].sum()


# ---------------------------------------------------------------------------
# Order of edits
# ---------------------------------------------------------------------------


def test_later_edit_wins_on_the_same_project(ds):
    cancel = {"type": "cancel", "ids": ["n1"]}
    complete = {"type": "set_projects", "ids": ["n1"], "status": "completed"}
    assert row(apply_scenario(ds, scenario(cancel, complete)), "n1")["status"] == "completed"
    assert row(apply_scenario(ds, scenario(complete, cancel)), "n1")["status"] == "completed"
    study = {"type": "set_projects", "ids": ["n1"], "status": "study"}
    assert row(apply_scenario(ds, scenario(study, cancel)), "n1")["status"] == "cancelled"
    assert row(apply_scenario(ds, scenario(cancel, study)), "n1")["status"] == "study"


def test_filters_see_earlier_edits(ds):
    result = apply_scenario(ds, scenario(
        {"type": "set_projects", "ids": ["n1"], "status": "stalled"},
        {"type": "cancel", "filter": {"statuses": ["stalled"]}}))
    assert row(result, "n1")["status"] == "cancelled"
    assert row(result, "l1")["status"] == "cancelled"


def test_two_budget_shifts_compound(ds):
    shift = {"type": "shift_budget", "share": 0.1, "rule": "equal"}
    result = apply_scenario(ds, scenario(shift, shift))
    assert row(result, "i1")["budget_billion_rials"] == pytest.approx(1000 * 0.9 * 0.9)
    assert len(result.hypothetical) == 6  # one reallocation project per recipient per edit


def test_hypothetical_projects_can_be_edited_later(ds):
    result = apply_scenario(ds, scenario(
        {"type": "shift_budget", "share": 0.1, "rule": "equal"},
        {"type": "set_projects", "ids": ["hyp-realloc-1-nain"], "status": "completed"}))
    assert row(result, "hyp-realloc-1-nain")["status"] == "completed"
    assert result.labour.loc["nain", "jobs"] == row(result, "hyp-realloc-1-nain")[
        "expected_jobs"]


# ---------------------------------------------------------------------------
# Properties
# ---------------------------------------------------------------------------

DATES = [None, "1400/01/01", "1402/06/31", "1403/12/30", "1404/07/15", "1405/12/29",
         "1407/03/03"]


@st.composite
def registries(draw, min_size: int = 0, max_size: int = 30) -> pd.DataFrame:
    n = draw(st.integers(min_size, max_size))
    rows = []
    for i in range(n):
        start = draw(st.sampled_from(DATES))
        later = [d for d in DATES if d is not None and (start is None or d >= start)]
        end = draw(st.sampled_from([None, *later]))
        status = draw(st.sampled_from(STATUSES))
        rows.append({
            "project_id": f"p{i}", "county_code": draw(st.sampled_from(CODES)),
            "title_fa": f"پروژه {i}", "title_en": f"Project {i}",
            "sector": draw(st.sampled_from(SECTORS[:5])), "status": status,
            "physical_progress_pct": 100.0 if status == "completed" else float(
                draw(st.integers(0, 99))),
            "budget_billion_rials": float(draw(st.integers(0, 5000))),
            "expected_jobs": draw(st.integers(0, 500)),
            "planned_start": start, "planned_end": end,
            "funding_source": draw(st.sampled_from(["national", "private"])),
            "is_sample": draw(st.booleans()),
        })
    frame = pd.DataFrame(rows, columns=["project_id", "county_code", "title_fa", "title_en",
                                        "sector", "status", "physical_progress_pct",
                                        "budget_billion_rials", "expected_jobs",
                                        "planned_start", "planned_end", "funding_source",
                                        "is_sample"])
    if draw(st.booleans()):
        _as_loaded(frame)
    else:
        frame["physical_progress_pct"] = frame["physical_progress_pct"].astype(float)
        frame["budget_billion_rials"] = frame["budget_billion_rials"].astype(float)
        frame["expected_jobs"] = frame["expected_jobs"].astype(np.int64)
        frame["is_sample"] = frame["is_sample"].astype(bool)
    return frame


filters = st.builds(
    lambda counties, sectors, statuses, year_from, provenance: {
        k: v for k, v in {"counties": counties, "sectors": sectors, "statuses": statuses,
                          "year_from": year_from, "provenance": provenance}.items() if v},
    st.lists(st.sampled_from(CODES), max_size=2, unique=True),
    st.lists(st.sampled_from(SECTORS[:5]), max_size=2, unique=True),
    st.lists(st.sampled_from(STATUSES), max_size=3, unique=True),
    st.sampled_from([None, 1403, 1405]),
    st.sampled_from([None, "sourced", "sample"]),
)

edits = st.one_of(
    st.builds(lambda f, s: {"type": "set_projects", "filter": f, "status": s},
              filters, st.sampled_from(STATUSES)),
    st.builds(lambda f: {"type": "cancel", "filter": f}, filters),
    st.builds(lambda f, m: {"type": "postpone", "filter": f, "months": m},
              filters, st.integers(-24, 24)),
    st.builds(lambda c, b, j, s: {"type": "add_project", "county": c, "sector": "water",
                                  "title_fa": "فرضی", "budget_billion_rials": b,
                                  "expected_jobs": j, "status": s},
              st.sampled_from(CODES), st.integers(0, 1000), st.integers(0, 300),
              st.sampled_from(STATUSES)),
    st.builds(lambda share, rule: {"type": "shift_budget", "share": share, "rule": rule},
              st.floats(0, 1, exclude_min=True), st.sampled_from(["per_capita", "deprivation", "equal"])),
    st.builds(lambda m, k: {"type": "assumptions", "group": "all", "m": m, "k": k},
              st.floats(0, 1), st.floats(0, 10)),
)

PROPERTY = settings(max_examples=60, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@PROPERTY
@given(registries())
def test_property_empty_scenario_is_the_baseline(projects):
    ds = make_dataset(projects)
    result = apply_scenario(ds, Scenario())
    pd.testing.assert_frame_equal(result.projects[list(projects.columns)], projects,
                                  check_exact=True)
    base, scen = panel_of(ds), panel_of(ds, result)
    pd.testing.assert_frame_equal(scen, base, check_exact=True)
    if base["budget_total"].sum() > 0:
        pd.testing.assert_frame_equal(panel_balance(scen, "budget_total").summary,
                                      panel_balance(base, "budget_total").summary,
                                      check_exact=True)


@PROPERTY
@given(registries(min_size=1), st.floats(0, 1, exclude_min=True), st.sampled_from(
    ["per_capita", "deprivation", "equal", "named"]),
    st.lists(st.sampled_from(CODES), min_size=1, max_size=2, unique=True),
    st.lists(st.integers(1, 9), min_size=4, max_size=4))
def test_property_budget_shift_preserves_the_total(projects, share, rule, donors, weights):
    ds = make_dataset(projects)
    recipients = [c for c in CODES if c not in donors]
    edit = {"type": "shift_budget", "share": share, "rule": rule, "from": donors}
    if rule == "named":
        edit["weights"] = dict(zip(recipients, weights))
    result = apply_scenario(ds, scenario(edit))
    base, scen = panel_of(ds), panel_of(ds, result)
    assert scen["budget_total"].sum() == pytest.approx(base["budget_total"].sum(),
                                                       rel=1e-9, abs=1e-9)
    for code in donors:
        assert scen.loc[code, "budget_total"] == pytest.approx(
            (1 - share) * base.loc[code, "budget_total"], rel=1e-9, abs=1e-9)
    for code in recipients:
        assert scen.loc[code, "budget_total"] >= base.loc[code, "budget_total"] - 1e-9


@PROPERTY
@given(registries(), st.lists(edits, max_size=5))
def test_property_applying_never_changes_the_baseline(projects, raw_edits):
    ds = make_dataset(projects)
    before = snapshot(ds)
    try:
        result = apply_scenario(ds, scenario(*raw_edits))
    except ScenarioError:
        result = None
    assert_untouched(ds, before)
    if result is not None:
        n = len(projects)
        assert list(result.projects["project_id"].iloc[:n]) == list(projects["project_id"])
        assert not result.projects["is_hypothetical"].iloc[:n].any()
        assert result.projects["is_hypothetical"].iloc[n:].all()
        assert set(result.projects["status"]) <= set(STATUSES)


@PROPERTY
@given(registries(), filters, st.sampled_from(STATUSES), st.integers(0, 100))
def test_property_filtered_edit_touches_only_matching(projects, raw_filter, status, progress):
    assume(status != "completed" or progress == 100)
    ds = make_dataset(projects)
    flt, rejected = ProjectFilter.from_dict(raw_filter)
    assert not rejected
    expected = flt.mask(projects)
    result = apply_scenario(ds, scenario({"type": "set_projects", "filter": raw_filter,
                                          "status": status, "physical_progress_pct": progress}))
    out = result.projects[list(projects.columns)]
    pd.testing.assert_frame_equal(out[~expected], projects[~expected], check_exact=True)
    assert (out.loc[expected, "status"] == status).all()
    assert (out.loc[expected, "physical_progress_pct"] == progress).all()
    assert result.log[0].n_projects == int(expected.sum())


@PROPERTY
@given(registries(min_size=2), st.data())
def test_property_disjoint_edits_commute_and_assumptions_anywhere(projects, data):
    ds = make_dataset(projects)
    ids = list(projects["project_id"])
    first = data.draw(st.lists(st.sampled_from(ids), min_size=1, unique=True))
    rest = [i for i in ids if i not in first]
    second = data.draw(st.lists(st.sampled_from(rest), unique=True)) if rest else []
    a = {"type": "set_projects", "ids": first, "status": data.draw(st.sampled_from(STATUSES))}
    b = ({"type": "cancel", "ids": second} if second else
         {"type": "add_project", "county": "nain", "sector": "water", "title_fa": "x",
          "budget_billion_rials": 10, "expected_jobs": 5, "status": "completed", "id": "x"})
    assume_edit = {"type": "assumptions", "group": "industrial", "m": 0.9, "k": 2}
    results = [apply_scenario(ds, scenario(*order)) for order in (
        (a, b, assume_edit), (b, a, assume_edit), (assume_edit, a, b), (a, assume_edit, b))]
    for other in results[1:]:
        pd.testing.assert_frame_equal(other.projects, results[0].projects, check_exact=True)
        pd.testing.assert_frame_equal(other.labour.drop(columns="assumption"),
                                      results[0].labour.drop(columns="assumption"),
                                      check_exact=True)
        pd.testing.assert_frame_equal(other.indicators_adjusted,
                                      results[0].indicators_adjusted, check_exact=True)


# ---------------------------------------------------------------------------
# The side-by-side report (CLI and page)
# ---------------------------------------------------------------------------


def test_report_of_an_empty_scenario_shows_no_change(ds):
    from analytics.scenario import scenario_report

    report = scenario_report(ds, Scenario(), today=TODAY)
    json.dumps(report, ensure_ascii=False, allow_nan=False)  # plain data
    assert report["measure"] == "budget_total" and report["hypothetical"] == []
    assert all(b["change"] == 0 for b in report["balance"])
    assert all(r["budget_total_change"] == 0 for r in report["panel"])
    assert all(r["development_rank_change"] in (0, None) for r in report["ranks"])
    assert report["totals"]["province"]["budget_total"]["change"] == 0
    assert set(report["labour_note"]) == {"fa", "en"}


def test_report_side_by_side(ds):
    from analytics.scenario import scenario_report

    sc = scenario({"type": "shift_budget", "share": 0.5, "rule": "equal"},
                  {"type": "set_projects", "ids": ["k1"], "status": "completed"})
    report = scenario_report(ds, sc, today=TODAY)
    json.dumps(report, ensure_ascii=False, allow_nan=False)
    panel = {r["code"]: r for r in report["panel"]}
    assert panel["isfahan"]["budget_total_baseline"] == 1200
    assert panel["isfahan"]["budget_total_scenario"] == pytest.approx(600)
    assert panel["nain"]["budget_total_change"] == pytest.approx(200)
    assert report["totals"]["province"]["budget_total"]["change"] == pytest.approx(0, abs=1e-9)
    centre_share = next(b for b in report["balance"] if b["measure_id"] == "centre_share_x")
    assert centre_share["scenario"] < centre_share["baseline"]
    assert centre_share["change"] == pytest.approx(
        centre_share["scenario"] - centre_share["baseline"])
    labour = {r["code"]: r for r in report["labour"]}
    assert labour["khur_va_biabanak"]["jobs"] == 20
    assert panel["khur_va_biabanak"]["unemployment_rate_change"] < 0
    assert len(report["hypothetical"]) == 3 and len(report["edits"]) == 2
    assert report["edits"][0]["en"].startswith("move 50%")
    ranks = {r["code"]: r for r in report["ranks"]}
    assert ranks["isfahan"]["measure_rank_change"] <= 0  # less per-capita budget


def test_report_with_filter_and_measure(ds):
    from analytics.scenario import scenario_report

    sc = scenario({"type": "set_projects", "filter": {"sectors": ["tourism"]},
                   "status": "completed"})
    report = scenario_report(ds, sc, flt=ProjectFilter(sectors=("tourism",)),
                             measure="completed_budget", today=TODAY)
    panel = {r["code"]: r for r in report["panel"]}
    assert report["filter"] == {"sectors": ["tourism"]}
    assert panel["nain"]["completed_budget_scenario"] == 50
    assert panel["isfahan"]["n_projects_baseline"] == 0  # filtered out
    with pytest.raises(ValueError):
        scenario_report(ds, sc, measure="happiness")
    with pytest.raises(ScenarioError):
        scenario_report(ds, {"version": 1, "edits": [{"type": "cancel", "ids": ["nope"]}]})


def test_report_on_the_real_data():
    from analytics.scenario import scenario_report

    report = scenario_report(load_dataset(), EXAMPLE_REAL)
    json.dumps(report, ensure_ascii=False, allow_nan=False)
    assert len(report["panel"]) == 28 and len(report["labour"]) == 28
    assert report["totals"]["province"]["budget_total"]["change"] == pytest.approx(500)


EXAMPLE_REAL = {
    "version": 1, "name": "real",
    "edits": [
        EXAMPLE["edits"][0],
        {"type": "add_project", "county": "nain", "sector": "tourism", "title_fa": "اقامتگاه",
         "budget_billion_rials": 500, "expected_jobs": 120, "status": "completed"},
        {"type": "shift_budget", "share": 0.1, "rule": "deprivation",
         "deprivation_by": "development_rank"},
        {"type": "assumptions", "group": "industrial", "m": 0.8, "k": 2},
    ],
}


# ---------------------------------------------------------------------------
# One filter semantics: the engine's fast selection is ProjectFilter.mask
# ---------------------------------------------------------------------------

_FILTERS = st.builds(
    ProjectFilter,
    counties=st.lists(st.sampled_from(CODES), unique=True, max_size=2).map(tuple),
    sectors=st.lists(st.sampled_from(SECTORS), unique=True, max_size=2).map(tuple),
    statuses=st.lists(st.sampled_from(STATUSES), unique=True, max_size=2).map(tuple),
    funding_sources=st.lists(st.sampled_from(["national", "mixed", "private"]), unique=True,
                             max_size=2).map(tuple),
    year_from=st.none() | st.integers(1400, 1409),
    year_to=st.none() | st.integers(1400, 1409),
    provenance=st.sampled_from(["all", "sourced", "sample"]),
    text=st.sampled_from(["", "پروژه k", "i1"]),
)


@settings(max_examples=80, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(flt=_FILTERS)
def test_engine_selection_is_the_project_filter(ds, flt):
    from analytics.scenario.table import EditState

    state = EditState(ds)
    assert state.filter_mask(flt).tolist() == flt.mask(ds.projects).tolist()
    # the same after an edit has changed statuses (the engine tracks them as codes)
    sc = scenario({"type": "cancel", "filter": {"sectors": ["tourism"]}})
    edited = apply_scenario(ds, sc).projects
    cancel_then_select = scenario({"type": "cancel", "filter": {"sectors": ["tourism"]}},
                                  {"type": "set_projects", "filter": flt.to_dict(),
                                   "physical_progress_pct": 1})
    result = apply_scenario(ds, cancel_then_select).projects
    touched = (result["physical_progress_pct"] == 1).to_numpy()
    expected = flt.mask(edited) | (edited["physical_progress_pct"] == 1).to_numpy()
    assert touched.tolist() == expected.tolist()
