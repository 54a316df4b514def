"""The Scenario page under Streamlit's AppTest (no browser): building edits with widgets,
baseline against scenario (the numbers of ``scenario_report``), the link (``?s=``), saved
scenarios (save, list, load, compare, delete, invalid files)."""

import functools
import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest, local_script_runner

from analytics.filters import ProjectFilter
from analytics.scenario import Scenario, scenario_report
from briefing.report import measure_value_text
from figures.scenario_charts import signed
from i18n import fmt_int, fmt_number, t
from store import add_user
from store.scenarios import save_scenario, scenario_from_query, scenario_to_query

ROOT = Path(__file__).resolve().parents[1]
SCENARIO = "scenario_page:scenario"
EXAMPLE = Scenario.from_dict({"version": 1, "edits": [
    {"type": "shift_budget", "share": 0.1, "rule": "deprivation"},
    {"type": "set_projects", "filter": {"sectors": ["tourism"]}, "status": "completed"},
    {"type": "add_project", "county": "nain", "sector": "tourism", "title_fa": "هتل کویر",
     "budget_billion_rials": 500, "expected_jobs": 120, "status": "completed"},
]})


PASSWORD = "correct-horse-1"


@pytest.fixture(autouse=True)
def scenario_dir(tmp_path, monkeypatch):
    folder = tmp_path / "scenarios"
    monkeypatch.setenv("PISHRAN_SCENARIO_DIR", str(folder))
    # accounts and sign-in counters of this test only
    monkeypatch.setenv("PISHRAN_USERS_FILE", str(tmp_path / "users.toml"))
    monkeypatch.setenv("PISHRAN_AUTH_STATE", str(tmp_path / "login_failures.json"))
    monkeypatch.setenv("PISHRAN_BCRYPT_ROUNDS", "4")
    return folder


def sign_in(at: AppTest, name: str, role: str = "editor") -> AppTest:
    """Create the account ``name`` and sign in with the form of the saved-scenario section
    (open it first)."""
    add_user(name, PASSWORD, role, by="tests")
    rerun(at)  # the form appears once there is an account
    at.text_input(key="auth_name").input(name)
    at.text_input(key="auth_password").input(PASSWORD)
    next(b for b in at.button if b.label == t("data_page.auth.submit", "fa")).click()
    return rerun(at)


