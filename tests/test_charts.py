"""Figure builders of the Balance, Ranking and Labour pages: traces, hover texts, digits."""

import re

import pandas as pd
import pytest

from analytics.indicators import DEFAULT_RANKING_SPEC, centre_rest_shares, ranking_inputs
from analytics.labour import classify_labour_migration
from analytics.measures import panel_balance
from analytics.panel import build_panel
from analytics.ranking import rank_all_methods
from core.counties import county_names
from figures.charts import (
    centre_rest_bars,
    labour_scatter,
    lorenz_chart,
    rank_matrix_chart,
    rank_stability_chart,
    theil_chart,
)
from i18n import t

ASCII_DIGIT = re.compile(r"[0-9]")
BIDI = str.maketrans("", "", "\u202b\u202c\u200f")
RLE = "\u202b"


def plain(text):
    """A label without the right-to-left embedding controls."""
    return str(text).translate(BIDI)

PERSIAN_DIGIT = re.compile(r"[۰-۹]")


@pytest.fixture(scope="module")
def panel(ds):
    return build_panel(ds.projects, ds.indicators, ds.counties, today="1405/09/06")


@pytest.fixture(scope="module")
def balance(panel):
    return panel_balance(panel, "budget_total")


@pytest.fixture(scope="module")
def ranking(panel, ds):
    values, flags = ranking_inputs(panel, ds.indicators, list(DEFAULT_RANKING_SPEC))
    return rank_all_methods(values, DEFAULT_RANKING_SPEC), flags


def names(panel, lang):
    return county_names(panel, lang)


def ticks(fig, axis):
    layout = fig.layout.xaxis if axis == "x" else fig.layout.yaxis
    return list(layout.ticktext or [])


def assert_persian(labels):
    assert labels, "no tick labels"
    for label in labels:
        assert not ASCII_DIGIT.search(str(label)), label
        assert PERSIAN_DIGIT.search(str(label)), label


def assert_english(labels):
    assert labels and all(not PERSIAN_DIGIT.search(str(v)) for v in labels)


def test_lorenz_chart(panel, balance):
    fig = lorenz_chart(balance.lorenz, names(panel, "fa"), "بودجه", "fa")
    assert len(fig.data) == 2
    diagonal, curve = fig.data
    assert list(diagonal.x) == [0, 100] and diagonal.hoverinfo == "skip"
    assert len(curve.x) == len(balance.lorenz) == 29
    assert curve.x[-1] == pytest.approx(100) and curve.y[-1] == pytest.approx(100)
    assert len(curve.hovertext) == 29
    assert any("لنجان" in h and "بودجه" in h for h in curve.hovertext)
    assert_persian(ticks(fig, "x")) and assert_persian(ticks(fig, "y"))
    assert "۱۰۰٪" in ticks(fig, "x")
    en = lorenz_chart(balance.lorenz, names(panel, "en"), "budget", "en")
    assert "100%" in ticks(en, "x") and any("Lenjan" in h for h in en.data[1].hovertext)


def test_theil_chart(balance):
    groups = {"centre": "مرکز", "rest": "سایر"}
    fig = theil_chart(balance.theil, groups, "fa")
    assert len(fig.data) == 2
    between, within = fig.data
    assert list(between.y) == [pytest.approx(balance.theil.between)]
    assert sum(within.y) == pytest.approx(balance.theil.within)
    assert len(within.x) == len(balance.theil.by_group)
    assert all(h for h in [*between.hovertext, *within.hovertext])
    # census 1395 populations (data/indicators.csv, population 1395, estimates included):
    # centre share p = 2,130,970 / 5,120,850 = 0.41614, budget share s = 0.53672 (projects.csv,
    # unchanged); between = s·ln(s/p) + (1−s)·ln((1−s)/(1−p)) = 0.0294, checked by hand
    assert "۰٫۰۲۹" in between.text[0]
    assert_persian(ticks(fig, "y"))
    assert_english(ticks(theil_chart(balance.theil, groups, "en"), "y"))


