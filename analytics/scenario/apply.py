"""Applying a scenario: each edit in order on the registry, then the labour model.

:func:`apply_scenario` runs every edit on an :class:`~analytics.scenario.table.EditState`
(see :mod:`analytics.scenario` for what each kind does and when order matters), collects
every problem of every edit (none applied when there is one), and gives a
:class:`~analytics.scenario.model.ScenarioResult`: the edited registry, the indicators
with the labour-model rows replaced, the labour model per county and the log.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

import numpy as np
import pandas as pd

from analytics.arrow import where_scalar
from analytics.labour_model import INDUSTRIAL_COUNTIES, labour_effect
from analytics.panel import indicator_wide
from analytics.scenario.describe import changes_text
from analytics.scenario.model import (
    AddProject,
    Assumptions,
    Cancel,
    Postpone,
    Scenario,
    ScenarioResult,
    SetProjects,
    ShiftBudget,
)
from analytics.scenario.rules import HYP_PREFIX, REALLOC_PREFIX, ScenarioError
from analytics.scenario.table import ByLang, EditState, shallow_copy
from core.months import shift_dates
from i18n import t

__all__ = ["DEVELOPMENT_SPEC", "apply_scenario", "development_ranking", "level_counties"]

#: Indicators (direction) of the development rank used by ``deprivation_by:
#: development_rank`` — census/labour indicators only, so the weights do not depend on the
#: project registry being edited.
DEVELOPMENT_SPEC = {
    "unemployment_rate": -1, "net_migration_rate": 1, "literacy_rate": 1,
    "urbanisation_rate": 1, "industrial_employment_share": 1,
}


def _ids_of(state: EditState, mask: np.ndarray, n: int = 5) -> list[str]:
    return [str(x) for x in state.table.values_at("project_id", np.flatnonzero(mask)[:n])]


def _apply_set_projects(state: EditState, i: int, e: SetProjects) -> None:
    mask = state.select(i, e)
    if mask is None:
        return
    progress = e.physical_progress_pct
    if progress is None and e.status == "completed":
        progress = 100.0
    if e.planned_start is not None or e.planned_end is not None:
        rows = np.flatnonzero(mask)
        start = (np.full(len(rows), e.planned_start, dtype=object) if e.planned_start
                 else state.table.values_at("planned_start", rows))
        end = (np.full(len(rows), e.planned_end, dtype=object) if e.planned_end
               else state.table.values_at("planned_end", rows))
        start_text = pd.Series(start, dtype="string")
        end_text = pd.Series(end, dtype="string")
        bad = np.zeros(len(mask), dtype=bool)
        bad[rows[(end_text < start_text).fillna(False).to_numpy(dtype=bool)]] = True
        if bad.any():
            field_name = "planned_end" if e.planned_end is not None else "planned_start"
            state.problem(i, field_name, e.planned_end or e.planned_start,
                          "end_before_start_projects", count=int(bad.sum()),
                          ids=_ids_of(state, bad))
            return
    if e.status is not None:
        state.set_where("status", mask, e.status)
    if progress is not None:
        state.set_where("physical_progress_pct", mask, float(progress))
    for name in ("planned_start", "planned_end"):
        value = getattr(e, name)
        if value is not None:
            state.set_where(name, mask, value)
    shown = replace(e, physical_progress_pct=progress)
    n = int(mask.sum())
    state.add_log(i, e.kind, n, "scenario.log.set_projects", n=n,
                  changes=ByLang(changes_text(shown, "fa"), changes_text(shown, "en")))
    if n == 0:
        state.add_log(i, e.kind, 0, "scenario.log.no_match")


def _apply_cancel(state: EditState, i: int, e: Cancel) -> None:
    mask = state.select(i, e)
    if mask is None:
        return
    completed = state.status_is("completed")
    effective = mask & ~completed
    state.set_where("status", effective, "cancelled")
    n = int(effective.sum())
    state.add_log(i, e.kind, n, "scenario.log.cancel", n=n, skipped=int((mask & completed).sum()))
    if not mask.any():
        state.add_log(i, e.kind, 0, "scenario.log.no_match")


def _apply_postpone(state: EditState, i: int, e: Postpone) -> None:
    mask = state.select(i, e)
    if mask is None:
        return
    closed = state.status_is("completed", "cancelled")
    effective = mask & ~closed
    rows = np.flatnonzero(effective)
    new_values = {}
    for name in ("planned_start", "planned_end"):
        current = pd.Series(state.table.values_at(name, rows), dtype=object)
        shifted, bad = shift_dates(current, e.months)
        if bad:
            state.problem(i, "months", e.months, "date_out_of_range", dates=bad[:3])
            return
        new_values[name] = shifted
    for name, values in new_values.items():
        state.table.set_rows(name, rows, values)
    n = int(effective.sum())
    state.add_log(i, e.kind, n, "scenario.log.postpone", n=n, months=e.months,
                  skipped=int((mask & closed).sum()))
    if not mask.any():
        state.add_log(i, e.kind, 0, "scenario.log.no_match")


def _apply_add_project(state: EditState, i: int, e: AddProject) -> None:
    code = state.county(i, "county", e.county)
    project_id = e.id or f"{HYP_PREFIX}{i + 1:03d}"
    if state.table.equals("project_id", project_id).any():
        state.problem(i, "id", project_id, "duplicate_id")
        return
    if code is None:
        return
    progress = e.physical_progress_pct
    if progress is None:
        progress = 100.0 if e.status == "completed" else 0.0
    row = {
        "project_id": [project_id], "county_code": [code], "title_fa": [e.title_fa],
        "title_en": [e.title_en], "sector": [e.sector], "status": [e.status],
        "physical_progress_pct": [float(progress)],
        "budget_billion_rials": [float(e.budget_billion_rials)],
        "funding_source": [e.funding_source], "expected_jobs": [int(e.expected_jobs)],
        "planned_start": [e.planned_start], "planned_end": [e.planned_end],
        "source": ["scenario"], "is_sample": [False], "is_hypothetical": [True],
    }
    state.append(row)
    state.add_log(i, e.kind, 1, "scenario.log.add_project", id=project_id, county=code,
                  budget=float(e.budget_billion_rials), jobs=int(e.expected_jobs))


def development_ranking(dataset: Any, codes: list[str] | None = None):
    """(county index, :class:`analytics.ranking.RankingResult`) of :data:`DEVELOPMENT_SPEC`
    for ``dataset``'s counties: what ``deprivation_by: development_rank`` and ``to_level``
    read (``result.levels``: developed / semi_developed / deprived by mean ± sd)."""
    from analytics.ranking import rank_all_methods

    codes = codes if codes is not None else [str(c) for c in dataset.counties["code"]]
    frame = indicator_wide(dataset.indicators, codes, names=tuple(DEVELOPMENT_SPEC))
    frame = frame[list(DEVELOPMENT_SPEC)]
    return frame.index, rank_all_methods(frame, DEVELOPMENT_SPEC)


def level_counties(dataset: Any, level: str) -> list[str]:
    """The counties of development ``level`` (``deprived``: محروم) in
    :func:`development_ranking`, in the dataset's order."""
    _, result = development_ranking(dataset)
    return [str(c) for c in dataset.counties["code"] if result.levels.get(c) == level]


