"""The Ranking page: development level of the counties from census indicators, by several methods
side by side, how stable each county's rank is, the three levels, what excluded counties
lack, and the rank change between the censuses of 1390 and 1395."""

from __future__ import annotations

import html

import pandas as pd
import streamlit as st

from analytics.indicators import (
    DEFAULT_RANKING_SPEC,
    DELTA_YEARS,
    RANKING_INDICATORS,
    census_delta_indicators,
    delta_inputs,
    ranking_groups,
    ranking_inputs,
    ranking_shares,
)
from analytics.panel import PANEL_MEASURES
from analytics.ranking import METHODS, delta_ranking, levels_by_mean_sd, rank_all_methods
from briefing.tables import ranking_download
from figures.charts import left_out_note, rank_matrix_chart, rank_stability_chart
from figures.map_layers import panel_group_label
from figures.theme import plotly_config
from i18n import fmt_int, fmt_number, t
from ui import layout, state
from ui.context import page_context
from ui.downloads import chart_downloads, table_downloads

WEIGHTS = (0.5, 1.0, 1.5, 2.0, 3.0)
METHOD_CHOICES = ("all", *METHODS)


def _label(name: str, lang: str) -> str:
    return t(f"ranking.indicator.{name}", lang)


def _parse_spec(raw: str):
    """``{"indicator": [direction, weight], …}`` from the URL, or None if anything is off."""
    value = state.json_value(raw)
    if not isinstance(value, dict) or not value:
        return None
    spec = {}
    for name, entry in value.items():
        if (name not in RANKING_INDICATORS or not isinstance(entry, list) or len(entry) != 2
                or entry[0] not in (1, -1) or entry[1] not in WEIGHTS):
            return None
        spec[name] = (int(entry[0]), float(entry[1]))
    return spec


