"""Scenario: "what if …?" — build a scenario from edits (set status/progress/dates, cancel,
postpone, add a hypothetical project, shift budget, labour-model assumptions) with widgets,
and see baseline and scenario side by side: balance measures, the county panel, a map of
the change, rank changes and the labour model with its assumptions.  Scenarios live in
the session and in the link (``?s=``), and can be saved by name, reloaded, compared and
deleted.

Every number comes from :func:`analytics.scenario_report.scenario_report` (the same dict
``pishran report --scenario`` prints), cached by the scenario's JSON, the filter and X.
"""

from __future__ import annotations

import html
import json
import math
import re
from dataclasses import replace

import pandas as pd
import streamlit as st

from analytics import scenario_store as store
from analytics.counties import county_names
from analytics.filters import ProjectFilter
from analytics.labour_model import (
    COUNTY_GROUPS,
    DEFAULT_ASSUMPTIONS,
    INDUSTRIAL_COUNTIES,
    K_MAX,
    labour_effect,
    rate_rise_threshold,
)
from analytics.measures import BALANCE_X, panel_balance
from analytics.panel import PANEL_MEASURES
from analytics.report import measure_value_text
from analytics.scenario import (
    DEPRIVATION_BY,
    EDIT_TYPES,
    JOB_RULES,
    MAX_EDITS,
    SHIFT_RULES,
    Scenario,
    ScenarioError,
    describe_edit,
    edit_from_dict,
)
from analytics.scenario_report import REPORT_PANEL_COLUMNS, scenario_report
from analytics.schema import FUNDING_SOURCES, SECTORS, STATUSES
from figures.county_map import county_map
from figures.scenario_charts import measure_bars, rank_change_chart, signed
from figures.theme import plotly_config
from i18n import fmt_int, fmt_number, fmt_percent, has_key, localise_digits, t
from ui import data, layout, state

SCENARIO = "scenario_page:scenario"      # the scenario being built (not a widget key)
FLASH = "scenario_page:flash:"           # one message per area, shown once
DRAWN = "scenario_page:drawn"            # the scenario the last full run drew
HYP = "◆"                                # the hypothetical mark
MAP_MEASURES = tuple(c for c in REPORT_PANEL_COLUMNS if c in PANEL_MEASURES)
#: The measures of the baseline-vs-scenario bar chart (comparable 0–1 indices).
BAR_MEASURES = ("centre_share_x", "hoover", "gini_weighted", "gini_unweighted", "theil_t",
                "theil_l", "williamson", "need_alignment")
#: High in-migration assumptions of the demonstration (the docstring's example).
DEMO_M, DEMO_K, DEMO_JOBS = 0.8, 2.0, 1000
MAX_CHOICES = 300
#: The result sections, shown one at a time (a segmented control, ``?scn_view=``).
VIEWS = ("map", "counties", "ranks", "labour")
VIEW_LABELS = {"map": "scenario_page.map_heading", "counties": "report.panel_heading",
               "ranks": "scenario_page.ranks_heading", "labour": "nav.labour"}
RANK_KIND = "scenario_page:rank_kind"    # the rank chart's choice, kept while it is hidden

lang = state.lang()
ds = data.dataset()
flt = layout.filter_sidebar(ds.counties, lang)
base_panel, _ = data.panel(flt)
codes = list(ds.counties["code"])
names = county_names(ds.counties, lang)
centre = ds.centre_code
sep = "، " if lang == "fa" else ", "


# ---------------------------------------------------------------------------
# Cached computation
# ---------------------------------------------------------------------------


@st.cache_data(show_spinner=False, max_entries=64)
def _report(scenario_json: str, filter_json: str, x: str) -> dict:
    """scenario_report for (scenario, filter, X), plus each measure's weighting flag."""
    dataset = data.dataset()
    known = tuple(dataset.counties["code"])
    report_filter, _ = ProjectFilter.from_dict(json.loads(filter_json), known)
    report = scenario_report(dataset, json.loads(scenario_json), report_filter, x)
    panel, _ = data.panel(report_filter)
    try:
        summary = panel_balance(panel, x).summary
        report["weighted"] = dict(zip(summary["measure_id"], summary["weighted"].astype(bool)))
    except ValueError:
        report["weighted"] = {}
    return report


@st.cache_data(show_spinner=False, max_entries=32)
def _choices(filter_json: str, hypothetical_json: str, lang: str) -> tuple[int, dict[str, str]]:
    """(number of projects matching, {id: label} of the first matches) — baseline projects
    plus the scenario's hypothetical ones (marked)."""
    dataset = data.dataset()
    chosen, _ = ProjectFilter.from_dict(json.loads(filter_json), tuple(dataset.counties["code"]))
    names_of = county_names(dataset.counties, lang)
    matching = chosen.apply(dataset.projects)
    title = "title_fa" if lang == "fa" else "title_en"
    head = matching.head(MAX_CHOICES)
    labels = {str(i): f"{i} — {tt} ({names_of.get(c, c)})"
              for i, tt, c in zip(head["project_id"], head[title].fillna(head["title_fa"]),
                                  head["county_code"])}
    count = len(matching)
    for row in json.loads(hypothetical_json):
        if ((not chosen.counties or row["county_code"] in chosen.counties)
                and (not chosen.sectors or row["sector"] in chosen.sectors)
                and (not chosen.statuses or row["status"] in chosen.statuses)):
            count += 1
            shown = row.get(title) or row["title_fa"]
            labels[row["project_id"]] = (f"{row['project_id']} — {shown} "
                                         f"({names_of.get(row['county_code'])}) {HYP}")
    return count, labels


