"""The Scenario page's results: baseline against scenario — headline figures, every
balance measure with its change and a reading, hypothetical projects, and one of four
sections at a time (map of the change, county panel, rank changes, labour model), chosen
in the link (``?scn_view=``): a rerun sends one of the heavy tables/charts, not all."""

from __future__ import annotations

import math

import pandas as pd
import streamlit as st

from analytics.labour_model import (
    DEFAULT_ASSUMPTIONS,
    INDUSTRIAL_COUNTIES,
    labour_effect,
    rate_rise_threshold,
)
from analytics.measures import BALANCE_X
from analytics.scenario import Scenario
from briefing.report import measure_value_text
from figures.scenario_charts import signed
from figures.theme import plotly_config
from i18n import fmt_int, fmt_number, fmt_percent, t
from i18n.formatting import LRM
from ui import data, layout, state
from ui.pages.scenario.builder import DEMO_JOBS, DEMO_K, DEMO_M, demo_assumptions
from ui.pages.scenario.common import (
    HYP,
    MAP_MEASURES,
    PageContext,
    as_html,
    describe,
    figure_for,
    note,
    report_for,
    rerun_app_if_changed,
    show_flash,
)
from ui.pages.scenario.tables import county_table, measures_table
from ui.state import seed

#: The result sections, shown one at a time (a segmented control, ``?scn_view=``).
VIEWS = ("map", "counties", "ranks", "labour")
VIEW_LABELS = {"map": "scenario_page.map_heading", "counties": "report.panel_heading",
               "ranks": "scenario_page.ranks_heading", "labour": "nav.labour"}
RANK_KIND = "scenario_page:rank_kind"    # the rank chart's choice, kept while it is hidden


def results(ctx: PageContext, scenario: Scenario, filter_json: str, query: str | None
            ) -> None:
    """Draw the results: X, the headline, every measure, the hypothetical projects, then
    the chosen section (``query``: the scenario's ``?s=``, written into the link by the
    section).  Choosing another X reruns the page, since the saved-scenario comparison
    above shows X too."""
    lang = ctx.lang
    st.header(t("scenario_page.results_heading", lang))
    if scenario.is_empty():
        layout.note(t("scenario_page.results_empty", lang))
    x = st.selectbox(t("balance.x", lang), BALANCE_X, key="scn_x",
                     format_func=lambda m: t(f"measure.{m}", lang),
                     placeholder=t("common.choose", lang))
    state.set_page_param("scn_x", x)
    scenario_json = scenario.to_json(None)
    report = report_for(scenario_json, filter_json, x)
    headline(ctx, report, x)
    measures(ctx, report, x, scenario_json, filter_json)
    hypothetical(ctx, report)
    sections(ctx, scenario, x, filter_json, query)


def _metric_delta(change: float | None, lang: str, decimals: int, threshold: float,
                  unit: str = "") -> str | None:
    """A change as ``st.metric``'s delta: ``None`` below ``threshold``; otherwise signed
    with an ASCII "-" first and no LRM (Streamlit reads the leading "-" for the arrow)."""
    if change is None or abs(change) < threshold:
        return None
    text = signed(change, lang, decimals).lstrip(LRM).replace("−", "-")
    return f"{text} {unit}" if unit else text


def headline(ctx: PageContext, report: dict, x: str) -> None:
    """Four metrics: the centre's share of X, weighted Gini, unemployment, new jobs."""
    lang, x_short = ctx.lang, t(f"measure.short.{x}", ctx.lang)
    balance = {r["measure_id"]: r for r in report["balance"]}
    province = report["totals"]["province"]
    cols = st.columns(4)
    share = balance.get("centre_share_x")
    if share:
        cols[0].metric(t("scenario_page.metric.centre_share", lang, x=x_short),
                       fmt_percent(share["scenario"], lang, 1, is_fraction=True),
                       delta=_metric_delta(None if share["change"] is None
                                           else share["change"] * 100, lang, 1, 5e-3,
                                           t("scenario_page.points", lang)),
                       delta_color="inverse")
        cols[0].caption(t("scenario_page.metric.baseline", lang,
                          value=fmt_percent(share["baseline"], lang, 1, is_fraction=True)))
    gini = balance.get("gini_weighted")
    if gini:
        cols[1].metric(t("measure_id.gini_weighted", lang),
                       measure_value_text(gini["scenario"], lang),
                       delta=_metric_delta(gini["change"], lang, 3, 5e-4),
                       delta_color="inverse")
        cols[1].caption(t("scenario_page.metric.baseline", lang,
                          value=measure_value_text(gini["baseline"], lang)))
    rate = province.get("unemployment_rate", {})
    cols[2].metric(t("scenario_page.metric.unemployment", lang),
                   fmt_percent(rate.get("scenario"), lang, 2),
                   delta=_metric_delta(rate.get("change"), lang, 2, 5e-3,
                                       t("scenario_page.points", lang)),
                   delta_color="inverse")
    cols[2].caption(t("scenario_page.metric.baseline", lang,
                      value=fmt_percent(rate.get("baseline"), lang, 2)))
    new_jobs = math.fsum(r["jobs"] for r in report["labour"]
                         if r.get("jobs") is not None and not math.isnan(r["jobs"]))
    cols[3].metric(t("scenario_page.metric.new_jobs", lang), fmt_int(new_jobs, lang))
    budget = province.get("budget_total", {})
    cols[3].caption(t("scenario_page.metric.budget", lang,
                      before=fmt_int(budget.get("baseline"), lang),
                      after=fmt_int(budget.get("scenario"), lang)))


