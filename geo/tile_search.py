"""Layout quality of a hex tile map and the local search that improves it.

:func:`layout_cost` measures, and :func:`_local_search` lowers::

    C = Σ_c d_c²  +  λ · Σ_g (pieces_g − 1)  +  μ · holes  +  ν · border
    λ = μ = 16,  ν = 0.5

``d_c`` — cells between tile ``c`` and its point (:func:`hex_displacement`); ``pieces_g`` —
connected pieces of group ``g`` (:func:`group_pieces`; ``groups``: code → group, e.g.
province; without it all codes form one group, so only a tile cut off from the rest
counts); ``holes`` — empty cells enclosed by tiles (:func:`hex_holes`); ``border`` — tile
sides not shared with a tile of the same group (:func:`group_border`).  The search takes
best-improvement swaps of two tiles and moves of a tile into an empty cell next to the
cartogram, one code at a time in sorted order; moves never cut the cartogram in two.
Deterministic (fixed orders, no randomness).

The grid (:mod:`geo.hex_grid`) is imported from below; :mod:`geo.tiles` (hand-made layout,
hexagon outlines, greedy matching, the public layout functions) imports this module and
re-exports its public names — never the other way round.
"""

from __future__ import annotations

import functools
import heapq
import math
from collections.abc import Iterable, Mapping

from .hex_grid import SQRT3, _planar_points, _ring, hex_centre, hex_distance, hex_neighbours

__all__ = [
    "BORDER_WEIGHT",
    "HOLE_WEIGHT",
    "JUMP_RADIUS",
    "MAX_PASSES",
    "SEARCH_RADIUS",
    "SPLIT_WEIGHT",
    "group_border",
    "group_pieces",
    "hex_displacement",
    "hex_holes",
    "layout_cost",
]

# --------------------------------------------------------------------------- layout cost

# Weights of the layout cost (see :func:`layout_cost`), in squared cells of displacement,
# measured on the 478 counties of Iran (benchmarks/map_tiles.py --layout) and six random
# 85 % samples of them: with λ = μ = 16, ν = 0.5 the country has no split province and no
# hole (the samples: one split province in one); λ = 8 or 32 left split provinces in more
# samples.  ν = 0.5 shortens the province borders by ~12 % against ν = 0 for +0.02 cells of
# mean displacement; ν ≥ 1 leaves provinces split again.
SPLIT_WEIGHT = 16.0  # λ: one extra piece of a group
HOLE_WEIGHT = 16.0  # μ: one empty cell enclosed by tiles
BORDER_WEIGHT = 0.5  # ν: one tile side not shared with a tile of the same group
SEARCH_RADIUS = 2  # swaps/moves reach cells at most this many steps away
JUMP_RADIUS = 12  # … and, for a tile of a split group, cells next to its group this near
MAX_PASSES = 40


def _pieces(cells: set[tuple[int, int]]) -> int:
    """Number of edge-connected pieces of a set of cells."""
    seen: set[tuple[int, int]] = set()
    count = 0
    for start in cells:
        if start in seen:
            continue
        count += 1
        seen.add(start)
        stack = [start]
        while stack:
            for cell in hex_neighbours(*stack.pop()):
                if cell in cells and cell not in seen:
                    seen.add(cell)
                    stack.append(cell)
    return count


def group_pieces(layout: Mapping[str, tuple[int, int]], groups: Mapping[str, str]
                 ) -> dict[str, int]:
    """Connected pieces of each group's tiles (``groups``: code → group; 1 = in one piece).
    Codes without a group are left out."""
    cells: dict[str, set[tuple[int, int]]] = {}
    for code, cell in layout.items():
        if code in groups:
            cells.setdefault(groups[code], set()).add(cell)
    return {group: _pieces(members) for group, members in sorted(cells.items())}


def group_border(layout: Mapping[str, tuple[int, int]], groups: Mapping[str, str]) -> int:
    """Tile sides not shared with a tile of the same group: Σ over groups of their
    perimeters, in sides (the cartogram's outline counts once, a border between two groups
    twice).  Codes without a group form one group."""
    groups = _group_map(layout, groups)
    at = {cell: code for code, cell in layout.items()}
    return sum(1 for code, cell in layout.items() for n in hex_neighbours(*cell)
               if n not in at or groups[at[n]] != groups[code])