@st.cache_resource(show_spinner=False, max_entries=48)
def _figure(kind: str, scenario_json: str, filter_json: str, x: str, option: str, lang: str):
    """The page's figures, built once per input: building Plotly figures is most of a
    rerun.  Shared objects (``cache_resource``) — never changed after they are built."""
    dataset = data.dataset()
    report = _report(scenario_json, filter_json, x)
    names_of = county_names(dataset.counties, lang)
    if kind == "measures":
        balance = {r["measure_id"]: r for r in report["balance"]}
        rows = [(t(f"measure_id.{m}", lang), balance[m]["baseline"], balance[m]["scenario"])
                for m in BAR_MEASURES if m in balance]
        return measure_bars(rows, lang)
    if kind == "map":
        report_filter, _ = ProjectFilter.from_dict(json.loads(filter_json),
                                                   tuple(dataset.counties["code"]))
        frame = data.panel(report_filter)[0].copy()
        changes = pd.DataFrame(report["panel"]).set_index("code")[f"{option}_change"]
        frame[option] = changes.reindex(frame.index).astype(float)
        title = t("scenario_page.map_title", lang, measure=t(f"measure.{option}", lang))
        return county_map(frame, option, data.province_geometry(), lang,
                          centre=dataset.centre_code, diverging=True, title=title)[0]
    rows = pd.DataFrame(report["ranks"]).set_index("code")
    ranks = pd.DataFrame({"baseline": rows[f"{option}_rank_baseline"],
                          "scenario": rows[f"{option}_rank_scenario"]})
    marks = {r["county_code"]: f" {HYP}" for r in report["hypothetical"]}
    return rank_change_chart(ranks, names_of, lang, marks=marks)


@st.cache_resource(show_spinner=False)
def _cached_for() -> dict:
    """Which dataset (version token) the caches above were filled for, process-wide."""
    return {"token": None}


def _drop_caches_of_old_data() -> None:
    """The cached reports/figures are keyed by scenario, filter and X, not by the data: when
    an import or restore makes another dataset current, empty them once."""
    token = data.dataset_token(ds)
    seen = _cached_for()
    if seen["token"] != token:
        _report.clear()
        _choices.clear()
        _figure.clear()
        seen["token"] = token


_drop_caches_of_old_data()



def _filter_json(project_filter: ProjectFilter) -> str:
    return json.dumps(project_filter.to_dict(), sort_keys=True)


def _current_filter_json() -> str:
    current = st.session_state.get(state.FILTER)
    return _filter_json(current if current is not None else ProjectFilter())


def _current_x() -> str:
    value = st.session_state.get("scn_x", "budget_total")
    return value if value in BALANCE_X else "budget_total"


def _check(scenario: Scenario) -> list[str]:
    """Problems of ``scenario`` against the data (computing — and caching — its report)."""
    try:
        _report(scenario.to_json(None), _current_filter_json(), _current_x())
    except ScenarioError as err:
        return err.messages(state.lang())
    return []


# ---------------------------------------------------------------------------
# Wording helpers
# ---------------------------------------------------------------------------

_CODE = re.compile(r"(?<![A-Za-z0-9_\-])(" + "|".join(
    sorted((re.escape(c) for c in codes), key=len, reverse=True)) + r")(?![A-Za-z0-9_\-])")
_FILTER_KEYS = {"counties": "filter.counties", "sectors": "filter.sectors",
                "statuses": "filter.statuses", "funding_sources": "filter.funding"}


def _readable(text: str) -> str:
    """An engine description with county codes and filter keys in the reader's words."""
    text = _CODE.sub(lambda m: names.get(m.group(1), m.group(1)), text)
    for key, label in _FILTER_KEYS.items():
        text = text.replace(f"{key}: ", f"{t(label, lang)}: ")
    if lang == "fa":  # keep "m = ۰٫۸" left to right inside Persian text
        text = _PARAM.sub(lambda m: "\u2066" + m.group(1) + "\u2069", text)
    return text


_PARAM = re.compile(r"(?<![\w\u2066])([mk] = [0-9۰-۹٫.,—\-]+)")


def _html(text: str) -> str:
    """Escaped text for markdown, with the LRI … PDI isolates of formulas turned into
    ``<span dir="ltr">`` (the browser did not honour the isolate characters)."""
    return (html.escape(text, quote=False).replace("\u2066", '<span dir="ltr">')
            .replace("\u2069", "</span>"))


def _note(text: str) -> None:
    """``layout.note`` for text holding formula isolates."""
    st.markdown(f'<div class="pishran-note">{_html(text)}</div>', unsafe_allow_html=True)


def _describe(edit) -> str:
    text = _readable(describe_edit(edit, lang))
    if edit.kind in ("add_project", "shift_budget"):
        text = f"{HYP} {text}"
    return text


def _decimals(row: dict) -> int:
    """The decimals of ``measure_value_text`` for the larger side (3 below 10, else 1)."""
    sides = [abs(v) for v in (row["baseline"], row["scenario"]) if v is not None]
    return 3 if not sides or max(sides) < 10 else 1


def _short(column: str) -> str:
    """A short column label: the report's where there is one, else the measure's name."""
    key = f"report.col.{column}"
    return t(key, lang) if has_key(key) else t(f"measure.{column}", lang)


def _flash(area: str, kind: str, text: str, details: list[str] | None = None) -> None:
    st.session_state[FLASH + area] = {"kind": kind, "text": text, "details": details or []}


def _show_flash(area: str) -> None:
    message = st.session_state.pop(FLASH + area, None)
    if not message:
        return
    body = message["text"]
    if message["details"]:
        body += "\n\n" + "\n".join(f"- {d}" for d in message["details"])
    getattr(st, message["kind"])(body)


def _seed(key: str, value) -> None:
    if key not in st.session_state:
        st.session_state[key] = value


def _scenario() -> Scenario:
    return st.session_state[SCENARIO]


def _set_scenario(scenario: Scenario) -> None:
    st.session_state[SCENARIO] = scenario


def _rerun_app_if_changed() -> None:
    """In a fragment: when a callback (add, load, save …) changed the scenario, rerun the
    whole page so the list of edits and the results follow.  A no-op in a full run (the
    page records the scenario it draws before the fragments run)."""
    if st.session_state.get(SCENARIO) is not st.session_state.get(DRAWN):
        st.rerun(scope="app")


