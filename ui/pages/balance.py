"""The Balance page: how evenly X (budget, jobs, projects, completed budget) is spread over the
counties against their population — measures with plain readings, Lorenz curve, Theil
decomposition (centre vs rest, or a metropolitan ring), centre vs the other counties."""

from __future__ import annotations

import html

import numpy as np
import pandas as pd
import streamlit as st

from analytics.indicators import (
    METROPOLITAN_RING,
    balance_context,
    centre_rest_shares,
    project_provenance,
)
from analytics.measures import BALANCE_X, panel_balance
from analytics.panel import sample_flags
from briefing.report import measure_value_text
from figures.charts import centre_rest_bars, lorenz_chart, theil_chart
from figures.map_layers import panel_group_label
from figures.theme import plotly_config
from i18n import fmt_int, fmt_number, fmt_percent, fmt_share_pair, t
from ui import layout, state
from ui.context import page_context
from ui.downloads import chart_downloads, table_downloads


def _ring(raw: str, codes: list[str]):
    """``?ring=a,b`` → the ring's county codes (known, at least one), else ``None``."""
    chosen = tuple(c for c in raw.split(",") if c)
    return chosen if chosen and all(c in codes for c in chosen) else None


def render() -> None:
    """Draw the Balance page (one run)."""
    ctx = page_context()
    lang, ds, flt, panel = ctx.lang, ctx.ds, ctx.flt, ctx.panel
    codes = list(panel.index)
    names, sep = ctx.names, ctx.sep

    st.title(t("balance.title", lang))
    layout.note(t("balance.intro", lang))

    # --- choices (the grouping widgets sit in the Theil slot further down) -------------------
    state.seed("balance_x", state.page_param("x", "budget_total", state.choice(BALANCE_X)),
               options=BALANCE_X)
    x = st.selectbox(t("balance.x", lang), BALANCE_X, key="balance_x",
                     format_func=lambda m: t(f"measure.{m}", lang),
                     placeholder=t("common.choose", lang))
    state.set_page_param("x", x)
    x_short = t(f"measure.short.{x}", lang)

    prov = project_provenance(flt.apply(ds.projects, ds.counties))
    if prov["n_sample"]:
        st.markdown('<span class="pishran-sample">' + html.escape(t(
            "balance.sample_projects", lang, sample=fmt_int(prov["n_sample"], lang),
            n=fmt_int(prov["n_projects"], lang),
            share=fmt_percent(prov["sample_budget_share"], lang, is_fraction=True))) + "</span>",
            unsafe_allow_html=True)

    measures_slot, charts_slot, theil_slot = st.container(), st.container(), st.container()

    with theil_slot:
        st.subheader(t("balance.theil_heading", lang))
        ring_param = state.page_param("ring", None, lambda raw: _ring(raw, codes))
        state.seed("balance_grouping", "ring" if ring_param else "centre",
                   options=("centre", "ring"))
        grouping = st.radio(t("balance.grouping", lang), ["centre", "ring"], horizontal=True,
                            key="balance_grouping",
                            format_func=lambda g: t(f"balance.grouping.{g}", lang))
        ring: tuple[str, ...] = ()
        if grouping == "ring":
            state.seed("balance_ring", list(ring_param or METROPOLITAN_RING),
                       valid=lambda v: isinstance(v, list) and all(c in codes for c in v))
            ring = tuple(st.multiselect(t("balance.ring", lang), codes, key="balance_ring",
                                        format_func=names.get, help=t("balance.ring_help", lang), select_all=False,
                                        placeholder=t("common.choose", lang)))
            if not ring:
                st.warning(t("balance.ring_empty", lang))
                grouping = "centre"
        state.set_page_param("ring", ring or None)
    url = {"x": x if x != "budget_total" else None, "ring": ",".join(ring) if ring else None}

    groups = (pd.Series(np.where(panel.index.isin(ring), "ring", "other"), index=panel.index)
              if grouping == "ring" else None)
    try:
        balance = panel_balance(panel, x, groups=groups)
    except ValueError:
        measures_slot.info(t("balance.no_x", lang, x=t(f"measure.{x}", lang)))
        state.sync_url(url)
        return

    context = balance_context(panel, balance)
    values = balance.summary.set_index("measure_id")

    def reading(measure_id: str, value: float) -> str:
        """One line of plain language for a measure."""
        v = measure_value_text(value, lang)
        groups_text = t(f"balance.groups.{grouping}", lang)
        unit = t(f"balance.unit.{x}", lang)
        if measure_id == "centre_share_x":
            return fmt_share_pair(values.at["centre_share_population", "value"], value, x_short, lang)
        if measure_id == "centre_share_population":
            return t("balance.reading.centre_share_population", lang,
                     pop=fmt_percent(value, lang, is_fraction=True))
        if measure_id == "centre_ratio":
            return t("balance.reading.centre_ratio", lang, x=x_short, value=fmt_number(value, lang, 2))
        if measure_id == "hoover":
            return t("balance.reading.hoover", lang, x=x_short,
                     pct=fmt_percent(value, lang, is_fraction=True))
        if measure_id in ("theil_t", "theil_l"):
            key = measure_id[-1]
            if measure_id == "theil_l":
                return t("balance.reading.theil_l", lang, value=v)
            return t("balance.reading.theil_t", lang, value=v,
                     between=fmt_percent(context[f"between_share_{key}"], lang, is_fraction=True),
                     within=fmt_percent(context[f"within_share_{key}"], lang, is_fraction=True))
        if measure_id.startswith("theil_"):
            index, part = measure_id.split("_")[1:]
            return t(f"balance.reading.theil_{part}", lang, groups=groups_text,
                     share=fmt_percent(context[f"{part}_share_{index}"], lang, is_fraction=True))
        if measure_id == "hhi":
            return t("balance.reading.hhi", lang, value=v, x=x_short, n=fmt_int(balance.n_units, lang),
                     equal=fmt_number(context["hhi_equal"], lang, 3))
        if measure_id == "top_bottom_ratio":
            return t("balance.reading.top_bottom_ratio", lang, x=x_short, value=v)
        if measure_id == "range_ratio":
            return t("balance.reading.range_ratio", lang, value=v, unit=unit,
                     max_name=names[context["max_county"]], min_name=names[context["min_county"]],
                     max=fmt_number(context["max_per_capita"], lang, 1),
                     min=fmt_number(context["min_per_capita"], lang, 1))
        if measure_id == "range_difference":
            return t("balance.reading.range_difference", lang, unit=unit,
                     diff=fmt_number(value * context["per_capita_scale"], lang, 1),
                     mean=fmt_number(context["mean_per_capita"], lang, 1))
        return t(f"balance.reading.{measure_id}", lang, value=v, x=x_short)

    # --- the measures table ---------------------------------------------------------------
    rows = []
    for row in balance.summary.itertuples(index=False):
        rows.append({
            t("balance.col.measure", lang): t(f"measure_id.{row.measure_id}", lang),
            t("balance.col.value", lang): measure_value_text(row.value, lang),
            t("balance.col.reading", lang): reading(row.measure_id, row.value),
            t("balance.col.weighted", lang): t("balance.weighted.yes" if row.weighted
                                               else "balance.weighted.no", lang),
            t("balance.col.coverage", lang): t("balance.coverage", lang,
                                               n=fmt_int(row.n_units, lang),
                                               total=fmt_int(balance.n_total, lang)),
        })
    with measures_slot:
        st.subheader(t("balance.measures_heading", lang, x=t(f"measure.{x}", lang)))
        st.table(pd.DataFrame(rows).set_index(t("balance.col.measure", lang)))
        table_downloads(pd.DataFrame(rows).assign(**{t("balance.col.value", lang): balance.summary["value"].to_numpy()}),
                        t("balance.measures_heading", lang, x=t(f"measure.{x}", lang)), lang, key="balance_measures")
        if balance.dropped:
            layout.note(t("balance.dropped", lang, x=x_short,
                          names=sep.join(names[c] for c in balance.dropped)))
        else:
            layout.note(t("balance.all_covered", lang, n=fmt_int(balance.n_units, lang)))
        if "need_alignment" in values.index and balance.need_left_out:
            # need alignment covers fewer counties: name them (▣: only a larger unit's rate)
            group_mark = t("measure.group_mark", lang)
            grouped = balance.need_grouped
            layout.note(t("balance.need_left_out", lang,
                          n=fmt_int(int(values.at["need_alignment", "n_units"]), lang),
                          total=fmt_int(balance.n_total, lang),
                          names=sep.join(names[c] + (f" {group_mark}" if c in grouped else "")
                                         for c in balance.need_left_out)))
            if grouped:
                layout.note(t("balance.need_group_reason", lang, mark=group_mark,
                              group=panel_group_label(ds.indicators, panel, grouped,
                                                      ("unemployment_rate",), lang)))

    # --- Lorenz curve and centre vs the rest ------------------------------------------------
    marked = sample_flags(panel, "population")
    hover_names = {c: names[c] + (" ✱" if marked[c] else "") for c in codes}
    left, right = charts_slot.columns([3, 2])
    with left:
        st.subheader(t("balance.lorenz_heading", lang))
        fig = lorenz_chart(balance.lorenz, hover_names, x_short, lang)
        st.plotly_chart(fig, width="stretch",
                        config=plotly_config(t("balance.lorenz_heading", lang), lang))
        chart_downloads(fig, t("balance.lorenz_heading", lang), lang, key="balance_lorenz")
        layout.note(t("balance.lorenz_note", lang, x=x_short))
    with right:
        st.subheader(t("balance.centre_heading", lang))
        fig = centre_rest_bars(centre_rest_shares(balance), x_short, lang)
        st.plotly_chart(fig, width="stretch",
                        config=plotly_config(t("balance.centre_heading", lang), lang))
        chart_downloads(fig, t("balance.centre_heading", lang), lang, key="balance_centre")
        layout.note(fmt_share_pair(values.at["centre_share_population", "value"],
                                   values.at["centre_share_x", "value"], x_short, lang))

    # --- Theil decomposition ------------------------------------------------------------------
    group_names = {g: t(f"balance.group.{g}", lang) for g in ("centre", "rest", "ring", "other")}
    with theil_slot:
        fig = theil_chart(balance.theil, group_names, lang)
        st.plotly_chart(fig, width="stretch",
                        config=plotly_config(t("balance.theil_heading", lang), lang))
        chart_downloads(fig, t("balance.theil_heading", lang), lang, key="balance_theil")
        layout.note(t("balance.theil_note", lang, total=fmt_number(balance.theil.total, lang, 3),
                      between=fmt_percent(context["between_share_t"], lang, is_fraction=True),
                      within=fmt_percent(context["within_share_t"], lang, is_fraction=True)))
    layout.note(t("common.sample_legend", lang))

    state.sync_url(url)
