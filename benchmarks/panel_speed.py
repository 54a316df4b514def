"""How fast is filter → panel → measures, against a bare group-by of the same rows?

Synthetic registries of 1e3, 1e5 and 1e6 projects over the 28 real counties (random but
realistic columns, ``planned_end`` Jalali text drawn from a few thousand distinct values).
For each size, in the same run:

* floor: ``projects.groupby("county_code")["budget_billion_rials"].sum()``;
* pipeline: ``build_panel`` + ``panel_totals`` + ``panel_balance`` for budget and for jobs.

Each is timed ``--repeat`` times (default 7, at least 5); the median is reported with the
ratio pipeline / floor.  Target: ratio ≤ 3 at 1e6.

Run: ``.venv/bin/python benchmarks/panel_speed.py [--sizes 1000 100000 1000000]``.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd
from machine import cpu_model  # benchmarks/machine.py (the script's folder)

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from analytics.measures import panel_balance  # noqa: E402
from analytics.panel import build_panel, panel_totals  # noqa: E402
from core.schema import FUNDING_SOURCES, SECTORS, STATUSES  # noqa: E402
from store.loading import load_dataset  # noqa: E402

TODAY = "1405/09/06"


def jalali_dates(rng: np.random.Generator, n_distinct: int) -> np.ndarray:
    """``n_distinct`` distinct Jalali dates ``YYYY/MM/DD`` between 1398 and 1412."""
    years = rng.integers(1398, 1413, n_distinct * 2)
    months = rng.integers(1, 13, n_distinct * 2)
    days = rng.integers(1, 30, n_distinct * 2)
    texts = pd.unique(np.array([f"{y}/{m:02d}/{d:02d}" for y, m, d in zip(years, months, days)]))
    return texts[:n_distinct]


def synthetic_projects(n: int, codes: list[str], seed: int = 1) -> pd.DataFrame:
    """A registry of ``n`` projects with the dtypes :func:`load_dataset` gives."""
    rng = np.random.default_rng(seed)
    weights = rng.dirichlet(np.ones(len(codes)) * 2)
    budget = np.round(rng.lognormal(6.5, 1.3, n), 1)
    budget[rng.random(n) < 0.02] = np.nan
    jobs = pd.array(np.round(rng.lognormal(4.5, 1.0, n)).astype(int), dtype="Int64")
    jobs[rng.random(n) < 0.05] = pd.NA
    starts = jalali_dates(rng, 3000)
    ends = jalali_dates(rng, 4000)
    end = ends[rng.integers(0, len(ends), n)].astype(object)
    end[rng.random(n) < 0.03] = None
    return pd.DataFrame({
        "project_id": pd.array([f"p{i}" for i in range(n)], dtype="string"),
        "county_code": pd.array(rng.choice(codes, n, p=weights), dtype="string"),
        "sector": pd.array(rng.choice(SECTORS, n), dtype="string"),
        "status": pd.array(rng.choice(STATUSES, n, p=[.1, .2, .4, .12, .15, .03]), dtype="string"),
        "physical_progress_pct": np.round(rng.uniform(0, 100, n), 0),
        "budget_billion_rials": budget,
        "funding_source": pd.array(rng.choice(FUNDING_SOURCES, n), dtype="string"),
        "expected_jobs": jobs,
        "planned_start": pd.array(starts[rng.integers(0, len(starts), n)], dtype="string"),
        "planned_end": pd.array(end, dtype="string"),
        "is_sample": pd.array(rng.random(n) < 0.9, dtype="boolean"),
    })


def timed_pair(floor, pipeline, repeat: int) -> dict[str, float]:
    """Median wall-clock and CPU seconds of ``floor`` and ``pipeline``, run alternately so
    both see the same machine load (the cores are shared with other jobs)."""
    wall: dict[str, list[float]] = {"floor": [], "pipeline": []}
    cpu: dict[str, list[float]] = {"floor": [], "pipeline": []}
    for _ in range(repeat):
        for name, fn in (("floor", floor), ("pipeline", pipeline)):
            w0, c0 = time.perf_counter(), time.process_time()
            fn()
            wall[name].append(time.perf_counter() - w0)
            cpu[name].append(time.process_time() - c0)
    out = {f"{kind}_{name}": statistics.median(values[name])
           for kind, values in (("wall", wall), ("cpu", cpu)) for name in values}
    out.update({f"min_{name}": min(values) for name, values in wall.items()})
    return out


def machine() -> str:
    model = cpu_model("unknown CPU")
    import os

    return (f"{os.cpu_count()} CPUs ({model}); Python {platform.python_version()}, "
            f"pandas {pd.__version__}, numpy {np.__version__}")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 100_000, 1_000_000])
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    repeat = max(5, args.repeat)
    ds = load_dataset()
    codes = list(ds.counties["code"])
    print(machine())
    print(f"median of {repeat} alternating runs: wall-clock ms (CPU ms of this process); "
          "ratio = pipeline / floor of the medians (of CPU medians) [of the fastest runs]")
    print(f"{'projects':>10} {'floor ms':>16} {'pipeline ms':>18} {'ratio':>20}")
    for n in args.sizes:
        projects = synthetic_projects(n, codes)

        def floor(projects=projects):
            return projects.groupby("county_code")["budget_billion_rials"].sum()

        def pipeline(projects=projects):
            panel = build_panel(projects, ds.indicators, ds.counties, today=TODAY)
            panel_totals(panel)
            panel_balance(panel, "budget_total")
            panel_balance(panel, "jobs_total")

        floor(), pipeline()  # warm-up
        t = timed_pair(floor, pipeline, repeat)
        print(f"{n:>10,} {t['wall_floor'] * 1000:>8.1f} ({t['cpu_floor'] * 1000:>5.1f})"
              f" {t['wall_pipeline'] * 1000:>9.1f} ({t['cpu_pipeline'] * 1000:>6.1f})"
              f" {t['wall_pipeline'] / t['wall_floor']:>6.2f} "
              f"({t['cpu_pipeline'] / t['cpu_floor']:>4.2f})"
              f" [{t['min_pipeline'] / t['min_floor']:>4.2f}]")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
