"""Policy guardrails on a scenario: the deputy's two stated rules, checked (issue 15).

1. **The centre.** New big projects in the province centre bring imbalance and migration
   back.  A scenario that *adds* projects in the centre county (hypothetical projects with
   a budget, including budget shifted there) or *enlarges* one (a baseline project whose
   budget grows and which is not cancelled) gets a ``centre`` warning naming how the
   centre's share of the province budget (``centre_share_x``) and the between-group part of
   Theil's T (``theil_t_between``, centre against the rest) move, both from
   :func:`analytics.measures.panel_balance` on X = ``budget_total`` of the whole registry.
2. **Migrant magnets.** In a county that already draws migrants and has above-province
   unemployment (the ``industrial_magnet`` quadrant of
   :func:`analytics.labour.classify_labour_migration`, on the county's own figures), more
   industrial jobs have drawn more migrants.  A scenario that adds industrial jobs there
   (hypothetical ``industry`` projects with jobs, or ``industry`` projects whose expected jobs
   grow) gets a ``magnet`` warning with the county's modelled unemployment: the rate of the
   labour model (:func:`analytics.labour_model.labour_effect`, with the scenario's m and k
   for the county) were those J added jobs to arrive, against today's rate.

Each warning is a dict: ``kind``, ``county``, ``values`` (the numbers), ``fa`` and ``en``
(one sentence each, from the catalogue).  No warning: an empty list.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analytics.labour import classify_labour_migration
from analytics.labour_model import labour_effect
from analytics.measures import panel_balance
from analytics.panel import build_panel
from core.counties import county_names
from i18n import fmt_int, fmt_number, t

__all__ = ["GUARDRAIL_KINDS", "scenario_guardrails"]

GUARDRAIL_KINDS = ("centre", "magnet")
_EPS = 1e-9


def _by_id(frame: pd.DataFrame, column: str) -> pd.Series:
    return pd.to_numeric(frame[column], errors="coerce").fillna(0.0).set_axis(
        frame["project_id"].astype(str))


def _added(base: pd.DataFrame, scen: pd.DataFrame, column: str) -> pd.Series:
    """Per scenario row: how much of ``column`` it adds (hypothetical rows: all of it;
    baseline rows: the growth, when not cancelled)."""
    before = _by_id(base, column)
    after = _by_id(scen, column)
    hyp = scen["is_hypothetical"].astype(bool).to_numpy() if "is_hypothetical" in scen \
        else np.zeros(len(scen), dtype=bool)
    open_ = (scen["status"] != "cancelled").to_numpy(dtype=bool)
    growth = after.to_numpy() - before.reindex(after.index).fillna(0.0).to_numpy()
    added = np.where(hyp, after.to_numpy(), np.where(growth > _EPS, growth, 0.0))
    return pd.Series(np.where(open_, added, 0.0), index=scen.index)


def _pct(value: float, lang: str) -> str:
    return fmt_number(100 * value, lang, 1)


def _centre(dataset, result, lang_rows: list) -> None:
    centre = dataset.centre_code
    scen = result.projects
    added = _added(dataset.projects, scen, "budget_billion_rials")
    mask = (scen["county_code"] == centre).to_numpy() & (added.to_numpy() > _EPS)
    if not mask.any():
        return
    base = panel_balance(build_panel(dataset.projects, dataset.indicators, dataset.counties),
                         "budget_total")
    after = panel_balance(build_panel(scen, result.indicators_adjusted, dataset.counties),
                          "budget_total")
    values = {"n": int(mask.sum()), "budget": float(added[mask].sum()),
              "share_before": base.value("centre_share_x"),
              "share_after": after.value("centre_share_x"),
              "theil_before": base.value("theil_t_between"),
              "theil_after": after.value("theil_t_between")}
    names = county_names(dataset.counties, "fa")
    names_en = county_names(dataset.counties, "en")
    text = {lang: t("guardrail.centre", lang, county=(names if lang == "fa" else names_en)
                    .get(centre, centre), n=fmt_int(values["n"], lang),
                    budget=fmt_int(values["budget"], lang),
                    share_before=_pct(values["share_before"], lang),
                    share_after=_pct(values["share_after"], lang),
                    theil_before=fmt_number(values["theil_before"], lang, 3),
                    theil_after=fmt_number(values["theil_after"], lang, 3))
            for lang in ("fa", "en")}
    lang_rows.append({"kind": "centre", "county": centre, "values": values, **text})


def _magnets(dataset, result, lang_rows: list) -> None:
    scen = result.projects
    jobs = _added(dataset.projects, scen, "expected_jobs")
    industrial = (scen["sector"] == "industry").to_numpy() & (jobs.to_numpy() > 0)
    if not industrial.any():
        return
    per_county = jobs[industrial].groupby(scen.loc[industrial, "county_code"]).sum()
    panel = build_panel(dataset.projects, dataset.indicators, dataset.counties)
    classified = classify_labour_migration(panel)
    own = classified[~classified["missing"] & ~classified["is_group"]]
    magnets = own.index[own["quadrant"] == "industrial_magnet"]
    province = classified.attrs["thresholds"].unemployment
    labour = result.labour
    for county in [c for c in per_county.index if c in set(magnets)]:
        row = labour.loc[county]
        effect = labour_effect([float(per_county[county])], [row["unemployed"]],
                               [row["labour_force"]], m=[row["m"]], k=[row["k"]])
        values = {"jobs": float(per_county[county]),
                  "rate_before": float(effect["unemployment_rate"].iloc[0]),
                  "rate_after": float(effect["unemployment_rate_new"].iloc[0]),
                  "province_rate": float(province), "m": float(row["m"]), "k": float(row["k"])}
        text = {}
        for lang in ("fa", "en"):
            name = dataset.counties.set_index("code").at[county,
                                                          "name_fa" if lang == "fa" else "name_en"]
            text[lang] = t("guardrail.magnet", lang, county=name,
                           jobs=fmt_int(values["jobs"], lang),
                           rate_before=fmt_number(values["rate_before"], lang, 2),
                           rate_after=fmt_number(values["rate_after"], lang, 2),
                           province=fmt_number(values["province_rate"], lang, 1))
        lang_rows.append({"kind": "magnet", "county": county, "values": values, **text})


def scenario_guardrails(dataset, result) -> list[dict]:
    """The warnings of a scenario applied to ``dataset`` (``result``: its
    :class:`~analytics.scenario.model.ScenarioResult`); see the module docstring."""
    rows: list[dict] = []
    _centre(dataset, result, rows)
    _magnets(dataset, result, rows)
    return rows
