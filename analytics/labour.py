"""Labour and migration: which counties draw people in, and do they have the jobs for them?

Each county is placed on two axes of the county panel:

* ``unemployment_rate`` (percent of the labour force) against a threshold ``u0``;
* ``net_migration_rate`` (net migrants per 1,000 inhabitants) against a threshold ``m0``.

Both thresholds default to the province values of :func:`analytics.panel.panel_totals`:
the labour-force-weighted unemployment rate (Σ unemployed / Σ labour force) and the
population-weighted net migration rate.  "In-migration" below therefore means *more
net in-migration than the province as a whole*, not merely a positive rate; pass
``migration_threshold=0`` for the absolute reading.

Quadrants (a county exactly on a threshold counts on the low side — "not above"):

====================  ===================  ==================  ==========================================
id                    migration            unemployment        reading
====================  ===================  ==================  ==========================================
``industrial_magnet`` above ``m0``         above ``u0``        people keep arriving faster than jobs open
                                                               (steel and heavy-industry counties such
                                                               as Lenjan and Mobarakeh)
``thriving``          above ``m0``         not above ``u0``    draws people and employs them
``declining``         not above ``m0``     above ``u0``        loses people and still lacks jobs
``draining``          not above ``m0``     not above ``u0``    loses people although unemployment is low
                                                               — often because job seekers have left
====================  ===================  ==================  ==========================================

Distances (how deep a county sits in its quadrant): ``unemployment_gap = u - u0``
(percentage points), ``migration_gap = m - m0`` (per 1,000), and ``distance`` =
√((Δu/σu)² + (Δm/σm)²), the gap in standard deviations (σ = population standard deviation,
ddof = 0, of each axis across the classified counties) — 0 on the crossing point of the two
lines.  ``margin`` = min(|Δu|/σu, |Δm|/σm) is how far the county is from the nearer line,
i.e. how small a change would move it to another quadrant.

Counties lacking either rate are kept with quadrant ``<NA>`` and ``missing = True``; they
are never imputed.  ``is_sample`` is True when either rate is a sample or an estimate.

``is_group`` is True when either rate is the value of a larger unit the county belongs to
(quality ``group``: today's Isfahan, Harand, Varzaneh, Jarqavieh and Kuhpayeh carry the
census unemployment rate of pre-2021 Isfahan county).  Such a county keeps its point (and
the quadrant the group's value falls in, for the chart), but :func:`quadrant_members` does
not count it in any quadrant: the group's value is not the county's own figure.  The
province thresholds still include the group's labour force and unemployed, because the
members' shares add up to the group's figures (the census province rate, 12.7 % in 1395,
is of the same series as the county census rates).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from analytics.panel import panel_totals

__all__ = ["QUADRANTS", "LabourThresholds", "classify_labour_migration", "group_members",
           "province_thresholds", "quadrant_members"]

#: Quadrant ids, in the order the UI lists them.
QUADRANTS = ("industrial_magnet", "thriving", "declining", "draining")


@dataclass(frozen=True)
class LabourThresholds:
    """The two lines of the scatter: unemployment (%) and net migration (per 1,000)."""

    unemployment: float
    migration: float


def province_thresholds(panel: pd.DataFrame) -> LabourThresholds:
    """Province unemployment (labour-force-weighted) and net migration (population-weighted)."""
    province = panel_totals(panel).loc["province"]
    return LabourThresholds(float(province["unemployment_rate"]),
                            float(province["net_migration_rate"]))


def _quadrant(high_unemployment: np.ndarray, in_migration: np.ndarray) -> np.ndarray:
    return np.select(
        [in_migration & high_unemployment, in_migration & ~high_unemployment,
         ~in_migration & high_unemployment],
        ["industrial_magnet", "thriving", "declining"], default="draining")


def classify_labour_migration(panel: pd.DataFrame, unemployment_threshold: float | None = None,
                              migration_threshold: float | None = None) -> pd.DataFrame:
    """One row per county of ``panel``: its quadrant and how far it sits from the lines.

    Columns: name_fa, name_en, is_centre, unemployment_rate, net_migration_rate, population,
    budget_per_capita (when in the panel), unemployment_gap, migration_gap, distance, margin,
    quadrant, missing, is_sample (either rate is a sample/estimate), is_group (either rate is
    the value of a larger unit, see the module docstring) and the panel's
    ``*_is_sample`` flags of the two rates and of population.  ``attrs["thresholds"]`` holds the :class:`LabourThresholds`
    used (defaults: the province values, see the module docstring).
    """
    default = province_thresholds(panel)
    u0 = default.unemployment if unemployment_threshold is None else float(unemployment_threshold)
    m0 = default.migration if migration_threshold is None else float(migration_threshold)
    u = panel["unemployment_rate"].astype(float)
    m = panel["net_migration_rate"].astype(float)
    missing = (u.isna() | m.isna()).to_numpy()
    du, dm = u - u0, m - m0
    sd_u = float(u[~missing].std(ddof=0)) if (~missing).sum() > 1 else np.nan
    sd_m = float(m[~missing].std(ddof=0)) if (~missing).sum() > 1 else np.nan
    with np.errstate(invalid="ignore", divide="ignore"):
        zu = du / sd_u if sd_u else du * np.nan
        zm = dm / sd_m if sd_m else dm * np.nan
    quadrant = pd.Series(_quadrant((du > 0).to_numpy(), (dm > 0).to_numpy()), panel.index,
                         dtype="string")
    quadrant[missing] = pd.NA
    flags = [f"{c}_is_sample" for c in ("unemployment_rate", "net_migration_rate")]
    sample = np.zeros(len(panel), dtype=bool)
    for flag in flags:
        if flag in panel:
            sample |= panel[flag].astype("boolean").fillna(True).to_numpy(dtype=bool)
    out = pd.DataFrame({
        "name_fa": panel["name_fa"], "name_en": panel["name_en"],
        "is_centre": panel["is_centre"].astype(bool),
        "unemployment_rate": u, "net_migration_rate": m,
        "population": panel["population"].astype(float),
    }, index=panel.index)
    if "budget_per_capita" in panel:
        out["budget_per_capita"] = panel["budget_per_capita"].astype(float)
    out["unemployment_gap"] = du
    out["migration_gap"] = dm
    out["distance"] = np.sqrt(zu**2 + zm**2)
    out["margin"] = np.minimum(zu.abs(), zm.abs())
    out["quadrant"] = quadrant
    out["missing"] = missing
    out["is_sample"] = sample
    group = np.zeros(len(panel), dtype=bool)
    for column in ("unemployment_rate_is_group", "net_migration_rate_is_group"):
        if column in panel:
            group |= panel[column].astype("boolean").fillna(False).to_numpy(dtype=bool)
    out["is_group"] = group
    for flag in (*flags, "population_is_sample"):
        if flag in panel:
            out[flag] = panel[flag].astype("boolean").fillna(True).astype(bool)
    out.attrs["thresholds"] = LabourThresholds(u0, m0)
    return out


def quadrant_members(classified: pd.DataFrame) -> dict[str, list[str]]:
    """Quadrant id → county codes, deepest in the quadrant (largest ``distance``) first.

    Counties whose rate is a larger unit's value (``is_group``) are in no quadrant; see
    :func:`group_members`."""
    own = ~classified["missing"]
    if "is_group" in classified:
        own &= ~classified["is_group"].astype(bool)
    ordered = classified[own].sort_values("distance", ascending=False)
    return {q: ordered.index[ordered["quadrant"] == q].tolist() for q in QUADRANTS}


def group_members(classified: pd.DataFrame) -> list[str]:
    """Counties left out of the quadrants because a rate is a larger unit's value."""
    if "is_group" not in classified:
        return []
    keep = classified["is_group"].astype(bool) & ~classified["missing"]
    return classified.index[keep].tolist()
