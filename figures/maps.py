"""County maps: a choropleth on Plotly's ``geo`` subplot and the equal-tile cartogram.

The ``geo`` subplot draws SVG paths (text is shaped by the browser, so Persian
labels render with the product font) and uses the app's own empty base map
(:data:`figures.theme.TOPOJSON_URL`), so nothing is fetched from outside.  Its
exterior rings must be clockwise: pass a feature collection prepared by
:func:`geo.orient_for_geo_subplot` (``geo.cache.load_province`` does this).

Both builders colour either continuously (a colour bar with localised ticks) or by
classes (:class:`ColourClasses`: one flat colour per class and a stepped colour bar whose
labels are the class ranges, e.g. «۱۲٫۵ – ۱۶٫۰»).  Counties without a value are drawn grey.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import plotly.colors as pc
import plotly.graph_objects as go

from figures.theme import (
    CENTRE_COLOUR,
    FONT_FAMILY,
    SEQUENTIAL,
    add_attribution,
    apply_theme,
    colorbar_ticks,
    diverging_scale,
    escape_markup,
)
from geo.plotly_geojson import subset_feature_collection
from geo.projection import mercator_lat, mercator_y
from i18n import rtl_label

__all__ = ["BORDER_COLOUR", "ColourClasses", "MISSING_COLOUR", "SELECTED_COLOUR", "choropleth",
           "class_colours", "geo_px", "geo_px_per_degree", "lean_feature_collection",
           "merge_near_points", "names_clear_of_points", "tile_cartogram"]

MISSING_COLOUR = "#e5e7eb"
SELECTED_COLOUR = "#111827"
BORDER_COLOUR = "#374151"  # province borders over the counties' white edges
LABEL_COLOUR = "#111"  # county names on light fills (short: one per name in the JSON)


@dataclass(frozen=True)
class ColourClasses:
    """Classed colouring: ``index`` (county code → class 0…k-1, -1 = no value), one
    ``labels`` entry (already localised) and one ``colours`` entry per class; ``title``
    heads the legend."""

    index: pd.Series
    labels: Sequence[str]
    colours: Sequence[str]
    title: str = ""
    extra: dict = field(default_factory=dict)

    @property
    def k(self) -> int:
        return len(self.labels)


def class_colours(k: int, diverging: bool = False, positions: Sequence[float] | None = None,
                  better: str | None = "higher") -> list[str]:
    """``k`` colours: light → dark along the sequential palette, or — ``diverging`` — the
    diverging palette of a measure better ``better`` (:func:`figures.theme.diverging_scale`)
    sampled at ``positions`` (0…1, 0.5 = the reference value; default evenly spread)."""
    if k <= 0:
        return []
    if diverging:
        scale = diverging_scale(better)
        if positions is None:
            positions = [(j + 0.5) / k for j in range(k)]
        return [_hex(c) for c in pc.sample_colorscale(scale, [min(max(p, 0.0), 1.0)
                                                             for p in positions])]
    scale = [[i / (len(SEQUENTIAL) - 1), c] for i, c in enumerate(SEQUENTIAL)]
    spots = [0.05 + 0.95 * j / (k - 1) for j in range(k)] if k > 1 else [0.6]
    return [_hex(c) for c in pc.sample_colorscale(scale, spots)]


def _dark(colour: str) -> bool:
    """Whether white text reads better than dark text on ``colour`` (relative luminance)."""
    colour = _hex(colour)
    if len(colour) != 7:
        return False
    r, g, b = (int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.45


def _hex(colour: str) -> str:
    if colour.startswith("#"):
        return colour
    r, g, b = (int(float(v)) for v in colour[colour.index("(") + 1:-1].split(",")[:3])
    return f"#{r:02x}{g:02x}{b:02x}"


_LEAN: dict[int, tuple[dict, dict]] = {}


def lean_feature_collection(fc: dict) -> dict:
    """``fc`` without what Plotly does not read (each feature's ``"type": "Feature"`` and
    ``properties``): Plotly matches ``id`` and draws ``geometry``.  Memoised per object."""
    hit = _LEAN.get(id(fc))
    if hit is not None and hit[0] is fc:
        return hit[1]
    lean = {"type": "FeatureCollection",
            "features": [{"id": f["id"], "geometry": f["geometry"]} for f in fc["features"]]}
    if len(_LEAN) > 16:
        _LEAN.clear()
    _LEAN[id(fc)] = (fc, lean)
    return lean


def _finite(values: pd.Series) -> pd.Series:
    """``values`` as floats with ±inf as missing: a measure that overflowed (or a ratio over
    zero) is drawn grey like a missing one, never turned into an int (ValueError)."""
    return pd.to_numeric(values, errors="coerce").astype(float).replace([np.inf, -np.inf],
                                                                        np.nan)


def _colours(diverging: bool, values: pd.Series, better: str | None = "higher") -> dict:
    finite = _finite(values).dropna()
    lo, hi = (float(finite.min()), float(finite.max())) if len(finite) else (0.0, 1.0)
    if diverging:
        bound = max(abs(lo), abs(hi)) or 1.0
        return {"colorscale": diverging_scale(better), "zmin": -bound, "zmax": bound,
                "zmid": 0}
    if lo == hi:
        hi = lo + 1
    return {"colorscale": [[i / (len(SEQUENTIAL) - 1), c] for i, c in enumerate(SEQUENTIAL)],
            "zmin": lo, "zmax": hi}


def _fill_colours(codes: Sequence[str], z: pd.Series, colours: dict,
                  classes: ColourClasses | None) -> dict[str, str]:
    """Each county's fill colour (hex): its class colour, or the continuous scale sampled
    at (z − zmin) / (zmax − zmin); grey without a value — to pick a readable name colour."""
    if classes is not None:
        index = classes.index.reindex(list(codes))
        return {c: (MISSING_COLOUR if pd.isna(k) or k < 0 else _hex(classes.colours[int(k)]))
                for c, k in zip(codes, index)}
    scale = colours["colorscale"]
    if isinstance(scale, str):
        scale = pc.get_colorscale(scale)
    lo, hi = float(colours["zmin"]), float(colours["zmax"])
    values = z.reindex(list(codes)).astype(float).to_numpy()
    finite = ~np.isnan(values)
    spots = np.clip((values[finite] - lo) / ((hi - lo) or 1.0), 0.0, 1.0).tolist()
    sampled = iter(pc.sample_colorscale(scale, spots) if spots else [])
    return {c: (_hex(next(sampled)) if ok else MISSING_COLOUR) for c, ok in zip(codes, finite)}


def _label_colours(codes: Sequence[str], fill: Mapping[str, str]) -> str | list[str]:
    """White names on dark fills, dark ones elsewhere; one colour when all are the same (a
    list costs ≈ 10 B per name in the figure's JSON)."""
    chosen = ["#fff" if _dark(fill.get(c, MISSING_COLOUR)) else LABEL_COLOUR for c in codes]
    return chosen[0] if len(set(chosen)) == 1 else chosen


def _colour_decimals(lo: float, hi: float) -> int:
    """Decimals that keep z to better than 1/100 of the colour range (the colour cannot
    show more; the hover shows the exact, formatted value)."""
    span = abs(hi - lo)
    if not np.isfinite(span) or span == 0:
        return 4
    return int(min(max(2 - np.floor(np.log10(span)), 0), 6))


def _stepped(classes: ColourClasses) -> dict:
    """A colour scale with one flat band per class for z = class index."""
    k = classes.k
    scale = []
    for j, colour in enumerate(classes.colours):
        scale += [[j / k, colour], [(j + 1) / k, colour]]
    return {"colorscale": scale, "zmin": -0.5, "zmax": k - 0.5}


def _class_colorbar(classes: ColourClasses, lang: str) -> dict:
    k = classes.k
    return {"tickvals": list(range(k)), "ticktext": list(classes.labels),
            "title": {"text": classes.title, "side": "top"}, "len": min(0.12 * k + 0.1, 0.8),
            "thickness": 16, "ticks": "", "outlinewidth": 0,
            "x": 0.0 if lang == "fa" else 1.0, "xanchor": "left" if lang == "fa" else "right",
            "y": 0.98, "yanchor": "top"}


def _hover(hover: pd.DataFrame | None, codes: list, z: pd.Series) -> tuple[dict, str]:
    """Trace kwargs and template for the hover card.  Plain (``name``, ``value``) hover is
    written as ``customdata``/``text``; extra columns (``hover.attrs["labels"]``: column →
    label) become a 2-D ``customdata`` whose labels appear once, in the template."""
    if hover is None:
        return ({"customdata": [escape_markup(c) for c in codes], "text": list(z.round(2))},
                "<b>%{customdata}</b>: %{text}")
    hover = hover.reindex(codes).fillna("")
    extra = [c for c in hover.columns if c not in ("name", "value")]
    if not extra:
        template = "<b>%{customdata}</b><br>" + hover.attrs.get("label", "") + ": %{text}"
        return {"customdata": [escape_markup(n) for n in hover["name"]],
                "text": [escape_markup(v) for v in hover["value"]]}, template
    labels = hover.attrs.get("labels", {})
    columns = ["name"] + (["value"] if "value" in hover.columns else []) + extra
    lines = ["<b>%{customdata[0]}</b>"]
    for j, column in enumerate(columns[1:], start=1):
        label = hover.attrs.get("label", "") if column == "value" else labels.get(column, "")
        lines.append((f"{label}: " if label else "") + f"%{{customdata[{j}]}}")
    return {"customdata": hover[columns].to_numpy().tolist()}, "<br>".join(lines)


def short_lines(text: str, width: int = 12) -> str:
    """``text`` broken at spaces into lines of at most ``width`` characters (``<br>``)."""
    lines: list[str] = []
    for word in text.split(" "):
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "<br>".join(lines)


def _outline(fc: dict, code: str, colour: str, width: float, name: str) -> go.Choropleth:
    return go.Choropleth(
        geojson=subset_feature_collection(fc, [code]), locations=[code], featureidkey="id",
        z=[0], colorscale=[[0, "rgba(0,0,0,0)"], [1, "rgba(0,0,0,0)"]], showscale=False,
        marker={"line": {"color": colour, "width": width}}, hoverinfo="skip", name=name,
    )


def _rings(xs_list: Sequence[Sequence[float]], ys_list: Sequence[Sequence[float]]
           ) -> tuple[list, list]:
    """Rings (or lines) joined by ``None`` gaps: ``fill="toself"`` fills each ring on its
    own."""
    x: list[float | None] = []
    y: list[float | None] = []
    for xs, ys in zip(xs_list, ys_list):
        if x:
            x.append(None)
            y.append(None)
        x.extend(xs)
        y.extend(ys)
    return x, y


def _border_trace(borders: Sequence[Sequence[Sequence[float]]], width: float
                  ) -> go.Scattergeo:
    """All ``borders`` in one line trace, polylines joined by ``None`` gaps (plain lists:
    numpy arrays would be sent as base64 float64).  Lines only — not selectable, no hover."""
    lon, lat = _rings([[float(p[0]) for p in line] for line in borders],
                      [[float(p[1]) for p in line] for line in borders])
    return go.Scattergeo(lon=lon, lat=lat, mode="lines",
                         line={"color": BORDER_COLOUR, "width": width},
                         hoverinfo="skip", showlegend=False, name="borders")


def _leader_trace(callouts: pd.DataFrame) -> go.Scattergeo:
    """Leader lines from each call-out's county point (``anchor_lon/lat``) to its box
    (``end_lon/lat``), in one line trace named ``"leaders"``."""
    lon: list[float | None] = []
    lat: list[float | None] = []
    for row in callouts.itertuples():
        lon += [round(float(row.anchor_lon), 2), round(float(row.end_lon), 2), None]
        lat += [round(float(row.anchor_lat), 2), round(float(row.end_lat), 2), None]
    return go.Scattergeo(lon=lon[:-1], lat=lat[:-1], mode="lines",
                         line={"color": LABEL_COLOUR, "width": 0.8},
                         hoverinfo="skip", showlegend=False, name="leaders")


def choropleth(
    feature_collection: dict,
    frame: pd.DataFrame,
    value: str,
    lang: str = "fa",
    title: str | None = None,
    hover: pd.DataFrame | None = None,
    labels: pd.DataFrame | None = None,
    centre: str | None = None,
    diverging: bool = False,
    colorbar_title: str = "",
    height: int = 560,
    *,
    classes: ColourClasses | None = None,
    selected: str | None = None,
    selectable: bool = False,
    label_size: int = 10,
    outlines_in_trace: bool = False,
    bounds: tuple[float, float, float, float] | None = None,
    borders: Sequence[Sequence[Sequence[float]]] | None = None,
    border_width: float = 1.0,
    better: str | None = "higher",
) -> go.Figure:
    """A choropleth of ``frame[value]`` (index = county code = feature ``id``).

    ``hover``: DataFrame (index code) with columns ``name`` and ``value`` (pre-formatted
    text) and the measure's ``label`` in ``hover.attrs["label"]`` — the label is written
    once in the hover template, not 28 times; further columns (labels in
    ``hover.attrs["labels"]``) make a multi-line card; ``labels``: DataFrame (index code,
    columns lon, lat, text) drawn as county names (``None`` → no label trace);
    ``centre``: the code outlined; ``classes``: classed colours instead of a continuous
    scale; ``selected``: a code outlined in dark; ``selectable``: keep unselected counties
    at full opacity when the chart is used for click selection; ``outlines_in_trace``:
    draw the centre/selected outlines as per-county line colours of the main trace (they
    are moved to its end) instead of extra traces — a lighter figure; ``bounds``
    (min lon, min lat, max lon, max lat): the map window instead of ``fitbounds``;
    ``better``: which way the measure is better (``"higher"``, ``"lower"``, ``None``) —
    a ``diverging`` map draws the better side green (:func:`figures.theme.diverging_scale`);
    ``borders``: polylines of ``[lon, lat]`` (e.g. province borders,
    :func:`geo.geometry.group_borders`) drawn as one thin dark line trace named
    ``"borders"`` over the counties and under the labels.
    """
    codes = list(frame.index)
    fc = lean_feature_collection(feature_collection)
    raw = _finite(frame[value])
    if classes is not None:
        index = classes.index.reindex(codes)
        z = index.where(index >= 0).astype(float)
        colours = _stepped(classes)
        colorbar = _class_colorbar(classes, lang)
        z_out = [None if np.isnan(v) else int(v) for v in z]
    else:
        z = raw
        colours = _colours(diverging, z, better)
        colorbar = {"len": 0.75, "thickness": 14,
                    "x": 0.0 if lang == "fa" else 1.0,
                    "xanchor": "left" if lang == "fa" else "right",
                    **colorbar_ticks(colours["zmin"], colours["zmax"], lang)}
        if colorbar_title:  # short lines: a long title would run over the map's names
            colorbar["title"] = {"text": short_lines(colorbar_title), "font": {"size": 12}}
        decimals = _colour_decimals(colours["zmin"], colours["zmax"])
        z_out = [None if np.isnan(v) else (int(round(v)) if decimals == 0 else round(v, decimals))
                 for v in z]
        for key in ("zmin", "zmax"):  # full float precision is wasted bytes
            colours[key] = round(float(colours[key]), decimals + 2)
    fill = _fill_colours(codes, raw, colours, classes) if labels is not None else {}
    hover_kwargs, template = _hover(hover, codes, raw)
    if hover is not None and len(hover.columns) > 2:
        # each line right-to-left for fa, so "value ✱" keeps its mark after the value
        template = rtl_label(template, lang)
    fig = go.Figure()
    missing = [c for c, v in zip(codes, z) if np.isnan(v)]
    missing_trace = None
    if missing:
        positions = [codes.index(c) for c in missing]
        extra = {k: [v[i] for i in positions] for k, v in hover_kwargs.items()}
        missing_trace = go.Choropleth(
            geojson=subset_feature_collection(fc, missing), locations=missing,
            z=[0] * len(missing), showscale=False,
            colorscale=[[0, MISSING_COLOUR], [1, MISSING_COLOUR]],
            marker={"line": {"color": "white", "width": 0.8}},
            hovertemplate=template + "<extra></extra>", name="missing", **extra,
        )
    line: dict = {"color": "white", "width": 0.8}
    if outlines_in_trace:
        # Centre and selected county drawn last in the main trace with their own line
        # colour and width: no second copy of their geometry in the JSON.
        order = [c for c in codes if c not in (centre, selected)]
        order += [c for c in (centre, selected) if c in codes and c not in order]
        if selected == centre:
            order = [c for c in order if c != centre] + ([centre] if centre in codes else [])
        position = [codes.index(c) for c in order]
        codes = order
        z_out = [z_out[i] for i in position]
        hover_kwargs = {k: [v[i] for i in position] for k, v in hover_kwargs.items()}
        line = {"color": [SELECTED_COLOUR if c == selected else CENTRE_COLOUR if c == centre
                          else "#fff" for c in codes],
                "width": [3.5 if c == selected else 3 if c == centre else 1 for c in codes]}
        if missing_trace is not None:
            fig.add_trace(missing_trace)  # below, so it never covers an outline
            missing_trace = None
    main = dict(  # featureidkey: Plotly's default "id"
        geojson=fc, locations=codes, z=z_out, hovertemplate=template + "<extra></extra>",
        marker={"line": line}, colorbar=colorbar, **hover_kwargs, **colours,
    )
    if selectable:
        main["unselected"] = {"marker": {"opacity": 1}}
    fig.add_trace(go.Choropleth(**main))
    if missing_trace is not None:
        fig.add_trace(missing_trace)
    if not outlines_in_trace:
        if selected and selected in codes:
            fig.add_trace(_outline(fc, selected, SELECTED_COLOUR,
                                   4 if selected == centre else 3, "selected"))
        if centre and centre in codes:
            fig.add_trace(_outline(fc, centre, CENTRE_COLOUR,
                                   2.5 if selected == centre else 3, "centre"))
    if borders:
        fig.add_trace(_border_trace(borders, border_width))
    if labels is not None and len(labels):
        leader = (labels["anchor_lon"].notna().to_numpy() if "anchor_lon" in labels.columns
                  else np.zeros(len(labels), bool))
        if leader.any():
            fig.add_trace(_leader_trace(labels[leader]))
        callout = (labels["kind"].to_numpy() != "name" if "kind" in labels.columns
                   else np.zeros(len(labels), bool))
        colour = _label_colours(labels.index, fill)
        if callout.any():  # call-outs, numbers and the key: dark, with the white halo
            colour = [LABEL_COLOUR if out else (colour if isinstance(colour, str) else colour[i])
                      for i, out in enumerate(callout)]
            colour = colour[0] if len(set(colour)) == 1 else colour
        fig.add_trace(go.Scattergeo(
            # plain lists: numpy arrays would be sent as base64 float64 (≈11 B per value)
            lon=labels["lon"].astype(float).round(2).tolist(),
            lat=labels["lat"].astype(float).round(2).tolist(), text=list(labels["text"]),
            mode="text",
            # family: the layout font; white names on dark fills (as on the tiles), and
            # the "auto" shadow: a contrasting halo
            textfont={"size": label_size, "shadow": "auto",
                      "color": colour},
            hoverinfo="skip", showlegend=False, name="labels",
        ))
    if bounds is not None:  # an explicit window fills the plot better than fitbounds
        minx, miny, maxx, maxy = bounds
        pad = 0.02 * max(maxx - minx, maxy - miny)
        fig.update_geos(lonaxis_range=[round(minx - pad, 2), round(maxx + pad, 2)],
                        lataxis_range=[round(miny - pad, 2), round(maxy + pad, 2)])
    else:
        fig.update_geos(fitbounds="locations")
    fig.update_geos(visible=False, projection_type="mercator", bgcolor="rgba(0,0,0,0)")
    apply_theme(fig, lang, title, height)
    # a geo-only figure has no cartesian axes or trace colour cycle: drop the theme's
    # axis styling, plot background and colorway from the JSON sent on every rerun
    fig.layout.xaxis = None
    fig.layout.yaxis = None
    fig.layout.plot_bgcolor = None
    fig.layout.colorway = None
    fig.layout.template = None  # the theme sets every style explicitly
    fig.layout.hoverlabel.font.family = None  # Plotly takes it from layout.font
    fig.update_layout(margin={"l": 10, "r": 10, "t": 60 if title else 10, "b": 10})
    if lang == "fa":
        fig.update_layout(hoverlabel={"align": "right"})
    return add_attribution(fig, lang)


# Continuous tile colours are quantised to this many evenly spaced steps of the colour scale
# (odd, so the middle of a diverging scale is a step): one fill trace per step in use, so the
# figure has at most TILE_COLOUR_STEPS + 6 traces however many counties it shows.  A step is
# 1/32 of the range — finer than the eye tells apart on the map; hover shows exact values.
TILE_COLOUR_STEPS = 33


def tile_cartogram(
    tiles: pd.DataFrame,
    frame: pd.DataFrame,
    value: str,
    lang: str = "fa",
    title: str | None = None,
    hover: pd.DataFrame | None = None,
    centre: str | None = None,
    diverging: bool = False,
    height: int = 560,
    *,
    classes: ColourClasses | None = None,
    selected: str | None = None,
    label_size: int = 11,
    borders: Sequence[Sequence[Sequence[float]]] | None = None,
    better: str | None = "higher",
) -> go.Figure:
    """Equal tiles, one per county: ``tiles`` has index code and columns ``x``, ``y`` (tile
    centre), ``xs``, ``ys`` (vertex lists) and ``text`` (short name; empty → no label).
    Needs no boundary file.  ``hover`` may carry a ready ``card`` column (the whole hover
    text); ``classes`` and ``selected`` as in :func:`choropleth`.

    A constant number of traces, whatever the number of tiles: one filled trace per colour
    (class, or step of the continuous scale — :data:`TILE_COLOUR_STEPS`; grey for no value)
    whose hexagons are ``None``-separated rings with white edges; one outline trace each for
    the ``centre`` and ``selected`` tiles, on top — over ``borders`` (polylines of ``(x, y)``
    such as :func:`geo.tiles.hex_group_borders`, one dark line trace); one invisible marker per tile centre
    (trace ``"tiles"``) carrying the hover card and ``customdata`` = code, so hovering or
    clicking anywhere in a hexagon picks its county (``hoverdistance=-1``: the nearest centre
    — on a hexagon grid, the hexagon under the pointer); the names; the colour bar.
    """
    codes = list(tiles.index)
    z = _finite(frame[value]).reindex(codes)
    colours = _colours(diverging, z, better)
    lo, hi = colours["zmin"], colours["zmax"]
    scale_spec = colours["colorscale"]
    if isinstance(scale_spec, str):
        scale_spec = pc.get_colorscale(scale_spec)
    # colour of every tile, as (sort key, colour): classes in class order, steps low → high
    values = z.to_numpy(dtype=float)
    if classes is not None:
        index = classes.index.reindex(codes).to_numpy(dtype=float)
        keys = np.where(np.isnan(index) | (index < 0), -1, index).astype(int)
        palette = {j: _hex(c) for j, c in enumerate(classes.colours)}
    else:
        steps = TILE_COLOUR_STEPS - 1
        pos = np.full(len(values), 0.5) if hi == lo else (values - lo) / (hi - lo)
        keys = np.where(np.isnan(values), -1,
                        np.rint(np.clip(np.nan_to_num(pos), 0, 1) * steps)).astype(int)
        used = sorted({int(k) for k in keys if k >= 0})
        sampled = pc.sample_colorscale(scale_spec, [k / steps for k in used]) if used else []
        palette = {k: _hex(c) for k, c in zip(used, sampled)}
    palette[-1] = MISSING_COLOUR
    tile_colour = [palette[int(k)] for k in keys]

    fig = go.Figure()
    xs_all, ys_all = tiles["xs"].tolist(), tiles["ys"].tolist()
    for key in sorted(set(int(k) for k in keys)):
        rows = np.flatnonzero(keys == key)
        x, y = _rings([xs_all[i] for i in rows], [ys_all[i] for i in rows])
        fig.add_trace(go.Scatter(
            x=x, y=y, fill="toself", fillcolor=palette[key], mode="lines",
            line={"color": "white", "width": 1}, hoverinfo="skip", showlegend=False,
            name="missing" if key < 0 else f"fill {key}",
        ))
    if borders:
        x, y = _rings([[p[0] for p in line] for line in borders],
                      [[p[1] for p in line] for line in borders])
        fig.add_trace(go.Scatter(x=x, y=y, mode="lines", line={"color": BORDER_COLOUR,
                                                              "width": 1.5},
                                 hoverinfo="skip", showlegend=False, name="borders"))
    for code, colour, width, name in ((centre, CENTRE_COLOUR, 3, "centre"),
                                      (selected, SELECTED_COLOUR, 3, "selected")):
        if code is not None and code in tiles.index:
            fig.add_trace(go.Scatter(
                x=list(tiles.at[code, "xs"]), y=list(tiles.at[code, "ys"]), mode="lines",
                line={"color": colour, "width": width}, hoverinfo="skip", showlegend=False,
                name=name,
            ))

    if hover is not None and "card" in hover.columns:
        text = hover["card"].reindex(codes).fillna("").astype(str).tolist()
    elif hover is not None:
        card = hover.reindex(codes)
        label = hover.attrs.get("label", "")
        text = [f"<b>{escape_markup(n)}</b><br>{label}: {escape_markup(v)}"
                if isinstance(n, str) else ""
                for n, v in zip(card["name"], card["value"])]
    else:
        text = tiles["text"].fillna("").astype(str).tolist()
    fig.add_trace(go.Scatter(
        x=tiles["x"].round(4).tolist(), y=tiles["y"].round(4).tolist(), mode="markers",
        marker={"color": "rgba(0,0,0,0)", "size": 1}, customdata=codes, text=text,
        hoverinfo="text", showlegend=False, name="tiles",
        hoverlabel={"bgcolor": tile_colour},  # as the choropleth; Plotly picks the text colour
        unselected={"marker": {"opacity": 0}}, selected={"marker": {"opacity": 0}},
    ))

    has_text = (tiles["text"].fillna("").astype(str) != "").to_numpy()
    shown = tiles[has_text]
    fig.add_trace(go.Scatter(
        x=shown["x"].round(4).tolist(), y=shown["y"].round(4).tolist(),
        text=shown["text"].tolist(), mode="text", hoverinfo="skip",
        textfont={"family": FONT_FAMILY, "size": label_size,
                  "color": ["white" if _dark(c) else LABEL_COLOUR
                            for c, keep in zip(tile_colour, has_text) if keep]},
        showlegend=False, name="labels",
    ))
    if classes is not None:
        stepped = _stepped(classes)
        marker = {"colorscale": stepped["colorscale"], "cmin": stepped["zmin"],
                  "cmax": stepped["zmax"], "color": [0],
                  "colorbar": _class_colorbar(classes, lang)}
    else:
        marker = {"colorscale": scale_spec, "cmin": lo, "cmax": hi, "color": [lo],
                  "colorbar": {"len": 0.75, "thickness": 14,
                               "x": 0.0 if lang == "fa" else 1.0,
                               "xanchor": "left" if lang == "fa" else "right",
                               **colorbar_ticks(lo, hi, lang)}}
    fig.add_trace(go.Scatter(x=[None], y=[None], mode="markers", showlegend=False,
                             hoverinfo="skip", marker=marker, name="colorbar"))
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False, scaleanchor="x", scaleratio=1)
    apply_theme(fig, lang, title, height)
    fig.update_layout(hovermode="closest", hoverdistance=-1)
    if lang == "fa":
        fig.update_layout(hoverlabel={"align": "right"})
    return fig


