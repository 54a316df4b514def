"""Where county names go on a geographic map: in place where they fit, else as call-outs.

:func:`pick_labels` works in the pixels of the map as it will be drawn: a Mercator window
(longitude in degrees, :func:`geo.projection.mercator_y` in degrees) filling ``width_px`` ×
``height_px``; a name is a box of about 0.55·``font_px`` per character by 1.4·``font_px``
per line (Vazirmatn's average advance; checked against the browser's own text boxes in
``tests/test_label_boxes.py``).  Names are first put on their county's label point where
their box touches no name kept before (the ``always`` codes first, then by ``priority``,
e.g. area).  With ``callouts=True`` every name left over — the small central counties of
Isfahan province — is then placed beside its county: the nearest free spot on rings of
growing radius around the county's point, inside the window (clear of the colour bar's
band at either side), clear of every kept name and of every county point, and reached by a
leader line that crosses no kept name (at most :data:`SHORT_LEADER_RINGS` rings away);
a county still left gets a number on its point (Persian digits) and its name goes into a
key placed off the land where there is room.  Deterministic.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

import numpy as np
import pandas as pd

from figures.theme import escape_markup
from geo.projection import mercator_lat, mercator_y

__all__ = ["CALLOUT_LIMIT", "KEY", "label_box", "land_of", "pick_labels", "widen_bounds",
           "wrapped"]

Box = tuple[float, float, float, float]

CALLOUT_LIMIT = 40  # counties: up to a province's, every name is drawn (call-outs, a key)
KEY = "__key__"  # the row of the numbered key
SHORT_LEADER_RINGS = 7  # a call-out's leader is at most ~7 × 0.9 font sizes long
# directions tried around a county's point, horizontal first (names are wider than tall)
_ANGLES = (0, 180, 20, 160, -20, -160, 40, 140, -40, -140, 60, 120, -60, -120, 90, -90)


def wrapped(text: str) -> str | None:
    """``text`` on two lines, split at the space nearest its middle (None: no space)."""
    words = text.split(" ")
    if len(words) < 2:
        return None
    if "و" in words[1:-1]:  # «آران و بیدگل» → «آران» / «و بیدگل»: «و» starts the line
        best = words.index("و", 1)
        return " ".join(words[:best]) + "<br>" + " ".join(words[best:])
    best = min(range(1, len(words)),
               key=lambda i: abs(len(" ".join(words[:i])) - len(" ".join(words[i:]))))
    return " ".join(words[:best]) + "<br>" + " ".join(words[best:])


def label_box(text: str, cx: float, cy: float, font_px: float, pad_px: float = 0.0) -> Box:
    """The box (x0, y0, x1, y1) of ``text`` (``<br>`` = new line) centred on (cx, cy)."""
    lines = text.split("<br>")
    w = 0.55 * font_px * max(max(len(line) for line in lines), 1) + pad_px
    h = 1.4 * font_px * len(lines) + pad_px
    return (cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2)


def _touch(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _inside(a: Box, frame: Box) -> bool:
    return a[0] >= frame[0] and a[2] <= frame[2] and a[1] >= frame[1] and a[3] <= frame[3]


def _edge_point(box: Box, x: float, y: float) -> tuple[float, float]:
    """Where the line from the box's centre to (x, y) leaves the box."""
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    dx, dy = x - cx, y - cy
    hw, hh = (box[2] - box[0]) / 2, (box[3] - box[1]) / 2
    s = min(hw / abs(dx) if dx else math.inf, hh / abs(dy) if dy else math.inf)
    return (cx + dx * s, cy + dy * s) if math.isfinite(s) else (cx, cy)


def _segment_hits(x0: float, y0: float, x1: float, y1: float, boxes: Sequence[Box]) -> bool:
    """Whether the segment passes through any of ``boxes`` (sampled every ~2 px)."""
    steps = max(int(math.hypot(x1 - x0, y1 - y0) / 2), 1)
    for k in range(1, steps):
        x, y = x0 + (x1 - x0) * k / steps, y0 + (y1 - y0) * k / steps
        if any(b[0] < x < b[2] and b[1] < y < b[3] for b in boxes):
            return True
    return False


