"""Store sub-commands for the ``pishran`` command line.

Wire them in with ``add_store_commands(subparsers)`` (each sets ``func``)::

    pishran import FILE [--kind projects|indicators] [--user NAME] [--dry-run]
                        [--lang fa|en] [--report problems.xlsx] [--json]
    pishran users add NAME [--role editor|viewer] [--replace] [--password-stdin]
    pishran users passwd NAME [--password-stdin]
    pishran users role NAME editor|viewer
    pishran users remove NAME
    pishran users list
    pishran users log [--limit N] [--json]
    pishran versions list [--json]
    pishran versions restore N [--user NAME]
    pishran versions verify
    pishran followup add PROJECT_ID --date 1404/08/28 --status in_progress
                         [--physical 40] [--financial 30] [--note …] [--blocker …]
                         [--role followup_officer|governor_office|mp] [--user NAME]
    pishran followup list PROJECT_ID
    pishran followup stale [--days N] [--today 1404/08/28]
    pishran template KIND OUT.xlsx [--lang fa|en]

The command line is a trusted, local operator: writes are recorded under ``--user``
(default ``$PISHRAN_USER`` or ``cli:<login name>``) without a password; account changes
(``users add/passwd/role/remove``) are recorded the same way in the audit log, with the
login name beside it, and are refused when the database cannot be written.  Exit status:
0 done, 1 the input had problems (nothing stored), 2 usage error.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from pathlib import Path

from core import settings

__all__ = ["add_store_commands", "main"]


def _default_user() -> str:
    from store.accounts import _os_user

    configured = settings.cli_user()
    if configured:
        return configured
    login = _os_user()
    return f"cli:{login}" if login else "cli"


def _store():
    from store.db import open_store

    return open_store()


def _print_problems(problems, lang: str) -> None:
    for p in problems:
        print(p.message(lang), file=sys.stderr)


def _import(args: argparse.Namespace) -> int:
    from store.importing import import_file, problems_to_excel

    with _store() as store:
        result = import_file(store, args.file, Path(args.file).name, args.kind,
                             args.user or _default_user(), dry_run=args.dry_run)
    if args.report and result.problems:
        Path(args.report).write_bytes(problems_to_excel(result.problems, args.lang))
    if args.json:
        print(json.dumps({
            "ok": result.ok, "version_id": result.version_id, "kind": result.kind,
            "rows": result.rows, "sha256": result.sha256, "diff": result.diff,
            "problems": [p.message(args.lang) for p in result.problems],
            "warnings": [p.message(args.lang) for p in result.warnings],
        }, ensure_ascii=False, indent=2))
    else:
        _print_problems(result.problems, args.lang)
        for w in result.warnings:
            print(w.message(args.lang), file=sys.stderr)
        print(result.message(args.lang))
    return 0 if result.ok else 1


def _read_password(args: argparse.Namespace) -> str:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass("password: ")
    if getpass.getpass("again: ") != first:
        raise SystemExit("passwords differ")
    return first


def _users(args: argparse.Namespace) -> int:
    from sqlalchemy.exc import SQLAlchemyError

    from store.accounts import AccountError, list_users

    if args.users_command == "log":
        return _users_log(args)
    try:
        if args.users_command == "list":
            for user in list_users():
                print(f"{user.name}\t{user.role}")
            return 0
        return _change_user(args)
    except AccountError as err:
        from i18n import t

        detail = f" ({err.detail})" if err.detail else ""
        print(t(err.key, getattr(args, "lang", "en")) + detail, file=sys.stderr)
        return 1
    except (SQLAlchemyError, OSError) as err:
        print(f"account not changed: the audit log could not be written ({err})",
              file=sys.stderr)
        return 1


def _change_user(args: argparse.Namespace) -> int:
    from store.accounts import add_user, remove_user, set_password, set_role

    by = _default_user()
    command = args.users_command
    with _store() as store:
        if command == "remove":
            if not remove_user(args.name, by=by, store=store):
                print(f"no such user: {args.name}", file=sys.stderr)
                return 1
            print(f"removed {args.name}")
            return 0
        if command == "role":
            user = set_role(args.name, args.role, by=by, store=store)
        elif command == "passwd":
            user = set_password(args.name, _read_password(args), by=by, store=store)
        else:
            user = add_user(args.name, _read_password(args), args.role, replace=args.replace,
                            by=by, store=store)
            print(f"{'updated' if args.replace else 'added'} {user.name} ({user.role})")
            return 0
    if user is None:
        print(f"no such user: {args.name}", file=sys.stderr)
        return 1
    print(f"updated {user.name} ({user.role})")
    return 0


def _users_log(args: argparse.Namespace) -> int:
    from core.clock import as_utc, jalali_datetime
    from store.accounts import account_log

    with _store() as store:
        log = account_log(store, args.limit)
    entries = [{"id": int(row.id), "at": as_utc(row.at).isoformat(),
                "at_jalali": jalali_datetime(row.at, seconds=True), "by": row.user_name,
                "action": row.action, "detail": row.detail}
               for row in log.itertuples(index=False)]
    if args.json:
        print(json.dumps(entries, ensure_ascii=False, indent=2))
        return 0
    if not entries:
        print("(no account changes recorded)")
    for e in entries:
        detail = dict(e["detail"])
        account = detail.pop("account", "")
        rest = " ".join(f"{k}={v}" for k, v in detail.items() if v is not None)
        print(f"{e['id']:>5}  {e['at_jalali']}  {e['by']:<16} {e['action']:<14} "
              f"{account}  {rest}".rstrip())
    return 0


def _versions(args: argparse.Namespace) -> int:
    with _store() as store:
        if args.versions_command == "restore":
            try:
                version = store.restore(args.version, args.user or _default_user())
            except KeyError:
                print(f"no version {args.version}", file=sys.stderr)
                return 1
            print(f"version {version.id} is current (a copy of version {args.version})")
            return 0
        if args.versions_command == "verify":
            problems = store.verify()
            for p in problems:
                print(p, file=sys.stderr)
            print("ok" if not problems else f"{len(problems)} problem(s)")
            return 0 if not problems else 1
        versions = store.list_versions()
    if args.json:
        print(json.dumps([v.as_dict() for v in versions], ensure_ascii=False, indent=2))
        return 0
    if not versions:
        print("(no versions yet: the first start stores the embedded data as version 1)")
    for v in versions:
        diff = v.diff
        print(f"{'*' if v.is_current else ' '} {v.id:>4}  {v.created_at_jalali}  "
              f"{v.kind:<10} {v.created_by:<16} projects={v.n_projects} "
              f"indicators={v.n_indicators} +{diff.get('n_added', 0)} "
              f"~{diff.get('n_changed', 0)} -{diff.get('n_removed', 0)}  {v.file_name or ''}")
    return 0


def _followup(args: argparse.Namespace) -> int:
    from analytics.validation import DataValidationError
    from store.followups import add_followup, project_timeline, stale_projects

    with _store() as store:
        if args.followup_command == "add":
            try:
                entry = add_followup(store, args.project_id, args.date, args.status,
                                     args.physical, args.financial, args.note, args.blocker,
                                     args.role, args.user or _default_user())
            except DataValidationError as err:
                _print_problems(err.problems, args.lang)
                return 1
            print(f"follow-up {entry} recorded for {args.project_id}")
            return 0
        if args.followup_command == "list":
            frame = project_timeline(store, args.project_id)
            columns = ["jalali_date", "status", "physical_pct", "financial_pct", "actor_role",
                       "recorded_by", "recorded_at_jalali", "blocker", "note"]
            print(frame[columns].to_string(index=False) if len(frame) else "(none)")
            return 0
        dataset = store.current_dataset()
        for pid in stale_projects(dataset, store.followups_frame(), args.today, args.days):
            print(pid)
    return 0


def _template(args: argparse.Namespace) -> int:
    from store.templates import template_workbook

    Path(args.out).write_bytes(template_workbook(args.kind, args.lang))
    print(f"wrote {args.out}")
    return 0


def add_store_commands(subparsers) -> None:
    """Add ``import``, ``users``, ``versions``, ``followup`` and ``template``."""
    lang = {"choices": ("fa", "en"), "default": "en"}

    imp = subparsers.add_parser("import", help="import a projects/indicators file (new version)")
    imp.add_argument("file")
    imp.add_argument("--kind", choices=("projects", "indicators"),
                     help="default: detected from the headers")
    imp.add_argument("--user", help="recorded as the author (default $PISHRAN_USER)")
    imp.add_argument("--dry-run", action="store_true", help="validate and show the diff only")
    imp.add_argument("--report", help="write the problems to this .xlsx file")
    imp.add_argument("--json", action="store_true")
    imp.add_argument("--lang", **lang)
    imp.set_defaults(func=_import)

    users = subparsers.add_parser("users", help="editor/viewer accounts (users.toml)")
    usub = users.add_subparsers(dest="users_command", required=True)
    add = usub.add_parser("add", help="add an account (or --replace its password/role)")
    add.add_argument("name")
    add.add_argument("--role", choices=("editor", "viewer"), default="editor")
    add.add_argument("--replace", action="store_true")
    add.add_argument("--password-stdin", action="store_true",
                     help="read the password from the first line of stdin")
    add.add_argument("--lang", **lang)
    passwd = usub.add_parser("passwd", help="set a new password for an account")
    passwd.add_argument("name")
    passwd.add_argument("--password-stdin", action="store_true",
                        help="read the password from the first line of stdin")
    passwd.add_argument("--lang", **lang)
    role = usub.add_parser("role", help="change an account's role")
    role.add_argument("name")
    role.add_argument("role", choices=("editor", "viewer"))
    remove = usub.add_parser("remove", help="remove an account")
    remove.add_argument("name")
    usub.add_parser("list", help="list accounts")
    log = usub.add_parser("log", help="account changes from the audit log, newest first")
    log.add_argument("--limit", type=int, default=200)
    log.add_argument("--json", action="store_true")
    users.set_defaults(func=_users)

    versions = subparsers.add_parser("versions", help="dataset versions")
    vsub = versions.add_subparsers(dest="versions_command", required=True)
    vlist = vsub.add_parser("list", help="list versions, newest first (* = current)")
    vlist.add_argument("--json", action="store_true")
    restore = vsub.add_parser("restore", help="make version N current (as a new version)")
    restore.add_argument("version", type=int)
    restore.add_argument("--user")
    vsub.add_parser("verify", help="check the store's integrity")
    versions.set_defaults(func=_versions)

    followup = subparsers.add_parser("followup", help="project follow-up log")
    fsub = followup.add_subparsers(dest="followup_command", required=True)
    fadd = fsub.add_parser("add", help="append a follow-up entry")
    fadd.add_argument("project_id")
    fadd.add_argument("--date", required=True, help="Jalali date, e.g. 1404/08/28")
    fadd.add_argument("--status", required=True)
    fadd.add_argument("--physical", help="physical progress, percent")
    fadd.add_argument("--financial", help="financial progress, percent")
    fadd.add_argument("--note")
    fadd.add_argument("--blocker")
    fadd.add_argument("--role", default="followup_officer",
                      choices=("followup_officer", "governor_office", "mp"))
    fadd.add_argument("--user")
    fadd.add_argument("--lang", **lang)
    flist = fsub.add_parser("list", help="a project's follow-up timeline")
    flist.add_argument("project_id")
    stale = fsub.add_parser("stale", help="projects without a recent follow-up")
    stale.add_argument("--days", type=int, help="default $PISHRAN_STALE_DAYS or 90")
    stale.add_argument("--today", help="Jalali date (default: today)")
    followup.set_defaults(func=_followup)

    template = subparsers.add_parser("template", help="write an empty import template")
    template.add_argument("kind", choices=("projects", "indicators"))
    template.add_argument("out")
    template.add_argument("--lang", choices=("fa", "en"), default="fa")
    template.set_defaults(func=_template)


def main(argv: list[str] | None = None) -> int:
    """Stand-alone entry (``python -m pishran.store_commands …``) until wired into pishran."""
    parser = argparse.ArgumentParser(prog="pishran")
    add_store_commands(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    return int(args.func(args) or 0)


if __name__ == "__main__":
    sys.exit(main())