def test_centre_rest_bars(balance):
    shares = centre_rest_shares(balance)
    assert shares["share_population"].sum() == pytest.approx(1)
    fig = centre_rest_bars(shares, "بودجه", "fa")
    assert len(fig.data) == 2
    centre, rest = fig.data
    assert plain(centre.name) == t("balance.group.centre", "fa") and centre.name.startswith(RLE)
    # population share: Isfahan 2,130,970 of the 28 counties' 5,120,850 (data/indicators.csv,
    # population 1395) = 41.61 %, checked by hand; the budget share is unchanged
    assert list(centre.y) == [pytest.approx(41.61, abs=0.01), pytest.approx(53.67, abs=0.01)]
    assert list(centre.text) == ["۴۲٪", "۵۴٪"]  # 41.61 % rounds to 42
    assert all(h for h in centre.hovertext) and len(rest.hovertext) == 2
    assert_persian(ticks(fig, "y"))
    assert fig.layout.legend.traceorder == "reversed"  # centre first from the right
    assert centre_rest_bars(shares, "budget", "en").layout.legend.traceorder == "normal"


def test_rank_matrix_chart(panel, ranking):
    result, flags = ranking
    sample = flags.any(axis=1)
    labels = {m: t(f"ranking.method.{m}", "fa") for m in result.ranks.columns}
    fig = rank_matrix_chart(result.ranks, names(panel, "fa"), labels, "fa", sample=sample)
    assert len(fig.data) == 1
    heat = fig.data[0]
    assert len(heat.y) == 28 and len(heat.x) == 4
    best = result.stability["mean_rank"].idxmin()
    assert plain(heat.y[0]).startswith(panel.loc[best, "name_fa"])
    assert all(y.startswith(RLE) for y in heat.y)
    assert all("✱" in y for y in heat.y)          # net migration is sample everywhere
    for row in heat.text:
        assert_persian(row)
    assert all(h for row in heat.hovertext for h in row)
    assert plain(heat.x[0]).replace("<br>", " ") == labels["topsis"]   # read from the right
    en = rank_matrix_chart(result.ranks, names(panel, "en"), labels, "en")
    assert en.data[0].text[0][0] in {"1", "2", "3"} and "✱" not in en.data[0].y[0]


def test_rank_stability_chart(panel, ranking):
    result, _ = ranking
    fig = rank_stability_chart(result.stability, names(panel, "fa"), "fa")
    assert len(fig.data) == 2
    ranges, means = fig.data
    assert len(means.hovertext) == 28 and all(means.hovertext)
    assert len(ranges.x) == 3 * 28
    assert_persian(ticks(fig, "x"))
    assert "۱" in ticks(fig, "x") and "۲۸" in ticks(fig, "x")
    assert list(fig.layout.xaxis.range) == [28.5, 0.5]   # rank 1 on the right in fa
    assert_english(ticks(rank_stability_chart(result.stability, names(panel, "en"), "en"), "x"))


def test_labour_scatter(panel):
    classified = classify_labour_migration(panel)
    thresholds = classified.attrs["thresholds"]
    fig = labour_scatter(classified, thresholds, "fa")
    assert len(fig.data) == 1
    points = fig.data[0]
    assert len(points.x) == 28
    shown = [text for text in points.text if text]
    assert len(shown) >= 24  # at the app's size only names that would cover another go
    assert all("✱" in text for text in shown)     # every migration rate is sample
    assert any(plain(text).startswith("لنجان") for text in points.text)
    assert len(points.hovertext) == 28 and all("بیکاری" in h for h in points.hovertext)
    # every Persian line is embedded right-to-left (Chromium's SVG text is left-to-right)
    assert all(h.count(RLE) == h.count("<br>") + 1 for h in points.hovertext)
    assert "\u202b" not in "".join(labour_scatter(classified, thresholds, "en").data[0].hovertext)
    sizes = pd.Series(list(points.marker.size), index=classified.index)
    assert sizes.idxmax() == "isfahan"
    assert len(fig.layout.shapes) == 2
    xs = [s.x0 for s in fig.layout.shapes if s.x0 == s.x1]
    assert xs == [pytest.approx(thresholds.unemployment)]
    notes = [a.text for a in fig.layout.annotations]
    for quadrant in ("industrial_magnet", "thriving", "declining", "draining"):
        assert any(t(f"labour.quadrant.{quadrant}", "fa") in plain(n) for n in notes)
    assert_persian(ticks(fig, "x")) and assert_persian(ticks(fig, "y"))
    assert_persian(list(points.marker.colorbar.ticktext))
    en = labour_scatter(classified, thresholds, "en")
    assert_english(ticks(en, "x")) and any("Industrial magnet" in a.text for a in en.layout.annotations)