# ---------------------------------------------------------------------------
# The scenario: session, else the link (?s=), else empty
# ---------------------------------------------------------------------------

if SCENARIO not in st.session_state:
    initial, link_problems = Scenario(), []
    raw = st.query_params.get("s")
    if raw:
        parsed, problems = store.scenario_from_query(raw)
        link_problems = [p.message(lang) for p in problems]
        if parsed is not None:
            link_problems = _check(parsed)
            if not link_problems:
                initial = parsed
    _set_scenario(initial)
    if link_problems:
        _flash("link", "warning", t("scenario_page.link_rejected", lang), link_problems)

_seed("scn_x", state.page_param("scn_x", "budget_total", state.choice(BALANCE_X)))
if st.session_state["scn_x"] not in BALANCE_X:
    st.session_state["scn_x"] = "budget_total"


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


def _edit_dict(kind: str) -> dict:
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
        if donors != [centre]:
            out["from"] = donors
        if rule == "named":
            out["weights"] = {c: float(ss.get(f"scn_w_{c}", 1.0))
                              for c in ss.get("scn_named") or []}
        elif ss.get("scn_to"):
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


def _pre_problems(kind: str, raw: dict) -> list[str]:
    """Plain problems the parser would word technically."""
    problems = []
    if raw.get("ids") == []:
        problems.append(t("scenario_page.problem.no_ids", lang))
    if kind == "shift_budget":
        if not raw.get("from", [centre]):
            problems.append(t("scenario_page.problem.no_donors", lang))
        if raw["rule"] == "named" and not raw.get("weights"):
            problems.append(t("scenario_page.problem.no_named", lang))
    if kind == "add_project" and not raw["title_fa"]:
        problems.append(t("scenario_page.problem.no_title", lang))
    return problems


def _add(kind: str, area: str = "add") -> None:
    """Callback of «add»: parse the widgets' edit, check it against the data, append it
    (the outcome is shown under the builder, or in ``area``)."""
    current = _scenario()
    if len(current.edits) >= MAX_EDITS:
        _flash(area, "error", t("scenario_page.too_many", lang, n=fmt_int(MAX_EDITS, lang)))
        return
    raw = _edit_dict(kind)
    problems = _pre_problems(kind, raw)
    if problems:
        _flash(area, "error", t("scenario_page.add_refused", lang), problems)
        return
    edit, found = edit_from_dict(raw, len(current.edits))
    if found:
        _flash(area, "error", t("scenario_page.add_refused", lang),
               [p.message(lang) for p in found])
        return
    candidate = current.with_edits(edit)
    problems = _check(candidate)
    if problems:
        _flash(area, "error", t("scenario_page.add_refused", lang), problems)
        return
    _set_scenario(candidate)
    _flash(area, "success", t("scenario_page.added", lang, text=_describe(edit)))


def _remove(index: int) -> None:
    current = _scenario()
    edits = current.edits[:index] + current.edits[index + 1:]
    candidate = replace(current, edits=edits)
    problems = _check(candidate)
    if problems:
        _flash("edits", "error", t("scenario_page.remove_refused", lang), problems)
        return
    _set_scenario(candidate)


def _clear() -> None:
    _set_scenario(Scenario())


def _group_defaults() -> None:
    group = st.session_state.get("scn_group", "industrial")
    if group in DEFAULT_ASSUMPTIONS:
        st.session_state["scn_m"] = DEFAULT_ASSUMPTIONS[group].m
        st.session_state["scn_k"] = DEFAULT_ASSUMPTIONS[group].k


def _demo_assumptions() -> None:
    """Add the demonstration's high-in-migration assumption for the industrial counties."""
    st.session_state["scn_group"] = "industrial"
    st.session_state["scn_m"], st.session_state["scn_k"] = DEMO_M, DEMO_K
    st.session_state["scn_note"] = ""
    _add("assumptions", "demo")


# ---------------------------------------------------------------------------
# Saving, loading, deleting (callbacks)
# ---------------------------------------------------------------------------


def _save() -> None:
    name = (st.session_state.get("scn_save_name") or "").strip()
    description = (st.session_state.get("scn_save_description") or "").strip()
    scenario = replace(_scenario(), description=description)
    try:
        store.save_scenario(name, scenario, dataset=data.dataset())
    except ScenarioError as err:
        _flash("store", "error", t("scenario_page.save_refused", lang), err.messages(lang))
        return
    _set_scenario(replace(scenario, name=store.validate_name(name)))
    _flash("store", "success", t("scenario.saved", lang, name=store.validate_name(name)))


def _load() -> None:
    name = st.session_state.get("scn_load_name")
    if not name:
        return
    try:
        loaded = store.load_scenario(name, dataset=data.dataset(), allow_path=False)
    except ScenarioError as err:
        _flash("store", "error", t("scenario_page.load_refused", lang, name=name),
               err.messages(lang))
        return
    problems = _check(loaded)
    if problems:
        _flash("store", "error", t("scenario_page.load_refused", lang, name=name), problems)
        return
    _set_scenario(loaded)
    st.session_state["scn_save_name"] = loaded.name or name
    st.session_state["scn_save_description"] = loaded.description
    _flash("store", "success", t("scenario_page.loaded", lang, name=name,
                                 n=fmt_int(len(loaded.edits), lang)))


def _delete() -> None:
    name = st.session_state.get("scn_del_name")
    if not name or not st.session_state.get("scn_del_confirm"):
        return
    try:
        removed = store.delete_scenario(name)
    except ScenarioError as err:
        _flash("store", "error", t("scenario_page.delete_refused", lang), err.messages(lang))
        return
    st.session_state["scn_del_confirm"] = False
    if removed:
        _flash("store", "success", t("scenario.deleted", lang, name=name))
    else:
        _flash("store", "warning", t("scenario_page.delete_missing", lang, name=name))


# ---------------------------------------------------------------------------
# Page: title and the builder
# ---------------------------------------------------------------------------

st.title(t("scenario_page.title", lang))
layout.note(t("scenario_page.intro", lang))
_show_flash("link")

