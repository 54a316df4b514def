"""The one filter of the project registry, shared by every page, the CLI and scenarios.

A :class:`ProjectFilter` is plain data (tuples, ints, strings): it round-trips through
``to_dict``/``from_dict`` (JSON-safe, for URLs and scenario files) and its
``from_dict`` validates against an allow-list, dropping what it does not know.

This module is the one definition of what a filter means: the pages and the CLI call
:meth:`ProjectFilter.mask`/``apply``; the scenario engine's fast path evaluates the
same enumerated conditions (:meth:`ProjectFilter.conditions`) on integer codes and
hands the rest to ``mask``; the CLI checks its year options with :func:`is_filter_year`.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

import numpy as np
import pandas as pd

from core.schema import FUNDING_SOURCES, SECTORS, STATUSES
from core.text import normalise_text

__all__ = ["ProjectFilter", "PROVENANCE_CHOICES", "YEAR_MAX", "YEAR_MIN", "is_filter_year",
           "search_text"]

PROVENANCE_CHOICES = ("all", "sourced", "sample")
#: The Jalali years a filter's ``year_from``/``year_to`` may take.
YEAR_MIN, YEAR_MAX = 1300, 1500
_TEXT_COLUMNS = ("project_id", "title_fa", "title_en", "agency_fa", "followup_officer")
#: The enumerated conditions: filter field → the registry column it chooses values of.
_ENUMERATED = (("counties", "county_code"), ("sectors", "sector"), ("statuses", "status"),
               ("funding_sources", "funding_source"))


def is_filter_year(value: object) -> bool:
    """Whether ``value`` may be a filter's ``year_from``/``year_to``: a whole Jalali year
    in :data:`YEAR_MIN`–:data:`YEAR_MAX`."""
    return isinstance(value, int) and YEAR_MIN <= value <= YEAR_MAX


def search_text(projects: pd.DataFrame) -> pd.Series:
    """The normalised, lower-case haystack of each project for free-text search."""
    parts = [projects[c].astype("string").fillna("") for c in _TEXT_COLUMNS if c in projects]
    joined = parts[0].str.cat(parts[1:], sep=" ") if parts else pd.Series("", index=projects.index)
    return joined.map(normalise_text).str.lower().str.replace("\u200c", " ", regex=False)


def _year(series: pd.Series) -> pd.Series:
    return pd.to_numeric(series.astype("string").str.slice(0, 4), errors="coerce")


@dataclass(frozen=True)
class ProjectFilter:
    """Which projects to keep.  Empty tuples mean "all".

    ``year_from``/``year_to`` are Jalali years: a project is kept when its planned
    period (planned_start … planned_end) overlaps the range; a project with no
    planned dates is kept only when no year range is set.  ``provenance`` keeps
    ``all`` projects, only ``sourced`` (reported, ``is_sample`` false) or only ``sample``.
    ``text`` is matched, normalised, against id, titles, agency and officer.
    """

    counties: tuple[str, ...] = ()
    sectors: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    funding_sources: tuple[str, ...] = ()
    year_from: int | None = None
    year_to: int | None = None
    provenance: str = "all"
    text: str = ""

    def is_empty(self) -> bool:
        return self == ProjectFilter()

    def conditions(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """The enumerated conditions that are set, as (registry column, chosen values): a
        row passes one when its value is among the chosen (missing never passes)."""
        return tuple((column, getattr(self, name)) for name, column in _ENUMERATED
                     if getattr(self, name))

    def only_enumerated(self) -> bool:
        """True when no year range, provenance or text is set: :meth:`mask` is then exactly
        the conjunction of :meth:`conditions`."""
        return (self.year_from is None and self.year_to is None and self.provenance == "all"
                and not self.text)

    def columns(self) -> tuple[str, ...]:
        """The registry columns :meth:`mask` reads for this filter (``project_id`` always)."""
        wanted = ["project_id", *(column for column, _ in self.conditions())]
        if self.year_from is not None or self.year_to is not None:
            wanted += ["planned_start", "planned_end"]
        if self.provenance != "all":
            wanted.append("is_sample")
        if self.text:
            wanted += [c for c in _TEXT_COLUMNS if c not in wanted]
        return tuple(wanted)

    def mask(self, projects: pd.DataFrame) -> np.ndarray:
        """Boolean mask of the kept rows (vectorised)."""
        keep = np.ones(len(projects), dtype=bool)
        for column, chosen in self.conditions():
            keep &= projects[column].isin(chosen).to_numpy()
        if self.year_from is not None or self.year_to is not None:
            start = _year(projects["planned_start"])
            end = _year(projects["planned_end"]).fillna(start)
            lo = self.year_from if self.year_from is not None else -np.inf
            hi = self.year_to if self.year_to is not None else np.inf
            keep &= ((start <= hi) & (end >= lo)).fillna(False).to_numpy(dtype=bool)
        if self.provenance == "sourced":
            keep &= ~projects["is_sample"].astype(bool).to_numpy()
        elif self.provenance == "sample":
            keep &= projects["is_sample"].astype(bool).to_numpy()
        needle = normalise_text(self.text).lower().replace("\u200c", " ")
        if needle:
            keep &= search_text(projects).str.contains(needle, regex=False).to_numpy()
        return keep

    def apply(self, projects: pd.DataFrame) -> pd.DataFrame:
        """The kept projects (a new frame; the input is never changed)."""
        if self.is_empty():
            return projects.copy()
        return projects.loc[self.mask(projects)].copy()

    def to_dict(self) -> dict:
        """JSON-safe dict with only the non-default fields."""
        default = ProjectFilter()
        out = {}
        for key, value in asdict(self).items():
            if value == getattr(default, key):
                continue
            out[key] = list(value) if isinstance(value, tuple) else value
        return out

    @classmethod
    def from_dict(cls, data: object, known_counties: tuple[str, ...] | None = None
                  ) -> tuple[ProjectFilter, list[str]]:
        """Build a filter from untrusted plain data; returns (filter, rejected keys/values).

        Only known keys and allowed values are kept; anything else is reported, never raised.
        """
        rejected: list[str] = []
        if not isinstance(data, dict):
            return cls(), ["filter"]
        allowed = {"sectors": SECTORS, "statuses": STATUSES, "funding_sources": FUNDING_SOURCES,
                   "counties": known_counties}
        kwargs: dict = {}
        for key, value in data.items():
            if key in allowed:
                values = value if isinstance(value, list) else [value]
                ok = tuple(v for v in values if isinstance(v, str) and (
                    allowed[key] is None or v in allowed[key]))
                if len(ok) != len(values):
                    rejected.append(key)
                kwargs[key] = ok
            elif key in ("year_from", "year_to"):
                if is_filter_year(value):
                    kwargs[key] = value
                else:
                    rejected.append(key)
            elif key == "provenance":
                if value in PROVENANCE_CHOICES:
                    kwargs[key] = value
                else:
                    rejected.append(key)
            elif key == "text":
                if isinstance(value, str) and len(value) <= 200:
                    kwargs[key] = value
                else:
                    rejected.append(key)
            else:
                rejected.append(key)
        return cls(**kwargs), rejected
