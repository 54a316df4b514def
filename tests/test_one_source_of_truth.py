"""Issue 13, point 7 — one source of truth: after an import (and a follow-up), ``pishran
report --json``, the briefing deck of ``pishran export deck`` and the app's Overview all
show the store's current version — not the embedded CSVs."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from core.jalali import today_jalali
from core.schema import STATUSES
from i18n import fmt_int, t
from pishran.cli import main
from store import add_followup, import_file, open_store
from store.loading import data_dir, load_dataset

ROOT = Path(__file__).resolve().parents[1]
CHANGED, FOLLOWED, NEW_ID = "lenjan-03", "isfahan-01", "nain-99"


@pytest.fixture
def changed_store(tmp_path, monkeypatch):
    """A store of this test only, holding a changed registry as its current version:
    ``lenjan-03`` completed → stalled, one new project, and a follow-up moving
    ``isfahan-01`` (study) to in progress."""
    url = f"sqlite:///{tmp_path / 'pishran.db'}"
    monkeypatch.setenv("PISHRAN_DATABASE_URL", url)
    monkeypatch.setenv("PISHRAN_USERS_FILE", str(tmp_path / "users.toml"))
    monkeypatch.setenv("PISHRAN_SCENARIO_DIR", str(tmp_path / "scenarios"))
    frame = pd.read_csv(data_dir() / "projects.csv", dtype=str, keep_default_na=False)
    row = frame.index[frame["project_id"] == CHANGED][0]
    assert frame.loc[row, "status"] == "completed"
    frame.loc[row, ["status", "actual_end"]] = ["stalled", ""]
    extra = frame[frame["county_code"] == "nain"].iloc[[0]].copy()
    extra["project_id"] = NEW_ID
    extra["title_fa"] = "پروژه آزمون یک منبع"
    extra["title_en"] = "One-source test project"
    frame = pd.concat([frame, extra], ignore_index=True)
    with open_store(url) as store:
        store.ensure_seeded()
        result = import_file(store, frame.to_csv(index=False).encode("utf-8"), "changed.csv",
                             "projects", "tester")
        assert result.ok, [p.message("en") for p in result.problems]
        add_followup(store, FOLLOWED, today_jalali(), "in_progress", user="tester",
                     person="فرمانداری")
        current = store.current_dataset()
    return url, current


def status_counts(projects: pd.DataFrame) -> dict[str, int]:
    counts = projects["status"].value_counts()
    return {s: int(counts.get(s, 0)) for s in STATUSES}


def test_report_deck_and_app_agree_on_the_store(changed_store, monkeypatch, capsys):
    _url, current = changed_store
    embedded = load_dataset().projects
    expected = status_counts(current.projects)
    n = len(current.projects)
    # the store's version differs from the embedded files where the import/follow-up said
    assert n == len(embedded) + 1
    assert expected["stalled"] == status_counts(embedded)["stalled"] + 1
    assert expected["completed"] == status_counts(embedded)["completed"] - 1
    by_id = current.projects.set_index("project_id")["status"]
    assert (by_id[CHANGED], by_id[FOLLOWED]) == ("stalled", "in_progress")

    # pishran report --json (no dataset passed in: the command reads the store)
    assert main(["report", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    province = report["totals"]["province"]
    assert province["n_projects"] == n
    assert {s: province[f"n_{s}"] for s in STATUSES} == expected
    lenjan = next(r for r in report["panel"] if r["code"] == "lenjan")
    assert lenjan["n_projects"] == int((current.projects["county_code"] == "lenjan").sum())

    # pishran export deck: its key-figures slide counts the store's projects
    import exports.deck

    seen = []
    monkeypatch.setattr(exports.deck, "build_deck",
                        lambda specs, lang="fa", progress=None: seen.append(list(specs))
                        or b"pptx")
    out = Path(_url.removeprefix("sqlite:///")).with_name("deck.pptx")
    assert main(["export", "deck", "--out", str(out), "--views", "status_bars"]) == 0
    key = next(s for s in seen[0] if s.subtitle == t("deck.key_figures", "fa"))
    rows = {r[0]: r[1] for r in key.table[1:]}
    assert rows[t("views.kf.projects", "fa")] == fmt_int(n, "fa")
    assert key.title.startswith(fmt_int(n, "fa") + " ")  # the finding counts them too
    capsys.readouterr()

    # the app's Overview: the same number of projects and the same counts per status
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120).run()
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    for status in STATUSES:
        assert metrics[t(f"status.{status}", "fa")] == fmt_int(expected[status], "fa"), status
    heading = t("overview.status_heading", "fa", n=fmt_int(n, "fa"))
    assert any(h.value == heading for h in at.subheader)


def test_report_without_a_reachable_store_fails_instead_of_using_the_files(
        tmp_path, monkeypatch, capsys):
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("")
    monkeypatch.setenv("PISHRAN_DATABASE_URL", f"sqlite:///{blocker / 'x.db'}")
    err = io.StringIO()
    from pishran.cli import build_parser
    from pishran.report_command import run_report

    args = build_parser().parse_args(["report", "--json"])
    out = io.StringIO()
    assert run_report(args, out=out, err=err) == 1
    assert out.getvalue() == "" and "cannot read the store" in err.getvalue()
