"""``pishran export …``: the briefing deck and single charts from the command line.

Wired into ``pishran.cli.build_parser`` by :func:`add_export_commands`.  Commands::

    pishran export deck --out FILE.pptx [--scenario NAME] [--views v1 v2 …] [--lang fa|en] [--pdf]
    pishran export chart VIEW --out FILE.png|.svg [--lang fa|en] [--scenario NAME]
                              [--width 1920 --height 1080 --scale 1]
    pishran export brief (--county C | --seat NAME) --out FILE.pptx|.pdf [--lang fa|en]
    pishran export workbooks --out DIR [--county C] [--round NAME]   (pishran.round_commands)

The content is the briefing layer's: the context from :func:`briefing.context.build_context`,
the views of :data:`briefing.views.VIEWS` and the deck of :func:`briefing.deck.deck_spec`
(the same function the Briefing page calls); :mod:`exports` writes the files.  The data is
the store's current version (:func:`briefing.context.current_dataset`), as in the app.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from i18n import fmt_number, t

__all__ = ["add_export_commands"]


def _unknown_views(wanted: list[str], lang: str) -> str | None:
    """The error message for view ids that are not in the registry (None when all are)."""
    from briefing.views import VIEWS

    unknown = [v for v in wanted if v not in VIEWS]
    if unknown:
        return t("export.unknown_view", lang, view=", ".join(unknown), views=", ".join(VIEWS))
    return None


def _context(args: argparse.Namespace):
    """The briefing context of the store's current version (``None`` and a message on
    stderr when the store cannot be read)."""
    from briefing.context import StoreUnavailableError, build_context

    try:
        return build_context(scenario=args.scenario)
    except StoreUnavailableError as problem:
        print(f"pishran export: error: {problem}", file=sys.stderr)
        return None


def _export_deck(args: argparse.Namespace) -> int:
    from briefing.deck import deck_spec
    from exports.deck import build_deck, deck_to_pdf

    lang = args.lang
    problem = _unknown_views(args.views or [], lang)
    if problem:
        print(problem, file=sys.stderr)
        return 2
    context = _context(args)
    if context is None:
        return 1
    from briefing.shortlists import attach_shortlists

    attach_shortlists(context)  # the recorded shortlists of each county (issue 15)
    # the context names the scenario (its own name, or a file's stem — never the path)
    specs = deck_spec(context, args.views, lang, scenario_name=args.scenario)

    def progress(step: int, total: int, label: str) -> None:
        print(t("export.progress", lang, step=fmt_number(step, lang),
                total=fmt_number(total, lang), label=label), file=sys.stderr, flush=True)

    data = build_deck(specs, lang, progress=progress)
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(data)
    print(t("export.done", lang, path=out))
    if args.pdf:
        pdf = deck_to_pdf(data)
        if pdf is None:
            print("LibreOffice is not installed: no PDF", file=sys.stderr)
            return 1
        pdf_path = out.with_suffix(".pdf")
        pdf_path.write_bytes(pdf)
        print(t("export.done", lang, path=pdf_path))
    return 0


def _export_chart(args: argparse.Namespace) -> int:
    from briefing.views import VIEWS, view_source
    from exports.standalone import chart_file

    lang = args.lang
    out = Path(args.out)
    fmt = out.suffix.lower().lstrip(".")
    if fmt not in ("png", "svg"):
        print("--out must end in .png or .svg", file=sys.stderr)
        return 2
    problem = _unknown_views([args.view], lang)
    if problem:
        print(problem, file=sys.stderr)
        return 2
    context = _context(args)
    if context is None:
        return 1
    fig = VIEWS[args.view].build(context, lang)
    # the same stand-alone file as the app's download buttons (exports.standalone)
    data = chart_file(fig, fmt, lang, title=t(VIEWS[args.view].title_key, lang),
                      source=view_source(args.view, context, lang), width=args.width,
                      height=args.height, scale=args.scale)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(data)
    print(t("export.done", lang, path=out))
    return 0


def _export_brief(args: argparse.Namespace) -> int:
    """A one-page county brief (``--county``) or MP constituency brief (``--seat``: the
    seat's counties from the store's seat table, ``pishran people seat``)."""
    from briefing.briefs import county_brief, seat_brief
    from core.counties import CountyResolver
    from exports.deck import build_deck, deck_to_pdf

    lang = args.lang
    context = _context(args)
    if context is None:
        return 1
    if args.seat:
        from store.db import open_store
        from store.people import find_seat

        with open_store() as store:
            seat = find_seat(store, args.seat)
        if seat is None or not seat.counties:
            print(t("brief.error.seat", lang, seat=args.seat), file=sys.stderr)
            return 2
        spec = seat_brief(context, seat.name, list(seat.counties), lang)
    else:
        code = CountyResolver(context.dataset.counties).try_resolve(args.county)
        if code is None:
            print(t("brief.error.county", lang, county=args.county), file=sys.stderr)
            return 2
        spec = county_brief(context, code, lang)
    data = build_deck([spec], lang)
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    if out.suffix.lower() == ".pdf":
        pdf = deck_to_pdf(data)
        if pdf is None:
            print("LibreOffice is not installed: no PDF", file=sys.stderr)
            return 1
        out.write_bytes(pdf)
    else:
        out.write_bytes(data)
    print(t("export.done", lang, path=out))
    return 0


def add_export_commands(subparsers: Any) -> argparse.ArgumentParser:
    """Add ``export deck`` and ``export chart`` to a ``pishran`` sub-parser set."""
    export = subparsers.add_parser("export", help="briefing deck (PowerPoint) and chart images")
    esub = export.add_subparsers(dest="export_command", required=True)

    deck = esub.add_parser("deck", help="build the briefing deck (.pptx)")
    deck.add_argument("--out", required=True, help="output .pptx path")
    deck.add_argument("--scenario", help="scenario name: adds the baseline-vs-scenario slide")
    deck.add_argument("--views", nargs="+", metavar="VIEW", help="view ids (default: all)")
    deck.add_argument("--lang", choices=("fa", "en"), default="fa")
    deck.add_argument("--pdf", action="store_true", help="also write FILE.pdf (LibreOffice)")
    deck.set_defaults(func=_export_deck)

    chart = esub.add_parser("chart", help="one view as PNG or SVG")
    chart.add_argument("view", help="view id")
    chart.add_argument("--out", required=True, help="output .png or .svg path")
    chart.add_argument("--lang", choices=("fa", "en"), default="fa")
    chart.add_argument("--scenario")
    chart.add_argument("--width", type=int, default=1920)
    chart.add_argument("--height", type=int, default=1080)
    chart.add_argument("--scale", type=float, default=1)
    chart.set_defaults(func=_export_chart)

    brief = esub.add_parser("brief", help="one-page county or MP constituency brief "
                                          "(.pptx or .pdf)")
    which = brief.add_mutually_exclusive_group(required=True)
    which.add_argument("--county", help="county name or code")
    which.add_argument("--seat", help="MP seat name (its counties: pishran people seat)")
    brief.add_argument("--out", required=True, help="output .pptx or .pdf path")
    brief.add_argument("--lang", choices=("fa", "en"), default="fa")
    brief.add_argument("--scenario", help=argparse.SUPPRESS)
    brief.set_defaults(func=_export_brief)

    from pishran.round_commands import add_workbooks_command

    add_workbooks_command(esub)
    return export
