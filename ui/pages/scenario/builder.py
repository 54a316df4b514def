"""The Scenario page's builder: an edit from the widgets (no JSON typing), checked against
the data before it is added; the list of edits with the engine's log."""

from __future__ import annotations

import functools
from dataclasses import replace

import streamlit as st

from analytics.filters import ProjectFilter
from analytics.labour_model import COUNTY_GROUPS, DEFAULT_ASSUMPTIONS, K_MAX
from analytics.scenario import (
    DEPRIVATION_BY,
    EDIT_TYPES,
    JOB_RULES,
    MAX_EDITS,
    SHIFT_RULES,
    Scenario,
    edit_from_dict,
)
from core.schema import FUNDING_SOURCES, SECTORS, STATUSES
from i18n import fmt_int, fmt_number, fmt_percent, join_list, localise_digits, t
from ui import layout
from ui.pages.scenario.common import (
    HYP,
    MAX_CHOICES,
    PageContext,
    as_html,
    check,
    current_scenario,
    deprived_counties,
    describe,
    filter_json,
    flash,
    note,
    project_choices,
    readable,
    rerun_app_if_changed,
    set_scenario,
    show_flash,
)
from ui.state import seed

#: High in-migration assumptions of the demonstration (the docstring's example).
DEMO_M, DEMO_K, DEMO_JOBS = 0.8, 2.0, 1000
#: The budget-shift slider's steps, in per cent (0 % is refused as no change).
SHARES = tuple(range(0, 101))
#: Who receives a budget shift: every other county, chosen ones, or the «محروم» group.
RECIPIENTS = ("others", "chosen", "deprived")


#: Progress (per cent), and the labour model's m (0–1) and k (0–K_MAX): select sliders,
#: so their values show in Persian digits (``st.slider`` formats with printf: Latin only).
PROGRESS_STEPS = tuple(range(0, 101, 5))
M_STEPS = tuple(round(i * 0.05, 2) for i in range(21))
K_STEPS = tuple(round(i * 0.1, 1) for i in range(int(K_MAX * 10) + 1))


@functools.cache
def _number_labels(lang: str, steps: tuple, decimals: int) -> dict:
    return {v: fmt_number(v, lang, decimals) for v in steps}


def _echo(lang: str, value: object, decimals: int = 0) -> None:
    """Under a number input in Persian: its value in Persian digits (Streamlit's number
    input shows and takes Latin digits only; its ``format`` is printf)."""
    if lang == "fa" and isinstance(value, (int, float)):
        st.caption(t("ui_polish.number_value", lang, value=fmt_number(value, lang, decimals)))


@functools.cache
def _share_labels(lang: str) -> dict[int, str]:
    """The slider's labels, formatted once per language (Streamlit formats every option
    on every rerun: 101 calls of ``fmt_percent`` were ≈ 1 ms of a builder rerun)."""
    return {v: fmt_percent(v, lang) for v in SHARES}

# ---------------------------------------------------------------------------
# Building edits from the widgets (read from session state: used in callbacks)
# ---------------------------------------------------------------------------


def _date(key: str) -> str | None:
    value = (st.session_state.get(key) or "").strip()
    return value or None


def _selection() -> dict:
    ss = st.session_state
    if ss.get("scn_sel_mode", "filter") == "ids":
        return {"ids": list(ss.get("scn_sel_ids") or [])}
    chosen = ProjectFilter(counties=tuple(ss.get("scn_sel_counties") or ()),
                           sectors=tuple(ss.get("scn_sel_sectors") or ()),
                           statuses=tuple(ss.get("scn_sel_statuses") or ()))
    return {"filter": chosen.to_dict()}


