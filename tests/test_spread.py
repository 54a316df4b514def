"""Spreading points without coordinates around an anchor: separation, polygon, determinism."""

from __future__ import annotations

import itertools
import math

import pytest
from shapely.geometry import Point, Polygon, box

from geo.spread import hex_spiral, spread_around, spread_groups


def planar_distance(a, b, lat0):
    kx = math.cos(math.radians(lat0))
    return math.hypot((a[0] - b[0]) * kx, a[1] - b[1])


def min_distance(points, lat0):
    return min((planar_distance(a, b, lat0) for a, b in itertools.combinations(points, 2)),
               default=math.inf)


def test_spiral_is_a_lattice():
    offsets = hex_spiral(3)
    assert len(offsets) == 1 + 6 + 12 + 18
    assert offsets[0] == (0.0, 0.0)
    assert min(math.dist(a, b) for a, b in itertools.combinations(offsets, 2)) == \
        pytest.approx(1.0)
    # ring r lies at hex distance r: every ring-1 cell exactly 1 from the centre
    assert all(math.dist((0, 0), p) == pytest.approx(1.0) for p in offsets[1:7])


def test_points_are_separated_and_near_the_anchor():
    result = spread_around((51.6, 32.6), 12, 0.05)
    assert len(result.points) == 12 and result.separation == 0.05 and result.inside
    assert min_distance(result.points, 32.6) >= 0.05 - 1e-9
    assert result.points[0] == (51.6, 32.6)  # ring 0 is the anchor itself
    assert max(planar_distance(p, (51.6, 32.6), 32.6) for p in result.points) <= 0.05 * 2 + 1e-9


def test_points_stay_inside_the_polygon_and_avoid_fixed_points():
    # an L-shaped county with the anchor near its inner corner
    county = Polygon([(51, 32), (51.6, 32), (51.6, 32.2), (51.2, 32.2), (51.2, 32.6),
                      (51, 32.6)])
    fixed = [(51.1, 32.1), (51.12, 32.1)]
    result = spread_around((51.1, 32.1), 8, 0.06, county, fixed)
    assert result.inside and result.separation == 0.06
    assert all(county.contains(Point(p)) for p in result.points)
    everything = result.points + fixed[:1]
    assert min_distance(everything, 32.1) >= 0.06 - 1e-9
    for p in result.points:
        for q in fixed:
            assert planar_distance(p, q, 32.1) >= 0.06 - 1e-9


def test_small_polygon_shrinks_the_separation():
    tiny = box(51.0, 32.0, 51.05, 32.05)
    result = spread_around((51.025, 32.025), 5, 0.05, tiny)
    assert result.inside
    assert result.separation < 0.05
    assert all(tiny.contains(Point(p)) for p in result.points)
    assert min_distance(result.points, 32.025) >= result.separation - 1e-9


def test_impossible_fit_is_reported():
    result = spread_around((51.0, 32.0), 40, 0.05, box(50.99, 31.99, 51.01, 32.01),
                           min_separation=0.04)
    assert not result.inside
    assert len(result.points) == 40
    assert min_distance(result.points, 32.0) >= result.separation - 1e-9


def test_groups_never_overlap_each_other():
    left, right = box(51.0, 32.0, 51.3, 32.3), box(51.3, 32.0, 51.6, 32.3)
    anchors = {"a": (51.28, 32.15), "b": (51.32, 32.15)}
    out = spread_groups({"a": 6, "b": 6, "c": 2}, anchors, 0.05, {"a": left, "b": right})
    assert set(out) == {"a", "b"}  # "c" has no anchor
    assert all(left.contains(Point(p)) for p in out["a"].points)
    assert all(right.contains(Point(p)) for p in out["b"].points)
    assert min_distance(out["a"].points + out["b"].points, 32.15) >= 0.05 - 1e-9


def test_deterministic_and_planar_mode():
    first = spread_around((51.6, 32.6), 7, 0.05)
    assert first == spread_around((51.6, 32.6), 7, 0.05)
    hexagon = Polygon([(0, 1), (0.87, 0.5), (0.87, -0.5), (0, -1), (-0.87, -0.5), (-0.87, 0.5)])
    flat = spread_around((0.0, -0.3), 5, 0.25, hexagon, planar=True)
    assert flat.inside
    assert min(math.dist(a, b) for a, b in itertools.combinations(flat.points, 2)) >= 0.25 - 1e-9


def test_bad_arguments():
    with pytest.raises(ValueError):
        spread_around((0, 0), -1, 0.1)
    with pytest.raises(ValueError):
        spread_around((0, 0), 2, 0)
    assert spread_around((0, 0), 0, 0.1).points == []
