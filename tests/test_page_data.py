"""AppTest of the Data page: read-only without accounts; an editor signs in through the
form, previews and stores an upload, sees a malformed file refused with every problem,
records a follow-up that appears in the timeline; wrong passwords lock the name."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from i18n import t
from store import add_user, open_store
from store.accounts import LOCKOUT_FAILURES as MAX_FAILURES

ROOT = Path(__file__).resolve().parents[1]
EDITOR, PASSWORD = "editor1", "correct-horse-1"


@pytest.fixture
def env(tmp_path, monkeypatch):
    """A store, accounts file and login counters of this test only."""
    url = f"sqlite:///{tmp_path / 'pishran.db'}"
    monkeypatch.setenv("PISHRAN_DATABASE_URL", url)
    monkeypatch.setenv("PISHRAN_USERS_FILE", str(tmp_path / "users.toml"))
    monkeypatch.setenv("PISHRAN_AUTH_STATE", str(tmp_path / "login_failures.json"))
    monkeypatch.setenv("PISHRAN_BCRYPT_ROUNDS", "4")
    return url


@pytest.fixture
def other(env):
    """A second Store on the same database (what another process would see)."""
    store = open_store(env)
    store.ensure_seeded()
    yield store
    store.close()


def run_page(**query) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    for key, value in query.items():
        at.query_params[key] = value
    at.switch_page("pages/data.py")
    return at.run()


def by_label(elements, label: str):
    found = [e for e in elements if e.label == label]
    assert found, f"no widget labelled {label!r}: {[e.label for e in elements]}"
    return found[0]


def sign_in(at: AppTest, name: str = EDITOR, password: str = PASSWORD) -> AppTest:
    at.text_input(key="auth_name").input(name)
    at.text_input(key="auth_password").input(password)
    by_label(at.button, t("data_page.auth.submit", "fa")).click()
    return at.run()


def texts(at: AppTest) -> str:
    parts = [e.value for kind in ("error", "warning", "info", "success", "text", "markdown")
             for e in getattr(at, kind)]
    return "\n".join(str(p) for p in parts)


def table_with(at: AppTest, column: str):
    """The first table on the page having ``column`` (AppTest keeps no dataframe keys)."""
    for frame in at.dataframe:
        if column in frame.value.columns:
            return frame.value
    raise AssertionError(f"no table with a {column!r} column")


def projects_csv(store, change: dict | None = None) -> bytes:
    frame = store.dataset_at(1).projects.copy()
    for (row, column), value in (change or {}).items():
        frame.loc[row, column] = value
    return frame.to_csv(index=False).encode("utf-8")


def test_read_only_without_accounts(env, other):
    at = run_page()
    assert not at.exception
    assert t("nav.data", "fa") in at.title[0].value
    assert any(t("data_page.auth.read_only_note", "fa") == i.value for i in at.info)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics[t("data_page.version", "fa")] == "۱"
    assert at.file_uploader[0].disabled
    submit = by_label(at.button, t("data_page.followup_submit", "fa"))
    assert submit.disabled
    assert not [w for w in at.text_input if w.key == "auth_name"]  # no sign-in form
    labels = [b.label for b in at.get("download_button")]
    assert t("data_page.template_button", "fa", kind=t("store.kind.projects", "fa")) in labels
    assert t("data_page.template_button", "fa", kind=t("store.kind.indicators", "fa")) in labels
    # the versions table shows the seed version
    versions = at.dataframe[0].value
    assert list(versions["id"]) == ["۱"]


def test_editor_previews_and_stores_a_new_version(env, other):
    add_user(EDITOR, PASSWORD, "editor")
    at = sign_in(run_page())
    assert not at.exception
    assert not at.file_uploader[0].disabled
    content = projects_csv(other, {(0, "budget_billion_rials"): 987654.0})
    at.file_uploader[0].set_value(("projects.csv", content, "text/csv"))
    at.run()
    assert not at.exception
    preview = t("store.import.preview", "fa", added="۰", changed="۱", removed="۰")
    assert any(i.value == preview for i in at.info), texts(at)
    assert other.current_version_id() == 1  # a preview stores nothing
    by_label(at.button, t("data_page.save", "fa")).click().run()
    assert not at.exception
    assert other.current_version_id() == 2
    assert any("۲" in s.value for s in at.success), texts(at)
    assert {m.label: m.value for m in at.metric}[t("data_page.version", "fa")] == "۲"
    changed = other.list_versions()[0].diff
    assert changed["n_changed"] == 1 and changed["changed"] == [
        str(other.dataset_at(1).projects.loc[0, "project_id"])]


def test_malformed_file_shows_every_problem_and_stores_nothing(env, other):
    add_user(EDITOR, PASSWORD, "editor")
    at = sign_in(run_page())
    content = projects_csv(other, {(1, "planned_end"): "1404/13/40",
                                   (2, "county_code"): "ناکجاآباد"})
    at.file_uploader[0].set_value(("bad.csv", content, "text/csv")).run()
    assert not at.exception
    assert any(e.value == t("store.import.failed", "fa", count="۲") for e in at.error), texts(at)
    problems = table_with(at, "rule")
    rows = set(zip(problems["row"], problems["column"], problems["value"]))
    assert ("۳", "planned_end", "1404/13/40") in rows
    assert ("۴", "county_code", "ناکجاآباد") in rows
    assert not [b for b in at.button if b.label == t("data_page.save", "fa")]
    labels = [b.label for b in at.get("download_button")]
    assert t("data_page.problems_download", "fa") in labels
    assert other.current_version_id() == 1


def test_followup_appears_in_the_timeline(env, other):
    add_user(EDITOR, PASSWORD, "editor")
    at = sign_in(run_page())
    project = str(other.dataset_at(1).projects.loc[0, "project_id"])
    at.selectbox(key="data_fu_project").select(project).run()
    at.text_input(key="data_fu_date").input("1404/08/28")
    at.selectbox(key="data_fu_status").select("stalled")
    at.number_input(key="data_fu_physical").set_value(42.0)
    at.text_area(key="data_fu_note").input("<b>جلسه با پیمانکار</b>")
    at.text_area(key="data_fu_blocker").input("کمبود اعتبار")
    at.selectbox(key="data_fu_actor").select("governor_office")
    # no people recorded yet: the person is typed as free text
    at.text_input(key="data_fu_person").input("معاون فرماندار")
    by_label(at.button, t("data_page.followup_submit", "fa")).click().run()
    assert not at.exception
    assert any(s.value == t("store.followup.saved", "fa") for s in at.success), texts(at)
    timeline = table_with(at, "recorded_by")
    assert list(timeline["jalali_date"]) == ["۱۴۰۴/۰۸/۲۸"]
    assert list(timeline["person"]) == ["معاون فرماندار"]
    assert list(timeline["note"]) == ["<b>جلسه با پیمانکار</b>"]  # as data, escaped by the grid
    assert list(timeline["actor_role"]) == [t("store.actor.governor_office", "fa")]
    assert list(timeline["recorded_by"]) == [EDITOR]
    assert len(other.followups_frame(project)) == 1
    # an invalid date is refused with the parser's problem, nothing appended
    at.text_input(key="data_fu_date").input("1404/13/40")
    by_label(at.button, t("data_page.followup_submit", "fa")).click().run()
    assert not at.exception
    assert any(e.value == t("data_page.followup_problems", "fa") for e in at.error)
    assert len(other.followups_frame(project)) == 1


def test_followup_person_is_one_of_the_active_people(env, other):
    from store.people import add_person, deactivate_person

    add_user(EDITOR, PASSWORD, "editor")
    add_person(other, "مریم احمدی", "followup_officer", EDITOR)
    gone = add_person(other, "رضا رفته", "followup_officer", EDITOR)
    deactivate_person(other, gone.id, EDITOR)
    at = sign_in(run_page())
    project = str(other.dataset_at(1).projects.loc[0, "project_id"])
    at.selectbox(key="data_fu_project").select(project).run()
    person = at.selectbox(key="data_fu_person")
    assert person.options == ["مریم احمدی"] and person.value is None  # the active people only
    assert not [w for w in at.text_input if w.key == "data_fu_person"]
    at.text_input(key="data_fu_date").input("1404/08/28")
    person.select("مریم احمدی")
    by_label(at.button, t("data_page.followup_submit", "fa")).click().run()
    assert not at.exception
    assert any(s.value == t("store.followup.saved", "fa") for s in at.success), texts(at)
    assert list(table_with(at, "recorded_by")["person"]) == ["مریم احمدی"]
    assert other.followups_frame(project)["person"].tolist() == ["مریم احمدی"]


def test_wrong_password_locks_the_name(env, other):
    add_user(EDITOR, PASSWORD, "editor")
    at = run_page()
    failed = t("store.account.failed", "fa")
    for _ in range(MAX_FAILURES - 1):
        at = sign_in(at, password="wrong-password")
        assert any(e.value == failed for e in at.error), texts(at)
    at = sign_in(at, password="wrong-password")
    locked_prefix = t("auth.locked_name", "fa", until="X", minutes="Y").split("X")[0]
    assert any(e.value.startswith(locked_prefix) for e in at.error), texts(at)
    at = sign_in(at)  # even the right password is refused while locked
    assert any(e.value.startswith(locked_prefix) for e in at.error), texts(at)
    assert "auth:user" not in at.session_state
    assert by_label(at.button, t("data_page.followup_submit", "fa")).disabled


def test_english_page_and_stale_flags_elsewhere(env, other):
    at = run_page(lang="en")
    assert not at.exception
    assert "Data import" in at.title[0].value
    overview = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120).run()
    assert not overview.exception
    metrics = {m.label: m.value for m in overview.metric}
    assert t("data_page.stale_metric", "fa") in metrics
    projects = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    projects.switch_page("pages/projects.py").run()
    assert not projects.exception
    frame = projects.dataframe[0].value
    assert "stale" in frame.columns and set(frame["stale"]) <= {"⌛", ""}


def uploader_styles(at: AppTest) -> str:
    return "\n".join(h.proto.body for h in at.get("html") if "stFileUploader" in h.proto.body)


def test_uploader_speaks_persian(env, other):
    """Streamlit's uploader has its own English words («Upload», «10MB per file»): the
    Persian page replaces them with the catalogue's text (CSS, before the widget)."""
    at = run_page()
    assert not at.exception
    css = uploader_styles(at)
    assert t("data_page.uploader.button", "fa") in css
    assert t("data_page.uploader.limit", "fa", size="۱۰") in css  # server.maxUploadSize
    assert "XLSX, CSV" in css
    assert t("data_page.uploader.drop", "fa") in css
    assert css.count("font-size: 0 !important") == 3  # the English words are hidden
    english = run_page(lang="en")
    assert not english.exception and uploader_styles(english) == ""


