"""The Priorities page (issue 15): score each county's driver projects, suggest its 2–3
picks with their robustness, let an editor record the county's shortlist with a reason, and
open "what if only the shortlists go ahead" on the Scenario page.

Every number comes from :mod:`analytics.priorities` (what ``pishran priorities`` prints);
the decisions are stored by :mod:`store.shortlists`."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from analytics.priorities import (
    CRITERIA,
    DEFAULT_PICKS,
    FLIP_THRESHOLD,
    METHODS,
    PRESETS,
    WeightsError,
    criteria_table,
    prioritise,
    shortlist_scenario,
)
from briefing.shortlists import decision_text
from core.marks import GROUP_MARK, SAMPLE_MARK
from i18n import fmt_int, fmt_number, join_list, localise_digits, t
from store.errors import KeyedError
from ui import auth, data, layout, state
from ui.context import page_context
from ui.downloads import table_downloads
from ui.shortlists import recorded

#: Criterion → its label and its plain-language help (catalogue keys).
LABELS = {"jobs_per_budget": "priorities.criterion.jobs_per_budget",
          "readiness": "priorities.criterion.readiness", "need": "priorities.criterion.need",
          "strategy_fit": "priorities.criterion.strategy_fit",
          "cost_to_finish": "priorities.criterion.cost_to_finish"}
HELP = {"jobs_per_budget": "priorities.help.jobs_per_budget",
        "readiness": "priorities.help.readiness", "need": "priorities.help.need",
        "strategy_fit": "priorities.help.strategy_fit",
        "cost_to_finish": "priorities.help.cost_to_finish"}
PRESET_LABELS = {"equal": "priorities.preset.equal", "deputy": "priorities.preset.deputy"}
METHOD_LABELS = {"weighted_sum": "priorities.method.weighted_sum",
                 "topsis": "priorities.method.topsis"}
OTHERS_LABELS = {"postpone": "priorities.others.postpone", "cancel": "priorities.others.cancel"}
REASON_KEYS = {
    "knowledge": "priorities.reason.knowledge",
    "skills_industry": "priorities.reason.skills_industry",
    "skills": "priorities.reason.skills", "trade_outside": "priorities.reason.trade_outside",
    "trade_centre": "priorities.reason.trade_centre",
    "industry_magnet": "priorities.reason.industry_magnet",
    "industry_magnet_local": "priorities.reason.industry_magnet_local",
    "industry": "priorities.reason.industry", "centre": "priorities.reason.centre",
    "other": "priorities.reason.other"}
WEIGHT_STEPS = tuple(x / 2 for x in range(11))  # 0, 0.5, … 5
PICK_CHOICES = (1, 2, 3, 4, 5, 6)


@st.cache_data(show_spinner=False, max_entries=16)
def _criteria(token: str, local: tuple[str, ...], _ds) -> pd.DataFrame:
    return criteria_table(_ds.projects, _ds.indicators, _ds.counties, local_hiring=local)


@st.cache_data(show_spinner=False, max_entries=32)
def _result(token: str, local: tuple[str, ...], weights: tuple, method: str, picks: int, _ds):
    return prioritise(_criteria(token, local, _ds), dict(weights), method, picks)


def _apply_preset() -> None:
    preset = st.session_state.get("prio_preset")
    if preset in PRESETS:
        for c in CRITERIA:
            st.session_state[f"prio_w_{c}"] = float(PRESETS[preset][c])


def _help(lang: str) -> None:
    with st.expander(t("priorities.help.heading", lang)):
        for c in CRITERIA:
            st.markdown(f"**{t(LABELS[c], lang)}** — {t(HELP[c], lang)}")
        st.markdown(t("priorities.help.methods", lang))
        st.markdown(t("priorities.help.robustness", lang,
                      threshold=fmt_number(100 * FLIP_THRESHOLD, lang)))
        st.markdown(t("priorities.help.marks", lang, sample=SAMPLE_MARK, group=GROUP_MARK))


def _link_weights(raw: str) -> tuple[float, ...] | None:
    """``?w=`` — one weight per criterion in :data:`CRITERIA` order, comma-separated, each a
    step of the sliders (``2,1,2,3,1``); anything else is refused (the link's notice)."""
    parts = raw.split(",")
    if len(parts) != len(CRITERIA):
        return None
    try:
        values = tuple(float(p) for p in parts)
    except ValueError:
        return None
    return values if all(v in WEIGHT_STEPS for v in values) else None


def _link_picks(raw: str) -> int | None:
    return int(raw) if raw.isdigit() and int(raw) in PICK_CHOICES else None


def _controls(lang: str) -> tuple[dict, str, int]:
    """Preset, method, picks and weights, each kept in the page's link (``?preset=``,
    ``?method=``, ``?picks=``, ``?w=``) so that a planner can share what she looked at."""
    state.seed("prio_preset", state.page_param("preset", "deputy", state.choice(tuple(PRESETS))),
               options=tuple(PRESETS))
    linked = state.page_param("w", None, _link_weights)
    if linked is not None:
        for c, w in zip(CRITERIA, linked, strict=True):
            state.seed(f"prio_w_{c}", w, options=WEIGHT_STEPS)
    if "prio_w_jobs_per_budget" not in st.session_state:
        _apply_preset()
    state.seed("prio_method", state.page_param("method", METHODS[0], state.choice(METHODS)),
               options=METHODS)
    state.seed("prio_picks", state.page_param("picks", DEFAULT_PICKS, _link_picks),
               options=PICK_CHOICES)
    c1, c2, c3 = st.columns([2, 2, 1])
    preset = c1.radio(t("priorities.preset", lang), tuple(PRESETS), key="prio_preset",
                      horizontal=True, format_func=lambda p: t(PRESET_LABELS[p], lang),
                      on_change=_apply_preset)
    method = c2.radio(t("priorities.method", lang), METHODS, key="prio_method", horizontal=True,
                      format_func=lambda m: t(METHOD_LABELS[m], lang))
    picks = c3.selectbox(t("priorities.picks", lang), PICK_CHOICES, key="prio_picks",
                         format_func=lambda n: fmt_int(n, lang),
                         placeholder=t("common.choose", lang))
    columns = st.columns(len(CRITERIA))
    weights = {}
    for col, c in zip(columns, CRITERIA):
        weights[c] = col.select_slider(t(LABELS[c], lang), WEIGHT_STEPS, key=f"prio_w_{c}",
                                       help=t(HELP[c], lang),
                                       format_func=lambda w: fmt_number(w, lang, 1))
    for key, value in (("preset", preset), ("method", method), ("picks", int(picks)),
                       ("w", tuple(weights[c] for c in CRITERIA))):
        state.set_page_param(key, value)
    return weights, method, int(picks)


def _link(weights: dict, method: str, picks: int, code: str) -> dict:
    """The page's link: only what differs from the defaults (the preset's own weights are
    implied by ``preset``)."""
    preset = st.session_state.get("prio_preset", "deputy")
    own = all(float(PRESETS[preset][c]) == weights[c] for c in CRITERIA)
    return {"preset": preset if preset != "deputy" else None,
            "method": method if method != METHODS[0] else None,
            "picks": str(picks) if picks != DEFAULT_PICKS else None,
            "w": None if own else ",".join(f"{weights[c]:g}" for c in CRITERIA),
            "county": code}


def _cell(value: float, contribution: float, lang: str, decimals: int = 2) -> str:
    if pd.isna(value):
        return "—"
    return f"{fmt_number(value, lang, decimals)} ({fmt_number(contribution, lang, 3)})"


def _county_frame(rows: pd.DataFrame, lang: str) -> pd.DataFrame:
    title = "title_fa" if lang == "fa" else "title_en"
    out = pd.DataFrame({
        t("priorities.col.rank", lang): [fmt_int(r, lang) for r in rows["rank"]],
        t("priorities.col.pick", lang): ["★" if p else "" for p in rows["pick"]],
        t("priorities.col.project", lang): [
            f"{tt or tf}{' ' + SAMPLE_MARK if s else ''}"
            for tt, tf, s in zip(rows[title], rows["title_fa"], rows["is_sample"])],
        t("priorities.col.score", lang): [fmt_number(v, lang, 3) for v in rows["score"]],
        t("priorities.col.robustness", lang): (100 * rows["robustness"]).round(0).to_numpy(),
    })
    decimals = {"jobs_per_budget": 3, "readiness": 2, "need": 2, "strategy_fit": 2,
                "cost_to_finish": 0}
    for c in CRITERIA:
        mark = ""
        if c == "need":
            mark = (f" {GROUP_MARK}" if rows["need_group"].any() else "") + \
                   (f" {SAMPLE_MARK}" if rows["need_sample"].any() else "")
        cells = [_cell(v, w, lang, decimals[c])
                 for v, w in zip(rows[c], rows[f"{c}_contribution"])]
        if c == "strategy_fit":  # why: the strategy rule that gave the value
            cells = [f"{cell} {t(REASON_KEYS[r], lang)}"
                     for cell, r in zip(cells, rows["strategy_reason"])]
        out[t(LABELS[c], lang) + mark] = cells
    return out


def _county_columns(frame: pd.DataFrame, lang: str) -> dict:
    """Pixel widths so the county's table fits the page (a wide Persian grid would open at
    its far end)."""
    widths = {t("priorities.col.rank", lang): 50, t("priorities.col.pick", lang): 50,
              t("priorities.col.project", lang): 230, t("priorities.col.score", lang): 60,
              t(LABELS["strategy_fit"], lang): 190}
    config = {c: {"width": widths.get(c, 100)} for c in frame.columns}
    config[t("priorities.col.robustness", lang)] = st.column_config.ProgressColumn(
        t("priorities.col.robustness", lang), min_value=0, max_value=100, format="%d%%",
        width=90)
    return config


def _summary(result, names: dict, shortlists: dict, lang: str) -> pd.DataFrame:
    table = result.table
    titles = dict(zip(table["project_id"], table["title_fa" if lang == "fa" else "title_en"]))
    rows = []
    for code, row in result.counties.iterrows():
        entry = shortlists.get(code)
        rows.append({
            t("shortlist.col.county", lang): names.get(code, code),
            t("priorities.col.candidates", lang): fmt_int(row["n_candidates"], lang),
            t("priorities.col.suggested", lang): join_list([titles[p] for p in row["picks"]],
                                                           lang),
            t("priorities.col.stable", lang): round(100 * float(row["stable_share"])),
            t("priorities.col.flips", lang): t("priorities.flips", lang) if row["flips"] else "",
            t("priorities.col.recorded", lang): (join_list(
                [titles.get(p, p) for p in entry.project_ids], lang) if entry else "—"),
        })
    return pd.DataFrame(rows)


def _confirm_form(ds, code: str, result, weights: dict, method: str, picks: int,
                  lang: str) -> None:
    from store.shortlists import record_shortlist

    own = ds.projects[ds.projects["county_code"] == code]
    options = list(own["project_id"].astype(str))
    title = "title_fa" if lang == "fa" else "title_en"
    labels = dict(zip(own["project_id"].astype(str), own[title].fillna(own["title_fa"])))
    suggested = result.picks(code)
    entry = recorded().get(code)
    default = list(entry.project_ids) if entry else suggested
    user = auth.sign_in_panel(lang, container=st.container())
    if not auth.can_write(user):
        layout.note(t("priorities.confirm.read_only", lang))
        return
    with st.form(f"prio_confirm_{code}"):
        chosen = st.multiselect(t("priorities.confirm.projects", lang), options,
                                default=[p for p in default if p in options],
                                format_func=lambda p: f"{labels.get(p, p)} ({p})",
                                select_all=False, placeholder=t("common.choose", lang))
        reason = st.text_area(t("priorities.confirm.reason", lang))
        submitted = st.form_submit_button(t("priorities.confirm.submit", lang), type="primary")
    if submitted:
        try:
            record_shortlist(data.store(), code, chosen, reason, user, suggested=suggested,
                             method=method, weights=weights, n_picks=picks)
        except KeyedError as err:
            st.error(err.message(lang))
        except PermissionError:
            st.error(t("priorities.confirm.read_only", lang))
        else:
            st.success(t("priorities.confirm.done", lang))
            st.rerun()


def _history(code: str, lang: str) -> None:
    from store.shortlists import shortlists_frame

    opened = data.store()
    if opened is None:
        return
    frame = shortlists_frame(opened, code, history=True)
    if frame.empty:
        return
    with st.expander(t("priorities.history", lang, n=fmt_int(len(frame), lang))):
        shown = frame[["decided_at_jalali", "decided_by", "project_ids", "reason"]].copy()
        shown["decided_at_jalali"] = [localise_digits(v, lang) for v in shown["decided_at_jalali"]]
        shown = shown.rename(
            columns={"decided_at_jalali": t("shortlist.col.when", lang),
                     "decided_by": t("shortlist.col.by", lang),
                     "project_ids": t("shortlist.col.projects", lang),
                     "reason": t("shortlist.col.reason", lang)})
        st.dataframe(shown.iloc[::-1], hide_index=True, width="stretch")


def _scenario_button(ds, result, lang: str) -> None:
    st.subheader(t("priorities.scenario.heading", lang))
    layout.note(t("priorities.scenario.note", lang))
    c1, c2, c3 = st.columns([2, 1, 2])
    others = c1.radio(t("priorities.scenario.others", lang), tuple(OTHERS_LABELS),
                      key="prio_others", horizontal=True,
                      format_func=lambda o: t(OTHERS_LABELS[o], lang))
    months = c2.number_input(t("priorities.scenario.months", lang), 1, 120, 12,
                             key="prio_months", disabled=others != "postpone")
    if c3.button(t("priorities.scenario.open", lang), type="primary", key="prio_open"):
        chosen = {code: list(result.picks(code)) for code in result.counties.index}
        chosen.update({c: list(e.project_ids) for c, e in recorded().items()})
        scenario = shortlist_scenario(ds.projects, chosen, others, int(months),
                                      name=t("priorities.scenario.name", lang))
        from ui.pages.scenario.common import set_scenario

        set_scenario(scenario)
        st.switch_page("pages/scenario.py")


def render() -> None:
    """Draw the Priorities page (one run)."""
    # the whole province: criteria are normalised over all its candidates (no project filter)
    ctx = page_context(with_filter=False)
    lang, ds, names = ctx.lang, ctx.ds, ctx.names
    st.title(t("priorities.title", lang))
    layout.note(t("priorities.intro", lang))
    _help(lang)
    weights, method, picks = _controls(lang)
    criteria = _criteria(data.dataset_token(ds), (), ds)
    magnets = sorted(set(criteria.loc[criteria["is_magnet"], "county_code"]))
    local = tuple(st.multiselect(t("priorities.local_hiring", lang), magnets,
                                 format_func=names.get, key="prio_local",
                                 placeholder=t("priorities.local_hiring_none", lang),
                                 select_all=False))
    try:
        result = _result(data.dataset_token(ds), local, tuple(sorted(weights.items())), method,
                         picks, ds)
    except WeightsError:
        st.warning(t("priorities.no_weight", lang))
        return
    shortlists = recorded()
    flipping = [names.get(c, c) for c in result.counties.index[result.counties["flips"]]]
    if flipping:
        st.warning(t("priorities.flipping", lang, counties=join_list(flipping, lang),
                     threshold=fmt_number(100 * FLIP_THRESHOLD, lang)))

    st.subheader(t("priorities.summary_heading", lang))
    summary = _summary(result, names, shortlists, lang)
    order = list(summary.columns)
    st.dataframe(summary, hide_index=True, width="stretch",
                 column_order=order[::-1] if lang == "fa" else order, column_config={
        t("priorities.col.stable", lang): st.column_config.ProgressColumn(
            t("priorities.col.stable", lang), min_value=0, max_value=100, format="%d%%")})
    table_downloads(summary, t("priorities.summary_heading", lang), lang, key="prio_summary")

    st.subheader(t("priorities.county_heading", lang))
    codes = list(result.counties.index)
    state.seed("prio_county", state.page_param("county", codes[0], state.choice(codes)),
               options=codes)
    code = st.selectbox(t("county.pick", lang), codes, format_func=names.get, key="prio_county",
                        placeholder=t("common.choose", lang))
    state.set_page_param("county", code)
    rows = result.county_table(code)
    frame = _county_frame(rows, lang)
    order = list(frame.columns)
    st.dataframe(frame, hide_index=True, width="stretch", column_config=_county_columns(frame, lang),
                 column_order=order[::-1] if lang == "fa" else order)
    layout.note(t("priorities.table_note", lang, sample=SAMPLE_MARK, group=GROUP_MARK))
    table_downloads(frame, t("priorities.county_heading", lang) + " " + names[code], lang,
                    key="prio_county")

    st.subheader(t("priorities.confirm.heading", lang, county=names[code]))
    entry = shortlists.get(code)
    if entry is not None:
        layout.note(decision_text(entry, lang))
    _confirm_form(ds, code, result, weights, method, picks, lang)
    _history(code, lang)
    _scenario_button(ds, result, lang)
    state.sync_url(_link(weights, method, picks, code))
