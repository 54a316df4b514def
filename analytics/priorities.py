"""Priorities: score each county's driver projects, suggest its 2–3 picks, and say how robust
the picks are to the weights (issue 15).

Candidates are the projects that are neither completed nor cancelled (a completed project
needs no decision, a cancelled one is not on the table).  Each candidate gets five criteria,
computed from the registry and the county panel (:data:`CRITERIA`):

``jobs_per_budget`` (more is better)
    expected direct jobs per billion rials, J / B (B = ``budget_billion_rials``).  A
    project with no budget has no ratio: its normalised value is 0 (the worst) and it is
    flagged ``jobs_per_budget_missing``.
``readiness`` (more is better), in [0, 1]
    ¼·stage + ¼·physical progress/100 + ¼·financial progress/100 + ¼·funding secured, with
    stage (:data:`STAGE_SCORE`) defined 0, study ¼, stalled ½, in progress 1; financial
    progress missing → the physical progress; funding secured (:data:`FUNDING_SECURED`, a
    proxy: the registry has no "secured" column) national or provincial budget line 1,
    mixed or private ½.
``need`` (more is better), in [0, 1] — the county's, the same for all its projects
    mean of u' = (u − min u)/(max u − min u) over the counties' own unemployment rates and
    1 − d', d' the min-max scaled consensus development score of the Ranking page
    (:func:`analytics.ranking.rank_all_methods` over
    :data:`analytics.indicators.DEFAULT_RANKING_SPEC`, group values left out exactly as that
    page does).  A county whose figures are a larger unit's (quality ``group``, ▣: today's
    Isfahan, Harand, Varzaneh, Jarqavieh, Kuhpayeh) has no need of its own: it gets the mean
    need of the other counties and ``need_group`` True.  ``need_sample`` (✱) when any input
    of the county is a sample or an estimate.
``strategy_fit`` (more is better), in [0, 1] — the deputy's stated strategy
    knowledge-based/technology 1; skills training 1 beside industry (an industrial or
    migrant-magnet county), else ¾; trade/logistics/SEZ ¾ outside the centre, ¼ in it;
    industry in a migrant-magnet county (the ``industrial_magnet`` quadrant of
    :func:`analytics.labour.classify_labour_migration`, own figures only) 0 — more
    industrial labour demand draws migrants — or ½ when local hiring is assumed for the
    county; any other project ½, and ¼ in the province centre.  The reason is in
    ``strategy_reason``; ``strategy_fit_sample`` when the magnet reading rests on an
    estimated migration rate.
``cost_to_finish`` (less is better)
    billion rials still to spend, B·(1 − f/100), f the financial progress (physical when
    missing).

Normalisation is within the province (all candidates of all counties together, so a score
means the same in every county): benefit n = (x − min)/(max − min), cost n = (max − x)/(max −
min).  A criterion with one value for every candidate cannot discriminate: it is listed in
``constant`` and its weight is set to 0.

Methods (both from :mod:`analytics.ranking` — one implementation):

* ``weighted_sum``: S_i = Σ_j w_j n_ij (:func:`analytics.ranking.weighted_sum_matrix`);
  the contribution of criterion j is w_j n_ij, so the contributions add up to the score;
* ``topsis``: closeness C_i of :func:`analytics.ranking.topsis_matrix` on the normalised
  matrix (Hwang & Yoon 1981); the contributions shown are the same w_j n_ij, for reading.

Weights are the planner's (criteria left out weigh 0; they are rescaled to sum to 1).
Presets: :data:`PRESETS` ``equal`` and ``deputy`` (the deputy's strategy).

Robustness: ``draws`` weight vectors w_k = w ∘ (1 + ε_k), ε uniform in [−s, s] (s = 0.25),
rescaled to sum 1, from a seeded ``numpy.random.default_rng``; robustness of a candidate is
the share of draws in which it is among its county's top N (for a pick: it stays; for the
others: it would enter).  ``stable_share`` of a county is the share of draws in which its
whole shortlist is unchanged; below :data:`FLIP_THRESHOLD` the county ``flips``.  All draws
are scored with one matrix product per chunk; the top N of each county is found for all
draws at once with one ``numpy.partition`` per county (ties broken by project id, as in
the picks).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from analytics.indicators import DEFAULT_RANKING_SPEC, ranking_inputs
from analytics.labour import classify_labour_migration
from analytics.labour_model import INDUSTRIAL_COUNTIES
from analytics.panel import build_panel
from analytics.ranking import rank_all_methods, topsis_matrix, weighted_sum_matrix

__all__ = [
    "CRITERIA",
    "DEFAULT_DRAWS",
    "DEFAULT_PICKS",
    "DIRECTIONS",
    "FLIP_THRESHOLD",
    "FUNDING_SECURED",
    "METHODS",
    "PRESETS",
    "PriorityResult",
    "STAGE_SCORE",
    "STRATEGY_REASONS",
    "WeightsError",
    "criteria_table",
    "eligible",
    "parse_weights",
    "prioritise",
    "shortlist_scenario",
]

CRITERIA = ("jobs_per_budget", "readiness", "need", "strategy_fit", "cost_to_finish")
#: +1: more is better; -1: less is better.
DIRECTIONS = {"jobs_per_budget": 1, "readiness": 1, "need": 1, "strategy_fit": 1,
              "cost_to_finish": -1}
METHODS = ("weighted_sum", "topsis")
#: Weight presets: every criterion alike, and the deputy's stated strategy (strategy fit
#: first, then the county's need, then jobs for the money, readiness and cost).
PRESETS: dict[str, dict[str, float]] = {
    "equal": {c: 1.0 for c in CRITERIA},
    "deputy": {"jobs_per_budget": 2.0, "readiness": 1.0, "need": 2.0, "strategy_fit": 3.0,
               "cost_to_finish": 1.0},
}
STAGE_SCORE = {"defined": 0.0, "study": 0.25, "stalled": 0.5, "in_progress": 1.0}
FUNDING_SECURED = {"national": 1.0, "provincial": 1.0, "mixed": 0.5, "private": 0.5}
#: Why a project has its strategy fit (catalogue: the Priorities page).
STRATEGY_REASONS = ("knowledge", "skills_industry", "skills", "trade_outside", "trade_centre",
                    "industry_magnet", "industry_magnet_local", "industry", "centre", "other")
_FIT = {"knowledge": 1.0, "skills_industry": 1.0, "skills": 0.75, "trade_outside": 0.75,
        "trade_centre": 0.25, "industry_magnet": 0.0, "industry_magnet_local": 0.5,
        "industry": 0.5, "centre": 0.25, "other": 0.5}
DEFAULT_PICKS = 3
DEFAULT_DRAWS = 2000
DEFAULT_SPREAD = 0.25
FLIP_THRESHOLD = 0.75
_CHUNK_CELLS = 4_000_000  # draws × candidates scored at once (≈ 32 MB of float64)


class WeightsError(ValueError):
    """Weights that cannot be used: ``unknown`` criteria (with the known ones) or a bad value."""

    def __init__(self, message: str, unknown: Iterable[str] = ()):
        super().__init__(message)
        self.unknown = tuple(unknown)


def parse_weights(weights: Mapping[str, object]) -> dict[str, float]:
    """Criterion → weight from plain data (a JSON object).  Unknown criteria are refused
    naming the known ones; a weight must be a finite number ≥ 0; criteria left out weigh
    0 (a weight of 0 drops a criterion); at least one weight must be above 0."""
    if not isinstance(weights, Mapping):
        raise WeightsError("weights must be a JSON object of criterion → weight")
    unknown = [k for k in weights if k not in CRITERIA]
    if unknown:
        raise WeightsError(f"unknown criteria {unknown}; known criteria: {', '.join(CRITERIA)}",
                           unknown)
    out = {c: 0.0 for c in CRITERIA}
    for name, value in weights.items():
        if isinstance(value, bool) or not isinstance(value, (int, float)) \
                or not np.isfinite(value) or value < 0:
            raise WeightsError(f"weight of {name!r} must be a number ≥ 0, got {value!r}")
        out[name] = float(value)
    if sum(out.values()) <= 0:
        raise WeightsError("at least one criterion needs a weight above 0")
    return out


def eligible(projects: pd.DataFrame) -> np.ndarray:
    """Candidates: neither completed nor cancelled."""
    return ~projects["status"].isin(["completed", "cancelled"]).to_numpy(dtype=bool)


# ---------------------------------------------------------------------------
# Criteria
# ---------------------------------------------------------------------------


def _minmax(values: pd.Series) -> pd.Series:
    lo, hi = values.min(), values.max()
    if not np.isfinite(lo) or hi <= lo:
        return values * 0.0 + 0.5
    return (values - lo) / (hi - lo)


def _county_need(panel: pd.DataFrame, indicators: pd.DataFrame) -> pd.DataFrame:
    """need, need_sample, need_group, level, unemployment per county (see module docstring)."""
    values, flags = ranking_inputs(panel, indicators, list(DEFAULT_RANKING_SPEC),
                                   groups_as_missing=True)
    try:
        ranking = rank_all_methods(values, DEFAULT_RANKING_SPEC)
        development = ranking.consensus.reindex(panel.index)
        level = ranking.levels.reindex(panel.index)
    except ValueError:
        development = pd.Series(np.nan, panel.index)
        level = pd.Series(pd.NA, panel.index, dtype=object)
    unemployment = values["unemployment_rate"].reindex(panel.index)
    parts = pd.DataFrame({"u": _minmax(unemployment), "d": 1.0 - _minmax(development)})
    parts = parts.where(pd.concat([unemployment.notna(), development.notna()], axis=1)
                        .set_axis(["u", "d"], axis=1))
    need = parts.mean(axis=1, skipna=True)
    group = need.isna()
    need = need.fillna(need[~group].mean() if (~group).any() else 0.5)
    sample = flags.reindex(panel.index).fillna(True).any(axis=1)
    return pd.DataFrame({"need": need, "need_group": group.to_numpy(),
                         "need_sample": sample.to_numpy(), "level": level.to_numpy(),
                         "unemployment_rate": unemployment.to_numpy()}, index=panel.index)


def _magnets(panel: pd.DataFrame) -> tuple[set[str], set[str]]:
    """(migrant-magnet counties on their own figures, those resting on a sample/estimate)."""
    classified = classify_labour_migration(panel)
    own = classified[~classified["missing"] & ~classified["is_group"]]
    magnet = own.index[own["quadrant"] == "industrial_magnet"]
    return set(magnet), set(own.index[own["is_sample"] & own.index.isin(magnet)])


def criteria_table(projects: pd.DataFrame, indicators: pd.DataFrame, counties: pd.DataFrame,
                   local_hiring: Iterable[str] = ()) -> pd.DataFrame:
    """One row per candidate (not completed, not cancelled) with the raw value of every
    criterion (:data:`CRITERIA`), its data-quality flags and the county context.

    ``local_hiring``: county codes where local hiring is assumed (industry in a magnet
    county is then not counted against).  Rows are ordered by county, then project id.
    """
    panel = build_panel(projects, indicators, counties)
    need = _county_need(panel, indicators)
    magnets, magnet_sample = _magnets(panel)
    centre = set(panel.index[panel["is_centre"].astype(bool)])
    local = set(local_hiring)
    rows = projects[eligible(projects)]
    rows = rows.sort_values(["county_code", "project_id"], kind="stable").reset_index(drop=True)
    county = rows["county_code"].astype(str).to_numpy()
    sector = rows["sector"].astype(str).to_numpy()
    budget = pd.to_numeric(rows["budget_billion_rials"], errors="coerce").to_numpy(float)
    jobs = pd.to_numeric(rows["expected_jobs"], errors="coerce").to_numpy(float)
    physical = pd.to_numeric(rows["physical_progress_pct"], errors="coerce").fillna(0.0)
    financial = pd.to_numeric(rows.get("financial_progress_pct"), errors="coerce") \
        if "financial_progress_pct" in rows else pd.Series(np.nan, rows.index)
    financial = financial.fillna(physical).to_numpy(float)
    physical = physical.to_numpy(float)
    with np.errstate(divide="ignore", invalid="ignore"):
        per_budget = np.where(budget > 0, jobs / budget, np.nan)
    stage = rows["status"].map(STAGE_SCORE).fillna(0.0).to_numpy(float)
    funding = rows["funding_source"].map(FUNDING_SECURED).fillna(0.5).to_numpy(float)
    readiness = 0.25 * stage + 0.25 * physical / 100 + 0.25 * financial / 100 + 0.25 * funding
    in_magnet = np.isin(county, list(magnets))
    in_centre = np.isin(county, list(centre))
    industrial = in_magnet | np.isin(county, INDUSTRIAL_COUNTIES)
    reason = np.select(
        [sector == "knowledge_tech",
         (sector == "skills") & industrial, sector == "skills",
         (sector == "trade_logistics_sez") & ~in_centre, sector == "trade_logistics_sez",
         (sector == "industry") & in_magnet & np.isin(county, list(local)),
         (sector == "industry") & in_magnet, in_centre, sector == "industry"],
        ["knowledge", "skills_industry", "skills", "trade_outside", "trade_centre",
         "industry_magnet_local", "industry_magnet", "centre", "industry"], default="other")
    fit = pd.Series(reason).map(_FIT).to_numpy(float)
    is_sample = rows["is_sample"].astype("boolean").fillna(True).to_numpy(dtype=bool)
    by_county = need.reindex(county)
    out = pd.DataFrame({
        "project_id": rows["project_id"].astype(str), "county_code": county,
        "title_fa": rows["title_fa"],
        "title_en": rows["title_en"] if "title_en" in rows else rows["title_fa"],
        "sector": sector, "status": rows["status"].astype(str),
        "budget_billion_rials": budget, "expected_jobs": jobs,
        "jobs_per_budget": per_budget, "readiness": readiness,
        "need": by_county["need"].to_numpy(float),
        "strategy_fit": fit, "cost_to_finish": budget * (1 - financial / 100),
        "strategy_reason": reason, "is_sample": is_sample,
        "jobs_per_budget_missing": np.isnan(per_budget),
        "need_group": by_county["need_group"].to_numpy(dtype=bool),
        "need_sample": by_county["need_sample"].to_numpy(dtype=bool),
        "strategy_fit_sample": np.isin(county, list(magnet_sample))
        & np.isin(sector, ["industry", "skills"]),
        "level": by_county["level"].to_numpy(), "is_centre": in_centre,
        "is_magnet": in_magnet,
    })
    out.attrs["counties"] = list(panel.index)
    return out


# ---------------------------------------------------------------------------
# Scores, picks, robustness
# ---------------------------------------------------------------------------


def _normalised(criteria: pd.DataFrame) -> tuple[np.ndarray, list[str]]:
    """Min-max within the province, higher better; constant criteria listed."""
    raw = criteria[list(CRITERIA)].to_numpy(float)
    lo, hi = np.nanmin(raw, axis=0), np.nanmax(raw, axis=0)
    span = hi - lo
    constant = [c for c, s in zip(CRITERIA, span) if not np.isfinite(s) or s <= 0]
    safe = np.where(span > 0, span, 1.0)
    direction = np.array([DIRECTIONS[c] for c in CRITERIA], dtype=float)
    scaled = np.where(direction > 0, raw - lo, hi - raw) / safe
    scaled = np.where(np.isnan(scaled), 0.0, scaled)  # no ratio → worst
    scaled[:, [CRITERIA.index(c) for c in constant]] = 0.0
    return np.clip(scaled, 0.0, 1.0), constant


def _score(scaled: np.ndarray, weights: np.ndarray, method: str) -> np.ndarray:
    if method == "weighted_sum":
        return weighted_sum_matrix(scaled, weights)
    used = np.asarray(weights).reshape(-1, scaled.shape[1]).max(axis=0) > 0
    return topsis_matrix(scaled[:, used], np.ones(int(used.sum())),
                         np.asarray(weights)[..., used])


def _group_positions(codes: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(group index per row, first row of each group, group labels) — rows sorted by group."""
    labels, first, index = np.unique(codes, return_index=True, return_inverse=True)
    return index, first, labels


