"""The Map page's figure: county colours (continuous or classed), hover cards, name labels
that do not collide, and switchable point layers (driver projects, development assets).

Builders take already-computed tables (the panel, a county table of another scope, the
projects and places) and return Plotly figures or small DataFrames; they do not load,
filter or aggregate data.  :func:`scope_map` is the one entry point the page and
``benchmarks/map_figure_weight.py`` share, so the benchmark weighs what the page sends.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import shapely
from shapely.geometry import Polygon, shape

from analytics.classify import Classification
from analytics.panel import PANEL_MEASURES, sample_flags
from core.counties import county_names
from core.marks import SAMPLE_MARK
from figures.label_layout import CALLOUT_LIMIT, land_of, pick_labels, widen_bounds, wrapped
from figures.maps import (
    ColourClasses,
    choropleth,
    class_colours,
    geo_px_per_degree,
    merge_near_points,
    names_clear_of_points,
    tile_cartogram,
)
from figures.theme import (
    FONT_FAMILY,
    STATUS_COLOURS,
    add_attribution,
    escape_markup,
    plot_height,
)
from geo.spread import spread_groups
from i18n import fmt_number, has_key, localise_digits, rtl_label, t

__all__ = [
    "GROUP_LABELS",
    "HOVER_FIGURES",
    "PLACE_COLOUR",
    "add_places_layer",
    "add_project_layer",
    "class_legend",
    "county_polygons",
    "geo_hover_card",
    "group_label",
    "group_value_text",
    "hover_card",
    "key_figures",
    "panel_group_label",
    "pick_labels",
    "places_table",
    "places_with_coordinates",
    "project_points",
    "project_table",
    "scope_map",
    "tile_frame",
    "tile_polygons",
]

# The county's key figures on every hover card (data province).
HOVER_FIGURES = ("population", "unemployment_rate", "n_projects", "budget_per_capita")
PLACE_COLOUR = "#7c3aed"
# ``GROUP:`` units (see data/README.md) with a name of their own; others are named by their
# members («اصفهان + هرند + …»).
GROUP_LABELS = {
    "GROUP:isfahan+harand+varzaneh+jarqavieh+kuhpayeh": "map.group.isfahan_pre2021",
    "GROUP:fereydan+buin_va_miandasht": "map.group.fereydan_1390",
}
# how precise an asset's point is (data/places.csv ``coord_quality``): the exact site, or the
# point of the town the source names — (hover/table label, legend entry) of each
PLACE_PRECISION = {
    "exact": ("map.precision.exact", "map.legend.place_exact"),
    "town": ("map.precision.town", "map.legend.place_town"),
}


# --------------------------------------------------------------------------- numbers


def _decimals(measure: str) -> int:
    return PANEL_MEASURES[measure][1] if measure in PANEL_MEASURES else 0


def _rtl_range(text: str, lang: str) -> str:
    """Lay a number range out right-to-left for ``fa`` («۱۲٫۵ – ۱۶٫۰» reads low → high from
    the right).  ``i18n.rtl_label`` leaves text without Persian letters alone, so the
    embedding (RLE + RLM … PDF, as it uses) is applied here."""
    return "\u202b\u200f" + text + "\u202c" if lang == "fa" else text


def _fmt(value: float, lang: str, decimals: int, signed: bool = False) -> str:
    text = fmt_number(value, lang, decimals)
    if signed and text != "—" and float(value) > 0:
        text = "+" + text
    return text


# --------------------------------------------------------------------------- group values


def group_label(code: str, lang: str, names: Mapping[str, str] | None = None) -> str:
    """The name of a ``GROUP:`` unit: its own (:data:`GROUP_LABELS`) or its members' names
    joined with «+»."""
    key = GROUP_LABELS.get(code)
    if key is not None:
        return t(key, lang)
    members = [m for m in code.removeprefix("GROUP:").split("+") if m]
    return " + ".join(str((names or {}).get(m, m)) for m in members) or code


def panel_group_label(indicators: pd.DataFrame, panel: pd.DataFrame, codes: Sequence[str],
                      names: Sequence[str], lang: str) -> str:
    """The names (:func:`group_label`) of the ``GROUP:`` units whose figure the counties
    ``codes`` show in the panel for any of the indicators ``names`` (e.g. «اصفهان پیش از
    ۱۴۰۰»), joined; ``""`` when none."""
    from analytics.provenance import panel_groups

    found = panel_groups(indicators, panel, names)
    units = dict.fromkeys(str(series[c]) for series in found.values() for c in codes
                          if c in series.index)
    county = county_names(panel, lang) if {"name_fa", "name_en"} <= set(panel.columns) else {}
    return ("، " if lang == "fa" else ", ").join(group_label(u, lang, county) for u in units)


def group_value_text(value_text: str, code: str, lang: str,
                     names: Mapping[str, str] | None = None) -> str:
    """A county's shown value that is its group's figure, marked as such:
    «۱۳٫۴ (مقدار گروه: اصفهان پیش از ۱۴۰۰)» — never the county's own figure."""
    if value_text == "—":
        return value_text
    return t("map.group_value", lang, value=value_text, group=group_label(code, lang, names))


