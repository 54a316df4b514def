"""The Scenario page's saved scenarios: save by name, load, delete with confirmation,
and compare any two (baseline, the current scenario or saved ones) measure by measure.

Writes need a person: saving, overwriting and deleting need a signed-in account (the
sign-in form is in the section), and an existing file may be overwritten or deleted only
by its author or an editor (:mod:`store.scenarios` checks it again at every write).
Loading, comparing and share links work for everyone."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import streamlit as st

from analytics.scenario import Scenario, ScenarioError
from briefing.report import measure_value_text
from figures.scenario_charts import signed
from i18n import fmt_int, localise_digits, t
from store import scenarios as store
from ui import auth, data
from ui.pages.scenario.common import (
    FLASH,
    PageContext,
    check,
    current_scenario,
    decimals_of,
    flash,
    report_for,
    rerun_app_if_changed,
    set_scenario,
    show_flash,
)
from ui.state import seed


def _writer() -> store.Writer | None:
    """The signed-in person as a scenario writer (``None``: nobody signed in, or an account
    that no longer exists)."""
    try:
        return store.scenario_writer(auth.current_user())
    except store.ScenarioPermissionError:
        return None


def _save(lang: str) -> None:
    name = (st.session_state.get("scn_save_name") or "").strip()
    description = (st.session_state.get("scn_save_description") or "").strip()
    scenario = replace(current_scenario(), description=description)
    try:
        store.save_scenario(name, scenario, dataset=data.dataset(), by=auth.current_user())
    except ScenarioError as err:
        flash("store", "error", t("scenario_page.save_refused", lang), err.messages(lang))
        return
    except store.ScenarioPermissionError as err:
        flash("store", "error", t("scenario_page.save_refused", lang), [err.message(lang)])
        return
    set_scenario(replace(scenario, name=store.validate_name(name)))
    flash("store", "success", t("scenario.saved", lang, name=store.validate_name(name)))


def _load(lang: str) -> None:
    name = st.session_state.get("scn_load_name")
    if not name:
        return
    try:
        loaded = store.load_scenario(name, dataset=data.dataset(), allow_path=False)
    except ScenarioError as err:
        flash("store", "error", t("scenario_page.load_refused", lang, name=name),
               err.messages(lang))
        return
    problems = check(loaded)
    if problems:
        flash("store", "error", t("scenario_page.load_refused", lang, name=name), problems)
        return
    set_scenario(loaded)
    st.session_state["scn_save_name"] = loaded.name or name
    st.session_state["scn_save_description"] = loaded.description
    flash("store", "success", t("scenario_page.loaded", lang, name=name,
                                 n=fmt_int(len(loaded.edits), lang)))


def _delete(lang: str) -> None:
    name = st.session_state.get("scn_del_name")
    if not name or not st.session_state.get("scn_del_confirm"):
        return
    try:
        removed = store.delete_scenario(name, by=auth.current_user())
    except ScenarioError as err:
        flash("store", "error", t("scenario_page.delete_refused", lang), err.messages(lang))
        return
    except store.ScenarioPermissionError as err:
        flash("store", "error", t("scenario_page.delete_refused", lang), [err.message(lang)])
        return
    st.session_state["scn_del_confirm"] = False
    if removed:
        flash("store", "success", t("scenario.deleted", lang, name=name))
    else:
        flash("store", "warning", t("scenario_page.delete_missing", lang, name=name))


STORE_OPEN, COMPARE_OPEN = "scn_store_open", "scn_cmp_open"  # the two expanders' state


@st.fragment
def saved_scenarios(ctx: PageContext, scenario: Scenario, report: dict, filter_json: str,
                    x: str) -> None:
    """Save, load, delete and compare saved scenarios: their widgets rerun only this
    fragment; loading (or saving under a name) changes the scenario, and the whole page
    reruns.  Both parts are expanders whose content runs only while they are open."""
    rerun_app_if_changed()
    lang = ctx.lang
    saved = store.list_scenarios()
    seed(STORE_OPEN, bool(saved))
    if FLASH + "store" in st.session_state:  # a message of the last save/load/delete
        st.session_state[STORE_OPEN] = True
    # a label that does not change (a new label would make a new, closed expander)
    box = st.expander(t("scenario_page.store_heading", lang), key=STORE_OPEN,
                      on_change="rerun")
    with box:
        if box.open:
            _store_section(ctx, scenario, saved)
    box = st.expander(t("scenario_page.compare_heading", lang), key=COMPARE_OPEN,
                      on_change="rerun")
    with box:
        if box.open:
            _compare_section(ctx, report, saved, filter_json, x)


def _store_section(ctx: PageContext, scenario: Scenario, saved: list) -> None:
    lang = ctx.lang
    show_flash("store")
    writer = _writer()
    sign_in = t("store.scenario.sign_in", lang)
    if writer is None:  # saving, overwriting and deleting need a person
        st.info(sign_in)
    auth.sign_in_panel(lang, container=st.container())
    c1, c2 = st.columns(2)
    with c1:
        st.markdown(f"**{t('scenario_page.save_heading', lang)}**")
        seed("scn_save_name", scenario.name)
        st.text_input(t("scenario_page.save_name", lang), key="scn_save_name", max_chars=80,
                      help=t("scenario_page.save_name_help", lang))
        st.text_input(t("scenario_page.save_description", lang), key="scn_save_description",
                      max_chars=500)
        st.button(t("scenario_page.save", lang), key="scn_save", on_click=_save, args=(lang,),
                  disabled=scenario.is_empty() or writer is None,
                  help=sign_in if writer is None else None)
    with c2:
        all_names = [s.name for s in saved]
        st.markdown(f"**{t('scenario_page.load_heading', lang)}**")
        if all_names:
            if st.session_state.get("scn_load_name") not in all_names:
                st.session_state["scn_load_name"] = all_names[0]
            st.selectbox(t("scenario_page.saved_name", lang), all_names, key="scn_load_name",
                         placeholder=t("common.choose", lang))
            st.button(t("scenario_page.load", lang), key="scn_load", on_click=_load,
                      args=(lang,))
            if st.session_state.get("scn_del_name") not in all_names:
                st.session_state["scn_del_name"] = all_names[0]
            chosen = st.selectbox(t("scenario_page.delete_name", lang), all_names,
                                  key="scn_del_name", placeholder=t("common.choose", lang))
            author = next((s.author for s in saved if s.name == chosen), None)
            allowed = writer is not None and writer.may_change(author)
            why = None
            if writer is None:
                why = sign_in
            elif not allowed:
                why = (t("store.scenario.editors_only", lang, name=chosen) if author is None
                       else t("store.scenario.not_author", lang, name=chosen, author=author))
            seed("scn_del_confirm", False)
            confirm = st.checkbox(t("scenario_page.delete_confirm", lang),
                                  key="scn_del_confirm", disabled=not allowed)
            st.button(t("scenario_page.delete", lang), key="scn_del", on_click=_delete,
                      args=(lang,), disabled=not (confirm and allowed), help=why)
            if why is not None and writer is not None:
                st.caption(why)
        else:
            st.info(t("scenario_page.none_saved", lang))
    if saved:
        rows = [{t("scenario_page.col.name", lang): s.name,
                 t("scenario_page.col.edits", lang): (fmt_int(s.n_edits, lang) if s.valid
                                                      else "—"),
                 t("scenario_page.col.modified", lang): localise_digits(
                     s.modified_jalali, lang),
                 t("scenario_page.col.state", lang): t(
                     "scenario_page.valid" if s.valid else "scenario_page.invalid", lang),
                 t("scenario_page.col.author", lang): s.author or "—",
                 t("scenario_page.col.description", lang): s.description}
                for s in saved]
        st.table(pd.DataFrame(rows).set_index(t("scenario_page.col.name", lang)))
        for s in saved:
            if not s.valid:
                st.warning(t("scenario_page.invalid_file", lang, name=s.name) + "\n\n"
                           + "\n".join(f"- {p.message(lang)}" for p in s.problems))



def _compare_section(ctx: PageContext, report: dict, saved: list, filter_json: str,
                     x: str) -> None:
    lang, ds = ctx.lang, ctx.ds

    def _options_for_compare() -> dict[str, str]:
        out = {"__baseline__": t("scenario.report.baseline", lang),
               "__current__": t("scenario_page.current", lang)}
        out.update({s.name: s.name for s in saved if s.valid})
        return out

    compare_options = _options_for_compare()
    c1, c2 = st.columns(2)
    ids = list(compare_options)
    for key, default in (("scn_cmp_a", "__baseline__"), ("scn_cmp_b", "__current__")):
        if st.session_state.get(key) not in ids:
            st.session_state[key] = default
    a = c1.selectbox(t("scenario_page.compare_a", lang), ids, key="scn_cmp_a",
                     format_func=compare_options.get,
                     placeholder=t("common.choose", lang))
    b = c2.selectbox(t("scenario_page.compare_b", lang), ids, key="scn_cmp_b",
                     format_func=compare_options.get,
                     placeholder=t("common.choose", lang))

    def _values(choice: str) -> dict | None:
        if choice == "__baseline__":
            return {r["measure_id"]: r["baseline"] for r in report["balance"]}
        if choice == "__current__":
            return {r["measure_id"]: r["scenario"] for r in report["balance"]}
        try:
            other = store.load_scenario(choice, dataset=ds, allow_path=False)
            other_report = report_for(other.to_json(None), filter_json, x)
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
                             diff, lang, decimals_of({"baseline": left, "scenario": right}))})
        st.table(pd.DataFrame(rows).set_index(t("balance.col.measure", lang)))
