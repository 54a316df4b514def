"""Follow-up rounds with the governors: rounds, returns recorded against them, the stamp.

A *round* is one request to the 28 governors' offices — a name («دور پاییز ۱۴۰۴») and a
Jalali due date.  The office sends each county a pre-filled workbook
(:mod:`exports.workbooks`) that carries a *stamp*: a hidden sheet naming the round, its
due date and the county.  A return imported "for round R" (``import_file(…,
round_id=R)``) records, in the same transaction as its version, one ``round_returns`` row
per county the file covers; :func:`replies` then says which counties have replied and
which have not.

* :func:`add_round` (editors; audited ``round_add``), :func:`list_rounds`, :func:`find_round`;
* :func:`returns_frame` — the recorded returns; :func:`replies` — per county, replied or not;
* :func:`read_stamp` / :func:`stamp_checks` — what the import does with a stamped workbook:
  a stamp naming another round than the one chosen is refused (``round_mismatch``); rows
  of another county than the stamped one are warned about (``other_county_row``, with
  sheet, row and column); a stamped workbook imported with no round chosen is recorded
  against its stamped round when the store has it.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

import pandas as pd
from sqlalchemy import insert, select
from sqlalchemy.engine import Connection

from analytics.rounds import reply_status
from analytics.validation import Problem
from core.clock import as_utc, jalali_datetime, utcnow
from core.counties import county_names
from core.jalali import JalaliDateError, format_jalali_iso, parse_jalali
from core.text import label_key
from store.accounts import User, writer_name
from store.db import Store
from store.errors import KeyedError
from store.models import round_returns, rounds

__all__ = ["Round", "RoundError", "STAMP_SHEET", "STAMP_KIND", "add_round", "list_rounds",
           "find_round", "rounds_frame", "returns_frame", "record_returns", "replies",
           "read_stamp", "stamp_checks"]

#: The hidden sheet of a county workbook that names its round and county (key, value rows).
STAMP_SHEET = "pishran_round"
STAMP_KIND = "pishran-county-workbook"


class RoundError(KeyedError):
    """A round that cannot be added."""


@dataclass(frozen=True)
class Round:
    id: int
    name: str
    due_jalali: str
    created_by: str
    created_at: object  # aware UTC

    @property
    def created_at_jalali(self) -> str:
        return jalali_datetime(self.created_at)


_key = label_key  # a round's name as the office may retype it


def _round(row) -> Round:
    return Round(int(row.id), row.name, row.due_jalali, row.created_by, as_utc(row.created_at))


def list_rounds(store: Store) -> list[Round]:
    """All rounds, oldest first."""
    with store.read() as conn:
        rows = conn.execute(select(rounds).order_by(rounds.c.id)).all()
    return [_round(r) for r in rows]


def find_round(store: Store, name_or_id: object) -> Round | None:
    """The round of that name (compared through the Persian normaliser) or id."""
    found = list_rounds(store)
    if isinstance(name_or_id, int):
        return next((r for r in found if r.id == name_or_id), None)
    key = _key(name_or_id)
    return next((r for r in found if _key(r.name) == key), None)


def rounds_frame(store: Store) -> pd.DataFrame:
    columns = ["id", "name", "due_jalali", "created_by", "created_at_jalali"]
    return pd.DataFrame([[r.id, r.name, r.due_jalali, r.created_by, r.created_at_jalali]
                         for r in list_rounds(store)], columns=columns)


def add_round(store: Store, name: str, due_jalali: str, by: User | str | None) -> Round:
    """A new round (``PermissionError`` for a user who may not write; :class:`RoundError`
    for an empty or taken name or a due date that is not a Jalali ``YYYY/MM/DD``)."""
    writer = writer_name(by)
    name = " ".join(str(name or "").split())
    if not name:
        raise RoundError("rounds.error.no_name")
    try:
        parse_jalali(due_jalali)
    except (JalaliDateError, ValueError):
        raise RoundError("rounds.error.bad_due", value=str(due_jalali)) from None
    due = format_jalali_iso(due_jalali)
    with store.write() as (conn, _current):
        taken = conn.execute(select(rounds.c.name)).scalars().all()
        if any(_key(n) == _key(name) for n in taken):
            raise RoundError("rounds.error.taken", name=name)
        new_id = conn.execute(insert(rounds).values(
            name=name, due_jalali=due, created_by=writer, created_at=utcnow(),
        )).inserted_primary_key[0]
        store.audit(conn, writer, "round_add", None,
                    {"round_id": new_id, "name": name, "due": due})
    found = find_round(store, int(new_id))
    assert found is not None
    return found


def record_returns(conn: Connection, round_id: int, version_id: int, counties, by: str,
                   file_name: str | None) -> None:
    """Inside the import's write transaction: the version is the return of ``counties``."""
    now = utcnow()
    rows = [{"round_id": round_id, "version_id": version_id, "county_code": str(c),
             "file_name": file_name, "recorded_by": by, "recorded_at": now}
            for c in dict.fromkeys(counties)]
    if rows:
        conn.execute(insert(round_returns), rows)


