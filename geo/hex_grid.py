"""The hexagon grid of the tile maps: cell centres, neighbours and distances in "odd-r"
offset coordinates, and the projection of county points ``(lon, lat)`` to grid units.

Grid: pointy-top hexagons, ``(col, row)``, row 0 the northernmost, rows growing
southwards, odd rows shifted half a hexagon east.  Planar centre of a cell (``size`` =
centre-to-vertex distance)::

    x = size * √3 * (col + 0.5 * (row odd)),   y = -size * 1.5 * row   (north up)

Used by :mod:`geo.tile_search` (layout cost and local search) and :mod:`geo.tiles`
(layouts and hexagon outlines); imports neither.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping

__all__ = ["SQRT3", "hex_centre", "hex_distance", "hex_neighbours"]

SQRT3 = math.sqrt(3.0)

# --------------------------------------------------------------------------- grid primitives

def hex_centre(col: int, row: int, size: float = 1.0) -> tuple[float, float]:
    """Planar centre of cell ``(col, row)`` (north up)."""
    return (size * SQRT3 * (col + 0.5 * (row & 1)), -size * 1.5 * row)


def hex_neighbours(col: int, row: int) -> list[tuple[int, int]]:
    """The six cells sharing an edge with ``(col, row)`` (odd-r offset)."""
    shift = row & 1  # odd rows: neighbours above/below are at col and col+1
    return [
        (col - 1, row), (col + 1, row),
        (col - 1 + shift, row - 1), (col + shift, row - 1),
        (col - 1 + shift, row + 1), (col + shift, row + 1),
    ]


def hex_distance(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Steps between cells ``a`` and ``b`` (odd-r offset → cube coordinates)."""
    aq, bq = a[0] - (a[1] - (a[1] & 1)) // 2, b[0] - (b[1] - (b[1] & 1)) // 2
    dq, dr = aq - bq, a[1] - b[1]
    return (abs(dq) + abs(dr) + abs(dq + dr)) // 2


def _ring(centre: tuple[int, int], radius: int) -> Iterable[tuple[int, int]]:
    """The cells of the block of rows and columns around ``centre`` (a superset of those
    at most ``radius`` steps away)."""
    col0, row0 = centre
    for row in range(row0 - radius, row0 + radius + 1):
        for col in range(col0 - radius - 1, col0 + radius + 2):
            yield col, row


# --------------------------------------------------------------------------- points → grid units

def _planar_points(points: Mapping[str, tuple[float, float]], spacing: float | None
                   ) -> dict[str, tuple[float, float]]:
    """``(lon, lat)`` → planar coordinates in units of the hexagon ``size``, origin at the
    points' north-west corner (equirectangular: lon × cos mean lat; one cell spans
    ``spacing`` degrees, default :func:`_default_spacing`)."""
    codes = sorted(points)
    mean_lat = sum(points[c][1] for c in codes) / len(codes)
    kx = math.cos(math.radians(mean_lat))
    xy = {c: (points[c][0] * kx, points[c][1]) for c in codes}
    if spacing is None:
        spacing = _default_spacing(list(xy.values()))
    size = spacing / SQRT3
    top = max(p[1] for p in xy.values())
    left = min(p[0] for p in xy.values())
    return {c: ((x - left) / size, (y - top) / size) for c, (x, y) in xy.items()}


def _default_spacing(xy: list[tuple[float, float]]) -> float:
    """Cell spacing: the larger of the median nearest-neighbour distance and 1.2 × the side
    of an equal share of the points' convex hull (keeps spread-out provinces compact)."""
    nearest = sorted(
        min(math.dist(p, q) for j, q in enumerate(xy) if j != i) for i, p in enumerate(xy)
    ) if len(xy) > 1 else [0.0]
    median = nearest[len(nearest) // 2]
    share = 1.2 * math.sqrt(_hull_area(xy) / len(xy))
    return max(median, share) or 1.0


def _hull_area(xy: list[tuple[float, float]]) -> float:
    """Area of the convex hull (monotone chain + shoelace)."""
    pts = sorted(set(xy))
    if len(pts) < 3:
        return 0.0

    def cross(o: tuple[float, float], a: tuple[float, float], b: tuple[float, float]) -> float:
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    lower: list[tuple[float, float]] = []
    upper: list[tuple[float, float]] = []
    for p in pts:
        while len(lower) >= 2 and cross(lower[-2], lower[-1], p) <= 0:
            lower.pop()
        lower.append(p)
    for p in reversed(pts):
        while len(upper) >= 2 and cross(upper[-2], upper[-1], p) <= 0:
            upper.pop()
        upper.append(p)
    hull = lower[:-1] + upper[:-1]
    return abs(sum(hull[i][0] * hull[i - 1][1] - hull[i - 1][0] * hull[i][1]
                   for i in range(len(hull)))) / 2
