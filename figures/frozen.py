"""Figures kept in a cache and drawn on every rerun.

``st.plotly_chart`` calls ``figure.to_dict()`` on every run, and Plotly's ``to_dict`` deep-
copies every trace and the layout (a county map: ~22,000 ``deepcopy`` calls, about a third
of the chart's share of a rerun).  A :class:`FrozenFigure` is a figure that is finished —
one held by ``st.cache_resource`` — and makes that dict once.
"""

from __future__ import annotations

import plotly.graph_objects as go


class FrozenFigure(go.Figure):
    """A finished figure: ``to_dict`` is computed on the first call and returned after.

    Never change a frozen figure (``update_layout`` and the like do not refresh the kept
    dict); build a new one, or ``go.Figure(frozen)`` for a changeable copy.  The dict is
    shared between callers, who only read it (Streamlit serialises it to JSON).
    """

    def to_dict(self) -> dict:
        kept = self.__dict__.get("_frozen_dict")
        if kept is None:
            kept = super().to_dict()
            self.__dict__["_frozen_dict"] = kept
        return kept


def freeze(fig: go.Figure) -> FrozenFigure:
    """``fig`` as a :class:`FrozenFigure` (a copy; ``fig`` itself is left as it is)."""
    return FrozenFigure(fig)
