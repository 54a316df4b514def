"""Store sub-commands for the ``pishran`` command line.

Wire them in with ``add_store_commands(subparsers)`` (each sets ``func``)::

    pishran import FILE [--kind projects|indicators] [--user NAME] [--dry-run]
                        [--replace [--yes]] [--exclude ID …]
                        [--lang fa|en] [--report problems.xlsx] [--json]
    pishran users add NAME [--role editor|viewer] [--replace] [--password-stdin] [--user NAME]
    pishran users passwd NAME [--password-stdin] [--user NAME]
    pishran users role NAME editor|viewer [--user NAME]
    pishran users remove NAME [--user NAME]
    pishran users list
    pishran users log [--limit N] [--json]
    pishran versions list [--json]
    pishran versions restore N [--user NAME]
    pishran versions verify
    pishran followup add PROJECT_ID --date 1404/08/28 --status in_progress
                         [--physical 40] [--financial 30] [--note …] [--blocker …]
                         [--role followup_officer|governor_office|mp] [--person NAME]
                         [--user NAME]
    pishran followup list PROJECT_ID
    pishran followup list --county لنجان [--out LIST.xlsx|LIST.pdf] [--json] [--lang fa|en]
    pishran followup stale [--days N] [--today 1404/08/28] [--json] [--lang fa|en]
    pishran template KIND OUT.xlsx [--lang fa|en]

Writes need a person.  Every write — ``import`` (not ``--dry-run``), ``versions
restore``, ``followup add``, ``users add/passwd/role/remove`` — is made in the name of an
existing editor account, without a password (the operator already has the database in
hand): ``--user NAME``, else ``$PISHRAN_USER``, else the login name of the OS user when an
account has that name (:func:`_writer`).  An unknown name, a viewer account, or no name
at all is refused with a message saying what to do, and nothing is written (exit 2).  The
one exception is the very first ``users add`` while there is no account at all (recorded
as ``$PISHRAN_USER`` or ``cli:<login name>``).  Writes are recorded in the audit log under
the account's name (account changes also with the login name beside it) and are refused
when the database cannot be written.  Exit status: 0 done, 1 the input had problems
(nothing stored), 2 usage error (including a refused ``--user``).
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from pathlib import Path

from core import settings
from core.counties import county_names

__all__ = ["add_store_commands", "main"]


def _default_user() -> str:
    from store.accounts import _os_user

    configured = settings.cli_user()
    if configured:
        return configured
    login = _os_user()
    return f"cli:{login}" if login else "cli"


class WriterRefused(Exception):
    """No existing editor account stands behind a command-line write; ``key`` and
    ``params`` are the catalogue message (``store.cli.*``)."""

    def __init__(self, key: str, **params: object):
        self.key = key
        self.params = params
        super().__init__(key)

    def message(self, lang: str) -> str:
        from i18n import t

        return t(self.key, lang, **self.params)


def _account_named(name: str | None, users: list):
    from core.text import normalise_text

    if not name:
        return None
    key = normalise_text(name).casefold()
    return next((u for u in users if normalise_text(u.name).casefold() == key), None)


def _writer(args: argparse.Namespace) -> str:
    """The account a write is made in the name of (its name as stored): ``--user``, else
    ``$PISHRAN_USER``, else the OS login name when an account has that name — an existing
    editor account, or :class:`WriterRefused`."""
    from store.accounts import AccountError, _os_user, list_users

    try:
        users = list_users()
    except AccountError as err:  # e.g. an unreadable journal of an unfinished change
        raise WriterRefused(err.key) from err
    if not users:
        raise WriterRefused("store.cli.no_accounts")
    given = (getattr(args, "user", None) or "").strip() or settings.cli_user()
    if given:
        account = _account_named(given, users)
        if account is None:
            raise WriterRefused("store.cli.unknown_user", name=given,
                                accounts=", ".join(u.name for u in users))
    else:
        login = _os_user()
        account = _account_named(login, users)
        if account is None:
            raise WriterRefused("store.cli.no_user", login=login or "?")
    if account.role != "editor":
        raise WriterRefused("store.cli.viewer", name=account.name)
    return account.name


def _refused(err: WriterRefused, args: argparse.Namespace) -> int:
    print(f"pishran {args.command}: {err.message(getattr(args, 'lang', 'en'))}",
          file=sys.stderr)
    return 2


def run_write(args: argparse.Namespace, action) -> int:
    """Run ``action(store, writer) -> message`` in the name of an existing editor account
    (:func:`_writer`) and print the message; a refused writer exits 2, a refused write
    (:class:`store.errors.KeyedError`: a round, person, seat or office word) exits 1 with
    its catalogue message — the one pattern of ``rounds``, ``people`` and ``vocabulary``."""
    from store.db import open_store
    from store.errors import KeyedError

    try:
        writer = _writer(args)
    except WriterRefused as err:
        return _refused(err, args)
    with open_store() as store:
        try:
            message = action(store, writer)
        except KeyedError as err:
            print(f"pishran {args.command}: {err.message(args.lang)}", file=sys.stderr)
            return 1
    print(message)
    return 0


def cli_store():
    """The store the commands read and write (``PISHRAN_DATABASE_URL``, as the app)."""
    from store.db import open_store

    return open_store()


def _print_problems(problems, lang: str) -> None:
    for p in problems:
        print(p.message(lang), file=sys.stderr)


def _import(args: argparse.Namespace) -> int:
    from store.importing import import_file, problems_to_excel

    try:
        writer = None if args.dry_run else _writer(args)  # a dry run writes nothing
    except WriterRefused as err:
        return _refused(err, args)
    with cli_store() as store:
        result = import_file(store, args.file, Path(args.file).name, args.kind,
                             writer, dry_run=args.dry_run,
                             mode="replace" if args.replace else "merge",
                             exclude=args.exclude or (), confirm_removal=args.yes)
        counties = store.base_dataset().counties
        names = county_names(counties, args.lang)
    if args.report and result.problems:
        Path(args.report).write_bytes(problems_to_excel(result.problems, args.lang))
    if args.json:
        print(json.dumps({
            "ok": result.ok, "version_id": result.version_id, "kind": result.kind,
            "rows": result.rows, "sha256": result.sha256, "diff": result.diff,
            "problems": [p.message(args.lang) for p in result.problems],
            "warnings": [p.message(args.lang) for p in result.warnings],
            "review": result.review.to_dict() if result.review is not None else None,
        }, ensure_ascii=False, indent=2, default=str))
    else:
        _print_problems(result.problems, args.lang)
        for w in result.warnings:
            print(w.message(args.lang), file=sys.stderr)
        if args.dry_run and result.review is not None:  # the review, before storing
            print("\n".join(result.review.lines(args.lang, names)))
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
        if args.users_command == "add" and not list_users():
            by = getattr(args, "user", None) or _default_user()  # the very first account
        else:
            by = _writer(args)
        return _change_user(args, by)
    except WriterRefused as err:
        return _refused(err, args)
    except AccountError as err:
        from i18n import t

        detail = f" ({err.detail})" if err.detail else ""
        print(t(err.key, getattr(args, "lang", "en")) + detail, file=sys.stderr)
        return 1
    except (SQLAlchemyError, OSError) as err:
        print(f"account not changed: the audit log could not be written ({err})",
              file=sys.stderr)
        return 1


def _change_user(args: argparse.Namespace, by: str) -> int:
    from store.accounts import add_user, remove_user, set_password, set_role

    command = args.users_command
    with cli_store() as store:
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

    with cli_store() as store:
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
    if args.versions_command == "restore":
        try:
            writer = _writer(args)
        except WriterRefused as err:
            return _refused(err, args)
    with cli_store() as store:
        if args.versions_command == "restore":
            try:
                version = store.restore(args.version, writer)
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
    from store.followups import add_followup, project_timeline

    if args.followup_command == "add":
        try:
            writer = _writer(args)
        except WriterRefused as err:
            return _refused(err, args)
    with cli_store() as store:
        if args.followup_command == "add":
            try:
                entry = add_followup(store, args.project_id, args.date, args.status,
                                     args.physical, args.financial, args.note, args.blocker,
                                     args.role, writer, person=args.person)
            except DataValidationError as err:
                _print_problems(err.problems, args.lang)
                return 1
            print(f"follow-up {entry} recorded for {args.project_id}")
            return 0
        if args.followup_command == "list" and args.county is None:
            if not args.project_id:
                print("pishran followup list: give PROJECT_ID or --county", file=sys.stderr)
                return 2
            frame = project_timeline(store, args.project_id)
            columns = ["jalali_date", "status", "physical_pct", "financial_pct", "actor_role",
                       "person", "recorded_by", "recorded_at_jalali", "blocker", "note"]
            print(frame[columns].to_string(index=False) if len(frame) else "(none)")
            return 0
        dataset = store.current_dataset()
        log = store.followups_frame()
        if args.followup_command == "list":
            return _county_list(args, dataset, log)
        return _stale(args, dataset, log)


def _status(args: argparse.Namespace, dataset, log):
    from analytics.followup_status import followup_status

    return followup_status(dataset.projects, log, args.today, args.days,
                           counties=list(dataset.counties["code"]))


def print_rows(table, as_json: bool, lang: str = "fa", empty_key: str | None = None) -> None:
    """A table printed as aligned text, or as a JSON list of records; an empty one as the
    catalogue's ``empty_key`` message when given."""
    if as_json:
        print(json.dumps(json.loads(table.to_json(orient="records", force_ascii=False)),
                         ensure_ascii=False, indent=2))
    elif table.empty and empty_key:
        from i18n import t

        print(t(empty_key, lang))
    else:
        print(table.to_string(index=False))


