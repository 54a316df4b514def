"""Overdue and open items (issue 13, point 5): the function, the governor's list, the CLI."""

from __future__ import annotations

import io
import json
import shutil

import pandas as pd
import pytest
from openpyxl import load_workbook

from analytics.followup_status import followup_status
from exports.followup_list import county_list_excel, county_list_pdf
from i18n import t
from pishran.store_commands import main

TODAY = "1404/07/01"


def registry() -> pd.DataFrame:
    rows = [
        # id, county, title, status, planned_end, last_followup, officer
        ("a-1", "lenjan", "=HYPERLINK(\"x\")", "in_progress", "1404/06/01", "1404/06/20", "مریم"),
        ("a-2", "lenjan", "پروژه دوم", "in_progress", "1405/01/01", "1404/01/01", "مریم"),
        ("a-3", "lenjan", "پروژه سوم", "completed", "1403/01/01", None, "علی"),
        ("a-4", "lenjan", "پروژه چهارم", "study", None, None, None),
        ("b-1", "kashan", "پروژه کاشان", "stalled", "1406/01/01", "1404/06/30", "علی"),
        ("b-2", "kashan", "پروژه کاشان دو", "cancelled", "1403/01/01", "1402/01/01", "علی"),
    ]
    frame = pd.DataFrame(rows, columns=["project_id", "county_code", "title_fa", "status",
                                        "planned_end", "last_followup", "followup_officer"])
    frame["title_en"] = pd.NA
    frame["physical_progress_pct"] = [50.0, 10.0, 100.0, 0.0, 30.0, 5.0]
    return frame


def log() -> pd.DataFrame:
    return pd.DataFrame({
        "id": [1, 2, 3, 4],
        "project_id": ["a-2", "b-1", "b-1", "a-1"],
        "jalali_date": ["1404/03/01", "1404/06/01", "1404/06/30", "1404/05/01"],
        "recorded_at": pd.to_datetime(["2025-06-01"] * 4),
        "status": ["in_progress", "stalled", "stalled", "in_progress"],
        "blocker": ["زمین تحویل نشده", "اعتبار نرسیده", " ", "مجوز"],
    })


def status():
    return followup_status(registry(), log(), TODAY, 90,
                           counties=["lenjan", "kashan", "natanz"])


def test_per_project_answers():
    rows = status().projects.set_index("project_id")
    # a-1: followed 1404/06/20 (12 days: Shahrivar has 31), planned end 1404/06/01 passed (31 days late);
    # its latest entry is the registry's own date, but the log's latest entry has «مجوز»
    assert rows.loc["a-1", "days_since"] == 12 and not rows.loc["a-1", "is_stale"]
    assert rows.loc["a-1", "missed_end"] and rows.loc["a-1", "days_late"] == 31
    assert rows.loc["a-1", "blocker"] == "مجوز"
    # a-2: the log (1404/03/01) is later than the registry (1404/01/01): 124 days → stale
    assert rows.loc["a-2", "last_date"] == "1404/03/01" and rows.loc["a-2", "days_since"] == 124
    assert rows.loc["a-2", "is_stale"] and not rows.loc["a-2", "missed_end"]
    assert rows.loc["a-2", "blocker"] == "زمین تحویل نشده"
    # closed projects are never overdue
    for pid in ("a-3", "b-2"):
        assert not rows.loc[pid, ["is_stale", "missed_end", "has_blocker", "is_overdue"]].any()
    # a-4: never followed up → stale, no planned end → not late
    assert pd.isna(rows.loc["a-4", "days_since"]) and rows.loc["a-4", "is_stale"]
    assert not rows.loc["a-4", "missed_end"]
    # b-1: the latest entry has a blank blocker → the earlier blocker is closed
    assert not rows.loc["b-1", "has_blocker"] and not rows.loc["b-1", "is_overdue"]
    assert list(status().projects["project_id"][:3]) == ["a-4", "a-2", "a-1"]  # most overdue first


def test_counts_per_county_and_officer():
    s = status()
    county = s.by_county.set_index("county_code")
    assert county.loc["lenjan"].to_dict() == {"n_projects": 4, "n_stale": 2, "n_missed": 1,
                                              "n_blocked": 2, "n_overdue": 3}
    assert county.loc["kashan"].to_dict() == {"n_projects": 2, "n_stale": 0, "n_missed": 0,
                                              "n_blocked": 0, "n_overdue": 0}
    assert county.loc["natanz", "n_projects"] == 0  # listed with zero counts
    officer = s.by_officer.set_index("followup_officer")
    assert officer.loc["مریم", "n_overdue"] == 2 and officer.loc["", "n_stale"] == 1
    assert officer.loc["علی", "n_projects"] == 3 and officer.loc["علی", "n_overdue"] == 0


def test_stale_limit_comes_from_the_setting(monkeypatch):
    monkeypatch.setenv("PISHRAN_STALE_DAYS", "10")
    s = followup_status(registry(), log(), TODAY)
    assert s.days == 10
    assert bool(s.projects.set_index("project_id").loc["a-1", "is_stale"])  # 12 > 10


