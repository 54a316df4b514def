"""Issue 16: no text overlaps anywhere — checked on the text boxes Chromium draws
(tests/label_boxes.py: plotly.js lays each figure out, getBoundingClientRect of every
visible SVG text).  Every view at a slide picture's layout (800 × 450, the size the deck
draws it at), every stand-alone chart file (1920 × 1080 and 1280 × 720, with title, source
line and ✱ note), and the Map page's province map with all 28 names."""

from __future__ import annotations

import pytest

from briefing.context import build_context
from briefing.views import VIEWS, view_source
from exports.standalone import standalone_figure
from figures.theme import SLIDE_PICTURE_PX
from i18n import t
from tests.label_boxes import available, overlaps, text_boxes

pytestmark = pytest.mark.skipif(not available(), reason="Debian chromium is not installed")


@pytest.fixture(scope="module")
def ctx():
    return build_context()


def ids():
    return [v for v in VIEWS if not VIEWS[v].needs_scenario]


def test_overlap_check_finds_overlapping_text():
    """The check can fail: two annotations on one spot are reported."""
    import plotly.graph_objects as go

    fig = go.Figure()
    fig.add_annotation(text="نجف‌آباد", x=0.5, y=0.5, xref="paper", yref="paper",
                       showarrow=False)
    fig.add_annotation(text="چادگان", x=0.51, y=0.5, xref="paper", yref="paper",
                       showarrow=False)
    (boxes,) = text_boxes([fig], 400, 300)
    assert ("نجف‌آباد" in "".join(b[0] for b in boxes))
    assert overlaps(boxes)


def test_every_view_at_slide_size_has_no_overlapping_text(ctx):
    figs = []
    for view in ids():
        fig = VIEWS[view].build(ctx, "fa")
        fig.update_layout(title_text="", margin_t=30)  # as exports.deck draws it
        figs.append(fig)
    width, height, _ = SLIDE_PICTURE_PX
    for view, boxes in zip(ids(), text_boxes(figs, width, height)):
        assert len(boxes) > 3, view
        assert not overlaps(boxes), (view, overlaps(boxes))


@pytest.mark.parametrize("size", [(1920, 1080), (1280, 720)])
def test_every_chart_file_has_no_overlapping_text(ctx, size):
    figs = [standalone_figure(VIEWS[v].build(ctx, "fa"), "fa", t(VIEWS[v].title_key, "fa"),
                              view_source(v, ctx, "fa")) for v in ids()]
    for view, boxes in zip(ids(), text_boxes(figs, *size)):
        texts = " ".join(b[0] for b in boxes)
        assert t(VIEWS[view].title_key, "fa") in texts, view  # the title is drawn
        assert "منبع" in texts, view  # and the source line
        assert not overlaps(boxes), (view, size, overlaps(boxes))


def test_map_page_province_map_names_every_county_without_overlap(ctx):
    from analytics.panel import build_panel
    from figures.map_layers import hover_card, scope_map

    ds = ctx.dataset
    panel = build_panel(ds.projects, ds.indicators, ds.counties)
    if ctx.geometry is None:
        pytest.skip("no boundary file")
    fig = scope_map(codes=list(panel.index), values=panel["unemployment_rate"],
                    hover=hover_card(panel, "unemployment_rate", "fa"),
                    names=panel["name_fa"], lang="fa", geometry=ctx.geometry,
                    centre="isfahan", label_priority=ctx.geometry.areas_km2)
    (boxes,) = text_boxes([fig], 1000, 600, prepare=False)
    drawn = " ".join(b[0] for b in boxes).replace(" ", "")  # lines join without a space
    for name in panel["name_fa"]:
        assert name.replace(" ", "") in drawn, name
    assert not overlaps(boxes), overlaps(boxes)


def test_scenario_slide_finding_and_map_without_overlap(ctx):
    """The scenario slide: «سهم مرکز از بودجه» with both values in its finding (it read
    «سهم مرکز از X»), and its change map draws no text over other text."""
    from briefing.findings import finding
    from briefing.tables import scenario_comparison

    scenario = {"version": 1, "name": "انتقال بودجه",
                "edits": [{"type": "shift_budget", "share": 0.1, "rule": "deprivation"}]}
    with_scenario = build_context(scenario=scenario, dataset=ctx.dataset)
    title = finding("scenario_change_map", with_scenario, "fa")
    assert "سهم مرکز از بودجه" in title and title.count("٪") == 2
    assert "X" not in " ".join(row[0] for row in scenario_comparison(with_scenario, "fa"))
    fig = VIEWS["scenario_change_map"].build(with_scenario, "fa")
    fig.update_layout(title_text="", margin_t=30)
    width, height, _ = SLIDE_PICTURE_PX
    (boxes,) = text_boxes([fig], width, height)
    assert not overlaps(boxes), overlaps(boxes)