def returns_frame(store: Store, round_id: int | None = None) -> pd.DataFrame:
    """The recorded returns (of one round), oldest first, with ``recorded_at_jalali``."""
    query = select(round_returns).order_by(round_returns.c.id)
    if round_id is not None:
        query = query.where(round_returns.c.round_id == round_id)
    with store.read() as conn:
        rows = conn.execute(query).mappings().all()
    frame = pd.DataFrame([dict(r) for r in rows], columns=[c.name for c in round_returns.c])
    frame["recorded_at_jalali"] = [jalali_datetime(as_utc(ts.to_pydatetime()))
                                   for ts in pd.to_datetime(frame["recorded_at"])]
    return frame


def replies(store: Store, round_id: int) -> pd.DataFrame:
    """Per county of the province: replied or not, when, by whom, which version."""
    return reply_status(store.base_dataset().counties, returns_frame(store, round_id))


# --- the stamp -----------------------------------------------------------------------------

def read_stamp(data: bytes) -> dict[str, str] | None:
    """The stamp of a county workbook (``None``: not an xlsx, or no stamp)."""
    if not data.startswith(b"PK"):
        return None
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True,
                                 keep_links=False)
    except Exception:  # noqa: BLE001 - the reader reports damaged files; no stamp here
        return None
    try:
        if STAMP_SHEET not in workbook.sheetnames:
            return None
        stamp = {}
        for row in workbook[STAMP_SHEET].iter_rows(min_row=1, max_row=50, max_col=2,
                                                   values_only=True):
            if row and row[0] is not None:
                stamp[str(row[0]).strip()] = "" if row[1] is None else str(row[1]).strip()
    finally:
        workbook.close()
    return stamp if stamp.get("kind") == STAMP_KIND else None


def _locked_ids(store: Store, table: pd.DataFrame, where, sheets, file_name: str,
                county: str) -> list[Problem]:
    """A county workbook's id column is locked: every id in it must be one of the stamped
    county's projects (a blank id is a new project, matched by title in store.merge)."""
    projects = store.current_dataset().projects
    own = set(projects.loc[projects["county_code"] == county, "project_id"])
    names = county_names(store.base_dataset().counties, "fa")
    problems = []
    for i, pid in enumerate(table["project_id"].tolist()):
        if pd.isna(pid) or str(pid) in own:
            continue
        sheet_name, row = where[i]
        sheet = sheets.get(sheet_name)
        column = sheet.headers.get("project_id", "project_id") if sheet else "project_id"
        params = {"county": names.get(county, county), "value": str(pid)}
        cell = sheet.cell(row, "project_id") if sheet else ""
        if cell:
            params["cell"] = cell
        problems.append(Problem(file_name, int(row), column, str(pid), "locked_id", params,
                                sheet_name))
    return problems


def stamp_checks(store: Store, data: bytes, table: pd.DataFrame | None, where, sheets,
                 file_name: str, round_id: int | None
                 ) -> tuple[int | None, dict | None, list[Problem], list[Problem]]:
    """(round id to record, stamp, problems, warnings) of a projects file.

    ``where``: (sheet, row) of each row of ``table``; ``sheets``: sheet name → RawSheet."""
    stamp = read_stamp(data)
    problems: list[Problem] = []
    warnings: list[Problem] = []
    if stamp is None:
        return round_id, None, problems, warnings
    stamped = stamp.get("round") or ""
    chosen = find_round(store, round_id) if round_id is not None else None
    if chosen is not None and stamped and _key(stamped) != _key(chosen.name):
        problems.append(Problem(file_name, None, "—", stamped, "round_mismatch",
                                {"stamped": stamped, "chosen": chosen.name}))
    elif round_id is None and stamped:
        found = find_round(store, stamped)
        round_id = found.id if found is not None else None
    county = stamp.get("county_code") or ""
    if county and table is not None and "project_id" in table.columns:
        problems += _locked_ids(store, table, where, sheets, file_name, county)
    if county and table is not None and "county_code" in table.columns:
        counties = store.base_dataset().counties
        names = county_names(counties, "fa")
        for i, code in enumerate(table["county_code"].tolist()):
            if pd.isna(code) or str(code) == county:
                continue
            sheet_name, row = where[i]
            sheet = sheets.get(sheet_name)
            column = sheet.headers.get("county_code", "county_code") if sheet else "county_code"
            params = {"county": names.get(county, county), "other": names.get(code, code)}
            cell = sheet.cell(row, "county_code") if sheet else ""
            if cell:
                params["cell"] = cell
            warnings.append(Problem(file_name, int(row), column, names.get(code, str(code)),
                                    "other_county_row", params, sheet_name))
    return round_id, stamp, problems, warnings


