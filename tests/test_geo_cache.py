"""geo.cache: province/country loading, disk + memory cache round trips."""

from __future__ import annotations

import json
import math
import shutil
from pathlib import Path

import pandas as pd
import pytest
import shapely
from shapely.geometry import shape

import geo.cache as cache
from geo.boundaries import BoundaryFileError
from geo.config import boundaries_path, country_dir, project_root
from geo.plotly_geojson import feature_collection_bytes
from geo.projection import mercator_lat, mercator_y

INVENTED = Path(__file__).parent / "fixtures" / "geo_invented.geojson"
REAL = boundaries_path()
COUNTRY = country_dir()
SHARED_TABLE = project_root().parent / "shared" / "data" / "counties.csv"

INVENTED_TABLE = pd.DataFrame({
    "code": ["nemuneh", "azmayesh", "khiyal", "farziyeh"],
    "name_fa": ["نمونه‌آباد", "آزمایش", "خیال‌شهر", "فرضیه و دشت"],
    "osm_relation_id": [1001, 1002, None, None],
})


@pytest.fixture(autouse=True)
def isolated_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("PISHRAN_CACHE_DIR", str(tmp_path / "cache"))
    cache.clear_memory_cache()
    yield tmp_path / "cache"
    cache.clear_memory_cache()


def test_missing_file_raises_and_available_is_false(tmp_path):
    missing = tmp_path / "IR-99.geojson"
    assert not cache.boundaries_available(missing)
    with pytest.raises(BoundaryFileError, match="not found"):
        cache.load_province(missing)
    assert cache.boundaries_available(INVENTED)


def test_env_path_is_the_default(monkeypatch, tmp_path):
    monkeypatch.setenv("PISHRAN_BOUNDARIES", str(tmp_path / "absent.geojson"))
    assert not cache.boundaries_available()
    with pytest.raises(BoundaryFileError):
        cache.load_province()


def test_invented_round_trip_through_disk(isolated_cache, tmp_path, monkeypatch):
    path = tmp_path / "province.geojson"
    shutil.copy(INVENTED, path)
    first = cache.load_province(path, INVENTED_TABLE, tolerance=0.02, precision=3)
    assert first.codes == ["nemuneh", "azmayesh", "khiyal", "farziyeh"]
    assert first.match_report is not None and first.match_report.complete
    # ids survive the float column (NaN rows) and the cache key's text form
    assert (first.match_report.by_osm_id, first.match_report.by_name) == (2, 2)
    assert first.coverage.clean and first.simplified
    assert first.labels.columns.tolist() == ["code", "name", "name_en", "osm_id", "lon", "lat"]
    for code, lon, lat in first.labels[["code", "lon", "lat"]].itertuples(index=False):
        feature = next(f for f in first.feature_collection["features"] if f["id"] == code)
        assert shape(feature["geometry"]).contains(shapely.Point(lon, lat))
    assert first.areas_km2.index.tolist() == first.codes
    assert 60 <= first.centre[0] <= 62.4 and 10 <= first.centre[1] <= 12.35
    assert 4 < first.map_view()["zoom"] < 10
    files = list((isolated_cache / "geo").glob("province-*.json"))
    assert len(files) == 1

    # Second load: from memory (same object), then from disk without reading the file.
    assert cache.load_province(path, INVENTED_TABLE, tolerance=0.02, precision=3) is first
    cache.clear_memory_cache()

    def fail(*args, **kwargs):
        raise AssertionError("should have come from the disk cache")

    monkeypatch.setattr(cache, "read_boundaries", fail)
    second = cache.load_province(path, INVENTED_TABLE, tolerance=0.02, precision=3)
    assert second is not first
    assert second.feature_collection == first.feature_collection
    pd.testing.assert_frame_equal(second.labels, first.labels)
    pd.testing.assert_series_equal(second.areas_km2, first.areas_km2)
    assert second.match_report == first.match_report
    assert second.coverage == first.coverage
    assert (second.bounds, second.centre) == (first.bounds, first.centre)


