"""Build the embedded default data of Pishran (``data/*.csv``) from the shared fact tables.

Reads the hand-checked fact tables in ``../shared/data`` (or ``--shared PATH``) and writes

* ``counties.csv``   - one row per county (28), census figures only;
* ``indicators.csv`` - long indicator table: sourced / derived / group / estimate / sample rows;
* ``projects.csv``   - driver-project registry: real reported projects + sample projects;
* ``places.csv``     - development assets (sourced only; coordinate precision exact / town)

into ``data/`` (or ``--out PATH``).  Usage: ``python -m scripts.databuild [--shared PATH]
[--out PATH]`` from the repository root.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from core.schema import QUALITIES

from .common import REPO, default_shared, read_csv, write_csv
from .counties import COUNTY_COLUMNS, build_counties, households
from .indicators import build_indicators
from .places import PLACE_COLUMNS, build_places
from .projects import PROJECT_COLUMNS, build_projects, check_projects
from .rows import IND_COLUMNS


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m scripts.databuild", description=__doc__.splitlines()[0]
    )
    ap.add_argument("--shared", type=Path, default=default_shared(),
                    help="folder with the shared fact tables (default: %(default)s)")
    ap.add_argument("--out", type=Path, default=REPO / "data", help="output folder")
    args = ap.parse_args(argv)
    shared = args.shared
    for name in ("counties.csv", "indicators.csv", "places.csv", "projects_news.csv"):
        if not (shared / name).is_file():
            print(f"missing {shared / name}", file=sys.stderr)
            return 2
    shared_counties = read_csv(shared / "counties.csv")
    shared_ind = read_csv(shared / "indicators.csv")
    counties = build_counties(shared_counties)
    indicators, _pop, stats = build_indicators(counties, shared_ind, households(shared_counties))
    places = build_places(read_csv(shared / "places.csv"))
    projects = build_projects(counties, read_csv(shared / "projects_news.csv"))
    pstats = check_projects(projects, counties)

    write_csv(args.out / "counties.csv", COUNTY_COLUMNS, counties)
    write_csv(args.out / "indicators.csv", IND_COLUMNS, indicators)
    write_csv(args.out / "projects.csv", PROJECT_COLUMNS, projects)
    write_csv(args.out / "places.csv", PLACE_COLUMNS, places)

    print(f"shared: {shared}")
    print(f"counties: {len(counties)}  places: {len(places)}  indicators: {len(indicators)}")
    by_q = {q: sum(1 for r in indicators if r["quality"] == q) for q in QUALITIES}
    print(f"indicator rows by quality: {by_q}")
    for j, (s, v, diff, pct) in sorted(stats["pop_summary"].items()):
        print(f"population {j}: sum of 28 = {s:,.0f} vs province {v:,.0f} "
              f"({diff:+,.0f}, {pct:+.2f}%)")  # fmt: skip
    print(f"census unemployment 1395: labour-force-weighted mean {stats['unemp_wmean']:.2f} "
          f"(province {stats['unemp_province']}); 1390 province sample "
          f"{stats['unemp_1390_province_sample']}")  # fmt: skip
    print(f"net migration: weighted mean {stats['netmig_wmean']:.2f} per 1,000 "
          f"(province derived {stats['netmig_province']:.2f})")  # fmt: skip
    print(f"projects: {pstats['n']} (real {pstats['real']}, sample "
          f"{pstats['n'] - pstats['real']}); statuses {pstats['status']}")  # fmt: skip
    print(f"budget total {pstats['total_budget']:,.0f} bn rials; centre share "
          f"{100 * pstats['centre_share']:.1f}%; overdue {pstats['overdue']}; "
          f"stale (>90 d) {pstats['stale']}")  # fmt: skip
    return 0
