"""Rerun time of the Scenario page under Streamlit's AppTest, at 1e5 projects.

Builds a synthetic data directory (the real ``counties.csv``, ``indicators.csv`` and
``places.csv``, and a ``projects.csv`` of N rows sampled from ``data/projects.csv`` with
perturbed budgets/jobs/progress and unique ``project_id``), points ``PISHRAN_DATA_DIR`` at
it and ``PISHRAN_DATABASE_URL`` at a fresh SQLite file (the store seeds itself from the
directory on the first run), then times, median of ``--repeat`` reruns each:

* empty app (function) — ``AppTest.from_function`` of a script that only does
  ``st.write("")``: Streamlit's floor for one rerun in AppTest;
* empty app (shell) — ``app.py`` (navigation, chrome, language switch) with every page
  replaced by an empty page: the app's own floor;
* small registry — the real app and Scenario page on the same counties and indicators
  with 137 projects, the size of the embedded registry (a separate process:
  ``--small-registry``; a registry with no projects is refused by validation): what the
  page costs when there is next to no data to compute;
* Scenario page, full rerun — ``at.run()`` again after the first run (caches warm,
  nothing changed: AppTest always reruns the whole app);
* builder change, fragment rerun — the edit-kind radio (alternating two kinds) and the
  budget-share slider, rerun as the browser does it: only the ``builder`` fragment
  (AppTest cannot ask for a fragment rerun, so the fragment's id is put in the rerun
  request, as ``tests/test_page_scenario.py`` does);
* section change, fragment rerun — the result section (map ↔ county table) and the map
  measure: only the ``sections`` fragment (headline, measures and X stay as drawn);
* parts — the full rerun again with one more part of the page replaced by nothing
  (results, saved scenarios, builder, list of edits, the shared filter sidebar): where a
  full rerun's time goes;
* page compile — ``magic.add_magic`` + ``compile`` of ``pages/scenario.py``, which AppTest
  repeats on every run (the page's code lives in ``ui/pages/scenario``, imported once).

Every page rerun is also paired with a rerun of the shell just before it; "× shell,
paired" is the median of those per-pair ratios (steadier on a shared VM than a ratio of
medians taken minutes apart).

Usage::

    .venv/bin/python benchmarks/page_rerun.py [--n 100000] [--repeat 9]

Not a test.
"""

from __future__ import annotations

import argparse
import functools
import math
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.chdir(ROOT)


