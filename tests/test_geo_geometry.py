"""geo.geometry and geo.plotly_geojson: coverage, orientation, areas, labels, GeoJSON."""

from __future__ import annotations

import json
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely
from shapely.geometry import shape

from geo.boundaries import read_boundaries
from geo.config import boundaries_path, project_root
from geo.geometry import (
    CoverageError,
    coverage_report,
    equal_area_km2,
    group_borders,
    label_points,
    orient_for_geo_subplot,
    simplify_coverage,
)
from geo.matching import codes_for_unknown, match_counties
from geo.plotly_geojson import (
    feature_collection_bytes,
    feature_collection_vertices,
    subset_feature_collection,
    to_feature_collection,
)

INVENTED = Path(__file__).parent / "fixtures" / "geo_invented.geojson"
REAL = boundaries_path()
SHARED_TABLE = project_root().parent / "shared" / "data" / "counties.csv"
needs_real = pytest.mark.skipif(not REAL.is_file() or not SHARED_TABLE.is_file(),
                                reason="real boundaries or shared county table absent")


@pytest.fixture(scope="module")
def invented() -> gpd.GeoDataFrame:
    return codes_for_unknown(read_boundaries(INVENTED))


@pytest.fixture(scope="module")
def real() -> gpd.GeoDataFrame:
    table = pd.read_csv(SHARED_TABLE)
    matched, report = match_counties(read_boundaries(REAL), table)
    assert report.complete
    return matched.merge(table[["code", "area_km2"]], on="code")


def _fc_geoms(fc: dict) -> np.ndarray:
    return np.array([shape(f["geometry"]) for f in fc["features"]], dtype=object)


def test_coverage_simplification_keeps_invented_coverage(invented):
    before = coverage_report(invented)
    assert before.clean and before.features == 4
    simplified = simplify_coverage(invented, 0.05)
    after = coverage_report(simplified)
    assert after.clean, after
    assert after.vertices < before.vertices / 2
    # plain per-polygon simplification opens gaps and overlaps: the report sees them
    plain = invented.copy()
    plain["geometry"] = invented.geometry.simplify(0.02)
    report = coverage_report(plain)
    assert not report.clean and report.invalid_edges > 0 and report.overlap_pairs > 0
    assert report.holes > 0 and report.hole_ratio > 0
    assert coverage_report(simplify_coverage(invented, 0.02)).clean


def test_simplify_rejects_overlapping_input(invented):
    broken = invented.copy()
    broken.loc[0, "geometry"] = broken.geometry.iloc[0].buffer(0.2)
    report = coverage_report(broken)
    assert not report.valid and report.overlap_pairs >= 2 and report.overlap_ratio > 0
    with pytest.raises(CoverageError):
        simplify_coverage(broken, 0.05)


def test_orientation_for_geo_subplot(invented):
    assert all(shapely.is_ccw(p.exterior) for g in invented.geometry for p in g.geoms)
    oriented = orient_for_geo_subplot(invented)
    assert all(not shapely.is_ccw(p.exterior) for g in oriented.geometry for p in g.geoms)
    assert np.allclose(shapely.area(invented.geometry.values),
                       shapely.area(oriented.geometry.values))


def test_label_points_inside_including_multipart(invented):
    points = label_points(invented)
    assert invented.geometry.contains(points).all()
    # the county with an island is labelled in its big part, not the 0.2° island
    assert points.iloc[3].x < 62


def test_feature_collection_ids_rounding_and_polygon_type(invented):
    fc = to_feature_collection(invented, precision=3)
    assert [f["id"] for f in fc["features"]] == invented["code"].tolist()
    types = [f["geometry"]["type"] for f in fc["features"]]
    assert types == ["Polygon", "Polygon", "Polygon", "MultiPolygon"]
    coords = [c for f in fc["features"] for c in shapely.get_coordinates(shape(f["geometry"]))]
    assert all(round(x, 3) == x and round(y, 3) == y for x, y in coords)
    assert json.loads(json.dumps(fc)) == fc  # plain JSON types only
    assert "properties" not in fc["features"][0]
    with_props = to_feature_collection(invented, properties=["name_en", "osm_id"])
    assert with_props["features"][0]["properties"] == {
        "name_en": "Nemuneh Abad County", "osm_id": 1001}
    assert feature_collection_vertices(fc) == sum(
        len(r) for f in fc["features"] for p in
        ([f["geometry"]["coordinates"]] if f["geometry"]["type"] == "Polygon"
         else f["geometry"]["coordinates"]) for r in p)
    with pytest.raises(KeyError):
        to_feature_collection(invented, id_column="nope")
    one = subset_feature_collection(fc, ["osm1003"])
    assert [f["id"] for f in one["features"]] == ["osm1003"]
    assert one["features"][0] is fc["features"][2]


