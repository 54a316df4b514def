"""geo.boundaries: reading GeoJSON / GeoPackage / Shapefile, nested vs flat tags, errors."""

from __future__ import annotations

import json
from pathlib import Path

import geopandas as gpd
import pytest
import shapely

from geo.boundaries import BOUNDARY_COLUMNS, BoundaryFileError, read_boundaries
from geo.config import boundaries_path

FIXTURES = Path(__file__).parent / "fixtures"
INVENTED = FIXTURES / "geo_invented.geojson"
REAL = boundaries_path()
needs_real = pytest.mark.skipif(not REAL.is_file(), reason=f"no boundary file at {REAL}")


def _flat_frame() -> gpd.GeoDataFrame:
    """The invented fixture with flat columns (osm_id, name, name_en, wikidata)."""
    data = json.loads(INVENTED.read_text(encoding="utf-8"))
    rows = []
    for feature in data["features"]:
        props = feature["properties"]
        tags = props.get("tags", {})
        rows.append({"osm_id": props["id"], "name": tags.get("name"),
                     "name_en": tags.get("name:en"), "wikidata": tags.get("wikidata"),
                     "geometry": shapely.geometry.shape(feature["geometry"])})
    return gpd.GeoDataFrame(rows, geometry="geometry", crs="EPSG:4326")


def _check_invented(gdf: gpd.GeoDataFrame) -> None:
    assert list(gdf.columns) == BOUNDARY_COLUMNS
    assert gdf.crs.equals("EPSG:4326")
    assert gdf["osm_id"].tolist() == [1001, 1002, 1003, 1004]
    assert str(gdf["osm_id"].dtype) == "Int64"
    assert gdf["name"].iloc[0] == "شهرستان نمونه‌آباد"
    assert gdf["name_en"].iloc[3] == "Farziyeh and Dasht County"
    assert gdf["wikidata"].tolist() == ["Q1", "", "Q3", "Q4"]
    assert set(gdf.geom_type) == {"MultiPolygon"}
    assert len(gdf.geometry.iloc[3].geoms) == 2  # county with an island
    assert gdf.is_valid.all()


def test_geojson_with_nested_tags_drops_points():
    _check_invented(read_boundaries(INVENTED))


def test_geojson_with_flat_properties(tmp_path):
    path = tmp_path / "flat.geojson"
    frame = _flat_frame()
    frame = frame.rename(columns={"name_en": "name:en"})
    frame.to_file(path, driver="GeoJSON")
    _check_invented(read_boundaries(path))


def test_geopackage_flat_and_reprojected(tmp_path):
    path = tmp_path / "counties.gpkg"
    _flat_frame().to_crs("EPSG:3857").to_file(path, driver="GPKG")
    gdf = read_boundaries(path)
    _check_invented(gdf)
    expected = read_boundaries(INVENTED).total_bounds
    assert abs(gdf.total_bounds - expected).max() < 1e-6  # back in lon/lat


def test_geopackage_with_tags_as_json_string(tmp_path):
    data = json.loads(INVENTED.read_text(encoding="utf-8"))
    rows = [{"id": f"relation/{f['properties']['id']}",
             "tags": json.dumps(f["properties"].get("tags", {}), ensure_ascii=False),
             "geometry": shapely.geometry.shape(f["geometry"])} for f in data["features"]]
    path = tmp_path / "tags.gpkg"
    gpd.GeoDataFrame(rows, geometry="geometry", crs="EPSG:4326").to_file(path, driver="GPKG")
    _check_invented(read_boundaries(path))


def test_shapefile(tmp_path):
    path = tmp_path / "counties.shp"
    _flat_frame().iloc[:4].to_file(path, driver="ESRI Shapefile", encoding="utf-8")
    _check_invented(read_boundaries(path))


def test_missing_file_message(tmp_path):
    missing = tmp_path / "nope" / "IR-99.geojson"
    with pytest.raises(BoundaryFileError) as info:
        read_boundaries(missing)
    assert info.value.path == missing
    assert str(missing) in str(info.value) and "not found" in str(info.value)


def test_garbage_file_message(tmp_path):
    garbage = tmp_path / "garbage.geojson"
    garbage.write_bytes(b"\x00\x01 this is not GeoJSON {{{")
    with pytest.raises(BoundaryFileError) as info:
        read_boundaries(garbage)
    assert str(garbage) in str(info.value) and "unreadable" in str(info.value)


def test_directory_and_points_only(tmp_path):
    with pytest.raises(BoundaryFileError, match="directory"):
        read_boundaries(tmp_path)
    points = tmp_path / "points.geojson"
    points.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"id": 1},
         "geometry": {"type": "Point", "coordinates": [60.1, 10.1]}}]}))
    with pytest.raises(BoundaryFileError, match=r"no Polygon/MultiPolygon.*1 Point"):
        read_boundaries(points)


@needs_real
def test_real_isfahan_file():
    gdf = read_boundaries(REAL)
    assert len(gdf) == 28
    assert gdf["osm_id"].notna().all() and gdf["osm_id"].is_unique
    assert all(name.startswith("شهرستان ") for name in gdf["name"])
    assert all(name.endswith(" County") for name in gdf["name_en"])
    assert shapely.coverage_is_valid(gdf.geometry.values)