def _development_ranking(state: EditState):
    """:func:`development_ranking`, computed once per scenario run."""
    if state.cache.get("development") is None:
        state.cache["development"] = development_ranking(state.dataset, state.codes)
    return state.cache["development"]


def _development_rank(state: EditState) -> pd.Series:
    index, result = _development_ranking(state)
    return result.consensus.rank(ascending=False, method="min").reindex(index)


def _level_counties(state: EditState, i: int, level: str) -> list[str] | None:
    """The counties of development level ``level`` (``deprived``: محروم) in the ranking of
    :data:`DEVELOPMENT_SPEC` — levels by mean ± sd of the consensus score, as on the
    Ranking page (:func:`analytics.ranking.rank_all_methods`); counties the ranking leaves
    out (missing or group figures) are never among them."""
    try:
        _, result = _development_ranking(state)
    except ValueError as err:
        state.problem(i, "to_level", level, "rank_failed", detail=str(err))
        return None
    return [c for c in state.codes if result.levels.get(c) == level]


def _shift_weights(state: EditState, i: int, e: ShiftBudget, recipients: list[str]
                   ) -> np.ndarray | None:
    if e.rule == "equal":
        return np.ones(len(recipients))
    if e.rule == "named":
        given = {}
        for name, w in e.weights or ():
            code = state.county(i, "weights", name)
            if code is not None:
                given[code] = given.get(code, 0.0) + w
        return np.array([given.get(c, 0.0) for c in recipients])
    if e.rule == "per_capita":
        label, values = "population", state.wide["population"]
    elif e.deprivation_by == "unemployment_rate":
        label, values = "unemployment_rate", state.wide["unemployment_rate"]
    else:
        label = "development_rank"
        try:
            values = _development_rank(state)
        except ValueError as err:
            state.problem(i, "deprivation_by", e.deprivation_by, "rank_failed", detail=str(err))
            return None
    weights = values.reindex(recipients).to_numpy(dtype=float, na_value=np.nan)
    missing = [c for c, w in zip(recipients, weights) if not np.isfinite(w) or w < 0]
    if missing:
        state.problem(i, "rule", e.rule, "missing_weight", indicator=label, counties=missing)
        return None
    if weights.sum() <= 0:
        state.problem(i, "rule", e.rule, "weights_zero")
        return None
    return weights


