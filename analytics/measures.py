"""All balance measures of one panel variable — the one entry point used by the Balance
page, ``pishran report`` and scenario comparisons, so they show the same numbers.

Counties lacking X or population are left out *and named* (``dropped``), never imputed.
Need alignment is the Spearman correlation between per-capita X and the need column
(unemployment rate by default), see :func:`analytics.balance.need_alignment`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from analytics.balance import (
    TheilDecomposition,
    balance_summary,
    complete_cases,
    lorenz_curve,
    need_alignment,
    theil_decomposition,
)

__all__ = ["BALANCE_X", "PanelBalance", "panel_balance"]

# Panel columns offered as X in the balance measures.
BALANCE_X = ("budget_total", "jobs_total", "n_projects", "completed_budget")


@dataclass(frozen=True)
class PanelBalance:
    """``summary``: measure_id, value, weighted, n_units (+ ``need_alignment`` row);
    ``dropped``: counties left out; ``lorenz``: Lorenz points with county labels;
    ``theil``: the T decomposition over ``groups`` (centre vs rest by default)."""

    x: str
    summary: pd.DataFrame
    dropped: list[str]
    n_units: int
    n_total: int
    lorenz: pd.DataFrame
    theil: TheilDecomposition

    def value(self, measure_id: str) -> float:
        return float(self.summary.set_index("measure_id").loc[measure_id, "value"])


def panel_balance(panel: pd.DataFrame, x: str, groups: pd.Series | None = None,
                  need: str = "unemployment_rate") -> PanelBalance:
    """Balance measures of ``panel[x]`` against ``panel["population"]`` (see module doc)."""
    cases = complete_cases(panel[x].astype(float), panel["population"].astype(float),
                           list(panel.index))
    kept = panel.loc[list(cases.labels)]
    if float(kept[x].sum()) <= 0:
        raise ValueError(f"{x} is zero in every county of the selection")
    group_values = None if groups is None else groups.reindex(kept.index).fillna("other")
    summary = balance_summary(kept[x].astype(float), kept["population"].astype(float),
                              kept["is_centre"].astype(bool), group_values, list(kept.index))
    per_capita = kept[x].astype(float) / kept["population"].astype(float)
    need_values = kept[need].astype(float) if need in kept else pd.Series(np.nan, kept.index)
    ok = need_values.notna()
    if ok.sum() >= 3:
        alignment = need_alignment(per_capita[ok], need_values[ok])
        summary = pd.concat([summary, pd.DataFrame([{
            "measure_id": "need_alignment", "value": alignment.rho, "weighted": False,
            "n_units": alignment.n}])], ignore_index=True)
    groups_used = (group_values if group_values is not None
                   else pd.Series(np.where(kept["is_centre"], "centre", "rest"), kept.index))
    theil = theil_decomposition(kept[x].astype(float), kept["population"].astype(float),
                                groups_used.to_numpy(dtype=object), "T")
    lorenz = lorenz_curve(kept[x].astype(float), kept["population"].astype(float),
                          list(kept.index))
    return PanelBalance(x=x, summary=summary, dropped=list(cases.dropped),
                        n_units=len(kept), n_total=len(panel), lorenz=lorenz, theil=theil)
