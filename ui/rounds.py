"""The Data page's follow-up rounds: add a round, the county workbooks (zip), the replies.

Called by :mod:`ui.pages.data`: :func:`render_rounds` draws the section;
:func:`round_choice` is the upload section's "which round is this file the return for?".
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from exports.workbooks import workbooks_zip
from i18n import fmt_int, localise_digits, t
from store.rounds import RoundError, add_round, list_rounds, replies
from ui import auth, layout, state
from ui.filenames import download_name

__all__ = ["render_rounds", "round_choice"]

ZIP_MIME = "application/zip"
#: column of the replies table → its header's catalogue key
HEADERS = {"county": "rounds.col.county", "replied": "rounds.col.replied",
           "recorded_at": "rounds.col.recorded_at", "recorded_by": "rounds.col.recorded_by",
           "version": "rounds.col.version"}


def _rounds(store) -> dict[int, object]:
    return {r.id: r for r in list_rounds(store)}


def round_choice(store, lang: str, writer: bool) -> int | None:
    """A select box of the rounds (``None``: no round); nothing when there is no round."""
    rounds = _rounds(store)
    if not rounds:
        return None
    options = [None, *reversed(list(rounds))]  # the newest round first after "no round"
    return st.selectbox(
        t("rounds.page.import_round", lang), options, key="data_import_round",
        disabled=not writer,
        format_func=lambda r: t("rounds.page.no_round", lang) if r is None else rounds[r].name,
        placeholder=t("common.choose", lang))


def _add_form(store, lang: str) -> None:
    with st.form("data_round_add", clear_on_submit=True, border=False):
        c1, c2, c3 = st.columns([3, 2, 1], vertical_alignment="bottom")
        name = c1.text_input(t("rounds.page.name", lang), key="data_round_name")
        due = c2.text_input(t("rounds.page.due", lang), placeholder="1404/10/15",
                            key="data_round_due")
        if c3.form_submit_button(t("rounds.page.add", lang)):
            try:
                added = add_round(store, name, due, auth.current_user())
            except RoundError as err:
                st.error(err.message(lang))
            except PermissionError:
                st.error(t("store.account.forbidden", lang))
            else:
                st.success(t("rounds.page.added", lang, name=added.name))


def render_rounds(store, ds, lang: str, writer: bool) -> None:
    """The section: the rounds, the zip of county workbooks, who replied and who not."""
    st.subheader(t("rounds.page.heading", lang))
    layout.note(t("rounds.page.note", lang))
    if writer:
        _add_form(store, lang)
    rounds = _rounds(store)
    options = [None, *reversed(list(rounds))]
    # seeded, not index=: a language switch sets the key again (state.keep_widget_choices),
    # and a keyed widget with a default as well draws Streamlit's warning
    chosen = st.selectbox(
        t("rounds.page.round", lang), options,
        key=state.seed("data_round", options[1] if rounds else None, options=options),
        format_func=lambda r: t("rounds.page.no_round", lang) if r is None else (
            f"{rounds[r].name} — {localise_digits(rounds[r].due_jalali, lang)}"),
        placeholder=t("common.choose", lang))
    round_ = rounds.get(chosen)
    title = t("rounds.page.zip", lang) + (f" {round_.name}" if round_ else "")
    st.download_button(
        t("rounds.page.zip", lang),
        data=lambda: workbooks_zip(ds.projects, ds.counties, round_, lang=lang),
        file_name=download_name(title, lang) + ".zip", mime=ZIP_MIME,
        key="data_round_zip", on_click="ignore")
    if round_ is None:
        return
    table = replies(store, round_.id)
    replied = int(table["replied"].sum())
    st.markdown("**" + t("rounds.page.replies", lang, replied=fmt_int(replied, lang),
                         total=fmt_int(len(table), lang)) + "**")
    shown = pd.DataFrame({
        "county": table["name_fa" if lang == "fa" else "name_en"],
        "replied": table["replied"].map(lambda r: t("rounds.yes" if r else "rounds.no", lang)),
        "recorded_at": table["recorded_at_jalali"].map(
            lambda s: localise_digits(s, lang) if isinstance(s, str) else ""),
        "recorded_by": table["recorded_by"].fillna(""),
        "version": table["version_id"].map(
            lambda v: "" if pd.isna(v) else fmt_int(int(v), lang)),
    }).iloc[table["replied"].to_numpy().argsort(kind="stable")]  # those to chase first
    columns = list(shown.columns)
    config = {c: st.column_config.TextColumn(t(key, lang)) for c, key in HEADERS.items()}
    st.dataframe(shown, hide_index=True, width="stretch", column_config=config,
                 column_order=columns[::-1] if lang == "fa" else columns, key="data_replies")
