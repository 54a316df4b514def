"""Load, simplify and cache map geometry for the app.

``load_province()`` and ``load_country()`` return a :class:`ProvinceGeometry`: the compact
GeoJSON dict for Plotly, label points, equal-area areas (from the *unsimplified* polygons),
the match report and the map view.  Results are memoised in-process (keyed by path, mtime,
size and parameters) and on disk as JSON under :func:`geo.config.cache_dir` (keyed by the
files' sha256, the parameters, the county table and :data:`CODE_VERSION`).  The disk cache
holds ODbL-derived data, so it is never written inside the project checkout.

Treat returned objects as read-only: they are shared between callers.
"""

from __future__ import annotations

import functools
import hashlib
import json
import math
import os
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import geopandas as gpd
import pandas as pd
from shapely.geometry import Point, shape

from core.files import write_atomic

from .boundaries import BoundaryFileError, read_boundaries
from .config import boundaries_path, cache_dir, country_dir, is_inside_project
from .geometry import (
    CoverageError,
    CoverageReport,
    coverage_report,
    equal_area_km2,
    group_borders,
    label_points,
    orient_for_geo_subplot,
    simplify_coverage,
    vertex_count,
)
from .matching import MatchReport, codes_for_unknown, match_counties
from .plotly_geojson import to_feature_collection
from .projection import mercator_lat, mercator_y

__all__ = [
    "CODE_VERSION",
    "COUNTRY",
    "COUNTRY_PRECISION",
    "COUNTRY_TOLERANCE",
    "PROVINCE_PRECISION",
    "PROVINCE_TOLERANCE",
    "ProvinceGeometry",
    "boundaries_available",
    "country_files",
    "clear_memory_cache",
    "geometry_or_none",
    "load_country",
    "load_province",
]

COUNTRY = "country"  # the scope of geometry_or_none for every province at once

# Bump whenever the output of the build functions changes (invalidates disk caches).
CODE_VERSION = "geo-3"  # geo-3: country geometry carries province borders

# Measured with benchmarks/map_weight.py on IR-10 (242,074 raw bytes): tolerance 0.07° and
# 2 decimals give a ~7.2 KB FeatureCollection (3.0 % of the raw file; 0.05° gave 8.5 KB),
# leaving room in the "figure JSON <= 5 % of raw" budget for the Map page's hover card
# (key figures per county), labels and a slim layout (benchmarks/map_figure_weight.py).
PROVINCE_TOLERANCE = 0.07
PROVINCE_PRECISION = 2
# Whole country (478 counties, 6.1 MB raw): ~0.5 MB FeatureCollection.
COUNTRY_TOLERANCE = 0.01
COUNTRY_PRECISION = 3

_TABLE_COLUMNS = ("code", "osm_relation_id", "name_fa", "osm_name_fa", "name_en")
_LABEL_COLUMNS = ["code", "name", "name_en", "osm_id", "lon", "lat"]


