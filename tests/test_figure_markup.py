"""Data values never become Plotly markup, and overflowing values never crash a map
(issue 17, faults 4 and 8): figures.theme.escape_markup is the one helper."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from figures.map_layers import add_places_layer, add_project_layer, tile_frame
from figures.maps import tile_cartogram
from figures.theme import escape_markup
from geo.tiles import ISFAHAN_HEX_LAYOUT

EVIL = '<span style="font-size:80px">بزرگ</span> <a href="http://evil.example">پیوند</a>'


def _json(fig: go.Figure) -> str:
    return json.dumps(fig.to_plotly_json()["data"], ensure_ascii=False)


def test_escape_markup_escapes_tags_and_ampersands():
    assert escape_markup("<b>x</b> & y") == "&lt;b&gt;x&lt;/b&gt; &amp; y"
    assert escape_markup(None) == ""


def test_project_hover_shows_a_title_with_markup_as_written(ds):
    projects = ds.projects.head(3).copy()
    projects["title_fa"] = EVIL
    pts = pd.DataFrame({"lon": [51.0, 51.1, 51.2], "lat": 32.0, "placed": "given"},
                       index=projects.index)
    fig = add_project_layer(go.Figure(), projects, pts,
                            {projects["county_code"].iloc[0]: "<i>شهرستان</i>"}, "fa")
    text = _json(fig)
    assert "<span" not in text and "<a href" not in text and "<i>" not in text
    assert "&lt;span style" in text and "&lt;a href" in text
    assert "<b>" in text  # the app's own markup stays


def test_place_hover_escapes_names_and_sources(ds):
    places = ds.places.copy()
    places["name_fa"] = EVIL
    places["source"] = "https://<b>evil</b>.example/x"
    fig = add_places_layer(go.Figure(), places, {}, "fa")
    text = _json(fig)
    assert "<span" not in text and "<a href" not in text and "<b>evil" not in text


def test_tile_map_escapes_county_names_and_survives_infinite_values():
    codes = list(ISFAHAN_HEX_LAYOUT)
    names = pd.Series([EVIL] * len(codes), index=codes)
    tiles = tile_frame(ISFAHAN_HEX_LAYOUT, names)
    frame = pd.DataFrame({"v": np.arange(len(codes), dtype=float)}, index=codes)
    frame.iloc[0, 0] = np.inf
    frame.iloc[1, 0] = -np.inf
    frame.iloc[2, 0] = np.nan
    hover = pd.DataFrame({"name": names, "value": ["<b>x</b>"] * len(codes)}, index=codes)
    fig = tile_cartogram(tiles, frame, "v", "fa", hover=hover)
    text = _json(fig)
    assert "<span" not in text and "<a href" not in text and "<b>x</b>" not in text


def test_choropleth_draws_infinite_values_as_missing():
    """The audit's crash: two budgets of 1.7e308 summed to Infinity and the Overview's map
    raised ``ValueError: cannot convert NaN to integer`` (figures/maps.py, fill colours)."""
    from shapely.geometry import mapping

    from figures.map_layers import tile_polygons
    from figures.maps import choropleth

    polygons = tile_polygons(ISFAHAN_HEX_LAYOUT)
    fc = {"type": "FeatureCollection",
          "features": [{"type": "Feature", "id": c, "properties": {}, "geometry": mapping(p)}
                       for c, p in polygons.items()]}
    codes = list(polygons)
    frame = pd.DataFrame({"v": np.arange(len(codes), dtype=float)}, index=codes)
    frame.iloc[0, 0] = np.inf
    frame.iloc[3, 0] = np.inf
    labels = pd.DataFrame({"lon": [51.0], "lat": [32.0], "text": [EVIL]}, index=codes[:1])
    fig = choropleth(fc, frame, "v", "fa", labels=labels)
    z = [v for tr in fig.data if getattr(tr, "z", None) is not None for v in tr.z]
    assert all(v is None or np.isfinite(v) for v in z)
