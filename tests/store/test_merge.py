"""Partial returns merge (issue 13, point 2): a governor's return updates the projects it
names and keeps the others; replacing the whole registry is an explicit, confirmed mode;
a review (per project, each field old → new) comes before anything is stored."""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest

from analytics.panel import build_panel
from core.schema import PROJECTS
from store import import_file, open_store
from store.merge import plan_merge

from .conftest import ROOT, snapshot
from .sample import PROJECT_COLUMNS, csv_text, project_rows

EMBEDDED = ROOT / "data"
REPLACE = {"mode": "replace", "confirm_removal": True}


def _csv(frame: pd.DataFrame) -> bytes:
    return frame.to_csv(index=False).encode("utf-8")


def _rows(store, county: str) -> pd.DataFrame:
    projects = store.current_dataset().projects
    return projects[projects["county_code"] == county].reset_index(drop=True)


def _untouched(before: pd.DataFrame, after: pd.DataFrame, ids) -> None:
    """The projects ``ids`` are exactly as before (every column)."""
    one = before.set_index("project_id").loc[list(ids)]
    two = after.set_index("project_id").loc[list(ids)]
    pd.testing.assert_frame_equal(one, two)


# --- the governor's one-county return, on the embedded data -----------------------------

@pytest.fixture
def embedded(db_url):
    if not (EMBEDDED / "projects.csv").exists():
        pytest.skip("no embedded data")
    with open_store(db_url, data_directory=EMBEDDED) as store:
        store.ensure_seeded()
        yield store


def test_a_one_county_return_changes_that_county_only(embedded):
    store = embedded
    before = store.current_dataset().projects
    assert len(before) == 137
    lenjan = _rows(store, "lenjan")
    assert len(lenjan) == 6
    pid = "lenjan-04"
    assert lenjan.loc[lenjan["project_id"] == pid, "status"].item() != "completed"
    lenjan.loc[lenjan["project_id"] == pid, "status"] = "completed"

    preview = import_file(store, _csv(lenjan), "لنجان.csv", "projects", dry_run=True)
    assert preview.ok, [p.message("en") for p in preview.problems]
    review = preview.review
    assert review.mode == "merge" and review.counties == ("lenjan",)
    assert review.ids("changed") == [pid]
    assert len(review.ids("unchanged")) == 5 and review.ids("added") == []
    assert review.untouched == 131
    changed = review.changed_fields()
    assert changed[["project_id", "field", "old", "new", "change"]].values.tolist() == [
        [pid, "status", "in_progress", "completed", "changed"]]

    result = import_file(store, _csv(lenjan), "لنجان.csv", "projects", "governor-lenjan")
    assert result.ok, [p.message("en") for p in result.problems]
    assert (result.diff["n_added"], result.diff["n_changed"], result.diff["n_removed"]) == (
        0, 1, 0)
    assert result.diff["changed"] == [pid]
    assert result.message("en") == "version 2 saved: 0 projects added, 1 changed, 0 removed"
    after = store.current_dataset().projects
    assert len(after) == 137
    others = [p for p in before["project_id"] if p != pid]
    _untouched(before, after, others)
    assert after.loc[after["project_id"] == pid, "status"].item() == "completed"
    version = store.version(result.version_id)
    assert (version.created_by, version.file_name, version.n_projects) == (
        "governor-lenjan", "لنجان.csv", 137)
    assert version.diff["mode"] == "merge" and version.diff["n_untouched"] == 131
    # the Overview's count (its panel of the current dataset) is still 137
    ds = store.current_dataset()
    panel = build_panel(ds.projects, ds.indicators, ds.counties)
    assert panel["n_projects"].sum() == 137
    assert panel.loc["lenjan", "n_projects"] == 6


