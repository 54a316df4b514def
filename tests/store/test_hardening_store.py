"""Issue 17's reproductions against the store, on SQLite and PostgreSQL: what is stored is
exactly what the file says (decimal commas, invisible characters), and what is refused
leaves the store untouched and never raises."""

from __future__ import annotations

import pytest

from pishran.store_commands import main
from store import add_user, import_file

from .conftest import snapshot
from .corpus import csv_bytes, rows
from .corpus_hardening import semicolon_bytes


def _project(store, pid):
    projects = store.current_dataset().projects
    return projects.loc[projects["project_id"] == pid].iloc[0]


def test_decimal_comma_is_stored_as_written(store):
    data = semicolon_bytes(rows(3, r0_budget_billion_rials="1234,5",
                                r1_physical_progress_pct="12,5",
                                r2_budget_billion_rials="۱٬۲۳۴٫۲۵"))
    result = import_file(store, data, "semicolon.csv", "projects", "tester")
    assert result.ok, [p.message("en") for p in result.problems]
    assert _project(store, "C-001")["budget_billion_rials"] == 1234.5
    assert _project(store, "C-002")["physical_progress_pct"] == 12.5
    assert _project(store, "C-003")["budget_billion_rials"] == 1234.25


def test_nul_is_refused_the_same_on_every_backend(store):
    before = snapshot(store)
    data = csv_bytes(rows(40, r35_title_fa="پروژه\x00پنهان"))
    result = import_file(store, data, "nul.csv", "projects", "tester")
    assert not result.ok
    assert [(p.rule, p.row, p.column) for p in result.problems] == [
        ("control_char", 37, "title_fa")]
    assert snapshot(store) == before


def test_invisible_characters_are_cleaned_before_comparing(store):
    data = csv_bytes(rows(2, r0_project_id="Z-001\u200b", r1_county_code="کاشان\u200b"))
    assert import_file(store, data, "zw.csv", "projects", "tester").ok
    stored = store.current_dataset().projects
    assert "Z-001" in set(stored["project_id"])
    assert not stored["project_id"].str.contains("\u200b").any()
    assert _project(store, "C-002")["county_code"] == "kashan"
    # the same id again, without the zero-width space: the same project, updated
    again = csv_bytes(rows(1, r0_project_id="Z-001", r0_budget_billion_rials="777"))
    result = import_file(store, again, "again.csv", "projects", "tester")
    assert result.ok and result.diff["n_added"] == 0
    assert _project(store, "Z-001")["budget_billion_rials"] == 777


def test_bidi_override_in_an_id_is_refused(store):
    before = snapshot(store)
    result = import_file(store, csv_bytes(rows(2, r0_project_id="C-\u202e001")), "rlo.csv",
                         "projects", "tester")
    assert not result.ok and result.problems[0].rule == "bidi_override"
    assert "U+202E" in result.problems[0].message("fa")
    assert snapshot(store) == before


@pytest.mark.parametrize("value", ["99999999999999999999", "1.7e308", "inf", "nan"])
def test_cli_import_of_a_huge_number_prints_a_problem_not_a_traceback(db_url, tmp_path,
                                                                      monkeypatch, capsys,
                                                                      value):
    monkeypatch.setenv("PISHRAN_DATABASE_URL", db_url)
    add_user("operator", "a-long-password", "editor", by="tests")
    path = tmp_path / "huge.csv"
    path.write_bytes(csv_bytes(rows(3, r1_expected_jobs=value, r2_budget_billion_rials=value)))
    assert main(["import", str(path), "--kind", "projects", "--user", "operator",
                 "--lang", "fa"]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and "ردیف ۳" in err and "ردیف ۴" in err


def test_people_records_go_through_the_one_cleaner(store):
    from store.people import PeopleError, add_person, list_people

    with pytest.raises(PeopleError) as refused:
        add_person(store, "مریم\x00احمدی", "mp", "tester")
    assert refused.value.key == "people.error.bad_character"
    assert "U+0000" in refused.value.message("fa")
    with pytest.raises(PeopleError):
        add_person(store, "علی \u202eرضایی", "mp", "tester")
    assert list_people(store) == []  # nothing stored, on either backend
    assert add_person(store, "سارا\u200b", "mp", "tester").name == "سارا"
