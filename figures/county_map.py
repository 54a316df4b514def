"""The county map of one panel measure: boundaries when available, equal tiles otherwise."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from analytics.panel import PANEL_MEASURES, sample_flags
from figures.maps import choropleth, tile_cartogram
from figures.theme import plot_height
from i18n import fmt_number, t

__all__ = ["county_map", "hover_text"]

MAP_HEIGHT = 560  # px, the figure's height (the labels are thinned for it)


def hover_text(panel: pd.DataFrame, measure: str, lang: str) -> pd.DataFrame:
    """Per county: ``name`` and formatted ``value`` (with ✱ where the value is a sample or
    estimate); the measure's label is in ``attrs["label"]``."""
    _, decimals = PANEL_MEASURES[measure]
    flags = sample_flags(panel, measure)
    mark = " " + t("map.hover_sample", lang)
    values = [fmt_number(v, lang, decimals) + (mark if flag else "")
              for v, flag in zip(panel[measure], flags)]
    frame = pd.DataFrame({"name": panel["name_fa" if lang == "fa" else "name_en"],
                          "value": values}, index=panel.index)
    frame.attrs["label"] = t(f"measure.{measure}", lang)
    return frame


def county_map(panel: pd.DataFrame, measure: str, geometry, lang: str = "fa",
               centre: str | None = None, diverging: bool = False, title: str | None = None,
               label_height: int = MAP_HEIGHT) -> tuple[go.Figure, int]:
    """(figure, number of counties whose value is sample) for ``panel[measure]``.

    ``geometry`` is a :class:`geo.cache.ProvinceGeometry` or ``None`` (→ tile cartogram);
    ``label_height``: the smallest height in px the figure will be laid out at (names are
    kept only where they fit at that size — e.g. a slide picture's 450 px).
    """
    hover = hover_text(panel, measure, lang)
    n_sample = int(sample_flags(panel, measure).sum())
    name_col = "name_fa" if lang == "fa" else "name_en"
    if geometry is not None:
        from figures.map_layers import pick_labels

        labels = geometry.labels.set_index("code").reindex(panel.index)
        labels["text"] = panel[name_col]
        # only the names that fit in the drawn window (larger counties first, the centre
        # always); the others are in the hover card
        labels = pick_labels(labels.dropna(subset=["lon"]), geometry.areas_km2,
                             always=[centre] if centre in labels.index else [],
                             height_px=plot_height(min(label_height, MAP_HEIGHT), title),
                             bounds=geometry.bounds)
        fig = choropleth(geometry.feature_collection, panel, measure, lang, title, hover,
                         labels, centre, diverging, height=MAP_HEIGHT,
                         bounds=geometry.bounds)
    else:
        from geo.tiles import ISFAHAN_HEX_LAYOUT, hex_polygons

        tiles = pd.DataFrame(hex_polygons(ISFAHAN_HEX_LAYOUT).values()).set_index("code")
        tiles["text"] = panel[name_col].reindex(tiles.index)
        fig = tile_cartogram(tiles, panel, measure, lang, title, hover, centre, diverging)
    return fig, n_sample
