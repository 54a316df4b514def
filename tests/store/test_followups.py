"""The follow-up log: validation, timeline, current status, staleness."""

from __future__ import annotations

import pytest

from analytics.validation import DataValidationError
from store import (
    User,
    add_followup,
    add_user,
    import_file,
    project_timeline,
    stale_projects,
    staleness,
)

from .sample import projects_csv

TODAY = "1404/09/01"


def add(store, project="P-001", date="1404/08/01", status="in_progress", physical=None,
        financial=None, note=None, blocker=None, role="followup_officer", user="کارشناس",
        person="فرمانداری"):
    return add_followup(store, project, date, status, physical, financial, note, blocker, role,
                        user, today=TODAY, person=person)


def test_entry_is_appended_and_becomes_current(store):
    entry = add(store, status="stalled", physical="۶۰٪", financial=35.5,
                note="<b>پیمانکار</b> حاضر نشد", blocker="تأمین اعتبار", role="governor_office")
    assert entry == 1
    timeline = project_timeline(store, "P-001")
    row = timeline.iloc[0]
    assert (row["status"], row["physical_pct"], row["financial_pct"]) == ("stalled", 60, 35.5)
    assert row["note"] == "<b>پیمانکار</b> حاضر نشد"  # stored as data, escaped by the UI
    assert row["actor_role"] == "governor_office" and row["recorded_by"] == "کارشناس"
    assert row["recorded_at"].tzname() == "UTC" and "/" in row["recorded_at_jalali"]
    project = store.current_dataset().projects.set_index("project_id").loc["P-001"]
    assert project["status"] == "stalled"
    assert project["physical_progress_pct"] == 60 and project["financial_progress_pct"] == 35.5
    assert project["last_followup"] == "1404/08/01"
    untouched = store.current_dataset().projects.set_index("project_id").loc["P-002"]
    assert untouched["status"] == "study"
    assert store.audit_frame().loc[0, "action"] == "followup"


def test_latest_entry_by_jalali_date_then_recording_time(store):
    add(store, date="1404/08/10", status="stalled", physical=50)
    add(store, date="1404/08/05", status="completed", physical=100)  # later typed, older date
    add(store, date="1404/08/10", status="in_progress")  # same date, recorded later: wins
    timeline = project_timeline(store, "P-001")
    assert timeline["jalali_date"].tolist() == ["1404/08/05", "1404/08/10", "1404/08/10"]
    project = store.current_dataset().projects.set_index("project_id").loc["P-001"]
    assert project["status"] == "in_progress"
    assert project["physical_progress_pct"] == 50  # latest entry that gave a percentage
    assert project["last_followup"] == "1404/08/10"


def test_newer_imported_file_wins_over_older_entry(store):
    # P-001 was imported with last_followup 1404/01/10; an older entry does not override it
    add(store, date="1403/12/01", status="cancelled")
    project = store.current_dataset().projects.set_index("project_id").loc["P-001"]
    assert project["status"] == "defined" and project["last_followup"] == "1404/01/10"


def test_every_problem_is_reported(store):
    with pytest.raises(DataValidationError) as err:
        add_followup(store, "NOPE", "1404/12/30", "paused", "140", "-1", None, None, "mayor",
                     "x", today=TODAY)
    rules = {(p.column, p.rule) for p in err.value.problems}
    assert rules == {("project_id", "unknown_project"), ("jalali_date", "date_day"),
                     ("status", "not_allowed"), ("physical_pct", "above_maximum"),
                     ("financial_pct", "below_minimum"), ("actor_role", "not_allowed"),
                     ("person", "required")}
    for problem in err.value.problems:
        assert problem.message("fa") and problem.message("en")
    assert project_timeline(store, "NOPE").empty


@pytest.mark.parametrize("date,rule", [("1404/13/01", "date_month"), ("2025-11-19",
                                                                      "gregorian_date"),
                                       ("1404/09/02", "future_date"), ("دیروز", "date_format")])
def test_bad_dates(store, date, rule):
    with pytest.raises(DataValidationError) as err:
        add(store, date=date)
    assert [p.rule for p in err.value.problems] == [rule]


def test_leap_day_and_labels_and_digits(store):
    add(store, date="۱۴۰۳/۱۲/۳۰", status="در حال اجرا", physical="۴۵")
    row = project_timeline(store, "P-001").iloc[0]
    assert (row["jalali_date"], row["status"], row["physical_pct"]) == ("1403/12/30",
                                                                       "in_progress", 45)


