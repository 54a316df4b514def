"""People who follow the driver projects up, and the counties of each MP seat (issue 13, point 4).

* ``people`` — follow-up officers, the governors' offices, MPs and others: name, role
  (:data:`store.models.PERSON_ROLES`), contact, the counties the person covers, an active
  flag.  :func:`add_person`, :func:`update_person`, :func:`deactivate_person` (editors only,
  through :func:`store.accounts.writer_name`; audited ``person_add`` / ``person_update``),
  :func:`list_people`, :func:`find_person`, :func:`people_frame`.  Nobody is deleted: a
  person who leaves is deactivated.
* ``mp_seats`` — which counties each MP seat (constituency) covers: :func:`set_seat`
  (adds or replaces a seat's counties; audited ``seat_set``), :func:`list_seats`,
  :func:`find_seat`, :func:`seats_frame`.

Counties are given in any spelling the county resolver knows (Persian or English names,
codes) and stored as codes; an unknown name is refused with the closest names.  The
embedded data ships no person and no seat: no public source of the province's
constituencies is in the sourced data, and names of real people are never invented —
the office enters them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd
from sqlalchemy import insert, select, update

from core.clock import as_utc, jalali_datetime, utcnow
from core.text import clean_cell, label_key
from store.accounts import User, writer_name
from store.db import Store
from store.errors import KeyedError
from store.models import PERSON_ROLES, mp_seats, people

__all__ = ["PERSON_ROLES", "ROLE_KEYS", "Person", "PeopleError", "Seat", "add_person", "deactivate_person",
           "find_person", "find_seat", "list_people", "list_seats", "people_frame", "person_key",
           "resolve_counties", "seats_frame", "set_seat", "update_person"]

#: Role → its catalogue label (also the allowed values named in a refusal).
ROLE_KEYS = {"followup_officer": "people.role.followup_officer",
             "governor_office": "people.role.governor_office",
             "mp": "people.role.mp", "other": "people.role.other"}
_SPLIT = re.compile(r"[,،;؛\n]+")


class PeopleError(KeyedError):
    """A person or seat that cannot be stored."""


@dataclass(frozen=True)
class Person:
    id: int
    name: str
    role: str
    contact: str
    counties: tuple[str, ...]
    active: bool
    created_by: str
    created_at: object  # aware UTC
    updated_by: str
    updated_at: object  # aware UTC

    @property
    def updated_at_jalali(self) -> str:
        return jalali_datetime(self.updated_at)


@dataclass(frozen=True)
class Seat:
    id: int
    name: str
    counties: tuple[str, ...]
    updated_by: str
    updated_at: object  # aware UTC

    @property
    def updated_at_jalali(self) -> str:
        return jalali_datetime(self.updated_at)


def person_key(name: object) -> str:
    """The key two spellings of one person's name share (:func:`core.text.label_key`) —
    also how a follow-up entry's ``person`` is matched."""
    return label_key(name)


_key = person_key


def _clean(text: object) -> str:
    """Text of a record, through the one cell cleaner (:func:`core.text.clean_cell`): control
    characters and bidi overrides refused, invisible characters dropped; spaces collapsed."""
    cleaned = clean_cell(str(text or ""))
    if cleaned.rule is not None:
        raise PeopleError("people.error.bad_character", char=cleaned.char)
    return " ".join(cleaned.text.split())


def _codes(text: str | None) -> tuple[str, ...]:
    return tuple((text or "").split())


def resolve_counties(store: Store, values: Iterable[object] | str | None) -> tuple[str, ...]:
    """County codes of ``values`` (names in any spelling, or codes; a single text may list
    several, separated by commas), in the order given, without repeats.  An unknown name
    raises :class:`PeopleError` ``people.error.unknown_county`` with the closest names."""
    if values is None:
        return ()
    items = _SPLIT.split(values) if isinstance(values, str) else list(values)
    resolver = store.base_dataset().resolver
    codes: list[str] = []
    for item in items:
        if not _clean(item):
            continue
        code = resolver.try_resolve(item)
        if code is None:
            close = "، ".join(resolver.suggest(item)) or "—"
            raise PeopleError("people.error.unknown_county", name=_clean(item), closest=close)
        if code not in codes:
            codes.append(code)
    return tuple(codes)


