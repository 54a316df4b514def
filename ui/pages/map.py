"""The Map page: any panel measure on the county map — continuous or classed colours, difference from
the province value, project and asset layers, any province or the whole country — and the
detail of a chosen county.  Every choice lives in the URL (measure, classes, k, view, layers,
county, scope, diff)."""

from __future__ import annotations

import pandas as pd
import streamlit as st
from streamlit.errors import StreamlitAPIException

from analytics.classify import BETTER, classify, reference_value
from analytics.panel import PANEL_INDICATORS, PANEL_MEASURES, sample_flags
from analytics.provenance import panel_groups
from figures.map_layers import (
    add_places_layer,
    add_project_layer,
    class_legend,
    county_polygons,
    geo_hover_card,
    hover_card,
    key_figures,
    places_table,
    places_with_coordinates,
    project_points,
    project_table,
    scope_map,
    tile_polygons,
)
from figures.registry_table import registry_download
from figures.theme import plotly_config
from geo.config import DEFAULT_PROVINCE
from i18n import fmt_int, fmt_number, fmt_percent, t
from ui import data, layout, state
from ui.context import page_context
from ui.downloads import chart_downloads, table_downloads

DEFAULT_MEASURE = "budget_per_capita"  # the Overview's default too (shared "measure" state)
GEO_MEASURES = ("area_km2", "n_counties")
CLASSES = ("continuous", "quantile", "equal", "jenks")
VIEWS = ("boundaries", "tiles")
LAYERS = ("projects", "places")
COUNTRY = "country"
K_RANGE = (3, 7)


# --------------------------------------------------------------------------- cached geometry


@st.cache_resource(show_spinner=False)
def _provinces():
    from geo.provinces import provinces

    return provinces()


@st.cache_resource(show_spinner=False)
def _scope_geometry(scope: str):
    """Boundaries of another province or of the whole country (None when missing)."""
    from geo.cache import geometry_or_none

    return geometry_or_none(scope)  # COUNTRY == geo.cache.COUNTRY


@st.cache_resource(show_spinner=False)
def _scope_table(scope: str) -> pd.DataFrame:
    from geo.provinces import county_table

    return county_table(_scope_geometry(scope), _provinces(), None if scope == COUNTRY else scope)


@st.cache_resource(show_spinner=False)
def _tile_layout(scope: str, codes: tuple[str, ...], points: tuple, groups: tuple = ()) -> dict:
    from geo.tiles import hex_layout_for

    return hex_layout_for(codes, dict(points) if points else None, dict(groups) or None)


@st.cache_resource(show_spinner=False)
def _polygons(scope: str):
    geometry = data.province_geometry() if scope == DEFAULT_PROVINCE else _scope_geometry(scope)
    return county_polygons(geometry.feature_collection) if geometry is not None else {}


# --------------------------------------------------------------------------- URL state


def _param(key: str, default, valid):
    """A map choice kept in session key ``page:map_<key>`` and read once from ``?<key>=``
    (so the Overview's and other pages' choices of the same URL name never collide)."""
    return state.page_param(key, default, valid, session_key=f"map_{key}", max_len=200,
                            follow_links=False)


def _k(raw: str):
    return int(raw) if raw.isascii() and raw.isdigit() and K_RANGE[0] <= int(raw) <= K_RANGE[1] else None


def _layers(raw: str):
    chosen = tuple(v for v in raw.split(",") if v)
    return tuple(v for v in LAYERS if v in chosen) if set(chosen) <= set(LAYERS) else None


def _scope_label(scope: str, infos: dict, lang: str) -> str:
    """The name of a scope: the data's province, another province or the whole country."""
    if scope == COUNTRY:
        return t("map.scope.country", lang, n=fmt_int(sum(p.n_counties for p in infos.values()),
                                                      lang))
    info = infos.get(scope)
    name = info.name(lang) if info else t("common.province", lang)
    return t("map.scope.data" if scope == DEFAULT_PROVINCE else "map.scope.province", lang,
             name=name)