def test_equal_area_of_invented_square_degree(invented):
    # a 1°×1° cell at 10–11°N is ≈ 12,100 km² on the ellipsoid
    areas = equal_area_km2(invented)
    assert 11_500 < areas.iloc[0] < 12_600


@needs_real
def test_real_simplified_coverage_is_clean_and_light(real):
    simplified = simplify_coverage(real, 0.05)
    report = coverage_report(simplified)
    assert report.clean, report
    fc = to_feature_collection(simplified, precision=2)
    geoms = _fc_geoms(fc)  # rounded coordinates must still tile the province
    assert shapely.is_valid(geoms).all() and shapely.coverage_is_valid(geoms)
    assert feature_collection_bytes(fc) < 0.04 * REAL.stat().st_size
    assert [f["id"] for f in fc["features"]] == real["code"].tolist()


@needs_real
def test_real_orientation_clockwise_after_orient(real):
    oriented = orient_for_geo_subplot(simplify_coverage(real, 0.01))
    exteriors = [p.exterior for g in oriented.geometry for p in g.geoms]
    assert exteriors and not any(shapely.is_ccw(r) for r in exteriors)
    fc = to_feature_collection(oriented)
    for feature in fc["features"]:
        ring = feature["geometry"]["coordinates"]
        ring = ring[0] if feature["geometry"]["type"] == "Polygon" else ring[0][0]
        assert not shapely.is_ccw(shapely.LinearRing(ring))


@needs_real
def test_real_areas_match_table(real):
    areas = equal_area_km2(real)
    rel = (areas - real["area_km2"]).abs() / real["area_km2"]
    assert (rel < 0.005).all(), real.loc[rel >= 0.005, "code"].tolist()
    assert areas.sum() == pytest.approx(107_927, rel=0.005)


@needs_real
def test_real_label_points_inside_true_and_simplified_shapes(real):
    points = label_points(real)
    assert real.geometry.contains(points).all()
    simplified = simplify_coverage(real, 0.05)
    drawn = label_points(simplified)
    assert simplified.geometry.contains(drawn).all()


def test_group_borders_dissolve_groups_and_draw_shared_borders_once():
    def square(code, x, y):
        ring = [[x, y], [x, y + 1], [x + 1, y + 1], [x + 1, y], [x, y]]  # clockwise
        return {"type": "Feature", "id": code, "properties": {},
                "geometry": {"type": "Polygon", "coordinates": [ring]}}

    # 2 × 2 counties: a (west) and b (east) provinces, two counties each
    fc = {"type": "FeatureCollection", "features": [
        square("a1", 0, 0), square("a2", 0, 1), square("b1", 1, 0), square("b2", 1, 1)]}
    lines = group_borders(fc, {"a1": "A", "a2": "A", "b1": "B", "b2": "B"})
    merged = shapely.MultiLineString(lines)
    assert merged.length == pytest.approx(8 + 2)  # the outer edge + the A|B border once
    assert merged.covers(shapely.LineString([(1, 0), (1, 2)]))
    assert not merged.intersects(shapely.LineString([(0.1, 1), (0.9, 1)]))  # inside A
    assert all(isinstance(v, float) for line in lines for p in line for v in p)
    # one group: just the outline; no groups: nothing
    assert shapely.MultiLineString(group_borders(fc, dict.fromkeys("a1 a2 b1 b2".split(), "X"))
                                   ).length == pytest.approx(8)
    assert group_borders(fc, {}) == []
