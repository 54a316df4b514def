"""The County page — a county profile: one county's projects, its indicators against the province, its
development rank by several methods and its place on the map.

URL: ``county`` (a county code), ``f`` (the shared filter).

The county chosen here overrides the county choice of the shared filter (its other
settings apply); the link to the Projects page carries the filter narrowed to this
county, so Projects lists the same projects as the table here.
"""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import streamlit as st

from analytics.project_views import (
    DEFAULT_SPEC,
    county_profile,
    county_ranks,
    explorer_table,
    persian_sort_key,
)
from exports.followup_list import list_table
from figures.map_layers import (
    add_places_layer,
    group_label,
    places_table,
    places_with_coordinates,
)
from figures.project_charts import (
    county_locator,
    explorer_display,
    followup_log_display,
    indicator_chart,
    persian_text,
    profile_display,
)
from figures.registry_table import registry_download
from figures.theme import plotly_config
from i18n import fmt_int, localise_digits, t
from ui import data, layout, state, tables
from ui.context import page_context
from ui.downloads import chart_downloads, governor_list_download, table_downloads
from ui.shortlists import county_shortlist

#: The projects table's columns (reading order): they fit a 1280 × 800 screen.
COUNTY_COLUMNS = ("mark", "title", "sector", "status", "physical_progress_pct",
                  "budget_billion_rials", "planned_end", "last_followup")


@st.cache_data(show_spinner=False)
def _ranks(code: str):
    d = data.dataset()
    return county_ranks(d.indicators, d.counties, code, DEFAULT_SPEC)


@st.cache_data(show_spinner=False)
def _profile(code: str):
    d = data.dataset()
    return county_profile(d.indicators, d.counties, code, DEFAULT_SPEC)