# --------------------------------------------------------------------------- hover cards


def hover_card(panel: pd.DataFrame, measure: str, lang: str,
               difference: pd.Series | None = None,
               groups: Mapping[str, pd.Series] | None = None) -> pd.DataFrame:
    """Per county: ``name``, the measure's ``value`` and the key figures of
    :data:`HOVER_FIGURES` (the measure itself not twice), formatted in ``lang`` with ✱
    after sample/estimated values; with ``difference`` also a signed ``diff`` column.
    ``groups``: per measure, county code → ``GROUP:`` code of the counties whose value is a
    larger unit's figure (:func:`analytics.provenance.group_of`): their value is marked
    «مقدار گروه: …» instead of ✱.
    Labels are in ``attrs["label"]`` (the measure) and ``attrs["labels"]`` (the rest), so
    the figure writes each label once."""
    name_col = "name_fa" if lang == "fa" else "name_en"
    out = pd.DataFrame({"name": panel[name_col].astype(str)}, index=panel.index)
    labels: dict[str, str] = {}
    names = panel[name_col].astype(str).to_dict()

    def column(m: str, signed_values: pd.Series | None = None) -> list[str]:
        flags = sample_flags(panel, m) if m in PANEL_MEASURES else \
            pd.Series(False, index=panel.index)
        grouped = (groups or {}).get(m, pd.Series(dtype=object))
        values = panel[m] if signed_values is None else signed_values
        texts = [_fmt(v, lang, _decimals(m), signed_values is not None)
                 for v in values]
        out_texts = []
        for code, text, flag in zip(panel.index, texts, flags.reindex(panel.index).fillna(False)):
            if code in grouped.index:
                out_texts.append(group_value_text(text, str(grouped[code]), lang, names))
            else:
                out_texts.append(text + (" " + SAMPLE_MARK if flag and text != "—" else ""))
        return out_texts

    out["value"] = column(measure)
    if difference is not None:
        out["diff"] = column(measure, difference.reindex(panel.index))
        labels["diff"] = t("map.diff.title", lang)
    for m in HOVER_FIGURES:
        if m != measure and m in panel.columns:
            out[m] = column(m)
            labels[m] = t(f"map.hover.{m}", lang)
    out.attrs["label"] = t(f"measure.{measure}", lang)
    out.attrs["labels"] = labels
    return out


def geo_hover_card(table: pd.DataFrame, measure: str, lang: str, country: bool,
                   difference: pd.Series | None = None) -> pd.DataFrame:
    """Hover card for a scope without data (see :func:`geo.provinces.county_table`):
    name, the measure, the area and — for the whole country — the province."""
    suffix = "fa" if lang == "fa" else "en"
    out = pd.DataFrame({"name": table[f"name_{suffix}"].astype(str)}, index=table.index)
    out["value"] = [_fmt(v, lang, 0) for v in table[measure]]
    labels: dict[str, str] = {}
    if difference is not None:
        out["diff"] = [_fmt(v, lang, 0, True) for v in difference.reindex(table.index)]
        labels["diff"] = t("map.diff.title", lang)
    if measure != "area_km2":
        out["area"] = [_fmt(v, lang, 0) for v in table["area_km2"]]
        labels["area"] = t("map.hover.area_km2", lang)
    if country:
        out["province"] = table[f"province_{suffix}"].astype(str)
        labels["province"] = t("map.hover.province", lang)
    out.attrs["label"] = t(f"map.measure.{measure}", lang)
    out.attrs["labels"] = labels
    return out


