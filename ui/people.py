"""The Data page's people: who follows what, the MP seats and each seat's overdue items.

Called by :mod:`ui.pages.data`: :func:`render_people` draws the section — the people and
the seats for everyone; for editors, forms to add, edit or deactivate a person and to set
a seat's counties (:mod:`store.people`, audited); per MP seat (and per active MP with
counties) the overdue counts summed over its counties and the seat's printable list.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from analytics.people_status import seat_overdue
from exports.followup_list import COUNT_HEADERS
from exports.seat_list import seat_list_excel
from i18n import fmt_int, localise_digits, t
from store.people import (
    PERSON_ROLES,
    ROLE_KEYS,
    PeopleError,
    add_person,
    list_people,
    list_seats,
    set_seat,
    update_person,
)
from ui import auth, data, layout
from ui.downloads import XLSX_MIME
from ui.filenames import download_name

__all__ = ["render_people"]

FLASH = "people:flash"

PEOPLE_HEADERS = {"name": "people.col.name", "role": "people.col.role",
                  "contact": "people.col.contact", "counties": "people.col.counties",
                  "active": "people.col.active", "updated_by": "people.col.updated_by",
                  "updated_at": "people.col.updated_at"}
SEAT_HEADERS = {"seat": "people.col.seat", "counties": "people.col.counties",
                "updated_by": "people.col.updated_by", "updated_at": "people.col.updated_at"}


def _table(frame: pd.DataFrame, headers: dict[str, str], lang: str, key: str) -> None:
    config = {c: st.column_config.TextColumn(t(k, lang)) for c, k in headers.items()}
    columns = list(frame.columns)
    st.dataframe(frame.astype("string").fillna(""), hide_index=True, width="stretch",
                 column_config=config, column_order=columns[::-1] if lang == "fa" else columns,
                 key=key)


def _run(action, lang: str, done_key: str) -> None:
    try:
        result = action()
    except PeopleError as err:
        st.error(err.message(lang))
    except PermissionError:
        st.error(t("store.account.forbidden", lang))
    else:  # run again so the tables above the forms show the change
        st.session_state[FLASH] = t(done_key, lang, name=result.name)
        st.rerun()


def _add_form(store, lang: str, codes: list[str], county_label) -> None:
    with st.form("data_person_add", clear_on_submit=True, border=False):
        st.markdown("**" + t("people.page.add_heading", lang) + "**")
        c1, c2, c3 = st.columns([2, 2, 2])
        name = c1.text_input(t("people.col.name", lang), key="data_person_name")
        role = c2.selectbox(t("people.col.role", lang), PERSON_ROLES, key="data_person_role",
                            format_func=lambda r: t(ROLE_KEYS[r], lang),
                            placeholder=t("common.choose", lang))
        contact = c3.text_input(t("people.col.contact", lang), key="data_person_contact")
        counties = st.multiselect(t("people.col.counties", lang), codes,
                                  format_func=county_label, key="data_person_counties", select_all=False,
                                  placeholder=t("common.choose", lang))
        if st.form_submit_button(t("people.page.add", lang)):
            _run(lambda: add_person(store, name, role, auth.current_user(), contact=contact,
                                    counties=counties), lang, "people.page.added")


def _edit_form(store, lang: str, persons, codes: list[str], county_label) -> None:
    by_id = {p.id: p for p in persons}
    chosen = st.selectbox(t("people.page.edit_person", lang), list(by_id), key="data_person_pick",
                          format_func=lambda i: f"{by_id[i].name} — {t(ROLE_KEYS[by_id[i].role], lang)}",
                          placeholder=t("common.choose", lang))
    person = by_id[chosen]
    with st.form(f"data_person_edit_{person.id}", border=False):
        c1, c2, c3 = st.columns([2, 2, 2])
        name = c1.text_input(t("people.col.name", lang), value=person.name)
        role = c2.selectbox(t("people.col.role", lang), PERSON_ROLES,
                            index=PERSON_ROLES.index(person.role),
                            format_func=lambda r: t(ROLE_KEYS[r], lang),
                            placeholder=t("common.choose", lang))
        contact = c3.text_input(t("people.col.contact", lang), value=person.contact)
        counties = st.multiselect(t("people.col.counties", lang), codes,
                                  default=[c for c in person.counties if c in codes],
                                  format_func=county_label, select_all=False,
                                  placeholder=t("common.choose", lang))
        active = st.checkbox(t("people.col.active", lang), value=person.active)
        if st.form_submit_button(t("people.page.save", lang)):
            _run(lambda: update_person(store, person.id, auth.current_user(), name=name,
                                       role=role, contact=contact, counties=counties,
                                       active=active), lang, "people.page.saved")


def _seat_form(store, lang: str, codes: list[str], county_label) -> None:
    with st.form("data_seat_set", clear_on_submit=True, border=False):
        st.markdown("**" + t("people.page.seat_heading_form", lang) + "**")
        name = st.text_input(t("people.col.seat", lang), key="data_seat_name")
        counties = st.multiselect(t("people.col.counties", lang), codes,
                                  format_func=county_label, key="data_seat_counties", select_all=False,
                                  placeholder=t("common.choose", lang))
        layout.note(t("people.page.seat_note", lang))
        if st.form_submit_button(t("people.page.seat_set", lang)):
            _run(lambda: set_seat(store, name, counties, auth.current_user()), lang,
                 "people.page.seat_saved")


def render_people(store, ds, lang: str, writer: bool) -> None:
    """The section (module doc)."""
    st.subheader(t("people.page.heading", lang))
    layout.note(t("people.page.note", lang))
    flash = st.session_state.pop(FLASH, None)
    if flash:
        st.success(flash)
    codes = list(ds.counties["code"])
    names = dict(zip(codes, ds.counties["name_fa" if lang == "fa" else "name_en"], strict=True))
    sep = "، " if lang == "fa" else ", "

    def county_label(code: str) -> str:
        return names.get(code, code)

    def county_list(values) -> str:
        return sep.join(county_label(c) for c in values)

    persons = list_people(store)
    if persons:
        _table(pd.DataFrame({
            "name": [p.name for p in persons],
            "role": [t(ROLE_KEYS[p.role], lang) for p in persons],
            "contact": [p.contact for p in persons],
            "counties": [county_list(p.counties) for p in persons],
            "active": [t("rounds.yes" if p.active else "people.inactive", lang) for p in persons],
            "updated_by": [p.updated_by for p in persons],
            "updated_at": [localise_digits(p.updated_at_jalali, lang) for p in persons],
        }), PEOPLE_HEADERS, lang, "data_people_table")
    else:
        layout.note(t("people.page.none", lang))
    if writer:
        _add_form(store, lang, codes, county_label)
        if persons:
            _edit_form(store, lang, persons, codes, county_label)

    st.markdown("**" + t("people.page.seats_heading", lang) + "**")
    seats = list_seats(store)
    if seats:
        _table(pd.DataFrame({
            "seat": [s.name for s in seats],
            "counties": [county_list(s.counties) for s in seats],
            "updated_by": [s.updated_by for s in seats],
            "updated_at": [localise_digits(s.updated_at_jalali, lang) for s in seats],
        }), SEAT_HEADERS, lang, "data_seats_table")
    else:
        layout.note(t("people.page.no_seats", lang))
    if writer:
        _seat_form(store, lang, codes, county_label)

    # --- per MP seat (and per active MP with counties): overdue items -------------------
    groups = {s.name: s.counties for s in seats}
    for p in persons:
        if p.active and p.role == "mp" and p.counties and p.name not in groups:
            groups[p.name] = p.counties
    if not groups:
        return
    status = data.followup_status(ds)
    table = seat_overdue(status.by_county, groups)
    st.markdown("**" + t("people.page.overdue_heading", lang) + "**")
    shown = pd.DataFrame({"seat": table["seat"], "counties": table["counties"].map(county_list)}
                         | {c: table[c].map(lambda v: fmt_int(v, lang)) for c in COUNT_HEADERS})
    _table(shown, {"seat": "people.col.seat", "counties": "people.col.counties"}
           | dict(COUNT_HEADERS), lang, "data_seat_overdue")
    chosen = st.selectbox(t("people.page.list_for", lang), list(groups), key="data_seat_list",
                          placeholder=t("common.choose", lang))
    title = t("people.page.list_title", lang, name=chosen)
    st.download_button(
        t("people.page.download", lang),
        data=lambda: seat_list_excel(status, chosen, groups[chosen], names, lang),
        file_name=download_name(title, lang) + ".xlsx", mime=XLSX_MIME,
        key="data_seat_list_download", on_click="ignore")
