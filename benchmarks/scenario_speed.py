"""Speed of scenarios: apply ~5 edits + recompute the county panel and balance measures.

Synthetic registries of 1e4 and 1e6 projects over the real 28 counties (and the real
indicators) of ``load_dataset()``; columns and dtypes as the loaded registry.  For each
size the script times, in the same run:

* baseline — ``build_panel`` + ``panel_balance`` on the unedited registry;
* scenario — ``apply_scenario`` (a filtered ``set_projects``, a ``postpone``, a filtered
  ``cancel``, an ``add_project``, a ``shift_budget`` and an ``assumptions`` edit) +
  ``build_panel`` + ``panel_balance`` on the result.

Targets: 1e4 well under 0.1 s; 1e6 within 3× the baseline.  Usage::

    .venv/bin/python benchmarks/scenario_speed.py [--sizes 10000 1000000] [--repeat 5]

Prints a Markdown table (and ``--json`` for machine use).  Not a test.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd
from machine import cpu_model  # benchmarks/machine.py (the script's folder)

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analytics.measures import panel_balance  # noqa: E402
from analytics.panel import build_panel  # noqa: E402
from analytics.scenario import Scenario, apply_scenario  # noqa: E402
from core.schema import FUNDING_SOURCES, SECTORS  # noqa: E402
from store.loading import Dataset, load_dataset  # noqa: E402

SCENARIO = {
    "version": 1,
    "name": "benchmark",
    "edits": [
        {"type": "set_projects", "filter": {"counties": ["khur_va_biabanak"],
                                            "sectors": ["tourism"]},
         "status": "completed", "physical_progress_pct": 100, "planned_end": "1405/12/29"},
        {"type": "postpone", "filter": {"sectors": ["water"], "statuses": ["defined", "study"]},
         "months": 6},
        {"type": "cancel", "filter": {"counties": ["nain"], "sectors": ["mining"],
                                      "statuses": ["defined"]}},
        {"type": "add_project", "county": "nain", "sector": "tourism", "title_fa": "اقامتگاه",
         "budget_billion_rials": 500, "expected_jobs": 120, "status": "completed"},
        {"type": "shift_budget", "share": 0.1, "rule": "deprivation"},
        {"type": "assumptions", "group": "industrial", "m": 0.7},
    ],
}


def _jalali_text(y: np.ndarray, m: np.ndarray, d: np.ndarray) -> np.ndarray:
    return np.char.add(np.char.add(np.char.add(y.astype(str), "/"),
                                   np.char.add(np.char.zfill(m.astype(str), 2), "/")),
                       np.char.zfill(d.astype(str), 2))


def synthetic_registry(template: pd.DataFrame, codes: list[str], n: int, seed: int = 0
                       ) -> pd.DataFrame:
    """``n`` projects with the columns and dtypes of ``template`` (the loaded registry)."""
    rng = np.random.default_rng(seed)
    statuses = np.array(["defined", "study", "in_progress", "stalled", "completed", "cancelled"])
    status = statuses[rng.choice(6, n, p=[0.11, 0.2, 0.39, 0.13, 0.13, 0.04])]
    progress = np.where(status == "completed", 100.0, rng.uniform(0, 95, n).round())
    # days 1–29 exist in every Jalali month, so every generated date is valid
    year, month, day = rng.integers(1398, 1406, n), rng.integers(1, 13, n), rng.integers(1, 30, n)
    start = _jalali_text(year, month, day)
    end = _jalali_text(year + rng.integers(1, 5, n), month, day)
    data = {
        "project_id": np.char.add("p", np.arange(n).astype(str)),
        "county_code": np.asarray(codes)[rng.integers(0, len(codes), n)],
        "title_fa": np.full(n, "پروژه نمونه"),
        "title_en": np.full(n, "Sample project"),
        "sector": np.asarray(SECTORS)[rng.integers(0, len(SECTORS), n)],
        "status": status,
        "physical_progress_pct": progress,
        "budget_billion_rials": rng.lognormal(7, 1.2, n).round(),
        "funding_source": np.asarray(FUNDING_SOURCES)[rng.integers(0, 4, n)],
        "expected_jobs": rng.integers(0, 2000, n),
        "planned_start": start,
        "planned_end": end,
        "is_sample": np.ones(n, dtype=bool),
    }
    frame = pd.DataFrame({c: data.get(c, [None] * n) for c in template.columns})
    return frame.astype(template.dtypes.to_dict())


def _interleaved(functions: dict, repeat: int) -> tuple[dict, dict]:
    """Wall-clock and CPU (this process) seconds of each function, ``repeat`` times,
    interleaved (a, b, c, a, b, c, …) so that a change of load on a shared machine hits
    every function alike."""
    wall: dict[str, list[float]] = {name: [] for name in functions}
    cpu: dict[str, list[float]] = {name: [] for name in functions}
    for _ in range(repeat):
        for name, fn in functions.items():
            start, start_cpu = time.perf_counter(), time.process_time()
            fn()
            cpu[name].append(time.process_time() - start_cpu)
            wall[name].append(time.perf_counter() - start)
    return wall, cpu


def machine() -> dict:
    cpu = cpu_model(platform.processor() or "")
    nproc = subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip()
    return {"nproc": nproc, "cpu": cpu, "python": platform.python_version(),
            "pandas": pd.__version__, "numpy": np.__version__}


def run(sizes: list[int], repeat: int) -> list[dict]:
    base = load_dataset()
    codes = list(base.counties["code"])
    scenario = Scenario.from_dict(SCENARIO)
    today = "1405/01/01"
    rows = []
    for n in sizes:
        projects = synthetic_registry(base.projects, codes, n)
        dataset = Dataset(counties=base.counties, indicators=base.indicators,
                          projects=projects, places=base.places)

        def baseline(ds=dataset):
            panel = build_panel(ds.projects, ds.indicators, ds.counties, today=today)
            panel_balance(panel, "budget_total")

        def scenario_run(ds=dataset):
            result = apply_scenario(ds, scenario)
            panel = build_panel(result.projects, result.indicators_adjusted, ds.counties,
                                today=today)
            panel_balance(panel, "budget_total")

        def apply_only(ds=dataset):
            apply_scenario(ds, scenario)

        reps = repeat if n <= 100_000 else max(5, repeat // 2)
        baseline()
        scenario_run()  # warm-up (imports, caches)
        wall, cpu = _interleaved({"baseline": baseline, "scenario": scenario_run,
                                  "apply": apply_only}, reps)
        row = {"n_projects": n, "repeat": reps}
        for clock, times in (("wall", wall), ("cpu", cpu)):
            for name, values in times.items():
                row[f"{name}_{clock}_median_s"] = statistics.median(values)
                row[f"{name}_{clock}_min_s"] = min(values)
            row[f"ratio_{clock}_median"] = (row[f"scenario_{clock}_median_s"]
                                            / row[f"baseline_{clock}_median_s"])
            row[f"ratio_{clock}_min"] = (row[f"scenario_{clock}_min_s"]
                                         / row[f"baseline_{clock}_min_s"])
        rows.append(row)
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 1_000_000])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    rows = run(args.sizes, args.repeat)
    info = machine()
    if args.json:
        print(json.dumps({"machine": info, "results": rows}, indent=2))
        return 0
    print(f"machine: nproc={info['nproc']}, CPU {info['cpu']}, Python {info['python']}, "
          f"pandas {info['pandas']}, numpy {info['numpy']}")
    try:
        load = " / ".join(f"{x:.1f}" for x in os.getloadavg())
    except OSError:
        load = "?"
    print(f"load average at the end: {load}")
    print("| projects | clock | baseline: build_panel + panel_balance (ms) | apply_scenario "
          "(ms) | scenario: apply + build_panel + panel_balance (ms) | scenario / baseline |")
    print("|---:|---|---:|---:|---:|---:|")
    for r in rows:
        for clock in ("wall", "cpu"):
            def cell(name: str, clock: str = clock, r: dict = r) -> str:
                return (f"{1000 * r[f'{name}_{clock}_median_s']:.1f} "
                        f"(min {1000 * r[f'{name}_{clock}_min_s']:.1f})")
            print(f"| {r['n_projects']:,} | {clock} | {cell('baseline')} | {cell('apply')} "
                  f"| {cell('scenario')} | {r[f'ratio_{clock}_median']:.2f}× "
                  f"(min/min {r[f'ratio_{clock}_min']:.2f}×) |")
    print("(medians of", ", ".join(f"{r['repeat']}" for r in rows), "interleaved runs)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
