"""The Briefing page: build the meeting deck (PowerPoint, optionally PDF) from chosen views.

The visitor picks views from the registry (``briefing.views.VIEWS``) in order, a title and
optionally a scenario (the Scenario page's active one, ``st.session_state["scenario"]``
or ``["scenario_page:scenario"]``, or a saved one by name); one click builds the deck with a progress bar per slide, then
a download button appears.  The deck uses the shared project filter.  The work is done
by :func:`ui.downloads.build_briefing_deck` (tested without Streamlit).
"""

from __future__ import annotations

import json
from time import perf_counter

import streamlit as st

from analytics.scenario import Scenario, ScenarioError
from briefing.shortlists import shortlist_slide_count
from briefing.views import VIEWS
from figures.theme import export_filename
from i18n import fmt_int, fmt_number, t
from ui import data, layout, state
from ui.context import page_context
from ui.downloads import (
    DEFAULT_VIEWS,
    PDF_MIME,
    PPTX_MIME,
    build_briefing_deck,
    expected_slide_count,
    offered_views,
    pdf_available,
    warm_image_server,
)
from ui.shortlists import recorded

RESULT = "briefing_result"
# where the Scenario page keeps the scenario being built (either key; absent is fine)
ACTIVE_KEYS = ("scenario", "scenario_page:scenario")
NONE, ACTIVE, SAVED = "none", "active", "saved:"


def _active_scenario(ds, lang: str) -> tuple[str, Scenario] | None:
    """The Scenario page's active scenario, whatever form it is kept in (a Scenario, its
    dict, or a saved name); None when there is none or it cannot be read."""
    raw = next((st.session_state[k] for k in ACTIVE_KEYS if st.session_state.get(k)), None)
    if raw is None:
        return None
    try:
        if isinstance(raw, Scenario):
            scenario = raw
        elif isinstance(raw, dict):
            scenario = Scenario.from_dict(raw)
        elif isinstance(raw, str):
            from store.scenarios import load_scenario

            scenario = load_scenario(raw, ds, allow_path=False)
            scenario = scenario if scenario.name else Scenario(scenario.edits, raw,
                                                               scenario.description)
        else:
            return None
    except (ScenarioError, ValueError, TypeError) as err:
        st.warning(t("briefing.scenario_failed", lang, error=str(err)[:300]))
        return None
    if scenario.is_empty():
        return None
    return scenario.name or t("briefing.scenario.unnamed", lang), scenario


def _saved_names() -> list[str]:
    from store.scenarios import list_scenarios

    try:
        return [info.name for info in list_scenarios() if info.valid]
    except OSError:
        return []


def _views_param(raw: str):
    """``?views=a,b`` → the views (known, at least one), else ``None``."""
    ids = [v for v in raw.split(",") if v]
    return ids if ids and all(v in VIEWS for v in ids) else None


