"""The follow-up log: append-only entries of a project's status and progress.

* :func:`add_followup` validates and appends one entry (never updates: the table has
  triggers refusing UPDATE and DELETE).
* A project's *current status* is its latest entry: :func:`apply_followups` (defined in
  :mod:`store.overlay`, re-exported here) lays the log over the imported projects table.
* :func:`stale_projects` — projects without a follow-up for more than ``days``.
"""

from __future__ import annotations

from functools import lru_cache

import pandas as pd

from analytics.followup_status import CLOSED, days_since_followup, is_stale
from analytics.validation import DataValidationError, Problem, _enum_lookup
from core.clock import jalali_datetime, utcnow
from core.gregorian import gregorian_suggestion
from core.jalali import JalaliDateError, parse_jalali, today_jalali
from core.numbers import parse_number
from core.schema import PROJECTS, STATUSES
from core.settings import stale_days
from core.text import clean_cell, name_key, normalise_text
from store.accounts import User, writer_name
from store.db import Store
from store.limits import MAX_CELL_CHARS
from store.loading import Dataset
from store.models import ACTOR_ROLES, followups, people, project_rows
from store.overlay import apply_followups
from store.people import person_key

__all__ = [
    "ACTOR_ROLES",
    "CLOSED_STATUSES",
    "add_followup",
    "project_timeline",
    "apply_followups",
    "staleness",
    "stale_projects",
]

CLOSED_STATUSES = CLOSED
_SOURCE = "followup"


@lru_cache(maxsize=1)
def _status_lookup() -> dict[str, str]:
    """Status ids and their Persian/English labels → id."""
    return _enum_lookup(PROJECTS.column("status"))


def _problem(column: str, value: object, rule: str, **params) -> Problem:
    shown = "" if value is None else str(value)
    return Problem(_SOURCE, None, column, shown, rule, params)


def _percent(name: str, value: object, problems: list[Problem]) -> float | None:
    if value is None or (isinstance(value, str) and not normalise_text(value)):
        return None
    if isinstance(value, float) and value != value:
        return None
    parsed = parse_number(value)  # the one numeric parser and bound (core.numbers)
    number = parsed.value
    if parsed.rule is not None:
        problems.append(_problem(name, value, parsed.rule if parsed.rule != "ambiguous_number"
                                 else "not_number"))
    elif number is None:
        return None
    elif number < 0:
        problems.append(_problem(name, value, "below_minimum", minimum=0))
    elif number > 100:
        problems.append(_problem(name, value, "above_maximum", maximum=100))
    else:
        return number
    return None


def _date(value: object, problems: list[Problem], today: str | None) -> str | None:
    suggestion = gregorian_suggestion(value)
    if suggestion is not None:
        problems.append(_problem("jalali_date", value, "gregorian_date", suggestion=suggestion))
        return None
    try:
        y, m, d = parse_jalali(value)
    except JalaliDateError as err:
        problems.append(_problem("jalali_date", value, f"date_{err.reason}", detail=err.detail))
        return None
    iso = f"{y:04d}/{m:02d}/{d:02d}"
    if iso > (today or today_jalali()):
        problems.append(_problem("jalali_date", value, "future_date"))
        return None
    return iso


def _text(name: str, value: object, problems: list[Problem]) -> str | None:
    if value is None:
        return None
    cleaned = clean_cell(str(value))  # the one cleaner: NUL/controls, overrides refused
    if cleaned.rule is not None:
        problems.append(_problem(name, cleaned.text[:40], cleaned.rule, char=cleaned.char,
                                 cell=name))
        return None
    text = cleaned.text.strip()
    if len(text) > MAX_CELL_CHARS:
        problems.append(_problem(name, text[:40] + "…", "text_too_long", limit=MAX_CELL_CHARS))
        return None
    return text or None


def _person(conn, value: str | None, problems: list[Problem]) -> str | None:
    """The person an entry names: an active person of the people records (matched on the
    normalised name; stored as recorded there), or — while no person is recorded at all —
    the free-text name as given."""
    if value is None:
        return None
    rows = conn.execute(people.select().with_only_columns(people.c.name, people.c.active)
                        .order_by(people.c.id)).all()
    if not rows:
        return value
    key = person_key(value)
    match = next((r.name for r in rows if r.active and person_key(r.name) == key), None)
    if match is None:
        active = [r.name for r in rows if r.active]
        problems.append(_problem("person", value, "unknown_person",
                                 allowed="، ".join(active) or "—"))
    return match