def test_a_return_without_some_projects_keeps_and_lists_them(embedded):
    store = embedded
    lenjan = _rows(store, "lenjan").iloc[:4]  # lenjan-05 and -06 not returned
    result = import_file(store, _csv(lenjan), "لنجان.csv", "projects", "a")
    assert result.ok
    assert result.diff["n_removed"] == 0 and result.diff["n_not_in_file"] == 2
    assert result.diff["not_in_file"] == {"lenjan": ["lenjan-05", "lenjan-06"]}
    kept = [w for w in result.warnings if w.rule == "not_in_file"]
    assert len(kept) == 1 and "lenjan-05" in kept[0].message("en")
    assert "لنجان" in kept[0].message("fa") and "۲" in kept[0].message("fa")
    assert "2 project(s) not in the returned file" in result.message("en")
    assert len(store.current_dataset().projects) == 137


# --- matching ----------------------------------------------------------------------------

def _file(rows: list[list], columns=PROJECT_COLUMNS) -> bytes:
    return csv_text(columns, rows).encode("utf-8")


def test_missing_ids_are_matched_by_county_and_title(store):
    rows = project_rows(12)
    row = rows[2]  # P-003, najafabad, «پروژه شماره 3»
    row[0] = ""
    row[2] = "پروژه‌شماره ٣"  # another spelling: ZWNJ for the space, Arabic digit
    row[6] = "stalled"
    before = store.current_dataset().projects
    result = import_file(store, _file([row]), "نجف‌آباد.csv", "projects", "a")
    assert result.ok, [p.message("en") for p in result.problems]
    assert result.diff["changed"] == ["P-003"] and result.diff["n_added"] == 0
    after = store.current_dataset().projects
    assert after.loc[after["project_id"] == "P-003", "status"].item() == "stalled"
    # the file's title spelling is the new title; nothing else changed
    fields = result.review.changed_fields()
    assert set(fields["field"]) == {"status", "title_fa"}
    assert len(after) == 12
    _untouched(before, after, [p for p in before["project_id"] if p != "P-003"])


def test_a_new_project_is_added_with_the_next_free_id(store):
    rows = project_rows(12)
    new = list(rows[0])  # isfahan
    new[0], new[2] = "", "پارک فناوری تازه"
    given = list(rows[1])  # kashan, with an id of its own
    given[0], given[2] = "K-900", "مرکز نوآوری کاشان"
    result = import_file(store, _file([new, given]), "returns.csv", "projects", "a")
    assert result.ok, [p.message("en") for p in result.problems]
    assert result.diff["added"] == ["K-900", "isfahan-01"]
    projects = store.current_dataset().projects
    assert len(projects) == 14 and projects["project_id"].tolist()[-2:] == ["isfahan-01",
                                                                            "K-900"]
    added = result.review.projects.set_index("project_id").loc["isfahan-01"]
    assert (added["change"], added["row"]) == ("added", 2)
    fields = result.review.fields
    assert set(fields.loc[fields["project_id"] == "isfahan-01", "change"]) == {"added"}
    # a second new title in that county takes the number after it
    again = list(rows[6])
    again[0], again[2] = "", "پروژه سوم اصفهان"
    second = import_file(store, _file([again]), "r2.csv", "projects", "a")
    assert second.diff["added"] == ["isfahan-02"]


def test_columns_absent_from_the_file_keep_their_values(store):
    columns = ["project_id", "county_code", "title_fa", "sector", "status",
               "physical_progress_pct", "budget_billion_rials", "funding_source",
               "expected_jobs", "is_sample"]
    full = dict(zip(PROJECT_COLUMNS, project_rows(12)[0], strict=True))
    full["physical_progress_pct"] = 77
    before = store.current_dataset().projects
    result = import_file(store, _file([[full[c] for c in columns]], columns), "p.csv",
                         "projects", "a")
    assert result.ok, [p.message("en") for p in result.problems]
    review = result.review
    assert review.changed_fields()["field"].tolist() == ["physical_progress_pct"]
    fields = review.fields.set_index("field")
    assert fields.loc["planned_end", "change"] == "not_in_file"
    assert fields.loc["notes", "change"] == "not_in_file"
    after = store.current_dataset().projects
    one = after[after["project_id"] == "P-001"].iloc[0]
    old = before[before["project_id"] == "P-001"].iloc[0]
    assert one["physical_progress_pct"] == 77
    for name in ("planned_end", "lat", "followup_officer", "coord_quality", "title_en"):
        assert one[name] == old[name], name


