"""Declarative schemas of the project's tables: columns, types, allowed values, ranges.

One source of truth used by loading (:mod:`store.loading`), by imports and by
the data dictionary.  Enumerated values are stable English ids; the UI translates
them through the catalogue (``i18n``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = [
    "Column",
    "TableSchema",
    "SECTORS",
    "STATUSES",
    "FUNDING_SOURCES",
    "QUALITIES",
    "PROJECTS",
    "INDICATORS",
    "COUNTIES",
    "PLACES",
    "SCHEMAS",
    "STARTED_STATUSES",
]

SECTORS = (
    "industry", "mining", "agriculture", "tourism", "knowledge_tech", "transport", "water",
    "energy", "skills", "health", "trade_logistics_sez", "international",
)
STATUSES = ("defined", "study", "in_progress", "stalled", "completed", "cancelled")
STARTED_STATUSES = ("in_progress", "stalled", "completed")
FUNDING_SOURCES = ("national", "provincial", "private", "mixed")
# group: a county row that shows the value of a larger unit it belongs to (a ``GROUP:`` row),
# never the county's own figure; flagged like a sample (is_sample true).
QUALITIES = ("sourced", "derived", "group", "estimate", "sample")


@dataclass(frozen=True)
class Column:
    """One column: ``kind`` is one of text, code, int, float, bool, jalali, enum."""

    name: str
    kind: str
    required: bool = True
    allowed: tuple[str, ...] = ()
    minimum: float | None = None
    maximum: float | None = None
    unique: bool = False


@dataclass(frozen=True)
class TableSchema:
    name: str
    columns: tuple[Column, ...]
    key: tuple[str, ...] = field(default=())

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.columns]

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)


COUNTIES = TableSchema(
    "counties",
    (
        Column("code", "code", unique=True),
        Column("name_fa", "text"),
        Column("name_en", "text"),
        Column("osm_name_fa", "text", required=False),
        Column("osm_relation_id", "int", required=False),
        Column("seat_fa", "text", required=False),
        Column("seat_en", "text", required=False),
        Column("seat_lat", "float", required=False, minimum=24, maximum=40),
        Column("seat_lon", "float", required=False, minimum=44, maximum=64),
        Column("area_km2", "float", minimum=0),
        Column("pop_2006", "int", required=False, minimum=0),
        Column("pop_2011", "int", required=False, minimum=0),
        Column("pop_2016", "int", required=False, minimum=0),
        Column("is_province_centre", "bool"),
    ),
    key=("code",),
)

INDICATORS = TableSchema(
    "indicators",
    (
        Column("county_code", "text"),
        Column("indicator", "text"),
        Column("year", "int", required=False, minimum=1300, maximum=1500),
        Column("value", "float", required=False),
        Column("unit", "text", required=False),
        Column("source", "text"),
        Column("quality", "enum", allowed=QUALITIES),
        Column("is_sample", "bool"),
    ),
    key=("county_code", "indicator", "year"),
)

PROJECTS = TableSchema(
    "projects",
    (
        Column("project_id", "text", unique=True),
        Column("county_code", "code"),
        Column("title_fa", "text"),
        Column("title_en", "text", required=False),
        Column("sector", "enum", allowed=SECTORS),
        Column("agency_fa", "text", required=False),
        Column("status", "enum", allowed=STATUSES),
        Column("physical_progress_pct", "float", minimum=0, maximum=100),
        Column("financial_progress_pct", "float", required=False, minimum=0, maximum=100),
        Column("budget_billion_rials", "float", minimum=0),
        Column("funding_source", "enum", allowed=FUNDING_SOURCES),
        Column("expected_jobs", "int", minimum=0),
        Column("planned_start", "jalali", required=False),
        Column("planned_end", "jalali", required=False),
        Column("actual_start", "jalali", required=False),
        Column("actual_end", "jalali", required=False),
        Column("last_followup", "jalali", required=False),
        Column("followup_officer", "text", required=False),
        Column("lat", "float", required=False, minimum=24, maximum=40),
        Column("lon", "float", required=False, minimum=44, maximum=64),
        Column("source", "text", required=False),
        Column("is_sample", "bool"),
    ),
    key=("project_id",),
)

PLACES = TableSchema(
    "places",
    (
        Column("place_id", "text", unique=True),
        Column("county_code", "code", required=False),
        Column("type", "text"),
        Column("name_fa", "text"),
        Column("name_en", "text", required=False),
        Column("lat", "float", required=False, minimum=24, maximum=40),
        Column("lon", "float", required=False, minimum=44, maximum=64),
        Column("source", "text"),
    ),
    key=("place_id",),
)

SCHEMAS = {s.name: s for s in (COUNTIES, INDICATORS, PROJECTS, PLACES)}
