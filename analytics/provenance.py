"""Where the indicator values come from, counted from the data itself.

:func:`quality_counts` — per indicator (and year): how many county values are sourced,
derived, a larger unit's (``group``), estimated or sample, and how many counties have none.
:func:`group_of` — which counties show a ``group`` value (the figure of a larger unit such as
pre-2021 Isfahan County) for an indicator, and which ``GROUP:`` unit it is.

Pure functions of the long indicator table (``county_code, indicator, year, quality, notes``);
``PROVINCE`` and ``GROUP:`` rows are never counted as counties.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import pandas as pd

from core.schema import QUALITIES

__all__ = ["GROUP_PREFIX", "MISSING", "group_code", "group_members", "group_of", "latest_years",
           "panel_groups", "quality_counts"]

GROUP_PREFIX = "GROUP:"
MISSING = "missing"  # the column of counties without a row
_GROUP_CODE = re.compile(r"GROUP:[a-z0-9_]+(?:\+[a-z0-9_]+)+")


def _county_rows(indicators: pd.DataFrame) -> pd.DataFrame:
    code = indicators["county_code"].astype(str)
    return indicators[(code != "PROVINCE") & ~code.str.startswith(GROUP_PREFIX)]


def quality_counts(indicators: pd.DataFrame, names: Sequence[str] | None = None,
                   counties: Sequence[str] | None = None, by_year: bool = True) -> pd.DataFrame:
    """Counts of county values per quality.

    Index: ``indicator`` (and ``year`` with ``by_year``; an undated row has year ``<NA>``),
    in the order of ``names`` (default: every indicator, sorted).  Columns: the qualities of
    :data:`core.schema.QUALITIES` in that order, then — given ``counties`` (the codes that
    should each have a value) — :data:`MISSING`, the counties without a row."""
    rows = _county_rows(indicators)
    if names is not None:
        rows = rows[rows["indicator"].isin(list(names))]
    keys = ["indicator", "year"] if by_year else ["indicator"]
    frame = rows[keys + ["county_code", "quality"]].copy()
    if by_year:
        frame["year"] = pd.to_numeric(frame["year"], errors="coerce").astype("Int64")
    counts = (frame.groupby([*keys, "quality"], dropna=False, observed=True).size()
              .unstack("quality", fill_value=0)
              .reindex(columns=list(QUALITIES), fill_value=0).astype(int))
    counts.columns.name = None
    if counties is not None:
        have = frame[frame["county_code"].isin(list(counties))] \
            .groupby(keys, dropna=False, observed=True)["county_code"].nunique()
        counts[MISSING] = (len(set(counties)) - have.reindex(counts.index).fillna(0)).astype(int)
    order = list(names) if names is not None else sorted(set(frame["indicator"]))
    rank = {name: i for i, name in enumerate(order)}
    position = [rank.get(k[0] if by_year else k, len(rank)) for k in counts.index]
    years = [(k[1] if pd.notna(k[1]) else -1) for k in counts.index] if by_year else [0] * len(counts)
    counts = counts.iloc[sorted(range(len(counts)), key=lambda i: (position[i], years[i]))]
    return counts


def latest_years(indicators: pd.DataFrame, names: Sequence[str]) -> dict[str, int | None]:
    """Per indicator: the latest year any county has a row for (None: no dated row)."""
    rows = _county_rows(indicators)
    out: dict[str, int | None] = {}
    for name in names:
        years = pd.to_numeric(rows.loc[rows["indicator"] == name, "year"], errors="coerce").dropna()
        out[name] = int(years.max()) if len(years) else None
    return out


def group_of(indicators: pd.DataFrame, name: str,
             years: pd.Series | int | None = None) -> pd.Series:
    """County code → ``GROUP:`` code, for the counties whose value of indicator ``name`` is
    the figure of a larger unit (quality ``group``).

    ``years``: the year of each county's shown value (a Series by county code, e.g. the
    panel's ``<name>_year``) or one year for all; None: any year.  The unit is read from
    the row's ``notes`` (which name the ``GROUP:`` code); ``GROUP:?`` when they do not."""
    rows = _county_rows(indicators)
    rows = rows[(rows["indicator"] == name) & (rows["quality"].astype(str) == "group")]
    if years is not None and not rows.empty:
        year = pd.to_numeric(rows["year"], errors="coerce")
        if isinstance(years, pd.Series):
            wanted = pd.to_numeric(rows["county_code"].map(years), errors="coerce")
        else:
            wanted = pd.Series(float(years), index=rows.index)
        rows = rows[year == wanted]
    notes = rows["notes"].fillna("").astype(str) if "notes" in rows else [""] * len(rows)
    codes = [group_code(note) for note in notes]
    out = pd.Series(codes, index=rows["county_code"].astype(str).tolist(), dtype=object)
    return out[~out.index.duplicated(keep="last")]


def group_code(note: str) -> str:
    """The ``GROUP:`` code a group row's ``notes`` name (``GROUP:?`` when they name none)."""
    found = _GROUP_CODE.search(note or "")
    return found.group(0) if found else GROUP_PREFIX + "?"


def group_members(code: str) -> list[str]:
    """The unit codes a ``GROUP:a+b+c`` code names (``[]`` for anything else)."""
    if not code.startswith(GROUP_PREFIX):
        return []
    return [part for part in code[len(GROUP_PREFIX):].split("+") if part and part != "?"]


def panel_groups(indicators: pd.DataFrame, panel: pd.DataFrame,
                 names: Sequence[str]) -> dict[str, pd.Series]:
    """Per indicator of ``names`` that the panel has: :func:`group_of` for the year each
    county's panel value is from (``panel["<name>_year"]``); empty Series when none."""
    out = {}
    for name in names:
        if f"{name}_year" in panel.columns:
            years = pd.to_numeric(panel[f"{name}_year"], errors="coerce")
            found = group_of(indicators, name, years)
            out[name] = found[found.index.isin(list(panel.index))]
    return out
