"""AppTest of the Data page's people: viewers read the people and seats without forms; an
editor adds a person and a seat through the forms; the seat's overdue counts are listed."""

from __future__ import annotations

from i18n import t
from store import add_user
from store.people import add_person, list_people, list_seats, set_seat

from .test_page_data import (  # noqa: F401
    EDITOR,
    PASSWORD,
    by_label,
    env,  # noqa: F401
    other,
    run_page,
    sign_in,
)


def _frame(at, column: str):
    return next(f.value for f in at.dataframe if column in f.value.columns)


def test_viewer_reads_people_and_seats_without_forms(env, other):  # noqa: F811
    add_person(other, "مسئول آزمایشی", "followup_officer", "tests", counties=["لنجان"])
    set_seat(other, "حوزه آزمایشی", ["لنجان", "مبارکه"], "tests")
    at = run_page()
    assert not at.exception
    people = _frame(at, "role")
    assert people["name"].tolist() == ["مسئول آزمایشی"]
    assert people["role"].tolist() == [t("people.role.followup_officer", "fa")]
    assert people["counties"].tolist() == ["لنجان"]
    seats = _frame(at, "seat")
    assert seats["counties"].iloc[0] == "لنجان، مبارکه"
    overdue = _frame(at, "n_overdue")
    assert overdue["seat"].tolist() == ["حوزه آزمایشی"]
    assert not [b for b in at.button if b.label == t("people.page.add", "fa")]


def test_editor_adds_person_and_seat(env, other):  # noqa: F811
    add_user(EDITOR, PASSWORD, "editor", by="tests")
    at = sign_in(run_page())
    at.text_input(key="data_person_name").input("نماینده آزمایشی")
    at.selectbox(key="data_person_role").set_value("mp")
    at.multiselect(key="data_person_counties").set_value(["lenjan", "mobarakeh"])
    by_label(at.button, t("people.page.add", "fa")).click()
    at = at.run()
    assert not at.exception
    [person] = list_people(other)
    assert (person.name, person.role, person.counties) == ("نماینده آزمایشی", "mp",
                                                           ("lenjan", "mobarakeh"))
    assert other.audit_frame(actions=("person_add",))["user_name"].tolist() == [EDITOR]
    at.text_input(key="data_seat_name").input("حوزه نائین")
    at.multiselect(key="data_seat_counties").set_value(["nain"])
    by_label(at.button, t("people.page.seat_set", "fa")).click()
    at = at.run()
    assert [(s.name, s.counties) for s in list_seats(other)] == [("حوزه نائین", ("nain",))]
    overdue = _frame(at, "n_overdue")
    assert set(overdue["seat"]) == {"حوزه نائین", "نماینده آزمایشی"}
    assert t("people.page.seat_saved", "fa", name="حوزه نائین") in [s.value for s in at.success]
    # the edit form: deactivate the MP (kept, inactive)
    by_label(at.checkbox, t("people.col.active", "fa")).uncheck()
    by_label(at.button, t("people.page.save", "fa")).click()
    at = at.run()
    assert not at.exception
    [person] = list_people(other)
    assert not person.active and person.counties == ("lenjan", "mobarakeh")
    assert _frame(at, "role")["active"].tolist() == [t("people.inactive", "fa")]