def test_a_row_naming_another_county_is_handled_on_its_own(store):
    rows = project_rows(12)
    isfahan = list(rows[0])  # P-001 of isfahan, changed
    isfahan[7] = 55
    kashan = list(rows[1])  # P-002: a kashan project in the isfahan return, changed
    kashan[6] = "stalled"
    moved = list(rows[6])  # P-007 of isfahan, written under najafabad
    moved[1] = "نجف‌آباد"
    before = store.current_dataset().projects
    result = import_file(store, _file([isfahan, kashan, moved]), "اصفهان.csv", "projects", "a")
    assert result.ok, [p.message("en") for p in result.problems]
    assert result.diff["changed"] == ["P-001", "P-002", "P-007"]
    assert result.diff["n_removed"] == 0
    # kashan's other project (P-008) is listed, not removed; najafabad's too
    assert result.diff["not_in_file"] == {"kashan": ["P-008"], "najafabad": ["P-003", "P-009"]}
    moves = [w for w in result.warnings if w.rule == "county_moved"]
    assert [(w.row, w.params["id"]) for w in moves] == [(4, "P-007")]
    after = store.current_dataset().projects.set_index("project_id")
    assert after.loc["P-007", "county_code"] == "najafabad"
    assert after.loc["P-002", "status"] == "stalled"
    assert len(after) == 12
    _untouched(before, after.reset_index(),
               [p for p in before["project_id"] if p not in ("P-001", "P-002", "P-007")])


# --- the review: exclusions, base version --------------------------------------------------

def test_excluded_rows_are_not_applied(store):
    rows = project_rows(12)
    changed = list(rows[0])
    changed[6] = "cancelled"
    other = list(rows[1])
    other[6] = "cancelled"
    new = list(rows[2])
    new[0], new[2] = "", "پروژه تازه نجف‌آباد"
    data = _file([changed, other, new])
    preview = import_file(store, data, "r.csv", "projects", dry_run=True)
    assert preview.review.excludable() == ["P-001", "P-002", "najafabad-01"]
    result = import_file(store, data, "r.csv", "projects", "a",
                         exclude=["P-002", "najafabad-01"])
    assert result.ok, [p.message("en") for p in result.problems]
    assert result.diff["changed"] == ["P-001"] and result.diff["n_added"] == 0
    assert result.diff["excluded"] == ["P-002", "najafabad-01"]
    assert "2 row(s) excluded" in result.message("en")
    after = store.current_dataset().projects.set_index("project_id")
    assert after.loc["P-001", "status"] == "cancelled"
    assert after.loc["P-002", "status"] != "cancelled"
    assert "najafabad-01" not in after.index and len(after) == 12
    audit = store.audit_frame(actions=("import",)).iloc[0]["detail"]
    assert audit["excluded"] == ["P-002", "najafabad-01"] and audit["mode"] == "merge"


def test_an_unknown_exclusion_or_a_stale_review_stores_nothing(store):
    rows = project_rows(12)
    row = list(rows[0])
    row[6] = "cancelled"
    data = _file([row])
    before = snapshot(store)
    result = import_file(store, data, "r.csv", "projects", "a", exclude=["NOPE-1"])
    assert not result.ok and [p.rule for p in result.problems] == ["exclude_unknown"]
    assert snapshot(store) == before
    stale = import_file(store, data, "r.csv", "projects", "a", base_version=99)
    assert not stale.ok and [p.rule for p in stale.problems] == ["version_changed"]
    assert "review the file again" in stale.problems[0].message("en")
    assert snapshot(store) == before
    assert import_file(store, data, "r.csv", "projects", "a", base_version=1).ok