def synthetic_data_dir(folder: Path, n: int, seed: int = 0) -> Path:
    """``folder`` with the real counties/indicators/places and ``n`` sampled projects."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("counties.csv", "indicators.csv", "places.csv"):
        (folder / name).write_bytes((ROOT / "data" / name).read_bytes())
    template = pd.read_csv(ROOT / "data" / "projects.csv", dtype=str, keep_default_na=False)
    rng = np.random.default_rng(seed)
    rows = template.iloc[rng.integers(0, len(template), n)].reset_index(drop=True)
    rows["project_id"] = [f"{c}-s{i:06d}" for i, c in enumerate(rows["county_code"])]

    def perturb(column: str, low: float, high: float, integer: bool, cap: float | None = None):
        values = pd.to_numeric(rows[column], errors="coerce")
        factor = rng.uniform(low, high, n)
        new = values * factor
        if cap is not None:
            new = new.clip(upper=cap)
        text = new.round(0 if integer else 1)
        rows[column] = [("" if pd.isna(v) else (str(int(v)) if integer else f"{v:g}"))
                        for v in text]

    perturb("budget_billion_rials", 0.5, 1.5, False)
    perturb("expected_jobs", 0.5, 1.5, True)
    perturb("physical_progress_pct", 0.8, 1.0, True, cap=100)
    rows.to_csv(folder / "projects.csv", index=False)
    return folder


EMPTY_PAGE = "import streamlit as st\n"
SMALL_REGISTRY = 137  # the embedded registry's size


def shell_app(folder: Path) -> Path:
    """A copy of app.py whose pages are all empty (same navigation, chrome and sidebar)."""
    pages = folder / "pages"
    pages.mkdir(parents=True, exist_ok=True)
    source = (ROOT / "app.py").read_text(encoding="utf-8")
    for path in sorted((ROOT / "pages").glob("*.py")):
        (pages / path.name).write_text(EMPTY_PAGE, encoding="utf-8")
    app = folder / "app.py"
    app.write_text(source, encoding="utf-8")
    return app


def _empty():
    import streamlit as st

    st.write("")


def fragment_id(at, name: str) -> str | None:
    """The id of the fragment function ``name`` registered by the last run (``None``: the
    page has no such fragment, e.g. an older version of it)."""
    ids = [fid for fid, wrapper in at._fragment_storage._fragments.items()
           if any(getattr(cell.cell_contents, "__name__", None) == name
                  for cell in wrapper.__closure__ or ())]
    assert len(ids) <= 1, ids
    return ids[0] if ids else None


def fragment_rerun(at, fid: str) -> None:
    """``at.run()`` as a rerun of the fragment ``fid`` only (what the browser requests when
    a widget inside a fragment changes)."""
    from streamlit.testing.v1 import local_script_runner

    original = local_script_runner.RerunData
    local_script_runner.RerunData = functools.partial(original, fragment_id_queue=[fid])
    try:
        at.run()
    finally:
        local_script_runner.RerunData = original


CPU: dict[int, list[float]] = {}  # id(wall-time list) -> the CPU times of the same runs
PAIRED: dict[int, list[float]] = {}  # id(wall-time list) -> the shell's run just before each
SMALL_PAIRED: dict[int, float | None] = {}  # the small registry's paired ratio (its process)


def paired_ratio(values: list[float]) -> float | None:
    """Median of (page rerun / the shell's rerun just before it)."""
    if id(values) in SMALL_PAIRED:
        return SMALL_PAIRED[id(values)]
    shell_runs = PAIRED.get(id(values))
    return statistics.median(v / s for v, s in zip(values, shell_runs)) if shell_runs else None


def _timed(run) -> tuple[float, float]:
    start, start_cpu = time.perf_counter(), time.process_time()
    run()
    return (time.perf_counter() - start) * 1000, (time.process_time() - start_cpu) * 1000


def timed_runs(at, repeat: int, before=None, fragment: str | None = None,
               shell=None) -> list[float]:
    """Wall-clock ms of ``repeat`` reruns; their process CPU ms are kept in ``CPU`` (the
    script runs in a thread of this process; the machine's cores are shared).  With
    ``shell`` (the empty-page app), the shell reruns once just before each measured rerun
    and its times are kept in ``PAIRED``: a ratio per pair, taken under the same load,
    moves far less on this VM than a ratio of two medians measured minutes apart."""
    out, cpu, paired = [], [], []
    for i in range(repeat):
        if shell is not None:
            paired.append(_timed(shell.run)[0])
        if before is not None:
            before(at, i)
        wall, used = _timed(at.run if fragment is None else lambda: fragment_rerun(at, fragment))
        out.append(wall)
        cpu.append(used)
        assert not at.exception, [e.message for e in at.exception]
    CPU[id(out)] = cpu
    if shell is not None:
        PAIRED[id(out)] = paired
    return out


def section_costs(at, shell, repeat: int) -> dict[str, list[float]]:
    """Where a full rerun goes: the page rerun again and again with one more of its parts
    replaced by nothing (results, saved scenarios, builder, list of edits, then the shared
    filter sidebar), each paired with the shell.  Changes the page module: run last."""
    import ui.pages.scenario.page as page
    from analytics.filters import ProjectFilter
    from ui import layout

    def nothing(*args, **kwargs):
        return None

    out: dict[str, list[float]] = {}
    steps = [("results", page, "results", nothing),
             ("saved scenarios", page, "saved_scenarios", nothing),
             ("builder", page, "builder", nothing),
             ("list of edits", page, "edit_list", nothing),
             ("shared filter sidebar", layout, "filter_sidebar",
              lambda *a, **k: ProjectFilter())]
    dropped: list[str] = []
    originals: list[tuple] = []
    try:
        for label, module, name, replacement in steps:
            originals.append((module, name, getattr(module, name)))
            setattr(module, name, replacement)
            dropped.append(label)
            at.run()
            out["parts: without " + ", ".join(dropped)] = timed_runs(at, repeat, shell=shell)
    finally:
        for module, name, function in originals:
            setattr(module, name, function)
    return out


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=9)
    parser.add_argument("--small-registry", action="store_true",
                        help="time only the Scenario page's full rerun (with --n 137)")
    args = parser.parse_args()
    small: list[float] = []  # the small registry's wall ms, CPU ms and paired ratio
    if not args.small_registry:
        # the small registry needs its own process (the store and caches are per process)
        out = subprocess.run([sys.executable, __file__, "--small-registry", "--n",
                              str(SMALL_REGISTRY), "--repeat", str(args.repeat)],
                             capture_output=True, text=True, check=True).stdout
        line = next(ln for ln in out.splitlines() if ln.startswith("SMALL_REGISTRY"))
        small = [float(v) for v in line.split()[1:]]

    tmp = Path(tempfile.mkdtemp(prefix="pishran_rerun_"))
    started = time.perf_counter()
    synthetic_data_dir(tmp / "data", args.n)
    os.environ["PISHRAN_DATA_DIR"] = str(tmp / "data")
    os.environ["PISHRAN_DATABASE_URL"] = f"sqlite:///{tmp / 'pishran.db'}"
    os.environ["PISHRAN_SCENARIO_DIR"] = str(tmp / "scenarios")
    print(f"synthetic data: {args.n:,} projects in {time.perf_counter() - started:.1f} s",
          file=sys.stderr)

    from streamlit.testing.v1 import AppTest

    results: dict[str, list[float]] = {}

    at = AppTest.from_function(_empty, default_timeout=60)
    at.run()
    results["empty app: from_function(st.write(''))"] = timed_runs(at, args.repeat)

    shell = AppTest.from_file(str(shell_app(tmp / "shell")), default_timeout=60)
    shell.switch_page("pages/scenario.py")
    shell.run()
    results["empty app: app.py shell, empty Scenario page"] = timed_runs(shell, args.repeat)

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=600)
    at.switch_page("pages/scenario.py")
    started = time.perf_counter()
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    n_projects = len(__import__("ui.data", fromlist=["dataset"]).dataset().projects)
    print(f"first run (seeding the store, reports): {time.perf_counter() - started:.1f} s; "
          f"dataset has {n_projects:,} projects", file=sys.stderr)
    if args.small_registry:
        at.run()
        results["small registry: Scenario page, full rerun"] = timed_runs(at, args.repeat,
                                                                          shell=shell)
        return report(args, results, "small registry: Scenario page, full rerun")
    at.run()
    results["Scenario page: full rerun (at.run())"] = timed_runs(at, args.repeat, shell=shell)

    def kind(at, i):
        at.radio(key="scn_kind").set_value("cancel" if i % 2 == 0 else "shift_budget")

    def share(at, i):
        at.select_slider(key="scn_share").set_value(20 if i % 2 == 0 else 10)

    def view(at, i):
        at.segmented_control(key="scn_view").set_value("counties" if i % 2 == 0 else "map")

    def measure(at, i):
        at.selectbox(key="scn_map").set_value("jobs_per_1000" if i % 2 == 0
                                              else "budget_per_capita")

    kind(at, 1)
    at.run()
    results["Scenario page: builder kind change, full rerun"] = timed_runs(at, args.repeat, kind,
                                                                           shell=shell)
    # fragment reruns: afterwards AppTest's tree holds only the fragment's elements
    for name, changes in (("builder", (kind, share)), ("sections", (view, measure))):
        fid = fragment_id(at, name)
        assert fid is not None, f"the page has no {name} fragment"
        for change in changes:
            at.run()  # a full run: the whole page in AppTest's tree again
            kind(at, 1)  # the budget shift: the builder shows the share slider
            at.run()
            change(at, 1)
            fragment_rerun(at, fid)
            label = f"Scenario page: {name} {change.__name__} change, fragment rerun"
            results[label] = timed_runs(at, args.repeat, change, fragment=fid, shell=shell)

    at.run()
    results.update(section_costs(at, shell, args.repeat))

    from streamlit.runtime.scriptrunner import magic

    def compile_page() -> None:
        source = (ROOT / "pages" / "scenario.py").read_text(encoding="utf-8")
        compile(magic.add_magic(source, "pages/scenario.py"), "pages/scenario.py", "exec")

    timings = [_timed(compile_page) for _ in range(args.repeat)]
    compiles = [wall for wall, _ in timings]
    results["(pages/scenario.py compile + magic, in every AppTest run)"] = compiles
    CPU[id(compiles)] = [cpu for _, cpu in timings]
    if small:
        name = f"small registry ({SMALL_REGISTRY} projects): Scenario page, full rerun"
        results[name] = [small[0]]
        CPU[id(results[name])] = [small[1]]
        SMALL_PAIRED[id(results[name])] = small[2]
    return report(args, results, None)