def test_only_writers_may_add(store):
    with pytest.raises(PermissionError):
        add(store, user=None)
    with pytest.raises(PermissionError):
        add(store, user=User("v", "viewer"))
    add_user("editor", "long-enough-pw", "editor")
    assert add(store, user=User("editor", "editor")) == 1


def test_unknown_after_new_version(store):
    import_file(store, projects_csv(3, prefix="Q"), "q.csv", "projects", "a", mode="replace",
                confirm_removal=True)
    with pytest.raises(DataValidationError) as err:
        add(store, project="P-001")
    assert err.value.problems[0].rule == "unknown_project"
    assert add(store, project="Q-001") >= 1


def test_stale_projects(store, monkeypatch):
    # imported last_followup dates: P-00k has 1404/0{1 + (k-1) % 6}/10
    add(store, project="P-002", date="1404/08/25")
    dataset = store.current_dataset()
    log = store.followups_frame()
    frame = staleness(dataset, log, TODAY)
    assert frame.iloc[-1]["project_id"] == "P-002" and frame.iloc[-1]["days_since"] == 6
    stale = stale_projects(dataset, log, TODAY, 90)
    # completed (P-005, P-011) are left out; 1404/06/10 is 81 days before 1404/09/01
    assert "P-002" not in stale and "P-005" not in stale and "P-006" not in stale
    assert "P-001" in stale and stale[0] in ("P-001", "P-007")
    assert "P-005" in stale_projects(dataset, log, TODAY, 90, include_closed=True)
    monkeypatch.setenv("PISHRAN_STALE_DAYS", "10")
    assert "P-006" in stale_projects(dataset, log, TODAY)
    assert stale_projects(dataset, None, TODAY, 10_000) == []


def test_never_followed_up_is_stale(store):
    dataset = store.current_dataset()
    projects = dataset.projects.copy()
    projects.loc[0, "last_followup"] = None
    changed = type(dataset)(dataset.counties, dataset.indicators, projects, dataset.places)
    assert stale_projects(changed, None, TODAY, 10_000) == ["P-001"]


def test_person_is_stored_when_active(store):
    from store.people import add_person, deactivate_person

    officer = add_person(store, "علي كاظمي", "followup_officer", "tester")  # Arabic ي / ك
    entry = add_followup(store, "P-001", "1404/08/01", "in_progress", None, None, None, None,
                         "followup_officer", "کارشناس", today=TODAY, person=" علی  کاظمی ")
    row = project_timeline(store, "P-001").iloc[0]
    assert row["person"] == officer.name  # matched through normalise_text, stored as recorded
    assert store.followups_frame()["person"].tolist() == [officer.name]
    assert store.audit_frame().loc[0, "action"] == "followup" and entry == 1
    deactivate_person(store, officer.id, "tester")
    with pytest.raises(DataValidationError) as err:
        add_followup(store, "P-001", "1404/08/02", "in_progress", person=officer.name,
                     user="کارشناس", today=TODAY)
    assert [(p.column, p.rule) for p in err.value.problems] == [("person", "unknown_person")]


def test_unknown_person_is_refused_when_people_exist(store):
    from store.people import add_person

    add_person(store, "مریم احمدی", "governor_office", "tester")
    with pytest.raises(DataValidationError) as err:
        add_followup(store, "P-001", "1404/08/01", "in_progress", user="کارشناس",
                     today=TODAY, person="کسی دیگر")
    problems = err.value.problems
    assert [(p.column, p.rule) for p in problems] == [("person", "unknown_person")]
    assert "مریم احمدی" in problems[0].message("fa") and problems[0].message("en")
    assert project_timeline(store, "P-001").empty


def test_free_text_person_when_no_people_recorded(store):
    add_followup(store, "P-001", "1404/08/01", "in_progress", user="کارشناس", today=TODAY,
                 person="  فرماندار لنجان ")
    assert project_timeline(store, "P-001")["person"].tolist() == ["فرماندار لنجان"]


@pytest.mark.parametrize("person", [None, "", "   ", "\u200c"])
def test_every_entry_names_a_person(store, person):
    """Issue 13: every follow-up entry names a person; a blank one is refused, nothing
    stored."""
    with pytest.raises(DataValidationError) as err:
        add(store, person=person)
    assert [(p.column, p.rule) for p in err.value.problems] == [("person", "required")]
    message = err.value.problems[0].message("fa")
    assert "شخص" in message or "فرد" in message, message
    assert project_timeline(store, "P-001").empty
