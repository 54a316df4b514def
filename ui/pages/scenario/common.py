"""What the Scenario page's sections share: the page context, the cached computation
(report, project choices, figures), wording helpers and session-state helpers."""

from __future__ import annotations

import html
import json
import re

import pandas as pd
import streamlit as st

from analytics.filters import ProjectFilter
from analytics.measures import BALANCE_X, panel_balance
from analytics.panel import PANEL_MEASURES
from analytics.scenario import (
    REPORT_PANEL_COLUMNS,
    Scenario,
    ScenarioError,
    describe_edit,
    level_counties,
    scenario_report,
)
from core.counties import county_names
from figures.county_map import county_map
from figures.frozen import freeze
from figures.scenario_charts import measure_bars, rank_change_chart
from i18n import has_key, t
from ui import data, memo, state
from ui.context import PageContext

SCENARIO = "scenario_page:scenario"      # the scenario being built (not a widget key)
FLASH = "scenario_page:flash:"           # one message per area, shown once
DRAWN = "scenario_page:drawn"            # the scenario the last full run drew
HYP = "◆"                                # the hypothetical mark
MAP_MEASURES = tuple(c for c in REPORT_PANEL_COLUMNS if c in PANEL_MEASURES)
#: The measures of the baseline-vs-scenario bar chart (comparable 0–1 indices).
BAR_MEASURES = ("centre_share_x", "hoover", "gini_weighted", "gini_unweighted", "theil_t",
                "theil_l", "williamson", "need_alignment")
MAX_CHOICES = 300


# ---------------------------------------------------------------------------
# Cached computation
# ---------------------------------------------------------------------------


@memo.shared(maxsize=64)
def report_for(scenario_json: str, filter_json: str, x: str) -> dict:
    """scenario_report for (scenario, filter, X), plus each measure's weighting flag.

    One shared dict per input (:mod:`ui.memo`: no copy per call — unpickling the whole
    report was a visible part of every rerun): **read it, never change it**."""
    dataset = data.dataset()
    known = tuple(dataset.counties["code"])
    report_filter, _ = ProjectFilter.from_dict(json.loads(filter_json), known)
    report = scenario_report(dataset, json.loads(scenario_json), report_filter, x)
    panel, _ = data.panel(report_filter, ds=dataset)
    try:
        summary = panel_balance(panel, x).summary
        report["weighted"] = dict(zip(summary["measure_id"], summary["weighted"].astype(bool)))
    except ValueError:
        report["weighted"] = {}
    return report


@memo.shared(maxsize=32)
def project_choices(filter_json: str, hypothetical_json: str, lang: str
                    ) -> tuple[int, dict[str, str]]:
    """(number of projects matching, {id: label} of the first matches) — baseline projects
    plus the scenario's hypothetical ones (marked)."""
    dataset = data.dataset()
    chosen, _ = ProjectFilter.from_dict(json.loads(filter_json), tuple(dataset.counties["code"]))
    names_of = county_names(dataset.counties, lang)
    matching = chosen.apply(dataset.projects, dataset.counties)
    title = "title_fa" if lang == "fa" else "title_en"
    head = matching.head(MAX_CHOICES)
    labels = {str(i): f"{i} — {tt} ({names_of.get(c, c)})"
              for i, tt, c in zip(head["project_id"], head[title].fillna(head["title_fa"]),
                                  head["county_code"])}
    count = len(matching)
    rows = json.loads(hypothetical_json)
    kept = chosen.mask(pd.DataFrame(rows)) if rows else []  # the one filter semantics
    for row, keep in zip(rows, kept):
        if keep:
            count += 1
            shown = row.get(title) or row["title_fa"]
            labels[row["project_id"]] = (f"{row['project_id']} — {shown} "
                                         f"({names_of.get(row['county_code'])}) {HYP}")
    return count, labels


@memo.shared(maxsize=48)
def figure_for(kind: str, scenario_json: str, filter_json: str, x: str, option: str, lang: str):
    """The page's figures, built once per input: building Plotly figures is most of a
    rerun.  Shared objects (:mod:`ui.memo`), frozen: never changed after they are
    built, and their dict for the browser is made once (:mod:`figures.frozen`)."""
    return freeze(_build_figure(kind, scenario_json, filter_json, x, option, lang))


def _build_figure(kind: str, scenario_json: str, filter_json: str, x: str, option: str,
                  lang: str):
    dataset = data.dataset()
    report = report_for(scenario_json, filter_json, x)
    if kind == "measures":
        balance = {r["measure_id"]: r for r in report["balance"]}
        rows = [(t(f"measure_id.{m}", lang), balance[m]["baseline"], balance[m]["scenario"])
                for m in BAR_MEASURES if m in balance]
        return measure_bars(rows, lang)
    if kind == "map":
        report_filter, _ = ProjectFilter.from_dict(json.loads(filter_json),
                                                   tuple(dataset.counties["code"]))
        frame = data.panel(report_filter, ds=dataset)[0].copy()
        changes = pd.DataFrame(report["panel"]).set_index("code")[f"{option}_change"]
        frame[option] = changes.reindex(frame.index).astype(float)
        title = t("scenario_page.map_title", lang, measure=t(f"measure.{option}", lang))
        return county_map(frame, option, data.province_geometry(), lang,
                          centre=dataset.centre_code, diverging=True, title=title)[0]
    rows = pd.DataFrame(report["ranks"]).set_index("code")
    ranks = pd.DataFrame({"baseline": rows[f"{option}_rank_baseline"],
                          "scenario": rows[f"{option}_rank_scenario"]})
    marks = {r["county_code"]: f" {HYP}" for r in report["hypothetical"]}
    return rank_change_chart(ranks, county_names(dataset.counties, lang), lang, marks=marks)


