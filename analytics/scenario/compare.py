"""Baseline versus scenario, side by side — one dict for ``pishran report --scenario`` and
the Scenario page (plain, JSON-serialisable data: NaN and ±∞ become ``None``).

Both sides use the same entry points as the rest of the app: the county panel
(:func:`analytics.panel.build_panel` on ``flt`` applied to the registry), the balance
measures (:func:`analytics.measures.panel_balance`), totals
(:func:`analytics.panel.panel_totals`) and the development ranking
(:func:`analytics.ranking.rank_all_methods`).  The scenario side uses the edited
registry and the labour-model-adjusted indicators; the labour model always runs on the
whole registry (``flt`` only selects what the panel shows).

Ranks: ``development`` is the consensus rank of :func:`rank_all_methods` over
:data:`REPORT_RANK_SPEC` (labour-market and census indicators plus ``jobs_per_1000`` so
that project edits can move it); ``measure`` is the rank of the chosen measure per
capita (or of the measure itself when it is already a rate).  Rank 1 = highest;
``*_change`` = baseline − scenario, so a positive change means the county moved up.
"""

from __future__ import annotations

from functools import partial
from typing import Any

import numpy as np
import pandas as pd

from analytics.filters import ProjectFilter
from analytics.measures import panel_balance
from analytics.panel import PANEL_MEASURES, build_panel, panel_totals
from analytics.ranking import rank_all_methods
from analytics.scenario.apply import DEVELOPMENT_SPEC, apply_scenario
from analytics.scenario.describe import describe_edit
from analytics.scenario.guardrails import scenario_guardrails
from analytics.scenario.model import Scenario
from core.counties import county_names
from core.jsonsafe import to_jsonable
from i18n import t

__all__ = ["REPORT_PANEL_COLUMNS", "REPORT_RANK_SPEC", "scenario_report"]

REPORT_PANEL_COLUMNS = (
    "n_projects", "n_completed", "n_cancelled", "budget_total", "budget_per_capita",
    "completed_budget", "jobs_total", "jobs_per_1000", "jobs_per_unemployed",
    "progress_weighted", "labour_force", "unemployed", "unemployment_rate",
    "net_migration_rate",
)
REPORT_RANK_SPEC = {**DEVELOPMENT_SPEC, "jobs_per_1000": 1}
_RATE_MEASURES = {"budget_per_capita", "jobs_per_1000", "jobs_per_unemployed",
                  "progress_weighted", "unemployment_rate", "net_migration_rate",
                  "industrial_employment_share", "literacy_rate", "urbanisation_rate"}
_TOTAL_COLUMNS = ("n_projects", "budget_total", "completed_budget", "jobs_total",
                  "budget_per_capita", "jobs_per_1000", "labour_force", "unemployed",
                  "unemployment_rate", "net_migration_rate")


#: The report's convention of :func:`core.jsonsafe.to_jsonable`: numpy → Python,
#: NaN/NA/±∞ → None, other values kept.
_plain = partial(to_jsonable, infinity="none", scalars="keep")


def _records(frame: pd.DataFrame) -> list[dict]:
    return _plain(frame.to_dict("records"))


def _balance(panel: pd.DataFrame, measure: str) -> tuple[pd.Series, list[str], str | None]:
    try:
        result = panel_balance(panel, measure)
    except ValueError as err:
        return pd.Series(dtype=float), [], str(err)
    return result.summary.set_index("measure_id")["value"], result.dropped, None


def _ranks(panel: pd.DataFrame, measure: str, spec: dict) -> pd.DataFrame:
    out = pd.DataFrame(index=panel.index)
    try:
        ranking = rank_all_methods(panel[list(spec)], spec)
        out["development"] = ranking.consensus.rank(ascending=False, method="min")
        out["level"] = ranking.levels
    except ValueError:
        out["development"] = np.nan
        out["level"] = None
    values = panel[measure].astype(float)
    if measure not in _RATE_MEASURES and "population" in panel:
        values = values / panel["population"].astype(float)
    out["measure"] = values.rank(ascending=False, method="min")
    return out


def _titles(projects: pd.DataFrame, scenario) -> tuple[dict, dict]:
    """Project id → title, Persian and English (the Persian one where no English is
    given), with the scenario's hypothetical projects: an edit names projects by title."""
    fa = dict(zip(projects["project_id"].astype(str), projects["title_fa"].astype(str)))
    en_titles = projects["title_en"].fillna(projects["title_fa"]).astype(str) \
        if "title_en" in projects else projects["title_fa"].astype(str)
    en = dict(zip(projects["project_id"].astype(str), en_titles))
    for edit in scenario.edits:
        if edit.kind == "add_project" and getattr(edit, "id", None):
            fa[str(edit.id)] = edit.title_fa
            en[str(edit.id)] = edit.title_en or edit.title_fa
    return fa, en