scenario = _scenario()
filter_json = _filter_json(flt)
x = st.session_state["scn_x"]
try:
    report = _report(scenario.to_json(None), filter_json, x)
except ScenarioError as err:  # e.g. a filter change made an earlier edit inapplicable
    st.error(t("scenario.error.title", lang) + "\n\n" + "\n".join(
        f"- {m}" for m in err.messages(lang)))
    scenario = Scenario()
    _set_scenario(scenario)
    report = _report(scenario.to_json(None), filter_json, x)
st.session_state[DRAWN] = scenario
hyp_json = json.dumps([{k: r.get(k) for k in ("project_id", "county_code", "sector", "status",
                                                "title_fa", "title_en")}
                       for r in report["hypothetical"]], ensure_ascii=False)

@st.fragment
def _builder(hyp_json: str) -> None:
    """The scenario builder: changing one of its widgets reruns only this fragment;
    adding an edit (a callback) changes the scenario, and the whole page reruns."""
    _rerun_app_if_changed()
    with st.container(border=True):
        st.subheader(t("scenario_page.build_heading", lang))
        _seed("scn_kind", "shift_budget")
        kind = st.radio(t("scenario_page.kind", lang), EDIT_TYPES, key="scn_kind", horizontal=True,
                        format_func=lambda k: t(f"scenario.edit.{k}", lang))
        layout.note(t(f"scenario_page.kind_help.{kind}", lang))

        if kind in ("set_projects", "cancel", "postpone"):
            _seed("scn_sel_mode", "filter")
            mode = st.radio(t("scenario_page.select.mode", lang), ["filter", "ids"],
                            key="scn_sel_mode", horizontal=True,
                            format_func=lambda m: t(f"scenario_page.select.{m}", lang))
            c1, c2, c3 = st.columns(3)
            sel_counties = c1.multiselect(t("filter.counties", lang), codes, key="scn_sel_counties",
                                          format_func=names.get, placeholder=t("common.all", lang))
            sel_sectors = c2.multiselect(t("filter.sectors", lang), SECTORS, key="scn_sel_sectors",
                                         format_func=lambda s: t(f"sector.{s}", lang),
                                         placeholder=t("common.all", lang))
            sel_statuses = c3.multiselect(t("filter.statuses", lang), STATUSES,
                                          key="scn_sel_statuses",
                                          format_func=lambda s: t(f"status.{s}", lang),
                                          placeholder=t("common.all", lang))
            chosen_filter = ProjectFilter(counties=tuple(sel_counties), sectors=tuple(sel_sectors),
                                          statuses=tuple(sel_statuses))
            n_match, labels = _choices(_filter_json(chosen_filter), hyp_json, lang)
            if mode == "filter":
                layout.note(t("scenario_page.select.count", lang, n=fmt_int(n_match, lang)))
            else:
                picked = [i for i in st.session_state.get("scn_sel_ids") or []]
                options = list(dict.fromkeys([*picked, *labels]))
                st.multiselect(t("scenario_page.select.ids", lang), options, key="scn_sel_ids",
                               format_func=lambda i: labels.get(i, i),
                               placeholder=t("scenario_page.select.ids_placeholder", lang))
                if n_match > MAX_CHOICES:
                    layout.note(t("scenario_page.select.capped", lang, n=fmt_int(n_match, lang),
                                  shown=fmt_int(MAX_CHOICES, lang)))

        if kind == "set_projects":
            c1, c2 = st.columns(2)
            _seed("scn_set_status", "completed")
            c1.selectbox(t("scenario_page.set.status", lang), ["", *STATUSES], key="scn_set_status",
                         format_func=lambda s: t(f"status.{s}", lang) if s
                         else t("scenario_page.no_change", lang))
            _seed("scn_set_progress_on", False)
            on = c2.checkbox(t("scenario_page.set.progress_on", lang), key="scn_set_progress_on")
            if on:
                _seed("scn_set_progress", 100)
                c2.slider(t("scenario_page.set.progress", lang), 0, 100, key="scn_set_progress",
                          step=5)
            c1, c2 = st.columns(2)
            c1.text_input(t("scenario_page.set.start", lang), key="scn_set_start", max_chars=20,
                          placeholder=t("scenario_page.date_placeholder", lang))
            c2.text_input(t("scenario_page.set.end", lang), key="scn_set_end", max_chars=20,
                          placeholder=t("scenario_page.date_placeholder", lang))
        elif kind == "postpone":
            _seed("scn_months", 6)
            st.number_input(t("scenario_page.postpone.months", lang), min_value=-240,
                            max_value=240, step=1, key="scn_months",
                            help=t("scenario_page.postpone.help", lang))
        elif kind == "add_project":
            c1, c2, c3 = st.columns(3)
            _seed("scn_add_county", next(c for c in codes if c != centre))
            c1.selectbox(t("common.county", lang), codes, key="scn_add_county",
                         format_func=names.get)
            _seed("scn_add_sector", "tourism" if "tourism" in SECTORS else SECTORS[0])
            c2.selectbox(t("scenario_page.add.sector", lang), SECTORS, key="scn_add_sector",
                         format_func=lambda s: t(f"sector.{s}", lang))
            _seed("scn_add_status", "defined")
            c3.selectbox(t("scenario_page.add.status", lang), STATUSES, key="scn_add_status",
                         format_func=lambda s: t(f"status.{s}", lang))
            c1, c2 = st.columns(2)
            c1.text_input(t("scenario_page.add.title_fa", lang), key="scn_add_title_fa",
                          max_chars=200)
            c2.text_input(t("scenario_page.add.title_en", lang), key="scn_add_title_en",
                          max_chars=200)
            c1, c2, c3 = st.columns(3)
            _seed("scn_add_budget", 500.0)
            c1.number_input(t("scenario_page.add.budget", lang), min_value=0.0, step=50.0,
                            key="scn_add_budget")
            _seed("scn_add_jobs", 100)
            c2.number_input(t("scenario_page.add.jobs", lang), min_value=0, step=10,
                            key="scn_add_jobs")
            _seed("scn_add_funding", "mixed")
            c3.selectbox(t("scenario_page.add.funding", lang), FUNDING_SOURCES,
                         key="scn_add_funding", format_func=lambda s: t(f"funding.{s}", lang))
            c1, c2 = st.columns(2)
            c1.text_input(t("scenario_page.set.start", lang), key="scn_add_start", max_chars=20,
                          placeholder=t("scenario_page.date_placeholder", lang))
            c2.text_input(t("scenario_page.set.end", lang), key="scn_add_end", max_chars=20,
                          placeholder=t("scenario_page.date_placeholder", lang))
        elif kind == "shift_budget":
            c1, c2 = st.columns(2)
            _seed("scn_share", 10)
            c1.select_slider(t("scenario_page.shift.share", lang), list(range(0, 101)),
                             key="scn_share", format_func=lambda v: fmt_percent(v, lang))
            _seed("scn_from", [centre])
            c2.multiselect(t("scenario_page.shift.from", lang), codes, key="scn_from",
                           format_func=names.get)
            _seed("scn_rule", "per_capita")
            rule = st.radio(t("scenario_page.shift.rule", lang), SHIFT_RULES, key="scn_rule",
                            horizontal=True,
                            format_func=lambda r: t(f"scenario.shift_rule.{r}", lang))
            if rule == "deprivation":
                _seed("scn_deprivation_by", "unemployment_rate")
                st.radio(t("scenario_page.shift.deprivation_by", lang), DEPRIVATION_BY,
                         key="scn_deprivation_by",
                         format_func=lambda d: t(f"scenario.deprivation_by.{d}", lang))
            if rule == "named":
                named = st.multiselect(t("scenario_page.shift.named", lang),
                                       [c for c in codes if c not in (st.session_state.get(
                                           "scn_from") or [])], key="scn_named",
                                       format_func=names.get)
                if named:
                    cols = st.columns(min(len(named), 4))
                    for i, code in enumerate(named):
                        _seed(f"scn_w_{code}", 1.0)
                        cols[i % len(cols)].number_input(
                            t("scenario_page.shift.weight", lang, county=names[code]),
                            min_value=0.0, step=0.5, key=f"scn_w_{code}")
            else:
                st.multiselect(t("scenario_page.shift.to", lang), codes, key="scn_to",
                               format_func=names.get,
                               placeholder=t("scenario_page.shift.to_all", lang))
            c1, c2 = st.columns(2)
            _seed("scn_jobs", "average")
            c1.radio(t("scenario_page.shift.jobs", lang), JOB_RULES, key="scn_jobs",
                     format_func=lambda j: t(f"scenario_page.shift.jobs.{j}", lang))
            _seed("scn_shift_sector", "")
            c2.selectbox(t("scenario_page.shift.sector", lang), ["", *SECTORS],
                         key="scn_shift_sector",
                         format_func=lambda s: t(f"sector.{s}", lang) if s
                         else t("scenario_page.shift.sector_auto", lang))
        elif kind == "assumptions":
            c1, c2, c3 = st.columns(3)
            _seed("scn_group", "industrial")
            c1.selectbox(t("scenario_page.assume.group", lang), COUNTY_GROUPS, key="scn_group",
                         format_func=lambda g: t(f"scenario.group.{g}", lang),
                         on_change=_group_defaults)
            _seed("scn_m", DEFAULT_ASSUMPTIONS["industrial"].m)
            c2.slider(t("scenario.labour.m", lang), 0.0, 1.0, key="scn_m", step=0.05)
            _seed("scn_k", DEFAULT_ASSUMPTIONS["industrial"].k)
            c3.slider(t("scenario.labour.k", lang), 0.0, K_MAX, key="scn_k", step=0.1)
            _note(t("scenario_page.assume.defaults", lang,
                          mi=fmt_number(DEFAULT_ASSUMPTIONS["industrial"].m, lang, 1),
                          ki=fmt_number(DEFAULT_ASSUMPTIONS["industrial"].k, lang, 1),
                          mo=fmt_number(DEFAULT_ASSUMPTIONS["other"].m, lang, 1),
                          ko=fmt_number(DEFAULT_ASSUMPTIONS["other"].k, lang, 1)))

        st.text_input(t("scenario_page.note", lang), key="scn_note", max_chars=200)
        st.button(t("scenario_page.add", lang), key="scn_add", type="primary", on_click=_add,
                  args=(kind,))
        _show_flash("add")


