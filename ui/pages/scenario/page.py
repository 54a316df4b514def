"""The order of the Scenario page: title, the scenario (session, else link, else empty),
builder, list of edits, saved scenarios, results, link."""

from __future__ import annotations

import json

import streamlit as st

from analytics.measures import BALANCE_X
from analytics.scenario import Scenario, ScenarioError
from i18n import t
from store import scenarios as store
from ui import data, layout, state
from ui.context import page_context
from ui.pages.scenario.builder import builder, edit_list
from ui.pages.scenario.common import (
    DRAWN,
    SCENARIO,
    check,
    current_scenario,
    figure_for,
    filter_json,
    flash,
    project_choices,
    report_for,
    set_scenario,
    show_flash,
)
from ui.pages.scenario.downloads import scenario_downloads
from ui.pages.scenario.results import results
from ui.pages.scenario.saved import saved_scenarios
from ui.pages.scenario.tables import county_table, measures_table
from ui.state import seed

#: The page's caches, keyed by scenario, filter, X … but not by the data.
CACHES = (report_for, project_choices, figure_for, measures_table, county_table)


#: Which dataset (version token) the caches were filled for, process-wide.
_CACHED_FOR: dict[str, str | None] = {"token": None}


def drop_caches_of_old_data(ds) -> None:
    """When an import or restore makes another dataset current, empty the caches once."""
    token = data.dataset_token(ds)
    if _CACHED_FOR["token"] != token:
        for cache in CACHES:
            cache.clear()
        _CACHED_FOR["token"] = token


def _scenario_from_link(lang: str) -> None:
    """On a session's first visit: the scenario of the link (``?s=``), checked against the
    data, else an empty one (with the link's problems shown once)."""
    initial, link_problems = Scenario(), []
    raw = st.query_params.get("s")
    if raw:
        parsed, problems = store.scenario_from_query(raw)
        link_problems = [p.message(lang) for p in problems]
        if parsed is not None:
            link_problems = check(parsed)
            if not link_problems:
                initial = parsed
    set_scenario(initial)
    if link_problems:
        flash("link", "warning", t("scenario_page.link_rejected", lang), link_problems)


def render() -> None:
    """Draw the Scenario page (one run)."""
    ctx = page_context()
    lang = ctx.lang
    drop_caches_of_old_data(ctx.ds)
    if SCENARIO not in st.session_state:
        _scenario_from_link(lang)
    seed("scn_x", state.page_param("scn_x", "budget_total", state.choice(BALANCE_X)))
    if st.session_state["scn_x"] not in BALANCE_X:
        st.session_state["scn_x"] = "budget_total"

    st.title(t("scenario_page.title", lang))
    layout.note(t("scenario_page.intro", lang))
    show_flash("link")

    scenario = current_scenario()
    filters = filter_json(ctx.flt)
    x = st.session_state["scn_x"]
    try:
        report = report_for(scenario.to_json(None), filters, x)
    except ScenarioError as err:  # e.g. a filter change made an earlier edit inapplicable
        st.error(t("scenario.error.title", lang) + "\n\n" + "\n".join(
            f"- {m}" for m in err.messages(lang)))
        scenario = Scenario()
        set_scenario(scenario)
        report = report_for(scenario.to_json(None), filters, x)
    st.session_state[DRAWN] = scenario
    for warning in report.get("guardrails", ()):  # the policy guardrails (issue 15)
        st.warning(f"**{t('guardrail.heading', lang)}** — {warning[lang]}")
    hyp_json = json.dumps([{k: r.get(k) for k in ("project_id", "county_code", "sector",
                                                   "status", "title_fa", "title_en")}
                           for r in report["hypothetical"]], ensure_ascii=False)

    builder(ctx, hyp_json)
    edit_list(ctx, scenario, report)
    query = None
    if not scenario.is_empty():
        try:
            query = store.scenario_to_query(scenario)
        except ScenarioError:
            layout.note(t("scenario_page.too_long_for_link", lang))
    saved_scenarios(ctx, scenario, report, filters, x)
    results(ctx, scenario, filters, query)
    scenario_downloads(ctx, scenario, filters, x)