def open_page(lang: str = "fa", query: dict | None = None) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=180)
    if lang != "fa":
        at.session_state["lang"] = lang
    for key, value in (query or {}).items():
        at.query_params[key] = value
    at.switch_page("pages/scenario.py")
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def rerun(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def open_saved_sections(at: AppTest) -> AppTest:
    """Open the saved-scenario and comparison expanders (lazy: their content runs only
    while open) and rerun."""
    at.session_state["scn_store_open"] = True
    at.session_state["scn_cmp_open"] = True
    return rerun(at)


def show(at: AppTest, view: str) -> AppTest:
    """Choose the result section drawn below the measures (map, counties, ranks, labour)."""
    at.segmented_control(key="scn_view").set_value(view)
    return rerun(at)


def fragment_rerun(at: AppTest, name: str) -> AppTest:
    """Rerun only the fragment function ``name``, as the browser asks after a change to one
    of its widgets (``AppTest.run()`` always reruns the whole app).  The fragment's id is
    looked up among those the last run registered and put in the rerun request.  After a
    fragment-only rerun ``at`` holds only the fragment's elements."""
    ids = [fid for fid, wrapper in at._fragment_storage._fragments.items()
           if any(getattr(cell.cell_contents, "__name__", None) == name
                  for cell in wrapper.__closure__ or ())]
    assert len(ids) == 1, ids
    original = local_script_runner.RerunData
    local_script_runner.RerunData = functools.partial(original, fragment_id_queue=ids)
    try:
        return rerun(at)
    finally:
        local_script_runner.RerunData = original


def measures_table(at, lang="fa"):
    found = [tb.value for tb in at.table if t("balance.col.reading", lang) in tb.value.columns]
    assert len(found) == 1
    return found[0]


def panel_table(at, lang="fa"):
    column = (t("report.col.budget_total", lang), t("scenario.report.change", lang))
    found = [tb.value for tb in at.table if column in tb.value.columns]
    assert len(found) == 1
    return found[0]


def assert_report_numbers(at, ds, scenario, lang="fa", x="budget_total"):
    """Every number of the measures and county tables is scenario_report's, formatted."""
    report = scenario_report(ds, scenario, ProjectFilter(), x)
    table = measures_table(at, lang)
    base, scen, change = (t(f"scenario.report.{k}", lang) for k in
                          ("baseline", "scenario", "change"))
    assert len(table) == len(report["balance"]) == 19
    for row in report["balance"]:
        shown = table.loc[t(f"measure_id.{row['measure_id']}", lang)]
        assert shown[base] == measure_value_text(row["baseline"], lang)
        assert shown[scen] == measure_value_text(row["scenario"], lang)
        big = max(abs(row["baseline"]), abs(row["scenario"])) >= 10
        assert shown[change] == signed(row["change"], lang, 1 if big else 3)
    show(at, "counties")
    counties = panel_table(at, lang)
    name = "name_fa" if lang == "fa" else "name_en"
    label = t("report.col.budget_total", lang)
    for row in report["panel"]:
        matches = [i for i in counties.index if i == row[name] or i == f"{row[name]} ◆"]
        assert len(matches) == 1
        shown = counties.loc[matches[0]]
        assert shown[(label, base)] == fmt_number(row["budget_total_baseline"], lang, 0)
        assert shown[(label, scen)] == fmt_number(row["budget_total_scenario"], lang, 0)
        assert shown[(label, change)] == signed(row["budget_total_change"], lang, 0)
    return report


def messages(at) -> str:
    return "\n".join(e.value for e in [*at.error, *at.warning, *at.success, *at.info])


# --- no scenario ------------------------------------------------------------------------


def test_no_scenario_baseline_equals_scenario(ds):
    at = open_page()
    assert at.title[0].value == t("scenario_page.title", "fa")
    assert at.session_state[SCENARIO] == Scenario()
    assert t("scenario_page.empty", "fa") in messages(at)
    table = measures_table(at)
    changes = table[t("scenario.report.change", "fa")]
    assert set(changes) == {"۰٫۰۰۰", "۰٫۰"} or set(changes) == {"۰٫۰۰۰"}
    assert (table[t("scenario.report.baseline", "fa")]
            == table[t("scenario.report.scenario", "fa")]).all()
    assert_report_numbers(at, ds, Scenario())
    counties = panel_table(at)
    assert all(v in ("۰", "۰٫۰") for column in counties.columns
               if column[1] == t("scenario.report.change", "fa") for v in counties[column])
    # one result section at a time: with the county table, only the measures' chart
    assert len(at.get("plotly_chart")) == 1
    # no link parameter for an empty scenario
    assert "s" not in at.query_params


def test_one_result_section_at_a_time_kept_in_the_link(ds):
    at = open_page()
    charts = lambda: len(at.get("plotly_chart"))  # noqa: E731
    # the map first: the measures' chart and the map, no county table, no labour table
    assert at.segmented_control(key="scn_view").value == "map"
    assert charts() == 2 and at.selectbox(key="scn_map").value == "budget_per_capita"
    assert not [tb for tb in at.table if (t("report.col.budget_total", "fa"),
                                          t("scenario.report.change", "fa")) in tb.value.columns]
    assert "scn_view" not in at.query_params
    at.selectbox(key="scn_map").set_value("n_projects")
    rerun(at)
    show(at, "ranks")
    assert charts() == 2 and at.query_params["scn_view"] == "ranks"
    at.radio(key="scn_rank_kind").set_value("measure")
    rerun(at)
    show(at, "labour")
    assert charts() == 1 and at.query_params["scn_view"] == "labour"
    assert "بالا می‌رود" in "\n".join(m.value for m in at.markdown)  # the demonstration
    # choices of hidden sections are kept: the map's measure (also in the link), the ranks'
    assert at.query_params["scn_map"] == "n_projects"
    show(at, "ranks")
    assert at.radio(key="scn_rank_kind").value == "measure"
    show(at, "counties")
    assert at.selectbox(key="scn_map").value == "n_projects"
    assert (t("report.col.n_projects", "fa"), t("scenario.report.change", "fa")) in \
        panel_table(at).columns
    # the link opens the same section; a bad value falls back to the map with a notice
    at = open_page(query={"scn_view": "labour"})
    assert at.segmented_control(key="scn_view").value == "labour"
    assert charts() == 1
    at = open_page(query={"scn_view": "nonsense"})
    assert at.segmented_control(key="scn_view").value == "map"
    assert any("scn_view" in w.value for w in at.warning)


def test_english_page_renders(ds):
    at = open_page("en")
    assert at.title[0].value == t("scenario_page.title", "en")
    assert_report_numbers(at, ds, Scenario(), lang="en")
    show(at, "labour")
    assert "unemployed′ = U − J(1 − m) + J·m·k" in "\n".join(m.value for m in at.markdown)


# --- building edits with the widgets ------------------------------------------------------


def test_shift_budget_from_the_widgets_lowers_the_centre_share(ds):
    at = open_page()
    assert at.radio(key="scn_kind").value == "shift_budget"
    assert at.multiselect(key="scn_from").value == ["isfahan"]
    at.select_slider(key="scn_share").set_value(20)
    at.radio(key="scn_rule").set_value("equal")
    rerun(at)
    at.button(key="scn_add").click()
    rerun(at)
    scenario = at.session_state[SCENARIO]
    assert len(scenario.edits) == 1
    edit = scenario.edits[0]
    assert (edit.kind, edit.share, edit.rule, edit.from_counties) == ("shift_budget", 0.2,
                                                                       "equal", None)
    report = assert_report_numbers(at, ds, scenario)
    share = next(r for r in report["balance"] if r["measure_id"] == "centre_share_x")
    assert share["scenario"] < share["baseline"] - 0.05
    metric = at.metric[0]
    assert metric.label == t("scenario_page.metric.centre_share", "fa", x="بودجه")
    assert metric.value == fmt_number(share["scenario"] * 100, "fa", 1) + "٪"
    # the edit is listed (described, marked hypothetical) with a remove button, in the link
    assert any("◆ انتقال ۲۰٪ بودجه" in m.value for m in at.markdown)
    decoded, problems = scenario_from_query(at.query_params["s"][0]
                                            if isinstance(at.query_params["s"], list)
                                            else at.query_params["s"])
    assert not problems and decoded.edits == scenario.edits
    at.button(key="scn_rm_0").click()
    rerun(at)
    assert at.session_state[SCENARIO].is_empty()


def test_builder_and_saved_scenarios_rerun_alone_until_the_scenario_changes(ds, scenario_dir):
    at = open_page()
    # a builder widget reruns only the builder: no title, results or charts are redrawn
    at.select_slider(key="scn_share").set_value(30)
    fragment_rerun(at, "builder")
    assert not at.title and not at.table and not at.get("plotly_chart")
    assert at.select_slider(key="scn_share").value == 30
    at.radio(key="scn_kind").set_value("cancel")
    fragment_rerun(at, "builder")
    assert at.multiselect(key="scn_sel_sectors") is not None and not at.title
    # a refused edit stays in the builder, with its message
    at.radio(key="scn_sel_mode").set_value("ids")
    fragment_rerun(at, "builder")
    at.button(key="scn_add").click()
    fragment_rerun(at, "builder")
    assert t("scenario_page.problem.no_ids", "fa") in messages(at) and not at.title
    # an added edit changes the scenario: the whole page reruns, edit listed, results updated
    at.radio(key="scn_kind").set_value("shift_budget")
    fragment_rerun(at, "builder")
    at.select_slider(key="scn_share").set_value(30)
    fragment_rerun(at, "builder")
    at.button(key="scn_add").click()
    fragment_rerun(at, "builder")
    scenario = at.session_state[SCENARIO]
    assert [e.kind for e in scenario.edits] == ["shift_budget"]
    assert scenario.edits[0].share == 0.3
    assert at.title and any("◆ انتقال ۳۰٪ بودجه" in m.value for m in at.markdown)
    assert_report_numbers(at, ds, scenario)
    # saved scenarios: saving/deleting rerun the section, loading reruns the page
    save_scenario("saved", EXAMPLE, dataset=ds, by="tests")
    open_saved_sections(at)
    at.selectbox(key="scn_cmp_b").set_value("saved")
    fragment_rerun(at, "saved_scenarios")
    assert not at.title and len(at.table) == 2  # the list of saved scenarios, the comparison
    at.button(key="scn_load").click()
    fragment_rerun(at, "saved_scenarios")
    assert at.session_state[SCENARIO].edits == EXAMPLE.edits
    assert at.title and t("scenario_page.loaded", "fa", name="saved",
                          n=fmt_int(3, "fa")) in messages(at)
    assert_report_numbers(at, ds, EXAMPLE)


def test_sections_rerun_alone_and_another_x_reruns_the_page(ds, scenario_dir):
    at = open_page()
    at.button(key="scn_add").click()  # the builder's default: 10 % of the centre's budget
    rerun(at)
    scenario = at.session_state[SCENARIO]
    assert len(scenario.edits) == 1
    # the section and the map measure rerun only the section: no builder, no title, no
    # headline metrics or measures table
    at.segmented_control(key="scn_view").set_value("counties")
    fragment_rerun(at, "sections")
    assert not at.title and "scn_kind" not in {r.key for r in at.radio}
    assert not at.metric and "scn_x" not in {s.key for s in at.selectbox}
    assert at.query_params["scn_view"] == "counties"
    assert at.query_params["s"]  # the scenario stays in the link
    at.selectbox(key="scn_map").set_value("jobs_per_1000")
    fragment_rerun(at, "sections")
    assert not at.title and at.query_params["scn_map"] == "jobs_per_1000"
    table = [tb.value for tb in at.table if tb.value.columns.nlevels == 2]
    assert len(table) == 1 and t("measure.jobs_per_1000", "fa") in " ".join(
        map(str, table[0].columns.get_level_values(0)))
    # X is outside the section (the saved-scenario comparison shows it too): the page reruns
    rerun(at)
    at.selectbox(key="scn_x").set_value("jobs_total")
    rerun(at)
    assert at.title and "scn_kind" in {r.key for r in at.radio}
    assert at.query_params["scn_x"] == "jobs_total"
    assert at.query_params["scn_view"] == "counties"  # the section is kept
    assert_report_numbers(at, ds, scenario, x="jobs_total")


def test_set_projects_by_filter_and_add_project_with_jalali_dates(ds):
    at = open_page()
    at.radio(key="scn_kind").set_value("set_projects")
    rerun(at)
    at.multiselect(key="scn_sel_sectors").set_value(["tourism"])
    at.selectbox(key="scn_set_status").set_value("completed")
    at.text_input(key="scn_set_end").input("۱۴۰۵/۱۲/۲۹")
    rerun(at)
    at.button(key="scn_add").click()
    rerun(at)
    edit = at.session_state[SCENARIO].edits[0]
    assert edit.kind == "set_projects" and edit.filter.sectors == ("tourism",)
    assert (edit.status, edit.planned_end) == ("completed", "1405/12/29")

    at.radio(key="scn_kind").set_value("add_project")
    rerun(at)
    at.selectbox(key="scn_add_county").set_value("nain")
    at.text_input(key="scn_add_title_fa").input("هتل کویر")
    at.selectbox(key="scn_add_status").set_value("completed")
    at.text_input(key="scn_add_start").input("1405/02/31")  # Ordibehesht has 31 days
    at.text_input(key="scn_add_end").input("1404/01/01")    # before the start: refused
    rerun(at)
    at.button(key="scn_add").click()
    rerun(at)
    assert len(at.session_state[SCENARIO].edits) == 1
    assert t("scenario_page.add_refused", "fa") in messages(at)
    at.text_input(key="scn_add_end").input("1407/13/01")   # no 13th month: refused
    rerun(at)
    at.button(key="scn_add").click()
    rerun(at)
    assert len(at.session_state[SCENARIO].edits) == 1
    assert "تاریخ شمسی معتبر نیست" in messages(at)
    at.text_input(key="scn_add_end").input("1407/12/29")
    rerun(at)
    at.button(key="scn_add").click()
    rerun(at)
    scenario = at.session_state[SCENARIO]
    assert [e.kind for e in scenario.edits] == ["set_projects", "add_project"]
    assert scenario.edits[1].planned_start == "1405/02/31"
    assert_report_numbers(at, ds, scenario)
    # the hypothetical project is listed and marked
    hyp = [tb.value for tb in at.table if t("scenario_page.col.id", "fa") in tb.value.index.names]
    assert len(hyp) == 1 and all(i.startswith("◆ hyp-") for i in hyp[0].index)
    assert set(hyp[0][t("scenario_page.col.kind", "fa")]) == {t("scenario.hypothetical", "fa")}
    assert list(hyp[0][t("scenario_page.col.title", "fa")]) == ["هتل کویر"]


def test_cancel_chosen_projects_by_id(ds):
    at = open_page()
    at.radio(key="scn_kind").set_value("cancel")
    rerun(at)
    at.radio(key="scn_sel_mode").set_value("ids")
    rerun(at)
    at.button(key="scn_add").click()  # nothing chosen: refused in plain words
    rerun(at)
    assert t("scenario_page.problem.no_ids", "fa") in messages(at)
    ids = list(ds.projects["project_id"][:2])
    at.multiselect(key="scn_sel_ids").set_value(ids)
    rerun(at)
    at.button(key="scn_add").click()
    rerun(at)
    edit = at.session_state[SCENARIO].edits[0]
    assert edit.kind == "cancel" and edit.ids == tuple(ids)


def test_labour_assumptions_and_the_demonstration(ds):
    at = open_page()
    at.radio(key="scn_kind").set_value("assumptions")
    rerun(at)
    assert (at.select_slider(key="scn_m").value, at.select_slider(key="scn_k").value) == (0.6, 1.0)
    at.selectbox(key="scn_group").set_value("other")
    rerun(at)
    assert (at.select_slider(key="scn_m").value, at.select_slider(key="scn_k").value) == (0.3, 0.5)
    show(at, "labour")
    text = "\n".join(m.value for m in at.markdown)
    assert "بیکاران′ = U − J(1 − m) + J·m·k" in text
    assert "بالا می‌رود" in text  # the demonstration: the rate rises although jobs are added
    at.button(key="scn_demo").click()
    rerun(at)
    edit = at.session_state[SCENARIO].edits[0]
    assert (edit.kind, edit.group, edit.m, edit.k) == ("assumptions", "industrial", 0.8, 2.0)


# --- the link -----------------------------------------------------------------------------


def test_link_round_trip_gives_the_same_edits_and_numbers(ds):
    at = open_page(query={"s": scenario_to_query(EXAMPLE)})
    assert at.session_state[SCENARIO].edits == EXAMPLE.edits
    assert not at.warning
    assert_report_numbers(at, ds, EXAMPLE)
    show(at, "labour")
    labour = [tb.value for tb in at.table
              if t("scenario.labour.unemployment_rate_new", "fa") in tb.value.columns]
    assert len(labour) == 1 and len(labour[0]) > 0
    query = at.query_params["s"]
    query = query[0] if isinstance(query, list) else query
    assert scenario_from_query(query)[0].edits == EXAMPLE.edits


@pytest.mark.parametrize("tampered", [
    "z1.AAAA", "garbage", "{\"version\": 1, \"edits\": [{\"type\": \"explode\"}]}",
    scenario_to_query(Scenario.from_dict({"version": 1, "edits": [
        {"type": "cancel", "ids": ["no-such-project"]}]})),
    "z1." + "A" * 5000,
])
def test_tampered_link_gives_an_empty_scenario_and_a_notice(tampered):
    at = open_page(query={"s": tampered})
    assert at.session_state[SCENARIO] == Scenario()
    assert any(t("scenario_page.link_rejected", "fa") in w.value for w in at.warning)
    assert "s" not in at.query_params


# --- saved scenarios --------------------------------------------------------------------------


def test_closed_expanders_do_not_run_their_content(ds, scenario_dir):
    at = open_page(query={"s": scenario_to_query(EXAMPLE)})
    keys = {w.key for w in (*at.text_input, *at.selectbox)}
    assert "scn_save_name" not in keys and "scn_cmp_b" not in keys  # nothing saved yet
    log = t("scenario_page.log_heading", "fa")
    assert not any(m.value.startswith("۱. ") and "پروژه" in m.value for m in at.markdown
                   if log in m.value)
    open_saved_sections(at)
    keys = {w.key for w in (*at.text_input, *at.selectbox)}
    assert {"scn_save_name", "scn_cmp_a", "scn_cmp_b"} <= keys
    # with a saved scenario the store opens by itself on a new session
    save_scenario("saved", EXAMPLE, dataset=ds, by="tests")
    again = open_page()
    assert "scn_load_name" in {w.key for w in again.selectbox}
    assert "scn_cmp_b" not in {w.key for w in again.selectbox}


def test_save_list_load_compare_delete(ds, scenario_dir):
    at = open_page(query={"s": scenario_to_query(EXAMPLE)})
    open_saved_sections(at)
    sign_in(at, "editor1")
    at.text_input(key="scn_save_name").input("گردشگری خور")
    at.text_input(key="scn_save_description").input("آزمون")
    rerun(at)
    at.button(key="scn_save").click()
    rerun(at)
    path = scenario_dir / "گردشگری خور.json"
    assert path.is_file(), messages(at)
    assert json.loads(path.read_text("utf-8"))["description"] == "آزمون"
    assert at.selectbox(key="scn_load_name").options == ["گردشگری خور"]

    at.button(key="scn_clear").click()
    rerun(at)
    assert at.session_state[SCENARIO].is_empty()
    at.button(key="scn_load").click()
    rerun(at)
    assert at.session_state[SCENARIO].edits == EXAMPLE.edits
    assert_report_numbers(at, ds, EXAMPLE)

    # compare the baseline with the saved scenario: the measures side by side
    at.selectbox(key="scn_cmp_b").set_value("گردشگری خور")
    rerun(at)
    column = t("scenario_page.col.b_minus_a", "fa")
    compare = [tb.value for tb in at.table if column in tb.value.columns]
    assert len(compare) == 1
    report = scenario_report(ds, EXAMPLE)
    share = next(r for r in report["balance"] if r["measure_id"] == "centre_share_x")
    row = compare[0].loc[t("measure_id.centre_share_x", "fa")]
    assert row["گردشگری خور"] == measure_value_text(share["scenario"], "fa")
    assert row[t("scenario.report.baseline", "fa")] == measure_value_text(share["baseline"], "fa")

    # delete needs the confirmation
    assert at.button(key="scn_del").disabled and path.is_file()
    at.checkbox(key="scn_del_confirm").check()
    rerun(at)
    assert not at.button(key="scn_del").disabled
    at.button(key="scn_del").click()
    rerun(at)
    assert not path.exists()
    assert t("scenario.deleted", "fa", name="گردشگری خور") in messages(at)


def test_invalid_saved_files_are_refused_and_others_untouched(ds, scenario_dir):
    save_scenario("good", EXAMPLE, dataset=ds, by="tests")
    good = (scenario_dir / "good.json").read_bytes()
    (scenario_dir / "broken.json").write_text("{not json", encoding="utf-8")
    (scenario_dir / "bad edit.json").write_text(json.dumps(
        {"version": 1, "edits": [{"type": "shift_budget", "share": 3}]}), encoding="utf-8")
    at = open_page()
    text = messages(at)
    assert t("scenario_page.invalid_file", "fa", name="broken") in text
    assert t("scenario_page.invalid_file", "fa", name="bad edit") in text
    assert "JSON معتبر نیست" in text and "باید بین" in text
    at.selectbox(key="scn_load_name").set_value("bad edit")
    rerun(at)
    at.button(key="scn_load").click()
    rerun(at)
    assert t("scenario_page.load_refused", "fa", name="bad edit") in messages(at)
    assert at.session_state[SCENARIO].is_empty()
    assert (scenario_dir / "good.json").read_bytes() == good
    # a bad name is refused, nothing written
    at.selectbox(key="scn_load_name").set_value("good")
    rerun(at)
    at.button(key="scn_load").click()
    rerun(at)
    assert at.session_state[SCENARIO].edits == EXAMPLE.edits
    sign_in(at, "editor1")
    at.text_input(key="scn_save_name").input("../escape")
    rerun(at)
    at.button(key="scn_save").click()
    rerun(at)
    assert t("scenario_page.save_refused", "fa") in messages(at)
    assert sorted(p.name for p in scenario_dir.iterdir()) == ["bad edit.json", "broken.json",
                                                              "good.json"]


def test_saving_needs_a_person_and_changes_only_by_the_author_or_an_editor(ds, scenario_dir):
    """Issue 13, point 8: without signing in the save and delete buttons are disabled with
    a Persian explanation (loading and the share link still work); a viewer saves their
    own scenario but may not overwrite or delete another's or an old file without an
    author; an editor may."""
    save_scenario("theirs", EXAMPLE, dataset=ds, by="reza")
    old = {"version": 1, "name": "old", "edits": [{"type": "shift_budget", "share": 0.1,
                                                    "rule": "equal"}]}
    (scenario_dir / "old.json").write_text(json.dumps(old), encoding="utf-8")
    before = {p.name: p.read_bytes() for p in scenario_dir.iterdir()}
    at = open_page(query={"s": scenario_to_query(EXAMPLE)})
    open_saved_sections(at)
    explanation = t("store.scenario.sign_in", "fa")
    assert "وارد شوید" in explanation
    assert explanation in [i.value for i in at.info]
    save = at.button(key="scn_save")
    assert save.disabled and save.help == explanation
    assert at.button(key="scn_del").disabled and at.checkbox(key="scn_del_confirm").disabled
    assert at.query_params["s"]  # the share link works for everyone
    at.selectbox(key="scn_load_name").set_value("theirs")
    rerun(at)
    at.button(key="scn_load").click()
    rerun(at)
    assert at.session_state[SCENARIO].edits == EXAMPLE.edits  # loading too
    assert {p.name: p.read_bytes() for p in scenario_dir.iterdir()} == before

    # a viewer saves their own scenario, with their name recorded
    sign_in(at, "mina", "viewer")
    assert explanation not in [i.value for i in at.info]
    at.text_input(key="scn_save_name").input("mine")
    rerun(at)
    assert not at.button(key="scn_save").disabled
    at.button(key="scn_save").click()
    rerun(at)
    assert json.loads((scenario_dir / "mine.json").read_text("utf-8"))["author"] == "mina"
    # … but may not overwrite another's: refused with the reason, file untouched
    at.text_input(key="scn_save_name").input("theirs")
    rerun(at)
    at.button(key="scn_save").click()
    rerun(at)
    refused = t("store.scenario.not_author", "fa", name="theirs", author="reza")
    assert refused in messages(at)
    assert (scenario_dir / "theirs.json").read_bytes() == before["theirs.json"]
    # nor delete another's or an old file without an author (disabled, with the reason)
    for name, reason in (("theirs", refused),
                         ("old", t("store.scenario.editors_only", "fa", name="old"))):
        at.selectbox(key="scn_del_name").set_value(name)
        rerun(at)
        assert at.button(key="scn_del").disabled and at.button(key="scn_del").help == reason
    # deleting their own works
    at.selectbox(key="scn_del_name").set_value("mine")
    rerun(at)
    at.checkbox(key="scn_del_confirm").check()
    rerun(at)
    at.button(key="scn_del").click()
    rerun(at)
    assert not (scenario_dir / "mine.json").exists()

    # an editor (another session) may delete the old file without an author
    editor = open_page()
    open_saved_sections(editor)
    sign_in(editor, "sara", "editor")
    editor.selectbox(key="scn_del_name").set_value("old")
    rerun(editor)
    editor.checkbox(key="scn_del_confirm").check()
    rerun(editor)
    editor.button(key="scn_del").click()
    rerun(editor)
    assert not (scenario_dir / "old.json").exists()
    assert t("scenario.deleted", "fa", name="old") in messages(editor)


def test_scenario_page_offers_its_json_tables_and_figures(ds):
    """Issue 16: the Scenario page offers the scenario (JSON), its tables (numbers as
    numbers, «سهم مرکز از بودجه» — never «… از X») and its figures as downloads."""
    from ui.pages.scenario.downloads import counties_frame, measures_frame

    at = open_page(query={"s": scenario_to_query(EXAMPLE)})
    keys = {b.key for b in at.get("download_button")}
    assert {"scn_dl_json", "dl_xlsx_scn_measures", "dl_csv_scn_measures",
            "dl_xlsx_scn_counties", "dl_png_scn_fig_map", "dl_svg_scn_fig_ranks"} <= keys
    report = scenario_report(ds, EXAMPLE, ProjectFilter(), "budget_total")
    measures = measures_frame(report, "budget_total", "fa")
    labels = list(measures[t("balance.col.measure", "fa")])
    assert "سهم مرکز از بودجه" in labels and not any("X" in label for label in labels)
    change = measures[t("scenario.report.change", "fa")]
    assert change.dtype.kind == "f" and change.notna().any()
    counties = counties_frame(report, "fa")
    assert len(counties) == len(report["panel"])
    assert counties.iloc[:, 2:].apply(lambda c: c.dtype.kind == "f").all()
    hyp = {r["county_code"] for r in report["hypothetical"]}
    assert (counties["◆"] == "◆").sum() == len(hyp) > 0