def test_governor_excel_is_rtl_persian_and_neutralised():
    book = load_workbook(io.BytesIO(county_list_excel(status(), "lenjan", "لنجان", "fa")))
    names = [t("overdue.sheet.summary", "fa"), t("overdue.sheet.projects", "fa"),
             t("overdue.sheet.overdue", "fa")]
    assert book.sheetnames == names
    assert all(ws.sheet_view.rightToLeft for ws in book.worksheets)
    projects = book[names[1]]
    headers = [c.value for c in projects[1]]
    assert headers[:3] == [t("overdue.col.project_id", "fa"), t("overdue.col.title", "fa"),
                           t("overdue.col.status", "fa")]
    ids = [r[0].value for r in projects.iter_rows(min_row=2)]
    assert sorted(ids) == ["a-1", "a-2", "a-3", "a-4"]  # this county only
    title = next(r[1] for r in projects.iter_rows(min_row=2) if r[0].value == "a-1")
    assert title.value == "'=HYPERLINK(\"x\")" and title.data_type == "s"
    overdue = [r[0].value for r in book[names[2]].iter_rows(min_row=2)]
    assert overdue == ["a-4", "a-2", "a-1"]
    summary = {r[0].value: r[1].value for r in book[names[0]].iter_rows(min_row=2)}
    assert summary[t("overdue.col.n_overdue", "fa")] == "3"
    assert projects.page_setup.orientation == "landscape"


def test_governor_list_as_pdf(tmp_path):
    """LibreOffice Calc (installed by scripts/install_system_deps.sh) prints the workbook:
    landscape pages whose text holds the county's overdue projects."""
    import re
    import subprocess

    pdf = county_list_pdf(status(), "lenjan", "لنجان")
    assert pdf is not None and pdf.startswith(b"%PDF")
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) >= 1
    (tmp_path / "list.pdf").write_bytes(pdf)
    text = subprocess.run(["pdftotext", str(tmp_path / "list.pdf"), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert all(pid in text for pid in ("a-1", "a-2", "a-4"))


def test_pdf_is_none_without_libreoffice(monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    assert county_list_pdf(status(), "lenjan", "لنجان") is None


@pytest.fixture
def embedded_store(tmp_path, monkeypatch):
    monkeypatch.setenv("PISHRAN_DATABASE_URL", f"sqlite:///{tmp_path / 'p.db'}")
    from store.db import open_store

    with open_store() as store:
        store.ensure_seeded()
        yield store.current_dataset()


def test_cli_stale_prints_a_table_and_json(embedded_store, capsys):
    ds = embedded_store
    expected = followup_status(ds.projects, None, "1405/09/01", 30)
    stale = expected.projects[expected.projects["is_stale"]]
    assert main(["followup", "stale", "--days", "30", "--today", "1405/09/01"]) == 0
    out = capsys.readouterr().out
    assert t("overdue.col.followup_officer", "fa") in out.splitlines()[0]
    first = stale.sort_values("days_since", ascending=False).iloc[0]
    line = next(x for x in out.splitlines() if first["project_id"] in x)
    name = ds.counties.set_index("code").loc[first["county_code"], "name_fa"]
    assert name in line and first["title_fa"] in line and str(first["days_since"]) in line
    assert main(["followup", "stale", "--days", "30", "--today", "1405/09/01", "--json"]) == 0
    records = json.loads(capsys.readouterr().out)
    assert {r["project_id"] for r in records} == set(stale["project_id"])
    assert set(records[0]) == {"project_id", "county", "title", "days_since", "followup_officer"}


def test_cli_county_list_writes_the_governor_excel(embedded_store, tmp_path, capsys):
    out = tmp_path / "lenjan.xlsx"
    assert main(["followup", "list", "--county", "لنجان", "--out", str(out),
                 "--today", "1405/09/01"]) == 0  # read-only: no --user
    book = load_workbook(out)
    assert book.worksheets[0].sheet_view.rightToLeft
    ids = {r[0].value for r in book.worksheets[1].iter_rows(min_row=2)}
    assert ids == set(embedded_store.projects.loc[
        embedded_store.projects["county_code"] == "lenjan", "project_id"])
    capsys.readouterr()
    assert main(["followup", "list", "--county", "nowhere"]) == 2
    assert main(["followup", "list", "--county", "lenjan", "--json", "--today", "1405/09/01"]) == 0
    assert {r["county_code"] for r in json.loads(capsys.readouterr().out)} == {"lenjan"}


def test_store_staleness_and_the_overdue_lists_agree():
    """One home for "days since the last follow-up": store.followups' staleness and
    stale_projects and followup_status read the same days on a hand-made registry."""
    from types import SimpleNamespace

    from analytics.followup_status import days_since_followup
    from store.followups import stale_projects, staleness

    dataset = SimpleNamespace(projects=registry())
    by_status = status().projects.set_index("project_id")
    frame = staleness(dataset, log(), TODAY)
    # closed projects (a-3 completed, b-2 cancelled) are left out; never followed up first,
    # then most neglected: a-2 (log 1404/03/01 beats the registry's 1404/01/01: 124 days),
    # a-1 (12), b-1 (the log's 1404/06/30 and the registry's agree: 2)
    assert list(frame["project_id"]) == ["a-4", "a-2", "a-1", "b-1"]
    assert list(frame["days_since"].astype("object").fillna(-1)) == [-1, 124, 12, 2]
    for _, row in frame.iterrows():
        shared = by_status.loc[row["project_id"]]
        for column in ("last_date", "days_since"):
            mine, theirs = row[column], shared[column]
            assert (pd.isna(mine) and pd.isna(theirs)) if pd.isna(mine) else mine == theirs
    stale = stale_projects(dataset, log(), TODAY, 90)
    assert stale == ["a-4", "a-2"]
    assert set(stale) == set(by_status.index[by_status["is_stale"]])
    # include_closed: the closed ones come back with the same days as the shared function
    everything = staleness(dataset, log(), TODAY, include_closed=True)
    assert list(everything["project_id"]) == ["a-3", "a-4", "b-2", "a-2", "a-1", "b-1"]
    shared = days_since_followup(registry(), log(), TODAY).set_index("project_id")
    assert (everything.set_index("project_id")["days_since"]
            .equals(shared["days_since"].reindex(everything["project_id"])))
    assert stale_projects(dataset, log(), TODAY, 90, include_closed=True) == [
        "a-3", "a-4", "b-2", "a-2"]
