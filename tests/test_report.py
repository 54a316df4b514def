"""``pishran report``: same numbers as ``panel_balance``, filters, errors, JSON and text."""

import io
import json
import math
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from analytics.filters import ProjectFilter
from analytics.indicators import DEFAULT_RANKING_SPEC, delta_inputs, indicators_for_year
from analytics.measures import panel_balance
from analytics.panel import build_panel
from briefing.report import measure_value_text, report_data
from core.jsonsafe import to_jsonable
from pishran.cli import build_parser, main
from pishran.report_command import run_report

ROOT = Path(__file__).resolve().parents[1]


def _report(argv, ds):
    args = build_parser().parse_args(["report", *argv])
    out, err = io.StringIO(), io.StringIO()
    code = run_report(args, dataset=ds, out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def _no_nan(text: str):
    def refuse(constant):
        raise AssertionError(f"JSON holds {constant}")
    return json.loads(text, parse_constant=refuse)


def _expected(ds, flt, x="budget_total"):
    panel = build_panel(flt.apply(ds.projects), ds.indicators, ds.counties)
    return panel_balance(panel, x).summary.set_index("measure_id")


def _assert_same(measures, expected):
    got = {m["measure_id"]: m for m in measures}
    assert set(got) == set(expected.index)
    for mid, row in expected.iterrows():
        value = row["value"]
        if math.isfinite(value):
            assert got[mid]["value"] == pytest.approx(value, rel=1e-12, abs=1e-15), mid
        elif math.isinf(value):
            assert got[mid]["value"] == ("inf" if value > 0 else "-inf")
        else:
            assert got[mid]["value"] is None
        assert got[mid]["weighted"] == bool(row["weighted"])
        assert got[mid]["n_units"] == row["n_units"]


def test_json_measures_equal_panel_balance(ds):
    code, out, _ = _report(["--json"], ds)
    assert code == 0
    data = _no_nan(out)
    assert set(data) >= {"filter", "panel", "totals", "measures", "dropped", "ranking", "labour"}
    assert data["filter"] == {}
    _assert_same(data["measures"], _expected(ds, ProjectFilter()))
    assert len(data["panel"]) == 28 and data["dropped"] == []
    assert data["totals"]["province"]["n_counties"] == 28


def test_filters_change_the_output(ds):
    base = _no_nan(_report(["--json"], ds)[1])
    code, out, _ = _report(["--json", "--sector", "industry", "--status", "in_progress",
                            "--measure", "jobs_total"], ds)
    assert code == 0
    data = _no_nan(out)
    flt = ProjectFilter(sectors=("industry",), statuses=("in_progress",))
    assert data["filter"] == flt.to_dict()
    _assert_same(data["measures"], _expected(ds, flt, "jobs_total"))
    assert data["projects"]["n_projects"] < base["projects"]["n_projects"]
    assert data["measures"] != base["measures"]
    # counties by any spelling, years and provenance
    code, out, _ = _report(["--json", "--county", "لنجان", "--county", "Mobarakeh",
                            "--year-from", "1403", "--provenance", "sample"], ds)
    data = _no_nan(out)
    assert data["filter"] == {"counties": ["lenjan", "mobarakeh"], "year_from": 1403,
                              "provenance": "sample"}
    with_projects = {r["code"] for r in data["panel"] if r["n_projects"]}
    assert with_projects <= {"lenjan", "mobarakeh"} and with_projects


def test_report_data_is_what_the_cli_prints(ds):
    flt = ProjectFilter(funding_sources=("national", "mixed"))
    data = report_data(ds, flt, "n_projects")
    code, out, _ = _report(["--json", "--funding", "national", "--funding", "mixed",
                            "--measure", "n_projects"], ds)
    assert code == 0 and _no_nan(out) == json.loads(json.dumps(data))


def test_bad_county_exits_2_with_suggestion(ds):
    code, out, err = _report(["--county", "Lenjon"], ds)
    assert code == 2 and out == ""
    assert "Lenjon" in err and "Lenjan" in err


def test_bad_options_exit_2(ds):
    for argv, word in ((["--sector", "steel"], "industry"), (["--status", "done"], "completed"),
                       (["--funding", "bank"], "private"), (["--measure", "population"], "budget_total"),
                       (["--year-from", "99"], "Jalali")):
        code, _, err = _report(argv, ds)
        assert code == 2 and word in err, argv


def test_infinite_ratio_survives_json(ds):
    # industry only: some counties get nothing, so the highest/lowest ratio is infinite
    code, out, _ = _report(["--json", "--sector", "industry"], ds)
    data = _no_nan(out)
    ratio = {m["measure_id"]: m["value"] for m in data["measures"]}["range_ratio"]
    assert ratio == "inf"
    code, out, _ = _report(["--sector", "industry"], ds)
    assert "∞" in out


def test_nothing_to_measure_is_reported_not_raised(ds):
    code, out, _ = _report(["--json", "--status", "cancelled", "--measure", "completed_budget"], ds)
    data = _no_nan(out)
    assert code == 0 and data["measures"] == [] and "measures_error" in data


def test_text_report_english_and_persian(ds):
    code, out, _ = _report(["--lang", "en"], ds)
    assert code == 0
    assert "Gini (population-weighted)" in out and "Industrial magnet" in out
    # Gini of budget per person, weighted by population 1395: checked once by hand from
    # data/projects.csv (non-cancelled budgets) and data/indicators.csv (population 1395 of
    # the 28 counties, sum 5,120,850) with the mean-difference formula
    # Σ_i Σ_j p_i p_j |y_i − y_j| / (2 P² ȳ) = 0.304498 (was 0.305 while Khomeyni Shahr's
    # unverified 369,727 was in the population)
    assert "Lenjan" in out and "0.304" in out
    code, out, _ = _report([], ds)  # Persian by default (issue 16)
    assert code == 0
    assert "ضریب جینی (وزن جمعیتی)" in out and "قطب صنعتی جاذب" in out
    assert "۰٫۳۰۴" in out and "لنجان" in out and "0.304" not in out
    assert "✱" in out


def test_ranking_and_labour_sections(ds):
    data = report_data(ds, ProjectFilter())
    ranking = data["ranking"]
    assert set(ranking["spec"]) == set(DEFAULT_RANKING_SPEC)
    assert ranking["spec"]["unemployment_rate"]["direction"] == -1
    assert ranking["methods"] == ["zscore_sum", "morris", "hellwig", "topsis"]
    # the five units of pre-2021 Isfahan carry only the group's unemployment, literacy and
    # urbanisation: not ranked on them, named with the indicators concerned
    five = ["isfahan", "harand", "varzaneh", "jarqavieh", "kuhpayeh"]
    assert len(ranking["counties"]) == 23
    assert sorted(e["county"] for e in ranking["excluded"]) == sorted(five)
    assert all(e["group_indicators"] == ["unemployment_rate", "literacy_rate", "urbanisation_rate"]
               for e in ranking["excluded"])
    assert ranking["inputs"] == {"total": 140, "n_ranked": 23, "n_ranked_values": 115,
                                 "n_sample": 65, "n_group": 15, "n_missing": 0}
    assert {"lenjan", "mobarakeh"} <= set(data["labour"]["quadrants"]["industrial_magnet"])
    assert data["labour"]["group_counties"] == five


def test_json_report_gives_census_unemployment_and_never_the_group_value_as_own(ds):
    """Issue 14: Lenjan 18.1 and Kashan 7.8 (census 1395, SCI table 5; the rows of
    data/indicators.csv are sourced and derived); today's five units of pre-2021 Isfahan
    county carry its 13.4 only as the group's value, never as their own."""
    code, out, _ = _report(["--json"], ds)
    assert code == 0
    data = _no_nan(out)
    panel = {row["code"]: row for row in data["panel"]}
    for code_, value in (("lenjan", 18.1), ("kashan", 7.8)):
        row = panel[code_]
        assert row["unemployment_rate"] == value
        assert row["unemployment_rate_is_sample"] is False
        assert row["unemployment_rate_is_group"] is False
    for unit in ("isfahan", "harand", "varzaneh", "jarqavieh", "kuhpayeh"):
        row = panel[unit]
        assert row["unemployment_rate"] is None                 # not its own figure
        assert row["unemployment_rate_is_group"] is True
        assert row["unemployment_rate_group_value"] == 13.4     # marked as the group's
        assert row["unemployment_rate_is_sample"] is True
        labour = next(r for r in data["labour"]["counties"] if r["code"] == unit)
        assert labour["unemployment_rate"] is None and labour["quadrant"] is None
        assert labour["is_group"] is True
        assert all(unit not in members for members in data["labour"]["quadrants"].values())
        assert unit not in {r["code"] for r in data["ranking"]["counties"]}
        assert unit in data["ranking"]["group_values"]["unemployment_rate"]
        assert unit not in data["ranking"]["sample_values"]["unemployment_rate"]
    # the province comparator is the census rate (same series), not the news 14.6
    assert round(data["totals"]["province"]["unemployment_rate"], 1) == 12.7
    assert round(data["labour"]["thresholds"]["unemployment_rate"], 1) == 12.7


def test_cli_entry_point_end_to_end():
    done = subprocess.run([sys.executable, "-m", "pishran", "report", "--json", "--sector",
                           "mining"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert _no_nan(done.stdout)["filter"] == {"sectors": ["mining"]}
    bad = subprocess.run([sys.executable, "-m", "pishran", "report", "--county", "Najafabd"],
                         cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert bad.returncode == 2 and "Najafabad" in bad.stderr


def test_main_returns_the_code(ds, capsys):
    assert main(["report", "--county", "Atlantis"]) == 2
    assert "unknown county 'Atlantis'" in capsys.readouterr().err


# --- helpers ---------------------------------------------------------------------------------


def test_to_jsonable_and_value_text():
    assert to_jsonable({"a": float("nan"), "b": float("inf"), "c": pd.NA, "d": (1, 2.5)}) == {
        "a": None, "b": "inf", "c": None, "d": [1, 2.5]}
    assert measure_value_text("inf", "fa") == "∞"
    assert measure_value_text(0.30507, "fa") == "۰٫۳۰۵"
    assert measure_value_text(38.996, "en") == "39.0"
    assert measure_value_text(math.inf, "en") == "∞"
    assert measure_value_text(float("nan"), "en") == "—"


def _indicator_rows(rows):
    return pd.DataFrame([{"county_code": c, "indicator": i, "year": y, "value": v,
                          "is_sample": s} for c, i, y, v, s in rows]).astype(
        {"year": "Int64", "is_sample": "boolean"})


def test_population_growth_and_delta_inputs():
    ind = _indicator_rows([
        ("a", "population", 1385, 1000.0, False), ("a", "population", 1390, 1100.0, False),
        ("a", "population", 1395, 1210.0, False),
        ("b", "population", 1385, 1000.0, False), ("b", "population", 1390, 1000.0, False),
        ("b", "population", 1395, 900.0, True),
        ("a", "unemployment_rate", 1390, 10.0, True), ("b", "unemployment_rate", 1390, 12.0, True),
        ("a", "unemployment_rate", 1395, 9.0, False), ("b", "unemployment_rate", 1395, 14.0, False),
        ("a", "literacy_rate", 1395, 90.0, False), ("b", "literacy_rate", 1395, 80.0, False),
    ])
    values, flags = indicators_for_year(ind, ["a", "b"], 1395, ["population_growth"])
    # 100·((1210/1100)^(1/5) − 1) and 100·((900/1000)^(1/5) − 1)
    assert values.loc["a", "population_growth"] == pytest.approx(100 * (1.1 ** 0.2 - 1))
    assert values.loc["b", "population_growth"] == pytest.approx(100 * (0.9 ** 0.2 - 1))
    assert flags["population_growth"].to_dict() == {"a": False, "b": True}
    by_year, usable, lacking, year_flags = delta_inputs(
        ind, ["a", "b"], ["unemployment_rate", "literacy_rate", "population_growth"])
    assert usable == ["unemployment_rate", "population_growth"]
    assert lacking == {"literacy_rate": [1390]}
    assert by_year[1390].loc["b", "unemployment_rate"] == 12.0
    assert year_flags[1390]["unemployment_rate"].all()
    assert by_year[1390].loc["a", "population_growth"] == pytest.approx(100 * (1.1 ** 0.2 - 1))
