"""Shared constants and helpers of the data builder: CSV reading/writing, cell formatting,
Jalali dates, numbers, the constraint failure, and the literal tables beside the package
(``tables.toml``, ``sample_projects.csv``)."""

from __future__ import annotations

import csv
import math
import tomllib
from functools import cache
from pathlib import Path

import jdatetime

from core.schema import QUALITIES

SEED = 1405
PACKAGE = Path(__file__).resolve().parent
REPO = PACKAGE.parents[1]
TODAY = jdatetime.date(1405, 9, 6)  # = 2026-11-27
CENSUS = {2006: 1385, 2011: 1390, 2016: 1395}
PROVINCE = "PROVINCE"
TABLES_FILE = PACKAGE / "tables.toml"
SAMPLE_PROJECTS_FILE = PACKAGE / "sample_projects.csv"


def default_shared() -> Path:
    rel = REPO.parent / "shared" / "data"
    return rel if rel.is_dir() else Path("/work/shared/data")


@cache
def tables() -> dict:
    """The literal tables (``tables.toml``), parsed once; key order as written in the file."""
    with TABLES_FILE.open("rb") as fh:
        return tomllib.load(fh)


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def write_csv(path: Path, columns: list[str], rows: list[dict]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            missing = set(columns) - set(row)
            extra = set(row) - set(columns)
            if missing or extra:
                raise ValueError(f"{path.name}: bad row keys missing={missing} extra={extra}")
            writer.writerow({k: fmt(row[k]) for k in columns})


def fmt(value) -> str:
    """CSV cell text: integers without '.0', floats without trailing zeros, bools lowercase."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        if value.is_integer():
            return str(int(value))
        return repr(round(value, 6))
    if isinstance(value, jdatetime.date):
        return jdate(value)
    return str(value)


def jdate(d: jdatetime.date) -> str:
    return f"{d.year:04d}/{d.month:02d}/{d.day:02d}"


def to_jalali_year(gregorian_year: str) -> int | None:
    """Census 2006/2011/2016 -> 1385/1390/1395; any other Gregorian year Y -> Y - 621
    (the Jalali year that starts on ~21 March Y and covers most of Y)."""
    if not gregorian_year.strip():
        return None
    g = int(gregorian_year)
    return CENSUS.get(g, g - 621)


def num(text: str) -> float | None:
    text = (text or "").strip().replace(",", "")
    if not text:
        return None
    try:
        return float(text)
    except ValueError:
        return None


def is_sample(quality: str) -> bool:
    if quality not in QUALITIES:
        raise ValueError(f"bad quality {quality!r}")
    return quality in ("group", "estimate", "sample")


def wmean(values: dict[str, float], weights: dict[str, float]) -> float:
    total = sum(weights[k] for k in values)
    return sum(values[k] * weights[k] for k in values) / total


def fail(msg: str) -> None:
    raise SystemExit(f"databuild: constraint violated: {msg}")


def by_code(rows):
    return {r["code"]: r for r in rows}
