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
the latest available), with ``<indicator>_year``, ``<indicator>_is_sample`` and
``<indicator>_is_group`` (quality ``group``: the value of a larger unit the county belongs
to, e.g. pre-2021 Isfahan county for today's five units — never the county's own figure;
it is also flagged as sample).  ``unemployed`` = labour force × unemployment rate / 100.
Group values stay in the panel because province sums need them (the members' shares add
up to the group's figure); rankings and per-county readings treat them as not the county's
own (see :func:`group_flags`).

Totals: :func:`panel_totals` gives the province and "counties except the centre".
Computation uses integer county positions (:func:`analytics.arrow.positions`) and
``numpy.bincount`` (no Python loop over projects).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analytics.arrow import positions, strings_before
from core.jalali import today_jalali
from core.schema import STARTED_STATUSES, STATUSES

__all__ = ["PANEL_INDICATORS", "PANEL_MEASURES", "SUM_COLUMNS", "build_panel", "indicator_wide",
           "group_flags", "panel_totals", "sample_flags"]

PANEL_INDICATORS = (
    "population", "unemployment_rate", "labour_force", "net_migration_rate",
    "industrial_employment_share", "literacy_rate", "urbanisation_rate",
)
SUM_COLUMNS = ("n_projects", *[f"n_{s}" for s in STATUSES], "n_started", "n_overdue",
               "budget_total", "completed_budget", "jobs_total", "population", "labour_force",
               "unemployed")


def indicator_wide(indicators: pd.DataFrame, codes: list[str], year: int | None = None,
                   names: tuple[str, ...] = PANEL_INDICATORS) -> pd.DataFrame:
    """County × indicator values for the latest year ≤ ``year``, with year and sample flags.

    Rows without a value or a year are ignored; among rows of the same county, indicator
    and year the last one in the table wins.
    """
    return pd.DataFrame(_indicator_columns(indicators, codes, year, names),
                        index=pd.Index(codes, name="code"))


def _indicator_columns(indicators: pd.DataFrame, codes: list[str], year: int | None,
                       names: tuple[str, ...]) -> dict[str, object]:
    """The columns of :func:`indicator_wide` as arrays, in order."""
    n, k = len(codes), len(names)
    row = pd.Index(codes).get_indexer(indicators["county_code"])
    col = pd.Index(names).get_indexer(indicators["indicator"])
    value = indicators["value"].to_numpy(dtype=float, na_value=np.nan)
    when = indicators["year"].to_numpy(dtype=float, na_value=np.nan)
    keep = (row >= 0) & (col >= 0) & ~np.isnan(value) & ~np.isnan(when)
    if year is not None:
        keep &= when <= year
    rows = np.flatnonzero(keep)
    rows = rows[np.lexsort((rows, when[rows]))]          # by year, then table order
    cell = row[rows] * k + col[rows]
    _, last = np.unique(cell[::-1], return_index=True)   # the latest row of each cell
    rows = rows[::-1][last]
    r, c = row[rows], col[rows]
    sample = indicators["is_sample"].astype("boolean")
    if "quality" in indicators:
        group = (indicators["quality"].astype("string") == "group").fillna(False)
        group = group.to_numpy(dtype=bool)
    else:
        group = np.zeros(len(indicators), dtype=bool)
    values = np.full((n, k), np.nan)
    years = np.zeros((n, k), dtype=np.int64)
    found = np.zeros((n, k), dtype=bool)
    flag = np.zeros((n, k), dtype=bool)
    flag_na = np.ones((n, k), dtype=bool)
    grouped = np.zeros((n, k), dtype=bool)
    values[r, c] = value[rows]
    years[r, c] = when[rows].astype(np.int64)
    found[r, c] = True
    flag[r, c] = sample.to_numpy(dtype=bool, na_value=False)[rows]
    flag_na[r, c] = sample.isna().to_numpy()[rows]
    grouped[r, c] = group[rows]
    columns: dict[str, object] = {}
    for j, name in enumerate(names):
        columns[name] = values[:, j]
        columns[f"{name}_year"] = pd.arrays.IntegerArray(years[:, j], ~found[:, j])
        columns[f"{name}_is_sample"] = pd.arrays.BooleanArray(flag[:, j], flag_na[:, j])
        columns[f"{name}_is_group"] = grouped[:, j]
    return columns


def _floats(series: pd.Series) -> np.ndarray:
    """Float values with missing as 0 (a copy is made only when something is missing)."""
    if series.dtype == np.float64:
        values = series.to_numpy()
        return np.nan_to_num(values, nan=0.0) if np.isnan(values).any() else values
    return series.to_numpy(dtype=float, na_value=0.0)


def build_panel(projects: pd.DataFrame, indicators: pd.DataFrame, counties: pd.DataFrame,
                year: int | None = None, today: str | None = None) -> pd.DataFrame:
    """The county panel for already-filtered ``projects`` (see module docstring).

    Every project is reduced to one integer key ``county × status × overdue-date`` (an
    unknown status is its own "other" slot); counts and sums are ``numpy.bincount`` over
    that key.
    """
    index = pd.Index(counties["code"], name="code")
    n = len(index)
    pos = positions(projects["county_code"], index)
    if (pos < 0).any():
        unknown = sorted(set(projects["county_code"][pos < 0]), key=str)
        raise ValueError(f"projects refer to unknown counties: {unknown}")
    n_status = len(STATUSES) + 1  # last slot: a status outside STATUSES
    status = positions(projects["status"], STATUSES, missing=n_status - 1)
    late = strings_before(projects["planned_end"], today or today_jalali())
    # one key per project: county × status × (planned end passed?)
    key = pos * (2 * n_status)
    key += status
    key += status
    key += late
    key = key.astype(np.intp, copy=False)
    size = n * n_status * 2
    budget = _floats(projects["budget_billion_rials"])
    jobs = _floats(projects["expected_jobs"])
    progress = _floats(projects["physical_progress_pct"])

    def by_key(weights: np.ndarray | None = None) -> np.ndarray:
        return np.bincount(key, weights=weights, minlength=size).reshape(n, n_status, 2)

    slot = {s: i for i, s in enumerate(STATUSES)}
    active = np.ones(n_status, dtype=bool)
    active[slot["cancelled"]] = False
    open_ = active.copy()
    open_[slot["completed"]] = False
    started = np.isin(np.arange(n_status), [slot[s] for s in STARTED_STATUSES])

    counts_late = by_key()
    counts = counts_late.sum(axis=2)
    late_s = counts_late[:, :, 1]
    budget_s = by_key(budget).sum(axis=2)
    weighted = by_key(budget * progress).sum(axis=2)[:, active].sum(axis=1)

    columns: dict[str, object] = {
        "name_fa": counties["name_fa"].to_numpy(),
        "name_en": counties["name_en"].to_numpy(),
        "is_centre": counties["is_province_centre"].astype(bool).to_numpy(),
        "n_projects": counts.sum(axis=1),
    }
    for s in STATUSES:
        columns[f"n_{s}"] = counts[:, slot[s]]
    columns["n_started"] = counts[:, started].sum(axis=1)
    columns["n_overdue"] = late_s[:, open_].sum(axis=1)
    columns["budget_total"] = budget_s[:, active].sum(axis=1)
    columns["completed_budget"] = budget_s[:, slot["completed"]]
    columns["jobs_total"] = by_key(jobs).sum(axis=2)[:, active].sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        columns["progress_weighted"] = np.where(columns["budget_total"] > 0,
                                                weighted / columns["budget_total"], np.nan)
    columns.update(_indicator_columns(indicators, list(index), year, PANEL_INDICATORS))
    with np.errstate(invalid="ignore", divide="ignore"):
        unemployed = columns["labour_force"] * columns["unemployment_rate"] / 100
        columns["unemployed"] = unemployed
        columns["unemployed_is_sample"] = (columns["labour_force_is_sample"].fillna(True)
                                           | columns["unemployment_rate_is_sample"].fillna(True))
        columns["unemployed_is_group"] = (columns["labour_force_is_group"]
                                          | columns["unemployment_rate_is_group"])
    _add_ratios(columns)
    return pd.DataFrame(columns, index=index)


def _add_ratios(columns: dict) -> None:
    """Per-capita and per-unemployed ratios, added to a dict of column arrays."""
    with np.errstate(invalid="ignore", divide="ignore"):
        population = np.asarray(columns["population"], dtype=float)
        columns["budget_per_capita"] = columns["budget_total"] * 1000 / population
        columns["jobs_per_1000"] = columns["jobs_total"] * 1000 / population
        columns["jobs_per_unemployed"] = columns["jobs_total"] / columns["unemployed"]
        n_projects = columns["n_projects"]
        columns["completed_share"] = columns["n_completed"] / np.where(n_projects == 0, np.nan,
                                                                       n_projects)


def panel_totals(panel: pd.DataFrame) -> pd.DataFrame:
    """Rows ``province`` and ``rest`` (all counties except the centre): sums, recomputed
    ratios, and labour-force-weighted unemployment and population-weighted migration."""
    rest = ~panel["is_centre"].to_numpy(dtype=bool)

    def column(name: str) -> np.ndarray:
        values = panel[name].to_numpy()
        return values if values.dtype.kind in "iub" else panel[name].to_numpy(dtype=float,
                                                                              na_value=np.nan)

    def total(values: np.ndarray):  # NaN-skipping like Series.sum
        return values.sum() if values.dtype.kind in "iub" else np.nansum(values)

    sums = {c: column(c) for c in SUM_COLUMNS if c in panel}
    budget = np.nan_to_num(column("budget_total"))
    progress = np.nan_to_num(column("progress_weighted"))
    migration = np.nan_to_num(column("net_migration_rate"))
    population = np.nan_to_num(column("population"))
    columns: dict[str, list] = {}
    parts = (slice(None), rest)
    for c, values in sums.items():
        columns[c] = [total(values[keep]) for keep in parts]
    weighted = [(budget[keep] * progress[keep]).sum() for keep in parts]
    budget_total, unemployed, labour = (columns["budget_total"], columns["unemployed"],
                                        columns["labour_force"])
    columns["progress_weighted"] = [w / b if b else np.nan for w, b in zip(weighted, budget_total)]
    columns["unemployment_rate"] = [100 * u / lf if lf else np.nan
                                    for u, lf in zip(unemployed, labour)]
    columns["net_migration_rate"] = [np.average(migration[keep], weights=population[keep])
                                     for keep in parts]
    columns["n_counties"] = [len(budget), int(rest.sum())]
    frame = {c: np.array(v) for c, v in columns.items()}
    _add_ratios(frame)
    return pd.DataFrame(frame, index=pd.Index(["province", "rest"]))


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


def group_flags(panel: pd.DataFrame, measure: str) -> pd.Series:
    """Per county: is the shown value of ``measure`` (or one it is built on) the value of a
    larger unit the county belongs to (quality ``group``), not the county's own figure?"""
    flag_column, _ = PANEL_MEASURES[measure]
    column = None if flag_column is None else flag_column.replace("_is_sample", "_is_group")
    if column is None or column not in panel:
        return pd.Series(False, index=panel.index)
    return panel[column].astype("boolean").fillna(False).astype(bool)


def sample_flags(panel: pd.DataFrame, measure: str) -> pd.Series:
    """Per county: is the shown value of ``measure`` a sample/estimate (or built on one)?"""
    flag_column, _ = PANEL_MEASURES[measure]
    if flag_column is None:
        return pd.Series(False, index=panel.index)
    return panel[flag_column].fillna(True).astype(bool)
