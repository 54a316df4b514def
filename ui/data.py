"""Cached access to the data pipeline (store → dataset → filter → panel → measures).

The dataset comes from the store (:func:`store.shared_store`): the current
version with the follow-ups applied.  The store reads the current version id on every
call and caches by it, so an import made by another process is seen on the next rerun.
When the store cannot be opened, the embedded files are used (with a warning).
"""

from __future__ import annotations

import json
import logging
import threading
import uuid

import pandas as pd
import streamlit as st

from analytics.filters import ProjectFilter
from analytics.panel import build_panel, panel_totals
from store.loading import Dataset, load_dataset

log = logging.getLogger(__name__)


def store():
    """The process's store, or ``None`` when it cannot be opened."""
    from store import shared_store

    try:
        return shared_store()
    except Exception:  # noqa: BLE001 - any failure to open → read-only embedded data
        log.exception("cannot open the store; falling back to the embedded data")
        return None


@st.cache_resource(show_spinner=False)
def _embedded() -> Dataset:
    return load_dataset()


def dataset() -> Dataset:
    """The store's current dataset (follow-ups applied); the embedded data with a warning
    when the store is unavailable."""
    s = store()
    if s is not None:
        try:
            return s.current_dataset()
        except Exception:  # noqa: BLE001
            log.exception("cannot read the store; falling back to the embedded data")
    from i18n import t
    from ui import state

    st.warning(t("data_page.store_unavailable", state.lang()))
    return _embedded()


# A token per dataset object for the caches below: the store returns the same object
# while the version and the follow-ups are unchanged, and a new one otherwise.  The map
# holds the datasets, so an id is never reused while its token is known.
_TOKENS: dict[int, tuple[Dataset, str]] = {}
_TOKENS_LOCK = threading.Lock()


def dataset_token(ds: Dataset) -> str:
    with _TOKENS_LOCK:
        entry = _TOKENS.get(id(ds))
        if entry is None or entry[0] is not ds:
            if len(_TOKENS) >= 8:
                _TOKENS.clear()
            entry = (ds, f"{ds.version}:{uuid.uuid4().hex}")
            _TOKENS[id(ds)] = entry
        return entry[1]


def _by_token(token: str) -> Dataset:
    with _TOKENS_LOCK:
        for ds, known in _TOKENS.values():
            if known == token:
                return ds
    return dataset()


@st.cache_data(show_spinner=False, max_entries=64)
def _panel(filter_json: str, year: int | None,
           token: str = "") -> tuple[pd.DataFrame, pd.DataFrame]:
    ds = _by_token(token)
    flt, _ = ProjectFilter.from_dict(json.loads(filter_json), tuple(ds.counties["code"]))
    projects = flt.apply(ds.projects, ds.counties)
    panel = build_panel(projects, ds.indicators, ds.counties, year=year)
    return panel, panel_totals(panel)


def panel(flt: ProjectFilter, year: int | None = None, ds: Dataset | None = None
          ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(county panel, province/rest totals) for a filter; cached by its JSON form and the
    dataset (``ds``, the current one by default — pass it when the page already holds it:
    asking the store costs a query)."""
    ds = dataset() if ds is None else ds
    return _panel(json.dumps(flt.to_dict(), sort_keys=True), year, dataset_token(ds))


@st.cache_resource(show_spinner=False)
def province_geometry():
    """The simplified county boundaries, or ``None`` when no boundary file is configured."""
    from geo.cache import geometry_or_none

    return geometry_or_none(counties_df=dataset().counties)


def followup_status(ds: Dataset | None = None):
    """Overdue and open items of ``ds`` (default: the current dataset) with the store's
    follow-up log (:func:`analytics.followup_status.followup_status`, today, the
    ``PISHRAN_STALE_DAYS`` limit)."""
    from analytics.followup_status import followup_status as compute

    ds = ds or dataset()
    st_ = store()
    return compute(ds.projects, st_.followups_frame() if st_ is not None else None,
                   counties=list(ds.counties["code"]))
