"""``pishran report`` and the shared tables behind the Balance, Ranking and Labour pages.

:func:`report_data` computes, for one :class:`~analytics.filters.ProjectFilter` and one
balance variable X, everything the report prints: the county panel, province/rest totals,
the balance measures from :func:`analytics.measures.panel_balance` (the one entry point —
the Balance page calls the same function, so both show the same numbers), the labour and
migration quadrants and the development ranking (default spec :data:`DEFAULT_RANKING_SPEC`).
:func:`run_report` turns command-line options into a filter, prints a readable table (or
``--json``: NaN → null, ±∞ → "inf"/"-inf") and returns the exit code (2 for a bad option, e.g. an unknown county name,
with the closest names suggested).

Ranking inputs: the panel indicators (latest year ≤ the panel year) plus
``population_growth``, the mean annual growth (%) of population between the census
five years before and the census year: 100·((p_y / p_{y-5})^(1/5) − 1).
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np
import pandas as pd

from analytics.filters import ProjectFilter
from analytics.labour import QUADRANTS, classify_labour_migration, quadrant_members
from analytics.measures import BALANCE_X, PanelBalance, panel_balance
from analytics.panel import PANEL_MEASURES, build_panel, panel_totals
from analytics.ranking import normalise_spec, rank_all_methods
from core.counties import UnknownCountyError
from core.jsonsafe import to_jsonable
from core.schema import FUNDING_SOURCES, SECTORS, STATUSES

__all__ = [
    "DEFAULT_RANKING_SPEC",
    "DELTA_YEARS",
    "METROPOLITAN_RING",
    "PER_CAPITA_SCALE",
    "RANKING_INDICATORS",
    "balance_context",
    "centre_rest_shares",
    "delta_inputs",
    "indicators_for_year",
    "measure_value_text",
    "project_provenance",
    "ranking_inputs",
    "report_data",
    "run_report",
]

#: Indicators offered for the development ranking, and their natural direction.
RANKING_INDICATORS: dict[str, int] = {
    "unemployment_rate": -1,
    "literacy_rate": 1,
    "urbanisation_rate": 1,
    "industrial_employment_share": 1,
    "net_migration_rate": 1,
    "population_growth": 1,
}
#: The default ranking: direction and weight of each indicator (equal weights).
DEFAULT_RANKING_SPEC: dict[str, tuple[int, float]] = {
    "unemployment_rate": (-1, 1.0),
    "literacy_rate": (1, 1.0),
    "urbanisation_rate": (1, 1.0),
    "industrial_employment_share": (1, 1.0),
    "net_migration_rate": (1, 1.0),
}
#: Default "metropolitan ring" of the Balance page: Isfahan and the counties of its
#: urban-industrial belt (contiguous, commuting distance).
METROPOLITAN_RING = ("isfahan", "khomeynishahr", "shahinshahr_va_meymeh", "najafabad",
                     "falavarjan", "lenjan", "mobarakeh", "borkhar")
#: The two census years compared by the delta ranking.
DELTA_YEARS = (1390, 1395)
#: Per-capita X is shown as X · scale per person (bn rials → million rials per person,
#: jobs per 1,000 people, projects per 100,000 people).
PER_CAPITA_SCALE = {"budget_total": 1_000, "completed_budget": 1_000, "jobs_total": 1_000,
                    "n_projects": 100_000}

_GROWTH_SPAN = 5


# ---------------------------------------------------------------------------
# Provenance of the selected projects
# ---------------------------------------------------------------------------


def project_provenance(projects: pd.DataFrame) -> dict[str, float]:
    """How many of the (filtered) projects, and how much of their budget, are sample."""
    sample = projects["is_sample"].astype("boolean").fillna(True).to_numpy(dtype=bool)
    budget = projects["budget_billion_rials"].to_numpy(dtype=float, na_value=0.0)
    active = (projects["status"] != "cancelled").to_numpy(dtype=bool, na_value=True)
    total = float((budget * active).sum())
    return {
        "n_projects": int(len(projects)),
        "n_sample": int(sample.sum()),
        "sample_budget_share": float((budget * active * sample).sum() / total) if total else math.nan,
    }


# ---------------------------------------------------------------------------
# Balance helpers (numbers only; the wording lives in the catalogue)
# ---------------------------------------------------------------------------


def centre_rest_shares(balance: PanelBalance) -> pd.DataFrame:
    """Rows ``centre`` and ``rest``: share of population and share of X (fractions)."""
    pop = balance.value("centre_share_population")
    x = balance.value("centre_share_x")
    return pd.DataFrame({"share_population": [pop, 1 - pop], "share_x": [x, 1 - x]},
                        index=pd.Index(["centre", "rest"], name="group"))


def balance_context(panel: pd.DataFrame, balance: PanelBalance) -> dict[str, Any]:
    """Extra numbers for the plain-language reading of each measure: between-group shares
    of Theil T and L, the counties with the highest and lowest per-capita X (scaled by
    :data:`PER_CAPITA_SCALE`), and the equal-split HHI 1/n."""
    kept = panel.drop(index=balance.dropped)
    per_capita = kept[balance.x].astype(float) / kept["population"].astype(float)
    scale = PER_CAPITA_SCALE.get(balance.x, 1)

    def share(part: str, index: str) -> float:
        total = balance.value(f"theil_{index}")
        return balance.value(f"theil_{index}_{part}") / total if total > 0 else math.nan

    return {
        "between_share_t": share("between", "t"),
        "within_share_t": share("within", "t"),
        "between_share_l": share("between", "l"),
        "within_share_l": share("within", "l"),
        "max_county": per_capita.idxmax(),
        "min_county": per_capita.idxmin(),
        "max_per_capita": float(per_capita.max() * scale),
        "min_per_capita": float(per_capita.min() * scale),
        "mean_per_capita": float(kept[balance.x].sum() / kept["population"].sum() * scale),
        "per_capita_scale": scale,
        "hhi_equal": 1 / balance.n_units if balance.n_units else math.nan,
        "groups": balance.theil.by_group,
    }


# ---------------------------------------------------------------------------
# Ranking inputs
# ---------------------------------------------------------------------------


def _exact_year(indicators: pd.DataFrame, codes: list[str], name: str, year: int
                ) -> tuple[pd.Series, pd.Series]:
    """Values and sample flags of one indicator in exactly ``year`` (NaN/True when absent)."""
    rows = indicators[(indicators["indicator"] == name) & indicators["year"].notna()
                      & indicators["value"].notna() & indicators["county_code"].isin(codes)]
    rows = rows[rows["year"].astype(int) == year].drop_duplicates("county_code", keep="last")
    rows = rows.set_index("county_code")
    values = rows["value"].astype(float).reindex(codes)
    flags = rows["is_sample"].astype("boolean").reindex(codes).fillna(True).astype(bool)
    return values, flags


def _growth(indicators: pd.DataFrame, codes: list[str], year: int) -> tuple[pd.Series, pd.Series]:
    now, now_flag = _exact_year(indicators, codes, "population", year)
    before, before_flag = _exact_year(indicators, codes, "population", year - _GROWTH_SPAN)
    with np.errstate(invalid="ignore", divide="ignore"):
        growth = 100 * ((now / before) ** (1 / _GROWTH_SPAN) - 1)
    return growth.rename("population_growth"), (now_flag | before_flag)


def indicators_for_year(indicators: pd.DataFrame, codes: list[str], year: int,
                        names: Iterable[str]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(values, sample flags): county × indicator for exactly ``year``."""
    values, flags = {}, {}
    for name in names:
        if name == "population_growth":
            values[name], flags[name] = _growth(indicators, codes, year)
        else:
            values[name], flags[name] = _exact_year(indicators, codes, name, year)
    index = pd.Index(codes, name="code")
    return (pd.DataFrame(values, index=index).astype(float),
            pd.DataFrame(flags, index=index).astype(bool))


