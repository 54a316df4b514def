"""Computed inputs the pages, ``pishran report`` and the briefing views share.

* the development ranking's inputs: :func:`ranking_inputs` (the panel's year),
  :func:`indicators_for_year` and :func:`delta_inputs` (two census years,
  :data:`DELTA_YEARS`), with the offered indicators :data:`RANKING_INDICATORS` and the
  default spec :data:`DEFAULT_RANKING_SPEC`;
* the balance reading: :func:`centre_rest_shares` and :func:`balance_context` (numbers
  only; the wording lives in the catalogue), the default :data:`METROPOLITAN_RING` and the
  per-capita scales :data:`PER_CAPITA_SCALE`;
* :func:`project_provenance`: how much of a project selection is sample.

Ranking inputs: the panel indicators (latest year ≤ the panel year) plus
``population_growth``, the mean annual growth (%) of population between the census
five years before and the census year: 100·((p_y / p_{y-5})^(1/5) − 1).

Group values (quality ``group``: a larger unit's figure, e.g. pre-2021 Isfahan county for
today's five units) are not a county's own figure: with ``groups_as_missing=True`` the
ranking inputs leave them out like missing values (the county is then excluded and named),
and :func:`ranking_groups` says which cells they were.  :func:`ranking_shares` counts the
sample/estimate and group values among the inputs of the ranked counties.

The rank change between the censuses (:func:`delta_inputs`) runs on the indicators both
censuses give (:func:`census_delta_indicators`: at least two counties with a sourced or
derived value in each year — today urbanisation and population growth; unemployment 1390
is sample only and is left out).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

import numpy as np
import pandas as pd

from analytics.measures import PanelBalance

__all__ = [
    "DEFAULT_RANKING_SPEC",
    "DELTA_YEARS",
    "METROPOLITAN_RING",
    "PER_CAPITA_SCALE",
    "RANKING_INDICATORS",
    "CENSUS_QUALITIES",
    "balance_context",
    "census_delta_indicators",
    "centre_rest_shares",
    "delta_inputs",
    "indicators_for_year",
    "project_provenance",
    "ranking_groups",
    "ranking_inputs",
    "ranking_shares",
]

#: Indicators offered for the development ranking, and their natural direction.
RANKING_INDICATORS: dict[str, int] = {
    "unemployment_rate": -1,
    "literacy_rate": 1,
    "urbanisation_rate": 1,
    "industrial_employment_share": 1,
    "net_migration_rate": 1,
    "population_growth": 1,
}
#: The default ranking: direction and weight of each indicator (equal weights).
DEFAULT_RANKING_SPEC: dict[str, tuple[int, float]] = {
    "unemployment_rate": (-1, 1.0),
    "literacy_rate": (1, 1.0),
    "urbanisation_rate": (1, 1.0),
    "industrial_employment_share": (1, 1.0),
    "net_migration_rate": (1, 1.0),
}
#: Default "metropolitan ring" of the Balance page: Isfahan and the counties of its
#: urban-industrial belt (contiguous, commuting distance).
METROPOLITAN_RING = ("isfahan", "khomeynishahr", "shahinshahr_va_meymeh", "najafabad",
                     "falavarjan", "lenjan", "mobarakeh", "borkhar")
#: The two census years compared by the delta ranking.
DELTA_YEARS = (1390, 1395)
#: Per-capita X is shown as X · scale per person (bn rials → million rials per person,
#: jobs per 1,000 people, projects per 100,000 people).
PER_CAPITA_SCALE = {"budget_total": 1_000, "completed_budget": 1_000, "jobs_total": 1_000,
                    "n_projects": 100_000}

#: Qualities of a census figure of the county itself (not an estimate, sample or group value).
CENSUS_QUALITIES = ("sourced", "derived")

_GROWTH_SPAN = 5


# ---------------------------------------------------------------------------
# Provenance of the selected projects
# ---------------------------------------------------------------------------


def project_provenance(projects: pd.DataFrame) -> dict[str, float]:
    """How many of the (filtered) projects, and how much of their budget, are sample."""
    sample = projects["is_sample"].astype("boolean").fillna(True).to_numpy(dtype=bool)
    budget = projects["budget_billion_rials"].to_numpy(dtype=float, na_value=0.0)
    active = (projects["status"] != "cancelled").to_numpy(dtype=bool, na_value=True)
    total = float((budget * active).sum())
    return {
        "n_projects": int(len(projects)),
        "n_sample": int(sample.sum()),
        "sample_budget_share": float((budget * active * sample).sum() / total) if total else math.nan,
    }


# ---------------------------------------------------------------------------
# Balance helpers (numbers only; the wording lives in the catalogue)
# ---------------------------------------------------------------------------


def centre_rest_shares(balance: PanelBalance) -> pd.DataFrame:
    """Rows ``centre`` and ``rest``: share of population and share of X (fractions)."""
    pop = balance.value("centre_share_population")
    x = balance.value("centre_share_x")
    return pd.DataFrame({"share_population": [pop, 1 - pop], "share_x": [x, 1 - x]},
                        index=pd.Index(["centre", "rest"], name="group"))


def balance_context(panel: pd.DataFrame, balance: PanelBalance) -> dict[str, Any]:
    """Extra numbers for the plain-language reading of each measure: between-group shares
    of Theil T and L, the counties with the highest and lowest per-capita X (scaled by
    :data:`PER_CAPITA_SCALE`), and the equal-split HHI 1/n."""
    kept = panel.drop(index=balance.dropped)
    per_capita = kept[balance.x].astype(float) / kept["population"].astype(float)
    scale = PER_CAPITA_SCALE.get(balance.x, 1)

    def share(part: str, index: str) -> float:
        total = balance.value(f"theil_{index}")
        return balance.value(f"theil_{index}_{part}") / total if total > 0 else math.nan

    return {
        "between_share_t": share("between", "t"),
        "within_share_t": share("within", "t"),
        "between_share_l": share("between", "l"),
        "within_share_l": share("within", "l"),
        "max_county": per_capita.idxmax(),
        "min_county": per_capita.idxmin(),
        "max_per_capita": float(per_capita.max() * scale),
        "min_per_capita": float(per_capita.min() * scale),
        "mean_per_capita": float(kept[balance.x].sum() / kept["population"].sum() * scale),
        "per_capita_scale": scale,
        "hhi_equal": 1 / balance.n_units if balance.n_units else math.nan,
        "groups": balance.theil.by_group,
    }


# ---------------------------------------------------------------------------
# Ranking inputs
# ---------------------------------------------------------------------------


def _exact_rows(indicators: pd.DataFrame, codes: list[str], name: str, year: int
                ) -> pd.DataFrame:
    """The rows of one indicator in exactly ``year``, one per county (the last wins)."""
    rows = indicators[(indicators["indicator"] == name) & indicators["year"].notna()
                      & indicators["value"].notna() & indicators["county_code"].isin(codes)]
    rows = rows[rows["year"].astype(int) == year].drop_duplicates("county_code", keep="last")
    return rows.set_index("county_code")


def _quality(rows: pd.DataFrame, codes: list[str]) -> pd.Series:
    if "quality" not in rows:
        return pd.Series(pd.NA, index=pd.Index(codes), dtype="string")
    return rows["quality"].astype("string").reindex(codes)


def _exact_year(indicators: pd.DataFrame, codes: list[str], name: str, year: int
                ) -> tuple[pd.Series, pd.Series]:
    """Values and sample flags of one indicator in exactly ``year`` (NaN/True when absent)."""
    values, flags, _ = _exact_year_groups(indicators, codes, name, year)
    return values, flags


def _exact_year_groups(indicators: pd.DataFrame, codes: list[str], name: str, year: int
                       ) -> tuple[pd.Series, pd.Series, pd.Series]:
    """Values, sample flags and group flags of one indicator in exactly ``year``."""
    rows = _exact_rows(indicators, codes, name, year)
    values = rows["value"].astype(float).reindex(codes)
    flags = rows["is_sample"].astype("boolean").reindex(codes).fillna(True).astype(bool)
    groups = (_quality(rows, codes) == "group").fillna(False).astype(bool)
    return values, flags, groups


def _growth(indicators: pd.DataFrame, codes: list[str], year: int) -> tuple[pd.Series, pd.Series]:
    values, flags, _ = _growth_groups(indicators, codes, year)
    return values, flags


def _growth_groups(indicators: pd.DataFrame, codes: list[str], year: int
                   ) -> tuple[pd.Series, pd.Series, pd.Series]:
    now, now_flag, now_group = _exact_year_groups(indicators, codes, "population", year)
    before, before_flag, before_group = _exact_year_groups(
        indicators, codes, "population", year - _GROWTH_SPAN)
    with np.errstate(invalid="ignore", divide="ignore"):
        growth = 100 * ((now / before) ** (1 / _GROWTH_SPAN) - 1)
    return (growth.rename("population_growth"), (now_flag | before_flag),
            (now_group | before_group))


def _for_year(indicators: pd.DataFrame, codes: list[str], year: int, names: Iterable[str]
              ) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    values, flags, groups = {}, {}, {}
    for name in names:
        if name == "population_growth":
            values[name], flags[name], groups[name] = _growth_groups(indicators, codes, year)
        else:
            values[name], flags[name], groups[name] = _exact_year_groups(
                indicators, codes, name, year)
    index = pd.Index(codes, name="code")
    return (pd.DataFrame(values, index=index).astype(float),
            pd.DataFrame(flags, index=index).astype(bool),
            pd.DataFrame(groups, index=index).astype(bool))


def indicators_for_year(indicators: pd.DataFrame, codes: list[str], year: int,
                        names: Iterable[str], groups_as_missing: bool = False
                        ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(values, sample flags): county × indicator for exactly ``year``; with
    ``groups_as_missing`` a larger unit's value (quality ``group``) is left out (NaN)."""
    values, flags, groups = _for_year(indicators, codes, year, names)
    if groups_as_missing:
        values = values.mask(groups)
    return values, flags


