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
    # as the Ranking page and the deck: a larger unit's value is left out like a gap
    values, flags = ranking_inputs(panel, ds.indicators, list(DEFAULT_RANKING_SPEC),
                                   groups_as_missing=True)
    return rank_all_methods(values, DEFAULT_RANKING_SPEC), flags

# the five units of pre-2021 Isfahan carry the group's census unemployment, literacy and
# urbanisation (quality group in data/indicators.csv): not ranked, not drawn as their own
GROUP_UNITS = ["isfahan", "harand", "varzaneh", "jarqavieh", "kuhpayeh"]


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
    assert len(heat.y) == 23 and len(heat.x) == 4  # 28 counties less the five group units
    assert sorted(result.excluded["county"]) == sorted(GROUP_UNITS)
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
    assert len(means.hovertext) == 23 and all(means.hovertext)
    assert len(ranges.x) == 3 * 23
    assert_persian(ticks(fig, "x"))
    assert "۱" in ticks(fig, "x") and "۲۳" in ticks(fig, "x")
    assert list(fig.layout.xaxis.range) == [23.5, 0.5]   # rank 1 on the right in fa
    assert_english(ticks(rank_stability_chart(result.stability, names(panel, "en"), "en"), "x"))


def test_labour_scatter(panel):
    classified = classify_labour_migration(panel)
    thresholds = classified.attrs["thresholds"]
    fig = labour_scatter(classified, thresholds, "fa")
    assert len(fig.data) == 1
    points = fig.data[0]
    # the five units showing pre-2021 Isfahan's rate (13.4) are not drawn: 13.4 would put
    # them in a quadrant as if it were their own figure
    assert len(points.x) == 23 and 13.4 not in list(points.x)
    assert not any(plain(h).startswith(("اصفهان", "هرند", "کوهپایه")) for h in points.hovertext)
    shown = [text for text in points.text if text]
    assert len(shown) >= 20  # at the app's size only names that would cover another go
    assert all("✱" in text for text in shown)     # every migration rate is sample
    assert any(plain(text).startswith("لنجان") for text in points.text)
    assert len(points.hovertext) == 23 and all("بیکاری" in h for h in points.hovertext)
    # every Persian line is embedded right-to-left (Chromium's SVG text is left-to-right)
    assert all(h.count(RLE) == h.count("<br>") + 1 for h in points.hovertext)
    assert "\u202b" not in "".join(labour_scatter(classified, thresholds, "en").data[0].hovertext)
    drawn = classified.index[~classified["is_group"]]
    sizes = pd.Series(list(points.marker.size), index=drawn)
    assert sizes.idxmax() == "kashan"  # 364,482 in 1395, the largest drawn county
    # and the note above the plot names the five left off
    note = [plain(a.text) for a in fig.layout.annotations if a.name == "not_drawn"]
    assert note == [t("labour.chart.group_left_out", "fa", mark="▣", n="۵",
                      names="، ".join(["اصفهان", "هرند", "ورزنه", "جرقویه", "کوهپایه"]))]
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
    assert len(fig.data[0].x) == 22  # Nain without data and the five group units


def test_labour_view_names_the_undrawn_group_units():
    """The deck's labour slide leaves the five units of pre-2021 Isfahan off the scatter and
    names them, with the group, above the plot."""
    from briefing.context import build_context
    from briefing.views import VIEWS

    fig = VIEWS["labour"].build(build_context(geometry=None), "fa")
    assert len(fig.data[0].x) == 23
    note = [plain(a.text) for a in fig.layout.annotations if a.name == "not_drawn"]
    assert note == [t("labour.chart.group_left_out_named", "fa", mark="▣", n="۵",
                      group=t("map.group.isfahan_pre2021", "fa"),
                      names="، ".join(["اصفهان", "هرند", "ورزنه", "جرقویه", "کوهپایه"]))]
    en = VIEWS["labour"].build(build_context(geometry=None), "en")
    assert any(a.name == "not_drawn" and "pre-2021 Isfahan" in a.text
               and "Kuhpayeh" in a.text for a in en.layout.annotations)


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
        assert len(points.hovertext) == 23  # every drawn county keeps its hover card
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


def test_ranking_view_is_readable_at_slide_size():
    """Issue 16: the 28 × 4 grid was unreadable on a slide; the view shows the six best and
    the six worst counties by mean rank over the four methods (a dot labelled with the
    mean rank, a line from best to worst rank), best on top."""
    from briefing.context import build_context
    from briefing.findings import top_bottom
    from briefing.views import VIEWS

    ctx = build_context(geometry=None)
    fig = VIEWS["ranking"].build(ctx, "fa")
    dots = [tr for tr in fig.data if tr.mode == "markers+text"]
    assert len(dots) == 2 and [len(tr.y) for tr in dots] == [6, 6]
    mean_rank, _ = top_bottom(ctx)
    names = ctx.names("fa")
    best = [plain(y).removesuffix(" ✱") for y in dots[0].y]
    assert best == [names[c] for c in mean_rank.index[:6]]
    worst = [plain(y).removesuffix(" ✱") for y in dots[1].y]
    assert worst == [names[c] for c in mean_rank.index[-6:]]
    assert list(dots[0].x) == sorted(dots[0].x)  # best first
    assert fig.layout.title.text


def test_ranking_view_leaves_group_values_out_like_the_ranking_page():
    """The deck ranked all 28 counties, the five units of pre-2021 Isfahan on the group's
    census figures; like the Ranking page it now ranks the 23 with figures of their own and
    names the five under the matrix."""
    from briefing.context import build_context
    from briefing.views import VIEWS

    ctx = build_context(geometry=None)
    fig = VIEWS["ranking"].build(ctx, "fa")
    rows = [plain(y).removesuffix(" ✱") for tr in fig.data if tr.mode == "markers+text"
            for y in tr.y]
    assert len(rows) == 12 and not set(rows) & {"اصفهان", "هرند", "ورزنه", "جرقویه", "کوهپایه"}
    assert "۲۳" in fig.layout.meta["axis_note"]  # of 23 ranked
    note = [plain(a.text) for a in fig.layout.annotations if a.name == "footnote"]
    assert len(note) == 1
    assert plain(t("ranking.chart.left_out", "fa", n="۵", names="اصفهان ▣")
                 .split("،")[0]) in note[0]
    assert all(f"{n} ▣" in note[0] for n in ("اصفهان", "هرند", "ورزنه", "جرقویه", "کوهپایه"))
    assert t("map.group.isfahan_pre2021", "fa") in note[0]
    assert fig.layout.margin.b > 50  # room for the two lines under the plot