def hex_holes(cells: Iterable[tuple[int, int]]) -> set[tuple[int, int]]:
    """Empty cells enclosed by the tiles on ``cells``: those not reachable through empty
    cells from outside the tiles' bounding box."""
    occupied = set(cells)
    if not occupied:
        return set()
    cols = [c for c, _ in occupied]
    rows = [r for _, r in occupied]
    c0, c1, r0, r1 = min(cols) - 1, max(cols) + 1, min(rows) - 1, max(rows) + 1
    outside = {(c0, r0)}
    stack = [(c0, r0)]
    while stack:
        for cell in hex_neighbours(*stack.pop()):
            if (cell not in outside and cell not in occupied
                    and c0 <= cell[0] <= c1 and r0 <= cell[1] <= r1):
                outside.add(cell)
                stack.append(cell)
    return {(c, r) for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)
            if (c, r) not in occupied and (c, r) not in outside}


def _to_planar_offset(layout: Mapping[str, tuple[int, int]],
                      planar: Mapping[str, tuple[float, float]]) -> dict[str, tuple[int, int]]:
    """``layout`` moved by the whole-cell translation (columns, even rows: parity kept)
    that best matches the points (rounded mean offset) — undoes
    :func:`geo.tiles._to_origin`."""
    dx = sum(planar[c][0] - hex_centre(*cell)[0] for c, cell in layout.items()) / len(layout)
    dy = sum(planar[c][1] - hex_centre(*cell)[1] for c, cell in layout.items()) / len(layout)
    cols, rows = round(dx / SQRT3), 2 * round(-dy / 3)
    return {c: (col + cols, row + rows) for c, (col, row) in layout.items()}


def _displacement2(point: tuple[float, float], cell: tuple[int, int]) -> float:
    """Squared distance, in cells (1 = between neighbouring centres), from a planar point
    (unit hexagon size) to the centre of ``cell``."""
    cx, cy = hex_centre(*cell)
    return ((point[0] - cx) ** 2 + (point[1] - cy) ** 2) / 3.0


def hex_displacement(layout: Mapping[str, tuple[int, int]],
                     points: Mapping[str, tuple[float, float]],
                     spacing: float | None = None) -> dict[str, float]:
    """Distance in cells from each tile's centre to its ``(lon, lat)``, scaled as
    :func:`geo.tiles.auto_hex_layout` scales them (same ``spacing``), the layout taken back
    by the whole-cell shift that put it at the origin."""
    if not layout:
        return {}
    planar = _planar_points({c: points[c] for c in layout}, spacing)
    raw = _to_planar_offset(layout, planar)
    return {c: math.sqrt(_displacement2(planar[c], cell)) for c, cell in raw.items()}


def layout_cost(layout: Mapping[str, tuple[int, int]],
                points: Mapping[str, tuple[float, float]],
                groups: Mapping[str, str] | None = None, spacing: float | None = None,
                split_weight: float = SPLIT_WEIGHT, hole_weight: float = HOLE_WEIGHT,
                border_weight: float = BORDER_WEIGHT) -> float:
    """The cost :func:`geo.tiles.auto_hex_layout`'s local search lowers::

        C = Σ_c d_c²  +  λ · Σ_g (pieces_g − 1)  +  μ · holes  +  ν · border

    ``d_c``: distance in cells from tile ``c`` to its point (:func:`hex_displacement`);
    ``pieces_g``: connected pieces of group ``g`` (:func:`group_pieces`; without
    ``groups`` all codes are one group, so a tile cut off from the rest counts);
    ``holes``: empty cells enclosed by tiles (:func:`hex_holes`); ``border``: tile sides
    not shared with a tile of the same group (:func:`group_border`), short for compact
    groups and a smooth outline.  λ = ``split_weight``, μ = ``hole_weight``,
    ν = ``border_weight``.
    """
    if not layout:
        return 0.0
    groups = _group_map(layout, groups)
    displacement = sum(d * d for d in hex_displacement(layout, points, spacing).values())
    split = sum(n - 1 for n in group_pieces(layout, groups).values())
    return (displacement + split_weight * split + hole_weight * len(hex_holes(layout.values()))
            + border_weight * group_border(layout, groups))


