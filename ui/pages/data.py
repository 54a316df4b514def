"""The Data page: the current data version and its history, import templates, and — for signed-in
editors — uploads (dry-run preview first), restoring a version and recording follow-ups.

Everything shown that comes from users or files (names, file names, notes, cell values)
goes through ``st.dataframe`` / ``st.text`` / ``layout.note`` (escaped); no unsafe HTML.
"""

from __future__ import annotations

import hashlib

import pandas as pd
import streamlit as st

from analytics.validation import DataValidationError
from core.counties import county_names
from core.jalali import today_jalali
from core.schema import STATUSES
from exports.followup_list import COUNT_HEADERS, officer_label
from figures.theme import export_filename
from i18n import fmt_int, fmt_percent, localise_digits, t
from i18n.problems import problem_place
from store import (
    ACTOR_ROLES,
    add_followup,
    import_file,
    problems_to_excel,
    project_timeline,
    restore,
    template_workbook,
    versions_frame,
)
from store.headers import label
from store.merge import MODES, change_label, mode_label, value_text
from store.people import list_people
from ui import auth, data, layout
from ui.context import page_context
from ui.downloads import XLSX_MIME, table_downloads
from ui.rounds import render_rounds, round_choice
from ui.state import seed
from ui.vocabulary import render_unknown_words, vocabulary_messages

KINDS = ("projects", "indicators")
FLASH = "data:flash"


def num(value, lang: str) -> str:
    """An integer id/count in the reading language's digits, without separators."""
    return localise_digits(str(int(value)), lang)


def show_table(frame: pd.DataFrame, prefix: str, lang: str, key: str | None = None) -> None:
    """A text table with headers ``<prefix><column>``; the first column on the reading
    side (the grid runs left to right)."""
    align = "right" if lang == "fa" else "left"
    config = {c: st.column_config.TextColumn(t(prefix + c, lang), alignment=align)
              for c in frame.columns}
    order = list(frame.columns)
    if lang == "fa":
        order.reverse()
    st.dataframe(frame.astype("string").fillna(""), hide_index=True, width="stretch",
                 column_config=config, column_order=order, key=key)


def problems_display(problems, lang: str) -> pd.DataFrame:
    rows = []
    for p in problems:
        rule = t(f"rule.{p.rule}", lang, **p.params) if p.params else t(f"rule.{p.rule}", lang)
        rows.append({"sheet": p.sheet or "", "row": "" if p.row is None else num(p.row, lang),
                     "column": problem_place(p, lang)[1],
                     "value": "" if p.value is None else str(p.value),
                     "rule": p.rule, "message": rule})
    return pd.DataFrame(rows, columns=["sheet", "row", "column", "value", "rule", "message"])