# --- replace mode ---------------------------------------------------------------------------

def test_replace_mode_removes_says_how_many_and_needs_confirmation(store):
    data = _file(project_rows(12)[:5])
    before = snapshot(store)
    preview = import_file(store, data, "all.csv", "projects", dry_run=True, mode="replace")
    assert preview.ok and preview.diff["n_removed"] == 7
    assert preview.review.ids("removed") == [f"P-{i:03d}" for i in range(6, 13)]
    removal = [w for w in preview.warnings if w.rule == "many_removed"]
    assert removal and "7 of the 12 projects" in removal[0].message("en")
    assert "۷" in removal[0].message("fa")
    refused = import_file(store, data, "all.csv", "projects", "a", mode="replace")
    assert not refused.ok and [p.rule for p in refused.problems] == ["replace_not_confirmed"]
    assert "removes 7 of the 12 projects" in refused.problems[0].message("en")
    assert snapshot(store) == before
    result = import_file(store, data, "all.csv", "projects", "a", **REPLACE)
    assert result.ok and result.diff["n_removed"] == 7 and result.diff["mode"] == "replace"
    assert "7 removed" in result.message("en")
    assert len(store.current_dataset().projects) == 5


def test_replace_mode_with_an_excluded_removal_keeps_that_project(store):
    data = _file(project_rows(12)[:11])
    result = import_file(store, data, "all.csv", "projects", "a", mode="replace",
                         exclude=["P-012"])
    assert result.ok  # nothing removed once P-012 is excluded: no confirmation needed
    assert result.diff["n_removed"] == 0
    assert "P-012" in set(store.current_dataset().projects["project_id"])


def test_a_projects_file_that_removes_nothing_needs_no_confirmation(store):
    assert import_file(store, _file(project_rows(12)), "all.csv", "projects", "a",
                       mode="replace").ok


# --- bad returns: all or nothing, every problem with its row --------------------------------

def test_duplicated_rows_are_refused_with_row_numbers(store):
    rows = project_rows(12)
    by_title = list(rows[3])
    by_title[0] = ""  # P-004 again, by its title
    twice_new = [list(rows[0]), list(rows[0])]
    for r in twice_new:
        r[0], r[2] = "", "پروژه تکراری"
    data = _file([rows[3], rows[4], rows[4], by_title, *twice_new])
    before = snapshot(store)
    result = import_file(store, data, "dups.csv", "projects", "a")
    assert not result.ok
    found = sorted((p.rule, p.row) for p in result.problems)
    # rows 3 and 4 repeat P-005's id (validation); row 5 names P-004 (row 2) by its
    # title; row 7 repeats the new project of row 6
    assert ("duplicate", 3) in found and ("duplicate", 4) in found
    assert sorted(p for p in found if p[0] == "duplicate_row") == [
        ("duplicate_row", 5), ("duplicate_row", 7)]
    messages = {p.row: p.message("en") for p in result.problems if p.rule == "duplicate_row"}
    assert "row 2" in messages[5] and "row 6" in messages[7]
    cells = {p.row: (p.column, p.params.get("cell")) for p in result.problems
             if p.rule == "duplicate_row"}
    assert cells == {5: ("title_fa", "C5"), 7: ("title_fa", "C7")}
    assert "ردیف ۲" in next(p for p in result.problems if p.row == 5).message("fa")
    assert snapshot(store) == before


def test_duplicated_rows_across_sheets_are_refused(store):
    from openpyxl import Workbook

    rows = project_rows(12)
    workbook = Workbook()
    first = workbook.active
    first.title = "اصفهان"
    first.append(PROJECT_COLUMNS)
    first.append(rows[0])
    second = workbook.create_sheet("کاشان")
    second.append(PROJECT_COLUMNS)
    again = list(rows[0])
    again[0] = ""
    second.append(again)
    out = io.BytesIO()
    workbook.save(out)
    result = import_file(store, out.getvalue(), "returns.xlsx", "projects", "a")
    assert not result.ok
    problem = next(p for p in result.problems if p.rule == "duplicate_row")
    assert (problem.sheet, problem.row) == ("کاشان", 2)
    assert "اصفهان:2" in problem.message("en")


