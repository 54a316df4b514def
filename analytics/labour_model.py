"""A deliberately simple labour-market model of new jobs — ASSUMPTIONS, not facts.

Used by scenarios (:mod:`analytics.scenario`) to show how new direct jobs could move
a county's unemployment rate, labour force and net migration.  Every parameter is an
assumption the user can change per county group; no parameter is estimated from data.

Model
-----
For ``J`` new direct jobs in a county with ``U`` unemployed persons, labour force ``LF``
and population ``P``:

* a share ``m`` (0 ≤ m ≤ 1) of the jobs goes to in-migrant workers, the rest
  ``J·(1 − m)`` to local unemployed persons;
* each in-migrant worker brings ``k`` (k ≥ 0) further job-seekers (spouses, relatives,
  people drawn by the news of jobs) who join the labour force unemployed.

Then::

    unemployed′   = U − J·(1 − m) + J·m·k
    labour force′ = LF + J·m·(1 + k)
    rate′         = 100 · unemployed′ / labour force′          (per cent)
    migrants      = J·m·(1 + k)                                (workers + job-seekers)
    Δ net migration rate = 1000 · J·m·(1 + k) / P              (per 1,000 inhabitants)

The net-migration change counts only the people the model puts in the labour force
(no dependants outside it) and is on the same per-1,000 base as the
``net_migration_rate`` indicator; it is a one-off addition over the period in which the
jobs appear.  Population itself is *not* changed (per-capita measures keep the census
base).  If ``J·(1 − m) > U`` there are not enough local unemployed: local hires are
capped at ``U`` and ``local_hires_capped`` is set.

When does the rate RISE although jobs are added?  With ``u = U / LF`` and ``J > 0``
(no capping)::

    rate′ > rate ⇔ (U − J(1−m) + Jmk)·LF > U·(LF + Jm(1+k))
                 ⇔ J·[(mk − (1 − m))·LF − U·m(1+k)] > 0
                 ⇔ (m(1+k) − 1)·LF > U·m(1+k)
                 ⇔ u < u* = 1 − 1 / (m(1+k))

independently of ``J``.  If ``m(1+k) ≤ 1`` then ``u* ≤ 0`` and new jobs always lower
the rate.  With the default industrial assumptions (m = 0.6, k = 1) ``u* = 1/6``: an
industrial county with unemployment below 16.7 % sees its rate rise as jobs are added,
because each job draws more job-seekers than it absorbs.  :func:`rate_rise_threshold`
returns ``100·u*``.

Default assumptions (editable per county group in a scenario)
--------------------------------------------------------------
* ``industrial`` counties (:data:`INDUSTRIAL_COUNTIES`: lenjan, mobarakeh,
  shahinshahr_va_meymeh, borkhar, najafabad, khomeynishahr — the steel, petrochemical and
  industrial-estate belt around Isfahan that draws workers from other counties and
  provinces): m = 0.6, k = 1.0;
* every ``other`` county: m = 0.3, k = 0.5.

These are illustrative values chosen for the demonstration, not estimates.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from core.problems import Problem, ProblemsError

__all__ = [
    "COUNTY_GROUPS",
    "DEFAULT_ASSUMPTIONS",
    "INDUSTRIAL_COUNTIES",
    "K_MAX",
    "LABOUR_COLUMNS",
    "LabourAssumption",
    "LabourModelError",
        "check_assumption",
    "county_group",
    "default_parameters",
    "labour_effect",
    "rate_rise_threshold",
    "unemployment_rate_rises",
]

INDUSTRIAL_COUNTIES = ("lenjan", "mobarakeh", "shahinshahr_va_meymeh", "borkhar", "najafabad",
                       "khomeynishahr")
#: Groups an ``assumptions`` edit can name: the industrial counties, the others, or all.
COUNTY_GROUPS = ("industrial", "other", "all")
#: Upper bound on k (job-seekers per in-migrant worker): larger values are refused as
#: implausible input rather than as impossible.
K_MAX = 10.0

LABOUR_COLUMNS = (
    "group", "m", "k", "jobs", "local_hires", "in_migrant_workers", "followers",
    "unemployed", "unemployed_new", "labour_force", "labour_force_new",
    "unemployment_rate", "unemployment_rate_new", "unemployment_rate_change",
    "migrants_added", "net_migration_rate", "net_migration_rate_added",
    "net_migration_rate_new", "local_hires_capped",
)


@dataclass(frozen=True)
class LabourAssumption:
    """m: share of new jobs taken by in-migrants; k: job-seekers each in-migrant brings."""

    m: float
    k: float


DEFAULT_ASSUMPTIONS = {
    "industrial": LabourAssumption(m=0.6, k=1.0),
    "other": LabourAssumption(m=0.3, k=0.5),
}


def _problem(field: str, value: object, rule: str, params: dict | None = None) -> Problem:
    """One refused input as the one problem type (:class:`core.problems.Problem`, worded as
    a scenario field): ``field`` (m, k, jobs, unemployed, labour_force, population), the
    offending value (the first one found), a rule id of the ``rule.*`` catalogue."""
    return Problem.in_scenario(None, field, str(value), rule, params)


class LabourModelError(ProblemsError):
    """Impossible labour-model input; ``problems`` lists every one found."""

    def __init__(self, problems: list[Problem]):
        super().__init__(problems, "labour model")


def county_group(code: str) -> str:
    """``"industrial"`` for :data:`INDUSTRIAL_COUNTIES`, otherwise ``"other"``."""
    return "industrial" if code in INDUSTRIAL_COUNTIES else "other"


def default_parameters(codes: Iterable[str]) -> pd.DataFrame:
    """Per county (index ``code``): ``group``, ``m``, ``k`` from :data:`DEFAULT_ASSUMPTIONS`."""
    index = pd.Index(list(codes), name="code")
    groups = [county_group(c) for c in index]
    return pd.DataFrame({
        "group": groups,
        "m": [DEFAULT_ASSUMPTIONS[g].m for g in groups],
        "k": [DEFAULT_ASSUMPTIONS[g].k for g in groups],
    }, index=index)


def _is_real(value: object) -> bool:
    return isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, bool)


def check_assumption(m: object = None, k: object = None) -> list[Problem]:
    """Problems of one (m, k) pair; ``None`` means "not given" and is not checked."""
    problems = []
    if m is not None:
        if not _is_real(m) or not math.isfinite(float(m)):
            problems.append(_problem("m", m, "not_number", {}))
        elif not 0.0 <= float(m) <= 1.0:
            problems.append(_problem("m", m, "out_of_range", {"minimum": 0, "maximum": 1}))
    if k is not None:
        if not _is_real(k) or not math.isfinite(float(k)):
            problems.append(_problem("k", k, "not_number", {}))
        elif float(k) < 0:
            problems.append(_problem("k", k, "negative", {}))
        elif float(k) > K_MAX:
            problems.append(_problem("k", k, "out_of_range",
                                          {"minimum": 0, "maximum": K_MAX}))
    return problems


def _array(values: object, n: int | None = None) -> np.ndarray:
    out = np.asarray(values.to_numpy(dtype=float, na_value=np.nan)
                     if isinstance(values, pd.Series) else values, dtype=float)
    if out.ndim == 0 and n is not None:
        out = np.full(n, float(out))
    return np.atleast_1d(out)


def _first_bad(name: str, values: np.ndarray, bad: np.ndarray, rule: str,
               params: dict | None = None) -> list[Problem]:
    if not bad.any():
        return []
    return [_problem(name, float(values[np.flatnonzero(bad)[0]]), rule, params or {})]


def labour_effect(jobs: object, unemployed: object, labour_force: object,
                  population: object = None, m: object = 0.3, k: object = 0.5,
                  net_migration_rate: object = None, index: object = None) -> pd.DataFrame:
    """The model (see module docstring) for one or many counties, vectorised.

    ``jobs`` J ≥ 0, ``unemployed`` U ≥ 0, ``labour_force`` LF > 0 with U ≤ LF,
    ``population`` P > 0 (optional: without it the migration-rate change is NaN),
    ``m`` in [0, 1] and ``k`` in [0, :data:`K_MAX`] (scalars or per county),
    ``net_migration_rate`` the base rate per 1,000 (optional).  Missing U, LF or P
    (NaN) give NaN outputs for that county — data gaps are not errors; impossible values
    raise :class:`LabourModelError` listing every problem.  ``index`` labels the rows
    (default: the index of ``jobs`` if it is a Series).
    """
    if index is None and isinstance(jobs, pd.Series):
        index = jobs.index
    j = _array(jobs)
    n = len(j)
    u = _array(unemployed, n)
    lf = _array(labour_force, n)
    pop = _array(population, n) if population is not None else np.full(n, np.nan)
    mm = _array(m, n)
    kk = _array(k, n)
    base_nmr = (_array(net_migration_rate, n) if net_migration_rate is not None
                else np.full(n, np.nan))
    if not all(len(a) == n for a in (u, lf, pop, mm, kk, base_nmr)):
        raise ValueError("labour_effect inputs must have the same length")

    problems: list[Problem] = []
    problems += _first_bad("jobs", j, ~np.isfinite(j), "not_number")
    problems += _first_bad("jobs", j, np.isfinite(j) & (j < 0), "negative")
    problems += _first_bad("m", mm, ~np.isfinite(mm), "not_number")
    problems += _first_bad("m", mm, np.isfinite(mm) & ((mm < 0) | (mm > 1)), "out_of_range",
                           {"minimum": 0, "maximum": 1})
    problems += _first_bad("k", kk, ~np.isfinite(kk), "not_number")
    problems += _first_bad("k", kk, np.isfinite(kk) & (kk < 0), "negative")
    problems += _first_bad("k", kk, np.isfinite(kk) & (kk > K_MAX), "out_of_range",
                           {"minimum": 0, "maximum": K_MAX})
    with np.errstate(invalid="ignore"):
        problems += _first_bad("unemployed", u, u < 0, "negative")
        problems += _first_bad("labour_force", lf, lf <= 0, "not_positive")
        problems += _first_bad("unemployed", u, u > lf, "unemployed_above_labour_force")
        problems += _first_bad("population", pop, pop <= 0, "not_positive")
    if problems:
        raise LabourModelError(problems)

    wanted_local = j * (1 - mm)
    with np.errstate(invalid="ignore"):
        capped = wanted_local > u
    local = np.where(capped, u, wanted_local)
    in_migrants = j * mm
    followers = in_migrants * kk
    u_new = u - local + followers
    lf_new = lf + in_migrants * (1 + kk)
    migrants = in_migrants * (1 + kk)
    with np.errstate(invalid="ignore", divide="ignore"):
        rate = 100 * u / lf
        rate_new = 100 * u_new / lf_new
        nmr_added = 1000 * migrants / pop
    return pd.DataFrame({
        "m": mm, "k": kk, "jobs": j,
        "local_hires": local, "in_migrant_workers": in_migrants, "followers": followers,
        "unemployed": u, "unemployed_new": u_new,
        "labour_force": lf, "labour_force_new": lf_new,
        "unemployment_rate": rate, "unemployment_rate_new": rate_new,
        "unemployment_rate_change": rate_new - rate,
        "migrants_added": migrants,
        "net_migration_rate": base_nmr, "net_migration_rate_added": nmr_added,
        "net_migration_rate_new": base_nmr + nmr_added,
        "local_hires_capped": np.asarray(capped, dtype=bool),
    }, index=pd.Index(index) if index is not None else None)


def rate_rise_threshold(m: float, k: float) -> float:
    """u* in per cent: with J > 0 new jobs the unemployment rate RISES iff the current rate
    is below ``100·(1 − 1/(m(1+k)))`` (−inf when m = 0; ≤ 0 means it never rises)."""
    problems = check_assumption(m, k)
    if problems:
        raise LabourModelError(problems)
    product = float(m) * (1 + float(k))
    return -math.inf if product == 0 else 100 * (1 - 1 / product)


def unemployment_rate_rises(m: float, k: float, unemployment_rate: float) -> bool:
    """True iff new jobs raise a county's unemployment rate (per cent) — the closed-form
    condition (m(1+k) − 1)·LF > U·m(1+k), i.e. rate < :func:`rate_rise_threshold`."""
    return unemployment_rate < rate_rise_threshold(m, k)