def measures(ctx: PageContext, report: dict, x: str, scenario_json: str, filter_json: str
             ) -> None:
    """Every balance measure, baseline against scenario, and the bar chart of the indices."""
    lang, x_short = ctx.lang, t(f"measure.short.{x}", ctx.lang)
    st.subheader(t("scenario_page.measures_heading", lang, x=t(f"measure.{x}", lang)))
    if report["balance_error"]["baseline"] or report["balance_error"]["scenario"]:
        st.info(t("balance.no_x", lang, x=t(f"measure.{x}", lang)))
    else:
        st.table(measures_table(scenario_json, filter_json, x, lang), hide_index=False)
        dropped = sorted(set(report["balance_dropped"]["baseline"])
                         | set(report["balance_dropped"]["scenario"]))
        if dropped:
            layout.note(t("balance.dropped", lang, x=x_short,
                          names=ctx.sep.join(ctx.names.get(c, c) for c in dropped)))
        title = t("scenario_page.chart.measures", lang, x=x_short)
        st.plotly_chart(figure_for("measures", scenario_json, filter_json, x, "", lang),
                        width="stretch",
                        config=plotly_config(title, lang), key="scn_chart_measures")
        layout.note(t("scenario_page.measures_note", lang))


def _hyp_table(ctx: PageContext, records: list[dict]) -> pd.DataFrame:
    lang, names = ctx.lang, ctx.names
    title_col = "title_fa" if lang == "fa" else "title_en"
    return pd.DataFrame([{
        t("scenario_page.col.id", lang): f"{HYP} {r['project_id']}",
        t("scenario_page.col.kind", lang): t("scenario.hypothetical", lang),
        t("common.county", lang): names.get(r["county_code"], r["county_code"]),
        t("scenario_page.add.sector", lang): t(f"sector.{r['sector']}", lang),
        t("scenario_page.col.title", lang): r.get(title_col) or r["title_fa"],
        t("scenario_page.add.budget", lang): fmt_number(r["budget_billion_rials"], lang),
        t("scenario_page.add.jobs", lang): fmt_int(r["expected_jobs"], lang),
        t("scenario_page.add.status", lang): t(f"status.{r['status']}", lang),
    } for r in records]).set_index(t("scenario_page.col.id", lang))


def hypothetical(ctx: PageContext, report: dict) -> None:
    """The scenario's hypothetical projects (added ones; budget moved by a shift)."""
    lang = ctx.lang
    if report["hypothetical"]:
        st.subheader(t("scenario_page.hyp_heading", lang, mark=HYP))
        realloc = [r for r in report["hypothetical"] if r["project_id"].startswith("hyp-realloc-")]
        added = [r for r in report["hypothetical"] if r not in realloc]
        if added:
            st.table(_hyp_table(ctx, added))
        if realloc:
            total = sum(r["budget_billion_rials"] or 0 for r in realloc)
            box = st.expander(t("scenario_page.realloc_heading", lang,
                                n=fmt_int(len(realloc), lang), budget=fmt_number(total, lang)),
                              key="scn_realloc_open", on_change="rerun")
            with box:  # the content runs only while it is open
                if box.open:
                    st.table(_hyp_table(ctx, realloc))


def _map_measure_select(lang: str, map_measure: str) -> str:
    """The measure of the map and of the county table (kept while another section shows)."""
    seed("scn_map", map_measure)
    if st.session_state["scn_map"] not in MAP_MEASURES:
        st.session_state["scn_map"] = "budget_per_capita"
    chosen = st.selectbox(t("scenario_page.map_measure", lang), MAP_MEASURES, key="scn_map",
                          format_func=lambda m: t(f"measure.{m}", lang),
                          placeholder=t("common.choose", lang))
    state.set_page_param("scn_map", chosen)
    return chosen


