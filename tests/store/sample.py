"""Small embedded-data directory and project tables for the store tests."""

from __future__ import annotations

import csv
import io
from pathlib import Path

COUNTIES = [
    # code, name_fa, name_en, area_km2, is_province_centre
    ("isfahan", "اصفهان", "Isfahan", 15000, "true"),
    ("kashan", "کاشان", "Kashan", 4400, "false"),
    ("najafabad", "نجف‌آباد", "Najafabad", 1900, "false"),
    ("aran_va_bidgol", "آران و بیدگل", "Aran va Bidgol", 6000, "false"),
    ("shahreza", "شهرضا", "Shahreza", 6100, "false"),
    ("nain", "نائین", "Nain", 36000, "false"),
]

PROJECT_COLUMNS = ["project_id", "county_code", "title_fa", "title_en", "sector", "agency_fa",
                   "status", "physical_progress_pct", "financial_progress_pct",
                   "budget_billion_rials", "funding_source", "expected_jobs", "planned_start",
                   "planned_end", "actual_start", "actual_end", "last_followup",
                   "followup_officer", "lat", "lon", "source", "is_sample"]
EXTRA_PROJECT_COLUMNS = ["coord_quality", "notes"]  # beside the schema, as in data/

SECTORS = ["industry", "mining", "agriculture", "tourism", "water", "energy"]
STATUSES = ["defined", "study", "in_progress", "stalled", "completed", "in_progress"]


def project_rows(n: int = 12, prefix: str = "P", budget_shift: float = 0.0) -> list[list]:
    rows = []
    for i in range(n):
        county = COUNTIES[i % len(COUNTIES)][0]
        rows.append([
            f"{prefix}-{i + 1:03d}", county, f"پروژه شماره {i + 1}", f"Project {i + 1}",
            SECTORS[i % len(SECTORS)], "سازمان صنعت", STATUSES[i % len(STATUSES)],
            (i * 7) % 100, (i * 5) % 100, 100 + i * 10 + budget_shift, "provincial",
            10 + i, "1402/01/15", "1405/12/29", "1402/03/01" if i % 2 == 0 else "",
            "1404/01/20" if STATUSES[i % len(STATUSES)] == "completed" else "",
            f"1404/0{1 + i % 6}/10", "کارشناس الف" if i % 3 == 0 else "",
            32.5, 51.6, "sample", "true",
        ])
    return rows


def csv_text(columns: list[str], rows: list[list]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows(rows)
    return out.getvalue()


def projects_csv(n: int = 12, prefix: str = "P", budget_shift: float = 0.0) -> bytes:
    return csv_text(PROJECT_COLUMNS, project_rows(n, prefix, budget_shift)).encode("utf-8")


INDICATOR_COLUMNS = ["county_code", "indicator", "year", "value", "unit", "source", "quality",
                     "is_sample"]


def indicator_rows(years=(1395, 1400), scale: float = 1.0) -> list[list]:
    rows = []
    for code, *_ in COUNTIES:
        for year in years:
            rows.append([code, "population", year, 1000 * scale, "persons", "census", "sourced",
                         "false"])
            rows.append([code, "unemployment_rate", year, 9.5 * scale, "percent", "census",
                         "sample", "true"])
    rows.append(["PROVINCE", "population", 1400, 5_000_000, "persons", "census", "sourced",
                 "false"])
    return rows


def write_data_dir(path: Path, n_projects: int = 12) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    (path / "counties.csv").write_text(csv_text(
        ["code", "name_fa", "name_en", "area_km2", "is_province_centre"],
        [list(c) for c in COUNTIES]), encoding="utf-8")
    rows = [[*r, "sample", f"یادداشت {i}" if i % 2 else ""]
            for i, r in enumerate(project_rows(n_projects))]
    (path / "projects.csv").write_text(csv_text(PROJECT_COLUMNS + EXTRA_PROJECT_COLUMNS, rows),
                                       encoding="utf-8")
    (path / "indicators.csv").write_text(csv_text(INDICATOR_COLUMNS, indicator_rows()),
                                         encoding="utf-8")
    (path / "places.csv").write_text(csv_text(
        ["place_id", "county_code", "type", "name_fa", "name_en", "lat", "lon", "source"],
        [["pl1", "isfahan", "city", "اصفهان", "Isfahan", 32.65, 51.67, "osm"]]),
        encoding="utf-8")
    return path
