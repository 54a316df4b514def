import numpy as np
import pandas as pd
import pytest

from analytics.filters import ProjectFilter
from analytics.panel import build_panel, panel_totals, sample_flags


def test_panel_hand_computed(tiny_projects, tiny_indicators, tiny_counties):
    panel = build_panel(tiny_projects, tiny_indicators, tiny_counties, today="1405/09/06")
    isf, len_, nain = (panel.loc[c] for c in ("isfahan", "lenjan", "nain"))
    # Isfahan: 600 + 200 budget, progress (600*50 + 200*100)/800 = 62.5
    assert isf["budget_total"] == 800 and isf["progress_weighted"] == pytest.approx(62.5)
    assert isf["jobs_total"] == 150 and isf["n_completed"] == 1 and isf["n_in_progress"] == 1
    # Lenjan: the cancelled SEZ is excluded from budget/jobs but counted as a project
    assert len_["n_projects"] == 2 and len_["n_cancelled"] == 1
    assert len_["budget_total"] == 100 and len_["jobs_total"] == 40
    # Lenjan's stalled school ended 1404/06/31 < today and is not completed → overdue
    assert len_["n_overdue"] == 1 and isf["n_overdue"] == 0
    # per capita: 800 bn rials * 1000 / 2000 persons = 400 million rials per person
    assert isf["budget_per_capita"] == pytest.approx(400)
    assert len_["jobs_per_1000"] == pytest.approx(80)
    # unemployed = 200 * 20% = 40 → 40 jobs / 40 unemployed = 1
    assert len_["unemployed"] == pytest.approx(40) and len_["jobs_per_unemployed"] == pytest.approx(1)
    assert nain["n_started"] == 0 and isf["n_started"] == 2
    # latest year is used: Isfahan population 1395 (2000), not 1390 (1)
    assert isf["population"] == 2000 and isf["population_year"] == 1395


def test_sample_flags_follow_the_indicator(tiny_projects, tiny_indicators, tiny_counties):
    panel = build_panel(tiny_projects, tiny_indicators, tiny_counties, today="1405/09/06")
    assert sample_flags(panel, "unemployment_rate").to_dict() == {
        "isfahan": False, "lenjan": False, "nain": True}
    assert not sample_flags(panel, "budget_total").any()


def test_totals_province_and_rest(tiny_projects, tiny_indicators, tiny_counties):
    panel = build_panel(tiny_projects, tiny_indicators, tiny_counties, today="1405/09/06")
    totals = panel_totals(panel)
    assert totals.loc["province", "budget_total"] == 1000
    assert totals.loc["rest", "budget_total"] == 200
    assert totals.loc["rest", "n_counties"] == 2
    # unemployment of the rest: (40 + 12) / (200 + 150) = 14.857%
    assert totals.loc["rest", "unemployment_rate"] == pytest.approx(100 * 52 / 350)
    assert totals.loc["province", "budget_per_capita"] == pytest.approx(1000 * 1000 / 3000)


def test_year_choice_uses_latest_not_after(tiny_projects, tiny_indicators, tiny_counties):
    panel = build_panel(tiny_projects, tiny_indicators, tiny_counties, year=1390, today="1405/09/06")
    assert panel.loc["isfahan", "population"] == 1
    assert np.isnan(panel.loc["lenjan", "population"])


def test_unknown_county_in_projects_is_an_error(tiny_projects, tiny_indicators, tiny_counties):
    bad = tiny_projects.assign(county_code=["isfahan", "tehran", "lenjan", "lenjan", "nain"])
    with pytest.raises(ValueError, match="tehran"):
        build_panel(bad, tiny_indicators, tiny_counties)


def test_filter_that_keeps_everything_equals_no_filter(tiny_projects, tiny_indicators,
                                                       tiny_counties):
    everything = ProjectFilter(counties=("isfahan", "lenjan", "nain"), year_from=1395,
                               year_to=1415)
    a = build_panel(everything.apply(tiny_projects), tiny_indicators, tiny_counties, today="1405/09/06")
    b = build_panel(tiny_projects, tiny_indicators, tiny_counties, today="1405/09/06")
    pd.testing.assert_frame_equal(a, b)