@st.fragment
def sections(ctx: PageContext, scenario: Scenario, x: str, filter_json: str,
             query: str | None) -> None:
    """One section at a time — map of the change, county panel, rank changes or labour
    model — and the link.  A fragment: choosing the section, the map measure or the rank
    kind reruns only this; a callback that changes the scenario (the labour
    demonstration) reruns the whole page."""
    rerun_app_if_changed()
    lang = ctx.lang
    scenario_json = scenario.to_json(None)
    report = report_for(scenario_json, filter_json, x)
    seed("scn_view", state.page_param("scn_view", "map", state.choice(VIEWS)))
    if st.session_state["scn_view"] not in VIEWS:
        st.session_state["scn_view"] = "map"
    view = st.segmented_control(t("scenario_page.results_heading", lang), VIEWS, key="scn_view",
                                required=True, label_visibility="collapsed",
                                format_func=lambda v: t(VIEW_LABELS[v], lang)) or "map"
    state.set_page_param("scn_view", view)
    map_measure = state.page_param("scn_map", "budget_per_capita", state.choice(MAP_MEASURES))
    if map_measure not in MAP_MEASURES:
        map_measure = "budget_per_capita"
    if view == "map":
        map_measure = _map_section(ctx, x, scenario_json, filter_json, map_measure)
    elif view == "counties":
        map_measure = _county_section(ctx, report, x, scenario_json, filter_json,
                                      map_measure)
    elif view == "ranks":
        _rank_section(ctx, report, x, scenario_json, filter_json)
    else:
        _labour_section(ctx, scenario, report)
    layout.note(t("common.sample_legend", lang))
    state.sync_url({"s": query, "scn_x": x if x != "budget_total" else None,
                    "scn_map": map_measure if map_measure != "budget_per_capita" else None,
                    "scn_view": view if view != "map" else None})


def _map_section(ctx: PageContext, x: str, scenario_json: str, filter_json: str,
                 map_measure: str) -> str:
    lang = ctx.lang
    st.subheader(t("scenario_page.map_heading", lang))
    map_measure = _map_measure_select(lang, map_measure)
    map_title = t("scenario_page.map_title", lang, measure=t(f"measure.{map_measure}", lang))
    st.plotly_chart(figure_for("map", scenario_json, filter_json, x, map_measure, lang),
                    width="stretch", config=plotly_config(map_title, lang), key="scn_chart_map")
    if data.province_geometry() is None:
        st.info(t("geo.missing", lang))
    layout.note(t("scenario_page.map_note", lang))
    return map_measure


def _county_section(ctx: PageContext, report: dict, x: str, scenario_json: str,
                    filter_json: str, map_measure: str) -> str:
    lang = ctx.lang
    marks = {r["county_code"]: f" {HYP}" for r in report["hypothetical"]}
    st.subheader(t("scenario_page.panel_heading", lang))
    map_measure = _map_measure_select(lang, map_measure)
    st.table(county_table(scenario_json, filter_json, x, map_measure, lang), hide_index=False)
    if marks:
        layout.note(t("scenario_page.hyp_county_legend", lang, mark=HYP))
    return map_measure


def _rank_section(ctx: PageContext, report: dict, x: str, scenario_json: str,
                  filter_json: str) -> None:
    lang, x_short = ctx.lang, t(f"measure.short.{x}", ctx.lang)
    st.subheader(t("scenario_page.ranks_heading", lang))
    seed("scn_rank_kind", st.session_state.get(RANK_KIND, "development"))
    rank_kind = st.radio(t("scenario_page.rank_kind", lang), ["development", "measure"],
                         key="scn_rank_kind", horizontal=True,
                         format_func=lambda k: t(f"scenario_page.rank_kind.{k}", lang, x=x_short))
    st.session_state[RANK_KIND] = rank_kind
    rank_rows = pd.DataFrame(report["ranks"]).set_index("code")
    rank_title = t(f"scenario_page.rank_kind.{rank_kind}", lang, x=x_short)
    st.plotly_chart(figure_for("ranks", scenario_json, filter_json, x, rank_kind, lang),
                    width="stretch", config=plotly_config(rank_title, lang), key="scn_chart_ranks")
    moved = int((rank_rows[f"{rank_kind}_rank_change"].fillna(0) != 0).sum())
    layout.note(t("scenario_page.ranks_note", lang, n=fmt_int(moved, lang)))


