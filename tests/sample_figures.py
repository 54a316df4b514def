"""Small figures shared by the export tests."""

from __future__ import annotations

import plotly.graph_objects as go

from figures.theme import apply_theme


def bar_figure() -> go.Figure:
    """A Persian bar chart of three counties' budgets."""
    fig = go.Figure(go.Bar(x=["اصفهان", "کاشان", "نجف‌آباد"], y=[12000, 25000, 5000],
                           name="بودجه"))
    return apply_theme(fig, "fa", "بودجه شهرستان‌ها")