def review_tables(review, counties: pd.DataFrame, lang: str
                  ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """An import's review (:class:`store.merge.Review`) as two display tables: the
    projects it adds, changes, leaves out or removes, and their fields old → new."""
    names = county_names(counties, lang)
    projects = review.projects[review.projects["change"] != "unchanged"]
    shown = pd.DataFrame({
        "project_id": projects["project_id"],
        "county": projects["county_code"].map(lambda c: str(names.get(c, c))),
        "title": projects["title_fa"].fillna(""),
        "change": projects["change"].map(lambda c: change_label(c, lang)),
        "row": projects["row"].map(lambda r: "" if pd.isna(r) else num(r, lang)),
        "n_fields": projects["n_fields"].map(lambda n: fmt_int(n, lang) if n else ""),
    })
    fields = review.changed_fields()
    fields = fields[fields["new"].notna() | (fields["change"] == "changed")]
    shown_fields = pd.DataFrame({
        "project_id": fields["project_id"],
        "field": fields["field"].map(lambda f: label("projects", f, lang)),
        "old": [value_text(f, v, lang, names) for f, v in zip(fields["field"], fields["old"],
                                                               strict=True)],
        "new": [value_text(f, v, lang, names) for f, v in zip(fields["field"], fields["new"],
                                                               strict=True)],
        "change": fields["change"].map(lambda c: change_label(c, lang)),
    })
    return shown.reset_index(drop=True), shown_fields.reset_index(drop=True)


def who(name, lang: str) -> str:
    """The recorded writer; the seed's ``system`` in the reading language."""
    return t("data_page.system", lang) if name == "system" else str(name)


#: The follow-up fields that hold a project's own values, and the project they were
#: seeded from.
FU_PROJECT_FIELDS = {"data_fu_status": "status", "data_fu_physical": "physical_progress_pct",
                     "data_fu_financial": "financial_progress_pct"}
FU_SEEDED_FOR = "data:fu_seeded_for"


def _percent_or_none(value) -> float | None:
    return None if pd.isna(value) else min(100.0, max(0.0, float(value)))


def seed_followup_fields(projects: pd.DataFrame, project: str | None) -> None:
    """Give the follow-up form the selected project's status and progress whenever the
    selection changes (or after a save), so the fields follow the project and an entry
    saved without touching them repeats the project's values.  Between selections the
    fields keep what the editor typed (:func:`ui.state.seed`)."""
    ss = st.session_state
    if project is None:
        return
    if ss.get(FU_SEEDED_FOR) != project:
        for key in FU_PROJECT_FIELDS:
            ss.pop(key, None)
        ss[FU_SEEDED_FOR] = project
    row = projects.loc[projects["project_id"] == project]
    if row.empty:
        return
    row = row.iloc[0]
    status = row["status"] if isinstance(row["status"], str) and row["status"] in STATUSES \
        else STATUSES[0]
    seed("data_fu_status", status, options=STATUSES)
    seed("data_fu_physical", _percent_or_none(row["physical_progress_pct"]))
    seed("data_fu_financial", _percent_or_none(row["financial_progress_pct"]))


def render() -> None:
    """Draw the Data page (one run)."""
    ctx = page_context(with_filter=False)
    lang, ds = ctx.lang, ctx.ds
    store = data.store()
    user = auth.sign_in_panel(lang)
    writer = store is not None and auth.can_write(user)

    st.title(t("app.name", lang) + " — " + t("nav.data", lang))

    def read_only_note() -> None:
        if store is None:
            return
        if user is None:
            layout.note(t("data_page.auth.sign_in_to_write", lang))
        elif not writer:
            layout.note(t("data_page.auth.viewer_only", lang))

    flash = st.session_state.pop(FLASH, None)
    if flash:
        st.success(flash)

    # --- the current version ------------------------------------------------------------
    st.subheader(t("data_page.current_heading", lang))
    versions = versions_frame(store) if store is not None else pd.DataFrame()
    current = versions[versions["current"]].iloc[0] if len(versions) else None
    if current is not None:
        c1, c2, c3, c4 = st.columns([1, 2, 1, 1])
        c1.metric(t("data_page.version", lang), num(current["id"], lang))
        c2.metric(t("data_page.created_at", lang), localise_digits(current["created_at_jalali"], lang))
        c3.metric(t("data_page.n_projects", lang), fmt_int(current["n_projects"], lang))
        c4.metric(t("data_page.n_indicators", lang), fmt_int(current["n_indicators"], lang))
        layout.note(t("data_page.created_by", lang) + ": " + who(current["created_by"], lang) + " · "
                    + t("data_page.file_name", lang,
                        name=current["file_name"] or t("data_page.no_file", lang)))

    # --- the versions -------------------------------------------------------------------
    if len(versions):
        st.subheader(t("data_page.versions_heading", lang))

        def kind_label(row) -> str:
            if row["kind"] == "restore" and pd.notna(row["restored_from"]):
                return t("store.version.restored_from", lang,
                         version=num(row["restored_from"], lang))
            key = f"store.kind.{row['kind']}"
            return t(key, lang) if row["kind"] in ("projects", "indicators", "seed") else row["kind"]

        shown_versions = pd.DataFrame({
            "id": versions["id"].map(lambda v: num(v, lang)),
            "current": versions["current"].map(lambda c: t("data_page.current_mark", lang)
                                               if c else ""),
            "created_at": versions["created_at_jalali"].map(lambda s: localise_digits(s, lang)),
            "created_by": versions["created_by"].map(lambda v: who(v, lang)),
            "kind": versions.apply(kind_label, axis=1),
            "file_name": versions["file_name"].astype(str),
            "n_projects": versions["n_projects"].map(lambda v: fmt_int(v, lang)),
            "n_indicators": versions["n_indicators"].map(lambda v: fmt_int(v, lang)),
            "added": versions["added"].map(lambda v: fmt_int(v, lang)),
            "changed": versions["changed"].map(lambda v: fmt_int(v, lang)),
            "removed": versions["removed"].map(lambda v: fmt_int(v, lang)),
        })
        show_table(shown_versions, "data_page.col.", lang, key="data_versions_table")
        table_downloads(shown_versions, t("data_page.versions_heading", lang), lang,
                        key="data_versions",
                        headers={c: t(f"data_page.col.{c}", lang) for c in shown_versions.columns})
        layout.note(t("data_page.versions_note", lang))

    # --- templates (everyone) -----------------------------------------------------------
    st.subheader(t("data_page.templates_heading", lang))
    layout.note(t("data_page.templates_note", lang))
    fa_names = list(ds.counties["name_fa"])
    with st.container(horizontal=True, gap="small"):
        for kind in KINDS:
            label = t(f"store.kind.{kind}", lang)
            st.download_button(
                t("data_page.template_button", lang, kind=label),
                data=lambda kind=kind: template_workbook(kind, lang, counties=fa_names),
                file_name=export_filename(label, lang) + ".xlsx", mime=XLSX_MIME,
                key=f"data_template_{kind}", on_click="ignore")

    if store is None:
        return
    render_rounds(store, ds, lang, writer)  # rounds: county workbooks (zip), replies
    from ui.people import render_people

    render_people(store, ds, lang, writer)  # people, MP seats, overdue items per seat

    # --- upload (editors) ---------------------------------------------------------------
    st.subheader(t("data_page.upload_heading", lang))
    read_only_note()
    generation = st.session_state.get("data:upload_generation", 0)
    upload_key = f"data_upload_{generation}"
    kind = st.radio(t("data_page.kind", lang), KINDS, horizontal=True, key="data_kind",
                    format_func=lambda k: t(f"store.kind.{k}", lang), disabled=not writer)
    mode = "merge"
    if kind == "projects":  # merge a return (default) or replace the whole registry
        mode = st.radio(t("data_page.import_mode", lang), MODES, horizontal=True,
                        key="data_import_mode", format_func=lambda m: mode_label(m, lang),
                        disabled=not writer)
    round_id = round_choice(store, lang, writer) if kind == "projects" else None
    UPLOAD_TYPES = ["xlsx", "csv"]
    if lang != "en":  # Streamlit's uploader has its own English words: replaced by CSS
        layout.localise_uploader(lang, UPLOAD_TYPES)
    uploaded = st.file_uploader(t("data_page.file", lang), type=UPLOAD_TYPES, key=upload_key,
                                disabled=not writer)
    layout.note(t("data_page.upload_note", lang))

    def _save(kind: str, upload_key: str, mode: str, base_version: int | None,
              round_id: int | None = None) -> None:
        upload = st.session_state.get(upload_key)
        if upload is None:
            return
        ss = st.session_state
        try:  # the reviewed version, less the excluded rows; removals only when confirmed
            result = import_file(store, upload.getvalue(), upload.name, kind, auth.current_user(),
                                 mode=mode, exclude=ss.get("data_import_exclude") or (),
                                 confirm_removal=bool(ss.get("data_replace_confirm")),
                                 base_version=base_version, round_id=round_id)
        except PermissionError:
            st.session_state["data:save_error"] = t("store.account.forbidden", lang)
            return
        if result.ok:
            st.session_state[FLASH] = (
                t("data_page.saved", lang, version=num(result.version_id, lang))
                + " — " + result.message(lang))
            st.session_state["data:upload_generation"] = (
                st.session_state.get("data:upload_generation", 0) + 1)
            st.session_state.pop("data:preview", None)
            for key in ("data_import_exclude", "data_replace_confirm"):
                st.session_state.pop(key, None)
        else:
            st.session_state["data:save_error"] = result.message(lang) + " " + " ".join(
                p.message(lang) for p in result.problems[:3])

    if uploaded is not None and writer:
        content = uploaded.getvalue()
        digest = hashlib.sha256(content).hexdigest()
        preview_key = (digest, uploaded.name, kind, ds.version, mode, round_id)
        cached = st.session_state.get("data:preview")
        if cached is None or cached[0] != preview_key:
            for key in ("data_import_exclude", "data_replace_confirm"):  # a new review
                st.session_state.pop(key, None)
            with st.spinner():
                cached = (preview_key, import_file(store, content, uploaded.name, kind,
                                                   dry_run=True, mode=mode, round_id=round_id))
            st.session_state["data:preview"] = cached
        result = cached[1]
        save_error = st.session_state.pop("data:save_error", None)
        if save_error:
            st.error(save_error)
        vocabulary_messages()  # "remember this word": saved, or why not
        removals = 0
        if result.ok and result.review is not None:  # the review, before anything is stored
            st.info(result.message(lang))
            review = result.review
            st.markdown(f"**{t('data_page.review_heading', lang)}**")
            layout.note(t("data_page.review_note", lang,
                          untouched=fmt_int(review.untouched, lang)))
            shown, shown_fields = review_tables(review, ds.counties, lang)
            show_table(shown, "data_page.col.", lang, key="data_review_table")
            if len(shown_fields):
                st.markdown(f"**{t('data_page.review_fields_heading', lang)}**")
                show_table(shown_fields, "data_page.col.", lang, key="data_review_fields")
            st.multiselect(t("data_page.review_exclude", lang), review.excludable(),
                           key="data_import_exclude", disabled=not writer,
                           placeholder=t("data_page.review_exclude_none", lang),
                           help=t("data_page.review_exclude_help", lang), select_all=False)
            excluded = set(st.session_state.get("data_import_exclude") or ())
            removals = len(set(review.ids("removed")) - excluded)
            if removals:
                st.warning(t("data_page.replace_warning", lang, count=fmt_int(removals, lang),
                             total=fmt_int(len(ds.projects), lang)))
                st.checkbox(t("data_page.replace_confirm", lang, count=fmt_int(removals, lang)),
                            key="data_replace_confirm", disabled=not writer)
        elif result.ok:
            st.info(result.message(lang))
            diff = result.diff
            st.markdown(f"**{t('data_page.diff_heading', lang)}**")
            for part in ("added", "changed", "removed"):
                ids = diff.get(part) or []
                if ids:
                    st.text(t(f"data_page.diff.{part}", lang) + f" ({fmt_int(len(ids), lang)}): "
                            + "، ".join(map(str, ids[:50])) + (" …" if len(ids) > 50 else ""))
            ind = diff.get("indicators") or {}
            if ind:
                layout.note(t("data_page.diff.indicators", lang, **{
                    k: fmt_int(ind.get(f"n_{k}", 0), lang) for k in ("added", "changed", "removed")}))
        else:
            st.error(result.message(lang))
            st.markdown(f"**{t('data_page.problems_heading', lang)}**")
            show_table(problems_display(result.problems, lang), "data_page.pr.", lang,
                       key="data_problems_table")
            st.download_button(
                t("data_page.problems_download", lang),
                data=lambda problems=result.problems: problems_to_excel(problems, lang),
                file_name=export_filename(t("data_page.problems_heading", lang), lang) + ".xlsx",
                mime=XLSX_MIME, key="data_problems_xlsx", on_click="ignore")
            render_unknown_words(store, result.problems, kind, lang, writer)
        if result.warnings:
            st.markdown(f"**{t('data_page.warnings_heading', lang)}**")
            show_table(problems_display(result.warnings, lang), "data_page.pr.", lang,
                       key="data_warnings_table")
        if result.ok:
            confirmed = not removals or bool(st.session_state.get("data_replace_confirm"))
            base = int(ds.version) if str(ds.version).isdigit() else None
            st.button(t("data_page.save", lang), key="data_save", type="primary",
                      disabled=not confirmed, on_click=_save,
                      args=(kind, upload_key, mode, base, round_id))

    # --- restore (editors) --------------------------------------------------------------
    st.subheader(t("data_page.restore_heading", lang))
    read_only_note()
    others = [int(v) for v in versions.loc[~versions["current"], "id"]]
    when = dict(zip(versions["id"].astype(int), versions["created_at_jalali"]))

    def _restore(version_id: int) -> None:
        try:
            new = restore(store, version_id, auth.current_user())
        except (PermissionError, KeyError):
            st.session_state["data:restore_error"] = t("store.account.forbidden", lang)
            return
        st.session_state["data_restore_confirm"] = False
        st.session_state[FLASH] = t("data_page.restored", lang, old=num(version_id, lang),
                                    new=num(new.id, lang))

    if not others:
        layout.note(t("data_page.restore_none", lang))
    else:
        pick = st.selectbox(t("data_page.restore_pick", lang), others, key="data_restore_pick",
                            format_func=lambda v: f"{num(v, lang)} — {localise_digits(when[v], lang)}",
                            disabled=not writer, placeholder=t("common.choose", lang))
        confirm = st.checkbox(t("data_page.restore_confirm", lang), key="data_restore_confirm",
                              disabled=not writer)
        restore_error = st.session_state.pop("data:restore_error", None)
        if restore_error:
            st.error(restore_error)
        st.button(t("data_page.restore_button", lang), key="data_restore",
                  disabled=not (writer and confirm), on_click=_restore, args=(pick,))

    # --- follow-ups ---------------------------------------------------------------------
    st.subheader(t("data_page.followup_heading", lang))
    ids = list(ds.projects["project_id"])
    titles = dict(zip(ds.projects["project_id"],
                      ds.projects["title_fa" if lang == "fa" else "title_en"].fillna(
                          ds.projects["title_fa"])))
    project = st.selectbox(t("data_page.followup_project", lang), ids, key="data_fu_project",
                           format_func=lambda pid: f"{titles.get(pid, pid)} ({pid})",
                           placeholder=t("common.choose", lang))
    seed_followup_fields(ds.projects, project)
    # the person followed up with: one of the active people; free text while the office
    # has entered no people yet (store.followups.add_followup checks either way)
    everyone = list_people(store)
    active_names = [p.name for p in everyone if p.active]
    if everyone:
        seed("data_fu_person", None, options=[None, *active_names])

    def _record(project_id: str) -> None:
        ss = st.session_state
        try:
            add_followup(store, project_id, ss.get("data_fu_date"), ss.get("data_fu_status"),
                         ss.get("data_fu_physical"), ss.get("data_fu_financial"),
                         ss.get("data_fu_note"), ss.get("data_fu_blocker"),
                         ss.get("data_fu_actor"), auth.current_user(),
                         person=ss.get("data_fu_person") or None)
        except DataValidationError as err:
            ss["data:fu_problems"] = err.problems
            return
        except PermissionError:
            ss["data:fu_error"] = t("store.account.forbidden", lang)
            return
        ss["data_fu_note"] = ""
        ss["data_fu_blocker"] = ""
        ss.pop(FU_SEEDED_FOR, None)  # next run: the project's values with this entry applied
        ss[FLASH] = t("store.followup.saved", lang)

    with st.form("data_followup_form", clear_on_submit=False):
        st.markdown(f"**{t('data_page.followup_form', lang)}**")
        if "data_fu_date" not in st.session_state:
            st.session_state["data_fu_date"] = localise_digits(today_jalali(), lang)
        st.text_input(t("data_page.followup_date", lang), key="data_fu_date", max_chars=20,
                      disabled=not writer)
        c1, c2, c3 = st.columns(3)
        # status and progress hold the selected project's values (seed_followup_fields)
        c1.selectbox(t("data_page.followup_status", lang), STATUSES, key="data_fu_status",
                     format_func=lambda s: t(f"status.{s}", lang), disabled=not writer,
                     placeholder=t("common.choose", lang))
        c2.number_input(t("data_page.followup_physical", lang), min_value=0.0, max_value=100.0,
                        value=None, step=1.0, key="data_fu_physical", disabled=not writer)
        c3.number_input(t("data_page.followup_financial", lang), min_value=0.0, max_value=100.0,
                        value=None, step=1.0, key="data_fu_financial", disabled=not writer)
        st.text_area(t("data_page.followup_note", lang), key="data_fu_note", max_chars=5000,
                     height=80, disabled=not writer)
        st.text_area(t("data_page.followup_blocker", lang), key="data_fu_blocker", max_chars=5000,
                     height=80, disabled=not writer)
        st.selectbox(t("data_page.followup_actor", lang), ACTOR_ROLES, key="data_fu_actor",
                     format_func=lambda r: t(f"store.actor.{r}", lang), disabled=not writer,
                     placeholder=t("common.choose", lang))
        if everyone:
            st.selectbox(t("data_page.followup_person", lang), active_names, index=None,
                         key="data_fu_person", placeholder=t("data_page.followup_person_pick", lang),
                         disabled=not writer)
        else:
            st.text_input(t("data_page.followup_person", lang), key="data_fu_person",
                          max_chars=200, help=t("data_page.followup_person_free", lang),
                          disabled=not writer)
        st.form_submit_button(t("data_page.followup_submit", lang), disabled=not writer,
                              on_click=_record, args=(project,))
    layout.note(t("data_page.followup_append_only", lang))
    read_only_note()
    fu_error = st.session_state.pop("data:fu_error", None)
    if fu_error:
        st.error(fu_error)
    fu_problems = st.session_state.pop("data:fu_problems", None)
    if fu_problems:
        st.error(t("data_page.followup_problems", lang))
        show_table(problems_display(fu_problems, lang)[["column", "value", "message"]],
                   "data_page.pr.", lang, key="data_fu_problems_table")

    st.markdown(f"**{t('data_page.timeline_heading', lang)}**")
    timeline = project_timeline(store, project)
    if timeline.empty:
        layout.note(t("data_page.timeline_empty", lang))
    else:
        shown = pd.DataFrame({
            "jalali_date": timeline["jalali_date"].map(lambda s: localise_digits(str(s), lang)),
            "status": timeline["status"].map(lambda s: t(f"status.{s}", lang)
                                             if s in STATUSES else str(s)),
            "physical_pct": timeline["physical_pct"].map(lambda v: fmt_percent(v, lang)),
            "financial_pct": timeline["financial_pct"].map(lambda v: fmt_percent(v, lang)),
            "note": timeline["note"].fillna(""),
            "blocker": timeline["blocker"].fillna(""),
            "actor_role": timeline["actor_role"].map(lambda r: t(f"store.actor.{r}", lang)
                                                     if r in ACTOR_ROLES else str(r)),
            "person": timeline["person"].fillna(""),
            "recorded_by": timeline["recorded_by"].fillna(""),
            "recorded_at_jalali": timeline["recorded_at_jalali"].map(
                lambda s: localise_digits(str(s), lang)),
        })
        show_table(shown, "data_page.tl.", lang, key="data_timeline_table")

    # --- overdue and open items per county and per follow-up officer -------------------
    status = data.followup_status(ds)
    names = ds.counties.set_index("code")["name_fa" if lang == "fa" else "name_en"]
    for heading, counts, key, label in (
            ("overdue.by_county_heading", status.by_county, "county_code",
             lambda c: names.get(c, c)),
            ("overdue.by_officer_heading", status.by_officer, "followup_officer",
             lambda n: officer_label(n, lang))):
        st.markdown(f"**{t(heading, lang)}**")
        frame = counts.assign(**{key: counts[key].map(label)}).rename(columns={
            "county_code": t("overdue.col.county", lang),
            "followup_officer": t("overdue.col.followup_officer", lang),
        } | {c: t(k, lang) for c, k in COUNT_HEADERS.items()})
        frame = frame.sort_values(t("overdue.col.n_overdue", lang), ascending=False, kind="stable")
        st.dataframe(frame[list(frame.columns)[::-1]] if lang == "fa" else frame,
                     hide_index=True, width="stretch")
    layout.note(t("overdue.note", lang, days=fmt_int(status.days, lang)))
