"""County maps: a choropleth on Plotly's ``geo`` subplot and the equal-tile cartogram.

The ``geo`` subplot draws SVG paths (text is shaped by the browser, so Persian
labels render with the product font) and uses the app's own empty base map
(:data:`figures.theme.TOPOJSON_URL`), so nothing is fetched from outside.  Its
exterior rings must be clockwise: pass a feature collection prepared by
:func:`geo.orient_for_geo_subplot` (``geo.cache.load_province`` does this).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.colors as pc
import plotly.graph_objects as go

from figures.theme import (
    CENTRE_COLOUR,
    DIVERGING,
    FONT_FAMILY,
    SEQUENTIAL,
    add_attribution,
    apply_theme,
    colorbar_ticks,
)
from geo.plotly_geojson import subset_feature_collection

__all__ = ["choropleth", "tile_cartogram"]


def _colours(diverging: bool, values: pd.Series) -> dict:
    finite = values.dropna()
    lo, hi = (float(finite.min()), float(finite.max())) if len(finite) else (0.0, 1.0)
    if diverging:
        bound = max(abs(lo), abs(hi)) or 1.0
        return {"colorscale": DIVERGING, "zmin": -bound, "zmax": bound, "zmid": 0}
    if lo == hi:
        hi = lo + 1
    return {"colorscale": [[i / (len(SEQUENTIAL) - 1), c] for i, c in enumerate(SEQUENTIAL)],
            "zmin": lo, "zmax": hi}


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
) -> go.Figure:
    """A choropleth of ``frame[value]`` (index = county code = feature ``id``).

    ``hover``: DataFrame (index code) with columns ``name`` and ``value`` (pre-formatted
    text) and the measure's ``label`` in ``hover.attrs["label"]`` — the label is written
    once in the hover template, not 28 times; ``labels``: DataFrame (index code, columns
    lon, lat, text) drawn as county names; ``centre``: the code outlined.
    """
    codes = list(frame.index)
    z = frame[value].astype(float)
    colours = _colours(diverging, z)
    cb = colorbar_ticks(colours["zmin"], colours["zmax"], lang)
    if hover is not None:
        hover = hover.reindex(codes).fillna("")
        names, values = hover["name"], hover["value"]
        template = "<b>%{customdata}</b><br>" + hover.attrs.get("label", "") + ": %{text}"
    else:
        names, values, template = frame.index, z.round(2), "<b>%{customdata}</b>: %{text}"
    fig = go.Figure()
    fig.add_trace(go.Choropleth(
        geojson=feature_collection, locations=codes, featureidkey="id", z=z.round(4),
        customdata=list(names), text=list(values),
        hovertemplate=template + "<extra></extra>",
        marker={"line": {"color": "white", "width": 0.8}},
        colorbar={"title": {"text": colorbar_title}, "len": 0.75, "thickness": 14,
                  "x": 0.0 if lang == "fa" else 1.0, "xanchor": "left" if lang == "fa" else "right",
                  **cb},
        name="", **colours,
    ))
    if centre and centre in codes:
        fig.add_trace(go.Choropleth(
            geojson=subset_feature_collection(feature_collection, [centre]), locations=[centre], featureidkey="id", z=[0],
            colorscale=[[0, "rgba(0,0,0,0)"], [1, "rgba(0,0,0,0)"]], showscale=False,
            marker={"line": {"color": CENTRE_COLOUR, "width": 3}}, hoverinfo="skip",
            name="centre",
        ))
    if labels is not None and len(labels):
        fig.add_trace(go.Scattergeo(
            lon=labels["lon"].round(2), lat=labels["lat"].round(2), text=labels["text"],
            mode="text",
            textfont={"family": FONT_FAMILY, "size": 10, "color": "#111827"},
            hoverinfo="skip", showlegend=False, name="labels",
        ))
    fig.update_geos(fitbounds="locations", visible=False, projection_type="mercator",
                    bgcolor="rgba(0,0,0,0)")
    apply_theme(fig, lang, title, height)
    fig.update_layout(margin={"l": 10, "r": 10, "t": 60 if title else 10, "b": 10})
    return add_attribution(fig, lang)


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
) -> go.Figure:
    """Equal tiles, one per county: ``tiles`` has index code and columns ``x``, ``y`` (tile
    centre), ``xs``, ``ys`` (vertex lists) and ``text`` (short name).  Needs no boundary file."""
    z = frame[value].astype(float).reindex(tiles.index)
    colours = _colours(diverging, z)
    lo, hi = colours["zmin"], colours["zmax"]
    scale_spec = colours["colorscale"]
    fig = go.Figure()
    for code, tile in tiles.iterrows():
        val = z.get(code)
        if val is None or np.isnan(val):
            colour = "#e5e7eb"
        else:
            pos = 0.5 if hi == lo else (val - lo) / (hi - lo)
            colour = pc.sample_colorscale(scale_spec, [min(max(pos, 0), 1)])[0]
        is_centre = code == centre
        fig.add_trace(go.Scatter(
            x=list(tile["xs"]), y=list(tile["ys"]), fill="toself", fillcolor=colour, mode="lines",
            line={"color": CENTRE_COLOUR if is_centre else "white", "width": 3 if is_centre else 1},
            hoveron="fills",
            text=(f"<b>{hover.at[code, 'name']}</b><br>{hover.attrs.get('label', '')}: "
                  f"{hover.at[code, 'value']}" if hover is not None and code in hover.index
                  else tile["text"]),
            hoverinfo="text", showlegend=False, name=str(code),
        ))
    fig.add_trace(go.Scatter(
        x=tiles["x"], y=tiles["y"], text=tiles["text"], mode="text", hoverinfo="skip",
        textfont={"family": FONT_FAMILY, "size": 11, "color": "#111827"}, showlegend=False,
    ))
    cb = colorbar_ticks(lo, hi, lang)
    fig.add_trace(go.Scatter(
        x=[None], y=[None], mode="markers", showlegend=False, hoverinfo="skip",
        marker={"colorscale": scale_spec, "cmin": lo, "cmax": hi, "color": [lo],
                "colorbar": {"len": 0.75, "thickness": 14, "x": 0.0 if lang == "fa" else 1.0,
                             "xanchor": "left" if lang == "fa" else "right", **cb}},
    ))
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False, scaleanchor="x", scaleratio=1)
    apply_theme(fig, lang, title, height)
    return fig
