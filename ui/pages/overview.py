"""The Overview page: headline figures, a county map of a chosen measure, what is sample."""

from __future__ import annotations

import streamlit as st

from analytics.balance import centre_share
from analytics.panel import PANEL_INDICATORS, PANEL_MEASURES
from analytics.provenance import MISSING, panel_groups, quality_counts
from core.schema import QUALITIES, STATUSES
from figures.county_map import county_map
from figures.theme import plotly_config
from i18n import fmt_int, fmt_percent, fmt_share_pair, has_key, join_list, localise_digits, t
from ui import data, layout, state
from ui.context import page_context
from ui.downloads import chart_downloads


def render() -> None:
    """Draw the Overview page (one run)."""
    ctx = page_context()
    lang, ds, flt, panel = ctx.lang, ctx.ds, ctx.flt, ctx.panel

    st.title(t("app.name", lang) + " — " + t("nav.overview", lang))
    layout.note(t("app.tagline", lang))

    # --- headline figures -----------------------------------------------------------
    st.subheader(t("overview.status_heading", lang, n=fmt_int(panel["n_projects"].sum(), lang)))
    cols = st.columns(len(STATUSES))
    for col, status in zip(cols, STATUSES):
        col.metric(t(f"status.{status}", lang), fmt_int(panel[f"n_{status}"].sum(), lang))

    st.subheader(t("overview.centre_heading", lang))
    c1, c2, c3, c4 = st.columns(4)
    for col, column in ((c1, "budget_total"), (c2, "jobs_total")):
        share = centre_share(panel[column], panel["population"], panel["is_centre"])
        col.metric(t(f"overview.centre.{column}", lang), fmt_percent(share.share_of_x, lang,
                                                                       is_fraction=True))
        col.caption(fmt_share_pair(share.share_of_population, share.share_of_x,
                                   t(f"measure.short.{column}", lang), lang))
    not_started = panel[panel["n_started"] == 0]
    names = not_started["name_fa" if lang == "fa" else "name_en"].tolist()
    c3.metric(t("overview.not_started", lang), fmt_int(len(names), lang))
    if names:
        layout.note(t("overview.not_started_list", lang, names=join_list(names, lang)))
    # projects of the filter without a follow-up for more than PISHRAN_STALE_DAYS (or never)
    # (one computation of the follow-up state serves this count and the overdue section)
    status = data.followup_status(ds)
    rows = status.projects[status.projects["project_id"].isin(flt.apply(ds.projects, ds.counties)["project_id"])]
    stale_days = status.days
    stale = set(rows.loc[rows["is_stale"], "project_id"])
    c4.metric(t("data_page.stale_metric", lang), fmt_int(len(stale), lang))
    c4.caption(t("store.followup.stale", lang, count=fmt_int(len(stale), lang),
                 days=fmt_int(stale_days, lang)))

    # --- overdue and open items (the filter's projects), the worst county linked ----------
    st.subheader(t("overdue.heading", lang))
    o1, o2, o3, o4 = st.columns(4)
    o1.metric(t("overdue.metric.overdue", lang), fmt_int(int(rows["is_overdue"].sum()), lang))
    o2.metric(t("overdue.metric.stale", lang, days=fmt_int(status.days, lang)),
              fmt_int(int(rows["is_stale"].sum()), lang))
    o3.metric(t("overdue.metric.missed", lang), fmt_int(int(rows["missed_end"].sum()), lang))
    o4.metric(t("overdue.metric.blocked", lang), fmt_int(int(rows["has_blocker"].sum()), lang))
    worst = rows[rows["is_overdue"]]["county_code"].value_counts().head(3)
    county_names = ds.counties.set_index("code")["name_fa" if lang == "fa" else "name_en"]
    if len(worst):
        layout.note(t("overdue.worst", lang, names=join_list(
            (f"{county_names[c]} ({fmt_int(n, lang)})" for c, n in worst.items()), lang)))
        st.page_link("pages/county.py", label=t("overdue.open_county", lang,
                                                name=county_names[worst.index[0]]),
                     query_params=state.link_params(flt, {"county": worst.index[0]}))
    layout.note(t("overdue.note", lang, days=fmt_int(status.days, lang)))

    # --- the map --------------------------------------------------------------------
    st.subheader(t("overview.map_heading", lang))
    measures = list(PANEL_MEASURES)
    # A keyed widget seeded from the page choice (session, else the URL): an unkeyed widget
    # whose default changes between runs would lose the visitor's second choice.
    measure = st.selectbox(
        t("overview.measure", lang), measures,
        key=state.seed("overview_measure",
                       state.page_param("measure", "budget_per_capita", state.choice(measures))),
        format_func=lambda m: t(f"measure.{m}", lang), placeholder=t("common.choose", lang))
    state.set_page_param("measure", measure)
    groups = panel_groups(ds.indicators, panel, PANEL_INDICATORS).get(measure)
    fig, sample_count = county_map(panel, measure, data.province_geometry(), lang,
                                   centre=ds.centre_code, groups=groups)
    title = t(f"measure.{measure}", lang)
    st.plotly_chart(fig, width="stretch", config=plotly_config(title, lang))
    chart_downloads(fig, title, lang, key="overview_map")
    if data.province_geometry() is None:
        st.info(t("geo.missing", lang))
    if sample_count:
        st.markdown(f'<span class="pishran-sample">{t("overview.sample_count", lang, n=fmt_int(sample_count, lang), total=fmt_int(len(panel), lang))}</span>',
                    unsafe_allow_html=True)
    if groups is not None and len(groups):
        layout.note(t("map.group_count", lang, n=fmt_int(len(groups), lang)))

    # --- provenance -----------------------------------------------------------------
    with st.expander(t("overview.provenance_heading", lang), expanded=False):
        # counted from the data: the county values of each indicator the panel uses, per year
        counts = quality_counts(ds.indicators, PANEL_INDICATORS, list(ds.counties["code"]))
        st.dataframe(_provenance_table(counts, lang), hide_index=True, width="stretch")
        layout.note(t("overview.provenance_note", lang, n=fmt_int(len(ds.counties), lang)))
        every = quality_counts(ds.indicators, by_year=False).sum()
        layout.note(t("overview.provenance_all", lang, counts=join_list(
            (f"{t(f'quality.{q}', lang)} {fmt_int(every[q], lang)}" for q in QUALITIES
             if every[q]), lang)))
        real = int((~ds.projects["is_sample"].astype(bool)).sum())
        layout.note(t("overview.projects_provenance", lang, real=fmt_int(real, lang),
                      sample=fmt_int(len(ds.projects) - real, lang)))
        layout.note(t("common.sample_legend", lang))

    state.sync_url({"measure": measure if measure != "budget_per_capita" else None})


def _provenance_table(counts, lang: str):
    """The per-indicator quality counts for display: indicator, year, one column per quality
    and «no value», in reading order (right to left for ``fa``)."""
    import pandas as pd

    rows = []
    for (name, year), line in counts.iterrows():
        label = t(f"measure.{name}", lang) if has_key(f"measure.{name}") else name
        row = {t("overview.col.indicator", lang): label,
               t("overview.col.year", lang): "—" if pd.isna(year)
               else localise_digits(str(int(year)), lang)}
        for q in QUALITIES:
            row[t(f"quality.{q}", lang)] = fmt_int(line[q], lang)
        row[t("overview.col.missing", lang)] = fmt_int(line[MISSING], lang)
        rows.append(row)
    frame = pd.DataFrame(rows)
    return frame[list(frame.columns)[::-1]] if lang == "fa" else frame
