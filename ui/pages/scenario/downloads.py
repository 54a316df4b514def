"""The Scenario page's downloads: the scenario itself (JSON), its tables (Excel/CSV, numbers
as numbers) and its figures (PNG/SVG, stand-alone: exports.standalone).

:func:`scenario_downloads` is the page's one call; :func:`measures_frame` and
:func:`counties_frame` build the tables from the scenario report (no Streamlit in them, so
tests call them directly)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from briefing.tables import measure_id_label
from i18n import t
from ui.downloads import chart_downloads, table_downloads
from ui.filenames import download_name
from ui.pages.scenario.common import HYP, figure_for, report_for

__all__ = ["COUNTY_COLUMNS", "counties_frame", "measures_frame", "scenario_downloads"]

COUNTY_COLUMNS = ("budget_total", "budget_per_capita", "jobs_total", "jobs_per_1000",
                  "unemployment_rate")


def measures_frame(report: dict, x: str, lang: str) -> pd.DataFrame:
    """Every balance measure: baseline, scenario, change — as numbers."""
    rows = [{t("balance.col.measure", lang): measure_id_label(r["measure_id"], x, lang),
             t("scenario.report.baseline", lang): r["baseline"],
             t("scenario.report.scenario", lang): r["scenario"],
             t("scenario.report.change", lang): r["change"]} for r in report["balance"]]
    frame = pd.DataFrame(rows)
    for column in frame.columns[1:]:
        frame[column] = pd.to_numeric(frame[column], errors="coerce")
    return frame


def counties_frame(report: dict, lang: str) -> pd.DataFrame:
    """One row per county: baseline, scenario and change of the main measures (numbers),
    and a column marking the counties with hypothetical projects."""
    name_col = "name_fa" if lang == "fa" else "name_en"
    hyp = {r["county_code"] for r in report["hypothetical"]}
    sides = [t(f"scenario.report.{k}", lang) for k in ("baseline", "scenario", "change")]
    rows = []
    for row in report["panel"]:
        entry = {t("common.county", lang): row[name_col],
                 HYP: HYP if row["code"] in hyp else ""}
        for column in COUNTY_COLUMNS:
            if f"{column}_baseline" not in row:
                continue
            label = t(f"measure.{column}", lang)
            for side, key in zip(sides, ("baseline", "scenario", "change")):
                value = row.get(f"{column}_{key}")
                entry[f"{label} — {side}"] = None if value is None else float(value)
        rows.append(entry)
    return pd.DataFrame(rows)


def scenario_downloads(ctx, scenario, filter_json: str, x: str) -> None:
    """The downloads section: scenario JSON, the measures and counties tables, and the
    measures chart, the change map and the rank change as images."""
    lang = ctx.lang
    scenario_json = scenario.to_json(None)
    report = report_for(scenario_json, filter_json, x)
    with st.expander(t("scenario_dl.heading", lang)):
        name = scenario.name or t("scenario_dl.file_name", lang)
        st.download_button(t("scenario_dl.json", lang),
                           data=scenario.to_json(2).encode("utf-8"),
                           file_name=f"{download_name(name, lang)}.json",
                           mime="application/json",
                           key="scn_dl_json", on_click="ignore", type="tertiary")
        st.markdown("**" + t("scenario_dl.measures", lang) + "**")
        table_downloads(measures_frame(report, x, lang),
                        t("scenario_dl.measures", lang), lang, key="scn_measures")
        st.markdown("**" + t("scenario_page.panel_heading", lang) + "**")
        table_downloads(counties_frame(report, lang), t("scenario_page.panel_heading", lang),
                        lang, key="scn_counties")
        for kind, option, title in (
                ("measures", "", t("scenario_dl.measures", lang)),
                ("map", "budget_per_capita",
                 t("scenario_page.map_title", lang,
                   measure=t("measure.budget_per_capita", lang))),
                ("ranks", "development", t("scenario_page.ranks_heading", lang))):
            st.markdown("**" + title + "**")
            fig = figure_for(kind, scenario_json, filter_json, x, option, lang)
            chart_downloads(fig, title, lang, key=f"scn_fig_{kind}")
