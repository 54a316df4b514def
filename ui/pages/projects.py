"""The Projects page — the projects explorer: the filtered registry as a sortable table with progress bars, and one
project's details — every field, its source, its provenance, its status history and its follow-up entries.

URL: ``f`` (the shared filter, incl. the free-text search), ``sort``, ``project``.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace

import streamlit as st

from analytics.filters import search_rank
from analytics.project_views import (
    DEFAULT_SORT,
    FIELDS,
    SAMPLE_TOKENS,
    SORTS,
    explorer_table,
    is_overdue,
    status_history,
)
from core import settings
from core.marks import STALE_MARK
from core.text import search_terms
from figures.project_charts import (
    explorer_display,
    fields_html,
    followup_log_display,
    history_display,
    persian_text,
    status_timeline,
)
from figures.registry_table import registry_download
from figures.theme import plotly_config
from i18n import fmt_date, fmt_int, fmt_percent, t
from store import stale_projects
from ui import data, layout, state, tables
from ui.context import page_context
from ui.downloads import chart_downloads, table_downloads
from ui.shortlists import all_shortlists

#: The table's columns in reading order (right to left in Persian): the default ones fit a
#: 1280 × 800 screen with the sidebar open (the grid opens at its left end, so in Persian
#: an overflowing table would hide its first columns); the others can be added.
DEFAULT_COLUMNS = ("mark", "stale", "title", "county", "sector", "status",
                   "physical_progress_pct", "budget_billion_rials", "planned_end")
MORE_COLUMNS = ("last_followup", "provenance", "financial_progress_pct", "expected_jobs",
                "funding_source", "planned_start", "source_url", "project_id")
#: Persian widths overriding or adding to ui.tables.explorer_columns' (px).
FA_WIDTHS = {"physical_progress_pct": 96, "financial_progress_pct": 96, "expected_jobs": 90,
             "funding_source": 110, "planned_start": 80, "source_url": 70, "project_id": 120}
SELECTION_PX = 36  # the grid's row-selection checkboxes
#: Row height (px): above Streamlit's 4rem (64 px) the grid wraps cell text (3 lines).
ROW_PX = 66


def parse_columns(raw: str) -> tuple[str, ...] | None:
    """``?cols=a,b`` → the optional columns (known, no repeats), else ``None``."""
    picked = tuple(c for c in raw.split(",") if c)
    if len(set(picked)) != len(picked) or not set(picked) <= set(MORE_COLUMNS):
        return None
    return tuple(c for c in MORE_COLUMNS if c in picked)


def table_columns(extras: tuple[str, ...], lang: str) -> list[str]:
    """The grid's column order: the defaults and ``extras``, the first on the reading side."""
    order = list(DEFAULT_COLUMNS) + [c for c in MORE_COLUMNS if c in extras]
    return order[::-1] if lang == "fa" else order


def followup_log(project_id: str | None = None):
    """The store's follow-up log of one project (or of all projects), oldest first
    (columns jalali_date, status, physical_pct, note, …), or ``None`` without a store."""
    store = data.store()
    return store.followups_frame(project_id) if store is not None else None


