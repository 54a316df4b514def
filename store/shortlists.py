"""The recorded shortlist of each county's driver projects (issue 15, point 3).

An editor confirms (or changes) a county's shortlist with a reason; each decision is a new
row of the append-only ``shortlists`` table (migration ``0006``) with what the tool
suggested at the time (ids, method, weights, picks N), the data version it was made on,
who and when, and an audit entry ``shortlist_set``.  The newest row of a county is its
current shortlist; older rows are its history — nothing is changed or deleted, so a
decision survives a restart and can be traced.

* :func:`record_shortlist` (editors) — refuses (:class:`ShortlistError`, a catalogue
  message) an unknown county, an empty reason, no project, or a project id that is not one
  of the county's projects in the current data;
* :func:`current_shortlists` — county → :class:`Shortlist` (the newest decision);
* :func:`shortlists_frame` — the decisions (current only, or the whole history), with the
  time in Jalali (Tehran).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import pandas as pd
from sqlalchemy import insert, select

from core.clock import as_utc, jalali_datetime, utcnow
from store.accounts import User, writer_name
from store.db import Store
from store.errors import KeyedError
from store.models import shortlists

__all__ = ["Shortlist", "ShortlistError", "current_shortlists", "record_shortlist",
           "shortlists_frame"]

FRAME_COLUMNS = ["id", "county_code", "project_ids", "reason", "suggested_ids", "method",
                 "weights", "n_picks", "version_id", "decided_by", "decided_at_jalali",
                 "changed"]


class ShortlistError(KeyedError):
    """A shortlist that cannot be recorded."""


@dataclass(frozen=True)
class Shortlist:
    """One recorded decision.  ``changed``: the editor chose other projects than the tool
    suggested."""

    id: int
    county_code: str
    project_ids: tuple[str, ...]
    reason: str
    suggested_ids: tuple[str, ...]
    method: str | None
    weights: dict
    n_picks: int | None
    version_id: int | None
    decided_by: str
    decided_at: object  # aware UTC

    @property
    def decided_at_jalali(self) -> str:
        return jalali_datetime(self.decided_at)

    @property
    def changed(self) -> bool:
        return bool(self.suggested_ids) and set(self.suggested_ids) != set(self.project_ids)


def _ids(text: str | None) -> tuple[str, ...]:
    return tuple(str(text or "").split())


def _entry(row) -> Shortlist:
    return Shortlist(int(row.id), row.county_code, _ids(row.project_ids), row.reason,
                     _ids(row.suggested_ids), row.method,
                     json.loads(row.weights_json) if row.weights_json else {},
                     row.n_picks, row.version_id, row.decided_by, as_utc(row.decided_at))


def record_shortlist(store: Store, county: str, project_ids: Iterable[str], reason: str,
                     by: User | str | None, suggested: Iterable[str] = (),
                     method: str | None = None, weights: Mapping[str, float] | None = None,
                     n_picks: int | None = None) -> Shortlist:
    """Record a county's shortlist (``PermissionError`` for a user who may not write;
    :class:`ShortlistError` for a refused decision, see the module docstring)."""
    writer = writer_name(by)
    ids = [str(p).strip() for p in project_ids if str(p).strip()]
    ids = list(dict.fromkeys(ids))
    reason = " ".join(str(reason or "").split())
    dataset = store.current_dataset()
    if county not in set(dataset.counties["code"]):
        raise ShortlistError("shortlist.error.county", county=str(county))
    if not reason:
        raise ShortlistError("shortlist.error.no_reason")
    if not ids:
        raise ShortlistError("shortlist.error.no_project")
    own = set(dataset.projects.loc[dataset.projects["county_code"] == county, "project_id"]
              .astype(str))
    foreign = [p for p in ids if p not in own]
    if foreign:
        raise ShortlistError("shortlist.error.not_in_county", ids=", ".join(foreign))
    for p in ids:
        if any(c.isspace() for c in p):
            raise ShortlistError("shortlist.error.not_in_county", ids=p)
    with store.write() as (conn, current):
        new_id = conn.execute(insert(shortlists).values(
            county_code=county, project_ids=" ".join(ids), reason=reason,
            suggested_ids=" ".join(str(s) for s in suggested) or None, method=method,
            weights_json=json.dumps(dict(weights), sort_keys=True) if weights else None,
            n_picks=n_picks, version_id=current, decided_by=writer, decided_at=utcnow(),
        )).inserted_primary_key[0]
        store.audit(conn, writer, "shortlist_set", current,
                    {"shortlist_id": new_id, "county": county, "projects": ids})
    with store.read() as conn:
        row = conn.execute(select(shortlists).where(shortlists.c.id == new_id)).one()
    return _entry(row)


def _all(store: Store, county: str | None = None) -> list[Shortlist]:
    query = select(shortlists).order_by(shortlists.c.id)
    if county is not None:
        query = query.where(shortlists.c.county_code == county)
    with store.read() as conn:
        return [_entry(r) for r in conn.execute(query).all()]


def current_shortlists(store: Store) -> dict[str, Shortlist]:
    """County code → its newest recorded shortlist (counties without one are absent)."""
    out: dict[str, Shortlist] = {}
    for entry in _all(store):
        out[entry.county_code] = entry
    return dict(sorted(out.items()))


def shortlists_frame(store: Store, county: str | None = None,
                     history: bool = False) -> pd.DataFrame:
    """The current decisions (``history``: every decision, oldest first) as a table with
    :data:`FRAME_COLUMNS` (ids space-separated, time in Jalali)."""
    entries = _all(store, county) if history else [
        e for c, e in current_shortlists(store).items() if county is None or c == county]
    return pd.DataFrame([[e.id, e.county_code, " ".join(e.project_ids), e.reason,
                          " ".join(e.suggested_ids), e.method, e.weights, e.n_picks,
                          e.version_id, e.decided_by, e.decided_at_jalali, e.changed]
                         for e in entries], columns=FRAME_COLUMNS)
