"""Read county boundary files into one canonical GeoDataFrame.

Canonical shape (also produced by :func:`geo.overpass.parse_overpass`): columns
``osm_id`` (nullable Int64, the OSM relation id), ``name`` (as in the file, e.g.
«شهرستان نجف آباد»), ``name_en``, ``wikidata`` (``""`` when absent) and ``geometry``
(MultiPolygon), CRS EPSG:4326, a fresh RangeIndex.  Point, line and empty features are
dropped.  OSM tags may be nested (``properties.tags.name``, as in Overpass exports) or flat
(``properties.name`` / ``name:en`` / ``name_en``), and a nested ``tags`` object may arrive
as a dict or as a JSON string (GeoPackage, Shapefile).
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import geopandas as gpd
import pandas as pd
import shapely
from shapely.geometry import MultiPolygon, Polygon

__all__ = ["BOUNDARY_COLUMNS", "BoundaryFileError", "canonical_frame", "read_boundaries"]

BOUNDARY_COLUMNS = ["osm_id", "name", "name_en", "wikidata", "geometry"]

_ID_COLUMNS = ("osm_id", "osm_relation_id", "relation_id", "id", "@id")
_NAME_KEYS = ("name", "name:fa", "name_fa")
_NAME_EN_KEYS = ("name:en", "name_en", "nameen", "int_name")
_WIKIDATA_KEYS = ("wikidata",)
_TRAILING_INT = re.compile(r"(\d+)\s*$")


class BoundaryFileError(Exception):
    """A boundary file is missing, unreadable or holds no county polygons.

    ``path`` is the file concerned and ``reason`` a short English description; ``str()``
    gives both.  The app translates the situation for users; this message is for logs.
    """

    def __init__(self, path: str | os.PathLike[str] | None, reason: str) -> None:
        self.path = Path(path) if path is not None else None
        self.reason = reason
        where = f"{self.path}: " if self.path is not None else ""
        super().__init__(f"boundary file {where}{reason}")


def _parse_osm_id(value: Any) -> int | None:
    """``6554858``, ``6554858.0``, ``"6554858"``, ``"relation/6554858"``, ``"r6554858"`` → int."""
    if value is None:
        return None
    if isinstance(value, float):
        return None if value != value else int(value)
    if isinstance(value, int):
        return int(value)
    match = _TRAILING_INT.search(str(value))
    return int(match.group(1)) if match else None


def _tags(value: Any) -> Mapping[str, Any]:
    if isinstance(value, Mapping):
        return value
    if isinstance(value, str) and value.lstrip().startswith("{"):
        try:
            parsed = json.loads(value)
        except ValueError:
            return {}
        return parsed if isinstance(parsed, Mapping) else {}
    return {}


def _text(value: Any) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return str(value).strip()


def _to_multipolygon(geom: Any) -> MultiPolygon:
    if isinstance(geom, MultiPolygon):
        return geom
    if isinstance(geom, Polygon):
        return MultiPolygon([geom])
    raise TypeError(f"not polygonal: {type(geom).__name__}")


def canonical_frame(records: list[dict[str, Any]], geometries: list[Any]) -> gpd.GeoDataFrame:
    """Build the canonical boundary GeoDataFrame from per-feature records and geometries."""
    frame = pd.DataFrame(records, columns=BOUNDARY_COLUMNS[:-1])
    frame["osm_id"] = pd.array(frame["osm_id"].tolist(), dtype="Int64")
    for column in ("name", "name_en", "wikidata"):
        frame[column] = frame[column].map(_text).astype(object)
    geoms = [_to_multipolygon(g) for g in geometries]
    return gpd.GeoDataFrame(frame, geometry=gpd.GeoSeries(geoms, crs="EPSG:4326"))


def _lookup(columns: Mapping[str, str], row: Mapping[str, Any], tags: Mapping[str, Any],
            keys: tuple[str, ...]) -> str:
    for key in keys:
        text = _text(tags.get(key))
        if text:
            return text
    for key in keys:
        column = columns.get(key.lower())
        if column is not None:
            text = _text(row[column])
            if text:
                return text
    return ""


def read_boundaries(path: str | os.PathLike[str]) -> gpd.GeoDataFrame:
    """Read a GeoJSON, GeoPackage or Shapefile of county polygons (canonical shape, EPSG:4326).

    Raises :class:`BoundaryFileError` when the file is missing, unreadable, or has no
    Polygon/MultiPolygon features.
    """
    path = Path(path).expanduser()
    if not path.exists():
        raise BoundaryFileError(path, "not found")
    if path.is_dir():
        raise BoundaryFileError(path, "is a directory, expected a GeoJSON/GPKG/Shapefile")
    try:
        raw = gpd.read_file(path, engine="pyogrio")
    except Exception as exc:  # pyogrio/GDAL raise several unrelated types
        raise BoundaryFileError(path, f"unreadable as a vector file ({exc})") from exc
    if not isinstance(raw, gpd.GeoDataFrame) or raw.geometry.name not in raw.columns:
        raise BoundaryFileError(path, "has no geometry column")

    geom = raw.geometry
    keep = geom.notna() & ~geom.is_empty & geom.geom_type.isin(["Polygon", "MultiPolygon"])
    if not keep.any():
        kinds = geom.geom_type.dropna().value_counts().to_dict()
        found = ", ".join(f"{n} {k}" for k, n in kinds.items()) or "no features"
        raise BoundaryFileError(path, f"contains no Polygon/MultiPolygon features ({found})")
    raw = raw[keep]

    if raw.crs is None:
        minx, miny, maxx, maxy = raw.total_bounds
        if not (-180 <= minx <= maxx <= 180 and -90 <= miny <= maxy <= 90):
            raise BoundaryFileError(path, "has no CRS and its coordinates are not lon/lat")
        raw = raw.set_crs("EPSG:4326")
    elif not raw.crs.equals("EPSG:4326"):
        raw = raw.to_crs("EPSG:4326")

    columns = {str(c).lower(): c for c in raw.columns if c != raw.geometry.name}
    tag_column = columns.get("tags")
    id_column = next((columns[c] for c in _ID_COLUMNS if c in columns), None)
    records = []
    for _, row in raw.iterrows():
        tags = _tags(row[tag_column]) if tag_column is not None else {}
        records.append({
            "osm_id": _parse_osm_id(row[id_column]) if id_column is not None else None,
            "name": _lookup(columns, row, tags, _NAME_KEYS),
            "name_en": _lookup(columns, row, tags, _NAME_EN_KEYS),
            "wikidata": _lookup(columns, row, tags, _WIKIDATA_KEYS),
        })
    return canonical_frame(records, list(shapely.force_2d(raw.geometry.values)))
