"""Charts of the Balance, Ranking and Labour pages.

Every builder takes already computed tables (from :mod:`analytics`) and the language,
and returns a themed ``go.Figure``: it never filters or aggregates.  Axis ticks carry
localised labels (Persian digits for ``fa``) and every hover text is formatted here,
so Plotly never prints its own numbers.  Sample or estimated values carry ✱.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from core.marks import SAMPLE_MARK
from figures.theme import (
    CENTRE_COLOUR,
    REST_COLOUR,
    SEQUENTIAL,
    apply_theme,
    colorbar_ticks,
    escape_markup,
    localise_axis,
    margins,
)
from i18n import fmt_int, fmt_number, fmt_percent, rtl_label, t

__all__ = [
    "QUADRANT_COLOURS",
    "add_footnote",
    "centre_rest_bars",
    "labour_scatter",
    "left_out_note",
    "lorenz_chart",
    "rank_matrix_chart",
    "rank_stability_chart",
    "theil_chart",
]

_GREY = "#9ca3af"
_BETWEEN = "#6366f1"
#: Budget-per-person colours: light but visible at the low end (yellow → teal).
BUDGET_SCALE = ["#fde68a", "#a7d7a0", "#4fb3a3", "#0f766e", "#134e4a"]
QUADRANT_COLOURS = {
    "industrial_magnet": "#b45309",
    "thriving": "#0f766e",
    "declining": "#dc2626",
    "draining": "#64748b",
}


def _pct(lang: str) -> str:
    return "٪" if lang == "fa" else "%"


def _legend(lang: str, first_trace_first: bool = True) -> dict:
    """A horizontal legend above the plot, starting on the reading side.

    Plotly lays legend items out left to right; for Persian the first item should be the
    rightmost, so the order is reversed.  ``first_trace_first=False`` is for figures whose
    natural listing starts with the last trace (e.g. filled curves)."""
    forward = first_trace_first != (lang == "fa")
    return {"orientation": "h", "yanchor": "bottom", "y": 1.02,
            "x": 1 if lang == "fa" else 0, "xanchor": "right" if lang == "fa" else "left",
            "traceorder": "normal" if forward else "reversed"}


def _rank_ticks(n: int) -> list[int]:
    """1, 5, 10, … and n: the ranks worth labelling on a rank axis."""
    ticks = [1, *range(5, n, 5)]
    return ticks + [n] if n > 1 and n - ticks[-1] >= 2 else ticks


def _wrap(label: str, width: int = 12) -> str:
    """Break a long axis label once, at the space nearest its middle."""
    if len(label) <= width or " " not in label:
        return label
    middle = len(label) // 2
    cut = min((i for i, ch in enumerate(label) if ch == " "), key=lambda i: abs(i - middle))
    return label[:cut] + "<br>" + label[cut + 1:]


def _embed(value):
    """``rtl_label`` on every string of a (nested) label value; other values untouched."""
    if isinstance(value, str):
        return rtl_label(value, "fa")
    if isinstance(value, np.ndarray):
        return [_embed(v) for v in value.tolist()] if value.dtype == object else value
    if isinstance(value, (list, tuple)):
        return [_embed(v) for v in value]
    return value


def _right_to_left(fig: go.Figure, lang: str) -> go.Figure:
    """For Persian, embed every chart label right-to-left (:func:`i18n.rtl_label`): trace
    names, texts, hover texts, category values, axis/colour-bar titles and annotations.

    Chromium lays SVG text out left to right, so «بیکاری: ۱۵٪» would otherwise read back to
    front; labels without Persian letters (numbers, ticks) are left as they are."""
    if lang != "fa":
        return fig
    for trace in fig.data:
        for attr in ("name", "text", "hovertext", "x", "y"):
            value = getattr(trace, attr, None)
            if isinstance(value, str) or (isinstance(value, (list, tuple, np.ndarray))
                                          and any(isinstance(v, (str, list, tuple))
                                                  for v in np.asarray(value, dtype=object).ravel()[:5])):
                setattr(trace, attr, _embed(value))
        marker = getattr(trace, "marker", None)
        colorbar = getattr(marker, "colorbar", None) if marker is not None else None
        if colorbar is not None and colorbar.title and colorbar.title.text:
            colorbar.title.text = _embed(colorbar.title.text)
    for axis in (fig.layout.xaxis, fig.layout.yaxis):
        if axis.title and axis.title.text:
            axis.title.text = _embed(axis.title.text)
    for note in fig.layout.annotations:
        if note.text:
            note.text = _embed(note.text)
    return fig


def _name(code: str, names: Mapping[str, str]) -> str:
    return escape_markup(names.get(code, code))


def _marked(text: str, sample: bool) -> str:
    return f"{text} {SAMPLE_MARK}" if sample else text


# ---------------------------------------------------------------------------
# Balance
# ---------------------------------------------------------------------------


def lorenz_chart(lorenz: pd.DataFrame, names: Mapping[str, str], x_label: str,
                 lang: str = "fa", title: str | None = None) -> go.Figure:
    """The population-weighted Lorenz curve of per-capita X with the equality diagonal.

    ``lorenz`` is ``PanelBalance.lorenz`` (label, cum_population_share, cum_x_share from the
    origin); ``names`` maps county code → display name; ``x_label`` names X in the hover.
    Traces: equality diagonal, then the curve (filled down to the diagonal).
    """
    cum_p = lorenz["cum_population_share"].to_numpy(float) * 100
    cum_x = lorenz["cum_x_share"].to_numpy(float) * 100
    labels = lorenz["label"].tolist() if "label" in lorenz else [None] * len(lorenz)
    hover = []
    for label, p, x in zip(labels, cum_p, cum_x):
        county = _name(label, names) if label is not None else t("common.province", lang)
        hover.append(t("balance.chart.lorenz_hover", lang, county=county,
                       pop=fmt_percent(p, lang, 1), x=fmt_percent(x, lang, 1), label=x_label))
    fig = go.Figure()
    fig.add_trace(go.Scatter(
        x=[0, 100], y=[0, 100], mode="lines", name=t("balance.chart.equality", lang),
        line={"color": _GREY, "dash": "dash", "width": 1.5}, hoverinfo="skip"))
    fig.add_trace(go.Scatter(
        x=cum_p, y=cum_x, mode="lines+markers", name=t("balance.chart.lorenz", lang),
        line={"color": REST_COLOUR, "width": 2.5}, marker={"size": 6},
        fill="tonexty", fillcolor="rgba(15,118,110,0.12)",
        hovertext=hover, hoverinfo="text"))
    apply_theme(fig, lang, title, height=460)
    fig.update_layout(legend=_legend(lang, first_trace_first=False), hovermode="closest")
    # the axes start just below 0 so the two «۰٪» tick labels do not sit on each other
    fig.update_xaxes(title_text=t("balance.chart.cum_population", lang), range=[-3, 100.5])
    # no square aspect: a square plot in a 16:9 image left a wide blank margin
    fig.update_yaxes(title_text=t("balance.chart.cum_x", lang, x=x_label), range=[-3, 100.5])
    localise_axis(fig, "x", 0, 100, lang, suffix=_pct(lang))
    localise_axis(fig, "y", 0, 100, lang, suffix=_pct(lang))
    return _right_to_left(fig, lang)


def theil_chart(theil, group_names: Mapping[str, str], lang: str = "fa",
                title: str | None = None) -> go.Figure:
    """Theil T split into its between-group term and each group's within term.

    ``theil`` is a :class:`analytics.balance.TheilDecomposition`; ``group_names`` maps a
    group id to its display name.  Traces: "between" (one bar), "within" (one bar per group).
    The bars add up to the total, which is drawn as a dotted line.
    """
    total = float(theil.total)
    groups = theil.by_group
    between_label = t("balance.chart.between", lang)
    within_labels = [t("balance.chart.within_of", lang, group=_name(g, group_names))
                     for g in groups["group"]]
    within = groups["contribution"].to_numpy(float)

    def share(v: float) -> str:
        return fmt_percent(v / total * 100, lang) if total > 0 else "—"

    def hover(part: str, v: float) -> str:
        return t("balance.chart.theil_hover", lang, part=part, value=fmt_number(v, lang, 3),
                 share=share(v))

    fig = go.Figure()
    fig.add_trace(go.Bar(
        x=[between_label], y=[theil.between], name=between_label, marker_color=_BETWEEN,
        text=[fmt_number(theil.between, lang, 3)], textposition="outside",
        hovertext=[hover(between_label, theil.between)], hoverinfo="text"))
    fig.add_trace(go.Bar(
        x=within_labels, y=within, name=t("balance.chart.within", lang),
        marker_color=[CENTRE_COLOUR if g == "centre" else REST_COLOUR for g in groups["group"]],
        text=[fmt_number(v, lang, 3) for v in within], textposition="outside",
        hovertext=[hover(lbl, v) for lbl, v in zip(within_labels, within)], hoverinfo="text"))
    apply_theme(fig, lang, title, height=400)
    top = max([total, theil.between, *within, 1e-9])
    fig.update_layout(showlegend=False, bargap=0.35)
    fig.add_hline(y=total, line={"color": _GREY, "dash": "dot"},
                  annotation_text=rtl_label(t("measure_id.theil_t", lang) + " = "
                                            + fmt_number(total, lang, 3), lang),
                  annotation_position="top left" if lang == "fa" else "top right")
    fig.update_yaxes(title_text=t("balance.chart.theil_axis", lang), range=[0, top * 1.25])
    if lang == "fa":
        fig.update_xaxes(autorange="reversed")
    localise_axis(fig, "y", 0, top * 1.2, lang)
    return _right_to_left(fig, lang)


def centre_rest_bars(shares: pd.DataFrame, x_label: str, lang: str = "fa",
                     title: str | None = None) -> go.Figure:
    """Share of population against share of X, for the centre and for the other counties.

    ``shares``: rows ``centre`` and ``rest``, columns ``share_population`` and ``share_x``
    (fractions, see :func:`analytics.indicators.centre_rest_shares`).  One trace per group.
    """
    categories = [t("balance.chart.share_population", lang),
                  t("balance.chart.share_x", lang, x=x_label)]
    fig = go.Figure()
    for group, colour in (("centre", CENTRE_COLOUR), ("rest", REST_COLOUR)):
        values = [shares.at[group, "share_population"] * 100, shares.at[group, "share_x"] * 100]
        label = t(f"balance.group.{group}", lang)
        fig.add_trace(go.Bar(
            x=categories, y=values, name=label, marker_color=colour,
            text=[fmt_percent(v, lang) for v in values], textposition="outside",
            hovertext=[t("balance.chart.share_hover", lang, group=label, series=c,
                         value=fmt_percent(v, lang, 1)) for c, v in zip(categories, values)],
            hoverinfo="text"))
    apply_theme(fig, lang, title, height=380)
    fig.update_layout(barmode="group", legend=_legend(lang), bargap=0.3)
    if lang == "fa":
        fig.update_xaxes(autorange="reversed")
    fig.update_yaxes(range=[0, 110])
    localise_axis(fig, "y", 0, 100, lang, suffix=_pct(lang))
    return _right_to_left(fig, lang)


# ---------------------------------------------------------------------------
# Ranking
# ---------------------------------------------------------------------------


def _county_axis(fig: go.Figure, lang: str) -> None:
    """County names on the reading side: right for Persian, left for English."""
    fig.update_yaxes(side="right" if lang == "fa" else "left", automargin=True,
                     ticklabelstandoff=6)


def left_out_note(left_out: Sequence[str], grouped: Sequence[str], names: Mapping[str, str],
                  lang: str = "fa", key: str = "ranking.chart.left_out", group: str = ""
                  ) -> str:
    """The footnote of a chart that leaves counties out: «رتبه‌بندی نشده (۵): اصفهان ▣، …»,
    ▣ after those left out because they have only a larger unit's figure (``grouped``),
    and a line saying what ▣ means when any is (``group``: the unit's name, e.g. «اصفهان
    پیش از ۱۴۰۰»; blank: «a larger unit»).  ``""`` when nothing is left out."""
    if not left_out:
        return ""
    mark = t("measure.group_mark", lang)
    sep = "، " if lang == "fa" else ", "
    listed = sep.join(_name(c, names) + (f" {mark}" if c in set(grouped) else "")
                      for c in left_out)
    text = t(key, lang, n=fmt_int(len(left_out), lang), names=listed)
    if any(c in set(grouped) for c in left_out):
        text += "<br>" + t("ranking.chart.group_reason", lang, mark=mark,
                           group=group or t("ranking.chart.larger_unit", lang))
    return text


def add_footnote(fig: go.Figure, text: str, lang: str = "fa", below_px: int = 0) -> go.Figure:
    """A footnote (one or more ``<br>`` lines) under the plot, on the reading side; the
    bottom margin grows to hold it.  ``below_px``: start that much lower (under an x axis's
    tick labels and title)."""
    if not text:
        return fig
    lines = text.count("<br>") + 1
    bottom = (fig.layout.margin.b if fig.layout.margin.b is not None else 50) + 18 * lines \
        + below_px
    fig.add_annotation(xref="paper", yref="paper", x=1 if lang == "fa" else 0, y=0,
                       xanchor="right" if lang == "fa" else "left", yanchor="top",
                       yshift=-8 - below_px, showarrow=False, align="right" if lang == "fa" else "left",
                       text=text, font={"size": 11, "color": "#4b5563"}, name="footnote")
    fig.update_layout(margin={"b": bottom})
    return fig


def rank_matrix_chart(ranks: pd.DataFrame, names: Mapping[str, str],
                      method_labels: Mapping[str, str], lang: str = "fa",
                      sample: pd.Series | None = None, title: str | None = None,
                      note: str = "") -> go.Figure:
    """Heatmap of rank (1 = most developed) per county (rows) and method (columns).

    Rows are sorted by mean rank, best on top; the rank is written in each cell; counties
    whose inputs include a sample value (``sample``, bool by code) carry ✱.  One trace.
    ``note``: a footnote under the plot (e.g. :func:`left_out_note`, who is not ranked).
    """
    order = ranks.mean(axis=1).sort_values(kind="stable").index
    table = ranks.loc[order]
    methods = list(table.columns)
    if lang == "fa":
        methods = methods[::-1]  # read from the right
        table = table[methods]
    flags = (sample.reindex(order).fillna(False) if sample is not None
             else pd.Series(False, index=order))
    rows = [_marked(_name(c, names), bool(flags[c])) for c in order]
    cols = [_wrap(method_labels.get(m, m)) for m in methods]
    z = table.to_numpy(float)
    text = [[fmt_int(v, lang) for v in row] for row in z]
    plain = [method_labels.get(m, m) for m in methods]
    hover = [[t("ranking.chart.rank_hover", lang, county=r, method=c, rank=fmt_int(v, lang))
              for c, v in zip(plain, row)] for r, row in zip(rows, z)]
    n = len(order)
    fig = go.Figure(go.Heatmap(
        z=z, x=cols, y=rows, text=text, texttemplate="%{text}", hovertext=hover,
        hoverinfo="text", colorscale=SEQUENTIAL[::-1], zmin=1, zmax=max(n, 2),
        showscale=False, xgap=2, ygap=2))
    apply_theme(fig, lang, title, height=max(360, 24 * n + 140))
    # every county named (Plotly skips every other category label when rows are tight)
    fig.update_yaxes(autorange="reversed", showgrid=False, dtick=1)
    fig.update_xaxes(side="top", showgrid=False, tickangle=0)
    if title:  # the method names (two lines) sit on top, under the title
        fig.update_layout(margin={"t": margins(title)["t"] + 50})
    _county_axis(fig, lang)
    add_footnote(fig, note, lang)
    return _right_to_left(fig, lang)


def compact_rank_matrix(fig: go.Figure) -> go.Figure:
    """A :func:`rank_matrix_chart` for a slide picture (450 px for 28 rows, ≈ 10 px a
    row): county names and ranks in 9 px and 8 px type so every row keeps its name."""
    fig.update_yaxes(tickfont={"size": 9})
    fig.update_traces(textfont={"size": 8})
    return fig


def rank_stability_chart(stability: pd.DataFrame, names: Mapping[str, str], lang: str = "fa",
                         sample: pd.Series | None = None, title: str | None = None) -> go.Figure:
    """Best-to-worst rank across methods per county (a bar from best to worst) and the mean.

    ``stability`` is ``RankingResult.stability`` (best_rank, worst_rank, mean_rank …).
    Traces: the ranges (one trace of line segments), the mean ranks (markers, with hover).
    """
    frame = stability.sort_values(["mean_rank", "best_rank"], kind="stable")
    flags = (sample.reindex(frame.index).fillna(False) if sample is not None
             else pd.Series(False, index=frame.index))
    rows = [_marked(_name(c, names), bool(flags[c])) for c in frame.index]
    xs, ys = [], []
    for row, best, worst in zip(rows, frame["best_rank"], frame["worst_rank"]):
        pad = 0.15 if best == worst else 0
        xs += [best - pad, worst + pad, None]
        ys += [row, row, None]
    hover = [t("ranking.chart.range_hover", lang, county=r, best=fmt_int(b, lang),
               worst=fmt_int(w, lang), mean=fmt_number(m, lang, 1))
             for r, b, w, m in zip(rows, frame["best_rank"], frame["worst_rank"], frame["mean_rank"])]
    fig = go.Figure()
    fig.add_trace(go.Scatter(x=xs, y=ys, mode="lines", name=t("ranking.chart.range", lang),
                             line={"color": "#94a3b8", "width": 9}, hoverinfo="skip"))
    fig.add_trace(go.Scatter(x=frame["mean_rank"], y=rows, mode="markers",
                             name=t("ranking.chart.mean", lang),
                             marker={"color": REST_COLOUR, "size": 9, "symbol": "diamond"},
                             hovertext=hover, hoverinfo="text"))
    n = len(frame)
    apply_theme(fig, lang, title, height=max(360, 24 * n + 140))
    fig.update_layout(legend=_legend(lang))
    fig.update_yaxes(autorange="reversed", type="category", showgrid=False)
    ticks = _rank_ticks(n)
    fig.update_xaxes(title_text=t("ranking.chart.rank", lang),
                     range=[n + 0.5, 0.5] if lang == "fa" else [0.5, n + 0.5],
                     tickvals=ticks, ticktext=[fmt_int(v, lang) for v in ticks])
    _county_axis(fig, lang)
    return _right_to_left(fig, lang)


# ---------------------------------------------------------------------------
# Labour and migration
# ---------------------------------------------------------------------------


def _bubble_sizes(population: np.ndarray, max_px: float = 46, min_px: float = 9) -> np.ndarray:
    """Marker diameters with area proportional to population (min size for readability)."""
    top = np.nanmax(population) if np.isfinite(population).any() else 1.0
    return np.maximum(min_px, max_px * np.sqrt(np.nan_to_num(population) / top))


# Label sides tried around a marker, and where each puts the label's box relative to the
# marker centre: (x from, x to, y from, y to) in units of (label width, label height,
# marker radius) — see _label_box.
_POSITIONS = ("top center", "bottom center", "middle right", "middle left",
              "top right", "top left", "bottom right", "bottom left")


def _label_box(position: str, cx: float, cy: float, r: float, w: float, h: float):
    vertical, horizontal = position.split()
    if horizontal == "center":
        x0 = cx - w / 2
    elif horizontal == "right":
        x0 = cx + (r if vertical == "middle" else 0.7 * r)
    else:
        x0 = cx - (r if vertical == "middle" else 0.7 * r) - w
    if vertical == "middle":
        y0 = cy - h / 2
    elif vertical == "top":
        y0 = cy + (r if horizontal == "center" else 0.7 * r)
    else:
        y0 = cy - (r if horizontal == "center" else 0.7 * r) - h
    return x0, x0 + w, y0, y0 + h


def _overlap(a, b) -> float:
    dx = min(a[1], b[1]) - max(a[0], b[0])
    dy = min(a[3], b[3]) - max(a[2], b[2])
    return dx * dy if dx > 0 and dy > 0 else 0.0


def _pixels(values, value_range: Sequence[float], size_px: float):
    """Data values as pixels along an axis of ``size_px`` showing ``value_range``."""
    return (values - value_range[0]) / (value_range[1] - value_range[0]) * size_px


def _text_positions(x: np.ndarray, y: np.ndarray, labels: list[str], sizes: np.ndarray,
                    x_range: list[float], y_range: list[float],
                    width_px: float = 1000, height_px: float = 560,
                    obstacles: Sequence[tuple[float, float, float, float]] = ()
                    ) -> tuple[list[str], list[bool]]:
    """A side for each label that overlaps other labels and markers as little as possible,
    and whether to show it: a label that would still cover a label already placed is left
    to the hover (its marker stays).

    Greedy, largest marker first, in approximate screen pixels (the chart's plot area is
    assumed ``width_px`` × ``height_px``, origin bottom left; a label is ~6.5 px per
    character, 14 px high).  ``obstacles``: boxes (x0, x1, y0, y1) in those pixels that
    names must not cover, such as the chart's own annotations."""
    px, py = _pixels(x, x_range, width_px), _pixels(y, y_range, height_px)
    radius = sizes / 2
    markers = [(a - r, a + r, b - r, b + r) for a, b, r in zip(px, py, radius)]
    placed: list[tuple] = list(obstacles)
    positions = ["top center"] * len(x)
    shown = [True] * len(x)
    for i in np.argsort(-sizes, kind="stable"):
        w, h = 6.5 * len(labels[i]) + 4, 14.0
        best, best_cost = "top center", math.inf
        for position in _POSITIONS:
            box = _label_box(position, px[i], py[i], radius[i], w, h)
            cost = sum(_overlap(box, other) for other in placed)
            cost += sum(_overlap(box, m) for j, m in enumerate(markers) if j != i) * 0.5
            outside = max(0.0, -box[0]) + max(0.0, box[1] - width_px)
            cost += outside * h
            if cost < best_cost - 1e-9:
                best, best_cost = position, cost
        positions[i] = best
        box = _label_box(best, px[i], py[i], radius[i], w, h)
        if any(_overlap(box, other) > 0 for other in placed):
            shown[i] = False
        else:
            placed.append(box)
    return positions, shown


