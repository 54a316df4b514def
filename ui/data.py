"""Cached access to the data pipeline (files → dataset → filter → panel → measures)."""

from __future__ import annotations

import json

import pandas as pd
import streamlit as st

from analytics.filters import ProjectFilter
from analytics.loading import Dataset, load_dataset
from analytics.panel import build_panel, panel_totals


@st.cache_resource(show_spinner=False)
def dataset() -> Dataset:
    """The validated embedded dataset (loaded once per process)."""
    return load_dataset()


@st.cache_data(show_spinner=False)
def _panel(filter_json: str, year: int | None) -> tuple[pd.DataFrame, pd.DataFrame]:
    ds = dataset()
    flt, _ = ProjectFilter.from_dict(json.loads(filter_json), tuple(ds.counties["code"]))
    projects = flt.apply(ds.projects)
    panel = build_panel(projects, ds.indicators, ds.counties, year=year)
    return panel, panel_totals(panel)


def panel(flt: ProjectFilter, year: int | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(county panel, province/rest totals) for a filter; cached by its JSON form."""
    return _panel(json.dumps(flt.to_dict(), sort_keys=True), year)


@st.cache_resource(show_spinner=False)
def province_geometry():
    """The simplified county boundaries, or ``None`` when no boundary file is configured."""
    from geo.boundaries import BoundaryFileError
    from geo.cache import load_province

    try:
        return load_province(counties_df=dataset().counties)
    except BoundaryFileError:
        return None