_builder(hyp_json)

# ---------------------------------------------------------------------------
# The list of edits
# ---------------------------------------------------------------------------

st.subheader(t("scenario_page.edits_heading", lang, n=fmt_int(len(scenario.edits), lang)))
_show_flash("edits")
if scenario.is_empty():
    st.info(t("scenario_page.empty", lang))
else:
    for i, edit in enumerate(scenario.edits):
        row = st.columns([12, 2])
        row[0].markdown(f"{localise_digits(str(i + 1), lang)}. {_html(_describe(edit))}",
                        unsafe_allow_html=True)
        row[1].button(t("scenario_page.remove", lang), key=f"scn_rm_{i}", on_click=_remove,
                      args=(i,))
    with st.expander(t("scenario_page.log_heading", lang)):
        for entry in report["log"]:
            prefix = (localise_digits(str(entry["edit"] + 1), lang) + ". "
                      if entry["edit"] is not None else "")
            st.markdown(prefix + _html(_readable(entry["text_fa" if lang == "fa"
                                                              else "text_en"])),
                        unsafe_allow_html=True)
    st.button(t("scenario_page.clear", lang), key="scn_clear", on_click=_clear)
if any(e.kind in ("add_project", "shift_budget") for e in scenario.edits):
    layout.note(t("scenario_page.hyp_legend", lang, mark=HYP))

query = None
if not scenario.is_empty():
    try:
        query = store.scenario_to_query(scenario)
    except ScenarioError:
        layout.note(t("scenario_page.too_long_for_link", lang))

