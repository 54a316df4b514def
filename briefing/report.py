"""The report's content: what ``pishran report`` prints, as data and as readable text.

:func:`report_data` computes, for one :class:`~analytics.filters.ProjectFilter` and one
balance variable X, everything the report prints: the county panel, province/rest totals,
the balance measures from :func:`analytics.measures.panel_balance` (the one entry point —
the Balance page calls the same function, so both show the same numbers), the labour and
migration quadrants and the development ranking (default spec
:data:`analytics.indicators.DEFAULT_RANKING_SPEC`).  A county value that is a larger unit's
figure (quality ``group``, e.g. pre-2021 Isfahan county's unemployment for today's five
units) is never given as the county's own: in the JSON its value is ``null`` with
``<column>_is_group`` true and the larger unit's value in ``<column>_group_value``; such
counties are in no labour quadrant (``labour.group_counties``) and are not ranked
(``ranking.excluded`` with ``group_indicators``).  :func:`format_report` and
:func:`format_scenario_report` write it as text; :func:`measure_value_text` is how a balance
measure's value reads on the pages and in the report.  The command-line glue (options →
filter, exit codes) is :mod:`pishran.report_command`.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from typing import Any

import pandas as pd

from analytics.filters import ProjectFilter
from analytics.indicators import (
    DEFAULT_RANKING_SPEC,
    project_provenance,
    ranking_groups,
    ranking_inputs,
    ranking_shares,
)
from analytics.labour import QUADRANTS, classify_labour_migration, group_members, quadrant_members
from analytics.measures import BALANCE_X, panel_balance
from analytics.panel import PANEL_MEASURES, build_panel, group_flags, panel_totals
from analytics.ranking import normalise_spec, rank_all_methods
from core.jsonsafe import to_jsonable

__all__ = [
    "format_report",
    "format_scenario_report",
    "measure_value_text",
    "report_data",
]


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
            group = group_flags(panel, column)
            if group.any():
                # a larger unit's figure is never given as the county's own
                shown[f"{column}_is_group"] = group
                shown[f"{column}_group_value"] = panel[column].astype(float).where(group)
                shown[column] = panel[column].astype(float).mask(group)
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
    records = labour[["quadrant", "unemployment_rate", "net_migration_rate", "unemployment_gap",
                      "migration_gap", "distance", "is_sample", "is_group"]].copy()
    group = records["is_group"].to_numpy(dtype=bool)
    for column in ("unemployment_rate", "unemployment_gap", "distance"):
        records[column] = records[column].mask(group)   # the larger unit's, not the county's
    records["quadrant"] = records["quadrant"].mask(group)
    out["labour"] = {
        "thresholds": to_jsonable({"unemployment_rate": thresholds.unemployment,
                                   "net_migration_rate": thresholds.migration}),
        "quadrants": quadrant_members(labour),
        "group_counties": group_members(labour),
        "counties": _records(records, "code"),
    }
    out["ranking"] = _ranking(panel, dataset.indicators, spec or DEFAULT_RANKING_SPEC)
    return to_jsonable(out)


def _ranking(panel: pd.DataFrame, indicators: pd.DataFrame, spec: Any) -> dict[str, Any]:
    table = normalise_spec(spec)
    names = list(table.index)
    values, flags = ranking_inputs(panel, indicators, names, groups_as_missing=True)
    groups = ranking_groups(panel, indicators, names)
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
        "excluded": [to_jsonable({**r, "group_indicators": [
            m for m in r["missing_indicators"] if groups.at[r["county"], m]]})
            for r in result.excluded.to_dict(orient="records")],
        "sample_values": {c: [k for k in flags.index if flags.at[k, c] and not groups.at[k, c]]
                          for c in flags.columns},
        "group_values": {c: [k for k in groups.index if groups.at[k, c]] for c in groups.columns},
        "inputs": ranking_shares(values, flags, groups, result.ranks.index),
    }


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


def _cell(row: Mapping[str, Any], column: str, lang: str, decimals: int) -> str:
    """A panel cell: the county's value (✱ when sample), or a larger unit's value with ▣."""
    from i18n import t

    if row.get(f"{column}_is_group"):
        return f"{_fmt(row.get(f'{column}_group_value'), lang, decimals)} {t('measure.group_mark', lang)}"
    return _fmt(row[column], lang, decimals, bool(row.get(f"{column}_is_sample")))


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
            entry[t(f"report.col.{column}", lang)] = _cell(row, column, lang, decimals)
        rows.append(entry)
    lines += [t("report.panel_heading", lang), pd.DataFrame(rows).to_string(index=False)]
    if any(row.get(f"{c}_is_group") for row in data["panel"] for c in columns):
        lines.append(t("measure.group_legend", lang, mark=t("measure.group_mark", lang)))
    lines.append("")

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
    grouped = data["labour"].get("group_counties", [])
    if grouped:
        lines.append("  " + t("report.labour_group", lang, mark=t("measure.group_mark", lang),
                              names=", ".join(names.get(c, c) for c in grouped)))
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
    grouped = [e for e in ranking["excluded"] if e.get("group_indicators")]
    gaps = [e for e in ranking["excluded"] if not e.get("group_indicators")]
    if grouped:
        lines.append(t("report.excluded_group", lang, mark=t("measure.group_mark", lang),
                       names=", ".join(names.get(e["county"], e["county"]) for e in grouped)))
    if gaps:
        lines.append(t("report.excluded", lang, names=", ".join(
            names.get(e["county"], e["county"]) for e in gaps)))
    inputs = ranking.get("inputs")
    if inputs:
        lines.append(t("ranking.inputs_note", lang, n=_fmt(inputs["n_sample"], lang),
                       values=_fmt(inputs["n_ranked_values"], lang),
                       ranked=_fmt(inputs["n_ranked"], lang),
                       counties=_fmt(len(data["panel"]), lang),
                       group=_fmt(inputs["n_group"], lang), total=_fmt(inputs["total"], lang),
                       mark=t("measure.group_mark", lang)))
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
    for warning in data.get("guardrails", ()):  # the policy guardrails (issue 15)
        lines.append(f"⚠ {t('guardrail.heading', lang)}: {warning[lang]}")
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
