"""Overdue and open items per MP seat (or any group of counties) — pure pandas.

An MP's list is the sum of the county lists of the counties the seat covers:
:func:`seat_overdue` adds up :attr:`analytics.followup_status.FollowupStatus.by_county`
(:data:`~analytics.followup_status.COUNT_COLUMNS`) over each seat's counties;
:func:`seat_projects` gives the seat's project rows (overdue first).  The seats come in
as a plain mapping ``{seat name: county codes}`` (from :mod:`store.people`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from analytics.followup_status import COUNT_COLUMNS, FollowupStatus

__all__ = ["seat_overdue", "seat_projects"]


def seat_overdue(by_county: pd.DataFrame, seats: Mapping[str, Sequence[str]]) -> pd.DataFrame:
    """One row per seat, in the order given: ``seat``, ``counties`` (the codes, as a
    tuple), ``n_counties`` and the :data:`COUNT_COLUMNS` summed over the seat's counties
    (a county without projects, or not in ``by_county``, adds zeros)."""
    counts = by_county.set_index("county_code")[list(COUNT_COLUMNS)]
    rows = []
    for seat, codes in seats.items():
        codes = tuple(dict.fromkeys(codes))
        present = [c for c in codes if c in counts.index]
        sums = counts.loc[present].sum() if present else pd.Series(0, index=list(COUNT_COLUMNS))
        rows.append({"seat": seat, "counties": codes, "n_counties": len(codes),
                     **{c: int(sums[c]) for c in COUNT_COLUMNS}})
    columns = ["seat", "counties", "n_counties", *COUNT_COLUMNS]
    return pd.DataFrame(rows, columns=columns).astype(
        {c: "int64" for c in ("n_counties", *COUNT_COLUMNS)})


def seat_projects(status: FollowupStatus, counties: Sequence[str], *,
                  overdue_only: bool = False) -> pd.DataFrame:
    """The project rows of ``status`` in the seat's ``counties`` (overdue first, as in
    :attr:`FollowupStatus.projects`)."""
    rows = status.projects[status.projects["county_code"].isin(list(counties))]
    if overdue_only:
        rows = rows[rows["is_overdue"]]
    return rows.reset_index(drop=True)