def _dominant(values: np.ndarray, weights: np.ndarray) -> str:
    codes, uniques = pd.factorize(pd.Series(values, dtype=object))
    totals = np.bincount(np.where(codes >= 0, codes, 0), weights=weights, minlength=len(uniques))
    return str(uniques[int(np.argmax(totals))])


def _dominant_of(state: EditState, column: str, rows: np.ndarray, weights: np.ndarray) -> str:
    """:func:`_dominant` of ``column`` at ``rows`` (sorted), on the cached integer codes
    of the baseline column: labels are numbered in order of first appearance among
    ``rows``, as :func:`pandas.factorize` numbers them, so sums and ties come out alike."""
    found = state.codes_at(column, rows)
    if found is None:
        return _dominant(state.table.values_at(column, rows), weights)
    codes, labels = found
    uniq, first = np.unique(codes, return_index=True)
    first, uniq = first[uniq >= 0], uniq[uniq >= 0]
    if not len(uniq):
        return _dominant(state.table.values_at(column, rows), weights)
    order = uniq[np.argsort(first, kind="stable")]
    rank = np.zeros(len(labels) + 1, dtype=np.int64)  # last slot: missing (−1) → 0
    rank[order] = np.arange(len(order))
    totals = np.bincount(rank[codes], weights=weights, minlength=len(order))
    return str(labels[int(order[int(np.argmax(totals))])])


