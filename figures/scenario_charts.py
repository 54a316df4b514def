"""Charts of the Scenario page: baseline against scenario.

Like :mod:`figures.charts`, every builder takes already computed numbers (from
:func:`analytics.scenario.compare.scenario_report`) and the language and returns a themed
``go.Figure``; hover texts and tick labels are formatted here (Persian digits for ``fa``)
and Persian labels are embedded right-to-left.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from figures.charts import _county_axis, _legend, _right_to_left
from figures.theme import REST_COLOUR, apply_theme, localise_axis
from i18n import fmt_int, fmt_number, ltr_sign, t

__all__ = ["BASELINE_COLOUR", "DOWN_COLOUR", "UP_COLOUR", "measure_bars", "rank_change_chart",
           "signed"]

BASELINE_COLOUR = "#94a3b8"
SCENARIO_COLOUR = REST_COLOUR
UP_COLOUR = "#16a34a"
DOWN_COLOUR = "#dc2626"
_FLAT_COLOUR = "#cbd5e1"


def signed(value: object, lang: str = "fa", decimals: int = 0) -> str:
    """A change with its sign: ``+۳``, ``−۰٫۰۵``, ``۰``; missing → ``—``.  Values that round
    to zero are written without a sign."""
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return "—"
    if math.isnan(number):
        return "—"
    if math.isinf(number):
        return "+∞" if number > 0 else "−∞"
    if abs(number) < 0.5 * 10 ** -decimals:
        return fmt_number(0, lang, decimals)
    return ltr_sign(("+" if number > 0 else "−") + fmt_number(abs(number), lang, decimals),
                    lang)


def _finite(values: Sequence[object]) -> list[float]:
    out = []
    for v in values:
        try:
            f = float(v)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            continue
        if math.isfinite(f):
            out.append(f)
    return out


def measure_bars(rows: Sequence[tuple[str, object, object]], lang: str = "fa",
                 title: str | None = None, decimals: int = 3) -> go.Figure:
    """Baseline against scenario for each balance measure: horizontal grouped bars.

    ``rows``: (label, baseline value, scenario value), in display order (first on top).
    Two traces: baseline (grey) and scenario (teal); values written at the bar ends.
    """
    labels = [r[0] for r in rows]
    fig = go.Figure()
    for index, (series, colour) in enumerate((("baseline", BASELINE_COLOUR),
                                              ("scenario", SCENARIO_COLOUR))):
        name = t(f"scenario.report.{series}", lang)
        values = [float(r[1 + index]) if r[1 + index] is not None else np.nan for r in rows]
        text = [fmt_number(v, lang, decimals) for v in values]
        fig.add_trace(go.Bar(
            y=labels, x=values, name=name, orientation="h", marker_color=colour,
            text=text, textposition="outside", cliponaxis=False,
            hovertext=[f"{label} — {name}: {v}" for label, v in zip(labels, text)],
            hoverinfo="text"))
    apply_theme(fig, lang, title, height=max(260, 56 * len(rows) + 120))
    # first row on top, scenario just below its baseline
    fig.update_layout(barmode="group", legend=_legend(lang), bargap=0.25, bargroupgap=0.05)
    fig.update_yaxes(autorange="reversed", showgrid=False)
    _county_axis(fig, lang)
    values = _finite([v for r in rows for v in r[1:]])
    lo, hi = (min(0.0, *values), max(0.0, *values)) if values else (0.0, 1.0)
    pad = (hi - lo) * 0.18 or 0.1
    left, right = lo - (pad if lo < 0 else 0), hi + pad
    fig.update_xaxes(range=[right, left] if lang == "fa" else [left, right])
    localise_axis(fig, "x", lo, hi, lang)
    return _right_to_left(fig, lang)


def _integer_ticks(span: int) -> list[int]:
    """Whole-number ticks from −span to span: steps of 1, 2, 5, 10 … (about 7 ticks)."""
    step = next(v for v in (1, 2, 5, 10, 20, 50, 100) if span / v <= 3) if span else 1
    top = span - span % step
    return list(range(-top, top + 1, step))


def rank_change_chart(ranks: pd.DataFrame, names: Mapping[str, str], lang: str = "fa",
                      title: str | None = None, marks: Mapping[str, str] | None = None
                      ) -> go.Figure:
    """How many places each county moves: baseline rank − scenario rank (positive = up).

    ``ranks``: index county code, columns ``baseline`` and ``scenario`` (rank 1 = highest).
    Counties are sorted by the change (biggest rise on top, then by scenario rank).  Two
    traces: bars from zero (green = rise, red = fall) and a dot at every county's change
    (grey at zero when the rank is unchanged) carrying the hover text.  ``marks``: an
    optional suffix per county (e.g. the hypothetical-project mark).
    """
    frame = ranks[["baseline", "scenario"]].astype(float).copy()
    frame["change"] = frame["baseline"] - frame["scenario"]
    frame = frame.sort_values(["change", "scenario"], ascending=[False, True], kind="stable")
    marks = marks or {}
    labels = [f"{names.get(c, c)}{marks.get(c, '')}" for c in frame.index]
    change = frame["change"].to_numpy(dtype=float)
    shown = np.nan_to_num(change)
    colours = [UP_COLOUR if v > 0 else DOWN_COLOUR if v < 0 else _FLAT_COLOUR for v in shown]
    hover = [t("scenario_page.chart.rank_hover", lang, county=label,
               before=fmt_int(b, lang), after=fmt_int(s, lang), change=signed(v, lang))
             for label, b, s, v in zip(labels, frame["baseline"], frame["scenario"], change)]
    fig = go.Figure()
    fig.add_trace(go.Bar(y=labels, x=shown, orientation="h", marker_color=colours,
                         width=0.5, hoverinfo="skip", showlegend=False))
    fig.add_trace(go.Scatter(
        y=labels, x=shown, mode="markers+text", showlegend=False,
        marker={"color": colours, "size": 9, "line": {"color": "white", "width": 1}},
        text=[signed(v, lang) if v else "" for v in shown],
        textposition=[("middle left" if v > 0 else "middle right") if lang == "fa"
                      else ("middle right" if v > 0 else "middle left") for v in shown],
        hovertext=hover, hoverinfo="text", cliponaxis=False))
    apply_theme(fig, lang, title, height=max(360, 22 * len(frame) + 140))
    fig.update_yaxes(autorange="reversed", showgrid=False)
    _county_axis(fig, lang)
    span = int(np.nanmax(np.abs(shown))) if len(shown) else 0
    ticks = _integer_ticks(max(span, 1))
    edge = max(span, 1) + 0.8
    fig.update_xaxes(range=[edge, -edge] if lang == "fa" else [-edge, edge],
                     zeroline=True, zerolinewidth=2, tickvals=ticks,
                     ticktext=[signed(v, lang) for v in ticks],
                     title={"text": t("scenario.report.rank_change", lang)})
    return _right_to_left(fig, lang)