def add_followup(store: Store, project_id: str, jalali_date: object, status: str,
                 physical_pct: object = None, financial_pct: object = None,
                 note: str | None = None, blocker: str | None = None,
                 actor_role: str = "followup_officer", user: User | str | None = None,
                 *, today: str | None = None, person: str | None = None) -> int:
    """Append a follow-up entry; returns its id.

    Raises :class:`~analytics.validation.DataValidationError` with every problem
    (unknown project, invalid or future Jalali date, Gregorian date, status not in
    ``STATUSES``, percentages outside 0–100, unknown ``actor_role``, a ``person`` who is
    not an active person of the people records, or no ``person`` at all) and
    ``PermissionError`` when ``user``
    may not write.  ``status`` may be the id or its Persian/English label; text (note,
    blocker) is stored as given, as data.  ``person`` names who was followed up with;
    while the people records are empty a free-text name is stored as given.
    """
    name = writer_name(user)
    problems: list[Problem] = []
    pid = normalise_text(project_id)
    if not pid:
        problems.append(_problem("project_id", project_id, "required"))
    date = _date(jalali_date, problems, today)
    status_id = _status_lookup().get(normalise_text(status).lower())
    if status_id is None:
        problems.append(_problem("status", status, "not_allowed", allowed="، ".join(STATUSES)))
    physical = _percent("physical_pct", physical_pct, problems)
    financial = _percent("financial_pct", financial_pct, problems)
    if actor_role not in ACTOR_ROLES:
        problems.append(_problem("actor_role", actor_role, "not_allowed",
                                 allowed="، ".join(ACTOR_ROLES)))
    note_text = _text("note", note, problems)
    blocker_text = _text("blocker", blocker, problems)
    person_text = _text("person", person, problems)
    if person_text is None or not name_key(person_text):  # every entry names who was followed up with (issue 13)
        problems.append(_problem("person", person, "required"))
    with store.write() as (conn, current):
        person_name = _person(conn, person_text, problems)
        if pid and (current is None or conn.execute(
            project_rows.select().with_only_columns(project_rows.c.project_id)
            .where(project_rows.c.version_id == current, project_rows.c.project_id == pid)
        ).first() is None):
            problems.insert(0, _problem("project_id", project_id, "unknown_project"))
        if problems:
            raise DataValidationError(_SOURCE, problems)
        entry_id = conn.execute(followups.insert().values(
            project_id=pid, jalali_date=date, status=status_id, physical_pct=physical,
            financial_pct=financial, note=note_text, blocker=blocker_text,
            actor_role=actor_role, recorded_by=name, recorded_at=utcnow(), person=person_name,
        )).inserted_primary_key[0]
        store.audit(conn, name, "followup", current,
                    {"followup_id": entry_id, "project_id": pid, "status": status_id,
                     "jalali_date": date, "person": person_name})
    return int(entry_id)


def project_timeline(store: Store, project_id: str) -> pd.DataFrame:
    """One project's follow-up entries, oldest first, with ``recorded_at_jalali``."""
    frame = store.followups_frame(normalise_text(project_id))
    frame["recorded_at_jalali"] = [jalali_datetime(ts.to_pydatetime())
                                   for ts in frame["recorded_at"]]
    return frame.reset_index(drop=True)


def staleness(dataset: Dataset, followup_log: pd.DataFrame | None = None,
              today: str | None = None, *, include_closed: bool = False) -> pd.DataFrame:
    """Per project: ``last_date`` (latest of ``last_followup`` and the log) and
    ``days_since`` (``<NA>`` when never followed up), most neglected first.

    The days come from :func:`analytics.followup_status.days_since_followup` (the one
    home of that computation, shared with the overdue lists)."""
    projects = dataset.projects
    if not include_closed:
        projects = projects[~projects["status"].isin(CLOSED_STATUSES).fillna(False)]
    frame = days_since_followup(projects, followup_log, today)
    frame["never"] = frame["days_since"].isna()
    frame = frame.sort_values(["never", "days_since"], ascending=[False, False], kind="stable")
    return frame.drop(columns="never").reset_index(drop=True)


def stale_projects(dataset: Dataset, followup_log: pd.DataFrame | None = None,
                   today_jalali: str | None = None, days: int | None = None, *,
                   include_closed: bool = False) -> list[str]:
    """Ids of projects with no follow-up (log entry or ``last_followup``) for more than
    ``days`` (default ``PISHRAN_STALE_DAYS`` or 90) or never; completed and cancelled
    projects are left out unless ``include_closed``.  Most neglected first."""
    limit = stale_days() if days is None else int(days)
    frame = staleness(dataset, followup_log, today_jalali, include_closed=include_closed)
    return [str(p) for p in frame.loc[is_stale(frame["days_since"], limit), "project_id"]]
