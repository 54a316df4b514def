"""Classify a value series into colour classes: quantiles, equal intervals, natural breaks.

Every method returns a :class:`Classification`: ``breaks`` holds the ``k + 1`` class edges
``[min, b_1, …, b_{k-1}, max]`` and ``classes`` the class index (0 … k-1) of every value
(-1 for a missing value).  Classes are closed on the right: class ``j`` holds the values
``breaks[j] < v <= breaks[j + 1]`` and class 0 also holds ``breaks[0]`` (the GIS convention
of Jenks' upper class limits).  When the data have fewer distinct values than requested
classes, or quantiles coincide (many equal values), fewer classes are returned — ``k`` is
the number actually used, never a class that no value can fall into.

Methods
-------
``quantile``
    Edges at the ``j/k`` quantiles (``numpy.quantile``, linear interpolation), so each
    class holds about ``n/k`` values.
``equal``
    ``k`` intervals of equal width ``(max - min) / k``.
``jenks`` (natural breaks)
    The Fisher–Jenks *exact* optimum: the partition of the sorted values into ``k``
    contiguous groups that minimises the total within-class sum of squared deviations

        SDCM = Σ_classes Σ_{i ∈ class} (x_i − mean_class)²

    found by dynamic programming (Fisher 1958, "On grouping for maximum homogeneity",
    JASA 53:789–798; Jenks 1977, "Optimal data classification for choropleth maps").
    With prefix sums ``S1``, ``S2`` the cost of a group ``x[i..j]`` is
    ``S2 − S1² / (j − i + 1)`` in O(1), and

        D[c][j] = min_{i ≤ j} D[c−1][i−1] + cost(i, j)

    is filled in O(k·n²) (vectorised over ``i``; a few ms for n = 478, k = 7).
    Textbook check: [1, 2, 4, 5, 7, 9, 10, 20] with k = 3 → {1, 2, 4, 5}, {7, 9, 10}, {20},
    breaks [1, 5, 10, 20] (SDCM 14.67).

Pure numpy; no Streamlit.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

__all__ = [
    "BETTER",
    "EXTENSIVE_MEASURES",
    "METHODS",
    "Classification",
    "classify",
    "equal_interval_breaks",
    "jenks_breaks",
    "quantile_breaks",
    "reference_value",
]

METHODS: tuple[str, ...] = ("quantile", "equal", "jenks")
MAX_JENKS_VALUES = 2000  # O(n²) memory per class row; far above 478 counties


@dataclass(frozen=True)
class Classification:
    """``breaks`` (k + 1 edges, ascending), ``classes`` (per input value, -1 = missing),
    ``counts`` (values per class), the ``method`` and ``k`` actually used."""

    method: str
    k: int
    breaks: np.ndarray
    classes: np.ndarray
    counts: np.ndarray

    def ranges(self) -> list[tuple[float, float]]:
        """(lower, upper) edges of each class."""
        return [(float(self.breaks[j]), float(self.breaks[j + 1])) for j in range(self.k)]


def _finite(values) -> np.ndarray:
    x = np.asarray(values, dtype=float).ravel()
    return x[np.isfinite(x)]


def _check_k(k: int) -> int:
    k = int(k)
    if k < 1:
        raise ValueError(f"need at least one class, got k={k}")
    return k


def quantile_breaks(values, k: int) -> np.ndarray:
    """Edges at the ``0, 1/k, …, 1`` quantiles of the finite values (duplicates dropped)."""
    k = _check_k(k)
    x = _finite(values)
    if not len(x):
        return np.array([], dtype=float)
    return np.unique(np.quantile(x, np.linspace(0.0, 1.0, k + 1)))


def equal_interval_breaks(values, k: int) -> np.ndarray:
    """``k`` intervals of equal width between the minimum and maximum finite value."""
    k = _check_k(k)
    x = _finite(values)
    if not len(x):
        return np.array([], dtype=float)
    lo, hi = float(x.min()), float(x.max())
    if lo == hi:
        return np.array([lo, hi])
    edges = np.linspace(lo, hi, k + 1)
    edges[0], edges[-1] = lo, hi  # exact ends despite floating point
    return edges


def jenks_breaks(values, k: int) -> np.ndarray:
    """Fisher–Jenks exact natural breaks (see module docstring): ``k + 1`` edges, fewer when
    there are fewer than ``k`` distinct values."""
    k = _check_k(k)
    x = np.sort(_finite(values))
    n = len(x)
    if not n:
        return np.array([], dtype=float)
    if n > MAX_JENKS_VALUES:
        raise ValueError(f"natural breaks is O(k·n²): {n} values is too many "
                         f"(limit {MAX_JENKS_VALUES}); use quantiles")
    distinct = np.unique(x)
    if len(distinct) <= k:
        # every distinct value its own class: upper limits are the values themselves
        return np.concatenate([[distinct[0]], distinct]) if len(distinct) > 1 else \
            np.array([distinct[0], distinct[0]])
    s1 = np.concatenate([[0.0], np.cumsum(x)])
    s2 = np.concatenate([[0.0], np.cumsum(x * x)])

    def cost(i: np.ndarray, j: int) -> np.ndarray:
        """SSD of x[i..j] (inclusive) for every start ``i`` in the array."""
        count = j - i + 1
        total = s1[j + 1] - s1[i]
        return np.maximum((s2[j + 1] - s2[i]) - total * total / count, 0.0)

    # best[c, j]: minimal SSD of x[0..j] in c + 1 classes; start[c, j]: first index of the
    # last class in that optimum.
    best = np.full((k, n), np.inf)
    start = np.zeros((k, n), dtype=np.int64)
    counts = np.arange(1, n + 1)
    best[0] = np.maximum(s2[1:] - s1[1:] ** 2 / counts, 0.0)  # one class: x[0..j]
    for c in range(1, k):
        for j in range(c, n):
            i = np.arange(c, j + 1)  # last class x[i..j]; x[0..i-1] holds c classes
            total = best[c - 1, i - 1] + cost(i, j)
            m = int(np.argmin(total))  # first minimum → deterministic ties
            best[c, j] = total[m]
            start[c, j] = i[m]
    # walk back the class starts
    uppers = [x[-1]]
    j = n - 1
    for c in range(k - 1, 0, -1):
        i = int(start[c, j])
        uppers.append(x[i - 1])
        j = i - 1
    return np.concatenate([[x[0]], np.array(uppers[::-1])])


def _assign(values: np.ndarray, breaks: np.ndarray) -> np.ndarray:
    classes = np.full(len(values), -1, dtype=np.int64)
    ok = np.isfinite(values)
    if len(breaks) >= 2:
        inner = breaks[1:-1]
        classes[ok] = np.searchsorted(inner, values[ok], side="left")
    elif len(breaks) == 1:
        classes[ok] = 0
    return classes


def classify(values, method: str = "quantile", k: int = 5) -> Classification:
    """Classify ``values`` (any 1-D array-like; NaN = missing) with ``method``."""
    if method not in METHODS:
        raise ValueError(f"unknown classification {method!r}; choose from {METHODS}")
    x = np.asarray(values, dtype=float).ravel()
    func = {"quantile": quantile_breaks, "equal": equal_interval_breaks,
            "jenks": jenks_breaks}[method]
    breaks = func(x, k)
    if len(breaks) == 1:  # a single distinct value: one degenerate class
        breaks = np.array([breaks[0], breaks[0]])
    used = max(len(breaks) - 1, 0)
    classes = _assign(x, breaks)
    counts = np.bincount(classes[classes >= 0], minlength=used)[:used] if used else \
        np.zeros(0, dtype=np.int64)
    return Classification(method=method, k=used, breaks=breaks, classes=classes,
                          counts=counts)


# --------------------------------------------------------------------------- reference values

# Totals and counts: a county's "province value" would be the province total, so the
# difference is taken from the mean county instead.
EXTENSIVE_MEASURES = frozenset({
    "budget_total", "jobs_total", "n_projects", "n_started", "n_overdue", "completed_budget",
    "population", "labour_force", "area_km2", "n_counties",
})


# Which way a measure is better for a county: "higher" (more budget, jobs, literacy, net
# in-migration) or "lower" (unemployment, overdue projects); absent = neither (population,
# labour force, area: a size, not a good).  A difference map colours the better side green and
# the worse side red (figures.theme.diverging_scale).
BETTER: dict[str, str] = {
    "budget_total": "higher", "budget_per_capita": "higher", "jobs_total": "higher",
    "jobs_per_1000": "higher", "jobs_per_unemployed": "higher", "n_projects": "higher",
    "n_started": "higher", "progress_weighted": "higher", "completed_budget": "higher",
    "net_migration_rate": "higher", "literacy_rate": "higher", "urbanisation_rate": "higher",
    "unemployment_rate": "lower", "n_overdue": "lower",
}


def reference_value(values, measure: str, province_value: float | None = None,
                    weights=None) -> tuple[float, str]:
    """The value a diverging map is centred on, and its kind:

    * ``"mean"`` — for totals and counts (:data:`EXTENSIVE_MEASURES`): the plain mean of
      the counties' values;
    * ``"province"`` — ``province_value`` when given and finite (e.g. the province's own
      unemployment rate from ``analytics.panel.panel_totals``);
    * ``"weighted"`` — otherwise the ``weights``-weighted mean (population) of the counties'
      values, or the plain mean when no weights are given (kind ``"mean"``).
    """
    x = np.asarray(values, dtype=float)
    ok = np.isfinite(x)
    if not ok.any():
        return float("nan"), "mean"
    if measure in EXTENSIVE_MEASURES:
        return float(x[ok].mean()), "mean"
    if province_value is not None and np.isfinite(province_value):
        return float(province_value), "province"
    if weights is not None:
        w = np.asarray(weights, dtype=float)
        good = ok & np.isfinite(w) & (w > 0)
        if good.any():
            return float(np.average(x[good], weights=w[good])), "weighted"
    return float(x[ok].mean()), "mean"
