"""Replies to a follow-up round: which counties have replied (when, by whom, which
version) and which have not — pure, on the store's frames (no database here)."""

from __future__ import annotations

import pandas as pd

__all__ = ["reply_status", "REPLY_COLUMNS"]

REPLY_COLUMNS = ["county_code", "name_fa", "name_en", "replied", "n_returns", "version_id",
                 "recorded_by", "recorded_at_jalali"]


def reply_status(counties: pd.DataFrame, returns: pd.DataFrame) -> pd.DataFrame:
    """One row per county of ``counties`` (``code``, ``name_fa``, ``name_en``), in its
    order: ``replied``; ``n_returns`` (returns recorded for it); the latest return's
    ``version_id``, ``recorded_by`` and ``recorded_at_jalali`` (missing when not replied).

    ``returns``: rows with ``county_code``, ``version_id``, ``recorded_by``,
    ``recorded_at_jalali``, oldest first (as :func:`store.rounds.returns_frame` gives)."""
    rows = []
    by_county = {code: group for code, group in returns.groupby("county_code", sort=False)} \
        if len(returns) else {}
    for county in counties.itertuples(index=False):
        group = by_county.get(county.code)
        if group is None or not len(group):
            rows.append([county.code, county.name_fa, county.name_en, False, 0, pd.NA, None,
                         None])
            continue
        last = group.iloc[-1]
        rows.append([county.code, county.name_fa, county.name_en, True, len(group),
                     int(last["version_id"]), last["recorded_by"], last["recorded_at_jalali"]])
    frame = pd.DataFrame(rows, columns=REPLY_COLUMNS)
    frame["version_id"] = frame["version_id"].astype("Int64")
    return frame
