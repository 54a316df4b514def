"""All balance measures of one panel variable — the one entry point used by the Balance
page, ``pishran report`` and scenario comparisons, so they show the same numbers.

Counties lacking X or population are left out *and named* (``dropped``), never imputed.
Need alignment is the Spearman correlation between per-capita X and the need column
(unemployment rate by default), see :func:`analytics.balance.need_alignment`; counties whose
need value is a larger unit's (``<need>_is_group``) are left out of it (its ``n_units`` says so).
"""

from __future__ import annotations

from dataclasses import dataclass, field

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
    ``theil``: the T decomposition over ``groups`` (centre vs rest by default);
    ``need_left_out``: the counties of the measures left out of need alignment (no need
    value, or — listed again in ``need_grouped`` — only a larger unit's value)."""

    x: str
    summary: pd.DataFrame
    dropped: list[str]
    n_units: int
    n_total: int
    lorenz: pd.DataFrame
    theil: TheilDecomposition
    need_left_out: list[str] = field(default_factory=list)
    need_grouped: list[str] = field(default_factory=list)

    def value(self, measure_id: str) -> float:
        return float(self.summary.set_index("measure_id").loc[measure_id, "value"])


def panel_balance(panel: pd.DataFrame, x: str, groups: pd.Series | None = None,
                  need: str = "unemployment_rate") -> PanelBalance:
    """Balance measures of ``panel[x]`` against ``panel["population"]`` (see module doc).

    The measures get plain numpy arrays (matched by position): aligning 28-row Series by
    their string index cost more than the measures themselves.
    """
    labels = np.asarray(panel.index, dtype=object)
    x_all = panel[x].to_numpy(dtype=float, na_value=np.nan)
    pop_all = panel["population"].to_numpy(dtype=float, na_value=np.nan)
    cases = complete_cases(x_all, pop_all, list(labels))
    keep = ~(np.isnan(x_all) | np.isnan(pop_all))
    xs, pops, kept_labels = x_all[keep], pop_all[keep], labels[keep]
    if float(xs.sum()) <= 0:
        raise ValueError(f"{x} is zero in every county of the selection")
    centre = panel["is_centre"].to_numpy(dtype=bool)[keep]
    group_values = None
    if groups is not None:
        group_values = groups.reindex(pd.Index(kept_labels)).fillna("other").to_numpy(dtype=object)
    summary = balance_summary(xs, pops, centre, group_values, list(kept_labels))
    per_capita = xs / pops
    need_values = (panel[need].to_numpy(dtype=float, na_value=np.nan)[keep] if need in panel
                   else np.full(len(xs), np.nan))
    ok = ~np.isnan(need_values)
    grouped = np.zeros(len(xs), dtype=bool)
    if f"{need}_is_group" in panel:   # a larger unit's value is not the county's own need
        grouped = panel[f"{need}_is_group"].astype("boolean").fillna(False) \
            .to_numpy(dtype=bool)[keep] & ok
        ok &= ~grouped
    if ok.sum() >= 3:
        try:
            alignment = need_alignment(per_capita[ok], need_values[ok])
            row = {"measure_id": "need_alignment", "value": alignment.rho, "weighted": False,
                   "n_units": alignment.n}
            summary = pd.concat([summary, pd.DataFrame([row])], ignore_index=True)
        except ValueError:
            pass  # constant per-capita X or need: rank correlation undefined, not shown
    groups_used = (group_values if group_values is not None
                   else np.where(centre, "centre", "rest").astype(object))
    theil = theil_decomposition(xs, pops, groups_used, "T")
    lorenz = lorenz_curve(xs, pops, list(kept_labels))
    return PanelBalance(x=x, summary=summary, dropped=list(cases.dropped),
                        n_units=int(keep.sum()), n_total=len(panel), lorenz=lorenz, theil=theil,
                        need_left_out=[str(c) for c in kept_labels[~ok]],
                        need_grouped=[str(c) for c in kept_labels[grouped]])