def _role(role: object) -> str:
    text = _clean(role)
    if text in PERSON_ROLES:
        return text
    from i18n import t  # a Persian label is accepted too

    for lang in ("fa", "en"):
        for value, key in ROLE_KEYS.items():
            if _key(t(key, lang)) == _key(text):
                return value
    raise PeopleError("people.error.bad_role", role=text or "—",
                      allowed="، ".join(PERSON_ROLES))


def _person(row) -> Person:
    return Person(int(row.id), row.name, row.role, row.contact or "", _codes(row.counties),
                  bool(row.active), row.created_by, as_utc(row.created_at), row.updated_by,
                  as_utc(row.updated_at))


def _seat(row) -> Seat:
    return Seat(int(row.id), row.name, _codes(row.counties), row.updated_by,
                as_utc(row.updated_at))


# --- people ------------------------------------------------------------------------------

def list_people(store: Store, *, active_only: bool = False, role: str | None = None
                ) -> list[Person]:
    """The people, by id (``active_only``: without the deactivated; ``role``: one role)."""
    query = select(people).order_by(people.c.id)
    if active_only:
        query = query.where(people.c.active.is_(True))
    if role is not None:
        query = query.where(people.c.role == role)
    with store.read() as conn:
        rows = conn.execute(query).all()
    return [_person(r) for r in rows]


def find_person(store: Store, name_or_id: object) -> Person | None:
    """The person of that id, or of that name (normalised; the active one first)."""
    found = list_people(store)
    if isinstance(name_or_id, int):
        return next((p for p in found if p.id == name_or_id), None)
    key = _key(name_or_id)
    named = sorted((p for p in found if _key(p.name) == key), key=lambda p: not p.active)
    if named:
        return named[0]
    text = _clean(name_or_id)
    if text.isdigit():
        return next((p for p in found if p.id == int(text)), None)
    return None


def people_frame(store: Store, *, active_only: bool = False) -> pd.DataFrame:
    columns = ["id", "name", "role", "contact", "counties", "active", "updated_by",
               "updated_at_jalali"]
    return pd.DataFrame([[p.id, p.name, p.role, p.contact, " ".join(p.counties), p.active,
                          p.updated_by, p.updated_at_jalali]
                         for p in list_people(store, active_only=active_only)],
                        columns=columns)


def add_person(store: Store, name: str, role: str, by: User | str | None, *,
               contact: str | None = None, counties: Iterable[object] | str | None = None
               ) -> Person:
    """A new person (``PermissionError`` for a user who may not write; :class:`PeopleError`
    for an empty name, an unknown role or county, or an active person of that name and role)."""
    writer = writer_name(by)
    name = _clean(name)
    if not name:
        raise PeopleError("people.error.no_name")
    role = _role(role)
    codes = resolve_counties(store, counties)
    now = utcnow()
    with store.write() as (conn, _current):
        taken = conn.execute(select(people.c.name).where(
            people.c.active.is_(True), people.c.role == role)).scalars().all()
        if any(_key(n) == _key(name) for n in taken):
            raise PeopleError("people.error.taken", name=name)
        new_id = conn.execute(insert(people).values(
            name=name, role=role, contact=_clean(contact) or None, counties=" ".join(codes),
            active=True, created_by=writer, created_at=now, updated_by=writer, updated_at=now,
        )).inserted_primary_key[0]
        store.audit(conn, writer, "person_add", None,
                    {"person_id": new_id, "name": name, "role": role,
                     "counties": list(codes)})
    found = find_person(store, int(new_id))
    assert found is not None
    return found