def scenario_report(dataset: Any, scenario: Scenario | dict, flt: ProjectFilter | None = None,
                    measure: str = "budget_total", today: str | None = None,
                    rank_spec: dict | None = None) -> dict:
    """Baseline vs scenario (see module docstring).  Keys:

    ``scenario`` (its dict), ``edits`` (descriptions fa/en), ``filter``, ``measure``,
    ``log`` (what each edit did), ``hypothetical`` (the added projects),
    ``balance`` (measure_id, baseline, scenario, change), ``balance_dropped``,
    ``totals`` (province/rest × column: baseline, scenario, change),
    ``panel`` (per county: ``<col>_baseline``, ``<col>_scenario``, ``<col>_change``),
    ``ranks`` (per county: development and measure ranks, both sides and change),
    ``labour`` (per county labour-model outputs), ``labour_note`` (the assumptions),
    ``guardrails`` (the policy warnings of :mod:`analytics.scenario.guardrails`).

    Raises :class:`~analytics.scenario.rules.ScenarioError` for an invalid scenario and
    ``ValueError`` for an unknown ``measure``.
    """
    if measure not in PANEL_MEASURES:
        raise ValueError(f"unknown measure {measure!r}; choose from {sorted(PANEL_MEASURES)}")
    if not isinstance(scenario, Scenario):
        scenario = Scenario.from_dict(scenario)
    flt = flt or ProjectFilter()
    spec = rank_spec or REPORT_RANK_SPEC
    result = apply_scenario(dataset, scenario)
    base_panel = build_panel(flt.apply(dataset.projects, dataset.counties), dataset.indicators, dataset.counties,
                             today=today)
    scen_panel = build_panel(flt.apply(result.projects, dataset.counties), result.indicators_adjusted,
                             dataset.counties, today=today)

    base_values, base_dropped, base_error = _balance(base_panel, measure)
    scen_values, scen_dropped, scen_error = _balance(scen_panel, measure)
    ids = list(dict.fromkeys([*base_values.index, *scen_values.index]))
    balance = []
    for i in ids:
        b, s = _plain(base_values.get(i)), _plain(scen_values.get(i))
        balance.append({"measure_id": i, "baseline": b, "scenario": s,
                        "change": None if b is None or s is None else s - b})

    base_totals, scen_totals = panel_totals(base_panel), panel_totals(scen_panel)
    totals = {
        label: {c: {"baseline": _plain(base_totals.at[label, c]),
                    "scenario": _plain(scen_totals.at[label, c]),
                    "change": _plain(scen_totals.at[label, c] - base_totals.at[label, c])}
                for c in _TOTAL_COLUMNS if c in base_totals}
        for label in ("province", "rest")
    }

    columns = list(dict.fromkeys([*REPORT_PANEL_COLUMNS, measure]))
    panel = pd.DataFrame({"code": base_panel.index, "name_fa": base_panel["name_fa"].to_numpy(),
                          "name_en": base_panel["name_en"].to_numpy(),
                          "is_centre": base_panel["is_centre"].to_numpy()})
    for c in columns:
        b = base_panel[c].astype(float).to_numpy()
        s = scen_panel[c].astype(float).to_numpy()
        panel[f"{c}_baseline"], panel[f"{c}_scenario"], panel[f"{c}_change"] = b, s, s - b

    base_ranks = _ranks(base_panel, measure, spec)
    scen_ranks = _ranks(scen_panel, measure, spec)
    ranks = pd.DataFrame({"code": base_panel.index})
    for kind in ("development", "measure"):
        b = base_ranks[kind].to_numpy(dtype=float)
        s = scen_ranks[kind].to_numpy(dtype=float)
        ranks[f"{kind}_rank_baseline"], ranks[f"{kind}_rank_scenario"] = b, s
        ranks[f"{kind}_rank_change"] = b - s
    ranks["level_baseline"] = base_ranks["level"].to_numpy()
    ranks["level_scenario"] = scen_ranks["level"].to_numpy()

    hyp = result.hypothetical
    hyp_columns = [c for c in ("project_id", "county_code", "sector", "title_fa", "title_en",
                               "status", "budget_billion_rials", "expected_jobs",
                               "planned_start", "planned_end") if c in hyp]
    names_fa = county_names(dataset.counties, "fa")
    names_en = county_names(dataset.counties, "en")
    titles_fa, titles_en = _titles(dataset.projects, scenario)
    return {
        "scenario": scenario.to_dict(),
        "edits": [{"index": i, "type": e.kind, "fa": describe_edit(e, "fa", names_fa, titles_fa),
                   "en": describe_edit(e, "en", names_en, titles_en)}
                  for i, e in enumerate(scenario.edits)],
        "filter": flt.to_dict(),
        "measure": measure,
        "log": [entry.to_dict() for entry in result.log],
        "hypothetical": _records(hyp[hyp_columns]),
        "balance": balance,
        "balance_dropped": {"baseline": base_dropped, "scenario": scen_dropped},
        "balance_error": {"baseline": base_error, "scenario": scen_error},
        "totals": totals,
        "panel": _records(panel),
        "ranks": _records(ranks),
        "rank_spec": dict(spec),
        "labour": _records(result.labour.reset_index()),
        "guardrails": _plain(scenario_guardrails(dataset, result)),
        "labour_note": {"fa": t("scenario.labour.note", "fa"),
                        "en": t("scenario.labour.note", "en")},
    }
