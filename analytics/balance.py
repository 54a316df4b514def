"""Concentration and balance measures of a variable X across counties against population.

X is any extensive quantity that can be shared out among counties (budget, credit, jobs,
hospital beds); P is county population.  Notation used in every docstring:

* ``x_i`` - X in county i, ``X = sum_i x_i``; ``s_i = x_i / X`` (share of X).
* ``p_i`` - population of county i, ``P = sum_i p_i``; ``w_i = p_i / P`` (population share).
* ``y_i = x_i / p_i`` - per-capita X; ``ybar = X / P`` - province-wide per-capita X.

"Weighted" measures treat people as the unit (each county weighted by its population);
"unweighted" measures treat every county as one equal unit.  The module follows the style
of PySAL ``inequality``: one small function per measure, formula and reference in the
docstring, pure numpy/pandas.

Input rules (checked by every public function, each failure is a ``ValueError``):

* 1-D array-likes or pandas Series.  Two Series are aligned by index; otherwise inputs are
  matched by position and must have equal length.
* No NaN or infinite values — use :func:`complete_cases` to drop incomplete counties and
  report them ("covers N of 28 counties").
* ``x >= 0`` with a positive total; ``population > 0`` for every county.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

__all__ = [
    "CentreShare",
    "CompleteCases",
    "NeedAlignment",
    "PerCapitaRange",
    "TheilDecomposition",
    "balance_summary",
    "centre_share",
    "coefficient_of_variation_unweighted",
    "complete_cases",
    "gini_unweighted",
    "gini_weighted",
    "hhi",
    "hhi_normalised",
    "hoover_index",
    "lorenz_curve",
    "need_alignment",
    "per_capita_range",
    "theil_decomposition",
    "theil_l",
    "theil_l_unweighted",
    "theil_t",
    "theil_t_unweighted",
    "top_bottom_ratio",
    "williamson_coefficient",
]


# ---------------------------------------------------------------------------
# Result types
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class CompleteCases:
    """Rows kept by :func:`complete_cases` and the labels of the rows dropped."""

    x: np.ndarray
    population: np.ndarray
    labels: list
    dropped: list
    n_total: int

    @property
    def n_kept(self) -> int:
        """Number of complete units (the N in "covers N of 28 counties")."""
        return len(self.labels)


@dataclass(frozen=True)
class CentreShare:
    """Share of X and of population held by the centre, and their ratio."""

    share_of_x: float
    share_of_population: float
    ratio: float


@dataclass(frozen=True)
class TheilDecomposition:
    """Between/within decomposition of a Theil index; ``total == between + within``."""

    index: str
    total: float
    between: float
    within: float
    by_group: pd.DataFrame


@dataclass(frozen=True)
class PerCapitaRange:
    """Extremes of per-capita X: ``difference = maximum - minimum``, ``ratio = max / min``."""

    minimum: float
    maximum: float
    difference: float
    ratio: float


@dataclass(frozen=True)
class NeedAlignment:
    """Spearman rank correlation between per-capita X and a need indicator."""

    rho: float
    n: int


# ---------------------------------------------------------------------------
# Input validation
# ---------------------------------------------------------------------------


def _align(reference: Any, other: Any, name: str) -> Any:
    """Reorder ``other`` to the index of ``reference`` when both are Series."""
    if not (isinstance(reference, pd.Series) and isinstance(other, pd.Series)):
        return other
    if reference.index.equals(other.index):
        return other
    if reference.index.has_duplicates or other.index.has_duplicates:
        raise ValueError(f"{name}: cannot align Series with duplicate index labels")
    if set(reference.index) != set(other.index):
        raise ValueError(f"{name} and x are Series with different index labels; align them first")
    return other.reindex(reference.index)


def _as_float_array(values: Any, name: str) -> np.ndarray:
    """Convert to a 1-D float array; reject empty, NaN and infinite input."""
    try:
        arr = np.asarray(values, dtype=float)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"{name} must be numeric: {exc}") from None
    if arr.ndim != 1:
        raise ValueError(f"{name} must be one-dimensional, got shape {arr.shape}")
    if arr.size == 0:
        raise ValueError(f"{name} is empty")
    bad = np.flatnonzero(np.isnan(arr))
    if bad.size:
        raise ValueError(
            f"{name} has NaN at positions {bad.tolist()}; drop or flag those units first "
            "(see complete_cases)"
        )
    if not np.all(np.isfinite(arr)):
        raise ValueError(f"{name} contains infinite values")
    return arr


def _non_negative(values: Any, name: str) -> np.ndarray:
    """Float array with every value >= 0 and a positive total."""
    arr = _as_float_array(values, name)
    if np.any(arr < 0):
        raise ValueError(f"{name} has negative values at positions {np.flatnonzero(arr < 0)}")
    if arr.sum() <= 0:
        raise ValueError(f"{name} sums to zero; shares are undefined")
    return arr


def _positive(values: Any, name: str) -> np.ndarray:
    """Float array with every value > 0."""
    arr = _as_float_array(values, name)
    if np.any(arr <= 0):
        raise ValueError(
            f"{name} must be positive for every unit; non-positive at positions "
            f"{np.flatnonzero(arr <= 0).tolist()}"
        )
    return arr


def _same_length(a: np.ndarray, b: np.ndarray, name_a: str, name_b: str) -> None:
    if a.shape != b.shape:
        raise ValueError(f"length mismatch: {name_a} has {a.size} values, {name_b} has {b.size}")


def _x_and_population(x: Any, population: Any) -> tuple[np.ndarray, np.ndarray]:
    """Validated (x, population) arrays: x >= 0 with X > 0, population > 0, equal length."""
    population = _align(x, population, "population")
    xa = _non_negative(x, "x")
    pa = _positive(population, "population")
    _same_length(xa, pa, "x", "population")
    return xa, pa


def _boolean_mask(values: Any, reference: Any, name: str) -> np.ndarray:
    """Validated boolean array (bool dtype, or numbers that are all 0/1)."""
    values = _align(reference, values, name)
    arr = np.asarray(values)
    if arr.dtype == bool:
        return arr
    if arr.dtype.kind in "iuf" and np.all(np.isin(arr, (0, 1))):
        return arr.astype(bool)
    raise ValueError(f"{name} must be a boolean array (True/False for every unit)")


def _group_codes(groups: Any, reference: Any) -> tuple[np.ndarray, pd.Index]:
    """Integer codes and unique labels (in order of first appearance) of ``groups``."""
    groups = _align(reference, groups, "groups")
    codes, uniques = pd.factorize(np.asarray(groups, dtype=object), use_na_sentinel=True)
    if np.any(codes < 0):
        raise ValueError(f"groups has missing labels at positions {np.flatnonzero(codes < 0)}")
    return codes, pd.Index(uniques)


def _shares(xa: np.ndarray, pa: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    return xa / xa.sum(), pa / pa.sum()


def _relative_entropy(a: np.ndarray, b: np.ndarray) -> float:
    """sum_i a_i ln(a_i / b_i) with 0 ln(0/b) = 0 and a ln(a/0) = inf (a > 0).

    For probability vectors this is >= 0; round-off negatives (~1e-16) are clipped to 0.
    """
    pos = a > 0
    if np.any(b[pos] <= 0):
        return math.inf
    return max(0.0, float(np.sum(a[pos] * (np.log(a[pos]) - np.log(b[pos])))))


# ---------------------------------------------------------------------------
# Missing data
# ---------------------------------------------------------------------------


def complete_cases(x: Any, population: Any, labels: Any = None) -> CompleteCases:
    """Drop units where x or population is missing (NaN/None) and report which.

    Labels default to the index of ``x`` when it is a Series, else to positions 0..n-1.
    Values are not otherwise validated here (negative values still fail later, loudly).
    The UI reports coverage as ``f"{result.n_kept} of {result.n_total}"``.
    """
    population = _align(x, population, "population")
    xs = pd.Series(np.asarray(x, dtype=float))
    ps = pd.Series(np.asarray(population, dtype=float))
    if xs.size != ps.size:
        raise ValueError(f"length mismatch: x has {xs.size} values, population has {ps.size}")
    if labels is None:
        labels = list(x.index) if isinstance(x, pd.Series) else list(range(xs.size))
    labels = list(labels)
    if len(labels) != xs.size:
        raise ValueError(f"length mismatch: labels has {len(labels)} values, x has {xs.size}")
    keep = (xs.notna() & ps.notna()).to_numpy()
    return CompleteCases(
        x=xs.to_numpy()[keep],
        population=ps.to_numpy()[keep],
        labels=[lab for lab, k in zip(labels, keep, strict=True) if k],
        dropped=[lab for lab, k in zip(labels, keep, strict=True) if not k],
        n_total=int(xs.size),
    )


# ---------------------------------------------------------------------------
# Centre versus rest, Hoover
# ---------------------------------------------------------------------------


def centre_share(x: Any, population: Any, is_centre: Any) -> CentreShare:
    """Share of X and of population in the centre, and their ratio.

    share_of_x = sum_{i in C} x_i / X;  share_of_population = sum_{i in C} p_i / P;
    ratio = share_of_x / share_of_population (1 = the centre gets its population share;
    > 1 = over-concentration in the centre).  Equivalent to the centre's per-capita X over
    the provincial per-capita X (cf. Hoover 1936, "The measurement of industrial
    localization", location quotient).
    """
    xa, pa = _x_and_population(x, population)
    mask = _boolean_mask(is_centre, x, "is_centre")
    _same_length(xa, mask, "x", "is_centre")
    if not mask.any():
        raise ValueError("is_centre marks no unit as centre")
    s, w = _shares(xa, pa)
    share_x, share_p = float(s[mask].sum()), float(w[mask].sum())
    return CentreShare(share_of_x=share_x, share_of_population=share_p, ratio=share_x / share_p)


def hoover_index(x: Any, population: Any) -> float:
    """Hoover (population-concentration) index, in [0, 1].

    H = 0.5 * sum_i |x_i / X - p_i / P|: the share of X that would have to be moved between
    counties for X to be distributed exactly like population.
    Reference: Hoover, E. M. (1941), "Interstate redistribution of population, 1850-1940",
    Journal of Economic History 1(2).
    """
    s, w = _shares(*_x_and_population(x, population))
    return float(0.5 * np.abs(s - w).sum())


# ---------------------------------------------------------------------------
# Gini and Lorenz
# ---------------------------------------------------------------------------


def gini_unweighted(values: Any) -> float:
    """Gini coefficient with every unit weighted equally, in [0, 1).

    G = sum_i sum_j |y_i - y_j| / (2 n^2 mu), computed in O(n log n) from the sorted values
    y_(1) <= ... <= y_(n) as G = sum_k (2k - n - 1) y_(k) / (n * sum_k y_(k)).
    Reference: Gini, C. (1912), "Variabilita e mutabilita"; Sen, A. (1973), "On Economic
    Inequality", eq. 2.8.
    """
    y = np.sort(_non_negative(values, "values"))
    n = y.size
    k = np.arange(1, n + 1)
    return max(0.0, float(np.sum((2 * k - n - 1) * y) / (n * y.sum())))


def _lorenz_points(xa: np.ndarray, pa: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Sort order by per-capita value and cumulative (population, X) shares from (0, 0)."""
    order = np.argsort(xa / pa, kind="stable")
    cum_p = np.concatenate(([0.0], np.cumsum(pa[order]) / pa.sum()))
    cum_x = np.concatenate(([0.0], np.cumsum(xa[order]) / xa.sum()))
    cum_p[-1] = cum_x[-1] = 1.0
    return order, cum_p, cum_x


def gini_weighted(x: Any, population: Any) -> float:
    """Population-weighted Gini coefficient of per-capita X, in [0, 1).

    Units are sorted by y_i = x_i / p_i; P_k and L_k are the cumulative population and X
    shares of the first k units (P_0 = L_0 = 0).  G = 1 - sum_k (P_k - P_{k-1})(L_k + L_{k-1})
    (one minus twice the trapezoid area under the Lorenz curve).  With equal populations it
    equals :func:`gini_unweighted` of y.
    Reference: Lorenz, M. O. (1905), "Methods of measuring the concentration of wealth";
    Lerman, R. & Yitzhaki, S. (1989), "Improving the accuracy of estimates of Gini
    coefficients", Journal of Econometrics 42.
    """
    _, cum_p, cum_x = _lorenz_points(*_x_and_population(x, population))
    area2 = np.sum(np.diff(cum_p) * (cum_x[1:] + cum_x[:-1]))
    return max(0.0, float(1.0 - area2))


def lorenz_curve(x: Any, population: Any, labels: Any = None) -> pd.DataFrame:
    """Points of the population-weighted Lorenz curve of per-capita X.

    Rows are units sorted by y_i = x_i / p_i ascending, preceded by the origin row; columns
    ``cum_population_share`` (P_k) and ``cum_x_share`` (L_k) run from (0, 0) to (1, 1).
    With ``labels``, a ``label`` column names the unit that ends each segment (None on the
    origin row).  Reference: Lorenz, M. O. (1905), "Methods of measuring the concentration of
    wealth", Publications of the American Statistical Association 9(70).
    """
    xa, pa = _x_and_population(x, population)
    order, cum_p, cum_x = _lorenz_points(xa, pa)
    frame = pd.DataFrame({"cum_population_share": cum_p, "cum_x_share": cum_x})
    if labels is not None:
        labels = list(labels)
        if len(labels) != xa.size:
            raise ValueError(f"length mismatch: labels has {len(labels)} values, x has {xa.size}")
        frame.insert(0, "label", [None] + [labels[i] for i in order])
    return frame


# ---------------------------------------------------------------------------
# Theil / generalised entropy
# ---------------------------------------------------------------------------


def theil_t(x: Any, population: Any) -> float:
    """Population-weighted Theil T index, GE(1), >= 0.

    T = sum_i s_i ln(s_i / w_i) = sum_i w_i (y_i / ybar) ln(y_i / ybar), with 0 ln 0 = 0.
    T = 0 iff X is proportional to population; its maximum is ln(1 / min w_i).
    References: Theil, H. (1967), "Economics and Information Theory"; Shorrocks, A. F.
    (1980), "The class of additively decomposable inequality measures", Econometrica 48(3).
    """
    s, w = _shares(*_x_and_population(x, population))
    return _relative_entropy(s, w)


def theil_l(x: Any, population: Any) -> float:
    """Population-weighted Theil L index (mean log deviation), GE(0), >= 0.

    L = sum_i w_i ln(w_i / s_i) = sum_i w_i ln(ybar / y_i).
    Returns ``math.inf`` when some county has x_i = 0 (its p_i is always > 0).
    References: Theil, H. (1967), "Economics and Information Theory"; Shorrocks, A. F.
    (1980), "The class of additively decomposable inequality measures", Econometrica 48(3).
    """
    s, w = _shares(*_x_and_population(x, population))
    return _relative_entropy(w, s)


def theil_t_unweighted(values: Any) -> float:
    """Theil T with every unit weighted 1/n: T = (1/n) sum_i (y_i / mu) ln(y_i / mu), >= 0.

    Equals sum_i s_i ln(n s_i) with s_i = y_i / sum y; 0 ln 0 = 0.
    Reference: Theil, H. (1967), "Economics and Information Theory".
    """
    y = _non_negative(values, "values")
    return _relative_entropy(y / y.sum(), np.full(y.size, 1.0 / y.size))


def theil_l_unweighted(values: Any) -> float:
    """Mean log deviation with every unit weighted 1/n: L = (1/n) sum_i ln(mu / y_i), >= 0.

    Returns ``math.inf`` when some value is 0.
    Reference: Theil, H. (1967), "Economics and Information Theory"; Shorrocks (1980).
    """
    y = _non_negative(values, "values")
    return _relative_entropy(np.full(y.size, 1.0 / y.size), y / y.sum())


def _within_terms(a: np.ndarray, b: np.ndarray, codes: np.ndarray) -> np.ndarray:
    """Per-group sum_{i in g} a_i ln((a_i / A_g) / (b_i / B_g)), 0 ln 0 = 0, inf if b-side 0."""
    a_g = np.bincount(codes, weights=a)[codes]
    b_g = np.bincount(codes, weights=b)[codes]
    pos = a > 0
    ok = pos & (b > 0)
    with np.errstate(divide="ignore", invalid="ignore"):
        log_ratio = np.log(a) - np.log(a_g) - np.log(b) + np.log(b_g)
    terms = np.where(ok, a * np.where(ok, log_ratio, 0.0), 0.0)
    terms = np.where(pos & (b <= 0), math.inf, terms)
    return np.maximum(np.bincount(codes, weights=terms), 0.0)


def theil_decomposition(
    x: Any, population: Any, groups: Any, index: str = "T"
) -> TheilDecomposition:
    """Exact between/within-group decomposition of Theil T or L (population-weighted).

    With group shares S_g = sum_{i in g} s_i and W_g = sum_{i in g} w_i:
    T: between = sum_g S_g ln(S_g / W_g),  within = sum_g S_g T_g;
    L: between = sum_g W_g ln(W_g / S_g),  within = sum_g W_g L_g;
    where T_g, L_g are the index computed inside group g.  total (computed independently by
    :func:`theil_t` / :func:`theil_l`) equals between + within to float precision.
    ``by_group`` has columns group, n_units, share_x (S_g), share_pop (W_g), within_theil
    (T_g or L_g) and contribution (S_g T_g or W_g L_g, the group's term of ``within``).
    A group holding no X has within_theil 0 for T (all its units are equal) and inf for L.
    Reference: Shorrocks, A. F. (1980), "The class of additively decomposable inequality
    measures", Econometrica 48(3); Theil, H. (1967), "Economics and Information Theory".
    """
    key = str(index).upper()
    if key not in ("T", "L"):
        raise ValueError(f"index must be 'T' or 'L', got {index!r}")
    xa, pa = _x_and_population(x, population)
    codes, uniques = _group_codes(groups, x)
    _same_length(xa, codes, "x", "groups")
    s, w = _shares(xa, pa)
    s_g, w_g = np.bincount(codes, weights=s), np.bincount(codes, weights=w)
    if key == "T":
        total, between = _relative_entropy(s, w), _relative_entropy(s_g, w_g)
        weight, contribution = s_g, _within_terms(s, w, codes)
    else:
        total, between = _relative_entropy(w, s), _relative_entropy(w_g, s_g)
        weight, contribution = w_g, _within_terms(w, s, codes)
    with np.errstate(divide="ignore", invalid="ignore"):
        within_theil = np.where(weight > 0, contribution / weight, 0.0)
    by_group = pd.DataFrame(
        {
            "group": list(uniques),
            "n_units": np.bincount(codes),
            "share_x": s_g,
            "share_pop": w_g,
            "within_theil": within_theil,
            "contribution": contribution,
        }
    )
    within = float(contribution.sum())
    return TheilDecomposition(key, total, between, within, by_group)


# ---------------------------------------------------------------------------
# Dispersion of per-capita values
# ---------------------------------------------------------------------------


def williamson_coefficient(x: Any, population: Any) -> float:
    """Williamson's population-weighted coefficient of variation of per-capita X.

    V_w = sqrt( sum_i (y_i - ybar)^2 p_i / P ) / ybar, with y_i = x_i / p_i, ybar = X / P.
    Reference: Williamson, J. G. (1965), "Regional inequality and the process of national
    development: a description of the patterns", Economic Development and Cultural Change
    13(4).
    """
    xa, pa = _x_and_population(x, population)
    y, ybar = xa / pa, xa.sum() / pa.sum()
    return float(np.sqrt(np.sum((y - ybar) ** 2 * pa / pa.sum())) / ybar)


def coefficient_of_variation_unweighted(values: Any) -> float:
    """Unweighted coefficient of variation: CV = sqrt((1/n) sum_i (y_i - mu)^2) / mu.

    Population standard deviation (ddof = 0), every unit weighted 1/n.
    Reference: Williamson, J. G. (1965), op. cit. (his unweighted V_uw uses the same form).
    """
    y = _non_negative(values, "values")
    return float(y.std(ddof=0) / y.mean())


# ---------------------------------------------------------------------------
# Concentration of X alone
# ---------------------------------------------------------------------------


def hhi(x: Any) -> float:
    """Herfindahl-Hirschman index of the shares of X, in [1/n, 1].

    HHI = sum_i s_i^2 with s_i = x_i / X.  1/n = equal split, 1 = all X in one unit.
    Reference: Hirschman, A. O. (1964), "The paternity of an index", American Economic
    Review 54(5); Herfindahl, O. C. (1950), "Concentration in the steel industry".
    """
    xa = _non_negative(x, "x")
    s = xa / xa.sum()
    return float(np.sum(s * s))


def hhi_normalised(x: Any) -> float:
    """Normalised HHI, in [0, 1]: HHI* = (HHI - 1/n) / (1 - 1/n); needs n >= 2.

    Reference: Hirschman, A. O. (1964), "The paternity of an index", AER 54(5).
    """
    xa = _non_negative(x, "x")
    if xa.size < 2:
        raise ValueError("hhi_normalised needs at least 2 units")
    n = xa.size
    return max(0.0, float((hhi(xa) - 1.0 / n) / (1.0 - 1.0 / n)))


# ---------------------------------------------------------------------------
# Extremes
# ---------------------------------------------------------------------------


def _first_share_per_capita(y: np.ndarray, w: np.ndarray, share: float) -> float:
    """Per-capita X of the first ``share`` of population, splitting the boundary unit."""
    before = np.cumsum(w) - w
    taken = np.clip(share - before, 0.0, w)
    return float(np.sum(taken * y) / np.sum(taken))


def top_bottom_ratio(x: Any, population: Any, share: float = 0.2) -> float:
    """OECD top/bottom regional ratio of per-capita X (default top 20% / bottom 20%).

    Units are sorted by y_i = x_i / p_i.  The bottom group takes units from the lowest y
    until it holds ``share`` of total population, taking only the needed fraction of the
    boundary unit; the top group likewise from the highest y.  Ratio = per-capita X of the
    top group / per-capita X of the bottom group; ``math.inf`` when the bottom group has
    no X.  Reference: OECD (2016 and later editions), "OECD Regions at a Glance", annex on
    the top-20%/bottom-20% regional inequality ratio.
    """
    if not 0 < share <= 0.5:
        raise ValueError(f"share must be in (0, 0.5], got {share}")
    xa, pa = _x_and_population(x, population)
    y, w = xa / pa, pa / pa.sum()
    order = np.argsort(y, kind="stable")
    y, w = y[order], w[order]
    bottom = _first_share_per_capita(y, w, share)
    top = _first_share_per_capita(y[::-1], w[::-1], share)
    return math.inf if bottom == 0 else top / bottom


def per_capita_range(x: Any, population: Any) -> PerCapitaRange:
    """Range of per-capita X: difference = max_i y_i - min_i y_i, ratio = max_i y_i / min_i y_i.

    ratio is ``math.inf`` when some county has no X.  (Unweighted: counties are units.)
    Reference: Kuznets, S. (1963), "Quantitative aspects of the economic growth of nations:
    VIII", Economic Development and Cultural Change 11(2) (range measures of inequality).
    """
    xa, pa = _x_and_population(x, population)
    y = xa / pa
    lo, hi = float(y.min()), float(y.max())
    return PerCapitaRange(lo, hi, hi - lo, math.inf if lo == 0 else hi / lo)


# ---------------------------------------------------------------------------
# Alignment with need
# ---------------------------------------------------------------------------


def need_alignment(per_capita_x: Any, need: Any) -> NeedAlignment:
    """Spearman rank correlation between per-capita X and a need indicator.

    rho = Pearson correlation of the ranks (ties get their average rank):
    rho = sum_i (r_i - rbar)(q_i - qbar) / sqrt(sum_i (r_i - rbar)^2 sum_i (q_i - qbar)^2).
    ``need`` must grow with need (e.g. unemployment rate); if you have a deprivation rank
    where 1 = most deprived, pass its negative.  rho > 0 = money goes where need is higher.
    Reference: Spearman, C. (1904), "The proof and measurement of association between two
    things", American Journal of Psychology 15(1).
    """
    need = _align(per_capita_x, need, "need")
    a = _as_float_array(per_capita_x, "per_capita_x")
    b = _as_float_array(need, "need")
    _same_length(a, b, "per_capita_x", "need")
    if a.size < 3:
        raise ValueError("need_alignment needs at least 3 units")
    ra = pd.Series(a).rank(method="average").to_numpy()
    rb = pd.Series(b).rank(method="average").to_numpy()
    da, db = ra - ra.mean(), rb - rb.mean()
    denom = math.sqrt(float(np.sum(da * da) * np.sum(db * db)))
    if denom == 0:
        raise ValueError("per_capita_x or need is constant; rank correlation is undefined")
    rho = float(np.clip(np.sum(da * db) / denom, -1.0, 1.0))
    return NeedAlignment(rho=rho, n=int(a.size))


# ---------------------------------------------------------------------------
# One table for the UI / CLI
# ---------------------------------------------------------------------------


def balance_summary(
    x: Any, population: Any, is_centre: Any, groups: Any = None, labels: Any = None
) -> pd.DataFrame:
    """All balance measures in one table: columns measure_id, value, weighted, n_units.

    ``weighted`` is True when the measure uses population (as weights or as benchmark);
    unweighted measures treat each county as one unit and are computed on per-capita X
    (except ``hhi``, which is on X itself).  The Theil decomposition uses ``groups`` or, when
    None, centre versus rest.  Incomplete rows are rejected with their ``labels`` named;
    call :func:`complete_cases` first.
    """
    cases = complete_cases(x, population, labels)
    if cases.dropped:
        raise ValueError(f"x or population missing for {cases.dropped}; use complete_cases")
    xa, pa = _x_and_population(x, population)
    mask = _boolean_mask(is_centre, x, "is_centre")
    _same_length(xa, mask, "x", "is_centre")
    if groups is None:
        groups = np.where(mask, "centre", "rest")
    else:
        groups = _align(x, groups, "groups")
    y = xa / pa
    centre = centre_share(xa, pa, mask)
    dec_t = theil_decomposition(xa, pa, np.asarray(groups, dtype=object), "T")
    dec_l = theil_decomposition(xa, pa, np.asarray(groups, dtype=object), "L")
    rows = [
        ("centre_share_x", centre.share_of_x, False),
        ("centre_share_population", centre.share_of_population, True),
        ("centre_ratio", centre.ratio, True),
        ("hoover", hoover_index(xa, pa), True),
        ("gini_weighted", gini_weighted(xa, pa), True),
        ("gini_unweighted", gini_unweighted(y), False),
        ("theil_t", dec_t.total, True),
        ("theil_t_between", dec_t.between, True),
        ("theil_t_within", dec_t.within, True),
        ("theil_l", dec_l.total, True),
        ("theil_l_between", dec_l.between, True),
        ("theil_l_within", dec_l.within, True),
        ("williamson", williamson_coefficient(xa, pa), True),
        ("cv_unweighted", coefficient_of_variation_unweighted(y), False),
        ("hhi", hhi(xa), False),
        ("top_bottom_ratio", top_bottom_ratio(xa, pa), True),
        ("range_ratio", per_capita_range(xa, pa).ratio, False),
        ("range_difference", per_capita_range(xa, pa).difference, False),
    ]
    frame = pd.DataFrame(rows, columns=["measure_id", "value", "weighted"])
    frame["value"] = frame["value"].astype(float)
    frame["n_units"] = int(xa.size)
    return frame