def ranking_groups(panel: pd.DataFrame, indicators: pd.DataFrame, names: Iterable[str]
                   ) -> pd.DataFrame:
    """County × chosen indicator: True where the panel-year value is a larger unit's value."""
    groups = {}
    codes = list(panel.index)
    for name in names:
        if name == "population_growth":
            years = panel["population_year"].dropna()
            year = int(years.max()) if len(years) else DELTA_YEARS[-1]
            groups[name] = _growth_groups(indicators, codes, year)[2]
        elif f"{name}_is_group" in panel:
            groups[name] = panel[f"{name}_is_group"].astype("boolean").fillna(False).astype(bool)
        else:
            groups[name] = pd.Series(False, index=panel.index)
    return pd.DataFrame(groups, index=pd.Index(codes, name="code")).astype(bool)


def ranking_inputs(panel: pd.DataFrame, indicators: pd.DataFrame, names: Iterable[str],
                   groups_as_missing: bool = False) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(values, sample flags): county × chosen indicator for the panel's year.

    Panel indicators come from the panel (latest year ≤ the panel year, with its
    ``*_is_sample`` flags); ``population_growth`` is computed for the panel's population
    census year.  Missing values stay NaN (ranking excludes and names those counties).
    With ``groups_as_missing`` a larger unit's value (see :func:`ranking_groups`) is NaN
    too: it is not the county's own figure, so the county is not ranked on it.
    """
    names = list(names)
    values, flags = {}, {}
    codes = list(panel.index)
    for name in names:
        if name == "population_growth":
            years = panel["population_year"].dropna()
            year = int(years.max()) if len(years) else DELTA_YEARS[-1]
            values[name], flags[name] = _growth(indicators, codes, year)
        else:
            values[name] = panel[name].astype(float)
            flags[name] = panel[f"{name}_is_sample"].astype("boolean").fillna(True).astype(bool)
    index = pd.Index(codes, name="code")
    values = pd.DataFrame(values, index=index).astype(float)
    if groups_as_missing:
        values = values.mask(ranking_groups(panel, indicators, names))
    return values, pd.DataFrame(flags, index=index).astype(bool)


def ranking_shares(values: pd.DataFrame, flags: pd.DataFrame, groups: pd.DataFrame,
                   ranked: Iterable[str]) -> dict[str, int]:
    """How many of the ranking's inputs are sample/estimate and how many a larger unit's
    value (left out), over the chosen indicators of every county.

    ``total`` = counties × indicators; ``n_sample`` = cells of the ranked counties that are
    sample or estimate (✱); ``n_group`` = group cells (left out, their counties excluded);
    ``n_missing`` = other cells without a value; ``n_ranked`` = ranked counties.
    """
    ranked = list(ranked)
    groups = groups.reindex_like(values).fillna(False).astype(bool)
    own = ~groups.to_numpy()
    present = values.notna().to_numpy()
    in_ranking = values.index.isin(ranked)[:, None]
    return {
        "total": int(values.size),
        "n_ranked": len(ranked),
        "n_ranked_values": int(in_ranking.sum() * values.shape[1]),
        "n_sample": int((flags.reindex_like(values).fillna(True).to_numpy(dtype=bool)
                         & present & in_ranking).sum()),
        "n_group": int(groups.to_numpy().sum()),
        "n_missing": int((~present & own).sum()),
    }


def census_delta_indicators(indicators: pd.DataFrame, codes: list[str],
                            names: Iterable[str] = tuple(RANKING_INDICATORS),
                            years: tuple[int, ...] = DELTA_YEARS) -> list[str]:
    """The indicators of ``names`` that both censuses give: at least two counties have a
    sourced or derived value (population growth: both populations) in every year."""
    usable = []
    for name in names:
        ok = True
        for year in years:
            if name == "population_growth":
                now = _exact_rows(indicators, codes, "population", year)
                before = _exact_rows(indicators, codes, "population", year - _GROWTH_SPAN)
                real = (_quality(now, codes).isin(CENSUS_QUALITIES)
                        & _quality(before, codes).isin(CENSUS_QUALITIES))
            else:
                real = _quality(_exact_rows(indicators, codes, name, year),
                                codes).isin(CENSUS_QUALITIES)
            ok &= int(real.fillna(False).sum()) >= 2
        if ok:
            usable.append(name)
    return usable


def delta_inputs(indicators: pd.DataFrame, codes: list[str], names: Iterable[str],
                 years: tuple[int, ...] = DELTA_YEARS, groups_as_missing: bool = False
                 ) -> tuple[dict[int, pd.DataFrame], list[str], dict[str, list[int]],
                            dict[int, pd.DataFrame]]:
    """Inputs of :func:`analytics.ranking.delta_ranking` for the chosen indicators.

    Returns (values by year restricted to the usable indicators, usable indicators,
    {indicator: years it lacks} for the others, sample flags by year).  An indicator is
    usable when at least two counties have it in every year.  With ``groups_as_missing`` a
    larger unit's value is left out (NaN), so its county is not ranked that year.
    """
    names = list(names)
    tables = {y: indicators_for_year(indicators, codes, y, names, groups_as_missing)
              for y in years}
    lacking = {n: [y for y in years if tables[y][0][n].notna().sum() < 2] for n in names}
    lacking = {n: ys for n, ys in lacking.items() if ys}
    usable = [n for n in names if n not in lacking]
    return ({y: tables[y][0][usable] for y in years}, usable, lacking,
            {y: tables[y][1][usable] for y in years})