def report(args, results: dict[str, list[float]], extra_floor: str | None) -> int:
    def medians(name: str) -> tuple[float, float]:
        values = results[name]
        return statistics.median(values), statistics.median(CPU[id(values)])

    floor_fn = medians("empty app: from_function(st.write(''))")
    floor_shell = medians("empty app: app.py shell, empty Scenario page")
    small_name = next((n for n in results if n.startswith("small registry")), None)
    floor_small = medians(small_name) if small_name else (math.nan, math.nan)
    print(f"\n{args.n:,} projects; median of {args.repeat}; Python {platform.python_version()}, "
          f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}\n")
    print("| rerun | wall ms (min) | CPU ms | × empty function, wall (CPU) "
          "| × empty shell, wall (CPU) | × shell, paired | × small registry, wall (CPU) |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, values in results.items():
        wall, cpu = medians(name)
        ratio = paired_ratio(values)
        paired = "—" if ratio is None else f"{ratio:.1f}"
        print(f"| {name} | {wall:.1f} ({min(values):.1f}) | {cpu:.1f} | "
              f"{wall / floor_fn[0]:.1f} ({cpu / floor_fn[1]:.1f}) | "
              f"{wall / floor_shell[0]:.1f} ({cpu / floor_shell[1]:.1f}) | {paired} | "
              f"{wall / floor_small[0]:.1f} ({cpu / floor_small[1]:.1f}) |")
    if extra_floor:
        wall, cpu = medians(extra_floor)
        print(f"\nSMALL_REGISTRY {wall:.3f} {cpu:.3f} {paired_ratio(results[extra_floor]):.3f}")
        return 0
    full = results.get("Scenario page: full rerun (at.run())")
    if full is not None and small_name and paired_ratio(results[small_name]):
        print(f"\nfull rerun, paired × shell: {paired_ratio(full):.2f} at {args.n:,} projects, "
              f"{paired_ratio(results[small_name]):.2f} at {SMALL_REGISTRY}: "
              f"{paired_ratio(full) / paired_ratio(results[small_name]):.2f}×")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