def test_an_ambiguous_title_is_refused(store):
    rows = project_rows(12)
    twin = list(rows[0])
    twin[0] = "P-900"  # a second isfahan project with P-001's title
    assert import_file(store, _file([twin]), "t.csv", "projects", "a").ok
    row = list(rows[0])
    row[0] = ""
    before = snapshot(store)
    result = import_file(store, _file([row]), "r.csv", "projects", "a")
    assert [(p.rule, p.row) for p in result.problems] == [("ambiguous_title", 2)]
    assert "P-001" in result.problems[0].message("en")
    assert "P-900" in result.problems[0].message("en")
    assert snapshot(store) == before


def test_a_bad_cell_in_a_merge_still_stores_nothing(store):
    rows = project_rows(12)
    row = list(rows[0])
    row[6] = "paused"
    before = snapshot(store)
    result = import_file(store, _file([rows[1], row]), "r.csv", "projects", "a")
    assert not result.ok and result.review is None
    assert [(p.row, p.column, p.rule) for p in result.problems] == [
        (3, "status", "not_allowed")]
    assert snapshot(store) == before


# --- the pure planner -------------------------------------------------------------------

def test_plan_merge_is_pure():
    current = pd.DataFrame([dict(zip(PROJECT_COLUMNS, r, strict=True))
                            for r in project_rows(3)])
    current["is_sample"] = current["is_sample"] == "true"
    incoming = current.iloc[[1]].copy()
    incoming["status"] = "cancelled"
    copy = current.copy()
    plan = plan_merge(current, incoming, [(None, 2)], [frozenset(PROJECT_COLUMNS)], "f.csv")
    pd.testing.assert_frame_equal(current, copy)
    assert plan.problems == [] and plan.review.ids("changed") == ["P-002"]
    out = plan.result()
    assert out["status"].tolist()[1] == "cancelled" and len(out) == 3
    assert list(out.columns[:len(PROJECTS.names)]) == PROJECTS.names
    assert plan.result(exclude=["P-002"])["status"].tolist()[1] == current["status"][1]
    with pytest.raises(ValueError):
        plan_merge(current, incoming, [(None, 2)], [frozenset()], "f.csv", mode="upsert")


# --- command line ---------------------------------------------------------------------------

def test_cli_dry_run_prints_the_review_and_replace_needs_yes(store, db_url, tmp_path,
                                                             monkeypatch, capsys):
    from pishran.store_commands import main

    monkeypatch.setenv("PISHRAN_DATABASE_URL", db_url)
    rows = project_rows(12)
    row = list(rows[0])
    row[6] = "completed"
    path = tmp_path / "اصفهان.csv"
    path.write_bytes(_file([row]))
    assert main(["import", str(path), "--dry-run", "--kind", "projects"]) == 0
    out = capsys.readouterr().out
    assert "review (merge into the registry)" in out and "changed: P-001" in out
    assert "Status: Defined → Completed" in out
    assert "not in the returned file (Isfahan, 1 project(s), kept unchanged): P-007" in out
    assert "10 project(s) of other counties stay untouched" in out
    assert main(["import", str(path), "--dry-run", "--lang", "fa"]) == 0
    assert "وضعیت: تعریف‌شده → تکمیل‌شده" in capsys.readouterr().out
    assert main(["import", str(path), "--dry-run", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)["review"]
    assert shown["n_changed"] == 1 and shown["fields"][0]["new"] == "completed"
    assert main(["import", str(path), "--dry-run", "--replace"]) == 0
    assert "11 project(s) will be removed" in capsys.readouterr().out
    assert store.current_version_id() == 1
