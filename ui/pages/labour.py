"""The Labour page — labour and migration: unemployment against net migration per county,
four quadrants at adjustable thresholds (default: the province values), and who is an
"industrial magnet"."""

from __future__ import annotations

import html
import math

import numpy as np
import pandas as pd
import streamlit as st

from analytics.labour import (
    QUADRANTS,
    classify_labour_migration,
    group_members,
    province_thresholds,
    quadrant_members,
)
from figures.charts import labour_scatter
from figures.map_layers import panel_group_label
from figures.theme import plotly_config
from i18n import fmt_int, fmt_number, t
from ui import layout, state
from ui.context import page_context
from ui.downloads import chart_downloads, table_downloads


def _number(raw: str):
    try:
        value = float(raw)
    except (TypeError, ValueError):
        return None
    return value if math.isfinite(value) and -1000 <= value <= 1000 else None


def _options(values: pd.Series, default: float) -> list[float]:
    """Slider stops every 0.1 (1 for wide ranges) over the data, plus the exact default."""
    lo, hi = float(np.nanmin(values)), float(np.nanmax(values))
    step = 0.1 if hi - lo <= 30 else 0.5
    grid = np.round(np.arange(math.floor(lo) - 1, math.ceil(hi) + 1 + step / 2, step), 1)
    keep = [float(v) for v in grid if abs(v - default) >= step / 2]
    return sorted({*keep, float(default)})


def _reset(unemployment: float, migration: float) -> None:
    """The reset button's callback: both thresholds back to the province values."""
    st.session_state["labour_u"] = unemployment
    st.session_state["labour_m"] = migration


