"""``pishran rounds …`` and ``pishran export workbooks``: follow-up rounds with the governors.

Commands::

    pishran rounds add NAME --due 1404/10/15 [--user U]      # editors; audited
    pishran rounds list [--json]
    pishran rounds status NAME [--json] [--lang fa|en]      # who replied, who to chase
    pishran rounds import NAME FILE [--user U] [--lang fa|en]   # a return for the round
    pishran export workbooks --out DIR [--county C] [--round NAME] [--lang fa|en]

``export workbooks`` is read-only (no ``--user``): one pre-filled .xlsx per county from the
store's current dataset (:mod:`exports.workbooks`), stamped with the round when given.
Writes take ``--user`` like the other store commands (an existing editor account).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from i18n import fmt_int, t
from pishran.store_commands import cli_store, print_rows

__all__ = ["add_round_commands", "add_workbooks_command"]


def _unknown_round(store, name: str, lang: str) -> int:
    from store.rounds import list_rounds

    names = "، ".join(r.name for r in list_rounds(store)) or "—"
    print(t("rounds.cli.unknown", lang, name=name, rounds=names), file=sys.stderr)
    return 2


def _add(args: argparse.Namespace) -> int:
    from pishran.store_commands import run_write
    from store.rounds import add_round

    def action(store, writer):
        added = add_round(store, args.name, args.due, writer)
        return t("rounds.cli.added", args.lang, name=added.name, due=added.due_jalali)
    return run_write(args, action)


def _list(args: argparse.Namespace) -> int:
    from store.rounds import rounds_frame

    with cli_store() as store:
        frame = rounds_frame(store)
    print_rows(frame, args.json, args.lang, "rounds.cli.none")
    return 0


def _status(args: argparse.Namespace) -> int:
    from store.rounds import find_round, replies

    lang = args.lang
    with cli_store() as store:
        found = find_round(store, args.name)
        if found is None:
            return _unknown_round(store, args.name, lang)
        table = replies(store, found.id)
    if args.json:
        rows = json.loads(table.to_json(orient="records", force_ascii=False))
        print(json.dumps({"round": found.name, "due": found.due_jalali, "counties": rows},
                         ensure_ascii=False, indent=2))
        return 0
    replied = int(table["replied"].sum())
    print(t("rounds.cli.summary", lang, name=found.name, due=found.due_jalali,
            replied=fmt_int(replied, lang), waiting=fmt_int(len(table) - replied, lang)))
    shown = table.assign(
        county=table["name_fa" if lang == "fa" else "name_en"],
        replied=table["replied"].map(lambda r: t("rounds.yes" if r else "rounds.no", lang)),
        version=table["version_id"].astype(object).where(table["version_id"].notna(), "—"),
        by=table["recorded_by"].fillna("—"), at=table["recorded_at_jalali"].fillna("—"),
    )[["county", "replied", "at", "by", "version"]]
    shown.columns = [t(key, lang) for key in ("rounds.col.county", "rounds.col.replied",
                                              "rounds.col.recorded_at",
                                              "rounds.col.recorded_by", "rounds.col.version")]
    print(shown.to_string(index=False))
    return 0


def _import(args: argparse.Namespace) -> int:
    from pishran.store_commands import WriterRefused, _refused, _writer
    from store.importing import import_file
    from store.rounds import find_round

    lang = args.lang
    try:
        writer = _writer(args)
    except WriterRefused as err:
        return _refused(err, args)
    with cli_store() as store:
        found = find_round(store, args.name)
        if found is None:
            return _unknown_round(store, args.name, lang)
        result = import_file(store, args.file, Path(args.file).name, "projects", writer,
                             round_id=found.id)
    for p in result.problems + result.warnings:
        print(p.message(lang), file=sys.stderr)
    print(result.message(lang))
    return 0 if result.ok else 1


def _rounds(args: argparse.Namespace) -> int:
    return {"add": _add, "list": _list, "status": _status, "import": _import}[
        args.rounds_command](args)


def add_round_commands(subparsers: Any) -> None:
    """Add ``rounds add|list|status|import`` to a ``pishran`` sub-parser set."""
    user_help = "an existing editor account (default $PISHRAN_USER, else the OS login name)"
    rounds = subparsers.add_parser("rounds", help="follow-up rounds with the governors")
    rsub = rounds.add_subparsers(dest="rounds_command", required=True)
    add = rsub.add_parser("add", help="a new round (name, Jalali due date)")
    add.add_argument("name")
    add.add_argument("--due", required=True, help="Jalali due date, e.g. 1404/10/15")
    add.add_argument("--user", help=user_help)
    listing = rsub.add_parser("list", help="the rounds")
    listing.add_argument("--json", action="store_true")
    status = rsub.add_parser("status", help="which counties replied to a round, and which not")
    status.add_argument("name")
    status.add_argument("--json", action="store_true")
    imp = rsub.add_parser("import", help="import a county's returned workbook for a round")
    imp.add_argument("name")
    imp.add_argument("file")
    imp.add_argument("--user", help=user_help)
    for sub in (add, listing, status, imp):
        sub.add_argument("--lang", choices=("fa", "en"), default="fa")
    rounds.set_defaults(func=_rounds)


def _workbooks(args: argparse.Namespace) -> int:
    from exports.workbooks import county_workbooks
    from store.rounds import find_round

    lang = args.lang
    with cli_store() as store:
        dataset = store.current_dataset()
        found = None
        if args.round:
            found = find_round(store, args.round)
            if found is None:
                return _unknown_round(store, args.round, lang)
    codes = None
    if args.county:
        code = dataset.resolver.try_resolve(args.county)
        if code is None:
            print(t("rounds.cli.unknown_county", lang, name=args.county), file=sys.stderr)
            return 2
        codes = [code]
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    books = county_workbooks(dataset.projects, dataset.counties, found, codes, lang)
    for name, data in books.items():
        (out / name).write_bytes(data)
    print(t("rounds.cli.wrote", lang, count=fmt_int(len(books), lang), out=str(out)))
    return 0


def add_workbooks_command(esub: Any) -> None:
    """Add ``export workbooks`` to the ``export`` sub-parser set (read-only)."""
    books = esub.add_parser("workbooks", help="one pre-filled workbook per county (.xlsx) "
                                              "for a follow-up round")
    books.add_argument("--out", required=True, help="output folder")
    books.add_argument("--county", help="only this county (code or name)")
    books.add_argument("--round", help="stamp the workbooks with this round")
    books.add_argument("--lang", choices=("fa", "en"), default="fa")
    books.set_defaults(func=_workbooks)