def filter_json(project_filter: ProjectFilter) -> str:
    return json.dumps(project_filter.to_dict(), sort_keys=True)


def current_filter_json() -> str:
    current = st.session_state.get(state.FILTER)
    return filter_json(current if current is not None else ProjectFilter())


def current_x() -> str:
    value = st.session_state.get("scn_x", "budget_total")
    return value if value in BALANCE_X else "budget_total"


def check(scenario: Scenario) -> list[str]:
    """Problems of ``scenario`` against the data (computing — and caching — its report)."""
    try:
        report_for(scenario.to_json(None), current_filter_json(), current_x())
    except ScenarioError as err:
        return err.messages(state.lang())
    return []


# ---------------------------------------------------------------------------
# Wording helpers
# ---------------------------------------------------------------------------

_PARAM = re.compile(r"(?<![\w\u2066])([mk] = [0-9۰-۹٫.,—\-]+)")


def readable(text: str, lang: str) -> str:
    """Engine text for the page: in Persian, formulas such as "m = ۰٫۸" are isolated
    left to right (LRI … PDI; :func:`as_html` turns them into ``<span dir="ltr">``)."""
    if lang == "fa":
        text = _PARAM.sub(lambda m: "\u2066" + m.group(1) + "\u2069", text)
    return text


def as_html(text: str) -> str:
    """Escaped text for markdown, with the LRI … PDI isolates of formulas turned into
    ``<span dir="ltr">`` (the browser did not honour the isolate characters)."""
    return (html.escape(text, quote=False).replace("\u2066", '<span dir="ltr">')
            .replace("\u2069", "</span>"))


def note(text: str) -> None:
    """``layout.note`` for text holding formula isolates."""
    st.markdown(f'<div class="pishran-note">{as_html(text)}</div>', unsafe_allow_html=True)


def deprived_counties(ctx: PageContext) -> list[str]:
    """The «محروم» counties a ``to_level: deprived`` budget shift sends money to
    (:func:`analytics.scenario.level_counties`; ≈ 13 ms, computed only while that choice
    is shown)."""
    return level_counties(ctx.ds, "deprived")


def project_titles(ctx: PageContext) -> dict[str, str]:
    """Project id → title in the reader's language (Persian where there is no English
    one), baseline projects and the current scenario's hypothetical ones."""
    projects = ctx.ds.projects
    column = "title_fa" if ctx.lang == "fa" else "title_en"
    titles = dict(zip(projects["project_id"].astype(str),
                      projects[column].fillna(projects["title_fa"]).astype(str)))
    for edit in current_scenario().edits:
        if edit.kind == "add_project" and getattr(edit, "id", None):
            titles[str(edit.id)] = (edit.title_en or edit.title_fa) if ctx.lang == "en" \
                else edit.title_fa
    return titles


def describe(ctx: PageContext, edit) -> str:
    """One edit in the reader's words (county names, project titles), hypothetical ones
    marked."""
    titles = project_titles(ctx) if getattr(edit, "ids", None) else None
    text = readable(describe_edit(edit, ctx.lang, ctx.names, titles), ctx.lang)
    if edit.kind in ("add_project", "shift_budget"):
        text = f"{HYP} {text}"
    return text


def decimals_of(row: dict) -> int:
    """The decimals of ``measure_value_text`` for the larger side (3 below 10, else 1)."""
    sides = [abs(v) for v in (row["baseline"], row["scenario"]) if v is not None]
    return 3 if not sides or max(sides) < 10 else 1


def short_label(column: str, lang: str) -> str:
    """A short column label: the report's where there is one, else the measure's name."""
    key = f"report.col.{column}"
    return t(key, lang) if has_key(key) else t(f"measure.{column}", lang)


# ---------------------------------------------------------------------------
# Session state
# ---------------------------------------------------------------------------


def flash(area: str, kind: str, text: str, details: list[str] | None = None) -> None:
    """Keep a message for ``area``, shown once by :func:`show_flash` on the next run."""
    st.session_state[FLASH + area] = {"kind": kind, "text": text, "details": details or []}


def show_flash(area: str) -> None:
    message = st.session_state.pop(FLASH + area, None)
    if not message:
        return
    body = message["text"]
    if message["details"]:
        body += "\n\n" + "\n".join(f"- {d}" for d in message["details"])
    getattr(st, message["kind"])(body)


def current_scenario() -> Scenario:
    return st.session_state[SCENARIO]


def set_scenario(scenario: Scenario) -> None:
    st.session_state[SCENARIO] = scenario


def rerun_app_if_changed() -> None:
    """In a fragment: when a callback (add, load, save …) changed the scenario, rerun the
    whole page so the list of edits and the results follow.  A no-op in a full run (the
    page records the scenario it draws before the fragments run)."""
    if st.session_state.get(SCENARIO) is not st.session_state.get(DRAWN):
        st.rerun(scope="app")