def test_cache_key_follows_table_parameters_and_content(isolated_cache, tmp_path):
    path = tmp_path / "province.geojson"
    shutil.copy(INVENTED, path)
    plain = cache.load_province(path)
    assert plain.match_report is None
    assert plain.codes == ["osm1001", "osm1002", "osm1003", "osm1004"]
    coarse = cache.load_province(path, tolerance=0.2)
    assert coarse.coverage.vertices < plain.coverage.vertices
    table = INVENTED_TABLE.iloc[:3]
    partial = cache.load_province(path, table)
    assert partial.codes == ["nemuneh", "azmayesh", "khiyal", "osm1004"]  # stays on the map
    assert partial.match_report.unmatched_features == [("شهرستان فرضیه و دشت", 1004)]
    # editing the file (new content, new sha) must not serve the old geometry
    data = json.loads(path.read_text(encoding="utf-8"))
    data["features"] = data["features"][:2]
    path.write_text(json.dumps(data), encoding="utf-8")
    assert cache.load_province(path).codes == ["osm1001", "osm1002"]
    assert len(list((isolated_cache / "geo").glob("province-*.json"))) == 4


def test_corrupt_cache_file_is_rebuilt(isolated_cache, tmp_path):
    path = tmp_path / "province.geojson"
    shutil.copy(INVENTED, path)
    first = cache.load_province(path)
    (cached,) = (isolated_cache / "geo").glob("province-*.json")
    cached.write_text("{not json", encoding="utf-8")
    cache.clear_memory_cache()
    with pytest.warns(UserWarning, match="unreadable geometry cache"):
        again = cache.load_province(path)
    assert again.feature_collection == first.feature_collection


def test_never_caches_inside_the_project(monkeypatch, tmp_path):
    monkeypatch.setenv("PISHRAN_CACHE_DIR", str(project_root() / ".pishran-cache-test"))
    path = tmp_path / "province.geojson"
    shutil.copy(INVENTED, path)
    with pytest.warns(UserWarning, match="not caching"):
        cache.load_province(path)
    assert not (project_root() / ".pishran-cache-test").exists()


def test_country_from_a_directory_of_provinces(tmp_path):
    folder = tmp_path / "country"
    folder.mkdir()
    shutil.copy(INVENTED, folder / "IR-98.geojson")
    (folder / "notes.txt").write_text("ignored")
    country = cache.load_country(folder, tolerance=0.02)
    assert country.codes == [f"IR-98:osm{i}" for i in (1001, 1002, 1003, 1004)]
    assert country.labels["province"].unique().tolist() == ["IR-98"]
    assert country.extra["provinces"] == ["IR-98"]
    with pytest.raises(BoundaryFileError, match="no IR-"):
        cache.load_country(tmp_path)


@pytest.mark.skipif(not REAL.is_file() or not SHARED_TABLE.is_file(), reason="no real data")
def test_real_province_is_light_clean_and_complete():
    table = pd.read_csv(SHARED_TABLE)
    province = cache.load_province(REAL, table)
    assert sorted(province.codes) == sorted(table["code"])
    assert province.match_report.complete
    assert province.coverage.clean
    for feature in province.feature_collection["features"]:  # clockwise for the geo subplot
        polygons = feature["geometry"]["coordinates"]
        polygons = [polygons] if feature["geometry"]["type"] == "Polygon" else polygons
        assert not any(shapely.is_ccw(shapely.LinearRing(p[0])) for p in polygons)
    assert feature_collection_bytes(province.feature_collection) < 0.04 * REAL.stat().st_size
    assert province.areas_km2.sum() == pytest.approx(107_927, rel=0.005)
    shipped = {f["id"]: shape(f["geometry"]) for f in province.feature_collection["features"]}
    for code, lon, lat in province.labels[["code", "lon", "lat"]].itertuples(index=False):
        assert shipped[code].contains(shapely.Point(lon, lat)), code
    view = province.map_view(700, 600)
    assert 5.5 < view["zoom"] < 7.5


needs_country = pytest.mark.skipif(len(cache.country_files(COUNTRY)) < 31,
                                   reason="no country boundaries")


