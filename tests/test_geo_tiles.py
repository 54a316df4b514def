"""geo.tiles: the hand-made Isfahan hex layout and the automatic layout."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geo.boundaries import read_boundaries
from geo.config import boundaries_path, project_root
from geo.matching import match_counties
from geo.tiles import (
    ISFAHAN_HEX_LAYOUT,
    auto_hex_layout,
    hex_centre,
    hex_layout_for,
    hex_neighbours,
    hex_polygons,
)

SHARED_TABLE = project_root().parent / "shared" / "data" / "counties.csv"
REAL = boundaries_path()


def spearman(a, b) -> float:
    return float(np.corrcoef(pd.Series(a).rank(), pd.Series(b).rank())[0, 1])


@pytest.fixture(scope="module")
def centroids() -> dict[str, tuple[float, float]]:
    if not REAL.is_file() or not SHARED_TABLE.is_file():
        pytest.skip("real boundaries or shared county table absent")
    matched, report = match_counties(read_boundaries(REAL), pd.read_csv(SHARED_TABLE))
    assert report.complete
    points = matched.to_crs("EPSG:6933").centroid.to_crs("EPSG:4326")
    return {code: (p.x, p.y) for code, p in zip(matched["code"], points, strict=True)}


@pytest.mark.skipif(not SHARED_TABLE.is_file(), reason="shared county table absent")
def test_layout_covers_all_28_codes():
    codes = set(pd.read_csv(SHARED_TABLE)["code"])
    assert len(codes) == 28 and set(ISFAHAN_HEX_LAYOUT) == codes


def test_layout_positions_unique_and_non_negative():
    cells = list(ISFAHAN_HEX_LAYOUT.values())
    assert len(set(cells)) == len(cells) == 28
    assert all(col >= 0 and row >= 0 for col, row in cells)
    # one connected block of tiles: every tile touches another one
    occupied = set(cells)
    assert all(any(n in occupied for n in hex_neighbours(*c)) for c in cells)


def test_hand_layout_follows_geography(centroids):
    tiles = hex_polygons(ISFAHAN_HEX_LAYOUT)
    codes = list(ISFAHAN_HEX_LAYOUT)
    assert spearman([tiles[c].x for c in codes], [centroids[c][0] for c in codes]) > 0.8
    assert spearman([tiles[c].y for c in codes], [centroids[c][1] for c in codes]) > 0.8
    # a few anchors the brief asks for
    assert tiles["kashan"].y > tiles["isfahan"].y > tiles["semirom"].y
    assert tiles["khur_va_biabanak"].x > tiles["isfahan"].x > tiles["fereydunshahr"].x
    assert ISFAHAN_HEX_LAYOUT["khomeynishahr"] in hex_neighbours(*ISFAHAN_HEX_LAYOUT["isfahan"])


def test_auto_layout_of_real_centroids(centroids):
    layout = auto_hex_layout(centroids)
    assert set(layout) == set(centroids) and len(set(layout.values())) == 28
    tiles = hex_polygons(layout)
    codes = list(layout)
    assert spearman([tiles[c].x for c in codes], [centroids[c][0] for c in codes]) > 0.8
    assert spearman([tiles[c].y for c in codes], [centroids[c][1] for c in codes]) > 0.8


def test_hex_polygons_geometry():
    tiles = hex_polygons({"a": (0, 0), "b": (1, 0), "c": (0, 1)}, size=2.0)
    a, b, c = tiles["a"], tiles["b"], tiles["c"]
    assert len(a.xs) == len(a.ys) == 7 and (a.xs[0], a.ys[0]) == (a.xs[-1], a.ys[-1])
    assert (a.x, a.y) == (0.0, 0.0) and (c.x, c.y) == pytest.approx((math.sqrt(3), -3.0))
    for tile in (b, c):  # neighbours: centres √3·size apart, sharing two vertices
        assert math.dist((a.x, a.y), (tile.x, tile.y)) == pytest.approx(2 * math.sqrt(3))
        shared = {(round(x, 4), round(y, 4)) for x, y in zip(a.xs, a.ys, strict=True)} & {
            (round(x, 4), round(y, 4)) for x, y in zip(tile.xs, tile.ys, strict=True)}
        assert len(shared) == 2
    for col, row in [(0, 0), (3, 1), (2, 4)]:
        for n in hex_neighbours(col, row):
            assert math.dist(hex_centre(col, row), hex_centre(*n)) == pytest.approx(math.sqrt(3))


def test_hex_layout_for():
    assert hex_layout_for(["isfahan", "kashan"]) == {
        "isfahan": ISFAHAN_HEX_LAYOUT["isfahan"], "kashan": ISFAHAN_HEX_LAYOUT["kashan"]}
    points = {"a": (50.0, 30.0), "b": (51.0, 30.0), "c": (50.5, 31.0)}
    layout = hex_layout_for(points, points)
    assert len(set(layout.values())) == 3
    with pytest.raises(ValueError):
        hex_layout_for(["a"])


@settings(max_examples=40, deadline=None)
@given(st.dictionaries(
    st.text("abcdefgh", min_size=1, max_size=3),
    st.tuples(st.floats(44, 63, allow_nan=False), st.floats(25, 40, allow_nan=False)),
    min_size=1, max_size=25))
def test_auto_layout_always_unique(points):
    layout = auto_hex_layout(points)
    assert set(layout) == set(points)
    assert len(set(layout.values())) == len(points)
    assert min(r for _, r in layout.values()) in (0, 1)  # parity kept, starts at the top
    assert min(c for c, _ in layout.values()) == 0


def test_hex_group_borders_draw_group_edges_once():
    import shapely

    from geo.tiles import hex_group_borders, hex_polygons

    layout = {"a": (0, 0), "b": (1, 0), "c": (2, 0)}  # a row of three tiles
    tiles = hex_polygons(layout)
    side = 1.0  # unit hexagons: every edge has length `size`
    lines = hex_group_borders(tiles, {"a": "P", "b": "P", "c": "Q"})
    total = shapely.MultiLineString(lines).length
    assert total == pytest.approx((14 + 1) * side, rel=1e-3)  # outline + the b|c edge
    ab = shapely.Point((tiles["a"].x + tiles["b"].x) / 2, tiles["a"].y)
    bc = shapely.Point((tiles["b"].x + tiles["c"].x) / 2, tiles["b"].y)
    merged = shapely.MultiLineString(lines)
    assert merged.distance(bc) < 1e-3 and merged.distance(ab) > 0.1
    assert shapely.MultiLineString(hex_group_borders(tiles, dict.fromkeys("abc", "P"))
                                   ).length == pytest.approx(14 * side, rel=1e-3)
