"""``pishran export …``: the briefing deck and single charts from the command line.

Wire it into ``pishran.cli.build_parser``::

    from pishran.export_commands import add_export_commands
    add_export_commands(sub)

Commands::

    pishran export deck --out FILE.pptx [--scenario NAME] [--views v1 v2 …] [--lang fa|en] [--pdf]
    pishran export chart VIEW --out FILE.png|.svg [--lang fa|en] [--scenario NAME]
                              [--width 1920 --height 1080 --scale 1]

The content comes from the view registry :mod:`briefing.views`, imported lazily:

* ``VIEWS: dict[str, View]`` — each ``View`` has ``title_key`` (a catalogue key; a plain
  ``title`` is accepted too) and ``build(context, lang) -> go.Figure``;
* ``build_context(scenario=None)`` (or ``default_context``) — the context passed to
  ``build``; without it ``None`` is passed;
* optional ``key_figures(context, lang)`` → rows (measure, value[, unit]),
  ``scenario_comparison(context, scenario, lang)`` → rows (measure, baseline, scenario),
  ``sources(context, lang)`` → rows (figure, status, source).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

from i18n import fmt_number, t

__all__ = ["add_export_commands", "deck_specs_from_views"]


def _load_views() -> ModuleType:
    """The view registry (a separate function so tests can substitute one)."""
    import briefing.views as views

    return views


def _registry() -> ModuleType | None:
    try:
        return _load_views()
    except ImportError:
        return None


def _context(views: ModuleType, scenario: str | None) -> Any:
    for name in ("build_context", "default_context"):
        make = getattr(views, name, None)
        if callable(make):
            return make(scenario=scenario)
    return None


def _view_title(view: Any, lang: str) -> str:
    key = getattr(view, "title_key", None)
    if key:
        return t(key, lang)
    return str(getattr(view, "title", "") or "")


def _optional_rows(views: ModuleType, name: str, *args: Any) -> list | None:
    fn = getattr(views, name, None)
    return list(fn(*args)) if callable(fn) else None


def _check_views(views: ModuleType, wanted: list[str], lang: str) -> str | None:
    unknown = [v for v in wanted if v not in views.VIEWS]
    if unknown:
        return t("export.unknown_view", lang, view=", ".join(unknown),
                 views=", ".join(views.VIEWS))
    return None


def deck_specs_from_views(views: ModuleType, view_ids: list[str] | None, lang: str = "fa",
                          scenario: str | None = None) -> list:
    """The standard deck's slide specs built from the registry."""
    from exports.deck import standard_deck

    context = _context(views, scenario)
    ids = view_ids or [v for v, view in views.VIEWS.items()
                       if scenario or not getattr(view, "needs_scenario", False)]
    figures = [(_view_title(views.VIEWS[v], lang), views.VIEWS[v].build(context, lang))
               for v in ids]
    comparison = (_optional_rows(views, "scenario_comparison", context, scenario, lang)
                  if scenario else None)
    return standard_deck(
        figures, lang,
        key_figures=_optional_rows(views, "key_figures", context, lang) or (),
        comparison=comparison,
        sources=_optional_rows(views, "sources", context, lang) or (),
        # the scenario's own name (a file's name or stem), not the path given
        scenario=(getattr(context, "scenario_name", None) or scenario) if scenario else None,
    )


def _export_deck(args: argparse.Namespace) -> int:
    from exports.deck import build_deck, deck_to_pdf

    lang = args.lang
    views = _registry()
    if views is None:
        print(t("export.no_views", lang), file=sys.stderr)
        return 2
    problem = _check_views(views, args.views or [], lang)
    if problem:
        print(problem, file=sys.stderr)
        return 2
    specs = deck_specs_from_views(views, args.views, lang, args.scenario)

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
    from exports.images import figure_to_image

    lang = args.lang
    out = Path(args.out)
    fmt = out.suffix.lower().lstrip(".")
    if fmt not in ("png", "svg"):
        print("--out must end in .png or .svg", file=sys.stderr)
        return 2
    views = _registry()
    if views is None:
        print(t("export.no_views", lang), file=sys.stderr)
        return 2
    problem = _check_views(views, [args.view], lang)
    if problem:
        print(problem, file=sys.stderr)
        return 2
    fig = views.VIEWS[args.view].build(_context(views, args.scenario), lang)
    data = figure_to_image(fig, fmt, width=args.width, height=args.height, scale=args.scale,
                           lang=lang)
    out.parent.mkdir(parents=True, exist_ok=True)
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
    return export
