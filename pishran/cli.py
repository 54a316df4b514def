"""The ``pishran`` command: run the app, print reports, fetch boundaries, export, import.

Each sub-command is a thin shell over ``analytics``/``geo``; the options of
``report`` mirror the app's filter one to one.  Every command that reads the data
(``report``, ``export``, ``followup stale`` …) reads the store's current version — the one
the app shows (:func:`briefing.context.current_dataset`; an empty store is seeded with the
embedded data first) — never the embedded files behind the store's back.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from core import settings

ROOT = Path(__file__).resolve().parent.parent


def _run(args: argparse.Namespace) -> int:
    """Start Streamlit in this process.

    Streamlit treats an app with a ``pages/`` folder as a legacy multipage app until
    ``st.navigation`` has run once, so the first visitor of a fresh server would get
    the folder's pages without ``app.py``'s chrome.  Marking the process as a
    ``st.navigation`` app before the server starts avoids that.
    """
    from streamlit.runtime.pages_manager import PagesManager
    from streamlit.web import cli as streamlit_cli

    PagesManager.uses_pages_directory = False
    os.chdir(ROOT)
    if args.dev:  # a failing page raises (ui/errors.py) and Streamlit shows its traceback
        settings.enable_development()
    sys.argv = ["streamlit", "run", str(ROOT / "app.py"), "--server.address", args.address,
                "--server.port", str(args.port), *run_options(args.dev), *args.streamlit_args]
    return streamlit_cli.main(standalone_mode=False) or 0


def run_options(dev: bool) -> list[str]:
    """Streamlit options of ``pishran run``: in production (the default) a failing page
    shows no error details to a visitor (``.streamlit/config.toml`` says so too; ui/errors.py
    shows an incident id instead); ``--dev`` shows them in full."""
    return ["--client.showErrorDetails", "full" if dev else "none"]


def _boundaries_fetch(args: argparse.Namespace) -> int:
    from geo.overpass import fetch_province

    out = Path(args.out) if args.out else Path.home() / ".local/share/pishran" / f"{args.iso}.geojson"
    out.parent.mkdir(parents=True, exist_ok=True)
    print(f"fetching {args.iso} counties from OpenStreetMap (Overpass API)…", file=sys.stderr)
    fetch_province(args.iso, out)
    print(f"wrote {out}\n© OpenStreetMap contributors (ODbL)\n"
          f"use it with: export PISHRAN_BOUNDARIES={out}")
    return 0


def _report(args: argparse.Namespace) -> int:
    from pishran.report_command import run_report

    return run_report(args)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="pishran", description="Pishran — balanced development dashboard")
    sub = parser.add_subparsers(dest="command", required=True)

    run = sub.add_parser("run", help="start the web app")
    run.add_argument("--address", default=settings.address())
    run.add_argument("--port", type=int, default=settings.port())
    run.add_argument("--dev", action="store_true",
                     help="development: show error details (tracebacks) in the browser")
    run.set_defaults(func=_run)

    report = sub.add_parser("report", help="print the county panel and balance measures")
    report.add_argument("--json", action="store_true", help="machine-readable JSON output")
    report.add_argument("--county", action="append", default=[], help="county name or code (repeatable)")
    report.add_argument("--sector", action="append", default=[])
    report.add_argument("--status", action="append", default=[])
    report.add_argument("--funding", action="append", default=[])
    report.add_argument("--year-from", type=int)
    report.add_argument("--year-to", type=int)
    report.add_argument("--provenance", choices=("all", "sourced", "sample"), default="all")
    report.add_argument("--measure", default="budget_total",
                        help="panel column X for the balance measures")
    report.add_argument("--lang", choices=("fa", "en"), default="fa")
    report.add_argument("--scenario", metavar="FILE_OR_NAME",
                        help="compare the baseline with a saved scenario (name) or a "
                             "scenario JSON file, side by side")
    report.set_defaults(func=_report)

    from pishran.export_commands import add_export_commands
    from pishran.round_commands import add_round_commands
    from pishran.store_commands import add_store_commands
    from pishran.vocabulary_commands import add_vocabulary_commands

    add_export_commands(sub)
    add_store_commands(sub)
    add_round_commands(sub)
    add_vocabulary_commands(sub)
    from pishran.people_commands import add_people_commands

    add_people_commands(sub)
    from pishran.priorities_command import add_priorities_command

    add_priorities_command(sub)

    boundaries = sub.add_parser("boundaries", help="county boundary files")
    bsub = boundaries.add_subparsers(dest="boundaries_command", required=True)
    fetch = bsub.add_parser("fetch", help="download county boundaries from OpenStreetMap")
    fetch.add_argument("iso", help="ISO 3166-2 code of the province, e.g. IR-10")
    fetch.add_argument("--out", help="output GeoJSON path")
    fetch.set_defaults(func=_boundaries_fetch)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args, extra = parser.parse_known_args(argv)
    if extra and args.command != "run":
        parser.error(f"unrecognized arguments: {' '.join(extra)}")
    args.streamlit_args = extra  # `pishran run --server.headless true` passes them on
    return int(args.func(args) or 0)