def _card_text(hover: pd.DataFrame, lang: str) -> pd.Series:
    """The whole hover text per county (for the tile view, which has no template), each line
    laid out right-to-left for ``fa``."""
    labels = hover.attrs.get("labels", {})
    extra = [c for c in hover.columns if c not in ("name", "value")]
    columns = [[escape_markup(v) for v in hover[c].astype(str)] for c in ("name", "value", *extra)]
    heads = ["<b>", f"{hover.attrs.get('label', '')}: ",
             *(f"{labels.get(c, c)}: " for c in extra)]
    tails = ["</b>"] + [""] * (len(heads) - 1)
    rows = [rtl_label("<br>".join(h + v + e for h, v, e in zip(heads, values, tails)), lang)
            for values in zip(*columns)]
    return pd.Series(rows, index=hover.index, dtype=object)


# --------------------------------------------------------------------------- classes


def class_legend(result: Classification, codes: Sequence[str], lang: str, decimals: int,
                 diverging: bool = False, title: str = "", signed: bool = False,
                 better: str | None = "higher") -> ColourClasses:
    """Colours and Persian legend labels («۱۲٫۵ – ۱۶٫۰», low to high) for a
    :class:`analytics.classify.Classification` of the values of ``codes``.

    ``diverging``: colour each class by where its middle sits on a scale symmetric around 0
    (the reference value), the worse side red and the better side green (``better``:
    ``"higher"``, ``"lower"`` — unemployment —, or ``None``: neither, brown/blue)."""
    labels = []
    for lo, hi in result.ranges():
        a, b = _fmt(lo, lang, decimals, signed), _fmt(hi, lang, decimals, signed)
        labels.append(_rtl_range(a if a == b else f"{a} – {b}", lang))
    if diverging and result.k:
        bound = float(np.nanmax(np.abs(result.breaks))) or 1.0
        positions = [0.5 + (lo + hi) / 4 / bound for lo, hi in result.ranges()]
        colours = class_colours(result.k, True, positions, better)
    else:
        colours = class_colours(result.k)
    return ColourClasses(
        index=pd.Series(result.classes, index=list(codes)), labels=labels, colours=colours,
        title=title)


# --------------------------------------------------------------------------- labels


# pick_labels and wrapped live in figures.label_layout (in place, or as call-outs)


# --------------------------------------------------------------------------- tiles


def tile_frame(layout: Mapping[str, tuple[int, int]], names: pd.Series, wrap_at: int = 8
               ) -> pd.DataFrame:
    """Hexagon tiles (index code; x, y, xs, ys, text) for :func:`figures.maps.tile_cartogram`;
    names longer than ``wrap_at`` characters go on two lines."""
    from geo.tiles import hex_polygons

    tiles = pd.DataFrame(hex_polygons(layout).values()).set_index("code")
    text = names.reindex(tiles.index).fillna("").astype(str)
    tiles["text"] = ["<br>".join(escape_markup(p) for p in
                                 ((wrapped(v) or v) if len(v) > wrap_at else v).split("<br>"))
                     for v in text]
    return tiles


# --------------------------------------------------------------------------- points


def county_polygons(feature_collection: dict) -> dict[str, shapely.Geometry]:
    """Code → shapely geometry of each feature (the shapes as drawn)."""
    return {f["id"]: shape(f["geometry"]) for f in feature_collection["features"]}


def project_points(projects: pd.DataFrame, anchors: Mapping[str, tuple[float, float]],
                   polygons: Mapping[str, shapely.Geometry] | None = None,
                   separation: float = 0.08, *, use_coordinates: bool = True,
                   planar: bool = False) -> pd.DataFrame:
    """One row per project (same index) with ``lon``, ``lat`` and ``placed``:
    ``"given"`` (its own coordinates), ``"spread"`` (no coordinates: laid out around its
    county's anchor by :func:`geo.spread.spread_groups`, avoiding every other point) or
    ``"none"`` (no anchor: not drawn).  ``use_coordinates=False`` spreads every project
    (the tile view, where real coordinates mean nothing)."""
    lat = pd.to_numeric(projects.get("lat"), errors="coerce") if use_coordinates else None
    lon = pd.to_numeric(projects.get("lon"), errors="coerce") if use_coordinates else None
    out = pd.DataFrame(index=projects.index)
    out["lon"], out["lat"], out["placed"] = np.nan, np.nan, "none"
    if use_coordinates:
        given = lat.notna() & lon.notna()
        out.loc[given, "lon"] = lon[given].astype(float)
        out.loc[given, "lat"] = lat[given].astype(float)
        out.loc[given, "placed"] = "given"
    else:
        given = pd.Series(False, index=projects.index)
    todo = projects[~given]
    counts = todo.groupby("county_code").size().to_dict()
    fixed = list(zip(out.loc[given, "lon"], out.loc[given, "lat"]))
    spread = spread_groups(counts, anchors, separation, polygons, fixed, planar=planar)
    for county, rows in todo.groupby("county_code").groups.items():
        result = spread.get(county)
        if result is None:
            continue
        for idx, (x, y) in zip(sorted(rows, key=lambda r: str(projects.at[r, "project_id"])
                                      if "project_id" in projects else str(r)),
                               result.points):
            out.at[idx, "lon"], out.at[idx, "lat"], out.at[idx, "placed"] = x, y, "spread"
    return out


