"""Plotly figure builders and the one figure theme — Plotly only.

Charts and maps of every page take computed tables (from ``analytics/``, ``geo/``) and
return Plotly figures; :mod:`figures.theme` holds the font, colours, Persian ticks and
attribution.  No Streamlit and no table styling here (that is ``ui/``).
"""