def _group_map(codes: Iterable[str], groups: Mapping[str, str] | None) -> dict[str, str]:
    """code → group; codes missing from ``groups`` (or all, without it) share one group."""
    if groups is None:
        return dict.fromkeys(codes, "")
    return {c: str(groups[c]) if c in groups else "" for c in codes}


# --------------------------------------------------------------------------- local search

_RING = (1, 3, 2, 0, 4, 5)  # hex_neighbours' indices in order around the cell (E, NE, …)


def _arc_starts(cell: tuple[int, int], inside) -> list[tuple[int, int]]:
    """One neighbour of each separate arc of ``cell``'s six neighbours for which
    ``inside(neighbour)`` holds."""
    ring = hex_neighbours(*cell)
    around = [ring[i] for i in _RING]
    flags = [inside(n) for n in around]
    if all(flags):
        return [around[0]]
    return [around[i] for i in range(6) if flags[i] and not flags[i - 1]]


def _arcs(cell: tuple[int, int], inside) -> int:
    """Number of separate arcs of ``cell``'s neighbours for which ``inside`` holds."""
    return len(_arc_starts(cell, inside))


def _linked(cells: set[tuple[int, int]], without: tuple[int, int] | None,
            start: tuple[int, int], goal: tuple[int, int]) -> bool:
    """Whether ``start`` and ``goal`` are joined through ``cells`` (``without`` excluded):
    best-first search by distance to ``goal``, quick when a short way round exists."""
    seen = {start}
    heap = [(hex_distance(start, goal), start)]
    while heap:
        _, cell = heapq.heappop(heap)
        if cell == goal:
            return True
        for n in hex_neighbours(*cell):
            if n in cells and n != without and n not in seen:
                seen.add(n)
                heapq.heappush(heap, (hex_distance(n, goal), n))
    return False


def _pieces_after(cells: set[tuple[int, int]], count: int, removed: tuple[int, int] | None,
                  added: tuple[int, int] | None) -> int:
    """Pieces of ``cells`` (now ``count``) once ``removed`` leaves and ``added`` joins.

    Local rule first — a cell whose same-group neighbours form no arc is a piece of its own,
    one arc changes nothing, several arcs change nothing if they are joined another way
    (:func:`_linked`) — and a flood of the new set otherwise.
    """
    def inside(n: tuple[int, int]) -> bool:
        return n in cells and n != removed

    def exact() -> int:
        return _pieces((cells - {removed}) | ({added} if added is not None else set()))

    for cell, sign in ((removed, -1), (added, 1)):
        if cell is None:
            continue
        starts = _arc_starts(cell, inside)
        if not starts:
            count += sign
        elif any(not _linked(cells, removed, starts[0], other) for other in starts[1:]):
            return exact()
    return count


def _fewest_pieces(cells: set[tuple[int, int]], count: int, removed: tuple[int, int] | None,
                   added: tuple[int, int] | None) -> int:
    """A lower bound of :func:`_pieces_after` from neighbours only: ``removed`` takes a piece
    away only if it has no neighbour in ``cells``; ``added`` joins at most as many pieces as
    it has arcs of neighbours."""
    def inside(n: tuple[int, int]) -> bool:
        return n in cells and n != removed

    lost = removed is not None and _arcs(removed, inside) == 0
    joined = max(_arcs(added, inside) - 1, 0) if added is not None else 0
    return max(count - lost - joined, 1)