def _labour_section(ctx: PageContext, scenario: Scenario, report: dict) -> None:
    lang, names, sep = ctx.lang, ctx.names, ctx.sep
    labour = pd.DataFrame(report["labour"]).set_index("code") if report["labour"] else None
    st.subheader(t("scenario_page.labour_heading", lang))
    industrial_names = sep.join(names[c] for c in INDUSTRIAL_COUNTIES if c in names)
    st.markdown(as_html(t("scenario_page.labour_assumptions", lang,
                          mi=fmt_number(DEFAULT_ASSUMPTIONS["industrial"].m, lang, 1),
                          ki=fmt_number(DEFAULT_ASSUMPTIONS["industrial"].k, lang, 1),
                          mo=fmt_number(DEFAULT_ASSUMPTIONS["other"].m, lang, 1),
                          ko=fmt_number(DEFAULT_ASSUMPTIONS["other"].k, lang, 1),
                          industrial=industrial_names)), unsafe_allow_html=True)
    if labour is not None:
        changed = [e for e in scenario.edits if e.kind == "assumptions"]
        if changed:
            note(t("scenario_page.labour_changed", lang, list=sep.join(
                describe(ctx, e) for e in changed)))
        active = labour[labour["jobs"].fillna(0) > 0]
        if active.empty:
            st.info(t("scenario_page.labour_none", lang))
        else:
            rows = []
            for code, r in active.iterrows():
                rises = (r["unemployment_rate_change"] or 0) > 0
                rows.append({
                    t("common.county", lang): names.get(code, code) + (" ▲" if rises else ""),
                    t("scenario_page.col.group", lang): t(f"scenario.group.{r['group']}", lang),
                    "m": fmt_number(r["m"], lang, 2), "k": fmt_number(r["k"], lang, 1),
                    t("scenario.labour.jobs", lang): fmt_int(r["jobs"], lang),
                    t("scenario.labour.local_hires", lang): fmt_int(r["local_hires"], lang),
                    t("scenario.labour.in_migrant_workers", lang): fmt_int(
                        r["in_migrant_workers"], lang),
                    t("scenario.labour.followers", lang): fmt_int(r["followers"], lang),
                    t("scenario.labour.unemployment_rate", lang): fmt_number(
                        r["unemployment_rate"], lang, 2),
                    t("scenario.labour.unemployment_rate_new", lang): fmt_number(
                        r["unemployment_rate_new"], lang, 2),
                    t("scenario.labour.unemployment_rate_change", lang): signed(
                        r["unemployment_rate_change"], lang, 2),
                    t("scenario.labour.net_migration_rate_added", lang): fmt_number(
                        r["net_migration_rate_added"], lang, 2),
                })
            st.table(pd.DataFrame(rows).set_index(t("common.county", lang)))
            if any(active["unemployment_rate_change"].fillna(0) > 0):
                layout.note(t("scenario_page.labour_rises", lang))
            if active["local_hires_capped"].fillna(False).astype(bool).any():
                layout.note(t("scenario_page.labour_capped", lang))

    # the demonstration: high m and k raise an industrial county's unemployment
    with st.container(border=True):
        st.markdown(f"**{t('scenario_page.demo_heading', lang)}**")
        threshold = rate_rise_threshold(DEMO_M, DEMO_K)
        base_panel = ctx.panel
        candidates = base_panel.loc[[c for c in INDUSTRIAL_COUNTIES
                                     if c in base_panel.index]]
        candidates = candidates.dropna(subset=["unemployed", "labour_force"])
        if not candidates.empty:
            demo_code = candidates["unemployment_rate"].astype(float).idxmin()
            d = candidates.loc[demo_code]
            effect = labour_effect(DEMO_JOBS, float(d["unemployed"]), float(d["labour_force"]),
                                   float(d["population"]), m=DEMO_M, k=DEMO_K).iloc[0]
            rises = effect["unemployment_rate_new"] > effect["unemployment_rate"]
            st.markdown(as_html(t(
                "scenario_page.demo_text" if rises else "scenario_page.demo_text_falls", lang,
                m=fmt_number(DEMO_M, lang, 1), k=fmt_number(DEMO_K, lang, 0),
                jobs=fmt_int(DEMO_JOBS, lang), county=names[demo_code],
                local=fmt_int(effect["local_hires"], lang),
                migrants=fmt_int(effect["in_migrant_workers"], lang),
                followers=fmt_int(effect["followers"], lang),
                before=fmt_number(effect["unemployment_rate"], lang, 2),
                after=fmt_number(effect["unemployment_rate_new"], lang, 2),
                threshold=fmt_number(threshold, lang, 1))), unsafe_allow_html=True)
            industrial = DEFAULT_ASSUMPTIONS["industrial"]
            note(t("scenario_page.demo_rule", lang, m=fmt_number(DEMO_M, lang, 1),
                          k=fmt_number(DEMO_K, lang, 0), threshold=fmt_number(threshold, lang, 1),
                          default=fmt_number(rate_rise_threshold(industrial.m, industrial.k),
                                             lang, 1)))
            st.button(t("scenario_page.demo_apply", lang, m=fmt_number(DEMO_M, lang, 1),
                        k=fmt_number(DEMO_K, lang, 0)), key="scn_demo", on_click=demo_assumptions,
                      args=(ctx,))
            show_flash("demo")