def _crosses(p: tuple[float, float, float, float], q: tuple[float, float, float, float]
             ) -> bool:
    """Whether segments p and q (x0, y0, x1, y1) cross (touching ends do not count)."""
    def side(ax, ay, bx, by, cx, cy) -> float:
        return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax)

    d1 = side(q[0], q[1], q[2], q[3], p[0], p[1])
    d2 = side(q[0], q[1], q[2], q[3], p[2], p[3])
    d3 = side(p[0], p[1], p[2], p[3], q[0], q[1])
    d4 = side(p[0], p[1], p[2], p[3], q[2], q[3])
    return d1 * d2 < 0 and d3 * d4 < 0


def pick_labels(labels: pd.DataFrame, priority: pd.Series | None = None,
                always: Sequence[str] = (), width_px: int = 900, height_px: int = 600,
                font_px: int = 10, pad_px: int = 3, wrap_at: int = 11,
                bounds: tuple[float, float, float, float] | None = None,
                callouts: bool = False, side_px: int = 90, bottom_px: int = 22,
                number_text: Callable[[int], str] = str, land=None) -> pd.DataFrame:
    """The labels (index code; columns lon, lat, text) to draw.

    The map is assumed to fill ``width_px`` × ``height_px``: a Mercator window of
    ``bounds`` (min lon, min lat, max lon, max lat — the map's own window, padded 2 % as
    :func:`figures.maps.choropleth` does) or, without it, around the label points (which
    overstates the scale: the points sit inside the shapes).  Codes in ``always`` go
    first, then higher ``priority``; a label is kept in place when its box does not touch
    a kept one.  Names longer than ``wrap_at`` characters that contain a space go on two
    lines (``<br>``) first, shorter ones only when the one-line form collides.

    ``callouts``: every other name is placed beside its county with a short leader line
    (module docstring), else the county gets a number (``number_text(n)``, e.g. Persian
    digits; north to south) and the name goes into a key (row :data:`KEY`, «۱ نام» lines,
    placed off ``land`` — a shapely geometry in lon/lat — where it can be); all inside the
    window, ``side_px`` from its side edges (the colour bar's band).  Rows then carry
    ``kind`` ("name", "callout", "number", "key"), ``anchor_lon``/``anchor_lat`` (the
    county's point) and ``end_lon``/``end_lat`` (where the leader line meets the box) —
    NaN without a leader.  Without ``callouts`` the names that do not fit are left out
    (the hover card has them).
    """
    if labels.empty:
        return labels
    xs = labels["lon"].astype(float).to_numpy()
    ys = np.array([mercator_y(v, degrees=True) for v in labels["lat"].astype(float)])
    if bounds is not None:
        minx, miny, maxx, maxy = bounds
        pad = 0.02 * max(maxx - minx, maxy - miny)
        y_lo, y_hi = mercator_y(miny - pad, degrees=True), mercator_y(maxy + pad, degrees=True)
        span_x = max(maxx - minx + 2 * pad, 1e-6)
        span_y = max(y_hi - y_lo, 1e-6)
        mid_x, mid_y = (minx + maxx) / 2, (y_lo + y_hi) / 2
    else:
        span_x = max(xs.max() - xs.min(), 1e-6) * 1.15
        span_y = max(ys.max() - ys.min(), 1e-6) * 1.15
        mid_x, mid_y = (xs.max() + xs.min()) / 2, (ys.max() + ys.min()) / 2
    scale = min(width_px / span_x, height_px / span_y)  # px per degree
    order = list(labels.index)
    rank = priority.reindex(order).fillna(-np.inf) if priority is not None else \
        pd.Series(0.0, index=order)
    first = [c for c in always if c in labels.index]
    rest = sorted((c for c in order if c not in first), key=lambda c: (-rank[c], str(c)))
    kept: list[Box] = []
    chosen: dict = {}
    position = {c: i for i, c in enumerate(order)}

    def variants(code) -> list[str]:
        text = str(labels.at[code, "text"])
        two = wrapped(text)
        pair = (two, text) if len(text) > wrap_at else (text, two)
        return [v for v in pair if v is not None]

    dots = [(xs[i] * scale - 3, ys[i] * scale - 3, xs[i] * scale + 3, ys[i] * scale + 3)
            for i in range(len(order))]
    for code in first + rest:
        i = position[code]
        # with call-outs, a name in place covers no other county's point (whose number or
        # leader line would start under it) — the ``always`` names excepted
        others = ([d for j, d in enumerate(dots) if j != i]
                  if callouts and code not in first else [])
        for variant in variants(code):
            b = label_box(variant, xs[i] * scale, ys[i] * scale, font_px, pad_px)
            if not any(_touch(b, o) for o in kept) and not any(_touch(b, d) for d in others):
                kept.append(b)
                chosen[code] = variant
                break
    placed: dict = {}  # code → (kind, text, box centre x, y, anchor x, y, leader end x, y)
    if callouts:
        # inside the drawn window (the geo subplot clips text outside its ranges) and the
        # plot, clear of the colour bar's band at either side
        cx, cy = mid_x * scale, mid_y * scale
        half_w = min(width_px / 2 - side_px, span_x * scale / 2 - 2)
        half_h = min(height_px / 2, span_y * scale / 2) - 2
        # the bottom band holds «© OpenStreetMap contributors»
        frame = (cx - half_w, cy - half_h + bottom_px, cx + half_w, cy + half_h)
        step = 0.9 * font_px
        leaders: list[tuple[float, float, float, float]] = []

        def place(code, forms: list[str], rings: int, kind: str, strict: bool = True) -> bool:
            i = position[code]
            ax, ay = xs[i] * scale, ys[i] * scale
            own = [d for j, d in enumerate(dots) if j != i]
            if kind == "number":  # on the county's own point when it is free
                b = label_box(forms[0], ax, ay, font_px, 1)
                if not any(_touch(b, o) for o in kept) and not any(_touch(b, d) for d in own):
                    kept.append(b)
                    placed[code] = (kind, forms[0], ax, ay, None, None, None, None)
                    return True
            spot = _callout_spot(forms, ax, ay, kept, dots, frame, step, font_px, pad_px,
                                 leaders if strict else (), rings)
            if spot is None:
                return False
            form, b = spot
            kept.append(b)
            ex, ey = _edge_point(b, ax, ay)
            leaders.append((ax, ay, ex, ey))
            placed[code] = (kind, form, (b[0] + b[2]) / 2, (b[1] + b[3]) / 2, ax, ay, ex, ey)
            return True

        # names beside their county with a short leader line, else a number on the county
        # and the name in a key
        waiting = [c for c in first + rest if c not in chosen]
        waiting = [c for c in waiting if not place(c, variants(c), SHORT_LEADER_RINGS,
                                                   "callout")]
        numbered = sorted(waiting, key=lambda c: (-ys[position[c]], xs[position[c]]))
        key_lines = []
        for n, code in enumerate(numbered, start=1):
            number = number_text(n)
            if place(code, [number], 6, "number") or place(code, [number], 12, "number", False):
                key_lines.append(f"{number} {labels.at[code, 'text']}")
        if key_lines:
            spot = _key_spot("<br>".join(key_lines), kept, dots, frame, font_px, scale, land)
            if spot is not None:
                text, b = spot
                kept.append(b)
                placed[KEY] = ("key", text, (b[0] + b[2]) / 2, (b[1] + b[3]) / 2,
                               None, None, None, None)
    rows = [c for c in order if c in chosen or c in placed] + ([KEY] if KEY in placed else [])
    out = pd.DataFrame(index=pd.Index(rows, name=labels.index.name),
                       columns=["lon", "lat", "text"], dtype=object)
    for code in rows:
        if code in chosen:
            out.loc[code, ["lon", "lat", "text"]] = [float(labels.at[code, "lon"]),
                                                      float(labels.at[code, "lat"]), chosen[code]]
    out["lon"] = out["lon"].astype(float)
    out["lat"] = out["lat"].astype(float)
    if callouts:
        out["kind"] = "name"
        for name in ("anchor_lon", "anchor_lat", "end_lon", "end_lat"):
            out[name] = np.nan
        for code, (kind, text, bx, by, ax, ay, ex, ey) in placed.items():
            out.at[code, "kind"] = kind
            out.at[code, "text"] = text
            out.at[code, "lon"], out.at[code, "lat"] = round(bx / scale, 4), round(_lat(by / scale), 4)
            if ax is not None:
                out.at[code, "anchor_lon"] = round(ax / scale, 4)
                out.at[code, "anchor_lat"] = round(_lat(ay / scale), 4)
                out.at[code, "end_lon"] = round(ex / scale, 4)
                out.at[code, "end_lat"] = round(_lat(ey / scale), 4)
    # names are data: their markup is escaped, only the line breaks made here stay markup
    out["text"] = ["<br>".join(escape_markup(p) for p in str(v).split("<br>"))
                   for v in out["text"]]
    return out


