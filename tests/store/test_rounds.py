"""Follow-up rounds: rounds, pre-filled county workbooks, returns recorded against a round,
the replies view and the ``rounds`` / ``export workbooks`` commands."""

from __future__ import annotations

import io
import json
import zipfile

import pandas as pd
import pytest
from openpyxl import load_workbook

from analytics.rounds import reply_status
from exports.workbooks import LOCKED_COLUMNS, county_workbook, county_workbooks, workbooks_zip
from pishran.cli import main
from store import add_user
from store.headers import label
from store.importing import import_file
from store.rounds import RoundError, add_round, find_round, list_rounds, read_stamp, replies

from .conftest import snapshot
from .sample import INDICATOR_COLUMNS, csv_text, indicator_rows

PASSWORD = "a-long-password"


def _books(store, round_=None, codes=None):
    ds = store.current_dataset()
    return county_workbooks(ds.projects, ds.counties, round_, codes)


def _isfahan(store, round_):
    ds = store.current_dataset()
    return county_workbook(ds.projects, ds.counties, "isfahan", round_)


def _edit(data: bytes, column: str, project_id: str, value) -> bytes:
    """``data`` with one cell changed the way a governor's office would (openpyxl)."""
    workbook = load_workbook(io.BytesIO(data))
    ws = workbook.worksheets[0]
    headers = {c.value: c.column for c in ws[1]}
    id_col = headers[label("projects", "project_id", "fa")]
    target = headers[label("projects", column, "fa")]
    row = next(r for r in range(2, ws.max_row + 1) if ws.cell(r, id_col).value == project_id)
    ws.cell(row, target).value = value
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def test_add_and_list_rounds(store):
    first = add_round(store, "دور پاییز ۱۴۰۴", "۱۴۰۴/۱۰/۱۵", "tester")
    second = add_round(store, "دور زمستان", "1404/12/20", "tester")
    assert [r.name for r in list_rounds(store)] == ["دور پاییز ۱۴۰۴", "دور زمستان"]
    assert first.due_jalali == "1404/10/15" and second.id > first.id
    assert find_round(store, "دور  پاییز ۱۴۰۴").id == first.id  # normalised comparison
    with pytest.raises(RoundError) as taken:
        add_round(store, "دور زمستان", "1404/12/20", "tester")
    assert "دور زمستان" in taken.value.message("fa")
    with pytest.raises(RoundError):
        add_round(store, "دور بهار", "1405/13/01", "tester")
    with pytest.raises(RoundError):
        add_round(store, "  ", "1405/01/20", "tester")
    audit = store.audit_frame(actions=("round_add",))
    assert len(audit) == 2 and set(audit["user_name"]) == {"tester"}


def test_one_workbook_per_county_locked_columns_and_dropdowns(store):
    round_ = add_round(store, "دور پاییز", "1404/10/15", "tester")
    books = _books(store, round_)
    counties = store.current_dataset().counties
    assert len(books) == len(counties) == 6
    assert all(name.endswith(" - دور پاییز.xlsx") for name in books)
    data = books["اصفهان - دور پاییز.xlsx"]
    workbook = load_workbook(io.BytesIO(data))
    ws = workbook.worksheets[0]
    assert ws.sheet_view.rightToLeft and ws.protection.sheet
    headers = [c.value for c in ws[1]]
    assert headers[:3] == [label("projects", c, "fa") for c in
                           ("project_id", "county_code", "title_fa")]
    ids = [ws.cell(r, 1).value for r in range(2, ws.max_row + 1)]
    assert ids == ["P-001", "P-007"]  # the county's projects only
    assert {ws.cell(r, 2).value for r in range(2, ws.max_row + 1)} == {"اصفهان"}
    column = {h: i + 1 for i, h in enumerate(headers)}
    for name in LOCKED_COLUMNS:
        assert ws.cell(2, column[label("projects", name, "fa")]).protection.locked
    for name in ("status", "title_fa", "physical_progress_pct", "planned_end"):
        assert not ws.cell(2, column[label("projects", name, "fa")]).protection.locked
    lists = workbook[next(n for n in workbook.sheetnames if workbook[n].sheet_state == "hidden")]
    listed = {lists.cell(1, c).value: [lists.cell(r, c).value for r in range(2, lists.max_row + 1)
                                       if lists.cell(r, c).value]
              for c in range(1, lists.max_column + 1)}
    assert {"status", "sector", "funding_source"} <= set(listed)
    assert "تکمیل‌شده" in listed["status"] and "completed" not in listed["status"]
    statuses = [ws.cell(r, column[label("projects", "status", "fa")]).value for r in (2, 3)]
    assert statuses == ["تعریف‌شده", "تعریف‌شده"] and set(statuses) <= set(listed["status"])
    validations = ws.data_validations.dataValidation
    letters = {h: ws.cell(1, i).column_letter for h, i in column.items()}
    by_column = {}
    for dv in validations:
        for ref in str(dv.sqref).split():
            by_column[ref.split(":")[0].rstrip("0123456789")] = dv
    for name in ("status", "sector", "funding_source"):
        dv = by_column[letters[label("projects", name, "fa")]]
        assert dv.type == "list" and "$" in dv.formula1
    date = by_column[letters[label("projects", "planned_end", "fa")]]
    assert date.type == "custom" and "MID(" in date.formula1
    assert any(n == "راهنما" for n in workbook.sheetnames)
    assert read_stamp(data) == {"kind": "pishran-county-workbook", "round": "دور پاییز",
                                "round_id": str(round_.id), "due": "1404/10/15",
                                "county_code": "isfahan", "county": "اصفهان"}
    archive = workbooks_zip(store.current_dataset().projects, counties, round_)
    assert sorted(zipfile.ZipFile(io.BytesIO(archive)).namelist()) == sorted(books)