def test_labour_scatter_leaves_out_missing_counties(panel):
    gap = panel.copy()
    gap.loc["nain", "unemployment_rate"] = float("nan")
    classified = classify_labour_migration(gap)
    fig = labour_scatter(classified, classified.attrs["thresholds"], "en")
    assert len(fig.data[0].x) == 27


def test_labour_names_never_cover_each_other_or_the_annotations(panel):
    """At a slide picture's size (800×450) the chart drew 28 names into a 710×230 plot and
    they piled up; names that would cover another name or an annotation are now left to
    the hover, and the colour bar sits at the foot of the figure, off the x-axis title."""
    from figures.charts import (
        _label_box,
        _labour_annotation_boxes,
        _labour_annotation_texts,
        _overlap,
        _pixels,
        labour_plot_px,
    )

    classified = classify_labour_migration(panel)
    thresholds = classified.attrs["thresholds"]
    slide = labour_plot_px(800, 450)
    for lang in ("fa", "en"):
        app = labour_scatter(classified, thresholds, lang).data[0]
        fig = labour_scatter(classified, thresholds, lang, plot_px=slide)
        points = fig.data[0]
        n_shown = sum(bool(text) for text in points.text)
        assert 15 <= n_shown < sum(bool(text) for text in app.text)
        assert len(points.hovertext) == 28  # every county keeps its hover card
        x_range, y_range = list(fig.layout.xaxis.range), list(fig.layout.yaxis.range)
        width, height = slide
        boxes = [_label_box(pos, _pixels(x, x_range, width), _pixels(y, y_range, height),
                            size / 2, 6.5 * len(plain(text)) + 4, 14.0)
                 for x, y, text, pos, size in zip(points.x, points.y, points.text,
                                                  points.textposition, points.marker.size)
                 if text]
        notes = _labour_annotation_boxes(
            _labour_annotation_texts(thresholds.unemployment, thresholds.migration, lang),
            thresholds.unemployment, thresholds.migration, x_range, y_range, width, height)
        for i, box in enumerate(boxes):
            assert not any(_overlap(box, other) for other in boxes[i + 1:] + notes)
        bar = points.marker.colorbar
        assert (bar.yref, bar.yanchor, bar.title.side) == ("container", "bottom", "bottom")


def test_labour_view_keeps_the_charts_own_margins():
    from briefing.context import build_context
    from briefing.views import VIEWS
    from figures.charts import LABOUR_MARGIN

    fig = VIEWS["labour"].build(build_context(geometry=None), "en")
    assert fig.layout.margin.b == LABOUR_MARGIN["b"]
    assert fig.layout.title.text == t("labour.title", "en")


def test_rank_matrix_names_every_county_and_keeps_the_title_clear():
    """On a slide (28 rows in ≈ 300 px) Plotly named every other county, and the figure's
    title sat on the method names at the top."""
    from briefing.context import build_context
    from briefing.views import VIEWS

    fig = VIEWS["ranking"].build(build_context(geometry=None), "fa")
    assert fig.layout.yaxis.dtick == 1 and len(fig.data[0].y) == 28
    assert fig.layout.yaxis.tickfont.size == 9  # compact for the slide picture
    assert fig.layout.title.text and fig.layout.margin.t >= 110