def add_project_layer(fig: go.Figure, projects: pd.DataFrame, points: pd.DataFrame,
                      names: Mapping[str, str], lang: str, geo: bool = True,
                      size: int = 9) -> go.Figure:
    """Driver projects as points, one trace (and legend entry) per status, coloured by
    :data:`figures.theme.STATUS_COLOURS`; hover: title, county, status, budget, progress,
    ✱ for sample projects and a note when the position is approximate."""
    title_col = "title_fa" if lang == "fa" else "title_en"
    drawn = points[points["placed"] != "none"]
    for status, colour in STATUS_COLOURS.items():
        part = drawn[projects.loc[drawn.index, "status"].astype(str) == status]
        if part.empty:
            continue
        rows = projects.loc[part.index]
        texts = []
        for idx, row in rows.iterrows():
            county = names.get(row["county_code"], row["county_code"])
            lines = [f"<b>{escape_markup(row[title_col])}</b>"
                     + (f" {SAMPLE_MARK}" if _true(row.get("is_sample")) else ""),
                     f"{t('common.county', lang)}: {escape_markup(county)}",
                     f"{t('map.hover.status', lang)}: {t(f'status.{status}', lang)}",
                     f"{t('map.hover.budget', lang)}: "
                     f"{fmt_number(row.get('budget_billion_rials'), lang, 0)}",
                     f"{t('map.hover.progress', lang)}: "
                     f"{localise_digits(_pct(row.get('physical_progress_pct')), lang)}"]
            placed = part.at[idx, "placed"]
            if placed == "spread":
                lines.append(t("map.point.spread" if geo else "map.point.tile", lang))
            elif str(row.get("coord_quality", "")) == "sample":
                lines.append(t("map.point.sample", lang))
            texts.append(rtl_label("<br>".join(lines), lang))
        marker = {"color": colour, "size": size,
                  "line": {"color": ["#111827" if p == "given" else "white"
                                     for p in part["placed"]], "width": 1}}
        common = dict(mode="markers", marker=marker, text=texts, hoverinfo="text",
                      name=t(f"status.{status}", lang), legendgroup="projects",
                      legendgrouptitle={"text": t("map.legend.status", lang)},
                      customdata=list(rows["county_code"]))
        if geo:
            fig.add_trace(go.Scattergeo(lon=part["lon"].round(4), lat=part["lat"].round(4),
                                        **common))
        else:
            fig.add_trace(go.Scatter(x=part["lon"].round(4), y=part["lat"].round(4),
                                     **common))
    _legend(fig, lang)
    return fig


def _tr(key: str, lang: str, fallback: object) -> str:
    """``t(key)`` when the catalogue has it, else the raw value (data outside the vocabulary)."""
    return t(key, lang) if has_key(key) else str(fallback)


def _true(value) -> bool:
    return str(value).strip().lower() in ("true", "1", "yes")


def _pct(value) -> str:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return "—"
    return "—" if math.isnan(number) else f"{number:.0f}%"