def test_unchanged_return_is_zero_changes_and_recorded_for_the_round(store):
    round_ = add_round(store, "دور پاییز", "1404/10/15", "tester")
    data = _isfahan(store, round_)
    dry = import_file(store, data, "isfahan.xlsx", "projects", dry_run=True, round_id=round_.id)
    assert dry.ok and dry.problems == []
    assert (dry.diff["n_added"], dry.diff["n_changed"], dry.diff["n_removed"]) == (0, 0, 0)
    result = import_file(store, data, "isfahan.xlsx", "projects", "editor-a",
                         round_id=round_.id)
    assert result.ok and result.diff["n_changed"] == 0 and result.round_id == round_.id
    assert store.version(result.version_id).diff["round_id"] == round_.id
    table = replies(store, round_.id).set_index("county_code")
    assert bool(table.loc["isfahan", "replied"]) and table["replied"].sum() == 1
    assert table.loc["isfahan", "recorded_by"] == "editor-a"
    assert table.loc["isfahan", "version_id"] == result.version_id
    assert table.loc["isfahan", "recorded_at_jalali"].startswith("14")
    assert set(table.index[~table["replied"]]) == {"kashan", "najafabad", "aran_va_bidgol",
                                                    "shahreza", "nain"}


def test_one_status_changed_changes_exactly_that_project(store):
    round_ = add_round(store, "دور پاییز", "1404/10/15", "tester")
    data = _edit(_isfahan(store, round_), "status", "P-007", "تکمیل شده")
    result = import_file(store, data, "isfahan.xlsx", "projects", "tester", round_id=round_.id)
    assert result.ok, [p.message("en") for p in result.problems]
    assert result.diff["changed"] == ["P-007"] and result.diff["n_added"] == 0
    fields = result.review.changed_fields()
    assert list(fields["field"]) == ["status"] and list(fields["new"]) == ["completed"]
    projects = store.current_dataset().projects.set_index("project_id")
    assert projects.loc["P-007", "status"] == "completed"


def test_return_for_another_round_is_refused(store):
    autumn = add_round(store, "دور پاییز", "1404/10/15", "tester")
    winter = add_round(store, "دور زمستان", "1404/12/20", "tester")
    data = _edit(_isfahan(store, autumn), "status", "P-007", "تکمیل شده")
    before = snapshot(store)
    result = import_file(store, data, "isfahan.xlsx", "projects", "tester", round_id=winter.id)
    assert not result.ok and [p.rule for p in result.problems] == ["round_mismatch"]
    message = result.problems[0].message("fa")
    assert "دور پاییز" in message and "دور زمستان" in message
    assert snapshot(store) == before and replies(store, winter.id)["replied"].sum() == 0