#: The labour chart's margins: room for the y-axis title and, below, the x-axis title and
#: the horizontal colour bar.
LABOUR_MARGIN = {"l": 60, "r": 30, "b": 150}
#: px shifts of the threshold-line labels: unemployment line (right of it), migration line
#: (from the left edge)
M_LINE_SHIFT = (4, 110)


def _labour_annotation_texts(u0: float, m0: float, lang: str) -> dict[str, str]:
    """The labour chart's annotations: the four quadrant names and the two line labels."""
    texts = {q: t(f"labour.quadrant.{q}", lang)
             for q in ("industrial_magnet", "thriving", "declining", "draining")}
    texts["u_line"] = t("labour.chart.u_line", lang, value=fmt_number(u0, lang, 1))
    texts["m_line"] = t("labour.chart.m_line", lang, value=fmt_number(m0, lang, 1))
    return texts


def _labour_annotation_boxes(texts: dict[str, str], u0: float, m0: float,
                             x_range: list[float], y_range: list[float],
                             width_px: float, height_px: float) -> list[tuple]:
    """Where the annotations sit, in :func:`_text_positions`' pixels (bold 14 px quadrant
    names ≈ 8 px a character and 20 px high in the corners; 11 px line labels ≈ 6 px a
    character and 16 px high)."""
    boxes = []
    for quadrant, right, top in (("industrial_magnet", True, True), ("thriving", False, True),
                                 ("declining", True, False), ("draining", False, False)):
        w, h = 8.0 * len(texts[quadrant]) + 8, 20.0
        x0 = width_px - w if right else 0.0
        y0 = height_px - h if top else 0.0
        boxes.append((x0, x0 + w, y0, y0 + h))
    x0 = _pixels(u0, x_range, width_px) + M_LINE_SHIFT[0]
    boxes.append((x0, x0 + 6.0 * len(texts["u_line"]) + 4, 0.0, 16.0))
    x0, y0 = float(M_LINE_SHIFT[1]), _pixels(m0, y_range, height_px)
    boxes.append((x0, x0 + 6.0 * len(texts["m_line"]) + 4, y0, y0 + 16.0))
    return boxes


