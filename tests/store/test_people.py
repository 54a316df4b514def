"""People and MP seats: add/list/update/deactivate (editors only, audited), counties through
the resolver, seats, the per-seat overdue counts and the ``people`` commands."""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest
from openpyxl import load_workbook

from analytics.followup_status import followup_status
from analytics.people_status import seat_overdue, seat_projects
from exports.seat_list import seat_list_excel
from pishran.cli import main
from store import add_user
from store.accounts import User
from store.people import (
    PeopleError,
    add_person,
    deactivate_person,
    find_person,
    find_seat,
    list_people,
    list_seats,
    people_frame,
    set_seat,
    update_person,
)

PASSWORD = "a-long-password"


def test_add_list_update_deactivate(store):
    officer = add_person(store, "  کارشناس   الف ", "followup_officer", "tester",
                         contact="۰۹۱۲", counties=["کاشان", "Nain", "kashan"])
    assert officer.name == "کارشناس الف" and officer.counties == ("kashan", "nain")
    mp = add_person(store, "نماینده آزمایشی", "mp", "tester", counties="آران و بیدگل، کاشان")
    assert mp.counties == ("aran_va_bidgol", "kashan") and mp.active
    assert [p.name for p in list_people(store)] == ["کارشناس الف", "نماینده آزمایشی"]
    assert [p.id for p in list_people(store, role="mp")] == [mp.id]

    changed = update_person(store, officer.id, "tester", contact="داخلی ۲۱۴",
                            counties=["نجف‌آباد"])
    assert changed.contact == "داخلی ۲۱۴" and changed.counties == ("najafabad",)
    assert changed.name == officer.name and changed.role == "followup_officer"

    gone = deactivate_person(store, "نماینده  آزمایشی", "tester")
    assert not gone.active
    assert [p.name for p in list_people(store, active_only=True)] == ["کارشناس الف"]
    assert len(people_frame(store)) == 2  # nobody is deleted
    # an inactive person's name and role may be used again
    again = add_person(store, "نماینده آزمایشی", "mp", "tester")
    assert find_person(store, "نماینده آزمایشی").id == again.id  # the active one first


def test_writes_are_audited(store):
    person = add_person(store, "الف", "governor_office", "tester", counties=["kashan"])
    update_person(store, person.id, "other-editor", counties=["nain"])
    deactivate_person(store, person.id, "other-editor")
    set_seat(store, "حوزه آزمایشی", ["کاشان"], "tester")
    set_seat(store, "حوزه  آزمایشی", ["کاشان", "نائین"], "other-editor")
    audit = store.audit_frame(actions=("person_add", "person_update", "seat_set"))
    entries = list(zip(audit["action"], audit["user_name"], strict=True))[::-1]
    assert entries == [("person_add", "tester"), ("person_update", "other-editor"),
                       ("person_update", "other-editor"), ("seat_set", "tester"),
                       ("seat_set", "other-editor")]
    details = list(audit["detail"])[::-1]
    assert details[1]["changes"] == {"counties": ["kashan", "nain"]}
    assert details[2]["changes"] == {"active": [True, False]}
    assert details[4] == {"seat": "حوزه آزمایشی", "before": ["kashan"],
                          "counties": ["kashan", "nain"]}
    # an update that changes nothing writes nothing
    update_person(store, person.id, "tester", counties=["nain"])
    assert len(store.audit_frame(actions=("person_update",))) == 2


def test_only_editors_may_write(store):
    with pytest.raises(PermissionError):
        add_person(store, "الف", "mp", None)
    with pytest.raises(PermissionError):
        add_person(store, "الف", "mp", User("v", "viewer"))
    with pytest.raises(PermissionError):
        set_seat(store, "حوزه", ["kashan"], User("v", "viewer"))
    add_user("editor", PASSWORD, "editor")
    person = add_person(store, "الف", "mp", User("editor", "editor"))
    with pytest.raises(PermissionError):
        deactivate_person(store, person.id, User("v", "viewer"))
    assert find_person(store, person.id).active
    assert store.audit_frame(actions=("person_add",))["user_name"].tolist() == ["editor"]