def _ranks_within(scores: np.ndarray, group: np.ndarray, first: np.ndarray) -> np.ndarray:
    """0-based rank of each row within its group, per row of ``scores`` (k, n): highest
    score first, ties by row order (rows are sorted by project id within a county)."""
    key = group[None, :] * 3.0 - np.clip(scores, 0.0, 1.0)
    order = np.argsort(key, axis=1, kind="stable")
    ranks = np.empty_like(order)
    positions = np.arange(scores.shape[1])[None, :] - first[group[order]]
    np.put_along_axis(ranks, order, positions, axis=1)
    return ranks


@dataclass(frozen=True)
class PriorityResult:
    """``table``: one row per candidate (criteria raw, ``<c>_norm``, ``<c>_contribution``,
    ``score``, ``rank`` within the county, ``pick``, ``robustness`` and the flags of
    :func:`criteria_table`), by county then rank.  ``counties``: per county with
    candidates — ``n_candidates``, ``n_picks``, ``picks`` (ids), ``stable_share``,
    ``flips``.  ``weights``: the rescaled weights actually used (constant criteria at 0)."""

    table: pd.DataFrame
    counties: pd.DataFrame
    weights: pd.Series
    method: str
    n_picks: int
    draws: int
    spread: float
    constant: tuple[str, ...]

    def picks(self, county: str) -> list[str]:
        return list(self.counties.at[county, "picks"]) if county in self.counties.index else []

    def county_table(self, county: str) -> pd.DataFrame:
        return self.table[self.table["county_code"] == county]