def _key_spot(text: str, kept: list[Box], dots: list[Box], frame: Box, font_px: float,
              scale: float, land) -> tuple[str, Box] | None:
    """A place for the numbered key inside ``frame``: free of every kept name and county
    point and, when ``land`` (a shapely geometry in lon/lat) is given, off the map's
    land if any such place exists — the lower corners first."""
    box0 = label_box(text, 0, 0, font_px, 4)
    hw, hh = box0[2], box0[3]
    xs = np.linspace(frame[0] + hw, frame[2] - hw, 24)
    ys = np.linspace(frame[1] + hh, frame[3] - hh, 16)
    candidates = sorted(((x, y) for x in xs for y in ys),
                        key=lambda p: (p[1], min(p[0] - frame[0], frame[2] - p[0])))
    fallback = None
    for x, y in candidates:
        b = label_box(text, x, y, font_px, 4)
        if any(_touch(b, o) for o in kept) or any(_touch(b, d) for d in dots):
            continue
        if land is None:
            return text, b
        import shapely

        shape = shapely.box(b[0] / scale, _lat(b[1] / scale), b[2] / scale, _lat(b[3] / scale))
        if not land.intersects(shape):
            return text, b
        fallback = fallback or (text, b)
    return fallback


_LAND: dict[int, tuple[dict, object]] = {}


