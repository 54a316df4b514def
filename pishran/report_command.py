"""``pishran report``: command-line options → a project filter → the report, printed.

:func:`run_report` turns the options (they mirror the app's filter one to one) into a
:class:`~analytics.filters.ProjectFilter` with :func:`filter_from_args`, then prints
:func:`briefing.report.report_data` as a readable table (or ``--json``: NaN → null,
±∞ → "inf"/"-inf") and returns the exit code: 2 for a bad option (e.g. an unknown county
name, with the closest names suggested).  ``--scenario`` prints the baseline and the
scenario side by side (:func:`run_scenario_report`).  The data is the store's current
version (:func:`briefing.context.current_dataset`), the one the app shows.
"""

from __future__ import annotations

import argparse
import json
import sys

from analytics.filters import YEAR_MAX, YEAR_MIN, ProjectFilter, is_filter_year
from analytics.measures import BALANCE_X
from briefing.report import format_report, format_scenario_report, report_data
from core.counties import UnknownCountyError
from core.jsonsafe import to_jsonable
from core.schema import FUNDING_SOURCES, SECTORS, STATUSES

__all__ = ["ReportOptionError", "filter_from_args", "run_report", "run_scenario_report"]


class ReportOptionError(ValueError):
    """A bad command-line option; the message says what is allowed."""


def _choices(values: list[str], allowed: tuple[str, ...], option: str) -> tuple[str, ...]:
    bad = [v for v in values if v not in allowed]
    if bad:
        raise ReportOptionError(f"unknown {option} {', '.join(map(repr, bad))}; "
                                f"choose from: {', '.join(allowed)}")
    return tuple(values)


def filter_from_args(args: argparse.Namespace, dataset) -> ProjectFilter:
    """The :class:`ProjectFilter` the report options describe (raises ReportOptionError)."""
    resolver = dataset.resolver
    counties = []
    for name in args.county or []:
        try:
            code = resolver.resolve(name)
        except UnknownCountyError as err:
            hint = (f"; closest names: {', '.join(err.suggestions)}" if err.suggestions
                    else f"; known counties: {', '.join(resolver.codes)}")
            raise ReportOptionError(f"unknown county {name!r}{hint}") from None
        if code not in counties:
            counties.append(code)
    for option in ("year_from", "year_to"):
        value = getattr(args, option, None)
        if value is not None and not is_filter_year(value):
            raise ReportOptionError(f"--{option.replace('_', '-')} must be a Jalali year "
                                    f"({YEAR_MIN}–{YEAR_MAX}), got {value}")
    return ProjectFilter(
        counties=tuple(counties),
        sectors=_choices(args.sector or [], SECTORS, "sector"),
        statuses=_choices(args.status or [], STATUSES, "status"),
        funding_sources=_choices(args.funding or [], FUNDING_SOURCES, "funding source"),
        year_from=args.year_from, year_to=args.year_to,
        provenance=args.provenance or "all",
    )


def run_report(args: argparse.Namespace, dataset=None, out=None, err=None) -> int:
    """``pishran report``: 0 on success, 2 for a bad option (message on stderr)."""
    out = out or sys.stdout
    err = err or sys.stderr
    if dataset is None:  # the store's current version, as the app shows it
        from briefing.context import StoreUnavailableError, current_dataset

        try:
            dataset = current_dataset()
        except StoreUnavailableError as problem:
            print(f"pishran report: error: {problem}", file=err)
            return 1
    try:
        if args.measure not in BALANCE_X:
            raise ReportOptionError(f"unknown measure {args.measure!r}; choose from: "
                                    f"{', '.join(BALANCE_X)}")
        flt = filter_from_args(args, dataset)
    except ReportOptionError as problem:
        print(f"pishran report: error: {problem}", file=err)
        return 2
    if getattr(args, "scenario", None):
        return run_scenario_report(args, dataset, flt, out, err)
    data = report_data(dataset, flt, args.measure)
    if args.json:
        json.dump(data, out, ensure_ascii=False, indent=2, allow_nan=False)
        out.write("\n")
    else:
        out.write(format_report(data, args.lang or "en"))
    return 0


def run_scenario_report(args: argparse.Namespace, dataset, flt: ProjectFilter, out, err
                        ) -> int:
    """``pishran report --scenario FILE_OR_NAME``: baseline and scenario side by side
    (``--json``: the :func:`analytics.scenario.compare.scenario_report` dict).  An unknown,
    unreadable or invalid scenario prints every problem on stderr and returns 2."""
    from analytics.scenario import ScenarioError, scenario_report
    from store.scenarios import load_scenario

    lang = args.lang or "en"
    try:
        scenario = load_scenario(args.scenario, dataset)
    except ScenarioError as problem:
        print(f"pishran report: error: scenario {args.scenario!r} refused:", file=err)
        for message in problem.messages(lang):
            print(f"  - {message}", file=err)
        return 2
    data = scenario_report(dataset, scenario, flt, args.measure)
    if args.json:
        json.dump(to_jsonable(data), out, ensure_ascii=False, indent=2, allow_nan=False)
        out.write("\n")
    else:
        out.write(format_scenario_report(data, lang, dataset))
    return 0