def test_followup_fields_follow_the_selected_project(env, other):
    """Issue 13, point 6: picking projects in turn shows each one's status and progress
    (not the first pick's), and saving without touching a field keeps the project's
    values."""
    add_user(EDITOR, PASSWORD, "editor")
    at = sign_in(run_page())
    assert not at.exception
    projects = other.current_dataset().projects.set_index("project_id")
    picks = ["mobarakeh-03", "lenjan-03", "isfahan-01"]
    assert [projects.loc[p, "status"] for p in picks] == ["stalled", "completed", "study"]
    for pid in picks:
        at.selectbox(key="data_fu_project").select(pid).run()
        assert not at.exception
        row = projects.loc[pid]
        assert at.selectbox(key="data_fu_status").value == row["status"], pid
        assert at.number_input(key="data_fu_physical").value == row["physical_progress_pct"]
        assert at.number_input(key="data_fu_financial").value == row["financial_progress_pct"]
    # back to the first pick after the others: its own values again
    at.selectbox(key="data_fu_project").select(picks[0]).run()
    assert at.selectbox(key="data_fu_status").value == "stalled"

    # save mobarakeh-01 (in progress) without touching status or progress
    target = "mobarakeh-01"
    row = projects.loc[target]
    assert row["status"] == "in_progress"
    at.selectbox(key="data_fu_project").select(target).run()
    at.text_area(key="data_fu_note").input("بازدید میدانی")
    # every entry names a person: without one nothing is recorded and the form says which
    # field is missing, in the form's own words
    by_label(at.button, t("data_page.followup_submit", "fa")).click().run()
    assert not at.exception and other.followups_frame(target).empty
    assert t("data_page.followup_problems", "fa") in texts(at)
    table = table_with(at, "column")  # headers are the column config's labels
    assert list(table["column"]) == [t("data_page.followup_person", "fa")]
    assert list(table["message"]) == [t("rule.required", "fa")]
    at.text_input(key="data_fu_person").input("فرمانداری مبارکه")
    by_label(at.button, t("data_page.followup_submit", "fa")).click().run()
    assert not at.exception
    assert any(s.value == t("store.followup.saved", "fa") for s in at.success), texts(at)
    log = other.followups_frame(target)
    assert len(log) == 1
    entry = log.iloc[0]
    assert entry["status"] == "in_progress" and entry["person"] == "فرمانداری مبارکه"
    assert entry["physical_pct"] == row["physical_progress_pct"]
    assert entry["financial_pct"] == row["financial_progress_pct"]
    after = other.current_dataset().projects.set_index("project_id").loc[target]
    assert after["status"] == "in_progress"
    assert after["physical_progress_pct"] == row["physical_progress_pct"]
    # the form still shows the project's values after the save
    assert at.selectbox(key="data_fu_status").value == "in_progress"
    assert at.number_input(key="data_fu_physical").value == row["physical_progress_pct"]