def render() -> None:
    """Draw the County page (one run)."""
    ctx = page_context()
    lang, ds, flt = ctx.lang, ctx.ds, ctx.flt
    names = ctx.names
    codes = sorted(ds.counties["code"], key=lambda c: persian_sort_key(names[c]) if lang == "fa"
                   else names[c].lower())

    head = st.container()
    chosen = state.page_param("county", ds.centre_code, state.choice(codes))
    if chosen not in codes:  # set by another page (e.g. a map click) to something unknown
        chosen = ds.centre_code
    code = st.selectbox(t("county.pick", lang), codes, index=codes.index(chosen),
                        format_func=names.get, placeholder=t("common.choose", lang))
    state.set_page_param("county", code)
    is_centre = code == ds.centre_code
    head.title(t("county.title", lang, name=names[code])
               + (f" ({t('county.centre_badge', lang)})" if is_centre else ""))

    # this page is about one county: the filter's county choice does not hide it
    own_flt = replace(flt, counties=())
    panel, _ = data.panel(own_flt, ds=ds)
    row = panel.loc[code]
    ranks = _ranks(code)
    profile = _profile(code)

    # --- headline figures -----------------------------------------------------------------
    c1, c2, c3, c4 = st.columns(4)
    pop_year = row.get("population_year")
    c1.metric(t("county.metric.population", lang,
                year=localise_digits(str(pop_year), lang) if pd.notna(pop_year) else "—"),
              fmt_int(row["population"], lang)
              + (" ✱" if pd.notna(row.get("population_is_sample"))
                 and bool(row.get("population_is_sample")) else ""))
    c2.metric(t("county.metric.projects", lang), fmt_int(row["n_projects"], lang))
    c3.metric(t("county.metric.budget", lang), fmt_int(row["budget_total"], lang))
    c4.metric(t("county.metric.jobs", lang), fmt_int(row["jobs_total"], lang))
    layout.note(t("county.filter_note", lang)
                + (" " + t("county.filter_counties_note", lang) if flt.counties else ""))

    # --- ranks ----------------------------------------------------------------------------
    st.subheader(t("county.ranks_heading", lang))
    left, right = st.columns([3, 2], gap="large")
    sep = ctx.sep
    group_mark = t("measure.group_mark", lang)
    own_groups = [g for g in profile["group"] if g] if "group" in profile else []
    with left:
        if ranks.level is None:
            if ranks.grouped:  # only a larger unit's figure: not the county's own
                st.info(t("county.excluded_group", lang, mark=group_mark,
                          names=sep.join(t(f"measure.{n}", lang) for n in ranks.grouped),
                          group=group_label(own_groups[0] if own_groups else "GROUP:?",
                                            lang, names)))
            if ranks.missing:
                st.info(t("county.excluded", lang, names=sep.join(
                    t(f"measure.{n}", lang) for n in ranks.missing)))
        else:
            rank_rows = {
                t("county.col.method", lang): [t(f"county.method.{m}", lang) for m in ranks.ranks.index],
                t("county.col.method_rank", lang): [
                    t("county.rank_of", lang, rank=fmt_int(r, lang), n=fmt_int(ranks.n_counties, lang))
                    for r in ranks.ranks["rank"]],
            }
            frame = pd.DataFrame(rank_rows)
            frame = frame[list(frame.columns)[::-1]] if lang == "fa" else frame
            st.dataframe(frame, hide_index=True, width="stretch",
                         column_config=tables.text_columns(frame, lang))
            layout.note(t("county.level_note", lang, level=t(f"level.{ranks.level}", lang),
                          best=fmt_int(ranks.best, lang), worst=fmt_int(ranks.worst, lang)))
        if ranks.left_out:  # who the ranks leave out, and why (▣: a larger unit's figure)
            layout.note(t("county.ranks_left_out", lang, n=fmt_int(ranks.n_counties, lang),
                          k=fmt_int(len(ranks.left_out), lang), names=sep.join(
                              names[c] + (f" {group_mark}" if c in ranks.left_out_grouped
                                          else "") for c in ranks.left_out)))
            if ranks.left_out_grouped:
                layout.note(t("measure.group_legend", lang, mark=group_mark))
    with right:
        st.metric(t("county.metric.level", lang),
                  t(f"level.{ranks.level}", lang) + (" ✱" if ranks.sample_indicators else "")
                  if ranks.level else "—")
        layout.note(t("county.ranks_spec", lang))
        if ranks.sample_indicators:
            st.markdown('<span class="pishran-sample">' + t("county.ranks_sample", lang, names=sep.join(
                t(f"measure.{n}", lang) for n in ranks.sample_indicators)) + "</span>",
                unsafe_allow_html=True)

    # --- indicators against the province -------------------------------------------------
    st.subheader(t("county.indicators_heading", lang))
    chart_title = t("county.chart_title", lang, name=names[code])
    st.plotly_chart(indicator_chart(profile, names[code], lang), width="stretch",
                    config=plotly_config(chart_title, lang))
    chart_downloads(indicator_chart(profile, names[code], lang), chart_title, lang, key="county_indicators")
    indicator_table = profile_display(profile, lang)
    st.dataframe(indicator_table, hide_index=True, width="stretch",
                 column_config=tables.profile_columns(lang))
    table_downloads(indicator_table[list(indicator_table.columns)[::-1]] if lang == "fa" else indicator_table,
                    chart_title, lang, key="county_indicators")  # in reading order (the grid shows fa reversed)
    layout.note(t("county.indicators_note", lang))
    grouped = profile[profile["is_group"]]
    if len(grouped):  # this county shows a larger unit's figure: say whose
        layout.note(t("county.profile_group", lang, mark=group_mark, name=names[code],
                      indicators=sep.join(t(f"measure.{n}", lang) for n in grouped["indicator"]),
                      group=group_label(str(grouped["group"].iloc[0]), lang, names)))
    ranked_without = profile[~profile["is_group"] & profile["left_out"].map(len).astype(bool)]
    # ranked among fewer counties: name the ones left out (one note per set left out)
    for (left_out, groups, n_ranked), rows in ranked_without.groupby(
            ["left_out", "left_out_groups", "n_ranked"], sort=False):
        layout.note(t("county.profile_left_out", lang, mark=group_mark,
                      indicators=sep.join(t(f"measure.{n}", lang) for n in rows["indicator"]),
                      n=fmt_int(n_ranked, lang), left_out=sep.join(names[c] for c in left_out),
                      group=sep.join(group_label(g, lang, names) for g in groups)))

    # --- projects -------------------------------------------------------------------------
    st.subheader(t("county.projects_heading", lang))
    own = own_flt.apply(ds.projects, ds.counties)
    own = own[own["county_code"] == code]
    if own.empty:
        st.info(t("county.no_projects", lang))
    else:
        # the grid shows the columns that fit a 1280 px screen; the files have every registry column
        shown = explorer_display(explorer_table(own, ds.counties, lang), lang, COUNTY_COLUMNS)
        columns = tables.explorer_columns(lang)
        st.dataframe(shown.data, hide_index=True, column_order=shown.column_order, width="stretch",
                     column_config=layout.fit_widths(columns, shown.column_order, "title"))
        table_downloads(registry_download(own, ds.counties, lang),
                        t("county.projects_heading", lang) + " " + names[code], lang,
                        key="county_projects")
        st.page_link("pages/projects.py", label=t("county.open_project", lang),
                      query_params=state.link_params(replace(flt, counties=(code,))))

    county_shortlist(ds, code, lang, key="county")  # the recorded shortlist (issue 15)

    # --- overdue and open items, and the governor's printable list (whole county) --------
    status = data.followup_status(ds)
    overdue = status.overdue(code)
    st.subheader(t("overdue.county_heading", lang, n=fmt_int(len(overdue), lang)))
    if overdue.empty:
        layout.note(t("overdue.none", lang))
    else:
        listed = list_table(overdue, lang)
        st.dataframe(listed[list(listed.columns)[::-1]] if lang == "fa" else listed,
                     hide_index=True, width="stretch")
    layout.note(t("overdue.note", lang, days=fmt_int(status.days, lang)))
    governor_list_download(status, code, names[code], lang)

    # --- the follow-up history of the county's projects (the store's log, newest first) ----
    store = data.store()
    if store is not None:
        county_projects = ds.projects[ds.projects["county_code"] == code]
        log = store.followups_frame()
        log = log[log["project_id"].isin(list(county_projects["project_id"]))]
        st.subheader(t("county.followups_heading", lang, n=fmt_int(len(log), lang)))
        if log.empty:
            layout.note(t("county.followups_empty", lang))
        else:
            title_col = "title_fa" if lang == "fa" else "title_en"
            titles = dict(zip(county_projects["project_id"].astype(str),
                              county_projects[title_col].fillna(county_projects["title_fa"])
                              .map(persian_text)))
            shown_log = followup_log_display(log, lang, titles)
            st.dataframe(shown_log, hide_index=True, width="stretch",
                         column_config=tables.text_columns(shown_log, lang))

    # --- the map --------------------------------------------------------------------------
    st.subheader(t("county.map_heading", lang))
    geometry = data.province_geometry()
    # the county's development assets (data/places.csv) on the map, each at its own point
    own_places = ds.places[ds.places["county_code"].fillna("").astype(str) == code]
    locator = county_locator(panel, code, geometry, lang)
    if geometry is not None and not own_places.empty:
        add_places_layer(locator, own_places, names, lang)
    st.plotly_chart(locator, width="stretch", config=plotly_config(names[code], lang))
    chart_downloads(locator, names[code], lang, key="county_map")
    layout.note(t("county.map_note", lang))
    if geometry is None:
        st.info(t("geo.missing", lang))

    # --- development assets ---------------------------------------------------------------
    st.subheader(t("county.places_heading", lang, n=fmt_int(len(own_places), lang)))
    if own_places.empty:
        layout.note(t("county.no_places", lang))
    else:
        source = t("map.places.source", lang)
        assets = places_table(own_places, names, lang)
        if lang == "fa":  # the grid lays columns out left to right: name first from the right
            assets = assets[list(assets.columns)[::-1]]
        st.dataframe(assets, hide_index=True, width="stretch",
                     column_config={source: st.column_config.LinkColumn(
                         source, display_text=r"https?://(?:www\.)?([^/]+).*")})
        placed, _ = places_with_coordinates(own_places)
        n_town = int((placed["coord_quality"].fillna("").astype(str).str.lower() != "exact").sum()
                     if "coord_quality" in placed else len(placed))
        if n_town:
            layout.note(t("county.places_town_note", lang, n=fmt_int(n_town, lang)))

    state.sync_url({"county": code})