def render() -> None:
    """Draw the Briefing page (one run)."""
    ctx = page_context()
    lang, ds, flt = ctx.lang, ctx.ds, ctx.flt

    warm_image_server()  # the browser starts while the visitor chooses
    st.title(t("briefing.title", lang))
    layout.note(t("briefing.intro", lang))

    # --- the scenario: the active one (Scenario page), a saved one, or none ------------------
    active = _active_scenario(ds, lang)
    choices = [NONE] + ([ACTIVE] if active else []) + [SAVED + n for n in _saved_names()]
    state.seed("briefing_scenario", ACTIVE if active else NONE, options=choices)

    def _scenario_label(choice: str) -> str:
        if choice == ACTIVE and active:
            return t("briefing.scenario.active", lang, name=active[0])
        if choice.startswith(SAVED):
            return t("briefing.scenario.saved", lang, name=choice[len(SAVED):])
        return t("briefing.scenario.none", lang)

    scenario_choice = st.selectbox(t("briefing.scenario", lang), choices, key="briefing_scenario",
                                   format_func=_scenario_label,
                                   placeholder=t("common.choose", lang))
    scenario, scenario_name = None, None
    if scenario_choice == ACTIVE and active:
        scenario_name, scenario = active
    elif scenario_choice.startswith(SAVED):
        from store.scenarios import load_scenario

        scenario_name = scenario_choice[len(SAVED):]
        try:
            scenario = load_scenario(scenario_name, ds, allow_path=False)
        except ScenarioError as err:
            st.warning(t("briefing.scenario_failed", lang, error=str(err)[:300]))
            scenario, scenario_name = None, None
    with_scenario = scenario is not None

    # --- the views, in order --------------------------------------------------------------------
    options = offered_views(with_scenario)
    state.seed("briefing_views",
               list(state.page_param("views", list(DEFAULT_VIEWS), _views_param)))
    # scenario-only views leave the selection when the scenario is dropped
    st.session_state["briefing_views"] = [v for v in st.session_state["briefing_views"]
                                          if v in options]
    view_ids = st.multiselect(t("briefing.views", lang), options, key="briefing_views",
                              format_func=lambda v: t(VIEWS[v].title_key, lang),
                              help=t("briefing.views_help", lang), select_all=False,
                              placeholder=t("common.choose", lang))
    state.set_page_param("views", view_ids)
    if not with_scenario:
        layout.note(t("briefing.scenario_views_hint", lang))

    # --- the title --------------------------------------------------------------------------------
    defaults = {t("deck.title", code) for code in ("fa", "en")}
    # the default title follows the language
    state.seed("briefing_title", t("deck.title", lang), valid=lambda v: v not in defaults)
    title = st.text_input(t("briefing.deck_title", lang), key="briefing_title", max_chars=150)

    if not flt.is_empty():
        st.info(t("briefing.filter_active", lang))
    layout.note(t("briefing.slide_count", lang,
                  n=fmt_int(expected_slide_count(len(view_ids), with_scenario,
                                                 shortlist_slide_count(recorded(), flt.counties)),
                            lang),
                  views=fmt_int(len(view_ids), lang),
                  comparison=t("briefing.slide_count.comparison", lang) if with_scenario else ""))

    want_pdf = False
    if pdf_available():
        want_pdf = st.checkbox(t("briefing.pdf_option", lang), key="briefing_pdf")

    # what the deck depends on: a built deck is "stale" once any of these changes
    inputs = json.dumps({"views": view_ids, "title": title, "scenario": scenario_choice,
                         "filter": flt.to_dict(), "lang": lang}, ensure_ascii=False, sort_keys=True)

    if st.button(t("briefing.build", lang), type="primary", disabled=not view_ids,
                 key="briefing_build"):
        bar = st.progress(0.0, text=t("briefing.preparing", lang))

        def progress(done: int, total: int, label: str) -> None:
            step = min(done + 1, total)
            bar.progress(done / total if total else 1.0,
                         text=t("export.progress", lang, step=fmt_int(step, lang),
                                total=fmt_int(total, lang), label=label))

        started = perf_counter()
        try:
            pptx = build_briefing_deck(view_ids, lang, title, scenario=scenario,
                                       scenario_name=scenario_name, flt=flt, dataset=ds,
                                       geometry=data.province_geometry(), progress=progress)
            pdf = None
            if want_pdf:
                bar.progress(1.0, text=t("briefing.converting", lang))
                from exports.deck import deck_to_pdf

                pdf = deck_to_pdf(pptx)
        except Exception as err:  # noqa: BLE001 - shown to the visitor, the page stays usable
            bar.empty()
            st.error(t("briefing.failed", lang, error=str(err)[:300]))
        else:
            from io import BytesIO

            from pptx import Presentation

            n_slides = len(Presentation(BytesIO(pptx)).slides)
            st.session_state[RESULT] = {
                "inputs": inputs, "pptx": pptx, "pdf": pdf, "want_pdf": want_pdf,
                "slides": n_slides, "seconds": perf_counter() - started,
                "name": export_filename(title or t("deck.title", lang), lang),
            }
            bar.empty()
    elif not view_ids:
        layout.note(t("briefing.no_views", lang))

    result = st.session_state.get(RESULT)
    if result:
        st.success(t("briefing.done", lang, n=fmt_int(result["slides"], lang),
                     seconds=fmt_number(result["seconds"], lang, 1)))
        if result["inputs"] != inputs:
            st.warning(t("briefing.stale", lang))
        with st.container(horizontal=True, gap="small"):
            st.download_button(t("briefing.download_pptx", lang), data=result["pptx"],
                               file_name=f"{result['name']}.pptx", mime=PPTX_MIME,
                               key="briefing_download_pptx", on_click="ignore", type="primary")
            if result["pdf"]:
                st.download_button(t("export.deck_pdf", lang), data=result["pdf"],
                                   file_name=f"{result['name']}.pdf", mime=PDF_MIME,
                                   key="briefing_download_pdf", on_click="ignore")
        if result["want_pdf"] and not result["pdf"]:
            layout.note(t("briefing.pdf_missing", lang))

    state.sync_url({"views": ",".join(view_ids) if view_ids != list(DEFAULT_VIEWS) else None})