def land_of(feature_collection: dict):
    """The union of the counties' shapes (shapely, lon/lat): where a map's key must not
    go.  Memoised per feature collection object."""
    hit = _LAND.get(id(feature_collection))
    if hit is not None and hit[0] is feature_collection:
        return hit[1]
    import shapely
    from shapely.geometry import shape

    land = shapely.union_all([shape(f["geometry"]) for f in feature_collection["features"]])
    if len(_LAND) > 8:
        _LAND.clear()
    _LAND[id(feature_collection)] = (feature_collection, land)
    return land


def widen_bounds(bounds: tuple[float, float, float, float], aspect: float = 1.7
                 ) -> tuple[float, float, float, float]:
    """``bounds`` (min lon, min lat, max lon, max lat) widened east and west until the
    Mercator window is ``aspect`` times as wide as tall (never narrowed): room at the sides
    for call-outs, with the map's scale unchanged in any plot at least that wide."""
    minx, miny, maxx, maxy = bounds
    tall = mercator_y(maxy, degrees=True) - mercator_y(miny, degrees=True)
    extra = max(aspect * tall - (maxx - minx), 0.0) / 2
    return (minx - extra, miny, maxx + extra, maxy)


def _lat(y_degrees: float) -> float:
    return mercator_lat(math.radians(y_degrees))


def _callout_spot(texts: list[str], ax: float, ay: float, kept: list[Box], dots: list[Box],
                  frame: Box, step: float, font_px: float, pad_px: float,
                  leaders: Sequence[tuple[float, float, float, float]] = (),
                  rings: int = 40) -> tuple[str, Box] | None:
    """The nearest free place for a name whose county point is (ax, ay): rings of radius
    ``step``, ``2·step``, … (up to 40 rings), :data:`_ANGLES` on each; the one-line form
    first.  Free: inside ``frame``, touching no kept name or county point, its leader line
    crossing no kept name and no other leader line."""
    forms = sorted(texts, key=lambda v: v.count("<br>"))
    for ring in range(1, rings + 1):
        r = ring * step
        for form in forms:
            for angle in _ANGLES:
                half = label_box(form, 0, 0, font_px, pad_px)
                hw, hh = half[2], half[3]
                # the ring is the gap between the point and the box's near edge
                dx = math.cos(math.radians(angle))
                dy = math.sin(math.radians(angle))
                bx, by = ax + dx * (r + hw * abs(dx)), ay + dy * (r + hh * abs(dy))
                b = label_box(form, bx, by, font_px, pad_px)
                if not _inside(b, frame):
                    continue
                if any(_touch(b, o) for o in kept) or any(_touch(b, d) for d in dots):
                    continue
                ex, ey = _edge_point(b, ax, ay)
                if _segment_hits(ax, ay, ex, ey, kept) or \
                        any(_crosses((ax, ay, ex, ey), seg) for seg in leaders):
                    continue
                return form, b
    return None