def _edit_dict(ctx: PageContext, kind: str) -> dict:
    ss = st.session_state
    out: dict = {"type": kind}
    if kind in ("set_projects", "cancel", "postpone"):
        out.update(_selection())
    if kind == "set_projects":
        if ss.get("scn_set_status"):
            out["status"] = ss["scn_set_status"]
        if ss.get("scn_set_progress_on"):
            out["physical_progress_pct"] = float(ss.get("scn_set_progress", 0))
        for field, key in (("planned_start", "scn_set_start"), ("planned_end", "scn_set_end")):
            if _date(key):
                out[field] = _date(key)
    elif kind == "postpone":
        out["months"] = int(ss.get("scn_months", 6))
    elif kind == "add_project":
        out.update({
            "county": ss.get("scn_add_county"), "sector": ss.get("scn_add_sector"),
            "title_fa": (ss.get("scn_add_title_fa") or "").strip(),
            "budget_billion_rials": float(ss.get("scn_add_budget", 0)),
            "expected_jobs": int(ss.get("scn_add_jobs", 0)),
            "status": ss.get("scn_add_status", "defined"),
            "funding_source": ss.get("scn_add_funding", "mixed"),
        })
        if (ss.get("scn_add_title_en") or "").strip():
            out["title_en"] = ss["scn_add_title_en"].strip()
        for field, key in (("planned_start", "scn_add_start"), ("planned_end", "scn_add_end")):
            if _date(key):
                out[field] = _date(key)
    elif kind == "shift_budget":
        out["share"] = round(float(ss.get("scn_share", 10)) / 100, 4)
        out["rule"] = rule = ss.get("scn_rule", "per_capita")
        donors = list(ss.get("scn_from") or [])
        if donors != [ctx.centre]:
            out["from"] = donors
        recipients = ss.get("scn_recipients", "others")
        if rule == "named":
            out["weights"] = {c: float(ss.get(f"scn_w_{c}", 1.0))
                              for c in ss.get("scn_named") or []}
        elif recipients == "deprived":
            out["to_level"] = "deprived"
        elif recipients == "chosen" and ss.get("scn_to"):
            out["to"] = list(ss["scn_to"])
        if rule == "deprivation":
            out["deprivation_by"] = ss.get("scn_deprivation_by", "unemployment_rate")
        if ss.get("scn_jobs", "average") != "average":
            out["jobs"] = ss["scn_jobs"]
        if ss.get("scn_shift_sector"):
            out["sector"] = ss["scn_shift_sector"]
    elif kind == "assumptions":
        out["group"] = ss.get("scn_group", "industrial")
        out["m"] = float(ss.get("scn_m", 0.6))
        out["k"] = float(ss.get("scn_k", 1.0))
    note = (ss.get("scn_note") or "").strip()
    if note:
        out["note"] = note
    return out


def _pre_problems(ctx: PageContext, kind: str, raw: dict) -> list[str]:
    """Plain problems the parser would word technically."""
    lang = ctx.lang
    problems = []
    if raw.get("ids") == []:
        problems.append(t("scenario_page.problem.no_ids", lang))
    if kind == "shift_budget":
        if not raw.get("from", [ctx.centre]):
            problems.append(t("scenario_page.problem.no_donors", lang))
        if raw["rule"] == "named" and not raw.get("weights"):
            problems.append(t("scenario_page.problem.no_named", lang))
    if kind == "add_project" and not raw["title_fa"]:
        problems.append(t("scenario_page.problem.no_title", lang))
    return problems


def add_edit(ctx: PageContext, kind: str, area: str = "add") -> None:
    """Callback of «add»: parse the widgets' edit, check it against the data, append it
    (the outcome is shown under the builder, or in ``area``)."""
    lang = ctx.lang
    current = current_scenario()
    if len(current.edits) >= MAX_EDITS:
        flash(area, "error", t("scenario_page.too_many", lang, n=fmt_int(MAX_EDITS, lang)))
        return
    raw = _edit_dict(ctx, kind)
    problems = _pre_problems(ctx, kind, raw)
    if problems:
        flash(area, "error", t("scenario_page.add_refused", lang), problems)
        return
    edit, found = edit_from_dict(raw, len(current.edits))
    if found:
        flash(area, "error", t("scenario_page.add_refused", lang),
               [p.message(lang) for p in found])
        return
    candidate = current.with_edits(edit)
    problems = check(candidate)
    if problems:
        flash(area, "error", t("scenario_page.add_refused", lang), problems)
        return
    set_scenario(candidate)
    flash(area, "success", t("scenario_page.added", lang, text=describe(ctx, edit)))
    st.session_state["scn_note"] = ""  # a note belongs to the change it was typed for


def remove_edit(ctx: PageContext, index: int) -> None:
    current = current_scenario()
    edits = current.edits[:index] + current.edits[index + 1:]
    candidate = replace(current, edits=edits)
    problems = check(candidate)
    if problems:
        flash("edits", "error", t("scenario_page.remove_refused", ctx.lang), problems)
        return
    set_scenario(candidate)


def _pick_all(ids: list[str]) -> None:
    """Callback: every listed project chosen (those chosen already kept first)."""
    st.session_state["scn_sel_ids"] = list(dict.fromkeys(
        [*(st.session_state.get("scn_sel_ids") or []), *ids]))


def clear_scenario() -> None:
    set_scenario(Scenario())


