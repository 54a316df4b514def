"""Tables ↔ database rows with one canonical set of dtypes.

Text-like kinds (text, code, enum, jalali) are pandas ``string``; ``float`` is
``float64``; ``int`` is ``Int64``; ``bool`` is ``boolean``.  Blank text is ``<NA>``.
Extra columns (beside the schema ones, e.g. ``notes`` of the embedded data) follow the
schema columns as ``string`` and are stored together as a JSON object (``extra_json``).
"""

from __future__ import annotations

import json
import math

import pandas as pd

from core.schema import TableSchema

__all__ = ["typed_frame", "to_records", "records_frame", "empty_frame", "extra_columns"]


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


def extra_columns(df: pd.DataFrame, schema: TableSchema) -> list[str]:
    return [c for c in df.columns if c not in schema.names]


def empty_frame(schema: TableSchema, extras: tuple[str, ...] | list[str] = ()) -> pd.DataFrame:
    return typed_frame(pd.DataFrame(columns=[*schema.names, *extras]), schema, extras)


def typed_frame(df: pd.DataFrame, schema: TableSchema,
                extras: tuple[str, ...] | list[str] = ()) -> pd.DataFrame:
    """The schema columns of ``df`` in schema order with canonical dtypes, then the
    ``extras`` columns as text (index reset)."""
    out = {}
    for col in schema.columns:
        series = df[col.name] if col.name in df.columns else pd.Series(pd.NA, index=df.index,
                                                                      dtype="object")
        out[col.name] = _typed(series.reset_index(drop=True), col.kind)
    for name in extras:
        series = df[name] if name in df.columns else pd.Series(pd.NA, index=df.index,
                                                               dtype="object")
        out[name] = _typed(series.reset_index(drop=True), "text")
    return pd.DataFrame(out, columns=[*schema.names, *extras])


def _py(kind: str):
    if kind == "float":
        return lambda v: None if v is None or pd.isna(v) or not math.isfinite(v) else float(v)
    if kind == "int":
        return lambda v: None if v is None or pd.isna(v) else int(v)
    if kind == "bool":
        return lambda v: None if v is None or pd.isna(v) else bool(v)
    return lambda v: None if v is None or pd.isna(v) else str(v)


def to_records(df: pd.DataFrame, schema: TableSchema, **constant) -> list[dict]:
    """Rows of a frame as dicts of plain Python values (``None`` for missing); ``row_no``
    is the 1-based position; extra columns go to ``extra_json``; ``constant`` (e.g.
    ``version_id``) is added."""
    extras = extra_columns(df, schema)
    typed = typed_frame(df, schema, extras)
    columns = {}
    for col in schema.columns:
        convert = _py(col.kind)
        columns[col.name] = [convert(v) for v in typed[col.name].tolist()]
    text = _py("text")
    extra_values = {name: [text(v) for v in typed[name].tolist()] for name in extras}
    names = schema.names
    records = []
    for i in range(len(typed)):
        extra = {name: extra_values[name][i] for name in extras}  # all keys: keeps order
        records.append({**constant, "row_no": i + 1, **{n: columns[n][i] for n in names},
                        "extra_json": json.dumps(extra, ensure_ascii=False) if extra else None})
    return records


def records_frame(rows, schema: TableSchema) -> pd.DataFrame:
    """Database rows (mappings with ``extra_json``) → typed frame with the extra columns."""
    rows = [dict(r) for r in rows]
    extras: dict[str, None] = {}
    parsed = []
    for row in rows:
        extra = json.loads(row.pop("extra_json", None) or "{}")
        extras.update(dict.fromkeys(extra))
        parsed.append(extra)
    frame = pd.DataFrame.from_records(rows, columns=schema.names)
    for name in extras:
        frame[name] = [extra.get(name) for extra in parsed]
    return typed_frame(frame, schema, list(extras))