def test_stamped_workbook_without_a_chosen_round_is_recorded_for_its_round(store):
    autumn = add_round(store, "دور پاییز", "1404/10/15", "tester")
    result = import_file(store, _isfahan(store, autumn), "isfahan.xlsx", "projects", "tester")
    assert result.ok and result.round_id == autumn.id
    assert list(replies(store, autumn.id).query("replied")["county_code"]) == ["isfahan"]


def test_rows_of_another_county_are_warned_with_row_and_column(store):
    autumn = add_round(store, "دور پاییز", "1404/10/15", "tester")
    data = _edit(_isfahan(store, autumn), "county_code", "P-007", "کاشان")
    result = import_file(store, data, "isfahan.xlsx", "projects", "tester", dry_run=True,
                         round_id=autumn.id)
    warned = [w for w in result.warnings if w.rule == "other_county_row"]
    assert len(warned) == 1
    assert warned[0].row == 3 and warned[0].column == label("projects", "county_code", "fa")
    message = warned[0].message("fa")
    assert "کاشان" in message and "اصفهان" in message and "ردیف ۳" in message
    assert warned[0].params["cell"] == "B3"


def test_an_id_edited_in_the_locked_column_is_refused_with_its_cell(store):
    """openpyxl (or any program that ignores sheet protection) can still change a locked
    id: the return is refused at that row and cell, and nothing is stored."""
    autumn = add_round(store, "دور پاییز", "1404/10/15", "tester")
    for edited in ("P-099", "P-002"):  # an unknown id; another county's project
        data = _edit(_isfahan(store, autumn), "project_id", "P-007", edited)
        before = snapshot(store)
        result = import_file(store, data, "isfahan.xlsx", "projects", "tester",
                             round_id=autumn.id)
        assert not result.ok
        locked = [p for p in result.problems if p.rule == "locked_id"]
        assert [(p.row, p.value, p.params.get("cell")) for p in locked] == [(3, edited, "A3")]
        assert locked[0].column == label("projects", "project_id", "fa")
        assert edited in locked[0].message("fa") and "اصفهان" in locked[0].message("fa")
        assert snapshot(store) == before and replies(store, autumn.id)["replied"].sum() == 0


def test_a_duplicated_row_in_a_return_is_refused_with_both_rows(store):
    autumn = add_round(store, "دور پاییز", "1404/10/15", "tester")
    workbook = load_workbook(io.BytesIO(_isfahan(store, autumn)))
    ws = workbook.worksheets[0]
    ws.protection.sheet = False
    values = [c.value for c in ws[2]]
    for col, value in enumerate(values, start=1):
        ws.cell(4, col).value = value
    out = io.BytesIO()
    workbook.save(out)
    before = snapshot(store)
    result = import_file(store, out.getvalue(), "isfahan.xlsx", "projects", "tester",
                         round_id=autumn.id)
    assert not result.ok
    found = [(p.row, p.value) for p in result.problems]
    assert found == [(2, "P-001"), (4, "P-001")], [p.message("en") for p in result.problems]
    assert snapshot(store) == before


def test_indicators_cannot_be_a_return(store):
    autumn = add_round(store, "دور پاییز", "1404/10/15", "tester")
    data = csv_text(INDICATOR_COLUMNS, indicator_rows()).encode("utf-8")
    result = import_file(store, data, "ind.csv", "indicators", "tester",
                         round_id=autumn.id)
    assert not result.ok and [p.rule for p in result.problems] == ["round_not_projects"]


def test_reply_status_is_pure():
    counties = pd.DataFrame({"code": ["a", "b", "c"], "name_fa": ["الف", "ب", "ج"],
                             "name_en": ["A", "B", "C"]})
    returns = pd.DataFrame({"county_code": ["b", "b"], "version_id": [4, 7],
                            "recorded_by": ["x", "y"],
                            "recorded_at_jalali": ["1404/10/01 10:00", "1404/10/03 09:00"]})
    table = reply_status(counties, returns)
    assert list(table["replied"]) == [False, True, False]
    assert table.loc[1, "version_id"] == 7 and table.loc[1, "recorded_by"] == "y"
    assert table.loc[1, "n_returns"] == 2
    assert reply_status(counties, returns.iloc[:0])["replied"].sum() == 0


