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
    by_label(at.button, t("data_page.followup_submit", "fa")).click().run()
    assert not at.exception
    assert any(s.value == t("store.followup.saved", "fa") for s in at.success), texts(at)
    timeline = table_with(at, "recorded_by")
    assert list(timeline["jalali_date"]) == ["۱۴۰۴/۰۸/۲۸"]
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


def test_wrong_password_locks_the_name(env, other):
    add_user(EDITOR, PASSWORD, "editor")
    at = run_page()
    failed = t("store.account.failed", "fa")
    for _ in range(MAX_FAILURES - 1):
        at = sign_in(at, password="wrong-password")
        assert any(e.value == failed for e in at.error), texts(at)
    at = sign_in(at, password="wrong-password")
    locked_prefix = t("store.account.locked", "fa", minutes="X").split("X")[0]
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
