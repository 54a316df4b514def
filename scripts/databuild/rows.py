"""The indicator row constructor and the columns of indicators.csv."""

from __future__ import annotations

from .common import is_sample

IND_COLUMNS = [
    "county_code", "indicator", "year", "value", "value_text", "unit",
    "source", "quality", "is_sample", "notes",
]  # fmt: skip


def ind(code, indicator, year, value, unit, source, quality, notes, value_text=""):
    return {
        "county_code": code,
        "indicator": indicator,
        "year": year,
        "value": value,
        "value_text": value_text,
        "unit": unit,
        "source": source,
        "quality": quality,
        "is_sample": is_sample(quality),
        "notes": notes,
    }