def _stale(args: argparse.Namespace, dataset, log) -> int:
    """``followup stale``: id, county, title, days since the last follow-up, officer."""
    import pandas as pd

    from i18n import t

    status = _status(args, dataset, log)
    rows = status.projects[status.projects["is_stale"]].copy()
    rows["_never"] = rows["days_since"].isna()
    rows = rows.sort_values(["_never", "days_since"], ascending=[False, False], kind="stable")
    names = county_names(dataset.counties, "fa")
    lang = args.lang
    table = pd.DataFrame({
        "project_id": rows["project_id"],
        "county": rows["county_code"].map(names),
        "title": rows["title_fa"],
        "days_since": rows["days_since"],
        "followup_officer": rows["followup_officer"],
    })
    if not args.json:
        if table.empty:
            print(t("overdue.cli.none_stale", lang))
            return 0
        table = table.rename(columns={
            "project_id": t("overdue.col.project_id", lang), "county": t("overdue.col.county", lang),
            "title": t("overdue.col.title", lang), "days_since": t("overdue.col.days_since", lang),
            "followup_officer": t("overdue.col.followup_officer", lang)})
        table = table.astype(object).where(table.notna(), "—")
    print_rows(table, args.json)
    return 0


def _county_list(args: argparse.Namespace, dataset, log) -> int:
    """``followup list --county C``: the governor's list (printed, --json, or --out FILE)."""
    from exports.followup_list import county_list_excel, county_list_pdf, list_table
    from i18n import t

    lang = args.lang
    code = dataset.resolver.try_resolve(args.county)
    if code is None:
        print(t("overdue.cli.unknown_county", lang, name=args.county), file=sys.stderr)
        return 2
    counties = dataset.counties.set_index("code")
    name = str(counties.loc[code, "name_fa" if lang == "fa" else "name_en"])
    status = _status(args, dataset, log)
    if args.out:
        out = Path(args.out)
        if out.suffix.lower() == ".pdf":
            data = county_list_pdf(status, code, name, lang)
            if data is None:
                print(t("overdue.cli.no_pdf", lang), file=sys.stderr)
                return 1
        else:
            data = county_list_excel(status, code, name, lang)
        out.write_bytes(data)
        print(t("overdue.cli.wrote", lang, path=str(out)))
        return 0
    if args.json:
        rows = status.county(code).drop(columns=["title_en"] if lang == "fa" else [])
        print_rows(rows, True)
        return 0
    table = list_table(status.county(code), lang)
    print_rows(table.astype(object).where(table.notna(), "—"), False)
    return 0


