"""Pishran (پیشران) — Streamlit entry point: navigation, language, right-to-left chrome.

Run with ``pishran run`` (or ``streamlit run app.py``).  Pages live in ``pages/``;
computation lives in ``analytics/`` and ``geo/``.
"""

from __future__ import annotations

import streamlit as st

from i18n import t
from ui import layout, state

st.set_page_config(page_title="پیشران | Pishran", page_icon="static/favicon.png",
                   layout="wide", initial_sidebar_state="expanded")

lang = state.lang()
PAGES = [
    ("pages/overview.py", "nav.overview", "overview", ":material/dashboard:"),
    ("pages/map.py", "nav.map", "map", ":material/map:"),
    ("pages/balance.py", "nav.balance", "balance", ":material/balance:"),
    ("pages/ranking.py", "nav.ranking", "ranking", ":material/leaderboard:"),
    ("pages/labour.py", "nav.labour", "labour", ":material/groups:"),
    ("pages/projects.py", "nav.projects", "projects", ":material/list_alt:"),
    ("pages/county.py", "nav.county", "county", ":material/location_city:"),
]
pages = [
    st.Page(path, title=t(key, lang), url_path=url, icon=icon, default=(url == "overview"))
    for path, key, url, icon in PAGES
]
# Start with `pishran run`: it tells Streamlit this is a st.navigation app (see pishran/cli.py).
current = st.navigation(pages)
layout.chrome()
current.run()