def prioritise(criteria: pd.DataFrame, weights: Mapping[str, float] | None = None,
               method: str = "weighted_sum", n_picks: int = DEFAULT_PICKS,
               draws: int = DEFAULT_DRAWS, spread: float = DEFAULT_SPREAD,
               seed: int = 0) -> PriorityResult:
    """Scores, per-county picks and robustness of the candidates of :func:`criteria_table`
    (see the module docstring).  ``weights`` default: the ``equal`` preset."""
    if method not in METHODS:
        raise ValueError(f"unknown method {method!r}; choose from {', '.join(METHODS)}")
    if not isinstance(n_picks, (int, np.integer)) or n_picks < 1:
        raise ValueError("picks must be a whole number ≥ 1")
    if not 0 <= spread < 1:
        raise ValueError("spread must be in [0, 1)")
    given = parse_weights(PRESETS["equal"] if weights is None else weights)
    table = criteria.sort_values(["county_code", "project_id"], kind="stable") \
        .reset_index(drop=True)
    scaled, constant = _normalised(table) if len(table) else (np.zeros((0, 5)), [])
    w = np.array([0.0 if c in constant else given[c] for c in CRITERIA])
    if w.sum() <= 0:
        raise WeightsError("no weighted criterion tells the candidates apart "
                           f"(same value everywhere: {', '.join(constant)})")
    w = w / w.sum()
    group, first, labels = _group_positions(table["county_code"].to_numpy(str))
    if len(table):
        score = _score(scaled, w, method)
        rank = _ranks_within(score[None, :], group, first)[0]
    else:
        score, rank = np.zeros(0), np.zeros(0, dtype=int)
    for j, c in enumerate(CRITERIA):
        table[f"{c}_norm"] = scaled[:, j]
        table[f"{c}_contribution"] = w[j] * scaled[:, j]
    table["score"] = score
    table["rank"] = rank + 1
    table["pick"] = rank < n_picks
    robustness, stable = _robustness(scaled, w, method, group, first, len(labels),
                                     table["pick"].to_numpy(bool), n_picks, draws, spread, seed)
    table["robustness"] = robustness
    table = table.sort_values(["county_code", "rank"], kind="stable").reset_index(drop=True)
    counties = pd.DataFrame({
        "n_candidates": np.bincount(group, minlength=len(labels)),
        "stable_share": stable}, index=pd.Index(labels, name="county_code"))
    picked = table[table["pick"]]
    grouped = picked.groupby("county_code", sort=False)["project_id"].agg(list)
    counties["picks"] = [grouped.get(c, []) for c in labels]
    counties["n_picks"] = counties["picks"].map(len)
    counties["flips"] = counties["stable_share"] < FLIP_THRESHOLD
    return PriorityResult(table=table, counties=counties,
                          weights=pd.Series(w, index=list(CRITERIA), name="weight"),
                          method=method, n_picks=int(n_picks), draws=int(draws),
                          spread=float(spread), constant=tuple(constant))