def _template(args: argparse.Namespace) -> int:
    from store.templates import template_workbook

    Path(args.out).write_bytes(template_workbook(args.kind, args.lang))
    print(f"wrote {args.out}")
    return 0


USER_HELP = "an existing editor account (default $PISHRAN_USER, else the OS login name)"


def add_store_commands(subparsers) -> None:
    """Add ``import``, ``users``, ``versions``, ``followup`` and ``template``."""
    lang = {"choices": ("fa", "en"), "default": "en"}

    imp = subparsers.add_parser("import", help="import a projects/indicators file (new version)")
    imp.add_argument("file")
    imp.add_argument("--kind", choices=("projects", "indicators"),
                     help="default: detected from the headers")
    imp.add_argument("--user", help="recorded as the author (default $PISHRAN_USER)")
    imp.add_argument("--dry-run", action="store_true",
                     help="validate and print the review (each project's fields old → new) only")
    imp.add_argument("--replace", action="store_true",
                     help="projects: the file replaces the whole registry (default: merge — "
                          "update the projects it names, keep the others)")
    imp.add_argument("--yes", action="store_true",
                     help="confirm the removals of --replace (without it nothing is removed)")
    imp.add_argument("--exclude", nargs="+", metavar="PROJECT_ID",
                     help="leave these projects' changes out of the import")
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
    role.add_argument("--lang", **lang)
    remove = usub.add_parser("remove", help="remove an account")
    remove.add_argument("name")
    remove.add_argument("--lang", **lang)
    for change in (add, passwd, role, remove):
        change.add_argument("--user", help=USER_HELP + " (the very first account: anyone)")
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
    restore.add_argument("--user", help=USER_HELP)
    restore.add_argument("--lang", **lang)
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
    fadd.add_argument("--person", required=True,
                      help="who was followed up with: an active person of the "
                      "people records (any name while none is recorded)")
    fadd.add_argument("--user", help=USER_HELP)
    fadd.add_argument("--lang", **lang)
    flist = fsub.add_parser("list", help="a project's follow-up timeline, or with --county "
                                         "the governor's list (projects, where they stand, "
                                         "what is overdue); read-only")
    flist.add_argument("project_id", nargs="?")
    flist.add_argument("--county", help="county code or name (e.g. لنجان)")
    flist.add_argument("--out", help="write the list to FILE.xlsx (or FILE.pdf, via LibreOffice)")
    stale = fsub.add_parser("stale", help="projects without a recent follow-up (a table)")
    for sub in (flist, stale):
        sub.add_argument("--days", type=int, help="default $PISHRAN_STALE_DAYS or 90")
        sub.add_argument("--today", help="Jalali date (default: today)")
        sub.add_argument("--json", action="store_true")
        sub.add_argument("--lang", choices=("fa", "en"), default="fa")
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