def render() -> None:
    """Draw the Projects page (one run)."""
    ctx = page_context()
    lang, ds, flt = ctx.lang, ctx.ds, ctx.flt
    all_ids = tuple(ds.projects["project_id"])
    names = ctx.names
    county_of = dict(zip(ds.projects["project_id"], ds.projects["county_code"]))

    stale_days = settings.stale_days()  # PISHRAN_STALE_DAYS, default 90
    stale_ids = set(stale_projects(ds, followup_log(), None, stale_days))

    st.title(t("app.name", lang) + " — " + t("nav.projects", lang))
    projects = flt.apply(ds.projects, ds.counties)
    layout.note(t("projects.count", lang, n=fmt_int(len(projects), lang),
                  total=fmt_int(len(ds.projects), lang)) + " · " + t("projects.search_hint", lang))

    all_shortlists(ds, lang)  # the recorded shortlists of the counties (issue 15)

    sorts = list(SORTS)
    sort_col, cols_col = st.columns([1, 2])
    chosen_sort = state.page_param("sort", DEFAULT_SORT, state.choice(sorts))
    sort = sort_col.selectbox(
        t("projects.sort", lang), sorts,
        index=sorts.index(chosen_sort if chosen_sort in sorts else DEFAULT_SORT),
        format_func=lambda key: t(f"projects.sort.{key}", lang),
        placeholder=t("common.choose", lang),
    )
    state.set_page_param("sort", sort)
    extras = state.page_param("cols", (), parse_columns)
    if not isinstance(extras, tuple) or not set(extras) <= set(MORE_COLUMNS):
        extras = ()  # only ever known columns (session values are checked too)
    project = state.page_param("project", None, state.choice(all_ids))
    if project not in all_ids:  # only ever a known id (session values are checked too)
        project = None

    # --- the table -----------------------------------------------------------------------
    table = explorer_table(projects, ds.counties, lang, sort)
    if search_terms(flt.text):  # title matches first, then county matches (the sort within)
        rank = dict(zip(projects["project_id"], search_rank(projects, flt.text, ds.counties)))
        table = table.sort_values("project_id", key=lambda ids_: ids_.map(rank),
                                  kind="stable").reset_index(drop=True)
    ids: list[str] = list(table["project_id"])
    if table.empty:
        st.info(t("projects.no_results", lang))
    else:
        shown = explorer_display(table, lang)
        # ⌛: no follow-up for more than PISHRAN_STALE_DAYS days (or never), beside the mark
        frame = shown.frame.copy()
        frame.insert(1, "stale", [STALE_MARK if pid in stale_ids else "" for pid in shown.project_ids])
        stale_help = t("data_page.stale_help", lang, days=fmt_int(stale_days, lang))
        col_config = tables.explorer_columns(lang) | {"stale": st.column_config.TextColumn(
            t("data_page.stale_col", lang), width=30, help=stale_help)}
        if lang == "fa":  # fixed widths for the optional columns too (see table_columns)
            col_config |= {c: {**col_config[c], "width": w} for c, w in FA_WIDTHS.items()}
        picked_extras = cols_col.multiselect(
            t("projects.more_columns", lang), MORE_COLUMNS, default=list(extras),
            format_func=lambda c: col_config[c].get("label") or c,
            placeholder=t("projects.more_columns", lang), help=t("projects.more_columns_help", lang), select_all=False)
        extras = tuple(c for c in MORE_COLUMNS if c in picked_extras)
        state.set_page_param("cols", extras)
        order = table_columns(extras, lang)
        col_config = layout.fit_widths(col_config, order, "title", extra=SELECTION_PX)
        shown = replace(shown, frame=frame, column_order=order,
                        data=frame.style.format({c: lambda v: fmt_int(v, lang) for c in
                                                 ("budget_billion_rials", "expected_jobs")},
                                                na_rep="—"))
        # One widget per table content (and per pick from the list below), so a selection
        # always refers to the rows on screen.
        generation = st.session_state.get("projects:generation", 0)
        digest = hashlib.sha1(("|".join(ids) + lang + str(generation)).encode()).hexdigest()[:12]
        key = f"projects_table_{digest}"
        st.session_state["projects:table_key"] = key
        default_rows = [ids.index(project)] if project in ids else []
        event = st.dataframe(
            shown.data, key=key, on_select="rerun", selection_mode="single-row", hide_index=True,
            column_config=col_config, column_order=shown.column_order,
            # rows tall enough for Streamlit to wrap text (it wraps above 4rem): long
            # titles and sectors are shown whole instead of cut off
            row_height=ROW_PX, height=min(ROW_PX * 8 + 38, ROW_PX * len(ids) + 38),
            selection_default={"selection": {"rows": default_rows, "columns": []}},
        )
        rows = tuple(event.selection.rows) if event is not None else ()
        seen = st.session_state.get("projects:seen")
        if seen is not None and seen[0] == key and rows != seen[1] and rows and rows[0] < len(ids):
            project = ids[rows[0]]
            state.set_page_param("project", project)
        st.session_state["projects:seen"] = (key, rows)
        # the files have every registry column (agency, follow-up officer, …), in the
        # grid's order
        table_downloads(registry_download(ds.projects, ds.counties, lang, order=ids),
                        t("nav.projects", lang), lang, key="projects_table")
        layout.note(t("projects.table_hint", lang))

    # --- the detail ----------------------------------------------------------------------
    options = ["", *ids] + ([project] if project and project not in ids else [])
    titles = dict(zip(ds.projects["project_id"],
                      ds.projects["title_fa" if lang == "fa" else "title_en"].fillna(
                          ds.projects["title_fa"]).map(persian_text)))
    picked = st.selectbox(
        t("projects.pick", lang), options, index=options.index(project or ""),
        format_func=lambda pid: t("projects.pick.none", lang) if not pid
        else f"{titles.get(pid, pid)} — {names.get(county_of.get(pid), '')}",
        placeholder=t("common.choose", lang))
    if (picked or None) != project:
        state.set_page_param("project", picked or None)
        st.session_state["projects:generation"] = st.session_state.get("projects:generation", 0) + 1
        st.rerun()

    state.sync_url({"sort": sort if sort != DEFAULT_SORT else None, "project": project,
                    "cols": ",".join(extras) or None})

    if project:
        row = ds.projects.loc[ds.projects["project_id"] == project].iloc[0].to_dict()
        county_name = names.get(row["county_code"], row["county_code"])
        st.subheader(t("projects.detail_heading", lang) + ": " + str(titles.get(project, project)))
        if project not in ids:
            layout.note(t("projects.hidden_by_filter", lang))
        tokens = [tok.strip() for tok in str(row.get("sample_fields") or "").split(",")
                  if tok.strip() in SAMPLE_TOKENS]
        if row["is_sample"]:
            st.warning(t("projects.sample_row", lang))
        elif tokens:
            sep = ctx.sep
            st.warning(t("projects.sample_fields_note", lang, fields=sep.join(
                t(f"projects.token.{tok}", lang) for tok in tokens)))
        mark = " ✱" if row["is_sample"] or "progress" in tokens else ""
        c1, c2, c3, c4 = st.columns(4)
        c1.metric(t("projects.field.status", lang), t(f"status.{row['status']}", lang))
        c2.metric(t("projects.field.physical_progress_pct", lang),
                  fmt_percent(row["physical_progress_pct"], lang) + mark)
        c3.metric(t("projects.field.financial_progress_pct", lang),
                  fmt_percent(row["financial_progress_pct"], lang) + mark)
        c4.metric(t("projects.field.budget_billion_rials", lang),
                  fmt_int(row["budget_billion_rials"], lang)
                  + (" ✱" if row["is_sample"] or "budget" in tokens else ""))
        late = is_overdue(ds.projects.loc[ds.projects["project_id"] == project]).iloc[0]
        if late:
            st.error(t("projects.overdue_note", lang, date=fmt_date(row["planned_end"], lang)))

        st.markdown(f"**{t('projects.history_heading', lang)}**")
        entries = followup_log(project)
        history = status_history(row, entries)
        if history.empty:
            layout.note(t("projects.history.empty", lang))
        else:
            title = t("projects.timeline.title", lang)
            st.plotly_chart(status_timeline(history, lang, status=row["status"]),
                            width="stretch", config=plotly_config(title, lang))
            chart_downloads(status_timeline(history, lang, status=row["status"]), title, lang, key="projects_timeline")
            if history["is_sample"].any():
                st.markdown(f'<span class="pishran-sample">'
                            f'{t("projects.history.dates_sample", lang)}</span>',
                            unsafe_allow_html=True)
            shown_history = history_display(history, lang)
            st.dataframe(shown_history, hide_index=True, width="stretch",
                         column_config=tables.text_columns(shown_history, lang))

        if entries is not None:  # the store's follow-up entries, newest first, in full
            st.markdown(f"**{t('projects.log_heading', lang)}**")
            if entries.empty:
                layout.note(t("projects.log_empty", lang))
            else:
                shown_log = followup_log_display(entries, lang)
                st.dataframe(shown_log, hide_index=True, width="stretch",
                             column_config=tables.text_columns(shown_log, lang))

        st.markdown(f"**{t('projects.field_heading', lang)}**")
        half = (len(FIELDS) + 1) // 2
        for column, fields in zip(st.columns(2, gap="large"), (FIELDS[:half], FIELDS[half:])):
            column.markdown(fields_html(row, fields, county_name, lang), unsafe_allow_html=True)