def _apply_shift_budget(state: EditState, i: int, e: ShiftBudget) -> None:
    n_problems = len(state.problems)
    donors = (state.counties(i, "from", e.from_counties) if e.from_counties is not None
              else [state.centre])
    if e.rule == "named":
        recipients = state.counties(i, "weights", [c for c, _ in e.weights or ()])
    elif e.to_counties is not None:
        recipients = state.counties(i, "to", e.to_counties)
    elif e.to_level is not None:
        recipients = _level_counties(state, i, e.to_level)
        if recipients is not None and donors:
            recipients = [c for c in recipients if c not in donors]  # a donor gives only
    else:
        recipients = [c for c in state.codes if c not in (donors or [])]
    flt = state.resolved_filter(i, e.filter) if e.filter is not None else None
    if donors is None or recipients is None or len(state.problems) > n_problems:
        return
    overlap = [c for c in recipients if c in donors]
    if overlap:
        state.problem(i, "to", list(overlap), "overlap", counties=overlap)
        return
    if not recipients:
        state.problem(i, "to", "", "no_recipients")
        return
    weights = _shift_weights(state, i, e, recipients)
    if weights is None:
        return

    table = state.table
    pos = state.pos
    active = ~state.status_is("cancelled")
    is_donor = np.zeros(len(state.codes) + 1, dtype=bool)
    is_donor[state.code_index.get_indexer(donors)] = True
    is_donor[-1] = False
    donor_mask = active & is_donor[pos]
    if flt is not None:
        donor_mask &= state.filter_mask(flt)
    donor_rows = np.flatnonzero(donor_mask)
    budget = table.numbers("budget_billion_rials")
    moved = budget[donor_rows] * e.share
    total = float(moved.sum())
    if not total > 0:
        state.add_log(i, e.kind, 0, "scenario.log.shift_nothing")
        return

    allocation = total * weights / weights.sum()
    biggest = int(np.argmax(weights))
    allocation[biggest] = total - (allocation.sum() - allocation[biggest])
    if e.jobs == "average":
        n = len(state.codes)
        jobs = table.numbers("expected_jobs", missing=np.nan)
        job_sum = np.bincount(pos, weights=np.nan_to_num(jobs) * active, minlength=n)
        budget_sum = np.bincount(pos, weights=budget * active, minlength=n)
        rpos = state.code_index.get_indexer(recipients)
        with np.errstate(invalid="ignore", divide="ignore"):
            ratio = np.where(budget_sum[rpos] > 0, job_sum[rpos] / budget_sum[rpos], 0.0)
        new_jobs = np.rint(allocation * ratio).astype(np.int64)
    else:
        new_jobs = np.zeros(len(recipients), dtype=np.int64)
    sector = e.sector or _dominant_of(state, "sector", donor_rows, moved)
    funding = _dominant_of(state, "funding_source", donor_rows, moved)

    # donors: b' = b − share·b, taken from each project in proportion to its budget
    table.set_rows("budget_billion_rials", donor_rows, budget[donor_rows] - moved)
    if e.jobs == "average":
        table.set_rows("expected_jobs", donor_rows, np.rint(jobs[donor_rows] * (1 - e.share)))

    keep = allocation > 0
    k = int(keep.sum())
    codes = [c for c, ok in zip(recipients, keep) if ok]
    state.append({
        "project_id": [f"{REALLOC_PREFIX}{i + 1}-{c}" for c in codes],
        "county_code": codes,
        "title_fa": [t("scenario.realloc.title", "fa")] * k,
        "title_en": [t("scenario.realloc.title", "en")] * k,
        "sector": [sector] * k, "status": ["defined"] * k,
        "physical_progress_pct": [0.0] * k,
        "budget_billion_rials": [float(a) for a in allocation[keep]],
        "funding_source": [funding] * k,
        "expected_jobs": [int(j) for j in new_jobs[keep]],
        "source": ["scenario"] * k, "is_sample": [False] * k, "is_hypothetical": [True] * k,
    })
    state.add_log(i, e.kind, int(donor_mask.sum()), "scenario.log.shift_budget", amount=total,
                  share=e.share, donors=donors, n=k, rule=e.rule, sector=sector)


def _apply_assumptions(state: EditState, i: int, e: Assumptions) -> None:
    if e.counties is not None:
        codes = state.counties(i, "counties", e.counties)
        if codes is None:
            return
    elif e.group == "industrial":
        codes = [c for c in state.codes if c in INDUSTRIAL_COUNTIES]
    elif e.group == "other":
        codes = [c for c in state.codes if c not in INDUSTRIAL_COUNTIES]
    else:
        codes = list(state.codes)
    if e.m is not None:
        state.params.loc[codes, "m"] = float(e.m)
    if e.k is not None:
        state.params.loc[codes, "k"] = float(e.k)
    state.params.loc[codes, "assumption"] = f"edit {i + 1}"
    state.add_log(i, e.kind, 0, "scenario.log.assumptions", n=len(codes),
                  m="—" if e.m is None else f"{e.m:g}", k="—" if e.k is None else f"{e.k:g}")


_APPLY = {
    "set_projects": _apply_set_projects,
    "cancel": _apply_cancel,
    "postpone": _apply_postpone,
    "add_project": _apply_add_project,
    "shift_budget": _apply_shift_budget,
    "assumptions": _apply_assumptions,
}


