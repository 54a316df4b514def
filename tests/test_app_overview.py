"""AppTest of the app shell and the Overview page on the embedded data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest


def run_app(**query) -> AppTest:
    at = AppTest.from_file(str(Path(__file__).resolve().parents[1] / "app.py"),
                           default_timeout=60)
    for key, value in query.items():
        at.query_params[key] = value
    return at.run()


def test_overview_renders_persian_headline_figures(panel):
    at = run_app()
    assert not at.exception
    assert "نمای کلی" in at.title[0].value
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["در حال اجرا"] == "".join("۰۱۲۳۴۵۶۷۸۹"[int(d)] for d in str(int(panel["n_in_progress"].sum())))
    share = panel.loc["isfahan", "budget_total"] / panel["budget_total"].sum()
    expected = f"{share * 100:.0f}%".translate(str.maketrans("0123456789%", "۰۱۲۳۴۵۶۷۸۹٪"))
    assert metrics["بودجه: مرکز استان"] == expected
    assert len(at.get("plotly_chart")) == 1


def test_map_has_a_shape_per_county_and_attribution():
    at = run_app()
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    text = json.dumps(spec, ensure_ascii=False)
    assert "© OpenStreetMap contributors" in text or spec["data"][0]["type"] == "scatter"
    first = spec["data"][0]
    if first["type"] == "choropleth":
        assert len(first["locations"]) == 28
        ids = {f["id"] for f in first["geojson"]["features"]}
        assert set(first["locations"]) <= ids
        assert any(t.get("name") == "centre" and t["locations"] == ["isfahan"] for t in spec["data"])


def test_changing_the_measure_changes_the_map():
    at = run_app()
    before = json.loads(at.get("plotly_chart")[0].proto.spec)["data"][0]
    at.selectbox[0].select("unemployment_rate").run()
    after = json.loads(at.get("plotly_chart")[0].proto.spec)["data"][0]
    key = "z" if "z" in before else "name"
    assert before[key] != after[key]
    assert at.query_params["measure"] in ("unemployment_rate", ["unemployment_rate"])
    at.selectbox[0].select("population").run()  # a second choice sticks too
    assert at.selectbox[0].value == "population"
    third = json.loads(at.get("plotly_chart")[0].proto.spec)["data"][0]
    assert third[key] != after[key]


def test_english_and_url_state():
    at = run_app(lang="en", measure="population")
    assert not at.exception
    assert "Overview" in at.title[0].value
    assert at.selectbox[0].value == "population"


@pytest.mark.parametrize("query", [{"lang": "xx"}, {"measure": "../../etc"},
                                   {"f": "{not json"}, {"f": json.dumps({"sectors": ["evil"]})}])
def test_tampered_links_fall_back_with_a_notice(query):
    at = run_app(**query)
    assert not at.exception
    assert at.warning, "a notice names the rejected parameter"


def test_filter_changes_headline(panel):
    at = run_app(f=json.dumps({"counties": ["lenjan"]}))
    assert not at.exception
    total = sum(int(m.value.translate(str.maketrans("۰۱۲۳۴۵۶۷۸۹", "0123456789")))
                for m in at.metric[:6])
    assert total == int(panel.loc["lenjan", "n_projects"])


def test_without_boundaries_the_app_runs_and_says_how_to_get_them(monkeypatch, tmp_path):
    monkeypatch.setenv("PISHRAN_BOUNDARIES", str(tmp_path / "missing.geojson"))
    from ui import data

    data.province_geometry.clear()
    try:
        at = run_app()
        assert not at.exception
        assert any("PISHRAN_BOUNDARIES" in i.value and "pishran boundaries fetch" in i.value
                   for i in at.info)
        spec = json.loads(at.get("plotly_chart")[0].proto.spec)
        tiles = next(t for t in spec["data"] if t.get("name") == "tiles")
        assert len(tiles["customdata"]) == 28  # the equal-tile map: a hexagon per county
    finally:
        data.province_geometry.clear()


def test_overview_shows_the_overdue_counts_and_links_the_worst_county():
    from analytics.followup_status import followup_status
    from i18n import fmt_int, t
    from store.loading import load_dataset

    at = run_app()
    assert not at.exception
    ds = load_dataset()
    status = followup_status(ds.projects, counties=list(ds.counties["code"]))
    metrics = {m.label: m.value for m in at.metric}
    assert metrics[t("overdue.metric.overdue", "fa")] == fmt_int(
        int(status.projects["is_overdue"].sum()), "fa")
    assert metrics[t("overdue.metric.missed", "fa")] == fmt_int(
        int(status.projects["missed_end"].sum()), "fa")
