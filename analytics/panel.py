"""Filtered registry + indicators → the county panel (one row per county).

Project columns (from the filtered registry):

* ``n_projects`` and ``n_<status>`` for every status;
* ``budget_total`` (billion rials, cancelled projects excluded — they will not be
  spent), ``budget_per_capita`` (million rials per inhabitant = budget·1000/population),
  ``completed_budget``;
* ``jobs_total`` (expected direct jobs, cancelled excluded), ``jobs_per_1000``
  (per 1,000 inhabitants), ``jobs_per_unemployed`` (jobs / unemployed persons);
* ``progress_weighted``: budget-weighted mean physical progress (%) of non-cancelled
  projects, Σ b_i·p_i / Σ b_i;
* ``n_overdue``: planned end before ``today`` and status not completed/cancelled;
* ``n_started``: projects in progress, stalled or completed.

Indicator columns: the value of each indicator in the latest year ≤ ``year`` (default
the latest available), with ``<indicator>_year`` and ``<indicator>_is_sample``;
``unemployed`` = labour force × unemployment rate / 100.

Totals: :func:`panel_totals` gives the province and "counties except the centre".
Computation uses integer county positions and ``numpy.bincount`` (no Python loop
over projects).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analytics.jalali import today_jalali
from analytics.schema import STARTED_STATUSES, STATUSES

__all__ = ["PANEL_INDICATORS", "PANEL_MEASURES", "SUM_COLUMNS", "build_panel", "indicator_wide",
           "panel_totals", "sample_flags"]

PANEL_INDICATORS = (
    "population", "unemployment_rate", "labour_force", "net_migration_rate",
    "industrial_employment_share", "literacy_rate", "urbanisation_rate",
)
SUM_COLUMNS = ("n_projects", *[f"n_{s}" for s in STATUSES], "n_started", "n_overdue",
               "budget_total", "completed_budget", "jobs_total", "population", "labour_force",
               "unemployed")


def indicator_wide(indicators: pd.DataFrame, codes: list[str], year: int | None = None,
                   names: tuple[str, ...] = PANEL_INDICATORS) -> pd.DataFrame:
    """County × indicator values for the latest year ≤ ``year``, with year and sample flags."""
    rows = indicators[indicators["indicator"].isin(names) & indicators["county_code"].isin(codes)]
    rows = rows[rows["value"].notna() & rows["year"].notna()]
    if year is not None:
        rows = rows[rows["year"].astype(int) <= year]
    latest = rows.sort_values("year").drop_duplicates(["county_code", "indicator"], keep="last")
    out = pd.DataFrame(index=pd.Index(codes, name="code"))
    for name in names:
        part = latest[latest["indicator"] == name].set_index("county_code")
        out[name] = part["value"].astype(float).reindex(out.index)
        out[f"{name}_year"] = part["year"].astype("Int64").reindex(out.index)
        out[f"{name}_is_sample"] = part["is_sample"].astype("boolean").reindex(out.index)
    return out


def _positions(codes: pd.Series, index: pd.Index) -> np.ndarray:
    if isinstance(codes.dtype, pd.CategoricalDtype) and list(codes.cat.categories) == list(index):
        return codes.cat.codes.to_numpy()
    return index.get_indexer(codes)


def build_panel(projects: pd.DataFrame, indicators: pd.DataFrame, counties: pd.DataFrame,
                year: int | None = None, today: str | None = None) -> pd.DataFrame:
    """The county panel for already-filtered ``projects`` (see module docstring)."""
    index = pd.Index(counties["code"], name="code")
    n = len(index)
    pos = _positions(projects["county_code"], index)
    if (pos < 0).any():
        unknown = sorted(set(projects["county_code"][pos < 0]))
        raise ValueError(f"projects refer to unknown counties: {unknown}")
    status = projects["status"].to_numpy()
    active = status != "cancelled"
    budget = projects["budget_billion_rials"].to_numpy(dtype=float, na_value=0.0)
    jobs = projects["expected_jobs"].to_numpy(dtype=float, na_value=0.0)
    progress = projects["physical_progress_pct"].to_numpy(dtype=float, na_value=0.0)

    def count(mask: np.ndarray) -> np.ndarray:
        return np.bincount(pos[mask], minlength=n)

    def total(values: np.ndarray, mask: np.ndarray | None = None) -> np.ndarray:
        return np.bincount(pos, weights=values if mask is None else values * mask, minlength=n)

    panel = pd.DataFrame(index=index)
    panel["name_fa"] = counties["name_fa"].to_numpy()
    panel["name_en"] = counties["name_en"].to_numpy()
    panel["is_centre"] = counties["is_province_centre"].astype(bool).to_numpy()
    panel["n_projects"] = np.bincount(pos, minlength=n)
    for s in STATUSES:
        panel[f"n_{s}"] = count(status == s)
    panel["n_started"] = count(np.isin(status, STARTED_STATUSES))
    end = projects["planned_end"].astype("string").fillna("").to_numpy(dtype=object)
    late = (end != "") & (end < (today or today_jalali()))
    panel["n_overdue"] = count(late & ~np.isin(status, ("completed", "cancelled")))
    panel["budget_total"] = total(budget, active)
    panel["completed_budget"] = total(budget, status == "completed")
    panel["jobs_total"] = total(jobs, active)
    weighted = total(budget * progress, active)
    with np.errstate(invalid="ignore", divide="ignore"):
        panel["progress_weighted"] = np.where(panel["budget_total"] > 0,
                                              weighted / panel["budget_total"], np.nan)
    wide = indicator_wide(indicators, list(index), year)
    panel = panel.join(wide)
    panel["unemployed"] = panel["labour_force"] * panel["unemployment_rate"] / 100
    panel["unemployed_is_sample"] = (
        panel["labour_force_is_sample"].fillna(True) | panel["unemployment_rate_is_sample"].fillna(True)
    )
    return _ratios(panel)


def _ratios(frame: pd.DataFrame) -> pd.DataFrame:
    with np.errstate(invalid="ignore", divide="ignore"):
        pop = frame["population"].astype(float)
        frame["budget_per_capita"] = frame["budget_total"] * 1000 / pop
        frame["jobs_per_1000"] = frame["jobs_total"] * 1000 / pop
        frame["jobs_per_unemployed"] = frame["jobs_total"] / frame["unemployed"]
        frame["completed_share"] = frame["n_completed"] / frame["n_projects"].replace(0, np.nan)
    return frame


def panel_totals(panel: pd.DataFrame) -> pd.DataFrame:
    """Rows ``province`` and ``rest`` (all counties except the centre): sums, recomputed
    ratios, and labour-force-weighted unemployment and population-weighted migration."""
    rows = {}
    for label, part in (("province", panel), ("rest", panel[~panel["is_centre"]])):
        row = {c: part[c].sum() for c in SUM_COLUMNS if c in part}
        weighted = (part["budget_total"] * part["progress_weighted"].fillna(0)).sum()
        row["progress_weighted"] = weighted / row["budget_total"] if row["budget_total"] else np.nan
        row["unemployment_rate"] = (
            100 * row["unemployed"] / row["labour_force"] if row["labour_force"] else np.nan
        )
        row["net_migration_rate"] = np.average(part["net_migration_rate"].fillna(0),
                                               weights=part["population"].fillna(0))
        row["n_counties"] = len(part)
        rows[label] = row
    totals = pd.DataFrame.from_dict(rows, orient="index")
    return _ratios(totals)


# Panel columns that can be mapped, ranked or used as X in balance measures:
# id -> (column holding the sample flag or None, decimals shown).
PANEL_MEASURES: dict[str, tuple[str | None, int]] = {
    "budget_total": (None, 0),
    "budget_per_capita": ("population_is_sample", 1),
    "jobs_total": (None, 0),
    "jobs_per_1000": ("population_is_sample", 1),
    "jobs_per_unemployed": ("unemployed_is_sample", 2),
    "n_projects": (None, 0),
    "n_started": (None, 0),
    "n_overdue": (None, 0),
    "progress_weighted": (None, 0),
    "completed_budget": (None, 0),
    "population": ("population_is_sample", 0),
    "unemployment_rate": ("unemployment_rate_is_sample", 1),
    "net_migration_rate": ("net_migration_rate_is_sample", 1),
    "labour_force": ("labour_force_is_sample", 0),
    "industrial_employment_share": ("industrial_employment_share_is_sample", 1),
    "literacy_rate": ("literacy_rate_is_sample", 1),
    "urbanisation_rate": ("urbanisation_rate_is_sample", 0),
}


def sample_flags(panel: pd.DataFrame, measure: str) -> pd.Series:
    """Per county: is the shown value of ``measure`` a sample/estimate (or built on one)?"""
    flag_column, _ = PANEL_MEASURES[measure]
    if flag_column is None:
        return pd.Series(False, index=panel.index)
    return panel[flag_column].fillna(True).astype(bool)
