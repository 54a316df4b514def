"""The driver-project registry as a download: every registry column, numbers as numbers.

One function for every projects download (Projects, County and Map pages):
:func:`registry_download` gives the rows of ``projects`` with **every column of the
registry schema** (``core.schema`` projects table: agency, follow-up officer, actual dates,
coordinates, source, … — the grids on screen show a subset that fits the page) plus the
sample mark ✱ in a column of its own; enumerations in the reader's language, Jalali dates
as ``YYYY/MM/DD`` text, numbers as numbers (so Excel sums and sorts them), and the
headers the importer reads back (``projects.field.*`` / ``projects.col.*``).
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from core.counties import county_names
from core.marks import SAMPLE_MARK
from core.schema import SCHEMAS
from i18n import has_key, t

__all__ = ["REGISTRY_COLUMNS", "registry_download"]

# schema columns in the order of the registry (county by name instead of its code)
REGISTRY_COLUMNS = tuple(c.name for c in SCHEMAS["projects"].columns)
_NUMBERS = ("physical_progress_pct", "financial_progress_pct", "budget_billion_rials",
            "expected_jobs", "lat", "lon")
_ENUMS = {"sector": "sector", "status": "status", "funding_source": "funding"}


def _header(column: str, lang: str) -> str:
    for key in (f"projects.field.{column}", f"projects.col.{column}"):
        if has_key(key):
            return t(key, lang)
    return column


def registry_download(projects: pd.DataFrame, counties: pd.DataFrame, lang: str = "fa",
                      order: Sequence[str] | None = None) -> pd.DataFrame:
    """Every registry column of ``projects`` (rows in ``order`` of project ids when given),
    with the translated headers; column ``✱`` marks sample projects."""
    frame = projects.copy()
    if order is not None:
        frame = frame.set_index("project_id").reindex(list(order)).reset_index()
    names = county_names(counties, lang)
    out = pd.DataFrame(index=range(len(frame)))
    out[SAMPLE_MARK] = [SAMPLE_MARK if bool(v) and not pd.isna(v) else ""
                        for v in frame.get("is_sample", pd.Series(False, index=frame.index))]
    for column in REGISTRY_COLUMNS:
        if column == "is_sample":
            continue
        values = frame[column] if column in frame else pd.Series(pd.NA, index=frame.index)
        if column == "county_code":
            values = values.map(names)
        elif column in _ENUMS:
            prefix = _ENUMS[column]
            values = values.map(lambda v, p=prefix: t(f"{p}.{v}", lang)
                                if isinstance(v, str) and has_key(f"{p}.{v}") else v)
        elif column in _NUMBERS:
            values = pd.to_numeric(values, errors="coerce")
            if column == "expected_jobs":
                values = values.astype("Int64")
        out[_header(column, lang)] = values.to_numpy()
    return out
