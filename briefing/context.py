"""The view context: the tables every briefing view draws from, computed once.

:func:`build_context` filters and aggregates through the analytics entry points
(``build_panel``, ``panel_balance`` and, with a scenario, ``scenario_report``) so that the
views in :mod:`briefing.views` and the tables in :mod:`briefing.tables` never do; the app,
``pishran export chart`` and the briefing deck all draw from the same context.

The data is the store's current version (:func:`current_dataset`: what the app shows,
follow-ups applied; an empty store is seeded with the embedded data first), so a
report, a deck or a chart made on the command line never contradicts the app.  Tests
pass a :class:`~store.loading.Dataset` in instead.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from analytics.filters import ProjectFilter
from analytics.measures import PanelBalance, panel_balance
from analytics.panel import build_panel, panel_totals
from core.counties import county_names
from store.loading import Dataset

__all__ = ["StoreUnavailableError", "ViewContext", "build_context", "current_dataset"]


@dataclass(frozen=True)
class ViewContext:
    """Everything the views draw from, computed once."""

    dataset: Dataset
    flt: ProjectFilter
    panel: pd.DataFrame
    totals: pd.DataFrame
    balance: PanelBalance
    geometry: Any = None
    scenario_name: str | None = None
    scenario: dict | None = None  # analytics.scenario.compare.scenario_report(...) output
    extra: dict = field(default_factory=dict)

    def names(self, lang: str) -> dict[str, str]:
        return county_names(self.panel, lang)


class StoreUnavailableError(RuntimeError):
    """The store cannot be opened or read: nothing is made from other data instead."""


def current_dataset(url: str | None = None) -> Dataset:
    """The store's current version with the follow-ups applied — what the app shows
    (:meth:`store.db.Store.current_dataset`; an empty store is seeded with the embedded
    data first).  ``url``: default ``PISHRAN_DATABASE_URL``.  Raises
    :class:`StoreUnavailableError` (never falls back to the embedded files, which would
    let a scheduled report contradict the app)."""
    from sqlalchemy.exc import SQLAlchemyError

    from store.db import open_store

    try:
        with open_store(url) as store:
            return store.current_dataset()
    except (SQLAlchemyError, OSError) as err:
        raise StoreUnavailableError(f"cannot read the store: {err}") from err


def _geometry(dataset: Dataset):
    from geo.cache import geometry_or_none

    return geometry_or_none(counties_df=dataset.counties)


def build_context(scenario: str | dict | None = None, flt: ProjectFilter | None = None,
                  dataset: Dataset | None = None, geometry: Any = "load",
                  measure: str = "budget_total") -> ViewContext:
    """The context for ``flt`` (default: everything) and an optional scenario (a saved
    name, a file path, or a scenario dict).  ``dataset``: default :func:`current_dataset`
    (the store's current version)."""
    dataset = current_dataset() if dataset is None else dataset
    flt = flt or ProjectFilter()
    panel = build_panel(flt.apply(dataset.projects), dataset.indicators, dataset.counties)
    report, name = None, None
    if scenario is not None:
        from analytics.scenario import scenario_report
        from store.scenarios import load_scenario

        if isinstance(scenario, str):
            given = scenario
            scenario = load_scenario(given, dataset)
            # the scenario's own name; a file without one by its stem, never its path
            name = scenario.name or Path(given).stem
        elif isinstance(scenario, dict):
            name = scenario.get("name") or None
        report = scenario_report(dataset, scenario, flt, measure)
    return ViewContext(
        dataset=dataset, flt=flt, panel=panel, totals=panel_totals(panel),
        balance=panel_balance(panel, measure),
        geometry=_geometry(dataset) if geometry == "load" else geometry,
        scenario_name=name, scenario=report,
    )
