"""Geometry helpers: coverage-preserving simplification, checks, orientation, areas, labels.

Neighbouring counties share edges exactly; plain per-polygon ``simplify`` opens sliver gaps
between them, so maps use :func:`simplify_coverage` (shapely's coverage simplification,
Visvalingam–Whyatt on shared edges), which keeps the set a valid coverage.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from shapely.geometry import shape

__all__ = [
    "CoverageError",
    "CoverageReport",
    "coverage_report",
    "group_borders",
    "equal_area_km2",
    "label_points",
    "orient_for_geo_subplot",
    "simplify_coverage",
    "vertex_count",
]

EQUAL_AREA_CRS = "EPSG:6933"  # WGS 84 / NSIDC EASE-Grid 2.0 Global (cylindrical equal-area)


class CoverageError(ValueError):
    """Simplification did not give a valid coverage (the input probably was not one)."""


@dataclass(frozen=True)
class CoverageReport:
    """Topology of a set of polygons meant to tile a region.

    ``invalid_edges``: polygons with edges that do not match their neighbour's
    (``shapely.coverage_invalid_edges``, with ``gap_width`` to catch narrow gaps);
    ``overlap_pairs``/``overlap_ratio``: pairs whose interiors intersect and
    (Σ areas − area of union) / area of union; ``holes``/``hole_ratio``: interior rings of
    the union (gaps enclosed by the coverage) and their area relative to the union.
    """

    features: int
    valid: bool
    invalid_edges: int
    overlap_pairs: int
    overlap_ratio: float
    holes: int
    hole_ratio: float
    vertices: int

    @property
    def clean(self) -> bool:
        return self.valid and self.overlap_pairs == 0 and self.holes == 0

    def to_dict(self) -> dict:
        return asdict(self)


def _geoms(gdf: gpd.GeoDataFrame | gpd.GeoSeries) -> np.ndarray:
    series = gdf.geometry if isinstance(gdf, gpd.GeoDataFrame) else gdf
    return np.asarray(series.values, dtype=object)


def vertex_count(gdf: gpd.GeoDataFrame | gpd.GeoSeries) -> int:
    return int(shapely.get_num_coordinates(_geoms(gdf)).sum())


def coverage_report(gdf: gpd.GeoDataFrame | gpd.GeoSeries, gap_width: float = 0.0
                    ) -> CoverageReport:
    """Count gaps and overlaps in ``gdf``'s polygons (in their own CRS units)."""
    geoms = _geoms(gdf)
    if len(geoms) == 0:
        return CoverageReport(0, True, 0, 0, 0.0, 0, 0.0, 0)
    edges = shapely.coverage_invalid_edges(geoms, gap_width=gap_width)
    invalid = int((~shapely.is_empty(edges)).sum())
    tree = shapely.STRtree(geoms)
    left, right = tree.query(geoms, predicate="intersects")
    pairs = left < right
    left, right = left[pairs], right[pairs]
    overlap_pairs = 0
    if len(left):
        areas = shapely.area(shapely.intersection(geoms[left], geoms[right]))
        overlap_pairs = int((areas > 0).sum())
    union = shapely.union_all(geoms)
    union_area = float(union.area) or 1.0
    overlap_ratio = (float(shapely.area(geoms).sum()) - union_area) / union_area
    overlap_ratio = 0.0 if overlap_ratio < 1e-9 else overlap_ratio  # float noise
    parts = shapely.get_parts(union)
    rings = [r for p in parts if p.geom_type == "Polygon" for r in p.interiors]
    hole_area = float(sum(shapely.area(shapely.polygons(r)) for r in rings))
    return CoverageReport(
        features=len(geoms),
        valid=bool(shapely.coverage_is_valid(geoms, gap_width=gap_width)) and invalid == 0,
        invalid_edges=invalid,
        overlap_pairs=overlap_pairs,
        overlap_ratio=overlap_ratio,
        holes=len(rings),
        hole_ratio=hole_area / union_area,
        vertices=vertex_count(gdf),
    )