def _labour(state: EditState) -> tuple[pd.DataFrame, np.ndarray]:
    """New direct jobs per county and the labour model on them."""
    n_base = len(state.baseline)
    now = state.status_is("completed")
    was = np.zeros(len(now), dtype=bool)
    was[:n_base] = state.base_completed
    new = now & ~was
    jobs = state.table.numbers("expected_jobs")
    new_jobs = np.bincount(state.pos[new], weights=jobs[new], minlength=len(state.codes))
    un_completed = int((was & ~now).sum())
    wide = state.wide
    labour_force = wide["labour_force"]
    unemployed = labour_force * wide["unemployment_rate"] / 100
    labour = labour_effect(pd.Series(new_jobs, index=state.code_index), unemployed,
                           labour_force, wide["population"], state.params["m"],
                           state.params["k"], wide["net_migration_rate"])
    labour.index.name = "code"
    labour.insert(0, "group", state.params["group"])
    labour["assumption"] = state.params["assumption"]
    positive = new_jobs > 0
    missing = [c for c, ok in zip(state.codes, labour["unemployment_rate_new"].notna()) if not ok]
    missing = [c for c, p in zip(state.codes, positive) if p and c in missing]
    state.add_log(None, "labour", int(new.sum()), "scenario.log.labour", jobs=float(new_jobs.sum()),
                  n=int(positive.sum()))
    if missing:
        state.add_log(None, "labour", 0, "scenario.log.labour_missing", counties=missing)
    if un_completed:
        state.add_log(None, "labour", un_completed, "scenario.log.un_completed", n=un_completed)
    return labour, positive & labour["unemployment_rate_new"].notna().to_numpy()


def _adjust_indicators(indicators: pd.DataFrame, labour: pd.DataFrame, touched: np.ndarray,
                       latest_rows: dict[tuple[str, str], int]) -> pd.DataFrame:
    """Indicators with the labour-model values written into the rows the panel reads."""
    out = shallow_copy(indicators)
    flags = np.zeros(len(out), dtype=bool)
    codes = list(labour.index[touched])
    new_values = {
        "unemployment_rate": labour["unemployment_rate_new"],
        "labour_force": labour["labour_force_new"],
        "net_migration_rate": labour["net_migration_rate_new"],
    }
    positions, values = [], []
    for name, column in new_values.items():
        for code in codes:
            row = latest_rows.get((code, name))
            if row is not None and pd.notna(column[code]):
                positions.append(row)
                values.append(float(column[code]))
    if positions:
        value = out["value"].to_numpy(dtype=float, copy=True)
        value[positions] = values
        out["value"] = value
        flags[positions] = True
        if "quality" in out:
            out["quality"] = where_scalar(out["quality"], flags, "estimate")
        if "source" in out:
            out["source"] = where_scalar(out["source"], flags, "scenario labour model (assumption)")
    out["scenario_adjusted"] = flags
    return out


def apply_scenario(dataset: Any, scenario: Scenario | Mapping) -> ScenarioResult:
    """Apply ``scenario`` (a :class:`Scenario` or its dict) to ``dataset`` (an
    :class:`store.loading.Dataset` or any object with ``projects``, ``indicators``,
    ``counties``, ``centre_code`` and ``resolver``).  The dataset is never changed.

    Raises :class:`ScenarioError` with every problem of every edit (none applied).
    """
    if not isinstance(scenario, Scenario):
        scenario = Scenario.from_dict(scenario)
    state = EditState(dataset)
    for i, edit in enumerate(scenario.edits):
        _APPLY[edit.kind](state, i, edit)
    if state.problems:
        raise ScenarioError(state.problems)
    projects = state.finish()
    labour, touched = _labour(state)
    indicators = _adjust_indicators(dataset.indicators, labour, touched, state.latest_rows)
    return ScenarioResult(projects=projects, indicators_adjusted=indicators,
                          labour=labour, log=tuple(state.log), scenario=scenario)