class _Search:
    """State of the local search: who is where, each group's cells and pieces, the holes.

    :meth:`delta` prices a tentative change ``{code: new cell}`` (a swap moves two codes, a
    move one code into an empty cell) as the change of :func:`layout_cost`.
    """

    def __init__(self, layout: Mapping[str, tuple[int, int]],
                 planar: Mapping[str, tuple[float, float]], groups: Mapping[str, str],
                 split_weight: float, hole_weight: float, border_weight: float) -> None:
        self.cell_of = dict(layout)
        self.code_at = {cell: code for code, cell in layout.items()}
        self.group_at = {cell: groups[code] for code, cell in layout.items()}
        self.planar = planar
        self.group_of = groups
        self.cells: dict[str, set[tuple[int, int]]] = {}
        for code in sorted(layout):
            self.cells.setdefault(groups[code], set()).add(layout[code])
        self.pieces = {g: _pieces(cells) for g, cells in self.cells.items()}
        self.holes = hex_holes(self.code_at)
        self.split_weight = split_weight
        self.hole_weight = hole_weight
        self.border_weight = border_weight
        self._centres: dict[tuple[int, int], tuple[float, float]] = {}
        self._around: dict[tuple[int, int], list[tuple[int, int]]] = {}

    def d2(self, code: str, cell: tuple[int, int]) -> float:
        """Squared displacement of ``code`` on ``cell``, in cells."""
        centre = self._centres.get(cell)
        if centre is None:
            centre = self._centres[cell] = hex_centre(*cell)
        px, py = self.planar[code]
        return ((px - centre[0]) ** 2 + (py - centre[1]) ** 2) / 3.0

    def _same_around(self, cell: tuple[int, int], group: str, skip: tuple[int, int]) -> int:
        """Neighbours of ``cell`` (``skip`` aside) holding a tile of ``group``."""
        around = self._around.get(cell)
        if around is None:
            around = self._around[cell] = hex_neighbours(*cell)
        group_at = self.group_at
        count = 0
        for n in around:
            if n != skip and group_at.get(n) == group:
                count += 1
        return count

    def border_change(self, code: str, cell: tuple[int, int]) -> float:
        """Change of Σ_g perimeter_g (tile edges not shared with a tile of the same group)
        when ``code`` swaps with the tile on ``cell`` or moves into it."""
        here = self.cell_of[code]
        group = self.group_of[code]
        other = self.code_at.get(cell)
        if other is None:
            gained = self._same_around(cell, group, here) - self._same_around(here, group, cell)
            return -2.0 * gained
        other_group = self.group_of[other]
        if other_group == group:
            return 0.0
        gained = (self._same_around(cell, group, here) + self._same_around(here, other_group, cell)
                  - self._same_around(here, group, cell) - self._same_around(cell, other_group, here))
        return -2.0 * gained

    def delta(self, moves: Mapping[str, tuple[int, int]], change: float
              ) -> tuple[float, dict[str, int], set[tuple[int, int]] | None] | None:
        """(Δcost, new pieces of the touched groups, new holes or ``None`` if unchanged), or
        ``None`` when the change cannot lower the cost (a bound checked first).  ``change``:
        the displacement and border part of Δcost, from :meth:`best_change`."""
        swaps = {self.group_of[c]: (self.cell_of[c], cell) for c, cell in moves.items()}
        if len(swaps) == 1 and len(moves) == 2:
            swaps = {}  # two tiles of one group trade places: its pieces stay
        bound = change - self.split_weight * sum(
            self.pieces[g] - _fewest_pieces(self.cells[g], self.pieces[g], *swaps[g])
            for g in swaps)
        if len(moves) == 1:
            bound -= self.hole_weight * len(self.holes)
        if bound >= -1e-9:
            return None
        pieces = {}
        for g, (removed, added) in sorted(swaps.items()):
            pieces[g] = _pieces_after(self.cells[g], self.pieces[g], removed, added)
            change += self.split_weight * (pieces[g] - self.pieces[g])
        holes = None
        if len(moves) == 1:
            ((code, cell),) = moves.items()
            holes = self._holes_after(self.cell_of[code], cell)
            change += self.hole_weight * (len(holes) - len(self.holes))
        return change, pieces, holes

    def _holes_after(self, vacated: tuple[int, int], filled: tuple[int, int]
                     ) -> set[tuple[int, int]]:
        """The holes once the tile on ``vacated`` moves to the empty ``filled``, by local
        rules: filling an outside cell whose empty neighbours form one arc encloses nothing
        (with several arcs, each is flooded to see whether it is cut off); an emptied cell
        next to the outside is outside and opens the holes it touches, else it is a hole."""
        holes = self.holes
        if filled in holes:
            holes = holes - {filled}
        elif _arcs(filled, lambda n: n not in self.code_at) > 1:
            holes = holes | self._cut_off(filled)
        empty = [n for n in hex_neighbours(*vacated) if n not in self.code_at and n != filled]
        if all(n in holes for n in empty):
            return holes | {vacated}
        opened = [n for n in empty if n in holes]
        if opened:
            holes = set(holes)
            while opened:
                cell = opened.pop()
                if cell in holes:
                    holes.discard(cell)
                    opened.extend(n for n in hex_neighbours(*cell) if n in holes)
        return holes

    def _cut_off(self, filled: tuple[int, int]) -> set[tuple[int, int]]:
        """Empty cells next to ``filled`` that a tile there would cut off from the outside.

        Each empty neighbour is flooded best-first towards the tiles' bounding box: reaching
        beyond it means outside, running out of cells means enclosed."""
        cols = [c for c, _ in self.code_at] + [filled[0]]
        rows = [r for _, r in self.code_at] + [filled[1]]
        c0, c1, r0, r1 = min(cols), max(cols), min(rows), max(rows)
        enclosed: set[tuple[int, int]] = set()
        escaped: set[tuple[int, int]] = set()
        for start in hex_neighbours(*filled):
            if start in self.code_at or start in enclosed or start in escaped:
                continue
            seen = {start}
            heap = [(0, start)]
            while heap:
                _, (col, row) = heapq.heappop(heap)
                if not (c0 <= col <= c1 and r0 <= row <= r1):
                    escaped |= seen
                    break
                for cell in hex_neighbours(col, row):
                    if cell not in seen and cell not in self.code_at and cell != filled:
                        seen.add(cell)
                        edge = min(cell[0] - c0, c1 - cell[0], cell[1] - r0, r1 - cell[1])
                        heapq.heappush(heap, (edge, cell))
            else:
                enclosed |= seen
        return enclosed

    def apply(self, moves: Mapping[str, tuple[int, int]], pieces: Mapping[str, int],
              holes: set[tuple[int, int]] | None) -> None:
        for c in moves:
            self.cells[self.group_of[c]].discard(self.cell_of[c])
            del self.code_at[self.cell_of[c]]
            del self.group_at[self.cell_of[c]]
        for c, cell in moves.items():
            self.cell_of[c] = cell
            self.code_at[cell] = c
            self.group_at[cell] = self.group_of[c]
            self.cells[self.group_of[c]].add(cell)
        self.pieces.update(pieces)
        if holes is not None:
            self.holes = holes

    def candidates(self, code: str, radius: int) -> list[tuple[int, int]]:
        """Cells ``code`` may go to: within ``radius`` steps, and — when its group is split —
        next to a tile of its group within ``JUMP_RADIUS`` steps."""
        col, row = here = self.cell_of[code]
        cells = {(col + dc, row + dr) for dc, dr in _disc(radius, row & 1)}
        group = self.group_of[code]
        if self.pieces[group] > 1:
            for cell in self.cells[group]:
                if hex_distance(here, cell) < JUMP_RADIUS:
                    cells.update(hex_neighbours(*cell))
        cells.discard(here)
        return sorted(cells)

    def change_for(self, code: str, cell: tuple[int, int]) -> dict[str, tuple[int, int]] | None:
        """Swap with the tile on ``cell``, or move into it if it is empty and touches
        another tile (the cartogram stays in one piece); ``None`` otherwise."""
        other = self.code_at.get(cell)
        if other is not None:
            return {code: cell, other: self.cell_of[code]}
        here = self.cell_of[code]
        if any(n in self.code_at and n != here for n in hex_neighbours(*cell)) and (
                self._stays_whole(here, cell)):
            return {code: cell}
        return None

    def _stays_whole(self, vacated: tuple[int, int], filled: tuple[int, int]) -> bool:
        """Whether emptying ``vacated`` (and filling ``filled``) leaves the tiles that were
        around ``vacated`` joined: a move never cuts the cartogram in two."""
        def tiled(n: tuple[int, int]) -> bool:
            return n == filled or (n in self.code_at and n != vacated)

        starts = _arc_starts(vacated, tiled)
        if len(starts) < 2:
            return True
        occupied = self.code_at.keys() | {filled}
        return all(_linked(occupied, vacated, starts[0], other) for other in starts[1:])

    def best_change(self, code: str, radius: int):
        """The candidate change for ``code`` that lowers the cost most, with its
        :meth:`delta`, or ``None``.  A candidate is priced in full only if its displacement
        change minus the most the other terms could fall stays negative (a tile has six
        sides: a move changes ``border`` by at most 12, a swap by at most 24)."""
        here = self.cell_of[code]
        group = self.group_of[code]
        stay = self.d2(code, here)
        slack = self.split_weight * min(self.pieces[group] - 1, 3)
        best = None
        for cell in self.candidates(code, radius):
            other = self.code_at.get(cell)
            change = self.d2(code, cell) - stay
            if other is None:
                room, sides = slack + self.hole_weight * len(self.holes), 12
            else:
                change += self.d2(other, here) - self.d2(other, cell)
                other_group = self.group_of[other]
                room, sides = (0.0, 0) if other_group == group else (
                    slack + self.split_weight * min(self.pieces[other_group] - 1, 3), 24)
            if change - room - self.border_weight * sides >= -1e-9:
                continue
            if sides:
                change += self.border_weight * self.border_change(code, cell)
                if change - room >= -1e-9:
                    continue
            moves = self.change_for(code, cell)
            found = None if moves is None else self.delta(moves, change)
            if found is not None and found[0] < -1e-9 and (best is None or found[0] < best[1][0]):
                best = (moves, found)
        return best


