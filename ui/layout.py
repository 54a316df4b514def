"""Page chrome: right-to-left CSS, the language switch, the shared filter sidebar, table
widths that fit a 1280 px screen, and the file uploader's own text in the reading language."""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence

import streamlit as st

from analytics.filters import PROVENANCE_CHOICES, ProjectFilter
from core.counties import county_names
from core.schema import FUNDING_SOURCES, SECTORS, STATUSES
from i18n import fmt_int, t
from ui import state

# Both languages: notes, sample marks, narrower side padding on screens below 1500 px.
_COMMON_CSS = """
.pishran-note { color: #4b5563; font-size: 0.9rem; }
.pishran-sample { color: #b45309; font-weight: 600; }
@media (max-width: 1500px) {
  [data-testid="stMainBlockContainer"] { padding-left: 2rem; padding-right: 2rem; }
}
""" + """
[data-testid="stSliderTickBar"] { direction: ltr; }
html[data-pishran-rtl-locale] [data-testid="stSliderTickBar"] { direction: rtl; }
html[data-pishran-rtl-locale] [data-testid="stSlider"] [data-orientation="horizontal"]
  > [data-orientation="horizontal"] > div:first-child { transform: scaleX(-1); }
"""
# Sliders: Streamlit's slider (react-aria) places its thumbs by the *browser's* locale — from
# the right under a Persian (fa-IR) or other right-to-left locale — but draws the filled
# part of the track from the left whatever the locale, and lays its min/max labels out by
# the page's direction: on a Persian system the thumb of «۱۰٪» sat near the right end over
# a fill 10 % long from the left, and a year range's labels swapped ends.  The rules above
# put the labels in the thumbs' order and mirror the fill under a right-to-left locale
# (flagged on <html> by _LOCALE_JS).
_LOCALE_JS = """
<script>
(() => {
  const rtl = /^(ar|fa|he|iw|ur|ps|ckb|dv|yi|sd|ug)(-|_|$)/i.test(navigator.language || '');
  if (rtl) document.documentElement.setAttribute('data-pishran-rtl-locale', '');
  else document.documentElement.removeAttribute('data-pishran-rtl-locale');
})();
</script>
"""
# Persian: the page right to left, charts and data grids left to right.
_RTL_CSS = """<style>
.stApp, [data-testid="stSidebar"], [data-testid="stMain"] { direction: rtl; text-align: right; }
[data-testid="stPlotlyChart"], .js-plotly-plot, [data-testid="stDataFrame"],
[data-testid="stDataFrameResizable"] { direction: ltr; text-align: left; }
[data-testid="stMetricValue"], [data-testid="stMetricLabel"] { direction: rtl; }
[data-testid="stSidebarNav"] a { direction: rtl; }
""" + _COMMON_CSS + "</style>"
_LTR_CSS = "<style>" + _COMMON_CSS + "</style>"
# st.dataframe's grid runs left to right and opens at its left end: in Persian a table
# wider than the page would open showing its last columns and hide the first ones (on
# the right).  This scrolls each newly drawn, overflowing grid to its right end once,
# while the page is right-to-left.  A constant script: no data goes into it.
_RTL_GRID_JS = """
<script>
(() => {
  if (window.__pishranRtlGrids) return;
  window.__pishranRtlGrids = true;
  const done = new WeakSet();
  const rtl = () => {
    const main = document.querySelector('[data-testid="stMain"]');
    return main !== null && getComputedStyle(main).direction === 'rtl';
  };
  const fix = () => {
    if (!rtl()) return;
    document.querySelectorAll('[data-testid="stDataFrame"] .dvn-scroller').forEach((s) => {
      if (done.has(s) || s.clientWidth === 0 || !s.closest('[data-testid="stDataFrame"]')
          .querySelector('canvas')) return;
      if (s.scrollWidth > s.clientWidth + 1) {
        s.scrollLeft = s.scrollWidth;
        done.add(s);
      }
    });
  };
  new MutationObserver(fix).observe(document.body, {childList: true, subtree: true});
  window.addEventListener('resize', fix);
  fix();
})();
</script>
"""

#: Pixels a table may take to fit a 1280 px wide screen with the sidebar open (the main
#: column is ≈ 916 px there with the narrow-screen padding above; 1366 px: ≈ 1000 px).
TABLE_BUDGET = 880