@dataclass(frozen=True)
class ProvinceGeometry:
    """Everything a map needs, independent of Streamlit and cheap to serialise.

    ``labels`` has columns code, name, name_en, osm_id, lon, lat (and ``province`` for the
    country); ``areas_km2`` is indexed by code; ``bounds`` is (min lon, min lat, max lon,
    max lat); ``centre`` is (lon, lat); ``coverage`` describes the simplified polygons.
    ``feature_collection`` has ``id`` = code and clockwise exterior rings, so it serves both
    ``go.Choropleth`` (the ``geo`` subplot) and ``go.Choroplethmap`` (MapLibre).
    """

    feature_collection: dict[str, Any]
    labels: pd.DataFrame
    areas_km2: pd.Series
    match_report: MatchReport | None
    bounds: tuple[float, float, float, float]
    centre: tuple[float, float]
    coverage: CoverageReport
    tolerance: float
    precision: int
    raw_vertices: int
    simplified: bool = True
    source: str = ""
    sha256: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def codes(self) -> list[str]:
        return [f["id"] for f in self.feature_collection["features"]]

    def map_view(self, width_px: int = 700, height_px: int = 600, padding: float = 0.15
                 ) -> dict[str, Any]:
        """``{"center": {"lon", "lat"}, "zoom"}`` fitting ``bounds`` into a MapLibre map of
        the given pixel size (Web Mercator, 512 px tiles as in MapLibre)."""
        minx, miny, maxx, maxy = self.bounds
        lon_span = max(maxx - minx, 1e-6)
        y0, y1 = mercator_y(miny), mercator_y(maxy)
        lat_span = max(y1 - y0, 1e-9)
        zoom_x = math.log2(width_px * 360.0 / (512.0 * lon_span))
        zoom_y = math.log2(height_px * 2 * math.pi / (512.0 * lat_span))
        zoom = max(0.0, min(zoom_x, zoom_y) - padding)
        return {"center": {"lon": self.centre[0], "lat": self.centre[1]},
                "zoom": round(zoom, 2)}

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "feature_collection": self.feature_collection,
            "labels": {c: self.labels[c].tolist() for c in self.labels.columns},
            "areas_km2": {str(k): float(v) for k, v in self.areas_km2.items()},
            "match_report": self.match_report.to_dict() if self.match_report else None,
            "bounds": list(self.bounds),
            "centre": list(self.centre),
            "coverage": self.coverage.to_dict(),
            "tolerance": self.tolerance,
            "precision": self.precision,
            "raw_vertices": self.raw_vertices,
            "simplified": self.simplified,
            "source": self.source,
            "sha256": self.sha256,
            "extra": self.extra,
        }

    @classmethod
    def from_json_dict(cls, data: dict[str, Any]) -> ProvinceGeometry:
        labels = pd.DataFrame(data["labels"])
        if "osm_id" in labels.columns:
            labels["osm_id"] = pd.array(labels["osm_id"].tolist(), dtype="Int64")
        areas = pd.Series(data["areas_km2"], name="area_km2", dtype=float)
        areas.index.name = "code"
        report = data.get("match_report")
        return cls(
            feature_collection=data["feature_collection"],
            labels=labels,
            areas_km2=areas,
            match_report=MatchReport.from_dict(report) if report else None,
            bounds=tuple(float(v) for v in data["bounds"]),  # type: ignore[arg-type]
            centre=tuple(float(v) for v in data["centre"]),  # type: ignore[arg-type]
            coverage=CoverageReport(**data["coverage"]),
            tolerance=float(data["tolerance"]),
            precision=int(data["precision"]),
            raw_vertices=int(data["raw_vertices"]),
            simplified=bool(data["simplified"]),
            source=str(data.get("source", "")),
            sha256=str(data.get("sha256", "")),
            extra=dict(data.get("extra", {})),
        )


def boundaries_available(path: str | os.PathLike[str] | None = None) -> bool:
    """True when the province boundary file (default :func:`geo.config.boundaries_path`)
    exists; the app shows its own translated message otherwise."""
    return Path(path or boundaries_path()).expanduser().is_file()


def country_files(directory: str | os.PathLike[str] | None = None) -> list[Path]:
    """The ``IR-*.geojson`` province files of ``directory`` (default
    :func:`geo.config.country_dir`), sorted; empty when the directory is missing."""
    folder = Path(directory or country_dir()).expanduser()
    return sorted(folder.glob("IR-*.geojson")) if folder.is_dir() else []


# --------------------------------------------------------------------------- keys & disk


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _table_key(counties_df: pd.DataFrame | None) -> tuple[tuple[str, ...], ...] | None:
    """The table columns matching depends on, as a hashable tuple (header row first)."""
    if counties_df is None:
        return None
    columns = [c for c in _TABLE_COLUMNS if c in counties_df.columns]
    if "code" not in columns:
        raise ValueError("counties table has no 'code' column")
    rows = counties_df[columns].astype(object).where(counties_df[columns].notna(), "")
    body = tuple(tuple(str(v) for v in row) for row in rows.itertuples(index=False))
    return (tuple(columns), *body)


def _stat_key(path: Path) -> tuple[str, int, int]:
    try:
        stat = path.stat()
    except FileNotFoundError:
        raise BoundaryFileError(path, "not found") from None
    if not path.is_file():
        raise BoundaryFileError(path, "is not a file")
    return (str(path.resolve()), stat.st_mtime_ns, stat.st_size)


def _cache_file(kind: str, parts: list[Any]) -> Path:
    blob = json.dumps([CODE_VERSION, kind, *parts], ensure_ascii=False, sort_keys=True)
    key = hashlib.sha256(blob.encode("utf-8")).hexdigest()[:32]
    return cache_dir() / "geo" / f"{kind}-{key}.json"


def _read_cache(path: Path) -> ProvinceGeometry | None:
    try:
        with path.open(encoding="utf-8") as handle:
            data = json.load(handle)
        if data.get("version") != CODE_VERSION:
            return None
        return ProvinceGeometry.from_json_dict(data["geometry"])
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError) as exc:
        warnings.warn(f"ignoring unreadable geometry cache {path}: {exc}", stacklevel=3)
        return None


