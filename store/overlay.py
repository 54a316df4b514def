"""The follow-up log laid over the imported projects table (pure pandas, no database).

A project's *current status* is its latest follow-up entry — ordered by Jalali date,
then by the time it was recorded, then by id.  :func:`apply_followups` lays the log over
the imported projects table: the latest entry's status (and the latest entry that gives
a physical/financial percentage, for those) replaces the imported value when the entry
is at least as recent as the imported ``last_followup`` (a blank ``last_followup``
counts as older than everything); ``last_followup`` becomes the later of the two dates.
So a newer imported file wins over an older log entry, and a newer log entry wins over
an older file.

Below :mod:`store.db` (which applies the log to every dataset it returns) and
:mod:`store.followups` (which writes the log), so neither imports the other.
"""

from __future__ import annotations

import pandas as pd

__all__ = ["apply_followups"]


def _latest(log: pd.DataFrame, column: str | None = None) -> pd.DataFrame:
    rows = log if column is None else log[log[column].notna()]
    ordered = rows.sort_values(["jalali_date", "recorded_at", "id"], kind="stable")
    return ordered.groupby("project_id", sort=False).tail(1).set_index("project_id")


def apply_followups(projects: pd.DataFrame, log: pd.DataFrame | None) -> pd.DataFrame:
    """The projects table with each project's latest follow-up applied (module docstring)."""
    if log is None or log.empty:
        return projects
    out = projects.copy()
    pid = out["project_id"]
    imported = out["last_followup"].astype("string")

    def newer(dates: pd.Series) -> pd.Series:
        mapped = pid.map(dates).astype("string")
        return (mapped.notna() & (imported.isna() | (mapped >= imported))).fillna(False)

    latest = _latest(log)
    take = newer(latest["jalali_date"])
    out.loc[take, "status"] = pid[take].map(latest["status"]).astype("string")
    out.loc[take, "last_followup"] = pid[take].map(latest["jalali_date"]).astype("string")
    for column, target in (("physical_pct", "physical_progress_pct"),
                           ("financial_pct", "financial_progress_pct")):
        rows = _latest(log, column)
        take = newer(rows["jalali_date"])
        out.loc[take, target] = pid[take].map(rows[column]).astype("float64")
    return out