def county_csv(store, county: str, change: dict | None = None) -> bytes:
    """One county's projects as a governor returns them (``change``: {(id, column): value})."""
    frame = store.dataset_at(1).projects
    frame = frame[frame["county_code"] == county].copy()
    for (pid, column), value in (change or {}).items():
        frame.loc[frame["project_id"] == pid, column] = value
    return frame.to_csv(index=False).encode("utf-8")


def test_a_return_is_reviewed_rows_excluded_then_merged(env, other):
    add_user(EDITOR, PASSWORD, "editor")
    at = sign_in(run_page())
    content = county_csv(other, "lenjan", {("lenjan-04", "status"): "completed",
                                           ("lenjan-05", "physical_progress_pct"): 99.0})
    at.file_uploader[0].set_value(("لنجان.csv", content, "text/csv")).run()
    assert not at.exception
    mode = at.radio(key="data_import_mode")
    assert mode.value == "merge"
    preview = t("store.import.preview", "fa", added="۰", changed="۲", removed="۰")
    assert any(i.value == preview for i in at.info), texts(at)
    review = table_with(at, "n_fields")
    assert set(review["project_id"]) == {"lenjan-04", "lenjan-05"}
    assert set(review["change"]) == {t("store.review.changed", "fa")}
    fields = table_with(at, "old")
    row = fields[fields["project_id"] == "lenjan-04"].iloc[0]
    assert (row["field"], row["old"], row["new"]) == (
        t("store.col.projects.status", "fa"), t("status.in_progress", "fa"),
        t("status.completed", "fa"))
    exclude = at.multiselect(key="data_import_exclude")
    assert exclude.options == ["lenjan-04", "lenjan-05"]
    exclude.set_value(["lenjan-05"]).run()
    by_label(at.button, t("data_page.save", "fa")).click().run()
    assert not at.exception
    assert other.current_version_id() == 2, texts(at)
    version = other.list_versions()[0]
    assert version.diff["changed"] == ["lenjan-04"] and version.diff["n_removed"] == 0
    assert version.diff["excluded"] == ["lenjan-05"] and version.created_by == EDITOR
    assert version.n_projects == 137
    projects = other.current_dataset().projects.set_index("project_id")
    assert projects.loc["lenjan-04", "status"] == "completed"
    assert projects.loc["lenjan-05", "physical_progress_pct"] != 99.0


def test_replacing_the_registry_states_the_removals_and_needs_confirmation(env, other):
    add_user(EDITOR, PASSWORD, "editor")
    at = sign_in(run_page())
    at.radio(key="data_import_mode").set_value("replace").run()
    at.file_uploader[0].set_value(("لنجان.csv", county_csv(other, "lenjan"), "text/csv")).run()
    assert not at.exception
    warning = t("data_page.replace_warning", "fa", count="۱۳۱", total="۱۳۷")
    assert any(w.value == warning for w in at.warning), texts(at)
    save = by_label(at.button, t("data_page.save", "fa"))
    assert save.disabled
    at.checkbox(key="data_replace_confirm").check().run()
    save = by_label(at.button, t("data_page.save", "fa"))
    assert not save.disabled
    save.click().run()
    assert not at.exception
    assert other.current_version_id() == 2, texts(at)
    version = other.list_versions()[0]
    assert version.n_projects == 6 and version.diff["n_removed"] == 131
    assert version.diff["mode"] == "replace"