# ---------------------------------------------------------------------------
# Saved scenarios: save, load, compare, delete
# ---------------------------------------------------------------------------

@st.fragment
def _saved_scenarios(scenario: Scenario, report: dict, filter_json: str, x: str) -> None:
    """Save, load, delete and compare saved scenarios: their widgets rerun only this
    fragment; loading (or saving under a name) changes the scenario, and the whole page
    reruns."""
    _rerun_app_if_changed()
    saved = store.list_scenarios()
    with st.expander(t("scenario_page.store_heading", lang, n=fmt_int(len(saved), lang)),
                     expanded=bool(saved) or FLASH + "store" in st.session_state):
        _show_flash("store")
        c1, c2 = st.columns(2)
        with c1:
            st.markdown(f"**{t('scenario_page.save_heading', lang)}**")
            _seed("scn_save_name", scenario.name)
            st.text_input(t("scenario_page.save_name", lang), key="scn_save_name", max_chars=80,
                          help=t("scenario_page.save_name_help", lang))
            st.text_input(t("scenario_page.save_description", lang), key="scn_save_description",
                          max_chars=500)
            st.button(t("scenario_page.save", lang), key="scn_save", on_click=_save,
                      disabled=scenario.is_empty())
        with c2:
            all_names = [s.name for s in saved]
            st.markdown(f"**{t('scenario_page.load_heading', lang)}**")
            if all_names:
                if st.session_state.get("scn_load_name") not in all_names:
                    st.session_state["scn_load_name"] = all_names[0]
                st.selectbox(t("scenario_page.saved_name", lang), all_names, key="scn_load_name")
                st.button(t("scenario_page.load", lang), key="scn_load", on_click=_load)
                if st.session_state.get("scn_del_name") not in all_names:
                    st.session_state["scn_del_name"] = all_names[0]
                st.selectbox(t("scenario_page.delete_name", lang), all_names, key="scn_del_name")
                _seed("scn_del_confirm", False)
                confirm = st.checkbox(t("scenario_page.delete_confirm", lang),
                                      key="scn_del_confirm")
                st.button(t("scenario_page.delete", lang), key="scn_del", on_click=_delete,
                          disabled=not confirm)
            else:
                st.info(t("scenario_page.none_saved", lang))
        if saved:
            rows = [{t("scenario_page.col.name", lang): s.name,
                     t("scenario_page.col.edits", lang): (fmt_int(s.n_edits, lang) if s.valid
                                                          else "—"),
                     t("scenario_page.col.modified", lang): localise_digits(
                         s.modified.replace("T", " "), lang),
                     t("scenario_page.col.state", lang): t(
                         "scenario_page.valid" if s.valid else "scenario_page.invalid", lang),
                     t("scenario_page.col.description", lang): s.description}
                    for s in saved]
            st.table(pd.DataFrame(rows).set_index(t("scenario_page.col.name", lang)))
            for s in saved:
                if not s.valid:
                    st.warning(t("scenario_page.invalid_file", lang, name=s.name) + "\n\n"
                               + "\n".join(f"- {p.message(lang)}" for p in s.problems))

    def _options_for_compare() -> dict[str, str]:
        out = {"__baseline__": t("scenario.report.baseline", lang),
               "__current__": t("scenario_page.current", lang)}
        out.update({s.name: s.name for s in saved if s.valid})
        return out

    compare_options = _options_for_compare()
    with st.expander(t("scenario_page.compare_heading", lang)):
        c1, c2 = st.columns(2)
        ids = list(compare_options)
        for key, default in (("scn_cmp_a", "__baseline__"), ("scn_cmp_b", "__current__")):
            if st.session_state.get(key) not in ids:
                st.session_state[key] = default
        a = c1.selectbox(t("scenario_page.compare_a", lang), ids, key="scn_cmp_a",
                         format_func=compare_options.get)
        b = c2.selectbox(t("scenario_page.compare_b", lang), ids, key="scn_cmp_b",
                         format_func=compare_options.get)

        def _values(choice: str) -> dict | None:
            if choice == "__baseline__":
                return {r["measure_id"]: r["baseline"] for r in report["balance"]}
            if choice == "__current__":
                return {r["measure_id"]: r["scenario"] for r in report["balance"]}
            try:
                other = store.load_scenario(choice, dataset=ds, allow_path=False)
                other_report = _report(other.to_json(None), filter_json, x)
            except ScenarioError as err:
                st.error(t("scenario_page.load_refused", lang, name=choice) + "\n\n" + "\n".join(
                    f"- {m}" for m in err.messages(lang)))
                return None
            return {r["measure_id"]: r["scenario"] for r in other_report["balance"]}

        va, vb = _values(a), _values(b)
        if va is not None and vb is not None:
            rows = []
            for r in report["balance"]:
                mid = r["measure_id"]
                left, right = va.get(mid), vb.get(mid)
                diff = None if left is None or right is None else right - left
                rows.append({t("balance.col.measure", lang): t(f"measure_id.{mid}", lang),
                             compare_options[a]: measure_value_text(left, lang),
                             compare_options[b] + (" " if a == b else ""): measure_value_text(
                                 right, lang),
                             t("scenario_page.col.b_minus_a", lang): signed(
                                 diff, lang, _decimals({"baseline": left, "scenario": right}))})
            st.table(pd.DataFrame(rows).set_index(t("balance.col.measure", lang)))


_saved_scenarios(scenario, report, filter_json, x)


# ---------------------------------------------------------------------------
# Baseline against scenario
# ---------------------------------------------------------------------------

st.header(t("scenario_page.results_heading", lang))
if scenario.is_empty():
    layout.note(t("scenario_page.results_empty", lang))
x = st.selectbox(t("balance.x", lang), BALANCE_X, key="scn_x",
                 format_func=lambda m: t(f"measure.{m}", lang))
state.set_page_param("scn_x", x)
scenario_json = scenario.to_json(None)
report = _report(scenario_json, filter_json, x)
x_short = t(f"measure.short.{x}", lang)
balance = {r["measure_id"]: r for r in report["balance"]}
hyp_counties = {r["county_code"] for r in report["hypothetical"]}
marks = {c: f" {HYP}" for c in hyp_counties}