def _in_top(scores: np.ndarray, first: np.ndarray, n_rows: int, n_picks: int) -> np.ndarray:
    """(k, n) bool: row in its county's top ``n_picks`` for each of the k score rows — the
    same answer as :func:`_ranks_within` ``< n_picks`` (ties by row order), by one
    ``numpy.partition`` per county across all draws instead of a full sort."""
    top = np.zeros(scores.shape, dtype=bool)
    bounds = [*first.tolist(), n_rows]
    for a, b in zip(bounds[:-1], bounds[1:]):
        block = scores[:, a:b]
        if b - a <= n_picks:
            top[:, a:b] = True
            continue
        threshold = -np.partition(-block, n_picks - 1, axis=1)[:, n_picks - 1:n_picks]
        above = block > threshold
        equal = block == threshold
        room = n_picks - above.sum(axis=1, keepdims=True)
        top[:, a:b] = above | (equal & (np.cumsum(equal, axis=1) <= room))
    return top


def _robustness(scaled: np.ndarray, w: np.ndarray, method: str, group: np.ndarray,
                first: np.ndarray, n_groups: int, pick: np.ndarray, n_picks: int, draws: int,
                spread: float, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """(share of draws each candidate is in its county's top N, share of draws each
    county's shortlist is unchanged) — see the module docstring.  Rows are sorted by
    county (``first``: each county's first row)."""
    n = scaled.shape[0]
    if n == 0 or draws <= 0:
        return np.full(n, np.nan), np.full(n_groups, np.nan)
    rng = np.random.default_rng(seed)
    factors = rng.uniform(1 - spread, 1 + spread, size=(draws, len(w)))
    batch = w * factors
    batch /= batch.sum(axis=1, keepdims=True)
    one_hot = np.zeros((n, n_groups))
    one_hot[np.arange(n), group] = pick
    wanted = one_hot.sum(axis=0)
    in_top = np.zeros(n)
    unchanged = np.zeros(n_groups)
    step = max(1, _CHUNK_CELLS // max(n, 1))
    for start in range(0, draws, step):
        chunk = batch[start:start + step]
        scores = np.atleast_2d(_score(scaled, chunk, method))
        top = _in_top(np.ascontiguousarray(scores), first, n, n_picks)
        in_top += top.sum(axis=0)
        unchanged += ((top @ one_hot) == wanted).sum(axis=0)
    return in_top / draws, unchanged / draws


# ---------------------------------------------------------------------------
# "What if only the shortlists go ahead"
# ---------------------------------------------------------------------------


def shortlist_scenario(projects: pd.DataFrame, shortlists: Mapping[str, Iterable[str]],
                       others: str = "postpone", months: int = 12, name: str = "",
                       description: str = ""):
    """A :class:`~analytics.scenario.Scenario` in which, in every county with a shortlist,
    the candidates (neither completed nor cancelled) not on it are postponed by ``months``
    (``others="postpone"``) or cancelled (``"cancel"``).  Counties without a shortlist and
    completed or cancelled projects are left as they are.  One edit per county, with the
    county code as its note."""
    from analytics.scenario import Cancel, Postpone, Scenario

    if others not in ("postpone", "cancel"):
        raise ValueError("others must be 'postpone' or 'cancel'")
    open_rows = projects[eligible(projects)]
    edits = []
    for county in sorted(shortlists):
        kept = set(shortlists[county])
        rest = [str(p) for p in open_rows.loc[open_rows["county_code"] == county, "project_id"]
                if str(p) not in kept]
        if not rest:
            continue
        if others == "cancel":
            edits.append(Cancel(ids=tuple(rest), note=county))
        else:
            edits.append(Postpone(ids=tuple(rest), months=int(months), note=county))
    return Scenario(edits=tuple(edits), name=name, description=description)