def _write_cache(path: Path, geometry: ProvinceGeometry) -> None:
    if is_inside_project(path):
        warnings.warn(
            f"not caching OSM-derived geometry inside the project ({path}); "
            "set PISHRAN_CACHE_DIR to a directory outside it", stacklevel=3)
        return
    payload = {"version": CODE_VERSION, "geometry": geometry.to_json_dict()}
    try:
        write_atomic(path, json.dumps(payload, ensure_ascii=False, separators=(",", ":")))
    except OSError as exc:
        warnings.warn(f"could not write geometry cache {path}: {exc}", stacklevel=3)


# --------------------------------------------------------------------------- build


def _build(gdf: gpd.GeoDataFrame, tolerance: float, precision: int,
           report: MatchReport | None, source: str, sha: str,
           label_columns: list[str]) -> ProvinceGeometry:
    gdf = gdf.reset_index(drop=True)
    areas = equal_area_km2(gdf)
    areas.index = pd.Index(gdf["code"].tolist(), name="code")
    simplified = True
    try:
        drawn = simplify_coverage(gdf, tolerance)
    except CoverageError as exc:
        warnings.warn(f"{source}: {exc}; drawing unsimplified polygons", stacklevel=3)
        drawn, simplified = gdf, False
    # Labels from the true shapes; re-derived from the drawn shape if they fall outside it.
    points = label_points(gdf)
    outside = ~drawn.geometry.contains(points)
    if outside.any():
        points[outside] = label_points(drawn.geometry[outside])
    labels = pd.DataFrame({
        "code": gdf["code"].astype(str).tolist(),
        "name": gdf["name"].tolist(),
        "name_en": gdf["name_en"].tolist(),
        "osm_id": pd.array(gdf["osm_id"].tolist(), dtype="Int64"),
        "lon": points.x.round(5).tolist(),
        "lat": points.y.round(5).tolist(),
    })
    for column in label_columns:
        labels[column] = gdf[column].tolist()
    minx, miny, maxx, maxy = (float(v) for v in gdf.total_bounds)
    centre = ((minx + maxx) / 2, mercator_lat((mercator_y(miny) + mercator_y(maxy)) / 2))
    # Clockwise exteriors: Plotly's `geo` subplot needs them, MapLibre does not care.
    collection = to_feature_collection(orient_for_geo_subplot(drawn), "code", precision)
    _labels_inside_shipped(labels, collection)
    return ProvinceGeometry(
        feature_collection=collection,
        labels=labels,
        areas_km2=areas,
        match_report=report,
        bounds=(minx, miny, maxx, maxy),
        centre=(round(centre[0], 5), round(centre[1], 5)),
        coverage=coverage_report(drawn),
        tolerance=float(tolerance),
        precision=int(precision),
        raw_vertices=vertex_count(gdf),
        simplified=simplified,
        source=source,
        sha256=sha,
    )


def _labels_inside_shipped(labels: pd.DataFrame, collection: dict[str, Any]) -> None:
    """Move any label that rounding pushed outside its shipped polygon back inside."""
    shipped = {f["id"]: shape(f["geometry"]) for f in collection["features"]}
    for row in labels.itertuples():
        polygon = shipped.get(row.code)
        if polygon is None or polygon.contains(Point(row.lon, row.lat)):
            continue
        point = polygon.representative_point()
        labels.loc[row.Index, ["lon", "lat"]] = [round(point.x, 5), round(point.y, 5)]


@functools.lru_cache(maxsize=8)
def _province_memo(stat_key: tuple[str, int, int], tolerance: float, precision: int,
                   table: tuple[tuple[str, ...], ...] | None, use_disk: bool
                   ) -> ProvinceGeometry:
    path = Path(stat_key[0])
    sha = _sha256(path)
    cache_path = _cache_file("province", [sha, tolerance, precision, table])
    if use_disk and (cached := _read_cache(cache_path)) is not None:
        return cached
    gdf = read_boundaries(path)
    if table is not None:
        counties = pd.DataFrame(list(table[1:]), columns=list(table[0]))
        # Unmatched features stay on the map (code "osm<id>") so the coverage is complete.
        gdf, report = match_counties(gdf, counties, keep_unmatched=True)
    else:
        report = None
        gdf = codes_for_unknown(gdf)
    result = _build(gdf, tolerance, precision, report, str(path), sha, [])
    if use_disk:
        _write_cache(cache_path, result)
    return result


