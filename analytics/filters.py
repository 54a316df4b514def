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
from core.text import search_key, search_terms

__all__ = ["ProjectFilter", "PROVENANCE_CHOICES", "YEAR_MAX", "YEAR_MIN", "is_filter_year",
           "search_rank", "search_text"]

PROVENANCE_CHOICES = ("all", "sourced", "sample")
#: The Jalali years a filter's ``year_from``/``year_to`` may take.
YEAR_MIN, YEAR_MAX = 1300, 1500
#: Free-text search, in order of relevance: a project's own words (id and titles), then its
#: county's names (Persian and English, from the counties table), then the agency and the
#: follow-up officer (many agencies are named after the province: «… استان اصفهان»).
_TEXT_COLUMNS = ("project_id", "title_fa", "title_en", "agency_fa", "followup_officer")
_OWN_COLUMNS = ("project_id", "title_fa", "title_en")
_BY_COLUMNS = ("agency_fa", "followup_officer")
#: :func:`search_rank` values.
RANK_TITLE, RANK_COUNTY, RANK_AGENCY = 0, 1, 2
#: The enumerated conditions: filter field → the registry column it chooses values of.
_ENUMERATED = (("counties", "county_code"), ("sectors", "sector"), ("statuses", "status"),
               ("funding_sources", "funding_source"))


def is_filter_year(value: object) -> bool:
    """Whether ``value`` may be a filter's ``year_from``/``year_to``: a whole Jalali year
    in :data:`YEAR_MIN`–:data:`YEAR_MAX`."""
    return isinstance(value, int) and YEAR_MIN <= value <= YEAR_MAX


def _keys(projects: pd.DataFrame, columns: tuple[str, ...]) -> pd.Series:
    """The :func:`~core.text.search_key` of the ``columns`` joined (one string a row)."""
    parts = [projects[c].astype("string").fillna("") for c in columns if c in projects]
    if not parts:
        return pd.Series("", index=projects.index, dtype="string")
    joined = parts[0].str.cat(parts[1:], sep=" ") if len(parts) > 1 else parts[0]
    keys = {text: search_key(text) for text in joined.unique()}  # each distinct text once
    return joined.map(keys).astype("string")


def _county_keys(projects: pd.DataFrame, counties: pd.DataFrame | None) -> pd.Series:
    """Each project's county as searched: its code and, with the counties table, its
    Persian and English names (and OSM name)."""
    codes = projects["county_code"].astype("string").fillna("") if "county_code" in projects \
        else pd.Series("", index=projects.index, dtype="string")
    names: dict[str, str] = {}
    if counties is not None and "code" in counties:
        cols = [c for c in ("name_fa", "name_en", "osm_name_fa") if c in counties]
        for row in counties[["code", *cols]].itertuples(index=False):
            names[str(row[0])] = search_key(" ".join(str(v) for v in row[1:] if pd.notna(v)))
    keys = {c: search_key(c.replace("_", " ")) + names.get(c, "") for c in codes.unique()}
    return codes.map(keys).astype("string")


def _has_all(keys: pd.Series, terms: tuple[str, ...]) -> np.ndarray:
    hit = np.ones(len(keys), dtype=bool)
    for term in terms:
        hit &= keys.str.contains(term, regex=False).fillna(False).to_numpy(dtype=bool)
    return hit


def search_rank(projects: pd.DataFrame, text: str,
                counties: pd.DataFrame | None = None) -> pd.Series:
    """How each project matches the free text ``text`` (NaN: not at all): every term of
    :func:`~core.text.search_terms` found in the project's id and titles →
    :data:`RANK_TITLE` (0); in those and its county's names → :data:`RANK_COUNTY` (1);
    only with its agency or follow-up officer as well → :data:`RANK_AGENCY` (2).  An empty
    query ranks every project 0."""
    terms = search_terms(text)
    rank = pd.Series(np.nan, index=projects.index)
    if not terms:
        return rank.fillna(RANK_TITLE)
    own = _keys(projects, _OWN_COLUMNS)
    county = own.str.cat(_county_keys(projects, counties), sep=" ")
    every = county.str.cat(_keys(projects, _BY_COLUMNS), sep=" ")
    rank[_has_all(every, terms)] = RANK_AGENCY
    rank[_has_all(county, terms)] = RANK_COUNTY
    rank[_has_all(own, terms)] = RANK_TITLE
    return rank


def search_text(projects: pd.DataFrame) -> pd.Series:
    """The normalised, lower-case haystack of each project for free-text search (its
    :func:`~core.text.search_key`: no spaces or ZWNJ)."""
    return _keys(projects, _TEXT_COLUMNS)


def _year(series: pd.Series) -> pd.Series:
    return pd.to_numeric(series.astype("string").str.slice(0, 4), errors="coerce")


@dataclass(frozen=True)
class ProjectFilter:
    """Which projects to keep.  Empty tuples mean "all".

    ``year_from``/``year_to`` are Jalali years: a project is kept when its planned
    period (planned_start … planned_end) overlaps the range; a project with no
    planned dates is kept only when no year range is set.  ``provenance`` keeps
    ``all`` projects, only ``sourced`` (reported, ``is_sample`` false) or only ``sample``.
    ``text`` is searched (:func:`search_rank`) in id and titles, county names (given the
    counties table), agency and officer: when some of the projects kept by the other
    conditions match by title or county, agency and officer matches are left out (they
    are kept only when nothing better matches — «اصفهان» is in many agencies' names).
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
            wanted += [c for c in (*_TEXT_COLUMNS, "county_code") if c not in wanted]
        return tuple(wanted)

    def mask(self, projects: pd.DataFrame, counties: pd.DataFrame | None = None) -> np.ndarray:
        """Boolean mask of the kept rows (vectorised); ``counties`` as in :meth:`apply`."""
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
        if search_terms(self.text):
            rank = search_rank(projects, self.text, counties).to_numpy()
            found = keep & (rank <= RANK_COUNTY)
            keep &= (rank <= RANK_COUNTY) if found.any() else (rank <= RANK_AGENCY)
        return keep

    def apply(self, projects: pd.DataFrame, counties: pd.DataFrame | None = None
              ) -> pd.DataFrame:
        """The kept projects (a new frame; the input is never changed); ``counties``: the
        counties table, so that the free text also finds a county's projects by its name."""
        if self.is_empty():
            return projects.copy()
        return projects.loc[self.mask(projects, counties)].copy()

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