def test_cli_rounds_and_workbooks(db_url, data_dir, monkeypatch, tmp_path, capsys):
    monkeypatch.setenv("PISHRAN_DATABASE_URL", db_url)
    monkeypatch.setenv("PISHRAN_USER", "operator")
    add_user("operator", PASSWORD, "editor", by="tests")
    assert main(["rounds", "add", "دور پاییز", "--due", "1404/10/15", "--user", "nobody"]) == 2
    assert main(["rounds", "add", "دور پاییز", "--due", "1404/10/15", "--user",
                 "operator"]) == 0
    assert "دور پاییز" in capsys.readouterr().out
    assert main(["rounds", "add", "دور پاییز", "--due", "1404/10/15"]) == 1  # name taken
    out = tmp_path / "books"
    assert main(["export", "workbooks", "--out", str(out), "--round", "دور پاییز"]) == 0
    files = sorted(p.name for p in out.glob("*.xlsx"))
    assert len(files) == 6
    assert main(["export", "workbooks", "--out", str(tmp_path / "one"), "--county",
                 "کاشان"]) == 0
    assert [p.name for p in (tmp_path / "one").glob("*.xlsx")] == ["کاشان.xlsx"]
    assert main(["export", "workbooks", "--out", str(out), "--round", "دور دیگر"]) == 2
    capsys.readouterr()
    assert main(["rounds", "import", "دور پاییز", str(out / "نائین - دور پاییز.xlsx")]) == 0
    capsys.readouterr()
    assert main(["rounds", "status", "دور پاییز", "--json"]) == 0
    body = capsys.readouterr().out
    parsed = json.loads(body)
    replied = {c["county_code"]: c for c in parsed["counties"]}
    assert replied["nain"]["replied"] and replied["nain"]["recorded_by"] == "operator"
    assert not replied["kashan"]["replied"]
    assert main(["rounds", "status", "دور پاییز"]) == 0
    text = capsys.readouterr().out
    assert "نائین" in text and "خیر — پیگیری شود" in text and "۱ شهرستان پاسخ داده" in text
    assert main(["rounds", "status", "نیست"]) == 2


def test_unchanged_return_after_followups_is_zero_changes(store):
    """A workbook shows the project as it stands (follow-ups laid over the import); the
    same workbook returned unchanged changes nothing — in the review and in the version."""
    from store.followups import add_followup

    round_ = add_round(store, "دور پاییز", "1404/10/15", "tester")
    add_followup(store, "P-007", "1404/09/01", "in_progress", 40, 35, user="tester",
                 today="1404/09/10", person="فرمانداری")
    data = _isfahan(store, round_)
    dry = import_file(store, data, "isfahan.xlsx", "projects", dry_run=True, round_id=round_.id)
    assert dry.ok, [p.message("en") for p in dry.problems]
    assert (dry.diff["n_added"], dry.diff["n_changed"], dry.diff["n_removed"]) == (0, 0, 0)
    assert set(dry.review.projects["change"]) == {"unchanged"}
    result = import_file(store, data, "isfahan.xlsx", "projects", "tester", round_id=round_.id)
    assert result.ok and result.diff["n_changed"] == 0
    after = store.current_dataset().projects.set_index("project_id")
    assert after.loc["P-007", "status"] == "in_progress"
    assert after.loc["P-007", "physical_progress_pct"] == 40


def test_return_changing_a_followed_up_project_keeps_other_counties_raw(store):
    """A change to one project is one change, though other projects carry follow-ups."""
    from store.followups import add_followup

    round_ = add_round(store, "دور پاییز", "1404/10/15", "tester")
    add_followup(store, "P-007", "1404/09/01", "in_progress", 40, 35, user="tester",
                 today="1404/09/10", person="فرمانداری")
    others = [p for p in store.current_dataset().projects["project_id"] if p not in
              ("P-001", "P-007")]
    add_followup(store, others[0], "1404/09/02", "stalled", user="tester", today="1404/09/10",
                 person="فرمانداری")
    data = _edit(_isfahan(store, round_), "status", "P-001", "تکمیل شده")
    result = import_file(store, data, "isfahan.xlsx", "projects", "tester", round_id=round_.id)
    assert result.ok, [p.message("en") for p in result.problems]
    assert result.diff["changed"] == ["P-001"]
    projects = store.current_dataset().projects.set_index("project_id")
    assert projects.loc[others[0], "status"] == "stalled"
    assert projects.loc["P-007", "status"] == "in_progress"
