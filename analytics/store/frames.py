"""Tables ↔ database rows with one canonical set of dtypes.

Text-like kinds (text, code, enum, jalali) are pandas ``string``; ``float`` is
``float64``; ``int`` is ``Int64``; ``bool`` is ``boolean``.  Blank text is ``<NA>``.
Only schema columns are stored (extra columns of a file are ignored and reported as a
warning by the import).
"""

from __future__ import annotations

import math

import pandas as pd

from analytics.schema import TableSchema

__all__ = ["typed_frame", "to_records", "records_frame", "empty_frame"]

_TEXT_KINDS = {"text", "code", "enum", "jalali"}


def _typed(series: pd.Series, kind: str) -> pd.Series:
    if kind == "float":
        return pd.to_numeric(series, errors="coerce").astype("float64")
    if kind == "int":
        number = pd.to_numeric(series, errors="coerce")
        return number.round().astype("Int64")
    if kind == "bool":
        return series.astype("boolean")
    text = series.astype("string")
    return text.mask(text.str.strip() == "")


def empty_frame(schema: TableSchema) -> pd.DataFrame:
    return typed_frame(pd.DataFrame(columns=schema.names), schema)


def typed_frame(df: pd.DataFrame, schema: TableSchema) -> pd.DataFrame:
    """The schema columns of ``df`` in schema order with canonical dtypes (index reset)."""
    out = {}
    for col in schema.columns:
        series = df[col.name] if col.name in df.columns else pd.Series(pd.NA, index=df.index,
                                                                      dtype="object")
        out[col.name] = _typed(series.reset_index(drop=True), col.kind)
    return pd.DataFrame(out, columns=schema.names)


def _py(kind: str):
    if kind == "float":
        return lambda v: None if v is None or pd.isna(v) or not math.isfinite(v) else float(v)
    if kind == "int":
        return lambda v: None if v is None or pd.isna(v) else int(v)
    if kind == "bool":
        return lambda v: None if v is None or pd.isna(v) else bool(v)
    return lambda v: None if v is None or pd.isna(v) else str(v)


def to_records(df: pd.DataFrame, schema: TableSchema, **constant) -> list[dict]:
    """Rows of a typed frame as dicts of plain Python values (``None`` for missing);
    ``row_no`` is the 1-based position; ``constant`` (e.g. ``version_id``) is added."""
    typed = typed_frame(df, schema)
    columns = {}
    for col in schema.columns:
        convert = _py(col.kind)
        columns[col.name] = [convert(v) for v in typed[col.name].tolist()]
    names = schema.names
    return [
        {**constant, "row_no": i + 1, **{n: columns[n][i] for n in names}}
        for i in range(len(typed))
    ]


def records_frame(rows, schema: TableSchema) -> pd.DataFrame:
    """Database rows (mappings) → typed frame."""
    frame = pd.DataFrame.from_records([dict(r) for r in rows], columns=schema.names)
    return typed_frame(frame, schema)
