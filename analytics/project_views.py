"""Pure views of the project registry and of one county, for the Projects and County pages.

Nothing here draws or formats for display: dates stay canonical Jalali text
(``YYYY/MM/DD``, formatted by the page with :func:`i18n.fmt_date`), enumerations stay
stable ids, numbers stay numbers.

* :func:`explorer_table` — the explorer's rows and columns, sorted by a sort key.
* :func:`export_table` / :func:`export_headers` — the export-ready table (the download
  hook: ``exports.tables.to_csv_bytes(export_table(...), export_headers(lang))``).
* :func:`sample_field_columns` — which columns of a row are sample values.
* :func:`status_history` — a project's dated events from the registry, merged with an
  optional follow-up log (columns ``jalali_date, status, physical_pct, note``).
* :func:`county_profile` / :func:`county_ranks` — a county's indicators against the
  province and its rank among counties.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from analytics.panel import indicator_wide
from analytics.provenance import group_code
from analytics.ranking import METHODS, rank_all_methods
from core.counties import county_names
from core.jalali import JalaliDateError, format_jalali_iso, today_jalali
from core.schema import STATUSES
from core.text import normalise_text

__all__ = [
    "CLOSED_STATUSES",
    "DEFAULT_SORT",
    "DEFAULT_SPEC",
    "EVENTS",
    "EXPLORER_COLUMNS",
    "EXPORT_COLUMNS",
    "FIELDS",
    "PROFILE_INDICATORS",
    "SAMPLE_TOKENS",
    "SORTS",
    "CountyRanks",
    "county_profile",
    "county_ranks",
    "explorer_table",
    "export_headers",
    "export_table",
    "is_overdue",
    "persian_sort_key",
    "provenance",
    "safe_urls",
    "sample_field_columns",
    "status_history",
]

CLOSED_STATUSES = ("completed", "cancelled")

#: Columns of :func:`explorer_table`, in display order.
EXPLORER_COLUMNS = (
    "project_id", "title", "county_code", "county", "sector", "status",
    "physical_progress_pct", "financial_progress_pct", "budget_billion_rials",
    "funding_source", "expected_jobs", "planned_start", "planned_end", "actual_start",
    "actual_end", "last_followup", "is_overdue", "provenance", "is_sample", "source_url",
)

#: Every field of a project shown in the detail view, in order (labels: ``projects.field.*``).
FIELDS = (
    "project_id", "title_fa", "title_en", "county_code", "sector", "agency_fa", "status",
    "physical_progress_pct", "financial_progress_pct", "budget_billion_rials",
    "funding_source", "expected_jobs", "planned_start", "planned_end", "actual_start",
    "actual_end", "last_followup", "followup_officer", "lat", "lon", "source", "quality",
    "is_sample", "sample_fields", "notes",
)

#: ``sample_fields`` tokens (data/README.md) → the columns they cover.
SAMPLE_TOKENS: dict[str, tuple[str, ...]] = {
    "agency": ("agency_fa",),
    "budget": ("budget_billion_rials",),
    "funding": ("funding_source",),
    "jobs": ("expected_jobs",),
    "progress": ("physical_progress_pct", "financial_progress_pct"),
    "dates": ("planned_start", "planned_end", "actual_start", "actual_end"),
    "followup": ("last_followup",),
    "officer": ("followup_officer",),
    "coords": ("lat", "lon"),
}

#: Sort keys (``-`` = descending) → (column, ascending).  Ties keep county then id order.
SORTS: dict[str, tuple[str, bool]] = {
    "county": ("county", True),
    "-budget": ("budget_billion_rials", False),
    "budget": ("budget_billion_rials", True),
    "-physical": ("physical_progress_pct", False),
    "physical": ("physical_progress_pct", True),
    "-financial": ("financial_progress_pct", False),
    "planned_end": ("planned_end", True),
    "-planned_end": ("planned_end", False),
    "last_followup": ("last_followup", True),
    "-jobs": ("expected_jobs", False),
    "title": ("title", True),
    "project_id": ("project_id", True),
}
DEFAULT_SORT = "county"

#: Columns of :func:`export_table`.
EXPORT_COLUMNS = (
    "project_id", "title_fa", "title_en", "county", "sector", "agency_fa", "status",
    "physical_progress_pct", "financial_progress_pct", "budget_billion_rials",
    "funding_source", "expected_jobs", "planned_start", "planned_end", "actual_start",
    "actual_end", "last_followup", "followup_officer", "provenance", "sample_fields", "source",
)

#: Event ids of :func:`status_history` (labels: ``projects.event.*``), in same-day order.
EVENTS = ("planned_start", "actual_start", "followup", "last_followup", "actual_end",
          "planned_end")

#: The default development spec of the County page: indicator → direction.
DEFAULT_SPEC: dict[str, int] = {
    "unemployment_rate": -1,
    "literacy_rate": 1,
    "urbanisation_rate": 1,
    "industrial_employment_share": 1,
    "net_migration_rate": 1,
}
PROFILE_INDICATORS = tuple(DEFAULT_SPEC)

_ALPHABET = "آاءأإئؤبپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی"
_RANK = {ch: i for i, ch in enumerate(_ALPHABET)}
_URL = re.compile(r"^https?://[^\s<>\"'`]+$", re.IGNORECASE)


# ---------------------------------------------------------------------------
# Rows of the registry
# ---------------------------------------------------------------------------


def _text(value: object) -> str:
    if value is None or value is pd.NA or (isinstance(value, float) and np.isnan(value)):
        return ""
    return str(value).strip()


def persian_sort_key(text: object) -> tuple:
    """Sort key in Persian alphabetical order (آ ا ب پ ت … ک گ … و ه ی); spaces and ZWNJ
    sort first, other characters after the alphabet by code point.  Code-point order puts
    پ چ ژ گ ک ی after every Arabic letter, which a Persian reader sees as unsorted."""
    key = []
    for ch in normalise_text(_text(text)):  # Arabic ي/ك … sort as their Persian forms
        if ch in (" ", "\u200c"):
            key.append((0, 0))
        elif ch in _RANK:
            key.append((1, _RANK[ch]))
        else:
            key.append((2, ord(ch)))
    return tuple(key)


def safe_urls(source: object) -> list[str]:
    """The ``http(s)`` URLs of a ``source`` cell (`` | ``-separated); anything else
    (``sample``, ``estimate: …``, ``javascript:…``) gives no URL."""
    return [part.strip() for part in _text(source).split("|") if _URL.match(part.strip())]


def _tokens(value: object) -> list[str]:
    return [tok.strip() for tok in _text(value).split(",") if tok.strip()]


def sample_field_columns(row: Mapping) -> set[str]:
    """The columns of one project whose values are sample: every field of a sample row
    (except its id, county and provenance columns); for a real row, the columns covered
    by its ``sample_fields`` tokens (unknown tokens are ignored)."""
    flag = row.get("is_sample", True)
    if flag is None or flag is pd.NA or bool(flag):
        keep = {"project_id", "county_code", "source", "quality", "is_sample", "sample_fields",
                "notes"}
        return {f for f in FIELDS if f not in keep}
    columns: set[str] = set()
    for token in _tokens(row.get("sample_fields")):
        columns.update(SAMPLE_TOKENS.get(token, ()))
    return columns


def provenance(projects: pd.DataFrame) -> pd.Series:
    """Per project: ``sample`` (an invented row), ``partial`` (a reported project with some
    sample fields) or ``sourced``."""
    sample = projects["is_sample"].astype("boolean").fillna(True).to_numpy(dtype=bool)
    fields = (projects["sample_fields"] if "sample_fields" in projects
              else pd.Series("", index=projects.index))
    has_fields = fields.map(lambda v: bool(_tokens(v))).to_numpy(dtype=bool)
    out = np.where(sample, "sample", np.where(has_fields, "partial", "sourced"))
    return pd.Series(out, index=projects.index, dtype=object)


def is_overdue(projects: pd.DataFrame, today: str | None = None) -> pd.Series:
    """Planned end before ``today`` and status neither completed nor cancelled."""
    today = today or today_jalali()
    end = projects["planned_end"].astype("string")
    late = (end.notna() & (end.str.len() > 0) & (end < today)).fillna(False)
    open_ = ~projects["status"].isin(CLOSED_STATUSES)
    return (late & open_).astype(bool)


def explorer_table(projects: pd.DataFrame, counties: pd.DataFrame, lang: str = "fa",
                   sort: str = DEFAULT_SORT, today: str | None = None) -> pd.DataFrame:
    """The explorer rows (columns :data:`EXPLORER_COLUMNS`), sorted by ``sort`` (a key of
    :data:`SORTS`; unknown → the default), with a fresh 0…n-1 index.

    ``title`` is the title in ``lang`` (English falls back to Persian); ``county`` the
    county name in ``lang``; ``source_url`` the first http(s) URL of ``source`` or ``None``.
    Missing dates stay missing (``<NA>``); numbers stay numbers.
    """
    names = county_names(counties, lang)
    title = projects["title_fa"].astype("string")
    if lang != "fa" and "title_en" in projects:
        english = projects["title_en"].astype("string")
        title = english.where(english.notna() & (english.str.strip() != ""), title)
    frame = pd.DataFrame({
        "project_id": projects["project_id"].astype("string"),
        "title": title,
        "county_code": projects["county_code"].astype("string"),
        "county": projects["county_code"].map(names).astype("string"),
        "sector": projects["sector"].astype("string"),
        "status": projects["status"].astype("string"),
        "physical_progress_pct": projects["physical_progress_pct"].astype(float),
        "financial_progress_pct": projects["financial_progress_pct"].astype(float),
        "budget_billion_rials": projects["budget_billion_rials"].astype(float),
        "funding_source": projects["funding_source"].astype("string"),
        "expected_jobs": projects["expected_jobs"].astype("Int64"),
        **{c: projects[c].astype("string") if c in projects else pd.Series(pd.NA, projects.index,
                                                                            dtype="string")
           for c in ("planned_start", "planned_end", "actual_start", "actual_end",
                     "last_followup")},
        "is_overdue": is_overdue(projects, today),
        "provenance": provenance(projects),
        "is_sample": projects["is_sample"].astype("boolean").fillna(True).astype(bool),
        "source_url": projects["source"].map(lambda s: (safe_urls(s) or [None])[0])
        if "source" in projects else None,
    }, index=projects.index)
    column, ascending = SORTS.get(sort, SORTS[DEFAULT_SORT])

    def key(values: pd.Series) -> pd.Series:  # Persian alphabetical order for names
        if values.name in ("county", "title"):
            order = sorted(set(values.dropna()), key=persian_sort_key)
            return values.map({v: i for i, v in enumerate(order)}).astype(float)
        return values

    frame = frame.sort_values(["county", "project_id"], key=key, kind="stable")
    frame = frame.sort_values(column, ascending=ascending, kind="stable", na_position="last",
                              key=key)
    return frame.reset_index(drop=True)[list(EXPLORER_COLUMNS)]


def export_headers(lang: str = "fa") -> dict[str, str]:
    """Column → header in ``lang`` for :func:`export_table` (``projects.col.*``)."""
    from i18n import t

    return {c: t(f"projects.col.{c}", lang) for c in EXPORT_COLUMNS}


def export_table(projects: pd.DataFrame, counties: pd.DataFrame, lang: str = "fa",
                 sort: str = DEFAULT_SORT) -> pd.DataFrame:
    """The export-ready table of the (already filtered) projects, in the explorer's order.

    Columns :data:`EXPORT_COLUMNS`; county, sector, status, funding and provenance are
    translated to ``lang``; dates are canonical Jalali text ``YYYY/MM/DD``; numbers are
    numbers; ``provenance`` starts with ✱ for sample rows.  Rename the columns with
    :func:`export_headers` (``exports.tables.to_csv_bytes(table, export_headers(lang))``).
    """
    from i18n import t

    order = explorer_table(projects, counties, lang, sort)["project_id"]
    rows = projects.set_index(projects["project_id"].astype("string")).loc[list(order)]
    names = county_names(counties, lang)
    prov = provenance(rows)
    out = pd.DataFrame({
        "project_id": rows["project_id"].astype("string"),
        "title_fa": rows["title_fa"].astype("string"),
        "title_en": rows["title_en"].astype("string") if "title_en" in rows else pd.NA,
        "county": rows["county_code"].map(names),
        "sector": rows["sector"].map(lambda s: t(f"sector.{s}", lang)),
        "agency_fa": rows["agency_fa"].astype("string") if "agency_fa" in rows else pd.NA,
        "status": rows["status"].map(lambda s: t(f"status.{s}", lang)),
        "physical_progress_pct": rows["physical_progress_pct"].astype(float),
        "financial_progress_pct": rows["financial_progress_pct"].astype(float),
        "budget_billion_rials": rows["budget_billion_rials"].astype(float),
        "funding_source": rows["funding_source"].map(lambda s: t(f"funding.{s}", lang)),
        "expected_jobs": rows["expected_jobs"].astype("Int64"),
        **{c: rows[c].astype("string") if c in rows else pd.NA
           for c in ("planned_start", "planned_end", "actual_start", "actual_end",
                     "last_followup", "followup_officer")},
        "provenance": prov.map(lambda p: t(f"projects.provenance.{p}", lang)),
        "sample_fields": (rows["sample_fields"].map(
            lambda v: ", ".join(t(f"projects.token.{tok}", lang) for tok in _tokens(v)
                                if tok in SAMPLE_TOKENS)) if "sample_fields" in rows else ""),
        "source": rows["source"].astype("string") if "source" in rows else pd.NA,
    })
    return out.reset_index(drop=True)[list(EXPORT_COLUMNS)]


# ---------------------------------------------------------------------------
# Status history
# ---------------------------------------------------------------------------


def _iso(value: object) -> str:
    """Canonical Jalali text, or ``""`` when missing or not a valid date."""
    if not _text(value):
        return ""
    try:
        return format_jalali_iso(value)
    except (JalaliDateError, ValueError, TypeError):
        return ""


def _pct(value: object) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return float("nan")
    return number if 0 <= number <= 100 else float("nan")


def status_history(project: Mapping, followups: pd.DataFrame | None = None,
                   today: str | None = None) -> pd.DataFrame:
    """The dated events of one project, oldest first.

    From the registry row: ``planned_start``, ``actual_start``, ``last_followup`` (with the
    row's status and physical progress), ``actual_end`` and ``planned_end``.  ``followups``
    (optional; e.g. the store's follow-up log) adds one ``followup`` event per row from its
    columns ``jalali_date``, ``status``, ``physical_pct`` and ``note`` (missing columns are
    fine).  Rows with an invalid date are skipped and counted in ``attrs["skipped"]``; an
    unknown status is dropped (the event stays).  The registry's ``last_followup`` event is
    left out when a follow-up entry carries the same date.

    Columns: ``jalali_date`` (``YYYY/MM/DD``), ``event`` (one of :data:`EVENTS`),
    ``status`` (a status id or ``None``), ``physical_pct`` (float, NaN when unknown),
    ``note``, ``origin`` (``registry``/``followup``), ``is_future`` (after ``today``) and
    ``is_sample`` (the date is a sample value).
    """
    today = today or today_jalali()
    sample_cols = sample_field_columns(project)
    rows: list[dict] = []

    def add(date: str, event: str, status=None, pct=float("nan"), note="", origin="registry",
            sample=False):
        rows.append({"jalali_date": date, "event": event,
                     "status": status if status in STATUSES else None,
                     "physical_pct": pct, "note": note, "origin": origin, "is_sample": sample})

    for column in ("planned_start", "actual_start", "actual_end", "planned_end"):
        date = _iso(project.get(column))
        if date:
            status = "completed" if column == "actual_end" else None
            add(date, column, status, sample=column in sample_cols)
    skipped = 0
    follow_dates: set[str] = set()
    if followups is not None and len(followups):
        for _, entry in followups.iterrows():
            date = _iso(entry.get("jalali_date"))
            if not date:
                skipped += 1
                continue
            follow_dates.add(date)
            add(date, "followup", _text(entry.get("status")) or None,
                _pct(entry.get("physical_pct")), _text(entry.get("note")), origin="followup")
    last = _iso(project.get("last_followup"))
    if last and last not in follow_dates:
        add(last, "last_followup", _text(project.get("status")) or None,
            _pct(project.get("physical_progress_pct")), sample="last_followup" in sample_cols)
    frame = pd.DataFrame(rows, columns=["jalali_date", "event", "status", "physical_pct", "note",
                                        "origin", "is_sample"])
    frame["physical_pct"] = frame["physical_pct"].astype(float)
    frame["is_future"] = frame["jalali_date"] > today
    frame["is_sample"] = frame["is_sample"].astype(bool)
    order = {e: i for i, e in enumerate(EVENTS)}
    frame["_order"] = frame["event"].map(order)
    frame = frame.sort_values(["jalali_date", "_order"], kind="stable").drop(columns="_order")
    frame = frame[["jalali_date", "event", "status", "physical_pct", "note", "origin",
                   "is_future", "is_sample"]].reset_index(drop=True)
    frame.attrs["skipped"] = skipped
    return frame


# ---------------------------------------------------------------------------
# County profile and ranks
# ---------------------------------------------------------------------------


def _latest_rows(indicators: pd.DataFrame, names: tuple[str, ...], year: int | None
                 ) -> pd.DataFrame:
    rows = indicators[indicators["indicator"].isin(names)]
    rows = rows[rows["value"].notna() & rows["year"].notna()]
    if year is not None:
        rows = rows[rows["year"].astype(int) <= year]
    return (rows.sort_values("year", kind="stable")
            .drop_duplicates(["county_code", "indicator"], keep="last"))


def county_profile(indicators: pd.DataFrame, counties: pd.DataFrame, code: str,
                   spec: Mapping[str, int] | None = None, year: int | None = None
                   ) -> pd.DataFrame:
    """One row per indicator of ``spec`` (default :data:`DEFAULT_SPEC`) for county ``code``.

    Columns: ``indicator``, ``direction``, ``value``, ``year``, ``unit``, ``quality``,
    ``source``, ``is_sample`` (the county's latest value ≤ ``year``); ``province_value``,
    ``province_year``, ``province_basis`` — ``province`` (the PROVINCE row) or
    ``weighted_mean`` (population-weighted mean of the counties' latest values, when the
    data have no PROVINCE row) —, ``province_is_sample`` (the PROVINCE row is sample, or
    the mean uses a sample value or weight); ``is_group`` (the county's value is the figure
    of a larger unit it belongs to, quality ``group`` — e.g. pre-2021 Isfahan county for
    today's Isfahan, Harand, Varzaneh, Jarqavieh and Kuhpayeh — never its own figure);
    ``group`` (then the ``GROUP:`` code of that unit, read from the row's notes);
    ``rank`` among the counties with a value of their own (1 = best in the indicator's
    direction, ties share the best rank; <NA> for a county whose value is a group's),
    ``n_ranked`` (how many counties that is) and ``left_out`` (the codes of the counties
    whose value is a group's, left out of the rank; ``left_out_groups``: their ``GROUP:``
    codes).  A group value still counts in the population-weighted province mean: it is
    the figure of the members together.
    """
    spec = dict(spec or DEFAULT_SPEC)
    names = tuple(spec)
    codes = list(counties["code"])
    latest = _latest_rows(indicators, names, year)
    county_rows = latest[latest["county_code"].isin(codes)]
    province_rows = latest[latest["county_code"] == "PROVINCE"].set_index("indicator")
    population = _latest_rows(indicators, ("population",), None)
    population = population[population["county_code"].isin(codes)]
    out = []
    for name in names:
        rows = county_rows[county_rows["indicator"] == name].set_index("county_code")
        values = rows["value"].astype(float)
        own = rows.loc[code] if code in rows.index else None
        direction = int(spec[name])
        grouped = (rows["quality"].astype("string") == "group").fillna(False).astype(bool) \
            if "quality" in rows else pd.Series(False, index=rows.index)
        own_values = values[~grouped]  # a larger unit's value is no county's own: not ranked
        if len(own_values):
            ranks = (own_values * direction).rank(ascending=False, method="min")
        else:
            ranks = pd.Series(dtype=float)
        entry = {
            "indicator": name, "direction": direction,
            "value": float(own["value"]) if own is not None else float("nan"),
            "year": int(own["year"]) if own is not None else pd.NA,
            "unit": _text(own.get("unit")) if own is not None else "",
            "quality": _text(own.get("quality")) if own is not None else "",
            "source": _text(own.get("source")) if own is not None else "",
            "is_sample": bool(own["is_sample"]) if own is not None else False,
            "is_group": bool(grouped.get(code, False)),
            "group": (group_code(_text(own.get("notes")))
                      if own is not None and bool(grouped.get(code, False)) else ""),
            "rank": int(ranks[code]) if code in ranks.index else pd.NA,
            "n_ranked": int(own_values.notna().sum()),
            "left_out": tuple(c for c in codes if c in grouped.index and grouped[c]),
            "left_out_groups": tuple(dict.fromkeys(
                group_code(_text(rows.at[c, "notes"]) if "notes" in rows else "")
                for c in codes if c in grouped.index and grouped[c])),
        }
        if name in province_rows.index:
            prov = province_rows.loc[name]
            entry.update(province_value=float(prov["value"]), province_year=int(prov["year"]),
                         province_basis="province", province_is_sample=bool(prov["is_sample"]))
        else:
            entry.update(_weighted_mean(rows, population))
        out.append(entry)
    frame = pd.DataFrame(out)
    frame["year"] = frame["year"].astype("Int64")
    frame["province_year"] = frame["province_year"].astype("Int64")
    frame["rank"] = frame["rank"].astype("Int64")
    return frame


def _weighted_mean(rows: pd.DataFrame, population: pd.DataFrame) -> dict:
    """Population-weighted mean of the county values (weights: each county's population in
    the value's year, else its latest population)."""
    if rows.empty:
        return {"province_value": float("nan"), "province_year": pd.NA,
                "province_basis": "weighted_mean", "province_is_sample": False}
    pop_all = population.set_index("county_code")
    weights, flags = [], []
    for county, row in rows.iterrows():
        weight = float("nan")
        flag = True
        if county in pop_all.index:
            weight = float(pop_all.at[county, "value"])
            flag = bool(pop_all.at[county, "is_sample"])
        weights.append(weight)
        flags.append(flag or bool(row["is_sample"]))
    w = np.asarray(weights, dtype=float)
    v = rows["value"].to_numpy(dtype=float)
    ok = np.isfinite(w) & np.isfinite(v)
    mean = float(np.sum(w[ok] * v[ok]) / np.sum(w[ok])) if ok.any() and w[ok].sum() > 0 \
        else float("nan")
    years = rows["year"].dropna().astype(int)
    return {"province_value": mean,
            "province_year": int(years.max()) if len(years) else pd.NA,
            "province_basis": "weighted_mean",
            "province_is_sample": bool(np.asarray(flags)[ok].any()) if ok.any() else False}


@dataclass(frozen=True)
class CountyRanks:
    """One county's place in :func:`analytics.ranking.rank_all_methods`.

    ``ranks``: DataFrame (index method) with ``rank`` and ``n_ranked``; ``level``:
    ``developed``/``semi_developed``/``deprived`` or ``None`` when the county is excluded;
    ``missing``: the spec indicators the county has no value for, ``grouped``: those it
    has only a larger unit's value for (quality ``group``, not its own figure) — with
    either the county is not ranked; ``sample_indicators``: the spec indicators whose value
    for this county is a sample or estimate (the ranks rest on them); ``n_counties``: how
    many counties are ranked; ``left_out``: the codes of the others (``left_out_grouped``:
    those of them that lack nothing but have a larger unit's value for some indicator);
    ``best``/``worst``: its best and worst rank.
    """

    ranks: pd.DataFrame
    level: str | None
    missing: list[str]
    sample_indicators: list[str]
    n_counties: int
    best: int | None
    worst: int | None
    grouped: list[str] = ()
    left_out: list[str] = ()
    left_out_grouped: list[str] = ()


def county_ranks(indicators: pd.DataFrame, counties: pd.DataFrame, code: str,
                 spec: Mapping[str, int] | None = None, year: int | None = None
                 ) -> CountyRanks:
    """Rank all counties by every method of :data:`analytics.ranking.METHODS` with ``spec``
    (default :data:`DEFAULT_SPEC`) and return ``code``'s ranks and level.

    As on the Ranking page, a larger unit's value (quality ``group``) is treated like a
    missing value: it is not the county's own figure, so that county is not ranked."""
    spec = dict(spec or DEFAULT_SPEC)
    codes = list(counties["code"])
    wide = indicator_wide(indicators, codes, year, names=tuple(spec))
    group = pd.DataFrame({name: wide[f"{name}_is_group"].astype(bool) for name in spec})
    values = wide[list(spec)].mask(group)
    result = rank_all_methods(values, spec)
    n = len(result.ranks)
    left_out = [c for c in codes if c not in result.ranks.index]
    left_out_grouped = [c for c in left_out
                        if group.loc[c].any() and wide.loc[c, list(spec)].notna().all()]
    sample = [name for name in spec
              if bool(pd.array([wide.at[code, f"{name}_is_sample"]], dtype="boolean")
                      .fillna(True)[0])] if code in wide.index else list(spec)
    if code not in result.ranks.index:
        missing = [name for name in spec if code not in wide.index
                   or pd.isna(wide.at[code, name])]
        grouped = [name for name in spec if code in wide.index and name not in missing
                   and bool(group.at[code, name])]
        ranks = pd.DataFrame({"rank": pd.array([pd.NA] * len(METHODS), dtype="Int64"),
                              "n_ranked": n}, index=pd.Index(list(METHODS), name="method"))
        return CountyRanks(ranks, None, missing, sample, n, None, None, grouped, left_out,
                           left_out_grouped)
    row = result.ranks.loc[code]
    ranks = pd.DataFrame({"rank": row.astype("Int64").to_numpy(), "n_ranked": n},
                         index=pd.Index(list(row.index), name="method"))
    return CountyRanks(ranks, str(result.levels[code]), [], sample, n,
                       int(row.min()), int(row.max()), [], left_out, left_out_grouped)
