"""Speed of the Priorities computation (issue 15): criteria, scores and the robustness run.

Synthetic registries over the real 28 counties and indicators of ``load_dataset()`` (the
registry generator of ``benchmarks/scenario_speed.py``), plus the embedded registry.  For
each size the script times, interleaved:

* criteria — :func:`analytics.priorities.criteria_table` (panel, need, magnets, criteria);
* weighted sum — :func:`analytics.priorities.prioritise`, 2,000 draws of ±25 %;
* TOPSIS — the same with ``method="topsis"``.

Target: the embedded registry well under a second on the page; 10,000 projects "stays
interactive" (about a second or less for the full robustness run).  Usage::

    .venv/bin/python benchmarks/priorities_speed.py [--sizes 10000] [--repeat 3] [--draws 2000]

Prints a Markdown table.  Not a test.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

from machine import cpu_model  # noqa: F401 - benchmarks/machine.py (the script's folder)
from scenario_speed import _interleaved, machine, synthetic_registry

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analytics.priorities import PRESETS, criteria_table, prioritise  # noqa: E402
from store.loading import load_dataset  # noqa: E402


def run(sizes: list[int], repeat: int, draws: int) -> list[dict]:
    base = load_dataset()
    codes = list(base.counties["code"])
    registries = {"embedded": base.projects}
    registries.update({f"{n:,}": synthetic_registry(base.projects, codes, n) for n in sizes})
    rows = []
    for label, projects in registries.items():
        criteria = criteria_table(projects, base.indicators, base.counties)
        functions = {
            "criteria": lambda p=projects: criteria_table(p, base.indicators, base.counties),
            "weighted_sum": lambda c=criteria: prioritise(c, PRESETS["deputy"], draws=draws),
            "topsis": lambda c=criteria: prioritise(c, PRESETS["deputy"], "topsis",
                                                    draws=draws),
        }
        wall, cpu = _interleaved(functions, repeat)
        rows.append({"registry": label, "projects": len(projects),
                     "candidates": len(criteria),
                     **{f"{k}_wall": statistics.median(v) for k, v in wall.items()},
                     **{f"{k}_cpu": statistics.median(v) for k, v in cpu.items()}})
    return rows


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--draws", type=int, default=2000)
    args = parser.parse_args()
    rows = run(args.sizes, args.repeat, args.draws)
    print(f"machine: {machine()}; draws {args.draws}, median of {args.repeat}")
    print("| registry | candidates | criteria ms (CPU) | weighted sum + robustness ms (CPU) "
          "| TOPSIS + robustness ms (CPU) |")
    print("|---|---:|---:|---:|---:|")
    for r in rows:
        cells = [f"{1000 * r[f'{k}_wall']:.0f} ({1000 * r[f'{k}_cpu']:.0f})"
                 for k in ("criteria", "weighted_sum", "topsis")]
        print(f"| {r['registry']} | {r['candidates']:,} | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
