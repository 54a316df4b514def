"""Files → validated tables.  The only place that reads the embedded default data.

Loading never half-succeeds: every table is validated, all problems of all tables
are collected, and :class:`~analytics.validation.DataValidationError` is raised if
there is any; otherwise a complete :class:`Dataset` is returned.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analytics.validation import DataValidationError, Problem, validate_table
from core.counties import PROVINCE_CODE, CountyResolver
from core.schema import COUNTIES, INDICATORS, PLACES, PROJECTS, TableSchema
from core.settings import data_dir  # PISHRAN_DATA_DIR

__all__ = ["Dataset", "data_dir", "load_dataset", "read_csv_table"]

@dataclass(frozen=True)
class Dataset:
    """The validated tables.  Treat as read-only: analytics never mutate them."""

    counties: pd.DataFrame
    indicators: pd.DataFrame
    projects: pd.DataFrame
    places: pd.DataFrame
    version: str = "embedded"

    @property
    def resolver(self) -> CountyResolver:
        return CountyResolver(self.counties)

    @property
    def centre_code(self) -> str:
        return str(self.counties.loc[self.counties["is_province_centre"], "code"].iloc[0])


def read_csv_table(path: Path) -> pd.DataFrame:
    """Read a CSV as text (so validation sees exactly what the file holds)."""
    return pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""],
                       encoding="utf-8-sig")


def _validate(path: Path, schema: TableSchema, resolver: CountyResolver | None,
              problems: list[Problem]) -> pd.DataFrame:
    try:
        raw = read_csv_table(path)
    except (OSError, UnicodeDecodeError, pd.errors.ParserError) as err:
        problems.append(Problem(path.name, None, "—", "", "unreadable_file", {"detail": str(err)}))
        return pd.DataFrame(columns=schema.names)
    clean, found = validate_table(raw, schema, path.name, resolver=resolver)
    problems.extend(found)
    return clean


def load_dataset(directory: Path | None = None) -> Dataset:
    """Load and validate ``counties``, ``indicators``, ``projects`` and ``places``."""
    directory = Path(directory or data_dir())
    problems: list[Problem] = []
    counties = _validate(directory / "counties.csv", COUNTIES, None, problems)
    if problems:
        raise DataValidationError("counties.csv", problems)
    counties["is_province_centre"] = counties["is_province_centre"].astype(bool)
    resolver = CountyResolver(counties)
    projects = _validate(directory / "projects.csv", PROJECTS, resolver, problems)
    places = _validate(directory / "places.csv", PLACES, resolver, problems)
    indicators = _validate(directory / "indicators.csv", INDICATORS, None, problems)
    indicators = _county_indicators(indicators, resolver, problems)
    if problems:
        raise DataValidationError(str(directory), problems)
    return Dataset(counties=counties.reset_index(drop=True), indicators=indicators,
                   projects=projects.reset_index(drop=True), places=places.reset_index(drop=True))


def _county_indicators(indicators: pd.DataFrame, resolver: CountyResolver,
                       problems: list[Problem]) -> pd.DataFrame:
    """Keep county and PROVINCE rows (``GROUP:`` rows cover several units: skipped, as
    ``data/README.md`` documents); county names are resolved to codes, unknown ones reported."""
    code = indicators["county_code"].astype("string").fillna("")
    out = indicators[~code.str.startswith("GROUP:")].copy()
    resolved = []
    for idx, value in out["county_code"].items():
        found = PROVINCE_CODE if value == PROVINCE_CODE else resolver.try_resolve(value)
        if found is None:
            problems.append(Problem("indicators.csv", int(idx) + 2, "county_code", str(value),
                                    "unknown_county",
                                    {"suggestions": ", ".join(resolver.suggest(value)) or "—"}))
        resolved.append(found or value)
    out["county_code"] = resolved
    return out.reset_index(drop=True)
