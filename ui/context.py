"""What every page reads first: the language, the current dataset, the shared project
filter (drawing it in the sidebar) and — when the page asks — the county panel for that
filter.  One place for the order of these steps, and the dataset is asked of the store
once per run."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import pandas as pd

from analytics.filters import ProjectFilter
from core.counties import county_names
from i18n import list_separator
from store.loading import Dataset
from ui import data, layout, state


@dataclass(frozen=True, eq=False)
class PageContext:
    """One run of a page: ``lang``, ``ds`` (the current dataset) and ``flt`` (the shared
    filter); the panel, its totals and the county names are computed on first use."""

    lang: str
    ds: Dataset
    flt: ProjectFilter

    @cached_property
    def _panel_and_totals(self) -> tuple[pd.DataFrame, pd.DataFrame]:
        return data.panel(self.flt, ds=self.ds)

    @property
    def panel(self) -> pd.DataFrame:
        """The county panel for the shared filter (:func:`ui.data.panel`)."""
        return self._panel_and_totals[0]

    @property
    def totals(self) -> pd.DataFrame:
        """Province and rest-of-province totals of :attr:`panel`."""
        return self._panel_and_totals[1]

    @cached_property
    def names(self) -> dict[str, str]:
        """County code → name in the page's language."""
        return county_names(self.ds.counties, self.lang)

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(self.ds.counties["code"])

    @property
    def centre(self) -> str:
        return self.ds.centre_code

    @property
    def sep(self) -> str:
        """The list separator of the language («، » or ", ")."""
        return list_separator(self.lang)


def page_context(with_filter: bool = True) -> PageContext:
    """Read the language and the dataset and draw the shared filter in the sidebar
    (``with_filter=False``: a page without it, such as data import)."""
    lang = state.lang()
    ds = data.dataset()
    flt = layout.filter_sidebar(ds.counties, lang) if with_filter else ProjectFilter()
    return PageContext(lang, ds, flt)
