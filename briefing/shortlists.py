"""The recorded shortlists in the briefing: the "shortlist of each county" slide, the
per-county brief and the per-county Excel table (issue 15, point 3).

The shortlists are the store's current decisions (:func:`store.shortlists.current_shortlists`)
carried in ``ViewContext.extra["shortlists"]`` (:func:`attach_shortlists`), so the deck
function (:func:`briefing.deck.deck_spec`) only calls :func:`shortlist_slides`: with no
recorded shortlist it adds nothing.  The per-county brief is one slide per county the
context's filter names (a county's deck), listing each chosen project with its sector,
status, budget, expected jobs and progress, and the decision (reason, who, when in Jalali).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from briefing.context import ViewContext
from briefing.slides import SlideSpec
from core.counties import county_names
from i18n import fmt_int, join_list, localise_digits, t

__all__ = ["SHORTLISTS", "attach_shortlists", "county_brief", "county_brief_text",
           "county_table", "overview_rows", "shortlist_slide_count", "shortlist_slides"]

SHORTLISTS = "shortlists"  # the key in ViewContext.extra
_COLUMN_KEYS = {
    "project_id": "shortlist.col.project_id", "title": "shortlist.col.title",
    "sector": "shortlist.col.sector", "status": "shortlist.col.status",
    "budget_billion_rials": "shortlist.col.budget", "expected_jobs": "shortlist.col.jobs",
    "physical_progress_pct": "shortlist.col.progress",
}


def attach_shortlists(context: ViewContext, store=None) -> ViewContext:
    """Put the store's current shortlists into ``context.extra`` (``store``: default the
    store of ``PISHRAN_DATABASE_URL``).  Returns the context."""
    from store.shortlists import current_shortlists

    if store is None:
        from store.db import open_store

        with open_store() as opened:
            context.extra[SHORTLISTS] = current_shortlists(opened)
    else:
        context.extra[SHORTLISTS] = current_shortlists(store)
    return context


def _titles(projects: pd.DataFrame, ids: Sequence[str], lang: str) -> list[str]:
    column = "title_fa" if lang == "fa" else "title_en"
    by_id = projects.set_index(projects["project_id"].astype(str))
    out = []
    for pid in ids:
        if pid in by_id.index:
            title = by_id.at[pid, column]
            out.append(str(title) if isinstance(title, str) and title else
                       str(by_id.at[pid, "title_fa"]))
        else:
            out.append(pid)
    return out


#: Counties per "shortlist of each county" slide (each row lists 2–3 project titles).
ROWS_PER_SLIDE = 5
#: Relative column widths of that slide: county, projects, reason, who, when.
_OVERVIEW_WIDTHS = (1.1, 3.6, 1.8, 1.0, 1.3)


def decision_text(entry, lang: str) -> str:
    """«reason — who, when» of a recorded shortlist, the time in the reader's digits."""
    return t("shortlist.decision", lang, reason=entry.reason, by=entry.decided_by,
             when=localise_digits(entry.decided_at_jalali, lang))


def overview_rows(shortlists: Mapping, dataset, lang: str) -> list[list[str]]:
    """Header + one row per county with a shortlist: county, projects, reason, who, when."""
    names = county_names(dataset.counties, lang)
    header = [t("shortlist.col.county", lang), t("shortlist.col.projects", lang),
              t("shortlist.col.reason", lang), t("shortlist.col.by", lang),
              t("shortlist.col.when", lang)]
    rows = [[names.get(code, code), join_list(_titles(dataset.projects, e.project_ids, lang),
                                              lang),
             e.reason, e.decided_by, localise_digits(e.decided_at_jalali, lang)]
            for code, e in shortlists.items()]
    return [header, *rows]


def county_table(dataset, entry, lang: str) -> pd.DataFrame:
    """One county's shortlisted projects with translated headers (the brief and the Excel
    export)."""
    projects = dataset.projects
    rows = projects[projects["project_id"].astype(str).isin(entry.project_ids)].copy()
    rows["title"] = _titles(rows, list(rows["project_id"].astype(str)), lang)
    rows["sector"] = [t(f"sector.{s}", lang) for s in rows["sector"]]
    rows["status"] = [t(f"status.{s}", lang) for s in rows["status"]]
    order = {pid: i for i, pid in enumerate(entry.project_ids)}
    rows = rows.sort_values("project_id", key=lambda s: s.astype(str).map(order))
    frame = rows[list(_COLUMN_KEYS)].rename(columns={k: t(v, lang)
                                                      for k, v in _COLUMN_KEYS.items()})
    return frame.reset_index(drop=True)


def county_brief(dataset, code: str, entry, lang: str) -> SlideSpec:
    """The per-county brief: one slide with the county's shortlisted projects; the
    decision (reason, who, when) is the slide's notes and its last table row."""
    name = county_names(dataset.counties, lang).get(code, code)
    frame = county_table(dataset, entry, lang)
    decision = decision_text(entry, lang)
    table = [list(frame.columns), *frame.astype(object).values.tolist(),
             [decision] + [""] * (len(frame.columns) - 1)]
    return SlideSpec("table", t("shortlist.brief_title", lang, county=name), table=table,
                     notes=decision)


def county_brief_text(dataset, code: str, entry, lang: str) -> str:
    """The per-county brief as plain text (the same content as :func:`county_brief`)."""
    name = county_names(dataset.counties, lang).get(code, code)
    frame = county_table(dataset, entry, lang)
    lines = [t("shortlist.brief_title", lang, county=name)]
    for i, row in enumerate(frame.itertuples(index=False), start=1):
        lines.append(f"{fmt_int(i, lang)}. {row[0]} — {row[1]} ({row[2]}, {row[3]})")
    lines.append(decision_text(entry, lang))
    return "\n".join(lines)


def shortlist_slide_count(shortlists: dict, counties) -> int:
    """How many slides :func:`shortlist_slides` makes: none without a recorded shortlist,
    else the overview (:data:`ROWS_PER_SLIDE` counties a slide) and one brief per filtered
    county that has a shortlist."""
    if not shortlists:
        return 0
    return -(-len(shortlists) // ROWS_PER_SLIDE) + sum(code in shortlists for code in counties)


def shortlist_slides(context: ViewContext, lang: str) -> list[SlideSpec]:
    """The "shortlist of each county" slide, then the brief of each county the filter names
    that has a shortlist; nothing when the context carries no shortlist."""
    shortlists = context.extra.get(SHORTLISTS) or {}
    if not shortlists:
        return []
    header, *rows = overview_rows(shortlists, context.dataset, lang)
    finding = t("shortlist.deck_finding", lang, n=fmt_int(len(shortlists), lang),
                total=fmt_int(len(context.dataset.counties), lang))
    parts = [rows[i:i + ROWS_PER_SLIDE] for i in range(0, len(rows), ROWS_PER_SLIDE)]
    slides = [SlideSpec("table", finding if len(parts) == 1 else t(
        "shortlist.deck_part", lang, title=finding, part=fmt_int(i, lang),
        parts=fmt_int(len(parts), lang)), table=[header, *part],
        subtitle=t("shortlist.deck_title", lang), widths=_OVERVIEW_WIDTHS, font_size=14)
        for i, part in enumerate(parts, start=1)]
    for code in context.flt.counties:
        if code in shortlists:
            slides.append(county_brief(context.dataset, code, shortlists[code], lang))
    return slides