def _group_defaults() -> None:
    group = st.session_state.get("scn_group", "industrial")
    if group in DEFAULT_ASSUMPTIONS:
        st.session_state["scn_m"] = DEFAULT_ASSUMPTIONS[group].m
        st.session_state["scn_k"] = DEFAULT_ASSUMPTIONS[group].k


def demo_assumptions(ctx: PageContext) -> None:
    """Add the demonstration's high-in-migration assumption for the industrial counties."""
    st.session_state["scn_group"] = "industrial"
    st.session_state["scn_m"], st.session_state["scn_k"] = DEMO_M, DEMO_K
    st.session_state["scn_note"] = ""
    add_edit(ctx, "assumptions", "demo")


def _date_inputs(lang: str, prefix: str) -> None:
    """Planned start and end (Jalali text, checked by the engine) — ``<prefix>_start/_end``."""
    c1, c2 = st.columns(2)
    for column, field in ((c1, "start"), (c2, "end")):
        column.text_input(t(f"scenario_page.set.{field}", lang), key=f"{prefix}_{field}",
                          max_chars=20, placeholder=t("scenario_page.date_placeholder", lang))


@st.fragment
def builder(ctx: PageContext, hyp_json: str) -> None:
    """The scenario builder: changing one of its widgets reruns only this fragment;
    adding an edit (a callback) changes the scenario, and the whole page reruns."""
    rerun_app_if_changed()
    lang, names, codes, centre = ctx.lang, ctx.names, ctx.codes, ctx.centre
    with st.container(border=True):
        st.subheader(t("scenario_page.build_heading", lang))
        seed("scn_kind", "shift_budget")
        kind = st.radio(t("scenario_page.kind", lang), EDIT_TYPES, key="scn_kind", horizontal=True,
                        format_func=lambda k: t(f"scenario.edit.{k}", lang))
        layout.note(t(f"scenario_page.kind_help.{kind}", lang))

        if kind in ("set_projects", "cancel", "postpone"):
            seed("scn_sel_mode", "filter")
            mode = st.radio(t("scenario_page.select.mode", lang), ["filter", "ids"],
                            key="scn_sel_mode", horizontal=True,
                            format_func=lambda m: t(f"scenario_page.select.{m}", lang))
            c1, c2, c3 = st.columns(3)
            sel_counties = c1.multiselect(t("filter.counties", lang), codes, key="scn_sel_counties",
                                          format_func=names.get, placeholder=t("common.all", lang), select_all=False)
            sel_sectors = c2.multiselect(t("filter.sectors", lang), SECTORS, key="scn_sel_sectors",
                                         format_func=lambda s: t(f"sector.{s}", lang),
                                         placeholder=t("common.all", lang), select_all=False)
            sel_statuses = c3.multiselect(t("filter.statuses", lang), STATUSES,
                                          key="scn_sel_statuses",
                                          format_func=lambda s: t(f"status.{s}", lang),
                                          placeholder=t("common.all", lang), select_all=False)
            chosen_filter = ProjectFilter(counties=tuple(sel_counties), sectors=tuple(sel_sectors),
                                          statuses=tuple(sel_statuses))
            n_match, labels = project_choices(filter_json(chosen_filter), hyp_json, lang)
            if mode == "filter":
                layout.note(t("scenario_page.select.count", lang, n=fmt_int(n_match, lang)))
            else:
                picked = [i for i in st.session_state.get("scn_sel_ids") or []]
                options = list(dict.fromkeys([*picked, *labels]))
                # Streamlit's own bulk option reads "Select all" / "Select 45 matches" in
                # English whatever the language: switched off, and offered here in words
                st.multiselect(t("scenario_page.select.ids", lang), options, key="scn_sel_ids",
                               format_func=lambda i: labels.get(i, i), select_all=False,
                               placeholder=t("scenario_page.select.ids_placeholder", lang))
                missing = [i for i in labels if i not in picked]
                if len(labels) > 1 and missing:
                    st.button(t("ui_polish.select_all", lang, n=fmt_int(len(labels), lang)),
                              key="scn_sel_all", on_click=_pick_all, args=(list(labels),))
                if n_match > MAX_CHOICES:
                    layout.note(t("scenario_page.select.capped", lang, n=fmt_int(n_match, lang),
                                  shown=fmt_int(MAX_CHOICES, lang)))

        if kind == "set_projects":
            c1, c2 = st.columns(2)
            seed("scn_set_status", "completed")
            c1.selectbox(t("scenario_page.set.status", lang), ["", *STATUSES], key="scn_set_status",
                         format_func=lambda s: t(f"status.{s}", lang) if s
                         else t("scenario_page.no_change", lang),
                         placeholder=t("common.choose", lang))
            seed("scn_set_progress_on", False)
            on = c2.checkbox(t("scenario_page.set.progress_on", lang), key="scn_set_progress_on")
            if on:
                seed("scn_set_progress", 100, options=PROGRESS_STEPS)
                c2.select_slider(t("scenario_page.set.progress", lang), PROGRESS_STEPS,
                                 key="scn_set_progress",
                                 format_func=_share_labels(lang).__getitem__)
            _date_inputs(lang, "scn_set")
        elif kind == "postpone":
            seed("scn_months", 6)
            months = st.number_input(t("scenario_page.postpone.months", lang), min_value=-240,
                                     max_value=240, step=1, key="scn_months",
                                     help=t("scenario_page.postpone.help", lang))
            _echo(lang, months)
        elif kind == "add_project":
            c1, c2, c3 = st.columns(3)
            seed("scn_add_county", next(c for c in codes if c != centre))
            c1.selectbox(t("common.county", lang), codes, key="scn_add_county",
                         format_func=names.get,
                         placeholder=t("common.choose", lang))
            seed("scn_add_sector", "tourism" if "tourism" in SECTORS else SECTORS[0])
            c2.selectbox(t("scenario_page.add.sector", lang), SECTORS, key="scn_add_sector",
                         format_func=lambda s: t(f"sector.{s}", lang),
                         placeholder=t("common.choose", lang))
            seed("scn_add_status", "defined")
            c3.selectbox(t("scenario_page.add.status", lang), STATUSES, key="scn_add_status",
                         format_func=lambda s: t(f"status.{s}", lang),
                         placeholder=t("common.choose", lang))
            c1, c2 = st.columns(2)
            c1.text_input(t("scenario_page.add.title_fa", lang), key="scn_add_title_fa",
                          max_chars=200)
            c2.text_input(t("scenario_page.add.title_en", lang), key="scn_add_title_en",
                          max_chars=200)
            c1, c2, c3 = st.columns(3)
            seed("scn_add_budget", 500.0)
            with c1:
                _echo(lang, st.number_input(t("scenario_page.add.budget", lang), min_value=0.0,
                                            step=50.0, key="scn_add_budget"), 1)
            seed("scn_add_jobs", 100)
            with c2:
                _echo(lang, st.number_input(t("scenario_page.add.jobs", lang), min_value=0,
                                            step=10, key="scn_add_jobs"))
            seed("scn_add_funding", "mixed")
            c3.selectbox(t("scenario_page.add.funding", lang), FUNDING_SOURCES,
                         key="scn_add_funding", format_func=lambda s: t(f"funding.{s}", lang),
                         placeholder=t("common.choose", lang))
            _date_inputs(lang, "scn_add")
        elif kind == "shift_budget":
            c1, c2 = st.columns(2)
            seed("scn_share", 10)
            c1.select_slider(t("scenario_page.shift.share", lang), SHARES,
                             key="scn_share", format_func=_share_labels(lang).__getitem__)
            seed("scn_from", [centre])
            c2.multiselect(t("scenario_page.shift.from", lang), codes, key="scn_from",
                           format_func=names.get, select_all=False,
                           placeholder=t("common.choose", lang))
            seed("scn_rule", "per_capita")
            rule = st.radio(t("scenario_page.shift.rule", lang), SHIFT_RULES, key="scn_rule",
                            horizontal=True,
                            format_func=lambda r: t(f"scenario.shift_rule.{r}", lang))
            if rule == "deprivation":
                seed("scn_deprivation_by", "unemployment_rate")
                st.radio(t("scenario_page.shift.deprivation_by", lang), DEPRIVATION_BY,
                         key="scn_deprivation_by",
                         format_func=lambda d: t(f"scenario.deprivation_by.{d}", lang))
            if rule == "named":
                named = st.multiselect(t("scenario_page.shift.named", lang),
                                       [c for c in codes if c not in (st.session_state.get(
                                           "scn_from") or [])], key="scn_named",
                                       format_func=names.get, select_all=False,
                                       placeholder=t("common.choose", lang))
                if named:
                    cols = st.columns(min(len(named), 4))
                    for i, code in enumerate(named):
                        seed(f"scn_w_{code}", 1.0)
                        with cols[i % len(cols)]:
                            _echo(lang, st.number_input(
                                t("scenario_page.shift.weight", lang, county=names[code]),
                                min_value=0.0, step=0.5, key=f"scn_w_{code}"), 1)
            else:
                seed("scn_recipients", "chosen" if st.session_state.get("scn_to") else "others")
                recipients = st.radio(
                    t("ui_polish.shift.recipients", lang), RECIPIENTS, key="scn_recipients",
                    horizontal=True,
                    format_func=lambda r: t(f"ui_polish.shift.recipients.{r}", lang))
                if recipients == "chosen":
                    st.multiselect(t("scenario_page.shift.to", lang), codes, key="scn_to",
                                   format_func=names.get, select_all=False,
                                   placeholder=t("scenario_page.shift.to_all", lang))
                elif recipients == "deprived":
                    group = deprived_counties(ctx)
                    layout.note(t("ui_polish.shift.level_note", lang,
                                  level=t("level.deprived", lang),
                                  names=join_list((names[c] for c in group), lang)))
            c1, c2 = st.columns(2)
            seed("scn_jobs", "average")
            c1.radio(t("scenario_page.shift.jobs", lang), JOB_RULES, key="scn_jobs",
                     format_func=lambda j: t(f"scenario_page.shift.jobs.{j}", lang))
            seed("scn_shift_sector", "")
            c2.selectbox(t("scenario_page.shift.sector", lang), ["", *SECTORS],
                         key="scn_shift_sector",
                         format_func=lambda s: t(f"sector.{s}", lang) if s
                         else t("scenario_page.shift.sector_auto", lang),
                         placeholder=t("common.choose", lang))
        elif kind == "assumptions":
            c1, c2, c3 = st.columns(3)
            seed("scn_group", "industrial")
            c1.selectbox(t("scenario_page.assume.group", lang), COUNTY_GROUPS, key="scn_group",
                         format_func=lambda g: t(f"scenario.group.{g}", lang),
                         on_change=_group_defaults,
                         placeholder=t("common.choose", lang))
            seed("scn_m", DEFAULT_ASSUMPTIONS["industrial"].m, options=M_STEPS)
            c2.select_slider(t("scenario.labour.m", lang), M_STEPS, key="scn_m",
                             format_func=_number_labels(lang, M_STEPS, 2).__getitem__)
            seed("scn_k", DEFAULT_ASSUMPTIONS["industrial"].k, options=K_STEPS)
            c3.select_slider(t("scenario.labour.k", lang), K_STEPS, key="scn_k",
                             format_func=_number_labels(lang, K_STEPS, 1).__getitem__)
            note(t("scenario_page.assume.defaults", lang,
                          mi=fmt_number(DEFAULT_ASSUMPTIONS["industrial"].m, lang, 1),
                          ki=fmt_number(DEFAULT_ASSUMPTIONS["industrial"].k, lang, 1),
                          mo=fmt_number(DEFAULT_ASSUMPTIONS["other"].m, lang, 1),
                          ko=fmt_number(DEFAULT_ASSUMPTIONS["other"].k, lang, 1)))

        st.text_input(t("scenario_page.note", lang), key="scn_note", max_chars=200)
        st.button(t("scenario_page.add", lang), key="scn_add", type="primary", on_click=add_edit,
                  args=(ctx, kind))
        show_flash("add")