def _pct_points(change: float | None) -> str | None:
    if change is None or abs(change) < 5e-5:
        return None
    return signed(change * 100, lang, 1).replace("−", "-") + " " + t("scenario_page.points", lang)


# --- headline figures ----------------------------------------------------------------
labour = pd.DataFrame(report["labour"]).set_index("code") if report["labour"] else None
province = report["totals"]["province"]
cols = st.columns(4)
share = balance.get("centre_share_x")
if share:
    cols[0].metric(t("scenario_page.metric.centre_share", lang, x=x_short),
                   fmt_percent(share["scenario"], lang, 1, is_fraction=True),
                   delta=_pct_points(share["change"]), delta_color="inverse")
    cols[0].caption(t("scenario_page.metric.baseline", lang,
                      value=fmt_percent(share["baseline"], lang, 1, is_fraction=True)))
gini = balance.get("gini_weighted")
if gini:
    delta = None if gini["change"] is None or abs(gini["change"]) < 5e-4 else signed(
        gini["change"], lang, 3).replace("−", "-")
    cols[1].metric(t("measure_id.gini_weighted", lang), measure_value_text(gini["scenario"], lang),
                   delta=delta, delta_color="inverse")
    cols[1].caption(t("scenario_page.metric.baseline", lang,
                      value=measure_value_text(gini["baseline"], lang)))
rate = province.get("unemployment_rate", {})
cols[2].metric(t("scenario_page.metric.unemployment", lang),
               fmt_percent(rate.get("scenario"), lang, 2),
               delta=(None if rate.get("change") is None or abs(rate["change"]) < 5e-3
                      else signed(rate["change"], lang, 2).replace("−", "-") + " "
                      + t("scenario_page.points", lang)), delta_color="inverse")
cols[2].caption(t("scenario_page.metric.baseline", lang,
                  value=fmt_percent(rate.get("baseline"), lang, 2)))
new_jobs = float(labour["jobs"].sum()) if labour is not None else 0.0
cols[3].metric(t("scenario_page.metric.new_jobs", lang), fmt_int(new_jobs, lang))
budget = province.get("budget_total", {})
cols[3].caption(t("scenario_page.metric.budget", lang,
                  before=fmt_int(budget.get("baseline"), lang),
                  after=fmt_int(budget.get("scenario"), lang)))


# --- balance measures ------------------------------------------------------------------
def _reading(mid: str, row: dict) -> str:
    b, s, c = row["baseline"], row["scenario"], row["change"]
    if b is None or s is None or c is None:
        return "—"
    if mid == "centre_share_population":
        return t("scenario_page.reading.population", lang)
    same = abs(c) < 0.5 * 10 ** -_decimals(row)  # what the table shows as zero
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


st.subheader(t("scenario_page.measures_heading", lang, x=t(f"measure.{x}", lang)))
if report["balance_error"]["baseline"] or report["balance_error"]["scenario"]:
    st.info(t("balance.no_x", lang, x=t(f"measure.{x}", lang)))
else:
    rows = []
    for r in report["balance"]:
        mid = r["measure_id"]
        weighted = report["weighted"].get(mid)
        rows.append({
            t("balance.col.measure", lang): t(f"measure_id.{mid}", lang),
            t("scenario.report.baseline", lang): measure_value_text(r["baseline"], lang),
            t("scenario.report.scenario", lang): measure_value_text(r["scenario"], lang),
            t("scenario.report.change", lang): signed(r["change"], lang, _decimals(r)),
            t("balance.col.weighted", lang): "—" if weighted is None else t(
                "balance.weighted.yes" if weighted else "balance.weighted.no", lang),
            t("balance.col.reading", lang): _reading(mid, r),
        })
    st.table(pd.DataFrame(rows).set_index(t("balance.col.measure", lang)))
    dropped = sorted(set(report["balance_dropped"]["baseline"])
                     | set(report["balance_dropped"]["scenario"]))
    if dropped:
        layout.note(t("balance.dropped", lang, x=x_short,
                      names=sep.join(names.get(c, c) for c in dropped)))
    title = t("scenario_page.chart.measures", lang, x=x_short)
    st.plotly_chart(_figure("measures", scenario_json, filter_json, x, "", lang), width="stretch",
                    config=plotly_config(title, lang), key="scn_chart_measures")
    layout.note(t("scenario_page.measures_note", lang))

# --- hypothetical projects -----------------------------------------------------------------


def _hyp_table(records: list[dict]) -> pd.DataFrame:
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


if report["hypothetical"]:
    st.subheader(t("scenario_page.hyp_heading", lang, mark=HYP))
    realloc = [r for r in report["hypothetical"] if r["project_id"].startswith("hyp-realloc-")]
    added = [r for r in report["hypothetical"] if r not in realloc]
    if added:
        st.table(_hyp_table(added))
    if realloc:
        total = sum(r["budget_billion_rials"] or 0 for r in realloc)
        with st.expander(t("scenario_page.realloc_heading", lang, n=fmt_int(len(realloc), lang),
                           budget=fmt_number(total, lang))):
            st.table(_hyp_table(realloc))


# --- one section at a time (map, counties, ranks, labour), chosen in the link (?scn_view=) --
# Only the chosen section is drawn: a rerun sends one of the heavy tables/charts, not all.
_seed("scn_view", state.page_param("scn_view", "map", state.choice(VIEWS)))
if st.session_state["scn_view"] not in VIEWS:
    st.session_state["scn_view"] = "map"
view = st.segmented_control(t("scenario_page.results_heading", lang), VIEWS, key="scn_view",
                            required=True, label_visibility="collapsed",
                            format_func=lambda v: t(VIEW_LABELS[v], lang)) or "map"
state.set_page_param("scn_view", view)
panel_rows = pd.DataFrame(report["panel"]).set_index("code")
map_measure = state.page_param("scn_map", "budget_per_capita", state.choice(MAP_MEASURES))
if map_measure not in MAP_MEASURES:
    map_measure = "budget_per_capita"