def ranking_inputs(panel: pd.DataFrame, indicators: pd.DataFrame, names: Iterable[str]
                   ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(values, sample flags): county × chosen indicator for the panel's year.

    Panel indicators come from the panel (latest year ≤ the panel year, with its
    ``*_is_sample`` flags); ``population_growth`` is computed for the panel's population
    census year.  Missing values stay NaN (ranking excludes and names those counties).
    """
    values, flags = {}, {}
    codes = list(panel.index)
    for name in names:
        if name == "population_growth":
            years = panel["population_year"].dropna()
            year = int(years.max()) if len(years) else DELTA_YEARS[-1]
            values[name], flags[name] = _growth(indicators, codes, year)
        else:
            values[name] = panel[name].astype(float)
            flags[name] = panel[f"{name}_is_sample"].astype("boolean").fillna(True).astype(bool)
    index = pd.Index(codes, name="code")
    return (pd.DataFrame(values, index=index).astype(float),
            pd.DataFrame(flags, index=index).astype(bool))


def delta_inputs(indicators: pd.DataFrame, codes: list[str], names: Iterable[str],
                 years: tuple[int, ...] = DELTA_YEARS
                 ) -> tuple[dict[int, pd.DataFrame], list[str], dict[str, list[int]],
                            dict[int, pd.DataFrame]]:
    """Inputs of :func:`analytics.ranking.delta_ranking` for the chosen indicators.

    Returns (values by year restricted to the usable indicators, usable indicators,
    {indicator: years it lacks} for the others, sample flags by year).  An indicator is
    usable when at least two counties have it in every year.
    """
    names = list(names)
    tables = {y: indicators_for_year(indicators, codes, y, names) for y in years}
    lacking = {n: [y for y in years if tables[y][0][n].notna().sum() < 2] for n in names}
    lacking = {n: ys for n, ys in lacking.items() if ys}
    usable = [n for n in names if n not in lacking]
    return ({y: tables[y][0][usable] for y in years}, usable, lacking,
            {y: tables[y][1][usable] for y in years})


# ---------------------------------------------------------------------------
# The report
# ---------------------------------------------------------------------------

_PANEL_COLUMNS = (
    "name_fa", "name_en", "is_centre", "n_projects", "n_started", "n_overdue", "budget_total",
    "budget_per_capita", "completed_budget", "jobs_total", "jobs_per_1000", "jobs_per_unemployed",
    "progress_weighted", "population", "unemployment_rate", "net_migration_rate", "labour_force",
    "industrial_employment_share", "literacy_rate", "urbanisation_rate",
)


def _records(frame: pd.DataFrame, index_name: str) -> list[dict]:
    return [to_jsonable({index_name: idx, **row}) for idx, row in
            zip(frame.index, frame.to_dict(orient="records"))]


def report_data(dataset, flt: ProjectFilter, measure: str = "budget_total",
                spec: Any = None, today: str | None = None) -> dict[str, Any]:
    """Everything ``pishran report`` prints, as plain JSON-ready data (NaN → None)."""
    if measure not in BALANCE_X:
        raise ValueError(f"unknown measure {measure!r}; choose from {', '.join(BALANCE_X)}")
    projects = flt.apply(dataset.projects)
    panel = build_panel(projects, dataset.indicators, dataset.counties, today=today)
    totals = panel_totals(panel)
    out: dict[str, Any] = {"filter": flt.to_dict(), "measure": measure,
                           "projects": project_provenance(projects)}
    shown = panel[list(_PANEL_COLUMNS)].copy()
    for column in _PANEL_COLUMNS:
        flag = PANEL_MEASURES.get(column, (None, 0))[0]
        if flag is not None:
            shown[f"{column}_is_sample"] = panel[flag].astype("boolean").fillna(True).astype(bool)
    out["panel"] = _records(shown, "code")
    out["totals"] = {label: to_jsonable(row.to_dict()) for label, row in totals.iterrows()}
    try:
        balance = panel_balance(panel, measure)
    except ValueError as err:
        out.update(measures=[], dropped=[], n_units=0, n_total=len(panel), theil=None,
                   measures_error=str(err))
    else:
        out["measures"] = [to_jsonable(r) for r in balance.summary.to_dict(orient="records")]
        out["dropped"] = list(balance.dropped)
        out["n_units"], out["n_total"] = balance.n_units, balance.n_total
        out["theil"] = to_jsonable({
            "index": balance.theil.index, "total": balance.theil.total,
            "between": balance.theil.between, "within": balance.theil.within,
            "by_group": balance.theil.by_group.to_dict(orient="records")})
    labour = classify_labour_migration(panel)
    thresholds = labour.attrs["thresholds"]
    out["labour"] = {
        "thresholds": to_jsonable({"unemployment_rate": thresholds.unemployment,
                                   "net_migration_rate": thresholds.migration}),
        "quadrants": quadrant_members(labour),
        "counties": _records(labour[["quadrant", "unemployment_rate", "net_migration_rate",
                                     "unemployment_gap", "migration_gap", "distance",
                                     "is_sample"]], "code"),
    }
    out["ranking"] = _ranking(panel, dataset.indicators, spec or DEFAULT_RANKING_SPEC)
    return to_jsonable(out)


def _ranking(panel: pd.DataFrame, indicators: pd.DataFrame, spec: Any) -> dict[str, Any]:
    table = normalise_spec(spec)
    values, flags = ranking_inputs(panel, indicators, list(table.index))
    result = rank_all_methods(values, table)
    frame = result.ranks.copy()
    frame["consensus"] = result.consensus
    frame["level"] = result.levels
    frame = frame.join(result.stability[["best_rank", "worst_rank", "spread"]])
    frame = frame.sort_values(["consensus"], ascending=False)
    return {
        "spec": {k: {"direction": int(r.direction), "weight": float(r.weight)}
                 for k, r in table.iterrows()},
        "methods": list(result.ranks.columns),
        "counties": _records(frame, "code"),
        "excluded": [to_jsonable(r) for r in result.excluded.to_dict(orient="records")],
        "sample_values": {c: [k for k in flags.index if flags.at[k, c]] for c in flags.columns},
    }


# ---------------------------------------------------------------------------
# Command line
# ---------------------------------------------------------------------------


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
        if value is not None and not 1300 <= value <= 1500:
            raise ReportOptionError(f"--{option.replace('_', '-')} must be a Jalali year "
                                    f"(1300–1500), got {value}")
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
    if dataset is None:
        from store.loading import load_dataset

        dataset = load_dataset()
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
    (``--json``: the :func:`analytics.scenario_report.scenario_report` dict).  An unknown,
    unreadable or invalid scenario prints every problem on stderr and returns 2."""
    from analytics.scenario import ScenarioError
    from analytics.scenario_report import scenario_report
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


# ---------------------------------------------------------------------------
# Readable text
# ---------------------------------------------------------------------------


def measure_value_text(value: Any, lang: str = "fa") -> str:
    """A balance measure's value as shown on the page and in the report: three decimals
    below 10, one decimal from 10 on; ∞ for an infinite ratio, — when missing."""
    from i18n import fmt_number

    if isinstance(value, str) and value in ("inf", "-inf"):  # ±∞ as JSON carries it
        value = float(value)
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    if math.isinf(value):
        return "∞" if value > 0 else "−∞"
    return fmt_number(value, lang, 3 if abs(value) < 10 else 1)


def _fmt(value: Any, lang: str, decimals: int = 0, sample: bool = False) -> str:
    from i18n import fmt_number

    text = fmt_number(value, lang, decimals)
    return text + " ✱" if sample and text != "—" else text


def format_report(data: dict[str, Any], lang: str = "en") -> str:
    """The report as plain text tables (``pandas.DataFrame.to_string``), labels in ``lang``."""
    from i18n import t

    name = "name_fa" if lang == "fa" else "name_en"
    names = {row["code"]: row[name] for row in data["panel"]}
    measure = data["measure"]
    lines = [t("report.title", lang), ""]
    lines.append(t("report.filter", lang, filter=json.dumps(data["filter"], ensure_ascii=False)
                   if data["filter"] else t("common.all", lang)))
    prov = data["projects"]
    lines.append(t("report.projects", lang, n=_fmt(prov["n_projects"], lang),
                   sample=_fmt(prov["n_sample"], lang)))
    lines.append(t("common.sample_legend", lang))
    lines.append("")

    # county panel
    columns = ("n_projects", "budget_total", "budget_per_capita", "jobs_total", "population",
               "unemployment_rate", "net_migration_rate")
    rows = []
    for row in data["panel"]:
        entry = {t("common.county", lang): row[name]}
        for column in columns:
            decimals = PANEL_MEASURES[column][1]
            entry[t(f"report.col.{column}", lang)] = _fmt(
                row[column], lang, decimals, bool(row.get(f"{column}_is_sample")))
        rows.append(entry)
    lines += [t("report.panel_heading", lang), pd.DataFrame(rows).to_string(index=False), ""]

    # totals
    trows = []
    for label, total in data["totals"].items():
        entry = {"": t("common.province" if label == "province" else "common.rest", lang)}
        for column in ("n_projects", "budget_total", "budget_per_capita", "jobs_total",
                       "population", "unemployment_rate", "net_migration_rate"):
            entry[t(f"report.col.{column}", lang)] = _fmt(total.get(column), lang,
                                                          PANEL_MEASURES[column][1])
        trows.append(entry)
    lines += [t("report.totals_heading", lang), pd.DataFrame(trows).to_string(index=False), ""]

    # balance measures
    lines.append(t("report.measures_heading", lang, x=t(f"measure.{measure}", lang)))
    if data.get("measures_error"):
        lines.append(t("report.no_measures", lang))
    else:
        mrows = [{t("report.col.measure", lang): t(f"measure_id.{m['measure_id']}", lang),
                  t("report.col.value", lang): measure_value_text(m["value"], lang),
                  t("report.col.weighted", lang): t("report.yes" if m["weighted"] else "report.no",
                                                    lang),
                  t("report.col.coverage", lang): t("report.coverage", lang,
                                                    n=_fmt(m["n_units"], lang),
                                                    total=_fmt(data["n_total"], lang))}
                 for m in data["measures"]]
        lines.append(pd.DataFrame(mrows).to_string(index=False))
        if data["dropped"]:
            lines.append(t("report.dropped", lang,
                           names=", ".join(names.get(c, c) for c in data["dropped"])))
    lines.append("")

    # labour quadrants
    thr = data["labour"]["thresholds"]
    lines.append(t("report.labour_heading", lang,
                   u=_fmt(thr["unemployment_rate"], lang, 1),
                   m=_fmt(thr["net_migration_rate"], lang, 1)))
    for quadrant in QUADRANTS:
        members = data["labour"]["quadrants"].get(quadrant, [])
        lines.append(f"  {t(f'labour.quadrant.{quadrant}', lang)}: "
                     + (", ".join(names.get(c, c) for c in members) or "—"))
    lines.append("")

    # ranking
    ranking = data["ranking"]
    lines.append(t("report.ranking_heading", lang, indicators=", ".join(
        t(f"ranking.indicator.{k}", lang) for k in ranking["spec"])))
    rrows = []
    for row in ranking["counties"]:
        entry = {t("common.county", lang): names.get(row["code"], row["code"])}
        for method in ranking["methods"]:
            entry[t(f"ranking.method.{method}", lang)] = _fmt(row[method], lang)
        entry[t("ranking.level", lang)] = t(f"level.{row['level']}", lang)
        rrows.append(entry)
    lines.append(pd.DataFrame(rrows).to_string(index=False))
    if ranking["excluded"]:
        lines.append(t("report.excluded", lang, names=", ".join(
            names.get(e["county"], e["county"]) for e in ranking["excluded"])))
    lines.append("")
    return "\n".join(lines)



def format_scenario_report(data: dict[str, Any], lang: str = "en", dataset=None) -> str:
    """Baseline and scenario side by side as plain text tables (labels in ``lang``)."""
    from i18n import t

    name = "name_fa" if lang == "fa" else "name_en"
    names = {row["code"]: row[name] for row in data["panel"]}
    base, scen, change = (t(f"scenario.report.{k}", lang) for k in
                          ("baseline", "scenario", "change"))
    measure = data["measure"]
    scenario = data["scenario"]
    lines = [t("scenario_page.cli.title", lang, name=scenario.get("name") or "—"), ""]
    lines.append(t("report.filter", lang, filter=json.dumps(data["filter"], ensure_ascii=False)
                   if data["filter"] else t("common.all", lang)))
    lines.append(t("scenario_page.cli.edits", lang, n=_fmt(len(data["edits"]), lang)))
    for edit in data["edits"]:
        lines.append(f"  {_fmt(edit['index'] + 1, lang)}. {edit[lang]}")
    for entry in data["log"]:
        if entry["edit"] is None:
            lines.append(f"  · {entry['text_fa' if lang == 'fa' else 'text_en']}")
    lines.append("")

    # balance measures
    weighted: dict[str, bool] = {}
    if dataset is not None:
        flt, _ = ProjectFilter.from_dict(data["filter"])
        panel = build_panel(flt.apply(dataset.projects), dataset.indicators, dataset.counties)
        try:
            summary = panel_balance(panel, measure).summary
            weighted = dict(zip(summary["measure_id"], summary["weighted"].astype(bool)))
        except ValueError:
            weighted = {}
    lines.append(t("scenario_page.cli.measures", lang, x=t(f"measure.{measure}", lang)))
    if not data["balance"]:
        lines.append(t("report.no_measures", lang))
    else:
        rows = []
        for m in data["balance"]:
            row = {t("report.col.measure", lang): t(f"measure_id.{m['measure_id']}", lang),
                   base: measure_value_text(m["baseline"], lang),
                   scen: measure_value_text(m["scenario"], lang),
                   change: _signed(m["change"], lang, _measure_decimals(m))}
            if weighted:
                row[t("report.col.weighted", lang)] = t(
                    "report.yes" if weighted.get(m["measure_id"]) else "report.no", lang)
            rows.append(row)
        lines.append(pd.DataFrame(rows).to_string(index=False))
    lines.append("")

    # totals
    columns = ("n_projects", "budget_total", "jobs_total", "budget_per_capita",
               "unemployment_rate", "net_migration_rate")
    rows = []
    for label, totals in data["totals"].items():
        for column in columns:
            if column not in totals:
                continue
            decimals = PANEL_MEASURES[column][1]
            cell = totals[column]
            rows.append({"": t("common.province" if label == "province" else "common.rest", lang),
                         t("report.col.measure", lang): t(f"measure.{column}", lang),
                         base: _fmt(cell["baseline"], lang, decimals),
                         scen: _fmt(cell["scenario"], lang, decimals),
                         change: _signed(cell["change"], lang, decimals)})
    lines += [t("report.totals_heading", lang), pd.DataFrame(rows).to_string(index=False), ""]

    # counties
    hyp = {row["county_code"] for row in data["hypothetical"]}
    ranks = {row["code"]: row for row in data["ranks"]}
    rows = []
    for row in data["panel"]:
        entry = {t("common.county", lang): row[name] + (" ◆" if row["code"] in hyp else "")}
        for column in ("budget_total", "jobs_total", "unemployment_rate"):
            decimals = PANEL_MEASURES[column][1]
            short = t(f"report.col.{column}", lang)
            entry[f"{short} {base}"] = _fmt(row[f"{column}_baseline"], lang, decimals)
            entry[f"{short} {scen}"] = _fmt(row[f"{column}_scenario"], lang, decimals)
        rank = ranks.get(row["code"], {})
        entry[t("scenario_page.cli.rank", lang)] = (
            f"{_fmt(rank.get('development_rank_baseline'), lang)} → "
            f"{_fmt(rank.get('development_rank_scenario'), lang)}")
        rows.append(entry)
    lines += [t("report.panel_heading", lang), pd.DataFrame(rows).to_string(index=False)]
    if hyp:
        lines.append(t("scenario_page.hyp_county_legend", lang, mark="◆"))
    lines.append("")

    # hypothetical projects
    if data["hypothetical"]:
        lines.append(t("scenario_page.hyp_heading", lang, mark="◆"))
        title = "title_fa" if lang == "fa" else "title_en"
        rows = [{"id": f"◆ {r['project_id']}",
                 t("common.county", lang): names.get(r["county_code"], r["county_code"]),
                 t("report.col.budget_total", lang): _fmt(r["budget_billion_rials"], lang),
                 t("report.col.jobs_total", lang): _fmt(r["expected_jobs"], lang),
                 t("scenario_page.col.title", lang): r.get(title) or r["title_fa"]}
                for r in data["hypothetical"]]
        lines += [pd.DataFrame(rows).to_string(index=False), ""]

    # labour model
    lines.append(data["labour_note"][lang if lang in data["labour_note"] else "en"])
    changed = [r for r in data["labour"] if (r.get("jobs") or 0) > 0]
    if changed:
        rows = [{t("common.county", lang): names.get(r["code"], r["code"]),
                 "m": _fmt(r["m"], lang, 2), "k": _fmt(r["k"], lang, 1),
                 "J": _fmt(r["jobs"], lang),
                 base: _fmt(r["unemployment_rate"], lang, 2),
                 scen: _fmt(r["unemployment_rate_new"], lang, 2),
                 change: _signed(r["unemployment_rate_change"], lang, 2)}
                for r in changed]
        lines.append(pd.DataFrame(rows).to_string(index=False))
    lines.append("")
    return "\n".join(lines)


def _measure_decimals(row: Mapping[str, Any]) -> int:
    """The decimals :func:`measure_value_text` uses for the larger side of a change."""
    sides = [abs(v) for v in (row.get("baseline"), row.get("scenario"))
             if isinstance(v, (int, float)) and math.isfinite(v)]
    return 3 if not sides or max(sides) < 10 else 1


def _signed(value: Any, lang: str, decimals: int = 0) -> str:
    """A change with its sign (+/−); rounding to zero gives an unsigned zero."""
    from i18n import fmt_number

    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    if abs(value) < 0.5 * 10 ** -decimals:
        return fmt_number(0, lang, decimals)
    return ("+" if value > 0 else "−") + fmt_number(abs(value), lang, decimals)
