"""briefing.deck.deck_spec: the one function that decides a deck's content — slide order,
validation, titles — and the Briefing page and ``pishran export deck`` get the same spec
for the same inputs."""

from __future__ import annotations

import argparse
import json

import pytest

from analytics.filters import ProjectFilter
from briefing.context import build_context
from briefing.deck import deck_spec, expected_slide_count
from briefing.findings import finding
from briefing.tables import key_figures, scenario_comparison, sources
from briefing.views import VIEWS, offered_views
from i18n import t
from pishran.export_commands import add_export_commands
from store.scenarios import load_scenario
from ui.downloads import briefing_specs

SCENARIO = {"version": 1, "name": "انتقال بودجه", "edits": [
    {"type": "shift_budget", "share": 0.2, "rule": "equal"}]}
SCENARIO_VIEWS = [v for v, view in VIEWS.items() if view.needs_scenario]


@pytest.fixture(scope="module")
def baseline(ds):
    return build_context(dataset=ds, geometry=None)


@pytest.fixture(scope="module")
def with_scenario(ds):
    return build_context(scenario=SCENARIO, dataset=ds, geometry=None)


@pytest.fixture
def scenario_file(tmp_path):
    path = tmp_path / "scn.json"
    path.write_text(json.dumps(SCENARIO, ensure_ascii=False), encoding="utf-8")
    return path


def content(specs) -> list[tuple]:
    """Everything a spec says: kind, title, subtitle, table, notes and the figure's JSON."""
    return [(s.kind, s.title, s.subtitle, s.table, s.notes,
             s.figure.to_json() if s.figure is not None else None) for s in specs]


def cli_specs(argv: list[str], monkeypatch) -> list:
    """The specs ``pishran export deck`` passes to the writer."""
    import exports.deck

    parser = argparse.ArgumentParser(prog="pishran")
    add_export_commands(parser.add_subparsers(dest="command", required=True))
    seen = []
    monkeypatch.setattr(exports.deck, "build_deck",
                        lambda specs, lang="fa", progress=None: seen.append(specs) or b"")
    args = parser.parse_args(argv)
    assert args.func(args) == 0
    return seen[0]


def test_slides_in_order_title_views_key_figures_sources(baseline):
    views = ["status_bars", "lorenz", "ranking"]
    specs = deck_spec(baseline, views, "en")
    assert [s.kind for s in specs] == ["title", "figure", "figure", "figure", "table",
                                       "sources"]
    assert len(specs) == expected_slide_count(len(views), False)
    assert specs[0].title == t("deck.title", "en") and specs[0].subtitle is None
    # each chart slide: its finding as the title, the chart's name under it (issue 16)
    assert [s.subtitle for s in specs[1:4]] == [t(VIEWS[v].title_key, "en") for v in views]
    assert [s.title for s in specs[1:4]] == [finding(v, baseline, "en") for v in views]
    assert all(any(ch.isdigit() for ch in s.title) for s in specs[1:4])
    assert specs[4].table[1:] == [list(r) for r in key_figures(baseline, "en")]
    assert specs[5].table[1:] == [list(r) for r in sources(baseline, "en")]


def test_a_scenario_adds_the_comparison_and_names_the_scenario(with_scenario):
    specs = deck_spec(with_scenario, ["centre_rest", *SCENARIO_VIEWS], "fa",
                      scenario_name="ignored: the context names it")
    assert [s.kind for s in specs][-3:] == ["table", "comparison", "sources"]
    assert len(specs) == expected_slide_count(1 + len(SCENARIO_VIEWS), True)
    assert specs[0].subtitle == t("deck.scenario_line", "fa", name="انتقال بودجه")
    comparison = specs[-2]
    assert comparison.title.endswith("انتقال بودجه")
    assert comparison.table[1:] == [list(r) for r in scenario_comparison(with_scenario, "fa")]


def test_default_views_and_title(baseline, with_scenario):
    def figures(specs):
        return [s.subtitle for s in specs if s.kind == "figure"]  # the chart names

    assert figures(deck_spec(baseline, None, "fa")) == [
        t(VIEWS[v].title_key, "fa") for v in offered_views(False)]
    assert figures(deck_spec(with_scenario, None, "fa")) == [
        t(VIEWS[v].title_key, "fa") for v in offered_views(True)]
    assert deck_spec(baseline, ["status_bars"], "fa", title="  جلسه  ")[0].title == "جلسه"
    assert deck_spec(baseline, ["status_bars"], "fa", title="   ")[0].title == t("deck.title",
                                                                                "fa")


def test_bad_choices_are_refused(baseline):
    with pytest.raises(ValueError, match="at least one"):
        deck_spec(baseline, [], "fa")
    with pytest.raises(ValueError, match="no_such_view"):
        deck_spec(baseline, ["status_bars", "no_such_view"], "fa")
    with pytest.raises(ValueError, match="scenario"):
        deck_spec(baseline, SCENARIO_VIEWS, "fa")


def test_app_and_cli_get_the_same_spec(monkeypatch, tmp_path, ds):
    views = ["status_bars", "map_unemployment", "ranking"]
    cli = cli_specs(["export", "deck", "--out", str(tmp_path / "d.pptx"), "--views", *views,
                     "--lang", "en"], monkeypatch)
    app = briefing_specs(views, "en", dataset=ds)
    assert content(app) == content(cli)
    assert len(cli) == expected_slide_count(len(views), False)


def test_app_and_cli_get_the_same_spec_with_a_scenario(monkeypatch, tmp_path, ds,
                                                       scenario_file):
    views = ["centre_rest", *SCENARIO_VIEWS]
    cli = cli_specs(["export", "deck", "--out", str(tmp_path / "d.pptx"), "--views", *views,
                     "--scenario", str(scenario_file)], monkeypatch)
    # the page holds the scenario as loaded (a Scenario), or passes the file/name on
    loaded = load_scenario(str(scenario_file), ds)
    for scenario in (loaded, str(scenario_file)):
        app = briefing_specs(views, "fa", scenario=scenario, dataset=ds)
        assert content(app) == content(cli)
    assert any(s.kind == "comparison" for s in cli)


def test_the_app_deck_follows_the_project_filter(ds):
    """The page's filter reaches the context (the CLI has no filter: everything)."""
    one = briefing_specs(["status_bars"], "en", dataset=ds, geometry=None,
                         flt=ProjectFilter(counties=("kashan",)))
    expected = deck_spec(build_context(flt=ProjectFilter(counties=("kashan",)), dataset=ds,
                                       geometry=None), ["status_bars"], "en")
    assert content(one) == content(expected)
