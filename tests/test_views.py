"""The view registry: every view builds in both languages from one context; deck tables."""

from __future__ import annotations

import json

import pytest

from briefing.context import build_context
from briefing.tables import key_figures, scenario_comparison, sources
from briefing.views import VIEWS, offered_views
from i18n import has_key


@pytest.fixture(scope="module")
def ctx():
    return build_context()


@pytest.mark.parametrize("view_id", [v for v in VIEWS if not VIEWS[v].needs_scenario])
@pytest.mark.parametrize("lang", ["fa", "en"])
def test_every_view_builds(ctx, view_id, lang):
    view = VIEWS[view_id]
    assert has_key(view.title_key)
    fig = view.build(ctx, lang)
    assert fig.data, view_id
    text = json.dumps(fig.to_plotly_json(), ensure_ascii=False, default=str)
    if view.is_map and ctx.geometry is not None:
        assert "© OpenStreetMap contributors" in text
    if lang == "fa":
        assert any(ch in text for ch in "۰۱۲۳۴۵۶۷۸۹")


def test_scenario_view_needs_a_scenario(ctx):
    with pytest.raises(ValueError):
        VIEWS["scenario_change_map"].build(ctx, "fa")
    assert scenario_comparison(ctx, "fa") == []


def test_scenario_context_and_comparison():
    scenario = {"version": 1, "name": "shift", "edits": [{"type": "shift_budget", "share": 0.2,
                                            "rule": "equal"}]}
    ctx = build_context(scenario=scenario)
    fig = VIEWS["scenario_change_map"].build(ctx, "fa")
    assert fig.data
    rows = scenario_comparison(ctx, "en")
    centre = [r for r in rows if r[0].startswith("Centre")]
    assert centre, rows
    baseline, after = centre[0][1:3]
    assert isinstance(baseline, float) and after < baseline  # a fifth of the centre's budget moved to the counties


def test_key_figures_and_sources(ctx):
    figures = dict(key_figures(ctx, "en"))
    assert figures["Driver projects"] == str(int(ctx.panel["n_projects"].sum()))
    rows = sources(ctx, "en")
    assert any("Sample" in r[1] for r in rows)
    # the year the panel shows, counted from data/indicators.csv by hand (population 1395,
    # the 28 county rows): 23 sourced, 3 derived (Isfahan, Harand, Varzaneh), 2 estimates
    # (Jarqavieh, Kuhpayeh) — the table in data/README.md says the same
    assert rows[0] == ("Population", "1395: Sourced 23, Derived 3, Estimate 2", rows[0][2])
    # the five units of pre-2021 Isfahan show the group's census rate: counted as group
    assert rows[1][1] == "1395: Sourced 4, Derived 19, Value of the larger unit 5"


def test_a_scenario_file_is_named_by_its_name_or_stem_never_its_path(tmp_path):
    """The deck's scenario slide was titled «/tmp/…/scn.json»: the name in the file, else the
    file's stem, names the scenario."""
    edits = [{"type": "shift_budget", "share": 0.2, "rule": "equal"}]
    named = tmp_path / "scn.json"
    named.write_text(json.dumps({"version": 1, "name": "انتقال بودجه", "edits": edits},
                                ensure_ascii=False), encoding="utf-8")
    unnamed = tmp_path / "budget-shift.json"
    unnamed.write_text(json.dumps({"version": 1, "edits": edits}), encoding="utf-8")
    assert build_context(scenario=str(named), geometry=None).scenario_name == "انتقال بودجه"
    assert build_context(scenario=str(unnamed), geometry=None).scenario_name == "budget-shift"
    ctx = build_context(scenario={"version": 1, "name": "shift", "edits": edits}, geometry=None)
    assert ctx.scenario_name == "shift"


def test_offered_views_keep_scenario_views_for_a_scenario():
    without, with_scenario = offered_views(False), offered_views(True)
    assert with_scenario == list(VIEWS)  # registry order
    assert without == [v for v in VIEWS if not VIEWS[v].needs_scenario]
    assert "scenario_change_map" in with_scenario and "scenario_change_map" not in without