def render() -> None:
    """Draw the Ranking page (one run)."""
    ctx = page_context()
    lang, ds, panel = ctx.lang, ctx.ds, ctx.panel
    codes = list(panel.index)
    names, sep = ctx.names, ctx.sep

    def label(name: str) -> str:
        return _label(name, lang)

    st.title(t("ranking.title", lang))
    layout.note(t("ranking.intro", lang))

    # --- indicators, directions, weights (keyed widgets seeded from the page state) ----------
    current = state.page_param("spec", dict(DEFAULT_RANKING_SPEC), _parse_spec)
    state.seed("ranking_indicators", list(current),
               valid=lambda v: isinstance(v, list) and all(n in RANKING_INDICATORS for n in v))
    chosen = st.multiselect(t("ranking.indicators", lang), list(RANKING_INDICATORS),
                            key="ranking_indicators", format_func=label, select_all=False,
                            placeholder=t("common.choose", lang))
    spec: dict[str, tuple[int, float]] = {}
    show_spec = st.toggle(t("ranking.spec_heading", lang), key="ranking_show_spec")
    for name in chosen:
        direction, weight = current.get(name, (RANKING_INDICATORS[name], 1.0))
        if show_spec:
            state.seed(f"ranking_dir_{name}", direction, options=(1, -1))
            state.seed(f"ranking_w_{name}", weight if weight in WEIGHTS else 1.0, options=WEIGHTS)
            c1, c2, c3 = st.columns([3, 4, 3])
            c1.markdown(f"**{label(name)}**")
            direction = c2.radio(f"{t('ranking.direction', lang)} — {label(name)}", (1, -1),
                                 key=f"ranking_dir_{name}", horizontal=True,
                                 label_visibility="collapsed",
                                 format_func=lambda d: t("ranking.direction.up" if d == 1
                                                         else "ranking.direction.down", lang))
            weight = c3.select_slider(f"{t('ranking.weight', lang)} — {label(name)}", WEIGHTS,
                                      key=f"ranking_w_{name}", label_visibility="collapsed",
                                      format_func=lambda w: t("ranking.weight", lang) + " "
                                      + fmt_number(w, lang, 1))
        spec[name] = (int(direction), float(weight))
    state.set_page_param("spec", spec)

    state.seed("ranking_method", state.page_param("method", "all", state.choice(METHOD_CHOICES)),
               options=METHOD_CHOICES)
    method = st.radio(t("ranking.method", lang), METHOD_CHOICES, horizontal=True,
                      key="ranking_method", format_func=lambda m: t(f"ranking.method.{m}", lang))
    state.set_page_param("method", method)
    layout.note(t("ranking.hellwig_note", lang))

    url = {"spec": ({k: list(v) for k, v in spec.items()} if spec != DEFAULT_RANKING_SPEC else None),
           "method": method if method != "all" else None}
    if not spec:
        st.info(t("ranking.need_indicator", lang))
        state.sync_url(url)
        return

    # a larger unit's value (quality group) is not the county's own: left out like a gap
    values, flags = ranking_inputs(panel, ds.indicators, list(spec), groups_as_missing=True)
    groups = ranking_groups(panel, ds.indicators, list(spec))
    group_mark = t("measure.group_mark", lang)
    try:
        result = rank_all_methods(values, spec)
    except ValueError:
        st.warning(t("ranking.error", lang))
        state.sync_url(url)
        return

    method_labels = {m: t(f"ranking.method.{m}", lang) for m in METHODS}
    ranked = list(result.ranks.index)
    sample_county = flags.loc[ranked].any(axis=1)
    if method == "all":
        ranks = result.ranks
        levels = result.levels
        order = result.stability["mean_rank"].sort_values(kind="stable").index
    else:
        ranks = result.ranks[[method]]
        levels = levels_by_mean_sd(result.scores[method])
        order = ranks[method].sort_values(kind="stable").index

    # --- ranks side by side and their stability -----------------------------------------------
    left, right = st.columns([3, 2]) if method == "all" else (st.container(), None)
    with left:
        st.subheader(t("ranking.ranks_heading", lang))
        left_out = list(result.excluded["county"])
        grouped = [c for c in left_out if groups.loc[c].any()]
        note = left_out_note(left_out, grouped, names, lang, group=panel_group_label(
            ds.indicators, panel, grouped, list(spec), lang))
        fig = rank_matrix_chart(ranks, names, method_labels, lang, sample=sample_county,
                                note=note)
        st.plotly_chart(fig, width="stretch",
                        config=plotly_config(t("ranking.ranks_heading", lang), lang))
        chart_downloads(fig, t("ranking.ranks_heading", lang), lang, key="ranking_ranks")
    if right is not None:
        with right:
            st.subheader(t("ranking.stability_heading", lang))
            fig = rank_stability_chart(result.stability, names, lang, sample=sample_county)
            st.plotly_chart(fig, width="stretch",
                            config=plotly_config(t("ranking.stability_heading", lang), lang))
            chart_downloads(fig, t("ranking.stability_heading", lang), lang, key="ranking_stability")
            layout.note(t("ranking.stability_note", lang))

    # --- levels ----------------------------------------------------------------------------------
    st.subheader(t("ranking.levels_heading", lang))
    columns = st.columns(3)
    for col, level in zip(columns, ("developed", "semi_developed", "deprived")):
        members = [c for c in order if levels[c] == level]
        col.metric(t(f"level.{level}", lang), fmt_int(len(members), lang))
        col.caption(sep.join(names[c] + (" ✱" if sample_county[c] else "") for c in members) or "—")
    layout.note(t("ranking.levels_note", lang))

    # --- the indicator table -------------------------------------------------------------------------
    st.subheader(t("ranking.table_heading", lang))
    rows = []
    for code in order:
        row = {t("common.county", lang): names[code]}
        for m in ranks.columns:
            row[method_labels[m]] = fmt_int(ranks.at[code, m], lang)
        row[t("ranking.level", lang)] = t(f"level.{levels[code]}", lang)
        for name in spec:
            decimals = PANEL_MEASURES.get(name, (None, 2))[1] if name in PANEL_MEASURES else 2
            text = fmt_number(values.at[code, name], lang, max(decimals, 1))
            row[label(name)] = text + (" ✱" if flags.at[code, name] else "")
        rows.append(row)
    st.table(pd.DataFrame(rows).set_index(t("common.county", lang)))
    # the files: ranks as integers, values as numbers, the sample mark in its own column
    table_downloads(ranking_download(ranks.loc[list(order)], levels, values, flags, names,
                                     method_labels, {n: label(n) for n in spec}, lang),
                    t("ranking.table_heading", lang), lang, key="ranking_table")
    shares = ranking_shares(values, flags, groups, ranked)
    st.markdown('<span class="pishran-sample">' + html.escape(t(
        "ranking.inputs_note", lang, n=fmt_int(shares["n_sample"], lang),
        values=fmt_int(shares["n_ranked_values"], lang), ranked=fmt_int(shares["n_ranked"], lang),
        counties=fmt_int(len(codes), lang), group=fmt_int(shares["n_group"], lang),
        total=fmt_int(shares["total"], lang), mark=group_mark)) + "</span>",
        unsafe_allow_html=True)

    # --- excluded counties ------------------------------------------------------------------------
    st.subheader(t("ranking.excluded_heading", lang))
    if len(result.excluded):
        raw, _ = ranking_inputs(panel, ds.indicators, list(spec))
        for row in result.excluded.itertuples(index=False):
            in_group = [m for m in row.missing_indicators if groups.at[row.county, m]]
            gaps = [m for m in row.missing_indicators if m not in in_group]
            parts = []
            if in_group:
                decimals = {m: max(PANEL_MEASURES.get(m, (None, 2))[1], 1) for m in in_group}
                parts.append(t("ranking.excluded_group", lang, mark=group_mark, values=sep.join(
                    f"{label(m)} {fmt_number(raw.at[row.county, m], lang, decimals[m])} {group_mark}"
                    for m in in_group)))
            if gaps:
                parts.append(t("ranking.excluded_missing", lang, missing=sep.join(map(label, gaps))))
            st.markdown("- " + t("ranking.excluded_row", lang,
                                 county=names.get(row.county, row.county),
                                 missing="؛ ".join(parts) if lang == "fa" else "; ".join(parts)))
        if groups.to_numpy().any():
            layout.note(t("ranking.group_rule", lang, mark=group_mark))
    else:
        layout.note(t("ranking.none_excluded", lang, n=fmt_int(len(codes), lang)))

    # --- rank change 1390 → 1395 ---------------------------------------------------------------------
    year_from, year_to = DELTA_YEARS
    year_text = {y: fmt_int(y, lang).replace("٬", "").replace(",", "") for y in DELTA_YEARS}
    st.subheader(t("ranking.delta_heading", lang, from_year=year_text[year_from],
                   to_year=year_text[year_to]))
    # every indicator both censuses give (sourced or derived in 1390 and 1395), whatever is
    # chosen above; a larger unit's value is left out as in the ranking
    census = census_delta_indicators(ds.indicators, codes)
    by_year, usable, lacking, year_flags = delta_inputs(ds.indicators, codes, census,
                                                        groups_as_missing=True)
    delta_spec = {n: spec.get(n, (RANKING_INDICATORS[n], 1.0)) for n in usable}
    for year in DELTA_YEARS:
        missing_then = [n for n, years in lacking.items() if year in years]
        if missing_then:
            layout.note(t("ranking.delta.lacking", lang, names=sep.join(map(label, missing_then)),
                          year=year_text[year]))
    delta_method = method if method != "all" else "hellwig"
    delta = None
    if usable:
        try:
            delta = delta_ranking(by_year, delta_spec, method=delta_method)
        except ValueError:
            delta = None
    if delta is None:
        st.info(t("ranking.delta.none", lang, from_year=year_text[year_from],
                  to_year=year_text[year_to]))
    else:
        layout.note(t("ranking.delta.uses", lang, names=sep.join(label(n) for n in usable),
                      method=method_labels[delta_method]))
        wide = delta.pivot(index="county", columns="year", values="rank")
        change = delta[delta["year"] == year_to].set_index("county")["rank_change"]
        wide = wide.sort_values(year_to, na_position="last", kind="stable")
        rows = []
        for code in wide.index:
            value = change.get(code)
            if pd.isna(value):
                text = "—"
            elif value > 0:
                text = t("ranking.delta.up", lang, n=fmt_int(value, lang))
            elif value < 0:
                text = t("ranking.delta.down", lang, n=fmt_int(-value, lang))
            else:
                text = t("ranking.delta.same", lang)
            rows.append({
                t("common.county", lang): names.get(code, code),
                t("ranking.delta.col_from", lang, year=year_text[year_from]):
                    fmt_int(wide.at[code, year_from], lang) if pd.notna(wide.at[code, year_from]) else "—",
                t("ranking.delta.col_to", lang, year=year_text[year_to]):
                    fmt_int(wide.at[code, year_to], lang) if pd.notna(wide.at[code, year_to]) else "—",
                t("ranking.delta.col_change", lang): text,
            })
        st.table(pd.DataFrame(rows).set_index(t("common.county", lang)))
        table_downloads(pd.DataFrame(rows), t("ranking.delta_heading", lang, from_year=year_text[year_from],
                                              to_year=year_text[year_to]), lang, key="ranking_delta")
        for year in DELTA_YEARS:
            ranked_then = by_year[year].dropna().index
            sampled = [n for n in usable if year_flags[year].loc[ranked_then, n].any()]
            if sampled:
                st.markdown('<span class="pishran-sample">' + html.escape(t(
                    "ranking.delta.sample", lang, year=year_text[year],
                    names=sep.join(label(n) for n in sampled))) + "</span>",
                    unsafe_allow_html=True)
    layout.note(t("common.sample_legend", lang))
    layout.note(t("measure.group_legend", lang, mark=group_mark))

    state.sync_url(url)
