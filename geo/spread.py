"""Place map points that have no coordinates around an anchor without overlapping.

A project without coordinates is drawn near its county seat (or the county's label point):
the points of one county take the free cells of a hexagonal lattice around the anchor, ring
by ring (ring 0 is the anchor itself, ring ``r`` holds ``6·r`` cells), in a fixed order, so
the layout is deterministic and every placed point is at least ``separation`` away from
every other placed point and from the points that already have coordinates.  When a
polygon is given (the county as drawn), only cells inside it — and, where the polygon is
wide enough, at least ``separation / 3`` from its edge — are used; if the polygon cannot
hold the points at that spacing within ``max_rings`` rings, the spacing is shrunk
(×0.7 per attempt, down to ``min_separation``) and the spacing actually used is reported.

Distances are measured in a local equirectangular plane (longitude × cos(latitude of the
anchor), degrees of latitude), so "0.05" means 0.05° of latitude ≈ 5.6 km in every
direction.  Pure shapely/numpy; no Streamlit.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

__all__ = ["SpreadResult", "hex_spiral", "spread_around", "spread_groups"]

SQRT3 = math.sqrt(3.0)
# Axial directions of a pointy-top hex lattice (r grows northwards), in ring-walking order.
_DIRECTIONS = [(1, 0), (1, -1), (0, -1), (-1, 0), (-1, 1), (0, 1)]


@dataclass(frozen=True)
class SpreadResult:
    """``points``: (lon, lat) per requested point, in order; ``separation``: the spacing
    used (≤ the one asked for); ``inside``: whether every point lies in the polygon."""

    points: list[tuple[float, float]]
    separation: float
    inside: bool


def hex_spiral(n_rings: int) -> list[tuple[float, float]]:
    """Unit-spacing lattice offsets ``(dx, dy)``: the origin, then ring 1, ring 2, …

    Each ring starts at its north-west corner and walks clockwise; lattice neighbours are
    exactly 1 apart and no two offsets are closer than 1.
    """
    out = [(0.0, 0.0)]
    for radius in range(1, n_rings + 1):
        q, r = -radius, radius  # axial (-R, +R): the north-west corner
        cells = []
        for dq, dr in _DIRECTIONS:
            for _ in range(radius):
                cells.append((q, r))
                q, r = q + dq, r + dr
        for q, r in cells:
            # axial → planar (pointy-top), y up = north
            out.append((q + r / 2.0, r * SQRT3 / 2.0))
    return out


def _scale(lat: float) -> float:
    return max(math.cos(math.radians(lat)), 1e-6)


def _try_layout(anchor: tuple[float, float], n: int, separation: float,
                region: BaseGeometry | None, avoid_xy: np.ndarray, max_rings: int, kx: float
                ) -> list[tuple[float, float]] | None:
    """Planar offsets of up to ``n`` free cells (None when fewer than ``n`` fit)."""
    lon0, lat0 = anchor
    chosen: list[tuple[float, float]] = []
    candidates = np.asarray(hex_spiral(max_rings)) * separation  # planar (x, y)
    if region is not None:
        lons = lon0 + candidates[:, 0] / kx
        lats = lat0 + candidates[:, 1]
        inside = shapely.contains_xy(region, lons, lats)
        candidates = candidates[inside]
    limit = separation * (1 - 1e-9)
    for x, y in candidates:
        if len(avoid_xy) and np.min(np.hypot(avoid_xy[:, 0] - x, avoid_xy[:, 1] - y)) < limit:
            continue
        chosen.append((float(x), float(y)))
        if len(chosen) == n:
            return chosen
    return None


def spread_around(
    anchor: tuple[float, float],
    n: int,
    separation: float,
    polygon: BaseGeometry | None = None,
    avoid: Iterable[tuple[float, float]] = (),
    *,
    min_separation: float | None = None,
    max_rings: int = 8,
    planar: bool = False,
) -> SpreadResult:
    """``n`` points around ``anchor`` (lon, lat), pairwise ≥ ``separation`` apart and
    ≥ ``separation`` from every point in ``avoid``, inside ``polygon`` when given.

    The spacing shrinks (×0.7 per try, not below ``min_separation``, default
    ``separation / 4``) only when the polygon cannot hold the points; if even the smallest
    spacing does not fit, the points are laid out on the plain spiral and ``inside`` is
    False.  ``planar=True`` treats (x, y) as plain plane coordinates (e.g. tile maps)
    instead of lon/lat.  Raises ``ValueError`` for a negative ``n`` or a non-positive ``separation``.
    """
    if n < 0:
        raise ValueError("n must be >= 0")
    if not separation > 0:
        raise ValueError("separation must be > 0")
    if n == 0:
        return SpreadResult([], float(separation), True)
    lon0, lat0 = float(anchor[0]), float(anchor[1])
    kx = 1.0 if planar else _scale(lat0)
    avoid_list = [(float(a), float(b)) for a, b in avoid]
    avoid_xy = np.array([((a - lon0) * kx, b - lat0) for a, b in avoid_list]).reshape(-1, 2)
    floor = float(min_separation) if min_separation else separation / 4.0
    sep = float(separation)
    if polygon is not None and not polygon.is_empty:
        shapely.prepare(polygon)
    while True:
        region = None
        if polygon is not None and not polygon.is_empty:
            inner = polygon.buffer(-sep / 3.0)
            region = inner if not inner.is_empty and inner.area > 0 else polygon
            shapely.prepare(region)
        found = _try_layout((lon0, lat0), n, sep, region, avoid_xy, max_rings, kx)
        if found is None and region is not polygon and polygon is not None:
            shapely.prepare(polygon)
            found = _try_layout((lon0, lat0), n, sep, polygon, avoid_xy, max_rings, kx)
        if found is not None:
            inside = True
            break
        if sep <= floor * (1 + 1e-9):
            # does not fit: plain spiral (still separated), flagged as not inside
            found = _try_layout((lon0, lat0), n, sep, None, avoid_xy, max_rings + 4, kx)
            if found is None:  # pragma: no cover - avoid set fills 12 rings
                found = [(x * sep, y * sep) for x, y in hex_spiral(max_rings + 8)[-n:]]
            inside = polygon is None
            break
        sep = max(sep * 0.7, floor)
    points = [(lon0 + x / kx, lat0 + y) for x, y in found]  # unrounded: exact spacing
    return SpreadResult(points, sep, inside)


def spread_groups(
    groups: Mapping[str, int],
    anchors: Mapping[str, tuple[float, float]],
    separation: float,
    polygons: Mapping[str, BaseGeometry] | None = None,
    fixed: Sequence[tuple[float, float]] = (),
    *,
    min_separation: float | None = None,
    planar: bool = False,
) -> dict[str, SpreadResult]:
    """:func:`spread_around` for several groups (e.g. counties → number of projects without
    coordinates), in sorted key order; each group avoids the ``fixed`` points and every
    point placed before it, so no two points on the map overlap.  Groups without an anchor
    are skipped."""
    placed: list[tuple[float, float]] = [(float(a), float(b)) for a, b in fixed]
    out: dict[str, SpreadResult] = {}
    for key in sorted(groups):
        n = int(groups[key])
        if n <= 0 or key not in anchors:
            continue
        anchor = anchors[key]
        if anchor is None or not all(map(math.isfinite, anchor)):
            continue
        # only nearby points matter; keeps the distance checks small
        near = [p for p in placed if abs(p[0] - anchor[0]) < 3 and abs(p[1] - anchor[1]) < 3]
        result = spread_around(anchor, n, separation, (polygons or {}).get(key), near,
                               min_separation=min_separation, planar=planar)
        out[key] = result
        placed.extend(result.points)
    return out
