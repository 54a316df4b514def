"""``pishran report --scenario FILE_OR_NAME``: baseline and scenario side by side, JSON,
and a clear refusal (exit code 2) for unknown or invalid scenarios."""

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from analytics.filters import ProjectFilter
from analytics.scenario import Scenario, scenario_report
from briefing.report import measure_value_text
from i18n import t
from pishran.cli import build_parser
from pishran.report_command import run_report
from store.scenarios import save_scenario

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = {"version": 1, "edits": [
    {"type": "shift_budget", "share": 0.2, "rule": "per_capita"},
    {"type": "add_project", "county": "nain", "sector": "tourism", "title_fa": "هتل کویر",
     "budget_billion_rials": 500, "expected_jobs": 120, "status": "completed"},
]}


@pytest.fixture
def scenario_dir(tmp_path, monkeypatch):
    folder = tmp_path / "scenarios"
    monkeypatch.setenv("PISHRAN_SCENARIO_DIR", str(folder))
    return folder


def _report(argv, ds):
    args = build_parser().parse_args(["report", *argv])
    out, err = io.StringIO(), io.StringIO()
    code = run_report(args, dataset=ds, out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def _strict(text: str):
    def refuse(constant):
        raise AssertionError(f"JSON holds {constant}")
    return json.loads(text, parse_constant=refuse)


def test_saved_scenario_prints_baseline_and_scenario_columns(ds, scenario_dir):
    save_scenario("tourism push", EXAMPLE, dataset=ds, by="tests")
    code, out, err = _report(["--scenario", "tourism push", "--lang", "en"], ds)
    assert code == 0, err
    assert "Pishran report: baseline against scenario 'tourism push'" in out
    header = next(line for line in out.splitlines() if "Baseline" in line and "Scenario" in line)
    assert "Change" in header
    expected = scenario_report(ds, Scenario.from_dict(EXAMPLE), ProjectFilter(), "budget_total")
    share = next(r for r in expected["balance"] if r["measure_id"] == "centre_share_x")
    row = next(line for line in out.splitlines() if line.strip().startswith(
        t("measure_id.centre_share_x", "en")))
    assert measure_value_text(share["baseline"], "en") in row
    assert measure_value_text(share["scenario"], "en") in row
    assert share["scenario"] < share["baseline"]
    # the edits, the hypothetical project (marked) and the labour note are there too
    assert "hypothetical project 'هتل کویر'" in out
    assert "◆ hyp-" in out
    assert expected["labour_note"]["en"] in out


def test_scenario_file_by_path_and_persian_labels(ds, tmp_path):
    path = tmp_path / "mine.json"
    path.write_text(json.dumps(EXAMPLE, ensure_ascii=False), encoding="utf-8")
    code, out, _ = _report(["--scenario", str(path), "--lang", "fa"], ds)
    assert code == 0
    assert t("scenario.report.baseline", "fa") in out and t("scenario.report.scenario", "fa") in out
    assert "۰٫۵۳۷" in out  # Persian digits: the baseline centre share of the budget


def test_json_is_the_scenario_report(ds, tmp_path):
    path = tmp_path / "mine.json"
    path.write_text(json.dumps(EXAMPLE), encoding="utf-8")
    code, out, _ = _report(["--scenario", str(path), "--json", "--measure", "jobs_total",
                            "--county", "nain", "--county", "isfahan"], ds)
    assert code == 0
    data = _strict(out)
    flt = ProjectFilter(counties=("nain", "isfahan"))
    expected = scenario_report(ds, Scenario.from_dict(EXAMPLE), flt, "jobs_total")
    assert data["measure"] == "jobs_total" and data["filter"] == flt.to_dict()
    assert set(data) == set(expected)
    for got, want in zip(data["balance"], expected["balance"]):
        assert got["measure_id"] == want["measure_id"]
        for side in ("baseline", "scenario", "change"):
            assert got[side] == pytest.approx(want[side]) if want[side] is not None \
                else got[side] is None
    assert [e["type"] for e in data["edits"]] == ["shift_budget", "add_project"]
    assert data["hypothetical"] and all(h["project_id"].startswith("hyp-")
                                        for h in data["hypothetical"])


@pytest.mark.parametrize("content, needle", [
    ("{not json", "not valid JSON"),
    (json.dumps({"version": 1, "edits": [{"type": "shift_budget", "share": 2}]}),
     "must be between"),
    (json.dumps({"version": 1, "edits": [{"type": "cancel", "ids": ["no-such-project"]}]}),
     "unknown project"),
    (json.dumps({"version": 7, "edits": []}), "unsupported version"),
])
def test_bad_file_exits_2_with_the_problems(ds, tmp_path, content, needle):
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    code, out, err = _report(["--scenario", str(path), "--lang", "en"], ds)
    assert code == 2 and out == ""
    assert err.startswith("pishran report: error: scenario")
    assert needle in err


def test_unknown_name_exits_2(ds, scenario_dir):
    code, out, err = _report(["--scenario", "nothing here", "--lang", "en"], ds)
    assert code == 2 and out == ""
    assert "no scenario is saved under this name" in err


def test_bad_option_still_checked_first(ds, scenario_dir):
    code, _, err = _report(["--scenario", "x", "--measure", "nope"], ds)
    assert code == 2 and "unknown measure" in err


def test_command_line_end_to_end(tmp_path):
    path = tmp_path / "mine.json"
    path.write_text(json.dumps(EXAMPLE), encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "pishran", "report", "--scenario", str(path),
                          "--json"], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert run.returncode == 0, run.stderr
    assert _strict(run.stdout)["scenario"]["edits"][0]["type"] == "shift_budget"
    bad = subprocess.run([sys.executable, "-m", "pishran", "report", "--scenario",
                          str(tmp_path / "missing.json")], capture_output=True, text=True,
                         cwd=ROOT, timeout=300)
    assert bad.returncode == 2 and "refused" in bad.stderr


def test_report_names_chosen_projects_by_title(ds):
    """Issue 16: the report's (and the deck's, and the CLI's) change descriptions name the
    chosen projects by title, not by raw id."""
    pid = ds.projects["project_id"].iloc[0]
    row = ds.projects.set_index("project_id").loc[pid]
    scenario = Scenario.from_dict({"version": 1, "name": "t",
                                   "edits": [{"type": "cancel", "ids": [pid]}]})
    report = scenario_report(ds, scenario)
    assert f"«{row['title_fa']}»" in report["edits"][0]["fa"]
    english = row["title_en"] if isinstance(row["title_en"], str) else row["title_fa"]
    assert f"«{english}»" in report["edits"][0]["en"]
