"""Equal-area hexagon tile maps (every county one hexagon) — no boundary file needed.

Grid: pointy-top hexagons in "odd-r" offset coordinates ``(col, row)``: row 0 is the
northernmost, rows grow southwards, odd rows are shifted half a hexagon east.  Planar
centre of a cell (``size`` = centre-to-vertex distance)::

    x = size * √3 * (col + 0.5 * (row odd)),   y = -size * 1.5 * row   (north up)

:func:`hex_polygons` returns closed vertex lists, ready for a Plotly ``go.Scatter`` with
``fill="toself"`` (one trace per colour class, or ``None``-separated rings).
:func:`auto_hex_layout` places codes without a hand-made layout: a greedy matching, then a
local search that keeps groups (provinces) in one piece and leaves no holes
(:func:`layout_cost`).  The grid primitives live in :mod:`geo.hex_grid`, the layout
measures and the search in :mod:`geo.tile_search`; both are imported from here (never the
other way round) and their public names re-exported.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import NamedTuple

from .hex_grid import SQRT3, _planar_points, _ring, hex_centre, hex_distance, hex_neighbours
from .tile_search import (
    BORDER_WEIGHT,
    SPLIT_WEIGHT,
    _group_map,
    _local_search,
    group_border,
    group_pieces,
    hex_displacement,
    hex_holes,
    layout_cost,
)

__all__ = [
    "BORDER_WEIGHT",
    "ISFAHAN_HEX_LAYOUT",
    "SPLIT_WEIGHT",
    "HexTile",
    "auto_hex_layout",
    "group_border",
    "group_pieces",
    "hex_centre",
    "hex_displacement",
    "hex_distance",
    "hex_group_borders",
    "hex_holes",
    "hex_layout_for",
    "hex_neighbours",
    "hex_polygons",
    "layout_cost",
]

# Hand-designed from the county centroids and shared borders of the OSM boundaries (IR-10):
# north Kashan / Aran va Bidgol / Natanz, the large eastern Ardestan / Nain / Khur va
# Biabanak, the western ring Golpayegan – Khansar – Buin va Miandasht – Fereydunshahr –
# Fereydan – Chadegan, Isfahan's cluster in the middle (Isfahan touches Borkhar, Kuhpayeh,
# Khomeyni Shahr, Harand, Falavarjan, Jarqavieh) and Shahreza / Dehaqan / Semirom south.
# 50 of its 61 hexagon contacts are real shared borders (Spearman ρ 0.97 x~lon, 0.95 y~lat).
#
#   row 0:                  kash  aran
#   row 1:         golp  shah  natn  arde  khur
#   row 2:      buin  khan  njfb  borh  kuhp  nain
#   row 3:   fdsh  fedn  tirn  khom  isfa  hrnd
#   row 4:         chad  lenj  flvj  jarq  vrzn
#   row 5:            mbrk  shrz
#   row 6:               dhqn  smrm
ISFAHAN_HEX_LAYOUT: dict[str, tuple[int, int]] = {
    "kashan": (4, 0),
    "aran_va_bidgol": (5, 0),
    "golpayegan": (2, 1),
    "shahinshahr_va_meymeh": (3, 1),
    "natanz": (4, 1),
    "ardestan": (5, 1),
    "khur_va_biabanak": (6, 1),
    "buin_va_miandasht": (1, 2),
    "khansar": (2, 2),
    "najafabad": (3, 2),
    "borkhar": (4, 2),
    "kuhpayeh": (5, 2),
    "nain": (6, 2),
    "fereydunshahr": (0, 3),
    "fereydan": (1, 3),
    "tiran_va_karvan": (2, 3),
    "khomeynishahr": (3, 3),
    "isfahan": (4, 3),
    "harand": (5, 3),
    "chadegan": (2, 4),
    "lenjan": (3, 4),
    "falavarjan": (4, 4),
    "jarqavieh": (5, 4),
    "varzaneh": (6, 4),
    "mobarakeh": (3, 5),
    "shahreza": (4, 5),
    "dehaqan": (4, 6),
    "semirom": (5, 6),
}


class HexTile(NamedTuple):
    """One hexagon: grid cell, planar centre and a closed ring (7 points)."""

    code: str
    col: int
    row: int
    x: float
    y: float
    xs: list[float]
    ys: list[float]


def hex_polygons(layout: Mapping[str, tuple[int, int]], size: float = 1.0
                 ) -> dict[str, HexTile]:
    """Hexagon outlines for ``layout`` (code → (col, row)) in planar coordinates.

    Vertices start at the top and go clockwise; rounded to 6 decimals.
    """
    angles = [math.radians(90 - 60 * k) for k in range(6)]
    tiles: dict[str, HexTile] = {}
    for code, (col, row) in layout.items():
        cx, cy = hex_centre(col, row, size)
        xs = [round(cx + size * math.cos(a), 6) for a in angles]
        ys = [round(cy + size * math.sin(a), 6) for a in angles]
        tiles[code] = HexTile(code, int(col), int(row), round(cx, 6), round(cy, 6),
                              [*xs, xs[0]], [*ys, ys[0]])
    return tiles


def _cell_of(x: float, y: float) -> tuple[int, int]:
    """The cell whose hexagon contains planar point ``(x, y)`` (unit size), by cube rounding."""
    q = SQRT3 / 3 * x + y / 3  # axial coordinates; y points north, rows grow southwards
    r = -2 / 3 * y
    s = -q - r
    rq, rr, rs = round(q), round(r), round(s)
    dq, dr, ds = abs(rq - q), abs(rr - r), abs(rs - s)
    if dq > dr and dq > ds:
        rq = -rr - rs
    elif dr > ds:
        rr = -rq - rs
    return int(rq + (rr - (rr & 1)) // 2), int(rr)


# --------------------------------------------------------------------------- automatic layout

def _greedy_cells(planar: Mapping[str, tuple[float, float]]) -> dict[str, tuple[int, int]]:
    """Global greedy matching: closest point–cell pairs first; codes that lose their nearby
    cells retry with a wider search."""
    taken: dict[tuple[int, int], str] = {}
    layout: dict[str, tuple[int, int]] = {}
    pending = sorted(planar)
    radius = 2
    while pending:
        pairs = []
        for c in pending:
            px, py = planar[c]
            home = _cell_of(px, py)
            for cell in _ring(home, radius):
                if cell in taken:
                    continue
                cx, cy = hex_centre(*cell)
                pairs.append((math.hypot(px - cx, py - cy), c, cell))
        pairs.sort()
        for _, c, cell in pairs:
            if c in layout or cell in taken:
                continue
            layout[c] = cell
            taken[cell] = c
        pending = [c for c in pending if c not in layout]
        radius += 2
    return layout


def _to_origin(layout: Mapping[str, tuple[int, int]]) -> dict[str, tuple[int, int]]:
    """Shift cells so columns start at 0 and rows at 0 or 1 (row parity kept: odd-r)."""
    min_row = min(r for _, r in layout.values())
    min_col = min(c for c, _ in layout.values())
    row_shift = min_row - (min_row & 1)
    return {c: (col - min_col, row - row_shift) for c, (col, row) in layout.items()}


def auto_hex_layout(points: Mapping[str, tuple[float, float]],
                    spacing: float | None = None,
                    groups: Mapping[str, str] | None = None,
                    *, improve: bool = True) -> dict[str, tuple[int, int]]:
    """Assign each code a unique hex cell near its ``(lon, lat)``.

    Coordinates are scaled equirectangularly (lon × cos mean lat); one cell spans
    ``spacing`` degrees (default: the larger of the median nearest-neighbour distance and
    1.2 × √(convex-hull area / n), so neighbours land in adjacent cells and the tiles stay
    compact).  Cells are handed out by a global greedy matching
    (closest point–cell pairs first); codes that lose their nearby cells retry with a
    wider search.

    Unless ``improve`` is false, a local search (:func:`_local_search`: swaps of two tiles,
    moves of a tile into an empty cell next to the cartogram) then lowers the cost
    (:func:`layout_cost`)::

        C = Σ_c d_c²  +  λ · Σ_g (pieces_g − 1)  +  μ · holes  +  ν · border
        λ = μ = 16,  ν = 0.5

    ``d_c`` — cells between tile ``c`` and its point; ``pieces_g`` — connected pieces of
    group ``g`` (``groups``: code → group, e.g. province; without it all codes form one
    group, so only a tile cut off from the rest counts); ``holes`` — empty cells enclosed by
    tiles; ``border`` — tile sides not shared with a tile of the same group.  Moves never cut
    the cartogram in two.  Deterministic (fixed orders, no randomness); rows start at 0 in
    the north.
    """
    if not points:
        return {}
    planar = _planar_points(points, spacing)
    layout = _greedy_cells(planar)
    if improve:
        layout = _local_search(layout, planar, _group_map(planar, groups))
    return _to_origin(layout)


def hex_layout_for(codes: Iterable[str], points: Mapping[str, tuple[float, float]] | None = None,
                   groups: Mapping[str, str] | None = None) -> dict[str, tuple[int, int]]:
    """The hand layout when it covers ``codes`` (Isfahan), else :func:`auto_hex_layout` of
    ``points`` (code → (lon, lat)) restricted to ``codes``, keeping each of ``groups``
    (code → group, e.g. province) in one piece where it can."""
    wanted = list(codes)
    if all(c in ISFAHAN_HEX_LAYOUT for c in wanted):
        return {c: ISFAHAN_HEX_LAYOUT[c] for c in wanted}
    if points is None:
        raise ValueError("no hand-made hex layout for these codes; pass their points")
    missing = [c for c in wanted if c not in points]
    if missing:
        raise KeyError(f"no point for {', '.join(missing)}")
    return auto_hex_layout({c: points[c] for c in wanted}, groups=groups)


def hex_group_borders(tiles: Mapping[str, HexTile], groups: Mapping[str, str]
                      ) -> list[list[tuple[float, float]]]:
    """Edges between tiles of different groups (e.g. provinces) and the cartogram's outer
    edge, merged into polylines of ``(x, y)``: a shared edge appears once.  Tiles without a
    group count as a group of their own."""
    import shapely

    edges: dict[tuple, set] = {}
    count: dict[tuple, int] = {}
    for code, tile in tiles.items():
        group = groups.get(code, ("tile", code))
        points = [(round(x, 4), round(y, 4)) for x, y in zip(tile.xs, tile.ys)]
        for a, b in zip(points, points[1:]):
            key = (a, b) if a < b else (b, a)
            edges.setdefault(key, set()).add(group)
            count[key] = count.get(key, 0) + 1
    segments = [key for key, seen in edges.items() if count[key] == 1 or len(seen) > 1]
    if not segments:
        return []
    merged = shapely.line_merge(shapely.MultiLineString(segments))
    return [[(float(x), float(y)) for x, y in shapely.get_coordinates(part)]
            for part in shapely.get_parts(merged)]
