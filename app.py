"""Pishran (پیشران) — Streamlit entry point: navigation, language, right-to-left chrome.

Run with ``pishran run`` (or ``streamlit run app.py``).  Pages live in ``pages/``;
computation lives in ``analytics/`` and ``geo/``.
"""

from __future__ import annotations

import streamlit as st

from i18n import t
from ui import layout, state
from ui.errors import guarded

# Streamlit's own table toolbar "Download as CSV" writes raw cells (=HYPERLINK(…) …): off,
# whatever config the app is started with; every table has the app's neutralised downloads
st.set_option("client.disableDataExport", True)
st.set_page_config(page_title="پیشران | Pishran", page_icon="static/favicon.png",
                   layout="wide", initial_sidebar_state="expanded")

lang = state.lang()
# (path, title key, url path).  No icons: Streamlit's Material icon font is not served
# offline, so icon names would show as words.
PAGES = [
    ("pages/overview.py", "nav.overview", "overview"),
    ("pages/map.py", "nav.map", "map"),
    ("pages/balance.py", "nav.balance", "balance"),
    ("pages/ranking.py", "nav.ranking", "ranking"),
    ("pages/priorities.py", "nav.priorities", "priorities"),
    ("pages/labour.py", "nav.labour", "labour"),
    ("pages/scenario.py", "nav.scenario", "scenario"),
    ("pages/projects.py", "nav.projects", "projects"),
    ("pages/county.py", "nav.county", "county"),
    ("pages/briefing.py", "nav.briefing", "briefing"),
    ("pages/data.py", "nav.data", "data"),
]
pages = [
    st.Page(path, title=t(key, lang), url_path=url, default=(url == "overview"))
    for path, key, url in PAGES
]
# Start with `pishran run`: it tells Streamlit this is a st.navigation app (see pishran/cli.py).
current = st.navigation(pages)
layout.chrome()
guarded(current.run)  # a failure shows an incident id, never a traceback (ui/errors.py)
