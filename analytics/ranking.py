"""Composite development indices of counties by several methods, and their agreement.

Input is a DataFrame ``indicators`` indexed by county code with one float column per
indicator (NaN allowed), and a ``spec`` giving each chosen indicator a direction (+1 = more
is more developed, -1 = more is less developed, e.g. unemployment) and a weight (default
equal).  Accepted spec forms (see :func:`normalise_spec`):

* ``{"literacy": 1, "unemployment": -1}`` - directions, equal weights;
* ``{"literacy": (1, 2.0), ...}`` or ``{"literacy": {"direction": 1, "weight": 2.0}, ...}``;
* a DataFrame indexed by indicator with columns ``direction`` and optional ``weight``.

Weights are rescaled to sum to 1.  Every scoring function returns a Series indexed by county
where higher = more developed.  Scoring functions refuse NaN; :func:`rank_all_methods` ranks
only counties with every chosen indicator and reports the others in ``excluded`` — nothing is
silently dropped or imputed.  A constant indicator (same value in every county) is refused
too, because it cannot discriminate and makes z-scores / min-max undefined.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

__all__ = [
    "LEVELS",
    "METHODS",
    "RankingResult",
    "check_coverage",
    "delta_ranking",
    "entropy_weights",
    "hellwig_degree",
    "hellwig_levels",
    "hellwig_taxonomy",
    "levels_by_mean_sd",
    "morris_index",
    "normalise_spec",
    "rank_all_methods",
    "topsis",
    "topsis_matrix",
    "weighted_sum_matrix",
    "zscore_sum",
]

#: Stable level ids, most to least developed (UI: برخوردار / نیمه‌برخوردار / محروم).
LEVELS = ("developed", "semi_developed", "deprived")


# ---------------------------------------------------------------------------
# Spec and input validation
# ---------------------------------------------------------------------------


def _spec_entry(name: str, value: Any) -> tuple[float, float]:
    """(direction, weight) from one spec value."""
    if isinstance(value, Mapping):
        direction, weight = value.get("direction"), value.get("weight", 1.0)
    elif isinstance(value, (tuple, list)):
        if len(value) != 2:
            raise ValueError(f"spec[{name!r}] must be (direction, weight)")
        direction, weight = value
    else:
        direction, weight = value, 1.0
    return direction, weight


def normalise_spec(spec: Any) -> pd.DataFrame:
    """Spec as a DataFrame indexed by indicator: direction (+1/-1, int), weight (sums to 1)."""
    if isinstance(spec, pd.DataFrame):
        if "direction" not in spec.columns:
            raise ValueError("spec DataFrame needs a 'direction' column")
        weights = spec["weight"] if "weight" in spec.columns else pd.Series(1.0, spec.index)
        entries = {k: (spec.at[k, "direction"], weights[k]) for k in spec.index}
    elif isinstance(spec, Mapping):
        entries = {k: _spec_entry(k, v) for k, v in spec.items()}
    else:
        raise TypeError("spec must be a mapping or a DataFrame")
    if not entries:
        raise ValueError("spec names no indicator")
    frame = pd.DataFrame.from_dict(entries, orient="index", columns=["direction", "weight"])
    if not frame["direction"].isin([1, -1]).all():
        bad = frame.index[~frame["direction"].isin([1, -1])].tolist()
        raise ValueError(f"direction must be +1 or -1; invalid for {bad}")
    weight = pd.to_numeric(frame["weight"], errors="coerce")
    if weight.isna().any() or (weight < 0).any() or not np.isfinite(weight).all():
        raise ValueError("weights must be finite and non-negative")
    if weight.sum() <= 0:
        raise ValueError("weights sum to zero")
    frame["direction"] = frame["direction"].astype(int)
    frame["weight"] = weight / weight.sum()
    return frame


def _select(indicators: pd.DataFrame, spec: pd.DataFrame) -> pd.DataFrame:
    """Numeric columns of ``indicators`` named by the spec; unique county index."""
    if not isinstance(indicators, pd.DataFrame):
        raise TypeError("indicators must be a DataFrame indexed by county")
    missing = [c for c in spec.index if c not in indicators.columns]
    if missing:
        raise ValueError(f"indicators lack columns named in spec: {missing}")
    if indicators.index.has_duplicates:
        dup = indicators.index[indicators.index.duplicated()].unique().tolist()
        raise ValueError(f"duplicate county codes in indicators: {dup}")
    frame = indicators[list(spec.index)]
    try:
        return frame.astype(float)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"indicators must be numeric: {exc}") from None


def _prepare(indicators: pd.DataFrame, spec: Any) -> tuple[pd.DataFrame, np.ndarray, np.ndarray]:
    """(complete numeric table, directions, weights) for a scoring method."""
    spec = normalise_spec(spec)
    frame = _select(indicators, spec)
    if frame.isna().to_numpy().any():
        incomplete = frame.index[frame.isna().any(axis=1)].tolist()
        raise ValueError(
            f"indicators missing for counties {incomplete}; use rank_all_methods or "
            "check_coverage to exclude them explicitly"
        )
    if not np.isfinite(frame.to_numpy()).all():
        raise ValueError("indicators contain infinite values")
    if len(frame) < 2:
        raise ValueError("at least 2 counties are needed to rank")
    constant = frame.columns[frame.nunique() < 2].tolist()
    if constant:
        raise ValueError(
            f"indicators {constant} have the same value in every county and cannot "
            "discriminate; remove them from the spec"
        )
    return frame, spec["direction"].to_numpy(float), spec["weight"].to_numpy(float)


def _zscores(frame: pd.DataFrame) -> np.ndarray:
    """z_ij = (x_ij - mean_j) / sd_j with the population sd (ddof = 0)."""
    values = frame.to_numpy(float)
    return (values - values.mean(axis=0)) / values.std(axis=0, ddof=0)


def check_coverage(indicators: pd.DataFrame, columns: Sequence[str] | None = None) -> pd.DataFrame:
    """Every missing (county, indicator) pair, as a DataFrame with those two columns.

    ``columns`` restricts the check to the chosen indicators (default: all columns).
    """
    frame = indicators if columns is None else indicators[list(columns)]
    mask = frame.isna().to_numpy()
    rows, cols = np.nonzero(mask)
    return pd.DataFrame(
        {"county": frame.index[rows].tolist(), "indicator": frame.columns[cols].tolist()},
        columns=["county", "indicator"],
    )


# ---------------------------------------------------------------------------
# Scoring methods (higher = more developed)
# ---------------------------------------------------------------------------


def zscore_sum(indicators: pd.DataFrame, spec: Any) -> pd.Series:
    """Weighted sum of signed z-scores: S_i = sum_j w_j d_j z_ij.

    z_ij = (x_ij - mean_j) / sd_j (population sd, ddof = 0), d_j = direction, sum w_j = 1.
    Reference: OECD/JRC (2008), "Handbook on Constructing Composite Indicators:
    Methodology and User Guide", section 5 (standardisation).
    """
    frame, direction, weight = _prepare(indicators, spec)
    return pd.Series(_zscores(frame) @ (weight * direction), frame.index, name="zscore_sum")


def morris_index(indicators: pd.DataFrame, spec: Any) -> pd.Series:
    """Morris development index in [0, 100].

    I_ij = (x_ij - min_j) / (max_j - min_j) for d_j = +1 and (max_j - x_ij) / (max_j - min_j)
    for d_j = -1; M_i = 100 * sum_j w_j I_ij (weighted mean, sum w_j = 1).
    Reference: Morris, M. D. (1979), "Measuring the Condition of the World's Poor: The
    Physical Quality of Life Index".
    """
    frame, direction, weight = _prepare(indicators, spec)
    values = frame.to_numpy(float)
    lo, hi = values.min(axis=0), values.max(axis=0)
    scaled = np.where(direction > 0, values - lo, hi - values) / (hi - lo)
    return pd.Series(100.0 * weighted_sum_matrix(scaled, weight), frame.index, name="morris")


def hellwig_degree(indicators: pd.DataFrame, spec: Any) -> pd.Series:
    """Hellwig development degree F_i (lower = more developed; typically in [0, 1]).

    z_ij = d_j (x_ij - mean_j) / sd_j (ddof = 0); ideal z_oj = max_i z_ij;
    C_io = sqrt( sum_j w_j (z_ij - z_oj)^2 ); C_o = mean(C_io) + 2 sd(C_io) (ddof = 0);
    F_i = C_io / C_o.  (Weights summing to 1 rescale every C_io alike, so with equal weights
    F is exactly the unweighted Hellwig measure.)
    Reference: Hellwig, Z. (1968), "Zastosowanie metody taksonomicznej do typologicznego
    podzialu krajow ze wzgledu na poziom ich rozwoju", Przeglad Statystyczny 15(4);
    Pluta, W. (1986), "Wielowymiarowa analiza porownawcza w modelowaniu ekonometrycznym".
    """
    frame, direction, weight = _prepare(indicators, spec)
    z = _zscores(frame) * direction
    distance = np.sqrt(((z - z.max(axis=0)) ** 2) @ weight)
    c_o = distance.mean() + 2.0 * distance.std(ddof=0)
    return pd.Series(distance / c_o, frame.index, name="hellwig_f")


def hellwig_taxonomy(indicators: pd.DataFrame, spec: Any) -> pd.Series:
    """Hellwig taxonomy score 1 - F_i (higher = more developed); F from :func:`hellwig_degree`.

    Reference: Hellwig, Z. (1968), Przeglad Statystyczny 15(4); Pluta, W. (1986).
    """
    return (1.0 - hellwig_degree(indicators, spec)).rename("hellwig")


def levels_by_mean_sd(score: pd.Series, higher_is_better: bool = True) -> pd.Series:
    """Three development levels by mean +/- one standard deviation (ddof = 0) of ``score``.

    For higher-is-better scores: score > mean + sd -> "developed", score < mean - sd ->
    "deprived", otherwise "semi_developed" (mirrored when lower is better).  This is the
    grouping commonly applied to Hellwig's F in the Iranian regional-planning literature.
    """
    values = score.to_numpy(float) * (1.0 if higher_is_better else -1.0)
    mean, sd = values.mean(), values.std(ddof=0)
    level = np.where(
        values > mean + sd, LEVELS[0], np.where(values < mean - sd, LEVELS[2], LEVELS[1])
    )
    return pd.Series(level, score.index, name="level")


def hellwig_levels(indicators: pd.DataFrame, spec: Any) -> pd.Series:
    """Levels from Hellwig's F by mean +/- sd: F < mean - sd developed, F > mean + sd deprived.

    Hellwig (1968) and Pluta (1986) define the cut-off C_o = mean + 2 sd used to scale F;
    the Iranian literature groups counties by mean +/- sd of F, which is implemented here.
    """
    return levels_by_mean_sd(hellwig_degree(indicators, spec), higher_is_better=False)


def entropy_weights(indicators: pd.DataFrame, spec: Any = None) -> pd.Series:
    """Shannon-entropy objective weights, summing to 1.

    Each column is min-max shifted to be non-negative: r_ij = (x_ij - min_j) / (max_j - min_j)
    (with ``spec``, negative-direction columns use (max_j - x_ij) / (max_j - min_j));
    p_ij = r_ij / sum_i r_ij; E_j = -k sum_i p_ij ln p_ij with k = 1 / ln(n) and 0 ln 0 = 0;
    d_j = 1 - E_j; w_j = d_j / sum_j d_j.  A constant column carries no information: d_j = 0.
    Reference: Shannon, C. E. (1948), "A mathematical theory of communication"; Hwang, C. L.
    & Yoon, K. (1981), "Multiple Attribute Decision Making", section on entropy weighting.
    """
    if spec is None:
        spec = {c: 1 for c in indicators.columns}
    spec = normalise_spec(spec)
    frame = _select(indicators, spec)
    if frame.isna().to_numpy().any() or not np.isfinite(frame.to_numpy()).all():
        raise ValueError("entropy_weights needs complete, finite indicators")
    if len(frame) < 2:
        raise ValueError("entropy_weights needs at least 2 counties")
    values = frame.to_numpy(float)
    lo, hi = values.min(axis=0), values.max(axis=0)
    span = np.where(hi > lo, hi - lo, 1.0)
    r = np.where(spec["direction"].to_numpy() > 0, values - lo, hi - values) / span
    totals = r.sum(axis=0)
    p = np.divide(r, totals, out=np.zeros_like(r), where=totals > 0)
    plogp = np.where(p > 0, p * np.log(np.where(p > 0, p, 1.0)), 0.0)
    entropy = np.where(totals > 0, -plogp.sum(axis=0) / math.log(len(frame)), 1.0)
    diversity = 1.0 - entropy
    if diversity.sum() <= 0:
        raise ValueError("every indicator is constant; entropy weights are undefined")
    return pd.Series(diversity / diversity.sum(), frame.columns, name="entropy_weight")


def topsis_matrix(values: np.ndarray, direction: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """TOPSIS closeness C_i in [0, 1] of a plain matrix — the one TOPSIS implementation
    (:func:`topsis` for counties, :mod:`analytics.priorities` for projects).

    ``values``: alternatives × criteria (finite, not all zero in a column); ``direction``:
    +1/-1 per criterion; ``weights``: one non-negative weight vector (m,) or a batch (k, m)
    — the batch gives a (k, n) array, one row per weight vector (used for the perturbation
    draws without a Python loop).

    r_ij = x_ij / sqrt(sum_i x_ij^2) (vector normalisation); v_ij = w_j r_ij;
    ideal A+_j = max_i v_ij for d_j = +1 (min for -1), anti-ideal A-_j the opposite;
    D+_i = ||v_i - A+||, D-_i = ||v_i - A-||; C_i = D-_i / (D+_i + D-_i).  Because w_j >= 0,
    max_i w_j r_ij = w_j max_i r_ij, so D+_i^2 = sum_j w_j^2 (r_ij - r+_j)^2 — a matrix
    product of (r - r+)^2 with w^2.
    Reference: Hwang, C. L. & Yoon, K. (1981), "Multiple Attribute Decision Making: Methods
    and Applications", Springer.
    """
    values = np.asarray(values, dtype=float)
    direction = np.asarray(direction, dtype=float)
    weights = np.asarray(weights, dtype=float)
    norms = np.sqrt((values**2).sum(axis=0))
    r = values / np.where(norms > 0, norms, 1.0)
    best = np.where(direction > 0, r.max(axis=0), r.min(axis=0))
    worst = np.where(direction > 0, r.min(axis=0), r.max(axis=0))
    w2 = (weights**2).T  # (m,) or (m, k)
    d_plus = np.sqrt(np.maximum(((r - best) ** 2) @ w2, 0.0))
    d_minus = np.sqrt(np.maximum(((r - worst) ** 2) @ w2, 0.0))
    total = d_plus + d_minus
    if np.any(total == 0):
        raise ValueError("TOPSIS is undefined: every weighted criterion is equal across "
                         "the alternatives")
    closeness = d_minus / total
    return closeness.T if weights.ndim == 2 else closeness


def topsis(indicators: pd.DataFrame, spec: Any, weighting: str = "spec") -> pd.Series:
    """TOPSIS closeness to the ideal solution, C_i in [0, 1] (1 = ideal), by
    :func:`topsis_matrix` on the counties' indicators.

    r_ij = x_ij / sqrt(sum_i x_ij^2) (vector normalisation); v_ij = w_j r_ij with w the spec
    weights (``weighting="spec"``) or :func:`entropy_weights` (``weighting="entropy"``);
    ideal A+_j = max_i v_ij for d_j = +1 (min for -1), anti-ideal A-_j the opposite;
    D+_i = ||v_i - A+||, D-_i = ||v_i - A-||; C_i = D-_i / (D+_i + D-_i).
    Reference: Hwang, C. L. & Yoon, K. (1981), "Multiple Attribute Decision Making: Methods
    and Applications", Springer.
    """
    frame, direction, weight = _prepare(indicators, spec)
    if weighting == "entropy":
        weight = entropy_weights(frame, spec).to_numpy(float)
    elif weighting != "spec":
        raise ValueError(f"weighting must be 'spec' or 'entropy', got {weighting!r}")
    try:
        closeness = topsis_matrix(frame.to_numpy(float), direction, weight)
    except ValueError:
        raise ValueError("TOPSIS is undefined: every weighted indicator is equal across "
                         "counties") from None
    return pd.Series(closeness, frame.index, name="topsis")


def weighted_sum_matrix(scaled: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """Simple additive weighting S_i = sum_j w_j s_ij of an already scaled matrix (each
    criterion in [0, 1], higher better) — the additive form of :func:`morris_index`.

    ``weights``: one vector (m,) → (n,), or a batch (k, m) → (k, n).
    Reference: Hwang & Yoon (1981), "Multiple Attribute Decision Making", simple additive
    weighting (SAW); Morris (1979) for the min-max scaling.
    """
    scaled = np.asarray(scaled, dtype=float)
    return np.asarray(weights, dtype=float) @ scaled.T


#: Method name -> scoring function (higher = more developed).
METHODS: dict[str, Callable[..., pd.Series]] = {
    "zscore_sum": zscore_sum,
    "morris": morris_index,
    "hellwig": hellwig_taxonomy,
    "topsis": topsis,
}


# ---------------------------------------------------------------------------
# All methods together
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class RankingResult:
    """Scores, ranks and their agreement across methods, plus excluded counties.

    scores / ranks: county x method (rank 1 = most developed, ties share the lowest rank);
    stability: best_rank, worst_rank, spread, rank_std, mean_rank per county;
    excluded: county, missing_indicators (list), n_missing;
    consensus: mean over methods of min-max normalised scores, in [0, 1];
    levels: "developed" / "semi_developed" / "deprived" from ``consensus`` by mean +/- sd.
    """

    scores: pd.DataFrame
    ranks: pd.DataFrame
    stability: pd.DataFrame
    excluded: pd.DataFrame
    consensus: pd.Series
    levels: pd.Series


def _excluded(frame: pd.DataFrame) -> pd.DataFrame:
    """Counties with at least one missing chosen indicator, and which ones."""
    gaps = check_coverage(frame)
    grouped = gaps.groupby("county", sort=False)["indicator"].agg(list)
    return pd.DataFrame(
        {
            "county": grouped.index.tolist(),
            "missing_indicators": grouped.tolist(),
            "n_missing": [len(v) for v in grouped],
        },
        columns=["county", "missing_indicators", "n_missing"],
    )


def _rank(scores: pd.DataFrame | pd.Series) -> pd.DataFrame | pd.Series:
    """1 = highest score; ties share the smallest rank ("min")."""
    return scores.rank(ascending=False, method="min").astype(int)


def _stability(ranks: pd.DataFrame) -> pd.DataFrame:
    best, worst = ranks.min(axis=1), ranks.max(axis=1)
    return pd.DataFrame(
        {
            "best_rank": best,
            "worst_rank": worst,
            "spread": worst - best,
            "rank_std": ranks.std(axis=1, ddof=0),
            "mean_rank": ranks.mean(axis=1),
        }
    )


def _consensus(scores: pd.DataFrame) -> pd.Series:
    """Mean over methods of (score - min) / (max - min); a constant method counts 0.5."""
    lo, hi = scores.min(), scores.max()
    span = (hi - lo).where(hi > lo)
    normalised = ((scores - lo) / span).fillna(0.5)
    return normalised.mean(axis=1).rename("consensus")


def _run_method(
    frame: pd.DataFrame, spec: pd.DataFrame, method: str, options: Mapping
) -> pd.Series:
    if method not in METHODS:
        raise ValueError(f"unknown method {method!r}; choose from {sorted(METHODS)}")
    return METHODS[method](frame, spec, **dict(options or {}))


def rank_all_methods(
    indicators: pd.DataFrame,
    spec: Any,
    method_options: Mapping[str, Mapping[str, Any]] | None = None,
    methods: Sequence[str] | None = None,
) -> RankingResult:
    """Rank the counties that have every chosen indicator by several methods.

    ``methods`` defaults to all of :data:`METHODS` ("zscore_sum", "morris", "hellwig",
    "topsis"); ``method_options`` maps a method name to keyword arguments, e.g.
    ``{"topsis": {"weighting": "entropy"}}``.  Counties lacking any chosen indicator are
    listed in ``excluded`` and not ranked.

    Level rule (chosen): the consensus score (mean over methods of min-max normalised
    scores) is grouped by mean +/- one sd — above mean + sd "developed", below mean - sd
    "deprived", otherwise "semi_developed" — i.e. the Iranian-literature Hellwig grouping
    applied to the cross-method consensus, so levels exist whichever methods are chosen.
    """
    spec = normalise_spec(spec)
    frame = _select(indicators, spec)
    complete = frame.dropna()
    if len(complete) < 2:
        raise ValueError(f"fewer than 2 counties have every chosen indicator ({len(complete)})")
    options = dict(method_options or {})
    chosen = list(methods) if methods is not None else list(METHODS)
    unknown = [m for m in list(options) + chosen if m not in METHODS]
    if unknown:
        raise ValueError(f"unknown methods {unknown}; choose from {sorted(METHODS)}")
    scores = pd.DataFrame(
        {m: _run_method(complete, spec, m, options.get(m, {})) for m in chosen}, complete.index
    )
    ranks = _rank(scores)
    consensus = _consensus(scores)
    return RankingResult(
        scores=scores,
        ranks=ranks,
        stability=_stability(ranks),
        excluded=_excluded(frame),
        consensus=consensus,
        levels=levels_by_mean_sd(consensus),
    )


def delta_ranking(
    panel_by_year: Mapping[Any, pd.DataFrame],
    spec: Any,
    method: str = "hellwig",
    options: Mapping[str, Any] | None = None,
) -> pd.DataFrame:
    """Rank each year by one method and the rank change between consecutive years.

    Returns a long table with columns county, year, rank, previous_rank, rank_change,
    excluded.  Years are processed in sorted order.  rank_change = previous_rank - rank, so
    a POSITIVE change means the county moved UP (towards rank 1, improved).  Ranks are
    within each year's complete counties; a county missing a chosen indicator in a year has
    excluded = True and rank <NA>, and a change is only given when the county was ranked in
    both that year and the previous one.
    """
    if not panel_by_year:
        raise ValueError("panel_by_year is empty")
    spec = normalise_spec(spec)
    tables, previous = [], pd.Series(dtype="Int64")
    for year in sorted(panel_by_year):
        frame = _select(panel_by_year[year], spec)
        complete = frame.dropna()
        if len(complete) < 2:
            raise ValueError(f"year {year}: fewer than 2 counties have every chosen indicator")
        rank = _rank(_run_method(complete, spec, method, options or {}))
        rank = rank.reindex(frame.index).astype("Int64")
        prev = previous.reindex(frame.index).astype("Int64")
        tables.append(
            pd.DataFrame(
                {
                    "county": frame.index,
                    "year": year,
                    "rank": rank.array,
                    "previous_rank": prev.array,
                    "rank_change": (prev - rank).array,
                    "excluded": ~frame.index.isin(complete.index),
                }
            )
        )
        previous = rank
    return pd.concat(tables, ignore_index=True)