def labour_scatter(classified: pd.DataFrame, thresholds, lang: str = "fa",
                   title: str | None = None, plot_px: tuple[float, float] = (1000, 560),
                   group_name: str = "") -> go.Figure:
    """Unemployment (x) against net migration (y) per county, quadrants at the thresholds.

    ``classified`` comes from :func:`analytics.labour.classify_labour_migration` (counties
    with ``missing`` are left out); ``thresholds`` is its ``LabourThresholds``.  Bubble area
    = population, colour = budget per capita, ✱ on points resting on a sample value.
    Counties whose rate is a larger unit's value (``is_group``) are not drawn either: a
    point is read by the quadrant it sits in, and the group's figure would put all its
    members in one quadrant as if it were theirs (on a slide there is no hover to say
    otherwise); a line above the plot names them (``group_name``: the unit's name, e.g.
    «اصفهان پیش از ۱۴۰۰»).
    ``plot_px``: the smallest plot area (width, height) the chart is drawn at; a name that
    would cover another there is left to the hover.
    Traces: one scatter of counties.  Shapes: the two threshold lines; annotations: the
    quadrant names in their corners, the line values and the note on the undrawn counties.
    """
    grouped = (classified["is_group"].astype(bool) if "is_group" in classified
               else pd.Series(False, index=classified.index))
    not_drawn = classified[grouped & ~classified["missing"]]
    shown = classified[~classified["missing"] & ~grouped]
    name_col = "name_fa" if lang == "fa" else "name_en"
    u = shown["unemployment_rate"].to_numpy(float)
    m = shown["net_migration_rate"].to_numpy(float)
    pop = shown["population"].to_numpy(float)
    budget = (shown["budget_per_capita"].to_numpy(float) if "budget_per_capita" in shown
              else np.full(len(shown), np.nan))
    sample = shown["is_sample"].to_numpy(bool)
    labels = [_marked(escape_markup(n), s) for n, s in zip(shown[name_col], sample)]
    hover = [t("labour.chart.hover", lang, county=lbl, u=fmt_number(a, lang, 1),
               m=fmt_number(b, lang, 1), pop=fmt_int(p, lang), b=fmt_number(c, lang, 1),
               quadrant=t(f"labour.quadrant.{q}", lang))
             for lbl, a, b, p, c, q in zip(labels, u, m, pop, budget, shown["quadrant"])]
    finite = budget[np.isfinite(budget)]
    cmin, cmax = (float(finite.min()), float(finite.max())) if len(finite) else (0.0, 1.0)
    if cmax <= cmin:
        cmax = cmin + 1
    u0, m0 = float(thresholds.unemployment), float(thresholds.migration)
    xs = np.append(u, u0)
    ys = np.append(m, m0)
    pad_x = max((np.nanmax(xs) - np.nanmin(xs)) * 0.08, 0.5)
    pad_y = max((np.nanmax(ys) - np.nanmin(ys)) * 0.1, 1.0)
    x_range = [float(np.nanmin(xs) - pad_x), float(np.nanmax(xs) + pad_x)]
    y_range = [float(np.nanmin(ys) - pad_y), float(np.nanmax(ys) + pad_y * 1.6)]
    sizes = _bubble_sizes(pop, max_px=40)
    texts = _labour_annotation_texts(u0, m0, lang)
    positions, shown_labels = _text_positions(
        u, m, labels, sizes, x_range, y_range, *plot_px,
        obstacles=_labour_annotation_boxes(texts, u0, m0, x_range, y_range, *plot_px))
    fig = go.Figure(go.Scatter(
        x=u, y=m, mode="markers+text",
        text=[label if keep else "" for label, keep in zip(labels, shown_labels)],
        textposition=positions,
        textfont={"size": 11, "color": "#374151"}, cliponaxis=False,
        marker={"size": sizes, "color": np.nan_to_num(budget, nan=cmin),
                "colorscale": BUDGET_SCALE, "cmin": cmin, "cmax": cmax,
                "line": {"color": ["#111827" if c else "#6b7280" for c in shown["is_centre"]],
                         "width": [2 if c else 0.8 for c in shown["is_centre"]]},
                "opacity": 0.8, "showscale": True,
                # at the foot of the figure (not relative to the plot area, which shrinks
                # in a slide picture and pushed the bar onto the x-axis title)
                "colorbar": {"title": {"text": t("labour.chart.colour", lang), "side": "bottom"},
                             "orientation": "h", "x": 0.5, "xanchor": "center",
                             "yref": "container", "y": 0.01, "yanchor": "bottom",
                             "thickness": 12, "len": 0.5,
                             **colorbar_ticks(cmin, cmax, lang)}},
        hovertext=hover, hoverinfo="text", name=t("common.counties", lang), showlegend=False))
    apply_theme(fig, lang, title, height=760)
    line = {"color": "#6b7280", "dash": "dash", "width": 1.2}
    fig.add_shape(type="line", x0=u0, x1=u0, y0=y_range[0], y1=y_range[1], line=line)
    fig.add_shape(type="line", x0=x_range[0], x1=x_range[1], y0=m0, y1=m0, line=line)
    corners = {  # (x side, y side): high unemployment is right, in-migration is up
        "industrial_magnet": (x_range[1], y_range[1], "right", "top"),
        "thriving": (x_range[0], y_range[1], "left", "top"),
        "declining": (x_range[1], y_range[0], "right", "bottom"),
        "draining": (x_range[0], y_range[0], "left", "bottom"),
    }
    for quadrant, (x, y, xanchor, yanchor) in corners.items():
        fig.add_annotation(x=x, y=y, xanchor=xanchor, yanchor=yanchor, showarrow=False,
                           text=f"<b>{texts[quadrant]}</b>",
                           font={"size": 14, "color": QUADRANT_COLOURS[quadrant]},
                           bgcolor="rgba(255,255,255,0.8)")
    fig.add_annotation(x=u0, y=y_range[0], yanchor="bottom", xanchor="left", showarrow=False,
                       text=rtl_label(texts["u_line"], lang),
                       font={"size": 11, "color": "#4b5563"}, xshift=M_LINE_SHIFT[0],
                       bgcolor="rgba(255,255,255,0.8)")
    fig.add_annotation(x=x_range[0], y=m0, xanchor="left", yanchor="bottom", showarrow=False,
                       text=rtl_label(texts["m_line"], lang),
                       font={"size": 11, "color": "#4b5563"}, xshift=M_LINE_SHIFT[1])
    if len(not_drawn):  # one line above the plot (a slide keeps 30 px there)
        sep = "، " if lang == "fa" else ", "
        key = "labour.chart.group_left_out_named" if group_name else "labour.chart.group_left_out"
        fig.add_annotation(
            xref="paper", yref="paper", x=1 if lang == "fa" else 0, y=1,
            xanchor="right" if lang == "fa" else "left", yanchor="bottom", yshift=4,
            showarrow=False, font={"size": 11, "color": "#4b5563"}, name="not_drawn",
            text=t(key, lang, n=fmt_int(len(not_drawn), lang), group=group_name,
                   mark=t("measure.group_mark", lang),
                   names=sep.join(not_drawn[name_col].astype(str))))
    fig.update_xaxes(title_text=t("measure.unemployment_rate", lang), range=x_range,
                     zeroline=False)
    fig.update_yaxes(title_text=t("measure.net_migration_rate", lang), range=y_range)
    localise_axis(fig, "x", x_range[0], x_range[1], lang, suffix=_pct(lang))
    localise_axis(fig, "y", y_range[0], y_range[1], lang)
    fig.update_layout(margin=LABOUR_MARGIN)
    return _right_to_left(fig, lang)


def labour_plot_px(width: int, height: int, title: bool = True) -> tuple[int, int]:
    """The plot area of a :func:`labour_scatter` laid out at ``width`` × ``height`` px."""
    top = margins("title" if title else None)["t"]
    return (width - LABOUR_MARGIN["l"] - LABOUR_MARGIN["r"],
            height - top - LABOUR_MARGIN["b"])