def _map_measure_select() -> str:
    """The measure of the map and of the county table (kept while another section shows)."""
    _seed("scn_map", map_measure)
    if st.session_state["scn_map"] not in MAP_MEASURES:
        st.session_state["scn_map"] = "budget_per_capita"
    chosen = st.selectbox(t("scenario_page.map_measure", lang), MAP_MEASURES, key="scn_map",
                          format_func=lambda m: t(f"measure.{m}", lang))
    state.set_page_param("scn_map", chosen)
    return chosen


if view == "map":
    st.subheader(t("scenario_page.map_heading", lang))
    map_measure = _map_measure_select()
    map_title = t("scenario_page.map_title", lang, measure=t(f"measure.{map_measure}", lang))
    st.plotly_chart(_figure("map", scenario_json, filter_json, x, map_measure, lang),
                    width="stretch", config=plotly_config(map_title, lang), key="scn_chart_map")
    if data.province_geometry() is None:
        st.info(t("geo.missing", lang))
    layout.note(t("scenario_page.map_note", lang))
elif view == "counties":
    st.subheader(t("scenario_page.panel_heading", lang))
    map_measure = _map_measure_select()
    panel_columns = list(dict.fromkeys(["budget_total", "jobs_total", "unemployment_rate",
                                        map_measure]))
    name_col = "name_fa" if lang == "fa" else "name_en"
    sides = [t(f"scenario.report.{k}", lang) for k in ("baseline", "scenario", "change")]
    rows = []
    for code, row in panel_rows.iterrows():
        entry = {("", t("common.county", lang)): f"{row[name_col]}{marks.get(code, '')}"}
        for column in panel_columns:
            decimals = PANEL_MEASURES.get(column, (None, 0))[1]
            label = _short(column)
            entry[(label, sides[0])] = fmt_number(row[f"{column}_baseline"], lang, decimals)
            entry[(label, sides[1])] = fmt_number(row[f"{column}_scenario"], lang, decimals)
            entry[(label, sides[2])] = signed(row[f"{column}_change"], lang, decimals)
        rows.append(entry)
    county_table = pd.DataFrame(rows)
    county_table.columns = pd.MultiIndex.from_tuples(county_table.columns)
    st.table(county_table.set_index(("", t("common.county", lang))).rename_axis(
        t("common.county", lang)))
    if marks:
        layout.note(t("scenario_page.hyp_county_legend", lang, mark=HYP))
elif view == "ranks":
    st.subheader(t("scenario_page.ranks_heading", lang))
    _seed("scn_rank_kind", st.session_state.get(RANK_KIND, "development"))
    rank_kind = st.radio(t("scenario_page.rank_kind", lang), ["development", "measure"],
                         key="scn_rank_kind", horizontal=True,
                         format_func=lambda k: t(f"scenario_page.rank_kind.{k}", lang, x=x_short))
    st.session_state[RANK_KIND] = rank_kind
    rank_rows = pd.DataFrame(report["ranks"]).set_index("code")
    rank_title = t(f"scenario_page.rank_kind.{rank_kind}", lang, x=x_short)
    st.plotly_chart(_figure("ranks", scenario_json, filter_json, x, rank_kind, lang),
                    width="stretch", config=plotly_config(rank_title, lang), key="scn_chart_ranks")
    moved = int((rank_rows[f"{rank_kind}_rank_change"].fillna(0) != 0).sum())
    layout.note(t("scenario_page.ranks_note", lang, n=fmt_int(moved, lang)))
else:  # labour
    st.subheader(t("scenario_page.labour_heading", lang))
    industrial_names = sep.join(names[c] for c in INDUSTRIAL_COUNTIES if c in names)
    st.markdown(_html(t("scenario_page.labour_assumptions", lang,
                        mi=fmt_number(DEFAULT_ASSUMPTIONS["industrial"].m, lang, 1),
                        ki=fmt_number(DEFAULT_ASSUMPTIONS["industrial"].k, lang, 1),
                        mo=fmt_number(DEFAULT_ASSUMPTIONS["other"].m, lang, 1),
                        ko=fmt_number(DEFAULT_ASSUMPTIONS["other"].k, lang, 1),
                        industrial=industrial_names)), unsafe_allow_html=True)
    if labour is not None:
        changed = [e for e in scenario.edits if e.kind == "assumptions"]
        if changed:
            _note(t("scenario_page.labour_changed", lang, list=sep.join(
                _describe(e) for e in changed)))
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
        candidates = base_panel.loc[[c for c in INDUSTRIAL_COUNTIES if c in base_panel.index]]
        candidates = candidates.dropna(subset=["unemployed", "labour_force"])
        if not candidates.empty:
            demo_code = candidates["unemployment_rate"].astype(float).idxmin()
            d = candidates.loc[demo_code]
            effect = labour_effect(DEMO_JOBS, float(d["unemployed"]), float(d["labour_force"]),
                                   float(d["population"]), m=DEMO_M, k=DEMO_K).iloc[0]
            rises = effect["unemployment_rate_new"] > effect["unemployment_rate"]
            st.markdown(_html(t(
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
            _note(t("scenario_page.demo_rule", lang, m=fmt_number(DEMO_M, lang, 1),
                          k=fmt_number(DEMO_K, lang, 0), threshold=fmt_number(threshold, lang, 1),
                          default=fmt_number(rate_rise_threshold(industrial.m, industrial.k),
                                             lang, 1)))
            st.button(t("scenario_page.demo_apply", lang, m=fmt_number(DEMO_M, lang, 1),
                        k=fmt_number(DEMO_K, lang, 0)), key="scn_demo", on_click=_demo_assumptions)
            _show_flash("demo")


layout.note(t("common.sample_legend", lang))

state.sync_url({"s": query, "scn_x": x if x != "budget_total" else None,
                "scn_map": map_measure if map_measure != "budget_per_capita" else None,
                "scn_view": view if view != "map" else None})