# --------------------------------------------------------------------------- page


def render() -> None:
    """Draw the Map page (one run)."""
    ctx = page_context()
    lang, ds, flt, panel, totals = ctx.lang, ctx.ds, ctx.flt, ctx.panel, ctx.totals
    name_col = "name_fa" if lang == "fa" else "name_en"

    st.title(t("app.name", lang) + " — " + t("nav.map", lang))
    layout.note(t("map.intro", lang))

    infos = {p.iso: p for p in _provinces()}
    scopes = [DEFAULT_PROVINCE] + [iso for iso in infos if iso != DEFAULT_PROVINCE]
    if infos:
        scopes.append(COUNTRY)

    scope = _param("scope", DEFAULT_PROVINCE, state.choice(scopes))
    is_data = scope == DEFAULT_PROVINCE

    c_scope, c_measure, c_view = st.columns([2, 3, 2])
    new_scope = c_scope.selectbox(t("map.scope", lang), scopes,
                                  format_func=lambda s: _scope_label(s, infos, lang),
                                  key=state.seed("map_w_scope", scope, options=scopes),
                                  placeholder=t("common.choose", lang))
    if new_scope != scope:
        scope, is_data = new_scope, new_scope == DEFAULT_PROVINCE
        state.set_page_param("map_scope", scope)
        state.set_page_param("map_county", None)
        st.session_state["map_w_county"] = None

    # the scope's geometry and county table
    if is_data:
        geometry = data.province_geometry()
        table = panel
    else:
        geometry = _scope_geometry(scope)
        if geometry is None:  # the file vanished: fall back to the data province
            st.warning(t("map.scope.missing", lang, scope=scope,
                         name=_scope_label(DEFAULT_PROVINCE, infos, lang)))
            scope, is_data, geometry, table = DEFAULT_PROVINCE, True, data.province_geometry(), panel
            state.set_page_param("map_scope", scope)
        else:
            table = _scope_table(scope)
    codes = list(table.index)
    names = table[name_col].astype(str)

    # measure: panel measures share the Overview's state; others have their own
    if is_data:
        measures = list(PANEL_MEASURES)
        measure = state.page_param(
            "measure", DEFAULT_MEASURE,
            lambda raw: raw if raw in PANEL_MEASURES else (DEFAULT_MEASURE if raw in GEO_MEASURES
                                                           else None))
    else:
        measures = list(GEO_MEASURES) if scope == COUNTRY else ["area_km2"]
        measure = _param("measure", "area_km2",
                         lambda raw: raw if raw in GEO_MEASURES else
                         ("area_km2" if raw in PANEL_MEASURES else None))
        if measure not in measures:
            measure = "area_km2"
    measure_key = "map_w_measure" if is_data else "map_w_geo_measure"
    if is_data and st.session_state.get(measure_key, measure) != measure \
            and st.session_state.get("map_w_measure_seen") != measure:
        st.session_state[measure_key] = measure  # changed on the Overview meanwhile
    measure = c_measure.selectbox(
        t("map.measure", lang), measures, key=state.seed(measure_key, measure, options=measures),
        format_func=lambda m: t(f"measure.{m}" if m in PANEL_MEASURES else f"map.measure.{m}", lang),
        placeholder=t("common.choose", lang))
    state.set_page_param("measure" if is_data else "map_measure", measure)
    if is_data:
        st.session_state["map_w_measure_seen"] = measure

    has_boundaries = geometry is not None
    view = _param("view", "boundaries", state.choice(VIEWS))
    if not has_boundaries:
        st.session_state["map_w_view"] = "tiles"
    view = c_view.radio(t("map.view", lang), VIEWS,
                        key=state.seed("map_w_view", view, options=VIEWS),
                        format_func=lambda v: t(f"map.view.{v}", lang), horizontal=True,
                        disabled=not has_boundaries)
    if has_boundaries:
        state.set_page_param("map_view", view)

    c_classes, c_k, c_diff, c_layers = st.columns([4, 2, 2, 2])
    method = _param("classes", "continuous", state.choice(CLASSES))
    method = c_classes.radio(t("map.classes", lang), CLASSES,
                             key=state.seed("map_w_classes", method, options=CLASSES),
                             format_func=lambda c: t(f"map.classes.{c}", lang), horizontal=True)
    state.set_page_param("map_classes", method)
    k = _param("k", 5, _k)
    k_options = list(range(K_RANGE[0], K_RANGE[1] + 1))
    k = c_k.select_slider(t("map.k", lang), k_options,
                          key=state.seed("map_w_k", k, options=k_options),
                          format_func=lambda v: fmt_int(v, lang), disabled=method == "continuous")
    state.set_page_param("map_k", k)
    diff = _param("diff", False, lambda raw: {"1": True, "0": False}.get(raw))
    diff = c_diff.toggle(t("map.diff", lang), key=state.seed("map_w_diff", diff))
    state.set_page_param("map_diff", diff)
    layers = _param("layers", (), _layers)
    with c_layers:
        chosen = tuple(name for name in LAYERS
                       if st.checkbox(t(f"map.layer.{name}", lang), disabled=not is_data,
                                      key=state.seed(f"map_w_layer_{name}", name in layers)))
    if is_data:
        layers = chosen
        state.set_page_param("map_layers", layers)

    county = _param("county", None, lambda raw: raw if raw in codes else None)
    if county not in codes:
        county = None

    # --------------------------------------------------------------------------- values and colours
    values = table[measure].astype(float)
    reference, kind = float("nan"), "mean"
    if diff:
        province_value = None
        if is_data and measure in totals.columns:
            province_value = float(totals.at["province", measure])
        reference, kind = reference_value(values, measure, province_value,
                                          table["population"] if is_data else None)
    shown = values - reference if diff else values
    diverging = diff or bool(shown.min() < 0 < shown.max())
    decimals = PANEL_MEASURES[measure][1] if measure in PANEL_MEASURES else 0
    measure_label = t(f"measure.{measure}" if is_data else f"map.measure.{measure}", lang)
    classes = None
    if method != "continuous":
        result = classify(shown.to_numpy(), method, k)
        classes = class_legend(result, codes, lang, decimals, diverging,
                               title=t("map.diff.title", lang) if diff else "", signed=diff,
                               better=BETTER.get(measure))
    groups = panel_groups(ds.indicators, panel, PANEL_INDICATORS) if is_data else {}
    if is_data:
        hover = hover_card(panel, measure, lang, difference=shown if diff else None,
                           groups=groups)
    else:
        hover = geo_hover_card(table, measure, lang, scope == COUNTRY,
                               difference=shown if diff else None)

    label_points = None
    if scope == COUNTRY and view == "boundaries":
        label_points = pd.DataFrame(
            [{"code": p.iso, "lon": p.lon, "lat": p.lat, "text": p.name(lang)}
             for p in infos.values() if p.lon is not None]).set_index("code")
    tile_layout = None
    if view == "tiles" or not has_boundaries:
        points = ()
        if geometry is not None:
            points = tuple((row.code, (row.lon, row.lat)) for row in geometry.labels.itertuples())
        tile_groups = tuple(table["province"].items()) if scope == COUNTRY else ()  # provinces whole
        tile_layout = _tile_layout(scope, tuple(codes), points, tile_groups)
    centre = ds.centre_code if is_data else None
    fig = scope_map(
        codes=codes, values=shown, hover=hover, names=names, lang=lang,
        geometry=geometry if view == "boundaries" and has_boundaries else None,
        tile_layout=tile_layout, classes=classes, diverging=diverging, centre=centre,
        better=BETTER.get(measure),
        # the legend names the measure and its unit (and stays with an exported image)
        colorbar_title=t("map.diff.title", lang) if diff else measure_label,
        selected=county, label_points=label_points,
        groups=table["province"] if scope == COUNTRY else None,  # province borders on tiles
        group_names={p.iso: p.name(lang) for p in infos.values()} if scope == COUNTRY else None,
        label_priority=(pd.Series({p.iso: p.n_counties for p in infos.values()})
                        if label_points is not None else
                        geometry.areas_km2 if geometry is not None else None),
    )

    # --------------------------------------------------------------------------- layers
    n_spread = 0
    geo_view = tile_layout is None
    if is_data and "projects" in layers:
        projects = flt.apply(ds.projects, ds.counties)
        if geo_view:
            seats = ds.counties.set_index("code")[["seat_lon", "seat_lat"]].astype(float)
            label_xy = geometry.labels.set_index("code")[["lon", "lat"]]
            anchors = {}
            for code in codes:
                lon, lat = seats.at[code, "seat_lon"], seats.at[code, "seat_lat"]
                if pd.isna(lon) or pd.isna(lat):
                    lon, lat = label_xy.at[code, "lon"], label_xy.at[code, "lat"]
                anchors[code] = (float(lon), float(lat))
            pts = project_points(projects, anchors, _polygons(scope), separation=0.08)
        else:
            from geo.tiles import hex_polygons

            hexes = hex_polygons(tile_layout)
            anchors = {code: (tile.x, tile.y - 0.45) for code, tile in hexes.items()}
            pts = project_points(projects, anchors, tile_polygons(tile_layout), separation=0.24,
                                 use_coordinates=False, planar=True)
        n_spread = int((pts["placed"] == "spread").sum()) if geo_view else 0
        add_project_layer(fig, projects, pts, dict(zip(codes, names)), lang, geo=geo_view)
    places_missing = pd.DataFrame()  # assets the map does not place, listed below it
    n_places_town = 0
    if is_data and "places" in layers:
        with_xy, places_missing = places_with_coordinates(ds.places)
        if geo_view:
            add_places_layer(fig, ds.places, dict(zip(codes, names)), lang)
            n_places_town = int((with_xy.get("coord_quality", pd.Series(dtype=str))
                                 .astype(str).str.lower() != "exact").sum())
        else:  # the tiles are not geography: no asset has a place on them, whatever its point
            places_missing = ds.places

    # --------------------------------------------------------------------------- the chart
    st.subheader(measure_label)
    event = st.plotly_chart(
        fig, width="stretch", config=plotly_config(measure_label, lang), on_select="rerun",
        selection_mode="points", key=f"map_chart_{scope}_{county}",
    )
    chart_downloads(fig, measure_label, lang, key=f"map_{scope}")
    clicked = None
    for point in (event.selection.points if event else []):
        location = point.get("location")
        if location in codes:
            clicked = location
            break
        data_point = point.get("customdata")
        if isinstance(data_point, str) and data_point in codes:  # a tile or a project point
            clicked = data_point
            break
    if clicked and clicked != county:
        state.set_page_param("map_county", clicked)
        st.session_state["map_w_county"] = clicked
        if is_data:
            state.set_page_param("county", clicked)  # the County page opens on it
        st.rerun()

    if not has_boundaries:
        st.info(t("geo.missing", lang))
    if not is_data:
        layout.note(t("map.scope.no_data", lang))
        if layers:
            layout.note(t("map.layers.only_data", lang,
                          name=_scope_label(DEFAULT_PROVINCE, infos, lang)))
    if diff:
        layout.note(t(f"map.diff.{kind}", lang, value=fmt_number(reference, lang, decimals)))
    if classes is not None and classes.k < k:
        layout.note(t("map.k_used", lang, k=fmt_int(classes.k, lang)))
    if is_data:
        grouped = groups.get(measure, pd.Series(dtype=object))
        flags = sample_flags(panel, measure)
        n_sample = int((flags & ~flags.index.isin(list(grouped.index))).sum())
        if n_sample:
            st.markdown(f'<span class="pishran-sample">'
                        f'{t("map.sample_count", lang, n=fmt_int(n_sample, lang), total=fmt_int(len(panel), lang))}'
                        f"</span>", unsafe_allow_html=True)
        if len(grouped):
            layout.note(t("map.group_count", lang, n=fmt_int(len(grouped), lang)))
    if n_spread:
        layout.note(t("map.spread_note", lang, n=fmt_int(n_spread, lang)))
    if n_places_town:
        layout.note(t("map.places_town_note", lang, n=fmt_int(n_places_town, lang),
                      total=fmt_int(len(with_xy), lang)))
    if len(places_missing):
        # on tiles the list holds every asset: the view places none (not: they lack points)
        heading = "map.places_missing" if geo_view else "map.places_tiles_list"
        st.markdown("**" + t(heading, lang, n=fmt_int(len(places_missing), lang)) + "**")
        missing_table = places_table(places_missing, dict(zip(codes, names)), lang)
        if lang == "fa":  # the grid lays columns out left to right: name first from the right
            missing_table = missing_table[list(missing_table.columns)[::-1]]
        st.dataframe(missing_table, hide_index=True,
                     width="stretch", column_config={
                         t("map.places.source", lang): st.column_config.LinkColumn(
                             t("map.places.source", lang),
                             display_text=r"https?://(?:www\.)?([^/]+).*")})

    # --------------------------------------------------------------------------- county detail
    st.divider()
    options = [None] + sorted(codes, key=lambda c: names.get(c, c))
    choice = st.selectbox(
        t("map.county", lang), options, key=state.seed("map_w_county", county, options=options),
        format_func=lambda c: t("map.county.none", lang) if c is None else names.get(c, c),
        placeholder=t("map.county.none", lang),  # Streamlit shows a None value as the placeholder
        help=t("map.click_hint", lang))
    if choice != county:
        county = choice
        state.set_page_param("map_county", county)
        if is_data and county:
            state.set_page_param("county", county)
        st.rerun()

    if county:
        st.subheader(t("map.detail.heading", lang, name=names.get(county, county)))
        if is_data:
            figures = key_figures(panel, county, measure, lang)
            for col, (label, value) in zip(st.columns(len(figures)), figures):
                col.metric(label, value)
            try:
                st.page_link("pages/county.py", label=t("map.detail.link", lang)
                             + (" ←" if lang == "fa" else " →"),
                             query_params={"county": county})
            except StreamlitAPIException:  # the County page is not registered (yet)
                pass
            mine = flt.apply(ds.projects, ds.counties)
            mine = mine[mine["county_code"] == county]
            st.markdown("**" + t("map.detail.projects", lang, n=fmt_int(len(mine), lang)) + "**")
            if mine.empty:
                layout.note(t("map.detail.no_projects", lang))
            else:
                st.dataframe(project_table(mine, lang), hide_index=True, width="stretch")
                table_downloads(registry_download(mine, ds.counties, lang),
                                t("map.detail.projects", lang, n=fmt_int(len(mine), lang)), lang,
                                key="map_projects")
        else:
            row = table.loc[county]
            c1, c2, c3 = st.columns(3)
            c1.metric(t("map.hover.province", lang), str(row[f"province_{lang}"]))
            c2.metric(t("map.measure.area_km2", lang), fmt_int(row["area_km2"], lang))
            c3.metric(t("map.detail.share_area", lang),
                      fmt_percent(row["area_km2"] / table["area_km2"].sum(), lang, 1,
                                  is_fraction=True))
            if pd.notna(row["osm_id"]):
                st.link_button(t("map.detail.osm", lang),
                               f"https://www.openstreetmap.org/relation/{int(row['osm_id'])}")
            layout.note(t("map.detail.no_data", lang))
    else:
        layout.note(t("map.click_hint", lang))

    state.sync_url({
        "scope": None if scope == DEFAULT_PROVINCE else scope,
        "measure": None if measure in (DEFAULT_MEASURE, "area_km2") else measure,
        "classes": None if method == "continuous" else method,
        "k": None if k == 5 else str(k),
        "view": None if view == "boundaries" else view,
        "layers": ",".join(layers) if layers and is_data else None,
        "county": county,
        "diff": "1" if diff else None,
    })
