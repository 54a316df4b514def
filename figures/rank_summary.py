"""The ranking at slide size: the best and the worst counties, not a 28 × 4 grid.

:func:`top_bottom_chart` draws the ``n`` best and ``n`` worst counties of a ranking by
their mean rank over the methods (a dot, labelled with the rank), with a line from their
best to their worst rank under any method — how sure the place is.  Names carry ✱ when
a county's ranking stands on sample or estimated values.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
import plotly.graph_objects as go

from core.marks import SAMPLE_MARK
from figures.theme import CENTRE_COLOUR, REST_COLOUR, apply_theme, localise_axis
from i18n import fmt_int, fmt_number, t

__all__ = ["top_bottom_chart"]


def top_bottom_chart(ranks: pd.DataFrame, names: Mapping[str, str], lang: str = "fa",
                     n: int = 6, sample: pd.Series | None = None,
                     title: str | None = None) -> go.Figure:
    """``ranks``: county × method ranks (1 = most developed).  The ``n`` counties with the
    lowest mean rank on top, the ``n`` with the highest below them."""
    mean = ranks.mean(axis=1).sort_values(kind="stable")
    n = max(min(n, len(mean) // 2), 1)
    best, worst = list(mean.index[:n]), list(mean.index[-n:])
    flagged = sample if sample is not None else pd.Series(False, index=mean.index)

    def label(code: str) -> str:
        text = names.get(code, code)
        return f"{text} {SAMPLE_MARK}" if bool(flagged.get(code, False)) else text

    fig = go.Figure()
    total = len(mean)
    for key, codes, colour in (("quality.rank.best", best, REST_COLOUR),
                               ("quality.rank.worst", worst, CENTRE_COLOUR)):
        y = [label(c) for c in codes]
        low = ranks.loc[codes].min(axis=1)
        high = ranks.loc[codes].max(axis=1)
        xs, ys = [], []
        for c, lo, hi in zip(y, low, high):
            xs += [float(lo), float(hi), None]
            ys += [c, c, None]
        fig.add_trace(go.Scatter(x=xs, y=ys, mode="lines", line={"color": colour, "width": 3},
                                 opacity=0.35, hoverinfo="skip", showlegend=False))
        fig.add_trace(go.Scatter(
            x=[float(mean[c]) for c in codes], y=y, mode="markers+text",
            marker={"size": 14, "color": colour},
            text=[fmt_number(mean[c], lang, 1) for c in codes],
            textposition="middle left" if lang == "fa" else "middle right",
            name=t(key, lang, n=fmt_int(len(codes), lang)),
            hoverinfo="skip"))
    order = [label(c) for c in best + worst]
    apply_theme(fig, lang, title, height=480)
    fig.update_yaxes(categoryorder="array", categoryarray=order[::-1], title_text="")
    # rank 1 on the reading side: the right for Persian
    # what the axis shows goes in the footnote line under it (a slide has no room for
    # both an axis title and the note of who is not ranked)
    fig.update_xaxes(range=[total + 2.5, 0.2] if lang == "fa" else [0.2, total + 2.5])
    localise_axis(fig, "x", 1, total, lang)
    fig.update_layout(legend={"orientation": "h", "y": 1.02, "yanchor": "bottom",
                              "x": 1 if lang == "fa" else 0,
                              "xanchor": "right" if lang == "fa" else "left"})
    if lang == "fa":
        fig.update_yaxes(side="right")
    fig.layout.meta = {"axis_note": t("quality.rank.axis", lang, n=fmt_int(total, lang))}
    return fig
