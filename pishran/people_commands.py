"""``pishran people …``: who follows what, the MP seats and an MP's overdue list.

Commands::

    pishran people add NAME --role mp --counties لنجان مبارکه [--contact C] [--user U]
    pishran people update NAME|ID [--name N] [--role R] [--contact C] [--counties …] [--user U]
    pishran people deactivate NAME|ID [--user U]
    pishran people list [--all] [--json]
    pishran people seat NAME --counties لنجان مبارکه [--user U]     # add or replace a seat
    pishran people seats [--json]
    pishran people mp-list SEAT --out FILE.xlsx [--lang fa|en]    # the seat's overdue list

``SEAT`` is a seat name, or the name of an MP whose counties make the list.  Writes take
``--user`` like the other store commands (an existing editor account) and are audited.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from i18n import fmt_int, t
from pishran.store_commands import cli_store, print_rows

__all__ = ["add_people_commands"]


def _write(args: argparse.Namespace, action) -> int:
    from pishran.store_commands import run_write

    return run_write(args, action)


def _names(store, codes, lang: str) -> str:
    counties = store.base_dataset().counties.set_index("code")
    column = "name_fa" if lang == "fa" else "name_en"
    return ("، " if lang == "fa" else ", ").join(
        str(counties[column].get(c, c)) for c in codes) or "—"


def _add(args: argparse.Namespace) -> int:
    from store.people import add_person

    def action(store, writer):
        person = add_person(store, args.name, args.role, writer, contact=args.contact,
                            counties=args.counties)
        return t("people.cli.added", args.lang, name=person.name, id=person.id,
                 counties=_names(store, person.counties, args.lang))
    return _write(args, action)


def _update(args: argparse.Namespace) -> int:
    from store.people import update_person

    def action(store, writer):
        person = update_person(store, args.person, writer, name=args.name, role=args.role,
                               contact=args.contact, counties=args.counties)
        return t("people.cli.updated", args.lang, name=person.name, id=person.id)
    return _write(args, action)


def _deactivate(args: argparse.Namespace) -> int:
    from store.people import deactivate_person

    def action(store, writer):
        person = deactivate_person(store, args.person, writer)
        return t("people.cli.deactivated", args.lang, name=person.name, id=person.id)
    return _write(args, action)


def _seat(args: argparse.Namespace) -> int:
    from store.people import set_seat

    def action(store, writer):
        seat = set_seat(store, args.name, args.counties, writer)
        return t("people.cli.seat_set", args.lang, name=seat.name,
                 counties=_names(store, seat.counties, args.lang))
    return _write(args, action)


def _print(frame, args: argparse.Namespace, empty_key: str) -> int:
    print_rows(frame, args.json, args.lang, empty_key)
    return 0


def _list(args: argparse.Namespace) -> int:
    from store.people import people_frame

    with cli_store() as store:
        frame = people_frame(store, active_only=not args.all)
    return _print(frame, args, "people.cli.none")


def _seats(args: argparse.Namespace) -> int:
    from store.people import seats_frame

    with cli_store() as store:
        frame = seats_frame(store)
    return _print(frame, args, "people.cli.no_seats")


def _mp_list(args: argparse.Namespace) -> int:
    from analytics.followup_status import followup_status
    from exports.seat_list import seat_list_excel
    from store.people import find_person, find_seat, list_seats

    lang = args.lang
    with cli_store() as store:
        seat = find_seat(store, args.seat)
        person = None if seat is not None else find_person(store, args.seat)
        if seat is None and (person is None or not person.counties):
            names = "، ".join(s.name for s in list_seats(store)) or "—"
            print(t("people.cli.unknown_seat", lang, name=args.seat, seats=names),
                  file=sys.stderr)
            return 2
        name, codes = (seat.name, seat.counties) if seat else (person.name, person.counties)
        ds = store.current_dataset()
        status = followup_status(ds.projects, store.followups_frame(),
                                 counties=list(ds.counties["code"]))
    county_names = dict(zip(ds.counties["code"],
                            ds.counties["name_fa" if lang == "fa" else "name_en"], strict=True))
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(seat_list_excel(status, name, codes, county_names, lang))
    rows = status.projects[status.projects["county_code"].isin(list(codes))]
    print(t("people.cli.wrote", lang, name=name, out=str(out),
            projects=fmt_int(len(rows), lang), overdue=fmt_int(int(rows["is_overdue"].sum()),
                                                                lang)))
    return 0


def _people(args: argparse.Namespace) -> int:
    return {"add": _add, "update": _update, "deactivate": _deactivate, "list": _list,
            "seat": _seat, "seats": _seats, "mp-list": _mp_list}[args.people_command](args)


def add_people_commands(subparsers: Any) -> None:
    """Add ``people add|update|deactivate|list|seat|seats|mp-list`` to ``pishran``."""
    from store.models import PERSON_ROLES

    user_help = "an existing editor account (default $PISHRAN_USER, else the OS login name)"
    counties_help = "county names (Persian or English) or codes"
    group = subparsers.add_parser("people", help="follow-up officers, governors' offices, "
                                                 "MPs and the MP seats")
    sub = group.add_subparsers(dest="people_command", required=True)
    add = sub.add_parser("add", help="a new person")
    add.add_argument("name")
    add.add_argument("--role", required=True, choices=PERSON_ROLES)
    add.add_argument("--contact")
    add.add_argument("--counties", nargs="*", default=None, help=counties_help)
    upd = sub.add_parser("update", help="change a person's name, role, contact or counties")
    upd.add_argument("person", help="name or id")
    upd.add_argument("--name")
    upd.add_argument("--role", choices=PERSON_ROLES)
    upd.add_argument("--contact")
    upd.add_argument("--counties", nargs="*", default=None, help=counties_help)
    off = sub.add_parser("deactivate", help="a person who no longer follows up (kept)")
    off.add_argument("person", help="name or id")
    listing = sub.add_parser("list", help="the people")
    listing.add_argument("--all", action="store_true", help="with the deactivated")
    seat = sub.add_parser("seat", help="add an MP seat or replace its counties")
    seat.add_argument("name")
    seat.add_argument("--counties", nargs="+", required=True, help=counties_help)
    seats = sub.add_parser("seats", help="the MP seats and their counties")
    mp_list = sub.add_parser("mp-list", help="the overdue list of an MP seat (.xlsx)")
    mp_list.add_argument("seat", help="seat name (or an MP's name)")
    mp_list.add_argument("--out", required=True, help="output .xlsx file")
    for parser in (add, upd, off, seat):
        parser.add_argument("--user", help=user_help)
    for parser in (listing, seats):
        parser.add_argument("--json", action="store_true")
    for parser in (add, upd, off, listing, seat, seats, mp_list):
        parser.add_argument("--lang", choices=("fa", "en"), default="fa")
    group.set_defaults(func=_people)