def geo_px_per_degree(fig: go.Figure, width_px: float = 900) -> float | None:
    """Pixels per degree (of longitude; of Mercator y in degrees) of a geographic map
    whose window is set (``geo.lonaxis/lataxis`` ranges), filling ``width_px`` × its plot
    height — as :func:`pick_labels` reckons; None without a window."""
    geo = fig.layout.geo
    if geo.lonaxis.range is None or geo.lataxis.range is None:
        return None
    (x0, x1), (y0, y1) = geo.lonaxis.range, geo.lataxis.range
    top, bottom = (fig.layout.margin.t or 0), (fig.layout.margin.b or 0)
    height_px = max((fig.layout.height or 600) - top - bottom, 100)
    span_y = mercator_y(y1, degrees=True) - mercator_y(y0, degrees=True)
    return min(width_px / max(x1 - x0, 1e-6), height_px / max(span_y, 1e-6))


def geo_px(lon: float, lat: float, scale: float) -> tuple[float, float]:
    """A point in the pixels of :func:`geo_px_per_degree` (origin: 0°, 0°; y up)."""
    return lon * scale, mercator_y(lat, degrees=True) * scale


def merge_near_points(spots: dict[tuple[float, float], list], scale: float, reach_px: float,
                      county: Mapping[tuple[float, float], str]
                      ) -> dict[tuple[float, float], list]:
    """Spots ((lat, lon) → item indexes, e.g. assets) of one county (``county``: spot →
    code; "" when unknown or mixed: never merged) closer than ``reach_px`` pixels at
    ``scale`` (:func:`geo_px_per_degree`) joined, transitively, into one spot (keyed by its
    first spot); order kept — so a merged mark counts one county's items."""
    keys = list(spots)
    points = [geo_px(lon, lat, scale) for lat, lon in keys]
    parent = list(range(len(keys)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(keys)):
        for j in range(i + 1, len(keys)):
            if county[keys[i]] and county[keys[i]] == county[keys[j]] \
                    and math.dist(points[i], points[j]) < reach_px:
                parent[root(j)] = root(i)
    merged: dict[tuple[float, float], list] = {}
    for i, key in enumerate(keys):
        merged.setdefault(keys[root(i)], []).extend(spots[key])
    return merged


def names_clear_of_points(fig: go.Figure, points: Sequence[tuple[float, float, float]],
                          width_px: float = 900, pad_px: float = 2) -> go.Figure:
    """Move the county names (the ``labels`` trace of a geographic map) that a point marker
    would cover — ``points``: (lon, lat, radius px) — just clear of every marker: below,
    above, then beside it, at most ~3 lines away; a name that finds no free place stays.

    Pixels as :func:`pick_labels` reckons them: the map window (``geo.lonaxis/lataxis``
    ranges, Mercator) filling ``width_px`` × the plot height; a name is a box of
    0.55·size per character by 1.4·size per line."""
    labels = next((tr for tr in fig.data if tr.name == "labels" and tr.type == "scattergeo"),
                  None)
    scale = geo_px_per_degree(fig, width_px)
    if labels is None or not points or scale is None:
        return fig

    def px(lon: float, lat: float) -> tuple[float, float]:
        return geo_px(lon, lat, scale)

    marks = []
    for lon, lat, radius in points:
        cx, cy = px(lon, lat)
        r = radius + pad_px
        marks.append((cx - r, cy - r, cx + r, cy + r))
    font = float(labels.textfont.size or 10)
    texts = [str(v) for v in labels.text]
    lons, lats = [float(v) for v in labels.lon], [float(v) for v in labels.lat]

    def box(i: int, dx: float = 0.0, dy: float = 0.0) -> tuple[float, float, float, float]:
        lines = texts[i].split("<br>")
        w = 0.55 * font * max(max(len(line) for line in lines), 1)
        h = 1.4 * font * len(lines)
        cx, cy = px(lons[i], lats[i])
        return (cx + dx - w / 2, cy + dy - h / 2, cx + dx + w / 2, cy + dy + h / 2)

    def hits(b, others) -> bool:
        return any(b[0] < o[2] and o[0] < b[2] and b[1] < o[3] and o[1] < b[3] for o in others)

    boxes = [box(i) for i in range(len(texts))]
    moved = False
    for i in range(len(texts)):
        if not hits(boxes[i], marks):
            continue
        others = boxes[:i] + boxes[i + 1:]
        step = 0.7 * font
        for k in range(1, 7):
            d = k * step
            found = next(((dx, dy) for dx, dy in ((0, -d), (0, d), (-d, 0), (d, 0),
                                                   (-d, -d), (d, -d), (-d, d), (d, d))
                          if not hits(box(i, dx, dy), marks)
                          and not hits(box(i, dx, dy), others)), None)
            if found is not None:
                cx, cy = px(lons[i], lats[i])
                lons[i] = round((cx + found[0]) / scale, 4)
                lats[i] = round(mercator_lat(math.radians((cy + found[1]) / scale)), 4)
                boxes[i] = box(i)
                moved = True
                break
    if moved:
        labels.lon, labels.lat = lons, lats
    return fig
