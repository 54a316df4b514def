"""Overdue and open items of the driver projects (issue 13, point 5) — pure pandas.

:func:`followup_status` takes the projects table (the store's current dataset, the
follow-up log already laid over it or not) and the follow-up log, and says per project:

* ``days_since`` — days since the last follow-up: the later of the registry's
  ``last_followup`` and the latest log entry (``<NA>`` when never followed up);
  ``is_stale`` when more than ``days`` (``PISHRAN_STALE_DAYS``, default 90) or never.
  :func:`days_since_followup` and :func:`is_stale` are the one home of that rule:
  :func:`store.followups.staleness` / ``stale_projects`` (the ⌛ marks, the Overview,
  ``pishran followup stale``) call them too;
* ``missed_end`` — the planned end date (``planned_end``) has passed and the project is
  not completed; ``days_late`` — by how many days;
* ``blocker`` — the open blocker: the blocker text of the project's *latest* follow-up
  entry (the registry has no blocker column; a later entry without a blocker closes it);
* ``is_overdue`` — stale, missed end date or open blocker.

Completed and cancelled projects are never stale, late or blocked (they are closed).
The counts per county (``by_county``) and per follow-up officer (``by_officer``, from the
registry's ``followup_officer`` column; blank → ``""``) are projects, stale, missed dates,
blocked and overdue.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from core.jalali import parse_jalali_series, today_jalali
from core.settings import stale_days

__all__ = ["CLOSED", "COUNT_COLUMNS", "FollowupStatus", "days_since_followup", "followup_status",
           "is_stale"]

CLOSED = ("completed", "cancelled")
COUNT_COLUMNS = ("n_projects", "n_stale", "n_missed", "n_blocked", "n_overdue")


@dataclass(frozen=True)
class FollowupStatus:
    """``projects``: one row per project, most overdue first (see the module doc);
    ``by_county`` / ``by_officer``: :data:`COUNT_COLUMNS` per county code / officer."""

    projects: pd.DataFrame
    by_county: pd.DataFrame
    by_officer: pd.DataFrame
    today: str
    days: int

    def overdue(self, county_code: str | None = None) -> pd.DataFrame:
        """The overdue projects (of one county), most overdue first."""
        rows = self.projects[self.projects["is_overdue"]]
        if county_code is not None:
            rows = rows[rows["county_code"] == county_code]
        return rows.reset_index(drop=True)

    def county(self, county_code: str) -> pd.DataFrame:
        """Every project of one county (overdue first)."""
        rows = self.projects[self.projects["county_code"] == county_code]
        return rows.reset_index(drop=True)


def _to_date(values: pd.Series) -> pd.Series:
    return parse_jalali_series(values.astype("string").reset_index(drop=True)).dates


def days_since_followup(projects: pd.DataFrame, log: pd.DataFrame | None = None,
                        today: str | None = None) -> pd.DataFrame:
    """Days since each project's last follow-up — the one home of that computation.

    One row per row of ``projects``, in its order (index reset): ``project_id``,
    ``last_date`` — the later of the registry's ``last_followup`` and the latest
    ``jalali_date`` of the project's entries in ``log`` (``<NA>`` when neither) — and
    ``days_since`` (``Int64``, ``<NA>`` when never followed up or the date is invalid)
    up to ``today`` (Jalali ``YYYY/MM/DD``, default today in Tehran).
    """
    today_date = _to_date(pd.Series([today or today_jalali()])).iloc[0]
    pid = projects["project_id"].astype("string").reset_index(drop=True)
    last = projects["last_followup"].astype("string").reset_index(drop=True)
    if log is not None and not log.empty:
        logged = log.groupby("project_id")["jalali_date"].max().astype("string")
        last = pd.concat([last, pid.map(logged).astype("string")], axis=1).max(axis=1)
    last = last.astype("string")
    days = (today_date - _to_date(last)).dt.days.astype("Int64")
    return pd.DataFrame({"project_id": pid, "last_date": last, "days_since": days})


def is_stale(days_since: pd.Series, days: int) -> pd.Series:
    """Stale: no follow-up for more than ``days`` days, or never (``<NA>``)."""
    return (days_since.isna() | (days_since > days)).fillna(True).astype(bool)


def _open_blockers(log: pd.DataFrame | None) -> pd.Series:
    """Per project id: the blocker of its latest log entry (``<NA>`` when none)."""
    if log is None or log.empty or "blocker" not in log.columns:
        return pd.Series(dtype="string", index=pd.Index([], name="project_id", dtype="string"))
    order = [c for c in ("jalali_date", "recorded_at", "id") if c in log.columns]
    latest = log.sort_values(order, kind="stable").groupby("project_id", sort=False).tail(1)
    blocker = latest.set_index("project_id")["blocker"].astype("string").str.strip()
    return blocker.where(blocker != "")


def _counts(frame: pd.DataFrame, key: str, keys: Sequence[str] | None) -> pd.DataFrame:
    grouped = frame.groupby(key, sort=True)
    counts = pd.DataFrame({
        "n_projects": grouped.size(),
        "n_stale": grouped["is_stale"].sum(),
        "n_missed": grouped["missed_end"].sum(),
        "n_blocked": grouped["has_blocker"].sum(),
        "n_overdue": grouped["is_overdue"].sum(),
    })
    if keys is not None:
        counts = counts.reindex(list(keys), fill_value=0)
    counts = counts.astype("int64")
    counts.index.name = key
    return counts.reset_index()


def followup_status(projects: pd.DataFrame, log: pd.DataFrame | None = None,
                    today: str | None = None, days: int | None = None, *,
                    counties: Sequence[str] | None = None) -> FollowupStatus:
    """Overdue and open items per project, county and officer (module doc).

    ``today``: Jalali ``YYYY/MM/DD`` (default: today in Tehran); ``days``: the stale limit
    (default ``PISHRAN_STALE_DAYS`` or 90); ``counties``: county codes to list in
    ``by_county`` even without projects (zero counts).
    """
    limit = stale_days() if days is None else int(days)
    today = today or today_jalali()
    today_date = _to_date(pd.Series([today])).iloc[0]
    blockers = _open_blockers(log)

    since = days_since_followup(projects, log, today)
    pid, last, days_since = since["project_id"], since["last_date"], since["days_since"]

    status = projects["status"].astype("string").reset_index(drop=True)
    closed = status.isin(CLOSED).fillna(False).astype(bool)
    end = _to_date(projects["planned_end"])
    days_late = (today_date - end).dt.days.astype("Int64")
    missed = (~closed & (days_late > 0).fillna(False)).astype(bool)
    stale = (~closed & is_stale(days_since, limit)).astype(bool)
    blocker = pid.map(blockers).astype("string").where(~closed)
    has_blocker = blocker.notna()

    def column(name: str, dtype: str = "string") -> pd.Series:
        if name not in projects.columns:
            return pd.Series(pd.NA, index=pid.index, dtype=dtype)
        return projects[name].reset_index(drop=True).astype(dtype)

    officer = column("followup_officer").str.strip().fillna("")
    frame = pd.DataFrame({
        "project_id": pid,
        "county_code": column("county_code"),
        "title_fa": column("title_fa"),
        "title_en": column("title_en"),
        "status": status,
        "physical_progress_pct": column("physical_progress_pct", "Float64"),
        "planned_end": column("planned_end"),
        "last_date": last,
        "days_since": days_since,
        "is_stale": stale,
        "missed_end": missed,
        "days_late": days_late.where(missed),
        "blocker": blocker,
        "has_blocker": has_blocker,
        "is_overdue": stale | missed | has_blocker,
        "followup_officer": officer,
    })
    never = frame["days_since"].isna()
    frame = frame.assign(_never=never, _rank=frame["days_since"].fillna(0))
    frame = frame.sort_values(["is_overdue", "_never", "_rank", "project_id"],
                              ascending=[False, False, False, True], kind="stable")
    frame = frame.drop(columns=["_never", "_rank"]).reset_index(drop=True)
    return FollowupStatus(
        projects=frame,
        by_county=_counts(frame, "county_code", counties),
        by_officer=_counts(frame, "followup_officer", None),
        today=today,
        days=limit,
    )
