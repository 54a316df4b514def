"""The Overview page: headline figures, a county map of a chosen measure, what is sample."""

from __future__ import annotations

import streamlit as st

from analytics.balance import centre_share
from analytics.panel import PANEL_MEASURES
from core import settings
from core.schema import STATUSES
from figures.county_map import county_map
from figures.theme import plotly_config
from i18n import fmt_int, fmt_percent, fmt_share_pair, join_list, t
from store import stale_projects
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
    store = data.store()
    stale_days = settings.stale_days()
    stale = set(stale_projects(ds, store.followups_frame() if store is not None else None,
                               None, stale_days)) & set(flt.apply(ds.projects)["project_id"])
    c4.metric(t("data_page.stale_metric", lang), fmt_int(len(stale), lang))
    c4.caption(t("store.followup.stale", lang, count=fmt_int(len(stale), lang),
                 days=fmt_int(stale_days, lang)))

    # --- the map --------------------------------------------------------------------
    st.subheader(t("overview.map_heading", lang))
    measures = list(PANEL_MEASURES)
    # A keyed widget seeded from the page choice (session, else the URL): an unkeyed widget
    # whose default changes between runs would lose the visitor's second choice.
    measure = st.selectbox(
        t("overview.measure", lang), measures,
        key=state.seed("overview_measure",
                       state.page_param("measure", "budget_per_capita", state.choice(measures))),
        format_func=lambda m: t(f"measure.{m}", lang))
    state.set_page_param("measure", measure)
    fig, sample_count = county_map(panel, measure, data.province_geometry(), lang,
                                   centre=ds.centre_code)
    title = t(f"measure.{measure}", lang)
    st.plotly_chart(fig, width="stretch", config=plotly_config(title, lang))
    chart_downloads(fig, title, lang, key="overview_map")
    if data.province_geometry() is None:
        st.info(t("geo.missing", lang))
    if sample_count:
        st.markdown(f'<span class="pishran-sample">{t("overview.sample_count", lang, n=fmt_int(sample_count, lang), total=fmt_int(len(panel), lang))}</span>',
                    unsafe_allow_html=True)

    # --- provenance -----------------------------------------------------------------
    with st.expander(t("overview.provenance_heading", lang), expanded=False):
        ind = ds.indicators
        shown = ind[ind["county_code"] != "PROVINCE"]
        summary = (shown.groupby(["indicator", "quality"]).size().unstack(fill_value=0)
                   .rename(columns=lambda q: t(f"quality.{q}", lang)))
        st.dataframe(summary, width="stretch")
        real = int((~ds.projects["is_sample"].astype(bool)).sum())
        layout.note(t("overview.projects_provenance", lang, real=fmt_int(real, lang),
                      sample=fmt_int(len(ds.projects) - real, lang)))
        layout.note(t("common.sample_legend", lang))

    state.sync_url({"measure": measure if measure != "budget_per_capita" else None})