def load_province(
    path: str | os.PathLike[str] | None = None,
    counties_df: pd.DataFrame | None = None,
    tolerance: float = PROVINCE_TOLERANCE,
    precision: int = PROVINCE_PRECISION,
    *,
    use_disk_cache: bool = True,
) -> ProvinceGeometry:
    """Map geometry of one province's counties.

    ``path`` defaults to :func:`geo.config.boundaries_path`.  With ``counties_df`` features
    get the table's codes (:func:`geo.matching.match_counties`; see ``match_report``),
    otherwise ``osm<relation id>``.  Raises :class:`BoundaryFileError` when the file is
    missing or unusable (check :func:`boundaries_available` first to show a message).
    """
    stat_key = _stat_key(Path(path or boundaries_path()).expanduser())
    return _province_memo(stat_key, float(tolerance), int(precision),
                          _table_key(counties_df), bool(use_disk_cache))


@functools.lru_cache(maxsize=2)
def _country_memo(stat_keys: tuple[tuple[str, int, int], ...], tolerance: float,
                  precision: int, use_disk: bool) -> ProvinceGeometry:
    shas = [(Path(p).name, _sha256(Path(p))) for p, _, _ in stat_keys]
    sha = hashlib.sha256(json.dumps(shas).encode()).hexdigest()
    cache_path = _cache_file("country", [sha, tolerance, precision])
    if use_disk and (cached := _read_cache(cache_path)) is not None:
        return cached
    frames = []
    for path_str, _, _ in stat_keys:
        iso = Path(path_str).stem
        frame = codes_for_unknown(read_boundaries(path_str), prefix=f"{iso}:")
        frame["province"] = iso
        frames.append(frame)
    gdf = pd.concat(frames, ignore_index=True)
    # A county listed in two province files would overlap itself: keep the first.
    has_id = gdf["osm_id"].notna()
    gdf = gdf[~(has_id & gdf["osm_id"].duplicated(keep="first"))].reset_index(drop=True)
    gdf = gpd.GeoDataFrame(gdf, geometry="geometry", crs="EPSG:4326")
    source = str(Path(stat_keys[0][0]).parent)
    result = _build(gdf, tolerance, precision, None, source, sha, ["province"])
    result.extra["provinces"] = sorted({Path(p).stem for p, _, _ in stat_keys})
    # Province borders dissolved from the counties as drawn (so they sit exactly on the
    # county edges): ~5,000 vertices, ~70 KB of the national figure's JSON.
    result.extra["province_borders"] = group_borders(
        result.feature_collection, dict(zip(result.labels["code"], result.labels["province"])),
        precision)
    if use_disk:
        _write_cache(cache_path, result)
    return result


def load_country(
    directory: str | os.PathLike[str] | None = None,
    tolerance: float = COUNTRY_TOLERANCE,
    precision: int = COUNTRY_PRECISION,
    *,
    use_disk_cache: bool = True,
) -> ProvinceGeometry:
    """All counties of every ``IR-*.geojson`` in ``directory`` (default
    :func:`geo.config.country_dir`), coded ``"IR-NN:osm<relation id>"``.

    The whole country is simplified as *one* coverage, so borders between provinces stay
    gap-free too (simplifying province by province does not: it leaves slivers along every
    provincial border).  ``labels`` has a ``province`` column with the ISO code;
    ``extra["province_borders"]`` holds the province borders (and the country's edge) as
    polylines of ``[lon, lat]`` (:func:`geo.geometry.group_borders`).
    """
    folder = Path(directory or country_dir()).expanduser()
    if not folder.is_dir():
        raise BoundaryFileError(folder, "country boundary directory not found")
    files = country_files(folder)
    if not files:
        raise BoundaryFileError(folder, "contains no IR-*.geojson files")
    stat_keys = tuple(_stat_key(f) for f in files)
    return _country_memo(stat_keys, float(tolerance), int(precision), bool(use_disk_cache))


def geometry_or_none(scope: str | None = None, counties_df: pd.DataFrame | None = None
                     ) -> ProvinceGeometry | None:
    """The map geometry of ``scope`` with the default simplification, or None when its
    boundary file (directory) is missing or unusable — the maps then fall back to the
    equal-tile cartogram and say how to get boundaries.

    ``scope``: None for the data province (:func:`geo.config.boundaries_path`, its features
    coded by ``counties_df``), :data:`COUNTRY` for every province (:func:`load_country`),
    or an ISO code ``"IR-NN"`` for that province's file in :func:`geo.config.country_dir`.
    """
    try:
        if scope is None:
            return load_province(counties_df=counties_df)
        if scope == COUNTRY:
            return load_country()
        return load_province(country_dir() / f"{scope}.geojson", counties_df=counties_df)
    except BoundaryFileError:
        return None


def clear_memory_cache() -> None:
    """Forget in-process results (the disk cache stays)."""
    _province_memo.cache_clear()
    _country_memo.cache_clear()

