"""The Scenario page's tables, built once per input and shared (:mod:`ui.memo`; read them,
never change them): formatting 19 measures or 28 counties × 12 cells was most of a rerun
of the results.  They are kept as Arrow tables (``pyarrow.Table.from_pandas`` of the
formatted frame, which is what ``st.table`` does to a DataFrame on every call), so a rerun
only sends them; draw them with ``hide_index=False`` (the county or measure is the index),
or Streamlit converts the table back to pandas to look at its index."""

from __future__ import annotations

import math

import pandas as pd
import pyarrow as pa

from analytics.panel import PANEL_MEASURES
from briefing.report import measure_value_text
from figures.scenario_charts import signed
from i18n import fmt_number, fmt_percent, t
from ui import memo
from ui.pages.scenario.common import HYP, decimals_of, report_for, short_label


@memo.shared(maxsize=48)
def measures_table(scenario_json: str, filter_json: str, x: str, lang: str) -> pa.Table:
    """Every balance measure: baseline, scenario, change, weighting and a reading."""
    report = report_for(scenario_json, filter_json, x)
    x_short = t(f"measure.short.{x}", lang)
    rows = []
    for r in report["balance"]:
        mid = r["measure_id"]
        weighted = report["weighted"].get(mid)
        rows.append({
            t("balance.col.measure", lang): t(f"measure_id.{mid}", lang),
            t("scenario.report.baseline", lang): measure_value_text(r["baseline"], lang),
            t("scenario.report.scenario", lang): measure_value_text(r["scenario"], lang),
            t("scenario.report.change", lang): signed(r["change"], lang, decimals_of(r)),
            t("balance.col.weighted", lang): "—" if weighted is None else t(
                "balance.weighted.yes" if weighted else "balance.weighted.no", lang),
            t("balance.col.reading", lang): _reading(mid, r, lang, x_short),
        })
    return pa.Table.from_pandas(pd.DataFrame(rows).set_index(t("balance.col.measure", lang)))


@memo.shared(maxsize=48)
def county_table(scenario_json: str, filter_json: str, x: str, map_measure: str, lang: str
                 ) -> pa.Table:
    """The county panel, baseline | scenario | change, for budget, jobs, unemployment and
    the map's measure; counties with hypothetical projects marked."""
    report = report_for(scenario_json, filter_json, x)
    marks = {r["county_code"]: f" {HYP}" for r in report["hypothetical"]}
    columns = list(dict.fromkeys(["budget_total", "jobs_total", "unemployment_rate",
                                  map_measure]))
    sides = [t(f"scenario.report.{k}", lang) for k in ("baseline", "scenario", "change")]
    county = t("common.county", lang)
    name_col = "name_fa" if lang == "fa" else "name_en"
    rows = []
    for row in report["panel"]:
        code = row["code"]
        entry = {("", county): f"{row[name_col]}{marks.get(code, '')}"}
        for column in columns:
            decimals = PANEL_MEASURES.get(column, (None, 0))[1]
            label = short_label(column, lang)
            entry[(label, sides[0])] = fmt_number(row[f"{column}_baseline"], lang, decimals)
            entry[(label, sides[1])] = fmt_number(row[f"{column}_scenario"], lang, decimals)
            entry[(label, sides[2])] = signed(row[f"{column}_change"], lang, decimals)
        rows.append(entry)
    table = pd.DataFrame(rows)
    table.columns = pd.MultiIndex.from_tuples(table.columns)
    return pa.Table.from_pandas(table.set_index(("", county)).rename_axis(county))


def _reading(mid: str, row: dict, lang: str, x_short: str) -> str:
    """One measure's change in words."""
    b, s, c = row["baseline"], row["scenario"], row["change"]
    if b is None or s is None or c is None:
        return "—"
    if mid == "centre_share_population":
        return t("scenario_page.reading.population", lang)
    same = abs(c) < 0.5 * 10 ** -decimals_of(row)  # what the table shows as zero
    if mid == "centre_share_x":
        if same:
            return t("scenario_page.reading.centre_same", lang, x=x_short,
                     value=fmt_percent(b, lang, 1, is_fraction=True))
        return t("scenario_page.reading.centre_" + ("down" if c < 0 else "up"), lang, x=x_short,
                 before=fmt_percent(b, lang, 1, is_fraction=True),
                 after=fmt_percent(s, lang, 1, is_fraction=True))
    if same:
        return t("scenario_page.reading.same", lang)
    if mid == "centre_ratio":
        closer = abs(s - 1) < abs(b - 1)
        return t("scenario_page.reading.ratio_" + ("closer" if closer else "further"), lang,
                 before=measure_value_text(b, lang), after=measure_value_text(s, lang))
    if mid == "need_alignment":
        return t("scenario_page.reading.need_" + ("up" if c > 0 else "down"), lang, x=x_short,
                 before=measure_value_text(b, lang), after=measure_value_text(s, lang))
    relative = abs(c) / abs(b) * 100 if b else math.nan
    key = "scenario_page.reading." + ("more_even" if c < 0 else "less_even")
    return t(key, lang, pct=fmt_number(relative, lang, 1) if math.isfinite(relative) else "∞")


