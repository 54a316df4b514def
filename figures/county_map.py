"""The county map of one panel measure: boundaries when available, equal tiles otherwise."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from analytics.panel import PANEL_MEASURES, sample_flags
from figures.maps import choropleth, tile_cartogram
from i18n import fmt_number, t

__all__ = ["county_map", "hover_text"]


def hover_text(panel: pd.DataFrame, measure: str, lang: str) -> pd.Series:
    """«name: value» per county, with ✱ where the value is a sample or estimate."""
    _, decimals = PANEL_MEASURES[measure]
    flags = sample_flags(panel, measure)
    name_col = "name_fa" if lang == "fa" else "name_en"
    label = t(f"measure.{measure}", lang)
    rows = []
    for code, row in panel.iterrows():
        value = fmt_number(row[measure], lang, decimals)
        mark = f"<br>{t('map.hover_sample', lang)}" if flags[code] else ""
        rows.append(f"<b>{row[name_col]}</b><br>{label}: {value}{mark}")
    return pd.Series(rows, index=panel.index)


def county_map(panel: pd.DataFrame, measure: str, geometry, lang: str = "fa",
               centre: str | None = None, diverging: bool = False, title: str | None = None
               ) -> tuple[go.Figure, int]:
    """(figure, number of counties whose value is sample) for ``panel[measure]``.

    ``geometry`` is a :class:`geo.cache.ProvinceGeometry` or ``None`` (→ tile cartogram).
    """
    hover = hover_text(panel, measure, lang)
    n_sample = int(sample_flags(panel, measure).sum())
    name_col = "name_fa" if lang == "fa" else "name_en"
    if geometry is not None:
        labels = geometry.label_points.set_index("code").reindex(panel.index)
        labels["text"] = panel[name_col]
        fig = choropleth(geometry.feature_collection, panel, measure, lang, title, hover,
                         labels.dropna(subset=["lon"]), centre, diverging)
    else:
        from geo.tiles import tile_frame

        tiles = tile_frame()
        tiles["text"] = panel[name_col].reindex(tiles.index)
        fig = tile_cartogram(tiles, panel, measure, lang, title, hover, centre, diverging)
    return fig, n_sample
