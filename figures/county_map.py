"""The county map of one panel measure: boundaries when available, equal tiles otherwise."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from analytics.classify import BETTER
from analytics.panel import PANEL_MEASURES, sample_flags
from core.marks import GROUP_MARK, SAMPLE_MARK
from figures.maps import choropleth, tile_cartogram
from figures.theme import plot_height
from i18n import fmt_number, localise_digits, t

__all__ = ["county_map", "hover_text"]

MAP_HEIGHT = 560  # px, the figure's height (the labels are thinned for it)


def hover_text(panel: pd.DataFrame, measure: str, lang: str,
               groups: pd.Series | None = None) -> pd.DataFrame:
    """Per county: ``name`` and formatted ``value`` (with ✱ where the value is a sample or
    estimate; «(مقدار گروه: …)» instead for the counties of ``groups`` — county code →
    ``GROUP:`` code, :func:`analytics.provenance.group_of` — whose value is a larger unit's
    figure); the measure's label is in ``attrs["label"]``."""
    from figures.map_layers import group_value_text

    _, decimals = PANEL_MEASURES[measure]
    flags = sample_flags(panel, measure)
    mark = " " + t("map.hover_sample", lang)
    grouped = groups if groups is not None else pd.Series(dtype=object)
    name_col = "name_fa" if lang == "fa" else "name_en"
    names = panel[name_col].astype(str).to_dict()
    values = []
    for code, v, flag in zip(panel.index, panel[measure], flags):
        text = fmt_number(v, lang, decimals)
        if code in grouped.index:
            values.append(group_value_text(text, str(grouped[code]), lang, names))
        else:
            values.append(text + (mark if flag else ""))
    frame = pd.DataFrame({"name": panel[name_col], "value": values}, index=panel.index)
    frame.attrs["label"] = t(f"measure.{measure}", lang)
    return frame


def county_map(panel: pd.DataFrame, measure: str, geometry, lang: str = "fa",
               centre: str | None = None, diverging: bool = False, title: str | None = None,
               label_height: int = MAP_HEIGHT, groups: pd.Series | None = None,
               better: str | None = "measure") -> tuple[go.Figure, int]:
    """(figure, number of counties whose value is sample) for ``panel[measure]``.

    ``groups``: county code → ``GROUP:`` code of the counties whose value is a larger unit's
    figure: marked so in the hover card and not counted as sample (say how many apart).

    ``geometry`` is a :class:`geo.cache.ProvinceGeometry` or ``None`` (→ tile cartogram);
    ``label_height``: the smallest height in px the figure will be laid out at (names are
    kept only where they fit at that size — e.g. a slide picture's 450 px); ``better``:
    which way the measure is better for a diverging map (default: the measure's own,
    :data:`analytics.classify.BETTER`).
    """
    if better == "measure":
        better = BETTER.get(measure)
    hover = hover_text(panel, measure, lang, groups)
    flags = sample_flags(panel, measure)
    if groups is not None:
        flags = flags & ~flags.index.isin(list(groups.index))
    n_sample = int(flags.sum())
    name_col = "name_fa" if lang == "fa" else "name_en"
    if geometry is not None:
        from figures.label_layout import CALLOUT_LIMIT, land_of, pick_labels, widen_bounds

        labels = geometry.labels.set_index("code").reindex(panel.index)
        # a county whose value is a sample or estimate is named with ✱ on the map itself,
        # one showing a larger unit's value with ▣
        grouped = set(groups.index) if groups is not None else set()
        labels["text"] = [f"{name} {GROUP_MARK}" if code in grouped
                          else f"{name} {SAMPLE_MARK}" if flag else name
                          for code, name, flag in zip(panel.index, panel[name_col], flags)]
        # every county named: in place where the name fits in the drawn window (larger
        # counties first, the centre always), beside its county with a leader line else
        drawn = min(label_height, MAP_HEIGHT)
        window = widen_bounds(geometry.bounds)
        labels = pick_labels(labels.dropna(subset=["lon"]), geometry.areas_km2,
                             always=[centre] if centre in labels.index else [],
                             width_px=round(drawn * 16 / 9) - 80,
                             height_px=plot_height(drawn, title),
                             bounds=window, callouts=len(labels) <= CALLOUT_LIMIT,
                             number_text=lambda n: localise_digits(str(n), lang),
                             land=land_of(geometry.feature_collection))
        # the legend names the measure and its unit («نرخ بیکاری (٪)»)
        fig = choropleth(geometry.feature_collection, panel, measure, lang, title, hover,
                         labels, centre, diverging, height=MAP_HEIGHT,
                         colorbar_title=t(f"measure.{measure}", lang),
                         bounds=window, better=better)
    else:
        from geo.tiles import ISFAHAN_HEX_LAYOUT, hex_polygons

        tiles = pd.DataFrame(hex_polygons(ISFAHAN_HEX_LAYOUT).values()).set_index("code")
        tiles["text"] = panel[name_col].reindex(tiles.index)
        fig = tile_cartogram(tiles, panel, measure, lang, title, hover, centre, diverging,
                             better=better)
    return fig, n_sample
