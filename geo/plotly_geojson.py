"""GeoDataFrame → compact GeoJSON dict for Plotly map traces.

``choropleth_map(geojson=fc, locations=codes, featureidkey="id")`` (MapLibre) and
``choropleth(geojson=...)`` (the ``geo`` subplot, after
:func:`geo.geometry.orient_for_geo_subplot`) both read this dict.  Coordinates are rounded
(4 decimals ≈ 11 m, 3 ≈ 110 m) and single-part MultiPolygons are written as Polygons, which
roughly halves the JSON; consecutive vertices that round to the same point are dropped and
rings that collapse below 4 points are left out.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

import geopandas as gpd
import numpy as np
import shapely

from core.jsonsafe import to_jsonable

__all__ = [
    "feature_collection_bytes",
    "feature_collection_vertices",
    "subset_feature_collection",
    "to_feature_collection",
]


def _ring(coords: np.ndarray, precision: int) -> list[list[float]] | None:
    rounded = np.round(coords[:, :2], precision)
    if len(rounded) > 1:
        keep = np.ones(len(rounded), dtype=bool)
        keep[1:] = np.any(rounded[1:] != rounded[:-1], axis=1)
        rounded = rounded[keep]
    if len(rounded) < 4 or not np.array_equal(rounded[0], rounded[-1]):
        return None
    return rounded.tolist()


def _polygon(poly: shapely.Polygon, precision: int) -> list[list[list[float]]] | None:
    exterior = _ring(np.asarray(poly.exterior.coords), precision)
    if exterior is None:
        return None
    rings = [exterior]
    for interior in poly.interiors:
        ring = _ring(np.asarray(interior.coords), precision)
        if ring is not None:
            rings.append(ring)
    return rings


def geometry_to_geojson(geom: shapely.Geometry, precision: int) -> dict[str, Any] | None:
    """Polygon/MultiPolygon → GeoJSON geometry dict with rounded coordinates (or None)."""
    if geom is None or geom.is_empty:
        return None
    polygons = [p for p in (_polygon(part, precision) for part in shapely.get_parts(geom)
                            if part.geom_type == "Polygon") if p is not None]
    if not polygons:
        return None
    if len(polygons) == 1:
        return {"type": "Polygon", "coordinates": polygons[0]}
    return {"type": "MultiPolygon", "coordinates": polygons}


def to_feature_collection(
    gdf: gpd.GeoDataFrame,
    id_column: str = "code",
    precision: int = 4,
    properties: Sequence[str] = (),
) -> dict[str, Any]:
    """A plain-dict GeoJSON FeatureCollection with ``id`` = ``gdf[id_column]`` (as ``str``)
    on every feature and coordinates rounded to ``precision`` decimals.

    ``properties`` names columns to copy into each feature's ``properties`` (default none:
    Plotly matches on ``id`` and the bytes go to the browser on every rerun).  Features
    whose geometry vanishes when rounded are dropped.  Reprojects to EPSG:4326 if needed.
    """
    if id_column not in gdf.columns:
        raise KeyError(f"no column {id_column!r} to use as feature id")
    if gdf.crs is not None and not gdf.crs.equals("EPSG:4326"):
        gdf = gdf.to_crs("EPSG:4326")
    features = []
    ids = gdf[id_column].astype(str).tolist()
    extra = {name: gdf[name].tolist() for name in properties}
    for i, geom in enumerate(gdf.geometry.values):
        geometry = geometry_to_geojson(geom, precision)
        if geometry is None:
            continue
        feature: dict[str, Any] = {"type": "Feature", "id": ids[i]}
        if properties:
            feature["properties"] = {name: to_jsonable(values[i], scalars="keep") for name, values in extra.items()}
        feature["geometry"] = geometry
        features.append(feature)
    return {"type": "FeatureCollection", "features": features}


def feature_collection_bytes(fc: dict[str, Any]) -> int:
    """Size of ``fc`` as compact UTF-8 JSON (what a figure embeds)."""
    return len(json.dumps(fc, separators=(",", ":"), ensure_ascii=False).encode("utf-8"))


def feature_collection_vertices(fc: dict[str, Any]) -> int:
    """Number of coordinate pairs in ``fc``."""
    total = 0
    for feature in fc["features"]:
        geometry = feature["geometry"]
        polygons = ([geometry["coordinates"]] if geometry["type"] == "Polygon"
                    else geometry["coordinates"])
        total += sum(len(ring) for polygon in polygons for ring in polygon)
    return total


def subset_feature_collection(fc: dict[str, Any], ids: Iterable[str]) -> dict[str, Any]:
    """The features of ``fc`` whose ``id`` is in ``ids`` (shared, not copied).

    Every trace embeds its own ``geojson`` in the figure JSON: an overlay trace (e.g. the
    outline of one highlighted county) should get only its features, not the whole map.
    """
    wanted = {str(i) for i in ids}
    return {"type": "FeatureCollection",
            "features": [f for f in fc["features"] if f.get("id") in wanted]}
