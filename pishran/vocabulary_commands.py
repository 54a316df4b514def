"""``pishran vocabulary …``: office words mapped to a schema value (:mod:`store.vocabulary`).

Commands::

    pishran vocabulary add COLUMN WORD VALUE [--user U] [--lang fa|en]   # editors; audited
    pishran vocabulary list [--json] [--lang fa|en]

``add`` takes ``--user`` like the other store writes (an existing editor account); a word
the app already knows, or one already mapped, is refused (exit 1).
"""

from __future__ import annotations

import argparse
from typing import Any

from core.vocabulary import ENUM_COLUMNS
from i18n import t
from pishran.store_commands import cli_store, print_rows

__all__ = ["add_vocabulary_commands"]


def _add(args: argparse.Namespace) -> int:
    from pishran.store_commands import run_write
    from store.vocabulary import add_word, value_label

    def action(store, writer):
        added = add_word(store, args.column, args.word, args.value, writer)
        return t("vocabulary.cli.added", args.lang, word=added.word, column=added.column,
                 label=value_label(added.column, added.value, args.lang))
    return run_write(args, action)


def _list(args: argparse.Namespace) -> int:
    from store.vocabulary import words_frame

    with cli_store() as store:
        frame = words_frame(store, args.lang)
    print_rows(frame, args.json, args.lang, "vocabulary.cli.none")
    return 0


def _vocabulary(args: argparse.Namespace) -> int:
    return {"add": _add, "list": _list}[args.vocabulary_command](args)


def add_vocabulary_commands(subparsers: Any) -> None:
    """Add ``vocabulary add|list`` to a ``pishran`` sub-parser set."""
    vocab = subparsers.add_parser("vocabulary", help="office words mapped to schema values")
    vsub = vocab.add_subparsers(dest="vocabulary_command", required=True)
    add = vsub.add_parser("add", help="map an office word to a value (editors; audited)")
    add.add_argument("column", choices=tuple(ENUM_COLUMNS))
    add.add_argument("word", help="the word as the office writes it, e.g. «ملی و استانی»")
    add.add_argument("value", help="the schema value it means, e.g. mixed")
    add.add_argument("--user", help="an existing editor account (default $PISHRAN_USER, "
                                    "else the OS login name)")
    listing = vsub.add_parser("list", help="the mapped words")
    listing.add_argument("--json", action="store_true")
    for sub in (add, listing):
        sub.add_argument("--lang", choices=("fa", "en"), default="fa")
    vocab.set_defaults(func=_vocabulary)
