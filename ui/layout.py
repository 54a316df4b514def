"""Page chrome: right-to-left CSS, the language switch, the shared filter sidebar."""

from __future__ import annotations

import html

import streamlit as st

from analytics.counties import county_names
from analytics.filters import PROVENANCE_CHOICES, ProjectFilter
from analytics.schema import FUNDING_SOURCES, SECTORS, STATUSES
from i18n import fmt_int, t
from ui import state

_RTL_CSS = """
<style>
.stApp, [data-testid="stSidebar"], [data-testid="stMain"] { direction: rtl; text-align: right; }
[data-testid="stPlotlyChart"], .js-plotly-plot, [data-testid="stDataFrame"],
[data-testid="stDataFrameResizable"] { direction: ltr; text-align: left; }
[data-testid="stMetricValue"], [data-testid="stMetricLabel"] { direction: rtl; }
[data-testid="stSidebarNav"] a { direction: rtl; }
.pishran-note { color: #4b5563; font-size: 0.9rem; }
.pishran-sample { color: #b45309; font-weight: 600; }
</style>
"""
_LTR_CSS = """
<style>
.pishran-note { color: #4b5563; font-size: 0.9rem; }
.pishran-sample { color: #b45309; font-weight: 600; }
</style>
"""


def chrome() -> str:
    """Inject the CSS for the current language and draw the language switch; returns lang."""
    lang = state.lang()
    st.html(_RTL_CSS if lang == "fa" else _LTR_CSS)
    with st.sidebar:
        choice = st.radio(
            t("app.language", lang), ["fa", "en"], index=0 if lang == "fa" else 1,
            format_func=lambda code: t(f"lang.{code}", lang), horizontal=True, key="lang_radio",
        )
        if choice != lang:
            state.set_lang(choice)
            st.rerun()
    st.session_state["_notice_slot"] = st.container()
    show_notices()
    return lang


def show_notices() -> None:
    """Warn about rejected link parameters (at the top of the page, via the slot
    ``chrome`` reserved, so notices raised later in the page still show there)."""
    notices = state.pop_notices()
    slot = st.session_state.get("_notice_slot")
    for param in notices:
        (slot or st).warning(t("url.rejected", state.lang(), param=param))


def note(text: str) -> None:
    """A muted note; the text is escaped (it may contain data)."""
    st.markdown(f'<div class="pishran-note">{html.escape(text)}</div>', unsafe_allow_html=True)


def filter_sidebar(counties, lang: str) -> ProjectFilter:
    """The shared project filter in the sidebar; the chosen values live in session state."""
    codes = tuple(counties["code"])
    names = county_names(counties, lang)
    current = state.project_filter(codes)
    with st.sidebar:
        st.subheader(t("filter.title", lang))
        text = st.text_input(t("filter.text", lang), value=current.text, max_chars=200,
                             type="search", placeholder="", icon="")
        sel_counties = st.multiselect(t("filter.counties", lang), codes, default=list(current.counties),
                                      format_func=names.get, placeholder=t("common.all", lang))
        sel_sectors = st.multiselect(t("filter.sectors", lang), SECTORS,
                                     default=list(current.sectors),
                                     format_func=lambda s: t(f"sector.{s}", lang),
                                     placeholder=t("common.all", lang))
        sel_status = st.multiselect(t("filter.statuses", lang), STATUSES,
                                    default=list(current.statuses),
                                    format_func=lambda s: t(f"status.{s}", lang),
                                    placeholder=t("common.all", lang))
        sel_funding = st.multiselect(t("filter.funding", lang), FUNDING_SOURCES,
                                     default=list(current.funding_sources),
                                     format_func=lambda s: t(f"funding.{s}", lang),
                                     placeholder=t("common.all", lang))
        years = list(range(1395, 1416))
        lo, hi = st.select_slider(
            t("filter.years", lang), options=years,
            value=(current.year_from or years[0], current.year_to or years[-1]),
            format_func=lambda y: fmt_int(y, lang).replace("٬", "").replace(",", ""),
        )
        provenance = st.radio(t("filter.provenance", lang), PROVENANCE_CHOICES,
                              index=PROVENANCE_CHOICES.index(current.provenance),
                              format_func=lambda p: t(f"filter.provenance.{p}", lang))
    new = ProjectFilter(
        counties=tuple(sel_counties), sectors=tuple(sel_sectors), statuses=tuple(sel_status),
        funding_sources=tuple(sel_funding),
        year_from=None if lo == years[0] else lo, year_to=None if hi == years[-1] else hi,
        provenance=provenance, text=(text or "").strip(),
    )
    if new != current:
        state.set_project_filter(new)
    return new