def chrome() -> str:
    """Inject the CSS for the current language and draw the language switch; returns lang."""
    lang = state.lang()
    if st.session_state.pop(state.LANG_SWITCHED, False):
        state.keep_widget_choices()  # before any widget of this run (see its doc)
    st.html(_RTL_CSS if lang == "fa" else _LTR_CSS)
    with st.sidebar:
        # Each language named in itself («فارسی», «English»): the labels — which Streamlit
        # sends back as the value — stay the same whichever language is shown.
        choice = st.radio(
            t("app.language", lang), ["fa", "en"],
            format_func=lambda code: t(f"lang.{code}", code), horizontal=True,
            key=state.seed("lang_radio", lang, options=("fa", "en")),
        )
        st.html(_LOCALE_JS, unsafe_allow_javascript=True, width=1)
        if lang == "fa":
            st.html(_RTL_GRID_JS, unsafe_allow_javascript=True, width=1)
        if choice != lang:
            state.switch_lang(choice)
    st.session_state[state.NOTICE_SLOT] = st.container()
    state.show_notices()
    return lang


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
                                      format_func=names.get, placeholder=t("common.all", lang),
                                      select_all=False)  # its bulk option is English only
        sel_sectors = st.multiselect(t("filter.sectors", lang), SECTORS,
                                     default=list(current.sectors),
                                     format_func=lambda s: t(f"sector.{s}", lang),
                                     placeholder=t("common.all", lang), select_all=False)
        sel_status = st.multiselect(t("filter.statuses", lang), STATUSES,
                                    default=list(current.statuses),
                                    format_func=lambda s: t(f"status.{s}", lang),
                                    placeholder=t("common.all", lang), select_all=False)
        sel_funding = st.multiselect(t("filter.funding", lang), FUNDING_SOURCES,
                                     default=list(current.funding_sources),
                                     format_func=lambda s: t(f"funding.{s}", lang),
                                     placeholder=t("common.all", lang), select_all=False)
        years = list(state.FILTER_YEARS)

        def on_slider(year: int | None, default: int) -> int:
            # a filter from a scenario file or the CLI may name any year 1300–1500
            return min(max(year, years[0]), years[-1]) if year is not None else default

        lo, hi = st.select_slider(
            t("filter.years", lang), options=years,
            value=tuple(sorted((on_slider(current.year_from, years[0]),
                                on_slider(current.year_to, years[-1])))),
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


def fit_widths(column_config: Mapping[str, dict], order: Sequence[str], grow: str,
               budget: int = TABLE_BUDGET, extra: int = 0) -> dict:
    """``column_config`` with the ``grow`` column widened so the columns in ``order``
    (fixed pixel widths) fill ``budget`` px; ``extra``: px used by the grid itself (e.g.
    the selection checkboxes, 36 px).  Unchanged when a shown column has no pixel width
    (it sizes to its content) or the columns already take the budget; never narrows."""
    config = dict(column_config)
    if grow not in order or grow not in config:
        return config
    widths = [config.get(c, {}).get("width") for c in order]
    if not all(isinstance(w, int) and not isinstance(w, bool) for w in widths):
        return config
    spare = budget - extra - sum(widths)
    if spare > 0:
        config[grow] = {**config[grow], "width": config[grow]["width"] + spare}
    return config


def table_width(column_config: Mapping[str, dict], order: Sequence[str], extra: int = 0
                ) -> int | None:
    """The pixel width of the columns in ``order`` (+ ``extra``), ``None`` when a column
    sizes to its content."""
    widths = [column_config.get(c, {}).get("width") for c in order]
    if not all(isinstance(w, int) and not isinstance(w, bool) for w in widths):
        return None
    return sum(widths) + extra


def _css_string(text: str) -> str:
    """``text`` as a quoted CSS string (escaped: no quote, backslash, newline or ``<``
    can end the string or the style element)."""
    out = []
    for ch in text:
        if ch in '"\\<>' or ord(ch) < 0x20:
            out.append(f"\\{ord(ch):x} ")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def uploader_css(lang: str, types: Sequence[str] = (), max_mb: int | None = None) -> str:
    """CSS replacing the file uploader's built-in English text (the button's «Upload»,
    «… per file • TYPES» and «Drag and drop a file here» while dragging) with the
    catalogue's text for ``lang``; Streamlit 1.67 has no option for these strings.
    The original words stay in the page (at zero size) for assistive technology."""
    if max_mb is None:
        max_mb = int(st.get_option("server.maxUploadSize"))
    kinds = ", ".join(str(x).lstrip(".").upper() for x in types)
    limit = t("data_page.uploader.limit", lang, size=fmt_int(max_mb, lang))
    instructions = limit + (f" • {kinds}" if kinds else "")
    zone = '[data-testid="stFileUploaderDropzone"]'
    texts = (
        (f'{zone} button [data-testid="stMarkdownContainer"] p', t("data_page.uploader.button", lang)),
        (f'{zone} [data-testid="stFileUploaderDropzoneInstructions"] span', instructions),
        (f"{zone} > div:not([data-testid]) > span", t("data_page.uploader.drop", lang)),
    )
    rules = [f"{sel} {{ font-size: 0 !important; }}\n"
             f"{sel}::after {{ content: {_css_string(text)}; font-size: {size}; }}"
             for (sel, text), size in zip(texts, ("0.875rem", "0.875rem", "1rem"))]
    return "<style>\n" + "\n".join(rules) + "\n</style>"


def localise_uploader(lang: str, types: Sequence[str] = (), max_mb: int | None = None) -> None:
    """Inject :func:`uploader_css` (call before ``st.file_uploader`` on the page)."""
    st.html(uploader_css(lang, types, max_mb))