def simplify_coverage(gdf: gpd.GeoDataFrame, tolerance: float) -> gpd.GeoDataFrame:
    """Coverage-simplify ``gdf`` (tolerance in CRS units, ≈ √ of removed triangle areas).

    Raises :class:`CoverageError` if the result is not a valid coverage.  ``tolerance <= 0``
    returns an unchanged copy.
    """
    out = gdf.copy()
    if tolerance <= 0 or len(out) == 0:
        return out
    geoms = _geoms(out)
    simplified = shapely.coverage_simplify(geoms, tolerance)
    if not shapely.coverage_is_valid(simplified):
        bad = int((~shapely.is_empty(shapely.coverage_invalid_edges(simplified))).sum())
        raise CoverageError(
            f"coverage simplification (tolerance {tolerance}) left {bad} polygons with "
            "unmatched edges; the input is probably not a clean coverage"
        )
    out[out.geometry.name] = gpd.GeoSeries(simplified, index=out.index, crs=out.crs)
    return out


def orient_for_geo_subplot(gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Exterior rings clockwise, holes counter-clockwise — what Plotly's ``geo`` subplot
    (d3-geo) needs; MapLibre traces (``choropleth_map``) accept either."""
    out = gdf.copy()
    oriented = shapely.orient_polygons(_geoms(out), exterior_cw=True)
    out[out.geometry.name] = gpd.GeoSeries(oriented, index=out.index, crs=out.crs)
    return out


def equal_area_km2(gdf: gpd.GeoDataFrame | gpd.GeoSeries) -> pd.Series:
    """Area of each feature in km² (EPSG:6933), same index as ``gdf``."""
    series = gdf.geometry if isinstance(gdf, gpd.GeoDataFrame) else gdf
    if series.crs is None:
        raise ValueError("geometry has no CRS; cannot compute equal-area areas")
    return (series.to_crs(EQUAL_AREA_CRS).area / 1e6).rename("area_km2")


def _label_point(geom: shapely.Geometry) -> shapely.Point:
    parts = shapely.get_parts(geom)
    largest = parts[int(np.argmax(shapely.area(parts)))]
    minx, miny, maxx, maxy = largest.bounds
    tolerance = max(maxx - minx, maxy - miny) / 500 or 1e-9
    line = shapely.maximum_inscribed_circle(largest, tolerance)
    point = shapely.get_point(line, 0)
    if point is None or not largest.contains(point):
        point = largest.representative_point()
    return point


def label_points(gdf: gpd.GeoDataFrame | gpd.GeoSeries) -> gpd.GeoSeries:
    """A point well inside each feature for text labels: the centre of the largest
    inscribed circle of its largest part (pole of inaccessibility), falling back to
    ``representative_point``.  Same index and CRS as ``gdf``."""
    series = gdf.geometry if isinstance(gdf, gpd.GeoDataFrame) else gdf
    return gpd.GeoSeries([_label_point(g) for g in series.values], index=series.index,
                         crs=series.crs)


def group_borders(feature_collection: dict[str, Any], group_of: Mapping[str, str],
                  precision: int = 3) -> list[list[list[float]]]:
    """The borders between groups of features (e.g. provinces of counties) and the outer
    edge, as polylines of ``[lon, lat]`` rounded to ``precision`` decimals.

    The features of each group (``group_of``: feature ``id`` → group; features without a
    group are left out) are dissolved — by :func:`shapely.coverage_union_all` when they form
    a valid coverage, which keeps exactly the vertices of the shapes as drawn — and the
    groups' boundaries are merged, so a border shared by two groups appears once.  Lines,
    not polygons: orientation does not matter to Plotly, and the county fills stay the
    only polygons in the figure.
    """
    groups: dict[str, list[shapely.Geometry]] = {}
    for feature in feature_collection.get("features", []):
        group = group_of.get(feature.get("id"))
        if group is None or not feature.get("geometry"):
            continue
        groups.setdefault(str(group), []).append(shape(feature["geometry"]))
    boundaries = []
    for _, geoms in sorted(groups.items()):
        parts = np.array(geoms, dtype=object)
        merged = (shapely.coverage_union_all(parts) if shapely.coverage_is_valid(parts)
                  else shapely.union_all(shapely.make_valid(parts)))
        boundaries.append(shapely.boundary(merged))
    if not boundaries:
        return []
    lines = shapely.line_merge(shapely.union_all(np.array(boundaries, dtype=object)))
    out = []
    for line in shapely.get_parts(lines):
        coords = np.round(shapely.get_coordinates(line), precision)
        if len(coords) > 1:
            keep = np.ones(len(coords), dtype=bool)
            keep[1:] = np.any(coords[1:] != coords[:-1], axis=1)
            coords = coords[keep]
        if len(coords) >= 2:
            out.append(coords.tolist())
    return out