def render() -> None:
    """Draw the Labour page (one run)."""
    ctx = page_context()
    lang, panel = ctx.lang, ctx.panel
    names, sep = ctx.names, ctx.sep
    province = province_thresholds(panel)
    group_mark = t("measure.group_mark", lang)

    def marked(text: str, group: bool, sample: bool) -> str:
        """A value with ▣ when it is a larger unit's value, else ✱ when it is a sample."""
        return text + (f" {group_mark}" if group else " ✱" if sample else "")

    st.title(t("labour.title", lang))
    layout.note(t("labour.intro", lang))

    # --- thresholds (kept in session keys so a reset can set them before the widgets run) -------
    u_options = _options(panel["unemployment_rate"], province.unemployment)
    m_options = _options(panel["net_migration_rate"], province.migration)
    u_param = state.page_param("u", province.unemployment, _number)
    m_param = state.page_param("m", province.migration, _number)
    u_param = min(u_options, key=lambda v: abs(v - u_param))
    m_param = min(m_options, key=lambda v: abs(v - m_param))
    state.seed("labour_u", u_param, options=u_options)
    state.seed("labour_m", m_param, options=m_options)

    c1, c2, c3 = st.columns([4, 4, 3], vertical_alignment="bottom")
    u0 = c1.select_slider(t("labour.u_threshold", lang), u_options, key="labour_u",
                          format_func=lambda v: fmt_number(v, lang, 1),
                          help=t("labour.u_threshold_help", lang,
                                 value=fmt_number(province.unemployment, lang, 2)))
    m0 = c2.select_slider(t("labour.m_threshold", lang), m_options, key="labour_m",
                          format_func=lambda v: fmt_number(v, lang, 1),
                          help=t("labour.threshold_help", lang,
                                 value=fmt_number(province.migration, lang, 2)))
    c3.button(t("labour.reset", lang), on_click=_reset,
              args=(province.unemployment, province.migration))
    state.set_page_param("u", u0)
    state.set_page_param("m", m0)
    custom = (u0, m0) != (province.unemployment, province.migration)

    classified = classify_labour_migration(panel, u0, m0)
    thresholds = classified.attrs["thresholds"]
    layout.note(t("labour.thresholds_note", lang, u=fmt_number(u0, lang, 1), m=fmt_number(m0, lang, 1),
                  source=t("labour.source.custom" if custom else "labour.source.province", lang)))

    # --- the scatter --------------------------------------------------------------------------------
    # counties showing a larger unit's rate are left off the scatter, named above it
    grouped = group_members(classified)
    fig = labour_scatter(classified, thresholds, lang, group_name=panel_group_label(
        ctx.ds.indicators, panel, grouped, ("unemployment_rate", "net_migration_rate"), lang))
    st.plotly_chart(fig, width="stretch", config=plotly_config(t("labour.title", lang), lang))
    chart_downloads(fig, t("labour.title", lang), lang, key="labour_scatter")
    shown = classified[~classified["missing"] & ~classified["is_group"]]
    n_sample = int(shown["is_sample"].sum())
    if n_sample:
        st.markdown('<span class="pishran-sample">' + html.escape(t(
            "labour.sample_note", lang, n=fmt_int(n_sample, lang), total=fmt_int(len(shown), lang)))
            + "</span>", unsafe_allow_html=True)
    missing = classified.index[classified["missing"]].tolist()
    if missing:
        layout.note(t("labour.missing", lang, names=sep.join(names[c] for c in missing)))
    if grouped:
        layout.note(t("labour.group_note", lang, mark=group_mark,
                      names=sep.join(names[c] for c in grouped)))

    # --- counties per quadrant ------------------------------------------------------------------------
    members = quadrant_members(classified)
    magnets = members["industrial_magnet"]
    if magnets:
        st.info(t("labour.magnet_note", lang, names=sep.join(names[c] for c in magnets)))
    else:
        st.info(t("labour.no_magnet", lang))

    st.subheader(t("labour.table_heading", lang))
    rows = [{
        t("labour.col.group", lang): t(f"labour.quadrant.{q}", lang),
        t("labour.col.meaning", lang): t(f"labour.quadrant_desc.{q}", lang),
        t("labour.col.n", lang): fmt_int(len(members[q]), lang),
        t("labour.col.counties", lang): sep.join(names[c] for c in members[q]) or "—",
    } for q in QUADRANTS]
    st.table(pd.DataFrame(rows).set_index(t("labour.col.group", lang)))

    st.subheader(t("labour.details_heading", lang))
    rows = []
    # a larger unit's rate gives no distance of the county's own: those rows go last, «—»
    order = classified.assign(_own=~classified["is_group"]).sort_values(
        ["_own", "distance"], ascending=False, kind="stable")
    for code, row in order.iterrows():
        rows.append({
            t("common.county", lang): names[code],
            t("labour.col.group", lang): (t(f"labour.quadrant.{row['quadrant']}", lang)
                                          if not (row["missing"] or row["is_group"])
                                          else group_mark if row["is_group"] else "—"),
            t("measure.unemployment_rate", lang): marked(
                fmt_number(row["unemployment_rate"], lang, 1),
                bool(panel.at[code, "unemployment_rate_is_group"]),
                bool(row["unemployment_rate_is_sample"])),
            t("measure.net_migration_rate", lang): fmt_number(row["net_migration_rate"], lang, 1)
            + (" ✱" if row["net_migration_rate_is_sample"] else ""),
            t("measure.population", lang): fmt_int(row["population"], lang)
            + (" ✱" if row.get("population_is_sample", False) else ""),
            t("measure.budget_per_capita", lang): fmt_number(row["budget_per_capita"], lang, 1)
            + (" ✱" if row.get("population_is_sample", False) else ""),
            t("labour.col.distance", lang): ("—" if row["is_group"]
                                             else fmt_number(row["distance"], lang, 2)),
        })
    st.table(pd.DataFrame(rows).set_index(t("common.county", lang)))
    table_downloads(pd.DataFrame(rows), t("labour.details_heading", lang), lang, key="labour_details")
    layout.note(t("common.sample_legend", lang))
    if grouped:
        layout.note(t("measure.group_legend", lang, mark=group_mark))

    state.sync_url({"u": f"{u0:.2f}" if custom and u0 != province.unemployment else None,
                    "m": f"{m0:.2f}" if custom and m0 != province.migration else None})