def test_refusals_have_clear_messages(store):
    with pytest.raises(PeopleError) as unknown:
        add_person(store, "الف", "mp", "tester", counties=["کاشان", "کاشن"])
    assert unknown.value.key == "people.error.unknown_county"
    assert "«کاشن»" in unknown.value.message("fa") and "کاشان" in unknown.value.message("fa")
    assert "Unknown county “کاشن”" in unknown.value.message("en")
    assert list_people(store) == []  # nothing stored
    with pytest.raises(PeopleError) as role:
        add_person(store, "الف", "minister", "tester")
    assert "mp" in role.value.message("en")
    assert add_person(store, "ب", "نماینده مجلس", "tester").role == "mp"  # the Persian label
    with pytest.raises(PeopleError):
        add_person(store, " ", "mp", "tester")
    with pytest.raises(PeopleError) as taken:
        add_person(store, "ب", "mp", "tester")
    assert "«ب»" in taken.value.message("fa")
    with pytest.raises(PeopleError):
        update_person(store, "نیست", "tester", contact="x")
    with pytest.raises(PeopleError) as empty:
        set_seat(store, "حوزه", [], "tester")
    assert empty.value.key == "people.error.no_counties"
    with pytest.raises(PeopleError):
        set_seat(store, "حوزه", ["Atlantis"], "tester")
    assert list_seats(store) == []


def test_seats_set_and_replace(store):
    first = set_seat(store, "کاشان و آران و بیدگل", ["کاشان", "آران و بیدگل"], "tester")
    assert first.counties == ("kashan", "aran_va_bidgol")
    replaced = set_seat(store, "کاشان و آران و بیدگل", ["kashan"], "tester")
    assert replaced.id == first.id and replaced.counties == ("kashan",)
    set_seat(store, "نائین", ["نائین"], "tester")
    assert [s.name for s in list_seats(store)] == ["کاشان و آران و بیدگل", "نائین"]
    assert find_seat(store, "نائين").counties == ("nain",)  # Arabic ي


def _registry() -> pd.DataFrame:
    """Six projects in three counties, by hand: today 1404/06/01, limit 90 days."""
    rows = [
        # id, county, status, planned_end, last_followup
        ("A-1", "kashan", "in_progress", "1405/01/01", "1404/05/20"),   # fine
        ("A-2", "kashan", "in_progress", "1404/01/01", "1404/05/20"),   # missed end
        ("B-1", "aran_va_bidgol", "study", "1406/01/01", "1403/01/01"),  # stale
        ("B-2", "aran_va_bidgol", "completed", "1403/01/01", ""),        # closed
        ("C-1", "nain", "defined", "1406/01/01", ""),                    # never: stale
        ("C-2", "nain", "in_progress", "1406/01/01", "1404/05/30"),     # blocked (log)
    ]
    return pd.DataFrame({
        "project_id": [r[0] for r in rows], "county_code": [r[1] for r in rows],
        "title_fa": [f"پروژه {r[0]}" for r in rows], "title_en": [r[0] for r in rows],
        "status": [r[2] for r in rows], "physical_progress_pct": [10.0] * 6,
        "planned_end": [r[3] for r in rows], "last_followup": [r[4] or None for r in rows],
        "followup_officer": [""] * 6,
    })


def _log() -> pd.DataFrame:
    return pd.DataFrame({"project_id": ["C-2"], "jalali_date": ["1404/05/30"],
                         "blocker": ["زمین تحویل نشده"]})


def test_seat_aggregation_of_overdue_counts():
    status = followup_status(_registry(), _log(), today="1404/06/01", days=90,
                             counties=["kashan", "aran_va_bidgol", "nain", "isfahan"])
    seats = {"کاشان و آران": ("kashan", "aran_va_bidgol"), "نائین": ("nain",),
             "اصفهان": ("isfahan",), "دوتایی": ("kashan", "kashan", "unknown")}
    table = seat_overdue(status.by_county, seats).set_index("seat")
    assert table.loc["کاشان و آران", ["n_projects", "n_stale", "n_missed", "n_blocked",
                                     "n_overdue"]].tolist() == [4, 1, 1, 0, 2]
    assert table.loc["نائین", ["n_projects", "n_stale", "n_blocked", "n_overdue"]].tolist() == \
        [2, 1, 1, 2]
    assert table.loc["اصفهان", "n_projects"] == 0  # a county without projects adds zeros
    assert table.loc["دوتایی", "n_projects"] == 2  # a county counted once; unknown adds zeros
    assert table.loc["دوتایی", "n_counties"] == 2  # kashan once, unknown
    assert list(table.index) == list(seats)
    rows = seat_projects(status, seats["کاشان و آران"], overdue_only=True)
    assert set(rows["project_id"]) == {"A-2", "B-1"}