def places_with_coordinates(places: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(places with lat/lon, places without) — only the first go on the map."""
    lat = pd.to_numeric(places["lat"], errors="coerce")
    lon = pd.to_numeric(places["lon"], errors="coerce")
    has = lat.notna() & lon.notna()
    return places[has], places[~has]


def _text(value) -> str:
    """A cell as text: blank for NaN/None/<NA> (a column read as all-empty is float)."""
    if value is None:
        return ""
    try:
        if pd.isna(value):
            return ""
    except (TypeError, ValueError):
        pass
    return str(value).strip()


def _precision(row) -> str:
    """``exact`` or ``town`` (anything else — blank, «missing», a sample point — counts as
    the less precise ``town``: a point is never shown as more exact than the data says)."""
    quality = _text(row.get("coord_quality")).lower()
    return "exact" if quality in ("exact", "sourced") else "town"


def _host(url: str) -> str:
    """The site of the first URL in ``url`` («gem.wiki»), for a short hover line."""
    first = url.split("|")[0].strip()
    if "://" not in first:
        return first[:60]
    host = first.split("://", 1)[1].split("/", 1)[0]
    return host.removeprefix("www.")


def _place_lines(row, lang: str, names: Mapping[str, str], name_col: str) -> list[str]:
    """An asset's own lines of a hover card: name (✱ when sample), type, status, county."""
    place_type = escape_markup(_tr(f"map.place_type.{row['type']}", lang, row["type"]))
    status = _text(row.get("status"))
    county = _text(row.get("county_code"))
    county_name = names.get(county, county) if county else t("map.places.unknown_county", lang)
    name = _text(row[name_col]) or _text(row.get("name_fa"))
    lines = [f"<b>{escape_markup(name)}</b>"
             + (f" {SAMPLE_MARK}" if _true(row.get("is_sample")) else ""),
             f"{t('map.hover.type', lang)}: {place_type}"]
    if status:
        lines.append(f"{t('map.hover.status', lang)}: "
                     f"{escape_markup(_tr(f'map.place_status.{status}', lang, status))}")
    lines.append(f"{t('common.county', lang)}: {escape_markup(county_name)}")
    return lines


#: Marker sizes (px) of the asset layer: one asset (a star), and several at one point (a
#: disc with their number inside, large enough for two digits).
PLACE_SIZE, CLUSTER_SIZE = 13, 22


def add_places_layer(fig: go.Figure, places: pd.DataFrame, names: Mapping[str, str],
                     lang: str, geo: bool = True, size: int = PLACE_SIZE) -> go.Figure:
    """Development assets with coordinates, one marker per point.

    An asset alone at its point is a purple star, one trace (legend entry) per precision:
    filled at an exact site, open at the point of the town the source names.  Several
    assets at one point (four at Isfahan city's point) — or, on a geographic map with its
    window set, one county's town-point assets whose marks would overlap at the map's scale
    (Lenjan's three at Fooladshahr and Zarrinshahr; an exact site such as Esfahan Steel keeps
    its own filled star, so the legend always shows both precisions) — are one disc at their mean position with their number inside
    (filled when all are exact, white when any is at a town point; the card gives each
    one's precision), in a third trace.
    ``customdata``: the marker's ``place_id`` values joined with «|»; the hover card gives
    type, status, county and precision of each asset.  On a geographic map the county
    names a marker would cover are moved clear of it (:func:`figures.maps.names_clear_of_points`)."""
    placed, _ = places_with_coordinates(places)
    if placed.empty:
        return fig
    name_col = "name_fa" if lang == "fa" else "name_en"
    lat = pd.to_numeric(placed["lat"]).round(4)
    lon = pd.to_numeric(placed["lon"]).round(4)
    at_spot: dict[tuple[float, float], list] = {}
    for idx in placed.index:
        at_spot.setdefault((lat[idx], lon[idx]), []).append(idx)
    precision = {idx: _precision(row) for idx, row in placed.iterrows()}
    scale = geo_px_per_degree(fig) if geo else None
    if scale is not None:  # a county's points whose marks would overlap here: one mark
        codes = {key: {_text(placed.at[i, "county_code"]) if "county_code" in placed else ""
                       for i in members} for key, members in at_spot.items()}
        # an exact site keeps its own filled star (its precision is the point of it): only
        # town points are merged
        at_spot = merge_near_points(at_spot, scale, CLUSTER_SIZE - 2, {
            key: c.pop() if len(c) == 1 and not any(precision[i] == "exact"
                                                    for i in at_spot[key]) else ""
            for key, c in codes.items()})
    source_line = t("map.hover.source", lang)
    sep = "، " if lang == "fa" else ", "

    def sources(members: list) -> str:
        hosts = dict.fromkeys(_host(_text(placed.at[i, "source"])) for i in members
                              if _text(placed.at[i, "source"]))
        return f"{source_line}: {escape_markup(sep.join(hosts))}" if hosts else ""

    # (kind, lon, lat, hover, ids, n, all exact) per marker
    markers: list[tuple[str, float, float, str, str, int, bool]] = []
    for members in at_spot.values():
        y = float(lat[members].mean())
        x = float(lon[members].mean())
        one_point = len({(lat[i], lon[i]) for i in members}) == 1
        ids = "|".join(_text(placed.at[i, "place_id"]) for i in members) \
            if "place_id" in placed else ""
        exact = all(precision[i] == "exact" for i in members)
        if len(members) == 1:
            idx = members[0]
            kind = precision[idx]
            lines = _place_lines(placed.loc[idx], lang, names, name_col)
            lines.append(f"{t('map.hover.precision', lang)}: {t(PLACE_PRECISION[kind][0], lang)}")
        else:
            kind = "cluster"
            lines = [t("map.places.at_point" if one_point else "map.places.near_point", lang,
                       n=fmt_number(len(members), lang, 0))]
            kinds = {precision[i] for i in members}
            for i in members:  # one short line each: name — type, status — county
                row = placed.loc[i]
                head, what, *rest = _place_lines(row, lang, names, name_col)
                parts = [what.split(": ", 1)[-1]] + [line.split(": ", 1)[-1] for line in rest]
                lines.append(f"• {head} — " + sep.join(parts))
                if len(kinds) > 1:  # say the precision of each when they differ
                    lines[-1] += f" ({t(PLACE_PRECISION[precision[i]][1], lang)})"
            if len(kinds) == 1:
                lines.append(f"{t('map.hover.precision', lang)}: "
                             f"{t(PLACE_PRECISION[kinds.pop()][0], lang)}")
        extra = sources(members)
        if extra:
            lines.append(extra)
        markers.append((kind, round(x, 4), round(y, 4), rtl_label("<br>".join(lines), lang),
                        ids, len(members), exact))

    for kind in ("cluster", "town", "exact"):  # exact stars drawn last, on top
        part = [m for m in markers if m[0] == kind]
        if not part:
            continue
        xs, ys = [m[1] for m in part], [m[2] for m in part]  # plain lists in the spec
        if kind == "cluster":
            filled = [m[6] for m in part]
            marker = {"symbol": "circle", "size": CLUSTER_SIZE,
                      "color": [PLACE_COLOUR if f else "white" for f in filled],
                      "line": {"color": PLACE_COLOUR, "width": 2}}
            extra = dict(
                mode="markers+text", textposition="middle center",
                text=[f"<b>{localise_digits(str(m[5]), lang)}</b>" for m in part],
                textfont={"family": FONT_FAMILY, "size": 13,
                          "color": ["white" if f else PLACE_COLOUR for f in filled]},
                name=t("map.legend.place_cluster", lang))
        else:
            marker = {"symbol": "star" if kind == "exact" else "star-open", "size": size,
                      "color": PLACE_COLOUR,
                      "line": {"color": "white" if kind == "exact" else PLACE_COLOUR,
                               "width": 1 if kind == "exact" else 2}}
            extra = dict(mode="markers", name=t(PLACE_PRECISION[kind][1], lang))
        common = dict(
            hovertext=[m[3] for m in part], hoverinfo="text", marker=marker,
            legendgroup="places", legendrank={"exact": 1, "town": 2, "cluster": 3}[kind], legendgrouptitle={"text": t("map.legend.place", lang)},
            customdata=[m[4] for m in part] if "place_id" in placed else None, **extra)
        if geo:
            fig.add_trace(go.Scattergeo(lon=xs, lat=ys, **common))
        else:
            fig.add_trace(go.Scatter(x=xs, y=ys, **common))
    if geo:
        names_clear_of_points(fig, [(m[1], m[2], (CLUSTER_SIZE if m[0] == "cluster" else size) / 2)
                                    for m in markers])
    _legend(fig, lang)
    return fig


def _labels_on_top(fig: go.Figure) -> None:
    """Move the county-name trace to the end so names stay readable over the points."""
    labels = [tr for tr in fig.data if tr.name == "labels"]
    if labels:
        fig.data = tuple(tr for tr in fig.data if tr.name != "labels") + tuple(labels)


def _legend(fig: go.Figure, lang: str) -> None:
    _labels_on_top(fig)
    fa = lang == "fa"
    fig.update_layout(showlegend=True, legend={
        "x": 1 if fa else 0, "xanchor": "right" if fa else "left", "y": 0.02,
        "yanchor": "bottom", "bgcolor": "rgba(255,255,255,0.8)",
        "font": {"family": FONT_FAMILY, "size": 12}, "groupclick": "toggleitem"})


# --------------------------------------------------------------------------- the map


def scope_map(
    *,
    codes: Sequence[str],
    values: pd.Series,
    hover: pd.DataFrame,
    names: pd.Series,
    lang: str,
    geometry=None,
    tile_layout: Mapping[str, tuple[int, int]] | None = None,
    classes: ColourClasses | None = None,
    diverging: bool = False,
    centre: str | None = None,
    selected: str | None = None,
    label_points: pd.DataFrame | None = None,
    label_priority: pd.Series | None = None,
    colorbar_title: str = "",
    height: int = 600,
    selectable: bool = True,
    groups: pd.Series | None = None,
    better: str | None = "higher",
    group_names: Mapping[str, str] | None = None,
) -> go.Figure:
    """The county map of one scope: boundaries (``geometry`` given) or equal tiles
    (``tile_layout``), continuous or ``classes`` colours, ``names`` as labels where they fit
    (or ``label_points`` — index key; lon, lat, text — such as province names; both thinned
    by :func:`pick_labels` with ``label_priority``), the
    ``centre`` and ``selected`` counties outlined, province borders when the geometry has
    them (``extra["province_borders"]``: the whole country) — on tiles, the borders between
    ``groups`` (code → e.g. province) —, «© OpenStreetMap contributors».  On tiles of the
    whole country the counties are not named (the hover card names them); each group is,
    by ``group_names`` (e.g. province names), at the middle of its tiles where it fits."""
    frame = pd.DataFrame({"v": values.reindex(list(codes)).astype(float)})
    if geometry is not None:
        if label_points is None:
            points = geometry.labels.set_index("code").reindex(list(codes))[["lon", "lat"]]
            points["text"] = names.reindex(points.index)
            label_points = points.dropna(subset=["lon"])
        always = [c for c in (centre, selected) if c]
        # a province: every county named (call-outs, a numbered key); wider scopes: the
        # names that fit
        callouts = len(codes) <= CALLOUT_LIMIT
        window = widen_bounds(geometry.bounds) if callouts else geometry.bounds
        label_points = pick_labels(label_points, label_priority, always=always,
                                   height_px=plot_height(height, None), bounds=window,
                                   callouts=callouts,
                                   number_text=lambda n: localise_digits(str(n), lang),
                                   land=land_of(geometry.feature_collection)
                                   if callouts else None)
        fig = choropleth(geometry.feature_collection, frame, "v", lang, None, hover,
                         label_points, centre, diverging, colorbar_title, height,
                         classes=classes, selected=selected, selectable=selectable,
                         outlines_in_trace=True, bounds=window,
                         borders=geometry.extra.get("province_borders"), better=better)
        return fig
    if tile_layout is None:
        raise ValueError("need boundaries or a tile layout")
    tiles = tile_frame(tile_layout, names)
    group_labels = None
    if len(tiles) > 60:  # the whole country: province names, the counties on hover
        tiles["text"] = ""
        if groups is not None and group_names:
            group_labels = _group_tile_labels(tiles, groups, group_names,
                                              plot_height(height, None))
    card = hover.copy()
    card["card"] = _card_text(hover, lang)
    borders = None
    if groups is not None:
        from geo.tiles import hex_group_borders, hex_polygons

        borders = hex_group_borders(hex_polygons(tile_layout), groups.to_dict())
    fig = tile_cartogram(tiles, frame, "v", lang, None, card, centre, diverging, height,
                         classes=classes, selected=selected, borders=borders, better=better)
    if group_labels is not None and len(group_labels):
        fig.add_trace(go.Scatter(
            x=group_labels["x"].round(3).tolist(), y=group_labels["y"].round(3).tolist(),
            text=group_labels["text"].tolist(), mode="text", hoverinfo="skip",
            textfont={"family": FONT_FAMILY, "size": 11, "color": "#111", "shadow": "auto"},
            showlegend=False, name="group_labels"))
    return add_attribution(fig, lang)


def _group_tile_labels(tiles: pd.DataFrame, groups: pd.Series, names: Mapping[str, str],
                       height_px: int, width_px: int = 900, font_px: int = 11
                       ) -> pd.DataFrame:
    """Each group's name (index group; x, y, text) at the mean of its tiles' centres,
    larger groups first, kept where its box (0.55·font per character × 1.4·font, the
    tile plane scaled to ``width_px`` × ``height_px``) touches no kept one."""
    from figures.label_layout import label_box

    frame = tiles[["x", "y"]].assign(group=groups.reindex(tiles.index).to_numpy())
    frame = frame.dropna(subset=["group"])
    if frame.empty:
        return pd.DataFrame(columns=["x", "y", "text"])
    span_x = max(float(tiles["x"].max() - tiles["x"].min()), 1e-6) + 1
    span_y = max(float(tiles["y"].max() - tiles["y"].min()), 1e-6) + 1
    scale = min(width_px / span_x, height_px / span_y)
    centres = frame.groupby("group")[["x", "y"]].mean()
    size = frame.groupby("group").size().sort_values(ascending=False)
    kept, rows = [], []
    for group in size.index:
        text = str(names.get(group, "") or "")
        if not text:
            continue
        x, y = float(centres.at[group, "x"]), float(centres.at[group, "y"])
        b = label_box(text, x * scale, y * scale, font_px, 2)
        if any(b[0] < o[2] and o[0] < b[2] and b[1] < o[3] and o[1] < b[3] for o in kept):
            continue
        kept.append(b)
        rows.append({"group": group, "x": x, "y": y, "text": text})
    return pd.DataFrame(rows).set_index("group") if rows else \
        pd.DataFrame(columns=["x", "y", "text"])


def tile_polygons(layout: Mapping[str, tuple[int, int]]) -> dict[str, Polygon]:
    """Hexagon polygons (tile plane) for spreading points inside tiles."""
    from geo.tiles import hex_polygons

    return {code: Polygon(zip(tile.xs, tile.ys)) for code, tile in hex_polygons(layout).items()}



# --------------------------------------------------------------------------- tables under the map


def key_figures(panel: pd.DataFrame, code: str, measure: str, lang: str
                ) -> list[tuple[str, str]]:
    """(label, formatted value) of the county's key figures and the mapped measure, with ✱
    after sample/estimated values — for ``st.metric``."""
    out = []
    for m in dict.fromkeys([*HOVER_FIGURES, measure]):
        if m not in panel.columns:
            continue
        flag = bool(sample_flags(panel, m).get(code, False)) if m in PANEL_MEASURES else False
        text = _fmt(panel.at[code, m], lang, _decimals(m)) + (f" {SAMPLE_MARK}" if flag else "")
        short = f"map.hover.{m}"
        out.append((t(short if has_key(short) else f"measure.{m}", lang), text))
    return out


def project_table(projects: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The county's projects for display: title (✱ for sample), sector, status, budget and
    progress formatted in ``lang``; sorted by budget, largest first."""
    if projects.empty:
        return pd.DataFrame(columns=[t(f"map.col.{c}", lang) for c in
                                     ("title", "sector", "status", "budget", "progress")])
    rows = projects.sort_values("budget_billion_rials", ascending=False)
    title_col = "title_fa" if lang == "fa" else "title_en"
    return pd.DataFrame({
        t("map.col.title", lang): [
            f"{title} {SAMPLE_MARK}" if _true(sample) else str(title)
            for title, sample in zip(rows[title_col], rows["is_sample"])],
        t("map.col.sector", lang): [t(f"sector.{s}", lang) for s in rows["sector"]],
        t("map.col.status", lang): [t(f"status.{s}", lang) for s in rows["status"]],
        t("map.col.budget", lang): [fmt_number(v, lang, 0) for v in rows["budget_billion_rials"]],
        t("map.col.progress", lang): [localise_digits(_pct(v), lang)
                                      for v in rows["physical_progress_pct"]],
    })


def places_table(places: pd.DataFrame, names: Mapping[str, str], lang: str) -> pd.DataFrame:
    """Development assets for display: name, type, county («not stated» when the source does
    not say), status, the precision of the point and the source URL.  Every column is text
    (also for no rows, and for a column that was read as all-empty floats)."""
    name_col = "name_fa" if lang == "fa" else "name_en"
    counties = []
    for code in places["county_code"] if "county_code" in places else [None] * len(places):
        code = _text(code)
        counties.append(names[code] if code in names else t("map.places.unknown_county", lang))
    has_point = pd.to_numeric(places.get("lat"), errors="coerce").notna() & \
        pd.to_numeric(places.get("lon"), errors="coerce").notna() if len(places) else \
        pd.Series(dtype=bool)
    precision = [t(PLACE_PRECISION[_precision(row)][1], lang) if point  # the short label
                 else t("map.precision.missing", lang)
                 for (_, row), point in zip(places.iterrows(), has_point)]

    def text_column(column: str) -> list[str]:
        return [_text(v) for v in places[column]] if column in places else [""] * len(places)

    frame = pd.DataFrame({
        t("map.places.name", lang): text_column(name_col),
        t("map.places.type", lang): [_tr(f"map.place_type.{v}", lang, v)
                                     for v in text_column("type")],
        t("map.places.county", lang): counties,
        t("map.places.status", lang): [_tr(f"map.place_status.{v}", lang, v) if v else ""
                                       for v in text_column("status")],
        t("map.places.precision", lang): precision,
        t("map.places.source", lang): text_column("source"),
    }, index=range(len(places)))
    return frame.astype(object)