@functools.cache
def _disc(radius: int, odd: int) -> tuple[tuple[int, int], ...]:
    """Offsets ``(dcol, drow)`` of the cells at most ``radius`` steps from a cell on an even
    (``odd`` = 0) or odd row."""
    return tuple((dc, dr) for dr in range(-radius, radius + 1)
                 for dc in range(-radius - 1, radius + 2)
                 if hex_distance((0, odd), (dc, odd + dr)) <= radius)


def _local_search(layout: Mapping[str, tuple[int, int]],
                  planar: Mapping[str, tuple[float, float]], groups: Mapping[str, str],
                  split_weight: float = SPLIT_WEIGHT, hole_weight: float = HOLE_WEIGHT,
                  border_weight: float = BORDER_WEIGHT, radius: int = SEARCH_RADIUS,
                  max_passes: int = MAX_PASSES) -> dict[str, tuple[int, int]]:
    """Lower :func:`layout_cost` by best-improvement steps, one code at a time in sorted
    order: each code takes the swap (with the tile on a candidate cell) or move (into an
    empty candidate cell next to the cartogram) that lowers the cost most.

    A pass visits the codes near the last pass's changes (within ``radius`` + 1 steps) and
    the members of groups whose pieces changed; when that finds nothing, one pass over all
    codes confirms a local optimum.  At most ``max_passes`` passes.  Deterministic: fixed
    orders, no randomness.
    """
    search = _Search(layout, planar, groups, split_weight, hole_weight, border_weight)
    everyone = sorted(search.cell_of)
    todo = everyone
    for _ in range(max_passes):
        changed: set[tuple[int, int]] = set()
        regrouped: set[str] = set()
        for code in todo:
            best = search.best_change(code, radius)
            if best is None:
                continue
            moves, (_, pieces, holes) = best
            changed.update(search.cell_of[c] for c in moves)
            changed.update(moves.values())
            regrouped.update(g for g, n in pieces.items() if n != search.pieces[g])
            search.apply(moves, pieces, holes)
        if not changed:
            if todo is everyone:
                break
            todo = everyone
            continue
        near = {cell for cell in changed for cell in _ring(cell, radius + 1)}
        todo = sorted(c for c in everyone
                      if search.cell_of[c] in near or search.group_of[c] in regrouped)
    return dict(search.cell_of)