def test_seat_list_workbook():
    status = followup_status(_registry(), _log(), today="1404/06/01", days=90,
                             counties=["kashan", "aran_va_bidgol", "nain"])
    names = {"kashan": "کاشان", "aran_va_bidgol": "آران و بیدگل", "nain": "نائین"}
    book = load_workbook(io.BytesIO(seat_list_excel(status, "کاشان و آران",
                                                    ("kashan", "aran_va_bidgol"), names)))
    assert book.sheetnames == ["خلاصه", "به تفکیک شهرستان", "پروژه‌های پیشران", "موارد معوق"]
    assert all(ws.sheet_view.rightToLeft for ws in book.worksheets)
    summary = {r[0]: r[1] for r in book["خلاصه"].iter_rows(min_row=2, values_only=True)}
    assert summary["حوزه انتخابیه"] == "کاشان و آران"
    assert summary["شهرستان‌های حوزه"] == "کاشان، آران و بیدگل"
    assert str(summary["معوق"]) == "2"
    overdue = [r for r in book["موارد معوق"].iter_rows(values_only=True)]
    assert overdue[0][:2] == ("شناسه", "شهرستان")
    assert sorted(r[0] for r in overdue[1:]) == ["A-2", "B-1"]


def test_cli_people_commands(db_url, data_dir, monkeypatch, tmp_path, capsys):
    monkeypatch.setenv("PISHRAN_DATABASE_URL", db_url)
    monkeypatch.delenv("PISHRAN_USER", raising=False)
    add_user("operator", PASSWORD, "editor", by="tests")
    add_user("reader", PASSWORD, "viewer", by="tests")
    add = ["people", "add", "نماینده آزمایشی", "--role", "mp", "--counties", "کاشان",
           "آران و بیدگل"]
    assert main([*add, "--user", "nobody"]) == 2
    assert main([*add, "--user", "reader"]) == 2
    assert main([*add, "--user", "operator"]) == 0
    assert "کاشان، آران و بیدگل" in capsys.readouterr().out
    assert main(["people", "add", "الف", "--role", "mp", "--counties", "کاشن",
                 "--user", "operator"]) == 1
    assert "«کاشن»" in capsys.readouterr().err
    assert main(["people", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(p["name"], p["role"], p["counties"]) for p in listed] == [
        ("نماینده آزمایشی", "mp", "kashan aran_va_bidgol")]
    assert main(["people", "seats"]) == 0
    assert "هنوز حوزه" in capsys.readouterr().out
    assert main(["people", "seat", "حوزه نائین", "--counties", "نائین", "--user",
                 "operator"]) == 0
    assert main(["people", "seats", "--json"]) == 0
    capsys.readouterr()
    out = tmp_path / "lists" / "nain.xlsx"
    assert main(["people", "mp-list", "حوزه نائین", "--out", str(out)]) == 0
    assert "حوزه نائین" in capsys.readouterr().out
    book = load_workbook(out)
    assert book["خلاصه"].sheet_view.rightToLeft
    projects = [r for r in book["پروژه‌های پیشران"].iter_rows(min_row=2, values_only=True)]
    assert projects and {r[1] for r in projects} == {"نائین"}
    # an MP's own counties make the list too
    assert main(["people", "mp-list", "نماینده آزمایشی", "--out",
                 str(tmp_path / "mp.xlsx")]) == 0
    assert main(["people", "mp-list", "نیست", "--out", str(tmp_path / "x.xlsx")]) == 2
    assert main(["people", "deactivate", "نماینده آزمایشی", "--user", "operator"]) == 0
    capsys.readouterr()
    assert main(["people", "list"]) == 0
    assert "هنوز کسی" in capsys.readouterr().out
    assert main(["people", "list", "--all", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["active"] is False
