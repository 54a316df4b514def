"""geo.overpass: query text, assembling relations from ways, fetch without network."""

from __future__ import annotations

import copy
import io
import json
import urllib.error
import urllib.parse
from pathlib import Path

import pytest
import shapely

import geo.overpass as overpass
from geo.boundaries import BOUNDARY_COLUMNS, read_boundaries
from geo.config import project_root

FIXTURE = Path(__file__).parent / "fixtures" / "overpass_small.json"


@pytest.fixture()
def answer() -> dict:
    return json.loads(FIXTURE.read_text(encoding="utf-8"))


def _as_out_geom(data: dict) -> dict:
    """The same answer as `out geom` gives it: member ways carry their coordinates."""
    nodes = {e["id"]: e for e in data["elements"] if e["type"] == "node"}
    ways = {e["id"]: e for e in data["elements"] if e["type"] == "way"}
    relations = []
    for rel in data["elements"]:
        if rel["type"] != "relation":
            continue
        rel = copy.deepcopy(rel)
        for member in rel["members"]:
            if member["type"] == "way":
                member["geometry"] = [{"lat": nodes[n]["lat"], "lon": nodes[n]["lon"]}
                                      for n in ways[member["ref"]]["nodes"]]
        relations.append(rel)
    return {"elements": relations}


def test_build_query():
    query = overpass.build_query("IR-10", 5)
    assert query.startswith("[out:json][timeout:180];")
    assert 'area["ISO3166-2"="IR-10"]' in query
    assert 'relation["boundary"="administrative"]["admin_level"="5"](area.province)' in query
    assert "out body;" in query and ">;" in query
    for bad in ('IR-10"];out;', "ir", "IR-10; out"):
        with pytest.raises(ValueError):
            overpass.build_query(bad)
    with pytest.raises(ValueError):
        overpass.build_query("IR-10", 0)


def _check_parsed(gdf) -> None:
    assert list(gdf.columns) == BOUNDARY_COLUMNS and gdf.crs.equals("EPSG:4326")
    assert gdf["osm_id"].tolist() == [901, 902]
    assert gdf["name"].tolist() == ["شهرستان غرب‌آباد", "شهرستان شرق‌دشت"]
    assert gdf["name_en"].tolist() == ["Gharbabad County", "Sharq Dasht County"]
    assert gdf["wikidata"].tolist() == ["Q901", ""]
    west, east = gdf.geometry
    assert west.is_valid and east.is_valid
    assert len(west.geoms) == 1 and len(west.geoms[0].interiors) == 1  # the inner ring
    assert west.area == pytest.approx(0.5 * 0.6 + 0.006 - 0.04)  # wiggle + hole
    assert east.area == pytest.approx(0.5 * 0.6 - 0.006)  # reversed, out-of-order ways
    assert shapely.coverage_is_valid(gdf.geometry.values)
    assert west.intersection(east).length == pytest.approx(2 * (0.02**2 + 0.3**2) ** 0.5)
    assert all(shapely.is_ccw(p.exterior) for g in gdf.geometry for p in g.geoms)


def test_parse_body_recurse_answer(answer):
    _check_parsed(overpass.parse_overpass(answer))


def test_parse_out_geom_answer(answer):
    _check_parsed(overpass.parse_overpass(_as_out_geom(answer)))


def test_levels_and_clipping(answer):
    assert len(overpass.parse_overpass(answer, admin_level=None)) == 3  # + province (level 4)
    # a neighbour touching the province border from outside is dropped by clip_to
    answer["elements"] += [
        {"type": "node", "id": 30, "lat": 20.0, "lon": 71.5},
        {"type": "node", "id": 31, "lat": 20.6, "lon": 71.5},
        {"type": "way", "id": 40, "nodes": [3, 30, 31, 4]},
        {"type": "relation", "id": 903, "tags": {"admin_level": "5", "name": "همسایه"},
         "members": [{"type": "way", "ref": 40, "role": "outer"},
                     {"type": "way", "ref": 13, "role": "outer"}]},
    ]
    assert overpass.parse_overpass(answer)["osm_id"].tolist() == [901, 902, 903]
    assert overpass.parse_overpass(answer, clip_to="ZZ-01")["osm_id"].tolist() == [901, 902]


def test_unclosed_relation_is_skipped_with_warning(answer):
    for element in answer["elements"]:
        if element.get("id") == 902 and element["type"] == "relation":
            element["members"] = element["members"][:2]  # ring no longer closes
    with pytest.warns(UserWarning, match="without closed rings"):
        gdf = overpass.parse_overpass(answer)
    assert gdf["osm_id"].tolist() == [901]


def test_bad_answer():
    with pytest.raises(overpass.OverpassError):
        overpass.parse_overpass({"remark": "nothing"})


class _Response(io.BytesIO):
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def test_fetch_writes_readable_geojson(monkeypatch, tmp_path, answer):
    seen = {}

    def fake_urlopen(request, timeout):
        seen["url"], seen["timeout"] = request.full_url, timeout
        seen["query"] = urllib.parse.parse_qs(request.data.decode())["data"][0]
        return _Response(json.dumps(answer).encode())

    monkeypatch.setattr(overpass.urllib.request, "urlopen", fake_urlopen)
    out = overpass.fetch_province("ZZ-01", tmp_path / "sub" / "ZZ-01.geojson",
                                  endpoint="http://overpass.invalid/api", timeout=60)
    assert seen["url"] == "http://overpass.invalid/api" and seen["timeout"] >= 60
    assert 'area["ISO3166-2"="ZZ-01"]' in seen["query"]
    written = json.loads(out.read_text(encoding="utf-8"))
    assert "OpenStreetMap" in written["attribution"]
    assert written["features"][0]["properties"]["tags"]["name:en"] == "Gharbabad County"
    _check_parsed(read_boundaries(out))
    assert not list(out.parent.glob("*.tmp"))


def test_fetch_errors(monkeypatch, tmp_path):
    def unreachable(request, timeout):
        raise urllib.error.URLError("no network in tests")

    monkeypatch.setattr(overpass.urllib.request, "urlopen", unreachable)
    with pytest.raises(overpass.OverpassError, match="cannot reach"):
        overpass.fetch_province("ZZ-01", tmp_path / "x.geojson")
    monkeypatch.setattr(overpass.urllib.request, "urlopen",
                        lambda request, timeout: _Response(b'{"elements": []}'))
    with pytest.raises(overpass.OverpassError, match="no admin_level=5"):
        overpass.fetch_province("ZZ-01", tmp_path / "x.geojson")
    assert not (tmp_path / "x.geojson").exists()
    with pytest.raises(ValueError, match="ODbL"):
        overpass.fetch_province("ZZ-01", project_root() / "data" / "ZZ-01.geojson")