@pytest.fixture(scope="module")
def real_country(tmp_path_factory):
    """The whole country, built once for the module in a cache of its own (the autouse
    ``isolated_cache`` empties the caches around every test: each test loading it again
    rebuilt it from scratch, ≈ 3 s)."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PISHRAN_CACHE_DIR", str(tmp_path_factory.mktemp("country_cache")))
        cache.clear_memory_cache()
        yield cache.load_country(COUNTRY)
        cache.clear_memory_cache()


@needs_country
def test_real_country_478_counties_under_budget(real_country):
    country = real_country
    assert len(country.codes) == 478 == len(set(country.codes))
    assert country.coverage.clean, country.coverage
    assert feature_collection_bytes(country.feature_collection) < 1_500_000
    assert country.labels.groupby("province").size()["IR-10"] == 28
    for feature in country.feature_collection["features"]:  # clockwise for the geo subplot
        polygons = feature["geometry"]["coordinates"]
        polygons = [polygons] if feature["geometry"]["type"] == "Polygon" else polygons
        assert not any(shapely.is_ccw(shapely.LinearRing(p[0])) for p in polygons)


@needs_country
def test_real_country_province_borders_enclose_the_31_provinces(real_country):
    country = real_country
    borders = country.extra["province_borders"]
    lines = shapely.MultiLineString(borders)
    assert 5_000 <= shapely.get_num_coordinates(lines) <= 8_000  # ~70 KB in the figure
    # the lines cut the country into faces: every province is made of faces, none is split
    # by a line inside it (interior county edges are not drawn) and no face spans two
    faces = shapely.get_parts(shapely.polygonize(shapely.get_parts(shapely.node(lines))))
    province_of = dict(zip(country.labels["code"], country.labels["province"]))
    counties = [(province_of[f["id"]], shape(f["geometry"]).representative_point())
                for f in country.feature_collection["features"]]
    tree = shapely.STRtree(faces)
    found: dict[int, set[str]] = {}
    for province, point in counties:
        hits = tree.query(point, predicate="within")
        assert len(hits) == 1
        found.setdefault(int(hits[0]), set()).add(province)
    assert all(len(v) == 1 for v in found.values())  # a face holds one province's counties
    assert len({next(iter(v)) for v in found.values()}) == 31
    assert len(found) < 60  # whole provinces (plus islands), not counties


def test_country_files_are_the_sorted_province_files_or_none(tmp_path):
    assert cache.country_files(tmp_path / "missing") == []
    for name in ("IR-10.geojson", "IR-02.geojson", "notes.geojson", "IR-03.json"):
        (tmp_path / name).write_text("{}", encoding="utf-8")
    assert [f.name for f in cache.country_files(tmp_path)] == ["IR-02.geojson", "IR-10.geojson"]


def test_geometry_or_none_loads_each_scope_or_gives_none(tmp_path, monkeypatch):
    folder = tmp_path / "country"
    folder.mkdir()
    shutil.copy(INVENTED, folder / "IR-98.geojson")
    monkeypatch.setenv("PISHRAN_BOUNDARIES", str(INVENTED))
    monkeypatch.setenv("PISHRAN_COUNTRY_BOUNDARIES", str(folder))
    data_province = cache.geometry_or_none(counties_df=INVENTED_TABLE)
    assert data_province is not None
    assert data_province.codes == ["nemuneh", "azmayesh", "khiyal", "farziyeh"]
    assert cache.geometry_or_none("IR-98").codes == [f"osm{i}" for i in (1001, 1002, 1003, 1004)]
    assert cache.geometry_or_none(cache.COUNTRY).extra["provinces"] == ["IR-98"]
    # missing files: None, never an exception (the maps fall back to the tile cartogram)
    assert cache.geometry_or_none("IR-97") is None
    monkeypatch.setenv("PISHRAN_BOUNDARIES", str(tmp_path / "absent.geojson"))
    monkeypatch.setenv("PISHRAN_COUNTRY_BOUNDARIES", str(tmp_path / "absent"))
    assert cache.geometry_or_none(counties_df=INVENTED_TABLE) is None
    assert cache.geometry_or_none(cache.COUNTRY) is None


def test_one_mercator_for_the_map_view_and_the_labels():
    """geo.projection is the only Mercator: y(0) = 0, y(lat) in degrees is the radian y
    scaled, the inverse returns the latitude, and both ends clamp at ±85°."""
    assert mercator_y(0.0) == pytest.approx(0.0, abs=1e-15)
    for lat in (-60.0, 10.5, 32.65, 39.8):
        assert mercator_lat(mercator_y(lat)) == pytest.approx(lat, abs=1e-12)
        assert mercator_y(lat, degrees=True) == pytest.approx(math.degrees(mercator_y(lat)))
        assert abs(mercator_y(lat)) > abs(math.radians(lat))  # stretched towards the poles
    assert mercator_y(89.0) == mercator_y(85.0) and mercator_y(-90.0) == mercator_y(-85.0)
    for module in ("geo/cache.py", "figures/map_layers.py"):  # no private copy of the formula
        source = (project_root() / module).read_text(encoding="utf-8")
        assert "math.pi / 4" not in source, module
