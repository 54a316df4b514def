"""Rerun time of the Scenario page under Streamlit's AppTest, at 1e5 projects.

Builds a synthetic data directory (the real ``counties.csv``, ``indicators.csv`` and
``places.csv``, and a ``projects.csv`` of N rows sampled from ``data/projects.csv`` with
perturbed budgets/jobs/progress and unique ``project_id``), points ``PISHRAN_DATA_DIR`` at
it and ``PISHRAN_DATABASE_URL`` at a fresh SQLite file (the store seeds itself from the
directory on the first run), then times, median of ``--repeat`` reruns each:

* empty (function) — ``AppTest.from_function`` of a script that only does
  ``st.write("")``: Streamlit's floor for one rerun in AppTest;
* empty (shell) — ``app.py`` (navigation, chrome, language switch) with every page
  replaced by an empty page: the app's own floor;
* scenario rerun — ``at.run()`` again on the Scenario page after its first run
  (caches warm, nothing changed: a full rerun);
* builder, full rerun — a builder widget changed (the edit-kind radio, alternating two
  kinds) and ``at.run()``: AppTest always reruns the whole app;
* builder, fragment rerun — the same change, and the budget-share slider, rerun as the
  browser does it: only the ``_builder`` fragment (AppTest cannot ask for a fragment rerun,
  so the fragment's id is put in the rerun request, as ``tests/test_page_scenario.py``
  does);
* full rerun, bytecode kept — the full rerun again with one ``ScriptCache`` shared by all
  runs (the page compiled once, as a server does), and the same for the empty shell;
* page compile — ``magic.add_magic`` + ``compile`` of ``pages/scenario.py``: AppTest makes a
  new ``ScriptCache`` for every run, so every full AppTest rerun recompiles the page (a
  server compiles it once and keeps the bytecode).

Usage::

    .venv/bin/python benchmarks/page_rerun.py [--n 100000] [--repeat 9]

Not a test.
"""

from __future__ import annotations

import argparse
import functools
import os
import platform
import statistics
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


def timed_runs(at, repeat: int, before=None, fragment: str | None = None) -> list[float]:
    """Wall-clock ms of ``repeat`` reruns; their process CPU ms are kept in ``CPU`` (the
    script runs in a thread of this process; the machine's cores are shared)."""
    out, cpu = [], []
    for i in range(repeat):
        if before is not None:
            before(at, i)
        start, start_cpu = time.perf_counter(), time.process_time()
        if fragment is None:
            at.run()
        else:
            fragment_rerun(at, fragment)
        cpu.append((time.process_time() - start_cpu) * 1000)
        out.append((time.perf_counter() - start) * 1000)
        assert not at.exception, [e.message for e in at.exception]
    CPU[id(out)] = cpu
    return out


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=9)
    args = parser.parse_args()

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

    shell = shell_app(tmp / "shell")
    at = AppTest.from_file(str(shell), default_timeout=60)
    at.switch_page("pages/scenario.py")
    at.run()
    results["empty app: app.py shell, empty Scenario page"] = timed_runs(at, args.repeat)

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=600)
    at.switch_page("pages/scenario.py")
    started = time.perf_counter()
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    n_projects = len(__import__("ui.data", fromlist=["dataset"]).dataset().projects)
    print(f"first run (seeding the store, reports): {time.perf_counter() - started:.1f} s; "
          f"dataset has {n_projects:,} projects", file=sys.stderr)
    at.run()
    results["Scenario page: full rerun (at.run())"] = timed_runs(at, args.repeat)

    def kind(at, i):
        at.radio(key="scn_kind").set_value("cancel" if i % 2 == 0 else "shift_budget")

    kind(at, 1)
    at.run()
    results["Scenario page: builder kind change, full rerun"] = timed_runs(at, args.repeat, kind)

    # fragment reruns last: afterwards AppTest's tree holds only the fragment's elements
    def share(at, i):
        at.select_slider(key="scn_share").set_value(20 if i % 2 == 0 else 10)

    builder = fragment_id(at, "builder")
    if builder is None:
        print("the page has no builder fragment: builder changes rerun the whole page",
              file=sys.stderr)
        kind(at, 1)
        at.run()
        results["Scenario page: builder slider change, full rerun"] = timed_runs(
            at, args.repeat, share)
    else:
        results["Scenario page: builder kind change, fragment rerun"] = timed_runs(
            at, args.repeat, kind, fragment=builder)
        kind(at, 1)
        fragment_rerun(at, builder)
        results["Scenario page: builder slider change, fragment rerun"] = timed_runs(
            at, args.repeat, share, fragment=builder)

    from streamlit.runtime.scriptrunner import magic

    def compile_page() -> None:
        source = (ROOT / "pages" / "scenario.py").read_text(encoding="utf-8")
        compile(magic.add_magic(source, "pages/scenario.py"), "pages/scenario.py", "exec")

    compiles, compiles_cpu = [], []
    for _ in range(args.repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        compile_page()
        compiles_cpu.append((time.process_time() - start_cpu) * 1000)
        compiles.append((time.perf_counter() - start) * 1000)
    results["(pages/scenario.py compile + magic, in every full AppTest rerun)"] = compiles
    CPU[id(compiles)] = compiles_cpu

    # as a server: the page's bytecode compiled once and kept (one ScriptCache for all runs)
    import streamlit.testing.v1.app_test as app_test
    from streamlit.runtime.scriptrunner.script_cache import ScriptCache

    shared, original = ScriptCache(), app_test.ScriptCache
    app_test.ScriptCache = lambda: shared
    try:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=600)
        at.switch_page("pages/scenario.py")
        at.run()
        at.run()
        results["Scenario page: full rerun, bytecode kept (as a server)"] = timed_runs(
            at, args.repeat)
        shell_at = AppTest.from_file(str(shell), default_timeout=60)
        shell_at.switch_page("pages/scenario.py")
        shell_at.run()
        results["empty app: app.py shell, bytecode kept"] = timed_runs(shell_at, args.repeat)
    finally:
        app_test.ScriptCache = original

    def medians(name: str) -> tuple[float, float]:
        values = results[name]
        return statistics.median(values), statistics.median(CPU[id(values)])

    floor_fn = medians("empty app: from_function(st.write(''))")
    floor_shell = medians("empty app: app.py shell, empty Scenario page")
    print(f"\n{args.n:,} projects; median of {args.repeat}; Python {platform.python_version()}, "
          f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}\n")
    print("| rerun | wall ms (min) | CPU ms | × empty function, wall (CPU) "
          "| × empty shell, wall (CPU) |")
    print("|---|---:|---:|---:|---:|")
    for name, values in results.items():
        wall, cpu = medians(name)
        print(f"| {name} | {wall:.1f} ({min(values):.1f}) | {cpu:.1f} | "
              f"{wall / floor_fn[0]:.1f} ({cpu / floor_fn[1]:.1f}) | "
              f"{wall / floor_shell[0]:.1f} ({cpu / floor_shell[1]:.1f}) |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