def update_person(store: Store, person: int | str, by: User | str | None, *,
                  name: str | None = None, role: str | None = None, contact: str | None = None,
                  counties: Iterable[object] | str | None = None, active: bool | None = None
                  ) -> Person:
    """Change the given fields of a person (``None``: keep); audited ``person_update`` with
    each changed field old → new.  :class:`PeopleError` ``people.error.unknown`` for a
    person that is not there."""
    writer = writer_name(by)
    current = find_person(store, person)
    if current is None:
        raise PeopleError("people.error.unknown", name=str(person))
    new = {
        "name": current.name if name is None else _clean(name),
        "role": current.role if role is None else _role(role),
        "contact": current.contact if contact is None else _clean(contact),
        "counties": " ".join(current.counties if counties is None
                             else resolve_counties(store, counties)),
        "active": current.active if active is None else bool(active),
    }
    if not new["name"]:
        raise PeopleError("people.error.no_name")
    old = {"name": current.name, "role": current.role, "contact": current.contact,
           "counties": " ".join(current.counties), "active": current.active}
    changes = {k: [old[k], v] for k, v in new.items() if old[k] != v}
    if changes:
        with store.write() as (conn, _current):
            conn.execute(update(people).where(people.c.id == current.id).values(
                name=new["name"], role=new["role"], contact=new["contact"] or None,
                counties=new["counties"], active=new["active"], updated_by=writer,
                updated_at=utcnow()))
            store.audit(conn, writer, "person_update", None,
                        {"person_id": current.id, "name": new["name"], "changes": changes})
    found = find_person(store, current.id)
    assert found is not None
    return found


def deactivate_person(store: Store, person: int | str, by: User | str | None) -> Person:
    """The person no longer active (kept, with the history in the audit log)."""
    return update_person(store, person, by, active=False)


# --- MP seats ----------------------------------------------------------------------------

def list_seats(store: Store) -> list[Seat]:
    """The MP seats, in the order they were first entered."""
    with store.read() as conn:
        rows = conn.execute(select(mp_seats).order_by(mp_seats.c.id)).all()
    return [_seat(r) for r in rows]


def find_seat(store: Store, name: object) -> Seat | None:
    key = _key(name)
    return next((s for s in list_seats(store) if _key(s.name) == key), None)


def seats_frame(store: Store) -> pd.DataFrame:
    columns = ["id", "name", "counties", "updated_by", "updated_at_jalali"]
    return pd.DataFrame([[s.id, s.name, " ".join(s.counties), s.updated_by,
                          s.updated_at_jalali] for s in list_seats(store)],
                        columns=columns)


def set_seat(store: Store, name: str, counties: Iterable[object] | str | None,
             by: User | str | None) -> Seat:
    """Add a seat, or replace the counties of the seat of that (normalised) name; audited
    ``seat_set`` with the counties before and after."""
    writer = writer_name(by)
    name = _clean(name)
    if not name:
        raise PeopleError("people.error.no_seat_name")
    codes = resolve_counties(store, counties)
    if not codes:
        raise PeopleError("people.error.no_counties", name=name)
    now = utcnow()
    with store.write() as (conn, _current):
        rows = conn.execute(select(mp_seats)).all()
        old = next((r for r in rows if _key(r.name) == _key(name)), None)
        if old is None:
            conn.execute(insert(mp_seats).values(name=name, counties=" ".join(codes),
                                                 updated_by=writer, updated_at=now))
            before: list[str] = []
        else:
            name = old.name
            conn.execute(update(mp_seats).where(mp_seats.c.id == old.id).values(
                counties=" ".join(codes), updated_by=writer, updated_at=now))
            before = list(_codes(old.counties))
        store.audit(conn, writer, "seat_set", None,
                    {"seat": name, "before": before, "counties": list(codes)})
    found = find_seat(store, name)
    assert found is not None
    return found