def edit_list(ctx: PageContext, scenario: Scenario, report: dict) -> None:
    """The scenario's edits (each removable), the engine's log and «clear»."""
    lang = ctx.lang
    st.subheader(t("scenario_page.edits_heading", lang, n=fmt_int(len(scenario.edits), lang)))
    show_flash("edits")
    if scenario.is_empty():
        st.info(t("scenario_page.empty", lang))
    else:
        for i, edit in enumerate(scenario.edits):
            row = st.columns([12, 2])
            row[0].markdown(f"{localise_digits(str(i + 1), lang)}. {as_html(describe(ctx, edit))}",
                            unsafe_allow_html=True)
            row[1].button(t("scenario_page.remove", lang), key=f"scn_rm_{i}", on_click=remove_edit,
                          args=(ctx, i))
        log_box = st.expander(t("scenario_page.log_heading", lang), key="scn_log_open",
                              on_change="rerun")
        with log_box:  # the content runs only while it is open
            for entry in report["log"] if log_box.open else ():
                prefix = (localise_digits(str(entry["edit"] + 1), lang) + ". "
                          if entry["edit"] is not None else "")
                text = entry["text_fa" if lang == "fa" else "text_en"]
                st.markdown(prefix + as_html(readable(text, lang)), unsafe_allow_html=True)
        st.button(t("scenario_page.clear", lang), key="scn_clear", on_click=clear_scenario)
    if any(e.kind in ("add_project", "shift_budget") for e in scenario.edits):
        layout.note(t("scenario_page.hyp_legend", lang, mark=HYP))
